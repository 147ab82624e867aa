"""Tools for testing code built on ``democratie``: plugins, exporters, scoring rules.

:mod:`democratie.testing.strategies` holds Hypothesis strategies that build valid
model objects and whole landscapes whose references resolve, so a plugin's
tests can check a property for every landscape the model allows. The module
needs Hypothesis (the ``test`` extra of the package).

Examples
--------
>>> from democratie.testing import strategies
>>> from hypothesis import find
>>> land = find(strategies.landscapes(), lambda land: land.municipalities)
>>> land.get(land.municipalities[0].council_id).seats is None
True
"""

from democratie.testing import strategies

__all__ = ["strategies"]

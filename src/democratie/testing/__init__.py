"""Tools for testing code built on ``democratie``: plugins, exporters, scoring rules.

:mod:`democratie.testing.strategies` holds Hypothesis strategies that build valid
model objects and whole landscapes whose references resolve, so a plugin's
tests can check a property for every landscape the model allows;
:mod:`democratie.testing.contracts` checks that a rule, exporter or importer keeps its
contract over those landscapes.

The package needs `Hypothesis <https://hypothesis.readthedocs.io/>`_, which
``democratie`` itself does not install: install the extra ``testing``
(``pip install "democratie[testing]"``). Without it, importing the package raises an
:class:`ImportError` that says so.

Examples
--------
>>> from democratie.testing import strategies
>>> from hypothesis import find
>>> land = find(strategies.landscapes(), lambda land: land.municipalities)
>>> land.get(land.municipalities[0].council_id).seats is None
True
"""

try:
    import hypothesis  # noqa: F401  (only to say what is missing)
except ImportError as error:
    message = (
        "democratie.testing needs Hypothesis, which democratie does not install by itself: "
        'install the extra testing, pip install "democratie[testing]"'
    )
    raise ImportError(message, name="hypothesis") from error

from democratie.testing import strategies

__all__ = ["strategies"]

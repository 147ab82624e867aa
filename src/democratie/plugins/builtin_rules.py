"""The built-in plugin that offers the twenty-five built-in scoring rules.

Registered first by every plugin manager (see
:data:`~democratie.plugins.manager.DEFAULT_PLUGINS`), through the same
``democratie_scoring_rules`` hook outside plugins use. To run without the
built-in rules, block it: ``manager.set_blocked("democratie.plugins.builtin_rules")``.

Examples
--------
>>> from democratie.plugins import builtin_rules
>>> len(builtin_rules.democratie_scoring_rules())
25
"""

from __future__ import annotations

from democratie.plugins._markers import hookimpl
from democratie.scoring import ScoringRule
from democratie.scoring.rules import BUILTIN_RULES

__all__ = ["democratie_scoring_rules"]


@hookimpl
def democratie_scoring_rules() -> list[ScoringRule]:
    """Offer the rules of :data:`democratie.scoring.rules.BUILTIN_RULES`, with their defaults.

    Examples
    --------
    >>> rules = democratie_scoring_rules()
    >>> len(rules), rules[0].name
    (25, 'commitment_triad')
    """
    return list(BUILTIN_RULES)

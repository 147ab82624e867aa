"""Scoring: rules that judge initiatives, municipalities and networks, and what they return.

A scoring rule (:class:`ScoringRule`) looks at one subject of a landscape, with
the stakeholder graph at hand (:class:`ScoringContext`), and returns a
:class:`Score`: a value in the range the rule declares, or *not applicable* with
the reason, explained in Dutch and English, with the evidence used and
recommendations. :func:`run` runs rules over a landscape and returns
:class:`Scorecards`. The twenty-five built-in rules live in
:mod:`democratie.scoring.rules`; composers that make one number of several
in :mod:`democratie.scoring.compose`.

This layer knows nothing of plugins: :func:`run` takes its rules explicitly.
:func:`democratie.score` gathers the registered rules (built-in and from
plugins) and calls it.

Examples
--------
>>> import democratie
>>> from democratie.scoring import run
>>> from democratie.scoring.rules import BUILTIN_RULES
>>> land = democratie.loads('''
... format = "democratie/1"
... [[initiatives]]
... id = "challenge"
... kind = "challenge"
... title = "Samenleving Voorop"
... service_goals = ["participatie", "minder_regeldruk"]
... ''')
>>> card = run(land, BUILTIN_RULES)["challenge"]
>>> round(card["service_goal_alignment"].value, 3)
0.286
"""

from democratie.scoring.compose import Composer, hard_fail_first, weakest_link, weighted_mean
from democratie.scoring.context import ScoringContext
from democratie.scoring.rule import RULE_NAME, BaseRule, ScoringRule, check_rule
from democratie.scoring.run import AUTO_MIN_SUBJECTS, default_workers, run, subjects
from democratie.scoring.score import (
    SUBJECT_KINDS,
    Bilingual,
    Evidence,
    Scalar,
    Score,
    Subject,
    SubjectKind,
    subject_kind,
)
from democratie.scoring.scorecard import RuleFailure, Scorecard, Scorecards

__all__ = [
    "AUTO_MIN_SUBJECTS",
    "RULE_NAME",
    "SUBJECT_KINDS",
    "BaseRule",
    "Bilingual",
    "Composer",
    "Evidence",
    "RuleFailure",
    "Scalar",
    "Score",
    "Scorecard",
    "Scorecards",
    "ScoringContext",
    "ScoringRule",
    "Subject",
    "SubjectKind",
    "check_rule",
    "default_workers",
    "hard_fail_first",
    "run",
    "subject_kind",
    "subjects",
    "weakest_link",
    "weighted_mean",
]

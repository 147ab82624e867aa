"""The scoring-rule protocol, and the base class that rules derive from.

The library calls one method of a rule, ``score(subject, context)``, once for every
subject (:class:`ScoringRule`). A rule derives from :class:`BaseRule` and implements
``evaluate(subject, context)``, never ``score``: ``BaseRule.score`` gives a subject of
another kind a not-applicable score and hands the others to ``evaluate``, whose
:meth:`BaseRule.result` and :meth:`BaseRule.not_applicable` fill in the rule's name and
range. Only a rule written without :class:`BaseRule`, as a plain object, has a ``score`` of
its own, and checks the subject's kind itself. The guide *Add a scoring rule* tells the
same with a whole rule.

Examples
--------
A rule written without :class:`BaseRule`, as a plain object with a ``score`` of its own:

>>> from attrs import frozen
>>> from democratie.model import Initiative
>>> from democratie.scoring import Bilingual, Score, ScoringRule
>>> @frozen
... class HasTitle:
...     name = "has_title"
...     title = Bilingual(nl="Heeft een titel", en="Has a title")
...     applies_to = "initiative"
...     source = "example"
...     formula = "1 when the title is longer than 3 characters, else 0"
...     value_range = (0.0, 1.0)
...     def score(self, subject, context):
...         value = 1.0 if len(subject.title) > 3 else 0.0
...         return Score(rule=self.name, subject=subject.id, value=value,
...                      explanation=Bilingual(nl="Titel geteld.", en="Title counted."))
>>> isinstance(HasTitle(), ScoringRule)
True

The names of rules match :data:`RULE_NAME`:

>>> [bool(RULE_NAME.fullmatch(name)) for name in ("has_title", "oecd.assembly_quality", "Has")]
[True, True, False]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar, Protocol, runtime_checkable

from democratie.scoring.score import (
    SUBJECT_KINDS,
    Bilingual,
    Evidence,
    Score,
    Subject,
    SubjectKind,
    subject_kind,
)

if TYPE_CHECKING:
    from democratie.scoring.context import ScoringContext

__all__ = ["RULE_NAME", "BaseRule", "ScoringRule", "check_rule"]

#: What a rule name looks like: lowercase letters, digits, ``_``, ``.`` and ``-``.
RULE_NAME = re.compile(r"[a-z][a-z0-9_.-]{0,99}")


@runtime_checkable
class ScoringRule(Protocol):
    """A scoring rule: a pure, deterministic function of one subject and its landscape.

    Attributes
    ----------
    name
        A unique, stable identifier in lowercase (``"commitment_triad"``). Rules
        from plugins should start with the plugin's name (``"oecd.assembly_quality"``).
    title
        A short title in Dutch and English.
    applies_to
        The kind of subject it scores: ``"initiative"``, ``"municipality"`` or ``"network"``.
    source
        Where the rule comes from: a framework, a law, a seed text.
    formula
        The computation in one line, for the rule catalogue.
    value_range
        The lowest and highest value the rule gives, ``(low, high)``; higher is better.

    Notes
    -----
    :meth:`score` is what the library calls; a rule derived from :class:`BaseRule` has it
    already and implements :meth:`BaseRule.evaluate` instead. It must return a
    :class:`~democratie.scoring.Score` with ``rule`` equal to
    :attr:`name`, ``subject`` equal to the subject's id and ``value_range`` equal to
    :attr:`value_range`; its value lies in that range or is ``None`` when the rule does
    not apply, with the reason. It must not change the landscape or the graph, and must
    give the same score for the same input every time.

    Examples
    --------
    The built-in rules are scoring rules like any other:

    >>> from democratie.scoring.rules import CommitmentTriad
    >>> rule = CommitmentTriad()
    >>> isinstance(rule, ScoringRule), rule.name, rule.applies_to, rule.value_range
    (True, 'commitment_triad', 'initiative', (0.0, 1.0))
    """

    @property
    def name(self) -> str:
        """A unique, stable identifier."""

    @property
    def title(self) -> Bilingual:
        """A short title in Dutch and English."""

    @property
    def applies_to(self) -> SubjectKind:
        """The kind of subject the rule scores."""

    @property
    def source(self) -> str:
        """Where the rule comes from."""

    @property
    def formula(self) -> str:
        """The computation in one line."""

    @property
    def value_range(self) -> tuple[float, float]:
        """The lowest and highest value the rule gives."""

    def score(self, subject: Subject, context: ScoringContext) -> Score:
        """Score one subject of kind :attr:`applies_to`."""


def check_rule(rule: object) -> list[str]:
    """Return what is wrong with *rule* as a scoring rule; an empty list when nothing is.

    Checks the attributes of :class:`ScoringRule` (presence, types, the name's
    form, the range), not the scores the rule gives: for those, see
    :func:`democratie.testing.contracts.check_scoring_rule`.

    Examples
    --------
    >>> check_rule(object())[0]
    'it has no attribute name'
    """
    problems: list[str] = []
    for attribute in ("name", "title", "applies_to", "source", "formula", "value_range"):
        if not hasattr(rule, attribute):
            problems.append(f"it has no attribute {attribute}")
    if not callable(getattr(rule, "score", None)):
        problems.append("it has no score(subject, context) method")
    if problems:
        return problems
    name = getattr(rule, "name", None)
    if not isinstance(name, str) or RULE_NAME.fullmatch(name) is None:
        problems.append(
            f"its name {name!r} is not a rule name (lowercase letters, digits, '_', '.', '-', "
            "starting with a letter)"
        )
    if not isinstance(getattr(rule, "title", None), Bilingual):
        problems.append("its title is not a Bilingual (Dutch and English)")
    if getattr(rule, "applies_to", None) not in SUBJECT_KINDS:
        problems.append(
            f"it applies to {getattr(rule, 'applies_to', None)!r}; expected one of "
            + ", ".join(SUBJECT_KINDS)
        )
    for attribute in ("source", "formula"):
        value = getattr(rule, attribute, None)
        if not isinstance(value, str) or not value.strip():
            problems.append(f"its {attribute} is not a non-empty text")
    value_range = getattr(rule, "value_range", None)
    if (
        not isinstance(value_range, tuple)
        or len(value_range) != 2
        or not all(
            isinstance(v, (int, float)) and not isinstance(v, bool) and v == v  # not NaN
            for v in value_range
        )
        or not value_range[0] < value_range[1]
    ):
        problems.append(
            f"its value_range {value_range!r} is not a pair (low, high) with low < high"
        )
    return problems


class BaseRule:
    """The base class of scoring rules: checks the subject's kind and builds scores.

    Subclasses set the class attributes of :class:`ScoringRule` and implement
    :meth:`evaluate`, never :meth:`score`: :meth:`score`, which the library calls,
    gives a subject of another kind than :attr:`applies_to` a not-applicable score and
    hands the others to :meth:`evaluate`. Parameters of a rule are best declared as
    attrs fields with defaults, so a user can make a variant
    (``CommitmentTriad(levels={...})``).

    Examples
    --------
    >>> from attrs import frozen
    >>> import democratie.examples
    >>> from democratie.scoring import Bilingual, ScoringContext
    >>> @frozen
    ... class HasGoals(BaseRule):
    ...     name: str = "has_goals"
    ...     title = Bilingual(nl="Heeft doelen", en="Has goals")
    ...     applies_to = "initiative"
    ...     source = "example"
    ...     formula = "1 when the initiative states a goal, else 0"
    ...     def evaluate(self, subject, context):
    ...         value = 1.0 if subject.goals else 0.0
    ...         return self.result(subject, value, nl=f"{len(subject.goals)} doelen.",
    ...                            en=f"{len(subject.goals)} goals.")
    >>> land = democratie.examples.load("leusden-samenleving-voorop")
    >>> context = ScoringContext(land)
    >>> print(HasGoals().score(land.get("samenleving-voorop"), context))
    has_goals [samenleving-voorop]: 1.00 - 2 goals.
    >>> print(HasGoals().score(land.get("leusden"), context))
    has_goals [leusden]: not applicable - This rule is about an initiative, not a municipality.
    """

    __slots__ = ()

    name: str
    title: ClassVar[Bilingual]
    applies_to: ClassVar[SubjectKind]
    source: ClassVar[str]
    formula: ClassVar[str]
    value_range: ClassVar[tuple[float, float]] = (0.0, 1.0)

    def score(self, subject: Subject, context: ScoringContext) -> Score:
        """Score *subject*: what the library calls; it calls :meth:`evaluate`, not to override.

        A subject of another kind than :attr:`applies_to` gets a not-applicable score.
        """
        kind = subject_kind(subject)
        if kind != self.applies_to:
            return self.not_applicable(
                subject,
                nl=f"Deze regel gaat over een {_KIND_NL[self.applies_to]}, niet over een "
                f"{_KIND_NL[kind]}.",
                en=f"This rule is about {_article(self.applies_to)}, not {_article(kind)}.",
            )
        return self.evaluate(subject, context)

    def evaluate(self, subject: Subject, context: ScoringContext) -> Score:
        """Score a subject of kind :attr:`applies_to`: what a rule implements.

        Called by :meth:`score` with a subject already checked to be of that kind.
        """
        message = f"{type(self).__name__} does not implement evaluate()"
        raise TypeError(message)

    def result(
        self,
        subject: Subject,
        value: float,
        *,
        nl: str,
        en: str,
        evidence: Iterable[Evidence] = (),
        recommendations: Iterable[Bilingual] = (),
    ) -> Score:
        """Return a score of *value* for *subject*, with the explanation in Dutch and English."""
        low, high = self.value_range
        number = float(value)
        if low - _SLACK <= number < low or high < number <= high + _SLACK:
            number = min(max(number, low), high)  # rounding error at the ends of the range
        return Score(
            rule=self.name,
            subject=subject.id,
            value=number,
            explanation=Bilingual(nl=nl, en=en),
            value_range=self.value_range,
            evidence=tuple(evidence),
            recommendations=tuple(recommendations),
        )

    def not_applicable(
        self,
        subject: Subject,
        *,
        nl: str,
        en: str,
        evidence: Iterable[Evidence] = (),
        recommendations: Iterable[Bilingual] = (),
        out_of_scope: bool = False,
    ) -> Score:
        """Return a not-applicable score for *subject*, with the reason in Dutch and English.

        Pass ``out_of_scope=True`` when *subject* is not the kind of subject the rule judges
        (no fact could make it apply, so there is nothing to record); leave it ``False`` when
        facts the rule needs are missing.
        """
        return Score.not_applicable(
            self.name,
            subject.id,
            nl=nl,
            en=en,
            value_range=self.value_range,
            evidence=tuple(evidence),
            recommendations=tuple(recommendations),
            out_of_scope=out_of_scope,
        )


_SLACK = 1e-9


def _article(noun: str) -> str:
    return f"an {noun}" if noun[:1] in "aeiou" else f"a {noun}"


_KIND_NL: dict[str, str] = {
    "initiative": "initiatief",
    "municipality": "gemeente",
    "network": "netwerk",
}

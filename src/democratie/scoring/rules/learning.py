"""Learning loop: evaluations recorded, lessons recorded as do's and don'ts, and passed on.

Examples
--------
>>> from democratie import examples
>>> from democratie.scoring import run
>>> from democratie.scoring.rules import LearningLoop
>>> land = examples.load("delft-zeven-van-delft")
>>> score = run(land, [LearningLoop()])["de-zeven-van-delft"]["learning_loop"]
>>> score.value
0.5
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import ClassVar

from attrs import field, frozen

from democratie.model import Evaluation, Initiative, Lesson
from democratie.scoring.context import ScoringContext
from democratie.scoring.rule import BaseRule
from democratie.scoring.rules._common import advice, plural, terms
from democratie.scoring.score import Bilingual, Evidence, Score, Subject, SubjectKind
from democratie.vocab import InitiativeKind, LessonKind

__all__ = ["LearningLoop"]


def _check_unit(instance: object, attribute: object, value: float) -> None:
    if not 0.0 <= value <= 1.0:
        message = f"{getattr(attribute, 'name', 'value')} must lie in [0, 1], got {value}"
        raise ValueError(message)


def _kinds(value: Iterable[InitiativeKind | str]) -> tuple[InitiativeKind, ...]:
    return terms(InitiativeKind, value, "peer_kinds")


@frozen(kw_only=True)
class LearningLoop(BaseRule):
    """Learning loop: the mean of evaluated, do's and don'ts recorded, and lessons shared.

    "Hoe bewust leer je? Zijn we inderdaad een lerende organisatie?", the M50
    learning circle asked; Leusden wants to pass on "wat werkt wel en wat werkt
    niet", its do's and don'ts. Three parts, each on [0, 1]:

    - *evaluated*: 1 when at least one evaluation is recorded (``evaluations``),
      else 0; the explanation says how many, and the date, evaluator and method of
      the latest; on a day (``as_of``) an evaluation dated after it is not yet held;
    - *recorded*: half for do's (``doen``) and half for don'ts (``niet_doen``);
    - *shared*: the mean over the lessons of 1 for a lesson passed on (a transfer to
      a network, municipality, organisation or initiative; and every lesson of a
      learning circle or of an initiative that works through a network, whose peers
      share in it), *transferable_credit* for one marked transferable but not yet
      passed on, else 0.

    Parameters
    ----------
    name
        The rule's name.
    transferable_credit
        Credit for a lesson marked transferable that is not yet passed on (0.5;
        our reading).
    peer_kinds
        Initiative kinds whose lessons are shared among their participants by
        nature (a leerkring).

    Notes
    -----
    score = (evaluated + recorded + shared) / 3. Not applicable when nothing is
    recorded about learning (no evaluation and no lessons) and no evaluation is due:
    one is due when the scoring run has a date (``as_of``) on or after the day the
    initiative ends (the end of its period, or its start plus its planned duration).
    Without a date only what the landscape records is judged, so an initiative that
    records neither evaluations nor lessons is not scored.

    References
    ----------
    M50 learning circle, Waalwijk 2020; Leusden, "Samenleving Voorop" (do's en
    dont's, overdraagbaar).

    Examples
    --------
    >>> import datetime as dt
    >>> import democratie
    >>> from democratie.scoring import run
    >>> land = democratie.loads('''
    ... format = "democratie/1"
    ... [[initiatives]]
    ... id = "g1000"
    ... kind = "g1000"
    ... title = "G1000"
    ... period = { start = 2019-01-12, end = 2019-06-30 }
    ... evaluations = [{ date = 2019-06-30, method = "enquête onder deelnemers" }]
    ... lessons = [{ text = "Nodig breed uit.", kind = "doen", transferable = true }]
    ... ''')
    >>> score = run(land, [LearningLoop()])["g1000"]["learning_loop"]
    >>> print(score)
    learning_loop [g1000]: 0.67 - Learning loop 0.67: it has been evaluated, last on 2019-06-30
    (enquête onder deelnemers); 1 do and 0 don'ts recorded (of 1 lesson); shared: 0.50.

    Once the initiative has ended, a missing evaluation counts, if the run has a date:

    >>> bare = democratie.loads('''
    ... format = "democratie/1"
    ... [[initiatives]]
    ... id = "g1000"
    ... kind = "g1000"
    ... title = "G1000"
    ... period = { start = 2019-01-12, end = 2019-06-30 }
    ... ''')
    >>> run(bare, [LearningLoop()])["g1000"]["learning_loop"].value is None
    True
    >>> print(run(bare, [LearningLoop()], as_of=dt.date(2020, 1, 1))["g1000"]["learning_loop"])
    learning_loop [g1000]: 0.00 - Learning loop 0.00: no evaluation is recorded, though it ended on
    2019-06-30; 0 do's and 0 don'ts recorded (of 0 lessons).
    """

    name: str = "learning_loop"
    title: ClassVar[Bilingual] = Bilingual(nl="Lerende cyclus", en="Learning loop")
    applies_to: ClassVar[SubjectKind] = "initiative"
    source: ClassVar[str] = "M50 learning circle (lerende organisatie); Leusden (do's en dont's)"
    formula: ClassVar[str] = (
        "mean of evaluated (0/1: an evaluation recorded), do's and don'ts recorded (0, .5, 1), "
        "lessons shared (mean per lesson)"
    )
    transferable_credit: float = field(default=0.5, validator=_check_unit)
    peer_kinds: tuple[InitiativeKind, ...] = field(
        default=(InitiativeKind.LEERKRING,), converter=_kinds
    )

    def _shared(self, lesson: Lesson, initiative: Initiative) -> float:
        if lesson.transfers or initiative.network is not None or initiative.kind in self.peer_kinds:
            return 1.0
        if lesson.transferable:
            return self.transferable_credit
        return 0.0

    def evaluate(self, subject: Subject, context: ScoringContext) -> Score:
        """Score one initiative."""
        assert isinstance(subject, Initiative)
        lessons = subject.lessons
        # On a day, an evaluation recorded for a later day has not been held yet.
        evaluations = tuple(
            e
            for e in subject.evaluations
            if context.as_of is None or e.date is None or e.date <= context.as_of
        )
        ended = subject.end_date()
        due = (
            ended
            if ended is not None and context.as_of is not None and ended <= context.as_of
            else None
        )
        if not evaluations and not lessons and due is None:
            return self.not_applicable(
                subject,
                nl=(
                    "Er is niets vastgelegd over leren: geen evaluatie en geen lessen "
                    "(evaluations, lessons)."
                ),
                en=(
                    "Nothing is recorded about learning: no evaluation and no lessons "
                    "(evaluations, lessons)."
                ),
                recommendations=[
                    advice(
                        "Evalueer en leg de lessen vast als do's en don'ts.",
                        "Evaluate, and record the lessons as do's and don'ts.",
                    )
                ],
            )
        evaluated = 1.0 if evaluations else 0.0
        kinds = {lesson.kind for lesson in lessons}
        recorded = (0.5 if LessonKind.DOEN in kinds else 0.0) + (
            0.5 if LessonKind.NIET_DOEN in kinds else 0.0
        )
        shared = (
            sum(self._shared(lesson, subject) for lesson in lessons) / len(lessons)
            if lessons
            else 0.0
        )
        value = (evaluated + recorded + shared) / 3
        nl_parts = []
        en_parts = []
        if evaluations:
            nl, en = _evaluations_text(evaluations)
            nl_parts.append(nl)
            en_parts.append(en)
        elif due is not None:
            nl_parts.append(f"een evaluatie is niet vastgelegd, terwijl het op {due} afliep")
            en_parts.append(f"no evaluation is recorded, though it ended on {due}")
        else:
            nl_parts.append("een evaluatie is niet vastgelegd")
            en_parts.append("no evaluation is recorded")
        dos = sum(1 for lesson in lessons if lesson.kind is LessonKind.DOEN)
        donts = sum(1 for lesson in lessons if lesson.kind is LessonKind.NIET_DOEN)
        counted = plural(dos, "do", "do's"), plural(donts, "don't", "don'ts")
        nl_parts.append(
            f"{counted[0]} en {counted[1]} vastgelegd (van {plural(len(lessons), 'les', 'lessen')})"
        )
        en_parts.append(
            f"{counted[0]} and {counted[1]} recorded (of "
            f"{plural(len(lessons), 'lesson', 'lessons')})"
        )
        if lessons:
            nl_parts.append(f"gedeeld: {shared:.2f}")
            en_parts.append(f"shared: {shared:.2f}")
        nl = "Lerende cyclus " + f"{value:.2f}: " + "; ".join(nl_parts) + "."
        en = "Learning loop " + f"{value:.2f}: " + "; ".join(en_parts) + "."
        recommendations = []
        if not evaluations:
            recommendations.append(advice("Evalueer het initiatief.", "Evaluate the initiative."))
        if recorded < 1:
            recommendations.append(
                advice(
                    "Leg lessen vast als do's én don'ts, zodat anderen ze kunnen gebruiken.",
                    "Record lessons as do's and don'ts, so that others can use them.",
                )
            )
        if lessons and shared < 1:
            recommendations.append(
                advice(
                    "Deel de lessen met andere gemeenten, bijvoorbeeld in een leerkring.",
                    "Share the lessons with other municipalities, in a learning circle for "
                    "instance.",
                )
            )
        return self.result(
            subject,
            value,
            nl=nl,
            en=en,
            evidence=[
                Evidence(about=subject.id, fact="evaluations", value=len(evaluations)),
                Evidence(about=subject.id, fact="recorded", value=recorded),
                Evidence(about=subject.id, fact="shared", value=round(shared, 4)),
            ],
            recommendations=recommendations,
        )


def _evaluations_text(evaluations: tuple[Evaluation, ...]) -> tuple[str, str]:
    """How often it was evaluated, and the date, evaluator and method of the latest, nl and en."""
    count = len(evaluations)
    nl = "het is geëvalueerd" + (f" ({count} keer)" if count > 1 else "")
    en = "it has been evaluated" + (f" {count} times" if count > 1 else "")
    dated = [e for e in evaluations if e.date is not None]
    if dated:
        latest = max(dated, key=lambda e: e.date or dt.date.min)
        details = [part for part in (latest.by, latest.method) if part]
        extra = f" ({', '.join(details)})" if details else ""
        nl += f", het laatst op {latest.date}{extra}"
        en += f", last on {latest.date}{extra}"
    return nl, en

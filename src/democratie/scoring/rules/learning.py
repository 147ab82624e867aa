"""Learning: evaluations and lessons recorded as do's and don'ts, passed on, and taken up.

Examples
--------
>>> from democratie import examples
>>> from democratie.scoring import run
>>> from democratie.scoring.rules import LearningLoop, LessonUptake
>>> land = examples.load("delft-zeven-van-delft")
>>> cards = run(land, [LearningLoop(), LessonUptake()])["de-zeven-van-delft"]
>>> round(cards["learning_loop"].value, 4), cards["lesson_uptake"].value
(0.4167, 0.0)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import ClassVar

from attrs import field, frozen

from democratie.model import Evaluation, Initiative, Lesson
from democratie.scoring.context import ScoringContext
from democratie.scoring.rule import BaseRule
from democratie.scoring.rules._common import advice, dutch, plural, terms
from democratie.scoring.score import Bilingual, Evidence, Score, Subject, SubjectKind
from democratie.vocab import InitiativeKind, LessonKind

__all__ = ["LearningLoop", "LessonUptake"]


def _check_unit(instance: object, attribute: object, value: float) -> None:
    if not 0.0 <= value <= 1.0:
        message = f"{getattr(attribute, 'name', 'value')} must lie in [0, 1], got {value}"
        raise ValueError(message)


def _kinds(value: Iterable[InitiativeKind | str]) -> tuple[InitiativeKind, ...]:
    return terms(InitiativeKind, value, "peer_kinds")


@frozen(kw_only=True)
class LearningLoop(BaseRule):
    """Learning loop: the mean of evaluated, do's and don'ts recorded, and lessons passed on.

    "Hoe bewust leer je? Zijn we inderdaad een lerende organisatie?", the M50
    learning circle asked; Leusden wants to pass on "wat werkt wel en wat werkt
    niet", its do's and don'ts. Three parts, each on [0, 1]:

    - *evaluated*: 1 when at least one evaluation is recorded (``evaluations``),
      else 0; the explanation says how many, and the date, evaluator and method of
      the latest; on a day (``as_of``) an evaluation dated after it is not yet held;
    - *recorded*: half for do's (``doen``) and half for don'ts (``niet_doen``);
    - *shared*: the mean over the lessons of 1 for a lesson taken up somewhere (a
      transfer with ``adopted = true``), *passed_on_credit* for one passed on but not
      known to be taken up (a transfer to a network, municipality, organisation or
      initiative whose adoption is false or not recorded; and every lesson of a
      learning circle or of an initiative that works through a network, whose peers
      share in it), *transferable_credit* for one marked transferable but not yet
      passed on, else 0. Sharing alone is not full marks: a lesson counts fully once
      it is known to have been taken up (see also ``lesson_uptake``).

    Changed: a lesson passed on used to count 1 whatever became of it, so a
    workshop that heard three do's scored as if three municipalities had learned
    from them. Passed on and taken up are now told apart: 1 for a transfer with
    ``adopted = true``, *passed_on_credit* for one whose uptake is not known.

    Parameters
    ----------
    name
        The rule's name.
    transferable_credit
        Credit for a lesson marked transferable that is not yet passed on (0.5;
        our reading).
    passed_on_credit
        Credit for a lesson passed on, or shared among peers, that is not known to be
        taken up (0.75; our reading: halfway between offered and taken up). Not below
        *transferable_credit*.
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

    A lesson passed on to anyone used to count as fully shared (1.0), whether or not it
    was taken up there; now that transfers record adoption, only a lesson taken up
    counts fully, and one whose adoption is unknown counts as passed on, not taken up.

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
    passed_on_credit: float = field(default=0.75, validator=_check_unit)
    peer_kinds: tuple[InitiativeKind, ...] = field(
        default=(InitiativeKind.LEERKRING,), converter=_kinds
    )

    def __attrs_post_init__(self) -> None:
        if self.passed_on_credit < self.transferable_credit:
            message = (
                f"passed_on_credit ({self.passed_on_credit}) must not be below "
                f"transferable_credit ({self.transferable_credit}): a lesson passed on is at "
                "least as shared as one only offered"
            )
            raise ValueError(message)

    def _shared(self, lesson: Lesson, initiative: Initiative) -> float:
        if any(transfer.adopted is True for transfer in lesson.transfers):
            return 1.0
        if lesson.transfers or initiative.network is not None or initiative.kind in self.peer_kinds:
            return self.passed_on_credit
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
            nl_parts.append(f"gedeeld: {dutch(shared)}")
            en_parts.append(f"shared: {shared:.2f}")
        nl = "Lerende cyclus " + f"{dutch(value)}: " + "; ".join(nl_parts) + "."
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
            unsure = any(
                transfer.adopted is not True for lesson in lessons for transfer in lesson.transfers
            )
            if unsure:
                recommendations.append(
                    advice(
                        "Leg vast of de doorgegeven lessen zijn overgenomen (adopted).",
                        "Record whether the lessons passed on were taken up (adopted).",
                    )
                )
            if any(self._shared(lesson, subject) < self.passed_on_credit for lesson in lessons):
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


@frozen(kw_only=True)
class LessonUptake(BaseRule):
    """Lesson uptake: the share of the lessons passed on that were taken up where they went.

    Leusden wants to pass on its "do's en dont's", since "onze hele ontwikkeling
    Samenleving Voorop [is] overdraagbaar"; Democratie in Actie bundles the knowledge of
    its trajectory "en verspreid naar andere regio's". Passing a lesson on is half the
    loop; the other half is that it is used there. Each transfer of a lesson (to a
    municipality, network, organisation or initiative) says whether it was taken up
    (``adopted``): true counts, false does not, and unknown does not either, since a
    lesson not known to be used is not known to be learned; the explanation counts the
    unknown ones apart, so that an adviser knows to ask.

    Parameters
    ----------
    name
        The rule's name.

    Notes
    -----
    score = transfers with ``adopted = true`` / transfers. Not applicable when no lesson
    of the initiative records a transfer (the reason says what to record).

    References
    ----------
    Leusden, "Samenleving Voorop" (overdraagbaar; do's en dont's delen); VNG Democratie
    in Actie (kennis gebundeld en verspreid naar andere regio's).

    Examples
    --------
    Leusden passed its lessons on to its challenge on the domain Bestuur, and the text does
    not say yet what the challenge made of them; once one is recorded as taken up, the
    score moves:

    >>> from attrs import evolve
    >>> from democratie import examples
    >>> from democratie.scoring import run
    >>> land = examples.load("leusden-samenleving-voorop")
    >>> trajectory = land.get("samenleving-voorop")
    >>> print(run(land, [LessonUptake()])[trajectory.id]["lesson_uptake"].explanation.en)
    0 of 3 transfers of lessons were taken up; for 3 it is not recorded whether they were.
    >>> first = trajectory.lessons[0]
    >>> taken = evolve(first, transfers=(evolve(first.transfers[0], adopted=True),))
    >>> changed = evolve(trajectory, lessons=(taken, *trajectory.lessons[1:]))
    >>> run(land.replace(changed), [LessonUptake()])[trajectory.id]["lesson_uptake"].value
    0.3333333333333333
    """

    name: str = "lesson_uptake"
    title: ClassVar[Bilingual] = Bilingual(nl="Lessen overgenomen", en="Lesson uptake")
    applies_to: ClassVar[SubjectKind] = "initiative"
    source: ClassVar[str] = (
        "Leusden (Samenleving Voorop: overdraagbaar, do's en dont's delen); VNG Democratie in "
        "Actie (kennis verspreid naar andere regio's)"
    )
    formula: ClassVar[str] = "transfers adopted / transfers recorded (unknown adoption counts 0)"

    def evaluate(self, subject: Subject, context: ScoringContext) -> Score:
        """Score one initiative."""
        assert isinstance(subject, Initiative)
        transfers = [transfer for lesson in subject.lessons for transfer in lesson.transfers]
        if not transfers:
            return self.not_applicable(
                subject,
                nl="Geen les is vastgelegd als doorgegeven (transfers).",
                en="No lesson is recorded as passed on (transfers).",
                evidence=[Evidence(about=subject.id, fact="lessons", value=len(subject.lessons))],
                recommendations=[
                    advice(
                        "Leg vast aan wie elke les is doorgegeven (transfers) en of die haar "
                        "heeft overgenomen (adopted).",
                        "Record to whom each lesson was passed on (transfers), and whether it "
                        "was taken up there (adopted).",
                    )
                ],
            )
        adopted = sum(1 for t in transfers if t.adopted is True)
        refused = sum(1 for t in transfers if t.adopted is False)
        unknown = len(transfers) - adopted - refused
        value = adopted / len(transfers)
        nl = f"{adopted} van de {len(transfers)} doorgegeven lessen zijn overgenomen"
        en = (
            f"{adopted} of {plural(len(transfers), 'transfer', 'transfers')} of lessons "
            f"{'was' if len(transfers) == 1 else 'were'} taken up"
        )
        if refused:
            nl += f"; {refused} niet"
            en += f"; {refused} not"
        if unknown:
            nl += f"; bij {unknown} is niet vastgelegd of ze zijn overgenomen"
            en += (
                f"; for {unknown} it is not recorded whether "
                f"{'it was' if unknown == 1 else 'they were'}"
            )
        recommendations = []
        if unknown:
            recommendations.append(
                advice(
                    "Vraag na of de doorgegeven lessen zijn overgenomen, en leg het vast "
                    "(adopted).",
                    "Ask whether the lessons passed on were taken up, and record it (adopted).",
                )
            )
        return self.result(
            subject,
            value,
            nl=nl + ".",
            en=en + ".",
            evidence=[
                Evidence(about=subject.id, fact="transfers", value=len(transfers)),
                Evidence(about=subject.id, fact="transfers.adopted", value=adopted),
                Evidence(about=subject.id, fact="transfers.not_adopted", value=refused),
                Evidence(about=subject.id, fact="transfers.unknown", value=unknown),
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

"""Initiatives: experiments, trajectories, challenges, learning circles, and their parts."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator

from attrs import Factory, frozen

from democratie.errors import Problem
from democratie.model._checks import (
    check_count,
    check_id,
    check_ids,
    check_text,
    check_unique,
    coerce_terms,
    raise_problems,
)
from democratie.model._common import Identifier, Period
from democratie.model.monitoring import Evaluation, Indicator, Transfer
from democratie.model.network import Meeting
from democratie.vocab import (
    AreaLevel,
    CommitmentKind,
    CommitmentLevel,
    GovernmentRole,
    InitiativeKind,
    Initiator,
    LessonKind,
    ParticipationLevel,
    Phase,
    PhaseCycle,
    PolicyDomain,
    QuestionTheme,
    Raci,
    RoleKind,
    ServiceGoal,
    TrajectoryElement,
)

__all__ = [
    "Assignment",
    "Commitment",
    "Initiative",
    "Intake",
    "Lesson",
    "Milestone",
    "Participant",
    "Stage",
    "Task",
]


@frozen(kw_only=True)
class Participant:
    """An actor taking part in an initiative, in a role, at a level of the ladder.

    Parameters
    ----------
    actor
        The id of a person, organisation, municipality, council, college or faction.
    role
        The part they play (deelnemer, kartrekker, partner, workshopleider, ...).
    level
        The rung of the participation ladder at which they are engaged; None when
        they are a stakeholder who is not (yet) engaged.

    Examples
    --------
    >>> Participant(actor="leusden-raad", role="kartrekker", level="coproduceren")
    Participant(actor='leusden-raad', role=<RoleKind.KARTREKKER: 'kartrekker'>,
    level=<ParticipationLevel.COPRODUCEREN: 'coproduceren'>)
    >>> Participant(actor="p-an").role.label_en
    'Participant'
    """

    actor: str
    role: RoleKind = RoleKind.DEELNEMER
    level: ParticipationLevel | None = None

    def __attrs_post_init__(self) -> None:
        coerce_terms(self)
        raise_problems(check_id(self.actor, "actor"))


@frozen(kw_only=True)
class Stage:
    """One phase of an initiative's cycle, with who takes part in it.

    Parameters
    ----------
    phase
        The phase (visie, beleidsdoelen, ..., or voorbereiding, uitvoering, evaluatie).
    participants
        Ids of the actors involved in this phase.
    level
        The rung of the participation ladder arranged for this phase.
    period
        When the phase runs.

    Examples
    --------
    >>> from democratie.model import Period
    >>> import datetime as dt
    >>> stage = Stage(phase="visie", participants=("leusden-raad",),
    ...               period=Period(start=dt.date(2020, 1, 1), end=dt.date(2020, 3, 31)))
    >>> stage.phase.label_en, stage.arranged
    ('Vision', True)
    >>> Stage(phase="uitvoering").arranged
    False
    """

    phase: Phase
    participants: tuple[str, ...] = ()
    level: ParticipationLevel | None = None
    period: Period = Factory(Period)

    def __attrs_post_init__(self) -> None:
        coerce_terms(self)
        raise_problems(check_ids(self.participants, "participants"))

    @property
    def arranged(self) -> bool:
        """Whether participation in this phase is arranged: someone takes part or a level is set."""
        return bool(self.participants) or self.level is not None


@frozen(kw_only=True)
class Milestone:
    """Something an initiative means to reach, by a date or within some months of its start.

    Parameters
    ----------
    title
        What is to be reached.
    due
        The date it is due.
    due_within_months
        Due this many months after the initiative starts (Leusden: a new way of
        working designed within 12 months, in use within 36).
    done
        The date it was reached; None while it has not been.

    Examples
    --------
    Leusden: a new way of working designed within a year:

    >>> import datetime as dt
    >>> milestone = Milestone(title="Nieuwe werkwijze ontworpen", due_within_months=12)
    >>> milestone.due_date(dt.date(2019, 9, 1)), milestone.done
    (datetime.date(2020, 9, 1), None)
    """

    title: str
    due: dt.date | None = None
    due_within_months: int | None = None
    done: dt.date | None = None

    def __attrs_post_init__(self) -> None:
        coerce_terms(self)
        raise_problems(
            [
                *check_text(self.title, "title"),
                *check_count(self.due_within_months, "due_within_months", minimum=1, maximum=600),
            ]
        )

    def due_date(self, start: dt.date | None) -> dt.date | None:
        """The date the milestone is due, given the initiative's start.

        A due date of months after a day that the target month lacks (the 31st)
        falls on that month's last day; None when there is no way to tell, or
        when it would fall after the year 9999.

        Examples
        --------
        >>> import datetime as dt
        >>> Milestone(title="x", due_within_months=12).due_date(dt.date(2019, 1, 31))
        datetime.date(2020, 1, 31)
        """
        if self.due is not None:
            return self.due
        if self.due_within_months is None or start is None:
            return None
        return add_months(start, self.due_within_months)


def add_months(start: dt.date, months: int) -> dt.date | None:
    """The day *months* calendar months after *start* (before it, for negative *months*).

    A day the target month lacks (the 31st) falls on that month's last day; None when the
    result would fall outside the years 1 to 9999. This is how ``due_within_months``
    turns into a due date.

    Examples
    --------
    >>> import datetime as dt
    >>> add_months(dt.date(2019, 8, 31), 6), add_months(dt.date(2022, 3, 16), -3)
    (datetime.date(2020, 2, 29), datetime.date(2021, 12, 16))
    """
    total = start.month - 1 + months
    year, month = start.year + total // 12, total % 12 + 1
    if year > dt.MAXYEAR or year < dt.MINYEAR:
        return None  # beyond the calendar Python can represent
    return dt.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


@frozen(kw_only=True)
class Assignment:
    """One RACI assignment of an actor to a task.

    Parameters
    ----------
    actor
        The id of the person, organisation, body or role assigned.
    raci
        uitvoerend (R), eindverantwoordelijk (A), geraadpleegd (C) or geinformeerd (I).

    Examples
    --------
    >>> Assignment(actor="leusden-college", raci="eindverantwoordelijk").raci.label_en
    'Accountable'
    """

    actor: str
    raci: Raci

    def __attrs_post_init__(self) -> None:
        coerce_terms(self)
        raise_problems(check_id(self.actor, "actor"))


@frozen(kw_only=True)
class Task:
    """A task with its RACI owners (who does it, who answers for it, who is consulted or told).

    Parameters
    ----------
    title
        What the task is.
    assignments
        RACI assignments; ownership is clear when exactly one actor is accountable.

    Examples
    --------
    >>> task = Task(title="Werkwijze uitwerken", assignments=(
    ...     Assignment(actor="p-griffier", raci="uitvoerend"),
    ...     Assignment(actor="leusden-raad", raci="eindverantwoordelijk"),
    ... ))
    >>> from democratie.vocab import Raci
    >>> task.holders(Raci.EINDVERANTWOORDELIJK)
    ('leusden-raad',)
    """

    title: str
    assignments: tuple[Assignment, ...] = ()

    def __attrs_post_init__(self) -> None:
        coerce_terms(self)
        raise_problems(check_text(self.title, "title"))

    def holders(self, raci: Raci) -> tuple[str, ...]:
        """The ids assigned with the given RACI letter."""
        return tuple(a.actor for a in self.assignments if a.raci is raci)


@frozen(kw_only=True)
class Commitment:
    """How strongly one of the three (council, college, civil service) is committed.

    Parameters
    ----------
    kind
        politiek (the council), bestuurlijk (the college), ambtelijk (the civil service).
    level
        geen, beperkt, toegezegd or volledig.
    by
        The id of the body or person committing, if the source names one.
    date
        When it was given.
    note
        What the source says.

    Examples
    --------
    >>> import datetime as dt
    >>> commitment = Commitment(kind="politiek", level="toegezegd", by="leusden-raad",
    ...                         date=dt.date(2019, 6, 24))
    >>> commitment.kind.label_en, commitment.level.label_en
    ('Political (council)', 'Pledged')
    """

    kind: CommitmentKind
    level: CommitmentLevel
    by: str | None = None
    date: dt.date | None = None
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        coerce_terms(self)
        raise_problems(
            [
                *(check_id(self.by, "by") if self.by is not None else ()),
                *check_text(self.note, "note", multiline=True, required=False),
            ]
        )


@frozen(kw_only=True)
class Intake:
    """A municipality's local intake for a development trajectory: its question and backing.

    In a Democratie in Actie trajectory every municipality starts with a local intake: it
    puts its question, says what the question is about, and says whose commitment it brings
    (council, college, civil service). An officer from the pool of change officers may be
    assigned to support it.

    Parameters
    ----------
    municipality
        The id of the municipality whose intake it is.
    date
        When the intake was (or is to be) held.
    held
        Whether the intake took place; None when unknown.
    question
        The question in the municipality's own words.
    themes
        What the question is about (hr_beleid, houding_en_gedrag, ...).
    commitments
        The commitments the municipality gave: politiek (the council), bestuurlijk (the
        college), ambtelijk (the civil service).
    officer
        The id of the person from the pool of change officers assigned to support this
        municipality.
    note
        What a reader should know, such as "invented: the source does not say".

    Examples
    --------
    >>> import datetime as dt
    >>> from democratie.vocab import CommitmentKind, QuestionTheme
    >>> intake = Intake(
    ...     municipality="assen",
    ...     date=dt.date(2019, 1, 15),
    ...     held=True,
    ...     themes=(QuestionTheme.HOUDING_EN_GEDRAG, QuestionTheme.ORGANISATIEMODELLEN),
    ...     commitments=("bestuurlijk", "politiek"),
    ... )
    >>> [kind.label_en for kind in intake.commitments]
    ['Executive (college)', 'Political (council)']
    >>> Intake(municipality="assen", themes=("hr_beleid", "hr_beleid"))
    Traceback (most recent call last):
    ...
    democratie.errors.ModelError: themes[1]: 'hr_beleid' is listed twice
    """

    municipality: str
    date: dt.date | None = None
    held: bool | None = None
    question: str | None = None
    themes: tuple[QuestionTheme, ...] = ()
    commitments: tuple[CommitmentKind, ...] = ()
    officer: str | None = None
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        coerce_terms(self)
        raise_problems(self._check())

    def _check(self) -> Iterator[Problem]:
        yield from check_id(self.municipality, "municipality")
        if self.officer is not None:
            yield from check_id(self.officer, "officer")
        yield from check_text(self.question, "question", multiline=True, required=False)
        yield from check_text(self.note, "note", multiline=True, required=False)
        yield from check_unique(self.themes, "themes")
        yield from check_unique(self.commitments, "commitments")


@frozen(kw_only=True)
class Lesson:
    """A lesson learned: a do, a don't, an insight or an opportunity, and where it went.

    Parameters
    ----------
    text
        The lesson in the source's words.
    kind
        doen, niet_doen, inzicht or kans.
    transferable
        Whether it carries over to other municipalities.
    transfers
        Where it was passed on to (a municipality, network, organisation or initiative),
        when, and whether it was taken up there; each place once. Older documents list
        the ids under ``shared_with``, which loads as transfers with only ``to``.

    Examples
    --------
    >>> import datetime as dt
    >>> lesson = Lesson(text="Begin klein, met een wijk die wil.", kind="doen", transferable=True,
    ...                 transfers=(Transfer(to="m50", date=dt.date(2020, 2, 4)),))
    >>> lesson.kind.label_en, lesson.shared_with
    ('Do', ('m50',))
    """

    text: str
    kind: LessonKind
    transferable: bool | None = None
    transfers: tuple[Transfer, ...] = ()

    def __attrs_post_init__(self) -> None:
        coerce_terms(self)
        raise_problems(self._check())

    @property
    def shared_with(self) -> tuple[str, ...]:
        """The ids the lesson was passed on to, in the order of its transfers."""
        return tuple(transfer.to for transfer in self.transfers)

    def _check(self) -> Iterator[Problem]:
        yield from check_text(self.text, "text", multiline=True)
        first: dict[str, int] = {}
        for index, transfer in enumerate(self.transfers):
            earlier = first.setdefault(transfer.to, index)
            if earlier != index:
                yield Problem(
                    path=f"transfers[{index}].to",
                    code="invalid-value",
                    message=(
                        f"'{transfer.to}' already has a transfer at transfers[{earlier}]; "
                        "one transfer per place"
                    ),
                )


@frozen(kw_only=True)
class Initiative:
    """An experiment, trajectory, challenge, programme, workshop, learning circle, ...

    Parameters
    ----------
    id
        Unique in the landscape.
    title
        Its name.
    kind
        What sort of initiative it is.
    description
        What it is about.
    municipalities
        Ids of the municipalities it involves.
    areas
        Ids of the wijken, kernen or other areas it reaches.
    covers_all
        Area levels of which it reaches *every* area of its municipalities, when
        the source says so without naming them ("in alle acht Delftse wijken").
    domains
        The policy domains it works in.
    required_domains
        The domains it is meant to cover, where that is set out.
    period
        When it runs.
    duration_months
        Its planned length in months (one year: 12).
    milestones
        What it means to reach, and when.
    cycle
        The phase cycle it follows, if one: the integral cycle (Delft) or the legal one.
    phases
        Its phases in order, each with who takes part.
    initiator
        Who started it: the municipality (gemeente) or society (samenleving).
    initiated_by
        Ids of the actors who started it.
    led_by
        Ids of the actors who lead it.
    level
        The rung of the participation ladder promised (for a municipal initiative).
    realised_level
        The rung actually realised.
    feedback_given
        Whether participants were told what was done with their input.
    government_role
        The municipality's role on the ROB stair (for a society initiative).
    participants
        Who takes part, in which role, at which level.
    commitments
        The commitment of council, college and civil service.
    required_commitments
        The commitments the initiative asks for before it starts.
    intakes
        The local intake of each municipality taking part: its question, the themes of the
        question, the commitments it gave and the change officer assigned to it; one per
        municipality.
    tasks
        Tasks with their RACI owners.
    goals
        Its goals, in words.
    service_goals
        Which of Stichtse Vecht's seven service goals it serves.
    lessons
        Lessons learned, and where they were passed on to.
    evaluations
        The evaluations held: when, by whom, how, what they found. None recorded means
        not evaluated (as of the landscape). Older documents say ``evaluated = true``,
        which loads as one evaluation with no details, or ``evaluated = false``, which
        loads as none.
    indicators
        Measures of its goals, with the values measured over time.
    network
        The id of the network it works through (a regional learning group).
    elements
        The parts of a development trajectory it offers (intake, tailored support, ...).
    target_roles
        The roles it is meant to reach in each participating municipality.
    target_municipalities
        How many municipalities it means to take in (about ten per region).
    meetings
        Its meetings, held and planned.
    identifiers
        Ids in other systems.

    Examples
    --------
    Vocabulary values may be given as their slugs:

    >>> challenge = Initiative(
    ...     id="samenleving-voorop", title="Samenleving Voorop", kind="challenge",
    ...     municipalities=("leusden",), domains=("bestuur",), duration_months=12,
    ...     commitments=(Commitment(kind="politiek", level="volledig"),),
    ... )
    >>> challenge.kind, challenge.domains
    (<InitiativeKind.CHALLENGE: 'challenge'>, (<PolicyDomain.BESTUUR: 'bestuur'>,))
    >>> from democratie.vocab import CommitmentKind
    >>> challenge.commitment(CommitmentKind.POLITIEK).level.slug
    'volledig'
    >>> challenge.commitment(CommitmentKind.AMBTELIJK) is None
    True
    >>> Initiative(id="Samenleving Voorop", title="", kind="challenge")
    Traceback (most recent call last):
        ...
    democratie.errors.ModelError: 2 problems:
      - id: 'Samenleving Voorop' is not a valid id; an id is a lowercase slug of letters, digits,
    '-', '_' and '.', starting and ending with a letter or digit (at most 200 characters), for
    example 'delft' or 'p-rob-van-den-berg'
      - title: must not be empty
    """

    id: str
    title: str
    kind: InitiativeKind
    description: str | None = None
    municipalities: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()
    covers_all: tuple[AreaLevel, ...] = ()
    domains: tuple[PolicyDomain, ...] = ()
    required_domains: tuple[PolicyDomain, ...] = ()
    period: Period = Factory(Period)
    duration_months: int | None = None
    milestones: tuple[Milestone, ...] = ()
    cycle: PhaseCycle | None = None
    phases: tuple[Stage, ...] = ()
    initiator: Initiator | None = None
    initiated_by: tuple[str, ...] = ()
    led_by: tuple[str, ...] = ()
    level: ParticipationLevel | None = None
    realised_level: ParticipationLevel | None = None
    feedback_given: bool | None = None
    government_role: GovernmentRole | None = None
    participants: tuple[Participant, ...] = ()
    commitments: tuple[Commitment, ...] = ()
    required_commitments: tuple[CommitmentKind, ...] = ()
    intakes: tuple[Intake, ...] = ()
    tasks: tuple[Task, ...] = ()
    goals: tuple[str, ...] = ()
    service_goals: tuple[ServiceGoal, ...] = ()
    lessons: tuple[Lesson, ...] = ()
    evaluations: tuple[Evaluation, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    network: str | None = None
    elements: tuple[TrajectoryElement, ...] = ()
    target_roles: tuple[RoleKind, ...] = ()
    target_municipalities: int | None = None
    meetings: tuple[Meeting, ...] = ()
    identifiers: tuple[Identifier, ...] = ()

    def __attrs_post_init__(self) -> None:
        coerce_terms(self)
        raise_problems(self._check())

    @property
    def evaluated(self) -> bool | None:
        """True when an evaluation is recorded, else None (nothing recorded either way).

        Kept for callers of the older ``evaluated`` field; read :attr:`evaluations` for
        when, by whom and how.

        Examples
        --------
        >>> from democratie.model import Evaluation
        >>> Initiative(id="g1000", title="G1000", kind="g1000",
        ...            evaluations=(Evaluation(),)).evaluated
        True
        >>> Initiative(id="g1000", title="G1000", kind="g1000").evaluated is None
        True
        """
        return True if self.evaluations else None

    def end_date(self) -> dt.date | None:
        """The day it ends: the end of its period, else its start plus its planned duration.

        Examples
        --------
        >>> import datetime as dt
        >>> from democratie.model import Period
        >>> Initiative(id="c", title="C", kind="challenge", duration_months=12,
        ...            period=Period(start=dt.date(2019, 9, 1))).end_date()
        datetime.date(2020, 9, 1)
        """
        if self.period.end is not None:
            return self.period.end
        if self.duration_months is None or self.period.start is None:
            return None
        return add_months(self.period.start, self.duration_months)

    def commitment(self, kind: CommitmentKind) -> Commitment | None:
        """The commitment of the given kind, or None when the landscape does not say."""
        for item in self.commitments:
            if item.kind is kind:
                return item
        return None

    def _check(self) -> Iterator[Problem]:
        yield from check_id(self.id, "id")
        yield from check_text(self.title, "title")
        yield from check_text(self.description, "description", multiline=True, required=False)
        yield from check_ids(self.municipalities, "municipalities")
        yield from check_ids(self.areas, "areas")
        yield from check_ids(self.initiated_by, "initiated_by")
        yield from check_ids(self.led_by, "led_by")
        yield from check_count(self.duration_months, "duration_months", minimum=1, maximum=600)
        yield from check_count(
            self.target_municipalities, "target_municipalities", minimum=1, maximum=10_000
        )
        if self.network is not None:
            yield from check_id(self.network, "network")
        for index, goal in enumerate(self.goals):
            yield from check_text(goal, f"goals[{index}]", multiline=True)
        yield from check_unique(self.covers_all, "covers_all")
        yield from check_unique(self.domains, "domains")
        yield from check_unique(self.required_domains, "required_domains")
        yield from check_unique(self.service_goals, "service_goals")
        yield from check_unique(self.required_commitments, "required_commitments")
        yield from check_unique(self.elements, "elements")
        yield from check_unique(self.target_roles, "target_roles")
        yield from check_unique([s.phase for s in self.phases], "phases", suffix="phase")
        yield from check_unique([c.kind for c in self.commitments], "commitments", suffix="kind")
        yield from _one_intake_each(self.intakes)
        if self.cycle is not None:
            allowed = self.cycle.phases
            for index, stage in enumerate(self.phases):
                if stage.phase not in allowed:
                    yield Problem(
                        path=f"phases[{index}].phase",
                        message=(
                            f"'{stage.phase.value}' is not a phase of the {self.cycle.value} cycle "
                            f"({', '.join(p.value for p in allowed)})"
                        ),
                    )
            order = [allowed.index(s.phase) for s in self.phases if s.phase in allowed]
            if order != sorted(order):
                yield Problem(
                    path="phases",
                    message=(
                        f"the phases are not in the order of the {self.cycle.value} cycle "
                        f"({', '.join(p.value for p in allowed)})"
                    ),
                )
        if self.realised_level is not None and self.level is None:
            yield Problem(
                path="realised_level",
                message="a realised level needs the promised level (level) to compare with",
            )
        start = self.period.start
        for index, milestone in enumerate(self.milestones):
            if milestone.done is not None and start is not None and milestone.done < start:
                yield Problem(
                    path=f"milestones[{index}].done",
                    message=(
                        f"the milestone was reached ({milestone.done}) before the initiative "
                        f"started ({start})"
                    ),
                )
        yield from self._check_evaluations()
        for l_index, lesson in enumerate(self.lessons):
            for t_index, transfer in enumerate(lesson.transfers):
                if transfer.date is not None and start is not None and transfer.date < start:
                    yield Problem(
                        path=f"lessons[{l_index}].transfers[{t_index}].date",
                        code="invalid-value",
                        message=(
                            f"the lesson was passed on ({transfer.date}) before the initiative "
                            f"started ({start})"
                        ),
                    )

    def _check_evaluations(self) -> Iterator[Problem]:
        start = self.period.start
        phases = [stage.phase for stage in self.phases]
        titles = {milestone.title for milestone in self.milestones}
        for index, evaluation in enumerate(self.evaluations):
            here = f"evaluations[{index}]"
            if evaluation.date is not None and start is not None and evaluation.date < start:
                yield Problem(
                    path=f"{here}.date",
                    code="invalid-value",
                    message=(
                        f"the evaluation was held ({evaluation.date}) before the initiative "
                        f"started ({start})"
                    ),
                )
            if (
                evaluation.closes_phase is not None
                and phases
                and evaluation.closes_phase not in phases
            ):
                yield Problem(
                    path=f"{here}.closes_phase",
                    code="invalid-value",
                    message=(
                        f"'{evaluation.closes_phase.value}' is not one of the initiative's phases "
                        f"({', '.join(p.value for p in phases)})"
                    ),
                )
            if (
                evaluation.closes_milestone is not None
                and evaluation.closes_milestone not in titles
            ):
                listed = ", ".join(f"'{t}'" for t in sorted(titles)) or "none"
                yield Problem(
                    path=f"{here}.closes_milestone",
                    code="invalid-value",
                    message=(
                        f"'{evaluation.closes_milestone}' is not the title of a milestone of the "
                        f"initiative (its milestones: {listed})"
                    ),
                )


def _one_intake_each(intakes: tuple[Intake, ...]) -> Iterator[Problem]:
    first: dict[str, int] = {}
    for index, intake in enumerate(intakes):
        earlier = first.setdefault(intake.municipality, index)
        if earlier != index:
            yield Problem(
                path=f"intakes[{index}].municipality",
                message=(
                    f"'{intake.municipality}' already has an intake at intakes[{earlier}]; "
                    "one intake per municipality"
                ),
            )

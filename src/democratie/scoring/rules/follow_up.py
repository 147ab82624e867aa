"""Following programmes up: evaluations held when due, and measured goals on track by area.

Both rules judge by the follow-up layer, so a score and a status of the same day agree:
:func:`democratie.monitor.status` (its evaluations section, over the moments of
:func:`democratie.monitor.schedule_evaluations`) and :func:`democratie.monitor.goal_progress`.

Examples
--------
>>> import datetime as dt
>>> from democratie import examples
>>> from democratie.scoring import run
>>> from democratie.scoring.rules import EvaluationRhythm, IndicatorProgress
>>> land = examples.load("stichtse-vecht-gebiedsgericht-werken")
>>> cards = run(land, [IndicatorProgress()], as_of=dt.date(2023, 6, 30))
>>> cards["stichtse-vecht"]["indicator_progress"].value
0.5
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar, Literal, TypeAlias

from attrs import field, frozen

from democratie.errors import MonitorError
from democratie.model import Initiative, Municipality
from democratie.model._checks import term_member
from democratie.monitor import GoalRow, goal_progress, schedule_evaluations, status
from democratie.scoring.context import ScoringContext
from democratie.scoring.rule import BaseRule
from democratie.scoring.rules._common import advice, dutch, listing, plural
from democratie.scoring.score import Bilingual, Evidence, Score, Subject, SubjectKind
from democratie.vocab import AreaLevel

__all__ = ["EvaluationRhythm", "IndicatorProgress"]

Lang: TypeAlias = Literal["nl", "en"]


def _at_least_one(instance: object, attribute: object, value: int) -> None:
    if isinstance(value, bool) or value < 1:
        message = (
            f"{getattr(attribute, 'name', 'value')} must be a whole number of at least 1, "
            f"got {value!r}"
        )
        raise ValueError(message)


_NO_SCHEDULE = {
    "no_start": (
        "Er is geen evaluatieschema: de startdatum ontbreekt (period.start).",
        "There is no evaluation schedule: the start date is not recorded (period.start).",
        (
            "Leg de startdatum vast (period.start), en een einde, een looptijd of een mijlpaal "
            "met een termijn."
        ),
        (
            "Record the start date (period.start), and an end, a duration or a milestone with "
            "a due date."
        ),
    ),
    "no_horizon": (
        (
            "Er is geen evaluatieschema: geen einde (period.end), geen looptijd "
            "(duration_months) en geen mijlpaal met een termijn (milestones)."
        ),
        (
            "There is no evaluation schedule: no end (period.end), no duration "
            "(duration_months) and no milestone with a due date (milestones)."
        ),
        (
            "Leg een einde (period.end), een looptijd (duration_months) of een mijlpaal met "
            "een termijn vast."
        ),
        "Record an end (period.end), a duration (duration_months) or a milestone with a due date.",
    ),
}


@frozen(kw_only=True)
class EvaluationRhythm(BaseRule):
    """Evaluation rhythm: the share of the evaluation moments due by the day that were held.

    "Voor veel gemeenten is het nu tijd voor reflectie en leren", the M50 learning circle
    found; Leusden's challenge runs one year towards a way of working that must stand
    within three. Evaluating once at the end comes too late to steer by. The moments are
    those of :func:`democratie.monitor.schedule_evaluations` (one every *every_months*
    months from the start, the end, each milestone's due date), and whether each was held
    or missed is what the evaluations section of :func:`democratie.monitor.status` says
    on the scoring run's *as_of*: a moment is held when an evaluation held by then covers
    it (one held early counts), missed when its day has passed without one.

    Parameters
    ----------
    name
        The rule's name.
    every_months
        Months between regular moments (6; our reading: twice a year lets a one-year
        trajectory steer once before its end).

    Notes
    -----
    score = moments held / (moments held + moments missed), on the day *as_of*. Not
    applicable when there is no schedule (no start, or no end, duration or milestone
    with a due date: the reason says what to record), when the run has no *as_of*
    (which moments are due depends on the day; the explanation gives the schedule), or
    when no moment has fallen due yet.

    References
    ----------
    M50 learning circle, Waalwijk 2020 ("tijd voor reflectie en leren"); Leusden,
    "Samenleving Voorop" (one year, in place within three).

    Examples
    --------
    Leusden's challenge records no start; given one, a year and a half on, both moments of
    its first year have passed. One evaluation, in the summer of 2020, covers one of them:

    >>> import datetime as dt
    >>> from attrs import evolve
    >>> from democratie import examples
    >>> from democratie.model import Evaluation, Period
    >>> from democratie.scoring import run
    >>> land = examples.load("leusden-samenleving-voorop")
    >>> challenge = land.get("samenleving-voorop-bestuur")
    >>> def rhythm(*evaluations):
    ...     changed = evolve(challenge, period=Period(start=dt.date(2019, 9, 1)),
    ...                      evaluations=evaluations)
    ...     cards = run(land.replace(changed), [EvaluationRhythm()], as_of=dt.date(2021, 3, 1))
    ...     return cards[challenge.id]["evaluation_rhythm"]
    >>> print(rhythm().explanation.en)
    Evaluation rhythm 0.00: 0 of the 2 moments due by 2021-03-01 were held; missed: 2020-03-01
    (6 months after the start) and 2020-09-01 (12 months after the start; the end of its
    planned 12 months; milestone 'nieuwe werkwijze ontworpen' is due).
    >>> rhythm(Evaluation(date=dt.date(2020, 7, 1), by="leusden-raad")).value
    0.5

    Without a day to judge against, the rule says what the schedule holds:

    >>> run(land, [EvaluationRhythm()])[challenge.id]["evaluation_rhythm"].explanation.en
    'There is no evaluation schedule: the start date is not recorded (period.start).'
    """

    name: str = "evaluation_rhythm"
    title: ClassVar[Bilingual] = Bilingual(nl="Evaluatieritme", en="Evaluation rhythm")
    applies_to: ClassVar[SubjectKind] = "initiative"
    source: ClassVar[str] = (
        'M50 learning circle, Waalwijk 2020 ("tijd voor reflectie en leren"); Leusden '
        "(Samenleving Voorop: one year, in place within 3)"
    )
    formula: ClassVar[str] = (
        "evaluation moments held / moments held or missed by as_of (monitor.status)"
    )
    every_months: int = field(default=6, validator=_at_least_one)

    def evaluate(self, subject: Subject, context: ScoringContext) -> Score:
        """Score one initiative."""
        assert isinstance(subject, Initiative)
        as_of = context.as_of
        if as_of is None:
            return self._undated(subject)
        section = status(
            context.landscape, subject, as_of=as_of, every_months=self.every_months
        ).evaluations
        if section.unscheduled is not None:
            nl, en, do_nl, do_en = _NO_SCHEDULE[section.unscheduled]
            return self.not_applicable(
                subject, nl=nl, en=en, recommendations=[advice(do_nl, do_en)]
            )
        held = [m for m in section.moments if m.state == "held"]
        missed = list(section.missed)
        due = len(held) + len(missed)
        evidence = [
            Evidence(
                about=subject.id, fact=f"evaluation_moments.{m.date.isoformat()}", value=m.state
            )
            for m in section.moments
        ]
        if not due:
            upcoming = section.next
            first_nl = first_en = ""
            if upcoming is not None:
                first_nl = f"; het eerste valt op {upcoming.date.isoformat()}"
                first_en = f"; the first falls on {upcoming.date.isoformat()}"
            return self.not_applicable(
                subject,
                nl=f"Nog geen evaluatiemoment is verstreken op {as_of.isoformat()}{first_nl}.",
                en=f"No evaluation moment has fallen due by {as_of.isoformat()}{first_en}.",
                evidence=evidence,
            )
        value = len(held) / due
        nl = (
            f"Evaluatieritme {dutch(value)}: {len(held)} van de {due} evaluatiemomenten tot "
            f"{as_of.isoformat()} zijn gehouden"
        )
        en = (
            f"Evaluation rhythm {value:.2f}: {len(held)} of the {due} moments due by "
            f"{as_of.isoformat()} were held"
        )
        recommendations = []
        if missed:
            nl += "; gemist: " + listing(
                (f"{m.date.isoformat()} ({m.reason('nl')})" for m in missed), lang="nl"
            )
            en += "; missed: " + listing(f"{m.date.isoformat()} ({m.reason('en')})" for m in missed)
            recommendations.append(
                advice(
                    "Evalueer nu, en plan de volgende evaluatie op het volgende moment van het "
                    "schema.",
                    "Evaluate now, and plan the next evaluation for the schedule's next moment.",
                )
            )
        return self.result(
            subject,
            value,
            nl=nl + ".",
            en=en + ".",
            evidence=evidence,
            recommendations=recommendations,
        )

    def _undated(self, subject: Initiative) -> Score:
        """Not applicable without a day: the schedule, or what to record for one."""
        try:
            moments = schedule_evaluations(subject, every_months=self.every_months)
        except MonitorError as error:
            paths = {problem.path for problem in error.problems}
            why = "no_start" if "initiative.period.start" in paths else "no_horizon"
            nl, en, do_nl, do_en = _NO_SCHEDULE[why]
            return self.not_applicable(
                subject, nl=nl, en=en, recommendations=[advice(do_nl, do_en)]
            )
        covered = sum(1 for m in moments if m.covered)
        return self.not_applicable(
            subject,
            nl=(
                f"Het schema heeft {plural(len(moments), 'evaluatiemoment', 'evaluatiemomenten')}"
                f" ({covered} gedekt door een vastgelegde evaluatie); welke verstreken zijn hangt "
                "af van de dag: geef as_of."
            ),
            en=(
                "The schedule has "
                f"{plural(len(moments), 'evaluation moment', 'evaluation moments')}"
                f" ({covered} covered by a recorded evaluation); which are due depends on the "
                "day: give as_of."
            ),
            evidence=[
                Evidence(about=subject.id, fact="evaluation_moments", value=len(moments)),
                Evidence(about=subject.id, fact="evaluation_moments.covered", value=covered),
            ],
        )


def _level(value: AreaLevel | str | None) -> AreaLevel | None:
    if value is None or isinstance(value, AreaLevel):
        return value
    member, problem = term_member(AreaLevel, value, "level")
    if problem is not None:
        raise ValueError(f"{problem.path}: {problem.message}")
    assert isinstance(member, AreaLevel)
    return member


def _where(row: GoalRow) -> str:
    return row.area if row.area is not None else "whole"


@frozen(kw_only=True)
class IndicatorProgress(BaseRule):
    """Indicator progress: the share of measured goals on track, area by area.

    Stichtse Vecht sets seven shared ambitions for its gebiedsgericht werken, and keeps
    "de eigenheid, leefbaarheid en sociale samenhang van de twaalf kernen" leading. Which
    goals are measured, where, and whether each is on track is what
    :func:`democratie.monitor.goal_progress` tabulates (on track: the target reached, or
    at or beyond the straight path from baseline to target, or better than the baseline
    or the measurement before). Each area measured (and the whole municipality, as one
    more) gets the share of its measured goals on track; the score is the mean over the
    areas, so that a kern with one indicator counts as much as one with five.

    Parameters
    ----------
    name
        The rule's name.
    level
        The level of the areas counted (None, the default: every level).

    Notes
    -----
    score = mean over the areas measured of (goals on track / goals judged there). A goal
    is judged when it has a measurement on or before the run's *as_of* and something to
    judge it by; without *as_of* every recorded measurement counts. Not applicable when no
    indicator measures the municipality's goals, or none is measured yet (the reason
    says what to record).

    Changed: an indicator measured once, with no baseline or target to hold the
    value against, is reported as measured but not judged (record a baseline or a
    target, or measure again), not as having no measurement.

    References
    ----------
    Stichtse Vecht, gebiedsgericht werken 2022 (seven shared ambitions; twelve kernen).

    Examples
    --------
    Six areas are measured (the whole municipality one of them); Kockengen, Maarssenbroek
    and Vreeland are behind on participation. Vreeland's participation is behind the path
    from 9 to 12 percent at 10.5; at 11 it is on track, and the score rises by one area's
    share, a sixth:

    >>> import datetime as dt
    >>> from attrs import evolve
    >>> from democratie import examples
    >>> from democratie.scoring import run
    >>> land = examples.load("stichtse-vecht-gebiedsgericht-werken")
    >>> def progress(landscape):
    ...     cards = run(landscape, [IndicatorProgress()], as_of=dt.date(2023, 6, 30))
    ...     return cards["stichtse-vecht"]["indicator_progress"]
    >>> print(progress(land).explanation.en)
    Indicator progress 0.50 (as of 2023-06-30): 4 of the 7 measured goals on track, averaged
    over 6 areas; behind: Thinking along, taking part and getting room (participation) in
    Kockengen, Maarssenbroek and Vreeland; 1 not measured yet.
    >>> programme = land.get("gebiedsgericht-werken-2022")
    >>> vreeland = programme.indicators[0]
    >>> better = evolve(vreeland, measurements=(vreeland.measurements[0],
    ...                 evolve(vreeland.measurements[1], value=11.0)))
    >>> round(progress(land.replace(evolve(programme, indicators=(better,)))).value, 4)
    0.6667
    """

    name: str = "indicator_progress"
    title: ClassVar[Bilingual] = Bilingual(nl="Doelen op koers", en="Indicator progress")
    applies_to: ClassVar[SubjectKind] = "municipality"
    source: ClassVar[str] = (
        "Stichtse Vecht, gebiedsgericht werken 2022 (seven shared ambitions, twelve kernen)"
    )
    formula: ClassVar[str] = (
        "mean over the areas measured of goals on track / goals judged (monitor.goal_progress)"
    )
    level: AreaLevel | None = field(default=None, converter=_level)

    def evaluate(self, subject: Subject, context: ScoringContext) -> Score:
        """Score one municipality."""
        assert isinstance(subject, Municipality)
        as_of = context.as_of
        landscape = context.landscape
        table = goal_progress(
            landscape,
            subject.id,
            level=self.level,
            as_of=as_of if as_of is not None else dt.date.max,
        )
        if not table.rows:
            return self.not_applicable(
                subject,
                nl="Geen indicator meet de doelen van de gemeente (indicators).",
                en="No indicator measures the municipality's goals (indicators).",
                recommendations=[
                    advice(
                        "Leg per doel en gebied een indicator vast (nulmeting, streefwaarde, "
                        "periode) en de metingen.",
                        "Record an indicator for each goal and area (baseline, target, "
                        "period), and its measurements.",
                    )
                ],
            )
        judged = [row for row in table.rows if row.on_track is not None]
        unmeasured = [row for row in table.rows if row.latest is None]
        if not judged and len(unmeasured) < len(table.rows):
            # Measured, but with nothing to measure against: say that, not "no measurement".
            return self.not_applicable(
                subject,
                nl=(
                    f"{plural(len(table.rows), 'indicator', 'indicatoren')}, "
                    f"{len(table.rows) - len(unmeasured)} gemeten, "
                    "maar zonder nulmeting, streefwaarde (baseline, target) of eerdere meting "
                    "is niet te zeggen of een doel op koers is."
                ),
                en=(
                    f"{plural(len(table.rows), 'indicator', 'indicators')}, "
                    f"{len(table.rows) - len(unmeasured)} measured, but without a baseline, a "
                    "target (baseline, target) or an earlier measurement there is no telling "
                    "whether a goal is on track."
                ),
                recommendations=[
                    advice(
                        "Leg bij elke gemeten indicator een nulmeting of streefwaarde vast, of "
                        "meet opnieuw om een verloop te zien.",
                        "Record a baseline or a target with each measured indicator, or measure "
                        "again to see a trend.",
                    )
                ],
            )
        if not judged:
            return self.not_applicable(
                subject,
                nl=(
                    f"{plural(len(table.rows), 'indicator', 'indicatoren')}, maar geen meting "
                    "om ze aan te toetsen (measurements)."
                ),
                en=(
                    f"{plural(len(table.rows), 'indicator', 'indicators')}, but no measurement "
                    "to judge them by (measurements)."
                ),
                recommendations=[
                    advice(
                        "Leg metingen vast, met een nulmeting of streefwaarde om ze aan af te "
                        "meten.",
                        "Record measurements, with a baseline or a target to judge them by.",
                    )
                ],
            )
        areas: dict[str, list[GoalRow]] = {}
        for row in judged:
            areas.setdefault(_where(row), []).append(row)
        shares = {
            where: sum(1 for row in rows if row.on_track) / len(rows)
            for where, rows in areas.items()
        }
        value = sum(shares.values()) / len(shares)
        behind = [row for row in judged if not row.on_track]
        day_nl = f" (stand van zaken op {as_of.isoformat()})" if as_of is not None else ""
        day_en = f" (as of {as_of.isoformat()})" if as_of is not None else ""
        on_track = sum(1 for row in judged if row.on_track)
        nl = (
            f"Doelen op koers {dutch(value)}{day_nl}: {on_track} van de {len(judged)} gemeten "
            f"doelen op koers, gemiddeld over {plural(len(shares), 'gebied', 'gebieden')}"
        )
        en = (
            f"Indicator progress {value:.2f}{day_en}: {on_track} of the {len(judged)} measured "
            f"goals on track, averaged over {plural(len(shares), 'area', 'areas')}"
        )
        names = {
            row.area: landscape.name_of(row.area) if row.area in landscape else row.area
            for row in table.rows
            if row.area is not None
        }
        if behind:
            nl += "; achter: " + "; ".join(_behind(behind, names, "nl"))
            en += "; behind: " + "; ".join(_behind(behind, names, "en"))
        if unmeasured:
            nl += f"; {len(unmeasured)} nog niet gemeten"
            en += f"; {len(unmeasured)} not measured yet"
        evidence = [
            Evidence(about=subject.id, fact=f"areas.{where}", value=round(share, 4))
            for where, share in shares.items()
        ]
        evidence.extend(
            Evidence(about=row.indicator, fact="on_track", value=row.on_track) for row in table.rows
        )
        recommendations = []
        if behind:
            recommendations.append(
                advice(
                    "Bespreek met de gebieden die achterlopen wat nodig is: "
                    + listing(_places(behind, names, "nl"), lang="nl")
                    + ".",
                    "Discuss what is needed with the areas that are behind: "
                    + listing(_places(behind, names, "en"))
                    + ".",
                )
            )
        if unmeasured:
            recommendations.append(
                advice(
                    "Meet de indicatoren die nog geen meting hebben: "
                    + listing((row.indicator for row in unmeasured), lang="nl")
                    + ".",
                    "Measure the indicators that have no measurement yet: "
                    + listing(row.indicator for row in unmeasured)
                    + ".",
                )
            )
        return self.result(
            subject,
            value,
            nl=nl + ".",
            en=en + ".",
            evidence=evidence,
            recommendations=recommendations,
        )


def _place(row: GoalRow, names: dict[str, str], lang: Lang) -> str:
    if row.area is not None:
        return names.get(row.area, row.area)
    return "de hele gemeente" if lang == "nl" else "the whole municipality"


def _places(rows: list[GoalRow], names: dict[str, str], lang: Lang) -> list[str]:
    """The places of the rows, each once, in the order of the rows."""
    return list(dict.fromkeys(_place(row, names, lang) for row in rows))


def _behind(rows: list[GoalRow], names: dict[str, str], lang: Lang) -> list[str]:
    """Each goal behind, with the places where it is behind: "participation in A and B"."""
    by_goal: dict[str, list[GoalRow]] = {}
    for row in rows:
        by_goal.setdefault(row.goal, []).append(row)
    return [
        f"{goal_rows[0].goal_label(lang)} in " + listing(_places(goal_rows, names, lang), lang=lang)
        for goal_rows in by_goal.values()
    ]

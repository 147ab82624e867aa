"""Timeline feasibility: milestones reached on time.

Examples
--------
>>> import datetime as dt
>>> import democratie
>>> from democratie.scoring import run
>>> from democratie.scoring.rules import TimelineFeasibility
>>> land = democratie.loads('''
... format = "democratie/1"
... [[initiatives]]
... id = "challenge"
... kind = "challenge"
... title = "Samenleving Voorop"
... period = { start = 2019-01-01 }
... milestones = [
...   { title = "werkwijze ontworpen", due_within_months = 12, done = 2019-11-30 },
...   { title = "werkwijze in gebruik", due_within_months = 36 },
... ]
... ''')
>>> run(land, [TimelineFeasibility()])["challenge"]["timeline_feasibility"].value
1.0
>>> late = run(land, [TimelineFeasibility()], as_of=dt.date(2023, 1, 1))
>>> late["challenge"]["timeline_feasibility"].value
0.5
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from attrs import frozen

from democratie.model import Initiative, Milestone
from democratie.monitor import milestone_state
from democratie.scoring.context import ScoringContext
from democratie.scoring.rule import BaseRule
from democratie.scoring.rules._common import advice, listing
from democratie.scoring.score import Bilingual, Evidence, Score, Subject, SubjectKind

__all__ = ["TimelineFeasibility", "milestone_status"]


def milestone_status(milestone: Milestone, start: dt.date | None, as_of: dt.date | None) -> str:
    """Judge one milestone: ``"on_time"``, ``"late"``, ``"pending"`` or ``"unknown"``.

    By the one definition of :func:`democratie.monitor.milestone_state`, which
    :func:`democratie.monitor.status` reports: a milestone reached (by *as_of*, when
    given) is on time when it was reached by its due date, late otherwise; one not
    reached is late when it is overdue (*as_of* is past its due date), else pending.
    Without a due date (no ``due``, and no start to count ``due_within_months`` from)
    it is unknown.

    Examples
    --------
    >>> import datetime as dt
    >>> from democratie.model import Milestone
    >>> m = Milestone(title="x", due=dt.date(2020, 1, 1))
    >>> milestone_status(m, None, None), milestone_status(m, None, dt.date(2021, 1, 1))
    ('pending', 'late')
    >>> reached = Milestone(title="x", due=dt.date(2020, 1, 1), done=dt.date(2020, 3, 1))
    >>> milestone_status(reached, None, None), milestone_status(reached, None, dt.date(2020, 2, 1))
    ('late', 'late')
    """
    state = milestone_state(milestone, start, as_of)
    due = milestone.due_date(start)
    if due is None:
        return "unknown"
    if state == "done":
        assert milestone.done is not None
        return "on_time" if milestone.done <= due else "late"
    if state == "overdue":
        return "late"
    return "pending"


@frozen(kw_only=True)
class TimelineFeasibility(BaseRule):
    """Timeline feasibility: the share of the milestones that can be judged which were on time.

    Leusden's challenge means to have the council's new way of working
    designed within one year and in use within three. A milestone is judged
    when it has been reached, or when the day to judge against (the scoring
    run's *as_of*) is past its due date; one still pending is not judged yet.
    Due dates are the milestone's own, or ``due_within_months`` counted from the
    initiative's start.

    Parameters
    ----------
    name
        The rule's name.

    Notes
    -----
    score = milestones on time / milestones judged. Not applicable when no
    milestone can be judged yet (none reached, none overdue), so that a plan is
    not scored before its time; without *as_of* only reached milestones are
    judged and the score does not depend on the day it is computed (the
    explanation then says that deadlines were not judged). With *as_of* the
    explanation names the day, and a milestone is overdue exactly when
    :func:`democratie.monitor.status` of that day says so. An overdue milestone
    is recommended for replanning; one reached late cannot be rescheduled, so the
    advice is to find out what held it up and whether the milestones still to
    come need more time (or, when none is left, to record it as a lesson).

    Changed: a milestone reached late is no longer advised for replanning. The
    rule recommended "Revisit the planning of: nieuwe werkwijze ontworpen" for
    Leusden's design once it was recorded as reached after its twelve months,
    a date that has passed and cannot be moved; the advice is now about the
    milestones still to come (the way of working in use within three years), or
    the lesson for planning when none is left. And milestones reached without a
    deadline no longer read "no milestone has been reached": the reason names them
    and asks for their due dates.

    References
    ----------
    Leusden, "Samenleving Voorop" (a new way of working designed within a year,
    in place within three).

    Examples
    --------
    >>> import datetime as dt
    >>> import democratie
    >>> from democratie.scoring import run
    >>> land = democratie.loads('''
    ... format = "democratie/1"
    ... [[initiatives]]
    ... id = "challenge"
    ... kind = "challenge"
    ... title = "Samenleving Voorop"
    ... period = { start = 2019-09-01 }
    ... milestones = [{ title = "Werkwijze ontworpen", due_within_months = 12, done = 2020-06-30 },
    ...               { title = "Werkwijze in gebruik", due_within_months = 36 }]
    ... ''')
    >>> print(run(land, [TimelineFeasibility()])["challenge"]["timeline_feasibility"])
    timeline_feasibility [challenge]: 1.00 - 1 of the 1 milestones that can be judged were on time.
    Deadlines are not judged against a day: give as_of to see what is overdue.
    >>> late = run(land, [TimelineFeasibility()], as_of=dt.date(2023, 1, 1))
    >>> late["challenge"]["timeline_feasibility"].value
    0.5
    >>> print(late["challenge"]["timeline_feasibility"].explanation.en)
    1 of the 2 milestones that can be judged were on time (as of 2023-01-01).
    """

    name: str = "timeline_feasibility"
    title: ClassVar[Bilingual] = Bilingual(nl="Mijlpalen op tijd", en="Timeline feasibility")
    applies_to: ClassVar[SubjectKind] = "initiative"
    source: ClassVar[str] = (
        "Leusden (Samenleving Voorop: designed within 1 year, in place within 3)"
    )
    formula: ClassVar[str] = "milestones on time / milestones reached or overdue"

    def evaluate(self, subject: Subject, context: ScoringContext) -> Score:
        """Score one initiative."""
        assert isinstance(subject, Initiative)
        if not subject.milestones:
            return self.not_applicable(
                subject,
                nl="Er zijn geen mijlpalen vastgelegd (milestones, elk met due of "
                "due_within_months).",
                en="No milestones are recorded (milestones, each with due or due_within_months).",
            )
        start = subject.period.start
        as_of = context.as_of
        statuses = [(m, milestone_status(m, start, as_of)) for m in subject.milestones]
        # The evidence tells a milestone reached late from one not reached and overdue,
        # in the words of democratie.monitor.status.
        evidence = [
            Evidence(
                about=subject.id,
                fact=f"milestones.{m.title}",
                value="overdue" if milestone_state(m, start, as_of) == "overdue" else s,
            )
            for m, s in statuses
        ]
        judged = [(m, s) for m, s in statuses if s in ("on_time", "late")]
        day_nl = f" (stand van zaken op {as_of.isoformat()})" if as_of is not None else ""
        day_en = f" (as of {as_of.isoformat()})" if as_of is not None else ""
        undated_nl = undated_en = ""
        if as_of is None and any(s == "pending" for _, s in statuses):
            undated_nl = (
                " De termijnen zijn niet aan een dag getoetst: geef as_of om te zien wat over "
                "tijd is."
            )
            undated_en = (
                " Deadlines are not judged against a day: give as_of to see what is overdue."
            )
        if not judged:
            unknown = [m for m, s in statuses if s == "unknown"]
            reached = [m for m in unknown if milestone_state(m, start, as_of) == "done"]
            steps: list[Bilingual] = []
            if reached:
                # Reached, but with nothing to be on time for: say so, not "none reached".
                titles_nl = listing((f"'{m.title}'" for m in reached), lang="nl")
                titles_en = listing(f"'{m.title}'" for m in reached)
                one = len(reached) == 1
                nl = (
                    f"{titles_nl} {'is' if one else 'zijn'} bereikt{day_nl}, maar zonder "
                    "termijn (due of due_within_months) is niet te zeggen of dat op tijd was."
                )
                en = (
                    f"{titles_en} {'was' if one else 'were'} reached{day_en}, but without a "
                    "deadline (due or due_within_months) there is no telling whether on time."
                )
                steps.append(
                    advice(
                        "Leg vast wanneer elke mijlpaal bereikt moest zijn (due).",
                        "Record when each milestone was due (due).",
                    )
                )
            else:
                nl = "Nog geen mijlpaal is bereikt of over tijd" + day_nl
                en = "No milestone has been reached or is overdue yet" + day_en
                if unknown and start is None:
                    nl += (
                        "; zonder startdatum (period) zijn de termijnen in maanden niet om te "
                        "rekenen naar data."
                    )
                    en += (
                        "; without a start date (period) the deadlines in months cannot be "
                        "turned into dates."
                    )
                else:
                    nl += "."
                    en += "."
                if start is None:
                    steps.append(
                        advice(
                            "Leg de startdatum en de data waarop mijlpalen bereikt zijn vast.",
                            "Record the start date, and the dates on which milestones are reached.",
                        )
                    )
            return self.not_applicable(
                subject,
                nl=nl + undated_nl,
                en=en + undated_en,
                evidence=evidence,
                recommendations=steps,
            )
        on_time = [m for m, s in judged if s == "on_time"]
        states = [(m, s, milestone_state(m, start, as_of)) for m, s in statuses]
        reached_late = [m for m, s, state in states if s == "late" and state == "done"]
        overdue = [m for m, s, state in states if s == "late" and state == "overdue"]
        to_come = [m for m, _, state in states if state != "done"]
        share = len(on_time) / len(judged)
        recommendations = []
        if overdue:
            # Not reached yet: its planning can still be revisited.
            recommendations.append(
                advice(
                    "Herijk de planning van: "
                    + listing((m.title for m in overdue), lang="nl")
                    + ".",
                    "Revisit the planning of: " + listing(m.title for m in overdue) + ".",
                )
            )
        if reached_late:
            # Reached, so it cannot be rescheduled: the lesson is for what is still to come.
            several = len(reached_late) > 1
            late_nl = ("Mijlpalen " if several else "Mijlpaal ") + listing(
                (f"'{m.title}'" for m in reached_late), lang="nl"
            )
            late_en = ("Milestones " if several else "Milestone ") + listing(
                f"'{m.title}'" for m in reached_late
            )
            is_nl, was_en = ("zijn", "were") if several else ("is", "was")
            if to_come:
                recommendations.append(
                    advice(
                        f"{late_nl} {is_nl} later gehaald dan gepland: ga na wat het ophield, "
                        "en of de mijlpalen die nog komen daarom meer tijd nodig hebben: "
                        + listing((f"'{m.title}'" for m in to_come), lang="nl")
                        + ".",
                        f"{late_en} {was_en} reached later than planned: find out what held it "
                        "up, and whether the milestones still to come need more time for the same "
                        "reason: " + listing(f"'{m.title}'" for m in to_come) + ".",
                    )
                )
            else:
                recommendations.append(
                    advice(
                        f"{late_nl} {is_nl} later gehaald dan gepland: leg vast wat het ophield, "
                        "als les (lessons) voor de planning van wat hierna komt.",
                        f"{late_en} {was_en} reached later than planned: record what held it "
                        "up, as a lesson (lessons) for planning what comes next.",
                    )
                )
        return self.result(
            subject,
            share,
            nl=(
                f"{len(on_time)} van de {len(judged)} beoordeelbare mijlpalen zijn op tijd "
                f"gehaald{day_nl}.{undated_nl}"
            ),
            en=(
                f"{len(on_time)} of the {len(judged)} milestones that can be judged were on "
                f"time{day_en}.{undated_en}"
            ),
            evidence=evidence,
            recommendations=recommendations,
        )

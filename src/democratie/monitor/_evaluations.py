"""When to evaluate an initiative: moments over its period and horizon, and before an election.

Examples
--------
Leusden's challenge gives the council a year to design its way of working, in use within
three ("over 3 jaar moet die werkwijze staan"); with a start, the schedule runs to that
horizon:

>>> import datetime as dt
>>> from attrs import evolve
>>> from democratie import examples
>>> from democratie.model import Period
>>> land = examples.load("leusden-samenleving-voorop")
>>> challenge = evolve(land.get("samenleving-voorop-bestuur"),
...                    period=Period(start=dt.date(2019, 9, 1)))
>>> moments = schedule_evaluations(challenge, every_months=12)
>>> [(m.date.isoformat(), m.kinds) for m in moments]
[('2020-09-01', ('interval', 'end', 'milestone')), ('2021-09-01', ('interval',)),
('2022-09-01', ('interval', 'milestone'))]

A milestone due within :data:`CLOSE_DAYS` of a regular moment falls on one moment with it:

>>> CLOSE_DAYS
31

Every kind of reason is a :data:`MomentKind`:

>>> import typing
>>> typing.get_args(MomentKind)
('interval', 'end', 'milestone', 'election')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Literal, TypeAlias

from attrs import frozen

from democratie.errors import MonitorError, Problem
from democratie.model import Initiative
from democratie.model.initiative import add_months

__all__ = ["CLOSE_DAYS", "EvaluationMoment", "MomentKind", "schedule_evaluations"]

#: Why a moment is proposed: a regular interval after the start, the end of the
#: initiative's period, a milestone falling due, or an election coming up.
MomentKind: TypeAlias = Literal["interval", "end", "milestone", "election"]

_ORDER: tuple[MomentKind, ...] = ("interval", "end", "milestone", "election")
#: One reason for a moment: its kind, its words, the title of the milestone due, its day.
_Reason: TypeAlias = tuple[MomentKind, str, "str | None", dt.date]


@frozen(kw_only=True)
class EvaluationMoment:
    """A proposed moment to evaluate an initiative, why, and whether it is already covered.

    Parameters
    ----------
    date
        The day proposed.
    kinds
        Why, in the order ``interval``, ``end``, ``milestone``, ``election``: one moment
        may have several reasons (the end of the period is also a milestone's due date).
    reasons
        The reasons in words, one for each kind (a milestone by its title).
    origins
        The day each reason falls on, one for each kind: the moment's own day, or a day
        within :data:`CLOSE_DAYS` before it that was merged into it. Empty means all on
        *date*.
    covered_by
        The index in ``initiative.evaluations`` of the recorded evaluation that covers
        the moment, or None. An evaluation covers a moment when it closes the milestone
        that falls due then, or else when it is dated after the moment before it (or on
        or after the start, for the first) and on or before it. One evaluation covers one
        moment at most.

    Examples
    --------
    >>> import datetime as dt
    >>> moment = EvaluationMoment(date=dt.date(2020, 3, 1), kinds=("interval",),
    ...                           reasons=("6 months after the start",), covered_by=None)
    >>> moment.covered, moment.reason
    (False, '6 months after the start')
    """

    date: dt.date
    kinds: tuple[MomentKind, ...]
    reasons: tuple[str, ...]
    covered_by: int | None = None
    origins: tuple[dt.date, ...] = ()

    @property
    def covered(self) -> bool:
        """Whether a recorded evaluation covers the moment."""
        return self.covered_by is not None

    @property
    def reason(self) -> str:
        """The reasons, joined in one sentence."""
        return "; ".join(self.reasons)


def schedule_evaluations(
    initiative: Initiative,
    *,
    every_months: int = 6,
    before: dt.date | None = None,
    lead_months: int = 3,
) -> tuple[EvaluationMoment, ...]:
    """Propose moments to evaluate an initiative, each with why, oldest first.

    The schedule runs from the initiative's start to its horizon: the later of its end
    (the end of its period, or its start plus its planned duration) and the latest due
    date of its milestones. It proposes:

    - a moment every *every_months* months after the start, up to the horizon;
    - the end, and the due date of every milestone (not before the start), when they fall
      on no such moment;
    - with *before* (an election day, say), one moment *lead_months* months before it,
      so that what is learned can still be acted on (when that is after the start).

    Moments on the same day, or less than :data:`CLOSE_DAYS` days after the first of a run
    of them, are one moment on the last day, with the reasons of all. Each says whether an
    evaluation already recorded on the initiative covers it (see
    :class:`EvaluationMoment`); an evaluation without a date covers only the milestone it
    closes, if any.

    Parameters
    ----------
    initiative
        The initiative to schedule; it needs a start (``period.start``).
    every_months
        Months between regular moments (at least 1).
    before
        A day to have evaluated before, such as the next municipal election.
    lead_months
        How many months before *before* the moment falls (at least 0).

    Returns
    -------
    tuple of EvaluationMoment
        By date.

    Raises
    ------
    MonitorError
        When the initiative has no start, or neither an end, a duration nor a milestone
        with a due date to give the schedule a horizon; or when *every_months* or
        *lead_months* is out of range.

    Examples
    --------
    >>> import datetime as dt
    >>> from democratie.model import Evaluation, Initiative, Period
    >>> pilot = Initiative(id="pilot", title="Wijkbudget", kind="wijkbudget",
    ...     period=Period(start=dt.date(2021, 1, 1), end=dt.date(2021, 12, 31)),
    ...     evaluations=(Evaluation(date=dt.date(2021, 6, 20)),))
    >>> for moment in schedule_evaluations(pilot, before=dt.date(2022, 3, 16)):
    ...     print(moment.date, moment.covered, moment.reason)
    2021-07-01 True 6 months after the start
    2021-12-31 False the end of its period; 3 months before 2022-03-16
    >>> schedule_evaluations(Initiative(id="x", title="X", kind="experiment"))
    Traceback (most recent call last):
    ...
    democratie.errors.MonitorError: initiative.period.start: 'x' has no start date; an evaluation
    schedule counts from the start
    """
    problems = list(_check_arguments(every_months, lead_months))
    start = initiative.period.start
    if start is None:
        problems.append(
            Problem(
                path="initiative.period.start",
                code="missing-key",
                message=(
                    f"'{initiative.id}' has no start date; an evaluation schedule counts from "
                    "the start"
                ),
            )
        )
    if problems:
        raise MonitorError(problems)
    assert start is not None
    end = initiative.end_date()
    due = [
        (milestone.title, day)
        for milestone in initiative.milestones
        if (day := milestone.due_date(start)) is not None
    ]
    ends = [day for day in (end, *(day for _, day in due)) if day is not None]
    if not ends:
        raise MonitorError(
            [
                Problem(
                    path="initiative.period.end",
                    code="missing-key",
                    message=(
                        f"'{initiative.id}' has no end, no duration and no milestone with a due "
                        "date, so the schedule has no horizon; give it one of those"
                    ),
                )
            ]
        )
    horizon = max(ends)
    found: dict[dt.date, list[_Reason]] = {}
    months = every_months
    while (day := add_months(start, months)) is not None and day <= horizon:
        found.setdefault(day, []).append(
            ("interval", f"{months} months after the start", None, day)
        )
        months += every_months
    if end is not None and end >= start:
        found.setdefault(end, []).append(("end", _end_reason(initiative), None, end))
    for title, day in due:
        if day >= start:  # a milestone due before the start leaves nothing to schedule
            found.setdefault(day, []).append(
                ("milestone", f"milestone '{title}' is due", title, day)
            )
    if before is not None:
        day = add_months(before, -lead_months)
        if day is not None and day >= start:
            reason = f"{lead_months} months before {before}"
            found.setdefault(day, []).append(("election", reason, None, day))
    return tuple(_covered(initiative, start, _merged(found)))


#: A milestone's due date, the end or the moment before an election this many days or
#: fewer from another moment falls on one moment with it, the later of the two days.
CLOSE_DAYS = 31


def _merged(found: dict[dt.date, list[_Reason]]) -> dict[dt.date, list[_Reason]]:
    """Moments close together as one, on the last day of the run; two regular ones never.

    One evaluation at the end of January answers both "12 months after the start" on the
    15th and a milestone due on the 31st; two moments sixteen days apart would ask for two.
    Regular moments stay apart however short the interval (a monthly schedule).
    """
    merged: dict[dt.date, list[_Reason]] = {}
    run: list[dt.date] = []

    def regular(day: dt.date) -> bool:
        return any(kind == "interval" for kind, _, _, _ in found[day])

    def close(run: list[dt.date]) -> None:
        merged[run[-1]] = [reason for day in run for reason in found[day]]

    for day in sorted(found):
        if run and ((day - run[0]).days > CLOSE_DAYS or (regular(day) and any(map(regular, run)))):
            close(run)
            run = []
        run.append(day)
    if run:
        close(run)
    return merged


def _check_arguments(every_months: int, lead_months: int) -> Iterator[Problem]:
    if every_months < 1:
        yield Problem(
            path="every_months",
            code="invalid-value",
            message=f"expected a whole number of months of at least 1, got {every_months!r}",
        )
    if lead_months < 0:
        yield Problem(
            path="lead_months",
            code="invalid-value",
            message=f"expected a whole number of months of at least 0, got {lead_months!r}",
        )


def _end_reason(initiative: Initiative) -> str:
    if initiative.period.end is not None:
        return "the end of its period"
    return f"the end of its planned {initiative.duration_months} months"


def _covered(
    initiative: Initiative, start: dt.date, found: dict[dt.date, list[_Reason]]
) -> Iterator[EvaluationMoment]:
    """The moments by date, each with the evaluation that covers it; one moment at most each.

    An evaluation that closes a milestone covers the moment that milestone falls due on
    first; the others cover the first moment, in date order, whose span they fall in.
    """
    evaluations = initiative.evaluations
    days = sorted(found)
    covered: dict[dt.date, int] = {}
    used: set[int] = set()
    for day in days:
        titles = {title for _, _, title, _ in found[day] if title is not None}
        for index, evaluation in enumerate(evaluations):
            if index not in used and evaluation.closes_milestone in titles:
                covered[day] = index
                used.add(index)
                break
    previous: dt.date | None = None  # the first moment covers from the start on
    for day in days:
        if day not in covered:
            for index, evaluation in enumerate(evaluations):
                if index not in used and _within(evaluation.date, previous, start, day):
                    covered[day] = index
                    used.add(index)
                    break
        previous = day
    for day in days:
        reasons = sorted(found[day], key=lambda item: _ORDER.index(item[0]))
        yield EvaluationMoment(
            date=day,
            kinds=tuple(kind for kind, _, _, _ in reasons),
            reasons=tuple(text for _, text, _, _ in reasons),
            origins=tuple(origin for _, _, _, origin in reasons),
            covered_by=covered.get(day),
        )


def _within(held: dt.date | None, previous: dt.date | None, start: dt.date, day: dt.date) -> bool:
    """Whether *held* lies after *previous* (on or after *start*, for the first) up to *day*."""
    if held is None or held > day:
        return False
    return held > previous if previous is not None else held >= start

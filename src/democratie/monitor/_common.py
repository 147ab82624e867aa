"""What following a programme shares: the day it is judged on, months, milestone states.

One definition of *overdue* serves the whole library: :func:`milestone_state` is what
:func:`democratie.monitor.status` reports and what the timeline rule of
:mod:`democratie.scoring` judges with, so a status and a score of the same day agree.

Examples
--------
>>> import datetime as dt
>>> from democratie.model import Milestone
>>> day = resolve_as_of(dt.date(2020, 10, 1))
>>> day.date, day.today
(datetime.date(2020, 10, 1), False)
>>> designed = Milestone(title="Werkwijze ontworpen", due_within_months=12)
>>> milestone_state(designed, dt.date(2019, 9, 1), day.date)
'overdue'
>>> import typing
>>> typing.get_args(MilestoneState)
('done', 'overdue', 'due_soon', 'not_due', 'unknown')
"""

from __future__ import annotations

import datetime as dt
import difflib
from typing import Literal, TypeAlias

from attrs import frozen

from democratie.errors import MonitorError, Problem
from democratie.model import Initiative, Landscape, Milestone
from democratie.model.initiative import add_months

__all__ = [
    "DUE_SOON_DAYS",
    "AsOf",
    "MilestoneState",
    "add_months",
    "find_initiative",
    "milestone_state",
    "months_between",
    "resolve_as_of",
]

#: A language the monitor speaks.
Lang: TypeAlias = Literal["nl", "en"]

#: Where a milestone stands on a day: reached by then, past its due date and not reached
#: (overdue), due within :data:`DUE_SOON_DAYS` (due soon), due later (not due), or without
#: a due date that can be told (unknown).
MilestoneState: TypeAlias = Literal["done", "overdue", "due_soon", "not_due", "unknown"]

DUE_SOON_DAYS = 30
"""A milestone not reached and due within this many days is *due soon*.

Examples
--------
>>> import datetime as dt
>>> from democratie.model import Milestone
>>> soon = Milestone(title="x", due=dt.date(2020, 1, 31))
>>> milestone_state(soon, None, soon.due - dt.timedelta(days=DUE_SOON_DAYS))
'due_soon'
"""


@frozen(kw_only=True)
class AsOf:
    """The day a status or a score is judged on, and whether it was today when judged.

    Parameters
    ----------
    date
        The day.
    today
        True when nobody gave a day and today's was taken.

    Examples
    --------
    >>> import datetime as dt
    >>> day = AsOf(date=dt.date(2020, 10, 1), today=False)
    >>> day.text("en"), day.text("nl")
    ('as of 2020-10-01', 'stand van zaken op 2020-10-01')
    >>> AsOf(date=dt.date(2026, 12, 7), today=True).text("en")
    'as of 2026-12-07 (today)'
    """

    date: dt.date
    today: bool = False

    def text(self, lang: Lang = "en") -> str:
        """The day in words, saying when it is today's."""
        if lang == "nl":
            return f"stand van zaken op {self.date.isoformat()}" + (
                " (vandaag)" if self.today else ""
            )
        return f"as of {self.date.isoformat()}" + (" (today)" if self.today else "")

    def to_dict(self) -> dict[str, object]:
        """The day as plain data: ``{"date": "2020-10-01", "today": false}``.

        Examples
        --------
        >>> import datetime as dt
        >>> AsOf(date=dt.date(2020, 10, 1)).to_dict()
        {'date': '2020-10-01', 'today': False}
        """
        return {"date": self.date.isoformat(), "today": self.today}


def resolve_as_of(as_of: dt.date | None = None) -> AsOf:
    """The day to judge on: the one given, or today (and then it says so).

    Parameters
    ----------
    as_of
        A date; a :class:`datetime.datetime` counts as its day. None means today
        (:meth:`datetime.date.today`).

    Raises
    ------
    MonitorError
        When *as_of* is neither None nor a date (a string, say), at ``as_of``.

    Examples
    --------
    >>> import datetime as dt
    >>> resolve_as_of(dt.date(2020, 10, 1))
    AsOf(date=datetime.date(2020, 10, 1), today=False)
    >>> resolve_as_of().today, resolve_as_of().date == dt.date.today()
    (True, True)
    >>> resolve_as_of("2020-10-01")
    Traceback (most recent call last):
        ...
    democratie.errors.MonitorError: as_of: expected a date, got '2020-10-01'
    """
    if as_of is None:
        return AsOf(date=dt.date.today(), today=True)
    if isinstance(as_of, dt.datetime):
        return AsOf(date=as_of.date())
    if isinstance(as_of, dt.date):
        return AsOf(date=as_of)
    message = f"expected a date, got {as_of!r}"  # type: ignore[unreachable]  # untyped callers
    raise MonitorError([Problem(path="as_of", message=message)])


def find_initiative(landscape: Landscape, initiative: str | Initiative) -> Initiative:
    """The initiative with this id (or the one given), or a located :class:`MonitorError`.

    Examples
    --------
    >>> import democratie
    >>> land = democratie.load("examples/leusden-samenleving-voorop.toml")
    >>> find_initiative(land, "samenleving-voorop-bestuur").duration_months
    12
    >>> find_initiative(land, "samenleving-voorop-bestuu")
    Traceback (most recent call last):
        ...
    democratie.errors.MonitorError: initiative: 'samenleving-voorop-bestuu' is not an initiative
    in the landscape; did you mean 'samenleving-voorop-bestuur'?
    """
    wanted = initiative.id if isinstance(initiative, Initiative) else initiative
    if wanted in landscape:
        found = landscape.get(wanted)
        if isinstance(found, Initiative):
            return found
        kind = landscape.kind_of(wanted)
        article = "an" if kind[:1] in "aeiou" else "a"
        message = f"'{wanted}' is {article} {kind}, not an initiative"
    else:
        known = [entry.id for entry in landscape.entries("initiative")]
        hint = difflib.get_close_matches(wanted, known, n=1, cutoff=0.6)
        message = f"'{wanted}' is not an initiative in the landscape" + (
            f"; did you mean '{hint[0]}'?" if hint else ""
        )
    raise MonitorError([Problem(path="initiative", message=message, code="dangling-reference")])


def months_between(start: dt.date, end: dt.date) -> int:
    """The whole calendar months from *start* to *end* (negative when *end* is earlier).

    Counted as :func:`add_months` counts: the number of months *n* for which *n* months
    after *start* is not after *end*. So a milestone due within 12 months is due when
    ``months_between(start, day)`` reaches 12.

    Examples
    --------
    >>> import datetime as dt
    >>> start = dt.date(2019, 9, 1)
    >>> months_between(start, dt.date(2020, 8, 31)), months_between(start, dt.date(2020, 9, 1))
    (11, 12)
    >>> months_between(dt.date(2020, 1, 31), dt.date(2020, 2, 29))
    1
    >>> months_between(start, dt.date(2019, 8, 1))
    -1
    """
    if end < start:
        return -months_between(end, start)
    months = (end.year - start.year) * 12 + end.month - start.month
    while months > 0:
        reached = add_months(start, months)
        if reached is not None and reached <= end:
            break
        months -= 1
    return months


def milestone_state(
    milestone: Milestone,
    start: dt.date | None,
    as_of: dt.date | None,
    *,
    soon_days: int = DUE_SOON_DAYS,
) -> MilestoneState:
    """Where one milestone stands on the day *as_of*: the one definition of overdue.

    - **done**: reached on or before *as_of* (a milestone reached later was not yet
      reached that day);
    - **unknown**: not reached, and no due date can be told (no ``due``, and no *start*
      to count ``due_within_months`` from);
    - **overdue**: not reached, and *as_of* is past the due date: whatever else is
      recorded, a milestone past its due date and not reached is overdue;
    - **due_soon**: not reached, due within *soon_days* days of *as_of*;
    - **not_due**: not reached, due later, or *as_of* is None (no day to judge on).

    Parameters
    ----------
    milestone
        The milestone.
    start
        The start of its initiative (``period.start``), to count ``due_within_months`` from.
    as_of
        The day; None judges only what is recorded as reached, so nothing is overdue.
    soon_days
        How many days ahead counts as soon.

    Examples
    --------
    >>> import datetime as dt
    >>> from democratie.model import Milestone
    >>> designed = Milestone(title="Werkwijze ontworpen", due_within_months=12,
    ...                      done=dt.date(2020, 7, 1))
    >>> start = dt.date(2019, 9, 1)
    >>> [milestone_state(designed, start, dt.date(y, m, 1)) for y, m in ((2020, 6), (2020, 7))]
    ['not_due', 'done']
    >>> milestone_state(designed, None, None), milestone_state(designed, None, dt.date(2020, 6, 1))
    ('done', 'unknown')
    """
    if milestone.done is not None and (as_of is None or milestone.done <= as_of):
        return "done"
    due = milestone.due_date(start)
    if due is None:
        return "unknown"
    if as_of is None:
        return "not_due"
    if as_of > due:
        return "overdue"
    if (due - as_of).days <= soon_days:
        return "due_soon"
    return "not_due"

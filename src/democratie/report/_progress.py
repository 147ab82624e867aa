"""The progress section of the report: a timeline per initiative, and indicators per area.

Every initiative with dates gets a timeline, an inline SVG with a row for its duration
(planned against elapsed), one for each milestone (its due date against the day it was
reached), one for each meeting (planned against held, with its host) and one for its
evaluations (those held, and the moments :func:`democratie.monitor.schedule_evaluations`
proposes that no evaluation covers). The report's day and the horizon are vertical lines.
Milestones and meetings are those of :func:`democratie.monitor.status` on the report's
day, so a milestone is overdue by the one definition of
:func:`democratie.monitor.milestone_state`. A table beside each drawing says everything
the drawing shows; an initiative without dates gets no empty drawing but a sentence of what
to record.

Every municipality with indicators gets the table of :func:`democratie.monitor.goal_progress`,
area by goal, and the list of areas where a goal measured elsewhere goes unmeasured.

Shapes and fills carry the meaning as well as the colours: open shapes are planned, filled
ones done or held; a diamond is a milestone, a circle a meeting, a square an evaluation.

Examples
--------
A timeline draws at most :data:`ROW_LIMIT` rows; its table lists every item all the same:

>>> ROW_LIMIT
24
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Final, Literal, TypeAlias

from attrs import frozen

from democratie.model import Initiative, Landscape, Milestone, Municipality, Network
from democratie.monitor import (
    Evaluations,
    GoalProgress,
    GoalRow,
    MeetingCheck,
    MilestoneCheck,
    goal_progress,
    milestone_state,
    status,
)
from democratie.report._html import esc, isolate, tag
from democratie.report._sections import LIST_LIMIT, Context, _amount, _limited
from democratie.report._text import Text
from democratie.vocab import AreaLevel, ServiceGoal

__all__ = [
    "ROW_LIMIT",
    "Item",
    "Timeline",
    "goal_tables",
    "progress_body",
    "timeline_figure",
    "timeline_of",
    "timelines",
]

#: The most rows one timeline draws; its table lists every item all the same.
ROW_LIMIT: Final = 24

_WIDTH: Final = 1000
_LABEL_X: Final = 236
_X0: Final = 250
_X1: Final = 944
_TOP: Final = 44
_ROW: Final = 26
_LABEL_LENGTH: Final = 32
#: Every interval between ticks, in months, the fewest ticks first that still give some.
_STEPS: Final = (1, 2, 3, 6, 12, 24, 60, 120, 300, 600, 1200, 3000)
_MAX_TICKS: Final = 10
#: The day after every recorded fact: what is recorded counts, and nothing is late.
_RECORDED: Final = dt.date.max
_SERVICE_GOALS: Final = frozenset(ServiceGoal.slugs())

Kind: TypeAlias = Literal["period", "milestone", "meeting", "evaluation", "moment"]
Mark: TypeAlias = Literal["open", "filled", "overdue", "unknown"]
_Scale: TypeAlias = Callable[[dt.date], float]


@frozen(kw_only=True)
class Item:
    """One thing on a timeline: the duration, a milestone, a meeting or an evaluation.

    Attributes
    ----------
    kind : str
        period, milestone, meeting, evaluation, or moment (an evaluation proposed).
    title : str
        What it is.
    planned : datetime.date, optional
        When it was planned: the start, a due date, a meeting's or a moment's date.
    end : datetime.date, optional
        For the duration: its planned end.
    done : datetime.date, optional
        When it was done: a milestone reached, an evaluation held (on or before the day).
    state : str
        Where it stands, in words.
    mark : str
        How it is drawn: open (planned), filled (done), overdue, or unknown.
    host : str
        A meeting's host, in words; empty for other items.
    when : str
        A meeting's time in words, when it has no date.
    of : str
        For a meeting of the initiative's network or of a group formed for it: its name.

    Examples
    --------
    >>> import datetime as dt
    >>> item = Item(kind="milestone", title="Werkwijze ontworpen", planned=dt.date(2020, 9, 1),
    ...             state="over tijd", mark="overdue")
    >>> item.dates, item.drawn
    ((datetime.date(2020, 9, 1),), True)
    """

    kind: Kind
    title: str
    planned: dt.date | None = None
    end: dt.date | None = None
    done: dt.date | None = None
    state: str
    mark: Mark
    host: str = ""
    when: str = ""
    of: str = ""

    @property
    def dates(self) -> tuple[dt.date, ...]:
        """The dates it puts on the timeline."""
        return tuple(day for day in (self.planned, self.end, self.done) if day is not None)

    @property
    def drawn(self) -> bool:
        """Whether it has a date to be drawn at."""
        return bool(self.dates)


@frozen(kw_only=True)
class Timeline:
    """What one initiative's timeline shows: its items, the horizon and the day.

    Examples
    --------
    >>> import datetime as dt
    >>> import democratie
    >>> from democratie.report._text import Text
    >>> land = democratie.load("examples/m50-leerkring-waalwijk.toml")
    >>> ini = land.get("m50-leerkring-initiatief")
    >>> line = timeline_of(land, ini, dt.date(2020, 3, 1), Text("en"))
    >>> [(item.kind, item.state) for item in line.items]
    [('period', 'running'), ('meeting', 'held'), ('meeting', 'planned'), ('meeting', 'planned')]
    >>> [item.title for item in line.undrawn]
    ['Vervolgbijeenkomst: Thorbecke-experimenten', 'Vervolgbijeenkomst: the next step']
    """

    initiative: str
    title: str
    items: tuple[Item, ...]
    horizon: dt.date | None
    horizon_label: str | None
    day: dt.date | None

    @property
    def drawable(self) -> bool:
        """Whether anything has a date to draw."""
        return any(item.drawn for item in self.items)

    @property
    def undrawn(self) -> tuple[Item, ...]:
        """The items without a date, which only the table lists."""
        return tuple(item for item in self.items if not item.drawn)


def timeline_of(
    landscape: Landscape, initiative: Initiative, day: dt.date | None, text: Text
) -> Timeline:
    """Gather the timeline of *initiative* on *day* (None: only what is recorded).

    With a day, the milestones and meetings are those of :func:`democratie.monitor.status`
    on that day. Without one, a milestone is reached when it is recorded so, and nothing is
    overdue (:func:`democratie.monitor.milestone_state` without a day), as in the overview.

    Examples
    --------
    >>> import datetime as dt
    >>> from attrs import evolve
    >>> import democratie
    >>> from democratie.model import Period
    >>> from democratie.report._text import Text
    >>> land = democratie.load("examples/leusden-samenleving-voorop.toml")
    >>> challenge = evolve(land.get("samenleving-voorop-bestuur"),
    ...                    period=Period(start=dt.date(2019, 9, 1)))
    >>> land = land.replace(challenge)
    >>> for day in (dt.date(2020, 8, 1), dt.date(2020, 10, 1), None):
    ...     line = timeline_of(land, challenge, day, Text("en"))
    ...     print([item.state for item in line.items if item.kind == "milestone"])
    ['not due yet', 'not due yet']
    ['overdue, 30 days', 'not due yet']
    ['planned', 'planned']
    """
    t = text
    found = status(landscape, initiative, as_of=day if day is not None else _RECORDED)
    start = initiative.period.start
    items: list[Item] = []
    duration = found.duration
    if duration.start is not None or duration.planned_end is not None:
        items.append(_period_item(duration.stage, start, duration.planned_end, day, t))
    if day is None:
        checks = tuple(_recorded(milestone, start) for milestone in initiative.milestones)
    else:
        checks = found.milestones.items
    items.extend(_milestone_item(check, day, t) for check in checks)
    items.extend(
        _meeting_item(landscape, initiative.id, meeting, day, t) for meeting in found.meetings.items
    )
    for evaluation in initiative.evaluations:
        title = evaluation.method or (
            _name(landscape, evaluation.by) if evaluation.by is not None else t("row_evaluation")
        )
        later = day is not None and evaluation.date is not None and evaluation.date > day
        items.append(
            Item(
                kind="evaluation",
                title=title,
                planned=evaluation.date if later else None,
                done=None if later else evaluation.date,
                state=t("state_evaluation_later" if later else "state_evaluated"),
                mark="open" if later else "filled",
            )
        )
    items.extend(_moments(found.evaluations, day, t))
    horizon = found.horizon
    return Timeline(
        initiative=initiative.id,
        title=initiative.title,
        items=tuple(items),
        horizon=horizon.date,
        horizon_label=horizon.label,
        day=day,
    )


def _recorded(milestone: Milestone, start: dt.date | None) -> MilestoneCheck:
    """A milestone as recorded, without a day: reached or not, and never overdue."""
    due = milestone.due_date(start)
    done = milestone.done
    return MilestoneCheck(
        title=milestone.title,
        due=due,
        done=done,
        state=milestone_state(milestone, start, None),
        on_time=done <= due if done is not None and due is not None else None,
    )


def _name(landscape: Landscape, ident: str) -> str:
    return landscape.name_of(ident) if ident in landscape else ident


def _period_item(
    stage: str, start: dt.date | None, end: dt.date | None, day: dt.date | None, t: Text
) -> Item:
    state = ""
    if day is not None and start is not None:
        state = t(
            {"not_started": "state_not_started", "past_planned_end": "state_ended"}.get(
                stage, "state_running"
            )
        )
    return Item(
        kind="period",
        title=t("duration"),
        planned=start,
        end=end,
        state=state,
        mark="open",
    )


def _milestone_item(check: MilestoneCheck, day: dt.date | None, t: Text) -> Item:
    mark: Mark = "open"
    if check.state == "done":
        state = t("state_late" if check.on_time is False else "state_done")
        mark = "filled"
    elif check.state == "overdue":
        days = check.days_from(day) if day is not None else None
        state = t("state_overdue_days", n=t.integer(-days)) if days else t("state_overdue")
        mark = "overdue"
    elif check.state == "due_soon":
        state = t("state_due_soon")
    elif check.state == "not_due":
        # without a day nothing is judged: the milestone is planned, no more
        state = t("state_not_due" if day is not None else "state_planned")
    else:
        state = t("state_no_due")
        mark = "unknown"
    return Item(
        kind="milestone",
        title=check.title,
        planned=check.due,
        done=check.done,
        state=state,
        mark=mark,
    )


def _meeting_item(
    landscape: Landscape, initiative: str, meeting: MeetingCheck, day: dt.date | None, t: Text
) -> Item:
    mark: Mark
    if meeting.state == "held":
        state, mark = t("state_held"), "filled"
    elif meeting.state == "planned":
        passed = day is not None and meeting.date_passed
        state, mark = t("state_date_passed" if passed else "state_planned"), "open"
    else:
        state, mark = t("state_unknown"), "unknown"
    host = meeting.host_name or meeting.host or ("" if meeting.state == "held" else t("no_host"))
    return Item(
        kind="meeting",
        title=meeting.title,
        of="" if meeting.of == initiative else _name(landscape, meeting.of),
        planned=meeting.date,
        state=state,
        mark=mark,
        host=host,
        when=meeting.when or "",
    )


def _moments(evaluations: Evaluations, day: dt.date | None, t: Text) -> list[Item]:
    """The moments of the status' evaluation schedule that no evaluation held covers.

    Without a day (only what is recorded) a moment is proposed, never missed.
    """
    found = []
    for moment in evaluations.moments:
        if moment.state == "held":
            continue
        missed = day is not None and moment.state == "missed"
        found.append(
            Item(
                kind="moment",
                title=f"{t('row_moment')} ({moment.reason(t.lang)})",
                planned=moment.date,
                state=t("state_missed" if missed else "state_proposed"),
                mark="overdue" if missed else "open",  # a missed moment stands out
            )
        )
    return found


# ----------------------------------------------------------------------------------------------
# The drawing
# ----------------------------------------------------------------------------------------------


def _month_index(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def _first_of(index: int) -> dt.date:
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, 1)


def _span(dates: Sequence[dt.date]) -> tuple[dt.date, dt.date]:
    """The first of the month of the first date to the first of the month after the last.

    At least three months, and never beyond what :class:`datetime.date` can hold.
    """
    low = _month_index(min(dates))
    high = _month_index(max(dates)) + 1
    if high - low < 3:
        high = low + 3
    low = max(low, 12)  # year 1
    high = min(high, _month_index(dt.date.max))
    if high <= low:
        low = high - 1
    return _first_of(low), _first_of(high) if high < _month_index(dt.date.max) else dt.date.max


def _ticks(low: dt.date, high: dt.date, t: Text) -> list[tuple[dt.date, str]]:
    months = _month_index(high) - _month_index(low)
    step = next((s for s in _STEPS if months / s <= _MAX_TICKS), _STEPS[-1])
    ticks = []
    index = _month_index(low)
    # years are ticked in January, and longer steps on their multiples
    while index % step if step < 12 else (index % 12 or (index // 12) % (step // 12)):
        index += 1
    while index <= _month_index(high):
        day = _first_of(index)
        if day > high:
            break
        ticks.append((day, str(day.year) if step >= 12 else t.month(day)))
        index += step
    return ticks


def _short(label: str) -> str:
    return label if len(label) <= _LABEL_LENGTH else label[: _LABEL_LENGTH - 1].rstrip() + "…"


def _diamond(x: float, y: float, cls: str, r: float = 7.0) -> str:
    points = f"{x:.1f},{y - r:.1f} {x + r:.1f},{y:.1f} {x:.1f},{y + r:.1f} {x - r:.1f},{y:.1f}"
    return tag("polygon", "", class_=cls, points=points)


def _circle(x: float, y: float, cls: str) -> str:
    return tag("circle", "", class_=cls, cx=f"{x:.1f}", cy=f"{y:.1f}", r="6")


def _square(x: float, y: float, cls: str) -> str:
    return tag(
        "rect", "", class_=cls, x=f"{x - 5.5:.1f}", y=f"{y - 5.5:.1f}", width="11", height="11"
    )


def _hint(item: Item, t: Text) -> str:
    parts = [f"{_titled(item)} — {t('row_' + item.kind)}"]
    if item.kind == "period":
        if item.planned is not None or item.end is not None:
            parts.append(_dates(item.planned, item.end, t))
    elif item.planned is not None:
        parts.append(f"{t('planned').lower()}: {t.date(item.planned)}")
    if item.done is not None:
        parts.append(f"{t('done_column').lower()}: {t.date(item.done)}")
    if item.state:
        parts.append(item.state)
    if item.host:
        parts.append(f"{t('host_column').lower()}: {item.host}")
    return "; ".join(parts)


def _titled(item: Item) -> str:
    return f"{item.title} · {item.of}" if item.of else item.title


def _dates(start: dt.date | None, end: dt.date | None, t: Text) -> str:
    if start is not None and end is not None:
        return t("from_to", start=t.date(start), end=t.date(end))
    if start is not None:
        return t("since", date=t.date(start))
    if end is not None:
        return t("until", date=t.date(end))
    return ""


def _rows(line: Timeline) -> list[tuple[str, list[Item]]]:
    """The rows of the drawing: duration, milestones, meetings, then the evaluations in one."""
    rows: list[tuple[str, list[Item]]] = []
    evaluations: list[Item] = []
    for item in line.items:
        if not item.drawn:
            continue
        if item.kind in ("evaluation", "moment"):
            evaluations.append(item)
        else:
            rows.append((item.title, [item]))
    if evaluations:
        rows.append(("", evaluations))
    return rows


def timeline_figure(line: Timeline, text: Text) -> str:
    """Write the figure of one timeline: the SVG and a caption; empty when nothing is dated.

    Parameters
    ----------
    line : Timeline
        What to draw (from :func:`timeline_of`).
    text : Text
        The words of the report.

    Returns
    -------
    str
        The HTML of the figure, or an empty string.

    Examples
    --------
    >>> import datetime as dt
    >>> import re
    >>> import democratie
    >>> from democratie.report._text import Text
    >>> land = democratie.load("examples/m50-leerkring-waalwijk.toml")
    >>> line = timeline_of(land, land.get("m50-leerkring-initiatief"), dt.date(2020, 3, 1),
    ...                    Text("en"))
    >>> html = timeline_figure(line, Text("en"))
    >>> re.search(r"<desc[^>]*>(.*?)</desc>", html).group(1)
    'Timeline from 4 February 2020 to 4 February 2020: 3 meetings, 1 of them held.'
    >>> re.findall(r'<text class="tl-mark-label"[^>]*>(.*?)</text>', html)
    ['as of 1 Mar 2020']
    """
    t = text
    rows = _rows(line)
    if not rows:
        return ""
    total = len(rows)
    if total > ROW_LIMIT:
        keep_evaluations = rows[-1][0] == ""
        rows = [*rows[: ROW_LIMIT - 1], rows[-1]] if keep_evaluations else rows[:ROW_LIMIT]
    dated = [day for item in line.items for day in item.dates]
    marks = [day for day in (line.day, line.horizon) if day is not None]
    low, high = _span(dated + marks)
    days = max((high - low).days, 1)

    def x(day: dt.date) -> float:
        return _X0 + (day - low).days / days * (_X1 - _X0)

    bottom = _TOP + len(rows) * _ROW
    height = bottom + 34
    parts: list[str] = []
    for index in range(0, len(rows), 2):
        parts.append(
            tag(
                "rect",
                "",
                class_="tl-stripe",
                x="0",
                y=str(_TOP + index * _ROW),
                width=str(_WIDTH),
                height=str(_ROW),
            )
        )
    ticks = _ticks(low, high, t)
    for day, label in ticks:
        px = f"{x(day):.1f}"
        parts.append(tag("line", "", class_="tl-grid", x1=px, y1=str(_TOP), x2=px, y2=str(bottom)))
        parts.append(
            tag(
                "text", esc(label), class_="tl-tick", x=px, y=str(bottom + 20), text_anchor="middle"
            )
        )
    parts.append(
        tag("line", "", class_="tl-axis", x1=str(_X0), y1=str(bottom), x2=str(_X1), y2=str(bottom))
    )
    for index, (label, items) in enumerate(rows):
        y = _TOP + index * _ROW + _ROW / 2
        shown = label or t("evaluations")
        parts.append(
            tag(
                "text",
                esc(_short(shown)),
                class_="tl-label",
                x=str(_LABEL_X),
                y=f"{y + 4:.1f}",
                text_anchor="end",
            )
        )
        for item in items:
            parts.append(_mark(item, x, y, line.day, t))
    if line.horizon is not None:
        parts.append(
            _vertical(x(line.horizon), bottom, "tl-horizon", t("timeline_horizon_mark"), 32)
        )
    if line.day is not None:
        parts.append(
            _vertical(
                x(line.day),
                bottom,
                "tl-day",
                t("timeline_day_mark", date=_short_date(line.day, t)),
                16,
            )
        )
    ident = f"tl-{line.initiative}"
    first, last = min(dated), max(dated)
    desc = t("timeline_desc", start=t.date(first), end=t.date(last), items=_counts(line, t))
    svg = tag(
        "svg",
        tag("title", esc(t("timeline_of", title=line.title)), id=f"{ident}-title")
        + tag("desc", esc(desc), id=f"{ident}-desc")
        + "".join(parts),
        class_="tl-svg",
        id=f"{ident}-svg",
        viewBox=f"0 0 {_WIDTH} {height}",
        role="img",
        aria_labelledby=f"{ident}-title {ident}-desc",
        xmlns="http://www.w3.org/2000/svg",
    )
    notes = []
    if total > len(rows):
        notes.append(t("timeline_rows_capped", shown=t.integer(len(rows)), total=t.integer(total)))
    undrawn = [item.title for item in line.undrawn]
    if undrawn:
        shown_names = undrawn[:LIST_LIMIT]
        if len(undrawn) > LIST_LIMIT:
            shown_names.append(t("others", n=t.integer(len(undrawn) - LIST_LIMIT)))
        notes.append(t("timeline_undrawn", names=t.join(shown_names)))
    caption = tag("figcaption", esc(" ".join(notes)), class_="note") if notes else ""
    return tag("figure", tag("div", svg, class_="picture") + caption, class_="tl-figure", id=ident)


def _short_date(day: dt.date, t: Text) -> str:
    return f"{day.day} {t.month(day)}"


def _vertical(px: float, bottom: int, cls: str, label: str, label_y: int) -> str:
    anchor = "middle"
    if px < _X0 + 60:
        anchor = "start"
    elif px > _X1 - 60:
        anchor = "end"
    return tag(
        "g",
        tag(
            "line",
            "",
            class_=cls,
            x1=f"{px:.1f}",
            y1=str(label_y + 4),
            x2=f"{px:.1f}",
            y2=str(bottom),
        )
        + tag(
            "text",
            esc(label),
            class_="tl-mark-label",
            x=f"{px:.1f}",
            y=str(label_y),
            text_anchor=anchor,
        ),
        class_=f"{cls}-mark",
    )


def _mark(item: Item, x: _Scale, y: float, day: dt.date | None, t: Text) -> str:
    shapes: list[str] = []
    if item.kind == "period":
        shapes.extend(_period_shapes(item, x, y, day))
    elif item.kind == "milestone":
        if item.planned is not None and item.done is not None:
            shapes.append(_link(x(item.planned), x(item.done), y, "tl-link"))
        if item.mark == "overdue" and item.planned is not None and day is not None:
            shapes.append(_link(x(item.planned), x(day), y, "tl-late"))
        if item.planned is not None:
            shapes.append(
                _diamond(x(item.planned), y, "tl-overdue" if item.mark == "overdue" else "tl-open")
            )
        if item.done is not None:
            shapes.append(_diamond(x(item.done), y, "tl-filled"))
        if item.mark == "overdue" and item.planned is not None:
            px = x(item.planned)
            left = px - _X0 > 90
            shapes.append(
                tag(
                    "text",
                    esc(t("legend_overdue")),
                    class_="tl-flag",
                    x=f"{px - 11 if left else px + 11:.1f}",
                    y=f"{y + 4:.1f}",
                    text_anchor="end" if left else "start",
                )
            )
    elif item.kind == "meeting":
        assert item.planned is not None
        shapes.append(_circle(x(item.planned), y, _class(item.mark)))
    else:
        at = item.done if item.done is not None else item.planned
        assert at is not None
        shapes.append(_square(x(at), y, _class(item.mark)))
    return tag("g", tag("title", esc(_hint(item, t))) + "".join(shapes), class_="tl-item")


def _class(mark: Mark) -> str:
    return {"open": "tl-open", "filled": "tl-filled", "overdue": "tl-overdue"}.get(
        mark, "tl-unknown"
    )


def _link(x1: float, x2: float, y: float, cls: str) -> str:
    return tag("line", "", class_=cls, x1=f"{x1:.1f}", y1=f"{y:.1f}", x2=f"{x2:.1f}", y2=f"{y:.1f}")


def _period_shapes(item: Item, x: _Scale, y: float, day: dt.date | None) -> list[str]:
    start, end = item.planned, item.end
    shapes = []
    if start is not None:
        right = x(end) if end is not None else _X1
        open_end = end is None
        shapes.append(
            tag(
                "rect",
                "",
                class_="tl-bar tl-open-end" if open_end else "tl-bar",
                x=f"{x(start):.1f}",
                y=f"{y - 7:.1f}",
                width=f"{max(right - x(start), 2.0):.1f}",
                height="14",
            )
        )
        if day is not None and day > start:
            reach = min(day, end) if end is not None else day
            shapes.append(
                tag(
                    "rect",
                    "",
                    class_="tl-elapsed",
                    x=f"{x(start):.1f}",
                    y=f"{y - 4:.1f}",
                    width=f"{max(x(reach) - x(start), 1.0):.1f}",
                    height="8",
                )
            )
    elif end is not None:
        shapes.append(
            tag(
                "line",
                "",
                class_="tl-end",
                x1=f"{x(end):.1f}",
                y1=f"{y - 8:.1f}",
                x2=f"{x(end):.1f}",
                y2=f"{y + 8:.1f}",
            )
        )
    return shapes


def _counts(line: Timeline, t: Text) -> str:
    kinds = [item.kind for item in line.items]
    parts = []
    milestones = kinds.count("milestone")
    if milestones:
        text = t("count_milestone") if milestones == 1 else t("count_milestones", n=milestones)
        overdue = sum(item.kind == "milestone" and item.mark == "overdue" for item in line.items)
        if overdue:
            text += ", " + t("count_overdue", n=t.integer(overdue))
        parts.append(text)
    meetings = kinds.count("meeting")
    if meetings:
        text = t("count_meeting") if meetings == 1 else t("count_meetings", n=meetings)
        held = sum(item.kind == "meeting" and item.mark == "filled" for item in line.items)
        if held:
            text += ", " + t("count_held", n=t.integer(held))
        parts.append(text)
    evaluations = kinds.count("evaluation")
    if evaluations:
        parts.append(
            t("count_evaluation")
            if evaluations == 1
            else t("count_evaluations", n=t.integer(evaluations))
        )
    moments = kinds.count("moment")
    if moments:
        parts.append(
            t("count_moment") if moments == 1 else t("count_moments", n=t.integer(moments))
        )
    return "; ".join(parts) or t("period_only")


def _table(line: Timeline, t: Text) -> str:
    head = "".join(
        tag("th", esc(t(key)), scope="col")
        for key in ("item", "kind", "planned", "done_column", "state", "host_column")
    )
    rows = []
    for item in line.items[:LIST_LIMIT]:
        if item.kind == "period":
            planned = _dates(item.planned, item.end, t)
        elif item.planned is not None:
            planned = t.date(item.planned)
        else:
            planned = item.when
        cells = [
            tag("th", isolate(_titled(item)), scope="row"),
            tag("td", esc(t("row_" + item.kind))),
            tag("td", esc(planned or "—")),
            tag("td", esc(t.date(item.done) if item.done is not None else "—")),
            tag(
                "td",
                esc(item.state or "—"),
                class_="tl-overdue-cell" if item.mark == "overdue" else None,
            ),
            tag("td", esc(item.host or "—")),
        ]
        rows.append(tag("tr", "".join(cells)))
    if len(line.items) > LIST_LIMIT:
        more = t("rows_more", n=t.integer(len(line.items) - LIST_LIMIT))
        rows.append(tag("tr", tag("td", esc(more), colspan="6")))
    table = tag(
        "table",
        tag(
            "caption",
            esc(t("timeline_table", title=t("timeline_of", title=line.title))),
            class_="visually-hidden",
        )
        + tag("thead", tag("tr", head))
        + tag("tbody", "".join(rows)),
        id=f"tl-{line.initiative}-table",
    )
    return tag("div", table, class_="table-wrap")


def _no_dates(ini: Initiative, ctx: Context) -> str:
    t = ctx.text
    counted = [m.title for m in ini.milestones if m.due is None and m.due_within_months is not None]
    if ini.period.start is None and (ini.duration_months is not None or counted):
        what = []
        if ini.duration_months is not None:
            what.append(t("the_duration", n=t.integer(ini.duration_months)))
        if counted:
            what.append(t("the_milestones", milestones=t.join(counted)))
        sentence = t("no_dates_start", what=t.join(what))
    else:
        sentence = t("no_dates")
    return f"{ctx.link(ini.id)}: {esc(sentence)}"


def _legend(t: Text) -> str:
    def swatch(shape: str) -> str:
        return tag(
            "svg",
            shape,
            width="18",
            height="18",
            viewBox="0 0 18 18",
            aria_hidden="true",
            focusable="false",
        )

    items = [
        swatch(_diamond(9, 9, "tl-open", 6.5)) + esc(t("legend_milestone")),
        swatch(_circle(9, 9, "tl-open")) + esc(t("legend_meeting")),
        swatch(_square(9, 9, "tl-open")) + esc(t("legend_evaluation")),
        swatch(_circle(9, 9, "tl-open")) + esc(t("legend_planned")),
        swatch(_circle(9, 9, "tl-filled")) + esc(t("legend_done")),
        swatch(_diamond(9, 9, "tl-overdue", 6.5)) + esc(t("legend_overdue")),
        swatch(_square(9, 9, "tl-overdue")) + esc(t("legend_missed")),
    ]
    return tag("ul", "".join(tag("li", item) for item in items), class_="legend tl-legend")


def _has_dates(
    landscape: Landscape, initiative: Initiative, groups: dict[str, list[Network]]
) -> bool:
    """Whether the initiative has a date to draw, without gathering its whole timeline.

    Its own dates, and those of the meetings :func:`democratie.monitor.status` counts as
    its own: of the network it works through, and of the networks formed for it (*groups*,
    by initiative).
    """
    period = initiative.period
    if period.start is not None or period.end is not None:
        return True
    if any(m.due is not None or m.done is not None for m in initiative.milestones):
        return True
    if any(e.date is not None for e in initiative.evaluations):
        return True
    networks = list(groups.get(initiative.id, ()))
    if initiative.network is not None and initiative.network in landscape:
        network = landscape.get(initiative.network)
        if isinstance(network, Network):
            networks.append(network)
    meetings = [initiative.meetings, *(net.meetings for net in networks)]
    return any(meeting.date is not None for group in meetings for meeting in group)


def timelines(
    ctx: Context, day: dt.date | None, *, initiatives: Sequence[Initiative] | None = None
) -> str:
    """Write the timelines of the initiatives, and what to record for those without dates.

    With *initiatives*, those only (all of the landscape by default).

    Examples
    --------
    >>> import datetime as dt
    >>> import re
    >>> import democratie.examples
    >>> from democratie.graph import build_graph
    >>> from democratie.plugins import score
    >>> from democratie.report._text import Text
    >>> land = democratie.examples.load("m50-leerkring-waalwijk")
    >>> graph = build_graph(land)
    >>> ctx = Context(landscape=land, graph=graph, scorecards=score(land, graph=graph),
    ...               rule_titles={}, text=Text("en"))
    >>> html = timelines(ctx, dt.date(2020, 3, 1))
    >>> re.findall(r'<figure[^>]*id="([^"]+)"', html)
    ['tl-m50-leerkring-initiatief']
    >>> re.findall(r'<li><a href="#i-([^"]+)">', html)
    ['thorbecke-experimenten']
    """
    t = ctx.text
    land = ctx.landscape
    initiatives = land.initiatives if initiatives is None else initiatives
    if not initiatives:
        return tag("p", esc(t("no_initiatives")), class_="note")
    parts = []
    drawn: list[Timeline] = []
    dateless: list[Initiative] = []
    dated = 0  # the initiatives with dates, drawn or not
    groups: dict[str, list[Network]] = {}
    for net in land.networks:
        if net.initiative is not None:
            groups.setdefault(net.initiative, []).append(net)
    for ini in initiatives:
        if not _has_dates(land, ini, groups):
            dateless.append(ini)
            continue
        if len(drawn) >= LIST_LIMIT:  # not drawn: only counted, which is cheap
            dated += 1
            continue
        line = timeline_of(land, ini, day, t)
        if line.drawable:
            drawn.append(line)
            dated += 1
        else:  # its one date is a milestone reached after the day
            dateless.append(ini)
    if drawn:
        intro = t("timelines_day", date=t.date(day)) if day else t("timelines_no_day")
        parts.append(tag("p", esc(intro)) + _legend(t))
    for line in drawn:
        parts.append(
            tag("h4", ctx.link(line.initiative), id=f"tl-{line.initiative}-h")
            + timeline_figure(line, t)
            + _table(line, t)
        )
    if dated > len(drawn):
        parts.append(
            tag(
                "p",
                esc(t("timelines_capped", shown=t.integer(len(drawn)), total=t.integer(dated))),
                class_="note",
            )
        )
    if not drawn:
        parts.append(tag("p", esc(t("timelines_none")), class_="note"))
    if dateless:
        items = _limited(dateless, lambda ini: _no_dates(ini, ctx), t)
        parts.append(
            tag("h4", esc(t("without_dates")), id="timelines-without-dates")
            + tag("ul", "".join(tag("li", item) for item in items), class_="tl-dateless")
        )
    return "".join(parts)


# ----------------------------------------------------------------------------------------------
# Indicators per area
# ----------------------------------------------------------------------------------------------


def _goal_label(goal: str, ctx: Context) -> str:
    if goal in _SERVICE_GOALS:
        return ctx.label(ServiceGoal(goal))
    return esc(goal)


def _area_name(area: str | None, ctx: Context) -> str:
    return esc(ctx.text("whole_municipality") if area is None else ctx.name(area))


def _goal_row(row: GoalRow, ctx: Context) -> str:
    t = ctx.text
    if row.latest is None:
        latest = t("not_measured")
    else:
        latest = t(
            "value_on", value=_amount(row.latest.value, row.unit, t), date=t.date(row.latest.date)
        )
    target = _amount(row.target, row.unit, t) if row.target is not None else "—"
    trend = t(f"trend_{row.trend}") if row.trend is not None else "—"
    on_track = "—" if row.on_track is None else t("yes" if row.on_track else "no")
    cells = [
        tag("th", _area_name(row.area, ctx), scope="row"),
        tag("td", _goal_label(row.goal, ctx)),
        tag("td", esc(latest), class_="num"),
        tag("td", esc(target), class_="num"),
        tag("td", esc(trend)),
        tag(
            "td",
            esc(on_track),
            class_=None if row.on_track is None else ("on-track" if row.on_track else "off-track"),
        ),
    ]
    return tag("tr", "".join(cells))


def _gap_lines(progress: GoalProgress, ctx: Context) -> list[str]:
    t = ctx.text
    lines = []
    for goal in dict.fromkeys(gap.goal for gap in progress.gaps):
        gaps = [gap for gap in progress.gaps if gap.goal == goal]
        areas = [isolate(ctx.name(gap.area)) for gap in gaps]
        shown = areas[:LIST_LIMIT]
        if len(areas) > LIST_LIMIT:
            shown.append(esc(t("others", n=t.integer(len(areas) - LIST_LIMIT))))
        measured = [isolate(ctx.name(area)) for area in gaps[0].measured_in]
        lines.append(
            t(
                "gap_line",
                goal=_goal_label(goal, ctx),
                areas=t.join(shown),
                measured=t.join(measured),
            )
        )
    return lines


def _levels(land: Landscape, progress: GoalProgress) -> list[AreaLevel]:
    """The levels of the areas measured, in the order of the levels."""
    found = set()
    for row in progress.rows:
        if row.area is not None and row.area in land:
            area = land.get(row.area)
            level = getattr(area, "level", None)
            if isinstance(level, AreaLevel):
                found.add(level)
    return [level for level in AreaLevel if level in found]


def _goal_table(mun: Municipality, progress: GoalProgress, ctx: Context, day: dt.date) -> str:
    t = ctx.text
    header = "".join(
        tag("th", esc(t(key)), scope="col", class_="num" if numeric else None)
        for key, numeric in (
            ("area", False),
            ("goal", False),
            ("latest", True),
            ("target_column", True),
            ("trend", False),
            ("on_track", False),
        )
    )
    rows = [_goal_row(row, ctx) for row in progress.rows[:LIST_LIMIT]]
    if len(progress.rows) > LIST_LIMIT:
        more = t("rows_more", n=t.integer(len(progress.rows) - LIST_LIMIT))
        rows.append(tag("tr", tag("td", esc(more), colspan="6")))
    title = t("goal_of", name=mun.name)
    table = tag(
        "table",
        tag("caption", esc(title), class_="visually-hidden")
        + tag("thead", tag("tr", header))
        + tag("tbody", "".join(rows)),
        id=f"goals-{mun.id}-table",
    )
    parts = [
        tag("h4", ctx.link(mun.id), id=f"goals-{mun.id}"),
        tag("div", table, class_="table-wrap"),
    ]
    gaps: list[str] = []
    for level in _levels(ctx.landscape, progress):
        by_level = goal_progress(ctx.landscape, mun.id, level=level, as_of=day)
        gaps.extend(_gap_lines(by_level, ctx))
    if gaps:
        parts.append(
            tag("p", tag("strong", esc(t("gaps"))), class_="gaps-heading")
            + tag("ul", "".join(tag("li", line) for line in gaps), id=f"goals-{mun.id}-gaps")
        )
    return "".join(parts)


def _measured(landscape: Landscape) -> set[str]:
    """The municipalities with a row in :func:`democratie.monitor.goal_progress`, in one pass.

    Their own indicators, and those of initiatives that measure one of their areas, or the
    whole of the one municipality they list.
    """
    found = {mun.id for mun in landscape.municipalities if mun.indicators}
    for ini in landscape.initiatives:
        for indicator in ini.indicators:
            if indicator.area is None:
                if len(ini.municipalities) == 1:
                    found.add(ini.municipalities[0])
            elif indicator.area in landscape:
                owner = landscape.municipality_of(indicator.area)
                if owner is not None:
                    found.add(owner)
    return found


def goal_tables(
    ctx: Context, day: dt.date | None, *, municipalities: Sequence[Municipality] | None = None
) -> str:
    """Write the indicator table of every municipality with indicators, and their gaps.

    With *municipalities*, those only (all of the landscape by default).

    Examples
    --------
    >>> import datetime as dt
    >>> import re
    >>> import democratie.examples
    >>> from democratie.graph import build_graph
    >>> from democratie.plugins import score
    >>> from democratie.report._text import Text
    >>> land = democratie.examples.load("stichtse-vecht-gebiedsgericht-werken")
    >>> graph = build_graph(land)
    >>> ctx = Context(landscape=land, graph=graph, scorecards=score(land, graph=graph),
    ...               rule_titles={}, text=Text("en"))
    >>> html = goal_tables(ctx, dt.date(2023, 6, 30))
    >>> html.count("<tr>") - 1, re.findall(r"<li>([^:]*):", html)
    (8, ['Clear and timely communication', 'Thinking along, taking part and getting room
    (participation)'])
    """
    t = ctx.text
    land = ctx.landscape
    measured_on = day if day is not None else _RECORDED
    measured = _measured(land)
    found: list[tuple[Municipality, GoalProgress]] = []
    total = 0
    for mun in land.municipalities if municipalities is None else municipalities:
        if mun.id not in measured:
            continue
        total += 1
        if len(found) < LIST_LIMIT:
            found.append((mun, goal_progress(land, mun.id, level=None, as_of=measured_on)))
    if not found:
        return tag("p", esc(t("goal_none")), class_="note")
    intro = t("goal_intro_day", date=t.date(day)) if day else t("goal_intro_no_day")
    parts = [tag("p", esc(intro))]
    parts.extend(_goal_table(mun, progress, ctx, measured_on) for mun, progress in found)
    if total > len(found):
        parts.append(
            tag(
                "p",
                esc(t("goal_capped", shown=t.integer(len(found)), total=t.integer(total))),
                class_="note",
            )
        )
    return "".join(parts)


def progress_body(
    ctx: Context,
    day: dt.date | None,
    *,
    municipalities: Sequence[Municipality] | None = None,
    initiatives: Sequence[Initiative] | None = None,
) -> str:
    """Write the progress section: the timelines, then the indicators per area.

    A page of a report in parts shows the timelines of some *initiatives* and the
    indicators of some *municipalities* (all by default).

    Parameters
    ----------
    ctx : Context
        The landscape and the words of the report.
    day : datetime.date, optional
        The report's day; None shows what is recorded, with no day marked and nothing
        overdue.
    municipalities : sequence of Municipality, optional
        The municipalities whose indicators the section shows; by default all.
    initiatives : sequence of Initiative, optional
        The initiatives whose timelines the section shows; by default all.

    Returns
    -------
    str
        HTML.

    Examples
    --------
    >>> import re
    >>> import democratie.examples
    >>> from democratie.graph import build_graph
    >>> from democratie.plugins import score
    >>> from democratie.report._text import Text
    >>> land = democratie.examples.load("leusden-samenleving-voorop")
    >>> graph = build_graph(land)
    >>> ctx = Context(landscape=land, graph=graph, scorecards=score(land, graph=graph),
    ...               rule_titles={}, text=Text("en"))
    >>> re.findall(r"<h[34][^>]*>(.*?)</h[34]>", progress_body(ctx, None))
    ['Timelines', 'Initiatives without dates', 'Indicators by area']
    """
    t = ctx.text
    return (
        tag("p", esc(t("progress_intro")))
        + tag("h3", esc(t("timelines")), id="timelines")
        + timelines(ctx, day, initiatives=initiatives)
        + tag("h3", esc(t("goal_table")), id="goals")
        + goal_tables(ctx, day, municipalities=municipalities)
    )

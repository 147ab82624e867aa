"""How a municipality's goals are doing: area by goal, latest value, target, trend, on track.

Examples
--------
Stichtse Vecht's service goals, kern by kern (the figures in the example are invented, and
marked so there):

>>> import datetime as dt
>>> from democratie import examples
>>> land = examples.load("stichtse-vecht-gebiedsgericht-werken")
>>> progress = goal_progress(land, "stichtse-vecht", as_of=dt.date(2023, 6, 30))
>>> row = progress.rows[0]
>>> row.area, row.goal, row.latest.value, row.target, row.trend, row.on_track
(None, 'snelle_en_eenvoudige_dienstverlening', 73.0, 75.0, 'improving', True)
>>> len(progress.unmeasured("participatie"))
8

A row's trend is a :data:`Trend`:

>>> import typing
>>> typing.get_args(Trend)
('improving', 'worsening', 'steady')
>>> [row.trend for row in progress.rows_for("participatie")]
['improving', 'worsening', 'improving', 'improving']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any, Literal, TypeAlias

from attrs import field, frozen

from democratie.errors import MonitorError, Problem
from democratie.model import Indicator, Landscape, Measurement, Municipality
from democratie.monitor._common import AsOf, Lang, resolve_as_of
from democratie.vocab import AreaLevel, Direction, ServiceGoal

__all__ = ["GoalGap", "GoalProgress", "GoalRow", "Trend", "goal_progress"]

#: Which way the last two measurements went: the better way, the worse way, or neither.
Trend: TypeAlias = Literal["improving", "worsening", "steady"]

_GOAL_ORDER = {goal.value: index for index, goal in enumerate(ServiceGoal)}

_WORDS: dict[str, dict[str, str]] = {
    "nl": {
        "target": "doel",
        "unmeasured": "nog niet gemeten",
        "improving": "verbetert",
        "worsening": "verslechtert",
        "steady": "gelijk",
        "on_track": "op koers",
        "behind": "achter op koers",
        "goals_of": "Doelen van",
        "by": " per",
        "whole": "hele gemeente",
        "not_measured": "niet gemeten",
        "in": "in",
        "measured_in": "wel gemeten in",
        "elsewhere": (
            '{count} indicator(en) van een {level} staan niet in deze tabel (vraag level="{level}")'
        ),
    },
    "en": {
        "target": "target",
        "unmeasured": "not measured yet",
        "improving": "improving",
        "worsening": "worsening",
        "steady": "steady",
        "on_track": "on track",
        "behind": "behind",
        "goals_of": "Goals of",
        "by": " by",
        "whole": "whole municipality",
        "not_measured": "not measured",
        "in": "in",
        "measured_in": "measured in",
        "elsewhere": (
            '{count} indicator(s) of a {level} are not in this table (ask for level="{level}")'
        ),
    },
}


def _number(value: float) -> str:
    """A value as people write it: 73, not 73.0; 6.5 as 6.5."""
    return f"{value:g}"


def _measurement(found: Measurement | None) -> dict[str, Any] | None:
    if found is None:
        return None
    return {"date": found.date.isoformat(), "value": found.value, "note": found.note}


@frozen(kw_only=True)
class GoalRow:
    """One indicator of a goal in an area (or the whole municipality), as of a date.

    Parameters
    ----------
    area
        The id of the area measured; None for the whole municipality.
    goal
        The goal: a service goal's slug or a goal in words.
    indicator
        The id of the indicator.
    owner
        The id of the municipality or initiative the indicator belongs to.
    unit
        What its values count.
    direction
        Which way is better.
    baseline, target
        The indicator's baseline and target, if it has them.
    latest
        The last measurement on or before the date; None when there is none yet.
    previous
        The measurement before it; None when there is none.
    on_track
        Whether the goal is on track as of the date (see :func:`goal_progress`); None when
        there is nothing to judge by.

    Examples
    --------
    >>> import datetime as dt
    >>> from democratie.model import Measurement
    >>> from democratie.vocab import Direction
    >>> row = GoalRow(area="breukelen", goal="participatie", indicator="p", owner="sv",
    ...     unit="procent", direction=Direction.OMHOOG, baseline=8, target=12,
    ...     latest=Measurement(date=dt.date(2023, 4, 1), value=11),
    ...     previous=Measurement(date=dt.date(2022, 4, 1), value=8), on_track=True)
    >>> row.change, row.trend, row.reached, row.service_goal.label_en
    (3.0, 'improving', False, 'Thinking along, taking part and getting room (participation)')
    """

    area: str | None
    goal: str
    indicator: str
    owner: str
    unit: str | None
    direction: Direction
    baseline: float | None
    target: float | None
    latest: Measurement | None
    previous: Measurement | None
    on_track: bool | None

    @property
    def service_goal(self) -> ServiceGoal | None:
        """The service goal, or None for a goal in words."""
        return ServiceGoal(self.goal) if self.goal in _GOAL_ORDER else None

    @property
    def change(self) -> float | None:
        """The latest value less the one before it; None with fewer than two."""
        if self.latest is None or self.previous is None:
            return None
        return self.latest.value - self.previous.value

    @property
    def trend(self) -> Trend | None:
        """Which way the last two measurements went; None with fewer than two."""
        if self.latest is None or self.previous is None:
            return None
        return _trend(self.direction, self.latest.value, self.previous.value)

    @property
    def reached(self) -> bool | None:
        """Whether the latest value has reached the target; None without both."""
        if self.latest is None or self.target is None:
            return None
        return self.direction.reached(self.latest.value, self.target)

    def goal_label(self, lang: Lang = "en") -> str:
        """The goal in words: a service goal's label, or the goal as written."""
        found = self.service_goal
        return found.label(lang) if found is not None else self.goal

    def line(self, lang: Lang = "en") -> str:
        """The row in words: the latest value and its date, the target, the trend, the verdict.

        Examples
        --------
        >>> import datetime as dt
        >>> from democratie.model import Measurement
        >>> from democratie.vocab import Direction
        >>> GoalRow(area=None, goal="wachttijd", indicator="w", owner="sv", unit="dagen",
        ...     direction=Direction.OMLAAG, baseline=40, target=28, latest=None,
        ...     previous=None, on_track=None).line("en")
        'not measured yet (target 28 dagen)'
        """
        words = _WORDS["nl" if lang == "nl" else "en"]
        unit = f" {self.unit}" if self.unit else ""
        target = (
            f"{words['target']} {_number(self.target)}{unit}" if self.target is not None else None
        )
        if self.latest is None:
            return words["unmeasured"] + (f" ({target})" if target else "")
        parts = [f"{_number(self.latest.value)}{unit} ({self.latest.date.isoformat()})"]
        if target:
            parts.append(target)
        if self.trend is not None:
            parts.append(words[self.trend])
        if self.on_track is not None:
            parts.append(words["on_track" if self.on_track else "behind"])
        return ", ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        """The row as plain data."""
        return {
            "area": self.area,
            "goal": self.goal,
            "indicator": self.indicator,
            "owner": self.owner,
            "unit": self.unit,
            "direction": self.direction.value,
            "baseline": self.baseline,
            "target": self.target,
            "latest": _measurement(self.latest),
            "previous": _measurement(self.previous),
            "trend": self.trend,
            "on_track": self.on_track,
        }


@frozen(kw_only=True)
class GoalGap:
    """An area of the level with no measurement of a goal that is measured in other areas.

    Parameters
    ----------
    goal
        The goal.
    area
        The id of the area without a measurement of it.
    measured_in
        The ids of the areas of the same level where it is measured, in the
        municipality's order.

    Examples
    --------
    >>> gap = GoalGap(goal="participatie", area="nigtevecht", measured_in=("breukelen",))
    >>> gap.area, gap.measured_in
    ('nigtevecht', ('breukelen',))
    """

    goal: str
    area: str
    measured_in: tuple[str, ...]


@frozen(kw_only=True)
class GoalProgress:
    """A municipality's goals area by area, as of a date: the value :func:`goal_progress` gives.

    Parameters
    ----------
    municipality
        The id of the municipality.
    level
        The level of the areas in the table; None for areas of every level.
    as_of
        The day the table is as of (measurements after it are not counted), and whether
        it was today.
    rows
        One row per indicator: the whole municipality first, then the areas in the
        municipality's order; within each, the goals in the order of the service goals
        (:class:`~democratie.vocab.ServiceGoal`), then goals in words alphabetically; then
        by indicator id.
    gaps
        For each goal measured (as of the date) in at least one area of the level, every
        other area of that level without a measurement of it; by goal as the rows are, then
        in the municipality's order of areas. Empty when *level* is None.
    elsewhere
        How many of the municipality's indicators measure areas of another level, and so
        are not in the table, by level (``{AreaLevel.WIJK: 4}`` for a city measured by
        wijk, asked by kern); :meth:`explain` says so.

    Examples
    --------
    >>> import datetime as dt
    >>> from democratie import examples
    >>> land = examples.load("stichtse-vecht-gebiedsgericht-werken")
    >>> progress = goal_progress(land, "stichtse-vecht", as_of=dt.date(2023, 6, 30))
    >>> progress.goals()
    ('snelle_en_eenvoudige_dienstverlening', 'minder_regeldruk', 'heldere_en_tijdige_communicatie',
    'participatie')
    >>> [row.area for row in progress.rows_for("heldere_en_tijdige_communicatie")]
    ['breukelen', 'maarssen-dorp']
    """

    municipality: str
    level: AreaLevel | None
    as_of: AsOf
    rows: tuple[GoalRow, ...]
    gaps: tuple[GoalGap, ...]
    elsewhere: dict[AreaLevel, int] = field(factory=dict)

    def explain(self, lang: Lang = "en") -> list[str]:
        r"""The table in lines: a headline, a line per row, then the areas left unmeasured.

        Examples
        --------
        >>> import datetime as dt
        >>> from democratie import examples
        >>> land = examples.load("stichtse-vecht-gebiedsgericht-werken")
        >>> lines = goal_progress(land, "stichtse-vecht", as_of=dt.date(2023, 6, 30)).explain()
        >>> print("\n".join(lines[:2]))
        Goals of stichtse-vecht by kern, as of 2023-06-30
          whole municipality: Fast and simple service: 73 procent (2023-03-01), target 75 procent,
          improving, on track
        >>> lines[-1]
        '  not measured: Thinking along, taking part and getting room (participation) in tienhoven
        (measured in breukelen, kockengen, maarssenbroek, vreeland)'
        """
        words = _WORDS["nl" if lang == "nl" else "en"]
        by = words["by"] + " " + self.level.value if self.level is not None else ""
        lines = [f"{words['goals_of']} {self.municipality}{by}, {self.as_of.text(lang)}"]
        for row in self.rows:
            where = row.area if row.area is not None else words["whole"]
            lines.append(f"  {where}: {row.goal_label(lang)}: {row.line(lang)}")
        for level, count in self.elsewhere.items():
            lines.append("  " + words["elsewhere"].format(count=count, level=level.value))
        labels = {row.goal: row.goal_label(lang) for row in self.rows}
        for gap in self.gaps:
            lines.append(
                f"  {words['not_measured']}: {labels.get(gap.goal, gap.goal)} {words['in']} "
                f"{gap.area} ({words['measured_in']} {', '.join(gap.measured_in)})"
            )
        return lines

    def to_dict(self) -> dict[str, Any]:
        """The table as plain data: the municipality, level, day, rows and gaps.

        Examples
        --------
        >>> import datetime as dt
        >>> from democratie import examples
        >>> land = examples.load("stichtse-vecht-gebiedsgericht-werken")
        >>> data = goal_progress(land, "stichtse-vecht", as_of=dt.date(2023, 6, 30)).to_dict()
        >>> list(data), data["rows"][0]["on_track"], data["gaps"][0]["area"]
        (['municipality', 'level', 'as_of', 'rows', 'gaps', 'elsewhere'], True, 'kockengen')
        """
        return {
            "municipality": self.municipality,
            "level": self.level.value if self.level is not None else None,
            "as_of": self.as_of.to_dict(),
            "rows": [row.to_dict() for row in self.rows],
            "gaps": [
                {"goal": gap.goal, "area": gap.area, "measured_in": list(gap.measured_in)}
                for gap in self.gaps
            ],
            "elsewhere": {level.value: count for level, count in self.elsewhere.items()},
        }

    def goals(self) -> tuple[str, ...]:
        """The goals of the rows, each once, in the order of the rows' goals."""
        return tuple(sorted({row.goal for row in self.rows}, key=_goal_key))

    def rows_for(self, goal: str) -> tuple[GoalRow, ...]:
        """The rows of one goal, in the order of the table."""
        return tuple(row for row in self.rows if row.goal == goal)

    def unmeasured(self, goal: str) -> tuple[str, ...]:
        """The ids of the areas of the level where *goal* is not measured, though it is elsewhere.

        Examples
        --------
        >>> import datetime as dt
        >>> from democratie import examples
        >>> land = examples.load("stichtse-vecht-gebiedsgericht-werken")
        >>> goal_progress(land, "stichtse-vecht", as_of=dt.date(2023, 6, 30)).unmeasured(
        ...     "heldere_en_tijdige_communicatie")[:3]
        ('kockengen', 'loenen-aan-de-vecht', 'loenersloot')
        """
        return tuple(gap.area for gap in self.gaps if gap.goal == goal)


def goal_progress(
    landscape: Landscape,
    municipality: str,
    *,
    level: AreaLevel | str | None = "kern",
    as_of: dt.date | None = None,
) -> GoalProgress:
    """Tabulate a municipality's goals area by goal, as of a date, and where they go unmeasured.

    The indicators counted are the municipality's own, and those of initiatives that
    measure one of its areas, or the whole of it when the initiative lists this
    municipality and no other. The table holds the indicators of the whole municipality
    and of its areas of *level* (all areas when *level* is None).

    Each row gives the latest measurement on or before *as_of*, the one before it (the
    trend), and whether the goal is **on track**, judged in this order:

    1. no measurement yet: None;
    2. the latest value has reached the target (at or beyond it, the better way): on track;
    3. with a target, a baseline and a period with a start and an end: on track when the
       latest value is at or beyond the straight path from the baseline at the start of
       the period to the target at its end, at the date it was measured;
    4. with a baseline (and a target without a whole period, or no target): on track when
       the latest value is better than the baseline;
    5. otherwise, with two measurements: on track when the last one is better than the
       one before it; else None.

    Parameters
    ----------
    landscape
        The landscape.
    municipality
        The id of the municipality.
    level
        The level of the areas in the table and the gaps (an :class:`AreaLevel` or its
        slug); None for every level, without gaps.
    as_of
        The date to judge as of; today when None. The result says which date it used.

    Returns
    -------
    GoalProgress
        The rows and the gaps, in the order :class:`GoalProgress` documents.

    Raises
    ------
    MonitorError
        When *municipality* is not the id of a municipality of the landscape, or *level*
        is not an area level.

    Examples
    --------
    Change one measurement and the verdict moves: Vreeland's participation, 10.5 percent in
    April 2023, is behind the path from 9 to 12 over two years; 11 percent is not.

    >>> import datetime as dt
    >>> from attrs import evolve
    >>> from democratie import examples
    >>> land = examples.load("stichtse-vecht-gebiedsgericht-werken")
    >>> day = dt.date(2023, 6, 30)
    >>> [row.on_track for row in goal_progress(land, "stichtse-vecht", as_of=day).rows
    ...  if row.area == "vreeland"]
    [False]
    >>> programme = land.get("gebiedsgericht-werken-2022")
    >>> vreeland = programme.indicators[0]
    >>> better = evolve(vreeland, measurements=(vreeland.measurements[0],
    ...                 evolve(vreeland.measurements[1], value=11.0)))
    >>> land = land.replace(evolve(programme, indicators=(better,)))
    >>> [row.on_track for row in goal_progress(land, "stichtse-vecht", as_of=day).rows
    ...  if row.area == "vreeland"]
    [True]
    """
    chosen = _level(level)
    mun = _municipality(landscape, municipality)
    day = resolve_as_of(as_of)
    areas = [a for a in mun.walk_areas() if chosen is None or a.level is chosen]
    position = {area.id: index for index, area in enumerate(areas)}
    counted = list(_indicators(landscape, mun))
    rows = [
        _row(owner, indicator, day.date)
        for owner, indicator in counted
        if indicator.area is None or indicator.area in position
    ]
    elsewhere = _elsewhere(landscape, counted, position)
    rows.sort(
        key=lambda row: (
            -1 if row.area is None else position[row.area],
            _goal_key(row.goal),
            row.indicator,
        )
    )
    gaps = list(_gaps(rows, [a.id for a in areas])) if chosen is not None else []
    return GoalProgress(
        municipality=mun.id,
        level=chosen,
        as_of=day,
        rows=tuple(rows),
        gaps=tuple(gaps),
        elsewhere=elsewhere,
    )


def _elsewhere(
    landscape: Landscape, counted: list[tuple[str, Indicator]], position: dict[str, int]
) -> dict[AreaLevel, int]:
    """How many indicators measure areas of another level than the table's, by level."""
    found: dict[AreaLevel, int] = {}
    for _, indicator in counted:
        if indicator.area is None or indicator.area in position:
            continue
        level = getattr(landscape.get(indicator.area), "level", None)
        if isinstance(level, AreaLevel):
            found[level] = found.get(level, 0) + 1
    return {level: found[level] for level in AreaLevel if level in found}


def _level(level: AreaLevel | str | None) -> AreaLevel | None:
    if level is None or isinstance(level, AreaLevel):
        return level
    try:
        return AreaLevel(level)
    except ValueError:
        allowed = ", ".join(AreaLevel.slugs())
        raise MonitorError(
            [
                Problem(
                    path="level",
                    code="invalid-value",
                    message=f"{level!r} is not an area level; expected one of: {allowed}",
                )
            ]
        ) from None


def _municipality(landscape: Landscape, municipality: str) -> Municipality:
    if municipality not in landscape:
        raise MonitorError(
            [
                Problem(
                    path="municipality",
                    code="dangling-reference",
                    message=f"'{municipality}' is not a municipality in the landscape",
                )
            ]
        )
    found = landscape.get(municipality)
    if not isinstance(found, Municipality):
        raise MonitorError(
            [
                Problem(
                    path="municipality",
                    code="wrong-reference",
                    message=(
                        f"'{municipality}' is a {landscape.kind_of(municipality)}, "
                        "not a municipality"
                    ),
                )
            ]
        )
    return found


def _indicators(landscape: Landscape, mun: Municipality) -> Iterator[tuple[str, Indicator]]:
    """The municipality's indicators, then those of initiatives measuring it, with owners."""
    for indicator in mun.indicators:
        yield mun.id, indicator
    for ini in landscape.initiatives:
        for indicator in ini.indicators:
            if indicator.area is None:
                if ini.municipalities == (mun.id,):
                    yield ini.id, indicator
            elif landscape.municipality_of(indicator.area) == mun.id:
                yield ini.id, indicator


def _row(owner: str, indicator: Indicator, day: dt.date) -> GoalRow:
    measured = indicator.measured(day)
    latest = measured[-1] if measured else None
    previous = measured[-2] if len(measured) > 1 else None
    return GoalRow(
        area=indicator.area,
        goal=indicator.goal,
        indicator=indicator.id,
        owner=owner,
        unit=indicator.unit,
        direction=indicator.direction,
        baseline=indicator.baseline,
        target=indicator.target,
        latest=latest,
        previous=previous,
        on_track=_on_track(indicator, latest, previous),
    )


def _on_track(
    indicator: Indicator, latest: Measurement | None, previous: Measurement | None
) -> bool | None:
    if latest is None:
        return None
    direction, value = indicator.direction, latest.value
    baseline, target = indicator.baseline, indicator.target
    if target is not None and direction.reached(value, target):
        return True
    start, end = indicator.period.start, indicator.period.end
    if target is not None and baseline is not None and start is not None and end is not None:
        span = (end - start).days
        share = 1.0 if span <= 0 else min(max((latest.date - start).days / span, 0.0), 1.0)
        return direction.reached(value, baseline + (target - baseline) * share)
    if baseline is not None:
        return direction.better(value, baseline)
    if previous is not None:
        return direction.better(value, previous.value)
    return None


def _trend(direction: Direction, latest: float, previous: float) -> Trend:
    if direction.better(latest, previous):
        return "improving"
    if direction.better(previous, latest):
        return "worsening"
    return "steady"


def _goal_key(goal: str) -> tuple[int, int, str]:
    index = _GOAL_ORDER.get(goal)
    return (0, index, "") if index is not None else (1, 0, goal)


def _gaps(rows: list[GoalRow], areas: list[str]) -> Iterator[GoalGap]:
    measured: dict[str, list[str]] = {}
    for row in rows:
        if row.area is not None and row.latest is not None:
            places = measured.setdefault(row.goal, [])
            if row.area not in places:
                places.append(row.area)
    order = {area: index for index, area in enumerate(areas)}
    for goal in sorted(measured, key=_goal_key):
        found = tuple(sorted(measured[goal], key=order.__getitem__))
        for area in areas:
            if area not in found:
                yield GoalGap(goal=goal, area=area, measured_in=found)

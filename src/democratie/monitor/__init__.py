"""Follow programmes over time: when to evaluate them, and how their goals are doing.

The layer beside :mod:`democratie.plan`: it reads a landscape and returns values; it
never changes a landscape or writes a file.

- :func:`schedule_evaluations`: moments to evaluate an initiative over its period and
  horizon, and before an election, each with why and whether an evaluation already
  recorded covers it.
- :func:`goal_progress`: for a municipality, each goal measured in an area (or in the whole
  municipality), the latest value as of a date, its target, its trend and whether it is on
  track; and the areas where a goal measured elsewhere is not measured.

Examples
--------
>>> import datetime as dt
>>> from democratie import examples, monitor
>>> land = examples.load("stichtse-vecht-gebiedsgericht-werken")
>>> progress = monitor.goal_progress(land, "stichtse-vecht", as_of=dt.date(2023, 6, 30))
>>> [(row.area, row.on_track) for row in progress.rows if row.goal == "participatie"]
[('breukelen', True), ('kockengen', False), ('maarssenbroek', False), ('vreeland', False)]
"""

from democratie.monitor._evaluations import EvaluationMoment, MomentKind, schedule_evaluations
from democratie.monitor._indicators import GoalGap, GoalProgress, GoalRow, Trend, goal_progress

__all__ = [
    "EvaluationMoment",
    "GoalGap",
    "GoalProgress",
    "GoalRow",
    "MomentKind",
    "Trend",
    "goal_progress",
    "schedule_evaluations",
]

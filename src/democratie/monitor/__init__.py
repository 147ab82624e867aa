"""Follow programmes over time: status, evaluations, goals measured, lessons passed on.

Where an initiative stands on a day, when to evaluate it, how its goals are doing, and
lessons to learn from. The layer beside :mod:`democratie.plan`: each function takes
landscapes and returns values that explain themselves (``explain()``, ``to_dict()``);
nothing here changes a landscape, reads or writes a file.

- :func:`status`: an initiative on a day: months of its planned duration, milestones
  done, to come and overdue, meetings held and planned with their hosts, evaluations held
  and due, and how far along the way to its furthest deadline it is (Leusden: "over 3 jaar
  moet die werkwijze staan").
- :func:`milestone_state`: the one definition of *overdue*, shared with the timeline rule
  of :mod:`democratie.scoring`.
- :func:`schedule_evaluations`: moments to evaluate an initiative over its period and
  horizon, and before an election, each with why and whether an evaluation already
  recorded covers it.
- :func:`goal_progress`: for a municipality, each goal measured in an area (or in the whole
  municipality), the latest value as of a date, its target, its trend and whether it is on
  track; and the areas where a goal measured elsewhere is not measured.
- :func:`recommend_lessons` and :class:`LessonIndex`: lessons of other initiatives, in
  this landscape and others, ranked by what they share with an initiative (Leusden
  passes on its "do's en dont's"; Democratie in Actie bundles knowledge "en verspreid
  naar andere regio's").

Examples
--------
>>> import datetime as dt
>>> import democratie
>>> from democratie import examples, monitor
>>> land = democratie.load("examples/m50-leerkring-waalwijk.toml")
>>> found = monitor.status(land, "m50-leerkring-initiatief", as_of=dt.date(2020, 3, 1))
>>> len(found.meetings.held), len(found.meetings.planned)
(1, 2)
>>> land = examples.load("stichtse-vecht-gebiedsgericht-werken")
>>> progress = monitor.goal_progress(land, "stichtse-vecht", as_of=dt.date(2023, 6, 30))
>>> [(row.area, row.on_track) for row in progress.rows if row.goal == "participatie"]
[('breukelen', True), ('kockengen', False), ('maarssenbroek', False), ('vreeland', False)]
"""

from democratie.monitor._common import (
    DUE_SOON_DAYS,
    AsOf,
    MilestoneState,
    add_months,
    find_initiative,
    milestone_state,
    months_between,
    resolve_as_of,
)
from democratie.monitor._evaluations import (
    CLOSE_DAYS,
    EvaluationMoment,
    MomentKind,
    schedule_evaluations,
)
from democratie.monitor._indicators import GoalGap, GoalProgress, GoalRow, Trend, goal_progress
from democratie.monitor._lessons import (
    DOMAIN_WEIGHT,
    KIND_WEIGHT,
    SERVICE_GOAL_WEIGHT,
    SIZE_SPAN,
    SIZE_WEIGHT,
    THEME_WEIGHT,
    InitiativeRef,
    LessonIndex,
    Match,
    Recommendation,
    recommend_lessons,
)
from democratie.monitor._status import (
    Duration,
    EvaluationCheck,
    Evaluations,
    Horizon,
    MeetingCheck,
    Meetings,
    MilestoneCheck,
    Milestones,
    MomentCheck,
    Status,
    StatusSection,
    status,
)

__all__ = [
    "CLOSE_DAYS",
    "DOMAIN_WEIGHT",
    "DUE_SOON_DAYS",
    "KIND_WEIGHT",
    "SERVICE_GOAL_WEIGHT",
    "SIZE_SPAN",
    "SIZE_WEIGHT",
    "THEME_WEIGHT",
    "AsOf",
    "Duration",
    "EvaluationCheck",
    "EvaluationMoment",
    "Evaluations",
    "GoalGap",
    "GoalProgress",
    "GoalRow",
    "Horizon",
    "InitiativeRef",
    "LessonIndex",
    "Match",
    "MeetingCheck",
    "Meetings",
    "MilestoneCheck",
    "MilestoneState",
    "Milestones",
    "MomentCheck",
    "MomentKind",
    "Recommendation",
    "Status",
    "StatusSection",
    "Trend",
    "add_months",
    "find_initiative",
    "goal_progress",
    "milestone_state",
    "months_between",
    "recommend_lessons",
    "resolve_as_of",
    "schedule_evaluations",
    "status",
]

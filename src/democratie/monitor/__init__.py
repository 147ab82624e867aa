"""Follow programmes over time: where an initiative stands on a day, and lessons to learn from.

The layer that follows what the plan layer set up. Each function takes landscapes and
returns values that explain themselves (``explain()``, ``to_dict()``); nothing here reads
or writes a file.

- :func:`status`: an initiative on a day: months of its planned duration, milestones
  done, to come and overdue, meetings held and planned with their hosts, and how far
  along the way to its furthest deadline it is (Leusden: "over 3 jaar moet die
  werkwijze staan").
- :func:`milestone_state`: the one definition of *overdue*, shared with the timeline rule
  of :mod:`democratie.scoring`.
- :func:`recommend_lessons` and :class:`LessonIndex`: lessons of other initiatives, in
  this landscape and others, ranked by what they share with an initiative (Leusden
  passes on its "do's en dont's"; Democratie in Actie bundles knowledge "en verspreid
  naar andere regio's").

Examples
--------
>>> import datetime as dt
>>> import democratie
>>> from democratie import monitor
>>> land = democratie.load("examples/m50-leerkring-waalwijk.toml")
>>> found = monitor.status(land, "m50-leerkring-initiatief", as_of=dt.date(2020, 3, 1))
>>> len(found.meetings.held), len(found.meetings.planned)
(1, 2)
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
    Horizon,
    MeetingCheck,
    Meetings,
    MilestoneCheck,
    Milestones,
    Status,
    StatusSection,
    status,
)

__all__ = [
    "DOMAIN_WEIGHT",
    "DUE_SOON_DAYS",
    "KIND_WEIGHT",
    "SERVICE_GOAL_WEIGHT",
    "SIZE_SPAN",
    "SIZE_WEIGHT",
    "THEME_WEIGHT",
    "AsOf",
    "Duration",
    "Horizon",
    "InitiativeRef",
    "LessonIndex",
    "Match",
    "MeetingCheck",
    "Meetings",
    "MilestoneCheck",
    "MilestoneState",
    "Milestones",
    "Recommendation",
    "Status",
    "StatusSection",
    "add_months",
    "find_initiative",
    "milestone_state",
    "months_between",
    "recommend_lessons",
    "resolve_as_of",
    "status",
]

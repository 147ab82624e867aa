"""Plan learning programmes: the intake gate, learning groups, meeting series, the pool.

The first layer that acts rather than records. Each planner takes a landscape and
returns a plan: a value that explains itself (``explain()``, ``to_dict()``) and can be
applied to the landscape it came from (``apply()`` returns a new, checked landscape).
Nothing here writes a file.

- :func:`assess_intakes`: which municipalities may enter a trajectory, and every
  reason why not (Democratie in Actie: "Na een lokale intake ..."); and
  :func:`unmet_commitments`, the one definition of a commitment met at an intake.
- :func:`compose_groups`: learning groups of about ``size`` per region, as similar in
  their question themes as can be, solved exactly with OR-Tools CP-SAT.
- :func:`plan_meetings`: a series of meetings spread over a window, hosts in turn.
- :func:`allocate_pool`: a change officer from the pool for each question.

The two optimisations need OR-Tools (``pip install 'democratie[plan]'``); without it
they raise :class:`~democratie.errors.SolverUnavailableError` and the rest works.

Examples
--------
>>> import democratie
>>> from democratie import plan
>>> land = democratie.load("examples/democratie-in-actie-noord-nederland.toml")
>>> groups = plan.compose_groups(
...     land, "dia-ontwikkeltraject-organisatieontwikkeling", by="landsdeel"
... )
>>> groups.optimal, [len(group.members) for group in groups.groups]
(True, [6, 5])
>>> land = groups.apply(land)
>>> len(land.networks)
4
"""

from democratie.plan._common import Reason
from democratie.plan._groups import Group, GroupPlan, Match, Move, compose_groups
from democratie.plan._intake import Admission, assess_intakes, unmet_commitments
from democratie.plan._meetings import HostChoice, MeetingPlan, plan_meetings, public_holidays
from democratie.plan._partition import group_sizes, jaccard
from democratie.plan._pool import (
    Officer,
    OfficerChange,
    PoolAssignment,
    PoolPlan,
    UnmetQuestion,
    allocate_pool,
    pool_of,
)
from democratie.plan._solver import Certificate

__all__ = [
    "Admission",
    "Certificate",
    "Group",
    "GroupPlan",
    "HostChoice",
    "Match",
    "MeetingPlan",
    "Move",
    "Officer",
    "OfficerChange",
    "PoolAssignment",
    "PoolPlan",
    "Reason",
    "UnmetQuestion",
    "allocate_pool",
    "assess_intakes",
    "compose_groups",
    "group_sizes",
    "jaccard",
    "plan_meetings",
    "pool_of",
    "public_holidays",
    "unmet_commitments",
]

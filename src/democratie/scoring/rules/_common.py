"""Helpers the built-in rules share: who takes part in an initiative, ratios, formatting."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType

from democratie.model import Initiative, Landscape, Role
from democratie.scoring.score import Bilingual
from democratie.vocab import ParticipationLevel, RoleKind

__all__ = [
    "DEFAULT_INFLUENCE",
    "actors_of",
    "advice",
    "listing",
    "participant_levels",
    "pct",
    "plural",
    "roles_in",
]


DEFAULT_INFLUENCE: Mapping[ParticipationLevel, float] = MappingProxyType(
    {
        ParticipationLevel.INFORMEREN: 0.20,
        ParticipationLevel.RAADPLEGEN: 0.40,
        ParticipationLevel.ADVISEREN: 0.60,
        ParticipationLevel.COPRODUCEREN: 0.75,
        ParticipationLevel.MEEBESLISSEN: 0.90,
        ParticipationLevel.ZELFBEHEER: 1.00,
    }
)
"""Influence of each rung of the participation ladder on [0, 1] (read-only).

Our reading, replaceable: the crosswalk of the domain reference (informeren and IAP2
Inform 0.20, raadplegen and Consult 0.40, adviseren and Involve 0.60, coproduceren and
Collaborate 0.75, meebeslissen and Empower 0.90, zelfbeheer and citizen control 1.00).
"""


def actors_of(initiative: Initiative, landscape: Landscape) -> tuple[str, ...]:
    """Every actor an initiative records, in order, without repeats.

    Participants, leaders, initiators, the actors of its phases, those who
    committed, the actors of its tasks (a role stands for its holder), the
    holders of roles at the initiative, and the hosts and attendees of its
    meetings.
    """
    found: dict[str, None] = {}
    found.update(dict.fromkeys(p.actor for p in initiative.participants))
    found.update(dict.fromkeys(initiative.led_by))
    found.update(dict.fromkeys(initiative.initiated_by))
    for stage in initiative.phases:
        found.update(dict.fromkeys(stage.participants))
    found.update(dict.fromkeys(c.by for c in initiative.commitments if c.by is not None))
    for task in initiative.tasks:
        for assignment in task.assignments:
            entity = landscape.get(assignment.actor)
            found[entity.holder if isinstance(entity, Role) else assignment.actor] = None
    found.update(dict.fromkeys(role.holder for role in landscape.roles_at(initiative.id)))
    for meeting in initiative.meetings:
        if meeting.host is not None:
            found[meeting.host] = None
        found.update(dict.fromkeys(meeting.attendees))
    return tuple(found)


def participant_levels(initiative: Initiative) -> dict[str, ParticipationLevel | None]:
    """The highest participation level at which each listed participant is engaged."""
    levels: dict[str, ParticipationLevel | None] = {}
    for participant in initiative.participants:
        current = levels.get(participant.actor)
        level = participant.level
        if current is None or (level is not None and level.rank > current.rank):
            levels[participant.actor] = level
        else:
            levels.setdefault(participant.actor, current)
    return levels


def roles_in(initiative: Initiative, landscape: Landscape) -> dict[RoleKind, tuple[str, ...]]:
    """The roles present in an initiative, with who fills each.

    A role is present when a participant is listed in it, when someone holds it
    at the initiative, or when a person who takes part in the initiative holds
    it anywhere in the landscape (a gemeentesecretaris who joins a trajectory).
    """
    present: dict[RoleKind, dict[str, None]] = {}
    for participant in initiative.participants:
        present.setdefault(participant.role, {})[participant.actor] = None
    for role in landscape.roles_at(initiative.id):
        present.setdefault(role.kind, {})[role.holder] = None
    for actor in actors_of(initiative, landscape):
        for role in landscape.roles_of(actor):
            present.setdefault(role.kind, {})[actor] = None
    return {kind: tuple(holders) for kind, holders in present.items()}


def pct(value: float) -> str:
    """Format a share as a whole percentage: ``0.667`` -> ``'67%'``."""
    return f"{round(value * 100)}%"


def listing(items: Iterable[str], *, lang: str = "en") -> str:
    """Join words as a list: ``a, b and c`` (``a, b en c`` in Dutch)."""
    words = list(items)
    joiner = " en " if lang == "nl" else " and "
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + joiner + words[-1]


def plural(count: int, one: str, many: str) -> str:
    """Return ``"1 tie"`` or ``"3 ties"``: the count with the right form of the noun."""
    return f"{count} {one if count == 1 else many}"


def advice(nl: str, en: str) -> Bilingual:
    """A recommendation in Dutch and English."""
    return Bilingual(nl=nl, en=en)

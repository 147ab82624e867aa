"""Helpers the built-in rules share: who takes part in an initiative, ratios, formatting.

Examples
--------
A rung of the participation ladder gives the influence of :data:`DEFAULT_INFLUENCE`:

>>> from democratie.vocab import ParticipationLevel
>>> {level.slug: DEFAULT_INFLUENCE[level] for level in ParticipationLevel}
{'informeren': 0.2, 'raadplegen': 0.4, 'adviseren': 0.6, 'coproduceren': 0.75, 'meebeslissen': 0.9,
'zelfbeheer': 1.0}
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any, TypeVar

from democratie._numbers import decimal
from democratie.model import Initiative, Landscape, Network, Role
from democratie.model._checks import term_member
from democratie.scoring.score import Bilingual
from democratie.vocab import NetworkKind, ParticipationLevel, RoleKind

__all__ = [
    "DEFAULT_INFLUENCE",
    "actors_of",
    "advice",
    "dutch",
    "is_trajectory",
    "listing",
    "participant_levels",
    "pct",
    "plural",
    "roles_in",
    "term_keys",
    "terms",
]

_E = TypeVar("_E", bound=enum.Enum)
_V = TypeVar("_V")


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

    Examples
    --------
    >>> import democratie.examples
    >>> land = democratie.examples.load("delft-zeven-van-delft")
    >>> actors_of(land.get("de-zeven-van-delft"), land)
    ('delft', 'delft-maatschappelijke-organisaties', 'delft-bedrijfsleven', 'delft-burgers', 'mvv',
    'delft-raad', 'delft-college')
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


def is_trajectory(initiative: Initiative, landscape: Landscape) -> bool:
    """Whether *initiative* is a development trajectory of the Democratie in Actie kind.

    It is when it names elements, target roles or a number of municipalities aimed for, or
    works through a regional learning group (a network of kind ``regionaal_leernetwerk``).
    The rules about trajectories judge only these: for another initiative they are out of
    scope.

    Examples
    --------
    >>> from democratie import examples
    >>> land = examples.load("democratie-in-actie-noord-nederland")
    >>> [is_trajectory(i, land) for i in land.initiatives][:1]
    [True]
    >>> land = examples.load("leusden-samenleving-voorop")
    >>> is_trajectory(land.initiatives[0], land)
    False
    """
    network = landscape.get(initiative.network) if initiative.network is not None else None
    return bool(
        initiative.elements
        or initiative.target_roles
        or initiative.target_municipalities is not None
        or (isinstance(network, Network) and network.kind is NetworkKind.REGIONAAL_LEERNETWERK)
    )


def participant_levels(initiative: Initiative) -> dict[str, ParticipationLevel | None]:
    """The highest participation level at which each listed participant is engaged.

    Examples
    --------
    >>> from democratie.model import Initiative, Participant
    >>> initiative = Initiative(id="wijkvisie", title="Wijkvisie", kind="programma", participants=(
    ...     Participant(actor="buurtvereniging", level="informeren"),
    ...     Participant(actor="buurtvereniging", level="adviseren"),
    ...     Participant(actor="woningcorporatie"),
    ... ))
    >>> participant_levels(initiative)
    {'buurtvereniging': <ParticipationLevel.ADVISEREN: 'adviseren'>, 'woningcorporatie': None}
    """
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

    Examples
    --------
    >>> import democratie.examples
    >>> land = democratie.examples.load("delft-zeven-van-delft")
    >>> roles = roles_in(land.get("de-zeven-van-delft"), land)
    >>> {role.slug: actors for role, actors in roles.items()}
    {'partner': ('delft', 'delft-maatschappelijke-organisaties', 'delft-bedrijfsleven', 'mvv'),
    'deelnemer': ('delft-burgers',)}
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
    """Format a share as a whole percentage: ``0.667`` -> ``'67%'``.

    Examples
    --------
    >>> pct(0.667), pct(1.0), pct(0.0)
    ('67%', '100%', '0%')
    """
    return f"{round(value * 100)}%"


def listing(items: Iterable[str], *, lang: str = "en") -> str:
    """Join words as a list: ``a, b and c`` (``a, b en c`` in Dutch).

    Examples
    --------
    >>> listing(["raad", "college", "ambtenaren"]), listing(["raad", "college"], lang="nl")
    ('raad, college and ambtenaren', 'raad en college')
    >>> listing(["raad"]), listing([])
    ('raad', '')
    """
    words = list(items)
    joiner = " en " if lang == "nl" else " and "
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + joiner + words[-1]


def dutch(value: float, spec: str = ".2f") -> str:
    """A number for a Dutch sentence: formatted by *spec*, with a decimal comma.

    Examples
    --------
    >>> dutch(0.4), dutch(-0.2, "+.2f"), dutch(1234.5, ",.1f")
    ('0,40', '-0,20', '1.234,5')
    """
    return decimal(value, spec, lang="nl")


def plural(count: int, one: str, many: str) -> str:
    """Return ``"1 tie"`` or ``"3 ties"``: the count with the right form of the noun.

    Examples
    --------
    >>> plural(1, "tie", "ties"), plural(3, "tie", "ties"), plural(0, "verbinding", "verbindingen")
    ('1 tie', '3 ties', '0 verbindingen')
    """
    return f"{count} {one if count == 1 else many}"


def advice(nl: str, en: str) -> Bilingual:
    """A recommendation in Dutch and English.

    Examples
    --------
    >>> recommendation = advice(nl="Leg de toezeggingen vast.", en="Record the commitments.")
    >>> recommendation.get("en"), recommendation.get("nl")
    ('Record the commitments.', 'Leg de toezeggingen vast.')
    """
    return Bilingual(nl=nl, en=en)


def terms(vocabulary: type[_E], values: Iterable[object], parameter: str) -> tuple[_E, ...]:
    """A rule parameter's values as members of *vocabulary*, slugs accepted.

    Raises
    ------
    ValueError
        Naming every value that is neither a member nor a slug, with its place and the
        slugs allowed, so that a rule is refused when it is made, not when it scores.

    Examples
    --------
    >>> from democratie.vocab import ServiceGoal
    >>> terms(ServiceGoal, ["participatie"], "goals")
    (<ServiceGoal.PARTICIPATIE: 'participatie'>,)
    >>> terms(ServiceGoal, ["participatie", "inspraak"], "goals")
    Traceback (most recent call last):
        ...
    ValueError: goals[1]: 'inspraak' is not one of the slugs of ServiceGoal: ...
    """
    if isinstance(values, (str, bytes)):
        message = f"{parameter}: expected a list of {vocabulary.__name__} slugs, got {values!r}"
        raise ValueError(message)
    members: list[_E] = []
    problems: list[str] = []
    for index, value in enumerate(values):
        member, problem = term_member(vocabulary, value, f"{parameter}[{index}]")
        members.append(member)
        if problem is not None:
            problems.append(f"{problem.path}: {problem.message}")
    if problems:
        raise ValueError("; ".join(problems))
    return tuple(members)


def term_keys(vocabulary: type[_E], mapping: Mapping[Any, _V], parameter: str) -> dict[_E, _V]:
    """A rule parameter's mapping with its keys as members of *vocabulary*, slugs accepted.

    Raises
    ------
    ValueError
        Naming every key that is neither a member nor a slug.

    Examples
    --------
    >>> from democratie.vocab import CommitmentLevel
    >>> term_keys(CommitmentLevel, {"volledig": 1.0}, "values")
    {<CommitmentLevel.VOLLEDIG: 'volledig'>: 1.0}
    """
    keys = terms(vocabulary, list(mapping), parameter)
    return dict(zip(keys, mapping.values(), strict=True))

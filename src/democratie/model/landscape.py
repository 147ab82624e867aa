"""The landscape: the aggregate root that holds one document's worth of the domain.

Examples
--------
Every entity has one of the :data:`ENTITY_KINDS` (named by the literal type
:data:`EntityKind`); the actors are those of :data:`ACTOR_KINDS`:

>>> import typing
>>> import democratie.examples
>>> land = democratie.examples.load("delft-zeven-van-delft")
>>> typing.get_args(EntityKind) == ENTITY_KINDS
True
>>> [kind for kind in ENTITY_KINDS if any(land.entries(kind))]
['municipality', 'council', 'college', 'organisation', 'person', 'initiative', 'meeting']
>>> sorted({entry.kind for entry in land.entries() if entry.kind in ACTOR_KINDS})
['college', 'council', 'municipality', 'organisation', 'person']

Whatever :meth:`Landscape.get` returns is an :data:`Entity`; what can be added, replaced
and removed is a :data:`TopLevel` entity:

>>> from democratie.model import Council, Person
>>> entity: Entity = land.get("delft-raad")
>>> isinstance(entity, Council), isinstance(entity, TopLevel)
(True, False)
>>> newcomer: TopLevel = Person(id="p-an", name="An de Vries")
>>> land.add(newcomer).get("p-an").name
'An de Vries'
"""

from __future__ import annotations

import datetime as dt
import difflib
import itertools
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Literal, TypeAlias

from attrs import evolve, field, frozen

from democratie._repr import MAX_IDS, counted, html_table, listed, short
from democratie.errors import ModelError, Problem
from democratie.model._checks import COLLECTOR, Collector, check_text, coerce_terms
from democratie.model._common import Source
from democratie.model.actors import Organisation, Person, Role
from democratie.model.initiative import Initiative
from democratie.model.monitoring import Indicator
from democratie.model.municipality import Area, College, Council, Faction, Municipality
from democratie.model.network import Meeting, Network

__all__ = [
    "ACTOR_KINDS",
    "ENTITY_KINDS",
    "Entity",
    "EntityKind",
    "Entry",
    "Landscape",
    "TopLevel",
]

#: The kinds of entity a landscape holds; they are also the node kinds of the graph.
EntityKind = Literal[
    "municipality",
    "area",
    "council",
    "college",
    "faction",
    "organisation",
    "person",
    "role",
    "initiative",
    "network",
    "meeting",
]
ENTITY_KINDS: tuple[EntityKind, ...] = (
    "municipality",
    "area",
    "council",
    "college",
    "faction",
    "organisation",
    "person",
    "role",
    "initiative",
    "network",
    "meeting",
)
#: The kinds of entity that can act: take part, lead, hold a seat in a network.
ACTOR_KINDS: frozenset[EntityKind] = frozenset(
    {"person", "organisation", "municipality", "council", "college", "faction"}
)

#: Anything with an id in a landscape.
Entity: TypeAlias = (
    Municipality
    | Area
    | Council
    | College
    | Faction
    | Organisation
    | Person
    | Role
    | Initiative
    | Network
    | Meeting
)
#: The entities that live at the top of a landscape and can be added, replaced and removed.
TopLevel: TypeAlias = Municipality | Organisation | Person | Role | Initiative | Network

_COLLECTIONS: Mapping[type, str] = {
    Municipality: "municipalities",
    Organisation: "organisations",
    Person: "people",
    Role: "roles",
    Initiative: "initiatives",
    Network: "networks",
}
_PLACES: frozenset[EntityKind] = frozenset(
    {
        "municipality",
        "council",
        "college",
        "faction",
        "organisation",
        "initiative",
        "network",
        "area",
        "meeting",
    }
)
_SHARED_WITH: frozenset[EntityKind] = frozenset(
    {"network", "municipality", "organisation", "initiative"}
)
_ON_BEHALF: frozenset[EntityKind] = frozenset({"faction", "organisation", "municipality"})
_MUNICIPALITY: frozenset[EntityKind] = frozenset({"municipality"})
_PERSON: frozenset[EntityKind] = frozenset({"person"})
_AREA: frozenset[EntityKind] = frozenset({"area"})
#: How many dangling references get a "did you mean" suggestion.
_MAX_HINTS = 25


@frozen(kw_only=True)
class Entry:
    """Where an entity sits in its landscape.

    Parameters
    ----------
    id
        The entity's id (for a council or college, the derived ``<municipality>-raad``
        or ``<municipality>-college``).
    kind
        What kind of entity it is.
    entity
        The object itself.
    path
        Where it is in the document (``municipalities[0].areas[3]``).
    municipality
        The id of the municipality it belongs to, for areas, councils, colleges
        and factions; None otherwise.
    parent
        The id of the entity it is nested in (the wijk of a buurt, the network of
        a meeting), or None.

    Examples
    --------
    >>> import democratie.examples
    >>> land = democratie.examples.load("delft-zeven-van-delft")
    >>> entry = land.entry("delft-raad")
    >>> entry.kind, entry.path, entry.municipality, entry.parent
    ('council', 'municipalities[0].council', 'delft', 'delft')
    >>> entry.entity is land.get("delft-raad")
    True
    """

    id: str
    kind: EntityKind
    entity: Entity
    path: str
    municipality: str | None = None
    parent: str | None = None


_Ref = tuple[str, str, frozenset[EntityKind]]

#: What the repr of a landscape counts, with the singular of each.
_COUNTED = ("municipalities", "organisations", "people", "roles", "initiatives", "networks")
_SINGULAR = {
    "municipalities": "municipality",
    "organisations": "organisation",
    "people": "person",
    "roles": "role",
    "initiatives": "initiative",
    "networks": "network",
}


@frozen(kw_only=True)
class Landscape:
    """One document's worth of the domain, with every reference in it checked.

    A landscape holds municipalities, organisations, people, roles, initiatives
    and networks.

    Making a landscape checks that ids are unique (council and college ids
    included) and that every reference resolves to an entity of a fitting kind;
    all problems are reported at once in one :class:`~democratie.errors.ModelError`.
    Landscapes are immutable: :meth:`add`, :meth:`replace` and :meth:`remove`
    return a new, re-checked landscape.

    Parameters
    ----------
    title
        What the landscape describes.
    description
        A longer description.
    sources
        Where its facts come from.
    municipalities
        The municipalities, each with its areas, council and college.
    organisations
        Civil-society organisations, businesses, resident groups, network
        organisations and government bodies.
    people
        The people the sources name.
    roles
        Who holds which role where (raadslid, wethouder, projectleider, ...).
    initiatives
        Experiments, trajectories, challenges, learning circles and the like.
    networks
        Networks of municipalities or organisations.

    Examples
    --------
    >>> from democratie.model import Landscape, Municipality, Person, Role
    >>> from democratie.vocab import RoleKind
    >>> land = Landscape(
    ...     municipalities=(Municipality(id="delft", cbs_code="GM0503"),),
    ...     people=(Person(id="p-rob", name="Rob van den Berg"),),
    ...     roles=(Role(holder="p-rob", kind=RoleKind.PROJECTLEIDER, at="delft"),),
    ... )
    >>> land.get("delft-raad").seats is None
    True
    >>> [r.kind.value for r in land.roles_of("p-rob")]
    ['projectleider']

    Its ``repr`` says what it holds, however big it is, and a notebook shows the same as
    a table (``_repr_html_``) with the first ids of each kind:

    >>> land
    <Landscape: 1 municipality, 0 organisations, 1 person, 1 role, 0 initiatives, 0 networks>
    >>> "<td>municipalities</td><td>1</td><td>delft</td>" in land._repr_html_()
    True
    >>> Landscape(roles=(Role(holder="p-nobody", kind=RoleKind.DEELNEMER),))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    democratie.errors.ModelError: roles[0].holder: 'p-nobody' refers to nothing ...
    """

    title: str | None = None
    description: str | None = None
    sources: tuple[Source, ...] = ()
    municipalities: tuple[Municipality, ...] = ()
    organisations: tuple[Organisation, ...] = ()
    people: tuple[Person, ...] = ()
    roles: tuple[Role, ...] = ()
    initiatives: tuple[Initiative, ...] = ()
    networks: tuple[Network, ...] = ()
    _index: dict[str, Entry] = field(init=False, eq=False, repr=False, hash=False, factory=dict)
    _cache: dict[str, object] = field(init=False, eq=False, repr=False, hash=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        coerce_terms(self)
        # Problems go one at a time to the collector, which keeps what it is asked to keep:
        # all of them, unless the loader bounds them (a document can hold a great many).
        collector = COLLECTOR.get()
        if collector is None:
            collector = Collector(limit=None)
        going = collector.add_all(
            itertools.chain(
                check_text(self.title, "title", required=False),
                check_text(self.description, "description", multiline=True, required=False),
            )
        )
        refs: list[_Ref] = []
        for entry in self._walk(refs):
            previous = self._index.get(entry.id)
            if previous is not None:
                if going:
                    going = collector.add(
                        Problem(
                            path=f"{entry.path}.id"
                            if entry.kind not in {"council", "college"}
                            else entry.path,
                            code="duplicate-id",
                            message=(
                                f"the id '{entry.id}' is already used at {previous.path} "
                                f"({_a(previous.kind)}); ids must be unique in a landscape"
                            ),
                        )
                    )
                continue
            self._index[entry.id] = entry
        if going:
            collector.add_all(
                itertools.chain(
                    self._check_references(refs),
                    self._check_parent_cycles(),
                    self._check_areas(),
                    self._check_indicators(),
                )
            )
        if collector.kept:
            raise ModelError(collector.kept)

    # -- building the index ---------------------------------------------------------------

    def _walk(self, refs: list[_Ref]) -> Iterator[Entry]:
        actors = ACTOR_KINDS
        for m_index, mun in enumerate(self.municipalities):
            path = f"municipalities[{m_index}]"
            yield Entry(id=mun.id, kind="municipality", entity=mun, path=path)
            yield Entry(
                id=mun.council_id,
                kind="council",
                entity=mun.council,
                path=f"{path}.council",
                municipality=mun.id,
                parent=mun.id,
            )
            yield Entry(
                id=mun.college_id,
                kind="college",
                entity=mun.college,
                path=f"{path}.college",
                municipality=mun.id,
                parent=mun.id,
            )
            for f_index, faction in enumerate(mun.council.factions):
                f_path = f"{path}.council.factions[{f_index}]"
                yield Entry(
                    id=faction.id,
                    kind="faction",
                    entity=faction,
                    path=f_path,
                    municipality=mun.id,
                    parent=mun.council_id,
                )
                if faction.party is not None:
                    refs.append((f"{f_path}.party", faction.party, frozenset({"organisation"})))
            yield from _walk_areas(mun.areas, f"{path}.areas", mun.id, mun.id)
            refs.extend(
                (f"{path}.indicators[{i}].area", d.area, _AREA)
                for i, d in enumerate(mun.indicators)
                if d.area is not None
            )
        for index, org in enumerate(self.organisations):
            path = f"organisations[{index}]"
            yield Entry(
                id=org.id, kind="organisation", entity=org, path=path, municipality=org.municipality
            )
            if org.municipality is not None:
                refs.append((f"{path}.municipality", org.municipality, frozenset({"municipality"})))
            if org.parent is not None:
                refs.append((f"{path}.parent", org.parent, frozenset({"organisation"})))
            refs.extend(
                (f"{path}.areas[{i}]", a, frozenset({"area"})) for i, a in enumerate(org.areas)
            )
        for index, person in enumerate(self.people):
            yield Entry(id=person.id, kind="person", entity=person, path=f"people[{index}]")
        for index, role in enumerate(self.roles):
            path = f"roles[{index}]"
            if role.id is not None:
                yield Entry(id=role.id, kind="role", entity=role, path=path)
            refs.append((f"{path}.holder", role.holder, frozenset({"person", "organisation"})))
            if role.at is not None:
                refs.append((f"{path}.at", role.at, _PLACES))
            if role.on_behalf_of is not None:
                refs.append((f"{path}.on_behalf_of", role.on_behalf_of, _ON_BEHALF))
        for index, ini in enumerate(self.initiatives):
            path = f"initiatives[{index}]"
            yield Entry(id=ini.id, kind="initiative", entity=ini, path=path)
            refs.extend(
                (f"{path}.municipalities[{i}]", m, frozenset({"municipality"}))
                for i, m in enumerate(ini.municipalities)
            )
            refs.extend(
                (f"{path}.areas[{i}]", a, frozenset({"area"})) for i, a in enumerate(ini.areas)
            )
            refs.extend(
                (f"{path}.initiated_by[{i}]", a, actors) for i, a in enumerate(ini.initiated_by)
            )
            refs.extend((f"{path}.led_by[{i}]", a, actors) for i, a in enumerate(ini.led_by))
            refs.extend(
                (f"{path}.participants[{i}].actor", p.actor, actors)
                for i, p in enumerate(ini.participants)
            )
            for s_index, stage in enumerate(ini.phases):
                refs.extend(
                    (f"{path}.phases[{s_index}].participants[{i}]", a, actors)
                    for i, a in enumerate(stage.participants)
                )
            refs.extend(
                (f"{path}.commitments[{i}].by", c.by, actors)
                for i, c in enumerate(ini.commitments)
                if c.by is not None
            )
            for t_index, task in enumerate(ini.tasks):
                refs.extend(
                    (f"{path}.tasks[{t_index}].assignments[{i}].actor", a.actor, actors | {"role"})
                    for i, a in enumerate(task.assignments)
                )
            for l_index, lesson in enumerate(ini.lessons):
                refs.extend(
                    (f"{path}.lessons[{l_index}].transfers[{i}].to", t.to, _SHARED_WITH)
                    for i, t in enumerate(lesson.transfers)
                )
            refs.extend(
                (f"{path}.evaluations[{i}].by", e.by, actors)
                for i, e in enumerate(ini.evaluations)
                if e.by is not None
            )
            refs.extend(
                (f"{path}.indicators[{i}].area", d.area, _AREA)
                for i, d in enumerate(ini.indicators)
                if d.area is not None
            )
            for i_index, intake in enumerate(ini.intakes):
                here = f"{path}.intakes[{i_index}]"
                refs.append((f"{here}.municipality", intake.municipality, _MUNICIPALITY))
                if intake.officer is not None:
                    refs.append((f"{here}.officer", intake.officer, _PERSON))
            if ini.network is not None:
                refs.append((f"{path}.network", ini.network, frozenset({"network"})))
            yield from _walk_meetings(ini.meetings, f"{path}.meetings", ini.id, refs)
        for index, net in enumerate(self.networks):
            path = f"networks[{index}]"
            yield Entry(id=net.id, kind="network", entity=net, path=path)
            refs.extend((f"{path}.members[{i}]", m, actors) for i, m in enumerate(net.members))
            refs.extend(
                (f"{path}.coordinators[{i}]", m, actors) for i, m in enumerate(net.coordinators)
            )
            if net.parent is not None:
                refs.append((f"{path}.parent", net.parent, frozenset({"network"})))
            if net.initiative is not None:
                refs.append((f"{path}.initiative", net.initiative, frozenset({"initiative"})))
            yield from _walk_meetings(net.meetings, f"{path}.meetings", net.id, refs)

    def _check_references(self, refs: list[_Ref]) -> Iterator[Problem]:
        index = self._index
        # Each suggestion compares the target with every id: suggesting for every one of
        # thousands of dangling references would take time quadratic in the document.
        hints_left = _MAX_HINTS
        for path, target, allowed in refs:
            entry = index.get(target)
            if entry is None:
                hint = None
                if hints_left > 0:
                    hints_left -= 1
                    hint = self._suggest(target, allowed)
                yield Problem(
                    path=path,
                    code="dangling-reference",
                    message=(
                        f"'{target}' refers to nothing in the landscape; expected the id of "
                        f"{_kinds(allowed)}" + (f"; did you mean '{hint}'?" if hint else "")
                    ),
                )
            elif entry.kind not in allowed:
                yield Problem(
                    path=path,
                    code="wrong-reference",
                    message=(
                        f"'{target}' is {_a(entry.kind)} ({entry.path}); expected the id of "
                        f"{_kinds(allowed)}"
                    ),
                )

    def _check_parent_cycles(self) -> Iterator[Problem]:
        """Refuse organisations and networks that are, through their parents, part of themselves.

        Each cycle is reported once, at the parent of its first member in the document,
        with the whole cycle named (``a -> b -> a``).
        """
        kinds: tuple[tuple[str, Sequence[Organisation | Network], str], ...] = (
            ("organisations", self.organisations, "organisation"),
            ("networks", self.networks, "network"),
        )
        for key, items, noun in kinds:
            parent = {item.id: item.parent for item in items if item.parent is not None}
            place = {item.id: i for i, item in enumerate(items)}
            done: set[str] = set()
            for item in items:
                path: list[str] = []
                on_path: set[str] = set()
                here: str | None = item.id
                while here is not None and here not in done and here not in on_path:
                    path.append(here)
                    on_path.add(here)
                    here = parent.get(here)
                done.update(path)
                if here is None or here not in on_path:
                    continue  # no cycle, or one found from an earlier member
                cycle = path[path.index(here) :]
                if len(cycle) == 1:
                    continue  # a parent that is itself is refused by the item
                first = min(cycle, key=place.__getitem__)
                turn = cycle.index(first)
                shown = " -> ".join([*cycle[turn:], *cycle[:turn], first])
                yield Problem(
                    path=f"{key}[{place[first]}].parent",
                    code="parent-cycle",
                    message=(
                        f"the {noun}s {shown} are each part of the next, so each is part of "
                        f"itself; break the cycle by removing one parent"
                    ),
                )

    def _check_indicators(self) -> Iterator[Problem]:
        """Indicator ids are unique in the landscape; each area lies where its owner is.

        Indicators are not entities (:meth:`get` does not find them), but their ids share
        the one namespace of the document, so that an id names one thing only.
        """
        first: dict[str, str] = {}
        owners: list[tuple[str, tuple[Indicator, ...], frozenset[str], str]] = [
            (f"municipalities[{i}]", m.indicators, frozenset({m.id}), f"not in '{m.id}'")
            for i, m in enumerate(self.municipalities)
        ]
        owners += [
            (
                f"initiatives[{i}]",
                ini.indicators,
                frozenset(ini.municipalities),
                "which is not one of the initiative's municipalities",
            )
            for i, ini in enumerate(self.initiatives)
        ]
        for path, indicators, municipalities, where in owners:
            for index, indicator in enumerate(indicators):
                here = f"{path}.indicators[{index}]"
                taken = self._index.get(indicator.id)
                earlier = first.setdefault(indicator.id, here)
                if taken is not None:
                    yield Problem(
                        path=f"{here}.id",
                        code="duplicate-id",
                        message=(
                            f"the id '{indicator.id}' is already used at {taken.path} "
                            f"({_a(taken.kind)}); ids must be unique in a landscape"
                        ),
                    )
                elif earlier != here:
                    yield Problem(
                        path=f"{here}.id",
                        code="duplicate-id",
                        message=(
                            f"the indicator id '{indicator.id}' is already used at {earlier}; "
                            "indicator ids must be unique in a landscape"
                        ),
                    )
                entry = self._index.get(indicator.area) if indicator.area is not None else None
                if (
                    entry is not None
                    and entry.kind == "area"
                    and municipalities
                    and entry.municipality not in municipalities
                ):
                    yield Problem(
                        path=f"{here}.area",
                        code="wrong-reference",
                        message=(
                            f"the area '{indicator.area}' lies in '{entry.municipality}', {where}"
                        ),
                    )

    def _check_areas(self) -> Iterator[Problem]:
        for index, ini in enumerate(self.initiatives):
            if not ini.municipalities:
                continue
            listed = set(ini.municipalities)
            for a_index, area_id in enumerate(ini.areas):
                entry = self._index.get(area_id)
                if entry is not None and entry.kind == "area" and entry.municipality not in listed:
                    yield Problem(
                        path=f"initiatives[{index}].areas[{a_index}]",
                        code="wrong-reference",
                        message=(
                            f"the area '{area_id}' lies in '{entry.municipality}', which the "
                            "initiative does not list under municipalities"
                        ),
                    )

    def _suggest(self, target: str, allowed: frozenset[EntityKind]) -> str | None:
        if len(self._index) > 20_000:
            return None
        candidates = [key for key, entry in self._index.items() if entry.kind in allowed]
        found = difflib.get_close_matches(target, candidates, n=1, cutoff=0.75)
        return found[0] if found else None

    # -- lookups -------------------------------------------------------------------------

    # -- how it shows -----------------------------------------------------------------

    def __repr__(self) -> str:
        title = "" if self.title is None else f" {short(self.title)!r}"
        counts = ", ".join(
            counted(len(getattr(self, name)), _SINGULAR[name], name) for name in _COUNTED
        )
        return f"<Landscape{title}: {counts}>"

    def _repr_html_(self) -> str:
        rows = []
        for name in _COUNTED:
            entities: tuple[TopLevel, ...] = getattr(self, name)
            ids = [_shown_id(entity) for entity in entities[:MAX_IDS]]
            rows.append([name, len(entities), listed(ids, total=len(entities))])
        return html_table(["", "count", "ids"], rows, caption=short(self.title or "Landscape"))

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._index

    def __len__(self) -> int:
        """The number of entities with an id in the landscape."""
        return len(self._index)

    def entry(self, entity_id: str) -> Entry:
        """Return where the entity with this id sits, and what kind it is.

        Raises
        ------
        KeyError
            When no entity has that id; the message suggests the nearest id.
        """
        try:
            return self._index[entity_id]
        except KeyError:
            hint = self._suggest(entity_id, frozenset(ENTITY_KINDS))
            message = f"no entity with id '{entity_id}' in the landscape"
            raise KeyError(message + (f"; did you mean '{hint}'?" if hint else "")) from None

    def get(self, entity_id: str) -> Entity:
        """Return the entity with this id (a council for ``<municipality>-raad``).

        Raises
        ------
        KeyError
            When no entity has that id.
        """
        return self.entry(entity_id).entity

    def kind_of(self, entity_id: str) -> EntityKind:
        """Return the kind of the entity with this id."""
        return self.entry(entity_id).kind

    def entries(self, kind: EntityKind | None = None) -> Iterator[Entry]:
        """Iterate over every entity with an id, in document order; optionally of one kind."""
        for entry in self._index.values():
            if kind is None or entry.kind == kind:
                yield entry

    def name_of(self, entity_id: str) -> str:
        """A readable name for the entity: its name or title, or for a body its municipality's.

        Examples
        --------
        >>> from democratie.model import Landscape, Municipality
        >>> Landscape(municipalities=(Municipality(id="leusden", cbs_code="GM0327"),)).name_of(
        ...     "leusden-raad")
        'Gemeenteraad Leusden'
        """
        entry = self.entry(entity_id)
        if entry.kind == "council":
            return f"Gemeenteraad {self.name_of(entry.municipality or '')}"
        if entry.kind == "college":
            return f"College van B&W {self.name_of(entry.municipality or '')}"
        if entry.kind == "role":
            role = entry.entity
            assert isinstance(role, Role)
            return f"{role.kind.label_nl} ({self.name_of(role.holder)})"
        for attribute in ("name", "title"):
            value = getattr(entry.entity, attribute, None)
            if isinstance(value, str) and value:
                return value
        return entity_id  # pragma: no cover - every entity kind has a name or title

    def roles_of(self, holder: str, *, on: dt.date | None = None) -> tuple[Role, ...]:
        """The roles a person or organisation holds (held on a given day, if *on* is given)."""
        found = self._grouped("holder").get(holder, ())
        return tuple(r for r in found if on is None or r.active_on(on))

    def roles_at(self, place: str, *, on: dt.date | None = None) -> tuple[Role, ...]:
        """The roles held at a body, organisation, initiative or network."""
        found = self._grouped("at").get(place, ())
        return tuple(r for r in found if on is None or r.active_on(on))

    def members_of(self, body: str, *, on: dt.date | None = None) -> tuple[str, ...]:
        """The ids of the members of a body, in document order, without repeats.

        For a network: its listed members, then holders of roles at it. For a council:
        the holders of roles at the council or at one of its factions. For anything
        else: the holders of roles at it.
        """
        members: dict[str, None] = {}
        entry = self.entry(body)
        if entry.kind == "network":
            net = entry.entity
            assert isinstance(net, Network)
            members.update(dict.fromkeys(net.members))
        places = [body]
        if entry.kind == "council":
            council = entry.entity
            assert isinstance(council, Council)
            places.extend(f.id for f in council.factions)
        for place in places:
            members.update(dict.fromkeys(r.holder for r in self.roles_at(place, on=on)))
        return tuple(members)

    def areas_of(self, municipality: str, level: str | None = None) -> tuple[Area, ...]:
        """The areas of a municipality, nested ones included; optionally of one level (slug)."""
        mun = self.get(municipality)
        if not isinstance(mun, Municipality):
            message = f"'{municipality}' is {_a(self.kind_of(municipality))}, not a municipality"
            raise TypeError(message)
        return tuple(a for a in mun.walk_areas() if level is None or a.level.value == level)

    def municipality_of(self, entity_id: str) -> str | None:
        """The id of the municipality an area, body, faction or organisation belongs to."""
        entry = self.entry(entity_id)
        if entry.kind == "municipality":
            return entry.id
        return entry.municipality

    def initiatives_in(self, place: str) -> tuple[Initiative, ...]:
        """The initiatives that touch a municipality or an area.

        An initiative is in a municipality when it lists the municipality or one
        of its areas; it is in an area when it lists that area, an area within it,
        or reaches every area of that level in the area's municipality
        (``covers_all``).
        """
        entry = self.entry(place)
        if entry.kind == "municipality":
            mun = entry.entity
            assert isinstance(mun, Municipality)
            own = {a.id for a in mun.walk_areas()}
            return tuple(
                i
                for i in self.initiatives
                if place in i.municipalities or own.intersection(i.areas)
            )
        if entry.kind == "area":
            area = entry.entity
            assert isinstance(area, Area)
            inside = {a.id for a in area.walk()}
            return tuple(
                i
                for i in self.initiatives
                if inside.intersection(i.areas)
                or (area.level in i.covers_all and entry.municipality in i.municipalities)
            )
        message = f"'{place}' is {_a(entry.kind)}; expected a municipality or an area"
        raise TypeError(message)

    def _grouped(
        self, attribute: Literal["holder", "at", "on_behalf_of"]
    ) -> dict[str, tuple[Role, ...]]:
        key = f"roles-by-{attribute}"
        cached = self._cache.get(key)
        if cached is None:
            groups: defaultdict[str, list[Role]] = defaultdict(list)
            for role in self.roles:
                value = getattr(role, attribute)
                if value is not None:
                    groups[value].append(role)
            cached = {k: tuple(v) for k, v in groups.items()}
            self._cache[key] = cached
        return cached  # type: ignore[return-value]

    def _organisations_by_municipality(self) -> dict[str, tuple[Organisation, ...]]:
        """The organisations of each municipality, in document order (indexed once)."""
        cached = self._cache.get("organisations-by-municipality")
        if cached is None:
            groups: defaultdict[str, list[Organisation]] = defaultdict(list)
            for organisation in self.organisations:
                if organisation.municipality is not None:
                    groups[organisation.municipality].append(organisation)
            cached = {k: tuple(v) for k, v in groups.items()}
            self._cache["organisations-by-municipality"] = cached
        return cached  # type: ignore[return-value]

    # -- immutable updates ---------------------------------------------------------------

    def add(self, *entities: TopLevel) -> Landscape:
        """Return a new landscape with the entities added at the end of their lists.

        Raises
        ------
        ModelError
            When the result is not a valid landscape (a duplicate id, a dangling reference).
        """
        lists = self._lists()
        for entity in entities:
            lists[_collection(entity)].append(entity)
        return self._rebuilt(lists)

    def replace(self, *entities: TopLevel) -> Landscape:
        """Return a new landscape in which the entities with these ids are replaced.

        Raises
        ------
        KeyError
            When there is no entity of that kind with that id to replace.
        ModelError
            When the result is not a valid landscape.
        """
        lists = self._lists()
        for entity in entities:
            name = _collection(entity)
            entity_id = getattr(entity, "id", None)
            items = lists[name]
            for position, item in enumerate(items):
                if entity_id is not None and getattr(item, "id", None) == entity_id:
                    items[position] = entity
                    break
            else:
                noun = "person" if name == "people" else name[:-1]
                message = f"there is no {noun} with id '{entity_id}' to replace"
                raise KeyError(message)
        return self._rebuilt(lists)

    def remove(self, *entity_ids: str) -> Landscape:
        """Return a new landscape without the top-level entities with these ids.

        Raises
        ------
        KeyError
            When an id is not that of a municipality, organisation, person, role,
            initiative or network.
        ModelError
            When something else still refers to a removed entity (the problems say where).
        """
        doomed = set(entity_ids)
        for entity_id in entity_ids:
            entry = self.entry(entity_id)
            if not isinstance(entry.entity, tuple(_COLLECTIONS)):
                message = (
                    f"'{entity_id}' is {_a(entry.kind)} inside {entry.parent}; replace its parent "
                    "to remove it"
                )
                raise KeyError(message)
        lists = {
            name: [item for item in items if getattr(item, "id", None) not in doomed]
            for name, items in self._lists().items()
        }
        return self._rebuilt(lists)

    def _lists(self) -> dict[str, list[TopLevel]]:
        return {name: list(getattr(self, name)) for name in _COLLECTIONS.values()}

    def _rebuilt(self, lists: dict[str, list[TopLevel]]) -> Landscape:
        changes: dict[str, Any] = {name: tuple(items) for name, items in lists.items()}
        return evolve(self, **changes)


def _shown_id(entity: TopLevel) -> str:
    """An entity's id; for a role without one, what it is: ``holder (kind at place)``."""
    if entity.id is not None:
        return entity.id
    role: Any = entity
    place = "" if role.at is None else f" at {role.at}"
    return f"{role.holder} ({role.kind.value}{place})"


def _collection(entity: object) -> str:
    try:
        return _COLLECTIONS[type(entity)]
    except KeyError:
        message = (
            f"cannot add {_a(type(entity).__name__)} to a landscape directly; add or replace "
            "the municipality, initiative or network it belongs to"
        )
        raise TypeError(message) from None


def _walk_areas(
    areas: Iterable[Area], path: str, municipality: str, parent: str
) -> Iterator[Entry]:
    for index, area in enumerate(areas):
        here = f"{path}[{index}]"
        yield Entry(
            id=area.id,
            kind="area",
            entity=area,
            path=here,
            municipality=municipality,
            parent=parent,
        )
        yield from _walk_areas(area.areas, f"{here}.areas", municipality, area.id)


def _walk_meetings(
    meetings: Iterable[Meeting], path: str, parent: str, refs: list[_Ref]
) -> Iterator[Entry]:
    for index, meeting in enumerate(meetings):
        here = f"{path}[{index}]"
        yield Entry(id=meeting.id, kind="meeting", entity=meeting, path=here, parent=parent)
        if meeting.host is not None:
            refs.append((f"{here}.host", meeting.host, ACTOR_KINDS))
        refs.extend(
            (f"{here}.attendees[{i}]", a, ACTOR_KINDS) for i, a in enumerate(meeting.attendees)
        )


def _a(noun: str) -> str:
    """The noun with its indefinite article."""
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


def _kinds(allowed: frozenset[EntityKind]) -> str:
    names = [kind for kind in ENTITY_KINDS if kind in allowed]
    article = "an" if names[0][0] in "aeiou" else "a"
    if len(names) == 1:
        return f"{article} {names[0]}"
    return f"{article} " + ", ".join(names[:-1]) + f" or {names[-1]}"

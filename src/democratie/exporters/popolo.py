"""Popolo JSON: people, organisations and their memberships, as the international standard has them.

Popolo (popoloproject.com) defines the records; the container is the de facto one,
an object with ``persons``, ``organizations``, ``memberships``, ``areas`` and
``events`` lists. Every record is valid against the official Popolo JSON Schemas.
The mapping is the inverse of :mod:`democratie.importers.popolo`, so that a landscape
written here and read back keeps its people, its municipalities, its organisations
and the roles Popolo can carry:

=============================  =============================================================
landscape                      Popolo
=============================  =============================================================
person                         person (``id``, ``name``, ``identifiers``)
municipality                   organization ``legislature`` with the municipality's id and
                               name, its council's ``seats`` (as EveryPolitician writes a
                               legislature's), its CBS code as identifier (scheme ``cbs``),
                               and an area
council, college               the municipality's organization: roles there are memberships
                               of it, told apart by their ``role`` (as Open Raadsinformatie
                               does)
faction                        memberships ``on_behalf_of`` its party; a faction without a
                               party organisation is an organization ``faction`` of its own,
                               with its municipality as ``parent_id``
organisation                   organization; ``classification`` ``party`` for a political
                               party, ``government`` for a government body, else its kind
                               (``stichting``, ``woningcorporatie``, ...); ``parent_id`` its
                               parent organisation or else its municipality; ``area_id`` its
                               area when it has one
network, initiative            organization ``network`` or ``initiative``, so roles there
                               and network members are memberships too
role                           membership of its holder (``person_id``, or ``member`` for an
                               organisation): ``role`` the Dutch name of the role kind and
                               ``label`` its title, or ``role`` the title when that is a text
                               of the role kind (``member``, ``councillor``: a role read from
                               Popolo keeps the source's text), ``start_date``, ``end_date``,
                               ``on_behalf_of_id``; a role at an area is a membership of the
                               area's municipality with ``area_id``, and a role at the
                               municipality itself one with the municipality's own area
network member                 membership of the network, role ``Lid``
area (wijk, kern, buurt, ...)  area with its level as ``classification``, its CBS code as
                               ``identifier``, nested through ``parent_id``; a municipality's
                               own area has its TOOI URI as id (or ``<id>/gemeente`` without
                               a CBS code)
meeting                        event of its initiative or network, with the people who
                               attended
=============================  =============================================================

Contact details (``email``, phone numbers) are written only with ``include_private``.
Assessments, sectors, initiative details, phases and scores have no place in Popolo
and are left out: use the JSON or CSV export for those.

Notes
-----
The round trip through :mod:`democratie.importers.popolo` gives back the people,
municipalities and organisations, and the roles, except what Popolo cannot carry:

- initiatives, networks and meetings are written, but the model needs what Popolo
  has no field for (an initiative's kind, phases and participants; a network's kind
  and themes), so they do not come back, nor the roles held there or the network
  members;
- within a municipality, only the role and ``area_id`` tell where a role is held: a
  council or college office comes back where the office sits (a wethouder in the
  college, a fractievoorzitter at the faction, a raadslid in the council), and any
  other role at the council, college or a faction comes back in the council;
- a faction with a party is written as that party, and comes back as the faction
  ``<municipality>-<party>``;
- an organisation keeps one area, and its parent rather than its municipality when it
  has both.

Examples
--------
>>> import democratie
>>> land = democratie.loads('''
... format = "democratie/1"
... [[municipalities]]
... id = "leusden"
... cbs_code = "GM0327"
... [[people]]
... id = "p-an"
... name = "An de Vries"
... [[roles]]
... holder = "p-an"
... kind = "raadslid"
... at = "leusden-raad"
... ''')
>>> doc = popolo_data(land)
>>> doc["organizations"][0]
{'id': 'leusden', 'name': 'Leusden', 'classification': 'legislature', \
'identifiers': [{'identifier': 'GM0327', 'scheme': 'cbs'}], \
'area_id': 'https://identifier.overheid.nl/tooi/id/gemeente/gm0327'}
>>> doc["memberships"]
[{'person_id': 'p-an', 'organization_id': 'leusden', 'role': 'Raadslid'}]

With ``include_private``, contact details are written in Popolo's types
(:data:`CONTACT_TYPES`):

>>> from democratie.vocab import ContactKind
>>> CONTACT_TYPES[ContactKind.TELEFOON], CONTACT_TYPES[ContactKind.WEBSITE]
('voice', 'url')
>>> reachable = democratie.loads('''
... format = "democratie/1"
... [[people]]
... id = "p-an"
... name = "An de Vries"
... contact = [{ kind = "telefoon", value = "033 123 45 67" }]
... ''')
>>> popolo_data(reachable, include_private=True)["persons"][0]["contact_details"]
[{'type': 'voice', 'value': '033 123 45 67'}]
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from typing import IO, Any

from attrs import frozen

from democratie.exporters._common import flag
from democratie.graph import StakeholderGraph
from democratie.importers._common import normalise, read_role
from democratie.importers.popolo._tables import ROLE_TEXTS
from democratie.model import (
    Area,
    ContactDetail,
    Faction,
    Identifier,
    Landscape,
    Meeting,
    Municipality,
    Period,
    Role,
)
from democratie.vocab import ActorKind, ContactKind, RoleKind

__all__ = ["CONTACT_TYPES", "PopoloExporter", "popolo_data", "popolo_text"]

#: The Popolo contact-detail type of each kind of contact detail.
CONTACT_TYPES: Mapping[ContactKind, str] = {
    ContactKind.EMAIL: "email",
    ContactKind.TELEFOON: "voice",
    ContactKind.WEBSITE: "url",
    ContactKind.ADRES: "address",
}

_CLASSIFICATIONS: Mapping[ActorKind, str] = {
    ActorKind.POLITIEKE_PARTIJ: "party",
    ActorKind.OVERHEIDSORGANISATIE: "government",
}
_TOOI = "https://identifier.overheid.nl/tooi/id/gemeente/"


def _is_role_text(text: str, kind: RoleKind) -> bool:
    """Tell whether the Popolo importer reads *text* as a role of *kind*, kept as its title.

    The Dutch name of the kind is not: the importer reads it as the kind alone, so a
    title that repeats it is written as the label, to come back.
    """
    if normalise(text) == normalise(kind.label_nl):
        return False
    read = read_role(text, ROLE_TEXTS)
    return read.recognised and read.kind is kind


def _put(record: dict[str, Any], key: str, value: object) -> None:
    """Set *key* unless the value is None or empty: Popolo records leave out what is unknown."""
    if value is not None and value != [] and value != "":
        record[key] = value


def _identifiers(items: Iterable[Identifier], first: Iterable[Identifier] = ()) -> list[Any]:
    seen: dict[tuple[str, str], None] = {}
    for item in (*first, *items):
        seen.setdefault((item.identifier, item.scheme), None)
    return [{"identifier": identifier, "scheme": scheme} for identifier, scheme in seen]


def _contacts(details: Iterable[ContactDetail], include_private: bool) -> list[Any]:
    if not include_private:
        return []
    return [{"type": CONTACT_TYPES[d.kind], "value": d.value} for d in details]


def _period(record: dict[str, Any], period: Period, start: str, end: str) -> None:
    _put(record, start, period.start.isoformat() if period.start else None)
    _put(record, end, period.end.isoformat() if period.end else None)


def _area_id(municipality: Municipality) -> str:
    """The Popolo id of a municipality's own area: its TOOI URI, else a path off its id."""
    if municipality.cbs_code is not None:
        return _TOOI + municipality.cbs_code.lower()
    return f"{municipality.id}/gemeente"


class _Writer:
    def __init__(self, landscape: Landscape, include_private: bool) -> None:
        self.land = landscape
        self.private = include_private
        # A municipality's own area is written when it has a CBS code or areas, or when a
        # role is held at the municipality itself: such a role is a membership of the
        # municipality's organization that covers the whole of its area.
        held_at = {role.at for role in landscape.roles}
        self.has_area = {
            mun.id: mun.cbs_code is not None or bool(mun.areas) or mun.id in held_at
            for mun in landscape.municipalities
        }

    # -- references ------------------------------------------------------------------------

    def party_of(self, faction_id: str) -> str:
        """The party a faction sits for; a faction without one is an organization itself."""
        faction = self.land.get(faction_id)
        assert isinstance(faction, Faction)
        return faction.party if faction.party is not None else faction.id

    def organisation_id(self, entity_id: str) -> str:
        """The Popolo organization that stands for a landscape entity."""
        entry = self.land.entry(entity_id)
        if entry.kind in {"council", "college", "faction", "area"}:
            assert entry.municipality is not None
            return entry.municipality
        if entry.kind == "meeting":
            assert entry.parent is not None
            return entry.parent
        return entity_id

    def on_behalf_id(self, entity_id: str) -> str:
        entry = self.land.entry(entity_id)
        if entry.kind == "faction":
            return self.party_of(entity_id)
        return self.organisation_id(entity_id)

    def member(self, record: dict[str, Any], holder: str) -> None:
        if self.land.kind_of(holder) == "person":
            record["person_id"] = holder
        else:
            record["member"] = {"@type": "Organization", "id": self.on_behalf_id(holder)}

    # -- records ---------------------------------------------------------------------------

    def persons(self) -> list[Any]:
        out = []
        for person in self.land.people:
            record: dict[str, Any] = {"id": person.id, "name": person.name}
            _put(record, "identifiers", _identifiers(person.identifiers))
            _put(record, "contact_details", _contacts(person.contact, self.private))
            out.append(record)
        return out

    def organizations(self) -> list[Any]:
        out = []
        for mun in self.land.municipalities:
            record: dict[str, Any] = {
                "id": mun.id,
                "name": mun.name,
                "classification": "legislature",
            }
            _put(record, "seats", mun.council.seats)
            cbs = [Identifier(scheme="cbs", identifier=mun.cbs_code)] if mun.cbs_code else []
            _put(record, "identifiers", _identifiers(mun.identifiers, cbs))
            if self.has_area[mun.id]:
                record["area_id"] = _area_id(mun)
            out.append(record)
        for mun in self.land.municipalities:
            for faction in mun.council.factions:
                if faction.party is not None:
                    continue
                record = {"id": faction.id, "name": faction.name, "classification": "faction"}
                record["parent_id"] = mun.id
                _put(record, "identifiers", _identifiers(faction.identifiers))
                out.append(record)
        for org in self.land.organisations:
            record = {
                "id": org.id,
                "name": org.name,
                "classification": _CLASSIFICATIONS.get(org.kind, org.kind.value),
            }
            _put(record, "parent_id", org.parent or org.municipality)
            _put(record, "area_id", org.areas[0] if len(org.areas) == 1 else None)
            _put(record, "description", org.description)
            _put(record, "identifiers", _identifiers(org.identifiers))
            _put(record, "contact_details", _contacts(org.contact, self.private))
            out.append(record)
        for net in self.land.networks:
            record = {"id": net.id, "name": net.name, "classification": "network"}
            _put(record, "parent_id", net.parent)
            _put(record, "description", net.description)
            _period(record, net.period, "founding_date", "dissolution_date")
            _put(record, "identifiers", _identifiers(net.identifiers))
            out.append(record)
        for ini in self.land.initiatives:
            record = {"id": ini.id, "name": ini.title, "classification": "initiative"}
            _put(record, "description", ini.description)
            _period(record, ini.period, "founding_date", "dissolution_date")
            _put(record, "identifiers", _identifiers(ini.identifiers))
            out.append(record)
        return out

    def membership(self, role: Role) -> dict[str, Any]:
        record: dict[str, Any] = {}
        _put(record, "id", role.id)
        self.member(record, role.holder)
        on_behalf = role.on_behalf_of
        if role.at is not None:
            record["organization_id"] = self.organisation_id(role.at)
            kind = self.land.kind_of(role.at)
            if kind == "faction" and on_behalf is None:
                on_behalf = role.at
            elif kind == "area":
                record["area_id"] = role.at
            elif kind == "municipality":
                mun = self.land.get(role.at)
                assert isinstance(mun, Municipality)
                record["area_id"] = _area_id(mun)
        if on_behalf is not None:
            record["on_behalf_of_id"] = self.on_behalf_id(on_behalf)
        if role.title is not None and _is_role_text(role.title, role.kind):
            # A title that is itself a text of the role kind ("member", "councillor", as a
            # Popolo source wrote it) is the role's text: written back as it came.
            record["role"] = role.title
        else:
            record["role"] = role.kind.label_nl
            _put(record, "label", role.title)
        _put(record, "start_date", role.start.isoformat() if role.start else None)
        _put(record, "end_date", role.end.isoformat() if role.end else None)
        return record

    def memberships(self) -> list[Any]:
        out = [self.membership(role) for role in self.land.roles]
        for net in self.land.networks:
            for member in net.members:
                record: dict[str, Any] = {}
                self.member(record, member)
                record["organization_id"] = net.id
                record["role"] = RoleKind.LID.label_nl
                out.append(record)
        return out

    def areas(self) -> list[Any]:
        out: list[Any] = []
        written: set[str] = set()
        for mun in self.land.municipalities:
            if not self.has_area[mun.id]:
                continue
            own = _area_id(mun)
            if own not in written:  # two municipalities may carry the same CBS code
                written.add(own)
                record: dict[str, Any] = {"id": own, "name": mun.name}
                _put(record, "identifier", mun.cbs_code)
                record["classification"] = "gemeente"
                out.append(record)
            out.extend(self._areas(mun.areas, own))
        return out

    def _areas(self, areas: Iterable[Area], parent: str) -> Iterator[dict[str, Any]]:
        for area in areas:
            record: dict[str, Any] = {"id": area.id, "name": area.name}
            _put(record, "identifier", area.code)
            record["classification"] = area.level.value
            record["parent_id"] = parent
            yield record
            yield from self._areas(area.areas, area.id)

    def events(self) -> list[Any]:
        out = []
        owners: list[tuple[str, tuple[Meeting, ...]]] = [
            *((ini.id, ini.meetings) for ini in self.land.initiatives),
            *((net.id, net.meetings) for net in self.land.networks),
        ]
        for owner, meetings in owners:
            for meeting in meetings:
                record: dict[str, Any] = {"id": meeting.id, "name": meeting.title}
                record["classification"] = meeting.kind.value
                _put(record, "start_date", meeting.date.isoformat() if meeting.date else None)
                _put(record, "location", meeting.location)
                if meeting.held is not None:
                    record["status"] = "held" if meeting.held else "planned"
                record["organization_id"] = owner
                attendees = [
                    {"id": who, "name": self.land.name_of(who)}
                    for who in meeting.attendees
                    if self.land.kind_of(who) == "person"
                ]
                _put(record, "attendees", attendees)
                out.append(record)
        return out


def popolo_data(landscape: Landscape, *, include_private: bool = False) -> dict[str, Any]:
    """Return the landscape as a Popolo document: plain dictionaries and lists.

    Parameters
    ----------
    landscape
        The landscape to write.
    include_private
        Write the contact details of people and organisations (``contact_details``);
        by default they are left out.

    Returns
    -------
    dict
        ``persons``, ``organizations``, ``memberships``, ``areas`` and ``events``, each
        a list (possibly empty) of records in document order. Every record is valid
        against the Popolo JSON Schema of its kind.

    Examples
    --------
    >>> import democratie.examples
    >>> doc = popolo_data(democratie.examples.load("delft-zeven-van-delft"))
    >>> doc["persons"][0]
    {'id': 'p-rob-van-den-berg', 'name': 'Rob van den Berg'}
    >>> doc["memberships"][0]["person_id"], doc["memberships"][0]["role"]
    ('p-rob-van-den-berg', 'Projectleider')
    """
    writer = _Writer(landscape, include_private)
    return {
        "persons": writer.persons(),
        "organizations": writer.organizations(),
        "memberships": writer.memberships(),
        "areas": writer.areas(),
        "events": writer.events(),
    }


def popolo_text(landscape: Landscape, *, include_private: bool = False) -> str:
    """Return the Popolo document of the landscape as JSON text (UTF-8, two-space indent).

    Examples
    --------
    The Popolo importer reads it back:

    >>> import democratie.examples
    >>> from democratie.importers import import_popolo
    >>> from democratie.io import parse
    >>> land = democratie.examples.load("delft-zeven-van-delft")
    >>> again = import_popolo(parse(popolo_text(land), format="json")).landscape
    >>> [person.name for person in again.people] == [person.name for person in land.people]
    True
    """
    data = popolo_data(landscape, include_private=include_private)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


@frozen
class PopoloExporter:
    """Writes people, organisations and memberships as Popolo JSON (format ``"popolo"``).

    Options: ``include_private`` (write contact details; default False).

    Examples
    --------
    >>> import io
    >>> import json
    >>> import democratie.examples
    >>> out = io.StringIO()
    >>> PopoloExporter().export(democratie.examples.load("delft-zeven-van-delft"), None, out, {})
    >>> doc = json.loads(out.getvalue())
    >>> {key: len(records) for key, records in doc.items()}
    {'persons': 2, 'organizations': 8, 'memberships': 5, 'areas': 2, 'events': 1}
    """

    name = "popolo"
    title = "Popolo JSON: persons, organizations, memberships, areas, events"
    suffixes = (".json",)
    binary = False
    needs_graph = False

    def export(
        self,
        landscape: Landscape,
        graph: StakeholderGraph | None,
        destination: IO[Any],
        options: Mapping[str, Any],
    ) -> None:
        """Write the Popolo document to a text stream."""
        private = flag(options, "include_private", format=self.name)
        destination.write(popolo_text(landscape, include_private=private))

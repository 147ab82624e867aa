"""Import councils and organisations from a standard Popolo document.

Popolo (popoloproject.com) is the international standard for data about
legislatures. It defines no file container; the de facto one is a JSON object
with ``persons``, ``organizations``, ``memberships``, ``posts``, ``areas`` and
``events`` lists, as the OpenAustralia and EveryPolitician data use.

A document becomes a :class:`~democratie.model.Landscape`:

- every organization classified ``legislature`` or ``council`` becomes a
  :class:`~democratie.model.Municipality` with its council. It gets a CBS code
  only when the organization carries one among its identifiers (scheme ``cbs``,
  or an identifier like ``GM0503``); names are not matched against the Dutch
  list, since a council abroad may share a Dutch name. Without a code the
  municipality keeps the organization's name;
- every ``party`` becomes an :class:`~democratie.model.Organisation` of kind
  ``politieke_partij``, and every council-party pair that memberships name
  (``on_behalf_of_id``) a :class:`~democratie.model.Faction` of that council,
  with the id ``<council>-<party>``. A party called ``unknown`` is the
  placeholder some publishers use for "no party known": it is not imported, and
  the report counts the memberships that named it;
- an organization classified ``faction`` (or ``fractie``, ``council group``,
  ``parliamentary group``) whose ``parent_id`` is a council becomes a faction of
  that council under its own id, without a party; one outside a council is read
  as a party;
- committees, commissions and executives become organisations of kind
  ``overheidsorganisatie``;
- an organization classified by the slug of an :class:`~democratie.vocab.ActorKind`
  (``stichting``, ``woningcorporatie``, ``maatschappelijke_organisatie``, ...; case,
  hyphens and underscores do not matter, see :data:`ORGANISATION_KINDS`) becomes an
  organisation of that kind;
- an organisation keeps its name, description, identifiers and contact details;
  its ``parent_id`` places it in a council's municipality or in another
  organisation, and its ``area_id``, when that is an imported area, is an area it
  works in;
- organizations classified ``initiative`` or ``network`` (how
  :mod:`democratie.exporters.popolo` writes initiatives and networks) and those of
  any other classification are reported, not imported, and so are the
  memberships of them;
- every person becomes a :class:`~democratie.model.Person` (with the Popolo id
  as an identifier of scheme ``popolo``, and e-mail and contact details as
  private contact details);
- every membership becomes a :class:`~democratie.model.Role` of its person, or of
  the organisation its ``member`` names: the role text is read onto a role kind
  where the meaning is clear (councillor -> raadslid, mayor -> burgemeester,
  deputy mayor -> locoburgemeester, alderman -> wethouder, ...), else the role is
  ``lid`` with the text kept as its title. Roles in a council are placed where
  the office sits (burgemeester, wethouders and locoburgemeester in the college,
  a fractievoorzitter at the faction, the rest in the council), except that a
  role which is none of the council's or college's :data:`OFFICES` is held at
  the area its ``area_id`` names, or at the municipality when that is the
  council's own area (a councillor's area is the ward they represent, which a
  role has no place for). A membership of no organization is a role held
  nowhere in particular, and one on behalf of a council is on behalf of its
  municipality;
- areas become :class:`~democratie.model.Area` objects of the municipality
  they belong to (through the council's ``area_id``, their parents, or the posts
  and memberships that link them to one council).

Ids that are valid model ids are kept as they are; others become slugs (and get
a numbered suffix when taken). Posts, events and every field without a place in
the model are counted in the report, never dropped silently.

Notes
-----
The round trip. What :mod:`democratie.exporters.popolo` writes comes back with the same people,
organisations (id, name, kind, and parent, municipality and area as far as one
Popolo organization holds them) and municipalities, and with the roles Popolo
can carry. What it cannot carry:

- initiatives, networks and meetings: they are written as organizations and
  events, but the model needs what Popolo has no field for (an initiative's kind,
  phases and participants; a network's kind and themes), so they are reported,
  and with them the roles held there and the network members;
- where in a municipality a role sits, beyond what the role tells: a
  municipality is one organization, so an office held at the municipality, an
  area or the "wrong" body comes back where the office sits, and any other role
  at a council, college or faction comes back in the council;
- the faction of a party: written as memberships on behalf of the party, it
  comes back as the faction ``<municipality>-<party>`` (a faction without a party
  comes back under its own id);
- an organisation's sector and assessment, more than one area, and a
  municipality beside a parent.

Examples
--------
>>> doc = {
...     "persons": [{"id": "p1", "name": "Graham Quirk"}],
...     "organizations": [
...         {"id": "legislature/brisbane", "name": "Brisbane City Council",
...          "classification": "legislature"},
...         {"id": "party/lnp", "name": "LNP", "classification": "party"}],
...     "memberships": [
...         {"person_id": "p1", "organization_id": "legislature/brisbane",
...          "role": "councillor", "on_behalf_of_id": "party/lnp"},
...         {"person_id": "p1", "organization_id": "legislature/brisbane", "role": "mayor"}]}
>>> land = import_popolo(doc).landscape
>>> land.get("legislature-brisbane").name, land.get("legislature-brisbane-raad").seats
('Brisbane City Council', 1)
>>> [(r.kind.value, r.at, r.on_behalf_of) for r in land.roles]
[('raadslid', 'legislature-brisbane-raad', 'legislature-brisbane-party-lnp'), ('burgemeester', 'legislature-brisbane-college', None)]
"""  # noqa: E501

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from attrs import evolve, frozen

from democratie import reference
from democratie.errors import LoadError, Problem
from democratie.importers._common import (
    Checker,
    IdPool,
    ReportBuilder,
    describe,
    is_empty,
    make_landscape,
    normalise,
    parse_date,
    raise_problems,
    read_contact_details,
    read_identifiers,
    read_json,
    read_role,
    source_title,
    unique,
)
from democratie.importers._placement import (
    OFFICES,
    PlacedArea,
    count_seats,
    drop_repeats,
    place_areas,
    place_role,
)
from democratie.importers._result import ImportResult
from democratie.io import MAX_BYTES
from democratie.model import (
    Area,
    ContactDetail,
    Faction,
    Identifier,
    Municipality,
    Organisation,
    Person,
    Role,
    Source,
)
from democratie.model._checks import ID_PATTERN
from democratie.model.municipality import MAX_AREA_DEPTH
from democratie.vocab import ActorKind, AreaLevel, RoleKind

__all__ = [
    "AREA_LEVELS",
    "FORMAT",
    "OFFICES",
    "ORGANISATION_KINDS",
    "ROLE_TEXTS",
    "detect",
    "import_popolo",
    "load_popolo",
]

#: The format name, as used in reports and by the plugin system.
FORMAT = "popolo"

#: How Popolo role texts map onto role kinds (keys normalised: lower case, hyphens and
#: underscores as spaces). Texts not listed are also matched against the slug and the
#: English and Dutch labels of every :class:`~democratie.vocab.RoleKind`.
ROLE_TEXTS: Mapping[str, RoleKind] = {
    "councillor": RoleKind.RAADSLID,
    "councilor": RoleKind.RAADSLID,
    "council member": RoleKind.RAADSLID,
    "councilmember": RoleKind.RAADSLID,
    "member of council": RoleKind.RAADSLID,
    "member of the council": RoleKind.RAADSLID,
    "ward councillor": RoleKind.RAADSLID,
    "city councillor": RoleKind.RAADSLID,
    "lid van de raad": RoleKind.RAADSLID,
    "mayor": RoleKind.BURGEMEESTER,
    "lord mayor": RoleKind.BURGEMEESTER,
    "acting mayor": RoleKind.WAARNEMEND_BURGEMEESTER,
    "burgemeester waarnemend": RoleKind.WAARNEMEND_BURGEMEESTER,
    "deputy mayor": RoleKind.LOCOBURGEMEESTER,
    "deputy lord mayor": RoleKind.LOCOBURGEMEESTER,
    "loco burgemeester": RoleKind.LOCOBURGEMEESTER,
    "alderman": RoleKind.WETHOUDER,
    "alderwoman": RoleKind.WETHOUDER,
    "alderperson": RoleKind.WETHOUDER,
    "council clerk": RoleKind.GRIFFIER,
    "clerk of the council": RoleKind.GRIFFIER,
    "raadsgriffier": RoleKind.GRIFFIER,
    "chair": RoleKind.VOORZITTER,
    "chairperson": RoleKind.VOORZITTER,
    "chairman": RoleKind.VOORZITTER,
    "chairwoman": RoleKind.VOORZITTER,
    "group leader": RoleKind.FRACTIEVOORZITTER,
    "party group leader": RoleKind.FRACTIEVOORZITTER,
    "leader of the group": RoleKind.FRACTIEVOORZITTER,
}

#: How Popolo area classifications map onto area levels (lower case). Any other
#: classification is read as ``gebied`` and reported.
AREA_LEVELS: Mapping[str, AreaLevel] = {
    "ward": AreaLevel.WIJK,
    "wijk": AreaLevel.WIJK,
    "district": AreaLevel.WIJK,
    "neighbourhood": AreaLevel.BUURT,
    "neighborhood": AreaLevel.BUURT,
    "buurt": AreaLevel.BUURT,
    "kern": AreaLevel.KERN,
    "village": AreaLevel.DORP,
    "dorp": AreaLevel.DORP,
    "area": AreaLevel.GEBIED,
    "gebied": AreaLevel.GEBIED,
    "region": AreaLevel.REGIO,
    "regio": AreaLevel.REGIO,
    "municipality": AreaLevel.GEMEENTE,
    "gemeente": AreaLevel.GEMEENTE,
    "province": AreaLevel.PROVINCIE,
    "provincie": AreaLevel.PROVINCIE,
}

#: Organization classifications that name an organisation kind: the slug of every
#: :class:`~democratie.vocab.ActorKind`, normalised (lower case, hyphens and underscores as
#: spaces), so ``woningcorporatie`` and ``Maatschappelijke-Organisatie`` both match.
ORGANISATION_KINDS: Mapping[str, ActorKind] = {normalise(kind.value): kind for kind in ActorKind}

_Kind = Literal["council", "party", "faction", "organisation", "other"]
_CLASSIFICATIONS: Mapping[str, Literal["council", "party", "government", "faction"]] = {
    "legislature": "council",
    "council": "council",
    "local council": "council",
    "municipal council": "council",
    "city council": "council",
    "gemeenteraad": "council",
    "party": "party",
    "political party": "party",
    "partij": "party",
    "politieke partij": "party",
    "committee": "government",
    "subcommittee": "government",
    "commission": "government",
    "commissie": "government",
    "raadscommissie": "government",
    "executive": "government",
    "cabinet": "government",
    "government": "government",
    "department": "government",
    "faction": "faction",
    "fractie": "faction",
    "raadsfractie": "faction",
    "council group": "faction",
    "parliamentary group": "faction",
}
#: Classifications the Popolo export writes for entities the model cannot rebuild from
#: Popolo (an initiative or a network needs its kind, which Popolo does not carry).
_NOT_ORGANISATIONS: Mapping[str, str] = {
    "initiative": "initiatives",
    "network": "networks",
}
_PLACEHOLDER_PARTIES = frozenset({"unknown", "onbekend"})
_CBS_CODE = re.compile(r"GM\d{4}")
_LISTS = ("persons", "organizations", "memberships", "posts", "areas", "events")

_PERSON_KEYS = frozenset({"id", "name", "email", "contact_details", "identifiers", "memberships"})
_ORGANIZATION_KEYS = frozenset({"id", "name", "classification", "identifiers", "parent_id"})
_MEMBERSHIP_KEYS = frozenset(
    {
        "id",
        "person_id",
        "organization_id",
        "post_id",
        "on_behalf_of_id",
        "role",
        "label",
        "start_date",
        "end_date",
    }
)
_AREA_KEYS = frozenset({"id", "name", "classification", "identifier", "parent_id"})


# -- detection and files -----------------------------------------------------------------


def detect(data: object) -> bool:
    """Tell whether parsed JSON is a Popolo document (the usual container of lists).

    It is when it is an object with a ``persons``, ``organizations`` or
    ``memberships`` list, every Popolo key it has holds a list, and it is
    neither a landscape document (``format``) nor Open Raadsinformatie data
    (``organisations``, or persons whose memberships name an ``organisation``).

    Examples
    --------
    >>> detect({"persons": [], "organizations": [], "memberships": []})
    True
    >>> detect({"meta": {}, "organisations": []}), detect({"format": "democratie/1"})
    (False, False)
    """
    if not isinstance(data, dict) or "format" in data or "organisations" in data:
        return False
    present = [key for key in _LISTS if key in data]
    if not any(key in data for key in ("persons", "organizations", "memberships")):
        return False
    if not all(isinstance(data[key], list) for key in present):
        return False
    for person in data.get("persons", []):
        memberships = person.get("memberships") if isinstance(person, dict) else None
        if isinstance(memberships, list) and any(
            isinstance(m, dict) and ("organisation_id" in m or "organisation" in m)
            for m in memberships
        ):
            return False
    return True


def load_popolo(path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES) -> ImportResult:
    """Load a Popolo JSON document as a landscape.

    Parameters
    ----------
    path
        The file.
    max_bytes
        Refuse files larger than this.

    Returns
    -------
    ImportResult
        The landscape (its sources name the file) and the import report.

    Raises
    ------
    LoadError
        When the file is missing, unreadable, not JSON or not shaped like a
        Popolo document; every problem is located by file and JSON path.

    Examples
    --------
    >>> import json, tempfile
    >>> from pathlib import Path
    >>> doc = {"persons": [{"id": "p1", "name": "Graham Quirk", "image": "quirk.jpg"}],
    ...        "organizations": [{"id": "bcc", "name": "Brisbane City Council",
    ...                           "classification": "legislature"}],
    ...        "memberships": [{"person_id": "p1", "organization_id": "bcc", "role": "mayor"}]}
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     _ = Path(folder, "brisbane.json").write_text(json.dumps(doc))
    ...     result = load_popolo(Path(folder, "brisbane.json"))
    >>> [(role.kind.value, role.at) for role in result.landscape.roles]
    [('burgemeester', 'bcc-college')]
    >>> print(result.report.category("person.image"))
    person.image (1): the 'image' of a person; the model has no place for it
        brisbane.json: persons[0].image = 'quirk.jpg'
    """
    name = os.fspath(path)
    return import_popolo(read_json(name, max_bytes=max_bytes), source=name)


# -- reading -----------------------------------------------------------------------------


@frozen(kw_only=True)
class _Org:
    id: str
    own: Identifier
    name: str | None
    kind: _Kind
    actor: ActorKind | None
    placeholder: bool
    classification: str | None
    parent: str | None
    area: str | None
    description: str | None
    identifiers: tuple[Identifier, ...]
    contact: tuple[ContactDetail, ...]
    path: str


@frozen(kw_only=True)
class _Person:
    id: str
    name: str
    contact: tuple[ContactDetail, ...]
    identifiers: tuple[Identifier, ...]
    path: str


@frozen(kw_only=True)
class _Area:
    id: str
    own: Identifier
    name: str
    classification: str | None
    identifier: str | None
    parent: str | None
    path: str


@frozen(kw_only=True)
class _Post:
    id: str
    organisation: str | None
    area: str | None
    role: str | None
    label: str | None


@frozen(kw_only=True)
class _Membership:
    person: str | None
    member: str | None
    organisation: str | None
    post: str | None
    on_behalf_of: str | None
    area: str | None
    role: str | None
    label: str | None
    start: str | None
    end: str | None
    identifiers: tuple[Identifier, ...]
    path: str


def import_popolo(data: object, *, source: str = "popolo.json") -> ImportResult:
    """Turn a parsed Popolo document into a landscape.

    Parameters
    ----------
    data
        The parsed document: an object with ``persons``, ``organizations``,
        ``memberships`` and, optionally, ``posts``, ``areas`` and ``events`` lists.
    source
        The name of the document, for error messages and provenance.

    Returns
    -------
    ImportResult
        The landscape and the import report.

    Raises
    ------
    LoadError
        When the data is not shaped like a Popolo document (a list that is not
        a list, a person without an id or a name, an imported organization
        without a name, two records with one id), with every problem located.
    """
    return _Import(data, source).run()


class _Import:
    def __init__(self, data: object, source: str) -> None:
        self.data = data
        self.source = source
        self.name = Path(source).name
        self.check = Checker(source)
        self.report = ReportBuilder(FORMAT, [self.name])
        self.pool = IdPool(self.report)
        self.orgs: dict[str, _Org] = {}
        self.areas: dict[str, _Area] = {}
        self.posts: dict[str, _Post] = {}
        self.ids: dict[tuple[str, str], str] = {}
        self.taken: set[str] = set()
        self.factions: dict[tuple[str, str], Faction] = {}

    def take(self, wanted: str, *, fallback: str) -> str:
        """An id for a record: its own id when that is a free model id, else a slug of it."""
        if ID_PATTERN.fullmatch(wanted) is not None and wanted not in self.taken:
            self.reserve(wanted)
            return wanted
        own = self.pool.take(wanted, fallback=fallback)
        self.taken.add(own)
        return own

    def reserve(self, *ids: str) -> None:
        self.pool.reserve(*ids)
        self.taken.update(ids)

    def skip(self, category: str, why: str, path: str, value: object = None) -> None:
        shown = "" if value is None else f" = {describe(value)}"
        self.report.skip(category, why, f"{self.name}: {path}{shown}")

    def extra(
        self, thing: str, record: Mapping[str, Any], path: str, known: frozenset[str]
    ) -> None:
        for key, value in record.items():
            if key not in known and not is_empty(value):
                self.skip(
                    f"{thing}.{key}",
                    f"the '{key}' of {'an' if thing[0] in 'aeio' else 'a'} {thing}; the model "
                    "has no place for it",
                    f"{path}.{key}",
                    value if not isinstance(value, (dict, list)) else None,
                )

    # -- the whole run ---------------------------------------------------------------------

    def run(self) -> ImportResult:
        top = self.check.record(self.data, "", "a Popolo document")
        if top is None:
            raise LoadError(self.check.problems, source=self.source)
        if not any(key in top for key in ("persons", "organizations", "memberships")):
            self.check.fail(
                "",
                "this is not a Popolo document: it has no persons, organizations or "
                "memberships list",
                code="missing-key",
            )
        for key, value in top.items():
            if key not in _LISTS and not is_empty(value):
                self.skip(f"document.{key}", f"a top-level '{key}' entry, not part of Popolo", key)
        organisations = self.check.records(top, "organizations", "", "organization")
        persons = self.check.records(top, "persons", "", "person")
        memberships = self.check.records(top, "memberships", "", "membership")
        posts = self.check.records(top, "posts", "", "post")
        areas = self.check.records(top, "areas", "", "area")
        events = self.check.records(top, "events", "", "event")
        for path, _ in events:
            self.skip(
                "document.events",
                "events (sessions, elections); the model has no place for them",
                path,
            )
        for path, record in organisations:
            self.read_organisation(path, record)
        for path, record in areas:
            self.read_area(path, record)
        for path, record in posts:
            self.read_post(path, record)
        people, person_memberships = self.read_persons(persons)
        all_memberships = [
            *(self.read_membership(path, record, None, None) for path, record in memberships),
            *person_memberships,
            *(
                self.read_membership(f"{path}.memberships[{index}]", item, None, org_id)
                for org_id, path, index, item in self.inline_org_memberships(organisations)
            ),
        ]
        raise_problems([self.check])
        return self.build(people, all_memberships, persons_read=len(persons))

    def inline_org_memberships(
        self, organisations: list[tuple[str, dict[str, Any]]]
    ) -> list[tuple[str, str, int, dict[str, Any]]]:
        found = []
        for path, record in organisations:
            org_id = record.get("id")
            items = record.get("memberships")
            if not isinstance(org_id, str) or not isinstance(items, list):
                continue
            for index, item in enumerate(items):
                checked = self.check.record(item, f"{path}.memberships[{index}]", "a membership")
                if checked is not None:
                    found.append((org_id, path, index, checked))
        return found

    # -- records ---------------------------------------------------------------------------

    def read_organisation(self, path: str, record: Mapping[str, Any]) -> None:
        org_id = self.check.text(record, "id", path)
        name = self.check.text(record, "name", path)
        classification = self.check.text(record, "classification", path)
        kind, actor = self.classify(classification)
        identifiers = read_identifiers(self.check, record, path)
        description = self.check.text(record, "description", path)
        contact = read_contact_details(
            self.check, record, path, self.report, "organization.contact_details"
        )
        parent = self.check.text(record, "parent_id", path)
        area = self.check.text(record, "area_id", path)
        if org_id is None:
            self.skip(
                "organization.no-id",
                "organizations without an id: nothing can refer to them",
                path,
                name,
            )
            return
        if org_id in self.orgs:
            self.check.fail(
                f"{path}.id",
                f"the id '{org_id}' is already used at {self.orgs[org_id].path}",
                code="duplicate-id",
            )
            return
        own = self.check.source_id(f"{path}.id", "popolo", org_id)
        if own is None:
            return
        shown = f"{classification or 'unclassified'}: {name or org_id}"
        plural = _NOT_ORGANISATIONS.get(normalise(classification or ""))
        if plural is not None:
            self.skip(
                f"organization.{normalise(classification or '')}",
                f"{plural}, as the democratie Popolo export writes them: the model needs their "
                "kind and details, which Popolo does not carry; they were not imported, nor "
                "the memberships of them",
                path,
                shown,
            )
        elif kind == "other":
            self.skip(
                "organization.classification",
                "organizations that are not a legislature or council, a party, a faction, a "
                "committee, commission or executive, nor of an organisation kind of the model "
                "(stichting, woningcorporatie, ...); they were not imported",
                path,
                shown,
            )
        elif name is None:
            self.check.fail(f"{path}.name", "an organization needs a name", code="missing-key")
        known = set(_ORGANIZATION_KEYS)
        if kind in {"council", "faction"}:
            known.add("area_id")
        else:
            known.update({"description", "contact_details", "email", "area_id"})
        if kind != "other":
            known.add("memberships")
            self.extra("organization", record, path, frozenset(known))
        self.orgs[org_id] = _Org(
            id=org_id,
            own=own,
            name=name,
            kind=kind,
            actor=actor,
            placeholder=kind == "party" and normalise(name or "") in _PLACEHOLDER_PARTIES,
            classification=classification,
            parent=parent,
            area=area,
            description=description,
            identifiers=tuple(identifiers),
            contact=tuple(contact),
            path=path,
        )

    @staticmethod
    def classify(classification: str | None) -> tuple[_Kind, ActorKind | None]:
        """What an organization of this classification becomes, and its organisation kind."""
        key = normalise(classification or "")
        found = _CLASSIFICATIONS.get(key)
        if found == "party":
            return "party", ActorKind.POLITIEKE_PARTIJ
        if found == "government":
            return "organisation", ActorKind.OVERHEIDSORGANISATIE
        if found is not None:
            return found, None
        actor = ORGANISATION_KINDS.get(key)
        if actor is ActorKind.POLITIEKE_PARTIJ:
            return "party", actor
        if actor is not None:
            return "organisation", actor
        return "other", None

    def read_area(self, path: str, record: Mapping[str, Any]) -> None:
        area_id = self.check.text(record, "id", path)
        name = self.check.text(record, "name", path, required=area_id is not None)
        classification = self.check.text(record, "classification", path)
        identifier = self.check.text(record, "identifier", path)
        parent = self.check.text(record, "parent_id", path)
        self.extra("area", record, path, _AREA_KEYS)
        if area_id is None:
            self.skip("area.no-id", "areas without an id: nothing can refer to them", path, name)
            return
        if area_id in self.areas:
            self.check.fail(
                f"{path}.id",
                f"the id '{area_id}' is already used at {self.areas[area_id].path}",
                code="duplicate-id",
            )
            return
        own = self.check.source_id(f"{path}.id", "popolo", area_id)
        if name is not None and own is not None:
            self.areas[area_id] = _Area(
                id=area_id,
                own=own,
                name=name,
                classification=classification,
                identifier=identifier,
                parent=parent,
                path=path,
            )

    def read_post(self, path: str, record: Mapping[str, Any]) -> None:
        post_id = self.check.text(record, "id", path)
        self.skip(
            "document.posts",
            "posts (seats to be filled); the model has none: their role, label, "
            "organization and area were used for the memberships that name them",
            path,
        )
        post = _Post(
            id=post_id or "",
            organisation=self.check.text(record, "organization_id", path),
            area=self.check.text(record, "area_id", path),
            role=self.check.text(record, "role", path),
            label=self.check.text(record, "label", path),
        )
        if post_id is not None:
            self.posts.setdefault(post_id, post)

    def read_persons(
        self, persons: list[tuple[str, dict[str, Any]]]
    ) -> tuple[list[_Person], list[_Membership]]:
        people: list[_Person] = []
        memberships: list[_Membership] = []
        seen: dict[str, str] = {}
        for path, record in persons:
            person_id = self.check.text(record, "id", path, required=True)
            name = self.check.text(record, "name", path, required=True)
            contact = read_contact_details(
                self.check, record, path, self.report, "person.contact_details"
            )
            identifiers = read_identifiers(self.check, record, path)
            self.extra("person", record, path, _PERSON_KEYS)
            for here, item in self.check.records(record, "memberships", path, "membership"):
                memberships.append(self.read_membership(here, item, person_id, None))
            if person_id is None or name is None:
                continue
            if person_id in seen:
                self.check.fail(
                    f"{path}.id",
                    f"the id '{person_id}' is already used at {seen[person_id]}",
                    code="duplicate-id",
                )
                continue
            seen[person_id] = path
            own = self.check.source_id(f"{path}.id", "popolo", person_id)
            if own is None:
                continue
            people.append(
                _Person(
                    id=person_id,
                    name=name,
                    contact=tuple(contact),
                    identifiers=tuple(unique([own, *identifiers])),
                    path=path,
                )
            )
        return people, memberships

    def read_membership(
        self,
        path: str,
        record: Mapping[str, Any],
        person: str | None,
        organisation: str | None,
    ) -> _Membership:
        text = self.check.text
        known = _MEMBERSHIP_KEYS | {"area_id", "member"}
        self.extra("membership", record, path, known)
        member = None
        if record.get("member") is not None:
            found = self.check.record(record["member"], f"{path}.member", "a member")
            if found is not None:
                kind = normalise(text(found, "@type", f"{path}.member") or "")
                member_id = text(found, "id", f"{path}.member")
                if kind == "person":
                    person = person or member_id
                else:
                    member = member_id
        own_id = text(record, "id", path)
        own = None if own_id is None else self.check.source_id(f"{path}.id", "popolo", own_id)
        return _Membership(
            person=text(record, "person_id", path) or person,
            member=member,
            organisation=text(record, "organization_id", path) or organisation,
            post=text(record, "post_id", path),
            on_behalf_of=text(record, "on_behalf_of_id", path),
            area=text(record, "area_id", path),
            role=text(record, "role", path),
            label=text(record, "label", path),
            start=text(record, "start_date", path),
            end=text(record, "end_date", path),
            identifiers=() if own is None else (own,),
            path=path,
        )

    # -- building --------------------------------------------------------------------------

    def build(
        self,
        drafts: list[_Person],
        memberships: list[_Membership],
        *,
        persons_read: int,
    ) -> ImportResult:
        self.settle_factions()
        for org in self.orgs.values():
            if org.kind == "council":
                own = self.take(org.id, fallback=org.name or "council")
                self.reserve(f"{own}-raad", f"{own}-college")
                self.ids["org", org.id] = own
        for org in self.orgs.values():
            if org.placeholder:
                self.skip(
                    "party.placeholder",
                    "a party named 'unknown': a placeholder for 'no party known', not a party; "
                    "not imported",
                    org.path,
                    org.name,
                )
            elif org.kind in {"party", "organisation", "faction"}:
                self.ids["org", org.id] = self.take(org.id, fallback=org.name or "org")
        # The area of a council's own municipality is not imported: the municipality stands
        # for it, and takes no id from the landscape's other entities.
        own_areas = {org.area for org in self.orgs.values() if org.kind == "council"}
        for area in self.areas.values():
            if area.id not in own_areas:
                self.ids["area", area.id] = self.take(area.id, fallback=area.name)
        people: list[Person] = []
        person_ids: dict[str, str] = {}
        for draft in drafts:
            person = self.check.build(
                draft.path,
                Person,
                id=self.take(draft.id, fallback=draft.name),
                name=draft.name,
                contact=draft.contact,
                identifiers=draft.identifiers,
            )
            if person is not None:
                people.append(person)
                person_ids[draft.id] = person.id
        municipalities = self.municipalities(memberships)
        places = {area.id: mun.id for mun in municipalities.values() for area in mun.walk_areas()}
        self.council_factions(municipalities)
        organisations = self.organisations(municipalities, places)
        roles = self.roles(memberships, person_ids, municipalities, places)
        municipalities = {
            key: count_seats(
                evolve(
                    mun,
                    council=evolve(
                        mun.council,
                        factions=tuple(f for (m, _), f in self.factions.items() if m == key),
                    ),
                ),
                roles,
                self.check,
                self.orgs[key].path,
            )
            for key, mun in municipalities.items()
        }
        raise_problems([self.check])
        self.notes(list(municipalities.values()))
        self.pool.finish()
        landscape = make_landscape(
            [self.source],
            sources=(
                Source(
                    title=source_title(self.name),
                    note=(
                        f"Popolo document: {persons_read} persons, {len(self.orgs)} organizations "
                        f"with an id, {len(memberships)} memberships"
                    ),
                ),
            ),
            municipalities=tuple(municipalities.values()),
            organisations=tuple(organisations),
            people=tuple(people),
            roles=tuple(roles),
        )
        return ImportResult(landscape=landscape, report=self.report.build())

    def settle_factions(self) -> None:
        """Read a faction outside any council as a party: the group its members sit for."""
        loose = [
            org
            for org in self.orgs.values()
            if org.kind == "faction"
            and (org.parent not in self.orgs or self.orgs[str(org.parent)].kind != "council")
        ]
        for org in loose:
            self.orgs[org.id] = evolve(org, kind="party", actor=ActorKind.POLITIEKE_PARTIJ)
        if loose:
            self.report.note(
                f"{len(loose)} organizations classified as a faction have no council as their "
                "parent; they were imported as parties, and the memberships on behalf of them "
                "as factions of the councils they sit in"
            )

    def council_factions(self, municipalities: Mapping[str, Municipality]) -> None:
        """Make the factions that the document has as organizations of their own."""
        for org in self.orgs.values():
            own = self.ids.get(("org", org.id))
            if org.kind != "faction" or own is None or org.parent not in municipalities:
                continue
            if org.area is not None:
                self.skip(
                    "organization.area_id",
                    "the area of a faction; a faction has no area",
                    f"{org.path}.area_id",
                    org.area,
                )
            faction = self.check.build(
                org.path,
                Faction,
                id=own,
                name=org.name,
                identifiers=tuple(unique([org.own, *org.identifiers])),
            )
            if faction is not None:
                self.factions[str(org.parent), org.id] = faction

    def municipalities(self, memberships: list[_Membership]) -> dict[str, Municipality]:
        councils = {org.id: org for org in self.orgs.values() if org.kind == "council"}
        own_area = {org.area: org.id for org in councils.values() if org.area in self.areas}
        placement = place_areas(
            {area.id: area.parent for area in self.areas.values()},
            own_areas=own_area,
            links=self.area_links(councils, memberships),
            councils=list(councils),
        )
        for area_id, why in placement.left_out:
            area = self.areas[area_id]
            if why == "own":
                self.skip(
                    "area.municipality",
                    "the area of a council's own municipality; the municipality stands for it "
                    "(the area id is kept as an identifier of the municipality)",
                    area.path,
                    area.name,
                )
            else:
                self.skip(
                    "area.no-municipality",
                    "areas that no council links to (through its area, a parent area, a post "
                    "or a membership); they were not imported",
                    area.path,
                    area.name,
                )
        result: dict[str, Municipality] = {}
        for council in councils.values():
            areas = [self.area(placed) for placed in placement.trees[council.id]]
            identifiers = [council.own, *council.identifiers]
            if council.area is not None and council.area in own_area:
                identifiers.append(self.areas[council.area].own)
            code = self.cbs_code(council)
            fields: dict[str, Any] = {"cbs_code": code} if code else {"name": council.name}
            built = self.check.build(
                council.path,
                Municipality,
                id=self.ids["org", council.id],
                areas=tuple(area for area in areas if area is not None),
                identifiers=tuple(unique(identifiers)),
                **fields,
            )
            if built is not None:
                result[council.id] = built
        for child, parent in placement.cycles:
            self.skip(
                "area.parent-cycle",
                "areas whose parents lead round in a circle; not imported",
                f"{self.areas[child].path}.parent_id",
                parent,
            )
        return result

    def area_links(
        self, councils: Mapping[str, _Org], memberships: list[_Membership]
    ) -> dict[str, set[str]]:
        """The councils each area is linked to by the posts and memberships that name both."""
        linked: dict[str, set[str]] = {}
        for membership in memberships:
            post = self.posts.get(membership.post or "")
            org_id = membership.organisation or (post.organisation if post else None)
            area_id = membership.area or (post.area if post else None)
            if org_id is not None and org_id in councils and area_id is not None:
                linked.setdefault(area_id, set()).add(org_id)
        for post in self.posts.values():
            org_id = post.organisation
            if org_id is not None and org_id in councils and post.area is not None:
                linked.setdefault(post.area, set()).add(org_id)
        return linked

    def area(self, placed: PlacedArea) -> Area | None:
        """Build an area of a municipality with the areas placed below it.

        The placement nests areas at most MAX_AREA_DEPTH deep, so the recursion is
        bounded; an area it cut is a problem at its ``parent_id``.
        """
        record = self.areas[placed.id]
        level, code = self.level(record)
        inner = [built for child in placed.areas if (built := self.area(child)) is not None]
        for cut in placed.too_deep:
            self.too_deep(self.areas[cut])
        return self.check.build(
            record.path,
            Area,
            id=self.ids["area", record.id],
            name=record.name,
            level=level,
            code=code,
            areas=tuple(inner),
            identifiers=(record.own,),
        )

    def too_deep(self, area: _Area) -> None:
        """Refuse an area nested too deep (the placement leaves out the areas below it)."""
        self.check.problems.append(
            Problem(
                path=f"{area.path}.parent_id",
                code="too-deep",
                message=(
                    f"areas nest more than {MAX_AREA_DEPTH} levels deep here, through their "
                    f"parent_id; at most {MAX_AREA_DEPTH} levels are accepted"
                ),
                file=self.source,
            )
        )

    def level(self, area: _Area) -> tuple[AreaLevel, str | None]:
        classification = normalise(area.classification or "")
        level = AREA_LEVELS.get(classification)
        if level is None:
            level = AreaLevel.GEBIED
            if area.classification is not None:
                self.skip(
                    "area.classification",
                    "area classifications without a matching level; the area was imported "
                    "as a gebied",
                    f"{area.path}.classification",
                    area.classification,
                )
        code = area.identifier
        if code is not None:
            try:
                Area(id="x", name="x", level=level, code=code)
            except ValueError:
                self.skip(
                    "area.identifier",
                    "area identifiers that are not a valid code for the area's level (a wijk "
                    "code looks like WK050300)",
                    f"{area.path}.identifier",
                    code,
                )
                code = None
        return level, code

    def cbs_code(self, org: _Org) -> str | None:
        for identifier in org.identifiers:
            value = identifier.identifier.upper()
            if (
                identifier.scheme == "cbs" or _CBS_CODE.fullmatch(value)
            ) and reference.is_known_code(value):
                record = reference.by_code(value)
                if org.name and normalise(org.name) != normalise(record.name):
                    self.report.note(
                        f"{org.path} ('{org.name}') carries the CBS code {record.cbs_code}; "
                        f"the municipality takes the CBS name '{record.name}'"
                    )
                return record.cbs_code
        return None

    def organisations(
        self, municipalities: Mapping[str, Municipality], places: Mapping[str, str]
    ) -> list[Organisation]:
        made: list[Organisation] = []
        for org in self.orgs.values():
            own = self.ids.get(("org", org.id))
            if (
                org.kind not in {"party", "organisation"}
                or org.actor is None
                or own is None
                or org.name is None
            ):
                continue
            municipality = parent = None
            if org.parent is not None:
                target = self.orgs.get(org.parent)
                if org.parent in municipalities:
                    municipality = municipalities[org.parent].id
                elif (
                    target is not None
                    and target.kind in {"party", "organisation"}
                    and ("org", org.parent) in self.ids
                ):
                    parent = self.ids["org", org.parent]
                else:
                    self.skip(
                        "organization.parent_id",
                        "parents that are not an imported organization or council",
                        f"{org.path}.parent_id",
                        org.parent,
                    )
            areas: tuple[str, ...] = ()
            if org.area is not None:
                area = self.ids.get(("area", org.area))
                if area is not None and area in places:
                    areas = (area,)
                else:
                    self.skip(
                        "organization.area_id",
                        "the area of an organization that is not an imported area of a "
                        "municipality",
                        f"{org.path}.area_id",
                        org.area,
                    )
            built = self.check.build(
                org.path,
                Organisation,
                id=own,
                name=org.name,
                kind=org.actor,
                municipality=municipality,
                areas=areas,
                parent=parent,
                description=org.description,
                contact=org.contact,
                identifiers=tuple(unique([org.own, *org.identifiers])),
            )
            if built is not None:
                made.append(built)
        return made

    def faction(self, council: str, municipality: Municipality, party: _Org) -> str | None:
        """The faction of a party in a council, made when first named (None if it cannot be)."""
        key = (council, party.id)
        faction = self.factions.get(key)
        if faction is None:
            faction = self.check.build(
                party.path,
                Faction,
                id=self.take(f"{municipality.id}-{party.id}", fallback=municipality.id),
                name=party.name or party.id,
                party=self.ids["org", party.id],
            )
            if faction is None:
                return None
            self.factions[key] = faction
        return faction.id

    def roles(
        self,
        memberships: list[_Membership],
        people: Mapping[str, str],
        municipalities: Mapping[str, Municipality],
        places: Mapping[str, str],
    ) -> list[Role]:
        roles: list[Role] = []
        for membership in memberships:
            role = self.role(membership, people, municipalities, places)
            if role is not None:
                roles.append(role)
        kept, repeated = drop_repeats(roles)
        for role, extra in repeated:
            self.report.skip(
                "membership.repeated",
                "memberships that repeat another one exactly; kept once",
                f"{self.name}: {role.holder} {role.kind.value} at {role.at}",
                count=extra,
            )
        return kept

    def holder(self, membership: _Membership, people: Mapping[str, str]) -> str | None:
        """The person, or the organisation, that holds the membership."""
        path = membership.path
        if membership.person is None and membership.member is not None:
            org = self.orgs.get(membership.member)
            own = self.ids.get(("org", membership.member))
            if org is not None and own is not None and org.kind in {"party", "organisation"}:
                return own
            self.skip(
                "membership.member",
                "memberships of an organization that holds no role in the model (one that was "
                "not imported, a council or a faction); not imported",
                f"{path}.member",
                membership.member,
            )
            return None
        holder = people.get(membership.person or "")
        if holder is None:
            self.skip(
                "membership.person",
                "memberships of a person who is not in the document; not imported",
                f"{path}.person_id",
                membership.person,
            )
        return holder

    def role(
        self,
        membership: _Membership,
        people: Mapping[str, str],
        municipalities: Mapping[str, Municipality],
        places: Mapping[str, str],
    ) -> Role | None:
        path = membership.path
        post = self.posts.get(membership.post or "")
        if membership.post is not None and post is None:
            self.skip(
                "membership.post_id",
                "posts that memberships name but the document does not hold",
                f"{path}.post_id",
                membership.post,
            )
        org_id = membership.organisation or (post.organisation if post else None)
        org = self.orgs.get(org_id or "")
        if org_id is not None and (
            org is None
            or ("org", org.id) not in self.ids
            or (org.kind == "council" and org.id not in municipalities)
        ):
            self.skip(
                "membership.organization",
                "memberships of an organization that was not imported (missing, unknown, or "
                "of another classification)",
                f"{path}.organization_id",
                org_id,
            )
            return None
        holder = self.holder(membership, people)
        if holder is None:
            return None
        text = membership.role or (post.role if post else None)
        label = membership.label or (post.label if post else None)
        read = read_role(text or label, ROLE_TEXTS)
        title = read.title
        if not read.recognised:
            self.skip(
                "role.text",
                "role texts that match no role kind; the role was imported as 'lid' with the "
                "text as its title",
                f"{path}.role",
                text or label or "(no role given)",
            )
        if text and label and normalise(label) != normalise(text):
            if title is None:
                title = label
            else:
                self.skip(
                    "membership.label",
                    "membership labels that differ from the role, where the role already "
                    "gave the title",
                    f"{path}.label",
                    label,
                )
        at, on_behalf_of = self.place(membership, post, org, read.kind, municipalities, places)
        dates: dict[str, Any] = {}
        for key, value in (("start", membership.start), ("end", membership.end)):
            if value is None:
                continue
            day = parse_date(value)
            if day is None:
                self.skip(
                    "membership.date",
                    "dates that are not full ISO dates (YYYY-MM-DD); the role was imported "
                    "without them",
                    f"{path}.{key}_date",
                    value,
                )
            dates[key] = day
        return self.check.build(
            path,
            Role,
            holder=holder,
            kind=read.kind,
            at=at,
            on_behalf_of=on_behalf_of,
            title=title,
            identifiers=membership.identifiers,
            **dates,
        )

    def place(
        self,
        membership: _Membership,
        post: _Post | None,
        org: _Org | None,
        kind: RoleKind,
        municipalities: Mapping[str, Municipality],
        places: Mapping[str, str],
    ) -> tuple[str | None, str | None]:
        """Where a membership's role is held, and on behalf of what: ``(at, on_behalf_of)``."""
        on_behalf = self.on_behalf_of(membership)
        council = org if org is not None and org.kind == "council" else None
        faction: str | None = None
        other: str | None = None
        if on_behalf is not None:
            own = self.ids["org", on_behalf.id]
            if on_behalf.kind == "faction":
                faction = own
            elif on_behalf.kind == "party" and council is not None:
                faction = self.faction(council.id, municipalities[council.id], on_behalf)
            else:
                other = own
        area = membership.area or (post.area if post else None)
        if council is None:
            if membership.area is not None:
                self.skip(
                    "membership.area_id",
                    "the area a membership represents (a ward); a role has no area",
                    f"{membership.path}.area_id",
                    membership.area,
                )
            at = None if org is None else self.ids["org", org.id]
            return at, faction or other
        municipality = municipalities[council.id]
        here: str | None = None
        if area is not None:
            if area == council.area:
                here = municipality.id
            elif self.ids.get(("area", area)) in places:
                here = self.ids["area", area]
        at, on_behalf_of = place_role(kind, municipality, faction, on_behalf_of=other, area=here)
        if membership.area is not None and at != here:
            self.skip(
                "membership.area_id",
                "the area a membership represents (a ward); a role has no area",
                f"{membership.path}.area_id",
                membership.area,
            )
        return at, on_behalf_of

    def on_behalf_of(self, membership: _Membership) -> _Org | None:
        if membership.on_behalf_of is None:
            return None
        org = self.orgs.get(membership.on_behalf_of)
        if org is not None and org.placeholder:
            self.skip(
                "membership.party-unknown",
                "memberships on behalf of the 'unknown' placeholder party; imported without "
                "a party",
                f"{membership.path}.on_behalf_of_id",
                membership.on_behalf_of,
            )
            return None
        if org is None or ("org", org.id) not in self.ids:
            self.skip(
                "membership.on_behalf_of",
                "memberships on behalf of an organization that was not imported; imported "
                "without it",
                f"{membership.path}.on_behalf_of_id",
                membership.on_behalf_of,
            )
            return None
        return org

    def notes(self, municipalities: list[Municipality]) -> None:
        if not municipalities:
            return
        without = [m for m in municipalities if m.cbs_code is None]
        if without:
            self.report.note(
                f"{len(without)} of {len(municipalities)} councils were imported as "
                "municipalities without a CBS code (their organizations carry none), named as "
                "in the data"
            )
        counted = [m for m in municipalities if m.council.seats is not None]
        self.report.note(
            "Popolo gives no seat counts: the seats of each council "
            f"({len(counted)} of {len(municipalities)} have any) are the number of distinct "
            "people holding a current raadslid role in it, and each faction's seats the number "
            "of those on its behalf"
        )

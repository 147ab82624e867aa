"""Import the composition of a council from Open Raadsinformatie.

Open Raadsinformatie (Open State Foundation, VNG) publishes council data as a
Dutch dialect of Popolo, in pairs of files: ``<place>_persons.json`` and
``<place>_organisations.json``. Persons carry their memberships inline; roles
are Dutch free text (Raadslid, Fractievoorzitter, Wethouder, Burgemeester,
Locoburgemeester, Raadsgriffier, Secretaris); organisations are classified
Municipality, Council, Party or committee; both files carry a ``meta`` block
from the search index that produced them.

A pair becomes a :class:`~democratie.model.Landscape` with

- one :class:`~democratie.model.Municipality`, matched to the CBS list of 2025
  by name (:func:`democratie.reference.resolve`), with its council and college;
- a :class:`~democratie.model.Faction` for every Party organisation, with the
  id ``<municipality>-<party id>``;
- an :class:`~democratie.model.Organisation` of kind ``overheidsorganisatie``
  (sector overheid) for every committee, as a body of the municipality;
- a :class:`~democratie.model.Person` for every person, with the source ids as
  identifiers of scheme ``ori`` (and the other schemes the file gives, such as
  ``almanak``) and the e-mail address as a private contact detail;
- a :class:`~democratie.model.Role` for every position, placed where the office
  sits: burgemeester, waarnemend burgemeester, locoburgemeester, wethouder and
  gemeentesecretaris in the college; raadslid, griffier and the rest in the
  council, on behalf of their faction; a fractievoorzitter at the faction.

The council's seats are counted from the data (distinct current raadsleden),
because Open Raadsinformatie gives no seat count; the report says so. Whatever
has no place in the model (gender, the search-index ``meta`` blocks, records
without an id) is counted in the report, never dropped silently.

Examples
--------
>>> persons = {"persons": [{
...     "id": "p1", "name": "Dhr. J. Tuinman",
...     "memberships": [
...         {"organisation_id": "gemeente-heerde-heerde-gld", "role": "Raadslid",
...          "organisation": {"id": "gemeente-heerde-heerde-gld", "classification": "Council",
...                           "name": "Gemeente Heerde (Heerde) (GLD)"}},
...         {"organisation_id": "cda", "role": "Raadslid",
...          "organisation": {"id": "cda", "classification": "Party", "name": "CDA"}}]}]}
>>> result = import_ori(persons)
>>> land = result.landscape
>>> land.get("heerde").cbs_code, land.get("heerde-raad").seats
('GM0246', 1)
>>> role = land.roles[0]
>>> role.kind.value, role.at, role.on_behalf_of
('raadslid', 'heerde-raad', 'heerde-cda')
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

from attrs import evolve, field, frozen

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
    read_identifiers,
    read_json,
    read_role,
    source_title,
    unique,
)
from democratie.importers._placement import count_seats, drop_repeats, place_role
from democratie.importers._result import ImportResult
from democratie.io import MAX_BYTES
from democratie.model import (
    ContactDetail,
    Faction,
    Identifier,
    Municipality,
    Organisation,
    Person,
    Role,
    Source,
)
from democratie.vocab import ActorKind, ContactKind, RoleKind

__all__ = ["FORMAT", "ROLE_TEXTS", "detect", "import_ori", "load_ori", "partner_paths"]

#: The format name, as used in reports and by the plugin system.
FORMAT = "ori"

#: How the Dutch role texts of Open Raadsinformatie map onto role kinds (keys normalised:
#: lower case, hyphens as spaces). Texts not listed here are also matched against the slug
#: and the labels of every :class:`~democratie.vocab.RoleKind`.
ROLE_TEXTS: Mapping[str, RoleKind] = {
    "burgemeester": RoleKind.BURGEMEESTER,
    "burgemeester waarnemend": RoleKind.WAARNEMEND_BURGEMEESTER,
    "waarnemend burgemeester": RoleKind.WAARNEMEND_BURGEMEESTER,
    "locoburgemeester": RoleKind.LOCOBURGEMEESTER,
    "loco burgemeester": RoleKind.LOCOBURGEMEESTER,
    "wethouder": RoleKind.WETHOUDER,
    "raadslid": RoleKind.RAADSLID,
    "lid van de raad": RoleKind.RAADSLID,
    "lid gemeenteraad": RoleKind.RAADSLID,
    "fractievoorzitter": RoleKind.FRACTIEVOORZITTER,
    "raadsgriffier": RoleKind.GRIFFIER,
    "griffier": RoleKind.GRIFFIER,
    # In the Almanak that Open Raadsinformatie draws on, the "Secretaris" of a
    # municipality is its gemeentesecretaris.
    "secretaris": RoleKind.GEMEENTESECRETARIS,
    "gemeentesecretaris": RoleKind.GEMEENTESECRETARIS,
    "burgerlid": RoleKind.BURGERLID,
    "burgercommissielid": RoleKind.BURGERLID,
    "commissielid": RoleKind.LID,
}

_Kind = Literal["municipality", "council", "party", "committee", "other"]
_CLASSIFICATIONS: Mapping[str, _Kind] = {
    "municipality": "municipality",
    "gemeente": "municipality",
    "council": "council",
    "gemeenteraad": "council",
    "party": "party",
    "partij": "party",
    "fractie": "party",
    "committee": "committee",
    "commissie": "committee",
    "raadscommissie": "committee",
}
_COUNCIL_NAME = re.compile(r"gemeente\s+(.+?)\s*\((.+?)\)", re.IGNORECASE)
_SUFFIX = re.compile(r"\s*\(gemeente\)\s*$", re.IGNORECASE)

_PERSON_KEYS = frozenset({"id", "name", "email", "identifiers", "memberships"})
_MEMBERSHIP_KEYS = frozenset(
    {"organisation_id", "organisation", "person_id", "role", "label", "start_date", "end_date"}
)
_ORGANISATION_KEYS = frozenset({"id", "name", "classification", "description", "identifiers"})

_WHY = {
    "meta": "search-index metadata of Open Raadsinformatie (query time, urls, processing times)",
    "gender": "the gender of a person; the model has no field for it",
}


# -- detection and files -----------------------------------------------------------------


def detect(data: object) -> bool:
    """Tell whether parsed JSON is an Open Raadsinformatie persons or organisations file.

    The dialect is recognised by its British spelling: a top-level
    ``organisations`` list, or persons whose inline memberships name an
    ``organisation``. A standard Popolo document (``organizations``, top-level
    ``memberships``) is not taken for one.

    Examples
    --------
    >>> detect({"meta": {}, "organisations": []})
    True
    >>> detect({"persons": [{"id": "p", "name": "A", "memberships": [
    ...     {"organisation_id": "raad", "role": "Raadslid"}]}]})
    True
    >>> detect({"persons": [], "organizations": [], "memberships": []})
    False
    """
    if not isinstance(data, dict):
        return False
    popolo_keys = {"organizations", "memberships", "posts", "areas", "events", "format"}
    if popolo_keys & data.keys():
        return False
    if isinstance(data.get("organisations"), list):
        return "persons" not in data or isinstance(data["persons"], list)
    persons = data.get("persons")
    if not isinstance(persons, list):
        return False
    for person in persons:
        memberships = person.get("memberships") if isinstance(person, dict) else None
        if isinstance(memberships, list):
            for membership in memberships:
                if isinstance(membership, dict) and (
                    "organisation_id" in membership or "organisation" in membership
                ):
                    return True
    return False


def partner_paths(path: str | os.PathLike[str]) -> tuple[str, tuple[Path, ...]]:
    """Tell which file of a pair *path* is, by its name, and where its partner may be.

    Returns ``("persons", candidates)`` for a persons file, ``("organisations",
    candidates)`` for an organisations file and ``("unknown", ())`` for a name
    that says neither.

    Examples
    --------
    >>> which, places = partner_paths("data/heerde_persons.json")
    >>> which, [p.as_posix() for p in places]
    ('persons', ['data/heerde_organisations.json', 'data/heerde_organizations.json'])
    >>> partner_paths("utrecht_organisations.json")[1][0].name
    'utrecht_persons.json'
    """
    own = Path(path)
    name = own.name
    for spelling in ("organisations", "organizations"):
        at = name.rfind(spelling)
        if at >= 0:
            return "organisations", (
                own.with_name(name[:at] + "persons" + name[at + len(spelling) :]),
            )
    at = name.rfind("persons")
    if at >= 0:
        return "persons", tuple(
            own.with_name(name[:at] + spelling + name[at + len("persons") :])
            for spelling in ("organisations", "organizations")
        )
    return "unknown", ()


def load_ori(
    persons_path: str | os.PathLike[str],
    organisations_path: str | os.PathLike[str] | None = None,
    *,
    merge_people: bool = True,
    max_bytes: int = MAX_BYTES,
) -> ImportResult:
    """Load an Open Raadsinformatie pair of files as a landscape.

    Parameters
    ----------
    persons_path
        The persons file (``heerde_persons.json``). The organisations file may be
        given here instead: the pair is told apart by content.
    organisations_path
        The organisations file. By default it is found next to the other by
        name: ``heerde_persons.json`` goes with ``heerde_organisations.json``.
    merge_people
        Merge person records that are the same person in two positions; see
        :func:`import_ori`.
    max_bytes
        Refuse files larger than this.

    Returns
    -------
    ImportResult
        The landscape (its sources name both files) and the import report.

    Raises
    ------
    LoadError
        When a file is missing, unreadable, not JSON, or not shaped like Open
        Raadsinformatie data; every problem is located by file and JSON path.

    Examples
    --------
    >>> import json, tempfile
    >>> from pathlib import Path
    >>> council = {"id": "raad", "classification": "Council",
    ...            "name": "Gemeente Heerde (Heerde) (GLD)"}
    >>> persons = {"persons": [{"id": "p1", "name": "Dhr. J. Tuinman", "memberships": [
    ...     {"organisation_id": "raad", "role": "Raadslid"}]}]}
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     _ = Path(folder, "heerde_persons.json").write_text(json.dumps(persons))
    ...     _ = Path(folder, "heerde_organisations.json").write_text(
    ...         json.dumps({"organisations": [council]}))
    ...     result = load_ori(Path(folder, "heerde_persons.json"))
    >>> result.report.sources
    ('heerde_persons.json', 'heerde_organisations.json')
    >>> [(role.kind.value, role.at) for role in result.landscape.roles]
    [('raadslid', 'heerde-raad')]
    """
    first = os.fspath(persons_path)
    first_doc = read_json(first, max_bytes=max_bytes)
    if organisations_path is None:
        which, candidates = partner_paths(first)
        if which == "unknown":
            which = "organisations" if _is_organisations(first_doc) else "persons"
            candidates = ()
        second_path = next((str(c) for c in candidates if c.is_file()), None)
        if second_path is None:
            wanted = "organisations" if which == "persons" else "persons"
            looked = " or ".join(f"'{c.name}'" for c in candidates)
            message = (
                f"the {wanted} file that belongs with this {which} file was not found"
                + (f" (looked for {looked} next to it)" if looked else "")
                + f"; pass it as {_ARGUMENT[wanted]}"
            )
            raise LoadError([Problem(path="", code="io-error", message=message, file=first)])
    else:
        second_path = os.fspath(organisations_path)
    second_doc = read_json(second_path, max_bytes=max_bytes)
    pairs = [(first, first_doc), (second_path, second_doc)]
    if _is_organisations(first_doc) and not _is_organisations(second_doc):
        pairs.reverse()
    (persons_name, persons_doc), (organisations_name, organisations_doc) = pairs
    return import_ori(
        persons_doc,
        organisations_doc,
        persons_source=persons_name,
        organisations_source=organisations_name,
        merge_people=merge_people,
    )


_ARGUMENT = {"organisations": "organisations_path", "persons": "persons_path"}


def _is_organisations(doc: object) -> bool:
    return isinstance(doc, dict) and "organisations" in doc and "persons" not in doc


# -- reading the source ------------------------------------------------------------------


@frozen(kw_only=True)
class _Org:
    id: str
    own: Identifier
    name: str | None
    kind: _Kind
    classification: str | None
    description: str | None
    identifiers: tuple[Identifier, ...]
    #: The file it was read from (the organisations file, or a membership in the persons file).
    checker: Checker = field(eq=False)
    path: str

    @property
    def where(self) -> str:
        return f"{self.checker.name}: {self.path}"


@frozen(kw_only=True)
class _Membership:
    organisation: str
    role: str | None
    label: str | None
    start: str | None
    end: str | None
    path: str


@frozen(kw_only=True)
class _Record:
    id: str
    own: Identifier
    name: str
    contact: tuple[ContactDetail, ...]
    identifiers: tuple[Identifier, ...]
    memberships: tuple[_Membership, ...]
    path: str


class _Reader:
    """Reads both files into plain records, checking structure and noting the unmapped."""

    def __init__(self, report: ReportBuilder, persons: Checker, organisations: Checker) -> None:
        self.report = report
        self.persons = persons
        self.organisations = organisations
        self.orgs: dict[str, _Org] = {}
        self.inline: dict[str, _Org] = {}

    def extra(
        self,
        checker: Checker,
        thing: str,
        record: Mapping[str, Any],
        path: str,
        known: frozenset[str],
    ) -> None:
        for key, value in record.items():
            if key in known or is_empty(value):
                continue
            why = _WHY.get(key, f"the '{key}' of {_article(thing)}; the model has no field for it")
            self.report.skip(
                f"{thing}.{key}",
                why,
                f"{checker.name}: {path}.{key}"
                + ("" if key == "meta" else f" = {describe(value)}"),
            )

    def document(
        self, checker: Checker, doc: object, key: str, what: str
    ) -> list[tuple[str, dict[str, Any]]]:
        top = checker.record(doc, "", f"an Open Raadsinformatie {key} file")
        if top is None:
            return []
        for name, value in top.items():
            if name == key or is_empty(value):
                continue
            why = _WHY["meta"] if name == "meta" else f"a top-level '{name}' entry"
            self.report.skip(f"document.{name}", why, f"{checker.name}: {name}")
        found = checker.records(top, key, "", what, required=True)
        meta = top.get("meta")
        total = meta.get("total") if isinstance(meta, dict) else None
        if isinstance(total, int) and not isinstance(total, bool) and total != len(found):
            self.report.note(
                f"{checker.name}: the meta block counts {total} {key}, the file holds "
                f"{len(found)}; the {len(found)} in the file were read"
            )
        return found

    def read_organisations(self, doc: object) -> None:
        checker = self.organisations
        for path, record in self.document(checker, doc, "organisations", "organisation"):
            org = self._organisation(checker, record, path)
            if org is None:
                continue
            if org.id in self.orgs:
                checker.fail(
                    f"{path}.id",
                    f"the id '{org.id}' is already used at {self.orgs[org.id].where}",
                    code="duplicate-id",
                )
                continue
            self.orgs[org.id] = org
            self.extra(checker, "organisation", record, path, _ORGANISATION_KEYS)

    def _organisation(
        self, checker: Checker, record: Mapping[str, Any], path: str, id_at: str | None = None
    ) -> _Org | None:
        """Read an organisation record; *id_at* is where its id is, when not under *path*."""
        org_id = checker.text(record, "id", path)
        name = checker.text(record, "name", path)
        classification = checker.text(record, "classification", path)
        description = checker.text(record, "description", path)
        identifiers = read_identifiers(checker, record, path)
        if org_id is None:
            label = name or description or "no name"
            self.report.skip(
                "organisation.no-id",
                "organisation records without an id: nothing can refer to them",
                f"{checker.name}: {path} ({classification or 'unclassified'}, {label})",
            )
            return None
        own = checker.source_id(id_at or f"{path}.id", "ori", org_id)
        if own is None:
            return None
        kind = _CLASSIFICATIONS.get((classification or "").casefold(), "other")
        return _Org(
            id=org_id,
            own=own,
            name=name,
            kind=kind,
            classification=classification,
            description=description,
            identifiers=tuple(identifiers),
            checker=checker,
            path=path,
        )

    def read_persons(self, doc: object) -> list[_Record]:
        checker = self.persons
        records: list[_Record] = []
        seen: dict[str, str] = {}
        for path, record in self.document(checker, doc, "persons", "person"):
            person_id = checker.text(record, "id", path, required=True)
            name = checker.text(record, "name", path, required=True)
            email = checker.text(record, "email", path)
            contact = None
            if email is not None:
                contact = checker.value(
                    f"{path}.email", ContactDetail, kind=ContactKind.EMAIL, value=email
                )
            identifiers = read_identifiers(checker, record, path)
            memberships = self._memberships(record, path, person_id)
            self.extra(checker, "person", record, path, _PERSON_KEYS)
            if person_id is None or name is None:
                continue
            if person_id in seen:
                checker.fail(
                    f"{path}.id",
                    f"the id '{person_id}' is already used at {seen[person_id]}",
                    code="duplicate-id",
                )
                continue
            seen[person_id] = path
            own = checker.source_id(f"{path}.id", "ori", person_id)
            if own is None:
                continue
            records.append(
                _Record(
                    id=person_id,
                    own=own,
                    name=name,
                    contact=() if contact is None else (contact,),
                    identifiers=tuple(identifiers),
                    memberships=tuple(memberships),
                    path=path,
                )
            )
        return records

    def _memberships(
        self, record: Mapping[str, Any], path: str, person_id: str | None
    ) -> list[_Membership]:
        checker = self.persons
        found: list[_Membership] = []
        for here, item in checker.records(record, "memberships", path, "membership"):
            inline = item.get("organisation")
            inline_record = None
            if inline is not None:
                inline_record = checker.record(inline, f"{here}.organisation", "an organisation")
            org_id = checker.text(item, "organisation_id", here)
            id_at = f"{here}.organisation_id"
            if org_id is None and inline_record is not None:
                org_id = checker.text(inline_record, "id", f"{here}.organisation")
                id_at = f"{here}.organisation.id"
            if org_id is None:
                checker.fail(
                    f"{here}.organisation_id",
                    "a membership needs the id of its organisation",
                    code="missing-key",
                )
                continue
            owner = checker.text(item, "person_id", here)
            if owner is not None and person_id is not None and owner != person_id:
                checker.fail(
                    f"{here}.person_id",
                    f"the membership names person '{owner}' but sits in person '{person_id}'",
                    code="invalid-value",
                )
            if inline_record is not None and org_id not in self.inline:
                org = self._organisation(
                    checker, {**inline_record, "id": org_id}, f"{here}.organisation", id_at
                )
                if org is not None:
                    self.inline[org_id] = org
            found.append(
                _Membership(
                    organisation=org_id,
                    role=checker.text(item, "role", here),
                    label=checker.text(item, "label", here),
                    start=checker.text(item, "start_date", here),
                    end=checker.text(item, "end_date", here),
                    path=here,
                )
            )
            self.extra(checker, "membership", item, here, _MEMBERSHIP_KEYS)
        return found


def _article(thing: str) -> str:
    return f"an {thing}" if thing[0] in "aeiou" else f"a {thing}"


# -- the import --------------------------------------------------------------------------


def import_ori(
    persons: object,
    organisations: object | None = None,
    *,
    persons_source: str = "persons.json",
    organisations_source: str = "organisations.json",
    merge_people: bool = True,
) -> ImportResult:
    """Turn parsed Open Raadsinformatie data into a landscape.

    Parameters
    ----------
    persons
        The parsed persons file: ``{"meta": ..., "persons": [...]}``.
    organisations
        The parsed organisations file: ``{"meta": ..., "organisations": [...]}``.
        Without it, the organisations are taken from the memberships, which
        name each organisation with its classification (committees and the
        municipality's CBS code then stay unknown).
    persons_source, organisations_source
        The names of the files, for error messages and provenance.
    merge_people
        The Almanak that Open Raadsinformatie draws on lists one record per
        position, so a fractievoorzitter appears once as raadslid and once as
        fractievoorzitter, and a locoburgemeester once more as wethouder. When
        True (the default), records with the same name and the same party whose
        positions differ become one person, with every source id kept as an
        identifier; the report says how many were merged. Records that share a
        position are never merged: two raadsleden are two people.

    Returns
    -------
    ImportResult
        The landscape and the import report.

    Raises
    ------
    LoadError
        When the data is not shaped like Open Raadsinformatie data (a person
        without an id or a name, a membership without an organisation, a text
        where a list belongs), with every problem located; or when it names no
        municipality.
    """
    sources = [Path(persons_source).name]
    if organisations is not None:
        sources.append(Path(organisations_source).name)
    report = ReportBuilder(FORMAT, sources)
    person_checker = Checker(persons_source)
    org_checker = Checker(organisations_source)
    reader = _Reader(report, person_checker, org_checker)
    if organisations is not None:
        reader.read_organisations(organisations)
    records = reader.read_persons(persons)
    raise_problems([person_checker, org_checker])

    orgs = dict(reader.orgs)
    from_memberships = [org for key, org in reader.inline.items() if key not in orgs]
    for org in from_memberships:
        orgs[org.id] = org
    if from_memberships and organisations is not None:
        report.note(
            f"{len(from_memberships)} organisations named in memberships are missing from "
            f"the organisations file; they were taken from the memberships: "
            + ", ".join(f"'{org.id}'" for org in from_memberships[:5])
        )
    return _Builder(report, orgs, person_checker, org_checker, sources).run(records, merge_people)


class _Builder:
    def __init__(
        self,
        report: ReportBuilder,
        orgs: dict[str, _Org],
        persons: Checker,
        organisations: Checker,
        sources: Sequence[str],
    ) -> None:
        self.report = report
        self.orgs = orgs
        self.persons = persons
        self.organisations = organisations
        self.sources = sources
        self.pool = IdPool(report)
        self.factions: dict[str, str] = {}
        self.committees: dict[str, str] = {}
        #: Where the council is in the data, for problems with its seats.
        self.council_place: tuple[Checker, str] = (organisations, "organisations")

    def run(self, records: list[_Record], merge_people: bool) -> ImportResult:
        municipality = self.municipality()
        factions = self.make_factions(municipality)
        municipality = evolve(municipality, council=evolve(municipality.council, factions=factions))
        committees = self.make_committees(municipality)
        self.report_other_organisations()
        groups = self.group(records) if merge_people else [[record] for record in records]
        people: list[Person] = []
        roles: list[Role] = []
        for group in groups:
            person = self.make_person(group)
            if person is None:
                continue
            people.append(person)
            for record in group:
                roles.extend(self.make_roles(record, person.id, municipality))
        raise_problems([self.persons, self.organisations])
        merged = [group for group in groups if len(group) > 1]
        if merged:
            shown = ", ".join(f"'{group[0].name}'" for group in merged[:5])
            self.report.note(
                f"{sum(len(group) for group in merged)} person records were merged into "
                f"{_count(len(merged), 'person', 'people')}: records with the same name and "
                "party that hold different positions (every source id is kept as an "
                f"identifier): {shown}"
            )
        roles = self.without_repeats(roles)
        checker, path = self.council_place
        municipality = count_seats(municipality, roles, checker, path)
        raise_problems([self.persons, self.organisations])
        self.note_seats(municipality)
        self.pool.finish()
        landscape = make_landscape(
            self.sources,
            title=f"{municipality.name}: council and college from Open Raadsinformatie",
            sources=self.provenance(len(records)),
            municipalities=(municipality,),
            organisations=tuple(committees),
            people=tuple(people),
            roles=tuple(roles),
        )
        return ImportResult(landscape=landscape, report=self.report.build())

    # -- the municipality ------------------------------------------------------------------

    def municipality(self) -> Municipality:
        own = [org for org in self.orgs.values() if org.kind == "municipality"]
        councils = [org for org in self.orgs.values() if org.kind == "council"]
        if len(own) > 1:
            self.organisations.fail(
                "organisations",
                f"{len(own)} organisations are classified Municipality "
                f"({', '.join(org.where for org in own)}); an Open Raadsinformatie pair "
                "describes one municipality",
                code="invalid-value",
            )
        # Each name the municipality may have, with the organisation field it comes from.
        origins: dict[str, tuple[_Org, str]] = {}
        for org in own:
            for key, text in (("name", org.name), ("description", org.description)):
                if text:
                    for name in (text, _SUFFIX.sub("", text)):
                        origins.setdefault(name, (org, key))
                    break
        for org in councils:
            for key, text in (("name", org.name), ("description", org.description)):
                match = _COUNCIL_NAME.match(text or "")
                if match is not None:
                    for name in match.group(1, 2):
                        origins.setdefault(name, (org, key))
        names = [name for name in origins if name.strip()]
        if not names:
            self.organisations.fail(
                "organisations",
                "no organisation classified Municipality or Council (named like 'Gemeente "
                "Heerde (Heerde) (GLD)') says which municipality this is",
                code="missing-key",
            )
        raise_problems([self.persons, self.organisations])
        codes = unique(
            identifier.identifier.upper()
            for org in own
            for identifier in org.identifiers
            if identifier.scheme == "cbs"
        )
        identifiers = unique(
            identifier for org in [*own, *councils] for identifier in (org.own, *org.identifiers)
        )
        place = next(iter([*councils, *own]), None)
        if place is not None:
            self.council_place = (place.checker, place.path)
        for org in councils:
            if org.name and not _COUNCIL_NAME.fullmatch(org.name.strip()):
                continue
            self.report.skip(
                "council.name",
                "the name of the council organisation; the model names a council after "
                "its municipality (its id is kept as an identifier of the municipality)",
                f"{org.where}.name = {describe(org.name)}",
            )
        for org in own:
            if org.description and org.description != org.name:
                self.report.skip(
                    "municipality.description",
                    "the description of the municipality (such as its founding date); the "
                    "model has no field for it",
                    f"{org.where}.description = {describe(org.description)}",
                )
        record = self.match(names, codes)
        if record is None:
            name = names[0]
            mun_id = self.pool.take(name, fallback="gemeente")
            self.report.note(
                f"'{name}' is not in the CBS list of {reference.REFERENCE_YEAR}; the "
                "municipality is imported without a CBS code"
            )
            org, key = origins[name]
            made = org.checker.value(
                f"{org.path}.{key}",
                Municipality,
                id=mun_id,
                name=name,
                identifiers=tuple(identifiers),
            )
        else:
            mun_id = self.pool.take(record.name, fallback=record.cbs_code)
            made = self.organisations.build(
                "organisations",
                Municipality,
                id=mun_id,
                cbs_code=record.cbs_code,
                identifiers=tuple(identifiers),
            )
        raise_problems([self.persons, self.organisations])
        assert made is not None
        self.pool.reserve(made.council_id, made.college_id)
        return made

    def match(self, names: list[str], codes: list[str]) -> reference.MunicipalityRecord | None:
        for name in names:
            try:
                record = reference.resolve(name)
            except LookupError:
                continue
            self.report.note(
                f"'{names[0]}' was matched by name to {record.name} ({record.cbs_code}) in the "
                f"CBS list of {reference.REFERENCE_YEAR}"
            )
            for code in codes:
                if code != record.cbs_code:
                    self.report.note(
                        f"the data gives the CBS code {code}; the name matches "
                        f"{record.cbs_code}, which is used"
                    )
            return record
        for code in codes:
            if reference.is_known_code(code):
                record = reference.by_code(code)
                self.report.note(
                    f"no name in the data matches the CBS list of {reference.REFERENCE_YEAR}; "
                    f"the CBS code {code} in the data gives {record.name}"
                )
                return record
        return None

    # -- factions and committees -----------------------------------------------------------

    def make_factions(self, municipality: Municipality) -> tuple[Faction, ...]:
        factions: list[Faction] = []
        for org in self.orgs.values():
            if org.kind != "party":
                continue
            name = org.name or org.description or org.id
            faction_id = self.pool.take(f"{municipality.id}-{org.id}", fallback=municipality.id)
            if org.description and org.name and org.description != org.name:
                self.report.skip(
                    "party.description",
                    "the description of a party; a faction has no description",
                    f"{org.where}.description = {describe(org.description)}",
                )
            faction = org.checker.build(
                org.path,
                Faction,
                id=faction_id,
                name=name,
                identifiers=tuple(unique([org.own, *org.identifiers])),
            )
            if faction is not None:
                self.factions[org.id] = faction_id
                factions.append(faction)
        return tuple(factions)

    def make_committees(self, municipality: Municipality) -> list[Organisation]:
        committees: list[Organisation] = []
        for org in self.orgs.values():
            if org.kind != "committee":
                continue
            name = org.name or org.description or org.id
            committee = org.checker.build(
                org.path,
                Organisation,
                id=self.pool.take(f"{municipality.id}-{org.id}", fallback=municipality.id),
                name=name,
                kind=ActorKind.OVERHEIDSORGANISATIE,
                municipality=municipality.id,
                description=org.description if org.description != name else None,
                identifiers=tuple(unique([org.own, *org.identifiers])),
            )
            if committee is not None:
                self.committees[org.id] = committee.id
                committees.append(committee)
        if committees:
            self.report.note(
                f"{_count(len(committees), 'council committee')} "
                + (
                    "was imported as an organisation"
                    if len(committees) == 1
                    else "were imported as organisations"
                )
                + f" of kind overheidsorganisatie (sector overheid) in {municipality.name}: "
                + ", ".join(committee.name for committee in committees[:5])
            )
        return committees

    def report_other_organisations(self) -> None:
        for org in self.orgs.values():
            if org.kind == "other":
                self.report.skip(
                    "organisation.classification",
                    "organisations of a classification other than Municipality, Council, "
                    "Party or committee; they were not imported",
                    f"{org.where} ({describe(org.classification)}, {describe(org.name)})",
                )

    # -- people and roles ------------------------------------------------------------------

    def group(self, records: list[_Record]) -> list[list[_Record]]:
        """Group the records of one person: the same name and parties, different positions."""
        groups: list[list[_Record]] = []
        by_key: dict[tuple[str, frozenset[str]], list[list[_Record]]] = {}
        for record in records:
            positions = {_position(m) for m in record.memberships}
            parties = frozenset(
                m.organisation for m in record.memberships if m.organisation in self.factions
            )
            key = (normalise(record.name), parties)
            for group in by_key.get(key, []) if positions else []:
                taken = {_position(m) for other in group for m in other.memberships}
                if taken and not positions & taken:
                    group.append(record)
                    break
            else:
                group = [record]
                groups.append(group)
                by_key.setdefault(key, []).append(group)
        return groups

    def make_person(self, group: list[_Record]) -> Person | None:
        first = group[0]
        identifiers = unique(
            identifier for record in group for identifier in (record.own, *record.identifiers)
        )
        contact = unique(detail for record in group for detail in record.contact)
        return self.persons.build(
            first.path,
            Person,
            id=self.pool.take(first.id, fallback=first.name),
            name=first.name,
            contact=tuple(contact),
            identifiers=tuple(identifiers),
        )

    def make_roles(self, record: _Record, holder: str, municipality: Municipality) -> list[Role]:
        governing: list[tuple[_Membership, _Org]] = []
        parties: list[_Membership] = []
        roles: list[Role] = []
        for membership in record.memberships:
            org = self.orgs.get(membership.organisation)
            if (
                org is None
                or org.kind == "other"
                or (org.kind == "party" and membership.organisation not in self.factions)
            ):
                self.report.skip(
                    "membership.organisation",
                    "memberships of an organisation that was not imported (unknown, or of "
                    "another classification)",
                    f"{self.persons.name}: {membership.path} "
                    f"({describe(membership.organisation)}, {describe(membership.role)})",
                )
            elif org.kind == "party":
                parties.append(membership)
            elif org.kind == "committee":
                committee = self.committees.get(org.id)
                role = None if committee is None else self.role(membership, holder, committee, None)
                if role is not None:
                    roles.append(role)
            else:
                governing.append((membership, org))
        unpaired = list(parties)
        for membership, _ in governing:
            partner = _partner(membership, unpaired)
            faction = None
            if partner is not None:
                unpaired.remove(partner)
                faction = self.factions[partner.organisation]
            role = self.placed(membership, holder, municipality, faction, partner)
            if role is not None:
                roles.append(role)
        for membership in unpaired:
            faction = self.factions[membership.organisation]
            text = read_role(membership.role or membership.label, ROLE_TEXTS)
            if text.kind is RoleKind.LID:
                role = self.role(membership, holder, faction, None)
            else:
                role = self.placed(membership, holder, municipality, faction, None)
            if role is not None:
                roles.append(role)
        return roles

    def placed(
        self,
        membership: _Membership,
        holder: str,
        municipality: Municipality,
        faction: str | None,
        partner: _Membership | None,
    ) -> Role | None:
        text = read_role(membership.role or membership.label, ROLE_TEXTS)
        at, on_behalf_of = place_role(text.kind, municipality, faction)
        return self.role(membership, holder, at, on_behalf_of, partner)

    def role(
        self,
        membership: _Membership,
        holder: str,
        at: str,
        on_behalf_of: str | None,
        partner: _Membership | None = None,
    ) -> Role | None:
        source = self.persons.name
        text = read_role(membership.role or membership.label, ROLE_TEXTS)
        title = text.title
        if not text.recognised:
            self.report.skip(
                "role.text",
                "role texts that match no role kind; the role was imported as 'lid' with the "
                "text as its title",
                f"{source}: {membership.path}.role = "
                f"{describe(membership.role or membership.label)}",
            )
        if membership.role and membership.label and membership.label != membership.role:
            if title is None:
                title = membership.label
            else:
                self.report.skip(
                    "membership.label",
                    "membership labels that differ from the role text, where the role text "
                    "already gave the title",
                    f"{source}: {membership.path}.label = {describe(membership.label)}",
                )
        dates = {}
        for key, value in (("start", membership.start), ("end", membership.end)):
            others = [] if partner is None else [getattr(partner, key)]
            given = value or next((other for other in others if other), None)
            if given is None:
                continue
            day = parse_date(given)
            if day is None:
                self.report.skip(
                    "membership.date",
                    "dates that are not full ISO dates (YYYY-MM-DD); the role was imported "
                    "without them",
                    f"{source}: {membership.path}.{key}_date = {describe(given)}",
                )
            dates[key] = day
        return self.persons.build(
            membership.path,
            Role,
            holder=holder,
            kind=text.kind,
            at=at,
            on_behalf_of=on_behalf_of,
            title=title,
            **dates,
        )

    def without_repeats(self, roles: list[Role]) -> list[Role]:
        kept, repeated = drop_repeats(roles)
        for role, extra in repeated:
            self.report.skip(
                "membership.repeated",
                "memberships that repeat another one of the same person exactly; kept once",
                f"{role.holder}: {role.kind.value} at {role.at}",
                count=extra,
            )
        return kept

    def note_seats(self, municipality: Municipality) -> None:
        seats = municipality.council.seats
        if seats is None:
            self.report.note(
                "the data gives no seat count and names no current raadslid; the council's "
                "seats are left unknown"
            )
            return
        per_faction = ", ".join(
            f"{faction.name} {faction.seats}"
            if faction.seats is not None
            else f"{faction.name} none (no current raadslid, seats left unknown)"
            for faction in municipality.council.factions
        )
        self.report.note(
            f"the data gives no seat count: the council's {seats} seats are the number of "
            f"distinct current raadsleden in it, and each faction's seats the number of those "
            f"on its behalf ({per_faction})"
        )

    def provenance(self, people: int) -> tuple[Source, ...]:
        notes = [
            f"Open Raadsinformatie persons file (Open State Foundation): {people} person records",
            (
                "Open Raadsinformatie organisations file (Open State Foundation): "
                f"{len(self.orgs)} organisations with an id"
            ),
        ]
        return tuple(
            Source(title=source_title(name), note=note)
            for name, note in zip(self.sources, notes, strict=False)
        )


def _count(number: int, noun: str, plural: str | None = None) -> str:
    """``1 council committee`` or ``3 council committees``."""
    return f"1 {noun}" if number == 1 else f"{number} {plural or noun + 's'}"


def _partner(membership: _Membership, parties: list[_Membership]) -> _Membership | None:
    """The party membership that goes with a council membership: the same role text."""
    text = _position(membership)
    same = [p for p in parties if _position(p) == text]
    if len(same) == 1:
        return same[0]
    blank = [p for p in parties if not (p.role or p.label)]
    if not same and len(blank) == 1:
        return blank[0]
    return None


def _position(membership: _Membership) -> str:
    return normalise(membership.role or membership.label or "")

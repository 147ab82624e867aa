"""Read an Open Raadsinformatie pair into records, checking structure and noting the unmapped.

Both files are read by one :class:`Reader`: the organisations file into organisation
records by source id, the persons file into person records with their memberships, and
the organisations that memberships carry inline, for a persons file read on its own.
Every structural problem is collected, located; every field without a place in the model
is counted in the report.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import field, frozen

from democratie.importers._common import (
    Checker,
    ReportBuilder,
    describe,
    is_empty,
    read_identifiers,
)
from democratie.importers.ori._tables import (
    CLASSIFICATIONS,
    MEMBERSHIP_KEYS,
    ORGANISATION_KEYS,
    PERSON_KEYS,
    WHY,
    Kind,
)
from democratie.model import ContactDetail, Identifier
from democratie.vocab import ContactKind

__all__ = ["MembershipRecord", "OrgRecord", "PersonRecord", "Reader"]


@frozen(kw_only=True)
class OrgRecord:
    """An organisation of the data, from the organisations file or inline in a membership.

    Examples
    --------
    >>> checker = Checker("heerde_organisations.json")
    >>> party = OrgRecord(id="cda", own=Identifier(scheme="ori", identifier="cda"),
    ...                   name="CDA", kind="party", classification="Party",
    ...                   description=None, identifiers=(), checker=checker,
    ...                   path="organisations[1]")
    >>> party.where
    'heerde_organisations.json: organisations[1]'
    """

    id: str
    own: Identifier
    name: str | None
    kind: Kind
    classification: str | None
    description: str | None
    identifiers: tuple[Identifier, ...]
    #: The file it was read from (the organisations file, or a membership in the persons file).
    checker: Checker = field(eq=False)
    path: str

    @property
    def where(self) -> str:
        """The file and the place in it, for the report."""
        return f"{self.checker.name}: {self.path}"


@frozen(kw_only=True)
class MembershipRecord:
    """A membership of a person, as the persons file gives it.

    Examples
    --------
    >>> MembershipRecord(organisation="raad", role="Raadslid", label=None, start=None,
    ...                  end=None, path="persons[0].memberships[0]").role
    'Raadslid'
    """

    organisation: str
    role: str | None
    label: str | None
    start: str | None
    end: str | None
    path: str


@frozen(kw_only=True)
class PersonRecord:
    """A person record of the persons file, with its memberships.

    Examples
    --------
    >>> record = PersonRecord(id="p1", own=Identifier(scheme="ori", identifier="p1"),
    ...                       name="A. Jansen", contact=(), identifiers=(),
    ...                       memberships=(), path="persons[0]")
    >>> record.own.scheme
    'ori'
    """

    id: str
    own: Identifier
    name: str
    contact: tuple[ContactDetail, ...]
    identifiers: tuple[Identifier, ...]
    memberships: tuple[MembershipRecord, ...]
    path: str


class Reader:
    """Reads both files into plain records, checking structure and noting the unmapped.

    Examples
    --------
    >>> from democratie.importers._common import ReportBuilder
    >>> reader = Reader(ReportBuilder("ori", ["p.json"]), Checker("p.json"), Checker("o.json"))
    >>> records = reader.read_persons({"meta": {"took": 3}, "persons": [
    ...     {"id": "p1", "name": "A. Jansen", "gender": "female", "memberships": [
    ...         {"organisation_id": "raad", "role": "Raadslid", "organisation":
    ...          {"id": "raad", "classification": "Council", "name": "Gemeente Heerde"}}]}]})
    >>> [record.name for record in records], sorted(reader.inline)
    (['A. Jansen'], ['raad'])
    >>> reader.report.build().categories()
    ('document.meta', 'person.gender')
    """

    def __init__(self, report: ReportBuilder, persons: Checker, organisations: Checker) -> None:
        self.report = report
        self.persons = persons
        self.organisations = organisations
        self.orgs: dict[str, OrgRecord] = {}
        self.inline: dict[str, OrgRecord] = {}

    def extra(
        self,
        checker: Checker,
        thing: str,
        record: Mapping[str, Any],
        path: str,
        known: frozenset[str],
    ) -> None:
        """Count every non-empty key of *record* that is not *known* as left out."""
        for key, value in record.items():
            if key in known or is_empty(value):
                continue
            why = WHY.get(key, f"the '{key}' of {_article(thing)}; the model has no field for it")
            self.report.skip(
                f"{thing}.{key}",
                why,
                f"{checker.name}: {path}.{key}"
                + ("" if key == "meta" else f" = {describe(value)}"),
            )

    def document(
        self, checker: Checker, doc: object, key: str, what: str
    ) -> list[tuple[str, dict[str, Any]]]:
        """The records of the list under *key* of one file; its other entries are reported."""
        top = checker.record(doc, "", f"an Open Raadsinformatie {key} file")
        if top is None:
            return []
        for name, value in top.items():
            if name == key or is_empty(value):
                continue
            why = WHY["meta"] if name == "meta" else f"a top-level '{name}' entry"
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
        """Read the organisations file into :attr:`orgs`."""
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
            self.extra(checker, "organisation", record, path, ORGANISATION_KEYS)

    def _organisation(
        self, checker: Checker, record: Mapping[str, Any], path: str, id_at: str | None = None
    ) -> OrgRecord | None:
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
        kind = CLASSIFICATIONS.get((classification or "").casefold(), "other")
        return OrgRecord(
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

    def read_persons(self, doc: object) -> list[PersonRecord]:
        """Read the persons file: its person records, in order."""
        checker = self.persons
        records: list[PersonRecord] = []
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
            self.extra(checker, "person", record, path, PERSON_KEYS)
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
                PersonRecord(
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
    ) -> list[MembershipRecord]:
        checker = self.persons
        found: list[MembershipRecord] = []
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
                MembershipRecord(
                    organisation=org_id,
                    role=checker.text(item, "role", here),
                    label=checker.text(item, "label", here),
                    start=checker.text(item, "start_date", here),
                    end=checker.text(item, "end_date", here),
                    path=here,
                )
            )
            self.extra(checker, "membership", item, here, MEMBERSHIP_KEYS)
        return found


def _article(thing: str) -> str:
    return f"an {thing}" if thing[0] in "aeiou" else f"a {thing}"

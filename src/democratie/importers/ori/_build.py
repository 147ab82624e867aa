"""The whole Open Raadsinformatie import: read the pair, then build the landscape in order.

The order matters, for the ids handed out and for the report: the municipality first
(with its ``-raad`` and ``-college``), then the factions and committees, then each person
with their roles; last the seats the roles give.
"""

from __future__ import annotations

from pathlib import Path

from attrs import evolve

from democratie.importers._common import (
    Checker,
    ReportBuilder,
    import_leniently,
    make_landscape,
    raise_problems,
    source_title,
)
from democratie.importers._placement import count_seats
from democratie.importers._result import ImportResult
from democratie.importers.ori._bodies import (
    build_committees,
    build_factions,
    report_other_organisations,
)
from democratie.importers.ori._municipality import build_municipality
from democratie.importers.ori._people import (
    build_person,
    build_roles,
    drop_repeated_roles,
    group_records,
)
from democratie.importers.ori._read import PersonRecord, Reader
from democratie.importers.ori._state import State, count_of
from democratie.importers.ori._tables import FORMAT
from democratie.model import Municipality, Person, Role, Source

__all__ = ["import_ori", "read_pair"]

#: A small pair for the examples: a raadslid of the CDA in Heerde, and a committee.
_EXAMPLE = (
    {"persons": [{"id": "p1", "name": "A. Jansen", "memberships": [
        {"organisation_id": "raad", "role": "Raadslid"},
        {"organisation_id": "cda", "role": "Raadslid"}]}]},
    {"organisations": [
        {"id": "raad", "classification": "Council", "name": "Gemeente Heerde (Heerde) (GLD)"},
        {"id": "cda", "classification": "Party", "name": "CDA"},
        {"id": "ruimte", "classification": "committee", "name": "Commissie Ruimte"}]},
)  # fmt: skip


def import_ori(
    persons: object,
    organisations: object | None = None,
    *,
    persons_source: str = "persons.json",
    organisations_source: str = "organisations.json",
    merge_people: bool = True,
    skip_bad_records: bool = False,
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
    skip_bad_records
        Import the rest when some records are bad, instead of refusing the files:
        each bad record (a person, a membership, an organisation) is passed over and
        listed, with its file, place and why, in the report's ``skipped``.

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

    Examples
    --------
    >>> land = import_ori(*_EXAMPLE).landscape
    >>> [(role.kind.value, role.at, role.on_behalf_of) for role in land.roles]
    [('raadslid', 'heerde-raad', 'heerde-cda')]
    >>> [organisation.name for organisation in land.organisations]
    ['Commissie Ruimte']
    """

    def run(leave_out: frozenset[tuple[str, str]]) -> ImportResult:
        state, records = read_pair(
            persons,
            organisations,
            persons_source=persons_source,
            organisations_source=organisations_source,
            leave_out=leave_out,
        )
        return _run(state, records, merge_people)

    if skip_bad_records:
        return import_leniently(run)
    return run(frozenset())


def read_pair(
    persons: object,
    organisations: object | None = None,
    *,
    persons_source: str = "persons.json",
    organisations_source: str = "organisations.json",
    leave_out: frozenset[tuple[str, str]] = frozenset(),
) -> tuple[State, list[PersonRecord]]:
    """Read both files: the state to build the landscape from, and the person records.

    The organisations named in memberships but missing from the organisations file
    are taken from the memberships, and the report says so. The records in
    *leave_out* (pairs of a file's name and a record's path) are passed over.

    Raises
    ------
    LoadError
        With every structural problem of the two files, located.

    Examples
    --------
    >>> state, records = read_pair(*_EXAMPLE)
    >>> sorted(state.orgs), [record.id for record in records]
    (['cda', 'raad', 'ruimte'], ['p1'])
    """
    sources = [Path(persons_source).name]
    if organisations is not None:
        sources.append(Path(organisations_source).name)
    report = ReportBuilder(FORMAT, sources)
    person_checker = Checker(
        persons_source, leave_out={path for file, path in leave_out if file == persons_source}
    )
    org_checker = Checker(
        organisations_source,
        leave_out={path for file, path in leave_out if file == organisations_source},
    )
    reader = Reader(report, person_checker, org_checker)
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
    return State(report, orgs, person_checker, org_checker, sources), records


def _run(state: State, records: list[PersonRecord], merge_people: bool) -> ImportResult:
    municipality = build_municipality(state)
    factions = build_factions(state, municipality)
    municipality = evolve(municipality, council=evolve(municipality.council, factions=factions))
    committees = build_committees(state, municipality)
    report_other_organisations(state)
    groups = group_records(state, records) if merge_people else [[record] for record in records]
    people: list[Person] = []
    roles: list[Role] = []
    for group in groups:
        person = build_person(state, group)
        if person is None:
            continue
        people.append(person)
        for record in group:
            roles.extend(build_roles(state, record, person.id, municipality))
    raise_problems([state.persons, state.organisations])
    merged = [group for group in groups if len(group) > 1]
    if merged:
        shown = ", ".join(f"'{group[0].name}'" for group in merged[:5])
        state.report.note(
            f"{sum(len(group) for group in merged)} person records were merged into "
            f"{count_of(len(merged), 'person', 'people')}: records with the same name and "
            "party that hold different positions (every source id is kept as an "
            f"identifier): {shown}"
        )
    roles = drop_repeated_roles(state, roles)
    checker, path = state.council_place
    municipality = count_seats(municipality, roles, checker, path)
    raise_problems([state.persons, state.organisations])
    _note_seats(state, municipality)
    state.pool.finish()
    landscape = make_landscape(
        state.sources,
        title=f"{municipality.name}: council and college from Open Raadsinformatie",
        sources=_provenance(state, len(records)),
        municipalities=(municipality,),
        organisations=tuple(committees),
        people=tuple(people),
        roles=tuple(roles),
    )
    return ImportResult(landscape=landscape, report=state.report.build())


def _note_seats(state: State, municipality: Municipality) -> None:
    seats = municipality.council.seats
    if seats is None:
        state.report.note(
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
    counted = "1 seat is" if seats == 1 else f"{seats} seats are"
    factions = (
        f"and each faction's seats the number of those on its behalf ({per_faction})"
        if per_faction
        else "and the data names no faction to count them by"
    )
    state.report.note(
        f"the data gives no seat count: the council's {counted} the number of "
        f"distinct current raadsleden in it, {factions}"
    )


def _provenance(state: State, people: int) -> tuple[Source, ...]:
    notes = [
        f"Open Raadsinformatie persons file (Open State Foundation): {people} person records",
        (
            "Open Raadsinformatie organisations file (Open State Foundation): "
            f"{len(state.orgs)} organisations with an id"
        ),
    ]
    return tuple(
        Source(title=source_title(name), note=note)
        for name, note in zip(state.sources, notes, strict=False)
    )

"""The whole Popolo import: read the document, then build the landscape in order.

The order matters, for the ids handed out and for the report: councils take their ids
first (with their ``-raad`` and ``-college``), then parties, factions and organisations,
then areas and people; then the municipalities with their areas, the factions, the other
organisations and the roles, and last the seats the roles give.
"""

from __future__ import annotations

from democratie.importers._common import (
    import_leniently,
    make_landscape,
    raise_problems,
    source_title,
)
from democratie.importers._result import ImportResult
from democratie.importers.popolo._councils import (
    build_council_factions,
    build_municipalities,
    note_councils,
    seat_councils,
    settle_factions,
)
from democratie.importers.popolo._organisations import build_organisations
from democratie.importers.popolo._people import build_people, build_roles
from democratie.importers.popolo._read import read_document
from democratie.importers.popolo._state import MembershipRecord, OrgRecord, PersonRecord, State
from democratie.model import Source

__all__ = ["import_popolo", "note_party_spellings"]


def import_popolo(
    data: object, *, source: str = "popolo.json", skip_bad_records: bool = False
) -> ImportResult:
    """Turn a parsed Popolo document into a landscape.

    Parameters
    ----------
    data
        The parsed document: an object with ``persons``, ``organizations``,
        ``memberships`` and, optionally, ``posts``, ``areas`` and ``events`` lists.
    source
        The name of the document, for error messages and provenance.
    skip_bad_records
        Import the rest when some records are bad (a person whose name holds a control
        character, a membership that ends before it starts), instead of refusing the
        document: each bad record is passed over and listed, with its place and why, in
        the report's ``skipped``. A problem outside any record still refuses it.

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

    Examples
    --------
    >>> doc = {"persons": [{"id": "p1", "name": "A. de Vries"}],
    ...        "organizations": [{"id": "c", "name": "Raad", "classification": "council"}],
    ...        "memberships": [{"person_id": "p1", "organization_id": "c",
    ...                         "role": "alderman"}]}
    >>> [(role.kind.value, role.at) for role in import_popolo(doc).landscape.roles]
    [('wethouder', 'c-college')]
    >>> import_popolo({"persons": [{"id": "p1"}]})
    Traceback (most recent call last):
    ...
    democratie.errors.LoadError: popolo.json: persons[0].name: this is required but missing or empty

    Leniently, the bad record is passed over and listed:

    >>> doc["persons"].append({"id": "p2"})
    >>> result = import_popolo(doc, skip_bad_records=True)
    >>> [person.id for person in result.landscape.people]
    ['p1']
    >>> print(*result.report.skipped)
    popolo.json: persons[1]: name: this is required but missing or empty
    """
    if skip_bad_records:
        return import_leniently(
            lambda leave_out: _import(
                data, source, frozenset(path for file, path in leave_out if file == source)
            )
        )
    return _import(data, source, frozenset())


def _import(data: object, source: str, leave_out: frozenset[str]) -> ImportResult:
    state = State(data, source, leave_out)
    drafts, memberships, persons_read = read_document(state)
    note_party_spellings(state)
    return _build(state, drafts, memberships, persons_read=persons_read)


def note_party_spellings(state: State) -> None:
    """Note the parties whose names differ only in capitals: kept apart, each with its id.

    Two records are two parties to the document; whether ``Labor`` and ``LABOR`` are one
    is for the reader to say, so the importer keeps both and names them in the report.

    Examples
    --------
    >>> state = State({"organizations": [
    ...     {"id": "p1", "name": "Labor", "classification": "party"},
    ...     {"id": "p2", "name": "LABOR", "classification": "party"}]}, "house.json")
    >>> _ = read_document(state)
    >>> note_party_spellings(state)
    >>> print(*state.report.build().notes)
    parties whose names differ only in capitals were kept apart, each with its own id: 'Labor' (organizations[0]) and 'LABOR' (organizations[1])
    """  # noqa: E501
    spellings: dict[str, list[OrgRecord]] = {}
    for org in state.orgs.values():
        if org.kind == "party" and org.name is not None:
            spellings.setdefault(org.name.casefold(), []).append(org)
    shown = [
        " and ".join(f"'{org.name}' ({org.path})" for org in orgs)
        for orgs in spellings.values()
        if len({org.name for org in orgs}) > 1
    ]
    if shown:
        state.report.note(
            "parties whose names differ only in capitals were kept apart, each with its own "
            f"id: {'; '.join(shown)}"
        )


def _take_ids(state: State) -> None:
    """Hand out the ids of councils, organisations and areas, in that order."""
    for org in state.orgs.values():
        if org.kind == "council":
            own = state.take(org.id, fallback=org.name or "council")
            state.reserve(f"{own}-raad", f"{own}-college")
            state.ids["org", org.id] = own
    for org in state.orgs.values():
        if org.placeholder:
            state.skip(
                "party.placeholder",
                "a party named 'unknown': a placeholder for 'no party known', not a party; "
                "not imported",
                org.path,
                org.name,
            )
        elif org.independent:
            state.skip(
                "party.independent",
                "parties that stand for sitting for no party (Independent, Unaligned, '-', "
                "...): not parties; not imported, and their members sit for no faction",
                org.path,
                org.name,
            )
        elif org.kind in {"party", "organisation", "faction"}:
            state.ids["org", org.id] = state.take(org.id, fallback=org.name or "org")
    # The area of a council's own municipality is not imported: the municipality stands
    # for it, and takes no id from the landscape's other entities.
    own_areas = {org.area for org in state.orgs.values() if org.kind == "council"}
    for area in state.areas.values():
        if area.id not in own_areas:
            state.ids["area", area.id] = state.take(area.id, fallback=area.name)


def _build(
    state: State,
    drafts: list[PersonRecord],
    memberships: list[MembershipRecord],
    *,
    persons_read: int,
) -> ImportResult:
    settle_factions(state)
    _take_ids(state)
    people, person_ids = build_people(state, drafts)
    municipalities = build_municipalities(state, memberships)
    places = {area.id: mun.id for mun in municipalities.values() for area in mun.walk_areas()}
    build_council_factions(state, municipalities)
    organisations = build_organisations(state, municipalities, places)
    roles = build_roles(state, memberships, person_ids, municipalities, places)
    municipalities = seat_councils(state, municipalities, roles)
    raise_problems([state.check])
    note_councils(state, list(municipalities.values()))
    state.pool.finish()
    landscape = make_landscape(
        [state.source],
        sources=(
            Source(
                title=source_title(state.name),
                note=(
                    f"Popolo document: {persons_read} persons, {len(state.orgs)} organizations "
                    f"with an id, {len(memberships)} memberships"
                ),
            ),
        ),
        municipalities=tuple(municipalities.values()),
        organisations=tuple(organisations),
        people=tuple(people),
        roles=tuple(roles),
    )
    return ImportResult(landscape=landscape, report=state.report.build())

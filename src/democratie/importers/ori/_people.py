"""Person records become people, and their memberships roles placed where the office sits.

The Almanak behind Open Raadsinformatie lists one record per position, so the records of
one person (the same name and party, different positions) are merged first. A membership
of the council pairs with the party membership of the same position: the role is placed
by :func:`democratie.importers._placement.place_role`, on behalf of that party's faction.
A party membership left unpaired is a role at the faction itself, or, when it names an
office, a role placed where the office sits; a committee membership is held at the
committee.
"""

from __future__ import annotations

from democratie.importers._common import (
    describe,
    normalise,
    parse_date,
    read_role,
    unique,
)
from democratie.importers._placement import drop_repeats, place_role
from democratie.importers.ori._read import MembershipRecord, OrgRecord, PersonRecord
from democratie.importers.ori._state import State
from democratie.importers.ori._tables import ROLE_TEXTS
from democratie.model import Municipality, Person, Role
from democratie.vocab import RoleKind

__all__ = ["build_person", "build_roles", "drop_repeated_roles", "group_records"]


def group_records(state: State, records: list[PersonRecord]) -> list[list[PersonRecord]]:
    """Group the records of one person: the same name and parties, different positions.

    Examples
    --------
    >>> from democratie.importers.ori._build import read_pair
    >>> persons = {"persons": [
    ...     {"id": f"p{n}", "name": "A. Jansen",
    ...      "memberships": [{"organisation_id": "raad", "role": role}]}
    ...     for n, role in enumerate(["Raadslid", "Fractievoorzitter", "Raadslid"])]}
    >>> state, records = read_pair(persons, {"organisations": [
    ...     {"id": "raad", "classification": "Council", "name": "Gemeente Heerde (Heerde) (GLD)"}]})
    >>> [[record.id for record in group] for group in group_records(state, records)]
    [['p0', 'p1'], ['p2']]
    """
    groups: list[list[PersonRecord]] = []
    by_key: dict[tuple[str, frozenset[str]], list[list[PersonRecord]]] = {}
    for record in records:
        positions = {_position(m) for m in record.memberships}
        parties = frozenset(
            m.organisation for m in record.memberships if m.organisation in state.factions
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


def build_person(state: State, group: list[PersonRecord]) -> Person | None:
    """Make one person of a group of records, with every source id kept as an identifier.

    Examples
    --------
    >>> from democratie.importers.ori._build import _EXAMPLE, read_pair
    >>> state, records = read_pair(*_EXAMPLE)
    >>> person = build_person(state, records)
    >>> person.id, [identifier.identifier for identifier in person.identifiers]
    ('p1', ['p1'])
    """
    first = group[0]
    identifiers = unique(
        identifier for record in group for identifier in (record.own, *record.identifiers)
    )
    contact = unique(detail for record in group for detail in record.contact)
    return state.persons.build(
        first.path,
        Person,
        id=state.pool.take(first.id, fallback=first.name),
        name=first.name,
        contact=tuple(contact),
        identifiers=tuple(identifiers),
    )


def build_roles(
    state: State, record: PersonRecord, holder: str, municipality: Municipality
) -> list[Role]:
    """Make the roles of one person record, held by *holder*, in the order of its memberships.

    Examples
    --------
    >>> from democratie.importers.ori._build import read_pair
    >>> from democratie.importers.ori._bodies import build_factions
    >>> from attrs import evolve
    >>> persons = {"persons": [{"id": "p1", "name": "A. Jansen", "memberships": [
    ...     {"organisation_id": "raad", "role": "Wethouder"},
    ...     {"organisation_id": "cda", "role": "Wethouder"},
    ...     {"organisation_id": "cda", "role": "Fractievoorzitter"},
    ...     {"organisation_id": "cda", "role": "Lid"}]}]}
    >>> state, records = read_pair(persons, {"organisations": [
    ...     {"id": "raad", "classification": "Council", "name": "Gemeente Heerde (Heerde) (GLD)"},
    ...     {"id": "cda", "classification": "Party", "name": "CDA"}]})
    >>> heerde = Municipality(id="heerde", cbs_code="GM0246")
    >>> heerde = evolve(heerde, council=evolve(heerde.council,
    ...                                        factions=build_factions(state, heerde)))
    >>> for role in build_roles(state, records[0], "p1", heerde):
    ...     print(role.kind.value, role.at, role.on_behalf_of)
    wethouder heerde-college heerde-cda
    fractievoorzitter heerde-cda None
    lid heerde-cda None
    """
    governing: list[tuple[MembershipRecord, OrgRecord]] = []
    parties: list[MembershipRecord] = []
    roles: list[Role] = []
    for membership in record.memberships:
        org = state.orgs.get(membership.organisation)
        if (
            org is None
            or org.kind == "other"
            or (org.kind == "party" and membership.organisation not in state.factions)
        ):
            state.report.skip(
                "membership.organisation",
                "memberships of an organisation that was not imported (unknown, or of "
                "another classification)",
                f"{state.persons.name}: {membership.path} "
                f"({describe(membership.organisation)}, {describe(membership.role)})",
            )
        elif org.kind == "party":
            parties.append(membership)
        elif org.kind == "committee":
            committee = state.committees.get(org.id)
            role = None if committee is None else _role(state, membership, holder, committee, None)
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
            faction = state.factions[partner.organisation]
        role = _placed(state, membership, holder, municipality, faction, partner)
        if role is not None:
            roles.append(role)
    for membership in unpaired:
        faction = state.factions[membership.organisation]
        text = read_role(membership.role or membership.label, ROLE_TEXTS)
        if text.kind is RoleKind.LID:
            role = _role(state, membership, holder, faction, None)
        else:
            role = _placed(state, membership, holder, municipality, faction, None)
        if role is not None:
            roles.append(role)
    return roles


def _placed(
    state: State,
    membership: MembershipRecord,
    holder: str,
    municipality: Municipality,
    faction: str | None,
    partner: MembershipRecord | None,
) -> Role | None:
    text = read_role(membership.role or membership.label, ROLE_TEXTS)
    at, on_behalf_of = place_role(text.kind, municipality, faction)
    return _role(state, membership, holder, at, on_behalf_of, partner)


def _role(
    state: State,
    membership: MembershipRecord,
    holder: str,
    at: str,
    on_behalf_of: str | None,
    partner: MembershipRecord | None = None,
) -> Role | None:
    source = state.persons.name
    text = read_role(membership.role or membership.label, ROLE_TEXTS)
    title = text.title
    if not text.recognised:
        state.report.skip(
            "role.text",
            "role texts that match no role kind; the role was imported as 'lid' with the "
            "text as its title",
            f"{source}: {membership.path}.role = {describe(membership.role or membership.label)}",
        )
    if membership.role and membership.label and membership.label != membership.role:
        if title is None:
            title = membership.label
        else:
            state.report.skip(
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
            state.report.skip(
                "membership.date",
                "dates that are not full ISO dates (YYYY-MM-DD); the role was imported "
                "without them",
                f"{source}: {membership.path}.{key}_date = {describe(given)}",
            )
        dates[key] = day
    return state.persons.build(
        membership.path,
        Role,
        holder=holder,
        kind=text.kind,
        at=at,
        on_behalf_of=on_behalf_of,
        title=title,
        **dates,
    )


def drop_repeated_roles(state: State, roles: list[Role]) -> list[Role]:
    """The roles without repeats; how often each was repeated goes into the report.

    Examples
    --------
    >>> from democratie.importers.ori._build import _EXAMPLE, read_pair
    >>> from democratie.vocab import RoleKind
    >>> state, _ = read_pair(*_EXAMPLE)
    >>> role = Role(holder="p1", kind=RoleKind.RAADSLID, at="heerde-raad")
    >>> drop_repeated_roles(state, [role, role]) == [role]
    True
    >>> state.report.build().category("membership.repeated").examples
    ('p1: raadslid at heerde-raad',)
    """
    kept, repeated = drop_repeats(roles)
    for role, extra in repeated:
        state.report.skip(
            "membership.repeated",
            "memberships that repeat another one of the same person exactly; kept once",
            f"{role.holder}: {role.kind.value} at {role.at}",
            count=extra,
        )
    return kept


def _partner(
    membership: MembershipRecord, parties: list[MembershipRecord]
) -> MembershipRecord | None:
    """The party membership that goes with a council membership: the same role text."""
    text = _position(membership)
    same = [p for p in parties if _position(p) == text]
    if len(same) == 1:
        return same[0]
    blank = [p for p in parties if not (p.role or p.label)]
    if not same and len(blank) == 1:
        return blank[0]
    return None


def _position(membership: MembershipRecord) -> str:
    return normalise(membership.role or membership.label or "")

"""Councils become municipalities, with their areas, factions, CBS codes and seats.

Every organization classified as a legislature or council becomes a municipality with its
council and college; it gets a CBS code only from its identifiers, never from its name.
Its factions are the faction organizations under it and the ``<municipality>-<party>``
factions that memberships on behalf of a party make; its seats are counted from the
raadsleden placed in it (:func:`democratie.importers._placement.count_seats`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import evolve

from democratie import reference
from democratie.importers._common import Checker, normalise, unique
from democratie.importers._placement import count_seats
from democratie.importers.popolo._areas import build_area, place_document_areas, report_cycles
from democratie.importers.popolo._read import own_ids
from democratie.importers.popolo._state import MembershipRecord, OrgRecord, State
from democratie.importers.popolo._tables import CBS_CODE, is_no_party
from democratie.model import Council, Faction, Municipality, Role
from democratie.vocab import ActorKind

__all__ = [
    "MAX_SEATS",
    "build_council_factions",
    "build_municipalities",
    "note_councils",
    "party_faction",
    "seat_councils",
    "settle_factions",
]

#: The most seats the model's council holds.
MAX_SEATS = 200

#: A small document for the examples: a council, a faction of it, a party and a group
#: of no council.
_EXAMPLE = {
    "organizations": [
        {"id": "raad", "name": "Heerde", "classification": "council",
         "identifiers": [{"scheme": "cbs", "identifier": "GM0246"}]},
        {"id": "fractie", "name": "Fractie X", "classification": "faction", "parent_id": "raad"},
        {"id": "cda", "name": "CDA", "classification": "party"},
        {"id": "groep", "name": "Groep Y", "classification": "faction"},
    ],
    "persons": [{"id": "p1", "name": "A. Jansen"}],
}  # fmt: skip


def settle_factions(state: State) -> None:
    """Read a faction outside any council as a party: the group its members sit for.

    Examples
    --------
    >>> from democratie.importers.popolo._read import read_document
    >>> state = State(_EXAMPLE, "heerde.json")
    >>> _ = read_document(state)
    >>> settle_factions(state)
    >>> state.orgs["fractie"].kind, state.orgs["groep"].kind
    ('faction', 'party')
    """
    loose = [
        org
        for org in state.orgs.values()
        if org.kind == "faction"
        and (org.parent not in state.orgs or state.orgs[str(org.parent)].kind != "council")
    ]
    for org in loose:
        state.orgs[org.id] = evolve(
            org,
            kind="party",
            actor=ActorKind.POLITIEKE_PARTIJ,
            independent=org.name is not None and is_no_party(org.name),
        )
    if loose:
        state.report.note(
            f"{len(loose)} organizations classified as a faction have no council as their "
            "parent; they were imported as parties, and the memberships on behalf of them "
            "as factions of the councils they sit in"
        )


def build_council_factions(state: State, municipalities: Mapping[str, Municipality]) -> None:
    """Make the factions that the document has as organizations of their own.

    Examples
    --------
    >>> from democratie.importers.popolo._build import _take_ids
    >>> from democratie.importers.popolo._read import read_document
    >>> state = State(_EXAMPLE, "heerde.json")
    >>> _ = read_document(state)
    >>> _take_ids(state)
    >>> build_council_factions(state, build_municipalities(state, []))
    >>> [(council, faction.id) for (council, _), faction in state.factions.items()]
    [('raad', 'fractie')]
    """
    for org in state.orgs.values():
        own = state.ids.get(("org", org.id))
        if org.kind != "faction" or own is None or org.parent not in municipalities:
            continue
        if org.area is not None:
            state.skip(
                "organization.area_id",
                "the area of a faction; a faction has no area",
                f"{org.path}.area_id",
                org.area,
            )
        faction = state.check.build(
            org.path,
            Faction,
            id=own,
            name=org.name,
            identifiers=tuple(unique([*own_ids(org.own, org.identifiers), *org.identifiers])),
        )
        if faction is not None:
            state.factions[str(org.parent), org.id] = faction


def build_municipalities(
    state: State, memberships: list[MembershipRecord]
) -> dict[str, Municipality]:
    """Make a municipality of every council, with the areas placed in it, by council id.

    Examples
    --------
    >>> from democratie.importers.popolo._build import _take_ids
    >>> from democratie.importers.popolo._read import read_document
    >>> state = State(_EXAMPLE, "heerde.json")
    >>> _ = read_document(state)
    >>> _take_ids(state)
    >>> heerde = build_municipalities(state, [])["raad"]
    >>> heerde.id, heerde.name, heerde.cbs_code
    ('raad', 'Heerde', 'GM0246')
    """
    councils = {org.id: org for org in state.orgs.values() if org.kind == "council"}
    placement = place_document_areas(state, councils, memberships)
    result: dict[str, Municipality] = {}
    for council in councils.values():
        areas = [build_area(state, placed) for placed in placement.trees[council.id]]
        own = own_ids(council.own, council.identifiers)
        identifiers = [*own, *council.identifiers]
        if own and council.area is not None and council.area in state.areas:
            identifiers.append(state.areas[council.area].own)
        code = _cbs_code(state, council)
        fields: dict[str, Any] = {"cbs_code": code} if code else {"name": council.name}
        if council.seats is not None and council.seats > MAX_SEATS:
            state.skip(
                "organization.seats",
                f"seat counts above {MAX_SEATS}, more than the model's council holds; the "
                "seats were counted from the members instead",
                f"{council.path}.seats",
                council.seats,
            )
        elif council.seats is not None:
            fields["council"] = Council(seats=council.seats)
        built = state.check.build(
            council.path,
            Municipality,
            id=state.ids["org", council.id],
            areas=tuple(area for area in areas if area is not None),
            identifiers=tuple(unique(identifiers)),
            **fields,
        )
        if built is not None:
            result[council.id] = built
    report_cycles(state, placement)
    return result


def _cbs_code(state: State, org: OrgRecord) -> str | None:
    for identifier in org.identifiers:
        value = identifier.identifier.upper()
        if (identifier.scheme == "cbs" or CBS_CODE.fullmatch(value)) and reference.is_known_code(
            value
        ):
            record = reference.by_code(value)
            if org.name and normalise(org.name) != normalise(record.name):
                state.report.note(
                    f"{org.path} ('{org.name}') carries the CBS code {record.cbs_code}; "
                    f"the municipality takes the CBS name '{record.name}'"
                )
            return record.cbs_code
    return None


def party_faction(
    state: State, council: str, municipality: Municipality, party: OrgRecord
) -> str | None:
    """The faction of a party in a council, made when first named (None if it cannot be).

    Examples
    --------
    >>> from democratie.importers.popolo._build import _take_ids
    >>> from democratie.importers.popolo._read import read_document
    >>> state = State(_EXAMPLE, "heerde.json")
    >>> _ = read_document(state)
    >>> _take_ids(state)
    >>> heerde = build_municipalities(state, [])["raad"]
    >>> party_faction(state, "raad", heerde, state.orgs["cda"])
    'raad-cda'
    >>> party_faction(state, "raad", heerde, state.orgs["cda"]), len(state.factions)
    ('raad-cda', 1)
    """
    key = (council, party.id)
    faction = state.factions.get(key)
    if faction is None:
        faction = state.check.build(
            party.path,
            Faction,
            id=state.take(f"{municipality.id}-{party.id}", fallback=municipality.id),
            name=party.name or party.id,
            party=state.ids["org", party.id],
        )
        if faction is None:
            return None
        state.factions[key] = faction
    return faction.id


def seat_councils(
    state: State, municipalities: Mapping[str, Municipality], roles: list[Role]
) -> dict[str, Municipality]:
    """Give each municipality its factions, and its council and factions the seats counted.

    Examples
    --------
    >>> from democratie.importers.popolo._build import _take_ids
    >>> from democratie.importers.popolo._read import read_document
    >>> from democratie.vocab import RoleKind
    >>> state = State(_EXAMPLE, "heerde.json")
    >>> _ = read_document(state)
    >>> _take_ids(state)
    >>> municipalities = build_municipalities(state, [])
    >>> faction = party_faction(state, "raad", municipalities["raad"], state.orgs["cda"])
    >>> roles = [Role(holder="p1", kind=RoleKind.RAADSLID, at="raad-raad", on_behalf_of=faction)]
    >>> council = seat_councils(state, municipalities, roles)["raad"].council
    >>> council.seats, [(f.id, f.seats) for f in council.factions]
    (1, [('raad-cda', 1)])
    """
    seated: dict[str, Municipality] = {}
    for key, mun in municipalities.items():
        with_factions = evolve(
            mun,
            council=evolve(
                mun.council,
                factions=tuple(f for (m, _), f in state.factions.items() if m == key),
            ),
        )
        given = with_factions.council.seats
        trial = Checker(state.source)
        counted = count_seats(with_factions, roles, trial, state.orgs[key].path)
        if given is not None and trial.problems:
            # The document's seats stand; more current members than seats (a term without
            # end dates, members who left without one) leaves the factions' seats unknown.
            state.report.note(
                f"{state.orgs[key].path} ('{mun.name}') has {given} seats, but its current "
                "members are more than that; the factions' seats were left unknown"
            )
            counted = with_factions
        else:
            state.check.problems.extend(trial.problems)
        seated[key] = counted
    return seated


def note_councils(state: State, municipalities: list[Municipality]) -> None:
    """Note in the report how the councils were read: CBS codes, and where seats come from.

    A council's seats come from the document when its legislature gives ``seats`` (as
    EveryPolitician does), else from the people who hold a current raadslid role in it.

    Examples
    --------
    >>> state = State({}, "council.json")
    >>> note_councils(state, [Municipality(id="raad", name="Brisbane")])
    >>> [note[:20] for note in state.report.build().notes]
    ['1 of 1 councils were', 'where Popolo gives n', "each faction's seats"]
    """
    if not municipalities:
        return
    without = [m for m in municipalities if m.cbs_code is None]
    if without:
        state.report.note(
            f"{len(without)} of {len(municipalities)} councils were imported as "
            "municipalities without a CBS code (their organizations carry none), named as "
            "in the data"
        )
    given = {
        state.ids["org", org.id]
        for org in state.orgs.values()
        if org.kind == "council" and org.seats is not None and org.seats <= MAX_SEATS
    }
    counted = [m for m in municipalities if m.council.seats is not None and m.id not in given]
    if given:
        state.report.note(
            f"{len(given)} of {len(municipalities)} councils have their seats from the "
            "document (the legislature's 'seats')"
        )
    if len(given) < len(municipalities):
        state.report.note(
            "where Popolo gives no seat count, the seats of a council "
            f"({len(counted)} of {len(municipalities) - len(given)} have any) are the number "
            "of distinct people holding a current raadslid role in it"
        )
    state.report.note(
        "each faction's seats are the number of distinct people holding a current raadslid "
        "role on its behalf"
    )

"""The Popolo exporter: valid against the official schemas, and read back by the Popolo importer.

The schemas are the sixteen official Popolo JSON Schemas (draft-03) from the shared real-data
folder; every ``$ref`` in them is an absolute popoloproject.com URL, so all sixteen are
registered by their ``id`` and validation runs offline.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from referencing import Registry
from referencing.jsonschema import DRAFT3

import democratie
from democratie.exporters.popolo import CONTACT_TYPES, PopoloExporter, popolo_data, popolo_text
from democratie.importers import import_popolo, load_ori, load_popolo
from democratie.importers.formats import PopoloImporter
from democratie.importers.popolo import OFFICES
from democratie.model import (
    Area,
    College,
    ContactDetail,
    Council,
    Faction,
    Initiative,
    Landscape,
    Meeting,
    Municipality,
    Network,
    Organisation,
    Person,
    Role,
)
from democratie.testing.contracts import check_exporter
from democratie.testing.strategies import landscapes
from democratie.vocab import (
    ActorKind,
    AreaLevel,
    ContactKind,
    InitiativeKind,
    MeetingKind,
    NetworkKind,
    RoleKind,
)

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.toml"))
REAL_DATA = Path(__file__).resolve().parents[2] / "shared" / "real-data"
SCHEMAS = REAL_DATA / "popolo-schemas"
ORI = REAL_DATA / "open-raadsinformatie"
QLD = REAL_DATA / "popolo-examples" / "qld_local_councillor_popolo.json"
SCHEMA_URL = "http://www.popoloproject.com/schemas/{}.json#"
KINDS = {
    "persons": "person",
    "organizations": "organization",
    "memberships": "membership",
    "areas": "area",
    "events": "event",
}
needs_real_data = pytest.mark.skipif(
    not REAL_DATA.is_dir(), reason=f"the shared real data folder {REAL_DATA} is absent"
)

# The roles the Popolo importer places in a college rather than in the council.
COLLEGE_KINDS = {
    RoleKind.BURGEMEESTER,
    RoleKind.WAARNEMEND_BURGEMEESTER,
    RoleKind.LOCOBURGEMEESTER,
    RoleKind.WETHOUDER,
    RoleKind.GEMEENTESECRETARIS,
    RoleKind.PORTEFEUILLEHOUDER,
}


# --- validation against the official schemas ------------------------------------------------


@cache
def validators() -> dict[str, jsonschema.Draft3Validator]:
    schemas = [json.loads(p.read_text("utf-8")) for p in sorted(SCHEMAS.glob("*.json"))]
    assert len(schemas) == 16
    registry: Registry[Any] = Registry().with_resources(
        (schema["id"], DRAFT3.create_resource(schema)) for schema in schemas
    )
    by_id = {schema["id"]: schema for schema in schemas}
    return {
        kind: jsonschema.Draft3Validator(
            by_id[SCHEMA_URL.format(kind)],
            registry=registry,
            format_checker=jsonschema.Draft3Validator.FORMAT_CHECKER,
        )
        for kind in KINDS.values()
    }


def schema_errors(doc: dict[str, Any]) -> Iterator[str]:
    assert set(doc) == set(KINDS)
    for key, kind in KINDS.items():
        for index, record in enumerate(doc[key]):
            for error in validators()[kind].iter_errors(record):
                yield f"{key}[{index}]: {error.message}"


@needs_real_data
def test_the_validator_catches_what_popolo_forbids() -> None:
    bad = {
        "persons": [{"id": "p", "name": "P", "birth_date": "gisteren"}],
        "organizations": [],
        "memberships": [{"person_id": "p", "start_date": "2020-1-1"}],
        "areas": [],
        "events": [{"attendees": [{"name": 3}]}],
    }
    assert len(list(schema_errors(bad))) == 3


def rich() -> Landscape:
    """A landscape that uses every part of the mapping, contact details included."""
    return Landscape(
        title="Heerde en omgeving",
        municipalities=(
            Municipality(
                id="heerde",
                cbs_code="GM0246",
                areas=(
                    Area(
                        id="wapenveld",
                        name="Wapenveld",
                        level=AreaLevel.KERN,
                        areas=(
                            Area(
                                id="wapenveld-noord",
                                name="Wapenveld-Noord",
                                level=AreaLevel.BUURT,
                                code="BU02460100",
                            ),
                        ),
                    ),
                ),
                council=Council(
                    seats=19,
                    factions=(
                        Faction(id="heerde-cda", name="CDA", party="cda"),
                        Faction(id="heerde-gemeentebelang", name="Gemeentebelang"),
                    ),
                ),
                college=College(wethouder_seats=3),
            ),
            Municipality(id="oud-heerde", name="Oud-Heerde"),
        ),
        organisations=(
            Organisation(id="cda", name="CDA", kind=ActorKind.POLITIEKE_PARTIJ),
            Organisation(
                id="rekenkamer-heerde",
                name="Rekenkamercommissie Heerde",
                kind=ActorKind.OVERHEIDSORGANISATIE,
                municipality="heerde",
                contact=(ContactDetail(kind=ContactKind.WEBSITE, value="https://heerde.nl"),),
            ),
            Organisation(
                id="dorpsraad-wapenveld",
                name="Dorpsraad Wapenveld",
                kind=ActorKind.DORPSRAAD,
                municipality="heerde",
                areas=("wapenveld",),
            ),
        ),
        people=(
            Person(
                id="p-jan",
                name="Jan Jansen",
                contact=(
                    ContactDetail(kind=ContactKind.EMAIL, value="jan@heerde.nl"),
                    ContactDetail(kind=ContactKind.TELEFOON, value="0578 699 699"),
                    ContactDetail(kind=ContactKind.ADRES, value="Postbus 175, Heerde"),
                ),
            ),
            Person(id="p-els", name="Els de Boer"),
            Person(id="p-wim", name="Wim Smit"),
        ),
        roles=(
            Role(
                holder="p-jan",
                kind=RoleKind.RAADSLID,
                at="heerde-raad",
                on_behalf_of="heerde-cda",
                start=dt.date(2022, 3, 30),
            ),
            Role(holder="p-jan", kind=RoleKind.FRACTIEVOORZITTER, at="heerde-cda"),
            Role(holder="p-els", kind=RoleKind.WETHOUDER, at="heerde-college", title="Wethouder"),
            Role(
                holder="p-els",
                kind=RoleKind.PORTEFEUILLEHOUDER,
                at="heerde-college",
                portfolio=("Financiën",),
                end=dt.date(2024, 1, 1),
            ),
            Role(holder="p-wim", kind=RoleKind.RAADSLID, at="heerde-gemeentebelang"),
            Role(holder="p-wim", kind=RoleKind.WIJKREGISSEUR, at="wapenveld", id="wim-regisseur"),
            Role(holder="p-wim", kind=RoleKind.SECRETARIS, at="rekenkamer-heerde"),
            Role(holder="dorpsraad-wapenveld", kind=RoleKind.PARTNER, at="dorpsvisie"),
            Role(holder="p-els", kind=RoleKind.KARTREKKER, at="dorpsvisie-avond"),
            Role(
                holder="p-jan",
                kind=RoleKind.AMBTENAAR_DEMOCRATISCHE_VERNIEUWING,
                at="oud-heerde",
                start=dt.date(2023, 1, 1),
            ),
            Role(
                holder="p-wim",
                kind=RoleKind.CONTACTPERSOON,
                at="dorpsraad-wapenveld",
                on_behalf_of="heerde",
            ),
            Role(holder="dorpsraad-wapenveld", kind=RoleKind.PARTNER, at="rekenkamer-heerde"),
        ),
        initiatives=(
            Initiative(
                id="dorpsvisie",
                title="Dorpsvisie Wapenveld",
                kind=InitiativeKind.TRAJECT,
                municipalities=("heerde",),
                meetings=(
                    Meeting(
                        id="dorpsvisie-avond",
                        title="Dorpsavond",
                        kind=MeetingKind.WERKSESSIE,
                        date=dt.date(2023, 5, 10),
                        location="Wapenveld",
                        attendees=("p-wim", "dorpsraad-wapenveld"),
                        held=True,
                    ),
                ),
            ),
        ),
        networks=(
            Network(
                id="kernen-netwerk",
                name="Kernennetwerk",
                kind=NetworkKind.WIJKNETWERK,
                members=("dorpsraad-wapenveld", "p-els", "heerde-cda"),
            ),
        ),
    )


@needs_real_data
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_is_valid_popolo(path: Path) -> None:
    doc = popolo_data(democratie.load(path), include_private=True)
    assert list(schema_errors(doc)) == []


@needs_real_data
def test_every_part_of_the_mapping_is_valid_popolo() -> None:
    assert list(schema_errors(popolo_data(rich(), include_private=True))) == []


@needs_real_data
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)
@given(landscapes())
def test_every_landscape_the_model_allows_is_valid_popolo(land: Landscape) -> None:
    assert list(schema_errors(popolo_data(land, include_private=True))) == []


# --- the mapping ------------------------------------------------------------------------------


def by_id(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {record["id"]: record for record in records}


def test_the_mapping_of_municipalities_factions_and_organisations() -> None:
    doc = popolo_data(rich())
    orgs = by_id(doc["organizations"])
    assert list(orgs) == [
        "heerde",
        "oud-heerde",
        "heerde-gemeentebelang",
        "cda",
        "rekenkamer-heerde",
        "dorpsraad-wapenveld",
        "kernen-netwerk",
        "dorpsvisie",
    ]
    assert orgs["heerde"] == {
        "id": "heerde",
        "name": "Heerde",
        "classification": "legislature",
        # The council's seats, where EveryPolitician writes a legislature's.
        "seats": 19,
        "identifiers": [{"identifier": "GM0246", "scheme": "cbs"}],
        "area_id": "https://identifier.overheid.nl/tooi/id/gemeente/gm0246",
    }
    # A role held at the municipality itself covers the municipality's own area.
    assert orgs["oud-heerde"] == {
        "id": "oud-heerde",
        "name": "Oud-Heerde",
        "classification": "legislature",
        "area_id": "oud-heerde/gemeente",
    }
    # A faction without a party organisation is an organization of its own, in its council.
    assert orgs["heerde-gemeentebelang"] == {
        "id": "heerde-gemeentebelang",
        "name": "Gemeentebelang",
        "classification": "faction",
        "parent_id": "heerde",
    }
    assert [
        orgs[o]["classification"] for o in ("cda", "rekenkamer-heerde", "dorpsraad-wapenveld")
    ] == [
        "party",
        "government",
        "dorpsraad",
    ]
    assert orgs["rekenkamer-heerde"]["parent_id"] == "heerde"
    assert orgs["dorpsraad-wapenveld"]["area_id"] == "wapenveld"
    assert (orgs["kernen-netwerk"]["classification"], orgs["dorpsvisie"]["classification"]) == (
        "network",
        "initiative",
    )


def test_the_mapping_of_roles_to_memberships() -> None:
    memberships = popolo_data(rich())["memberships"]
    assert memberships[:12] == [
        {
            "person_id": "p-jan",
            "organization_id": "heerde",
            "on_behalf_of_id": "cda",
            "role": "Raadslid",
            "start_date": "2022-03-30",
        },
        {
            "person_id": "p-jan",
            "organization_id": "heerde",
            "on_behalf_of_id": "cda",
            "role": "Fractievoorzitter",
        },
        {
            "person_id": "p-els",
            "organization_id": "heerde",
            "role": "Wethouder",
            "label": "Wethouder",
        },
        {
            "person_id": "p-els",
            "organization_id": "heerde",
            "role": "Portefeuillehouder",
            "end_date": "2024-01-01",
        },
        {
            "person_id": "p-wim",
            "organization_id": "heerde",
            "on_behalf_of_id": "heerde-gemeentebelang",
            "role": "Raadslid",
        },
        {
            "id": "wim-regisseur",
            "person_id": "p-wim",
            "organization_id": "heerde",
            "area_id": "wapenveld",
            "role": "Wijkregisseur",
        },
        {"person_id": "p-wim", "organization_id": "rekenkamer-heerde", "role": "Secretaris"},
        {
            "member": {"@type": "Organization", "id": "dorpsraad-wapenveld"},
            "organization_id": "dorpsvisie",
            "role": "Partner",
        },
        {"person_id": "p-els", "organization_id": "dorpsvisie", "role": "Kartrekker"},
        {
            "person_id": "p-jan",
            "organization_id": "oud-heerde",
            "area_id": "oud-heerde/gemeente",
            "role": "Ambtenaar democratische vernieuwing",
            "start_date": "2023-01-01",
        },
        {
            "person_id": "p-wim",
            "organization_id": "dorpsraad-wapenveld",
            "on_behalf_of_id": "heerde",
            "role": "Contactpersoon",
        },
        {
            "member": {"@type": "Organization", "id": "dorpsraad-wapenveld"},
            "organization_id": "rekenkamer-heerde",
            "role": "Partner",
        },
    ]
    # The network's members are memberships of the network.
    assert memberships[12:] == [
        {
            "member": {"@type": "Organization", "id": "dorpsraad-wapenveld"},
            "organization_id": "kernen-netwerk",
            "role": "Lid",
        },
        {"person_id": "p-els", "organization_id": "kernen-netwerk", "role": "Lid"},
        {
            "member": {"@type": "Organization", "id": "cda"},
            "organization_id": "kernen-netwerk",
            "role": "Lid",
        },
    ]


def test_the_mapping_of_areas_and_meetings() -> None:
    doc = popolo_data(rich())
    assert doc["areas"] == [
        {
            "id": "https://identifier.overheid.nl/tooi/id/gemeente/gm0246",
            "name": "Heerde",
            "identifier": "GM0246",
            "classification": "gemeente",
        },
        {
            "id": "wapenveld",
            "name": "Wapenveld",
            "classification": "kern",
            "parent_id": "https://identifier.overheid.nl/tooi/id/gemeente/gm0246",
        },
        {
            "id": "wapenveld-noord",
            "name": "Wapenveld-Noord",
            "identifier": "BU02460100",
            "classification": "buurt",
            "parent_id": "wapenveld",
        },
        {"id": "oud-heerde/gemeente", "name": "Oud-Heerde", "classification": "gemeente"},
    ]
    assert doc["events"] == [
        {
            "id": "dorpsvisie-avond",
            "name": "Dorpsavond",
            "classification": "werksessie",
            "start_date": "2023-05-10",
            "location": "Wapenveld",
            "status": "held",
            "organization_id": "dorpsvisie",
            "attendees": [{"id": "p-wim", "name": "Wim Smit"}],
        }
    ]


def test_contact_details_are_written_only_when_asked_for() -> None:
    assert not any("contact_details" in p for p in popolo_data(rich())["persons"])
    private = popolo_data(rich(), include_private=True)
    jan = by_id(private["persons"])["p-jan"]
    assert jan["contact_details"] == [
        {"type": "email", "value": "jan@heerde.nl"},
        {"type": "voice", "value": "0578 699 699"},
        {"type": "address", "value": "Postbus 175, Heerde"},
    ]
    assert by_id(private["organizations"])["rekenkamer-heerde"]["contact_details"] == [
        {"type": "url", "value": "https://heerde.nl"}
    ]
    assert set(CONTACT_TYPES) == set(ContactKind)


def test_the_text_is_indented_json_ending_in_a_line_end() -> None:
    text = popolo_text(rich())
    assert text.endswith("}\n")
    assert json.loads(text) == popolo_data(rich())
    assert '"name": "Financiën"' not in text  # portfolios have no place in Popolo


# --- the round trip through the Popolo importer ---------------------------------------------
#
# landscape -> Popolo -> landscape keeps the people, the organisations and the roles, as far
# as Popolo carries them. What it cannot carry, and why:
#
# - initiatives, networks and meetings: the export writes initiatives and networks as
#   organizations (``initiative``, ``network``) and meetings as events, but the model needs
#   what Popolo has no field for (an initiative's kind, phases, participants; a network's
#   kind and themes), so the importer reports them and leaves them out, and with them the
#   roles held there and the network members;
# - where in a municipality a role sits: a municipality is one organization, as in Open
#   Raadsinformatie; council, college and factions are told apart by the role, areas and the
#   municipality itself by ``area_id`` (for roles that are no council or college office);
# - the faction of a party: written as memberships on behalf of the party, it comes back as
#   the faction ``<municipality>-<party>``; a faction without a party is an organization of its
#   own and comes back as it was;
# - an organisation's sector, several areas, or both a parent and a municipality.
#
# The helpers below compute, from the landscape written, what comes back.

#: A role as the round trip compares it: holder, kind, place, on behalf of, start, end.
RoleKey = tuple[str, RoleKind, str | None, str | None, dt.date | None, dt.date | None]


def people(land: Landscape) -> set[tuple[str, str]]:
    """Ids and names of the people; names as the importer reads text, without outer spaces."""
    return {(p.id, p.name.strip()) for p in land.people}


def organisations(land: Landscape) -> set[tuple[str, str, ActorKind]]:
    """Ids, names (without outer spaces) and kinds of the organisations."""
    return {(o.id, o.name.strip(), o.kind) for o in land.organisations}


def organisation_links(land: Landscape) -> set[tuple[str, str | None, str | None, tuple[str, ...]]]:
    """Municipality, parent and areas of each organisation, as one Popolo organization holds them.

    ``parent_id`` holds the parent organisation or else the municipality, so an organisation
    with both keeps its parent only; ``area_id`` holds one area, so an organisation in
    several areas keeps none.
    """
    return {
        (
            o.id,
            o.municipality if o.parent is None else None,
            o.parent,
            o.areas if len(o.areas) == 1 else (),
        )
        for o in land.organisations
    }


def _written_for(land: Landscape, entity: str) -> str:
    """What Popolo's ``on_behalf_of_id`` names for *entity*: a faction's party if it has one."""
    found = land.get(entity)
    if isinstance(found, Faction) and found.party is not None:
        return found.party
    return entity


def _is_a_party(land: Landscape, entity: str) -> bool:
    found = land.get(entity)
    return isinstance(found, Organisation) and found.kind is ActorKind.POLITIEKE_PARTIJ


def _carried(land: Landscape, role: Role) -> RoleKey | None:
    at, by = role.at, role.on_behalf_of
    where = None if at is None else land.kind_of(at)
    if where in {"initiative", "network", "meeting"}:
        return None
    if at is not None and where in {"municipality", "council", "college", "faction", "area"}:
        municipality = land.municipality_of(at)
        written = by if by is not None else (at if where == "faction" else None)
        if written is not None:
            written = _written_for(land, written)
            if _is_a_party(land, written):
                return None
        faction = written if written is not None and land.kind_of(written) == "faction" else None
        if role.kind not in OFFICES and where in {"municipality", "area"}:
            by = written
        elif role.kind is RoleKind.FRACTIEVOORZITTER and faction is not None:
            at, by = faction, None
        else:
            at = f"{municipality}-{'college' if role.kind in COLLEGE_KINDS else 'raad'}"
            by = written
    elif by is not None:
        by = _written_for(land, by)
    return (role.holder, role.kind, at, by, role.start, role.end)


def expected_roles(land: Landscape) -> set[RoleKey]:
    """The roles of *land* as Popolo carries them: what the round trip must give back.

    - A role at an initiative, a network or a meeting is left out.
    - A role in a municipality (at the municipality, its council, college, a faction or an
      area) is a membership of the municipality's organization: it comes back at the
      municipality or the area when its kind is no council or college office
      (:data:`democratie.importers.popolo.OFFICES`); otherwise a fractievoorzitter on behalf
      of a faction comes back at the faction, a college office in the college and every
      other role in the council, on behalf of the faction (or the body) it was written for.
    - A faction that has a party organisation is written as that party (Popolo's
      ``on_behalf_of_id``), so a role on behalf of (or at) it comes back on behalf of the
      party. When the party is a political party and the role sits in a municipality, it
      comes back on behalf of the faction ``<municipality>-<party>`` instead, whatever the
      faction was called: such roles, and those in a municipality on behalf of a political
      party, are left out (and :func:`returned_roles` leaves them out of what comes back).
    - Every other role (at an organisation or nowhere, held by a person or an organisation,
      on behalf of an organisation, a municipality or a faction without a party) comes back
      as it was.
    """
    carried = (_carried(land, role) for role in land.roles)
    return {key for key in carried if key is not None}


def returned_roles(back: Landscape) -> set[RoleKey]:
    """The roles read back, less those at or on behalf of a faction that has a party."""

    def of_a_party(entity: str | None) -> bool:
        found = None if entity is None else back.get(entity)
        return isinstance(found, Faction) and found.party is not None

    return {
        (r.holder, r.kind, r.at, r.on_behalf_of, r.start, r.end)
        for r in back.roles
        if not (of_a_party(r.at) or of_a_party(r.on_behalf_of))
    }


def municipalities(land: Landscape) -> set[tuple[str, str | None, str]]:
    """Id, CBS code, and the name when there is no code (the code gives the CBS name)."""
    return {
        (m.id, m.cbs_code, m.name.strip() if m.cbs_code is None else "")
        for m in land.municipalities
    }


def assert_round_trip(land: Landscape, back: Landscape) -> None:
    """Assert that *back* holds what Popolo carries of *land* (see :func:`expected_roles`)."""
    assert people(back) == people(land)
    assert municipalities(back) == municipalities(land)
    assert organisations(back) == organisations(land)
    assert {(o.id, o.municipality, o.parent, o.areas) for o in back.organisations} == (
        organisation_links(land)
    )
    assert returned_roles(back) == expected_roles(land)


def equivalent(original: Landscape, back: Landscape) -> bool:
    """What the Popolo round trip promises, for any landscape."""
    try:
        assert_round_trip(original, back)
    except AssertionError:
        return False
    return True


def test_the_round_trip_contract_holds_for_every_landscape() -> None:
    """democratie.testing.contracts.check_exporter with the Popolo importer."""
    check_exporter(
        PopoloExporter(), importer=PopoloImporter(), equivalent=equivalent, max_examples=40
    )


@given(landscapes())
def test_every_landscape_keeps_what_popolo_carries(land: Landscape) -> None:
    """People, organisations and roles come back as :func:`expected_roles` says.

    Popolo cannot carry initiatives, networks and meetings (the model needs their kind and
    details), nor tell every place in a municipality apart; those limits are the only
    difference allowed, and the helpers above spell them out.
    """
    back = import_popolo(popolo_data(land, include_private=True)).landscape
    assert_round_trip(land, back)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_the_examples_keep_what_popolo_carries(path: Path) -> None:
    """Every seed example: its people, organisations and the roles Popolo carries come back."""
    land = democratie.load(path)
    back = import_popolo(popolo_data(land, include_private=True)).landscape
    assert_round_trip(land, back)
    assert len(back.organisations) == len(land.organisations)


def test_the_examples_lose_only_roles_at_initiatives_and_networks() -> None:
    """What the seed examples lose: the roles held at initiatives and networks, and nothing else."""
    lost: dict[str, list[tuple[str, str]]] = {}
    for path in EXAMPLES:
        land = democratie.load(path)
        kept = expected_roles(land)
        lost[path.stem] = [
            (role.holder, land.kind_of(role.at or ""))
            for role in land.roles
            if not any(key[:2] == (role.holder, role.kind) for key in kept)
        ]
    assert lost == {
        "delft-zeven-van-delft": [
            ("p-rob-van-den-berg", "initiative"),
            ("p-jeroen-joon", "initiative"),
        ],
        "democratie-in-actie-noord-nederland": [
            ("p-emma-klever", "initiative"),
            ("p-nicolien-waanders", "initiative"),
            ("p-veranderambtenaar-emmen", "network"),
            ("p-veranderambtenaar-leeuwarden", "network"),
            ("p-veranderambtenaar-groningen", "network"),
            ("p-veranderambtenaar-vng", "network"),
        ],
        "leusden-samenleving-voorop": [],
        "m50-leerkring-waalwijk": [],
        "stichtse-vecht-gebiedsgericht-werken": [],
    }


def test_the_round_trip_keeps_people_organisations_and_memberships() -> None:
    land = rich()
    result = import_popolo(popolo_data(land, include_private=True))
    back = result.landscape
    assert_round_trip(land, back)
    assert {(p.id, p.name, p.contact) for p in back.people} == {
        (p.id, p.name, p.contact) for p in land.people
    }
    assert {(m.id, m.cbs_code, m.name) for m in back.municipalities} == {
        ("heerde", "GM0246", "Heerde"),
        ("oud-heerde", None, "Oud-Heerde"),
    }
    assert {(o.id, o.kind, o.municipality, o.areas, o.contact) for o in back.organisations} == {
        ("cda", ActorKind.POLITIEKE_PARTIJ, None, (), ()),
        (
            "rekenkamer-heerde",
            ActorKind.OVERHEIDSORGANISATIE,
            "heerde",
            (),
            (ContactDetail(kind=ContactKind.WEBSITE, value="https://heerde.nl"),),
        ),
        ("dorpsraad-wapenveld", ActorKind.DORPSRAAD, "heerde", ("wapenveld",), ()),
    }
    heerde = back.get("heerde")
    assert isinstance(heerde, Municipality)
    assert [(f.id, f.name, f.party) for f in heerde.council.factions] == [
        ("heerde-gemeentebelang", "Gemeentebelang", None),
        ("heerde-cda", "CDA", "cda"),
    ]
    assert [(a.id, a.level, a.code) for a in heerde.walk_areas()] == [
        ("wapenveld", AreaLevel.KERN, None),
        ("wapenveld-noord", AreaLevel.BUURT, "BU02460100"),
    ]

    def day(year: int, month: int, date: int) -> dt.date:
        return dt.date(year, month, date)

    assert {
        (r.holder, r.kind, r.at, r.on_behalf_of, r.title, r.start, r.end) for r in back.roles
    } == {
        ("p-jan", RoleKind.RAADSLID, "heerde-raad", "heerde-cda", None, day(2022, 3, 30), None),
        ("p-jan", RoleKind.FRACTIEVOORZITTER, "heerde-cda", None, None, None, None),
        ("p-els", RoleKind.WETHOUDER, "heerde-college", None, None, None, None),
        ("p-els", RoleKind.PORTEFEUILLEHOUDER, "heerde-college", None, None, None, day(2024, 1, 1)),
        ("p-wim", RoleKind.RAADSLID, "heerde-raad", "heerde-gemeentebelang", None, None, None),
        ("p-wim", RoleKind.WIJKREGISSEUR, "wapenveld", None, None, None, None),
        ("p-wim", RoleKind.SECRETARIS, "rekenkamer-heerde", None, None, None, None),
        (
            "p-jan",
            RoleKind.AMBTENAAR_DEMOCRATISCHE_VERNIEUWING,
            "oud-heerde",
            None,
            None,
            day(2023, 1, 1),
            None,
        ),
        ("p-wim", RoleKind.CONTACTPERSOON, "dorpsraad-wapenveld", "heerde", None, None, None),
        ("dorpsraad-wapenveld", RoleKind.PARTNER, "rekenkamer-heerde", None, None, None, None),
    }
    # What Popolo cannot carry is reported, not dropped silently.
    report = {item.category: item.count for item in result.report}
    assert report["organization.initiative"] == report["organization.network"] == 1
    assert report["document.events"] == 1
    assert report["membership.organization"] == 5  # 2 roles at the initiative, 3 members


def test_every_role_kind_survives_the_round_trip() -> None:
    kinds = list(RoleKind)
    land = Landscape(
        organisations=(Organisation(id="org", name="Org", kind=ActorKind.OVERHEIDSORGANISATIE),),
        people=tuple(Person(id=f"p-{i}", name=f"P {i}") for i in range(len(kinds))),
        roles=tuple(
            Role(holder=f"p-{i}", kind=kind, at="org", title=f"Titel {i}")
            for i, kind in enumerate(kinds)
        ),
    )
    back = import_popolo(popolo_data(land)).landscape
    assert {(r.holder, r.kind, r.at, r.title) for r in back.roles} == {
        (r.holder, r.kind, r.at, r.title) for r in land.roles
    }


def test_every_organisation_kind_survives_the_round_trip() -> None:
    land = Landscape(
        organisations=tuple(
            Organisation(id=f"org-{kind.value}", name=kind.label_nl, kind=kind)
            for kind in ActorKind
        )
    )
    back = import_popolo(popolo_data(land)).landscape
    assert organisations(back) == organisations(land)


def _roles(land: Landscape) -> set[tuple[Any, ...]]:
    return {(r.holder, r.kind, r.at, r.on_behalf_of, r.title, r.start, r.end) for r in land.roles}


@needs_real_data
@pytest.mark.parametrize("council", ["amstelveen", "heerde", "utrecht"])
def test_real_councils_survive_the_round_trip_exactly(council: str) -> None:
    """Open Raadsinformatie data -> landscape -> Popolo -> landscape: the same council."""
    land = load_ori(ORI / f"{council}_persons.json").landscape
    doc = popolo_data(land, include_private=True)
    assert list(schema_errors(doc)) == []
    back = import_popolo(doc).landscape
    assert {(p.id, p.name, p.contact) for p in back.people} == {
        (p.id, p.name, p.contact) for p in land.people
    }
    assert organisations(back) == organisations(land)
    assert _roles(back) == _roles(land)
    assert [m.id for m in back.municipalities] == [m.id for m in land.municipalities]
    assert {(f.id, f.party) for f in back.municipalities[0].council.factions} == {
        (f.id, f.party) for f in land.municipalities[0].council.factions
    }


@needs_real_data
def test_a_standard_popolo_file_comes_back_the_same() -> None:
    """Queensland Popolo -> landscape -> Popolo -> landscape: a fixed point."""
    land = load_popolo(QLD).landscape
    doc = popolo_data(land, include_private=True)
    assert list(schema_errors(doc)) == []
    back = import_popolo(doc).landscape
    assert {(p.id, p.name, p.contact) for p in back.people} == {
        (p.id, p.name, p.contact) for p in land.people
    }
    assert organisations(back) == organisations(land)
    assert _roles(back) == _roles(land)
    assert [(m.id, m.name, m.council.seats) for m in back.municipalities] == [
        (m.id, m.name, m.council.seats) for m in land.municipalities
    ]

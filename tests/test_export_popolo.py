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
from democratie.importers.plugin import PopoloImporter
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

# What the Popolo importer reads back (the others it reports and leaves out).
IMPORTED_KINDS = {ActorKind.POLITIEKE_PARTIJ, ActorKind.OVERHEIDSORGANISATIE}
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
        "gemeentebelang",
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
        "identifiers": [{"identifier": "GM0246", "scheme": "cbs"}],
        "area_id": "https://identifier.overheid.nl/tooi/id/gemeente/gm0246",
    }
    assert orgs["oud-heerde"] == {
        "id": "oud-heerde",
        "name": "Oud-Heerde",
        "classification": "legislature",
    }
    # A faction without a party organisation becomes one, named for the importer's ids.
    assert orgs["gemeentebelang"] == {
        "id": "gemeentebelang",
        "name": "Gemeentebelang",
        "classification": "party",
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
    assert memberships[:9] == [
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
            "on_behalf_of_id": "gemeentebelang",
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
    ]
    # The network's members are memberships of the network.
    assert memberships[9:] == [
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


def people(land: Landscape) -> set[tuple[str, str, tuple[ContactDetail, ...]]]:
    return {(p.id, p.name, p.contact) for p in land.people}


def organisations(land: Landscape) -> set[tuple[str, str, str]]:
    return {(o.id, o.name, o.kind.value) for o in land.organisations}


def roles(land: Landscape) -> set[tuple[Any, ...]]:
    return {(r.holder, r.kind, r.at, r.on_behalf_of, r.title, r.start, r.end) for r in land.roles}


def kept_roles(land: Landscape) -> set[tuple[Any, ...]]:
    """The roles the round trip keeps exactly (see the table in democratie.exporters.popolo).

    Roles held by a person, without ``on_behalf_of``, at a council (a council role), at a
    college (a college role) or at a party or government body.
    """
    kept = set()
    for role in land.roles:
        if role.at is None or role.on_behalf_of is not None:
            continue
        if land.kind_of(role.holder) != "person":
            continue
        where = land.kind_of(role.at)
        place = land.get(role.at)
        fits = (
            (where == "council" and role.kind not in COLLEGE_KINDS)
            or (where == "college" and role.kind in COLLEGE_KINDS)
            or (isinstance(place, Organisation) and place.kind in IMPORTED_KINDS)
        )
        if fits:
            kept.add((role.holder, role.kind, role.at, role.start, role.end))
    return kept


def municipalities(land: Landscape) -> set[tuple[str, str | None, str]]:
    """Id, CBS code, and the name when there is no code (the code gives the CBS name)."""
    return {
        (m.id, m.cbs_code, m.name.strip() if m.cbs_code is None else "")
        for m in land.municipalities
    }


def equivalent(original: Landscape, back: Landscape) -> bool:
    """What the Popolo round trip promises, for any landscape.

    Names are compared as the importer reads them: without spaces at either end.
    """
    back_roles = {(r.holder, r.kind, r.at, r.start, r.end) for r in back.roles}
    return (
        {(p.id, p.name.strip()) for p in original.people} == {(p.id, p.name) for p in back.people}
        and municipalities(original) == municipalities(back)
        and {
            (o.id, o.name.strip(), o.kind.value)
            for o in original.organisations
            if o.kind in IMPORTED_KINDS
        }
        <= organisations(back)
        and kept_roles(original) <= back_roles
    )


def test_the_round_trip_contract_holds_for_every_landscape() -> None:
    """democratie.testing.contracts.check_exporter with the Popolo importer."""
    check_exporter(
        PopoloExporter(), importer=PopoloImporter(), equivalent=equivalent, max_examples=40
    )


def test_the_round_trip_keeps_people_organisations_and_memberships() -> None:
    land = rich()
    back = import_popolo(popolo_data(land, include_private=True)).landscape
    assert people(back) == people(land)
    assert {(m.id, m.cbs_code, m.name) for m in back.municipalities} == {
        ("heerde", "GM0246", "Heerde"),
        ("oud-heerde", None, "Oud-Heerde"),
    }
    assert organisations(back) == {
        ("cda", "CDA", "politieke_partij"),
        ("gemeentebelang", "Gemeentebelang", "politieke_partij"),
        ("rekenkamer-heerde", "Rekenkamercommissie Heerde", "overheidsorganisatie"),
    }
    heerde = back.get("heerde")
    assert isinstance(heerde, Municipality)
    assert [(f.id, f.party) for f in heerde.council.factions] == [
        ("heerde-cda", "cda"),
        ("heerde-gemeentebelang", "gemeentebelang"),
    ]
    assert [(a.id, a.level, a.code) for a in heerde.walk_areas()] == [
        ("wapenveld", AreaLevel.KERN, None),
        ("wapenveld-noord", AreaLevel.BUURT, "BU02460100"),
    ]
    expected = {
        ("p-jan", RoleKind.RAADSLID, "heerde-raad", "heerde-cda", None, dt.date(2022, 3, 30), None),
        ("p-jan", RoleKind.FRACTIEVOORZITTER, "heerde-cda", None, None, None, None),
        ("p-els", RoleKind.WETHOUDER, "heerde-college", None, None, None, None),
        (
            "p-els",
            RoleKind.PORTEFEUILLEHOUDER,
            "heerde-college",
            None,
            None,
            None,
            dt.date(2024, 1, 1),
        ),
        ("p-wim", RoleKind.RAADSLID, "heerde-raad", "heerde-gemeentebelang", None, None, None),
        # A role at an area comes back at the council of its municipality.
        ("p-wim", RoleKind.WIJKREGISSEUR, "heerde-raad", None, None, None, None),
        ("p-wim", RoleKind.SECRETARIS, "rekenkamer-heerde", None, None, None, None),
    }
    assert roles(back) == expected


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
    assert roles(back) == roles(land)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_the_examples_keep_what_the_round_trip_promises(path: Path) -> None:
    land = democratie.load(path)
    back = import_popolo(popolo_data(land, include_private=True)).landscape
    assert equivalent(land, back)
    assert people(back) == people(land)


@needs_real_data
@pytest.mark.parametrize("council", ["amstelveen", "heerde", "utrecht"])
def test_real_councils_survive_the_round_trip_exactly(council: str) -> None:
    """Open Raadsinformatie data -> landscape -> Popolo -> landscape: the same council."""
    land = load_ori(ORI / f"{council}_persons.json").landscape
    doc = popolo_data(land, include_private=True)
    assert list(schema_errors(doc)) == []
    back = import_popolo(doc).landscape
    assert people(back) == people(land)
    assert organisations(land) <= organisations(back)
    assert roles(back) == roles(land)
    assert [m.id for m in back.municipalities] == [m.id for m in land.municipalities]
    assert {f.id for f in back.municipalities[0].council.factions} == {
        f.id for f in land.municipalities[0].council.factions
    }


@needs_real_data
def test_a_standard_popolo_file_comes_back_the_same() -> None:
    """Queensland Popolo -> landscape -> Popolo -> landscape: a fixed point."""
    land = load_popolo(QLD).landscape
    doc = popolo_data(land, include_private=True)
    assert list(schema_errors(doc)) == []
    back = import_popolo(doc).landscape
    assert people(back) == people(land)
    assert organisations(back) == organisations(land)
    assert roles(back) == roles(land)
    assert [(m.id, m.name, m.council.seats) for m in back.municipalities] == [
        (m.id, m.name, m.council.seats) for m in land.municipalities
    ]

"""The importers on real data: three Open Raadsinformatie councils and the Queensland Popolo file.

Every expected number is computed here from the raw JSON with plain ``json`` and
``collections`` code, never with the importers' own helpers, and compared with
what the importers made of it.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest

import democratie
from democratie.importers import ImportResult, load_ori, load_popolo
from democratie.importers.ori import detect as detect_ori
from democratie.importers.popolo import detect as detect_popolo
from democratie.model import Landscape
from democratie.vocab import ContactKind, RoleKind

REAL_DATA = Path(__file__).resolve().parents[2] / "shared" / "real-data"
ORI = REAL_DATA / "open-raadsinformatie"
QLD = REAL_DATA / "popolo-examples" / "qld_local_councillor_popolo.json"

pytestmark = [
    pytest.mark.realdata,
    pytest.mark.skipif(
        not REAL_DATA.is_dir(),
        reason=f"the shared real data folder {REAL_DATA} is absent",
    ),
]

COUNCILS = ("amstelveen", "heerde", "utrecht")
CBS = {"amstelveen": "GM0362", "heerde": "GM0246", "utrecht": "GM0344"}

# The Dutch role texts of the source, and the role kinds they must become.
EXPECTED_KIND = {
    "Raadslid": "raadslid",
    "Fractievoorzitter": "fractievoorzitter",
    "Wethouder": "wethouder",
    "Burgemeester": "burgemeester",
    "Burgemeester waarnemend": "waarnemend_burgemeester",
    "Locoburgemeester": "locoburgemeester",
    "Raadsgriffier": "griffier",
    "Secretaris": "gemeentesecretaris",
}
COLLEGE = {"burgemeester", "waarnemend_burgemeester", "locoburgemeester", "wethouder"}


def raw(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def ori_ids(person: democratie.Person) -> set[str]:
    return {i.identifier for i in person.identifiers if i.scheme == "ori"}


@pytest.fixture(scope="module")
def ori_results() -> dict[str, ImportResult]:
    return {town: load_ori(ORI / f"{town}_persons.json") for town in COUNCILS}


@pytest.fixture(scope="module")
def qld_result() -> ImportResult:
    return load_popolo(QLD)


# -- Open Raadsinformatie ----------------------------------------------------------------


@pytest.mark.parametrize("town", COUNCILS)
class TestOpenRaadsinformatie:
    def test_the_municipality_is_matched_to_its_cbs_code(
        self, town: str, ori_results: dict[str, ImportResult]
    ) -> None:
        organisations = raw(ORI / f"{town}_organisations.json")["organisations"]
        own = [o for o in organisations if o["classification"] == "Municipality"]
        code_in_data = [i["identifier"] for i in own[0]["identifiers"] if i["scheme"] == "CBS"]
        land = ori_results[town].landscape
        (municipality,) = land.municipalities
        assert municipality.id == town
        assert municipality.cbs_code == CBS[town] == code_in_data[0]

    def test_no_person_record_is_lost(
        self, town: str, ori_results: dict[str, ImportResult]
    ) -> None:
        records = raw(ORI / f"{town}_persons.json")["persons"]
        land = ori_results[town].landscape
        kept = set().union(*(ori_ids(p) for p in land.people))
        assert kept == {r["id"] for r in records}
        # The Almanak lists a person once per position; one name is one person here.
        assert len(land.people) == len({r["name"] for r in records})
        assert sorted(p.name for p in land.people) == sorted({r["name"] for r in records})

    def test_every_position_becomes_one_role_of_the_right_kind(
        self, town: str, ori_results: dict[str, ImportResult]
    ) -> None:
        records = raw(ORI / f"{town}_persons.json")["persons"]
        expected = Counter(
            EXPECTED_KIND[m["role"]]
            for r in records
            for m in r["memberships"]
            if m["organisation"]["classification"] == "Council"
        )
        land = ori_results[town].landscape
        assert Counter(role.kind.value for role in land.roles) == expected
        assert len(land.roles) == len(records)

    def test_roles_sit_where_the_office_is_and_on_behalf_of_the_party(
        self, town: str, ori_results: dict[str, ImportResult]
    ) -> None:
        records = raw(ORI / f"{town}_persons.json")["persons"]
        party_of = {
            r["id"]: m["organisation_id"]
            for r in records
            for m in r["memberships"]
            if m["organisation"]["classification"] == "Party"
        }
        kind_of = {r["id"]: EXPECTED_KIND[r["memberships"][0]["role"]] for r in records}
        land = ori_results[town].landscape
        by_kind_and_holder = defaultdict(list)
        for role in land.roles:
            by_kind_and_holder[role.kind.value, role.holder].append(role)
        for person in land.people:
            for record_id in ori_ids(person):
                kind = kind_of[record_id]
                (role,) = by_kind_and_holder[kind, person.id]
                faction = f"{town}-{party_of[record_id]}" if record_id in party_of else None
                if kind == "fractievoorzitter":
                    assert (role.at, role.on_behalf_of) == (faction, None)
                elif kind in COLLEGE:
                    assert (role.at, role.on_behalf_of) == (f"{town}-college", faction)
                elif kind == "gemeentesecretaris":
                    assert (role.at, role.on_behalf_of) == (f"{town}-college", None)
                else:
                    assert (role.at, role.on_behalf_of) == (f"{town}-raad", faction)

    def test_factions_and_seats_are_counted_from_the_raadsleden(
        self, town: str, ori_results: dict[str, ImportResult]
    ) -> None:
        records = raw(ORI / f"{town}_persons.json")["persons"]
        organisations = raw(ORI / f"{town}_organisations.json")["organisations"]
        parties = [o for o in organisations if o["classification"] == "Party" and o.get("id")]
        raadsleden = {r["name"] for r in records if r["memberships"][0]["role"] == "Raadslid"}
        per_party: dict[str, set[str]] = defaultdict(set)
        for r in records:
            for m in r["memberships"]:
                if m["role"] == "Raadslid" and m["organisation"]["classification"] == "Party":
                    per_party[m["organisation_id"]].add(r["name"])
        council = ori_results[town].landscape.get(f"{town}-raad")
        assert isinstance(council, democratie.Council)
        assert council.seats == len(raadsleden)
        assert {f.id: f.seats for f in council.factions} == {
            f"{town}-{p['id']}": len(per_party[p["id"]]) or None for p in parties
        }
        assert sum(f.seats or 0 for f in council.factions) == council.seats
        note = " ".join(ori_results[town].report.notes)
        assert f"the council's {len(raadsleden)} seats are the number of distinct" in note

    def test_committees_become_government_organisations(
        self, town: str, ori_results: dict[str, ImportResult]
    ) -> None:
        organisations = raw(ORI / f"{town}_organisations.json")["organisations"]
        committees = [o for o in organisations if o["classification"] == "committee"]
        land = ori_results[town].landscape
        assert [o.name for o in land.organisations] == [c["name"] for c in committees]
        assert {o.kind.value for o in land.organisations} == {"overheidsorganisatie"}
        assert {o.municipality for o in land.organisations} == {town}

    def test_email_addresses_are_kept_as_private_contact_details(
        self, town: str, ori_results: dict[str, ImportResult]
    ) -> None:
        records = raw(ORI / f"{town}_persons.json")["persons"]
        email_of = {r["id"]: r["email"] for r in records}
        for person in ori_results[town].landscape.people:
            assert [c.kind for c in person.contact] == [ContactKind.EMAIL]
            assert {email_of[i] for i in ori_ids(person)} == {person.contact[0].value}

    def test_what_has_no_place_in_the_model_is_reported(
        self, town: str, ori_results: dict[str, ImportResult]
    ) -> None:
        records = raw(ORI / f"{town}_persons.json")["persons"]
        organisations = raw(ORI / f"{town}_organisations.json")["organisations"]
        report = ori_results[town].report
        gender = report.category("person.gender")
        assert gender is not None
        assert gender.count == sum(1 for r in records if r.get("gender"))
        assert len(gender.examples) == 5
        no_id = report.category("organisation.no-id")
        assert no_id is not None
        assert no_id.count == sum(1 for o in organisations if not o.get("id"))
        meta = report.category("person.meta")
        assert meta is not None
        assert meta.count == len(records)
        assert report.sources == (f"{town}_persons.json", f"{town}_organisations.json")

    def test_the_landscape_names_its_sources_and_round_trips(
        self, town: str, ori_results: dict[str, ImportResult]
    ) -> None:
        land = ori_results[town].landscape
        assert [s.title for s in land.sources] == [
            f"{town}_persons.json",
            f"{town}_organisations.json",
        ]
        text = democratie.dumps(land)
        assert democratie.loads(text) == land
        assert democratie.dumps(democratie.loads(text)) == text

    def test_each_record_is_its_own_person_without_merging(self, town: str) -> None:
        records = raw(ORI / f"{town}_persons.json")["persons"]
        land = load_ori(ORI / f"{town}_persons.json", merge_people=False).landscape
        assert len(land.people) == len(records)
        raadsleden = {r["name"] for r in records if r["memberships"][0]["role"] == "Raadslid"}
        council = land.get(f"{town}-raad")
        assert isinstance(council, democratie.Council)
        assert council.seats == len(raadsleden)

    def test_the_pair_is_found_from_either_file(
        self, town: str, ori_results: dict[str, ImportResult]
    ) -> None:
        from_organisations = load_ori(ORI / f"{town}_organisations.json")
        assert from_organisations == ori_results[town]


def test_the_three_councils_have_the_sizes_in_the_data(
    ori_results: dict[str, ImportResult],
) -> None:
    seen = {
        town: (
            len(r.landscape.people),
            len(r.landscape.roles),
            len(r.landscape.municipalities[0].council.factions),
            r.landscape.municipalities[0].council.seats,
        )
        for town, r in ori_results.items()
    }
    # people, roles, factions, seats: read off the files by hand, as a fixed point
    assert seen == {
        "amstelveen": (43, 53, 9, 37),
        "heerde": (23, 30, 6, 17),
        "utrecht": (53, 64, 10, 44),
    }


def test_import_is_deterministic() -> None:
    first = democratie.dumps(load_ori(ORI / "utrecht_persons.json").landscape)
    second = democratie.dumps(load_ori(ORI / "utrecht_persons.json").landscape)
    assert first == second


# -- Popolo: Queensland local councillors ------------------------------------------------


class TestQueensland:
    def test_every_legislature_becomes_a_municipality_without_cbs_code(
        self, qld_result: ImportResult
    ) -> None:
        doc = raw(QLD)
        legislatures = [o for o in doc["organizations"] if o["classification"] == "legislature"]
        land = qld_result.landscape
        assert [m.name for m in land.municipalities] == [o["name"] for o in legislatures]
        assert all(m.cbs_code is None for m in land.municipalities)
        assert all(m.province is None for m in land.municipalities)

    def test_no_person_is_lost(self, qld_result: ImportResult) -> None:
        doc = raw(QLD)
        land = qld_result.landscape
        assert len(land.people) == len(doc["persons"])
        kept = {i.identifier for p in land.people for i in p.identifiers if i.scheme == "popolo"}
        assert kept == {p["id"] for p in doc["persons"]}
        # names are kept as written, without surrounding white space ('Greg Christensen ')
        assert [p.name for p in land.people] == [p["name"].strip() for p in doc["persons"]]

    def test_memberships_become_roles(self, qld_result: ImportResult) -> None:
        doc = raw(QLD)
        expected = Counter(
            {"councillor": "raadslid", "mayor": "burgemeester"}[m["role"]]
            for m in doc["memberships"]
        )
        land = qld_result.landscape
        assert Counter(r.kind.value for r in land.roles) == expected
        for role in land.roles:
            place = "raad" if role.kind is RoleKind.RAADSLID else "college"
            assert role.at is not None
            assert role.at.endswith(f"-{place}")

    def test_factions_and_seats(self, qld_result: ImportResult) -> None:
        doc = raw(QLD)
        party_name = {o["id"]: o["name"] for o in doc["organizations"]}
        seats: dict[str, set[str]] = defaultdict(set)
        faction_seats: dict[tuple[str, str], set[str]] = defaultdict(set)
        for m in doc["memberships"]:
            if m["role"] != "councillor":
                continue
            seats[m["organization_id"]].add(m["person_id"])
            party = m.get("on_behalf_of_id")
            if party and party_name[party] not in {"unknown", "Independent"}:
                faction_seats[m["organization_id"], party].add(m["person_id"])
        land = qld_result.landscape
        by_popolo_id = {
            next(i.identifier for i in m.identifiers if i.scheme == "popolo"): m
            for m in land.municipalities
        }
        assert {k: m.council.seats for k, m in by_popolo_id.items()} == {
            k: len(v) for k, v in seats.items()
        }
        found = {
            (key, faction.name): faction.seats
            for key, m in by_popolo_id.items()
            for faction in m.council.factions
        }
        assert found == {(k, party_name[p]): len(v) for (k, p), v in faction_seats.items()}

    def test_parties_are_organisations_and_the_placeholder_is_reported(
        self, qld_result: ImportResult
    ) -> None:
        doc = raw(QLD)
        parties = [o for o in doc["organizations"] if o["classification"] == "party"]
        land = qld_result.landscape
        assert sorted(o.name for o in land.organisations) == sorted(
            p["name"] for p in parties if p["name"] not in {"unknown", "Independent"}
        )
        assert {o.kind.value for o in land.organisations} == {"politieke_partij"}
        unknown = qld_result.report.category("membership.party-unknown")
        assert unknown is not None
        assert unknown.count == sum(
            1 for m in doc["memberships"] if m.get("on_behalf_of_id") == "party/unknown"
        )
        # "Independent" is no party: its members hold their roles for no faction.
        (independent,) = [p["id"] for p in parties if p["name"] == "Independent"]
        sat = qld_result.report.category("membership.independent")
        assert sat is not None
        assert sat.count == sum(
            1 for m in doc["memberships"] if m.get("on_behalf_of_id") == independent
        )
        persons = {
            m["person_id"] for m in doc["memberships"] if m.get("on_behalf_of_id") == independent
        }
        assert persons
        assert all(
            r.on_behalf_of is None
            for r in land.roles
            if r.holder in persons and r.kind is RoleKind.RAADSLID
        )

    def test_unmapped_person_fields_are_counted(self, qld_result: ImportResult) -> None:
        doc = raw(QLD)
        report = qld_result.report
        for key in ("image", "images", "sources"):
            entry = report.category(f"person.{key}")
            assert entry is not None
            assert entry.count == sum(1 for p in doc["persons"] if p.get(key))
        warnings = report.category("document.warnings")
        assert warnings is not None
        assert warnings.count == 1

    def test_email_addresses_are_contact_details(self, qld_result: ImportResult) -> None:
        doc = raw(QLD)
        emails = {p["id"]: p["email"] for p in doc["persons"] if p.get("email")}
        land = qld_result.landscape
        found = {
            next(i.identifier for i in p.identifiers if i.scheme == "popolo"): p.contact[0].value
            for p in land.people
            if p.contact
        }
        assert found == emails

    def test_round_trip(self, qld_result: ImportResult) -> None:
        land = qld_result.landscape
        assert democratie.loads(democratie.dumps(land)) == land
        assert [s.title for s in land.sources] == [QLD.name]


# -- detection ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "is_ori", "is_popolo"),
    [
        *(
            (ORI / f"{town}_{part}.json", True, False)
            for town in COUNCILS
            for part in ("persons", "organisations")
        ),
        (QLD, False, True),
        *((path, False, False) for path in sorted((REAL_DATA / "popolo-schemas").glob("*.json"))),
    ],
    ids=lambda value: value.name if isinstance(value, Path) else str(value),
)
def test_detection_tells_the_formats_apart(path: Path, is_ori: bool, is_popolo: bool) -> None:
    data = raw(path)
    assert (detect_ori(data), detect_popolo(data)) == (is_ori, is_popolo)


def test_a_landscape_document_is_neither_format(ori_results: dict[str, ImportResult]) -> None:
    land = ori_results["heerde"].landscape
    assert isinstance(land, Landscape)
    document = json.loads(democratie.dumps(land))
    assert not detect_ori(document)
    assert not detect_popolo(document)

"""The Popolo importer on small documents: councils, parties, posts, areas and what is left out."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

import pytest

import democratie
from democratie.importers import ImportResult, import_popolo
from democratie.importers.popolo import detect
from democratie.vocab import ActorKind, AreaLevel, ContactKind, RoleKind

DELFT = {
    "id": "council/delft",
    "name": "Gemeenteraad Delft",
    "classification": "council",
    "identifiers": [{"scheme": "CBS", "identifier": "GM0503"}],
    "area_id": "area/gm0503",
}
PARTY = {"id": "party/groen", "name": "Groen Delft", "classification": "party"}


def document(**lists: list[dict[str, Any]]) -> dict[str, Any]:
    base: dict[str, list[dict[str, Any]]] = {"persons": [], "organizations": [], "memberships": []}
    return {**base, **lists}


def membership(person: str, organization: str = "council/delft", **extra: Any) -> dict[str, Any]:
    return {"person_id": person, "organization_id": organization, **extra}


def imported(**lists: list[dict[str, Any]]) -> ImportResult:
    return import_popolo(document(**lists), source="data/delft.json")


class TestCouncils:
    def test_a_cbs_identifier_gives_the_municipality_its_code(self) -> None:
        result = imported(organizations=[DELFT])
        (municipality,) = result.landscape.municipalities
        assert (municipality.id, municipality.cbs_code, municipality.name) == (
            "council-delft",
            "GM0503",
            "Delft",
        )
        assert any("takes the CBS name 'Delft'" in note for note in result.report.notes)
        assert result.report.sources == ("delft.json",)

    def test_without_a_code_the_name_is_kept(self) -> None:
        council = {"id": "c", "name": "Conseil municipal de Lille", "classification": "legislature"}
        (municipality,) = imported(organizations=[council]).landscape.municipalities
        assert (municipality.cbs_code, municipality.name) == (None, "Conseil municipal de Lille")

    def test_roles_factions_and_seats(self) -> None:
        result = imported(
            persons=[{"id": "p1", "name": "A. de Vries"}, {"id": "p2", "name": "B. Bakker"}],
            organizations=[DELFT, PARTY],
            memberships=[
                membership("p1", role="Raadslid", on_behalf_of_id="party/groen"),
                membership("p2", role="councillor", on_behalf_of_id="party/groen"),
                membership("p2", role="Fractievoorzitter", on_behalf_of_id="party/groen"),
                membership("p1", role="Deputy Mayor", start_date="2022-03-30"),
            ],
        )
        land = result.landscape
        council = land.get("council-delft-raad")
        assert isinstance(council, democratie.Council)
        assert council.seats == 2
        (faction,) = council.factions
        assert (faction.id, faction.name, faction.seats, faction.party) == (
            "council-delft-party-groen",
            "Groen Delft",
            2,
            "party-groen",
        )
        assert [(r.holder, r.kind.value, r.at, r.on_behalf_of, r.title) for r in land.roles] == [
            ("p1", "raadslid", "council-delft-raad", faction.id, None),
            ("p2", "raadslid", "council-delft-raad", faction.id, None),
            ("p2", "fractievoorzitter", faction.id, None, None),
            ("p1", "locoburgemeester", "council-delft-college", None, None),
        ]
        assert land.roles[3].start == dt.date(2022, 3, 30)
        party = land.get("party-groen")
        assert isinstance(party, democratie.Organisation)
        assert party.kind is ActorKind.POLITIEKE_PARTIJ

    def test_an_unknown_role_is_lid_with_its_title(self) -> None:
        result = imported(
            persons=[{"id": "p1", "name": "A. de Vries"}],
            organizations=[DELFT],
            memberships=[membership("p1", role="Ombudsman"), membership("p1")],
        )
        first, second = result.landscape.roles
        assert (first.kind, first.title) == (RoleKind.LID, "Ombudsman")
        assert (second.kind, second.title) == (RoleKind.LID, None)
        entry = result.report.category("role.text")
        assert entry is not None
        assert entry.count == 2
        assert entry.examples[1].endswith("memberships[1].role = '(no role given)'")

    def test_partial_dates_are_reported(self) -> None:
        result = imported(
            persons=[{"id": "p1", "name": "A. de Vries"}],
            organizations=[DELFT],
            memberships=[
                membership("p1", role="councillor", start_date="2018", end_date="2022-03")
            ],
        )
        (role,) = result.landscape.roles
        assert (role.start, role.end) == (None, None)
        entry = result.report.category("membership.date")
        assert entry is not None
        assert entry.count == 2


class TestOrganisations:
    def test_committees_belong_to_their_council(self) -> None:
        committee = {
            "id": "committee/ruimte",
            "name": "Commissie Ruimte",
            "classification": "committee",
            "parent_id": "council/delft",
            "description": "Ruimtelijke ordening en wonen",
        }
        sub = {
            **committee,
            "id": "committee/wonen",
            "name": "Wonen",
            "parent_id": "committee/ruimte",
        }
        land = imported(
            persons=[{"id": "p1", "name": "A. de Vries"}],
            organizations=[DELFT, committee, sub],
            memberships=[membership("p1", "committee/ruimte", role="chair")],
        ).landscape
        ruimte, wonen = land.organisations
        assert (ruimte.kind, ruimte.municipality, ruimte.parent, ruimte.description) == (
            ActorKind.OVERHEIDSORGANISATIE,
            "council-delft",
            None,
            "Ruimtelijke ordening en wonen",
        )
        assert wonen.parent == "committee-ruimte"
        assert [(r.kind, r.at) for r in land.roles] == [(RoleKind.VOORZITTER, "committee-ruimte")]

    def test_other_classifications_and_placeholder_parties_are_reported(self) -> None:
        result = imported(
            persons=[{"id": "p1", "name": "A. de Vries"}],
            organizations=[
                DELFT,
                {"id": "party/unknown", "name": "unknown", "classification": "party"},
                {"id": "org/club", "name": "Schaakclub", "classification": "club"},
                {"name": "No id", "classification": "party"},
            ],
            memberships=[
                membership("p1", role="councillor", on_behalf_of_id="party/unknown"),
                membership("p1", "org/club", role="member"),
                membership("p1", role="mayor", on_behalf_of_id="party/missing"),
            ],
        )
        report = result.report
        assert {item.category: item.count for item in report} == {
            "organization.classification": 1,
            "organization.no-id": 1,
            "party.placeholder": 1,
            "membership.party-unknown": 1,
            "membership.organization": 1,
            "membership.on_behalf_of": 1,
        }
        assert [r.on_behalf_of for r in result.landscape.roles] == [None, None]
        assert result.landscape.organisations == ()


class TestPeople:
    def test_contact_details_and_other_fields(self) -> None:
        result = imported(
            persons=[
                {
                    "id": "p1",
                    "name": "A. de Vries",
                    "email": "a.devries@delft.nl",
                    "contact_details": [
                        {"type": "voice", "value": "+31 15 260 2222"},
                        {"type": "twitter", "value": "@devries"},
                    ],
                    "identifiers": [{"scheme": "wikidata", "identifier": "Q1"}],
                    "birth_date": "1970-01-01",
                }
            ]
        )
        (one,) = result.landscape.people
        assert [(c.kind, c.value) for c in one.contact] == [
            (ContactKind.EMAIL, "a.devries@delft.nl"),
            (ContactKind.TELEFOON, "+31 15 260 2222"),
        ]
        assert [(i.scheme, i.identifier) for i in one.identifiers] == [
            ("popolo", "p1"),
            ("wikidata", "Q1"),
        ]
        assert result.report.categories() == ("person.contact_details", "person.birth_date")

    def test_inline_memberships_and_unknown_people(self) -> None:
        result = imported(
            persons=[{"id": "p1", "name": "A. de Vries", "memberships": [membership("p1")]}],
            organizations=[DELFT],
            memberships=[membership("p9", role="councillor")],
        )
        assert [r.holder for r in result.landscape.roles] == ["p1"]
        entry = result.report.category("membership.person")
        assert entry is not None
        assert entry.examples == ("delft.json: memberships[0].person_id = 'p9'",)

    def test_ids_that_collide_are_renamed(self) -> None:
        result = imported(
            persons=[{"id": "council/delft", "name": "A. de Vries"}], organizations=[DELFT]
        )
        land = result.landscape
        assert [m.id for m in land.municipalities] == ["council-delft"]
        assert [p.id for p in land.people] == ["council-delft-2"]
        assert any("became 'council-delft-2'" in note for note in result.report.notes)


class TestAreasAndPosts:
    AREAS: ClassVar[list[dict[str, Any]]] = [
        {"id": "area/gm0503", "name": "Delft", "classification": "municipality"},
        {
            "id": "area/wk050300",
            "name": "Binnenstad",
            "classification": "wijk",
            "identifier": "WK050300",
            "parent_id": "area/gm0503",
        },
        {
            "id": "area/bu05030000",
            "name": "Centrum-West",
            "classification": "neighbourhood",
            "identifier": "BU05030000",
            "parent_id": "area/wk050300",
        },
        {"id": "area/tu", "name": "TU-wijk", "classification": "stadsdeel"},
        {"id": "area/far", "name": "Elders", "classification": "ward", "identifier": "W1"},
    ]

    def result(self) -> ImportResult:
        return imported(
            persons=[{"id": "p1", "name": "A. de Vries"}],
            organizations=[DELFT],
            posts=[
                {
                    "id": "post/tu",
                    "organization_id": "council/delft",
                    "area_id": "area/tu",
                    "role": "Raadslid",
                    "label": "Raadslid voor de TU-wijk",
                }
            ],
            memberships=[{"person_id": "p1", "post_id": "post/tu"}],
            areas=self.AREAS,
            events=[{"id": "e1", "name": "Raadsvergadering"}],
        )

    def test_areas_nest_under_their_municipality(self) -> None:
        land = self.result().landscape
        (delft,) = land.municipalities
        assert [(a.id, a.level, a.code) for a in delft.walk_areas()] == [
            ("area-wk050300", AreaLevel.WIJK, "WK050300"),
            ("area-bu05030000", AreaLevel.BUURT, "BU05030000"),
            ("area-tu", AreaLevel.GEBIED, None),
        ]
        assert land.entry("area-bu05030000").parent == "area-wk050300"
        assert {i.identifier for i in delft.identifiers} == {
            "council/delft",
            "GM0503",
            "area/gm0503",
        }

    def test_a_post_gives_the_role_and_its_label_the_title(self) -> None:
        (role,) = self.result().landscape.roles
        assert (role.kind, role.at, role.title) == (
            RoleKind.RAADSLID,
            "council-delft-raad",
            "Raadslid voor de TU-wijk",
        )

    def test_what_is_left_out_is_reported(self) -> None:
        report = self.result().report
        assert {item.category: item.count for item in report} == {
            "document.events": 1,
            "document.posts": 1,
            "area.municipality": 1,
            "area.classification": 1,
            "area.no-municipality": 1,
        }

    def test_round_trip(self) -> None:
        land = self.result().landscape
        assert democratie.loads(democratie.dumps(land)) == land


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (document(), True),
        ({"memberships": []}, True),
        ({"persons": [{"id": "p", "name": "A"}]}, True),
        ({"persons": {}}, False),
        ({"persons": [], "events": {}}, False),
        ({"meta": {}, "organisations": []}, False),
        ({"persons": [{"memberships": [{"organisation_id": "x"}]}]}, False),
        ({"format": "democratie/1", "persons": []}, False),
        ({"areas": []}, False),
        (None, False),
    ],
)
def test_detect(data: object, expected: bool) -> None:
    assert detect(data) is expected

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
            # The text as the source wrote it is kept, unless it is the Dutch name.
            ("p2", "raadslid", "council-delft-raad", faction.id, "councillor"),
            ("p2", "fractievoorzitter", faction.id, None, None),
            ("p1", "locoburgemeester", "council-delft-college", None, "Deputy Mayor"),
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


class TestOrganisationKinds:
    """Organizations classified by an organisation kind of the model, and roles held there."""

    ORGANIZATIONS: ClassVar[list[dict[str, Any]]] = [
        DELFT,
        {
            "id": "org/woonbron",
            "name": "Woonbron",
            "classification": "Woningcorporatie",
            "parent_id": "council/delft",
            "description": "Woningcorporatie in Delft",
            "identifiers": [{"scheme": "kvk", "identifier": "24238063"}],
            "contact_details": [{"type": "url", "value": "https://www.woonbron.nl"}],
        },
        {
            "id": "org/wijkteam",
            "name": "Wijkteam Binnenstad",
            "classification": "maatschappelijke-organisatie",
            "parent_id": "org/woonbron",
            "area_id": "area/wk050300",
        },
        {"id": "org/elders", "name": "Elders", "classification": "stichting", "area_id": "x"},
        {"id": "ini/zeven", "name": "De zeven van Delft", "classification": "initiative"},
        {"id": "net/m50", "name": "M50", "classification": "network"},
    ]
    AREAS: ClassVar[list[dict[str, Any]]] = [
        {"id": "area/gm0503", "name": "Delft", "classification": "gemeente"},
        {
            "id": "area/wk050300",
            "name": "Binnenstad",
            "classification": "wijk",
            "parent_id": "area/gm0503",
        },
    ]

    def result(self) -> ImportResult:
        return imported(
            persons=[{"id": "p1", "name": "A. de Vries"}, {"id": "p2", "name": "B. Bakker"}],
            organizations=self.ORGANIZATIONS,
            areas=self.AREAS,
            memberships=[
                membership("p1", "org/woonbron", role="chair", start_date="2021-01-01"),
                membership("p2", "org/wijkteam", role="Buurtcoach"),
                membership("p2", "org/wijkteam", role="Kartrekker", on_behalf_of_id="org/woonbron"),
                {
                    "member": {"@type": "Organization", "id": "org/woonbron"},
                    "organization_id": "org/wijkteam",
                    "role": "partner",
                },
                membership("p1", "ini/zeven", role="Workshopleider"),
                membership("p2", "net/m50", role="Lid"),
            ],
        )

    def test_the_kind_and_details_are_kept(self) -> None:
        land = self.result().landscape
        woonbron, wijkteam, elders = land.organisations
        assert (woonbron.id, woonbron.kind, woonbron.municipality, woonbron.parent) == (
            "org-woonbron",
            ActorKind.WONINGCORPORATIE,
            "council-delft",
            None,
        )
        assert woonbron.description == "Woningcorporatie in Delft"
        assert [(i.scheme, i.identifier) for i in woonbron.identifiers] == [
            ("popolo", "org/woonbron"),
            ("kvk", "24238063"),
        ]
        assert [(c.kind, c.value) for c in woonbron.contact] == [
            (ContactKind.WEBSITE, "https://www.woonbron.nl")
        ]
        assert (wijkteam.kind, wijkteam.parent, wijkteam.areas) == (
            ActorKind.MAATSCHAPPELIJKE_ORGANISATIE,
            "org-woonbron",
            ("area-wk050300",),
        )
        assert (elders.kind, elders.areas) == (ActorKind.STICHTING, ())

    def test_roles_at_them_and_roles_they_hold(self) -> None:
        land = self.result().landscape
        assert [(r.holder, r.kind, r.at, r.on_behalf_of, r.title) for r in land.roles] == [
            ("p1", RoleKind.VOORZITTER, "org-woonbron", None, "chair"),
            ("p2", RoleKind.LID, "org-wijkteam", None, "Buurtcoach"),
            ("p2", RoleKind.KARTREKKER, "org-wijkteam", "org-woonbron", None),
            ("org-woonbron", RoleKind.PARTNER, "org-wijkteam", None, None),
        ]
        assert land.roles[0].start == dt.date(2021, 1, 1)

    def test_initiatives_networks_and_stray_areas_are_reported(self) -> None:
        report = self.result().report
        counts = {item.category: item.count for item in report}
        assert counts == {
            "organization.initiative": 1,
            "organization.network": 1,
            "organization.area_id": 1,
            "area.municipality": 1,
            "role.text": 1,
            "membership.organization": 2,
        }
        entry = report.category("organization.network")
        assert entry is not None
        assert entry.examples == ("delft.json: organizations[5] = 'network: M50'",)

    @pytest.mark.parametrize("kind", list(ActorKind), ids=lambda kind: kind.value)
    def test_every_kind_is_read_from_its_slug(self, kind: ActorKind) -> None:
        org = {"id": "o", "name": "O", "classification": kind.value.upper()}
        (organisation,) = imported(organizations=[org]).landscape.organisations
        assert organisation.kind is kind


class TestPlacesInAMunicipality:
    """Memberships of a council: the council, the college, a faction, an area, the municipality."""

    FACTION: ClassVar[dict[str, Any]] = {
        "id": "delft-stip",
        "name": "STIP",
        "classification": "faction",
        "parent_id": "council/delft",
    }
    AREAS: ClassVar[list[dict[str, Any]]] = [
        {"id": "area/gm0503", "name": "Delft", "classification": "gemeente"},
        {"id": "tanthof", "name": "Tanthof", "classification": "wijk", "parent_id": "area/gm0503"},
    ]

    def roles(self, *memberships: dict[str, Any]) -> list[tuple[Any, ...]]:
        result = imported(
            persons=[{"id": "p1", "name": "A. de Vries"}],
            organizations=[DELFT, self.FACTION, PARTY],
            areas=self.AREAS,
            memberships=list(memberships),
        )
        return [(r.kind, r.at, r.on_behalf_of) for r in result.landscape.roles]

    def test_an_area_or_the_municipality_is_the_place_of_a_role_that_is_no_office(self) -> None:
        assert self.roles(
            membership("p1", role="Wijkregisseur", area_id="tanthof"),
            membership("p1", role="Projectleider", area_id="area/gm0503"),
            membership("p1", role="Projectleider"),
        ) == [
            (RoleKind.WIJKREGISSEUR, "tanthof", None),
            (RoleKind.PROJECTLEIDER, "council-delft", None),
            (RoleKind.PROJECTLEIDER, "council-delft-raad", None),
        ]

    def test_an_office_stays_in_the_council_whatever_its_area(self) -> None:
        result = imported(
            persons=[{"id": "p1", "name": "A. de Vries"}],
            organizations=[DELFT],
            areas=self.AREAS,
            memberships=[
                membership("p1", role="councillor", area_id="tanthof"),
                membership("p1", role="mayor", area_id="area/gm0503"),
            ],
        )
        assert [(r.kind, r.at) for r in result.landscape.roles] == [
            (RoleKind.RAADSLID, "council-delft-raad"),
            (RoleKind.BURGEMEESTER, "council-delft-college"),
        ]
        entry = result.report.category("membership.area_id")
        assert entry is not None
        assert entry.count == 2

    def test_a_faction_of_its_own(self) -> None:
        result = imported(
            persons=[{"id": "p1", "name": "A. de Vries"}],
            organizations=[DELFT, self.FACTION],
            memberships=[
                membership("p1", role="Raadslid", on_behalf_of_id="delft-stip"),
                membership("p1", role="Fractievoorzitter", on_behalf_of_id="delft-stip"),
            ],
        )
        land = result.landscape
        (delft,) = land.municipalities
        assert [(f.id, f.name, f.party, f.seats) for f in delft.council.factions] == [
            ("delft-stip", "STIP", None, 1)
        ]
        assert land.organisations == ()
        assert [(r.kind, r.at, r.on_behalf_of) for r in land.roles] == [
            (RoleKind.RAADSLID, "council-delft-raad", "delft-stip"),
            (RoleKind.FRACTIEVOORZITTER, "delft-stip", None),
        ]

    def test_a_faction_outside_a_council_is_a_party(self) -> None:
        loose = {"id": "stip", "name": "STIP", "classification": "fractie"}
        result = imported(
            persons=[{"id": "p1", "name": "A. de Vries"}],
            organizations=[DELFT, loose],
            memberships=[membership("p1", role="Raadslid", on_behalf_of_id="stip")],
        )
        land = result.landscape
        assert [(o.id, o.kind) for o in land.organisations] == [
            ("stip", ActorKind.POLITIEKE_PARTIJ)
        ]
        assert [r.on_behalf_of for r in land.roles] == ["council-delft-stip"]
        assert any("imported as parties" in note for note in result.report.notes)

    def test_on_behalf_of_a_municipality_and_held_nowhere(self) -> None:
        land = imported(
            persons=[{"id": "p1", "name": "A. de Vries"}],
            organizations=[DELFT, {"id": "vng", "name": "VNG", "classification": "vereniging"}],
            memberships=[
                membership("p1", "vng", role="Contactpersoon", on_behalf_of_id="council/delft"),
                {"person_id": "p1", "role": "Kartrekker"},
            ],
        ).landscape
        assert [(r.kind, r.at, r.on_behalf_of) for r in land.roles] == [
            (RoleKind.CONTACTPERSOON, "vng", "council-delft"),
            (RoleKind.KARTREKKER, None, None),
        ]

    def test_a_council_or_an_unknown_member_holds_no_role(self) -> None:
        result = imported(
            organizations=[DELFT, PARTY],
            memberships=[
                {"member": {"@type": "Organization", "id": "council/delft"}, "role": "Lid"},
                {"member": {"@type": "Organization", "id": "elsewhere"}, "role": "Lid"},
                {"member": {"@type": "Person", "id": "p9"}, "role": "Lid"},
            ],
        )
        assert result.landscape.roles == ()
        counts = {item.category: item.count for item in result.report}
        assert (counts["membership.member"], counts["membership.person"]) == (2, 1)


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

    def test_ids_that_are_model_ids_are_kept_as_they_are(self) -> None:
        result = imported(
            persons=[{"id": "p--1", "name": "A. de Vries"}, {"id": "P 2", "name": "B. Bakker"}]
        )
        assert [p.id for p in result.landscape.people] == ["p--1", "p-2"]

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

"""The Open Raadsinformatie importer on small documents: every mapping rule, one at a time."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

import democratie
from democratie.importers import ImportResult, import_ori, load_ori
from democratie.importers.ori import detect, partner_paths
from democratie.vocab import ActorKind, RoleKind

SAMPLE = Path(__file__).resolve().parent / "data" / "ori"
COUNCIL = {
    "id": "gemeente-heerde-heerde-gld",
    "classification": "Council",
    "name": "Gemeente Heerde (Heerde) (GLD)",
}


def at_council(role: str, **extra: Any) -> dict[str, Any]:
    return {
        "organisation_id": COUNCIL["id"],
        "role": role,
        "label": role,
        "organisation": COUNCIL,
        **extra,
    }


def at_org(org_id: str, classification: str, role: str, name: str | None = None) -> dict[str, Any]:
    return {
        "organisation_id": org_id,
        "role": role,
        "label": role,
        "organisation": {"id": org_id, "classification": classification, "name": name or org_id},
    }


def person(pid: str, name: str, *memberships: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"id": pid, "name": name, "memberships": list(memberships), **extra}


def persons(*items: dict[str, Any]) -> dict[str, Any]:
    return {"meta": {"took": 1, "total": len(items)}, "persons": list(items)}


def raadslid(pid: str, name: str, party: str = "cda") -> dict[str, Any]:
    return person(
        pid,
        name,
        at_council("Raadslid"),
        at_org(party, "Party", "Raadslid", party.upper()),
    )


def roles_of(result: ImportResult, holder: str) -> list[tuple[str, str | None, str | None]]:
    return [(r.kind.value, r.at, r.on_behalf_of) for r in result.landscape.roles_of(holder)]


class TestWithoutOrganisationsFile:
    def test_organisations_come_from_the_memberships(self) -> None:
        result = import_ori(persons(raadslid("p1", "A. de Vries"), raadslid("p2", "B. Bakker")))
        land = result.landscape
        heerde = land.get("heerde")
        assert isinstance(heerde, democratie.Municipality)
        assert (heerde.cbs_code, heerde.name, heerde.province) == ("GM0246", "Heerde", "Gelderland")
        assert [f.id for f in heerde.council.factions] == ["heerde-cda"]
        assert heerde.council.seats == 2
        assert roles_of(result, "p1") == [("raadslid", "heerde-raad", "heerde-cda")]
        assert result.report.sources == ("persons.json",)

    def test_the_seat_note_reads_well_for_one_raadslid_of_no_faction(self) -> None:
        result = import_ori(persons(person("p1", "A. de Vries", at_council("Raadslid"))))
        assert result.landscape.municipalities[0].council.seats == 1
        (note,) = [n for n in result.report.notes if "seat count" in n]
        assert "the council's 1 seat is the number of distinct current raadsleden" in note
        assert note.endswith("and the data names no faction to count them by")
        assert "()" not in note

    def test_a_municipality_outside_the_cbs_list_keeps_its_name(self) -> None:
        council = {
            "id": "gemeente-haarlemmerliede-en-spaarnwoude-nh",
            "classification": "Council",
            "name": "Gemeente Haarlemmerliede en Spaarnwoude (Halfweg) (NH)",
        }
        membership = {"organisation_id": council["id"], "role": "Raadslid", "organisation": council}
        result = import_ori(persons(person("p1", "A. de Vries", membership)))
        (municipality,) = result.landscape.municipalities
        assert municipality.cbs_code is None
        assert municipality.name == "Haarlemmerliede en Spaarnwoude"
        assert municipality.id == "haarlemmerliede-en-spaarnwoude"
        assert any("not in the CBS list" in note for note in result.report.notes)


class TestRoles:
    @pytest.mark.parametrize(
        ("text", "kind", "place", "title"),
        [
            ("Burgemeester", RoleKind.BURGEMEESTER, "heerde-college", None),
            ("Burgemeester waarnemend", RoleKind.WAARNEMEND_BURGEMEESTER, "heerde-college",
             "Burgemeester waarnemend"),
            ("Locoburgemeester", RoleKind.LOCOBURGEMEESTER, "heerde-college", None),
            ("Wethouder", RoleKind.WETHOUDER, "heerde-college", None),
            ("Raadsgriffier", RoleKind.GRIFFIER, "heerde-raad", "Raadsgriffier"),
            ("Secretaris", RoleKind.GEMEENTESECRETARIS, "heerde-college", "Secretaris"),
            ("Raadslid", RoleKind.RAADSLID, "heerde-raad", None),
            ("Burgerlid", RoleKind.BURGERLID, "heerde-raad", None),
        ],
    )  # fmt: skip
    def test_dutch_role_texts(
        self, text: str, kind: RoleKind, place: str, title: str | None
    ) -> None:
        result = import_ori(persons(person("p1", "A. de Vries", at_council(text))))
        (role,) = result.landscape.roles
        assert (role.kind, role.at, role.on_behalf_of, role.title) == (kind, place, None, title)
        assert result.report.category("role.text") is None

    def test_fractievoorzitter_leads_the_faction(self) -> None:
        result = import_ori(
            persons(
                person(
                    "p1",
                    "A. de Vries",
                    at_council("Fractievoorzitter"),
                    at_org("cda", "Party", "Fractievoorzitter", "CDA"),
                )
            )
        )
        assert roles_of(result, "p1") == [("fractievoorzitter", "heerde-cda", None)]

    def test_a_wethouder_acts_on_behalf_of_the_party(self) -> None:
        result = import_ori(
            persons(
                person(
                    "p1",
                    "A. de Vries",
                    at_council("Wethouder"),
                    at_org("vvd", "Party", "Wethouder"),
                )
            )
        )
        assert roles_of(result, "p1") == [("wethouder", "heerde-college", "heerde-vvd")]

    def test_an_unknown_role_text_becomes_lid_with_its_title_and_is_reported(self) -> None:
        result = import_ori(
            persons(person("p1", "A. de Vries", at_council("Plaatsvervangend griffier")))
        )
        (role,) = result.landscape.roles
        assert (role.kind, role.title, role.at) == (
            RoleKind.LID,
            "Plaatsvervangend griffier",
            "heerde-raad",
        )
        entry = result.report.category("role.text")
        assert entry is not None
        assert entry.count == 1
        assert "'Plaatsvervangend griffier'" in entry.examples[0]

    def test_dates_are_kept_and_partial_ones_reported(self) -> None:
        result = import_ori(
            persons(
                person(
                    "p1",
                    "A. de Vries",
                    at_council("Raadslid", start_date="2014-03-27", end_date="2018-03-28"),
                ),
                person("p2", "B. Bakker", at_council("Raadslid", start_date="2014")),
            )
        )
        first, second = result.landscape.roles
        assert (first.start, first.end) == (dt.date(2014, 3, 27), dt.date(2018, 3, 28))
        assert (second.start, second.end) == (None, None)
        entry = result.report.category("membership.date")
        assert entry is not None
        assert entry.count == 1
        # only the raadslid without an end date is counted
        assert result.landscape.municipalities[0].council.seats == 1

    def test_membership_of_a_committee(self) -> None:
        organisations = {
            "organisations": [
                COUNCIL,
                {
                    "id": "commissie-ruimte",
                    "classification": "committee",
                    "name": "Commissie Ruimte",
                },
            ]
        }
        result = import_ori(
            persons(
                person(
                    "p1",
                    "A. de Vries",
                    at_council("Raadslid"),
                    at_org("commissie-ruimte", "committee", "Voorzitter"),
                )
            ),
            organisations,
        )
        (committee,) = result.landscape.organisations
        assert (committee.id, committee.kind, committee.municipality) == (
            "heerde-commissie-ruimte",
            ActorKind.OVERHEIDSORGANISATIE,
            "heerde",
        )
        assert ("voorzitter", "heerde-commissie-ruimte", None) in roles_of(result, "p1")

    def test_membership_of_an_organisation_of_another_kind_is_reported(self) -> None:
        result = import_ori(
            persons(
                person(
                    "p1",
                    "A. de Vries",
                    at_council("Raadslid"),
                    at_org("veiligheidsregio", "Gemeenschappelijke regeling", "Lid"),
                )
            )
        )
        assert roles_of(result, "p1") == [("raadslid", "heerde-raad", None)]
        for category in ("membership.organisation", "organisation.classification"):
            entry = result.report.category(category)
            assert entry is not None, category
            assert entry.count == 1


class TestPeople:
    def test_two_positions_of_one_person_are_merged(self) -> None:
        result = import_ori(
            persons(
                raadslid("p1", "A. de Vries"),
                person(
                    "p2",
                    "A. de Vries",
                    at_council("Fractievoorzitter"),
                    at_org("cda", "Party", "Fractievoorzitter"),
                ),
            )
        )
        (one,) = result.landscape.people
        assert one.id == "p1"
        assert [(i.scheme, i.identifier) for i in one.identifiers] == [("ori", "p1"), ("ori", "p2")]
        assert [r.kind for r in result.landscape.roles] == [
            RoleKind.RAADSLID,
            RoleKind.FRACTIEVOORZITTER,
        ]
        assert any("2 person records were merged into 1 person" in n for n in result.report.notes)

    def test_two_holders_of_the_same_position_are_two_people(self) -> None:
        result = import_ori(persons(raadslid("p1", "J. Jansen"), raadslid("p2", "J. Jansen")))
        assert [p.id for p in result.landscape.people] == ["p1", "p2"]
        assert result.landscape.municipalities[0].council.seats == 2

    def test_the_same_name_in_two_parties_is_two_people(self) -> None:
        result = import_ori(
            persons(
                raadslid("p1", "J. Jansen", "cda"),
                person(
                    "p2",
                    "J. Jansen",
                    at_council("Fractievoorzitter"),
                    at_org("vvd", "Party", "Fractievoorzitter"),
                ),
            )
        )
        assert len(result.landscape.people) == 2

    def test_source_ids_become_valid_ids_and_identifiers(self) -> None:
        result = import_ori(persons(raadslid("ABC/123 x", "A. de Vries")))
        (one,) = result.landscape.people
        assert one.id == "abc-123-x"
        assert one.identifiers[0].identifier == "ABC/123 x"

    def test_an_id_taken_already_gets_a_suffix_and_a_note(self) -> None:
        result = import_ori(persons(raadslid("heerde-cda", "A. de Vries")))
        assert [p.id for p in result.landscape.people] == ["heerde-cda-2"]
        assert any("'heerde-cda' became 'heerde-cda-2'" in n for n in result.report.notes)

    def test_email_and_unmapped_fields(self) -> None:
        result = import_ori(
            persons(
                person(
                    "p1",
                    "A. de Vries",
                    at_council("Raadslid"),
                    email="raad@heerde.nl",
                    gender="female",
                    twitter="@devries",
                )
            )
        )
        (one,) = result.landscape.people
        assert [(c.kind.value, c.value) for c in one.contact] == [("email", "raad@heerde.nl")]
        assert result.report.categories() == (
            "document.meta",
            "person.gender",
            "person.twitter",
            "council.name",
        )


class TestOrganisationsFile:
    def test_the_cbs_code_in_the_data_is_checked_against_the_name(self) -> None:
        organisations = {
            "organisations": [
                {
                    "id": "m1",
                    "classification": "Municipality",
                    "name": "Heerde",
                    "identifiers": [{"scheme": "CBS", "identifier": "GM9999"}],
                },
                COUNCIL,
            ]
        }
        result = import_ori(persons(raadslid("p1", "A. de Vries")), organisations)
        assert result.landscape.municipalities[0].cbs_code == "GM0246"
        assert any("the data gives the CBS code GM9999" in n for n in result.report.notes)

    def test_a_meta_count_that_disagrees_is_noted(self) -> None:
        doc = persons(raadslid("p1", "A. de Vries"))
        doc["meta"]["total"] = 5
        result = import_ori(doc)
        assert any("counts 5 persons, the file holds 1" in n for n in result.report.notes)


def council_import(name: str, *organisations: dict[str, Any]) -> ImportResult:
    """Import one raadslid of a council of this name, with these organisations."""
    council = {"id": "gemeente-x", "classification": "Council", "name": name}
    membership = {"organisation_id": council["id"], "role": "Raadslid", "organisation": council}
    doc = persons(person("p1", "A. de Vries", membership))
    if organisations:
        return import_ori(doc, {"organisations": [*organisations, council]})
    return import_ori(doc)


class TestMunicipalityNames:
    @pytest.mark.parametrize(
        ("name", "code"),
        [
            ("Gemeente Bergen (Bergen) (NH)", "GM0373"),
            ("Gemeente Bergen (Bergen) (L)", "GM0893"),
            ("Gemeente Bergen (Schoorl) (NH)", "GM0373"),
            ("Gemeente Nuenen c.a. (Nuenen) (NB)", "GM0820"),
            ("Gemeente Den Haag (Den Haag) (ZH)", "GM0518"),
        ],
    )
    def test_the_province_of_the_council_name_chooses(self, name: str, code: str) -> None:
        result = council_import(name)
        (municipality,) = result.landscape.municipalities
        assert municipality.cbs_code == code

    def test_the_note_says_the_province_chose(self) -> None:
        result = council_import("Gemeente Bergen (Bergen) (NH)")
        assert (
            "'Bergen' was matched by name, in Noord-Holland, to Bergen (NH.) (GM0373) in the "
            "CBS list of 2025"
        ) in result.report.notes

    def test_bergen_without_a_province_is_reported_as_ambiguous(self) -> None:
        result = council_import("Gemeente Bergen (Bergen)")
        (municipality,) = result.landscape.municipalities
        assert municipality.cbs_code is None
        (note,) = [n for n in result.report.notes if "'Bergen'" in n]
        assert note.startswith("'Bergen' is ambiguous: ")
        assert '"Bergen (NH.)" (GM0373, Noord-Holland) or "Bergen (L.)" (GM0893, Limburg)' in note
        assert "not in the CBS list" not in note

    def test_a_cbs_code_in_the_data_chooses_between_namesakes(self) -> None:
        own = {
            "id": "m1",
            "classification": "Municipality",
            "name": "Bergen",
            "identifiers": [{"scheme": "CBS", "identifier": "GM0893"}],
        }
        result = council_import("Gemeente Bergen (Bergen)", own)
        assert result.landscape.municipalities[0].cbs_code == "GM0893"
        assert (
            "'Bergen' matches 2 municipalities in the CBS list of 2025; the CBS code GM0893 in "
            "the data gives Bergen (L.)"
        ) in result.report.notes

    def test_a_former_municipality_is_imported_under_its_name_saying_what_it_became(
        self,
    ) -> None:
        result = council_import("Gemeente Weesp (Weesp) (NH)")
        (municipality,) = result.landscape.municipalities
        assert (municipality.id, municipality.cbs_code, municipality.name) == (
            "weesp",
            None,
            "Weesp",
        )
        assert municipality.province == "Noord-Holland"
        (note,) = [n for n in result.report.notes if "'Weesp'" in n]
        assert "Weesp is since 2022-03-24 part of Amsterdam (GM0363)" in note
        assert "Weert" not in note

    def test_the_ori_list_name_of_a_municipality_matches(self) -> None:
        own = {"id": "m1", "classification": "Municipality", "name": "Nuenen c.a. (gemeente)"}
        result = council_import("Gemeente Nuenen c.a. (Nuenen) (NB)", own)
        assert result.landscape.municipalities[0].cbs_code == "GM0820"
        assert (
            "'Nuenen c.a. (gemeente)' was matched by name to Nuenen, Gerwen en Nederwetten "
            "(GM0820) in the CBS list of 2025"
        ) in result.report.notes

    @pytest.mark.realdata
    def test_the_real_utrecht_file_matches_its_own_list_name(self) -> None:
        real = Path(__file__).parents[2] / "shared" / "real-data" / "open-raadsinformatie"
        if not real.is_dir():
            pytest.skip(f"../shared/real-data is not present ({real})")
        result = load_ori(real / "utrecht_persons.json", real / "utrecht_organisations.json")
        assert result.landscape.municipalities[0].cbs_code == "GM0344"
        assert (
            "'Utrecht (gemeente)' was matched by name to Utrecht (GM0344) in the CBS list of 2025"
        ) in result.report.notes


class TestFiles:
    def test_partner_paths(self) -> None:
        assert partner_paths("a/x_persons.json") == (
            "persons",
            (Path("a/x_organisations.json"), Path("a/x_organizations.json")),
        )
        assert partner_paths("x_organizations.json") == ("organisations", (Path("x_persons.json"),))
        assert partner_paths("council.json") == ("unknown", ())

    def test_the_sample_loads_from_either_file_and_with_both_given(self) -> None:
        from_persons = load_ori(SAMPLE / "heerde_persons.json")
        from_organisations = load_ori(SAMPLE / "heerde_organisations.json")
        both_swapped = load_ori(
            SAMPLE / "heerde_organisations.json", SAMPLE / "heerde_persons.json"
        )
        assert from_persons == from_organisations == both_swapped
        land = from_persons.landscape
        committee = land.get("heerde-commissie-ruimte")
        assert isinstance(committee, democratie.Organisation)
        assert committee.name == "Commissie Ruimte"
        assert len(land.people) == 6
        assert democratie.loads(democratie.dumps(land)) == land

    def test_files_with_other_names_are_paired_explicitly(self, tmp_path: Path) -> None:
        shutil.copy(SAMPLE / "heerde_persons.json", tmp_path / "mensen.json")
        shutil.copy(SAMPLE / "heerde_organisations.json", tmp_path / "organisaties.json")
        result = load_ori(tmp_path / "mensen.json", tmp_path / "organisaties.json")
        assert result.report.sources == ("mensen.json", "organisaties.json")
        assert [s.title for s in result.landscape.sources] == ["mensen.json", "organisaties.json"]

    def test_the_report_reads_well(self) -> None:
        text = str(load_ori(SAMPLE / "heerde_persons.json").report)
        assert text.startswith("Imported heerde_persons.json, heerde_organisations.json (ori)")
        assert "person.gender (8): the gender of a person" in text
        assert "... and 3 more" in text


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"meta": {}, "organisations": []}, True),
        ({"persons": [{"memberships": [{"organisation_id": "x"}]}]}, True),
        ({"persons": [{"memberships": [{"organization_id": "x"}]}]}, False),
        ({"persons": []}, False),
        ({"organisations": [], "organizations": []}, False),
        ({"format": "democratie/1", "organisations": []}, False),
        ([], False),
        ("persons", False),
    ],
)
def test_detect(data: object, expected: bool) -> None:
    assert detect(data) is expected


def test_detect_the_sample_files() -> None:
    for path in SAMPLE.glob("*.json"):
        assert detect(json.loads(path.read_text(encoding="utf-8"))), path

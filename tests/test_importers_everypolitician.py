"""EveryPolitician-shaped Popolo: terms and seats, bad records, placeholders and round trips.

EveryPolitician (``ep-popolo-v1.0.json``) gives one membership per term, with a
``legislative_period_id`` naming an event of classification ``legislative period`` that
holds the term's dates; the legislature carries its ``seats``. The fixtures here are
small documents of that shape, written for these tests: the Australian House of
Representatives and the Tweede Kamer, with members, parties and terms as the public
record has them.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from democratie.cli import main
from democratie.errors import LoadError
from democratie.exporters.popolo import popolo_data
from democratie.importers import (
    ImportResult,
    SkippedRecord,
    import_ori,
    import_popolo,
    load_ori,
    load_popolo,
)
from democratie.importers.popolo import NO_PARTY

REAL_DATA = Path(__file__).resolve().parents[2] / "shared" / "real-data"
QLD = REAL_DATA / "popolo-examples" / "qld_local_councillor_popolo.json"
needs_real_data = pytest.mark.skipif(
    not REAL_DATA.is_dir(), reason=f"the shared real data folder {REAL_DATA} is absent"
)

BEAZLEY = "9a1c4e52-0a4e-4c5e-9a4b-3f2d1b7c8e01"
BISHOP = "person/julie_bishop"
MCGOWAN = "person/cathy_mcgowan"


def house() -> dict[str, Any]:
    """The Australian House of Representatives, EveryPolitician-shaped."""
    return {
        "persons": [
            {
                "id": BEAZLEY,
                "name": "Kim Beazley",
                "identifiers": [{"scheme": "wikidata", "identifier": "Q312943"}],
            },
            {"id": BISHOP, "name": "Julie Bishop"},
            {"id": MCGOWAN, "name": "Cathy McGowan"},
        ],
        "organizations": [
            {
                "id": "legislature",
                "name": "House of Representatives",
                "classification": "legislature",
                "seats": 150,
            },
            {"id": "party/alp", "name": "Australian Labor Party", "classification": "party"},
            {"id": "party/liberal", "name": "Liberal Party", "classification": "party"},
            {"id": "party/independent", "name": "Independent", "classification": "party"},
        ],
        "areas": [
            {"id": "area/brand", "name": "Brand", "type": "constituency"},
            {"id": "area/curtin", "name": "Curtin", "type": "constituency"},
            {"id": "area/indi", "name": "Indi", "type": "constituency"},
        ],
        "events": [
            term("term/39", "39th Parliament", "1998-11-10", "2001-10-08"),
            term("term/40", "40th Parliament", "2002-02-12", "2004-08-31"),
            term("term/41", "41st Parliament", "2004-11-16", "2007-10-17"),
            term("term/45", "45th Parliament", "2016-08-30", None),
        ],
        "memberships": [
            *(
                seat(BEAZLEY, "party/alp", f"term/{n}", "area/brand")
                for n in (39, 40, 41)  # Kim Beazley sat for Brand 1998-2007
            ),
            seat(BISHOP, "party/liberal", "term/41", "area/curtin"),
            seat(BISHOP, "party/liberal", "term/45", "area/curtin"),
            seat(MCGOWAN, "party/independent", "term/45", "area/indi"),
        ],
    }


def term(id: str, name: str, start: str, end: str | None) -> dict[str, Any]:
    event = {
        "id": id,
        "name": name,
        "classification": "legislative period",
        "start_date": start,
        "organization_id": "legislature",
    }
    if end is not None:
        event["end_date"] = end
    return event


def seat(person: str, party: str, period: str, area: str, **extra: Any) -> dict[str, Any]:
    return {
        "person_id": person,
        "organization_id": "legislature",
        "on_behalf_of_id": party,
        "legislative_period_id": period,
        "area_id": area,
        "role": "member",
        **extra,
    }


def tweede_kamer() -> dict[str, Any]:
    return {
        "persons": [{"id": "p-1", "name": "Mark Rutte"}, {"id": "p-2", "name": "Sigrid Kaag"}],
        "organizations": [
            {"id": "tk", "name": "Tweede Kamer", "classification": "legislature", "seats": 150},
            {"id": "vvd", "name": "VVD", "classification": "party"},
            {"id": "d66", "name": "D66", "classification": "party"},
        ],
        "events": [term("term/2021", "Tweede Kamer 2021-2023", "2021-03-31", None)],
        "memberships": [
            {"person_id": "p-1", "organization_id": "tk", "on_behalf_of_id": "vvd",
             "legislative_period_id": "term/2021", "role": "councillor"},
            {"person_id": "p-2", "organization_id": "tk", "on_behalf_of_id": "d66",
             "legislative_period_id": "term/2021", "role": "councillor"},
        ],
    }  # fmt: skip


def roles_of(result: ImportResult, holder: str) -> list[tuple[dt.date | None, dt.date | None]]:
    return [(r.start, r.end) for r in result.landscape.roles if r.holder == holder]


# --- 6. terms and seats ----------------------------------------------------------------------


class TestTerms:
    def test_each_term_is_a_role_of_its_own_with_the_terms_dates(self) -> None:
        result = import_popolo(house())
        assert roles_of(result, BEAZLEY) == [
            (dt.date(1998, 11, 10), dt.date(2001, 10, 8)),
            (dt.date(2002, 2, 12), dt.date(2004, 8, 31)),
            (dt.date(2004, 11, 16), dt.date(2007, 10, 17)),
        ]
        assert result.report.category("membership.repeated") is None
        assert result.report.category("membership.legislative_period_id") is None
        # The terms are read, not reported as events the model has no place for.
        assert result.report.category("document.events") is None

    def test_a_term_that_ended_is_not_current(self) -> None:
        land = import_popolo(house()).landscape
        today = dt.date(2018, 6, 1)
        sitting = {r.holder for r in land.roles if r.active_on(today)}
        assert sitting == {"person-julie_bishop", "person-cathy_mcgowan"}
        assert not any(r.end is None for r in land.roles if r.holder == BEAZLEY)

    def test_a_memberships_own_dates_win_over_its_terms(self) -> None:
        doc = house()
        # Elected at a by-election within the term, and gone before it ended.
        doc["memberships"][0].update(start_date="1999-03-06", end_date="2001-08-01")
        doc["memberships"][1]["start_date"] = "2002-03-01"
        result = import_popolo(doc)
        assert roles_of(result, BEAZLEY)[:2] == [
            (dt.date(1999, 3, 6), dt.date(2001, 8, 1)),
            (dt.date(2002, 3, 1), dt.date(2004, 8, 31)),
        ]

    def test_a_term_the_document_does_not_hold_is_reported(self) -> None:
        doc = house()
        doc["memberships"][0]["legislative_period_id"] = "term/38"
        result = import_popolo(doc)
        missing = result.report.category("membership.legislative_period_id")
        assert missing is not None
        assert missing.examples == (
            "popolo.json: memberships[0].legislative_period_id = 'term/38'",
        )
        assert roles_of(result, BEAZLEY)[0] == (None, None)

    def test_other_events_are_still_reported(self) -> None:
        doc = house()
        doc["events"].append({"id": "e1", "name": "Election", "classification": "general election"})
        item = import_popolo(doc).report.category("document.events")
        assert item is not None
        assert item.examples == ("popolo.json: events[4]",)

    def test_a_term_that_ends_before_it_starts_is_a_located_error(self) -> None:
        doc = house()
        doc["events"][0]["end_date"] = "1997-01-01"
        with pytest.raises(LoadError) as caught:
            import_popolo(doc, source="house.json")
        assert [(p.path, p.code) for p in caught.value.problems] == [
            ("events[0].end_date", "invalid-value")
        ]


class TestSeats:
    def test_the_legislatures_seats_are_imported(self) -> None:
        result = import_popolo(tweede_kamer())
        (kamer,) = result.landscape.municipalities
        assert kamer.council.seats == 150
        assert [(f.name, f.seats) for f in kamer.council.factions] == [("VVD", 1), ("D66", 1)]
        assert result.report.category("organization.seats") is None
        assert any("seats from the document" in note for note in result.report.notes)

    def test_seats_the_model_cannot_hold_are_reported_and_counted_instead(self) -> None:
        doc = tweede_kamer()
        doc["organizations"][0]["seats"] = 650
        result = import_popolo(doc)
        assert result.landscape.municipalities[0].council.seats == 2
        item = result.report.category("organization.seats")
        assert item is not None
        assert item.examples == ("popolo.json: organizations[0].seats = 650",)

    @pytest.mark.parametrize("seats", ["150", 0, True, 1.5])
    def test_seats_that_are_no_count_are_a_located_error(self, seats: object) -> None:
        doc = tweede_kamer()
        doc["organizations"][0]["seats"] = seats
        with pytest.raises(LoadError) as caught:
            import_popolo(doc)
        assert [p.path for p in caught.value.problems] == ["organizations[0].seats"]

    def test_more_current_members_than_seats_keeps_the_seats(self) -> None:
        doc = tweede_kamer()
        doc["organizations"][0]["seats"] = 1
        result = import_popolo(doc)
        council = result.landscape.municipalities[0].council
        assert council.seats == 1
        assert [f.seats for f in council.factions] == [None, None]
        assert any("current members are more than that" in n for n in result.report.notes)


# --- 7. bad records ----------------------------------------------------------------------------


def flawed() -> dict[str, Any]:
    """The house with one of each flaw that refused whole files."""
    doc = house()
    doc["areas"].append({"id": "area/unnamed", "name": ""})
    doc["persons"][1]["name"] = "Julie\x07 Bishop"
    doc["memberships"][5].update(start_date="2017-01-01", end_date="2016-12-31")
    doc["organizations"].append(
        {"id": "party/LIBERAL", "name": "LIBERAL PARTY", "classification": "party"}
    )
    return doc


class TestStrict:
    def test_every_bad_record_is_a_located_error_at_once(self) -> None:
        with pytest.raises(LoadError) as caught:
            import_popolo(flawed(), source="house.json")
        assert [(p.file, p.path) for p in caught.value.problems] == [
            ("house.json", "persons[1].name"),
            ("house.json", "memberships[5].end"),
        ]
        assert "control character U+0007" in caught.value.problems[0].message

    def test_an_area_without_a_name_is_imported_under_its_id(self) -> None:
        doc = house()
        doc["areas"].append({"id": "area/unnamed", "name": ""})
        doc["areas"].append({"id": "area/nameless"})
        doc["memberships"][0]["area_id"] = "area/unnamed"
        result = import_popolo(doc)
        item = result.report.category("area.name")
        assert item is not None
        assert item.count == 2
        assert item.examples[0] == "popolo.json: areas[3].name = 'area/unnamed'"

    def test_parties_that_differ_only_in_capitals_are_kept_apart_and_named(self) -> None:
        doc = house()
        doc["organizations"].append(
            {"id": "party/LIBERAL", "name": "LIBERAL PARTY", "classification": "party"}
        )
        doc["memberships"][4]["on_behalf_of_id"] = "party/LIBERAL"
        result = import_popolo(doc)
        assert sorted(o.name for o in result.landscape.organisations) == [
            "Australian Labor Party",
            "LIBERAL PARTY",
            "Liberal Party",
        ]
        (note,) = [n for n in result.report.notes if "differ only in capitals" in n]
        assert "'Liberal Party' (organizations[2]) and 'LIBERAL PARTY' (organizations[4])" in note


class TestLenient:
    def test_the_rest_is_imported_and_every_skipped_record_listed(self) -> None:
        result = import_popolo(flawed(), source="house.json", skip_bad_records=True)
        assert result.report.skipped == (
            SkippedRecord(
                file="house.json",
                path="persons[1]",
                reasons=("name: contains the control character U+0007 at position 6; remove it",),
            ),
            SkippedRecord(
                file="house.json",
                path="memberships[5]",
                reasons=("end: the end (2016-12-31) comes before the start (2017-01-01)",),
            ),
        )
        land = result.landscape
        assert [p.name for p in land.people] == ["Kim Beazley", "Cathy McGowan"]
        # The memberships of the person left out are counted, not lost silently.
        item = result.report.category("membership.person")
        assert item is not None
        assert item.count == 2
        assert len(land.roles) == 3
        assert "Skipped 2 bad records:" in str(result.report)

    def test_a_good_document_skips_nothing(self) -> None:
        strict = import_popolo(house())
        lenient = import_popolo(house(), skip_bad_records=True)
        assert lenient == strict
        assert lenient.report.skipped == ()

    def test_a_bad_inline_membership_is_skipped_alone(self) -> None:
        doc = house()
        doc["persons"][0]["memberships"] = [
            {"organization_id": "legislature", "start_date": "2001", "end_date": "2000-01-01",
             "role": "member"},
            {"organization_id": "legislature", "start_date": "2008-01-01",
             "end_date": "2007-01-01", "role": "member"},
        ]  # fmt: skip
        result = import_popolo(doc, skip_bad_records=True)
        assert [(s.path, s.reasons) for s in result.report.skipped] == [
            (
                "persons[0].memberships[1]",
                ("end: the end (2007-01-01) comes before the start (2008-01-01)",),
            )
        ]
        assert len(roles_of(result, BEAZLEY)) == 4

    def test_a_problem_outside_any_record_still_refuses_the_document(self) -> None:
        doc = house()
        doc["memberships"] = {"not": "a list"}
        with pytest.raises(LoadError) as caught:
            import_popolo(doc, skip_bad_records=True)
        assert [p.path for p in caught.value.problems] == ["memberships"]

    def test_load_popolo_takes_the_flag(self, tmp_path: Path) -> None:
        path = tmp_path / "house.json"
        path.write_text(json.dumps(flawed()), encoding="utf-8")
        with pytest.raises(LoadError):
            load_popolo(path)
        result = load_popolo(path, skip_bad_records=True)
        assert [s.path for s in result.report.skipped] == ["persons[1]", "memberships[5]"]

    def test_open_raadsinformatie_skips_bad_records_too(self) -> None:
        council = {
            "id": "raad",
            "classification": "Council",
            "name": "Gemeente Heerde (Heerde) (GLD)",
        }
        persons = {"persons": [
            {"id": "p1", "name": "Dhr. J.\x07 Tuinman",
             "memberships": [{"organisation_id": "raad", "role": "Raadslid",
                              "organisation": council}]},
            {"id": "p2", "name": "Mw. A. Jansen",
             "memberships": [{"organisation_id": "raad", "role": "Raadslid",
                              "organisation": council}]}]}  # fmt: skip
        with pytest.raises(LoadError):
            import_ori(copy.deepcopy(persons), persons_source="heerde_persons.json")
        result = import_ori(persons, persons_source="heerde_persons.json", skip_bad_records=True)
        assert [(s.file, s.path) for s in result.report.skipped] == [
            ("heerde_persons.json", "persons[0]")
        ]
        assert [p.name for p in result.landscape.people] == ["Mw. A. Jansen"]


class TestCommandLine:
    def test_import_skip_bad_records_lists_what_it_skipped(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        source = tmp_path / "house.json"
        source.write_text(json.dumps(flawed()), encoding="utf-8")
        target = tmp_path / "house.toml"
        assert main(["import", str(source), "--from", "popolo", "--output", str(target)]) == 1
        assert not target.exists()
        capsys.readouterr()
        command = ["import", str(source), "--from", "popolo", "--output", str(target)]
        assert main([*command, "--skip-bad-records"]) == 0
        captured = capsys.readouterr()
        assert "skipped 2 bad records:" in captured.err
        assert "house.json: persons[1]: name: contains the control character" in captured.err
        assert "house.json: memberships[5]: end: the end (2016-12-31)" in captured.err
        assert target.exists()

    def test_skip_bad_records_is_for_the_council_formats(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        source = tmp_path / "house.json"
        source.write_text(json.dumps(house()), encoding="utf-8")
        command = ["import", str(source), "--from", "json", "--output", str(tmp_path / "x.json")]
        assert main([*command, "--skip-bad-records"]) == 2
        assert "--skip-bad-records is for --from ori and --from popolo" in capsys.readouterr().err


# --- placeholder parties -----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["Independent", "Unaligned", "-", "Non-partisan", "–"])
def test_a_placeholder_party_is_no_party(name: str) -> None:
    doc = house()
    doc["organizations"][3]["name"] = name
    result = import_popolo(doc)
    land = result.landscape
    assert name not in {o.name for o in land.organisations}
    assert name not in {f.name for f in land.municipalities[0].council.factions}
    (mcgowan,) = [r for r in land.roles if r.holder == "person-cathy_mcgowan"]
    assert mcgowan.on_behalf_of is None
    sat = result.report.category("membership.independent")
    assert sat is not None
    assert sat.examples == ("popolo.json: memberships[5].on_behalf_of_id = 'party/independent'",)


def test_a_group_of_no_council_named_independent_is_no_party_either() -> None:
    doc = house()
    doc["organizations"][3]["classification"] = "parliamentary group"
    land = import_popolo(doc).landscape
    assert "Independent" not in {o.name for o in land.organisations}
    (mcgowan,) = [r for r in land.roles if r.holder == "person-cathy_mcgowan"]
    assert mcgowan.on_behalf_of is None


def test_the_placeholder_list_holds_no_real_party() -> None:
    assert "independent" in NO_PARTY
    assert "unaligned" in NO_PARTY
    assert not {"labor", "liberal", "independent liberal", "vvd"} & NO_PARTY


# --- 9. round trips ----------------------------------------------------------------------------


def twice(doc: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    first = popolo_data(import_popolo(doc).landscape)
    second = popolo_data(import_popolo(first).landscape)
    return first, second


def test_a_second_round_trip_changes_nothing() -> None:
    first, second = twice(house())
    assert second == first
    bishop = next(p for p in first["persons"] if p["name"] == "Julie Bishop")
    assert bishop["identifiers"] == [{"identifier": BISHOP, "scheme": "popolo"}]
    labor = next(o for o in first["organizations"] if o["name"] == "Australian Labor Party")
    assert labor["identifiers"] == [{"identifier": "party/alp", "scheme": "popolo"}]


def test_role_texts_come_back_as_the_source_wrote_them() -> None:
    texts = ("member", "councillor", "Mayor", "Raadslid", "Deputy Mayor", "chair", "Kerkvoogd")
    doc = tweede_kamer()
    doc["memberships"] = [
        {"person_id": "p-1", "organization_id": "tk", "role": text} for text in texts
    ]
    first, _ = twice(doc)
    assert [(m["role"], m.get("label")) for m in first["memberships"]] == [
        ("member", None),
        ("councillor", None),
        ("Mayor", None),
        ("Raadslid", None),
        ("Deputy Mayor", None),
        ("chair", None),
        ("Lid", "Kerkvoogd"),
    ]


ROLE_TEXT = st.sampled_from(
    ["member", "councillor", "Councillor", "mayor", "Lid", "Raadslid", "Wethouder", "alderman",
     "Deputy Mayor", "group leader", "chair", "Kerkvoogd", "Senior projectleider"]
)  # fmt: skip
SOURCE_ID = st.sampled_from(["p1", "person/2", "P3", "Q-4", "p_5", "0dc8e2"])
PARTY_ID = st.sampled_from(["party/alp", "LIB", "greens", "party/independent"])
DAY = st.dates(dt.date(1990, 1, 1), dt.date(2020, 12, 31)).map(dt.date.isoformat)


@st.composite
def documents(draw: st.DrawFn) -> dict[str, Any]:
    people = draw(st.lists(SOURCE_ID, min_size=1, max_size=4, unique=True))
    parties = draw(st.lists(PARTY_ID, max_size=3, unique=True))
    memberships = []
    for _ in range(draw(st.integers(0, 6))):
        record: dict[str, Any] = {
            "person_id": draw(st.sampled_from(people)),
            "organization_id": "legislature",
            "role": draw(ROLE_TEXT),
        }
        party: str | None = draw(st.one_of(st.none(), *map(st.just, parties)))
        if party is not None:
            record["on_behalf_of_id"] = party
        period: str | None = draw(st.sampled_from([None, "term/1", "term/2"]))
        if period is not None:
            record["legislative_period_id"] = period
        else:
            # A date of its own (a term's dates would make some of these end before
            # they start, which is refused).
            record["start_date"] = draw(DAY)
        memberships.append(record)
    return {
        "persons": [{"id": pid, "name": f"Person {pid}"} for pid in people],
        "organizations": [
            {"id": "legislature", "name": "House", "classification": "legislature", "seats": 99},
            *({"id": p, "name": p.upper(), "classification": "party"} for p in parties),
        ],
        "events": [
            term("term/1", "First", "1990-01-01", "1999-12-31"),
            term("term/2", "Second", "2021-01-01", None),
        ],
        "memberships": memberships,
    }


@settings(max_examples=60)
@given(documents())
def test_popolo_import_and_export_reach_a_fixed_point(doc: dict[str, Any]) -> None:
    first, second = twice(doc)
    assert second == first


@needs_real_data
def test_the_queensland_file_reaches_a_fixed_point_after_one_round_trip() -> None:
    first = popolo_data(load_popolo(QLD).landscape)
    second = popolo_data(import_popolo(first).landscape)
    assert second == first
    # The file's role texts, as it wrote them, not their Dutch names.
    assert {m["role"] for m in first["memberships"]} == {"councillor", "mayor"}


@needs_real_data
@pytest.mark.parametrize("council", ["amstelveen", "heerde", "utrecht"])
def test_real_files_import_the_same_leniently(council: str) -> None:
    """The real files have no bad record: the lenient import is the strict one."""
    path = REAL_DATA / "open-raadsinformatie" / f"{council}_persons.json"
    assert load_ori(path, skip_bad_records=True) == load_ori(path)


@needs_real_data
def test_the_queensland_file_imports_the_same_leniently() -> None:
    assert load_popolo(QLD, skip_bad_records=True) == load_popolo(QLD)

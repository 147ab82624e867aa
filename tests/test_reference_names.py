"""Tests for municipality names: short names, suffixes, provinces and former municipalities."""

from __future__ import annotations

import csv
import datetime as dt
import io
import pickle
import re
from importlib.resources import files
from pathlib import Path

import pytest

from democratie import Landscape, Municipality
from democratie.errors import LoadError, ModelError
from democratie.io import dumps, loads
from democratie.reference import (
    PROVINCES,
    AmbiguousMunicipalityError,
    FormerMunicipality,
    FormerMunicipalityError,
    UnknownMunicipalityError,
    by_code,
    find_former,
    former_municipalities,
    is_known_code,
    municipalities,
    normalise,
    province_named,
    resolve,
    suggest,
)

REAL_DATA = Path(__file__).parents[2] / "shared" / "real-data"
PACKAGE_DATA = files("democratie.reference") / "data"


def _rows(name: str) -> list[dict[str, str]]:
    text = (PACKAGE_DATA / name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


# --- short names and register suffixes ---------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("Nuenen", "GM0820"),
        ("Nuenen c.a.", "GM0820"),
        ("nuenen ca", "GM0820"),
        ("Den Haag", "GM0518"),
        ("Den Bosch", "GM0796"),
        ("Utrecht (gemeente)", "GM0344"),
        ("Gemeente Utrecht", "GM0344"),
        ("Nuenen c.a. (gemeente)", "GM0820"),
        ("Bergen (NH)", "GM0373"),
        ("Bergen (N.H.)", "GM0373"),
        ("Bergen (Noord-Holland)", "GM0373"),
        ("Bergen (L)", "GM0893"),
        ("Bergen (Limburg)", "GM0893"),
        ("Hengelo (O)", "GM0164"),
        ("Hengelo (Overijssel)", "GM0164"),
        ("Laren (NH)", "GM0417"),
        ("Rijswijk (Zuid-Holland)", "GM0603"),
        ("Groningen (Gr.)", "GM0014"),
    ],
)
def test_short_names_and_suffixes_resolve(query: str, code: str) -> None:
    assert resolve(query).cbs_code == code


def test_every_alias_is_shipped_with_a_source_and_names_a_current_code() -> None:
    rows = _rows("gemeenten-aliassen.csv")
    assert {row["alias"] for row in rows} >= {"Nuenen", "Nuenen c.a.", "Den Haag", "Den Bosch"}
    for row in rows:
        assert row["source"].strip(), row
        assert resolve(row["alias"]).cbs_code == row["cbs_code"]
        # An alias is not the CBS name of another municipality.
        assert normalise(row["alias"]) not in {normalise(r.name) for r in municipalities()}


def test_nuenen_suggests_its_full_name_and_never_rhenen() -> None:
    assert suggest("Nuenen") == ("Nuenen, Gerwen en Nederwetten",)
    assert suggest("Nuenen Gerwen") == ("Nuenen, Gerwen en Nederwetten",)
    assert suggest("Nuenen c") == ("Nuenen, Gerwen en Nederwetten",)
    for query in ("Nuenen", "Nuenen c", "Nuenen Gerwen", "Nuenen Nederwetten"):
        assert "Rhenen" not in suggest(query), query


def test_prefix_and_substring_matches_come_before_edit_distance() -> None:
    assert suggest("Hertogenbosch") == ("'s-Hertogenbosch",)
    assert suggest("Gravenhage") == ("'s-Gravenhage",)
    assert suggest("Ams") == ("Amsterdam", "Amstelveen")
    # A misspelling still gets its nearest name.
    assert suggest("Amsterdm") == ("Amsterdam",)


@pytest.mark.parametrize("query", ["Nuenen", "Weesp", "Xeert", "Ohenen", "Zuenen", "Rotterdan"])
def test_a_suggestion_shares_the_first_letter_or_contains_the_text(query: str) -> None:
    key = normalise(query)
    for name in suggest(query):
        assert normalise(name)[0] == key[0] or key in normalise(name), (query, name)


def test_an_unknown_name_gets_no_bad_suggestion() -> None:
    with pytest.raises(UnknownMunicipalityError) as caught:
        resolve("Nuenen Nederwetten Gerwen Eindhoven")
    assert caught.value.suggestions == ()
    assert "did you mean" not in str(caught.value)


# --- provinces ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "province"),
    [
        ("NH", "Noord-Holland"),
        ("NH.", "Noord-Holland"),
        ("(GLD)", "Gelderland"),
        ("Gld.", "Gelderland"),
        ("UT", "Utrecht"),
        ("L.", "Limburg"),
        ("O.", "Overijssel"),
        ("ZH.", "Zuid-Holland"),
        ("Z.", "Zeeland"),
        ("Friesland", "Fryslân"),
        ("fryslan", "Fryslân"),
        ("PV30", "Noord-Brabant"),
        ("Noord-Brabant", "Noord-Brabant"),
        ("Vlaanderen", None),
        ("", None),
    ],
)
def test_province_named(text: str, province: str | None) -> None:
    assert province_named(text) == province


def test_every_province_is_read_by_its_name_and_code() -> None:
    for code, name in PROVINCES.items():
        assert province_named(name) == name
        assert province_named(code) == name
        assert province_named(name.upper()) == name


def test_bergen_is_ambiguous_until_a_province_chooses() -> None:
    with pytest.raises(AmbiguousMunicipalityError) as caught:
        resolve("Bergen")
    assert [c.cbs_code for c in caught.value.candidates] == ["GM0373", "GM0893"]
    assert resolve("Bergen", province="NH").cbs_code == "GM0373"
    assert resolve("Bergen", province="Noord-Holland").cbs_code == "GM0373"
    assert resolve("Bergen", province="Limburg").cbs_code == "GM0893"
    assert resolve("bergen", province="PV31").cbs_code == "GM0893"


def test_a_name_in_another_province_does_not_match() -> None:
    with pytest.raises(UnknownMunicipalityError) as caught:
        resolve("Delft", province="Utrecht")
    assert caught.value.province == "Utrecht"
    assert caught.value.suggestions == ("Delft",)
    assert 'no municipality named "Delft" in Utrecht' in str(caught.value)
    assert "Delft lies in Zuid-Holland" in str(caught.value)
    with pytest.raises(UnknownMunicipalityError, match="in Gelderland"):
        resolve("Hengelo (Gld.)")
    with pytest.raises(UnknownMunicipalityError, match="in Limburg"):
        resolve("Bergen (NH)", province="L")
    with pytest.raises(UnknownMunicipalityError):
        resolve("Bergen", province="Zeeland")


def test_a_province_that_names_no_province_is_refused() -> None:
    with pytest.raises(ValueError, match="'Atlantis' names no province"):
        resolve("Delft", province="Atlantis")


# --- former municipalities ---------------------------------------------------------------------


def test_weesp_says_what_it_became() -> None:
    with pytest.raises(FormerMunicipalityError) as caught:
        resolve("Weesp")
    error = caught.value
    assert isinstance(error, UnknownMunicipalityError)
    assert str(error).startswith("Weesp is since 2022-03-24 part of Amsterdam (GM0363)")
    assert "Weert" not in str(error)
    assert error.suggestions == ("Amsterdam",)
    assert error.former.dissolved == dt.date(2022, 3, 24)
    assert error.former.cbs_code == "GM0457"


def test_a_former_code_says_what_it_became() -> None:
    with pytest.raises(FormerMunicipalityError) as caught:
        by_code("GM0457")
    assert str(caught.value).startswith(
        "GM0457 was the code of Weesp, which is since 2022-03-24 part of Amsterdam (GM0363)"
    )
    assert caught.value.kind == "code"
    assert not is_known_code("GM0457")
    with pytest.raises(FormerMunicipalityError):
        resolve("0457")


@pytest.mark.parametrize(
    ("code", "name", "successor"),
    [
        ("GM0623", "Vlist", "Krimpenerwaard (GM1931)"),
        ("GM0611", "Cromstrijen", "Hoeksche Waard (GM1963)"),
        ("GM0588", "Korendijk", "Hoeksche Waard (GM1963)"),
        ("GM0617", "Strijen", "Hoeksche Waard (GM1963)"),
        ("GM0584", "Oud-Beijerland", "Hoeksche Waard (GM1963)"),
        ("GM0733", "Lingewaal", "West Betuwe (GM1960)"),
        ("GM0304", "Neerijnen", "West Betuwe (GM1960)"),
    ],
)
def test_the_codes_completed_and_corrected_say_what_they_became(
    code: str, name: str, successor: str
) -> None:
    with pytest.raises(FormerMunicipalityError) as caught:
        by_code(code)
    assert str(caught.value).startswith(f"{code} was the code of {name}, ")
    assert successor in str(caught.value)


@pytest.mark.parametrize(
    ("name", "date", "successors"),
    [
        ("Haaren", "2021-01-01", ["Oisterwijk", "Vught", "Tilburg", "Boxtel"]),
        ("Appingedam", "2021-01-01", ["Eemsdelta"]),
        ("Delfzijl", "2021-01-01", ["Eemsdelta"]),
        ("Loppersum", "2021-01-01", ["Eemsdelta"]),
        ("Heerhugowaard", "2022-01-01", ["Dijk en Waard"]),
        ("Langedijk", "2022-01-01", ["Dijk en Waard"]),
        ("Brielle", "2023-01-01", ["Voorne aan Zee"]),
        ("Hellevoetsluis", "2023-01-01", ["Voorne aan Zee"]),
        ("Westvoorne", "2023-01-01", ["Voorne aan Zee"]),
        ("Haren", "2019-01-01", ["Groningen"]),
        ("Haarlemmerliede en Spaarnwoude", "2019-01-01", ["Haarlemmermeer"]),
        ("Littenseradiel", "2018-01-01", ["Leeuwarden", "Súdwest-Fryslân", "Waadhoeke"]),
        ("Groesbeek", "2016-01-01", ["Berg en Dal"]),
        ("Maasdonk", "2015-01-01", ["Oss", "'s-Hertogenbosch"]),
    ],
)
def test_known_mergers(name: str, date: str, successors: list[str]) -> None:
    former = find_former(name)
    assert former is not None
    assert former.dissolved.isoformat() == date
    assert [record.name for record in former.successors] == successors


def test_a_split_and_a_renaming_are_described_as_such() -> None:
    haaren = find_former("Haaren")
    assert haaren is not None
    assert str(haaren) == (
        "Haaren is since 2021-01-01 divided over Oisterwijk (GM0824), Vught (GM0865), "
        "Tilburg (GM0855) and Boxtel (GM0757)"
    )
    groesbeek = find_former("Groesbeek")
    assert groesbeek is not None
    assert str(groesbeek) == "Groesbeek is since 2016-01-01 named Berg en Dal (GM1945)"


def test_find_former_reads_names_as_resolve_does_and_minds_the_province() -> None:
    assert find_former("weesp (gemeente)") == find_former("Weesp") == find_former("GM0457")
    assert find_former("Haren (Gn)") == find_former("Haren")
    assert find_former("Haren", province="Noord-Brabant") is None
    assert find_former("Amsterdam") is None
    assert find_former("GM0363") is None


def test_former_errors_survive_pickling() -> None:
    with pytest.raises(FormerMunicipalityError) as caught:
        resolve("Weesp")
    copy = pickle.loads(pickle.dumps(caught.value))
    assert isinstance(copy, FormerMunicipalityError)
    assert str(copy) == str(caught.value)
    assert copy.former == caught.value.former
    assert copy.suggestions == caught.value.suggestions


def test_former_record_validates_its_fields() -> None:
    amsterdam = by_code("GM0363")
    with pytest.raises(ValueError, match="successors"):
        FormerMunicipality(
            name="Weesp",
            cbs_code="GM0457",
            province="Noord-Holland",
            dissolved=dt.date(2022, 3, 24),
            change="merged",
            successors=(),
            source="CBS",
        )
    with pytest.raises(ValueError, match="province"):
        FormerMunicipality(
            name="Weesp",
            cbs_code="GM0457",
            province="Holland",
            dissolved=dt.date(2022, 3, 24),
            change="merged",
            successors=(amsterdam,),
            source="CBS",
        )


# --- the shipped list of former municipalities -------------------------------------------------

# Number of municipalities on 1 January of each year, as the CBS classifications of those
# years count them.
_CBS_TOTALS = {
    2015: 393,
    2016: 390,
    2017: 388,
    2018: 380,
    2019: 355,
    2020: 355,
    2021: 352,
    2022: 345,
    2023: 342,
    2024: 342,
    2025: 342,
}
# The municipalities of 2025 that were formed since 2015, and the day they were formed
# (Berg en Dal is Groesbeek renamed, with a new code).
_FORMED = {
    "GM1930": "2015-01-01",  # Nissewaard
    "GM1931": "2015-01-01",  # Krimpenerwaard
    "GM1942": "2016-01-01",  # Gooise Meren
    "GM1945": "2016-01-01",  # Berg en Dal
    "GM1948": "2017-01-01",  # Meierijstad
    "GM1949": "2018-01-01",  # Waadhoeke
    "GM1950": "2018-01-01",  # Westerwolde
    "GM1952": "2018-01-01",  # Midden-Groningen
    "GM1954": "2019-01-01",  # Beekdaelen
    "GM1959": "2019-01-01",  # Altena
    "GM1960": "2019-01-01",  # West Betuwe
    "GM1961": "2019-01-01",  # Vijfheerenlanden
    "GM1963": "2019-01-01",  # Hoeksche Waard
    "GM1966": "2019-01-01",  # Het Hogeland
    "GM1969": "2019-01-01",  # Westerkwartier
    "GM1970": "2019-01-01",  # Noardeast-Fryslân
    "GM1978": "2019-01-01",  # Molenlanden
    "GM1979": "2021-01-01",  # Eemsdelta
    "GM1980": "2022-01-01",  # Dijk en Waard
    "GM1982": "2022-01-01",  # Land van Cuijk
    "GM1991": "2022-01-01",  # Maashorst
    "GM1992": "2023-01-01",  # Voorne aan Zee
}


def test_the_list_covers_every_change_from_2015_to_2025() -> None:
    # The municipalities of a day are those of 2025, plus those dissolved after it, less
    # those formed after it; the counts must be those of the CBS classifications.
    formers = former_municipalities()
    for year, total in _CBS_TOTALS.items():
        day = dt.date(year, 1, 1)
        dissolved_later = sum(1 for f in formers if f.dissolved > day)
        formed_later = sum(1 for d in _FORMED.values() if dt.date.fromisoformat(d) > day)
        assert len(municipalities()) + dissolved_later - formed_later == total, year


def test_every_formed_municipality_succeeds_what_was_dissolved_that_day() -> None:
    formers = former_municipalities()
    for code, day in _FORMED.items():
        assert is_known_code(code), code
        assert any(
            f.dissolved.isoformat() == day and code in {s.cbs_code for s in f.successors}
            for f in formers
        ), code


def test_the_shipped_file_is_well_formed() -> None:
    rows = _rows("gemeenten-historisch.csv")
    assert len(rows) == len(former_municipalities())
    keys = [(row["dissolved"], row["name"]) for row in rows]
    assert keys == sorted(keys), "rows are sorted by date, then name"
    assert len({normalise(row["name"]) for row in rows}) == len(rows)
    codes = [row["cbs_code"] for row in rows]
    assert all(codes), "every former municipality has its code"
    assert len(set(codes)) == len(codes)
    for row in rows:
        day = dt.date.fromisoformat(row["dissolved"])
        assert dt.date(2015, 1, 1) <= day <= dt.date(2025, 1, 1), row
        # Mergers take effect on 1 January, except Weesp's (its own act set 24 March 2022).
        assert (day.month, day.day) == (1, 1) or row["name"] == "Weesp", row
        year = day.year if (day.month, day.day) == (1, 1) else day.year + 1
        assert row["source"] == f"CBS Gemeentelijke indeling op 1 januari {year}", row
        assert re.fullmatch(r"GM\d{4}", row["cbs_code"]), row
        assert row["province"] in PROVINCES.values(), row
        successors = row["successors"].split(";")
        expected = {"merged": 1, "renamed": 1}.get(row["change"])
        assert len(successors) == expected if expected else len(successors) >= 2, row
        assert row["change"] in {"merged", "split", "renamed"}, row


def test_no_former_name_or_code_is_a_current_one() -> None:
    current_names = {normalise(r.name) for r in municipalities()}
    current_bases = {normalise(re.sub(r"\s*\(.*\)$", "", r.name)) for r in municipalities()}
    current_codes = {r.cbs_code for r in municipalities()}
    for former in former_municipalities():
        assert normalise(former.name) not in current_names | current_bases, former.name
        assert former.cbs_code not in current_codes, former.name


@pytest.mark.realdata
def test_the_successors_are_in_the_cbs_list_of_2025() -> None:
    source = REAL_DATA / "cbs" / "gemeenten-2025.csv"
    if not REAL_DATA.is_dir():
        pytest.skip(f"../shared/real-data is not present ({REAL_DATA}); cannot check successors")
    with source.open(encoding="utf-8", newline="") as handle:
        cbs = {row["cbs_code"]: row for row in csv.DictReader(handle)}
    for row in _rows("gemeenten-historisch.csv"):
        for code in row["successors"].split(";"):
            assert code in cbs, (row["name"], code)
        assert row["cbs_code"] not in cbs, row["name"]
        assert normalise(row["name"]) not in {normalise(r["name"]) for r in cbs.values()}
    # The successors lie where the former municipality lay, except for Leerdam and Zederik
    # of Zuid-Holland: Vijfheerenlanden, formed with Vianen of Utrecht, was placed in Utrecht.
    for former in former_municipalities():
        provinces = {cbs[s.cbs_code]["province"] for s in former.successors}
        moved = former.name in {"Leerdam", "Zederik"}
        assert provinces == ({"Utrecht"} if moved else {former.province}), former.name


# --- landscapes --------------------------------------------------------------------------------


def _land(municipality: str) -> str:
    return f'{{"format": "democratie/1", "municipalities": [{municipality}]}}'


def test_a_landscape_may_use_a_short_name_with_the_code() -> None:
    nuenen = Municipality(id="nuenen", cbs_code="GM0820", name="Nuenen")
    assert nuenen.province == "Noord-Brabant"
    Municipality(id="nuenen", cbs_code="GM0820", name="Nuenen c.a.")
    # The code says which Bergen is meant.
    assert Municipality(id="bergen", cbs_code="GM0373", name="Bergen").province == "Noord-Holland"
    assert Municipality(id="bergen", cbs_code="GM0893", name="Bergen").province == "Limburg"


def test_loading_a_former_code_says_what_it_became_located_at_the_code() -> None:
    with pytest.raises(LoadError) as caught:
        loads(_land('{"id": "weesp", "cbs_code": "GM0457"}'), format="json")
    (problem,) = caught.value.problems
    assert problem.path == "municipalities[0].cbs_code"
    assert problem.code == "unknown-municipality"
    assert problem.message.startswith(
        "GM0457 was the code of Weesp, which is since 2022-03-24 part of Amsterdam (GM0363)"
    )
    assert "Weert" not in problem.message
    assert "leave the code out and give the name 'Weesp'" in problem.message


def test_an_unknown_code_with_a_former_name_says_what_it_became() -> None:
    with pytest.raises(ModelError) as caught:
        Municipality(id="haaren", cbs_code="GM9998", name="Haaren")
    (problem,) = caught.value.problems
    assert problem.path == "cbs_code"
    assert "Haaren is since 2021-01-01 divided over Oisterwijk (GM0824)" in problem.message
    assert "one of GM0824, GM0865, GM0855 or GM0757" in problem.message


def test_a_former_name_with_the_code_of_its_successor_says_so() -> None:
    with pytest.raises(ModelError) as caught:
        Municipality(id="weesp", cbs_code="GM0363", name="Weesp")
    (problem,) = caught.value.problems
    assert problem.path == "name"
    assert "(Weesp is since 2022-03-24 part of Amsterdam (GM0363))" in problem.message
    # Leerdam lay in Zuid-Holland, its successor lies in Utrecht.
    with pytest.raises(ModelError, match=r"\(Leerdam is since 2019-01-01 part of Vijfheer"):
        Municipality(id="leerdam", cbs_code="GM1961", name="Leerdam")
    # A former municipality that is not a part of the code's municipality is not mentioned.
    with pytest.raises(ModelError) as caught:
        Municipality(id="weesp", cbs_code="GM0503", name="Weesp")
    assert "2022-03-24" not in str(caught.value)


def test_an_unknown_code_with_a_short_name_suggests_the_full_name() -> None:
    with pytest.raises(ModelError) as caught:
        Municipality(id="nuenen", cbs_code="GM9999", name="Nuenen")
    (problem,) = caught.value.problems
    assert "did you mean Nuenen, Gerwen en Nederwetten (GM0820)?" in problem.message
    assert "Rhenen" not in problem.message


def test_a_former_municipality_loads_by_name_for_the_time_before_the_merger() -> None:
    text = _land('{"id": "weesp", "name": "Weesp", "province": "Noord-Holland"}')
    land = loads(text, format="json")
    weesp = land.get("weesp")
    assert isinstance(weesp, Municipality)
    assert (weesp.cbs_code, weesp.name, weesp.province, weesp.record) == (
        None,
        "Weesp",
        "Noord-Holland",
        None,
    )
    assert loads(dumps(land), format="json") == land
    assert isinstance(land, Landscape)

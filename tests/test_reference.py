"""Tests for democratie.reference: the shipped list of Dutch municipalities of 2025."""

from __future__ import annotations

import ast
import doctest
import inspect
import itertools
import pickle
import re
from importlib.resources import files
from pathlib import Path

import pytest

import democratie.reference
from democratie.reference import (
    PROVINCES,
    REFERENCE_YEAR,
    AmbiguousMunicipalityError,
    MunicipalityRecord,
    UnknownMunicipalityError,
    _municipalities,
    by_code,
    is_known_code,
    municipalities,
    resolve,
    suggest,
)

REAL_DATA = Path(__file__).parents[2] / "shared" / "real-data"
PACKAGE_DATA = files("democratie.reference") / "data"


# --- the list itself ---------------------------------------------------------------------------


def test_reference_year() -> None:
    assert REFERENCE_YEAR == 2025


def test_there_are_342_municipalities() -> None:
    assert len(municipalities()) == 342


def test_codes_are_unique_well_formed_and_sorted() -> None:
    codes = [record.cbs_code for record in municipalities()]
    assert len(set(codes)) == len(codes)
    assert all(re.fullmatch(r"GM\d{4}", code) for code in codes)
    assert codes == sorted(codes)


def test_names_are_unique_and_non_empty() -> None:
    names = [record.name for record in municipalities()]
    assert all(name and name == name.strip() for name in names)
    assert len(set(names)) == len(names)


def test_every_province_has_a_municipality() -> None:
    assert set(PROVINCES) == {f"PV{number}" for number in range(20, 32)}
    assert len(set(PROVINCES.values())) == 12
    seen = {record.province for record in municipalities()}
    assert seen == set(PROVINCES.values())
    assert {record.province_code for record in municipalities()} == set(PROVINCES)


def test_province_codes_match_names() -> None:
    for record in municipalities():
        assert PROVINCES[record.province_code] == record.province


def test_provinces_are_read_only() -> None:
    with pytest.raises(TypeError):
        PROVINCES["PV99"] = "Nowhere"  # type: ignore[index]


def test_list_is_cached() -> None:
    assert municipalities() is municipalities()


def test_some_known_rows() -> None:
    assert by_code("GM0503") == MunicipalityRecord(
        cbs_code="GM0503", name="Delft", province="Zuid-Holland"
    )
    assert by_code("GM0080").name == "Leeuwarden"
    assert by_code("GM0080").province == "Fryslân"
    assert by_code("GM0363").name == "Amsterdam"


# --- records -------------------------------------------------------------------------------------


def test_brp_and_tooi_derivations() -> None:
    delft = by_code("GM0503")
    assert delft.brp_code == "0503"
    assert delft.tooi_id == "https://identifier.overheid.nl/tooi/id/gemeente/gm0503"
    assert delft.province_code == "PV28"
    for record in municipalities():
        assert record.cbs_code == "GM" + record.brp_code
        assert record.tooi_id.endswith("/gm" + record.brp_code)
        assert by_code(record.tooi_id) is record
        assert by_code(record.brp_code) is record


def test_record_is_frozen_and_keyword_only() -> None:
    delft = by_code("GM0503")
    with pytest.raises(AttributeError):
        delft.name = "Delft!"  # type: ignore[misc]
    with pytest.raises(TypeError):
        MunicipalityRecord("GM0503", "Delft", "Zuid-Holland")  # type: ignore[call-arg]


@pytest.mark.parametrize(
    ("cbs_code", "name", "province"),
    [
        ("0503", "Delft", "Zuid-Holland"),
        ("GM503", "Delft", "Zuid-Holland"),
        ("GM0503", "", "Zuid-Holland"),
        ("GM0503", "Delft", "Friesland"),
    ],
)
def test_record_validates_its_fields(cbs_code: str, name: str, province: str) -> None:
    with pytest.raises(ValueError):  # noqa: PT011
        MunicipalityRecord(cbs_code=cbs_code, name=name, province=province)


# --- by_code -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "code",
    [
        "GM0503",
        "gm0503",
        "Gm0503",
        "0503",
        "503",
        "GM503",
        " GM0503\n",
        "https://identifier.overheid.nl/tooi/id/gemeente/gm0503",
        "https://identifier.overheid.nl/tooi/id/gemeente/GM0503",
    ],
)
def test_code_variants(code: str) -> None:
    assert by_code(code).name == "Delft"
    assert is_known_code(code)


@pytest.mark.parametrize("code", ["GM9999", "9999", "0", "GM0001"])
def test_unknown_well_formed_code(code: str) -> None:
    with pytest.raises(UnknownMunicipalityError) as caught:
        by_code(code)
    assert caught.value.query == code
    assert caught.value.suggestions == ()
    assert str(caught.value) == f'no municipality with code "{code}" in the CBS list of 2025'
    assert not is_known_code(code)


@pytest.mark.parametrize(
    "code",
    [
        "",
        "GM",
        "GM05031",
        "GM 0503",
        "Delft",
        "WK050300",
        "PV28",
        "-503",
        "https://identifier.overheid.nl/tooi/id/gemeente/0503",
        "https://identifier.overheid.nl/tooi/id/provincie/pv28",
        "٠٥٠٣",  # Arabic-Indic digits are not a code
    ],
)
def test_malformed_code(code: str) -> None:
    with pytest.raises(UnknownMunicipalityError, match="is not a municipality code") as caught:
        by_code(code)
    assert caught.value.query == code
    assert not is_known_code(code)


def test_non_string_code() -> None:
    with pytest.raises(TypeError, match="must be a string"):
        by_code(503)  # type: ignore[arg-type]
    assert not is_known_code(503)  # type: ignore[arg-type]


# --- resolve -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Hendrik-Ido Ambacht", "Hendrik-Ido-Ambacht"),
        ("Oost-Gelre", "Oost Gelre"),
        ("Rijswijk", "Rijswijk (ZH.)"),
        ("rijswijk zh", "Rijswijk (ZH.)"),
        ("Rijswijk (ZH.)", "Rijswijk (ZH.)"),
        ("'s-Hertogenbosch", "'s-Hertogenbosch"),
        ("s-Hertogenbosch", "'s-Hertogenbosch"),
        ("’s-Hertogenbosch", "'s-Hertogenbosch"),
        ("Den Bosch", "'s-Hertogenbosch"),
        ("den haag", "'s-Gravenhage"),
        ("'s Gravenhage", "'s-Gravenhage"),
        ("Súdwest-Fryslân", "Súdwest-Fryslân"),
        ("Sudwest Fryslan", "Súdwest-Fryslân"),
        ("NOARDEAST-FRYSLAN", "Noardeast-Fryslân"),
        ("Hengelo", "Hengelo (O.)"),
        ("Bergen NH", "Bergen (NH.)"),
        ("bergen (l)", "Bergen (L.)"),
        ("Nuenen, Gerwen en Nederwetten", "Nuenen, Gerwen en Nederwetten"),
        ("  Delft ", "Delft"),
        ("Utrecht", "Utrecht"),
    ],
)
def test_tolerant_names(query: str, expected: str) -> None:
    assert resolve(query).name == expected


def test_every_cbs_name_resolves_to_itself() -> None:
    for record in municipalities():
        assert resolve(record.name) is record
        assert resolve(record.name.upper()) is record
        assert resolve(record.cbs_code) is record


def test_resolve_accepts_codes() -> None:
    assert resolve("GM0503").name == "Delft"
    assert resolve("0503").name == "Delft"
    assert resolve("https://identifier.overheid.nl/tooi/id/gemeente/gm0503").name == "Delft"
    with pytest.raises(UnknownMunicipalityError, match='with code "GM9999"'):
        resolve("GM9999")


def test_typo_gets_suggestions() -> None:
    with pytest.raises(UnknownMunicipalityError) as caught:
        resolve("Waalwyk")
    error = caught.value
    assert isinstance(error, LookupError)
    assert error.query == "Waalwyk"
    assert error.suggestions == ("Waalwijk",)
    assert str(error) == (
        'no municipality named "Waalwyk" in the CBS list of 2025; did you mean "Waalwijk"?'
    )


def test_several_suggestions_are_listed() -> None:
    with pytest.raises(UnknownMunicipalityError) as caught:
        resolve("Fryslan")
    assert caught.value.suggestions == ("Súdwest-Fryslân", "Noardeast-Fryslân")
    assert str(caught.value).endswith('did you mean "Súdwest-Fryslân" or "Noardeast-Fryslân"?')


@pytest.mark.parametrize("query", ["Atlantis", "xyzzy", "---", ""])
def test_unknown_name_without_suggestions(query: str) -> None:
    with pytest.raises(UnknownMunicipalityError) as caught:
        resolve(query)
    assert caught.value.suggestions == ()
    assert "did you mean" not in str(caught.value)


def test_ambiguous_name() -> None:
    with pytest.raises(AmbiguousMunicipalityError) as caught:
        resolve("Bergen")
    error = caught.value
    assert isinstance(error, LookupError)
    assert error.query == "Bergen"
    assert [c.name for c in error.candidates] == ["Bergen (NH.)", "Bergen (L.)"]
    assert [c.cbs_code for c in error.candidates] == ["GM0373", "GM0893"]
    message = str(error)
    assert '"Bergen" matches 2 municipalities' in message
    assert '"Bergen (NH.)" (GM0373, Noord-Holland)' in message
    assert '"Bergen (L.)" (GM0893, Limburg)' in message


def test_bergen_op_zoom_is_not_ambiguous() -> None:
    assert resolve("bergen op zoom").name == "Bergen op Zoom"


def test_errors_survive_pickling() -> None:
    unknown = UnknownMunicipalityError("Waalwyk", ("Waalwijk",))
    copy = pickle.loads(pickle.dumps(unknown))
    assert (copy.query, copy.suggestions, str(copy)) == (
        unknown.query,
        unknown.suggestions,
        str(unknown),
    )
    with pytest.raises(AmbiguousMunicipalityError) as caught:
        resolve("Bergen")
    ambiguous = pickle.loads(pickle.dumps(caught.value))
    assert ambiguous.candidates == caught.value.candidates
    assert str(ambiguous) == str(caught.value)


def test_non_string_name() -> None:
    with pytest.raises(TypeError, match="must be a string"):
        resolve(None)  # type: ignore[arg-type]


# --- suggest -------------------------------------------------------------------------------------


def test_suggest() -> None:
    assert suggest("Waalwyk") == ("Waalwijk",)
    assert suggest("Amsterdm") == ("Amsterdam",)
    assert suggest("Den Haeg") == ("'s-Gravenhage",)
    assert suggest("Alphen aan de Rijn") == ("Alphen aan den Rijn",)
    assert suggest("xyzzy") == ()
    assert suggest("") == ()


def test_suggest_limits_and_validates_n() -> None:
    assert len(suggest("Bergn", n=1)) == 1
    assert set(suggest("Bergn")) == {"Bergen (NH.)", "Bergen (L.)"}
    with pytest.raises(ValueError, match="n must be positive"):
        suggest("Bergen", n=0)


def test_suggestions_are_cbs_names() -> None:
    names = {record.name for record in municipalities()}
    for query in ["Groninge", "Maastrict", "Den Hag", "Zwol", "Eindhoven", "Leeuwaarden"]:
        assert set(suggest(query)) <= names


# --- docs and data -------------------------------------------------------------------------------


def test_the_constants_carry_an_example_under_their_assignment() -> None:
    # tests/test_public_examples.py runs them, with every other example.
    source = inspect.getsource(_municipalities)
    body = ast.parse(source).body
    parser = doctest.DocTestParser()
    documented = set()
    for node, following in itertools.pairwise(body):
        target: ast.expr | None = node.target if isinstance(node, ast.AnnAssign) else None
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
        if not isinstance(target, ast.Name) or target.id.startswith("_"):
            continue
        if not (
            isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            continue
        documented.add(target.id)
        assert parser.get_examples(following.value.value), f"{target.id} has no example"
    assert documented == {"REFERENCE_YEAR", "PROVINCES"}


def test_public_names_have_examples() -> None:
    for name in democratie.reference.__all__:
        if name in {"PROVINCES", "REFERENCE_YEAR"}:
            continue  # under their assignment: test_the_constants_carry_an_example_...
        obj = getattr(democratie.reference, name)
        assert "Examples\n" in (obj.__doc__ or ""), name


def test_shipped_readme_carries_the_attribution() -> None:
    readme = (PACKAGE_DATA / "README.md").read_text(encoding="utf-8")
    for phrase in [
        "gemeenten-2025.csv",
        "CBS municipal classification 2025",
        "entranos/regioviewer",
        "data/gemeenten.csv",
        "data/gm_codes_and_provinces.csv",
        "re-tabulated",
        "facts (CBS open data)",
    ]:
        assert phrase in readme, phrase


@pytest.mark.realdata
def test_package_data_is_a_byte_copy_of_the_source() -> None:
    source = REAL_DATA / "cbs" / "gemeenten-2025.csv"
    if not REAL_DATA.is_dir():
        pytest.skip(f"../shared/real-data is not present ({REAL_DATA}); cannot compare the copy")
    shipped = (PACKAGE_DATA / "gemeenten-2025.csv").read_bytes()
    assert shipped == source.read_bytes()

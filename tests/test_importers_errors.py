"""Bad input to the importers: a LoadError with located problems, and never another exception."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import democratie
from democratie import LoadError, Problem
from democratie.cli import main
from democratie.importers import ImportResult, import_ori, import_popolo, load_ori, load_popolo
from democratie.importers.formats import OriImporter
from democratie.model.municipality import MAX_AREA_DEPTH

SAMPLE = Path(__file__).resolve().parent / "data" / "ori"
COUNCIL = {"id": "raad", "classification": "Council", "name": "Gemeente Heerde (Heerde) (GLD)"}


def one(error: LoadError) -> Problem:
    assert len(error.problems) == 1, error.problems
    return error.problems[0]


def raadslid(pid: str = "p1", name: str = "A. de Vries") -> dict[str, Any]:
    return {
        "id": pid,
        "name": name,
        "memberships": [{"organisation_id": "raad", "role": "Raadslid", "organisation": COUNCIL}],
    }


# -- files -------------------------------------------------------------------------------


def test_a_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nergens_persons.json"
    with pytest.raises(LoadError) as caught:
        load_ori(missing)
    problem = one(caught.value)
    assert (problem.file, problem.code, problem.message) == (
        str(missing),
        "io-error",
        "there is no such file",
    )
    with pytest.raises(LoadError, match="there is no such file"):
        load_popolo(missing)


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="this is a folder, not a file"):
        load_popolo(tmp_path)


def test_the_partner_file_is_missing(tmp_path: Path) -> None:
    persons = tmp_path / "heerde_persons.json"
    persons.write_bytes((SAMPLE / "heerde_persons.json").read_bytes())
    with pytest.raises(LoadError) as caught:
        load_ori(persons)
    problem = one(caught.value)
    assert problem.file == str(persons)
    assert "the organisations file that belongs with this persons file was not found" in str(
        problem
    )
    assert "'heerde_organisations.json'" in problem.message


@pytest.mark.parametrize("way", ["load_ori", "democratie.load", "import --from ori"])
def test_a_persons_file_without_its_organisations_is_refused_alike(
    tmp_path: Path, way: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # The parties are in the organisations file: read alone, the persons file would give a
    # council without its parties, and no word of it.
    persons = tmp_path / "heerde_persons.json"
    persons.write_bytes((SAMPLE / "heerde_persons.json").read_bytes())
    wanted = "the organisations file that belongs with this persons file was not found"
    if way == "import --from ori":
        out = tmp_path / "heerde.toml"
        assert main(["import", "--from", "ori", str(persons), "--output", str(out)]) == 1
        assert wanted in capsys.readouterr().err
        assert not out.exists()
        return
    with pytest.raises(LoadError) as caught:
        load_ori(persons) if way == "load_ori" else democratie.load(persons)
    problem = one(caught.value)
    assert (problem.file, problem.code) == (str(persons), "io-error")
    assert wanted in problem.message
    assert "'heerde_organisations.json'" in problem.message


def test_a_persons_file_read_as_a_stream_keeps_the_organisations_it_names() -> None:
    # A stream has no file beside it: it is read alone, as before.
    data = (SAMPLE / "heerde_persons.json").read_bytes()
    land = OriImporter().load(io.BytesIO(data), {})
    assert land.people
    assert land.roles


def test_a_persons_file_whose_name_says_nothing(tmp_path: Path) -> None:
    persons = tmp_path / "leden.json"
    persons.write_bytes((SAMPLE / "heerde_persons.json").read_bytes())
    with pytest.raises(LoadError, match="pass it as organisations_path"):
        load_ori(persons)


def test_invalid_json_is_located(tmp_path: Path) -> None:
    path = tmp_path / "council.json"
    path.write_text('{"persons": [\n  {"id": "p1",}\n]}', encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_popolo(path)
    problem = one(caught.value)
    assert (problem.file, problem.code, problem.line) == (str(path), "syntax", 2)


def test_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "council.json"
    path.write_bytes(b'{"persons": [{"id": "p1", "name": "Jos\xe9"}]}')
    with pytest.raises(LoadError) as caught:
        load_popolo(path)
    assert one(caught.value).code == "encoding"


def test_a_number_too_long_to_read(tmp_path: Path) -> None:
    path = tmp_path / "council.json"
    path.write_text('{"persons": [' + "9" * 5000 + "]}", encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_popolo(path)
    assert one(caught.value).file == str(path)


def test_a_file_too_large(tmp_path: Path) -> None:
    path = tmp_path / "council.json"
    path.write_text(json.dumps({"persons": []}), encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_popolo(path, max_bytes=4)
    assert one(caught.value).code == "too-large"


# -- Open Raadsinformatie structure ------------------------------------------------------


@pytest.mark.parametrize(
    ("persons", "path", "code"),
    [
        ([], "", "wrong-type"),
        ({"meta": {}}, "persons", "missing-key"),
        ({"persons": {"id": "p1"}}, "persons", "wrong-type"),
        ({"persons": ["p1"]}, "persons[0]", "wrong-type"),
        ({"persons": [{"id": "p1"}]}, "persons[0].name", "missing-key"),
        ({"persons": [{"id": "p1", "name": "  "}]}, "persons[0].name", "missing-key"),
        ({"persons": [{"id": 7, "name": "A"}]}, "persons[0].id", "wrong-type"),
        (
            {"persons": [{"id": "p1", "name": "A", "memberships": [{"role": "Raadslid"}]}]},
            "persons[0].memberships[0].organisation_id",
            "missing-key",
        ),
        (
            {"persons": [{"id": "p1", "name": "A", "memberships": "Raadslid"}]},
            "persons[0].memberships",
            "wrong-type",
        ),
        (
            {"persons": [{**raadslid(), "identifiers": [{"scheme": "ORI", "identifier": 5}]}]},
            "persons[0].identifiers[0].identifier",
            "wrong-type",
        ),
        (
            {"persons": [raadslid(), raadslid()]},
            "persons[1].id",
            "duplicate-id",
        ),
        (
            {"persons": [{**raadslid(), "name": "A.\x00de Vries"}]},
            "persons[0].name",
            "invalid-value",
        ),
    ],
)
def test_ori_structure_problems_are_located(persons: Any, path: str, code: str) -> None:
    with pytest.raises(LoadError) as caught:
        import_ori(persons, persons_source="x_persons.json")
    problem = one(caught.value)
    assert (problem.path, problem.code, problem.file) == (path, code, "x_persons.json")


def test_a_membership_in_the_wrong_person() -> None:
    person = raadslid()
    person["memberships"][0]["person_id"] = "p2"
    with pytest.raises(LoadError) as caught:
        import_ori({"persons": [person]})
    problem = one(caught.value)
    assert (problem.path, problem.code) == ("persons[0].memberships[0].person_id", "invalid-value")


def test_problems_in_both_files_are_reported_together() -> None:
    with pytest.raises(LoadError) as caught:
        import_ori(
            {"persons": [{"id": "p1"}]},
            {"organisations": [{"id": "x", "name": 5}]},
            persons_source="a_persons.json",
            organisations_source="a_organisations.json",
        )
    found = {(p.file, p.path) for p in caught.value.problems}
    assert found == {
        ("a_persons.json", "persons[0].name"),
        ("a_organisations.json", "organisations[0].name"),
    }
    assert str(caught.value).startswith("2 problems in a_persons.json, a_organisations.json")


def test_two_municipalities_in_one_pair() -> None:
    organisations = {
        "organisations": [
            {"id": "m1", "classification": "Municipality", "name": "Heerde"},
            {"id": "m2", "classification": "Municipality", "name": "Epe"},
        ]
    }
    with pytest.raises(LoadError, match="2 organisations are classified Municipality"):
        import_ori({"persons": [raadslid()]}, organisations)


def test_no_municipality_at_all() -> None:
    party_only = {
        "id": "p1",
        "name": "A",
        "memberships": [
            {
                "organisation_id": "cda",
                "role": "Raadslid",
                "organisation": {"id": "cda", "classification": "Party"},
            }
        ],
    }
    with pytest.raises(LoadError) as caught:
        import_ori({"persons": [party_only]})
    problem = one(caught.value)
    assert problem.code == "missing-key"
    assert "says which municipality this is" in problem.message


def test_duplicate_organisation_ids() -> None:
    with pytest.raises(LoadError) as caught:
        import_ori({"persons": [raadslid()]}, {"organisations": [COUNCIL, COUNCIL]})
    problem = one(caught.value)
    assert (problem.path, problem.code) == ("organisations[1].id", "duplicate-id")


# -- Popolo structure --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("doc", "path", "code"),
    [
        ("persons", "", "wrong-type"),
        ({}, "", "missing-key"),
        ({"organizations": {}}, "organizations", "wrong-type"),
        ({"persons": [{"name": "A"}]}, "persons[0].id", "missing-key"),
        ({"persons": [{"id": "p1", "name": ["A"]}]}, "persons[0].name", "wrong-type"),
        (
            {"persons": [{"id": "p1", "name": "A"}, {"id": "p1", "name": "B"}]},
            "persons[1].id",
            "duplicate-id",
        ),
        (
            {"organizations": [{"id": "c", "classification": "legislature"}]},
            "organizations[0].name",
            "missing-key",
        ),
        (
            {"memberships": [{"person_id": 3}]},
            "memberships[0].person_id",
            "wrong-type",
        ),
        (
            {"persons": [{"id": "p1", "name": "A", "contact_details": [{"type": "email"}]}]},
            None,
            None,
        ),
    ],
)
def test_popolo_structure_problems_are_located(doc: Any, path: str | None, code: str) -> None:
    if path is None:
        # a contact detail without a value carries no data: nothing to complain about
        assert isinstance(import_popolo(doc), ImportResult)
        return
    with pytest.raises(LoadError) as caught:
        import_popolo(doc, source="qld.json")
    problem = one(caught.value)
    assert (problem.path, problem.code, problem.file) == (path, code, "qld.json")


def test_a_bad_email_is_located() -> None:
    doc = {"persons": [{"id": "p1", "name": "A", "email": "a\x07@b.nl"}]}
    with pytest.raises(LoadError) as caught:
        import_popolo(doc)
    problem = one(caught.value)
    assert (problem.path, problem.code) == ("persons[0].email", "invalid-value")
    assert "U+0007" in problem.message


# -- values the model refuses, located in the source ---------------------------------------

LEGISLATURE = {"id": "c", "name": "Gemeenteraad", "classification": "legislature"}


@pytest.mark.parametrize(
    ("doc", "path"),
    [
        ({"persons": [{"id": "p1\x00", "name": "A"}]}, "persons[0].id"),
        ({"organizations": [{**LEGISLATURE, "id": "c\x01"}]}, "organizations[0].id"),
        (
            {"persons": [{"id": "p1", "name": "A"}], "areas": [{"id": "a\x05", "name": "Wijk"}]},
            "areas[0].id",
        ),
        (
            {
                "persons": [{"id": "p1", "name": "A"}],
                "organizations": [LEGISLATURE],
                "memberships": [
                    {"id": "m\x7f", "person_id": "p1", "organization_id": "c", "role": "mayor"}
                ],
            },
            "memberships[0].id",
        ),
        (
            {
                "persons": [
                    {
                        "id": "p1",
                        "name": "A",
                        "contact_details": [{"type": "voice", "value": "06\x0e12"}],
                    }
                ]
            },
            "persons[0].contact_details[0].value",
        ),
    ],
    ids=["person-id", "organization-id", "area-id", "membership-id", "contact-detail"],
)
def test_popolo_values_the_model_refuses_are_located(doc: Any, path: str) -> None:
    with pytest.raises(LoadError) as caught:
        import_popolo(doc, source="qld.json")
    problem = one(caught.value)
    assert (problem.path, problem.code, problem.file) == (path, "invalid-value", "qld.json")
    assert "control character" in problem.message


def _inline(organisation: dict[str, Any], **membership: Any) -> dict[str, Any]:
    return {
        "persons": [
            {
                "id": "p1",
                "name": "A. de Vries",
                "memberships": [{"role": "Raadslid", "organisation": organisation, **membership}],
            }
        ]
    }


@pytest.mark.parametrize(
    ("persons", "organisations", "where"),
    [
        ({"persons": [{**raadslid(), "id": "p1\x00"}]}, None, ("x_persons.json", "persons[0].id")),
        (
            {"persons": [{**raadslid(), "email": "griffie@heerde.nl\x00"}]},
            None,
            ("x_persons.json", "persons[0].email"),
        ),
        (
            {"persons": [raadslid()]},
            {"organisations": [COUNCIL, {"id": "cda\x00", "classification": "Party"}]},
            ("x_organisations.json", "organisations[1].id"),
        ),
        (
            _inline({**COUNCIL, "id": "raad\x00"}, organisation_id="raad\x00"),
            None,
            ("x_persons.json", "persons[0].memberships[0].organisation_id"),
        ),
        (
            _inline({**COUNCIL, "id": "raad\x00"}),
            None,
            ("x_persons.json", "persons[0].memberships[0].organisation.id"),
        ),
    ],
    ids=["person-id", "email", "organisation-id", "membership-organisation-id", "inline-id"],
)
def test_ori_values_the_model_refuses_are_located(
    persons: Any, organisations: Any, where: tuple[str, str]
) -> None:
    with pytest.raises(LoadError) as caught:
        import_ori(
            persons,
            organisations,
            persons_source="x_persons.json",
            organisations_source="x_organisations.json",
        )
    problem = one(caught.value)
    assert ((problem.file, problem.path), problem.code) == (where, "invalid-value")
    assert "U+0000" in problem.message


def test_an_inline_party_reports_its_mistakes_in_the_persons_file() -> None:
    party = {"id": "cda", "classification": "Party", "name": "C\x00DA"}
    persons = raadslid()
    persons["memberships"].append(
        {"organisation_id": "cda", "role": "Raadslid", "organisation": party}
    )
    with pytest.raises(LoadError) as caught:
        import_ori({"persons": [persons]}, persons_source="x_persons.json")
    problem = one(caught.value)
    assert (problem.file, problem.path) == (
        "x_persons.json",
        "persons[0].memberships[1].organisation.name",
    )


def test_every_mistake_in_the_values_is_reported_at_once() -> None:
    doc = {
        "persons": [
            {"id": "p1\x00", "name": "A"},
            {"id": "p2", "name": "B", "email": "b\x00@heerde.nl"},
            {"id": "p3"},
        ],
        "organizations": [{**LEGISLATURE, "id": "c\x02"}],
        "areas": [{"id": "a\x03", "name": "Wijk"}],
    }
    with pytest.raises(LoadError) as caught:
        import_popolo(doc, source="qld.json")
    assert {(p.path, p.code) for p in caught.value.problems} == {
        ("persons[0].id", "invalid-value"),
        ("persons[1].email", "invalid-value"),
        ("persons[2].name", "missing-key"),
        ("organizations[0].id", "invalid-value"),
        ("areas[0].id", "invalid-value"),
    }
    assert str(caught.value).startswith("qld.json: 5 problems")


def test_a_file_name_that_no_text_may_hold_still_names_the_sources() -> None:
    doc = {"persons": [{"id": "p1", "name": "A"}]}
    land = import_popolo(doc, source="raad\nqld.json").landscape
    assert land.sources[0].title == "raad\ufffdqld.json"
    persons = {"persons": [raadslid()]}
    ori = import_ori(persons, persons_source="heerde\udcff_persons.json").landscape
    assert ori.sources[0].title == "heerde\ufffd_persons.json"


# -- seats counted from the data -----------------------------------------------------------


def _councillors(count: int) -> dict[str, Any]:
    return {
        "persons": [{"id": f"p{n}", "name": f"Raadslid {n}"} for n in range(count)],
        "organizations": [LEGISLATURE],
        "memberships": [
            {"person_id": f"p{n}", "organization_id": "c", "role": "councillor"}
            for n in range(count)
        ],
    }


def test_popolo_counts_up_to_200_seats() -> None:
    (municipality,) = import_popolo(_councillors(200)).landscape.municipalities
    assert municipality.council.seats == 200


def test_popolo_refuses_more_than_200_counted_seats_at_the_council() -> None:
    with pytest.raises(LoadError) as caught:
        import_popolo(_councillors(201), source="qld.json")
    problem = one(caught.value)
    assert (problem.path, problem.code, problem.file) == (
        "organizations[0]",
        "invalid-value",
        "qld.json",
    )
    assert "201 people hold a raadslid role without an end date" in problem.message
    assert "201 is outside the range 1 to 200" in problem.message


def _raadsleden(count: int) -> dict[str, Any]:
    return {"persons": [raadslid(f"p{n}", f"Raadslid {n}") for n in range(count)]}


def test_ori_refuses_more_than_200_counted_seats_at_the_council() -> None:
    (municipality,) = import_ori(_raadsleden(200)).landscape.municipalities
    assert municipality.council.seats == 200
    with pytest.raises(LoadError) as caught:
        import_ori(_raadsleden(201), persons_source="x_persons.json")
    problem = one(caught.value)
    assert (problem.file, problem.path, problem.code) == (
        "x_persons.json",
        "persons[0].memberships[0].organisation",
        "invalid-value",
    )
    with pytest.raises(LoadError) as caught:
        import_ori(
            _raadsleden(201),
            {"organisations": [COUNCIL]},
            organisations_source="x_organisations.json",
        )
    problem = one(caught.value)
    assert (problem.file, problem.path) == ("x_organisations.json", "organisations[0]")


# -- nested areas --------------------------------------------------------------------------


def _area_chain(depth: int, *, reverse: bool = False) -> dict[str, Any]:
    """A council whose own area ``a0`` holds a chain of *depth* areas, each in the one before."""
    areas = [{"id": "a0", "name": "Gemeente"}] + [
        {"id": f"a{n}", "name": f"Gebied {n}", "parent_id": f"a{n - 1}"}
        for n in range(1, depth + 1)
    ]
    return {
        "persons": [{"id": "p1", "name": "A"}],
        "organizations": [{**LEGISLATURE, "area_id": "a0"}],
        "memberships": [{"person_id": "p1", "organization_id": "c", "role": "mayor"}],
        "areas": areas[::-1] if reverse else areas,
    }


def test_areas_nested_as_deep_as_the_model_allows_are_imported() -> None:
    (municipality,) = import_popolo(_area_chain(MAX_AREA_DEPTH)).landscape.municipalities
    assert len(list(municipality.walk_areas())) == MAX_AREA_DEPTH
    (area,) = municipality.areas
    for level in range(1, MAX_AREA_DEPTH):
        assert area.id == f"a{level}"
        (area,) = area.areas
    assert (area.id, area.areas) == (f"a{MAX_AREA_DEPTH}", ())


@pytest.mark.parametrize("reverse", [False, True], ids=["in-order", "deepest-first"])
@pytest.mark.parametrize("depth", [MAX_AREA_DEPTH + 1, 5_000])
def test_areas_nested_deeper_are_refused_where_the_limit_is_crossed(
    depth: int, reverse: bool
) -> None:
    with pytest.raises(LoadError) as caught:
        import_popolo(_area_chain(depth, reverse=reverse), source="qld.json")
    problem = one(caught.value)
    index = MAX_AREA_DEPTH + 1 if not reverse else depth - MAX_AREA_DEPTH - 1
    assert (problem.path, problem.code) == (f"areas[{index}].parent_id", "too-deep")
    assert f"more than {MAX_AREA_DEPTH} levels deep" in problem.message


# -- nothing but LoadError, whatever the input -------------------------------------------

_TEXT = st.sampled_from(
    ["", " ", "p1", "p2", "raad", "cda", "Raadslid", "Wethouder", "councillor", "mayor",
     "legislature", "party", "unknown", "Council", "Party", "Municipality", "committee",
     "Gemeente Heerde (Heerde) (GLD)", "Heerde", "2014-03-27", "2014", "GM0246", "ward",
     "a/b", "x" * 250, "\x00"]
)  # fmt: skip
_SCALAR = st.one_of(st.none(), st.booleans(), st.integers(-3, 3), _TEXT)
_KEYS = st.sampled_from(
    ["id", "name", "role", "label", "classification", "organisation_id", "organization_id",
     "person_id", "on_behalf_of_id", "post_id", "area_id", "parent_id", "start_date",
     "end_date", "email", "identifiers", "scheme", "identifier", "memberships", "organisation",
     "contact_details", "type", "value", "description", "gender"]
)  # fmt: skip
_JSON = st.recursive(
    _SCALAR,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(_KEYS, inner, max_size=6)),
    max_leaves=25,
)
_RECORD = st.dictionaries(_KEYS, _JSON, max_size=7)
_RECORDS = st.one_of(st.lists(_RECORD, max_size=5), _JSON)


def outcome(call: Callable[[], ImportResult]) -> ImportResult | LoadError:
    try:
        return call()
    except LoadError as error:
        return error


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(
    doc=st.one_of(
        _JSON,
        st.fixed_dictionaries(
            {},
            optional={
                "persons": _RECORDS,
                "organizations": _RECORDS,
                "memberships": _RECORDS,
                "posts": _RECORDS,
                "areas": _RECORDS,
                "events": _RECORDS,
            },
        ),
    )
)
def test_popolo_raises_nothing_but_load_error(doc: Any) -> None:
    result = outcome(lambda: import_popolo(doc))
    if isinstance(result, LoadError):
        assert result.problems
        assert all(p.file == "popolo.json" for p in result.problems)
    else:
        assert isinstance(result, ImportResult)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(
    persons=st.one_of(_JSON, st.fixed_dictionaries({"persons": _RECORDS})),
    organisations=st.one_of(st.none(), _JSON, st.fixed_dictionaries({"organisations": _RECORDS})),
)
def test_ori_raises_nothing_but_load_error(persons: Any, organisations: Any) -> None:
    result = outcome(lambda: import_ori(persons, organisations))
    if isinstance(result, LoadError):
        assert result.problems
    else:
        assert isinstance(result, ImportResult)


# --- invisible characters in names -------------------------------------------------------------

#: A right-to-left override ("Trojan Source"), a zero-width space and a word joiner.
HIDDEN = [
    ("\u202e", "RIGHT-TO-LEFT OVERRIDE"),
    ("\u200b", "ZERO WIDTH SPACE"),
    ("\u2060", "WORD JOINER"),
]


def _popolo_with(name: str) -> dict[str, Any]:
    return {"persons": [{"id": "p1", "name": name}, {"id": "p2", "name": "Bo Jansen"}]}


def _ori_with(name: str) -> dict[str, Any]:
    council = {
        "id": "gemeente-heerde-heerde-gld",
        "classification": "Council",
        "name": "Gemeente Heerde (Heerde) (GLD)",
    }
    membership = {"organisation_id": council["id"], "role": "Raadslid", "organisation": council}
    return {
        "persons": [
            {"id": "p1", "name": name, "memberships": [membership]},
            {"id": "p2", "name": "Bo Jansen", "memberships": [membership]},
        ]
    }


def _import(kind: str, name: str, *, lenient: bool = False) -> ImportResult:
    if kind == "popolo":
        return import_popolo(_popolo_with(name), source="raad.json", skip_bad_records=lenient)
    return import_ori(_ori_with(name), persons_source="raad.json", skip_bad_records=lenient)


@pytest.mark.parametrize(("char", "unicode_name"), HIDDEN)
@pytest.mark.parametrize("kind", ["popolo", "ori"])
def test_an_invisible_character_in_a_name_is_a_located_error(
    kind: str, char: str, unicode_name: str
) -> None:
    with pytest.raises(LoadError) as caught:
        _import(kind, f"Anna{char} de Vries")
    problem = one(caught.value)
    assert (problem.path, problem.code, problem.file) == (
        "persons[0].name",
        "invalid-value",
        "raad.json",
    )
    assert f"invisible character U+{ord(char):04X} {unicode_name}" in problem.message
    assert "at position 5" in problem.message


@pytest.mark.parametrize("kind", ["popolo", "ori"])
def test_a_lenient_import_skips_the_person_with_an_invisible_character_and_lists_it(
    kind: str,
) -> None:
    result = _import(kind, "Anna\u202e de Vries", lenient=True)
    assert [person.name for person in result.landscape.people] == ["Bo Jansen"]
    (skipped,) = result.report.skipped
    assert (skipped.file, skipped.path) == ("raad.json", "persons[0]")
    (reason,) = skipped.reasons
    assert reason.startswith("name: contains the invisible character U+202E RIGHT-TO-LEFT")


@pytest.mark.parametrize("kind", ["popolo", "ori"])
def test_a_name_with_a_right_to_left_mark_is_imported_as_it_is(kind: str) -> None:
    name = "\u05d3\u05e0\u05d4 \u05db\u05d4\u05df\u200f"
    result = _import(kind, name)
    assert [person.name for person in result.landscape.people] == [name, "Bo Jansen"]
    assert democratie.loads(democratie.dumps(result.landscape)) == result.landscape


@pytest.mark.parametrize("kind", ["popolo", "ori"])
def test_a_file_name_with_a_right_to_left_override_is_a_source_title_without_it(kind: str) -> None:
    source = "raad\u202enosj.exe.json"
    if kind == "popolo":
        result = import_popolo(_popolo_with("Anna de Vries"), source=source)
    else:
        result = import_ori(_ori_with("Anna de Vries"), persons_source=source)
    titles = [s.title for s in result.landscape.sources]
    assert "raad\ufffdnosj.exe.json" in titles, titles

"""Loading reports every real problem at once, and only those.

A wrong value inside an entity is that value's problem alone: the entity still counts as
defined, so nothing that refers to it is reported as referring to nothing, and the
references inside the entity are checked in the same pass as its values.
"""

from __future__ import annotations

import copy
import json
import os
import pickle
import subprocess
import sys
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import democratie
from democratie import examples
from democratie.cli import main
from democratie.cli._app import DEFAULT_MAX_PROBLEMS
from democratie.errors import LoadError
from democratie.io import MAX_PROBLEMS, structure

Document = dict[str, Any]
#: A way to break an entity: the change, and the (path below the entity, code) it must give.
Break = tuple[Callable[[dict[str, Any]], None], str, str]


def _document(name: str) -> Document:
    loaded: Document = json.loads(democratie.dumps(examples.load(name)))
    return loaded


def _problems(doc: Document) -> set[tuple[str, str]]:
    with pytest.raises(LoadError) as caught:
        democratie.loads(json.dumps(doc))
    return {(problem.path, problem.code) for problem in caught.value.problems}


def _set(key: str, value: object) -> Callable[[dict[str, Any]], None]:
    def change(entity: dict[str, Any]) -> None:
        entity[key] = value

    return change


def _seats(entity: dict[str, Any]) -> None:
    entity.setdefault("council", {})["seats"] = "37"


#: For each kind of entity: a wrong type, and a value that fails the entity's own checks.
BREAKS: dict[str, list[Break]] = {
    "municipality": [
        (_seats, "council.seats", "wrong-type"),
        (_set("cbs_code", "GM9999"), "cbs_code", "unknown-municipality"),
        (_set("wijk_count", -1), "wijk_count", "invalid-value"),
    ],
    "area": [(_set("name", 3), "name", "wrong-type"), (_set("name", " "), "name", "invalid-value")],
    "organisation": [
        (_set("name", 3), "name", "wrong-type"),
        (_set("name", " "), "name", "invalid-value"),
    ],
    "person": [
        (_set("name", 3), "name", "wrong-type"),
        (_set("name", " "), "name", "invalid-value"),
    ],
    "role": [
        (_set("kind", "nope"), "kind", "invalid-value"),
        (_set("title", 3), "title", "wrong-type"),
    ],
    "initiative": [
        (_set("title", 3), "title", "wrong-type"),
        (_set("title", " "), "title", "invalid-value"),
    ],
    "network": [
        (_set("name", 3), "name", "wrong-type"),
        (_set("name", " "), "name", "invalid-value"),
    ],
    "meeting": [(_set("attendance", "12"), "attendance", "wrong-type")],
}


def _entities(doc: Document) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Every entity of a document with an id: its kind, its path and its table."""
    for index, municipality in enumerate(doc.get("municipalities", [])):
        path = f"municipalities[{index}]"
        yield "municipality", path, municipality
        areas = [(f"{path}.areas[{i}]", a) for i, a in enumerate(municipality.get("areas", []))]
        while areas:
            where, area = areas.pop()
            yield "area", where, area
            areas += [(f"{where}.areas[{i}]", a) for i, a in enumerate(area.get("areas", []))]
    singular = {
        "organisations": "organisation",
        "people": "person",
        "roles": "role",
        "initiatives": "initiative",
        "networks": "network",
    }
    for collection, kind in singular.items():
        for index, entity in enumerate(doc.get(collection, [])):
            path = f"{collection}[{index}]"
            yield kind, path, entity
            for m_index, meeting in enumerate(entity.get("meetings", [])):
                yield "meeting", f"{path}.meetings[{m_index}]", meeting


def _cases() -> Iterator[tuple[str, str, str, int]]:
    for name in examples.NAMES:
        for kind, path, _ in _entities(_document(name)):
            for number in range(len(BREAKS[kind])):
                yield name, kind, path, number


CASES = list(_cases())


def test_every_kind_of_entity_is_broken_somewhere() -> None:
    assert {kind for _, kind, _, _ in CASES} == set(BREAKS)


@pytest.mark.parametrize("name", examples.NAMES)
def test_one_wrong_value_in_an_entity_gives_that_problem_only(name: str) -> None:
    original = _document(name)
    wrong: list[str] = []
    for example, kind, path, number in CASES:
        if example != name:
            continue
        doc = copy.deepcopy(original)
        entity = next(table for _, where, table in _entities(doc) if where == path)
        change, below, code = BREAKS[kind][number]
        change(entity)
        found = _problems(doc)
        if found != {(f"{path}.{below}", code)}:
            wrong.append(f"{kind} {path}.{below}: {sorted(found)}")
    assert not wrong, "\n".join(wrong)


def test_the_problems_of_the_issue_are_reported_three_and_no_more() -> None:
    doc = _document("democratie-in-actie-noord-nederland")
    emmen = doc["municipalities"][1]
    assert emmen["id"] == "emmen"
    emmen["council"] = {"seats": "37"}
    doc["municipalities"][2]["cbs_code"] = "GM9999"
    doc["people"][0]["name"] = ""
    with pytest.raises(LoadError) as caught:
        democratie.loads(json.dumps(doc), source="noord.json")
    shown = [str(problem) for problem in caught.value.problems]
    assert len(shown) == 3, shown
    assert shown[0] == (
        "noord.json: municipalities[1].council.seats: expected a whole number, got the text '37'"
    )
    assert shown[1].startswith(
        "noord.json: municipalities[2].cbs_code: GM9999 is not in the CBS list"
    )
    assert shown[2] == "noord.json: people[0].name: must not be empty"
    assert "refers to nothing" not in str(caught.value)


def test_references_of_an_entity_are_checked_with_its_values_in_one_pass() -> None:
    doc = _document("democratie-in-actie-noord-nederland")
    doc["roles"][0].update(kind="nope", holder="p-emma-klevr")
    doc["initiatives"][0]["title"] = 3
    doc["initiatives"][0]["intakes"][0]["municipality"] = "asen"
    with pytest.raises(LoadError) as caught:
        democratie.loads(json.dumps(doc))
    found = {(p.path, p.code): p.message for p in caught.value.problems}
    assert set(found) == {
        ("roles[0].kind", "invalid-value"),
        ("roles[0].holder", "dangling-reference"),
        ("initiatives[0].title", "wrong-type"),
        ("initiatives[0].intakes[0].municipality", "dangling-reference"),
    }
    assert "did you mean 'p-emma-klever'?" in found["roles[0].holder", "dangling-reference"]
    assert (
        "did you mean 'assen'?"
        in found["initiatives[0].intakes[0].municipality", "dangling-reference"]
    )


def test_an_entity_with_a_wrong_value_still_takes_its_id() -> None:
    doc = _document("democratie-in-actie-noord-nederland")
    doc["people"][0]["name"] = 3
    doc["people"].append({"id": doc["people"][0]["id"], "name": "Tweede"})
    assert _problems(doc) == {
        ("people[0].name", "wrong-type"),
        (f"people[{len(doc['people']) - 1}].id", "duplicate-id"),
    }


# -- a limit on the problems reported ---------------------------------------------------------


def _many_wrong_names(count: int) -> Document:
    return {
        "format": "democratie/1",
        "people": [{"id": f"p{i}", "name": i} for i in range(count)],
    }


def _structure_peak(doc: Document, max_problems: int | None) -> tuple[int, LoadError | None]:
    """The peak of memory allocated while structuring *doc*, in bytes, and the error."""
    caught = None
    tracemalloc.start()
    try:
        structure(doc, max_problems=max_problems)
    except LoadError as error:
        caught = error
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak, caught


def test_beyond_the_limit_problems_are_counted_not_listed() -> None:
    text = json.dumps(_many_wrong_names(1_500))
    with pytest.raises(LoadError) as caught:
        democratie.loads(text, source="veel.json")
    error = caught.value
    assert len(error.problems) == MAX_PROBLEMS == 1_000
    assert (error.omitted, error.omitted_exact) == (500, True)
    first, last = error.problems[0], error.problems[-1]
    assert str(first) == "veel.json: people[0].name: expected text, got the number 0"
    assert (last.path, last.code, last.file) == ("people[999].name", "wrong-type", "veel.json")
    lines = str(error).splitlines()
    assert lines[0] == "veel.json: 1,500 problems:"
    assert lines[-1] == "  ... and 500 more problems not shown (the limit is 1,000)"
    assert len(lines) == 1_002
    with pytest.raises(LoadError) as caught:
        democratie.loads(text, max_problems=None)
    assert (len(caught.value.problems), caught.value.omitted) == (1_500, 0)
    with pytest.raises(LoadError) as caught:
        democratie.loads(text, max_problems=1)
    assert (len(caught.value.problems), caught.value.omitted) == (1, 1_499)
    assert str(caught.value).endswith("... and 1,499 more problems not shown (the limit is 1)")


def test_the_limit_counts_every_kind_of_problem_beyond_it() -> None:
    people: list[dict[str, Any]] = [{"id": f"p{i}", "name": i, "rol": "x"} for i in range(30)]
    doc = {"format": "democratie/1", "people": people, "roles": [{"holder": "p-x"}]}
    with pytest.raises(LoadError) as caught:
        structure(doc, max_problems=None)
    everything = caught.value.problems
    assert len(everything) == 30 * 2 + 2  # name and unknown key; the role's kind and holder
    with pytest.raises(LoadError) as caught:
        structure(doc, max_problems=7)
    assert caught.value.problems == everything[:7]
    # The role is beyond the limit: its missing kind is counted, but whether its holder
    # refers to nothing is not known once it is left out, so the count is a lower bound.
    assert caught.value.omitted == len(everything) - 7 - 1
    assert not caught.value.omitted_exact
    assert str(caught.value).endswith(
        "... and at least 54 more problems not shown (the limit is 7)"
    )
    with pytest.raises(LoadError) as caught:
        structure(doc, max_problems=61)
    assert caught.value.problems == everything[:61]
    assert (caught.value.omitted, caught.value.omitted_exact) == (1, True)


def test_no_follow_on_problem_is_counted_beyond_the_limit() -> None:
    doc = _many_wrong_names(50)
    doc["roles"] = [{"holder": f"p{i}", "kind": "deelnemer"} for i in range(50)]
    with pytest.raises(LoadError) as caught:
        structure(doc, max_problems=10)
    assert (len(caught.value.problems), caught.value.omitted) == (10, 40)
    assert not [p for p in caught.value.problems if p.code == "dangling-reference"]


def test_the_limit_must_be_a_positive_whole_number_or_none() -> None:
    for wrong in (0, -1, 2.5, True):
        with pytest.raises(ValueError, match="max_problems must be a whole number above 0"):
            democratie.loads('format = "democratie/1"', max_problems=wrong)  # type: ignore[arg-type]


def test_a_load_error_beyond_the_limit_survives_pickling() -> None:
    with pytest.raises(LoadError) as caught:
        structure(_many_wrong_names(5), max_problems=2)
    again = pickle.loads(pickle.dumps(caught.value))
    assert (again.problems, again.omitted, again.limit) == (caught.value.problems, 3, 2)
    assert str(again) == str(caught.value)


def test_memory_beyond_the_limit_stays_that_of_the_document() -> None:
    """Beyond the limit a failure keeps nothing but its stand-in: memory does not grow with it.

    Loading 1,500 wrong values with the limit of 100 takes at most three times the memory
    of loading the same people without mistakes (the stand-ins, and the places of the
    items that failed), and a fraction of what keeping every problem takes.
    """
    count = 1_500
    good = {
        "format": "democratie/1",
        "people": [{"id": f"p{i}", "name": str(i)} for i in range(count)],
    }
    tracemalloc.start()
    try:
        structure(good)
        valid = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    bad = _many_wrong_names(count)
    bounded, error = _structure_peak(bad, 100)
    assert error is not None
    assert (len(error.problems), error.omitted) == (100, count - 100)
    assert bounded < 3 * valid + 1_000_000, (bounded, valid)
    unbounded, error = _structure_peak(bad, None)
    assert error is not None
    assert len(error.problems) == count
    assert bounded * 4 < unbounded, (bounded, unbounded)


def _many_dangling(count: int, *, resolved: bool = False) -> Document:
    """*count* roles, each held by someone the document does not hold (unless *resolved*)."""
    return {
        "format": "democratie/1",
        "people": [{"id": "p-x", "name": "X"}] if resolved else [],
        "roles": [
            {"holder": "p-x" if resolved else f"p-x{i}", "kind": "deelnemer"} for i in range(count)
        ],
    }


def test_references_beyond_the_limit_are_counted_without_being_kept() -> None:
    """A reference that refers to nothing, beyond the limit, is counted and not kept.

    The landscape's checks used to keep every one of them (and the text of their error)
    until loading cut them to the limit: 3,000 of them took twice the memory of the same
    roles all held by someone. Now the checks keep the first ones only: the same problems
    are reported, with the same count of the rest, in about the memory of a valid load.
    """
    count = 3_000
    tracemalloc.start()
    try:
        structure(_many_dangling(count, resolved=True))
        valid = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    bounded, error = _structure_peak(_many_dangling(count), 100)
    assert error is not None
    assert (len(error.problems), error.omitted, error.omitted_exact) == (100, count - 100, True)
    assert [p.path for p in error.problems] == [f"roles[{i}].holder" for i in range(100)]
    unbounded, everything = _structure_peak(_many_dangling(count), None)
    assert everything is not None
    assert (len(everything.problems), everything.omitted) == (count, 0)
    assert error.problems == everything.problems[:100]
    assert bounded < 1.5 * valid, (bounded, valid)
    assert bounded * 1.5 < unbounded, (bounded, unbounded)


@pytest.mark.parametrize("limit", [1, 7, 30, 44, 45, 46, 100, 154, 155, 156])
def test_the_first_problems_and_the_count_do_not_depend_on_the_limit(limit: int) -> None:
    """Wrong values, unknown keys and references to nothing: any limit cuts the same list.

    The references are checked by the landscape after the values, with the stand-ins of
    the people whose names fail in place; beyond the limit the checks count what they
    find, and must count exactly what keeping everything would have reported.
    """
    doc = _many_wrong_names(30)
    for person in doc["people"][::2]:
        person["rol"] = "x"
    doc["roles"] = [
        # Half held by a person whose name fails (no problem: that person is defined),
        # half by nobody; and the first ten also at a place that is not there.
        {"holder": f"p{i % 30}" if i % 2 else f"p-x{i}", "kind": "deelnemer"}
        | ({"at": f"nergens-{i}"} if i < 10 else {})
        for i in range(200)
    ]
    with pytest.raises(LoadError) as caught:
        structure(doc, max_problems=None)
    everything = caught.value.problems
    assert len(everything) == 30 + 15 + 100 + 10
    with pytest.raises(LoadError) as caught:
        structure(doc, max_problems=limit)
    assert caught.value.problems == everything[:limit]
    assert caught.value.omitted == max(0, len(everything) - limit)
    assert caught.value.omitted_exact


def test_the_command_line_lists_at_most_max_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "veel.json"
    source.write_text(json.dumps(_many_wrong_names(1_200)), encoding="utf-8")
    assert main(["validate", str(source)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1_002
    assert err[-1] == "  ... and 200 more problems not shown (the limit is 1,000)"
    assert main(["validate", "--max-problems", "3", str(source)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[-1] == "  ... and 1,197 more problems not shown (the limit is 3)"
    assert main(["--max-problems", "0", "validate", "--json", str(source)]) == 1
    (result,) = json.loads(capsys.readouterr().out)["files"]
    assert (len(result["problems"]), result["omitted"], result["omitted_exact"]) == (1_200, 0, True)
    assert main(["validate", "--json", "--max-problems", "10", str(source)]) == 1
    (result,) = json.loads(capsys.readouterr().out)["files"]
    assert (len(result["problems"]), result["omitted"]) == (10, 1_190)
    assert DEFAULT_MAX_PROBLEMS == MAX_PROBLEMS


@pytest.mark.slow
def test_300_000_problems_give_bounded_output_and_memory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """300,000 wrong values: a thousand lines on stderr, and memory bounded by the document.

    Without the limit this gave 44 MB of output (80 MB with ``--json``) and took 900 MB of
    memory and more. The bound: the whole process, parsing the 10 MB document included,
    stays under 600 MB.
    """
    count = 300_000
    source = tmp_path / "heel-veel.json"
    source.write_text(json.dumps(_many_wrong_names(count)), encoding="utf-8")
    assert main(["validate", str(source)]) == 1
    err = capsys.readouterr().err
    assert len(err) < 200_000
    assert err.splitlines()[-1] == "  ... and 299,000 more problems not shown (the limit is 1,000)"
    assert main(["validate", "--json", str(source)]) == 1
    assert len(capsys.readouterr().out) < 400_000
    measure = (
        "import resource, sys, democratie\n"
        "try:\n"
        "    democratie.load(sys.argv[1])\n"
        "except democratie.LoadError as error:\n"
        "    print(error.omitted, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", measure, str(source)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1] / "src")},
    )
    omitted, peak_kib = (int(word) for word in done.stdout.split())
    assert omitted == count - MAX_PROBLEMS
    assert peak_kib < 600 * 1024, peak_kib


@pytest.mark.slow
def test_100_000_references_to_nothing_take_no_more_memory_than_a_valid_document() -> None:
    """100,000 roles held by nobody load in about the memory of the same roles held.

    Before the landscape's checks bounded what they keep, this took 130 MiB against the
    valid document's 82 MiB (by tracemalloc); now 78 MiB. The bound leaves a margin on
    either side: a quarter more than the valid document.
    """
    count = 100_000
    peaks: list[int] = []
    errors: list[LoadError | None] = []
    for resolved in (True, False):
        text = json.dumps(_many_dangling(count, resolved=resolved))
        caught: LoadError | None = None
        tracemalloc.start()
        try:
            democratie.loads(text)
        except LoadError as error:
            caught = error
        finally:
            peaks.append(tracemalloc.get_traced_memory()[1])
            tracemalloc.stop()
        errors.append(caught)
        del text
    valid, dangling = peaks
    assert errors[0] is None
    found = errors[1]
    assert found is not None
    assert (len(found.problems), found.omitted) == (MAX_PROBLEMS, count - MAX_PROBLEMS)
    assert found.problems[-1].path == f"roles[{MAX_PROBLEMS - 1}].holder"
    assert dangling < 1.25 * valid, (dangling, valid)


_MISSPELT_SECTION = """\
format = "democratie/1"
[[municipalities]]
id = "zeist"
cbs_code = "GM0355"
{areas}
[[{organisations}]]
id = "org-a"
name = "A"
kind = "vereniging"
[[initiatives]]
id = "i"
title = "I"
kind = "experiment"
municipalities = ["zeist"]
areas = ["zeist-centrum"]
led_by = ["org-a", "org-b"]
initiated_by = ["org-a"]
"""


@pytest.mark.parametrize(
    ("organisations", "areas", "key"),
    [
        (
            "organisation",
            '[[municipalities.areas]]\nid = "zeist-centrum"\nname = "Centrum"\nlevel = "wijk"',
            "organisation",
        ),
        (
            "organisations",
            '[[municipalities.area]]\nid = "zeist-centrum"\nname = "Centrum"\nlevel = "wijk"',
            "municipalities[0].area",
        ),
    ],
)
def test_a_misspelt_section_gives_its_one_problem_not_the_references_to_what_it_defines(
    organisations: str, areas: str, key: str
) -> None:
    # A newcomer wrote [[organisation]]: every reference to what it defines was reported
    # as referring to nothing, on top of the one real problem.
    doc = _MISSPELT_SECTION.format(organisations=organisations, areas=areas)
    with pytest.raises(democratie.LoadError) as caught:
        democratie.loads(doc, format="toml")
    found = [(p.path, p.code) for p in caught.value.problems]
    assert found[0][0] == key
    assert found[0][1] == "unknown-key"
    # The one reference to nothing anywhere in the document is still reported.
    assert found[1:] == [("initiatives[0].led_by[1]", "dangling-reference")]

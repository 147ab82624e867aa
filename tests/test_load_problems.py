"""Loading reports every real problem at once, and only those.

A wrong value inside an entity is that value's problem alone: the entity still counts as
defined, so nothing that refers to it is reported as referring to nothing, and the
references inside the entity are checked in the same pass as its values.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest

import democratie
from democratie import examples
from democratie.errors import LoadError

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

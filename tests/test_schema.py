"""The JSON Schema of the landscape format: valid, complete, in step with the model and the docs."""

from __future__ import annotations

import datetime as dt
import enum
import importlib.util
import json
import sys
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any, get_args, get_origin

import attrs
import jsonschema
import pytest

import democratie.model
from democratie.io import FORMAT_VERSION, dumps, json_schema
from democratie.model import Entry, Landscape
from democratie.vocab import Term

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
COMMITTED = ROOT / "docs" / "reference" / "schema.json"
SCHEMA = json_schema()
VALIDATOR = jsonschema.Draft202012Validator(
    SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)


def _iso_dates(value: Any) -> Any:
    """TOML has native dates; JSON Schema sees documents as JSON, where dates are text."""
    if isinstance(value, dict):
        return {key: _iso_dates(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_iso_dates(item) for item in value]
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    return value


def _errors(document: Any) -> list[str]:
    return [
        f"{error.json_path}: {error.message}"
        for error in sorted(VALIDATOR.iter_errors(document), key=lambda e: e.json_path)
    ]


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert SCHEMA["properties"]["format"] == {
        "const": FORMAT_VERSION,
        "description": "The version of the document format.",
    }
    assert SCHEMA["required"] == ["format"]
    assert SCHEMA["additionalProperties"] is False


def test_json_schema_returns_a_fresh_copy() -> None:
    first = json_schema()
    first["$defs"].clear()
    assert json_schema() == SCHEMA
    assert SCHEMA["$defs"]


# --- the examples ---------------------------------------------------------------------------


def _example_files() -> list[Path]:
    return sorted(EXAMPLES.glob("*.toml"))


def test_there_are_examples_to_validate() -> None:
    if not _example_files():
        pytest.skip(f"no example landscapes in {EXAMPLES} yet")
    assert len(_example_files()) >= 1


@pytest.mark.parametrize("path", _example_files(), ids=lambda p: p.stem)
def test_every_example_validates_against_the_schema(path: Path) -> None:
    document = _iso_dates(tomllib.loads(path.read_text(encoding="utf-8")))
    assert _errors(document) == []


def test_a_dumped_landscape_with_every_field_validates() -> None:
    from test_io import LAND

    assert _errors(json.loads(dumps(LAND))) == []


# --- bad documents the schema rejects ---------------------------------------------------------


def _doc(**body: Any) -> dict[str, Any]:
    return {"format": FORMAT_VERSION, **body}


PERSON = {"id": "p-anna", "name": "Anna"}


@pytest.mark.parametrize(
    ("document", "where"),
    [
        pytest.param({"people": [PERSON]}, "$", id="missing-format"),
        pytest.param({"format": "democratie/2"}, "$.format", id="wrong-format"),
        pytest.param([_doc()], "$", id="top-level-list"),
        pytest.param(_doc(municipality=[]), "$", id="unknown-top-level-key"),
        pytest.param(_doc(people=[{"id": "p", "naam": "A"}]), "$.people[0]", id="unknown-key"),
        pytest.param(_doc(people=[{"id": "p"}]), "$.people[0]", id="missing-name"),
        pytest.param(_doc(people=[{"id": "Anna", "name": "A"}]), "$.people[0].id", id="bad-id"),
        pytest.param(_doc(people=[{"id": 5, "name": "A"}]), "$.people[0].id", id="number-id"),
        pytest.param(_doc(people=PERSON), "$.people", id="table-for-list"),
        pytest.param(
            _doc(initiatives=[{"id": "i", "title": "t", "kind": "experimnt"}]),
            "$.initiatives[0].kind",
            id="vocabulary-typo",
        ),
        pytest.param(
            _doc(initiatives=[{"id": "i", "title": "t", "kind": "workshop", "evaluated": "false"}]),
            "$.initiatives[0].evaluated",
            id="false-as-text",
        ),
        pytest.param(
            _doc(
                initiatives=[
                    {"id": "i", "title": "t", "kind": "workshop", "period": {"start": "2020-1-1"}}
                ]
            ),
            "$.initiatives[0].period.start",
            id="date-format",
        ),
        pytest.param(
            _doc(roles=[{"holder": "p", "kind": "deelnemer", "start": "2020-01-01T10:00:00"}]),
            "$.roles[0].start",
            id="datetime-for-date",
        ),
        pytest.param(
            _doc(municipalities=[{"id": "delft", "council": {"seats": "25"}}]),
            "$.municipalities[0].council.seats",
            id="text-for-number",
        ),
    ],
)
def test_bad_documents_are_rejected(document: Any, where: str) -> None:
    errors = list(VALIDATOR.iter_errors(document))
    assert errors, "the schema accepted a bad document"
    assert where in {error.json_path for error in errors}, _errors(document)


# --- completeness -----------------------------------------------------------------------------


def _document_classes() -> set[type]:
    """The attrs classes of democratie.model that appear in documents (all but the root)."""
    found = set()
    for name in democratie.model.__all__:
        obj = getattr(democratie.model, name)
        if isinstance(obj, type) and attrs.has(obj):
            found.add(obj)
    return found - {Landscape, Entry}  # the root is the schema itself; an Entry is an index


def _types_in(cls: type, seen: set[type]) -> Iterator[type]:
    if cls in seen:
        return
    seen.add(cls)
    hints = typing.get_type_hints(cls)
    for attribute in attrs.fields(cls):
        if not attribute.init or attribute.name.startswith("_"):
            continue
        stack = [hints[attribute.name]]
        while stack:
            kind = stack.pop()
            if get_origin(kind) is not None:
                stack.extend(a for a in get_args(kind) if a is not Ellipsis)
            elif isinstance(kind, type):
                yield kind
                if attrs.has(kind):
                    yield from _types_in(kind, seen)


def test_every_model_class_has_a_definition() -> None:
    reachable = {k for k in _types_in(Landscape, set()) if attrs.has(k)}
    assert reachable == _document_classes(), "a model class is not reachable from Landscape"
    classes = {name for name, d in SCHEMA["$defs"].items() if d.get("type") == "object"}
    assert classes == {cls.__name__ for cls in _document_classes()}


def test_every_vocabulary_used_has_a_definition() -> None:
    enums = {k for k in _types_in(Landscape, set()) if issubclass(k, enum.Enum)}
    used = {k for k in enums if issubclass(k, Term)}
    assert used
    assert used == enums, "every enumeration in a document is a vocabulary Term"
    defined = {name: d for name, d in SCHEMA["$defs"].items() if "enum" in d}
    assert set(defined) == {k.__name__ for k in used}
    for vocabulary in used:
        definition = defined[vocabulary.__name__]
        assert definition["enum"] == [member.value for member in vocabulary]
        assert definition["type"] == "string"
        assert definition["description"]
        assert definition["x-labels"] == {
            m.value: {"en": m.label_en, "nl": m.label_nl} for m in vocabulary
        }


def test_every_reference_resolves() -> None:
    def refs(node: Any) -> Iterator[str]:
        if isinstance(node, dict):
            if "$ref" in node:
                yield node["$ref"]
            for value in node.values():
                yield from refs(value)
        elif isinstance(node, list):
            for value in node:
                yield from refs(value)

    targets = set(refs(SCHEMA))
    assert targets == {f"#/$defs/{name}" for name in SCHEMA["$defs"]}


def _described(name: str) -> Any:
    return pytest.param(name, id=name)


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("(root)", id="(root)"),
        *(_described(n) for n, d in SCHEMA["$defs"].items() if d.get("type") == "object"),
    ],
)
def test_every_property_has_a_description(name: str) -> None:
    definition = SCHEMA if name == "(root)" else SCHEMA["$defs"][name]
    assert definition["description"]
    missing = [
        key for key, value in definition["properties"].items() if not value.get("description")
    ]
    assert missing == [], f"{name}: properties without a description: {missing}"


def test_required_properties_follow_the_model() -> None:
    for cls in _document_classes():
        definition = SCHEMA["$defs"][cls.__name__]
        required = [a.name for a in attrs.fields(cls) if a.init and a.default is attrs.NOTHING]
        assert definition.get("required", []) == required, cls.__name__
        fields = [a.name for a in attrs.fields(cls) if a.init]
        older = [key for key, prop in definition["properties"].items() if prop.get("deprecated")]
        assert list(definition["properties"]) == fields + older
        assert definition["additionalProperties"] is False


def test_the_keys_of_older_documents_are_valid_and_marked_deprecated() -> None:
    lesson = SCHEMA["$defs"]["Lesson"]["properties"]["shared_with"]
    assert lesson["deprecated"] is True
    assert SCHEMA["$defs"]["Initiative"]["properties"]["evaluated"]["deprecated"] is True
    older = _doc(
        initiatives=[
            {
                "id": "i",
                "title": "t",
                "kind": "workshop",
                "evaluated": True,
                "lessons": [{"text": "L", "kind": "doen", "shared_with": ["m50"]}],
            }
        ]
    )
    assert _errors(older) == []
    assert _errors(_doc(initiatives=[{**older["initiatives"][0], "evaluated": "ja"}])) != []


# --- the committed copy in the docs -----------------------------------------------------------


def _canonical(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _how_to_regenerate() -> str:
    if importlib.util.find_spec("democratie.__main__") is not None:
        return "python -m democratie schema > docs/reference/schema.json"
    return (
        'PYTHONPATH=src python -c "import json, democratie.io; print(json.dumps('
        'democratie.io.json_schema(), ensure_ascii=False, indent=2, sort_keys=True))" '
        "> docs/reference/schema.json"
    )


def test_the_committed_schema_is_up_to_date() -> None:
    advice = f"regenerate it from the project root with:\n    {_how_to_regenerate()}"
    assert COMMITTED.is_file(), f"{COMMITTED} is missing; {advice}"
    text = COMMITTED.read_text(encoding="utf-8")
    assert json.loads(text) == SCHEMA, f"{COMMITTED} differs from json_schema(); {advice}"
    assert text == _canonical(SCHEMA), f"{COMMITTED} is not in canonical form; {advice}"


def test_the_schema_command_prints_the_committed_schema(capsys: pytest.CaptureFixture[str]) -> None:
    if importlib.util.find_spec("democratie.cli") is None:
        pytest.skip("the command line is not part of this tree yet")
    from democratie.cli import main

    assert main(["schema"]) == 0
    assert capsys.readouterr().out == _canonical(SCHEMA)

"""``democratie.loads`` raises nothing but ``LoadError``, whatever it is given.

Arbitrary text and bytes, arbitrary JSON and TOML values at the places of a document, and
valid documents broken in the ways people break them (a key left out, a value of the wrong
type, an id renamed, a period the wrong way round). Every ``LoadError`` carries at least one
problem, every problem says something, and for a broken document every problem points into
the document.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import types
import typing
from collections.abc import Callable, Iterator
from typing import Any, Union

import attrs
import pytest
import tomli_w
from hypothesis import assume, given
from hypothesis import strategies as st

from democratie import Landscape, LoadError, loads, model
from democratie.errors import Problem
from democratie.io import FORMAT_VERSION, Format
from democratie.testing.strategies import documents

FORMATS: tuple[Format, ...] = ("json", "toml")
TOP_LEVEL_KEYS: tuple[str, ...] = (
    "format",
    *(f.name for f in attrs.fields(Landscape) if f.init),
)


# --- What every failure must look like --------------------------------------------------------


def _load(text: str | bytes, fmt: Format | None = None) -> LoadError | None:
    """Load *text*; return the LoadError it raises (any other exception fails the test)."""
    try:
        loads(text, format=fmt)
    except LoadError as caught:
        error = caught
    else:
        return None
    assert error.problems, "a LoadError without problems"
    for problem in error.problems:
        assert isinstance(problem, Problem)
        assert problem.message.strip(), f"a problem without a message: {problem!r}"
    assert str(error).strip()
    return error


def _starts_with_a_key(path: str, keys: typing.Iterable[str]) -> bool:
    return path == "" or any(path == key or path.startswith((f"{key}.", f"{key}[")) for key in keys)


_SEGMENT = re.compile(r"\.?([^.\[\]]+)|\[(\d+)\]")


def _resolves(document: Any, path: str) -> bool:
    """Whether *path* leads into *document*: every step but the last exists.

    The last step may be missing (a key that is required but absent).
    """
    if path == "":
        return True
    steps: list[str | int] = []
    position = 0
    while position < len(path):
        match = _SEGMENT.match(path, position)
        if match is None or match.end() == position:
            return False
        steps.append(match.group(1) if match.group(1) is not None else int(match.group(2)))
        position = match.end()
    node = document
    for step in steps[:-1]:
        if isinstance(step, int):
            if not (isinstance(node, list) and 0 <= step < len(node)):
                return False
        elif not (isinstance(node, dict) and step in node):
            return False
        node = node[step]
    return True


def _assert_points_into(error: LoadError, document: Any) -> None:
    for problem in error.problems:
        assert _starts_with_a_key(problem.path, TOP_LEVEL_KEYS), problem
        assert _resolves(document, problem.path), problem


# --- Arbitrary input --------------------------------------------------------------------------


@given(
    st.one_of(
        st.text(),
        st.text().map("{".__add__),
        st.text().map(f'format = "{FORMAT_VERSION}"\n'.__add__),
    ),
    st.sampled_from((None, *FORMATS)),
)
def test_arbitrary_text_raises_nothing_but_load_error(text: str, fmt: Format | None) -> None:
    error = _load(text, fmt)
    if error is not None:
        for problem in error.problems:
            assert problem.file == "<text>", problem


@given(st.binary())
def test_arbitrary_bytes_raise_nothing_but_load_error(data: bytes) -> None:
    _load(data)


# Values that get past the type checks now and then, so that the deeper checks run too.
_LIKELY_TEXT = st.sampled_from(
    (
        FORMAT_VERSION,
        "2020-02-04",
        "2020-02-30",
        "delft",
        "delft-raad",
        "GM0503",
        "GM9999",
        "WK050300",
        "raadslid",
        "wijk",
        "coproduceren",
        "integraal",
        "uitvoering",
        "volledig",
        "",
        " ",
    )
)
_FIELD_NAMES = sorted(
    {
        field.name
        for name in model.__all__
        if attrs.has(cls := getattr(model, name))
        for field in attrs.fields(cls)
        if field.init
    }
)
_KEYS = st.one_of(st.sampled_from(_FIELD_NAMES), st.text(max_size=8))
_TEXTS = st.one_of(_LIKELY_TEXT, st.text(max_size=12))

JSON_VALUES: st.SearchStrategy[Any] = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=False, allow_infinity=False),
        _TEXTS,
    ),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(_KEYS, inner, max_size=4)),
    max_leaves=16,
)
TOML_VALUES: st.SearchStrategy[Any] = st.recursive(
    st.one_of(
        st.booleans(),
        st.integers(-(2**63), 2**63 - 1),
        st.floats(),
        _TEXTS,
        st.dates(),
        st.datetimes(),
        st.times(),
    ),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(_KEYS, inner, max_size=4)),
    max_leaves=16,
)


@given(st.one_of(st.sampled_from(TOP_LEVEL_KEYS[1:]), st.text(max_size=8)), JSON_VALUES)
def test_arbitrary_json_under_a_top_level_key_raises_nothing_but_load_error(
    key: str, value: Any
) -> None:
    document = {"format": FORMAT_VERSION, key: value}
    error = _load(json.dumps(document))
    if error is not None:
        for problem in error.problems:
            assert _starts_with_a_key(problem.path, document), problem


@given(st.one_of(st.sampled_from(TOP_LEVEL_KEYS[1:]), st.text(max_size=8)), TOML_VALUES)
def test_arbitrary_toml_under_a_top_level_key_raises_nothing_but_load_error(
    key: str, value: Any
) -> None:
    document = {"format": FORMAT_VERSION, key: value}
    error = _load(tomli_w.dumps(document), "toml")
    if error is not None:
        for problem in error.problems:
            assert _starts_with_a_key(problem.path, document), problem


# --- Places in a valid document ---------------------------------------------------------------


@attrs.frozen
class Place:
    """One value in a document: where it is, what holds it, and what the model expects there."""

    path: str
    container: Any
    key: str | int
    kind: Any
    required: bool
    owner: type | None  # the model class of the table holding the value, for keys of a table

    @property
    def value(self) -> Any:
        return self.container[self.key]


def _child(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def _without_none(kind: Any) -> Any:
    if typing.get_origin(kind) in (Union, types.UnionType):
        options = [a for a in typing.get_args(kind) if a is not type(None)]
        if len(options) == 1:
            return options[0]
    return kind


def _places(document: dict[str, Any]) -> list[Place]:
    """Every value in a document made from a landscape, with the type the model declares."""
    found: list[Place] = []

    def table(node: dict[str, Any], cls: type, path: str) -> None:
        hints = typing.get_type_hints(cls)
        fields = {f.name: f for f in attrs.fields(cls) if f.init}
        for key in node:
            if cls is Landscape and key == "format":
                kind: Any = str
                required = True
            else:
                kind = hints[key]
                required = fields[key].default is attrs.NOTHING
            found.append(Place(_child(path, key), node, key, kind, required, cls))
            value_of(node[key], kind, _child(path, key))

    def value_of(value: Any, kind: Any, path: str) -> None:
        kind = _without_none(kind)
        if typing.get_origin(kind) is tuple and isinstance(value, list):
            item_kind = typing.get_args(kind)[0]
            for index, item in enumerate(value):
                found.append(Place(_child(path, index), value, index, item_kind, True, None))
                value_of(item, item_kind, _child(path, index))
        elif attrs.has(kind) and isinstance(value, dict):
            table(value, kind, path)

    table(document, Landscape, "")
    return found


def _tables(document: dict[str, Any]) -> list[tuple[str, dict[str, Any], type]]:
    """Every table (JSON object) in the document with its path and model class."""
    found: list[tuple[str, dict[str, Any], type]] = [("", document, Landscape)]
    for place in _places(document):
        kind = _without_none(place.kind)
        if attrs.has(kind) and isinstance(place.value, dict):
            found.append((place.path, place.value, kind))
    return found


# --- Mutated documents ------------------------------------------------------------------------


def _codes(error: LoadError | None) -> set[str]:
    return {p.code for p in error.problems} if error is not None else set()


@given(documents(), st.data())
def test_a_dropped_key_gives_a_located_load_error(
    document: dict[str, Any], data: st.DataObject
) -> None:
    keys = [place for place in _places(document) if isinstance(place.key, str)]
    place = data.draw(st.sampled_from(keys), label="dropped")
    del place.container[place.key]
    error = _load(json.dumps(document))
    if error is not None:
        _assert_points_into(error, document)
    if place.required:
        assert error is not None
        expected = "format-version" if place.path == "format" else "missing-key"
        assert (place.path, expected) in {(p.path, p.code) for p in error.problems}


def _other_kind(value: Any, kind: Any = None) -> st.SearchStrategy[Any]:
    """Values of another JSON type than *value* (an int is a fine float, so not another type).

    *kind* is the type the model expects there: a whole number written where a float is
    expected (a measurement of 0) is still a number, and a fraction is no other type.
    """
    kinds: dict[str, st.SearchStrategy[Any]] = {
        "text": st.text(max_size=5),
        "int": st.integers(),
        "float": st.integers(-(2**40), 2**40).map(lambda n: n + 0.5),
        "bool": st.booleans(),
        "list": st.lists(st.integers(), max_size=2),
        "table": st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    }
    same: set[str] = {
        str: {"text"},
        int: {"int"},
        float: {"int", "float"},
        bool: {"bool"},
        list: {"list"},
        dict: {"table"},
    }[float if _without_none(kind) is float and type(value) is int else type(value)]
    return st.one_of(*(strategy for name, strategy in kinds.items() if name not in same))


@given(documents(), st.data())
def test_a_value_of_the_wrong_type_gives_a_load_error_at_its_place(
    document: dict[str, Any], data: st.DataObject
) -> None:
    place = data.draw(st.sampled_from(_places(document)), label="changed")
    place.container[place.key] = data.draw(_other_kind(place.value, place.kind), label="new value")
    error = _load(json.dumps(document))
    assert error is not None
    _assert_points_into(error, document)
    assert place.path in {p.path for p in error.problems}


def _ids(document: dict[str, Any]) -> tuple[list[Place], set[str]]:
    """The places of every id in the document, and every id (councils and colleges too)."""
    places = [p for p in _places(document) if p.key == "id" and isinstance(p.value, str)]
    taken = {p.value for p in places}
    taken |= {
        f"{p.value}-{body}"
        for p in places
        if p.owner is not None and p.owner.__name__ == "Municipality"
        for body in ("raad", "college")
    }
    return places, taken


def _own_ids(place: Place) -> set[str]:
    own = {place.value}
    if place.owner is not None and place.owner.__name__ == "Municipality":
        own |= {f"{place.value}-raad", f"{place.value}-college"}
    return own


@given(documents(), st.data())
def test_an_id_renamed_to_one_in_use_gives_a_duplicate_id_error(
    document: dict[str, Any], data: st.DataObject
) -> None:
    places, taken = _ids(document)
    assume(places)
    place = data.draw(st.sampled_from(places), label="renamed")
    # Renamed to its own parent, an entity fails its own check (part of itself) first.
    others = sorted(taken - _own_ids(place) - {place.container.get("parent")})
    assume(others)
    place.container["id"] = data.draw(st.sampled_from(others), label="new id")
    error = _load(json.dumps(document))
    assert error is not None
    _assert_points_into(error, document)
    assert "duplicate-id" in _codes(error)


@given(documents(), st.data())
def test_an_id_renamed_to_a_new_one_only_breaks_references(
    document: dict[str, Any], data: st.DataObject
) -> None:
    places, taken = _ids(document)
    assume(places)
    place = data.draw(st.sampled_from(places), label="renamed")
    number = 0
    new = "renamed"
    while {new, f"{new}-raad", f"{new}-college"} & taken:
        number += 1
        new = f"renamed-{number}"
    place.container["id"] = new
    error = _load(json.dumps(document))
    if error is not None:
        _assert_points_into(error, document)
        assert _codes(error) <= {"dangling-reference", "wrong-reference"}, error


_DATED: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "Role": lambda table: table,
    "Initiative": lambda table: table.setdefault("period", {}),
    "Network": lambda table: table.setdefault("period", {}),
    "Stage": lambda table: table.setdefault("period", {}),
}


def _dated(document: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any], str]]:
    for path, table, cls in _tables(document):
        if cls.__name__ in _DATED:
            yield path, table, cls.__name__


@given(documents(), st.data())
def test_a_period_the_wrong_way_round_gives_a_load_error_at_its_end(
    document: dict[str, Any], data: st.DataObject
) -> None:
    candidates = list(_dated(document))
    assume(candidates)
    path, table, name = data.draw(st.sampled_from(candidates), label="reversed")
    period = _DATED[name](table)
    start, end = period.get("start"), period.get("end")
    if start is not None and end is not None and start < end:
        period["start"], period["end"] = end, start
    else:
        first = data.draw(st.dates(max_value=dt.date(9999, 12, 30)), label="end")
        later = first + dt.timedelta(days=data.draw(st.integers(1, 400), label="days"))
        later = min(later, dt.date.max)
        period["start"], period["end"] = later.isoformat(), first.isoformat()
    error = _load(json.dumps(document))
    assert error is not None
    _assert_points_into(error, document)
    expected = f"{path}.end" if name == "Role" else f"{path}.period.end"
    assert expected in {p.path for p in error.problems}


@given(documents(), st.data())
def test_arbitrary_json_under_a_known_key_raises_nothing_but_load_error(
    document: dict[str, Any], data: st.DataObject
) -> None:
    _, table, cls = data.draw(st.sampled_from(_tables(document)), label="table")
    names = sorted(f.name for f in attrs.fields(cls) if f.init)
    key = data.draw(st.sampled_from(names), label="key")
    table[key] = data.draw(JSON_VALUES, label="value")
    error = _load(json.dumps(document))
    if error is not None:
        for problem in error.problems:
            assert _starts_with_a_key(problem.path, TOP_LEVEL_KEYS), problem


@given(documents(), st.data())
def test_arbitrary_toml_under_a_known_key_raises_nothing_but_load_error(
    document: dict[str, Any], data: st.DataObject
) -> None:
    _, table, cls = data.draw(st.sampled_from(_tables(document)), label="table")
    names = sorted(f.name for f in attrs.fields(cls) if f.init)
    key = data.draw(st.sampled_from(names), label="key")
    table[key] = data.draw(TOML_VALUES, label="value")
    error = _load(tomli_w.dumps(document), "toml")
    if error is not None:
        for problem in error.problems:
            assert _starts_with_a_key(problem.path, TOP_LEVEL_KEYS), problem


# --- Numbers too long to read ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "text"),
    [
        ("json", '{"format": "democratie/1", "title": ' + "1" * 5000 + "}"),
        ("toml", 'format = "democratie/1"\ntitle = ' + "1" * 5000 + "\n"),
    ],
)
def test_an_integer_too_long_to_read_gives_a_load_error(fmt: Format, text: str) -> None:
    error = _load(text, fmt)
    assert error is not None
    assert error.problems[0].path == ""

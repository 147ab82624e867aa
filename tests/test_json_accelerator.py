"""orjson accelerates the JSON text and gives the standard library's bytes and exceptions.

``democratie._json.dumps`` must be ``json.dumps(obj, ensure_ascii=False, indent=2,
allow_nan=False) + "\\n"`` whether or not orjson writes it. The properties compare the two
paths on arbitrary JSON-like values (and on what orjson writes its own way or refuses), on
landscapes through ``democratie.dumps`` and on node-link text of the seed examples and of
graphs carrying plugin attributes. The tests of the switch and of the standard-library path
run without orjson too.
"""

from __future__ import annotations

import collections
import dataclasses
import datetime as dt
import enum
import importlib.util
import json
import math
import sys
import types
import uuid
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any, NamedTuple

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

import democratie
from democratie import _json, examples
from democratie.exporters.nodelink import node_link_data, node_link_text
from democratie.graph import build_graph
from democratie.io import unstructure
from democratie.model import Landscape
from democratie.testing.strategies import landscapes
from democratie.vocab import ParticipationLevel, Phase

SWITCH = "DEMOCRATIE_ORJSON"

needs_orjson = pytest.mark.skipif(
    importlib.util.find_spec("orjson") is None,
    reason="orjson, the optional accelerator under test, is not installed",
)


def standard(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def outcome(
    write: Callable[..., str], *args: Any, **kwargs: Any
) -> str | tuple[type[BaseException], str]:
    """The text written, or the type and message of the exception raised."""
    try:
        return write(*args, **kwargs)
    except (TypeError, ValueError, RecursionError) as error:
        return type(error), str(error)


def both(write: Callable[..., str], *args: Any, **kwargs: Any) -> tuple[object, object]:
    """The outcome with the accelerator, then with ``DEMOCRATIE_ORJSON=0``."""
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv(SWITCH, raising=False)
        assert _json.accelerated()
        accelerated = outcome(write, *args, **kwargs)
        patch.setenv(SWITCH, "0")
        assert not _json.accelerated()
        plain = outcome(write, *args, **kwargs)
    return accelerated, plain


# -- values ------------------------------------------------------------------------------------


class Level(str, enum.Enum):
    HIGH = "high"


class Size(enum.IntEnum):
    BIG = 3


class Colour(enum.Enum):
    RED = "red"


class Odd(str, enum.Enum):
    """A str enum whose value is not its content: json writes the content, orjson the value."""

    SHOWN = "value"

    def __new__(cls, value: str) -> Odd:
        member = str.__new__(cls, "content")
        member._value_ = value
        return member


class Word(str):
    pass


class Count(int):
    pass


class Ratio(float):
    pass


class Pair(NamedTuple):
    a: int
    b: int


@dataclasses.dataclass
class Point:
    x: int


class Shuffled(dict[str, Any]):
    def items(self) -> Any:
        return reversed(list(super().items()))


TRICKY_FLOATS = [
    1e-05, 1e-07, 2.5e-06, 9.999999999999999e-05, 0.0001, 1e-10, 1e-9, 1.5e-300, 5e-324,
    -1e-05, -0.0, 0.0, 0.1, 1 / 3, 1e15, 1e16, -1.5e16, 1e22, 1.7976931348623157e308,
    123456789.125, 2.0**53, float("nan"), float("inf"), -float("inf"),
]  # fmt: skip
TRICKY_TEXTS = [
    "null", "a null, b", "null,", "0.00001", "x 1e-7", "fase-5,", "e-7", "1e16,", ".0000",
    "\x00\x1f\x7f\u2028\u2029", "\ud800", "a\udfffb", "é€\U0001f600", '"\\/',
]  # fmt: skip

floats = st.floats() | st.sampled_from(TRICKY_FLOATS)
integers = st.integers() | st.sampled_from([2**63 - 1, 2**63, 2**64 - 1, 2**64, -(2**63) - 1])
texts = st.text(st.characters(exclude_categories=())) | st.sampled_from(TRICKY_TEXTS)
keys = texts | st.sampled_from([1, -2, 1.5, 1e-05, True, None])
leaves = st.none() | st.booleans() | integers | floats | texts
json_like = st.recursive(
    leaves,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.lists(inner, max_size=3).map(tuple)
        | st.dictionaries(keys, inner, max_size=4)
    ),
    max_leaves=24,
)
ODD_VALUES: list[Any] = [
    Level.HIGH, Size.BIG, Colour.RED, Odd.SHOWN, ParticipationLevel.RAADPLEGEN,
    Word("w"), Count(2), Ratio(0.5), Pair(1, 2), Point(1), Shuffled(a=1, b=2),
    collections.OrderedDict(a=1), uuid.UUID(int=7), dt.date(2024, 1, 2), {1, 2}, b"x",
    {Word("k"): 1}, {Level.HIGH: 1}, {Size.BIG: 1}, {(1, 2): 3}, 2**100,
]  # fmt: skip


# -- the standard-library path: always tested ---------------------------------------------------


@given(json_like)
def test_switched_off_it_is_json_dumps(value: object) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(SWITCH, "0")
        assert outcome(_json.dumps, value) == outcome(standard, value)


OPTIONS = (
    "OPT_INDENT_2",
    "OPT_APPEND_NEWLINE",
    "OPT_PASSTHROUGH_SUBCLASS",
    "OPT_PASSTHROUGH_DATACLASS",
    "OPT_PASSTHROUGH_DATETIME",
)


def fake_orjson(
    write: Callable[..., bytes], like: types.ModuleType | None = None
) -> types.ModuleType:
    """A module named orjson whose dumps is *write*, with the options of *like* (or made up)."""
    module = types.ModuleType("orjson")
    for bit, name in enumerate(OPTIONS):
        setattr(module, name, 1 << bit if like is None else getattr(like, name))
    setattr(module, "dumps", write)  # noqa: B010
    return module


def spy(text: bytes) -> tuple[types.ModuleType, list[object]]:
    calls: list[object] = []

    def write(obj: object, **options: object) -> bytes:
        calls.append(obj)
        return text

    return fake_orjson(write), calls


def test_the_switch_switches(monkeypatch: pytest.MonkeyPatch) -> None:
    module, calls = spy(b'"from the accelerator"\n')
    monkeypatch.setattr(_json, "_ENCODER", _json._Encoder(module, 0, _json._SMALL, False))
    monkeypatch.delenv(SWITCH, raising=False)
    assert _json.accelerated()
    assert _json.dumps("x") == '"from the accelerator"\n'
    assert calls == ["x"]
    monkeypatch.setenv(SWITCH, "0")
    assert not _json.accelerated()
    assert _json.dumps("x") == '"x"\n'
    assert calls == ["x"], "switched off, it must not call orjson at all"
    monkeypatch.setenv(SWITCH, "1")
    assert _json.dumps("y") == '"from the accelerator"\n'


def test_without_orjson_the_standard_library_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "orjson", None)  # import orjson now raises ImportError
    monkeypatch.setattr(_json, "_ENCODER", False)
    monkeypatch.delenv(SWITCH, raising=False)
    assert not _json.accelerated()
    value = {"power": 1e-05, "naam": "Zeven van Delft", "links": [1, 2.5, None]}
    assert _json.dumps(value) == standard(value)
    with pytest.raises(ValueError, match="not JSON compliant"):
        _json.dumps([math.nan])


def test_an_orjson_that_disagrees_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    def shouting(obj: object, **options: object) -> bytes:
        # upper-case escapes: valid JSON, but not the standard library's bytes
        return standard(obj).replace("\\u001f", "\\u001F").encode()

    monkeypatch.setitem(sys.modules, "orjson", fake_orjson(shouting))
    monkeypatch.setattr(_json, "_ENCODER", False)
    monkeypatch.delenv(SWITCH, raising=False)
    assert not _json.accelerated()


# -- the accelerated path -----------------------------------------------------------------------


@needs_orjson
@given(json_like, st.booleans())
def test_accelerated_text_is_the_standard_library_s(value: object, plain: bool) -> None:
    accelerated, plain_text = both(_json.dumps, value, plain=plain)
    assert accelerated == plain_text
    assert accelerated == outcome(standard, value)


@needs_orjson
@pytest.mark.parametrize("value", [*TRICKY_FLOATS, *TRICKY_TEXTS])
def test_tricky_scalars(value: object) -> None:
    for document in (value, [value], {"k": value}, {"k": [value, None, 1e-07]}):
        for plain in (False, True):
            accelerated, standard_ = both(_json.dumps, document, plain=plain)
            assert accelerated == standard_ == outcome(standard, document)


@needs_orjson
@pytest.mark.parametrize("value", ODD_VALUES, ids=lambda v: type(v).__name__)
def test_what_orjson_writes_its_own_way_is_left_to_json(value: object) -> None:
    for document in (value, [value], {"k": [1, value]}):
        accelerated, standard_ = both(_json.dumps, document)
        assert accelerated == standard_ == outcome(standard, document)


@needs_orjson
def test_keys_keep_their_order_and_empty_containers_stay_empty() -> None:
    document = {"z": [], "a": {}, "m": ({"y": 1, "b": 2},)}
    expected = (
        '{\n  "z": [],\n  "a": {},\n  "m": [\n    {\n      "y": 1,\n      "b": 2\n    }\n  ]\n}\n'
    )
    assert both(_json.dumps, document) == (expected, expected)
    assert written_by_orjson(document, plain=True) == expected


@needs_orjson
def test_the_odd_enum_is_written_by_content(monkeypatch: pytest.MonkeyPatch) -> None:
    # the case the walk exists for: orjson alone would write "value"
    monkeypatch.delenv(SWITCH, raising=False)
    assert _json.accelerated()
    assert _json.dumps([Odd.SHOWN]) == '[\n  "content"\n]\n'


@needs_orjson
def test_floats_written_differently_are_rewritten_not_left_to_json() -> None:
    document = {"tiny": [1e-05, 2.5e-06, -7e-09], "a.0000": 5, "b": "e-5,", "c": 0.5}
    encoder = _json._encoder()
    assert encoder is not None
    raw = encoder.module.dumps(document, option=encoder.options)
    assert b"0.00001" in raw, "orjson no longer writes 1e-05 its own way: revisit the scans"
    assert _json._encode(encoder, document, plain=True) == standard(document)
    assert _json._encode(encoder, document, plain=False) == standard(document)


@needs_orjson
def test_deep_and_circular_documents() -> None:
    deep: list[Any] = []
    for _ in range(300):  # deeper than orjson goes
        deep = [deep]
    circular: list[Any] = [1]
    circular.append(circular)
    for document in (deep, circular, {"a": circular}):
        expected = outcome(standard, document)
        assert not isinstance(expected, str) or document is deep
        assert both(_json.dumps, document) == (expected, expected)


@needs_orjson
def test_an_older_orjson_s_large_exponents_are_rewritten(monkeypatch: pytest.MonkeyPatch) -> None:
    import orjson

    def unsigned(obj: object, **options: Any) -> bytes:
        # orjson before 3.11 wrote 1e16 for 1e+16
        return bytes(orjson.dumps(obj, **options).replace(b"e+", b"e"))

    monkeypatch.setitem(sys.modules, "orjson", fake_orjson(unsigned, like=orjson))
    monkeypatch.setattr(_json, "_ENCODER", False)
    monkeypatch.delenv(SWITCH, raising=False)
    encoder = _json._encoder()
    assert encoder is not None
    assert encoder.large
    for document in ([1e16, -1.5e300, 1e-07, "1e16,"], {"k": 1e22}, 1e16):
        assert _json.dumps(document, plain=True) == standard(document)
        assert _json.dumps(document) == standard(document)


# -- landscapes and the node-link text ----------------------------------------------------------


@needs_orjson
@given(landscapes())
def test_dumps_of_a_landscape_is_the_same_with_and_without_orjson(land: Landscape) -> None:
    accelerated, plain = both(democratie.dumps, land)
    assert accelerated == plain
    assert accelerated == standard(unstructure(land))
    assert written_by_orjson(unstructure(land), plain=True) == accelerated


def written_by_orjson(document: object, *, plain: bool) -> str | None:
    """The text from orjson itself, None if it left the document to the standard library."""
    encoder = _json._encoder()
    assert encoder is not None
    return _json._encode(encoder, document, plain=plain)


@cache
def example_graph(name: str) -> nx.MultiDiGraph[str]:
    return build_graph(examples.load(name)).nx


@needs_orjson
@pytest.mark.parametrize("name", examples.NAMES)
def test_node_link_text_of_the_examples(name: str) -> None:
    graph = example_graph(name)
    for private in (False, True):
        accelerated, plain = both(node_link_text, graph, include_private=private)
        assert isinstance(accelerated, str)
        assert accelerated == plain
        data = node_link_data(graph, include_private=private)
        assert written_by_orjson(data, plain=False) == accelerated


plugin_values = (
    leaves
    | st.dates()
    | st.sampled_from([*ODD_VALUES, next(iter(Phase))])
    | st.lists(leaves | st.sampled_from(ODD_VALUES[:5]), max_size=3)
    | st.lists(leaves, max_size=3).map(tuple)
    | st.lists(st.lists(leaves | st.sampled_from(ODD_VALUES[:5]), max_size=2), max_size=2)
    | st.frozensets(st.integers() | st.text(), max_size=3)
    | st.dictionaries(st.text(), leaves, max_size=2)
)


def enriched(name: str, attributes: list[tuple[int, str, object]]) -> nx.MultiDiGraph[str]:
    """A copy of an example's graph with attributes set as a plugin's enrich hook would."""
    graph = example_graph(name).copy()
    nodes = list(graph)
    edges = list(graph.edges(keys=True))
    for index, attribute, value in attributes:
        if index % 3 == 0:
            graph.graph[attribute] = value
        elif index % 3 == 1:
            graph.nodes[nodes[index % len(nodes)]][attribute] = value
        else:
            u, v, key = edges[index % len(edges)]
            graph.edges[u, v, key][attribute] = value
    return graph


@needs_orjson
@given(
    st.sampled_from(examples.NAMES),
    st.lists(st.tuples(st.integers(0, 10_000), st.text(min_size=1), plugin_values), max_size=12),
)
def test_node_link_text_with_plugin_attributes(
    name: str, attributes: list[tuple[int, str, object]]
) -> None:
    graph = enriched(name, attributes)
    accelerated, plain = both(node_link_text, graph)
    assert accelerated == plain


def all_values() -> Iterator[object]:
    yield from ODD_VALUES
    yield from TRICKY_FLOATS
    yield from TRICKY_TEXTS
    yield [[1e-05, ["x", (1e-07,)]]]  # floats rewritten deep inside lists


@needs_orjson
def test_node_link_text_with_every_odd_attribute() -> None:
    values = list(all_values())
    graph = enriched(
        "delft-zeven-van-delft", [(i, f"plugin_{i}", value) for i, value in enumerate(values)]
    )
    accelerated, plain = both(node_link_text, graph)
    assert isinstance(accelerated, str)
    assert accelerated == plain

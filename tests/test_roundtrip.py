"""No data loss: dump then load is the identity, output is canonical and matches the schema.

Also checks the strategies of :mod:`democratie.testing.strategies` themselves: that they
reach every model class, every field (set and left to its default) and every vocabulary
member, and that they keep to the ids they are given.
"""

from __future__ import annotations

import contextlib
import doctest
import json
import sys
import typing
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, Phase, find, given, settings, target
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from jsonschema import Draft202012Validator

from democratie import dumps, loads, testing
from democratie.io import Format, json_schema
from democratie.model import Area, Landscape, Municipality, Network, Person, Role
from democratie.model._checks import ID_PATTERN, INVISIBLE, check_text
from democratie.testing import strategies
from democratie.testing.strategies import landscapes
from democratie.vocab import AreaLevel, NetworkKind, RoleKind, Term

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

FORMATS: tuple[Format, ...] = ("json", "toml")
VALIDATOR = Draft202012Validator(json_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


# --- Dump then load ---------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
@given(landscape=landscapes())
def test_dump_then_load_gives_an_equal_landscape(fmt: Format, landscape: Landscape) -> None:
    target(float(len(landscape)), label="entities with an id")
    assert loads(dumps(landscape, format=fmt), format=fmt) == landscape


@pytest.mark.parametrize("fmt", FORMATS)
@given(landscape=landscapes())
def test_dumping_is_byte_for_byte_deterministic(fmt: Format, landscape: Landscape) -> None:
    first = dumps(landscape, format=fmt).encode("utf-8")
    assert dumps(landscape, format=fmt).encode("utf-8") == first
    # Loading and dumping again is a fixed point: the text is canonical.
    again = dumps(loads(first, format=fmt), format=fmt).encode("utf-8")
    assert again == first


@given(landscapes())
def test_json_and_toml_carry_the_same_document(landscape: Landscape) -> None:
    as_json = json.loads(dumps(landscape, format="json"))
    as_toml = tomllib.loads(dumps(landscape, format="toml"))
    assert as_json == as_toml


@given(landscapes())
def test_json_output_is_valid_against_the_schema(landscape: Landscape) -> None:
    document = json.loads(dumps(landscape, format="json"))
    errors = [f"{e.json_path}: {e.message}" for e in VALIDATOR.iter_errors(document)]
    assert errors == []


# --- Invisible characters and the marks of real names ----------------------------------------

#: The format characters real names use, which the model allows: the left-to-right,
#: right-to-left and Arabic letter marks and the zero-width non-joiner and joiner.
MARKS = frozenset("\u200e\u200f\u061c\u200c\u200d")


def test_the_strategies_leave_out_exactly_what_the_model_refuses_in_a_line() -> None:
    refused = "".join(chr(c) for c in range(0x10000) if INVISIBLE.fullmatch(chr(c)))
    assert refused == strategies._INVISIBLE
    assert not MARKS & set(refused)


@settings(max_examples=300, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=strategies.texts())
def test_a_line_of_text_never_holds_a_refused_character(text: str) -> None:
    assert INVISIBLE.search(text) is None


def test_a_line_of_text_holds_each_kind_of_mark() -> None:
    for mark in sorted(MARKS):

        def holds(text: str, mark: str = mark) -> bool:
            return mark in text

        found = find(strategies.texts(), holds)
        assert list(check_text(found, "name")) == []


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    Draft202012Validator.check_schema(json_schema())


# --- The strategies reach the whole model -----------------------------------------------------

_NOT_GIVEN = object()


def _model_classes() -> tuple[set[type], set[type[Term]]]:
    """Every attrs class and every vocabulary reachable from Landscape's field types."""
    classes: set[type] = set()
    vocabularies: set[type[Term]] = set()

    def visit(kind: Any) -> None:
        for arg in typing.get_args(kind):
            visit(arg)
        if isinstance(kind, type) and issubclass(kind, Term):
            vocabularies.add(kind)
        elif attrs.has(kind) and kind not in classes:
            classes.add(kind)
            hints = typing.get_type_hints(kind)
            for field in attrs.fields(kind):
                if field.init:
                    visit(hints[field.name])

    visit(Landscape)
    return classes, vocabularies


def _walk(value: object) -> Iterator[object]:
    """Every model object inside *value*, *value* included."""
    cls = type(value)
    if attrs.has(cls):
        yield value
        for field in attrs.fields(cls):
            if field.init:
                yield from _walk(getattr(value, field.name))
    elif isinstance(value, tuple):
        for item in value:
            yield from _walk(item)


def _default(obj: object, field: attrs.Attribute[Any]) -> object:
    default: Any = field.default
    if default is attrs.NOTHING:
        return _NOT_GIVEN
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        factory = default.factory
        return factory(obj) if default.takes_self else factory()
    return default


_CLASSES, _VOCABULARIES = _model_classes()
_ALL_MEMBERS = frozenset(member for vocabulary in _VOCABULARIES for member in vocabulary)
_ALL_FIELDS = frozenset(
    (cls.__name__, field.name) for cls in _CLASSES for field in attrs.fields(cls) if field.init
)
_DEFAULTED_FIELDS = frozenset(
    (cls.__name__, field.name)
    for cls in _CLASSES
    for field in attrs.fields(cls)
    if field.init and field.default is not attrs.NOTHING
)
_SHAPES = frozenset({"abroad", "default name", "name in capitals", "areas three levels deep"})


class _Seen:
    """What a sample of landscapes contains: classes, fields set and unset, vocabulary members."""

    def __init__(self) -> None:
        self.examples = 0
        self.classes: set[type] = set()
        self.set_fields: set[tuple[str, str]] = set()
        self.default_fields: set[tuple[str, str]] = set()
        self.members: set[Term] = set()
        self.shapes: set[str] = set()

    def add(self, landscape: Landscape) -> None:
        self.examples += 1
        for obj in _walk(landscape):
            cls = type(obj)
            assert attrs.has(cls)
            self.classes.add(cls)
            for field in attrs.fields(cls):
                if not field.init:
                    continue
                value = getattr(obj, field.name)
                key = (cls.__name__, field.name)
                if value == _default(obj, field):
                    self.default_fields.add(key)
                else:
                    self.set_fields.add(key)
                items = value if isinstance(value, tuple) else (value,)
                self.members.update(item for item in items if isinstance(item, Term))
        for mun in landscape.municipalities:
            if mun.record is None:
                self.shapes.add("abroad")
            elif mun.name == mun.record.name:
                self.shapes.add("default name")
            else:
                self.shapes.add("name in capitals")
            if any(inner.areas for top in mun.areas for inner in top.areas):
                self.shapes.add("areas three levels deep")

    def complete(self) -> bool:
        return (
            self.classes >= _CLASSES
            and self.set_fields >= _ALL_FIELDS
            and self.default_fields >= _DEFAULTED_FIELDS
            and self.members >= _ALL_MEMBERS
            and self.shapes >= _SHAPES
        )


class _Complete(Exception):
    """Raised to stop generating once the sample has everything."""


@pytest.fixture(scope="module")
def seen() -> _Seen:
    """Landscapes generated until they show every part of the model (at most 2,000).

    The generation is derandomized, so the sample is the same under every profile.
    """
    found = _Seen()

    @settings(
        max_examples=2_000,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(landscapes())
    def collect(landscape: Landscape) -> None:
        found.add(landscape)
        if found.complete():
            raise _Complete

    with contextlib.suppress(_Complete):
        collect()
    return found


def test_every_model_class_appears(seen: _Seen) -> None:
    assert {c.__name__ for c in _CLASSES - seen.classes} == set()


def test_every_field_is_set_in_some_landscape(seen: _Seen) -> None:
    assert sorted(_ALL_FIELDS - seen.set_fields) == []


def test_every_optional_field_is_left_to_its_default_in_some_landscape(seen: _Seen) -> None:
    assert sorted(_DEFAULTED_FIELDS - seen.default_fields) == []


def test_every_vocabulary_member_appears(seen: _Seen) -> None:
    missing = sorted(f"{type(m).__name__}.{m.name}" for m in _ALL_MEMBERS - seen.members)
    assert missing == []


def test_every_shape_of_municipality_appears(seen: _Seen) -> None:
    assert sorted(_SHAPES - seen.shapes) == []


# --- The strategies keep to what they are given -----------------------------------------------


@given(st.data())
def test_ids_are_slugs_outside_the_excluded_ones(data: st.DataObject) -> None:
    taken = data.draw(st.sets(strategies.ids(max_size=3), max_size=20))
    value = data.draw(strategies.ids(exclude=taken, max_size=3))
    assert ID_PATTERN.fullmatch(value)
    assert value not in taken


@given(st.data())
def test_a_municipality_takes_none_of_the_excluded_ids(data: st.DataObject) -> None:
    taken = data.draw(st.sets(strategies.ids(max_size=4), max_size=30))
    mun = data.draw(strategies.municipalities(exclude=taken, parties=["party"]))
    own = [
        mun.id,
        mun.council_id,
        mun.college_id,
        *(a.id for a in mun.walk_areas()),
        *(f.id for f in mun.council.factions),
    ]
    assert len(own) == len(set(own))
    assert not set(own) & taken
    assert {f.party for f in mun.council.factions} <= {None, "party"}


@given(st.data())
def test_an_initiative_refers_only_to_the_ids_given(data: st.DataObject) -> None:
    initiative = data.draw(
        strategies.initiatives(
            id="ini",
            municipalities=["delft", "leusden"],
            areas={"centrum": "delft"},
            actors=["delft", "p-rob"],
            roles=["r-1"],
            networks=["m50"],
            shared_with=["m50", "delft"],
        )
    )
    land = Landscape(
        municipalities=(
            Municipality(id="delft", cbs_code="GM0503", areas=(_CENTRUM,)),
            Municipality(id="leusden", cbs_code="GM0327"),
        ),
        people=(Person(id="p-rob", name="Rob"),),
        roles=(Role(id="r-1", holder="p-rob", kind=_PROJECTLEIDER),),
        networks=(Network(id="m50", name="M50", kind=_NETWERK),),
        initiatives=(initiative,),
    )
    assert land.get("ini") == initiative


def test_strategies_refuse_arguments_that_cannot_work() -> None:
    with pytest.raises(InvalidArgument):
        strategies.ids(max_size=0)
    with pytest.raises(InvalidArgument):
        find(strategies.roles(holders=()), lambda role: True)
    with pytest.raises(InvalidArgument):
        find(landscapes(max_people=-1), lambda land: True)


_CENTRUM = Area(id="centrum", name="Centrum", level=AreaLevel.WIJK)
_PROJECTLEIDER = RoleKind.PROJECTLEIDER
_NETWERK = NetworkKind.NETWERK_VAN_GEMEENTEN


@pytest.mark.parametrize("module", [testing, strategies], ids=lambda m: m.__name__)
def test_the_docstrings_have_examples(module: ModuleType) -> None:
    # tests/test_public_examples.py runs them, with every other example.
    assert any(test.examples for test in doctest.DocTestFinder().find(module))


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_municipality_with_its_province_cleared_survives_a_round_trip(fmt: Format) -> None:
    land = Landscape(municipalities=(Municipality(id="delft", cbs_code="GM0503", province=None),))
    assert loads(dumps(land, format=fmt), format=fmt) == land

"""No data loss: dump then load is the identity, output is canonical and matches the schema.

Also checks the strategies of :mod:`democratie.testing.strategies` themselves: that they
reach every model class, every field (set and left to its default) and every vocabulary
member, and that they keep to the ids they are given.
"""

from __future__ import annotations

import json
import sys
import typing
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, Phase, find, given, settings, target
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from jsonschema import Draft202012Validator

from democratie import dumps, loads
from democratie.io import Format, json_schema
from democratie.model import Area, Landscape, Municipality, Network, Person, Role
from democratie.model._checks import ID_PATTERN
from democratie.testing import strategies
from democratie.testing.strategies import landscapes
from democratie.vocab import AreaLevel, NetworkKind, RoleKind, Term

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

FORMATS: tuple[Format, ...] = ("json", "toml")
VALIDATOR = Draft202012Validator(
    json_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER
)


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
    if attrs.has(type(value)):
        yield value
        for field in attrs.fields(type(value)):
            if field.init:
                yield from _walk(getattr(value, field.name))
    elif isinstance(value, tuple):
        for item in value:
            yield from _walk(item)


def _default(obj: object, field: attrs.Attribute[Any]) -> object:
    default = field.default
    if default is attrs.NOTHING:
        return _NOT_GIVEN
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        factory: Any = default.factory
        return factory(obj) if default.takes_self else factory()
    return default


class _Seen:
    """What a sample of landscapes contains: classes, fields set and unset, vocabulary members."""

    def __init__(self) -> None:
        self.classes: set[type] = set()
        self.set_fields: set[tuple[str, str]] = set()
        self.default_fields: set[tuple[str, str]] = set()
        self.members: set[Term] = set()

    def add(self, landscape: Landscape) -> None:
        for obj in _walk(landscape):
            cls = type(obj)
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


@pytest.fixture(scope="module")
def seen() -> _Seen:
    """A fixed sample of landscapes, the same under every profile."""
    found = _Seen()

    @settings(
        max_examples=300,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(landscapes())
    def collect(landscape: Landscape) -> None:
        found.add(landscape)

    collect()
    return found


def test_every_model_class_appears(seen: _Seen) -> None:
    classes, _ = _model_classes()
    assert {c.__name__ for c in classes} - {c.__name__ for c in seen.classes} == set()


def test_every_field_is_both_set_and_left_to_its_default(seen: _Seen) -> None:
    classes, _ = _model_classes()
    never_set: list[str] = []
    never_default: list[str] = []
    for cls in classes:
        for field in attrs.fields(cls):
            if not field.init:
                continue
            key = (cls.__name__, field.name)
            if key not in seen.set_fields:
                never_set.append(".".join(key))
            if field.default is not attrs.NOTHING and key not in seen.default_fields:
                never_default.append(".".join(key))
    assert sorted(never_set) == []
    assert sorted(never_default) == []


def test_every_vocabulary_member_appears(seen: _Seen) -> None:
    _, vocabularies = _model_classes()
    missing = [
        f"{vocabulary.__name__}.{member.name}"
        for vocabulary in vocabularies
        for member in vocabulary
        if member not in seen.members
    ]
    assert sorted(missing) == []


def test_areas_nest_two_levels_deep() -> None:
    deep = find(
        landscapes(),
        lambda land: any(
            inner.areas for mun in land.municipalities for top in mun.areas for inner in top.areas
        ),
        settings=settings(database=None, derandomize=True),
    )
    assert deep.municipalities


def test_a_municipality_from_abroad_and_one_with_a_written_out_name_appear() -> None:
    def shapes(land: Landscape) -> set[str]:
        found = set()
        for mun in land.municipalities:
            if mun.cbs_code is None:
                found.add("abroad")
            elif mun.record is not None and mun.name != mun.record.name:
                found.add("capitals")
        return found

    land = find(
        landscapes(max_municipalities=4),
        lambda land: shapes(land) == {"abroad", "capitals"},
        settings=settings(database=None, derandomize=True),
    )
    assert len(land.municipalities) >= 2


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

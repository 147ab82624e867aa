"""The one configured cattrs converter for landscape documents.

Configured once, at import, and never rebuilt (building converters repeatedly
grows memory through generated code). Its hooks are strict where cattrs would
coerce: ``"1"`` is not a number, ``1`` is not text, ``"false"`` is not a
boolean, a text is not a list of characters, and an enumeration value must be
one of its slugs.

Examples
--------
:data:`converter` structures and unstructures the model; it is strict where cattrs would
coerce:

>>> import datetime as dt
>>> from democratie.model import Period
>>> converter.structure({"start": "2020-02-04"}, Period)
Period(start=datetime.date(2020, 2, 4), end=None)
>>> converter.unstructure(Period(start=dt.date(2020, 2, 4)))
{'start': '2020-02-04'}
>>> converter.structure("12", int)
Traceback (most recent call last):
    ...
democratie.io._failures.Invalid: expected a whole number, got the text '12'

:data:`detailed_converter` collects every failure, for :func:`~democratie.io._explain.explain`:

>>> try:
...     detailed_converter.structure({"start": "4 februari", "end": 2020}, Period)
... except Exception as error:
...     print(type(error).__name__, len(error.exceptions))
ClassValidationError 2
"""

from __future__ import annotations

import contextvars
import datetime as dt
import difflib
import functools
import math
import re
import typing
from collections.abc import Callable
from typing import Any, get_args, get_origin

import attrs
from attrs import evolve
from cattrs import Converter
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from democratie.errors import ModelError, Problem
from democratie.io._explain import explain, left_out
from democratie.io._failures import BUDGET, Invalid, Omitted
from democratie.io._legacy import LEGACY_KEYS
from democratie.model import Indicator, Landscape, Measurement
from democratie.model._checks import COLLECTOR, Collector
from democratie.model._describe import describe as _show
from democratie.vocab import Term

__all__ = ["converter", "detailed_converter"]

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _structure_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise Invalid(f"expected text, got {_show(value)}")
    return value


def _structure_int(value: object, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise Invalid(f"expected a whole number, got {_show(value)}")
    return value


def _structure_float(value: object, _: type) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise Invalid(f"expected a number, got {_show(value)}")
    if isinstance(value, float) and not math.isfinite(value):
        raise Invalid(f"expected a finite number, got {value}", code="invalid-value")
    return float(value)


def _structure_bool(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        raise Invalid(f"expected true or false, got {_show(value)}")
    return value


def _structure_date(value: object, _: type) -> dt.date:
    if isinstance(value, dt.datetime):
        raise Invalid(f"expected a date (YYYY-MM-DD) without a time, got {value.isoformat()}")
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or _DATE.fullmatch(value) is None:
        raise Invalid(f"expected a date written YYYY-MM-DD, got {_show(value)}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise Invalid(
            f"{value} is not a date in the calendar; expected a real day written YYYY-MM-DD",
            code="invalid-value",
        ) from None


def _unstructure_date(value: dt.date) -> str:
    return value.isoformat()


def _is_term(cls: Any) -> bool:
    return isinstance(cls, type) and issubclass(cls, Term)


def _term_hook(cls: type[Term]) -> Callable[[object, type], Term]:
    by_slug = {member.value: member for member in cls}
    allowed = ", ".join(by_slug)
    noun = getattr(cls, "__noun__", None) or _words(cls.__name__)
    what = f"{'an' if noun[0] in 'aeiou' else 'a'} {noun}"

    def structure_term(value: object, _: type) -> Term:
        if isinstance(value, str):
            member = by_slug.get(value)
            if member is not None:
                return member
            close = difflib.get_close_matches(value, list(by_slug), n=1, cutoff=0.6)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise Invalid(
                f"'{value}' is not {what}{hint}; expected one of: {allowed}",
                code="invalid-value",
            )
        raise Invalid(f"expected one of {allowed}, got {_show(value)}")

    return structure_term


def _words(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", " ", name).lower()


def _is_homogenous_tuple(cls: Any) -> bool:
    args = get_args(cls)
    return get_origin(cls) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_factory(cls: Any, conv: Converter) -> Callable[[object, type], tuple[Any, ...]]:
    if conv.detailed_validation:
        return _detailed_tuple(cls, conv)
    inner = homogenous_tuple_structure_factory(cls, conv)

    def structure_tuple(value: object, kind: type) -> tuple[Any, ...]:
        if not isinstance(value, (list, tuple)):
            raise Invalid(f"expected a list, got {_show(value)}")
        return inner(value, kind)  # type: ignore[no-any-return]

    return structure_tuple


def _detailed_tuple(cls: Any, conv: Converter) -> Callable[[object, type], tuple[Any, ...]]:
    """Structure a list item by item, keeping the failures within the budget of problems."""
    item_type = get_args(cls)[0]
    try:
        handler = conv.get_structure_hook(item_type)
    except RecursionError:  # pragma: no cover - a type that contains itself
        handler = conv.structure

    def structure_tuple(value: object, kind: type) -> tuple[Any, ...]:
        if not isinstance(value, (list, tuple)):
            raise Invalid(f"expected a list, got {_show(value)}")
        budget = BUDGET.get()
        items: list[Any] = []
        errors: list[Exception] = []
        left_out = Omitted()
        for index, raw in enumerate(value):
            before = budget.used if budget is not None else 0
            try:
                items.append(handler(raw, item_type))
            except Exception as error:
                if budget is not None and budget.limit is not None:
                    found = sum(1 for _ in explain(error))
                    if before >= budget.limit:
                        budget.used = before
                        budget.omitted += found
                        left_out.stand_ins[index] = _usable(getattr(error, "stand_in", None))
                        continue
                    budget.used = before + found
                note = IterableValidationNote(f"Structuring {kind} @ index {index}", index, kind)
                error.__notes__ = [*getattr(error, "__notes__", []), note]  # type: ignore[attr-defined]
                errors.append(error)
        if left_out.stand_ins:
            errors.append(left_out)
        if errors:
            raise IterableValidationError(f"While structuring {kind!r}", errors, kind)
        return tuple(items)

    return structure_tuple


def _slug(member: Term) -> str:
    return member._value_


def _tuple_unstructure_factory(cls: Any, conv: Converter) -> Callable[[Any], list[Any]]:
    """Unstructure a tuple of one type with that type's hook, looked up once, not per item.

    An item of another type than the one declared is unstructured as its own type, as
    ``conv.unstructure`` does for every item.
    """
    kind = get_args(cls)[0]
    general = conv.unstructure
    if kind in (str, int, bool):  # the hook gives these back as they are
        return lambda items: [x if type(x) is kind else general(x) for x in items]
    hook = _slug if _is_term(kind) else conv.get_unstructure_hook(kind)
    return lambda items: [hook(x) if type(x) is kind else general(x) for x in items]


def _mapping_guard(conv: Converter) -> None:
    """Make every attrs class refuse anything but a table before cattrs looks inside.

    With detailed validation, unknown keys are reported *together with* every
    other problem of the same table: the known keys are still structured and
    the object still built, so its own checks run too.
    """

    def factory(cls: type, own: Converter) -> Callable[[object, type], Any]:
        older, upgrade = LEGACY_KEYS.get(cls.__name__, (frozenset(), None))
        if not own.detailed_validation:
            base: Callable[[Any, type], Any] = own.gen_structure_attrs_fromdict(cls)

            def structure_fast(value: object, kind: type) -> Any:
                if not isinstance(value, dict):
                    raise Invalid(f"expected a table of keys and values, got {_show(value)}")
                if upgrade is not None and not older.isdisjoint(value):
                    value, problems = upgrade(value)
                    if problems:
                        raise ModelError(problems)
                return base(value, kind)

            return structure_fast

        lenient: Callable[[Any, type], Any] = make_dict_structure_fn(
            cls, own, _cattrs_forbid_extra_keys=False
        )
        known = frozenset(a.alias or a.name for a in attrs.fields(cls) if a.init)

        def structure_detailed(value: object, kind: type) -> Any:
            if type(value) is cls:
                return value  # a stand-in for an object that failed, built already
            if not isinstance(value, dict):
                raise Invalid(f"expected a table of keys and values, got {_show(value)}")
            if cls is Landscape:
                token = _UNKNOWN_IDS.set(set())
                try:
                    return structure_table(value, kind)
                finally:
                    _UNKNOWN_IDS.reset(token)
            return structure_table(value, kind)

        def structure_table(value: dict[str, Any], kind: type) -> Any:
            errors: list[Exception] = []
            table: dict[str, Any] = value
            if upgrade is not None and not older.isdisjoint(table):
                table, problems = upgrade(table)
                if problems:
                    errors.append(ModelError(problems))
            extra = set(table) - known
            if extra:
                errors.append(ForbiddenExtraKeysError("", cls, extra))
                unknown = _UNKNOWN_IDS.get()
                if unknown is not None:
                    # What a misspelt key (`[[organisation]]`) defines is not missing: the
                    # references to it follow from the one real problem, the key.
                    for key in extra:
                        unknown.update(_ids_in(table[key]))
            good = {k: v for k, v in table.items() if k in known}
            stand_in: Any = None
            try:
                result = lenient(good, kind)
            except ClassValidationError as error:
                errors.extend(error.exceptions)
                found, stand_in = _checks_without(lenient, good, kind, error, own)
                errors.extend(found)
            except Exception as error:
                # Its own checks failed: every field is fine, the object is not.
                errors.append(error)
                stand_in = _unchecked(cls, good, own)
            else:
                if not errors:
                    return result
                stand_in = result
            unknown = _UNKNOWN_IDS.get() if cls is Landscape else None
            if unknown:
                errors = _without_references_to(errors, _with_bodies(unknown))
            failure = ClassValidationError(f"While structuring {cls.__name__}", errors, cls)
            failure.stand_in = stand_in
            raise failure

        return structure_detailed

    conv.register_structure_hook_factory(attrs.has, factory)


def _checks_without(
    build: Callable[[Any, type], Any],
    value: dict[str, Any],
    kind: type,
    error: ClassValidationError,
    own: Converter,
) -> tuple[list[Exception], Any]:
    """Run the object's own checks without what failed, and make its stand-in.

    Returns the problems the checks find, and a *stand-in*: the object as far as it
    could be read, its failed fields at their defaults, built without its checks (None
    when it cannot be made). The stand-in of an entity keeps its id and its references:
    the landscape counts it as defined and checks its references in the same pass, so
    that one wrong value gives its own problem only, no "refers to nothing" elsewhere.

    For the checks of an object inside the landscape, keys whose values failed are left
    out (this works when they have defaults), and from a failed list only the items that
    failed. Problems the checks then find about the keys left out are dropped: they were
    caused by leaving those out, and the failures themselves are already reported. The
    landscape itself is checked with the stand-ins in place, so that its reference
    checks see every entity; problems found at or under a place already reported are
    dropped, and so are references to the ids inside an item without a stand-in.
    """
    attribute_errors, _ = error.group_exceptions()
    failed = {note.name: sub for sub, note in attribute_errors}
    if not failed:  # its own checks failed: every field is fine, the object is not
        return [], None if kind is Landscape else _unchecked(kind, value, own)
    retry: dict[str, Any] = {}
    substituted: dict[str, Any] = {}
    lost: set[str] = set()
    # For each list with items left out: the place in the document of each item kept.
    positions: dict[str, list[int]] = {}
    standing: dict[str, list[int]] = {}
    item_types = _item_types(kind)
    for key, raw in value.items():
        bad = _failed_items(failed[key]) if key in failed and key in item_types else None
        if key not in failed:
            retry[key] = substituted[key] = raw
        elif bad is not None and isinstance(raw, list):
            # The failed items are known from the error itself: structuring them again to
            # find out would take time exponential in the depth of the nesting.
            positions[key] = [index for index in range(len(raw)) if index not in bad]
            retry[key] = [raw[index] for index in positions[key]]
            stand_ins = _item_stand_ins(failed[key])
            standing[key] = [i for i in range(len(raw)) if i not in bad or i in stand_ins]
            substituted[key] = [stand_ins.get(i, raw[i]) for i in standing[key]]
            for index in bad:
                if index not in stand_ins:
                    lost.update(_ids_in(raw[index]))
        else:
            stand_in = _usable(getattr(failed[key], "stand_in", None))
            if stand_in is not None:
                substituted[key] = stand_in
            else:
                lost.update(_ids_in(raw))
    lost.update(_UNKNOWN_IDS.get() or ())
    lost = _with_bodies(lost)
    if kind is Landscape:
        return _landscape_checks(build, substituted, error, standing, lost), None
    stand_in = _unchecked(kind, substituted, own)
    try:
        build(retry, kind)
    except ClassValidationError as again:
        _, raised_by_init = again.group_exceptions()
        kept_problems = [
            _placed(problem, positions)
            for model_error in raised_by_init
            if isinstance(model_error, ModelError)
            for problem in model_error.problems
            if problem.path.split(".")[0].split("[")[0] not in failed
            or (problem.code == "dangling-reference" and not _about(problem.message, lost))
        ]
        return ([ModelError(kept_problems)] if kept_problems else []), stand_in
    except Exception:
        return [], stand_in
    return [], stand_in


def _landscape_checks(
    build: Callable[[Any, type], Any],
    substituted: dict[str, Any],
    error: ClassValidationError,
    positions: dict[str, list[int]],
    lost: set[str],
) -> list[Exception]:
    """The landscape's own checks, references included, with the stand-ins in place.

    Each problem is placed and, when it follows from what failed, dropped as it is found;
    of the rest, the first the budget allows are kept and the others counted in it.
    """
    reported = {problem.path for problem in explain(error)}
    omitted = set(left_out(error))
    budget = BUDGET.get()

    def select(problem: Problem) -> Problem | None:
        placed = _placed(problem, positions)
        if _within(placed.path, reported):
            return None
        if omitted and _within(placed.path, omitted):
            # Under an item left out beyond the limit: what it says is not known to be a
            # follow-on, nor to be real, so it is neither shown nor counted.
            if budget is not None:
                budget.exact = False
            return None
        if placed.code == "dangling-reference" and _about(placed.message, lost):
            return None
        return placed

    collector = Collector(limit=budget.limit if budget is not None else None, select=select)
    token = COLLECTOR.set(collector)
    try:
        build(substituted, Landscape)
    except ClassValidationError:
        if budget is not None:
            budget.omitted += collector.omitted
        return [ModelError(collector.kept)] if collector.kept else []
    except Exception:
        return []
    finally:
        COLLECTOR.reset(token)
    return []


def _within(path: str, reported: set[str]) -> bool:
    """Whether *path* is one of *reported*, or lies inside one of them."""
    if path in reported:
        return True
    return any(char in ".[" and path[:index] in reported for index, char in enumerate(path))


def _item_stand_ins(error: BaseException) -> dict[int, Any]:
    """The usable stand-ins of the items that failed in a list, by index."""
    if not isinstance(error, IterableValidationError):
        return {}
    item_errors, loose = error.group_exceptions()
    found = {}
    for sub, note in item_errors:
        stand_in = _usable(getattr(sub, "stand_in", None))
        if stand_in is not None and isinstance(note.index, int):
            found[note.index] = stand_in
    for sub in loose:
        if isinstance(sub, Omitted):
            found.update((i, kept) for i, kept in sub.stand_ins.items() if kept is not None)
    return found


def _usable(stand_in: Any) -> Any:
    """The stand-in, unless it has an id that is not text (its id is what failed)."""
    if stand_in is None:
        return None
    if "id" in _required(type(stand_in)) and not isinstance(stand_in.id, str):
        return None
    return stand_in


_REQUIRED: dict[type, frozenset[str]] = {}


def _required(cls: type) -> frozenset[str]:
    """The names of the fields of an attrs class that have no default."""
    cached = _REQUIRED.get(cls)
    if cached is None:
        cached = frozenset(a.name for a in attrs.fields(cls) if a.default is attrs.NOTHING)
        _REQUIRED[cls] = cached
    return cached


def _unchecked(cls: type, table: dict[str, Any], own: Converter) -> Any:
    """An object of *cls* from the fields of *table* that can be read, without its checks.

    A field that cannot be read takes its default; a required one, an empty tuple for a
    list and None otherwise. Only the loader's explanation of a failure uses it, to stand
    in for the object in the checks of what holds it; it never leaves the loader.
    """
    try:
        hints = _hints(cls)
        obj: Any = object.__new__(cls)
        for field in attrs.fields(cls):
            key = field.alias or field.name
            if field.init and key in table:
                try:
                    value = own.structure(table[key], hints[field.name])
                except Exception:
                    value = _default(field, obj, hints[field.name])
            else:
                value = _default(field, obj, hints[field.name])
            object.__setattr__(obj, field.name, value)
    except Exception:
        return None
    return obj


def _default(field: attrs.Attribute[Any], obj: Any, hint: Any) -> Any:
    default: Any = field.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        try:
            return default.factory(obj) if default.takes_self else default.factory()
        except Exception:
            return None
    if default is attrs.NOTHING:
        return () if _is_homogenous_tuple(hint) else None
    return default


_ITEM = re.compile(r"([^.\[\]]+)\[(\d+)\](.*)", re.DOTALL)


def _placed(problem: Problem, positions: dict[str, list[int]]) -> Problem:
    """The problem at its place in the document, from its place in a list with items left out."""
    match = _ITEM.fullmatch(problem.path)
    if match is None or match.group(1) not in positions:
        return problem
    key, index, rest = match.group(1), int(match.group(2)), match.group(3)
    return evolve(problem, path=f"{key}[{positions[key][index]}]{rest}")


def _failed_items(error: BaseException) -> set[int] | None:
    """The indices of the items that failed in a list, or None when the list failed as a whole."""
    if not isinstance(error, IterableValidationError):
        return None
    item_errors, loose = error.group_exceptions()
    left_out = [sub for sub in loose if isinstance(sub, Omitted)]
    if len(left_out) != len(loose):
        return None
    found = {note.index for _, note in item_errors if isinstance(note.index, int)}
    for sub in left_out:
        found.update(sub.stand_ins)
    return found


def _about(message: str, ids: set[str]) -> bool:
    """Tell whether a dangling-reference message is about one of *ids*."""
    return message.startswith("'") and message[1 : message.find("'", 1)] in ids


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    """The type hints of a class, worked out once (it takes long, and classes do not change)."""
    return typing.get_type_hints(cls)


@functools.cache
def _item_types(cls: type) -> dict[str, Any]:
    """The item type of every homogeneous-tuple field of an attrs class."""
    hints = _hints(cls)
    return {name: get_args(hint)[0] for name, hint in hints.items() if _is_homogenous_tuple(hint)}


#: The ids defined under unknown keys of the landscape being structured (None outside one).
_UNKNOWN_IDS: contextvars.ContextVar[set[str] | None] = contextvars.ContextVar(
    "_UNKNOWN_IDS", default=None
)


def _without_references_to(errors: list[Exception], ids: set[str]) -> list[Exception]:
    """The errors without the dangling references to *ids* that their model errors hold."""
    kept: list[Exception] = []
    for error in errors:
        if isinstance(error, ModelError):
            real = [
                p
                for p in error.problems
                if not (p.code == "dangling-reference" and _about(p.message, ids))
            ]
            if real:
                kept.append(ModelError(real) if len(real) < len(error.problems) else error)
        else:
            kept.append(error)
    return kept


def _with_bodies(ids: set[str]) -> set[str]:
    """The ids, with the council and college ids of each (a municipality's bodies)."""
    return ids | {f"{i}-raad" for i in ids} | {f"{i}-college" for i in ids}


def _ids_in(raw: object) -> set[str]:
    """Every value under an ``id`` key anywhere inside raw document data."""
    found: set[str] = set()
    stack = [raw]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if isinstance(item.get("id"), str):
                found.add(item["id"])
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


#: The largest whole number a float holds exactly: floats of whole numbers below it are
#: written as whole numbers, as a person writes them (``baseline = 60``).
_EXACT = 2**53


def _number(value: float | None) -> float | int | None:
    """A float of a whole number as an int (``60.0`` as ``60``); it loads back as the float."""
    if isinstance(value, float) and value.is_integer() and abs(value) < _EXACT:
        return int(value)
    return value


def _make_converter() -> Converter:
    conv = Converter(forbid_extra_keys=True, omit_if_default=True, detailed_validation=False)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(float, _structure_float)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(dt.date, _structure_date)
    conv.register_unstructure_hook(dt.date, _unstructure_date)
    conv.register_structure_hook_factory(_is_term, _term_hook)
    conv.register_unstructure_hook_func(_is_term, _slug)
    conv.register_structure_hook_factory(_is_homogenous_tuple, _tuple_factory)
    conv.register_unstructure_hook_factory(_is_homogenous_tuple, _tuple_unstructure_factory)
    _mapping_guard(conv)
    number = override(unstruct_hook=_number)
    conv.register_unstructure_hook(
        Measurement,
        make_dict_unstructure_fn(Measurement, conv, _cattrs_omit_if_default=True, value=number),
    )
    conv.register_unstructure_hook(
        Indicator,
        make_dict_unstructure_fn(
            Indicator, conv, _cattrs_omit_if_default=True, baseline=number, target=number
        ),
    )
    conv.register_unstructure_hook(
        Landscape,
        make_dict_unstructure_fn(
            Landscape,
            conv,
            _cattrs_omit_if_default=True,
            _index=override(omit=True),
            _cache=override(omit=True),
        ),
    )
    return conv


#: The converter for the fast path: no detailed validation.
converter: Converter = _make_converter()
#: The same configuration with detailed validation, used to explain a failure.
detailed_converter: Converter = converter.copy(detailed_validation=True)

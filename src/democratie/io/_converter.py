"""The one configured cattrs converter for landscape documents.

Configured once, at import, and never rebuilt (building converters repeatedly
grows memory through generated code). Its hooks are strict where cattrs would
coerce: ``"1"`` is not a number, ``1`` is not text, ``"false"`` is not a
boolean, a text is not a list of characters, and an enumeration value must be
one of its slugs.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
from collections.abc import Callable
from typing import Any, get_args, get_origin

import attrs
from cattrs import Converter
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from democratie.errors import ModelError
from democratie.model import Landscape
from democratie.vocab import Term

__all__ = ["Invalid", "converter", "detailed_converter"]

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class Invalid(ValueError):
    """A value of the wrong type or form, with a message for people and a problem code."""

    def __init__(self, message: str, code: str = "wrong-type") -> None:
        super().__init__(message)
        self.message = message
        self.code = code


def _show(value: object) -> str:
    if isinstance(value, dict):
        return "a table of keys and values"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    text = repr(value)
    if len(text) > 40:
        text = text[:37] + "..."
    if isinstance(value, str):
        return f"the text {text}"
    if isinstance(value, (int, float)):
        return f"the number {text}"
    return text


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
        raise Invalid(f"{value} is not a date in the calendar", code="invalid-value") from None


def _unstructure_date(value: dt.date) -> str:
    return value.isoformat()


def _is_term(cls: Any) -> bool:
    return isinstance(cls, type) and issubclass(cls, Term)


def _term_hook(cls: type[Term]) -> Callable[[object, type], Term]:
    by_slug = {member.value: member for member in cls}
    allowed = ", ".join(by_slug)
    what = cls.__name__

    def structure_term(value: object, _: type) -> Term:
        if isinstance(value, str):
            member = by_slug.get(value)
            if member is not None:
                return member
            close = difflib.get_close_matches(value, list(by_slug), n=1, cutoff=0.6)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            raise Invalid(
                f"'{value}' is not a {_words(what)}{hint} Expected one of: {allowed}",
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
    inner = homogenous_tuple_structure_factory(cls, conv)

    def structure_tuple(value: object, kind: type) -> tuple[Any, ...]:
        if not isinstance(value, (list, tuple)):
            raise Invalid(f"expected a list, got {_show(value)}")
        return inner(value, kind)  # type: ignore[no-any-return]

    return structure_tuple


def _mapping_guard(conv: Converter) -> None:
    """Make every attrs class refuse anything but a table before cattrs looks inside.

    With detailed validation, unknown keys are reported *together with* every
    other problem of the same table: the known keys are still structured and
    the object still built, so its own checks run too.
    """

    def factory(cls: type, own: Converter) -> Callable[[object, type], Any]:
        if not own.detailed_validation:
            base: Callable[[Any, type], Any] = own.gen_structure_attrs_fromdict(cls)

            def structure_fast(value: object, kind: type) -> Any:
                if not isinstance(value, dict):
                    raise Invalid(f"expected a table of keys and values, got {_show(value)}")
                return base(value, kind)

            return structure_fast

        lenient: Callable[[Any, type], Any] = make_dict_structure_fn(
            cls, own, _cattrs_forbid_extra_keys=False
        )
        known = frozenset(a.alias or a.name for a in attrs.fields(cls) if a.init)

        def structure_detailed(value: object, kind: type) -> Any:
            if not isinstance(value, dict):
                raise Invalid(f"expected a table of keys and values, got {_show(value)}")
            extra = set(value) - known
            errors: list[Exception] = []
            if extra:
                errors.append(ForbiddenExtraKeysError("", cls, extra))
            good = {k: v for k, v in value.items() if k in known}
            try:
                result = lenient(good, kind)
            except ClassValidationError as error:
                errors.extend(error.exceptions)
                errors.extend(_checks_without(lenient, good, kind, error))
            except Exception as error:
                errors.append(error)
            else:
                if not errors:
                    return result
            raise ClassValidationError(f"While structuring {cls.__name__}", errors, cls)

        return structure_detailed

    conv.register_structure_hook_factory(attrs.has, factory)


def _checks_without(
    build: Callable[[Any, type], Any],
    value: dict[str, Any],
    kind: type,
    error: ClassValidationError,
) -> list[Exception]:
    """Build the object again without the keys that failed, to run its own checks too.

    Only the keys that failed are left out, so this works when they have
    defaults; the problems of the object's own checks about those keys are dropped
    (they were caused by leaving them out).
    """
    with_notes, _ = error.group_exceptions()
    failed = {note.name for _, note in with_notes}
    if not failed:
        return []
    try:
        build({k: v for k, v in value.items() if k not in failed}, kind)
    except ClassValidationError as retry:
        _, raised_by_init = retry.group_exceptions()
        kept = [
            problem
            for model_error in raised_by_init
            if isinstance(model_error, ModelError)
            for problem in model_error.problems
            if problem.path.split(".")[0].split("[")[0] not in failed
        ]
        return [ModelError(kept)] if kept else []
    except Exception:
        return []
    return []


def _make_converter() -> Converter:
    conv = Converter(forbid_extra_keys=True, omit_if_default=True)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(float, _structure_float)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(dt.date, _structure_date)
    conv.register_unstructure_hook(dt.date, _unstructure_date)
    conv.register_structure_hook_factory(_is_term, _term_hook)
    conv.register_unstructure_hook_func(_is_term, lambda member: member.value)
    conv.register_structure_hook_factory(_is_homogenous_tuple, _tuple_factory)
    conv.register_unstructure_hook_func(
        _is_homogenous_tuple, lambda items: [conv.unstructure(item) for item in items]
    )
    _mapping_guard(conv)
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

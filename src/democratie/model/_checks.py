"""Local checks shared by the model classes.

Every model class validates in ``__attrs_post_init__`` by collecting *all* of
its problems first and raising one :class:`~democratie.errors.ModelError`, so a
person fixing a file sees everything wrong with an object at once (attrs'
own validators stop at the first failure).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator

from democratie.errors import ModelError, Problem

__all__ = [
    "ID_PATTERN",
    "MAX_TEXT",
    "check_count",
    "check_id",
    "check_ids",
    "check_text",
    "check_unit",
    "raise_problems",
]

#: What an id looks like: a lowercase slug of letters, digits, ``-``, ``_``, ``.``.
ID_PATTERN = re.compile(r"[a-z0-9](?:[a-z0-9._-]{0,198}[a-z0-9])?")

#: The longest text field accepted, in characters.
MAX_TEXT = 100_000

# Unicode categories Cc (controls) and Cs (surrogates); multiline text may hold \t, \n, \r.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_CONTROL_MULTILINE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def raise_problems(problems: Iterable[Problem]) -> None:
    """Raise a :class:`ModelError` when there is any problem."""
    found = tuple(problems)
    if found:
        raise ModelError(found)


def check_id(value: object, path: str) -> Iterator[Problem]:
    """Check that *value* is an id: a lowercase slug of at most 200 characters."""
    if not isinstance(value, str) or ID_PATTERN.fullmatch(value) is None:
        yield Problem(
            path=path,
            code="invalid-value",
            message=(
                f"{_show(value)} is not a valid id; an id is a lowercase slug of letters, "
                "digits, '-', '_' and '.', starting and ending with a letter or digit "
                "(at most 200 characters), for example 'delft' or 'p-rob-van-den-berg'"
            ),
        )


def check_ids(values: Iterable[object], path: str) -> Iterator[Problem]:
    """Check a list of references: each an id, none repeated."""
    seen: set[object] = set()
    for index, value in enumerate(values):
        yield from check_id(value, f"{path}[{index}]")
        if isinstance(value, str):
            if value in seen:
                yield Problem(
                    path=f"{path}[{index}]",
                    code="invalid-value",
                    message=f"'{value}' is listed twice",
                )
            seen.add(value)


def check_text(
    value: object, path: str, *, multiline: bool = False, required: bool = True
) -> Iterator[Problem]:
    """Check a text field: not blank (when required), no control characters, not too long."""
    if value is None and not required:
        return
    if not isinstance(value, str):
        yield Problem(path=path, code="wrong-type", message=f"expected text, got {_show(value)}")
        return
    if required and not value.strip():
        yield Problem(path=path, code="invalid-value", message="must not be empty")
        return
    if len(value) > MAX_TEXT:
        yield Problem(
            path=path,
            code="invalid-value",
            message=f"is {len(value):,} characters long; at most {MAX_TEXT:,} are accepted",
        )
        return
    found = (_CONTROL_MULTILINE if multiline else _CONTROL).search(value)
    if found is not None:
        yield Problem(
            path=path,
            code="invalid-value",
            message=(
                f"contains the control character U+{ord(found.group()):04X} at position "
                f"{found.start() + 1}; remove it"
            ),
        )


def check_unit(value: float | None, path: str) -> Iterator[Problem]:
    """Check that an optional number lies in the closed interval [0, 1]."""
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        yield Problem(
            path=path,
            code="wrong-type",
            message=f"expected a number from 0 to 1, got {_show(value)}",
        )
    elif math.isnan(value) or not 0.0 <= value <= 1.0:
        yield Problem(
            path=path,
            code="invalid-value",
            message=f"{value} is outside the range 0 to 1",
        )


def check_count(
    value: int | None, path: str, *, minimum: int = 0, maximum: int = 10_000_000
) -> Iterator[Problem]:
    """Check that an optional whole number lies within ``[minimum, maximum]``."""
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        yield Problem(
            path=path, code="wrong-type", message=f"expected a whole number, got {_show(value)}"
        )
    elif not minimum <= value <= maximum:
        yield Problem(
            path=path,
            code="invalid-value",
            message=f"{value} is outside the range {minimum} to {maximum}",
        )


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."

"""Where in a JSON or TOML text the problems that its parser reports without a place are.

Python's ``json`` calls its hooks without a position, so a key written twice or a
``NaN`` would be reported for the whole file; and a number with more digits than Python
converts stops either parser with no place at all. These functions find every such
place by scanning the text once, only after the parser has failed.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator

__all__ = ["duplicate_keys", "line_column", "line_columns", "long_numbers", "non_finite"]

_TOKEN = re.compile(
    r'(?P<string>"(?:[^"\\]|\\.)*")'
    r"|(?P<punct>[{}\[\]:,])"
    r"|(?P<space>\s+)"
    r'|(?P<literal>[^\s{}\[\]:,"]+)'
    r'|(?P<open>")'
)

_NON_FINITE = frozenset({"NaN", "Infinity", "-Infinity"})


def line_column(text: str, offset: int) -> tuple[int, int]:
    r"""The line and column, both from 1, of *offset* in *text*.

    Examples
    --------
    >>> line_column("a\nbc", 3)
    (2, 2)
    """
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def line_columns(text: str, offsets: Iterable[int]) -> list[tuple[int, int]]:
    r"""The line and column of each of *offsets* (in increasing order), in one pass.

    Examples
    --------
    >>> line_columns("a\nbc\nd", [0, 3, 5])
    [(1, 1), (2, 2), (3, 1)]
    """
    found: list[tuple[int, int]] = []
    line, start, at = 1, 0, 0
    for offset in offsets:
        newlines = text.count("\n", at, offset)
        if newlines:
            line += newlines
            start = text.rfind("\n", at, offset) + 1
        at = offset
        found.append((line, offset - start + 1))
    return found


def _key(token: str) -> str:
    try:
        key = json.loads(token)
    except ValueError:
        return token[1:-1]
    return key if isinstance(key, str) else token[1:-1]


def duplicate_keys(text: str) -> Iterator[tuple[str, int]]:
    """Each key that repeats a key of the same JSON object, with its offset in *text*.

    Examples
    --------
    >>> list(duplicate_keys('{"a": 1, "b": {"a": 2}, "a": 3}'))
    [('a', 24)]
    """
    # One entry per open container: the keys seen, or None for a list.
    stack: list[set[str] | None] = []
    expect_key = False
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        token = match.group()
        if kind == "space":
            continue
        if kind == "open":
            return  # an unterminated string: the parser says where
        if kind == "punct":
            if token == "{":
                stack.append(set())
                expect_key = True
            elif token == "[":
                stack.append(None)
                expect_key = False
            elif token in "}]":
                if stack:
                    stack.pop()
                expect_key = False
            elif token == ",":
                expect_key = bool(stack) and stack[-1] is not None
            else:  # ":"
                expect_key = False
            continue
        if kind == "string" and expect_key and stack and stack[-1] is not None:
            key = _key(token)
            keys = stack[-1]
            if key in keys:
                yield key, match.start()
            keys.add(key)
        expect_key = False


def non_finite(text: str) -> Iterator[tuple[str, int]]:
    """Each ``NaN``, ``Infinity`` or ``-Infinity`` of a JSON text, with its offset.

    Examples
    --------
    >>> list(non_finite('{"a": NaN, "b": "NaN", "c": [-Infinity]}'))
    [('NaN', 6), ('-Infinity', 29)]
    """
    for match in _TOKEN.finditer(text):
        if match.lastgroup == "literal" and match.group() in _NON_FINITE:
            yield match.group(), match.start()
        elif match.lastgroup == "open":
            return


def long_numbers(text: str, *, format: str) -> Iterator[tuple[int, int]]:
    """Each number of more digits than Python converts, as (digits, offset).

    The limit is :func:`sys.get_int_max_str_digits` (4,300 unless changed). In JSON only
    numbers count, never digits inside a string; in TOML a run of ASCII digits does.

    Examples
    --------
    >>> list(long_numbers("seats = " + "9" * 5000, format="toml"))
    [(5000, 8)]
    >>> text = '{"id": "' + "7" * 5000 + '", "n": ' + "9" * 5000 + "}"
    >>> list(long_numbers(text, format="json"))
    [(5000, 5016)]
    """
    limit = sys.get_int_max_str_digits()
    if not limit:
        return
    if format == "json":
        for match in _TOKEN.finditer(text):
            if match.lastgroup == "open":
                return
            if match.lastgroup == "literal":
                digits = sum(1 for char in match.group() if "0" <= char <= "9")
                if digits > limit:
                    yield digits, match.start()
        return
    # The look-behind starts a match only where a run of digits starts: linear time.
    for match in re.finditer(rf"(?<![0-9])[0-9]{{{limit + 1},}}", text):
        yield match.end() - match.start(), match.start()

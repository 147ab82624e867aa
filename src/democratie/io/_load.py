"""Read landscape documents (JSON or TOML) with located, complete error reports.

Examples
--------
Every document starts with :data:`FORMAT_VERSION`; :data:`Format` names the two formats;
:data:`MAX_BYTES` and :data:`MAX_DEPTH` bound what is read:

>>> import typing
>>> FORMAT_VERSION, typing.get_args(Format)
('democratie/1', ('json', 'toml'))
>>> MAX_BYTES // 1024 // 1024, MAX_DEPTH, MAX_PROBLEMS
(256, 100, 1000)
>>> loads(f'{{"format": "{FORMAT_VERSION}", "title": "Leusden"}}').title
'Leusden'
>>> loads('{"format": "democratie/1", "title": "Leusden"}', max_bytes=10)
Traceback (most recent call last):
    ...
democratie.errors.LoadError: <text>: the document is 46 bytes, more than the limit of 10; pass a
larger max_bytes to read it anyway
>>> deep = "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1)
>>> try:
...     loads('{"format": "democratie/1", "title": ' + deep + "}")
... except LoadError as error:
...     print(error.problems[0].code)
too-deep
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import json
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, Literal

from democratie.errors import LoadError, Problem
from democratie.io import _locate
from democratie.io._converter import converter, detailed_converter
from democratie.io._explain import explain
from democratie.io._failures import BUDGET, Budget
from democratie.io._legacy import placed
from democratie.model import Landscape
from democratie.model._checks import COLLECTOR, Collector

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

__all__ = [
    "FORMAT_VERSION",
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_PROBLEMS",
    "Format",
    "detect_format",
    "load",
    "load_stream",
    "loads",
    "parse",
]

#: The value of the ``format`` key every landscape document starts with.
FORMAT_VERSION = "democratie/1"
#: The largest document :func:`load` reads unless told otherwise, in bytes (256 MiB).
MAX_BYTES = 256 * 1024 * 1024
#: The deepest nesting of lists and tables :func:`parse` reads. A landscape document
#: needs at most 69 levels (areas nested as deep as the model allows, 32).
MAX_DEPTH = 100
#: The most problems :func:`load` reports unless told otherwise; the rest are counted.
MAX_PROBLEMS = 1000

#: The document formats of the canonical landscape file.
Format = Literal["json", "toml"]

#: The most syntax problems located in one document (every key written twice, every NaN);
#: the parser's first is always among them.
_LOCATED = 1000

_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")
_TEXT = "<text>"
# A lone surrogate in the parsed data comes from the text itself or from a JSON escape.
_SURROGATE_CHAR = re.compile(r"[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_TOML_TABLE = re.compile(r"\[\[?\s*[A-Za-z_][A-Za-z0-9_-]*(?:\s*\.\s*[A-Za-z0-9_-]+)*\s*\]")


def detect_format(name: str | None, text: str | None = None) -> Format:
    """Tell JSON from TOML: by the file suffix, else by the first character of the text.

    Examples
    --------
    >>> detect_format("delft.toml")
    'toml'
    >>> detect_format(None, '  {"format": "democratie/1"}')
    'json'
    """
    if name is not None:
        suffix = Path(name).suffix.lower()
        if suffix == ".json":
            return "json"
        if suffix == ".toml":
            return "toml"
    if text is not None:
        head = text.lstrip()
        if head.startswith("{") or (head.startswith("[") and not _TOML_TABLE.match(head)):
            return "json"
    return "toml"


def load(
    source: str | os.PathLike[str] | bytes,
    *,
    format: Format | None = None,
    max_bytes: int = MAX_BYTES,
    max_problems: int | None = MAX_PROBLEMS,
) -> Landscape:
    """Load a landscape from a file, or from the text of a document.

    Parameters
    ----------
    source
        A path (``str`` or :class:`os.PathLike`), or the document itself as
        ``bytes`` or as a ``str`` that contains a line break or starts with ``{``.
        Use :func:`loads` to pass a one-line text unambiguously.
    format
        ``"json"`` or ``"toml"``; by default taken from the file suffix, or from
        the text (a document starting with ``{`` is JSON).
    max_bytes
        Refuse documents larger than this.
    max_problems
        Report at most this many problems (:data:`MAX_PROBLEMS` by default), and count the
        rest without keeping them, so that a document with a great many mistakes takes
        bounded memory and gives an error that can be read; None for no limit.

    Returns
    -------
    Landscape
        The checked landscape.

    Raises
    ------
    LoadError
        For every failure, and nothing else: the file cannot be read, is not
        UTF-8, is not valid JSON or TOML, or does not describe a valid landscape.
        Its ``problems`` list everything found, each with file, path and (where
        the parser can tell) line, up to *max_problems*; its ``omitted`` says how
        many more were found.

    Examples
    --------
    >>> land = load('{"format": "democratie/1", '
    ...             '"municipalities": [{"id": "delft", "cbs_code": "GM0503"}]}')
    >>> land.get("delft").name
    'Delft'
    >>> load('{"format": "democratie/1", "people": [{"id": "p1"}]}')
    Traceback (most recent call last):
    ...
    democratie.errors.LoadError: <text>: people[0].name: this key is required but missing
    >>> people = ", ".join(f'{{"id": "p{i}", "name": {i}}}' for i in range(5))
    >>> load('{"format": "democratie/1", "people": [' + people + "]}", max_problems=2)
    Traceback (most recent call last):
    ...
    democratie.errors.LoadError: <text>: 5 problems:
      - <text>: people[0].name: expected text, got the number 0
      - <text>: people[1].name: expected text, got the number 1
      ... and 3 more problems not shown (the limit is 2)
    """
    _check_limit(max_problems)
    if isinstance(source, bytes):
        return _load_bytes(source, _TEXT, format, max_bytes, max_problems)
    if isinstance(source, str) and ("\n" in source or source.lstrip().startswith("{")):
        return loads(source, format=format, max_bytes=max_bytes, max_problems=max_problems)
    name = os.fspath(source)
    try:
        size = Path(name).stat().st_size
        if size > max_bytes:
            raise LoadError([_too_large(name, size, max_bytes)], source=name)
        with Path(name).open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except LoadError:
        raise
    except FileNotFoundError:
        problem = Problem(path="", code="io-error", message="there is no such file", file=name)
        raise LoadError([problem], source=name) from None
    except IsADirectoryError:
        problem = Problem(
            path="", code="io-error", message="this is a folder, not a file", file=name
        )
        raise LoadError([problem], source=name) from None
    except ValueError as error:
        # A file name the operating system refuses outright, such as one with a NUL in it.
        problem = Problem(
            path="", code="io-error", message=f"this is not a usable file name: {error}", file=name
        )
        raise LoadError([problem], source=name) from None
    except OSError as error:
        message = f"the file cannot be read: {error.strerror or error}"
        raise LoadError(
            [Problem(path="", code="io-error", message=message, file=name)], source=name
        ) from None
    return _load_bytes(data, name, format, max_bytes, max_problems)


def loads(
    text: str | bytes,
    *,
    format: Format | None = None,
    max_bytes: int = MAX_BYTES,
    source: str = _TEXT,
    max_problems: int | None = MAX_PROBLEMS,
) -> Landscape:
    """Load a landscape from the text of a document.

    Parameters
    ----------
    text
        The document.
    format
        ``"json"`` or ``"toml"``; detected from the text when not given.
    max_bytes
        Refuse documents larger than this.
    source
        The name to give the document in error messages.
    max_problems
        Report at most this many problems; None for no limit. See :func:`load`.

    Raises
    ------
    LoadError
        For every failure; see :func:`load`.

    Examples
    --------
    >>> land = loads('''
    ... format = "democratie/1"
    ... [[municipalities]]
    ... id = "leusden"
    ... cbs_code = "GM0327"
    ... ''')
    >>> land.get("leusden").province
    'Utrecht'
    >>> loads('{"format": "democratie/1", "title": 2}', source="leusden.json")
    Traceback (most recent call last):
        ...
    democratie.errors.LoadError: leusden.json: title: expected text, got the number 2
    """
    _check_limit(max_problems)
    if isinstance(text, bytes):
        return _load_bytes(text, source, format, max_bytes, max_problems)
    text = text.removeprefix("\ufeff")
    if len(text) > max_bytes:
        raise LoadError([_too_large(source, len(text), max_bytes)], source=source)
    doc = parse(text, format=format or detect_format(None, text), source=source)
    return structure(doc, source=source, max_problems=max_problems)


def load_stream(
    stream: IO[bytes],
    *,
    format: Format | None = None,
    max_bytes: int = MAX_BYTES,
    source: str | None = None,
    max_problems: int | None = MAX_PROBLEMS,
) -> Landscape:
    r"""Load a landscape from an open binary file, as :func:`load` loads one from a path.

    Parameters
    ----------
    stream
        The open file; it is read, not closed. When it can tell its size, a file
        larger than *max_bytes* is refused before it is read; in any case no more
        than *max_bytes* (and one byte more, to tell) are read.
    format
        ``"json"`` or ``"toml"``; by default taken from the suffix of *source*, or
        from the text.
    max_bytes
        Refuse documents larger than this.
    source
        The name to give the document in error messages; by default the name of the
        file, or ``"<stream>"``.
    max_problems
        Report at most this many problems; None for no limit. See :func:`load`.

    Raises
    ------
    LoadError
        For every failure; see :func:`load`.

    Examples
    --------
    >>> import io
    >>> stream = io.BytesIO(b'format = "democratie/1"\ntitle = "Delft"\n')
    >>> load_stream(stream, format="toml").title
    'Delft'
    >>> load_stream(io.BytesIO(b'{"format": "democratie/1"}'), max_bytes=10)
    Traceback (most recent call last):
    ...
    democratie.errors.LoadError: <stream>: the document is 11 bytes, more than the limit of 10; ...
    """
    _check_limit(max_problems)
    if source is None:
        given = getattr(stream, "name", None)
        source = given if isinstance(given, str) else "<stream>"
    try:
        size = os.fstat(stream.fileno()).st_size
    except (AttributeError, OSError, ValueError):
        size = None  # a stream in memory, or one without a file behind it
    if size is not None and size > max_bytes:
        raise LoadError([_too_large(source, size, max_bytes)], source=source)
    try:
        data = stream.read(max_bytes + 1)
    except OSError as error:
        message = f"the file cannot be read: {error.strerror or error}"
        raise LoadError(
            [Problem(path="", code="io-error", message=message, file=source)], source=source
        ) from None
    return _load_bytes(data, source, format, max_bytes, max_problems)


def _check_limit(max_problems: int | None) -> None:
    if max_problems is None:
        return
    if type(max_problems) is not int or max_problems < 1:
        message = f"max_problems must be a whole number above 0, or None, not {max_problems!r}"
        raise ValueError(message)


def _load_bytes(
    data: bytes, name: str, format: Format | None, max_bytes: int, max_problems: int | None
) -> Landscape:
    if len(data) > max_bytes:
        raise LoadError([_too_large(name, len(data), max_bytes)], source=name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        problem = Problem(
            path="",
            code="encoding",
            message=(
                f"the file is not valid UTF-8: byte 0x{data[error.start]:02X} at offset "
                f"{error.start} cannot be decoded; save the file as UTF-8"
            ),
            file=name,
            line=line,
            column=column,
        )
        raise LoadError([problem], source=name) from None
    doc = parse(
        text, format=format or detect_format(None if name == _TEXT else name, text), source=name
    )
    return structure(doc, source=name, max_problems=max_problems)


def _too_large(name: str, size: int, limit: int) -> Problem:
    return Problem(
        path="",
        code="too-large",
        message=(
            f"the document is {size:,} bytes, more than the limit of {limit:,}; "
            "pass a larger max_bytes to read it anyway"
        ),
        file=name,
    )


def parse(text: str, *, format: Format, source: str = _TEXT) -> Any:
    r"""Parse JSON or TOML text into plain Python data, raising :class:`LoadError` on bad syntax.

    JSON is read strictly: ``NaN`` and ``Infinity`` are refused, and so is a key
    that appears twice in the same object. In both formats, lists and tables
    nested more than :data:`MAX_DEPTH` levels deep are refused, and so is text
    holding a lone surrogate (half of a character, as a JSON ``\ud800`` escape
    can give), which no UTF-8 file can hold.

    Examples
    --------
    >>> parse('{"title": "Delft"}', format="json")
    {'title': 'Delft'}
    >>> parse('{"title": "\\ud800"}', format="json")
    Traceback (most recent call last):
    ...
    democratie.errors.LoadError: <text>: title: the text holds a lone surrogate: ...
    """
    try:
        with _collector_paused():
            if format == "json":
                doc = json.loads(
                    text, object_pairs_hook=_no_duplicate_keys, parse_constant=_no_constant
                )
            else:
                doc = tomllib.loads(text)
    except json.JSONDecodeError as error:
        problem = Problem(
            path="",
            code="syntax",
            message=f"this is not valid JSON: {error.msg}",
            file=source,
            line=error.lineno,
            column=error.colno,
        )
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        match = _TOML_POSITION.search(message)
        line = column = None
        if match is not None:
            line, column = int(match.group(1)), int(match.group(2))
            message = _TOML_POSITION.sub("", message).strip()
        problem = Problem(
            path="",
            code="syntax",
            message=f"this is not valid TOML: {message}",
            file=source,
            line=getattr(error, "lineno", line),
            column=getattr(error, "colno", column),
        )
    except (_DuplicateKey, _NonFinite) as error:
        located, more = _unreadable_json(text, error, source)
        raise LoadError(located, source=source, omitted=more, limit=_LOCATED) from None
    except RecursionError:
        problem = Problem(
            path="", code="too-deep", message="the document is nested too deeply", file=source
        )
    except ValueError as error:
        # What the parsers raise beyond their own errors: a number with more digits than
        # Python converts (int max_str_digits), and the like.
        limit = sys.get_int_max_str_digits()
        numbers = list(itertools.islice(_locate.long_numbers(text, format=format), _LOCATED))
        long = [
            Problem(
                path="",
                code="too-large",
                message=(
                    f"a number of {digits:,} digits is more than the {limit:,} digits a "
                    "number may have here; write it as text if it is an identifier"
                ),
                file=source,
                line=line,
                column=column,
            )
            for (digits, _), (line, column) in zip(
                numbers,
                _locate.line_columns(text, [offset for _, offset in numbers]),
                strict=True,
            )
        ]
        if long:
            raise LoadError(long, source=source) from None
        problem = Problem(
            path="",
            code="syntax",
            message=f"this is not a readable {format.upper()} document: {error}",
            file=source,
        )
    else:
        found = _too_deep(doc)
        if not found and _may_hold_surrogates(text):
            found = list(_lone_surrogates(doc))
        if not found:
            return doc
        raise LoadError([p.in_file(source) for p in found], source=source)
    raise LoadError([problem], source=source)


def _may_hold_surrogates(text: str) -> bool:
    """Whether parsing *text* may have given a lone surrogate: a quick test of the text."""
    if _SURROGATE_ESCAPE.search(text) is not None:
        return True
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _too_deep(doc: Any) -> list[Problem]:
    """A problem at the first list or table nested deeper than :data:`MAX_DEPTH`, if any."""
    level = [doc] if type(doc) in (dict, list) else []
    depth = 1
    while level and depth <= MAX_DEPTH:
        inner: list[Any] = []
        keep = inner.append
        for node in level:
            for value in node.values() if type(node) is dict else node:
                kind = type(value)
                if kind is dict or kind is list:
                    keep(value)
        level = inner
        depth += 1
    if not level:
        return []
    # Too deep: walk down again, this time keeping the path, to say where.
    stack: list[tuple[Any, str, int]] = [(doc, "", 1)]
    while stack:
        node, path, depth = stack.pop()
        if depth > MAX_DEPTH:
            break
        items = list(node.items() if isinstance(node, dict) else enumerate(node))
        stack.extend(
            (value, _child(path, key), depth + 1)
            for key, value in reversed(items)
            if isinstance(value, (dict, list))
        )
    return [
        Problem(
            path=path,
            code="too-deep",
            message=(
                f"the document is nested too deeply: lists and tables go more than "
                f"{MAX_DEPTH} levels deep here"
            ),
        )
    ]


def _lone_surrogates(doc: Any) -> Iterator[Problem]:
    """A problem for every text and key that holds a lone surrogate."""
    stack: list[tuple[Any, str]] = [(doc, "")]
    while stack:
        node, path = stack.pop()
        if isinstance(node, str):
            if _SURROGATE_CHAR.search(node) is not None:
                yield _surrogate_problem(path, "the text")
        elif isinstance(node, (dict, list)):
            items = list(node.items() if isinstance(node, dict) else enumerate(node))
            for key, value in reversed(items):
                if isinstance(key, str) and _SURROGATE_CHAR.search(key) is not None:
                    shown = key.encode("utf-8", "backslashreplace").decode("ascii", "replace")
                    yield _surrogate_problem(path, f"the key '{shown}'")
                else:
                    stack.append((value, _child(path, key)))


def _surrogate_problem(path: str, what: str) -> Problem:
    return Problem(
        path=path,
        code="encoding",
        message=(
            f"{what} holds a lone surrogate: half of a character, which no UTF-8 file "
            "can hold (a JSON escape such as \\ud800 without its other half); "
            "correct the text"
        ),
    )


def _child(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def _unreadable_json(text: str, error: ValueError, source: str) -> tuple[list[Problem], int]:
    """Every key written twice and every non-finite number of *text*, each at its place.

    *error* is what the parser stopped at; when the text cannot be scanned for the
    places (it is not JSON enough), that one problem is given without a place.
    """
    found: list[tuple[int, str]] = []
    more = 0
    # Both scans go in the order of the text; past the limit, places are counted only.
    for key, offset in _locate.duplicate_keys(text):
        if len(found) < _LOCATED:
            found.append((offset, f"the key '{key}' appears twice in the same object; keep one"))
        else:
            more += 1
    for constants, (constant, offset) in enumerate(_locate.non_finite(text), start=1):
        found.append((offset, f"{constant} is not a number JSON allows; write a finite number"))
        if constants >= _LOCATED:
            more += sum(1 for _ in _locate.non_finite(text)) - constants
            break
    found.sort()
    more += max(0, len(found) - _LOCATED)
    found = found[:_LOCATED]
    problems = [
        Problem(path="", code="syntax", message=message, file=source, line=line, column=column)
        for (_, message), (line, column) in zip(
            found, _locate.line_columns(text, [offset for offset, _ in found]), strict=True
        )
    ]
    if problems:
        return problems, more
    if isinstance(error, _DuplicateKey):
        message = f"the key '{error.key}' appears twice in the same object; keep one"
    else:
        message = f"{error} is not a number JSON allows; write a finite number"
    return [Problem(path="", code="syntax", message=message, file=source)], 0


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


class _NonFinite(ValueError):
    def __init__(self, constant: str) -> None:
        super().__init__(constant)
        self.constant = constant


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return result


def _no_constant(constant: str) -> Any:
    raise _NonFinite(constant)


def structure(
    doc: Any, *, source: str = _TEXT, max_problems: int | None = MAX_PROBLEMS
) -> Landscape:
    """Turn parsed data into a checked :class:`Landscape`, or raise :class:`LoadError`.

    The fast path structures without detailed validation; only when that fails
    is the document structured again with the detailed converter, to find and
    locate every problem: at most *max_problems* of them (None for no limit), the
    rest counted in the error's ``omitted`` without being kept.

    Examples
    --------
    >>> structure({"format": "democratie/1", "title": "Leusden"}).title
    'Leusden'
    >>> structure({"format": "democratie/1", "people": [{"id": "p1"}]}, source="people.json")
    Traceback (most recent call last):
        ...
    democratie.errors.LoadError: people.json: people[0].name: this key is required but missing
    >>> people = [{"id": f"p{i}"} for i in range(3)]
    >>> try:
    ...     structure({"format": "democratie/1", "people": people}, max_problems=1)
    ... except LoadError as error:
    ...     print(len(error.problems), error.omitted)
    1 2
    """
    _check_limit(max_problems)
    problems = list(_check_envelope(doc))
    if problems:
        raise LoadError([p.in_file(source) for p in problems], source=source)
    body = {key: value for key, value in doc.items() if key != "format"}
    # The fast path only needs to know that the landscape fails: its checks stop at the
    # first problem. The detailed pass keeps up to the limit and counts the rest.
    first = COLLECTOR.set(Collector(limit=1, stop=True))
    try:
        with _collector_paused():
            return converter.structure(body, Landscape)
    except Exception:  # any failure is explained by the detailed pass below
        pass
    finally:
        COLLECTOR.reset(first)
    budget = Budget(limit=max_problems)
    collector = Collector(limit=max_problems)
    token = BUDGET.set(budget)
    collecting = COLLECTOR.set(collector)
    try:
        detailed_converter.structure(body, Landscape)
    except RecursionError:
        found: list[Problem] = [
            Problem(path="", code="too-deep", message="the document is nested too deeply")
        ]
        beyond = 0
    except Exception as error:
        found, beyond = _collect(error, body, max_problems)
    else:  # pragma: no cover - the two converters share every hook
        found = [
            Problem(path="", message="the document could not be read (internal inconsistency)")
        ]
        beyond = 0
    finally:
        COLLECTOR.reset(collecting)
        BUDGET.reset(token)
    raise LoadError(
        [p.in_file(source) for p in found],
        source=source,
        omitted=budget.omitted + collector.omitted + beyond,
        omitted_exact=budget.exact,
        limit=max_problems,
    )


def _collect(error: Exception, body: Any, limit: int | None) -> tuple[list[Problem], int]:
    """The first *limit* problems of a failure, without repeats, and how many more there are."""
    kept: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    beyond = 0
    for found in explain(error):
        problem = placed(found, body)
        key = (problem.path, problem.message)
        if key in seen:
            continue
        if limit is not None and len(kept) >= limit:
            beyond += 1
            continue
        seen.add(key)
        kept.append(problem)
    return kept, beyond


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many objects at once.

    Parsed documents and model objects form no reference cycles, so the
    collector's passes during a bulk parse or load find nothing and only cost
    time (about half of it for a national landscape). It is switched back on
    afterwards, also when loading fails, if it was on before.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _check_envelope(doc: Any) -> Iterator[Problem]:
    if not isinstance(doc, dict):
        yield Problem(
            path="",
            code="wrong-type",
            message="a landscape document is a table of keys and values at the top",
        )
        return
    version = doc.get("format")
    if version is None:
        yield Problem(
            path="format",
            code="format-version",
            message=f'the document must start with format = "{FORMAT_VERSION}"',
        )
    elif version != FORMAT_VERSION:
        yield Problem(
            path="format",
            code="format-version",
            message=f'this library reads format "{FORMAT_VERSION}", not {version!r}',
        )

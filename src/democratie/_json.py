"""orjson as an optional accelerator of JSON text, with the standard library's exact bytes.

The canonical JSON of a landscape (:func:`democratie.dumps`) and the node-link export are the
text of ``json.dumps(obj, ensure_ascii=False, indent=2, allow_nan=False)``. With an indent the
standard library encodes in pure Python: half a second for a sixteenth of the synthetic nation,
where orjson takes 0.03 s. When orjson is installed (``pip install democratie[orjson]``),
:func:`dumps` writes with it and still gives the standard library's text, byte for byte:

- what orjson refuses (integers beyond 64 bits, strings with lone surrogates, keys that are not
  exactly ``str``, subclasses of ``str``, ``int``, ``list`` and ``dict``, dates, dataclasses and
  anything else it would hand to a ``default``) the standard library writes, or refuses with its
  own exception;
- orjson writes some floats its own way: ``0.00001`` and ``1e-7`` where Python writes ``1e-05``
  and ``1e-07`` (and, up to orjson 3.10, ``1e16`` for ``1e+16``). Each of these takes a form the
  scan of orjson's output looks for (``.0000``, or an exponent without Python's sign or padding),
  and each is rewritten as :func:`repr` writes it: orjson's digits are the shortest that give
  the same float back, so the float read from them is the float written;
- orjson writes NaN and the infinities as ``null`` where the standard library (with
  ``allow_nan=False``) raises ValueError, and it writes enum members, UUIDs and its own
  fragments, which the standard library refuses (or, for an enum that mixes in ``str`` or
  ``int``, writes by content rather than by value). A walk over the values finds these, and the
  standard library then writes the document or raises. A caller whose document cannot hold an
  enum member, a UUID or a fragment says so with ``plain=True``, and the walk is skipped unless
  a ``null`` in the output might be a NaN.

Before it is first used, orjson writes a probe of floats over the whole range of exponents,
integers at the edges of 64 bits, control characters, nesting and empty containers; if the text
differs from the standard library's in a way this module does not rewrite, orjson is not used.

Set the environment variable ``DEMOCRATIE_ORJSON=0`` to write with the standard library even when
orjson is installed. It is read at every call, so it can be changed while a program runs.
"""

from __future__ import annotations

import importlib
import json
import math
import os
import re
from collections.abc import Callable, Iterable
from types import ModuleType
from typing import Any, NamedTuple, NoReturn

__all__ = ["accelerated", "dumps", "dumps_known", "rewritten"]


def dumps(obj: object, *, plain: bool = False) -> str:
    """Return the text ``json.dumps(obj, ensure_ascii=False, indent=2, allow_nan=False)`` writes.

    The text ends with a newline. It is written with orjson when that is installed and
    :func:`accelerated`, and is the same, byte for byte, as when the standard library writes it;
    so are the exceptions.

    Parameters
    ----------
    obj
        The document.
    plain
        Promise that *obj* holds no enum member, UUID or ``orjson.Fragment``, as the plain
        data a cattrs converter unstructures to does not. The walk over every value that
        otherwise rules them out is skipped, unless the text holds a ``null`` that might have
        been a NaN.

    Returns
    -------
    str
        The JSON text, two spaces of indent, non-ASCII characters as they are.

    Raises
    ------
    TypeError
        For a value the standard library cannot encode.
    ValueError
        For a float that is NaN or infinite, or a circular reference.

    Examples
    --------
    >>> print(dumps({"power": 1e-05, "labels": ["één", "twee"], "empty": {}}), end="")
    {
      "power": 1e-05,
      "labels": [
        "één",
        "twee"
      ],
      "empty": {}
    }
    """
    encoder = _encoder() if _switched_on() else None
    if encoder is not None:
        text = _encode(encoder, obj, plain=plain)
        if text is not None:
            return text
    return _standard(obj)


def dumps_known(obj: object, *, rewrite: bool) -> str:
    """Return :func:`dumps` of plain data that the caller has gone over value by value.

    The caller promises what ``plain=True`` promises, and that *obj* holds no NaN and no
    infinity (so a ``null`` in the text is a None); *rewrite* says whether it holds a float
    that :func:`rewritten` picks out. Then nothing in the text needs looking for but those
    floats: a large text is not scanned for ``null`` or, without such a float, at all.

    Examples
    --------
    >>> data = {"power": 1e-05, "labels": ["één"]}
    >>> dumps_known(data, rewrite=any(map(rewritten(), [1e-05]))) == dumps(data)
    True
    """
    encoder = _encoder() if _switched_on() else None
    if encoder is not None:
        try:
            data: bytes = encoder.module.dumps(obj, default=_refuse, option=encoder.options)
        except TypeError:  # orjson.JSONEncodeError: json writes it, or raises its own exception
            return _standard(obj)
        if rewrite:
            data = _rewrite_floats(data, encoder.patterns)
        return data.decode()
    return _standard(obj)


def rewritten() -> Callable[[float], bool]:
    """Return the test of the floats orjson writes otherwise than the standard library does.

    For :func:`dumps_known`: ``0.00001`` and ``1e-7``, and with orjson 3.10 and earlier
    ``1e16`` and larger (see the module's description). Without orjson, none.

    Examples
    --------
    >>> rewritten()(0.5)
    False
    """
    encoder = _encoder() if _switched_on() else None
    if encoder is None:
        return _never
    large = encoder.large

    def test(value: float) -> bool:
        size = abs(value)
        return 0.0 < size < 1e-4 or (large and size >= 1e16)

    return test


def _never(value: float) -> bool:
    return False


def accelerated() -> bool:
    """Whether :func:`dumps` writes with orjson: installed, agreeing, and not switched off.

    Examples
    --------
    Whichever writes it, the text is the same; ``DEMOCRATIE_ORJSON=0`` switches orjson off:

    >>> import os
    >>> text = dumps({"title": "Samenleving Voorop", "share": 0.00001})
    >>> os.environ["DEMOCRATIE_ORJSON"] = "0"
    >>> accelerated()
    False
    >>> dumps({"title": "Samenleving Voorop", "share": 0.00001}) == text
    True
    >>> del os.environ["DEMOCRATIE_ORJSON"]
    """
    return _switched_on() and _encoder() is not None


def _switched_on() -> bool:
    return os.environ.get("DEMOCRATIE_ORJSON", "1") != "0"


def _standard(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


# -- the encoder ------------------------------------------------------------------------------


class _Encoder(NamedTuple):
    module: ModuleType
    options: int
    #: The scans that find every float orjson writes differently from repr.
    patterns: tuple[re.Pattern[bytes], ...]
    #: Whether floats of 1e16 and more are among them (orjson 3.10 and earlier).
    large: bool


_ENCODER: _Encoder | bool | None = False  # False: not looked for yet

# 1e-5 <= |x| < 1e-4 written positionally ("0.00001"), and a negative exponent of one digit
# ("1e-7"): Python writes both with a padded exponent ("1e-05", "1e-07").
_SMALL = (re.compile(rb"\.0000"), re.compile(rb"e-[0-9][,\n]"))
# A positive exponent without its sign ("1e16"), where Python writes "1e+16".
_LARGE = re.compile(rb"e[0-9]+[,\n]")
_FLOAT = re.compile(rb"-?[0-9]+(?:\.[0-9]+(?:e[-+]?[0-9]+)?|e[-+]?[0-9]+)")
_NULL = re.compile(rb"null[,\n]")
_SPACE, _COMMA, _NEWLINE = b" "[0], b","[0], b"\n"[0]


def _encoder() -> _Encoder | None:
    global _ENCODER
    if _ENCODER is False:
        _ENCODER = _load()
    return _ENCODER if isinstance(_ENCODER, _Encoder) else None


def _load() -> _Encoder | None:
    try:
        module = importlib.import_module("orjson")
    except ImportError:
        return None
    expected = _standard(_PROBE)
    try:
        options = (
            module.OPT_INDENT_2
            | module.OPT_APPEND_NEWLINE
            | module.OPT_PASSTHROUGH_SUBCLASS
            | module.OPT_PASSTHROUGH_DATACLASS
            | module.OPT_PASSTHROUGH_DATETIME
        )
        large = module.dumps(1e16) != b"1e+16"
        patterns = (*_SMALL, _LARGE) if large else _SMALL
        encoder = _Encoder(module, options, patterns, large)
        found = {_encode(encoder, _PROBE, plain=plain) for plain in (False, True)}
    except Exception:  # an orjson this module does not know: leave the work to json
        return None
    return encoder if found == {expected} else None


def _probe() -> dict[str, Any]:
    floats = [float(f"{m}e{e}") for e in range(-323, 308) for m in ("1", "-2.5", "7.0001")]
    extremes = [0.0, -0.0, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308]
    return {
        "floats": [*floats, *extremes, 0.1, 1 / 3, 2.0**53, 123456789.125],
        "integers": [0, -1, 2**53 + 1, 2**63 - 1, -(2**63), 2**64 - 1],
        "text": '\x00\x08\x1f\x7f\x80\u2028\u2029 "\\/ é €\U0001f600\ufeff',
        "": [[], {}, "", [[{}]], (1, "2"), None, True, False],
    }


_PROBE = _probe()


def _refuse(obj: object) -> NoReturn:
    raise TypeError


def _encode(encoder: _Encoder, obj: object, *, plain: bool) -> str | None:
    """The text with orjson, or None when the standard library must write it."""
    try:
        data: bytes = encoder.module.dumps(obj, default=_refuse, option=encoder.options)
    except TypeError:  # orjson.JSONEncodeError: json writes it, or raises its own exception
        return None
    if plain and not _has_null(data):
        rewrite = True
    else:
        verdict = _survey(obj, large=encoder.large)
        if verdict is None:
            return None
        rewrite = verdict
    if rewrite:
        data = _rewrite_floats(data, encoder.patterns)
    return data.decode()


_LEAVES = frozenset({str, int, bool, type(None)})
_CONTAINERS = frozenset({dict, list, tuple})
_KNOWN = _LEAVES | _CONTAINERS | {float}


def _survey(obj: object, *, large: bool) -> bool | None:
    """Walk the values orjson wrote: None if json must write them, else whether to rewrite floats.

    orjson has written *obj*, so its depth is finite and the walk ends. Values of exactly the
    JSON types need no more than a look at their type; floats are checked one by one.
    """
    rewrite = False
    stack: list[Any] = [(obj,)]
    while stack:
        node = stack.pop()
        values: Iterable[Any] = node.values() if type(node) is dict else node
        kinds = set(map(type, values))
        if kinds <= _LEAVES:
            continue
        if not kinds <= _KNOWN:
            return None
        for value in values:
            kind = type(value)
            if kind is float:
                size = abs(value)
                if not math.isfinite(size):
                    return None
                if 0.0 < size < 1e-4 or (large and size >= 1e16):
                    rewrite = True
            elif kind in _CONTAINERS:
                stack.append(value)
    return rewrite


def _has_null(data: bytes) -> bool:
    """Whether the text holds a ``null`` token (not the word inside a string).

    With an indent every value ends its line and follows a space (or starts the text), and a
    string holds no raw newline, so ``null`` so placed is a token.
    """
    for match in _NULL.finditer(data):
        start, end = match.start(), match.end()
        if (start == 0 or data[start - 1] == _SPACE) and (
            data[end - 1] == _NEWLINE or data[end : end + 1] == b"\n"
        ):
            return True
    return False


def _rewrite_floats(data: bytes, patterns: tuple[re.Pattern[bytes], ...]) -> bytes:
    """Rewrite the float tokens on the lines where a pattern matches as repr writes them.

    Every value ends its line (before a comma, if one follows) and follows a space or starts
    the text; strings end with a quote. So the last token of a line that a pattern matches in
    is a float only if it is one, and the float orjson wrote is ``float(token)``.
    """
    tokens: dict[int, int] = {}
    for pattern in patterns:
        for match in pattern.finditer(data):
            end = data.index(b"\n", match.start())
            if data[end - 1] == _COMMA:
                end -= 1
            tokens[data.rfind(b" ", 0, end) + 1] = end
    pieces: list[bytes] = []
    done = 0
    for start in sorted(tokens):
        end = tokens[start]
        if _FLOAT.fullmatch(data, start, end):
            pieces += (data[done:start], repr(float(data[start:end])).encode("ascii"))
            done = end
    if not pieces:
        return data
    pieces.append(data[done:])
    return b"".join(pieces)

"""Small helpers for what the command line prints."""

from __future__ import annotations

import json
import re
import sys
import time
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

__all__ = ["echo", "echo_json", "plain", "progress_shown", "shown", "status", "table"]

#: Whether :func:`status` shows progress: None for "when on a terminal".
_shown: list[bool | None] = [None]


# Characters a terminal must not receive as they are: controls but the line break and the
# tab, format characters (category Cf), line and paragraph separators, lone surrogates.
_ESCAPED_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})
_PRINTABLE = re.compile(r"[\x20-\x7e\n\t]*")


def _escape(char: str) -> str:
    if char in "\n\t" or unicodedata.category(char) not in _ESCAPED_CATEGORIES:
        return char
    code = ord(char)
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000  # as JSON writes a character beyond the first plane: a surrogate pair
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def plain(text: str) -> str:
    r"""*text* as a terminal may show it: every invisible character written as an escape.

    Format characters (a right-to-left mark, a zero-width joiner: a name may hold them),
    controls other than the line break and the tab, line and paragraph separators and
    lone surrogates are written as ``\uXXXX``, as JSON writes them, so that a name can
    neither reorder nor hide what the terminal shows around it, and JSON output stays
    JSON that reads back the same.

    Examples
    --------
    >>> print(plain("Sara" + chr(0x200F) + " (3)"))
    Sara\u200f (3)
    >>> print(plain("Delft, Zuid-Holland"))
    Delft, Zuid-Holland
    >>> print(plain("a" + chr(0x1B) + "[31mb" + chr(0xE0001)))
    a\u001b[31mb\udb40\udc01
    """
    if _PRINTABLE.fullmatch(text):
        return text
    return "".join(_escape(char) for char in text)


def echo(message: str = "", *, err: bool = False, nl: bool = True) -> None:
    """Print *message* on standard output (or error), with :func:`plain`.

    Examples
    --------
    >>> echo("Sara" + chr(0x200F))
    Sara\u200f
    """
    click.echo(plain(message), err=err, nl=nl)


def shown(path: Path) -> str:
    """The path relative to the working directory when it lies below it.

    Examples
    --------
    Below the working directory (here the repository), a path is shown relative to it:

    >>> shown(Path("examples/leusden-samenleving-voorop.toml").resolve())
    'examples/leusden-samenleving-voorop.toml'
    >>> shown(Path("/somewhere/else/land.toml"))
    '/somewhere/else/land.toml'
    """
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def echo_json(data: Any) -> None:
    """Print *data* as indented JSON (UTF-8, keys in the order given).

    Examples
    --------
    >>> echo_json({"file": "leusden.toml", "valid": True, "problems": []})
    {
      "file": "leusden.toml",
      "valid": true,
      "problems": []
    }
    """
    echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def table(rows: Sequence[Sequence[str]], headers: Sequence[str]) -> str:
    """Lay out *rows* as a plain text table with a header line.

    Examples
    --------
    >>> print(table([["leusden", "0.75"], ["stichtse-vecht", "1.00"]], ["subject", "score"]))
    subject         score
    --------------  -----
    leusden         0.75
    stichtse-vecht  1.00
    """
    rows = [[plain(cell) for cell in row] for row in rows]
    headers = [plain(header) for header in headers]
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines.extend(
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows
    )
    return "\n".join(lines)


@contextmanager
def progress_shown(shown: bool | None) -> Iterator[None]:
    """Within this block, :func:`status` shows progress (True), never (False), or by default.

    Examples
    --------
    >>> import contextlib, io
    >>> with contextlib.redirect_stderr(io.StringIO()) as err, progress_shown(True):
    ...     with status("Scoring 3 subjects"):
    ...         pass
    >>> err.getvalue().startswith("Scoring 3 subjects ... ")
    True
    """
    _shown.append(shown)
    try:
        yield
    finally:
        _shown.pop()


@contextmanager
def status(message: str) -> Iterator[None]:
    """Show what is being done on the terminal, with the time it took.

    Quiet when standard output is not a terminal (piped, redirected, in CI), so
    machine-readable output stays clean, unless :func:`progress_shown` says otherwise.

    Examples
    --------
    On a terminal it prints ``Scoring ... 0.1 s`` on standard error; here, with the output
    captured, it says nothing:

    >>> with status("Scoring"):
    ...     total = sum(range(10))
    >>> total
    45
    """
    live = _shown[-1]
    if live is None:
        live = sys.stdout.isatty() and sys.stderr.isatty()
    if live:
        echo(f"{message} ...", err=True, nl=False)
    start = time.perf_counter()
    try:
        yield
    finally:
        if live:
            echo(f" {time.perf_counter() - start:.1f} s", err=True)

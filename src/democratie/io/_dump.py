"""Write landscapes as canonical JSON or TOML, deterministically."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import tomli_w

from democratie._atomic import write_atomic
from democratie._json import dumps as json_text
from democratie.io._converter import converter
from democratie.io._load import FORMAT_VERSION, Format, detect_format
from democratie.model import Landscape

__all__ = ["dump", "dumps", "unstructure"]


def unstructure(landscape: Landscape) -> dict[str, Any]:
    """Return the landscape as plain data: the document :func:`dumps` writes, before encoding.

    Keys come in a fixed order (the format version first, then the fields in
    the order the model declares them); values equal to their defaults are
    left out; dates are ISO strings and vocabulary values their slugs.

    Examples
    --------
    >>> from democratie.model import Landscape, Municipality
    >>> unstructure(Landscape(municipalities=(Municipality(id="delft", cbs_code="GM0503"),)))
    {'format': 'democratie/1', 'municipalities': [{'id': 'delft', 'cbs_code': 'GM0503'}]}
    """
    body: dict[str, Any] = converter.unstructure(landscape)
    return {"format": FORMAT_VERSION, **body}


def dumps(landscape: Landscape, *, format: Format = "json") -> str:
    """Return the landscape as the text of a JSON or TOML document.

    The same landscape always gives the same text, byte for byte, and
    :func:`democratie.load` of that text gives an equal landscape.

    Examples
    --------
    >>> from democratie.model import Landscape, Municipality
    >>> print(dumps(Landscape(municipalities=(Municipality(id="delft", cbs_code="GM0503"),)),
    ...             format="toml"))
    format = "democratie/1"
    municipalities = [
        { id = "delft", cbs_code = "GM0503" },
    ]
    <BLANKLINE>
    """
    writer = _WRITERS.get(format)
    if writer is None:
        message = f"unknown format {format!r}; expected 'json' or 'toml'"
        raise ValueError(message)
    return writer(unstructure(landscape))


def _json(doc: dict[str, Any]) -> str:
    # The converter unstructures to plain data: vocabulary terms become their slugs and dates
    # their ISO strings, so no enum member, UUID or orjson fragment is left to look for.
    return json_text(doc, plain=True)


_WRITERS: dict[str, Callable[[dict[str, Any]], str]] = {"json": _json, "toml": tomli_w.dumps}


def dump(
    landscape: Landscape,
    destination: str | os.PathLike[str] | None = None,
    *,
    format: Format | None = None,
) -> str:
    """Write the landscape to a file (atomically), or just return its text.

    Parameters
    ----------
    landscape
        What to write.
    destination
        The file to write; None to only return the text.
    format
        ``"json"`` or ``"toml"``; by default from the destination's suffix, JSON
        when there is none.

    Returns
    -------
    str
        The text of the document.

    Raises
    ------
    WriteError
        When the file cannot be written; a previous file at that place is left
        as it was.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> from democratie.model import Landscape
    >>> land = Landscape(title="Leusden")
    >>> print(dump(land, format="toml"), end="")
    format = "democratie/1"
    title = "Leusden"
    >>> folder = tempfile.TemporaryDirectory()
    >>> text = dump(land, Path(folder.name) / "leusden.json")
    >>> (Path(folder.name) / "leusden.json").read_text("utf-8") == text
    True
    >>> folder.cleanup()
    """
    if format is None:
        format = "json" if destination is None else detect_format(os.fspath(destination), "{")
    text = dumps(landscape, format=format)
    if destination is not None:
        write_atomic(Path(destination), text.encode("utf-8"))
    return text

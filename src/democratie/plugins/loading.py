"""Load a landscape in any format the registered plugins can read.

:func:`load` is what ``democratie.load`` is: the canonical JSON and TOML
documents go to :func:`democratie.io.load`; any other format (Open
Raadsinformatie, Popolo, or one a plugin adds) goes to the importer that
recognises it, or to the one named with ``format=``.

A plugin whose ``democratie_importers`` hook fails is reported as a
:class:`~democratie.plugins.PluginWarning` and its importers are left out, as
everywhere else; with ``strict=True`` it raises a
:class:`~democratie.plugins.PluginError` instead.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any, NoReturn

from democratie.errors import LoadError, Problem
from democratie.formats import HEAD_BYTES, Importer
from democratie.io import MAX_BYTES
from democratie.io import load as load_document
from democratie.model import Landscape
from democratie.plugins.api import importers
from democratie.plugins.manager import DemocratiePluginManager, get_plugin_manager

__all__ = ["load"]

_CANONICAL = frozenset({"json", "toml"})


def load(
    source: str | os.PathLike[str] | bytes,
    *,
    format: str | None = None,
    options: Mapping[str, Any] | None = None,
    max_bytes: int = MAX_BYTES,
    plugin_manager: DemocratiePluginManager | None = None,
    strict: bool = False,
) -> Landscape:
    """Load a landscape from a file (or text) in any format a registered plugin reads.

    Parameters
    ----------
    source
        A path, or the text of a canonical document (see :func:`democratie.io.load`).
    format
        ``"json"`` or ``"toml"`` for the canonical document; the name of an
        importer (``"ori"``, ``"popolo"``, ...) for another format. By default
        the format is recognised: a ``.toml`` file or a document that declares
        ``format = "democratie/1"`` is canonical; otherwise the importers are
        asked, and the one that recognises the file reads it.
    options
        Options for the importer.
    max_bytes
        Refuse canonical documents larger than this.
    plugin_manager
        The plugin manager to ask for importers; the shared one by default.
    strict
        Raise a :class:`~democratie.plugins.PluginError` when a plugin fails
        (its ``democratie_importers`` hook raises or returns something that is
        not a list of importers, or it could not be loaded at all), instead of
        warning and leaving its importers out.

    Raises
    ------
    LoadError
        For every failure of the file or its document: the file cannot be
        read, no importer of that name exists, several importers recognise the
        file, an importer fails on it, or the document is not valid.
    PluginError
        With ``strict=True``, when any plugin failed.

    Examples
    --------
    >>> import democratie
    >>> democratie.load("examples/leusden-samenleving-voorop.toml").get("leusden").name
    'Leusden'
    >>> try:
    ...     democratie.load("examples/leusden-samenleving-voorop.toml", format="csv")
    ... except democratie.LoadError as error:
    ...     print(error.problems[0].code)
    unknown-format
    """
    if isinstance(source, bytes) or (
        isinstance(source, str) and ("\n" in source or source.lstrip().startswith("{"))
    ):
        if format is not None and format not in _CANONICAL:
            _fail("<text>", "io-error", "give a path to read a file in an importer's format")
        _check_loaded(plugin_manager, strict)
        return load_document(source, format=format, max_bytes=max_bytes)  # type: ignore[arg-type]
    if format in _CANONICAL:
        _check_loaded(plugin_manager, strict)
        return load_document(source, format=format, max_bytes=max_bytes)  # type: ignore[arg-type]
    name = os.fspath(source)
    path = Path(name)
    available = importers(plugin_manager=plugin_manager, strict=strict)
    if format is not None:
        chosen = [item for item in available if item.name == format]
        if not chosen:
            known = ", ".join(sorted({*_CANONICAL, *(item.name for item in available)}))
            _fail(name, "unknown-format", f"there is no format '{format}' to read; known: {known}")
        return _read(chosen[0], path, options or {})
    if path.suffix.lower() == ".toml":
        return load_document(path, max_bytes=max_bytes)
    head = _head(path)
    if head is None or _is_canonical(head):
        return load_document(path, max_bytes=max_bytes)
    recognised = [item for item in available if _detects(item, head)]
    if len(recognised) == 1:
        return _read(recognised[0], path, options or {})
    if len(recognised) > 1:
        names = ", ".join(item.name for item in recognised)
        _fail(
            name, "unknown-format", f"several importers recognise this file ({names}); pass format="
        )
    return load_document(path, max_bytes=max_bytes)


def _check_loaded(plugin_manager: DemocratiePluginManager | None, strict: bool) -> None:
    """With *strict*, raise for a plugin that failed to load, though no importer is asked."""
    if strict:
        manager = plugin_manager if plugin_manager is not None else get_plugin_manager()
        manager.report([], strict=True)


def _head(path: Path) -> bytes | None:
    try:
        with path.open("rb") as handle:
            return handle.read(HEAD_BYTES)
    except ValueError as error:
        _unusable(str(path), error)
    except OSError:
        return None  # the canonical loader reports the file problem, located


def _is_canonical(head: bytes) -> bool:
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    return "democratie/" in text[:4096] or not text.startswith(("{", "["))


def _detects(importer: Importer, head: bytes) -> bool:
    try:
        return bool(importer.detect(head))
    except Exception:
        return False


def _read(importer: Importer, path: Path, options: Mapping[str, Any]) -> Landscape:
    name = str(path)
    stream: IO[Any]
    try:
        stream = path.open("rb") if importer.binary else path.open(encoding="utf-8")
    except ValueError as error:
        _unusable(name, error)
    except FileNotFoundError:
        _fail(name, "io-error", "there is no such file")
    except OSError as error:
        _fail(name, "io-error", f"the file cannot be read: {error.strerror or error}")
    try:
        with stream:
            result = importer.load(stream, options)
    except LoadError:
        raise
    except FileNotFoundError:
        _fail(name, "io-error", "there is no such file")
    except UnicodeDecodeError as error:
        _fail(name, "encoding", f"the file is not valid UTF-8 ({error.reason})")
    except OSError as error:
        _fail(name, "io-error", f"the file cannot be read: {error.strerror or error}")
    except Exception as error:
        _fail(
            name,
            "importer-failed",
            f"the importer '{importer.name}' failed: {type(error).__name__}: {error}",
        )
    if not isinstance(result, Landscape):
        _fail(
            name,
            "importer-failed",
            f"the importer '{importer.name}' returned {type(result).__name__}, not a Landscape",
        )
    return result


def _fail(name: str, code: str, message: str) -> NoReturn:
    raise LoadError([Problem(path="", code=code, message=message, file=name)], source=name)


def _unusable(name: str, error: ValueError) -> NoReturn:
    # A name the operating system refuses outright, such as one with a NUL in it.
    _fail(name, "io-error", f"this is not a usable file name: {error}")

"""Load a landscape in any format the registered plugins can read.

:func:`load` is what ``democratie.load`` is: a file goes to the importer named
with ``format=``, or to the one that recognises it (the landscape document in
JSON or TOML, Open Raadsinformatie, Popolo, or a format a plugin adds); a file
that none recognises is read as a landscape document, for its located problems.
A document given as text is a landscape document, read by
:func:`democratie.io.load`.

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
from democratie.io import MAX_BYTES, MAX_PROBLEMS, detect_format
from democratie.io import load as load_document
from democratie.model import Landscape
from democratie.plugins.api import importers_by_plugin
from democratie.plugins.manager import DemocratiePluginManager, get_plugin_manager

__all__ = ["load"]

_CANONICAL = frozenset({"json", "toml"})


def load(
    source: str | os.PathLike[str] | bytes,
    *,
    format: str | None = None,
    options: Mapping[str, Any] | None = None,
    max_bytes: int = MAX_BYTES,
    max_problems: int | None = MAX_PROBLEMS,
    plugin_manager: DemocratiePluginManager | None = None,
    strict: bool = False,
) -> Landscape:
    """Load a landscape from a file (or text) in any format a registered plugin reads.

    Parameters
    ----------
    source
        A path, or the text of a canonical document (see :func:`democratie.io.load`).
    format
        The name of the importer to read the file with: ``"json"`` or ``"toml"``
        for the landscape document, ``"ori"``, ``"popolo"`` or one a plugin adds.
        By default a ``.toml`` file is read by the ``"toml"`` importer; any other
        file by the importer that recognises its first bytes, or, when none does,
        as a landscape document in JSON or TOML (by its suffix, else by its first
        character). For a document given as text, ``"json"`` or ``"toml"``.
    options
        Options for the importer.
    max_bytes
        Refuse documents larger than this; given to the importer as its option
        ``max_bytes``, unless *options* holds one.
    max_problems
        Report at most this many problems of a landscape document, and count the rest
        (see :func:`democratie.io.load`); None for no limit. Given to the importer as
        its option ``max_problems``, unless *options* holds one.
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
        read, no importer of that name exists (or none for the landscape
        document), several importers recognise the file, an importer fails on
        it, or the document is not valid.
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
        return load_document(
            source,
            format=format,  # type: ignore[arg-type]
            max_bytes=max_bytes,
            max_problems=max_problems,
        )
    name = os.fspath(source)
    path = Path(name)
    offered = importers_by_plugin(plugin_manager, strict=strict)
    available = tuple(item for _, item in offered)
    given = {"max_bytes": max_bytes, "max_problems": max_problems, **(options or {})}
    if format is not None:
        chosen = [item for item in available if item.name == format]
        if not chosen:
            known = ", ".join(sorted(item.name for item in available)) or "none"
            _fail(name, "unknown-format", f"there is no format '{format}' to read; known: {known}")
        return _read(chosen[0], path, given)
    if path.suffix.lower() == ".toml":
        return _read(_document_importer(available, "toml", name), path, given)
    head = _head(path)
    recognised: list[Importer] = []
    if head is not None:
        failed = []
        for plugin, item in offered:
            try:
                if item.detect(head):
                    recognised.append(item)
            except Exception as error:  # a plugin's bug, reported by name, not a crash
                failed.append((plugin, item, error))
        if failed:
            _report_detect_failures(plugin_manager, failed, name, strict=strict)
    if len(recognised) == 1:
        return _read(recognised[0], path, given)
    if len(recognised) > 1:
        names = ", ".join(item.name for item in recognised)
        _fail(
            name, "unknown-format", f"several importers recognise this file ({names}); pass format="
        )
    text = None if head is None else head.decode("utf-8", errors="replace").removeprefix("\ufeff")
    return _read(_document_importer(available, detect_format(name, text), name), path, given)


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
        return None  # reading the file again reports the problem, located


def _document_importer(available: tuple[Importer, ...], format: str, name: str) -> Importer:
    """The importer of the landscape document in *format*, which reads what no other does."""
    found = [item for item in available if item.name == format]
    if not found:
        known = ", ".join(sorted(item.name for item in available)) or "none"
        _fail(
            name,
            "unknown-format",
            f"there is no '{format}' importer to read this file as a landscape document; "
            f"known: {known}",
        )
    return found[0]


def _report_detect_failures(
    plugin_manager: DemocratiePluginManager | None,
    failed: list[tuple[str, Importer, Exception]],
    name: str,
    *,
    strict: bool,
) -> None:
    """Warn of each importer whose ``detect()`` raised on *name*; with *strict*, raise."""
    manager = plugin_manager if plugin_manager is not None else get_plugin_manager()
    problems = [
        manager.problem(
            plugin,
            "detect-failed",
            f"the importer {item.name!r} raised while telling whether it reads {name}, and "
            f"was passed over for it: {type(error).__name__}: {error}",
        )
        for plugin, item, error in failed
    ]
    manager.report(problems, strict=strict)


def _read(importer: Importer, path: Path, options: Mapping[str, Any]) -> Landscape:
    name = str(path)
    stream: IO[Any]
    try:
        stream = path.open("rb") if importer.binary else path.open(encoding="utf-8")
    except ValueError as error:
        _unusable(name, error)
    except FileNotFoundError:
        _fail(name, "io-error", "there is no such file")
    except IsADirectoryError:
        _fail(name, "io-error", "this is a folder, not a file")
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

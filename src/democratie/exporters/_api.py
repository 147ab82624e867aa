"""Export a landscape: pick the exporter, build the graph when needed, write atomically.

Examples
--------
The formats that ship with ``democratie``, in the order plugins list them:

>>> [exporter.name for exporter in BUILTIN_EXPORTERS]
['json', 'toml', 'popolo', 'graphml', 'gexf', 'node-link', 'csv', 'ics']
"""

from __future__ import annotations

import difflib
import io
import os
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from democratie.exporters._common import ExportError
from democratie.exporters._write import write_file, write_folder
from democratie.exporters.canonical import JsonExporter, TomlExporter
from democratie.exporters.gexf import GexfExporter
from democratie.exporters.graphml import GraphmlExporter
from democratie.exporters.ics import IcsExporter
from democratie.exporters.nodelink import NodeLinkExporter
from democratie.exporters.popolo import PopoloExporter
from democratie.exporters.tables import CsvExporter
from democratie.formats import Exporter, FolderExporter
from democratie.graph import StakeholderGraph, build_graph
from democratie.model import Landscape

__all__ = ["BUILTIN_EXPORTERS", "export", "export_bytes", "get_exporter"]

#: The built-in exporters, in the order they are offered.
BUILTIN_EXPORTERS: tuple[Exporter, ...] = (
    JsonExporter(),
    TomlExporter(),
    PopoloExporter(),
    GraphmlExporter(),
    GexfExporter(),
    NodeLinkExporter(),
    CsvExporter(),
    IcsExporter(),
)

GraphBuilder = Callable[[Landscape], StakeholderGraph]


def get_exporter(format: str | Exporter, exporters: Iterable[Exporter] | None = None) -> Exporter:
    """Return the exporter of a format, by its name.

    Parameters
    ----------
    format
        The format's name (``"graphml"``), or an exporter, which is returned as it is.
    exporters
        The exporters to choose from; the built-in ones (:data:`BUILTIN_EXPORTERS`)
        by default. :func:`democratie.plugins.exporters` gives those of every plugin.

    Raises
    ------
    ExportError
        When no exporter has that name; the message lists the names and suggests the
        nearest.

    Examples
    --------
    >>> get_exporter("gexf").title
    'GEXF 1.2: the stakeholder graph (Gephi)'
    >>> try:
    ...     get_exporter("gefx")
    ... except ExportError as error:
    ...     print(error)
    unknown format 'gefx'; did you mean 'gexf'? The formats are: json, toml, popolo, graphml, \
gexf, node-link, csv, ics
    """
    if not isinstance(format, str):
        return format
    chosen = tuple(BUILTIN_EXPORTERS if exporters is None else exporters)
    for exporter in chosen:
        if exporter.name == format:
            return exporter
    names = [exporter.name for exporter in chosen]
    near = difflib.get_close_matches(format, names, n=1)
    hint = f"; did you mean {near[0]!r}?" if near else ";"
    message = f"unknown format {format!r}{hint} The formats are: {', '.join(names)}"
    raise ExportError(message, format=format)


class _Sink(io.BytesIO):
    """A buffer that keeps its bytes when an exporter closes it against the protocol."""

    def close(self) -> None:
        """Keep the buffer open: the bytes are read after the exporter returns."""


def _render(
    exporter: Exporter,
    landscape: Landscape,
    graph: StakeholderGraph | None,
    options: Mapping[str, Any],
) -> bytes:
    sink = _Sink()
    if exporter.binary:
        exporter.export(landscape, graph, sink, options)
        return sink.getvalue()
    stream = io.TextIOWrapper(sink, encoding="utf-8", newline="\n", write_through=True)
    exporter.export(landscape, graph, stream, options)
    stream.flush()
    data = sink.getvalue()
    stream.detach()
    return data


def _prepare(
    landscape: Landscape,
    format: str | Exporter,
    include_private: bool,
    graph: StakeholderGraph | None,
    options: Mapping[str, Any] | None,
    exporters: Iterable[Exporter] | None,
    graph_builder: GraphBuilder | None,
) -> tuple[Exporter, StakeholderGraph | None, dict[str, Any]]:
    exporter = get_exporter(format, exporters)
    chosen: dict[str, Any] = {**(options or {}), "include_private": include_private}
    if exporter.needs_graph:
        if graph is None:
            graph = (graph_builder or build_graph)(landscape)
    else:
        graph = None
    return exporter, graph, chosen


def export_bytes(
    landscape: Landscape,
    format: str | Exporter,
    *,
    include_private: bool = False,
    graph: StakeholderGraph | None = None,
    options: Mapping[str, Any] | None = None,
    exporters: Iterable[Exporter] | None = None,
    graph_builder: GraphBuilder | None = None,
) -> bytes:
    """Return the export of a landscape as bytes, without writing a file.

    Takes the same arguments as :func:`export` but the destination. A format whose
    output can be a folder gives what it writes to a file: ``"csv"`` a zip archive of
    its files, ``"ics"`` one calendar with every dated meeting.

    Examples
    --------
    >>> import democratie
    >>> land = democratie.loads('''
    ... format = "democratie/1"
    ... [[municipalities]]
    ... id = "leusden"
    ... cbs_code = "GM0327"
    ... ''')
    >>> export_bytes(land, "graphml")[:38]
    b'<?xml version="1.0" encoding="UTF-8"?>'
    >>> export_bytes(land, "csv", options={"generated": "2025-03-01"})[:2]
    b'PK'
    """
    exporter, chosen_graph, chosen = _prepare(
        landscape, format, include_private, graph, options, exporters, graph_builder
    )
    return _render(exporter, landscape, chosen_graph, chosen)


def _check_suffix(exporter: Exporter, target: Path, exporters: Iterable[Exporter]) -> None:
    """Refuse a destination whose suffix says another format than the one written.

    ``--format toml --output land.json`` would write TOML into a file every reader takes
    for JSON; a suffix no exporter uses (``.txt``, none at all) is left to the caller.
    """
    suffix = target.suffix.lower()
    if not suffix or suffix in exporter.suffixes:
        return
    others = [other.name for other in exporters if suffix in other.suffixes]
    if not others:
        return
    own = ", ".join(exporter.suffixes) or "no suffix of its own"
    message = (
        f"{target.name} ends in {suffix}, the suffix of {', '.join(others)} files, but the "
        f"format is {exporter.name} ({own}); name the file with "
        f"{exporter.suffixes[0] if exporter.suffixes else 'another suffix'}, or choose the "
        f"format {others[0]}"
    )
    raise ExportError(message, format=exporter.name)


def export(
    landscape: Landscape,
    format: str | Exporter,
    destination: str | os.PathLike[str],
    *,
    include_private: bool = False,
    graph: StakeholderGraph | None = None,
    options: Mapping[str, Any] | None = None,
    exporters: Iterable[Exporter] | None = None,
    graph_builder: GraphBuilder | None = None,
) -> Path:
    """Write a landscape in a format to a file, or to a folder of files.

    The whole export is made in memory first and then written to a temporary file (or
    folder) beside the destination, which is moved into place: a failed export never
    leaves half a file behind and never replaces a good one. The same landscape and
    options give the same bytes, every time.

    Parameters
    ----------
    landscape
        What to export.
    format
        The format's name: ``"json"`` and ``"toml"`` (the landscape document),
        ``"popolo"`` (Popolo JSON), ``"graphml"``, ``"gexf"`` and ``"node-link"``
        (the stakeholder graph), ``"csv"`` (tables with a data card), ``"ics"`` (the
        dated meetings as an iCalendar file); or the name of a format a plugin adds
        (pass its exporters in *exporters*), or an exporter.
    destination
        The file to write. For ``"csv"``, a folder to create (or to replace, when it
        holds an earlier export and nothing else), or a ``.zip`` file. For ``"ics"``,
        a ``.ics`` file with every dated meeting, or such a folder with one calendar
        per initiative and network (``<id>.ics``).
    include_private
        Write contact details (e-mail addresses, phone numbers). Off by default:
        exports are usually meant for others.
    graph
        The landscape's stakeholder graph, when you have built (or enriched) it
        already; by default it is built when the format needs it.
    options
        Options of the format (see each exporter): ``licence``, ``generated`` and
        ``scores`` for ``"csv"``.
    exporters
        The exporters to choose the format from; by default the built-in ones.
    graph_builder
        What builds the graph when it is needed and not given;
        :func:`democratie.graph.build_graph` by default.

    Returns
    -------
    Path
        The destination.

    Raises
    ------
    ExportError
        For an unknown format, an option with a wrong value, or a destination that
        cannot take this export (a folder for a file format, a folder holding other
        files, a file name ending in another format's suffix, as ``land.json`` for TOML).
    WriteError
        When the file or folder cannot be written; what was there is left as it was.

    Examples
    --------
    >>> import democratie, tempfile
    >>> from pathlib import Path
    >>> land = democratie.loads('''
    ... format = "democratie/1"
    ... [[municipalities]]
    ... id = "leusden"
    ... cbs_code = "GM0327"
    ... ''')
    >>> folder = Path(tempfile.mkdtemp())
    >>> export(land, "gexf", folder / "leusden.gexf").name
    'leusden.gexf'
    >>> tables = export(land, "csv", folder / "leusden-csv", options={"licence": "CC0 1.0"})
    >>> sorted(path.name for path in tables.iterdir())
    ['README.md', 'edges.csv', 'indicators.csv', 'initiatives.csv', 'measurements.csv', 'nodes.csv',
    'roles.csv', 'scores.csv']
    """
    exporter, chosen_graph, chosen = _prepare(
        landscape, format, include_private, graph, options, exporters, graph_builder
    )
    target = Path(destination)
    _check_suffix(exporter, target, BUILTIN_EXPORTERS if exporters is None else exporters)
    if isinstance(exporter, FolderExporter) and target.suffix.lower() not in exporter.suffixes:
        files = exporter.files(landscape, chosen_graph, chosen)
        bad = [name for name in files if name != Path(name).name or name in {"", ".", ".."}]
        if bad:
            message = f"the exporter {exporter.name!r} names files outside its folder: {bad}"
            raise ExportError(message, format=exporter.name)
        return write_folder(target, files, replaceable=exporter.file_names | set(files))
    return write_file(target, _render(exporter, landscape, chosen_graph, chosen))

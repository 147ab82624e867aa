"""Export a landscape in any format the registered plugins can write.

:func:`export` is what ``democratie.export`` is: it picks the exporter by name
among those the plugins offer (the built-in ones are offered the same way) and
builds the stakeholder graph with the plugins' enrichments when the format needs it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from democratie.exporters import Exporter
from democratie.exporters import export as export_with
from democratie.graph import StakeholderGraph
from democratie.model import Landscape
from democratie.plugins.api import build_graph, exporters
from democratie.plugins.manager import DemocratiePluginManager

__all__ = ["export"]


def export(
    landscape: Landscape,
    format: str | Exporter,
    destination: str | os.PathLike[str],
    *,
    include_private: bool = False,
    graph: StakeholderGraph | None = None,
    options: Mapping[str, Any] | None = None,
    plugin_manager: DemocratiePluginManager | None = None,
    strict: bool = False,
) -> Path:
    """Write *landscape* in *format* to *destination*, atomically and deterministically.

    Parameters
    ----------
    landscape
        What to export.
    format
        The name of a format a registered plugin writes: the built-in ``json``,
        ``toml``, ``popolo``, ``graphml``, ``gexf``, ``node-link``, ``csv`` and
        ``ics``, or one a plugin adds; or an exporter object.
    destination
        The file (or, for ``csv`` and ``ics``, a folder; see
        :func:`democratie.exporters.export`) to write.
    include_private
        Write contact details (e-mail addresses, phone numbers); off by default.
    graph
        The stakeholder graph when you have it; built (and enriched by the
        plugins) when the format needs it.
    options
        Options of the format.
    plugin_manager
        The plugin manager to ask for exporters; the shared one by default.
    strict
        Raise a :class:`~democratie.plugins.PluginError` when a plugin fails.

    Returns
    -------
    Path
        The destination.

    Raises
    ------
    democratie.exporters.ExportError
        For an unknown format or an unusable destination or option.
    democratie.errors.WriteError
        When writing fails; what was there is left as it was.

    Examples
    --------
    >>> import democratie, tempfile
    >>> from pathlib import Path
    >>> land = democratie.load("examples/leusden-samenleving-voorop.toml")
    >>> target = Path(tempfile.mkdtemp()) / "leusden.graphml"
    >>> democratie.export(land, "graphml", target).name
    'leusden.graphml'
    """
    return export_with(
        landscape,
        format,
        destination,
        include_private=include_private,
        graph=graph,
        options=options,
        exporters=exporters(plugin_manager=plugin_manager, strict=strict),
        graph_builder=lambda land: build_graph(land, plugin_manager=plugin_manager, strict=strict),
    )

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

from democratie.analysis import Analysis
from democratie.errors import WriteError
from democratie.exporters import Exporter, ExportError, get_exporter
from democratie.exporters import export as export_with
from democratie.graph import StakeholderGraph
from democratie.model import Landscape
from democratie.plugins.api import _exporters_with_plugins, _manager, analyse, build_graph
from democratie.plugins.manager import DEFAULT_PLUGINS, DemocratiePluginManager, _describe
from democratie.plugins.problems import PluginError

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
    analysis: Analysis | None = None,
    time_budget: float | None = None,
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
        Raise a :class:`~democratie.plugins.PluginError` when a plugin fails to
        load or to offer its exporters, instead of warning and leaving them out.
    analysis
        For a format that shows scores (an exporter with ``needs_analysis``,
        such as ``csv``): the landscape's analysis, when it is computed already;
        by default :func:`democratie.analyse` makes it, so every registered rule
        is scored. It is given to the exporter as the option ``analysis``.
    time_budget
        When the export scores: the most seconds one rule may take on one
        subject (see :func:`democratie.scoring.run`).

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
    PluginError
        When the exporter of a plugin fails (raises anything but an
        :class:`~democratie.exporters.ExportError`): the problem names the plugin,
        with the code ``"exporter-failed"``, and nothing is written.

    Examples
    --------
    >>> import democratie, tempfile
    >>> from pathlib import Path
    >>> land = democratie.load("examples/leusden-samenleving-voorop.toml")
    >>> target = Path(tempfile.mkdtemp()) / "leusden.graphml"
    >>> democratie.export(land, "graphml", target).name
    'leusden.graphml'
    """
    manager = _manager(plugin_manager)
    offered = _exporters_with_plugins(manager, strict)
    exporter = get_exporter(format, [item for _, item in offered])
    plugin = next((name for name, item in offered if item is exporter), None)
    chosen = dict(options or {})
    if getattr(exporter, "needs_analysis", False) is True and "analysis" not in chosen:
        if analysis is None:
            analysis = analyse(
                landscape,
                graph=graph,
                plugin_manager=manager,
                strict=strict,
                time_budget=time_budget,
            )
        chosen["analysis"] = analysis
    if analysis is not None and graph is None and exporter.needs_graph:
        graph = analysis.graph
    try:
        return export_with(
            landscape,
            exporter,
            destination,
            include_private=include_private,
            graph=graph,
            options=chosen,
            graph_builder=lambda land: build_graph(land, plugin_manager=manager, strict=strict),
        )
    except (ExportError, WriteError, PluginError):
        raise
    except BaseException as error:
        if isinstance(error, KeyboardInterrupt) or plugin is None or plugin in DEFAULT_PLUGINS:
            raise
        problem = manager.problem(
            plugin,
            "exporter-failed",
            f"its exporter {exporter.name!r} failed: {_describe(error)}; nothing was written",
            hook="democratie_exporters",
        )
        raise PluginError([problem]) from error

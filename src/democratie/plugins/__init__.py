"""Plugins: the hooks, the plugin manager, and the plugin-aware functions users call.

``democratie`` is extended through `pluggy <https://pluggy.readthedocs.io>`_
hooks (project name and entry-point group ``democratie``), specified in
:mod:`democratie.plugins.hookspecs`: plugins offer exporters, importers and
scoring rules, enrich the stakeholder graph, and add validation findings. The
built-in scoring rules are themselves a plugin
(:mod:`democratie.plugins.builtin_rules`), registered through the same hook.

The functions :func:`score`, :func:`validate` and :func:`build_graph` gather
what the plugins offer and call the layers below, which know nothing of plugins.

Examples
--------
>>> from democratie.plugins import hookimpl, list_plugins
>>> sorted(p.name for p in list_plugins() if p.origin == "builtin")
['democratie.plugins.builtin_exporters', 'democratie.plugins.builtin_importers',
 'democratie.plugins.builtin_rules']
"""

from democratie.formats import (
    HEAD_BYTES,
    Exporter,
    Importer,
    check_exporter_attributes,
    check_importer_attributes,
)
from democratie.plugins._markers import ENTRY_POINT_GROUP, PROJECT_NAME, hookimpl, hookspec
from democratie.plugins.api import (
    analyse,
    build_graph,
    enrich_graph,
    exporters,
    importers,
    score,
    scoring_rules,
    validate,
)
from democratie.plugins.exporting import export
from democratie.plugins.findings import SEVERITIES, Finding, Severity
from democratie.plugins.loading import load
from democratie.plugins.manager import (
    DEFAULT_PLUGINS,
    DemocratiePluginManager,
    Origin,
    PluginInfo,
    get_plugin_manager,
    list_plugins,
    make_plugin_manager,
)
from democratie.plugins.problems import PluginError, PluginProblem, PluginWarning

__all__ = [
    "DEFAULT_PLUGINS",
    "ENTRY_POINT_GROUP",
    "HEAD_BYTES",
    "PROJECT_NAME",
    "SEVERITIES",
    "DemocratiePluginManager",
    "Exporter",
    "Finding",
    "Importer",
    "Origin",
    "PluginError",
    "PluginInfo",
    "PluginProblem",
    "PluginWarning",
    "Severity",
    "analyse",
    "build_graph",
    "check_exporter_attributes",
    "check_importer_attributes",
    "enrich_graph",
    "export",
    "exporters",
    "get_plugin_manager",
    "hookimpl",
    "hookspec",
    "importers",
    "list_plugins",
    "load",
    "make_plugin_manager",
    "score",
    "scoring_rules",
    "validate",
]

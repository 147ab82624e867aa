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

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
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

#: Where each name comes from; imported on first use, so that importing a plugin's own
#: module (or :mod:`democratie.plugins.problems`) does not load networkx and the layers.
_LAZY: dict[str, str] = {
    "DEFAULT_PLUGINS": "democratie.plugins.manager",
    "DemocratiePluginManager": "democratie.plugins.manager",
    "ENTRY_POINT_GROUP": "democratie.plugins._markers",
    "Exporter": "democratie.formats",
    "Finding": "democratie.plugins.findings",
    "HEAD_BYTES": "democratie.formats",
    "Importer": "democratie.formats",
    "Origin": "democratie.plugins.manager",
    "PROJECT_NAME": "democratie.plugins._markers",
    "PluginError": "democratie.plugins.problems",
    "PluginInfo": "democratie.plugins.manager",
    "PluginProblem": "democratie.plugins.problems",
    "PluginWarning": "democratie.plugins.problems",
    "SEVERITIES": "democratie.plugins.findings",
    "Severity": "democratie.plugins.findings",
    "analyse": "democratie.plugins.api",
    "build_graph": "democratie.plugins.api",
    "check_exporter_attributes": "democratie.formats",
    "check_importer_attributes": "democratie.formats",
    "enrich_graph": "democratie.plugins.api",
    "export": "democratie.plugins.exporting",
    "exporters": "democratie.plugins.api",
    "get_plugin_manager": "democratie.plugins.manager",
    "hookimpl": "democratie.plugins._markers",
    "hookspec": "democratie.plugins._markers",
    "importers": "democratie.plugins.api",
    "list_plugins": "democratie.plugins.manager",
    "load": "democratie.plugins.loading",
    "make_plugin_manager": "democratie.plugins.manager",
    "score": "democratie.plugins.api",
    "scoring_rules": "democratie.plugins.api",
    "validate": "democratie.plugins.api",
}


if not TYPE_CHECKING:  # type checkers see the imports above, so typos stay errors

    def __getattr__(name: str) -> object:
        """Import a name of the package the first time it is used."""
        if name not in _LAZY:
            message = f"module {__name__!r} has no attribute {name!r}"
            raise AttributeError(message)
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


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

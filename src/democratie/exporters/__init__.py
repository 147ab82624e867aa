"""Exporters: write a landscape, or its stakeholder graph, in formats other tools read.

:func:`export` writes a landscape in a format to a file (or, for ``"csv"`` and
``"ics"``, to a folder): atomically, deterministically, and without contact details unless
``include_private=True``. :func:`export_bytes` gives the bytes instead.

=============  ===================================================================
format         what it is
=============  ===================================================================
``json``       the landscape document, canonical JSON (:mod:`~democratie.exporters.canonical`)
``toml``       the landscape document, canonical TOML
``popolo``     Popolo JSON: persons, organizations, memberships, areas, events
               (:mod:`~democratie.exporters.popolo`)
``graphml``    the stakeholder graph for Cytoscape, yEd and igraph
               (:mod:`~democratie.exporters.graphml`)
``gexf``       the stakeholder graph for Gephi (:mod:`~democratie.exporters.gexf`)
``node-link``  the stakeholder graph as node-link JSON for the web
               (:mod:`~democratie.exporters.nodelink`)
``csv``        tidy tables with a data card (:mod:`~democratie.exporters.tables`)
``ics``        the dated meetings as an iCalendar (RFC 5545) file, or a folder of them,
               one per initiative and network (:mod:`~democratie.exporters.ics`)
=============  ===================================================================

The built-in exporters are offered to the plugin system through the
``democratie_exporters`` hook by :mod:`democratie.plugins.builtin_exporters`, as a plugin's
exporters are; this layer itself knows nothing of plugins.

Examples
--------
>>> import democratie
>>> from democratie.exporters import export_bytes
>>> land = democratie.loads('''
... format = "democratie/1"
... [[municipalities]]
... id = "leusden"
... cbs_code = "GM0327"
... ''')
>>> import json
>>> graph = json.loads(export_bytes(land, "node-link"))
>>> [(node["id"], node["kind"]) for node in graph["nodes"]]
[('leusden', 'municipality'), ('leusden-raad', 'council'), ('leusden-college', 'college')]
"""

from democratie.exporters._api import BUILTIN_EXPORTERS, export, export_bytes, get_exporter
from democratie.exporters._common import LIST_SEPARATOR, PRIVATE_ATTRIBUTES, ExportError
from democratie.exporters.canonical import JsonExporter, TomlExporter
from democratie.exporters.gexf import GexfExporter
from democratie.exporters.graphml import GraphmlExporter
from democratie.exporters.ics import IcsExporter
from democratie.exporters.nodelink import NodeLinkExporter
from democratie.exporters.popolo import PopoloExporter
from democratie.exporters.tables import CsvExporter
from democratie.formats import Exporter, FolderExporter

__all__ = [
    "BUILTIN_EXPORTERS",
    "LIST_SEPARATOR",
    "PRIVATE_ATTRIBUTES",
    "CsvExporter",
    "ExportError",
    "Exporter",
    "FolderExporter",
    "GexfExporter",
    "GraphmlExporter",
    "IcsExporter",
    "JsonExporter",
    "NodeLinkExporter",
    "PopoloExporter",
    "TomlExporter",
    "export",
    "export_bytes",
    "get_exporter",
]

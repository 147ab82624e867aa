"""Node-link JSON: the stakeholder graph for web visualisation (d3, sigma.js, vis.js).

The document is the one :func:`networkx.node_link_data` describes, with the edges
under ``links``: ``directed``, ``multigraph``, ``graph`` (its ``title``), ``nodes``
(each with its ``id`` and attributes) and ``links`` (each with ``source``,
``target``, ``key`` and attributes). Read it back with
``networkx.node_link_graph(data, edges="links")``. Lists (``domains``) stay JSON
arrays; values that are None, empty or not finite are left out; contact details are
left out unless ``include_private`` is set.

Examples
--------
>>> import json
>>> import democratie
>>> from democratie.graph import build_graph
>>> land = democratie.loads('''
... format = "democratie/1"
... [[municipalities]]
... id = "leusden"
... cbs_code = "GM0327"
... ''')
>>> data = json.loads(node_link_text(build_graph(land)))
>>> data["nodes"][0]["id"], data["links"][0]
('leusden', {'source': 'leusden-raad', 'target': 'leusden', 'key': 0, 'relation': 'body_of'})
"""

from __future__ import annotations

import datetime as dt
import enum
import math
from collections.abc import Mapping
from typing import IO, Any

import networkx as nx
from attrs import frozen

from democratie._json import dumps as json_text
from democratie.exporters._common import is_private_attribute, write_graph_text
from democratie.graph import StakeholderGraph
from democratie.model import Landscape

__all__ = ["NodeLinkExporter", "node_link_data", "node_link_text"]

_JSON = str | bool | int | float | list[Any] | None


def _value(value: object) -> _JSON:
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, enum.Enum):
        return _value(value.value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [item for item in (_value(v) for v in value) if item is not None]
        if isinstance(value, (set, frozenset)):
            items.sort(key=str)
        return items or None
    return str(value)


_FIRST = ("kind", "label", "relation")


def _order(name: object) -> tuple[int, str]:
    key = str(name)
    return (_FIRST.index(key), "") if key in _FIRST else (len(_FIRST), key)


def _attributes(
    data: Mapping[Any, Any], reserved: frozenset[str], include_private: bool
) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for name in sorted(data, key=_order):
        key = str(name)
        if key in reserved or (not include_private and is_private_attribute(key)):
            continue
        value = _value(data[name])
        if value is not None:
            found[key] = value
    return found


def node_link_data(
    graph: StakeholderGraph | nx.MultiDiGraph[Any], *, include_private: bool = False
) -> dict[str, Any]:
    """Return the graph as node-link data: plain dictionaries and lists, ready for JSON.

    Parameters
    ----------
    graph
        The stakeholder graph (or its networkx graph).
    include_private
        Keep attributes holding contact details (``email``, ``phone``, ...).

    Returns
    -------
    dict
        ``directed``, ``multigraph``, ``graph``, ``nodes`` and ``links``. Each node
        starts with its ``id``, ``kind`` and ``label``, each link with ``source``,
        ``target``, ``key`` and ``relation``; the other attributes follow in
        alphabetical order.

    Examples
    --------
    >>> import democratie.examples
    >>> from democratie.graph import build_graph
    >>> graph = build_graph(democratie.examples.load("leusden-samenleving-voorop"))
    >>> data = node_link_data(graph)
    >>> data["directed"], data["multigraph"], data["graph"]
    (True, True, {'title': 'Samenleving Voorop (Leusden)'})
    >>> data["nodes"][0]
    {'id': 'leusden', 'kind': 'municipality', 'label': 'Leusden', 'cbs_code': 'GM0327',
    'municipality': 'leusden', 'province': 'Utrecht', 'sector': 'overheid'}
    >>> data["links"][0]
    {'source': 'leusden', 'target': 'samenleving-voorop', 'key': 0, 'relation': 'initiated'}
    """
    g = graph.nx if isinstance(graph, StakeholderGraph) else graph
    return {
        "directed": g.is_directed(),
        "multigraph": g.is_multigraph(),
        "graph": _attributes(g.graph, frozenset(), include_private),
        "nodes": [
            {"id": str(node), **_attributes(data, frozenset({"id"}), include_private)}
            for node, data in g.nodes(data=True)
        ],
        "links": [
            {
                "source": str(u),
                "target": str(v),
                "key": _value(key),
                **_attributes(data, frozenset({"source", "target", "key"}), include_private),
            }
            for u, v, key, data in g.edges(keys=True, data=True)
        ],
    }


def node_link_text(
    graph: StakeholderGraph | nx.MultiDiGraph[Any], *, include_private: bool = False
) -> str:
    """Return the node-link data of the graph as JSON text (UTF-8, two-space indent).

    Examples
    --------
    >>> import json
    >>> import democratie.examples
    >>> from democratie.graph import build_graph
    >>> graph = build_graph(democratie.examples.load("leusden-samenleving-voorop"))
    >>> json.loads(node_link_text(graph)) == node_link_data(graph)
    True
    >>> node_link_text(graph).splitlines()[:3]
    ['{', '  "directed": true,', '  "multigraph": true,']
    """
    data = node_link_data(graph, include_private=include_private)
    return json_text(data)


@frozen
class NodeLinkExporter:
    """Writes the stakeholder graph as node-link JSON (format ``"node-link"``).

    Options: ``include_private`` (keep contact attributes; default False).

    Examples
    --------
    >>> import io
    >>> import json
    >>> import democratie.examples
    >>> land = democratie.examples.load("leusden-samenleving-voorop")
    >>> out = io.StringIO()
    >>> NodeLinkExporter().export(land, None, out, {})
    >>> data = json.loads(out.getvalue())
    >>> len(data["nodes"]), len(data["links"])
    (7, 11)
    """

    name = "node-link"
    title = "Node-link JSON: the stakeholder graph for web visualisation (d3, networkx)"
    suffixes = (".json",)
    binary = False
    needs_graph = True

    def export(
        self,
        landscape: Landscape,
        graph: StakeholderGraph | None,
        destination: IO[Any],
        options: Mapping[str, Any],
    ) -> None:
        """Write the graph of *landscape* (or *graph*, when given) to a text stream."""
        write_graph_text(node_link_text, landscape, graph, destination, options, format=self.name)

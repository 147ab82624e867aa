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
from collections.abc import Callable, Iterable, Mapping
from typing import IO, Any

import networkx as nx
from attrs import frozen

from democratie._json import dumps as json_text
from democratie._json import dumps_known, rewritten
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


def _plan(
    names: tuple[Any, ...], reserved: frozenset[str], include_private: bool
) -> tuple[tuple[Any, str], ...]:
    """The attributes written, in the order written, of a row with these attribute names."""
    kept = []
    for name in sorted(names, key=_order):
        key = str(name)
        if key in reserved or (not include_private and is_private_attribute(key)):
            continue
        kept.append((name, key))
    return tuple(kept)


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
    return _node_link(graph, include_private)[0]


#: Values written as they are: _value gives each of these back unchanged.
_AS_IS = frozenset({str, int, bool})
_NODE_HEAD = frozenset({"id"})
_LINK_HEAD = frozenset({"source", "target", "key"})


def _node_link(
    graph: StakeholderGraph | nx.MultiDiGraph[Any], include_private: bool
) -> tuple[dict[str, Any], list[bool]]:
    """The node-link data; whether it holds a float to rewrite, and text not of type str.

    Nodes (and links) with the same attribute names, as most of a graph's share a handful
    of sets, share one plan: which attributes to write, in which order, under which key.
    Every value that is not text, a whole number or a boolean goes through ``_value``, and
    the floats among what it gives are looked at for the JSON writer
    (:func:`democratie._json.rewritten`), so that the text need not be searched for them.
    """
    g = graph.nx if isinstance(graph, StakeholderGraph) else graph
    odd = rewritten()
    found = [False, False]  # a float to rewrite; text of a subclass of str (a str enum)
    as_is = _AS_IS

    def convert(value: object) -> _JSON:
        value = _value(value)
        if type(value) in _CONVERTED_PLAIN:
            return value
        _survey(value, odd, found)
        return value

    attributes = {}
    for name, key in _plan(tuple(g.graph), frozenset(), include_private):
        value = convert(g.graph[name])
        if value is not None:
            attributes[key] = value

    plans: dict[tuple[Any, ...], tuple[tuple[Any, str], ...]] = {}
    nodes = []
    for node, data in _nodes(g):
        row: dict[str, Any] = {"id": node if type(node) is str else str(node)}
        names = tuple(data)
        plan = plans.get(names)
        if plan is None:
            plan = plans[names] = _plan(names, _NODE_HEAD, include_private)
        for name, key in plan:
            value = data[name]
            if type(value) in as_is:
                row[key] = value
            else:
                value = convert(value)
                if value is not None:
                    row[key] = value
        nodes.append(row)

    plans = {}
    links = []
    for u, v, k, data in _edges(g):
        row = {
            "source": u if type(u) is str else str(u),
            "target": v if type(v) is str else str(v),
            "key": k if type(k) is int else convert(k),
        }
        names = tuple(data)
        plan = plans.get(names)
        if plan is None:
            plan = plans[names] = _plan(names, _LINK_HEAD, include_private)
        for name, key in plan:
            value = data[name]
            if type(value) in as_is:
                row[key] = value
            else:
                value = convert(value)
                if value is not None:
                    row[key] = value
        links.append(row)

    document = {
        "directed": g.is_directed(),
        "multigraph": g.is_multigraph(),
        "graph": attributes,
        "nodes": nodes,
        "links": links,
    }
    return document, found


#: What _value gives that needs no closer look: exactly text, a whole number, a boolean.
_CONVERTED_PLAIN = frozenset({str, int, bool, type(None)})


def _survey(value: object, odd: Callable[[float], bool], found: list[bool]) -> None:
    """Note in *found* a float *odd* picks out and text of a subclass of ``str``, deep down.

    ``_value`` gives text of a subclass of ``str`` (a member of a ``str`` enum) back as it
    is: the standard library writes its text, orjson (for an enum) its value.
    """
    if type(value) is float:
        found[0] = found[0] or odd(value)
    elif type(value) is list:
        for item in value:
            _survey(item, odd, found)
    elif type(value) is not str and isinstance(value, str):
        found[1] = True


def _nodes(g: nx.MultiDiGraph[Any]) -> Iterable[tuple[Any, Mapping[Any, Any]]]:
    """``g.nodes(data=True)``, read from the graph's own node dictionary when it has one."""
    own = getattr(g, "_node", None)
    if type(own) is dict:
        return own.items()
    return g.nodes(data=True)


def _edges(g: nx.MultiDiGraph[Any]) -> Iterable[tuple[Any, Any, Any, Mapping[Any, Any]]]:
    """``g.edges(keys=True, data=True)``, read from the adjacency of a multidigraph itself."""
    succ = getattr(g, "_succ", None)
    if type(succ) is not dict or not (g.is_directed() and g.is_multigraph()):
        return g.edges(keys=True, data=True)
    return (
        (u, v, key, data)
        for u, row in succ.items()
        for v, keys in row.items()
        for key, data in keys.items()
    )


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
    # Plain data without NaN: _value turns enum members, UUIDs and anything else into JSON's
    # own types, and leaves out what is not finite.
    data, (rewrite, subclassed) = _node_link(graph, include_private)
    if subclassed:  # the writer must look at every value, as it looks at any document
        return json_text(data)
    return dumps_known(data, rewrite=rewrite)


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
    (7, 14)
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

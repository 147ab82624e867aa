"""The stakeholder graph as typed tables: what the GraphML, GEXF and CSV exports write.

Graph attributes may hold anything networkx allows; the flat formats need one type
per attribute. :func:`typed_graph` turns every value into a scalar (see
:func:`~democratie.exporters._common.scalar`), then gives each attribute the narrowest
type all its values fit: ``boolean``, ``int``, ``long``, ``double`` or ``string``.

Examples
--------
Each column has one of the types of :data:`ColumnType`:

>>> import typing
>>> typing.get_args(ColumnType)
('boolean', 'int', 'long', 'double', 'string')
>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("leusden", kind="municipality", label="Leusden", seats=21, share=0.5)
>>> sorted({column.type for column in typed_graph(g).node_columns})
['double', 'int', 'string']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Literal, TypeAlias

import networkx as nx
from attrs import frozen

from democratie.exporters._common import Scalar, is_private_attribute, scalar, text
from democratie.graph import StakeholderGraph

__all__ = ["Column", "ColumnType", "TypedEdge", "TypedGraph", "TypedNode", "typed_graph"]

#: The type of a column, named as GraphML names it.
ColumnType: TypeAlias = Literal["boolean", "int", "long", "double", "string"]

_INT32 = 2**31


@frozen
class Column:
    """One attribute of the nodes, the edges or the graph, with its type.

    Parameters
    ----------
    name
        The attribute's name.
    type
        ``boolean``, ``int`` (fits in 32 bits), ``long``, ``double`` or ``string``.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", kind="person", label="An", seats=2)
    >>> g.add_node("b", kind="person", label="Bo", seats=2.5)
    >>> typed_graph(g).node_columns
    (Column(name='kind', type='string'), Column(name='label', type='string'), Column(name='seats',
    type='double'))
    """

    name: str
    type: ColumnType


@frozen
class TypedNode:
    """A node: its id and its attribute values (only those it has).

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("leusden", kind="municipality", label="Leusden", domains=("zorg", "wonen"))
    >>> typed_graph(g).nodes[0]
    TypedNode(id='leusden', values={'kind': 'municipality', 'label': 'Leusden', 'domains':
    'zorg|wonen'})
    """

    id: str
    values: Mapping[str, Scalar]


@frozen
class TypedEdge:
    """An edge: its position, its ends, its networkx key and its attribute values.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("leusden-raad", "leusden", relation="body_of")
    0
    >>> typed_graph(g).edges[0]
    TypedEdge(index=0, source='leusden-raad', target='leusden', key=0, values={'relation':
    'body_of'})
    """

    index: int
    source: str
    target: str
    key: object
    values: Mapping[str, Scalar]


@frozen
class TypedGraph:
    """A graph whose every attribute has one type.

    Parameters
    ----------
    graph_columns, node_columns, edge_columns
        The attributes, each with its type; node columns start with ``kind`` and
        ``label``, edge columns with ``relation``, the rest in alphabetical order.
    graph_values
        The values of the graph's own attributes (its ``title``).
    nodes
        The nodes, in the graph's order.
    edges
        The edges, in the graph's order, numbered from 0.

    Examples
    --------
    >>> import democratie.examples
    >>> from democratie.graph import build_graph
    >>> graph = build_graph(democratie.examples.load("leusden-samenleving-voorop"))
    >>> typed = typed_graph(graph)
    >>> len(typed.nodes), len(typed.edges), dict(typed.graph_values)
    (7, 14, {'title': 'Samenleving Voorop (Leusden)'})
    >>> [column.name for column in typed.edge_columns]
    ['relation', 'lesson', 'role']
    """

    graph_columns: tuple[Column, ...]
    node_columns: tuple[Column, ...]
    edge_columns: tuple[Column, ...]
    graph_values: Mapping[str, Scalar]
    nodes: tuple[TypedNode, ...]
    edges: tuple[TypedEdge, ...]


def _clean(
    data: Mapping[Any, Any], include_private: bool, private: dict[str, bool]
) -> dict[str, Scalar]:
    found: dict[str, Scalar] = {}
    for name, value in data.items():
        key = name if isinstance(name, str) else str(name)
        if not include_private:
            hidden = private.get(key)
            if hidden is None:
                hidden = private[key] = is_private_attribute(key)
            if hidden:
                continue
        kind = type(value)
        if kind is str or kind is bool or kind is int:  # the common case, as it is
            found[key] = value
            continue
        converted = scalar(value)
        if converted is not None:
            found[key] = converted
    return found


class _Seen:
    """What one attribute's values are: their Python types, and the range of the integers."""

    __slots__ = ("high", "kinds", "low")

    def __init__(self) -> None:
        self.kinds: set[type] = set()
        self.low = 0
        self.high = 0

    def add(self, value: Scalar) -> None:
        self.kinds.add(type(value))
        if type(value) is int:
            self.low = min(self.low, value)
            self.high = max(self.high, value)

    def type(self) -> ColumnType:
        if self.kinds == {bool}:
            return "boolean"
        if self.kinds <= {int}:
            return "int" if self.low >= -_INT32 and self.high < _INT32 else "long"
        if self.kinds <= {int, float}:
            return "double"
        return "string"


def _columns(
    rows: Iterable[dict[str, Scalar]], first: tuple[str, ...]
) -> tuple[tuple[Column, ...], dict[str, ColumnType]]:
    seen: dict[str, _Seen] = {}
    for row in rows:
        for name, value in row.items():
            found = seen.get(name)
            if found is None:
                found = seen[name] = _Seen()
            found.add(value)
    order = [name for name in first if name in seen]
    order += sorted(name for name in seen if name not in first)
    types = {name: seen[name].type() for name in order}
    return tuple(Column(name, types[name]) for name in order), types


def _typed(
    row: dict[str, Scalar], position: dict[str, int], types: dict[str, ColumnType]
) -> dict[str, Scalar]:
    """The row's values in column order, each of its column's type."""
    out: dict[str, Scalar] = {}
    for name in sorted(row, key=position.__getitem__):
        value = row[name]
        kind = types[name]
        if kind == "string" and type(value) is not str:
            value = text(value)
        elif kind == "double" and type(value) is not float:
            value = float(value)
        out[name] = value
    return out


def typed_graph(
    graph: StakeholderGraph | nx.MultiDiGraph[Any], *, include_private: bool = False
) -> TypedGraph:
    """Return the graph as typed tables, in the graph's own (deterministic) order.

    Parameters
    ----------
    graph
        A stakeholder graph, or a networkx multigraph built like one.
    include_private
        Keep attributes that hold contact details (``email``, ``phone``, ...);
        by default they are left out.

    Returns
    -------
    TypedGraph
        Nodes in the order they were added; edges in networkx's order (by source,
        then target, then key), numbered from 0. Values that are None, empty or not
        finite are left out; every other value has its column's type.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", kind="person", label="A", seats=2, email="a@example.org")
    >>> g.add_node("b", kind="council", label="B", seats=1.5, domains=("zorg", "sport"))
    >>> g.add_edge("a", "b", relation="holds_role")
    0
    >>> typed = typed_graph(g)
    >>> [(c.name, c.type) for c in typed.node_columns]
    [('kind', 'string'), ('label', 'string'), ('domains', 'string'), ('seats', 'double')]
    >>> dict(typed.nodes[1].values)["domains"], dict(typed.nodes[0].values)["seats"]
    ('zorg|sport', 2.0)
    """
    g = graph.nx if isinstance(graph, StakeholderGraph) else graph
    private: dict[str, bool] = {}
    graph_row = _clean(g.graph, include_private, private)
    node_rows = [
        (str(node), _clean(data, include_private, private)) for node, data in g.nodes(data=True)
    ]
    edge_rows = [
        (str(u), str(v), key, _clean(data, include_private, private))
        for u, v, key, data in g.edges(keys=True, data=True)
    ]
    graph_columns, graph_types = _columns([graph_row], ("title",))
    node_columns, node_types = _columns((row for _, row in node_rows), ("kind", "label"))
    edge_columns, edge_types = _columns((row for *_, row in edge_rows), ("relation",))
    graph_order = {c.name: i for i, c in enumerate(graph_columns)}
    node_order = {c.name: i for i, c in enumerate(node_columns)}
    edge_order = {c.name: i for i, c in enumerate(edge_columns)}
    return TypedGraph(
        graph_columns=graph_columns,
        node_columns=node_columns,
        edge_columns=edge_columns,
        graph_values=_typed(graph_row, graph_order, graph_types),
        nodes=tuple(
            TypedNode(node, _typed(row, node_order, node_types)) for node, row in node_rows
        ),
        edges=tuple(
            TypedEdge(index, u, v, key, _typed(row, edge_order, edge_types))
            for index, (u, v, key, row) in enumerate(edge_rows)
        ),
    )

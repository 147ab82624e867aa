r"""GraphML: the stakeholder graph for Cytoscape, yEd, igraph, Gephi and networkx.

Every attribute is declared once, with its type (``boolean``, ``int``, ``long``,
``double`` or ``string``), so that the tools read numbers as numbers. Lists
(``domains``) are written as one text, their items joined by ``|``. Every edge has
an id of its own (``e0``, ``e1``, ...), so parallel edges stay apart. Contact
details are left out unless ``include_private`` is set.

The file is written the same way every time: keys in a fixed order (graph, node,
edge; ``kind``, ``label`` and ``relation`` first, then alphabetical), nodes in the
graph's order, two spaces of indent, ``\n`` line ends.

Examples
--------
>>> import democratie
>>> from democratie.graph import build_graph
>>> land = democratie.loads('''
... format = "democratie/1"
... [[municipalities]]
... id = "leusden"
... cbs_code = "GM0327"
... ''')
>>> text = graphml_text(build_graph(land))
>>> print(text[text.index("<key"):text.index("<graph ")])  # doctest: +NORMALIZE_WHITESPACE
<key id="d0" for="node" attr.name="kind" attr.type="string"/>
<key id="d1" for="node" attr.name="label" attr.type="string"/>
<key id="d2" for="node" attr.name="cbs_code" attr.type="string"/>
<key id="d3" for="node" attr.name="municipality" attr.type="string"/>
<key id="d4" for="node" attr.name="province" attr.type="string"/>
<key id="d5" for="node" attr.name="sector" attr.type="string"/>
<key id="d6" for="edge" attr.name="relation" attr.type="string"/>
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import IO, Any

import networkx as nx
from attrs import frozen

from democratie.exporters._common import Scalar, text, write_graph_text
from democratie.exporters._graphdata import Column, typed_graph
from democratie.exporters._xml import attribute, content
from democratie.graph import StakeholderGraph
from democratie.model import Landscape

__all__ = ["GraphmlExporter", "graphml_text"]

_HEADER = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
    'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
)


def _data(keys: Mapping[str, str], values: Mapping[str, Scalar], indent: str) -> list[str]:
    return [
        f'{indent}<data key="{keys[name]}">{content(text(value))}</data>\n'
        for name, value in values.items()
    ]


def graphml_text(
    graph: StakeholderGraph | nx.MultiDiGraph[Any], *, include_private: bool = False
) -> str:
    """Return the graph as a GraphML document.

    Parameters
    ----------
    graph
        The stakeholder graph (or its networkx graph).
    include_private
        Keep attributes holding contact details (``email``, ``phone``, ...).

    Returns
    -------
    str
        The document, ending with a line end; the same graph always gives the same text.

    Examples
    --------
    networkx reads it back:

    >>> import io
    >>> import networkx as nx
    >>> import democratie.examples
    >>> from democratie.graph import build_graph
    >>> graph = build_graph(democratie.examples.load("leusden-samenleving-voorop"))
    >>> again = nx.read_graphml(io.BytesIO(graphml_text(graph).encode()))
    >>> again.number_of_nodes(), again.number_of_edges()
    (7, 14)
    >>> again.nodes["leusden"]["kind"], again.nodes["leusden"]["label"]
    ('municipality', 'Leusden')
    """
    typed = typed_graph(graph, include_private=include_private)
    keys: dict[tuple[str, str], str] = {}
    out = [_HEADER]
    scopes: tuple[tuple[str, tuple[Column, ...]], ...] = (
        ("graph", typed.graph_columns),
        ("node", typed.node_columns),
        ("edge", typed.edge_columns),
    )
    for scope, columns in scopes:
        for column in columns:
            key = f"d{len(keys)}"
            keys[scope, column.name] = key
            out.append(
                f'  <key id="{key}" for="{scope}" attr.name="{attribute(column.name)}" '
                f'attr.type="{column.type}"/>\n'
            )
    graph_keys = {name: key for (scope, name), key in keys.items() if scope == "graph"}
    node_keys = {name: key for (scope, name), key in keys.items() if scope == "node"}
    edge_keys = {name: key for (scope, name), key in keys.items() if scope == "edge"}
    out.append('  <graph id="G" edgedefault="directed">\n')
    out.extend(_data(graph_keys, typed.graph_values, "    "))
    for node in typed.nodes:
        if node.values:
            out.append(f'    <node id="{attribute(node.id)}">\n')
            out.extend(_data(node_keys, node.values, "      "))
            out.append("    </node>\n")
        else:
            out.append(f'    <node id="{attribute(node.id)}"/>\n')
    for edge in typed.edges:
        head = (
            f'    <edge id="e{edge.index}" source="{attribute(edge.source)}" '
            f'target="{attribute(edge.target)}"'
        )
        if edge.values:
            out.append(head + ">\n")
            out.extend(_data(edge_keys, edge.values, "      "))
            out.append("    </edge>\n")
        else:
            out.append(head + "/>\n")
    out.append("  </graph>\n</graphml>\n")
    return "".join(out)


@frozen
class GraphmlExporter:
    """Writes the stakeholder graph as GraphML (format ``"graphml"``).

    Options: ``include_private`` (keep contact attributes; default False).

    Examples
    --------
    >>> import io
    >>> import democratie.examples
    >>> land = democratie.examples.load("leusden-samenleving-voorop")
    >>> out = io.StringIO()
    >>> GraphmlExporter().export(land, None, out, {})
    >>> out.getvalue().count("<node "), out.getvalue().count("<edge ")
    (7, 14)
    """

    name = "graphml"
    title = "GraphML: the stakeholder graph (Cytoscape, yEd, igraph, Gephi)"
    suffixes = (".graphml",)
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
        write_graph_text(graphml_text, landscape, graph, destination, options, format=self.name)

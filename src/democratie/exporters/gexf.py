"""GEXF 1.2: the stakeholder graph for Gephi.

Nodes carry their ``label`` as the GEXF label; edges carry their ``relation`` as the
GEXF label (or their own ``label`` attribute when they have one), so Gephi shows both.
Every other attribute is declared once with its type (``boolean``, ``integer``,
``long``, ``double`` or ``string``), so that Gephi can size, colour and filter by
numbers. Lists (``domains``) are one text, their items joined by ``|``. A numeric
edge attribute ``weight`` becomes the GEXF edge weight.

Unlike networkx's writer, this one stamps no date and no software version into the
file, and treats ``start`` and ``end`` as ordinary attributes (dates of a role or an
initiative) rather than making the graph dynamic: the same graph always gives the
same bytes. Contact details are left out unless ``include_private`` is set.

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
>>> text = gexf_text(build_graph(land))
>>> print(text[text.index("<node "):text.index("</node>")])  # doctest: +NORMALIZE_WHITESPACE
<node id="leusden" label="Leusden">
  <attvalues>
    <attvalue for="0" value="municipality"/>
    <attvalue for="1" value="GM0327"/>
    <attvalue for="2" value="leusden"/>
    <attvalue for="3" value="Utrecht"/>
    <attvalue for="4" value="overheid"/>
  </attvalues>
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import IO, Any

import networkx as nx
from attrs import frozen

from democratie.exporters._common import Scalar, text, write_graph_text
from democratie.exporters._graphdata import Column, ColumnType, typed_graph
from democratie.exporters._xml import attribute, content
from democratie.graph import StakeholderGraph
from democratie.model import Landscape

__all__ = ["GexfExporter", "gexf_text"]

_HEADER = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<gexf xmlns="http://www.gexf.net/1.2draft" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" '
    'version="1.2">\n'
)
_TYPES: Mapping[ColumnType, str] = {
    "boolean": "boolean",
    "int": "integer",
    "long": "long",
    "double": "double",
    "string": "string",
}


def _declare(scope: str, columns: tuple[Column, ...], first: int, out: list[str]) -> dict[str, str]:
    """Declare the attributes of one class, numbered from *first*; return their ids by name."""
    ids = {column.name: str(first + index) for index, column in enumerate(columns)}
    if columns:
        out.append(f'    <attributes class="{scope}" mode="static">\n')
        out.extend(
            f'      <attribute id="{ids[c.name]}" title="{attribute(c.name)}" '
            f'type="{_TYPES[c.type]}"/>\n'
            for c in columns
        )
        out.append("    </attributes>\n")
    return ids


def _values(ids: Mapping[str, str], values: Mapping[str, Scalar], out: list[str]) -> None:
    shown = [(ids[name], value) for name, value in values.items() if name in ids]
    if not shown:
        return
    out.append("        <attvalues>\n")
    out.extend(
        f'          <attvalue for="{number}" value="{attribute(text(value))}"/>\n'
        for number, value in shown
    )
    out.append("        </attvalues>\n")


def gexf_text(
    graph: StakeholderGraph | nx.MultiDiGraph[Any], *, include_private: bool = False
) -> str:
    """Return the graph as a GEXF 1.2 document.

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
    >>> import democratie.examples
    >>> from democratie.graph import build_graph
    >>> graph = build_graph(democratie.examples.load("leusden-samenleving-voorop"))
    >>> text = gexf_text(graph)
    >>> print(text.splitlines()[1])
    <gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd"
    version="1.2">
    >>> text == gexf_text(graph)
    True
    """
    typed = typed_graph(graph, include_private=include_private)
    node_columns = tuple(c for c in typed.node_columns if c.name != "label")
    weighted = any(c.name == "weight" and c.type != "string" for c in typed.edge_columns)
    edge_columns = tuple(
        c for c in typed.edge_columns if c.name != "label" and not (weighted and c.name == "weight")
    )
    out = [_HEADER, "  <meta>\n", "    <creator>democratie</creator>\n"]
    title = typed.graph_values.get("title")
    if title is not None:
        out.append(f"    <description>{content(text(title))}</description>\n")
    out.append("  </meta>\n")
    out.append('  <graph defaultedgetype="directed" mode="static">\n')
    node_ids = _declare("node", node_columns, 0, out)
    edge_ids = _declare("edge", edge_columns, len(node_ids), out)
    out.append("    <nodes>\n")
    for node in typed.nodes:
        label = text(node.values.get("label", node.id))
        head = f'      <node id="{attribute(node.id)}" label="{attribute(label)}"'
        body: list[str] = []
        _values(node_ids, node.values, body)
        out.extend([head + ">\n", *body, "      </node>\n"] if body else [head + "/>\n"])
    out.append("    </nodes>\n")
    out.append("    <edges>\n")
    for edge in typed.edges:
        shown = edge.values.get("label", edge.values.get("relation"))
        head = (
            f'      <edge id="e{edge.index}" source="{attribute(edge.source)}" '
            f'target="{attribute(edge.target)}"'
        )
        if shown is not None:
            head += f' label="{attribute(text(shown))}"'
        weight = edge.values.get("weight")
        if weighted and weight is not None:
            head += f' weight="{text(weight)}"'
        body = []
        _values(edge_ids, edge.values, body)
        out.extend([head + ">\n", *body, "      </edge>\n"] if body else [head + "/>\n"])
    out.append("    </edges>\n")
    out.append("  </graph>\n</gexf>\n")
    return "".join(out)


@frozen
class GexfExporter:
    """Writes the stakeholder graph as GEXF 1.2 for Gephi (format ``"gexf"``).

    Options: ``include_private`` (keep contact attributes; default False).

    Examples
    --------
    >>> import io
    >>> import democratie.examples
    >>> exporter = GexfExporter()
    >>> exporter.suffixes, exporter.needs_graph
    (('.gexf',), True)
    >>> out = io.StringIO()
    >>> exporter.export(democratie.examples.load("leusden-samenleving-voorop"), None, out, {})
    >>> out.getvalue().count("<node "), out.getvalue().count("<edge ")
    (7, 14)
    """

    name = "gexf"
    title = "GEXF 1.2: the stakeholder graph (Gephi)"
    suffixes = (".gexf",)
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
        write_graph_text(gexf_text, landscape, graph, destination, options, format=self.name)

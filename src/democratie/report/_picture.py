"""The picture of the stakeholder graph: which nodes to draw, where, and the SVG itself.

The drawing is an inline SVG that reads without the script (colours by kind, a legend,
champions and brokers ringed and named, a ``<title>`` on every node and line for hover
details) and gains zoom, pan and a colour switch with it. Councils and colleges that hang
only off their own municipality are left out, and a large graph is cut down to its
best-connected nodes; the caption says both.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Final

from attrs import frozen

from democratie.graph import StakeholderGraph
from democratie.report._assets import KIND_COLOURS, SECTOR_COLOURS
from democratie.report._html import esc, tag
from democratie.report._layout import component_layout
from democratie.report._text import Text
from democratie.vocab import Sector

__all__ = ["Drawing", "graph_figure", "select"]

WIDTH: Final = 1000
HEIGHT: Final = 640
_MARGIN_X: Final = 70
_MARGIN_Y: Final = 34
#: Up to this many drawn nodes every node is named where its name fits; beyond it only the
#: champions, the brokers and this many of the best connected.
_NAME_ALL: Final = 60
_NAMED_BY_DEGREE: Final = 25
_LABEL_LENGTH: Final = 30
#: How many of the idle councils and colleges the caption names.
_IDLE_NAMED: Final = 4

_VENUES = frozenset({"initiative", "network", "meeting"})
_BODIES = frozenset({"council", "college"})
_TOKEN = re.compile(r"[a-z0-9_-]+")


@frozen(kw_only=True)
class Drawing:
    """The nodes and lines chosen for the picture, and what was left out.

    Attributes
    ----------
    nodes : tuple of str
        The drawn nodes, in graph order.
    edges : dict
        ``{(u, v): relations}`` for the drawn lines, ``u`` before ``v`` in graph order.
    degree : dict
        The number of distinct neighbours of each drawn node, among the drawn nodes.
    total_nodes, total_edges : int
        The size of the whole graph (edges counted as the graph holds them).
    idle : tuple of str
        The idle councils and colleges left out, in graph order.
    capped : bool
        Whether the picture was cut down to the best-connected nodes.

    Examples
    --------
    >>> import democratie.examples
    >>> from democratie.graph import build_graph
    >>> graph = build_graph(democratie.examples.load("leusden-samenleving-voorop"))
    >>> drawing = select(graph, max_nodes=150)
    >>> len(drawing.nodes), drawing.total_nodes, drawing.idle, drawing.capped
    (6, 7, ('leusden-college',), False)
    >>> drawing.edges[("leusden", "samenleving-voorop")]
    ('initiated', 'located_in')
    """

    nodes: tuple[str, ...]
    edges: Mapping[tuple[str, str], tuple[str, ...]]
    degree: Mapping[str, int]
    total_nodes: int
    total_edges: int
    idle: tuple[str, ...]
    capped: bool


def select(graph: StakeholderGraph, *, max_nodes: int, keep: Iterable[str] = ()) -> Drawing:
    """Choose what to draw: every node but idle bodies, at most *max_nodes* of them.

    Parameters
    ----------
    graph : StakeholderGraph
        The graph.
    max_nodes : int
        The most nodes to draw; beyond it the nodes in *keep* come first, then the others
        by number of neighbours (most first), then by graph order.
    keep : iterable of str
        Nodes to draw whenever possible (the champions and brokers).

    Returns
    -------
    Drawing
        The chosen nodes and lines.

    Examples
    --------
    >>> import democratie.examples
    >>> from democratie.graph import build_graph
    >>> graph = build_graph(democratie.examples.load("delft-zeven-van-delft"))
    >>> small = select(graph, max_nodes=4, keep=["mvv"])
    >>> small.nodes, small.capped
    (('delft', 'mvv', 'de-zeven-van-delft', 'workshop-zeven-van-delft'), True)
    """
    g = graph.nx
    order = {node: i for i, node in enumerate(g)}
    relations: dict[tuple[str, str], list[str]] = {}
    neighbours: dict[str, set[str]] = {node: set() for node in g}
    for u, v, data in g.edges(data=True):
        if u == v:
            continue
        pair = (u, v) if order[u] < order[v] else (v, u)
        found = relations.setdefault(pair, [])
        relation = str(data.get("relation", ""))
        if relation not in found:
            found.append(relation)
        neighbours[u].add(v)
        neighbours[v].add(u)
    idle = {
        node
        for node, data in g.nodes(data=True)
        if data.get("kind") in _BODIES
        and neighbours[node] <= {data.get("municipality")}
        and all(
            set(relations.get((node, other) if order[node] < order[other] else (other, node), ()))
            <= {"body_of"}
            for other in neighbours[node]
        )
    }
    candidates = [node for node in g if node not in idle]
    capped = len(candidates) > max_nodes
    if capped:
        wanted = set(keep)
        ranked = sorted(
            candidates,
            key=lambda n: (n not in wanted, -len(neighbours[n] - idle), order[n]),
        )
        chosen = set(ranked[:max_nodes])
        candidates = [node for node in candidates if node in chosen]
    drawn = set(candidates)
    edges = {
        pair: tuple(found)
        for pair, found in relations.items()
        if pair[0] in drawn and pair[1] in drawn
    }
    degree = {node: len(neighbours[node] & drawn) for node in candidates}
    return Drawing(
        nodes=tuple(candidates),
        edges=edges,
        degree=degree,
        total_nodes=g.number_of_nodes(),
        total_edges=g.number_of_edges(),
        idle=tuple(node for node in g if node in idle),
        capped=capped,
    )


def _token(value: object, fallback: str) -> str:
    text = str(value) if value is not None else ""
    return text if _TOKEN.fullmatch(text) else fallback


def _short(label: str) -> str:
    return label if len(label) <= _LABEL_LENGTH else label[: _LABEL_LENGTH - 1].rstrip() + "…"


def _shape(kind: str, x: float, y: float, r: float) -> str:
    if kind in _VENUES:
        side = r * 1.7
        return tag(
            "rect",
            "",
            class_="shape",
            x=f"{x - side / 2:.1f}",
            y=f"{y - side / 2:.1f}",
            width=f"{side:.1f}",
            height=f"{side:.1f}",
            rx="2",
        )
    if kind == "area":
        d = r * 1.25
        points = f"{x:.1f},{y - d:.1f} {x + d:.1f},{y:.1f} {x:.1f},{y + d:.1f} {x - d:.1f},{y:.1f}"
        return tag("polygon", "", class_="shape", points=points)
    return tag("circle", "", class_="shape", cx=f"{x:.1f}", cy=f"{y:.1f}", r=f"{r:.1f}")


def _ring(kind: str, x: float, y: float, r: float) -> str:
    return tag("circle", "", class_=kind, cx=f"{x:.1f}", cy=f"{y:.1f}", r=f"{r:.1f}")


def _swatch(kind: str, token_class: str) -> str:
    shape = _shape(kind, 8.0, 8.0, 5.5)
    return tag(
        "svg",
        shape,
        class_=f"sw {token_class}",
        width="16",
        height="16",
        viewBox="0 0 16 16",
        aria_hidden="true",
        focusable="false",
    )


def _ring_swatch(champion: bool) -> str:
    ring = tag(
        "circle",
        "",
        class_="ring-champion" if champion else "ring-broker",
        cx="9",
        cy="9",
        r="6.5",
    )
    return tag("svg", ring, width="18", height="18", viewBox="0 0 18 18", aria_hidden="true")


def _sector_label(sector: object, text: Text) -> str:
    if isinstance(sector, str) and sector in Sector.slugs():
        return Sector.from_slug(sector).label(text.lang)
    return text("no_sector")


def graph_figure(
    graph: StakeholderGraph,
    drawing: Drawing,
    *,
    champions: Sequence[str],
    brokers: Sequence[str],
    text: Text,
    seed: int = 0,
) -> str:
    """Write the figure of the stakeholder graph: controls, SVG, legend and caption.

    Parameters
    ----------
    graph : StakeholderGraph
        The graph the drawing was chosen from.
    drawing : Drawing
        What to draw (from :func:`select`).
    champions, brokers : sequence of str
        The nodes to ring and name as champions and brokers, best first.
    text : Text
        The words of the report.
    seed : int, default 0
        Seed of the layout.

    Returns
    -------
    str
        The HTML of the figure.

    Examples
    --------
    >>> import re
    >>> import democratie.examples
    >>> from democratie.graph import build_graph
    >>> from democratie.report._text import Text
    >>> graph = build_graph(democratie.examples.load("leusden-samenleving-voorop"))
    >>> html = graph_figure(graph, select(graph, max_nodes=150), champions=["leusden"], brokers=[],
    ...                     text=Text("en"))
    >>> html.startswith("<figure"), html.count("<circle") >= 3
    (True, True)
    >>> re.search(r"<figcaption[^>]*>(.*?)[.]", html).group(1)
    'The graph has 7 nodes and 14 ties'
    """
    nodes = drawing.nodes
    positions = component_layout(nodes, list(drawing.edges), aspect=WIDTH / HEIGHT, seed=seed)
    xy = {
        node: (
            _MARGIN_X + px * (WIDTH - 2 * _MARGIN_X),
            _MARGIN_Y + py * (HEIGHT - 2 * _MARGIN_Y),
        )
        for node, (px, py) in positions.items()
    }
    data = graph.nx.nodes
    champion_rank = {node: i + 1 for i, node in enumerate(champions)}
    broker_rank = {node: i + 1 for i, node in enumerate(brokers)}
    key = set(champion_rank) | set(broker_rank)
    by_degree = sorted(nodes, key=lambda n: (n not in key, -drawing.degree[n]))
    named = by_degree if len(nodes) <= _NAME_ALL else by_degree[: len(key) + _NAMED_BY_DEGREE]

    def radius(node: str) -> float:
        return min(14.0, 5.0 + 1.6 * math.sqrt(drawing.degree[node]))

    lines = []
    for (u, v), relations in drawing.edges.items():
        (x1, y1), (x2, y2) = xy[u], xy[v]
        width = 1.0 + 0.6 * math.log2(len(relations))
        hint = (
            f"{graph.label(u)} – {graph.label(v)}: {', '.join(text.relation(r) for r in relations)}"
        )
        lines.append(
            tag(
                "line",
                tag("title", esc(hint)),
                class_="edge",
                x1=f"{x1:.1f}",
                y1=f"{y1:.1f}",
                x2=f"{x2:.1f}",
                y2=f"{y2:.1f}",
                stroke_width=f"{width:.1f}",
            )
        )
    shapes = []
    kinds_seen: dict[str, None] = {}
    sectors_seen: dict[str, None] = {}
    for node in nodes:
        attrs = data[node]
        kind = _token(attrs.get("kind"), "other")
        sector = _token(attrs.get("sector"), "none")
        kinds_seen[kind] = None
        sectors_seen[sector if sector in SECTOR_COLOURS else "none"] = None
        x, y = xy[node]
        r = radius(node)
        label = graph.label(node)
        details = [
            label,
            " · ".join(
                (
                    text.kind(kind),
                    _sector_label(attrs.get("sector"), text),
                    text("ties", n=drawing.degree[node]),
                )
            ),
        ]
        rings = []
        if node in champion_rank:
            details.append(f"{text('champion')} {champion_rank[node]}")
            rings.append(_ring("ring-champion", x, y, r + 4))
        if node in broker_rank:
            details.append(f"{text('broker')} {broker_rank[node]}")
            rings.append(_ring("ring-broker", x, y, r + (8 if node in champion_rank else 4)))
        parts = [tag("title", esc("\n".join(details))), *rings, _shape(kind, x, y, r)]
        shapes.append(tag("g", "".join(parts), class_=f"node k-{kind} s-{sector}"))

    radii = {node: radius(node) for node in nodes}
    reach = {node: 8.0 if node in champion_rank and node in broker_rank else 4.0 for node in key}
    labels = _place_labels(named, xy, radii, key, reach, graph)
    nodes_text = text.count(len(nodes), "node")
    edges_text = text.count(len(drawing.edges), "edge")
    none = text("none")
    desc = text(
        "graph_desc",
        nodes=nodes_text,
        edges=edges_text,
        champions=text.join([graph.label(n) for n in champions]) or none,
        brokers=text.join([graph.label(n) for n in brokers]) or none,
    )
    svg = tag(
        "svg",
        tag("title", esc(text("graph")), id="graph-svg-title")
        + tag("desc", esc(desc), id="graph-svg-desc")
        + tag(
            "g",
            tag("g", "".join(lines), class_="edges")
            + tag("g", "".join(shapes), class_="nodes")
            + tag("g", "".join(labels), class_="labels"),
            class_="viewport",
        ),
        class_="graph-svg",
        id="graph-svg",
        viewBox=f"0 0 {WIDTH} {HEIGHT}",
        role="img",
        aria_labelledby="graph-svg-title graph-svg-desc",
        tabindex="0",
        xmlns="http://www.w3.org/2000/svg",
    )
    controls = tag(
        "div",
        tag(
            "fieldset",
            tag("legend", esc(text("colour_by")))
            + _radio("kind", text("by_kind"), checked=True)
            + _radio("sector", text("by_sector"), checked=False),
        )
        + tag(
            "div",
            _button("in", "+", text("zoom_in"))
            + _button("out", "−", text("zoom_out"))
            + _button("reset", text("reset_view"), text("reset_view")),
            class_="zoom",
        ),
        class_="controls",
        role="group",
        aria_label=text("graph_controls"),
    )
    legend = _legend(
        kinds_seen, sectors_seen, text, champions=bool(champions), brokers=bool(brokers)
    )
    notes = [
        text(
            "graph_counts",
            nodes=text.count(drawing.total_nodes, "node"),
            edges=text.count(drawing.total_edges, "edge"),
        )
    ]
    if drawing.capped:
        notes.append(
            text(
                "graph_capped",
                shown=text.integer(len(nodes)),
                total=text.integer(drawing.total_nodes),
            )
        )
    if drawing.idle:
        shown = [graph.label(node) for node in drawing.idle[:_IDLE_NAMED]]
        if len(drawing.idle) > _IDLE_NAMED:
            shown.append(text("others", n=text.integer(len(drawing.idle) - _IDLE_NAMED)))
        notes.append(text("graph_idle", names=text.join(shown)))
    notes.append(text("graph_help"))
    caption = tag("figcaption", esc(" ".join(notes)), class_="note")
    return tag(
        "figure",
        controls + tag("div", svg, class_="picture") + legend + caption,
        class_="graph-figure by-kind",
        id="graph-figure",
    )


def _radio(value: str, label: str, *, checked: bool) -> str:
    field = tag(
        "input",
        None,
        type="radio",
        name="graph-colour",
        value=value,
        checked=checked,
        data_colour=value,
    )
    return tag("label", f"{field} {esc(label)}")


def _button(how: str, shown: str, label: str) -> str:
    return tag("button", esc(shown), type="button", data_zoom=how, aria_label=label)


def _legend(
    kinds: Mapping[str, None],
    sectors: Mapping[str, None],
    text: Text,
    *,
    champions: bool,
    brokers: bool,
) -> str:
    rings = []
    if champions:
        rings.append(f"<li>{_ring_swatch(True)}{esc(text('champion_ring'))}</li>")
    if brokers:
        rings.append(f"<li>{_ring_swatch(False)}{esc(text('broker_ring'))}</li>")
    kind_items = [
        f"<li>{_swatch(kind, f'k-{kind}')}{esc(text.kind(kind))}</li>"
        for kind in KIND_COLOURS
        if kind in kinds
    ]
    sector_items = [
        f"<li>{_swatch('person', f's-{sector}')}{esc(_sector_label(sector, text))}</li>"
        for sector in (*SECTOR_COLOURS, "none")
        if sector in sectors
    ]
    heading = tag("h3", esc(text("legend")), class_="visually-hidden")
    return (
        heading
        + tag("ul", "".join(kind_items + rings), class_="legend legend-kind")
        + tag("ul", "".join(sector_items + rings), class_="legend legend-sector")
    )


def _place_labels(
    order: Sequence[str],
    xy: Mapping[str, tuple[float, float]],
    radii: Mapping[str, float],
    key: set[str],
    rings: Mapping[str, float],
    graph: StakeholderGraph,
) -> list[str]:
    """Place names beside their nodes where they overlap no other name or node.

    Each name tries the right, the left, below and above its node, in that order; the
    first place that is free and inside the canvas wins. A champion's or broker's name is
    written even where nothing is free (on the right); another name that does not fit is
    left out (its node still shows it on hover). *rings* gives how far the rings of a
    champion or broker reach beyond its node.
    """
    taken: list[tuple[float, float, float, float]] = []
    nodes_boxes = {
        node: (x - radii[node], y - radii[node], x + radii[node], y + radii[node])
        for node, (x, y) in xy.items()
    }

    def free(box: tuple[float, float, float, float], own: str) -> bool:
        x0, y0, x1, y1 = box
        if x0 < 2 or y0 < 2 or x1 > WIDTH - 2 or y1 > HEIGHT - 2:
            return False
        for a0, b0, a1, b1 in taken:
            if x0 < a1 and a0 < x1 and y0 < b1 and b0 < y1:
                return False
        for other, (a0, b0, a1, b1) in nodes_boxes.items():
            if other != own and x0 < a1 and a0 < x1 and y0 < b1 and b0 < y1:
                return False
        return True

    labels = []
    for node in order:
        x, y = xy[node]
        r = radii[node]
        important = node in key
        name = _short(graph.label(node))
        width = len(name) * (7.6 if important else 6.7)
        gap = r + 4.0 + rings.get(node, 0.0)
        candidates = (
            (x + gap, y + 4, "start", (x + gap, y - 9, x + gap + width, y + 6)),
            (x - gap, y + 4, "end", (x - gap - width, y - 9, x - gap, y + 6)),
            (x, y + gap + 11, "middle", (x - width / 2, y + gap, x + width / 2, y + gap + 15)),
            (x, y - gap - 4, "middle", (x - width / 2, y - gap - 15, x + width / 2, y - gap)),
        )
        chosen = next((c for c in candidates if free(c[3], node)), None)
        if chosen is None:
            if not important:
                continue
            chosen = candidates[0] if x <= WIDTH * 0.6 else candidates[1]
        tx, ty, anchor, box = chosen
        taken.append(box)
        labels.append(
            tag(
                "text",
                esc(name),
                class_="key" if important else None,
                x=f"{tx:.1f}",
                y=f"{ty:.1f}",
                text_anchor=anchor,
            )
        )
    return labels

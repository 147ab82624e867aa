"""The graph exports: GraphML, GEXF and node-link JSON, read back by networkx and python-igraph.

Each file is read back by a tool that did not write it, and its nodes, edges and attributes
are compared with the stakeholder graph. python-igraph is a test-only dependency; its tests
are skipped on a machine without it. igraph reads GraphML but has no GEXF reader, so the GEXF
files are read with networkx and their declared types checked in the XML itself.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import math
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any, cast

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings

import democratie
from democratie.exporters import export
from democratie.exporters.gexf import gexf_text
from democratie.exporters.graphml import graphml_text
from democratie.exporters.nodelink import node_link_data, node_link_text
from democratie.graph import StakeholderGraph, build_graph
from democratie.model import Landscape
from democratie.testing.strategies import landscapes
from democratie.vocab import ParticipationLevel

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.toml"))
GEXF_NS = {"g": "http://www.gexf.net/1.2draft"}


def graph_of(path: Path) -> StakeholderGraph:
    return build_graph(democratie.load(path))


def flat(value: Any) -> Any:
    """A graph attribute as the flat formats write it: lists joined by '|'."""
    if isinstance(value, (tuple, list)):
        return "|".join(str(item) for item in value)
    return value


def expected_nodes(graph: StakeholderGraph) -> dict[str, dict[str, Any]]:
    return {n: {k: flat(v) for k, v in data.items()} for n, data in graph.nx.nodes(data=True)}


def expected_edges(graph: StakeholderGraph) -> Counter[tuple[str, str, str]]:
    return Counter(
        (u, v, json.dumps({k: flat(x) for k, x in d.items()}, sort_keys=True))
        for u, v, d in graph.nx.edges(data=True)
    )


def node_data(g: nx.Graph[Any]) -> dict[str, dict[str, Any]]:
    return {str(n): dict(d) for n, d in g.nodes(data=True)}


def read_edges(g: nx.Graph[Any], drop: tuple[str, ...] = ()) -> Counter[tuple[str, str, str]]:
    return Counter(
        (u, v, json.dumps({k: x for k, x in d.items() if k not in drop}, sort_keys=True))
        for u, v, d in g.edges(data=True)
    )


def tricky() -> StakeholderGraph:
    """A graph with every kind of attribute value the flat formats must cope with."""
    g: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    g.graph["title"] = 'Raad & "college" <Delft>'
    g.add_node("a", kind="person", label="Zoë & co\nregel twee", seats=3, power=0.25, held=True)
    g.add_node("b", kind="council", label="B", seats=40_000_000_000, power=1, held=False)
    g.add_node(
        "c",
        kind="initiative",
        label="C\x01",
        domains=("zorg", "sport"),
        start=dt.date(2020, 2, 4),
        level=ParticipationLevel.RAADPLEGEN,
        constraint=float("nan"),
        note=None,
        mixed=1,
    )
    g.add_node("d", kind="meeting", label="D", mixed="twee")
    g.add_edge("a", "b", relation="holds_role", weight=2)
    g.add_edge("a", "b", relation="holds_role", title="Tweede\trol", weight=0.5)
    g.add_edge("c", "a", relation="participates_in")
    return StakeholderGraph(g)


# --- GraphML ------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_graphml_reads_back_in_networkx_with_every_node_edge_and_attribute(
    path: Path, tmp_path: Path
) -> None:
    graph = graph_of(path)
    file = export(democratie.load(path), "graphml", tmp_path / "g.graphml")
    back = cast("nx.MultiDiGraph[str]", nx.read_graphml(file, force_multigraph=True))
    assert list(back.nodes) == list(graph.nx.nodes)
    assert node_data(back) == expected_nodes(graph)
    assert read_edges(back) == expected_edges(graph)
    assert sorted(k for _, _, k in back.edges(keys=True)) == sorted(
        f"e{i}" for i in range(graph.nx.number_of_edges())
    )
    if "title" in graph.nx.graph:
        assert back.graph["title"] == graph.nx.graph["title"]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_graphml_reads_back_in_igraph_with_every_node_edge_and_attribute(
    path: Path, tmp_path: Path
) -> None:
    igraph = pytest.importorskip("igraph")
    graph = graph_of(path)
    file = export(democratie.load(path), "graphml", tmp_path / "g.graphml")
    back = igraph.Graph.Read_GraphML(str(file))
    assert back.is_directed()
    assert (back.vcount(), back.ecount()) == (
        graph.nx.number_of_nodes(),
        graph.nx.number_of_edges(),
    )
    ids = back.vs["id"]
    assert ids == list(graph.nx.nodes)
    for vertex in back.vs:
        wanted = expected_nodes(graph)[vertex["id"]]
        for name, value in wanted.items():
            assert vertex[name] == value, (vertex["id"], name)
    relations = Counter((ids[e.source], ids[e.target], e["relation"]) for e in back.es)
    assert relations == Counter((u, v, d["relation"]) for u, v, d in graph.nx.edges(data=True))


def test_graphml_declares_types_that_tools_read_as_numbers(tmp_path: Path) -> None:
    text = graphml_text(tricky())
    keys = {
        (k.get("for"), k.get("attr.name")): k.get("attr.type")
        for k in ET.fromstring(text).iter("{http://graphml.graphdrawing.org/xmlns}key")
    }
    assert keys == {
        ("graph", "title"): "string",
        ("node", "kind"): "string",
        ("node", "label"): "string",
        ("node", "domains"): "string",
        ("node", "held"): "boolean",
        ("node", "level"): "string",
        ("node", "mixed"): "string",
        ("node", "power"): "double",
        ("node", "seats"): "long",
        ("node", "start"): "string",
        ("edge", "relation"): "string",
        ("edge", "title"): "string",
        ("edge", "weight"): "double",
    }
    path = tmp_path / "tricky.graphml"
    path.write_text(text, "utf-8")
    back = nx.read_graphml(path, force_multigraph=True)
    assert back.graph["title"] == 'Raad & "college" <Delft>'
    assert back.nodes["a"] == {
        "kind": "person",
        "label": "Zoë & co\nregel twee",
        "seats": 3,
        "power": 0.25,
        "held": True,
    }
    assert back.nodes["b"]["seats"] == 40_000_000_000
    assert back.nodes["b"]["power"] == 1.0
    assert back.nodes["c"] == {
        "kind": "initiative",
        "label": "C\ufffd",
        "domains": "zorg|sport",
        "start": "2020-02-04",
        "level": "raadplegen",
        "mixed": "1",
    }
    assert sorted(d.get("title", "") for _, _, d in back.edges(data=True)) == [
        "",
        "",
        "Tweede\trol",
    ]


def test_igraph_reads_the_declared_types(tmp_path: Path) -> None:
    igraph = pytest.importorskip("igraph")
    path = tmp_path / "tricky.graphml"
    path.write_text(graphml_text(tricky()), "utf-8")
    back = igraph.Graph.Read_GraphML(str(path))
    a = back.vs.find(id="a")
    assert (a["seats"], a["power"], a["held"], a["label"]) == (
        3,
        0.25,
        True,
        "Zoë & co\nregel twee",
    )
    assert back.vs.find(id="b")["held"] is False
    assert math.isnan(back.vs.find(id="d")["power"])  # igraph's "missing" for a number
    assert sorted(w for w in back.es["weight"] if not math.isnan(w)) == [0.5, 2.0]
    assert back["title"] == 'Raad & "college" <Delft>'


# --- GEXF ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_gexf_reads_back_in_networkx_with_every_node_edge_and_attribute(
    path: Path, tmp_path: Path
) -> None:
    graph = graph_of(path)
    file = export(democratie.load(path), "gexf", tmp_path / "g.gexf")
    back = nx.read_gexf(file)
    assert back.is_directed()
    assert back.number_of_edges() == graph.nx.number_of_edges()
    assert list(back.nodes) == list(graph.nx.nodes)
    assert node_data(back) == expected_nodes(graph)
    # networkx keeps the GEXF edge id and label (the relation) as attributes.
    for _, _, data in back.edges(data=True):
        assert data["label"] == data["relation"]
    assert read_edges(back, drop=("id", "label")) == expected_edges(graph)


def test_gexf_declares_types_and_has_no_date_or_version_stamp() -> None:
    text = gexf_text(tricky())
    root = ET.fromstring(text)
    assert root.get("version") == "1.2"
    meta = root.find("g:meta", GEXF_NS)
    assert meta is not None
    assert meta.attrib == {}
    assert [(child.tag.split("}")[1], child.text) for child in meta] == [
        ("creator", "democratie"),
        ("description", 'Raad & "college" <Delft>'),
    ]
    graph = root.find("g:graph", GEXF_NS)
    assert graph is not None
    assert graph.attrib == {"defaultedgetype": "directed", "mode": "static"}
    declared = {
        (attrs.get("class"), a.get("title")): a.get("type")
        for attrs in graph.findall("g:attributes", GEXF_NS)
        for a in attrs.findall("g:attribute", GEXF_NS)
    }
    assert declared == {
        ("node", "kind"): "string",
        ("node", "domains"): "string",
        ("node", "held"): "boolean",
        ("node", "level"): "string",
        ("node", "mixed"): "string",
        ("node", "power"): "double",
        ("node", "seats"): "long",
        ("node", "start"): "string",
        ("edge", "relation"): "string",
        ("edge", "title"): "string",
    }
    weights = [e.get("weight") for e in graph.iter("{http://www.gexf.net/1.2draft}edge")]
    assert weights == ["2.0", "0.5", None]


def test_gexf_reads_back_with_its_types(tmp_path: Path) -> None:
    path = tmp_path / "tricky.gexf"
    path.write_text(gexf_text(tricky()), "utf-8")
    back = nx.read_gexf(path)
    assert back.nodes["a"] == {
        "kind": "person",
        "label": "Zoë & co\nregel twee",
        "seats": 3,
        "power": 0.25,
        "held": True,
    }
    assert back.nodes["c"]["domains"] == "zorg|sport"
    assert back.nodes["c"]["label"] == "C\ufffd"
    edges = sorted(back.edges(data=True), key=lambda e: e[2]["id"])
    assert [(d.get("weight"), d.get("title")) for _, _, d in edges] == [
        (2.0, None),
        (0.5, "Tweede\trol"),
        (None, None),
    ]


# --- node-link JSON -----------------------------------------------------------------------------


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_node_link_json_reads_back_as_the_same_graph(path: Path) -> None:
    graph = graph_of(path)
    data = json.loads(node_link_text(graph))
    back = nx.node_link_graph(data, edges="links")
    assert isinstance(back, nx.MultiDiGraph)
    assert list(back.nodes) == list(graph.nx.nodes)
    listed = {
        n: {k: list(v) if isinstance(v, tuple) else v for k, v in d.items()}
        for n, d in graph.nx.nodes(data=True)
    }
    assert node_data(back) == listed
    assert list(back.edges(keys=True, data=True)) == list(graph.nx.edges(keys=True, data=True))
    assert back.graph == graph.nx.graph


def test_node_link_json_keeps_types_and_leaves_out_what_json_cannot_hold() -> None:
    data = node_link_data(tricky())
    nodes = {node["id"]: node for node in data["nodes"]}
    assert nodes["c"] == {
        "id": "c",
        "kind": "initiative",
        "label": "C\x01",
        "domains": ["zorg", "sport"],
        "level": "raadplegen",
        "mixed": 1,
        "start": "2020-02-04",
    }
    assert list(nodes["a"]) == ["id", "kind", "label", "held", "power", "seats"]
    assert data["links"][0] == {
        "source": "a",
        "target": "b",
        "key": 0,
        "relation": "holds_role",
        "weight": 2,
    }
    json.loads(node_link_text(tricky()))


# --- all three ----------------------------------------------------------------------------------


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)
@given(landscapes())
def test_every_graph_the_model_allows_reads_back_with_its_counts(land: Landscape) -> None:
    graph = build_graph(land)
    nodes, edges = graph.nx.number_of_nodes(), graph.nx.number_of_edges()
    graphml = nx.parse_graphml(graphml_text(graph), force_multigraph=True)
    assert (graphml.number_of_nodes(), graphml.number_of_edges()) == (nodes, edges)
    assert node_data(graphml) == expected_nodes(graph)
    gexf = nx.read_gexf(_as_file(gexf_text(graph)))
    assert (gexf.number_of_nodes(), gexf.number_of_edges()) == (nodes, edges)
    linked = nx.node_link_graph(node_link_data(graph), edges="links")
    assert (linked.number_of_nodes(), linked.number_of_edges()) == (nodes, edges)


def _as_file(text: str) -> io.BytesIO:
    return io.BytesIO(text.encode("utf-8"))

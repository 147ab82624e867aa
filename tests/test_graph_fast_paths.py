"""The fast paths of the graph layer give exactly what the networkx routes they replace give.

Eigenvector centrality and VoteRank over a prepared adjacency list, and the edges of an
induced view read from the whole graph, must not change a single value or their order.
"""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

import democratie.examples
from democratie.graph import StakeholderGraph, build_graph
from democratie.graph._graph import _edges_with_data
from democratie.graph.analysis._centrality import eigenvector_centrality, voterank
from democratie.synth import generate


@st.composite
def weighted_graphs(draw: st.DrawFn) -> nx.Graph[int]:
    """Undirected graphs with integer weights, self-loops, isolated nodes and shuffled ids."""
    count = draw(st.integers(1, 25))
    labels = draw(st.permutations(range(count)))
    graph: nx.Graph[int] = nx.Graph()
    graph.add_nodes_from(labels)
    pairs = draw(
        st.lists(
            st.tuples(st.sampled_from(labels), st.sampled_from(labels), st.integers(1, 5)),
            max_size=60,
        )
    )
    for u, v, w in pairs:
        graph.add_edge(u, v, weight=w)
    return graph


@given(weighted_graphs(), st.sampled_from(["weight", None]))
def test_eigenvector_centrality_equals_networkx(graph: nx.Graph[int], weight: str | None) -> None:
    try:
        expected = nx.eigenvector_centrality(graph, max_iter=1000, tol=1e-6, weight=weight)
    except nx.PowerIterationFailedConvergence:
        with pytest.raises(nx.PowerIterationFailedConvergence):
            eigenvector_centrality(graph, max_iter=1000, tol=1e-6, weight=weight)
        return
    got = eigenvector_centrality(graph, max_iter=1000, tol=1e-6, weight=weight)
    assert list(got.items()) == list(expected.items())  # same values, same order, exactly


@given(weighted_graphs(), st.integers(0, 30) | st.none())
def test_voterank_equals_networkx(graph: nx.Graph[int], top: int | None) -> None:
    assert voterank(graph, top) == nx.voterank(graph, top)


def test_the_null_graph_is_refused_as_networkx_refuses_it() -> None:
    with pytest.raises(nx.NetworkXPointlessConcept):
        eigenvector_centrality(nx.Graph())
    assert voterank(nx.Graph()) == []


def test_non_convergence_is_raised_as_networkx_raises_it() -> None:
    graph = nx.path_graph(40)
    with pytest.raises(nx.PowerIterationFailedConvergence):
        nx.eigenvector_centrality(graph, max_iter=2)
    with pytest.raises(nx.PowerIterationFailedConvergence):
        eigenvector_centrality(graph, max_iter=2)


def _views() -> list[tuple[str, StakeholderGraph]]:
    views: list[tuple[str, StakeholderGraph]] = []
    for name in democratie.examples.NAMES:
        land = democratie.examples.load(name)
        graph = build_graph(land)
        views += [(f"{name}/{m.id}", graph.municipality_view(m.id)) for m in land.municipalities]
        views += [(f"{name}/{i.id}", graph.initiative_view(i.id)) for i in land.initiatives]
    nation = generate(1 / 256, seed=3)
    graph = build_graph(nation)
    views += [(f"synth/{m.id}", graph.municipality_view(m.id)) for m in nation.municipalities[:40]]
    return views


def test_view_edges_come_in_networkx_order_with_the_same_data() -> None:
    views = _views()
    assert len(views) > 40
    for label, view in views:
        g = view.nx
        assert list(_edges_with_data(g)) == list(g.edges(data=True)), label


def test_the_projection_of_a_view_is_the_projection_of_the_same_graph_built_whole() -> None:
    nation = generate(1 / 256, seed=3)
    graph = build_graph(nation)
    for municipality in nation.municipalities[:20]:
        view = graph.municipality_view(municipality.id)
        whole = type(graph)(view.nx.copy())
        fast, plain = view.actor_projection(), whole.actor_projection()
        assert list(fast.nodes(data=True)) == list(plain.nodes(data=True))
        assert list(fast.edges(data=True)) == list(plain.edges(data=True))

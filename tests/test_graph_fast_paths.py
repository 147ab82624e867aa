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
from democratie.graph.analysis._centrality import (
    Ties,
    articulation_points,
    degree_centrality,
    eigenvector_centrality,
    voterank,
)
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


@given(weighted_graphs())
def test_degree_centrality_and_articulation_points_equal_networkx(graph: nx.Graph[int]) -> None:
    ties = Ties.read(graph)
    assert dict(zip(ties.nodes, degree_centrality(ties), strict=True)) == (
        nx.degree_centrality(graph)
    )
    assert list(zip(ties.nodes, degree_centrality(ties), strict=True)) == list(
        nx.degree_centrality(graph).items()
    )
    cut = {ties.nodes[at] for at in articulation_points(ties)}
    assert cut == set(nx.articulation_points(graph))


@given(
    st.lists(st.integers(0, 30), unique=True, max_size=20),
    st.lists(st.tuples(st.integers(0, 34), st.integers(0, 34), st.integers(1, 9)), max_size=80),
)
def test_ties_from_counts_are_those_of_the_graph_built_from_them(
    nodes: list[int], pairs: list[tuple[int, int, int]]
) -> None:
    counts = {
        (a, b): n for a, b, n in pairs if a != b and (b, a) not in {(x, y) for x, y, _ in pairs}
    }
    graph: nx.Graph[int] = nx.Graph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from((a, b, {"weight": n}) for (a, b), n in counts.items())
    assert Ties.from_counts(nodes, counts) == Ties.read(graph, "weight")


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


def test_area_coverage_with_the_areas_found_once_is_area_coverage() -> None:
    from democratie.graph.analysis import area_coverage, municipality_areas

    nation = generate(1 / 256, seed=3)
    graph = build_graph(nation)
    compared = 0
    for municipality in nation.municipalities[:30]:
        for level in ("wijk", "kern", "buurt"):
            areas = municipality_areas(graph, municipality.id, level=level)
            for initiative in nation.initiatives_in(municipality.id)[:5]:
                plain = area_coverage(graph, municipality.id, level=level, by=initiative.id)
                given = area_coverage(
                    graph, municipality.id, level=level, by=initiative.id, areas=areas
                )
                assert given == plain
                assert set(plain.reached) | set(plain.missing) == set(areas)
                compared += 1
    assert compared > 100


def _groups_by_brute_force(graph: StakeholderGraph, initiative: str | None) -> set[frozenset[str]]:
    """The sector groups of sector_coverage, from every pair of participants, plainly."""
    from democratie.graph import ACTOR_KINDS, TIE_RELATIONS, VENUE_KINDS
    from democratie.graph.analysis import actor_sectors

    g = graph.nx
    if initiative is None:
        participants = list(graph.nodes(ACTOR_KINDS))
    else:
        participants = list(graph.initiative_view(initiative).nodes(ACTOR_KINDS))
    known = actor_sectors(graph, participants)

    def ends(node: str) -> set[str]:
        out = {v for _, v, d in g.out_edges(node, data=True) if d["relation"] in TIE_RELATIONS}
        into = {u for u, _, d in g.in_edges(node, data=True) if d["relation"] in TIE_RELATIONS}
        return (out | into) - {node}

    venues = {
        p: {v for v in ends(p) if v != initiative and g.nodes[v]["kind"] in VENUE_KINDS}
        for p in participants
    }
    phase_of: dict[str, set[str]] = {}
    if initiative is not None:
        for u, _, d in g.in_edges(initiative, data=True):
            if d.get("phase") is not None and d["relation"] in TIE_RELATIONS:
                phase_of.setdefault(u, set()).add(d["phase"])
    groups = {frozenset({s.value}) for s in known.values()}
    placed = [p for p in participants if p in known]
    for i, a in enumerate(placed):
        for b in placed[i + 1 :]:
            if (
                b in ends(a)
                or venues[a] & venues[b]
                or phase_of.get(a, set()) & phase_of.get(b, set())
            ):
                ga = next(x for x in groups if known[a].value in x)
                gb = next(x for x in groups if known[b].value in x)
                if ga != gb:
                    groups = (groups - {ga, gb}) | {ga | gb}
    return groups


def test_sector_groups_are_those_of_every_pair_of_participants() -> None:
    from democratie.graph.analysis import sector_coverage

    cases: list[tuple[StakeholderGraph, str | None]] = []
    for name in democratie.examples.NAMES:
        graph = build_graph(democratie.examples.load(name))
        cases.append((graph, None))
        cases += [(graph, n) for n in graph.nodes("initiative")]
    nation = generate(1 / 64, seed=3)
    graph = build_graph(nation)
    cases += [(graph, i.id) for i in nation.initiatives[:300]]
    hubs_seen = 0
    for graph, initiative in cases:
        coverage = sector_coverage(graph, initiative)
        got = {frozenset(s.value for s in group) for group in coverage.groups}
        present = {s.value for s in coverage.present}
        expected = {group for group in _groups_by_brute_force(graph, initiative) if group & present}
        assert got == expected, initiative
        hubs_seen += any(graph.nx.degree(p) > 64 for p in coverage.participants)
    assert hubs_seen > 20  # the path that looks ties up from the other side was taken


@pytest.mark.parametrize("kind", [nx.DiGraph, nx.MultiGraph])
def test_other_kinds_of_graph_are_refused(kind: type[nx.Graph[int]]) -> None:
    graph = kind(nx.path_graph(3))
    with pytest.raises(nx.NetworkXNotImplemented):
        eigenvector_centrality(graph)
    with pytest.raises(nx.NetworkXNotImplemented):
        voterank(graph)

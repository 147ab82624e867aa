"""python-igraph accelerates betweenness with networkx's values, and local brokers are exact."""

from __future__ import annotations

import networkx as nx
import pytest

from democratie import examples
from democratie.graph import build_graph
from democratie.graph.analysis import _igraph, rank_brokers
from democratie.scoring import run
from democratie.scoring.rules import BrokerageCapacity, ChampionPresence
from democratie.synth import generate

pytest.importorskip("igraph", reason="python-igraph is the optional accelerator under test")


def _graphs() -> list[nx.Graph[str]]:
    graphs: list[nx.Graph[str]] = []
    for seed in range(4):
        g = nx.gnm_random_graph(60 + 20 * seed, 150 + 40 * seed, seed=seed)
        graph: nx.Graph[str] = nx.relabel_nodes(g, {i: f"a{i}" for i in g})
        graph.add_node("alone")  # an isolated actor, and so more than one component
        graphs.append(graph)
    graphs.append(build_graph(examples.load("m50-leerkring-waalwijk")).actor_projection())
    graphs.append(nx.Graph([("x", "y")]))  # too small to normalise
    return graphs


@pytest.mark.parametrize("index", range(6))
def test_exact_betweenness_is_networkx_s(index: int) -> None:
    graph = _graphs()[index]
    ours = _igraph.betweenness(graph, k=None, seed=0)
    theirs = nx.betweenness_centrality(graph, normalized=True)
    assert list(ours) == list(graph)
    assert ours == pytest.approx(theirs, abs=1e-12)


@pytest.mark.parametrize(("index", "k", "seed"), [(0, 10, 0), (1, 25, 7), (3, 2, 3), (4, 5, 1)])
def test_sampled_betweenness_uses_networkx_s_sources_and_scale(
    index: int, k: int, seed: int
) -> None:
    graph = _graphs()[index]
    ours = _igraph.betweenness(graph, k=k, seed=seed)
    theirs = nx.betweenness_centrality(graph, k=k, normalized=True, seed=seed)
    assert ours == pytest.approx(theirs, abs=1e-12)


def test_rank_brokers_is_the_same_with_and_without_igraph(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    graph = build_graph(generate(1 / 64, seed=0)).municipality_view("leusden")
    assert _igraph.available()
    accelerated = rank_brokers(graph, k=None)
    sampled = rank_brokers(graph, k=40, seed=3)
    monkeypatch.setenv("DEMOCRATIE_IGRAPH", "0")
    assert not _igraph.available()
    plain = rank_brokers(graph, k=None)
    plain_sampled = rank_brokers(graph, k=40, seed=3)
    for ours, theirs in ((accelerated, plain), (sampled, plain_sampled)):
        assert [b.id for b in ours][:20] == [b.id for b in theirs][:20]
        for a, b in zip(ours, theirs, strict=True):
            assert a.betweenness == pytest.approx(b.betweenness, abs=1e-12)
            assert a.constraint == b.constraint


def test_local_brokers_agree_with_the_exact_answer_and_a_sample_may_not() -> None:
    """The top brokers of a municipality, computed exactly on its view, are the exact ones.

    A sample over the whole nation ranks them by an estimate; within the municipality's own
    view the ranking is exact, and the same whatever the seed.
    """
    land = generate(1 / 64, seed=0)
    graph = build_graph(land)
    view = graph.municipality_view("leusden")
    exact = nx.betweenness_centrality(view.actor_projection(), normalized=True)
    top = sorted(exact, key=lambda n: (-exact[n], n))[:10]
    local = [b.id for b in rank_brokers(view, k=None)][:10]
    assert local == top
    again = [b.id for b in rank_brokers(view.copy(), k=None, seed=99)][:10]
    assert again == local


def test_scores_do_not_depend_on_the_accelerator(monkeypatch: pytest.MonkeyPatch) -> None:
    land = generate(1 / 64, seed=0)
    rules = [BrokerageCapacity(), ChampionPresence()]
    networks = [network.id for network in land.networks if len(network.members) < 60][:12]
    with_igraph = run(land, rules, only=networks, strict=True)
    monkeypatch.setenv("DEMOCRATIE_IGRAPH", "0")
    without = run(land, rules, only=networks, strict=True)
    assert with_igraph == without

"""Burt's constraint and effective size on an undirected graph, in linear memory.

networkx's ``constraint`` recomputes each neighbour's total tie strength for every pair
(O(d^3) per node), and its unweighted ``effective_size`` copies the whole graph once per
node (``ego_graph(..., undirected=True)``). These compute the same quantities, with the same
definitions, in O(sum over the neighbours v of min(d_u, d_v)) per node u and no copies.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

__all__ = ["constraint", "effective_size"]


def _strengths(
    graph: nx.Graph[str], weight: str | None
) -> tuple[dict[str, float], dict[str, float]]:
    """Every node's total and largest tie strength (computed lazily by the callers' needs)."""
    total: dict[str, float] = {}
    largest: dict[str, float] = {}
    adj = _adjacency(graph)
    for node, neighbours in adj.items():
        values = [1.0 if weight is None else float(d.get(weight, 1)) for d in neighbours.values()]
        total[node] = sum(values)
        largest[node] = max(values, default=0.0)
    return total, largest


def _common(mine: Mapping[str, object], theirs: Mapping[str, object]) -> list[str]:
    """The shared neighbours, in the adjacency order of the smaller dictionary.

    Dictionaries keep their order and sets do not, so iterating this way makes the floating
    point sums come out the same in every run.
    """
    small, big = (mine, theirs) if len(mine) <= len(theirs) else (theirs, mine)
    return [w for w in small if w in big]


def _tie(graph: nx.Graph[str], u: str, v: str, weight: str | None) -> float:
    return 1.0 if weight is None else float(graph.adj[u][v].get(weight, 1))


def _adjacency(graph: nx.Graph[str]) -> Mapping[str, Mapping[str, Any]]:
    """The graph's adjacency as plain dictionaries when it has them (a graph, not a view).

    Membership tests on networkx's read-only adjacency views run in Python; on the
    dictionaries underneath, in C: the shared-neighbour counts are several times faster.
    """
    raw = getattr(graph, "_adj", None)
    return raw if isinstance(raw, dict) else graph.adj


def constraint(
    graph: nx.Graph[str], nodes: Iterable[str], weight: str | None = None
) -> dict[str, float]:
    """Burt's constraint of each node in `nodes` (NaN for an isolated node).

    Examples
    --------
    A star: the centre holds the only ties between its three neighbours, each of whom
    depends on it alone:

    >>> import networkx as nx
    >>> star = nx.star_graph(3)
    >>> star = nx.relabel_nodes(star, {0: "wethouder", 1: "a", 2: "b", 3: "c"})
    >>> {node: round(value, 3) for node, value in constraint(star, ["wethouder", "a"]).items()}
    {'wethouder': 0.333, 'a': 1.0}
    >>> constraint(nx.relabel_nodes(nx.empty_graph(1), {0: "alone"}), ["alone"])
    {'alone': nan}
    """
    total, _ = _strengths(graph, weight)
    adj = _adjacency(graph)
    result: dict[str, float] = {}
    for u in nodes:
        neighbours = adj[u]
        if not neighbours:
            result[u] = float("nan")
            continue
        s_u = total[u]
        share = {w: _tie(graph, u, w, weight) / s_u for w in neighbours}
        value = 0.0
        for v in neighbours:
            indirect = 0.0
            for w in _common(neighbours, adj[v]):
                indirect += share[w] * _tie(graph, w, v, weight) / total[w]
            value += (share[v] + indirect) ** 2
        result[u] = value
    return result


def effective_size(
    graph: nx.Graph[str], nodes: Iterable[str], weight: str | None = None
) -> dict[str, float]:
    """Burt's effective size of each node in `nodes` (NaN for an isolated node).

    Unweighted, Borgatti's simplification: the degree minus twice the ties among the
    neighbours over the degree.

    Examples
    --------
    >>> import networkx as nx
    >>> triangle = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("a", "d")])
    >>> effective_size(triangle, ["a", "d"])
    {'a': 2.3333333333333335, 'd': 1.0}
    """
    total, largest = _strengths(graph, weight) if weight is not None else ({}, {})
    adj = _adjacency(graph)
    result: dict[str, float] = {}
    for u in nodes:
        neighbours = adj[u]
        degree = len(neighbours)
        if degree == 0:
            result[u] = float("nan")
            continue
        if weight is None:
            ties = sum(len(_common(neighbours, adj[v])) for v in neighbours) / 2
            result[u] = degree - 2 * ties / degree
            continue
        s_u = total[u]
        value = 0.0
        for v in neighbours:
            redundancy = 0.0
            for w in _common(neighbours, adj[v]):
                redundancy += (
                    _tie(graph, u, w, weight) / s_u * _tie(graph, v, w, weight) / largest[v]
                )
            value += 1 - redundancy
        result[u] = value
    return result

"""Burt's constraint and effective size on an undirected graph, in linear memory.

networkx's ``constraint`` recomputes each neighbour's total tie strength for every pair
(O(d^3) per node), and its unweighted ``effective_size`` copies the whole graph once per
node (``ego_graph(..., undirected=True)``). These compute the same quantities, with the same
definitions, in O(sum over the neighbours v of min(d_u, d_v)) per node u and no copies.

The indirect ties of u to v are a sparse product: the sum, over the contacts w that u and v
share, of u's share of its ties to w times w's share of its ties to v. Without weights
u's share is the same for every contact, so each term depends on w alone and is worked out
once per u; the shared contacts are found and their terms summed in C (``filter``,
``map`` and ``functools.reduce`` over the adjacency dictionaries), term by term in the
order of the smaller of the two neighbourhoods, so that every sum, and so every value, is
the same to the last bit as when it is added up one term at a time in Python.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

__all__ = ["constraint", "effective_size", "structural_holes"]


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
    add = operator.add
    result: dict[str, float] = {}
    for u in nodes:
        neighbours = adj[u]
        if not neighbours:
            result[u] = float("nan")
            continue
        s_u = total[u]
        value = 0.0
        if weight is None:
            share_u = 1.0 / s_u
            # share[w] * 1.0 / total[w], as the weighted sum below has it, for each contact w.
            term = {w: share_u / total[w] for w in neighbours}.__getitem__
            inside = neighbours.__contains__
            size = len(neighbours)
            for v in neighbours:
                theirs = adj[v]
                common = (
                    filter(inside, theirs)
                    if len(theirs) < size
                    else filter(theirs.__contains__, neighbours)
                )
                indirect = functools.reduce(add, map(term, common), 0.0)
                value += (share_u + indirect) ** 2
        else:
            share = {w: float(d.get(weight, 1)) / s_u for w, d in neighbours.items()}
            for v in neighbours:
                indirect = 0.0
                for w in _common(neighbours, adj[v]):
                    indirect += share[w] * float(adj[w][v].get(weight, 1)) / total[w]
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
            # A count: the order in which the shared contacts are found does not matter.
            mine = neighbours.keys()
            ties = sum(len(mine & adj[v].keys()) for v in neighbours) / 2
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


def structural_holes(
    graph: nx.Graph[str], nodes: Iterable[str], weight: str | None = None
) -> tuple[dict[str, float], dict[str, float]]:
    """Burt's constraint and effective size of each node in `nodes`, as the two functions above.

    Without weights, the contacts each pair shares are found once for both measures: that
    search is most of the cost of each.
    """
    wanted = list(nodes)
    if weight is not None:
        return constraint(graph, wanted, weight), effective_size(graph, wanted, weight)
    total, _ = _strengths(graph, weight)
    adj = _adjacency(graph)
    add = operator.add
    constraints: dict[str, float] = {}
    sizes: dict[str, float] = {}
    for u in wanted:
        neighbours = adj[u]
        if not neighbours:
            constraints[u] = sizes[u] = float("nan")
            continue
        share_u = 1.0 / total[u]
        term = {w: share_u / total[w] for w in neighbours}.__getitem__
        inside = neighbours.__contains__
        degree = len(neighbours)
        value = 0.0
        shared = 0
        for v in neighbours:
            theirs = adj[v]
            common = list(
                filter(inside, theirs)
                if len(theirs) < degree
                else filter(theirs.__contains__, neighbours)
            )
            shared += len(common)
            value += (share_u + functools.reduce(add, map(term, common), 0.0)) ** 2
        constraints[u] = value
        sizes[u] = degree - 2 * (shared / 2) / degree
    return constraints, sizes

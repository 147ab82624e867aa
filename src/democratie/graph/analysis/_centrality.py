"""Eigenvector centrality, VoteRank and friends as networkx computes them, over lists read once.

networkx's :func:`~networkx.eigenvector_centrality` and :func:`~networkx.voterank` are
pure Python, and most of their time goes into reading the graph: every step of the power
iteration looks up ``G[n]`` and ``G[n][nbr]`` again, and every VoteRank round walks
``G.edges()``. The functions here run the very same algorithms (the same start vector, the
same order of summation, the same stopping rules and tie-breaking) over lists of integers
read from the graph once (:class:`Ties`), and add up each node's sum in C (``map`` and
``functools.reduce``), term by term in the order networkx adds them. Their results are
identical to networkx's, bit for bit, and the tests prove that on random weighted graphs.
They are used when no networkx backend is asked for; with ``backend=``, networkx's own
functions run, dispatched to the backend.

:class:`Ties` can also be made without a networkx graph (:meth:`Ties.from_counts`): the
champion rule and :func:`~democratie.graph.analysis.rank_champions` read the actor
projection of a municipality that way, in the order a ``networkx.Graph`` would hold it,
without building the graph.
"""

from __future__ import annotations

import functools
import math
import operator
from collections.abc import Hashable, Iterable, Mapping
from typing import Any, Generic, NamedTuple, TypeVar

import networkx as nx

__all__ = [
    "Ties",
    "articulation_points",
    "degree_centrality",
    "eigenvector",
    "eigenvector_centrality",
    "elect",
    "voterank",
]

_N = TypeVar("_N", bound=Hashable)


class Ties(NamedTuple, Generic[_N]):
    """An undirected graph read once: its nodes in order, and each node's ties as positions.

    ``neighbours[i]`` lists the positions of the neighbours of ``nodes[i]`` in the order of
    its adjacency in the graph (a self-loop included once), ``weights[i]`` the tie strengths
    beside them.
    """

    nodes: list[_N]
    neighbours: list[list[int]]
    weights: list[list[Any]]

    @classmethod
    def read(cls, graph: nx.Graph[_N], weight: str | None = None) -> Ties[_N]:
        """Read an undirected graph without parallel edges; a tie without *weight* counts 1."""
        _check_simple(graph)
        nodes = list(graph)
        index = {node: position for position, node in enumerate(nodes)}
        adjacency = _adjacency(graph)
        rows = [adjacency[node] for node in nodes]
        neighbours = [list(map(index.__getitem__, row)) for row in rows]
        if not weight:
            weights: list[list[Any]] = [[1] * len(row) for row in rows]
        else:
            weights = [[data.get(weight, 1) for data in row.values()] for row in rows]
        return cls(nodes, neighbours, weights)

    @classmethod
    def from_counts(cls, nodes: Iterable[_N], counts: Mapping[tuple[_N, _N], int]) -> Ties[_N]:
        """The ties of the ``networkx.Graph`` built from *nodes* and then the counted pairs.

        That is ``add_nodes_from(nodes)`` followed by
        ``add_edges_from((a, b, {"weight": n}) for (a, b), n in counts.items())``. The
        pairs hold no loops and each pair once, as
        :meth:`~democratie.graph.StakeholderGraph.actor_projection` counts them.
        """
        ordered = list(nodes)
        index = {node: position for position, node in enumerate(ordered)}
        neighbours: list[list[int]] = [[] for _ in ordered]
        weights: list[list[Any]] = [[] for _ in ordered]
        for (a, b), count in counts.items():
            for end in (a, b):
                if end not in index:  # networkx adds an end it does not have yet
                    index[end] = len(ordered)
                    ordered.append(end)
                    neighbours.append([])
                    weights.append([])
            ia, ib = index[a], index[b]
            neighbours[ia].append(ib)
            weights[ia].append(count)
            neighbours[ib].append(ia)
            weights[ib].append(count)
        return cls(ordered, neighbours, weights)


def eigenvector(ties: Ties[_N], *, max_iter: int = 100, tol: float = 1.0e-6) -> list[float]:
    """Run networkx's power iteration over *ties*: each node's centrality, in node order.

    Raises
    ------
    networkx.NetworkXPointlessConcept
        For the graph without nodes.
    networkx.PowerIterationFailedConvergence
        When the iteration does not converge within *max_iter* steps.
    """
    count = len(ties.nodes)
    if count == 0:
        message = "cannot compute centrality for the null graph"
        raise nx.NetworkXPointlessConcept(message)
    # networkx adds xlast[n] * w to x[nbr] for n in node order: node i receives from its
    # neighbours in the order of their positions. Sorted so, each sum is pulled at once.
    sources: list[list[int]] = []
    strengths: list[list[Any]] = []
    for row, weights in zip(ties.neighbours, ties.weights, strict=True):
        pairs = sorted(zip(row, weights, strict=True), key=operator.itemgetter(0))
        sources.append([j for j, _ in pairs])
        strengths.append([w for _, w in pairs])
    unit = all(w == 1 and type(w) is int for weights in strengths for w in weights)
    add, mul, sub, reduce = operator.add, operator.mul, operator.sub, functools.reduce
    x = [1 / count] * count
    for _ in range(max_iter):
        last = x
        at = last.__getitem__
        if unit:  # x * 1 is x: the same float
            x = [reduce(add, map(at, row), last[i]) for i, row in enumerate(sources)]
        else:
            x = [
                reduce(add, map(mul, map(at, row), weights), last[i])
                for i, (row, weights) in enumerate(zip(sources, strengths, strict=True))
            ]
        norm = math.hypot(*x) or 1
        x = [value / norm for value in x]
        if sum(map(abs, map(sub, x, last))) < count * tol:
            return x
    raise nx.PowerIterationFailedConvergence(max_iter)


def eigenvector_centrality(
    graph: nx.Graph[_N],
    *,
    max_iter: int = 100,
    tol: float = 1.0e-6,
    weight: str | None = None,
) -> dict[_N, float]:
    """Return :func:`networkx.eigenvector_centrality` of an undirected graph, computed faster.

    Parameters
    ----------
    graph
        An undirected graph.
    max_iter, tol, weight
        As for :func:`networkx.eigenvector_centrality` (without ``nstart``: the
        iteration starts from the all-ones vector).

    Returns
    -------
    dict
        Each node's centrality, in the order of the graph's nodes.

    Raises
    ------
    networkx.NetworkXPointlessConcept
        For the graph without nodes.
    networkx.PowerIterationFailedConvergence
        When the iteration does not converge within *max_iter* steps.

    Examples
    --------
    >>> import networkx as nx
    >>> path = nx.path_graph(3)
    >>> eigenvector_centrality(path) == nx.eigenvector_centrality(path)
    True
    """
    ties = Ties.read(graph, weight)
    values = eigenvector(ties, max_iter=max_iter, tol=tol)
    return dict(zip(ties.nodes, values, strict=True))


def elect(ties: Ties[_N], number_of_nodes: int | None = None) -> list[int]:
    """Run networkx's VoteRank over *ties*: the positions of the spreaders, first elected first."""
    neighbours = ties.neighbours
    count = len(neighbours)
    if count == 0:
        return []
    if number_of_nodes is None or number_of_nodes > count:
        number_of_nodes = count
    # A self-loop counts twice in a degree, as networkx counts it.
    average = sum(len(row) + row.count(at) for at, row in enumerate(neighbours)) / count
    # networkx goes over each edge once, from the end met first (the order of G.edges()),
    # adding the ability of each end to the other's score. Node i so receives from its
    # neighbours before it in position order, then from itself and those after it in the
    # order of its row (from itself twice, for a self-loop).
    voters: list[list[int]] = []
    for at, row in enumerate(neighbours):
        before = sorted(v for v in row if v < at)
        after: list[int] = []
        for v in row:
            if v > at:
                after.append(v)
            elif v == at:
                after += (at, at)
        voters.append(before + after)
    add, reduce = operator.add, functools.reduce
    ability: list[float] = [1] * count
    elected: list[int] = []
    for _ in range(number_of_nodes):
        of = ability.__getitem__
        score: list[float] = [reduce(add, map(of, row), 0) for row in voters]
        for chosen in elected:
            score[chosen] = 0
        best = max(range(count), key=score.__getitem__)
        if score[best] == 0:
            break
        elected.append(best)
        ability[best] = 0
        for other in neighbours[best]:
            ability[other] -= 1 / average
            ability[other] = max(ability[other], 0)
    return elected


def voterank(graph: nx.Graph[_N], number_of_nodes: int | None = None) -> list[_N]:
    """Return :func:`networkx.voterank` of an undirected graph, computed faster.

    Parameters
    ----------
    graph
        An undirected graph.
    number_of_nodes
        How many spreaders to elect at most; all nodes when None.

    Returns
    -------
    list
        The elected spreaders, first elected first.

    Examples
    --------
    >>> import networkx as nx
    >>> star = nx.star_graph(4)
    >>> voterank(star, 2) == nx.voterank(star, 2)
    True
    """
    ties = Ties.read(graph)
    return [ties.nodes[position] for position in elect(ties, number_of_nodes)]


def degree_centrality(ties: Ties[_N]) -> list[float]:
    """:func:`networkx.degree_centrality` over *ties*, in the order of its nodes."""
    count = len(ties.nodes)
    if count <= 1:
        return [1] * count
    s = 1.0 / (count - 1.0)
    return [(len(row) + row.count(at)) * s for at, row in enumerate(ties.neighbours)]


def articulation_points(ties: Ties[_N]) -> set[int]:
    """The positions of the articulation points, by networkx's depth-first search."""
    neighbours = ties.neighbours
    found: set[int] = set()
    visited = [False] * len(neighbours)
    for start in range(len(neighbours)):
        if visited[start]:
            continue
        discovery = {start: 0}
        low = {start: 0}
        root_children = 0
        visited[start] = True
        stack = [(start, start, iter(neighbours[start]))]
        while stack:
            grandparent, parent, children = stack[-1]
            child = next(children, None)
            if child is not None:
                if grandparent == child:
                    continue
                if visited[child]:
                    if discovery[child] <= discovery[parent]:  # a back edge
                        low[parent] = min(low[parent], discovery[child])
                else:
                    low[child] = discovery[child] = len(discovery)
                    visited[child] = True
                    stack.append((parent, child, iter(neighbours[child])))
                continue
            stack.pop()
            if len(stack) > 1:
                if low[parent] >= discovery[grandparent]:
                    found.add(grandparent)
                low[grandparent] = min(low[parent], low[grandparent])
            elif stack:  # the grandparent is the root
                root_children += 1
        if root_children > 1:
            found.add(start)
    return found


def _adjacency(graph: nx.Graph[_N]) -> Mapping[_N, Mapping[_N, Any]]:
    """The graph's adjacency as plain mappings: its own dictionaries when it has them."""
    adjacency: Mapping[_N, Mapping[_N, Any]] = getattr(graph, "_adj", graph.adj)
    return adjacency


def _check_simple(graph: nx.Graph[_N]) -> None:
    """Refuse what networkx treats differently: directed graphs and multigraphs."""
    if graph.is_directed() or graph.is_multigraph():
        message = "only undirected graphs without parallel edges (nx.Graph) are supported"
        raise nx.NetworkXNotImplemented(message)

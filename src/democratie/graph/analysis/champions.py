"""Champions (kartrekkers): the actors who pull an initiative or a network along.

A *kartrekker* ("cart puller") is the person or organisation who gets others moving. In a
network, such an actor is well connected (degree), connected to others who are well
connected themselves (eigenvector centrality or PageRank), and able to spread an idea
without repeating others who already do (VoteRank). :func:`rank_champions` combines the
three. A champion who is also an articulation point is a single point of failure: take them
away and the network falls apart, which the M50 learning circle warns of when a trajectory
rests on one kartrekker.

References
----------
.. [1] Bonacich, P. (1987). "Power and Centrality: A Family of Measures". American Journal
   of Sociology, 92(5), 1170-1182.
.. [2] Brin, S., & Page, L. (1998). "The anatomy of a large-scale hypertextual Web search
   engine". Computer Networks and ISDN Systems, 30(1-7), 107-117.
.. [3] Zhang, J.-X., Chen, D.-B., Dong, Q., & Zhao, Z.-D. (2016). "Identifying a set of
   influential spreaders in complex networks". Scientific Reports, 6, 27823.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Literal

import networkx as nx
from attrs import frozen

from democratie.graph._graph import StakeholderGraph
from democratie.graph.analysis._centrality import (
    Ties,
    articulation_points,
    degree_centrality,
    eigenvector,
    eigenvector_centrality,
    elect,
    voterank,
)
from democratie.graph.analysis._common import node_info, resolve_actors, with_backend

__all__ = ["Champion", "ChampionRanking", "rank_champions"]

_KARTREKKER = "kartrekker"


@frozen(kw_only=True)
class Champion:
    """One actor's standing as a champion.

    Attributes
    ----------
    id : str
        The node id.
    label : str
        Its readable name.
    kind : str
        Its node kind (person, organisation, municipality, ...).
    score : float
        The combined score in [0, 1]: the mean of the three components below, each scaled
        so that the best actor in the graph scores 1.
    degree : float
        Degree centrality: the share of the other actors it is tied to.
    centrality : float
        Eigenvector centrality or PageRank, as asked.
    voterank : int or None
        Its place (1 is first) among the spreaders VoteRank elects, or None if not elected.
    declared : bool
        Whether the landscape names it a kartrekker (a role or a participant role).
    articulation_point : bool
        Whether removing it disconnects the actor network: a single point of failure.

    Examples
    --------
    >>> import democratie.examples
    >>> from democratie.graph import build_graph
    >>> graph = build_graph(democratie.examples.load("delft-zeven-van-delft"))
    >>> champion = rank_champions(graph).best
    >>> champion.id, round(champion.score, 3), champion.declared, champion.articulation_point
    ('mvv', 0.952, False, False)
    """

    id: str
    label: str
    kind: str
    score: float
    degree: float
    centrality: float
    voterank: int | None
    declared: bool
    articulation_point: bool


@frozen(kw_only=True)
class ChampionRanking:
    """The champions of a stakeholder graph, best first.

    Attributes
    ----------
    champions : tuple of Champion
        Ranked by score (highest first), then by id.
    centrality : {"eigenvector", "pagerank"}
        The centrality measure used.

    Examples
    --------
    >>> import democratie.examples
    >>> from democratie.graph import build_graph
    >>> graph = build_graph(democratie.examples.load("delft-zeven-van-delft"))
    >>> ranking = rank_champions(graph, top=3)
    >>> ranking.centrality, [(c.id, c.voterank) for c in ranking]
    ('eigenvector', [('mvv', 1), ('delft', 2), ('delft-raad', 3)])
    >>> ranking.fragile
    False
    """

    champions: tuple[Champion, ...]
    centrality: Literal["eigenvector", "pagerank"]

    def __iter__(self) -> Iterator[Champion]:
        return iter(self.champions)

    def __len__(self) -> int:
        return len(self.champions)

    @property
    def best(self) -> Champion | None:
        """The top champion, or None when there are no actors."""
        return self.champions[0] if self.champions else None

    @property
    def fragile(self) -> bool:
        """Whether every champion ranked is a single point of failure (and there is one)."""
        return bool(self.champions) and all(c.articulation_point for c in self.champions)


def rank_champions(
    graph: StakeholderGraph,
    among: str | Iterable[str] | None = None,
    *,
    top: int | None = 10,
    centrality: Literal["eigenvector", "pagerank"] = "eigenvector",
    weight: str | None = "weight",
    max_iter: int = 1000,
    tol: float = 1e-06,
    backend: str | None = None,
) -> ChampionRanking:
    r"""Rank the actors of a stakeholder graph as champions (kartrekkers).

    The measures are computed on the actor projection
    (:meth:`~democratie.graph.StakeholderGraph.actor_projection`): actors are tied when an
    edge joins them or when they share an initiative, network or meeting. For each actor

    .. math::

        \text{score} = \tfrac{1}{3}\left(\frac{d}{d_{\max}} + \frac{c}{c_{\max}}
        + v\right), \qquad v = \frac{m - i}{m}

    where :math:`d` is its degree centrality, :math:`c` its eigenvector centrality (or
    PageRank), :math:`i` its 0-based place among the :math:`m` spreaders VoteRank elects
    (:math:`v = 0` if it is not elected), and the maxima are taken over all actors.

    Parameters
    ----------
    graph : StakeholderGraph
        The graph, or a view of it (an initiative, a municipality).
    among : str or iterable of str, optional
        The actors to rank; by default every actor in the projection. The measures always
        use the whole graph. An actor outside the projection (a council that takes part in
        nothing) scores 0.
    top : int or None, default 10
        How many champions to return, and how many spreaders VoteRank elects; None for all
        (VoteRank then costs O(n^2)).
    centrality : {"eigenvector", "pagerank"}, default "eigenvector"
        Eigenvector centrality (networkx's power iteration, run over a prepared adjacency
        list with identical results) or PageRank (which networkx computes with NumPy and
        SciPy).
    weight : str or None, default "weight"
        Edge attribute of the projection used as tie strength by the centrality; None to
        ignore how often actors are tied.
    max_iter : int, default 1000
        Iteration limit of the centrality's power iteration.
    tol : float, default 1e-06
        Tolerance of the power iteration.
    backend : str, optional
        A networkx backend to run the networkx algorithms on; eigenvector centrality
        and VoteRank then run as networkx's own functions, dispatched to it.

    Returns
    -------
    ChampionRanking
        The champions, best first.

    Raises
    ------
    KeyError
        If an id in `among` is not in the graph.
    ValueError
        If an id in `among` is not an actor, `top` is negative or `centrality` is unknown.
    ImportError
        For ``centrality="pagerank"`` without NumPy and SciPy installed.
    networkx.PowerIterationFailedConvergence
        If the centrality does not converge within `max_iter` iterations.

    Notes
    -----
    Building the projection costs O(E + sum of squared venue sizes); degree centrality is
    O(n), eigenvector centrality and PageRank O(max_iter * m), VoteRank O(top * (n + m))
    and the articulation points O(n + m), for n actors and m ties in the projection.
    The result is deterministic: no step samples.

    Examples
    --------
    >>> import democratie.examples
    >>> from democratie.graph import build_graph
    >>> from democratie.graph.analysis import rank_champions
    >>> graph = build_graph(democratie.examples.load("m50-leerkring-waalwijk"))
    >>> ranking = rank_champions(graph, top=3)
    >>> len(ranking), ranking.best is not None
    (3, True)
    """
    if top is not None and top < 0:
        message = f"top must be zero or more, got {top}"
        raise ValueError(message)
    if centrality not in ("eigenvector", "pagerank"):
        message = f"centrality must be 'eigenvector' or 'pagerank', got {centrality!r}"
        raise ValueError(message)
    if backend is None and centrality == "eigenvector":
        # The projection read as lists once, without building it: the same values.
        actors, counts = graph._actor_ties()
        ties = Ties.from_counts(actors, counts)
        if weight != "weight":  # the projection's only edge attribute; others count 1
            ties = ties._replace(weights=[[1] * len(row) for row in ties.neighbours])
        wanted = list(ties.nodes) if among is None else resolve_actors(graph, among)
        if not ties.nodes or not wanted or top == 0:
            return ChampionRanking(champions=(), centrality=centrality)
        degree = dict(zip(ties.nodes, degree_centrality(ties), strict=True))
        central = dict(zip(ties.nodes, eigenvector(ties, max_iter=max_iter, tol=tol), strict=True))
        spreaders = [ties.nodes[at] for at in elect(ties, top)]
        cut = {ties.nodes[at] for at in articulation_points(ties)}
    else:
        projection = graph.actor_projection()
        wanted = list(projection) if among is None else resolve_actors(graph, among)
        if projection.number_of_nodes() == 0 or not wanted or top == 0:
            return ChampionRanking(champions=(), centrality=centrality)
        degree, central, spreaders, cut = _measures(
            projection, centrality, weight, max_iter, tol, backend, top
        )

    d_max = max(degree.values(), default=0.0) or 1.0
    c_max = max(central.values(), default=0.0) or 1.0
    elected = len(spreaders)
    place = {node: index for index, node in enumerate(spreaders)}
    champions = []
    for node in wanted:
        index = place.get(node)
        vote = (elected - index) / elected if index is not None else 0.0
        d, c = degree.get(node, 0.0), central.get(node, 0.0)
        score = (d / d_max + c / c_max + vote) / 3
        label, kind = node_info(graph, node)
        champions.append(
            Champion(
                id=node,
                label=label,
                kind=kind,
                score=score,
                degree=d,
                centrality=c,
                voterank=None if index is None else index + 1,
                declared=_declared(graph, node),
                articulation_point=node in cut,
            )
        )
    champions.sort(key=lambda c: (-c.score, c.id))
    if top is not None:
        champions = champions[:top]
    return ChampionRanking(champions=tuple(champions), centrality=centrality)


def _measures(
    projection: nx.Graph[str],
    centrality: Literal["eigenvector", "pagerank"],
    weight: str | None,
    max_iter: int,
    tol: float,
    backend: str | None,
    top: int | None,
) -> tuple[dict[str, float], dict[str, float], list[str], set[str]]:
    """Degree, centrality, the spreaders and the cut vertices, by networkx (or a backend)."""
    degree = with_backend(nx.degree_centrality, backend)(projection)
    if centrality == "eigenvector":
        central = (
            eigenvector_centrality(projection, max_iter=max_iter, tol=tol, weight=weight)
            if backend is None
            else with_backend(nx.eigenvector_centrality, backend)(
                projection, max_iter=max_iter, tol=tol, weight=weight
            )
        )
    else:
        try:
            central = with_backend(nx.pagerank, backend)(
                projection, max_iter=max_iter, tol=tol, weight=weight
            )
        except ModuleNotFoundError as error:
            message = (
                "centrality='pagerank' needs NumPy and SciPy, as networkx.pagerank does; "
                "install them or use centrality='eigenvector'"
            )
            raise ImportError(message) from error
    spreaders = (
        voterank(projection, top)
        if backend is None
        else with_backend(nx.voterank, backend)(projection, top)
    )
    cut = set(with_backend(nx.articulation_points, backend)(projection))
    return degree, central, spreaders, cut


def _declared(graph: StakeholderGraph, node: str) -> bool:
    return any(
        data.get("role") == _KARTREKKER for _, _, data in graph.nx.out_edges(node, data=True)
    )

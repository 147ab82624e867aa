"""Brokers (verbinders): the actors who bridge otherwise separate groups.

A *verbinder* links people and organisations that would not otherwise meet: across sectors,
wijken, or the line between the municipal organisation and society ("netwerkend werken" in
the M50 learning circle). Burt's structural holes give two local measures: *constraint*
(low when an actor's contacts are not tied to each other, so the actor brokers between
them; it can exceed 1) and *effective size* (the number of contacts minus their redundancy).
Betweenness centrality gives a global one: the share of shortest paths that run through
the actor. :func:`rank_brokers` reports all three.

References
----------
.. [1] Burt, R. S. (1992). *Structural Holes: The Social Structure of Competition*. Harvard
   University Press.
.. [2] Brandes, U. (2001). "A faster algorithm for betweenness centrality". Journal of
   Mathematical Sociology, 25(2), 163-177.
.. [3] Brandes, U., & Pich, C. (2007). "Centrality estimation in large networks".
   International Journal of Bifurcation and Chaos, 17(7), 2303-2318.

Examples
--------
:func:`rank_brokers_at_scale` ranks exactly up to :data:`LARGE_GRAPH` actors, and above
that the :data:`SHORTLIST` best connected from :data:`SAMPLED_SOURCES` sources:

>>> LARGE_GRAPH, SHORTLIST, SAMPLED_SOURCES
(300, 100, 32)
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from typing import Final

import networkx as nx
from attrs import frozen

from democratie.graph._graph import StakeholderGraph
from democratie.graph.analysis import _burt, _igraph
from democratie.graph.analysis._common import node_info, resolve_actors, with_backend
from democratie.graph.schema import ACTOR_KINDS

__all__ = [
    "LARGE_GRAPH",
    "SAMPLED_SOURCES",
    "SHORTLIST",
    "Broker",
    "BrokerRanking",
    "broker_shortlist",
    "rank_brokers",
    "rank_brokers_at_scale",
]

#: Above this many actors, :func:`rank_brokers_at_scale` ranks a shortlist, by sampling.
LARGE_GRAPH: Final = 300
#: How many of the best connected actors make the shortlist of a large graph.
SHORTLIST: Final = 100
#: How many sources betweenness is estimated from on a large graph.
SAMPLED_SOURCES: Final = 32


@frozen(kw_only=True)
class Broker:
    """One actor's standing as a broker.

    Attributes
    ----------
    id : str
        The node id.
    label : str
        Its readable name.
    kind : str
        Its node kind.
    betweenness : float
        Normalised betweenness centrality in [0, 1] (estimated from `k` sources when
        sampled).
    constraint : float or None
        Burt's constraint; low means brokerage. None for an isolated actor.
    effective_size : float or None
        Burt's effective size; None for an isolated actor.
    isolated : bool
        Whether the actor has no ties at all: it brokers nothing (networkx gives NaN).

    Examples
    --------
    >>> import democratie.examples
    >>> from democratie.graph import build_graph
    >>> graph = build_graph(democratie.examples.load("delft-zeven-van-delft"))
    >>> broker = rank_brokers(graph).best
    >>> broker.id, broker.kind, round(broker.betweenness, 3), round(broker.constraint, 3)
    ('mvv', 'organisation', 0.422, 0.391)
    """

    id: str
    label: str
    kind: str
    betweenness: float
    constraint: float | None
    effective_size: float | None
    isolated: bool


@frozen(kw_only=True)
class BrokerRanking:
    """The brokers of a stakeholder graph, best first.

    Attributes
    ----------
    brokers : tuple of Broker
        Ranked by betweenness (highest first), then constraint (lowest first), then id;
        isolated actors come last.
    k : int or None
        The number of sampled sources, or None when betweenness is exact.
    seed : int or None
        The seed of the sampling.

    Examples
    --------
    >>> import democratie.examples
    >>> from democratie.graph import build_graph
    >>> graph = build_graph(democratie.examples.load("delft-zeven-van-delft"))
    >>> ranking = rank_brokers(graph)
    >>> ranking.sampled, len(ranking)
    (False, 11)
    >>> [broker.id for broker in ranking][:3]
    ['mvv', 'p-jeroen-joon', 'overbetuwe-raad']
    >>> ranking.isolated
    ()
    """

    brokers: tuple[Broker, ...]
    k: int | None
    seed: int | None

    def __iter__(self) -> Iterator[Broker]:
        return iter(self.brokers)

    def __len__(self) -> int:
        return len(self.brokers)

    @property
    def best(self) -> Broker | None:
        """The top broker, or None when there are no actors."""
        return self.brokers[0] if self.brokers else None

    @property
    def sampled(self) -> bool:
        """Whether betweenness was estimated from a sample of sources."""
        return self.k is not None

    @property
    def isolated(self) -> tuple[str, ...]:
        """The ids of the isolated actors."""
        return tuple(b.id for b in self.brokers if b.isolated)


def rank_brokers(
    graph: StakeholderGraph,
    among: str | Iterable[str] | None = None,
    *,
    k: int | None = None,
    seed: int | None = 0,
    top: int | None = None,
    weight: str | None = None,
    backend: str | None = None,
) -> BrokerRanking:
    r"""Rank the actors of a stakeholder graph as brokers (verbinders).

    The measures are computed on the actor projection
    (:meth:`~democratie.graph.StakeholderGraph.actor_projection`). For an actor :math:`i`
    with contacts :math:`N(i)` and proportional tie strengths :math:`p_{ij}`, Burt's
    constraint and effective size are

    .. math::

        c_i = \sum_{j \in N(i)} \Big(p_{ij} + \sum_{q \ne i, j} p_{iq} p_{qj}\Big)^2,
        \qquad
        e_i = \sum_{j \in N(i)} \Big(1 - \sum_{q \ne i, j} p_{iq} m_{jq}\Big)

    and betweenness is :math:`b_i = \sum_{s \ne i \ne t} \sigma_{st}(i) / \sigma_{st}`,
    normalised by :math:`(n - 1)(n - 2) / 2`.

    Parameters
    ----------
    graph : StakeholderGraph
        The graph, or a view of it.
    among : str or iterable of str, optional
        The actors to rank, and the only ones whose constraint and effective size are
        computed; by default every actor in the projection. Restrict it on large graphs. An
        actor outside the projection (a council that takes part in nothing) is isolated.
    k : int, optional
        Estimate betweenness from `k` sampled source nodes (Brandes & Pich); None for exact
        betweenness. A `k` of at least the number of actors is exact.
    seed : int or None, default 0
        Seed of the sampling, so that a sampled ranking is reproducible; None for a fresh
        sample each time.
    top : int, optional
        How many brokers to return; by default all of `among`.
    weight : str, optional
        Edge attribute of the projection used as tie strength by constraint and effective
        size (``"weight"``: how often two actors are tied); by default every tie counts 1.
        Betweenness always counts steps.
    backend : str, optional
        A networkx backend to run the networkx algorithms on. Without one, constraint and
        effective size are computed by this module with networkx's definitions but without
        its cost (networkx's constraint is O(d^3) per node, and its unweighted effective
        size copies the graph once per node), and betweenness by python-igraph when it is
        installed (the ``igraph`` extra), from the same sampled sources and with the same
        values as networkx; set ``DEMOCRATIE_IGRAPH=0`` to use networkx all the same.

    Returns
    -------
    BrokerRanking
        The brokers, best first.

    Raises
    ------
    KeyError
        If an id in `among` is not in the graph.
    ValueError
        If an id in `among` is not an actor, or `k` or `top` is negative.

    Notes
    -----
    Exact betweenness is O(n m) (Brandes): 18 s at 2,000 actors in a dense network in
    networkx, well under a second in python-igraph. With `k` sources it is O(k m). On a
    national graph, rank the brokers of a municipality or of a network's neighbourhood
    (a view) exactly rather than the nation by a sample: two samples of 256 sources at
    100,000 actors share only a few of their top twenty brokers. Constraint and effective
    size cost O(m) to sum tie strengths, plus O(d^2) for each actor asked for, with d its
    degree: ask for the actors you need. Deterministic for a given `seed`.

    Examples
    --------
    >>> import democratie.examples
    >>> from democratie.graph import build_graph
    >>> from democratie.graph.analysis import rank_brokers
    >>> graph = build_graph(democratie.examples.load("delft-zeven-van-delft"))
    >>> ranking = rank_brokers(graph, k=5, seed=1)
    >>> ranking.sampled, ranking.best is not None
    (True, True)
    """
    for name, value in (("k", k), ("top", top)):
        if value is not None and value < 0:
            message = f"{name} must be zero or more, got {value}"
            raise ValueError(message)
    projection = graph.actor_projection()
    wanted = list(projection) if among is None else resolve_actors(graph, among)
    present = [node for node in wanted if node in projection]
    n = projection.number_of_nodes()
    if k is not None and k >= n:
        k = None
    if backend is None and _igraph.available():
        between = _igraph.betweenness(projection, k=k, seed=seed)
    else:
        between = with_backend(nx.betweenness_centrality, backend)(
            projection, k=k, normalized=True, seed=seed
        )
    if backend is None:
        constraint, size = _burt.structural_holes(projection, present, weight)
    else:
        constraint = nx.constraint(projection, nodes=present, weight=weight, backend=backend)
        size = nx.effective_size(projection, nodes=present, weight=weight, backend=backend)
    brokers = []
    for node in wanted:
        isolated = node not in projection or projection.degree(node) == 0
        label, kind = node_info(graph, node)
        brokers.append(
            Broker(
                id=node,
                label=label,
                kind=kind,
                betweenness=between.get(node, 0.0),
                constraint=None if isolated else _number(constraint[node]),
                effective_size=None if isolated else _number(size[node]),
                isolated=isolated,
            )
        )
    brokers.sort(
        key=lambda b: (
            b.isolated,
            -b.betweenness,
            math.inf if b.constraint is None else b.constraint,
            b.id,
        )
    )
    if top is not None:
        brokers = brokers[:top]
    return BrokerRanking(brokers=tuple(brokers), k=k, seed=seed if k is not None else None)


def _number(value: float) -> float | None:
    return None if math.isnan(value) else float(value)


def broker_shortlist(graph: StakeholderGraph) -> list[str] | None:
    """The actors :func:`rank_brokers_at_scale` ranks: None (all of them) on a small graph.

    On a graph of more than :data:`LARGE_GRAPH` actors, the :data:`SHORTLIST` best
    connected (by degree in the stakeholder graph; of equal degree, in the graph's order).

    Examples
    --------
    >>> import democratie.examples
    >>> from democratie.graph import build_graph
    >>> broker_shortlist(build_graph(democratie.examples.load("delft-zeven-van-delft"))) is None
    True
    """
    actors = graph.nodes(kind=ACTOR_KINDS)
    if len(actors) <= LARGE_GRAPH:
        return None
    degree = graph.nx.degree
    return sorted(actors, key=lambda node: -degree[node])[:SHORTLIST]


def rank_brokers_at_scale(
    graph: StakeholderGraph, *, top: int | None = None, seed: int = 0
) -> BrokerRanking:
    """Rank the brokers of any graph in seconds: exactly when small, by a sample when large.

    The one policy the report, the ``democratie graph`` command and
    :func:`democratie.analyse` share. Up to :data:`LARGE_GRAPH` actors, every
    actor is ranked with exact betweenness. Above, exact betweenness and Burt's
    measures for every actor take minutes on a national landscape, so the
    :data:`SHORTLIST` best connected actors (:func:`broker_shortlist`) are ranked,
    with betweenness estimated from :data:`SAMPLED_SOURCES` sources drawn with
    *seed*.

    Examples
    --------
    >>> import democratie.examples
    >>> from democratie.graph import build_graph
    >>> graph = build_graph(democratie.examples.load("delft-zeven-van-delft"))
    >>> scaled = rank_brokers_at_scale(graph, top=3)
    >>> scaled == rank_brokers(graph, top=3)
    True
    >>> scaled.sampled
    False
    """
    shortlist = broker_shortlist(graph)
    return rank_brokers(
        graph,
        shortlist,
        top=top,
        k=SAMPLED_SOURCES if shortlist is not None else None,
        seed=seed,
    )

"""Paths and ego networks: who connects two stakeholders, and who is within reach.

"Via wie ken je wie?" The shortest paths between two stakeholders name the people,
organisations, initiatives and meetings that connect them; an ego network gathers everyone
within a few steps of one stakeholder. Both follow the ties of the stakeholder graph in
either direction, through venues as well as directly, and by default leave out the two
geographic relations (``located_in``, ``serves_area``): sharing a municipality does not
make two parties acquainted.

References
----------
.. [1] Everett, M., & Borgatti, S. P. (2005). "Ego network betweenness". Social Networks,
   27(1), 31-38.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterator
from typing import Any

import networkx as nx
from attrs import frozen

from democratie.graph._graph import StakeholderGraph, _check_relations
from democratie.graph.analysis._common import with_backend
from democratie.graph.schema import TIE_RELATIONS, Relation

__all__ = ["Connection", "EgoNetwork", "connectors", "ego_network"]


@frozen(kw_only=True)
class Connection:
    """How two stakeholders are connected.

    Attributes
    ----------
    source, target : str
        The two stakeholders.
    distance : int or None
        The number of steps on a shortest path; None when they are not connected.
    paths : tuple of tuple of str
        Shortest paths, each from `source` to `target`, at most `limit` of them, in the
        order of the ids along them.
    complete : bool
        Whether `paths` holds every shortest path (False when `limit` cut them off).

    Examples
    --------
    >>> from democratie.graph import build_graph
    >>> from democratie.model import Initiative, Landscape, Participant, Person
    >>> from democratie.vocab import InitiativeKind
    >>> graph = build_graph(Landscape(
    ...     people=(Person(id="anna", name="Anna"), Person(id="bram", name="Bram"),
    ...             Person(id="cor", name="Cor")),
    ...     initiatives=(Initiative(id="workshop", title="Workshop", kind=InitiativeKind.WORKSHOP,
    ...         participants=(Participant(actor="anna"), Participant(actor="bram"))),),
    ... ))
    >>> connection = connectors(graph, "anna", "bram")
    >>> connection.connected, connection.distance, connection.paths, connection.complete
    (True, 2, (('anna', 'workshop', 'bram'),), True)
    >>> connectors(graph, "anna", "cor").connected
    False
    """

    source: str
    target: str
    distance: int | None
    paths: tuple[tuple[str, ...], ...]
    complete: bool

    @property
    def connected(self) -> bool:
        """Whether a path joins the two."""
        return self.distance is not None

    @property
    def connectors(self) -> tuple[str, ...]:
        """The nodes between the two on the paths, most often used first (then first seen)."""
        counts = Counter(node for path in self.paths for node in path[1:-1])
        first: dict[str, int] = {}
        for path in self.paths:
            for node in path[1:-1]:
                first.setdefault(node, len(first))
        return tuple(sorted(counts, key=lambda n: (-counts[n], first[n])))


@frozen(kw_only=True)
class EgoNetwork:
    """The stakeholders within some steps of one stakeholder.

    Attributes
    ----------
    centre : str
        The stakeholder at the centre.
    radius : int
        The number of steps.
    distances : tuple of (str, int)
        Every node within `radius` steps, the centre first, by distance, then by id.
    graph : StakeholderGraph
        The view induced by those nodes: every edge among them.

    Examples
    --------
    >>> import democratie.examples
    >>> from democratie.graph import build_graph
    >>> graph = build_graph(democratie.examples.load("leusden-samenleving-voorop"))
    >>> ego = ego_network(graph, "leusden-raad", radius=1)
    >>> ego.centre, ego.radius, len(ego)
    ('leusden-raad', 1, 3)
    >>> ego.within(0), ego.within(1)
    (('leusden-raad',), ('leusden-raad', 'leusden', 'samenleving-voorop-bestuur'))
    >>> ego.graph.nx.number_of_edges()
    4
    """

    centre: str
    radius: int
    distances: tuple[tuple[str, int], ...]
    graph: StakeholderGraph

    def __iter__(self) -> Iterator[str]:
        return (node for node, _ in self.distances)

    def __len__(self) -> int:
        return len(self.distances)

    def within(self, steps: int) -> tuple[str, ...]:
        """Return the nodes at most `steps` away (the centre included)."""
        return tuple(node for node, distance in self.distances if distance <= steps)


def _traversal(
    graph: StakeholderGraph, relations: Collection[Relation] | None
) -> nx.MultiGraph[str]:
    wanted = TIE_RELATIONS if relations is None else _check_relations(relations)
    g = graph.nx

    def keep(u: str, v: str, key: int) -> bool:
        data: dict[str, Any] = g.succ[u][v][key]  # type: ignore[index]  # keys are ints
        return data.get("relation") in wanted

    kept: nx.MultiDiGraph[str] = nx.subgraph_view(g, filter_edge=keep)
    undirected: nx.MultiGraph[str] = kept.to_undirected(as_view=True)
    return undirected


def connectors(
    graph: StakeholderGraph,
    source: str,
    target: str,
    *,
    relations: Collection[Relation] | None = None,
    limit: int = 10,
    backend: str | None = None,
) -> Connection:
    """Find who connects two stakeholders: the shortest paths between them.

    Edges are followed in either direction.

    Parameters
    ----------
    graph : StakeholderGraph
        The graph, or a view of it.
    source, target : str
        The two stakeholders (any nodes).
    relations : collection of str, optional
        The relations to follow; by default
        :data:`~democratie.graph.schema.TIE_RELATIONS`.
    limit : int, default 10
        The most shortest paths to return (there can be very many).
    backend : str, optional
        A networkx backend to run the breadth-first searches on.

    Returns
    -------
    Connection
        The distance, the paths and the connectors on them.

    Raises
    ------
    KeyError
        If `source` or `target` is not in the graph.
    ValueError
        If `limit` is less than 1 or a relation is unknown.

    Notes
    -----
    Two breadth-first searches, O(n + m), then the paths are walked from `source` in the
    order of the ids, so the same paths come first in every run.

    Examples
    --------
    Anna and Bram take part in a workshop; Bram and Cor are members of a network:

    >>> from democratie.graph import build_graph
    >>> from democratie.model import Initiative, Landscape, Network, Participant, Person
    >>> from democratie.vocab import InitiativeKind, NetworkKind
    >>> graph = build_graph(Landscape(
    ...     people=(Person(id="anna", name="Anna"), Person(id="bram", name="Bram"),
    ...             Person(id="cor", name="Cor")),
    ...     initiatives=(Initiative(id="workshop", title="Workshop", kind=InitiativeKind.WORKSHOP,
    ...         participants=(Participant(actor="anna"), Participant(actor="bram"))),),
    ...     networks=(Network(id="netwerk", name="Netwerk", kind=NetworkKind.LEERKRING,
    ...         members=("bram", "cor")),),
    ... ))
    >>> connection = connectors(graph, "anna", "cor")
    >>> connection.distance, connection.paths
    (4, (('anna', 'workshop', 'bram', 'netwerk', 'cor'),))
    >>> connection.connectors
    ('workshop', 'bram', 'netwerk')
    """
    if limit < 1:
        message = f"limit must be at least 1, got {limit}"
        raise ValueError(message)
    graph.attributes(source)
    graph.attributes(target)
    view = _traversal(graph, relations)
    distances = with_backend(nx.single_source_shortest_path_length, backend)
    from_source = distances(view, source)
    if target not in from_source:
        return Connection(source=source, target=target, distance=None, paths=(), complete=True)
    distance = from_source[target]
    from_target = distances(view, target, cutoff=distance)
    on_path = {
        node
        for node, steps in from_target.items()
        if node in from_source and from_source[node] + steps == distance
    }

    def onwards(node: str) -> Iterator[str]:
        step = from_source[node] + 1
        return iter(sorted(n for n in view[node] if n in on_path and from_source[n] == step))

    found: list[tuple[str, ...]] = []
    path = [source]
    stack = [onwards(source)]
    while stack and len(found) <= limit:
        following = next(stack[-1], None)
        if following is None:
            stack.pop()
            path.pop()
        elif following == target:
            found.append((*path, target))
        else:
            path.append(following)
            stack.append(onwards(following))
    if source == target:
        found = [(source,)]
    return Connection(
        source=source,
        target=target,
        distance=distance,
        paths=tuple(found[:limit]),
        complete=len(found) <= limit,
    )


def ego_network(
    graph: StakeholderGraph,
    centre: str,
    *,
    radius: int = 1,
    relations: Collection[Relation] | None = None,
    backend: str | None = None,
) -> EgoNetwork:
    """Gather the stakeholders within `radius` steps of one stakeholder.

    Edges are followed in either direction.

    Parameters
    ----------
    graph : StakeholderGraph
        The graph, or a view of it.
    centre : str
        The stakeholder at the centre (any node).
    radius : int, default 1
        The most steps away.
    relations : collection of str, optional
        The relations to follow; by default
        :data:`~democratie.graph.schema.TIE_RELATIONS`.
    backend : str, optional
        A networkx backend to run the breadth-first search on.

    Returns
    -------
    EgoNetwork
        The nodes with their distance, and the view they induce.

    Raises
    ------
    KeyError
        If `centre` is not in the graph.
    ValueError
        If `radius` is negative or a relation is unknown.

    Notes
    -----
    Breadth-first search to depth `radius`: O(size of the ego network and its edges).

    Examples
    --------
    >>> from democratie.graph import build_graph
    >>> from democratie.model import Initiative, Landscape, Network, Participant, Person
    >>> from democratie.vocab import InitiativeKind, NetworkKind
    >>> graph = build_graph(Landscape(
    ...     people=(Person(id="anna", name="Anna"), Person(id="bram", name="Bram"),
    ...             Person(id="cor", name="Cor")),
    ...     initiatives=(Initiative(id="workshop", title="Workshop", kind=InitiativeKind.WORKSHOP,
    ...         participants=(Participant(actor="anna"), Participant(actor="bram"))),),
    ...     networks=(Network(id="netwerk", name="Netwerk", kind=NetworkKind.LEERKRING,
    ...         members=("bram", "cor")),),
    ... ))
    >>> ego = ego_network(graph, "anna", radius=2)
    >>> ego.distances
    (('anna', 0), ('workshop', 1), ('bram', 2))
    >>> ego.graph
    <StakeholderGraph: 3 nodes, 2 edges>
    """
    if radius < 0:
        message = f"radius must be zero or more, got {radius}"
        raise ValueError(message)
    graph.attributes(centre)
    view = _traversal(graph, relations)
    lengths = with_backend(nx.single_source_shortest_path_length, backend)(
        view, centre, cutoff=radius
    )
    distances = sorted(lengths.items(), key=lambda item: (item[1], item[0]))
    return EgoNetwork(
        centre=centre,
        radius=radius,
        distances=tuple(distances),
        graph=graph.subgraph(node for node, _ in distances),
    )

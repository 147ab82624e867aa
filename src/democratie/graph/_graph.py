"""The stakeholder graph: a typed wrapper around one networkx MultiDiGraph."""

from __future__ import annotations

import difflib
from collections import Counter, deque
from collections.abc import Collection, Iterable, Iterator, Mapping
from itertools import combinations
from typing import Any, TypeAlias, cast

import networkx as nx
from networkx.classes.coreviews import FilterMultiAdjacency, FilterMultiInner

from democratie._repr import html_table
from democratie.graph.schema import (
    ACTOR_KINDS,
    NODE_KINDS,
    RELATIONS,
    TIE_RELATIONS,
    VENUE_KINDS,
    NodeKind,
    Relation,
)

__all__ = ["StakeholderGraph"]

_BODIES = frozenset({"council", "college"})

# Aliases at module level: inside the class, the name ``nx`` is the property.
_MultiDiGraph: TypeAlias = "nx.MultiDiGraph[str]"
_Graph: TypeAlias = "nx.Graph[str]"


class StakeholderGraph:
    """Who is tied to whom in a landscape: a thin typed wrapper around a networkx graph.

    Made by :func:`~democratie.graph.build_graph`. The wrapped
    :class:`networkx.MultiDiGraph` is :attr:`nx`: hand it to any networkx algorithm or
    backend. Node keys are the landscape's ids; every node has a ``kind`` and a ``label``,
    every edge a ``relation`` (:mod:`democratie.graph.schema`).

    The views (:meth:`municipality_view`, :meth:`initiative_view`, :meth:`network_view`,
    :meth:`area_view`, :meth:`subgraph`) are read-only and cheap: they share the data of this
    graph. Use :meth:`copy` for a graph of your own.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        The graph to wrap. It is not copied.

    Examples
    --------
    >>> import democratie
    >>> from democratie.graph import build_graph
    >>> graph = build_graph(democratie.loads('''
    ... format = "democratie/1"
    ... [[municipalities]]
    ... id = "leusden"
    ... cbs_code = "GM0327"
    ... '''))
    >>> graph
    <StakeholderGraph: 3 nodes, 2 edges>
    >>> "<td>council</td><td>1</td>" in graph._repr_html_()  # in a notebook: nodes by kind
    True
    >>> graph.kind("leusden-college"), graph.label("leusden-college")
    ('college', 'College van B&W Leusden')
    >>> graph.nodes(kind="council")
    ('leusden-raad',)
    """

    __slots__ = ("_nx", "_order")

    def __init__(self, graph: _MultiDiGraph) -> None:
        self._nx = graph
        self._order: tuple[tuple[int, object, object], dict[str, int]] | None = None

    @property
    def nx(self) -> _MultiDiGraph:
        """The wrapped :class:`networkx.MultiDiGraph` (not a copy)."""
        return self._nx

    def __repr__(self) -> str:
        g = self._nx
        return f"<StakeholderGraph: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges>"

    def _repr_html_(self) -> str:
        kinds: Counter[str] = Counter()
        for _, kind in self._nx.nodes(data="kind"):
            kinds[str(kind)] += 1
        relations: Counter[str] = Counter()
        for _, _, data in self._nx.edges(data=True):
            relations[str(data.get("relation"))] += 1
        # The most common first; a tie in the order the graph met them (deterministic).
        return html_table(
            ["node kind", "nodes"],
            kinds.most_common(),
            caption=f"Stakeholder graph: {self._nx.number_of_nodes()} nodes, "
            f"{self._nx.number_of_edges()} edges",
        ) + html_table(["relation", "edges"], relations.most_common())

    def __len__(self) -> int:
        """The number of nodes."""
        return self._nx.number_of_nodes()

    def __contains__(self, node: object) -> bool:
        return node in self._nx

    def __iter__(self) -> Iterator[str]:
        """Iterate over the node ids, in the order they were added."""
        return iter(self._nx)

    # -- looking things up ---------------------------------------------------------------

    def kind(self, node: str) -> NodeKind:
        """Return the kind of a node.

        Parameters
        ----------
        node : str
            A node id.

        Returns
        -------
        str
            One of :data:`~democratie.graph.schema.NODE_KINDS`.

        Raises
        ------
        KeyError
            If there is no such node; the message suggests the nearest id.
        """
        return cast(NodeKind, self.attributes(node)["kind"])

    def label(self, node: str) -> str:
        """Return the readable label of a node (a name or a title).

        Raises
        ------
        KeyError
            If there is no such node.
        """
        return str(self.attributes(node).get("label", node))

    def attributes(self, node: str) -> Mapping[str, Any]:
        """Return the attributes of a node (a live mapping: do not change it here).

        Raises
        ------
        KeyError
            If there is no such node; the message suggests the nearest id.

        Examples
        --------
        >>> from democratie.graph import build_graph
        >>> from democratie.model import Landscape, Municipality
        >>> delft = Municipality(id="delft", cbs_code="GM0503")
        >>> graph = build_graph(Landscape(municipalities=(delft,)))
        >>> graph.attributes("delft")["cbs_code"]
        'GM0503'
        >>> graph.attributes("deflt")
        Traceback (most recent call last):
        ...
        KeyError: "no node 'deflt' in the stakeholder graph; did you mean 'delft'?"
        """
        try:
            return cast(Mapping[str, Any], self._nx.nodes[node])
        except KeyError:
            raise KeyError(self._missing(node)) from None

    def nodes(self, kind: NodeKind | Collection[NodeKind] | None = None) -> tuple[str, ...]:
        """Return the node ids, in the order they were added; optionally only of some kinds.

        Parameters
        ----------
        kind : str or collection of str, optional
            A node kind or several; by default every node.

        Returns
        -------
        tuple of str
            The ids.

        Raises
        ------
        ValueError
            If a kind is not one of :data:`~democratie.graph.schema.NODE_KINDS`.
        """
        if kind is None:
            return tuple(self._nx)
        kinds = _check_kinds(kind)
        return tuple(n for n, data in self._nx.nodes(data=True) if data["kind"] in kinds)

    def edges(
        self, relation: Relation | Collection[Relation] | None = None
    ) -> Iterator[tuple[str, str, Mapping[str, Any]]]:
        """Iterate over the edges as ``(source, target, attributes)``; optionally of some relations.

        Parameters
        ----------
        relation : str or collection of str, optional
            A relation or several; by default every edge.

        Yields
        ------
        tuple
            The source id, the target id and the edge's attributes.

        Raises
        ------
        ValueError
            If a relation is not one of :data:`~democratie.graph.schema.RELATIONS`.
        """
        wanted = None if relation is None else _check_relations(relation)
        for u, v, data in self._nx.edges(data=True):
            if wanted is None or data.get("relation") in wanted:
                yield u, v, data

    def number_of_edges(self, relation: Relation | Collection[Relation] | None = None) -> int:
        """Return the number of edges; optionally only of some relations."""
        if relation is None:
            return self._nx.number_of_edges()
        return sum(1 for _ in self.edges(relation))

    # -- views ---------------------------------------------------------------------------

    def subgraph(self, nodes: Iterable[str]) -> StakeholderGraph:
        """Return the read-only view induced by some nodes (every edge among them).

        Unknown ids are ignored, as :meth:`networkx.Graph.subgraph` does. Unlike that
        method's view, this one lists its nodes and edges in the order of this graph, so
        that everything computed from it is the same from one run to the next.

        Notes
        -----
        Making the view of k nodes is O(k log k) (the first view of a graph also indexes
        its n nodes, once, in O(n)). Going over the view's nodes is O(k), and over its
        edges O(sum of the degrees of its nodes) in this graph: a view of one
        municipality costs the same in a landscape of one municipality and in the nation.
        """
        g = self._nx
        wanted = dict.fromkeys(n for n in nodes if n in g)
        if 4 * len(wanted) >= len(g):
            ordered = [n for n in g if n in wanted]
        else:
            position = self._positions()
            ordered = sorted(wanted, key=position.__getitem__)
        return StakeholderGraph(_induced_view(g, ordered))

    def copy(self) -> StakeholderGraph:
        """Return an independent copy (of the graph and of every attribute dictionary)."""
        return StakeholderGraph(self._nx.copy())

    def municipality_view(self, municipality: str) -> StakeholderGraph:
        """Return the part of the graph that belongs to one municipality.

        That is the municipality; its council, college, factions and areas (nested ones
        too); the organisations and initiatives located in it or serving its areas, and the
        meetings of those initiatives; and every actor tied to any of these (a raadslid, a
        participant, a partner organisation elsewhere). The edges are all edges among them.

        Parameters
        ----------
        municipality : str
            The id of a municipality node.

        Returns
        -------
        StakeholderGraph
            A read-only view.

        Raises
        ------
        KeyError
            If there is no such node.
        ValueError
            If the node is not a municipality.

        Notes
        -----
        O(sum of the degrees of the nodes visited).
        """
        self._expect(municipality, "municipality")
        g = self._nx
        core: dict[str, None] = {municipality: None}
        areas = self._areas_within([municipality])
        core.update(dict.fromkeys(areas))
        for u, _, data in g.in_edges(municipality, data=True):
            relation = data.get("relation")
            if relation == "body_of" or (relation == "located_in" and self.kind(u) != "area"):
                core[u] = None
        for body in [n for n in core if self.kind(n) == "council"]:
            for u, _, data in g.in_edges(body, data=True):
                if data.get("relation") == "part_of":
                    core[u] = None
        for area in areas:
            for u, _, data in g.in_edges(area, data=True):
                if data.get("relation") == "serves_area":
                    core[u] = None
        self._add_meetings(core)
        return self.subgraph(self._with_tied_actors(core))

    def initiative_view(self, initiative: str) -> StakeholderGraph:
        """Return an initiative with its meetings, the actors tied to them, and their ties.

        Parameters
        ----------
        initiative : str
            The id of an initiative node.

        Returns
        -------
        StakeholderGraph
            A read-only view: the initiative, its meetings, every actor tied to one of them
            (participants, leaders, initiators, hosts, attendees, role holders), and every
            edge among these nodes.

        Raises
        ------
        KeyError
            If there is no such node.
        ValueError
            If the node is not an initiative.

        Notes
        -----
        O(sum of the degrees of the nodes visited).
        """
        self._expect(initiative, "initiative")
        core: dict[str, None] = {initiative: None}
        self._add_meetings(core)
        return self.subgraph(self._with_tied_actors(core))

    def network_view(self, network: str) -> StakeholderGraph:
        """Return a network with its meetings, the actors tied to them, and their ties.

        Parameters
        ----------
        network : str
            The id of a network node.

        Returns
        -------
        StakeholderGraph
            A read-only view: the network, its meetings, every actor tied to one of them
            (members, coordinators, hosts, attendees), and every edge among these nodes.

        Raises
        ------
        KeyError
            If there is no such node.
        ValueError
            If the node is not a network.

        Notes
        -----
        O(sum of the degrees of the nodes visited).

        Examples
        --------
        >>> import democratie.examples
        >>> from democratie.graph import build_graph
        >>> graph = build_graph(democratie.examples.load("m50-leerkring-waalwijk"))
        >>> view = graph.network_view("m50-leerkring-democratische-vernieuwing")
        >>> len(view.nodes("municipality")), "democratie-in-actie" in view
        (12, True)
        """
        self._expect(network, "network")
        g = self._nx
        core: dict[str, None] = {network: None}
        for u, _, data in g.in_edges(network, data=True):
            if data.get("relation") == "part_of" and self.kind(u) == "meeting":
                core[u] = None
        return self.subgraph(self._with_tied_actors(core))

    def area_view(self, area: str) -> StakeholderGraph:
        """Return an area, the areas within it, what serves them, and the actors tied to that.

        Parameters
        ----------
        area : str
            The id of an area node (a wijk, a kern, ...).

        Returns
        -------
        StakeholderGraph
            A read-only view: the area and the areas nested in it; the organisations and
            initiatives serving any of them (an initiative that reaches every wijk of its
            municipality serves each); every actor tied to those; and every edge among them.

        Raises
        ------
        KeyError
            If there is no such node.
        ValueError
            If the node is not an area.

        Notes
        -----
        O(sum of the degrees of the nodes visited).
        """
        self._expect(area, "area")
        g = self._nx
        areas = self._areas_within([area], include_roots=True)
        core: dict[str, None] = dict.fromkeys(areas)
        for node in areas:
            for u, _, data in g.in_edges(node, data=True):
                if data.get("relation") == "serves_area":
                    core[u] = None
        return self.subgraph(self._with_tied_actors(core))

    def actor_projection(
        self,
        *,
        relations: Collection[Relation] | None = None,
        weight: str = "weight",
        idle_bodies: bool = False,
    ) -> _Graph:
        """Return the undirected graph of the actors and how often they are tied.

        Two actors (people, organisations, municipalities, councils, colleges, factions) are
        adjacent when an edge joins them directly (a raadslid's ``holds_role`` to the
        council) or when both are tied to the same venue: the same initiative, network or
        meeting. The edge's `weight` counts the direct edges plus the shared venues. Nodes
        keep their attributes.

        Councils and colleges that nothing refers to but their own municipality are left
        out: every municipality in a landscape has both, whether a source mentions them or
        not, and a body that takes part in nothing would only hang off its municipality and
        make it look like a hub and a single point of failure.

        Parameters
        ----------
        relations : collection of str, optional
            The relations that tie; by default
            :data:`~democratie.graph.schema.TIE_RELATIONS` (all but ``located_in`` and
            ``serves_area``).
        weight : str, default "weight"
            The name of the edge attribute that holds the count.
        idle_bodies : bool, default False
            Keep the councils and colleges whose only edge is ``body_of``.

        Returns
        -------
        networkx.Graph
            A new graph, with the actors in the order of this graph (isolated ones too).

        Notes
        -----
        O(E + sum over venues of the square of the number of actors tied to it): a network
        of 342 municipalities alone adds 58,311 pairs.

        Examples
        --------
        >>> from democratie.graph import build_graph
        >>> from democratie.model import Initiative, Landscape, Participant, Person
        >>> from democratie.vocab import InitiativeKind
        >>> land = Landscape(
        ...     people=(Person(id="p-a", name="A"), Person(id="p-b", name="B")),
        ...     initiatives=(Initiative(id="i", title="I", kind=InitiativeKind.WORKSHOP,
        ...         participants=(Participant(actor="p-a"), Participant(actor="p-b"))),),
        ... )
        >>> projection = build_graph(land).actor_projection()
        >>> list(projection.edges(data="weight"))
        [('p-a', 'p-b', 1)]
        """
        actors, counts = self._actor_ties(relations, idle_bodies)
        nodes = self._nx.nodes
        projection: _Graph = nx.Graph()
        projection.add_nodes_from((n, nodes[n]) for n in actors)
        projection.add_edges_from((a, b, {weight: n}) for (a, b), n in counts.items())
        return projection

    def _actor_ties(
        self, relations: Collection[Relation] | None = None, idle_bodies: bool = False
    ) -> tuple[list[str], dict[tuple[str, str], int]]:
        """The actors of :meth:`actor_projection`, in order, and how often each pair is tied.

        A pair is counted once, its ends in the order the projection's edges have them:
        building a ``networkx.Graph`` from the actors and then the pairs gives the
        projection (:class:`~democratie.graph.analysis._centrality.Ties` reads the same
        without building it).
        """
        wanted = TIE_RELATIONS if relations is None else _check_relations(relations)
        g = self._nx
        kinds: dict[str, str] = {n: data["kind"] for n, data in g.nodes(data=True)}
        idle = set() if idle_bodies else self._idle_bodies()
        actors = [n for n, kind in kinds.items() if kind in ACTOR_KINDS and n not in idle]
        venues: dict[str, dict[str, None]] = {}
        counts: dict[tuple[str, str], int] = {}
        for u, v, data in _edges_with_data(g):
            if data["relation"] not in wanted or u == v or u in idle:
                continue
            ku, kv = kinds[u], kinds[v]
            if ku in ACTOR_KINDS:
                if kv in ACTOR_KINDS:
                    pair = (u, v) if u < v else (v, u)
                    counts[pair] = counts.get(pair, 0) + 1
                elif kv in VENUE_KINDS:
                    venues.setdefault(v, {})[u] = None
            elif ku in VENUE_KINDS and kv in ACTOR_KINDS:
                venues.setdefault(u, {})[v] = None
        for members in venues.values():
            for a, b in combinations(members, 2):
                pair = (a, b) if a < b else (b, a)
                counts[pair] = counts.get(pair, 0) + 1
        return actors, counts

    # -- helpers -------------------------------------------------------------------------

    def _idle_bodies(self) -> set[str]:
        """Councils and colleges whose only edges are their own ``body_of``."""
        g = self._nx
        return {
            n
            for n, data in g.nodes(data=True)
            if data["kind"] in _BODIES
            and g.in_degree(n) == 0
            and all(d["relation"] == "body_of" for _, _, d in g.out_edges(n, data=True))
        }

    def _positions(self) -> dict[str, int]:
        """Every node's place in the order of the graph, indexed once and kept while valid.

        The index is rebuilt when the graph has changed since: its number of nodes, or its
        first or last node, differ.
        """
        g = self._nx
        stamp = _stamp(g)
        if self._order is None or self._order[0] != stamp:
            self._order = (stamp, {n: i for i, n in enumerate(g)})
        return self._order[1]

    def _missing(self, node: str) -> str:
        message = f"no node {node!r} in the stakeholder graph"
        if self._nx.number_of_nodes() <= 20_000:
            close = difflib.get_close_matches(str(node), [str(n) for n in self._nx], n=1)
            if close:
                message += f"; did you mean {close[0]!r}?"
        return message

    def _expect(self, node: str, kind: NodeKind) -> None:
        actual = self.kind(node)
        if actual != kind:
            message = f"{node!r} is {with_article(actual)}, not {with_article(kind)}"
            raise ValueError(message)

    def _areas_within(self, roots: list[str], *, include_roots: bool = False) -> list[str]:
        """The areas located (directly or through other areas) in the roots, breadth first."""
        # Read from the adjacency, in the order of ``in_edges``, the kind looked at first:
        # a municipality has an in-edge from everything located in it, and few are areas.
        g = self._nx
        pred = g._pred  # type: ignore[attr-defined]
        data_of = g._node  # type: ignore[attr-defined]
        found: dict[str, None] = dict.fromkeys(roots) if include_roots else {}
        queue = deque(roots)
        while queue:
            node = queue.popleft()
            for u, keys in pred[node].items():
                if (
                    u not in found
                    and data_of[u]["kind"] == "area"
                    and any(data.get("relation") == "located_in" for data in keys.values())
                ):
                    found[u] = None
                    queue.append(u)
        return list(found)

    def _add_meetings(self, core: dict[str, None]) -> None:
        g = self._nx
        for node in [n for n in core if self.kind(n) == "initiative"]:
            for u, _, data in g.in_edges(node, data=True):
                if data.get("relation") == "part_of" and self.kind(u) == "meeting":
                    core[u] = None

    def _with_tied_actors(self, core: dict[str, None]) -> list[str]:
        # Read from the adjacency itself: networkx's edge views cost several times more, and
        # a municipality's core has thousands of edges. The order does not matter here: the
        # view lists its nodes in the order of the graph.
        g = self._nx
        data_of = g._node  # type: ignore[attr-defined]
        found = dict(core)
        for node in core:
            for adjacency in (g._pred, g._succ):  # type: ignore[attr-defined]
                for other, keys in adjacency[node].items():
                    if (
                        other not in found
                        and data_of[other]["kind"] in ACTOR_KINDS
                        and any(d["relation"] in TIE_RELATIONS for d in keys.values())
                    ):
                        found[other] = None
        return list(found)


class _Members:
    """A node filter for an induced view: a membership test that also lists its members.

    networkx's filtered views go over ``nodes`` (in its order) instead of every node of
    the graph when it is much the smaller, and take ``length`` as their number of nodes; a
    dictionary's keys keep the graph's order. Only the view's node mapping and its outer
    adjacency see these two: the neighbours of one node are filtered by ``contains``.
    """

    __slots__ = ("contains", "length", "nodes")

    def __init__(self, ordered: list[str]) -> None:
        self.nodes = dict.fromkeys(ordered).keys()
        self.contains = self.nodes.__contains__
        self.length = len(self.nodes)

    def __call__(self, node: str) -> bool:
        return node in self.nodes


class _InducedMultiAdjacency(FilterMultiAdjacency[str, str, Any]):
    """networkx's filtered multi-adjacency, keeping each node's neighbours in their order.

    The neighbours of one node are filtered with the plain membership test, so that they
    come in the order the edges were added, as in the graph itself, however large the node's
    degree is.
    """

    def __init__(self, d: Any, members: _Members, every_edge: Any) -> None:
        super().__init__(d, members, every_edge)
        self._outer: Any = d
        self._contains = members.contains

    def __getitem__(self, node: str) -> Any:
        contains = self._contains
        if node in self._outer and contains(node):

            def edge_ok(nbr: str, key: object) -> bool:
                return bool(contains(nbr))

            return FilterMultiInner(self._outer[node], contains, edge_ok)
        raise KeyError(f"Key {node} not found")


def _induced_view(g: _MultiDiGraph, ordered: list[str]) -> _MultiDiGraph:
    """The read-only view of *g* induced by *ordered* (nodes of *g*, in the order of *g*)."""
    members = _Members(ordered)
    view: _MultiDiGraph = nx.subgraph_view(g, filter_node=members)
    if g.is_multigraph() and g.is_directed():
        every_edge = view._EDGE_OK  # type: ignore[attr-defined]
        succ, pred = g._succ, g._pred  # type: ignore[attr-defined]
        view._succ = _InducedMultiAdjacency(succ, members, every_edge)  # type: ignore[attr-defined]
        view._pred = _InducedMultiAdjacency(pred, members, every_edge)  # type: ignore[attr-defined]
    return view


def _edges_with_data(g: _MultiDiGraph) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """``g.edges(data=True)``, in the same order, read straight from the graph under a view.

    The edges of an induced view come from the adjacency of the whole graph, its
    neighbours tested for membership: networkx's filtered views wrap every step in
    another mapping, which makes a pass over the edges of a municipality's view cost
    twice what it needs.
    """
    succ = getattr(g, "_succ", None)
    if not isinstance(succ, _InducedMultiAdjacency):
        yield from g.edges(data=True)
        return
    outer, contains = succ._outer, succ._contains
    for u in g:
        for v, keys in outer[u].items():
            if contains(v):
                for data in keys.values():
                    yield u, v, data


def _stamp(g: _MultiDiGraph) -> tuple[int, object, object]:
    """What changes when nodes are added to or removed from *g*: its size, first and last."""
    count = g.number_of_nodes()
    if count == 0:
        return (0, None, None)
    nodes = g._node  # type: ignore[attr-defined]
    if isinstance(nodes, dict):
        return (count, next(iter(nodes)), next(reversed(nodes)))
    return (count, None, None)


def with_article(noun: str) -> str:
    """Return the noun with its indefinite article: ``"an organisation"``, ``"a council"``."""
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}"


def _check_kinds(kind: str | Collection[str]) -> frozenset[str]:
    kinds = frozenset({kind} if isinstance(kind, str) else kind)
    unknown = sorted(kinds - set(NODE_KINDS))
    if unknown:
        message = f"unknown node kind {', '.join(map(repr, unknown))}; use one of {NODE_KINDS}"
        raise ValueError(message)
    return kinds


def _check_relations(relation: str | Collection[str]) -> frozenset[str]:
    relations = frozenset({relation} if isinstance(relation, str) else relation)
    unknown = sorted(relations - set(RELATIONS))
    if unknown:
        message = f"unknown relation {', '.join(map(repr, unknown))}; use one of {RELATIONS}"
        raise ValueError(message)
    return relations

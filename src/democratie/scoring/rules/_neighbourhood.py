"""The neighbourhood a graph rule looks at, so that one subject costs what its surroundings cost.

A rule that scores one initiative or network must not compute over the whole
stakeholder graph: in a national landscape that makes every subject cost as much as
the nation. The network rules therefore measure within a subject's neighbourhood:

- :func:`neighbourhood`: a view (an initiative's or a network's) and one step further
  from its people and organisations: the other initiatives, networks and meetings they
  take part in, the actors there, and the actors they are tied to directly. The
  municipalities, their councils, colleges and factions are not stepped through: every
  municipality is tied to every other by a national association and to hundreds of
  residents by its initiatives, so one step through them reaches the nation.
- :func:`projected_ties`: the ties of some actors in the actor projection of the whole
  graph, counted from the actors themselves, without building the projection.

Examples
--------
Only people and organisations are stepped through (:data:`STEP_KINDS`):

>>> sorted(STEP_KINDS)
['organisation', 'person']
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable

import networkx as nx

from democratie.graph import ACTOR_KINDS, TIE_RELATIONS, VENUE_KINDS, StakeholderGraph

__all__ = ["STEP_KINDS", "neighbourhood", "projected_ties"]

STEP_KINDS = frozenset({"person", "organisation"})
"""The actors a neighbourhood steps through: people and organisations, not public bodies."""

_BODIES = frozenset({"council", "college"})


def neighbourhood(graph: StakeholderGraph, view: StakeholderGraph) -> StakeholderGraph:
    """Return *view* and one step further from its people and organisations, as a view of *graph*.

    Parameters
    ----------
    graph
        The whole stakeholder graph.
    view
        A view of it: :meth:`~democratie.graph.StakeholderGraph.initiative_view` or
        :meth:`~democratie.graph.StakeholderGraph.network_view`.

    Returns
    -------
    StakeholderGraph
        The read-only view of *graph* induced by the nodes of *view*; every venue
        (initiative, network, meeting) a person or organisation of *view* is tied to,
        with every actor tied to that venue; and every actor such a person or
        organisation is tied to directly.

    Notes
    -----
    O(sum of the degrees of the nodes visited): bounded by the surroundings of the
    view, whatever the size of the landscape.

    Examples
    --------
    >>> import democratie.examples
    >>> from democratie.graph import build_graph
    >>> graph = build_graph(democratie.examples.load("delft-zeven-van-delft"))
    >>> view = graph.initiative_view("workshop-zeven-van-delft")
    >>> around = neighbourhood(graph, view)
    >>> view.nx.number_of_nodes(), around.nx.number_of_nodes(), graph.nx.number_of_nodes()
    (5, 13, 15)
    >>> "de-zeven-van-delft" in around.nx, "de-zeven-van-delft" in view.nx
    (True, False)
    """
    g = graph.nx
    nodes = g.nodes
    found: dict[str, None] = dict.fromkeys(view)
    for actor in [n for n, data in view.nx.nodes(data=True) if data["kind"] in STEP_KINDS]:
        for other in _tied(g, actor):
            kind = nodes[other]["kind"]
            if kind in VENUE_KINDS:
                if other not in found:
                    found[other] = None
                    found.update(dict.fromkeys(_venue_actors(g, other)))
            elif kind in ACTOR_KINDS:
                found[other] = None
    return graph.subgraph(found)


def projected_ties(
    graph: StakeholderGraph, actors: Iterable[str], relations: Collection[str] = TIE_RELATIONS
) -> dict[str, dict[str, None]]:
    """Return each actor's neighbours in ``graph.actor_projection(relations=relations)``.

    The same neighbours the projection of the whole graph gives (ties by a direct edge or
    by a shared initiative, network or meeting; councils and colleges tied only to their
    own municipality left out), found from the actors' own edges: O(sum of the degrees of
    the actors and of their venues), instead of the whole graph.

    Parameters
    ----------
    graph
        The stakeholder graph.
    actors
        The actors whose ties are wanted; ids that are not actors in the projection get
        none (and are left out of the result).
    relations
        The relations that tie.

    Returns
    -------
    dict
        From each actor of the projection among *actors* to its neighbours there, in
        the order its edges are found.

    Examples
    --------
    The same neighbours as the actor projection of the whole graph, without building it:

    >>> import democratie.examples
    >>> from democratie.graph import build_graph
    >>> graph = build_graph(democratie.examples.load("delft-zeven-van-delft"))
    >>> ties = projected_ties(graph, ["mvv"])
    >>> sorted(ties["mvv"]) == sorted(graph.actor_projection().neighbors("mvv"))
    True
    >>> len(ties["mvv"])
    8
    """
    g = graph.nx
    nodes = g.nodes
    wanted = frozenset(relations)
    idle: dict[str, bool] = {}

    def is_idle(node: str) -> bool:
        known = idle.get(node)
        if known is None:
            known = (
                nodes[node]["kind"] in _BODIES
                and g.in_degree(node) == 0
                and all(d["relation"] == "body_of" for _, _, d in g.out_edges(node, data=True))
            )
            idle[node] = known
        return known

    result: dict[str, dict[str, None]] = {}
    for actor in actors:
        if actor not in g or nodes[actor]["kind"] not in ACTOR_KINDS or is_idle(actor):
            continue
        found: dict[str, None] = {}
        for other, kind in _ends(g, actor, wanted, is_idle):
            if kind in ACTOR_KINDS:
                found[other] = None
            elif kind in VENUE_KINDS:
                for member, member_kind in _ends(g, other, wanted, is_idle):
                    if member_kind in ACTOR_KINDS:
                        found[member] = None
        found.pop(actor, None)
        result[actor] = found
    return result


def _ends(
    g: nx.MultiDiGraph[str], node: str, wanted: frozenset[str], skip: Callable[[str], bool]
) -> list[tuple[str, str]]:
    """The other ends of *node*'s edges of the wanted relations, with their kinds.

    As the projection does, an edge that starts at a node *skip* names (an idle body) and a
    loop are left out.
    """
    # Read from the adjacency, in the order of g.out_edges(node) and g.in_edges(node).
    nodes = g._node  # type: ignore[attr-defined]
    found: list[tuple[str, str]] = []
    if not skip(node):
        for v, keys in g._succ[node].items():  # type: ignore[attr-defined]
            if v != node:
                for data in keys.values():
                    if data["relation"] in wanted:
                        found.append((v, nodes[v]["kind"]))
    for u, keys in g._pred[node].items():  # type: ignore[attr-defined]
        if u != node:
            for data in keys.values():
                if data["relation"] in wanted and not skip(u):
                    found.append((u, nodes[u]["kind"]))
    return found


def _never(_: str) -> bool:
    return False


def _tied(g: nx.MultiDiGraph[str], node: str) -> list[str]:
    """The other ends of *node*'s tie edges, in and out."""
    return [other for other, _ in _ends(g, node, TIE_RELATIONS, _never)]


def _venue_actors(g: nx.MultiDiGraph[str], venue: str) -> list[str]:
    """The actors tied to a venue."""
    return [other for other, kind in _ends(g, venue, TIE_RELATIONS, _never) if kind in ACTOR_KINDS]

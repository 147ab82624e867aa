"""Helpers shared by the analyses."""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection, Iterable, Mapping
from types import MappingProxyType
from typing import Any, ParamSpec, TypeVar, cast

from democratie.graph._graph import StakeholderGraph, with_article
from democratie.graph.schema import ACTOR_KINDS
from democratie.vocab import Sector

__all__ = ["actor_sectors", "resolve_actors", "with_backend"]

_P = ParamSpec("_P")
_R = TypeVar("_R")

_REPRESENTS = frozenset({"holds_role", "on_behalf_of"})


def with_backend(func: Callable[_P, _R], backend: str | None) -> Callable[_P, _R]:
    """Return `func` with networkx's ``backend=`` bound, or `func` itself for no backend.

    Examples
    --------
    >>> import networkx as nx
    >>> with_backend(nx.density, None) is nx.density
    True
    >>> betweenness = with_backend(nx.betweenness_centrality, "networkx")
    >>> betweenness(nx.path_graph(3))
    {0: 0.0, 1: 1.0, 2: 0.0}
    """
    if backend is None:
        return func
    bound = functools.partial(cast(Callable[..., _R], func), backend=backend)
    return cast(Callable[_P, _R], bound)


def resolve_actors(graph: StakeholderGraph, among: str | Iterable[str] | None) -> list[str]:
    """Return the actor ids asked for (every actor by default), checking that they are actors.

    Raises
    ------
    KeyError
        If an id is not in the graph.
    ValueError
        If an id is not an actor.

    Examples
    --------
    >>> import democratie.examples
    >>> from democratie.graph import build_graph
    >>> graph = build_graph(democratie.examples.load("leusden-samenleving-voorop"))
    >>> resolve_actors(graph, None)
    ['leusden', 'leusden-raad', 'leusden-college']
    >>> resolve_actors(graph, "leusden-raad")
    ['leusden-raad']
    >>> resolve_actors(graph, "samenleving-voorop")
    Traceback (most recent call last):
        ...
    ValueError: 'samenleving-voorop' is an initiative, not an actor
    """
    if among is None:
        return list(graph.nodes(ACTOR_KINDS))
    ids = [among] if isinstance(among, str) else list(dict.fromkeys(among))
    for node in ids:
        kind = graph.kind(node)
        if kind not in ACTOR_KINDS:
            message = f"{node!r} is {with_article(kind)}, not an actor"
            raise ValueError(message)
    return ids


def actor_sectors(
    graph: StakeholderGraph, among: Collection[str] | None = None
) -> Mapping[str, Sector]:
    """Return the sector of each actor that has one, inferring it for people where it is clear.

    An actor's own ``sector`` attribute comes first. A person has none in a landscape; a
    person gets the sector of the bodies where they hold a role or on whose behalf they act
    when those all share one sector (a projectleider of the municipality: ``overheid``), and
    none when they differ or there are none.

    Parameters
    ----------
    graph : StakeholderGraph
        The graph.
    among : collection of str, optional
        The actors to consider; by default every actor.

    Returns
    -------
    Mapping
        Read-only, from actor id to :class:`~democratie.vocab.Sector`, in graph order.
        Usable as the partition of
        :func:`~democratie.graph.analysis.bridging_bonding`.

    Notes
    -----
    O(sum of the out-degrees of the people considered).

    Examples
    --------
    >>> from democratie.graph import build_graph
    >>> from democratie.graph.analysis import actor_sectors
    >>> from democratie.model import Landscape, Municipality, Person, Role
    >>> from democratie.vocab import RoleKind
    >>> graph = build_graph(Landscape(
    ...     municipalities=(Municipality(id="delft", cbs_code="GM0503"),),
    ...     people=(Person(id="p-rob", name="Rob"),),
    ...     roles=(Role(holder="p-rob", kind=RoleKind.PROJECTLEIDER, at="delft"),),
    ... ))
    >>> actor_sectors(graph)["p-rob"].slug
    'overheid'
    """
    g = graph.nx
    nodes = g.nodes
    succ = g._succ  # type: ignore[attr-defined]
    by_slug: Mapping[object, Sector] = Sector._value2member_map_  # type: ignore[assignment]

    def sector(value: object) -> Sector:
        found = by_slug.get(value) if isinstance(value, str) else None
        return found if found is not None else Sector(value)

    wanted = graph.nodes(ACTOR_KINDS) if among is None else tuple(among)
    sectors: dict[str, Sector] = {}
    for node in wanted:
        data = nodes[node]
        own = data.get("sector")
        if own is not None:
            sectors[node] = sector(own)
            continue
        if data.get("kind") != "person":
            continue
        found = {  # the out-edges, as g.out_edges(node, data=True) gives them
            nodes[v].get("sector")
            for v, keys in succ[node].items()
            for edge in keys.values()
            if edge.get("relation") in _REPRESENTS
        }
        found.discard(None)
        if len(found) == 1:
            sectors[node] = sector(found.pop())
    return MappingProxyType(sectors)


def node_info(graph: StakeholderGraph, node: str) -> tuple[str, str]:
    """Return the label and kind of a node."""
    data: Mapping[str, Any] = graph.nx.nodes[node]
    return str(data.get("label", node)), str(data.get("kind", ""))

"""Coverage: which areas, policy domains and sectors an initiative reaches.

Delft's approach works "in alle acht Delftse wijken", across ten policy domains, with
organisations, businesses, residents and the municipality together; Stichtse Vecht's
gebiedsgericht werken spans twelve kernen. Coverage asks how much of that is reached:

- :func:`area_coverage`: the share of a municipality's wijken (or kernen, buurten, ...)
  that initiatives serve;
- :func:`domain_coverage`: the share of the required policy domains an initiative works in;
- :func:`sector_coverage`: which of the four sectors (overheid, maatschappij, markt,
  inwoners) take part, and whether they are tied to each other other than by merely being
  listed in the same initiative.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from attrs import frozen

from democratie.graph._graph import StakeholderGraph, with_article
from democratie.graph.analysis._common import actor_sectors
from democratie.graph.schema import ACTOR_KINDS, TIE_RELATIONS, VENUE_KINDS
from democratie.vocab import AreaLevel, PolicyDomain, Sector

__all__ = [
    "AreaCoverage",
    "DomainCoverage",
    "SectorCoverage",
    "area_coverage",
    "domain_coverage",
    "municipality_areas",
    "sector_coverage",
]

_COUNTS = {AreaLevel.WIJK: "wijk_count", AreaLevel.KERN: "kern_count"}


@frozen(kw_only=True)
class AreaCoverage:
    """How many of a municipality's areas of one level are reached.

    Attributes
    ----------
    municipality : str
        The municipality's id.
    level : AreaLevel
        The level counted (wijk, kern, ...).
    total : int or None
        How many areas of that level the municipality has: the named ones, or the count the
        landscape gives (``wijk_count``, ``kern_count``) when that is larger. None when
        neither is known.
    reached : tuple of str
        The named areas that are served.
    missing : tuple of str
        The named areas that are not.
    reached_count : int
        How many areas are reached, named or not: all of them when an initiative covers
        every area of the level (``covers_all``).
    covers_all : bool
        Whether an initiative reaches every area of the level.

    Examples
    --------
    Delft's initiative reaches "alle acht Delftse wijken", without naming them:

    >>> import democratie.examples
    >>> from democratie.graph import build_graph
    >>> graph = build_graph(democratie.examples.load("delft-zeven-van-delft"))
    >>> coverage = area_coverage(graph, "delft", level="wijk")
    >>> coverage.total, coverage.reached, coverage.reached_count, coverage.covers_all
    (8, (), 8, True)
    >>> coverage.share
    1.0
    """

    municipality: str
    level: AreaLevel
    total: int | None
    reached: tuple[str, ...]
    missing: tuple[str, ...]
    reached_count: int
    covers_all: bool

    @property
    def share(self) -> float | None:
        """The share of the areas reached, in [0, 1]; None when the total is not known."""
        if not self.total:
            return None
        return min(self.reached_count, self.total) / self.total


@frozen(kw_only=True)
class DomainCoverage:
    """Which of the required policy domains the initiatives work in.

    Attributes
    ----------
    declared : tuple of PolicyDomain
        The domains the initiatives work in.
    required : tuple of PolicyDomain or None
        The domains they are meant to cover; None when nothing says.
    covered : tuple of PolicyDomain
        The required domains that are declared.
    missing : tuple of PolicyDomain
        The required domains that are not.

    Examples
    --------
    >>> import democratie.examples
    >>> from democratie.graph import build_graph
    >>> graph = build_graph(democratie.examples.load("delft-zeven-van-delft"))
    >>> coverage = domain_coverage(graph, "de-zeven-van-delft", required=["zorg", "bestuur"])
    >>> [domain.slug for domain in coverage.covered], [domain.slug for domain in coverage.missing]
    (['zorg'], ['bestuur'])
    >>> coverage.share
    0.5
    """

    declared: tuple[PolicyDomain, ...]
    required: tuple[PolicyDomain, ...] | None
    covered: tuple[PolicyDomain, ...]
    missing: tuple[PolicyDomain, ...]

    @property
    def share(self) -> float | None:
        """The share of the required domains covered; None when none are required."""
        if not self.required:
            return None
        return len(self.covered) / len(self.required)


@frozen(kw_only=True)
class SectorCoverage:
    """Which sectors take part, and whether they are tied to each other.

    Attributes
    ----------
    sectors : tuple of Sector
        The sectors looked for.
    present : tuple of Sector
        The sectors with at least one participant.
    missing : tuple of Sector
        The sectors without one.
    participants : tuple of str
        The actors considered.
    unknown : tuple of str
        The participants whose sector is not known (a person without a role at a body
        with a sector, or with roles in several sectors).
    groups : tuple of tuple of Sector
        The present sectors grouped by the ties between their participants: one group means
        every present sector is reached from every other.

    Examples
    --------
    >>> import democratie.examples
    >>> from democratie.graph import build_graph
    >>> graph = build_graph(democratie.examples.load("delft-zeven-van-delft"))
    >>> coverage = sector_coverage(graph, "de-zeven-van-delft")
    >>> [sector.slug for sector in coverage.missing], coverage.share, coverage.connected
    ([], 1.0, False)
    """

    sectors: tuple[Sector, ...]
    present: tuple[Sector, ...]
    missing: tuple[Sector, ...]
    participants: tuple[str, ...]
    unknown: tuple[str, ...]
    groups: tuple[tuple[Sector, ...], ...]

    @property
    def share(self) -> float | None:
        """The share of the sectors present; None when no sectors are looked for."""
        if not self.sectors:
            return None
        return len(self.present) / len(self.sectors)

    @property
    def connected(self) -> bool | None:
        """Whether the present sectors are tied together; None with fewer than two present."""
        if len(self.present) < 2:
            return None
        return len(self.groups) == 1


def municipality_areas(
    graph: StakeholderGraph, municipality: str, *, level: AreaLevel | str = AreaLevel.WIJK
) -> tuple[str, ...]:
    """Return the areas of one level in a municipality (nested ones too), in graph order.

    These are the areas :func:`area_coverage` counts. Find them once and pass them as its
    *areas* when counting the reach of many initiatives of the same municipality.

    Parameters
    ----------
    graph : StakeholderGraph
        The graph.
    municipality : str
        The id of the municipality.
    level : AreaLevel or str, default "wijk"
        The level of the areas.

    Returns
    -------
    tuple of str
        The ids of the areas.

    Raises
    ------
    KeyError
        If the municipality is not in the graph.
    ValueError
        If `municipality` is not a municipality or `level` is not an area level.

    Notes
    -----
    O(sum of the degrees of the municipality and its areas).

    Examples
    --------
    >>> import democratie
    >>> from democratie.graph import build_graph
    >>> land = democratie.loads('''
    ... format = "democratie/1"
    ... [[municipalities]]
    ... id = "stichtse-vecht"
    ... cbs_code = "GM1904"
    ... areas = [
    ...     { id = "maarssen", name = "Maarssen", level = "kern" },
    ...     { id = "breukelen", name = "Breukelen", level = "kern" },
    ... ]
    ... ''')
    >>> municipality_areas(build_graph(land), "stichtse-vecht", level="kern")
    ('maarssen', 'breukelen')
    """
    level = AreaLevel.from_slug(level) if isinstance(level, str) else level
    if graph.kind(municipality) != "municipality":
        message = (
            f"{municipality!r} is {with_article(graph.kind(municipality))}, not a municipality"
        )
        raise ValueError(message)
    nodes = graph.nx.nodes
    position = graph._positions()
    return tuple(
        n
        for n in sorted(graph._areas_within([municipality]), key=position.__getitem__)
        if nodes[n].get("municipality") == municipality
        and nodes[n].get("area_level") == level.value
    )


def area_coverage(
    graph: StakeholderGraph,
    municipality: str,
    *,
    level: AreaLevel | str = AreaLevel.WIJK,
    by: str | Iterable[str] | None = None,
    areas: Sequence[str] | None = None,
) -> AreaCoverage:
    """Count the areas of one level in a municipality that are served.

    An area is reached when a node in `by` has a ``serves_area`` edge to it, to an area
    nested in it, or to an area it is nested in (serving a kern serves its wijken). An
    initiative that reaches every area of another level (``covers_all = ["kern"]``) serves
    each of those and so the areas inside them. An initiative that lists ``covers_all`` for
    the level and is located in the municipality reaches every area of the level, named or
    not (Delft names none of its eight wijken).

    Parameters
    ----------
    graph : StakeholderGraph
        The graph.
    municipality : str
        The id of the municipality.
    level : AreaLevel or str, default "wijk"
        The level of the areas counted.
    by : str or iterable of str, optional
        The initiatives (or organisations) whose reach counts; by default every initiative.
    areas : sequence of str, optional
        The areas to count, as :func:`municipality_areas` gives them for the same
        municipality and level; found when not given.

    Returns
    -------
    AreaCoverage
        The areas reached and missed, and the share.

    Raises
    ------
    KeyError
        If the municipality or a node in `by` is not in the graph.
    ValueError
        If `municipality` is not a municipality or `level` is not an area level.

    Notes
    -----
    O(sum of the degrees of the municipality and its areas), whatever the size of the
    graph; with ``by=None`` the initiatives are found first, in O(n) for n nodes.

    Examples
    --------
    >>> import democratie.examples
    >>> from democratie.graph import build_graph
    >>> graph = build_graph(democratie.examples.load("delft-zeven-van-delft"))
    >>> coverage = area_coverage(graph, "delft", level="wijk")
    >>> coverage.total, coverage.reached_count, coverage.share
    (8, 8, 1.0)
    """
    level = AreaLevel.from_slug(level) if isinstance(level, str) else level
    if graph.kind(municipality) != "municipality":
        message = (
            f"{municipality!r} is {with_article(graph.kind(municipality))}, not a municipality"
        )
        raise ValueError(message)
    g = graph.nx
    if by is None:
        servers = set(graph.nodes("initiative"))
    else:
        servers = {by} if isinstance(by, str) else set(by)
        for node in servers:
            graph.attributes(node)
    if areas is None:
        areas = municipality_areas(graph, municipality, level=level)
    # The servers located in the municipality, from its own in-edges (read from the
    # adjacency): what is located there is far fewer than every server's edges.
    local = [
        u
        for u, keys in g._pred[municipality].items()  # type: ignore[attr-defined]
        if u in servers and any(d.get("relation") == "located_in" for d in keys.values())
    ]
    whole = any(level.value in g.nodes[s].get("covers_all", ()) for s in local)
    # Reaching every area of another level (every kern) serves each of them, and so the
    # areas inside them (the wijken of every kern).
    wider = {
        other for s in local for other in g.nodes[s].get("covers_all", ()) if other != level.value
    }
    also = [
        a for other in sorted(wider) for a in municipality_areas(graph, municipality, level=other)
    ]
    served = set() if whole else _served_within(graph, municipality, servers, also)
    reached = [a for a in areas if whole or a in served]
    count = g.nodes[municipality].get(_COUNTS.get(level, ""), 0)
    total = max(len(areas), count) or None
    hit = set(reached)
    return AreaCoverage(
        municipality=municipality,
        level=level,
        total=total,
        reached=tuple(reached),
        missing=tuple(a for a in areas if a not in hit),
        reached_count=(total or 0) if whole else len(reached),
        covers_all=whole,
    )


def _served_within(
    graph: StakeholderGraph, municipality: str, servers: set[str], also: Sequence[str] = ()
) -> set[str]:
    """The areas of *municipality* the servers reach: served, within one served, or around.

    The same goes for the areas of *also*. Serving a kern serves the wijken inside it;
    serving a wijk reaches the kern it lies in (but not the other wijken of that kern).
    Areas nest within one municipality, so only the servers' edges to its own areas can
    reach them: these are found from the in-edges of those areas, not from every server's
    edges, and the cost is that of the municipality's areas, whatever the size of the graph.
    """
    g = graph.nx
    pred = g._pred  # type: ignore[attr-defined]
    nodes = g.nodes
    direct = [
        area
        for area in graph._areas_within([municipality])
        if any(
            u in servers and d.get("relation") == "serves_area"
            for u, keys in pred[area].items()
            for d in keys.values()
        )
    ]
    direct.extend(also)
    stack = list(direct)
    reached: set[str] = set(graph._areas_within(direct))
    while stack:
        node = stack.pop()
        if node in reached or nodes[node].get("kind") != "area":
            continue
        reached.add(node)
        stack.extend(
            v for _, v, data in g.out_edges(node, data=True) if data.get("relation") == "located_in"
        )
    return reached


_HUB_DEGREE = 64
"""Neighbours above which :func:`sector_coverage` looks up an actor's ties from the other side."""


class _Joined(Exception):
    """Every sector present is in one group: no tie found later can change the grouping."""


def _tie_ends(g: Any, node: str) -> list[str]:
    """The other ends of the node's tie edges, out and in, in edge order.

    Read from the adjacency (what ``g.out_edges(node, data=True)`` and ``g.in_edges`` go
    over, in the same order) without networkx's edge views.
    """
    ties = TIE_RELATIONS
    ends = [v for v, keys in g._succ[node].items() for d in keys.values() if d["relation"] in ties]
    ends += [u for u, keys in g._pred[node].items() for d in keys.values() if d["relation"] in ties]
    return ends


def _tied(g: Any, a: str, b: str) -> bool:
    """Whether a tie edge joins *a* and *b*, either way: two lookups, whatever their degrees."""
    for adjacency in (g._succ, g._pred):
        keys = adjacency[a].get(b)
        if keys and any(d["relation"] in TIE_RELATIONS for d in keys.values()):
            return True
    return False


def _share_a_venue(g: Any, a: str, b: str, initiative: str | None) -> bool:
    """Whether *a* and *b* are both tied to a venue other than *initiative*."""
    if len(g._succ[a]) + len(g._pred[a]) > len(g._succ[b]) + len(g._pred[b]):
        a, b = b, a
    nodes = g.nodes
    return any(
        venue != initiative and nodes[venue]["kind"] in VENUE_KINDS and _tied(g, b, venue)
        for venue in _tie_ends(g, a)
    )


def domain_coverage(
    graph: StakeholderGraph,
    initiative: str | Iterable[str],
    *,
    required: Iterable[PolicyDomain | str] | None = None,
) -> DomainCoverage:
    """Compare the policy domains of one or more initiatives with those required.

    Parameters
    ----------
    graph : StakeholderGraph
        The graph.
    initiative : str or iterable of str
        One initiative, or several whose domains are pooled.
    required : iterable of PolicyDomain or str, optional
        The domains to cover; by default the initiatives' own ``required_domains``, and
        None (no share) when they have none.

    Returns
    -------
    DomainCoverage
        The domains declared, covered and missing.

    Raises
    ------
    KeyError
        If an initiative is not in the graph.
    ValueError
        If a node is not an initiative or a domain is unknown.

    Notes
    -----
    O(number of initiatives + number of domains).

    Examples
    --------
    >>> import democratie.examples
    >>> from democratie.graph import build_graph
    >>> graph = build_graph(democratie.examples.load("delft-zeven-van-delft"))
    >>> len(domain_coverage(graph, "de-zeven-van-delft").declared)
    10
    >>> domain_coverage(graph, "de-zeven-van-delft", required=["zorg", "bestuur"]).share
    0.5
    """
    ids = [initiative] if isinstance(initiative, str) else list(dict.fromkeys(initiative))
    declared: dict[PolicyDomain, None] = {}
    own_required: dict[PolicyDomain, None] = {}
    for node in ids:
        if graph.kind(node) != "initiative":
            message = f"{node!r} is {with_article(graph.kind(node))}, not an initiative"
            raise ValueError(message)
        data = graph.attributes(node)
        declared.update(dict.fromkeys(PolicyDomain.from_slug(s) for s in data.get("domains", ())))
        own_required.update(
            dict.fromkeys(PolicyDomain.from_slug(s) for s in data.get("required_domains", ()))
        )
    wanted: tuple[PolicyDomain, ...] | None
    if required is not None:
        wanted = tuple(
            dict.fromkeys(PolicyDomain.from_slug(d) if isinstance(d, str) else d for d in required)
        )
    else:
        wanted = tuple(own_required) or None
    return DomainCoverage(
        declared=tuple(declared),
        required=wanted,
        covered=tuple(d for d in wanted or () if d in declared),
        missing=tuple(d for d in wanted or () if d not in declared),
    )


def sector_coverage(
    graph: StakeholderGraph,
    initiative: str | None = None,
    *,
    sectors: Iterable[Sector | str] | None = None,
) -> SectorCoverage:
    """Find which sectors take part in an initiative, and whether they are tied together.

    The participants are the actors tied to the initiative or its meetings (participants,
    leaders, initiators, hosts, attendees, role holders), or every actor when no initiative
    is given. Their sectors come from :func:`~democratie.graph.analysis.actor_sectors`.

    Two sectors are tied when a participant of one is tied to a participant of the other:
    directly, through another initiative, a network or a meeting, or by taking part in the
    same phase of this initiative. Being listed in the same initiative alone does not tie
    them: that would make every initiative trivially connected.

    Parameters
    ----------
    graph : StakeholderGraph
        The graph.
    initiative : str, optional
        The initiative; by default the whole graph.
    sectors : iterable of Sector or str, optional
        The sectors looked for; by default all four.

    Returns
    -------
    SectorCoverage
        The sectors present and missing, and how they group.

    Raises
    ------
    KeyError
        If the initiative is not in the graph.
    ValueError
        If the node is not an initiative or a sector is unknown.

    Notes
    -----
    O(sum of the degrees of the participants), or O(E) for the whole graph.

    Examples
    --------
    >>> import democratie.examples
    >>> from democratie.graph import build_graph
    >>> graph = build_graph(democratie.examples.load("delft-zeven-van-delft"))
    >>> coverage = sector_coverage(graph, "de-zeven-van-delft")
    >>> [s.slug for s in coverage.present]
    ['overheid', 'maatschappij', 'markt', 'inwoners']
    """
    looked_for = tuple(
        dict.fromkeys(
            Sector.from_slug(s) if isinstance(s, str) else s
            for s in (sectors if sectors is not None else Sector)
        )
    )
    if initiative is None:
        participants = list(graph.nodes(ACTOR_KINDS))
    else:
        participants = list(graph.initiative_view(initiative).nodes(ACTOR_KINDS))
    known = actor_sectors(graph, participants)

    # Union-find over the sectors by their place in Sector (an enum member hashes in Python,
    # and this is the inner loop). Once every sector present is in one group, no tie can
    # change the grouping, and the search for ties stops.
    place = {sector: at for at, sector in enumerate(Sector)}
    code = {actor: place[sector] for actor, sector in known.items()}
    parent = list(range(len(place)))
    groups = len(set(code.values()))

    def find(at: int) -> int:
        while parent[at] != at:
            at = parent[at]
        return at

    def union(a: str, b: str) -> None:
        nonlocal groups
        ca, cb = code.get(a), code.get(b)
        if ca is not None and cb is not None:
            ra, rb = find(ca), find(cb)
            if ra != rb:
                parent[rb] = ra
                groups -= 1
                if groups == 1:
                    raise _Joined

    g = graph.nx
    nodes = g.nodes
    succ, pred = g._succ, g._pred  # type: ignore[attr-defined]
    members = set(participants)
    # Actors tied to far more than an initiative's surroundings (a college, a council, a
    # municipality: tied to every initiative of the place) are not gone over edge by edge:
    # that would make one initiative cost what its municipality holds. What ties them is
    # looked up from the other side instead, with the same result.
    # Over the whole graph every edge is gone over anyway.
    hubs = (
        []
        if initiative is None
        else [a for a in participants if len(succ[a]) + len(pred[a]) > _HUB_DEGREE]
    )
    hub_set = set(hubs)
    try:
        if groups <= 1:
            raise _Joined
        met: dict[str, str] = {}  # venue -> the first participant of a known sector seen there
        for actor in participants:
            if actor in hub_set:
                continue
            for other in _tie_ends(g, actor):
                if other in (initiative, actor):
                    continue
                kind = nodes[other]["kind"]
                if other in members and kind in ACTOR_KINDS:
                    union(actor, other)
                elif kind in VENUE_KINDS and actor in known:
                    union(met.setdefault(other, actor), actor)
        for position, hub in enumerate(hubs):
            if hub not in known:
                continue
            for venue, first in met.items():
                if find(code[hub]) != find(code[first]) and _tied(g, hub, venue):
                    union(hub, first)
            for other in hubs[position + 1 :]:
                if (
                    other in known
                    and find(code[hub]) != find(code[other])
                    and (_tied(g, hub, other) or _share_a_venue(g, hub, other, initiative))
                ):
                    union(hub, other)
        if initiative is not None:
            phases: dict[str, str] = {}  # phase -> the first participant of a known sector in it
            for u, _, data in g.in_edges(initiative, data=True):
                phase = data.get("phase")
                if phase is not None and data.get("relation") in TIE_RELATIONS and u in known:
                    union(phases.setdefault(phase, u), u)
    except _Joined:
        pass

    present = tuple(s for s in Sector if s in set(known.values()) and s in looked_for)
    grouped: dict[int, list[Sector]] = {}
    for sector in present:
        grouped.setdefault(find(place[sector]), []).append(sector)
    return SectorCoverage(
        sectors=looked_for,
        present=present,
        missing=tuple(s for s in looked_for if s not in present),
        participants=tuple(participants),
        unknown=tuple(p for p in participants if p not in known),
        groups=tuple(tuple(g) for g in grouped.values()),
    )

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

from collections.abc import Iterable

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


def area_coverage(
    graph: StakeholderGraph,
    municipality: str,
    *,
    level: AreaLevel | str = AreaLevel.WIJK,
    by: str | Iterable[str] | None = None,
) -> AreaCoverage:
    """Count the areas of one level in a municipality that are served.

    An area is reached when a node in `by` has a ``serves_area`` edge to it, or to an area
    nested in it. An initiative that lists ``covers_all`` for the level and is located in
    the municipality reaches every area of the level, named or not (Delft names none of its
    eight wijken).

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
    nodes = g.nodes
    within = graph._areas_within([municipality])
    position = graph._positions()
    areas = [
        n
        for n in sorted(within, key=position.__getitem__)
        if nodes[n].get("municipality") == municipality
        and nodes[n].get("area_level") == level.value
    ]
    whole = any(
        level.value in g.nodes[s].get("covers_all", ())
        and any(
            v == municipality and d.get("relation") == "located_in"
            for _, v, d in g.out_edges(s, data=True)
        )
        for s in servers
    )
    reached = [a for a in areas if whole or _served(graph, a, servers)]
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


def _served(graph: StakeholderGraph, area: str, servers: set[str]) -> bool:
    """Whether a server serves the area or an area within it."""
    g = graph.nx
    stack = [area]
    seen = {area}
    while stack:
        node = stack.pop()
        for u, _, data in g.in_edges(node, data=True):
            relation = data.get("relation")
            if relation == "serves_area" and u in servers:
                return True
            if relation == "located_in" and u not in seen and g.nodes[u].get("kind") == "area":
                seen.add(u)
                stack.append(u)
    return False


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

    parent = {s: s for s in known.values()}

    def find(sector: Sector) -> Sector:
        while parent[sector] is not sector:
            sector = parent[sector]
        return sector

    def union(a: str, b: str) -> None:
        sa, sb = known.get(a), known.get(b)
        if sa is not None and sb is not None:
            ra, rb = find(sa), find(sb)
            if ra is not rb:
                parent[rb] = ra

    g = graph.nx
    members = set(participants)
    met: dict[str, str] = {}  # venue -> the first participant seen there
    for actor in participants:
        ends = [v for _, v, d in g.out_edges(actor, data=True) if d["relation"] in TIE_RELATIONS]
        ends += [u for u, _, d in g.in_edges(actor, data=True) if d["relation"] in TIE_RELATIONS]
        for other in ends:
            if other in (initiative, actor):
                continue
            kind = g.nodes[other]["kind"]
            if other in members and kind in ACTOR_KINDS:
                union(actor, other)
            elif kind in VENUE_KINDS:
                union(met.setdefault(other, actor), actor)
    if initiative is not None:
        phases: dict[str, str] = {}  # phase -> the first participant in it
        for u, _, data in g.in_edges(initiative, data=True):
            phase = data.get("phase")
            if phase is not None and data.get("relation") in TIE_RELATIONS:
                union(phases.setdefault(phase, u), u)

    present = tuple(s for s in Sector if s in set(known.values()) and s in looked_for)
    grouped: dict[Sector, list[Sector]] = {}
    for sector in present:
        grouped.setdefault(find(sector), []).append(sector)
    return SectorCoverage(
        sectors=looked_for,
        present=present,
        missing=tuple(s for s in looked_for if s not in present),
        participants=tuple(participants),
        unknown=tuple(p for p in participants if p not in known),
        groups=tuple(tuple(g) for g in grouped.values()),
    )

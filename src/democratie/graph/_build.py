"""Build a stakeholder graph from a landscape."""

from __future__ import annotations

from typing import Any, TypeAlias

import networkx as nx

from democratie.graph._graph import StakeholderGraph
from democratie.model import (
    Area,
    Assessment,
    Initiative,
    Landscape,
    Meeting,
    Municipality,
    Network,
    Organisation,
    Role,
)

__all__ = ["build_graph"]

_Attrs: TypeAlias = dict[str, Any]
_NodeRow: TypeAlias = tuple[str, _Attrs]
_EdgeRow: TypeAlias = tuple[str, str, _Attrs]

_GOVERNMENT = "overheid"


def build_graph(landscape: Landscape) -> StakeholderGraph:
    """Build the stakeholder graph of a landscape.

    One node per municipality, council, college, faction, area, organisation, person,
    initiative, network and meeting, keyed by its id in the landscape; one edge per reference
    between them, with a ``relation`` from :data:`~democratie.graph.schema.RELATIONS` and the
    facts it came from (the role kind, the phase, the period). Roles are edges, never nodes.
    The mapping from model to graph is tabled in the documentation (*The stakeholder graph*).

    Parameters
    ----------
    landscape : Landscape
        A checked landscape; every reference in it resolves.

    Returns
    -------
    StakeholderGraph
        A new graph, owned by the caller. Nodes come in document order, edges in the order
        of the references that make them, so building twice gives equal graphs.

    Notes
    -----
    Every node has ``kind`` and ``label``. Other attributes are set only where the landscape
    gives a value (no attribute is ever ``None``): ``sector``, ``municipality``, ``area``,
    ``power``, ``interest``, ``legitimacy``, ``urgency``, and per kind ``actor_kind``,
    ``area_level``, ``initiative_kind``, ``network_kind``, ``meeting_kind``, ``domains`` and
    more. Dates are ISO strings and vocabulary values are their slugs, so the graph can be
    written to GraphML or GEXF; ``domains``, ``required_domains`` and ``covers_all`` are
    tuples of slugs.

    Time and memory are linear in the size of the landscape: the nodes and edges are
    collected as tuples and added with one ``add_nodes_from`` and one ``add_edges_from``.

    Examples
    --------
    >>> from democratie.graph import build_graph
    >>> from democratie.model import Landscape, Municipality, Person, Role
    >>> from democratie.vocab import RoleKind
    >>> land = Landscape(
    ...     municipalities=(Municipality(id="leusden", cbs_code="GM0327"),),
    ...     people=(Person(id="p-an", name="An de Vries"),),
    ...     roles=(Role(holder="p-an", kind=RoleKind.RAADSLID, at="leusden-raad"),),
    ... )
    >>> graph = build_graph(land)
    >>> graph.nx.nodes["leusden-raad"]["label"]
    'Gemeenteraad Leusden'
    >>> [(u, v, d["relation"]) for u, v, d in graph.edges()]
    [('leusden-raad', 'leusden', 'body_of'), ('leusden-college', 'leusden', 'body_of'), \
('p-an', 'leusden-raad', 'holds_role')]
    """
    nodes: list[_NodeRow] = []
    edges: list[_EdgeRow] = []
    for municipality in landscape.municipalities:
        _add_municipality(municipality, nodes, edges)
    for organisation in landscape.organisations:
        nodes.append((organisation.id, _organisation_attrs(organisation)))
        _add_organisation_edges(organisation, edges)
    for person in landscape.people:
        attrs: _Attrs = {"kind": "person", "label": person.name}
        if person.assessment is not None:
            _add_assessment(attrs, person.assessment)
        nodes.append((person.id, attrs))
    for role in landscape.roles:
        _add_role_edges(role, edges)
    for initiative in landscape.initiatives:
        nodes.append((initiative.id, _initiative_attrs(initiative)))
        _add_initiative_edges(initiative, landscape, edges)
        _add_meetings(initiative.meetings, initiative.id, nodes, edges)
    for network in landscape.networks:
        nodes.append((network.id, _network_attrs(network)))
        _add_network_edges(network, edges)
        _add_meetings(network.meetings, network.id, nodes, edges)
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    if landscape.title is not None:
        graph.graph["title"] = landscape.title
    graph.add_nodes_from(nodes)
    graph.add_edges_from(edges)
    return StakeholderGraph(graph)


def _add_assessment(attrs: _Attrs, assessment: Assessment) -> None:
    if assessment.power is not None:
        attrs["power"] = assessment.power
    if assessment.interest is not None:
        attrs["interest"] = assessment.interest
    if assessment.legitimacy is not None:
        attrs["legitimacy"] = assessment.legitimacy
    if assessment.urgency is not None:
        attrs["urgency"] = assessment.urgency


def _add_municipality(mun: Municipality, nodes: list[_NodeRow], edges: list[_EdgeRow]) -> None:
    mid = mun.id
    attrs: _Attrs = {"kind": "municipality", "label": mun.name or mid, "sector": _GOVERNMENT}
    attrs["municipality"] = mid
    if mun.cbs_code is not None:
        attrs["cbs_code"] = mun.cbs_code
    if mun.province is not None:
        attrs["province"] = mun.province
    if mun.wijk_count is not None:
        attrs["wijk_count"] = mun.wijk_count
    if mun.kern_count is not None:
        attrs["kern_count"] = mun.kern_count
    if mun.assessment is not None:
        _add_assessment(attrs, mun.assessment)
    nodes.append((mid, attrs))

    name = mun.name or mid
    council, college = mun.council, mun.college
    council_id = f"{mid}-raad"
    attrs = {"kind": "council", "label": f"Gemeenteraad {name}", "sector": _GOVERNMENT}
    attrs["municipality"] = mid
    if council.seats is not None:
        attrs["seats"] = council.seats
    if council.assessment is not None:
        _add_assessment(attrs, council.assessment)
    nodes.append((council_id, attrs))
    college_id = f"{mid}-college"
    attrs = {"kind": "college", "label": f"College van B&W {name}", "sector": _GOVERNMENT}
    attrs["municipality"] = mid
    if college.wethouder_seats is not None:
        attrs["wethouder_seats"] = college.wethouder_seats
    if college.assessment is not None:
        _add_assessment(attrs, college.assessment)
    nodes.append((college_id, attrs))
    edges.append((council_id, mid, {"relation": "body_of"}))
    edges.append((college_id, mid, {"relation": "body_of"}))

    for faction in council.factions:
        attrs = {"kind": "faction", "label": faction.name, "sector": _GOVERNMENT}
        attrs["municipality"] = mid
        if faction.seats is not None:
            attrs["seats"] = faction.seats
        nodes.append((faction.id, attrs))
        edges.append((faction.id, council_id, {"relation": "part_of"}))
        if faction.party is not None:
            edges.append((faction.id, faction.party, {"relation": "on_behalf_of"}))
    _add_areas(mun.areas, mid, mid, nodes, edges)


def _add_areas(
    areas: tuple[Area, ...],
    parent: str,
    municipality: str,
    nodes: list[_NodeRow],
    edges: list[_EdgeRow],
) -> None:
    for area in areas:
        attrs: _Attrs = {"kind": "area", "label": area.name, "area_level": area.level.value}
        attrs["municipality"] = municipality
        if area.code is not None:
            attrs["code"] = area.code
        nodes.append((area.id, attrs))
        edges.append((area.id, parent, {"relation": "located_in"}))
        if area.areas:
            _add_areas(area.areas, area.id, municipality, nodes, edges)


def _organisation_attrs(org: Organisation) -> _Attrs:
    attrs: _Attrs = {
        "kind": "organisation",
        "label": org.name,
        "actor_kind": org.kind.value,
        "sector": org.sector.value,
    }
    if org.municipality is not None:
        attrs["municipality"] = org.municipality
    if len(org.areas) == 1:
        attrs["area"] = org.areas[0]
    if org.assessment is not None:
        _add_assessment(attrs, org.assessment)
    return attrs


def _add_organisation_edges(org: Organisation, edges: list[_EdgeRow]) -> None:
    oid = org.id
    if org.municipality is not None:
        edges.append((oid, org.municipality, {"relation": "located_in"}))
    for area in org.areas:
        edges.append((oid, area, {"relation": "serves_area"}))
    if org.parent is not None:
        edges.append((oid, org.parent, {"relation": "part_of"}))


def _role_attrs(relation: str, role: Role) -> _Attrs:
    attrs: _Attrs = {"relation": relation, "role": role.kind.value}
    if role.id is not None:
        attrs["role_id"] = role.id
    if role.start is not None:
        attrs["start"] = role.start.isoformat()
    if role.end is not None:
        attrs["end"] = role.end.isoformat()
    return attrs


def _add_role_edges(role: Role, edges: list[_EdgeRow]) -> None:
    if role.at is not None:
        attrs = _role_attrs("holds_role", role)
        if role.title is not None:
            attrs["title"] = role.title
        edges.append((role.holder, role.at, attrs))
    if role.on_behalf_of is not None:
        edges.append((role.holder, role.on_behalf_of, _role_attrs("on_behalf_of", role)))


def _initiative_attrs(ini: Initiative) -> _Attrs:
    attrs: _Attrs = {
        "kind": "initiative",
        "label": ini.title,
        "initiative_kind": ini.kind.value,
    }
    if len(ini.municipalities) == 1:
        attrs["municipality"] = ini.municipalities[0]
    if len(ini.areas) == 1:
        attrs["area"] = ini.areas[0]
    if ini.domains:
        attrs["domains"] = tuple(domain.value for domain in ini.domains)
    if ini.required_domains:
        attrs["required_domains"] = tuple(domain.value for domain in ini.required_domains)
    if ini.covers_all:
        attrs["covers_all"] = tuple(level.value for level in ini.covers_all)
    if ini.level is not None:
        attrs["level"] = ini.level.value
    if ini.initiator is not None:
        attrs["initiator"] = ini.initiator.value
    if ini.government_role is not None:
        attrs["government_role"] = ini.government_role.value
    if ini.period.start is not None:
        attrs["start"] = ini.period.start.isoformat()
    if ini.period.end is not None:
        attrs["end"] = ini.period.end.isoformat()
    return attrs


def _add_initiative_edges(ini: Initiative, landscape: Landscape, edges: list[_EdgeRow]) -> None:
    iid = ini.id
    for municipality in ini.municipalities:
        edges.append((iid, municipality, {"relation": "located_in"}))
    for area in ini.areas:
        edges.append((iid, area, {"relation": "serves_area"}))
    if ini.covers_all:
        named = set(ini.areas)
        for municipality in ini.municipalities:
            for level in ini.covers_all:
                for area_ in landscape.areas_of(municipality, level.value):
                    if area_.id not in named:
                        named.add(area_.id)
                        edges.append(
                            (iid, area_.id, {"relation": "serves_area", "via": "covers_all"})
                        )
    for actor in ini.initiated_by:
        edges.append((actor, iid, {"relation": "initiated"}))
    for actor in ini.led_by:
        edges.append((actor, iid, {"relation": "leads"}))
    for participant in ini.participants:
        attrs: _Attrs = {"relation": "participates_in", "role": participant.role.value}
        if participant.level is not None:
            attrs["level"] = participant.level.value
        edges.append((participant.actor, iid, attrs))
    for stage in ini.phases:
        template: _Attrs = {"relation": "participates_in", "phase": stage.phase.value}
        if stage.level is not None:
            template["level"] = stage.level.value
        if stage.period.start is not None:
            template["start"] = stage.period.start.isoformat()
        if stage.period.end is not None:
            template["end"] = stage.period.end.isoformat()
        for actor in stage.participants:
            edges.append((actor, iid, dict(template)))
    for commitment in ini.commitments:
        if commitment.by is not None:
            attrs = {
                "relation": "participates_in",
                "commitment": commitment.kind.value,
                "commitment_level": commitment.level.value,
            }
            edges.append((commitment.by, iid, attrs))
    for task in ini.tasks:
        for assignment in task.assignments:
            attrs = {"relation": "participates_in", "raci": assignment.raci.value}
            attrs["task"] = task.title
            actor = assignment.actor
            held = landscape.get(actor)
            if isinstance(held, Role):
                attrs["role_id"] = actor
                actor = held.holder
            edges.append((actor, iid, attrs))
    for lesson in ini.lessons:
        for party in lesson.shared_with:
            edges.append(
                (iid, party, {"relation": "collaborates_with", "lesson": lesson.kind.value})
            )
    if ini.network is not None:
        edges.append((iid, ini.network, {"relation": "part_of"}))


def _network_attrs(net: Network) -> _Attrs:
    attrs: _Attrs = {"kind": "network", "label": net.name, "network_kind": net.kind.value}
    if net.period.start is not None:
        attrs["start"] = net.period.start.isoformat()
    if net.period.end is not None:
        attrs["end"] = net.period.end.isoformat()
    return attrs


def _add_network_edges(net: Network, edges: list[_EdgeRow]) -> None:
    nid = net.id
    for member in net.members:
        edges.append((member, nid, {"relation": "member_of"}))
    for coordinator in net.coordinators:
        edges.append((coordinator, nid, {"relation": "leads"}))
    if net.parent is not None:
        edges.append((nid, net.parent, {"relation": "part_of"}))


def _add_meetings(
    meetings: tuple[Meeting, ...], parent: str, nodes: list[_NodeRow], edges: list[_EdgeRow]
) -> None:
    for meeting in meetings:
        mid = meeting.id
        attrs: _Attrs = {"kind": "meeting", "label": meeting.title}
        attrs["meeting_kind"] = meeting.kind.value
        if meeting.date is not None:
            attrs["date"] = meeting.date.isoformat()
        if meeting.held is not None:
            attrs["held"] = meeting.held
        if meeting.attendance is not None:
            attrs["attendance"] = meeting.attendance
        nodes.append((mid, attrs))
        edges.append((mid, parent, {"relation": "part_of"}))
        if meeting.host is not None:
            edges.append((meeting.host, mid, {"relation": "hosts"}))
        for attendee in meeting.attendees:
            edges.append((attendee, mid, {"relation": "attended"}))

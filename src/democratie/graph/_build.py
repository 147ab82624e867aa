"""Build a stakeholder graph from a landscape."""

from __future__ import annotations

import gc
from collections.abc import Iterator
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
from democratie.vocab import RoleKind

__all__ = ["build_graph"]

_Attrs: TypeAlias = dict[str, Any]
_NodeRow: TypeAlias = tuple[str, _Attrs]
_EdgeRow: TypeAlias = tuple[str, str, _Attrs]

_GOVERNMENT = "overheid"
#: The part an intake's municipality and its change officer play in the initiative: a
#: municipality that signed up is a candidate until the trajectory enrols it.
_CANDIDATE = RoleKind.KANDIDAAT_DEELNEMER.value
_OFFICER = RoleKind.VERANDERAMBTENAAR.value


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

    Time and memory are linear in the size of the landscape. Nodes and edges are generated
    as tuples and streamed into one ``add_nodes_from`` and one ``add_edges_from``, so no
    list of them is held beside the graph. Python's cyclic garbage collector is paused while
    the graph is filled: the millions of small dictionaries of a national graph would
    otherwise make it scan the growing graph again and again, and nothing made here forms a
    reference cycle for it to find.

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
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    if landscape.title is not None:
        graph.graph["title"] = landscape.title
    collecting = gc.isenabled()
    gc.disable()  # nothing made here forms a cycle; see Notes
    try:
        graph.add_nodes_from(_nodes(landscape))
        graph.add_edges_from(_edges(landscape))
    finally:
        if collecting:
            gc.enable()
    return StakeholderGraph(graph)


def _nodes(landscape: Landscape) -> Iterator[_NodeRow]:
    """Yield the nodes in document order; each attribute dictionary is used once."""
    for municipality in landscape.municipalities:
        yield from _municipality_nodes(municipality)
    for organisation in landscape.organisations:
        yield organisation.id, _organisation_attrs(organisation)
    for person in landscape.people:
        attrs: _Attrs = {"kind": "person", "label": person.name}
        if person.assessment is not None:
            _add_assessment(attrs, person.assessment)
        yield person.id, attrs
    for initiative in landscape.initiatives:
        yield initiative.id, _initiative_attrs(initiative)
        yield from _meeting_nodes(initiative.meetings)
    for network in landscape.networks:
        yield network.id, _network_attrs(network)
        yield from _meeting_nodes(network.meetings)


def _edges(landscape: Landscape) -> Iterator[_EdgeRow]:
    """Yield the edges in the order of the references that make them."""
    for municipality in landscape.municipalities:
        yield from _municipality_edges(municipality)
    for organisation in landscape.organisations:
        yield from _organisation_edges(organisation)
    for role in landscape.roles:
        # Inlined: roles are the bulk of the edges of a large landscape.
        at, behalf = role.at, role.on_behalf_of
        if at is None and behalf is None:
            continue
        attrs: _Attrs = {"relation": "holds_role", "role": role.kind._value_}
        if role.id is not None:
            attrs["role_id"] = role.id
        if role.start is not None:
            attrs["start"] = role.start.isoformat()
        if role.end is not None:
            attrs["end"] = role.end.isoformat()
        behalf_edge: _EdgeRow | None = None
        if behalf is not None:
            behalf_edge = (role.holder, behalf, {**attrs, "relation": "on_behalf_of"})
        if at is not None:
            if role.title is not None:
                attrs["title"] = role.title
            yield role.holder, at, attrs
        if behalf_edge is not None:
            yield behalf_edge
    for initiative in landscape.initiatives:
        yield from _initiative_edges(initiative, landscape)
        yield from _meeting_edges(initiative.meetings, initiative.id)
    for network in landscape.networks:
        yield from _network_edges(network)
        yield from _meeting_edges(network.meetings, network.id)


def _add_assessment(attrs: _Attrs, assessment: Assessment) -> None:
    if assessment.power is not None:
        attrs["power"] = assessment.power
    if assessment.interest is not None:
        attrs["interest"] = assessment.interest
    if assessment.legitimacy is not None:
        attrs["legitimacy"] = assessment.legitimacy
    if assessment.urgency is not None:
        attrs["urgency"] = assessment.urgency


def _municipality_nodes(mun: Municipality) -> Iterator[_NodeRow]:
    mid = mun.id
    name = mun.name or mid
    attrs: _Attrs = {"kind": "municipality", "label": name, "sector": _GOVERNMENT}
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
    yield mid, attrs

    council, college = mun.council, mun.college
    attrs = {"kind": "council", "label": f"Gemeenteraad {name}", "sector": _GOVERNMENT}
    attrs["municipality"] = mid
    if council.seats is not None:
        attrs["seats"] = council.seats
    if council.assessment is not None:
        _add_assessment(attrs, council.assessment)
    yield f"{mid}-raad", attrs
    attrs = {"kind": "college", "label": f"College van B&W {name}", "sector": _GOVERNMENT}
    attrs["municipality"] = mid
    if college.wethouder_seats is not None:
        attrs["wethouder_seats"] = college.wethouder_seats
    if college.assessment is not None:
        _add_assessment(attrs, college.assessment)
    yield f"{mid}-college", attrs

    for faction in council.factions:
        attrs = {"kind": "faction", "label": faction.name, "sector": _GOVERNMENT}
        attrs["municipality"] = mid
        if faction.seats is not None:
            attrs["seats"] = faction.seats
        yield faction.id, attrs
    yield from _area_nodes(mun.areas, mid)


def _area_nodes(areas: tuple[Area, ...], municipality: str) -> Iterator[_NodeRow]:
    for area in areas:
        attrs: _Attrs = {"kind": "area", "label": area.name, "area_level": area.level.value}
        attrs["municipality"] = municipality
        if area.code is not None:
            attrs["code"] = area.code
        yield area.id, attrs
        if area.areas:
            yield from _area_nodes(area.areas, municipality)


def _municipality_edges(mun: Municipality) -> Iterator[_EdgeRow]:
    mid = mun.id
    council_id = f"{mid}-raad"
    yield council_id, mid, {"relation": "body_of"}
    yield f"{mid}-college", mid, {"relation": "body_of"}
    for faction in mun.council.factions:
        yield faction.id, council_id, {"relation": "part_of"}
        if faction.party is not None:
            yield faction.id, faction.party, {"relation": "on_behalf_of"}
    yield from _area_edges(mun.areas, mid)


def _area_edges(areas: tuple[Area, ...], parent: str) -> Iterator[_EdgeRow]:
    for area in areas:
        yield area.id, parent, {"relation": "located_in"}
        if area.areas:
            yield from _area_edges(area.areas, area.id)


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


def _organisation_edges(org: Organisation) -> Iterator[_EdgeRow]:
    oid = org.id
    if org.municipality is not None:
        yield oid, org.municipality, {"relation": "located_in"}
    for area in org.areas:
        yield oid, area, {"relation": "serves_area"}
    if org.parent is not None:
        yield oid, org.parent, {"relation": "part_of"}


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


def _initiative_edges(ini: Initiative, landscape: Landscape) -> Iterator[_EdgeRow]:
    iid = ini.id
    for municipality in ini.municipalities:
        yield iid, municipality, {"relation": "located_in"}
    for area in ini.areas:
        yield iid, area, {"relation": "serves_area"}
    if ini.covers_all:
        named = set(ini.areas)
        for municipality in ini.municipalities:
            for level in ini.covers_all:
                for reached in landscape.areas_of(municipality, level.value):
                    if reached.id not in named:
                        named.add(reached.id)
                        yield iid, reached.id, {"relation": "serves_area", "via": "covers_all"}
    for actor in ini.initiated_by:
        yield actor, iid, {"relation": "initiated"}
    for actor in ini.led_by:
        yield actor, iid, {"relation": "leads"}
    for participant in ini.participants:
        attrs: _Attrs = {"relation": "participates_in", "role": participant.role.value}
        if participant.level is not None:
            attrs["level"] = participant.level.value
        yield participant.actor, iid, attrs
    for stage in ini.phases:
        template: _Attrs = {"relation": "participates_in", "phase": stage.phase.value}
        if stage.level is not None:
            template["level"] = stage.level.value
        if stage.period.start is not None:
            template["start"] = stage.period.start.isoformat()
        if stage.period.end is not None:
            template["end"] = stage.period.end.isoformat()
        for actor in stage.participants:
            yield actor, iid, dict(template)
    for commitment in ini.commitments:
        if commitment.by is not None:
            attrs = {
                "relation": "participates_in",
                "commitment": commitment.kind.value,
                "commitment_level": commitment.level.value,
            }
            yield commitment.by, iid, attrs
    for intake in ini.intakes:
        yield intake.municipality, iid, {"relation": "participates_in", "role": _CANDIDATE}
        if intake.officer is not None:
            yield intake.officer, iid, {"relation": "participates_in", "role": _OFFICER}
    for task in ini.tasks:
        for assignment in task.assignments:
            attrs = {"relation": "participates_in", "raci": assignment.raci.value}
            attrs["task"] = task.title
            actor = assignment.actor
            held = landscape.get(actor)
            if isinstance(held, Role):
                attrs["role_id"] = actor
                actor = held.holder
            yield actor, iid, attrs
    for lesson in ini.lessons:
        for transfer in lesson.transfers:
            yield iid, transfer.to, {"relation": "collaborates_with", "lesson": lesson.kind.value}
    if ini.network is not None:
        yield iid, ini.network, {"relation": "part_of"}


def _network_attrs(net: Network) -> _Attrs:
    attrs: _Attrs = {"kind": "network", "label": net.name, "network_kind": net.kind.value}
    if net.period.start is not None:
        attrs["start"] = net.period.start.isoformat()
    if net.period.end is not None:
        attrs["end"] = net.period.end.isoformat()
    return attrs


def _network_edges(net: Network) -> Iterator[_EdgeRow]:
    nid = net.id
    for member in net.members:
        yield member, nid, {"relation": "member_of"}
    for coordinator in net.coordinators:
        yield coordinator, nid, {"relation": "leads"}
    if net.parent is not None:
        yield nid, net.parent, {"relation": "part_of"}
    if net.initiative is not None:
        yield nid, net.initiative, {"relation": "part_of"}


def _meeting_nodes(meetings: tuple[Meeting, ...]) -> Iterator[_NodeRow]:
    for meeting in meetings:
        attrs: _Attrs = {"kind": "meeting", "label": meeting.title}
        attrs["meeting_kind"] = meeting.kind.value
        if meeting.date is not None:
            attrs["date"] = meeting.date.isoformat()
        if meeting.held is not None:
            attrs["held"] = meeting.held
        if meeting.attendance is not None:
            attrs["attendance"] = meeting.attendance
        yield meeting.id, attrs


def _meeting_edges(meetings: tuple[Meeting, ...], parent: str) -> Iterator[_EdgeRow]:
    for meeting in meetings:
        mid = meeting.id
        yield mid, parent, {"relation": "part_of"}
        if meeting.host is not None:
            yield meeting.host, mid, {"relation": "hosts"}
        for attendee in meeting.attendees:
            yield attendee, mid, {"relation": "attended"}

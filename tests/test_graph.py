"""build_graph and StakeholderGraph: the mapping from model to graph, its views, its properties."""

from __future__ import annotations

import datetime as dt
import gc
import re
from collections import Counter
from collections.abc import Hashable
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from democratie.errors import ModelError
from democratie.graph import (
    ACTOR_KINDS,
    NODE_KINDS,
    RELATIONS,
    TIE_RELATIONS,
    StakeholderGraph,
    build_graph,
)
from democratie.graph.schema import RELATION_DESCRIPTIONS
from democratie.model import (
    Area,
    Assessment,
    Assignment,
    Commitment,
    Council,
    Faction,
    Initiative,
    Intake,
    Landscape,
    Lesson,
    Meeting,
    Municipality,
    Network,
    Organisation,
    Participant,
    Period,
    Person,
    Role,
    Stage,
    Task,
    Transfer,
)
from democratie.testing.strategies import landscapes
from democratie.vocab import (
    ActorKind,
    AreaLevel,
    CommitmentKind,
    CommitmentLevel,
    InitiativeKind,
    LessonKind,
    MeetingKind,
    NetworkKind,
    ParticipationLevel,
    Phase,
    PhaseCycle,
    PolicyDomain,
    Raci,
    RoleKind,
)

DOCS = Path(__file__).resolve().parents[1] / "docs" / "graph"


def small_landscape() -> Landscape:
    """A landscape with one reference of every kind the model has."""
    return Landscape(
        title="Klein landschap",
        municipalities=(
            Municipality(
                id="delft",
                cbs_code="GM0503",
                wijk_count=3,
                areas=(
                    Area(
                        id="wk-centrum",
                        name="Centrum",
                        level=AreaLevel.WIJK,
                        code="WK050301",
                        areas=(Area(id="bu-markt", name="Markt", level=AreaLevel.BUURT),),
                    ),
                    Area(id="wk-noord", name="Noord", level=AreaLevel.WIJK),
                ),
                council=Council(
                    seats=39,
                    factions=(Faction(id="fr-groen", name="GroenLinks", seats=5, party="partij"),),
                ),
            ),
        ),
        organisations=(
            Organisation(id="partij", name="Partij", kind=ActorKind.POLITIEKE_PARTIJ),
            Organisation(
                id="stichting",
                name="Stichting Wijkwerk",
                kind=ActorKind.STICHTING,
                municipality="delft",
                areas=("wk-centrum",),
                parent="koepel",
                assessment=Assessment(power=0.7, interest=0.2),
            ),
            Organisation(id="koepel", name="Koepel", kind=ActorKind.NETWERKORGANISATIE),
        ),
        people=(
            Person(id="p-an", name="An", assessment=Assessment(power=0.9, legitimacy=0.8)),
            Person(id="p-bo", name="Bo"),
        ),
        roles=(
            Role(
                holder="p-an",
                kind=RoleKind.RAADSLID,
                at="delft-raad",
                on_behalf_of="fr-groen",
                start=dt.date(2022, 3, 30),
                title="Raadslid",
            ),
            Role(holder="p-bo", kind=RoleKind.KARTREKKER, at="stichting", id="rol-bo"),
            Role(holder="p-bo", kind=RoleKind.DEELNEMER),
        ),
        initiatives=(
            Initiative(
                id="wijkaanpak",
                title="Wijkaanpak",
                kind=InitiativeKind.PROGRAMMA,
                municipalities=("delft",),
                areas=("wk-centrum",),
                covers_all=(AreaLevel.WIJK,),
                domains=(PolicyDomain.ZORG, PolicyDomain.WELZIJN),
                required_domains=(PolicyDomain.ZORG, PolicyDomain.SPORT),
                period=Period(start=dt.date(2023, 1, 1)),
                cycle=PhaseCycle.WETTELIJK,
                phases=(
                    Stage(
                        phase=Phase.VOORBEREIDING,
                        participants=("stichting", "p-an"),
                        level=ParticipationLevel.ADVISEREN,
                    ),
                ),
                initiated_by=("delft",),
                led_by=("p-bo",),
                participants=(
                    Participant(
                        actor="stichting",
                        role=RoleKind.PARTNER,
                        level=ParticipationLevel.COPRODUCEREN,
                    ),
                ),
                commitments=(
                    Commitment(
                        kind=CommitmentKind.POLITIEK,
                        level=CommitmentLevel.TOEGEZEGD,
                        by="delft-raad",
                    ),
                ),
                intakes=(Intake(municipality="delft", officer="p-an"),),
                tasks=(
                    Task(
                        title="Plan",
                        assignments=(
                            Assignment(actor="rol-bo", raci=Raci.EINDVERANTWOORDELIJK),
                            Assignment(actor="stichting", raci=Raci.UITVOEREND),
                        ),
                    ),
                ),
                lessons=(
                    Lesson(
                        text="Begin klein.",
                        kind=LessonKind.DOEN,
                        transfers=(Transfer(to="lerend"),),
                    ),
                ),
                network="lerend",
                meetings=(
                    Meeting(
                        id="kick-off",
                        title="Kick-off",
                        kind=MeetingKind.STARTBIJEENKOMST,
                        date=dt.date(2023, 2, 1),
                        host="delft",
                        attendees=("p-an", "stichting"),
                        held=True,
                    ),
                ),
            ),
        ),
        networks=(
            Network(
                id="koepelnetwerk",
                name="Koepelnetwerk",
                kind=NetworkKind.VERENIGING,
                initiative="wijkaanpak",
            ),
            Network(
                id="lerend",
                name="Lerend netwerk",
                kind=NetworkKind.LEERKRING,
                members=("delft", "koepel"),
                coordinators=("koepel",),
                parent="koepelnetwerk",
            ),
        ),
    )


@pytest.fixture(scope="module")
def graph() -> StakeholderGraph:
    return build_graph(small_landscape())


def triples(graph: StakeholderGraph) -> Counter[tuple[str, str, str]]:
    return Counter((u, v, d["relation"]) for u, v, d in graph.edges())


# -- the mapping ---------------------------------------------------------------------------


def test_every_entity_but_roles_is_a_node_in_document_order(graph: StakeholderGraph) -> None:
    assert graph.nodes() == (
        "delft",
        "delft-raad",
        "delft-college",
        "fr-groen",
        "wk-centrum",
        "bu-markt",
        "wk-noord",
        "partij",
        "stichting",
        "koepel",
        "p-an",
        "p-bo",
        "wijkaanpak",
        "kick-off",
        "koepelnetwerk",
        "lerend",
    )
    assert "rol-bo" not in graph


def test_node_attributes(graph: StakeholderGraph) -> None:
    nodes = graph.nx.nodes
    assert nodes["delft"] == {
        "kind": "municipality",
        "label": "Delft",
        "sector": "overheid",
        "municipality": "delft",
        "cbs_code": "GM0503",
        "province": "Zuid-Holland",
        "wijk_count": 3,
    }
    assert nodes["delft-raad"] == {
        "kind": "council",
        "label": "Gemeenteraad Delft",
        "sector": "overheid",
        "municipality": "delft",
        "seats": 39,
    }
    assert nodes["wk-centrum"] == {
        "kind": "area",
        "label": "Centrum",
        "area_level": "wijk",
        "municipality": "delft",
        "code": "WK050301",
    }
    assert nodes["stichting"] == {
        "kind": "organisation",
        "label": "Stichting Wijkwerk",
        "actor_kind": "stichting",
        "sector": "maatschappij",
        "municipality": "delft",
        "area": "wk-centrum",
        "power": 0.7,
        "interest": 0.2,
    }
    assert nodes["p-an"] == {"kind": "person", "label": "An", "power": 0.9, "legitimacy": 0.8}
    assert nodes["wijkaanpak"] == {
        "kind": "initiative",
        "label": "Wijkaanpak",
        "initiative_kind": "programma",
        "municipality": "delft",
        "area": "wk-centrum",
        "domains": ("zorg", "welzijn"),
        "required_domains": ("zorg", "sport"),
        "covers_all": ("wijk",),
        "start": "2023-01-01",
    }
    assert nodes["kick-off"] == {
        "kind": "meeting",
        "label": "Kick-off",
        "meeting_kind": "startbijeenkomst",
        "date": "2023-02-01",
        "held": True,
    }
    assert nodes["lerend"] == {
        "kind": "network",
        "label": "Lerend netwerk",
        "network_kind": "leerkring",
    }
    assert graph.nx.graph == {"title": "Klein landschap"}


def test_every_reference_is_an_edge_with_its_relation(graph: StakeholderGraph) -> None:
    assert triples(graph) == Counter(
        [
            ("delft-raad", "delft", "body_of"),
            ("delft-college", "delft", "body_of"),
            ("fr-groen", "delft-raad", "part_of"),
            ("fr-groen", "partij", "on_behalf_of"),
            ("wk-centrum", "delft", "located_in"),
            ("bu-markt", "wk-centrum", "located_in"),
            ("wk-noord", "delft", "located_in"),
            ("stichting", "delft", "located_in"),
            ("stichting", "wk-centrum", "serves_area"),
            ("stichting", "koepel", "part_of"),
            ("p-an", "delft-raad", "holds_role"),
            ("p-an", "fr-groen", "on_behalf_of"),
            ("p-bo", "stichting", "holds_role"),
            ("wijkaanpak", "delft", "located_in"),
            ("wijkaanpak", "wk-centrum", "serves_area"),
            ("wijkaanpak", "wk-noord", "serves_area"),
            ("delft", "wijkaanpak", "initiated"),
            ("p-bo", "wijkaanpak", "leads"),
            ("stichting", "wijkaanpak", "participates_in"),
            ("stichting", "wijkaanpak", "participates_in"),
            ("p-an", "wijkaanpak", "participates_in"),
            ("delft-raad", "wijkaanpak", "participates_in"),
            ("delft", "wijkaanpak", "participates_in"),
            ("p-an", "wijkaanpak", "participates_in"),
            ("p-bo", "wijkaanpak", "participates_in"),
            ("stichting", "wijkaanpak", "participates_in"),
            ("wijkaanpak", "lerend", "collaborates_with"),
            ("wijkaanpak", "lerend", "part_of"),
            ("kick-off", "wijkaanpak", "part_of"),
            ("delft", "kick-off", "hosts"),
            ("p-an", "kick-off", "attended"),
            ("stichting", "kick-off", "attended"),
            ("delft", "lerend", "member_of"),
            ("koepel", "lerend", "member_of"),
            ("koepel", "lerend", "leads"),
            ("lerend", "koepelnetwerk", "part_of"),
            ("koepelnetwerk", "wijkaanpak", "part_of"),
        ]
    )


def test_edges_carry_what_they_came_from(graph: StakeholderGraph) -> None:
    def edges(u: str, v: str) -> list[dict[str, Any]]:
        return [dict(d) for d in graph.nx[u][v].values()]

    assert edges("p-an", "delft-raad") == [
        {"relation": "holds_role", "role": "raadslid", "start": "2022-03-30", "title": "Raadslid"}
    ]
    assert edges("p-an", "fr-groen") == [
        {"relation": "on_behalf_of", "role": "raadslid", "start": "2022-03-30"}
    ]
    assert edges("p-bo", "stichting") == [
        {"relation": "holds_role", "role": "kartrekker", "role_id": "rol-bo"}
    ]
    assert edges("stichting", "wijkaanpak") == [
        {"relation": "participates_in", "role": "partner", "level": "coproduceren"},
        {"relation": "participates_in", "phase": "voorbereiding", "level": "adviseren"},
        {"relation": "participates_in", "raci": "uitvoerend", "task": "Plan"},
    ]
    assert edges("delft-raad", "wijkaanpak") == [
        {"relation": "participates_in", "commitment": "politiek", "commitment_level": "toegezegd"}
    ]
    # A task assigned to a role with an id becomes an edge from the role's holder.
    assert edges("p-bo", "wijkaanpak")[1] == {
        "relation": "participates_in",
        "raci": "eindverantwoordelijk",
        "task": "Plan",
        "role_id": "rol-bo",
    }
    assert edges("wijkaanpak", "wk-noord") == [{"relation": "serves_area", "via": "covers_all"}]
    assert edges("wijkaanpak", "lerend")[0] == {"relation": "collaborates_with", "lesson": "doen"}
    # An intake: the municipality is a candidate (it is enrolled when listed under
    # municipalities), and the change officer assigned to it takes part.
    assert edges("delft", "wijkaanpak")[1] == {
        "relation": "participates_in",
        "role": "kandidaat_deelnemer",
    }
    assert edges("p-an", "wijkaanpak")[1] == {
        "relation": "participates_in",
        "role": "veranderambtenaar",
    }
    assert edges("koepelnetwerk", "wijkaanpak") == [{"relation": "part_of"}]


def test_attribute_values_are_plain_and_never_none(graph: StakeholderGraph) -> None:
    plain = (str, int, float, bool)
    for _, data in graph.nx.nodes(data=True):
        assert data["kind"] in NODE_KINDS
        for value in data.values():
            assert value is not None
            assert isinstance(value, plain) or all(isinstance(v, str) for v in value)
    for _, _, edge in graph.edges():
        assert edge["relation"] in RELATIONS
        assert all(isinstance(value, plain) for value in edge.values())


def test_building_leaves_the_garbage_collector_as_it_was() -> None:
    assert gc.isenabled()
    build_graph(small_landscape())
    assert gc.isenabled()
    gc.disable()
    try:
        build_graph(small_landscape())
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_empty_landscape_gives_the_empty_graph() -> None:
    empty = build_graph(Landscape())
    assert len(empty) == 0
    assert empty.nx.number_of_edges() == 0
    assert empty.nx.graph == {}
    assert repr(empty) == "<StakeholderGraph: 0 nodes, 0 edges>"


# -- looking things up ---------------------------------------------------------------------


def test_lookups(graph: StakeholderGraph) -> None:
    assert graph.kind("fr-groen") == "faction"
    assert graph.label("delft-college") == "College van B&W Delft"
    assert graph.nodes(kind="area") == ("wk-centrum", "bu-markt", "wk-noord")
    assert graph.nodes(kind=("network", "meeting")) == ("kick-off", "koepelnetwerk", "lerend")
    assert graph.number_of_edges("member_of") == 2
    assert graph.number_of_edges(("hosts", "attended")) == 3
    assert graph.number_of_edges() == graph.nx.number_of_edges() == 37
    assert len(graph) == 16
    assert list(graph)[:2] == ["delft", "delft-raad"]
    assert "stichting" in graph
    assert "rol-bo" not in graph


def test_unknown_ids_kinds_and_relations_are_refused_clearly(graph: StakeholderGraph) -> None:
    with pytest.raises(KeyError, match=r"no node 'stichtng'.*did you mean 'stichting'"):
        graph.kind("stichtng")
    with pytest.raises(ValueError, match="unknown node kind 'persoon'"):
        graph.nodes(kind="persoon")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown relation 'lid_van'"):
        graph.number_of_edges("lid_van")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="'stichting' is an organisation, not a municipality"):
        graph.municipality_view("stichting")
    with pytest.raises(ValueError, match="not an initiative"):
        graph.initiative_view("delft")
    with pytest.raises(ValueError, match="'delft' is a municipality, not an area"):
        graph.area_view("delft")


# -- views ---------------------------------------------------------------------------------


def test_municipality_view(graph: StakeholderGraph) -> None:
    view = graph.municipality_view("delft")
    assert set(view) == {
        "delft",
        "delft-raad",
        "delft-college",
        "fr-groen",
        "wk-centrum",
        "bu-markt",
        "wk-noord",
        "stichting",
        "wijkaanpak",
        "kick-off",
        "p-an",  # raadslid, participant, attendee
        "p-bo",  # leads the initiative
        "koepel",  # the stichting is part of it
        "partij",  # the faction's party
    }
    assert view.nx.number_of_edges() == graph.subgraph(view).nx.number_of_edges()
    with pytest.raises(nx.NetworkXError):
        view.nx.add_node("new")  # views are read-only
    own = view.copy()
    own.nx.add_node("new", kind="person", label="New")
    assert own.nodes()[:3] == ("delft", "delft-raad", "delft-college")
    assert "new" not in graph


def test_initiative_view(graph: StakeholderGraph) -> None:
    view = graph.initiative_view("wijkaanpak")
    assert set(view) == {
        "wijkaanpak",
        "kick-off",
        "delft",
        "stichting",
        "p-an",
        "p-bo",
        "delft-raad",
    }
    # ties among the participants come along: An is a raadslid
    assert ("p-an", "delft-raad", "holds_role") in triples(view)


def test_area_view(graph: StakeholderGraph) -> None:
    assert set(graph.area_view("wk-centrum")) == {
        "wk-centrum",
        "bu-markt",
        "stichting",
        "wijkaanpak",
        "delft",
        "p-an",
        "p-bo",
        "delft-raad",
        "koepel",
    }
    assert set(graph.area_view("wk-noord")) == {
        "wk-noord",
        "wijkaanpak",  # it covers every wijk
        "delft",
        "stichting",
        "p-an",
        "p-bo",
        "delft-raad",
    }


def test_actor_projection(graph: StakeholderGraph) -> None:
    projection = graph.actor_projection()
    # The college takes part in nothing and is left out; everything else that acts is in.
    assert list(projection) == [
        "delft",
        "delft-raad",
        "fr-groen",
        "partij",
        "stichting",
        "koepel",
        "p-an",
        "p-bo",
    ]
    weights = {frozenset((u, v)): d["weight"] for u, v, d in projection.edges(data=True)}
    # direct: body_of; venues: the initiative
    assert weights[frozenset(("delft", "delft-raad"))] == 2
    # venues: the initiative, the meeting
    assert weights[frozenset(("p-an", "stichting"))] == 2
    # direct: holds_role; venue: the initiative
    assert weights[frozenset(("p-bo", "stichting"))] == 2
    # venue: the network (member and coordinator count once); direct: none
    assert weights[frozenset(("delft", "koepel"))] == 1
    assert weights[frozenset(("p-an", "fr-groen"))] == 1
    assert frozenset(("stichting", "delft")) in weights  # through the initiative
    assert projection.nodes["stichting"]["sector"] == "maatschappij"
    with_idle = graph.actor_projection(idle_bodies=True)
    assert "delft-college" in with_idle
    assert with_idle.degree("delft-college") == 1


def test_actor_projection_follows_only_the_relations_asked_for(graph: StakeholderGraph) -> None:
    projection = graph.actor_projection(relations=["member_of"])
    assert sorted(projection.edges()) == [("delft", "koepel")]


def test_copy_is_independent(graph: StakeholderGraph) -> None:
    copy = graph.copy()
    copy.nx.nodes["delft"]["label"] = "Anders"
    assert graph.label("delft") == "Delft"


# -- the documentation table ---------------------------------------------------------------


def test_every_relation_and_node_kind_is_in_the_mapping_table() -> None:
    text = (DOCS / "index.md").read_text("utf-8")
    table = [line for line in text.splitlines() if line.startswith("|")]
    cells = {cell.strip().strip("`") for line in table for cell in line.split("|")}
    assert set(RELATIONS) <= cells, set(RELATIONS) - cells
    assert set(NODE_KINDS) <= cells, set(NODE_KINDS) - cells
    for relation in RELATIONS:
        assert re.search(rf"`{relation}`", text)


def test_the_vocabulary_is_described_and_consistent() -> None:
    assert set(RELATION_DESCRIPTIONS) == set(RELATIONS)
    assert set(RELATIONS) - {"located_in", "serves_area"} == TIE_RELATIONS
    assert set(NODE_KINDS) >= ACTOR_KINDS


# -- properties ----------------------------------------------------------------------------


def expected_edges(land: Landscape) -> Counter[tuple[str, str, str]]:
    """The model-to-graph table of the documentation, restated from the model's side."""
    found: Counter[tuple[str, str, str]] = Counter()

    def add(u: str, v: str, relation: str) -> None:
        found[u, v, relation] += 1

    def areas(parent: str, children: tuple[Area, ...]) -> None:
        for area in children:
            add(area.id, parent, "located_in")
            areas(area.id, area.areas)

    for mun in land.municipalities:
        add(mun.council_id, mun.id, "body_of")
        add(mun.college_id, mun.id, "body_of")
        for faction in mun.council.factions:
            add(faction.id, mun.council_id, "part_of")
            if faction.party is not None:
                add(faction.id, faction.party, "on_behalf_of")
        areas(mun.id, mun.areas)
    for org in land.organisations:
        if org.municipality is not None:
            add(org.id, org.municipality, "located_in")
        for area_id in org.areas:
            add(org.id, area_id, "serves_area")
        if org.parent is not None:
            add(org.id, org.parent, "part_of")
    for role in land.roles:
        if role.at is not None:
            add(role.holder, role.at, "holds_role")
        if role.on_behalf_of is not None:
            add(role.holder, role.on_behalf_of, "on_behalf_of")

    def meetings(parent: str, items: tuple[Meeting, ...]) -> None:
        for meeting in items:
            add(meeting.id, parent, "part_of")
            if meeting.host is not None:
                add(meeting.host, meeting.id, "hosts")
            for attendee in meeting.attendees:
                add(attendee, meeting.id, "attended")

    for ini in land.initiatives:
        for mun_id in ini.municipalities:
            add(ini.id, mun_id, "located_in")
        reached = set(ini.areas)
        for area_id in ini.areas:
            add(ini.id, area_id, "serves_area")
        for mun_id in ini.municipalities:
            for level in ini.covers_all:
                for area in land.areas_of(mun_id, level.value):
                    if area.id not in reached:
                        reached.add(area.id)
                        add(ini.id, area.id, "serves_area")
        for actor in ini.initiated_by:
            add(actor, ini.id, "initiated")
        for actor in ini.led_by:
            add(actor, ini.id, "leads")
        for participant in ini.participants:
            add(participant.actor, ini.id, "participates_in")
        for stage in ini.phases:
            for actor in stage.participants:
                add(actor, ini.id, "participates_in")
        for commitment in ini.commitments:
            if commitment.by is not None:
                add(commitment.by, ini.id, "participates_in")
        for intake in ini.intakes:
            add(intake.municipality, ini.id, "participates_in")
            if intake.officer is not None:
                add(intake.officer, ini.id, "participates_in")
        for task in ini.tasks:
            for assignment in task.assignments:
                target = land.get(assignment.actor)
                holder = target.holder if isinstance(target, Role) else assignment.actor
                add(holder, ini.id, "participates_in")
        for lesson in ini.lessons:
            for transfer in lesson.transfers:
                add(ini.id, transfer.to, "collaborates_with")
        if ini.network is not None:
            add(ini.id, ini.network, "part_of")
        meetings(ini.id, ini.meetings)
    for net in land.networks:
        for member in net.members:
            add(member, net.id, "member_of")
        for coordinator in net.coordinators:
            add(coordinator, net.id, "leads")
        if net.parent is not None:
            add(net.id, net.parent, "part_of")
        if net.initiative is not None:
            add(net.id, net.initiative, "part_of")
        meetings(net.id, net.meetings)
    return found


def edge_multiset(graph: StakeholderGraph) -> Counter[tuple[str, str, tuple[tuple[str, Any], ...]]]:
    return Counter((u, v, tuple(sorted(d.items()))) for u, v, d in graph.edges())


def test_the_restated_table_matches_the_small_landscape(graph: StakeholderGraph) -> None:
    assert triples(graph) == expected_edges(small_landscape())


@given(landscapes())
def test_one_node_per_entity_of_a_node_kind(land: Landscape) -> None:
    graph = build_graph(land)
    expected = [(e.id, e.kind) for e in land.entries() if e.kind != "role"]
    assert [(n, graph.kind(n)) for n in graph] == expected


@given(landscapes())
def test_every_reference_is_an_edge_and_every_edge_a_reference(land: Landscape) -> None:
    assert triples(build_graph(land)) == expected_edges(land)


@given(landscapes())
def test_building_twice_gives_equal_graphs(land: Landscape) -> None:
    first, second = build_graph(land), build_graph(land)
    assert nx.utils.graphs_equal(first.nx, second.nx)
    assert list(first.nx.nodes(data=True)) == list(second.nx.nodes(data=True))
    assert list(first.nx.edges(keys=True, data=True)) == list(second.nx.edges(keys=True, data=True))


def role_edges(role: Role) -> Counter[tuple[str, str, tuple[tuple[str, Any], ...]]]:
    """The edges a role makes, restated from the mapping table."""
    base: dict[str, Any] = {"role": role.kind.value}
    if role.id is not None:
        base["role_id"] = role.id
    if role.start is not None:
        base["start"] = role.start.isoformat()
    if role.end is not None:
        base["end"] = role.end.isoformat()
    found: Counter[tuple[str, str, tuple[tuple[str, Any], ...]]] = Counter()
    if role.at is not None:
        held = {**base, "relation": "holds_role"}
        if role.title is not None:
            held["title"] = role.title
        found[role.holder, role.at, tuple(sorted(held.items()))] += 1
    if role.on_behalf_of is not None:
        behalf = {**base, "relation": "on_behalf_of"}
        found[role.holder, role.on_behalf_of, tuple(sorted(behalf.items()))] += 1
    return found


def _top_level(land: Landscape) -> list[Hashable]:
    ids: list[Hashable] = [m.id for m in land.municipalities]
    ids += [o.id for o in land.organisations]
    ids += [p.id for p in land.people]
    ids += [i.id for i in land.initiatives]
    ids += [n.id for n in land.networks]
    ids += [("role", index) for index in range(len(land.roles))]
    return ids


@settings(suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])
@given(landscapes(), st.data())
def test_removing_an_entity_removes_its_nodes_and_edges(
    land: Landscape, data: st.DataObject
) -> None:
    candidates = _top_level(land)
    assume(candidates)
    doomed = data.draw(st.sampled_from(candidates))
    before = build_graph(land)
    if isinstance(doomed, tuple):  # a role, which may have no id: drop it by position
        index = doomed[1]
        assert isinstance(index, int)
        role = land.roles[index]
        roles = land.roles[:index] + land.roles[index + 1 :]
        try:
            after_land = Landscape(
                title=land.title,
                description=land.description,
                sources=land.sources,
                municipalities=land.municipalities,
                organisations=land.organisations,
                people=land.people,
                roles=roles,
                initiatives=land.initiatives,
                networks=land.networks,
            )
        except ModelError:
            assume(False)  # a task still names the role
        gone_nodes: set[str] = set()
        gone_edges = role_edges(role)
    else:
        assert isinstance(doomed, str)
        try:
            after_land = land.remove(doomed)
        except ModelError:
            assume(False)  # something else still refers to it
        entry = land.entry(doomed)
        gone_nodes = {e.id for e in land.entries() if e.kind != "role"} - {
            e.id for e in after_land.entries() if e.kind != "role"
        }
        assert doomed in gone_nodes or entry.kind == "role"
        gone_edges = Counter()
    after = build_graph(after_land)
    assert set(after) == set(before) - gone_nodes
    kept = edge_multiset(before.subgraph(n for n in before if n not in gone_nodes))
    assert gone_edges <= kept
    assert edge_multiset(after) == kept - gone_edges

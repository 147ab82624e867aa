"""Golden tests of the graph analyses on small graphs whose answers are computed by hand."""

from __future__ import annotations

import importlib.util
import math
from collections.abc import Iterable

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from democratie.graph import StakeholderGraph, build_graph
from democratie.graph.analysis import (
    DEFAULT_THRESHOLDS,
    Thresholds,
    _burt,
    actor_sectors,
    area_coverage,
    bridging_bonding,
    connectors,
    domain_coverage,
    ego_network,
    map_krachtenveld,
    measure_cohesion,
    mendelow_quadrant,
    rank_brokers,
    rank_champions,
    salience_class,
    sector_coverage,
)
from democratie.model import (
    Area,
    Assessment,
    Initiative,
    Landscape,
    Municipality,
    Organisation,
    Participant,
    Person,
    Role,
    Stage,
)
from democratie.testing.strategies import landscapes
from democratie.vocab import (
    ActorKind,
    AreaLevel,
    InitiativeKind,
    MendelowQuadrant,
    Phase,
    PolicyDomain,
    RoleKind,
    SalienceClass,
    SalienceGroup,
    Sector,
)


def people_graph(
    ties: Iterable[tuple[str, str]], *, alone: Iterable[str] = (), **attributes: dict[str, str]
) -> StakeholderGraph:
    """People tied directly (``collaborates_with``): the actor projection is exactly `ties`."""
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    ties = list(ties)
    for node in [*dict.fromkeys(n for tie in ties for n in tie), *alone]:
        graph.add_node(node, kind="person", label=node.upper())
        for name, values in attributes.items():
            if node in values:
                graph.nodes[node][name] = values[node]
    graph.add_edges_from((u, v, {"relation": "collaborates_with"}) for u, v in ties)
    return StakeholderGraph(graph)


# -- champions -----------------------------------------------------------------------------


def test_champions_of_a_star() -> None:
    graph = people_graph([("hub", "a"), ("hub", "b"), ("hub", "c")])
    ranking = rank_champions(graph)
    assert [c.id for c in ranking] == ["hub", "a", "b", "c"]
    hub, leaf = ranking.champions[0], ranking.champions[1]
    # degree 1 and 1/3; eigenvector 1/sqrt(2) and 1/sqrt(6); VoteRank elects only the hub
    assert hub.degree == pytest.approx(1)
    assert leaf.degree == pytest.approx(1 / 3)
    assert hub.centrality == pytest.approx(1 / math.sqrt(2), abs=1e-5)
    assert leaf.centrality == pytest.approx(1 / math.sqrt(6), abs=1e-5)
    assert (hub.voterank, leaf.voterank) == (1, None)
    assert hub.score == pytest.approx(1)
    assert leaf.score == pytest.approx((1 / 3 + 1 / math.sqrt(3) + 0) / 3, abs=1e-5)
    assert hub.articulation_point
    assert not leaf.articulation_point
    assert not ranking.fragile
    assert rank_champions(graph, top=1).fragile  # the only champion is a single point of failure
    assert ranking.best is hub
    assert hub.label == "HUB"
    assert hub.kind == "person"


def test_champions_ranked_among_some_and_declared_kartrekkers() -> None:
    land = Landscape(
        people=(Person(id="p-a", name="A"), Person(id="p-b", name="B"), Person(id="p-c", name="C")),
        initiatives=(
            Initiative(
                id="i",
                title="I",
                kind=InitiativeKind.EXPERIMENT,
                participants=(
                    Participant(actor="p-a", role=RoleKind.KARTREKKER),
                    Participant(actor="p-b"),
                ),
            ),
        ),
    )
    graph = build_graph(land)
    ranking = rank_champions(graph, ["p-a", "p-c"])
    assert [(c.id, c.declared) for c in ranking] == [("p-a", True), ("p-c", False)]
    assert ranking.champions[1].score == pytest.approx(0, abs=1e-4)  # isolated


def test_champions_refuse_bad_arguments() -> None:
    graph = people_graph([("a", "b")])
    with pytest.raises(ValueError, match="top must be zero or more"):
        rank_champions(graph, top=-1)
    with pytest.raises(ValueError, match="centrality must be"):
        rank_champions(graph, centrality="katz")  # type: ignore[arg-type]
    with pytest.raises(KeyError, match="no node 'x'"):
        rank_champions(graph, ["x"])
    assert len(rank_champions(graph, top=0)) == 0
    assert len(rank_champions(people_graph([]))) == 0


def test_pagerank_champions_or_a_clear_error() -> None:
    graph = people_graph([("hub", "a"), ("hub", "b")])
    if importlib.util.find_spec("scipy") is None or importlib.util.find_spec("numpy") is None:
        with pytest.raises(ImportError, match="needs NumPy and SciPy"):
            rank_champions(graph, centrality="pagerank")
    else:
        ranking = rank_champions(graph, centrality="pagerank")
        assert ranking.best is not None
        assert ranking.best.id == "hub"
        assert ranking.centrality == "pagerank"


def test_champions_on_the_networkx_backend_agree() -> None:
    graph = people_graph([("hub", "a"), ("hub", "b"), ("a", "b"), ("b", "c")])
    assert rank_champions(graph, backend="networkx") == rank_champions(graph)


# -- brokers -------------------------------------------------------------------------------


def test_brokers_of_a_path_and_an_isolate() -> None:
    graph = people_graph([("a", "b"), ("b", "c")], alone=["d"])
    ranking = rank_brokers(graph)
    assert [b.id for b in ranking] == ["b", "a", "c", "d"]
    b, a, _, d = ranking.brokers
    # one pair of three runs through b, normalised by (n - 1)(n - 2) / 2 = 3 with n = 4
    assert (b.betweenness, b.constraint, b.effective_size) == (1 / 3, 0.5, 2.0)
    assert (a.betweenness, a.constraint, a.effective_size) == (0.0, 1.0, 1.0)
    assert d.isolated
    assert (d.constraint, d.effective_size, d.betweenness) == (None, None, 0.0)
    assert ranking.isolated == ("d",)
    assert not ranking.sampled


def test_brokers_between_two_triangles() -> None:
    # Two triangles joined through "x": x brokers, its contacts are not tied to each other.
    graph = people_graph([("a", "b"), ("b", "x"), ("a", "x"), ("x", "c"), ("c", "d"), ("x", "d")])
    ranking = rank_brokers(graph, ["x", "a"])
    x, a = ranking.brokers
    # x: four contacts, p = 1/4 each; each contact shares one neighbour with x
    assert x.constraint == pytest.approx(4 * (1 / 4 + 1 / 4 * 1 / 2) ** 2)
    assert x.effective_size == pytest.approx(4 - 2 * 2 / 4)
    assert x.betweenness == pytest.approx(4 / 6)
    # a: contacts b and x, tied to each other; b has two contacts, x four
    assert a.constraint == pytest.approx(
        (1 / 2 + 1 / 2 * 1 / 4) ** 2 + (1 / 2 + 1 / 2 * 1 / 2) ** 2
    )
    assert a.effective_size == pytest.approx(1.0)


def test_sampled_brokers_are_reproducible() -> None:
    graph = build_graph(Landscape(people=tuple(Person(id=f"p{i}", name=str(i)) for i in range(3))))
    ring = people_graph([(f"p{i}", f"p{(i + 1) % 12}") for i in range(12)] + [("p0", "p6")])
    first = rank_brokers(ring, k=4, seed=7)
    assert first == rank_brokers(ring, k=4, seed=7)
    assert first.sampled
    assert (first.k, first.seed) == (4, 7)
    exact = rank_brokers(ring, k=100)  # more samples than actors: exact
    assert not exact.sampled
    assert exact == rank_brokers(ring)
    assert rank_brokers(graph).isolated == ("p0", "p1", "p2")
    assert len(rank_brokers(ring, top=3)) == 3
    with pytest.raises(ValueError, match="k must be zero or more"):
        rank_brokers(ring, k=-1)


def test_brokers_on_the_networkx_backend_agree() -> None:
    graph = people_graph([("a", "b"), ("b", "x"), ("a", "x"), ("x", "c")])
    ours = rank_brokers(graph, weight="weight")
    theirs = rank_brokers(graph, weight="weight", backend="networkx")
    for mine, other in zip(ours, theirs, strict=True):
        assert mine.id == other.id
        assert mine.constraint == pytest.approx(other.constraint)
        assert mine.effective_size == pytest.approx(other.effective_size)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_burt_measures_equal_networkx(data: st.DataObject) -> None:
    size = data.draw(st.integers(1, 12))
    pairs = [(f"n{i}", f"n{j}") for i in range(size) for j in range(i + 1, size)]
    chosen = data.draw(st.lists(st.sampled_from(pairs), unique=True) if pairs else st.just([]))
    graph: nx.Graph[str] = nx.Graph()
    graph.add_nodes_from(f"n{i}" for i in range(size))
    for u, v in chosen:
        graph.add_edge(u, v, weight=data.draw(st.integers(1, 5)))
    for weight in (None, "weight"):
        for mine, theirs in (
            (_burt.constraint(graph, list(graph), weight), nx.constraint(graph, weight=weight)),
            (
                _burt.effective_size(graph, list(graph), weight),
                nx.effective_size(graph, weight=weight),
            ),
        ):
            for node in graph:
                if math.isnan(theirs[node]):
                    assert math.isnan(mine[node])
                else:
                    assert mine[node] == pytest.approx(theirs[node])


def _constraint_one_term_at_a_time(graph: nx.Graph[str], weight: str | None) -> dict[str, float]:
    """Burt's constraint added up one term at a time in Python: the arithmetic to match."""
    adj = graph.adj
    tie = {
        (u, v): 1.0 if weight is None else float(d.get(weight, 1))
        for u, row in adj.items()
        for v, d in row.items()
    }
    total = {u: sum(tie[u, v] for v in row) for u, row in adj.items()}
    result: dict[str, float] = {}
    for u, mine in adj.items():
        if not mine:
            result[u] = math.nan
            continue
        share = {w: tie[u, w] / total[u] for w in mine}
        value = 0.0
        for v in mine:
            small, big = (mine, adj[v]) if len(mine) <= len(adj[v]) else (adj[v], mine)
            indirect = 0.0
            for w in [w for w in small if w in big]:
                indirect += share[w] * tie[w, v] / total[w]
            value += (share[v] + indirect) ** 2
        result[u] = value
    return result


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_burt_constraint_is_the_same_to_the_last_bit(data: st.DataObject) -> None:
    """The sums in C give the very floats the sums term by term give, so scores do not move."""
    size = data.draw(st.integers(1, 40))
    graph: nx.Graph[str] = nx.Graph()
    graph.add_nodes_from(f"n{i}" for i in data.draw(st.permutations(range(size))))
    density = data.draw(st.floats(0.05, 1.0))
    rng = data.draw(st.randoms(use_true_random=False))
    for i in range(size):
        for j in range(i + 1, size):
            if rng.random() < density:
                graph.add_edge(f"n{i}", f"n{j}", weight=rng.randint(1, 7))
    for weight in (None, "weight"):
        mine = _burt.constraint(graph, list(graph), weight)
        expected = _constraint_one_term_at_a_time(graph, weight)
        assert [repr(mine[n]) for n in graph] == [repr(expected[n]) for n in graph]
        both, sizes = _burt.structural_holes(graph, list(graph), weight)
        alone = _burt.effective_size(graph, list(graph), weight)
        assert [repr(both[n]) for n in graph] == [repr(expected[n]) for n in graph]
        assert [repr(sizes[n]) for n in graph] == [repr(alone[n]) for n in graph]


# -- krachtenveld --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("power", "legitimacy", "urgency", "expected", "group"),
    [
        (True, False, False, SalienceClass.SLAPEND, SalienceGroup.LATENT),
        (False, True, False, SalienceClass.DISCRETIONAIR, SalienceGroup.LATENT),
        (False, False, True, SalienceClass.VEELEISEND, SalienceGroup.LATENT),
        (True, True, False, SalienceClass.DOMINANT, SalienceGroup.VERWACHTEND),
        (True, False, True, SalienceClass.GEVAARLIJK, SalienceGroup.VERWACHTEND),
        (False, True, True, SalienceClass.AFHANKELIJK, SalienceGroup.VERWACHTEND),
        (True, True, True, SalienceClass.DEFINITIEF, SalienceGroup.DEFINITIEF),
        (False, False, False, SalienceClass.GEEN, None),
    ],
)
def test_salience_class_all_eight_combinations(
    power: bool,
    legitimacy: bool,
    urgency: bool,
    expected: SalienceClass,
    group: SalienceGroup | None,
) -> None:
    # Mitchell, Agle & Wood 1997, figure 2.
    found = salience_class(power, legitimacy, urgency)
    assert found is expected
    assert found.group is group


@pytest.mark.parametrize(
    ("power", "interest", "expected"),
    [
        (0.9, 0.9, MendelowQuadrant.NAUW_BETREKKEN),
        (0.5, 0.5, MendelowQuadrant.NAUW_BETREKKEN),  # high means >= threshold
        (0.5, 0.49, MendelowQuadrant.TEVREDEN_HOUDEN),
        (0.49, 0.5, MendelowQuadrant.INFORMEREN),
        (0.0, 0.0, MendelowQuadrant.MONITOREN),
        (1.0, 0.0, MendelowQuadrant.TEVREDEN_HOUDEN),
    ],
)
def test_mendelow_quadrants(power: float, interest: float, expected: MendelowQuadrant) -> None:
    assert mendelow_quadrant(power, interest) is expected


def test_mendelow_thresholds_are_configurable_and_checked() -> None:
    assert mendelow_quadrant(0.6, 0.6, power_threshold=0.7) is MendelowQuadrant.INFORMEREN
    assert mendelow_quadrant(0.6, 0.6, interest_threshold=0.7) is MendelowQuadrant.TEVREDEN_HOUDEN
    with pytest.raises(ValueError, match="must be numbers"):
        mendelow_quadrant(math.nan, 0.5)
    with pytest.raises(ValueError, match=r"power must be in \[0, 1\]"):
        Thresholds(power=1.5)
    with pytest.raises(TypeError, match="urgency must be a number"):
        Thresholds(urgency="hoog")  # type: ignore[arg-type]
    assert Thresholds() == DEFAULT_THRESHOLDS


def test_map_krachtenveld() -> None:
    land = Landscape(
        people=(
            Person(
                id="p-wethouder",
                name="W",
                assessment=Assessment(power=0.9, interest=0.8, legitimacy=0.9, urgency=0.7),
            ),
            Person(id="p-bewoner", name="B", assessment=Assessment(power=0.2, interest=0.9)),
            Person(id="p-stil", name="S"),
        ),
        organisations=(
            Organisation(
                id="o-corporatie",
                name="C",
                kind=ActorKind.WONINGCORPORATIE,
                assessment=Assessment(power=0.6, interest=0.3, legitimacy=0.4, urgency=0.8),
            ),
        ),
    )
    field = map_krachtenveld(build_graph(land))
    assert [(p.id, p.quadrant, p.salience) for p in field] == [
        ("o-corporatie", MendelowQuadrant.TEVREDEN_HOUDEN, SalienceClass.GEVAARLIJK),
        ("p-wethouder", MendelowQuadrant.NAUW_BETREKKEN, SalienceClass.DEFINITIEF),
        ("p-bewoner", MendelowQuadrant.INFORMEREN, None),  # legitimacy and urgency unknown
    ]
    assert [p.id for p in field.in_quadrant(MendelowQuadrant.INFORMEREN)] == ["p-bewoner"]
    assert [p.id for p in field.with_salience(SalienceClass.DEFINITIEF)] == ["p-wethouder"]
    strict = map_krachtenveld(build_graph(land), thresholds=Thresholds(power=0.95))
    assert strict.positions[1].quadrant is MendelowQuadrant.INFORMEREN
    assert strict.positions[1].salience is SalienceClass.AFHANKELIJK
    asked = map_krachtenveld(build_graph(land), ["p-stil"])
    assert asked.positions[0].quadrant is None
    assert asked.positions[0].power is None


# -- coverage ------------------------------------------------------------------------------


def coverage_landscape(*, covers_all: bool = False) -> Landscape:
    return Landscape(
        municipalities=(
            Municipality(
                id="delft",
                cbs_code="GM0503",
                wijk_count=4,
                areas=(
                    Area(id="wk-1", name="Een", level=AreaLevel.WIJK),
                    Area(
                        id="wk-2",
                        name="Twee",
                        level=AreaLevel.WIJK,
                        areas=(Area(id="bu-2a", name="Twee A", level=AreaLevel.BUURT),),
                    ),
                    Area(id="wk-3", name="Drie", level=AreaLevel.WIJK),
                ),
            ),
        ),
        organisations=(
            Organisation(id="welzijn", name="Welzijn", kind=ActorKind.WELZIJNSORGANISATIE),
            Organisation(id="bakker", name="Bakker", kind=ActorKind.BEDRIJF, areas=("wk-3",)),
            Organisation(id="bewoners", name="Bewoners", kind=ActorKind.BEWONERSGROEP),
        ),
        people=(Person(id="p-ambtenaar", name="Ambtenaar"), Person(id="p-los", name="Los")),
        roles=(Role(holder="p-ambtenaar", kind=RoleKind.AMBTENAAR, at="delft"),),
        initiatives=(
            Initiative(
                id="aanpak",
                title="Aanpak",
                kind=InitiativeKind.PROGRAMMA,
                municipalities=("delft",),
                areas=("wk-1", "bu-2a"),
                covers_all=(AreaLevel.WIJK,) if covers_all else (),
                domains=(PolicyDomain.ZORG, PolicyDomain.WELZIJN),
                required_domains=(PolicyDomain.ZORG, PolicyDomain.SPORT),
                phases=(Stage(phase=Phase.VISIE, participants=("welzijn", "bewoners")),),
                participants=(
                    Participant(actor="p-ambtenaar"),
                    Participant(actor="welzijn"),
                    Participant(actor="bewoners"),
                    Participant(actor="bakker"),
                    Participant(actor="p-los"),
                ),
            ),
        ),
    )


def test_area_coverage_counts_named_and_nested_areas() -> None:
    graph = build_graph(coverage_landscape())
    coverage = area_coverage(graph, "delft")
    # wk-1 directly, wk-2 through its buurt; wk-3 is served by an organisation only
    assert coverage.reached == ("wk-1", "wk-2")
    assert coverage.missing == ("wk-3",)
    assert (coverage.total, coverage.reached_count, coverage.share) == (4, 2, 0.5)
    assert not coverage.covers_all
    with_bakker = area_coverage(graph, "delft", by=["aanpak", "bakker"])
    assert with_bakker.reached == ("wk-1", "wk-2", "wk-3")
    assert with_bakker.share == 0.75
    buurten = area_coverage(graph, "delft", level=AreaLevel.BUURT)
    assert (buurten.total, buurten.reached, buurten.share) == (1, ("bu-2a",), 1.0)
    kernen = area_coverage(graph, "delft", level="kern")
    assert (kernen.total, kernen.share) == (None, None)


def test_area_coverage_of_an_initiative_that_covers_all() -> None:
    coverage = area_coverage(build_graph(coverage_landscape(covers_all=True)), "delft")
    assert coverage.covers_all
    assert coverage.reached == ("wk-1", "wk-2", "wk-3")
    assert (coverage.total, coverage.reached_count, coverage.share) == (4, 4, 1.0)


def test_area_coverage_refuses_a_non_municipality() -> None:
    graph = build_graph(coverage_landscape())
    with pytest.raises(ValueError, match="'aanpak' is an initiative, not a municipality"):
        area_coverage(graph, "aanpak")
    with pytest.raises(ValueError, match="is not an area level"):
        area_coverage(graph, "delft", level="straat")


def test_domain_coverage() -> None:
    graph = build_graph(coverage_landscape())
    coverage = domain_coverage(graph, "aanpak")
    assert coverage.declared == (PolicyDomain.ZORG, PolicyDomain.WELZIJN)
    assert coverage.required == (PolicyDomain.ZORG, PolicyDomain.SPORT)
    assert coverage.covered == (PolicyDomain.ZORG,)
    assert coverage.missing == (PolicyDomain.SPORT,)
    assert coverage.share == 0.5
    given_required = domain_coverage(graph, ["aanpak"], required=["welzijn"])
    assert given_required.share == 1.0
    plain = build_graph(
        Landscape(initiatives=(Initiative(id="x", title="X", kind=InitiativeKind.WORKSHOP),))
    )
    assert domain_coverage(plain, "x").share is None
    with pytest.raises(ValueError, match="'delft' is a municipality, not an initiative"):
        domain_coverage(graph, "delft")


def test_sector_coverage_and_whether_the_sectors_are_tied() -> None:
    graph = build_graph(coverage_landscape())
    coverage = sector_coverage(graph, "aanpak")
    assert coverage.participants == ("welzijn", "bakker", "bewoners", "p-ambtenaar", "p-los")
    assert coverage.present == (Sector.OVERHEID, Sector.MAATSCHAPPIJ, Sector.MARKT, Sector.INWONERS)
    assert coverage.missing == ()
    assert coverage.share == 1.0
    assert coverage.unknown == ("p-los",)
    # welzijn and bewoners share a phase; nobody else is tied outside the participant list
    assert coverage.groups == (
        (Sector.OVERHEID,),
        (Sector.MAATSCHAPPIJ, Sector.INWONERS),
        (Sector.MARKT,),
    )
    assert coverage.connected is False
    two = sector_coverage(graph, "aanpak", sectors=["maatschappij", "inwoners"])
    assert two.present == (Sector.MAATSCHAPPIJ, Sector.INWONERS)
    assert two.connected is True
    assert sector_coverage(graph, "aanpak", sectors=[Sector.MARKT]).connected is None


def test_actor_sectors_places_people_by_their_roles() -> None:
    graph = build_graph(coverage_landscape())
    sectors = actor_sectors(graph)
    assert sectors["p-ambtenaar"] is Sector.OVERHEID
    assert "p-los" not in sectors
    assert sectors["bakker"] is Sector.MARKT


# -- bridging and bonding ------------------------------------------------------------------


def test_ei_index_and_assortativity() -> None:
    graph = people_graph(
        [("a1", "a2"), ("b1", "b2"), ("a1", "b1")],
        alone=["z"],
        team={"a1": "A", "a2": "A", "b1": "B", "b2": "B"},
    )
    result = bridging_bonding(graph, "team")
    assert (result.internal, result.external) == (2, 1)
    assert result.ei_index == pytest.approx(-1 / 3)
    assert [(g.group, g.size, g.internal, g.external, g.ei_index) for g in result.groups] == [
        ("A", 2, 1, 1, 0.0),
        ("B", 2, 1, 1, 0.0),
    ]
    # e_AA = e_BB = 2/6, a_A = a_B = 1/2: r = (4/6 - 1/2) / (1 - 1/2)
    assert result.assortativity == pytest.approx(1 / 3)
    assert result.unassigned == ("z",)
    assert result.partition == "team"


def test_partitions_by_mapping_and_function() -> None:
    graph = people_graph([("a", "b"), ("b", "c")])
    inside = {"a": "intern", "b": "intern", "c": "extern"}
    by_mapping = bridging_bonding(graph, inside)
    by_function = bridging_bonding(graph, lambda node, data: inside[node])
    assert by_mapping == by_function
    assert by_mapping.partition == "custom"
    assert by_mapping.ei_index == 0.0
    everyone_alike = bridging_bonding(graph, lambda node, data: "x")
    assert everyone_alike.ei_index == -1.0
    assert everyone_alike.assortativity is None  # undefined with a single group
    nobody = bridging_bonding(graph, "sector")
    assert (nobody.ei_index, nobody.assortativity) == (None, None)


def test_weighted_ei_index() -> None:
    land = Landscape(
        organisations=(
            Organisation(id="o1", name="1", kind=ActorKind.STICHTING),
            Organisation(id="o2", name="2", kind=ActorKind.BEDRIJF),
        ),
        initiatives=tuple(
            Initiative(
                id=f"i{n}",
                title="I",
                kind=InitiativeKind.WORKSHOP,
                participants=(Participant(actor="o1"), Participant(actor="o2")),
            )
            for n in range(3)
        ),
    )
    result = bridging_bonding(build_graph(land), "sector", weight="weight")
    assert (result.external, result.internal, result.ei_index) == (3, 0, 1.0)


def test_assortativity_equals_networkx_when_numpy_is_there() -> None:
    pytest.importorskip("numpy")
    graph = people_graph(
        [("a1", "a2"), ("b1", "b2"), ("a1", "b1"), ("a2", "c1"), ("c1", "b2")],
        team={"a1": "A", "a2": "A", "b1": "B", "b2": "B", "c1": "C"},
    )
    ours = bridging_bonding(graph, "team").assortativity
    theirs = nx.attribute_assortativity_coefficient(graph.actor_projection(), "team")
    assert ours == pytest.approx(theirs)
    assert bridging_bonding(graph, "team", backend="networkx").assortativity == pytest.approx(
        theirs
    )


# -- cohesion ------------------------------------------------------------------------------


def test_cohesion_of_two_triangles_and_an_isolate() -> None:
    graph = people_graph(
        [("a", "b"), ("b", "c"), ("a", "c"), ("c", "d"), ("d", "e"), ("e", "f"), ("d", "f")],
        alone=["g"],
    )
    cohesion = measure_cohesion(graph)
    assert (cohesion.actors, cohesion.ties) == (7, 7)
    assert cohesion.density == pytest.approx(2 * 7 / (7 * 6))
    assert cohesion.components == 2
    assert cohesion.largest_component == ("a", "b", "c", "d", "e", "f")
    assert cohesion.largest_component_share == pytest.approx(6 / 7)
    assert cohesion.articulation_points == ("c", "d")
    assert cohesion.communities == (("a", "b", "c"), ("d", "e", "f"), ("g",))
    # Q = 2 * (3/7 - (7/14)^2)
    assert cohesion.modularity == pytest.approx(5 / 14)
    assert measure_cohesion(graph, seed=3) == cohesion


def test_cohesion_without_ties_and_without_actors() -> None:
    lonely = measure_cohesion(people_graph([], alone=["a", "b"]))
    assert (lonely.density, lonely.components, lonely.modularity) == (0.0, 2, None)
    assert lonely.communities == (("a",), ("b",))
    empty = measure_cohesion(build_graph(Landscape()))
    assert (empty.actors, empty.largest_component_share, empty.communities) == (0, None, ())


def test_cohesion_on_the_networkx_backend_agrees() -> None:
    graph = people_graph([("a", "b"), ("b", "c"), ("a", "c"), ("c", "d")])
    assert measure_cohesion(graph, backend="networkx") == measure_cohesion(graph)


# -- paths and ego networks ----------------------------------------------------------------


def paths_landscape() -> Landscape:
    return Landscape(
        municipalities=(Municipality(id="delft", cbs_code="GM0503"),),
        organisations=(
            Organisation(id="o-a", name="A", kind=ActorKind.STICHTING, municipality="delft"),
            Organisation(id="o-b", name="B", kind=ActorKind.STICHTING, municipality="delft"),
        ),
        people=(Person(id="p-1", name="1"), Person(id="p-2", name="2")),
        roles=(
            Role(holder="p-1", kind=RoleKind.LID, at="o-a"),
            Role(holder="p-2", kind=RoleKind.LID, at="o-a"),
        ),
        initiatives=(
            Initiative(
                id="i",
                title="I",
                kind=InitiativeKind.WORKSHOP,
                participants=(Participant(actor="p-2"), Participant(actor="o-b")),
            ),
        ),
    )


def test_connectors_follow_ties_not_geography() -> None:
    graph = build_graph(paths_landscape())
    connection = connectors(graph, "p-1", "o-b")
    assert connection.paths == (("p-1", "o-a", "p-2", "i", "o-b"),)
    assert connection.distance == 4
    assert connection.connectors == ("o-a", "p-2", "i")
    assert connection.complete
    # through the municipality both organisations are located in
    geographic = connectors(graph, "o-a", "o-b", relations=["located_in"])
    assert geographic.paths == (("o-a", "delft", "o-b"),)
    none = connectors(graph, "p-1", "delft")
    assert (none.connected, none.distance, none.paths, none.connectors) == (False, None, (), ())


def test_connectors_limit_and_ordering() -> None:
    graph = people_graph([("s", "a"), ("s", "b"), ("s", "c"), ("a", "t"), ("b", "t"), ("c", "t")])
    connection = connectors(graph, "s", "t", limit=2)
    assert len(connection.paths) == 2
    assert not connection.complete
    full = connectors(graph, "s", "t")
    assert full.complete
    assert set(full.connectors) == {"a", "b", "c"}
    with pytest.raises(ValueError, match="limit must be at least 1"):
        connectors(graph, "s", "t", limit=0)
    with pytest.raises(KeyError):
        connectors(graph, "s", "nobody")


def test_ego_network() -> None:
    graph = build_graph(paths_landscape())
    ego = ego_network(graph, "p-2")
    assert ego.distances == (("p-2", 0), ("i", 1), ("o-a", 1))
    assert set(ego.graph) == {"p-2", "i", "o-a"}
    wider = ego_network(graph, "p-2", radius=2)
    assert wider.within(1) == ("p-2", "i", "o-a")
    assert set(wider) == {"p-2", "i", "o-a", "o-b", "p-1"}
    assert len(ego_network(graph, "p-2", radius=0)) == 1
    with pytest.raises(ValueError, match="radius must be zero or more"):
        ego_network(graph, "p-2", radius=-1)


# -- every analysis on any landscape ---------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(landscapes(max_people=4, max_organisations=3, max_initiatives=3))
def test_every_analysis_runs_on_any_landscape_and_repeats_itself(land: Landscape) -> None:
    graph = build_graph(land)
    first = [
        rank_champions(graph),
        rank_brokers(graph, k=3, seed=1),
        map_krachtenveld(graph),
        bridging_bonding(graph),
        measure_cohesion(graph),
        sector_coverage(graph),
    ]
    for municipality in graph.nodes("municipality"):
        first.append(area_coverage(graph, municipality))
    for initiative in graph.nodes("initiative"):
        first.append(domain_coverage(graph, initiative))
        first.append(sector_coverage(graph, initiative))
    again = build_graph(land)
    second = [
        rank_champions(again),
        rank_brokers(again, k=3, seed=1),
        map_krachtenveld(again),
        bridging_bonding(again),
        measure_cohesion(again),
        sector_coverage(again),
    ]
    for municipality in again.nodes("municipality"):
        second.append(area_coverage(again, municipality))
    for initiative in again.nodes("initiative"):
        second.append(domain_coverage(again, initiative))
        second.append(sector_coverage(again, initiative))
    assert first == second
    brokers = rank_brokers(graph)
    assert all(b.isolated == (b.constraint is None) for b in brokers)

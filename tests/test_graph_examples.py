"""The stakeholder graph of the five seed examples, and the findings their sources state."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

import democratie
from democratie.graph import StakeholderGraph, build_graph
from democratie.graph.analysis import (
    area_coverage,
    connectors,
    domain_coverage,
    map_krachtenveld,
    measure_cohesion,
    rank_brokers,
    rank_champions,
    sector_coverage,
)
from democratie.vocab import PolicyDomain, Sector

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
NAMES = (
    "delft-zeven-van-delft",
    "m50-leerkring-waalwijk",
    "leusden-samenleving-voorop",
    "stichtse-vecht-gebiedsgericht-werken",
    "democratie-in-actie-noord-nederland",
)


def example(name: str) -> StakeholderGraph:
    path = EXAMPLES / f"{name}.toml"
    if not path.exists():
        pytest.skip(f"examples/{name}.toml is not there yet")
    return build_graph(democratie.load(path))


@pytest.mark.parametrize("name", NAMES)
def test_every_example_builds_one_node_per_entity(name: str) -> None:
    path = EXAMPLES / f"{name}.toml"
    if not path.exists():
        pytest.skip(f"examples/{name}.toml is not there yet")
    land = democratie.load(path)
    graph = build_graph(land)
    assert list(graph) == [e.id for e in land.entries() if e.kind != "role"]
    assert graph.nx.graph["title"] == land.title
    assert len(graph.initiative_view(graph.nodes("initiative")[0])) >= 1


def test_delft_works_in_all_eight_wijken_and_ten_domains() -> None:
    graph = example("delft-zeven-van-delft")
    coverage = area_coverage(graph, "delft")
    assert coverage.covers_all
    assert (coverage.total, coverage.reached_count, coverage.share) == (8, 8, 1.0)
    domains = domain_coverage(graph, "de-zeven-van-delft")
    assert len(domains.declared) == 10
    assert PolicyDomain.BESTUUR not in domains.declared
    assert domains.share is None  # the text gives the domains as examples, not as a requirement
    assert domain_coverage(graph, "de-zeven-van-delft", required=list(PolicyDomain)).share == (
        10 / 11
    )


def test_delft_brings_all_four_sectors_together() -> None:
    graph = example("delft-zeven-van-delft")
    coverage = sector_coverage(graph, "de-zeven-van-delft")
    assert coverage.present == tuple(Sector)
    assert coverage.share == 1.0
    # Organisations, businesses and residents share the beleidsdoelen and uitvoering phases.
    assert (Sector.MAATSCHAPPIJ, Sector.MARKT, Sector.INWONERS) in coverage.groups


def test_delft_workshop_leaders_connect_overbetuwe_and_delft() -> None:
    graph = example("delft-zeven-van-delft")
    connection = connectors(graph, "p-jeroen-joon", "p-rob-van-den-berg")
    assert connection.paths == (
        ("p-jeroen-joon", "workshop-zeven-van-delft", "p-rob-van-den-berg"),
    )
    ranking = rank_brokers(graph, ["p-jeroen-joon", "p-rob-van-den-berg"])
    assert ranking.best is not None
    assert ranking.best.id == "p-jeroen-joon"  # raadslid in Overbetuwe, initiatiefnemer at MVV


def test_m50_learning_circle_has_twelve_member_municipalities() -> None:
    graph = example("m50-leerkring-waalwijk")
    members = [
        u for u, v, d in graph.edges("member_of") if v == "m50-leerkring-democratische-vernieuwing"
    ]
    assert len(members) == 12
    assert all(graph.kind(m) == "municipality" for m in members)
    attended = Counter(
        graph.kind(u)
        for u, v, _ in graph.edges("attended")
        if v == "m50-kick-off-democratische-vernieuwing"
    )
    assert attended == {"municipality": 12, "organisation": 1}  # and VNG/Democratie in Actie
    assert graph.nx.nodes["m50-kick-off-democratische-vernieuwing"]["attendance"] == 24
    assert ("m50-leerkring-democratische-vernieuwing", "m50", "part_of") in {
        (u, v, d["relation"]) for u, v, d in graph.edges()
    }


def test_m50_twelve_municipalities_form_one_cohesive_circle() -> None:
    graph = example("m50-leerkring-waalwijk")
    cohesion = measure_cohesion(graph)
    members = set(graph.nodes("municipality"))
    assert any(members <= set(component) for component in [cohesion.largest_component])
    ranking = rank_champions(graph, top=12)
    assert all(c.kind in ("municipality", "organisation") for c in ranking)


def test_leusden_council_takes_part_in_the_bestuur_challenge() -> None:
    graph = example("leusden-samenleving-voorop")
    view = graph.initiative_view("samenleving-voorop-bestuur")
    assert "leusden-raad" in view
    assert domain_coverage(graph, "samenleving-voorop-bestuur").declared == (PolicyDomain.BESTUUR,)


def test_stichtse_vecht_reaches_all_twelve_kernen() -> None:
    graph = example("stichtse-vecht-gebiedsgericht-werken")
    coverage = area_coverage(graph, "stichtse-vecht", level="kern")
    assert (coverage.total, coverage.reached_count, coverage.share) == (12, 12, 1.0)
    sectors = sector_coverage(graph, "gebiedsgericht-werken-2022")
    assert Sector.INWONERS in sectors.present


def test_democratie_in_actie_works_through_its_regional_network() -> None:
    graph = example("democratie-in-actie-noord-nederland")
    relations = {(u, v, d["relation"]) for u, v, d in graph.edges()}
    trajectory = "dia-ontwikkeltraject-organisatieontwikkeling"
    assert (trajectory, "dia-regionaal-netwerk-noord-nederland", "part_of") in relations
    assert ("democratie-in-actie", "dia-regionaal-netwerk-noord-nederland", "leads") in relations
    assert ("p-emma-klever", "vng", "on_behalf_of") in relations
    assert ("p-nicolien-waanders", "assen", "on_behalf_of") in relations


def test_no_example_states_a_krachtenveld_assessment() -> None:
    # The seed texts give no ground for power, interest, legitimacy or urgency.
    for name in NAMES:
        assert len(map_krachtenveld(example(name))) == 0


_SCRIPT = """
import democratie
from democratie.graph import build_graph
from democratie.graph.analysis import *
for name in {names!r}:
    graph = build_graph(democratie.load("examples/" + name + ".toml"))
    print(rank_champions(graph), rank_brokers(graph, k=3, seed=5), measure_cohesion(graph))
    print(bridging_bonding(graph), bridging_bonding(graph, actor_sectors(graph), weight="weight"))
    for initiative in graph.nodes("initiative"):
        print(sector_coverage(graph, initiative), graph.initiative_view(initiative).nodes())
    people = graph.nodes("person")
    if len(people) > 1:
        print(connectors(graph, people[0], people[-1]), ego_network(graph, people[0], radius=3))
"""


def test_results_do_not_depend_on_string_hashing() -> None:
    names = [n for n in NAMES if (EXAMPLES / f"{n}.toml").exists()]
    outputs = []
    for seed in ("1", "2"):
        environment = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT / "src")}
        result = subprocess.run(
            [sys.executable, "-c", _SCRIPT.format(names=names)],
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
            check=True,
        )
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1]
    assert outputs[0].count("ChampionRanking") == len(names)

"""The stakeholder graph on synthetic landscapes of national shape, and how its cost is measured.

``synthetic_landscape(municipalities)`` makes a landscape of about 1,400 nodes and 4,400
edges per municipality (wijken and buurten, factions, organisations, people with two roles
each, initiatives with participants, phases and a meeting, a wijk network, one national
network): 342 municipalities give about 0.48M nodes and 1.5M edges. The tests check the
graph on a small one; ``python tests/test_graph_scale.py 7 71`` measures build_graph and
every analysis at about 10k and 100k nodes (see docs/graph/performance.md); the memory is
the peak allocated during the call, measured in a second, traced call.
"""

from __future__ import annotations

import gc
import sys
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx

from democratie.graph import build_graph
from democratie.graph.analysis import (
    area_coverage,
    bridging_bonding,
    connectors,
    domain_coverage,
    ego_network,
    map_krachtenveld,
    measure_cohesion,
    rank_brokers,
    rank_champions,
    sector_coverage,
)
from democratie.model import (
    Area,
    Assessment,
    Council,
    Faction,
    Initiative,
    Landscape,
    Meeting,
    Municipality,
    Network,
    Organisation,
    Participant,
    Person,
    Role,
    Stage,
)
from democratie.vocab import (
    ActorKind,
    AreaLevel,
    InitiativeKind,
    MeetingKind,
    NetworkKind,
    Phase,
    PhaseCycle,
    PolicyDomain,
    RoleKind,
)

WIJKEN = 10
BUURTEN = 6
FACTIONS = 6
ORGANISATIONS = 200
PEOPLE = 1000
INITIATIVES = 60
ORG_KINDS = (ActorKind.STICHTING, ActorKind.BEDRIJF, ActorKind.BEWONERSGROEP, ActorKind.VERENIGING)
DOMAINS = tuple(PolicyDomain)
PHASES = (Phase.VOORBEREIDING, Phase.UITVOERING, Phase.EVALUATIE)


def synthetic_landscape(municipalities: int) -> Landscape:
    """A valid landscape of national shape with the given number of municipalities."""
    muns: list[Municipality] = []
    orgs: list[Organisation] = []
    people: list[Person] = []
    roles: list[Role] = []
    initiatives: list[Initiative] = []
    networks: list[Network] = []
    for m in range(municipalities):
        mid = f"gm{m}"
        wijken = tuple(
            Area(
                id=f"{mid}-wk{w}",
                name=f"Wijk {w}",
                level=AreaLevel.WIJK,
                areas=tuple(
                    Area(id=f"{mid}-wk{w}-bu{b}", name=f"Buurt {b}", level=AreaLevel.BUURT)
                    for b in range(BUURTEN)
                ),
            )
            for w in range(WIJKEN)
        )
        factions = tuple(
            Faction(id=f"{mid}-fr{f}", name=f"Fractie {f}", seats=3) for f in range(FACTIONS)
        )
        muns.append(
            Municipality(
                id=mid,
                name=f"Gemeente {m}",
                areas=wijken,
                council=Council(seats=FACTIONS * 3, factions=factions),
            )
        )
        org_ids = [f"{mid}-org{o}" for o in range(ORGANISATIONS)]
        for o, oid in enumerate(org_ids):
            orgs.append(
                Organisation(
                    id=oid,
                    name=f"Organisatie {o}",
                    kind=ORG_KINDS[o % len(ORG_KINDS)],
                    municipality=mid,
                    areas=(f"{mid}-wk{o % WIJKEN}",),
                    assessment=Assessment(
                        power=(o % 10) / 10, interest=(o % 7) / 7, legitimacy=0.5, urgency=0.2
                    ),
                )
            )
        person_ids = [f"{mid}-p{p}" for p in range(PEOPLE)]
        for p, pid in enumerate(person_ids):
            people.append(Person(id=pid, name=f"Persoon {p}"))
            if p < FACTIONS * 3:
                roles.append(
                    Role(
                        holder=pid,
                        kind=RoleKind.RAADSLID,
                        at=f"{mid}-raad",
                        on_behalf_of=f"{mid}-fr{p % FACTIONS}",
                    )
                )
            elif p < FACTIONS * 3 + 5:
                roles.append(Role(holder=pid, kind=RoleKind.WETHOUDER, at=f"{mid}-college"))
            else:
                roles.append(Role(holder=pid, kind=RoleKind.LID, at=org_ids[p % ORGANISATIONS]))
            roles.append(
                Role(
                    holder=pid,
                    kind=RoleKind.DEELNEMER,
                    at=org_ids[(p * 7 + 3) % ORGANISATIONS],
                )
            )
        for i in range(INITIATIVES):
            iid = f"{mid}-ini{i}"
            crowd = [person_ids[(i * 13 + k * 17) % PEOPLE] for k in range(6)]
            crowd += [org_ids[(i * 11 + k * 5) % ORGANISATIONS] for k in range(4)]
            initiatives.append(
                Initiative(
                    id=iid,
                    title=f"Initiatief {i}",
                    kind=InitiativeKind.EXPERIMENT,
                    municipalities=(mid,),
                    areas=(f"{mid}-wk{i % WIJKEN}", f"{mid}-wk{(i + 1) % WIJKEN}"),
                    domains=(DOMAINS[i % len(DOMAINS)], DOMAINS[(i + 3) % len(DOMAINS)]),
                    cycle=PhaseCycle.WETTELIJK,
                    phases=tuple(
                        Stage(phase=phase, participants=tuple(crowd[j : j + 3]))
                        for j, phase in enumerate(PHASES)
                    ),
                    initiated_by=(org_ids[i % ORGANISATIONS],),
                    led_by=(person_ids[(i * 13) % PEOPLE],),
                    participants=tuple(Participant(actor=a) for a in crowd),
                    meetings=(
                        Meeting(
                            id=f"{iid}-m",
                            title="Bijeenkomst",
                            kind=MeetingKind.WERKSESSIE,
                            host=mid,
                            attendees=tuple(crowd[:5]),
                        ),
                    ),
                )
            )
        networks.append(
            Network(
                id=f"{mid}-wijknetwerk",
                name="Wijknetwerk",
                kind=NetworkKind.WIJKNETWERK,
                members=tuple(org_ids[:50]),
            )
        )
    networks.append(
        Network(
            id="landelijk",
            name="Landelijk netwerk",
            kind=NetworkKind.NETWERK_VAN_GEMEENTEN,
            members=tuple(m.id for m in muns),
        )
    )
    return Landscape(
        municipalities=tuple(muns),
        organisations=tuple(orgs),
        people=tuple(people),
        roles=tuple(roles),
        initiatives=tuple(initiatives),
        networks=tuple(networks),
    )


def test_synthetic_landscape_builds_the_expected_graph() -> None:
    graph = build_graph(synthetic_landscape(2))
    kinds = Counter(graph.kind(n) for n in graph)
    assert kinds == {
        "municipality": 2,
        "council": 2,
        "college": 2,
        "faction": 2 * FACTIONS,
        "area": 2 * WIJKEN * (1 + BUURTEN),
        "organisation": 2 * ORGANISATIONS,
        "person": 2 * PEOPLE,
        "initiative": 2 * INITIATIVES,
        "network": 3,
        "meeting": 2 * INITIATIVES,
    }
    relations = Counter(d["relation"] for _, _, d in graph.edges())
    assert relations["holds_role"] == 2 * 2 * PEOPLE
    assert relations["on_behalf_of"] == 2 * FACTIONS * 3
    assert relations["member_of"] == 2 * 50 + 2
    assert relations["participates_in"] == 2 * INITIATIVES * (10 + 9)
    assert area_coverage(graph, "gm0").share == 1.0


# -- measuring ---------------------------------------------------------------------------


def _timed(func: Callable[[], Any]) -> tuple[float, Any]:
    """Seconds of one call, and its result."""
    gc.collect()
    began = time.perf_counter()
    result = func()
    return time.perf_counter() - began, result


def _peak(func: Callable[[], Any]) -> int:
    """Peak bytes allocated during one call (traced, so timed separately)."""
    gc.collect()
    tracemalloc.start()
    func()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def _raw(
    nodes: list[tuple[str, dict[str, Any]]], edges: list[tuple[str, str, dict[str, Any]]]
) -> nx.MultiDiGraph[str]:
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from(edges)
    return graph


def _compare_build(land: Landscape) -> tuple[float, float, int, int]:
    """Best of three times and the peak memory of build_graph and of raw networkx."""
    graph = build_graph(land)
    nodes = [(n, dict(d)) for n, d in graph.nx.nodes(data=True)]
    edges = [(u, v, dict(d)) for u, v, d in graph.nx.edges(data=True)]
    del graph
    build = min(_timed(lambda: build_graph(land))[0] for _ in range(3))
    raw = min(_timed(lambda: _raw(nodes, edges))[0] for _ in range(3))
    return build, raw, _peak(lambda: build_graph(land)), _peak(lambda: _raw(nodes, edges))


def measure(municipalities: int) -> None:
    """Print the time and peak memory of build_graph and of each analysis."""
    land = synthetic_landscape(municipalities)
    build, raw, build_peak, raw_peak = _compare_build(land)
    graph = build_graph(land)
    print(f"{municipalities} municipalities: {len(graph):,} nodes, {graph.nx.size():,} edges")
    print(f"  {'build_graph':24} {build:8.2f} s {build_peak / 2**20:8.0f} MiB")
    print(f"  {'raw add_*_from':24} {raw:8.2f} s {raw_peak / 2**20:8.0f} MiB")
    print(f"  {'ratio':24} {build / raw:8.2f}   {build_peak / raw_peak:8.2f}")
    probe = graph.nodes("organisation")[:100]
    last = f"gm{municipalities - 1}-p20"
    runs: dict[str, Callable[[], Any]] = {
        "actor_projection": graph.actor_projection,
        "municipality_view": lambda: len(graph.municipality_view("gm0")),
        "rank_champions": lambda: rank_champions(graph, top=10),
        "rank_brokers(100, k=20)": lambda: rank_brokers(graph, probe, k=20, seed=0),
        "map_krachtenveld": lambda: map_krachtenveld(graph),
        "area_coverage": lambda: area_coverage(graph, "gm0"),
        "domain_coverage": lambda: domain_coverage(graph, "gm0-ini0"),
        "sector_coverage": lambda: sector_coverage(graph, "gm0-ini0"),
        "bridging_bonding": lambda: bridging_bonding(graph, "municipality"),
        "measure_cohesion": lambda: measure_cohesion(graph),
        "connectors": lambda: connectors(graph, "gm0-p20", last),
        "ego_network(radius=2)": lambda: ego_network(graph, "gm0-p20", radius=2),
    }
    for name, run in runs.items():
        seconds, _ = _timed(run)
        print(f"  {name:24} {seconds:8.2f} s {_peak(run) / 2**20:8.0f} MiB", flush=True)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    for count in sys.argv[1:] or ["7", "71"]:
        measure(int(count))

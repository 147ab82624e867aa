"""Analyses of the stakeholder graph, as plain functions returning small result objects.

Each function takes a :class:`~democratie.graph.StakeholderGraph` first, as networkx
algorithms take a graph, documents its cost, is deterministic for a given seed, and passes
``backend=`` on to networkx where networkx offers one.

- champions (kartrekkers): :func:`rank_champions`;
- brokers (verbinders): :func:`rank_brokers`;
- krachtenveld: :func:`map_krachtenveld`, :func:`mendelow_quadrant`, :func:`salience_class`;
- coverage: :func:`area_coverage` (with :func:`municipality_areas`), :func:`domain_coverage`,
  :func:`sector_coverage`;
- bridging and bonding: :func:`bridging_bonding` (E-I index, assortativity), with
  :func:`actor_sectors` as a partition;
- cohesion: :func:`measure_cohesion`;
- paths and ego networks: :func:`connectors`, :func:`ego_network`.

Examples
--------
>>> import democratie.examples
>>> from democratie.graph import build_graph
>>> from democratie.graph.analysis import area_coverage
>>> graph = build_graph(democratie.examples.load("delft-zeven-van-delft"))
>>> area_coverage(graph, "delft").share
1.0
"""

from democratie.graph.analysis._common import actor_sectors
from democratie.graph.analysis.bridging import (
    BridgingBonding,
    GroupTies,
    Partition,
    bridging_bonding,
)
from democratie.graph.analysis.brokers import (
    LARGE_GRAPH,
    SAMPLED_SOURCES,
    SHORTLIST,
    Broker,
    BrokerRanking,
    broker_shortlist,
    rank_brokers,
    rank_brokers_at_scale,
)
from democratie.graph.analysis.champions import Champion, ChampionRanking, rank_champions
from democratie.graph.analysis.cohesion import Cohesion, measure_cohesion
from democratie.graph.analysis.coverage import (
    AreaCoverage,
    DomainCoverage,
    SectorCoverage,
    area_coverage,
    domain_coverage,
    municipality_areas,
    sector_coverage,
)
from democratie.graph.analysis.krachtenveld import (
    DEFAULT_THRESHOLDS,
    Krachtenveld,
    Position,
    Thresholds,
    map_krachtenveld,
    mendelow_quadrant,
    salience_class,
)
from democratie.graph.analysis.paths import Connection, EgoNetwork, connectors, ego_network

__all__ = [
    "DEFAULT_THRESHOLDS",
    "LARGE_GRAPH",
    "SAMPLED_SOURCES",
    "SHORTLIST",
    "AreaCoverage",
    "BridgingBonding",
    "Broker",
    "BrokerRanking",
    "Champion",
    "ChampionRanking",
    "Cohesion",
    "Connection",
    "DomainCoverage",
    "EgoNetwork",
    "GroupTies",
    "Krachtenveld",
    "Partition",
    "Position",
    "SectorCoverage",
    "Thresholds",
    "actor_sectors",
    "area_coverage",
    "bridging_bonding",
    "broker_shortlist",
    "connectors",
    "domain_coverage",
    "ego_network",
    "map_krachtenveld",
    "measure_cohesion",
    "mendelow_quadrant",
    "municipality_areas",
    "rank_brokers",
    "rank_brokers_at_scale",
    "rank_champions",
    "salience_class",
    "sector_coverage",
]

"""The stakeholder graph: a networkx multigraph built from a landscape, and its analyses.

:func:`build_graph` turns a :class:`~democratie.model.Landscape` into a
:class:`StakeholderGraph`: one node per municipality, council, college, faction, area,
organisation, person, initiative, network and meeting, and one edge per reference between
them, each with a ``relation`` from a closed vocabulary (:mod:`democratie.graph.schema`).
The analyses (champions, brokers, krachtenveld, coverage, bridging and bonding, cohesion,
paths) are plain functions in :mod:`democratie.graph.analysis`.

Examples
--------
>>> import democratie
>>> from democratie.graph import build_graph
>>> land = democratie.loads('''
... format = "democratie/1"
... [[municipalities]]
... id = "delft"
... cbs_code = "GM0503"
... ''')
>>> build_graph(land).nodes()
('delft', 'delft-raad', 'delft-college')
"""

from democratie.graph._build import build_graph
from democratie.graph._graph import StakeholderGraph
from democratie.graph.schema import (
    ACTOR_KINDS,
    NODE_KINDS,
    RELATIONS,
    TIE_RELATIONS,
    VENUE_KINDS,
    NodeKind,
    Relation,
)

__all__ = [
    "ACTOR_KINDS",
    "NODE_KINDS",
    "RELATIONS",
    "TIE_RELATIONS",
    "VENUE_KINDS",
    "NodeKind",
    "Relation",
    "StakeholderGraph",
    "build_graph",
]

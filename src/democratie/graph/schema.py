"""What a stakeholder graph holds: its node kinds and its closed vocabulary of relations.

Every node of a :class:`~democratie.graph.StakeholderGraph` has a ``kind`` from
:data:`NODE_KINDS`; every edge has a ``relation`` from :data:`RELATIONS`. Both are plain
strings in the graph, so the graph can be written to GraphML or GEXF as it is; the
:data:`NodeKind` and :data:`Relation` literal types name them for type checkers.

Examples
--------
>>> from democratie.graph.schema import RELATIONS, TIE_RELATIONS
>>> "holds_role" in RELATIONS
True
>>> sorted(set(RELATIONS) - TIE_RELATIONS)
['located_in', 'serves_area']

The actors are the kinds that can take part, the venues the kinds they meet in, and each
relation has a description:

>>> from democratie.graph.schema import (ACTOR_KINDS, NODE_KINDS, RELATION_DESCRIPTIONS,
...                                      VENUE_KINDS)
>>> [kind for kind in NODE_KINDS if kind in ACTOR_KINDS]
['municipality', 'council', 'college', 'faction', 'organisation', 'person']
>>> sorted(VENUE_KINDS)
['initiative', 'meeting', 'network']
>>> RELATION_DESCRIPTIONS["body_of"]
'is the council or college of a municipality'

The literal types name, for type checkers, what the tuples hold:

>>> import typing
>>> from democratie.graph.schema import NodeKind, Relation
>>> typing.get_args(NodeKind) == NODE_KINDS, typing.get_args(Relation) == RELATIONS
(True, True)
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final, Literal, TypeAlias

__all__ = [
    "ACTOR_KINDS",
    "NODE_KINDS",
    "NODE_KIND_LABELS",
    "RELATIONS",
    "RELATION_DESCRIPTIONS",
    "RELATION_LABELS",
    "TIE_RELATIONS",
    "VENUE_KINDS",
    "NodeKind",
    "Relation",
]

NodeKind: TypeAlias = Literal[
    "municipality",
    "council",
    "college",
    "faction",
    "area",
    "organisation",
    "person",
    "initiative",
    "network",
    "meeting",
]
"""The kind of a node: the kind of the landscape entity it stands for."""

NODE_KINDS: Final[tuple[NodeKind, ...]] = (
    "municipality",
    "council",
    "college",
    "faction",
    "area",
    "organisation",
    "person",
    "initiative",
    "network",
    "meeting",
)
"""Every node kind, in the order the graph adds them.

A landscape entity of kind ``role`` is never a node: a role is an edge (``holds_role``, and
``on_behalf_of`` when the holder represents someone).
"""

NODE_KIND_LABELS: Final[Mapping[str, tuple[str, str]]] = MappingProxyType(
    {
        # kind: (Dutch, English)
        "municipality": ("Gemeente", "Municipality"),
        "council": ("Gemeenteraad", "Council"),
        "college": ("College van B&W", "Executive (college)"),
        "faction": ("Fractie", "Council group"),
        "area": ("Gebied", "Area"),
        "organisation": ("Organisatie", "Organisation"),
        "person": ("Persoon", "Person"),
        "initiative": ("Initiatief", "Initiative"),
        "network": ("Netwerk", "Network"),
        "meeting": ("Bijeenkomst", "Meeting"),
    }
)
"""The label of each node kind (and scored subject kind), as ``(Dutch, English)``.

>>> NODE_KIND_LABELS["council"]
('Gemeenteraad', 'Council')
"""

ACTOR_KINDS: Final[frozenset[NodeKind]] = frozenset(
    {"person", "organisation", "municipality", "council", "college", "faction"}
)
"""Node kinds that can act: take part, lead, hold a seat, attend a meeting."""

VENUE_KINDS: Final[frozenset[NodeKind]] = frozenset({"initiative", "network", "meeting"})
"""Node kinds where actors meet: two actors tied to the same venue work together there."""

Relation: TypeAlias = Literal[
    "member_of",
    "holds_role",
    "on_behalf_of",
    "participates_in",
    "leads",
    "initiated",
    "located_in",
    "serves_area",
    "part_of",
    "collaborates_with",
    "hosts",
    "attended",
    "body_of",
]
"""The relation of an edge, from a closed vocabulary."""

RELATIONS: Final[tuple[Relation, ...]] = (
    "member_of",
    "holds_role",
    "on_behalf_of",
    "participates_in",
    "leads",
    "initiated",
    "located_in",
    "serves_area",
    "part_of",
    "collaborates_with",
    "hosts",
    "attended",
    "body_of",
)
"""Every relation an edge can have."""

RELATION_DESCRIPTIONS: Final[Mapping[Relation, str]] = MappingProxyType(
    {
        "member_of": "a member of a network",
        "holds_role": "holds a role (raadslid, projectleider, ...) at a body or organisation",
        "on_behalf_of": "acts on behalf of a faction, organisation or party",
        "participates_in": "takes part in an initiative, in a role, phase, task or commitment",
        "leads": "leads an initiative or coordinates a network",
        "initiated": "started an initiative",
        "located_in": "lies in, or is based in, an area or municipality",
        "serves_area": "works in or reaches an area",
        "part_of": "is part of a larger body, organisation, network or initiative",
        "collaborates_with": "passes lessons on to, or works with, another party",
        "hosts": "hosts a meeting",
        "attended": "attended a meeting",
        "body_of": "is the council or college of a municipality",
    }
)
"""What each relation means, in a few words (read-only)."""

RELATION_LABELS: Final[Mapping[str, tuple[str, str]]] = MappingProxyType(
    {
        "member_of": ("lid van", "member of"),
        "holds_role": ("heeft een rol bij", "holds a role at"),
        "on_behalf_of": ("namens", "on behalf of"),
        "participates_in": ("doet mee aan", "takes part in"),
        "leads": ("leidt", "leads"),
        "initiated": ("startte", "initiated"),
        "located_in": ("ligt in", "located in"),
        "serves_area": ("werkt in", "serves"),
        "part_of": ("onderdeel van", "part of"),
        "collaborates_with": ("werkt samen met", "works with"),
        "hosts": ("is gastheer van", "hosts"),
        "attended": ("was bij", "attended"),
        "body_of": ("orgaan van", "body of"),
    }
)
"""The label of each relation, as ``(Dutch, English)``: what reports and the command line show.

>>> RELATION_LABELS["body_of"], set(RELATION_LABELS) == set(RELATIONS)
(('orgaan van', 'body of'), True)
"""

TIE_RELATIONS: Final[frozenset[Relation]] = frozenset(RELATIONS) - {"located_in", "serves_area"}
"""Relations that tie parties together; the two geographic relations are left out.

Paths, ego networks and the actor projection follow these by default: two organisations in
the same municipality are not, by that alone, connected.
"""

r"""Bridging and bonding: whether ties cross groups or stay within them.

*Bonding* ties join people of the same group (the same sector, wijk, or side of the line
between the municipal organisation and society); *bridging* ties cross groups. Stichtse
Vecht's Rekenkamer asked for both internal and external networks. Krackhardt and Stern's
E-I index measures the balance:

.. math::

    \mathrm{EI} = \frac{E - I}{E + I}

where :math:`E` counts the ties between groups and :math:`I` the ties within them: -1 is
pure bonding, +1 pure bridging. Newman's attribute assortativity coefficient :math:`r`
measures the same tendency corrected for group sizes: 1 when ties stay within groups, 0
when they fall at random, negative when they prefer to cross.

References
----------
.. [1] Krackhardt, D., & Stern, R. N. (1988). "Informal networks and organizational crises:
   an experimental simulation". Social Psychology Quarterly, 51(2), 123-140.
.. [2] Newman, M. E. J. (2003). "Mixing patterns in networks". Physical Review E, 67,
   026126.

Examples
--------
A :data:`Partition` names a node attribute, maps actors to groups, or is a function of
an actor and its attributes:

>>> import democratie.examples
>>> from democratie.graph import build_graph
>>> graph = build_graph(democratie.examples.load("delft-zeven-van-delft"))
>>> by_sector: Partition = "sector"
>>> by_side: Partition = lambda node, data: data.get("sector") == "overheid"
>>> [bridging_bonding(graph, p).partition for p in (by_sector, by_side)]
['sector', 'custom']
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import Any, TypeAlias

import networkx as nx
from attrs import frozen

from democratie.graph._graph import StakeholderGraph
from democratie.graph.analysis._common import resolve_actors

__all__ = ["BridgingBonding", "GroupTies", "Partition", "bridging_bonding"]

Partition: TypeAlias = (
    str | Mapping[str, Hashable] | Callable[[str, Mapping[str, Any]], Hashable | None]
)
"""How actors are grouped: a node attribute name, a mapping from id to group, or a function
of the id and the node's attributes that returns the group (None for no group)."""

_GROUP = "group"


@frozen(kw_only=True)
class GroupTies:
    """The ties of one group.

    Attributes
    ----------
    group : str
        The group (as text).
    size : int
        How many actors are in it.
    internal : float
        Ties (or their weight) within the group.
    external : float
        Ties (or their weight) from the group to other groups.

    Examples
    --------
    >>> import democratie.examples
    >>> from democratie.graph import build_graph
    >>> graph = build_graph(democratie.examples.load("delft-zeven-van-delft"))
    >>> residents = bridging_bonding(graph, "sector").groups[0]
    >>> residents
    GroupTies(group='inwoners', size=1, internal=0.0, external=6.0)
    >>> residents.ei_index
    1.0
    """

    group: str
    size: int
    internal: float
    external: float

    @property
    def ei_index(self) -> float | None:
        """The group's E-I index, in [-1, 1]; None when it has no ties."""
        return _ei(self.external, self.internal)


@frozen(kw_only=True)
class BridgingBonding:
    """How much the ties of a stakeholder graph bridge or bond.

    Attributes
    ----------
    partition : str
        The attribute grouped by, or ``"custom"`` for a mapping or function.
    internal : float
        Ties (or their weight) within groups.
    external : float
        Ties (or their weight) between groups.
    groups : tuple of GroupTies
        Per group, sorted by group.
    assortativity : float or None
        Newman's attribute assortativity coefficient; None when it is undefined (no ties,
        or every tie in one group).
    unassigned : tuple of str
        The actors left out because they have no group.

    Examples
    --------
    >>> import democratie.examples
    >>> from democratie.graph import build_graph
    >>> graph = build_graph(democratie.examples.load("delft-zeven-van-delft"))
    >>> result = bridging_bonding(graph, "sector")
    >>> result.partition, result.internal, result.external, result.ei_index
    ('sector', 5.0, 17.0, 0.5454545454545454)
    >>> [group.group for group in result.groups]
    ['inwoners', 'maatschappij', 'markt', 'overheid']
    """

    partition: str
    internal: float
    external: float
    groups: tuple[GroupTies, ...]
    assortativity: float | None
    unassigned: tuple[str, ...]

    @property
    def ei_index(self) -> float | None:
        """The E-I index, in [-1, 1]: -1 all bonding, +1 all bridging; None without ties."""
        return _ei(self.external, self.internal)


def bridging_bonding(
    graph: StakeholderGraph,
    partition: Partition = "sector",
    *,
    among: Iterable[str] | None = None,
    weight: str | None = None,
    backend: str | None = None,
) -> BridgingBonding:
    r"""Measure bridging and bonding over a partition of the actors.

    Computed on the actor projection
    (:meth:`~democratie.graph.StakeholderGraph.actor_projection`), among the actors that
    have a group: :math:`\mathrm{EI} = (E - I) / (E + I)` overall and per group, and the
    attribute assortativity coefficient

    .. math::

        r = \frac{\sum_i e_{ii} - \sum_i a_i b_i}{1 - \sum_i a_i b_i}

    where :math:`e_{ij}` is the share of ties between groups :math:`i` and :math:`j` and
    :math:`a_i`, :math:`b_i` its row and column sums. The assortativity counts ties, as
    networkx does, whatever `weight` says.

    Parameters
    ----------
    graph : StakeholderGraph
        The graph, or a view of it.
    partition : str, mapping or callable, default "sector"
        A node attribute (``"sector"``, ``"municipality"``, ``"area"``), a mapping from
        actor id to group (such as :func:`~democratie.graph.analysis.actor_sectors`, which
        also places people), or a function ``(id, attributes) -> group or None``, such as
        one that tells internal from external.
    among : iterable of str, optional
        The actors to consider; by default every actor.
    weight : str, optional
        Edge attribute of the projection to sum instead of counting ties (``"weight"``:
        how often two actors are tied).
    backend : str, optional
        Compute the assortativity with networkx's
        :func:`~networkx.algorithms.assortativity.attribute_assortativity_coefficient` on
        this backend (which needs NumPy). By default it is computed in pure Python with the
        same formula, so the result does not depend on what is installed.

    Returns
    -------
    BridgingBonding
        The E-I index overall and per group, and the assortativity.

    Raises
    ------
    KeyError
        If an id in `among` is not in the graph.
    ValueError
        If an id in `among` is not an actor.

    Notes
    -----
    O(n + m) after building the projection, for n actors and m ties.

    Examples
    --------
    >>> import democratie.examples
    >>> from democratie.graph import build_graph
    >>> graph = build_graph(democratie.examples.load("m50-leerkring-waalwijk"))
    >>> result = bridging_bonding(graph, "municipality")
    >>> result.ei_index is not None and -1 <= result.ei_index <= 1
    True
    """
    actors = resolve_actors(graph, among)
    nodes = graph.nx.nodes
    group_of: dict[str, Hashable] = {}
    unassigned = []
    for node in actors:
        group = _group(partition, node, nodes[node])
        if group is None:
            unassigned.append(node)
        else:
            group_of[node] = group
    projection = graph.actor_projection()
    internal = external = 0.0
    by_group: dict[str, list[float]] = {str(g): [0.0, 0.0] for g in group_of.values()}
    sizes: dict[str, int] = dict.fromkeys(by_group, 0)
    for group in group_of.values():
        sizes[str(group)] += 1
    mixing: dict[tuple[str, str], float] = {}
    for a, b, data in projection.edges(data=True):
        if a not in group_of or b not in group_of:
            continue
        amount = float(data.get(weight, 1)) if weight is not None else 1.0
        ga, gb = str(group_of[a]), str(group_of[b])
        if ga == gb:
            internal += amount
            by_group[ga][0] += amount
        else:
            external += amount
            by_group[ga][1] += amount
            by_group[gb][1] += amount
        mixing[ga, gb] = mixing.get((ga, gb), 0.0) + 1
        mixing[gb, ga] = mixing.get((gb, ga), 0.0) + 1
    if backend is not None:
        labelled: nx.Graph[str] = nx.Graph()
        labelled.add_nodes_from((n, {_GROUP: str(g)}) for n, g in group_of.items())
        labelled.add_edges_from(
            (a, b, d) for a, b, d in projection.edges(data=True) if a in group_of and b in group_of
        )
        value = nx.attribute_assortativity_coefficient(labelled, _GROUP, backend=backend)
        assortativity = None if value != value else float(value)  # NaN: undefined
    else:
        assortativity = _assortativity(mixing)
    return BridgingBonding(
        partition=partition if isinstance(partition, str) else "custom",
        internal=internal,
        external=external,
        groups=tuple(
            GroupTies(group=g, size=sizes[g], internal=ties[0], external=ties[1])
            for g, ties in sorted(by_group.items())
        ),
        assortativity=assortativity,
        unassigned=tuple(unassigned),
    )


def _group(partition: Partition, node: str, data: Mapping[str, Any]) -> Hashable | None:
    if isinstance(partition, str):
        value: Hashable | None = data.get(partition)
    elif isinstance(partition, Mapping):
        value = partition.get(node)
    else:
        value = partition(node, data)
    return value


def _ei(external: float, internal: float) -> float | None:
    total = external + internal
    return None if total == 0 else (external - internal) / total


def _assortativity(mixing: Mapping[tuple[str, str], float]) -> float | None:
    """Newman's assortativity coefficient from a symmetric mixing count."""
    total = sum(mixing.values())
    if total == 0:
        return None
    rows: dict[str, float] = {}
    for (a, _), amount in mixing.items():
        rows[a] = rows.get(a, 0.0) + amount / total
    diagonal = sum(amount for (a, b), amount in mixing.items() if a == b) / total
    expected = sum(share * share for share in rows.values())
    if expected == 1:
        return None
    return (diagonal - expected) / (1 - expected)

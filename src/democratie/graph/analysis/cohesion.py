"""Cohesion: how tightly the actors of a stakeholder graph hang together.

A cohesive field of actors has many ties (density), one large connected whole rather than
islands (largest component share), few actors whose departure would split it (articulation
points), and recognisable clusters that still talk to each other (communities found with
the Louvain method, with their modularity).

References
----------
.. [1] Wasserman, S., & Faust, K. (1994). *Social Network Analysis: Methods and
   Applications*. Cambridge University Press.
.. [2] Blondel, V. D., Guillaume, J.-L., Lambiotte, R., & Lefebvre, E. (2008). "Fast
   unfolding of communities in large networks". Journal of Statistical Mechanics, P10008.
.. [3] Hopcroft, J., & Tarjan, R. (1973). "Algorithm 447: efficient algorithms for graph
   manipulation". Communications of the ACM, 16(6), 372-378.
"""

from __future__ import annotations

import networkx as nx
from attrs import frozen

from democratie.graph._graph import StakeholderGraph
from democratie.graph.analysis._common import with_backend

__all__ = ["Cohesion", "measure_cohesion"]


@frozen(kw_only=True)
class Cohesion:
    """How cohesive the actor network is.

    Attributes
    ----------
    actors : int
        The number of actors.
    ties : int
        The number of pairs of actors that are tied.
    density : float
        Ties as a share of all possible pairs, in [0, 1].
    components : int
        The number of connected components (an isolated actor is one).
    largest_component : tuple of str
        The actors of the largest component, in graph order.
    articulation_points : tuple of str
        Actors whose removal splits a component, in graph order.
    communities : tuple of tuple of str
        Louvain communities, largest first, each in graph order.
    modularity : float or None
        The modularity of the communities; None without ties.

    Examples
    --------
    >>> import democratie.examples
    >>> from democratie.graph import build_graph
    >>> graph = build_graph(democratie.examples.load("delft-zeven-van-delft"))
    >>> cohesion = measure_cohesion(graph)
    >>> cohesion.actors, cohesion.ties, round(cohesion.density, 3), cohesion.components
    (11, 27, 0.491, 1)
    >>> cohesion.articulation_points
    ('overbetuwe-raad', 'p-jeroen-joon')
    >>> cohesion.largest_component_share
    1.0
    """

    actors: int
    ties: int
    density: float
    components: int
    largest_component: tuple[str, ...]
    articulation_points: tuple[str, ...]
    communities: tuple[tuple[str, ...], ...]
    modularity: float | None

    @property
    def largest_component_share(self) -> float | None:
        """The share of the actors in the largest component; None without actors."""
        if self.actors == 0:
            return None
        return len(self.largest_component) / self.actors


def measure_cohesion(
    graph: StakeholderGraph,
    *,
    seed: int | None = 0,
    resolution: float = 1.0,
    weight: str | None = "weight",
    backend: str | None = None,
) -> Cohesion:
    r"""Measure the cohesion of the actor network of a stakeholder graph.

    Computed on the actor projection
    (:meth:`~democratie.graph.StakeholderGraph.actor_projection`). Density is
    :math:`2m / (n (n - 1))` for n actors and m ties; modularity is

    .. math::

        Q = \frac{1}{2m} \sum_{ij} \Big(A_{ij} - \gamma \frac{k_i k_j}{2m}\Big)
        \delta(c_i, c_j)

    with :math:`\gamma` the `resolution`.

    Parameters
    ----------
    graph : StakeholderGraph
        The graph, or a view of it.
    seed : int or None, default 0
        Seed of the Louvain method, which visits nodes in random order; None for a fresh
        order each time.
    resolution : float, default 1.0
        Louvain resolution: above 1 favours smaller communities, below 1 larger ones.
    weight : str or None, default "weight"
        Edge attribute of the projection used by Louvain and modularity; None to count ties.
    backend : str, optional
        A networkx backend to run the networkx algorithms on.

    Returns
    -------
    Cohesion
        Density, components, articulation points and communities.

    Notes
    -----
    Components and articulation points are O(n + m); Louvain is roughly O(m log n) in
    practice. Deterministic for a given `seed`.

    Examples
    --------
    >>> import democratie.examples
    >>> from democratie.graph import build_graph
    >>> graph = build_graph(democratie.examples.load("m50-leerkring-waalwijk"))
    >>> cohesion = measure_cohesion(graph)
    >>> cohesion.components >= 1 and 0 <= cohesion.density <= 1
    True
    """
    projection = graph.actor_projection()
    order = {node: index for index, node in enumerate(projection)}
    n = projection.number_of_nodes()
    m = projection.number_of_edges()
    density = 0.0 if n < 2 else 2 * m / (n * (n - 1))
    components = [
        sorted(c, key=order.__getitem__)
        for c in with_backend(nx.connected_components, backend)(projection)
    ]
    largest = min(components, key=lambda c: (-len(c), order[c[0]]), default=[])
    cut = sorted(with_backend(nx.articulation_points, backend)(projection), key=order.__getitem__)
    if m == 0:
        communities = [[node] for node in projection]
        modularity = None
    else:
        found = with_backend(nx.community.louvain_communities, backend)(
            projection, weight=weight, resolution=resolution, seed=seed
        )
        communities = [sorted(c, key=order.__getitem__) for c in found]
        modularity = with_backend(nx.community.modularity, backend)(
            projection, found, weight=weight, resolution=resolution
        )
    communities.sort(key=lambda c: (-len(c), order[c[0]]))
    return Cohesion(
        actors=n,
        ties=m,
        density=density,
        components=len(components),
        largest_component=tuple(largest),
        articulation_points=tuple(cut),
        communities=tuple(tuple(c) for c in communities),
        modularity=modularity,
    )

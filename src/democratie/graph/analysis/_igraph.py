"""python-igraph as an optional accelerator for betweenness, with networkx's exact values.

networkx computes shortest-path betweenness in pure Python: exact betweenness of a graph
of n actors and m ties is O(n m), about 17 s for a sample of 256 sources at 10,000 nodes
on the two-core machines continuous integration uses, where python-igraph's C code takes
0.4 s. When python-igraph is installed (``pip install democratie[igraph]``) and no networkx
backend is asked for, :func:`betweenness` computes with it, from the same sources networkx
would sample with the same seed, and rescales the result as networkx does: the values are
networkx's, to the last few bits of floating point, and the tests prove it.

Set the environment variable ``DEMOCRATIE_IGRAPH=0`` to compute with networkx even when
python-igraph is installed.
"""

from __future__ import annotations

import importlib
import math
import os
from types import ModuleType
from typing import Any

import networkx as nx
from networkx.utils import create_py_random_state

__all__ = ["available", "betweenness"]

_MODULE: ModuleType | bool | None = False  # False: not looked for yet


def _igraph() -> ModuleType | None:
    global _MODULE
    if _MODULE is False:
        try:
            _MODULE = importlib.import_module("igraph")
        except ImportError:
            _MODULE = None
    return _MODULE if isinstance(_MODULE, ModuleType) else None


def available() -> bool:
    """Whether betweenness is computed with python-igraph (installed and not switched off).

    Examples
    --------
    >>> import os
    >>> os.environ["DEMOCRATIE_IGRAPH"] = "0"
    >>> available()
    False
    >>> del os.environ["DEMOCRATIE_IGRAPH"]
    """
    return os.environ.get("DEMOCRATIE_IGRAPH", "1") != "0" and _igraph() is not None


def betweenness(graph: nx.Graph[str], *, k: int | None, seed: Any) -> dict[str, float]:
    """Normalised betweenness of an undirected graph, as ``networkx.betweenness_centrality``.

    Parameters
    ----------
    graph
        An undirected simple graph (the actor projection).
    k
        The number of sources to sample, or None for exact betweenness. The sources are
        the ones networkx samples for the same *seed*.
    seed
        The seed of the sampling (an int, a :class:`random.Random`, or None).

    Returns
    -------
    dict
        From node to betweenness, normalised with endpoints excluded, in the order of the
        graph's nodes.

    Examples
    --------
    The values networkx gives, computed with python-igraph when it is installed:

    >>> import networkx as nx
    >>> path = nx.Graph([("a", "b"), ("b", "c"), ("c", "d")])
    >>> values = betweenness(path, k=None, seed=None)
    >>> {node: round(value, 6) for node, value in values.items()}
    {'a': 0.0, 'b': 0.666667, 'c': 0.666667, 'd': 0.0}
    >>> expected = nx.betweenness_centrality(path)
    >>> all(abs(values[node] - expected[node]) < 1e-12 for node in path)
    True
    """
    igraph = _igraph()
    assert igraph is not None
    nodes = list(graph)
    n = len(nodes)
    if k is not None and k >= n:
        k = None
    sources: list[str] | None = None
    if k is not None:
        # networkx draws the sources this way (betweenness_centrality, py_random_state)
        sources = create_py_random_state(seed).sample(nodes, k)
    position = {node: i for i, node in enumerate(nodes)}
    edges = [(position[u], position[v]) for u, v in graph.edges() if u != v]
    native = igraph.Graph(n=n, edges=edges, directed=False)
    if sources is None:
        # every unordered pair once; networkx counts ordered pairs
        raw = [2 * value for value in native.betweenness(directed=False)]
    else:
        chosen = [position[s] for s in sources]
        raw = [2 * value for value in native.betweenness(directed=False, sources=chosen)]
    return dict(zip(nodes, _rescale(raw, nodes, n, sources), strict=True))


def _rescale(raw: list[float], nodes: list[str], n: int, sources: list[str] | None) -> list[float]:
    """Normalise ordered-pair sums as networkx's ``_rescale`` does, endpoints excluded."""
    big_n = n - 1
    if big_n < 2:
        return raw
    if sources is None:
        scale = 1 / (big_n * (big_n - 1))
        return [value * scale for value in raw]
    k = len(sources)
    on_source = 1 / ((k - 1) * (big_n - 1)) if k > 1 else math.nan
    elsewhere = 1 / (k * (big_n - 1))
    sampled = set(sources)
    return [
        value * (on_source if node in sampled else elsewhere)
        for value, node in zip(raw, nodes, strict=True)
    ]

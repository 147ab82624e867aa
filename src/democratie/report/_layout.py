"""A deterministic force-directed layout, in plain Python.

:func:`spring_layout` is the Fruchterman-Reingold algorithm as networkx's ``spring_layout``
runs it (repulsion ``k^2 / d`` between every pair, attraction ``d^2 / k`` along every edge,
a temperature that cools linearly), with a weak pull towards the centre so that separate
components stay in view. It needs no NumPy, and it uses only IEEE arithmetic and Python's
seeded Mersenne Twister, so the same graph and seed give the same positions, to the last
bit, on every platform. Its cost is O(iterations * n^2): the report draws a capped number of
nodes, for which this takes well under a second.

References
----------
.. [1] Fruchterman, T. M. J., & Reingold, E. M. (1991). "Graph drawing by force-directed
   placement". Software: Practice and Experience, 21(11), 1129-1164.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence

__all__ = ["component_layout", "spring_layout"]


def spring_layout(
    nodes: Sequence[str],
    edges: Sequence[tuple[str, str]],
    *,
    seed: int = 0,
    iterations: int = 120,
    gravity: float = 0.08,
) -> dict[str, tuple[float, float]]:
    """Place the nodes of a graph in the unit square, tied nodes near each other.

    Parameters
    ----------
    nodes : sequence of str
        The nodes, in a fixed order (the order is part of the input: it fixes which random
        start each node gets).
    edges : sequence of (str, str)
        The edges between them; edges to unknown nodes and loops are ignored.
    seed : int, default 0
        Seed of the random start positions.
    iterations : int, default 120
        Rounds of the simulation.
    gravity : float, default 0.08
        Strength of the pull towards the centre, relative to the spring forces.

    Returns
    -------
    dict
        Each node's ``(x, y)``, each axis scaled to fill [0, 1]: the caller stretches the
        unit square to the shape of its canvas.

    Examples
    --------
    >>> pos = spring_layout(["a", "b", "c"], [("a", "b"), ("b", "c")])
    >>> pos == spring_layout(["a", "b", "c"], [("a", "b"), ("b", "c")])
    True
    >>> all(0.0 <= x <= 1.0 and 0.0 <= y <= 1.0 for x, y in pos.values())
    True
    >>> spring_layout(["solo"], [])
    {'solo': (0.5, 0.5)}
    """
    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        return {nodes[0]: (0.5, 0.5)}
    index = {node: i for i, node in enumerate(nodes)}
    pairs = sorted(
        {
            (min(index[u], index[v]), max(index[u], index[v]))
            for u, v in edges
            if u in index and v in index and u != v
        }
    )
    rng = random.Random(seed)
    xs = [rng.random() for _ in range(n)]
    ys = [rng.random() for _ in range(n)]
    k = math.sqrt(1.0 / n)
    k2 = k * k
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        dx_sum = [0.0] * n
        dy_sum = [0.0] * n
        for i in range(n):
            xi, yi = xs[i], ys[i]
            fx = fy = 0.0
            for j in range(i + 1, n):
                dx = xi - xs[j]
                dy = yi - ys[j]
                d2 = dx * dx + dy * dy
                if d2 < 1e-12:
                    # Two nodes on the same spot: push them apart along a fixed direction.
                    dx, dy, d2 = 1e-6 * (j - i), 1e-6, 1e-12 * ((j - i) ** 2 + 1)
                push = k2 / d2
                fx += dx * push
                fy += dy * push
                dx_sum[j] -= dx * push
                dy_sum[j] -= dy * push
            dx_sum[i] += fx
            dy_sum[i] += fy
        for i, j in pairs:
            dx = xs[i] - xs[j]
            dy = ys[i] - ys[j]
            pull = math.sqrt(dx * dx + dy * dy) / k
            dx_sum[i] -= dx * pull
            dy_sum[i] -= dy * pull
            dx_sum[j] += dx * pull
            dy_sum[j] += dy * pull
        cx = math.fsum(xs) / n
        cy = math.fsum(ys) / n
        for i in range(n):
            gx = dx_sum[i] - gravity * (xs[i] - cx) / k
            gy = dy_sum[i] - gravity * (ys[i] - cy) / k
            length = math.sqrt(gx * gx + gy * gy)
            if length > 0.0:
                step = min(length, temperature) / length
                xs[i] += gx * step
                ys[i] += gy * step
        temperature -= cooling
    return _fit(nodes, xs, ys)


def _fit(nodes: Sequence[str], xs: list[float], ys: list[float]) -> dict[str, tuple[float, float]]:
    """Scale each axis into [0, 1]; an axis without spread is put in the middle."""
    low_x, high_x = min(xs), max(xs)
    low_y, high_y = min(ys), max(ys)
    span_x, span_y = high_x - low_x, high_y - low_y
    return {
        node: (
            (x - low_x) / span_x if span_x > 0 else 0.5,
            (y - low_y) / span_y if span_y > 0 else 0.5,
        )
        for node, x, y in zip(nodes, xs, ys, strict=True)
    }


def component_layout(
    nodes: Sequence[str],
    edges: Sequence[tuple[str, str]],
    *,
    aspect: float = 1.0,
    seed: int = 0,
    iterations: int = 120,
) -> dict[str, tuple[float, float]]:
    """Lay out each connected component on its own, then pack them side by side.

    A force-directed layout of a graph with several components pushes the small ones (and
    lone nodes) to the edges and squeezes the large one into the middle. Here every
    component gets a square whose side grows with the square root of its size, laid out by
    :func:`spring_layout`; the squares are packed in rows, largest first, into a rectangle
    of the given aspect ratio.

    Parameters
    ----------
    nodes : sequence of str
        The nodes, in a fixed order.
    edges : sequence of (str, str)
        The edges between them.
    aspect : float, default 1.0
        Width divided by height of the canvas the positions are meant for.
    seed : int, default 0
        Seed of each component's layout.
    iterations : int, default 120
        Rounds of each component's simulation.

    Returns
    -------
    dict
        Each node's ``(x, y)`` in [0, 1], each axis stretched to fill it.

    Examples
    --------
    >>> pos = component_layout(["a", "b", "c", "lone"], [("a", "b"), ("b", "c")], aspect=1.5)
    >>> sorted(pos) == ["a", "b", "c", "lone"]
    True
    >>> all(0.0 <= x <= 1.0 and 0.0 <= y <= 1.0 for x, y in pos.values())
    True
    """
    if not nodes:
        return {}
    known = set(nodes)
    parent = {node: node for node in nodes}

    def root(node: str) -> str:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for u, v in edges:
        if u in known and v in known:
            ru, rv = root(u), root(v)
            if ru != rv:
                parent[rv] = ru
    groups: dict[str, list[str]] = {}
    for node in nodes:
        groups.setdefault(root(node), []).append(node)
    components = sorted(groups.values(), key=lambda group: -len(group))
    sides = [math.sqrt(len(group)) for group in components]
    width = max(max(sides), math.sqrt(math.fsum(s * s for s in sides) * aspect))
    placed: dict[str, tuple[float, float]] = {}
    x = y = shelf = 0.0
    for group, side in zip(components, sides, strict=True):
        if x > 0.0 and x + side > width + 1e-9:
            x, y, shelf = 0.0, y + shelf, 0.0
        members = set(group)
        group_edges = [(u, v) for u, v in edges if u in members and v in members]
        inner = spring_layout(group, group_edges, seed=seed, iterations=iterations)
        for node, (px, py) in inner.items():
            placed[node] = (x + side * (0.1 + 0.8 * px), y + side * (0.1 + 0.8 * py))
        x += side
        shelf = max(shelf, side)
    xs = [placed[node][0] for node in nodes]
    ys = [placed[node][1] for node in nodes]
    return _fit(nodes, xs, ys)

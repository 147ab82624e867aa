"""How the benchmarks measure: wall and CPU time, repeated, best and median, as ratios.

CPU time is ``time.process_time()`` (every thread of this process) plus the user and system
time of the child processes that have ended (``resource.getrusage(RUSAGE_CHILDREN)``), so
that scoring in worker processes counts the work of the workers too. On a machine shared
with other work the wall time varies with the load; the CPU time much less. Ours and the
baseline run in turn, so that a change of load slows both alike, and every run starts after
a garbage collection.
"""

from __future__ import annotations

import gc
import os
import statistics
import time
from collections.abc import Callable
from typing import Any

try:
    import resource
except ImportError:  # pragma: no cover - Windows
    resource = None  # type: ignore[assignment]


def load_average() -> float:
    return round(os.getloadavg()[0], 2)


def cpu_seconds() -> float:
    """CPU time of this process and of its children that have ended, in seconds."""
    spent = time.process_time()
    if resource is not None:
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        spent += children.ru_utime + children.ru_stime
    return spent


def once(fn: Callable[[], object]) -> tuple[float, float]:
    """The wall and CPU seconds of one call."""
    gc.collect()
    cpu, wall = cpu_seconds(), time.perf_counter()
    fn()
    return time.perf_counter() - wall, cpu_seconds() - cpu


def summary(walls: list[float], cpus: list[float]) -> dict[str, Any]:
    return {
        "wall_best": round(min(walls), 4),
        "wall_median": round(statistics.median(walls), 4),
        "cpu_best": round(min(cpus), 4),
        "cpu_median": round(statistics.median(cpus), 4),
        "runs": len(walls),
        "wall_each": [round(s, 4) for s in walls],
        "cpu_each": [round(s, 4) for s in cpus],
    }


def _ratio(a: float, b: float) -> float | None:
    return round(a / b, 3) if b > 0 else None


def ratios(ours: dict[str, Any], base: dict[str, Any]) -> dict[str, float | None]:
    return {
        key: _ratio(ours[key], base[key])
        for key in ("wall_best", "wall_median", "cpu_best", "cpu_median")
    }


def compare(ours: Callable[[], object], base: Callable[[], object], repeat: int) -> dict[str, Any]:
    """*repeat* alternating runs of ours and the baseline: best and median, and their ratios."""
    load = load_average()
    mine: tuple[list[float], list[float]] = ([], [])
    theirs: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for fn, into in ((ours, mine), (base, theirs)):
            wall, cpu = once(fn)
            into[0].append(wall)
            into[1].append(cpu)
    a, b = summary(*mine), summary(*theirs)
    return {"ours": a, "baseline": b, "ratio": ratios(a, b), "load_average": load}


def alone(fn: Callable[[], object], repeat: int) -> dict[str, Any]:
    """*repeat* runs of one thing that has a target in seconds rather than a baseline."""
    load = load_average()
    walls: list[float] = []
    cpus: list[float] = []
    for _ in range(repeat):
        wall, cpu = once(fn)
        walls.append(wall)
        cpus.append(cpu)
    return {"ours": summary(walls, cpus), "load_average": load}

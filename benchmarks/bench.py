"""The national-scale benchmarks: each step against a baseline, in one process, on one nation.

Generates the synthetic nation (``democratie.synth``) at each scale asked for and measures,
for every step, our time against a baseline doing the same work on the same data in the
same process. The two are interleaved and each is the best of ``--repeat`` runs, so a
machine shared with other work slows both alike; the load average at the start of each
step is recorded beside it.

=========  ================================================  ===========================
step       ours                                              baseline (the floor)
=========  ================================================  ===========================
load       ``democratie.load`` of the JSON file (parse,      ``orjson.loads`` and the
           structure, check, every error located)            model built by cattrs with
                                                             attrs validators off
build      ``build_graph``                                   networkx ``add_nodes_from``
                                                             + ``add_edges_from`` of the
                                                             same, ready-made tuples
score      ``run`` of the 20 built-in rules on every         the target: 60 s at scale 1
           initiative (the graph given), in two processes    on two cores; the time per
           (``workers=2``), and in one for the cost per      initiative in one process
           initiative                                        stays flat across scales
graphml    ``graphml_text``                                  ``networkx.generate_graphml``
gexf       ``gexf_text``                                     ``networkx.generate_gexf``
node-link  ``node_link_text``                                ``networkx.node_link_data``
                                                             + ``json.dumps``
dump       ``democratie.dumps`` (canonical JSON)             ``orjson.dumps`` of the
                                                             unstructured document
=========  ================================================  ===========================

With two scales or more, the scaling exponent of each step is the slope of log time
against log graph size between the smallest and the largest (for scoring, of the time in
one process). ``--memory`` adds the peak resident memory of load, graph and score in a
fresh process: scoring in one process (the high-water mark), and in two (the largest sum
of the proportional set sizes of the process and its workers, sampled every 50 ms, so that
pages the workers share with it count once).

Run from the project root (orjson and python-igraph installed)::

    PYTHONPATH=src python benchmarks/bench.py --scale 1/16 --scale 1 --output bench.json

``nox -s bench`` runs it at scale 1/16; ``nox -s bench -- --scale 1/16 --scale 1`` adds
the full nation.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import platform
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import networkx as nx
import orjson

import democratie
from democratie.exporters import LIST_SEPARATOR
from democratie.exporters.gexf import gexf_text
from democratie.exporters.graphml import graphml_text
from democratie.exporters.nodelink import node_link_text
from democratie.graph import StakeholderGraph, build_graph
from democratie.graph._build import _edges, _nodes
from democratie.graph.analysis import _igraph
from democratie.io import converter, unstructure
from democratie.model import Landscape
from democratie.scoring import run
from democratie.scoring.rules import BUILTIN_RULES
from democratie.synth import generate

TARGETS = {
    "load": 1.3,
    "build": 1.2,
    "build memory": 1.1,
    "graphml": 1.2,
    "gexf": 1.2,
    "node-link": 1.2,
    "dump": 1.5,
}
SCORE_TARGET_SECONDS = 60.0
WORKERS = 2  # the target is for two cores
EXPONENT_TARGET = 1.1
MEMORY_TARGET_GIB = 4.0


def load_average() -> float:
    return round(os.getloadavg()[0], 2)


def timed(fn: Callable[[], object]) -> float:
    gc.collect()
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def interleaved(
    ours: Callable[[], object], base: Callable[[], object], repeat: int
) -> dict[str, Any]:
    """Best of *repeat* alternating runs of each, and the load average when they began."""
    load = load_average()
    mine: list[float] = []
    theirs: list[float] = []
    for _ in range(repeat):
        mine.append(timed(ours))
        theirs.append(timed(base))
    best, floor = min(mine), min(theirs)
    return {
        "seconds": round(best, 4),
        "baseline_seconds": round(floor, 4),
        "ratio": round(best / floor, 3),
        "load_average": load,
    }


def peak_memory(fn: Callable[[], object]) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def structure_unvalidated(doc: dict[str, Any]) -> Landscape:
    """The floor of loading: the model built from parsed data with attrs validators off.

    The cyclic garbage collector is paused, as ``democratie.load`` pauses it.
    """
    body = {k: v for k, v in doc.items() if k != "format"}
    collecting = gc.isenabled()
    gc.disable()
    try:
        with attrs.validators.disabled():
            return converter.structure(body, Landscape)
    finally:
        if collecting:
            gc.enable()


def raw_graph(nodes: list[Any], edges: list[Any]) -> nx.MultiDiGraph[str]:
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    collecting = gc.isenabled()
    gc.disable()
    try:
        graph.add_nodes_from(nodes)
        graph.add_edges_from(edges)
    finally:
        if collecting:
            gc.enable()
    return graph


def plain_copy(graph: StakeholderGraph) -> nx.MultiDiGraph[str]:
    """The graph as networkx's writers take it: list values joined, as ours write them."""
    copy: nx.MultiDiGraph[str] = graph.nx.copy()

    def flatten(data: dict[str, Any]) -> None:
        for key, value in data.items():
            if isinstance(value, tuple):
                data[key] = LIST_SEPARATOR.join(map(str, value))

    for _, data in copy.nodes(data=True):
        flatten(data)
    for _, _, data in copy.edges(data=True):
        flatten(data)
    copy.graph.clear()
    return copy


def drain(lines: Iterator[str]) -> int:
    return sum(len(line) for line in lines)


def bench_scale(scale: Fraction, repeat: int, workdir: Path) -> dict[str, Any]:
    result: dict[str, Any] = {"scale": str(scale)}
    started = time.perf_counter()
    land = generate(float(scale), seed=0)
    path = workdir / f"nation-{scale.numerator}-{scale.denominator}.json"
    democratie.dump(land, path)
    data = path.read_bytes()
    result["generate_seconds"] = round(time.perf_counter() - started, 2)
    result["json_bytes"] = len(data)
    limit = max(democratie.io.MAX_BYTES, 2 * len(data))
    steps: dict[str, Any] = {}

    # -- load ---------------------------------------------------------------------------
    steps["load"] = interleaved(
        lambda: democratie.load(path, max_bytes=limit),
        lambda: structure_unvalidated(orjson.loads(path.read_bytes())),
        repeat,
    )
    broken = data.replace(b'"kind": "raadslid"', b'"kind": "raadlid"', 1)
    try:
        democratie.load(broken, max_bytes=limit)
    except democratie.LoadError as error:
        steps["load"]["error_located"] = error.problems[0].path
    del broken

    # -- build ---------------------------------------------------------------------------
    graph = build_graph(land)
    result["nodes"] = graph.nx.number_of_nodes()
    result["edges"] = graph.nx.number_of_edges()
    node_rows = list(_nodes(land))
    edge_rows = list(_edges(land))
    steps["build"] = interleaved(
        lambda: build_graph(land), lambda: raw_graph(node_rows, edge_rows), max(repeat, 3)
    )
    ours = peak_memory(lambda: build_graph(land))
    theirs = peak_memory(lambda: raw_graph(node_rows, edge_rows))
    steps["build memory"] = {
        "bytes": ours,
        "baseline_bytes": theirs,
        "ratio": round(ours / theirs, 3),
        "load_average": load_average(),
    }

    # -- score ---------------------------------------------------------------------------
    initiatives = [initiative.id for initiative in land.initiatives]
    load = load_average()
    alone = timed(lambda: run(land, BUILTIN_RULES, graph=graph, only=initiatives))
    seconds = timed(
        lambda: run(land, BUILTIN_RULES, graph=graph, only=initiatives, workers=WORKERS)
    )
    every = timed(lambda: run(land, BUILTIN_RULES, graph=graph, workers=WORKERS))
    steps["score"] = {
        "seconds": round(seconds, 3),
        "workers": WORKERS,
        "initiatives": len(initiatives),
        "one_process_seconds": round(alone, 3),
        "per_initiative_ms": round(1000 * alone / len(initiatives), 3),
        "all_subjects_seconds": round(every, 3),
        "target_seconds": SCORE_TARGET_SECONDS,
        "load_average": load,
        "igraph": _igraph.available(),
    }

    # -- exports -------------------------------------------------------------------------
    plain = plain_copy(graph)
    steps["graphml"] = interleaved(
        lambda: graphml_text(graph), lambda: drain(nx.generate_graphml(plain)), repeat
    )
    steps["gexf"] = interleaved(
        lambda: gexf_text(graph), lambda: drain(nx.generate_gexf(plain)), repeat
    )
    steps["node-link"] = interleaved(
        lambda: node_link_text(graph),
        lambda: json.dumps(nx.node_link_data(plain, edges="links"), ensure_ascii=False, indent=2),
        repeat,
    )
    steps["dump"] = interleaved(
        lambda: democratie.dumps(land),
        lambda: orjson.dumps(unstructure(land), option=orjson.OPT_INDENT_2),
        repeat,
    )
    result["steps"] = steps
    return result


def measure_memory(scale: Fraction, workdir: Path) -> dict[str, Any]:
    """Peak memory of load, graph and score, in fresh processes of their own.

    The nation is written by another process first, so that generating it does not count.
    """
    path = workdir / "memory.json"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    write = f"from democratie.synth import write; write({str(path)!r}, {float(scale)!r}, seed=0)"
    subprocess.run([sys.executable, "-c", write], check=True, env=env)
    result: dict[str, Any] = {"scale": str(scale)}
    for workers in (1, WORKERS):
        out = subprocess.run(
            [sys.executable, "-c", MEMORY_PROBE.format(path=str(path), workers=workers)],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        )
        peak, start, total = map(int, out.stdout.split())
        if workers == 1:
            result["peak_rss_bytes"] = peak * 1024
            result["start_bytes"] = start * 1024
        else:
            result["workers"] = workers
            result["peak_pss_total_bytes"] = total * 1024
    return result


MEMORY_PROBE = """
import os, threading, time
import democratie
from democratie.graph import build_graph
from democratie.scoring import run
from democratie.scoring.rules import BUILTIN_RULES

def field(pid, name, file="status"):
    try:
        with open(f"/proc/{{pid}}/{{file}}") as lines:
            for line in lines:
                if line.startswith(name):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0

def children():
    me = str(os.getpid())
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{{entry}}/stat") as stat:
                    if stat.read().rsplit(")", 1)[1].split()[1] == me:
                        found.append(entry)
            except (OSError, IndexError):
                pass
    return found

def sample(stop, peak):
    while not stop.wait(0.05):
        total = field("self", "Pss:", "smaps_rollup")
        total += sum(field(child, "Pss:", "smaps_rollup") for child in children())
        peak[0] = max(peak[0], total)

start = field("self", "VmHWM:")  # VmHWM starts anew at exec; ru_maxrss keeps the parent's
stop, peak = threading.Event(), [0]
sampler = threading.Thread(target=sample, args=(stop, peak), daemon=True)
sampler.start()
land = democratie.load({path!r}, max_bytes=1 << 31)
graph = build_graph(land)
run(land, BUILTIN_RULES, graph=graph, workers={workers})
stop.set()
sampler.join()
print(field("self", "VmHWM:"), start, peak[0])
"""


def exponent(small: dict[str, Any], large: dict[str, Any], step: str) -> float | None:
    size = math.log(large["edges"] / small["edges"])
    key = "one_process_seconds" if step == "score" else "seconds"
    a, b = small["steps"][step][key], large["steps"][step][key]
    if size == 0 or a <= 0:
        return None
    return round(math.log(b / a) / size, 3)


def table(report: dict[str, Any]) -> str:
    scales = report["scales"]
    head = "| step | target | " + " | ".join(f"scale {s['scale']}" for s in scales) + " |"
    rule = "| --- | --- | " + " | ".join("---" for _ in scales) + " |"
    rows = [head, rule]

    def cell(entry: dict[str, Any]) -> str:
        return (
            f"{entry['ratio']:.2f}x ({entry['seconds']:.2f} s vs {entry['baseline_seconds']:.2f} s)"
        )

    for step in ("load", "build", "build memory", "graphml", "gexf", "node-link", "dump"):
        cells = []
        for s in scales:
            entry = s["steps"][step]
            if step == "build memory":
                cells.append(
                    f"{entry['ratio']:.2f}x ({entry['bytes'] / 2**20:.0f} vs "
                    f"{entry['baseline_bytes'] / 2**20:.0f} MiB)"
                )
            else:
                cells.append(cell(entry))
        rows.append(f"| {step} | <= {TARGETS[step]}x | " + " | ".join(cells) + " |")
    cells = []
    for s in scales:
        entry = s["steps"]["score"]
        cells.append(
            f"{entry['seconds']:.1f} s in {entry['workers']} processes "
            f"({entry['initiatives']:,} initiatives); all subjects "
            f"{entry['all_subjects_seconds']:.1f} s"
        )
    rows.append(
        f"| score (initiatives) | < {SCORE_TARGET_SECONDS:.0f} s at scale 1, 2 cores | "
        + " | ".join(cells)
        + " |"
    )
    cells = [
        f"{s['steps']['score']['per_initiative_ms']:.2f} ms "
        f"({s['steps']['score']['one_process_seconds']:.1f} s)"
        for s in scales
    ]
    rows.append("| score, per initiative in one process | flat | " + " | ".join(cells) + " |")
    if "exponents" in report:
        rows.append("")
        first, last = scales[0]["scale"], scales[-1]["scale"]
        rows.append(f"Scaling exponent, scale {first} to {last} (target <= {EXPONENT_TARGET}):")
        rows.append("")
        rows.append("| " + " | ".join(report["exponents"]) + " |")
        rows.append("| " + " | ".join("---" for _ in report["exponents"]) + " |")
        rows.append("| " + " | ".join(str(v) for v in report["exponents"].values()) + " |")
    for memory in report.get("memory", []):
        rows.append("")
        rows.append(
            f"Peak memory of load + graph + score at scale {memory['scale']} "
            f"(target < {MEMORY_TARGET_GIB:.0f} GiB): "
            f"{memory['peak_rss_bytes'] / 2**30:.2f} GiB resident scoring in one process; "
            f"{memory['peak_pss_total_bytes'] / 2**30:.2f} GiB for the process and its "
            f"{memory['workers']} workers together (proportional set sizes)."
        )
    loads = sorted({e.get("load_average", 0) for s in scales for e in s["steps"].values()})
    rows.append("")
    rows.append(
        f"Python {report['python']}, networkx {report['networkx']}, {report['cpus']} cores, "
        f"load average {loads[0]} to {loads[-1]} during the measurements."
    )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", action="append", type=Fraction, help="e.g. 1/16 (repeatable)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--memory", action="store_true", help="measure peak memory too")
    parser.add_argument("--output", type=Path, default=Path("bench.json"))
    args = parser.parse_args(argv)
    scales = sorted(args.scale or [Fraction(1, 16)])
    report: dict[str, Any] = {
        "python": platform.python_version(),
        "networkx": nx.__version__,
        "cpus": os.cpu_count(),
        "igraph": _igraph.available(),
        "scales": [],
    }
    with tempfile.TemporaryDirectory() as folder:
        for scale in scales:
            print(f"scale {scale} ...", file=sys.stderr, flush=True)
            report["scales"].append(bench_scale(scale, args.repeat, Path(folder)))
    if len(scales) > 1:
        small, large = report["scales"][0], report["scales"][-1]
        report["exponents"] = {
            step: exponent(small, large, step)
            for step in ("load", "build", "score", "graphml", "gexf", "node-link", "dump")
        }
    if args.memory:
        with tempfile.TemporaryDirectory() as folder:
            report["memory"] = [measure_memory(scales[-1], Path(folder))]
    text = table(report)
    report["table"] = text
    args.output.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(text)
    print(f"\nwrote {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()

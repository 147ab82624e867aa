"""The national-scale benchmarks: each step against the fastest honest baseline, on one nation.

Generates the synthetic nation (``democratie.synth``) at each scale asked for and measures,
for every step, our time against a baseline doing the same work on the same data in the
same process. Ours and the baseline run in turn, ``--repeat`` times each; every step
reports the wall time (``time.perf_counter``) and the CPU time (``time.process_time`` plus
the CPU time of worker processes, see ``_timing.py``), best and median of the runs, and
their ratios to the baseline. The load average at the start of each step is recorded
beside it.

==============  ===========================================  ================================
step            ours                                         baseline (the floor)
==============  ===========================================  ================================
load            ``democratie.load`` of the JSON file         ``orjson.loads`` of the bytes and
                (parse, structure, check, every error        the model's constructors called
                located)                                     directly, no cattrs (the
                                                             conversions each field needs
                                                             planned once from its type)
build           ``build_graph``                              networkx ``add_nodes_from`` +
                                                             ``add_edges_from`` of the same,
                                                             ready-made tuples
score           ``run`` of the 25 built-in rules (the        targets in seconds at scale 1
                graph given) on every initiative, and on     on two cores: every initiative
                every subject, in one process and in two     under 60 s, every subject
                (``workers=2``)                              under 120 s
graphml, gexf   ``graphml_text``, ``gexf_text``              ``networkx.generate_graphml``,
                                                             ``networkx.generate_gexf``
node-link       ``node_link_text(build_graph(land))``        ``orjson.dumps`` of
                                                             ``networkx.node_link_data`` of
                                                             ``build_graph(land)``
node-link text  ``node_link_text`` of the built graph        ``orjson.dumps(networkx.
                                                             node_link_data(graph))``
dump            ``democratie.dumps`` (canonical JSON, from   ``orjson.dumps`` of the parsed
                the model)                                   document (plain dicts and lists)
startup         ``python -m democratie --help``, 10 runs     ``python -c "import click"``
==============  ===========================================  ================================

The orjson baselines are written with ``OPT_INDENT_2``, as our text is indented.

With two scales or more, the scaling exponent of each step is the slope of log time
against log graph size between the smallest and the largest (for scoring, of the time in
one process). ``--memory`` adds the peak resident memory of load, graph and score in a
fresh process: scoring in one process (the high-water mark), and in two (the largest sum
of the proportional set sizes of the process and its workers, sampled every 50 ms, so that
pages the workers share with it count once).

Run from the project root (orjson and python-igraph installed), one command::

    PYTHONPATH=src python benchmarks/bench.py --scale 1/16 --scale 1 --output bench.json

``nox -s bench`` runs it at scales 1/64 and 1/16; ``nox -s bench -- --scale 1/16 --scale 1``
adds the full nation. The table it prints is the one in the README.
"""

from __future__ import annotations

import argparse
import datetime as dt
import enum
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
import types
import typing
from collections.abc import Callable, Iterator
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import networkx as nx
import orjson
from _timing import alone, compare, cpu_seconds, load_average, ratios, summary

import democratie
from democratie.exporters import LIST_SEPARATOR
from democratie.exporters.gexf import gexf_text
from democratie.exporters.graphml import graphml_text
from democratie.exporters.nodelink import node_link_text
from democratie.graph import StakeholderGraph, build_graph
from democratie.graph._build import _edges, _nodes
from democratie.graph.analysis import _igraph
from democratie.model import Landscape
from democratie.scoring import run
from democratie.scoring.rules import BUILTIN_RULES
from democratie.synth import generate

#: The most a step may take as a multiple of its baseline (wall time, best of the runs).
TARGETS = {
    "load": 1.3,
    "build": 1.2,
    "build memory": 1.1,
    "graphml": 1.2,
    "gexf": 1.2,
    "node-link": 1.5,
    "node-link text": 1.5,
    "dump": 1.5,
}
#: The most seconds (wall, best of the runs) scoring may take at scale 1 on two cores.
SCORE_TARGETS = {"initiatives": 60.0, "every subject": 120.0}
STARTUP_TARGET_SECONDS = 0.15
WORKERS = 2  # the targets are for two cores
EXPONENT_TARGET = 1.1
MEMORY_TARGET_GIB = 4.0
INDENT = orjson.OPT_INDENT_2


# -- the baselines -------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    return value


def _converter(hint: Any) -> Callable[[Any], Any] | None:
    """What turns parsed JSON into the value a field of this type holds; None: as it is."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        assert len(inner) == 1, hint
        convert = _converter(inner[0])
        if convert is None:
            return None
        return lambda value: None if value is None else convert(value)
    if origin is tuple:
        item = _converter(args[0])
        if item is None:
            return tuple
        return lambda values: tuple(map(item, values))
    if origin is typing.Literal or hint in (str, int, bool):
        return None
    if hint is float:
        return float
    if hint is dt.date:
        return dt.date.fromisoformat
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return hint._value2member_map_.__getitem__
    if attrs.has(hint):
        return _builder(hint)
    raise TypeError(f"no conversion for {hint!r}")


_BUILDERS: dict[type, Callable[[dict[str, Any]], Any]] = {}


def _builder(cls: type) -> Callable[[dict[str, Any]], Any]:
    """Build an instance of *cls* from its parsed table by calling its constructor directly."""
    if cls in _BUILDERS:
        return _BUILDERS[cls]
    plan: list[tuple[str, Callable[[Any], Any]]] = []

    def build(table: dict[str, Any]) -> Any:
        kwargs = dict(table)
        for key, convert in plan:
            if key in kwargs:
                kwargs[key] = convert(kwargs[key])
        return cls(**kwargs)

    _BUILDERS[cls] = build  # before the fields: a class may hold itself (areas in areas)
    hints = typing.get_type_hints(cls)
    for field in attrs.fields(cls):
        if field.init:
            convert = _converter(hints[field.name])
            if convert is not None:
                plan.append((field.alias or field.name, convert))
    return build


def model_by_hand(doc: dict[str, Any]) -> Landscape:
    """The floor of loading: the model's constructors called on the parsed document, no cattrs.

    The cyclic garbage collector is paused, as ``democratie.load`` pauses it.
    """
    body = {key: value for key, value in doc.items() if key != "format"}
    collecting = gc.isenabled()
    gc.disable()
    try:
        land: Landscape = _builder(Landscape)(body)
        return land
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
    """The graph as networkx's XML writers take it: list values joined, as ours write them."""
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


def networkx_node_link(graph: StakeholderGraph) -> bytes:
    return orjson.dumps(nx.node_link_data(graph.nx, edges="links"), option=INDENT)


def peak_memory(fn: Callable[[], object]) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


# -- the steps -----------------------------------------------------------------------------


def bench_build(land: Landscape, repeat: int) -> dict[str, Any]:
    """``build_graph`` against networkx adding the same, ready-made tuples: time and memory."""
    steps: dict[str, Any] = {}
    node_rows = list(_nodes(land))
    edge_rows = list(_edges(land))
    steps["build"] = compare(
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
    return steps


def bench_xml(graph: StakeholderGraph, repeat: int) -> dict[str, Any]:
    """GraphML and GEXF against networkx's writers on the same graph, list values joined."""
    plain = plain_copy(graph)
    return {
        "graphml": compare(
            lambda: graphml_text(graph), lambda: drain(nx.generate_graphml(plain)), repeat
        ),
        "gexf": compare(lambda: gexf_text(graph), lambda: drain(nx.generate_gexf(plain)), repeat),
    }


def bench_scale(scale: Fraction, repeat: int, score_repeat: int, workdir: Path) -> dict[str, Any]:
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
    assert model_by_hand(orjson.loads(data)) == land, "the floor must build the same model"
    steps["load"] = compare(
        lambda: democratie.load(path, max_bytes=limit),
        lambda: model_by_hand(orjson.loads(path.read_bytes())),
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
    steps.update(bench_build(land, repeat))

    # -- score ---------------------------------------------------------------------------
    initiatives = [initiative.id for initiative in land.initiatives]
    cases = {
        "initiatives": initiatives,
        "every subject": None,
    }
    for name, only in cases.items():
        for workers in (1, WORKERS):
            steps[f"score {name}, {workers} process{'es' if workers > 1 else ''}"] = {
                **alone(
                    lambda only=only, workers=workers: run(
                        land, BUILTIN_RULES, graph=graph, only=only, workers=workers
                    ),
                    score_repeat,
                ),
                "workers": workers,
                "subjects": len(initiatives) if only is not None else None,
            }
    one = steps["score initiatives, 1 process"]["ours"]
    result["per_initiative_ms"] = round(1000 * one["cpu_best"] / len(initiatives), 3)
    result["initiatives"] = len(initiatives)
    result["igraph"] = _igraph.available()

    # -- exports -------------------------------------------------------------------------
    steps.update(bench_xml(graph, repeat))
    steps["node-link"] = compare(
        lambda: node_link_text(build_graph(land)),
        lambda: networkx_node_link(build_graph(land)),
        repeat,
    )
    steps["node-link text"] = compare(
        lambda: node_link_text(graph), lambda: networkx_node_link(graph), repeat
    )
    doc = orjson.loads(data)
    steps["dump"] = compare(
        lambda: democratie.dumps(land), lambda: orjson.dumps(doc, option=INDENT), repeat
    )
    result["steps"] = steps
    return result


def bench_startup(runs: int) -> dict[str, Any]:
    """``python -m democratie --help`` against the least a click program imports."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}

    def series(argv: list[str]) -> dict[str, Any]:
        walls: list[float] = []
        cpus: list[float] = []
        for _ in range(runs):
            cpu, wall = cpu_seconds(), time.perf_counter()
            subprocess.run(argv, check=True, env=env, stdout=subprocess.DEVNULL)
            walls.append(time.perf_counter() - wall)
            cpus.append(cpu_seconds() - cpu)
        return summary(walls, cpus)

    load = load_average()
    ours = series([sys.executable, "-m", "democratie", "--help"])
    base = series([sys.executable, "-c", "import click"])
    return {"ours": ours, "baseline": base, "ratio": ratios(ours, base), "load_average": load}


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


# -- the report ----------------------------------------------------------------------------


def exponent(small: dict[str, Any], large: dict[str, Any], step: str) -> float | None:
    size = math.log(large["edges"] / small["edges"])
    a = small["steps"][step]["ours"]["cpu_best"]
    b = large["steps"][step]["ours"]["cpu_best"]
    if size == 0 or a <= 0:
        return None
    return round(math.log(b / a) / size, 3)


def _seconds(value: float) -> str:
    return f"{value:.3f}" if value < 10 else f"{value:.1f}"


def _pair(entry: dict[str, Any]) -> str:
    return f"{_seconds(entry['wall_best'])} / {_seconds(entry['cpu_best'])}"


def _verdict(met: bool) -> str:
    return "yes" if met else "**no**"


def rows_of(scale: dict[str, Any], full: bool) -> list[str]:
    """The table rows of one scale: case, ours, baseline, ratio (wall and CPU), target, met."""
    rows = []
    for step in ("load", "build", "graphml", "gexf", "node-link", "node-link text", "dump"):
        entry = scale["steps"][step]
        ratio = entry["ratio"]
        target = TARGETS[step]
        rows.append(
            f"| {step} | {_pair(entry['ours'])} | {_pair(entry['baseline'])} | "
            f"{ratio['wall_best']:.2f}x / {ratio['cpu_best']:.2f}x | <= {target}x | "
            f"{_verdict(ratio['wall_best'] <= target)} |"
        )
    memory = scale["steps"]["build memory"]
    rows.append(
        f"| build memory | {memory['bytes'] / 2**20:.0f} MiB | "
        f"{memory['baseline_bytes'] / 2**20:.0f} MiB | {memory['ratio']:.2f}x | "
        f"<= {TARGETS['build memory']}x | {_verdict(memory['ratio'] <= TARGETS['build memory'])} |"
    )
    for name, target in SCORE_TARGETS.items():
        for workers in (1, WORKERS):
            key = f"score {name}, {workers} process{'es' if workers > 1 else ''}"
            ours = scale["steps"][key]["ours"]
            if workers == WORKERS and full:
                goal, met = f"< {target:.0f} s", _verdict(ours["wall_best"] < target)
            else:
                goal, met = "", ""
            rows.append(f"| {key} | {_pair(ours)} | | | {goal} | {met} |")
    return rows


def table(report: dict[str, Any]) -> str:
    lines: list[str] = []
    head = (
        "| case | ours, wall / CPU s | baseline, wall / CPU s | ratio, wall / CPU | target | met |"
    )
    for scale in report["scales"]:
        full = Fraction(scale["scale"]) == 1
        lines.append(
            f"Scale {scale['scale']}: {scale['nodes']:,} nodes, {scale['edges']:,} edges, "
            f"{scale['initiatives']:,} initiatives; best of {report['repeat']} "
            f"({report['score_repeat']} for scoring):"
        )
        lines.append("")
        lines.append(head)
        lines.append("| --- | --- | --- | --- | --- | --- |")
        lines.extend(rows_of(scale, full))
        lines.append("")
    startup = report["startup"]
    lines.append(
        f"Startup, best of {startup['ours']['runs']}: `python -m democratie --help` "
        f"{startup['ours']['wall_best']:.3f} s wall ({startup['ours']['cpu_best']:.3f} s CPU) "
        f'against {startup["baseline"]["wall_best"]:.3f} s for `python -c "import click"` '
        f"(target < {STARTUP_TARGET_SECONDS} s: "
        f"{_verdict(startup['ours']['wall_best'] < STARTUP_TARGET_SECONDS)})."
    )
    if "exponents" in report:
        first, last = report["scales"][0]["scale"], report["scales"][-1]["scale"]
        lines.append("")
        lines.append(
            f"Scaling exponent of the CPU time, scale {first} to {last} "
            f"(target <= {EXPONENT_TARGET}):"
        )
        lines.append("")
        lines.append("| " + " | ".join(report["exponents"]) + " |")
        lines.append("| " + " | ".join("---" for _ in report["exponents"]) + " |")
        lines.append("| " + " | ".join(str(v) for v in report["exponents"].values()) + " |")
    for memory in report.get("memory", []):
        lines.append("")
        lines.append(
            f"Peak memory of load + graph + score at scale {memory['scale']} "
            f"(target < {MEMORY_TARGET_GIB:.0f} GiB): "
            f"{memory['peak_rss_bytes'] / 2**30:.2f} GiB resident scoring in one process; "
            f"{memory['peak_pss_total_bytes'] / 2**30:.2f} GiB for the process and its "
            f"{memory['workers']} workers together (proportional set sizes)."
        )
    loads = sorted(
        {
            entry.get("load_average", 0)
            for scale in report["scales"]
            for entry in scale["steps"].values()
        }
        | {startup["load_average"]}
    )
    lines.append("")
    lines.append(
        f"Python {report['python']}, networkx {report['networkx']}, orjson {report['orjson']}, "
        f"python-igraph {'installed' if report['igraph'] else 'not installed'}; "
        f"{report['cpus']} cores, load average {loads[0]} to {loads[-1]} during the "
        f"measurements; `{report['command']}`."
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", action="append", type=Fraction, help="e.g. 1/16 (repeatable)")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each step (default 5)")
    parser.add_argument(
        "--score-repeat", type=int, default=3, help="runs of each scoring case (default 3)"
    )
    parser.add_argument("--memory", action="store_true", help="measure peak memory too")
    parser.add_argument("--output", type=Path, default=Path("bench.json"))
    args = parser.parse_args(argv)
    scales = sorted(args.scale or [Fraction(1, 16)])
    command = " ".join(["python", "benchmarks/bench.py", *(sys.argv[1:] if argv is None else argv)])
    report: dict[str, Any] = {
        "date": dt.date.today().isoformat(),
        "python": platform.python_version(),
        "networkx": nx.__version__,
        "orjson": orjson.__version__,
        "cpus": os.cpu_count(),
        "igraph": _igraph.available(),
        "repeat": args.repeat,
        "score_repeat": args.score_repeat,
        "command": command,
        "scales": [],
    }
    report["startup"] = bench_startup(10)
    with tempfile.TemporaryDirectory() as folder:
        for scale in scales:
            print(f"scale {scale} ...", file=sys.stderr, flush=True)
            report["scales"].append(
                bench_scale(scale, args.repeat, args.score_repeat, Path(folder))
            )
            gc.collect()
    if len(scales) > 1:
        small, large = report["scales"][0], report["scales"][-1]
        report["exponents"] = {
            step: exponent(small, large, step)
            for step in (
                "load",
                "build",
                "score initiatives, 1 process",
                "graphml",
                "gexf",
                "node-link text",
                "dump",
            )
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

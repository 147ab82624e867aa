"""The report benchmark: a province's report, rendered once scored and made by the command.

Generates one province of the synthetic nation (``democratie.synth.generate(--scale,
provinces=[--province])``; Limburg at scale 1 is 31 municipalities and a stakeholder graph
of 42,000 nodes), writes it as JSON, and measures, as the best and the median of
``--repeat`` runs:

- render: ``render_pages`` of the landscape once analysed and scored (the graph, the
  scorecards), so what it times is the report itself: the rankings and coverage it shows
  and the HTML of every page; wall time (``time.perf_counter``) and CPU time
  (``time.process_time``);
- command: ``python -m democratie report FILE`` in a fresh process, loading, building the
  graph, scoring (in worker processes, every CPU) and writing included; wall time, and the
  CPU time of the process and its workers (``resource.getrusage(RUSAGE_CHILDREN)`` of the
  command, which waits for its workers).

Then it prints the sizes of the pages written (the landing page, the largest page and its
name, all together) and each number against its target: render under 10 s, the command
under 30 s of CPU, the landing page and every other page under 3 MB
(``democratie.report.PAGE_BYTES``).

Run from the project root::

    PYTHONPATH=src python benchmarks/bench_report.py --repeat 3 --output bench_report.json

``--quick`` is a smoke run (scale 1/16, one repeat).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _timing import load_average, summary

import democratie
from democratie.analysis import Analysis
from democratie.io import dump
from democratie.report import PAGE_BYTES, render_pages
from democratie.synth import generate

#: The targets, in seconds and bytes.
RENDER_SECONDS = 10.0
COMMAND_CPU_SECONDS = 30.0
LANDING_BYTES = 3_000_000
PAGE_TARGET_BYTES = PAGE_BYTES

AS_OF = "2025-01-01"


def _command(source: Path, output: Path) -> tuple[float, float]:
    """Wall and CPU seconds (the command and its workers) of one report command."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[1] / "src")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        [
            *(sys.executable, "-m", "democratie", "report", str(source)),
            *("--output", str(output), "--as-of", AS_OF, "--no-progress"),
        ],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def _verdict(value: float, target: float, unit: str) -> str:
    mark = "within" if value < target else "OVER"
    return f"{value:,.2f} {unit} ({mark} the target of {target:,.0f} {unit})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--province", default="Limburg")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="scale 1/16, one repeat")
    parser.add_argument("--output", type=Path, help="write the numbers to this JSON file")
    args = parser.parse_args()
    scale, repeat = (1 / 16, 1) if args.quick else (args.scale, args.repeat)
    landscape = generate(scale, provinces=[args.province])
    analysis = democratie.analyse(landscape, as_of=dt.date.fromisoformat(AS_OF))
    nodes = len(analysis.graph)
    analysis.scorecards  # noqa: B018 - scored before the render is timed
    print(
        f"{landscape.title}: {nodes:,} nodes, {len(landscape.municipalities)} municipalities, "
        f"{len(analysis.scorecards):,} scorecards; load average {load_average()}"
    )
    render_walls, render_cpus = [], []
    pages: dict[str, str] = {}
    for _ in range(repeat):
        # A fresh analysis of the same graph and scorecards each time, so that the rankings
        # and coverage the report shows are computed in every run, as the command does.
        fresh = Analysis(
            landscape,
            analysis.rules,
            graph=analysis.graph,
            scorer=lambda _: analysis.scorecards,
            rule_plugins=analysis.rule_plugins,
            as_of=analysis.as_of,
            seed=analysis.seed,
        )
        cpu, wall = time.process_time(), time.perf_counter()
        pages = render_pages(landscape, name="report", analysis=fresh)
        render_walls.append(time.perf_counter() - wall)
        render_cpus.append(time.process_time() - cpu)
    command_walls, command_cpus = [], []
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder, "province.json")
        dump(landscape, source)
        for _ in range(repeat):
            wall, cpu = _command(source, Path(folder, "out"))
            command_walls.append(wall)
            command_cpus.append(cpu)
    sizes = {path: len(text.encode("utf-8")) for path, text in pages.items()}
    landing = sizes["report.html"]
    largest_page = max(sizes, key=lambda path: (sizes[path], path))
    largest = sizes[largest_page]
    render = summary(render_walls, render_cpus)
    command = summary(command_walls, command_cpus)
    print(
        f"render once scored: wall {render['wall_best']:.2f} s, CPU "
        + _verdict(render["cpu_best"], RENDER_SECONDS, "s")
    )
    print(
        f"report command:     wall {command['wall_best']:.2f} s, CPU "
        + _verdict(command["cpu_best"], COMMAND_CPU_SECONDS, "s")
    )
    print(f"landing page:       {_verdict(landing / 1e6, LANDING_BYTES / 1e6, 'MB')}")
    print(f"pages:              {len(pages)}, all {sum(sizes.values()) / 1e6:,.2f} MB")
    print(
        f"largest page:       {largest_page}, "
        + _verdict(largest / 1e6, PAGE_TARGET_BYTES / 1e6, "MB")
    )
    if args.output is not None:
        result: dict[str, Any] = {
            "when": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "province": args.province,
            "scale": scale,
            "nodes": nodes,
            "render": render,
            "command": command,
            "landing_bytes": landing,
            "largest_page": largest_page,
            "largest_page_bytes": largest,
            "total_bytes": sum(sizes.values()),
            "pages": len(pages),
            "targets": {
                "render_seconds": RENDER_SECONDS,
                "command_cpu_seconds": COMMAND_CPU_SECONDS,
                "landing_bytes": LANDING_BYTES,
                "page_bytes": PAGE_TARGET_BYTES,
            },
        }
        args.output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    within = (
        render["cpu_best"] < RENDER_SECONDS
        and command["cpu_best"] < COMMAND_CPU_SECONDS
        and landing < LANDING_BYTES
        and largest < PAGE_TARGET_BYTES
    )
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main())

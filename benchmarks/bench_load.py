"""Load speed of the fast path and of the explaining (detailed) path, in records per second.

``democratie.load`` structures a document without detailed validation; only when that
fails does it structure the document again with the detailed converter, to locate every
problem. This measures both on the same synthetic nation, in one process, the wall and CPU time of
each (best and median of N, see ``_timing.py``), and their ratios to parsing alone:

- parse: ``json.loads`` alone (the floor for reading, with the parser ``load`` uses);
- fast: ``democratie.loads`` (parse, structure, check references);
- explaining: parse and structure with the detailed converter, as ``load`` does only to
  explain a failure.

A record is one table (JSON object) of the document.

Run from the project root: ``PYTHONPATH=src python benchmarks/bench_load.py --scale 1/4``.
"""

from __future__ import annotations

import argparse
import json
from fractions import Fraction
from typing import Any

from _timing import alone, load_average, ratios

import democratie
from democratie.io import detailed_converter, dumps
from democratie.model import Landscape
from democratie.synth import generate


def records(doc: Any) -> int:
    """Count every table in the document: each is one record to structure."""
    count = 0
    stack: list[Any] = [doc]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            count += 1
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return count


def explain(text: str) -> None:
    body = {k: v for k, v in json.loads(text).items() if k != "format"}
    detailed_converter.structure(body, Landscape)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--scale", type=Fraction, default=Fraction(1, 4))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    text = dumps(generate(float(args.scale), seed=0))
    n = records(json.loads(text))
    runs = {
        "parse": alone(lambda: json.loads(text), args.repeat)["ours"],
        "fast": alone(lambda: democratie.loads(text, max_bytes=len(text) * 4), args.repeat)["ours"],
        "explaining": alone(lambda: explain(text), args.repeat)["ours"],
    }
    parse = runs["parse"]
    print(f"scale {args.scale}: {len(text) / 1e6:.1f} MB, {n:,} records")
    print(f"load average {load_average():.1f}, best and median of {args.repeat}")
    print(
        f"{'path':<12}{'wall best':>10}{'median':>8}{'CPU best':>10}{'median':>8}"
        f"{'records/s':>12}{'vs parse':>10}"
    )
    for name, entry in runs.items():
        ratio = ratios(entry, parse)
        print(
            f"{name:<12}{entry['wall_best']:>10.2f}{entry['wall_median']:>8.2f}"
            f"{entry['cpu_best']:>10.2f}{entry['cpu_median']:>8.2f}"
            f"{n / entry['wall_best']:>12,.0f}{ratio['wall_best']:>9.1f}x"
        )


if __name__ == "__main__":
    main()

"""Load speed of the fast path and of the explaining (detailed) path, in records per second.

``democratie.load`` structures a document without detailed validation; only when that
fails does it structure the document again with the detailed converter, to locate every
problem. This measures both on the same synthetic nation, in one process, best of N:

- parse: ``json.loads`` alone (the floor for reading);
- fast: ``democratie.loads`` (parse, structure, check references);
- explaining: parse and structure with the detailed converter, as ``load`` does only to
  explain a failure.

A record is one table (JSON object) of the document.

Run from the project root: ``PYTHONPATH=src python benchmarks/bench_load.py --scale 1/4``.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import time
from collections.abc import Callable
from fractions import Fraction
from typing import Any

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


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


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
    parse = best(lambda: json.loads(text), args.repeat)
    fast = best(lambda: democratie.loads(text, max_bytes=len(text) * 4), args.repeat)
    explaining = best(lambda: explain(text), args.repeat)
    print(f"scale {args.scale}: {len(text) / 1e6:.1f} MB, {n:,} records")
    print(f"load average {os.getloadavg()[0]:.1f}, best of {args.repeat}")
    print(f"{'path':<12}{'seconds':>10}{'records/s':>14}{'vs parse':>10}")
    for name, seconds in (("parse", parse), ("fast", fast), ("explaining", explaining)):
        print(f"{name:<12}{seconds:>10.2f}{n / seconds:>14,.0f}{seconds / parse:>9.1f}x")


if __name__ == "__main__":
    main()

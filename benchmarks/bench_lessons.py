"""The lessons benchmark: ``LessonIndex`` against the loop a user would write.

A national corpus of lesson-bearing landscapes: ``--files`` synthetic nations
(``democratie.synth.generate(--scale, seed=i)``, one per file, as a corpus of one file per
region or year would be), together holding about 20,000 lessons (16 files at scale 1/16:
21,000 or so). Then, for ``--queries`` initiatives drawn with ``random.Random(--seed)``
among those of the corpus, it measures, as the best and the median of ``--repeat`` runs,
the CPU time (``time.process_time`` and ended children) and the wall time
(``time.perf_counter``) of:

- the build: ``LessonIndex.build(corpus)``, once per repeat;
- ours, per query: ``index.recommend((landscape, id), top=10)`` on the built index;
- the baseline, per query: a plain Python loop over every lesson of the corpus that
  scores each with Python sets by the same formula and sorts them all (what a user who
  has the formula, and no index, would write); :func:`baseline` below.

Every query's ten recommendations from the index are checked against the baseline's
(the same lessons, the same order, the same scores to 1e-6, as rounded), so the speed is of the same
answer. The per-query numbers are of all the queries together, divided by their number.

Run from the project root::

    PYTHONPATH=src python benchmarks/bench_lessons.py --repeat 5 --output bench_lessons.json

``--quick`` is a smoke run (4 files at scale 1/64, 5 queries, 2 repeats).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import random
import time
from pathlib import Path
from typing import Any

from _timing import compare, load_average, once, summary

from democratie.model import Initiative, Landscape, Municipality
from democratie.monitor import (
    DOMAIN_WEIGHT,
    KIND_WEIGHT,
    SERVICE_GOAL_WEIGHT,
    SIZE_SPAN,
    SIZE_WEIGHT,
    THEME_WEIGHT,
    LessonIndex,
)
from democratie.synth import generate


def _seats(land: Landscape, initiative: Initiative) -> float | None:
    seats = []
    for mid in initiative.municipalities:
        municipality = land.get(mid)
        if isinstance(municipality, Municipality) and municipality.council.seats is not None:
            seats.append(municipality.council.seats)
    return sum(seats) / len(seats) if seats else None


def _jaccard(a: set[Any], b: set[Any]) -> float:
    union = a | b
    return len(a & b) / len(union) if union else 0.0


def baseline(corpus: list[Landscape], place: int, wanted: str, top: int) -> list[tuple[Any, ...]]:
    """Score every lesson of the corpus with sets, sort them all, keep the first *top*."""
    asked = corpus[place].get(wanted)
    assert isinstance(asked, Initiative)
    domains, goals = set(asked.domains), set(asked.service_goals)
    themes = {t for intake in asked.intakes for t in intake.themes}
    seats = _seats(corpus[place], asked)
    scored = []
    for li, land in enumerate(corpus):
        for pi, other in enumerate(land.initiatives):
            if li == place and other.id == wanted:
                continue
            for k, lesson in enumerate(other.lessons):
                if lesson.transferable is False:
                    continue
                their_domains, their_goals = set(other.domains), set(other.service_goals)
                their_themes = {t for intake in other.intakes for t in intake.themes}
                same_kind = other.kind is asked.kind
                if not (
                    same_kind
                    or domains & their_domains
                    or themes & their_themes
                    or goals & their_goals
                ):
                    continue
                score = (
                    DOMAIN_WEIGHT * _jaccard(domains, their_domains)
                    + THEME_WEIGHT * _jaccard(themes, their_themes)
                    + SERVICE_GOAL_WEIGHT * _jaccard(goals, their_goals)
                    + (KIND_WEIGHT if same_kind else 0.0)
                )
                theirs = _seats(land, other)
                if seats is not None and theirs is not None:
                    score += SIZE_WEIGHT * max(0.0, 1 - abs(seats - theirs) / SIZE_SPAN)
                key = (-round(score, 9), lesson.transferable is not True, li, pi, k)
                scored.append((key, score, other.id))
    scored.sort()
    return scored[:top]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=16)
    parser.add_argument("--scale", type=float, default=1 / 16)
    parser.add_argument("--queries", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--output", type=Path, default=None)
    args = parser.parse_args()
    if args.quick:
        args.files, args.scale, args.queries, args.repeat = 4, 1 / 64, 5, 2
    started = time.perf_counter()
    corpus = [generate(args.scale, seed=seed) for seed in range(args.files)]
    generated = time.perf_counter() - started
    lessons = sum(len(i.lessons) for land in corpus for i in land.initiatives)
    rng = random.Random(args.seed)
    with_place = [(li, i.id) for li, land in enumerate(corpus) for i in land.initiatives]
    queries = rng.sample(with_place, args.queries)

    walls, cpus = [], []
    index = LessonIndex.build(corpus)
    for _ in range(args.repeat):
        wall, cpu = once(lambda: LessonIndex.build(corpus))
        walls.append(wall)
        cpus.append(cpu)
    build = summary(walls, cpus)

    for place, wanted in queries:  # the same answer, before anything is timed
        ours = [(r.landscape, r.initiative, r.lesson_index, r.score) for r in
                index.recommend((place, wanted), top=args.top)]  # fmt: skip
        theirs = [(k[2], other, k[4], score) for k, score, other in
                  baseline(corpus, place, wanted, args.top)]  # fmt: skip
        assert [o[:3] for o in ours] == [t[:3] for t in theirs], (place, wanted)
        assert all(abs(o[3] - t[3]) < 1e-6 for o, t in zip(ours, theirs, strict=True))

    def ask_index() -> None:
        for place, wanted in queries:
            index.recommend((place, wanted), top=args.top)

    def ask_baseline() -> None:
        for place, wanted in queries:
            baseline(corpus, place, wanted, args.top)

    queried = compare(ask_index, ask_baseline, args.repeat)
    per_query = {
        side: {
            key: round(value / len(queries), 5)
            for key, value in queried[side].items()
            if key in ("wall_best", "wall_median", "cpu_best", "cpu_median")
        }
        for side in ("ours", "baseline")
    }
    result = {
        "benchmark": "lessons",
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "load_average": load_average(),
        "files": args.files,
        "scale": args.scale,
        "generated_seconds": round(generated, 2),
        "initiatives": len(with_place),
        "lessons": lessons,
        "indexed_lessons": index.lessons,
        "queries": len(queries),
        "top": args.top,
        "build": build,
        "per_query": per_query,
        "all_queries": queried,
    }
    text = json.dumps(result, indent=2)
    if args.output is not None:
        args.output.write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()

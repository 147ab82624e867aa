"""The planning benchmarks: learning groups by ``compose_groups`` against team-formation.

Forms learning groups of real municipalities (the CBS list of 2025 shipped in
``democratie.reference``), each with an intake that was held, gave every commitment and
names two to four question themes drawn with ``random.Random(seed)``, and measures, as
the best (and, in the JSON output, the median) of ``--repeat`` runs, the CPU time
(``time.process_time``, every thread of the process) and the wall time
(``time.perf_counter``) of:

===============  ==========================================================================
instance         what is solved
===============  ==========================================================================
one region       the first ``--count`` (40) municipalities of Gelderland in CBS code order,
                 in one pool: ``compose_groups(by=None, size=10)``
the nation       all 342 municipalities, by province: ``compose_groups(by="province")``
===============  ==========================================================================

at each ``--time-limit`` (1 s and 10 s by default), by three methods:

- ours: ``democratie.plan.compose_groups`` (CP-SAT, one worker, one budget in
  deterministic time for the whole plan, shared over the regions by their pairs);
- our warm start alone: the greedy fill improved by swaps that ``compose_groups`` hands
  to the solver as a hint (no solver; one run, it takes no time limit);
- the baseline: team-formation's ``TeamAssignment`` (pandas + CP-SAT with its default
  workers, a wall-clock ``max_time_in_seconds`` per solve, the same budget shared over the
  regions in the same way), the themes a multi-valued
  ``cluster`` attribute, ``target_team_size=10``; by province, one solve per province.
  ``less_than_target=True`` so that it forms ``ceil(n / size)`` teams like ours and the
  objectives compare; what its default (``False``) would form is recorded beside it.

Every partition is scored under our stated objective, exactly (``total_similarity``: the
sum over groups of the Jaccard similarity of the themes of every pair of members), and
checked against the size rule (``ceil(n / size)`` groups whose sizes differ by at most
one). The gap of a plan is measured against the best bound our solver proved for the
instance, which holds for every partition that keeps the size rule.

The two kinds of run alternate, so a machine shared with other work slows both alike; a
run that takes longer than ``--max-repeat-seconds`` is not repeated. Without
team-formation installed the baseline is reported as skipped, with the reason.

Run from the project root (ortools, team-formation and pandas installed)::

    PYTHONPATH=src python benchmarks/bench_plan.py --repeat 3 --output bench_plan.json

``--quick`` is a smoke run of a few seconds (20 municipalities, the three provinces of
Noord-Nederland, one run at 0.5 s).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import importlib.metadata
import itertools
import json
import math
import os
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any

from democratie.model import Initiative, Landscape, Municipality
from democratie.model.initiative import Intake
from democratie.plan import compose_groups
from democratie.plan._partition import _local_search, group_sizes, jaccard, total_similarity
from democratie.reference import MunicipalityRecord, municipalities
from democratie.vocab import CommitmentKind, InitiativeKind, QuestionTheme

INITIATIVE = "bench-ontwikkeltraject"
PROVINCE = "Gelderland"
QUICK_PROVINCES = ("Groningen", "Fryslân", "Drenthe")
QUESTION = "Hoe versterken wij het democratisch samenspel tussen raad, college en ambtenaren?"

Themes = frozenset[QuestionTheme]


# -- the instances ----------------------------------------------------------------------


def draw_themes(records: Sequence[MunicipalityRecord], seed: int) -> dict[str, Themes]:
    """Two to four themes for every municipality, drawn in CBS code order."""
    rng = random.Random(seed)
    vocabulary = list(QuestionTheme)
    return {
        r.cbs_code: frozenset(rng.sample(vocabulary, rng.randint(2, 4)))
        for r in sorted(records, key=lambda r: r.cbs_code)
    }


def municipality_id(record: MunicipalityRecord) -> str:
    return f"gm{record.brp_code}"


def landscape(records: Sequence[MunicipalityRecord], themes: dict[str, Themes]) -> Landscape:
    """The municipalities and one trajectory in which every one of them is admitted."""
    order = list(QuestionTheme)
    places = tuple(Municipality(id=municipality_id(r), cbs_code=r.cbs_code) for r in records)
    intakes = tuple(
        Intake(
            municipality=municipality_id(r),
            date=dt.date(2025, 3, 1),
            held=True,
            question=QUESTION,
            themes=tuple(sorted(themes[r.cbs_code], key=order.index)),
            commitments=tuple(CommitmentKind),
        )
        for r in records
    )
    initiative = Initiative(
        id=INITIATIVE,
        title="Ontwikkeltraject organisatieontwikkeling (benchmark)",
        kind=InitiativeKind.TRAJECT,
        municipalities=tuple(p.id for p in places),
        required_commitments=tuple(CommitmentKind),
        intakes=intakes,
    )
    return Landscape(municipalities=places, initiatives=(initiative,))


def regions_of(
    records: Sequence[MunicipalityRecord], themes: dict[str, Themes], by_province: bool
) -> dict[str, tuple[list[str], list[Themes]]]:
    """The ids and theme sets per region, in id order (the order ``compose_groups`` uses)."""
    regions: dict[str, tuple[list[str], list[Themes]]] = {}
    for r in sorted(records, key=municipality_id):
        ids, sets = regions.setdefault(r.province if by_province else "alle", ([], []))
        ids.append(municipality_id(r))
        sets.append(themes[r.cbs_code])
    return dict(sorted(regions.items()))


# -- measuring --------------------------------------------------------------------------


def load_average() -> float:
    return round(os.getloadavg()[0], 2)


def run_once(fn: Callable[[], Any]) -> tuple[float, float, Any]:
    gc.collect()
    cpu, wall = time.process_time(), time.perf_counter()
    result = fn()
    return time.process_time() - cpu, time.perf_counter() - wall, result


def alternate(
    jobs: dict[str, Callable[[], Any]], repeat: int, max_repeat_seconds: float
) -> dict[str, dict[str, Any]]:
    """Run the jobs in turn, up to *repeat* times each; a long job runs only once.

    For each job: the best CPU and the best wall time, the number of runs, the load
    average when it began, and the result of every run.
    """
    done: dict[str, dict[str, Any]] = {
        name: {"cpu": [], "wall": [], "results": [], "load_average": load_average()}
        for name in jobs
    }
    for index in range(repeat):
        for name, fn in jobs.items():
            entry = done[name]
            if index and entry["wall"][0] > max_repeat_seconds:
                continue
            cpu, wall, result = run_once(fn)
            entry["cpu"].append(cpu)
            entry["wall"].append(wall)
            entry["results"].append(result)
    return done


def timing(entry: dict[str, Any]) -> dict[str, Any]:
    return {
        "cpu_seconds": round(min(entry["cpu"]), 3),
        "wall_seconds": round(min(entry["wall"]), 3),
        "cpu_median_seconds": round(statistics.median(entry["cpu"]), 3),
        "wall_median_seconds": round(statistics.median(entry["wall"]), 3),
        "runs": len(entry["wall"]),
        "cpu_seconds_each": [round(s, 3) for s in entry["cpu"]],
        "wall_seconds_each": [round(s, 3) for s in entry["wall"]],
        "load_average": entry["load_average"],
    }


def sizes_ok(n: int, size: int, assignment: Sequence[int]) -> bool:
    """Whether a partition has ``ceil(n / size)`` groups whose sizes differ by at most one."""
    counts = [assignment.count(g) for g in set(assignment)]
    if n == 0:
        return not counts
    return len(counts) == math.ceil(n / size) and max(counts) - min(counts) <= 1


def fraction(value: Fraction) -> dict[str, Any]:
    return {"value": round(float(value), 6), "exact": str(value)}


# -- ours -------------------------------------------------------------------------------


def ours(land: Landscape, by: str | None, size: int, time_limit: float, seed: int) -> Any:
    return compose_groups(land, INITIATIVE, size=size, by=by, time_limit=time_limit, seed=seed)


def score_ours(
    plan: Any, regions: dict[str, tuple[list[str], list[Themes]]], size: int
) -> dict[str, Any]:
    """Our plan under the stated objective, recomputed exactly, beside its certificates."""
    per_region = {}
    certificates = dict(plan.certificates)
    for region, (ids, sets) in regions.items():
        position = {m: i for i, m in enumerate(ids)}
        assignment = [0] * len(ids)
        for number, group in enumerate(g for g in plan.groups if g.region == region):
            for member in group.members:
                assignment[position[member]] = number
        exact = total_similarity(sets, assignment)
        certificate = certificates[region]
        per_region[region] = {
            "n": len(ids),
            "objective": fraction(exact),
            "reported_objective": round(certificate.objective, 6),
            "bound": round(certificate.bound, 6),
            "optimal": certificate.optimal,
            "status": certificate.status,
            "sizes_ok": sizes_ok(len(ids), size, assignment),
        }
    return per_region


# -- our warm start ---------------------------------------------------------------------


def warm_start(regions: dict[str, tuple[list[str], list[Themes]]], size: int) -> dict[str, Any]:
    """The greedy fill improved by swaps that ``partition`` gives CP-SAT as its hint."""
    scale = math.lcm(*range(1, len(QuestionTheme) + 1))
    result = {}
    for region, (ids, sets) in regions.items():
        n = len(ids)
        sizes = group_sizes(n, size)
        if len(sizes) <= 1:
            assignment = [0] * n
        else:
            weights = {
                (i, j): int(jaccard(sets[i], sets[j]) * scale)  # type: ignore[arg-type]
                for i, j in itertools.combinations(range(n), 2)
            }
            assignment = _local_search(weights, sizes, n)
        result[region] = assignment
    return result


# -- the baseline: team-formation -------------------------------------------------------


def baseline_available() -> tuple[bool, str]:
    try:
        import pandas as pd  # noqa: F401
        from team_formation.team_assignment import TeamAssignment  # noqa: F401
    except ImportError as error:
        return False, f"team-formation is not importable ({error}); pip install team-formation"
    return True, ""


def team_formation(
    regions: dict[str, tuple[list[str], list[Themes]]], size: int, time_limit: float
) -> dict[str, Any]:
    """One ``TeamAssignment`` per region, as a user of team-formation would write it."""
    import pandas as pd
    from team_formation.team_assignment import TeamAssignment

    constraints = pd.DataFrame(
        columns=["attribute", "type", "weight"], data=[["themes", "cluster", 1]]
    )
    result = {}
    # The same budget as compose_groups: one for the whole plan, shared out over the
    # regions by their number of pairs.
    pairs = {region: len(ids) * (len(ids) - 1) for region, (ids, _) in regions.items()}
    total = sum(pairs.values()) or 1
    for region, (ids, sets) in regions.items():
        participants = pd.DataFrame(
            {"id": ids, "themes": [sorted(t.value for t in s) for s in sets]}
        )
        teams = TeamAssignment(participants, constraints, size, less_than_target=True)
        teams.solve(max_time_in_seconds=max(time_limit * pairs[region] / total, 0.01))
        found = teams.solution_found
        result[region] = {
            "assignment": [int(t) for t in teams.participants["team_num"]] if found else None,
            "status": teams.solver.StatusName(teams.status),
            "own_objective": teams.solver.ObjectiveValue() if found else None,
            "own_bound": teams.solver.BestObjectiveBound() if found else None,
        }
    return result


def default_team_sizes(n: int, size: int) -> list[int] | str:
    """The team sizes team-formation forms by default (``less_than_target=False``)."""
    from team_formation.team_assignment import calc_team_sizes

    try:
        return list(calc_team_sizes(n, size, False))
    except ZeroDivisionError:
        return "ZeroDivisionError (no team: fewer members than the target size)"


def score_assignments(
    assignments: dict[str, list[int] | None],
    regions: dict[str, tuple[list[str], list[Themes]]],
    size: int,
) -> dict[str, Any]:
    per_region = {}
    for region, (ids, sets) in regions.items():
        assignment = assignments[region]
        if assignment is None:
            per_region[region] = {"n": len(ids), "objective": None, "sizes_ok": False}
            continue
        per_region[region] = {
            "n": len(ids),
            "objective": fraction(total_similarity(sets, assignment)),
            "sizes_ok": sizes_ok(len(ids), size, assignment),
        }
    return per_region


# -- one instance -----------------------------------------------------------------------


def summarise(per_region: dict[str, Any]) -> dict[str, Any]:
    """Sums over the regions of one run."""
    scored = [r for r in per_region.values() if r["objective"] is not None]
    total = sum((Fraction(r["objective"]["exact"]) for r in scored), Fraction(0))
    summary: dict[str, Any] = {
        "objective": round(float(total), 6) if len(scored) == len(per_region) else None,
        "sizes_ok": all(r["sizes_ok"] for r in per_region.values()),
        "regions": len(per_region),
    }
    if all("bound" in r for r in per_region.values()):
        summary["bound"] = round(sum(r["bound"] for r in per_region.values()), 6)
        summary["reported_objective"] = round(
            sum(r["reported_objective"] for r in per_region.values()), 6
        )
        summary["regions_optimal"] = sum(r["optimal"] for r in per_region.values())
        summary["optimal"] = summary["regions_optimal"] == len(per_region)
    return summary


def bench_instance(
    name: str,
    records: Sequence[MunicipalityRecord],
    themes: dict[str, Themes],
    *,
    by: str | None,
    size: int,
    limits: Sequence[float],
    repeat: int,
    max_repeat_seconds: float,
    seed: int,
) -> dict[str, Any]:
    land = landscape(records, themes)
    regions = regions_of(records, themes, by == "province")
    available, reason = baseline_available()
    instance: dict[str, Any] = {
        "name": name,
        "by": by,
        "size": size,
        "municipalities": len(records),
        "regions": {r: len(ids) for r, (ids, _) in regions.items()},
        "runs": [],
    }

    cpu, wall, start = run_once(lambda: warm_start(regions, size))
    start_scores = score_assignments(start, regions, size)
    instance["warm_start"] = {
        "cpu_seconds": round(cpu, 3),
        "wall_seconds": round(wall, 3),
        "runs": 1,
        "per_region": start_scores,
        **summarise(start_scores),
    }
    if available:
        instance["baseline_default_sizes"] = {
            r: default_team_sizes(len(ids), size) for r, (ids, _) in regions.items()
        }
    else:
        instance["baseline_skipped"] = reason

    for limit in limits:
        print(f"{name}: time limit {limit:g} s ...", file=sys.stderr, flush=True)
        jobs: dict[str, Callable[[], Any]] = {
            "ours": lambda limit=limit: ours(land, by, size, limit, seed)  # type: ignore[misc]
        }
        if available:
            jobs["team-formation"] = lambda limit=limit: team_formation(  # type: ignore[misc]
                regions, size, limit
            )
        done = alternate(jobs, repeat, max_repeat_seconds)
        runs = [score_ours(plan, regions, size) for plan in done["ours"]["results"]]
        summaries = [summarise(r) for r in runs]
        entry: dict[str, Any] = {
            "time_limit": limit,
            "ours": {
                **timing(done["ours"]),
                **summaries[0],
                "per_region": runs[0],
                "same_plan_every_run": len({json.dumps(r, sort_keys=True) for r in runs}) == 1,
            },
        }
        if available:
            results = done["team-formation"]["results"]
            scored = [
                score_assignments({r: v["assignment"] for r, v in res.items()}, regions, size)
                for res in results
            ]
            objectives = [summarise(s)["objective"] for s in scored]
            fastest = done["team-formation"]["wall"].index(min(done["team-formation"]["wall"]))
            entry["team-formation"] = {
                **timing(done["team-formation"]),
                **summarise(scored[fastest]),
                "own_optimal": sum(v["status"] == "OPTIMAL" for v in results[fastest].values()),
                "objective_each_run": objectives,
                "per_region": {
                    region: {
                        **scored[fastest][region],
                        **{k: v for k, v in results[fastest][region].items() if k != "assignment"},
                    }
                    for region in regions
                },
            }
        instance["runs"].append(entry)

    # The best bound proved for each region, at any limit: it caps every balanced plan.
    best = {
        region: min(run["ours"]["per_region"][region]["bound"] for run in instance["runs"])
        for region in regions
    }
    instance["best_bound"] = round(sum(best.values()), 6)
    bound = instance["best_bound"]
    for method in ("warm_start",):
        instance[method]["gap"] = gap(instance[method]["objective"], bound)
    for run in instance["runs"]:
        for method in ("ours", "team-formation"):
            if method in run:
                run[method]["gap"] = gap(run[method]["objective"], bound)
    return instance


def gap(objective: float | None, bound: float) -> float | None:
    if objective is None or bound == 0:
        return None
    return round(max(bound - objective, 0.0) / bound, 4)


# -- the report -------------------------------------------------------------------------


def table(report: dict[str, Any]) -> str:
    rows = [
        (
            "| instance | method | time limit | objective (our terms) | bound | optimal "
            "| gap to best bound | sizes rule | CPU s | wall s | runs |"
        ),
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    notes: list[str] = []

    def optimal(entry: dict[str, Any]) -> str:
        if entry["regions"] == 1:
            return "yes" if entry["optimal"] else "no"
        return f"{entry['regions_optimal']}/{entry['regions']} regions"

    def objective(entry: dict[str, Any]) -> str:
        each = [o for o in entry.get("objective_each_run", []) if o is not None]
        if each and max(each) - min(each) > 1e-9:
            return f"{entry['objective']:.3f} ({min(each):.3f} to {max(each):.3f})"
        return "-" if entry["objective"] is None else f"{entry['objective']:.3f}"

    def percent(value: float | None) -> str:
        return "-" if value is None else f"{100 * value:.1f} %"

    for instance in report["instances"]:
        label = instance["name"]
        if instance["by"]:
            label += f" ({instance['municipalities']}, {len(instance['regions'])} regions)"
        start = instance["warm_start"]
        rows.append(
            f"| {label} | our warm start alone | - | {start['objective']:.3f} | - | - "
            f"| {percent(start['gap'])} | {'yes' if start['sizes_ok'] else 'no'} "
            f"| {start['cpu_seconds']:.2f} | {start['wall_seconds']:.2f} | 1 |"
        )
        for run in instance["runs"]:
            limit = f"{run['time_limit']:g} s"
            mine = run["ours"]
            rows.append(
                f"| {label} | democratie compose_groups | {limit} | {objective(mine)} "
                f"| {mine['bound']:.3f} | {optimal(mine)} | {percent(mine['gap'])} "
                f"| {'yes' if mine['sizes_ok'] else 'no'} | {mine['cpu_seconds']:.2f} "
                f"| {mine['wall_seconds']:.2f} | {mine['runs']} |"
            )
            theirs = run.get("team-formation")
            if theirs is not None:
                own = theirs["own_optimal"]
                own = (
                    ("yes" if own else "no")
                    if theirs["regions"] == 1
                    else f"{own}/{theirs['regions']} regions"
                )
                rows.append(
                    f"| {label} | team-formation | {limit} | {objective(theirs)} | - "
                    f"| in its own objective: {own} "
                    f"| {percent(theirs['gap'])} | {'yes' if theirs['sizes_ok'] else 'no'} "
                    f"| {theirs['cpu_seconds']:.2f} | {theirs['wall_seconds']:.2f} "
                    f"| {theirs['runs']} |"
                )
            if abs(mine["reported_objective"] - mine["objective"]) > 1e-6:
                notes.append(
                    f"{instance['name']}, {limit}: the plan's certificate reports "
                    f"{mine['reported_objective']:.3f}, its groups score "
                    f"{mine['objective']:.3f} when recomputed."
                )
            if mine["objective"] < start["objective"] - 1e-9:
                notes.append(
                    f"{instance['name']}, {limit}: compose_groups returned a plan scoring "
                    f"{mine['objective']:.3f}, below the {start['objective']:.3f} of the "
                    "warm start it gives the solver."
                )
            if not mine["same_plan_every_run"]:
                notes.append(f"{instance['name']}, {limit}: our plan differed between runs.")
        if "baseline_skipped" in instance:
            notes.append(
                f"{instance['name']}: team-formation skipped: {instance['baseline_skipped']}"
            )
        else:
            odd = {
                region: sizes
                for region, sizes in instance["baseline_default_sizes"].items()
                if isinstance(sizes, str)
                or not sizes_ok(
                    instance["regions"][region],
                    instance["size"],
                    [g for g, k in enumerate(sizes) for _ in range(k)],
                )
            }
            if odd:
                shown = "; ".join(f"{r}: {s}" for r, s in odd.items())
                notes.append(
                    f"{instance['name']}: team-formation's default (less_than_target=False) "
                    f"forms floor(n/size) teams, which breaks the size rule in "
                    f"{len(odd)} of {len(instance['regions'])} regions ({shown}); the runs "
                    "above pass less_than_target=True."
                )
    rows.append("")
    rows.append(
        "Objective: the sum over groups of the Jaccard similarity of every pair of members' "
        "themes, recomputed exactly for every plan. Gap: to the best bound compose_groups "
        "proved for the instance at any time limit (it caps every plan keeping the size "
        "rule). Ours: CP-SAT, one worker, the limit in deterministic time for the whole plan. "
        "team-formation: CP-SAT with its default workers, the same limit in wall-clock "
        "seconds shared over its solves; its objective varies between runs (range in brackets)."
    )
    for note in notes:
        rows.append("")
        rows.append(f"- {note}")
    loads = sorted(
        {
            entry["load_average"]
            for instance in report["instances"]
            for run in instance["runs"]
            for key, entry in run.items()
            if isinstance(entry, dict)
        }
    )
    rows.append("")
    rows.append(
        f"Python {report['python']}, OR-Tools {report['ortools']}, team-formation "
        f"{report['team_formation']}, pandas {report['pandas']}, {report['cpus']} cores, load "
        f"average {loads[0] if loads else '-'} to {loads[-1] if loads else '-'} during the runs."
    )
    return "\n".join(rows)


def version(distribution: str) -> str | None:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return None


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs (default 3)")
    parser.add_argument(
        "--time-limit",
        action="append",
        type=float,
        help="seconds for the whole plan (repeatable; default 1 and 10)",
    )
    parser.add_argument("--count", type=int, default=40, help="municipalities in one region")
    parser.add_argument("--size", type=int, default=10, help="the target group size")
    parser.add_argument("--seed", type=int, default=0, help="for the themes and the solvers")
    parser.add_argument(
        "--max-repeat-seconds",
        type=float,
        default=30.0,
        help="a run taking longer is not repeated (default 30)",
    )
    parser.add_argument("--quick", action="store_true", help="a smoke run of a few seconds")
    parser.add_argument("--output", type=Path, default=Path("bench_plan.json"))
    args = parser.parse_args(argv)
    limits = args.time_limit or ([0.5] if args.quick else [1.0, 10.0])
    repeat = 1 if args.quick else args.repeat
    count = 20 if args.quick else args.count

    every = sorted(municipalities(), key=lambda r: r.cbs_code)
    themes = draw_themes(every, args.seed)
    province = [r for r in every if r.province == PROVINCE]
    if count > len(province):
        parser.error(f"{PROVINCE} has {len(province)} municipalities, fewer than {count}")
    nation = [r for r in every if r.province in QUICK_PROVINCES] if args.quick else every
    report: dict[str, Any] = {
        "python": platform.python_version(),
        "ortools": version("ortools"),
        "team_formation": version("team-formation"),
        "pandas": version("pandas"),
        "cpus": os.cpu_count(),
        "seed": args.seed,
        "repeat": repeat,
        "quick": args.quick,
        "instances": [],
    }
    common = {
        "size": args.size,
        "limits": limits,
        "repeat": repeat,
        "max_repeat_seconds": args.max_repeat_seconds,
        "seed": args.seed,
    }
    report["instances"].append(
        bench_instance(f"one region of {count}", province[:count], themes, by=None, **common)
    )
    name = "Noord-Nederland by province" if args.quick else "the nation by province"
    report["instances"].append(bench_instance(name, nation, themes, by="province", **common))
    text = table(report)
    report["table"] = text
    args.output.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(text)
    print(f"\nwrote {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()

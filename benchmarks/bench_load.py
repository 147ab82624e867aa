"""Load speed of the fast path and of the explaining (detailed) path.

Builds a large landscape (every municipality of the CBS list with a council,
factions, wijken, people, roles, organisations and initiatives), writes it as JSON
and measures, in one process on the same data:

- parse: ``json.loads`` alone (the floor for reading);
- fast: ``democratie.loads`` (parse, structure without detailed validation, check);
- explaining: parse and structure with the detailed converter, as ``load`` does
  only to explain a failure.

Run: ``python benchmarks/bench_load.py [--scale 1.0]``.
"""

from __future__ import annotations

import argparse
import gc
import json
import time
from typing import Any

import democratie
from democratie.io import detailed_converter, dumps
from democratie.model import (
    Area,
    Council,
    Faction,
    Initiative,
    Landscape,
    Municipality,
    Organisation,
    Participant,
    Person,
    Role,
)
from democratie.reference import municipalities
from democratie.vocab import ActorKind, AreaLevel, InitiativeKind, RoleKind


def build(scale: float) -> Landscape:
    people: list[Person] = []
    roles: list[Role] = []
    orgs: list[Organisation] = []
    inits: list[Initiative] = []
    muns: list[Municipality] = []
    for record in municipalities():
        mid = record.cbs_code.lower()
        n_people = max(3, int(60 * scale))
        factions = tuple(Faction(id=f"{mid}-f{i}", name=f"Fractie {i}", seats=3) for i in range(5))
        wijken = tuple(
            Area(id=f"{mid}-wk{i}", name=f"Wijk {i}", level=AreaLevel.WIJK)
            for i in range(max(1, int(10 * scale)))
        )
        muns.append(
            Municipality(
                id=mid, cbs_code=record.cbs_code, areas=wijken, council=Council(seats=25, factions=factions)
            )
        )
        for i in range(n_people):
            pid = f"{mid}-p{i}"
            people.append(Person(id=pid, name=f"Persoon {i}"))
            roles.append(
                Role(holder=pid, kind=RoleKind.RAADSLID, at=f"{mid}-raad", on_behalf_of=f"{mid}-f{i % 5}")
            )
        for i in range(max(1, int(10 * scale))):
            orgs.append(
                Organisation(
                    id=f"{mid}-o{i}",
                    name=f"Organisatie {i}",
                    kind=ActorKind.STICHTING,
                    municipality=mid,
                    areas=(wijken[i % len(wijken)].id,),
                )
            )
        for i in range(max(1, int(5 * scale))):
            inits.append(
                Initiative(
                    id=f"{mid}-i{i}",
                    title=f"Initiatief {i}",
                    kind=InitiativeKind.EXPERIMENT,
                    municipalities=(mid,),
                    participants=tuple(Participant(actor=f"{mid}-p{j}") for j in range(3)),
                )
            )
    return Landscape(
        municipalities=tuple(muns),
        organisations=tuple(orgs),
        people=tuple(people),
        roles=tuple(roles),
        initiatives=tuple(inits),
    )


def records(doc: dict[str, Any]) -> int:
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


def best(fn: Any, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    text = dumps(build(args.scale))
    doc = json.loads(text)
    n = records(doc)
    body = {k: v for k, v in doc.items() if k != "format"}
    parse = best(lambda: json.loads(text), args.repeat)
    fast = best(lambda: democratie.loads(text), args.repeat)
    explaining = best(
        lambda: detailed_converter.structure(
            {k: v for k, v in json.loads(text).items() if k != "format"}, Landscape
        ),
        args.repeat,
    )
    del body
    print(f"document: {len(text) / 1e6:.1f} MB, {n:,} records")
    print(f"{'path':<12}{'seconds':>10}{'records/s':>14}{'vs parse':>10}")
    for name, seconds in (("parse", parse), ("fast", fast), ("explaining", explaining)):
        print(f"{name:<12}{seconds:>10.2f}{n / seconds:>14,.0f}{seconds / parse:>9.1f}x")


if __name__ == "__main__":
    main()

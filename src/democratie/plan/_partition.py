"""Partition members with theme sets into groups of near-equal size, as similar as can be.

The objective: maximise, over the groups, the sum of the Jaccard similarity
``|A ∩ B| / |A ∪ B|`` of the theme sets of every pair of members of the same group.
The number of groups is ``ceil(n / size)`` and group sizes differ by at most one.

The similarities are scaled by the least common multiple of 1 .. the number of themes,
so every weight is an exact integer and the solver's optimum is the true optimum.

How it is solved:

1. a greedy fill improved by pairwise swaps gives a first plan (the solver's hint);
2. the linear relaxation of the pairwise model (one variable per pair: together or not;
   every member with ``size - 1`` mates) is solved with GLOP, and the triangle
   inequalities it violates (if i is with j and j with l, then i is with l) are added
   for a fixed number of rounds: its optimum is an upper bound on every plan;
3. CP-SAT searches the model of members in groups, with those cuts, within the budget,
   and proves the plan optimal when the best plan meets the best bound (of either).

Examples
--------
Larger pools than :data:`MAX_EXACT` members are planned by local search alone, without a
proof of optimality:

>>> sets = [frozenset({n % 3}) for n in range(MAX_EXACT + 1)]
>>> result = partition(sets, 4, universe=3)
>>> result.certificate.optimal, result.certificate.status
(False, 'FEASIBLE')
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

from attrs import frozen

from democratie.plan._solver import Certificate, load_cp_model, load_lp, solve, status_name

__all__ = ["MAX_EXACT", "Partition", "group_sizes", "jaccard", "partition", "total_similarity"]

#: Regions with more members than this are grouped by local search alone (the exact model
#: would hold millions of clauses); their plans say ``optimal=False`` with a simple bound.
MAX_EXACT = 120


def jaccard(a: frozenset[object], b: frozenset[object]) -> Fraction:
    """The Jaccard similarity of two sets, exact (two empty sets are not similar).

    Examples
    --------
    >>> jaccard(frozenset("ab"), frozenset("bc"))
    Fraction(1, 3)
    """
    union = len(a | b)
    return Fraction(len(a & b), union) if union else Fraction(0)


def group_sizes(n: int, size: int) -> tuple[int, ...]:
    """The group sizes for *n* members and a target *size*: ``ceil(n/size)`` groups.

    Sizes differ by at most one, the larger ones first.

    Examples
    --------
    >>> group_sizes(23, 10)
    (8, 8, 7)
    """
    if n == 0:
        return ()
    count = math.ceil(n / size)
    low, extra = divmod(n, count)
    return tuple(low + 1 if g < extra else low for g in range(count))


def total_similarity(sets: Sequence[frozenset[object]], assignment: Sequence[int]) -> Fraction:
    """The objective of an assignment of members to groups, exact.

    Examples
    --------
    >>> sets = [frozenset("AB"), frozenset("A"), frozenset("B")]
    >>> total_similarity(sets, [0, 0, 1]), total_similarity(sets, [0, 0, 0])
    (Fraction(1, 2), Fraction(1, 1))
    """
    total = Fraction(0)
    for i, j in itertools.combinations(range(len(sets)), 2):
        if assignment[i] == assignment[j]:
            total += jaccard(sets[i], sets[j])
    return total


@frozen(kw_only=True)
class Partition:
    """The solver's answer: which group each member is in, and what was proved.

    Parameters
    ----------
    assignment
        For each member, in the order given, the index of its group.
    certificate
        The objective, the bound and whether the partition is proven optimal.
    moved
        Indices of the members placed in another group than ``previous`` gave them.
    work
        The solver's deterministic time spent (reproducible, unlike seconds).

    Examples
    --------
    >>> sets = [frozenset({"hr"}), frozenset({"rollen"}), frozenset({"hr", "rollen"}),
    ...         frozenset({"rollen"})]
    >>> result = partition(sets, 2, universe=2)
    >>> result.assignment, result.certificate.optimal, result.moved
    ((0, 1, 0, 1), True, ())
    >>> again = partition(sets, 2, universe=2, previous=[0, 0, 1, 1])
    >>> again.assignment, again.moved
    ((1, 0, 1, 0), (0, 3))
    """

    assignment: tuple[int, ...]
    certificate: Certificate
    moved: tuple[int, ...] = ()
    work: float = 0.0


def partition(
    sets: Sequence[frozenset[object]],
    size: int,
    *,
    universe: int,
    time_limit: float = 10.0,
    seed: int = 0,
    previous: Sequence[int | None] | None = None,
) -> Partition:
    """Split members into groups as described in the module, solved with CP-SAT.

    Parameters
    ----------
    sets
        The theme set of each member.
    size
        The target group size (at least 2).
    universe
        How many themes there can be (the scale of the exact weights).
    time_limit
        The solver's budget in deterministic time (about seconds).
    seed
        The solver's seed.
    previous
        For re-planning: each member's group in an earlier plan (None for a newcomer).
        Among the partitions with the best objective found, one that moves the fewest
        members is chosen; group indices then keep their earlier meaning.

    Examples
    --------
    Four members with the themes A and B, in groups of two: the two who share A go together,
    and so do the two who share B:

    >>> sets = [frozenset("A"), frozenset("B"), frozenset("A"), frozenset("B")]
    >>> result = partition(sets, 2, universe=2)
    >>> result.assignment
    (0, 1, 0, 1)
    >>> result.certificate.objective, result.certificate.optimal
    (2.0, True)
    """
    n = len(sets)
    sizes = group_sizes(n, size)
    scale = math.lcm(*range(1, max(universe, 1) + 1))
    weights = {
        (i, j): int(jaccard(sets[i], sets[j]) * scale)
        for i, j in itertools.combinations(range(n), 2)
    }
    if len(sizes) <= 1:
        assignment = (0,) * n
        everyone = float(Fraction(sum(weights.values()), scale))
        return Partition(
            assignment=assignment,
            certificate=Certificate(
                objective=everyone, bound=everyone, optimal=True, status="TRIVIAL"
            ),
            moved=_moved(assignment, previous),
        )
    hint = _local_search(weights, sizes, n)
    if n > MAX_EXACT:
        value = sum(w for (i, j), w in weights.items() if hint[i] == hint[j])
        certificate = Certificate(
            objective=float(Fraction(value, scale)),
            bound=float(Fraction(max(_mates_bound(weights, sizes, n), value), scale)),
            optimal=False,
            status="FEASIBLE",
        )
        assignment = tuple(_canonical(hint))
        return Partition(
            assignment=assignment, certificate=certificate, moved=_moved(assignment, previous)
        )
    keeping = previous is not None and any(p is not None for p in previous)
    cuts: list[Cut] = []
    lp_bound = None
    if n <= MAX_CUT:
        cuts, lp_bound = _triangle_cuts(weights, sizes, n, scale)
    # Re-planning solves twice (the best objective, then the fewest moves): half each.
    first = time_limit / 2 if keeping else time_limit
    assignment, certificate, best, work = _solve(
        weights,
        sizes,
        n,
        scale,
        time_limit=first,
        seed=seed,
        hint=hint,
        cuts=cuts,
        lp_bound=lp_bound,
    )
    if keeping:
        assert previous is not None
        assignment, more = _fewest_moves(
            weights,
            sizes,
            n,
            best,
            previous,
            assignment,
            time_limit=max(time_limit - work, 0.01),
            seed=seed,
            cuts=cuts,
        )
        work += more
    return Partition(
        assignment=assignment,
        certificate=certificate,
        moved=_moved(assignment, previous),
        work=work,
    )


def _mates_bound(weights: dict[tuple[int, int], int], sizes: tuple[int, ...], n: int) -> int:
    """No member gains more than its best ``largest group - 1`` similarities: half their sum."""
    rows: list[list[int]] = [[] for _ in range(n)]
    for (i, j), w in weights.items():
        rows[i].append(w)
        rows[j].append(w)
    mates = max(sizes) - 1
    return sum(sum(sorted(row, reverse=True)[:mates]) for row in rows) // 2


def _moved(assignment: Sequence[int], previous: Sequence[int | None] | None) -> tuple[int, ...]:
    if previous is None:
        return ()
    pairs = enumerate(zip(assignment, previous, strict=True))
    return tuple(i for i, (now, before) in pairs if before not in (None, now))


def _local_search(weights: dict[tuple[int, int], int], sizes: tuple[int, ...], n: int) -> list[int]:
    """A good start for the solver: a greedy fill, improved by swaps until none helps.

    Each member keeps its total weight to every group, so a swap is judged in constant
    time and a pass over all pairs costs ``n**2``.
    """
    w = [[0] * n for _ in range(n)]
    for (i, j), value in weights.items():
        w[i][j] = w[j][i] = value
    count = len(sizes)
    groups: list[list[int]] = [[] for _ in sizes]
    for i in range(n):
        open_groups = [g for g in range(count) if len(groups[g]) < sizes[g]]
        best = max(open_groups, key=lambda g: (sum(w[i][j] for j in groups[g]), -g))
        groups[best].append(i)
    assignment = [0] * n
    for g, members in enumerate(groups):
        for i in members:
            assignment[i] = g
    # to_group[i][g]: the total weight of member i to the members of group g.
    to_group = [[0] * count for _ in range(n)]
    for i in range(n):
        for k in range(n):
            to_group[i][assignment[k]] += w[i][k]
    improved = True
    passes = 0
    while improved and passes < _MAX_PASSES:
        improved = False
        passes += 1
        for i, j in itertools.combinations(range(n), 2):
            gi, gj = assignment[i], assignment[j]
            if gi == gj:
                continue
            wij = w[i][j]
            gain = to_group[i][gj] - wij - to_group[i][gi] + to_group[j][gi] - wij - to_group[j][gj]
            if gain > 0:
                assignment[i], assignment[j] = gj, gi
                for k in range(n):
                    change = w[k][j] - w[k][i]
                    to_group[k][gi] += change
                    to_group[k][gj] -= change
                improved = True
    return assignment


_MAX_PASSES = 50


def _base_model(
    weights: dict[tuple[int, int], int],
    sizes: tuple[int, ...],
    n: int,
    cuts: Sequence[Cut] = (),
) -> tuple[Any, list[list[Any]], dict[tuple[int, int], Any]]:
    cp_model = load_cp_model()
    model = cp_model.CpModel()
    count = len(sizes)
    low, high = min(sizes), max(sizes)
    x = [[model.NewBoolVar(f"x{i}_{g}") for g in range(count)] for i in range(n)]
    for i in range(n):
        model.AddExactlyOne(x[i])
    for g in range(count):
        total = sum(x[i][g] for i in range(n))
        model.Add(total >= low)
        model.Add(total <= high)
    together: dict[tuple[int, int], Any] = {}

    def pair(i: int, j: int) -> Any:
        found = together.get((i, j))
        if found is None:
            found = together[(i, j)] = model.NewBoolVar(f"z{i}_{j}")
            for g in range(count):
                # Together means: in the same group, whichever that is.
                model.AddBoolOr([found.Not(), x[i][g].Not(), x[j][g]])
                model.AddBoolOr([found.Not(), x[j][g].Not(), x[i][g]])
        return found

    for (i, j), w in weights.items():
        if w > 0:
            pair(i, j)
    for cut in cuts:
        for a, b in cut:
            pair(a, b)
    # Nobody has more group mates than the largest group holds (tightens the relaxation).
    for i in range(n):
        mates = [z for (a, b), z in together.items() if i in (a, b)]
        if len(mates) > high - 1:
            model.Add(sum(mates) <= high - 1)
    # Being together is transitive: the cuts the relaxation needed (see _triangle_cuts).
    for (a, b), (c, d), (e, f) in cuts:
        model.Add(pair(a, b) + pair(c, d) - pair(e, f) <= 1)
    model.Maximize(sum(w * together[p] for p, w in weights.items() if w > 0))
    return model, x, together


#: A triangle inequality ``z[p] + z[q] - z[r] <= 1`` over three pairs of one triple.
Cut = tuple[tuple[int, int], tuple[int, int], tuple[int, int]]

#: Regions up to this size get the triangle cuts (above it the linear programs grow large).
MAX_CUT = 64
_CUT_ROUNDS = 12
_EPSILON = 1e-6


def _triangle_cuts(
    weights: dict[tuple[int, int], int], sizes: tuple[int, ...], n: int, scale: int
) -> tuple[list[Cut], int | None]:
    """Triangle inequalities that the relaxation violates, and the bound they prove.

    Solves the linear relaxation of the pairwise model (a variable per pair, each member
    with ``size - 1`` mates) with GLOP, adds the most violated triangle inequalities
    ``z_ij + z_jl - z_il <= 1`` (if i is with j and j with l, then i is with l), and
    solves again, for a fixed number of rounds: deterministic. The last optimum is an
    upper bound on every partition; it is returned scaled to the integer weights, rounded
    down with a margin for floating point.
    """
    pywraplp = load_lp()
    solver = pywraplp.Solver.CreateSolver("GLOP")
    # Each round adds rows to a solved program: the dual simplex starts from the last basis
    # (four times faster here than solving each program anew).
    solver.SetSolverSpecificParametersAsString("use_dual_simplex: true use_preprocessing: false")
    low, high = min(sizes), max(sizes)
    z = {p: solver.NumVar(0.0, 1.0, f"z{p[0]}_{p[1]}") for p in weights}
    for i in range(n):
        mates = [z[(min(i, j), max(i, j))] for j in range(n) if j != i]
        solver.Add(solver.Sum(mates) >= low - 1)
        solver.Add(solver.Sum(mates) <= high - 1)
    solver.Maximize(solver.Sum([w * z[p] for p, w in weights.items() if w > 0]))
    cuts: list[Cut] = []
    value: float | None = None
    for _ in range(_CUT_ROUNDS):
        if solver.Solve() != pywraplp.Solver.OPTIMAL:
            return cuts, None
        value = solver.Objective().Value()
        seen = {p: v.solution_value() for p, v in z.items()}
        violated: list[tuple[float, Cut]] = []
        for i, j, k in itertools.combinations(range(n), 3):
            ij, jk, ik = seen[(i, j)], seen[(j, k)], seen[(i, k)]
            for excess, cut in (
                (ij + jk - ik, ((i, j), (j, k), (i, k))),
                (ij + ik - jk, ((i, j), (i, k), (j, k))),
                (jk + ik - ij, ((j, k), (i, k), (i, j))),
            ):
                if excess > 1 + _EPSILON:
                    violated.append((round(excess, 9), cut))
        if not violated:
            break
        violated.sort(key=lambda item: (-item[0], item[1]))
        for _, cut in violated[: 50 * n]:
            p, q, r = cut
            solver.Add(z[p] + z[q] - z[r] <= 1)
            cuts.append(cut)
    if value is None:
        return cuts, None
    return cuts, math.floor(value * (1 + 1e-9) + 1e-3)


def _solve(
    weights: dict[tuple[int, int], int],
    sizes: tuple[int, ...],
    n: int,
    scale: int,
    *,
    time_limit: float,
    seed: int,
    hint: list[int],
    cuts: Sequence[Cut] = (),
    lp_bound: int | None = None,
) -> tuple[tuple[int, ...], Certificate, int, float]:
    model, x, together = _base_model(weights, sizes, n, cuts)
    count = len(sizes)
    # Groups are interchangeable: member i opens at most group i, and a group is opened
    # only after the one before it.
    for i in range(n):
        for g in range(i + 1, count):
            model.Add(x[i][g] == 0)
        for g in range(1, min(i + 1, count)):
            model.AddBoolOr([x[i][g].Not()] + [x[j][g - 1] for j in range(i)])
    start = _canonical(hint)
    for i, g in enumerate(start):
        for h in range(count):
            model.AddHint(x[i][h], h == g)
    for (i, j), z in together.items():
        model.AddHint(z, start[i] == start[j])
    solver, status = solve(model, time_limit=time_limit, seed=seed)
    work = float(solver.deterministic_time)
    name = status_name(status)
    # The plan's value is counted from its groups: a solution cut short may leave some
    # "together" variables at 0 that could be 1, so the solver's own sum can fall short.
    plan, value = tuple(start), _value(weights, start)
    if name in ("OPTIMAL", "FEASIBLE"):
        found = tuple(next(g for g in range(count) if solver.Value(x[i][g])) for i in range(n))
        found_value = _value(weights, found)
        if found_value >= value:
            plan, value = found, found_value
    bound = round(solver.BestObjectiveBound()) if name in ("OPTIMAL", "FEASIBLE") else None
    if name == "INFEASIBLE" or bound is None or bound < value:
        # No bound to go by (the search ended before it proved one): say nothing proved.
        bound = max(_mates_bound(weights, sizes, n), value)
    if lp_bound is not None:
        # The relaxation with the triangle cuts often proves more than the search did.
        bound = max(min(bound, lp_bound), value)
    optimal = bound <= value
    certificate = Certificate(
        objective=float(Fraction(value, scale)),
        bound=float(Fraction(bound, scale)),
        optimal=optimal,
        status="OPTIMAL" if optimal else "FEASIBLE",
    )
    return plan, certificate, value, work


def _value(weights: dict[tuple[int, int], int], assignment: Sequence[int]) -> int:
    return sum(w for (i, j), w in weights.items() if assignment[i] == assignment[j])


def _canonical(assignment: Sequence[int]) -> list[int]:
    """Relabel groups in the order their first member appears."""
    labels: dict[int, int] = {}
    return [labels.setdefault(g, len(labels)) for g in assignment]


def _fewest_moves(
    weights: dict[tuple[int, int], int],
    sizes: tuple[int, ...],
    n: int,
    best: int,
    previous: Sequence[int | None],
    found: tuple[int, ...],
    *,
    time_limit: float,
    seed: int,
    cuts: Sequence[Cut] = (),
) -> tuple[tuple[int, ...], float]:
    """Among partitions as good as *best*, one that keeps the most members where they were."""
    model, x, together = _base_model(weights, sizes, n, cuts)
    count = len(sizes)
    model.Add(sum(weights[p] * z for p, z in together.items() if weights[p] > 0) >= best)
    stays = [x[i][g] for i, g in enumerate(previous) if g is not None and g < count]
    model.Maximize(sum(stays))
    # Start from the partition found, its groups matched to the earlier ones.
    for i, g in enumerate(_matched(found, previous, count)):
        for h in range(count):
            model.AddHint(x[i][h], h == g)
    solver, status = solve(model, time_limit=time_limit, seed=seed)
    work = float(solver.deterministic_time)
    if status_name(status) not in ("OPTIMAL", "FEASIBLE"):
        return tuple(_matched(found, previous, count)), work
    return tuple(next(g for g in range(count) if solver.Value(x[i][g])) for i in range(n)), work


def _matched(found: Sequence[int], previous: Sequence[int | None], count: int) -> list[int]:
    """Relabel *found*'s groups to overlap the earlier groups most (greedily, by overlap)."""
    overlap: dict[tuple[int, int], int] = {}
    for now, before in zip(found, previous, strict=False):
        if before is not None and before < count:
            overlap[(now, before)] = overlap.get((now, before), 0) + 1
    mapping: dict[int, int] = {}
    used: set[int] = set()
    for (now, before), _ in sorted(overlap.items(), key=lambda item: (-item[1], item[0])):
        if now not in mapping and before not in used:
            mapping[now] = before
            used.add(before)
    free = iter(g for g in range(count) if g not in used)
    for now in sorted(set(found)):
        if now not in mapping:
            mapping[now] = next(free)
    return [mapping[g] for g in found]

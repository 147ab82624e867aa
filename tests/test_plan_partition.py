"""The grouping solver against brute force: the plan is the true optimum of its objective."""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pytest.importorskip("ortools", reason="planning needs OR-Tools: pip install 'democratie[plan]'")

from democratie.plan._partition import (
    group_sizes,
    jaccard,
    partition,
    total_similarity,
)

THEMES = 9


def _partitions(n: int, sizes: tuple[int, ...]) -> Iterator[list[int]]:
    """Every assignment of n members to groups of the given sizes (groups unlabelled)."""

    def place(members: list[int], sizes: list[int], label: int) -> Iterator[dict[int, int]]:
        if not members:
            yield {}
            return
        first, rest = members[0], members[1:]
        size = sizes[0]
        for others in itertools.combinations(rest, size - 1):
            left = [m for m in rest if m not in others]
            for tail in place(left, sizes[1:], label + 1):
                yield {first: label, **dict.fromkeys(others, label), **tail}

    for size_order in set(itertools.permutations(sizes)):
        for found in place(list(range(n)), list(size_order), 0):
            yield [found[i] for i in range(n)]


def _best(sets: list[frozenset[object]], sizes: tuple[int, ...]) -> Fraction:
    return max(total_similarity(sets, a) for a in _partitions(len(sets), sizes))


def _random_sets(rng: random.Random, n: int) -> list[frozenset[object]]:
    return [frozenset(rng.sample(range(THEMES), rng.randint(2, 4))) for _ in range(n)]


def test_group_sizes_are_ceil_n_over_size_and_differ_by_at_most_one() -> None:
    for n in range(1, 60):
        for size in range(2, 12):
            sizes = group_sizes(n, size)
            assert len(sizes) == -(-n // size)
            assert sum(sizes) == n
            assert max(sizes) - min(sizes) <= 1


@pytest.mark.parametrize("seed", range(4))
def test_twelve_into_two_groups_is_the_brute_force_optimum(seed: int) -> None:
    sets = _random_sets(random.Random(seed), 12)
    result = partition(sets, 6, universe=THEMES, time_limit=20.0)
    best = _best(sets, group_sizes(12, 6))  # all 462 partitions
    assert result.certificate.optimal
    assert total_similarity(sets, result.assignment) == best
    assert result.certificate.objective == pytest.approx(float(best))
    assert result.certificate.bound == pytest.approx(float(best))


@pytest.mark.parametrize("seed", range(3))
def test_uneven_groups_are_the_brute_force_optimum(seed: int) -> None:
    # 10 into groups of at most 4: three groups of 4, 3 and 3 (2,100 partitions).
    sets = _random_sets(random.Random(100 + seed), 10)
    result = partition(sets, 4, universe=THEMES, time_limit=20.0)
    assert sorted(result.assignment.count(g) for g in set(result.assignment)) == [3, 3, 4]
    assert result.certificate.optimal
    assert total_similarity(sets, result.assignment) == _best(sets, (4, 3, 3))


@settings(max_examples=15, deadline=None)
@given(
    st.lists(
        st.frozensets(st.integers(0, THEMES - 1), min_size=1, max_size=4), min_size=2, max_size=8
    ),
    st.integers(2, 4),
)
def test_any_small_instance_is_solved_to_the_brute_force_optimum(
    sets: list[frozenset[object]], size: int
) -> None:
    result = partition(sets, size, universe=THEMES, time_limit=20.0)
    assert result.certificate.optimal
    assert total_similarity(sets, result.assignment) == _best(sets, group_sizes(len(sets), size))


def test_the_same_input_gives_the_same_partition() -> None:
    sets = _random_sets(random.Random(7), 16)
    first = partition(sets, 5, universe=THEMES, time_limit=5.0)
    assert all(partition(sets, 5, universe=THEMES, time_limit=5.0) == first for _ in range(3))


def test_keeping_a_plan_moves_as_few_members_as_the_optimum_allows() -> None:
    rng = random.Random(3)
    sets = _random_sets(rng, 11)
    before = partition(sets, 6, universe=THEMES, time_limit=20.0)
    # A late sign-up: one more member, whose themes equal the first member's.
    late = [*sets, sets[0]]
    previous: list[int | None] = [*before.assignment, None]
    after = partition(late, 6, universe=THEMES, time_limit=20.0, previous=previous)
    best = _best(late, group_sizes(12, 6))
    assert total_similarity(late, after.assignment) == best
    fewest = min(
        sum(1 for i in range(11) if a[i] != before.assignment[i])
        for labels in _partitions(12, group_sizes(12, 6))
        if total_similarity(late, labels) == best
        for a in (labels, [1 - g for g in labels])
    )
    assert len(after.moved) == fewest


def test_jaccard_is_exact() -> None:
    assert jaccard(frozenset({1, 2, 3}), frozenset({2, 3, 4})) == Fraction(1, 2)
    assert jaccard(frozenset(), frozenset()) == 0

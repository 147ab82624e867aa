"""Scoring in several processes gives the very scorecards one process gives."""

from __future__ import annotations

import gc
import sys
from typing import ClassVar

import pytest

import democratie.examples
from democratie.graph import build_graph
from democratie.model import Landscape
from democratie.scoring import Score, ScoringContext, run
from democratie.scoring.rules import BUILTIN_RULES, DomainCoverage
from democratie.scoring.score import Subject
from democratie.synth import generate

_RUN = sys.modules["democratie.scoring.run"]


@pytest.fixture(scope="module")
def nation() -> Landscape:
    return generate(1 / 128, seed=5)


def test_two_processes_give_what_one_gives_on_a_nation(nation: Landscape) -> None:
    graph = build_graph(nation)
    alone = run(nation, BUILTIN_RULES, graph=graph)
    shared = run(nation, BUILTIN_RULES, graph=graph, workers=2)
    assert len(alone) > 100
    assert shared == alone
    assert [card.subject for card in shared.cards] == [card.subject for card in alone.cards]
    assert shared.failures == alone.failures


@pytest.mark.parametrize("name", democratie.examples.NAMES)
def test_two_processes_give_what_one_gives_on_every_example(name: str) -> None:
    land = democratie.examples.load(name)
    assert run(land, BUILTIN_RULES, workers=2) == run(land, BUILTIN_RULES)


def test_only_and_failures_keep_their_order_across_processes(nation: Landscape) -> None:
    class Picky(DomainCoverage):
        """Fails on every other initiative, to prove failures come back in order."""

        name: ClassVar[str] = "picky"  # type: ignore[misc]

        def score(self, subject: Subject, context: ScoringContext) -> Score:
            if sum(map(ord, subject.id)) % 2:
                raise LookupError(subject.id)
            return super().score(subject, context)

    wanted = [initiative.id for initiative in nation.initiatives[::3]]
    alone = run(nation, [Picky(name="picky")], only=wanted)
    shared = run(nation, [Picky(name="picky")], only=wanted, workers=3)
    assert alone.failures  # the rule does fail, so the order of failures is tested
    assert [(f.subject, f.code, f.message) for f in shared.failures] == [
        (f.subject, f.code, f.message) for f in alone.failures
    ]
    assert shared == alone


def test_a_municipality_and_its_own_initiatives_go_to_one_process(nation: Landscape) -> None:
    chosen: list[Subject] = [*nation.municipalities, *nation.initiatives, *nation.networks]
    chunks = _RUN._chunks(chosen, 2)
    place = {position: at for at, chunk in enumerate(chunks) for position in chunk}
    assert sorted(place) == list(range(len(chosen)))  # every subject once
    index = {subject.id: position for position, subject in enumerate(chosen)}
    for initiative in nation.initiatives:
        if len(initiative.municipalities) == 1:
            home = index[initiative.municipalities[0]]
            assert place[index[initiative.id]] == place[home], initiative.id
    assert 1 < len(chunks) <= 16


def test_without_fork_the_job_is_sent_to_spawned_processes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    land = democratie.examples.load("m50-leerkring-waalwijk")
    monkeypatch.setattr(_RUN.sys, "platform", "darwin")
    started: list[str] = []
    real = _RUN.multiprocessing.get_context

    def spy(method: str) -> object:
        started.append(method)
        return real(method)

    monkeypatch.setattr(_RUN.multiprocessing, "get_context", spy)
    assert run(land, BUILTIN_RULES, workers=2) == run(land, BUILTIN_RULES)
    assert started == ["spawn"]


def test_a_job_that_cannot_be_sent_is_scored_here(monkeypatch: pytest.MonkeyPatch) -> None:
    land = democratie.examples.load("m50-leerkring-waalwijk")
    monkeypatch.setattr(_RUN.sys, "platform", "darwin")

    class Local(DomainCoverage):  # defined in a function: cannot be pickled
        pass

    rules = [Local()]
    assert run(land, rules, workers=2) == run(land, rules)


@pytest.mark.parametrize("workers", [0, -1, 1.5, True, "2"])
def test_workers_must_be_a_positive_whole_number(workers: object) -> None:
    land = democratie.examples.load("m50-leerkring-waalwijk")
    with pytest.raises(ValueError, match="workers"):
        run(land, BUILTIN_RULES, workers=workers)  # type: ignore[arg-type]


def test_scoring_sets_the_long_lived_objects_aside_and_gives_them_back() -> None:
    land = democratie.examples.load("delft-zeven-van-delft")
    seen: list[int] = []

    class Watching(DomainCoverage):
        def score(self, subject: Subject, context: ScoringContext) -> Score:
            seen.append(gc.get_freeze_count())
            return super().score(subject, context)

    assert gc.get_freeze_count() == 0
    run(land, [Watching()])
    assert seen
    assert min(seen) > 0  # the landscape was frozen while the rules ran
    assert gc.get_freeze_count() == 0  # and unfrozen after


def test_a_program_that_froze_objects_itself_keeps_them_frozen() -> None:
    land = democratie.examples.load("delft-zeven-van-delft")
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        run(land, BUILTIN_RULES)
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def test_with_the_collector_off_nothing_is_frozen() -> None:
    land = democratie.examples.load("delft-zeven-van-delft")
    seen: list[int] = []

    class Watching(DomainCoverage):
        def score(self, subject: Subject, context: ScoringContext) -> Score:
            seen.append(gc.get_freeze_count())
            return super().score(subject, context)

    gc.disable()
    try:
        run(land, [Watching()])
    finally:
        gc.enable()
    assert seen
    assert set(seen) == {0}

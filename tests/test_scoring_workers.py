"""Scoring in several processes gives the very scorecards one process gives."""

from __future__ import annotations

import datetime as dt
import gc
import json
import multiprocessing
import os
import sys
import threading
from typing import Any, ClassVar

import pytest

import democratie.examples
from democratie.graph import build_graph
from democratie.model import Landscape
from democratie.scoring import (
    AUTO_MIN_SUBJECTS,
    Score,
    ScoringContext,
    default_workers,
    run,
    subjects,
)
from democratie.scoring.rules import BUILTIN_RULES, DomainCoverage
from democratie.scoring.score import Subject
from democratie.synth import generate

_RUN = sys.modules["democratie.scoring.run"]


@pytest.fixture(scope="module")
def nation() -> Landscape:
    return generate(1 / 128, seed=5)


@pytest.mark.slow
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


class _Unsendable(Exception):
    """An exception its arguments do not rebuild: it cannot travel between processes."""

    def __init__(self, first: str, second: str) -> None:
        super().__init__(f"{first}{second}")


class _FailsOnSome(DomainCoverage):
    """Raises on the subjects it is told to, in whatever process it runs."""

    def __init__(self, failing: frozenset[str]) -> None:
        super().__init__()
        object.__setattr__(self, "_failing", failing)

    def score(self, subject: Subject, context: ScoringContext) -> Score:
        if subject.id in self._failing:  # type: ignore[attr-defined]
            raise _Unsendable(subject.id, "!")
        return super().score(subject, context)


def test_an_exception_that_cannot_travel_is_reported_not_hung_on(nation: Landscape) -> None:
    failing = frozenset(i.id for i in nation.initiatives[::7])
    rule = _FailsOnSome(failing)
    alone = run(nation, [rule])
    shared = run(nation, [rule], workers=2)
    assert {f.subject for f in shared.failures} == failing
    assert shared == alone
    assert [f.message for f in shared.failures] == [f.message for f in alone.failures]


def test_with_strict_the_first_failure_in_order_is_raised_with_its_own_type(
    nation: Landscape,
) -> None:
    # Two failing initiatives of different municipalities, so in different processes.
    first = nation.initiatives[3]
    later = next(
        i for i in reversed(nation.initiatives) if i.municipalities != first.municipalities
    )
    rule = _FailsOnSome(frozenset({first.id, later.id}))
    with pytest.raises(_Unsendable, match=first.id):
        run(nation, [rule], strict=True)
    with pytest.raises(_Unsendable, match=first.id):
        run(nation, [rule], strict=True, workers=2)


class _DiesInAWorker(DomainCoverage):
    """Ends the process it runs in, unless that is the main one."""

    def score(self, subject: Subject, context: ScoringContext) -> Score:
        if multiprocessing.parent_process() is not None:
            os._exit(3)
        return super().score(subject, context)


def test_a_process_that_dies_is_reported_and_its_work_redone_here(nation: Landscape) -> None:
    alone = run(nation, [_DiesInAWorker()])
    with pytest.warns(RuntimeWarning, match="scored in this process instead"):
        shared = run(nation, [_DiesInAWorker()], workers=2)
    assert shared == alone


@pytest.mark.slow
def test_no_processes_are_started_where_that_cannot_work(
    monkeypatch: pytest.MonkeyPatch, nation: Landscape
) -> None:
    started: list[object] = []
    real = _RUN.ProcessPoolExecutor

    def spy(*args: object, **kwargs: object) -> object:
        started.append(kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(_RUN, "ProcessPoolExecutor", spy)
    alone = run(nation, BUILTIN_RULES)

    # One group only: nothing to share out.
    home = nation.municipalities[0].id
    one = [home, *(i.id for i in nation.initiatives if i.municipalities == (home,))]
    assert len(one) > 1
    assert run(nation, BUILTIN_RULES, only=one, workers=2) == run(nation, BUILTIN_RULES, only=one)
    assert started == []

    # A daemon process (a worker of a pool) may not start processes of its own.
    class Daemon:
        daemon = True

    with monkeypatch.context() as patch:
        patch.setattr(_RUN.multiprocessing, "current_process", Daemon)
        assert run(nation, BUILTIN_RULES, workers=2) == alone
    assert started == []

    # Spawned processes could not find a rule defined in __main__.
    class Main(DomainCoverage):
        pass

    monkeypatch.setattr(Main, "__module__", "__main__")
    monkeypatch.setattr(_RUN.sys, "platform", "darwin")
    assert run(nation, [Main()], workers=2) == run(nation, [Main()])
    assert started == []

    monkeypatch.undo()
    monkeypatch.setattr(_RUN, "ProcessPoolExecutor", spy)
    assert run(nation, BUILTIN_RULES, workers=2) == alone
    assert len(started) == 1  # and where it can work, they are


def _spy_on_processes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Record how many processes each pool is started with."""
    started: list[int] = []
    real = _RUN.ProcessPoolExecutor

    def spy(*args: object, **kwargs: Any) -> object:
        started.append(kwargs["max_workers"])
        return real(*args, **kwargs)

    monkeypatch.setattr(_RUN, "ProcessPoolExecutor", spy)
    return started


def test_by_default_every_cpu_scores_and_the_bytes_are_those_of_one(
    monkeypatch: pytest.MonkeyPatch, nation: Landscape
) -> None:
    from democratie.cli._commands import _cards_json
    from democratie.exporters.tables import tables
    from democratie.monitor import resolve_as_of

    graph = build_graph(nation)
    alone = democratie.score(nation, graph=graph, workers=1)
    monkeypatch.setattr(_RUN, "_usable_cpus", lambda: 3)
    started = _spy_on_processes(monkeypatch)
    assert default_workers() == 3
    shared = democratie.score(nation, graph=graph)  # workers=None: every CPU
    assert started == [3]
    assert shared == alone
    for lang in ("nl", "en"):
        day = resolve_as_of(dt.date(2025, 1, 1))
        assert json.dumps(_cards_json(shared, lang, day)) == json.dumps(
            _cards_json(alone, lang, day)
        )
    exported = {t.name: t for t in tables(nation, graph)}  # scored with workers=None
    assert started == [3, 3]
    given = {t.name: t for t in tables(nation, graph, scores=alone)}
    assert exported["scores.csv"] == given["scores.csv"]


def test_by_default_a_small_landscape_is_scored_here(monkeypatch: pytest.MonkeyPatch) -> None:
    land = democratie.examples.load("delft-zeven-van-delft")
    monkeypatch.setattr(_RUN, "_usable_cpus", lambda: 3)
    started = _spy_on_processes(monkeypatch)
    assert len(list(subjects(land))) < AUTO_MIN_SUBJECTS
    assert run(land, BUILTIN_RULES, workers=None) == run(land, BUILTIN_RULES)
    assert started == []


def test_by_default_one_process_where_starting_others_is_unsafe(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_RUN, "_usable_cpus", lambda: 3)
    found: list[int] = []
    thread = threading.Thread(target=lambda: found.append(default_workers()))
    thread.start()
    thread.join()
    assert found == [1]  # not from a thread: forking a threaded process is unsafe
    monkeypatch.setattr(_RUN.sys, "platform", "darwin")
    assert default_workers() == 1  # processes would be spawned: scripts need a main guard

"""Run scoring rules over a landscape: every rule on every subject it applies to.

:func:`run` is the scoring layer's entry point. It takes the rules explicitly:
the registered rules (built-in and from plugins) are gathered one layer up, by
:func:`democratie.score`, which then calls this function.

Examples
--------
With ``workers=None``, a landscape of fewer than :data:`AUTO_MIN_SUBJECTS` subjects is
scored in this process, since starting others would cost more than it saves:

>>> AUTO_MIN_SUBJECTS
256
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import math
import multiprocessing
import os
import sys
import threading
import time
import warnings
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.reduction import ForkingPickler

import attrs

from democratie._numbers import decimal
from democratie.graph import StakeholderGraph, build_graph
from democratie.model import Initiative, Landscape
from democratie.scoring._limit import STOPPED, call_within, paused
from democratie.scoring.context import ScoringContext
from democratie.scoring.rule import ScoringRule, check_rule
from democratie.scoring.score import Score, Subject, SubjectKind
from democratie.scoring.scorecard import RuleFailure, Scorecard, Scorecards

__all__ = ["AUTO_MIN_SUBJECTS", "default_workers", "run", "subjects"]


def subjects(landscape: Landscape, kind: SubjectKind | None = None) -> Iterator[Subject]:
    """Yield the subjects of a landscape that rules can score, in scorecard order.

    Municipalities first, then initiatives, then networks, each in document
    order; only those of *kind* when it is given.

    Examples
    --------
    >>> import democratie.examples
    >>> land = democratie.examples.load("delft-zeven-van-delft")
    >>> [subject.id for subject in subjects(land, "initiative")]
    ['de-zeven-van-delft', 'workshop-zeven-van-delft']
    """
    if kind in (None, "municipality"):
        yield from landscape.municipalities
    if kind in (None, "initiative"):
        yield from landscape.initiatives
    if kind in (None, "network"):
        yield from landscape.networks


#: With ``workers=None``, fewer subjects than this are scored in this process: starting other
#: processes would take longer than scoring them.
AUTO_MIN_SUBJECTS = 256


def default_workers() -> int:
    """How many processes ``workers=None`` scores in: every CPU this process may use, or one.

    Every CPU (``os.process_cpu_count()``, or the CPUs this process is allowed to run on)
    where processes can be forked (Linux and other Unix systems but macOS) and this is the
    main thread with no other thread running; one elsewhere, since starting processes there
    asks more of the program (see :func:`run`) or is unsafe.

    Examples
    --------
    >>> from democratie.scoring import default_workers
    >>> default_workers() >= 1
    True
    """
    forking = "fork" in multiprocessing.get_all_start_methods() and sys.platform != "darwin"
    if (
        not forking
        or threading.current_thread() is not threading.main_thread()
        or threading.active_count() > 1
        or multiprocessing.current_process().daemon
    ):
        return 1
    return _usable_cpus()


def _usable_cpus() -> int:
    counted = getattr(os, "process_cpu_count", None)  # Python 3.13
    if counted is not None:
        return max(1, counted() or 1)
    affinity = getattr(os, "sched_getaffinity", None)
    if affinity is not None:
        return max(1, len(affinity(0)))
    return max(1, os.cpu_count() or 1)  # pragma: no cover - systems without affinity


def _kind(subject: Subject, landscape: Landscape) -> SubjectKind:
    kind = landscape.kind_of(subject.id)
    assert kind in ("municipality", "initiative", "network")
    return kind


def run(
    landscape: Landscape,
    rules: Sequence[ScoringRule],
    *,
    graph: StakeholderGraph | None = None,
    graph_builder: Callable[[Landscape], StakeholderGraph] | None = None,
    as_of: dt.date | None = None,
    only: Collection[str] | None = None,
    seed: int = 0,
    strict: bool = False,
    time_budget: float | None = None,
    workers: int | None = 1,
) -> Scorecards:
    """Score every subject of *landscape* with every rule that applies to its kind.

    Parameters
    ----------
    landscape
        The landscape to score.
    rules
        The rules to run, in order (say :data:`democratie.scoring.rules.BUILTIN_RULES`).
    graph
        The landscape's stakeholder graph, when the caller has built it (with
        plugin enrichments, say); otherwise it is built once, on first use, and
        shared by all rules.
    graph_builder
        What builds the graph when it is needed and *graph* is not given;
        :func:`democratie.graph.build_graph` by default.
    as_of
        The day to judge deadlines against; see :class:`ScoringContext`.
    only
        Ids of the subjects to score; all when None.
    seed
        Seed for the analyses that sample.
    strict
        Raise the first failure of a rule instead of recording it in
        :attr:`Scorecards.failures`.
    time_budget
        The most seconds one rule may take on one subject. A rule still running
        then is stopped (interrupted where it is, by a timer signal in the main
        thread; elsewhere it is left running in a thread of its own and no
        longer waited for), recorded as a failure with the code
        ``"over-budget"``, and its score left out; the other rules and
        subjects go on (with *strict*, :class:`TimeoutError` is raised). The
        time spent building the stakeholder graph on its first use is not
        counted. None (the default) sets no limit. A limit makes the result
        depend on the speed of the machine when a rule comes near it, so set
        it well above what the rules take.
    workers
        How many processes score at once (1, the default, scores in this
        process; None, as many as :func:`default_workers` gives, but one for
        fewer than :data:`AUTO_MIN_SUBJECTS` subjects). With more, the subjects are
        shared out by municipality, so
        that what their rules share (the champion standings of a municipality,
        say) is computed once, and the scorecards are put back in their order:
        the result is the same as with one process. The stakeholder graph is
        built first, here. Where the operating system can fork (Linux and other
        Unix systems but macOS), the other processes start as copies of this
        one; elsewhere the landscape, the graph and the rules are sent to them
        (start such a script under ``if __name__ == "__main__":``, as
        :mod:`multiprocessing` asks), and when that is impossible (a rule
        defined inside a function or in ``__main__``), scoring runs in this
        process alone, as it does in a daemon process. Should a process die, a
        :class:`RuntimeWarning` says so and the subjects are scored here. With
        *strict*, the failure raised is the one a single process would raise
        first. Rules must not rely on state they keep between subjects.

    Returns
    -------
    Scorecards
        One scorecard per subject that at least one rule applies to.

    Raises
    ------
    ValueError
        When a rule is not a well-formed scoring rule, two rules share a name,
        *time_budget* is not a positive number, or *workers* is neither None nor
        a whole number of at least 1.
    Exception
        With ``strict=True``, whatever a rule raised; a wrong result raises
        :class:`TypeError` or :class:`ValueError`, a rule over its time budget
        :class:`TimeoutError`.

    Examples
    --------
    >>> import democratie
    >>> from democratie.scoring import run
    >>> from democratie.scoring.rules import DomainCoverage
    >>> land = democratie.loads('''
    ... format = "democratie/1"
    ... [[initiatives]]
    ... id = "challenge"
    ... kind = "challenge"
    ... title = "Samenleving Voorop"
    ... domains = ["bestuur"]
    ... required_domains = ["bestuur", "zorg"]
    ... ''')
    >>> cards = run(land, [DomainCoverage()])
    >>> cards["challenge"]["domain_coverage"].value
    0.5

    With a time budget, a rule that hangs is stopped and named, and the others run:

    >>> import time
    >>> class Hangs(DomainCoverage):
    ...     def evaluate(self, subject, context):
    ...         time.sleep(3600)
    >>> cards = run(land, [Hangs(name="hangs"), DomainCoverage()], time_budget=0.05)
    >>> [(f.rule, f.subject, f.code) for f in cards.failures]
    [('hangs', 'challenge', 'over-budget')]
    >>> cards["challenge"]["domain_coverage"].value
    0.5
    """
    _check_rules(rules)
    _check_budget(time_budget)
    _check_workers(workers)
    clock = _GraphClock(graph_builder or build_graph)
    context = ScoringContext(
        landscape, graph=graph, graph_builder=clock.build, as_of=as_of, seed=seed
    )
    wanted = None if only is None else set(only)
    kinds = {rule.applies_to for rule in rules}
    chosen = [
        subject
        for subject in subjects(landscape)
        if (wanted is None or subject.id in wanted) and _kind(subject, landscape) in kinds
    ]
    if workers is None:
        workers = default_workers() if len(chosen) >= AUTO_MIN_SUBJECTS else 1
    job = _Job(rules=tuple(rules), context=context, strict=strict, budget=time_budget, clock=clock)
    outcomes: list[_Outcome] | None = None
    with _collector_spared() as spared:
        clock.spared = spared
        if workers > 1 and len(chosen) > 1:
            outcomes = _in_parallel(job, chosen, workers, spared=spared)
        if outcomes is None:
            outcomes = [job.score(subject) for subject in chosen]
    return Scorecards(
        cards=tuple(card for card, _ in outcomes),
        rules=tuple(rule.name for rule in rules),
        failures=tuple(failure for _, found in outcomes for failure in found),
    )


_Outcome = tuple[Scorecard, list[RuleFailure]]


class _Job:
    """Everything it takes to score one subject: the rules, the shared context, the settings."""

    def __init__(
        self,
        *,
        rules: tuple[ScoringRule, ...],
        context: ScoringContext,
        strict: bool,
        budget: float | None,
        clock: _GraphClock,
    ) -> None:
        self.rules = rules
        self.context = context
        self.strict = strict
        self.budget = budget
        self.clock = clock

    def score(self, subject: Subject) -> _Outcome:
        landscape = self.context.landscape
        kind = _kind(subject, landscape)
        scores: list[Score] = []
        failures: list[RuleFailure] = []
        for rule in self.rules:
            if rule.applies_to != kind:
                continue
            outcome = _score_one(
                rule,
                subject,
                self.context,
                strict=self.strict,
                budget=self.budget,
                clock=self.clock,
            )
            if isinstance(outcome, RuleFailure):
                failures.append(outcome)
            else:
                scores.append(outcome)
        card = Scorecard(
            subject=subject.id, kind=kind, title=landscape.name_of(subject.id), scores=tuple(scores)
        )
        return card, failures


def _check_workers(workers: object) -> None:
    if workers is None:
        return
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        message = (
            f"workers must be a whole number of processes, 1 or more, or None, got {workers!r}"
        )
        raise ValueError(message)


def _in_parallel(
    job: _Job, chosen: list[Subject], workers: int, *, spared: bool
) -> list[_Outcome] | None:
    """Score *chosen* in up to *workers* processes, in order; None to score them here instead.

    None when this process may not start others (it is a daemon, such as a worker of a
    pool), when there is only one group of subjects to share out, when the job cannot be
    sent to a spawned process (a rule defined in a function or in ``__main__``), or when a
    process died (a warning says so, and the work is redone here).
    """
    if multiprocessing.current_process().daemon:
        return None
    chunks = _chunks(chosen, workers)
    if len(chunks) < 2:
        return None
    forking = "fork" in multiprocessing.get_all_start_methods() and sys.platform != "darwin"
    if not forking and any(type(rule).__module__ == "__main__" for rule in job.rules):
        return None  # a spawned process could not find the rule's class
    context = job.context
    with contextlib.suppress(Exception):  # a builder that fails, fails for each rule as usual
        # Built once, here, not in every process; the others need no builder then.
        context = ScoringContext(
            context.landscape, graph=context.graph, as_of=context.as_of, seed=context.seed
        )
        job = _Job(
            rules=job.rules,
            context=context,
            strict=job.strict,
            budget=job.budget,
            clock=_GraphClock(build_graph),
        )
    if spared:
        # The graph built above too: the collector writes to every object it goes over, and
        # a forked process would copy each page it so touches.
        gc.freeze()
    outcomes: list[_Outcome | None] = [None] * len(chosen)
    raised: dict[int, BaseException] = {}
    try:
        # A forked process inherits the job; a spawned one is sent it, pickled.
        with ProcessPoolExecutor(
            max_workers=min(workers, len(chunks)),
            mp_context=multiprocessing.get_context("fork" if forking else "spawn"),
            initializer=_start_worker,
            initargs=(job, chosen),
        ) as pool:
            for positions, (done, failure) in zip(
                chunks, pool.map(_score_chunk, chunks), strict=True
            ):
                for position, outcome in zip(positions, done, strict=False):
                    outcomes[position] = outcome
                if failure is not None:
                    raised[failure[0]] = failure[1]
    except BrokenProcessPool as error:  # a process died: the OOM killer, a crash
        message = (
            f"scoring in {workers} processes failed ({error}); "
            "the subjects are scored in this process instead"
        )
        warnings.warn(message, RuntimeWarning, stacklevel=3)
        return None
    except Exception:
        if forking:
            raise
        return None  # the job cannot be pickled to send it: score here
    if raised:
        # With strict, what one process would raise: the first failure in subject order,
        # raised again here, so that it keeps its own type and traceback.
        first = min(raised)
        job.score(chosen[first])
        raise raised[first]
    assert all(outcome is not None for outcome in outcomes)
    return outcomes  # type: ignore[return-value]


# What a worker process scores: set once in each, by _start_worker.
_WORK: tuple[_Job, list[Subject]] | None = None


def _start_worker(job: _Job, chosen: list[Subject]) -> None:
    global _WORK
    _WORK = (job, chosen)


def _score_chunk(
    positions: list[int],
) -> tuple[list[_Outcome], tuple[int, BaseException] | None]:
    """Score the subjects at *positions*, in order, up to the first that raises (with strict)."""
    assert _WORK is not None
    job, chosen = _WORK
    done: list[_Outcome] = []
    for position in positions:
        try:
            done.append(_sendable(job.score(chosen[position])))
        except Exception as error:
            return done, (position, _sent(error))
    return done, None


def _chunks(chosen: list[Subject], workers: int) -> list[list[int]]:
    """The positions of *chosen*, grouped by the municipality they belong to, in balanced chunks.

    A municipality and its own initiatives go together, so that what is computed once per
    municipality is computed in one process only; initiatives of several municipalities or
    none and networks each make a group of their own. The groups are dealt out to about
    eight chunks per process, the largest first, each to the chunk with the least so far.
    """
    groups: dict[str, list[int]] = {}
    for position, subject in enumerate(chosen):
        scope = subject.id
        if isinstance(subject, Initiative) and len(subject.municipalities) == 1:
            scope = subject.municipalities[0]
        groups.setdefault(scope, []).append(position)
    count = min(len(groups), 8 * workers)
    chunks: list[list[int]] = [[] for _ in range(count)]
    for group in sorted(groups.values(), key=len, reverse=True):
        min(chunks, key=len).extend(group)
    return sorted((sorted(chunk) for chunk in chunks if chunk), key=lambda chunk: chunk[0])


def _sendable(outcome: _Outcome) -> _Outcome:
    """The outcome, any exception a failure holds that cannot go to another process replaced."""
    card, failures = outcome
    kept = []
    for failure in failures:
        if failure.exception is not None:
            failure = attrs.evolve(failure, exception=_sent(failure.exception))
        kept.append(failure)
    return card, kept


def _sent(error: BaseException) -> BaseException:
    """The exception, or a RuntimeError naming it when it does not survive a round trip.

    An exception whose arguments do not rebuild it, or that holds itself (networkx's
    ``PowerIterationFailedConvergence`` does), cannot go from one process to another.
    """
    try:
        ForkingPickler.loads(ForkingPickler.dumps(error))
    except Exception:
        return RuntimeError(f"{type(error).__name__}: {error}")
    return error


def _check_rules(rules: Iterable[ScoringRule]) -> None:
    seen: set[str] = set()
    for position, rule in enumerate(rules):
        problems = check_rule(rule)
        if problems:
            message = f"rules[{position}] ({rule!r}) is not a scoring rule: " + "; ".join(problems)
            raise ValueError(message)
        if rule.name in seen:
            message = f"two rules are named {rule.name!r}; rule names must be unique"
            raise ValueError(message)
        seen.add(rule.name)


def _check_budget(budget: object) -> None:
    if budget is None:
        return
    if (
        isinstance(budget, bool)
        or not isinstance(budget, (int, float))
        or not math.isfinite(budget)
        or budget <= 0
    ):
        message = f"time_budget must be a positive number of seconds or None, got {budget!r}"
        raise ValueError(message)


class _GraphClock:
    """Builds the graph on first use and keeps the time that took, not to charge it to a rule.

    While the collector is spared (see :func:`_collector_spared`), the graph just built is
    frozen with what was there before: it lives as long as the run.
    """

    def __init__(self, builder: Callable[[Landscape], StakeholderGraph]) -> None:
        self._builder = builder
        self.seconds = 0.0
        self.spared = False

    def build(self, landscape: Landscape) -> StakeholderGraph:
        start = time.perf_counter()
        try:
            with paused():
                graph = self._builder(landscape)
        finally:
            self.seconds += time.perf_counter() - start
        if self.spared:
            gc.freeze()
        return graph


@contextlib.contextmanager
def _collector_spared() -> Iterator[bool]:
    """Keep the cyclic garbage collector's full passes off what exists when scoring starts.

    The landscape and its graph (millions of objects for a nation) live through the whole
    run and hold no garbage, yet every full pass of the collector goes over all of them:
    as scorecards accumulate, that made scoring a nation cost more per subject than scoring
    a province. :func:`gc.freeze` sets them aside until the run ends; what the rules make
    is collected as usual. Yields whether it did so: not when the collector is off, or when
    the program froze objects itself (their unfreezing is the program's to decide).
    """
    if not gc.isenabled() or gc.get_freeze_count():
        yield False
        return
    gc.freeze()
    try:
        yield True
    finally:
        gc.unfreeze()


def _score_one(
    rule: ScoringRule,
    subject: Subject,
    context: ScoringContext,
    *,
    strict: bool,
    budget: float | None = None,
    clock: _GraphClock | None = None,
) -> Score | RuleFailure:
    spent = 0.0
    try:
        if budget is None:
            outcome: object = rule.score(subject, context)
        else:
            outcome, spent = call_within(budget, lambda: rule.score(subject, context))
    except BaseException as error:
        if isinstance(error, KeyboardInterrupt):
            raise
        if strict:
            if isinstance(error, Exception):
                raise
            # SystemExit and the like would end the program: raised as what they are, a failure.
            message = f"rule {rule.name!r} on {subject.id!r} raised {type(error).__name__}"
            raise RuntimeError(f"{message}: {error}") from error
        text = f"{type(error).__name__}: {error}"
        return RuleFailure(
            rule=rule.name,
            subject=subject.id,
            code="raised",
            message=text,
            message_nl=f"de regel gaf een fout: {text}",
            exception=error,
        )
    if outcome is STOPPED:
        assert budget is not None
        message = f"it was stopped after {budget:g} s, its time limit"
        if strict:
            raise TimeoutError(f"rule {rule.name!r} on {subject.id!r}: {message}")
        return RuleFailure(
            rule=rule.name,
            subject=subject.id,
            code="over-budget",
            message=message,
            message_nl=f"de regel is na {_nl(budget)} s gestopt: dat is zijn tijdslimiet",
        )
    problem: tuple[str, str] | None = None
    code = "wrong-score"
    if not isinstance(outcome, Score):
        code = "wrong-type"
        returned = type(outcome).__name__
        problem = (
            f"it returned {returned}, not a Score",
            f"de regel gaf een {returned} terug, geen Score",
        )
    elif outcome.rule != rule.name:
        problem = (
            f"the score names the rule {outcome.rule!r}",
            f"de score noemt de regel {outcome.rule!r}",
        )
    elif outcome.subject != subject.id:
        problem = (
            f"the score names the subject {outcome.subject!r}",
            f"de score noemt het onderwerp {outcome.subject!r}",
        )
    elif tuple(outcome.value_range) != tuple(rule.value_range):
        problem = (
            f"the score's range {outcome.value_range} differs from the rule's {rule.value_range}",
            (
                f"het bereik van de score, {outcome.value_range}, wijkt af van dat van de "
                f"regel, {rule.value_range}"
            ),
        )
    elif outcome.value is not None and not _within(outcome.value, outcome.value_range):
        # A Score checks its value when made; this catches one altered after that.
        problem = (
            f"the score's value {outcome.value!r} is not a number within {rule.value_range}",
            f"de waarde van de score, {outcome.value!r}, is geen getal binnen {rule.value_range}",
        )
    # Over the limit though not stopped: the rule caught its stop, or nothing could stop it.
    if problem is None and budget is not None and spent > budget:
        message = f"it took {spent:.3f} s, more than its time limit of {budget:g} s"
        if strict:
            raise TimeoutError(f"rule {rule.name!r} on {subject.id!r}: {message}")
        return RuleFailure(
            rule=rule.name,
            subject=subject.id,
            code="over-budget",
            message=message,
            message_nl=(
                f"de regel deed er {_nl(spent, '.3f')} s over, langer dan zijn tijdslimiet "
                f"van {_nl(budget)} s"
            ),
        )
    if problem is None:
        assert isinstance(outcome, Score)
        return outcome
    if strict:
        error_type = TypeError if code == "wrong-type" else ValueError
        raise error_type(f"rule {rule.name!r} on {subject.id!r}: {problem[0]}")
    return RuleFailure(
        rule=rule.name, subject=subject.id, code=code, message=problem[0], message_nl=problem[1]
    )


def _nl(seconds: float, spec: str = "g") -> str:
    """A number of seconds as Dutch writes it, with a decimal comma."""
    return decimal(seconds, spec)


def _within(value: object, value_range: tuple[float, float]) -> bool:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    low, high = value_range
    return math.isfinite(value) and low <= value <= high

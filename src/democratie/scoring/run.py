"""Run scoring rules over a landscape: every rule on every subject it applies to.

:func:`run` is the scoring layer's entry point. It takes the rules explicitly:
the registered rules (built-in and from plugins) are gathered one layer up, by
:func:`democratie.score`, which then calls this function.
"""

from __future__ import annotations

import datetime as dt
import math
import time
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence

from democratie.graph import StakeholderGraph, build_graph
from democratie.model import Landscape
from democratie.scoring.context import ScoringContext
from democratie.scoring.rule import ScoringRule, check_rule
from democratie.scoring.score import Score, Subject, SubjectKind
from democratie.scoring.scorecard import RuleFailure, Scorecard, Scorecards

__all__ = ["run", "subjects"]


def subjects(landscape: Landscape, kind: SubjectKind | None = None) -> Iterator[Subject]:
    """Yield the subjects of a landscape that rules can score, in scorecard order.

    Municipalities first, then initiatives, then networks, each in document
    order; only those of *kind* when it is given.
    """
    if kind in (None, "municipality"):
        yield from landscape.municipalities
    if kind in (None, "initiative"):
        yield from landscape.initiatives
    if kind in (None, "network"):
        yield from landscape.networks


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
        The most seconds one rule may take on one subject. A rule that takes
        longer is recorded as a failure with the code ``"over-budget"`` and its
        score is left out (with *strict*, :class:`TimeoutError` is raised). The
        rule is not interrupted: its time is measured when it returns, without
        the time spent building the stakeholder graph on its first use. None
        (the default) sets no limit. A budget makes the result depend on the
        speed of the machine, so leave it off where scores must be reproducible.

    Returns
    -------
    Scorecards
        One scorecard per subject that at least one rule applies to.

    Raises
    ------
    ValueError
        When a rule is not a well-formed scoring rule, two rules share a name,
        or *time_budget* is not a positive number.
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

    With a time budget, a rule that is too slow is a failure, named:

    >>> import time
    >>> class Slow(DomainCoverage):
    ...     def score(self, subject, context):
    ...         time.sleep(0.02)
    ...         return super().score(subject, context)
    >>> cards = run(land, [Slow()], time_budget=0.01)
    >>> [(f.rule, f.subject, f.code) for f in cards.failures]
    [('domain_coverage', 'challenge', 'over-budget')]
    """
    _check_rules(rules)
    _check_budget(time_budget)
    clock = _GraphClock(graph_builder or build_graph)
    context = ScoringContext(
        landscape, graph=graph, graph_builder=clock.build, as_of=as_of, seed=seed
    )
    wanted = None if only is None else set(only)
    cards: list[Scorecard] = []
    failures: list[RuleFailure] = []
    for subject in subjects(landscape):
        if wanted is not None and subject.id not in wanted:
            continue
        kind = _kind(subject, landscape)
        applicable = [rule for rule in rules if rule.applies_to == kind]
        if not applicable:
            continue
        scores: list[Score] = []
        for rule in applicable:
            outcome = _score_one(
                rule, subject, context, strict=strict, budget=time_budget, clock=clock
            )
            if isinstance(outcome, RuleFailure):
                failures.append(outcome)
            else:
                scores.append(outcome)
        cards.append(
            Scorecard(
                subject=subject.id,
                kind=kind,
                title=landscape.name_of(subject.id),
                scores=tuple(scores),
            )
        )
    return Scorecards(
        cards=tuple(cards),
        rules=tuple(rule.name for rule in rules),
        failures=tuple(failures),
    )


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
    """Builds the graph on first use and keeps the time that took, not to charge it to a rule."""

    def __init__(self, builder: Callable[[Landscape], StakeholderGraph]) -> None:
        self._builder = builder
        self.seconds = 0.0

    def build(self, landscape: Landscape) -> StakeholderGraph:
        start = time.perf_counter()
        try:
            return self._builder(landscape)
        finally:
            self.seconds += time.perf_counter() - start


def _score_one(
    rule: ScoringRule,
    subject: Subject,
    context: ScoringContext,
    *,
    strict: bool,
    budget: float | None = None,
    clock: _GraphClock | None = None,
) -> Score | RuleFailure:
    building = clock.seconds if clock is not None else 0.0
    start = time.perf_counter()
    try:
        outcome: object = rule.score(subject, context)
    except Exception as error:
        if strict:
            raise
        return RuleFailure(
            rule=rule.name,
            subject=subject.id,
            code="raised",
            message=f"{type(error).__name__}: {error}",
            exception=error,
        )
    problem: str | None = None
    code = "wrong-score"
    if not isinstance(outcome, Score):
        code = "wrong-type"
        problem = f"it returned {type(outcome).__name__}, not a Score"
    elif outcome.rule != rule.name:
        problem = f"the score names the rule {outcome.rule!r}"
    elif outcome.subject != subject.id:
        problem = f"the score names the subject {outcome.subject!r}"
    elif tuple(outcome.value_range) != tuple(rule.value_range):
        problem = (
            f"the score's range {outcome.value_range} differs from the rule's {rule.value_range}"
        )
    elif outcome.value is not None and not _within(outcome.value, outcome.value_range):
        # A Score checks its value when made; this catches one altered after that.
        problem = f"the score's value {outcome.value!r} is not a number within {rule.value_range}"
    if problem is None and budget is not None:
        spent = time.perf_counter() - start
        if clock is not None:
            spent -= clock.seconds - building
        if spent > budget:
            message = f"it took {spent:.3f} s, more than the time budget of {budget:g} s"
            if strict:
                raise TimeoutError(f"rule {rule.name!r} on {subject.id!r}: {message}")
            return RuleFailure(
                rule=rule.name, subject=subject.id, code="over-budget", message=message
            )
    if problem is None:
        assert isinstance(outcome, Score)
        return outcome
    if strict:
        error_type = TypeError if code == "wrong-type" else ValueError
        raise error_type(f"rule {rule.name!r} on {subject.id!r}: {problem}")
    return RuleFailure(rule=rule.name, subject=subject.id, code=code, message=problem)


def _within(value: object, value_range: tuple[float, float]) -> bool:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    low, high = value_range
    return math.isfinite(value) and low <= value <= high

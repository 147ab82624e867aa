"""The scoring framework: scores, scorecards, composers, the context and the runner."""

from __future__ import annotations

import math
import time
from typing import ClassVar

import pytest
from attrs import frozen

from democratie import examples
from democratie.graph import StakeholderGraph, build_graph
from democratie.model import Initiative, Landscape
from democratie.plugins import score
from democratie.scoring import (
    BaseRule,
    Bilingual,
    Evidence,
    Score,
    Scorecard,
    Scorecards,
    ScoringContext,
    Subject,
    SubjectKind,
    check_rule,
    hard_fail_first,
    run,
    weakest_link,
    weighted_mean,
)
from democratie.scoring.rules import BUILTIN_RULES, DomainCoverage, by_name

TEXT = Bilingual(nl="uitleg", en="explanation")


def _score(rule: str, value: float | None, subject: str = "x", **kwargs: object) -> Score:
    return Score(rule=rule, subject=subject, value=value, explanation=TEXT, **kwargs)  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# Score
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [-0.1, 1.5, math.nan, math.inf])
def test_a_score_outside_its_range_is_refused(value: float) -> None:
    with pytest.raises(ValueError, match="outside its range"):
        _score("r", value)


def test_a_score_must_be_a_number() -> None:
    with pytest.raises(TypeError, match="must be a number or None"):
        _score("r", True)


def test_a_range_must_be_increasing() -> None:
    with pytest.raises(ValueError, match="low < high"):
        _score("r", 0.0, value_range=(1.0, 0.0))


def test_normalised_rescales_by_the_declared_range() -> None:
    assert _score("r", 5.0, value_range=(0.0, 10.0)).normalised == 0.5
    assert _score("r", None).normalised is None


def test_bilingual_text_needs_both_languages() -> None:
    with pytest.raises(ValueError, match="en must be non-empty text"):
        Bilingual(nl="tekst", en=" ")
    with pytest.raises(ValueError, match="unknown language"):
        TEXT.get("de")  # type: ignore[arg-type]


def test_evidence_prints_as_a_fact() -> None:
    assert str(Evidence(about="delft", fact="wijk_count", value=8)) == "delft: wijk_count = 8"


# --------------------------------------------------------------------------------------------
# Scorecards
# --------------------------------------------------------------------------------------------


def test_a_scorecard_is_a_mapping_by_rule() -> None:
    card = Scorecard(
        subject="x", kind="initiative", title="X", scores=(_score("a", 1.0), _score("b", None))
    )
    assert list(card) == ["a", "b"]
    assert card.values_by_rule() == {"a": 1.0, "b": None}
    assert [s.rule for s in card.applicable] == ["a"]
    with pytest.raises(KeyError, match="no score of rule 'c' for 'x'; scored rules: a, b"):
        card["c"]


def test_a_scorecard_refuses_scores_of_another_subject_or_twice_the_same_rule() -> None:
    with pytest.raises(ValueError, match="holds a score of 'y'"):
        Scorecard(subject="x", kind="initiative", title="X", scores=(_score("a", 1.0, "y"),))
    with pytest.raises(ValueError, match="two scores of 'a'"):
        Scorecard(
            subject="x", kind="initiative", title="X", scores=(_score("a", 1.0), _score("a", 0.0))
        )


def test_scorecards_give_rows_and_a_summary() -> None:
    cards = run(examples.load("stichtse-vecht-gebiedsgericht-werken"), BUILTIN_RULES)
    rows = cards.rows(lang="nl")
    assert len(rows) == sum(len(card) for card in cards.values())
    first = rows[0]
    assert set(first) == {
        "subject",
        "kind",
        "title",
        "rule",
        "value",
        "applicable",
        "out_of_scope",
        "explanation",
    }
    assert cards.summary()["gebiedsgericht-werken-2022"]["service_goal_alignment"] == 1.0
    assert [c.subject for c in cards.of_kind("municipality")] == ["stichtse-vecht"]
    assert repr(cards).startswith("<Scorecards: 6 subjects, 25 rules, 0 failures>")


# --------------------------------------------------------------------------------------------
# Composers
# --------------------------------------------------------------------------------------------


def test_weighted_mean_leaves_out_what_does_not_apply() -> None:
    scores = [_score("a", 1.0), _score("b", 0.0), _score("c", None)]
    assert weighted_mean(scores).value == 0.5
    assert weighted_mean(scores, weights={"a": 3}).value == 0.75
    assert weighted_mean(scores, weights={"a": 0, "b": 0}).value is None
    with pytest.raises(ValueError, match="must not be negative"):
        weighted_mean(scores, weights={"a": -1})


def test_composers_use_the_normalised_value() -> None:
    scores = [_score("ei", 0.0, value_range=(-1.0, 1.0)), _score("b", 1.0)]
    assert weighted_mean(scores).value == 0.75
    assert weakest_link(scores).value == 0.5


def test_weakest_link_names_the_weakest_rule_first() -> None:
    result = weakest_link([_score("a", 0.9), _score("b", 0.2), _score("c", 0.5)])
    assert (result.value, result.evidence[0].fact) == (0.2, "b")
    assert weakest_link([_score("a", None)]).value is None


def test_hard_fail_first_fails_on_a_hard_minimum_and_composes_otherwise() -> None:
    scores = [_score("a", 0.9), _score("b", 0.3)]
    failed = hard_fail_first(scores, {"b": 0.5})
    assert failed.value == 0.0
    assert [e.fact for e in failed.evidence] == ["b"]
    passed = hard_fail_first(scores, {"b": 0.2}, then=weakest_link)
    assert passed.value == 0.3
    assert hard_fail_first([_score("a", None)], {"a": 0.5}).value is None


def test_composers_refuse_scores_of_several_subjects() -> None:
    with pytest.raises(ValueError, match="one subject"):
        weighted_mean([_score("a", 1.0, "x"), _score("a", 1.0, "y")])


# --------------------------------------------------------------------------------------------
# Rules and the runner
# --------------------------------------------------------------------------------------------


@frozen(kw_only=True)
class Counting(BaseRule):
    """Counts how often it runs and whether the graph was built when it ran."""

    name: str = "test.counting"
    title: ClassVar[Bilingual] = TEXT
    applies_to: ClassVar[SubjectKind] = "initiative"
    source: ClassVar[str] = "tests"
    formula: ClassVar[str] = "1"
    calls: list[tuple[str, int]]
    use_graph: bool = False

    def evaluate(self, subject: Subject, context: ScoringContext) -> Score:
        graph_id = id(context.graph) if self.use_graph else 0
        self.calls.append((subject.id, graph_id))
        return self.result(subject, 1.0, nl="een", en="one")


def test_check_rule_lists_what_is_wrong() -> None:
    assert check_rule(DomainCoverage()) == []
    assert (
        "its name 'Bad Name' is not a rule name" in check_rule(DomainCoverage(name="Bad Name"))[0]
    )


def test_run_refuses_malformed_rules_and_duplicate_names() -> None:
    land = Landscape()
    with pytest.raises(ValueError, match=r"rules\[0\].*is not a scoring rule"):
        run(land, [object()])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="two rules are named 'domain_coverage'"):
        run(land, [DomainCoverage(), DomainCoverage()])


def test_the_graph_is_built_once_lazily_and_shared() -> None:
    land = examples.load("stichtse-vecht-gebiedsgericht-werken")
    calls: list[tuple[str, int]] = []
    built: list[StakeholderGraph] = []

    def builder(landscape: Landscape) -> StakeholderGraph:
        built.append(build_graph(landscape))
        return built[-1]

    run(land, [Counting(calls=calls)], graph_builder=builder)
    assert built == []
    run(
        land,
        [Counting(calls=calls, use_graph=True), Counting(name="b", calls=calls, use_graph=True)],
        graph_builder=builder,
    )
    assert len(built) == 1
    graph_ids = {graph_id for _, graph_id in calls if graph_id}
    assert graph_ids == {id(built[0])}


def test_only_restricts_the_subjects() -> None:
    land = examples.load("stichtse-vecht-gebiedsgericht-werken")
    cards = run(land, BUILTIN_RULES, only={"doorontwikkeling-organisatie"})
    assert list(cards) == ["doorontwikkeling-organisatie"]


def test_a_rule_of_another_kind_is_not_applicable_through_base_rule() -> None:
    land = examples.load("stichtse-vecht-gebiedsgericht-werken")
    context = ScoringContext(land)
    rule = by_name("bridging_vs_bonding")
    initiative = land.initiatives[0]
    result = rule.score(initiative, context)
    assert result.value is None
    assert result.explanation.en == "This rule is about a municipality, not an initiative."


@frozen
class WrongResult:
    name: str = "test.wrong"
    title: ClassVar[Bilingual] = TEXT
    applies_to: ClassVar[SubjectKind] = "initiative"
    source: ClassVar[str] = "tests"
    formula: ClassVar[str] = "-"
    value_range: ClassVar[tuple[float, float]] = (0.0, 1.0)
    returns: object = None

    def score(self, subject: Subject, context: ScoringContext) -> Score:
        return self.returns  # type: ignore[return-value]


@pytest.mark.parametrize(
    ("returns", "code", "message"),
    [
        (0.5, "wrong-type", "returned float, not a Score"),
        (_score("other", 0.5, "samenleving-voorop"), "wrong-score", "names the rule 'other'"),
        (_score("test.wrong", 0.5, "elsewhere"), "wrong-score", "names the subject 'elsewhere'"),
    ],
)
def test_a_wrong_result_is_a_recorded_failure(returns: object, code: str, message: str) -> None:
    land = examples.load("leusden-samenleving-voorop")
    cards = run(land, [WrongResult(returns=returns)], only={"samenleving-voorop"})
    (failure,) = cards.failures
    assert (failure.rule, failure.subject, failure.code) == (
        "test.wrong",
        "samenleving-voorop",
        code,
    )
    assert message in failure.message
    assert failure.message_nl is not None
    assert failure.message_in("nl") == failure.message_nl != failure.message
    assert len(cards["samenleving-voorop"]) == 0
    with pytest.raises((TypeError, ValueError), match=message):
        run(land, [WrongResult(returns=returns)], only={"samenleving-voorop"}, strict=True)


def test_scoring_is_deterministic() -> None:
    for name in examples.NAMES:
        land = examples.load(name)
        first, second = run(land, BUILTIN_RULES), run(examples.load(name), BUILTIN_RULES)
        assert first == second


def test_scoring_all_five_examples_is_quick() -> None:
    lands = [examples.load(name) for name in examples.NAMES]
    start = time.perf_counter()
    for land in lands:
        score(land)
    assert time.perf_counter() - start < 5.0


def test_score_runs_every_registered_rule_on_every_subject() -> None:
    land = examples.load("m50-leerkring-waalwijk")
    cards = score(land)
    assert isinstance(cards, Scorecards)
    assert cards.rules == tuple(rule.name for rule in BUILTIN_RULES)
    kinds = {card.kind for card in cards.values()}
    assert kinds == {"municipality", "initiative", "network"}
    for card in cards.values():
        expected = [r.name for r in BUILTIN_RULES if r.applies_to == card.kind]
        assert list(card) == expected
    assert isinstance(land.initiatives[0], Initiative)

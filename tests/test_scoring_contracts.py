"""The scoring-rule contract check of the plugin author kit, on good rules and on broken ones."""

from __future__ import annotations

from typing import ClassVar

import pytest
from attrs import frozen

from democratie.model import Initiative
from democratie.scoring import (
    BaseRule,
    Bilingual,
    Score,
    ScoringContext,
    ScoringRule,
    Subject,
    SubjectKind,
)
from democratie.scoring.rules import BUILTIN_RULES
from democratie.testing.contracts import ContractError, check_scoring_rule


@pytest.mark.parametrize("rule", BUILTIN_RULES, ids=lambda rule: rule.name)
def test_every_builtin_rule_keeps_the_contract(rule: ScoringRule) -> None:
    check_scoring_rule(rule, max_examples=15)


@frozen(kw_only=True)
class Broken(BaseRule):
    """A rule that breaks the contract in the way its *fault* says."""

    name: str = "test.broken"
    title: ClassVar[Bilingual] = Bilingual(nl="Kapot", en="Broken")
    applies_to: ClassVar[SubjectKind] = "initiative"
    source: ClassVar[str] = "tests"
    formula: ClassVar[str] = "-"
    fault: str
    calls: list[int]

    def evaluate(self, subject: Subject, context: ScoringContext) -> Score:
        assert isinstance(subject, Initiative)
        self.calls.append(1)
        if self.fault == "silent-zero":
            return self.result(subject, 0.0, nl="nul", en="zero")
        if subject.id == "bare":
            return self.not_applicable(subject, nl="niets", en="nothing")
        if self.fault == "raises" and subject.participants:
            message = "cannot handle participants"
            raise KeyError(message)
        if self.fault == "random":
            return self.result(subject, (len(self.calls) % 2) / 2, nl="x", en="x")
        if self.fault == "wrong-subject":
            return Score(rule=self.name, subject="elsewhere", value=None, explanation=self.title)
        return self.result(subject, 1.0, nl="een", en="one")


@pytest.mark.parametrize(
    ("fault", "message"),
    [
        ("silent-zero", "records nothing"),
        ("raises", "raised"),
        ("random", "not deterministic"),
        ("wrong-subject", "raised"),
    ],
)
def test_a_broken_rule_fails_the_contract_by_name(fault: str, message: str) -> None:
    with pytest.raises(ContractError, match=f"test.broken.*{message}|{message}.*test.broken"):
        check_scoring_rule(Broken(fault=fault, calls=[]), max_examples=50)


def test_a_rule_that_gives_a_value_to_a_bare_subject_can_say_so() -> None:
    check_scoring_rule(Broken(fault="silent-zero", calls=[]), bare_not_applicable=False)


def test_a_malformed_rule_is_refused_before_anything_runs() -> None:
    with pytest.raises(ContractError, match="is not a scoring rule: it has no attribute name"):
        check_scoring_rule(object())  # type: ignore[arg-type]

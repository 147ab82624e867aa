"""A rule that does not judge this kind of subject, told from a rule that lacks facts.

Each built-in rule marks its score ``out_of_scope`` only when the subject is not the kind it
judges; one changed fact of a seed moves the subject into scope (facts missing) or out.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from attrs import evolve

from democratie import examples
from democratie.cli import main
from democratie.model import Indicator, Landscape, Municipality
from democratie.scoring import Bilingual, Score, run
from democratie.scoring.compose import weakest_link
from democratie.scoring.rules import BUILTIN_RULES
from democratie.vocab import Direction, Initiator, TrajectoryElement

ROOT = Path(__file__).resolve().parents[1]
DELFT = str(ROOT / "examples" / "delft-zeven-van-delft.toml")


def _na(land: Landscape, subject: str) -> dict[str, Score]:
    card = run(land, BUILTIN_RULES)[subject]
    return {rule: score for rule, score in card.items() if not score.applicable}


def test_only_a_score_without_a_value_can_be_out_of_scope() -> None:
    explained = Bilingual(nl="x", en="x")
    with pytest.raises(ValueError, match="cannot be out of scope"):
        Score(rule="r", subject="s", value=0.5, explanation=explained, out_of_scope=True)
    with pytest.raises(TypeError, match="True or False"):
        Score(rule="r", subject="s", value=None, explanation=explained, out_of_scope=1)  # type: ignore[arg-type]
    score = Score.not_applicable("r", "s", nl="x", en="y", out_of_scope=True)
    assert score.out_of_scope
    assert not score.applicable
    assert "out of scope" in repr(score)
    assert "out of scope" in str(score)
    assert not Score.not_applicable("r", "s", nl="x", en="y").out_of_scope


def test_rules_about_trajectories_are_out_of_scope_until_it_is_one() -> None:
    land = examples.load("delft-zeven-van-delft")
    ini = next(i for i in land.initiatives if i.id == "de-zeven-van-delft")
    na = _na(land, ini.id)
    for rule in ("trajectory_conformance", "target_role_coverage", "intake_gate"):
        assert na[rule].out_of_scope, rule
    # One fact: the initiative is a development trajectory (it names an element).
    trajectory = evolve(ini, elements=(next(iter(TrajectoryElement)),))
    changed = evolve(
        land, initiatives=tuple(trajectory if i.id == ini.id else i for i in land.initiatives)
    )
    na = _na(changed, ini.id)
    assert "trajectory_conformance" not in na  # it now applies
    assert not na["target_role_coverage"].out_of_scope  # a trajectory without target roles
    assert not na["intake_gate"].out_of_scope  # a trajectory that asks for no commitments


def test_service_goals_are_in_scope_only_where_the_ambitions_are_used() -> None:
    land = examples.load("delft-zeven-van-delft")
    na = _na(land, "de-zeven-van-delft")
    assert na["service_goal_alignment"].out_of_scope
    assert "Stichtse Vecht" in na["service_goal_alignment"].explanation.en
    # One fact: Delft measures one of the ambitions, so the initiative could name them.
    indicator = Indicator(
        id="tevredenheid", goal="snelle_en_eenvoudige_dienstverlening", direction=Direction.OMHOOG
    )
    delft = land.get("delft")
    assert isinstance(delft, Municipality)
    measured = evolve(delft, indicators=(indicator,))
    changed = evolve(
        land, municipalities=tuple(measured if m.id == "delft" else m for m in land.municipalities)
    )
    assert not _na(changed, "de-zeven-van-delft")["service_goal_alignment"].out_of_scope


def test_a_network_of_municipalities_is_out_of_scope_for_sectors() -> None:
    land = examples.load("m50-leerkring-waalwijk")
    assert _na(land, "m50-leerkring-initiatief")["cross_sector_coverage"].out_of_scope


def test_who_started_an_initiative_decides_which_ladder_is_in_scope() -> None:
    land = examples.load("delft-zeven-van-delft")
    ini = next(i for i in land.initiatives if i.id == "de-zeven-van-delft")

    def with_initiator(initiator: Initiator | None) -> dict[str, Score]:
        changed = evolve(ini, initiator=initiator, level=None, government_role=None)
        other = evolve(
            land, initiatives=tuple(changed if i.id == ini.id else i for i in land.initiatives)
        )
        return _na(other, ini.id)

    unknown = with_initiator(None)
    assert not unknown["participation_level"].out_of_scope  # the initiator is data missing
    assert not unknown["government_role_fit"].out_of_scope
    society = with_initiator(Initiator.SAMENLEVING)
    assert society["participation_level"].out_of_scope
    assert not society["government_role_fit"].out_of_scope  # its role is to be recorded
    municipal = with_initiator(Initiator.GEMEENTE)
    assert municipal["government_role_fit"].out_of_scope
    assert not municipal["participation_level"].out_of_scope


def test_a_combined_score_is_out_of_scope_only_when_every_part_is() -> None:
    out = Score.not_applicable("a", "s", nl="x", en="x", out_of_scope=True)
    missing = Score.not_applicable("b", "s", nl="x", en="x")
    assert weakest_link([out, out]).out_of_scope
    assert not weakest_link([out, missing]).out_of_scope


def test_score_json_and_rows_carry_out_of_scope(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", DELFT, "--json", "--rule", "trajectory_conformance"]) == 0
    result = json.loads(capsys.readouterr().out)
    zeven = next(c for c in result["scorecards"] if c["subject"] == "de-zeven-van-delft")
    assert zeven["scores"][0]["value"] is None
    assert zeven["scores"][0]["out_of_scope"] is True
    rows = run(examples.load("delft-zeven-van-delft"), BUILTIN_RULES).rows()
    flagged = {(r["subject"], r["rule"]) for r in rows if r["out_of_scope"]}
    assert ("de-zeven-van-delft", "trajectory_conformance") in flagged
    assert ("de-zeven-van-delft", "council_at_the_front") not in flagged


def test_a_scorecard_in_a_notebook_tells_out_of_scope_from_missing() -> None:
    card = run(examples.load("delft-zeven-van-delft"), BUILTIN_RULES)["de-zeven-van-delft"]
    shown = card._repr_html_()
    assert shown.count("n/a (out of scope)") == len(card.out_of_scope) == 4
    assert "<td>n/a</td>" in shown  # a rule that lacks facts

"""The rule burgerberaad.oecd_principles: the contract, the principles one by one, properties."""

from __future__ import annotations

import pytest
from attrs import evolve
from democratie_burgerberaad import (
    DELIBERATIVE_KINDS,
    PRINCIPLES,
    OecdPrinciples,
    PrincipleCheck,
    assess,
)
from hypothesis import given, settings

import democratie
from democratie.model import Initiative, Landscape
from democratie.scoring import Score, run
from democratie.testing import strategies
from democratie.testing.contracts import check_scoring_rule
from democratie.vocab import CommitmentLevel, InitiativeKind

RULE = "burgerberaad.oecd_principles"

HEADER = """
format = "democratie/1"

[[municipalities]]
id = "leusden"
cbs_code = "GM0327"

[[organisations]]
id = "stichting-loting"
name = "Stichting Loting"
kind = "stichting"

[[organisations]]
id = "provincie-utrecht"
name = "Provincie Utrecht"
kind = "overheidsorganisatie"

[[people]]
id = "p-ambtenaar"
name = "Anna Ambtenaar"

[[people]]
id = "p-voorzitter"
name = "Vera Voorzitter"

[[people]]
id = "p-onbekend"
name = "Otto Onbekend"

[[roles]]
holder = "p-ambtenaar"
kind = "projectleider"
at = "leusden"

[[roles]]
holder = "p-voorzitter"
kind = "voorzitter"
at = "stichting-loting"
"""


def assembly(body: str, *, kind: str = "burgerberaad") -> tuple[Landscape, Initiative]:
    """A landscape with the shared header and one initiative with the given fields."""
    land = democratie.loads(
        HEADER
        + f"""
[[initiatives]]
id = "beraad"
kind = "{kind}"
title = "Burgerberaad Leusden"
municipalities = ["leusden"]
{body}
"""
    )
    initiative = land.get("beraad")
    assert isinstance(initiative, Initiative)
    return land, initiative


def score_of(land: Landscape, rule: OecdPrinciples | None = None) -> Score:
    return run(land, [rule or OecdPrinciples()])["beraad"][RULE]


def by_slug(checks: tuple[PrincipleCheck, ...]) -> dict[str, PrincipleCheck]:
    return {check.principle.slug: check for check in checks}


# --- The contract ----------------------------------------------------------------------------


def test_the_rule_keeps_the_contract() -> None:
    check_scoring_rule(OecdPrinciples())


def test_a_variant_keeps_the_contract() -> None:
    check_scoring_rule(
        OecdPrinciples(
            kinds=[InitiativeKind.BURGERBERAAD, InitiativeKind.EXPERIMENT],
            min_days=1,
            committed_levels=[CommitmentLevel.VOLLEDIG],
        ),
        max_examples=25,
    )


# --- The principles ----------------------------------------------------------------------------


def test_the_eleven_principles_in_order_five_of_them_visible() -> None:
    assert [p.number for p in PRINCIPLES] == list(range(1, 12))
    assert [p.slug for p in PRINCIPLES if p.visible] == [
        "purpose",
        "accountability",
        "time",
        "integrity",
        "evaluation",
    ]
    assert OecdPrinciples().hidden_principles == (
        "transparency",
        "representativeness",
        "inclusiveness",
        "information",
        "group_deliberation",
        "privacy",
    )


def test_an_assembly_that_records_everything_meets_all_five() -> None:
    land, _ = assembly(
        """
goals = ["Advies aan de raad over de warmtetransitie"]
led_by = ["stichting-loting"]
feedback_given = true
evaluated = true
commitments = [{ kind = "bestuurlijk", level = "toegezegd" }]
meetings = [
  { id = "dag-1", title = "Dag 1", kind = "werksessie", date = 2024-03-02 },
  { id = "dag-2", title = "Dag 2", kind = "werksessie", date = 2024-03-16 },
  { id = "dag-3", title = "Dag 3", kind = "werksessie", date = 2024-04-06 },
  { id = "dag-4", title = "Dag 4", kind = "slotbijeenkomst", date = 2024-04-20 },
]
"""
    )
    score = score_of(land)
    assert score.value == 1.0
    facts = {(e.fact, e.value) for e in score.evidence if e.about == "beraad"}
    for slug in ("purpose", "accountability", "time", "integrity", "evaluation"):
        assert (f"oecd.{slug}", "met") in facts
    for slug in OecdPrinciples().hidden_principles:
        assert (f"oecd.{slug}", "not visible") in facts
    assert score.recommendations == ()
    assert "5 of the 5" in score.explanation.en


def test_time_counts_distinct_meeting_days_against_four() -> None:
    land, initiative = assembly(
        """
meetings = [
  { id = "dag-1", title = "Ochtend", kind = "werksessie", date = 2024-03-02 },
  { id = "dag-1b", title = "Middag", kind = "werksessie", date = 2024-03-02 },
  { id = "later", title = "Nog te plannen", kind = "werksessie" },
]
"""
    )
    time = by_slug(assess(initiative, land))["time"]
    assert time.value == pytest.approx(2 / 4)
    assert time.status == "partly met"
    assert score_of(land).value == pytest.approx(0.5)
    assert by_slug(assess(initiative, land, min_days=2))["time"].status == "met"
    assert score_of(land, OecdPrinciples(min_days=2)).value == 1.0


@pytest.mark.parametrize(
    ("leaders", "status"),
    [
        (["stichting-loting"], "met"),
        (["p-voorzitter"], "met"),  # a person tied only to an independent foundation
        (["leusden"], "not met"),
        (["leusden-college"], "not met"),
        (["p-ambtenaar"], "not met"),  # a person with a role at the municipality
        (["provincie-utrecht"], "not met"),  # an organisation of the government sector
        (["p-onbekend"], "not recorded"),  # a person whose ties are unknown
        (["leusden", "p-onbekend"], "not recorded"),
        (["leusden", "stichting-loting"], "met"),
        ([], "not recorded"),
    ],
)
def test_integrity_asks_for_someone_at_arms_length(leaders: list[str], status: str) -> None:
    land, initiative = assembly(f"led_by = {leaders!r}".replace("'", '"'))
    assert by_slug(assess(initiative, land))["integrity"].status == status


@pytest.mark.parametrize(
    ("body", "value"),
    [
        ('commitments = [{ kind = "politiek", level = "volledig" }]', 1.0),
        ('commitments = [{ kind = "bestuurlijk", level = "beperkt" }]', 0.0),
        ('commitments = [{ kind = "ambtelijk", level = "volledig" }]', None),  # not a pledge
        ("feedback_given = false", 0.0),
        (
            'feedback_given = true\ncommitments = [{ kind = "bestuurlijk", level = "beperkt" }]',
            0.5,
        ),
        ("", None),
    ],
)
def test_accountability_is_a_pledge_and_a_response(body: str, value: float | None) -> None:
    land, initiative = assembly(body)
    assert by_slug(assess(initiative, land))["accountability"].value == value


def test_which_commitment_levels_count_as_a_pledge_is_a_parameter() -> None:
    land, _ = assembly('commitments = [{ kind = "bestuurlijk", level = "toegezegd" }]')
    assert score_of(land).value == 1.0
    assert score_of(land, OecdPrinciples(committed_levels=[CommitmentLevel.VOLLEDIG])).value == 0.0


def test_purpose_and_evaluation() -> None:
    land, initiative = assembly(
        'goals = ["Een advies over wonen"]\n'
        'evaluations = [{ date = 2024-06-20, method = "enquête onder de leden" }]'
    )
    checks = by_slug(assess(initiative, land))
    assert (checks["purpose"].status, checks["evaluation"].status) == ("met", "met")
    score = score_of(land)
    assert score.value == 1.0
    assert score.explanation.en.endswith(": purpose met, evaluation met.")
    assert score.explanation.nl.endswith(": doel voldaan, evaluatie voldaan.")


def test_an_older_document_that_says_not_evaluated_records_no_evaluation() -> None:
    land, initiative = assembly('goals = ["Een advies over wonen"]\nevaluated = false')
    checks = by_slug(assess(initiative, land))
    assert checks["evaluation"].status == "not recorded"
    assert score_of(land).explanation.en.endswith(": purpose met.")


# --- Not applicable --------------------------------------------------------------------------


def test_an_initiative_of_another_kind_is_not_applicable() -> None:
    land, _ = assembly("evaluated = true", kind="experiment")
    score = score_of(land)
    assert score.value is None
    assert "Not a citizens' assembly" in score.explanation.en


def test_an_assembly_that_records_nothing_is_not_applicable_with_advice() -> None:
    land, _ = assembly("")
    score = score_of(land)
    assert score.value is None
    assert "Nothing is recorded" in score.explanation.en
    assert len(score.recommendations) == 5


@pytest.mark.parametrize("kind", ["burgerforum", "g1000"])
def test_forums_and_g1000s_are_judged_too(kind: str) -> None:
    land, _ = assembly("evaluated = true", kind=kind)
    assert score_of(land).value == 1.0


def test_bad_parameters_are_refused() -> None:
    with pytest.raises(ValueError, match="min_days"):
        OecdPrinciples(min_days=0)
    land, initiative = assembly("")
    with pytest.raises(ValueError, match="min_days"):
        assess(initiative, land, min_days=0)


# --- Properties, over every landscape the model allows -----------------------------------------


def as_assemblies(land: Landscape) -> Landscape:
    """The same landscape with every initiative made a citizens' assembly."""
    return land.replace(*(evolve(i, kind=InitiativeKind.BURGERBERAAD) for i in land.initiatives))


@settings(max_examples=60, deadline=None)
@given(strategies.landscapes(max_initiatives=3).map(as_assemblies))
def test_the_score_is_the_mean_of_the_recorded_visible_principles(land: Landscape) -> None:
    rule = OecdPrinciples()
    cards = run(land, [rule])
    for initiative in land.initiatives:
        checks = assess(initiative, land)
        assert len(checks) == 11
        assert all(c.status == "not visible" for c in checks if not c.principle.visible)
        assert all(c.value is None for c in checks if not c.principle.visible)
        values = [c.value for c in checks if c.value is not None]
        score = cards[initiative.id][RULE]
        if values:
            assert score.value == pytest.approx(sum(values) / len(values))
        else:
            assert score.value is None
        statuses = {e.fact: e.value for e in score.evidence if e.fact.startswith("oecd.")}
        assert statuses == {f"oecd.{c.principle.slug}": c.status for c in checks}


@settings(max_examples=40, deadline=None)
@given(strategies.landscapes())
def test_the_kind_decides_whether_the_rule_applies_and_nothing_else(land: Landscape) -> None:
    rule = OecdPrinciples()
    cards = run(land, [rule])
    forums = land.replace(*(evolve(i, kind=InitiativeKind.BURGERFORUM) for i in land.initiatives))
    as_forums = run(forums, [rule])
    for initiative in land.initiatives:
        score = cards[initiative.id][RULE]
        if initiative.kind in DELIBERATIVE_KINDS:
            assert score.value == as_forums[initiative.id][RULE].value
        else:
            assert score.value is None
            assert score.explanation.en.startswith("Not a citizens' assembly")

"""Corrections to the built-in rules, each shown on the seed example it concerns.

Each test changes one fact of a seed example (or of a small landscape where the seed has
no place for the fact) and checks that the score moves as the seed text predicts, and
that a rule that does not apply says which key to record.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from typing import Any

import pytest
from attrs import evolve
from click.testing import CliRunner

import democratie
from democratie import examples
from democratie.cli import cli
from democratie.model import (
    Area,
    Initiative,
    Landscape,
    Meeting,
    Milestone,
    Municipality,
    Network,
    Organisation,
    Period,
    Person,
    Role,
)
from democratie.report import render
from democratie.scoring import Score, ScoringRule, run
from democratie.scoring.rules import (
    AreaCoverage,
    BridgingVsBonding,
    ChampionPresence,
    CommitmentTriad,
    CouncilAtTheFront,
    CrossSectorCoverage,
    DomainCoverage,
    EngagementFit,
    GovernmentRoleFit,
    SalienceCoverage,
    ServiceGoalAlignment,
    TimelineFeasibility,
    TrajectoryConformance,
)
from democratie.vocab import (
    ActorKind,
    AreaLevel,
    CommitmentLevel,
    GovernmentRole,
    InitiativeKind,
    Initiator,
    RoleKind,
    ServiceGoal,
)


def _score(
    rule: ScoringRule, land: Landscape, subject: str, *, as_of: dt.date | None = None
) -> Score:
    return run(land, [rule], as_of=as_of, strict=True)[subject][rule.name]


def _initiative(land: Landscape, initiative: str) -> Initiative:
    found = land.get(initiative)
    assert isinstance(found, Initiative)
    return found


def _change(land: Landscape, initiative: str, **changes: Any) -> Landscape:
    return land.replace(evolve(_initiative(land, initiative), **changes))


# --------------------------------------------------------------------------------------------
# trajectory_conformance: municipalities enrolled, meetings held
# --------------------------------------------------------------------------------------------

DIA = "democratie-in-actie-noord-nederland"
TRAJECT = "dia-ontwikkeltraject-organisatieontwikkeling"


def test_trajectory_conformance_counts_enrolled_municipalities_not_the_target() -> None:
    land = examples.load(DIA)
    call = _score(TrajectoryConformance(), land, TRAJECT)
    # The call aims for ten municipalities and none has joined: the cohort is not in place.
    assert call.value == pytest.approx(5 / 7)
    assert "about 10 municipalities enrolled (0 enrolled, 10 aimed for)" in call.explanation.en
    assert "ongeveer 10 gemeenten ingeschreven (0 ingeschreven, 10 beoogd)" in call.explanation.nl
    cohort = {e.fact: e.value for e in call.evidence}["cohort"]
    assert cohort == 0
    # Ten of the municipalities whose intake was held join: now the cohort is there.
    held = [i.municipality for i in _initiative(land, TRAJECT).intakes if i.held][:10]
    joined = _change(land, TRAJECT, municipalities=tuple(held))
    assert _score(TrajectoryConformance(), joined, TRAJECT).value == pytest.approx(6 / 7)
    # A target alone, without the municipalities, never meets it.
    bigger = _change(land, TRAJECT, target_municipalities=10, municipalities=())
    assert _score(TrajectoryConformance(), bigger, TRAJECT).value == pytest.approx(5 / 7)


def test_trajectory_conformance_counts_meetings_held_not_planned() -> None:
    land = examples.load(DIA)
    call = _score(TrajectoryConformance(), land, TRAJECT)
    assert "at least 3 regional meetings held (0 held, 3 planned)" in call.explanation.en
    assert any("Hold at least 3 regional meetings" in r.en for r in call.recommendations)
    traject = _initiative(land, TRAJECT)

    def hold(meeting: Meeting, day: dt.date) -> Meeting:
        if meeting.kind.value != "regionale_bijeenkomst":
            return meeting
        return evolve(meeting, held=True, date=day, when=None)

    day = dt.date(2019, 6, 1)
    held = _change(land, TRAJECT, meetings=tuple(hold(m, day) for m in traject.meetings))
    assert _score(TrajectoryConformance(), held, TRAJECT).value == pytest.approx(6 / 7)
    # Judged on a day before they took place, the three were not held yet.
    early = _score(TrajectoryConformance(), held, TRAJECT, as_of=dt.date(2019, 3, 1))
    assert early.value == pytest.approx(5 / 7)
    assert "(0 held, 3 planned)" in early.explanation.en


# --------------------------------------------------------------------------------------------
# government_role_fit: the initiator, and who carries the work
# --------------------------------------------------------------------------------------------

DELFT = "delft-zeven-van-delft"
ZEVEN = "de-zeven-van-delft"


def test_government_role_fit_does_not_judge_an_initiative_whose_initiator_is_unknown() -> None:
    score = _score(GovernmentRoleFit(), examples.load(DELFT), ZEVEN)
    # Delft's text never says who started the approach.
    assert score.value is None
    assert "The municipality's role 'orchestrate' is recorded" in score.explanation.en
    assert "Record initiator (gemeente or samenleving)" in score.explanation.en
    assert "Leg initiator vast (gemeente of samenleving)" in score.explanation.nl


def test_government_role_fit_does_not_mark_down_delfts_regisseur() -> None:
    land = _change(examples.load(DELFT), ZEVEN, initiator=Initiator.SAMENLEVING)
    score = _score(GovernmentRoleFit(), land, ZEVEN)
    # The municipality works as partner with organisations and businesses in all eight
    # wijken: orchestrating them is its part, the achievement the text reports.
    assert score.value == 1.0
    assert "the municipality carries part of the work itself (Delft)" in score.explanation.en
    assert "de gemeente draagt zelf een deel van het werk (Delft)" in score.explanation.nl
    assert not score.recommendations
    facts = {e.fact: e.value for e in score.evidence}
    assert facts["called_for"] == "regisseren"
    # Were society to carry the work alone, orchestrating would be three steps up the stair.
    zeven = _initiative(land, ZEVEN)
    alone = land.replace(
        evolve(zeven, participants=tuple(p for p in zeven.participants if p.actor != "delft"))
    )
    alone_score = _score(GovernmentRoleFit(), alone, ZEVEN)
    assert alone_score.value == 0.25
    assert "Society started it and carries the work" in alone_score.explanation.en
    assert "Check whether 'stimulate' would do." in alone_score.recommendations[0].en
    # Regulating is a step above orchestrating, even for a municipality that carries work.
    regulating = _change(land, ZEVEN, government_role=GovernmentRole.REGULEREN)
    assert _score(GovernmentRoleFit(), regulating, ZEVEN).value == 0.75


def test_government_role_fit_says_when_nobody_is_recorded_as_carrying_the_work() -> None:
    land = democratie.loads(
        textwrap.dedent(
            """
            format = "democratie/1"
            [[initiatives]]
            id = "i"
            kind = "experiment"
            title = "Buurttuin"
            initiator = "samenleving"
            government_role = "stimuleren"
            """
        )
    )
    score = _score(GovernmentRoleFit(), land, "i")
    assert score.value == 0.5
    assert "Who carries the work is not recorded (led_by" in score.explanation.en


# --------------------------------------------------------------------------------------------
# council_at_the_front: not recorded is not absent
# --------------------------------------------------------------------------------------------


def test_council_at_the_front_tells_not_recorded_from_absent_on_delft() -> None:
    land = examples.load(DELFT)
    score = _score(CouncilAtTheFront(), land, ZEVEN)
    # Four of the six phases list nobody: the text never says the council is absent.
    assert score.value is None
    assert "who takes part in vision, implementation, further development and support is not" in (
        score.explanation.en
    )
    assert "Political backing is recorded (full)" in score.explanation.en
    assert "delft-raad" in score.recommendations[0].en
    assert "participants" in score.recommendations[0].nl
    zeven = _initiative(land, ZEVEN)

    def with_phase(phase: str, *actors: str) -> Landscape:
        stages = tuple(
            evolve(s, participants=(*s.participants, *actors)) if s.phase.value == phase else s
            for s in zeven.phases
        )
        return land.replace(evolve(zeven, phases=stages))

    # The council at the vision: from the first phase.
    assert _score(CouncilAtTheFront(), with_phase("visie", "delft-raad"), ZEVEN).value == 1.0
    # Who takes part in every phase recorded, the council in none of them: absent.
    everyone = tuple(
        s if s.participants else evolve(s, participants=("delft",)) for s in zeven.phases
    )
    recorded = land.replace(evolve(zeven, phases=everyone))
    absent = _score(CouncilAtTheFront(), recorded, ZEVEN)
    assert absent.value == 0.0
    assert "not among the participants recorded for each of them" in absent.explanation.en
    # And then the council at the execution, the fourth of six phases.
    late = recorded.replace(
        evolve(
            _initiative(recorded, ZEVEN),
            phases=tuple(
                evolve(s, participants=(*s.participants, "delft-raad"))
                if s.phase.value == "uitvoering"
                else s
                for s in everyone
            ),
        )
    )
    assert _score(CouncilAtTheFront(), late, ZEVEN).value == pytest.approx(1 - 3 / 5)


# --------------------------------------------------------------------------------------------
# bridging_vs_bonding: nobody inside the organisation recorded
# --------------------------------------------------------------------------------------------

M50 = "m50-leerkring-waalwijk"


def test_bridging_vs_bonding_needs_people_or_roles_inside_the_organisation() -> None:
    land = examples.load(M50)
    score = _score(BridgingVsBonding(), land, "waalwijk")
    # Waalwijk is only a member of the circle: its ties all reach outside by definition.
    assert score.value is None
    assert "No people or roles inside the municipal organisation are recorded" in (
        score.explanation.en
    )
    assert "roles, with at or on_behalf_of waalwijk, waalwijk-raad or waalwijk-college" in (
        score.explanation.en
    )
    # One civil servant of Waalwijk recorded: the organisation's own network can be measured.
    servant = land.add(
        Person(id="p-ambtenaar", name="Ambtenaar Waalwijk"),
        Role(holder="p-ambtenaar", kind=RoleKind.AMBTENAAR, at="waalwijk"),
    )
    measured = _score(BridgingVsBonding(), servant, "waalwijk")
    assert measured.value is not None
    assert 0.5 < measured.value < 1.0


def test_bridging_vs_bonding_on_stichtse_vecht_needs_its_people() -> None:
    land = examples.load("stichtse-vecht-gebiedsgericht-werken")
    assert _score(BridgingVsBonding(), land, "stichtse-vecht").value is None


# --------------------------------------------------------------------------------------------
# champion_presence: a municipality or organisation is no kartrekker
# --------------------------------------------------------------------------------------------

LEUSDEN = "leusden-samenleving-voorop"


def test_champion_presence_does_not_let_a_municipality_stand_in() -> None:
    land = examples.load(LEUSDEN)
    score = _score(ChampionPresence(), land, "samenleving-voorop")
    # Leusden started it; a municipality does not pull the cart.
    assert score.value == 0.0
    assert "Leusden leads or started it, but a municipality, body or organisation does not" in (
        score.explanation.en
    )
    assert any(
        "people, as participants in the role kartrekker" in r.en for r in score.recommendations
    )
    # A person who leads it stands in, at half weight.
    person = Person(id="p-trekker", name="Trekker Leusden")
    led = land.add(person, Role(holder="p-trekker", kind=RoleKind.AMBTENAAR, at="leusden")).replace(
        evolve(_initiative(land, "samenleving-voorop"), led_by=("p-trekker",))
    )
    standing_in = _score(ChampionPresence(), led, "samenleving-voorop")
    assert standing_in.value is not None
    assert standing_in.value > 0.0
    assert "Trekker Leusden (leader or initiator) stands in" in standing_in.explanation.en


def test_champion_presence_does_not_let_an_organisation_stand_in() -> None:
    land = examples.load(DIA)
    score = _score(ChampionPresence(), land, TRAJECT)
    assert score.value == 0.0
    assert "Democratie in Actie leads or started it" in score.explanation.en


# --------------------------------------------------------------------------------------------
# cross_sector_coverage: a network of municipalities
# --------------------------------------------------------------------------------------------

CIRCLE = "m50-leerkring-initiatief"


def test_cross_sector_coverage_does_not_judge_a_network_of_municipalities() -> None:
    land = examples.load(M50)
    score = _score(CrossSectorCoverage(), land, CIRCLE)
    assert score.value is None
    assert "a network of municipalities" in score.explanation.en
    assert "een netwerk van gemeenten" in score.explanation.nl
    # A welfare organisation joins the circle: it is no longer a network of municipalities.
    welzijn = Organisation(id="welzijn", name="Welzijn", kind=ActorKind.WELZIJNSORGANISATIE)
    network = land.get("m50-leerkring-democratische-vernieuwing")
    assert isinstance(network, Network)
    mixed = land.add(welzijn).replace(evolve(network, members=(*network.members, "welzijn")))
    assert _score(CrossSectorCoverage(), mixed, CIRCLE).value is not None
    # A regional learning network with no members yet is one of municipalities by its kind.
    assert _score(CrossSectorCoverage(), examples.load(DIA), TRAJECT).value is None
    assert (
        _score(CrossSectorCoverage(municipal_networks=()), examples.load(DIA), TRAJECT).value
        == 0.25
    )


# --------------------------------------------------------------------------------------------
# area_coverage: serving an area serves the areas inside it
# --------------------------------------------------------------------------------------------


def _uden(areas: tuple[str, ...]) -> Landscape:
    wijk = AreaLevel.WIJK
    uden = Municipality(
        id="uden",
        cbs_code="GM1948",
        areas=(
            Area(
                id="kern-uden",
                name="Uden",
                level=AreaLevel.KERN,
                areas=(
                    Area(id="uden-centrum", name="Centrum", level=wijk),
                    Area(id="uden-zuid", name="Uden-Zuid", level=wijk),
                    Area(id="uden-noord", name="Uden-Noord", level=wijk),
                ),
            ),
            Area(
                id="kern-volkel",
                name="Volkel",
                level=AreaLevel.KERN,
                areas=(Area(id="volkel", name="Volkel", level=wijk),),
            ),
        ),
    )
    initiative = Initiative(
        id="i",
        title="Wijkaanpak",
        kind=InitiativeKind.PROGRAMMA,
        municipalities=("uden",),
        areas=areas,
    )
    return Landscape(municipalities=(uden,), initiatives=(initiative,))


def test_area_coverage_counts_the_wijken_inside_a_kern_served() -> None:
    # The report: areas = ["kern-uden", ...] gave 0.00 while the wijken lie inside kern-uden.
    score = _score(AreaCoverage(), _uden(("kern-uden",)), "i")
    assert score.value == pytest.approx(3 / 4)
    assert score.explanation.en == "The initiative reaches 3 of the 4 wijken (districts) (75%)."
    # Serving one wijk reaches that wijk, not the other wijken of its kern.
    assert _score(AreaCoverage(), _uden(("uden-zuid",)), "i").value == pytest.approx(1 / 4)
    # And at the level of the kernen, serving a wijk still reaches its kern.
    kernen = AreaCoverage(levels=("kern",))
    assert _score(kernen, _uden(("uden-zuid",)), "i").value == pytest.approx(1 / 2)


def test_area_coverage_on_stichtse_vecht_reaches_the_wijken_of_every_kern() -> None:
    land = examples.load("stichtse-vecht-gebiedsgericht-werken")
    vecht = land.get("stichtse-vecht")
    assert isinstance(vecht, Municipality)
    # Give Maarssenbroek its wijken: the work covers every kern, so it reaches them.
    wijken = (
        Area(id="maarssenbroek-west", name="Maarssenbroek-West", level=AreaLevel.WIJK),
        Area(id="maarssenbroek-oost", name="Maarssenbroek-Oost", level=AreaLevel.WIJK),
    )
    areas = tuple(evolve(a, areas=wijken) if a.id == "maarssenbroek" else a for a in vecht.areas)
    with_wijken = land.replace(evolve(vecht, areas=areas))
    score = _score(AreaCoverage(), with_wijken, "gebiedsgericht-werken-2022")
    assert score.value == 1.0
    assert "2 of the 2 wijken" in score.explanation.en


# --------------------------------------------------------------------------------------------
# timeline_feasibility: as_of
# --------------------------------------------------------------------------------------------

CHALLENGE = "samenleving-voorop-bestuur"


def test_timeline_feasibility_never_calls_an_overdue_milestone_on_time() -> None:
    land = examples.load(LEUSDEN)
    # The challenge starts on a known day: designed within 12 months, in use within 36.
    started = _change(land, CHALLENGE, period=Period(start=dt.date(2019, 1, 1)))
    without = _score(TimelineFeasibility(), started, CHALLENGE)
    assert without.value is None
    assert "Deadlines are not judged against a day" in without.explanation.en
    assert "De termijnen zijn niet aan een dag getoetst" in without.explanation.nl
    late = _score(TimelineFeasibility(), started, CHALLENGE, as_of=dt.date(2020, 6, 1))
    assert late.value == 0.0
    assert "(as of 2020-06-01)" in late.explanation.en
    states = {e.fact: e.value for e in late.evidence}
    assert states["milestones.nieuwe werkwijze ontworpen"] == "overdue"
    assert states["milestones.nieuwe werkwijze in gebruik"] == "pending"
    # Designed in time, but recorded as reached only after the day judged on: still overdue.
    challenge = _initiative(started, CHALLENGE)
    designed = started.replace(
        evolve(
            challenge,
            milestones=(
                Milestone(
                    title="nieuwe werkwijze ontworpen",
                    due_within_months=12,
                    done=dt.date(2020, 9, 1),
                ),
                *challenge.milestones[1:],
            ),
        )
    )
    before = _score(TimelineFeasibility(), designed, CHALLENGE, as_of=dt.date(2020, 6, 1))
    assert before.value == 0.0
    after = _score(TimelineFeasibility(), designed, CHALLENGE, as_of=dt.date(2021, 1, 1))
    assert after.value == 0.0  # reached after its due date: late, not on time
    assert {e.fact: e.value for e in after.evidence}[
        "milestones.nieuwe werkwijze ontworpen"
    ] == "late"


def test_timeline_feasibility_asks_for_deadlines_of_milestones_reached_without_one() -> None:
    land = examples.load(LEUSDEN)
    challenge = _initiative(land, CHALLENGE)
    reached = (
        Milestone(title="raad besprak het", done=dt.date(2018, 12, 4)),
        Milestone(title="werkprogramma", done=dt.date(2018, 12, 24)),
    )
    undated = _change(land, CHALLENGE, milestones=reached)
    score = _score(TimelineFeasibility(), undated, CHALLENGE, as_of=dt.date(2019, 1, 1))
    assert score.value is None
    assert "No milestone has been reached" not in score.explanation.en
    assert "'raad besprak het' and 'werkprogramma' were reached" in score.explanation.en
    assert "zijn bereikt" in score.explanation.nl
    assert "due" in score.recommendations[0].en
    # One fact: a deadline for the first, and it is judged on time.
    due = (evolve(reached[0], due=dt.date(2018, 12, 31)), reached[1])
    dated = _change(land, CHALLENGE, milestones=due)
    assert _score(TimelineFeasibility(), dated, CHALLENGE, as_of=dt.date(2019, 1, 1)).value == 1.0
    assert challenge.milestones  # the seed's own milestones have deadlines in months


def test_commitment_triad_names_no_weakest_link_when_all_three_are_level() -> None:
    # Delft: "continue politieke, bestuurlijke en ambtelijke steun", all three full.
    land = examples.load(DELFT)
    seven = _initiative(land, "de-zeven-van-delft")
    assert _score(CommitmentTriad(), land, seven.id).value == 1.0

    def backed(politiek: str, others: str) -> Score:
        commitments = tuple(
            evolve(c, level=CommitmentLevel(politiek if c.kind.value == "politiek" else others))
            for c in seven.commitments
        )
        return _score(CommitmentTriad(), _change(land, seven.id, commitments=commitments), seven.id)

    even = backed("toegezegd", "toegezegd")
    assert even.value is not None
    assert even.value < 1.0
    assert "weakest link" not in even.explanation.en
    assert "all back it" in even.explanation.en
    assert "none of the three is ahead" in even.recommendations[0].en
    # One fact: the council a level lower, and it is the weakest link.
    weaker = backed("beperkt", "toegezegd")
    assert weaker.value is not None
    assert weaker.value < even.value
    assert "The weakest link is the council" in weaker.explanation.en


# --------------------------------------------------------------------------------------------
# Not applicable: say which key to record
# --------------------------------------------------------------------------------------------


def test_not_applicable_explanations_name_the_key_to_record() -> None:
    land = examples.load(DELFT)
    domains = _score(DomainCoverage(), land, ZEVEN)
    assert domains.value is None
    assert "required_domains" in domains.explanation.en
    assert "required_domains" in domains.explanation.nl
    for rule in (SalienceCoverage(), EngagementFit()):
        result = _score(rule, land, ZEVEN)
        assert result.value is None
        assert "assessment table" in result.explanation.en, rule.name
        assert "assessment" in result.explanation.nl, rule.name
    # Delft does not work to Stichtse Vecht's ambitions: nothing to record there.
    goals = _score(ServiceGoalAlignment(), land, ZEVEN)
    assert goals.value is None
    assert goals.out_of_scope
    # Where another initiative of the same municipality names them, they are to record.
    framed = next(i for i in land.initiatives if i.id != ZEVEN)
    named = land.replace(evolve(framed, service_goals=(ServiceGoal.PARTICIPATIE,)))
    goals = _score(ServiceGoalAlignment(), named, ZEVEN)
    assert not goals.out_of_scope
    assert "Stichtse Vecht's seven shared ambitions, recorded under service_goals" in (
        goals.explanation.en
    )
    assert "zeven gedeelde ambities van Stichtse Vecht" in goals.explanation.nl


def test_every_not_applicable_reason_of_a_seed_names_what_to_record_or_why() -> None:
    # Every built-in rule that does not apply to a seed subject gives a reason with a key
    # to record (a name with an underscore or one of the document's keys), or says why the
    # rule does not fit (a society stair for a municipal initiative, say).
    keys = (
        "_",
        "areas",
        "phases",
        "participants",
        "milestones",
        "tasks",
        "lessons",
        "level",
        "roles",
        "commitments",
        "network",
        "sector",
        "assessment",
        "municipalities",
        "start date",
        "indicators",
        "transfers",
        "meetings",
    )
    why = (
        "started this initiative",
        "network of municipalities",
        "has no tie",
        "not a",
        "entered yet",
    )
    for name in examples.NAMES:
        for card in democratie.score(examples.load(name)).values():
            for result in card.values():
                if result.applicable:
                    continue
                text = result.explanation.en
                assert any(k in text for k in keys) or any(w in text for w in why), (
                    name,
                    result.rule,
                    text,
                )


# --------------------------------------------------------------------------------------------
# The graph command and the report: central contacts, not kartrekkers
# --------------------------------------------------------------------------------------------


def test_the_graph_command_calls_ranked_actors_central_contacts() -> None:
    for lang, heading in (("en", "Central contacts"), ("nl", "Centrale contacten")):
        args = ["--lang", lang, "graph", "examples/m50-leerkring-waalwijk.toml"]
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 0, result.output
        assert heading in result.output
        assert "kartrekker" not in result.output.lower()


@pytest.mark.parametrize(
    ("lang", "heading", "old"),
    [
        ("nl", "Centrale contacten", "Kartrekker (doorgetrokken ring)"),
        ("en", "Central contacts", "Champions (kartrekkers)"),
    ],
)
def test_the_report_calls_ranked_actors_central_contacts(lang: str, heading: str, old: str) -> None:
    page = render(examples.load(DELFT), lang=lang)
    assert heading in page
    assert old not in page
    # "kartrekker" is left for the role the landscape records: a column of its own.
    assert ("Vastgelegd als kartrekker" if lang == "nl" else "Recorded as kartrekker") in page

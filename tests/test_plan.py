"""The planners on the seed examples: intake gate, learning groups, meetings, the pool."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from attrs import evolve

import democratie
from democratie import plan
from democratie.errors import PlanError, SolverUnavailableError
from democratie.model import Initiative, Landscape, Network
from democratie.model.initiative import Intake
from democratie.vocab import CommitmentKind, MeetingKind, NetworkKind, QuestionTheme

pytest.importorskip("ortools", reason="planning needs OR-Tools: pip install 'democratie[plan]'")

EXAMPLES = Path(__file__).parent.parent / "examples"
DIA = "dia-ontwikkeltraject-organisatieontwikkeling"
M50 = "m50-leerkring-democratische-vernieuwing"


@pytest.fixture(scope="module")
def dia() -> Landscape:
    return democratie.load(EXAMPLES / "democratie-in-actie-noord-nederland.toml")


@pytest.fixture(scope="module")
def m50() -> Landscape:
    return democratie.load(EXAMPLES / "m50-leerkring-waalwijk.toml")


def _trajectory(land: Landscape) -> Initiative:
    found = land.get(DIA)
    assert isinstance(found, Initiative)
    return found


def _with_intake(land: Landscape, municipality: str, **changes: Any) -> Landscape:
    traject = _trajectory(land)
    intakes = tuple(
        evolve(i, **changes) if i.municipality == municipality else i for i in traject.intakes
    )
    return land.replace(evolve(traject, intakes=intakes))


# -- the intake gate -------------------------------------------------------------------------


def test_the_gate_admits_only_municipalities_that_meet_every_condition(dia: Landscape) -> None:
    gate = plan.assess_intakes(dia, DIA)
    assert [m for m, a in gate.items() if not a.admitted] == [
        "midden-groningen",
        "noordenveld",
        "tynaarlo",
    ]
    assert [r.code for r in gate["midden-groningen"].reasons] == ["missing-commitment"]
    assert [r.code for r in gate["tynaarlo"].reasons] == ["no-question", "no-theme"]
    # Not held: that is the reason, not the commitments and question it would have given.
    assert [r.code for r in gate["noordenveld"].reasons] == ["intake-not-held"]
    assert gate["midden-groningen"].reasons[0].text("nl") == "commitment ontbreekt: Politiek (raad)"
    assert gate["midden-groningen"].reasons[0].text("en") == (
        "commitment missing: Political (council)"
    )


def test_a_missing_required_commitment_keeps_a_municipality_out(dia: Landscape) -> None:
    changed = _with_intake(dia, "assen", commitments=(CommitmentKind.BESTUURLIJK,))
    reasons = plan.assess_intakes(changed, DIA)["assen"].reasons
    assert [r.en for r in reasons] == [
        "commitment missing: Political (council)",
        "commitment missing: Civil service",
    ]
    # Without required commitments the same intake passes.
    relaxed = changed.replace(evolve(_trajectory(changed), required_commitments=()))
    assert plan.assess_intakes(relaxed, DIA)["assen"].admitted


def test_a_listed_municipality_without_an_intake_is_not_admitted(dia: Landscape) -> None:
    traject = _trajectory(dia)
    changed = dia.replace(evolve(traject, municipalities=("assen",), intakes=traject.intakes[1:]))
    admission = plan.assess_intakes(changed, DIA)["assen"]
    assert not admission.admitted
    assert [r.code for r in admission.reasons] == ["no-intake"]


def test_an_unknown_initiative_is_a_located_error_with_a_suggestion(dia: Landscape) -> None:
    with pytest.raises(PlanError) as caught:
        plan.assess_intakes(dia, "dia-ontwikkeltraject-organisatieontwikelling")
    problem = caught.value.problems[0]
    assert problem.path == "initiative"
    assert f"did you mean '{DIA}'" in problem.message
    with pytest.raises(PlanError, match="is a municipality, not an initiative"):
        plan.assess_intakes(dia, "assen")


# -- learning groups ---------------------------------------------------------------------------


def test_groups_place_only_admitted_municipalities_in_balanced_groups(dia: Landscape) -> None:
    result = plan.compose_groups(dia, DIA, size=10, by=None)
    placed = sorted(m for g in result.groups for m in g.members)
    gate = plan.assess_intakes(dia, DIA)
    assert placed == sorted(m for m, a in gate.items() if a.admitted)
    assert [len(g.members) for g in result.groups] == [6, 5]  # ceil(11 / 10) groups
    assert {a.municipality for a in result.unplaced} == {
        "midden-groningen",
        "noordenveld",
        "tynaarlo",
    }
    assert result.optimal
    assert result.objective == pytest.approx(result.bound)


def test_groups_by_province_and_by_landsdeel(dia: Landscape) -> None:
    by_province = plan.compose_groups(dia, DIA, size=4, by="province")
    assert {g.region for g in by_province.groups} == {"Drenthe", "Fryslân", "Groningen"}
    for region in ("Drenthe", "Fryslân", "Groningen"):
        sizes = [len(g.members) for g in by_province.groups if g.region == region]
        assert max(sizes) - min(sizes) <= 1
    by_landsdeel = plan.compose_groups(dia, DIA, size=10, by="landsdeel")
    assert {g.region for g in by_landsdeel.groups} == {"Noord-Nederland"}


def test_each_group_says_why_it_holds_together(dia: Landscape) -> None:
    result = plan.compose_groups(dia, DIA, size=10, by=None)
    roles = next(g for g in result.groups if "hoogeveen" in g.members)
    assert QuestionTheme.ROLLEN_EN_FUNCTIES in roles.shared_themes
    best = {m.member: m for m in roles.matches}
    assert best["heerenveen"].best == "meppel"
    assert QuestionTheme.HR_BELEID in best["heerenveen"].shared
    assert any("proven optimal" in line for line in result.explain("en"))
    assert any("bewezen optimaal" in line for line in result.explain("nl"))


def test_applied_groups_are_networks_that_validate_and_score(dia: Landscape) -> None:
    result = plan.compose_groups(dia, DIA, size=10, by=None)
    applied = result.apply(dia)
    for group in result.groups:
        network = applied.get(group.id)
        assert isinstance(network, Network)
        assert network.kind is NetworkKind.REGIONAAL_LEERNETWERK
        assert network.members == group.members
        assert network.initiative == DIA
    assert set(_trajectory(applied).municipalities) >= {m for g in result.groups for m in g.members}
    # The result is a valid document: it dumps, loads, validates and scores.
    again = democratie.loads(democratie.dumps(applied, format="toml"), format="toml")
    assert again == applied
    cards = democratie.score(applied)
    assert result.groups[0].id in cards
    # Applying a new plan replaces the groups of the old one.
    smaller = plan.compose_groups(applied, DIA, size=4, by=None)
    reapplied = smaller.apply(applied)
    groups = [
        n
        for n in reapplied.networks
        if n.initiative == DIA and n.kind.value == "regionaal_leernetwerk"
    ]
    assert sorted(n.id for n in groups) == sorted(g.id for g in smaller.groups)


def test_a_late_sign_up_moves_as_few_members_as_the_objective_allows(dia: Landscape) -> None:
    first = plan.compose_groups(dia, DIA, size=10, by=None)
    late = _with_intake(dia, "tynaarlo", question="Hoe?", themes=(QuestionTheme.HR_BELEID,))
    again = plan.compose_groups(late, DIA, size=10, by=None, keep=first)
    assert again.optimal
    assert {g.id for g in again.groups} == {g.id for g in first.groups}
    assert again.group_of("tynaarlo") is not None
    moved = {m.member for m in again.moved}
    for group in first.groups:
        for member in group.members:
            now = again.group_of(member)
            assert now is not None
            assert (now.id != group.id) == (member in moved)
    fresh = plan.compose_groups(late, DIA, size=10, by=None)
    assert again.objective == pytest.approx(fresh.objective)


def test_group_plans_are_deterministic(dia: Landscape) -> None:
    plans = [plan.compose_groups(dia, DIA, size=3, by=None).to_dict() for _ in range(3)]
    assert all(p == plans[0] for p in plans)
    assert json.dumps(plans[0]) == json.dumps(plans[1])


def test_bad_group_requests_are_located_errors(dia: Landscape) -> None:
    with pytest.raises(PlanError) as caught:
        plan.compose_groups(
            dia,
            DIA,
            size=1,
            by="gemeente",  # type: ignore[arg-type]
            time_limit=float("nan"),
        )
    assert [p.path for p in caught.value.problems] == ["size", "time_limit", "by"]
    with pytest.raises(PlanError) as caught:
        plan.allocate_pool(dia, DIA, time_limit=-1)
    assert caught.value.problems[0].path == "time_limit"


def test_a_solver_cut_short_gives_a_valid_plan_marked_not_optimal() -> None:
    import random

    from democratie.plan._partition import partition, total_similarity

    rng = random.Random(0)
    sets = [frozenset(rng.sample(range(9), rng.randint(2, 4))) for _ in range(36)]
    result = partition(sets, 9, universe=9, time_limit=0.05)
    assert not result.certificate.optimal
    assert result.certificate.bound >= result.certificate.objective
    assert float(total_similarity(sets, result.assignment)) == pytest.approx(
        result.certificate.objective
    )
    assert sorted(result.assignment.count(g) for g in range(4)) == [9, 9, 9, 9]


def test_a_missing_solver_is_a_clear_error(dia: Landscape, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ortools.sat.python.cp_model", None)
    with pytest.raises(SolverUnavailableError, match=r"pip install 'democratie\[plan\]'"):
        plan.compose_groups(dia, DIA, size=4)
    # The gate and the meetings need no solver.
    assert plan.assess_intakes(dia, DIA)["assen"].admitted


# -- meetings -----------------------------------------------------------------------------------


def test_m50_plans_its_two_follow_up_meetings_with_a_host(m50: Landscape) -> None:
    result = plan.plan_meetings(
        m50,
        M50,
        start=dt.date(2020, 6, 22),
        end=dt.date(2020, 12, 18),
        count=2,
        closing=False,
        kind="vervolgbijeenkomst",
        volunteers=["lochem"],
    )
    assert [m.date for m in result.meetings] == [dt.date(2020, 6, 22), dt.date(2020, 12, 18)]
    assert [m.host for m in result.meetings] == ["lochem", "meierijstad"]
    assert [c.reason.code for c in result.hosts] == ["volunteer", "hosted-least"]
    assert all(
        m.kind is MeetingKind.VERVOLGBIJEENKOMST and m.held is False for m in result.meetings
    )
    # The two follow-up meetings the report foresees are planned, not added again.
    assert [m.id for m in result.meetings] == [
        "m50-vervolgbijeenkomst-thorbecke",
        "m50-vervolgbijeenkomst-next-step",
    ]
    assert result.meetings[0].themes[0] == "Thorbecke-experimenten"
    before = m50.get(M50)
    applied = result.apply(m50)
    network = applied.get(M50)
    assert isinstance(network, Network)
    assert isinstance(before, Network)
    assert len(network.meetings) == len(before.meetings)
    assert network.meetings[-2:] == result.meetings
    fresh = plan.plan_meetings(
        m50,
        M50,
        start=dt.date(2020, 6, 22),
        end=dt.date(2020, 12, 18),
        count=2,
        closing=False,
        kind="vervolgbijeenkomst",
        reuse=False,
    )
    assert len(fresh.apply(m50).get(M50).meetings) == len(before.meetings) + 2  # type: ignore[union-attr]


def test_meetings_spread_over_working_days_and_end_with_a_closing_one(dia: Landscape) -> None:
    grouped = plan.compose_groups(dia, DIA, size=10, by=None)
    land = grouped.apply(dia)
    group = grouped.groups[0]
    result = plan.plan_meetings(
        land, group.id, start=dt.date(2019, 3, 1), end=dt.date(2019, 12, 13), count=3
    )
    days = [m.date for m in result.meetings if m.date is not None]
    assert len(days) == 4
    assert days == sorted(days)
    assert days[0] == dt.date(2019, 3, 1)
    assert days[-1] == dt.date(2019, 12, 13)
    assert all(d.weekday() < 5 for d in days)
    gaps = [(b - a).days for a, b in itertools.pairwise(days)]
    # Evenly over the free working days: within a week of each other in the calendar.
    assert max(gaps) - min(gaps) <= 7
    assert [m.kind for m in result.meetings] == [MeetingKind.REGIONALE_BIJEENKOMST] * 3 + [
        MeetingKind.SLOTBIJEENKOMST
    ]
    hosts = [m.host for m in result.meetings]
    assert len(set(hosts)) == 4  # nobody hosts twice while another has not


def test_hosts_rotate_over_all_meetings_of_the_network(m50: Landscape) -> None:
    network = m50.get(M50)
    assert isinstance(network, Network)
    members = network.members
    # Every member but the last hosted once before: the last hosts first, then the rotation
    # starts again from the top, and nobody hosts twice while another has not.
    held = tuple(
        evolve(network.meetings[0], id=f"eerder-{i}", host=m, date=dt.date(2019, 1, 1 + i))
        for i, m in enumerate(members[:-1])
    )
    land = m50.replace(evolve(network, meetings=(*network.meetings, *held)))
    result = plan.plan_meetings(
        land,
        M50,
        start=dt.date(2020, 3, 2),
        end=dt.date(2020, 3, 31),
        count=3,
        closing=False,
        unavailable=[members[0], (members[1], dt.date(2020, 3, 17))],
    )
    hosts = [m.host for m in result.meetings]
    assert hosts[0] == members[-1]
    assert members[0] not in hosts
    assert result.meetings[1].date == dt.date(2020, 3, 17)
    assert hosts[1] == members[2]  # members[1] cannot on that day
    assert hosts[2] == members[1]


def test_bad_meeting_requests_are_located_errors(m50: Landscape) -> None:
    with pytest.raises(PlanError) as caught:
        plan.plan_meetings(m50, "m50-leerkring", start=dt.date(2020, 1, 1), end=dt.date(2020, 2, 1))
    assert caught.value.problems[0].path == "network"
    with pytest.raises(PlanError, match=r"ends .* before it starts"):
        plan.plan_meetings(m50, M50, start=dt.date(2020, 3, 1), end=dt.date(2020, 2, 1))
    with pytest.raises(PlanError, match=r"4 meetings do not fit.*2 free working days"):
        plan.plan_meetings(m50, M50, start=dt.date(2020, 3, 5), end=dt.date(2020, 3, 8))
    with pytest.raises(PlanError) as caught:
        plan.plan_meetings(
            m50, M50, start=dt.date(2020, 3, 1), end=dt.date(2020, 6, 1), volunteers=["utrecht"]
        )
    assert caught.value.problems[0].path == "volunteers[0]"


# -- the pool ------------------------------------------------------------------------------------


def test_the_pool_serves_every_admitted_municipality_within_the_load(dia: Landscape) -> None:
    result = plan.allocate_pool(dia, DIA, max_load=3)
    assert result.certificate.optimal
    assert result.served == 11
    assert not result.unmet
    assert max(result.loads.values()) <= 3
    officers = {o.id: o for o in result.officers}
    for assignment in result.assignments:
        assert assignment.municipality not in officers[assignment.officer].own
        assert assignment.covered
    applied = result.apply(dia)
    intakes = {i.municipality: i.officer for i in _trajectory(applied).intakes}
    assert intakes["assen"] == next(
        a.officer for a in result.assignments if a.municipality == "assen"
    )


def test_an_officer_never_supports_their_own_municipality(dia: Landscape) -> None:
    # Emmen's own officer covers Emmen's themes best, yet never supports Emmen.
    result = plan.allocate_pool(dia, DIA, max_load=3)
    emmen = next(a for a in result.assignments if a.municipality == "emmen")
    assert emmen.officer != "p-veranderambtenaar-emmen"


def test_a_tight_pool_lists_the_unmet_questions(dia: Landscape) -> None:
    result = plan.allocate_pool(dia, DIA, max_load=1)
    assert result.served == 4
    assert len(result.unmet) == 7
    assert {u.reason.code for u in result.unmet} == {"pool-full"}
    assert result.certificate.optimal


def test_bad_pool_requests_are_located_errors(dia: Landscape) -> None:
    with pytest.raises(PlanError) as caught:
        plan.allocate_pool(dia, DIA, max_load=0)
    assert caught.value.problems[0].path == "max_load"
    with pytest.raises(PlanError) as caught:
        plan.allocate_pool(dia, DIA, pool="geen-pool")
    assert caught.value.problems[0].path == "pool"


# -- the command line ----------------------------------------------------------------------------


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    from democratie.cli import main

    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_cli_plans_groups_and_writes_the_applied_landscape(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "groups.toml"
    file = str(EXAMPLES / "democratie-in-actie-noord-nederland.toml")
    code, text = _run(
        capsys, "plan", "groups", file, "--initiative", DIA, "--by", "none", "--output", str(out)
    )
    assert code == 0, text
    assert "proven optimal" in text or "bewezen optimaal" in text
    land = democratie.load(out)
    assert (
        len(
            [
                n
                for n in land.networks
                if n.initiative == DIA and n.kind.value == "regionaal_leernetwerk"
            ]
        )
        == 2
    )
    code, text = _run(capsys, "plan", "groups", file, "--initiative", DIA, "--json")
    assert code == 0
    assert json.loads(text)["optimal"] is True


def test_cli_plan_commands_report_bad_input_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = str(EXAMPLES / "democratie-in-actie-noord-nederland.toml")
    code, text = _run(capsys, "plan", "groups", file, "--initiative", "geen")
    assert code == 1
    assert "initiative: 'geen' is not an initiative" in text
    assert "Traceback" not in text
    code, text = _run(capsys, "plan", "groups", file, "--initiative", DIA, "--size", "1")
    assert code == 2
    code, text = _run(
        capsys,
        "plan",
        "meetings",
        file,
        "--network",
        "dia-regionaal-netwerk-noord-nederland",
        "--start",
        "2019-03-01",
        "--end",
        "2019-02-01",
    )
    assert code == 1
    assert "end: the window ends" in text


def test_cli_plans_intakes_meetings_and_the_pool(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = str(EXAMPLES / "democratie-in-actie-noord-nederland.toml")
    code, text = _run(capsys, "plan", "intakes", file, "--initiative", DIA, "--lang", "en")
    assert code == 0
    assert "11 / 14 admitted" in text
    grouped = tmp_path / "g.toml"
    assert (
        _run(
            capsys,
            "plan",
            "groups",
            file,
            "--initiative",
            DIA,
            "--by",
            "none",
            "--output",
            str(grouped),
        )[0]
        == 0
    )
    group = next(
        n.id
        for n in democratie.load(grouped).networks
        if n.initiative == DIA and n.kind.value == "regionaal_leernetwerk"
    )
    met = tmp_path / "m.toml"
    code, text = _run(
        capsys,
        "plan",
        "meetings",
        str(grouped),
        "--network",
        group,
        "--start",
        "2019-03-01",
        "--end",
        "2019-12-13",
        "--output",
        str(met),
    )
    assert code == 0, text
    pooled = tmp_path / "p.json"
    code, text = _run(
        capsys, "plan", "pool", str(met), "--initiative", DIA, "--output", str(pooled), "--json"
    )
    assert code == 0
    assert json.loads(text.split("\nwrote")[0])["served"] == 11
    final = democratie.load(pooled)
    network = final.get(group)
    assert isinstance(network, Network)
    assert len(network.meetings) == 4
    assert all(i.officer for i in _trajectory(final).intakes if i.municipality == "assen")


def test_intake_model_round_trip_keeps_every_field() -> None:
    intake = Intake(
        municipality="assen",
        date=dt.date(2019, 1, 15),
        held=True,
        question="Hoe?",
        themes=(QuestionTheme.HOUDING_EN_GEDRAG,),
        commitments=(CommitmentKind.BESTUURLIJK,),
    )
    assert intake.themes == (QuestionTheme.HOUDING_EN_GEDRAG,)


# -- the docs of the package ---------------------------------------------------------------------


@pytest.mark.parametrize("name", plan.__all__)
def test_every_public_name_is_documented_with_an_example(name: str) -> None:
    # tests/test_public_examples.py runs the examples.
    obj = getattr(plan, name)
    assert obj.__doc__, name
    assert "Examples\n" in obj.__doc__, name


def test_reallocating_keeps_the_officers_the_intakes_name(dia: Landscape) -> None:
    first = plan.allocate_pool(dia, DIA, max_load=3)
    again = plan.allocate_pool(first.apply(dia), DIA, max_load=3)
    assert [(a.municipality, a.officer) for a in again.assignments] == [
        (a.municipality, a.officer) for a in first.assignments
    ]
    assert all(a.kept for a in again.assignments)
    # A tighter pool must move some, and keeps the rest where they were.
    tight = plan.allocate_pool(first.apply(dia), DIA, max_load=2)
    assert tight.served == 8
    before = {a.municipality: a.officer for a in first.assignments}
    assert all(a.kept == (before[a.municipality] == a.officer) for a in tight.assignments)
    assert sum(a.kept for a in tight.assignments) >= 6
    # Whoever lost or changed officer is said.
    assert {c.municipality for c in tight.changed} == {
        m for m, officer in before.items() if tight_officer(tight, m) != officer
    }
    assert again.changed == ()


def tight_officer(result: plan.PoolPlan, municipality: str) -> str | None:
    return next((a.officer for a in result.assignments if a.municipality == municipality), None)


def test_cli_replans_a_late_sign_up_keeping_the_groups_in_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = str(EXAMPLES / "democratie-in-actie-noord-nederland.toml")
    first = tmp_path / "groepen.toml"
    code, _ = _run(
        capsys,
        "plan",
        "groups",
        file,
        "--initiative",
        DIA,
        "--by",
        "landsdeel",
        "--output",
        str(first),
    )
    assert code == 0
    planned = democratie.load(first)
    late = _with_intake(planned, "tynaarlo", question="Hoe?", themes=(QuestionTheme.HR_BELEID,))
    democratie.dump(late, tmp_path / "laat.toml")
    code, text = _run(
        capsys,
        "plan",
        "groups",
        str(tmp_path / "laat.toml"),
        "--initiative",
        DIA,
        "--by",
        "landsdeel",
        "--json",
        "--output",
        str(tmp_path / "opnieuw.toml"),
    )
    assert code == 0
    again = json.loads(text.split("\nwrote")[0])
    before = {n.id: set(n.members) for n in planned.networks if _is_group(n)}
    after = {g["id"]: set(g["members"]) for g in again["groups"]}
    assert set(after) == set(before)  # the same groups, by id
    moved = {m["member"] for m in again["moved"]}
    for group, members in before.items():
        assert members - moved <= after[group]
    assert any("tynaarlo" in members for members in after.values())
    replanned = democratie.load(tmp_path / "opnieuw.toml")
    assert len([n for n in replanned.networks if _is_group(n)]) == len(before)


def _is_group(network: Network) -> bool:
    return network.initiative == DIA and network.kind is NetworkKind.REGIONAAL_LEERNETWERK


def test_the_plan_layer_points_down_only() -> None:
    """plan sits above model and graph and below scoring: it imports nothing higher."""
    import ast

    allowed = {"democratie.errors", "democratie.model", "democratie.vocab", "democratie.plan"}
    package = Path(plan.__file__).parent
    found = set()
    for path in package.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("democratie"):
                found.add(".".join((node.module or "").split(".")[:2]))
            elif isinstance(node, ast.Import):
                found.update(
                    ".".join(a.name.split(".")[:2])
                    for a in node.names
                    if a.name.startswith("democratie")
                )
    assert found <= allowed, sorted(found - allowed)
    assert "democratie.model" in found


def test_meetings_skip_public_holidays_and_other_groups_days(dia: Landscape) -> None:
    grouped = plan.compose_groups(dia, DIA, size=10, by="landsdeel")
    land = grouped.apply(dia)
    first, second = (g.id for g in grouped.groups)
    # Ascension Day and Whit Monday 2025 fall in this window; neither is used.
    one = plan.plan_meetings(
        land, first, start=dt.date(2025, 5, 29), end=dt.date(2025, 6, 9), count=2, closing=False
    )
    days = [m.date for m in one.meetings]
    assert days == [dt.date(2025, 5, 30), dt.date(2025, 6, 6)]
    assert dt.date(2025, 5, 29) in plan.public_holidays(2025)
    # The sibling group of the same trajectory meets on other days.
    land = one.apply(land)
    two = plan.plan_meetings(
        land, second, start=dt.date(2025, 5, 29), end=dt.date(2025, 6, 9), count=2, closing=False
    )
    assert not {m.date for m in two.meetings} & set(days)
    unrestricted = plan.plan_meetings(
        land,
        second,
        start=dt.date(2025, 5, 29),
        end=dt.date(2025, 6, 9),
        count=2,
        closing=False,
        apart=False,
        holidays=False,
    )
    assert [m.date for m in unrestricted.meetings] == [dt.date(2025, 5, 29), dt.date(2025, 6, 9)]


def test_planning_meetings_again_replans_the_series_instead_of_adding_one(dia: Landscape) -> None:
    grouped = plan.compose_groups(dia, DIA, size=10, by="landsdeel")
    land = grouped.apply(dia)
    group = grouped.groups[0].id
    first = plan.plan_meetings(land, group, start=dt.date(2019, 3, 1), end=dt.date(2019, 12, 13))
    land = first.apply(land)
    again = plan.plan_meetings(
        land, group, start=dt.date(2019, 3, 1), end=dt.date(2019, 12, 13), count=2
    )
    assert [m.id for m in again.meetings] == [m.id for m in first.meetings[:2]] + [
        first.meetings[-1].id
    ]
    assert again.dropped == (first.meetings[2].id,)
    network = again.apply(land).get(group)
    assert isinstance(network, Network)
    assert [m.kind for m in network.meetings].count(MeetingKind.SLOTBIJEENKOMST) == 1
    assert len(network.meetings) == 3
    # Ids carry no date, so a meeting that moves keeps its id (and its calendar UID).
    assert all("2019" not in m.id for m in network.meetings)


def test_a_host_does_not_host_twice_in_a_row_when_others_are_as_due(m50: Landscape) -> None:
    result = plan.plan_meetings(
        m50,
        M50,
        start=dt.date(2021, 1, 4),
        end=dt.date(2021, 12, 17),
        count=14,
        closing=False,
        reuse=False,
    )
    hosts = [m.host for m in result.meetings]
    assert all(a != b for a, b in itertools.pairwise(hosts))
    # Twelve members host once, then the two who hosted longest ago host again.
    assert hosts[12:] == hosts[:2]


def test_replanning_groups_keeps_the_meetings_and_edits_of_kept_groups(dia: Landscape) -> None:
    grouped = plan.compose_groups(dia, DIA, size=10, by="landsdeel")
    land = grouped.apply(dia)
    group = grouped.groups[1].id
    land = plan.plan_meetings(
        land, group, start=dt.date(2019, 3, 1), end=dt.date(2019, 12, 13)
    ).apply(land)
    network = land.get(group)
    assert isinstance(network, Network)
    land = land.replace(evolve(network, name="Leergroep Rollen", description="Door ons genoemd."))
    late = _with_intake(land, "tynaarlo", question="Hoe?", themes=(QuestionTheme.HR_BELEID,))
    again = plan.compose_groups(
        late, DIA, size=10, by="landsdeel", keep=plan.GroupPlan.recorded(late, DIA, by="landsdeel")
    )
    after = again.apply(late).get(group)
    assert isinstance(after, Network)
    assert len(after.meetings) == 4
    assert (after.name, after.description) == ("Leergroep Rollen", "Door ons genoemd.")
    # Dissolving a group that holds meetings is refused, naming it.
    afresh = plan.compose_groups(late, DIA, size=20, by="landsdeel")
    with pytest.raises(PlanError, match=f"dissolves the learning group '{group}'"):
        afresh.apply(late)


def test_cli_speaks_of_its_own_options_and_writes_before_printing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = str(EXAMPLES / "m50-leerkring-waalwijk.toml")
    window = ("--start", "2021-03-01", "--end", "2021-06-30")
    code, text = _run(
        capsys, "plan", "meetings", file, "--network", M50, *window, "--volunteer", "lochm"
    )
    assert code == 1
    assert "--volunteer (number 1): 'lochm' is not a member" in text
    assert "did you mean 'lochem'?" in text
    # A file name that does not say the format is refused before anything is done.
    code, text = _run(
        capsys,
        "plan",
        "meetings",
        file,
        "--network",
        M50,
        *window,
        "--output",
        str(tmp_path / "plan.txt"),
    )
    assert code == 2
    assert not (tmp_path / "plan.txt").exists()
    # One day unavailable, written ID@DATE; everyone unavailable leaves meetings without
    # a host, said on standard error, and the plan is still written.
    members = list(democratie.load(file).get(M50).members)  # type: ignore[union-attr]
    out = tmp_path / "zonder.toml"
    unavailable = [arg for m in members for arg in ("--unavailable", m)]
    code, text = _run(
        capsys,
        "plan",
        "meetings",
        file,
        "--network",
        M50,
        *window,
        *unavailable,
        "--output",
        str(out),
    )
    assert code == 0
    assert (
        "4 van de 4 bijeenkomsten hebben nog geen gastheer: "
        "geen lid kan op deze dag gastgemeente zijn" in text
    )
    assert out.exists()
    code, text = _run(
        capsys,
        "plan",
        "meetings",
        file,
        "--network",
        M50,
        "--start",
        "2021-04-30",
        "--end",
        "2021-04-30",
        "--count",
        "1",
        "--no-closing",
        "--unavailable",
        "meierijstad@2021-04-30",
        "--json",
    )
    assert code == 0
    assert json.loads(text)["meetings"][0]["host"] != "meierijstad"
    code, text = _run(
        capsys,
        "plan",
        "meetings",
        file,
        "--network",
        M50,
        *window,
        "--unavailable",
        "meierijstad@2021-02-30",
    )
    assert code == 2


def test_groups_of_another_grouping_are_not_kept(dia: Landscape) -> None:
    by_landsdeel = plan.compose_groups(dia, DIA, size=10, by="landsdeel").apply(dia)
    assert plan.GroupPlan.recorded(by_landsdeel, DIA, by="province") is None
    recorded = plan.GroupPlan.recorded(by_landsdeel, DIA, by="landsdeel")
    assert recorded is not None
    assert {g.region for g in recorded.groups} == {"Noord-Nederland"}


def test_a_member_who_moves_out_no_longer_hosts_the_old_groups_meetings(
    dia: Landscape,
) -> None:
    grouped = plan.compose_groups(dia, DIA, size=4, by="landsdeel")
    land = grouped.apply(dia)
    for group in grouped.groups:
        land = plan.plan_meetings(
            land, group.id, start=dt.date(2019, 3, 1), end=dt.date(2019, 12, 13)
        ).apply(land)
    late = _with_intake(land, "tynaarlo", question="Hoe?", themes=(QuestionTheme.HR_BELEID,))
    again = plan.compose_groups(
        late, DIA, size=4, by="landsdeel", keep=plan.GroupPlan.recorded(late, DIA, by="landsdeel")
    )
    applied = again.apply(late)
    leaving = again.departing_hosts(late)
    assert leaving  # hoogeveen moves, and hosted a meeting of its old group
    for group in again.groups:
        network = applied.get(group.id)
        assert isinstance(network, Network)
        for meeting in network.meetings:
            assert meeting.host is None or meeting.host in network.members
    for meeting_id, host in leaving:
        assert applied.get(meeting_id).host is None  # type: ignore[union-attr]
        assert any(m.member == host for m in again.moved)

"""democratie.monitor.status: an initiative on a day, from the seeds; one definition of overdue."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from attrs import evolve
from hypothesis import given

import democratie
from democratie import monitor
from democratie.cli import main
from democratie.errors import MonitorError
from democratie.model import (
    Evaluation,
    Initiative,
    Landscape,
    Meeting,
    Milestone,
    Network,
    Period,
)
from democratie.scoring import run
from democratie.scoring.rules import TimelineFeasibility
from democratie.testing import strategies
from democratie.vocab import InitiativeKind, MeetingKind, NetworkKind

LEUSDEN = "examples/leusden-samenleving-voorop.toml"
DIA = "examples/democratie-in-actie-noord-nederland.toml"
M50 = "examples/m50-leerkring-waalwijk.toml"
CHALLENGE = "samenleving-voorop-bestuur"
TRAJECT = "dia-ontwikkeltraject-organisatieontwikkeling"
CIRCLE = "m50-leerkring-initiatief"
START = dt.date(2019, 9, 1)  # made up: the Leusden text gives no start date


def _leusden(milestones: tuple[Milestone, ...] | None = None) -> Landscape:
    """Leusden with its challenge started on START (and with other milestones, if given)."""
    land = democratie.load(LEUSDEN)
    challenge = land.get(CHALLENGE)
    assert isinstance(challenge, Initiative)
    started = evolve(challenge, period=Period(start=START))
    if milestones is not None:
        started = evolve(started, milestones=milestones)
    return land.replace(started)


def _titles(items: tuple[monitor.MilestoneCheck, ...]) -> list[str]:
    return [item.title for item in items]


# -- Leusden: one year to design, three to work the new way -------------------------------------


def test_leusden_as_written_has_deadlines_in_months_but_no_dates() -> None:
    found = monitor.status(democratie.load(LEUSDEN), CHALLENGE, as_of=dt.date(2021, 1, 1))
    assert found.duration.stage == "unknown"
    assert found.duration.planned_months == 12
    assert found.duration.elapsed_months is None
    assert [m.state for m in found.milestones.items] == ["unknown", "unknown"]
    assert found.overdue == ()
    # The three-year horizon is known in months, not as a date.
    assert found.horizon.date is None
    assert (found.horizon.total_months, found.horizon.label) == (36, "nieuwe werkwijze in gebruik")
    assert "36 months after the start" in found.horizon.summary("en")


@pytest.mark.parametrize(
    ("day", "design", "in_use"),
    [
        (dt.date(2019, 8, 1), "not_due", "not_due"),  # before the start
        (dt.date(2020, 7, 31), "not_due", "not_due"),  # 32 days before the design is due
        (dt.date(2020, 8, 15), "due_soon", "not_due"),
        (dt.date(2020, 9, 1), "due_soon", "not_due"),  # the due day itself is not overdue
        (dt.date(2020, 9, 2), "overdue", "not_due"),
        (dt.date(2022, 8, 10), "overdue", "due_soon"),
        (dt.date(2022, 9, 2), "overdue", "overdue"),
    ],
)
def test_leusden_overdue_moves_with_the_day(day: dt.date, design: str, in_use: str) -> None:
    found = monitor.status(_leusden(), CHALLENGE, as_of=day)
    assert [m.state for m in found.milestones.items] == [design, in_use]
    assert [m.due for m in found.milestones.items] == [dt.date(2020, 9, 1), dt.date(2022, 9, 1)]
    assert len(found.overdue) == [design, in_use].count("overdue")


def test_leusden_reaching_the_design_takes_it_off_the_overdue_list() -> None:
    day = dt.date(2020, 10, 1)
    assert _titles(monitor.status(_leusden(), CHALLENGE, as_of=day).overdue) == [
        "nieuwe werkwijze ontworpen"
    ]
    designed, in_use = _leusden().get(CHALLENGE).milestones  # type: ignore[union-attr]
    on_time = _leusden(milestones=(evolve(designed, done=dt.date(2020, 7, 1)), in_use))
    found = monitor.status(on_time, CHALLENGE, as_of=day)
    assert found.overdue == ()
    assert _titles(found.milestones.done) == ["nieuwe werkwijze ontworpen"]
    assert found.milestones.done[0].on_time is True
    late = _leusden(milestones=(evolve(designed, done=dt.date(2020, 9, 20)), in_use))
    reached_late = monitor.status(late, CHALLENGE, as_of=day).milestones.done[0]
    assert reached_late.on_time is False
    assert "late" in monitor.status(late, CHALLENGE, as_of=day).milestones.table("en")[1][0][3]


def test_a_milestone_reached_after_the_day_was_not_reached_on_it() -> None:
    designed, in_use = _leusden().get(CHALLENGE).milestones  # type: ignore[union-attr]
    land = _leusden(milestones=(evolve(designed, done=dt.date(2020, 11, 1)), in_use))
    before = monitor.status(land, CHALLENGE, as_of=dt.date(2020, 10, 1))
    after = monitor.status(land, CHALLENGE, as_of=dt.date(2020, 11, 1))
    assert _titles(before.overdue) == ["nieuwe werkwijze ontworpen"]
    assert before.milestones.done == ()
    assert after.overdue == ()
    assert _titles(after.milestones.done) == ["nieuwe werkwijze ontworpen"]


def test_leusden_months_and_horizon() -> None:
    found = monitor.status(_leusden(), CHALLENGE, as_of=dt.date(2021, 3, 1))
    assert found.duration.start == START
    assert found.duration.planned_end == dt.date(2020, 9, 1)
    assert (found.duration.elapsed_months, found.duration.planned_months) == (18, 12)
    assert found.duration.stage == "past_planned_end"
    assert found.horizon.date == dt.date(2022, 9, 1)
    assert (found.horizon.elapsed_months, found.horizon.total_months) == (18, 36)
    assert found.horizon.fraction == pytest.approx(547 / 1096)
    early = monitor.status(_leusden(), CHALLENGE, as_of=dt.date(2019, 10, 15))
    assert (early.duration.stage, early.duration.elapsed_months) == ("running", 1)
    assert early.duration.summary("en") == "month 2 of 12 (started 2019-09-01)"
    before = monitor.status(_leusden(), CHALLENGE, as_of=dt.date(2019, 1, 1))
    assert (before.duration.stage, before.duration.elapsed_months) == ("not_started", 0)
    assert before.horizon.fraction == 0.0
    done = monitor.status(_leusden(), CHALLENGE, as_of=dt.date(2030, 1, 1))
    assert done.horizon.fraction == 1.0


def test_months_are_counted_as_due_dates_are() -> None:
    for start in (dt.date(2019, 1, 31), dt.date(2019, 9, 1), dt.date(2020, 2, 29)):
        for months in (1, 11, 12, 13, 36):
            due = Milestone(title="x", due_within_months=months).due_date(start)
            assert due is not None
            assert monitor.add_months(start, months) == due
            assert monitor.months_between(start, due) == months
            assert monitor.months_between(start, due - dt.timedelta(days=1)) == months - 1


# -- Democratie in Actie: one year, a start, three regional meetings and a closing one -----------


def test_democratie_in_actie_plans_five_meetings_in_one_year() -> None:
    found = monitor.status(democratie.load(DIA), TRAJECT, as_of=dt.date(2019, 3, 1))
    assert found.duration.planned_months == 12
    assert [m.kind for m in found.meetings.planned] == [
        MeetingKind.STARTBIJEENKOMST,
        *[MeetingKind.REGIONALE_BIJEENKOMST] * 3,
        MeetingKind.SLOTBIJEENKOMST,
    ]
    assert found.meetings.held == ()
    assert all(m.host is None for m in found.meetings.items)
    assert found.milestones.items == ()


def test_democratie_in_actie_meetings_held_with_hosts_named_by_the_landscape() -> None:
    land = democratie.load(DIA)
    traject = land.get(TRAJECT)
    assert isinstance(traject, Initiative)
    start, first, *rest = traject.meetings
    held = evolve(start, date=dt.date(2019, 3, 12), held=True, host="assen")
    dated = evolve(first, date=dt.date(2019, 5, 14), held=False, host="emmen")
    land = land.replace(
        evolve(traject, period=Period(start=dt.date(2019, 3, 1)), meetings=(held, dated, *rest))
    )
    found = monitor.status(land, TRAJECT, as_of=dt.date(2019, 6, 1))
    assert [m.id for m in found.meetings.held] == ["dia-noord-startbijeenkomst"]
    assert found.meetings.held[0].host_name == "Assen"
    first_regional = found.meetings.planned[0]
    assert (first_regional.host_name, first_regional.date_passed) == ("Emmen", True)
    assert "date passed" in found.meetings.table("en")[1][1][4]
    # Before the start meeting, it was still to come.
    earlier = monitor.status(land, TRAJECT, as_of=dt.date(2019, 3, 1))
    assert earlier.meetings.held == ()
    assert earlier.meetings.planned[0].id == "dia-noord-startbijeenkomst"
    assert earlier.duration.summary("en") == "month 1 of 12 (started 2019-03-01)"


def test_meetings_of_a_learning_group_formed_for_the_initiative_count_once() -> None:
    land = democratie.load(DIA)
    group = Network(
        id="leergroep-drenthe",
        name="Leergroep Drenthe",
        kind=NetworkKind.REGIONAAL_LEERNETWERK,
        initiative=TRAJECT,
        meetings=(
            Meeting(
                id="drenthe-1",
                title="Eerste",
                kind=MeetingKind.REGIONALE_BIJEENKOMST,
                date=dt.date(2019, 4, 2),
            ),
        ),
    )
    land = land.add(group)
    found = monitor.status(land, TRAJECT, as_of=dt.date(2019, 5, 1))
    ids = [m.id for m in found.meetings.items]
    assert ids.count("drenthe-1") == 1
    assert found.meetings.unknown[0].of == "leergroep-drenthe"  # held is not recorded
    regional = monitor.status(land, TRAJECT, as_of=dt.date(2019, 4, 1))
    assert "drenthe-1" in [m.id for m in regional.meetings.planned]  # its day has not come


# -- M50: the learning circle's meetings are its network's --------------------------------------


def test_m50_meetings_are_those_of_its_network() -> None:
    land = democratie.load(M50)
    found = monitor.status(land, CIRCLE, as_of=dt.date(2020, 3, 1))
    assert [m.id for m in found.meetings.held] == ["m50-kick-off-democratische-vernieuwing"]
    assert [m.id for m in found.meetings.planned] == [
        "m50-vervolgbijeenkomst-thorbecke",
        "m50-vervolgbijeenkomst-next-step",
    ]
    assert {m.of for m in found.meetings.items} == {"m50-leerkring-democratische-vernieuwing"}
    assert (found.duration.stage, found.duration.planned_months) == ("running", None)
    before = monitor.status(land, CIRCLE, as_of=dt.date(2020, 2, 1))
    assert before.meetings.held == ()
    assert before.duration.stage == "not_started"


def test_host_named_for_the_thorbecke_congress() -> None:
    found = monitor.status(
        democratie.load(M50), "thorbecke-experimenten", as_of=dt.date(2020, 3, 1)
    )
    (congress,) = found.meetings.planned
    assert (congress.host, congress.host_name) == ("vng", "VNG")


# -- the day, errors, text, data --------------------------------------------------------------


def test_without_a_day_the_status_is_of_today_and_says_so() -> None:
    found = monitor.status(_leusden(), CHALLENGE)
    assert found.as_of.today is True
    assert found.as_of.date == dt.date.today()
    assert found.headline("en").endswith("(today)")
    assert found.headline("nl").endswith("(vandaag)")
    given = monitor.status(_leusden(), CHALLENGE, as_of=dt.date.today())
    assert given.as_of.today is False
    assert given.milestones == found.milestones


def test_unknown_initiatives_and_days_are_located_errors() -> None:
    land = democratie.load(LEUSDEN)
    with pytest.raises(MonitorError) as raised:
        monitor.status(land, "samenleving-voorop-bestur")
    (problem,) = raised.value.problems
    assert (problem.path, problem.code) == ("initiative", "dangling-reference")
    assert "did you mean 'samenleving-voorop-bestuur'?" in problem.message
    with pytest.raises(MonitorError, match="'leusden' is a municipality, not an initiative"):
        monitor.status(land, "leusden")
    with pytest.raises(MonitorError, match="as_of: expected a date"):
        monitor.status(land, CHALLENGE, as_of="2020-10-01")  # type: ignore[arg-type]
    challenge = land.get(CHALLENGE)
    assert isinstance(challenge, Initiative)
    assert monitor.status(land, challenge, as_of=START).initiative == CHALLENGE


def test_the_status_explains_itself_in_both_languages_and_as_data() -> None:
    found = monitor.status(_leusden(), CHALLENGE, as_of=dt.date(2020, 10, 1))
    english, dutch = found.explain("en"), found.explain("nl")
    assert english[0] == (
        "Samenleving Voorop: domein Bestuur (samenleving-voorop-bestuur), as of 2020-10-01"
    )
    assert "    - overdue: nieuwe werkwijze ontworpen (due 2020-09-01)" in english
    assert "    - over tijd: nieuwe werkwijze ontworpen (uiterlijk 2020-09-01)" in dutch
    assert len(english) == len(dutch)
    data = json.loads(json.dumps(found.to_dict()))
    assert [m["title"] for m in data["milestones"]["overdue"]] == ["nieuwe werkwijze ontworpen"]
    assert data["duration"]["stage"] == "past_planned_end"
    assert data["horizon"]["date"] == "2022-09-01"
    assert list(data) == ["initiative", "title", "as_of", *(s.key for s in found.sections)]


# -- one definition of overdue: the status and the timeline rule agree --------------------------


def _overdue_by_rule(land: Landscape, subject: str, day: dt.date) -> list[str]:
    card = run(land, [TimelineFeasibility()], as_of=day)[subject]
    return [
        e.fact.removeprefix("milestones.")
        for e in card["timeline_feasibility"].evidence
        if e.value == "overdue"
    ]


def test_the_timeline_rule_and_the_status_agree_on_overdue_every_month() -> None:
    designed, in_use = _leusden().get(CHALLENGE).milestones  # type: ignore[union-attr]
    variants = [
        _leusden(),
        _leusden(milestones=(evolve(designed, done=dt.date(2020, 10, 15)), in_use)),
        _leusden(milestones=(designed, evolve(in_use, due=dt.date(2021, 1, 31)))),
    ]
    for land in variants:
        for months in range(40):
            day = monitor.add_months(START, months)
            assert day is not None
            for when in (day, day + dt.timedelta(days=1)):
                status_says = _titles(monitor.status(land, CHALLENGE, as_of=when).overdue)
                assert _overdue_by_rule(land, CHALLENGE, when) == status_says, when


def test_the_timeline_explanation_names_the_day_or_says_there_was_none() -> None:
    land = _leusden()
    dated = run(land, [TimelineFeasibility()], as_of=dt.date(2020, 10, 1))[CHALLENGE]
    explanation = dated["timeline_feasibility"].explanation
    assert "(as of 2020-10-01)" in explanation.en
    assert "(stand van zaken op 2020-10-01)" in explanation.nl
    undated = run(land, [TimelineFeasibility()])[CHALLENGE]["timeline_feasibility"]
    assert "give as_of to see what is overdue" in undated.explanation.en
    assert not undated.applicable


# -- the command line: status, score and report agree for one --as-of ---------------------------


def test_cli_status_score_and_report_agree_on_overdue(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "leusden.toml"
    democratie.dump(_leusden(), source)
    day = "2020-10-01"
    assert main(["status", str(source), "--initiative", CHALLENGE, "--as-of", day, "--json"]) == 0
    status_json = json.loads(capsys.readouterr().out)
    assert status_json["as_of"] == {"date": day, "today": False}
    from_status = [m["title"] for m in status_json["overdue"]]
    assert from_status == ["nieuwe werkwijze ontworpen"]
    (one,) = status_json["initiatives"]
    assert [m["title"] for m in one["milestones"]["overdue"]] == from_status

    assert (
        main(["score", str(source), "--as-of", day, "--json", "--rule", "timeline_feasibility"])
        == 0
    )
    score_json = json.loads(capsys.readouterr().out)
    assert score_json["as_of"] == {"date": day, "today": False}
    card = next(c for c in score_json["scorecards"] if c["subject"] == CHALLENGE)
    (timeline,) = card["scores"]
    from_score = [
        e["fact"].removeprefix("milestones.")
        for e in timeline["evidence"]
        if e["value"] == "overdue"
    ]
    assert from_score == from_status

    out = tmp_path / "report"
    assert main(["--lang", "en", "report", str(source), "--output", str(out), "--as-of", day]) == 0
    assert "(as of 2020-10-01)" in capsys.readouterr().out
    page = next(out.glob("*.html")).read_text("utf-8")
    assert "As of 1 October 2020." in page
    assert "nieuwe werkwijze ontworpen (within 12 months; overdue on 1 October 2020)" in page
    assert "nieuwe werkwijze in gebruik (within 36 months)</li>" in page


def test_cli_commands_judge_on_today_by_default_and_say_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "leusden.toml"
    democratie.dump(_leusden(), source)
    today = dt.date.today().isoformat()
    assert main(["--lang", "en", "status", str(source)]) == 0
    assert capsys.readouterr().out.startswith(f"As of {today} (today).")
    assert main(["status", str(source), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["as_of"] == {"date": today, "today": True}
    assert main(["--lang", "en", "score", str(source), "--rule", "timeline_feasibility"]) == 0
    text = capsys.readouterr().out
    assert text.startswith(f"As of {today} (today).")
    assert f"(as of {today})" in text  # the rule judged on the same day
    out = tmp_path / "report"
    assert main(["--lang", "en", "report", str(source), "--output", str(out)]) == 0
    capsys.readouterr()
    page = next(out.glob("*.html")).read_text("utf-8")
    assert ", the day this report was made." in page


def test_cli_status_lists_every_initiative_without_initiative(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--lang", "en", "status", M50, "--as-of", "2020-03-01"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("As of 2020-03-01.\n")
    assert "Leerkring democratische vernieuwing M50 (m50-leerkring-initiatief)" in out
    assert "Thorbecke-experimenten (thorbecke-experimenten)" in out
    assert "Meetings: 1 held, 2 planned, 0 unknown" in out


@pytest.mark.parametrize("command", ["status", "score", "report"])
def test_cli_a_bad_day_is_a_usage_error_without_traceback(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([command, LEUSDEN, "--as-of", "2020-13-01"]) == 2
    err = capsys.readouterr().err
    assert "Invalid value for '--as-of': '2020-13-01'" in err
    assert "Traceback" not in err


def test_cli_an_unknown_initiative_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status", LEUSDEN, "--initiative", "samenleving"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("democratie: --initiative: 'samenleving' is not an initiative")
    assert "Traceback" not in err


# -- every landscape Hypothesis can make --------------------------------------------------------


@given(land=strategies.landscapes(), day=strategies.dates())
def test_every_initiative_has_a_status_that_agrees_with_the_timeline_rule(
    land: Landscape, day: dt.date
) -> None:
    cards = run(land, [TimelineFeasibility()], as_of=day)
    for initiative in land.initiatives:
        found = monitor.status(land, initiative, as_of=day)
        assert json.loads(json.dumps(found.to_dict()))["initiative"] == initiative.id
        assert len(found.explain("nl")) == len(found.explain("en"))
        states = [m.state for m in found.milestones.items]
        assert len(states) == len(initiative.milestones)
        timeline = cards[initiative.id]["timeline_feasibility"]
        by_rule = [e.value == "overdue" for e in timeline.evidence]
        assert by_rule == [s == "overdue" for s in states]
        if found.horizon.fraction is not None:
            assert 0.0 <= found.horizon.fraction <= 1.0
        if found.duration.elapsed_months is not None:
            assert found.duration.elapsed_months >= 0
        held = {m.id for m in found.meetings.held}
        assert all(m.date is None or m.date <= day for m in found.meetings.held)
        assert held.isdisjoint(m.id for m in found.meetings.planned)


# -- evaluations held and due ------------------------------------------------------------------


def _evaluated(*evaluations: Evaluation) -> Landscape:
    """Leusden's challenge started on START, with these evaluations recorded on it."""
    land = _leusden()
    challenge = land.get(CHALLENGE)
    assert isinstance(challenge, Initiative)
    return land.replace(evolve(challenge, evaluations=evaluations))


def test_an_evaluation_moment_passed_without_one_is_missed_until_one_is_held() -> None:
    # Leusden's text asks for a year of design and a way of working in use within three;
    # with a moment every 12 months, the first falls on 2020-09-01 (also the design's due date).
    spring = Evaluation(date=dt.date(2020, 7, 1), by="leusden", method="reflectiebijeenkomst")
    before = monitor.status(_evaluated(), CHALLENGE, as_of=dt.date(2020, 10, 1), every_months=12)
    assert [m.date for m in before.evaluations.missed] == [dt.date(2020, 9, 1)]
    assert before.evaluations.next is not None
    assert before.evaluations.next.date == dt.date(2021, 9, 1)
    assert before.evaluations.summary("en") == (
        "0 held; 1 moment(s) passed without an evaluation; next: 2021-09-01 (24 months after "
        "the start)"
    )
    after = monitor.status(
        _evaluated(spring), CHALLENGE, as_of=dt.date(2020, 10, 1), every_months=12
    )
    assert after.evaluations.missed == ()
    assert [m.state for m in after.evaluations.moments][:2] == ["held", "not_due"]
    (held,) = after.evaluations.held
    assert (held.by_name, held.method) == ("Leusden", "reflectiebijeenkomst")


def test_an_evaluation_recorded_for_a_later_day_does_not_count_yet() -> None:
    late = Evaluation(date=dt.date(2020, 8, 15))
    land = _evaluated(late)
    on_the_day = monitor.status(land, CHALLENGE, as_of=dt.date(2020, 8, 10), every_months=12)
    assert on_the_day.evaluations.held == ()
    assert on_the_day.evaluations.moments[0].state == "due_soon"
    later = monitor.status(land, CHALLENGE, as_of=dt.date(2020, 9, 2), every_months=12)
    assert later.evaluations.moments[0].state == "held"


def test_without_a_start_the_status_says_what_to_record_for_a_schedule() -> None:
    # As written, Leusden's programme has no start date; its one evaluation, the look back
    # on "wat werkt wel en wat werkt niet", has no date.
    found = monitor.status(
        democratie.load(LEUSDEN), "samenleving-voorop", as_of=dt.date(2021, 1, 1)
    )
    assert found.evaluations.unscheduled == "no_start"
    assert found.evaluations.moments == ()
    assert len(found.evaluations.held) == 1
    assert found.evaluations.summary("en") == "1 held; no schedule: no start date is recorded"
    assert found.evaluations.summary("nl") == (
        "1 gehouden; geen schema: er is geen startdatum vastgelegd"
    )


def test_evaluations_are_in_the_json_and_tables_of_the_status_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "leusden.toml"
    democratie.dump(_evaluated(), source)
    argv = ["status", str(source), "--initiative", CHALLENGE, "--as-of", "2021-01-01"]
    assert main([*argv, "--json"]) == 0
    (one,) = json.loads(capsys.readouterr().out)["initiatives"]
    assert [m["date"] for m in one["evaluations"]["missed"]] == ["2020-03-01", "2020-09-01"]
    assert main(["--lang", "en", *argv]) == 0
    text = capsys.readouterr().out
    assert "Evaluations: 0 held; 2 moment(s) passed without an evaluation" in text
    assert "passed without an evaluation" in text


def test_the_reasons_of_the_moments_are_the_schedules_in_english_and_dutch() -> None:
    land = _evaluated()
    found = monitor.status(land, CHALLENGE, as_of=dt.date(2020, 10, 1), before=dt.date(2022, 3, 16))
    challenge = land.get(CHALLENGE)
    assert isinstance(challenge, Initiative)
    schedule = monitor.schedule_evaluations(challenge, before=dt.date(2022, 3, 16))
    assert [m.reason_en for m in found.evaluations.moments] == [m.reason for m in schedule]
    dutch = {m.date.isoformat(): m.reason("nl") for m in found.evaluations.moments}
    assert dutch["2020-09-01"] == (
        "12 maanden na de start; het einde van de geplande 12 maanden; mijlpaal 'nieuwe "
        "werkwijze ontworpen' valt dan"
    )
    assert dutch["2021-12-16"] == "3 maanden vóór 2022-03-16"


def test_the_horizon_is_the_planned_end_when_it_comes_after_every_milestone() -> None:
    # A programme that runs to the end of 2025, with its last milestone a year earlier.
    pilot = Initiative(
        id="pilot",
        title="Buurtrechten",
        kind=InitiativeKind.TRAJECT,
        period=Period(start=dt.date(2024, 3, 1), end=dt.date(2025, 12, 31)),
        duration_months=22,
        milestones=(Milestone(title="eerste challenge", due=dt.date(2024, 12, 31)),),
    )
    found = monitor.status(Landscape(initiatives=(pilot,)), "pilot", as_of=dt.date(2025, 6, 1))
    assert (found.horizon.date, found.horizon.label) == (dt.date(2025, 12, 31), None)
    assert found.horizon.total_months == 21
    # The recorded end is the planned end, not the start plus the duration (2026-01-01).
    assert found.duration.planned_end == dt.date(2025, 12, 31)
    later = evolve(pilot, milestones=(Milestone(title="besluit", due=dt.date(2026, 3, 1)),))
    found = monitor.status(Landscape(initiatives=(later,)), "pilot", as_of=dt.date(2025, 6, 1))
    assert (found.horizon.date, found.horizon.label) == (dt.date(2026, 3, 1), "besluit")


def test_the_evaluation_table_is_in_date_order_and_names_what_covered_each_moment() -> None:
    reflection = Evaluation(
        date=dt.date(2020, 8, 20),
        method="reflectiebijeenkomst",
        closes_milestone="nieuwe werkwijze ontworpen",
    )
    extra = Evaluation(date=dt.date(2020, 9, 10), method="enquête")
    found = monitor.status(
        _evaluated(extra, reflection), CHALLENGE, as_of=dt.date(2021, 4, 1), every_months=6
    )
    _, rows = found.evaluations.table("en")
    assert [row[0] for row in rows] == sorted(row[0] for row in rows)
    by_day = {row[0]: row for row in rows}
    # The reflection closes the design's milestone moment; the survey then covers March 2021.
    assert by_day["2020-09-01"][2] == (
        "held: 2020-08-20 (reflectiebijeenkomst, closes milestone 'nieuwe werkwijze ontworpen')"
    )
    assert by_day["2021-03-01"][2] == "held: 2020-09-10 (enquête)"
    assert by_day["2020-03-01"][2] == "passed without an evaluation"
    dutch = {row[0]: row for row in found.evaluations.table("nl")[1]}
    assert "sluit mijlpaal 'nieuwe werkwijze ontworpen' af" in dutch["2020-09-01"][2]


def test_cli_status_takes_the_schedule_and_refuses_a_day_not_written_yyyy_mm_dd(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "leusden.toml"
    democratie.dump(_evaluated(), source)
    argv = ["status", str(source), "--initiative", CHALLENGE, "--as-of", "2021-01-01", "--json"]
    assert main([*argv, "--every-months", "12", "--election", "2022-03-16"]) == 0
    (one,) = json.loads(capsys.readouterr().out)["initiatives"]
    days = [m["date"] for m in one["evaluations"]["moments"]]
    assert days == ["2020-09-01", "2021-09-01", "2021-12-16", "2022-09-01"]
    assert one["evaluations"]["every_months"] == 12
    for wrong in ("2021-1-1", "2021-02-30"):
        assert main(["status", str(source), "--as-of", wrong]) == 2
        assert "YYYY-MM-DD" in capsys.readouterr().err

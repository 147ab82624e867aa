"""Following programmes over time: evaluation schedules and the progress of goals."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from attrs import evolve
from hypothesis import given, settings
from hypothesis import strategies as st

from democratie import examples, monitor
from democratie.errors import MonitorError
from democratie.model import (
    Area,
    Evaluation,
    Indicator,
    Initiative,
    Landscape,
    Measurement,
    Milestone,
    Municipality,
    Period,
)
from democratie.monitor import goal_progress, schedule_evaluations
from democratie.testing.strategies import landscapes
from democratie.vocab import AreaLevel, Direction, InitiativeKind

D = dt.date
CLOSE = dt.timedelta(days=monitor.CLOSE_DAYS)
STICHTSE_VECHT = "stichtse-vecht-gebiedsgericht-werken"
AS_OF = D(2023, 6, 30)


def _challenge(**changes: Any) -> Initiative:
    """Leusden's challenge on the domain Bestuur, with a start (the text gives none)."""
    challenge = examples.load("leusden-samenleving-voorop").get("samenleving-voorop-bestuur")
    assert isinstance(challenge, Initiative)
    return evolve(challenge, period=Period(start=D(2019, 9, 1)), **changes)


# --- schedule_evaluations ---------------------------------------------------------------------


def test_the_schedule_runs_to_the_latest_milestone_not_only_to_the_end() -> None:
    # One year to design the way of working (duration 12), in use within three (36 months).
    moments = schedule_evaluations(_challenge())
    assert moments[0].date == D(2020, 3, 1)
    assert moments[-1].date == D(2022, 9, 1)
    assert len(moments) == 6
    assert [m.date for m in moments] == sorted(m.date for m in moments)
    end = next(m for m in moments if "end" in m.kinds)
    assert end.date == D(2020, 9, 1)
    assert end.kinds == ("interval", "end", "milestone")
    assert end.reasons == (
        "12 months after the start",
        "the end of its planned 12 months",
        "milestone 'nieuwe werkwijze ontworpen' is due",
    )
    assert not any(m.covered for m in moments)


def test_every_months_sets_the_interval() -> None:
    yearly = schedule_evaluations(_challenge(), every_months=12)
    assert [m.date for m in yearly] == [D(2020, 9, 1), D(2021, 9, 1), D(2022, 9, 1)]
    quarterly = schedule_evaluations(_challenge(), every_months=3)
    assert len(quarterly) == 12


def test_a_moment_before_the_election() -> None:
    moments = schedule_evaluations(_challenge(), every_months=12, before=D(2022, 3, 16))
    election = [m for m in moments if "election" in m.kinds]
    assert [(m.date, m.reason) for m in election] == [
        (D(2021, 12, 16), "3 months before 2022-03-16")
    ]
    later = schedule_evaluations(
        _challenge(), every_months=12, before=D(2022, 3, 16), lead_months=6
    )
    assert [m.date for m in later if "election" in m.kinds] == [D(2021, 9, 16)]
    # An election before the start gives no moment.
    early = schedule_evaluations(_challenge(), before=D(2019, 10, 1))
    assert not any("election" in m.kinds for m in early)


def test_a_recorded_evaluation_covers_the_moment_it_falls_before() -> None:
    held = Evaluation(date=D(2020, 8, 20), by="leusden-raad", method="reflectiebijeenkomst")
    moments = schedule_evaluations(_challenge(evaluations=(held,)))
    covered = [(m.date, m.covered_by) for m in moments if m.covered]
    assert covered == [(D(2020, 9, 1), 0)]  # after the moment of March 2020, before September
    # One day later it covers the next moment instead.
    later = evolve(held, date=D(2020, 9, 2))
    moments = schedule_evaluations(_challenge(evaluations=(later,)))
    assert [m.date for m in moments if m.covered] == [D(2021, 3, 1)]


def test_an_evaluation_that_closes_a_milestone_covers_it_without_a_date() -> None:
    closing = Evaluation(closes_milestone="nieuwe werkwijze in gebruik")
    moments = schedule_evaluations(_challenge(evaluations=(Evaluation(), closing)))
    assert [(m.date, m.covered_by) for m in moments if m.covered] == [(D(2022, 9, 1), 1)]


def test_an_evaluation_closing_a_milestone_late_does_not_also_cover_the_next_moment() -> None:
    # Held two weeks after the design was due, it closes that milestone's moment; the
    # next moment, in March 2021, still needs an evaluation of its own.
    closing = Evaluation(date=D(2020, 9, 15), closes_milestone="nieuwe werkwijze ontworpen")
    moments = schedule_evaluations(_challenge(evaluations=(closing,)))
    assert [(m.date, m.covered_by) for m in moments if m.covered] == [(D(2020, 9, 1), 0)]
    second = Evaluation(date=D(2021, 2, 1))
    moments = schedule_evaluations(_challenge(evaluations=(closing, second)))
    assert [(m.date, m.covered_by) for m in moments if m.covered] == [
        (D(2020, 9, 1), 0),
        (D(2021, 3, 1), 1),
    ]


def test_moments_close_together_are_one_but_regular_ones_never_merge() -> None:
    # A milestone due sixteen days after the twelve-month moment asks for one evaluation.
    pilot = Initiative(
        id="pilot",
        title="Uitdaagrecht",
        kind=InitiativeKind.TRAJECT,
        period=Period(start=D(2025, 1, 15)),
        duration_months=24,
        milestones=(Milestone(title="tussenevaluatie in de raad", due=D(2026, 1, 31)),),
    )
    moments = schedule_evaluations(pilot, every_months=12)
    assert [(m.date, m.kinds) for m in moments] == [
        (D(2026, 1, 31), ("interval", "milestone")),
        (D(2027, 1, 15), ("interval", "end")),
    ]
    assert moments[0].origins == (D(2026, 1, 15), D(2026, 1, 31))
    # A month apart, regular moments stay apart.
    monthly = schedule_evaluations(pilot, every_months=1)
    assert len([m for m in monthly if "interval" in m.kinds]) == 24
    assert all(m.kinds.count("interval") == 1 for m in monthly)


def test_a_schedule_needs_a_start_and_a_horizon() -> None:
    challenge = examples.load("leusden-samenleving-voorop").get("samenleving-voorop-bestuur")
    assert isinstance(challenge, Initiative)
    with pytest.raises(MonitorError) as caught:
        schedule_evaluations(challenge)
    assert [(p.path, p.code) for p in caught.value.problems] == [
        ("initiative.period.start", "missing-key")
    ]
    assert "no start date" in str(caught.value)
    open_ended = Initiative(
        id="open", title="Open", kind=InitiativeKind.EXPERIMENT, period=Period(start=D(2020, 1, 1))
    )
    with pytest.raises(MonitorError, match="no horizon"):
        schedule_evaluations(open_ended)
    with pytest.raises(MonitorError) as caught:
        schedule_evaluations(_challenge(), every_months=0, lead_months=-1)
    assert [p.path for p in caught.value.problems] == ["every_months", "lead_months"]


def test_a_milestone_with_a_date_sets_the_horizon() -> None:
    pilot = Initiative(
        id="pilot",
        title="Pilot",
        kind=InitiativeKind.EXPERIMENT,
        period=Period(start=D(2021, 1, 31)),
        milestones=(Milestone(title="Besluit", due=D(2021, 8, 31)),),
    )
    moments = schedule_evaluations(pilot, every_months=1)
    # The 31st falls on the last day of shorter months.
    assert [m.date for m in moments][:3] == [D(2021, 2, 28), D(2021, 3, 31), D(2021, 4, 30)]
    assert moments[-1].date == D(2021, 8, 31)
    assert moments[-1].kinds == ("interval", "milestone")


@settings(max_examples=50, deadline=None)
@given(landscapes(max_initiatives=3), st.integers(1, 24))
def test_schedules_are_sorted_unique_and_within_the_horizon(land: Landscape, every: int) -> None:
    for initiative in land.initiatives:
        try:
            moments = schedule_evaluations(initiative, every_months=every)
        except MonitorError:
            continue
        days = [m.date for m in moments]
        assert days == sorted(set(days))
        start = initiative.period.start
        assert start is not None
        assert all(day >= start for day in days)
        for moment in moments:
            assert len(moment.kinds) == len(moment.reasons) > 0
            if moment.covered_by is not None:
                assert 0 <= moment.covered_by < len(initiative.evaluations)
        assert all(m.kinds.count("interval") <= 1 for m in moments)
        assert all(len(m.origins) == len(m.kinds) for m in moments)
        assert all(m.date - CLOSE <= o <= m.date for m in moments for o in m.origins)
        covering = [m.covered_by for m in moments if m.covered_by is not None]
        assert len(covering) == len(set(covering))  # one evaluation covers one moment at most


# --- goal_progress ----------------------------------------------------------------------------


def _progress(land: Landscape | None = None, **options: object) -> monitor.GoalProgress:
    chosen = land if land is not None else examples.load(STICHTSE_VECHT)
    return goal_progress(chosen, "stichtse-vecht", as_of=AS_OF, **options)  # type: ignore[arg-type]


def test_stichtse_vecht_goals_kern_by_kern() -> None:
    progress = _progress()
    assert (progress.municipality, progress.level, progress.as_of.date) == (
        "stichtse-vecht",
        AreaLevel.KERN,
        AS_OF,
    )
    assert not progress.as_of.today
    table = [(row.area, row.goal, row.on_track) for row in progress.rows]
    assert table == [
        (None, "snelle_en_eenvoudige_dienstverlening", True),  # 73 beyond the path to 75
        (None, "minder_regeldruk", None),  # not measured yet
        ("breukelen", "heldere_en_tijdige_communicatie", True),  # 5 days: target reached
        ("breukelen", "participatie", True),
        ("kockengen", "participatie", False),  # down from 10 to 9
        ("maarssen-dorp", "heldere_en_tijdige_communicatie", True),
        ("maarssenbroek", "participatie", False),
        ("vreeland", "participatie", False),  # the programme's own indicator
    ]
    vreeland = progress.rows[-1]
    assert (vreeland.owner, vreeland.indicator) == (
        "gebiedsgericht-werken-2022",
        "gw-participatie-vreeland",
    )
    kockengen = progress.rows[4]
    assert (kockengen.latest, kockengen.change, kockengen.trend) == (
        Measurement(date=D(2023, 4, 1), value=9.0),
        -1.0,
        "worsening",
    )


def test_the_gaps_are_the_kernen_where_a_goal_measured_elsewhere_is_not() -> None:
    progress = _progress()
    measured = {"breukelen", "kockengen", "maarssenbroek", "vreeland"}
    kernen = [a.id for a in examples.load(STICHTSE_VECHT).areas_of("stichtse-vecht", "kern")]
    assert progress.unmeasured("participatie") == tuple(k for k in kernen if k not in measured)
    assert len(progress.unmeasured("heldere_en_tijdige_communicatie")) == 10
    # Measured for the whole municipality only, or nowhere: no kern is a gap for it.
    assert progress.unmeasured("snelle_en_eenvoudige_dienstverlening") == ()
    assert progress.unmeasured("minder_regeldruk") == ()
    gap = progress.gaps[0]
    assert (gap.goal, gap.area, gap.measured_in) == (
        "heldere_en_tijdige_communicatie",
        "kockengen",
        ("breukelen", "maarssen-dorp"),
    )


def test_one_measurement_changed_moves_the_verdict() -> None:
    land = examples.load(STICHTSE_VECHT)
    mun = land.get("stichtse-vecht")
    assert isinstance(mun, Municipality)
    index = next(i for i, d in enumerate(mun.indicators) if d.id == "sv-participatie-maarssenbroek")
    indicator = mun.indicators[index]
    assert [r.on_track for r in _progress(land).rows if r.area == "maarssenbroek"] == [False]
    # 6.5 percent in April 2023 is behind the path from 6 to 10; 9 percent is ahead of it.
    ahead = evolve(
        indicator,
        measurements=(indicator.measurements[0], evolve(indicator.measurements[1], value=9)),
    )
    indicators = (*mun.indicators[:index], ahead, *mun.indicators[index + 1 :])
    changed = land.replace(evolve(mun, indicators=indicators))
    row = next(r for r in _progress(changed).rows if r.area == "maarssenbroek")
    assert (row.on_track, row.trend, row.change) == (True, "improving", 3.0)


def test_the_date_decides_which_measurements_count() -> None:
    early = goal_progress(examples.load(STICHTSE_VECHT), "stichtse-vecht", as_of=D(2022, 12, 31))
    kockengen = next(r for r in early.rows if r.area == "kockengen")
    # Only the measurement of April 2022, no trend yet: still at the baseline three months
    # into the period, just behind the path from 10 to 12.
    assert (kockengen.latest, kockengen.previous, kockengen.trend) == (
        Measurement(date=D(2022, 4, 1), value=10.0),
        None,
        None,
    )
    assert kockengen.on_track is False
    breukelen = next(r for r in early.rows if r.area == "breukelen" and r.goal == "participatie")
    assert breukelen.latest == Measurement(date=D(2022, 4, 1), value=8.0)
    before = goal_progress(examples.load(STICHTSE_VECHT), "stichtse-vecht", as_of=D(2021, 1, 1))
    assert {row.on_track for row in before.rows} == {None}
    assert before.gaps == ()
    today = goal_progress(examples.load(STICHTSE_VECHT), "stichtse-vecht")
    assert (today.as_of.date, today.as_of.today) == (dt.date.today(), True)
    assert today.explain("en")[0].endswith("(today)")


def test_the_goal_table_explains_itself_in_both_languages_and_as_data() -> None:
    progress = _progress()
    english, dutch = progress.explain("en"), progress.explain("nl")
    assert len(english) == len(dutch) == 1 + len(progress.rows) + len(progress.gaps)
    assert (
        "  kockengen: Thinking along, taking part and getting room (participation): 9 procent "
        "(2023-04-01), target 12 procent, worsening, behind"
    ) in english
    assert (
        "  kockengen: Meedenken, meedoen en ruimte krijgen (participatie): 9 procent "
        "(2023-04-01), doel 12 procent, verslechtert, achter op koers"
    ) in dutch
    data = json.loads(json.dumps(progress.to_dict()))
    assert [row["on_track"] for row in data["rows"]] == [row.on_track for row in progress.rows]
    assert len(data["gaps"]) == len(progress.gaps)


def test_without_a_level_every_area_counts_and_there_are_no_gaps() -> None:
    progress = _progress(level=None)
    assert progress.level is None
    assert len(progress.rows) == 8
    assert progress.gaps == ()
    wijken = _progress(level="wijk")
    assert [row.area for row in wijken.rows] == [None, None]  # no wijk is measured


ON_TRACK_CASES = [
    # target reached
    ({"baseline": 10, "target": 20}, [(D(2020, 6, 1), 20)], True),
    # the straight path from 10 on 1 January 2020 to 20 on 31 December 2020: 15 by July
    ({"baseline": 10, "target": 20, "period": True}, [(D(2020, 7, 2), 15.1)], True),
    ({"baseline": 10, "target": 20, "period": True}, [(D(2020, 7, 2), 14.9)], False),
    # after the period without reaching the target
    ({"baseline": 10, "target": 20, "period": True}, [(D(2020, 12, 31), 19.9)], False),
    # a baseline and a target, but no whole period: better than the baseline
    ({"baseline": 10, "target": 20}, [(D(2020, 7, 2), 11)], True),
    ({"baseline": 10, "target": 20}, [(D(2020, 7, 2), 10)], False),
    # a baseline only
    ({"baseline": 10}, [(D(2020, 7, 2), 9)], False),
    # nothing to compare with but the measurement before
    ({}, [(D(2020, 1, 1), 3), (D(2020, 7, 2), 4)], True),
    ({}, [(D(2020, 1, 1), 3), (D(2020, 7, 2), 3)], False),
    ({}, [(D(2020, 7, 2), 3)], None),
    ({"target": 20}, [(D(2020, 7, 2), 3)], None),
]


@pytest.mark.parametrize("direction", list(Direction))
@pytest.mark.parametrize(("given", "values", "expected"), ON_TRACK_CASES)
def test_on_track_follows_the_documented_order(
    direction: Direction,
    given: dict[str, object],
    values: list[tuple[dt.date, float]],
    expected: bool | None,
) -> None:
    # Down is up in a mirror: negate every number for omlaag.
    sign = 1 if direction is Direction.OMHOOG else -1
    period = Period(start=D(2020, 1, 1), end=D(2020, 12, 31)) if given.get("period") else Period()
    indicator = Indicator(
        id="ind",
        goal="Een doel in woorden",
        area="wijk-a",
        direction=direction,
        baseline=sign * given["baseline"] if "baseline" in given else None,  # type: ignore[operator]
        target=sign * given["target"] if "target" in given else None,  # type: ignore[operator]
        period=period,
        measurements=tuple(Measurement(date=day, value=sign * value) for day, value in values),
    )
    land = Landscape(
        municipalities=(
            Municipality(
                id="m",
                cbs_code="GM0327",
                areas=(Area(id="wijk-a", name="A", level=AreaLevel.WIJK),),
                indicators=(indicator,),
            ),
        )
    )
    (row,) = goal_progress(land, "m", level="wijk", as_of=D(2021, 1, 1)).rows
    assert row.on_track is expected


def test_indicators_of_another_level_are_counted_and_said_not_dropped_silently() -> None:
    # A city measured by wijk, asked by kern (the default): the table says what it leaves out.
    measured = Indicator(
        id="ind",
        goal="participatie",
        area="wijk-a",
        direction=Direction.OMHOOG,
        measurements=(Measurement(date=D(2020, 6, 1), value=3),),
    )
    land = Landscape(
        municipalities=(
            Municipality(
                id="m",
                cbs_code="GM0599",
                areas=(Area(id="wijk-a", name="A", level=AreaLevel.WIJK),),
                indicators=(measured,),
            ),
        )
    )
    by_kern = goal_progress(land, "m", as_of=D(2021, 1, 1))
    assert by_kern.rows == ()
    assert by_kern.elsewhere == {AreaLevel.WIJK: 1}
    assert 'ask for level="wijk"' in by_kern.explain("en")[-1]
    assert by_kern.to_dict()["elsewhere"] == {"wijk": 1}
    by_wijk = goal_progress(land, "m", level="wijk", as_of=D(2021, 1, 1))
    assert (len(by_wijk.rows), by_wijk.elsewhere) == (1, {})


def test_initiative_indicators_count_for_the_municipality_they_measure() -> None:
    whole = Indicator(id="heel", goal="participatie", direction=Direction.OMHOOG)
    shared = Indicator(id="samen", goal="participatie", direction=Direction.OMHOOG)
    land = Landscape(
        municipalities=(
            Municipality(id="leusden", cbs_code="GM0327"),
            Municipality(id="baarn", cbs_code="GM0308"),
        ),
        initiatives=(
            Initiative(
                id="eigen",
                title="E",
                kind=InitiativeKind.EXPERIMENT,
                municipalities=("leusden",),
                indicators=(whole,),
            ),
            Initiative(
                id="regio",
                title="R",
                kind=InitiativeKind.EXPERIMENT,
                municipalities=("leusden", "baarn"),
                indicators=(shared,),
            ),
        ),
    )
    assert [row.indicator for row in goal_progress(land, "leusden").rows] == ["heel"]
    assert goal_progress(land, "baarn").rows == ()


def test_goal_progress_refuses_what_is_not_a_municipality_or_a_level() -> None:
    land = examples.load(STICHTSE_VECHT)
    with pytest.raises(MonitorError) as caught:
        goal_progress(land, "stichtse-vech")
    assert [(p.path, p.code) for p in caught.value.problems] == [
        ("municipality", "dangling-reference")
    ]
    with pytest.raises(MonitorError) as caught:
        goal_progress(land, "breukelen")
    assert caught.value.problems[0].code == "wrong-reference"
    with pytest.raises(MonitorError) as caught:
        goal_progress(land, "stichtse-vecht", level="kernen")
    assert caught.value.problems[0].path == "level"


@settings(max_examples=50, deadline=None)
@given(landscapes(max_municipalities=2, max_initiatives=3))
def test_goal_progress_holds_every_indicator_of_the_whole_or_its_areas(land: Landscape) -> None:
    for mun in land.municipalities:
        progress = goal_progress(land, mun.id, level=None, as_of=D(2020, 1, 1))
        own = {d.id for d in mun.indicators}
        assert own <= {row.indicator for row in progress.rows}
        for row in progress.rows:
            assert row.area is None or land.municipality_of(row.area) == mun.id
            assert row.latest is None or row.latest.date <= D(2020, 1, 1)
        areas = {a.id: i for i, a in enumerate(mun.walk_areas())}
        keys = [(-1 if r.area is None else areas[r.area]) for r in progress.rows]
        assert keys == sorted(keys)

"""Evaluations, indicators with measurements, and transfers of lessons: model, loading, dumping.

Also the older keys: ``evaluated`` and ``shared_with`` still load, as the newer keys say them.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import Any

import pytest

import democratie
from democratie import LoadError, ModelError
from democratie.io import json_schema
from democratie.model import (
    Evaluation,
    Indicator,
    Initiative,
    Lesson,
    Measurement,
    Milestone,
    Period,
    Stage,
    Transfer,
)
from democratie.vocab import Direction, InitiativeKind, LessonKind, Phase, ServiceGoal

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

D = dt.date

HEADER = """format = "democratie/1"

[[municipalities]]
id = "lochem"
cbs_code = "GM0262"
areas = [{ id = "kern-laren", name = "Laren", level = "kern" }]

[[municipalities]]
id = "zeist"
cbs_code = "GM0355"
areas = [{ id = "kern-austerlitz", name = "Austerlitz", level = "kern" }]

[[networks]]
id = "m50"
name = "M50"
kind = "netwerk_van_gemeenten"
"""

#: The format of the issue, as a person writes it.
FORMAT = (
    HEADER
    + """
[[initiatives]]
id = "raad-van-de-toekomst"
title = "Raad van de toekomst"
kind = "experiment"
municipalities = ["lochem"]
period = { start = 2019-01-01 }
milestones = [{ title = "werkwijze ontworpen", due_within_months = 12 }]
phases = [{ phase = "uitvoering" }, { phase = "evaluatie" }]

[[initiatives.evaluations]]
date = 2019-04-01
by = "lochem"
method = "reflectiebijeenkomst"
findings = "De raad wil eerder betrokken worden."

[[initiatives.indicators]]
id = "tevredenheid"
goal = "snelle_en_eenvoudige_dienstverlening"
area = "kern-laren"
unit = "procent"
baseline = 60
target = 75
direction = "omhoog"
measurements = [ { date = 2019-03-01, value = 62 }, { date = 2019-09-01, value = 70 } ]

[[initiatives.lessons]]
text = "Betrek de raad aan de voorkant."
kind = "doen"

[[initiatives.lessons.transfers]]
to = "zeist"
date = 2020-02-04
adopted = true
"""
)


def _problems(text: str) -> list[tuple[str, str]]:
    with pytest.raises(LoadError) as caught:
        democratie.loads(text)
    return [(p.path, p.code) for p in caught.value.problems]


def _messages(text: str) -> list[str]:
    with pytest.raises(LoadError) as caught:
        democratie.loads(text)
    return [p.message for p in caught.value.problems]


def _initiative(body: str, *, period: str = "period = { start = 2019-01-01 }") -> str:
    return (
        HEADER
        + f"""
[[initiatives]]
id = "i"
title = "I"
kind = "experiment"
municipalities = ["lochem"]
{period}
{body}
"""
    )


# --- the format of the issue ------------------------------------------------------------------


def test_the_format_loads_into_the_model() -> None:
    land = democratie.loads(FORMAT)
    ini = land.get("raad-van-de-toekomst")
    assert isinstance(ini, Initiative)
    assert ini.evaluations == (
        Evaluation(
            date=D(2019, 4, 1),
            by="lochem",
            method="reflectiebijeenkomst",
            findings="De raad wil eerder betrokken worden.",
        ),
    )
    assert ini.evaluated is True
    (indicator,) = ini.indicators
    assert indicator.service_goal is ServiceGoal.SNELLE_EN_EENVOUDIGE_DIENSTVERLENING
    assert (indicator.baseline, indicator.target, indicator.direction) == (
        60.0,
        75.0,
        Direction.OMHOOG,
    )
    assert type(indicator.baseline) is float
    assert indicator.latest() == Measurement(date=D(2019, 9, 1), value=70.0)
    (lesson,) = ini.lessons
    assert lesson.transfers == (Transfer(to="zeist", date=D(2020, 2, 4), adopted=True),)
    assert lesson.shared_with == ("zeist",)


@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_whole_numbers_are_written_back_as_they_were_given(fmt: str) -> None:
    land = democratie.loads(FORMAT)
    text = democratie.dumps(land, format=fmt)  # type: ignore[arg-type]
    if fmt == "toml":
        assert "baseline = 60\n" in text
        assert '{ date = "2019-03-01", value = 62 }' in text
    else:
        assert '"baseline": 60,' in text
    assert democratie.loads(text, format=fmt) == land  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "value", [62.5, -0.0, 1e300, 2.0**60, 9007199254740993, 0.1 + 0.2, -12.0, 5e-324]
)
@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_every_number_survives_dump_and_load(value: float, fmt: str) -> None:
    indicator = Indicator(
        id="i",
        goal="g",
        direction=Direction.OMHOOG,
        measurements=(Measurement(date=D(2020, 1, 1), value=value),),
    )
    land = democratie.Landscape(
        initiatives=(
            Initiative(
                id="ini", title="I", kind=InitiativeKind.EXPERIMENT, indicators=(indicator,)
            ),
        )
    )
    again = democratie.loads(democratie.dumps(land, format=fmt), format=fmt)  # type: ignore[arg-type]
    assert again == land
    (loaded,) = again.initiatives[0].indicators
    assert type(loaded.measurements[0].value) is float
    assert loaded.measurements[0].value == float(value)


def test_a_municipality_has_indicators_of_its_own_areas() -> None:
    text = HEADER.replace(
        'areas = [{ id = "kern-laren", name = "Laren", level = "kern" }]',
        'areas = [{ id = "kern-laren", name = "Laren", level = "kern" }]\n'
        'indicators = [{ id = "p", goal = "participatie", area = "kern-laren", '
        'direction = "omhoog" }, { id = "q", goal = "Iets in woorden", direction = "omlaag" }]',
    )
    mun = democratie.loads(text).get("lochem")
    assert [(d.id, d.area, d.service_goal) for d in mun.indicators] == [  # type: ignore[union-attr]
        ("p", "kern-laren", ServiceGoal.PARTICIPATIE),
        ("q", None, None),
    ]


# --- located errors ---------------------------------------------------------------------------


def test_a_measurement_outside_its_period_is_located() -> None:
    text = _initiative(
        """
[[initiatives.indicators]]
id = "a"
goal = "participatie"
direction = "omhoog"

[[initiatives.indicators]]
id = "b"
goal = "participatie"
direction = "omhoog"
period = { start = 2019-01-01, end = 2019-12-31 }
measurements = [
    { date = 2019-02-01, value = 1 },
    { date = 2019-06-01, value = 2 },
    { date = 2020-02-01, value = 3 },
]
"""
    )
    assert _problems(text) == [
        ("initiatives[0].indicators[1].measurements[2].date", "invalid-value")
    ]
    assert "lies outside the indicator's period (2019-01-01 to 2019-12-31)" in _messages(text)[0]


@pytest.mark.parametrize(
    ("direction", "target", "side"), [("omhoog", 50, "below"), ("omlaag", 70, "above")]
)
def test_a_target_the_wrong_way_of_the_baseline_is_located(
    direction: str, target: int, side: str
) -> None:
    text = _initiative(
        f'indicators = [{{ id = "a", goal = "g", baseline = 60, target = {target}, '
        f'direction = "{direction}" }}]'
    )
    assert _problems(text) == [("initiatives[0].indicators[0].target", "invalid-value")]
    assert f"is {side} the baseline" in _messages(text)[0]
    # The target equal to the baseline is allowed.
    democratie.loads(text.replace(f"target = {target}", "target = 60"))


def test_a_transfer_to_an_unknown_id_is_located() -> None:
    text = _initiative(
        'lessons = [{ text = "t", kind = "doen", transfers = [{ to = "m50" }, { to = "zeits" }] }]'
    )
    assert _problems(text) == [("initiatives[0].lessons[0].transfers[1].to", "dangling-reference")]
    assert "did you mean 'zeist'?" in _messages(text)[0]
    person = text.replace('to = "zeits"', 'to = "lochem-raad"')
    assert _problems(person) == [("initiatives[0].lessons[0].transfers[1].to", "wrong-reference")]


@pytest.mark.parametrize(
    ("value", "code", "says"),
    [
        (
            '"2019-13-01"',
            "invalid-value",
            "2019-13-01 is not a date in the calendar; expected a real day",
        ),
        ('"1 april 2019"', "wrong-type", "expected a date written YYYY-MM-DD"),
        ("20190401", "wrong-type", "got the number 20190401"),
    ],
)
def test_a_date_that_is_not_one_is_located_in_json(value: str, code: str, says: str) -> None:
    document: dict[str, Any] = {
        "format": "democratie/1",
        "initiatives": [
            {
                "id": "i",
                "title": "I",
                "kind": "experiment",
                "period": {"start": "2019-01-01", "end": "2019-12-31"},
                "evaluations": [{"date": "2019-06-01"}, {"date": "@"}],
                "indicators": [
                    {
                        "id": "a",
                        "goal": "g",
                        "direction": "omhoog",
                        "period": {"start": "2019-01-01", "end": "2019-12-31"},
                        "measurements": [
                            {"date": "2019-02-01", "value": 1},
                            {"date": "@", "value": 2},
                        ],
                    }
                ],
                "lessons": [{"text": "t", "kind": "doen", "transfers": [{"to": "i", "date": "@"}]}],
            }
        ],
    }
    text = json.dumps(document).replace('"@"', value)
    # Each date is reported where it is, and nothing follows from leaving them out.
    assert _problems(text) == [
        ("initiatives[0].lessons[0].transfers[0].date", code),
        ("initiatives[0].evaluations[1].date", code),
        ("initiatives[0].indicators[0].measurements[1].date", code),
    ]
    assert all(says in message for message in _messages(text))


def test_dates_before_the_start_are_located() -> None:
    text = _initiative(
        "evaluations = [{ date = 2018-12-31 }, { date = 2019-01-01 }]\n"
        'lessons = [{ text = "t", kind = "doen", transfers = [{ to = "m50", date = 2018-06-01 }] }]'
    )
    assert _problems(text) == [
        ("initiatives[0].evaluations[0].date", "invalid-value"),
        ("initiatives[0].lessons[0].transfers[0].date", "invalid-value"),
    ]


def test_what_an_evaluation_closes_must_be_of_the_initiative() -> None:
    text = _initiative(
        'phases = [{ phase = "uitvoering" }]\n'
        'milestones = [{ title = "ontworpen" }]\n'
        'evaluations = [{ closes_phase = "uitvoering", closes_milestone = "ontworpen" },'
        ' { closes_phase = "visie", closes_milestone = "ontwerpen" }]'
    )
    assert _problems(text) == [
        ("initiatives[0].evaluations[1].closes_phase", "invalid-value"),
        ("initiatives[0].evaluations[1].closes_milestone", "invalid-value"),
    ]
    assert "(its milestones: 'ontworpen')" in _messages(text)[1]
    # Without phases listed, any phase may be closed.
    democratie.loads(_initiative('evaluations = [{ closes_phase = "visie" }]'))


def test_an_evaluator_must_be_an_actor() -> None:
    text = _initiative('evaluations = [{ by = "m50" }, { by = "nobody" }, { by = "lochem-raad" }]')
    assert _problems(text) == [
        ("initiatives[0].evaluations[0].by", "wrong-reference"),
        ("initiatives[0].evaluations[1].by", "dangling-reference"),
    ]


def test_an_indicator_id_is_unique_in_the_document() -> None:
    text = (
        HEADER.replace(
            'areas = [{ id = "kern-laren", name = "Laren", level = "kern" }]',
            'areas = [{ id = "kern-laren", name = "Laren", level = "kern" }]\n'
            'indicators = [{ id = "p", goal = "g", direction = "omhoog" }]',
        )
        + '[[initiatives]]\nid = "i"\ntitle = "I"\nkind = "experiment"\n'
        'indicators = [{ id = "p", goal = "g", direction = "omhoog" },'
        ' { id = "m50", goal = "g", direction = "omhoog" }]\n'
    )
    assert _problems(text) == [
        ("initiatives[0].indicators[0].id", "duplicate-id"),
        ("initiatives[0].indicators[1].id", "duplicate-id"),
    ]
    messages = _messages(text)
    assert "already used at municipalities[0].indicators[0]" in messages[0]
    assert "already used at networks[0] (a network)" in messages[1]


def test_an_indicator_measures_an_area_of_its_own_municipality() -> None:
    own = HEADER.replace(
        'areas = [{ id = "kern-laren", name = "Laren", level = "kern" }]',
        'areas = [{ id = "kern-laren", name = "Laren", level = "kern" }]\n'
        'indicators = [{ id = "p", goal = "g", direction = "omhoog", area = "kern-austerlitz" },'
        ' { id = "q", goal = "g", direction = "omhoog", area = "nergens" }]',
    )
    assert _problems(own) == [
        ("municipalities[0].indicators[1].area", "dangling-reference"),
        ("municipalities[0].indicators[0].area", "wrong-reference"),
    ]
    assert "lies in 'zeist', not in 'lochem'" in _messages(own)[1]
    initiative = _initiative(
        'indicators = [{ id = "a", goal = "g", direction = "omhoog", area = "kern-austerlitz" }]'
    )
    assert _problems(initiative) == [("initiatives[0].indicators[0].area", "wrong-reference")]
    assert (
        "lies in 'zeist', which is not one of the initiative's municipalities"
        in (_messages(initiative)[0])
    )
    # An initiative that lists no municipalities may measure an area of any.
    democratie.loads(initiative.replace('municipalities = ["lochem"]', ""))


def test_one_measurement_a_day_and_one_transfer_a_place() -> None:
    text = _initiative(
        'indicators = [{ id = "a", goal = "g", direction = "omhoog", measurements = ['
        "{ date = 2019-02-01, value = 1 }, { date = 2019-02-01, value = 2 }] }]\n"
        'lessons = [{ text = "t", kind = "doen", transfers = [{ to = "m50" }, { to = "m50" }] }]'
    )
    assert sorted(_problems(text)) == [
        ("initiatives[0].indicators[0].measurements[1].date", "invalid-value"),
        ("initiatives[0].lessons[0].transfers[1].to", "invalid-value"),
    ]


def test_numbers_are_numbers_and_finite() -> None:
    text = _initiative(
        'indicators = [{ id = "a", goal = "g", direction = "omhoog", baseline = "60", '
        "target = inf, measurements = [{ date = 2019-02-01, value = true }] }]"
    )
    assert _problems(text) == [
        ("initiatives[0].indicators[0].baseline", "wrong-type"),
        ("initiatives[0].indicators[0].target", "invalid-value"),
        ("initiatives[0].indicators[0].measurements[0].value", "wrong-type"),
    ]


def test_a_broken_indicator_causes_no_follow_on_problems() -> None:
    # The indicator fails on its direction; its duplicate id and its area are not reported
    # again as if it were missing.
    text = _initiative(
        'indicators = [{ id = "a", goal = "g", direction = "hoger", area = "kern-laren" },'
        ' { id = "b", goal = "g", direction = "omhoog", area = "kern-laren" }]'
    )
    assert _problems(text) == [("initiatives[0].indicators[0].direction", "invalid-value")]
    assert "did you mean" not in _messages(text)[0] or "omhoog" in _messages(text)[0]


def test_every_problem_at_once() -> None:
    text = _initiative(
        'evaluations = [{ date = 2018-01-01, method = "reflectie\\u0007" }]\n'
        'indicators = [{ id = "a", goal = "", direction = "omlaag", baseline = 1, target = 2 }]\n'
        'lessons = [{ text = "t", kind = "doen", transfers = [{ to = "Zeist" }] }]'
    )
    assert sorted(_problems(text)) == [
        ("initiatives[0].evaluations[0].method", "invalid-value"),
        ("initiatives[0].indicators[0].goal", "invalid-value"),
        ("initiatives[0].indicators[0].target", "invalid-value"),
        ("initiatives[0].lessons[0].transfers[0].to", "invalid-value"),
    ]


# --- older documents --------------------------------------------------------------------------


def test_evaluated_true_is_an_evaluation_without_details() -> None:
    land = democratie.loads(_initiative("evaluated = true"))
    ini = land.get("i")
    assert isinstance(ini, Initiative)
    assert ini.evaluations == (Evaluation(),)
    text = democratie.dumps(land, format="toml")
    assert "evaluated" not in text
    assert "evaluations = [\n    {},\n]" in text
    assert democratie.loads(text) == land


def test_evaluated_false_is_no_evaluation() -> None:
    ini = democratie.loads(_initiative("evaluated = false")).get("i")
    assert isinstance(ini, Initiative)
    assert (ini.evaluations, ini.evaluated) == ((), None)
    democratie.loads(_initiative("evaluated = false\nevaluations = []"))


def test_evaluated_with_evaluations() -> None:
    said_more = democratie.loads(_initiative('evaluated = true\nevaluations = [{ by = "lochem" }]'))
    assert said_more.get("i").evaluations == (Evaluation(by="lochem"),)  # type: ignore[union-attr]
    assert _problems(_initiative('evaluated = false\nevaluations = [{ by = "lochem" }]')) == [
        ("initiatives[0].evaluated", "invalid-value")
    ]
    assert _problems(_initiative("evaluated = true\nevaluations = []")) == [
        ("initiatives[0].evaluated", "invalid-value")
    ]
    # The contradiction does not hide the other problems of the initiative.
    both = _initiative('evaluated = false\nevaluations = [{ by = "lochem" }]\ntitle = ""').replace(
        'title = "I"\n', ""
    )
    assert sorted(_problems(both)) == [
        ("initiatives[0].evaluated", "invalid-value"),
        ("initiatives[0].title", "invalid-value"),
    ]


def test_shared_with_is_a_list_of_transfers() -> None:
    land = democratie.loads(
        _initiative('lessons = [{ text = "t", kind = "doen", shared_with = ["m50", "zeist"] }]')
    )
    (lesson,) = land.get("i").lessons  # type: ignore[union-attr]
    assert lesson.transfers == (Transfer(to="m50"), Transfer(to="zeist"))
    text = democratie.dumps(land)
    assert "shared_with" not in text
    assert json.loads(text)["initiatives"][0]["lessons"][0]["transfers"] == [
        {"to": "m50"},
        {"to": "zeist"},
    ]


def test_shared_with_together_with_transfers_must_agree() -> None:
    agreeing = _initiative(
        'lessons = [{ text = "t", kind = "doen", shared_with = ["m50"], '
        'transfers = [{ to = "m50", date = 2020-02-04 }, { to = "zeist" }] }]'
    )
    (lesson,) = democratie.loads(agreeing).get("i").lessons  # type: ignore[union-attr]
    assert lesson.shared_with == ("m50", "zeist")
    disagreeing = agreeing.replace('shared_with = ["m50"]', 'shared_with = ["zeist", "lochem"]')
    assert _problems(disagreeing) == [("initiatives[0].lessons[0].shared_with[1]", "invalid-value")]


def test_problems_in_shared_with_are_located_in_shared_with() -> None:
    text = _initiative(
        'lessons = [{ text = "t", kind = "doen", shared_with = ["m50", "m50", "nergens", 5] }]'
    )
    assert _problems(text) == [
        ("initiatives[0].lessons[0].shared_with[1]", "invalid-value"),
        ("initiatives[0].lessons[0].shared_with[3]", "wrong-type"),
        # The lesson's other transfers are checked in the same pass: nothing is 'nergens'.
        ("initiatives[0].lessons[0].shared_with[2]", "dangling-reference"),
    ]
    dangling = _initiative(
        'lessons = [{ text = "t", kind = "doen", shared_with = ["m50", "nergens"] }]'
    )
    assert _problems(dangling) == [
        ("initiatives[0].lessons[0].shared_with[1]", "dangling-reference")
    ]
    bad_id = _initiative('lessons = [{ text = "t", kind = "doen", shared_with = ["Zeist"] }]')
    assert _problems(bad_id) == [("initiatives[0].lessons[0].shared_with[0]", "invalid-value")]
    assert _problems(
        _initiative('lessons = [{ text = "t", kind = "doen", shared_with = "m50" }]')
    ) == [("initiatives[0].lessons[0].shared_with", "wrong-type")]


def test_older_keys_stay_out_of_the_constructors_and_in_the_schema() -> None:
    with pytest.raises(TypeError):
        Initiative(id="i", title="I", kind=InitiativeKind.EXPERIMENT, evaluated=True)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Lesson(text="t", kind=LessonKind.DOEN, shared_with=("m50",))  # type: ignore[call-arg]
    schema = json_schema()
    assert schema["$defs"]["Initiative"]["properties"]["evaluated"]["deprecated"] is True
    assert schema["$defs"]["Lesson"]["properties"]["shared_with"]["deprecated"] is True


# --- the model by itself ----------------------------------------------------------------------


def test_the_model_checks_what_it_can_see_alone() -> None:
    with pytest.raises(ModelError) as caught:
        Indicator(
            id="Tevredenheid",
            goal=" ",
            direction=Direction.OMHOOG,
            baseline=float("nan"),
            period=Period(start=D(2020, 1, 1)),
            measurements=(
                Measurement(date=D(2019, 1, 1), value=1),
                Measurement(date=D(2019, 1, 1), value=2),
            ),
        )
    assert [p.path for p in caught.value.problems] == [
        "id",
        "goal",
        "baseline",
        "measurements[0].date",
        "measurements[1].date",
        "measurements[1].date",
    ]
    with pytest.raises(ModelError, match="direction"):
        Indicator(id="a", goal="g", direction="sideways")  # type: ignore[arg-type]
    with pytest.raises(ModelError):
        Measurement(date=D(2020, 1, 1), value=10**400)
    with pytest.raises(ModelError):
        Transfer(to="")


def test_an_initiative_checks_its_evaluations_and_transfers() -> None:
    start = D(2020, 1, 1)
    with pytest.raises(ModelError) as caught:
        Initiative(
            id="i",
            title="I",
            kind=InitiativeKind.EXPERIMENT,
            period=Period(start=start),
            phases=(Stage(phase=Phase.UITVOERING),),
            milestones=(Milestone(title="klaar"),),
            evaluations=(
                Evaluation(date=D(2019, 12, 31), closes_phase=Phase.EVALUATIE),
                Evaluation(date=start, closes_phase=Phase.UITVOERING, closes_milestone="klaar"),
            ),
            lessons=(
                Lesson(
                    text="t",
                    kind=LessonKind.DOEN,
                    transfers=(Transfer(to="a", date=D(2019, 1, 1)), Transfer(to="b", date=start)),
                ),
            ),
        )
    assert [p.path for p in caught.value.problems] == [
        "evaluations[0].date",
        "evaluations[0].closes_phase",
        "lessons[0].transfers[0].date",
    ]


def test_the_end_of_an_initiative() -> None:
    def ini(**fields: Any) -> Initiative:
        return Initiative(id="i", title="I", kind=InitiativeKind.CHALLENGE, **fields)

    assert ini().end_date() is None
    assert ini(duration_months=12).end_date() is None  # no start
    assert ini(duration_months=12, period=Period(start=D(2019, 8, 31))).end_date() == D(2020, 8, 31)
    assert ini(duration_months=6, period=Period(start=D(2019, 8, 31))).end_date() == D(2020, 2, 29)
    given = Period(start=D(2019, 1, 1), end=D(2019, 3, 1))
    assert ini(duration_months=12, period=given).end_date() == D(2019, 3, 1)


def test_the_json_and_toml_of_the_new_tables_are_the_same_document() -> None:
    land = democratie.loads(FORMAT)
    as_json = json.loads(democratie.dumps(land, format="json"))
    as_toml = tomllib.loads(democratie.dumps(land, format="toml"))
    assert as_json == as_toml

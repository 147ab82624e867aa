"""democratie.monitor.recommend_lessons and LessonIndex: lessons of others, ranked, with why."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path
from typing import Any

import pytest
from attrs import evolve

import democratie
from democratie import examples, monitor
from democratie.cli import main
from democratie.errors import MonitorError
from democratie.model import (
    Council,
    Initiative,
    Intake,
    Landscape,
    Lesson,
    Municipality,
)
from democratie.synth import generate
from democratie.vocab import InitiativeKind, LessonKind, PolicyDomain, QuestionTheme, ServiceGoal

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def corpus() -> list[Landscape]:
    return [examples.load(name) for name in examples.NAMES]


def _where(found: tuple[monitor.Recommendation, ...]) -> list[tuple[str, int]]:
    return [(r.initiative, r.lesson_index) for r in found]


def _replace(corpus: list[Landscape], initiative: Initiative) -> list[Landscape]:
    return [land.replace(initiative) if initiative.id in land else land for land in corpus]


def _get(corpus: list[Landscape], initiative_id: str) -> Initiative:
    for land in corpus:
        if initiative_id in land:
            found = land.get(initiative_id)
            assert isinstance(found, Initiative)
            return found
    raise AssertionError(initiative_id)


# -- the seeds ----------------------------------------------------------------------------------


def test_thorbecke_experiments_learn_from_leusden_on_the_domain_bestuur(
    corpus: list[Landscape],
) -> None:
    found = monitor.recommend_lessons(corpus, "thorbecke-experimenten", top=10)
    assert _where(found) == [
        ("samenleving-voorop", 0),
        ("samenleving-voorop", 1),
        ("samenleving-voorop", 2),
        ("samenleving-voorop-bestuur", 0),
    ]
    assert [r.score for r in found] == [3.0, 3.0, 3.0, 3.0]
    assert [m.code for m in found[0].why] == ["domains", "other_landscape"]
    assert found[0].why[0].en == "shares the policy domain Governance"
    assert found[0].why[0].nl == "deelt het beleidsdomein Bestuur"
    assert found[0].landscape == examples.NAMES.index("leusden-samenleving-voorop")
    assert found[0].municipalities == ("Leusden",)
    assert [r.rank for r in found] == [1, 2, 3, 4]


def test_its_own_lessons_are_left_out(corpus: list[Landscape]) -> None:
    found = monitor.recommend_lessons(corpus, "samenleving-voorop-bestuur")
    assert "samenleving-voorop-bestuur" not in {r.initiative for r in found}
    assert _where(found) == [
        ("samenleving-voorop", 0),
        ("samenleving-voorop", 1),
        ("samenleving-voorop", 2),
    ]
    assert [m.code for m in found[0].why] == ["domains"]  # same landscape: no note


def test_transferable_lessons_come_before_unknown_ones_at_the_same_score(
    corpus: list[Landscape],
) -> None:
    found = monitor.recommend_lessons(corpus, "dia-ontwikkeltraject-organisatieontwikkeling")
    # Both are trajectories; Leusden's lessons carry over, Delft's are not said to.
    assert [(r.initiative, r.lesson.transferable) for r in found] == [
        ("samenleving-voorop", True),
        ("samenleving-voorop", True),
        ("samenleving-voorop", True),
        ("de-zeven-van-delft", None),
        ("de-zeven-van-delft", None),
        ("de-zeven-van-delft", None),
    ]
    assert {r.score for r in found} == {monitor.KIND_WEIGHT}
    assert "transferable_unknown" in [m.code for m in found[-1].why]
    assert "transferable_unknown" not in [m.code for m in found[0].why]


def test_a_lesson_marked_not_transferable_is_left_out(corpus: list[Landscape]) -> None:
    trajectory = _get(corpus, "samenleving-voorop")
    first, *rest = trajectory.lessons
    changed = _replace(
        corpus, evolve(trajectory, lessons=(evolve(first, transferable=False), *rest))
    )
    found = monitor.recommend_lessons(changed, "thorbecke-experimenten")
    assert ("samenleving-voorop", 0) not in _where(found)
    assert _where(found)[0] == ("samenleving-voorop", 1)
    assert (
        monitor.LessonIndex.build(changed).lessons == monitor.LessonIndex.build(corpus).lessons - 1
    )


def test_sharing_a_domain_moves_a_lesson_up(corpus: list[Landscape]) -> None:
    # The M50 learning circle shares nothing with the Thorbecke experiments...
    assert "m50-leerkring-initiatief" not in {
        r.initiative for r in monitor.recommend_lessons(corpus, "thorbecke-experimenten", top=50)
    }
    # ... until it works in the domain bestuur too: then its lessons come after Leusden's,
    # whose lessons carry over, at the same score.
    circle = _get(corpus, "m50-leerkring-initiatief")
    changed = _replace(corpus, evolve(circle, domains=(PolicyDomain.BESTUUR,)))
    found = monitor.recommend_lessons(changed, "thorbecke-experimenten", top=50)
    assert [r.initiative for r in found].count("m50-leerkring-initiatief") == 15
    assert found[4].initiative == "m50-leerkring-initiatief"
    assert found[4].score == 3.0
    # Sharing half the domains halves the points.
    wider = _replace(changed, evolve(circle, domains=(PolicyDomain.BESTUUR, PolicyDomain.ZORG)))
    found = monitor.recommend_lessons(wider, "thorbecke-experimenten", top=50)
    circle_scores = {r.score for r in found if r.initiative == "m50-leerkring-initiatief"}
    assert circle_scores == {monitor.DOMAIN_WEIGHT / 2}


def _small_corpus() -> list[Landscape]:
    """Two landscapes of invented initiatives, to check every term of the formula."""

    def lesson(text: str, transferable: bool | None = True) -> Lesson:
        return Lesson(text=text, kind=LessonKind.DOEN, transferable=transferable)

    north = Landscape(
        title="Noord",
        municipalities=(
            Municipality(id="assen", cbs_code="GM0106", council=Council(seats=31)),
            Municipality(id="emmen", cbs_code="GM0114", council=Council(seats=39)),
        ),
        initiatives=(
            Initiative(
                id="vraag",
                title="Vraag",
                kind=InitiativeKind.TRAJECT,
                municipalities=("assen",),
                domains=(PolicyDomain.BESTUUR,),
                service_goals=(ServiceGoal.BREDE_VERANTWOORDELIJKHEID,),
                intakes=(
                    Intake(
                        municipality="assen",
                        themes=(QuestionTheme.HR_BELEID, QuestionTheme.HOUDING_EN_GEDRAG),
                    ),
                ),
            ),
            Initiative(
                id="themas",
                title="Thema's",
                kind=InitiativeKind.WORKSHOP,
                municipalities=("emmen",),
                intakes=(Intake(municipality="emmen", themes=(QuestionTheme.HR_BELEID,)),),
                lessons=(lesson("thema's delen"),),
            ),
        ),
    )
    south = Landscape(
        title="Zuid",
        municipalities=(Municipality(id="breda", cbs_code="GM0758", council=Council(seats=45)),),
        initiatives=(
            Initiative(
                id="alles",
                title="Alles",
                kind=InitiativeKind.TRAJECT,
                municipalities=("breda",),
                domains=(PolicyDomain.BESTUUR,),
                service_goals=(ServiceGoal.BREDE_VERANTWOORDELIJKHEID,),
                lessons=(lesson("alles delen", None), lesson("niet over te dragen", False)),
            ),
            Initiative(
                id="alleen-grootte",
                title="Alleen de grootte",
                kind=InitiativeKind.CHALLENGE,
                municipalities=("breda",),
                lessons=(lesson("even groot"),),
            ),
        ),
    )
    return [north, south]


def test_every_term_of_the_formula() -> None:
    found = monitor.recommend_lessons(_small_corpus(), "vraag")
    assert _where(found) == [("alles", 0), ("themas", 0)]
    alles, themas = found
    size_alles = monitor.SIZE_WEIGHT * (1 - abs(31 - 45) / monitor.SIZE_SPAN)
    assert alles.score == pytest.approx(
        monitor.DOMAIN_WEIGHT + monitor.SERVICE_GOAL_WEIGHT + monitor.KIND_WEIGHT + size_alles
    )
    assert [m.code for m in alles.why] == [
        "domains",
        "service_goals",
        "kind",
        "size",
        "transferable_unknown",
        "other_landscape",
    ]
    assert alles.why[3].en == "municipalities of a similar size (31 and 45 council seats)"
    size_themas = monitor.SIZE_WEIGHT * (1 - abs(31 - 39) / monitor.SIZE_SPAN)
    assert themas.score == pytest.approx(monitor.THEME_WEIGHT / 2 + size_themas)
    assert themas.why[0].en == "shares the intake theme HR policy"
    # A lesson that is not transferable, and one whose initiative shares only the size,
    # are not recommended.
    assert "niet over te dragen" not in [r.lesson.text for r in found]
    assert "alleen-grootte" not in [r.initiative for r in found]
    data = json.loads(json.dumps([r.to_dict() for r in found]))
    assert data[0]["landscape_title"] == "Zuid"
    assert data[0]["why"][0] == {
        "code": "domains",
        "points": 3.0,
        "en": "shares the policy domain Governance",
        "nl": "deelt het beleidsdomein Bestuur",
    }


# -- naming the initiative --------------------------------------------------------------------


def test_an_initiative_in_two_landscapes_is_named_with_its_landscape() -> None:
    land = democratie.load(ROOT / "examples/leusden-samenleving-voorop.toml")
    other = evolve(land, title="Leusden, tweede dossier")
    index = monitor.LessonIndex.build([land, other])
    with pytest.raises(MonitorError, match="is in 2 landscapes") as raised:
        index.recommend("samenleving-voorop-bestuur")
    assert raised.value.problems[0].path == "for_initiative"
    by_place = index.recommend((1, "samenleving-voorop-bestuur"))
    by_title = index.recommend(("Leusden, tweede dossier", "samenleving-voorop-bestuur"))
    assert by_place == by_title
    # The same initiative in the other landscape is another initiative: its lesson counts.
    assert ("samenleving-voorop-bestuur", 0) in _where(by_place)
    assert by_place[0].landscape == 0  # the first landscape's lessons first, at equal scores
    with pytest.raises(MonitorError, match="there is no landscape 2"):
        index.recommend((2, "samenleving-voorop-bestuur"))
    with pytest.raises(MonitorError, match="no landscape has the title 'Utrecht'"):
        index.recommend(("Utrecht", "samenleving-voorop-bestuur"))
    with pytest.raises(MonitorError, match="is not an initiative of landscape 0"):
        index.recommend((0, "thorbecke-experimenten"))


def test_an_unknown_initiative_names_the_nearest(corpus: list[Landscape]) -> None:
    with pytest.raises(MonitorError) as raised:
        monitor.recommend_lessons(corpus, "thorbecke-experiment")
    (problem,) = raised.value.problems
    assert problem.code == "dangling-reference"
    assert problem.message == (
        "'thorbecke-experiment' is not an initiative in any landscape; "
        "did you mean 'thorbecke-experimenten'?"
    )
    for top in (0, -1, True, 2.5):
        with pytest.raises(MonitorError, match="top: expected a whole number"):
            monitor.recommend_lessons(corpus, "thorbecke-experimenten", top=top)  # type: ignore[arg-type]


# -- the index gives the answer of the plain loop -----------------------------------------------


def _reference(corpus: list[Landscape], place: int, wanted: str, top: int) -> list[Any]:
    """The formula of recommend_lessons, written out with sets over every lesson."""
    asked = corpus[place].get(wanted)
    assert isinstance(asked, Initiative)

    def sets(land: Landscape, ini: Initiative) -> tuple[set[Any], set[Any], set[Any], float | None]:
        seats = [
            m.council.seats
            for mid in ini.municipalities
            if isinstance(m := land.get(mid), Municipality) and m.council.seats is not None
        ]
        themes = {t for intake in ini.intakes for t in intake.themes}
        mean = sum(seats) / len(seats) if seats else None
        return set(ini.domains), themes, set(ini.service_goals), mean

    def jaccard(a: set[Any], b: set[Any]) -> float:
        return len(a & b) / len(a | b) if a | b else 0.0

    mine = sets(corpus[place], asked)
    rows = []
    for li, land in enumerate(corpus):
        for pi, ini in enumerate(land.initiatives):
            if (li, ini.id) == (place, wanted):
                continue
            theirs = sets(land, ini)
            same = ini.kind is asked.kind
            if not (same or any(a & b for a, b in zip(mine[:3], theirs[:3], strict=True))):
                continue
            score = sum(
                w * jaccard(a, b)
                for w, a, b in zip(
                    (monitor.DOMAIN_WEIGHT, monitor.THEME_WEIGHT, monitor.SERVICE_GOAL_WEIGHT),
                    mine[:3],
                    theirs[:3],
                    strict=True,
                )
            ) + (monitor.KIND_WEIGHT if same else 0)
            if mine[3] is not None and theirs[3] is not None:
                score += monitor.SIZE_WEIGHT * max(
                    0, 1 - abs(mine[3] - theirs[3]) / monitor.SIZE_SPAN
                )
            for k, lesson in enumerate(ini.lessons):
                if lesson.transferable is not False:
                    rows.append(
                        ((-round(score, 9), lesson.transferable is not True, li, pi, k), score)
                    )
    rows.sort()
    return [
        (key[2], corpus[key[2]].initiatives[key[3]].id, key[4], score) for key, score in rows[:top]
    ]


def test_the_index_ranks_as_the_formula_written_out_does_on_a_synthetic_corpus() -> None:
    corpus = [generate(1 / 128, seed=seed) for seed in range(3)]
    index = monitor.LessonIndex.build(iter(corpus))  # any iterable, read once
    assert index.lessons > 100
    rng = random.Random(7)
    asked = rng.sample([(li, i.id) for li, land in enumerate(corpus) for i in land.initiatives], 25)
    for place, wanted in asked:
        ours = [
            (r.landscape, r.initiative, r.lesson_index, r.score)
            for r in index.recommend((place, wanted), top=15)
        ]
        expected = _reference(corpus, place, wanted, 15)
        assert [o[:3] for o in ours] == [e[:3] for e in expected], (place, wanted)
        assert [o[3] for o in ours] == pytest.approx([e[3] for e in expected])
        assert all(r.score == pytest.approx(sum(m.points for m in r.why)) for r in
                   index.recommend((place, wanted), top=15))  # fmt: skip
    assert index.recommend(asked[0], top=15) == index.recommend(asked[0], top=15)


# -- the command line ---------------------------------------------------------------------------


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for path in examples.paths():
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


def test_cli_lessons_prints_the_recommendations_with_why(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(
            [
                "--lang",
                "en",
                "lessons",
                str(folder),
                "--for",
                "thorbecke-experimenten",
                "--top",
                "2",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert out.startswith(
        "Lessons for Thorbecke-experimenten (thorbecke-experimenten, m50-leerkring-waalwijk.toml): "
        "2 of 24 lessons in 5 files"
    )
    assert "why: shares the policy domain Governance" in out
    assert "file: leusden-samenleving-voorop.toml" in out
    assert main(["lessons", str(folder), "--for", "thorbecke-experimenten", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["for"] == {
        "file": "m50-leerkring-waalwijk.toml",
        "initiative": "thorbecke-experimenten",
        "title": "Thorbecke-experimenten",
    }
    assert [r["file"] for r in data["recommendations"]] == ["leusden-samenleving-voorop.toml"] * 4
    assert data["failed"] == []


def test_cli_lessons_names_files_that_fail_and_recommends_from_the_rest(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "kapot.toml").write_text('format = "democratie/1"\n[[people]]\nid = "p-x"\n', "utf-8")
    (folder / "notities.txt").write_text("not a landscape", "utf-8")  # not a landscape file
    for number in range(12):
        (folder / f"leeg-{number:02}.json").write_text("{", "utf-8")
    assert main(["lessons", str(folder), "--for", "thorbecke-experimenten", "--top", "1"]) == 1
    captured = capsys.readouterr()
    assert "kapot.toml: not loaded, 1 problem(s):" in captured.err
    assert "people[0].name: this key is required but missing" in captured.err
    assert "... and 3 more files not loaded" in captured.err  # 13 failed, 10 listed
    assert "notities.txt" not in captured.err
    assert "1. [3.00]" in captured.out
    assert "Traceback" not in captured.err
    assert main(["lessons", str(folder), "--for", "thorbecke-experimenten", "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert len(data["failed"]) == 13
    assert data["failed"][0]["file"] == "kapot.toml"


def test_cli_lessons_file_and_id_when_two_files_hold_it(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(folder / "leusden-samenleving-voorop.toml", folder / "leusden-kopie.toml")
    assert main(["lessons", str(folder), "--for", "samenleving-voorop-bestuur"]) == 1
    assert "is in 2 landscapes" in capsys.readouterr().err
    arguments = ["lessons", str(folder), "--for", "leusden-kopie.toml:samenleving-voorop-bestuur"]
    assert main([*arguments, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["for"]["file"] == "leusden-kopie.toml"
    assert ("leusden-samenleving-voorop.toml", "samenleving-voorop-bestuur") in {
        (r["file"], r["initiative"]) for r in data["recommendations"]
    }


def test_cli_lessons_errors(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["lessons", str(folder), "--for", "thorbecke"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("democratie: --for: 'thorbecke' is not an initiative in any landscape")
    assert main(["lessons", str(folder / "nowhere"), "--for", "x"]) == 2
    assert main(["lessons", str(folder), "--for", "x", "--top", "0"]) == 2
    empty = tmp_path / "leeg"
    empty.mkdir()
    assert main(["lessons", str(empty), "--for", "x"]) == 1
    assert "holds no .toml or .json file" in capsys.readouterr().err

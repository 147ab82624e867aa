"""One analysis for report, CSV and CLI; hard time limits on rules; failing exporter plugins."""

from __future__ import annotations

import csv
import io
import json
import re
import signal
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest
from attrs import frozen

import democratie
from democratie import examples
from democratie.analysis import Analysis
from democratie.cli import main
from democratie.graph.analysis import (
    LARGE_GRAPH,
    SAMPLED_SOURCES,
    SHORTLIST,
    broker_shortlist,
    rank_brokers,
    rank_brokers_at_scale,
)
from democratie.plugins import PluginError, get_plugin_manager, hookimpl
from democratie.report import render
from democratie.scoring import (
    Bilingual,
    Score,
    Scorecards,
    ScoringContext,
    Subject,
    SubjectKind,
    run,
)
from democratie.scoring.rules import DomainCoverage
from democratie.synth import generate

DELFT = str(examples.path("delft-zeven-van-delft"))
LEUSDEN = examples.path("leusden-samenleving-voorop")


@frozen
class Counted:
    """A plugin rule: the number of the subject's municipalities, over ten."""

    name: str = "extra.municipalities"
    title: ClassVar[Bilingual] = Bilingual(nl="Aantal gemeenten", en="Municipalities")
    applies_to: ClassVar[SubjectKind] = "initiative"
    source: ClassVar[str] = "the analysis tests"
    formula: ClassVar[str] = "municipalities / 10"
    value_range: ClassVar[tuple[float, float]] = (0.0, 1.0)

    def score(self, subject: Subject, context: ScoringContext) -> Score:
        value = min(1.0, len(getattr(subject, "municipalities", ())) / 10)
        return Score(
            rule=self.name,
            subject=subject.id,
            value=value,
            explanation=Bilingual(nl="Geteld.", en="Counted."),
        )


@frozen
class Hangs:
    """A plugin rule that never returns on its own."""

    name: str = "extra.hangs"
    title: ClassVar[Bilingual] = Bilingual(nl="Hangt", en="Hangs")
    applies_to: ClassVar[SubjectKind] = "initiative"
    source: ClassVar[str] = "the analysis tests"
    formula: ClassVar[str] = "none"
    value_range: ClassVar[tuple[float, float]] = (0.0, 1.0)
    busy: bool = False

    def score(self, subject: Subject, context: ScoringContext) -> Score:
        if self.busy:
            while True:  # pure Python, no sleeping
                pass
        time.sleep(3600)
        raise AssertionError("not stopped")


class Extra:
    @hookimpl
    def democratie_scoring_rules(self) -> list[object]:
        return [Counted()]


class Hanging:
    @hookimpl
    def democratie_scoring_rules(self) -> list[object]:
        return [Hangs()]


@pytest.fixture
def plugin(request: pytest.FixtureRequest) -> Iterator[str]:
    """Register the plugin class given as the parameter on the shared manager."""
    manager = get_plugin_manager()
    name = request.param.__name__.lower()
    instance = request.param()
    manager.register(instance, name=name)
    try:
        yield name
    finally:
        manager.unregister(instance)


# -- one analysis -------------------------------------------------------------------------


def _csv_scores(folder: Path) -> dict[tuple[str, str], str]:
    rows = csv.DictReader(io.StringIO((folder / "scores.csv").read_text("utf-8")))
    return {(row["subject"], row["rule"]): row["value"] for row in rows}


@pytest.mark.parametrize("plugin", [Extra], indirect=True)
def test_cli_csv_and_report_give_the_same_numbers_plugin_rules_included(
    plugin: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["score", DELFT, "--json"]) == 0
    cards = json.loads(capsys.readouterr().out)["scorecards"]
    from_cli = {
        (card["subject"], score["rule"]): score["value"]
        for card in cards
        for score in card["scores"]
    }
    assert main(["export", DELFT, "--format", "csv", "--output", str(tmp_path / "csv")]) == 0
    from_csv = _csv_scores(tmp_path / "csv")
    assert set(from_csv) == set(from_cli)
    assert ("de-zeven-van-delft", "extra.municipalities") in from_csv
    for key, value in from_cli.items():
        shown = from_csv[key]
        assert (shown == "") if value is None else float(shown) == pytest.approx(value), key
    assert from_cli["de-zeven-van-delft", "extra.municipalities"] == pytest.approx(0.1)
    assert main(["--lang", "en", "report", DELFT, "--output", str(tmp_path / "report")]) == 0
    capsys.readouterr()
    page = next((tmp_path / "report").glob("*.html")).read_text("utf-8")
    assert "Municipalities" in page  # the plugin rule's title, in the scorecards


def test_the_graph_command_ranks_brokers_as_the_report_does_on_a_large_graph(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    land = generate(scale=1 / 256, seed=3)
    analysis = democratie.analyse(land)
    assert len(analysis.graph.nodes(kind=("person", "organisation"))) > LARGE_GRAPH
    assert analysis.broker_shortlist is not None
    assert len(analysis.broker_shortlist) == SHORTLIST
    assert analysis.brokers.k == SAMPLED_SOURCES  # the policy of the report, now everyone's
    source = tmp_path / "nation.json"
    democratie.dump(land, source)
    assert main(["graph", str(source), "--json", "--top", "5"]) == 0
    brokers = json.loads(capsys.readouterr().out)["brokers"]
    assert [b["id"] for b in brokers] == [b.id for b in analysis.top_brokers(5)]
    # The report reads the same rankings (its scorecards are beside the point here).
    unscored = Analysis(
        land,
        (),
        graph=analysis.graph,
        scorer=lambda _: Scorecards(cards=(), rules=(), failures=()),
    )
    assert unscored.top_brokers(5) == analysis.top_brokers(5)
    page = render(land, analysis=unscored)
    for broker in analysis.top_brokers(3):
        assert broker.label in page


def test_the_policy_is_exact_on_a_small_graph() -> None:
    graph = democratie.build_graph(examples.load("delft-zeven-van-delft"))
    assert broker_shortlist(graph) is None
    assert rank_brokers_at_scale(graph) == rank_brokers(graph)


def test_each_part_is_computed_once() -> None:
    built: list[int] = []
    land = examples.load("delft-zeven-van-delft")

    def build() -> Any:
        built.append(1)
        return democratie.graph.build_graph(land)

    analysis = Analysis(land, [DomainCoverage()], graph=build)
    assert analysis.scorecards is analysis.scorecards
    assert analysis.champions is analysis.champions
    assert analysis.brokers is analysis.brokers
    assert analysis.krachtenveld is analysis.krachtenveld
    assert built == [1]


def test_a_failed_part_raises_again_without_computing_again() -> None:
    land = examples.load("delft-zeven-van-delft")
    analysis = democratie.analyse(land)
    with pytest.raises(KeyError):
        analysis.area_coverage("nowhere", "wijk")
    with pytest.raises(KeyError):
        analysis.area_coverage("nowhere", "wijk")


# -- hard time limits ---------------------------------------------------------------------


@pytest.mark.parametrize("busy", [False, True], ids=["sleeps", "loops"])
def test_a_rule_that_hangs_is_stopped_and_the_rest_is_scored(busy: bool) -> None:
    land = examples.load("delft-zeven-van-delft")
    start = time.perf_counter()
    cards = run(land, [Hangs(busy=busy), DomainCoverage()], time_budget=0.2)
    assert time.perf_counter() - start < 30  # stopped, twice, not after an hour
    assert [(f.rule, f.code) for f in cards.failures] == [("extra.hangs", "over-budget")] * 2
    assert all("stopped after 0.2 s" in f.message for f in cards.failures)
    assert "domain_coverage" in cards["de-zeven-van-delft"]
    assert "extra.hangs" not in cards["de-zeven-van-delft"]


def test_the_report_gives_the_reason_a_rule_failed_in_its_own_language() -> None:
    land = examples.load("delft-zeven-van-delft")
    cards = run(land, [Hangs(), DomainCoverage()], time_budget=0.2)

    def failures(lang: str) -> str:
        page = render(land, scorecards=cards, lang=lang)
        return page[page.index('id="scorecard-failures"') :]

    dutch, english = failures("nl"), failures("en")
    assert "de regel is na 0,2 s gestopt: dat is zijn tijdslimiet" in dutch
    assert "its time limit" not in dutch
    assert "it was stopped after 0.2 s, its time limit" in english


def waits_for(release: threading.Event) -> type[DomainCoverage]:
    """A plugin rule that waits (up to a minute) until *release* is set."""

    @frozen
    class Waits(DomainCoverage):
        name: str = "extra.waits"

        def score(self, subject: Subject, context: ScoringContext) -> Score:
            release.wait(60)
            return super().score(subject, context)

    return Waits


def test_outside_the_main_thread_a_hanging_rule_is_no_longer_waited_for() -> None:
    land = examples.load("delft-zeven-van-delft")
    release = threading.Event()
    Waits = waits_for(release)

    found: list[Any] = []
    before = set(threading.enumerate())
    worker = threading.Thread(
        target=lambda: found.append(run(land, [Waits(), DomainCoverage()], time_budget=0.2))
    )
    worker.start()
    worker.join(30)
    try:
        assert not worker.is_alive()
        assert [f.code for f in found[0].failures] == ["over-budget", "over-budget"]
    finally:
        release.set()  # the abandoned rules finish, and leave no thread behind
        for left in set(threading.enumerate()) - before:
            left.join(10)


def test_the_program_s_own_alarm_is_left_alone() -> None:
    land = examples.load("delft-zeven-van-delft")
    release = threading.Event()
    Waits = waits_for(release)

    rang: list[int] = []
    before = set(threading.enumerate())

    def ring(signum: int, frame: object) -> None:
        rang.append(signum)

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, 30)
    try:
        cards = run(land, [Waits(), DomainCoverage()], time_budget=0.2)
        left, _ = signal.getitimer(signal.ITIMER_REAL)
        handler = signal.getsignal(signal.SIGALRM)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        release.set()  # the rules left behind finish, and leave no thread behind
        for thread in set(threading.enumerate()) - before:
            thread.join(10)
    assert [f.code for f in cards.failures] == ["over-budget", "over-budget"]
    assert 0 < left <= 30  # still running, not cancelled by the rule's limit
    assert handler is ring
    assert not rang


def test_a_hanging_rule_is_stopped_in_worker_processes_too() -> None:
    land = generate(scale=1 / 256, seed=1)
    cards = run(
        land, [Hangs()], time_budget=0.05, workers=2, only=[i.id for i in land.initiatives[:6]]
    )
    assert len(cards.failures) == min(6, len(land.initiatives))
    assert {f.code for f in cards.failures} == {"over-budget"}


@pytest.mark.parametrize("raised", [SystemExit(3), KeyError("k")])
def test_a_rule_that_exits_is_a_failure_by_name(raised: BaseException) -> None:
    @frozen
    class Exits(DomainCoverage):
        name: str = "extra.exits"

        def score(self, subject: Subject, context: ScoringContext) -> Score:
            raise raised

    land = examples.load("delft-zeven-van-delft")
    cards = run(land, [Exits(), DomainCoverage()])
    assert {f.code for f in cards.failures} == {"raised"}
    assert type(raised).__name__ in cards.failures[0].message
    if isinstance(raised, SystemExit):
        with pytest.raises(RuntimeError, match=r"rule 'extra\.exits' on .* raised SystemExit"):
            run(land, [Exits()], strict=True)


@pytest.mark.parametrize("plugin", [Hanging], indirect=True)
@pytest.mark.parametrize("command", ["score", "report", "export"])
def test_every_command_that_scores_stops_a_hanging_rule(
    plugin: str, command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    arguments = {
        "score": ["score", DELFT, "--json"],
        "report": ["report", DELFT, "--output", str(tmp_path / "report")],
        "export": ["export", DELFT, "--format", "csv", "--output", str(tmp_path / "csv")],
    }[command]
    assert main([*arguments, "--time-budget", "0.2"]) == 3
    err = capsys.readouterr().err
    assert f"plugin '{plugin}'" in err
    assert (
        "over-budget: rule 'extra.hangs' was stopped after 0.2 s, its time limit, on 2 subjects"
        in err
    )
    assert "a plugin was skipped" not in err
    if command == "export":
        rows = list(csv.DictReader(io.StringIO((tmp_path / "csv" / "scores.csv").read_text())))
        hangs = [row for row in rows if row["rule"] == "extra.hangs"]
        assert [(row["status"], row["failure"], row["value"]) for row in hangs] == [
            ("failed", "over-budget", "")
        ] * 2
        assert {row["status"] for row in rows if row["rule"] == "domain_coverage"} == {
            "not_applicable"
        }
        card = (tmp_path / "csv" / "README.md").read_text("utf-8")
        assert "`extra.hangs` on `de-zeven-van-delft`" in card
    assert main(["--strict", *arguments, "--time-budget", "0.2"]) == 1
    assert "Traceback" not in capsys.readouterr().err


def test_the_command_line_limits_rules_by_default() -> None:
    from democratie.cli._commands import score_command
    from democratie.cli._common import DEFAULT_TIME_BUDGET

    option = next(p for p in score_command.params if p.name == "time_budget")
    assert option.default == DEFAULT_TIME_BUDGET
    assert 0 < DEFAULT_TIME_BUDGET <= 10


# -- exporter plugins that fail -----------------------------------------------------------


class _Broken:
    name = "broken"
    title = "An exporter that fails"
    suffixes = (".txt",)
    binary = False
    needs_graph = False

    def __init__(self, how: str) -> None:
        self.how = how

    def export(self, landscape: Any, graph: Any, destination: Any, options: Any) -> None:
        destination.write("half")
        if self.how == "exit":
            sys.exit(7)
        raise RuntimeError("the disk of the mind is full")


@pytest.mark.parametrize("how", ["raise", "exit"])
def test_a_failing_exporter_is_reported_by_its_plugin_and_writes_nothing(
    how: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    class Plugin:
        @hookimpl
        def democratie_exporters(self) -> list[object]:
            return [_Broken(how)]

    manager = get_plugin_manager()
    instance = Plugin()
    manager.register(instance, name="broken-exporter")
    target = tmp_path / "out.txt"
    target.write_text("good", encoding="utf-8")
    try:
        with pytest.raises(PluginError) as raised:
            democratie.export(examples.load("delft-zeven-van-delft"), "broken", target)
        problem = raised.value.problems[0]
        assert (problem.plugin, problem.code) == ("broken-exporter", "exporter-failed")
        assert ("SystemExit: 7" if how == "exit" else "RuntimeError") in problem.message
        arguments = ["export", DELFT, "--format", "broken", "--output", str(target)]
        assert main(arguments) == 3
        err = capsys.readouterr().err
        assert re.search(r"plugin 'broken-exporter'.*exporter-failed", err)
        assert main(["--strict", *arguments]) == 1
        assert "Traceback" not in capsys.readouterr().err
    finally:
        manager.unregister(instance)
    assert target.read_text("utf-8") == "good"  # never clobbered

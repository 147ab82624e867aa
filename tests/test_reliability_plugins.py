"""Broken plugins: each fault is reported by name, the rest of the work completes.

Every plugin here is installed the way users install plugins, as an entry point of
the group ``democratie`` (a module written to a temporary folder, listed by a faked
``importlib.metadata.entry_points``), next to one well-behaved plugin. For every
fault the same whole job runs (gather the rules, exporters and importers, build the
enriched graph, validate, score with a time budget) and must

- report the fault by the plugin's name, as a :class:`PluginWarning`;
- give exactly what a run without the broken plugin gives: every built-in score, the
  good plugin's rule, finding, exporter and importer;
- raise a :class:`PluginError` naming the plugin under ``strict=True``;
- make the command line exit 3 (done, a plugin skipped), and 1 with ``--strict``.

The per-rule time budget of :func:`democratie.scoring.run` is tested here too.
"""

from __future__ import annotations

import importlib.metadata
import math
import sys
import textwrap
import time
import warnings
from pathlib import Path
from typing import Any, ClassVar

import pytest
from attrs import frozen

from democratie import examples
from democratie.cli import EXIT_OK, EXIT_PLUGIN_SKIPPED, EXIT_PROBLEMS, main
from democratie.model import Landscape
from democratie.plugins import (
    DemocratiePluginManager,
    PluginError,
    PluginProblem,
    PluginWarning,
    build_graph,
    exporters,
    importers,
    make_plugin_manager,
    score,
    scoring_rules,
    validate,
)
from democratie.plugins import manager as manager_module
from democratie.plugins.problems import RULE_PROBLEM_CODES
from democratie.scoring import Bilingual, Score, ScoringContext, Subject, SubjectKind, run
from democratie.scoring.rules import BUILTIN_RULES, DomainCoverage

EXAMPLE = "leusden-samenleving-voorop"
#: The budget the whole job runs with: generous for every well-behaved rule, and well
#: below the second the slow plugin's rule takes on its first subject.
BUDGET = 0.5

# --------------------------------------------------------------------------------------------
# The plugins, as the source of the modules their entry points name
# --------------------------------------------------------------------------------------------

_RULE = """
from typing import ClassVar
from attrs import frozen
from democratie.scoring import Bilingual, Score

@frozen
class Rule:
    name: str = {name!r}
    title: ClassVar[Bilingual] = Bilingual(nl="Regel", en="Rule")
    applies_to: ClassVar[str] = "initiative"
    source: ClassVar[str] = "the reliability tests"
    formula: ClassVar[str] = "a constant"
    value_range: ClassVar[tuple[float, float]] = (0.0, 1.0)

    def score(self, subject, context):
        explanation = Bilingual(nl="Uitleg.", en="Explanation.")
{body}
"""

GOOD = textwrap.dedent(
    _RULE.format(
        name="good.constant",
        body="        return Score(rule=self.name, subject=subject.id, value=0.5,"
        " explanation=explanation)",
    )
) + textwrap.dedent(
    """
        from democratie.plugins import Finding, hookimpl

        class LinesExporter:
            name = "good-lines"
            title = "Initiatives, one per line"
            suffixes = (".txt",)
            binary = False
            needs_graph = False

            def export(self, landscape, graph, destination, options):
                for initiative in landscape.initiatives:
                    destination.write(initiative.id + "\\n")

        class LinesImporter:
            name = "good-lines"
            title = "Initiatives, one per line"
            suffixes = (".txt",)
            binary = False

            def detect(self, head):
                return head.startswith(b"lines")

            def load(self, source, options):
                raise NotImplementedError  # never called by these tests

        @hookimpl
        def democratie_scoring_rules():
            return [Rule()]

        @hookimpl
        def democratie_validate(landscape):
            return [Finding(severity="warning", path="", message="checked", code="good-check")]

        @hookimpl
        def democratie_exporters():
            return [LinesExporter()]

        @hookimpl
        def democratie_importers():
            return [LinesImporter()]

        @hookimpl
        def democratie_enrich_graph(graph):
            graph.nx.graph["good"] = True
        """
)


def _rule_plugin(body: str, name: str = "fault.rule") -> str:
    return textwrap.dedent(_RULE.format(name=name, body=textwrap.indent(body, " " * 8))) + (
        "\nfrom democratie.plugins import hookimpl\n\n"
        "@hookimpl\ndef democratie_scoring_rules():\n    return [Rule()]\n"
    )


def _hook_plugin(hook: str, arguments: str, body: str) -> str:
    return (
        "from democratie.plugins import hookimpl\n\n"
        f"@hookimpl\ndef {hook}({arguments}):\n" + textwrap.indent(body, "    ") + "\n"
    )


@frozen
class Fault:
    """A broken plugin: its module, the problem code it must be reported with, and where."""

    id: str
    source: str
    code: str
    command: str  # the subcommand of the CLI that meets the fault
    entry_points: tuple[str, ...] = ("broken = plugin_broken",)
    failure: str | None = None  # how scoring records the failures of a broken rule


FAULTS = [
    Fault("raises-on-import", "raise RuntimeError('cannot start')\n", "import-failed", "validate"),
    Fault(
        "unknown-hook",
        _hook_plugin("democratie_scoring_rule", "", "return []"),
        "unknown-hook",
        "validate",
    ),
    Fault(
        "rules-hook-raises",
        _hook_plugin("democratie_scoring_rules", "", "raise KeyError('rules')"),
        "hook-failed",
        "score",
    ),
    Fault(
        "rules-hook-returns-a-number",
        _hook_plugin("democratie_scoring_rules", "", "return 42"),
        "wrong-type",
        "score",
    ),
    Fault(
        "rules-hook-returns-a-non-rule",
        _hook_plugin("democratie_scoring_rules", "", "return ['a rule, says who']"),
        "wrong-type",
        "score",
    ),
    Fault(
        "rule-raises",
        _rule_plugin("raise ZeroDivisionError('no')"),
        "rule-failed",
        "score",
        failure="raised",
    ),
    Fault(
        "rule-returns-a-float",
        _rule_plugin("return 0.5"),
        "rule-failed",
        "score",
        failure="wrong-type",
    ),
    Fault(
        "rule-returns-nan",
        _rule_plugin(
            "return Score(rule=self.name, subject=subject.id, value=float('nan'),"
            " explanation=explanation)"
        ),
        "rule-failed",
        "score",
        failure="raised",
    ),
    Fault(
        "rule-returns-out-of-range",
        _rule_plugin(
            "return Score(rule=self.name, subject=subject.id, value=1.5, explanation=explanation)"
        ),
        "rule-failed",
        "score",
        failure="raised",
    ),
    Fault(
        "rule-tampers-with-its-score",
        _rule_plugin(
            "score = Score(rule=self.name, subject=subject.id, value=0.5,"
            " explanation=explanation)\n"
            "object.__setattr__(score, 'value', float('inf'))\n"
            "return score"
        ),
        "rule-failed",
        "score",
        failure="wrong-score",
    ),
    Fault(
        "rule-is-too-slow",
        _rule_plugin(
            "import time\n"
            "if subject.id == context.landscape.initiatives[0].id:\n"
            "    time.sleep(1.0)\n"
            "return Score(rule=self.name, subject=subject.id, value=0.5,"
            " explanation=explanation)"
        ),
        "over-budget",
        "score",
        failure="over-budget",
    ),
    Fault(
        "rule-takes-a-built-in-name",
        _rule_plugin(
            "return Score(rule=self.name, subject=subject.id, value=0.5, explanation=explanation)",
            name="domain_coverage",
        ),
        "duplicate-name",
        "score",
    ),
    Fault(
        "plugin-takes-a-taken-name",
        _hook_plugin("democratie_scoring_rules", "", "return []"),
        "duplicate-plugin",
        "validate",
        entry_points=("broken = plugin_broken", "broken = plugin_broken:democratie_scoring_rules"),
    ),
    Fault(
        "enrich-graph-raises-half-way",
        _hook_plugin(
            "democratie_enrich_graph",
            "graph",
            "graph.nx.add_node('half-done', kind='person', label='Half')\n"
            "raise RuntimeError('half way')",
        ),
        "hook-failed",
        "score",
    ),
    Fault(
        "enrich-graph-returns-a-value",
        _hook_plugin("democratie_enrich_graph", "graph", "return graph"),
        "wrong-type",
        "score",
    ),
    Fault(
        "validate-raises",
        _hook_plugin("democratie_validate", "landscape", "raise AttributeError('checks')"),
        "hook-failed",
        "validate",
    ),
    Fault(
        "validate-returns-text",
        _hook_plugin("democratie_validate", "landscape", "return 'all fine'"),
        "wrong-type",
        "validate",
    ),
    Fault(
        "exporters-hook-raises",
        _hook_plugin("democratie_exporters", "", "raise ImportError('lxml')"),
        "hook-failed",
        "export",
    ),
    Fault(
        "exporter-takes-a-built-in-name",
        _hook_plugin(
            "democratie_exporters",
            "",
            "from democratie.exporters import JsonExporter\nreturn [JsonExporter()]",
        ),
        "duplicate-name",
        "export",
    ),
    Fault(
        "importers-hook-returns-a-table",
        _hook_plugin("democratie_importers", "", "return {'name': 'ori'}"),
        "wrong-type",
        "validate",
    ),
]


# --------------------------------------------------------------------------------------------
# Installing plugins as entry points
# --------------------------------------------------------------------------------------------


def _install(
    monkeypatch: pytest.MonkeyPatch, folder: Path, modules: dict[str, str], points: list[str]
) -> None:
    """Write the plugin modules and make the entry-point group ``democratie`` list *points*."""
    folder.mkdir(exist_ok=True)
    for module, source in modules.items():
        (folder / f"{module}.py").write_text(source, encoding="utf-8")
        # A module of the same name imported before (by another test) would be used instead.
        monkeypatch.delitem(sys.modules, module, raising=False)
    monkeypatch.syspath_prepend(str(folder))
    listed = [
        importlib.metadata.EntryPoint(
            name=point.split("=")[0].strip(), value=point.split("=")[1].strip(), group="democratie"
        )
        for point in points
    ]

    def entry_points(**selection: Any) -> list[importlib.metadata.EntryPoint]:
        return [ep for ep in listed if ep.group == selection.get("group")]

    monkeypatch.setattr(importlib.metadata, "entry_points", entry_points)
    monkeypatch.delenv("DEMOCRATIE_DISABLE_ENTRYPOINTS", raising=False)
    monkeypatch.delenv("DEMOCRATIE_BLOCK_PLUGINS", raising=False)
    # The command line makes the shared manager afresh, from these entry points.
    monkeypatch.setattr(manager_module, "_shared", None)


def _install_fault(monkeypatch: pytest.MonkeyPatch, folder: Path, fault: Fault | None) -> None:
    modules = {"reliability_good": GOOD}
    points = ["good = reliability_good"]
    if fault is not None:
        # Unique module names: a module of the same name imported by an earlier test stays
        # in sys.modules.
        module = f"reliability_broken_{fault.id.replace('-', '_')}"
        modules[module] = fault.source
        points += [p.replace("plugin_broken", module) for p in fault.entry_points]
    _install(monkeypatch, folder, modules, points)


# --------------------------------------------------------------------------------------------
# The whole job, and what must survive a broken plugin
# --------------------------------------------------------------------------------------------


def _job(manager: DemocratiePluginManager, *, strict: bool = False) -> dict[str, Any]:
    """Everything a program does with the plugins; what it got, as plain data."""
    land = examples.load(EXAMPLE)
    rules = [rule.name for rule in scoring_rules(plugin_manager=manager, strict=strict)]
    exporter_names = [e.name for e in exporters(plugin_manager=manager, strict=strict)]
    importer_names = [i.name for i in importers(plugin_manager=manager, strict=strict)]
    graph = build_graph(land, plugin_manager=manager, strict=strict)
    findings = validate(land, plugin_manager=manager, strict=strict)
    cards = score(land, plugin_manager=manager, strict=strict, time_budget=BUDGET)
    return {
        "rules": [name for name in rules if not name.startswith("fault.")],
        "exporters": exporter_names,
        "importers": importer_names,
        "graph": (sorted(graph.nx.nodes), graph.nx.number_of_edges(), graph.nx.graph.get("good")),
        "findings": [(f.plugin, f.code) for f in findings],
        "scores": {
            card.subject: {s.rule: s.value for s in card.scores if not s.rule.startswith("fault.")}
            for card in cards.cards
        },
        "failures": sorted(
            {(f.rule, f.code) for f in cards.failures if not f.rule.startswith("fault.")}
        ),
        "broken rule": sorted({f.code for f in cards.failures if f.rule.startswith("fault.")}),
    }


def _rest(job: dict[str, Any]) -> dict[str, Any]:
    """What the job got from everything but the broken plugin."""
    return {key: value for key, value in job.items() if key != "broken rule"}


def _installed_job(*, strict: bool = False) -> dict[str, Any]:
    """The job with the plugins of the installed entry points."""
    return _job(make_plugin_manager(entry_points=True, strict=strict), strict=strict)


@pytest.fixture(scope="module")
def clean_job(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """What the job gives with the good plugin only."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        _install_fault(monkeypatch, tmp_path_factory.mktemp("clean"), None)
        manager = make_plugin_manager(entry_points=True)
        assert manager.load_problems == []
        return _job(manager)


def test_the_clean_job_has_every_built_in_and_every_good_contribution(
    clean_job: dict[str, Any],
) -> None:
    assert clean_job["rules"] == [rule.name for rule in BUILTIN_RULES] + ["good.constant"]
    assert "good-lines" in clean_job["exporters"]
    assert "good-lines" in clean_job["importers"]
    assert clean_job["graph"][2] is True
    assert clean_job["findings"] == [("good", "good-check")]
    assert clean_job["failures"] == []
    land = examples.load(EXAMPLE)
    assert set(clean_job["scores"]) == {card.subject for card in run(land, BUILTIN_RULES).cards}
    for initiative in land.initiatives:
        assert clean_job["scores"][initiative.id]["good.constant"] == 0.5


def _problems(caught: list[warnings.WarningMessage]) -> list[PluginProblem]:
    return [w.message.problem for w in caught if isinstance(w.message, PluginWarning)]


@pytest.mark.parametrize("fault", FAULTS, ids=lambda f: f.id)
def test_a_broken_plugin_is_reported_by_name_and_the_rest_completes(
    fault: Fault,
    clean_job: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    _install_fault(monkeypatch, tmp_path, fault)
    with pytest.warns(PluginWarning) as caught:
        job = _installed_job()
    problems = _problems(list(caught))
    assert {(p.plugin, p.code) for p in problems} == {("broken", fault.code)}, problems
    for problem in problems:
        assert str(problem).startswith("plugin 'broken'")
        assert problem.message.strip()
    assert job["broken rule"] == ([fault.failure] if fault.failure else [])
    assert _rest(job) == _rest(clean_job)


@pytest.mark.parametrize("fault", FAULTS, ids=lambda f: f.id)
def test_strict_turns_a_broken_plugin_into_an_error_naming_it(
    fault: Fault, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _install_fault(monkeypatch, tmp_path, fault)
    with pytest.raises(PluginError) as raised:
        _installed_job(strict=True)
    assert {(p.plugin, p.code) for p in raised.value.problems} == {("broken", fault.code)}
    assert "plugin 'broken'" in str(raised.value)


#: The faults the command line meets: all of them (a slow rule with ``--time-budget``).
CLI_FAULTS = [pytest.param(fault, id=fault.id) for fault in FAULTS]


@pytest.mark.parametrize("fault", CLI_FAULTS)
def test_the_command_line_exit_code_says_a_plugin_was_skipped(
    fault: Fault,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _install_fault(monkeypatch, tmp_path, fault)
    source = examples.path(EXAMPLE)
    arguments = {
        "validate": ["validate", str(source)],
        "score": ["score", str(source), "--json", "--time-budget", str(BUDGET)],
        "export": ["export", str(source), "--format", "json", "--output", str(tmp_path / "o.json")],
    }[fault.command]
    assert main(arguments) == EXIT_PLUGIN_SKIPPED
    err = capsys.readouterr().err
    if fault.code in RULE_PROBLEM_CODES:
        # one rule failed on some subjects: the plugin was not skipped, and the warning says so
        assert "democratie: warning: plugin 'broken' (entry point " in err
        assert f"in democratie_scoring_rules: {fault.code}: rule 'fault.rule' " in err
        assert "skipped" not in err
    else:
        assert "a plugin was skipped: plugin 'broken'" in err
    assert "Traceback" not in err

    monkeypatch.setattr(manager_module, "_shared", None)
    assert main(["--strict", *arguments]) == EXIT_PROBLEMS
    err = capsys.readouterr().err
    assert "plugin 'broken'" in err
    assert "Traceback" not in err


def test_the_command_line_exits_0_with_the_good_plugin_only(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _install_fault(monkeypatch, tmp_path, None)
    source = str(examples.path(EXAMPLE))
    assert main(["--strict", "validate", source]) == EXIT_OK
    assert main(["--strict", "score", source, "--json"]) == EXIT_OK
    assert "a plugin was skipped" not in capsys.readouterr().err


def test_several_broken_plugins_at_once_are_each_reported(
    clean_job: dict[str, Any], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    runtime = [f for f in FAULTS if f.entry_points == ("broken = plugin_broken",)]
    modules = {"reliability_good": GOOD}
    points = ["good = reliability_good"]
    for number, fault in enumerate(runtime):
        # Each broken rule with a name of its own, or all but one would be duplicates.
        modules[f"reliability_many_{number}"] = fault.source.replace(
            "fault.rule", f"fault.rule{number}"
        )
        points.append(f"broken-{number:02d} = reliability_many_{number}")
    _install(monkeypatch, tmp_path, modules, points)
    with pytest.warns(PluginWarning) as caught:
        job = _installed_job()
    assert job["broken rule"] == sorted({f.failure for f in runtime if f.failure})
    assert _rest(job) == _rest(clean_job)
    reported = {(p.plugin, p.code) for p in _problems(list(caught))}
    assert reported == {(f"broken-{n:02d}", f.code) for n, f in enumerate(runtime)}


# --------------------------------------------------------------------------------------------
# The time budget of a rule
# --------------------------------------------------------------------------------------------


@frozen
class Sleepy:
    """A rule that sleeps a given time on the subjects named, and scores 1 everywhere."""

    seconds: float
    slow_on: frozenset[str]
    name: str = "test.sleepy"
    title: ClassVar[Bilingual] = Bilingual(nl="Traag", en="Slow")
    applies_to: ClassVar[SubjectKind] = "initiative"
    source: ClassVar[str] = "the reliability tests"
    formula: ClassVar[str] = "1"
    value_range: ClassVar[tuple[float, float]] = (0.0, 1.0)

    def score(self, subject: Subject, context: ScoringContext) -> Score:
        if subject.id in self.slow_on:
            time.sleep(self.seconds)
        return Score(
            rule=self.name,
            subject=subject.id,
            value=1.0,
            explanation=Bilingual(nl="Een.", en="One."),
        )


def _land() -> Landscape:
    return examples.load("delft-zeven-van-delft")


def test_a_rule_over_its_budget_is_a_failure_by_name_and_the_rest_is_scored() -> None:
    land = _land()
    slow = land.initiatives[0].id
    cards = run(land, [Sleepy(0.3, frozenset({slow})), DomainCoverage()], time_budget=0.1)
    assert [(f.rule, f.subject, f.code) for f in cards.failures] == [
        ("test.sleepy", slow, "over-budget")
    ]
    assert "stopped after 0.1 s, its time limit" in cards.failures[0].message
    assert "test.sleepy" not in cards[slow]
    assert "domain_coverage" in cards[slow]
    for initiative in land.initiatives[1:]:
        assert cards[initiative.id]["test.sleepy"].value == 1.0


def test_no_budget_by_default_and_a_generous_one_changes_nothing() -> None:
    land = _land()
    rules = [Sleepy(0.01, frozenset(i.id for i in land.initiatives)), *BUILTIN_RULES]
    unlimited = run(land, rules)
    assert unlimited.failures == ()
    assert run(land, rules, time_budget=60.0) == unlimited


def test_strict_raises_timeout_error_for_a_rule_over_its_budget() -> None:
    land = _land()
    slow = land.initiatives[0].id
    with pytest.raises(
        TimeoutError, match=rf"rule 'test.sleepy' on '{slow}': it was stopped after 0.1 s"
    ):
        run(land, [Sleepy(0.3, frozenset({slow}))], time_budget=0.1, strict=True)


def test_building_the_graph_is_not_charged_to_the_rule_that_needs_it_first() -> None:
    land = _land()

    def slow_builder(landscape: Landscape) -> Any:
        time.sleep(0.5)
        from democratie.graph import build_graph as plain

        return plain(landscape)

    @frozen
    class NeedsGraph(DomainCoverage):
        name: str = "test.needs_graph"

        def score(self, subject: Subject, context: ScoringContext) -> Score:
            context.graph  # noqa: B018 - the first use builds it
            return super().score(subject, context)

    cards = run(land, [NeedsGraph()], graph_builder=slow_builder, time_budget=0.25)
    assert cards.failures == ()


@pytest.mark.parametrize("budget", [0, -1.0, math.nan, math.inf, True, "1"])
def test_a_budget_must_be_a_positive_number(budget: Any) -> None:
    with pytest.raises(ValueError, match="time_budget must be a positive number"):
        run(_land(), [DomainCoverage()], time_budget=budget)


def test_score_reports_a_rule_over_budget_by_its_plugin(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    slow = next(f for f in FAULTS if f.id == "rule-is-too-slow")
    _install_fault(monkeypatch, tmp_path, slow)
    manager = make_plugin_manager(entry_points=True)
    land = examples.load(EXAMPLE)
    with pytest.warns(
        PluginWarning,
        match=r"plugin 'broken'.*over-budget: rule 'fault.rule' was stopped after 0.5 s, its "
        r"time limit, on 1 subject \(",
    ):
        cards = score(land, plugin_manager=manager, time_budget=BUDGET)
    first = land.initiatives[0].id
    assert [(f.rule, f.subject, f.code) for f in cards.failures] == [
        ("fault.rule", first, "over-budget")
    ]
    assert all("fault.rule" in cards[i.id] for i in land.initiatives[1:])
    assert score(land, plugin_manager=manager).failures == ()  # no budget, no failure


# --------------------------------------------------------------------------------------------
# Scores that lie about themselves
# --------------------------------------------------------------------------------------------


@frozen
class Tampering(DomainCoverage):
    """A rule that changes its score's value after the score checked it."""

    value: float = math.nan
    name: str = "test.tampering"

    def score(self, subject: Subject, context: ScoringContext) -> Score:
        result = Score(
            rule=self.name,
            subject=subject.id,
            value=0.5,
            explanation=Bilingual(nl="x", en="x"),
        )
        object.__setattr__(result, "value", self.value)
        return result


@pytest.mark.parametrize("value", [math.nan, math.inf, -0.1, 1.5])
def test_a_score_altered_after_it_was_checked_is_refused(value: float) -> None:
    land = _land()
    cards = run(land, [Tampering(value=value)])
    assert {f.code for f in cards.failures} == {"wrong-score"}
    assert len(cards.failures) == sum(1 for _ in land.initiatives)
    assert all("is not a number within" in f.message for f in cards.failures)
    assert all("test.tampering" not in card for card in cards.cards)
    with pytest.raises(ValueError, match="is not a number within"):
        run(land, [Tampering(value=value)], strict=True)

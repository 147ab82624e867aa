"""The plugin system: loading, fault isolation, strictness, and every hook."""

from __future__ import annotations

import importlib.metadata
import pickle
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest
from attrs import frozen

from democratie import dump, examples, load
from democratie.exporters import BUILTIN_EXPORTERS
from democratie.graph import StakeholderGraph
from democratie.model import Initiative, Landscape
from democratie.plugins import (
    DEFAULT_PLUGINS,
    DemocratiePluginManager,
    Finding,
    PluginError,
    PluginProblem,
    PluginWarning,
    build_graph,
    exporters,
    get_plugin_manager,
    hookimpl,
    importers,
    list_plugins,
    make_plugin_manager,
    score,
    scoring_rules,
    validate,
)
from democratie.plugins import hookspecs as hookspec_module
from democratie.scoring import Bilingual, Score, ScoringContext, Subject, SubjectKind
from democratie.scoring.rules import BUILTIN_RULES, DomainCoverage

BUILTIN = "democratie.plugins.builtin_rules"
HOOKS = sorted(name for name in dir(hookspec_module) if name.startswith("democratie_"))


@pytest.fixture
def manager() -> DemocratiePluginManager:
    """A fresh manager with the built-in plugins and no entry points."""
    return make_plugin_manager(entry_points=False)


BUILTIN_EXPORTER_NAMES = [exporter.name for exporter in BUILTIN_EXPORTERS]


@frozen
class TitleLength:
    """A rule that scores an initiative by the length of its title (for the tests)."""

    name: str = "test.title_length"
    title: ClassVar[Bilingual] = Bilingual(nl="Titellengte", en="Title length")
    applies_to: ClassVar[SubjectKind] = "initiative"
    source: ClassVar[str] = "the test suite"
    formula: ClassVar[str] = "min(len(title), 100) / 100"
    value_range: ClassVar[tuple[float, float]] = (0.0, 1.0)

    def score(self, subject: Subject, context: ScoringContext) -> Score:
        assert isinstance(subject, Initiative)
        return Score(
            rule=self.name,
            subject=subject.id,
            value=min(len(subject.title), 100) / 100,
            explanation=Bilingual(nl="Lengte van de titel.", en="Length of the title."),
        )


@frozen
class Exploding(TitleLength):
    """A rule that raises on every subject."""

    name: str = "test.exploding"

    def score(self, subject: Subject, context: ScoringContext) -> Score:
        message = "boom"
        raise RuntimeError(message)


class RulePlugin:
    """Offers one rule."""

    def __init__(self, *rules: object) -> None:
        self.rules = list(rules)

    @hookimpl
    def democratie_scoring_rules(self) -> list[object]:
        return self.rules


class RaisingPlugin:
    """Raises in every hook it implements."""

    @hookimpl
    def democratie_scoring_rules(self) -> list[object]:
        message = "the rules cannot be made"
        raise ValueError(message)

    @hookimpl
    def democratie_validate(self, landscape: Landscape) -> list[Finding]:
        message = "validation broke"
        raise KeyError(message)


def _landscape() -> Landscape:
    return examples.load("leusden-samenleving-voorop")


# --------------------------------------------------------------------------------------------
# The manager and the built-in plugins
# --------------------------------------------------------------------------------------------


def test_the_shared_manager_is_made_once() -> None:
    assert get_plugin_manager() is get_plugin_manager()


def test_builtin_plugins_are_registered_first_through_the_same_hook(
    manager: DemocratiePluginManager,
) -> None:
    infos = list_plugins(manager)
    assert [info.name for info in infos] == list(DEFAULT_PLUGINS)
    builtin = infos[0]
    assert builtin.origin == "builtin"
    assert builtin.distribution == "democratie"
    assert builtin.entry_point is None
    assert builtin.hooks == ("democratie_scoring_rules",)
    assert [rule.name for rule in scoring_rules(plugin_manager=manager)] == [
        rule.name for rule in BUILTIN_RULES
    ]


def test_blocking_the_builtin_plugin_leaves_no_rules(manager: DemocratiePluginManager) -> None:
    manager.set_blocked(BUILTIN)
    assert scoring_rules(plugin_manager=manager) == ()
    assert score(_landscape(), plugin_manager=manager).cards == ()


def test_plugin_info_is_plain_data(manager: DemocratiePluginManager) -> None:
    data = list_plugins(manager)[0].as_dict()
    assert data["origin"] == "builtin"
    assert data["hooks"] == ["democratie_scoring_rules"]


# --------------------------------------------------------------------------------------------
# Entry points: loaded one by one, each failure isolated
# --------------------------------------------------------------------------------------------


def _fake_entry_points(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, modules: dict[str, str], points: list[str]
) -> list[str]:
    """Write plugin modules to *tmp_path* and make ``entry_points()`` list *points*.

    Each point is ``name = module[:attribute]``. Returns the groups asked for.
    """
    for module, source in modules.items():
        (tmp_path / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    asked: list[str] = []
    fakes = [
        importlib.metadata.EntryPoint(
            name=point.split("=")[0].strip(), value=point.split("=")[1].strip(), group="democratie"
        )
        for point in points
    ]

    def entry_points(**selection: Any) -> list[importlib.metadata.EntryPoint]:
        asked.append(selection.get("group", ""))
        return [ep for ep in fakes if ep.group == selection.get("group")]

    monkeypatch.setattr(importlib.metadata, "entry_points", entry_points)
    return asked


GOOD = """
from democratie.plugins import hookimpl
from democratie.scoring.rules import DomainCoverage

@hookimpl
def democratie_scoring_rules():
    return [DomainCoverage(name="good.domain_coverage")]
"""


def test_entry_points_of_the_group_are_loaded(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("DEMOCRATIE_DISABLE_ENTRYPOINTS", raising=False)
    asked = _fake_entry_points(monkeypatch, tmp_path, {"plugin_good": GOOD}, ["good = plugin_good"])
    manager = make_plugin_manager()
    assert asked == ["democratie"]
    info = {i.name: i for i in list_plugins(manager)}["good"]
    assert (info.origin, info.entry_point) == ("entry_point", "good = plugin_good")
    names = [rule.name for rule in scoring_rules(plugin_manager=manager)]
    assert names[-1] == "good.domain_coverage"
    assert names[:-1] == [rule.name for rule in BUILTIN_RULES]


def test_a_plugin_that_fails_to_import_is_reported_and_the_others_load(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    broken = "import a_module_that_is_not_installed\n"
    _fake_entry_points(
        monkeypatch,
        tmp_path,
        {"plugin_good": GOOD, "plugin_broken": broken},
        ["broken = plugin_broken", "good = plugin_good"],
    )
    with pytest.warns(PluginWarning, match="plugin 'broken'.*import-failed") as caught:
        manager = make_plugin_manager(entry_points=True)
    problem = caught[0].message.problem  # type: ignore[union-attr]
    assert problem.entry_point == "broken = plugin_broken"
    assert "a_module_that_is_not_installed" in problem.message
    assert manager.load_problems == [problem]
    assert "good" in {info.name for info in list_plugins(manager)}
    assert "broken" not in {info.name for info in list_plugins(manager)}


def test_strict_loading_raises_every_problem_after_trying_all(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _fake_entry_points(
        monkeypatch,
        tmp_path,
        {"plugin_a": "raise RuntimeError('no a')\n", "plugin_b": "1 / 0\n"},
        ["a = plugin_a", "b = plugin_b"],
    )
    with pytest.raises(PluginError) as raised:
        make_plugin_manager(entry_points=True, strict=True)
    assert [(p.plugin, p.code) for p in raised.value.problems] == [
        ("a", "import-failed"),
        ("b", "import-failed"),
    ]
    assert "ZeroDivisionError" in str(raised.value)


def test_an_unknown_hook_is_refused_by_name(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    typo = """
    from democratie.plugins import hookimpl

    @hookimpl
    def democratie_scoring_rule():
        return []
    """
    _fake_entry_points(monkeypatch, tmp_path, {"plugin_typo": typo}, ["typo = plugin_typo"])
    with pytest.warns(PluginWarning, match="unknown-hook"):
        manager = make_plugin_manager(entry_points=True)
    (problem,) = manager.load_problems
    assert (problem.plugin, problem.hook) == ("typo", "democratie_scoring_rule")
    assert not manager.has_plugin("typo")


def test_a_hookimpl_with_arguments_the_spec_lacks_is_refused(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    wrong = """
    from democratie.plugins import hookimpl

    @hookimpl
    def democratie_validate(landscape, graph):
        return []
    """
    _fake_entry_points(monkeypatch, tmp_path, {"plugin_wrong": wrong}, ["wrong = plugin_wrong"])
    with pytest.warns(PluginWarning, match="invalid-plugin"):
        manager = make_plugin_manager(entry_points=True)
    assert manager.load_problems[0].code == "invalid-plugin"
    assert not manager.has_plugin("wrong")


def test_an_entry_point_listed_twice_loads_once(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _fake_entry_points(
        monkeypatch, tmp_path, {"plugin_good": GOOD}, ["good = plugin_good", "good = plugin_good"]
    )
    manager = make_plugin_manager(entry_points=True)
    assert manager.load_problems == []
    assert [i.name for i in list_plugins(manager)].count("good") == 1


def test_two_entry_points_with_one_name_keep_the_first(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    other = GOOD.replace("good.domain_coverage", "other.domain_coverage")
    _fake_entry_points(
        monkeypatch,
        tmp_path,
        {"plugin_good": GOOD, "plugin_other": other},
        ["same = plugin_other", "same = plugin_good"],
    )
    with pytest.warns(PluginWarning, match="duplicate-plugin"):
        manager = make_plugin_manager(entry_points=True)
    (problem,) = manager.load_problems
    assert problem.entry_point == "same = plugin_other"
    assert "good.domain_coverage" in [r.name for r in scoring_rules(plugin_manager=manager)]


def test_entry_points_can_be_switched_off_and_blocked(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    asked = _fake_entry_points(monkeypatch, tmp_path, {"plugin_good": GOOD}, ["good = plugin_good"])
    monkeypatch.setenv("DEMOCRATIE_DISABLE_ENTRYPOINTS", "1")
    make_plugin_manager()
    assert asked == []
    monkeypatch.setenv("DEMOCRATIE_DISABLE_ENTRYPOINTS", "0")
    monkeypatch.setenv("DEMOCRATIE_BLOCK_PLUGINS", "good, other")
    manager = make_plugin_manager()
    assert asked == ["democratie"]
    assert not manager.has_plugin("good")


# --------------------------------------------------------------------------------------------
# Plugins registered at run time
# --------------------------------------------------------------------------------------------


def test_a_runtime_plugin_is_listed_with_its_origin(manager: DemocratiePluginManager) -> None:
    plugin = RulePlugin(TitleLength())
    assert manager.register(plugin, name="mine") == "mine"
    info = list_plugins(manager)[-1]
    assert (info.name, info.origin, info.hooks) == (
        "mine",
        "runtime",
        ("democratie_scoring_rules",),
    )
    assert manager.unregister(name="mine") is plugin
    assert "mine" not in [i.name for i in list_plugins(manager)]


def test_a_runtime_plugin_with_an_unknown_hook_is_refused(manager: DemocratiePluginManager) -> None:
    class Typo:
        @hookimpl
        def democratie_exporter(self) -> list[object]:
            return []

    with pytest.raises(PluginError, match="unknown-hook") as raised:
        manager.register(Typo(), name="typo")
    assert raised.value.problems[0].hook == "democratie_exporter"
    assert not manager.has_plugin("typo")


def test_hook_wrappers_are_refused(manager: DemocratiePluginManager) -> None:
    class Wrapper:
        @hookimpl(wrapper=True)
        def democratie_scoring_rules(self) -> Iterator[None]:
            return (yield)

    with pytest.raises(PluginError, match="wrapper-refused"):
        manager.register(Wrapper(), name="wrapper")
    assert not manager.has_plugin("wrapper")


def test_a_runtime_plugin_that_does_not_fit_a_spec_is_refused(
    manager: DemocratiePluginManager,
) -> None:
    class Wrong:
        @hookimpl
        def democratie_validate(self, landscape: Landscape, extra: int) -> list[Finding]:
            return []

    with pytest.raises(PluginError, match="invalid-plugin"):
        manager.register(Wrong(), name="wrong")


def test_tryfirst_runs_before_the_builtin_plugin(manager: DemocratiePluginManager) -> None:
    class First:
        @hookimpl(tryfirst=True)
        def democratie_scoring_rules(self) -> list[object]:
            return [TitleLength()]

    manager.register(First(), name="first")
    assert scoring_rules(plugin_manager=manager)[0].name == "test.title_length"


# --------------------------------------------------------------------------------------------
# Fault isolation while calling hooks
# --------------------------------------------------------------------------------------------


def test_a_hook_that_raises_is_reported_by_plugin_name_and_skipped(
    manager: DemocratiePluginManager,
) -> None:
    manager.register(RaisingPlugin(), name="raising")
    manager.register(RulePlugin(TitleLength()), name="fine")
    with pytest.warns(PluginWarning, match="plugin 'raising' in democratie_scoring_rules"):
        rules = scoring_rules(plugin_manager=manager)
    assert rules[-1].name == "test.title_length"
    assert len(rules) == len(BUILTIN_RULES) + 1


def test_strict_turns_a_failing_hook_into_an_error(manager: DemocratiePluginManager) -> None:
    manager.register(RaisingPlugin(), name="raising")
    with pytest.raises(PluginError) as raised:
        scoring_rules(plugin_manager=manager, strict=True)
    (problem,) = raised.value.problems
    assert (problem.plugin, problem.code, problem.hook) == (
        "raising",
        "hook-failed",
        "democratie_scoring_rules",
    )
    assert "ValueError: the rules cannot be made" in problem.message


def test_a_hook_returning_the_wrong_type_is_reported(manager: DemocratiePluginManager) -> None:
    class WrongTypes:
        @hookimpl
        def democratie_scoring_rules(self) -> object:
            return {"name": "not a list"}

    manager.register(WrongTypes(), name="wrong-types")
    with pytest.warns(PluginWarning, match="wrong-type: it returned dict"):
        rules = scoring_rules(plugin_manager=manager)
    assert len(rules) == len(BUILTIN_RULES)


def test_an_item_that_is_not_a_rule_is_left_out(manager: DemocratiePluginManager) -> None:
    manager.register(RulePlugin("not a rule", TitleLength()), name="mixed")
    with pytest.warns(PluginWarning, match="item 0 .* is refused: it has no attribute name"):
        rules = scoring_rules(plugin_manager=manager)
    assert rules[-1].name == "test.title_length"


def test_a_duplicate_rule_name_keeps_the_first_and_reports_the_second(
    manager: DemocratiePluginManager,
) -> None:
    manager.register(RulePlugin(DomainCoverage()), name="copycat")
    with pytest.warns(PluginWarning, match="duplicate-name.*'domain_coverage'.*democratie.plugins"):
        rules = scoring_rules(plugin_manager=manager)
    assert [r.name for r in rules].count("domain_coverage") == 1
    assert rules[3] is BUILTIN_RULES[3]


def test_a_rule_that_raises_while_scoring_names_its_plugin(
    manager: DemocratiePluginManager,
) -> None:
    manager.register(RulePlugin(Exploding()), name="exploding-plugin")
    land = _landscape()
    with pytest.warns(PluginWarning, match="plugin 'exploding-plugin'.*rule 'test.exploding'"):
        cards = score(land, plugin_manager=manager)
    assert {f.rule for f in cards.failures} == {"test.exploding"}
    assert len(cards.failures) == len(land.initiatives)
    card = cards["samenleving-voorop-bestuur"]
    assert "test.exploding" not in card
    assert len(card) == sum(1 for r in BUILTIN_RULES if r.applies_to == "initiative")
    with pytest.raises(PluginError, match="rule-failed"):
        score(land, plugin_manager=manager, strict=True)


def test_strict_also_reports_earlier_loading_problems(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _fake_entry_points(
        monkeypatch, tmp_path, {"plugin_bad": "raise ImportError('x')\n"}, ["bad = plugin_bad"]
    )
    with pytest.warns(PluginWarning):
        manager = make_plugin_manager(entry_points=True)
    land = _landscape()
    assert score(land, plugin_manager=manager).failures == ()
    with pytest.raises(PluginError, match="plugin 'bad'"):
        score(land, plugin_manager=manager, strict=True)


# --------------------------------------------------------------------------------------------
# One test per hook: democratie_scoring_rules is covered above
# --------------------------------------------------------------------------------------------


def test_hook_democratie_validate(manager: DemocratiePluginManager) -> None:
    class Checks:
        @hookimpl
        def democratie_validate(self, landscape: Landscape) -> Iterator[object]:
            for index, initiative in enumerate(landscape.initiatives):
                if initiative.period.start is None:
                    yield Finding(
                        severity="warning",
                        path=f"initiatives[{index}].period.start",
                        message="no start date",
                        code="no-start",
                    )
            yield "not a finding"

    manager.register(Checks(), name="checks")
    manager.register(RaisingPlugin(), name="raising")
    land = _landscape()
    with pytest.warns(PluginWarning) as caught:
        findings = validate(land, plugin_manager=manager)
    assert {w.message.problem.code for w in caught} == {"wrong-type", "hook-failed"}  # type: ignore[union-attr]
    assert len(findings) == len(land.initiatives)
    assert {f.plugin for f in findings} == {"checks"}
    assert findings[0].path == "initiatives[0].period.start"


def test_hook_democratie_enrich_graph(manager: DemocratiePluginManager) -> None:
    class Enrich:
        @hookimpl
        def democratie_enrich_graph(self, graph: StakeholderGraph) -> None:
            for _, data in graph.nx.nodes(data=True):
                data["enriched"] = True

    class Breaks:
        @hookimpl(trylast=True)
        def democratie_enrich_graph(self, graph: StakeholderGraph) -> None:
            graph.nx.add_node("half-done", kind="person", label="Half")
            message = "broke half-way"
            raise RuntimeError(message)

    class Returns:
        @hookimpl
        def democratie_enrich_graph(self, graph: StakeholderGraph, landscape: Landscape) -> int:
            return 1

    manager.register(Enrich(), name="enrich")
    manager.register(Breaks(), name="breaks")
    manager.register(Returns(), name="returns")
    with pytest.warns(PluginWarning) as caught:
        graph = build_graph(_landscape(), plugin_manager=manager)
    assert [w.message.problem.plugin for w in caught] == ["returns", "breaks"]  # type: ignore[union-attr]
    assert "half-done" not in graph
    assert all(data["enriched"] for _, data in graph.nx.nodes(data=True))


def test_the_enriched_graph_is_what_the_rules_see(manager: DemocratiePluginManager) -> None:
    class Kartrekker:
        @hookimpl
        def democratie_enrich_graph(self, graph: StakeholderGraph) -> None:
            graph.nx.graph["seen-by-rules"] = True

    seen: list[bool] = []

    @frozen
    class Peek(TitleLength):
        name: str = "test.peek"

        def score(self, subject: Subject, context: ScoringContext) -> Score:
            seen.append(bool(context.graph.nx.graph.get("seen-by-rules")))
            return super().score(subject, context)

    manager.register(Kartrekker(), name="kartrekker")
    score(_landscape(), [Peek()], plugin_manager=manager)
    assert seen
    assert all(seen)


@frozen
class LinesExporter:
    name: str = "lines"
    title: str = "Initiatives, one per line"
    suffixes: tuple[str, ...] = (".txt",)
    binary: bool = False
    needs_graph: bool = False

    def export(self, landscape: Landscape, graph: object, destination: Any, options: Any) -> None:
        for initiative in landscape.initiatives:
            destination.write(f"{initiative.id}\n")


def test_hook_democratie_exporters(manager: DemocratiePluginManager) -> None:
    class Formats:
        @hookimpl
        def democratie_exporters(self) -> list[object]:
            return [LinesExporter(), LinesExporter(), LinesExporter(name="Not A Name")]

    manager.register(Formats(), name="formats")
    with pytest.warns(PluginWarning) as caught:
        found = exporters(plugin_manager=manager)
    # The built-in exporters come first: they are registered through the same hook.
    assert [e.name for e in found] == [*BUILTIN_EXPORTER_NAMES, "lines"]
    assert sorted(w.message.problem.code for w in caught) == ["duplicate-name", "wrong-type"]  # type: ignore[union-attr]


@frozen
class LinesImporter:
    name: str = "lines"
    title: str = "Initiatives, one per line"
    suffixes: tuple[str, ...] = (".txt",)
    binary: bool = False

    def detect(self, head: bytes) -> bool:
        return head.startswith(b"lines")

    def load(self, source: Any, options: Any) -> Landscape:
        return Landscape()


def test_hook_democratie_importers(manager: DemocratiePluginManager) -> None:
    class Formats:
        @hookimpl
        def democratie_importers(self) -> list[object]:
            return [LinesImporter(), LinesExporter()]

    manager.register(Formats(), name="formats")
    with pytest.warns(PluginWarning, match="it has no load"):
        found = importers(plugin_manager=manager)
    # The built-in importers come first: they are registered through the same hook.
    assert [i.name for i in found] == ["json", "toml", "ori", "popolo", "lines"]
    assert found[-1].detect(b"lines\n")


@frozen
class BrokenDetector(LinesImporter):
    name: str = "broken"

    def detect(self, head: bytes) -> bool:
        raise RuntimeError("cannot tell")


def test_an_importer_whose_detect_raises_is_reported_by_name(
    manager: DemocratiePluginManager, tmp_path: Path
) -> None:
    class Formats:
        @hookimpl
        def democratie_importers(self) -> list[object]:
            return [BrokenDetector()]

    manager.register(Formats(), name="broken-formats")
    path = tmp_path / "delft.json"
    dump(examples.load("delft-zeven-van-delft"), path)
    with pytest.warns(PluginWarning) as caught:
        land = load(path, plugin_manager=manager)
    assert land.municipalities  # the rest still reads the file
    (warning,) = [w.message for w in caught if isinstance(w.message, PluginWarning)]
    assert warning.problem.plugin == "broken-formats"
    assert warning.problem.code == "detect-failed"
    assert "'broken' raised while telling whether it reads" in warning.problem.message
    assert "RuntimeError: cannot tell" in warning.problem.message
    with pytest.raises(PluginError, match="detect-failed"):
        load(path, plugin_manager=manager, strict=True)


def test_every_hook_has_a_test_here() -> None:
    tested = {name for name in globals() if name.startswith("test_hook_")}
    assert {f"test_hook_{hook}" for hook in HOOKS} - {
        "test_hook_democratie_scoring_rules"
    } <= tested
    assert HOOKS == [
        "democratie_enrich_graph",
        "democratie_exporters",
        "democratie_importers",
        "democratie_scoring_rules",
        "democratie_validate",
    ]


def test_call_each_refuses_an_unknown_hook(manager: DemocratiePluginManager) -> None:
    with pytest.raises(ValueError, match="there is no hook 'democratie_nope'"):
        list(manager.call_each("democratie_nope"))


# --------------------------------------------------------------------------------------------
# Errors and warnings
# --------------------------------------------------------------------------------------------


def test_plugin_errors_and_warnings_pickle() -> None:
    problem = PluginProblem(
        plugin="p", code="hook-failed", message="boom", hook="democratie_validate"
    )
    error = PluginError([problem, problem])
    again = pickle.loads(pickle.dumps(error))
    assert again.problems == error.problems
    assert str(again) == str(error)
    assert str(error).startswith("2 plugin problems:")
    warning = pickle.loads(pickle.dumps(PluginWarning(problem)))
    assert warning.problem == problem


def test_plugin_error_is_a_democratie_error() -> None:
    from democratie.errors import DemocratieError

    assert issubclass(PluginError, DemocratieError)

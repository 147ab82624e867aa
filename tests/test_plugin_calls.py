"""Hooks are called through pluggy's own machinery: order, isolation, tracing, monitoring."""

from __future__ import annotations

import importlib.metadata
import os
import subprocess
import sys
import textwrap
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pluggy
import pytest

import democratie
from democratie import examples
from democratie.graph import StakeholderGraph
from democratie.model import Landscape
from democratie.plugins import (
    PluginWarning,
    build_graph,
    hookimpl,
    make_plugin_manager,
    scoring_rules,
)
from democratie.plugins.hookspecs import HookOutcome
from democratie.plugins.manager import DemocratiePluginManager
from democratie.scoring.rules import DomainCoverage

SRC = Path(__file__).resolve().parents[1] / "src"


def _rules_plugin(name: str, *, tryfirst: bool = False) -> object:
    class Plugin:
        @hookimpl(tryfirst=tryfirst)
        def democratie_scoring_rules(self) -> list[DomainCoverage]:
            return [DomainCoverage(name=f"{name}.domain_coverage")]

    return Plugin()


@pytest.fixture
def manager() -> DemocratiePluginManager:
    return make_plugin_manager(entry_points=False)


def test_the_hook_itself_calls_in_registration_order_not_pluggys_lifo(
    manager: DemocratiePluginManager,
) -> None:
    manager.register(_rules_plugin("first"), name="first")
    manager.register(_rules_plugin("second"), name="second")
    manager.register(_rules_plugin("early", tryfirst=True), name="early")
    outcomes = manager.hook.democratie_scoring_rules()
    assert [o.plugin for o in outcomes] == [
        "early",
        "democratie.plugins.builtin_rules",
        "first",
        "second",
    ]
    # The gathering functions read the same call: the same order.
    names = [rule.name for rule in scoring_rules(plugin_manager=manager)]
    assert names[0] == "early.domain_coverage"
    assert names[-2:] == ["first.domain_coverage", "second.domain_coverage"]


@pytest.mark.parametrize("raised", [RuntimeError("boom"), SystemExit(3), GeneratorExit()])
def test_an_implementation_that_raises_anything_is_isolated_by_name(
    manager: DemocratiePluginManager, raised: BaseException
) -> None:
    class Exits:
        @hookimpl
        def democratie_scoring_rules(self) -> list[DomainCoverage]:
            raise raised

    manager.register(Exits(), name="exits")
    manager.register(_rules_plugin("after"), name="after")
    outcomes = manager.hook.democratie_scoring_rules()
    assert [(o.plugin, o.failed) for o in outcomes] == [
        ("democratie.plugins.builtin_rules", False),
        ("exits", True),
        ("after", False),
    ]
    assert outcomes[1].error is raised
    with pytest.warns(PluginWarning, match=f"plugin 'exits'.*{type(raised).__name__}"):
        names = [rule.name for rule in scoring_rules(plugin_manager=manager)]
    assert names[-1] == "after.domain_coverage"


def test_keyboard_interrupt_still_stops_the_program(manager: DemocratiePluginManager) -> None:
    class Interrupted:
        @hookimpl
        def democratie_scoring_rules(self) -> None:
            raise KeyboardInterrupt

    manager.register(Interrupted(), name="interrupted")
    with pytest.raises(KeyboardInterrupt):
        manager.hook.democratie_scoring_rules()


def test_a_generator_that_exits_while_gathered_is_isolated(
    manager: DemocratiePluginManager,
) -> None:
    class Lazy:
        @hookimpl
        def democratie_scoring_rules(self) -> Any:
            yield DomainCoverage(name="lazy.domain_coverage")
            sys.exit(4)

    manager.register(Lazy(), name="lazy")
    with pytest.warns(PluginWarning, match="plugin 'lazy'.*SystemExit: 4"):
        names = [rule.name for rule in scoring_rules(plugin_manager=manager)]
    assert "lazy.domain_coverage" not in names


def test_pluggy_monitoring_sees_every_call_and_its_outcomes(
    manager: DemocratiePluginManager,
) -> None:
    seen: list[tuple[str, list[str]]] = []
    after: list[list[HookOutcome]] = []

    def before(name: str, impls: Sequence[pluggy.HookImpl], kwargs: Mapping[str, Any]) -> None:
        seen.append((name, [impl.plugin_name for impl in impls]))

    def finished(
        outcome: pluggy.Result[Any],
        name: str,
        impls: Sequence[pluggy.HookImpl],
        kwargs: Mapping[str, Any],
    ) -> None:
        after.append(outcome.get_result())

    undo = manager.add_hookcall_monitoring(before, finished)
    try:
        scoring_rules(plugin_manager=manager)
        build_graph(examples.load("leusden-samenleving-voorop"), plugin_manager=manager)
    finally:
        undo()
    assert [name for name, _ in seen] == ["democratie_scoring_rules", "democratie_enrich_graph"]
    assert seen[0][1] == ["democratie.plugins.builtin_rules"]
    assert [o.plugin for o in after[0]] == ["democratie.plugins.builtin_rules"]
    scoring_rules(plugin_manager=manager)
    assert len(seen) == 2  # undone: no longer monitored


def test_pluggy_tracing_writes_the_calls(manager: DemocratiePluginManager) -> None:
    lines: list[str] = []
    manager.trace.root.setwriter(lines.append)
    undo = manager.enable_tracing()
    try:
        scoring_rules(plugin_manager=manager)
    finally:
        undo()
    text = "".join(lines)
    assert "democratie_scoring_rules" in text
    assert "finish democratie_scoring_rules" in text


def test_a_failing_enrichment_is_undone_by_the_hook_call(
    manager: DemocratiePluginManager,
) -> None:
    class Breaks:
        @hookimpl
        def democratie_enrich_graph(self, graph: StakeholderGraph, landscape: Landscape) -> None:
            graph.nx.add_node("breaks.half", kind="person", label="half")
            raise ValueError("half way")

    class Adds:
        @hookimpl
        def democratie_enrich_graph(self, graph: StakeholderGraph) -> None:
            graph.nx.graph["adds"] = True

    manager.register(Breaks(), name="breaks")
    manager.register(Adds(), name="adds")
    with pytest.warns(PluginWarning, match="plugin 'breaks'.*ValueError: half way"):
        graph = build_graph(examples.load("leusden-samenleving-voorop"), plugin_manager=manager)
    assert "breaks.half" not in graph.nx
    assert graph.nx.graph["adds"] is True


def test_the_trace_switch_prints_each_hook_call_to_stderr() -> None:
    env = {**os.environ, "DEMOCRATIE_TRACE_PLUGINS": "1", "PYTHONPATH": str(SRC)}
    code = "import democratie.plugins as p; p.scoring_rules(); p.exporters()"
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert "democratie: hook democratie_scoring_rules()" in done.stderr
    assert "  implemented by democratie.plugins.builtin_rules" in done.stderr
    assert "  democratie.plugins.builtin_exporters -> " in done.stderr
    quiet = subprocess.run(
        [sys.executable, "-c", code],
        env={**env, "DEMOCRATIE_TRACE_PLUGINS": "0"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert quiet.stderr == ""


def test_a_plugin_that_exits_at_import_is_reported_and_the_tool_goes_on(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "plugin_exits.py").write_text("import sys\nsys.exit(5)\n", encoding="utf-8")
    good = textwrap.dedent(
        """
        from democratie.plugins import hookimpl
        from democratie.scoring.rules import DomainCoverage

        @hookimpl
        def democratie_scoring_rules():
            return [DomainCoverage(name="good.domain_coverage")]
        """
    )
    (tmp_path / "plugin_fine.py").write_text(good, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    points = [
        importlib.metadata.EntryPoint(name="exits", value="plugin_exits", group="democratie"),
        importlib.metadata.EntryPoint(name="fine", value="plugin_fine", group="democratie"),
    ]
    monkeypatch.setattr(importlib.metadata, "entry_points", lambda **_: points)
    with pytest.warns(PluginWarning, match="plugin 'exits'.*import-failed.*SystemExit: 5"):
        manager = make_plugin_manager(entry_points=True)
    assert "good.domain_coverage" in [r.name for r in scoring_rules(plugin_manager=manager)]


def test_the_block_switch_leaves_out_a_built_in_plugin_too(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DEMOCRATIE_BLOCK_PLUGINS", "democratie.plugins.builtin_importers")
    manager = make_plugin_manager(entry_points=False)
    names = [info.name for info in manager.plugin_info()]
    assert "democratie.plugins.builtin_importers" not in names
    assert "democratie.plugins.builtin_rules" in names
    with pytest.raises(democratie.LoadError, match="toml"):
        democratie.load(examples.path("delft-zeven-van-delft"), plugin_manager=manager)

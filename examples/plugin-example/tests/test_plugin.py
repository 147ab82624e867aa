"""The plugin as democratie sees it: the entry point, the hooks, scoring and exporting."""

from __future__ import annotations

import doctest
import importlib
import sys
from pathlib import Path
from types import ModuleType

import democratie_burgerberaad
import pytest
from attrs import evolve
from democratie_burgerberaad import (
    AssemblyReport,
    OecdPrinciples,
    export,
    plugin,
    principles,
    rules,
)

from democratie import examples
from democratie.exporters import export_bytes
from democratie.plugins import (
    DemocratiePluginManager,
    exporters,
    list_plugins,
    make_plugin_manager,
    score,
    scoring_rules,
)
from democratie.vocab import InitiativeKind

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


@pytest.fixture
def manager() -> DemocratiePluginManager:
    """A plugin manager of its own, with the built-in plugins and this one registered."""
    manager = make_plugin_manager(entry_points=False)
    manager.register(plugin, name="burgerberaad")
    return manager


def test_the_entry_point_names_the_plugin_module() -> None:
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    assert project["entry-points"]["democratie"] == {
        "burgerberaad": "democratie_burgerberaad.plugin"
    }
    assert importlib.import_module("democratie_burgerberaad.plugin") is plugin


def test_the_plugin_implements_two_hooks(manager: DemocratiePluginManager) -> None:
    info = next(p for p in list_plugins(manager) if p.name == "burgerberaad")
    assert info.hooks == ("democratie_exporters", "democratie_scoring_rules")
    assert info.origin == "runtime"


def test_its_rule_comes_after_the_built_in_ones_and_its_exporter_is_offered(
    manager: DemocratiePluginManager,
) -> None:
    rules = scoring_rules(plugin_manager=manager, strict=True)
    assert isinstance(rules[-1], OecdPrinciples)
    assert rules[0].name == "commitment_triad"
    formats = exporters(plugin_manager=manager, strict=True)
    assert [type(f) for f in formats if f.name == "burgerberaad-md"] == [AssemblyReport]


def test_score_runs_the_rule_on_a_bundled_example(manager: DemocratiePluginManager) -> None:
    land = examples.load("leusden-samenleving-voorop")
    cards = score(land, plugin_manager=manager, strict=True)
    for initiative in land.initiatives:
        own = cards[initiative.id]["burgerberaad.oecd_principles"]
        assert own.value is None  # Leusden's challenge is no citizens' assembly
        assert "commitment_triad" in cards[initiative.id]
    first = land.initiatives[0]
    as_assembly = land.replace(evolve(first, kind=InitiativeKind.BURGERBERAAD))
    cards = score(as_assembly, plugin_manager=manager, strict=True)
    assert cards[first.id]["burgerberaad.oecd_principles"].value is not None


def test_the_format_is_offered_by_name(manager: DemocratiePluginManager) -> None:
    land = examples.load("delft-zeven-van-delft")
    data = export_bytes(land, "burgerberaad-md", exporters=exporters(plugin_manager=manager))
    assert data.startswith(b"# Citizens' assemblies and the OECD good practice principles\n")
    assert data == export_bytes(land, AssemblyReport())


@pytest.mark.parametrize(
    "module",
    [democratie_burgerberaad, principles, rules, export, plugin],
    ids=lambda module: module.__name__,
)
def test_the_examples_in_the_docstrings_run(module: ModuleType) -> None:
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS, report=False)
    assert result.attempted > 0
    assert result.failed == 0

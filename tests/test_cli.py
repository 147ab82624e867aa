"""The command line: exit codes, output streams, and no tracebacks."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import democratie
from democratie import examples
from democratie.cli import main
from democratie.scoring import Bilingual, Score

GOOD = """
format = "democratie/1"
[[municipalities]]
id = "leusden"
cbs_code = "GM0327"
"""

BAD = """
format = "democratie/1"
[[people]]
id = "p-a"
[[roles]]
holder = "p-b"
kind = "raadslid"
"""


def test_validate_without_files_checks_every_bundled_example(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["validate"]) == 0
    out = capsys.readouterr().out
    for name in examples.NAMES:
        assert f"{name}.toml" in out
    assert "5 files checked: 5 valid, 0 invalid." in out


def test_validate_reports_every_problem_on_stderr_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good, bad = tmp_path / "good.toml", tmp_path / "bad.toml"
    good.write_text(GOOD, encoding="utf-8")
    bad.write_text(BAD, encoding="utf-8")
    assert main(["validate", str(good), str(bad)]) == 1
    captured = capsys.readouterr()
    assert "people[0].name: this key is required but missing" in captured.err
    assert "roles[0].holder: 'p-b' refers to nothing" in captured.err
    assert "good.toml: valid; 1 municipality" in captured.out
    assert "2 files checked: 1 valid, 1 invalid." in captured.out
    assert "Traceback" not in captured.err


def test_validate_json_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(BAD, encoding="utf-8")
    assert main(["validate", "--json", str(bad)]) == 1
    result = json.loads(capsys.readouterr().out)
    assert result["invalid"] == 1
    problems = result["files"][0]["problems"]
    assert {p["path"] for p in problems} == {"people[0].name", "roles[0].holder"}
    assert {p["code"] for p in problems} == {"missing-key", "dangling-reference"}


def test_a_missing_file_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(tmp_path / "nowhere.toml")]) == 1
    assert "nowhere.toml: there is no such file" in capsys.readouterr().err


def test_a_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--no-such-option"]) == 2
    assert "No such option" in capsys.readouterr().err
    assert main(["no-such-command"]) == 2


def test_schema_prints_the_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["properties"]["format"]["const"] == "democratie/1"


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("democratie, version ")


def test_python_dash_m_runs_the_command_line() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "democratie", "validate"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "5 valid, 0 invalid" in result.stdout


def test_an_unexpected_failure_gives_a_message_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(path: object, **options: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("democratie.load", broken)
    assert main(["validate"]) == 1
    err = capsys.readouterr().err
    assert "unexpected error: RuntimeError: disk on fire" in err
    assert "--debug" in err
    assert "Traceback" not in err
    with pytest.raises(RuntimeError, match="disk on fire"):
        main(["--debug", "validate"])


# -- the main job and the other commands ----------------------------------------------------

DELFT = str(examples.path("delft-zeven-van-delft"))
ROOT = Path(__file__).resolve().parents[1]


def test_demo_writes_a_report_per_example(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)  # run from the checkout, as the quick start does
    out = tmp_path / "demo"
    assert main(["demo", "--output", str(out)]) == 0
    planned = ["democratie-in-actie-noord-nederland-gepland", "m50-leerkring-waalwijk-gepland"]
    written = sorted(p.name for p in out.iterdir() if p.is_file())
    # one file per language: a report in English never overwrites the Dutch one
    assert written == sorted(f"{name}.nl.html" for name in (*examples.NAMES, *planned))
    # The planned landscapes and their calendars: valid, and holding what was planned.
    plans = sorted(p.name for p in (out / "plans").iterdir())
    assert plans == sorted(f"{name}.{suffix}" for name in planned for suffix in ("ics", "toml"))
    land = democratie.load(out / "plans" / f"{planned[0]}.toml")
    groups = [n for n in land.networks if n.kind.value == "regionaal_leernetwerk" and n.initiative]
    assert len(groups) == 2
    assert all(len(n.meetings) == 4 and all(m.host for m in n.meetings) for n in groups)
    printed = capsys.readouterr().out
    assert printed.startswith(f"Stand van zaken op {dt.date.today().isoformat()} (vandaag).\n")
    assert "7 reports written to" in printed
    assert "2 learning groups of 6, 5 (proven optimal)" in printed
    assert "pool: 11 of 11 questions with a change officer" in printed
    # It ends by saying where to go next: the first tutorial, and the report of one's own file.
    last = printed.rstrip("\n").splitlines()[-5:]
    assert last[0].startswith("Next, describe your own municipality")
    assert Path(last[1].strip()).resolve() == ROOT / "docs" / "tutorials" / "first-landscape.md"
    assert last[2].strip().endswith("/tutorials/first-landscape/")
    assert last[-1] == "  democratie report my.toml"


def test_the_demo_names_the_program_as_it_was_started(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Started as .venv/bin/democratie with .venv/bin not on the PATH, a bare `democratie`
    # would not be found: the demo's last line gives the path it was started by.
    from democratie.cli._commands import _next_steps

    program = tmp_path / ".venv" / "bin" / "democratie"
    program.parent.mkdir(parents=True)
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(0o755)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "argv", [".venv/bin/democratie", "demo"])
    monkeypatch.setenv("PATH", str(tmp_path / "elsewhere"))
    assert _next_steps()[-1] == "  .venv/bin/democratie report my.toml"
    # On the PATH, the bare name is what to type.
    monkeypatch.setenv("PATH", str(program.parent))
    assert _next_steps()[-1] == "  democratie report my.toml"
    # Outside the checkout the tutorial is named by its page on the documentation site only,
    # so that what the demo prints does not depend on where the checkout lies.
    assert [line for line in _next_steps() if "first-landscape" in line] == [
        "  https://democratie.readthedocs.io/en/latest/tutorials/first-landscape/"
    ]


def test_graph_summary_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["graph", DELFT, "--json", "--top", "3"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["nodes"] == sum(summary["nodes_by_kind"].values())
    assert summary["edges"] == sum(summary["edges_by_relation"].values())
    assert summary["nodes_by_kind"]["municipality"] == 2
    assert len(summary["champions"]) == 3
    assert {"id", "label", "score", "single_point_of_failure"} <= set(summary["champions"][0])


def test_score_as_table_in_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", DELFT, "--lang", "en"]) == 0
    english = capsys.readouterr().out
    assert "commitment_triad" in english
    assert "The council, the college and the civil service all back it fully." in english
    assert main(["--lang", "nl", "score", DELFT]) == 0
    assert "Raad, college en ambtelijke organisatie steunen het" in capsys.readouterr().out


def test_score_as_json_with_one_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", DELFT, "--json", "--rule", "area_coverage"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["rules"] == ["area_coverage"]
    zeven = next(c for c in result["scorecards"] if c["subject"] == "de-zeven-van-delft")
    assert zeven["scores"][0]["value"] == 1.0


def test_an_unknown_rule_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", DELFT, "--rule", "no_such_rule"]) == 2
    assert "no rule named no_such_rule" in capsys.readouterr().err


def test_export_and_an_unknown_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "delft.graphml"
    assert main(["export", DELFT, "--format", "graphml", "--output", str(target)]) == 0
    assert target.read_text(encoding="utf-8").startswith("<?xml")
    assert main(["export", DELFT, "--format", "xlsx", "--output", str(tmp_path / "x")]) == 2
    assert "unknown format 'xlsx'" in capsys.readouterr().err


def test_import_reads_the_landscape_document_as_an_importer_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "delft.json"
    assert main(["import", DELFT, "--from", "toml", "--output", str(target)]) == 0
    assert democratie.load(target) == examples.load("delft-zeven-van-delft")
    assert main(["import", DELFT, "--from", "xlsx", "--output", str(target)]) == 2
    assert "the formats are: json, toml, ori, popolo" in capsys.readouterr().err


def test_import_writes_a_landscape_that_validates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = Path(__file__).parent / "data" / "ori" / "heerde_persons.json"
    if not source.exists():
        pytest.skip("the Open Raadsinformatie sample is not present")
    target = tmp_path / "heerde.toml"
    assert main(["import", str(source), "--from", "ori", "--output", str(target)]) == 0
    assert main(["validate", str(target)]) == 0
    assert "1 valid, 0 invalid" in capsys.readouterr().out


def test_report_writes_one_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", DELFT, "--output", str(tmp_path), "--lang", "en"]) == 0
    (written,) = tmp_path.iterdir()
    assert written.suffix == ".html"
    assert '<html lang="en"' in written.read_text(encoding="utf-8")


def test_plugins_lists_the_built_in_plugins(capsys: pytest.CaptureFixture[str]) -> None:
    from democratie.plugins import exporters, importers, scoring_rules

    assert main(["plugins", "--json"]) == 0
    found = {p["name"]: p for p in json.loads(capsys.readouterr().out)}
    assert {"democratie.plugins.builtin_rules", "democratie.plugins.builtin_exporters"} <= set(
        found
    )
    # Each built-in plugin names what it adds, and together that is what the library offers.
    rules = found["democratie.plugins.builtin_rules"]
    assert rules["rules"] == [rule.name for rule in scoring_rules()]
    assert rules["exporters"] == rules["importers"] == []
    assert found["democratie.plugins.builtin_exporters"]["exporters"] == [
        e.name for e in exporters()
    ]
    assert found["democratie.plugins.builtin_importers"]["importers"] == [
        i.name for i in importers()
    ]


class _Ids:
    """An export format: the ids of the initiatives, one a line."""

    name = "mijn-ids"
    title = "Initiative ids"
    suffixes = (".txt",)
    binary = False
    needs_graph = False

    def export(self, landscape: Any, graph: object, destination: Any, options: object) -> None:
        destination.write("".join(f"{i.id}\n" for i in landscape.initiatives))


class _Adds:
    """A plugin that adds a rule, an export format and a check of landscapes."""

    from democratie.plugins import hookimpl

    @hookimpl
    def democratie_scoring_rules(self) -> list[object]:
        from democratie.scoring.rules import DomainCoverage

        # The second takes a built-in rule's name: refused, so not listed as added.
        return [DomainCoverage(name="mijn.domains"), DomainCoverage()]

    @hookimpl
    def democratie_exporters(self) -> list[object]:
        return [_Ids()]

    @hookimpl
    def democratie_validate(self, landscape: object) -> list[object]:
        return []


@pytest.fixture
def adding_plugin() -> Iterator[None]:
    from democratie.plugins import get_plugin_manager

    manager = get_plugin_manager()
    plugin = _Adds()
    manager.register(plugin, name="mijn")
    try:
        yield
    finally:
        manager.unregister(plugin)


@pytest.mark.usefixtures("adding_plugin")
def test_plugins_names_what_each_plugin_adds(capsys: pytest.CaptureFixture[str]) -> None:
    # The duplicate rule is reported (exit 3, a plugin was partly skipped) and not listed.
    assert main(["plugins", "--json"]) == 3
    captured = capsys.readouterr()
    assert "'domain_coverage' is already used" in captured.err
    mine = {p["name"]: p for p in json.loads(captured.out)}["mijn"]
    assert mine["origin"] == "runtime"
    assert mine["rules"] == ["mijn.domains"]
    assert mine["exporters"] == ["mijn-ids"]
    assert mine["importers"] == []
    assert mine["hooks"] == [
        "democratie_exporters",
        "democratie_scoring_rules",
        "democratie_validate",
    ]

    assert main(["plugins"]) == 3
    text = capsys.readouterr().out
    block = text.split("\n\nmijn ", 1)[1]
    assert block.splitlines() == [
        "(runtime)",
        "  rules (1): mijn.domains",
        "  export formats (1): mijn-ids",
        "  hooks: democratie_validate",
    ]
    rules = text.split("\n\n", 1)[0].splitlines()
    assert rules[0] == "democratie.plugins.builtin_rules 0.1.0 (builtin, from democratie)"
    assert rules[1].startswith("  rules (25): commitment_triad, council_at_the_front")
    assert all(len(line) <= 100 for line in text.splitlines())


@pytest.mark.usefixtures("adding_plugin")
def test_plugins_strict_makes_a_refused_item_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plugins", "--strict"]) == 1
    assert "duplicate-name" in capsys.readouterr().err


def test_every_command_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    from democratie.cli import cli

    assert main(["--help"]) == 0
    listing = capsys.readouterr().out
    for name in cli.commands:
        assert name in listing
        assert main([name, "--help"]) == 0
        assert "Usage: democratie " + name in capsys.readouterr().out


# -- plugin failures ------------------------------------------------------------------------


def test_a_skipped_plugin_is_reported_once_in_a_real_process() -> None:
    # In a process of its own: under pytest, logging has handlers and would hide a second
    # report printed by the library's logger through logging's last-resort handler.
    code = (
        "import sys\n"
        "from democratie.cli import main\n"
        "from democratie.plugins import get_plugin_manager, hookimpl\n"
        "class Broken:\n"
        "    @hookimpl\n"
        "    def democratie_scoring_rules(self):\n"
        "        raise RuntimeError('rules on fire')\n"
        "get_plugin_manager().register(Broken(), name='broken-rules')\n"
        "sys.exit(main(['score', sys.argv[1]]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, DELFT], capture_output=True, text=True, check=False
    )
    assert result.returncode == 3, result.stderr
    lines = [line for line in result.stderr.splitlines() if "rules on fire" in line]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("democratie: warning: a plugin was skipped")


class _BrokenRules:
    """A plugin whose rule hook raises."""

    from democratie.plugins import hookimpl

    @hookimpl
    def democratie_scoring_rules(self) -> list[object]:
        raise RuntimeError("rules on fire")


@pytest.fixture
def broken_plugin() -> Iterator[None]:
    from democratie.plugins import get_plugin_manager

    manager = get_plugin_manager()
    plugin = _BrokenRules()
    manager.register(plugin, name="broken-rules")
    try:
        yield
    finally:
        manager.unregister(plugin)


@pytest.mark.usefixtures("broken_plugin")
def test_a_broken_plugin_is_skipped_and_the_exit_code_says_so(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["score", DELFT]) == 3
    captured = capsys.readouterr()
    assert "commitment_triad" in captured.out  # the work completed
    assert "a plugin was skipped" in captured.err
    assert "broken-rules" in captured.err
    assert "Traceback" not in captured.err


@pytest.mark.usefixtures("broken_plugin")
def test_strict_turns_a_broken_plugin_into_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--strict", "score", DELFT]) == 1
    captured = capsys.readouterr()
    assert "broken-rules" in captured.err
    assert "Traceback" not in captured.err


class _BrokenImporters:
    """A plugin whose importers hook raises."""

    from democratie.plugins import hookimpl

    @hookimpl
    def democratie_importers(self) -> list[object]:
        raise RuntimeError("importers on fire")


@pytest.fixture
def broken_importers() -> Iterator[None]:
    from democratie.plugins import get_plugin_manager

    manager = get_plugin_manager()
    plugin = _BrokenImporters()
    manager.register(plugin, name="broken-importers")
    try:
        yield
    finally:
        manager.unregister(plugin)


@pytest.mark.usefixtures("broken_importers")
def test_strict_makes_a_failing_importers_hook_an_error_while_loading(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["validate", DELFT]) == 3
    captured = capsys.readouterr()
    assert "1 valid, 0 invalid" in captured.out
    assert "a plugin was skipped: plugin 'broken-importers'" in captured.err
    assert main(["--strict", "validate", DELFT]) == 1
    assert main(["validate", "--strict", DELFT]) == 1
    captured = capsys.readouterr()
    assert "plugin 'broken-importers'" in captured.err
    assert "importers on fire" in captured.err
    assert "Traceback" not in captured.err


@pytest.mark.usefixtures("broken_importers")
def test_strict_import_with_a_failing_importers_hook_exits_1_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "council.json"
    source.write_text(
        json.dumps(
            {
                "persons": [{"id": "p1", "name": "A. de Vries"}],
                "organizations": [{"id": "c", "name": "Raad", "classification": "council"}],
                "memberships": [{"person_id": "p1", "organization_id": "c", "role": "councillor"}],
            }
        ),
        encoding="utf-8",
    )
    target = tmp_path / "council.toml"
    arguments = ["import", str(source), "--from", "popolo", "--output", str(target)]
    assert main(["--strict", *arguments]) == 1
    assert "plugin 'broken-importers'" in capsys.readouterr().err
    assert not target.exists()
    assert main(arguments) == 3
    assert target.exists()


# -- a time budget for the rules ------------------------------------------------------------


class _SlowRules:
    """A plugin with one rule that takes a while on every subject."""

    from democratie.plugins import hookimpl

    @hookimpl
    def democratie_scoring_rules(self) -> list[object]:
        return [_SlowRule()]


class _SlowRule:
    name = "test.slow"
    applies_to = "initiative"
    source = "the command-line tests"
    formula = "a constant, after a pause"
    value_range = (0.0, 1.0)

    @property
    def title(self) -> Bilingual:
        return Bilingual(nl="Traag", en="Slow")

    def score(self, subject: Any, context: object) -> Score:
        time.sleep(0.05)
        explanation = Bilingual(nl="Uitleg.", en="Explanation.")
        return Score(rule=self.name, subject=subject.id, value=0.5, explanation=explanation)


@pytest.fixture
def slow_rule() -> Iterator[None]:
    from democratie.plugins import get_plugin_manager

    manager = get_plugin_manager()
    plugin = _SlowRules()
    manager.register(plugin, name="slow-rules")
    try:
        yield
    finally:
        manager.unregister(plugin)


def _slow_scores(out: str) -> list[object]:
    cards = json.loads(out)["scorecards"]
    return [score["value"] for card in cards for score in card["scores"]]


@pytest.mark.usefixtures("slow_rule")
def test_a_rule_over_the_time_budget_is_reported_and_left_out(
    capsys: pytest.CaptureFixture[str],
) -> None:
    arguments = ["score", DELFT, "--rule", "test.slow", "--json"]
    assert main([*arguments, "--time-budget", "0.01"]) == 3
    captured = capsys.readouterr()
    result = json.loads(captured.out)
    assert _slow_scores(captured.out) == []
    assert result["failures"]
    assert all("stopped after 0.01 s, its time limit" in f for f in result["failures"])
    # the plugin was not skipped: one rule was stopped, and the warning says so
    assert "a plugin was skipped" not in captured.err
    assert "failed" not in captured.err
    assert re.search(
        r"^democratie: warning: plugin '[^']+' in democratie_scoring_rules: over-budget: "
        r"rule 'test\.slow' was stopped after 0\.01 s, its time limit, on 2 subjects \(",
        captured.err,
        flags=re.MULTILINE,
    )

    assert main(["--strict", *arguments, "--time-budget", "0.01"]) == 1
    captured = capsys.readouterr()
    assert "over-budget: rule 'test.slow' was stopped" in captured.err
    assert "Traceback" not in captured.err


@pytest.mark.usefixtures("slow_rule")
def test_a_rule_within_the_time_budget_scores_as_usual(capsys: pytest.CaptureFixture[str]) -> None:
    arguments = ["score", DELFT, "--rule", "test.slow", "--json"]
    assert main([*arguments, "--time-budget", "30"]) == 0
    within = capsys.readouterr().out
    assert main(arguments) == 0
    assert _slow_scores(within) == _slow_scores(capsys.readouterr().out)
    assert set(_slow_scores(within)) == {0.5}


class _RaisingRule(_SlowRule):
    name = "test.raises"

    def score(self, subject: Any, context: object) -> Score:
        raise ZeroDivisionError("no")


def test_a_rule_that_raises_is_reported_as_a_failure_not_a_skipped_plugin(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from democratie.plugins import get_plugin_manager, hookimpl

    class Raising:
        @hookimpl
        def democratie_scoring_rules(self) -> list[object]:
            return [_RaisingRule()]

    manager = get_plugin_manager()
    plugin = Raising()
    manager.register(plugin, name="raising-rules")
    try:
        assert main(["score", DELFT]) == 3
    finally:
        manager.unregister(plugin)
    err = capsys.readouterr().err
    assert (
        "democratie: warning: plugin 'raising-rules' in democratie_scoring_rules: rule-failed: "
        "rule 'test.raises' failed on 2 subjects (de-zeven-van-delft, workshop-zeven-van-delft):"
        " ZeroDivisionError: no"
    ) in err
    assert "skipped" not in err
    assert "over-budget" not in err


@pytest.mark.parametrize("budget", ["-1", "soon", "nan", "inf"])
def test_a_time_budget_must_be_a_number_of_seconds(
    budget: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["score", DELFT, "--time-budget", budget]) == 2
    assert "--time-budget" in capsys.readouterr().err


# -- scoring in several processes ------------------------------------------------------------


def test_score_in_two_processes_prints_what_one_prints(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(examples.path("m50-leerkring-waalwijk"))
    assert main(["score", path, "--json"]) == 0
    alone = capsys.readouterr().out
    assert main(["score", path, "--json", "--workers", "2"]) == 0
    assert capsys.readouterr().out == alone
    assert json.loads(alone)["scorecards"]


@pytest.mark.parametrize("workers", ["0", "-2", "two"])
def test_workers_must_be_one_or_more(workers: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", DELFT, "--workers", workers]) == 2
    assert "--workers" in capsys.readouterr().err


# --- names with format characters ------------------------------------------------------------

#: A right-to-left mark and a zero-width joiner: allowed in names, never sent raw to a terminal.
MARKED_NAME = "\u05e9\u05e8\u05d4\u200f Co\u200dhen"
MARKED = f"""
format = "democratie/1"
title = "Gemengd\u200f"

[[municipalities]]
id = "leusden"
cbs_code = "GM0327"

[[people]]
id = "p-sara"
name = "{MARKED_NAME}"
assessment = {{ power = 0.9, interest = 0.9 }}

[[organisations]]
id = "org"
name = "Stichting Samen"
kind = "stichting"
municipality = "leusden"

[[initiatives]]
id = "plan"
kind = "experiment"
title = "Plan\u200f (2024)"
municipalities = ["leusden"]
participants = [{{ actor = "p-sara", role = "kartrekker" }}, {{ actor = "org", role = "partner" }}]
"""
ESCAPED_NAME = "\u05e9\u05e8\u05d4\\u200f Co\\u200dhen"


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        pytest.param(["validate"], "Gemengd\\u200f", id="validate"),
        pytest.param(["graph", "--top", "5"], ESCAPED_NAME, id="graph"),
        pytest.param(["score"], "Plan\\u200f (2024)", id="score"),
        pytest.param(["graph", "--json"], ESCAPED_NAME, id="graph-json"),
    ],
)
def test_format_characters_of_names_reach_the_terminal_escaped(
    command: list[str], expected: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "gemengd.toml"
    path.write_text(MARKED, "utf-8")
    assert main([*command, str(path)]) == 0
    out, err = capsys.readouterr()
    assert not any(char in out + err for char in "\u200f\u200d"), out
    assert expected in out, out
    if "--json" in command:
        # The escapes are JSON's own: the output reads back with the names as they are.
        assert MARKED_NAME in json.dumps(json.loads(out), ensure_ascii=False)


def test_graph_speaks_the_chosen_language_with_relation_labels(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from democratie.graph.schema import NODE_KIND_LABELS, NODE_KINDS, RELATION_LABELS, RELATIONS

    assert set(RELATION_LABELS) == set(RELATIONS)  # every relation has a label in both
    assert set(NODE_KIND_LABELS) == set(NODE_KINDS)
    assert main(["--lang", "nl", "graph", DELFT, "--top", "3"]) == 0
    dutch = capsys.readouterr().out
    for word in ("Knopen per soort", "Verbindingen per relatie", "relatie", "aantal"):
        assert word in dutch
    assert "orgaan van" in dutch
    assert "Gemeenteraad" in dutch
    for raw in ("body_of", "participates_in", "Nodes by kind", "Edges by relation", " count"):
        assert raw not in dutch, raw
    assert re.search(r"dichtheid: 0,\d{3}", dutch)
    assert main(["--lang", "en", "graph", DELFT, "--top", "3"]) == 0
    english = capsys.readouterr().out
    assert "Edges by relation" in english
    assert "body of" in english
    assert "body_of" not in english

"""The README's example runs, and its quick start names the commands CI runs."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_python_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = re.findall(r"```python\n(.*?)```", README, re.S)
    assert blocks, "the README has no python example"
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    for number, block in enumerate(blocks, 1):
        exec(compile(block, f"README.md python block {number}", "exec"), {})
    assert (tmp_path / "leusden.graphml").exists()


def _quick_start() -> tuple[str, list[str]]:
    quick = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    (console,) = re.findall(r"```console\n(.*?)```", quick, re.S)
    return quick, [line for line in console.splitlines() if line.strip()]


def test_the_quick_start_has_exactly_two_commands_and_ci_runs_the_second() -> None:
    _, commands = _quick_start()
    assert len(commands) == 2
    assert "demo" in commands[0]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    # .ci/run runs the README's test command word for word.
    assert "nox" in commands[1]
    assert commands[1] in ci.splitlines()


def test_the_quick_start_runs_where_there_is_no_python_and_pip_refuses() -> None:
    # A stock Debian or Ubuntu has python3 but no python, and its pip refuses to install
    # into the system (PEP 668): each command makes its own virtual environment first,
    # and installs and runs only inside it.
    quick, commands = _quick_start()
    for command in commands:
        steps = [step.strip() for step in command.split("&&")]
        assert steps[0] == "python3 -m venv .venv", command
        assert all(step.startswith(".venv/bin/") for step in steps[1:]), command
        assert steps[1].startswith(".venv/bin/pip install "), command
    # What differs elsewhere is said: Debian's venv package, and Windows' paths.
    assert "python3-venv" in quick
    assert "Windows" in quick
    assert ".venv\\Scripts\\" in quick


def test_no_command_of_the_readme_calls_python_or_pip_of_the_system() -> None:
    blocks = re.findall(r"```console\n(.*?)```", README, re.S)
    lines = [line.strip() for block in blocks for line in block.splitlines()]
    system = [line for line in lines if re.match(r"(python|pip)3? (?!-m venv \.venv &&)", line)]
    assert not system
    assert "python -m " not in README


def test_the_slow_tests_are_registered_documented_and_run_by_default() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    options = pyproject["tool"]["pytest"]["ini_options"]
    assert any(marker.startswith("slow: ") for marker in options["markers"])
    assert "-m" not in options["addopts"]  # nothing deselects them by default
    for path in ("noxfile.py", ".ci/run"):
        assert "not slow" not in (ROOT / path).read_text(encoding="utf-8"), path
    tests = README.split("## Tests", 1)[1].split("\n## ", 1)[0]
    assert '-m "not slow"' in tests

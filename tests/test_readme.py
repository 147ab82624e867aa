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


def test_the_quick_start_has_exactly_two_commands_and_ci_runs_the_second() -> None:
    quick = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    (console,) = re.findall(r"```console\n(.*?)```", quick, re.S)
    commands = [line for line in console.splitlines() if line.strip()]
    assert len(commands) == 2
    assert "demo" in commands[0]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    # .ci/run runs the same test command (with python3, as on a bare machine).
    for part in ("pip install", "nox"):
        assert part in commands[1]
        assert part in ci


def test_the_slow_tests_are_registered_documented_and_run_by_default() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    options = pyproject["tool"]["pytest"]["ini_options"]
    assert any(marker.startswith("slow: ") for marker in options["markers"])
    assert "-m" not in options["addopts"]  # nothing deselects them by default
    for path in ("noxfile.py", ".ci/run"):
        assert "not slow" not in (ROOT / path).read_text(encoding="utf-8"), path
    tests = README.split("## Tests", 1)[1].split("\n## ", 1)[0]
    assert '-m "not slow"' in tests

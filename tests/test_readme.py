"""The README's example runs, and its quick start names the commands CI runs."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

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

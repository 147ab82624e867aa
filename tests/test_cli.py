"""The command line: exit codes, output streams, and no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from democratie import examples
from democratie.cli import main

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
    def broken(path: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("democratie.cli.load", broken)
    assert main(["validate"]) == 1
    err = capsys.readouterr().err
    assert "unexpected error: RuntimeError: disk on fire" in err
    assert "--debug" in err
    assert "Traceback" not in err
    with pytest.raises(RuntimeError, match="disk on fire"):
        main(["--debug", "validate"])

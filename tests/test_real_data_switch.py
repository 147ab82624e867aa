"""The switch that makes the real-data tests required: a missing folder stops the run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _collect(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "--co",
            "-p",
            "no:cacheprovider",
            "tests/test_reference.py",
        ],
        cwd=ROOT,
        env={**os.environ, "DEMOCRATIE_REAL_DATA": str(tmp_path / "nowhere"), **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_missing_real_data_folder_fails_the_run_when_required(tmp_path: Path) -> None:
    required = _collect(tmp_path, DEMOCRATIE_REAL_DATA_REQUIRED="1")
    assert required.returncode == 4  # pytest's usage error
    assert "nowhere is absent" in required.stderr
    assert "DEMOCRATIE_REAL_DATA_REQUIRED=1" in required.stderr
    optional = _collect(tmp_path, DEMOCRATIE_REAL_DATA_REQUIRED="0")
    assert optional.returncode == 0, optional.stdout + optional.stderr


def test_ci_requires_the_real_data() -> None:
    assert "export DEMOCRATIE_REAL_DATA_REQUIRED=1" in (ROOT / ".ci" / "run").read_text("utf-8")

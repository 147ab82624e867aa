"""``democratie.testing`` needs Hypothesis, and says so, naming the extra that brings it."""

from __future__ import annotations

import importlib
import re
import sys
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]


def _without_hypothesis(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``import hypothesis`` fail, and ``democratie.testing`` be imported afresh."""
    for name in [n for n in sys.modules if n.startswith("democratie.testing")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "hypothesis", None)  # what a missing module does


@pytest.mark.parametrize(
    "module",
    ["democratie.testing", "democratie.testing.strategies", "democratie.testing.contracts"],
)
def test_without_hypothesis_the_import_error_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, module: str
) -> None:
    _without_hypothesis(monkeypatch)
    with pytest.raises(ImportError) as caught:
        importlib.import_module(module)
    assert caught.value.name == "hypothesis"
    assert str(caught.value).startswith("democratie.testing needs Hypothesis")
    assert 'pip install "democratie[testing]"' in str(caught.value)


def test_the_extra_named_is_declared_and_brings_hypothesis() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    extras = pyproject["project"]["optional-dependencies"]
    # Only what the package needs: a plugin's tests should not pull in the solver.
    assert [re.split(r"[<>=]", r)[0] for r in extras["testing"]] == ["hypothesis"]
    hypothesis = next(r for r in extras["test"] if r.startswith("hypothesis"))
    assert hypothesis in extras["testing"]  # the same version bound as the suite's own


def test_the_package_and_the_plugin_guide_say_which_extra() -> None:
    import democratie.testing

    assert 'pip install "democratie[testing]"' in (democratie.testing.__doc__ or "")
    guide = (ROOT / "docs" / "plugins" / "index.md").read_text(encoding="utf-8")
    testing = guide.split("## Testing the plugin", 1)[1].split("\n## ", 1)[0]
    assert "democratie[testing]" in testing
    example = tomllib.loads(
        (ROOT / "examples" / "plugin-example" / "pyproject.toml").read_text(encoding="utf-8")
    )
    assert "democratie[testing]>=0.1" in example["project"]["optional-dependencies"]["test"]

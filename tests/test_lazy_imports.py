"""Starting is quick: ``import democratie`` and ``democratie --help`` leave the heavy layers alone.

networkx, the graph layer, the plugins (and their entry-point scan) and cattrs are imported
when something first uses them. These are behaviour tests, run in fresh interpreters: what
ends up in ``sys.modules``, not how long it took.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"

#: Modules a quick start must not import.
HEAVY = ("networkx", "cattrs", "pluggy", "democratie.graph", "democratie.plugins.manager")

PROBE = """
import json, runpy, sys
argv = {argv!r}
if argv:
    sys.argv = argv
    try:
        runpy.run_module("democratie", run_name="__main__")
    except SystemExit:
        pass
else:
    import democratie
print(json.dumps(sorted(sys.modules)))
"""


def _modules_after(argv: list[str]) -> set[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), *sys.path])}
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(argv=argv)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    last = done.stdout.strip().splitlines()[-1]
    return set(json.loads(last))


def _heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if m.startswith(HEAVY))


def test_import_democratie_imports_no_networkx() -> None:
    assert _heavy(_modules_after([])) == []


@pytest.mark.parametrize("argv", [["democratie", "--help"], ["democratie", "score", "--help"]])
def test_the_help_imports_no_networkx(argv: list[str]) -> None:
    assert _heavy(_modules_after(argv)) == []


def test_the_names_of_the_package_arrive_when_used() -> None:
    import democratie

    assert set(democratie.__all__) <= set(dir(democratie))
    assert democratie.Landscape.__module__ == "democratie.model.landscape"
    assert democratie.score.__module__ == "democratie.plugins.api"
    assert isinstance(democratie.__version__, str)
    assert democratie.graph.build_graph is not None  # a subpackage, reached as an attribute
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        _ = democratie.nothing_here  # type: ignore[attr-defined]


def test_the_plugins_package_gives_its_names_when_used() -> None:
    import democratie.plugins

    assert set(democratie.plugins.__all__) <= set(dir(democratie.plugins))
    for name in democratie.plugins.__all__:
        assert getattr(democratie.plugins, name) is not None, name
    with pytest.raises(AttributeError):
        _ = democratie.plugins.nothing_here  # type: ignore[attr-defined]

"""The example plugin of examples/plugin-example, installed and found through its entry point.

The plugin is installed the way pip installs a wheel: its package goes into a folder of
its own beside a ``<name>-<version>.dist-info`` folder with the METADATA and the
``entry_points.txt`` that the build backend writes from the plugin's ``pyproject.toml``.
A fresh Python with that folder on its path finds the distribution through
``importlib.metadata`` as it finds any installed one, so ``democratie`` loads the plugin
through the real entry-point machinery: no network and no build backend are needed.

Two broken distributions are installed the same way beside it, one whose module cannot be
imported and one whose hooks raise or return the wrong type, to check that they are
reported by name and entry point while the rest of the work goes on, and that
``strict=True`` makes them an error.

The plugin's own tests are run too, so that the example cannot fall behind the library.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "plugin-example"
SRC = ROOT / "src"
SEED = "leusden-samenleving-voorop"
RULE = "burgerberaad.oecd_principles"
FORMAT = "burgerberaad-md"

ASSEMBLY = """
format = "democratie/1"

[[organisations]]
id = "stichting-loting"
name = "Stichting Loting"
kind = "stichting"

[[initiatives]]
id = "burgerberaad-klimaat"
kind = "burgerberaad"
title = "Burgerberaad klimaat"
goals = ["Advies over de warmtetransitie"]
led_by = ["stichting-loting"]
evaluated = false
"""

BROKEN_HOOKS = '''
"""A plugin whose hooks fail: one raises, one returns the wrong type."""

from democratie.plugins import hookimpl


@hookimpl
def democratie_scoring_rules():
    raise RuntimeError("the rules cannot be made")


@hookimpl
def democratie_exporters():
    return {"name": "not-a-list-of-exporters"}
'''

BROKEN_IMPORT = '''
"""A plugin that needs a package that is not installed."""

import democratie_missing_dependency  # noqa: F401
'''

# Run in a fresh interpreter: everything democratie does with the installed plugins, as JSON.
PROBE = """
import io, json, sys, warnings
import democratie
from democratie import examples
from democratie.exporters import export_bytes
from democratie.plugins import (
    PluginError, PluginWarning, exporters, get_plugin_manager, list_plugins, scoring_rules,
)

seed, assembly, rule, fmt = sys.argv[1:5]
out = {}
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    out["plugins"] = [p.as_dict() for p in democratie.list_plugins()]
    manager = get_plugin_manager()
    out["load_problems"] = [
        {"plugin": p.plugin, "code": p.code, "message": p.message,
         "entry_point": p.entry_point, "distribution": p.distribution}
        for p in manager.load_problems
    ]
    out["rules"] = [r.name for r in scoring_rules()]
    out["exporters"] = [e.name for e in exporters()]
    land = examples.load(seed)
    cards = democratie.score(land)
    out["seed"] = {
        subject: {"rules": list(card), "value": card[rule].value if rule in card else "absent",
                  "explanation": card[rule].explanation.en if rule in card else None}
        for subject, card in cards.items() if land.kind_of(subject) == "initiative"
    }
    assembly_land = democratie.loads(assembly)
    out["assembly"] = democratie.score(assembly_land)["burgerberaad-klimaat"][rule].value
    data = export_bytes(assembly_land, fmt, exporters=exporters(), options={"lang": "nl"})
    out["report"] = data.decode("utf-8")
out["warnings"] = [
    {"category": type(w.message).__name__, "message": str(w.message),
     "plugin": getattr(getattr(w.message, "problem", None), "plugin", None),
     "code": getattr(getattr(w.message, "problem", None), "code", None),
     "hook": getattr(getattr(w.message, "problem", None), "hook", None)}
    for w in caught
]
strict = {}
for name, call in [
    ("score", lambda: democratie.score(land, strict=True)),
    ("manager", lambda: get_plugin_manager(strict=True)),
    ("rules", lambda: scoring_rules(strict=True)),
]:
    try:
        call()
    except PluginError as error:
        strict[name] = [{"plugin": p.plugin, "code": p.code, "entry_point": p.entry_point,
                         "distribution": p.distribution, "hook": p.hook}
                        for p in error.problems]
    else:
        strict[name] = None
out["strict"] = strict
json.dump(out, sys.stdout)
"""


# --- Installing a distribution by hand, as pip lays it out ----------------------------------


def _record_line(site: Path, path: Path) -> str:
    data = path.read_bytes()
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{path.relative_to(site).as_posix()},sha256={digest},{len(data)}"


def install(
    site: Path,
    *,
    name: str,
    version: str,
    modules: Mapping[str, str | Path],
    entry_points: Mapping[str, Mapping[str, str]],
    requires: tuple[str, ...] = (),
    requires_python: str | None = None,
) -> Path:
    """Lay out an installed distribution in *site*, as ``pip install --target`` does.

    *modules* maps a path inside *site* (``pkg/__init__.py``, or ``pkg`` for a package
    folder to copy) to its source text or the folder to copy. Returns the dist-info folder.
    """
    written: list[Path] = []
    for target, source in modules.items():
        destination = site / target
        if isinstance(source, Path):
            shutil.copytree(source, destination, ignore=shutil.ignore_patterns("__pycache__"))
            written.extend(sorted(p for p in destination.rglob("*") if p.is_file()))
        else:
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_text(source, encoding="utf-8")
            written.append(destination)
    dist_info = site / f"{re.sub(r'[-_.]+', '_', name)}-{version}.dist-info"
    dist_info.mkdir()
    metadata = ["Metadata-Version: 2.4", f"Name: {name}", f"Version: {version}"]
    if requires_python is not None:
        metadata.append(f"Requires-Python: {requires_python}")
    metadata.extend(f"Requires-Dist: {requirement}" for requirement in requires)
    files = {
        "METADATA": "\n".join(metadata) + "\n",
        "WHEEL": "Wheel-Version: 1.0\nGenerator: hand\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
        "entry_points.txt": "".join(
            f"[{group}]\n" + "".join(f"{key} = {value}\n" for key, value in points.items()) + "\n"
            for group, points in entry_points.items()
        ),
        "INSTALLER": "pip\n",
    }
    for file_name, text in files.items():
        (dist_info / file_name).write_text(text, encoding="utf-8")
        written.append(dist_info / file_name)
    record = [_record_line(site, path) for path in written]
    record.append(f"{dist_info.name}/RECORD,,")
    (dist_info / "RECORD").write_text("\n".join(record) + "\n", encoding="utf-8")
    return dist_info


def project() -> dict[str, Any]:
    """The ``[project]`` table of the example plugin's pyproject.toml."""
    table: dict[str, Any] = tomllib.loads((EXAMPLE / "pyproject.toml").read_text("utf-8"))
    return dict(table["project"])


def install_example(site: Path) -> Path:
    """Install the example plugin into *site* from its pyproject.toml and its sources."""
    meta = project()
    package = EXAMPLE / "src" / "democratie_burgerberaad"
    return install(
        site,
        name=meta["name"],
        version=meta["version"],
        modules={"democratie_burgerberaad": package},
        entry_points=meta["entry-points"],
        requires=tuple(meta["dependencies"]),
        requires_python=meta["requires-python"],
    )


def environment(*path: Path) -> dict[str, str]:
    """The environment of a fresh Python that sees *path* and loads entry points."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEMOCRATIE_DISABLE_ENTRYPOINTS", "DEMOCRATIE_BLOCK_PLUGINS", "PYTHONPATH"}
    }
    env["PYTHONPATH"] = os.pathsep.join(str(p) for p in (*path, SRC))
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def probe(*path: Path) -> dict[str, Any]:
    """Run :data:`PROBE` in a fresh Python that sees *path*; return what it found."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, SEED, ASSEMBLY, RULE, FORMAT],
        env=environment(*path),
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    found: dict[str, Any] = json.loads(done.stdout)
    return found


# --- Fixtures ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def good_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with the example plugin installed in it."""
    site = tmp_path_factory.mktemp("site-good")
    install_example(site)
    return site


@pytest.fixture(scope="module")
def broken_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with two broken plugins installed in it."""
    site = tmp_path_factory.mktemp("site-broken")
    install(
        site,
        name="democratie-broken-import",
        version="0.0.1",
        modules={"democratie_broken_import.py": BROKEN_IMPORT},
        entry_points={"democratie": {"broken_import": "democratie_broken_import"}},
    )
    install(
        site,
        name="democratie-broken-hooks",
        version="0.0.2",
        modules={
            "democratie_broken_hooks/__init__.py": '"""Broken hooks."""\n',
            "democratie_broken_hooks/plugin.py": BROKEN_HOOKS,
        },
        entry_points={"democratie": {"broken_hooks": "democratie_broken_hooks.plugin"}},
    )
    return site


@pytest.fixture(scope="module")
def found(good_site: Path) -> dict[str, Any]:
    """What democratie does with only the example plugin installed."""
    return probe(good_site)


@pytest.fixture(scope="module")
def found_with_broken(good_site: Path, broken_site: Path) -> dict[str, Any]:
    """What democratie does with the example plugin and the two broken ones installed."""
    return probe(good_site, broken_site)


def _ours(plugins: list[dict[str, Any]], name: str) -> list[dict[str, Any]]:
    return [p for p in plugins if p["name"] == name]


# --- The installed layout ------------------------------------------------------------------------


def test_the_example_declares_its_plugin_module_as_an_entry_point() -> None:
    meta = project()
    assert meta["name"] == "democratie-burgerberaad"
    assert meta["entry-points"] == {
        "democratie": {"burgerberaad": "democratie_burgerberaad.plugin"}
    }
    assert any(re.match(r"democratie\b", requirement) for requirement in meta["dependencies"])
    module = EXAMPLE / "src" / "democratie_burgerberaad" / "plugin.py"
    assert "def democratie_scoring_rules" in module.read_text("utf-8")


def test_the_hand_laid_distribution_is_what_importlib_metadata_sees(good_site: Path) -> None:
    code = (
        "import importlib.metadata as m, json; d = m.distribution('democratie-burgerberaad'); "
        "print(json.dumps([d.name, d.version, "
        "[(e.group, e.name, e.value) for e in d.entry_points], len(d.files or [])]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        env=environment(good_site),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    name, version, points, files = json.loads(done.stdout)
    assert (name, version) == ("democratie-burgerberaad", project()["version"])
    assert points == [["democratie", "burgerberaad", "democratie_burgerberaad.plugin"]]
    assert files >= 7  # the modules, py.typed and the dist-info files, all in RECORD


# --- Found through the entry point ---------------------------------------------------------------


def test_list_plugins_shows_the_plugin_from_its_entry_point(found: dict[str, Any]) -> None:
    [info] = _ours(found["plugins"], "burgerberaad")
    assert info == {
        "name": "burgerberaad",
        "origin": "entry_point",
        "version": project()["version"],
        "distribution": "democratie-burgerberaad",
        "entry_point": "burgerberaad = democratie_burgerberaad.plugin",
        "hooks": ["democratie_exporters", "democratie_scoring_rules"],
        "rules": [RULE],
        "exporters": [FORMAT],
        "importers": [],
    }
    origins = [p["origin"] for p in found["plugins"]]
    assert origins.index("entry_point") > origins.index("builtin")
    assert found["load_problems"] == []
    assert [w for w in found["warnings"] if w["category"] == "PluginWarning"] == []


def test_the_plugins_command_names_what_the_plugin_adds(good_site: Path) -> None:
    def plugins(*options: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "democratie", "plugins", *options],
            env=environment(good_site),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    [listed] = _ours(json.loads(plugins("--json")), "burgerberaad")
    assert (listed["rules"], listed["exporters"], listed["importers"]) == ([RULE], [FORMAT], [])
    block = plugins().split("\n\nburgerberaad ", 1)[1].splitlines()
    assert block == [
        f"{project()['version']} (entry_point, from burgerberaad = democratie_burgerberaad.plugin)",
        f"  rules (1): {RULE}",
        f"  export formats (1): {FORMAT}",
    ]


def test_score_on_a_seed_example_includes_the_new_rule(found: dict[str, Any]) -> None:
    assert found["rules"][-1] == RULE
    assert found["rules"][0] == "commitment_triad"
    assert found["seed"], "the seed example has initiatives"
    for card in found["seed"].values():
        assert RULE in card["rules"]
        assert "commitment_triad" in card["rules"]
        # No initiative of Leusden's is a citizens' assembly: the rule says so, without a value.
        assert card["value"] is None
        assert card["explanation"].startswith("Not a citizens' assembly")
    # Purpose and integrity met; `evaluated = false` of an older document records no evaluation.
    assert found["assembly"] == 1.0


def test_exporters_include_the_new_format(found: dict[str, Any]) -> None:
    assert found["exporters"].count(FORMAT) == 1
    report = found["report"]
    assert report.startswith("# Burgerberaden en de goede-praktijkprincipes van de OESO\n")
    assert "## Burgerberaad klimaat (`burgerberaad-klimaat`)" in report
    assert "| 9 | Integriteit | voldaan |" in report


def test_nothing_is_a_problem_when_strict(found: dict[str, Any]) -> None:
    assert found["strict"] == {"score": None, "manager": None, "rules": None}


# --- A broken plugin is isolated -----------------------------------------------------------------


def test_a_plugin_that_cannot_be_imported_is_reported_by_name_and_entry_point(
    found_with_broken: dict[str, Any],
) -> None:
    [problem] = [p for p in found_with_broken["load_problems"] if p["plugin"] == "broken_import"]
    assert problem["code"] == "import-failed"
    assert problem["entry_point"] == "broken_import = democratie_broken_import"
    assert problem["distribution"] == "democratie-broken-import 0.0.1"
    assert "democratie_missing_dependency" in problem["message"]
    assert _ours(found_with_broken["plugins"], "broken_import") == []
    warned = [w for w in found_with_broken["warnings"] if w["plugin"] == "broken_import"]
    assert [(w["category"], w["code"]) for w in warned] == [("PluginWarning", "import-failed")]
    assert "entry point broken_import = democratie_broken_import" in warned[0]["message"]


def test_hooks_that_raise_or_return_the_wrong_type_are_reported_and_skipped(
    found_with_broken: dict[str, Any],
) -> None:
    [info] = _ours(found_with_broken["plugins"], "broken_hooks")
    assert info["origin"] == "entry_point"
    assert info["distribution"] == "democratie-broken-hooks"
    reported = {
        (w["hook"], w["code"])
        for w in found_with_broken["warnings"]
        if w["plugin"] == "broken_hooks"
    }
    assert ("democratie_scoring_rules", "hook-failed") in reported
    assert ("democratie_exporters", "wrong-type") in reported
    messages = [
        w["message"] for w in found_with_broken["warnings"] if w["plugin"] == "broken_hooks"
    ]
    assert all(
        "entry point broken_hooks = democratie_broken_hooks.plugin" in m
        and "from democratie-broken-hooks 0.0.2" in m
        for m in messages
    )


def test_the_rest_of_the_work_goes_on_beside_broken_plugins(
    found: dict[str, Any], found_with_broken: dict[str, Any]
) -> None:
    assert found_with_broken["rules"] == found["rules"]
    assert found_with_broken["exporters"] == found["exporters"]
    assert found_with_broken["seed"] == found["seed"]
    assert found_with_broken["assembly"] == found["assembly"]
    assert found_with_broken["report"] == found["report"]
    [info] = _ours(found_with_broken["plugins"], "burgerberaad")
    assert info["origin"] == "entry_point"


def test_strict_makes_broken_plugins_an_error(found_with_broken: dict[str, Any]) -> None:
    strict = found_with_broken["strict"]
    assert [p["plugin"] for p in strict["manager"]] == ["broken_import"]
    for call in ("score", "rules"):
        codes = {(p["plugin"], p["code"]) for p in strict[call]}
        assert ("broken_import", "import-failed") in codes
        assert ("broken_hooks", "hook-failed") in codes
        assert all(p["entry_point"] for p in strict[call])
        assert "burgerberaad" not in {p["plugin"] for p in strict[call]}


# --- The plugin's own tests ----------------------------------------------------------------------


def test_the_example_plugins_own_tests_pass(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-q",
            "-c",
            str(EXAMPLE / "pyproject.toml"),
            "--rootdir",
            str(EXAMPLE),
            str(EXAMPLE / "tests"),
            str(EXAMPLE / "src"),
        ],
        cwd=tmp_path,  # Hypothesis keeps its example database in the working folder
        env=environment(EXAMPLE / "src"),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    summary = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    passed = re.search(r"(\d+) passed", summary)
    assert passed is not None, summary
    assert int(passed.group(1)) >= 40, summary
    assert "skipped" not in summary, summary

"""Same input, same output, byte for byte: across runs and across ``PYTHONHASHSEED`` values.

For every bundled example: the canonical documents (JSON and TOML), every built-in export
with contact details (the exports without them are compared the same way in
``tests/test_export.py``), the HTML report in Dutch and in English, and the scorecards. Each
is reduced to a SHA-256 digest in two fresh interpreters with different hash seeds and in
this one; all three must agree.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import democratie
from democratie import examples
from democratie.exporters import BUILTIN_EXPORTERS, export_bytes
from democratie.report import render

HERE = Path(__file__).resolve().parent
# The repository's sources, found from this file, whether or not the package is installed
# editable.
SRC = Path(__file__).resolve().parents[1] / "src"
FIXED = {"generated": "2025-03-01"}


def digests() -> dict[str, str]:
    """The SHA-256 of every output of every example, by ``<example>.<output>``."""
    found: dict[str, bytes] = {}
    for name in examples.NAMES:
        land = examples.load(name)
        graph = democratie.build_graph(land)
        cards = democratie.score(land, graph=graph)
        for fmt in ("json", "toml"):
            found[f"{name}.dump.{fmt}"] = democratie.dumps(land, format=fmt).encode("utf-8")
        for exporter in BUILTIN_EXPORTERS:
            found[f"{name}.export.{exporter.name}.private"] = export_bytes(
                land, exporter.name, graph=graph, include_private=True, options=FIXED
            )
        for lang in ("nl", "en"):
            page = render(land, lang=lang, scorecards=cards, graph=graph)
            found[f"{name}.report.{lang}"] = page.encode("utf-8")
        found[f"{name}.scores"] = json.dumps(
            [cards.rows(lang="nl"), [str(f) for f in cards.failures]], sort_keys=True
        ).encode("utf-8")
    return {key: hashlib.sha256(data).hexdigest() for key, data in sorted(found.items())}


_CHILD = (
    "import json, sys; sys.path.insert(0, sys.argv[1]); "
    "import test_reliability_determinism as t; print(json.dumps(t.digests()))"
)


def _in_a_fresh_interpreter(hash_seed: str) -> dict[str, str]:
    env = {
        **os.environ,
        "PYTHONHASHSEED": hash_seed,
        "PYTHONPATH": str(SRC),
        "DEMOCRATIE_DISABLE_ENTRYPOINTS": "1",
    }
    env.pop("SOURCE_DATE_EPOCH", None)
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(HERE)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    result: dict[str, str] = json.loads(done.stdout)
    return result


@pytest.fixture(scope="module")
def here() -> dict[str, str]:
    return digests()


def test_every_output_of_every_example_is_the_same_in_every_run(here: dict[str, str]) -> None:
    assert len(here) == len(examples.NAMES) * (2 + len(BUILTIN_EXPORTERS) + 2 + 1)
    assert _in_a_fresh_interpreter("0") == here
    assert _in_a_fresh_interpreter("4242") == here


def test_the_digests_tell_the_examples_apart(here: dict[str, str]) -> None:
    """A digest that ignored its input would make the test above pass for nothing."""
    outputs = {key.split(".", 1)[1] for key in here}
    for output in outputs:
        per_example = [here[f"{name}.{output}"] for name in examples.NAMES]
        assert len(set(per_example)) == len(examples.NAMES), output

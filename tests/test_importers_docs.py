"""The examples in the importers' docstrings run, and every public name has one."""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "democratie" / "importers"


def _modules() -> list[str]:
    return sorted(
        ".".join(path.relative_to(SRC).with_suffix("").parts).removesuffix(".__init__")
        for path in PACKAGE.rglob("*.py")
    )


def test_the_packages_and_the_shared_modules_are_found() -> None:
    found = set(_modules())
    assert {
        "democratie.importers._placement",
        "democratie.importers.ori",
        "democratie.importers.ori._people",
        "democratie.importers.popolo",
        "democratie.importers.popolo._areas",
    } <= found


# Their examples run in tests/test_public_examples.py, with those of every other module.


@pytest.mark.parametrize(
    "name",
    [
        "democratie.importers._placement",
        *(
            m
            for m in _modules()
            if m.startswith(("democratie.importers.ori", "democratie.importers.popolo"))
        ),
    ],
)
def test_every_public_function_and_class_has_an_example(name: str) -> None:
    module = importlib.import_module(name)
    for public in module.__all__:
        item = getattr(module, public)
        if inspect.isclass(item) or inspect.isfunction(item):
            assert "Examples\n" in (item.__doc__ or ""), f"{name}.{public}"

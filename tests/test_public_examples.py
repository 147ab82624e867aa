"""Every public name has an example that runs, and every example in the package runs.

The tests walk every module of ``src/democratie`` (found from this file, not from wherever
the package is installed). Each name in a module's ``__all__`` that the project defines needs
an example:

- a function, a class or a method: a doctest in its own docstring (for a class, the class
  docstring);
- data (a constant, a type alias, a marker, any value that cannot carry a docstring of its
  own): a doctest that uses the name, in the docstring of the module that defines it, or in
  the string written under its assignment (the attribute docstring the reference shows).

A name re-exported from another module counts once, at the module that defines it. Then
every doctest of every module runs, with ``ELLIPSIS`` and ``NORMALIZE_WHITESPACE``, from the
repository root, because the examples read ``examples/*.toml``.
"""

from __future__ import annotations

import ast
import doctest
import functools
import importlib
import importlib.util
import inspect
import io
import itertools
import os
import pkgutil
import types
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "democratie"
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE

# --------------------------------------------------------------------------------------------
# The modules
# --------------------------------------------------------------------------------------------


def _fail_to_walk(name: str) -> None:
    message = f"cannot import {name} while walking {PACKAGE}"
    raise AssertionError(message)


def _module_names() -> list[str]:
    walked = pkgutil.walk_packages([str(PACKAGE)], "democratie.", onerror=_fail_to_walk)
    return sorted(["democratie", *(info.name for info in walked)])


def _module(name: str) -> types.ModuleType:
    """The module *name*, which must be the one in this source tree."""
    module = importlib.import_module(name)
    file = Path(module.__file__ or "").resolve()
    if not file.is_relative_to(PACKAGE.resolve()):
        message = f"{name} was imported from {file}, not from {PACKAGE}: set PYTHONPATH=src"
        raise AssertionError(message)
    return module


MODULES = _module_names()

# --------------------------------------------------------------------------------------------
# What a module defines, read from its source
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Attribute:
    """A name assigned at the top level of a module, and the string written under it."""

    docstring: str | None
    line: int  # of the string, or of the assignment when there is none


@dataclass(frozen=True)
class Source:
    """The top-level assignments and imports of one module."""

    #: Names assigned at the top level.
    assigned: dict[str, Attribute]
    #: Names imported at the top level: the module they come from and their name there.
    imported: dict[str, tuple[str, str]]


def _statements(body: Iterable[ast.stmt]) -> Iterator[list[ast.stmt]]:
    """The module's body and the bodies of its top-level ``if``, ``try`` and ``with``."""
    body = list(body)
    yield body
    for node in body:
        if isinstance(node, ast.If):
            yield from _statements(node.body)
            yield from _statements(node.orelse)
        elif isinstance(node, ast.Try):
            for part in (node.body, node.orelse, node.finalbody):
                yield from _statements(part)
            for handler in node.handlers:
                yield from _statements(handler.body)
        elif isinstance(node, ast.With):
            yield from _statements(node.body)


def _targets(node: ast.stmt) -> list[str]:
    if isinstance(node, ast.Assign):
        return [t.id for t in node.targets if isinstance(t, ast.Name)]
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        return [node.target.id]
    if type(node).__name__ == "TypeAlias":  # ``type X = ...`` (Python 3.12)
        name = getattr(node, "name", None)
        return [name.id] if isinstance(name, ast.Name) else []
    return []


def _docstring_under(node: ast.stmt | None) -> str | None:
    """The text of a string statement (an attribute docstring), else None."""
    if (
        isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    ):
        return node.value.value
    return None


@functools.cache
def _source(module_name: str) -> Source:
    module = _module(module_name)
    tree = ast.parse(Path(module.__file__ or "").read_text(encoding="utf-8"))
    assigned: dict[str, Attribute] = {}
    imported: dict[str, tuple[str, str]] = {}
    for body in _statements(tree.body):
        for node, following in itertools.zip_longest(body, body[1:]):
            for name in _targets(node):
                docstring = _docstring_under(following)
                if docstring is not None and following is not None:
                    assigned[name] = Attribute(docstring, following.lineno)
                elif name not in assigned:
                    assigned[name] = Attribute(None, node.lineno)
            if isinstance(node, ast.ImportFrom):
                package = module.__name__ if hasattr(module, "__path__") else module.__package__
                origin = importlib.util.resolve_name(
                    "." * node.level + (node.module or ""), package
                )
                for alias in node.names:
                    imported[alias.asname or alias.name] = (origin, alias.name)
    return Source(assigned, imported)


def _data_home(module_name: str, name: str) -> tuple[str, str] | None:
    """Where the data *name* of a module is assigned: its module and its name there.

    ``None`` when it comes from outside the project.
    """
    while module_name in MODULES:
        source = _source(module_name)
        if name in source.assigned:
            return module_name, name
        if name not in source.imported:
            return None
        module_name, name = source.imported[name]
    return None


# --------------------------------------------------------------------------------------------
# The public names
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Public:
    """A name that needs an example, at the module that defines it."""

    module: str
    name: str  # the qualified name there
    data: bool  # data: the example is in the module's docstring, or under the assignment

    def __str__(self) -> str:
        return f"{self.module}.{self.name}" if self.name else self.module


def _defined(module: types.ModuleType, name: str) -> Public | None:
    value = getattr(module, name)
    if isinstance(value, types.ModuleType):
        # A submodule: its example is its own module docstring.
        return Public(value.__name__, "", data=False) if value.__name__ in MODULES else None
    if inspect.isclass(value) or inspect.isroutine(value):
        home = getattr(value, "__module__", None)
        if home not in MODULES:
            return None
        return Public(home, _name_at_home(_module(home), value, name), data=False)
    found = _data_home(module.__name__, name)
    return Public(found[0], found[1], data=True) if found is not None else None


def _name_at_home(home: types.ModuleType, value: object, name: str) -> str:
    """The name a doctest of *value* has: its key in its module, or its qualified name."""
    at_home = vars(home)
    for key in (name, getattr(value, "__name__", name)):
        if at_home.get(key) is value:
            return key
    keys = sorted(key for key, held in at_home.items() if held is value)
    return keys[0] if keys else str(getattr(value, "__qualname__", name))


def public_names() -> dict[str, list[Public]]:
    """Every name of every public module's ``__all__`` the project defines, by its home.

    A module is public when no part of its dotted name starts with an underscore; what a
    private module lists in its ``__all__`` is public only when a public module lists it
    too (``democratie.io`` re-exports ``democratie.io._load.load``).
    """
    found: dict[str, list[Public]] = {}
    for module_name in MODULES:
        if any(part.startswith("_") for part in module_name.split(".")):
            continue
        module = _module(module_name)
        for name in getattr(module, "__all__", ()):
            public = _defined(module, name)
            if public is not None and public not in found.get(public.module, []):
                found.setdefault(public.module, []).append(public)
    return {module: sorted(names, key=str) for module, names in sorted(found.items())}


PUBLIC = public_names()

# --------------------------------------------------------------------------------------------
# The examples
# --------------------------------------------------------------------------------------------


def doctests(module: types.ModuleType) -> list[doctest.DocTest]:
    """The doctests of a module, and of the strings under its top-level assignments."""
    found = [t for t in doctest.DocTestFinder().find(module) if t.examples]
    parser = doctest.DocTestParser()
    for name, attribute in sorted(_source(module.__name__).assigned.items()):
        if attribute.docstring is not None and name in vars(module):
            test = parser.get_doctest(
                attribute.docstring,
                dict(vars(module)),
                f"{module.__name__}.{name}",
                module.__file__,
                attribute.line - 1,
            )
            if test.examples:
                found.append(test)
    return sorted(found, key=lambda test: test.name)


def _uses(tests: Iterable[doctest.DocTest], name: str) -> bool:
    """Whether an example reads or calls *name* (importing it is not using it)."""
    for test in tests:
        for example in test.examples:
            try:
                tree = ast.parse(example.source)
            except SyntaxError:
                continue
            for node in ast.walk(tree):
                if (isinstance(node, ast.Name) and node.id == name) or (
                    isinstance(node, ast.Attribute) and node.attr == name
                ):
                    return True
    return False


def without_examples(module_name: str) -> list[Public]:
    """The public names that *module_name* defines and gives no example."""
    tests = doctests(_module(module_name))
    by_name = {test.name: test for test in tests}
    missing = []
    for public in PUBLIC.get(module_name, []):
        if public.data:
            places = [by_name.get(module_name), by_name.get(str(public))]
            if not _uses([test for test in places if test is not None], public.name):
                missing.append(public)
        elif not public.name:
            if module_name not in by_name:
                missing.append(public)
        elif str(public) not in by_name:
            missing.append(public)
    return missing


def _with_examples() -> list[str]:
    return [name for name in MODULES if doctests(_module(name))]


# --------------------------------------------------------------------------------------------
# The tests
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("module_name", sorted(PUBLIC))
def test_every_public_name_has_an_example(module_name: str) -> None:
    missing = without_examples(module_name)
    listed = "\n".join(
        f"  {public} (data: use it in a doctest of the module docstring)"
        if public.data
        else f"  {public}"
        for public in missing
    )
    assert not missing, f"{len(missing)} public names without an example:\n{listed}"


def _shared_plugins() -> set[str]:
    from democratie.plugins import get_plugin_manager

    return {name for name, _ in get_plugin_manager().list_name_plugin()}


@pytest.fixture
def untouched(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Run from the repository root, and fail an example that leaves something changed.

    A file left in the repository, an environment variable left changed, or a plugin left
    registered on the shared plugin manager fails the test, after it is put back.
    """
    from democratie.plugins import get_plugin_manager

    monkeypatch.chdir(ROOT)
    environment = dict(os.environ)
    files = {path.name for path in [*ROOT.iterdir(), *(ROOT / "examples").iterdir()]}
    plugins = _shared_plugins()
    yield
    changed = sorted(
        name
        for name in {*environment, *os.environ}
        if environment.get(name) != os.environ.get(name) and name != "PYTEST_CURRENT_TEST"
    )
    os.environ.clear()
    os.environ.update(environment)
    left = {path.name for path in [*ROOT.iterdir(), *(ROOT / "examples").iterdir()]} - files
    registered = _shared_plugins() - plugins
    for name in registered:
        get_plugin_manager().unregister(name=name)
    assert not left, f"the examples left files behind: {sorted(left)}"
    assert not changed, f"the examples left environment variables changed: {changed}"
    assert not registered, f"the examples left plugins registered: {sorted(registered)}"


@pytest.mark.usefixtures("untouched")
@pytest.mark.parametrize("module_name", _with_examples())
def test_the_examples_run(module_name: str) -> None:
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    report = io.StringIO()
    for test in doctests(_module(module_name)):
        runner.run(test, out=report.write)
    assert runner.tries > 0
    assert runner.failures == 0, report.getvalue()


def test_the_walk_finds_every_module_of_the_source_tree() -> None:
    files = {
        ".".join(("democratie", *path.relative_to(PACKAGE).with_suffix("").parts))
        for path in PACKAGE.rglob("*.py")
    }
    assert set(MODULES) == {name.removesuffix(".__init__") for name in files}


def test_re_exports_count_once_where_they_are_defined() -> None:
    everything = [str(public) for names in PUBLIC.values() for public in names]
    assert len(everything) == len(set(everything))
    assert "democratie.io._load.loads" in everything  # a function, re-exported twice
    assert "democratie.io.loads" not in everything
    assert "democratie.model.municipality.Municipality" in everything  # a class
    assert "democratie.io._load.MAX_DEPTH" in everything  # data, found through the imports
    assert "democratie.vocab.VOCABULARIES" in everything
    assert "democratie.__version__" in everything
    assert all(public.module in MODULES for names in PUBLIC.values() for public in names)


def test_a_missing_example_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    load = _module("democratie.io._load")
    assert without_examples("democratie.io._load") == []
    monkeypatch.setattr(load.loads, "__doc__", "Read a landscape, without an example.")
    monkeypatch.setattr(load, "__doc__", "The loaders, without an example.")
    missing = {str(public) for public in without_examples("democratie.io._load")}
    assert {"democratie.io._load.loads", "democratie.io._load.MAX_DEPTH"} <= missing

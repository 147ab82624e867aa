"""One story of how a rule is called, told once and followed by every example.

The library calls a rule's ``score(subject, context)``; a rule derives from ``BaseRule``
and implements ``evaluate``, which ``BaseRule.score`` calls after checking the subject's
kind. An example that overrides ``score`` on a ``BaseRule`` skips that check and teaches
the other story, so none may.
"""

from __future__ import annotations

import ast
import doctest
import re
from collections.abc import Iterator
from pathlib import Path

import democratie.scoring.rules

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
SOURCES = [ROOT / "src" / "democratie", ROOT / "examples" / "plugin-example" / "src"]
#: The classes a rule derives from: the base class and every built-in rule.
RULE_BASES = {"BaseRule", *democratie.scoring.rules.__all__} - {"BUILTIN_RULES"}


def _code_of_page(text: str) -> Iterator[str]:
    """The Python of a docs page: its python blocks and its >>> examples."""
    yield from re.findall(r"```python[^\n]*\n(.*?)```", text, re.S)
    for block in re.findall(r"```pycon\n(.*?)```", text, re.S):
        yield from (example.source for example in doctest.DocTestParser().get_examples(block))


def _code() -> Iterator[tuple[str, str]]:
    for page in sorted(DOCS.rglob("*.md")):
        for code in _code_of_page(page.read_text(encoding="utf-8")):
            yield str(page.relative_to(ROOT)), code
    for folder in SOURCES:
        for path in sorted(folder.rglob("*.py")):
            text = path.read_text(encoding="utf-8")
            yield str(path.relative_to(ROOT)), text
            for docstring in _docstrings(ast.parse(text)):
                for example in doctest.DocTestParser().get_examples(docstring):
                    yield f"{path.relative_to(ROOT)} (docstring)", example.source


def _docstrings(tree: ast.Module) -> Iterator[str]:
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            docstring = ast.get_docstring(node)
            if docstring:
                yield docstring


def _rule_classes() -> Iterator[tuple[str, ast.ClassDef]]:
    for where, code in _code():
        try:
            tree = ast.parse(code)
        except SyntaxError:
            continue  # a fragment of a longer example
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases = {b.id if isinstance(b, ast.Name) else ast.unparse(b) for b in node.bases}
                if bases & RULE_BASES:
                    yield where, node


def test_no_rule_derived_from_base_rule_overrides_score() -> None:
    found = list(_rule_classes())
    assert len(found) > 10  # the guides, the plugin example, the docstrings, the built-ins
    wrong = [
        f"{where}: {node.name}"
        for where, node in found
        if any(isinstance(f, ast.FunctionDef) and f.name == "score" for f in node.body)
    ]
    assert not wrong, f"these examples override score() instead of evaluate(): {wrong}"
    assert any(
        isinstance(f, ast.FunctionDef) and f.name == "evaluate"
        for where, node in found
        if where.startswith("docs/plugins")
        for f in node.body
    )


def test_how_a_rule_is_called_is_told_on_one_page_and_pointed_to_from_the_others() -> None:
    pages = {
        str(page.relative_to(DOCS)): page.read_text(encoding="utf-8") for page in DOCS.rglob("*.md")
    }
    told = [name for name, text in pages.items() if "**How a rule is called.**" in text]
    assert told == ["how-to/add-a-scoring-rule.md"]
    # The plugin guide says it in a sentence and links there, rather than telling it again.
    guide = pages["plugins/index.md"]
    assert "(../how-to/add-a-scoring-rule.md#write-the-rule)" in guide
    assert "you implement `evaluate(subject, context)`, not" not in guide
    assert "## Write the rule" in pages["how-to/add-a-scoring-rule.md"]

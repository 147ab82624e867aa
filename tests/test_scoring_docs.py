"""The scoring-rule catalogue is generated from the registered rules, and kept current.

Regenerate it after changing a rule with::

    PYTHONPATH=src python tests/test_scoring_docs.py
"""

from __future__ import annotations

import enum
import inspect
import re
from collections.abc import Mapping
from pathlib import Path

import attrs

from democratie.plugins import make_plugin_manager, scoring_rules
from democratie.scoring import ScoringRule

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = ROOT / "docs" / "scoring" / "rules.md"

_HEADER = """\
# Rule catalogue

<!-- Generated from the registered rules by tests/test_scoring_docs.py; edit the rules,
     not this page, and regenerate with PYTHONPATH=src python tests/test_scoring_docs.py -->

The {count} rules `democratie.score()` runs by default, in the order it runs them. Every
rule returns a value in its range (higher is better) or *not applicable* with the reason,
explained in Dutch and English, with the evidence it used. The parameters are the numbers
that are our reading rather than published fact: pass other values to make a variant, such
as `CrossSectorCoverage(connection_weight=0.5)`. [Scoring](index.md) explains how to use
the scores; [the seed examples](seeds.md) shows what each seed scores and why.

| rule | subject | range | source |
| --- | --- | --- | --- |
"""


def registered_rules() -> tuple[ScoringRule, ...]:
    """The rules a fresh plugin manager offers (built-in only: no entry points)."""
    return scoring_rules(plugin_manager=make_plugin_manager(entry_points=False))


def _show(value: object) -> str:
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{_show(k)}: {_show(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (tuple, list, frozenset, set)):
        items = (
            sorted(_show(v) for v in value)
            if isinstance(value, (set, frozenset))
            else [_show(v) for v in value]
        )
        return "(" + ", ".join(items) + ")"
    if isinstance(value, float):
        return f"{value:.4g}"
    if attrs.has(type(value)):
        fields = ", ".join(
            f"{f.name}={_show(getattr(value, f.name))}"
            for f in attrs.fields(type(value))  # type: ignore[arg-type]
        )
        return f"{type(value).__name__}({fields})"
    return str(value)


_ROLE = re.compile(r":(?:class|func|meth|data|mod|attr):`(?P<tilde>~?)(?P<target>[\w.]+)`")


def _inline(text: str) -> str:
    """Turn reStructuredText inline markup into Markdown."""

    def role(match: re.Match[str]) -> str:
        target = match.group("target")
        return f"`{target.rsplit('.', 1)[-1] if match.group('tilde') else target}`"

    return _ROLE.sub(role, text).replace("``", "`")


_ITEM = re.compile(r"(?:-|\d+\.) ")


def _list_items(paragraph: str) -> list[str]:
    """The items of a list paragraph of a docstring, each on one line, in Markdown."""
    items: list[str] = []
    for line in paragraph.splitlines():
        if _ITEM.match(line):
            items.append(line.strip())
        else:
            items[-1] += " " + line.strip()
    return [_inline(" ".join(item.split())) for item in items]


def _summary(rule: ScoringRule) -> str:
    """The rule's second docstring paragraph, with the list it announces with a colon."""
    doc = inspect.getdoc(type(rule)) or ""
    paragraphs = doc.split("\n\n")
    if len(paragraphs) < 2:
        return ""
    summary = _inline(" ".join(paragraphs[1].split()))
    if not summary.endswith(":"):
        return summary
    lists = []
    for paragraph in paragraphs[2:]:
        if not _ITEM.match(paragraph):
            break
        lists.append("\n".join(_list_items(paragraph)))
    # The comment ends the list, so that the list of the rule's facts starts anew.
    return "\n\n".join([summary, *lists, "<!-- the rule's facts -->"])


def _changes(rule: ScoringRule) -> list[str]:
    """The paragraphs of the rule's docstring that say what changed and why ("Changed: ...")."""
    doc = inspect.getdoc(type(rule)) or ""
    return [
        _inline(" ".join(paragraph.split()))
        for paragraph in doc.split("\n\n")
        if paragraph.lstrip().startswith("Changed:")
    ]


def render_catalogue() -> str:
    """The catalogue page, from the registered rules."""
    rules = registered_rules()
    parts = [_HEADER.format(count=len(rules))]
    for rule in rules:
        low, high = rule.value_range
        parts.append(
            f"| [`{rule.name}`](#{rule.name}) | {rule.applies_to} | "
            f"{low:g} to {high:g} | {rule.source} |\n"
        )
    for rule in rules:
        cls = type(rule)
        low, high = rule.value_range
        parts.append(f"\n## `{rule.name}`\n\n")
        parts.append(f"**{rule.title.en}** ({rule.title.nl}). {_summary(rule)}\n\n")
        parts.append(f"- Class: `{cls.__module__}.{cls.__qualname__}`\n")
        parts.append(f"- Applies to: {rule.applies_to}\n")
        parts.append(f"- Source: {rule.source}\n")
        parts.append(f"- Formula: {rule.formula}\n")
        parts.append(f"- Range: {low:g} to {high:g}\n")
        for change in _changes(rule):
            parts.append(f"- {change}\n")
        if attrs.has(cls):
            params = [f for f in attrs.fields(cls) if f.name != "name"]
            if params:
                parts.append("- Parameters:\n")
                for field in params:
                    parts.append(f"    - `{field.name}` = `{_show(getattr(rule, field.name))}`\n")
    return "".join(parts)


def test_every_registered_rule_is_in_the_catalogue() -> None:
    page = CATALOGUE.read_text(encoding="utf-8")
    for rule in registered_rules():
        assert f"## `{rule.name}`" in page, rule.name
        assert rule.formula in page, rule.name
        assert rule.source in page, rule.name


def test_a_summary_that_announces_a_list_is_followed_by_it() -> None:
    page = render_catalogue()
    lines = page.splitlines()
    announcing = [i for i, line in enumerate(lines) if line.startswith("**") and line.endswith(":")]
    assert announcing  # trajectory_conformance and learning_loop do
    for i in announcing:
        assert _ITEM.match(lines[i + 2]), lines[i]
    trajectory = page.split("## `trajectory_conformance`", 1)[1]
    intake = "\n1. a local intake (element `lokale_intake` or an `intake` meeting held);\n"
    assert intake in trajectory
    assert "\n7. a cohort of about *cohort_size* municipalities enrolled" in trajectory
    learning = page.split("## `learning_loop`", 1)[1]
    shared = "\n- *shared*: the mean over the lessons of 1 for a lesson taken up somewhere"
    assert shared in learning


def test_the_catalogue_says_what_changed_in_a_rule_and_why() -> None:
    page = CATALOGUE.read_text(encoding="utf-8")
    changed = [rule for rule in registered_rules() if _changes(rule)]
    assert {rule.name for rule in changed} >= {
        "trajectory_conformance",
        "government_role_fit",
        "council_at_the_front",
        "bridging_vs_bonding",
        "champion_presence",
        "cross_sector_coverage",
        "area_coverage",
    }
    for rule in changed:
        section = page.split(f"## `{rule.name}`", 1)[1].split("\n## ", 1)[0]
        assert "- Changed: " in section, rule.name


def test_the_catalogue_is_current() -> None:
    assert CATALOGUE.read_text(encoding="utf-8") == render_catalogue(), (
        "docs/scoring/rules.md is out of date; run PYTHONPATH=src python tests/test_scoring_docs.py"
    )


if __name__ == "__main__":
    CATALOGUE.write_text(render_catalogue(), encoding="utf-8")
    print(f"wrote {CATALOGUE.relative_to(ROOT)}")

"""The hook reference page is generated from the hookspec docstrings, and kept current.

Regenerate it after changing :mod:`democratie.plugins.hookspecs` with::

    PYTHONPATH=src python tests/test_plugins_docs.py
"""

from __future__ import annotations

import inspect
import re
from pathlib import Path

from democratie.plugins import hookspecs

ROOT = Path(__file__).resolve().parents[1]
HOOKS_PAGE = ROOT / "docs" / "plugins" / "hooks.md"
GUIDE = ROOT / "docs" / "plugins" / "index.md"

_HEADER = """\
# Hook reference

<!-- Generated from the docstrings of democratie.plugins.hookspecs by
     tests/test_plugins_docs.py; edit those docstrings, not this page, and regenerate with
     PYTHONPATH=src python tests/test_plugins_docs.py -->

Every hook `democratie` offers, grouped by what it is for. A plugin implements a hook by
defining a function of the same name marked with `democratie.plugins.hookimpl`; it may leave
out arguments it does not need. The [plugin author guide](index.md) shows whole plugins.

"""

_SECTION = re.compile(r"^# -+\n# (?P<title>.+)\n# -+$", re.MULTILINE)


def _hooks_in_order() -> list[tuple[str, str]]:
    """The hooks with the section each is in, in source order."""
    source = inspect.getsource(hookspecs)
    found: list[tuple[str, str]] = []
    section = ""
    for line_match in re.finditer(
        r"^(?:# (?P<title>[A-Z].+)|def (?P<hook>democratie_\w+))", source, re.MULTILINE
    ):
        if line_match.group("title") and not line_match.group("title").startswith("-"):
            section = line_match.group("title").strip()
        elif line_match.group("hook"):
            found.append((section, line_match.group("hook")))
    return found


def _signature(name: str) -> str:
    """The hook's signature as written in the source (annotations unquoted)."""
    signature = inspect.signature(getattr(hookspecs, name))
    params = ", ".join(
        f"{p.name}: {p.annotation}" if p.annotation is not p.empty else p.name
        for p in signature.parameters.values()
    )
    return f"def {name}({params}) -> {signature.return_annotation}: ..."


_ROLE = re.compile(r":(?:class|func|meth|data|mod|attr):`(?P<tilde>~?)(?P<target>[\w.]+)`")


def _inline(text: str) -> str:
    """Turn reStructuredText inline markup into Markdown."""

    def role(match: re.Match[str]) -> str:
        target = match.group("target")
        return f"`{target.rsplit('.', 1)[-1] if match.group('tilde') else target}`"

    return _ROLE.sub(role, text).replace("``", "`")


def _docstring_to_markdown(doc: str) -> list[str]:
    lines = inspect.cleandoc(doc).splitlines()
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if following and set(following) == {"-"} and len(following) == len(line):
            out.extend([f"**{line}**", ""])
            index += 2
            continue
        if line.strip() == ".. code-block:: python":
            index += 1
            block: list[str] = []
            while index < len(lines) and (
                not lines[index].strip() or lines[index].startswith("    ")
            ):
                block.append(lines[index][4:])
                index += 1
            while block and not block[-1].strip():
                block.pop()
            while block and not block[0].strip():
                block.pop(0)
            out.extend(["<!-- no-run -->", "```python", *block, "```", ""])
            continue
        if line.startswith(">>>"):
            block = []
            while index < len(lines) and lines[index].strip():
                block.append(lines[index])
                index += 1
            out.extend(["```pycon", *block, "```"])
            continue
        match = re.fullmatch(r"(\w+) : (.+)", line)
        if match:
            out.append(f"- `{match.group(1)}` ({match.group(2)}):")
            index += 1
            while index < len(lines) and lines[index].startswith("    "):
                out.append("  " + lines[index].strip())
                index += 1
            continue
        if re.fullmatch(r"[\w ]+ or None|iterable of \w+ or None|None", line):
            out.append(f"- {line}:")
            index += 1
            while index < len(lines) and lines[index].startswith("    "):
                out.append("  " + lines[index].strip())
                index += 1
            continue
        out.append(line)
        index += 1
    rendered = []
    in_code = False
    for line in out:
        if line.startswith("```"):
            in_code = not in_code
        rendered.append(line if in_code or line.startswith(("```", "<!--")) else _inline(line))
    return rendered


def render_hooks_page() -> str:
    """The hook reference page, from the hookspec docstrings."""
    parts = [_HEADER]
    current = None
    for section, name in _hooks_in_order():
        if section != current:
            parts.append(f"## {section}\n\n")
            current = section
        doc = getattr(hookspecs, name).__doc__ or ""
        body = "\n".join(_docstring_to_markdown(doc)).rstrip()
        parts.append(
            f"### `{name}`\n\n<!-- no-run -->\n```python\n{_signature(name)}\n```\n\n{body}\n\n"
        )
    return "".join(parts).rstrip() + "\n"


def test_every_hook_has_a_documented_contract() -> None:
    for _, name in _hooks_in_order():
        doc = getattr(hookspecs, name).__doc__ or ""
        for section in ("Returns", "Notes", "Examples"):
            assert f"\n    {section}\n" in doc, (name, section)
        assert "firstresult" in doc, name
        assert "Called" in doc, name


def test_the_hook_page_is_current() -> None:
    assert HOOKS_PAGE.read_text(encoding="utf-8") == render_hooks_page(), (
        "docs/plugins/hooks.md is out of date; run PYTHONPATH=src python tests/test_plugins_docs.py"
    )


def test_every_hook_is_in_the_reference_with_its_exact_signature() -> None:
    page = HOOKS_PAGE.read_text(encoding="utf-8")
    hooks = [name for name in dir(hookspecs) if name.startswith("democratie_")]
    assert sorted(name for _, name in _hooks_in_order()) == sorted(hooks)
    for name in hooks:
        assert f"### `{name}`" in page
        assert _signature(name) in page


def test_the_guide_shows_every_hook() -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    for name in (n for n in dir(hookspecs) if n.startswith("democratie_")):
        assert name in guide, name


if __name__ == "__main__":
    HOOKS_PAGE.write_text(render_hooks_page(), encoding="utf-8")
    print(f"wrote {HOOKS_PAGE.relative_to(ROOT)}")

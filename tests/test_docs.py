"""The documentation: its examples run, its generated tables are current, its nav is complete.

Every fenced ``python`` block in every page under ``docs/`` runs, in page order, in one
namespace per page; ``pycon`` blocks and ``python`` blocks written with ``>>>`` prompts run
as doctests in that same namespace. A block whose info string has ``title="name.ext"`` is a
file listing: it is written to the working folder under that name (so later blocks can load
or import it) instead of being run; a ``python`` block with any other title is shown, not
run. A block preceded by a ``<!-- no-run -->`` line is left alone. Each page runs in a fresh
temporary folder holding a copy of ``examples/``, which is also first on ``sys.path``.

Two reference pages carry tables generated from the library itself (the vocabularies and the
landscape format). The tests below fail when those tables no longer match; regenerate them
with::

    PYTHONPATH=src python tests/test_docs.py
"""

from __future__ import annotations

import ast
import doctest
import io
import re
import shutil
import sys
import textwrap
import traceback
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
MKDOCS_YML = ROOT / "mkdocs.yml"
EXAMPLES = ROOT / "examples"


def _pages() -> list[Path]:
    """Every Markdown page of the site (build machinery under ``docs/_ext`` excluded)."""
    return sorted(
        path
        for path in DOCS.rglob("*.md")
        if not any(part.startswith(("_", ".")) for part in path.relative_to(DOCS).parts)
    )


def _name(page: Path) -> str:
    return page.relative_to(DOCS).as_posix() if page.is_relative_to(DOCS) else page.name


# --------------------------------------------------------------------------------------------
# Fenced blocks
# --------------------------------------------------------------------------------------------

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`]*)$")
_TITLE = re.compile(r"""\btitle=(?:"([^"]*)"|'([^']*)'|(\S+))""")
_NO_RUN = "<!-- no-run -->"
_DOCTEST_FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


@dataclass(frozen=True)
class Block:
    """One fenced code block of a page."""

    number: int  # 1-based, counting every fenced block of the page
    line: int  # 1-based line of the first line of code
    language: str
    title: str | None
    code: str
    no_run: bool

    @property
    def is_file(self) -> bool:
        """A listing of a file (``title="leusden.toml"``): written out, not run."""
        return self.title is not None and re.fullmatch(r"[\w./-]+\.\w+", self.title) is not None

    @property
    def is_doctest(self) -> bool:
        return self.language == "pycon" or (
            self.language in {"python", "py"} and self.code.lstrip().startswith(">>>")
        )

    @property
    def is_script(self) -> bool:
        return self.language in {"python", "py"} and not self.is_doctest

    @property
    def acts(self) -> bool:
        """Whether the runner does something with this block."""
        if self.no_run:
            return False
        if self.is_file:
            return True
        return self.title is None and (self.is_script or self.is_doctest)


def fenced_blocks(text: str) -> list[Block]:
    """Split Markdown into its fenced code blocks (indented ones inside admonitions too)."""
    lines = text.splitlines()
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        match = _FENCE.match(lines[index])
        if match is None:
            index += 1
            continue
        indent, fence, info = match["indent"], match["fence"], match["info"].strip()
        previous = next((line.strip() for line in reversed(lines[:index]) if line.strip()), "")
        closing = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
        end = index + 1
        while end < len(lines) and closing.match(lines[end]) is None:
            end += 1
        body = [
            line[len(indent) :] if line.startswith(indent) else line.lstrip()
            for line in lines[index + 1 : end]
        ]
        words = info.split()
        language = words[0].lstrip(".{").lower() if words else ""
        title = _TITLE.search(info)
        blocks.append(
            Block(
                number=len(blocks) + 1,
                line=index + 2,
                language=language,
                title=next((g for g in title.groups() if g is not None), None) if title else None,
                code="\n".join(body) + "\n",
                no_run=previous == _NO_RUN,
            )
        )
        index = end + 1
    return blocks


def _pages_with_examples() -> list[Path]:
    return [
        page for page in _pages() if any(b.acts for b in fenced_blocks(page.read_text("utf-8")))
    ]


#: Pages whose examples score a synthetic nation in worker processes (about 5 s).
_SLOW_PAGES = {"how-to/national-scale.md"}


def _page_params() -> list[Any]:
    return [
        pytest.param(
            page, id=_name(page), marks=[pytest.mark.slow] if _name(page) in _SLOW_PAGES else []
        )
        for page in _pages_with_examples()
    ]


def test_the_slow_pages_are_pages_with_examples() -> None:
    assert {_name(page) for page in _pages_with_examples()} >= _SLOW_PAGES


class _ExampleFailed(Exception):
    pass


def _run_script(block: Block, page: Path, namespace: dict[str, Any]) -> None:
    # Pad with blank lines so that tracebacks give the line numbers of the Markdown page.
    source = "\n" * (block.line - 1) + block.code
    try:
        code = compile(source, str(page), "exec")
        exec(code, namespace)
    except (Exception, SystemExit) as error:  # any failure of the example, with its traceback
        frames = traceback.extract_tb(error.__traceback__)
        shown = [f for f in frames if f.filename == str(page)] or frames
        text = "".join(traceback.format_list(shown)) + "".join(
            traceback.format_exception_only(type(error), error)
        )
        raise _ExampleFailed(text) from None


def _run_doctest(block: Block, page: Path, namespace: dict[str, Any]) -> None:
    parser = doctest.DocTestParser()
    test = parser.get_doctest(
        block.code, namespace, f"{_name(page)} block {block.number}", str(page), block.line - 1
    )
    runner = doctest.DocTestRunner(optionflags=_DOCTEST_FLAGS)
    output = io.StringIO()
    result = runner.run(test, out=output.write, clear_globs=False)
    namespace.update(test.globs)  # DocTest works on a copy; later blocks see its names
    if result.failed:
        raise _ExampleFailed(output.getvalue())


def _write_file(block: Block, folder: Path) -> None:
    assert block.title is not None
    target = (folder / block.title).resolve()
    if folder.resolve() not in target.parents:
        raise _ExampleFailed(f"the title {block.title!r} points outside the working folder")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(block.code, encoding="utf-8")


@pytest.mark.parametrize("page", _page_params())
def test_examples_run(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run the examples of one page, in order, in one namespace, as a reader would."""
    if EXAMPLES.is_dir():
        shutil.copytree(EXAMPLES, tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    before = set(sys.modules)
    namespace: dict[str, Any] = {"__name__": "__main__"}
    failure = None
    try:
        for block in fenced_blocks(page.read_text("utf-8")):
            if not block.acts:
                continue
            try:
                if block.is_file:
                    _write_file(block, tmp_path)
                elif block.is_doctest:
                    _run_doctest(block, page, namespace)
                else:
                    _run_script(block, page, namespace)
            except _ExampleFailed as error:
                failure = (
                    f"{_name(page)}: block {block.number} (line {block.line}, "
                    f"{block.language}) failed:\n{error}"
                )
                break
    finally:
        for name in set(sys.modules) - before:
            origin = getattr(sys.modules[name], "__file__", None) or ""
            if origin.startswith(str(tmp_path)):
                del sys.modules[name]
    if failure is not None:
        pytest.fail(failure, pytrace=False)


def test_fence_parser_reads_titles_markers_and_indented_blocks() -> None:
    text = textwrap.dedent(
        """\
        ```toml title="leusden.toml"
        format = "democratie/1"
        ```

        <!-- no-run -->
        ```python
        raise SystemExit
        ```

        !!! example
            ```pycon
            >>> 1 + 1
            2
            ```
        """
    )
    toml, skipped, pycon = fenced_blocks(text)
    assert (toml.language, toml.title, toml.is_file, toml.acts) == (
        "toml",
        "leusden.toml",
        True,
        True,
    )
    assert toml.code == 'format = "democratie/1"\n'
    assert skipped.no_run
    assert not skipped.acts
    assert pycon.is_doctest
    assert (pycon.code, pycon.line) == (">>> 1 + 1\n2\n", 12)


def test_a_failing_example_names_the_page_block_and_line(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("Text.\n\n```python\nx = 1\nassert x == 2\n```\n", encoding="utf-8")
    (block,) = fenced_blocks(page.read_text("utf-8"))
    with pytest.raises(_ExampleFailed, match=r"line 5, in <module>\n    assert x == 2"):
        _run_script(block, page, {})


def test_a_doctest_block_shares_the_namespace_and_reports_a_wrong_output(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("```python\nx = 2\n```\n\n```pycon\n>>> x + 1\n4\n```\n", "utf-8")
    script, session = fenced_blocks(page.read_text("utf-8"))
    namespace: dict[str, Any] = {}
    _run_script(script, page, namespace)
    with pytest.raises(_ExampleFailed, match=r"(?s)line 6.*Expected:\n    4\nGot:\n    3"):
        _run_doctest(session, page, namespace)


# --------------------------------------------------------------------------------------------
# The navigation
# --------------------------------------------------------------------------------------------


def _nav_pages() -> list[str]:
    text = MKDOCS_YML.read_text("utf-8")
    match = re.search(r"^nav:\n(?P<body>(?:[ \t]+.*\n?|\n)*)", text, flags=re.MULTILINE)
    assert match is not None, "mkdocs.yml has no nav"
    body = "\n".join(line.split("#", 1)[0] for line in match["body"].splitlines())
    return re.findall(r"(?:^|[\s:])([\w./-]+\.md)\s*$", body, flags=re.MULTILINE)


def test_every_page_is_in_the_nav_and_every_nav_entry_exists() -> None:
    listed = _nav_pages()
    pages = {_name(page) for page in _pages()}
    assert sorted(pages - set(listed)) == [], "pages missing from the nav in mkdocs.yml"
    assert sorted(set(listed) - pages) == [], "nav entries in mkdocs.yml without a page"
    assert len(listed) == len(set(listed)), "a page is listed twice in the nav"


# --------------------------------------------------------------------------------------------
# Generated reference tables
# --------------------------------------------------------------------------------------------

_ROLE = re.compile(r":(?:class|func|meth|attr|data|mod|exc|obj):`~?([\w.]+)`")


def _markdown(text: str) -> str:
    """Turn the reStructuredText bits of a docstring paragraph into Markdown."""
    text = _ROLE.sub(lambda m: f"`{m.group(1).rsplit('.', 1)[-1]}`", text)
    return text.replace("``", "`").replace("|", "\\|")


def _first_paragraph(doc: str | None) -> str:
    return " ".join((doc or "").strip().split("\n\n")[0].split())


def _block(page: Path, name: str) -> str:
    text = page.read_text("utf-8")
    begin, end = f"<!-- BEGIN GENERATED {name} -->\n", f"<!-- END GENERATED {name} -->"
    assert begin in text, f"{_name(page)} lacks the start marker of {name}"
    assert end in text, f"{_name(page)} lacks the end marker of {name}"
    return text[text.index(begin) + len(begin) : text.index(end)]


def _replace_block(page: Path, name: str, content: str) -> None:
    text = page.read_text("utf-8")
    begin, end = f"<!-- BEGIN GENERATED {name} -->\n", f"<!-- END GENERATED {name} -->"
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    page.write_text(head + begin + content + end + tail, encoding="utf-8")


# -- vocabularies -----------------------------------------------------------------------------

VOCABULARY_PAGE = DOCS / "reference" / "vocabularies.md"


def _vocabulary_uses() -> dict[str, list[tuple[str, str]]]:
    """For each vocabulary, the (class, key) pairs of the format that take its slugs."""
    from democratie.io import json_schema

    uses: dict[str, list[tuple[str, str]]] = {}
    for cls, key, schema in _schema_properties(json_schema()):
        for ref in re.findall(r"#/\$defs/(\w+)", repr(schema)):
            uses.setdefault(ref, []).append((cls, key))
    return uses


def render_vocabularies() -> str:
    """The generated part of ``docs/reference/vocabularies.md``."""
    from democratie.vocab import VOCABULARIES

    uses = _vocabulary_uses()
    out = ["| Vocabulary | What it is | Values |", "| --- | --- | --- |"]
    out += [
        f"| [{v.__name__}](#{v.__name__.lower()}) | {_markdown(_first_paragraph(v.__doc__))} "
        f"| {len(v)} |"
        for v in VOCABULARIES
    ]
    out.append("")
    for vocabulary in VOCABULARIES:
        name = vocabulary.__name__
        out += [f"### {name}", "", _markdown(_first_paragraph(vocabulary.__doc__)), ""]
        out += [f"Source: {_markdown(vocabulary.__source__)}.", ""]
        where = uses.get(name)
        if where:
            links = ", ".join(
                f"[`{cls}.{key}`](data-format.md#{cls.lower()})" for cls, key in where
            )
            out += [f"Used in: {links}.", ""]
        else:
            out += ["Not stored in landscape documents; analyses and reports use it.", ""]
        out += ["| Slug | English | Nederlands |", "| --- | --- | --- |"]
        out += [f"| `{t.slug}` | {t.label_en} | {t.label_nl} |" for t in vocabulary]
        out.append("")
    return "\n".join(out)


def test_vocabulary_page_lists_every_slug_of_every_vocabulary() -> None:
    from democratie.vocab import VOCABULARIES

    text = VOCABULARY_PAGE.read_text("utf-8")
    sections = re.split(r"^### ", text, flags=re.MULTILINE)
    by_name = {section.split("\n", 1)[0].strip(): section for section in sections[1:]}
    missing = [
        f"{vocabulary.__name__}.{term.slug}"
        for vocabulary in VOCABULARIES
        for term in vocabulary
        if f"| `{term.slug}` | {term.label_en} | {term.label_nl} |"
        not in by_name.get(vocabulary.__name__, "")
    ]
    assert missing == [], "run `PYTHONPATH=src python tests/test_docs.py` to regenerate"


def test_vocabulary_page_is_current() -> None:
    assert _block(VOCABULARY_PAGE, "vocabularies") == render_vocabularies(), (
        "docs/reference/vocabularies.md is out of date: "
        "run `PYTHONPATH=src python tests/test_docs.py`"
    )


# -- the landscape format -----------------------------------------------------------------------

FORMAT_PAGE = DOCS / "reference" / "data-format.md"

#: The order in which the format page documents the classes of the format.
FORMAT_ORDER = (
    "Landscape",
    "Municipality",
    "Area",
    "Council",
    "Faction",
    "College",
    "Organisation",
    "Person",
    "Role",
    "Initiative",
    "Participant",
    "Stage",
    "Milestone",
    "Commitment",
    "Intake",
    "Task",
    "Assignment",
    "Lesson",
    "Transfer",
    "Evaluation",
    "Indicator",
    "Measurement",
    "Network",
    "Meeting",
    "Period",
    "Assessment",
    "ContactDetail",
    "Identifier",
    "Source",
)

_MISSING = "zz-nothing"


def _probe_document() -> dict[str, Any]:
    """A document in which every reference the format has points at nothing.

    Loading it makes :func:`democratie.load` report, for every reference, which kinds of
    entity it accepts: the "Refers to" of the format tables comes from the library itself.
    """
    x = _MISSING
    meeting = {"title": "M", "kind": "intake", "host": x, "attendees": [x]}
    return {
        "format": "democratie/1",
        "municipalities": [
            {
                "id": "m",
                "cbs_code": "GM0327",
                "council": {"factions": [{"id": "f", "name": "F", "party": x}]},
                "areas": [{"id": "a", "name": "A", "level": "wijk"}],
                "indicators": [{"id": "im", "goal": "G", "direction": "omhoog", "area": x}],
            }
        ],
        "organisations": [
            {
                "id": "o",
                "name": "O",
                "kind": "stichting",
                "municipality": x,
                "parent": x,
                "areas": [x],
            }
        ],
        "people": [{"id": "p", "name": "P"}],
        "roles": [{"holder": x, "kind": "deelnemer", "at": x, "on_behalf_of": x}],
        "initiatives": [
            {
                "id": "i",
                "title": "I",
                "kind": "experiment",
                "municipalities": [x],
                "areas": [x],
                "initiated_by": [x],
                "led_by": [x],
                "participants": [{"actor": x}],
                "phases": [{"phase": "visie", "participants": [x]}],
                "commitments": [{"kind": "politiek", "level": "geen", "by": x}],
                "intakes": [{"municipality": x, "officer": x}],
                "tasks": [{"title": "T", "assignments": [{"actor": x, "raci": "uitvoerend"}]}],
                "lessons": [{"text": "L", "kind": "doen", "transfers": [{"to": x}]}],
                "evaluations": [{"by": x}],
                "indicators": [{"id": "ii", "goal": "G", "direction": "omhoog", "area": x}],
                "network": x,
                "meetings": [{"id": "mi", **meeting}],
            }
        ],
        "networks": [
            {
                "id": "n",
                "name": "N",
                "kind": "leerkring",
                "members": [x],
                "coordinators": [x],
                "parent": x,
                "initiative": x,
                "meetings": [{"id": "mn", **meeting}],
            }
        ],
    }


def _schema_properties(schema: Mapping[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Yield (class, key, property schema) for every class of the format."""
    for key, prop in schema["properties"].items():
        yield "Landscape", key, prop
    for cls, definition in schema["$defs"].items():
        for key, prop in definition.get("properties", {}).items():
            yield cls, key, prop


def _class_of(schema: Mapping[str, Any], cls: str, key: str) -> str:
    """The class of the table(s) under *key* of *cls*."""
    properties = schema["properties"] if cls == "Landscape" else schema["$defs"][cls]["properties"]
    ref = re.search(r"#/\$defs/(\w+)", repr(properties[key]))
    assert ref is not None, f"{cls}.{key} holds no table"
    return ref.group(1)


def _referenced_kinds() -> dict[tuple[str, str], str]:
    """(class, key) of every reference in the format, with the kinds of entity it accepts."""
    from democratie.errors import LoadError
    from democratie.io import json_schema, structure

    schema = json_schema()
    try:
        structure(_probe_document())
    except LoadError as error:
        problems = error.problems
    else:  # pragma: no cover - the probe is built to fail
        raise AssertionError("the probe document loaded; every reference in it should dangle")
    found: dict[tuple[str, str], str] = {}
    for problem in problems:
        assert problem.code == "dangling-reference", problem
        match = re.search(r"expected the id of (an? [^;]+)", problem.message)
        assert match is not None, problem.message
        *parents, key = re.sub(r"\[\d+\]", "", problem.path).split(".")
        cls = "Landscape"
        for parent in parents:
            cls = _class_of(schema, cls, parent)
        found[(cls, key)] = match.group(1)
    return found


def _probed_keys(value: object, cls: str, schema: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    """(class, key) of every place in the probe document that holds the missing id."""
    assert isinstance(value, dict)
    for key, item in value.items():
        items = item if isinstance(item, list) else [item]
        if _MISSING in items:
            yield cls, key
        for element in items:
            if isinstance(element, dict):
                yield from _probed_keys(element, _class_of(schema, cls, key), schema)


def _type(prop: Mapping[str, Any], reference: str | None, key: str = "") -> str:
    if "anyOf" in prop:
        options = [p for p in prop["anyOf"] if p != {"type": "null"}]
        return " or ".join(_type(p, reference, key) for p in options)
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[-1]
        from democratie.vocab import VOCABULARIES

        if name in {v.__name__ for v in VOCABULARIES}:
            return f"[{name}](vocabularies.md#{name.lower()}) slug"
        return f"[{name}](#{name.lower()}) table"
    kind = str(prop.get("type"))
    if kind == "array":
        if reference is not None:
            return f"list of ids, each of {reference}"
        return "list of " + _type(prop["items"], reference)
    if "const" in prop:
        return f'`"{prop["const"]}"`'
    if reference is not None:
        return f"id of {reference}"
    if kind == "string" and prop.get("format") == "date":
        return "date"
    if kind == "string" and ("pattern" in prop or key == "id"):
        return "id"
    return {
        "string": "text",
        "integer": "whole number",
        "number": "number",
        "boolean": "true or false",
    }[kind]


#: Better words than the docstrings give, where one docstring entry covers several keys.
_MEANINGS = {
    ("Landscape", "municipalities"): "The municipalities (gemeenten), with their areas, "
    "council and college.",
    ("Landscape", "organisations"): "Organisations: civil society, businesses, resident "
    "groups, network organisations, government bodies.",
    ("Landscape", "people"): "People, as the sources name them.",
    ("Landscape", "roles"): "Who holds which role where (raadslid, wethouder, kartrekker, ...).",
    ("Landscape", "initiatives"): "Experiments, trajectories, challenges, learning circles "
    "and the like.",
    ("Landscape", "networks"): "Networks of municipalities or organisations.",
    ("Assignment", "actor"): "The id of the person, organisation, body or role assigned.",
    ("Assignment", "raci"): "Their part in the task: uitvoerend (R), eindverantwoordelijk (A), "
    "geraadpleegd (C) or geinformeerd (I).",
}


def render_format_tables() -> str:
    """The generated part of ``docs/reference/data-format.md``."""
    from democratie.io import json_schema

    schema = json_schema()
    references = _referenced_kinds()
    classes = {"Landscape": {**schema}} | {
        name: definition
        for name, definition in schema["$defs"].items()
        if "properties" in definition
    }
    order = [name for name in FORMAT_ORDER if name in classes]
    order += sorted(set(classes) - set(order))
    out: list[str] = []
    for name in order:
        definition = classes[name]
        heading = "The document (top level)" if name == "Landscape" else name
        out += [f"### {heading} {{#{name.lower()}}}", "", _markdown(definition["description"]), ""]
        out += ["| Key | Type | Required | Meaning |", "| --- | --- | --- | --- |"]
        required = set(definition.get("required", ()))
        for key, prop in definition["properties"].items():
            meaning = _MEANINGS.get((name, key)) or _markdown(
                " ".join(prop.get("description", "").split())
            )
            kind = _type(prop, references.get((name, key)), key)
            out.append(f"| `{key}` | {kind} | {'yes' if key in required else 'no'} | {meaning} |")
        out.append("")
    return "\n".join(out)


def test_format_page_documents_every_key_of_the_schema() -> None:
    from democratie.io import json_schema

    text = FORMAT_PAGE.read_text("utf-8")
    sections = {
        match.group(1): match.group(2)
        for match in re.finditer(r"^### .*?\{#(\w+)\}\n(.*?)(?=^### |\Z)", text, re.M | re.S)
    }
    missing = [
        f"{cls}.{key}"
        for cls, key, _ in _schema_properties(json_schema())
        if f"| `{key}` |" not in sections.get(cls.lower(), "")
    ]
    assert missing == [], "run `PYTHONPATH=src python tests/test_docs.py` to regenerate"


def test_format_page_is_current() -> None:
    assert _block(FORMAT_PAGE, "format") == render_format_tables(), (
        "docs/reference/data-format.md is out of date: "
        "run `PYTHONPATH=src python tests/test_docs.py`"
    )


def test_every_reference_of_the_format_is_probed() -> None:
    """Each key the probe document fills with a missing id is reported as dangling."""
    from democratie.io import json_schema

    kinds = _referenced_kinds()
    probed = set(_probed_keys(_probe_document(), "Landscape", json_schema()))
    assert set(kinds) == probed
    assert kinds[("Role", "holder")] == "an organisation or person"


# --------------------------------------------------------------------------------------------
# Problem codes and the package's public names
# --------------------------------------------------------------------------------------------

ERRORS_PAGE = DOCS / "reference" / "errors.md"
API_INDEX = DOCS / "reference" / "api" / "index.md"


def _problem_codes() -> set[str]:
    """Every ``code=...`` given to a Problem (or the converter's Invalid) in the package."""
    codes: set[str] = set()
    for path in (ROOT / "src" / "democratie").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            if name not in {"Problem", "Invalid"}:
                continue
            codes.update(
                keyword.value.value
                for keyword in node.keywords
                if keyword.arg == "code"
                and isinstance(keyword.value, ast.Constant)
                and isinstance(keyword.value.value, str)
            )
    return codes


def test_every_problem_code_is_documented() -> None:
    codes = _problem_codes()
    assert "dangling-reference" in codes  # the scan finds what it should
    table = re.findall(r"^\| `([a-z-]+)` \|", ERRORS_PAGE.read_text("utf-8"), flags=re.MULTILINE)
    assert sorted(codes - set(table)) == [], "codes the library uses but errors.md lacks"
    assert sorted(set(table) - codes) == [], "codes errors.md lists but the library never uses"


def test_api_index_names_every_public_name_of_the_package() -> None:
    import democratie

    text = API_INDEX.read_text("utf-8")
    missing = [name for name in democratie.__all__ if f"`democratie.{name}`" not in text]
    assert missing == []


# --------------------------------------------------------------------------------------------
# Regenerating the generated parts
# --------------------------------------------------------------------------------------------


def main() -> None:
    """Rewrite the generated tables of the reference pages from the library."""
    _replace_block(VOCABULARY_PAGE, "vocabularies", render_vocabularies())
    _replace_block(FORMAT_PAGE, "format", render_format_tables())
    print(f"updated {_name(VOCABULARY_PAGE)} and {_name(FORMAT_PAGE)}")


if __name__ == "__main__":
    main()

"""Untrusted data: what a landscape file, an import or a report can and cannot do.

The promises of ``SECURITY.md``, tested: a data file is only ever data (no code runs, no
module is imported because a document says so); reading is bounded in size and depth,
with a clear error; contact details stay out of exports and reports unless asked for;
text from a document cannot become markup or script in the HTML report.
"""

from __future__ import annotations

import ast
import html.parser
import json
import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import democratie
from democratie import LoadError, examples
from democratie.exporters import BUILTIN_EXPORTERS, export_bytes
from democratie.importers import load_ori, load_popolo
from democratie.io import MAX_DEPTH, dumps, loads, parse
from democratie.model import Area, ContactDetail, Landscape, Municipality, Person
from democratie.model.municipality import MAX_AREA_DEPTH
from democratie.report import render
from democratie.vocab import AreaLevel, ContactKind

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "democratie"
ORI_SAMPLE = Path(__file__).resolve().parent / "data" / "ori"

# --------------------------------------------------------------------------------------------
# No code from data
# --------------------------------------------------------------------------------------------

#: Modules that turn data into code or objects of any class; the library never imports them.
UNSAFE_MODULES = frozenset({"pickle", "cPickle", "dill", "jsonpickle", "marshal", "shelve", "yaml"})
#: Built-ins that run or import code given as text.
UNSAFE_CALLS = frozenset({"eval", "exec", "compile", "__import__"})


def _modules() -> Iterator[tuple[Path, ast.Module]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        yield path, ast.parse(path.read_text("utf-8"), filename=str(path))


def test_the_library_has_no_way_to_turn_data_into_code() -> None:
    found = []
    for path, tree in _modules():
        where = path.relative_to(PACKAGE.parent)
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name.split(".")[0] for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [(node.module or "").split(".")[0]]
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                if node.func.id in UNSAFE_CALLS:
                    found.append(f"{where}:{node.lineno}: {node.func.id}()")
                continue
            else:
                continue
            found.extend(f"{where}:{node.lineno}: import {n}" for n in names if n in UNSAFE_MODULES)
    assert found == []


def test_modules_are_imported_only_by_names_the_library_holds() -> None:
    """``import_module`` gets constants (built-in plugins, optional dependencies), never data."""
    calls = []
    for path, tree in _modules():
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "import_module"
            ):
                argument = node.args[0] if node.args else None
                calls.append((path.relative_to(PACKAGE).as_posix(), ast.unparse(argument or node)))
    assert sorted(calls) == [
        ("__init__.py", "_LAZY[name]"),
        ("__init__.py", "f'{__name__}.{name}'"),
        ("_json.py", "'orjson'"),
        ("graph/analysis/_igraph.py", "'igraph'"),
        ("plan/_solver.py", "name"),
        ("plugins/__init__.py", "_LAZY[name]"),
        ("plugins/manager.py", "module_name"),
    ]
    # The lazy names of the packages come from their own tables of constants.
    top = (PACKAGE / "__init__.py").read_text("utf-8")
    assert "elif name in _LAZY:" in top
    assert "elif name in _SUBMODULES:" in top
    assert "if name not in _LAZY:" in (PACKAGE / "plugins" / "__init__.py").read_text("utf-8")
    # ... and module_name runs over the built-in plugins only, name over OR-Tools' own.
    source = (PACKAGE / "plugins" / "manager.py").read_text("utf-8")
    assert "for module_name in DEFAULT_PLUGINS:" in source
    solver = (PACKAGE / "plan" / "_solver.py").read_text("utf-8")
    assert "if name not in _MODULES:" in solver


HOSTILE = [
    {"format": "democratie/1", "title": {"py/object": "os.system", "args": ["echo owned"]}},
    {"format": "democratie/1", "__class__": "subprocess.Popen"},
    {"format": "democratie/1", "people": [{"id": "p", "name": "A", "__reduce__": ["os.system"]}]},
    {"format": "democratie/1", "people": [{"!!python/object/apply:os.system": ["ls"]}]},
    {"format": "pickle/4", "data": "gASVAAAAAAAAAAA="},
]


@pytest.mark.parametrize("document", HOSTILE, ids=range(len(HOSTILE)))
@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_a_document_that_names_code_is_refused_and_imports_nothing(
    document: dict[str, Any], fmt: str
) -> None:
    import tomli_w

    text = json.dumps(document) if fmt == "json" else tomli_w.dumps(document)
    loads(dumps(examples.load("leusden-samenleving-voorop")))  # everything loading needs
    before = set(sys.modules)
    with pytest.raises(LoadError) as caught:
        loads(text, format=fmt)  # type: ignore[arg-type]
    assert set(sys.modules) == before
    assert {p.code for p in caught.value.problems} <= {
        "unknown-key",
        "wrong-type",
        "missing-key",
        "format-version",
    }


@pytest.mark.parametrize("fmt", ["pickle", "yaml", "python"])
def test_there_is_no_loader_for_formats_that_can_carry_code(fmt: str, tmp_path: Path) -> None:
    path = tmp_path / f"land.{fmt}"
    path.write_bytes(b"\x80\x04K\x01.")
    with pytest.raises(LoadError) as caught:
        democratie.load(path, format=fmt)
    assert caught.value.problems[0].code == "unknown-format"


# --------------------------------------------------------------------------------------------
# Size and depth
# --------------------------------------------------------------------------------------------


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_an_endless_file_is_read_no_further_than_the_limit() -> None:
    with pytest.raises(LoadError) as caught:
        democratie.io.load("/dev/zero", max_bytes=10_000)
    (problem,) = caught.value.problems
    assert problem.code == "too-large"
    assert "more than the limit of 10,000" in problem.message


def _through_a_pipe(tmp_path: Path, data: bytes) -> Path:
    """A named pipe that gives *data*: a file whose size ``stat`` cannot tell."""
    pipe = tmp_path / "council.json"
    os.mkfifo(pipe)

    def feed() -> None:
        with pipe.open("wb") as handle:
            handle.write(data)

    threading.Thread(target=feed, daemon=True).start()
    return pipe


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_is_read_no_further_than_the_limit(tmp_path: Path) -> None:
    document = dumps(examples.load("delft-zeven-van-delft")).encode("utf-8")
    pipe = _through_a_pipe(tmp_path, document)
    with pytest.raises(LoadError) as caught:
        democratie.io.load(pipe, max_bytes=1_000)
    assert caught.value.problems[0].code == "too-large"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_an_importer_reads_a_pipe_no_further_than_the_limit(tmp_path: Path) -> None:
    popolo = export_bytes(examples.load("delft-zeven-van-delft"), "popolo")
    assert len(popolo) > 1_000
    pipe = _through_a_pipe(tmp_path, popolo)
    with pytest.raises(LoadError) as caught:
        load_popolo(pipe, max_bytes=1_000)
    (problem,) = caught.value.problems
    assert (problem.code, problem.file) == ("too-large", str(pipe))
    assert "more than the limit of 1,000 bytes" in problem.message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_an_importer_reads_a_pipe_within_the_limit(tmp_path: Path) -> None:
    popolo = export_bytes(examples.load("delft-zeven-van-delft"), "popolo")
    pipe = _through_a_pipe(tmp_path, popolo)
    assert load_popolo(pipe, max_bytes=len(popolo)).landscape.municipalities


def _nested(depth: int) -> str:
    return '{"format": "democratie/1", "title": ' + "[" * (depth - 1) + "]" * (depth - 1) + "}"


def test_nesting_up_to_the_limit_is_read_and_one_more_level_is_refused_with_its_place() -> None:
    assert parse(_nested(MAX_DEPTH), format="json")["title"] is not None
    with pytest.raises(LoadError) as caught:
        parse(_nested(MAX_DEPTH + 1), format="json")
    (problem,) = caught.value.problems
    assert problem.code == "too-deep"
    # The document is level 1 and "title" level 2: the list at level MAX_DEPTH + 1 is here.
    assert problem.path == "title" + "[0]" * (MAX_DEPTH - 1)
    assert f"more than {MAX_DEPTH} levels deep" in problem.message


def test_the_depth_limit_covers_toml_and_the_importers() -> None:
    toml = 'format = "democratie/1"\ntitle = ' + "[" * MAX_DEPTH + "]" * MAX_DEPTH + "\n"
    with pytest.raises(LoadError, match="more than 100 levels deep"):
        loads(toml, format="toml")
    deep = '{"persons": ' + "[" * MAX_DEPTH + "]" * MAX_DEPTH + "}"
    with pytest.raises(LoadError, match="more than 100 levels deep"):
        parse(deep, format="json", source="council.json")


def _areas(depth: int) -> tuple[Area, ...]:
    area: Area | None = None
    for level in range(depth, 0, -1):
        area = Area(
            id=f"a{level}",
            name=f"Gebied {level}",
            level=AreaLevel.BUURT,
            areas=() if area is None else (area,),
        )
    assert area is not None
    return (area,)


@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_areas_as_deep_as_the_model_allows_are_written_and_read_back(fmt: str) -> None:
    land = Landscape(
        municipalities=(Municipality(id="delft", cbs_code="GM0503", areas=_areas(MAX_AREA_DEPTH)),)
    )
    assert loads(dumps(land, format=fmt), format=fmt) == land  # type: ignore[arg-type]


def test_areas_one_level_deeper_are_refused_where_they_go_too_deep() -> None:
    with pytest.raises(democratie.ModelError) as caught:
        Municipality(id="delft", cbs_code="GM0503", areas=_areas(MAX_AREA_DEPTH + 1))
    (problem,) = caught.value.problems
    assert (problem.code, problem.path) == ("too-deep", ".".join(["areas[0]"] * 33))


def test_thousands_of_levels_of_areas_are_refused_not_a_crash() -> None:
    with pytest.raises(democratie.ModelError, match="areas nest more than 32 levels deep"):
        Municipality(id="delft", cbs_code="GM0503", areas=_areas(5_000))


# --------------------------------------------------------------------------------------------
# Contact details stay private
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def imported() -> Landscape:
    """Real council data (Open Raadsinformatie, Heerde), whose people have e-mail addresses."""
    return load_ori(ORI_SAMPLE / "heerde_persons.json").landscape


def _emails(land: Landscape) -> set[str]:
    details = [d for p in land.people for d in p.contact]
    details += [d for o in land.organisations for d in o.contact]
    return {detail.value for detail in details if detail.kind is ContactKind.EMAIL}


def _text_of(data: bytes) -> str:
    """The text of an export; a zip archive (the CSV tables) is unpacked."""
    if data[:2] == b"PK":
        import io
        import zipfile

        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "\n".join(archive.read(name).decode("utf-8") for name in archive.namelist())
    return data.decode("utf-8")


def test_the_imported_data_has_contact_details(imported: Landscape) -> None:
    assert "gemeente@heerde.nl" in _emails(imported)


@pytest.mark.parametrize("name", [e.name for e in BUILTIN_EXPORTERS])
def test_no_export_of_imported_data_carries_an_email_address_unless_asked(
    imported: Landscape, name: str
) -> None:
    options = {"generated": "2025-03-01"}
    emails = _emails(imported)
    text = _text_of(export_bytes(imported, name, options=options))
    assert not {email for email in emails if email in text}
    private = _text_of(export_bytes(imported, name, include_private=True, options=options))
    if name in {"json", "toml", "popolo", "csv"}:
        assert {email for email in emails if email in private} == emails


def test_the_report_carries_no_contact_details(imported: Landscape) -> None:
    land = imported.add(
        Person(
            id="p-prive",
            name="Iemand Anders",
            contact=(
                ContactDetail(kind=ContactKind.EMAIL, value="iemand@example.org"),
                ContactDetail(kind=ContactKind.TELEFOON, value="+31 6 12345678"),
            ),
        )
    )
    for lang in ("nl", "en"):
        page = render(land, lang=lang)
        for secret in (*_emails(land), "12345678"):
            assert secret not in page


def test_the_command_line_export_leaves_contact_details_out(
    imported: Landscape, tmp_path: Path
) -> None:
    from democratie.cli import main

    source = tmp_path / "heerde.json"
    democratie.dump(imported, source)
    assert "gemeente@heerde.nl" in source.read_text("utf-8")  # the user's own file keeps them
    target = tmp_path / "heerde.popolo.json"
    assert main(["export", str(source), "--format", "popolo", "--output", str(target)]) == 0
    written = target.read_text("utf-8")
    assert not {email for email in _emails(imported) if email in written}


# --------------------------------------------------------------------------------------------
# Text cannot become markup in the report
# --------------------------------------------------------------------------------------------

PAYLOADS = (
    '<script>alert("x")</script>',
    '" onmouseover="alert(1)',
    "</style><img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "]]><!--",
)


class _Markup(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend(attrs)


def _markup(page: str) -> _Markup:
    parser = _Markup()
    parser.feed(page)
    return parser


def test_text_from_a_document_is_escaped_everywhere_in_the_report() -> None:
    land = examples.load("delft-zeven-van-delft")
    plain = _markup(render(land, lang="en"))
    hostile = " ".join(PAYLOADS)
    people = tuple(
        Person(id=f"p-{index}", name=f"{payload} {index}") for index, payload in enumerate(PAYLOADS)
    )
    land = Landscape(
        title=hostile,
        description=hostile,
        municipalities=land.municipalities,
        organisations=land.organisations,
        people=(*land.people, *people),
        roles=land.roles,
        initiatives=land.initiatives,
        networks=land.networks,
    )
    page = render(land, lang="en")
    found = _markup(page)
    assert found.tags.count("script") == plain.tags.count("script")
    assert "img" not in found.tags
    names = {name for name, _ in found.attributes}
    assert not {name for name in names if name.startswith("on")}
    for name, value in found.attributes:
        if name in {"href", "src"}:
            assert value is not None
            assert not value.lower().startswith("javascript:"), (name, value)
    for payload in PAYLOADS:
        if any(char in payload for char in '<>"'):
            assert payload not in page

"""The report in pages: when it splits, what each page holds, that its links resolve, writing.

A province of the synthetic nation at scale 1/16 (Limburg: 31 municipalities, 107
initiatives) is large enough to be split and fast enough for the suite; the whole of
Limburg at scale 1, the size the split is for, is in the slow test at the end.
"""

from __future__ import annotations

import html
import re
import time
from collections import Counter
from pathlib import Path, PurePosixPath

import pytest
from click.testing import CliRunner

import democratie
import democratie.examples
import democratie.report._pages as pages_module
from democratie.analysis import Analysis
from democratie.cli import cli
from democratie.errors import WriteError
from democratie.io import dump
from democratie.model import Initiative, Landscape, Municipality
from democratie.report import (
    PAGED_ABOVE,
    is_paged,
    pages_folder,
    render,
    render_pages,
    write_pages,
    write_report,
)
from democratie.synth import generate
from democratie.vocab import InitiativeKind

_HREF = re.compile(r'href="([^"]*)"')
_ID = re.compile(r'\sid="([^"]*)"')


@pytest.fixture(scope="module")
def limburg() -> Landscape:
    return generate(1 / 16, provinces=["Limburg"])


@pytest.fixture(scope="module")
def analysis(limburg: Landscape) -> Analysis:
    found = democratie.analyse(limburg, workers=1)
    found.scorecards  # noqa: B018 - scored once for every test of the module
    return found


@pytest.fixture(scope="module")
def pages(limburg: Landscape, analysis: Analysis) -> dict[str, str]:
    return render_pages(limburg, name="limburg", lang="en", analysis=analysis)


def _ids(page: str) -> set[str]:
    return set(_ID.findall(page))


def _subjects(count: int) -> Landscape:
    """One municipality and initiatives in it, *count* subjects in all."""
    return Landscape(
        municipalities=(Municipality(id="leusden", cbs_code="GM0327"),),
        initiatives=tuple(
            Initiative(
                id=f"plan-{n}",
                kind=InitiativeKind.EXPERIMENT,
                title=f"Plan {n}",
                municipalities=("leusden",),
            )
            for n in range(count - 1)
        ),
    )


def test_a_report_is_in_pages_above_the_threshold_only() -> None:
    assert not is_paged(_subjects(PAGED_ABOVE))
    assert is_paged(_subjects(PAGED_ABOVE + 1))
    assert list(render_pages(_subjects(PAGED_ABOVE), name="r")) == ["r.html"]
    assert list(render_pages(_subjects(PAGED_ABOVE + 1), name="r")) == [
        "r.html",
        "r-pages/leusden.html",
    ]


@pytest.mark.parametrize("name", democratie.examples.NAMES)
def test_the_seed_examples_stay_one_page_as_render_gives_it(name: str) -> None:
    land = democratie.examples.load(name)
    assert not is_paged(land)
    assert render_pages(land, name="r", lang="en") == {"r.html": render(land, lang="en")}


def test_a_page_per_municipality_named_by_its_id_in_the_folder_beside(
    limburg: Landscape, pages: dict[str, str]
) -> None:
    assert is_paged(limburg)
    folder = pages_folder("limburg")
    assert folder == "limburg-pages"
    assert list(pages) == ["limburg.html"] + [
        f"{folder}/{mun.id}.html" for mun in limburg.municipalities
    ]
    for path, page in pages.items():
        assert page.startswith("<!DOCTYPE html>"), path
        assert page.count("<h1>") == 1, path
        assert "Content-Security-Policy" in page, path


def test_every_link_resolves_to_a_page_and_an_element_of_it(pages: dict[str, str]) -> None:
    ids = {path: _ids(page) for path, page in pages.items()}
    checked = 0
    for path, page in pages.items():
        for href in map(html.unescape, _HREF.findall(page)):
            target, _, fragment = href.partition("#")
            if target:
                resolved = str(PurePosixPath(path).parent / target)
                resolved = str(PurePosixPath(*_normal(resolved)))
            else:
                resolved = path
            assert resolved in pages, f"{path}: {href} is no page of the report"
            if fragment:
                assert fragment in ids[resolved], f"{path}: {href} names no element there"
            checked += 1
    assert checked > 1_000


def _normal(path: str) -> list[str]:
    parts: list[str] = []
    for part in path.split("/"):
        if part == "..":
            parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return parts


def test_every_scorecard_and_initiative_is_on_exactly_one_page(
    limburg: Landscape, analysis: Analysis, pages: dict[str, str]
) -> None:
    found: Counter[str] = Counter()
    for page in pages.values():
        found.update(_ids(page))
    for card in analysis.scorecards.cards:
        assert found[f"card-{card.subject}"] == 1, card.subject
    for ini in limburg.initiatives:
        assert found[f"i-{ini.id}"] == 1, ini.id
    # A municipality's page has its card and the scorecards of its own initiatives.
    maastricht = pages["limburg-pages/maastricht.html"]
    assert 'id="m-maastricht"' in maastricht
    for ini in limburg.initiatives_in("maastricht"):
        if ini.municipalities == ("maastricht",):
            assert f'id="card-{ini.id}"' in maastricht


def test_the_landing_page_is_small_and_links_to_every_municipality(
    limburg: Landscape, analysis: Analysis, pages: dict[str, str]
) -> None:
    landing = pages["limburg.html"]
    whole = render(limburg, lang="en", analysis=analysis)
    assert len(landing) < len(whole) / 3
    assert len(landing.encode("utf-8")) < 1_000_000
    for key in ("overview", "progress", "scorecards", "graph", "krachtenveld", "coverage"):
        assert f'<section id="{key}"' in landing
    for mun in limburg.municipalities:
        assert f'href="limburg-pages/{mun.id}.html"' in landing
    assert 'id="municipality-pages"' in landing
    assert 'id="graph-svg"' in landing


def test_write_report_writes_the_pages_and_a_small_report_removes_them(
    limburg: Landscape, analysis: Analysis, tmp_path: Path
) -> None:
    landing = write_report(limburg, tmp_path, name="limburg", analysis=analysis)
    assert landing == tmp_path / "limburg.html"
    folder = tmp_path / "limburg-pages"
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        f"{mun.id}.html" for mun in limburg.municipalities
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["limburg-pages", "limburg.html"]
    # Written again, the pages are replaced whole, and nothing is left beside them.
    write_report(limburg, tmp_path, name="limburg", analysis=analysis)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["limburg-pages", "limburg.html"]
    small = democratie.examples.load("leusden-samenleving-voorop")
    write_report(small, tmp_path, name="limburg")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["limburg.html"]


def test_a_failed_write_leaves_the_report_that_was_there(
    limburg: Landscape, analysis: Analysis, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = render_pages(limburg, name="limburg", analysis=analysis)
    write_pages(pages, tmp_path)
    before = {p.relative_to(tmp_path): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    changed = {path: text.replace("<h1>", "<h1>New ") for path, text in pages.items()}

    def refuse(destination: object, data: bytes) -> Path:
        raise WriteError(str(destination), "No space left on device")

    monkeypatch.setattr(pages_module, "write_atomic", refuse)
    with pytest.raises(WriteError, match="No space left"):
        write_pages(changed, tmp_path)
    after = {p.relative_to(tmp_path): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert after == before
    # Where there was no report, a failure leaves nothing.
    elsewhere = tmp_path / "elsewhere"
    with pytest.raises(WriteError, match="No space left"):
        write_pages(changed, elsewhere)
    assert list(elsewhere.iterdir()) == []


def test_the_pages_must_be_one_landing_page_and_one_folder(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="one landing page"):
        write_pages({"a.html": "", "b.html": ""}, tmp_path)
    with pytest.raises(ValueError, match="a-pages/"):
        write_pages({"a.html": "", "elsewhere/b.html": ""}, tmp_path)
    with pytest.raises(ValueError, match="plain file name"):
        render_pages(_subjects(2), name="../up")
    assert list(tmp_path.iterdir()) == []


def test_progress_is_told_after_each_page(limburg: Landscape, analysis: Analysis) -> None:
    told: list[tuple[int, int]] = []
    render_pages(limburg, analysis=analysis, progress=lambda *step: told.append(step))
    total = len(limburg.municipalities) + 1
    assert told == [(done, total) for done in range(1, total + 1)]


def test_the_report_command_writes_pages_and_shows_progress_when_asked(
    limburg: Landscape, tmp_path: Path
) -> None:
    source = tmp_path / "limburg.json"
    dump(limburg, source)
    out = tmp_path / "out"
    args = ["--lang", "en", "report", str(source), "--output", str(out), "--as-of", "2025-01-01"]
    quiet = CliRunner().invoke(cli, [*args, "--workers", "1"])
    assert quiet.exit_code == 0, quiet.output
    assert quiet.stderr == ""
    name = "synthetic-province-limburg-31-municipalities-at-scale-1-16-seed-0.en"
    assert f"{name}.html and 31 pages in" in quiet.stdout
    assert sorted(p.name for p in out.iterdir()) == [f"{name}-pages", f"{name}.html"]
    shown = CliRunner().invoke(cli, [*args, "--workers", "1", "--progress"])
    assert shown.exit_code == 0, shown.output
    steps = [line.split(" ...")[0] for line in shown.stderr.splitlines()]
    assert steps == [
        f"loading {source}",
        "building the graph",
        "scoring 149 subjects",
        "rendering 32 pages",
        "writing",
    ]
    assert shown.stdout == quiet.stdout


@pytest.mark.slow
def test_a_province_at_full_scale_renders_in_seconds_and_opens_small() -> None:
    province = generate(1, provinces=["Limburg"])
    found = democratie.analyse(province)
    assert len(found.graph) > 40_000
    found.scorecards  # noqa: B018
    started = time.process_time()
    pages = render_pages(province, name="limburg", analysis=found)
    assert time.process_time() - started < 10
    assert len(pages) == 32
    assert len(pages["limburg.html"].encode("utf-8")) < 3_000_000

"""The report in pages: when it splits, what each page holds, that its links resolve, writing.

A province of the synthetic nation at scale 1/16 (Limburg: 31 municipalities, 107
initiatives) is large enough to be split and fast enough for the suite; the whole of
Limburg at scale 1, the size the split is for, is in the slow test at the end.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
import stat
import subprocess
import sys
from collections import Counter
from functools import partial
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

import attrs
import pytest
from click.testing import CliRunner

import democratie
import democratie.examples
import democratie.report._pages as pages_module
from democratie.analysis import Analysis
from democratie.cli import cli
from democratie.errors import WriteError
from democratie.exporters import _write
from democratie.io import dump
from democratie.model import Initiative, Landscape, Municipality
from democratie.report import (
    PAGE_BYTES,
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


def _links(pages: dict[str, str]) -> dict[str, set[str]]:
    """Per page, the pages it links to; every link must name a page and an element of it."""
    ids = {path: _ids(page) for path, page in pages.items()}
    found: dict[str, set[str]] = {}
    for path, page in pages.items():
        found[path] = set()
        for href in map(html.unescape, _HREF.findall(page)):
            target, _, fragment = href.partition("#")
            if target:
                # An address is URL-encoded; the file keeps its name.
                resolved = str(PurePosixPath(path).parent / unquote(target))
                resolved = str(PurePosixPath(*_normal(resolved)))
            else:
                resolved = path
            assert resolved in pages, f"{path}: {href} is no page of the report"
            if fragment:
                assert fragment in ids[resolved], f"{path}: {href} names no element there"
            found[path].add(resolved)
    return found


def _reachable(pages: dict[str, str], landing: str) -> set[str]:
    links = _links(pages)
    seen, todo = {landing}, [landing]
    while todo:
        for target in links[todo.pop()] - seen:
            seen.add(target)
            todo.append(target)
    return seen


def test_every_link_resolves_to_a_page_and_an_element_of_it(pages: dict[str, str]) -> None:
    links = _links(pages)
    assert sum(len(found) for found in links.values()) > 60
    assert _reachable(pages, "limburg.html") == set(pages)
    assert sum(page.count("href=") for page in pages.values()) > 1_000


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


def test_a_municipality_too_large_for_a_page_gets_several_and_nothing_is_lost(
    limburg: Landscape, analysis: Analysis, pages: dict[str, str]
) -> None:
    assert PAGE_BYTES == 3_000_000
    assert max(len(page.encode("utf-8")) for page in pages.values()) < PAGE_BYTES
    # Brunssum's page is the largest at this scale: a bound below it splits it.
    largest = max(len(pages[f"limburg-pages/{m.id}.html"].encode()) for m in limburg.municipalities)
    bound = largest // 3
    split = render_pages(limburg, name="limburg", lang="en", analysis=analysis, page_bytes=bound)
    extra = [path for path in split if re.fullmatch(r"limburg-pages/[a-z0-9_-]+\.\d+\.html", path)]
    assert len(extra) >= 2, list(split)
    assert set(pages) < set(split)
    for path, page in split.items():
        if path == "limburg.html":
            continue
        size = len(page.encode("utf-8"))
        # Over the bound only a page of one initiative or network, which cannot be shared.
        assert size <= bound or len(re.findall(r'<(?:article|div)[^>]* id="[in]-', page)) <= 1, (
            path,
            size,
        )
    # Every scorecard, initiative and network is on exactly one page, linked from the others.
    found: Counter[str] = Counter()
    for page in split.values():
        found.update(_ids(page))
    for card in analysis.scorecards.cards:
        assert found[f"card-{card.subject}"] == 1, card.subject
    for ini in limburg.initiatives:
        assert found[f"i-{ini.id}"] == 1, ini.id
    for net in limburg.networks:
        assert found[f"n-{net.id}"] == 1, net.id
    assert _reachable(split, "limburg.html") == set(split)
    # A municipality's first page has its card and lists its pages, the others point back.
    stem = extra[0].rsplit(".", 2)[0]
    first, others = split[f"{stem}.html"], [p for p in extra if p.startswith(f"{stem}.")]
    mun = stem.removeprefix("limburg-pages/")
    assert f'id="m-{mun}"' in first
    for other in others:
        assert f'href="{PurePosixPath(other).name}"' in first
        assert f'href="{PurePosixPath(stem).name}.html#m-{mun}"' in split[other]
        assert f'id="m-{mun}"' not in split[other]
    # The same input gives the same pages.
    again = render_pages(limburg, name="limburg", lang="en", analysis=analysis, page_bytes=bound)
    assert again == split


def test_odd_report_names_are_url_encoded_in_links_and_kept_in_file_names(
    analysis: Analysis, limburg: Landscape, tmp_path: Path
) -> None:
    name = "verslag #1 ?ü% 50"
    pages = render_pages(limburg, name=name, lang="en", analysis=analysis)
    folder = pages_folder(name)
    assert list(pages)[:2] == [f"{name}.html", f"{folder}/landgraaf.html"]
    encoded = "verslag%20%231%20%3F%C3%BC%25%2050"
    assert f'href="{encoded}-pages/landgraaf.html"' in pages[f"{name}.html"]
    assert f'href="../{encoded}.html"' in pages[f"{folder}/landgraaf.html"]
    assert not [h for page in pages.values() for h in _HREF.findall(page) if " " in h or "ü" in h]
    assert _reachable(pages, f"{name}.html") == set(pages)
    write_pages(pages, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [folder, f"{name}.html"]
    assert (tmp_path / folder / "landgraaf.html").is_file()


def test_a_municipality_whose_id_is_no_plain_file_name_gets_a_page_all_the_same() -> None:
    land = _subjects(PAGED_ABOVE + 1)
    odd = Municipality(id="m50.leerkring", name="Leerkring")
    land = Landscape(
        municipalities=(*land.municipalities, odd),
        initiatives=(
            *land.initiatives,
            Initiative(
                id="kring.1",
                kind=InitiativeKind.EXPERIMENT,
                title="Kring",
                municipalities=("m50.leerkring",),
            ),
        ),
    )
    pages = render_pages(land, name="r", lang="en")
    assert list(pages) == ["r.html", "r-pages/leusden.html", "r-pages/gemeente-2.html"]
    assert 'id="i-kring.1"' in pages["r-pages/gemeente-2.html"]
    assert _reachable(pages, "r.html") == set(pages)


def test_a_municipality_page_shows_the_progress_of_its_own_initiatives(
    limburg: Landscape, pages: dict[str, str]
) -> None:
    shown = 0
    for mun in limburg.municipalities:
        page = pages[f"limburg-pages/{mun.id}.html"]
        assert '<section id="progress"' in page
        own = {ini.id for ini in limburg.initiatives if ini.municipalities == (mun.id,)}
        drawn = set(re.findall(r'id="tl-([^"]+)-h"', page))
        assert drawn <= own, mun.id
        assert drawn or not own, mun.id
        shown += len(drawn)
        assert set(re.findall(r'<h4 id="goals-([^"]+)"', page)) <= {mun.id}
    assert shown > 40
    # An initiative's timeline is on its municipality's page, with its milestones.
    maastricht = pages["limburg-pages/maastricht.html"]
    timelines = re.findall(r'id="tl-([^"]+)-h"', maastricht)
    ini = next(i for i in limburg.initiatives if i.id in timelines and i.milestones)
    assert all(html.escape(m.title) in maastricht for m in ini.milestones)


_KILLED_MID_SWAP = """
import os, sys
from pathlib import Path
from democratie.exporters import _write
from democratie.report import write_pages
folder, how = Path(sys.argv[1]), sys.argv[2]
if how == "two-moves":
    _write._exchange = lambda first, second: False
    real = Path.replace
    def killed_after_the_first_move(self, other):
        moved = real(self, other)
        if Path(other).name == "r-pages" and Path(other).parent != folder:
            os._exit(9)  # as kill -9 between the two moves
        return moved
    Path.replace = killed_after_the_first_move
else:
    def killed_after_the_exchange(*args, **kwargs):
        os._exit(9)
    _write.shutil.rmtree = killed_after_the_exchange
write_pages({"r.html": "<p>new</p>", "r-pages/b.html": "<p>new b</p>"}, folder)
"""


def _killed(folder: Path, how: str) -> int:
    done = subprocess.run(
        [sys.executable, "-c", _KILLED_MID_SWAP, str(folder), how],
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
        check=False,
        capture_output=True,
    )
    return done.returncode


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


_OLD = {"r.html": "<p>old</p>", "r-pages/a.html": "<p>old a</p>"}


def test_a_kill_between_the_two_moves_is_undone_by_the_next_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_pages(_OLD, tmp_path)
    before = _files(tmp_path)
    assert _killed(tmp_path, "two-moves") == 9
    # The old pages wait in a hidden folder; the old landing page is as it was.
    assert not (tmp_path / "r-pages").exists()
    assert (tmp_path / "r.html").read_text() == "<p>old</p>"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".old")] != []

    # The next write puts them back first: when it fails, the old report is whole again.
    def refuse(destination: object, data: bytes) -> Path:
        raise WriteError(str(destination), "No space left on device")

    monkeypatch.setattr(pages_module, "write_atomic", refuse)
    with pytest.raises(WriteError):
        write_pages({"r.html": "<p>new</p>", "r-pages/b.html": "<p>b</p>"}, tmp_path)
    monkeypatch.undo()
    assert {k: v for k, v in _files(tmp_path).items() if not k.startswith(".")} == before
    # (The killed process left its unfinished new folder, which nothing reads.)
    left = sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(".tmp"))
    assert left == ["r-pages", "r.html"]
    # Killed again, then written: the new report, and no old pages left aside.
    assert _killed(tmp_path, "two-moves") == 9
    write_pages({"r.html": "<p>new</p>", "r-pages/b.html": "<p>b</p>"}, tmp_path)
    shown = {k: v for k, v in _files(tmp_path).items() if not k.startswith(".")}
    assert shown == {"r.html": b"<p>new</p>", "r-pages/b.html": b"<p>b</p>"}
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".old")] == []


def test_where_folders_trade_places_a_kill_never_leaves_the_pages_missing(tmp_path: Path) -> None:
    probe_a, probe_b = tmp_path / "a", tmp_path / "b"
    probe_a.mkdir()
    probe_b.mkdir()
    if not _write._exchange(probe_a, probe_b):
        pytest.skip("this system cannot exchange two folders in one step")
    out = tmp_path / "out"
    write_pages(_OLD, out)
    assert _killed(out, "exchange") == 9
    assert (out / "r-pages" / "b.html").read_text() == "<p>new b</p>"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
@pytest.mark.parametrize("mask", [0o022, 0o077])
def test_written_files_and_folders_get_the_umask_the_process_has(
    mask: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = os.umask(mask)
    try:
        # Setting the umask to read it would change it for every thread for a moment.
        def no_umask(value: int) -> int:
            raise AssertionError("the umask is set while writing")

        monkeypatch.setattr(os, "umask", no_umask)
        write_pages(_OLD, tmp_path)
        democratie.export(_subjects(3), "csv", tmp_path / "tables")
        dump(_subjects(3), tmp_path / "land.json")
    finally:
        monkeypatch.undo()
        os.umask(old)
    modes = {
        p.relative_to(tmp_path).as_posix(): stat.S_IMODE(p.stat().st_mode)
        for p in tmp_path.rglob("*")
    }
    assert modes["r.html"] == modes["r-pages/a.html"] == modes["land.json"] == 0o666 & ~mask
    assert modes["r-pages"] == modes["tables"] == 0o777 & ~mask
    assert {modes[k] for k in modes if k.startswith("tables/")} == {0o666 & ~mask}
    # A file written again keeps the mode it has.
    (tmp_path / "r.html").chmod(0o600)
    write_pages(_OLD, tmp_path)
    assert stat.S_IMODE((tmp_path / "r.html").stat().st_mode) == 0o600


def test_a_municipality_page_shows_its_indicators_by_area() -> None:
    land = democratie.examples.load("stichtse-vecht-gebiedsgericht-werken")
    day = dt.date(2023, 6, 30)
    page = render_pages(land, name="r", lang="en", paged=True, as_of=day)[
        "r-pages/stichtse-vecht.html"
    ]
    assert '<h4 id="goals-stichtse-vecht"' in page
    # Without its own indicators and its initiative's, the municipality measures nothing.
    bare = attrs.evolve(
        land,
        municipalities=tuple(attrs.evolve(mun, indicators=()) for mun in land.municipalities),
        initiatives=tuple(attrs.evolve(ini, indicators=()) for ini in land.initiatives),
    )
    page = render_pages(bare, name="r", lang="en", paged=True, as_of=day)[
        "r-pages/stichtse-vecht.html"
    ]
    assert 'id="goals-stichtse-vecht"' not in page
    assert '<section id="progress"' in page


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
        "rendering the pages of 31 municipalities",
        "writing 32 pages",
    ]
    assert shown.stdout == quiet.stdout


def test_the_progress_counts_the_pages_written_when_a_municipality_takes_several(
    limburg: Landscape, pages: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A bound below the largest municipality page splits it, as a large province does at
    # the real PAGE_BYTES.
    largest = max(len(pages[f"limburg-pages/{m.id}.html"].encode()) for m in limburg.municipalities)
    monkeypatch.setattr(
        democratie.report, "render_pages", partial(render_pages, page_bytes=largest // 3)
    )
    source = tmp_path / "limburg.json"
    dump(limburg, source)
    out = tmp_path / "out"
    args = ["--lang", "en", "report", str(source), "--output", str(out), "--as-of", "2025-01-01"]
    result = CliRunner().invoke(cli, [*args, "--workers", "1", "--progress"])
    assert result.exit_code == 0, result.output
    written = 1 + sum(1 for folder in out.iterdir() if folder.is_dir() for _ in folder.iterdir())
    assert written > len(limburg.municipalities) + 1
    steps = [line.split(" ...")[0] for line in result.stderr.splitlines()]
    assert steps[-2:] == ["rendering the pages of 31 municipalities", f"writing {written} pages"]
    assert f"and {written - 1} pages in" in result.stdout


@pytest.mark.slow
def test_a_province_at_full_scale_opens_small() -> None:
    # How long it takes is measured by benchmarks/bench_report.py (render under 10 s, the
    # command under 30 s of CPU), not timed here, where it shares the machine with others.
    province = generate(1, provinces=["Limburg"])
    found = democratie.analyse(province)
    assert len(found.graph) > 40_000
    pages = render_pages(province, name="limburg", analysis=found)
    # A page per municipality, and more for those too large for one.
    assert len(pages) > 32
    assert len(pages["limburg.html"].encode("utf-8")) < 3_000_000
    assert max(len(page.encode("utf-8")) for page in pages.values()) < PAGE_BYTES
    assert _reachable(pages, "limburg.html") == set(pages)


def test_the_docs_name_the_files_the_command_and_write_report_write(
    limburg: Landscape, tmp_path: Path
) -> None:
    source = tmp_path / "limburg.json"
    dump(limburg, source)
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["--lang", "nl", "report", str(source), "--output", str(out)])
    assert result.exit_code == 0, result.output
    stem = "synthetic-province-limburg-31-municipalities-at-scale-1-16-seed-0.nl"
    assert sorted(p.name for p in out.iterdir()) == [f"{stem}-pages", f"{stem}.html"]
    written = write_report(limburg, tmp_path / "py", name="limburg")
    assert sorted(p.name for p in written.parent.iterdir()) == ["limburg-pages", "limburg.html"]
    # What the help and the how-to say matches.
    help_text = " ".join(CliRunner().invoke(cli, ["report", "--help"]).output.split())
    assert "OUTPUT/NAME.LANG.html" in help_text
    assert "OUTPUT/NAME.LANG-pages/" in help_text
    guide = " ".join(
        (Path(__file__).parents[1] / "docs" / "how-to" / "report.md").read_text("utf-8").split()
    )
    assert "The command line writes the landing page as `<name>.<lang>.html`" in guide
    assert "`<name>.<lang>-pages/`" in guide
    assert "`write_report` and `render_pages` from Python write `<name>.html`" in guide

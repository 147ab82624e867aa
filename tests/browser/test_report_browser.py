"""The HTML reports in a real browser: they render without errors, load nothing, and work.

Each seed example's report, in Dutch and English, is written to the screenshot folder and
opened in headless Chromium from a ``file://`` URL. A test fails on any console error, any
uncaught exception, and any request other than the report itself; it checks with DOM
queries that the graph and the scorecards are there, that zoom and the colour switch work,
that nothing overflows the page sideways and that printing hides the controls; and it saves a
screenshot of the page and of the graph for people to review.

Run them with ``nox -s browser``, or ``pytest -m browser`` where Chromium and Playwright are
installed (see ``conftest.py``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import democratie
import democratie.examples
from democratie.model import Landscape
from democratie.plugins import score
from democratie.report import LANGUAGES, write_report

if TYPE_CHECKING:
    from playwright.sync_api import ConsoleMessage, Page, Request

pytestmark = pytest.mark.browser

ASSESSED = """
format = "democratie/1"
title = "Wijkaanpak Zuid"

[[municipalities]]
id = "leusden"
cbs_code = "GM0327"
wijk_count = 4
[municipalities.council]
assessment = { power = 0.9, interest = 0.4, legitimacy = 0.9, urgency = 0.3 }
[municipalities.college]
assessment = { power = 0.8, interest = 0.8, legitimacy = 0.9, urgency = 0.7 }

[[organisations]]
id = "bewoners-zuid"
name = "Bewonersgroep Zuid"
kind = "bewonersgroep"
municipality = "leusden"
assessment = { power = 0.2, interest = 0.9, legitimacy = 0.7, urgency = 0.9 }

[[organisations]]
id = "woonstichting"
name = "Woonstichting De Ploeg"
kind = "woningcorporatie"
municipality = "leusden"
assessment = { power = 0.7, interest = 0.6 }

[[organisations]]
id = "ondernemers"
name = "Ondernemersvereniging Leusden"
kind = "vereniging"
sector = "markt"
municipality = "leusden"
assessment = { power = 0.3, interest = 0.2 }

[[initiatives]]
id = "wijkaanpak-zuid"
kind = "programma"
title = "Wijkaanpak Zuid"
municipalities = ["leusden"]
domains = ["welzijn"]
required_domains = ["welzijn", "sport"]
participants = [
  { actor = "bewoners-zuid", role = "deelnemer" },
  { actor = "woonstichting", role = "partner" },
  { actor = "ondernemers", role = "deelnemer" },
  { actor = "leusden-college", role = "deelnemer" },
]
"""

HOSTILE = """
format = "democratie/1"
title = '<img src=x onerror="window.__pwned = 1">'

[[organisations]]
id = "evil"
name = '<script>window.__pwned = 2</script>'
kind = "stichting"

[[initiatives]]
id = "plan"
kind = "experiment"
title = '"><svg onload="window.__pwned = 3">'
participants = [{ actor = "evil" }]
"""


@dataclass
class Watch:
    """What a page reported while it loaded: console messages, errors and requests."""

    url: str
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(f"console error: {message.text}")

    def page_error(self, error: Exception) -> None:
        self.errors.append(f"uncaught: {error}")

    def request(self, request: Request) -> None:
        if request.url != self.url:
            self.requests.append(request.url)


def _open(page: Page, path: Path) -> Watch:
    watch = Watch(url=path.resolve().as_uri())
    page.on("console", watch.console)
    page.on("pageerror", watch.page_error)
    page.on("request", watch.request)
    page.goto(watch.url, wait_until="load")
    return watch


def _report(land: Landscape, folder: Path, name: str, lang: str) -> Path:
    return write_report(land, folder, name=f"{name}.{lang}", lang=lang)


def _check_clean(watch: Watch) -> None:
    assert watch.errors == [], "the page reported errors"
    assert watch.requests == [], "the page asked for something other than itself"


def _check_layout(page: Page) -> None:
    assert page.evaluate("document.documentElement.classList.contains('js')"), "no script ran"
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 1, f"the page scrolls sideways by {overflow}px"
    assert page.locator("h1").count() == 1


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", democratie.examples.NAMES)
def test_seed_report_renders_in_chromium(
    page: Page, screenshots: Path, name: str, lang: str
) -> None:
    land = democratie.examples.load(name)
    path = _report(land, screenshots, name, lang)
    watch = _open(page, path)

    _check_clean(watch)
    _check_layout(page)
    graph = page.locator("#graph-svg")
    assert graph.is_visible()
    box = graph.bounding_box()
    assert box is not None
    assert box["width"] > 600
    assert box["height"] > 300
    assert page.locator("#graph-svg .node").count() > 0
    assert page.locator("#graph-svg .edge").count() > 0
    cards = score(land)
    assert page.locator("#scorecards section.scorecard").count() == len(cards) > 0
    for subject in cards:
        applicable = len(cards[subject].applicable)
        assert page.locator(f"#card-{subject} tbody tr").count() == applicable

    page.screenshot(path=str(screenshots / f"{name}.{lang}.png"), full_page=True)
    page.locator("#graph-figure").screenshot(path=str(screenshots / f"{name}.{lang}.graph.png"))
    _check_clean(watch)


def test_the_graph_zooms_pans_and_switches_colour(page: Page, screenshots: Path) -> None:
    land = democratie.examples.load("m50-leerkring-waalwijk")
    path = write_report(land, screenshots, name="m50-leerkring-waalwijk.interaction", lang="en")
    watch = _open(page, path)
    viewport = page.locator("#graph-svg g.viewport")
    figure = page.locator("#graph-figure")

    page.locator("button[data-zoom=in]").click()
    assert "scale(1.25)" in (viewport.get_attribute("transform") or "")
    page.locator("button[data-zoom=reset]").click()
    assert viewport.get_attribute("transform") == "translate(0 0) scale(1)"

    box = page.locator("#graph-svg").bounding_box()
    assert box is not None
    centre_x, centre_y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(centre_x, centre_y)
    page.mouse.wheel(0, -200)
    zoomed = viewport.get_attribute("transform") or ""
    assert "scale(1)" not in zoomed
    page.mouse.down()
    page.mouse.move(centre_x + 80, centre_y + 40, steps=4)
    page.mouse.up()
    assert viewport.get_attribute("transform") != zoomed

    page.locator("button[data-zoom=reset]").click()
    organisation = page.locator("#graph-svg .node.k-organisation .shape").first
    by_kind = organisation.evaluate("e => getComputedStyle(e).fill")
    page.get_by_label("sector").check()
    assert "by-sector" in (figure.get_attribute("class") or "")
    by_sector = organisation.evaluate("e => getComputedStyle(e).fill")
    assert by_kind != by_sector
    assert page.locator(".legend-sector").is_visible()
    assert not page.locator(".legend-kind").is_visible()
    figure.screenshot(path=str(screenshots / "m50-leerkring-waalwijk.en.by-sector.png"))

    page.emulate_media(media="print")
    assert page.locator("#graph-figure .controls").evaluate("e => getComputedStyle(e).display") == (
        "none"
    )
    assert page.locator("nav.toc").evaluate("e => getComputedStyle(e).display") == "none"
    _check_clean(watch)


def test_the_summary_is_visible_first_and_links_to_its_evidence(
    page: Page, screenshots: Path
) -> None:
    land = democratie.load(
        Path(__file__).parents[2] / "examples/democratie-in-actie-noord-nederland.toml"
    )
    path = write_report(land, screenshots, name="summary.en", lang="en", as_of=dt.date(2024, 1, 1))
    watch = _open(page, path)
    _check_clean(watch)
    summary = page.locator("#summary")
    assert summary.is_visible()
    findings = page.locator("#findings > li")
    assert 1 <= findings.count() <= 5
    link = page.locator("#findings a").first
    target = (link.get_attribute("href") or "")[1:]
    assert target
    link.click()
    assert page.evaluate("location.hash") == f"#{target}"
    assert page.locator(f"[id='{target}']").is_visible()
    assert page.locator("#record-next-table tbody tr").count() > 0
    summary.screenshot(path=str(screenshots / "summary.en.png"))
    _check_clean(watch)


def test_the_krachtenveld_grid_renders(page: Page, screenshots: Path) -> None:
    path = _report(democratie.loads(ASSESSED), screenshots, "krachtenveld", "nl")
    watch = _open(page, path)
    _check_clean(watch)
    _check_layout(page)
    grid = page.locator("#krachtenveld-svg")
    assert grid.is_visible()
    assert page.locator("#krachtenveld-svg .kv-mark").count() == 5
    assert page.locator("#krachtenveld-table tbody tr").count() == 5
    page.locator("#krachtenveld").screenshot(path=str(screenshots / "krachtenveld.nl.png"))


def test_hostile_text_stays_text(page: Page, screenshots: Path) -> None:
    path = _report(democratie.loads(HOSTILE), screenshots, "hostile", "en")
    watch = _open(page, path)
    _check_clean(watch)
    assert page.evaluate("window.__pwned") is None
    assert page.locator("h1").inner_text() == '<img src=x onerror="window.__pwned = 1">'
    assert page.locator("script").count() == 1
    assert page.locator("img").count() == 0


def test_the_report_prints(page: Page, screenshots: Path) -> None:
    name = "delft-zeven-van-delft"
    path = _report(democratie.examples.load(name), screenshots, name, "nl")
    watch = _open(page, path)
    pdf = screenshots / f"{name}.nl.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    _check_clean(watch)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page\b", data)) > 1


def test_a_large_report_opens_at_its_landing_page_and_links_to_municipalities(
    page: Page, screenshots: Path
) -> None:
    from democratie.report import is_paged
    from democratie.synth import generate

    land = generate(1 / 16, provinces=["Limburg"])
    assert is_paged(land)
    landing = write_report(land, screenshots, name="limburg.en", lang="en")
    watch = _open(page, landing)

    _check_clean(watch)
    _check_layout(page)
    assert page.locator("#overview").is_visible()
    assert page.locator("#paged").is_visible()
    assert page.locator("#municipality-pages tbody tr").count() == len(land.municipalities)
    assert page.locator("#graph-svg .node").count() > 0
    page.screenshot(path=str(screenshots / "limburg.en.png"))

    # Following a link is navigation to a file of the report, not a request it makes.
    link = page.locator('#municipality-pages a[href="limburg.en-pages/maastricht.html"]')
    with page.expect_navigation():
        link.click()
    arrived = landing.parent / "limburg.en-pages" / "maastricht.html"
    assert page.url == arrived.resolve().as_uri()
    assert page.locator("h1").inner_text() == "Maastricht"
    assert page.locator("#m-maastricht").is_visible()
    assert page.locator("#scorecards section.scorecard").count() > 1
    assert watch.errors == []
    assert watch.requests == [page.url], "the municipality's page asked for something"
    page.screenshot(path=str(screenshots / "limburg.en.maastricht.png"))

    with page.expect_navigation():
        page.locator('a[rel="up"]').click()
    assert page.url == landing.resolve().as_uri()
    assert watch.errors == []

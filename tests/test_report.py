"""The HTML report: structure, accessibility, self-containment, determinism and escaping.

Every seed example is rendered in both languages and read back with the standard library's
HTML parser, so these tests need no browser; ``tests/browser/`` opens the same reports in
Chromium.
"""

from __future__ import annotations

import base64
import datetime as dt
import doctest
import hashlib
import importlib
import itertools
import os
import pkgutil
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from attrs import evolve
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import democratie
import democratie.examples
import democratie.monitor
import democratie.report
from democratie.errors import WriteError
from democratie.graph import NODE_KINDS, RELATIONS, build_graph
from democratie.model import (
    Evaluation,
    Indicator,
    Initiative,
    Landscape,
    Measurement,
    Meeting,
    Municipality,
    Network,
    Period,
)
from democratie.plugins import score
from democratie.report import LANGUAGES, MAX_GRAPH_NODES, SECTIONS, render, write_report
from democratie.report._assets import (
    CSS,
    KIND_COLOURS,
    OUTLINE,
    PAGE,
    SCRIPT,
    SECTOR_COLOURS,
    TEXT_COLOURS,
)
from democratie.report._layout import component_layout, spring_layout
from democratie.report._progress import ROW_LIMIT, _has_dates, _measured, timeline_of
from democratie.report._sections import LIST_LIMIT
from democratie.report._text import NODE_KIND_LABELS, NOUNS, RELATION_LABELS, STRINGS, Text
from democratie.scoring import Bilingual, Evidence, Score, Scorecard, Scorecards
from democratie.testing.strategies import landscapes
from democratie.vocab import AreaLevel, Direction, MeetingKind, Sector, ServiceGoal

ROOT = Path(__file__).resolve().parents[1]

# --------------------------------------------------------------------------------------------
# Reading a page back
# --------------------------------------------------------------------------------------------

_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
_URL_ATTRIBUTES = frozenset(
    {"src", "href", "xlink:href", "action", "formaction", "srcset", "poster", "data", "background"}
)


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    parent: Element | None
    children: list[Element] = field(default_factory=list)
    text: list[str] = field(default_factory=list)

    def iter(self) -> Iterator[Element]:
        yield self
        for child in self.children:
            yield from child.iter()

    def find_all(self, tag: str) -> list[Element]:
        return [e for e in self.iter() if e.tag == tag]

    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def all_text(self) -> str:
        return "".join(self.text) + "".join(c.all_text() for c in self.children)


class _Reader(HTMLParser):
    """Build a tree of elements, and note everything a test needs along the way."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {}, None)
        self.current = self.root
        self.doctype: str | None = None
        self.raw: dict[str, list[str]] = {"script": [], "style": []}

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(element)
        if tag not in _VOID:
            self.current = element

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.current.children.append(Element(tag, {k: v or "" for k, v in attrs}, self.current))

    def handle_endtag(self, tag: str) -> None:
        node: Element | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        assert node is not None, f"stray </{tag}>"
        assert node.parent is not None
        self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.text.append(data)
        if self.current.tag in self.raw:
            self.raw[self.current.tag].append(data)


@dataclass
class Page:
    html: str
    root: Element
    reader: _Reader

    @property
    def elements(self) -> list[Element]:
        return list(self.root.iter())

    def by_id(self, ident: str) -> Element:
        found = [e for e in self.elements if e.attrs.get("id") == ident]
        assert len(found) == 1, f"{len(found)} elements with id {ident!r}"
        return found[0]

    def has_id(self, ident: str) -> bool:
        return any(e.attrs.get("id") == ident for e in self.elements)


def read(html: str) -> Page:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    assert reader.current is reader.root, f"<{reader.current.tag}> is never closed"
    return Page(html, reader.root, reader)


@pytest.fixture(scope="module")
def seed_pages() -> dict[tuple[str, str], Page]:
    pages: dict[tuple[str, str], Page] = {}
    for name in democratie.examples.NAMES:
        land = democratie.examples.load(name)
        for lang in LANGUAGES:
            pages[name, lang] = read(render(land, lang=lang))
    return pages


SEEDS = [(name, lang) for name in democratie.examples.NAMES for lang in LANGUAGES]

ASSESSED = """
format = "democratie/1"
title = "Wijkaanpak Zuid"

[[municipalities]]
id = "leusden"
cbs_code = "GM0327"
wijk_count = 4
[municipalities.council]
assessment = { power = 0.9, interest = 0.4, legitimacy = 0.9, urgency = 0.3 }

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

[[people]]
id = "p-anna"
name = "Anna de Vries"
assessment = { power = 0.6 }

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
  { actor = "p-anna", role = "kartrekker" },
]
lessons = [{ text = "Begin bij de vragen van bewoners.", kind = "doen", transferable = true }]
"""

HOSTILE_NAME = '<script>alert("x")</script>'
HOSTILE_TITLE = '"><img src=x onerror=alert(1)>'
HOSTILE_LESSON = "</style><style>body{display:none}</style> & </li></ul>"
HOSTILE = f"""
format = "democratie/1"
title = '{HOSTILE_TITLE}'

[[municipalities]]
id = "leusden"
cbs_code = "GM0327"

[[organisations]]
id = "evil"
name = '{HOSTILE_NAME}'
kind = "stichting"
municipality = "leusden"
description = "<b>bold</b> &amp;"
assessment = {{ power = 0.8, interest = 0.8 }}

[[initiatives]]
id = "plan"
kind = "experiment"
title = '{HOSTILE_TITLE}'
municipalities = ["leusden"]
goals = ["<iframe src='https://example.org'></iframe>"]
participants = [{{ actor = "evil", role = "kartrekker" }}]
lessons = [{{ text = '{HOSTILE_LESSON}', kind = "niet_doen" }}]
"""


# --------------------------------------------------------------------------------------------
# Every seed example, in both languages
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "lang"), SEEDS)
def test_seed_report_has_every_section_and_its_pictures(
    seed_pages: dict[tuple[str, str], Page], name: str, lang: str
) -> None:
    page = seed_pages[name, lang]
    assert page.reader.doctype == "DOCTYPE html"
    html = page.root.find_all("html")
    assert [e.attrs.get("lang") for e in html] == [lang]
    for section in SECTIONS:
        assert page.by_id(section).tag == "section"
    graph = page.by_id("graph-svg")
    assert graph.tag == "svg"
    assert any("node" in e.classes() for e in graph.iter())
    assert any("edge" in e.classes() for e in graph.iter())
    land = democratie.examples.load(name)
    cards = score(land)
    assert len(cards) > 0
    for subject in cards:
        card = page.by_id(f"card-{subject}")
        assert card.find_all("table"), f"the scorecard of {subject} has no table"
        # the scores that do not apply are summarised under "what to record next"
        assert len(card.find_all("tr")) == len(cards[subject].applicable) + 1


@pytest.mark.parametrize(("name", "lang"), SEEDS)
def test_seed_report_headings_nest_and_there_is_one_h1(
    seed_pages: dict[tuple[str, str], Page], name: str, lang: str
) -> None:
    page = seed_pages[name, lang]
    levels = [int(e.tag[1]) for e in page.elements if re.fullmatch(r"h[1-6]", e.tag)]
    assert levels[0] == 1
    assert levels.count(1) == 1
    jumps = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
    assert jumps == [], "a heading skips a level"
    assert all(e.all_text().strip() for e in page.elements if re.fullmatch(r"h[1-6]", e.tag))


@pytest.mark.parametrize(("name", "lang"), SEEDS)
def test_seed_report_is_self_contained(
    seed_pages: dict[tuple[str, str], Page], name: str, lang: str
) -> None:
    page = seed_pages[name, lang]
    ids = {e.attrs["id"] for e in page.elements if "id" in e.attrs}
    for element in page.elements:
        for attribute, value in element.attrs.items():
            if attribute in _URL_ATTRIBUTES:
                assert attribute == "href", f"<{element.tag} {attribute}=...>: loads something"
                assert value.startswith("#"), f"an external link: {value}"
                assert value[1:] in ids, f"a link to a missing id: {value}"
    assert not page.root.find_all("link")
    assert not page.root.find_all("img")
    assert not page.root.find_all("iframe")
    assert [s.attrs for s in page.root.find_all("script")] == [{}], "one inline script only"
    assert "url(" not in CSS
    assert "@import" not in CSS
    assert "fetch(" not in SCRIPT
    assert "XMLHttpRequest" not in SCRIPT


@pytest.mark.parametrize(("name", "lang"), SEEDS)
def test_seed_report_is_accessible(
    seed_pages: dict[tuple[str, str], Page], name: str, lang: str
) -> None:
    page = seed_pages[name, lang]
    ids = [e.attrs["id"] for e in page.elements if "id" in e.attrs]
    assert len(ids) == len(set(ids)), "an id is used twice"
    for svg in page.root.find_all("svg"):
        if svg.attrs.get("aria-hidden") == "true":
            continue
        assert svg.attrs.get("role") == "img"
        labelled = svg.attrs["aria-labelledby"].split()
        assert [page.by_id(ident).tag for ident in labelled] == ["title", "desc"]
        assert all(page.by_id(ident).all_text().strip() for ident in labelled)
    for table in page.root.find_all("table"):
        assert table.find_all("caption"), "a table without a caption"
        for header in table.find_all("th"):
            assert header.attrs.get("scope") in ("col", "row")
    for control in page.root.find_all("button"):
        assert control.attrs.get("aria-label") or control.all_text().strip()
        assert control.attrs.get("type") == "button"
    for field_ in page.root.find_all("input"):
        assert field_.parent is not None
        assert field_.parent.tag == "label"
    main = page.root.find_all("main")
    assert len(main) == 1
    assert main[0].attrs["id"] == "main"


@pytest.mark.parametrize(("name", "lang"), SEEDS)
def test_seed_report_policy_allows_exactly_its_own_style_and_script(
    seed_pages: dict[tuple[str, str], Page], name: str, lang: str
) -> None:
    page = seed_pages[name, lang]
    metas = [
        m.attrs["content"]
        for m in page.root.find_all("meta")
        if m.attrs.get("http-equiv") == "Content-Security-Policy"
    ]
    assert len(metas) == 1
    policy = {}
    for part in metas[0].split(";"):
        directive, _, value = part.strip().partition(" ")
        policy[directive] = value
    assert policy["default-src"] == "'none'"

    def digest(text: str) -> str:
        raw = hashlib.sha256(text.encode("utf-8")).digest()
        return f"'sha256-{base64.b64encode(raw).decode('ascii')}'"

    assert policy["script-src"] == digest("".join(page.reader.raw["script"]))
    assert policy["style-src"] == digest("".join(page.reader.raw["style"]))
    assert not any("style" in e.attrs for e in page.elements), "a style attribute is blocked"


def test_the_languages_differ_in_their_fixed_text(seed_pages: dict[tuple[str, str], Page]) -> None:
    nl = seed_pages["delft-zeven-van-delft", "nl"]
    en = seed_pages["delft-zeven-van-delft", "en"]
    assert nl.by_id("scorecards-heading").all_text() == "Scorekaarten"
    assert en.by_id("scorecards-heading").all_text() == "Scorecards"
    # Ranked by the graph, they are central contacts; a kartrekker is a role that is recorded.
    assert nl.by_id("champions").all_text() == "Centrale contacten"
    assert en.by_id("champions").all_text() == "Central contacts"
    # vocabulary labels follow the language: Delft works in the domain "zorg"
    assert "Zorg" in nl.by_id("i-de-zeven-van-delft").all_text()
    assert "Care" in en.by_id("i-de-zeven-van-delft").all_text()


# --------------------------------------------------------------------------------------------
# Determinism
# --------------------------------------------------------------------------------------------


def test_the_same_landscape_gives_the_same_bytes() -> None:
    land = democratie.examples.load("m50-leerkring-waalwijk")
    assert render(land) == render(land)
    assert render(land, lang="en") == render(
        democratie.examples.load("m50-leerkring-waalwijk"), lang="en"
    )


def test_the_page_does_not_depend_on_hash_randomisation() -> None:
    program = (
        "import hashlib, democratie.examples\n"
        "from democratie.report import render\n"
        "for name in democratie.examples.NAMES:\n"
        "    page = render(democratie.examples.load(name), lang='en')\n"
        "    print(hashlib.sha256(page.encode()).hexdigest())\n"
    )
    digests = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT / "src")}
        done = subprocess.run(
            [sys.executable, "-c", program], env=env, capture_output=True, text=True, check=True
        )
        digests.add(done.stdout)
    assert len(digests) == 1


def test_the_page_carries_a_date_only_when_given_one() -> None:
    land = democratie.examples.load("leusden-samenleving-voorop")
    plain = render(land, lang="en")
    dated = render(land, lang="en", as_of=dt.date(2024, 3, 1))
    assert "As of 1 March 2024." in dated
    assert "As of" not in plain


# --------------------------------------------------------------------------------------------
# Hostile text, empty and unusual landscapes
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_text_from_the_landscape_is_escaped(lang: str) -> None:
    land = democratie.loads(HOSTILE)
    page = read(render(land, lang=lang))
    assert len(page.root.find_all("script")) == 1
    assert len(page.root.find_all("style")) == 1
    assert not page.root.find_all("img")
    assert not page.root.find_all("iframe")
    assert not page.root.find_all("b")
    assert HOSTILE_NAME not in page.html
    assert HOSTILE_TITLE not in page.html
    # the text survives, as text: in the heading, the overview, the graph and the krachtenveld
    assert page.root.find_all("h1")[0].all_text() == HOSTILE_TITLE
    assert HOSTILE_NAME in page.by_id("overview").all_text()
    assert HOSTILE_NAME in page.by_id("graph-svg").all_text()
    assert HOSTILE_NAME in page.by_id("krachtenveld-table").all_text()
    assert HOSTILE_LESSON in page.by_id("lessons").all_text()


def test_explanations_and_evidence_from_rules_are_escaped() -> None:
    land = democratie.examples.load("leusden-samenleving-voorop")
    subject = land.initiatives[0].id
    hostile = Score(
        rule="plugin.hostile",
        subject=subject,
        value=0.5,
        explanation=Bilingual(nl="<script>x()</script>", en="<script>x()</script>"),
        evidence=(Evidence(about=subject, fact="<b>fact</b>", value="<i>v</i>"),),
        recommendations=(Bilingual(nl="<u>doe</u>", en="<u>do</u>"),),
    )
    cards = Scorecards(
        cards=(
            Scorecard(subject=subject, kind="initiative", title="<em>t</em>", scores=(hostile,)),
        ),
        rules=("plugin.hostile",),
    )
    page = read(render(land, scorecards=cards))
    assert len(page.root.find_all("script")) == 1
    assert not page.root.find_all("b")
    assert not page.root.find_all("i")
    assert not page.root.find_all("u")
    assert not page.root.find_all("em")
    card = page.by_id(f"card-{subject}")
    assert "<script>x()</script>" in card.all_text()
    # a rule the registry does not know is shown by its name
    assert "plugin.hostile" in card.find_all("th")[-1].all_text()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_empty_landscape_renders_and_says_what_is_missing(lang: str) -> None:
    text = Text(lang)
    page = read(render(Landscape(), lang=lang))
    for section in SECTIONS:
        assert page.by_id(section).tag == "section"
    assert page.root.find_all("h1")[0].all_text() == text("default_title")
    overview = page.by_id("overview").all_text()
    assert text("no_municipalities") in overview
    assert text("no_initiatives") in overview
    assert text("no_networks") in overview
    assert text("no_scorecards") in page.by_id("scorecards").all_text()
    assert page.by_id("graph-empty").all_text() == text("graph_empty")
    assert not page.has_id("graph-svg")
    assert page.by_id("krachtenveld-none").all_text() == text("krachtenveld_none")
    assert text("no_lessons") in page.by_id("lessons").all_text()


@pytest.mark.parametrize("name", democratie.examples.NAMES)
def test_without_assessments_the_krachtenveld_says_so_plainly(name: str) -> None:
    page = read(render(democratie.examples.load(name), lang="en"))
    assert page.by_id("krachtenveld-none").all_text() == Text("en")("krachtenveld_none")
    assert not page.has_id("krachtenveld-svg")


def test_assessed_stakeholders_are_placed_on_the_grid_and_listed() -> None:
    land = democratie.loads(ASSESSED)
    page = read(render(land, lang="en"))
    grid = page.by_id("krachtenveld-svg")
    points = [e for e in grid.find_all("g") if "kv-mark" in e.classes()]
    hints = [p.find_all("title")[0].all_text() for p in points]
    assert [h.split(".")[0] for h in hints] == ["1", "2", "3"]
    assert "Gemeenteraad Leusden" in hints[0]
    assert "Keep satisfied" in hints[0]
    assert "Keep informed" in hints[1]
    assert "Manage closely" in hints[2]
    rows = page.by_id("krachtenveld-table").find_all("tbody")[0].find_all("tr")
    assert len(rows) == 4  # Anna de Vries has power only: listed, not placed
    assert "Anna de Vries" in rows[3].all_text()
    assert "Dominant" in rows[0].all_text()
    assert "Anna de Vries" in page.by_id("krachtenveld").all_text().split("Stakeholders")[0]


def test_coverage_and_lessons_of_an_assessed_landscape() -> None:
    page = read(render(democratie.loads(ASSESSED), lang="en"))
    domains = page.by_id("coverage-domains-table").all_text()
    assert "Welfare" in domains
    assert "Sport" in domains
    assert "50%" in domains
    areas = page.by_id("coverage-areas-table").all_text()
    assert "0 of 4" in areas
    lessons = page.by_id("lessons").all_text()
    assert "Do:" in lessons
    assert "Begin bij de vragen van bewoners." in lessons
    assert "(transferable)" in lessons


#: Every element the report writes; text from a landscape must never add another.
REPORT_TAGS = frozenset(
    {
        "a",
        "article",
        "bdi",  # a name that could reorder its neighbours
        "body",
        "button",
        "caption",
        "circle",
        "cite",
        "code",
        "dd",
        "desc",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "g",
        "h1",
        "h2",
        "h3",
        "h4",
        "head",
        "header",
        "html",
        "input",
        "label",
        "legend",
        "li",
        "line",
        "main",
        "meta",
        "meter",
        "nav",
        "ol",
        "p",
        "polygon",
        "rect",
        "script",
        "section",
        "span",
        "strong",
        "style",
        "summary",
        "svg",
        "table",
        "tbody",
        "td",
        "text",
        "th",
        "thead",
        "title",
        "tr",
        "ul",
    }
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(land=landscapes(), lang=st.sampled_from(LANGUAGES))
def test_any_landscape_renders_to_a_well_formed_page(land: Landscape, lang: str) -> None:
    page = read(render(land, lang=lang))
    assert {e.tag for e in page.elements} - {"#document"} <= REPORT_TAGS
    assert len(page.root.find_all("script")) == 1
    assert len(page.root.find_all("h1")) == 1
    for section in SECTIONS:
        assert page.by_id(section).tag == "section"
    ids = [e.attrs["id"] for e in page.elements if "id" in e.attrs]
    assert len(ids) == len(set(ids))
    links = [e.attrs["href"] for e in page.root.find_all("a")]
    # in-page links point at an element; the others are the sources' own web addresses
    sources = {s.url for s in land.sources if s.url}
    assert all((link.startswith("#") and link[1:] in ids) or link in sources for link in links)
    assert all(not link.startswith("#") or link[1:] in ids for link in links)


# --------------------------------------------------------------------------------------------
# The picture of the graph
# --------------------------------------------------------------------------------------------


def _network_of(size: int) -> Landscape:
    members = "\n".join(
        f'[[organisations]]\nid = "org-{i:03}"\nname = "Organisatie {i}"\nkind = "stichting"\n'
        for i in range(size)
    )
    ids = ", ".join(f'"org-{i:03}"' for i in range(size))
    return democratie.loads(
        f'format = "democratie/1"\n{members}\n'
        f'[[networks]]\nid = "netwerk"\nname = "Netwerk"\nkind = "wijknetwerk"\n'
        f"members = [{ids}]\n"
        f'[[initiatives]]\nid = "plan"\nkind = "experiment"\ntitle = "Plan"\n'
        f'participants = [{{ actor = "org-000" }}, {{ actor = "org-001" }}]\n'
    )


def test_a_large_graph_is_cut_down_and_the_caption_says_so() -> None:
    land = _network_of(40)
    graph = build_graph(land)
    page = read(render(land, lang="en", graph=graph, max_nodes=12))
    figure = page.by_id("graph-figure")
    drawn = [e for e in figure.iter() if "node" in e.classes()]
    assert len(drawn) == 12
    caption = figure.find_all("figcaption")[0].all_text()
    assert f"shows the 12 best connected of the {len(graph)} nodes" in caption
    # the champions and brokers are among the drawn nodes and named
    labels = [e.all_text() for e in figure.iter() if e.tag == "text" and "key" in e.classes()]
    assert labels
    full = read(render(land, lang="en", graph=graph))
    assert len([e for e in full.by_id("graph-figure").iter() if "node" in e.classes()]) == len(
        graph
    )
    assert len(graph) <= MAX_GRAPH_NODES


def test_idle_councils_and_colleges_are_left_out_and_named() -> None:
    page = read(render(democratie.examples.load("m50-leerkring-waalwijk"), lang="en"))
    caption = page.by_id("graph-figure").find_all("figcaption")[0].all_text()
    assert "Not drawn, as they are tied only to their own municipality:" in caption
    titles = [e.find_all("title")[0].all_text() for e in page.elements if "node" in e.classes()]
    assert not any(t.startswith("Gemeenteraad ") for t in titles)


def test_nodes_carry_hover_details_and_kind_and_sector_classes() -> None:
    page = read(render(democratie.examples.load("delft-zeven-van-delft"), lang="en"))
    nodes = [e for e in page.by_id("graph-svg").iter() if "node" in e.classes()]
    burgers = next(n for n in nodes if n.find_all("title")[0].all_text().startswith("Burgers"))
    assert {"k-organisation", "s-inwoners"} <= burgers.classes()
    assert "Organisation · Residents" in burgers.find_all("title")[0].all_text()
    ringed = [
        n for n in nodes if any(c.attrs.get("class", "").startswith("ring-") for c in n.children)
    ]
    assert ringed, "no champion or broker is ringed"
    assert all("Central contact" in n.all_text() or "Broker" in n.all_text() for n in ringed)


def test_render_checks_its_arguments() -> None:
    land = Landscape()
    with pytest.raises(ValueError, match="unknown report language"):
        render(land, lang="de")
    with pytest.raises(ValueError, match="max_nodes"):
        render(land, max_nodes=0)


# --------------------------------------------------------------------------------------------
# Progress: timelines and indicators per area
# --------------------------------------------------------------------------------------------

CHALLENGE = "samenleving-voorop-bestuur"
DESIGNED = "nieuwe werkwijze ontworpen"  # due twelve months after the start


def _started(**changes: object) -> Landscape:
    """Leusden's challenge with a start (made up: the text gives none), due 1 September 2020."""
    land = democratie.examples.load("leusden-samenleving-voorop")
    challenge = land.get(CHALLENGE)
    assert isinstance(challenge, Initiative)
    return land.replace(
        evolve(challenge, period=Period(start=dt.date(2019, 9, 1)), **changes)  # type: ignore[arg-type]
    )


def _timeline_marks(page: Page, initiative: str) -> list[tuple[str, Element]]:
    """The marks of a timeline's drawing, each with the title its hover text starts with."""
    svg = page.by_id(f"tl-{initiative}-svg")
    items = [e for e in svg.iter() if "tl-item" in e.classes()]
    return [
        (item.find_all("title")[0].all_text().split(" — ")[0].split(" · ")[0], item)
        for item in items
    ]


def _timeline_items(page: Page, initiative: str) -> dict[str, Element]:
    """The marks of a timeline's drawing, by title."""
    return dict(_timeline_marks(page, initiative))


def _table_rows(page: Page, ident: str) -> list[list[str]]:
    body = page.by_id(ident).find_all("tbody")[0]
    return [[cell.all_text() for cell in row.children] for row in body.find_all("tr")]


def _day_line(page: Page, initiative: str) -> tuple[float, str]:
    svg = page.by_id(f"tl-{initiative}-svg")
    (mark,) = [e for e in svg.iter() if "tl-day-mark" in e.classes()]
    return float(mark.find_all("line")[0].attrs["x1"]), mark.find_all("text")[0].all_text()


@pytest.mark.parametrize(
    ("day", "overdue"),
    [(dt.date(2020, 8, 31), False), (dt.date(2020, 9, 1), False), (dt.date(2020, 9, 2), True)],
)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_timeline_marks_a_milestone_overdue_only_after_its_due_date(
    day: dt.date, overdue: bool, lang: str
) -> None:
    land = _started()
    page = read(render(land, lang=lang, as_of=day))
    text = Text(lang)
    mark = _timeline_items(page, CHALLENGE)[DESIGNED]
    shapes = [e for e in mark.iter() if e.tag == "polygon"]
    assert [e.attrs["class"] for e in shapes] == ["tl-overdue" if overdue else "tl-open"]
    flags = [e.all_text() for e in mark.iter() if "tl-flag" in e.classes()]
    assert flags == ([text("legend_overdue")] if overdue else [])
    (row,) = [r for r in _table_rows(page, f"tl-{CHALLENGE}-table") if r[0] == DESIGNED]
    assert row[2] == text.date(dt.date(2020, 9, 1))
    assert (text("state_overdue") in row[4]) is overdue
    # the one definition: the status of the same day lists the same milestones as overdue
    listed = [m.title for m in democratie.monitor.status(land, CHALLENGE, as_of=day).overdue]
    assert listed == ([DESIGNED] if overdue else [])
    # and the overview says the same
    assert (text("overdue_on", date=text.date(day)) in page.by_id(f"i-{CHALLENGE}").all_text()) is (
        overdue
    )


def test_scorecards_handed_in_keep_the_reports_day() -> None:
    land = _started()
    day = dt.date(2020, 10, 1)
    page = read(render(land, lang="en", scorecards=score(land), as_of=day))
    overdue = Text("en")("overdue_on", date="1 October 2020")
    assert overdue in page.by_id(f"i-{CHALLENGE}").all_text()
    classes = [e.attrs.get("class") for e in _timeline_items(page, CHALLENGE)[DESIGNED].iter()]
    assert "tl-overdue" in classes


def test_a_milestone_reached_leaves_the_overdue_mark_from_the_day_it_was_reached() -> None:
    designed, in_use = _started().get(CHALLENGE).milestones  # type: ignore[union-attr]
    land = _started(milestones=(evolve(designed, done=dt.date(2020, 9, 20)), in_use))
    before = _timeline_items(read(render(land, lang="en", as_of=dt.date(2020, 9, 10))), CHALLENGE)
    after = _timeline_items(read(render(land, lang="en", as_of=dt.date(2020, 10, 1))), CHALLENGE)
    classes = [e.attrs["class"] for e in before[DESIGNED].iter() if e.tag == "polygon"]
    assert classes == ["tl-overdue"]  # reached later: not yet on the tenth
    classes = [e.attrs["class"] for e in after[DESIGNED].iter() if e.tag == "polygon"]
    assert classes == ["tl-open", "tl-filled"]  # due, and reached (late)
    assert "reached, late" in after[DESIGNED].find_all("title")[0].all_text()


def test_the_overview_says_when_a_fact_is_recorded_for_after_the_reports_day() -> None:
    designed, in_use = _started().get(CHALLENGE).milestones  # type: ignore[union-attr]
    land = _started(
        milestones=(evolve(designed, done=dt.date(2020, 9, 20)), in_use),
        evaluations=(Evaluation(date=dt.date(2020, 9, 25), method="reflectiebijeenkomst"),),
    )
    early = render(land, lang="en", as_of=dt.date(2020, 9, 10))
    assert early.count("after 10 September 2020, the day of this report") == 2
    late = render(land, lang="en", as_of=dt.date(2020, 10, 1))
    assert re.search(r"after [^<;)]*, the day of this report", late) is None
    assert "na 10 september 2020, de dag van dit rapport" in render(
        land, lang="nl", as_of=dt.date(2020, 9, 10)
    )


def test_the_reports_day_moves_the_mark_of_the_day() -> None:
    land = _started()
    first = read(render(land, lang="en", as_of=dt.date(2020, 10, 1)))
    later = read(render(land, lang="en", as_of=dt.date(2021, 10, 1)))
    (x1, label1), (x2, label2) = _day_line(first, CHALLENGE), _day_line(later, CHALLENGE)
    assert (label1, label2) == ("as of 1 Oct 2020", "as of 1 Oct 2021")
    # both days lie between the start and the horizon, so the scale is the same: one year on
    # is a third of the way from September 2019 to October 2022 further right
    assert x2 > x1
    span = (dt.date(2022, 10, 1) - dt.date(2019, 9, 1)).days
    assert x2 - x1 == pytest.approx(365 / span * (944 - 250), abs=0.2)
    # without a day there is no mark, and the report says nothing is judged
    plain = read(render(land, lang="en"))
    svg = plain.by_id(f"tl-{CHALLENGE}-svg")
    assert not [e for e in svg.iter() if "tl-day-mark" in e.classes()]
    assert not [e for e in svg.iter() if e.attrs.get("class") == "tl-overdue"]
    assert Text("en")("timelines_no_day") in plain.by_id("timelines").parent.all_text()  # type: ignore[union-attr]


def test_the_timeline_shows_the_period_horizon_evaluations_and_a_table_beside_it() -> None:
    land = _started(
        evaluations=(Evaluation(date=dt.date(2020, 3, 10), method="reflectiebijeenkomst"),)
    )
    page = read(render(land, lang="en", as_of=dt.date(2020, 10, 1)))
    svg = page.by_id(f"tl-{CHALLENGE}-svg")
    assert svg.attrs["role"] == "img"
    horizon = [e for e in svg.iter() if "tl-horizon-mark" in e.classes()]
    assert len(horizon) == 1
    rows = _table_rows(page, f"tl-{CHALLENGE}-table")
    assert rows[0][:4] == ["Duration", "duration", "1 September 2019 to 1 September 2020", "—"]
    assert rows[0][4] == "past the planned end"
    assert ["reflectiebijeenkomst", "evaluation", "—", "10 March 2020", "held", "—"] in rows
    moments = [r for r in rows if r[1] == "evaluation moment"]
    # every six months to the horizon, less the one the evaluation of March covers
    assert [r[2] for r in moments] == [
        "1 March 2020",
        "1 March 2021",
        "1 September 2021",
        "1 March 2022",
        "1 September 2022",
    ]
    assert moments[0][4] == "was due, no evaluation recorded"
    assert all(r[4] == "proposed" for r in moments[1:])
    # a missed moment stands out in the drawing as an overdue milestone does; proposed ones do not
    squares = [
        rect.attrs["class"]
        for _, mark in _timeline_marks(page, CHALLENGE)
        for rect in mark.iter()
        if rect.tag == "rect" and "evaluation moment" in mark.find_all("title")[0].all_text()
    ]
    assert squares == ["tl-overdue"] + ["tl-open"] * 4
    # the drawing has a mark for every row of the table
    assert len(_timeline_marks(page, CHALLENGE)) == len(rows)
    # evaluate in February, and the moment of March is covered too
    land = _started(
        evaluations=(
            Evaluation(date=dt.date(2020, 2, 10)),
            Evaluation(date=dt.date(2020, 8, 10)),
        )
    )
    rows = _table_rows(
        read(render(land, lang="en", as_of=dt.date(2020, 10, 1))), f"tl-{CHALLENGE}-table"
    )
    assert next(r[2] for r in rows if r[1] == "evaluation moment") == "1 March 2021"


def test_meetings_are_planned_against_held_with_their_hosts() -> None:
    land = democratie.examples.load("m50-leerkring-waalwijk")
    network = land.get("m50-leerkring-democratische-vernieuwing")
    assert isinstance(network, Network)
    kick_off, follow_up, next_step = network.meetings
    dated = evolve(follow_up, date=dt.date(2020, 6, 22), host="meierijstad")
    land = land.replace(evolve(network, meetings=(kick_off, dated, next_step)))
    initiative = "m50-leerkring-initiatief"
    page = read(render(land, lang="en", as_of=dt.date(2020, 3, 1)))
    marks = _timeline_items(page, initiative)
    assert [e.attrs["class"] for e in marks[kick_off.title].iter() if e.tag == "circle"] == [
        "tl-filled"
    ]
    assert [e.attrs["class"] for e in marks[dated.title].iter() if e.tag == "circle"] == ["tl-open"]
    assert "host: Meierijstad" in marks[dated.title].find_all("title")[0].all_text()
    rows = {r[0].split(" · ")[0]: r for r in _table_rows(page, f"tl-{initiative}-table")}
    assert rows[dated.title][2:] == ["22 June 2020", "—", "planned", "Meierijstad"]
    assert rows[next_step.title][2] == next_step.when
    assert rows[next_step.title][5] == "none yet"
    caption = page.by_id(f"tl-{initiative}").find_all("figcaption")[0].all_text()
    assert caption == f"Not drawn, as they have no date: {next_step.title}."
    # held on the day: filled
    held = land.replace(evolve(network, meetings=(kick_off, evolve(dated, held=True), next_step)))
    marks = _timeline_items(read(render(held, lang="en", as_of=dt.date(2020, 7, 1))), initiative)
    assert [e.attrs["class"] for e in marks[dated.title].iter() if e.tag == "circle"] == [
        "tl-filled"
    ]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_initiative_without_dates_gets_a_sentence_of_what_to_record(lang: str) -> None:
    text = Text(lang)
    page = read(render(democratie.examples.load("leusden-samenleving-voorop"), lang=lang))
    assert not any(
        e.attrs.get("id", "").startswith("tl-") and e.tag == "svg" for e in page.elements
    )
    items = page.by_id("timelines-without-dates").parent.find_all("li")  # type: ignore[union-attr]
    said = {item.find_all("a")[0].all_text(): item.all_text() for item in items}
    assert len(said) == 4
    what = text.join(
        [
            text("the_duration", n="12"),
            text("the_milestones", milestones=text.join([DESIGNED, "nieuwe werkwijze in gebruik"])),
        ]
    )
    assert text("no_dates_start", what=what) in said["Samenleving Voorop: domein Bestuur"]
    assert text("no_dates") in said["Samenleving Voorop"]
    assert text("timelines_none") in page.by_id("progress").all_text()


def _drawable(land: Landscape, day: dt.date | None = None) -> dict[str, tuple[bool, bool]]:
    """For each initiative: whether the quick look finds dates, and whether its timeline has."""
    groups: dict[str, list[Network]] = {}
    for net in land.networks:
        if net.initiative is not None:
            groups.setdefault(net.initiative, []).append(net)
    text = Text("en")
    return {
        ini.id: (_has_dates(land, ini, groups), timeline_of(land, ini, day, text).drawable)
        for ini in land.initiatives
    }


def test_the_quick_look_for_dates_agrees_with_the_timeline() -> None:
    for name in democratie.examples.NAMES:
        found = _drawable(democratie.examples.load(name), dt.date(2020, 3, 1))
        assert all(quick == full for quick, full in found.values()), name
    # a meeting of a group formed for the initiative (its pool) gives it a timeline
    land = democratie.examples.load("democratie-in-actie-noord-nederland")
    initiative = "dia-ontwikkeltraject-organisatieontwikkeling"
    assert _drawable(land)[initiative] == (False, False)
    pool = land.get("dia-pool-veranderambtenaren")
    assert isinstance(pool, Network)
    assert pool.initiative == initiative
    meeting = Meeting(
        id="pool-start",
        title="Start van de pool",
        kind=MeetingKind.STARTBIJEENKOMST,
        date=dt.date(2019, 2, 1),
    )
    land = land.replace(evolve(pool, meetings=(meeting,)))
    assert _drawable(land)[initiative] == (True, True)
    page = read(render(land, lang="en", as_of=dt.date(2019, 3, 1)))
    assert "Start van de pool" in page.by_id(f"tl-{initiative}-svg").all_text()


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(land=landscapes())
def test_the_quick_look_for_dates_agrees_with_the_timeline_of_any_landscape(
    land: Landscape,
) -> None:
    assert all(quick == full for quick, full in _drawable(land).values())


def _with_rows(land: Landscape) -> set[str]:
    return {
        mun.id
        for mun in land.municipalities
        if democratie.monitor.goal_progress(land, mun.id, level=None, as_of=dt.date.max).rows
    }


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(land=landscapes())
def test_the_municipalities_with_indicators_are_those_with_rows(land: Landscape) -> None:
    assert _measured(land) == _with_rows(land)


def test_the_municipalities_with_indicators_in_the_examples() -> None:
    for name in democratie.examples.NAMES:
        land = democratie.examples.load(name)
        assert _measured(land) == _with_rows(land), name
    assert _measured(democratie.examples.load("stichtse-vecht-gebiedsgericht-werken")) == {
        "stichtse-vecht"
    }


def test_many_municipalities_with_indicators_are_cut_and_the_report_says_so() -> None:
    municipalities = "\n".join(
        f'[[municipalities]]\nid = "gemeente-{i:02}"\nname = "Gemeente {i}"\n'
        f'[[municipalities.indicators]]\nid = "tevredenheid-{i:02}"\ngoal = "participatie"\n'
        f'direction = "omhoog"\nmeasurements = [{{ date = 2020-01-01, value = {i} }}]\n'
        for i in range(LIST_LIMIT + 2)
    )
    page = read(render(democratie.loads(f'format = "democratie/1"\n{municipalities}'), lang="en"))
    tables = [e for e in page.elements if e.attrs.get("id", "").startswith("goals-gemeente-")]
    assert len([e for e in tables if e.tag == "table"]) == LIST_LIMIT
    said = Text("en")("goal_capped", shown=str(LIST_LIMIT), total=str(LIST_LIMIT + 2))
    assert said in page.by_id("progress").all_text()
    assert Text("en")("goal_intro_no_day") in page.by_id("progress").all_text()


def _sv_page(lang: str, land: Landscape | None = None) -> Page:
    land = land or democratie.examples.load("stichtse-vecht-gebiedsgericht-werken")
    return read(render(land, lang=lang, as_of=dt.date(2023, 6, 30)))


def _gap_lines(page: Page) -> dict[str, str]:
    items = page.by_id("goals-stichtse-vecht-gaps").find_all("li")
    return {item.all_text().split(": ")[0]: item.all_text() for item in items}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_indicator_table_of_stichtse_vecht_shows_each_area_and_the_gaps(lang: str) -> None:
    text = Text(lang)
    land = democratie.examples.load("stichtse-vecht-gebiedsgericht-werken")
    page = _sv_page(lang, land)
    rows = _table_rows(page, "goals-stichtse-vecht-table")
    progress = democratie.monitor.goal_progress(land, "stichtse-vecht", as_of=dt.date(2023, 6, 30))
    assert len(rows) == len(progress.rows) == 8
    assert rows[0][0] == text("whole_municipality")
    vreeland = next(r for r in rows if r[0] == "Vreeland")
    assert vreeland[1] == ServiceGoal.PARTICIPATIE.label(text.lang)
    assert vreeland[2].startswith("10")
    assert text.date(dt.date(2023, 4, 1)) in vreeland[2]
    assert vreeland[4:] == [text("trend_improving"), text("no")]
    less_red_tape = next(r for r in rows if r[1] == ServiceGoal.MINDER_REGELDRUK.label(text.lang))
    assert less_red_tape[2:] == [text("not_measured"), "28 werkdagen", "—", "—"]
    # the gaps: every kern without a measurement of a goal measured in another kern
    gaps = _gap_lines(page)
    for goal in progress.goals():
        unmeasured = progress.unmeasured(goal)
        if not unmeasured:
            continue
        missing, measured = gaps.pop(ServiceGoal(goal).label(text.lang)).split(";")
        assert text.join([land.name_of(area) for area in unmeasured]) in missing
        (gap, *_) = (g for g in progress.gaps if g.goal == goal)
        assert text.join([land.name_of(area) for area in gap.measured_in]) in measured
    assert gaps == {}, "a gap line for a goal without gaps"
    participation = _gap_lines(page)[ServiceGoal.PARTICIPATIE.label(text.lang)]
    assert "Nigtevecht" in participation.split(";")[0]
    assert "Vreeland" not in participation.split(";")[0]
    assert "Vreeland" in participation.split(";")[1]


def test_measuring_a_goal_in_a_kern_takes_it_out_of_the_gaps() -> None:
    land = democratie.examples.load("stichtse-vecht-gebiedsgericht-werken")
    goal = ServiceGoal.PARTICIPATIE.label("en")
    assert "Nigtevecht" in _gap_lines(_sv_page("en", land))[goal].split(";")[0]
    mun = land.get("stichtse-vecht")
    assert isinstance(mun, Municipality)
    measured = Indicator(
        id="participatie-nigtevecht",
        goal="participatie",
        area="nigtevecht",
        unit="procent",
        direction=Direction.OMHOOG,
        measurements=(Measurement(date=dt.date(2023, 4, 1), value=7),),
    )
    land = land.replace(evolve(mun, indicators=(*mun.indicators, measured)))
    page = _sv_page("en", land)
    line = _gap_lines(page)[goal]
    assert "Nigtevecht" not in line.split(";")[0]
    assert "Nigtevecht" in line.split(";")[1]
    assert any(r[0] == "Nigtevecht" for r in _table_rows(page, "goals-stichtse-vecht-table"))
    # a measurement after the report's day does not count yet
    late = evolve(measured, measurements=(Measurement(date=dt.date(2023, 9, 1), value=7),))
    land = land.replace(evolve(mun, indicators=(*mun.indicators, late)))
    assert "Nigtevecht" in _gap_lines(_sv_page("en", land))[goal].split(";")[0]


def test_the_progress_section_gives_the_same_bytes_twice() -> None:
    for land, day in ((_started(), dt.date(2020, 10, 1)), (None, dt.date(2023, 6, 30))):
        land = land or democratie.examples.load("stichtse-vecht-gebiedsgericht-werken")
        for lang in LANGUAGES:
            first = render(land, lang=lang, as_of=day)
            assert first == render(land, lang=lang, as_of=day)
            assert 'id="tl-' in first or 'id="goals-' in first


def test_long_timelines_and_many_initiatives_are_cut_and_the_report_says_so() -> None:
    meetings = "\n".join(
        f'[[initiatives.meetings]]\nid = "m{i:02}"\ntitle = "Bijeenkomst {i}"\n'
        f'kind = "werksessie"\ndate = 2021-{1 + i % 12:02}-{1 + i // 12:02}\n'
        for i in range(ROW_LIMIT + 20)
    )
    others = "\n".join(
        f'[[initiatives]]\nid = "ini-{i:02}"\nkind = "experiment"\ntitle = "Initiatief {i}"\n'
        f"period = {{ start = 2021-01-01 }}\n"
        for i in range(LIST_LIMIT + 3)
    )
    land = democratie.loads(
        'format = "democratie/1"\n[[initiatives]]\nid = "druk"\nkind = "experiment"\n'
        f'title = "Druk"\nperiod = {{ start = 2021-01-01 }}\n{meetings}\n{others}'
    )
    page = read(render(land, lang="en", as_of=dt.date(2021, 6, 1)))
    svg = page.by_id("tl-druk-svg")
    labels = [e for e in svg.iter() if "tl-label" in e.classes()]
    assert len(labels) == ROW_LIMIT
    caption = page.by_id("tl-druk").find_all("figcaption")[0].all_text()
    total = ROW_LIMIT + 21
    assert f"shows {ROW_LIMIT} of the {total} items" in caption
    rows = _table_rows(page, "tl-druk-table")
    assert len(rows) == LIST_LIMIT + 1
    assert rows[-1] == [f"and {total - LIST_LIMIT} more rows"]
    figures = [e for e in page.elements if "tl-figure" in e.classes()]
    assert len(figures) == LIST_LIMIT
    assert (
        f"the first {LIST_LIMIT} of the {LIST_LIMIT + 4} initiatives"
        in page.by_id("progress").all_text()
    )


def test_text_in_timelines_and_indicator_tables_is_escaped() -> None:
    hostile = '<script>alert("t")</script>'
    land = democratie.loads(
        f"""
format = "democratie/1"

[[municipalities]]
id = "leusden"
cbs_code = "GM0327"

[[municipalities.indicators]]
id = "vrij"
goal = '{hostile}'
unit = '{HOSTILE_TITLE}'
direction = "omhoog"
measurements = [{{ date = 2020-01-01, value = 1 }}]

[[initiatives]]
id = "plan"
kind = "experiment"
title = '{HOSTILE_TITLE}'
period = {{ start = 2020-01-01 }}
milestones = [{{ title = '{hostile}', due = 2020-03-01 }}]
meetings = [{{ id = "m", title = '{HOSTILE_NAME}', kind = "werksessie", date = 2020-02-01 }}]
"""
    )
    html = render(land, lang="en", as_of=dt.date(2020, 6, 1))
    page = read(html)
    assert len(page.root.find_all("script")) == 1
    assert hostile not in html
    assert HOSTILE_NAME not in html
    assert hostile in page.by_id("tl-plan-svg").all_text()
    assert hostile in page.by_id("tl-plan-table").all_text()
    assert HOSTILE_NAME in page.by_id("tl-plan-table").all_text()
    assert hostile in page.by_id("goals-leusden-table").all_text()


# --------------------------------------------------------------------------------------------
# Writing the file
# --------------------------------------------------------------------------------------------


def test_write_report_writes_the_rendered_page(tmp_path: Path) -> None:
    land = democratie.examples.load("delft-zeven-van-delft")
    path = write_report(land, tmp_path / "new" / "folder", lang="en")
    assert path == tmp_path / "new" / "folder" / "de-zeven-van-delft.html"
    assert path.read_bytes() == render(land, lang="en").encode("utf-8")
    named = write_report(land, tmp_path, name="delft.nl")
    assert named.name == "delft.nl.html"
    assert [p.name for p in sorted(tmp_path.iterdir())] == ["delft.nl.html", "new"]


@pytest.mark.parametrize("name", ["", ".", "..", "a/b", "a\\b"])
def test_write_report_refuses_a_name_with_a_folder(tmp_path: Path, name: str) -> None:
    with pytest.raises(ValueError, match="plain file name"):
        write_report(Landscape(), tmp_path, name=name)
    assert list(tmp_path.iterdir()) == []


def test_write_report_raises_write_error_and_keeps_the_old_file(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", "utf-8")
    with pytest.raises(WriteError):
        write_report(Landscape(), blocker)
    old = tmp_path / "democratie-report.html"
    old.write_text("old report", "utf-8")
    with pytest.raises(ValueError, match="max_nodes"):
        write_report(Landscape(), tmp_path, max_nodes=0)
    assert old.read_text("utf-8") == "old report"


# --------------------------------------------------------------------------------------------
# Words, colours, layout
# --------------------------------------------------------------------------------------------


def test_both_languages_have_the_same_strings_and_placeholders() -> None:
    nl, en = STRINGS["nl"], STRINGS["en"]
    assert sorted(nl) == sorted(en)
    for key in nl:
        assert re.findall(r"\{(\w+)\}", nl[key]) == re.findall(r"\{(\w+)\}", en[key]), key
        assert nl[key].strip(), key
        assert en[key].strip(), key


def test_every_graph_vocabulary_has_labels_and_colours() -> None:
    assert set(NODE_KIND_LABELS) == set(NODE_KINDS)
    assert set(RELATION_LABELS) == set(RELATIONS)
    assert set(KIND_COLOURS) == set(NODE_KINDS)
    assert set(SECTOR_COLOURS) == set(Sector.slugs())
    assert set(AreaLevel.slugs()) <= set(NOUNS)


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_colours_have_enough_contrast() -> None:
    assert round(_contrast("#000000", "#ffffff"), 1) == 21.0
    for role, colour in TEXT_COLOURS.items():
        assert _contrast(colour, PAGE) >= 4.5, role  # WCAG 1.4.3, normal text
    assert _contrast(OUTLINE, PAGE) >= 3.0  # WCAG 1.4.11, graphics
    # the numbers on the krachtenveld points are white on the ink colour
    assert _contrast("#ffffff", TEXT_COLOURS["ink"]) >= 4.5


def test_the_print_stylesheet_hides_the_controls() -> None:
    printed = CSS.split("@media print{", 1)[1]
    assert ".controls" in printed.split("display:none")[0]
    assert "thead{display:table-header-group}" in printed


def test_the_layout_is_deterministic_and_fills_the_unit_square() -> None:
    nodes = [f"n{i}" for i in range(30)]
    edges = [(f"n{i}", f"n{(i * 7) % 30}") for i in range(30)]
    first = spring_layout(nodes, edges, seed=3)
    assert first == spring_layout(nodes, edges, seed=3)
    assert first != spring_layout(nodes, edges, seed=4)
    xs = [x for x, _ in first.values()]
    ys = [y for _, y in first.values()]
    assert min(xs) == 0.0
    assert max(xs) == 1.0
    assert min(ys) == 0.0
    assert max(ys) == 1.0
    assert len({(round(x, 3), round(y, 3)) for x, y in first.values()}) == len(nodes)


def test_components_are_laid_out_apart() -> None:
    nodes = ["a", "b", "c", "d", "e", "lone"]
    edges = [("a", "b"), ("b", "c"), ("c", "a"), ("d", "e")]
    pos = component_layout(nodes, edges, aspect=1.5)

    def box(group: str) -> tuple[float, float, float, float]:
        xs = [pos[n][0] for n in group]
        ys = [pos[n][1] for n in group]
        return min(xs), min(ys), max(xs), max(ys)

    triangle, pair = box("abc"), box("de")
    separated = (
        triangle[2] < pair[0]
        or pair[2] < triangle[0]
        or triangle[3] < pair[1]
        or pair[3] < triangle[1]
    )
    assert separated
    lone = pos["lone"]
    assert not (triangle[0] <= lone[0] <= triangle[2] and triangle[1] <= lone[1] <= triangle[3])


# --------------------------------------------------------------------------------------------
# Doctests
# --------------------------------------------------------------------------------------------

REPORT_MODULES = [
    "democratie.report",
    *sorted(
        f"democratie.report.{info.name}"
        for info in pkgutil.iter_modules(democratie.report.__path__)
    ),
]


def test_the_report_modules_have_examples() -> None:
    # tests/test_public_examples.py runs them, with every other example.
    examples = sum(
        len(test.examples)
        for name in REPORT_MODULES
        for test in doctest.DocTestFinder().find(importlib.import_module(name))
    )
    assert examples >= 20


# --------------------------------------------------------------------------------------------
# Names that could reorder the text around them
# --------------------------------------------------------------------------------------------

#: Names with the marks the model allows: a right-to-left mark after a Hebrew name, an Arabic
#: name with an Arabic letter mark, and a Latin name with a right-to-left mark.
MARKED = {
    "org": "\u05e2\u05de\u05d5\u05ea\u05ea \u05e9\u05dc\u05d5\u05dd\u200f",
    "person": "\u0633\u0627\u0631\u0627\u061c 2",
    "initiative": "Samen\u200f (2024)",
    "network": "Netwerk\u200f 3",
    "title": "Gemengd\u200f (2024)",
}
MARKED_TOML = f"""
format = "democratie/1"
title = "Gemengd\u200f (2024)"

[[municipalities]]
id = "leusden"
cbs_code = "GM0327"

[[municipalities.council.factions]]
id = "leusden-f"
name = "{MARKED["org"]}"
seats = 3

[[organisations]]
id = "org"
name = "{MARKED["org"]}"
kind = "stichting"
municipality = "leusden"
assessment = {{ power = 0.8, interest = 0.8 }}

[[people]]
id = "p"
name = "{MARKED["person"]}"
assessment = {{ power = 0.6, interest = 0.9 }}

[[roles]]
holder = "p"
kind = "raadslid"
at = "leusden-raad"

[[networks]]
id = "net"
name = "{MARKED["network"]}"
kind = "wijknetwerk"
members = ["leusden", "org"]

[[initiatives]]
id = "plan"
kind = "experiment"
title = "{MARKED["initiative"]}"
municipalities = ["leusden"]
participants = [{{ actor = "org", role = "kartrekker" }}, {{ actor = "p", role = "deelnemer" }}]
"""

#: Elements whose text is not laid out in a line of the page (pictures, their tooltips).
_NOT_IN_A_LINE = frozenset({"svg", "title", "desc", "script", "style", "head"})


def _in_a_line(element: Element) -> bool:
    node: Element | None = element
    while node is not None:
        if node.tag in _NOT_IN_A_LINE:
            return False
        node = node.parent
    return True


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_name_that_could_reorder_its_neighbours_is_isolated_in_bdi(lang: str) -> None:
    land = democratie.loads(MARKED_TOML)
    page = read(render(land, lang=lang))
    isolated: Counter[str] = Counter()
    for element in page.elements:
        if not _in_a_line(element):
            continue
        for chunk in element.text:
            for key, name in MARKED.items():
                if name in chunk:
                    assert element.tag == "bdi", (key, element.tag, chunk)
                    assert chunk == name, chunk
                    isolated[key] += 1
    assert set(isolated) == set(MARKED), isolated
    # A name of left-to-right text only is written as it was.
    assert "<bdi>Leusden</bdi>" not in page.html

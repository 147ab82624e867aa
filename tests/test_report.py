"""The HTML report: structure, accessibility, self-containment, determinism and escaping.

Every seed example is rendered in both languages and read back with the standard library's
HTML parser, so these tests need no browser; ``tests/browser/`` opens the same reports in
Chromium.
"""

from __future__ import annotations

import base64
import doctest
import hashlib
import importlib
import itertools
import os
import pkgutil
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import democratie
import democratie.examples
import democratie.report
from democratie.errors import WriteError
from democratie.graph import NODE_KINDS, RELATIONS, build_graph
from democratie.model import Landscape
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
from democratie.report._text import NODE_KIND_LABELS, NOUNS, RELATION_LABELS, STRINGS, Text
from democratie.scoring import Bilingual, Evidence, Score, Scorecard, Scorecards
from democratie.testing.strategies import landscapes
from democratie.vocab import AreaLevel, Sector

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
        assert len(card.find_all("tr")) == len(cards[subject]) + 1


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
    import datetime as dt

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
    assert all(link.startswith("#") and link[1:] in ids for link in links)


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

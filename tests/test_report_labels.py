"""Plain language in the report: labels before field names, every measure explained where it
is used, and every web address a link."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import attrs
import pytest
from attrs import frozen

import democratie
import democratie.examples
from democratie.model import Assessment, Initiative, Lesson, Source
from democratie.report import render, render_pages
from democratie.report._glossary import GLOSSARY
from democratie.report._labels import FIELDS, fact_html, prose_html, value_text
from democratie.report._render import _champion_table
from democratie.report._sections import Context
from democratie.report._text import Text
from democratie.scoring import Score, ScoringContext, Subject, run
from democratie.scoring.rules import DomainCoverage
from democratie.vocab import LessonKind

#: A name as a program writes it: lower case words joined by underscores.
SNAKE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")
ADDRESS = re.compile(r"https?://", re.IGNORECASE)
#: The classes of the ``<code>`` that shows a name after its label, for who writes TOML.
SECONDARY = {"key", "rule-name"}
_VOID = {"meta", "br", "img", "input", "link", "hr", "wbr", "source"}


class _Visible(HTMLParser):
    """The text a reader sees, each piece with the elements it is in (not script or style)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, str]] = []
        self.pieces: list[tuple[tuple[tuple[str, str], ...], str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _VOID:
            self.open.append((tag, dict(attrs).get("class") or ""))

    def handle_endtag(self, tag: str) -> None:
        while self.open and self.open.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        if not any(name in {"script", "style"} for name, _ in self.open):
            self.pieces.append((tuple(self.open), data))


def _pieces(page: str) -> list[tuple[tuple[tuple[str, str], ...], str]]:
    parser = _Visible()
    parser.feed(page)
    return parser.pieces


def _bare_names(page: str) -> set[str]:
    """The snake_case names a reader sees outside the secondary ``<code>`` markers."""
    found = set()
    for elements, text in _pieces(page):
        secondary = any(name == "code" and cls in SECONDARY for name, cls in elements)
        if not secondary:
            found.update(SNAKE.findall(text))
    return found


def _bare_addresses(page: str) -> list[str]:
    return [
        text
        for elements, text in _pieces(page)
        if ADDRESS.search(text) and not any(name == "a" for name, _ in elements)
    ]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name", democratie.examples.NAMES)
def test_no_field_or_rule_name_is_shown_without_its_label(name: str, lang: str) -> None:
    page = render(democratie.examples.load(name), lang=lang)
    assert _bare_names(page) == set()
    # the names are still there, after their labels, for whoever writes the TOML
    assert '<code class="key">' in page


def test_the_check_sees_a_bare_name_where_one_is_shown() -> None:
    # the parser behind the test above finds what it looks for, and spares the markers
    page = (
        "<p>Record <b>required_commitments</b> <code class='key'>covers_all</code></p>"
        "<script>var x_y = 1;</script><p><code>initiated_by</code></p>"
    )
    assert _bare_names(page) == {"required_commitments", "initiated_by"}


def test_rule_texts_show_the_label_first_and_the_name_after_it() -> None:
    land = democratie.examples.load("delft-zeven-van-delft")
    nl = render(land, lang="nl")
    # "what to record next": domain coverage asks for required domains
    assert 'vereiste domeinen <code class="key">required_domains</code>' in nl
    # a name in parentheses right after its own label keeps only the marker
    assert 'domeinen (<code class="key">domains</code>)' in nl
    en = render(land, lang="en")
    assert 'required domains <code class="key">required_domains</code>' in en
    # the footer names the rules by their titles
    footer = en[en.index("<footer>") :]
    assert "Intake gate" in footer
    assert "intake_gate" not in footer


def test_evidence_shows_labels_and_vocabulary_terms_not_slugs() -> None:
    land = democratie.examples.load("delft-zeven-van-delft")
    nl = render(land, lang="nl")
    assert 'Delft: Banden naar buiten <code class="key">ties.external</code> = 14' in nl
    en = render(democratie.examples.load("stichtse-vecht-gebiedsgericht-werken"), lang="en")
    assert 'Service goals <code class="key">service_goals</code> = Fast and simple service' in en
    assert "snelle_en_eenvoudige_dienstverlening" not in en
    # an indicator is named by its goal (and area), not by its id
    assert 'Less red tape: On track <code class="key">on_track</code> = ' in en
    assert "sv-regeldruk-vergunningen:" not in en
    # facts that name something under a prefix: the thing by its label
    assert fact_html("target_roles.gemeentesecretaris", "nl", str) == (
        'Doelrol: Gemeentesecretaris <code class="key">target_roles.gemeentesecretaris</code>'
    )
    assert fact_html("areas.whole", "en", str).startswith("Area: the whole municipality")
    assert value_text("commitment.politiek", "toegezegd", Text("en")) == "Pledged"
    # a fact no table knows is still read as words, the name after it
    assert fact_html("oecd.panel_size", "en", str) == (
        'Oecd panel size <code class="key">oecd.panel_size</code>'
    )


def test_a_single_word_is_a_field_only_where_it_stands_for_one() -> None:
    # "held" in "(3 held, 2 planned)" is a count, not the field; alone in a list it is
    assert prose_html("ten minste 3 (0 gehouden, 3 gepland)", "nl") == (
        "ten minste 3 (0 gehouden, 3 gepland)"
    )
    assert 'gehouden <code class="key">held</code>' in prose_html(
        "Er is 1 bijeenkomst (meetings, held).", "nl"
    )
    assert 'initiatiefnemer <code class="key">initiator</code> vast' in prose_html(
        "Leg initiator vast (gemeente of samenleving).", "nl"
    )
    assert "level" not in prose_html("Raise the level of the debate.", "en").replace("level of", "")
    # every label table entry has a label in both languages
    assert all(nl and en for nl, en in FIELDS.values())


def _rows(page: str) -> dict[str, str]:
    """Each scorecard row of the page by its id, as HTML."""
    return dict(re.findall(r'<tr id="(card-[^"]+)">(.*?)</tr>', page))


def _visible_text(html: str) -> str:
    return "".join(text for _, text in _pieces(html))


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name", democratie.examples.NAMES)
def test_every_measure_a_scorecard_names_is_explained_there(name: str, lang: str) -> None:
    page = render(democratie.examples.load(name), lang=lang)
    for ident, row in _rows(page).items():
        explanation = row.split("</th>", 1)[-1]
        told = _visible_text(explanation.split('<details class="explain"', 1)[0]).casefold()
        for key, by_lang in GLOSSARY.items():
            if key in {"degree", "score"}:
                continue  # plain words, not measures named in a sentence
            measure = by_lang[lang][0].split(" (")[0].casefold()
            if measure in told:
                assert f'href="#term-{key}"' in row, f"{ident} names {measure} unexplained"


def test_the_e_i_index_burt_and_salience_are_explained_where_used() -> None:
    delft = render(democratie.examples.load("delft-zeven-van-delft"), lang="en")
    row = _rows(delft)["card-delft-bridging_vs_bonding"]
    assert "E-I index" in row
    assert 'href="#term-ei_index"' in row
    assert html.escape(GLOSSARY["ei_index"]["en"][1]) in row
    dia = render(democratie.load("examples/democratie-in-actie-noord-nederland.toml"), lang="nl")
    brokers = [r for i, r in _rows(dia).items() if i.endswith("-brokerage_capacity")]
    assert brokers
    assert all('href="#term-constraint"' in r for r in brokers)
    # the krachtenveld's intro and columns, once someone's power and interest are assessed
    land = democratie.load("examples/democratie-in-actie-noord-nederland.toml")
    person = land.people[0]
    judged = Assessment(power=0.9, interest=0.8, legitimacy=0.7, urgency=0.6)
    field = render(land.replace(attrs.evolve(person, assessment=judged)), lang="nl")
    intro = field[field.index('id="krachtenveld-heading"') : field.index('id="krachtenveld-table"')]
    assert 'href="#term-mendelow"' in intro
    assert 'href="#term-salience"' in intro
    kv = field[field.index('id="krachtenveld-table"') :]
    kv = kv[: kv.index("</thead>")]
    assert 'href="#term-salience"' in kv
    assert 'href="#term-mendelow"' in kv


def test_a_fragile_network_note_explains_the_kwetsbaar_punt() -> None:
    land = democratie.examples.load("delft-zeven-van-delft")
    a = democratie.analyse(land)
    ctx = Context(
        landscape=land,
        graph=a.graph,
        scorecards=a.scorecards,
        rule_titles=a.rule_titles,
        text=Text("nl"),
        analysis=a,
    )
    ranking = a.top_champions(3)
    assert not ranking.fragile
    assert "kwetsbaar punt; zonder" not in _champion_table(ranking, "", ctx)
    # every central contact a single point of failure: the note says so, and explains it
    fragile = attrs.evolve(
        ranking,
        champions=tuple(attrs.evolve(c, articulation_point=True) for c in ranking.champions),
    )
    html_ = _champion_table(fragile, "", ctx)
    note = html_[html_.index("kwetsbaar punt; zonder") :]
    assert 'href="#term-articulation"' in note
    assert html.escape(GLOSSARY["articulation"]["nl"][1]) in note


def test_explanations_on_pages_link_to_the_glossary_on_the_landing_page() -> None:
    land = democratie.examples.load("delft-zeven-van-delft")
    pages = render_pages(land, name="delft", lang="en")
    for path, page in pages.items():
        if path == "delft.html":
            continue
        for href in re.findall(r'href="([^"]*#term-[^"]+)"', page):
            assert href.startswith("../delft.html#term-"), (path, href)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name", democratie.examples.NAMES)
def test_every_web_address_shown_is_a_link(name: str, lang: str) -> None:
    assert _bare_addresses(render(democratie.examples.load(name), lang=lang)) == []


def test_web_addresses_in_the_landscapes_text_are_links_and_stay_escaped() -> None:
    land = democratie.examples.load("leusden-samenleving-voorop")
    ini = land.initiatives[0]
    assert isinstance(ini, Initiative)
    lesson = Lesson(kind=LessonKind.DOEN, text="Lees https://example.org/les?a=1&b=<2> eerst.")
    changed = attrs.evolve(
        land,
        description="Zie https://example.org/over (de opzet).",
        sources=(Source(title="Verslag", note="ook op http://example.org/verslag."),),
    ).replace(attrs.evolve(ini, description="Meer: https://example.org/ini", lessons=(lesson,)))
    page = render(changed, lang="nl")
    assert _bare_addresses(page) == []
    for address in (
        "https://example.org/over",
        "http://example.org/verslag",
        "https://example.org/ini",
        "https://example.org/les?a=1&amp;b=",
    ):
        assert f'<a class="url" href="{address}' in page
    assert "&lt;2&gt;" in page  # what follows the address is text, escaped
    assert 'href="https://example.org/over"' in page  # the closing parenthesis is not in it
    # without the links the check would have seen the addresses
    assert _bare_addresses("<p>Zie https://example.org/over</p>") == [
        "Zie https://example.org/over"
    ]


@frozen
class _Broken(DomainCoverage):
    """The domain rule, broken: it raises on every subject."""

    def evaluate(self, subject: Subject, context: ScoringContext) -> Score:
        raise RuntimeError("kapot")


def test_a_rule_that_failed_is_named_by_its_title_then_its_name() -> None:
    land = democratie.examples.load("delft-zeven-van-delft")
    cards = run(land, [_Broken()])
    assert cards.failures
    page = render(land, scorecards=cards, lang="nl")
    failures = page[page.index('id="scorecard-failures"') : page.index("<footer>")]
    assert f'{DomainCoverage.title.nl} <code class="key">domain_coverage</code>' in failures
    assert _bare_names(failures) == set()

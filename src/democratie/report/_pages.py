"""A report in pages: a landing page, and a page of its own for every municipality.

One page that holds every scorecard of a province is tens of megabytes, and a browser takes
long to open it. Above :data:`PAGED_ABOVE` subjects (municipalities, initiatives and
networks), :func:`render_pages` therefore splits the report: the landing page
``<name>.html`` keeps the overview of the whole (with a list of the municipalities, each
linked to its page), the progress, the picture of the graph and its tables, the
krachtenveld, the coverage of the areas, and what belongs to no single municipality
(initiatives and networks shared by several, and their scorecards); the folder
``<name>-pages/`` beside it holds one page per municipality, with its card, its
initiatives, its networks, their progress, their scorecards, their coverage and their
lessons. No page is over :data:`PAGE_BYTES`: a municipality whose page would be gets
several, ``<id>.html``, ``<id>.2.html`` and so on, its initiatives and networks shared out
among them. Every page is self-contained, as the one page is: the pages link to one another
(by URL-encoded relative addresses), and following a link loads no resource, so the
Content Security Policy stays as strict.

:func:`write_pages` writes such a set of pages atomically: into a temporary folder first,
then moved into place, so that a failure leaves the report that was there as it was.

Examples
--------
A small landscape is one page, as :func:`~democratie.report.render` gives it:

>>> import democratie.examples
>>> land = democratie.examples.load("leusden-samenleving-voorop")
>>> list(render_pages(land, lang="en", name="leusden"))
['leusden.html']
>>> PAGED_ABOVE, PAGE_BYTES
(100, 3000000)
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import math
import os
import posixpath
import re
import shutil
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Final
from urllib.parse import quote

from attrs import frozen

from democratie._atomic import write_atomic
from democratie.analysis import Analysis
from democratie.errors import WriteError
from democratie.exporters._write import recover, staged, swapped
from democratie.graph import StakeholderGraph
from democratie.model import Initiative, Landscape, Municipality, Network
from democratie.monitor import AsOf
from democratie.report._glossary import glossary_body
from democratie.report._html import esc, isolate, tag
from democratie.report._progress import progress_body
from democratie.report._render import (
    MAX_GRAPH_NODES,
    SECTIONS,
    _graph_body,
    _krachtenveld_body,
    _na_note,
    _prepare,
    _subtitle,
    document,
    render,
    report_name,
    section_names,
)
from democratie.report._sections import (
    Context,
    coverage_body,
    lessons_body,
    overview_body,
    scorecards_body,
)
from democratie.report._summary import summary_body
from democratie.report._text import Text
from democratie.scoring import Scorecards

__all__ = [
    "PAGED_ABOVE",
    "PAGE_BYTES",
    "is_paged",
    "pages_folder",
    "render_pages",
    "write_pages",
    "write_report",
]

#: A landscape with more subjects than this (municipalities, initiatives and networks) is
#: reported in pages: a landing page and one page per municipality.
PAGED_ABOVE: Final = 100

#: The most bytes a page of a report in pages has: a municipality whose page would be larger
#: gets several pages, its initiatives and networks shared out among them.
PAGE_BYTES: Final = 3_000_000

#: The sections of a municipality's page, in order (those of :data:`SECTIONS` it has).
MUNICIPALITY_SECTIONS: Final[tuple[str, ...]] = (
    "overview",
    "progress",
    "scorecards",
    "coverage",
    "lessons",
)

_WORDS: Final[Mapping[str, Mapping[str, str]]] = {
    "nl": {
        "paged": (
            "Dit verslag bestaat uit delen: elke gemeente heeft een eigen pagina, met haar "
            "initiatieven en netwerken, hun scorekaarten, hun bereik en hun lessen. Deze "
            "pagina geeft het geheel en wat meer gemeenten delen."
        ),
        "page": "Pagina",
        "part_of": "Deel van het verslag {title}",
        "back": "Terug naar het verslag",
        "cards_on_pages": (
            "De scorekaarten van een gemeente en van haar initiatieven en netwerken staan "
            "op de pagina van de gemeente; hieronder die van wat meer gemeenten delen."
        ),
        "cards": "Scorekaarten",
        "applicable": "Van toepassing",
        "coverage_on_pages": (
            "Het bereik van de beleidsdomeinen en sectoren per initiatief staat op de pagina "
            "van de gemeente; hieronder dat van de initiatieven die meer gemeenten delen."
        ),
        "lessons_on_pages": (
            "De lessen van de initiatieven van één gemeente staan op haar pagina; hieronder "
            "die van de initiatieven die meer gemeenten delen."
        ),
        "pages_of": "Pagina's van {name}",
        "page_of": "pagina {n} van {total}",
        "continued": "De kaart van de gemeente staat op haar eerste pagina: {link}.",
    },
    "en": {
        "paged": (
            "This report is in parts: every municipality has a page of its own, with its "
            "initiatives and networks, their scorecards, their coverage and their lessons. "
            "This page gives the whole, and what several municipalities share."
        ),
        "page": "Page",
        "part_of": "Part of the report {title}",
        "back": "Back to the report",
        "cards_on_pages": (
            "The scorecards of a municipality and of its initiatives and networks are on the "
            "municipality's page; below are those of what several municipalities share."
        ),
        "cards": "Scorecards",
        "applicable": "Applicable",
        "coverage_on_pages": (
            "The coverage of policy domains and sectors per initiative is on the "
            "municipality's page; below is that of the initiatives several share."
        ),
        "lessons_on_pages": (
            "The lessons of the initiatives of one municipality are on its page; below are "
            "those of the initiatives several municipalities share."
        ),
        "pages_of": "Pages of {name}",
        "page_of": "page {n} of {total}",
        "continued": "The card of the municipality is on its first page: {link}.",
    },
}

#: Ids of elements that live on one page; "term-" (the glossary) lives on the landing page.
_PREFIXES: Final = ("card-", "m-", "i-", "n-", "term-")
_PLAIN_NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,79}")

# A link to a subject's element is written as a token while the pages are rendered, and
# resolved once every page is laid out: which page holds a subject is known only then.
_OPEN, _CLOSE = "\x02", "\x03"
_TOKEN = re.compile(f'href="{_OPEN}([^"{_OPEN}{_CLOSE}]*){_CLOSE}"')
# Where a municipality's list of its pages goes, once their number is known.
_NAV_MARK: Final = "<!--pages-->"


def _words(text: Text, key: str, **values: str) -> str:
    return _WORDS[text.lang][key].format(**values)


def is_paged(landscape: Landscape) -> bool:
    """Whether the report of *landscape* is in pages: more than :data:`PAGED_ABOVE` subjects.

    Examples
    --------
    >>> import democratie.examples
    >>> from democratie.synth import generate
    >>> is_paged(democratie.examples.load("delft-zeven-van-delft"))
    False
    >>> is_paged(generate(1 / 16, provinces=["Limburg"]))
    True
    """
    subjects = len(landscape.municipalities) + len(landscape.initiatives) + len(landscape.networks)
    return subjects > PAGED_ABOVE


def pages_folder(name: str) -> str:
    """The folder, beside the landing page ``<name>.html``, of the municipalities' pages.

    Examples
    --------
    >>> pages_folder("limburg")
    'limburg-pages'
    """
    return f"{name}-pages"


def check_name(name: str) -> str:
    """*name*, when it is a plain file name (no folder); else a ValueError."""
    if (
        not name
        or name in (".", "..")
        or any(sep in name for sep in ("/", "\\", "\0"))
        or (os.altsep is not None and os.altsep in name)
    ):
        message = f"a report name must be a plain file name without a folder, got {name!r}"
        raise ValueError(message)
    return name


@frozen(kw_only=True)
class _PageContext(Context):
    """The context of one page of a report in pages: links go to the page that holds them."""

    homes: Mapping[str, str]
    landing: str
    here: str

    def href(self, target: str) -> str:
        home = _home(target, self.homes, self.landing)
        if home is None or (home == self.landing == self.here):
            return f"#{target}"
        # Which of a municipality's pages holds it is known once they are all rendered.
        return f"{_OPEN}{target}{_CLOSE}"


def _home(target: str, homes: Mapping[str, str], landing: str) -> str | None:
    """The page that holds the element *target* of a subject; None for another element."""
    for prefix in _PREFIXES:
        if target.startswith(prefix):
            rest = target[len(prefix) :]
            # A scorecard row is card-<subject>-<rule>: a rule's name has no hyphen.
            return homes.get(rest) or homes.get(rest.rsplit("-", 1)[0]) or landing
    return None


def _relative(page: str, here: str) -> str:
    """The address of *page* from the page *here*: a relative path, URL-encoded.

    >>> _relative("r #1-pages/a.html", "r #1.html"), _relative("r #1.html", "r #1-pages/a.html")
    ('r%20%231-pages/a.html', '../r%20%231.html')
    """
    return quote(posixpath.relpath(page, posixpath.dirname(here) or "."))


def _resolve(text: str, here: str, homes: Mapping[str, str], landing: str) -> str:
    """The page *text* at *here* with every link token written as its address."""

    def address(found: re.Match[str]) -> str:
        target = html.unescape(found.group(1))
        page = _home(target, homes, landing) or here
        href = f"#{target}" if page == here else f"{_relative(page, here)}#{target}"
        return f'href="{esc(href)}"'

    return _TOKEN.sub(address, text)


@frozen
class _Part:
    """What one municipality's page holds."""

    municipality: Municipality
    path: str
    initiatives: tuple[Initiative, ...]
    networks: tuple[Network, ...]

    @property
    def subjects(self) -> frozenset[str]:
        return frozenset(
            [
                self.municipality.id,
                *(ini.id for ini in self.initiatives),
                *(net.id for net in self.networks),
            ]
        )


def _parts(landscape: Landscape, folder: str) -> list[_Part]:
    """Every municipality's page: its own initiatives, and the networks wholly within it."""
    own: dict[str, list[Initiative]] = {mun.id: [] for mun in landscape.municipalities}
    for ini in landscape.initiatives:
        if len(ini.municipalities) == 1 and ini.municipalities[0] in own:
            own[ini.municipalities[0]].append(ini)
    nets: dict[str, list[Network]] = {mun.id: [] for mun in landscape.municipalities}
    for net in landscape.networks:
        # The municipalities its members and coordinators belong to (people belong to none).
        places = {landscape.municipality_of(m) for m in (*net.members, *net.coordinators)}
        places.discard(None)
        if len(places) == 1:
            (place,) = places
            if place is not None and place in nets:
                nets[place].append(net)
    used: set[str] = set()
    parts = []
    for number, mun in enumerate(landscape.municipalities, start=1):
        stem = mun.id if _PLAIN_NAME.fullmatch(mun.id) else f"gemeente-{number}"
        while stem in used:
            stem = f"{stem}-{number}"
        used.add(stem)
        parts.append(
            _Part(
                municipality=mun,
                path=f"{folder}/{stem}.html",
                initiatives=tuple(own[mun.id]),
                networks=tuple(nets[mun.id]),
            )
        )
    return parts


def render_pages(
    landscape: Landscape,
    *,
    name: str | None = None,
    paged: bool | None = None,
    lang: str = "nl",
    scorecards: Scorecards | None = None,
    graph: StakeholderGraph | None = None,
    title: str | None = None,
    as_of: dt.date | AsOf | None = None,
    max_nodes: int = MAX_GRAPH_NODES,
    analysis: Analysis | None = None,
    time_budget: float | None = None,
    progress: Callable[[int, int], None] | None = None,
    made: dt.date | None = None,
    page_bytes: int = PAGE_BYTES,
) -> dict[str, str]:
    """Render the report of *landscape* as its pages: relative path to HTML text.

    A landscape of at most :data:`PAGED_ABOVE` subjects is one page, ``<name>.html``, the
    text :func:`~democratie.report.render` gives. A larger one is a landing page
    ``<name>.html`` and one page per municipality in ``<name>-pages/`` (the municipality's
    id, ``.html``): see :mod:`democratie.report._pages` for what each holds. The landing
    page comes first, then the municipalities' pages in the order of the landscape. Each
    page is self-contained, with the stylesheet and script inline and a Content Security
    Policy that forbids every request; they link to one another by relative paths.

    Parameters
    ----------
    landscape : Landscape
        The landscape to report on.
    name : str, optional
        The name of the landing page without ``.html``; by default
        :func:`~democratie.report.report_name` of the landscape.
    paged : bool, optional
        In pages or not, whatever the size; by default :func:`is_paged`.
    lang, scorecards, graph, title, as_of, max_nodes, analysis, time_budget, made
        As for :func:`~democratie.report.render`.
    progress : callable, optional
        Called with (done, in all) after the landing page and after the page or pages of
        each municipality, of a report in pages.
    page_bytes : int, default :data:`PAGE_BYTES`
        The most bytes a page of a report in pages has: a municipality whose page would be
        larger gets more pages, ``<id>.html`` (with its card and a list of its pages),
        ``<id>.2.html`` and so on, its initiatives and networks shared out among them in
        their order. Only a page with one initiative or network left can still be larger.

    Returns
    -------
    dict of str to str
        The pages, by path relative to the folder of the landing page (``/`` between
        folder and file name).

    Raises
    ------
    ValueError
        If *name* is not a plain file name, or as :func:`~democratie.report.render` raises.

    Examples
    --------
    >>> from democratie.synth import generate
    >>> province = generate(1 / 64, provinces=["Zeeland"])
    >>> pages = render_pages(province, lang="en", name="zeeland", paged=True)
    >>> len(pages), list(pages)[:3]
    (14, ['zeeland.html', 'zeeland-pages/borsele.html', 'zeeland-pages/goes.html'])
    >>> 'href="zeeland-pages/goes.html"' in pages["zeeland.html"]
    True
    >>> 'href="../zeeland.html"' in pages["zeeland-pages/goes.html"]
    True
    """
    stem = check_name(report_name(landscape) if name is None else name)
    landing = f"{stem}.html"
    if paged is None:
        paged = is_paged(landscape)
    if not paged:
        page = render(
            landscape,
            lang=lang,
            scorecards=scorecards,
            graph=graph,
            title=title,
            as_of=as_of,
            max_nodes=max_nodes,
            analysis=analysis,
            time_budget=time_budget,
            made=made,
        )
        if progress is not None:
            progress(1, 1)
        return {landing: page}
    base, day, made_today = _prepare(
        landscape,
        lang=lang,
        scorecards=scorecards,
        graph=graph,
        as_of=as_of,
        max_nodes=max_nodes,
        analysis=analysis,
        time_budget=time_budget,
    )
    parts = _parts(landscape, pages_folder(stem))
    homes: dict[str, str] = {}
    for part in parts:
        homes.update(dict.fromkeys(part.subjects, part.path))
    heading = title or landscape.title or base.text("default_title")
    total = len(parts) + 1

    def context(here: str) -> _PageContext:
        return _PageContext(
            landscape=base.landscape,
            graph=base.graph,
            scorecards=base.scorecards,
            rule_titles=base.rule_titles,
            text=base.text,
            analysis=base.analysis,
            names=base.names,
            homes=homes,
            landing=landing,
            here=here,
        )

    pages = {landing: _landing(context(landing), parts, heading, day, made_today, max_nodes, made)}
    if progress is not None:
        progress(1, total)

    def page_of(part: _Part, path: str, group: Sequence[_Piece], first: bool) -> str:
        return _municipality_page(context(path), part, group, first, heading, day, made_today, made)

    # A link grows from its token to its address: at most this much, whatever the page.
    longest = max(len(quote(path)) for path in (landing, *homes.values()))
    # The bytes per unit of weight of the pages so far: a page much too large is shared
    # out before it is rendered whole.
    rendered, weighed = 0, 0
    for done, part in enumerate(parts, start=2):
        laid = _lay_out(
            part,
            functools.partial(page_of, part),
            cards=base.scorecards,
            budget=page_bytes,
            grows=longest + len("../#"),
            ratio=rendered / weighed if weighed else None,
        )
        for path, (group, page) in laid.items():
            homes.update(dict.fromkeys(_ids(group), path))
            pages[path] = page.replace(_NAV_MARK, _nav(context(path), part, list(laid)), 1)
        rendered += sum(len(page) for _, page in laid.values())
        weighed += _weight(part.municipality, base.scorecards)
        weighed += sum(_weight(ini, base.scorecards) for ini in part.initiatives)
        weighed += sum(_weight(net, base.scorecards) for net in part.networks)
        if progress is not None:
            progress(done, total)
    return {path: _resolve(page, path, homes, landing) for path, page in pages.items()}


_Piece = Initiative | Network

#: Past this many times the bytes of a page, as estimated, a municipality's page is shared
#: out among pages before it is rendered whole; below it, it is rendered to find out.
_CLEARLY_OVER: Final = 1.5


def _ids(group: Sequence[_Piece]) -> list[str]:
    return [piece.id for piece in group]


def _weight(subject: Municipality | _Piece, cards: Scorecards) -> int:
    """A rough measure of the room *subject* takes on a page, to share subjects out evenly."""
    size = 8
    if subject.id in cards:
        card = cards[subject.id]
        size += sum(2 + len(score.evidence) for score in card.applicable)
    if isinstance(subject, Initiative):
        size += len(subject.participants) + len(subject.milestones) + len(subject.evaluations)
    elif isinstance(subject, Network):
        size += len(subject.members)
    return size


def _share(pieces: Sequence[_Piece], count: int, cards: Scorecards) -> list[list[_Piece]]:
    """*pieces* in at most *count* runs, in their order, of about the same weight each."""
    weights = [_weight(piece, cards) for piece in pieces]
    total = sum(weights)
    groups: list[list[_Piece]] = [[]]
    reached = 0
    for piece, weight in zip(pieces, weights, strict=True):
        if groups[-1] and reached + weight / 2 > total * len(groups) / count:
            groups.append([])
        groups[-1].append(piece)
        reached += weight
    return groups


def _lay_out(
    part: _Part,
    render_one: Callable[[str, Sequence[_Piece], bool], str],
    *,
    cards: Scorecards,
    budget: int,
    grows: int,
    ratio: float | None,
) -> dict[str, tuple[Sequence[_Piece], str]]:
    """A municipality's pages, by path: what each holds, and its text (tokens unresolved).

    One page holds everything unless it would be over *budget* bytes; then its initiatives
    and networks are shared out among as many pages as it takes (the first also holds the
    municipality's card), each page halved again while it is over and has more than one.
    With *ratio*, the bytes per unit of :func:`_weight` on the pages so far, a page whose
    estimate is clearly over is shared out without being rendered whole first.
    """

    def size(page: str) -> int:
        # The list of the municipality's pages is a few hundred bytes; links grow.
        return len(page.encode("utf-8")) + page.count(_OPEN) * grows + 4_000

    pieces: list[_Piece] = [*part.initiatives, *part.networks]
    estimate = 0.0
    if ratio is not None:
        weight = _weight(part.municipality, cards) + sum(_weight(p, cards) for p in pieces)
        estimate = ratio * weight
    if estimate <= budget * _CLEARLY_OVER or len(pieces) < 2:
        whole = render_one(part.path, pieces, True)
        if size(whole) <= budget or len(pieces) < 2:
            return {part.path: (pieces, whole)}
        estimate = size(whole)
    count = min(len(pieces), math.ceil(estimate / (budget * 0.8)))
    pending = [(group, number == 0) for number, group in enumerate(_share(pieces, count, cards))]
    fitted: list[tuple[Sequence[_Piece], str]] = []
    while pending:
        group, first = pending.pop(0)
        page = render_one(part.path, group, first)
        if size(page) > budget and len(group) > 1:
            halves = _share(group, 2, cards)
            pending[:0] = [(halves[0], first), (halves[-1], False)]
            continue
        fitted.append((group, page))
    stem = part.path[: -len(".html")]
    # A municipality's page is named by a plain name, which has no dot: these are free.
    paths = [part.path, *(f"{stem}.{n}.html" for n in range(2, len(fitted) + 1))]
    return dict(zip(paths, fitted, strict=True))


def _nav(ctx: _PageContext, part: _Part, paths: Sequence[str]) -> str:
    """The list of a municipality's pages, when it has more than one."""
    if len(paths) < 2:
        return ""
    t = ctx.text
    items = []
    for n, path in enumerate(paths, start=1):
        label = esc(_words(t, "page_of", n=t.integer(n), total=t.integer(len(paths))))
        current = "page" if path == ctx.here else None
        items.append(tag("a", label, href=_relative(path, ctx.here), aria_current=current))
    name = _words(t, "pages_of", name=part.municipality.name)
    return tag(
        "nav", tag("p", esc(name) + ": " + " · ".join(items)), class_="subtitle", aria_label=name
    )


def _landing(
    ctx: _PageContext,
    parts: Sequence[_Part],
    heading: str,
    as_of: dt.date | None,
    made_today: bool,
    max_nodes: int,
    made: dt.date | None,
) -> str:
    land, t = ctx.landscape, ctx.text
    on_pages = set().union(*(part.subjects for part in parts)) if parts else set()
    shared = tuple(ini for ini in land.initiatives if ini.id not in on_pages)
    networks = tuple(net for net in land.networks if net.id not in on_pages)
    subjects = {card.subject for card in ctx.scorecards.cards} - on_pages
    names = section_names(t)
    intro = tag("p", esc(_words(t, "paged")), class_="note", id="paged")
    bodies = {
        "overview": intro
        + overview_body(ctx, initiatives=shared, networks=networks, index=_index(ctx, parts)),
        "progress": progress_body(ctx, as_of),
        "scorecards": tag("p", esc(_words(t, "cards_on_pages")))
        + _na_note(ctx.scorecards, t)
        + _card_counts(ctx, parts)
        + scorecards_body(ctx, subjects=subjects),
        "graph": _graph_body(ctx, max_nodes),
        "krachtenveld": _krachtenveld_body(ctx),
        "coverage": tag("p", esc(_words(t, "coverage_on_pages")), class_="note")
        + coverage_body(ctx, initiatives=shared),
        "lessons": tag("p", esc(_words(t, "lessons_on_pages")), class_="note")
        + lessons_body(ctx, initiatives=shared),
        "glossary": glossary_body(t.lang),
    }
    # The summary covers the whole landscape; it links to the evidence this page has.
    bodies["summary"] = summary_body(ctx, as_of, "".join(bodies.values()))
    return document(
        ctx,
        heading=heading,
        subtitle=_subtitle(land, t),
        as_of=as_of,
        made_today=made_today,
        made=made,
        sections=[(key, names[key], bodies[key]) for key in SECTIONS if key in bodies],
    )


def _index(ctx: _PageContext, parts: Sequence[_Part]) -> str:
    """The list of the municipalities, each with the link to its page."""
    t = ctx.text
    rows = []
    for part in parts:
        mun = part.municipality
        page = _relative(part.path, ctx.here)
        rows.append(
            tag(
                "tr",
                tag("th", tag("a", isolate(mun.name), href=page), scope="row")
                + tag("td", esc(mun.province or ""))
                + tag("td", esc(t.integer(len(part.initiatives))), class_="num")
                + tag("td", esc(t.integer(len(part.networks))), class_="num"),
            )
        )
    head = "".join(
        tag("th", esc(label), scope="col", class_="num" if numeric else None)
        for label, numeric in (
            (t("municipality"), False),
            (t("province"), False),
            (t("initiatives"), True),
            (t("networks"), True),
        )
    )
    table = tag(
        "table",
        tag("caption", esc(t("municipalities")), class_="visually-hidden")
        + tag("thead", tag("tr", head))
        + tag("tbody", "".join(rows)),
        id="municipality-pages",
    )
    return tag("div", table, class_="table-wrap")


def _card_counts(ctx: _PageContext, parts: Sequence[_Part]) -> str:
    """Per municipality: its scorecards and applicable scores, linked to them on its page."""
    t = ctx.text
    cards = ctx.scorecards
    rows = []
    for part in parts:
        mine = [cards[s] for s in sorted(part.subjects) if s in cards]
        applicable = sum(len(card.applicable) for card in mine)
        scores = sum(len(card) for card in mine)
        page = _relative(part.path, ctx.here)
        rows.append(
            tag(
                "tr",
                tag(
                    "th",
                    tag("a", isolate(part.municipality.name), href=f"{page}#scorecards"),
                    scope="row",
                )
                + tag("td", esc(t.integer(len(mine))), class_="num")
                + tag(
                    "td",
                    esc(
                        t(
                            "applicable_count",
                            applicable=t.integer(applicable),
                            total=t.integer(scores),
                        )
                    ),
                ),
            )
        )
    head = "".join(
        tag("th", esc(label), scope="col", class_="num" if numeric else None)
        for label, numeric in (
            (t("municipality"), False),
            (_words(t, "cards"), True),
            (_words(t, "applicable"), False),
        )
    )
    table = tag(
        "table",
        tag("caption", esc(_words(t, "cards")), class_="visually-hidden")
        + tag("thead", tag("tr", head))
        + tag("tbody", "".join(rows)),
        id="scorecard-pages",
    )
    return tag("div", table, class_="table-wrap")


def _municipality_page(
    ctx: _PageContext,
    part: _Part,
    group: Sequence[_Piece],
    first: bool,
    heading: str,
    as_of: dt.date | None,
    made_today: bool,
    made: dt.date | None,
) -> str:
    """One page of a municipality: its card when *first*, and the pieces of *group*.

    The initiatives and networks of *group*, with their progress, scorecards, coverage and
    lessons.
    """
    t = ctx.text
    mun = part.municipality
    names = section_names(t)
    initiatives = tuple(piece for piece in group if isinstance(piece, Initiative))
    networks = tuple(piece for piece in group if isinstance(piece, Network))
    own = (mun,) if first else ()
    index = ""
    if not first:
        link = tag("a", esc(mun.name), href=ctx.href(f"m-{mun.id}"))
        index = tag("p", esc(_words(t, "continued", link="\0")).replace("\0", link))
    bodies = {
        "overview": overview_body(
            ctx,
            municipalities=own,
            initiatives=initiatives,
            networks=networks,
            about=False,
            index=index,
        ),
        "progress": progress_body(ctx, as_of, municipalities=own, initiatives=initiatives),
        "scorecards": scorecards_body(ctx, subjects={*(m.id for m in own), *_ids(group)}),
        "coverage": coverage_body(ctx, municipalities=own, initiatives=initiatives),
        "lessons": lessons_body(ctx, initiatives=initiatives),
    }
    back = tag(
        "p",
        tag("a", esc(f"← {_words(t, 'back')}"), href=_relative(ctx.landing, ctx.here), rel="up"),
        class_="subtitle",
    )
    counts = [t.count(len(initiatives), "initiative")]
    if networks:
        counts.append(t.count(len(networks), "network"))
    return document(
        ctx,
        heading=mun.name,
        subtitle=f"{_words(t, 'part_of', title=heading)}: {t.join(counts)}.",
        as_of=as_of,
        made_today=made_today,
        made=made,
        sections=[(key, names[key], bodies[key]) for key in MUNICIPALITY_SECTIONS],
        before=back + _NAV_MARK,
    )


def write_pages(pages: Mapping[str, str], directory: str | os.PathLike[str]) -> Path:
    """Write the pages of a report (as :func:`render_pages` gives them) under *directory*.

    The landing page (the one path without a folder) is written atomically; the other
    pages, all in one folder beside it, are written to a temporary folder first that then
    takes the place of the old one (in one step where the system can exchange two folders,
    as the exporters' folders are put in place), so that a failure leaves the report that
    was there as it was. Should the program be killed between moving the old folder aside
    and the new one in, the next write puts the old one back first. A report of one page
    removes the folder of pages an earlier report in pages left beside it. *directory* is
    made when it does not exist.

    Returns
    -------
    Path
        The landing page.

    Raises
    ------
    ValueError
        If the paths are not one landing page and pages in one folder beside it.
    WriteError
        If a folder cannot be made or a file cannot be written.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     pages = {"r.html": "<p>all</p>", "r-pages/a.html": "<p>a</p>"}
    ...     landing = write_pages(pages, folder)
    ...     print(landing.name, sorted(p.name for p in Path(folder, "r-pages").iterdir()))
    r.html ['a.html']
    """
    landings = [path for path in pages if "/" not in path]
    if len(landings) != 1 or not landings[0].endswith(".html"):
        message = f"a report has one landing page, a file name ending in .html; got {landings}"
        raise ValueError(message)
    landing = landings[0]
    sub = pages_folder(landing[: -len(".html")])
    inner: dict[str, str] = {}
    for path, text in pages.items():
        if path == landing:
            continue
        folder_name, _, file_name = path.partition("/")
        if folder_name != sub or not file_name or "/" in file_name:
            message = f"every page but the landing page is in {sub}/, got {path!r}"
            raise ValueError(message)
        check_name(file_name)
        inner[file_name] = text
    folder = Path(directory)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise WriteError(str(folder), error.strerror or str(error)) from error
    except ValueError as error:  # a folder name the system refuses, such as one with a NUL
        raise WriteError(str(folder), f"this is not a usable folder name: {error}") from error
    target = folder / sub
    # Pages a write killed half-way left aside are put back first, as the exporters do.
    recover(target)
    if not inner:
        written = write_atomic(folder / landing, pages[landing].encode("utf-8"))
        if target.is_dir():
            shutil.rmtree(target, ignore_errors=True)
        return written
    try:
        staging = staged(target, {name: text.encode("utf-8") for name, text in inner.items()})
        try:
            # The landing page is written once the new pages are in place; should that
            # fail, the old pages go back, beside the old landing page.
            with swapped(staging, target):
                written = write_atomic(folder / landing, pages[landing].encode("utf-8"))
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    except OSError as error:
        raise WriteError(str(target), error.strerror or str(error)) from error
    except ValueError as error:
        raise WriteError(str(target), f"this is not a usable file name: {error}") from error
    return written


def write_report(
    landscape: Landscape,
    directory: str | os.PathLike[str],
    *,
    name: str | None = None,
    lang: str = "nl",
    scorecards: Scorecards | None = None,
    graph: StakeholderGraph | None = None,
    title: str | None = None,
    as_of: dt.date | AsOf | None = None,
    max_nodes: int = MAX_GRAPH_NODES,
    analysis: Analysis | None = None,
    time_budget: float | None = None,
    paged: bool | None = None,
    made: dt.date | None = None,
) -> Path:
    """Write the report of *landscape* to ``<directory>/<name>.html``, atomically.

    A large landscape (see :func:`render_pages`) also gets the folder
    ``<directory>/<name>-pages/``, with one page per municipality, which the landing page
    ``<name>.html`` links to. The folder is made when it does not exist. Every file is
    written to a temporary file or folder beside it and moved into place, so a failure
    never leaves half a report, nor spoils a report that was there.

    Parameters
    ----------
    landscape : Landscape
        The landscape to report on.
    directory : str or path-like
        The folder to write to.
    name : str, optional
        The file name without ``.html``; by default
        :func:`~democratie.report.report_name` of the landscape.
    lang, scorecards, graph, title, as_of, max_nodes, analysis, time_budget, made
        As for :func:`~democratie.report.render`.
    paged : bool, optional
        In pages or not, whatever the size; by default when the landscape is large
        (:func:`is_paged`).

    Returns
    -------
    Path
        The file written (the landing page).

    Raises
    ------
    ValueError
        If *name* is empty or holds a path separator, or as
        :func:`~democratie.report.render` raises.
    WriteError
        If the folder cannot be made or the file cannot be written.

    Examples
    --------
    >>> import tempfile
    >>> import democratie.examples
    >>> from democratie.report import write_report
    >>> land = democratie.examples.load("leusden-samenleving-voorop")
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = write_report(land, folder, lang="en", name="leusden.en")
    ...     print(path.name, path.read_text("utf-8").startswith("<!DOCTYPE html>"))
    leusden.en.html True
    """
    pages = render_pages(
        landscape,
        name=name,
        paged=paged,
        lang=lang,
        scorecards=scorecards,
        graph=graph,
        title=title,
        as_of=as_of,
        max_nodes=max_nodes,
        analysis=analysis,
        time_budget=time_budget,
        made=made,
    )
    return write_pages(pages, directory)

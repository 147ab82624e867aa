"""Render a landscape as one self-contained HTML page, and write it to a file.

Examples
--------
A report has the sections of :data:`SECTIONS`, in that order, and draws at most
:data:`MAX_GRAPH_NODES` nodes unless told otherwise:

>>> import democratie.examples
>>> page = render(democratie.examples.load("leusden-samenleving-voorop"), lang="en")
>>> [page.index(f'id="{section}"') for section in SECTIONS] == sorted(
...     page.index(f'id="{section}"') for section in SECTIONS)
True
>>> MAX_GRAPH_NODES
150
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Final

from democratie.analysis import ANALYSIS_ERRORS, Analysis
from democratie.graph import ACTOR_KINDS, StakeholderGraph
from democratie.graph.analysis import BrokerRanking, ChampionRanking
from democratie.model import Landscape
from democratie.monitor import AsOf
from democratie.plugins import analyse, scoring_rules
from democratie.report._assets import CSS, SCRIPT, csp
from democratie.report._glossary import explain, glossary_body
from democratie.report._glossary import heading as glossary_heading
from democratie.report._header import header_lines
from democratie.report._html import esc, tag
from democratie.report._krachtenveld import krachtenveld_body
from democratie.report._picture import graph_figure, select
from democratie.report._progress import progress_body
from democratie.report._sections import (
    Context,
    coverage_body,
    lessons_body,
    overview_body,
    scorecards_body,
    terms_html,
)
from democratie.report._summary import record_next, summary_body, words
from democratie.report._text import Text
from democratie.scoring import Bilingual, Scorecards

__all__ = ["MAX_GRAPH_NODES", "SECTIONS", "render", "report_name"]

#: The most nodes the picture of the stakeholder graph draws; the report says when it cuts.
MAX_GRAPH_NODES: Final = 150

#: The sections of the report, in order: the ``id`` of each ``<section>`` element.
SECTIONS: Final[tuple[str, ...]] = (
    "summary",
    "overview",
    "progress",
    "scorecards",
    "graph",
    "krachtenveld",
    "coverage",
    "lessons",
    "glossary",
)

#: How many champions and brokers the tables list, and how many the picture rings.
_RANKED: Final = 10
_RINGED: Final = 3


def render(
    landscape: Landscape,
    *,
    lang: str = "nl",
    scorecards: Scorecards | None = None,
    graph: StakeholderGraph | None = None,
    title: str | None = None,
    as_of: dt.date | AsOf | None = None,
    max_nodes: int = MAX_GRAPH_NODES,
    analysis: Analysis | None = None,
    time_budget: float | None = None,
    made: dt.date | None = None,
) -> str:
    """Render *landscape* as the text of one self-contained HTML page.

    The page has an overview of every municipality, initiative and network; their progress
    (a timeline per initiative, planned against done with the day marked, and per
    municipality its indicators area by goal, with the areas where a goal goes unmeasured);
    the scorecards with each score's explanation and evidence; a picture of the stakeholder
    graph (nodes coloured by kind or sector, central contacts and brokers ringed and named,
    zoom, pan and hover details) with tables of the central contacts and brokers; the
    krachtenveld (Mendelow's power-interest grid, with a table); coverage of wijken and
    kernen, policy domains and sectors; and the lessons learned. It loads nothing from the
    network: the stylesheet and the one small script are inline, and its Content Security
    Policy forbids any request.

    The page holds everything, whatever the size of the landscape: for a large one
    (:func:`~democratie.report.is_paged`), :func:`~democratie.report.render_pages` gives
    a landing page and a page per municipality instead, which open much faster.

    Parameters
    ----------
    landscape : Landscape
        The landscape to report on.
    lang : {"nl", "en"}, default "nl"
        The language of the report: its fixed text and the labels of the vocabularies.
        Explanations of scores are given by the rules in both languages.
    scorecards : Scorecards, optional
        The scores to show; by default :func:`democratie.plugins.score` computes them with
        every registered rule.
    graph : StakeholderGraph, optional
        The stakeholder graph of *landscape*; by default it is built, with the enrichments
        of the registered plugins (:func:`democratie.plugins.build_graph`).
    title : str, optional
        The title (the ``<h1>``); by default the landscape's title.
    as_of : datetime.date or AsOf, optional
        The day the report speaks of (an :class:`~democratie.monitor.AsOf` that is
        today's says so: the day the report was made). It is printed under the title
        and, when the report computes the scores, passed to
        :func:`~democratie.plugins.score` to judge deadlines; the overview marks the
        milestones overdue on that day, as :func:`democratie.monitor.status` does.
        With *analysis*, the day is the analysis's own (``analysis.as_of``) unless
        given. The timelines mark it, judge milestones overdue on it and count the
        measurements up to it. The report carries no date unless you give one (or the
        analysis has one), so the same input gives the same page, byte for byte: without
        one the timelines show what is recorded, with no day marked and nothing overdue,
        and the indicator tables the latest measurement recorded.
    max_nodes : int, default 150
        The most nodes the picture of the graph draws (the best connected, champions and
        brokers first). The tables always cover the whole graph.
    analysis : Analysis, optional
        What the report shows, when it is computed already (:func:`democratie.analyse`):
        its graph, scorecards, champions, brokers, krachtenveld and coverage. By default
        the report analyses *landscape* itself, with *scorecards* and *graph* when given.
    time_budget : float, optional
        When the report scores: the most seconds one rule may take on one subject (see
        :func:`democratie.scoring.run`).
    made : datetime.date, optional
        The day the report was made, printed in the header with the library's version; by
        default none, so that the same input gives the same page (the CLI passes today).

    Returns
    -------
    str
        The HTML text.

    Raises
    ------
    ValueError
        If *lang* is neither ``"nl"`` nor ``"en"``, *max_nodes* is less than 1, or *as_of*
        is not the day *analysis* judged deadlines on.

    Examples
    --------
    >>> import democratie.examples
    >>> from democratie.report import render
    >>> page = render(democratie.examples.load("leusden-samenleving-voorop"), lang="en")
    >>> page.startswith("<!DOCTYPE html>")
    True
    >>> '<html lang="en">' in page, 'id="scorecards"' in page
    (True, True)
    """
    ctx, as_of, made_today = _prepare(
        landscape,
        lang=lang,
        scorecards=scorecards,
        graph=graph,
        as_of=as_of,
        max_nodes=max_nodes,
        analysis=analysis,
        time_budget=time_budget,
    )
    text = ctx.text
    names = section_names(text)
    bodies = {
        "overview": overview_body(ctx),
        "progress": progress_body(ctx, as_of),
        "scorecards": _na_note(ctx.scorecards, text) + scorecards_body(ctx),
        "graph": _graph_body(ctx, max_nodes),
        "krachtenveld": _krachtenveld_body(ctx),
        "coverage": coverage_body(ctx),
        "lessons": lessons_body(ctx),
        "glossary": glossary_body(text.lang),
    }
    # The summary links to the first of each finding's anchors that the page has.
    bodies["summary"] = summary_body(ctx, as_of, "".join(bodies.values()))
    return document(
        ctx,
        heading=title or landscape.title or text("default_title"),
        subtitle=_subtitle(landscape, text),
        as_of=as_of,
        made_today=made_today,
        made=made,
        sections=[(key, names[key], bodies[key]) for key in SECTIONS],
    )


def _prepare(
    landscape: Landscape,
    *,
    lang: str,
    scorecards: Scorecards | None,
    graph: StakeholderGraph | None,
    as_of: dt.date | AsOf | None,
    max_nodes: int,
    analysis: Analysis | None,
    time_budget: float | None,
) -> tuple[Context, dt.date | None, bool]:
    """The context every page of a report shares, the report's day, and whether it is today."""
    text = Text(lang)
    checked: object = max_nodes
    if isinstance(checked, bool) or not isinstance(checked, int) or checked < 1:
        message = f"max_nodes must be a whole number of at least 1, got {max_nodes!r}"
        raise ValueError(message)
    made_today = isinstance(as_of, AsOf) and as_of.today
    if isinstance(as_of, AsOf):
        as_of = as_of.date
    if analysis is not None:
        # The header's day and the day the scores were judged on are one day.
        if as_of is None:
            as_of = analysis.as_of
        elif analysis.as_of is not None and analysis.as_of != as_of:
            message = (
                f"as_of is {as_of}, but the analysis judged deadlines on {analysis.as_of}; "
                "give one day"
            )
            raise ValueError(message)
    if analysis is None:
        analysis = analyse(landscape, graph=graph, as_of=as_of, time_budget=time_budget)
        if scorecards is not None:
            analysis = _with_scorecards(analysis, scorecards)
    titles: Mapping[str, Bilingual] = {
        **{rule.name: rule.title for rule in scoring_rules()},
        **analysis.rule_titles,
    }
    ctx = Context(
        landscape=landscape,
        graph=analysis.graph,
        scorecards=analysis.scorecards,
        rule_titles=titles,
        text=text,
        analysis=analysis,
    )
    return ctx, as_of, made_today


def section_names(text: Text) -> dict[str, str]:
    """The heading of every section of :data:`SECTIONS`, in the report's language."""
    return {
        "summary": words(text.lang, "summary"),
        "overview": text("overview"),
        "progress": text("progress"),
        "scorecards": text("scorecards"),
        "graph": text("graph"),
        "krachtenveld": text("krachtenveld"),
        "coverage": text("coverage"),
        "lessons": text("lessons"),
        "glossary": glossary_heading(text.lang),
    }


def document(
    ctx: Context,
    *,
    heading: str,
    subtitle: str,
    as_of: dt.date | None,
    made_today: bool,
    sections: Sequence[tuple[str, str, str]],
    before: str = "",
    made: dt.date | None = None,
) -> str:
    """One page: head, header, contents, the *sections* (id, heading, body), footer, script.

    *before* is HTML shown at the top of the header, above the title (a page of a report in
    parts says there which report it belongs to).
    """
    text = ctx.text
    scorecards = ctx.scorecards
    main = "".join(
        tag(
            "section",
            tag("h2", esc(name), id=f"{key}-heading") + body,
            id=key,
            aria_labelledby=f"{key}-heading",
        )
        for key, name, body in sections
    )
    toc = tag(
        "nav",
        tag("h2", esc(text("toc")), id="toc-heading")
        + tag(
            "ol",
            "".join(tag("li", tag("a", esc(name), href=f"#{key}")) for key, name, _ in sections),
        ),
        class_="toc",
        aria_labelledby="toc-heading",
    )
    header = tag(
        "header",
        before
        + tag("h1", esc(heading, ctx.names))
        + tag("p", ctx.sentence(subtitle), class_="subtitle")
        + (
            tag(
                "p",
                esc(text("as_of_made" if made_today else "as_of", date=text.date(as_of))),
                class_="subtitle",
            )
            if as_of
            else ""
        )
        + header_lines(text, made=made, as_of=as_of),
    )
    footer_lines = [text("footer")]
    if scorecards.rules:
        titles = ctx.rule_titles
        names = [titles[r].get(text.lang) if r in titles else r for r in scorecards.rules]
        footer_lines.append(text("footer_rules", rules=", ".join(names)))
    footer = tag("footer", "".join(tag("p", esc(line)) for line in footer_lines))
    head = "".join(
        [
            tag("meta", None, charset="utf-8"),
            tag("meta", None, http_equiv="Content-Security-Policy", content=csp()),
            tag("meta", None, name="viewport", content="width=device-width, initial-scale=1"),
            tag("meta", None, name="color-scheme", content="light"),
            tag("meta", None, name="generator", content="democratie"),
            tag("title", esc(f"{heading} — {text('report_kind')}")),
            f"<style>{CSS}</style>",
        ]
    )
    body = (
        tag("a", esc(text("skip")), href="#main", class_="skip")
        + header
        + toc
        + tag("main", main, id="main")
        + footer
        + f"<script>{SCRIPT}</script>"
    )
    return (
        "<!DOCTYPE html>\n"
        + tag("html", "\n" + tag("head", head) + "\n" + tag("body", body) + "\n", lang=text.lang)
        + "\n"
    )


def _with_scorecards(analysis: Analysis, scorecards: Scorecards) -> Analysis:
    """The analysis, with scorecards computed elsewhere in place of its own."""
    return Analysis(
        analysis.landscape,
        analysis.rules,
        graph=lambda: analysis.graph,
        scorer=lambda _: scorecards,
        rule_plugins=analysis.rule_plugins,
        as_of=analysis.as_of,
        seed=analysis.seed,
    )


def _subtitle(landscape: Landscape, text: Text) -> str:
    sizes = (
        (len(landscape.municipalities), "municipality"),
        (len(landscape.initiatives), "initiative"),
        (len(landscape.networks), "network"),
        (len(landscape.organisations), "organisation"),
        (len(landscape.people), "person"),
    )
    counts = [text.count(n, noun) for n, noun in sizes if n] or [text.count(0, "municipality")]
    return f"{text('report_kind')}: {text.join(counts)}."


def _graph_body(ctx: Context, max_nodes: int) -> str:
    graph, t = ctx.graph, ctx.text
    if len(graph) == 0:
        return tag("p", esc(t("graph_empty")), class_="note", id="graph-empty")
    champions: ChampionRanking | None = None
    brokers: BrokerRanking | None = None
    champion_error = broker_error = ""
    try:
        champions = ctx.analysis.top_champions(_RANKED)
    except ANALYSIS_ERRORS as error:
        champion_error = str(error)
    actors = graph.nodes(kind=ACTOR_KINDS)
    shortlist = ctx.analysis.broker_shortlist
    try:
        brokers = ctx.analysis.top_brokers(_RANKED)
    except ANALYSIS_ERRORS as error:
        broker_error = str(error)
    ringed_champions = [c.id for c in champions or () if c.score > 0][:_RINGED]
    ringed_brokers = [b.id for b in brokers or () if b.betweenness > 0][:_RINGED]
    drawing = select(graph, max_nodes=max_nodes, keep=[*ringed_champions, *ringed_brokers])
    drawn = set(drawing.nodes)
    figure = graph_figure(
        graph,
        drawing,
        champions=[n for n in ringed_champions if n in drawn],
        brokers=[n for n in ringed_brokers if n in drawn],
        text=t,
    )
    return (
        tag("p", esc(t("graph_intro")))
        + figure
        + tag("h3", esc(t("champions")), id="champions")
        + tag("p", esc(t("champions_intro")))
        + _champion_table(champions, champion_error, ctx)
        + tag("h3", esc(t("brokers")), id="brokers")
        + tag("p", esc(t("brokers_intro")))
        + _broker_table(brokers, broker_error, ctx)
        + (
            tag(
                "p",
                esc(t("brokers_shortlist", actors=t.integer(len(actors)), n=len(shortlist))),
                class_="note",
            )
            if shortlist is not None
            else ""
        )
    )


#: The columns of the ranking tables that name a measure of the glossary.
_MEASURES: Final = {
    "score": "voterank",
    "degree": "degree",
    "centrality": "eigenvector",
    "articulation": "articulation",
    "betweenness": "betweenness",
    "constraint": "constraint",
    "effective_size": "effective_size",
}


def _na_note(scorecards: Scorecards, text: Text) -> str:
    """A line saying how many scores that do not apply the summary gathers, linked there."""
    # Only the scores that recording a fact could make apply: those out of scope are not
    # summarised as something to record.
    n = sum(len(group.subjects) for group in record_next(scorecards))
    if not n:
        return ""
    line = esc(words(text.lang, "na_summarised", n=text.integer(n)))
    return tag("p", tag("a", line, href="#record-next"), class_="note", id="scorecards-na")


def _head(columns: tuple[tuple[str, bool], ...], t: Text) -> str:
    return tag(
        "thead",
        tag(
            "tr",
            "".join(
                tag(
                    "th",
                    esc(t(key)) + (explain(_MEASURES[key], t.lang) if key in _MEASURES else ""),
                    scope="col",
                    class_="num" if numeric else None,
                )
                for key, numeric in columns
            ),
        ),
    )


def _champion_table(ranking: ChampionRanking | None, error: str, ctx: Context) -> str:
    t = ctx.text
    if ranking is None:
        return tag("p", esc(t("not_computed", reason=error)), class_="note")
    if not ranking.champions:
        return tag("p", esc(t("no_actors")), class_="note")
    columns = (
        ("rank", True),
        ("name", False),
        ("kind", False),
        ("score", True),
        ("degree", True),
        ("centrality", True),
        ("declared", False),
        ("articulation", False),
    )
    rows = []
    for place, champion in enumerate(ranking.champions, start=1):
        cells = [
            tag("td", esc(place), class_="num"),
            tag("th", ctx.link(champion.id), scope="row"),
            tag("td", esc(t.kind(champion.kind))),
            tag("td", esc(t.number(champion.score)), class_="num"),
            tag("td", esc(t.number(champion.degree)), class_="num"),
            tag("td", esc(t.number(champion.centrality)), class_="num"),
            tag("td", esc(t("yes") if champion.declared else t("no"))),
            tag("td", esc(t("yes") if champion.articulation_point else t("no"))),
        ]
        rows.append(tag("tr", "".join(cells)))
    table = tag(
        "table",
        tag("caption", esc(t("champions")), class_="visually-hidden")
        + _head(columns, t)
        + tag("tbody", "".join(rows)),
        id="champions-table",
    )
    note = ""
    if ranking.fragile:
        note = tag("p", esc(t("fragile")), class_="note") + terms_html(("articulation",), ctx)
    return tag("div", table, class_="table-wrap") + note


def _broker_table(ranking: BrokerRanking | None, error: str, ctx: Context) -> str:
    t = ctx.text
    if ranking is None:
        return tag("p", esc(t("not_computed", reason=error)), class_="note")
    if not ranking.brokers:
        return tag("p", esc(t("no_actors")), class_="note")
    columns = (
        ("rank", True),
        ("name", False),
        ("kind", False),
        ("betweenness", True),
        ("constraint", True),
        ("effective_size", True),
    )

    def optional(value: float | None) -> str:
        return "—" if value is None else t.number(value)

    rows = []
    for place, broker in enumerate(ranking.brokers, start=1):
        cells = [
            tag("td", esc(place), class_="num"),
            tag("th", ctx.link(broker.id), scope="row"),
            tag("td", esc(t.kind(broker.kind))),
            tag("td", esc(t.number(broker.betweenness)), class_="num"),
            tag("td", esc(optional(broker.constraint)), class_="num"),
            tag("td", esc(optional(broker.effective_size)), class_="num"),
        ]
        rows.append(tag("tr", "".join(cells)))
    table = tag(
        "table",
        tag("caption", esc(t("brokers")), class_="visually-hidden")
        + _head(columns, t)
        + tag("tbody", "".join(rows)),
        id="brokers-table",
    )
    sampled = ""
    if ranking.k is not None:
        sampled = tag(
            "p",
            esc(t("brokers_sampled", k=t.integer(ranking.k), seed=ranking.seed)),
            class_="note",
        )
    return tag("div", table, class_="table-wrap") + sampled


def _krachtenveld_body(ctx: Context) -> str:
    t = ctx.text
    try:
        field = ctx.analysis.krachtenveld
    except ANALYSIS_ERRORS as error:
        return tag("p", esc(t("not_computed", reason=str(error))), class_="note")
    intro = ""
    if field.positions:
        intro = tag("p", esc(t("krachtenveld_intro"))) + terms_html(("mendelow", "salience"), ctx)
    return intro + krachtenveld_body(field, t)


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def report_name(landscape: Landscape) -> str:
    """The default file name (without ``.html``) of a landscape's report: its title as a slug.

    Examples
    --------
    >>> import democratie.examples
    >>> report_name(democratie.examples.load("delft-zeven-van-delft"))
    'de-zeven-van-delft'
    >>> from democratie.model import Landscape
    >>> report_name(Landscape()), report_name(Landscape(title="Één & twee"))
    ('democratie-report', 'een-twee')
    """
    folded = unicodedata.normalize("NFKD", landscape.title or "")
    ascii_text = folded.encode("ascii", "ignore").decode("ascii").lower()
    slug = _NOT_SLUG.sub("-", ascii_text).strip("-")[:80].strip("-")
    return slug or "democratie-report"

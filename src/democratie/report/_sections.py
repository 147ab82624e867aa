"""The sections of the report that are text and tables: overview, scorecards, coverage, lessons.

Each function takes a :class:`Context` (the landscape, its graph and scorecards, and the
words of the report in one language) and returns the HTML of a section's body, escaping
every text that comes from the landscape or from a scoring rule.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import TypeVar

import networkx as nx
from attrs import Factory, field, frozen

from democratie.analysis import Analysis
from democratie.graph import StakeholderGraph
from democratie.model import (
    Evaluation,
    Faction,
    Indicator,
    Initiative,
    Landscape,
    Meeting,
    Milestone,
    Municipality,
    Network,
    Period,
    Role,
    Task,
    Transfer,
)
from democratie.monitor import milestone_state
from democratie.report._glossary import explain
from democratie.report._html import dl, esc, isolate, isolating, linked, listing, reorders, tag, ul
from democratie.report._labels import fact_html, key_html, measures_in, prose_html, value_text
from democratie.report._text import Text
from democratie.scoring import Bilingual, Evidence, Score, Scorecard, Scorecards
from democratie.vocab import AreaLevel, LessonKind, Raci, Term

__all__ = [
    "Context",
    "coverage_body",
    "lessons_body",
    "overview_body",
    "scorecards_body",
]

#: Lists longer than this are cut, with "and N more".
LIST_LIMIT = 40

_T = TypeVar("_T")
_ANCHORS = {"municipality": "m", "initiative": "i", "network": "n"}


@frozen(kw_only=True)
class Context:
    """What every section needs: the landscape, its graph and scores, and the words.

    Attributes
    ----------
    landscape : Landscape
        The landscape reported on.
    graph : StakeholderGraph
        Its stakeholder graph.
    scorecards : Scorecards
        Its scorecards.
    rule_titles : Mapping of str to Bilingual
        The titles of the rules that may appear in the scorecards, by rule name.
    text : Text
        The words of the report in its language.
    analysis : Analysis, optional
        What is computed about the landscape, once (coverage, rankings); by default one
        of *graph*, holding *scorecards*.

    Examples
    --------
    >>> import democratie
    >>> import democratie.examples
    >>> from democratie.graph import build_graph
    >>> from democratie.plugins import score
    >>> from democratie.scoring.rules import BUILTIN_RULES
    >>> from democratie.report._text import Text
    >>> land = democratie.examples.load("delft-zeven-van-delft")
    >>> graph = build_graph(land)
    >>> titles = {rule.name: rule.title for rule in BUILTIN_RULES}
    >>> ctx = Context(landscape=land, graph=graph, scorecards=score(land, graph=graph),
    ...               rule_titles=titles, text=Text("en"),
    ...               analysis=democratie.analyse(land, graph=graph))
    >>> ctx.text("toc"), ctx.rule_titles["commitment_triad"].en
    ('Contents', 'Commitment triad')
    """

    landscape: Landscape
    graph: StakeholderGraph
    scorecards: Scorecards
    rule_titles: Mapping[str, Bilingual]
    text: Text
    analysis: Analysis = field(
        default=Factory(lambda ctx: _analysis_of(ctx), takes_self=True), eq=False
    )
    #: The names of the landscape that could reorder the text around them (see
    #: :func:`~democratie.report._html.isolating`), for the sentences that hold names.
    names: re.Pattern[str] | None = field(
        default=Factory(lambda ctx: _reordering_names(ctx.landscape), takes_self=True),
        eq=False,
    )

    def sentence(self, text: str) -> str:
        """Escape a sentence of plain text, each name in it that could reorder it in ``<bdi>``."""
        return esc(text, self.names)

    def name(self, entity_id: str) -> str:
        """A readable name for an id: from the landscape, else the graph, else the id."""
        if entity_id in self.landscape:
            return self.landscape.name_of(entity_id)
        if entity_id in self.graph:
            return self.graph.label(entity_id)
        return entity_id

    def anchor(self, entity_id: str) -> str | None:
        """The id of the element of the overview that describes *entity_id*, if there is one."""
        if entity_id not in self.landscape:
            return None
        prefix = _ANCHORS.get(self.landscape.kind_of(entity_id))
        return None if prefix is None else f"{prefix}-{entity_id}"

    def href(self, target: str) -> str:
        """The address of the element whose ``id`` is *target*: on this page, ``#target``.

        A report of several pages (:func:`democratie.report.render_pages`) points to the
        page that holds it.
        """
        return f"#{target}"

    def link(self, entity_id: str) -> str:
        """The escaped name of *entity_id*, linked to its description when the report has one."""
        target = self.anchor(entity_id)
        name = isolate(self.name(entity_id))
        return name if target is None else tag("a", name, href=self.href(target))

    def label(self, term: Term) -> str:
        """The label of a vocabulary term in the report's language, escaped."""
        return esc(term.label(self.text.lang))


def _limited(items: Sequence[_T], render: Callable[[_T], str], text: Text) -> list[str]:
    shown = [render(item) for item in items[:LIST_LIMIT]]
    if len(items) > LIST_LIMIT:
        shown.append(esc(text("and_more", n=text.integer(len(items) - LIST_LIMIT))))
    return shown


def _inline(items: Iterable[str]) -> str:
    return ", ".join(items)


def _period(period: Period, text: Text) -> str:
    if period.start and period.end:
        return text("from_to", start=text.date(period.start), end=text.date(period.end))
    if period.start:
        return text("since", date=text.date(period.start))
    if period.end:
        return text("until", date=text.date(period.end))
    return ""


def _yes_no(value: bool | None, text: Text) -> str:
    if value is None:
        return ""
    return esc(text("yes") if value else text("no"))


def url_html(url: str) -> str:
    """A source's address: a link when it is an http or https address, else plain text.

    Examples
    --------
    >>> url_html("https://example.org/a?b=1&c=2")
    '<a class="url" href="https://example.org/a?b=1&amp;c=2">https://example.org/a?b=1&amp;c=2</a>'
    >>> url_html("javascript:alert(1)")
    '<span class="url">javascript:alert(1)</span>'
    """
    if url.lower().startswith(("http://", "https://")):
        return tag("a", esc(url), class_="url", href=url)
    return tag("span", esc(url), class_="url")


def _scorecard_link(subject: str, ctx: Context) -> str:
    if subject not in ctx.scorecards:
        return ""
    return tag("a", esc(ctx.text("scorecard_link")), href=ctx.href(f"card-{subject}"))


# ----------------------------------------------------------------------------------------------
# Overview
# ----------------------------------------------------------------------------------------------


def overview_body(
    ctx: Context,
    *,
    municipalities: Sequence[Municipality] | None = None,
    initiatives: Sequence[Initiative] | None = None,
    networks: Sequence[Network] | None = None,
    index: str = "",
    about: bool = True,
) -> str:
    """Write the overview: description, sources, then every municipality, initiative, network.

    A page of a report in parts shows some of them (*municipalities*, *initiatives*,
    *networks*; all by default), or *index* (HTML) in place of the municipalities' cards,
    and leaves out the description and sources unless *about*.

    Examples
    --------
    >>> import re
    >>> import democratie.examples
    >>> from democratie.graph import build_graph
    >>> from democratie.plugins import score
    >>> from democratie.scoring.rules import BUILTIN_RULES
    >>> from democratie.report._text import Text
    >>> land = democratie.examples.load("delft-zeven-van-delft")
    >>> graph = build_graph(land)
    >>> titles = {rule.name: rule.title for rule in BUILTIN_RULES}
    >>> ctx = Context(landscape=land, graph=graph, scorecards=score(land, graph=graph),
    ...               rule_titles=titles, text=Text("en"))
    >>> re.findall(r"<h[34][^>]*>(.*?)</h[34]>", overview_body(ctx))
    ['Sources', 'Municipalities', 'Delft', 'Overbetuwe', 'Initiatives', 'De zeven van Delft',
    'Vernieuwing gemeentelijke organisatie: De zeven van Delft', 'Networks']
    """
    land, t = ctx.landscape, ctx.text
    municipalities = land.municipalities if municipalities is None else municipalities
    initiatives = land.initiatives if initiatives is None else initiatives
    networks = land.networks if networks is None else networks
    parts: list[str] = []
    if about and land.description:
        parts.extend(
            tag("p", linked(p.strip())) for p in land.description.split("\n\n") if p.strip()
        )
    if about and land.sources:
        items = []
        for source in land.sources:
            cited = linked(source.title)
            item = tag("cite", f"<bdi>{cited}</bdi>" if reorders(source.title) else cited)
            if source.note:
                item += f" — {linked(source.note)}"
            if source.url:
                item += " " + url_html(source.url)
            items.append(item)
        parts.append(tag("h3", esc(t("sources")), id="sources") + ul(items))
    parts.append(tag("h3", esc(t("municipalities")), id="municipalities"))
    if index:
        parts.append(index)
    elif municipalities:
        cards = "".join(_municipality(mun, ctx) for mun in municipalities)
        parts.append(tag("div", cards, class_="cards"))
    else:
        parts.append(tag("p", esc(t("no_municipalities")), class_="note"))
    parts.append(tag("h3", esc(t("initiatives")), id="initiatives"))
    if initiatives:
        parts.extend(_initiative(ini, ctx) for ini in initiatives)
    else:
        parts.append(tag("p", esc(t("no_initiatives")), class_="note"))
    parts.append(tag("h3", esc(t("networks")), id="networks"))
    if networks:
        cards = "".join(_network(net, ctx) for net in networks)
        parts.append(tag("div", cards, class_="cards"))
    else:
        parts.append(tag("p", esc(t("no_networks")), class_="note"))
    return "".join(parts)


def _role_line(role: Role, ctx: Context) -> str:
    line = f"{isolate(ctx.name(role.holder))} — {ctx.label(role.kind)}"
    if role.title and role.title != role.kind.label(ctx.text.lang):
        line += f" ({isolate(role.title)})"
    return line


def _municipality(mun: Municipality, ctx: Context) -> str:
    land, t = ctx.landscape, ctx.text
    council = mun.council
    council_text = [t("seats", n=t.integer(council.seats))] if council.seats is not None else []

    def faction(f: Faction) -> str:
        seats = esc(f" ({t('seats', n=t.integer(f.seats))})") if f.seats else ""
        return isolate(f.name) + seats

    factions = _limited(council.factions, faction, t)
    college = ""
    if mun.college.wethouder_seats is not None:
        college = esc(t("wethouders", n=t.integer(mun.college.wethouder_seats)))
    places = [mun.id, mun.council_id, mun.college_id, *(f.id for f in council.factions)]
    roles = [role for place in places for role in land.roles_at(place)]
    networks = [
        net.id for net in land.networks if mun.id in net.members or mun.id in net.coordinators
    ]
    rows = [
        (t("cbs_code"), esc(mun.cbs_code or "")),
        (t("province"), esc(mun.province or "")),
        (t("council"), esc(_inline(council_text))),
        (t("factions"), listing(factions)),
        (t("college"), college),
        (t("areas"), _areas_summary(mun, ctx)),
        (t("indicators"), listing(_limited(mun.indicators, lambda d: _indicator(d, ctx), t))),
        (t("people_roles"), listing(_limited(roles, lambda r: _role_line(r, ctx), t))),
        (t("initiatives"), listing(ctx.link(i.id) for i in land.initiatives_in(mun.id))),
        (t("networks"), listing(ctx.link(n) for n in networks)),
        (t("scorecard_link"), _scorecard_link(mun.id, ctx)),
    ]
    return tag(
        "article",
        tag("h4", isolate(mun.name)) + dl(rows, class_="facts"),
        class_="entity",
        id=f"m-{mun.id}",
    )


def _areas_summary(mun: Municipality, ctx: Context) -> str:
    land, t = ctx.landscape, ctx.text
    counts = {AreaLevel.WIJK: mun.wijk_count, AreaLevel.KERN: mun.kern_count}
    lines = []
    for level in AreaLevel:
        named = land.areas_of(mun.id, level.slug)
        total = max(len(named), counts.get(level) or 0)
        if not total:
            continue
        line = esc(t.count(total, level.slug))
        if named:
            line += ": " + _inline(_limited(named, lambda a: isolate(a.name), t))
        lines.append(line)
    return listing(lines)


def _initiative(ini: Initiative, ctx: Context) -> str:
    t = ctx.text
    areas = [isolate(ctx.name(a)) for a in ini.areas]
    areas += [esc(t("all_of_level", level=t.plural(2, lv.slug))) for lv in ini.covers_all]
    initiator = []
    if ini.initiator is not None:
        initiator.append(ctx.label(ini.initiator))
    initiator += [ctx.link(a) for a in ini.initiated_by]
    level = ctx.label(ini.level) if ini.level else ""
    if ini.realised_level is not None:
        realised = t("realised", level=ini.realised_level.label(t.lang))
        level = f"{level} ({esc(realised)})" if level else esc(realised)
    participants = _limited(
        ini.participants,
        lambda p: (
            f"{ctx.link(p.actor)} — {ctx.label(p.role)}"
            + (f" ({ctx.label(p.level)})" if p.level else "")
        ),
        t,
    )
    phases = [
        f"{ctx.label(stage.phase)}: "
        + (_inline(isolate(ctx.name(a)) for a in stage.participants) or "—")
        for stage in ini.phases
    ]
    if phases and ini.cycle is not None:
        phases.insert(0, ctx.label(ini.cycle))
    commitments = [
        f"{ctx.label(c.kind)}: {ctx.label(c.level)}"
        + (f" — {isolate(ctx.name(c.by))}" if c.by else "")
        + (f" ({esc(c.note)})" if c.note else "")
        for c in ini.commitments
    ]
    rows = [
        (t("kind"), ctx.label(ini.kind)),
        (t("municipalities"), _inline(ctx.link(m) for m in ini.municipalities)),
        (t("areas"), _inline(areas)),
        (t("period"), esc(_period(ini.period, t))),
        (
            t("duration"),
            esc(t("months", n=t.integer(ini.duration_months)))
            if ini.duration_months is not None
            else "",
        ),
        (t("initiated_by"), _inline(initiator)),
        (t("led_by"), _inline(ctx.link(a) for a in ini.led_by)),
        (t("level"), level),
        (t("feedback_given"), _yes_no(ini.feedback_given, t)),
        (t("government_role"), ctx.label(ini.government_role) if ini.government_role else ""),
        (t("domains"), _inline(ctx.label(d) for d in ini.domains)),
        (t("required_domains"), _inline(ctx.label(d) for d in ini.required_domains)),
        (t("goals"), listing(linked(goal) for goal in ini.goals)),
        (t("service_goals"), listing(ctx.label(goal) for goal in ini.service_goals)),
        (t("participants"), listing(participants)),
        (t("phases"), listing(phases)),
        (t("commitments"), listing(commitments)),
        (t("milestones"), listing(_milestone(m, ini.period.start, ctx) for m in ini.milestones)),
        (t("tasks"), listing(_task(task, ctx) for task in ini.tasks)),
        (t("meetings"), listing(_limited(ini.meetings, lambda m: _meeting(m, ctx), t))),
        (t("network"), ctx.link(ini.network) if ini.network else ""),
        (t("elements"), _inline(ctx.label(e) for e in ini.elements)),
        (t("target_roles"), _inline(ctx.label(r) for r in ini.target_roles)),
        (
            t("target_municipalities"),
            esc(t.integer(ini.target_municipalities))
            if ini.target_municipalities is not None
            else "",
        ),
        (t("evaluations"), listing(_evaluation(e, ctx) for e in ini.evaluations)),
        (t("indicators"), listing(_indicator(d, ctx) for d in ini.indicators)),
        (t("scorecard_link"), _scorecard_link(ini.id, ctx)),
    ]
    description = ""
    if ini.description:
        description = "".join(
            tag("p", linked(p.strip())) for p in ini.description.split("\n\n") if p.strip()
        )
    return tag(
        "article",
        tag("h4", isolate(ini.title)) + description + dl(rows, class_="facts"),
        class_="entity",
        id=f"i-{ini.id}",
    )


def _milestone(milestone: Milestone, start: dt.date | None, ctx: Context) -> str:
    t = ctx.text
    notes = []
    as_of = ctx.analysis.as_of
    # Overdue by the one definition the timeline rule and democratie.monitor.status share.
    overdue = as_of is not None and milestone_state(milestone, start, as_of) == "overdue"
    if milestone.due is not None:
        notes.append(t("due", date=t.date(milestone.due)))
    elif milestone.due_within_months is not None:
        notes.append(t("due_within", n=t.integer(milestone.due_within_months)))
    if milestone.done is not None:
        notes.append(t("done", date=t.date(milestone.done)))
        if as_of is not None and milestone.done > as_of:
            notes.append(t("after_the_day", date=t.date(as_of)))
    if overdue:
        assert as_of is not None
        notes.append(t("overdue_on", date=t.date(as_of)))
    return isolate(milestone.title) + (f" ({ctx.sentence('; '.join(notes))})" if notes else "")


def _evaluation(evaluation: Evaluation, ctx: Context) -> str:
    t = ctx.text
    notes = []
    if evaluation.date is not None:
        notes.append(t.date(evaluation.date))
        as_of = ctx.analysis.as_of
        if as_of is not None and evaluation.date > as_of:
            notes.append(t("after_the_day", date=t.date(as_of)))
    if evaluation.by is not None:
        notes.append(t("evaluated_by", name=ctx.name(evaluation.by)))
    if evaluation.method:
        notes.append(evaluation.method)
    if evaluation.closes_phase is not None:
        notes.append(t("closes", what=ctx.label(evaluation.closes_phase)))
    if evaluation.closes_milestone is not None:
        notes.append(t("closes", what=evaluation.closes_milestone))
    line = ctx.sentence("; ".join(notes) if notes else t("evaluation_without_details"))
    if evaluation.findings:
        line += ": " + linked(" ".join(evaluation.findings.split()))
    return line


def _amount(value: float, unit: str | None, text: Text) -> str:
    shown = (
        text.integer(int(value)) if value.is_integer() and abs(value) < 1e15 else text.number(value)
    )
    return f"{shown} {unit}" if unit else shown


def _indicator(indicator: Indicator, ctx: Context) -> str:
    t = ctx.text
    goal = indicator.service_goal
    title = ctx.label(goal) if goal is not None else esc(indicator.goal)
    if indicator.area is not None:
        title += f" ({isolate(ctx.name(indicator.area))})"
    notes = []
    latest = indicator.latest()
    if latest is None:
        notes.append(t("not_measured"))
    else:
        value = _amount(latest.value, indicator.unit, t)
        notes.append(t("measured", value=value, date=t.date(latest.date)))
    if indicator.baseline is not None:
        notes.append(t("baseline", value=_amount(indicator.baseline, indicator.unit, t)))
    if indicator.target is not None:
        notes.append(t("target", value=_amount(indicator.target, indicator.unit, t)))
    notes.append(ctx.label(indicator.direction))
    return f"{title}: {ctx.sentence('; '.join(notes))}"


def _transfer(transfer: Transfer, ctx: Context) -> str:
    t = ctx.text
    details = []
    if transfer.date is not None:
        details.append(t.date(transfer.date))
    if transfer.adopted is not None:
        details.append(t("adopted" if transfer.adopted else "not_adopted"))
    name = ctx.name(transfer.to)
    return f"{name} ({', '.join(details)})" if details else name


def _task(task: Task, ctx: Context) -> str:
    parts = []
    for raci in Raci:
        who = task.holders(raci)
        if who:
            names = _inline(isolate(ctx.name(a)) for a in who)
            parts.append(f"{ctx.label(raci)}: {names}")
    return isolate(task.title) + (f" — {'; '.join(parts)}" if parts else "")


def _meeting(meeting: Meeting, ctx: Context) -> str:
    t = ctx.text
    notes = []
    if meeting.date is not None:
        notes.append(t.date(meeting.date))
    elif meeting.when:
        notes.append(meeting.when)
    if meeting.host:
        notes.append(t("host", name=ctx.name(meeting.host)))
    if meeting.attendance is not None:
        notes.append(t("attendance", n=t.integer(meeting.attendance)))
    return isolate(meeting.title) + (f" ({ctx.sentence('; '.join(notes))})" if notes else "")


def _network(net: Network, ctx: Context) -> str:
    t = ctx.text
    members = ctx.landscape.members_of(net.id)
    rows = [
        (t("kind"), ctx.label(net.kind)),
        (t("part_of"), ctx.link(net.parent) if net.parent else ""),
        (t("period"), esc(_period(net.period, t))),
        (t("coordinators"), _inline(ctx.link(c) for c in net.coordinators)),
        (t("members"), listing(_limited(members, ctx.link, t))),
        (t("themes"), listing(isolate(theme) for theme in net.themes)),
        (t("meetings"), listing(_limited(net.meetings, lambda m: _meeting(m, ctx), t))),
        (t("scorecard_link"), _scorecard_link(net.id, ctx)),
    ]
    description = tag("p", linked(net.description)) if net.description else ""
    return tag(
        "article",
        tag("h4", isolate(net.name)) + description + dl(rows, class_="facts"),
        class_="entity",
        id=f"n-{net.id}",
    )


# ----------------------------------------------------------------------------------------------
# Scorecards
# ----------------------------------------------------------------------------------------------


def scorecards_body(ctx: Context, *, subjects: Collection[str] | None = None) -> str:
    """Write every scorecard: per subject a table of rules, scores, explanations and evidence.

    With *subjects*, only the scorecards and failures of those subjects.

    Examples
    --------
    >>> import re
    >>> import democratie.examples
    >>> from democratie.graph import build_graph
    >>> from democratie.plugins import score
    >>> from democratie.scoring.rules import BUILTIN_RULES
    >>> from democratie.report._text import Text
    >>> land = democratie.examples.load("delft-zeven-van-delft")
    >>> graph = build_graph(land)
    >>> titles = {rule.name: rule.title for rule in BUILTIN_RULES}
    >>> ctx = Context(landscape=land, graph=graph, scorecards=score(land, graph=graph),
    ...               rule_titles=titles, text=Text("en"))
    >>> re.findall(r"<h3[^>]*>(.*?)</h3>", scorecards_body(ctx))
    ['Municipality: Delft', 'Municipality: Overbetuwe', 'Initiative: De zeven van Delft',
    'Initiative: Vernieuwing gemeentelijke organisatie: De zeven van Delft']
    """
    t = ctx.text
    cards = ctx.scorecards.cards
    failures = ctx.scorecards.failures
    if subjects is not None:
        cards = tuple(card for card in cards if card.subject in subjects)
        failures = tuple(f for f in failures if f.subject in subjects)
    parts = []
    if cards:
        parts.append(tag("p", esc(t("scorecards_intro"))))
        parts.extend(_scorecard(card, ctx) for card in cards)
    else:
        parts.append(tag("p", esc(t("no_scorecards")), class_="note"))
    if failures:
        items = [
            f"{isolate(ctx.name(f.subject))}: {_rule_html(f.rule, ctx)} — "
            f"{ctx.sentence(f.message_in(t.lang))}"
            for f in failures
        ]
        parts.append(
            tag("h3", esc(t("failures")), id="scorecard-failures")
            + tag("p", esc(t("failures_intro")))
            + ul(items)
        )
    return "".join(parts)


def _scorecard(card: Scorecard, ctx: Context) -> str:
    t = ctx.text
    applicable = len(card.applicable)
    summary = t("applicable_count", applicable=t.integer(applicable), total=t.integer(len(card)))
    head = "".join(
        tag("th", esc(t(key)), scope="col", class_=cls)
        for key, cls in (("rule", "rule-col"), ("score", "num score-col"), ("explanation", None))
    )
    rows = "".join(_score_row(score, ctx) for score in shown_scores(card))
    heading = esc(t.kind(card.kind)) + ": " + isolate(card.title)
    table = tag(
        "table",
        tag("caption", heading, class_="visually-hidden")
        + tag("thead", tag("tr", head))
        + tag("tbody", rows),
    )
    return tag(
        "section",
        tag("h3", heading, id=f"card-{card.subject}-h")
        + tag("p", esc(summary), class_="note")
        + tag("div", table, class_="table-wrap"),
        class_="scorecard",
        id=f"card-{card.subject}",
        aria_labelledby=f"card-{card.subject}-h",
    )


def shown_scores(card: Scorecard) -> tuple[Score, ...]:
    """The scores a scorecard's table shows: those that apply.

    The scores that do not apply are summarised once, by what they ask to record, at the
    top of the report (its summary, under "what to record next").

    Examples
    --------
    >>> import democratie.examples
    >>> from democratie.plugins import score
    >>> card = score(democratie.examples.load("delft-zeven-van-delft"))["delft"]
    >>> [s.rule for s in shown_scores(card)]
    ['bridging_vs_bonding']
    """
    return card.applicable


def _score_row(score: Score, ctx: Context) -> str:
    t = ctx.text
    title = ctx.rule_titles.get(score.rule)
    rule_cell = tag(
        "th",
        esc(title.get(t.lang) if title else score.rule)
        + tag("code", esc(score.rule), class_="rule-name"),
        scope="row",
    )
    low, high = score.value_range
    if score.value is None or score.normalised is None:
        value_cell = tag("td", esc(t("not_applicable")), class_="num na")
    else:
        shown = t.number(score.value)
        meter = tag(
            "meter",
            esc(shown),
            min="0",
            max="1",
            low="0.34",
            high="0.67",
            optimum="1",
            value=f"{score.normalised:.4f}",
            aria_label=f"{t('score')} {shown}",
        )
        scale = ""
        if (low, high) != (0.0, 1.0):
            scale = tag(
                "span",
                esc(t("range", low=t.number(low), high=t.number(high))),
                class_="rule-name",
            )
        value_cell = tag("td", esc(shown) + meter + scale, class_="num")
    said = score.explanation.get(t.lang)
    explanation = tag("p", prose_html(said, t.lang, ctx.names))
    measures = measures_in(
        [
            title.get(t.lang) if title else "",
            said,
            *(r.get(t.lang) for r in score.recommendations),
        ],
        [item.fact for item in score.evidence],
    )
    if measures:
        explanation += terms_html(measures, ctx)
    if score.recommendations:
        explanation += tag("strong", esc(t("recommendations"))) + ul(
            prose_html(r.get(t.lang), t.lang, ctx.names) for r in score.recommendations
        )
    if score.evidence:
        named = _evidence_names(score.evidence, ctx)
        items = [_evidence(item, ctx, named) for item in score.evidence]
        explanation += tag(
            "details",
            tag("summary", esc(t("evidence", n=t.integer(len(items))))) + ul(items),
        )
    return tag(
        "tr",
        rule_cell + value_cell + tag("td", explanation),
        id=f"card-{score.subject}-{score.rule}",
    )


def _evidence_names(evidence: Sequence[Evidence], ctx: Context) -> Callable[[str], str]:
    """Readable names for what evidence is about: an entity, or an indicator by its goal."""
    unknown = {
        item.about
        for item in evidence
        if item.about not in ctx.landscape and item.about not in ctx.graph
    }
    if not unknown:
        return ctx.name
    land = ctx.landscape
    holders: Iterable[Municipality | Initiative] = (*land.municipalities, *land.initiatives)
    indicators = {d.id: d for h in holders for d in h.indicators if d.id in unknown}

    def name(entity_id: str) -> str:
        found = indicators.get(entity_id)
        if found is None:
            return ctx.name(entity_id)
        goal = found.service_goal
        shown = goal.label(ctx.text.lang) if goal is not None else found.goal
        return f"{shown} ({ctx.name(found.area)})" if found.area is not None else shown

    return name


def _evidence(item: Evidence, ctx: Context, name: Callable[[str], str]) -> str:
    lang = ctx.text.lang
    return (
        f"{isolate(name(item.about))}: {fact_html(item.fact, lang, ctx.name)} = "
        f"{esc(value_text(item.fact, item.value, ctx.text))}"
    )


def _rule_html(rule: str, ctx: Context) -> str:
    """A rule by its title in the report's language, its name after it as muted code."""
    title = ctx.rule_titles.get(rule)
    return key_html(rule, ctx.text.lang, shown=title.get(ctx.text.lang) if title else rule)


def terms_html(measures: Sequence[str], ctx: Context) -> str:
    """The measures of the glossary a sentence names, each with its one-line explanation."""
    return tag(
        "div",
        " ".join(
            explain(key, ctx.text.lang, named=True, href=ctx.href(f"term-{key}"))
            for key in measures
        ),
        class_="terms",
    )


# ----------------------------------------------------------------------------------------------
# Coverage
# ----------------------------------------------------------------------------------------------


def _meter(share: float | None, text: Text) -> str:
    if share is None:
        return tag("span", esc(text("unknown")), class_="na")
    shown = text.percent(share)
    return esc(shown) + tag(
        "meter",
        esc(shown),
        min="0",
        max="1",
        low="0.34",
        high="0.67",
        optimum="1",
        value=f"{share:.4f}",
        aria_label=shown,
    )


def _table(caption: str, header: Sequence[tuple[str, bool]], rows: list[str], ident: str) -> str:
    head = "".join(
        tag("th", esc(label), scope="col", class_="num" if numeric else None)
        for label, numeric in header
    )
    table = tag(
        "table",
        tag("caption", esc(caption), class_="visually-hidden")
        + tag("thead", tag("tr", head))
        + tag("tbody", "".join(rows)),
        id=ident,
    )
    return tag("div", table, class_="table-wrap")


def coverage_body(
    ctx: Context,
    *,
    municipalities: Sequence[Municipality] | None = None,
    initiatives: Sequence[Initiative] | None = None,
) -> str:
    """Write coverage: wijken and kernen reached, policy domains, sectors taking part.

    With *municipalities* or *initiatives*, the rows of those only (all by default).

    Examples
    --------
    >>> import re
    >>> import democratie.examples
    >>> from democratie.graph import build_graph
    >>> from democratie.plugins import score
    >>> from democratie.scoring.rules import BUILTIN_RULES
    >>> from democratie.report._text import Text
    >>> land = democratie.examples.load("delft-zeven-van-delft")
    >>> graph = build_graph(land)
    >>> titles = {rule.name: rule.title for rule in BUILTIN_RULES}
    >>> ctx = Context(landscape=land, graph=graph, scorecards=score(land, graph=graph),
    ...               rule_titles=titles, text=Text("nl"))
    >>> re.findall(r"<h3[^>]*>(.*?)</h3>", coverage_body(ctx))
    ['Wijken en kernen', 'Beleidsdomeinen', 'Sectoren']
    """
    t = ctx.text
    return (
        tag("p", esc(t("coverage_intro")))
        + tag("h3", esc(t("area_coverage")), id="coverage-areas")
        + _area_table(ctx, municipalities)
        + tag("h3", esc(t("domain_coverage")), id="coverage-domains")
        + _domain_table(ctx, initiatives)
        + tag("h3", esc(t("sector_coverage")), id="coverage-sectors")
        + _sector_table(ctx, initiatives)
    )


def _not_computed(error: Exception, text: Text) -> str:
    return tag("p", esc(text("not_computed", reason=str(error))), class_="note")


def _area_table(ctx: Context, municipalities: Sequence[Municipality] | None = None) -> str:
    land, t = ctx.landscape, ctx.text
    rows = []
    for mun in land.municipalities if municipalities is None else municipalities:
        counts = {AreaLevel.WIJK: mun.wijk_count, AreaLevel.KERN: mun.kern_count}
        for level, count in counts.items():
            if not count and not land.areas_of(mun.id, level.slug):
                continue
            try:
                found = ctx.analysis.area_coverage(mun.id, level)
            except (KeyError, ValueError, nx.NetworkXException) as error:
                return _not_computed(error, t)
            total = t.integer(found.total) if found.total is not None else t("unknown")
            missing = _inline(_limited(found.missing, lambda a: isolate(ctx.name(a)), t))
            rows.append(
                tag(
                    "tr",
                    tag("th", ctx.link(mun.id), scope="row")
                    + tag("td", esc(t.plural(2, level.slug)))
                    + tag(
                        "td",
                        esc(t("reached_of", reached=t.integer(found.reached_count), total=total)),
                        class_="num",
                    )
                    + tag("td", _meter(found.share, t), class_="num")
                    + tag("td", missing or "—"),
                )
            )
    if not rows:
        return tag("p", esc(t("no_areas")), class_="note")
    header = (
        (t("municipality"), False),
        (t("area_level"), False),
        (t("reached"), True),
        (t("share"), True),
        (t("missing"), False),
    )
    return _table(t("area_coverage"), header, rows, "coverage-areas-table")


def _domain_table(ctx: Context, initiatives: Sequence[Initiative] | None = None) -> str:
    t = ctx.text
    rows = []
    for ini in ctx.landscape.initiatives if initiatives is None else initiatives:
        if not ini.domains and not ini.required_domains:
            continue
        try:
            found = ctx.analysis.domain_coverage(ini.id)
        except (KeyError, ValueError, nx.NetworkXException) as error:
            return _not_computed(error, t)
        rows.append(
            tag(
                "tr",
                tag("th", ctx.link(ini.id), scope="row")
                + tag("td", _inline(ctx.label(d) for d in found.declared) or "—")
                + tag("td", _inline(ctx.label(d) for d in found.required or ()) or "—")
                + tag("td", _inline(ctx.label(d) for d in found.missing) or "—")
                + tag("td", _meter(found.share, t), class_="num"),
            )
        )
    if not rows:
        return tag("p", esc(t("no_domains")), class_="note")
    header = (
        (t("initiative"), False),
        (t("works_in"), False),
        (t("required_domains"), False),
        (t("missing_domains"), False),
        (t("share"), True),
    )
    return _table(t("domain_coverage"), header, rows, "coverage-domains-table")


def _sector_table(ctx: Context, initiatives: Sequence[Initiative] | None = None) -> str:
    t = ctx.text
    rows = []
    for ini in ctx.landscape.initiatives if initiatives is None else initiatives:
        try:
            found = ctx.analysis.sector_coverage(ini.id)
        except (KeyError, ValueError, nx.NetworkXException) as error:
            return _not_computed(error, t)
        if not found.present:
            continue
        connected = found.connected
        rows.append(
            tag(
                "tr",
                tag("th", ctx.link(ini.id), scope="row")
                + tag("td", _inline(ctx.label(s) for s in found.present))
                + tag("td", _inline(ctx.label(s) for s in found.missing) or "—")
                + tag("td", _yes_no(connected, t) or "—")
                + tag("td", _meter(found.share, t), class_="num"),
            )
        )
    if not rows:
        return tag("p", esc(t("no_participants")), class_="note")
    header = (
        (t("initiative"), False),
        (t("present"), False),
        (t("absent"), False),
        (t("connected"), False),
        (t("share"), True),
    )
    return _table(t("sector_coverage"), header, rows, "coverage-sectors-table")


# ----------------------------------------------------------------------------------------------
# Lessons
# ----------------------------------------------------------------------------------------------


def lessons_body(ctx: Context, *, initiatives: Sequence[Initiative] | None = None) -> str:
    """Write the lessons learned, per initiative, grouped by kind (do, don't, insight, chance).

    With *initiatives*, the lessons of those only (all by default).

    Examples
    --------
    >>> import democratie.examples
    >>> from democratie.graph import build_graph
    >>> from democratie.plugins import score
    >>> from democratie.scoring.rules import BUILTIN_RULES
    >>> from democratie.report._text import Text
    >>> land = democratie.examples.load("delft-zeven-van-delft")
    >>> graph = build_graph(land)
    >>> titles = {rule.name: rule.title for rule in BUILTIN_RULES}
    >>> ctx = Context(landscape=land, graph=graph, scorecards=score(land, graph=graph),
    ...               rule_titles=titles, text=Text("en"))
    >>> html = lessons_body(ctx)
    >>> html.count("<li>"), "<strong>Do:</strong> Consistentie van de aanpak." in html
    (3, True)
    """
    t = ctx.text
    parts = []
    for ini in ctx.landscape.initiatives if initiatives is None else initiatives:
        if not ini.lessons:
            continue
        items = []
        for kind in LessonKind:
            for lesson in ini.lessons:
                if lesson.kind is not kind:
                    continue
                notes = []
                if lesson.transferable is not None:
                    notes.append(t("transferable" if lesson.transferable else "not_transferable"))
                if lesson.transfers:
                    names = t.join([_transfer(transfer, ctx) for transfer in lesson.transfers])
                    notes.append(t("shared_with", names=names))
                item = f"{tag('strong', ctx.label(kind) + ':')} {linked(lesson.text)}"
                if notes:
                    item += " " + tag("span", esc(f"({'; '.join(notes)})"), class_="note")
                items.append(item)
        parts.append(
            tag("h3", ctx.link(ini.id), id=f"lessons-{ini.id}") + ul(items, class_="lessons")
        )
    if not parts:
        return tag("p", esc(t("no_lessons")), class_="note")
    return tag("p", esc(t("lessons_intro"))) + "".join(parts)


def _reordering_names(landscape: Landscape) -> re.Pattern[str] | None:
    # A council's, a college's and a role's name is made of other names, which are here.
    names = [
        text
        for entry in landscape.entries()
        for text in (getattr(entry.entity, "name", None), getattr(entry.entity, "title", None))
        if isinstance(text, str) and not text.isascii()
    ]
    names.extend(m.title for ini in landscape.initiatives for m in ini.milestones)
    if landscape.title is not None:
        names.append(landscape.title)
    return isolating(names)


def _analysis_of(ctx: Context) -> Analysis:
    """An analysis of the context's graph that holds the context's scorecards."""
    scorecards = ctx.scorecards
    return Analysis(ctx.landscape, (), graph=ctx.graph, scorer=lambda _: scorecards)

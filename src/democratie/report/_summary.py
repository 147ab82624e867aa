"""The report's opening summary: the findings that matter most, and what to record next.

:func:`findings` chooses at most :data:`MAX_FINDINGS` findings by a fixed priority, each
with what was found, the next step and the anchors of its evidence in the page:

1. milestones overdue on the report's day (the timeline of the initiative);
2. evaluation moments past on that day that no recorded evaluation covers (the timeline);
3. required commitments a municipality has not given at its intake (the scorecard of the
   initiative);
4. municipalities of an initiative with learning groups that are in none of its groups
   (the municipality and the initiative in the overview);
5. the lowest applicable scores under half their range that come with a recommendation
   (the scorecard row), lowest first; not those of the rules that count evaluations for an
   initiative whose missed evaluation is already a finding;
6. areas where a goal measured elsewhere in the municipality goes unmeasured (the
   indicator table of the municipality).

Within a priority, findings follow the order of the landscape (initiatives and
municipalities as recorded, milestones and moments by date, rules as they ran), so the
same landscape gives the same summary. Without a day (the report carries no date) nothing
is overdue and no evaluation is missed.

:func:`record_next` groups the scores that do not apply for want of facts by rule, and
within a rule by the kind of reason (:func:`reason_kind`): what each rule asks to have
recorded, and for how many subjects. The scores of rules that do not judge a kind of subject
(:func:`out_of_scope`) are named on one line, since there is nothing to record for them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Final

from attrs import frozen

from democratie.errors import MonitorError
from democratie.model import Landscape
from democratie.monitor import goal_progress, milestone_state, schedule_evaluations
from democratie.plan import assess_intakes, unmet_commitments
from democratie.report._html import esc, linked, tag
from democratie.report._labels import measures_in, prose_html
from democratie.report._progress import _SERVICE_GOALS, _levels, _measured
from democratie.report._sections import Context, terms_html
from democratie.report._text import Text
from democratie.scoring import Bilingual, Score, Scorecards
from democratie.vocab import NetworkKind, ServiceGoal

__all__ = [
    "MAX_EXAMPLES",
    "MAX_FINDINGS",
    "MAX_REASONS",
    "Finding",
    "NotApplicableGroup",
    "Reason",
    "findings",
    "out_of_scope",
    "reason_kind",
    "record_next",
]

#: The most findings the summary shows.
MAX_FINDINGS: Final = 5

_NL: Final = Text("nl")
_EN: Final = Text("en")

#: A score below this share of its range is a finding, when its rule recommends a step.
LOW_SCORE: Final = 0.5

_WORDS: Final[Mapping[str, Mapping[str, str]]] = {
    "nl": {
        "summary": "Samenvatting",
        "na_summarised": (
            "{n} regels die niet van toepassing zijn, staan samengevat onder ‘Wat nu vast "
            "te leggen’."
        ),
        "intro": (
            "De belangrijkste bevindingen en wat u nu kunt doen, op volgorde: eerst "
            "achterstallige mijlpalen en gemiste evaluaties, dan ontbrekende toezeggingen, "
            "dan gemeenten zonder leergroep, dan de laagste scores en tot slot gebieden "
            "zonder meting. Elke bevinding "
            "verwijst naar het bewijs verderop."
        ),
        "none": "Er is niets dringends gevonden: geen achterstand, geen lage score met advies.",
        "found": "Bevinding",
        "step": "Volgende stap",
        "evidence": "Bewijs",
        "overdue": "Mijlpaal ‘{title}’ van {subject} is over tijd (uiterlijk {due}).",
        "overdue_step": "Bespreek met de trekker of de mijlpaal wordt gehaald of wordt bijgesteld.",
        "missed": "Bij {subject} is geen evaluatie vastgelegd voor het moment van {date}.",
        "missed_step": "Plan de evaluatie en leg de uitkomst vast (evaluaties).",
        "unmet": "{municipality} heeft voor {subject} nog geen toezegging gedaan: {kinds}.",
        "unmet_step": "Vraag deze toezeggingen bij de intake, vóór de gemeente instapt.",
        "unplaced_one": "{municipalities} zit in geen leergroep van {subject}.",
        "unplaced_many": "{municipalities} zitten in geen leergroep van {subject}.",
        "unplaced_step": (
            "Plaats {them} in een leergroep: ‘democratie plan groups BESTAND --initiative "
            "{initiative}’ houdt de bestaande groepen en verplaatst zo min mogelijk leden; "
            "of voeg {them} met de hand toe aan de leden (members) van een groep."
        ),
        "low": "{subject} scoort laag op ‘{rule}’ ({value}).",
        "unmeasured": "In {municipality} wordt ‘{goal}’ niet gemeten in: {areas}.",
        "unmeasured_step": "Meet dit doel ook in deze gebieden, zodat ze te vergelijken zijn.",
        "record_next": "Wat nu vast te leggen",
        "record_intro": (
            "Deze regels zijn niet van toepassing omdat gegevens ontbreken. Per regel staat "
            "wat vast te leggen en voor hoeveel onderwerpen; in de scorekaarten staan ze niet "
            "nog eens per onderwerp."
        ),
        "record_none": "Alle regels zijn van toepassing: er ontbreekt niets.",
        "subjects": "{n} onderwerp(en)",
        "and_more": " en {n} andere",
        "worded_as": " (de reden hierboven in de woorden van {subject})",
        "other_reasons": "En {n} andere reden(en), voor {subjects} onderwerp(en).",
        "out_of_scope_one": "Niet van toepassing op dit soort onderwerp: {rules} ({n} onderwerp).",
        "out_of_scope_many": (
            "Niet van toepassing op dit soort onderwerp: {rules} ({n} onderwerpen)."
        ),
        "rule": "Regel",
        "what": "Wat vast te leggen",
        "how_many": "Aantal",
    },
    "en": {
        "summary": "Summary",
        "na_summarised": "{n} rules that do not apply are summarised under ‘What to record next’.",
        "intro": (
            "The most important findings and what to do next, in order: overdue milestones "
            "and missed evaluations first, then missing commitments, then municipalities in "
            "no learning group, then the lowest scores, and last areas with no measurement. "
            "Each finding links to its evidence below."
        ),
        "none": "Nothing pressing was found: nothing overdue, no low score with advice.",
        "found": "Finding",
        "step": "Next step",
        "evidence": "Evidence",
        "overdue": "Milestone ‘{title}’ of {subject} is overdue (due {due}).",
        "overdue_step": "Ask the lead whether the milestone will be met or is to be revised.",
        "missed": "{subject} has no evaluation recorded for the moment of {date}.",
        "missed_step": "Plan the evaluation and record its outcome (evaluations).",
        "unmet": "{municipality} has not yet given its commitment to {subject}: {kinds}.",
        "unmet_step": "Ask for these commitments at the intake, before the municipality enters.",
        "unplaced_one": "{municipalities} is in no learning group of {subject}.",
        "unplaced_many": "{municipalities} are in no learning group of {subject}.",
        "unplaced_step": (
            "Place {them} in a learning group: ‘democratie plan groups FILE --initiative "
            "{initiative}’ keeps the groups there are and moves as few members as it can; "
            "or add {them} by hand to the members of a group."
        ),
        "low": "{subject} scores low on ‘{rule}’ ({value}).",
        "unmeasured": "In {municipality}, ‘{goal}’ is not measured in: {areas}.",
        "unmeasured_step": "Measure this goal in these areas too, so that they compare.",
        "record_next": "What to record next",
        "record_intro": (
            "These rules do not apply because facts are missing. Each says what to record "
            "and for how many subjects; the scorecards do not repeat them per subject."
        ),
        "record_none": "Every rule applies: nothing is missing.",
        "subjects": "{n} subject(s)",
        "and_more": " and {n} more",
        "worded_as": " (the reason above as worded for {subject})",
        "other_reasons": "And {n} other reason(s), for {subjects} subject(s).",
        "out_of_scope_one": "Not applicable to this kind of subject: {rules} ({n} subject).",
        "out_of_scope_many": "Not applicable to this kind of subject: {rules} ({n} subjects).",
        "rule": "Rule",
        "what": "What to record",
        "how_many": "Subjects",
    },
}


def words(lang: str, key: str, /, **values: object) -> str:
    """A sentence of the summary in *lang*, with its placeholders filled.

    Examples
    --------
    >>> words("en", "subjects", n=3)
    '3 subject(s)'
    """
    return _WORDS[lang][key].format(**values)


@frozen
class Finding:
    """One finding of the summary: what was found, the next step, where its evidence is.

    Attributes
    ----------
    priority : int
        Its place in the order of :func:`findings` (0 is the most urgent).
    found, step : Bilingual
        What was found and the recommended next step, in Dutch and English.
    evidence : tuple of str
        The ids of the page's elements that show the evidence, the most precise first.
    from_rule : bool
        Whether the step is a scoring rule's recommendation (whose prose names fields, which
        the report shows by their labels) rather than the summary's own words.

    Examples
    --------
    >>> f = Finding(0, Bilingual(nl="a", en="b"), Bilingual(nl="c", en="d"), ("card-x",))
    >>> f.found.en, f.evidence
    ('b', ('card-x',))
    """

    priority: int
    found: Bilingual
    step: Bilingual
    evidence: tuple[str, ...]
    from_rule: bool = False


#: The rules whose low score a missed evaluation of the same initiative already explains.
_EVALUATION_RULES = ("-evaluation_rhythm", "-learning_loop")


def _both(key: str, **values: object) -> Bilingual:
    return Bilingual(nl=words("nl", key, **values), en=words("en", key, **values))


def findings(
    ctx: Context, day: dt.date | None, *, limit: int = MAX_FINDINGS
) -> tuple[Finding, ...]:
    """The most important findings about the landscape, at most *limit*, in priority order.

    Examples
    --------
    >>> import datetime as dt
    >>> import democratie, democratie.examples
    >>> from democratie.report._text import Text
    >>> land = democratie.examples.load("leusden-samenleving-voorop")
    >>> a = democratie.analyse(land, as_of=dt.date(2030, 1, 1))
    >>> ctx = Context(landscape=land, graph=a.graph, scorecards=a.scorecards,
    ...               rule_titles=a.rule_titles, text=Text("en"), analysis=a)
    >>> found = findings(ctx, dt.date(2030, 1, 1))
    >>> 1 <= len(found) <= 5, [f.priority for f in found] == sorted(f.priority for f in found)
    (True, True)
    """
    land = ctx.landscape
    out: list[Finding] = []

    def date(day: dt.date) -> Bilingual:
        return Bilingual(nl=_date("nl", day), en=_date("en", day))

    if day is not None:
        for ini in land.initiatives:
            for milestone in ini.milestones:
                if milestone_state(milestone, ini.period.start, day) == "overdue":
                    # A milestone due within months of the start has no date of its own.
                    due = milestone.due_date(ini.period.start)
                    when = date(due) if due else Bilingual(nl="—", en="—")
                    out.append(
                        Finding(
                            0,
                            Bilingual(
                                nl=words(
                                    "nl",
                                    "overdue",
                                    title=milestone.title,
                                    subject=ini.title,
                                    due=when.nl,
                                ),
                                en=words(
                                    "en",
                                    "overdue",
                                    title=milestone.title,
                                    subject=ini.title,
                                    due=when.en,
                                ),
                            ),
                            _both("overdue_step"),
                            (f"tl-{ini.id}-h", f"i-{ini.id}"),
                        )
                    )
        for ini in land.initiatives:
            try:
                moments = schedule_evaluations(ini)
            except MonitorError:  # no start or no horizon: nothing to have missed
                continue
            for moment in moments:
                if moment.date < day and not moment.covered:
                    d = date(moment.date)
                    out.append(
                        Finding(
                            1,
                            Bilingual(
                                nl=words("nl", "missed", subject=ini.title, date=d.nl),
                                en=words("en", "missed", subject=ini.title, date=d.en),
                            ),
                            _both("missed_step"),
                            (f"tl-{ini.id}-h", f"i-{ini.id}"),
                        )
                    )
    for ini in land.initiatives:
        if not ini.required_commitments:
            continue
        intakes = {intake.municipality: intake for intake in ini.intakes}
        entrants = list(dict.fromkeys([*ini.municipalities, *intakes]))
        for mun_id in entrants:
            unmet = unmet_commitments(intakes.get(mun_id), ini.required_commitments)
            if not unmet:
                continue
            name = ctx.name(mun_id)
            out.append(
                Finding(
                    2,
                    Bilingual(
                        nl=words(
                            "nl",
                            "unmet",
                            municipality=name,
                            subject=ini.title,
                            kinds=", ".join(k.label("nl") for k in unmet),
                        ),
                        en=words(
                            "en",
                            "unmet",
                            municipality=name,
                            subject=ini.title,
                            kinds=", ".join(k.label("en") for k in unmet),
                        ),
                    ),
                    _both("unmet_step"),
                    (f"card-{ini.id}-intake_gate", f"card-{ini.id}", f"i-{ini.id}"),
                )
            )
    out.extend(_unplaced(ctx))
    # A missed evaluation already says "evaluate" for its initiative: the low scores of the
    # rules that count evaluations would say it again, and crowd out other findings.
    missed = {f"card-{f.evidence[1][len('i-') :]}" for f in out if f.priority == 1}
    out.extend(
        f
        for f in _low_scores(ctx.scorecards, ctx.rule_titles)
        if not (f.evidence[1] in missed and f.evidence[0].endswith(_EVALUATION_RULES))
    )
    out.extend(_unmeasured(ctx, day))
    out.sort(key=lambda f: f.priority)  # stable: the landscape's order within a priority
    return tuple(out[:limit])


def _date(lang: str, day: dt.date) -> str:
    return Text(lang).date(day)


def _unplaced(ctx: Context) -> list[Finding]:
    """Per initiative with learning groups: its municipalities that are in none of them.

    The learning groups of an initiative are its networks of kind ``regionaal_leernetwerk``
    (as :meth:`democratie.plan.GroupPlan.apply` records them, or recorded by hand). Its
    municipalities are those it lists and those admitted at their intake; one whose intake
    it did not pass waits for the gate (an unmet commitment), not for a group.
    """
    land = ctx.landscape
    out: list[Finding] = []
    for ini in land.initiatives:
        groups = [
            net
            for net in land.networks
            if net.initiative == ini.id and net.kind is NetworkKind.REGIONAAL_LEERNETWERK
        ]
        if not groups:
            continue
        gate = assess_intakes(land, ini)
        intakes = {intake.municipality for intake in ini.intakes}
        admitted = [m for m, a in gate.items() if a.admitted]
        listed = [m for m in ini.municipalities if m not in intakes or gate[m].admitted]
        placed = {member for net in groups for member in net.members}
        missing = [
            m
            for m in dict.fromkeys([*listed, *admitted])
            if m not in placed and land.kind_of(m) == "municipality"
        ]
        if not missing:
            continue
        key = "unplaced_one" if len(missing) == 1 else "unplaced_many"
        names = [ctx.name(m) for m in missing]
        them = ("de gemeente", "it") if len(missing) == 1 else ("de gemeenten", "them")
        out.append(
            Finding(
                3,
                Bilingual(
                    nl=words("nl", key, municipalities=Text("nl").join(names), subject=ini.title),
                    en=words("en", key, municipalities=Text("en").join(names), subject=ini.title),
                ),
                Bilingual(
                    nl=words("nl", "unplaced_step", them=them[0], initiative=ini.id),
                    en=words("en", "unplaced_step", them=them[1], initiative=ini.id),
                ),
                (f"m-{missing[0]}", f"i-{ini.id}", f"n-{groups[0].id}"),
            )
        )
    return out


def _low_scores(cards: Scorecards, titles: Mapping[str, Bilingual]) -> list[Finding]:
    found: list[tuple[float, int, Finding]] = []
    order = 0
    for card in cards.cards:
        for score in card.scores:
            share = score.normalised
            if share is None or share >= LOW_SCORE or not score.recommendations:
                continue
            title = titles.get(score.rule, Bilingual(nl=score.rule, en=score.rule))
            value = float(score.value or 0.0)
            step = score.recommendations[0]
            finding = Finding(
                4,
                Bilingual(
                    nl=words(
                        "nl", "low", subject=card.title, rule=title.nl, value=_NL.number(value)
                    ),
                    en=words(
                        "en", "low", subject=card.title, rule=title.en, value=_EN.number(value)
                    ),
                ),
                step,
                (f"card-{card.subject}-{score.rule}", f"card-{card.subject}"),
                from_rule=True,
            )
            found.append((share, order, finding))
            order += 1
    found.sort(key=lambda item: (item[0], item[1]))
    # One finding per rule (its lowest subject): the others share the same next step.
    seen: set[str] = set()
    out = []
    for _, _, finding in found:
        rule = finding.evidence[0].rsplit("-", 1)[-1]
        if rule not in seen:
            seen.add(rule)
            out.append(finding)
    return out


def _unmeasured(ctx: Context, day: dt.date | None) -> list[Finding]:
    land: Landscape = ctx.landscape
    measured_on = day if day is not None else dt.date.max
    measured = _measured(land)
    out: list[Finding] = []
    for mun in land.municipalities:
        if mun.id not in measured:
            continue
        progress = goal_progress(land, mun.id, level=None, as_of=measured_on)
        by_goal: dict[str, list[str]] = {}
        for level in _levels(land, progress):
            for gap in goal_progress(land, mun.id, level=level, as_of=measured_on).gaps:
                by_goal.setdefault(gap.goal, []).append(ctx.name(gap.area))
        for goal, areas in by_goal.items():
            shown = ", ".join(areas)
            label = {
                lang: ServiceGoal(goal).label(lang) if goal in _SERVICE_GOALS else goal
                for lang in ("nl", "en")
            }
            out.append(
                Finding(
                    5,
                    Bilingual(
                        nl=words(
                            "nl", "unmeasured", municipality=mun.name, goal=label["nl"], areas=shown
                        ),
                        en=words(
                            "en", "unmeasured", municipality=mun.name, goal=label["en"], areas=shown
                        ),
                    ),
                    _both("unmeasured_step"),
                    (f"goals-{mun.id}-gaps", f"goals-{mun.id}", "goals"),
                )
            )
    return out


#: The most reasons "What to record next" shows for one rule; the others are counted.
MAX_REASONS: Final = 3

#: The most subjects named for one reason; the others are counted.
MAX_EXAMPLES: Final = 5

_QUOTED: Final = re.compile(r"‘[^’]*’|“[^”]*”|'[^']*'|\"[^\"]*\"|\([^()]*\)")
_NUMBER: Final = re.compile(r"[+-]?\d+(?:[.,:-]\d+)*")


def reason_kind(score: Score) -> str:
    """What kind of reason a score that does not apply gives, without its subject's details.

    The score's recommendations say what to record, else its explanation does; numbers,
    dates and quoted or parenthesised parts (titles, ids, counts) are left out, so that
    subjects that lack the same fact share a kind.

    Examples
    --------
    >>> a = Score.not_applicable("r", "a", nl="x", en="The schedule has 6 moments (0 covered).")
    >>> b = Score.not_applicable("r", "b", nl="x", en="The schedule has 3 moments (1 covered).")
    >>> reason_kind(a) == reason_kind(b)
    True
    """
    text = " ".join(r.en for r in score.recommendations) or score.explanation.en
    return _NUMBER.sub("#", _QUOTED.sub("…", text))


@frozen
class Reason:
    """One kind of reason why a rule does not apply, with the subjects that give it.

    Attributes
    ----------
    explanation : Bilingual
        The reason, as the first of its subjects gives it.
    subjects : tuple of str
        The ids of the subjects with this kind of reason, in the order of the scorecards.
    worded_alike : bool
        Whether every subject gives the reason in the same words (else *explanation* is the
        first subject's wording).

    Examples
    --------
    >>> Reason(Bilingual(nl="x", en="y"), ("a", "b")).subjects
    ('a', 'b')
    """

    explanation: Bilingual
    subjects: tuple[str, ...]
    worded_alike: bool = True


@frozen
class NotApplicableGroup:
    """The scores of one rule that do not apply for want of facts: its reasons, for whom.

    Attributes
    ----------
    rule : str
        The rule's name.
    reasons : tuple of Reason
        The kinds of reason (:func:`reason_kind`), the one most subjects give first.

    Examples
    --------
    >>> g = NotApplicableGroup("learning_loop", (
    ...     Reason(Bilingual(nl="x", en="y"), ("a", "b")), Reason(Bilingual(nl="z", en="w"), ("c",))
    ... ))
    >>> g.subjects, g.explanation.en
    (('a', 'b', 'c'), 'y')
    """

    rule: str
    reasons: tuple[Reason, ...]

    @property
    def subjects(self) -> tuple[str, ...]:
        """Every subject the rule does not apply to for want of facts."""
        return tuple(subject for reason in self.reasons for subject in reason.subjects)

    @property
    def explanation(self) -> Bilingual:
        """The reason most subjects give."""
        return self.reasons[0].explanation


def record_next(cards: Scorecards) -> tuple[NotApplicableGroup, ...]:
    """The scores that do not apply for want of facts, one group per rule, as rules ran.

    A score out of its rule's scope (:attr:`~democratie.scoring.Score.out_of_scope`) is
    left out: nothing recorded would make it apply (see :func:`out_of_scope`).

    Examples
    --------
    >>> import democratie, democratie.examples
    >>> cards = democratie.analyse(democratie.examples.load("leusden-samenleving-voorop"))
    >>> groups = record_next(cards.scorecards)
    >>> sum(len(g.subjects) for g in groups) == sum(
    ...     len(c) - len(c.applicable) - len(c.out_of_scope) for c in cards.scorecards.cards)
    True
    >>> len({g.rule for g in groups}) == len(groups)
    True
    """
    kinds: dict[str, dict[str, list[Score]]] = {}
    subjects: dict[int, str] = {}
    for card in cards.cards:
        for score in card.scores:
            if score.value is None and not score.out_of_scope:
                kinds.setdefault(score.rule, {}).setdefault(reason_kind(score), []).append(score)
                subjects[id(score)] = card.subject
    groups = []
    for rule, by_kind in kinds.items():
        ordered = sorted(by_kind.values(), key=len, reverse=True)  # stable: first seen first
        reasons = tuple(
            Reason(
                scores[0].explanation,
                tuple(subjects[id(score)] for score in scores),
                len({score.explanation for score in scores}) == 1,
            )
            for scores in ordered
        )
        groups.append(NotApplicableGroup(rule, reasons))
    return tuple(groups)


def out_of_scope(cards: Scorecards) -> dict[str, tuple[str, ...]]:
    """The subjects each rule does not judge (its scores out of scope), as rules ran.

    Examples
    --------
    >>> import democratie, democratie.examples
    >>> cards = democratie.analyse(democratie.examples.load("delft-zeven-van-delft"))
    >>> out_of_scope(cards.scorecards)["trajectory_conformance"]
    ('de-zeven-van-delft', 'workshop-zeven-van-delft')
    """
    found: dict[str, list[str]] = {}
    for card in cards.cards:
        for score in card.scores:
            if score.out_of_scope:
                found.setdefault(score.rule, []).append(card.subject)
    return {rule: tuple(subjects) for rule, subjects in found.items()}


def summary_body(ctx: Context, day: dt.date | None, present: str) -> str:
    """Write the summary: the findings, each linked to its evidence, then what to record.

    *present* is the HTML of the rest of the page: a finding links to the first of its
    evidence anchors that the page has.

    Examples
    --------
    >>> import democratie, democratie.examples
    >>> from democratie.report._text import Text
    >>> land = democratie.examples.load("delft-zeven-van-delft")
    >>> a = democratie.analyse(land)
    >>> ctx = Context(landscape=land, graph=a.graph, scorecards=a.scorecards,
    ...               rule_titles=a.rule_titles, text=Text("en"), analysis=a)
    >>> 'id="record-next"' in summary_body(ctx, None, "")
    True
    """
    lang = ctx.text.lang
    found = findings(ctx, day)
    parts = [tag("p", esc(words(lang, "intro")))]
    if found:
        items = []
        for finding in found:
            # Evidence on this page first; on a page of a report in pages, else on another.
            here = next((f"#{a}" for a in finding.evidence if f'id="{a}"' in present), None)
            away = (ctx.href(a) for a in finding.evidence)
            target = here or next((h for h in away if not h.startswith("#")), None)
            link = " " + tag("a", esc(words(lang, "evidence")), href=target) if target else ""
            items.append(
                tag(
                    "p",
                    tag("strong", esc(words(lang, "found")) + ": ")
                    + linked(finding.found.get(lang), ctx.sentence),
                )
                + tag(
                    "p",
                    tag("strong", esc(words(lang, "step")) + ": ")
                    + (
                        prose_html(finding.step.get(lang), lang, ctx.names)
                        if finding.from_rule
                        else linked(finding.step.get(lang), ctx.sentence)
                    )
                    + link,
                )
            )
        parts.append(tag("ol", "".join(tag("li", item) for item in items), id="findings"))
    else:
        parts.append(tag("p", esc(words(lang, "none")), class_="note", id="findings"))
    parts.append(_record_next_html(ctx))
    return "".join(parts)


def _terms(ctx: Context, *sentences: str) -> str:
    measures = measures_in(sentences)
    return terms_html(measures, ctx) if measures else ""


def _record_next_html(ctx: Context) -> str:
    lang = ctx.text.lang
    t = ctx.text
    groups = record_next(ctx.scorecards)
    heading = tag("h3", esc(words(lang, "record_next")), id="record-next")
    outside = _out_of_scope_html(ctx)
    if not groups:
        return heading + tag("p", esc(words(lang, "record_none")), class_="note") + outside
    rows = []
    for group in groups:
        title = ctx.rule_titles.get(group.rule)
        shown_title = title.get(lang) if title else group.rule
        cell = []
        for reason in group.reasons[:MAX_REASONS]:
            examples = [ctx.link(s) for s in reason.subjects[:MAX_EXAMPLES]]
            more = len(reason.subjects) - len(examples)
            listed = ", ".join(examples) + (
                esc(words(lang, "and_more", n=t.integer(more))) if more else ""
            )
            note = esc(words(lang, "subjects", n=t.integer(len(reason.subjects)))) + ": " + listed
            if not reason.worded_alike:
                note += ctx.sentence(words(lang, "worded_as", subject=ctx.name(reason.subjects[0])))
            cell.append(
                prose_html(reason.explanation.get(lang), lang, ctx.names)
                + _terms(ctx, shown_title, reason.explanation.get(lang))
                + tag("p", note, class_="note")
            )
        rest = group.reasons[MAX_REASONS:]
        if rest:
            cell.append(
                tag(
                    "p",
                    esc(
                        words(
                            lang,
                            "other_reasons",
                            n=t.integer(len(rest)),
                            subjects=t.integer(sum(len(r.subjects) for r in rest)),
                        )
                    ),
                    class_="note",
                )
            )
        rows.append(
            tag(
                "tr",
                tag("th", esc(shown_title), scope="row")
                + tag("td", "".join(cell))
                + tag("td", esc(t.integer(len(group.subjects))), class_="num"),
            )
        )
    head = "".join(
        tag("th", esc(words(lang, key)), scope="col", class_=cls)
        for key, cls in (("rule", None), ("what", None), ("how_many", "num"))
    )
    table = tag(
        "table",
        tag("caption", esc(words(lang, "record_next")), class_="visually-hidden")
        + tag("thead", tag("tr", head))
        + tag("tbody", "".join(rows)),
        id="record-next-table",
    )
    return (
        heading
        + tag("p", esc(words(lang, "record_intro")))
        + tag("div", table, class_="table-wrap")
        + outside
    )


def _out_of_scope_html(ctx: Context) -> str:
    """One line naming the rules that do not judge some of the subjects, and how many."""
    lang = ctx.text.lang
    found = out_of_scope(ctx.scorecards)
    if not found:
        return ""
    titles = []
    for rule in found:
        title = ctx.rule_titles.get(rule)
        titles.append(title.get(lang) if title else rule)
    n = len({subject for subjects in found.values() for subject in subjects})
    key = "out_of_scope_one" if n == 1 else "out_of_scope_many"
    line = words(lang, key, rules=ctx.text.join(titles), n=ctx.text.integer(n))
    return tag("p", esc(line), class_="note", id="record-next-out-of-scope")

"""The report's summary: findings by a fixed priority, linked to evidence; what to record next;
the glossary; the header's day made and version; source addresses as links."""

from __future__ import annotations

import datetime as dt
import html
import re

import attrs

import democratie
import democratie.examples
from democratie.model import Initiative, Network
from democratie.plan import assess_intakes, compose_groups
from democratie.report import SECTIONS, render
from democratie.report._glossary import GLOSSARY
from democratie.report._sections import Context
from democratie.report._summary import findings, record_next
from democratie.report._text import Text

DIA = "examples/democratie-in-actie-noord-nederland.toml"
TRAJECT = "dia-ontwikkeltraject-organisatieontwikkeling"


def _ctx(land: democratie.Landscape, day: dt.date | None, lang: str = "en") -> Context:
    a = democratie.analyse(land, as_of=day)
    return Context(
        landscape=land,
        graph=a.graph,
        scorecards=a.scorecards,
        rule_titles=a.rule_titles,
        text=Text(lang),
        analysis=a,
    )


def _summary(page: str) -> str:
    return page[page.index('id="summary"') : page.index('id="record-next"')]


def test_summary_is_the_first_section_and_the_glossary_the_last() -> None:
    assert SECTIONS[0] == "summary"
    assert SECTIONS[-1] == "glossary"


def test_an_unmet_commitment_is_a_finding_that_goes_once_it_is_given() -> None:
    land = democratie.load(DIA)
    found = findings(_ctx(land, dt.date(2024, 1, 1)), dt.date(2024, 1, 1))
    unmet = [f for f in found if f.priority == 2]
    assert any("Midden-Groningen" in f.found.en for f in unmet)
    # give Midden-Groningen every commitment asked for: the finding goes
    traject = land.get(TRAJECT)
    assert isinstance(traject, Initiative)
    intakes = tuple(
        attrs.evolve(i, commitments=traject.required_commitments, held=True)
        if i.municipality == "midden-groningen"
        else i
        for i in traject.intakes
    )
    changed = land.replace(attrs.evolve(traject, intakes=intakes))
    after = findings(_ctx(changed, dt.date(2024, 1, 1)), dt.date(2024, 1, 1))
    assert not any("Midden-Groningen" in f.found.en for f in after)


def test_findings_come_in_priority_order_at_most_five_and_the_same_every_time() -> None:
    land = democratie.load(DIA)
    ctx = _ctx(land, dt.date(2024, 1, 1))
    found = findings(ctx, dt.date(2024, 1, 1))
    assert 1 <= len(found) <= 5
    priorities = [f.priority for f in found]
    assert priorities == sorted(priorities)
    assert found == findings(ctx, dt.date(2024, 1, 1))


def test_an_overdue_milestone_comes_first_only_on_a_day_past_it() -> None:
    land = democratie.examples.load("leusden-samenleving-voorop")
    ini = land.get("samenleving-voorop-bestuur")
    assert isinstance(ini, Initiative)
    # a start date turns "within 12 months" into a due date
    dated = land.replace(
        attrs.evolve(ini, period=democratie.model.Period(start=dt.date(2020, 1, 1)))
    )
    late = findings(_ctx(dated, dt.date(2022, 1, 1)), dt.date(2022, 1, 1))
    assert late[0].priority == 0
    assert "nieuwe werkwijze ontworpen" in late[0].found.en
    # due within 12 months of the start: the finding says the day, in each language
    assert "(due 1 January 2021)" in late[0].found.en, late[0].found.en
    assert "(uiterlijk 1 januari 2021)" in late[0].found.nl, late[0].found.nl
    early = findings(_ctx(dated, dt.date(2020, 6, 1)), dt.date(2020, 6, 1))
    assert all(f.priority != 0 for f in early)
    undated = findings(_ctx(dated, None), None)
    assert all(f.priority >= 2 for f in undated)


def test_every_finding_links_to_an_element_of_the_page() -> None:
    page = render(democratie.load(DIA), lang="en", as_of=dt.date(2024, 1, 1))
    links = re.findall(r'href="#([^"]+)"', _summary(page))
    assert links
    for target in links:
        assert f'id="{target}"' in page


def test_scorecards_keep_only_applicable_rows_and_point_to_what_to_record() -> None:
    land = democratie.examples.load("leusden-samenleving-voorop")
    a = democratie.analyse(land)
    page = render(land, lang="en", analysis=a)
    groups = record_next(a.scorecards)
    missing = sum(len(c) - len(c.applicable) - len(c.out_of_scope) for c in a.scorecards.cards)
    assert missing > 0
    assert sum(len(g.subjects) for g in groups) == missing
    assert 'class="num na"' not in page  # no n/a row is left in the scorecards
    assert f"{missing} rules that do not apply" in page  # out-of-scope ones not counted
    assert 'href="#record-next"' in page


def test_glossary_explains_every_measure_in_both_languages_with_anchors() -> None:
    land = democratie.examples.load("leusden-samenleving-voorop")
    for lang in ("nl", "en"):
        page = render(land, lang=lang)
        for key, by_lang in GLOSSARY.items():
            assert f'id="term-{key}"' in page
            assert by_lang["nl"][1] != by_lang["en"][1]
        # and beside the column headings where a measure is used
        assert 'href="#term-constraint"' in page
        assert 'href="#term-voterank"' in page


def test_header_shows_version_and_the_day_made_only_when_given() -> None:
    land = democratie.examples.load("delft-zeven-van-delft")
    page = render(land, lang="en")
    assert democratie.__version__ in page
    assert "Made on" not in page
    assert page == render(land, lang="en")
    made = render(land, lang="en", made=dt.date(2026, 12, 7))
    assert "Made on 7 December 2026." in made


def test_source_addresses_are_links_only_when_http() -> None:
    land = democratie.examples.load("delft-zeven-van-delft")
    sources = (
        democratie.model.Source(title="Site", url="https://example.org/?a=1&b=2"),
        democratie.model.Source(title="Bad", url="javascript:alert(1)"),
    )
    page = render(attrs.evolve(land, sources=sources), lang="en")
    assert 'href="https://example.org/?a=1&amp;b=2"' in page
    assert 'href="javascript' not in page


def _grouped(land: democratie.Landscape) -> tuple[democratie.Landscape, Network]:
    """The seed example with its learning groups composed and recorded, and the first group."""
    placed = compose_groups(land, TRAJECT).apply(land)
    first = next(
        n
        for n in placed.networks
        if n.initiative == TRAJECT and n.kind.value == "regionaal_leernetwerk"
    )
    return placed, first


def test_a_municipality_left_out_of_every_learning_group_is_a_finding_until_placed() -> None:
    land, group = _grouped(democratie.load(DIA))
    day = dt.date(2024, 1, 1)
    # with every admitted municipality placed, no municipality is unplaced
    assert not [f for f in findings(_ctx(land, day), day, limit=100) if f.priority == 3]
    # take one admitted member out of its group: it is in no learning group, and says so
    left_out = group.members[0]
    assert assess_intakes(land, TRAJECT)[left_out].admitted
    name = land.name_of(left_out)
    dropped = land.replace(attrs.evolve(group, members=group.members[1:]))
    found = [f for f in findings(_ctx(dropped, day), day, limit=100) if f.priority == 3]
    assert [f.found.en for f in found] == [
        f"{name} is in no learning group of {land.get(TRAJECT).title}."  # type: ignore[union-attr]
    ]
    assert f"{name} zit in geen leergroep" in found[0].found.nl
    assert f"democratie plan groups FILE --initiative {TRAJECT}" in found[0].step.en
    assert found[0].evidence[0] == f"m-{left_out}"
    # it comes after the unmet commitments and before the low scores
    every = findings(_ctx(dropped, day), day, limit=100)
    order = [f.priority for f in every]
    assert order.index(3) > order.index(2)
    assert all(p >= 3 for p in order[order.index(3) :])
    # the summary shows it, linked to the municipality's card on the page
    page = render(dropped, lang="en", as_of=day)
    summary = _summary(page)
    start = summary.index(f"{name} is in no learning group")
    assert f'href="#m-{left_out}"' in summary[start:]
    assert f'id="m-{left_out}"' in page
    # placing it again (in another group, by hand) takes the finding away
    other = next(
        n
        for n in dropped.networks
        if n.initiative == TRAJECT and n.kind.value == "regionaal_leernetwerk" and n.id != group.id
    )
    placed = dropped.replace(attrs.evolve(other, members=(*other.members, left_out)))
    assert not [f for f in findings(_ctx(placed, day), day, limit=100) if f.priority == 3]


def test_no_learning_group_recorded_means_no_unplaced_finding() -> None:
    # the seed example admits eleven municipalities, but records no learning group yet
    land = democratie.load(DIA)
    day = dt.date(2024, 1, 1)
    assert sum(a.admitted for a in assess_intakes(land, TRAJECT).values()) == 11
    assert not [f for f in findings(_ctx(land, day), day, limit=100) if f.priority == 3]


def test_a_municipality_that_failed_its_intake_waits_for_the_gate_not_a_group() -> None:
    land, _ = _grouped(democratie.load(DIA))
    day = dt.date(2024, 1, 1)
    # Midden-Groningen lacks a commitment: listing it among the municipalities does not make
    # it a municipality to place, while an enrolled one without any intake is
    traject = land.get(TRAJECT)
    assert isinstance(traject, Initiative)
    listed = attrs.evolve(traject, municipalities=(*traject.municipalities, "midden-groningen"))
    found = [
        f for f in findings(_ctx(land.replace(listed), day), day, limit=100) if f.priority == 3
    ]
    assert found == []
    intakes = tuple(i for i in traject.intakes if i.municipality != "midden-groningen")
    no_intake = attrs.evolve(listed, intakes=intakes)
    found = [
        f for f in findings(_ctx(land.replace(no_intake), day), day, limit=100) if f.priority == 3
    ]
    assert [f.evidence[0] for f in found] == ["m-midden-groningen"]


def _record_next_part(page: str) -> str:
    start = page.index('id="record-next"')
    return page[start : page.index("</section>", start)]


def test_rules_out_of_scope_are_one_line_below_what_to_record_not_rows() -> None:
    # The Delft approach is no development trajectory and not framed in Stichtse Vecht's
    # ambitions: nothing recorded would make those rules apply.
    land = democratie.examples.load("delft-zeven-van-delft")
    a = democratie.analyse(land)
    page = render(land, lang="nl", analysis=a)
    part = _record_next_part(page)
    table = part[part.index('id="record-next-table"') : part.index("</table>")]
    line = part[part.index('id="record-next-out-of-scope"') :]
    for rule in ("trajectory_conformance", "target_role_coverage", "intake_gate"):
        title = a.rule_titles[rule].nl
        assert title not in table, rule
        assert title in line, rule
    assert "Stichtse Vecht" not in table  # the ambitions are not asked for
    assert "Niet van toepassing op dit soort onderwerp:" in line
    assert "(2 onderwerpen)" in line
    recordable = sum(len(g.subjects) for g in record_next(a.scorecards))
    assert f"{recordable} regels die niet van toepassing zijn" in page
    assert recordable < sum(len(c) - len(c.applicable) for c in a.scorecards.cards)


def test_what_to_record_has_a_row_per_rule_whatever_the_size_of_the_landscape() -> None:
    from democratie.synth import generate

    land = generate(scale=1 / 16, provinces=["Limburg"])
    a = democratie.analyse(land)
    groups = record_next(a.scorecards)
    # Every score that could be made to apply counted exactly once, under its own rule.
    counted = [(s, g.rule) for g in groups for s in g.subjects]
    expected = [
        (card.subject, score.rule)
        for card in a.scorecards.cards
        for score in card.scores
        if score.value is None and not score.out_of_scope
    ]
    assert len(counted) == len(set(counted)) == len(expected)
    assert set(counted) == set(expected)
    assert len(groups) == len({g.rule for g in groups}) <= len(a.scorecards.rules)
    # Subject-specific counts do not split a rule's reasons.
    rhythm = next(g for g in groups if g.rule == "evaluation_rhythm")
    assert len(rhythm.reasons) <= 2 < len(set(rhythm.subjects))
    page = render(land, lang="en", analysis=a)
    table = _record_next_part(page)
    rows = re.findall(r'<tr><th scope="row">', table)
    assert len(rows) == len(groups)
    shown = [int(n.replace(",", "")) for n in re.findall(r'<td class="num">([\d,]+)</td>', table)]
    assert sum(shown) == len(expected)
    assert table.count('<p class="note">') <= len(groups) * 4  # at most 3 reasons and a rest


def _visible(page: str) -> str:
    body = page[page.index("<body") :] if "<body" in page else page
    body = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", body, flags=re.DOTALL)
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


def test_numbers_on_dutch_pages_have_a_decimal_comma() -> None:
    # A score-looking number (digits, a point, two digits, not part of a date, version or
    # id) in the visible text of the summary, the scorecards and their evidence.
    pattern = re.compile(r"(?<![\d.\w-])[+-]?\d+\.\d\d(?![\d.\w])")
    for name in democratie.examples.NAMES:
        land = democratie.examples.load(name)
        page = render(land, lang="nl", as_of=dt.date(2024, 1, 1))
        start = page.index('id="summary"')
        shown = _visible(page[start:])
        found = pattern.findall(shown)
        assert not found, (name, found[:5])
        english = _visible(render(land, lang="en", as_of=dt.date(2024, 1, 1)))
        if name == "delft-zeven-van-delft":  # the same numbers, with a point in English
            assert "(E-I index +0.56)" in english
            assert "(E-I-index +0,56)" in shown
            assert "(0,00)" in shown


def test_a_missed_evaluation_is_said_once_not_again_by_the_rules_that_count_evaluations() -> None:
    land = democratie.examples.load("leusden-samenleving-voorop")
    ini = land.get("samenleving-voorop-bestuur")
    assert isinstance(ini, Initiative)
    day = dt.date(2030, 1, 1)
    evidence = "card-samenleving-voorop-bestuur-learning_loop"
    # Without a start there are no evaluation moments to miss: the low score is the finding.
    undated = findings(_ctx(land, day), day, limit=50)
    assert evidence in [f.evidence[0] for f in undated]
    # One fact, a start: the moments since are missed, and that finding says "evaluate".
    dated = land.replace(
        attrs.evolve(ini, period=democratie.model.Period(start=dt.date(2020, 1, 1)))
    )
    found = findings(_ctx(dated, day), day, limit=50)
    assert any(f.priority == 1 and f.evidence[1] == f"i-{ini.id}" for f in found)
    shown = [f.evidence[0] for f in found]
    assert evidence not in shown
    assert "card-samenleving-voorop-bestuur-evaluation_rhythm" not in shown
    # Other initiatives' low scores stay.
    assert "card-samenleving-voorop-champion_presence" in shown

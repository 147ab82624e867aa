"""The big objects show short in a prompt and as small, escaped tables in a notebook.

A landscape's ``repr`` was the whole document (7,480 characters for a seed example, far
more for a nation) and a scorecard's every score with its evidence: useless in a prompt
and in a notebook. They say now what they hold, in one line, and ``_repr_html_`` gives a
table whose size does not grow with the landscape.
"""

from __future__ import annotations

import datetime as dt
import html as html_module
import re

import pytest
from attrs import evolve

import democratie
from democratie import examples
from democratie._repr import MAX_IDS, MAX_ROWS, short
from democratie.analysis import Analysis
from democratie.graph import StakeholderGraph, build_graph
from democratie.model import Initiative, Landscape, Municipality, Person
from democratie.scoring import Bilingual, RuleFailure, Score, Scorecard, Scorecards
from democratie.synth import generate
from democratie.vocab import InitiativeKind


@pytest.fixture(scope="module")
def nation() -> Landscape:
    return generate(1 / 64, seed=3)


@pytest.fixture(scope="module")
def nation_graph(nation: Landscape) -> StakeholderGraph:
    return build_graph(nation)


def _rows(html: str) -> int:
    return html.count("<tr>")


@pytest.mark.parametrize("name", examples.NAMES)
def test_the_repr_of_every_seed_example_is_one_short_line_of_counts(name: str) -> None:
    land = examples.load(name)
    text = repr(land)
    assert "\n" not in text
    assert len(text) < 200
    assert text.startswith("<Landscape '")
    assert f"{len(land.initiatives)} initiative" in text
    assert f"{len(land.municipalities)} municipalit" in text


def test_the_repr_and_the_table_of_a_nation_stay_small(nation: Landscape) -> None:
    assert len(nation.municipalities) == 342
    assert len(repr(nation)) < 200
    assert "342 municipalities" in repr(nation)
    html = nation._repr_html_()
    assert len(html) < 4000
    # One row per kind, each naming the first ids and counting the rest.
    first = nation.municipalities[0].id
    row = rf"<td>municipalities</td><td>342</td><td>{first}, [^<]* and 337 more</td>"
    assert re.search(row, html)
    cells = re.findall(r"<td>([^<]*) and (\d+) more</td>", html)
    assert all(len(ids.split(", ")) == MAX_IDS for ids, _ in cells)


def test_the_repr_counts_in_the_singular_and_names_no_title_when_there_is_none() -> None:
    land = Landscape(
        municipalities=(Municipality(id="delft", cbs_code="GM0503"),),
        people=(Person(id="p-an", name="An"), Person(id="p-bo", name="Bo")),
    )
    assert repr(land) == (
        "<Landscape: 1 municipality, 0 organisations, 2 people, 0 roles, 0 initiatives, 0 networks>"
    )


def test_the_html_of_a_landscape_is_escaped() -> None:
    land = Landscape(
        title="<script>alert('x')</script> & co",
        municipalities=(Municipality(id="delft", cbs_code="GM0503"),),
    )
    html = land._repr_html_()
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; co" in html


def test_equality_and_hashing_do_not_depend_on_the_repr() -> None:
    land = examples.load("leusden-samenleving-voorop")
    again = democratie.loads(democratie.dumps(land))
    assert again == land
    assert hash(again) == hash(land)
    assert repr(again) == repr(land)
    changed = land.replace(evolve(land.initiatives[0], title="Iets anders"))
    assert changed != land  # the repr hides the title of an initiative; equality does not


def _score(rule: str, value: float | None, text: str = "Uitleg.") -> Score:
    if value is None:
        return Score.not_applicable(rule, "s", nl=text, en=text)
    return Score(
        rule=rule,
        subject="s",
        value=value,
        value_range=(0.0, 4.0) if rule == "ranged" else (0.0, 1.0),
        explanation=Bilingual(nl=text, en=text),
    )


def test_a_scorecard_shows_its_subject_and_counts_and_a_table_of_rule_value_explanation() -> None:
    card = Scorecard(
        subject="s",
        kind="initiative",
        title="Samenleving <Voorop>",
        scores=(
            _score("domain_coverage", 0.5, "Half the <domains>."),
            _score("ranged", 3.0),
            _score("learning_loop", None, "Nothing recorded."),
        ),
    )
    assert repr(card) == (
        "<Scorecard 's' (initiative 'Samenleving <Voorop>'): 3 scores, 2 applicable>"
    )
    html = card._repr_html_()
    assert "<td>domain_coverage</td><td>0.50</td><td>Half the &lt;domains&gt;.</td>" in html
    assert "<td>ranged</td><td>3.00 of 0–4</td>" in html
    assert "<td>learning_loop</td><td>n/a</td><td>Nothing recorded.</td>" in html
    assert "Samenleving &lt;Voorop&gt;" in html


def test_a_scorecard_with_many_scores_shows_the_first_and_counts_the_rest() -> None:
    scores = tuple(_score(f"rule-{n:03}", 1.0, "x" * 500) for n in range(MAX_ROWS + 30))
    card = Scorecard(subject="s", kind="network", title="T", scores=scores)
    html = card._repr_html_()
    assert _rows(html) == 1 + MAX_ROWS + 1
    assert "… and 30 more" in html
    assert "x" * 121 not in html  # long explanations are cut
    assert len(repr(card)) < 100


def test_the_scorecards_of_a_seed_example_show_one_row_per_subject() -> None:
    cards = democratie.score(examples.load("delft-zeven-van-delft"))
    html = cards._repr_html_()
    assert _rows(html) == 1 + len(cards)
    assert "<td>de-zeven-van-delft</td><td>initiative</td><td>De zeven van Delft</td>" in html
    # The repr of one card was every score with its evidence (over a thousand characters).
    assert all(len(repr(card)) < 160 for card in cards.values())
    assert all(len(repr(score)) < 120 for card in cards.values() for score in card.scores)


def test_the_scorecards_list_the_rules_that_failed() -> None:
    card = Scorecard(subject="s", kind="initiative", title="T", scores=(_score("a", 1.0),))
    failure = RuleFailure(rule="b", subject="s", code="raised", message="ZeroDivisionError: <0>")
    html = Scorecards(cards=(card,), rules=("a", "b"), failures=(failure,))._repr_html_()
    assert "1 subject, 2 rules, 1 failure" in html
    assert "<td>b</td><td>s</td><td>raised</td><td>ZeroDivisionError: &lt;0&gt;</td>" in html
    assert "Rules that failed" not in Scorecards(cards=(card,), rules=("a",))._repr_html_()


def test_a_score_shows_its_rule_subject_value_and_range() -> None:
    assert repr(_score("ranged", 3.0)) == "<Score ranged [s]: 3.0 in [0.0, 4.0]>"
    assert repr(_score("learning_loop", None)) == "<Score learning_loop [s]: not applicable>"


def test_the_graph_shows_its_nodes_by_kind_and_edges_by_relation(
    nation_graph: StakeholderGraph,
) -> None:
    graph = nation_graph
    html = graph._repr_html_()
    assert f"Stakeholder graph: {len(graph)} nodes" in html
    nodes, edges = html.split("</table>")[:2]
    kinds = {kind: int(n) for kind, n in re.findall(r"<td>([a-z_]+)</td><td>(\d+)</td>", nodes)}
    relations = {r: int(n) for r, n in re.findall(r"<td>([a-z_]+)</td><td>(\d+)</td>", edges)}
    assert kinds["municipality"] == 342
    assert sum(kinds.values()) == len(graph)
    assert sum(relations.values()) == graph.number_of_edges()
    assert list(relations.values()) == sorted(relations.values(), reverse=True)
    assert len(html) < 4000


# -- an analysis --------------------------------------------------------------------------


def test_an_analysis_shows_what_it_covers_and_computes_nothing_to_show_it() -> None:
    land = examples.load("delft-zeven-van-delft")
    analysis = democratie.analyse(land, as_of=dt.date(2024, 5, 1))
    text = repr(analysis)
    assert text == (
        "<Analysis of 'De zeven van Delft': 2 municipalities, 2 initiatives; "
        f"{len(analysis.rules)} rules, as of 2024-05-01; computed: nothing yet>"
    )
    html = analysis._repr_html_()
    assert "<td>landscape</td><td>2 municipalities, 4 organisations, 2 people, 5 roles, " in html
    assert "<td>as of</td><td>2024-05-01</td>" in html
    assert "<td>graph</td><td>not built yet</td>" in html
    assert "<td>scorecards</td><td>not computed yet</td>" in html
    assert "Lowest scores" not in html
    # Showing it twice built and scored nothing.
    assert repr(analysis) == text
    assert "scorecards" not in vars(analysis)
    cards = analysis.scorecards
    graph = analysis.graph
    html = analysis._repr_html_()
    assert f"<td>graph</td><td>{len(graph)} nodes, {graph.number_of_edges()} edges</td>" in html
    assert f"<td>scorecards</td><td>{len(cards)} subjects, {len(cards.rules)} rules, 0 " in html
    assert repr(analysis).endswith("computed: graph, scorecards>")
    # The lowest scores, lowest first on each rule's scale, and the rest counted.
    applicable = [s for card in cards.values() for s in card.scores if s.applicable]
    lowest = html.split("<caption>Lowest scores</caption>")[1]
    shown = re.findall(r"<tr><td>([a-z_]+)</td><td>([a-z0-9.-]+)</td><td>[^<]*</td>", lowest)
    assert len(shown) == 10 < len(applicable)
    assert f"… and {len(applicable) - 10} more" in lowest
    level = {(s.rule, s.subject): s.normalised or 0.0 for s in applicable}
    values = [level[pair] for pair in shown]
    assert values == sorted(values)
    assert max(values) <= min(v for pair, v in level.items() if pair not in set(shown))


def _low(n: int, count: int, rule: str) -> float:
    """A value that falls with *n*, on the scale of *rule*."""
    return 4 - 4 * n / count if rule == "ranged" else 1 - n / count


def _cards(count: int) -> Scorecards:
    """*count* scorecards of three scores each, the lowest ones on the last cards."""
    return Scorecards(
        cards=tuple(
            Scorecard(
                subject=f"s-{n:05}",
                kind="initiative",
                title=f"Initiatief {n} <&> " + "lang " * 40,
                scores=(
                    *(
                        evolve(_score(rule, _low(n, count, rule)), subject=f"s-{n:05}")
                        for rule in ("a", "ranged", "b")
                    ),
                    Score.not_applicable("z", f"s-{n:05}", nl="-", en="-"),
                ),
            )
            for n in range(count)
        ),
        rules=("a", "ranged", "b", "z"),
    )


def test_the_table_of_an_analysis_of_a_nation_stays_small(
    nation: Landscape, nation_graph: StakeholderGraph
) -> None:
    cards = _cards(5_000)
    analysis = Analysis(nation, [], graph=nation_graph, scorer=lambda _: cards)
    assert len(repr(analysis)) < 250
    assert "342 municipalities" in repr(analysis)
    assert analysis.scorecards is cards
    html = analysis._repr_html_()
    assert len(html) < 6_000, len(html)
    assert f"<td>graph</td><td>{len(nation_graph)} nodes, " in html
    assert "<td>scorecards</td><td>5000 subjects, 4 rules, 0 failures</td>" in html
    # 15,000 applicable scores (the rule that never applies is left out), 10 shown: the
    # lowest are the last subjects', ties by rule.
    assert "… and 14990 more" in html
    lowest = html.split("<caption>Lowest scores</caption>")[1]
    shown = re.findall(r"<tr><td>([a-z]+)</td><td>(s-\d+)</td>", lowest)
    assert len(shown) == 10
    assert sorted(shown[:3]) == [("a", "s-04999"), ("b", "s-04999"), ("ranged", "s-04999")]
    assert shown[3][1] == "s-04998"
    # Long titles are cut; a value on another scale than 0 to 1 names it.
    title = short("Initiatief 4999 <&> " + "lang " * 40)
    assert len(title) == 61
    row = f"<td>ranged</td><td>s-04999</td><td>{html_module.escape(title)}</td><td>0.00 of 0–4</td>"
    assert row in lowest


def test_the_table_of_an_analysis_is_escaped() -> None:
    land = Landscape(
        title="<script>alert('x')</script> & co",
        municipalities=(Municipality(id="delft", cbs_code="GM0503"),),
        initiatives=(
            Initiative(
                id="i-1",
                kind=InitiativeKind.EXPERIMENT,
                title="Wij & <jullie>",
                municipalities=("delft",),
            ),
        ),
    )
    cards = Scorecards(
        cards=(
            Scorecard(
                subject="i-1",
                kind="initiative",
                title="Wij & <jullie>",
                scores=(evolve(_score("a", 0.25), subject="i-1"),),
            ),
        ),
        rules=("a",),
    )
    analysis = Analysis(land, [], graph=lambda: build_graph(land), scorer=lambda _: cards)
    assert analysis.scorecards is cards
    html = analysis._repr_html_()
    assert "<script>" not in html
    assert "<jullie>" not in html
    assert "<caption>Analysis of &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; co" in html
    assert "<td>a</td><td>i-1</td><td>Wij &amp; &lt;jullie&gt;</td><td>0.25</td>" in html

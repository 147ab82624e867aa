"""One analysis of a landscape, computed once and read by the report, the exports and the CLI.

An :class:`Analysis` holds what is said about a landscape: its stakeholder
graph, the scorecards of every rule, the rules' titles, the champions and
brokers, the cohesion, the krachtenveld and the coverage of areas, policy
domains and sectors. Each part is computed on first use and kept, so the HTML
report, ``scores.csv`` and ``democratie graph`` show the same numbers for the
same file, plugin rules included.

This module knows nothing of plugins: it is given the rules and the graph.
:func:`democratie.analyse` gathers them from the registered plugins (the
built-in ones included) and is what programs call.

Examples
--------
>>> import democratie.examples
>>> analysis = democratie.analyse(democratie.examples.load("leusden-samenleving-voorop"))
>>> analysis.scorecards is analysis.scorecards  # computed once
True
>>> analysis.brokers.sampled, len(analysis.champions) > 0
(False, True)
>>> "domain_coverage" in analysis.rule_titles
True

A part that cannot be computed raises one of :data:`ANALYSIS_ERRORS`, again on every ask:

>>> try:
...     analysis.area_coverage("nowhere", "wijk")
... except ANALYSIS_ERRORS as error:
...     print(type(error).__name__)
KeyError
"""

from __future__ import annotations

import datetime as dt
import functools
import heapq
import threading
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import networkx as nx

from democratie._repr import counted, html_table, short
from democratie.graph import StakeholderGraph
from democratie.graph.analysis import (
    AreaCoverage,
    BrokerRanking,
    ChampionRanking,
    Cohesion,
    DomainCoverage,
    Krachtenveld,
    SectorCoverage,
    area_coverage,
    broker_shortlist,
    domain_coverage,
    map_krachtenveld,
    measure_cohesion,
    rank_brokers_at_scale,
    rank_champions,
    sector_coverage,
)
from democratie.model import Landscape
from democratie.scoring import Bilingual, Score, Scorecards, ScoringRule, run
from democratie.vocab import AreaLevel

__all__ = ["ANALYSIS_ERRORS", "Analysis"]

#: What an analysis of a graph may raise on data it cannot analyse (the report shows it).
ANALYSIS_ERRORS: tuple[type[Exception], ...] = (
    nx.NetworkXException,
    KeyError,
    ValueError,
    ImportError,
)

#: The kinds of entity an analysis's view counts, with the singular of each.
_COUNTED = (
    ("municipalities", "municipality"),
    ("organisations", "organisation"),
    ("people", "person"),
    ("roles", "role"),
    ("initiatives", "initiative"),
    ("networks", "network"),
)
#: How many of the lowest scores the notebook view lists.
_LOWEST = 10


def _shown_value(score: Score) -> str:
    """A value as the tables show it: two decimals, with the range when it is not 0 to 1."""
    low, high = score.value_range
    shown = f"{score.value:.2f}"
    return shown if (low, high) == (0.0, 1.0) else f"{shown} of {low:g}–{high:g}"


class Analysis:
    """What is said about one landscape, each part computed on first use and kept.

    Make one with :func:`democratie.analyse`, which gathers the rules and the
    enriched graph from the plugins; this constructor takes them explicitly.

    Parameters
    ----------
    landscape
        The landscape analysed.
    rules
        The scoring rules, in order.
    graph
        Its stakeholder graph, or what builds it (called once, when first needed).
    scorer
        What scores the landscape on its graph; by default
        :func:`democratie.scoring.run` with *rules* and the settings below.
    rule_plugins
        The plugin each rule came from, by rule name (for reports of failures).
    as_of
        The day deadlines are judged against.
    seed
        The seed of the analyses that sample (and of the rules).
    strict
        Raise a rule's failure instead of recording it.
    time_budget
        The most seconds one rule may take on one subject (see
        :func:`democratie.scoring.run`); None for no limit.
    workers
        How many processes score at once (None: as
        :func:`~democratie.scoring.default_workers` says).

    Examples
    --------
    >>> import democratie.examples
    >>> from democratie.graph import build_graph
    >>> from democratie.scoring.rules import DomainCoverage
    >>> land = democratie.examples.load("delft-zeven-van-delft")
    >>> analysis = Analysis(land, [DomainCoverage()], graph=lambda: build_graph(land))
    >>> analysis.scorecards.rules
    ('domain_coverage',)
    >>> analysis.top_brokers(1).brokers[0].id == analysis.brokers.best.id
    True

    Its ``repr`` is one line: what it covers and what it has computed so far. In a
    notebook it shows as a table (``_repr_html_``) with, once the scorecards are
    computed, the lowest scores. Showing it computes nothing:

    >>> import datetime as dt
    >>> later = Analysis(land, [DomainCoverage()], graph=lambda: build_graph(land),
    ...                  as_of=dt.date(2024, 5, 1))
    >>> later  # doctest: +NORMALIZE_WHITESPACE
    <Analysis of 'De zeven van Delft': 2 municipalities, 2 initiatives; 1 rule,
    as of 2024-05-01; computed: nothing yet>
    >>> "<td>scorecards</td><td>not computed yet</td>" in later._repr_html_()
    True
    >>> cards = analysis.scorecards
    >>> "<td>scorecards</td><td>2 subjects, 1 rule, 0 failures</td>" in analysis._repr_html_()
    True
    """

    def __init__(
        self,
        landscape: Landscape,
        rules: Sequence[ScoringRule],
        *,
        graph: StakeholderGraph | Callable[[], StakeholderGraph],
        scorer: Callable[[StakeholderGraph], Scorecards] | None = None,
        rule_plugins: Mapping[str, str] | None = None,
        as_of: dt.date | None = None,
        seed: int = 0,
        strict: bool = False,
        time_budget: float | None = None,
        workers: int | None = 1,
    ) -> None:
        self.landscape = landscape
        self.rules = tuple(rules)
        self.rule_plugins: Mapping[str, str] = dict(rule_plugins or {})
        self.as_of = as_of
        self.seed = seed
        self.strict = strict
        self.time_budget = time_budget
        self.workers = workers
        self._scorer = scorer
        self._graph = graph if isinstance(graph, StakeholderGraph) else None
        self._build = None if isinstance(graph, StakeholderGraph) else graph
        self._lock = threading.RLock()
        self._memo: dict[tuple[Any, ...], Any] = {}

    def __repr__(self) -> str:
        land = self.landscape
        title = f" of {short(land.title)!r}" if land.title is not None else ""
        covers = (
            f"{counted(len(land.municipalities), 'municipality', 'municipalities')}, "
            f"{counted(len(land.initiatives), 'initiative')}"
        )
        done = ", ".join(self._computed()) or "nothing yet"
        return (
            f"<Analysis{title}: {covers}; {counted(len(self.rules), 'rule')}, "
            f"{self._day()}; computed: {done}>"
        )

    def _repr_html_(self) -> str:
        # Showing an analysis computes nothing: a part not yet computed says so.
        land = self.landscape
        graph = self._graph
        cards: Scorecards | None = self.__dict__.get("scorecards")
        rows = [
            ["landscape", ", ".join(counted(len(getattr(land, n)), s, n) for n, s in _COUNTED)],
            ["rules", counted(len(self.rules), "rule")],
            ["as of", "not given" if self.as_of is None else self.as_of.isoformat()],
            [
                "graph",
                "not built yet"
                if graph is None
                else f"{counted(graph.nx.number_of_nodes(), 'node')}, "
                f"{counted(graph.nx.number_of_edges(), 'edge')}",
            ],
            [
                "scorecards",
                "not computed yet"
                if cards is None
                else f"{counted(len(cards), 'subject')}, {counted(len(cards.rules), 'rule')}, "
                f"{counted(len(cards.failures), 'failure')}",
            ],
            ["computed", ", ".join(self._computed()) or "nothing yet"],
        ]
        caption = "Analysis" + (f" of {short(land.title)}" if land.title is not None else "")
        table = html_table(["part", "what it holds"], rows, caption=caption)
        if cards is None:
            return table
        applicable = [
            (score, card) for card in cards.cards for score in card.scores if score.applicable
        ]
        if not applicable:
            return table
        # The lowest on the scale of each rule; a tie by rule, then subject (deterministic).
        lowest = heapq.nsmallest(
            _LOWEST,
            applicable,
            key=lambda pair: (pair[0].normalised, pair[0].rule, pair[1].subject),
        )
        return table + html_table(
            ["rule", "subject", "title", "value"],
            (
                [score.rule, card.subject, short(card.title), _shown_value(score)]
                for score, card in lowest
            ),
            caption="Lowest scores",
            total=len(applicable),
        )

    def _computed(self) -> list[str]:
        """The parts computed so far, in a fixed order."""
        parts = ["graph"] if self._graph is not None else []
        if "scorecards" in self.__dict__:
            parts.append("scorecards")
        with self._lock:
            parts.extend(sorted({str(key[0]) for key in self._memo}))
        return parts

    def _day(self) -> str:
        return "no as-of day" if self.as_of is None else f"as of {self.as_of.isoformat()}"

    def _once(self, key: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
        with self._lock:
            if key not in self._memo:
                try:
                    self._memo[key] = (True, compute())
                except ANALYSIS_ERRORS as error:
                    self._memo[key] = (False, error)
            done, value = self._memo[key]
        if not done:
            raise value
        return value

    @property
    def graph(self) -> StakeholderGraph:
        """The stakeholder graph (built on first use, with the plugins' enrichments)."""
        with self._lock:
            if self._graph is None:
                assert self._build is not None
                self._graph = self._build()
            return self._graph

    @functools.cached_property
    def scorecards(self) -> Scorecards:
        """The scorecards of every subject, by every rule (failures recorded in them)."""
        if self._scorer is not None:
            return self._scorer(self.graph)
        return run(
            self.landscape,
            self.rules,
            graph=self.graph,
            as_of=self.as_of,
            seed=self.seed,
            strict=self.strict,
            time_budget=self.time_budget,
            workers=self.workers,
        )

    @functools.cached_property
    def rule_titles(self) -> Mapping[str, Bilingual]:
        """The title of every rule, by rule name."""
        return {rule.name: rule.title for rule in self.rules}

    @property
    def champions(self) -> ChampionRanking:
        """Every actor ranked as a central contact (champion score), best first.

        Raises
        ------
        networkx.NetworkXException, ValueError
            When the graph cannot be ranked (asked again, raised again).
        """
        ranking: ChampionRanking = self._once(("champions",), lambda: rank_champions(self.graph))
        return ranking

    @property
    def brokers(self) -> BrokerRanking:
        """The brokers (verbinders), best first: exact when small, sampled when large.

        By the one policy of :func:`~democratie.graph.analysis.rank_brokers_at_scale`.
        """
        ranking: BrokerRanking = self._once(
            ("brokers",), lambda: rank_brokers_at_scale(self.graph, seed=self.seed)
        )
        return ranking

    @property
    def broker_shortlist(self) -> list[str] | None:
        """The actors the brokers were ranked among; None when all were."""
        shortlist: list[str] | None = self._once(
            ("shortlist",), lambda: broker_shortlist(self.graph)
        )
        return shortlist

    def top_champions(self, n: int) -> ChampionRanking:
        """The first *n* champions, as a ranking of its own."""
        ranking = self.champions
        return ChampionRanking(champions=ranking.champions[:n], centrality=ranking.centrality)

    def top_brokers(self, n: int) -> BrokerRanking:
        """The first *n* brokers, as a ranking of its own."""
        ranking = self.brokers
        return BrokerRanking(brokers=ranking.brokers[:n], k=ranking.k, seed=ranking.seed)

    @property
    def cohesion(self) -> Cohesion:
        """The cohesion of the network of actors (density, components, cut points)."""
        found: Cohesion = self._once(("cohesion",), lambda: measure_cohesion(self.graph))
        return found

    @property
    def krachtenveld(self) -> Krachtenveld:
        """The krachtenveld: every assessed stakeholder's power and interest."""
        found: Krachtenveld = self._once(("krachtenveld",), lambda: map_krachtenveld(self.graph))
        return found

    def area_coverage(self, municipality: str, level: AreaLevel | str) -> AreaCoverage:
        """Which areas of one level in *municipality* are served (computed once)."""
        found: AreaCoverage = self._once(
            ("area_coverage", municipality, str(level)),
            lambda: area_coverage(self.graph, municipality, level=level),
        )
        return found

    def domain_coverage(self, initiative: str) -> DomainCoverage:
        """Which policy domains an initiative covers of those it needs (computed once)."""
        found: DomainCoverage = self._once(
            ("domain_coverage", initiative), lambda: domain_coverage(self.graph, initiative)
        )
        return found

    def sector_coverage(self, initiative: str) -> SectorCoverage:
        """Which sectors take part in an initiative (computed once)."""
        found: SectorCoverage = self._once(
            ("sector_coverage", initiative), lambda: sector_coverage(self.graph, initiative)
        )
        return found

"""What a rule sees besides its subject: the landscape, one shared graph and shared results.

One :class:`ScoringContext` serves every rule and subject of a scoring run. The
stakeholder graph is built the first time a rule asks for it, and only then; an
analysis that several rules need (betweenness, say) is computed once through
:meth:`ScoringContext.cached`.

Examples
--------
>>> import democratie
>>> from democratie.scoring import ScoringContext
>>> land = democratie.loads('''
... format = "democratie/1"
... [[municipalities]]
... id = "delft"
... cbs_code = "GM0503"
... ''')
>>> context = ScoringContext(land)
>>> context.graph_built
False
>>> context.graph.nx.number_of_nodes(), context.graph_built
(3, True)
>>> context.cached(("count", "municipalities"), lambda: len(land.municipalities))
1
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable
from typing import TypeVar

from democratie.graph import StakeholderGraph, build_graph
from democratie.model import Landscape

__all__ = ["ScoringContext"]

_T = TypeVar("_T")


class ScoringContext:
    """The landscape being scored, its stakeholder graph, and results shared between rules.

    Parameters
    ----------
    landscape
        The landscape whose subjects are scored.
    graph
        Its stakeholder graph, when the caller has one already; otherwise it is
        built on first use. Rules must not change it.
    graph_builder
        What builds the graph on first use, when *graph* is not given:
        :func:`democratie.graph.build_graph` by default
        (:func:`democratie.plugins.build_graph` adds plugin enrichments).
    as_of
        The day to judge deadlines against (milestones due before it and not
        reached are late, by :func:`democratie.monitor.milestone_state`, the
        definition :func:`democratie.monitor.status` shares). ``None`` judges
        only what the landscape records as done, so the same landscape always
        gets the same scores; the command line passes today unless told
        otherwise. A rule that judges time names the day in its explanation.
    seed
        Seed for the analyses that sample (betweenness at scale), so that
        scores are deterministic.

    Examples
    --------
    >>> import democratie.examples
    >>> from democratie.scoring.rules import CrossSectorCoverage
    >>> land = democratie.examples.load("delft-zeven-van-delft")
    >>> context = ScoringContext(land)
    >>> context
    <ScoringContext 'De zeven van Delft' graph=not built>
    >>> CrossSectorCoverage().score(land.get("de-zeven-van-delft"), context).value
    0.9166666666666667
    >>> context
    <ScoringContext 'De zeven van Delft' graph=built>
    >>> context.cached(("answer", 1), lambda: 42), context.cached(("answer", 1), lambda: 0)
    (42, 42)
    """

    __slots__ = ("_builder", "_cache", "_graph", "as_of", "landscape", "seed")

    def __init__(
        self,
        landscape: Landscape,
        *,
        graph: StakeholderGraph | None = None,
        graph_builder: Callable[[Landscape], StakeholderGraph] | None = None,
        as_of: dt.date | None = None,
        seed: int = 0,
    ) -> None:
        self.landscape = landscape
        self._builder = graph_builder or build_graph
        self.as_of = as_of
        self.seed = seed
        self._graph = graph
        self._cache: dict[Hashable, object] = {}

    @property
    def graph(self) -> StakeholderGraph:
        """The stakeholder graph of the landscape, built once on first use."""
        if self._graph is None:
            self._graph = self._builder(self.landscape)
        return self._graph

    @property
    def graph_built(self) -> bool:
        """Whether the graph exists yet (given, or built by an earlier rule)."""
        return self._graph is not None

    def cached(self, key: Hashable, compute: Callable[[], _T]) -> _T:
        """Return the result stored under *key*, computing and storing it the first time.

        Use a key that names the analysis and every parameter it depends on,
        such as ``("betweenness", k, seed)``, so that rules with other
        parameters do not share a result by mistake.
        """
        try:
            return self._cache[key]  # type: ignore[return-value]
        except KeyError:
            value = compute()
            self._cache[key] = value
            return value

    def __repr__(self) -> str:
        title = self.landscape.title or "untitled landscape"
        return f"<ScoringContext {title!r} graph={'built' if self.graph_built else 'not built'}>"

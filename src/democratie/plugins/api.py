"""The plugin-aware functions a user calls: score, validate, build an enriched graph.

These functions gather what the registered plugins offer (the built-in plugins
included) and hand it to the layers below, which know nothing of plugins:
:func:`score` gathers the scoring rules and calls :func:`democratie.scoring.run`;
:func:`build_graph` calls :func:`democratie.graph.build_graph` and then the
``democratie_enrich_graph`` hooks.

Every function takes ``plugin_manager`` (the shared one by default) and
``strict``: by default a failing plugin is reported as a
:class:`~democratie.plugins.PluginWarning` and skipped; with ``strict=True``
it raises a :class:`~democratie.plugins.PluginError`.

Examples
--------
>>> import democratie
>>> from democratie.plugins import score
>>> land = democratie.loads('''
... format = "democratie/1"
... [[initiatives]]
... id = "challenge"
... kind = "challenge"
... title = "Samenleving Voorop"
... domains = ["bestuur"]
... required_domains = ["bestuur"]
... ''')
>>> cards = score(land)
>>> cards["challenge"]["domain_coverage"].value
1.0
>>> cards["challenge"]["commitment_triad"].applicable
False
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence

from democratie import graph as _graph
from democratie.analysis import Analysis
from democratie.formats import (
    Exporter,
    Importer,
    check_exporter_attributes,
    check_importer_attributes,
)
from democratie.graph import StakeholderGraph
from democratie.model import Landscape
from democratie.plugins.findings import Finding
from democratie.plugins.manager import DemocratiePluginManager, _describe, get_plugin_manager
from democratie.plugins.problems import PluginProblem
from democratie.scoring import RuleFailure, Scorecards, ScoringRule, check_rule, run

__all__ = [
    "analyse",
    "build_graph",
    "enrich_graph",
    "exporters",
    "importers",
    "score",
    "scoring_rules",
    "validate",
]


def _manager(plugin_manager: DemocratiePluginManager | None) -> DemocratiePluginManager:
    return plugin_manager if plugin_manager is not None else get_plugin_manager()


def _rules_with_plugins(
    manager: DemocratiePluginManager, strict: bool
) -> list[tuple[str, ScoringRule]]:
    return manager.gather(
        "democratie_scoring_rules",
        check_rule,
        name_of=lambda rule: str(rule.name),
        strict=strict,
    )


def scoring_rules(
    *, plugin_manager: DemocratiePluginManager | None = None, strict: bool = False
) -> tuple[ScoringRule, ...]:
    """Return the scoring rules the registered plugins offer, built-in ones first.

    Parameters
    ----------
    plugin_manager
        The manager to ask; the shared one by default.
    strict
        Raise a :class:`~democratie.plugins.PluginError` when a plugin fails
        (raises, returns something that is not a rule, reuses a rule name).

    Examples
    --------
    >>> from democratie.plugins import scoring_rules
    >>> [rule.name for rule in scoring_rules()][:3]
    ['commitment_triad', 'council_at_the_front', 'area_coverage']
    """
    return tuple(rule for _, rule in _rules_with_plugins(_manager(plugin_manager), strict))


def exporters(
    *, plugin_manager: DemocratiePluginManager | None = None, strict: bool = False
) -> tuple[Exporter, ...]:
    """Return the exporters the registered plugins offer, built-in ones first.

    Parameters
    ----------
    plugin_manager
        The manager to ask; the shared one by default.
    strict
        Raise a :class:`~democratie.plugins.PluginError` when a plugin fails.

    Examples
    --------
    >>> [exporter.name for exporter in exporters()]
    ['json', 'toml', 'popolo', 'graphml', 'gexf', 'node-link', 'csv', 'ics']
    """
    return tuple(item for _, item in _exporters_with_plugins(_manager(plugin_manager), strict))


def _exporters_with_plugins(
    manager: DemocratiePluginManager, strict: bool
) -> list[tuple[str, Exporter]]:
    return manager.gather(
        "democratie_exporters",
        check_exporter_attributes,
        name_of=lambda item: str(item.name),
        strict=strict,
    )


def importers(
    *, plugin_manager: DemocratiePluginManager | None = None, strict: bool = False
) -> tuple[Importer, ...]:
    """Return the importers the registered plugins offer, built-in ones first.

    Parameters
    ----------
    plugin_manager
        The manager to ask; the shared one by default.
    strict
        Raise a :class:`~democratie.plugins.PluginError` when a plugin fails.

    Examples
    --------
    >>> [(importer.name, importer.suffixes) for importer in importers()]
    [('json', ('.json',)), ('toml', ('.toml',)), ('ori', ('.json',)), ('popolo', ('.json',))]
    """
    return tuple(item for _, item in importers_by_plugin(plugin_manager, strict=strict))


def importers_by_plugin(
    plugin_manager: DemocratiePluginManager | None, *, strict: bool
) -> list[tuple[str, Importer]]:
    """The importers the registered plugins offer, each with the name of its plugin."""
    return _manager(plugin_manager).gather(
        "democratie_importers",
        check_importer_attributes,
        name_of=lambda item: str(item.name),
        strict=strict,
    )


def _check_finding(item: object) -> list[str]:
    return [] if isinstance(item, Finding) else ["it is not a democratie.plugins.Finding"]


def validate(
    landscape: Landscape,
    *,
    plugin_manager: DemocratiePluginManager | None = None,
    strict: bool = False,
) -> tuple[Finding, ...]:
    """Ask every plugin that implements ``democratie_validate`` what it finds in *landscape*.

    Parameters
    ----------
    landscape
        A landscape (valid by the model's rules).
    plugin_manager
        The manager to ask; the shared one by default.
    strict
        Raise a :class:`~democratie.plugins.PluginError` when a plugin fails.

    Returns
    -------
    tuple of Finding
        Every finding, in plugin order, each naming its plugin.

    Examples
    --------
    >>> import democratie.examples
    >>> from democratie.plugins import Finding, hookimpl, make_plugin_manager
    >>> class NoPeriod:
    ...     @hookimpl
    ...     def democratie_validate(self, landscape):
    ...         for index, initiative in enumerate(landscape.initiatives):
    ...             if initiative.period.start is None:
    ...                 yield Finding(severity="warning", path=f"initiatives[{index}].period",
    ...                               message="the initiative has no start date", code="no-start")
    >>> manager = make_plugin_manager(entry_points=False)
    >>> _ = manager.register(NoPeriod(), name="no-period")
    >>> for finding in validate(democratie.examples.load("m50-leerkring-waalwijk"),
    ...                         plugin_manager=manager):
    ...     print(finding)
    warning: initiatives[1].period: the initiative has no start date [no-start] (no-period)
    """
    found = _manager(plugin_manager).gather(
        "democratie_validate", _check_finding, strict=strict, landscape=landscape
    )
    return tuple(finding.by(plugin) for plugin, finding in found)


def enrich_graph(
    graph: StakeholderGraph,
    landscape: Landscape,
    *,
    plugin_manager: DemocratiePluginManager | None = None,
    strict: bool = False,
) -> StakeholderGraph:
    """Let every plugin that implements ``democratie_enrich_graph`` add to *graph*, in place.

    An implementation that raises is reported and its changes undone; the next
    one still runs.

    Returns
    -------
    StakeholderGraph
        *graph* itself, enriched.

    Examples
    --------
    An implementation that raises is reported and its changes undone:

    >>> import warnings
    >>> import democratie.examples
    >>> from democratie.graph import build_graph as build_plain_graph
    >>> from democratie.plugins import hookimpl, make_plugin_manager
    >>> class HalfDone:
    ...     @hookimpl
    ...     def democratie_enrich_graph(self, graph):
    ...         graph.nx.add_node("half", kind="person", label="Half")
    ...         raise RuntimeError("stopped half way")
    >>> manager = make_plugin_manager(entry_points=False)
    >>> _ = manager.register(HalfDone(), name="half-done")
    >>> land = democratie.examples.load("leusden-samenleving-voorop")
    >>> graph = build_plain_graph(land)
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     enriched = enrich_graph(graph, land, plugin_manager=manager)
    >>> enriched is graph, "half" in graph.nx, caught[0].message.problem.code
    (True, False, 'hook-failed')
    """
    manager = _manager(plugin_manager)
    hook = "democratie_enrich_graph"
    problems: list[PluginProblem] = []
    for outcome in manager.call_each(hook, graph=graph, landscape=landscape):
        if outcome.error is not None:  # its changes are undone already (UNDO_ON_FAILURE)
            problems.append(
                manager.problem(outcome.plugin, "hook-failed", _describe(outcome.error), hook=hook)
            )
        elif outcome.value is not None:
            problems.append(
                manager.problem(
                    outcome.plugin,
                    "wrong-type",
                    f"it returned {type(outcome.value).__name__}; expected None",
                    hook=hook,
                )
            )
    manager.report(problems, strict=strict)
    return graph


def build_graph(
    landscape: Landscape,
    *,
    plugin_manager: DemocratiePluginManager | None = None,
    strict: bool = False,
) -> StakeholderGraph:
    """Build the stakeholder graph of *landscape* and let the plugins enrich it.

    :func:`democratie.graph.build_graph` followed by :func:`enrich_graph`.

    Examples
    --------
    The plugins' enrichments are in the graph (here one plugin, on a manager of its own):

    >>> import democratie.examples
    >>> from democratie.plugins import hookimpl, make_plugin_manager
    >>> class Interest:
    ...     @hookimpl
    ...     def democratie_enrich_graph(self, graph):
    ...         graph.nx.nodes["leusden"]["interest"] = 0.8
    >>> manager = make_plugin_manager(entry_points=False)
    >>> _ = manager.register(Interest(), name="interest")
    >>> land = democratie.examples.load("leusden-samenleving-voorop")
    >>> build_graph(land, plugin_manager=manager).nx.nodes["leusden"]["interest"]
    0.8
    >>> "interest" in build_graph(land).nx.nodes["leusden"]
    False
    """
    return enrich_graph(
        _graph.build_graph(landscape), landscape, plugin_manager=plugin_manager, strict=strict
    )


def score(
    landscape: Landscape,
    rules: Sequence[ScoringRule] | None = None,
    *,
    as_of: dt.date | None = None,
    only: Collection[str] | None = None,
    graph: StakeholderGraph | None = None,
    seed: int = 0,
    plugin_manager: DemocratiePluginManager | None = None,
    strict: bool = False,
    time_budget: float | None = None,
    workers: int | None = None,
) -> Scorecards:
    """Score every initiative, municipality and network of *landscape* with every rule.

    Runs each rule on each subject of the kind it applies to. The stakeholder
    graph is built once, when the first rule needs it, enriched by the plugins,
    and shared by all rules.

    Parameters
    ----------
    landscape
        The landscape to score.
    rules
        The rules to run; by default every registered rule (the twenty-five built-in
        ones and those of plugins), in plugin order.
    as_of
        The day to judge deadlines against: milestones due before it and not
        reached count as late, as :func:`democratie.monitor.status` of that day
        calls them overdue. By default only recorded dates are judged, so the
        scores do not change with the day they are computed (the command line
        passes today, and says so).
    only
        Ids of the subjects to score; all by default.
    graph
        The landscape's stakeholder graph, if you have built it already.
    seed
        Seed for the analyses that sample; the same seed gives the same scores.
    plugin_manager
        The manager whose rules and graph enrichments to use; the shared one
        by default.
    strict
        Raise a :class:`~democratie.plugins.PluginError` when a plugin fails
        (while gathering rules, enriching the graph or scoring), instead of
        warning and leaving its contribution out.
    time_budget
        The most seconds one rule may take on one subject; a rule that takes
        longer is reported by name, as a rule that fails is, and its score is
        left out. The rule is not interrupted. None (the default) sets no
        limit; see :func:`democratie.scoring.run`.
    workers
        How many processes score at once. By default (None) every CPU this
        process may use, where processes can be forked (Linux) and the
        landscape has at least :data:`~democratie.scoring.AUTO_MIN_SUBJECTS`
        subjects, and one otherwise (see
        :func:`~democratie.scoring.default_workers`); 1 scores in this process.
        The scorecards are the same, byte for byte, however many there are; see
        :func:`democratie.scoring.run`.

    Returns
    -------
    Scorecards
        A mapping from subject id to :class:`~democratie.scoring.Scorecard`;
        its ``failures`` list the rules that failed on a subject.

    Raises
    ------
    PluginError
        With ``strict=True``, when any plugin failed.
    ValueError
        When *rules* holds something that is not a scoring rule, two rules
        with the same name, *time_budget* is not a positive number, or
        *workers* is neither None nor a whole number of at least 1.

    Examples
    --------
    >>> import democratie.examples
    >>> cards = score(democratie.examples.load("leusden-samenleving-voorop"))
    >>> list(cards)[:2]
    ['leusden', 'samenleving-voorop']
    >>> cards["samenleving-voorop"]["cross_sector_coverage"].value
    0.25
    """
    manager = _manager(plugin_manager)
    providers: dict[int, str] = {}
    if rules is None:
        gathered = _rules_with_plugins(manager, strict)
        providers = {id(rule): plugin for plugin, rule in gathered}
        chosen: Sequence[ScoringRule] = [rule for _, rule in gathered]
    else:
        chosen = rules
        if strict:
            manager.report([], strict=True)
    return _score(
        manager,
        landscape,
        chosen,
        providers,
        as_of=as_of,
        only=only,
        graph=graph,
        seed=seed,
        strict=strict,
        time_budget=time_budget,
        workers=workers,
    )


def _score(
    manager: DemocratiePluginManager,
    landscape: Landscape,
    chosen: Sequence[ScoringRule],
    providers: Mapping[int, str],
    *,
    as_of: dt.date | None,
    only: Collection[str] | None,
    graph: StakeholderGraph | None,
    seed: int,
    strict: bool,
    time_budget: float | None,
    workers: int | None,
) -> Scorecards:
    def builder(land: Landscape) -> StakeholderGraph:
        return build_graph(land, plugin_manager=manager, strict=strict)

    cards = run(
        landscape,
        chosen,
        graph=graph,
        graph_builder=builder,
        as_of=as_of,
        only=only,
        seed=seed,
        time_budget=time_budget,
        workers=workers,
    )
    if cards.failures:
        problems = [
            manager.problem(
                providers.get(id(rule), type(rule).__module__),
                code,
                message,
                hook="democratie_scoring_rules",
            )
            for rule in chosen
            for code, message in _rule_problems(rule.name, cards.failures)
        ]
        manager.report(problems, strict=strict)
    return cards


def _rule_problems(rule: str, failures: Sequence[RuleFailure]) -> list[tuple[str, str]]:
    """What went wrong with one rule, as (problem code, message): time-outs apart from failures.

    A rule stopped at its time limit was not skipped and did not fail as code fails: it
    is said as what happened, with the code ``over-budget``; the rest as ``rule-failed``.
    """
    over = [f for f in failures if f.rule == rule and f.code == "over-budget"]
    failed = [f for f in failures if f.rule == rule and f.code != "over-budget"]
    found = []
    if over:
        reasons = {f.message for f in over}
        subjects = _subjects(over)
        if len(reasons) == 1:
            # "it was stopped after 10 s, its time limit": the rule was stopped after ...
            what = over[0].message.removeprefix("it ")
            found.append(("over-budget", f"rule {rule!r} {what}, on {subjects}"))
        else:
            found.append(
                (
                    "over-budget",
                    (
                        f"rule {rule!r} went over its time limit on {subjects}: "
                        f"{over[0].message} (on {over[0].subject!r})"
                    ),
                )
            )
    if failed:
        found.append(
            ("rule-failed", f"rule {rule!r} failed on {_subjects(failed)}: {failed[0].message}")
        )
    return found


def _subjects(failures: Sequence[RuleFailure]) -> str:
    ids = [f.subject for f in failures]
    shown = ", ".join(ids[:5]) + (", ..." if len(ids) > 5 else "")
    return f"{len(ids)} subject{'s' if len(ids) != 1 else ''} ({shown})"


def analyse(
    landscape: Landscape,
    rules: Sequence[ScoringRule] | None = None,
    *,
    graph: StakeholderGraph | None = None,
    as_of: dt.date | None = None,
    seed: int = 0,
    workers: int | None = None,
    time_budget: float | None = None,
    plugin_manager: DemocratiePluginManager | None = None,
    strict: bool = False,
) -> Analysis:
    """Analyse *landscape* once, for everything that shows it: report, exports, command line.

    The rules are gathered from the registered plugins now; the graph (built
    and enriched by the plugins), the scorecards, the champions, brokers,
    cohesion, krachtenveld and coverage are computed when first asked for, and
    kept. The HTML report, ``scores.csv`` and ``democratie graph`` read the
    same :class:`~democratie.analysis.Analysis`, so they agree.

    Parameters
    ----------
    landscape
        The landscape to analyse.
    rules
        The rules to score with; by default every registered rule.
    graph
        Its stakeholder graph when you have it; by default built on first use
        with the plugins' enrichments (:func:`build_graph`).
    as_of
        The day deadlines are judged against (see :func:`score`); the report
        of the analysis names it in its header.
    seed
        The seed of the analyses that sample.
    workers
        How many processes score at once; by default (None) every CPU this
        process may use where that is safe (see
        :func:`~democratie.scoring.default_workers`). The scorecards are the
        same with any number.
    time_budget
        The most seconds one rule may take on one subject: a rule still running
        then is stopped and reported (see :func:`democratie.scoring.run`).
        None (the default) sets no limit.
    plugin_manager
        The manager to ask; the shared one by default.
    strict
        Raise a :class:`~democratie.plugins.PluginError` when a plugin fails
        (a rule failing on a subject included) instead of warning.

    Returns
    -------
    Analysis
        Nothing is computed yet but the list of rules.

    Examples
    --------
    >>> import democratie.examples
    >>> land = democratie.examples.load("delft-zeven-van-delft")
    >>> analysis = democratie.analyse(land)
    >>> card = analysis.scorecards["de-zeven-van-delft"]
    >>> card["domain_coverage"].value == democratie.score(land)["de-zeven-van-delft"][
    ...     "domain_coverage"].value
    True
    >>> analysis.rule_plugins["domain_coverage"]
    'democratie.plugins.builtin_rules'
    """
    manager = _manager(plugin_manager)
    providers: dict[int, str] = {}
    if rules is None:
        gathered = _rules_with_plugins(manager, strict)
        providers = {id(rule): plugin for plugin, rule in gathered}
        chosen: Sequence[ScoringRule] = [rule for _, rule in gathered]
    else:
        chosen = list(rules)
        if strict:
            manager.report([], strict=True)

    def scorer(built: StakeholderGraph) -> Scorecards:
        return _score(
            manager,
            landscape,
            chosen,
            providers,
            as_of=as_of,
            only=None,
            graph=built,
            seed=seed,
            strict=strict,
            time_budget=time_budget,
            workers=workers,
        )

    def builder() -> StakeholderGraph:
        return build_graph(landscape, plugin_manager=manager, strict=strict)

    return Analysis(
        landscape,
        chosen,
        graph=graph if graph is not None else builder,
        scorer=scorer,
        rule_plugins={rule.name: providers.get(id(rule), type(rule).__module__) for rule in chosen},
        as_of=as_of,
        seed=seed,
        strict=strict,
        time_budget=time_budget,
        workers=workers,
    )

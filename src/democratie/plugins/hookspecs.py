"""The hook specifications of ``democratie``: the contract between the library and its plugins.

A plugin is a module, class or object with functions named after these hooks
and marked with :data:`democratie.plugins.hookimpl`. It may implement any
subset of them, and may leave out arguments it does not need (pluggy passes
arguments by name). Installed packages offer plugins through the entry-point
group ``democratie``; a program can also register a plugin object at run time
with ``democratie.plugins.get_plugin_manager().register(plugin)``.

How ``democratie`` calls hooks (this differs from plain pluggy on purpose, and is
declared here, with the hooks):

- A hook is called through pluggy's own machinery, ``manager.hook.<name>(...)``,
  so pluggy's tracing (``enable_tracing``) and monitoring
  (``add_hookcall_monitoring``) see every call; set the environment variable
  ``DEMOCRATIE_TRACE_PLUGINS=1`` to print each call, its implementations and
  their results to standard error.
- Every implementation is called on its own, so one that raises (any exception,
  ``SystemExit`` included; only ``KeyboardInterrupt`` goes through) is reported
  by its plugin's name and skipped, and the others still run. With
  ``strict=True`` the failure is raised as a
  :class:`~democratie.plugins.PluginError` instead. A hook call therefore
  returns one :class:`HookOutcome` per implementation, in call order, not
  pluggy's plain list of results.
- An implementation of ``democratie_enrich_graph`` that raises has its changes
  to the graph undone (:data:`UNDO_ON_FAILURE`).
- Results are checked: an implementation that returns the wrong type is
  reported and its result left out.
- Implementations run in the order the plugins were registered: the built-in
  plugins first, then installed entry points sorted by name, then plugins
  registered at run time. ``tryfirst=True`` and ``trylast=True`` move an
  implementation to the front or the back.
- No hook here is ``firstresult``: the results of all plugins are collected.
- Hook wrappers (``wrapper=True``, ``hookwrapper=True``) are refused.

Examples
--------
A plugin that adds one scoring rule, registered at run time:

>>> from democratie.plugins import get_plugin_manager, hookimpl
>>> from democratie.scoring.rules import DomainCoverage
>>> class MyPlugin:
...     @hookimpl
...     def democratie_scoring_rules(self):
...         return [DomainCoverage(name="mine.domain_coverage")]
>>> manager = get_plugin_manager()
>>> manager.register(MyPlugin(), name="mine")
'mine'
>>> from democratie.plugins import scoring_rules
>>> "mine.domain_coverage" in [rule.name for rule in scoring_rules()]
True
>>> outcomes = manager.hook.democratie_scoring_rules()
>>> [outcome.plugin for outcome in outcomes]
['democratie.plugins.builtin_rules', 'mine']
>>> outcomes[-1].error is None
True
>>> manager.unregister(name="mine") is not None
True

The hooks whose implementations change what they are given are undone when one fails:

>>> sorted(UNDO_ON_FAILURE)
['democratie_enrich_graph']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Final

from attrs import frozen

from democratie.plugins._markers import hookspec

if TYPE_CHECKING:
    from democratie.formats import Exporter, Importer
    from democratie.graph import StakeholderGraph
    from democratie.model import Landscape
    from democratie.plugins.findings import Finding
    from democratie.scoring import ScoringRule

__all__ = [
    "UNDO_ON_FAILURE",
    "HookOutcome",
    "democratie_enrich_graph",
    "democratie_exporters",
    "democratie_importers",
    "democratie_scoring_rules",
    "democratie_validate",
]


@frozen(kw_only=True)
class HookOutcome:
    """What one implementation of a hook gave: its result, or the exception it raised.

    A call of a ``democratie`` hook returns one outcome per implementation, in
    the order they were called.

    Parameters
    ----------
    plugin
        The name of the plugin the implementation belongs to.
    value
        What it returned (None when it raised).
    error
        The exception it raised, or None.

    Examples
    --------
    >>> from democratie.plugins import get_plugin_manager
    >>> outcome = get_plugin_manager().hook.democratie_scoring_rules()[0]
    >>> outcome.plugin, outcome.error, outcome.failed
    ('democratie.plugins.builtin_rules', None, False)
    >>> HookOutcome(plugin="mine", error=SystemExit(2)).failed
    True
    """

    plugin: str
    value: Any = None
    error: BaseException | None = None

    @property
    def failed(self) -> bool:
        """Whether the implementation raised."""
        return self.error is not None


def _graph_snapshot(kwargs: Mapping[str, Any]) -> Callable[[], None]:
    """Copy the graph a hook is given; the function returned puts it back as it was."""
    graph = kwargs["graph"]
    snapshot = graph.nx.copy()

    def undo() -> None:
        target = graph.nx
        target.clear()
        target.graph.update(snapshot.graph)
        target.add_nodes_from(snapshot.nodes(data=True))
        target.add_edges_from(snapshot.edges(keys=True, data=True))

    return undo


#: For the hooks whose implementations change what they are given: a function that takes
#: the hook's arguments before an implementation runs and returns what undoes its changes
#: should it raise.
UNDO_ON_FAILURE: Final[Mapping[str, Callable[[Mapping[str, Any]], Callable[[], None]]]] = {
    "democratie_enrich_graph": _graph_snapshot,
}


# -------------------------------------------------------------------------
# Formats: reading and writing landscapes
# -------------------------------------------------------------------------


@hookspec
def democratie_exporters() -> Iterable[Exporter] | None:
    """Offer exporters: formats that ``democratie.export()`` and the CLI can write.

    Takes no arguments.

    Returns
    -------
    iterable of Exporter or None
        The exporters this plugin provides (a list, a tuple or a generator),
        each an object with the attributes and the ``export()`` method of
        :class:`~democratie.plugins.Exporter`. ``None`` means none.

    Notes
    -----
    Called whenever the exporters are gathered (``democratie.plugins.exporters()``),
    which happens each time a program asks for them: return the same exporters
    every time, and keep this hook cheap (no I/O).

    Not ``firstresult``: the exporters of all plugins are gathered. An item
    that is not an exporter is reported and left out. When two exporters have
    the same ``name``, the first one gathered is kept (the built-in ones come
    first) and the other is reported; give yours a distinct name.

    Examples
    --------
    A plugin with one exporter, on a plugin manager of its own:

    >>> import io
    >>> import democratie.examples
    >>> from democratie.plugins import exporters, hookimpl, make_plugin_manager
    >>> class Titles:
    ...     name = "titles"
    ...     title = "The titles of the initiatives, one per line"
    ...     suffixes = (".txt",)
    ...     binary = False
    ...     needs_graph = False
    ...     def export(self, landscape, graph, destination, options):
    ...         for initiative in landscape.initiatives:
    ...             print(initiative.title, file=destination)
    >>> class TitlesPlugin:
    ...     @hookimpl
    ...     def democratie_exporters(self):
    ...         return [Titles()]
    >>> manager = make_plugin_manager(entry_points=False)
    >>> _ = manager.register(TitlesPlugin(), name="titles")
    >>> titles = exporters(plugin_manager=manager)[-1]
    >>> out = io.StringIO()
    >>> titles.export(democratie.examples.load("m50-leerkring-waalwijk"), None, out, {})
    >>> print(out.getvalue(), end="")
    Leerkring democratische vernieuwing M50
    Thorbecke-experimenten
    """


@hookspec
def democratie_importers() -> Iterable[Importer] | None:
    """Offer importers: formats that ``democratie.load()`` and the CLI can read.

    Takes no arguments.

    Returns
    -------
    iterable of Importer or None
        The importers this plugin provides, each an object with the attributes
        and the ``detect()`` and ``load()`` methods of
        :class:`~democratie.plugins.Importer`. ``None`` means none.

    Notes
    -----
    Called whenever the importers are gathered (``democratie.plugins.importers()``).
    To read a file of unknown format, every importer is asked whether it
    recognises the file's first bytes (``detect()``); the one that says yes
    reads it, and when several do, the file must be read with ``format=``. The
    landscape document itself is read by importers too: the built-in ``json``
    and ``toml`` importers recognise it, and read any file no importer
    recognises, so let ``detect()`` say yes to your format only.

    Not ``firstresult``: the importers of all plugins are gathered. An item
    that is not an importer is reported and left out; of two importers with
    the same ``name`` the first gathered is kept and the other reported.

    Examples
    --------
    A plugin with one importer, on a plugin manager of its own; :func:`democratie.load`
    asks it whether it recognises the first bytes of a file:

    >>> import json
    >>> import tempfile
    >>> from pathlib import Path
    >>> from democratie.model import Initiative, Landscape
    >>> from democratie.plugins import hookimpl, load, make_plugin_manager
    >>> class Agenda:
    ...     name = "agenda"
    ...     title = "An agenda: a JSON object with the titles of its meetings"
    ...     suffixes = (".json",)
    ...     binary = True
    ...     def detect(self, head):
    ...         return head.lstrip().startswith(b'{"agenda":')
    ...     def load(self, source, options):
    ...         titles = json.load(source)["agenda"]
    ...         return Landscape(initiatives=tuple(
    ...             Initiative(id=f"punt-{n}", title=title, kind="bijeenkomst")
    ...             for n, title in enumerate(titles, 1)))
    >>> class AgendaPlugin:
    ...     @hookimpl
    ...     def democratie_importers(self):
    ...         return [Agenda()]
    >>> manager = make_plugin_manager(entry_points=False)
    >>> _ = manager.register(AgendaPlugin(), name="agenda")
    >>> folder = tempfile.TemporaryDirectory()
    >>> path = Path(folder.name) / "agenda.json"
    >>> _ = path.write_text(json.dumps({"agenda": ["Kick-off", "Slotbijeenkomst"]}))
    >>> land = load(path, plugin_manager=manager)
    >>> [(initiative.id, initiative.title) for initiative in land.initiatives]
    [('punt-1', 'Kick-off'), ('punt-2', 'Slotbijeenkomst')]
    >>> folder.cleanup()
    """


# -------------------------------------------------------------------------
# Checking a landscape
# -------------------------------------------------------------------------


@hookspec
def democratie_validate(landscape: Landscape) -> Iterable[Finding] | None:
    """Check a landscape beyond the model's own rules, and report findings.

    Parameters
    ----------
    landscape : Landscape
        A landscape that is valid by the model's rules (unique ids, references
        that resolve, dates in order). Do not change it (it is immutable).

    Returns
    -------
    iterable of Finding or None
        What this plugin found, as :class:`~democratie.plugins.Finding`
        objects (severity, path, message, code); empty or ``None`` when all
        is well. The plugin manager fills in each finding's ``plugin``.

    Notes
    -----
    Called once per landscape by ``democratie.plugins.validate(landscape)``,
    which the ``democratie validate`` command uses after loading a file.

    Not ``firstresult``: the findings of all plugins are gathered, in plugin
    order. An item that is not a finding is reported and left out.

    Examples
    --------
    A plugin that warns about initiatives without a start date:

    >>> import democratie.examples
    >>> from democratie.plugins import Finding, hookimpl, make_plugin_manager, validate
    >>> class Starts:
    ...     @hookimpl
    ...     def democratie_validate(self, landscape):
    ...         for index, initiative in enumerate(landscape.initiatives):
    ...             if initiative.period.start is None:
    ...                 yield Finding(
    ...                     severity="warning",
    ...                     path=f"initiatives[{index}].period.start",
    ...                     message="the initiative has no start date; timelines cannot be judged",
    ...                     code="no-start",
    ...                 )
    >>> manager = make_plugin_manager(entry_points=False)
    >>> _ = manager.register(Starts(), name="starts")
    >>> land = democratie.examples.load("m50-leerkring-waalwijk")
    >>> [finding.path for finding in validate(land, plugin_manager=manager)]
    ['initiatives[1].period.start']
    """


# -------------------------------------------------------------------------
# The stakeholder graph
# -------------------------------------------------------------------------


@hookspec
def democratie_enrich_graph(graph: StakeholderGraph, landscape: Landscape) -> None:
    """Add nodes, edges or attributes to a freshly built stakeholder graph.

    Parameters
    ----------
    graph : StakeholderGraph
        The graph just built from *landscape*, with the enrichments of the
        plugins called before this one. Change it in place (through
        ``graph.nx``, the networkx ``MultiDiGraph``). Keep node keys as
        landscape ids or ids of your own that cannot clash with them (prefix
        them with your plugin's name), give every new node a ``kind`` and a
        ``label`` and every new edge a ``relation``.
    landscape : Landscape
        The landscape the graph was built from.

    Returns
    -------
    None
        Anything else is reported as a wrong type (the changes made stay).

    Notes
    -----
    Called once for every graph built through ``democratie.plugins.build_graph()``,
    which ``democratie.score()`` and the exporters that need a graph use, right
    after the built-in build and before any analysis. Not called by
    :func:`democratie.graph.build_graph` itself, which knows nothing of plugins.

    Not ``firstresult``: every plugin's implementation is called, in plugin
    order. When one raises, the graph is put back as it was before that
    implementation ran, the failure is reported, and the next one is called.

    Examples
    --------
    A plugin that gives every person an interest of 0.5 unless the landscape says otherwise:

    >>> import democratie.examples
    >>> from democratie.plugins import build_graph, hookimpl, make_plugin_manager
    >>> class Interest:
    ...     @hookimpl
    ...     def democratie_enrich_graph(self, graph):
    ...         for node, data in graph.nx.nodes(data=True):
    ...             if data["kind"] == "person":
    ...                 data.setdefault("interest", 0.5)
    >>> manager = make_plugin_manager(entry_points=False)
    >>> _ = manager.register(Interest(), name="interest")
    >>> land = democratie.examples.load("delft-zeven-van-delft")
    >>> graph = build_graph(land, plugin_manager=manager)
    >>> graph.nx.nodes["p-rob-van-den-berg"]["interest"]
    0.5
    """


# -------------------------------------------------------------------------
# Scoring
# -------------------------------------------------------------------------


@hookspec
def democratie_scoring_rules() -> Iterable[ScoringRule] | None:
    """Offer scoring rules that ``democratie.score()`` runs.

    Takes no arguments.

    Returns
    -------
    iterable of ScoringRule or None
        The rules this plugin provides, each an object with the attributes and
        the ``score(subject, context)`` method of
        :class:`~democratie.scoring.ScoringRule`: a subclass of
        :class:`~democratie.scoring.BaseRule` that implements ``evaluate``.
        ``None`` means none.

    Notes
    -----
    Called each time the rules are gathered: by ``democratie.score(landscape)``
    when no rules are passed, and by ``democratie.plugins.scoring_rules()``.
    Return the same rules every time, and keep this hook cheap.

    Not ``firstresult``: the rules of all plugins are gathered, the built-in
    ones (from the ``democratie.plugins.builtin_rules`` plugin) first. An item
    that is not a well-formed rule is reported and left out; of two rules with
    the same ``name`` the first gathered is kept and the other reported. Start
    your rule names with your plugin's name (``"oecd.assembly_quality"``).

    A rule that raises while scoring, or returns something other than a valid
    score, is reported by rule and plugin name; its score is left out of that
    scorecard and the other rules still run.

    Examples
    --------
    A plugin that offers the built-in domain coverage again, under a name of its own:

    >>> from democratie.plugins import hookimpl, make_plugin_manager, scoring_rules
    >>> from democratie.scoring.rules import DomainCoverage
    >>> class Mine:
    ...     @hookimpl
    ...     def democratie_scoring_rules(self):
    ...         return [DomainCoverage(name="mine.domain_coverage")]
    >>> manager = make_plugin_manager(entry_points=False)
    >>> _ = manager.register(Mine(), name="mine")
    >>> [rule.name for rule in scoring_rules(plugin_manager=manager)][-2:]
    ['lesson_uptake', 'mine.domain_coverage']
    """

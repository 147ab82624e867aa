"""The plugin manager: loads the built-in plugins and installed entry points, and calls hooks.

:func:`get_plugin_manager` returns the process-wide manager, made on first use:
it registers the built-in plugins (:data:`DEFAULT_PLUGINS`), then every entry
point of the group ``democratie``, each loaded on its own so that one broken
plugin cannot stop the others (pluggy's own loader lets it). What went wrong is
kept in :attr:`DemocratiePluginManager.load_problems` and reported as a
:class:`~democratie.plugins.PluginWarning`.

Set the environment variable ``DEMOCRATIE_DISABLE_ENTRYPOINTS=1`` to load no
entry points (test suites do), or ``DEMOCRATIE_BLOCK_PLUGINS=name,other`` to
skip some by name.

Examples
--------
>>> from democratie.plugins import get_plugin_manager, list_plugins
>>> manager = get_plugin_manager()
>>> manager is get_plugin_manager()
True
>>> info = [p for p in list_plugins() if p.name == "democratie.plugins.builtin_rules"][0]
>>> info.origin, info.hooks
('builtin', ('democratie_scoring_rules',))
>>> DEFAULT_PLUGINS[0], DISABLE_VARIABLE, BLOCK_VARIABLE, TRACE_VARIABLE
('democratie.plugins.builtin_rules', 'DEMOCRATIE_DISABLE_ENTRYPOINTS', \
'DEMOCRATIE_BLOCK_PLUGINS', 'DEMOCRATIE_TRACE_PLUGINS')
>>> origin: Origin = "runtime"
"""

from __future__ import annotations

import importlib
import importlib.metadata
import logging
import os
import sys
import threading
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Final, Literal, TypeAlias, TypeVar

import pluggy
from attrs import frozen

from democratie.plugins import hookspecs
from democratie.plugins._markers import ENTRY_POINT_GROUP, PROJECT_NAME
from democratie.plugins.hookspecs import HookOutcome
from democratie.plugins.problems import PluginError, PluginProblem, PluginWarning

__all__ = [
    "BLOCK_VARIABLE",
    "DEFAULT_PLUGINS",
    "DISABLE_VARIABLE",
    "TRACE_VARIABLE",
    "DemocratiePluginManager",
    "Origin",
    "PluginInfo",
    "get_plugin_manager",
    "list_plugins",
    "make_plugin_manager",
]

logger = logging.getLogger("democratie.plugins")
# A library leaves handling its log records to the application: without this, Python's
# last-resort handler prints each record a second time beside the PluginWarning.
logger.addHandler(logging.NullHandler())

#: The modules of the built-in plugins, registered first and under their module names.
DEFAULT_PLUGINS: Final[tuple[str, ...]] = (
    "democratie.plugins.builtin_rules",
    "democratie.plugins.builtin_importers",
    "democratie.plugins.builtin_exporters",
)
#: Environment variable that switches off entry-point loading when set to 1, true or yes.
DISABLE_VARIABLE: Final = "DEMOCRATIE_DISABLE_ENTRYPOINTS"
#: Environment variable with comma-separated plugin names not to load.
BLOCK_VARIABLE: Final = "DEMOCRATIE_BLOCK_PLUGINS"
#: Environment variable that, set to 1, prints every hook call to standard error.
TRACE_VARIABLE: Final = "DEMOCRATIE_TRACE_PLUGINS"

#: Where a plugin came from.
Origin: TypeAlias = Literal["builtin", "entry_point", "runtime"]

_T = TypeVar("_T")
_HOOK_NAMES: Final[frozenset[str]] = frozenset(
    name for name in dir(hookspecs) if name.startswith("democratie_")
)


@frozen(kw_only=True)
class PluginInfo:
    """What :func:`list_plugins` tells about one registered plugin.

    Parameters
    ----------
    name
        The name it is registered under.
    origin
        ``"builtin"``, ``"entry_point"`` or ``"runtime"`` (registered by a program).
    hooks
        The hooks it implements, sorted.
    version
        The version of its distribution (for built-in plugins, of ``democratie``).
    distribution
        The name of the installed distribution it came from.
    entry_point
        The entry point as ``name = module:attribute``, for plugins from one.
    rules
        The names of the scoring rules it adds, in the order it offers them.
    exporters
        The names of the export formats it adds.
    importers
        The names of the importers (the formats it reads) it adds.

    Notes
    -----
    What a plugin adds is what its hooks offer and the library takes: an item that is
    refused (not a well-formed rule, a name another plugin took first) is not counted,
    and is reported as :func:`~democratie.plugins.scoring_rules` reports it.

    Examples
    --------
    >>> info = list_plugins(make_plugin_manager(entry_points=False))[0]
    >>> info.name, info.origin, info.as_dict()["distribution"]
    ('democratie.plugins.builtin_rules', 'builtin', 'democratie')
    >>> len(info.rules), info.rules[0], info.exporters, info.importers
    (25, 'commitment_triad', (), ())
    """

    name: str
    origin: Origin
    hooks: tuple[str, ...] = ()
    version: str | None = None
    distribution: str | None = None
    entry_point: str | None = None
    rules: tuple[str, ...] = ()
    exporters: tuple[str, ...] = ()
    importers: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """Return the record as plain data (for JSON)."""
        return {
            "name": self.name,
            "origin": self.origin,
            "version": self.version,
            "distribution": self.distribution,
            "entry_point": self.entry_point,
            "hooks": list(self.hooks),
            "rules": list(self.rules),
            "exporters": list(self.exporters),
            "importers": list(self.importers),
        }


@frozen(kw_only=True)
class _Record:
    origin: Origin
    order: int
    version: str | None = None
    distribution: str | None = None
    entry_point: str | None = None


def _own_version() -> str | None:
    try:
        return importlib.metadata.version("democratie")
    except importlib.metadata.PackageNotFoundError:
        return None


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in {"1", "true", "yes", "on"}


def _blocked_names() -> set[str]:
    return {part.strip() for part in os.environ.get(BLOCK_VARIABLE, "").split(",") if part.strip()}


def _describe(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    first = text[0] if text else ""
    return f"{type(error).__name__}: {first}" if first else type(error).__name__


class DemocratiePluginManager(pluggy.PluginManager):
    """A pluggy plugin manager that isolates faults and knows where each plugin came from.

    Use :func:`get_plugin_manager` for the shared one, or
    :func:`make_plugin_manager` for a fresh one. Plugins registered with
    :meth:`register` are checked at once: a plugin that implements an unknown
    hook or wraps a hook is refused with a :class:`~democratie.plugins.PluginError`.

    Attributes
    ----------
    load_problems
        What went wrong while loading entry points.

    Examples
    --------
    >>> from democratie.plugins import hookimpl
    >>> manager = make_plugin_manager(entry_points=False)
    >>> class Mine:
    ...     @hookimpl
    ...     def democratie_scoring_rules(self):
    ...         raise RuntimeError("no rules today")
    >>> manager.register(Mine(), name="mine")
    'mine'
    >>> [(o.plugin, o.failed) for o in manager.hook.democratie_scoring_rules()]
    [('democratie.plugins.builtin_rules', False), ('mine', True)]
    """

    def __init__(self) -> None:
        super().__init__(PROJECT_NAME)
        self.add_hookspecs(hookspecs)
        self._records: dict[str, _Record] = {}
        self._counter = 0
        self.load_problems: list[PluginProblem] = []
        # Hooks are called through pluggy's own execution (what its tracing and monitoring
        # wrap); only the innermost call, pluggy's LIFO multicall, is replaced.
        self._inner_hookexec = self._call_isolated
        if _flag(TRACE_VARIABLE):
            self.add_hookcall_monitoring(_trace_before, _trace_after)

    # -- registering ----------------------------------------------------------------------

    def register(self, plugin: object, name: str | None = None) -> str | None:
        """Register a plugin object at run time and return its name.

        Parameters
        ----------
        plugin
            A module, class or object with hook implementations.
        name
            The name to register it under; by default pluggy's canonical name
            (a module's ``__name__``).

        Returns
        -------
        str or None
            The name, or None when that name is blocked.

        Raises
        ------
        PluginError
            When the plugin implements an unknown hook, wraps a hook, or does
            not fit a hook specification; nothing is registered then.
        ValueError
            When the plugin or the name is already registered (pluggy's rule).
        """
        return self._register(plugin, name, _Record(origin="runtime", order=0))

    def unregister(self, plugin: object | None = None, name: str | None = None) -> Any | None:
        """Unregister a plugin, given the object or its name; return the plugin or None."""
        if name is None and plugin is not None:
            name = self.get_name(plugin)
        removed = super().unregister(plugin=plugin, name=name)
        if removed is not None and name is not None:
            self._records.pop(name, None)
        return removed

    def _register(self, plugin: object, name: str | None, record: _Record) -> str | None:
        try:
            registered = super().register(plugin, name=name)
        except pluggy.PluginValidationError as error:
            problem = PluginProblem(
                plugin=name or self.get_canonical_name(plugin),
                code="invalid-plugin",
                message=str(error).replace("\n", " "),
                entry_point=record.entry_point,
                distribution=record.distribution,
            )
            raise PluginError([problem]) from error
        if registered is None:
            return None
        self._counter += 1
        self._records[registered] = _Record(
            origin=record.origin,
            order=self._counter,
            version=record.version,
            distribution=record.distribution,
            entry_point=record.entry_point,
        )
        problems = self._check_hookimpls(plugin, registered)
        if problems:
            super().unregister(plugin=plugin, name=registered)
            del self._records[registered]
            raise PluginError(problems)
        return registered

    def _check_hookimpls(self, plugin: object, name: str) -> list[PluginProblem]:
        record = self._records[name]
        problems = []
        for caller in self.get_hookcallers(plugin) or []:
            for impl in caller.get_hookimpls():
                if impl.plugin is not plugin:
                    continue
                if caller.name not in _HOOK_NAMES and not impl.optionalhook:
                    problems.append(
                        PluginProblem(
                            plugin=name,
                            code="unknown-hook",
                            hook=caller.name,
                            message=f"there is no hook {caller.name!r}; the hooks are "
                            + ", ".join(sorted(_HOOK_NAMES)),
                            entry_point=record.entry_point,
                            distribution=record.distribution,
                        )
                    )
                elif impl.wrapper or impl.hookwrapper:
                    problems.append(
                        PluginProblem(
                            plugin=name,
                            code="wrapper-refused",
                            hook=caller.name,
                            message="democratie hooks cannot be wrapped; use tryfirst or trylast",
                            entry_point=record.entry_point,
                            distribution=record.distribution,
                        )
                    )
        return problems

    def load_builtins(self) -> None:
        """Register the built-in plugins of :data:`DEFAULT_PLUGINS` (once; again does nothing).

        A built-in plugin named in ``DEMOCRATIE_BLOCK_PLUGINS`` is left out, as an entry
        point would be.
        """
        version = _own_version()
        blocked = _blocked_names()
        for module_name in DEFAULT_PLUGINS:
            if (
                self.has_plugin(module_name)
                or self.is_blocked(module_name)
                or module_name in blocked
            ):
                continue
            module = importlib.import_module(module_name)
            self._register(
                module,
                module_name,
                _Record(origin="builtin", order=0, version=version, distribution="democratie"),
            )

    def load_entry_points(self, *, strict: bool = False) -> int:
        """Load and register the plugins installed under the entry-point group ``democratie``.

        Each entry point is loaded on its own: one that fails to import, does
        not fit the hook specifications or takes a name already in use is
        reported (a :class:`~democratie.plugins.PluginWarning`, and in
        :attr:`load_problems`) and skipped. Entry points are taken in order of
        name; the same entry point listed twice (as editable installs can) is
        loaded once.

        Parameters
        ----------
        strict
            Raise a :class:`~democratie.plugins.PluginError` with every problem
            after trying them all, instead of warning.

        Returns
        -------
        int
            How many plugins were registered.
        """
        found = importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)
        blocked = _blocked_names()
        seen: set[tuple[str, str]] = set()
        problems: list[PluginProblem] = []
        count = 0
        for entry_point in sorted(found, key=lambda ep: (ep.name, ep.value)):
            key = (entry_point.name, entry_point.value)
            if key in seen or entry_point.name in blocked or self.is_blocked(entry_point.name):
                continue
            seen.add(key)
            problem = self._load_entry_point(entry_point)
            if problem is None:
                count += 1
            else:
                problems.append(problem)
        self.load_problems.extend(problems)
        self._report(problems, strict=strict)
        self.check_pending()
        return count

    def _load_entry_point(self, entry_point: importlib.metadata.EntryPoint) -> PluginProblem | None:
        dist = getattr(entry_point, "dist", None)
        distribution = getattr(dist, "name", None) if dist is not None else None
        version = getattr(dist, "version", None) if dist is not None else None
        spec = f"{entry_point.name} = {entry_point.value}"
        shown_dist = f"{distribution} {version}" if distribution and version else distribution

        def problem(code: str, message: str) -> PluginProblem:
            return PluginProblem(
                plugin=entry_point.name,
                code=code,
                message=message,
                entry_point=spec,
                distribution=shown_dist,
            )

        if self.has_plugin(entry_point.name):
            other = self._records.get(entry_point.name)
            where = other.entry_point or other.origin if other is not None else "elsewhere"
            return problem(
                "duplicate-plugin",
                f"the name {entry_point.name!r} is already taken by {where}; this one is skipped",
            )
        try:
            plugin = entry_point.load()
        except BaseException as error:  # SystemExit at import too: the tool goes on
            if isinstance(error, KeyboardInterrupt):
                raise
            return problem("import-failed", _describe(error))
        if self.get_name(plugin) is not None:
            return problem(
                "duplicate-plugin",
                f"the same plugin object is already registered as {self.get_name(plugin)!r}",
            )
        record = _Record(
            origin="entry_point",
            order=0,
            version=version,
            distribution=distribution,
            entry_point=spec,
        )
        try:
            self._register(plugin, entry_point.name, record)
        except PluginError as error:
            return error.problems[0]
        except ValueError as error:
            return problem("duplicate-plugin", _describe(error))
        return None

    # -- reporting --------------------------------------------------------------------------

    def _report(self, problems: Iterable[PluginProblem], *, strict: bool) -> None:
        problems = list(problems)
        if not problems:
            return
        if strict:
            raise PluginError(problems)
        for problem in problems:
            logger.warning("%s", problem)
            warnings.warn(PluginWarning(problem), stacklevel=4)

    def report(self, problems: Iterable[PluginProblem], *, strict: bool = False) -> None:
        """Report problems found while calling hooks: warn, or with *strict* raise them all.

        Raises
        ------
        PluginError
            With *strict*, when there is any problem, or when loading had problems.
        """
        problems = list(problems)
        if strict and self.load_problems:
            problems = [*self.load_problems, *problems]
        self._report(problems, strict=strict)

    def describe(self, name: str) -> tuple[str | None, str | None]:
        """Return the entry point and distribution of a registered plugin (None where unknown)."""
        record = self._records.get(name)
        if record is None:
            return None, None
        shown = record.distribution
        if shown is not None and record.version is not None:
            shown = f"{shown} {record.version}"
        return record.entry_point, shown

    def problem(
        self, plugin: str, code: str, message: str, *, hook: str | None = None
    ) -> PluginProblem:
        """Make a :class:`~democratie.plugins.PluginProblem` about a registered plugin."""
        entry_point, distribution = self.describe(plugin)
        return PluginProblem(
            plugin=plugin,
            code=code,
            message=message,
            hook=hook,
            entry_point=entry_point,
            distribution=distribution,
        )

    # -- calling hooks ----------------------------------------------------------------------

    def _call_isolated(
        self,
        hook_name: str,
        hook_impls: Sequence[pluggy.HookImpl],
        caller_kwargs: Mapping[str, object],
        firstresult: bool,
    ) -> list[HookOutcome]:
        """Call every implementation on its own, in plugin order: pluggy's innermost call.

        Installed as pluggy's ``_inner_hookexec``, under whatever tracing or monitoring
        is added, so ``manager.hook.<name>(...)`` is the one way hooks are called. No
        ``democratie`` hook is ``firstresult``; the flag is ignored.
        """
        del firstresult
        undo_for = hookspecs.UNDO_ON_FAILURE.get(hook_name)
        outcomes = []
        for impl in self._ordered(hook_impls):
            arguments = {
                name: caller_kwargs[name] for name in impl.argnames if name in caller_kwargs
            }
            undo = undo_for(caller_kwargs) if undo_for is not None else None
            try:
                value = impl.function(**arguments)
            except BaseException as error:
                if isinstance(error, KeyboardInterrupt):
                    raise
                if undo is not None:
                    undo()
                outcomes.append(HookOutcome(plugin=impl.plugin_name, error=error))
                continue
            outcomes.append(HookOutcome(plugin=impl.plugin_name, value=value))
        return outcomes

    def _ordered(self, impls: Iterable[pluggy.HookImpl]) -> list[pluggy.HookImpl]:
        def key(impl: pluggy.HookImpl) -> tuple[int, int]:
            band = 0 if impl.tryfirst else 2 if impl.trylast else 1
            record = self._records.get(impl.plugin_name)
            return band, record.order if record is not None else 0

        return sorted(impls, key=key)

    def call_each(self, hook_name: str, /, **kwargs: Any) -> list[HookOutcome]:
        """Call a hook by name, as ``manager.hook.<hook_name>(**kwargs)`` does.

        Returns
        -------
        list of HookOutcome
            One per implementation, in plugin order: its result, or the
            exception it raised (the next one is still called).

        Raises
        ------
        ValueError
            When *hook_name* is not a democratie hook.

        Examples
        --------
        >>> from democratie.plugins import make_plugin_manager
        >>> manager = make_plugin_manager(entry_points=False)
        >>> [outcome.plugin for outcome in manager.call_each("democratie_importers")]
        ['democratie.plugins.builtin_importers']
        """
        if hook_name not in _HOOK_NAMES:
            message = f"there is no hook {hook_name!r}; the hooks are " + ", ".join(
                sorted(_HOOK_NAMES)
            )
            raise ValueError(message)
        caller: pluggy.HookCaller = getattr(self.hook, hook_name)
        outcomes: list[HookOutcome] = caller(**kwargs)
        return outcomes

    def gather(
        self,
        hook_name: str,
        check: Callable[[object], list[str]],
        /,
        *,
        name_of: Callable[[Any], str] | None = None,
        strict: bool = False,
        **kwargs: Any,
    ) -> list[tuple[str, Any]]:
        """Collect the items that every implementation of a hook returns, checked.

        Parameters
        ----------
        hook_name
            A hook that returns an iterable of items.
        check
            Returns what is wrong with an item (an empty list when nothing is).
        name_of
            Gives an item's name; when given, an item whose name was already
            gathered is reported as a duplicate and left out.
        strict
            Raise a :class:`~democratie.plugins.PluginError` with every problem
            instead of warning.
        **kwargs
            The hook's arguments.

        Returns
        -------
        list of (str, object)
            The plugin name and the item, in plugin order.
        """
        items: list[tuple[str, Any]] = []
        problems: list[PluginProblem] = []
        taken: dict[str, str] = {}
        for outcome in self.call_each(hook_name, **kwargs):
            plugin, result = outcome.plugin, outcome.value
            if outcome.error is not None:
                problems.append(
                    self.problem(plugin, "hook-failed", _describe(outcome.error), hook=hook_name)
                )
                continue
            if result is None:
                continue
            if isinstance(result, (str, bytes, dict)) or not isinstance(result, Iterable):
                problems.append(
                    self.problem(
                        plugin,
                        "wrong-type",
                        f"it returned {type(result).__name__}; expected a list",
                        hook=hook_name,
                    )
                )
                continue
            try:
                returned = list(result)
            except BaseException as error:
                if isinstance(error, KeyboardInterrupt):
                    raise
                problems.append(
                    self.problem(plugin, "hook-failed", _describe(error), hook=hook_name)
                )
                continue
            for position, item in enumerate(returned):
                wrong = check(item)
                if wrong:
                    problems.append(
                        self.problem(
                            plugin,
                            "wrong-type",
                            f"item {position} ({_short(item)}) is refused: " + "; ".join(wrong),
                            hook=hook_name,
                        )
                    )
                    continue
                if name_of is not None:
                    name = name_of(item)
                    if name in taken:
                        problems.append(
                            self.problem(
                                plugin,
                                "duplicate-name",
                                f"the name {name!r} is already used by plugin "
                                f"{taken[name]!r}; this one is left out",
                                hook=hook_name,
                            )
                        )
                        continue
                    taken[name] = plugin
                items.append((plugin, item))
        self.report(problems, strict=strict)
        return items

    # -- listing ----------------------------------------------------------------------------

    def offered(self, *, strict: bool = False) -> dict[str, dict[str, tuple[str, ...]]]:
        """What each plugin adds: ``{"rules" | "exporters" | "importers": {plugin: names}}``.

        The hooks are gathered as :func:`~democratie.plugins.scoring_rules`,
        :func:`~democratie.plugins.exporters` and :func:`~democratie.plugins.importers`
        gather them, so an item they leave out is left out here too, and reported.

        Examples
        --------
        >>> manager = make_plugin_manager(entry_points=False)
        >>> manager.offered()["importers"]
        {'democratie.plugins.builtin_importers': ('json', 'toml', 'ori', 'popolo')}
        """
        from democratie.formats import check_exporter_attributes, check_importer_attributes
        from democratie.scoring import check_rule

        hooks: tuple[tuple[str, str, Callable[[object], list[str]]], ...] = (
            ("rules", "democratie_scoring_rules", check_rule),
            ("exporters", "democratie_exporters", check_exporter_attributes),
            ("importers", "democratie_importers", check_importer_attributes),
        )
        offered: dict[str, dict[str, tuple[str, ...]]] = {}
        for kind, hook, check in hooks:
            names: dict[str, list[str]] = {}
            for plugin, item in self.gather(
                hook, check, name_of=lambda item: str(item.name), strict=strict
            ):
                names.setdefault(plugin, []).append(str(item.name))
            offered[kind] = {plugin: tuple(found) for plugin, found in names.items()}
        return offered

    def plugin_info(self, *, strict: bool = False) -> tuple[PluginInfo, ...]:
        """Describe every registered plugin, in registration order, with what it adds.

        With *strict*, a plugin whose hooks fail raises a
        :class:`~democratie.plugins.PluginError` instead of a warning.
        """
        offered = self.offered(strict=strict)
        infos = []
        for name, plugin in self.list_name_plugin():
            if plugin is None:
                continue
            record = self._records.get(name, _Record(origin="runtime", order=0))
            hooks = sorted(caller.name for caller in self.get_hookcallers(plugin) or [])
            infos.append(
                (
                    record.order,
                    PluginInfo(
                        name=name,
                        origin=record.origin,
                        hooks=tuple(hooks),
                        version=record.version,
                        distribution=record.distribution,
                        entry_point=record.entry_point,
                        rules=offered["rules"].get(name, ()),
                        exporters=offered["exporters"].get(name, ()),
                        importers=offered["importers"].get(name, ()),
                    ),
                )
            )
        return tuple(info for _, info in sorted(infos, key=lambda pair: pair[0]))


def _short(item: object) -> str:
    text = repr(item)
    return text if len(text) <= 60 else text[:57] + "..."


def _trace_before(
    hook_name: str, impls: Sequence[pluggy.HookImpl], kwargs: Mapping[str, object]
) -> None:
    arguments = ", ".join(f"{name}={_short(value)}" for name, value in kwargs.items())
    sys.stderr.write(f"democratie: hook {hook_name}({arguments})" + "\n")
    for impl in impls:
        sys.stderr.write(f"  implemented by {impl.plugin_name}" + "\n")


def _trace_after(
    outcome: pluggy.Result[object],
    hook_name: str,
    impls: Sequence[pluggy.HookImpl],
    kwargs: Mapping[str, object],
) -> None:
    del impls, kwargs
    if outcome.exception is not None:
        sys.stderr.write(f"  {hook_name} raised {_describe(outcome.exception)}" + "\n")
        return
    results = outcome.get_result()
    for each in results if isinstance(results, list) else [results]:
        if isinstance(each, HookOutcome):
            shown = f"raised {_describe(each.error)}" if each.error else _short(each.value)
            sys.stderr.write(f"  {each.plugin} -> {shown}" + "\n")


def make_plugin_manager(
    *, builtins: bool = True, entry_points: bool | None = None, strict: bool = False
) -> DemocratiePluginManager:
    """Make a new plugin manager, with the built-in plugins and the installed entry points.

    Parameters
    ----------
    builtins
        Register the built-in plugins (:data:`DEFAULT_PLUGINS`).
    entry_points
        Load installed entry points; by default unless the environment
        variable ``DEMOCRATIE_DISABLE_ENTRYPOINTS`` is set to 1.
    strict
        Raise a :class:`~democratie.plugins.PluginError` when an entry point
        cannot be loaded, instead of warning and going on.

    Returns
    -------
    DemocratiePluginManager
        A manager of its own; :func:`get_plugin_manager` returns a shared one.

    Examples
    --------
    >>> manager = make_plugin_manager(entry_points=False)
    >>> manager is get_plugin_manager()
    False
    >>> [info.name for info in list_plugins(manager)]
    ['democratie.plugins.builtin_rules', 'democratie.plugins.builtin_importers', \
'democratie.plugins.builtin_exporters']
    """
    manager = DemocratiePluginManager()
    if builtins:
        manager.load_builtins()
    if entry_points is None:
        entry_points = not _flag(DISABLE_VARIABLE)
    if entry_points:
        manager.load_entry_points(strict=strict)
    return manager


_shared: DemocratiePluginManager | None = None
_lock = threading.Lock()


def get_plugin_manager(*, strict: bool = False) -> DemocratiePluginManager:
    """Return the shared plugin manager, made (and its plugins loaded) on first use.

    Parameters
    ----------
    strict
        Raise a :class:`~democratie.plugins.PluginError` when loading any plugin
        failed (now or when the manager was made).

    Returns
    -------
    DemocratiePluginManager
        The same manager on every call in this process.

    Examples
    --------
    >>> get_plugin_manager() is get_plugin_manager()
    True
    """
    global _shared
    if _shared is None:
        with _lock:
            if _shared is None:
                _shared = make_plugin_manager()
    if strict and _shared.load_problems:
        raise PluginError(_shared.load_problems)
    return _shared


def list_plugins(
    manager: DemocratiePluginManager | None = None, *, strict: bool = False
) -> tuple[PluginInfo, ...]:
    """Tell which plugins are loaded, from where, in which version, with which hooks.

    Each record also names the scoring rules, export formats and importers the plugin
    adds: its hooks are called to find them, as :func:`~democratie.plugins.scoring_rules`
    calls them.

    Parameters
    ----------
    manager
        The manager to ask; the shared one by default.
    strict
        Raise a :class:`~democratie.plugins.PluginError` when a plugin's hook fails
        (raises, returns something that is not a rule, reuses a name), instead of a
        :class:`~democratie.plugins.PluginWarning`.

    Returns
    -------
    tuple of PluginInfo
        Built-in plugins first, then entry points, then plugins registered at
        run time.

    Examples
    --------
    >>> found = list_plugins(make_plugin_manager(entry_points=False))
    >>> [info.origin for info in found]
    ['builtin', 'builtin', 'builtin']
    >>> {info.name: len(info.rules) + len(info.exporters) + len(info.importers) for info in found}
    {'democratie.plugins.builtin_rules': 25, 'democratie.plugins.builtin_importers': 4, \
'democratie.plugins.builtin_exporters': 8}
    """
    return (manager or get_plugin_manager()).plugin_info(strict=strict)

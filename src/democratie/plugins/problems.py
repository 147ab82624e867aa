"""What goes wrong with plugins, said by plugin name and entry point.

A plugin that fails to import, raises in a hook, returns the wrong type or
registers a name that is taken is skipped, and the rest of the work goes on.
A scoring rule of a plugin that fails on a subject, or is stopped there at its
time limit, is reported the same way, but nothing is skipped: only those
scores are missing (the codes :data:`RULE_PROBLEM_CODES`).
Each such event is a :class:`PluginProblem`. By default it is reported as a
:class:`PluginWarning` (and logged on the ``democratie.plugins`` logger); with
``strict=True`` it raises a :class:`PluginError` that carries every problem.

Examples
--------
>>> from democratie.plugins import PluginError, PluginProblem
>>> problem = PluginProblem(plugin="oecd", code="import-failed",
...     message="ModuleNotFoundError: No module named 'pabutools'",
...     entry_point="oecd = democratie_oecd.plugin", distribution="democratie-oecd 0.3")
>>> print(problem)  # doctest: +NORMALIZE_WHITESPACE
plugin 'oecd' (entry point oecd = democratie_oecd.plugin, from democratie-oecd 0.3):
import-failed: ModuleNotFoundError: No module named 'pabutools'
>>> print(PluginError([problem]))  # doctest: +ELLIPSIS
plugin 'oecd' (entry point ...): import-failed: ModuleNotFoundError: No module named 'pabutools'

Every problem has one of the :data:`PROBLEM_CODES`:

>>> list(PROBLEM_CODES)[:3]
['import-failed', 'invalid-plugin', 'unknown-hook']
>>> PROBLEM_CODES["hook-failed"]
'a hook implementation raised an exception'
>>> sorted(RULE_PROBLEM_CODES)
['over-budget', 'rule-failed']
"""

from __future__ import annotations

from collections.abc import Iterable

from attrs import frozen

from democratie.errors import DemocratieError

__all__ = ["PROBLEM_CODES", "RULE_PROBLEM_CODES", "PluginError", "PluginProblem", "PluginWarning"]

#: The kinds of plugin problem, by code.
PROBLEM_CODES: dict[str, str] = {
    "import-failed": "the entry point could not be loaded (the import raised)",
    "invalid-plugin": "the plugin does not fit the hook specifications (pluggy refused it)",
    "unknown-hook": "the plugin implements a hook that does not exist (a typo?)",
    "wrapper-refused": "the plugin wraps a democratie hook, which democratie hooks do not allow",
    "duplicate-plugin": "another plugin is already registered under the same name",
    "hook-failed": "a hook implementation raised an exception",
    "wrong-type": "a hook implementation returned something of the wrong type",
    "detect-failed": (
        "an importer's detect() raised while telling whether it reads a file; that importer "
        "was passed over for the file"
    ),
    "duplicate-name": "a rule, exporter or importer has a name another plugin already uses",
    "rule-failed": "a scoring rule raised, or returned something else than a valid score",
    "over-budget": (
        "a scoring rule took longer than its time limit on a subject and was stopped "
        "there; its other scores count"
    ),
}
#: The codes of problems with one scoring rule, not with the plugin as a whole: the plugin
#: was not skipped, only the rule's scores of some subjects are missing.
RULE_PROBLEM_CODES = frozenset({"rule-failed", "over-budget"})


@frozen(kw_only=True)
class PluginProblem:
    """One thing that went wrong with one plugin.

    Parameters
    ----------
    plugin
        The name the plugin is (or was to be) registered under: the entry
        point's name, or the name given at registration.
    code
        What kind of problem; one of :data:`PROBLEM_CODES`.
    message
        What happened, with the exception's type and text where there is one.
    hook
        The hook being called or implemented, when the problem is about one.
    entry_point
        The entry point as ``name = module:attribute``, when the plugin came
        from one.
    distribution
        The installed distribution and its version, when known.

    Examples
    --------
    >>> problem = PluginProblem(plugin="mine", code="hook-failed", hook="democratie_exporters",
    ...                         message="RuntimeError: on fire")
    >>> print(problem)
    plugin 'mine' in democratie_exporters: hook-failed: RuntimeError: on fire
    >>> problem.code in PROBLEM_CODES
    True
    """

    plugin: str
    code: str
    message: str
    hook: str | None = None
    entry_point: str | None = None
    distribution: str | None = None

    def __str__(self) -> str:
        origin = []
        if self.entry_point is not None:
            origin.append(f"entry point {self.entry_point}")
        if self.distribution is not None:
            origin.append(f"from {self.distribution}")
        where = f" ({', '.join(origin)})" if origin else ""
        hook = f" in {self.hook}" if self.hook else ""
        return f"plugin {self.plugin!r}{where}{hook}: {self.code}: {self.message}"


class PluginWarning(UserWarning):
    """A plugin was skipped, or one of its rules failed (see :class:`PluginProblem`).

    Attributes
    ----------
    problem
        The problem the warning reports.

    Examples
    --------
    A plugin that fails is skipped with a warning, and the rest goes on:

    >>> import warnings
    >>> from democratie.plugins import exporters, hookimpl, make_plugin_manager
    >>> class Broken:
    ...     @hookimpl
    ...     def democratie_exporters(self):
    ...         raise RuntimeError("on fire")
    >>> manager = make_plugin_manager(entry_points=False)
    >>> _ = manager.register(Broken(), name="broken")
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     found = exporters(plugin_manager=manager)
    >>> len(found), caught[0].category.__name__
    (8, 'PluginWarning')
    >>> print(caught[0].message.problem)
    plugin 'broken' in democratie_exporters: hook-failed: RuntimeError: on fire
    """

    def __init__(self, problem: PluginProblem) -> None:
        self.problem = problem
        super().__init__(str(problem))

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.problem,))


class PluginError(DemocratieError):
    """Plugins failed while ``strict=True`` asked for failures to be errors.

    Parameters
    ----------
    problems
        Every problem found, each naming its plugin and, where there is one,
        its entry point.

    Attributes
    ----------
    problems
        The problems, as given.

    Examples
    --------
    With ``strict=True`` the same failure is an error:

    >>> from democratie.plugins import exporters, hookimpl, make_plugin_manager
    >>> class Broken:
    ...     @hookimpl
    ...     def democratie_exporters(self):
    ...         raise RuntimeError("on fire")
    >>> manager = make_plugin_manager(entry_points=False)
    >>> _ = manager.register(Broken(), name="broken")
    >>> try:
    ...     exporters(plugin_manager=manager, strict=True)
    ... except PluginError as error:
    ...     print([problem.code for problem in error.problems])
    ['hook-failed']
    """

    def __init__(self, problems: Iterable[PluginProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__(self._render())

    def _render(self) -> str:
        if len(self.problems) == 1:
            return str(self.problems[0])
        lines = [f"{len(self.problems)} plugin problems:"]
        lines.extend(f"  - {problem}" for problem in self.problems)
        return "\n".join(lines)

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.problems,))

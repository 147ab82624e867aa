"""The errors ``democratie`` raises, and the located problems they carry.

Every error the library raises on purpose derives from :class:`DemocratieError`.
Errors about data carry a tuple of :class:`Problem` objects rather than just a
message, so that a program can act on them and a person can read all of them at
once:

>>> from democratie.errors import Problem
>>> print(Problem(path="initiatives[2].period.end", message="the end comes before the start",
...               code="invalid-value", file="delft.toml"))
delft.toml: initiatives[2].period.end: the end comes before the start
"""

from __future__ import annotations

from collections.abc import Iterable

from attrs import evolve, frozen

__all__ = [
    "DemocratieError",
    "LoadError",
    "ModelError",
    "MonitorError",
    "PlanError",
    "Problem",
    "SolverUnavailableError",
    "WriteError",
    "join_path",
]


@frozen(kw_only=True)
class Problem:
    """One thing wrong with a document or a model object, with where it is.

    Parameters
    ----------
    path
        Where in the document, in the notation of JSON paths without the leading
        ``$``: ``initiatives[2].period.end``. An empty string means the document
        (or the object) as a whole.
    message
        What is wrong and what was expected, in words a policy adviser understands.
    code
        A stable, machine-readable kind of problem: ``syntax``, ``encoding``,
        ``too-large``, ``too-deep``, ``format-version``, ``unknown-key``,
        ``missing-key``, ``wrong-type``, ``invalid-value``, ``duplicate-id``,
        ``dangling-reference``, ``wrong-reference``, ``parent-cycle``,
        ``unknown-municipality``, ``io-error`` (the file cannot be read).
    file
        The file the document came from, when there is one.
    line, column
        Where in the file, 1-based, when the parser can tell.

    Examples
    --------
    >>> problem = Problem(path="people[0].name", message="the name is blank", file="leusden.toml",
    ...                   line=7, column=8)
    >>> print(problem)
    leusden.toml:7:8: people[0].name: the name is blank
    >>> problem.code
    'invalid-value'
    >>> print(problem.under("initiatives"))
    leusden.toml:7:8: initiatives.people[0].name: the name is blank
    """

    path: str
    message: str
    code: str = "invalid-value"
    file: str | None = None
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        where = []
        if self.file is not None:
            place = self.file
            if self.line is not None:
                place += f":{self.line}"
                if self.column is not None:
                    place += f":{self.column}"
            where.append(place)
        elif self.line is not None:
            where.append(f"line {self.line}")
        if self.path:
            where.append(self.path)
        return ": ".join([*where, self.message])

    def under(self, prefix: str | int) -> Problem:
        """Return this problem as seen from an enclosing object.

        Examples
        --------
        >>> Problem(path="end", message="too early").under("period").under(2).path
        '[2].period.end'
        """
        return evolve(self, path=join_path(prefix, self.path))

    def in_file(self, file: str | None) -> Problem:
        """Return this problem with the file it belongs to filled in."""
        return evolve(self, file=file)


def join_path(prefix: str | int, path: str) -> str:
    """Join an attribute name or list index in front of a document path.

    Examples
    --------
    >>> join_path("initiatives", "[2].period")
    'initiatives[2].period'
    >>> join_path(0, "name")
    '[0].name'
    >>> join_path("period", "")
    'period'
    """
    head = f"[{prefix}]" if isinstance(prefix, int) else str(prefix)
    if not path:
        return head
    if path.startswith("[") or not head:
        return head + path
    return f"{head}.{path}"


class DemocratieError(Exception):
    """The base of every error ``democratie`` raises on purpose.

    Examples
    --------
    Catch it to handle whatever ``democratie`` refuses, on purpose, in one place:

    >>> import democratie
    >>> try:
    ...     democratie.loads('{"format": "democratie/2"}')
    ... except DemocratieError as error:
    ...     print(type(error).__name__, error.problems[0].code)
    LoadError format-version
    """


class _ProblemsError(DemocratieError):
    """An error that carries located problems; ``str()`` lists them all."""

    problems: tuple[Problem, ...]

    def __init__(self, problems: Iterable[Problem], *, headline: str | None = None) -> None:
        self.problems = tuple(problems)
        self.headline = headline
        super().__init__(self._render())

    def _render(self) -> str:
        count = len(self.problems)
        head = self.headline or f"{count} problem{'s' if count != 1 else ''}"
        if count == 1 and self.headline is None:
            return str(self.problems[0])
        return "\n".join([f"{head}:", *(f"  - {p}" for p in self.problems)])

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), self.problems, self.headline))


def _rebuild(
    cls: type[_ProblemsError], problems: tuple[Problem, ...], headline: str | None
) -> _ProblemsError:
    return cls(problems, headline=headline)


class ModelError(_ProblemsError, ValueError):
    """A model object or a landscape was given values that do not fit together.

    Raised by the constructors of :mod:`democratie.model` and by the immutable
    update methods of :class:`~democratie.model.Landscape`. Its ``problems`` say
    which attribute (or which place in the landscape) is wrong and why.

    Examples
    --------
    >>> import datetime as dt
    >>> from democratie.model import Period
    >>> try:
    ...     Period(start=dt.date(2021, 1, 1), end=dt.date(2020, 1, 1))
    ... except ModelError as error:
    ...     print(error.problems[0].path, "-", error.problems[0].message)
    end - the end (2020-01-01) comes before the start (2021-01-01)
    """


class PlanError(_ProblemsError, ValueError):
    """A planning request that cannot be carried out as asked.

    Raised by :mod:`democratie.plan` before anything is solved: an initiative or
    network id that the landscape does not hold, a window that ends before it starts,
    more meetings than working days, a group size below two. Each problem's ``path``
    names the argument (``initiative``, ``end``, ``count``), or the place in the
    landscape, that is wrong.

    Examples
    --------
    >>> from democratie.model import Landscape
    >>> from democratie.plan import assess_intakes
    >>> try:
    ...     assess_intakes(Landscape(), "traject")
    ... except PlanError as error:
    ...     print(error.problems[0])
    initiative: 'traject' is not an initiative in the landscape
    """


class MonitorError(_ProblemsError, ValueError):
    """A request to follow a programme that cannot be answered as asked.

    Raised by :mod:`democratie.monitor`: an initiative id that the landscape (or none of
    the landscapes) holds, an id that more than one landscape holds, a day that is not a
    date, an evaluation schedule for an initiative without a start or a horizon, goal
    progress for a municipality the landscape does not hold. Each problem's ``path``
    names the argument (``initiative``, ``as_of``) that is wrong.

    Examples
    --------
    >>> from democratie.model import Landscape
    >>> from democratie.monitor import status
    >>> try:
    ...     status(Landscape(), "traject")
    ... except MonitorError as error:
    ...     print(error.problems[0])
    initiative: 'traject' is not an initiative in the landscape
    """


class SolverUnavailableError(DemocratieError, ImportError):
    """The optimisation solver a plan needs (OR-Tools CP-SAT) is not installed.

    Install it with ``pip install 'democratie[plan]'``. Planning that needs no solver
    (the intake gate, meeting series) works without it.

    Examples
    --------
    It is an :class:`ImportError`, so code that handles a missing optional package the usual
    way handles it too:

    >>> try:
    ...     raise SolverUnavailableError("install OR-Tools: pip install 'democratie[plan]'")
    ... except ImportError as error:
    ...     print(error)
    install OR-Tools: pip install 'democratie[plan]'
    """


class LoadError(_ProblemsError):
    """A document could not be read as a landscape.

    :func:`democratie.load` raises nothing else. ``problems`` holds every
    problem found, each with the file, the path in the document and, where the
    parser can tell, the line. ``str()`` lists them all.

    Parameters
    ----------
    problems
        What is wrong, located.
    source
        The file name, or ``"<text>"`` for a document given as text.
    omitted
        How many more problems were found than *problems* holds: loading stops keeping
        them at its limit (``max_problems``), and counts the rest.
    omitted_exact
        False when *omitted* is a lower bound: problems found inside what was left out
        are not counted, since they may follow from it.
    limit
        The limit that was applied, for the message.

    Examples
    --------
    >>> import democratie
    >>> try:
    ...     democratie.loads('{"format": "democratie/1", "title": 3, "people": [{"id": "p"}]}')
    ... except LoadError as error:
    ...     print(error)
    ...     codes = [problem.code for problem in error.problems]
    <text>: 2 problems:
      - <text>: title: expected text, got the number 3
      - <text>: people[0].name: this key is required but missing
    >>> codes
    ['wrong-type', 'missing-key']

    Beyond the limit of problems, the rest are counted, not kept:

    >>> print(LoadError([Problem(path="title", message="expected text")], source="a.toml",
    ...                 omitted=41, limit=1))
    a.toml: 42 problems:
      - title: expected text
      ... and 41 more problems not shown (the limit is 1)
    """

    def __init__(
        self,
        problems: Iterable[Problem],
        *,
        source: str | None = None,
        headline: str | None = None,
        omitted: int = 0,
        omitted_exact: bool = True,
        limit: int | None = None,
    ) -> None:
        self.source = source
        self.omitted = omitted
        self.omitted_exact = omitted_exact
        self.limit = limit
        problems = tuple(problems)
        if headline is None and source is not None and (len(problems) != 1 or omitted):
            total = len(problems) + omitted
            least = "" if omitted_exact else "at least "
            headline = f"{source}: {least}{total:,} problems"
        super().__init__(problems, headline=headline)

    def _render(self) -> str:
        text = super()._render()
        if not self.omitted:
            return text
        if len(self.problems) == 1 and self.headline is None:
            text = f"{len(self.problems) + self.omitted:,} problems:\n  - {self.problems[0]}"
        least = "" if self.omitted_exact else "at least "
        plural = "s" if self.omitted != 1 else ""
        limit = f" (the limit is {self.limit:,})" if self.limit is not None else ""
        return f"{text}\n  ... and {least}{self.omitted:,} more problem{plural} not shown{limit}"

    def __reduce__(self) -> tuple[object, ...]:
        return (
            _rebuild_load,
            (
                self.problems,
                self.source,
                self.headline,
                self.omitted,
                self.omitted_exact,
                self.limit,
            ),
        )


def _rebuild_load(
    problems: tuple[Problem, ...],
    source: str | None,
    headline: str | None,
    omitted: int = 0,
    omitted_exact: bool = True,
    limit: int | None = None,
) -> LoadError:
    return LoadError(
        problems,
        source=source,
        headline=headline,
        omitted=omitted,
        omitted_exact=omitted_exact,
        limit=limit,
    )


class WriteError(DemocratieError, OSError):
    """A file could not be written; any previous file at that place is left untouched.

    Parameters
    ----------
    path
        The file that was to be written.
    reason
        Why it failed, from the operating system.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> import democratie
    >>> folder = tempfile.TemporaryDirectory()
    >>> blocker = Path(folder.name) / "out"
    >>> _ = blocker.write_text("a file, not a folder")
    >>> try:
    ...     democratie.dump(democratie.loads('format = "democratie/1"'), blocker / "land.toml")
    ... except WriteError as error:
    ...     print(Path(error.path).name, isinstance(error, OSError))
    land.toml True
    >>> folder.cleanup()
    """

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: could not write the file: {reason}")

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.path, self.reason))

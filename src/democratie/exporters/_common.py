"""What every exporter shares: the export error, options, privacy, and how values are written.

Examples
--------
Lists are joined with :data:`LIST_SEPARATOR`, every flat value is a :data:`Scalar`, and
attributes named in :data:`PRIVATE_ATTRIBUTES` stay out unless asked for:

>>> scalar(["zorg", "welzijn"]).split(LIST_SEPARATOR)
['zorg', 'welzijn']
>>> isinstance(scalar(3), Scalar), isinstance(scalar(("a",)), Scalar)
(True, True)
>>> sorted(PRIVATE_ATTRIBUTES)[:4]
['address', 'adres', 'contact', 'contact_details']
"""

from __future__ import annotations

import datetime as dt
import enum
import math
import os
import re
from collections.abc import Callable, Mapping
from importlib.metadata import PackageNotFoundError, version
from typing import IO, Any, TypeAlias

from attrs import evolve

from democratie.errors import DemocratieError
from democratie.graph import StakeholderGraph, build_graph
from democratie.model import Landscape

__all__ = [
    "LIST_SEPARATOR",
    "PRIVATE_ATTRIBUTES",
    "ExportError",
    "Scalar",
    "flag",
    "generation_date",
    "is_private_attribute",
    "package_version",
    "scalar",
    "text",
    "utf8",
    "without_private",
    "write_graph_text",
]

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def utf8(value: str) -> bytes:
    """Encode *value* as UTF-8, writing a lone surrogate as U+FFFD, as the XML exports do.

    A landscape cannot hold half a character (the loader and the model refuse it),
    but a graph plugin can put one in an attribute; UTF-8 has no way to write it.
    Every export writes U+FFFD (the replacement character) in its place rather than
    failing, so that the rest of the export is written; the normal case costs one
    encoding.

    Examples
    --------
    >>> utf8("Delft"), utf8("x" + chr(0xD800) + "y").decode("utf-8")
    (b'Delft', 'x\ufffdy')
    """
    try:
        return value.encode("utf-8")
    except UnicodeEncodeError:
        return _LONE_SURROGATE.sub("\ufffd", value).encode("utf-8")


#: A value as the flat exports write it.
Scalar: TypeAlias = str | bool | int | float

#: What joins the items of a list in one cell of a CSV table or one GraphML or GEXF value.
LIST_SEPARATOR = "|"

#: Graph attributes that hold private contact details; left out unless asked for.
PRIVATE_ATTRIBUTES: frozenset[str] = frozenset(
    {
        "address",
        "adres",
        "contact",
        "contact_details",
        "e-mail",
        "email",
        "mobile",
        "phone",
        "telefoon",
        "telephone",
    }
)


class ExportError(DemocratieError, ValueError):
    """A landscape cannot be exported as asked: an unknown format, a wrong option, a bad place.

    A failure to write the file itself is a :class:`~democratie.errors.WriteError`.
    Either way, nothing is written over what was at the destination.

    Parameters
    ----------
    message
        What is wrong and what would be right.
    format
        The name of the format, when the error is about one.

    Examples
    --------
    >>> print(ExportError("unknown format 'gefx'; did you mean 'gexf'?", format="gefx"))
    unknown format 'gefx'; did you mean 'gexf'?
    """

    def __init__(self, message: str, *, format: str | None = None) -> None:
        self.message = message
        self.format = format
        super().__init__(message)

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (self.message, self.format))


def _rebuild(message: str, format: str | None) -> ExportError:
    return ExportError(message, format=format)


def flag(options: Mapping[str, Any], name: str, *, format: str) -> bool:
    """Read a yes-or-no option; absent means no.

    Raises
    ------
    ExportError
        When the option is given but is not ``True`` or ``False``.

    Examples
    --------
    >>> flag({"include_private": True}, "include_private", format="csv")
    True
    >>> flag({}, "include_private", format="csv")
    False
    >>> flag({"include_private": "yes"}, "include_private", format="csv")
    Traceback (most recent call last):
        ...
    democratie.exporters._common.ExportError: the option 'include_private' must be True or False,
    got 'yes'
    """
    value = options.get(name, False)
    if not isinstance(value, bool):
        message = f"the option {name!r} must be True or False, got {value!r}"
        raise ExportError(message, format=format)
    return value


def write_graph_text(
    render: Callable[..., str],
    landscape: Landscape,
    graph: StakeholderGraph | None,
    destination: IO[Any],
    options: Mapping[str, Any],
    *,
    format: str,
) -> None:
    """Write the text *render* makes of the graph of *landscape*, or of *graph* when given.

    What the graph exporters (GraphML, GEXF, node-link) share: the one option
    ``include_private``, checked, and the graph built when the caller has none.

    Examples
    --------
    >>> import io
    >>> import democratie.examples
    >>> from democratie.exporters.graphml import graphml_text
    >>> land = democratie.examples.load("leusden-samenleving-voorop")
    >>> out = io.StringIO()
    >>> write_graph_text(graphml_text, land, None, out, {}, format="graphml")
    >>> out.getvalue().count("<node ")
    7
    >>> write_graph_text(graphml_text, land, None, out, {"include_private": 1}, format="graphml")
    Traceback (most recent call last):
        ...
    democratie.exporters._common.ExportError: the option 'include_private' must be True or False,
    got 1
    """
    private = flag(options, "include_private", format=format)
    chosen = graph if graph is not None else build_graph(landscape)
    rendered = render(chosen, include_private=private)
    try:
        destination.write(rendered)
    except UnicodeEncodeError:
        # Encoding fails before anything of the text is written; see utf8().
        destination.write(_LONE_SURROGATE.sub("\ufffd", rendered))


def is_private_attribute(name: object) -> bool:
    """Tell whether a graph attribute holds private contact details (``email``, ``phone``, ...).

    Examples
    --------
    >>> is_private_attribute("E-mail"), is_private_attribute("label")
    (True, False)
    """
    return isinstance(name, str) and name.strip().lower() in PRIVATE_ATTRIBUTES


def without_private(landscape: Landscape) -> Landscape:
    """Return the landscape without contact details: the e-mail addresses and phone numbers.

    Every :class:`~democratie.model.ContactDetail` of a person or an organisation is
    private by default (see its documentation), so all of them are left out.

    Examples
    --------
    >>> from democratie.model import ContactDetail, Landscape, Person
    >>> from democratie.vocab import ContactKind
    >>> land = Landscape(people=(Person(id="p-an", name="An", contact=(
    ...     ContactDetail(kind=ContactKind.EMAIL, value="an@example.org"),)),))
    >>> without_private(land).people[0].contact
    ()
    """
    if not any(p.contact for p in landscape.people) and not any(
        o.contact for o in landscape.organisations
    ):
        return landscape
    return evolve(
        landscape,
        people=tuple(evolve(p, contact=()) if p.contact else p for p in landscape.people),
        organisations=tuple(
            evolve(o, contact=()) if o.contact else o for o in landscape.organisations
        ),
    )


def generation_date(options: Mapping[str, Any], *, format: str) -> dt.date:
    """The date an export says it was made on.

    The option ``generated`` (a date or an ISO date text) when given; otherwise the
    day of ``SOURCE_DATE_EPOCH`` when that environment variable is set (the
    reproducible-builds convention); otherwise today, in UTC.

    Raises
    ------
    ExportError
        When the option or the environment variable is not a date.

    Examples
    --------
    >>> import os
    >>> generation_date({"generated": "2025-03-01"}, format="csv")
    datetime.date(2025, 3, 1)
    >>> os.environ["SOURCE_DATE_EPOCH"] = "1700000000"
    >>> generation_date({}, format="csv")
    datetime.date(2023, 11, 14)
    >>> del os.environ["SOURCE_DATE_EPOCH"]
    """
    given = options.get("generated")
    if given is not None:
        if isinstance(given, dt.datetime):
            return given.date()
        if isinstance(given, dt.date):
            return given
        if isinstance(given, str):
            try:
                return dt.date.fromisoformat(given)
            except ValueError:
                pass
        message = f"the option 'generated' must be a date like 2025-03-01, got {given!r}"
        raise ExportError(message, format=format)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date()
        except (ValueError, OverflowError, OSError):
            message = f"SOURCE_DATE_EPOCH must be a whole number of seconds, got {epoch!r}"
            raise ExportError(message, format=format) from None
    return dt.datetime.now(tz=dt.timezone.utc).date()


def package_version() -> str:
    """The version of democratie that writes the export, as the exports that name it say it.

    ``(development version)`` when the package is run from a source tree without metadata.

    Examples
    --------
    >>> import democratie
    >>> package_version() == democratie.__version__
    True
    """
    try:
        return version("democratie")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "(development version)"


def scalar(value: object) -> Scalar | None:
    """Turn an attribute value into something every flat format can hold, or None.

    Vocabulary terms become their slugs, dates ISO text, lists and sets their items
    joined by :data:`LIST_SEPARATOR` (sets sorted), and numbers that are not finite
    are left out (None), as are None and empty lists. Anything else becomes its text.

    Examples
    --------
    >>> import datetime as dt
    >>> scalar(("zorg", "welzijn")), scalar(dt.date(2020, 2, 4)), scalar(float("nan"))
    ('zorg|welzijn', '2020-02-04', None)
    >>> scalar(True), scalar(3), scalar(())
    (True, 3, None)
    """
    if value is None:
        return None
    if isinstance(value, (bool, str)):
        return value
    if isinstance(value, enum.Enum):
        return scalar(value.value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [text(item) for item in (scalar(v) for v in value) if item is not None]
        if isinstance(value, (set, frozenset)):
            items.sort()
        return LIST_SEPARATOR.join(items) if items else None
    return str(value)


def text(value: Scalar) -> str:
    """Write a value as text: ``true``/``false``, whole numbers as digits, numbers in full.

    Examples
    --------
    >>> text(True), text(12), text(0.1), text(2.0)
    ('true', '12', '0.1', '2.0')
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value)

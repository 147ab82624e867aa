r"""What an exporter and an importer are: the format protocols, defined once.

This module sits below the export, import and plugin layers, which all take their
protocols from here (:mod:`democratie.plugins` and :mod:`democratie.exporters`
re-export them).

An *exporter* writes a landscape (and, if it wants, its stakeholder graph) in
some format; an *importer* reads a landscape from one. Plugins offer them
through the :func:`~democratie.plugins.hookspecs.democratie_exporters` and
:func:`~democratie.plugins.hookspecs.democratie_importers` hooks; the built-in
formats are offered the same way. Any object with the listed attributes and
methods will do: nothing needs to be subclassed.

The library, not the format, opens and closes files. An exporter writes to the
stream it is given, so that a failed export never leaves a half-written file
behind (the caller writes to a temporary file and moves it into place); an
importer reads from the stream it is given.

Examples
--------
A complete text exporter that lists the initiatives of a landscape:

>>> import io
>>> from attrs import frozen
>>> import democratie
>>> from democratie.formats import Exporter, check_exporter_attributes
>>> @frozen
... class InitiativeList:
...     name = "initiative-list"
...     title = "Initiatives, one per line"
...     suffixes = (".txt",)
...     binary = False
...     needs_graph = False
...     def export(self, landscape, graph, destination, options):
...         for initiative in landscape.initiatives:
...             destination.write(f"{initiative.id}\t{initiative.title}\n")
>>> isinstance(InitiativeList(), Exporter), check_exporter_attributes(InitiativeList())
(True, [])
>>> land = democratie.loads('''
... format = "democratie/1"
... [[initiatives]]
... id = "challenge"
... kind = "challenge"
... title = "Samenleving Voorop"
... ''')
>>> out = io.StringIO()
>>> InitiativeList().export(land, None, out, {})
>>> out.getvalue()
'challenge\tSamenleving Voorop\n'

A format name is checked against :data:`FORMAT_NAME`; an importer's
:meth:`~Importer.detect` sees the first :data:`HEAD_BYTES` bytes of a file:

>>> [bool(FORMAT_NAME.fullmatch(name)) for name in ["node-link", "csv.zip", "GraphML", "2d"]]
[True, True, False, False]
>>> HEAD_BYTES
65536
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import IO, Any, Protocol, runtime_checkable

from democratie.graph import StakeholderGraph
from democratie.model import Landscape

__all__ = [
    "FORMAT_NAME",
    "HEAD_BYTES",
    "Exporter",
    "FolderExporter",
    "Importer",
    "check_exporter_attributes",
    "check_importer_attributes",
]

#: What a format name looks like: lowercase letters, digits, ``-``, ``_`` and ``.``.
FORMAT_NAME = re.compile(r"[a-z][a-z0-9_.-]{0,63}")
#: How many bytes from the start of a file :meth:`Importer.detect` is given.
HEAD_BYTES = 64 * 1024


@runtime_checkable
class Exporter(Protocol):
    """Writes a landscape in one format.

    Attributes
    ----------
    name
        The format's short name, unique among exporters (``"graphml"``); users
        pick the format by it (``--format graphml``).
    title
        What the format is, for people (``"GraphML (Cytoscape, yEd, igraph)"``).
    suffixes
        File suffixes with their dot (``(".graphml",)``); the first is the
        default for new files.
    binary
        Whether the format is bytes (the stream given to :meth:`export` is a
        binary one) or text (a text stream that writes UTF-8 with Unix
        line ends).
    needs_graph
        Whether :meth:`export` needs the stakeholder graph; when False it is
        given ``None`` and the graph is not built for it.

    Notes
    -----
    An exporter that shows scores or rankings may also set ``needs_analysis =
    True`` (an optional attribute, not part of the protocol's required ones):
    :func:`democratie.export` then passes the landscape's
    :class:`~democratie.analysis.Analysis` as the option ``analysis``, scored
    with every registered rule, so the export agrees with the report.

    Examples
    --------
    The built-in exporters are exporters like any other:

    >>> from democratie.exporters import GraphmlExporter
    >>> graphml = GraphmlExporter()
    >>> isinstance(graphml, Exporter)
    True
    >>> graphml.name, graphml.suffixes, graphml.binary, graphml.needs_graph
    ('graphml', ('.graphml',), False, True)
    """

    @property
    def name(self) -> str:
        """The format's short name."""

    @property
    def title(self) -> str:
        """What the format is, for people."""

    @property
    def suffixes(self) -> tuple[str, ...]:
        """File suffixes with their dot; the first is the default."""

    @property
    def binary(self) -> bool:
        """Whether the format is bytes rather than text."""

    @property
    def needs_graph(self) -> bool:
        """Whether :meth:`export` needs the stakeholder graph."""

    def export(
        self,
        landscape: Landscape,
        graph: StakeholderGraph | None,
        destination: IO[Any],
        options: Mapping[str, Any],
    ) -> None:
        """Write *landscape* to *destination*.

        Parameters
        ----------
        landscape
            What to write.
        graph
            Its stakeholder graph (enriched by plugins) when :attr:`needs_graph`
            is True, else None. Do not change it.
        destination
            An open stream: binary when :attr:`binary` is True, else text.
            Write to it; do not close it.
        options
            Format options the user gave (``{"include_contact": True}``); ignore
            the ones you do not know.

        Raises
        ------
        democratie.errors.DemocratieError
            A subclass of it, when the landscape cannot be written in this
            format; say why. Any other exception is a bug in the exporter.
        """


@runtime_checkable
class FolderExporter(Exporter, Protocol):
    """An exporter whose output can be a folder of files (the CSV tables and their data card).

    :func:`democratie.exporters.export` writes the files of :meth:`files` into a folder
    when the destination does not end in one of the exporter's :attr:`suffixes`;
    :meth:`~Exporter.export` writes the export as one file: the CSV exporter a zip
    archive of the files, the iCalendar exporter one calendar with every event.

    Attributes
    ----------
    file_names
        Every file name an export in this format may write, whatever the landscape. A
        destination folder is replaced only when it holds nothing but these and the
        files of the export being written; an exporter whose file names depend on the
        landscape (one calendar per network) declares none.

    Examples
    --------
    >>> from democratie.exporters import CsvExporter, GraphmlExporter
    >>> isinstance(CsvExporter(), FolderExporter), isinstance(GraphmlExporter(), FolderExporter)
    (True, False)
    >>> sorted(CsvExporter().file_names)[:3]
    ['README.md', 'contacts.csv', 'edges.csv']
    """

    @property
    def file_names(self) -> frozenset[str]:
        """Every file name an export in this format may write."""

    def files(
        self,
        landscape: Landscape,
        graph: StakeholderGraph | None,
        options: Mapping[str, Any],
    ) -> Mapping[str, bytes]:
        """Return the files of the export, by name, in the order to write them."""


@runtime_checkable
class Importer(Protocol):
    """Reads a landscape from one format.

    Attributes
    ----------
    name
        The format's short name, unique among importers (``"popolo"``).
    title
        What the format is, for people.
    suffixes
        File suffixes with their dot that usually hold this format.
    binary
        Whether :meth:`load` is given a binary stream (else a text stream that
        decodes UTF-8).

    Examples
    --------
    >>> from democratie.importers.formats import PopoloImporter
    >>> popolo = PopoloImporter()
    >>> isinstance(popolo, Importer), popolo.suffixes
    (True, ('.json',))
    >>> popolo.detect(b'{"persons": [], "memberships": []}'), popolo.detect(b"PK")
    (True, False)
    """

    @property
    def name(self) -> str:
        """The format's short name."""

    @property
    def title(self) -> str:
        """What the format is, for people."""

    @property
    def suffixes(self) -> tuple[str, ...]:
        """File suffixes with their dot."""

    @property
    def binary(self) -> bool:
        """Whether the format is bytes rather than text."""

    def detect(self, head: bytes) -> bool:
        """Tell whether a file that starts with *head* is in this format.

        *head* holds the first :data:`HEAD_BYTES` bytes (fewer for a short
        file). Look, do not parse the whole: return True only when the format
        is recognisable (a Popolo file has ``"memberships"`` near the top, a
        zip starts with ``PK``). Must not raise.
        """

    def load(self, source: IO[Any], options: Mapping[str, Any]) -> Landscape:
        """Read a landscape from *source*.

        Parameters
        ----------
        source
            An open stream: binary when :attr:`binary` is True, else text.
            Read from it; do not close it.
        options
            Format options the user gave; ignore the ones you do not know.

        Raises
        ------
        democratie.errors.LoadError
            For any problem with the input, with every problem found, located.
            Any other exception is a bug in the importer.
        """


def _check_common(candidate: object, what: str) -> list[str]:
    problems: list[str] = []
    name = getattr(candidate, "name", None)
    if not isinstance(name, str) or FORMAT_NAME.fullmatch(name) is None:
        problems.append(
            f"its name {name!r} is not a format name (lowercase letters, digits, '-', '_', '.', "
            "starting with a letter)"
        )
    title = getattr(candidate, "title", None)
    if not isinstance(title, str) or not title.strip():
        problems.append("its title is not a non-empty text")
    suffixes = getattr(candidate, "suffixes", None)
    if not isinstance(suffixes, tuple) or not all(
        isinstance(suffix, str) and suffix.startswith(".") and len(suffix) > 1
        for suffix in suffixes
    ):
        problems.append(f"its suffixes {suffixes!r} are not a tuple of suffixes like '.json'")
    if not isinstance(getattr(candidate, "binary", None), bool):
        problems.append("its binary attribute is not True or False")
    if not callable(getattr(candidate, what, None)):
        problems.append(f"it has no {what}() method")
    return problems


def check_exporter_attributes(candidate: object) -> list[str]:
    """Return what is wrong with *candidate* as an :class:`Exporter`; empty when nothing is.

    Checks the attributes, not the output: for that, see
    :func:`democratie.testing.contracts.check_exporter`.

    Examples
    --------
    >>> check_exporter_attributes(object())[-1]
    'its needs_graph attribute is not True or False'
    """
    problems = _check_common(candidate, "export")
    if not isinstance(getattr(candidate, "needs_graph", None), bool):
        problems.append("its needs_graph attribute is not True or False")
    return problems


def check_importer_attributes(candidate: object) -> list[str]:
    """Return what is wrong with *candidate* as an :class:`Importer`; empty when nothing is.

    Checks the attributes, not the behaviour: for that, see
    :func:`democratie.testing.contracts.check_importer`.

    Examples
    --------
    >>> class Half:
    ...     name = "half"
    ...     title = "Half an importer"
    ...     suffixes = (".half",)
    ...     binary = False
    ...     def load(self, source, options): ...
    >>> check_importer_attributes(Half())
    ['it has no detect() method']
    """
    problems = _check_common(candidate, "load")
    if not callable(getattr(candidate, "detect", None)):
        problems.append("it has no detect() method")
    return problems

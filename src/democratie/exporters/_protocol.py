"""What the export layer needs of an exporter: the exporter protocol, and its folder variant."""

from __future__ import annotations

from collections.abc import Mapping
from typing import IO, Any, Protocol, runtime_checkable

from democratie.graph import StakeholderGraph
from democratie.model import Landscape

__all__ = ["Exporter", "FolderExporter"]


@runtime_checkable
class Exporter(Protocol):
    r"""Writes a landscape in one format to a stream.

    The same protocol as :class:`democratie.plugins.Exporter`, which plugins
    implement; it is stated here too so that the export layer does not depend on the
    plugin layer above it. Any object with these attributes and this method will do.

    Attributes
    ----------
    name
        The format's short name (``"graphml"``).
    title
        What the format is, for people.
    suffixes
        File suffixes with their dot; the first is the default.
    binary
        Whether :meth:`export` is given a binary stream (else a UTF-8 text stream
        with ``"\n"`` line ends).
    needs_graph
        Whether :meth:`export` needs the stakeholder graph.
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
        """Write *landscape* to the open stream *destination*; do not close it."""


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

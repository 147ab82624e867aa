"""The landscape document itself, as canonical JSON or TOML.

These two exporters write what :func:`democratie.dumps` writes: the landscape format
that :func:`democratie.load` reads back to an equal landscape, keys in a fixed order,
byte for byte the same for the same landscape. As exporters they differ in one way:
contact details (e-mail addresses, phone numbers) are left out unless the option
``include_private`` is set, because an export is usually meant for someone else.

Examples
--------
>>> import io
>>> import democratie
>>> land = democratie.loads('''
... format = "democratie/1"
... [[people]]
... id = "p-an"
... name = "An de Vries"
... contact = [{ kind = "email", value = "an@example.org" }]
... ''')
>>> out = io.StringIO()
>>> TomlExporter().export(land, None, out, {})
>>> print(out.getvalue())
format = "democratie/1"
people = [
    { id = "p-an", name = "An de Vries" },
]
<BLANKLINE>
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import IO, Any

from attrs import frozen

from democratie.exporters._common import flag, without_private
from democratie.graph import StakeholderGraph
from democratie.io import dumps
from democratie.model import Landscape

__all__ = ["JsonExporter", "TomlExporter"]


@frozen
class JsonExporter:
    """Writes the landscape as a canonical JSON document (format ``"json"``).

    Options: ``include_private`` (keep contact details; default False).

    Examples
    --------
    Contact details stay out unless ``include_private`` is set:

    >>> import io
    >>> import democratie
    >>> land = democratie.loads('''
    ... format = "democratie/1"
    ... [[people]]
    ... id = "p-an"
    ... name = "An de Vries"
    ... contact = [{ kind = "email", value = "an@example.org" }]
    ... ''')
    >>> out = io.StringIO()
    >>> JsonExporter().export(land, None, out, {})
    >>> print(out.getvalue(), end="")
    {
      "format": "democratie/1",
      "people": [
        {
          "id": "p-an",
          "name": "An de Vries"
        }
      ]
    }
    >>> out = io.StringIO()
    >>> JsonExporter().export(land, None, out, {"include_private": True})
    >>> "an@example.org" in out.getvalue()
    True
    """

    name = "json"
    title = "Landscape document, canonical JSON (democratie/1)"
    suffixes = (".json",)
    binary = False
    needs_graph = False

    def export(
        self,
        landscape: Landscape,
        graph: StakeholderGraph | None,
        destination: IO[Any],
        options: Mapping[str, Any],
    ) -> None:
        """Write the document to a text stream."""
        if not flag(options, "include_private", format=self.name):
            landscape = without_private(landscape)
        destination.write(dumps(landscape, format="json"))


@frozen
class TomlExporter:
    """Writes the landscape as a canonical TOML document (format ``"toml"``).

    Options: ``include_private`` (keep contact details; default False).

    Examples
    --------
    >>> import io
    >>> import democratie
    >>> land = democratie.loads('{"format": "democratie/1", "title": "Leusden"}')
    >>> out = io.StringIO()
    >>> TomlExporter().export(land, None, out, {})
    >>> print(out.getvalue(), end="")
    format = "democratie/1"
    title = "Leusden"
    >>> democratie.loads(out.getvalue()) == land
    True
    """

    name = "toml"
    title = "Landscape document, canonical TOML (democratie/1)"
    suffixes = (".toml",)
    binary = False
    needs_graph = False

    def export(
        self,
        landscape: Landscape,
        graph: StakeholderGraph | None,
        destination: IO[Any],
        options: Mapping[str, Any],
    ) -> None:
        """Write the document to a text stream."""
        if not flag(options, "include_private", format=self.name):
            landscape = without_private(landscape)
        destination.write(dumps(landscape, format="toml"))

"""The built-in plugin that offers the importers of the landscape document and council data.

It implements the ``democratie_importers`` hook with
:class:`~democratie.importers.formats.JsonImporter` and
:class:`~democratie.importers.formats.TomlImporter` (formats ``"json"`` and ``"toml"``,
the landscape document itself), :class:`~democratie.importers.formats.OriImporter`
(format ``"ori"``) and :class:`~democratie.importers.formats.PopoloImporter` (format
``"popolo"``), through the same hook outside plugins use. A plugin manager that blocks
it leaves :func:`democratie.load` the documents given as text, and files in the formats
of other plugins; any other file gets a :class:`~democratie.errors.LoadError` that names
the importer missing.

Examples
--------
>>> from democratie.plugins.builtin_importers import democratie_importers
>>> [importer.name for importer in democratie_importers()]
['json', 'toml', 'ori', 'popolo']
"""

from __future__ import annotations

from democratie.formats import Importer
from democratie.importers.formats import JsonImporter, OriImporter, PopoloImporter, TomlImporter
from democratie.plugins._markers import hookimpl

__all__ = ["democratie_importers"]


@hookimpl
def democratie_importers() -> list[Importer]:
    """Offer the built-in importers: the landscape document, Open Raadsinformatie, Popolo.

    Examples
    --------
    >>> [importer.suffixes for importer in democratie_importers()]
    [('.json',), ('.toml',), ('.json',), ('.json',)]
    """
    return [JsonImporter(), TomlImporter(), OriImporter(), PopoloImporter()]

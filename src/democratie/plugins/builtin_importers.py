"""The built-in plugin that offers the Open Raadsinformatie and Popolo importers.

It implements the ``democratie_importers`` hook with
:class:`~democratie.importers.formats.OriImporter` (format ``"ori"``) and
:class:`~democratie.importers.formats.PopoloImporter` (format ``"popolo"``), through the
same hook outside plugins use.

Examples
--------
>>> from democratie.plugins.builtin_importers import democratie_importers
>>> [importer.name for importer in democratie_importers()]
['ori', 'popolo']
"""

from __future__ import annotations

from democratie.formats import Importer
from democratie.importers.formats import OriImporter, PopoloImporter
from democratie.plugins._markers import hookimpl

__all__ = ["democratie_importers"]


@hookimpl
def democratie_importers() -> list[Importer]:
    """Offer the built-in importers: Open Raadsinformatie, then Popolo.

    Examples
    --------
    >>> [importer.name for importer in democratie_importers()]
    ['ori', 'popolo']
    """
    return [OriImporter(), PopoloImporter()]

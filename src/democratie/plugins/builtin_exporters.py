"""The built-in plugin that offers the built-in exporters.

It implements the ``democratie_exporters`` hook with the exporters of
:data:`democratie.exporters.BUILTIN_EXPORTERS` (json, toml, popolo, graphml, gexf,
node-link, csv, ics), through the same hook outside plugins use. A plugin that offers a
format of the same name comes after the built-in ones and is reported as a duplicate.

Examples
--------
>>> from democratie.plugins.builtin_exporters import democratie_exporters
>>> [exporter.name for exporter in democratie_exporters()]
['json', 'toml', 'popolo', 'graphml', 'gexf', 'node-link', 'csv', 'ics']
"""

from __future__ import annotations

from democratie.exporters import BUILTIN_EXPORTERS
from democratie.formats import Exporter
from democratie.plugins._markers import hookimpl

__all__ = ["democratie_exporters"]


@hookimpl
def democratie_exporters() -> list[Exporter]:
    """Offer the built-in exporters in the order of their tuple, ``BUILTIN_EXPORTERS``.

    Examples
    --------
    >>> [exporter.name for exporter in democratie_exporters()]
    ['json', 'toml', 'popolo', 'graphml', 'gexf', 'node-link', 'csv', 'ics']
    """
    return list(BUILTIN_EXPORTERS)

"""Importers: read council data from other formats into a landscape.

- :mod:`democratie.importers.ori`: Open Raadsinformatie, the Dutch Popolo dialect
  (a pair of ``*_persons.json`` and ``*_organisations.json`` files).
- :mod:`democratie.importers.popolo`: standard Popolo (``persons``,
  ``organizations``, ``memberships``, ``posts``, ``areas``, ``events``).

Each returns an :class:`ImportResult`: the landscape and an
:class:`ImportReport` of the choices made and of everything in the source that
has no place in the model, counted per category with examples.

Each importer is a package split along its seams (reading the source, the
municipality and its councils, bodies and organisations, people and roles,
areas); both place roles (in the college, the council, a faction or an area) and
nest areas under their municipality with the same rules, defined once in
``democratie.importers._placement``.
"""

from democratie.importers._result import (
    MAX_EXAMPLES,
    ImportReport,
    ImportResult,
    SkippedRecord,
    Unmapped,
)
from democratie.importers.ori import import_ori, load_ori
from democratie.importers.popolo import import_popolo, load_popolo

__all__ = [
    "MAX_EXAMPLES",
    "ImportReport",
    "ImportResult",
    "SkippedRecord",
    "Unmapped",
    "import_ori",
    "import_popolo",
    "load_ori",
    "load_popolo",
]

"""Recognise a Popolo document, and read one from a file.

:func:`detect` tells a parsed document apart from Open Raadsinformatie data and landscape
documents; :func:`load_popolo` reads a file strictly (within ``max_bytes``) and imports it.
"""

from __future__ import annotations

import os

from democratie.importers._common import read_json
from democratie.importers._result import ImportResult
from democratie.importers.popolo._build import import_popolo
from democratie.importers.popolo._tables import LISTS
from democratie.io import MAX_BYTES

__all__ = ["detect", "load_popolo"]


def detect(data: object) -> bool:
    """Tell whether parsed JSON is a Popolo document (the usual container of lists).

    It is when it is an object with a ``persons``, ``organizations`` or
    ``memberships`` list, every Popolo key it has holds a list, and it is
    neither a landscape document (``format``) nor Open Raadsinformatie data
    (``organisations``, or persons whose memberships name an ``organisation``).

    Examples
    --------
    >>> detect({"persons": [], "organizations": [], "memberships": []})
    True
    >>> detect({"meta": {}, "organisations": []}), detect({"format": "democratie/1"})
    (False, False)
    """
    if not isinstance(data, dict) or "format" in data or "organisations" in data:
        return False
    present = [key for key in LISTS if key in data]
    if not any(key in data for key in ("persons", "organizations", "memberships")):
        return False
    if not all(isinstance(data[key], list) for key in present):
        return False
    for person in data.get("persons", []):
        memberships = person.get("memberships") if isinstance(person, dict) else None
        if isinstance(memberships, list) and any(
            isinstance(m, dict) and ("organisation_id" in m or "organisation" in m)
            for m in memberships
        ):
            return False
    return True


def load_popolo(
    path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES, skip_bad_records: bool = False
) -> ImportResult:
    """Load a Popolo JSON document as a landscape.

    Parameters
    ----------
    path
        The file.
    max_bytes
        Refuse files larger than this.
    skip_bad_records
        Pass over the bad records and list them in the report, instead of refusing the
        file (see :func:`~democratie.importers.popolo.import_popolo`).

    Returns
    -------
    ImportResult
        The landscape (its sources name the file) and the import report.

    Raises
    ------
    LoadError
        When the file is missing, unreadable, not JSON or not shaped like a
        Popolo document; every problem is located by file and JSON path.

    Examples
    --------
    >>> import json, tempfile
    >>> from pathlib import Path
    >>> doc = {"persons": [{"id": "p1", "name": "Graham Quirk", "image": "quirk.jpg"}],
    ...        "organizations": [{"id": "bcc", "name": "Brisbane City Council",
    ...                           "classification": "legislature"}],
    ...        "memberships": [{"person_id": "p1", "organization_id": "bcc", "role": "mayor"}]}
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     _ = Path(folder, "brisbane.json").write_text(json.dumps(doc))
    ...     result = load_popolo(Path(folder, "brisbane.json"))
    >>> [(role.kind.value, role.at) for role in result.landscape.roles]
    [('burgemeester', 'bcc-college')]
    >>> print(result.report.category("person.image"))
    person.image (1): the 'image' of a person; the model has no place for it
        brisbane.json: persons[0].image = 'quirk.jpg'
    """
    name = os.fspath(path)
    return import_popolo(
        read_json(name, max_bytes=max_bytes), source=name, skip_bad_records=skip_bad_records
    )

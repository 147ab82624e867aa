r"""The built-in importers as format objects: the landscape document, ORI and Popolo.

Four objects that satisfy :class:`democratie.formats.Importer`, offered to
:func:`democratie.load` by the built-in plugin
:mod:`democratie.plugins.builtin_importers` through the same hook outside plugins
use: :class:`JsonImporter` and :class:`TomlImporter` (formats ``"json"`` and
``"toml"``) read the landscape document itself, :class:`OriImporter` (format
``"ori"``) and :class:`PopoloImporter` (format ``"popolo"``) council data. Each
recognises its format from the first bytes of a file. The two council importers
return the landscape and log the import report (see
:class:`~democratie.importers.ImportReport`) on the ``democratie.importers``
logger at INFO level; call :func:`~democratie.importers.load_ori` or
:func:`~democratie.importers.load_popolo` to get the report as an object. Every
importer honours the option ``max_bytes``: it refuses a file larger than that.

Examples
--------
>>> JsonImporter().detect(b'{"format": "democratie/1", "people": []}')
True
>>> TomlImporter().detect(b'# Leusden\nformat = "democratie/1"\n[[people]]\n')
True
>>> PopoloImporter().detect(b'{"persons": [], "organizations": [], "memberships": []}')
True
>>> OriImporter().detect(b'{"meta": {"took": 3}, "organisations": [')
True
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

from attrs import frozen

from democratie.errors import LoadError, Problem
from democratie.importers import ori, popolo
from democratie.importers._common import read_json
from democratie.importers._result import ImportResult
from democratie.importers.ori._files import _is_organisations as _is_organisations_doc
from democratie.importers.ori._files import missing_partner
from democratie.io import MAX_BYTES, MAX_PROBLEMS, load_stream, parse
from democratie.model import Landscape

__all__ = ["JsonImporter", "OriImporter", "PopoloImporter", "TomlImporter"]

logger = logging.getLogger("democratie.importers")

_STREAM = "<stream>"
_ORI_MARKS = (re.compile(rb'"organisation_id"\s*:'), re.compile(rb'"organisations"\s*:\s*\['))
_POPOLO_MARKS = (
    re.compile(rb'"organizations"\s*:\s*\['),
    re.compile(rb'"memberships"\s*:\s*\[\s*(?:\]|\{[^{}]*"(?:person|organization)_id")'),
    # A large file may hold nothing but persons in its first bytes.
    re.compile(rb'^\s*\{\s*"persons"\s*:\s*\[\s*(?:\]|\{)'),
)
_FOREIGN_MARKS = (re.compile(rb'"organization_id"\s*:'), re.compile(rb'"organizations"\s*:'))
#: What a landscape document declares: ``"format": "democratie/1"`` in JSON, and
#: ``format = "democratie/1"`` in TOML, before any table.
_JSON_DOCUMENT = re.compile(rb'"format"\s*:\s*"democratie/')
_TOML_DOCUMENT = re.compile(rb'^[ \t]*format[ \t]*=[ \t]*["\']democratie/', re.MULTILINE)
_TOML_TABLE = re.compile(rb"^[ \t]*\[", re.MULTILINE)


def _parsed_head(head: bytes) -> tuple[bool, Any]:
    """Parse *head* when it is a whole JSON document; ``(False, None)`` when it is not."""
    try:
        return True, json.loads(head.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return False, None


def _looks_like_json_object(head: bytes) -> bool:
    return head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{"


def _read_stream(source: IO[Any], name: str, max_bytes: int) -> Any:
    data = source.read(max_bytes + 1)
    if isinstance(data, str):
        data = data.encode("utf-8")
    if len(data) > max_bytes:
        problem = Problem(
            path="",
            code="too-large",
            message=f"the document is more than {max_bytes:,} bytes",
            file=name,
        )
        raise LoadError([problem], source=name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        problem = Problem(
            path="",
            code="encoding",
            message=f"the document is not valid UTF-8 (offset {error.start})",
            file=name,
        )
        raise LoadError([problem], source=name) from None
    return parse(text, format="json", source=name)


def _name_of(source: IO[Any]) -> str:
    name = getattr(source, "name", None)
    return name if isinstance(name, str) else _STREAM


def _log(result: ImportResult) -> Landscape:
    logger.info("%s", result.report)
    return result.landscape


def _looks_like_toml_document(head: bytes) -> bool:
    start = head.removeprefix(b"\xef\xbb\xbf")
    found = _TOML_DOCUMENT.search(start)
    if found is None:
        return False
    table = _TOML_TABLE.search(start)
    return table is None or found.start() < table.start()


@frozen
class JsonImporter:
    """Reads the landscape document in JSON: ``{"format": "democratie/1", ...}``.

    It reads as :func:`democratie.io.load` does, and reports every problem of the
    document as that does, located; the option ``max_bytes`` (by default
    :data:`~democratie.io.MAX_BYTES`) limits the size of the file, and
    ``max_problems`` (by default :data:`~democratie.io.MAX_PROBLEMS`; None for no
    limit) the problems reported.

    Examples
    --------
    >>> import io
    >>> importer = JsonImporter()
    >>> importer.detect(b'{"title": "Delft", "format": "democratie/1"}')
    True
    >>> importer.detect(b'{"persons": []}'), importer.detect(b'format = "democratie/1"')
    (False, False)
    >>> importer.load(io.BytesIO(b'{"format": "democratie/1", "title": "Delft"}'), {}).title
    'Delft'
    """

    name = "json"
    title = "Landscape document, canonical JSON (democratie/1)"
    suffixes = (".json",)
    binary = True

    def detect(self, head: bytes) -> bool:
        """Tell whether a file starting with *head* is a landscape document in JSON."""
        return _looks_like_json_object(head) and _JSON_DOCUMENT.search(head) is not None

    def load(self, source: IO[Any], options: Mapping[str, Any]) -> Landscape:
        """Read the landscape document; see :func:`democratie.io.load`."""
        return load_stream(
            source,
            format="json",
            max_bytes=int(options.get("max_bytes", MAX_BYTES)),
            max_problems=options.get("max_problems", MAX_PROBLEMS),
        )


@frozen
class TomlImporter:
    r"""Reads the landscape document in TOML: ``format = "democratie/1"`` before any table.

    It reads as :func:`democratie.io.load` does, and reports every problem of the
    document as that does, located; the option ``max_bytes`` (by default
    :data:`~democratie.io.MAX_BYTES`) limits the size of the file, and
    ``max_problems`` (by default :data:`~democratie.io.MAX_PROBLEMS`; None for no
    limit) the problems reported.

    Examples
    --------
    >>> import io
    >>> importer = TomlImporter()
    >>> importer.detect(b'\xef\xbb\xbf# Delft\n\nformat = "democratie/1"\n')
    True
    >>> importer.detect(b'[meta]\nformat = "democratie/1"\n'), importer.detect(b"a,b\n1,2\n")
    (False, False)
    >>> importer.load(io.BytesIO(b'format = "democratie/1"\ntitle = "Delft"\n'), {}).title
    'Delft'
    """

    name = "toml"
    title = "Landscape document, canonical TOML (democratie/1)"
    suffixes = (".toml",)
    binary = True

    def detect(self, head: bytes) -> bool:
        """Tell whether a file starting with *head* is a landscape document in TOML."""
        return not _looks_like_json_object(head) and _looks_like_toml_document(head)

    def load(self, source: IO[Any], options: Mapping[str, Any]) -> Landscape:
        """Read the landscape document; see :func:`democratie.io.load`."""
        return load_stream(
            source,
            format="toml",
            max_bytes=int(options.get("max_bytes", MAX_BYTES)),
            max_problems=options.get("max_problems", MAX_PROBLEMS),
        )


@frozen
class OriImporter:
    """Reads Open Raadsinformatie data: a ``*_persons.json`` file and its organisations file.

    Given a persons file opened from disk, the organisations file next to it
    (``heerde_persons.json`` with ``heerde_organisations.json``) is read too;
    pass ``organisations_path`` in the options to name it yourself. A file on
    disk whose partner is not found is refused, naming the file looked for, as
    :func:`~democratie.importers.load_ori` does: the parties are in the
    organisations file. Only a stream, which has no file beside it, is read on
    its own, with the organisations its memberships name. The options
    ``merge_people`` (default True) and ``skip_bad_records`` (default False) are
    passed on to :func:`~democratie.importers.ori.import_ori`.

    Examples
    --------
    >>> import io
    >>> import json
    >>> council = {"id": "raad", "classification": "Council",
    ...            "name": "Gemeente Heerde (Heerde) (GLD)"}
    >>> persons = {"persons": [{"id": "p1", "name": "Dhr. J. Tuinman", "memberships": [
    ...     {"organisation_id": "raad", "role": "Wethouder", "organisation": council}]}]}
    >>> land = OriImporter().load(io.BytesIO(json.dumps(persons).encode()), {})
    >>> [(role.holder, role.kind.slug, role.at) for role in land.roles]
    [('p1', 'wethouder', 'heerde-college')]
    """

    name = "ori"
    title = "Open Raadsinformatie (Popolo dialect: *_persons.json, *_organisations.json)"
    suffixes = (".json",)
    binary = True

    def detect(self, head: bytes) -> bool:
        """Tell whether a file starting with *head* is Open Raadsinformatie data."""
        if not _looks_like_json_object(head) or _JSON_DOCUMENT.search(head):
            return False
        whole, data = _parsed_head(head)
        if whole:
            return ori.detect(data)
        return any(mark.search(head) for mark in _ORI_MARKS) and not any(
            mark.search(head) for mark in _FOREIGN_MARKS
        )

    def load(self, source: IO[Any], options: Mapping[str, Any]) -> Landscape:
        """Read the landscape of one municipality; see :func:`~democratie.importers.load_ori`."""
        name = _name_of(source)
        max_bytes = int(options.get("max_bytes", MAX_BYTES))
        merge = bool(options.get("merge_people", True))
        lenient = bool(options.get("skip_bad_records", False))
        first = _read_stream(source, name, max_bytes)
        given = options.get("organisations_path")
        partner: str | None = None
        if given is not None:
            partner = os.fspath(given)
        elif name != _STREAM:
            which, candidates = ori.partner_paths(name)
            partner = next((str(c) for c in candidates if Path(c).is_file()), None)
            if partner is None:
                if which == "unknown":
                    which = "organisations" if _is_organisations_doc(first) else "persons"
                raise missing_partner(name, which, candidates)
        if partner is None:
            if _is_organisations_doc(first):
                message = "the persons file that belongs with this organisations file was not found"
                raise LoadError([Problem(path="", code="io-error", message=message, file=name)])
            return _log(
                ori.import_ori(
                    first, persons_source=name, merge_people=merge, skip_bad_records=lenient
                )
            )
        second = read_json(partner, max_bytes=max_bytes)
        pairs = [(name, first), (partner, second)]
        if isinstance(first, dict) and "persons" not in first:
            pairs.reverse()
        (persons_name, persons), (organisations_name, organisations) = pairs
        return _log(
            ori.import_ori(
                persons,
                organisations,
                persons_source=persons_name,
                organisations_source=organisations_name,
                merge_people=merge,
                skip_bad_records=lenient,
            )
        )


@frozen
class PopoloImporter:
    """Reads a standard Popolo JSON document (``persons``, ``organizations``, ``memberships``).

    The option ``skip_bad_records`` (default False) imports the rest of a document with
    bad records, as :func:`~democratie.importers.popolo.import_popolo` does.

    Examples
    --------
    A Popolo export of a landscape reads back:

    >>> import io
    >>> import democratie.examples
    >>> from democratie.exporters.popolo import popolo_text
    >>> delft = democratie.examples.load("delft-zeven-van-delft")
    >>> land = PopoloImporter().load(io.BytesIO(popolo_text(delft).encode()), {})
    >>> [person.name for person in land.people]
    ['Rob van den Berg', 'Jeroen Joon']
    """

    name = "popolo"
    title = "Popolo JSON (persons, organizations, memberships, posts, areas)"
    suffixes = (".json",)
    binary = True

    def detect(self, head: bytes) -> bool:
        """Tell whether a file starting with *head* is a Popolo document."""
        if not _looks_like_json_object(head) or _JSON_DOCUMENT.search(head):
            return False
        whole, data = _parsed_head(head)
        if whole:
            return popolo.detect(data)
        start = head.lstrip(b"\xef\xbb\xbf")
        return any(mark.search(start) for mark in _POPOLO_MARKS) and not any(
            mark.search(start) for mark in _ORI_MARKS
        )

    def load(self, source: IO[Any], options: Mapping[str, Any]) -> Landscape:
        """Read the landscape; see :func:`~democratie.importers.load_popolo`."""
        name = _name_of(source)
        max_bytes = int(options.get("max_bytes", MAX_BYTES))
        data = _read_stream(source, name, max_bytes)
        lenient = bool(options.get("skip_bad_records", False))
        return _log(popolo.import_popolo(data, source=name, skip_bad_records=lenient))

"""Recognise Open Raadsinformatie data, find the other file of a pair, and read a pair."""

from __future__ import annotations

import os
from pathlib import Path

from democratie.errors import LoadError, Problem
from democratie.importers._common import read_json
from democratie.importers._result import ImportResult
from democratie.importers.ori._build import import_ori
from democratie.io import MAX_BYTES

__all__ = ["detect", "load_ori", "partner_paths"]


def detect(data: object) -> bool:
    """Tell whether parsed JSON is an Open Raadsinformatie persons or organisations file.

    The dialect is recognised by its British spelling: a top-level
    ``organisations`` list, or persons whose inline memberships name an
    ``organisation``. A standard Popolo document (``organizations``, top-level
    ``memberships``) is not taken for one.

    Examples
    --------
    >>> detect({"meta": {}, "organisations": []})
    True
    >>> detect({"persons": [{"id": "p", "name": "A", "memberships": [
    ...     {"organisation_id": "raad", "role": "Raadslid"}]}]})
    True
    >>> detect({"persons": [], "organizations": [], "memberships": []})
    False
    """
    if not isinstance(data, dict):
        return False
    popolo_keys = {"organizations", "memberships", "posts", "areas", "events", "format"}
    if popolo_keys & data.keys():
        return False
    if isinstance(data.get("organisations"), list):
        return "persons" not in data or isinstance(data["persons"], list)
    persons = data.get("persons")
    if not isinstance(persons, list):
        return False
    for person in persons:
        memberships = person.get("memberships") if isinstance(person, dict) else None
        if isinstance(memberships, list):
            for membership in memberships:
                if isinstance(membership, dict) and (
                    "organisation_id" in membership or "organisation" in membership
                ):
                    return True
    return False


def partner_paths(path: str | os.PathLike[str]) -> tuple[str, tuple[Path, ...]]:
    """Tell which file of a pair *path* is, by its name, and where its partner may be.

    Returns ``("persons", candidates)`` for a persons file, ``("organisations",
    candidates)`` for an organisations file and ``("unknown", ())`` for a name
    that says neither.

    Examples
    --------
    >>> which, places = partner_paths("data/heerde_persons.json")
    >>> which, [p.as_posix() for p in places]
    ('persons', ['data/heerde_organisations.json', 'data/heerde_organizations.json'])
    >>> partner_paths("utrecht_organisations.json")[1][0].name
    'utrecht_persons.json'
    """
    own = Path(path)
    name = own.name
    for spelling in ("organisations", "organizations"):
        at = name.rfind(spelling)
        if at >= 0:
            return "organisations", (
                own.with_name(name[:at] + "persons" + name[at + len(spelling) :]),
            )
    at = name.rfind("persons")
    if at >= 0:
        return "persons", tuple(
            own.with_name(name[:at] + spelling + name[at + len("persons") :])
            for spelling in ("organisations", "organizations")
        )
    return "unknown", ()


def load_ori(
    persons_path: str | os.PathLike[str],
    organisations_path: str | os.PathLike[str] | None = None,
    *,
    merge_people: bool = True,
    max_bytes: int = MAX_BYTES,
    skip_bad_records: bool = False,
) -> ImportResult:
    """Load an Open Raadsinformatie pair of files as a landscape.

    Parameters
    ----------
    persons_path
        The persons file (``heerde_persons.json``). The organisations file may be
        given here instead: the pair is told apart by content.
    organisations_path
        The organisations file. By default it is found next to the other by
        name: ``heerde_persons.json`` goes with ``heerde_organisations.json``.
    merge_people
        Merge person records that are the same person in two positions; see
        :func:`import_ori`.
    max_bytes
        Refuse files larger than this.
    skip_bad_records
        Pass over the bad records and list them in the report, instead of refusing the
        files; see :func:`import_ori`.

    Returns
    -------
    ImportResult
        The landscape (its sources name both files) and the import report.

    Raises
    ------
    LoadError
        When a file is missing, unreadable, not JSON, or not shaped like Open
        Raadsinformatie data; every problem is located by file and JSON path.

    Examples
    --------
    >>> import json, tempfile
    >>> from pathlib import Path
    >>> council = {"id": "raad", "classification": "Council",
    ...            "name": "Gemeente Heerde (Heerde) (GLD)"}
    >>> persons = {"persons": [{"id": "p1", "name": "Dhr. J. Tuinman", "memberships": [
    ...     {"organisation_id": "raad", "role": "Raadslid"}]}]}
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     _ = Path(folder, "heerde_persons.json").write_text(json.dumps(persons))
    ...     _ = Path(folder, "heerde_organisations.json").write_text(
    ...         json.dumps({"organisations": [council]}))
    ...     result = load_ori(Path(folder, "heerde_persons.json"))
    >>> result.report.sources
    ('heerde_persons.json', 'heerde_organisations.json')
    >>> [(role.kind.value, role.at) for role in result.landscape.roles]
    [('raadslid', 'heerde-raad')]
    """
    first = os.fspath(persons_path)
    first_doc = read_json(first, max_bytes=max_bytes)
    if organisations_path is None:
        which, candidates = partner_paths(first)
        if which == "unknown":
            which = "organisations" if _is_organisations(first_doc) else "persons"
            candidates = ()
        second_path = next((str(c) for c in candidates if c.is_file()), None)
        if second_path is None:
            raise missing_partner(first, which, candidates)
    else:
        second_path = os.fspath(organisations_path)
    second_doc = read_json(second_path, max_bytes=max_bytes)
    pairs = [(first, first_doc), (second_path, second_doc)]
    if _is_organisations(first_doc) and not _is_organisations(second_doc):
        pairs.reverse()
    (persons_name, persons_doc), (organisations_name, organisations_doc) = pairs
    return import_ori(
        persons_doc,
        organisations_doc,
        persons_source=persons_name,
        organisations_source=organisations_name,
        merge_people=merge_people,
        skip_bad_records=skip_bad_records,
    )


_ARGUMENT = {"organisations": "organisations_path", "persons": "persons_path"}


def missing_partner(path: str, which: str, candidates: tuple[Path, ...]) -> LoadError:
    """The error for a file of an Open Raadsinformatie pair whose partner is not found.

    *which* is what *path* is (``"persons"`` or ``"organisations"``); *candidates* are
    the places looked at. :func:`load_ori`, :func:`democratie.load` and ``democratie
    import --from ori`` refuse such a file alike: the parties and their members are in
    the organisations file, and a persons file read alone would silently lack them.

    Examples
    --------
    >>> which, places = partner_paths("data/heerde_persons.json")
    >>> print(missing_partner("data/heerde_persons.json", which, places))
    data/heerde_persons.json: the organisations file that belongs with this persons file was
    not found (looked for 'heerde_organisations.json' or 'heerde_organizations.json' next to
    it); put it there, or pass it as organisations_path
    """
    wanted = "organisations" if which == "persons" else "persons"
    looked = " or ".join(f"'{c.name}'" for c in candidates)
    message = (
        f"the {wanted} file that belongs with this {which} file was not found"
        + (f" (looked for {looked} next to it)" if looked else "")
        + f"; put it there, or pass it as {_ARGUMENT[wanted]}"
    )
    return LoadError([Problem(path="", code="io-error", message=message, file=path)])


def _is_organisations(doc: object) -> bool:
    return isinstance(doc, dict) and "organisations" in doc and "persons" not in doc

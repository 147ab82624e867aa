"""Machinery the importers share: files, structure checks, ids, role texts and the report.

Where roles and areas go in a municipality is :mod:`democratie.importers._placement`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from attrs import evolve, frozen

from democratie.errors import LoadError, ModelError, Problem
from democratie.importers._result import (
    MAX_EXAMPLES,
    ImportReport,
    ImportResult,
    SkippedRecord,
    Unmapped,
)
from democratie.io import MAX_BYTES, parse
from democratie.model import ContactDetail, Identifier, Landscape
from democratie.model._checks import INVISIBLE
from democratie.vocab import ContactKind, RoleKind

__all__ = [
    "Checker",
    "IdPool",
    "ReportBuilder",
    "RoleText",
    "describe",
    "import_leniently",
    "is_empty",
    "make_landscape",
    "normalise",
    "parse_date",
    "raise_problems",
    "read_contact_details",
    "read_identifiers",
    "read_json",
    "read_role",
    "record_path",
    "slugify",
    "source_title",
    "unique",
]

_T = TypeVar("_T")

_MAX_ID = 200
_NOT_SLUG = re.compile(r"[^a-z0-9._]+")
_EDGES = re.compile(r"^[^a-z0-9]+|[^a-z0-9]+$")
_FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# What no single line of text of the model may hold: control characters, lone surrogates
# and the invisible characters of INVISIBLE (a bidi override, a zero-width space).
_UNPRINTABLE = re.compile(f"[\x00-\x1f\x7f-\x9f\ud800-\udfff]|{INVISIBLE.pattern}")


# -- ids ---------------------------------------------------------------------------------


def slugify(text: str) -> str:
    """Turn a source id or name into an id: lowercase ASCII letters, digits, ``-``, ``_``, ``.``.

    Accents are dropped, every other run of characters becomes one ``-``, and the
    result starts and ends with a letter or digit. An id longer than 200
    characters is cut and given a short hash of the full text, so that it stays
    unique. The result is empty when *text* has no letter or digit.

    Examples
    --------
    >>> slugify("D66/GROENLINKS"), slugify("Student & Starter")
    ('d66-groenlinks', 'student-starter')
    >>> slugify("party/liberal_national_party")
    'party-liberal_national_party'
    >>> slugify("Súdwest-Fryslân"), slugify("  --  ")
    ('sudwest-fryslan', '')
    """
    folded = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in folded if not unicodedata.combining(char))
    slug = _EDGES.sub("", _NOT_SLUG.sub("-", plain))
    if len(slug) > _MAX_ID:
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
        slug = f"{_EDGES.sub('', slug[: _MAX_ID - 9])}-{digest}"
    return slug


class IdPool:
    """Hands out ids that are unique in one landscape, in document order.

    An id that is taken already gets a numbered suffix (``cda-2``); every such
    case is noted in the report.

    Examples
    --------
    >>> report = ReportBuilder("popolo", ["council.json"])
    >>> pool = IdPool(report)
    >>> pool.reserve("heerde-raad", "heerde-college")
    >>> pool.take("CDA", fallback="party"), pool.take("cda", fallback="party")
    ('cda', 'cda-2')
    >>> pool.take("heerde-raad", fallback="x"), pool.take("!!", fallback="party")
    ('heerde-raad-2', 'party')
    >>> pool.finish()
    >>> report.build().notes
    ("2 ids were already taken in the landscape and got a numbered suffix (the source id is kept as
    an identifier): 'cda' became 'cda-2'; 'heerde-raad' became 'heerde-raad-2'",)
    """

    def __init__(self, report: ReportBuilder) -> None:
        self._used: set[str] = set()
        self._report = report
        self._renamed: list[str] = []

    def reserve(self, *ids: str) -> None:
        """Mark ids as used (the derived ``-raad`` and ``-college`` ids of a municipality)."""
        self._used.update(ids)

    def take(self, wanted: str, *, fallback: str) -> str:
        """Return an unused id made from *wanted* (or from *fallback* when that has no letters)."""
        base = slugify(wanted) or slugify(fallback) or "x"
        candidate = base
        number = 2
        while candidate in self._used:
            suffix = f"-{number}"
            candidate = _EDGES.sub("", base[: _MAX_ID - len(suffix)]) + suffix
            number += 1
        if candidate != base:
            self._renamed.append(f"'{wanted}' became '{candidate}'")
        self._used.add(candidate)
        return candidate

    def finish(self) -> None:
        """Note the renamed ids in the report."""
        if self._renamed:
            shown = "; ".join(self._renamed[:MAX_EXAMPLES])
            self._report.note(
                f"{len(self._renamed)} ids were already taken in the landscape and got a "
                f"numbered suffix (the source id is kept as an identifier): {shown}"
            )


# -- the report --------------------------------------------------------------------------


class ReportBuilder:
    """Collects notes and unmapped data while an importer runs.

    Examples
    --------
    >>> builder = ReportBuilder("ori", ["heerde_persons.json"])
    >>> builder.note("the council's seats are counted from its current members")
    >>> for path in ("persons[0].gender", "persons[1].gender"):
    ...     builder.skip("person.gender", "gender (the model has no field for it)", path)
    >>> report = builder.build()
    >>> report.unmapped_count, report.category("person.gender").examples
    (2, ('persons[0].gender', 'persons[1].gender'))
    >>> report.notes
    ("the council's seats are counted from its current members",)
    """

    def __init__(self, format: str, sources: Sequence[str]) -> None:
        self._format = format
        self._sources = tuple(sources)
        self._notes: list[str] = []
        self._descriptions: dict[str, str] = {}
        self._counts: dict[str, int] = {}
        self._examples: dict[str, list[str]] = {}

    def note(self, text: str) -> None:
        """Record a decision the reader should know about."""
        self._notes.append(text)

    def skip(self, category: str, description: str, example: str, *, count: int = 1) -> None:
        """Count *count* items of source data in *category* that did not go into the landscape."""
        if category not in self._counts:
            self._descriptions[category] = description
            self._counts[category] = 0
            self._examples[category] = []
        self._counts[category] += count
        examples = self._examples[category]
        if len(examples) < MAX_EXAMPLES:
            examples.append(example)

    def build(self) -> ImportReport:
        """Return the finished report."""
        return ImportReport(
            format=self._format,
            sources=self._sources,
            notes=tuple(self._notes),
            unmapped=tuple(
                Unmapped(
                    category=category,
                    description=self._descriptions[category],
                    count=count,
                    examples=tuple(self._examples[category]),
                )
                for category, count in self._counts.items()
            ),
        )


def describe(value: object) -> str:
    """Show a JSON value briefly, for examples and error messages.

    Examples
    --------
    >>> describe("female"), describe({"a": 1}), describe([1, 2]), describe(None)
    ("'female'", 'an object with 1 key', 'a list of 2 items', 'null')
    """
    if isinstance(value, dict):
        return f"an object with {len(value)} key{'s' if len(value) != 1 else ''}"
    if isinstance(value, list):
        return f"a list of {len(value)} item{'s' if len(value) != 1 else ''}"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return str(value).lower()
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def is_empty(value: object) -> bool:
    """Tell whether a JSON value carries no data (null, blank text, empty list or object).

    Examples
    --------
    >>> [is_empty(value) for value in (None, "  ", [], {}, 0, False, "CDA")]
    [True, True, True, True, False, False, False]
    """
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, dict)):
        return not value
    return False


# -- reading and checking ----------------------------------------------------------------


def read_json(path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES) -> Any:
    r"""Read a JSON file strictly; every failure is a :class:`LoadError` naming the file.

    At most *max_bytes* bytes (and one more, to tell that there are more) are
    read, so a file that grows while it is read, a pipe or a device never takes
    more memory than the limit.

    Examples
    --------
    >>> try:
    ...     read_json("council\x00.json")
    ... except LoadError as error:
    ...     print(error.problems[0].code)
    io-error
    """
    name = os.fspath(path)

    def fail(code: str, message: str, **where: int) -> LoadError:
        problem = Problem(path="", code=code, message=message, file=name, **where)
        return LoadError([problem], source=name)

    try:
        size = Path(name).stat().st_size
        if size > max_bytes:
            raise fail(
                "too-large",
                f"the file is {size:,} bytes, more than the limit of {max_bytes:,}; "
                "pass a larger max_bytes to read it anyway",
            )
        with Path(name).open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except LoadError:
        raise
    except FileNotFoundError:
        raise fail("io-error", "there is no such file") from None
    except IsADirectoryError:
        raise fail("io-error", "this is a folder, not a file") from None
    except ValueError as error:
        # A name the operating system refuses outright, such as one with a NUL in it.
        raise fail("io-error", f"this is not a usable file name: {error}") from None
    except OSError as error:
        raise fail("io-error", f"the file cannot be read: {error.strerror or error}") from None
    if len(data) > max_bytes:
        raise fail(
            "too-large",
            f"the file holds more than the limit of {max_bytes:,} bytes (it was read no "
            "further); pass a larger max_bytes to read it anyway",
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise fail(
            "encoding",
            f"the file is not valid UTF-8: byte 0x{data[error.start]:02X} at offset "
            f"{error.start} cannot be decoded",
            line=line,
            column=column,
        ) from None
    return parse(text, format="json", source=name)


class Checker:
    """Collects structural problems in one source document, each located by its JSON path.

    Examples
    --------
    >>> checker = Checker("data/council.json")
    >>> doc = {"persons": [{"id": "p1", "name": "An"}, "Bo", {"id": "p3", "name": 3}]}
    >>> [(path, record["id"]) for path, record in checker.records(doc, "persons", "", "person")]
    [('persons[0]', 'p1'), ('persons[2]', 'p3')]
    >>> checker.text(doc["persons"][2], "name", "persons[2]") is None
    True
    >>> for problem in checker.problems:
    ...     print(problem)
    data/council.json: persons[1]: expected a person (a JSON object), got 'Bo'
    data/council.json: persons[2].name: expected text, got 3
    """

    def __init__(self, source: str, *, leave_out: Iterable[str] = ()) -> None:
        self.source = source
        self.name = Path(source).name
        self.problems: list[Problem] = []
        #: The paths of records to pass over, as if the document did not hold them: the
        #: bad records a lenient import skips (see :func:`import_leniently`).
        self.leave_out = frozenset(leave_out)

    def fail(self, path: str, message: str, code: str = "wrong-type") -> None:
        """Record one problem at *path*."""
        self.problems.append(Problem(path=path, message=message, code=code, file=self.source))

    def record(self, value: object, path: str, what: str) -> dict[str, Any] | None:
        """Return *value* when it is a JSON object, else record a problem and return None."""
        if isinstance(value, dict):
            return value
        self.fail(path, f"expected {what} (a JSON object), got {describe(value)}")
        return None

    def records(
        self, doc: Mapping[str, Any], key: str, path: str, what: str, *, required: bool = False
    ) -> list[tuple[str, dict[str, Any]]]:
        """Return the objects in the list under *key*, each with its path; report the rest."""
        where = f"{path}.{key}" if path else key
        value = doc.get(key)
        if value is None:
            if required:
                self.fail(where, f"expected a list of {what}s here", code="missing-key")
            return []
        if not isinstance(value, list):
            self.fail(where, f"expected a list of {what}s, got {describe(value)}")
            return []
        found = []
        for index, item in enumerate(value):
            here = f"{where}[{index}]"
            if here in self.leave_out:
                continue
            checked = self.record(item, here, f"a {what}")
            if checked is not None:
                found.append((here, checked))
        return found

    def text(
        self, record: Mapping[str, Any], key: str, path: str, *, required: bool = False
    ) -> str | None:
        """Return the stripped text under *key*; None if absent or blank (a problem if required)."""
        where = f"{path}.{key}" if path else key
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
        if value is not None and not isinstance(value, str):
            self.fail(where, f"expected text, got {describe(value)}")
        elif required:
            self.fail(where, "this is required but missing or empty", code="missing-key")
        return None

    def build(self, path: str, factory: Callable[..., _T], /, **arguments: Any) -> _T | None:
        """Make a model object; its validation problems are recorded under *path*."""
        try:
            return factory(**arguments)
        except ModelError as error:
            self.problems.extend(p.under(path).in_file(self.source) for p in error.problems)
            return None

    def value(self, where: str, factory: Callable[..., _T], /, **arguments: Any) -> _T | None:
        r"""Make a model object from one value of the document, its problems placed at *where*.

        For the objects a document gives as a single text, such as a source id
        that becomes an :class:`~democratie.model.Identifier` or an e-mail
        address that becomes a :class:`~democratie.model.ContactDetail`: the
        model names its own attribute, but the place to correct is *where*.

        Examples
        --------
        >>> checker = Checker("council.json")
        >>> checker.value("persons[0].id", Identifier, scheme="popolo", identifier="p1\x00") is None
        True
        >>> print(checker.problems[0])
        council.json: persons[0].id: contains the control character U+0000 at position 3; remove it
        """
        try:
            return factory(**arguments)
        except ModelError as error:
            self.problems.extend(
                evolve(problem, path=where, file=self.source) for problem in error.problems
            )
            return None

    def source_id(self, where: str, scheme: str, value: str) -> Identifier | None:
        """The identifier that keeps a record's own id in the landscape, checked at *where*."""
        return self.value(where, Identifier, scheme=scheme, identifier=value)


def raise_problems(checkers: Iterable[Checker]) -> None:
    """Raise one :class:`LoadError` with the problems of every checker, if there are any.

    Examples
    --------
    >>> persons, organisations = Checker("persons.json"), Checker("organisations.json")
    >>> raise_problems([persons, organisations])
    >>> persons.fail("persons[0].name", "expected text, got the number 3")
    >>> organisations.fail("organisations[2]", "expected an object, got a list")
    >>> raise_problems([persons, organisations])
    Traceback (most recent call last):
        ...
    democratie.errors.LoadError: 2 problems in persons.json, organisations.json:
      - persons.json: persons[0].name: expected text, got the number 3
      - organisations.json: organisations[2]: expected an object, got a list
    """
    checkers = tuple(checkers)
    # The same mistake met twice (a party's name, again as the name of its faction) is
    # reported once.
    problems = unique(problem for checker in checkers for problem in checker.problems)
    if not problems:
        return
    files = [checker.source for checker in checkers if checker.problems]
    source = files[0] if len(files) == 1 else None
    headline = None
    if len(files) > 1:
        headline = f"{len(problems)} problems in {', '.join(files)}"
    raise LoadError(problems, source=source, headline=headline)


def read_identifiers(checker: Checker, record: Mapping[str, Any], path: str) -> list[Identifier]:
    """Read a Popolo ``identifiers`` list; the scheme is lowercased, empty entries skipped.

    Examples
    --------
    >>> checker = Checker("council.json")
    >>> record = {"identifiers": [{"scheme": "ORI", "identifier": "123"}, {"scheme": "x"}]}
    >>> read_identifiers(checker, record, "persons[0]")
    [Identifier(scheme='ori', identifier='123')]
    """
    found: list[Identifier] = []
    for here, item in checker.records(record, "identifiers", path, "identifier"):
        scheme = checker.text(item, "scheme", here)
        value = checker.text(item, "identifier", here)
        if value is None:
            continue
        built = checker.build(
            here, Identifier, scheme=(scheme or "unknown").casefold(), identifier=value
        )
        if built is not None:
            found.append(built)
    return found


#: How Popolo contact detail types map onto the model's contact kinds.
_CONTACT_TYPES: Mapping[str, ContactKind] = {
    "email": ContactKind.EMAIL,
    "e-mail": ContactKind.EMAIL,
    "voice": ContactKind.TELEFOON,
    "phone": ContactKind.TELEFOON,
    "telephone": ContactKind.TELEFOON,
    "cell": ContactKind.TELEFOON,
    "mobile": ContactKind.TELEFOON,
    "address": ContactKind.ADRES,
    "url": ContactKind.WEBSITE,
    "website": ContactKind.WEBSITE,
}


def read_contact_details(
    checker: Checker,
    record: Mapping[str, Any],
    path: str,
    report: ReportBuilder,
    category: str,
) -> list[ContactDetail]:
    """Read the ``email`` and ``contact_details`` of a Popolo record into contact details.

    Contact types without a model counterpart (``fax``, ``twitter``) are reported
    under *category*.

    Examples
    --------
    >>> checker = Checker("council.json")
    >>> report = ReportBuilder("popolo", ["council.json"])
    >>> record = {"email": "an@heerde.nl", "contact_details": [
    ...     {"type": "voice", "value": "0578 123 456"}, {"type": "fax", "value": "0578 654 321"}]}
    >>> details = read_contact_details(checker, record, "persons[0]", report, "person.contact")
    >>> [(detail.kind.slug, detail.value) for detail in details]
    [('email', 'an@heerde.nl'), ('telefoon', '0578 123 456')]
    >>> report.build().categories()
    ('person.contact',)
    """
    found: list[ContactDetail] = []
    email = checker.text(record, "email", path)
    if email is not None:
        built = checker.value(f"{path}.email", ContactDetail, kind=ContactKind.EMAIL, value=email)
        if built is not None:
            found.append(built)
    for here, item in checker.records(record, "contact_details", path, "contact detail"):
        kind_text = checker.text(item, "type", here)
        value = checker.text(item, "value", here)
        if value is None:
            continue
        kind = _CONTACT_TYPES.get((kind_text or "").casefold())
        if kind is None:
            report.skip(
                category,
                "contact details of a type the model has no kind for (it knows e-mail, "
                "phone, website and address)",
                f"{checker.name}: {here}.type = {describe(kind_text)}",
            )
            continue
        built = checker.build(here, ContactDetail, kind=kind, value=value)
        if built is not None:
            found.append(built)
    return unique(found)


def parse_date(value: str) -> dt.date | None:
    """Read a full ISO date (``2014-03-27``); None for a partial or impossible one.

    Examples
    --------
    >>> parse_date("2014-03-27"), parse_date("2014"), parse_date("2014-02-30")
    (datetime.date(2014, 3, 27), None, None)
    """
    if _FULL_DATE.fullmatch(value) is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def unique(items: Iterable[_T]) -> list[_T]:
    """The items without repeats, in their first order.

    Examples
    --------
    >>> unique(["cda", "vvd", "cda", "d66", "vvd"])
    ['cda', 'vvd', 'd66']
    """
    return list(dict.fromkeys(items))


# -- role texts --------------------------------------------------------------------------


def normalise(text: str) -> str:
    """Fold case and reduce hyphens, underscores and runs of spaces to one space.

    Examples
    --------
    >>> normalise("  Loco-burgemeester "), normalise("waarnemend_burgemeester")
    ('loco burgemeester', 'waarnemend burgemeester')
    """
    return " ".join(text.casefold().replace("-", " ").replace("_", " ").split())


def _names_of(kind: RoleKind) -> frozenset[str]:
    return frozenset({normalise(kind.value), normalise(kind.label_en), normalise(kind.label_nl)})


#: Every role kind by its slug, English label and Dutch label.
_BY_NAME: Mapping[str, RoleKind] = {name: kind for kind in RoleKind for name in _names_of(kind)}


@frozen(kw_only=True)
class RoleText:
    """A role as a source writes it, read onto the model's role kinds.

    Parameters
    ----------
    kind
        The role kind; ``lid`` when the text is not recognised.
    title
        The source text, kept when it says more than the kind's own name.
    recognised
        Whether the text matched a role kind.

    Examples
    --------
    >>> read_role("Raadslid", {})
    RoleText(kind=<RoleKind.RAADSLID: 'raadslid'>, title=None, recognised=True)
    >>> read_role("Commissielid Ruimte", {}).recognised
    False
    """

    kind: RoleKind
    title: str | None
    recognised: bool


def read_role(text: str | None, table: Mapping[str, RoleKind]) -> RoleText:
    """Read a free-text role with a format's own table, then by the names of every role kind.

    Examples
    --------
    >>> read_role("Raadsgriffier", {"raadsgriffier": RoleKind.GRIFFIER})
    RoleText(kind=<RoleKind.GRIFFIER: 'griffier'>, title='Raadsgriffier', recognised=True)
    >>> read_role("Wethouder", {}).title is None
    True
    >>> read_role("Kerkvoogd", {})
    RoleText(kind=<RoleKind.LID: 'lid'>, title='Kerkvoogd', recognised=False)
    """
    if text is None or not text.strip():
        return RoleText(kind=RoleKind.LID, title=None, recognised=False)
    key = normalise(text)
    kind = table.get(key) or _BY_NAME.get(key)
    if kind is None:
        return RoleText(kind=RoleKind.LID, title=text.strip(), recognised=False)
    title = None if key in _names_of(kind) else text.strip()
    return RoleText(kind=kind, title=title, recognised=True)


# -- the landscape -----------------------------------------------------------------------


def source_title(name: str) -> str:
    r"""The name of a source file as the title of a :class:`~democratie.model.Source`.

    A character that no title of the model may hold (a control character, half of
    one that the file system name could not decode, or an invisible one such as a
    right-to-left override) becomes U+FFFD.

    Examples
    --------
    >>> source_title("heerde_persons.json"), source_title("raad\nheerde.json")
    ('heerde_persons.json', 'raad\ufffdheerde.json')
    >>> source_title("raad" + chr(0x202E) + "nosj.exe")
    'raad\ufffdnosj.exe'
    """
    return _UNPRINTABLE.sub("\ufffd", name)


def make_landscape(files: Sequence[str], /, **parts: Any) -> Landscape:
    """Build the landscape; a failure is a :class:`LoadError` about the source *files*.

    Examples
    --------
    >>> from democratie.model import Role
    >>> make_landscape(["council.json"], title="Heerde").title
    'Heerde'
    >>> make_landscape(["council.json"], roles=[Role(holder="p1", kind=RoleKind.RAADSLID)])
    Traceback (most recent call last):
        ...
    democratie.errors.LoadError: the data in council.json does not make a valid landscape:
      - roles[0].holder: 'p1' refers to nothing in the landscape; expected the id of an organisation
    or person
    """
    try:
        return Landscape(**parts)
    except ModelError as error:
        names = ", ".join(files)
        raise LoadError(
            error.problems,
            source=files[0] if len(files) == 1 else None,
            headline=f"the data in {names} does not make a valid landscape",
        ) from None


# -- lenient imports ---------------------------------------------------------------------

#: The lists of a document whose items are records a lenient import can pass over.
RECORD_LISTS = frozenset(
    {"persons", "organizations", "organisations", "memberships", "posts", "areas", "events"}
)
_SEGMENT = re.compile(r"\.?([A-Za-z_]+)\[(\d+)\]")


def record_path(path: str) -> str | None:
    """The record a problem at *path* lies in: the innermost item of a list of records.

    Examples
    --------
    >>> record_path("memberships[3].end"), record_path("persons[0].memberships[2].end_date")
    ('memberships[3]', 'persons[0].memberships[2]')
    >>> record_path("persons[1].contact_details[0].value"), record_path("persons")
    ('persons[1]', None)
    """
    found = None
    at = 0
    while (match := _SEGMENT.match(path, at)) is not None and match.group(1) in RECORD_LISTS:
        at = match.end()
        found = path[:at]
    return found


def import_leniently(
    run: Callable[[frozenset[tuple[str, str]]], ImportResult],
) -> ImportResult:
    """Import with *run*, passing over every record that has a problem, and list them.

    *run* imports the documents leaving out the records it is given (pairs of the
    checker's source and the record's path). A strict run that fails names every
    problem, located; each problem that lies in a record (an item of a list of
    persons, organizations, memberships, areas, posts or events) puts that record
    aside, and the import runs again without it, until it succeeds. A problem
    outside any record (the document is not an object, a list is not a list) still
    fails the import: then there is nothing to import. The result's report lists
    every record passed over with its problems (:class:`SkippedRecord`); what
    depended on one (the memberships of a person left out) is counted in the report
    as it would be for a person the document does not hold.

    Examples
    --------
    >>> def run(leave_out):
    ...     checker = Checker("house.json", leave_out={path for _, path in leave_out})
    ...     doc = {"persons": [{"name": "A"}, {"name": 3}]}
    ...     records = checker.records(doc, "persons", "", "person")
    ...     for path, record in records:
    ...         checker.text(record, "name", path)
    ...     raise_problems([checker])
    ...     landscape = make_landscape(["house.json"])
    ...     return ImportResult(landscape=landscape, report=ImportReport(format="popolo"))
    >>> result = import_leniently(run)
    >>> print(*result.report.skipped)
    house.json: persons[1]: name: expected text, got 3
    """
    leave_out: set[tuple[str, str]] = set()
    reasons: dict[tuple[str, str], list[str]] = {}
    while True:
        try:
            result = run(frozenset(leave_out))
        except LoadError as error:
            found: dict[tuple[str, str], list[str]] = {}
            for problem in error.problems:
                where = record_path(problem.path)
                if where is None:
                    raise
                inside = problem.path[len(where) :].lstrip(".") or "(the record)"
                found.setdefault((problem.file or "", where), []).append(
                    f"{inside}: {problem.message}"
                )
            if not found.keys() - leave_out:
                raise
            for key, messages in found.items():
                if key not in leave_out:
                    leave_out.add(key)
                    reasons[key] = messages
            continue
        skipped = tuple(
            SkippedRecord(file=Path(file).name, path=path, reasons=tuple(unique(messages)))
            for (file, path), messages in reasons.items()
        )
        return evolve(result, report=evolve(result.report, skipped=skipped))

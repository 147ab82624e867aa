"""What an import gives back: the landscape, and a report of what could not be mapped.

Examples
--------
Each category of unmapped data keeps at most :data:`MAX_EXAMPLES` examples:

>>> from democratie.importers._common import ReportBuilder
>>> builder = ReportBuilder("ori", ["heerde_persons.json"])
>>> for n in range(8):
...     builder.skip("person.gender", "gender", f"persons[{n}].gender")
>>> item = builder.build().category("person.gender")
>>> item.count, len(item.examples) == MAX_EXAMPLES
(8, True)
"""

from __future__ import annotations

from collections.abc import Iterator

from attrs import frozen

from democratie.model import Landscape

__all__ = ["MAX_EXAMPLES", "ImportReport", "ImportResult", "SkippedRecord", "Unmapped"]

#: How many examples the report keeps per category.
MAX_EXAMPLES = 5


@frozen(kw_only=True)
class Unmapped:
    """One kind of source data that has no place in the model, with how often it occurred.

    Parameters
    ----------
    category
        A stable, machine-readable name: ``"person.gender"``, ``"role.text"``,
        ``"document.events"``.
    description
        What the data is and what became of it, in words.
    count
        How many times it occurred in the source.
    examples
        Up to :data:`MAX_EXAMPLES` places where it occurred (file, JSON path
        and, where it helps, the value), in document order.

    Examples
    --------
    >>> item = Unmapped(category="person.gender", description="gender (no field for it)",
    ...                 count=2, examples=("a.json: persons[0].gender",))
    >>> print(item)
    person.gender (2): gender (no field for it)
        a.json: persons[0].gender
        ... and 1 more
    """

    category: str
    description: str
    count: int
    examples: tuple[str, ...] = ()

    def __str__(self) -> str:
        lines = [f"{self.category} ({self.count}): {self.description}"]
        lines.extend(f"    {example}" for example in self.examples)
        if self.count > len(self.examples) and self.examples:
            lines.append(f"    ... and {self.count - len(self.examples)} more")
        return "\n".join(lines)


@frozen(kw_only=True)
class SkippedRecord:
    """A record a lenient import passed over, with where it is and every reason why.

    Parameters
    ----------
    file
        The name of the file (or document) that holds it.
    path
        Its JSON path in that document: ``memberships[12]``,
        ``persons[3].memberships[0]``.
    reasons
        The problems found in it, each located inside the record.

    Examples
    --------
    >>> item = SkippedRecord(file="house.json", path="memberships[1]",
    ...                      reasons=("end: the end (2009-01-01) comes before the start "
    ...                               "(2010-01-01)",))
    >>> print(item)
    house.json: memberships[1]: end: the end (2009-01-01) comes before the start (2010-01-01)
    """

    file: str
    path: str
    reasons: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.file}: {self.path}: {'; '.join(self.reasons)}"


@frozen(kw_only=True)
class ImportReport:
    """What an importer did with its input: the choices it made and what it left out.

    An importer never drops data silently: everything in the source that has no
    place in the model is counted here, per category, with examples.

    Parameters
    ----------
    format
        The importer's format name (``"ori"``, ``"popolo"``).
    sources
        The files read (or the names given to the documents), in order.
    notes
        Decisions a reader should know about: how the municipality was matched,
        where a seat count came from, which records were merged.
    unmapped
        The source data that was not carried into the landscape, per category.
    skipped
        The bad records a lenient import (``skip_bad_records=True``) passed over, each
        with its place and why; empty for a strict import, which refuses them.

    Examples
    --------
    >>> report = ImportReport(format="ori", sources=("heerde_persons.json",),
    ...                       notes=("seats counted from the data",))
    >>> report.unmapped_count, report.category("person.gender") is None
    (0, True)
    >>> print(report)
    Imported heerde_persons.json (ori)
    Decisions:
      - seats counted from the data
    Everything in the source was mapped.
    """

    format: str
    sources: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    unmapped: tuple[Unmapped, ...] = ()
    skipped: tuple[SkippedRecord, ...] = ()

    @property
    def unmapped_count(self) -> int:
        """The number of source items left out, over all categories."""
        return sum(item.count for item in self.unmapped)

    def category(self, name: str) -> Unmapped | None:
        """Return the entry of one category, or None when nothing fell in it."""
        for item in self.unmapped:
            if item.category == name:
                return item
        return None

    def categories(self) -> tuple[str, ...]:
        """The names of the categories with unmapped data, in the order they were met."""
        return tuple(item.category for item in self.unmapped)

    def __iter__(self) -> Iterator[Unmapped]:
        return iter(self.unmapped)

    def __str__(self) -> str:
        lines = [f"Imported {', '.join(self.sources) or 'a document'} ({self.format})"]
        if self.notes:
            lines.append("Decisions:")
            lines.extend(f"  - {note}" for note in self.notes)
        if self.skipped:
            lines.append(f"Skipped {len(self.skipped)} bad records:")
            lines.extend(f"  - {item}" for item in self.skipped)
        if not self.unmapped:
            lines.append("Everything in the source was mapped.")
        else:
            lines.append(
                f"Not mapped ({self.unmapped_count} items in {len(self.unmapped)} categories):"
            )
            for item in self.unmapped:
                lines.extend(f"  {line}" for line in str(item).splitlines())
        return "\n".join(lines)


@frozen(kw_only=True)
class ImportResult:
    """A landscape read from another format, and the report of how it was read.

    Parameters
    ----------
    landscape
        The checked landscape; its ``sources`` name the files it came from.
    report
        What was decided and what could not be mapped.

    Examples
    --------
    >>> from democratie.importers import import_ori
    >>> council = {"id": "raad", "classification": "Council",
    ...            "name": "Gemeente Heerde (Heerde) (GLD)"}
    >>> persons = {"persons": [{"id": "p1", "name": "Dhr. J. Tuinman", "gender": "male",
    ...     "memberships": [{"organisation_id": "raad", "role": "Raadslid",
    ...                      "organisation": council}]}]}
    >>> result = import_ori(persons)
    >>> [person.name for person in result.landscape.people]
    ['Dhr. J. Tuinman']
    >>> result.report.categories()
    ('person.gender', 'council.name')
    """

    landscape: Landscape
    report: ImportReport

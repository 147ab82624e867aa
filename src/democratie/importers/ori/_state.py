"""The state of one Open Raadsinformatie import, while the landscape is built.

What the reading found (the organisations by source id, the two files' checkers and the
report) and what building hands out on the way (ids, the faction of each party and the
organisation of each committee, where the council is in the data).
"""

from __future__ import annotations

from collections.abc import Sequence

from democratie.importers._common import Checker, IdPool, ReportBuilder
from democratie.importers.ori._read import OrgRecord

__all__ = ["State", "count_of"]


class State:
    """What building an Open Raadsinformatie landscape shares between its steps.

    Parameters
    ----------
    report
        The report of the import.
    orgs
        Every organisation read, by its source id.
    persons, organisations
        The checkers of the two files.
    sources
        The names of the files read.

    Examples
    --------
    >>> from democratie.importers._common import Checker, ReportBuilder
    >>> report = ReportBuilder("ori", ["heerde_persons.json"])
    >>> state = State(report, {}, Checker("heerde_persons.json"), Checker("o.json"),
    ...               ["heerde_persons.json"])
    >>> state.pool.take("cda", fallback="x"), state.council_place[1]
    ('cda', 'organisations')
    """

    def __init__(
        self,
        report: ReportBuilder,
        orgs: dict[str, OrgRecord],
        persons: Checker,
        organisations: Checker,
        sources: Sequence[str],
    ) -> None:
        self.report = report
        self.orgs = orgs
        self.persons = persons
        self.organisations = organisations
        self.sources = sources
        self.pool = IdPool(report)
        self.factions: dict[str, str] = {}
        self.committees: dict[str, str] = {}
        #: Where the council is in the data, for problems with its seats.
        self.council_place: tuple[Checker, str] = (organisations, "organisations")


def count_of(number: int, noun: str, plural: str | None = None) -> str:
    """``1 council committee`` or ``3 council committees``.

    Examples
    --------
    >>> count_of(1, "council committee"), count_of(3, "person", "people")
    ('1 council committee', '3 people')
    """
    return f"1 {noun}" if number == 1 else f"{number} {plural or noun + 's'}"

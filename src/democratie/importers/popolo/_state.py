"""The records read from a Popolo document, and the state of one import.

Reading (:mod:`._read`) turns the document's lists into the plain records here, checked
for structure; building (:mod:`._build` and the modules it calls) turns them into model
objects. A :class:`State` holds what both share: the records by source id, the ids
handed out, the factions made so far, the problems found and the report.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from attrs import frozen

from democratie.importers._common import (
    Checker,
    IdPool,
    ReportBuilder,
    describe,
    is_empty,
)
from democratie.importers.popolo._tables import FORMAT, Kind
from democratie.model import ContactDetail, Faction, Identifier
from democratie.model._checks import ID_PATTERN
from democratie.vocab import ActorKind

__all__ = [
    "AreaRecord",
    "MembershipRecord",
    "OrgRecord",
    "PersonRecord",
    "PostRecord",
    "State",
    "TermRecord",
]


@frozen(kw_only=True)
class OrgRecord:
    """An organization of the document, classified.

    Examples
    --------
    >>> council = OrgRecord(id="c", own=Identifier(scheme="popolo", identifier="c"),
    ...                     name="Raad", kind="council", actor=None, placeholder=False,
    ...                     classification="council", parent=None, area=None,
    ...                     description=None, identifiers=(), contact=(),
    ...                     path="organizations[0]")
    >>> council.kind
    'council'
    """

    id: str
    own: Identifier
    name: str | None
    kind: Kind
    actor: ActorKind | None
    placeholder: bool
    classification: str | None
    parent: str | None
    area: str | None
    description: str | None
    identifiers: tuple[Identifier, ...]
    contact: tuple[ContactDetail, ...]
    path: str
    #: A party that stands for "sits for no party" (Independent, Unaligned, ``-``).
    independent: bool = False
    #: The seats of a legislature, as the document gives them.
    seats: int | None = None


@frozen(kw_only=True)
class TermRecord:
    """A term of a legislature (an event classified ``legislative period``), with its dates.

    Examples
    --------
    >>> TermRecord(id="term/45", start="2016-08-30", end="2019-04-11", path="events[0]").end
    '2019-04-11'
    """

    id: str
    start: str | None
    end: str | None
    path: str


@frozen(kw_only=True)
class PersonRecord:
    """A person of the document, with the identifiers and contact details it gives.

    Examples
    --------
    >>> PersonRecord(id="p1", name="A. de Vries", contact=(), identifiers=(),
    ...              path="persons[0]").name
    'A. de Vries'
    """

    id: str
    name: str
    contact: tuple[ContactDetail, ...]
    identifiers: tuple[Identifier, ...]
    path: str


@frozen(kw_only=True)
class AreaRecord:
    """An area of the document, with its parent's id as the document gives it.

    Examples
    --------
    >>> AreaRecord(id="w1", own=Identifier(scheme="popolo", identifier="w1"), name="Noord",
    ...            classification="ward", identifier=None, parent="gm", path="areas[0]").parent
    'gm'
    """

    id: str
    own: Identifier
    name: str
    classification: str | None
    identifier: str | None
    parent: str | None
    path: str


@frozen(kw_only=True)
class PostRecord:
    """A post of the document: the organization, area, role and label it lends memberships.

    Examples
    --------
    >>> PostRecord(id="s1", organisation="c", area="w1", role="councillor", label=None).area
    'w1'
    """

    id: str
    organisation: str | None
    area: str | None
    role: str | None
    label: str | None


@frozen(kw_only=True)
class MembershipRecord:
    """A membership of the document, at the top level or inside a person or organization.

    Examples
    --------
    >>> membership = MembershipRecord(
    ...     person="p1", member=None, organisation="c", post=None, on_behalf_of="cda",
    ...     area=None, role="councillor", label=None, start=None, end=None,
    ...     identifiers=(), path="memberships[0]")
    >>> membership.on_behalf_of
    'cda'
    """

    person: str | None
    member: str | None
    organisation: str | None
    post: str | None
    on_behalf_of: str | None
    area: str | None
    role: str | None
    label: str | None
    start: str | None
    end: str | None
    identifiers: tuple[Identifier, ...]
    path: str
    #: The id of the term (``legislative_period_id``) the membership belongs to.
    term: str | None = None


class State:
    """The state of one Popolo import: records by source id, ids handed out, the report.

    Parameters
    ----------
    data
        The parsed document.
    source
        Its name, for problems and the report.
    leave_out
        The paths of records to pass over (see :class:`~democratie.importers._common.Checker`).

    Examples
    --------
    >>> state = State({"persons": []}, "council.json")
    >>> state.take("legislature/brisbane", fallback="council"), state.take("p1", fallback="x")
    ('legislature-brisbane', 'p1')
    >>> state.take("p1", fallback="x")
    'p1-2'
    >>> state.skip("document.events", "events", "events[0]")
    >>> state.report.build().categories()
    ('document.events',)
    """

    def __init__(self, data: object, source: str, leave_out: frozenset[str] = frozenset()) -> None:
        self.data = data
        self.source = source
        self.name = Path(source).name
        self.check = Checker(source, leave_out=leave_out)
        self.report = ReportBuilder(FORMAT, [self.name])
        self.pool = IdPool(self.report)
        self.orgs: dict[str, OrgRecord] = {}
        self.areas: dict[str, AreaRecord] = {}
        self.posts: dict[str, PostRecord] = {}
        self.terms: dict[str, TermRecord] = {}
        self.ids: dict[tuple[str, str], str] = {}
        self.taken: set[str] = set()
        self.factions: dict[tuple[str, str], Faction] = {}

    def take(self, wanted: str, *, fallback: str) -> str:
        """An id for a record: its own id when that is a free model id, else a slug of it."""
        if ID_PATTERN.fullmatch(wanted) is not None and wanted not in self.taken:
            self.reserve(wanted)
            return wanted
        own = self.pool.take(wanted, fallback=fallback)
        self.taken.add(own)
        return own

    def reserve(self, *ids: str) -> None:
        """Mark ids as taken (the ``-raad`` and ``-college`` ids of a council)."""
        self.pool.reserve(*ids)
        self.taken.update(ids)

    def skip(self, category: str, why: str, path: str, value: object = None) -> None:
        """Count data left out in *category*, at *path* of the document (with its value)."""
        shown = "" if value is None else f" = {describe(value)}"
        self.report.skip(category, why, f"{self.name}: {path}{shown}")

    def extra(
        self, thing: str, record: Mapping[str, Any], path: str, known: frozenset[str]
    ) -> None:
        """Count every non-empty key of *record* that is not *known* as left out."""
        for key, value in record.items():
            if key not in known and not is_empty(value):
                self.skip(
                    f"{thing}.{key}",
                    f"the '{key}' of {'an' if thing[0] in 'aeio' else 'a'} {thing}; the model "
                    "has no place for it",
                    f"{path}.{key}",
                    value if not isinstance(value, (dict, list)) else None,
                )

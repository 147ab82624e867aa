"""Networks of municipalities or organisations, and meetings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from attrs import Factory, frozen

from democratie.errors import Problem
from democratie.model._checks import (
    check_count,
    check_id,
    check_ids,
    check_text,
    coerce_terms,
    raise_problems,
)
from democratie.model._common import Identifier, Period
from democratie.vocab import MeetingKind, NetworkKind

__all__ = ["Meeting", "Network"]


@frozen(kw_only=True)
class Meeting:
    """A meeting of a network or an initiative: a kick-off, an intake, a regional session.

    Parameters
    ----------
    id
        Unique in the landscape.
    title
        What the meeting is called.
    kind
        startbijeenkomst, intake, regionale_bijeenkomst, slotbijeenkomst, ...
    date
        The day, when known.
    when
        The timing in words when there is no exact date ("eind juni 2020").
    host
        The id of the host (a gastgemeente, say); None while nobody hosts it yet.
    location
        Where it takes place.
    attendees
        Ids of the municipalities, organisations or people who attended.
    attendance
        How many people attended.
    themes
        What it was about.
    held
        Whether it took place (False for one still planned, None when unknown).

    Examples
    --------
    >>> import datetime as dt
    >>> from democratie.vocab import MeetingKind
    >>> m = Meeting(id="kick-off", title="Kick-off", kind=MeetingKind.STARTBIJEENKOMST,
    ...             date=dt.date(2020, 2, 4), attendance=24)
    >>> m.attendance
    24
    """

    id: str
    title: str
    kind: MeetingKind
    date: dt.date | None = None
    when: str | None = None
    host: str | None = None
    location: str | None = None
    attendees: tuple[str, ...] = ()
    attendance: int | None = None
    themes: tuple[str, ...] = ()
    held: bool | None = None

    def __attrs_post_init__(self) -> None:
        coerce_terms(self)
        raise_problems(self._check())

    def _check(self) -> Iterator[Problem]:
        yield from check_id(self.id, "id")
        yield from check_text(self.title, "title")
        yield from check_text(self.when, "when", required=False)
        yield from check_text(self.location, "location", required=False)
        if self.host is not None:
            yield from check_id(self.host, "host")
        yield from check_ids(self.attendees, "attendees")
        yield from check_count(self.attendance, "attendance", maximum=1_000_000)
        for index, theme in enumerate(self.themes):
            yield from check_text(theme, f"themes[{index}]")


@frozen(kw_only=True)
class Network:
    """A network of municipalities or organisations.

    M50, a regional learning group of Democratie in Actie, a wijk network, the
    internal network of a municipal organisation.

    Parameters
    ----------
    id
        Unique in the landscape.
    name
        Its name.
    kind
        vereniging, netwerk_van_gemeenten, regionaal_leernetwerk, leerkring, ...
    members
        Ids of the member municipalities, organisations or people.
    themes
        What the network works on.
    meetings
        Its meetings, held and planned.
    parent
        The id of the network it is part of (a learning circle within M50).
    initiative
        The id of the initiative this network was formed for (a learning group composed
        for a trajectory).
    coordinators
        Ids of who runs it.
    period
        When it exists.
    description
        A short description.
    identifiers
        Ids in other systems.

    Examples
    --------
    >>> from democratie.vocab import NetworkKind
    >>> group = Network(id="leergroep-noord", name="Leergroep Noord",
    ...                 kind=NetworkKind.REGIONAAL_LEERNETWERK, initiative="dia-traject")
    >>> group.initiative
    'dia-traject'
    """

    id: str
    name: str
    kind: NetworkKind
    members: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    parent: str | None = None
    initiative: str | None = None
    coordinators: tuple[str, ...] = ()
    period: Period = Factory(Period)
    description: str | None = None
    identifiers: tuple[Identifier, ...] = ()

    def __attrs_post_init__(self) -> None:
        coerce_terms(self)
        raise_problems(self._check())

    def _check(self) -> Iterator[Problem]:
        yield from check_id(self.id, "id")
        yield from check_text(self.name, "name")
        yield from check_ids(self.members, "members")
        yield from check_ids(self.coordinators, "coordinators")
        for index, theme in enumerate(self.themes):
            yield from check_text(theme, f"themes[{index}]")
        if self.parent is not None:
            yield from check_id(self.parent, "parent")
            if self.parent == self.id:
                yield Problem(path="parent", message="a network cannot be part of itself")
        if self.initiative is not None:
            yield from check_id(self.initiative, "initiative")
        yield from check_text(self.description, "description", multiline=True, required=False)

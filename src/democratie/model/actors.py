"""People, organisations, and the roles they hold."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from attrs import Factory, field, frozen

from democratie.errors import Problem
from democratie.model._checks import (
    check_id,
    check_ids,
    check_text,
    check_unique,
    coerce_terms,
    raise_problems,
)
from democratie.model._common import Assessment, ContactDetail, Identifier
from democratie.vocab import (
    DEFAULT_SECTORS,
    ActorKind,
    PolicyDomain,
    QuestionTheme,
    RoleKind,
    Sector,
)

__all__ = ["Organisation", "Person", "Role"]


@frozen(kw_only=True)
class Person:
    """A person: a council member, a civil servant, a resident, a workshop leader.

    Only put real people in a landscape, as the sources name them.

    Parameters
    ----------
    id
        Unique in the landscape.
    name
        The name as the source gives it.
    contact
        E-mail addresses, phone numbers; private by default, left out of exports
        unless asked for.
    assessment
        How this person stands in the krachtenveld.
    expertise
        The themes on which this person can advise, as a change officer
        (veranderambtenaar) in a pool.
    identifiers
        Ids in other systems.

    Examples
    --------
    >>> from democratie.vocab import QuestionTheme
    >>> person = Person(id="p-ilse", name="Ilse", expertise=("hr_beleid", "lerende_organisatie"))
    >>> QuestionTheme.LERENDE_ORGANISATIE in person.expertise
    True
    """

    id: str
    name: str
    contact: tuple[ContactDetail, ...] = ()
    assessment: Assessment | None = None
    expertise: tuple[QuestionTheme, ...] = ()
    identifiers: tuple[Identifier, ...] = ()

    def __attrs_post_init__(self) -> None:
        coerce_terms(self)
        raise_problems(
            [
                *check_id(self.id, "id"),
                *check_text(self.name, "name"),
                *check_unique(self.expertise, "expertise"),
            ]
        )


def _default_sector(self: Organisation) -> Sector:
    # The kind may still be a slug here (it is made a member after __init__).
    kind: object = self.kind
    member = ActorKind.__members__.get(str(getattr(kind, "value", kind)).upper())
    return DEFAULT_SECTORS[member] if member is not None else Sector.MAATSCHAPPIJ


@frozen(kw_only=True)
class Organisation:
    """An organisation: civil society, a business, a resident group, a network organisation.

    Parameters
    ----------
    id
        Unique in the landscape.
    name
        Its name.
    kind
        What sort of organisation it is.
    sector
        overheid, maatschappij, markt or inwoners; defaults to the usual sector of
        its kind (:data:`democratie.vocab.DEFAULT_SECTORS`).
    municipality
        The id of the municipality it belongs to or works in, if one.
    areas
        Ids of the areas it works in.
    parent
        The id of the organisation it is part of.
    description
        A short description.
    contact
        Ways to reach it; private by default.
    assessment
        How it stands in the krachtenveld.
    identifiers
        Ids in other systems.

    Examples
    --------
    >>> from democratie.vocab import ActorKind
    >>> Organisation(id="vng", name="VNG", kind=ActorKind.VERENIGING).sector.value
    'maatschappij'
    """

    id: str
    name: str
    kind: ActorKind
    sector: Sector = field(default=Factory(_default_sector, takes_self=True))
    municipality: str | None = None
    areas: tuple[str, ...] = ()
    parent: str | None = None
    description: str | None = None
    contact: tuple[ContactDetail, ...] = ()
    assessment: Assessment | None = None
    identifiers: tuple[Identifier, ...] = ()

    def __attrs_post_init__(self) -> None:
        coerce_terms(self)
        raise_problems(self._check())

    def _check(self) -> Iterator[Problem]:
        yield from check_id(self.id, "id")
        yield from check_text(self.name, "name")
        if self.municipality is not None:
            yield from check_id(self.municipality, "municipality")
        if self.parent is not None:
            yield from check_id(self.parent, "parent")
            if self.parent == self.id:
                yield Problem(path="parent", message="an organisation cannot be part of itself")
        yield from check_ids(self.areas, "areas")
        yield from check_text(self.description, "description", multiline=True, required=False)


@frozen(kw_only=True)
class Role:
    """Who holds which role where, from when to when, on behalf of whom.

    Modelled on Popolo's Membership: a person (or organisation) *holder* holds a
    role of *kind* at a body (*at*: a municipality, council, college, faction,
    organisation, initiative or network), possibly *on behalf of* a faction or
    organisation.

    Parameters
    ----------
    holder
        The id of the person or organisation.
    kind
        The role (raadslid, wethouder, projectleider, kartrekker, ...).
    at
        The id of the body, initiative or network where the role is held.
    on_behalf_of
        The id of the faction or organisation the holder represents there.
    title
        The title as the source gives it ("Senior projectleider").
    start, end
        When the role began and ended.
    portfolio
        The portfolios of a wethouder or portefeuillehouder, as titled.
    domains
        Policy domains the role covers.
    id
        An id, when other entities need to refer to this role.
    identifiers
        Ids in other systems.

    Examples
    --------
    >>> from democratie.vocab import RoleKind
    >>> Role(holder="p-jeroen-joon", kind=RoleKind.RAADSLID, at="overbetuwe-raad").kind.label_nl
    'Raadslid'
    """

    holder: str
    kind: RoleKind
    at: str | None = None
    on_behalf_of: str | None = None
    title: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    portfolio: tuple[str, ...] = ()
    domains: tuple[PolicyDomain, ...] = ()
    id: str | None = None
    identifiers: tuple[Identifier, ...] = ()

    def __attrs_post_init__(self) -> None:
        coerce_terms(self)
        raise_problems(self._check())

    def _check(self) -> Iterator[Problem]:
        if self.id is not None:
            yield from check_id(self.id, "id")
        yield from check_id(self.holder, "holder")
        for name in ("at", "on_behalf_of"):
            value = getattr(self, name)
            if value is not None:
                yield from check_id(value, name)
        yield from check_text(self.title, "title", required=False)
        for index, item in enumerate(self.portfolio):
            yield from check_text(item, f"portfolio[{index}]")
        if self.start is not None and self.end is not None and self.end < self.start:
            yield Problem(
                path="end",
                message=f"the end ({self.end}) comes before the start ({self.start})",
            )

    def active_on(self, day: dt.date) -> bool:
        """Tell whether the role was held on *day* (open ends reach forever)."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

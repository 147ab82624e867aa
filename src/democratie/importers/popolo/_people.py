"""Persons become people, and memberships the roles they hold where their office sits.

A membership's role text is read onto a role kind (councillor -> raadslid, alderman ->
wethouder, ...; else ``lid`` with the text as title). A membership of a council is placed
by :func:`democratie.importers._placement.place_role`: on behalf of the faction its party
has in that council, at an area of the municipality when the role is no office and names
one, else where the office sits. A membership of another organization is held there.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from democratie.importers._common import normalise, parse_date, read_role
from democratie.importers._placement import drop_repeats, place_role
from democratie.importers.popolo._councils import party_faction
from democratie.importers.popolo._state import (
    MembershipRecord,
    OrgRecord,
    PersonRecord,
    PostRecord,
    State,
)
from democratie.importers.popolo._tables import ROLE_TEXTS
from democratie.model import Municipality, Person, Role
from democratie.vocab import RoleKind

__all__ = ["build_people", "build_roles"]


def build_people(state: State, drafts: list[PersonRecord]) -> tuple[list[Person], dict[str, str]]:
    """Make the people, in document order, and say which id each source id became.

    Examples
    --------
    >>> state = State({}, "council.json")
    >>> drafts = [PersonRecord(id=source, name="A. Jansen", contact=(), identifiers=(),
    ...                        path=f"persons[{n}]") for n, source in enumerate(["p/1", "p1"])]
    >>> people, ids = build_people(state, drafts)
    >>> [person.id for person in people], ids
    (['p-1', 'p1'], {'p/1': 'p-1', 'p1': 'p1'})
    """
    people: list[Person] = []
    person_ids: dict[str, str] = {}
    for draft in drafts:
        person = state.check.build(
            draft.path,
            Person,
            id=state.take(draft.id, fallback=draft.name),
            name=draft.name,
            contact=draft.contact,
            identifiers=draft.identifiers,
        )
        if person is not None:
            people.append(person)
            person_ids[draft.id] = person.id
    return people, person_ids


def build_roles(
    state: State,
    memberships: list[MembershipRecord],
    people: Mapping[str, str],
    municipalities: Mapping[str, Municipality],
    places: Mapping[str, str],
) -> list[Role]:
    """Make the role of every membership that has a place, each kept once.

    Parameters
    ----------
    state
        The import, with every id handed out.
    memberships
        Every membership of the document, in order.
    people
        The id each person's source id became.
    municipalities
        The municipalities made, by the id of their council in the document.
    places
        The id of every area placed in a municipality, with the municipality's id.

    Examples
    --------
    >>> from democratie.importers.popolo._build import _take_ids
    >>> from democratie.importers.popolo._councils import build_municipalities
    >>> from democratie.importers.popolo._read import read_document
    >>> doc = {"persons": [{"id": "p1", "name": "A. Jansen"}],
    ...        "organizations": [{"id": "raad", "name": "Raad", "classification": "council"},
    ...                          {"id": "cda", "name": "CDA", "classification": "party"}],
    ...        "memberships": [{"person_id": "p1", "organization_id": "raad",
    ...                         "role": role, "on_behalf_of_id": "cda"}
    ...                        for role in ("councillor", "group leader", "councillor")]}
    >>> state = State(doc, "council.json")
    >>> people, memberships, _ = read_document(state)
    >>> _take_ids(state)
    >>> _, ids = build_people(state, people)
    >>> municipalities = build_municipalities(state, memberships)
    >>> [(r.kind.value, r.at, r.on_behalf_of)
    ...  for r in build_roles(state, memberships, ids, municipalities, {})]
    [('raadslid', 'raad-raad', 'raad-cda'), ('fractievoorzitter', 'raad-cda', None)]
    >>> state.report.build().category("membership.repeated").count
    1
    """
    roles: list[Role] = []
    for membership in memberships:
        role = _role(state, membership, people, municipalities, places)
        if role is not None:
            roles.append(role)
    kept, repeated = drop_repeats(roles)
    for role, extra in repeated:
        state.report.skip(
            "membership.repeated",
            "memberships that repeat another one exactly; kept once",
            f"{state.name}: {role.holder} {role.kind.value} at {role.at}",
            count=extra,
        )
    return kept


def _holder(state: State, membership: MembershipRecord, people: Mapping[str, str]) -> str | None:
    """The person, or the organisation, that holds the membership."""
    path = membership.path
    if membership.person is None and membership.member is not None:
        org = state.orgs.get(membership.member)
        own = state.ids.get(("org", membership.member))
        if org is not None and own is not None and org.kind in {"party", "organisation"}:
            return own
        state.skip(
            "membership.member",
            "memberships of an organization that holds no role in the model (one that was "
            "not imported, a council or a faction); not imported",
            f"{path}.member",
            membership.member,
        )
        return None
    holder = people.get(membership.person or "")
    if holder is None:
        state.skip(
            "membership.person",
            "memberships of a person who is not in the document; not imported",
            f"{path}.person_id",
            membership.person,
        )
    return holder


def _role(
    state: State,
    membership: MembershipRecord,
    people: Mapping[str, str],
    municipalities: Mapping[str, Municipality],
    places: Mapping[str, str],
) -> Role | None:
    path = membership.path
    post = state.posts.get(membership.post or "")
    if membership.post is not None and post is None:
        state.skip(
            "membership.post_id",
            "posts that memberships name but the document does not hold",
            f"{path}.post_id",
            membership.post,
        )
    org_id = membership.organisation or (post.organisation if post else None)
    org = state.orgs.get(org_id or "")
    if org_id is not None and (
        org is None
        or ("org", org.id) not in state.ids
        or (org.kind == "council" and org.id not in municipalities)
    ):
        state.skip(
            "membership.organization",
            "memberships of an organization that was not imported (missing, unknown, or "
            "of another classification)",
            f"{path}.organization_id",
            org_id,
        )
        return None
    holder = _holder(state, membership, people)
    if holder is None:
        return None
    text = membership.role or (post.role if post else None)
    label = membership.label or (post.label if post else None)
    read = read_role(text or label, ROLE_TEXTS)
    title = read.title
    # The text as the source wrote it ("member", "councillor") is kept, unless it is the
    # Dutch name the role kind goes by: the Popolo export writes it back as it was.
    keep = read.recognised and title is None and text and not label
    if keep and normalise(text or "") != normalise(read.kind.label_nl):
        title = text
    if not read.recognised:
        state.skip(
            "role.text",
            "role texts that match no role kind; the role was imported as 'lid' with the "
            "text as its title",
            f"{path}.role",
            text or label or "(no role given)",
        )
    if text and label and normalise(label) != normalise(text):
        if title is None:
            title = label
        else:
            state.skip(
                "membership.label",
                "membership labels that differ from the role, where the role already "
                "gave the title",
                f"{path}.label",
                label,
            )
    at, on_behalf_of = _place(state, membership, post, org, read.kind, municipalities, places)
    dates: dict[str, Any] = {}
    for key, value, where in _dates(state, membership):
        if value is None:
            continue
        day = parse_date(value)
        if day is None:
            state.skip(
                "membership.date",
                "dates that are not full ISO dates (YYYY-MM-DD); the role was imported "
                "without them",
                where,
                value,
            )
        dates[key] = day
    return state.check.build(
        path,
        Role,
        holder=holder,
        kind=read.kind,
        at=at,
        on_behalf_of=on_behalf_of,
        title=title,
        identifiers=membership.identifiers,
        **dates,
    )


def _dates(state: State, membership: MembershipRecord) -> list[tuple[str, str | None, str]]:
    """The start and end of a membership, each with where it comes from.

    A membership of a term (``legislative_period_id``) without a date of its own has
    the term's: EveryPolitician gives the dates of a term once, in its event.
    """
    term = state.terms.get(membership.term or "")
    if membership.term is not None and term is None:
        state.skip(
            "membership.legislative_period_id",
            "terms (legislative periods) that memberships name but the document does not "
            "hold; the role was imported with the membership's own dates only",
            f"{membership.path}.legislative_period_id",
            membership.term,
        )
    found = []
    for key, own in (("start", membership.start), ("end", membership.end)):
        if own is not None or term is None:
            found.append((key, own, f"{membership.path}.{key}_date"))
        else:
            found.append((key, getattr(term, key), f"{term.path}.{key}_date"))
    return found


def _place(
    state: State,
    membership: MembershipRecord,
    post: PostRecord | None,
    org: OrgRecord | None,
    kind: RoleKind,
    municipalities: Mapping[str, Municipality],
    places: Mapping[str, str],
) -> tuple[str | None, str | None]:
    """Where a membership's role is held, and on behalf of what: ``(at, on_behalf_of)``."""
    on_behalf = _on_behalf_of(state, membership)
    council = org if org is not None and org.kind == "council" else None
    faction: str | None = None
    other: str | None = None
    if on_behalf is not None:
        own = state.ids["org", on_behalf.id]
        if on_behalf.kind == "faction":
            faction = own
        elif on_behalf.kind == "party" and council is not None:
            faction = party_faction(state, council.id, municipalities[council.id], on_behalf)
        else:
            other = own
    area = membership.area or (post.area if post else None)
    if council is None:
        if membership.area is not None:
            state.skip(
                "membership.area_id",
                "the area a membership represents (a ward); a role has no area",
                f"{membership.path}.area_id",
                membership.area,
            )
        at = None if org is None else state.ids["org", org.id]
        return at, faction or other
    municipality = municipalities[council.id]
    here: str | None = None
    if area is not None:
        if area == council.area:
            here = municipality.id
        elif state.ids.get(("area", area)) in places:
            here = state.ids["area", area]
    at, on_behalf_of = place_role(kind, municipality, faction, on_behalf_of=other, area=here)
    if membership.area is not None and at != here:
        state.skip(
            "membership.area_id",
            "the area a membership represents (a ward); a role has no area",
            f"{membership.path}.area_id",
            membership.area,
        )
    return at, on_behalf_of


def _on_behalf_of(state: State, membership: MembershipRecord) -> OrgRecord | None:
    if membership.on_behalf_of is None:
        return None
    org = state.orgs.get(membership.on_behalf_of)
    if org is not None and org.independent:
        state.skip(
            "membership.independent",
            "memberships on behalf of a 'party' that stands for no party (Independent, "
            "Unaligned, '-', ...): imported as roles for no faction, as an independent holds "
            "them",
            f"{membership.path}.on_behalf_of_id",
            membership.on_behalf_of,
        )
        return None
    if org is not None and org.placeholder:
        state.skip(
            "membership.party-unknown",
            "memberships on behalf of the 'unknown' placeholder party; imported without a party",
            f"{membership.path}.on_behalf_of_id",
            membership.on_behalf_of,
        )
        return None
    if org is None or ("org", org.id) not in state.ids:
        state.skip(
            "membership.on_behalf_of",
            "memberships on behalf of an organization that was not imported; imported without it",
            f"{membership.path}.on_behalf_of_id",
            membership.on_behalf_of,
        )
        return None
    return org

"""Read a Popolo document into records: its lists, organizations, areas, posts, persons.

Every structural problem is collected, located by its JSON path; every field without a
place in the model is counted in the report. Organizations, areas and posts are kept in
the :class:`~democratie.importers.popolo._state.State` by their source id; persons and the
memberships (at the top, inside persons and inside organizations) are returned in order.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from democratie.errors import LoadError
from democratie.importers._common import (
    describe,
    is_empty,
    normalise,
    parse_date,
    raise_problems,
    read_contact_details,
    read_identifiers,
    unique,
)
from democratie.importers.popolo._state import (
    AreaRecord,
    MembershipRecord,
    OrgRecord,
    PersonRecord,
    PostRecord,
    State,
    TermRecord,
)
from democratie.importers.popolo._tables import (
    AREA_KEYS,
    LISTS,
    MEMBERSHIP_KEYS,
    NOT_ORGANISATIONS,
    ORGANIZATION_KEYS,
    PERSON_KEYS,
    PLACEHOLDER_PARTIES,
    TERM_CLASSIFICATIONS,
    classify,
    is_no_party,
)
from democratie.model import Identifier

__all__ = ["own_ids", "read_document"]


def own_ids(own: Identifier, identifiers: Iterable[Identifier]) -> tuple[Identifier, ...]:
    """The record's own id as an identifier, unless it carries a Popolo identifier already.

    A record that carries one was written by a Popolo export of a landscape: that
    identifier is the id of the source it came from first, and its own id is the
    landscape's id, which the entity keeps as its id. Adding it again would give the
    entity a new identifier on every round trip.

    Examples
    --------
    >>> own = Identifier(scheme="popolo", identifier="party-labor")
    >>> first = Identifier(scheme="popolo", identifier="party/labor")
    >>> own_ids(own, [first]), own_ids(own, [Identifier(scheme="cbs", identifier="GM0503")])
    ((), (Identifier(scheme='popolo', identifier='party-labor'),))
    """
    if any(item.scheme == "popolo" for item in identifiers):
        return ()
    return (own,)


def read_document(state: State) -> tuple[list[PersonRecord], list[MembershipRecord], int]:
    """Read the document of *state*: its persons, every membership, and how many persons it lists.

    Raises
    ------
    LoadError
        With every structural problem of the document, located.

    Examples
    --------
    >>> state = State({"persons": [{"id": "p1", "name": "A", "memberships": [
    ...     {"organization_id": "c", "role": "councillor"}]}],
    ...     "organizations": [{"id": "c", "name": "Raad", "classification": "council"}]},
    ...     "council.json")
    >>> people, memberships, listed = read_document(state)
    >>> [p.id for p in people], [(m.person, m.organisation) for m in memberships], listed
    (['p1'], [('p1', 'c')], 1)
    >>> state.orgs["c"].kind
    'council'
    """
    top = state.check.record(state.data, "", "a Popolo document")
    if top is None:
        raise LoadError(state.check.problems, source=state.source)
    if not any(key in top for key in ("persons", "organizations", "memberships")):
        state.check.fail(
            "",
            "this is not a Popolo document: it has no persons, organizations or memberships list",
            code="missing-key",
        )
    for key, value in top.items():
        if key not in LISTS and not is_empty(value):
            state.skip(f"document.{key}", f"a top-level '{key}' entry, not part of Popolo", key)
    organisations = state.check.records(top, "organizations", "", "organization")
    persons = state.check.records(top, "persons", "", "person")
    memberships = state.check.records(top, "memberships", "", "membership")
    posts = state.check.records(top, "posts", "", "post")
    areas = state.check.records(top, "areas", "", "area")
    events = state.check.records(top, "events", "", "event")
    for path, record in events:
        _read_event(state, path, record)
    for path, record in organisations:
        _read_organisation(state, path, record)
    for path, record in areas:
        _read_area(state, path, record)
    for path, record in posts:
        _read_post(state, path, record)
    people, person_memberships = _read_persons(state, persons)
    all_memberships = [
        *(_read_membership(state, path, record, None, None) for path, record in memberships),
        *person_memberships,
        *(
            _read_membership(state, f"{path}.memberships[{index}]", item, None, org_id)
            for org_id, path, index, item in _inline_org_memberships(state, organisations)
        ),
    ]
    raise_problems([state.check])
    return people, all_memberships, len(persons)


def _inline_org_memberships(
    state: State, organisations: list[tuple[str, dict[str, Any]]]
) -> list[tuple[str, str, int, dict[str, Any]]]:
    found = []
    for path, record in organisations:
        org_id = record.get("id")
        items = record.get("memberships")
        if not isinstance(org_id, str) or not isinstance(items, list):
            continue
        for index, item in enumerate(items):
            if f"{path}.memberships[{index}]" in state.check.leave_out:
                continue
            checked = state.check.record(item, f"{path}.memberships[{index}]", "a membership")
            if checked is not None:
                found.append((org_id, path, index, checked))
    return found


def _read_event(state: State, path: str, record: Mapping[str, Any]) -> None:
    """Keep a legislature's term (its dates go to its memberships); report other events."""
    classification = state.check.text(record, "classification", path)
    event_id = state.check.text(record, "id", path)
    if event_id is None or normalise(classification or "") not in TERM_CLASSIFICATIONS:
        state.skip(
            "document.events",
            "events (sessions, elections); the model has no place for them",
            path,
        )
        return
    if event_id in state.terms:
        state.check.fail(
            f"{path}.id",
            f"the id '{event_id}' is already used at {state.terms[event_id].path}",
            code="duplicate-id",
        )
        return
    start = state.check.text(record, "start_date", path)
    end = state.check.text(record, "end_date", path)
    first, last = parse_date(start or ""), parse_date(end or "")
    if first is not None and last is not None and last < first:
        state.check.fail(
            f"{path}.end_date",
            f"the term ends ({end}) before it starts ({start})",
            code="invalid-value",
        )
        return
    state.terms[event_id] = TermRecord(id=event_id, start=start, end=end, path=path)


def _read_seats(state: State, path: str, record: Mapping[str, Any]) -> int | None:
    """The ``seats`` of a legislature: a whole number, at least 1."""
    value = record.get("seats")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        state.check.fail(
            f"{path}.seats",
            f"expected the number of seats (a whole number, at least 1), got {describe(value)}",
            code="invalid-value",
        )
        return None
    return value


def _read_organisation(state: State, path: str, record: Mapping[str, Any]) -> None:
    org_id = state.check.text(record, "id", path)
    name = state.check.text(record, "name", path)
    classification = state.check.text(record, "classification", path)
    kind, actor = classify(classification)
    identifiers = read_identifiers(state.check, record, path)
    description = state.check.text(record, "description", path)
    contact = read_contact_details(
        state.check, record, path, state.report, "organization.contact_details"
    )
    parent = state.check.text(record, "parent_id", path)
    area = state.check.text(record, "area_id", path)
    if org_id is None:
        state.skip(
            "organization.no-id",
            "organizations without an id: nothing can refer to them",
            path,
            name,
        )
        return
    if org_id in state.orgs:
        state.check.fail(
            f"{path}.id",
            f"the id '{org_id}' is already used at {state.orgs[org_id].path}",
            code="duplicate-id",
        )
        return
    own = state.check.source_id(f"{path}.id", "popolo", org_id)
    if own is None:
        return
    shown = f"{classification or 'unclassified'}: {name or org_id}"
    plural = NOT_ORGANISATIONS.get(normalise(classification or ""))
    if plural is not None:
        state.skip(
            f"organization.{normalise(classification or '')}",
            f"{plural}, as the democratie Popolo export writes them: the model needs their "
            "kind and details, which Popolo does not carry; they were not imported, nor "
            "the memberships of them",
            path,
            shown,
        )
    elif kind == "other":
        state.skip(
            "organization.classification",
            "organizations that are not a legislature or council, a party, a faction, a "
            "committee, commission or executive, nor of an organisation kind of the model "
            "(stichting, woningcorporatie, ...); they were not imported",
            path,
            shown,
        )
    elif name is None:
        state.check.fail(f"{path}.name", "an organization needs a name", code="missing-key")
    known = set(ORGANIZATION_KEYS)
    seats = None
    if kind == "council":
        seats = _read_seats(state, path, record)
        known.add("seats")
    if kind in {"council", "faction"}:
        known.add("area_id")
    else:
        known.update({"description", "contact_details", "email", "area_id"})
    if kind != "other":
        known.add("memberships")
        state.extra("organization", record, path, frozenset(known))
    state.orgs[org_id] = OrgRecord(
        id=org_id,
        own=own,
        name=name,
        kind=kind,
        actor=actor,
        placeholder=kind == "party" and normalise(name or "") in PLACEHOLDER_PARTIES,
        independent=kind == "party" and name is not None and is_no_party(name),
        seats=seats,
        classification=classification,
        parent=parent,
        area=area,
        description=description,
        identifiers=tuple(identifiers),
        contact=tuple(contact),
        path=path,
    )


def _read_area(state: State, path: str, record: Mapping[str, Any]) -> None:
    area_id = state.check.text(record, "id", path)
    name = state.check.text(record, "name", path)
    classification = state.check.text(record, "classification", path)
    identifier = state.check.text(record, "identifier", path)
    parent = state.check.text(record, "parent_id", path)
    state.extra("area", record, path, AREA_KEYS)
    if area_id is None:
        state.skip("area.no-id", "areas without an id: nothing can refer to them", path, name)
        return
    if area_id in state.areas:
        state.check.fail(
            f"{path}.id",
            f"the id '{area_id}' is already used at {state.areas[area_id].path}",
            code="duplicate-id",
        )
        return
    own = state.check.source_id(f"{path}.id", "popolo", area_id)
    if name is None and own is not None and is_empty(record.get("name")):
        # The Popolo schema lets an area go without a name (or with an empty one); the
        # model's area needs one, so it is named after its id.
        state.skip(
            "area.name",
            "areas without a name (Popolo allows it); imported with their id as the name",
            f"{path}.name",
            area_id,
        )
        name = area_id
    if name is not None and own is not None:
        state.areas[area_id] = AreaRecord(
            id=area_id,
            own=own,
            name=name,
            classification=classification,
            identifier=identifier,
            parent=parent,
            path=path,
        )


def _read_post(state: State, path: str, record: Mapping[str, Any]) -> None:
    post_id = state.check.text(record, "id", path)
    state.skip(
        "document.posts",
        "posts (seats to be filled); the model has none: their role, label, "
        "organization and area were used for the memberships that name them",
        path,
    )
    post = PostRecord(
        id=post_id or "",
        organisation=state.check.text(record, "organization_id", path),
        area=state.check.text(record, "area_id", path),
        role=state.check.text(record, "role", path),
        label=state.check.text(record, "label", path),
    )
    if post_id is not None:
        state.posts.setdefault(post_id, post)


def _read_persons(
    state: State, persons: list[tuple[str, dict[str, Any]]]
) -> tuple[list[PersonRecord], list[MembershipRecord]]:
    people: list[PersonRecord] = []
    memberships: list[MembershipRecord] = []
    seen: dict[str, str] = {}
    for path, record in persons:
        person_id = state.check.text(record, "id", path, required=True)
        name = state.check.text(record, "name", path, required=True)
        contact = read_contact_details(
            state.check, record, path, state.report, "person.contact_details"
        )
        identifiers = read_identifiers(state.check, record, path)
        state.extra("person", record, path, PERSON_KEYS)
        for here, item in state.check.records(record, "memberships", path, "membership"):
            memberships.append(_read_membership(state, here, item, person_id, None))
        if person_id is None or name is None:
            continue
        if person_id in seen:
            state.check.fail(
                f"{path}.id",
                f"the id '{person_id}' is already used at {seen[person_id]}",
                code="duplicate-id",
            )
            continue
        seen[person_id] = path
        own = state.check.source_id(f"{path}.id", "popolo", person_id)
        if own is None:
            continue
        people.append(
            PersonRecord(
                id=person_id,
                name=name,
                contact=tuple(contact),
                identifiers=tuple(unique([*own_ids(own, identifiers), *identifiers])),
                path=path,
            )
        )
    return people, memberships


def _read_membership(
    state: State,
    path: str,
    record: Mapping[str, Any],
    person: str | None,
    organisation: str | None,
) -> MembershipRecord:
    text = state.check.text
    known = MEMBERSHIP_KEYS | {"area_id", "member"}
    state.extra("membership", record, path, known)
    member = None
    if record.get("member") is not None:
        found = state.check.record(record["member"], f"{path}.member", "a member")
        if found is not None:
            kind = normalise(text(found, "@type", f"{path}.member") or "")
            member_id = text(found, "id", f"{path}.member")
            if kind == "person":
                person = person or member_id
            else:
                member = member_id
    own_id = text(record, "id", path)
    own = None if own_id is None else state.check.source_id(f"{path}.id", "popolo", own_id)
    return MembershipRecord(
        person=text(record, "person_id", path) or person,
        member=member,
        organisation=text(record, "organization_id", path) or organisation,
        post=text(record, "post_id", path),
        on_behalf_of=text(record, "on_behalf_of_id", path),
        area=text(record, "area_id", path),
        role=text(record, "role", path),
        label=text(record, "label", path),
        start=text(record, "start_date", path),
        end=text(record, "end_date", path),
        identifiers=() if own is None else (own,),
        path=path,
        term=text(record, "legislative_period_id", path),
    )

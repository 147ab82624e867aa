"""Parties, bodies and organisations of the model's kinds become organisations.

A party becomes an organisation of kind ``politieke_partij``; a committee, commission or
executive one of kind ``overheidsorganisatie``; an organization classified by the slug of
an actor kind one of that kind. Its ``parent_id`` places it in a council's municipality
or in another organisation, and its ``area_id``, when that is an imported area, is an
area it works in.
"""

from __future__ import annotations

from collections.abc import Mapping

from democratie.importers._common import unique
from democratie.importers.popolo._read import own_ids
from democratie.importers.popolo._state import State
from democratie.model import Municipality, Organisation

__all__ = ["build_organisations"]


def build_organisations(
    state: State, municipalities: Mapping[str, Municipality], places: Mapping[str, str]
) -> list[Organisation]:
    """Make the organisations of the document, in document order.

    Parameters
    ----------
    state
        The import, with every id handed out.
    municipalities
        The municipalities made, by the id of their council in the document.
    places
        The id of every area placed in a municipality, with the municipality's id.

    Examples
    --------
    >>> from democratie.importers.popolo._build import _take_ids
    >>> from democratie.importers.popolo._read import read_document
    >>> doc = {"organizations": [
    ...     {"id": "raad", "name": "Raad", "classification": "council"},
    ...     {"id": "sw", "name": "Stichting Wijk", "classification": "stichting",
    ...      "parent_id": "raad", "area_id": "elders"}]}
    >>> state = State(doc, "council.json")
    >>> _ = read_document(state)
    >>> _take_ids(state)
    >>> heerde = Municipality(id="raad", name="Raad")
    >>> [(o.id, o.kind.value, o.municipality) for o in build_organisations(
    ...     state, {"raad": heerde}, {})]
    [('sw', 'stichting', 'raad')]
    >>> state.report.build().categories()
    ('organization.area_id',)
    """
    made: list[Organisation] = []
    for org in state.orgs.values():
        own = state.ids.get(("org", org.id))
        if (
            org.kind not in {"party", "organisation"}
            or org.actor is None
            or own is None
            or org.name is None
        ):
            continue
        municipality = parent = None
        if org.parent is not None:
            target = state.orgs.get(org.parent)
            if org.parent in municipalities:
                municipality = municipalities[org.parent].id
            elif (
                target is not None
                and target.kind in {"party", "organisation"}
                and ("org", org.parent) in state.ids
            ):
                parent = state.ids["org", org.parent]
            else:
                state.skip(
                    "organization.parent_id",
                    "parents that are not an imported organization or council",
                    f"{org.path}.parent_id",
                    org.parent,
                )
        areas: tuple[str, ...] = ()
        if org.area is not None:
            area = state.ids.get(("area", org.area))
            if area is not None and area in places:
                areas = (area,)
            else:
                state.skip(
                    "organization.area_id",
                    "the area of an organization that is not an imported area of a municipality",
                    f"{org.path}.area_id",
                    org.area,
                )
        built = state.check.build(
            org.path,
            Organisation,
            id=own,
            name=org.name,
            kind=org.actor,
            municipality=municipality,
            areas=areas,
            parent=parent,
            description=org.description,
            contact=org.contact,
            identifiers=tuple(unique([*own_ids(org.own, org.identifiers), *org.identifiers])),
        )
        if built is not None:
            made.append(built)
    return made

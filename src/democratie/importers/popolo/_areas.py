"""Place the areas of a Popolo document in the municipalities of its councils.

Where each area goes is decided by :func:`democratie.importers._placement.place_areas`,
from the parents the areas name, the councils' own areas and the posts and memberships
that link an area to a council. This module gives it those, reports the areas that have
no place, and builds the placed trees into model areas with their levels and codes.
"""

from __future__ import annotations

from collections.abc import Mapping

from democratie.errors import Problem
from democratie.importers._common import normalise
from democratie.importers._placement import AreaPlacement, PlacedArea, place_areas
from democratie.importers.popolo._state import AreaRecord, MembershipRecord, OrgRecord, State
from democratie.importers.popolo._tables import AREA_LEVELS
from democratie.model import Area
from democratie.model.municipality import MAX_AREA_DEPTH
from democratie.vocab import AreaLevel

__all__ = ["build_area", "place_document_areas", "report_cycles"]


def place_document_areas(
    state: State, councils: Mapping[str, OrgRecord], memberships: list[MembershipRecord]
) -> AreaPlacement:
    """Place the areas of the document; report those a council's own area or no council has.

    Examples
    --------
    >>> from democratie.model import Identifier
    >>> state = State({}, "council.json")
    >>> for name in ("gm", "noord", "elders"):
    ...     state.areas[name] = AreaRecord(
    ...         id=name, own=Identifier(scheme="popolo", identifier=name), name=name.title(),
    ...         classification="ward", identifier=None, parent="gm" if name == "noord" else None,
    ...         path=f"areas[{len(state.areas)}]")
    >>> council = OrgRecord(
    ...     id="c", own=Identifier(scheme="popolo", identifier="c"), name="Raad",
    ...     kind="council", actor=None, placeholder=False, classification="council",
    ...     parent=None, area="gm", description=None, identifiers=(), contact=(),
    ...     path="organizations[0]")
    >>> placement = place_document_areas(state, {"c": council}, [])
    >>> [area.id for area in placement.trees["c"]]
    ['noord']
    >>> state.report.build().categories()
    ('area.municipality', 'area.no-municipality')
    """
    own_area = {org.area: org.id for org in councils.values() if org.area in state.areas}
    placement = place_areas(
        {area.id: area.parent for area in state.areas.values()},
        own_areas=own_area,
        links=_area_links(state, councils, memberships),
        councils=list(councils),
    )
    for area_id, why in placement.left_out:
        area = state.areas[area_id]
        if why == "own":
            state.skip(
                "area.municipality",
                "the area of a council's own municipality; the municipality stands for it "
                "(the area id is kept as an identifier of the municipality)",
                area.path,
                area.name,
            )
        else:
            state.skip(
                "area.no-municipality",
                "areas that no council links to (through its area, a parent area, a post "
                "or a membership); they were not imported",
                area.path,
                area.name,
            )
    return placement


def report_cycles(state: State, placement: AreaPlacement) -> None:
    """Report the areas that were not placed because their parents go round in a circle.

    Examples
    --------
    >>> from democratie.model import Identifier
    >>> state = State({}, "council.json")
    >>> for name, parent in (("a", "b"), ("b", "a")):
    ...     state.areas[name] = AreaRecord(
    ...         id=name, own=Identifier(scheme="popolo", identifier=name), name=name,
    ...         classification=None, identifier=None, parent=parent,
    ...         path=f"areas[{len(state.areas)}]")
    >>> report_cycles(state, AreaPlacement(trees={}, cycles=(("a", "b"), ("b", "a"))))
    >>> print(state.report.build().category("area.parent-cycle"))
    area.parent-cycle (2): areas whose parents lead round in a circle; not imported
        council.json: areas[0].parent_id = 'b'
        council.json: areas[1].parent_id = 'a'
    """
    for child, parent in placement.cycles:
        state.skip(
            "area.parent-cycle",
            "areas whose parents lead round in a circle; not imported",
            f"{state.areas[child].path}.parent_id",
            parent,
        )


def _area_links(
    state: State, councils: Mapping[str, OrgRecord], memberships: list[MembershipRecord]
) -> dict[str, set[str]]:
    """The councils each area is linked to by the posts and memberships that name both."""
    linked: dict[str, set[str]] = {}
    for membership in memberships:
        post = state.posts.get(membership.post or "")
        org_id = membership.organisation or (post.organisation if post else None)
        area_id = membership.area or (post.area if post else None)
        if org_id is not None and org_id in councils and area_id is not None:
            linked.setdefault(area_id, set()).add(org_id)
    for post in state.posts.values():
        org_id = post.organisation
        if org_id is not None and org_id in councils and post.area is not None:
            linked.setdefault(post.area, set()).add(org_id)
    return linked


def build_area(state: State, placed: PlacedArea) -> Area | None:
    """Build an area of a municipality with the areas placed below it; None if it is invalid.

    The placement nests areas at most MAX_AREA_DEPTH deep, so the recursion is
    bounded; an area it cut is a problem at its ``parent_id``.

    Examples
    --------
    >>> from democratie.model import Identifier
    >>> state = State({}, "council.json")
    >>> for name, parent in (("noord", None), ("oud", "noord")):
    ...     state.areas[name] = AreaRecord(
    ...         id=name, own=Identifier(scheme="popolo", identifier=name), name=name.title(),
    ...         classification="ward" if parent is None else "buurt", identifier=None,
    ...         parent=parent, path=f"areas[{len(state.areas)}]")
    ...     state.ids["area", name] = f"area-{name}"
    >>> noord = build_area(state, PlacedArea("noord", (PlacedArea("oud"),)))
    >>> noord.id, noord.level.value, [(a.id, a.level.value) for a in noord.areas]
    ('area-noord', 'wijk', [('area-oud', 'buurt')])
    """
    record = state.areas[placed.id]
    level, code = _area_level(state, record)
    inner = [built for child in placed.areas if (built := build_area(state, child)) is not None]
    for cut in placed.too_deep:
        _too_deep(state, state.areas[cut])
    return state.check.build(
        record.path,
        Area,
        id=state.ids["area", record.id],
        name=record.name,
        level=level,
        code=code,
        areas=tuple(inner),
        identifiers=(record.own,),
    )


def _too_deep(state: State, area: AreaRecord) -> None:
    """Refuse an area nested too deep (the placement leaves out the areas below it)."""
    state.check.problems.append(
        Problem(
            path=f"{area.path}.parent_id",
            code="too-deep",
            message=(
                f"areas nest more than {MAX_AREA_DEPTH} levels deep here, through their "
                f"parent_id; at most {MAX_AREA_DEPTH} levels are accepted"
            ),
            file=state.source,
        )
    )


def _area_level(state: State, area: AreaRecord) -> tuple[AreaLevel, str | None]:
    classification = normalise(area.classification or "")
    level = AREA_LEVELS.get(classification)
    if level is None:
        level = AreaLevel.GEBIED
        if area.classification is not None:
            state.skip(
                "area.classification",
                "area classifications without a matching level; the area was imported as a gebied",
                f"{area.path}.classification",
                area.classification,
            )
    code = area.identifier
    if code is not None:
        try:
            Area(id="x", name="x", level=level, code=code)
        except ValueError:
            state.skip(
                "area.identifier",
                "area identifiers that are not a valid code for the area's level (a wijk "
                "code looks like WK050300)",
                f"{area.path}.identifier",
                code,
            )
            code = None
    return level, code

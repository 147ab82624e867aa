"""Where imported roles and areas go in a municipality: the placement every importer shares.

Role placement. A source says that someone holds an office (raadslid, wethouder,
fractievoorzitter) in a council; the model says *where* a role is held. A role of the
municipality's government sits where its office sits: burgemeester, wethouders,
locoburgemeester and gemeentesecretaris in the college (:data:`COLLEGE_KINDS`), a
fractievoorzitter at the faction, every other office in the council, on behalf of the
faction when there is one (:func:`place_role`). A role that is none of the
:data:`OFFICES` may be held at an area of the municipality instead. The seats of the
council and of its factions follow from the raadsleden placed there
(:func:`count_seats`), and a role met twice is kept once (:func:`drop_repeats`).

Area-tree placement. A source lists areas flat, each naming its parent, in any order;
the model nests them in the municipality they belong to. :func:`place_areas` settles
each area's municipality (the council whose own area it lies under, or the one council
that posts and memberships link it to; :func:`area_homes`), nests the areas under their
parents at most :data:`~democratie.model.municipality.MAX_AREA_DEPTH` levels deep, and
says which areas have no place: a council's own area (the municipality stands for it),
an area outside any municipality, and areas whose parents go round in a circle.

Examples
--------
>>> heerde = Municipality(id="heerde", cbs_code="GM0246")
>>> place_role(RoleKind.WETHOUDER, heerde, "heerde-cda")
('heerde-college', 'heerde-cda')
>>> placement = place_areas({"wijk-1": "gm", "buurt-1": "wijk-1", "gm": None},
...                         own_areas={"gm": "raad"}, links={}, councils=["raad"])
>>> placement.trees["raad"]
(PlacedArea(id='wijk-1', areas=(PlacedArea(id='buurt-1', areas=(), too_deep=()),), too_deep=()),)
>>> placement.left_out
(('gm', 'own'),)
>>> RoleKind.RAADSLID in OFFICES, RoleKind.WETHOUDER in COLLEGE_KINDS
(True, True)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from typing import Literal

from attrs import Factory, define, evolve, frozen

from democratie.errors import ModelError
from democratie.importers._common import Checker
from democratie.model import Municipality, Role
from democratie.model.municipality import MAX_AREA_DEPTH
from democratie.vocab import RoleKind

__all__ = [
    "COLLEGE_KINDS",
    "OFFICES",
    "AreaPlacement",
    "PlacedArea",
    "area_homes",
    "count_seats",
    "drop_repeats",
    "place_areas",
    "place_role",
]

#: Roles held in the college of burgemeester and wethouders rather than in the council.
COLLEGE_KINDS: frozenset[RoleKind] = frozenset(
    {
        RoleKind.BURGEMEESTER,
        RoleKind.WAARNEMEND_BURGEMEESTER,
        RoleKind.LOCOBURGEMEESTER,
        RoleKind.WETHOUDER,
        RoleKind.GEMEENTESECRETARIS,
        RoleKind.PORTEFEUILLEHOUDER,
    }
)

#: The offices of a council and a college. A role of one of these is held in the council,
#: its college or a faction even when the source names an area for it: the area is then the
#: ward the holder represents, which a role has no place for.
OFFICES: frozenset[RoleKind] = COLLEGE_KINDS | {
    RoleKind.RAADSLID,
    RoleKind.BURGERLID,
    RoleKind.FRACTIEVOORZITTER,
    RoleKind.GRIFFIER,
}

# -- roles -------------------------------------------------------------------------------


def place_role(
    kind: RoleKind,
    municipality: Municipality,
    faction: str | None = None,
    *,
    on_behalf_of: str | None = None,
    area: str | None = None,
) -> tuple[str, str | None]:
    """Where a role held in a municipality's government sits: ``(at, on_behalf_of)``.

    Parameters
    ----------
    kind
        The role kind.
    municipality
        The municipality whose council the source names.
    faction
        The id of the faction the holder sits for, when known.
    on_behalf_of
        What else the holder acts on behalf of (an organisation, the municipality),
        used when there is no faction.
    area
        Where in the municipality the role is held when it is none of the
        :data:`OFFICES`: the id of one of its areas, or of the municipality itself.
        An office ignores it.

    Returns
    -------
    tuple of str and str or None
        A role that is no office, with an *area*, is held there. Otherwise
        burgemeester, wethouders, locoburgemeester and gemeentesecretaris sit in the
        college; a fractievoorzitter leads the faction (on behalf of nothing); every
        other role sits in the council. The faction, else *on_behalf_of*, is what
        the holder acts on behalf of.

    Examples
    --------
    >>> heerde = Municipality(id="heerde", cbs_code="GM0246")
    >>> place_role(RoleKind.WETHOUDER, heerde, "heerde-cda")
    ('heerde-college', 'heerde-cda')
    >>> place_role(RoleKind.FRACTIEVOORZITTER, heerde, "heerde-cda")
    ('heerde-cda', None)
    >>> place_role(RoleKind.FRACTIEVOORZITTER, heerde)
    ('heerde-raad', None)
    >>> place_role(RoleKind.GRIFFIER, heerde, on_behalf_of="heerde")
    ('heerde-raad', 'heerde')
    >>> place_role(RoleKind.LID, heerde, "heerde-cda", area="wijk-noord")
    ('wijk-noord', 'heerde-cda')
    >>> place_role(RoleKind.RAADSLID, heerde, area="wijk-noord")
    ('heerde-raad', None)
    """
    behalf = faction if faction is not None else on_behalf_of
    if area is not None and kind not in OFFICES:
        return area, behalf
    if kind is RoleKind.FRACTIEVOORZITTER and faction is not None:
        return faction, None
    if kind in COLLEGE_KINDS:
        return municipality.college_id, behalf
    return municipality.council_id, behalf


def drop_repeats(roles: Iterable[Role]) -> tuple[list[Role], list[tuple[Role, int]]]:
    """The roles without repeats, in their first order, and how often each repeat was left out.

    Two memberships that say exactly the same (the same holder, kind, place, party and
    dates) are one role; a source that lists it twice gets it once.

    Examples
    --------
    >>> raadslid = Role(holder="p1", kind=RoleKind.RAADSLID, at="heerde-raad")
    >>> wethouder = Role(holder="p1", kind=RoleKind.WETHOUDER, at="heerde-college")
    >>> kept, repeated = drop_repeats([raadslid, wethouder, raadslid, raadslid])
    >>> [role.kind.value for role in kept]
    ['raadslid', 'wethouder']
    >>> [(role.kind.value, extra) for role, extra in repeated]
    [('raadslid', 2)]
    """
    counts = Counter(roles)
    return list(counts), [(role, count - 1) for role, count in counts.items() if count > 1]


def count_seats(
    municipality: Municipality, roles: Iterable[Role], checker: Checker, path: str
) -> Municipality:
    """Set the seats of the council and its factions from the current raadsleden.

    A council's seats are the number of distinct people who hold a raadslid role
    without an end date at the council or one of its factions; a faction's, the
    number of those who hold it on behalf of (or at) the faction. A count of
    zero leaves the seats unknown. Seats the municipality already has are kept.

    A count the model refuses (more than 200 seats) is recorded by *checker* at
    *path*, the council's place in the document, and the municipality is
    returned as it was.

    Examples
    --------
    >>> heerde = Municipality(id="heerde", cbs_code="GM0246")
    >>> roles = [Role(holder=f"p{n}", kind=RoleKind.RAADSLID, at="heerde-raad") for n in range(3)]
    >>> count_seats(heerde, roles, Checker("heerde.json"), "organisations[0]").council.seats
    3
    >>> checker = Checker("heerde.json")
    >>> roles = [Role(holder=f"p{n}", kind=RoleKind.RAADSLID, at="heerde-raad")
    ...          for n in range(201)]
    >>> count_seats(heerde, roles, checker, "organisations[0]").council.seats is None
    True
    >>> checker.problems[0].path, checker.problems[0].code
    ('organisations[0]', 'invalid-value')
    """
    council = municipality.council
    factions = {faction.id for faction in council.factions}
    members: dict[str, set[str]] = {faction: set() for faction in factions}
    seated: set[str] = set()
    for role in roles:
        if role.kind is not RoleKind.RAADSLID or role.end is not None:
            continue
        if role.at != municipality.council_id and role.at not in factions:
            continue
        seated.add(role.holder)
        for place in (role.at, role.on_behalf_of):
            if place in members:
                members[place].add(role.holder)
    new_factions = tuple(
        evolve(faction, seats=len(members[faction.id]) or None)
        if faction.seats is None
        else faction
        for faction in council.factions
    )
    seats = council.seats if council.seats is not None else (len(seated) or None)
    try:
        return evolve(municipality, council=evolve(council, seats=seats, factions=new_factions))
    except ModelError as error:
        for problem in error.problems:
            if problem.path == "seats":
                message = (
                    f"{len(seated)} people hold a raadslid role without an end date in this "
                    f"council, so it would have {len(seated)} seats, but {problem.message}"
                )
            else:
                message = (
                    "the seats of this council's factions are counted from the people who "
                    "hold a raadslid role without an end date, and they do not fit: "
                    f"{problem.path}: {problem.message}"
                )
            checker.fail(
                path,
                f"{message}; if some of them have left, give their memberships an end date",
                code=problem.code,
            )
        return municipality


# -- areas -------------------------------------------------------------------------------


def area_homes(
    parents: Mapping[str, str | None],
    own_areas: Mapping[str, str],
    links: Mapping[str, Collection[str]],
) -> dict[str, str | None]:
    """The council each area belongs to, or None: through its parents, or by its links.

    Parameters
    ----------
    parents
        Every area by its id, with the id of its parent (None for none).
    own_areas
        The areas that are a council's own municipality, with their council.
    links
        For an area, the councils that posts and memberships link it to.

    Returns
    -------
    dict
        For every area of *parents*: the council of the first area up its chain of
        parents that is a council's own area; else, walking back down, the one
        council an area is linked to, which its children below inherit. A chain
        that ends in a missing parent or goes round in a circle gives no council.

    Examples
    --------
    The buurt comes before its wijk, and the wijk lies in the council's own area:

    >>> homes = area_homes({"buurt": "wijk", "wijk": "gm", "gm": None}, {"gm": "raad"}, {})
    >>> homes["buurt"], homes["wijk"], homes["gm"]
    ('raad', 'raad', 'raad')

    A ward that one council's posts name; a circle; an area that nothing links:

    >>> area_homes({"ward": None, "a": "b", "b": "a", "x": None},
    ...            {}, {"ward": {"raad"}, "x": {"raad", "other"}})
    {'ward': 'raad', 'b': None, 'a': None, 'x': None}
    """
    home: dict[str, str | None] = {}
    for area_id in parents:
        # Walk up the parents to an area whose council is known, the council's own
        # area, a missing parent or a circle; then settle the walk on the way down.
        # A loop, not recursion: a chain of parents may be as long as the document.
        walked: list[str] = []
        seen: set[str] = set()
        current: str | None = area_id
        below: str | None = None
        while current is not None and current not in seen:
            if current in home:
                below = home[current]
                break
            walked.append(current)
            seen.add(current)
            if current in own_areas:
                break
            current = parents.get(current)
        for each in reversed(walked):
            found = own_areas.get(each, below)
            if found is None and len(links.get(each, ())) == 1:
                found = next(iter(links[each]))
            home[each] = found
            below = found
    return home


@frozen
class PlacedArea:
    """An area placed in a municipality, with the areas nested below it.

    Parameters
    ----------
    id
        The area's id in the source.
    areas
        The areas directly below it, in source order.
    too_deep
        The areas directly below it that would nest deeper than the model allows;
        they are left out, and so is everything below them.

    Examples
    --------
    >>> PlacedArea("wijk", (PlacedArea("buurt"),))
    PlacedArea(id='wijk', areas=(PlacedArea(id='buurt', areas=(), too_deep=()),), too_deep=())
    """

    id: str
    areas: tuple[PlacedArea, ...] = ()
    too_deep: tuple[str, ...] = ()


#: Why an area has no place: a council's own area, or an area no council links to.
LeftOut = Literal["own", "unplaced"]


@frozen(kw_only=True)
class AreaPlacement:
    """Where the areas of a source go: the trees of each council, and the areas left out.

    Parameters
    ----------
    trees
        For each council, in the order given to :func:`place_areas`, the areas at the
        top of its municipality, each with the areas below it.
    left_out
        In source order, each area that has no place with why: ``"own"`` for a
        council's own area (its municipality stands for it), ``"unplaced"`` for one
        that no council links to, directly or through its parents.
    cycles
        Each area (with its parent) that belongs to a council but is never reached
        from the top of its municipality, because its parents go round in a circle.

    Examples
    --------
    >>> placement = place_areas({"a": "b", "b": "a"}, own_areas={},
    ...                         links={"a": {"raad"}, "b": {"raad"}}, councils=["raad"])
    >>> placement.trees, placement.cycles
    ({'raad': ()}, (('a', 'b'), ('b', 'a')))
    """

    trees: Mapping[str, tuple[PlacedArea, ...]]
    left_out: tuple[tuple[str, LeftOut], ...] = ()
    cycles: tuple[tuple[str, str], ...] = ()


@define
class _Frame:
    """An area being placed, with the areas below it still to visit and those placed."""

    id: str
    depth: int
    pending: list[str]
    inner: list[PlacedArea] = Factory(list)
    cut: list[str] = Factory(list)


def place_areas(
    parents: Mapping[str, str | None],
    *,
    own_areas: Mapping[str, str],
    links: Mapping[str, Collection[str]],
    councils: Iterable[str],
    max_depth: int = MAX_AREA_DEPTH,
) -> AreaPlacement:
    """Place every area of a source in the municipality of the council it belongs to.

    Parameters
    ----------
    parents
        Every area by its id, in source order, with the id of its parent (None for
        none); a parent may come after its child.
    own_areas
        The areas that are a council's own municipality, with their council.
    links
        For an area, the councils that the source links it to otherwise (posts and
        memberships that name both).
    councils
        The councils, in the order their municipalities are built.
    max_depth
        How deep areas may nest; an area deeper is left out with those below it.

    Returns
    -------
    AreaPlacement
        The council of each area is found by :func:`area_homes`. An area sits at the
        top of its municipality when it has no parent, its parent is the council's own
        area, or its parent belongs elsewhere; else below its parent.

    Examples
    --------
    A wijk listed after its buurt, an area of no council, and the council's own area:

    >>> placement = place_areas(
    ...     {"buurt": "wijk", "wijk": None, "elders": None, "gm": None},
    ...     own_areas={"gm": "raad"}, links={"wijk": {"raad"}}, councils=["raad"])
    >>> [(top.id, [area.id for area in top.areas]) for top in placement.trees["raad"]]
    [('wijk', ['buurt'])]
    >>> placement.left_out
    (('elders', 'unplaced'), ('gm', 'own'))

    Nested too deep, the areas below the limit are cut:

    >>> chain = {"a1": None, "a2": "a1", "a3": "a2", "a4": "a3"}
    >>> (top,) = place_areas(chain, own_areas={}, links={"a1": {"raad"}},
    ...                      councils=["raad"], max_depth=2).trees["raad"]
    >>> top.areas[0].id, top.areas[0].too_deep
    ('a2', ('a3',))
    """
    home = area_homes(parents, own_areas, links)
    top: dict[str, list[str]] = {}
    nested: dict[str, list[str]] = {}
    left_out: list[tuple[str, LeftOut]] = []
    for area, parent in parents.items():
        council = home.get(area)
        if area in own_areas:
            left_out.append((area, "own"))
        elif council is None:
            left_out.append((area, "unplaced"))
        elif parent is None or parent in own_areas or home.get(parent) != council:
            top.setdefault(council, []).append(area)
        else:
            nested.setdefault(parent, []).append(area)
    placed: set[str] = set()
    trees = {
        council: tuple(_tree(area, nested, placed, max_depth) for area in top.get(council, []))
        for council in councils
    }
    cycles = tuple(
        (child, parent)
        for parent, children in nested.items()
        for child in children
        if child not in placed
    )
    return AreaPlacement(trees=trees, left_out=tuple(left_out), cycles=cycles)


def _tree(
    top: str, nested: Mapping[str, list[str]], placed: set[str], max_depth: int
) -> PlacedArea:
    """Place an area with the areas below it, at most *max_depth* deep.

    With a stack of its own, not by recursion, so that a long chain of parents cannot
    exhaust Python's.
    """
    placed.add(top)
    stack = [_Frame(top, 1, list(reversed(nested.get(top, []))))]
    built = PlacedArea(top)
    while stack:
        frame = stack[-1]
        if frame.pending:
            child = frame.pending.pop()
            if child in placed:
                continue
            placed.add(child)
            if frame.depth + 1 > max_depth:
                frame.cut.append(child)
                _leave_out_below(child, nested, placed)
                continue
            stack.append(_Frame(child, frame.depth + 1, list(reversed(nested.get(child, [])))))
            continue
        stack.pop()
        built = PlacedArea(frame.id, tuple(frame.inner), tuple(frame.cut))
        if stack:
            stack[-1].inner.append(built)
    return built


def _leave_out_below(area: str, nested: Mapping[str, list[str]], placed: set[str]) -> None:
    """Mark the areas below *area* as placed: they go with it, not into a circle."""
    below = list(nested.get(area, []))
    while below:
        child = below.pop()
        if child not in placed:
            placed.add(child)
            below.extend(nested.get(child, []))

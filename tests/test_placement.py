"""The placement both importers share: where roles sit, the seats they give, where areas go."""

from __future__ import annotations

import datetime as dt

import pytest

from democratie.importers import import_ori, import_popolo
from democratie.importers._common import Checker
from democratie.importers._placement import (
    COLLEGE_KINDS,
    OFFICES,
    AreaPlacement,
    PlacedArea,
    area_homes,
    count_seats,
    drop_repeats,
    place_areas,
    place_role,
)
from democratie.model import Faction, Municipality, Role
from democratie.model.municipality import MAX_AREA_DEPTH
from democratie.vocab import RoleKind

HEERDE = Municipality(id="heerde", cbs_code="GM0246")


def _with_factions(*ids: str, seats: int | None = None) -> Municipality:
    council = HEERDE.council
    factions = tuple(Faction(id=faction, name=faction.upper()) for faction in ids)
    return Municipality(
        id=HEERDE.id,
        cbs_code=HEERDE.cbs_code,
        council=type(council)(seats=seats, factions=factions),
    )


# -- roles -------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", sorted(COLLEGE_KINDS, key=str))
def test_every_college_office_sits_in_the_college_for_its_faction(kind: RoleKind) -> None:
    assert place_role(kind, HEERDE, "heerde-cda") == ("heerde-college", "heerde-cda")


@pytest.mark.parametrize(
    "kind", [RoleKind.RAADSLID, RoleKind.GRIFFIER, RoleKind.BURGERLID, RoleKind.VOORZITTER]
)
def test_the_other_roles_sit_in_the_council(kind: RoleKind) -> None:
    assert place_role(kind, HEERDE, "heerde-cda") == ("heerde-raad", "heerde-cda")
    assert place_role(kind, HEERDE) == ("heerde-raad", None)


def test_a_fractievoorzitter_leads_the_faction_and_acts_for_nothing_else() -> None:
    assert place_role(RoleKind.FRACTIEVOORZITTER, HEERDE, "heerde-cda", on_behalf_of="x") == (
        "heerde-cda",
        None,
    )
    # Without a faction there is nothing to lead: the role is one of the council.
    assert place_role(RoleKind.FRACTIEVOORZITTER, HEERDE, on_behalf_of="x") == ("heerde-raad", "x")


def test_the_faction_comes_before_what_else_the_holder_acts_for() -> None:
    assert place_role(RoleKind.WETHOUDER, HEERDE, "heerde-cda", on_behalf_of="heerde") == (
        "heerde-college",
        "heerde-cda",
    )
    assert place_role(RoleKind.WETHOUDER, HEERDE, on_behalf_of="heerde") == (
        "heerde-college",
        "heerde",
    )


def test_a_role_that_is_no_office_is_held_at_its_area_and_an_office_is_not() -> None:
    assert place_role(RoleKind.LID, HEERDE, "heerde-cda", area="wijk-noord") == (
        "wijk-noord",
        "heerde-cda",
    )
    assert place_role(RoleKind.WIJKREGISSEUR, HEERDE, on_behalf_of="org", area="heerde") == (
        "heerde",
        "org",
    )
    for office in OFFICES:
        at, _ = place_role(office, HEERDE, "heerde-cda", area="wijk-noord")
        assert at != "wijk-noord", office


def test_offices_are_the_college_and_the_council_offices() -> None:
    assert COLLEGE_KINDS < OFFICES
    assert {
        RoleKind.RAADSLID,
        RoleKind.BURGERLID,
        RoleKind.FRACTIEVOORZITTER,
        RoleKind.GRIFFIER,
    } == OFFICES - COLLEGE_KINDS


def test_two_memberships_of_one_person_in_one_council_are_two_roles() -> None:
    raadslid = Role(
        holder="p1", kind=RoleKind.RAADSLID, at="heerde-raad", on_behalf_of="heerde-cda"
    )
    leider = Role(holder="p1", kind=RoleKind.FRACTIEVOORZITTER, at="heerde-cda")
    kept, repeated = drop_repeats([raadslid, leider])
    assert kept == [raadslid, leider]
    assert repeated == []


def test_a_repeated_membership_is_kept_once_and_counted() -> None:
    raadslid = Role(holder="p1", kind=RoleKind.RAADSLID, at="heerde-raad")
    ended = Role(holder="p1", kind=RoleKind.RAADSLID, at="heerde-raad", end=dt.date(2022, 3, 30))
    other = Role(holder="p2", kind=RoleKind.RAADSLID, at="heerde-raad")
    kept, repeated = drop_repeats([raadslid, other, raadslid, ended, raadslid])
    # An end date makes it another role; the first order is kept.
    assert kept == [raadslid, other, ended]
    assert repeated == [(raadslid, 2)]


# -- seats -------------------------------------------------------------------------------


def test_seats_count_distinct_current_raadsleden_of_the_council_and_its_factions() -> None:
    heerde = _with_factions("heerde-cda", "heerde-vvd")
    roles = [
        # p1 is raadslid in the council for the CDA and leads the CDA: one seat.
        Role(holder="p1", kind=RoleKind.RAADSLID, at="heerde-raad", on_behalf_of="heerde-cda"),
        Role(holder="p1", kind=RoleKind.RAADSLID, at="heerde-cda"),
        Role(holder="p2", kind=RoleKind.RAADSLID, at="heerde-raad", on_behalf_of="heerde-vvd"),
        Role(holder="p3", kind=RoleKind.RAADSLID, at="heerde-raad"),
        # Not counted: one who left, a wethouder, and a raadslid elsewhere.
        Role(
            holder="p4",
            kind=RoleKind.RAADSLID,
            at="heerde-raad",
            on_behalf_of="heerde-vvd",
            end=dt.date(2020, 1, 1),
        ),
        Role(holder="p5", kind=RoleKind.WETHOUDER, at="heerde-college", on_behalf_of="heerde-vvd"),
        Role(holder="p6", kind=RoleKind.RAADSLID, at="epe-raad"),
    ]
    counted = count_seats(heerde, roles, Checker("heerde.json"), "organisations[0]")
    assert counted.council.seats == 3
    assert [(f.id, f.seats) for f in counted.council.factions] == [
        ("heerde-cda", 1),
        ("heerde-vvd", 1),
    ]


def test_seats_already_known_are_kept_and_none_counted_stay_unknown() -> None:
    heerde = _with_factions("heerde-cda", seats=19)
    roles = [Role(holder="p1", kind=RoleKind.RAADSLID, at="heerde-raad")]
    counted = count_seats(heerde, roles, Checker("heerde.json"), "organisations[0]")
    assert counted.council.seats == 19
    assert counted.council.factions[0].seats is None
    assert count_seats(HEERDE, [], Checker("heerde.json"), "x").council.seats is None


def test_a_count_the_model_refuses_is_a_located_problem() -> None:
    checker = Checker("heerde.json")
    roles = [Role(holder=f"p{n}", kind=RoleKind.RAADSLID, at="heerde-raad") for n in range(201)]
    assert count_seats(HEERDE, roles, checker, "organisations[3]") is HEERDE
    (problem,) = checker.problems
    assert (problem.file, problem.path) == ("heerde.json", "organisations[3]")
    assert problem.message.startswith("201 people hold a raadslid role without an end date")
    assert problem.message.endswith("give their memberships an end date")


# -- the council of each area ------------------------------------------------------------


def test_an_area_whose_parent_comes_after_it_finds_its_council_through_it() -> None:
    homes = area_homes({"buurt": "wijk", "wijk": "gm", "gm": None}, {"gm": "raad"}, {})
    assert homes == {"buurt": "raad", "wijk": "raad", "gm": "raad"}


def test_a_link_to_one_council_places_an_area_and_the_areas_below_it() -> None:
    homes = area_homes({"buurt": "wijk", "wijk": None}, {}, {"wijk": {"raad"}})
    assert homes == {"buurt": "raad", "wijk": "raad"}


def test_an_area_linked_to_two_councils_or_none_has_no_council() -> None:
    homes = area_homes({"grens": None, "los": None}, {}, {"grens": {"raad", "buren"}})
    assert homes == {"grens": None, "los": None}


def test_the_council_up_the_parents_wins_over_a_link() -> None:
    homes = area_homes({"wijk": "gm", "gm": None}, {"gm": "raad"}, {"wijk": {"buren"}})
    assert homes["wijk"] == "raad"


def test_a_circle_of_parents_and_a_missing_parent_end_the_walk() -> None:
    homes = area_homes({"a": "b", "b": "c", "c": "a", "d": "nergens"}, {}, {})
    assert [homes[area] for area in "abcd"] == [None, None, None, None]


def test_a_long_chain_of_parents_is_walked_without_recursion() -> None:
    parents: dict[str, str | None] = {f"a{n}": f"a{n + 1}" for n in range(20_000)}
    parents["a20000"] = "gm"
    parents["gm"] = None
    homes = area_homes(parents, {"gm": "raad"}, {})
    assert set(homes.values()) == {"raad"}


# -- the area trees ----------------------------------------------------------------------


def _shape(tree: tuple[PlacedArea, ...]) -> list[object]:
    return [(area.id, _shape(area.areas)) if area.areas else area.id for area in tree]


def test_areas_nest_under_their_parents_in_source_order() -> None:
    placement = place_areas(
        {"b2": "w1", "w1": "gm", "b1": "w1", "w2": "gm", "gm": None},
        own_areas={"gm": "raad"},
        links={},
        councils=["raad"],
    )
    assert _shape(placement.trees["raad"]) == [("w1", ["b2", "b1"]), "w2"]
    assert placement.left_out == (("gm", "own"),)
    assert placement.cycles == ()


def test_an_area_outside_any_municipality_is_left_out() -> None:
    placement = place_areas(
        {"elders": None, "daaronder": "elders", "wijk": None},
        own_areas={},
        links={"wijk": {"raad"}},
        councils=["raad", "buren"],
    )
    assert _shape(placement.trees["raad"]) == ["wijk"]
    assert placement.trees["buren"] == ()
    assert placement.left_out == (("elders", "unplaced"), ("daaronder", "unplaced"))


def test_an_area_under_a_parent_of_another_council_is_at_the_top_of_its_own() -> None:
    placement = place_areas(
        {"gm-a": None, "gm-b": None, "wijk-a": "gm-a", "kern": "wijk-a"},
        own_areas={"gm-a": "raad-a", "gm-b": "raad-b"},
        # The kern lies under a wijk of A but is linked to B: A's chain wins.
        links={"kern": {"raad-b"}},
        councils=["raad-a", "raad-b"],
    )
    assert _shape(placement.trees["raad-a"]) == [("wijk-a", ["kern"])]
    assert placement.trees["raad-b"] == ()


def test_a_parent_that_is_missing_puts_the_area_at_the_top() -> None:
    placement = place_areas(
        {"wijk": "nergens"}, own_areas={}, links={"wijk": {"raad"}}, councils=["raad"]
    )
    assert _shape(placement.trees["raad"]) == ["wijk"]


def test_a_circle_of_areas_that_belongs_to_a_council_is_reported() -> None:
    placement = place_areas(
        {"a": "b", "b": "a", "c": None},
        own_areas={},
        links={"a": {"raad"}, "b": {"raad"}, "c": {"raad"}},
        councils=["raad"],
    )
    assert _shape(placement.trees["raad"]) == ["c"]
    assert placement.cycles == (("a", "b"), ("b", "a"))
    assert placement.left_out == ()


def test_a_circle_that_no_council_claims_is_left_out_not_a_cycle() -> None:
    placement = place_areas({"a": "b", "b": "a"}, own_areas={}, links={}, councils=["raad"])
    assert placement == AreaPlacement(
        trees={"raad": ()}, left_out=(("a", "unplaced"), ("b", "unplaced"))
    )


def test_areas_nested_too_deep_are_cut_with_everything_below_them() -> None:
    chain: dict[str, str | None] = {"a1": None, **{f"a{n}": f"a{n - 1}" for n in range(2, 8)}}
    chain["side"] = "a4"
    placement = place_areas(
        chain, own_areas={}, links={"a1": {"raad"}}, councils=["raad"], max_depth=3
    )
    (top,) = placement.trees["raad"]
    assert _shape((top,)) == [("a1", [("a2", ["a3"])])]
    assert top.areas[0].areas[0].too_deep == ("a4",)
    # The areas below the cut are neither placed nor reported as a circle.
    assert placement.cycles == ()


def test_the_model_depth_is_the_default_limit_and_a_long_chain_is_no_recursion() -> None:
    chain: dict[str, str | None] = {"a0": None, **{f"a{n}": f"a{n - 1}" for n in range(1, 5000)}}
    placement = place_areas(chain, own_areas={}, links={"a0": {"raad"}}, councils=["raad"])
    (area,) = placement.trees["raad"]
    depth = 1
    while area.areas:
        (area,) = area.areas
        depth += 1
    assert depth == MAX_AREA_DEPTH
    assert area.too_deep == (f"a{MAX_AREA_DEPTH}",)


# -- both importers place alike ----------------------------------------------------------


def _placed(roles: tuple[Role, ...]) -> set[tuple[str, str | None, str | None]]:
    return {(role.kind.value, role.at, role.on_behalf_of) for role in roles}


def test_ori_and_popolo_place_the_same_council_the_same_way() -> None:
    ori = {
        "persons": [
            {
                "id": "p1",
                "name": "A. Jansen",
                "memberships": [
                    {"organisation_id": "raad", "role": "Raadslid"},
                    {"organisation_id": "raad", "role": "Fractievoorzitter"},
                    {"organisation_id": "cda", "role": "Raadslid"},
                    {"organisation_id": "cda", "role": "Fractievoorzitter"},
                ],
            },
            {
                "id": "p2",
                "name": "B. de Vries",
                "memberships": [
                    {"organisation_id": "raad", "role": "Wethouder"},
                    {"organisation_id": "cda", "role": "Wethouder"},
                ],
            },
        ]
    }
    organisations = {
        "organisations": [
            {"id": "raad", "classification": "Council", "name": "Gemeente Heerde (Heerde) (GLD)"},
            {"id": "cda", "classification": "Party", "name": "CDA"},
        ]
    }
    popolo = {
        "persons": [{"id": "p1", "name": "A. Jansen"}, {"id": "p2", "name": "B. de Vries"}],
        "organizations": [
            {
                "id": "heerde",
                "name": "Heerde",
                "classification": "council",
                "identifiers": [{"scheme": "cbs", "identifier": "GM0246"}],
            },
            {"id": "cda", "name": "CDA", "classification": "party"},
        ],
        "memberships": [
            {
                "person_id": person,
                "organization_id": "heerde",
                "role": role,
                "on_behalf_of_id": "cda",
            }
            for person, role in [("p1", "councillor"), ("p1", "group leader"), ("p2", "alderman")]
        ],
    }
    expected = {
        ("raadslid", "heerde-raad", "heerde-cda"),
        ("fractievoorzitter", "heerde-cda", None),
        ("wethouder", "heerde-college", "heerde-cda"),
    }
    from_ori = import_ori(ori, organisations).landscape
    from_popolo = import_popolo(popolo).landscape
    assert _placed(from_ori.roles) == _placed(from_popolo.roles) == expected
    for land in (from_ori, from_popolo):
        (municipality,) = land.municipalities
        assert municipality.council.seats == 1
        assert [(f.id, f.seats) for f in municipality.council.factions] == [("heerde-cda", 1)]

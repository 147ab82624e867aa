"""Unit tests of the domain model: constructor checks, lookups, immutable updates."""

from __future__ import annotations

import datetime as dt
import pickle
from collections.abc import Callable

import attrs
import pytest

from democratie import LoadError, ModelError, Problem, WriteError
from democratie.model import (
    Area,
    Assessment,
    Assignment,
    College,
    Commitment,
    ContactDetail,
    Council,
    Faction,
    Identifier,
    Initiative,
    Landscape,
    Lesson,
    Meeting,
    Milestone,
    Municipality,
    Network,
    Organisation,
    Participant,
    Period,
    Person,
    Role,
    Source,
    Stage,
    Task,
    Transfer,
)
from democratie.vocab import (
    ActorKind,
    AreaLevel,
    CommitmentKind,
    CommitmentLevel,
    ContactKind,
    InitiativeKind,
    LessonKind,
    MeetingKind,
    NetworkKind,
    ParticipationLevel,
    Phase,
    PhaseCycle,
    PolicyDomain,
    Raci,
    RoleKind,
    Sector,
)

D = dt.date


# --- constructor checks: every problem of an object at once -----------------------------------

CONSTRUCTORS: list[tuple[str, Callable[[], object], set[tuple[str, str]]]] = [
    (
        "period-reversed",
        lambda: Period(start=D(2021, 1, 1), end=D(2020, 12, 31)),
        {("end", "invalid-value")},
    ),
    (
        "person",
        lambda: Person(id="Anna de Vries", name="  "),
        {("id", "invalid-value"), ("name", "invalid-value")},
    ),
    (
        "person-wrong-types",
        lambda: Person(id=5, name=None),  # type: ignore[arg-type]
        {("id", "invalid-value"), ("name", "wrong-type")},
    ),
    (
        "role",
        lambda: Role(
            holder="P",
            kind=RoleKind.RAADSLID,
            at="delft raad",
            on_behalf_of="-x",
            title="a\x00b",
            start=D(2022, 1, 1),
            end=D(2021, 1, 1),
            portfolio=("Zorg", ""),
            id="R1",
        ),
        {
            ("id", "invalid-value"),
            ("holder", "invalid-value"),
            ("at", "invalid-value"),
            ("on_behalf_of", "invalid-value"),
            ("title", "invalid-value"),
            ("portfolio[1]", "invalid-value"),
            ("end", "invalid-value"),
        },
    ),
    (
        "organisation",
        lambda: Organisation(
            id="org",
            name="Org\x1b",
            kind=ActorKind.STICHTING,
            municipality="Delft",
            areas=("w", "w", "W"),
            parent="org",
            description="",
        ),
        {
            ("name", "invalid-value"),
            ("municipality", "invalid-value"),
            ("areas[1]", "invalid-value"),
            ("areas[2]", "invalid-value"),
            ("parent", "invalid-value"),
        },
    ),
    (
        "area",
        lambda: Area(id="", name="", level=AreaLevel.BUURT, code="WK050300"),
        {("id", "invalid-value"), ("name", "invalid-value"), ("code", "invalid-value")},
    ),
    (
        "faction",
        lambda: Faction(id="F", name="", seats=-1, party="P P"),
        {
            ("id", "invalid-value"),
            ("name", "invalid-value"),
            ("seats", "invalid-value"),
            ("party", "invalid-value"),
        },
    ),
    (
        "council",
        lambda: Council(seats=0, factions=(Faction(id="f", name="F", seats=3),)),
        {("seats", "invalid-value"), ("factions", "invalid-value")},
    ),
    (
        "council-seats-not-a-number",
        lambda: Council(seats=True),
        {("seats", "wrong-type")},
    ),
    ("college", lambda: College(wethouder_seats=51), {("wethouder_seats", "invalid-value")}),
    (
        "municipality",
        lambda: Municipality(
            id="Delft",
            cbs_code="GM0503",
            name="Leusden",
            province="Utrecht",
            wijk_count=10_001,
        ),
        {
            ("id", "invalid-value"),
            ("name", "invalid-value"),
            ("province", "invalid-value"),
            ("wijk_count", "invalid-value"),
        },
    ),
    (
        "municipality-more-kernen-than-counted",
        lambda: Municipality(
            id="sv",
            cbs_code="GM1904",
            kern_count=1,
            areas=(
                Area(id="breukelen", name="Breukelen", level=AreaLevel.KERN),
                Area(id="maarssen", name="Maarssen", level=AreaLevel.KERN),
            ),
        ),
        {("kern_count", "invalid-value")},
    ),
    (
        "municipality-malformed-code",
        lambda: Municipality(id="x", cbs_code="gm0503"),
        {("cbs_code", "invalid-value")},
    ),
    (
        "municipality-unknown-code",
        lambda: Municipality(id="x", cbs_code="GM0001"),
        {("cbs_code", "unknown-municipality")},
    ),
    (
        "municipality-without-code-or-name",
        lambda: Municipality(id="x"),
        {("name", "missing-key")},
    ),
    (
        "assessment",
        lambda: Assessment(power=1.5, interest=-0.1, legitimacy=float("nan"), urgency=True),
        {
            ("power", "invalid-value"),
            ("interest", "invalid-value"),
            ("legitimacy", "invalid-value"),
            ("urgency", "wrong-type"),
        },
    ),
    (
        "milestone",
        lambda: Milestone(title="", due_within_months=0),
        {("title", "invalid-value"), ("due_within_months", "invalid-value")},
    ),
    (
        "meeting",
        lambda: Meeting(
            id="M",
            title="",
            kind=MeetingKind.INTAKE,
            host="H",
            attendees=("a", "a"),
            attendance=-3,
            themes=("",),
        ),
        {
            ("id", "invalid-value"),
            ("title", "invalid-value"),
            ("host", "invalid-value"),
            ("attendees[1]", "invalid-value"),
            ("attendance", "invalid-value"),
            ("themes[0]", "invalid-value"),
        },
    ),
    (
        "network",
        lambda: Network(
            id="m50", name="", kind=NetworkKind.LEERKRING, parent="m50", members=("a", "a")
        ),
        {("name", "invalid-value"), ("parent", "invalid-value"), ("members[1]", "invalid-value")},
    ),
    (
        "lesson",
        lambda: Lesson(
            text="", kind=LessonKind.DOEN, transfers=(Transfer(to="m50"), Transfer(to="m50"))
        ),
        {("text", "invalid-value"), ("transfers[1].to", "invalid-value")},
    ),
    ("source", lambda: Source(title="", url="a\nb"), {("title", ""), ("url", "")}),
    (
        "identifier",
        lambda: Identifier(scheme="", identifier=""),
        {("scheme", "invalid-value"), ("identifier", "invalid-value")},
    ),
    (
        "contact",
        lambda: ContactDetail(kind=ContactKind.EMAIL, value=""),
        {("value", "invalid-value")},
    ),
    ("participant", lambda: Participant(actor="Anna"), {("actor", "invalid-value")}),
    (
        "stage",
        lambda: Stage(phase=Phase.VISIE, participants=("a", "b", "a")),
        {("participants[2]", "invalid-value")},
    ),
    (
        "assignment",
        lambda: Assignment(actor="", raci=Raci.UITVOEREND),
        {("actor", "invalid-value")},
    ),
    ("task", lambda: Task(title=""), {("title", "invalid-value")}),
    (
        "commitment",
        lambda: Commitment(
            kind=CommitmentKind.POLITIEK, level=CommitmentLevel.GEEN, by="De Raad", note="\x00"
        ),
        {("by", "invalid-value"), ("note", "invalid-value")},
    ),
    (
        "initiative",
        lambda: Initiative(
            id="I",
            title="",
            kind=InitiativeKind.EXPERIMENT,
            municipalities=("delft", "delft"),
            domains=(PolicyDomain.ZORG, PolicyDomain.ZORG),
            period=Period(start=D(2020, 1, 1)),
            duration_months=0,
            milestones=(Milestone(title="klaar", done=D(2019, 1, 1)),),
            cycle=PhaseCycle.WETTELIJK,
            phases=(
                Stage(phase=Phase.VISIE),
                Stage(phase=Phase.EVALUATIE),
                Stage(phase=Phase.VOORBEREIDING),
            ),
            realised_level=ParticipationLevel.INFORMEREN,
            goals=("",),
        ),
        {
            ("id", "invalid-value"),
            ("title", "invalid-value"),
            ("municipalities[1]", "invalid-value"),
            ("domains[1]", "invalid-value"),
            ("duration_months", "invalid-value"),
            ("milestones[0].done", "invalid-value"),
            ("phases[0].phase", "invalid-value"),
            ("phases", "invalid-value"),
            ("goals[0]", "invalid-value"),
            ("realised_level", "invalid-value"),
        },
    ),
]


@pytest.mark.parametrize(
    ("build", "expected"),
    [pytest.param(build, expected, id=name) for name, build, expected in CONSTRUCTORS],
)
def test_constructors_report_every_problem_at_once(
    build: Callable[[], object], expected: set[tuple[str, str]]
) -> None:
    with pytest.raises(ModelError) as caught:
        build()
    found = {(p.path, p.code) for p in caught.value.problems}
    if all(code == "" for _, code in expected):  # only the paths matter here
        found = {(path, "") for path, _ in found}
    assert found == expected, str(caught.value)
    assert len(caught.value.problems) == len(expected)
    assert all(p.file is None for p in caught.value.problems)
    assert isinstance(caught.value, ValueError)


def test_an_invalid_count_is_reported_once() -> None:
    with pytest.raises(ModelError) as caught:
        Municipality(id="delft", cbs_code="GM0503", wijk_count=-1)
    assert [p.message for p in caught.value.problems] == ["-1 is outside the range 0 to 10000"]


def test_a_phase_listed_twice_is_reported_at_its_place() -> None:
    with pytest.raises(ModelError) as caught:
        Initiative(
            id="i",
            title="t",
            kind=InitiativeKind.CHALLENGE,
            cycle=PhaseCycle.WETTELIJK,
            phases=(Stage(phase=Phase.UITVOERING), Stage(phase=Phase.UITVOERING)),
        )
    messages = {p.path: p.message for p in caught.value.problems}
    assert messages == {"phases[1].phase": "'uitvoering' is listed twice"}


def test_valid_objects_are_frozen_and_keyword_only() -> None:
    person = Person(id="p-anna", name="Anna")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        person.name = "Bob"  # type: ignore[misc]
    with pytest.raises(TypeError):
        Person("p-anna", "Anna")  # type: ignore[call-arg]


def test_organisation_sector_defaults_from_its_kind() -> None:
    assert Organisation(id="o", name="O", kind=ActorKind.BEDRIJF).sector is Sector.MARKT
    assert Organisation(id="o", name="O", kind=ActorKind.WIJKRAAD).sector is Sector.INWONERS
    chosen = Organisation(id="o", name="O", kind=ActorKind.BEDRIJF, sector=Sector.MAATSCHAPPIJ)
    assert chosen.sector is Sector.MAATSCHAPPIJ


def test_period_helpers() -> None:
    period = Period(start=D(2020, 2, 4), end=D(2021, 1, 31))
    assert period.months() == 12
    assert period.contains(D(2020, 2, 4))
    assert period.contains(D(2021, 1, 31))
    assert not period.contains(D(2021, 2, 1))
    assert Period(start=D(2020, 1, 1)).months() is None
    assert Period().contains(D(1900, 1, 1))


def test_milestone_due_date_clamps_to_the_end_of_the_month() -> None:
    assert Milestone(title="x", due_within_months=1).due_date(D(2021, 1, 31)) == D(2021, 2, 28)
    assert Milestone(title="x", due_within_months=36).due_date(D(2019, 3, 1)) == D(2022, 3, 1)
    assert Milestone(title="x", due=D(2020, 5, 5), due_within_months=1).due_date(None) == D(
        2020, 5, 5
    )
    assert Milestone(title="x", due_within_months=1).due_date(None) is None


# --- municipalities and the CBS list ----------------------------------------------------------


def test_municipality_takes_name_and_province_from_the_cbs_list() -> None:
    delft = Municipality(id="delft", cbs_code="GM0503")
    assert (delft.name, delft.province) == ("Delft", "Zuid-Holland")
    assert (delft.council_id, delft.college_id) == ("delft-raad", "delft-college")
    assert delft.record is not None
    assert delft.record.cbs_code == "GM0503"


@pytest.mark.parametrize("name", ["Rijswijk", "Rijswijk (ZH.)", "rijswijk"])
def test_rijswijk_is_accepted_without_its_suffix(name: str) -> None:
    rijswijk = Municipality(id="rijswijk", cbs_code="GM0603", name=name)
    assert rijswijk.name == name
    assert rijswijk.province == "Zuid-Holland"


def test_rijswijk_defaults_to_the_cbs_name() -> None:
    assert Municipality(id="rijswijk", cbs_code="GM0603").name == "Rijswijk (ZH.)"


def test_a_wrong_name_for_a_code_is_rejected() -> None:
    with pytest.raises(ModelError) as caught:
        Municipality(id="rijswijk", cbs_code="GM0603", name="Delft")
    (problem,) = caught.value.problems
    assert problem.path == "name"
    assert "'Delft' is not the name of GM0603" in problem.message
    assert "'Rijswijk (ZH.)'" in problem.message


def test_an_unknown_code_suggests_municipalities_by_name() -> None:
    with pytest.raises(ModelError) as caught:
        Municipality(id="leusden", cbs_code="GM9327", name="Leusden")
    (problem,) = caught.value.problems
    assert problem.code == "unknown-municipality"
    assert "did you mean Leusden (GM0327)?" in problem.message


def test_a_municipality_outside_the_list_needs_only_a_name() -> None:
    old = Municipality(id="maarssen", name="Maarssen", province="Utrecht")
    assert (old.cbs_code, old.record, old.province) == (None, None, "Utrecht")


# --- the landscape ----------------------------------------------------------------------------


def build_landscape(title: str = "Delft en Leusden") -> Landscape:
    delft = Municipality(
        id="delft",
        cbs_code="GM0503",
        council=Council(
            seats=39,
            factions=(
                Faction(id="f-groenlinks", name="GroenLinks", seats=8),
                Faction(id="f-vvd", name="VVD", seats=5),
            ),
        ),
        areas=(
            Area(
                id="wk-centrum",
                name="Centrum",
                level=AreaLevel.WIJK,
                areas=(Area(id="bu-oude-delft", name="Oude Delft", level=AreaLevel.BUURT),),
            ),
            Area(id="wk-noord", name="Noord", level=AreaLevel.WIJK),
            Area(id="g-tu-campus", name="TU Campus", level=AreaLevel.GEBIED),
        ),
    )
    leusden = Municipality(id="leusden", cbs_code="GM0327")
    return Landscape(
        title=title,
        municipalities=(delft, leusden),
        organisations=(
            Organisation(
                id="org-wijkcentrum",
                name="Wijkcentrum Noord",
                kind=ActorKind.WIJKCOMMISSIE,
                municipality="delft",
                areas=("wk-noord",),
            ),
        ),
        people=(
            Person(id="p-anna", name="Anna de Vries"),
            Person(id="p-bram", name="Bram Jansen"),
            Person(id="p-cees", name="Cees Bakker"),
        ),
        roles=(
            Role(
                holder="p-anna",
                kind=RoleKind.RAADSLID,
                at="delft-raad",
                on_behalf_of="f-groenlinks",
                start=D(2018, 3, 29),
                end=D(2022, 3, 30),
            ),
            Role(
                id="r-anna-wethouder",
                holder="p-anna",
                kind=RoleKind.WETHOUDER,
                at="delft-college",
                start=D(2022, 6, 1),
            ),
            Role(holder="p-bram", kind=RoleKind.RAADSLID, at="f-vvd", start=D(2022, 3, 31)),
            Role(holder="p-cees", kind=RoleKind.PROJECTLEIDER, at="leusden"),
            Role(holder="org-wijkcentrum", kind=RoleKind.PARTNER, at="zeven-van-delft"),
            Role(holder="p-bram", kind=RoleKind.LID, at="m50"),
        ),
        initiatives=(
            Initiative(
                id="zeven-van-delft",
                title="De zeven van Delft",
                kind=InitiativeKind.PROGRAMMA,
                municipalities=("delft",),
                covers_all=(AreaLevel.WIJK,),
            ),
            Initiative(
                id="wijkbudget-noord",
                title="Wijkbudget Noord",
                kind=InitiativeKind.WIJKBUDGET,
                municipalities=("delft",),
                areas=("wk-noord",),
            ),
            Initiative(
                id="buurtgesprek",
                title="Buurtgesprek Oude Delft",
                kind=InitiativeKind.BIJEENKOMST,
                areas=("bu-oude-delft",),
            ),
            Initiative(
                id="samenleving-voorop",
                title="Samenleving Voorop",
                kind=InitiativeKind.CHALLENGE,
                municipalities=("leusden",),
                participants=(Participant(actor="leusden-raad"),),
            ),
        ),
        networks=(
            Network(
                id="m50",
                name="M50",
                kind=NetworkKind.NETWERK_VAN_GEMEENTEN,
                members=("delft", "leusden"),
                meetings=(
                    Meeting(
                        id="m-waalwijk",
                        title="Leerkring Waalwijk",
                        kind=MeetingKind.STARTBIJEENKOMST,
                        host="delft",
                    ),
                ),
            ),
        ),
    )


@pytest.fixture(scope="module")
def land() -> Landscape:
    return build_landscape()


def test_get_returns_every_kind_of_entity(land: Landscape) -> None:
    assert land.get("delft") is land.municipalities[0]
    assert land.get("delft-raad") is land.municipalities[0].council
    assert land.get("delft-college") is land.municipalities[0].college
    assert land.get("f-vvd") is land.municipalities[0].council.factions[1]
    assert land.get("bu-oude-delft") is land.municipalities[0].areas[0].areas[0]
    assert land.get("r-anna-wethouder") is land.roles[1]
    assert land.get("m-waalwijk") is land.networks[0].meetings[0]
    assert land.get("leusden-raad") == Council()


@pytest.mark.parametrize(
    ("entity_id", "kind"),
    [
        ("delft", "municipality"),
        ("wk-noord", "area"),
        ("bu-oude-delft", "area"),
        ("delft-raad", "council"),
        ("leusden-college", "college"),
        ("f-groenlinks", "faction"),
        ("org-wijkcentrum", "organisation"),
        ("p-anna", "person"),
        ("r-anna-wethouder", "role"),
        ("zeven-van-delft", "initiative"),
        ("m50", "network"),
        ("m-waalwijk", "meeting"),
    ],
)
def test_kind_of(land: Landscape, entity_id: str, kind: str) -> None:
    assert land.kind_of(entity_id) == kind
    assert entity_id in land


def test_entry_says_where_an_entity_sits(land: Landscape) -> None:
    buurt = land.entry("bu-oude-delft")
    assert (buurt.kind, buurt.path, buurt.municipality, buurt.parent) == (
        "area",
        "municipalities[0].areas[0].areas[0]",
        "delft",
        "wk-centrum",
    )
    faction = land.entry("f-vvd")
    assert (faction.path, faction.municipality, faction.parent) == (
        "municipalities[0].council.factions[1]",
        "delft",
        "delft-raad",
    )
    meeting = land.entry("m-waalwijk")
    assert (meeting.path, meeting.parent) == ("networks[0].meetings[0]", "m50")
    assert land.entry("leusden-college").path == "municipalities[1].college"
    assert land.entry("org-wijkcentrum").municipality == "delft"


def test_unknown_ids_raise_key_error_with_a_suggestion(land: Landscape) -> None:
    with pytest.raises(KeyError, match=r"no entity with id 'p-ana'.*did you mean 'p-anna'"):
        land.get("p-ana")
    with pytest.raises(KeyError, match="no entity with id 'zzz' in the landscape"):
        land.kind_of("zzz")
    assert "zzz" not in land
    assert 5 not in land


def test_entries_in_document_order(land: Landscape) -> None:
    assert [e.id for e in land.entries("area")] == [
        "wk-centrum",
        "bu-oude-delft",
        "wk-noord",
        "g-tu-campus",
    ]
    assert [e.id for e in land.entries("council")] == ["delft-raad", "leusden-raad"]
    assert len(land) == len(list(land.entries())) == 23


@pytest.mark.parametrize(
    ("entity_id", "name"),
    [
        ("delft", "Delft"),
        ("delft-raad", "Gemeenteraad Delft"),
        ("leusden-college", "College van B&W Leusden"),
        ("f-vvd", "VVD"),
        ("wk-noord", "Noord"),
        ("p-anna", "Anna de Vries"),
        ("r-anna-wethouder", "Wethouder (Anna de Vries)"),
        ("zeven-van-delft", "De zeven van Delft"),
        ("m-waalwijk", "Leerkring Waalwijk"),
    ],
)
def test_name_of(land: Landscape, entity_id: str, name: str) -> None:
    assert land.name_of(entity_id) == name


def test_roles_of_with_and_without_a_date(land: Landscape) -> None:
    kinds = [r.kind for r in land.roles_of("p-anna")]
    assert kinds == [RoleKind.RAADSLID, RoleKind.WETHOUDER]
    assert [r.kind for r in land.roles_of("p-anna", on=D(2020, 1, 1))] == [RoleKind.RAADSLID]
    assert [r.kind for r in land.roles_of("p-anna", on=D(2023, 1, 1))] == [RoleKind.WETHOUDER]
    assert land.roles_of("p-anna", on=D(2022, 4, 15)) == ()  # between the two
    assert [r.kind for r in land.roles_of("p-anna", on=D(2022, 3, 30))] == [RoleKind.RAADSLID]
    assert land.roles_of("org-wijkcentrum") == (land.roles[4],)
    assert land.roles_of("p-nobody") == ()


def test_roles_at(land: Landscape) -> None:
    assert land.roles_at("delft-raad") == (land.roles[0],)
    assert land.roles_at("delft-raad", on=D(2023, 1, 1)) == ()
    assert land.roles_at("f-vvd", on=D(2023, 1, 1)) == (land.roles[2],)
    assert land.roles_at("f-vvd", on=D(2020, 1, 1)) == ()
    assert land.roles_at("zeven-van-delft") == (land.roles[4],)


def test_members_of_a_council_include_its_factions(land: Landscape) -> None:
    assert land.members_of("delft-raad") == ("p-anna", "p-bram")
    assert land.members_of("delft-raad", on=D(2020, 1, 1)) == ("p-anna",)
    assert land.members_of("delft-raad", on=D(2023, 1, 1)) == ("p-bram",)
    assert land.members_of("f-vvd") == ("p-bram",)
    assert land.members_of("leusden-raad") == ()
    assert land.members_of("delft-college") == ("p-anna",)


def test_members_of_a_network_are_its_members_then_role_holders(land: Landscape) -> None:
    assert land.members_of("m50") == ("delft", "leusden", "p-bram")


def test_areas_of_with_a_level(land: Landscape) -> None:
    assert [a.id for a in land.areas_of("delft")] == [
        "wk-centrum",
        "bu-oude-delft",
        "wk-noord",
        "g-tu-campus",
    ]
    assert [a.id for a in land.areas_of("delft", "wijk")] == ["wk-centrum", "wk-noord"]
    assert [a.id for a in land.areas_of("delft", level="buurt")] == ["bu-oude-delft"]
    assert land.areas_of("delft", "kern") == ()
    assert land.areas_of("leusden") == ()
    with pytest.raises(TypeError, match="'delft-raad' is a council, not a municipality"):
        land.areas_of("delft-raad")


@pytest.mark.parametrize(
    ("entity_id", "municipality"),
    [
        ("delft", "delft"),
        ("bu-oude-delft", "delft"),
        ("leusden-raad", "leusden"),
        ("f-groenlinks", "delft"),
        ("org-wijkcentrum", "delft"),
        ("p-anna", None),
        ("zeven-van-delft", None),
    ],
)
def test_municipality_of(land: Landscape, entity_id: str, municipality: str | None) -> None:
    assert land.municipality_of(entity_id) == municipality


def _ids(initiatives: tuple[Initiative, ...]) -> list[str]:
    return [i.id for i in initiatives]


def test_initiatives_in_a_municipality(land: Landscape) -> None:
    assert _ids(land.initiatives_in("delft")) == [
        "zeven-van-delft",
        "wijkbudget-noord",
        "buurtgesprek",  # lists only a buurt of Delft
    ]
    assert _ids(land.initiatives_in("leusden")) == ["samenleving-voorop"]


def test_initiatives_in_an_area(land: Landscape) -> None:
    # covers_all=(wijk,) reaches every wijk of Delft, but not the buurten within them
    assert _ids(land.initiatives_in("wk-noord")) == ["zeven-van-delft", "wijkbudget-noord"]
    assert _ids(land.initiatives_in("wk-centrum")) == ["zeven-van-delft", "buurtgesprek"]
    assert _ids(land.initiatives_in("bu-oude-delft")) == ["buurtgesprek"]
    assert _ids(land.initiatives_in("g-tu-campus")) == []


def test_initiatives_in_something_else_is_a_type_error(land: Landscape) -> None:
    with pytest.raises(TypeError, match="'p-anna' is a person; expected a municipality or an area"):
        land.initiatives_in("p-anna")


# --- making a landscape checks it as a whole ---------------------------------------------------


def test_the_landscape_reports_every_problem_at_once() -> None:
    with pytest.raises(ModelError) as caught:
        Landscape(
            title="a\x07",
            municipalities=(Municipality(id="delft", cbs_code="GM0503"),),
            people=(
                Person(id="p-anna", name="A"),
                Person(id="p-anna", name="B"),
                Person(id="delft-college", name="C"),
            ),
            roles=(
                Role(holder="p-ana", kind=RoleKind.RAADSLID, at="delft-raad"),
                Role(holder="delft", kind=RoleKind.LID, at="p-anna"),
            ),
            initiatives=(
                Initiative(
                    id="i",
                    title="I",
                    kind=InitiativeKind.WORKSHOP,
                    municipalities=("leusden",),
                    network="delft",
                ),
            ),
        )
    assert [(p.path, p.code) for p in caught.value.problems] == [
        ("title", "invalid-value"),
        ("people[1].id", "duplicate-id"),
        ("people[2].id", "duplicate-id"),
        ("roles[0].holder", "dangling-reference"),
        ("roles[1].holder", "wrong-reference"),
        ("roles[1].at", "wrong-reference"),
        ("initiatives[0].municipalities[0]", "dangling-reference"),
        ("initiatives[0].network", "wrong-reference"),
    ]
    messages = {p.path: p.message for p in caught.value.problems}
    assert "did you mean 'p-anna'?" in messages["roles[0].holder"]
    assert "already used at municipalities[0].college" in messages["people[2].id"]


def test_a_person_cannot_take_the_id_of_a_council() -> None:
    with pytest.raises(ModelError) as caught:
        Landscape(
            municipalities=(Municipality(id="delft", cbs_code="GM0503"),),
            people=(Person(id="delft-raad", name="Raad"),),
        )
    (problem,) = caught.value.problems
    assert (problem.path, problem.code) == ("people[0].id", "duplicate-id")
    assert "municipalities[0].council" in problem.message


def test_a_council_id_clashing_with_an_earlier_entity_points_at_the_council() -> None:
    with pytest.raises(ModelError) as caught:
        Landscape(
            municipalities=(
                Municipality(id="delft-raad", name="Raad"),
                Municipality(id="delft", cbs_code="GM0503"),
            ),
        )
    (problem,) = caught.value.problems
    assert (problem.path, problem.code) == ("municipalities[1].council", "duplicate-id")


# --- immutable updates ------------------------------------------------------------------------


def test_add_returns_a_new_landscape(land: Landscape) -> None:
    before = build_landscape()
    dirk = Person(id="p-dirk", name="Dirk")
    role = Role(holder="p-dirk", kind=RoleKind.KARTREKKER, at="zeven-van-delft")
    bigger = land.add(dirk, role)
    assert bigger is not land
    assert bigger.people[-1] is dirk
    assert bigger.roles[-1] is role
    assert bigger.roles_of("p-dirk") == (role,)
    assert "p-dirk" not in land
    assert land == before
    assert len(bigger) == len(land) + 1


def test_add_checks_the_result(land: Landscape) -> None:
    with pytest.raises(ModelError) as caught:
        land.add(Person(id="p-anna", name="Anna"), Role(holder="p-zed", kind=RoleKind.LID))
    assert [(p.path, p.code) for p in caught.value.problems] == [
        ("people[3].id", "duplicate-id"),
        ("roles[6].holder", "dangling-reference"),
    ]


def test_only_top_level_entities_can_be_added(land: Landscape) -> None:
    with pytest.raises(TypeError, match=r"cannot add an? Area to a landscape directly"):
        land.add(Area(id="w", name="W", level=AreaLevel.WIJK))  # type: ignore[arg-type]


def test_replace_keeps_the_place(land: Landscape) -> None:
    renamed = land.replace(Person(id="p-bram", name="Bram Jansen-de Wit"))
    assert renamed.people[1].name == "Bram Jansen-de Wit"
    assert [p.id for p in renamed.people] == [p.id for p in land.people]
    assert land.people[1].name == "Bram Jansen"
    assert renamed.name_of("p-bram") == "Bram Jansen-de Wit"
    assert land.name_of("p-bram") == "Bram Jansen"


def test_replace_of_a_municipality_updates_its_nested_entities(land: Landscape) -> None:
    delft = land.municipalities[0]
    smaller = attrs.evolve(delft, council=Council(seats=39))
    with pytest.raises(ModelError) as caught:
        land.replace(smaller)  # p-bram's role at f-vvd would dangle
    assert [(p.path, p.code) for p in caught.value.problems] == [
        ("roles[0].on_behalf_of", "dangling-reference"),
        ("roles[2].at", "dangling-reference"),
    ]


def test_replace_of_a_missing_id_raises_key_error(land: Landscape) -> None:
    with pytest.raises(KeyError, match="there is no person with id 'p-zed' to replace"):
        land.replace(Person(id="p-zed", name="Zed"))
    with pytest.raises(KeyError, match="there is no network with id 'delft' to replace"):
        land.replace(Network(id="delft", name="D", kind=NetworkKind.WIJKNETWERK))


def test_remove_returns_a_new_landscape(land: Landscape) -> None:
    bigger = land.add(Person(id="p-dirk", name="Dirk"))
    assert bigger.remove("p-dirk") == land
    assert "p-dirk" in bigger


def test_remove_of_a_referenced_entity_names_every_place(land: Landscape) -> None:
    with pytest.raises(ModelError) as caught:
        land.remove("leusden")
    assert [(p.path, p.code) for p in caught.value.problems] == [
        ("roles[3].at", "dangling-reference"),
        ("initiatives[3].municipalities[0]", "dangling-reference"),
        ("initiatives[3].participants[0].actor", "dangling-reference"),
        ("networks[0].members[1]", "dangling-reference"),
    ]
    assert "leusden" in land


def test_remove_several_at_once(land: Landscape) -> None:
    bigger = land.add(
        Person(id="p-dirk", name="Dirk"),
        Person(id="p-eva", name="Eva"),
        Initiative(
            id="wijkgesprek",
            title="Wijkgesprek",
            kind=InitiativeKind.BIJEENKOMST,
            led_by=("p-eva",),
        ),
    )
    with pytest.raises(ModelError):
        bigger.remove("p-eva")  # the initiative is still led by her
    assert bigger.remove("p-eva", "wijkgesprek", "p-dirk") == land


def test_remove_of_a_nested_or_missing_id_raises_key_error(land: Landscape) -> None:
    with pytest.raises(KeyError, match=r"'wk-noord' is an? area inside delft"):
        land.remove("wk-noord")
    with pytest.raises(KeyError, match="'delft-raad' is a council"):
        land.remove("delft-raad")
    with pytest.raises(KeyError, match="no entity with id 'p-zed'"):
        land.remove("p-zed")


# --- equality, hashing, pickling ---------------------------------------------------------------


def test_equality_and_hashing() -> None:
    first, second = build_landscape(), build_landscape()
    assert first == second
    assert hash(first) == hash(second)
    assert first != build_landscape(title="Anders")
    assert len({first, second, build_landscape(title="Anders")}) == 2
    assert {first: "x"}[second] == "x"
    assert first.get("delft") == second.get("delft")
    assert hash(first.get("wk-noord")) == hash(second.get("wk-noord"))
    assert Person(id="p", name="A") != Person(id="p", name="B")


def test_lookups_do_not_change_equality_or_hash() -> None:
    used, fresh = build_landscape(), build_landscape()
    used.roles_of("p-anna")
    used.roles_at("delft-raad")
    assert used == fresh
    assert hash(used) == hash(fresh)


def test_a_landscape_pickles() -> None:
    land = build_landscape()
    again = pickle.loads(pickle.dumps(land))
    assert again == land
    assert again.members_of("delft-raad") == ("p-anna", "p-bram")


def test_errors_pickle_with_their_problems() -> None:
    problems = (
        Problem(path="people[0].name", message="must not be empty", file="a.json", line=3),
        Problem(path="roles[0].holder", message="dangles", code="dangling-reference"),
    )
    model_error = ModelError(problems)
    load_error = LoadError(problems, source="a.json")
    write_error = WriteError("a.json", "Permission denied")
    for error in (model_error, load_error, write_error):
        again = pickle.loads(pickle.dumps(error))
        assert type(again) is type(error)
        assert str(again) == str(error)
    assert pickle.loads(pickle.dumps(model_error)).problems == problems
    again_load = pickle.loads(pickle.dumps(load_error))
    assert (again_load.problems, again_load.source) == (problems, "a.json")
    assert str(load_error).splitlines()[0] == "a.json: 2 problems:"


def test_a_real_model_error_pickles() -> None:
    with pytest.raises(ModelError) as caught:
        Person(id="X", name="")
    again = pickle.loads(pickle.dumps(caught.value))
    assert again.problems == caught.value.problems
    assert str(again) == str(caught.value)


def test_problem_rendering() -> None:
    problem = Problem(path="period.end", message="too early", file="d.toml", line=4, column=2)
    assert str(problem) == "d.toml:4:2: period.end: too early"
    assert str(problem.under(2).under("initiatives")) == (
        "d.toml:4:2: initiatives[2].period.end: too early"
    )
    assert str(Problem(path="", message="bad", line=7)) == "line 7: bad"
    assert str(ModelError([Problem(path="a", message="x")])) == "a: x"
    assert str(ModelError([Problem(path="a", message="x"), Problem(path="b", message="y")])) == (
        "2 problems:\n  - a: x\n  - b: y"
    )


def test_messages_use_an_before_a_vowel(land: Landscape) -> None:
    with pytest.raises(ModelError) as caught:
        land.add(Person(id="org-wijkcentrum", name="Wijkcentrum"))
    assert "(an organisation)" in str(caught.value)
    with pytest.raises(KeyError, match="'wk-noord' is an area inside delft"):
        land.remove("wk-noord")
    with pytest.raises(TypeError, match="cannot add an Area"):
        land.add(Area(id="w", name="W", level=AreaLevel.WIJK))  # type: ignore[arg-type]


def test_a_code_one_digit_off_is_caught_by_an_id_that_names_the_municipality() -> None:
    # Zeist is GM0355; GM0356 is Nieuwegein, a real code, so only the id can tell.
    with pytest.raises(ModelError) as caught:
        Municipality(id="zeist", cbs_code="GM0356")
    (problem,) = caught.value.problems
    assert problem.path == "cbs_code"
    assert "GM0356 is the code of Nieuwegein" in problem.message
    assert "'zeist' names Zeist (GM0355)" in problem.message
    assert Municipality(id="zeist", cbs_code="GM0355").name == "Zeist"
    # Ids that name no municipality, or several, or by a short name, are left alone.
    assert Municipality(id="m-1", cbs_code="GM0356").name == "Nieuwegein"
    assert Municipality(id="bergen", cbs_code="GM0373").name == "Bergen (NH.)"
    assert Municipality(id="den-haag", cbs_code="GM0518").name == "'s-Gravenhage"

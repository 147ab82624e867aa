"""Tests for the bundled examples: the five seed scenarios as landscape files.

Every file must load, survive a dump and load unchanged, and hold the key facts of the Dutch
text it was modelled from, and nothing those texts do not say: no invented people, contact
details or dates.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from pathlib import Path
from typing import TypeVar

import pytest
from attrs import evolve

import democratie
from democratie import reference
from democratie.io import Format
from democratie.model import Initiative, Landscape, Meeting, Municipality, Network, Organisation
from democratie.vocab import (
    ActorKind,
    AreaLevel,
    CommitmentKind,
    CommitmentLevel,
    GovernmentRole,
    InitiativeKind,
    Initiator,
    LessonKind,
    MeetingKind,
    NetworkKind,
    Phase,
    PhaseCycle,
    PolicyDomain,
    RoleKind,
    Sector,
    ServiceGoal,
    TrajectoryElement,
)

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

#: Each example and the seed text it was modelled from.
SEED_OF: dict[str, str] = {
    "delft-zeven-van-delft.toml": "000_1f26c8f260451146.txt",
    "m50-leerkring-waalwijk.toml": "001_7cee0b477f19f142.txt",
    "leusden-samenleving-voorop.toml": "002_de875410096a8eb4.txt",
    "stichtse-vecht-gebiedsgericht-werken.toml": "003_13bc071cd63adcc2.txt",
    "democratie-in-actie-noord-nederland.toml": "004_164249c4a14a633b.txt",
}

#: The only dates the seed texts state in full (day, month and year).
STATED_DATES: dict[str, set[str]] = {
    "delft-zeven-van-delft.toml": set(),
    "m50-leerkring-waalwijk.toml": {"2020-02-04"},
    "leusden-samenleving-voorop.toml": set(),
    "stichtse-vecht-gebiedsgericht-werken.toml": set(),
    "democratie-in-actie-noord-nederland.toml": set(),
}

#: The twelve municipalities of the M50 kick-off, as the text names them (it spells the first
#: "Meijerijstad" and the eighth "Etten- Leur").
M50_MUNICIPALITIES = (
    "Meierijstad",
    "Lochem",
    "Coevorden",
    "Oosterhout",
    "Barneveld",
    "Rijswijk",
    "Oldambt",
    "Etten-Leur",
    "De Bilt",
    "Papendrecht",
    "Waalwijk",
    "Zeist",
)

ALL_EXAMPLES = sorted(SEED_OF)

_T = TypeVar("_T")


@functools.cache
def load(name: str) -> Landscape:
    return democratie.load(EXAMPLES / name)


def get(land: Landscape, entity_id: str, cls: type[_T]) -> _T:
    """The entity with this id, checked to be of the expected class."""
    found = land.get(entity_id)
    assert isinstance(found, cls), f"{entity_id} is a {land.kind_of(entity_id)}"
    return found


def seed_text(name: str) -> str:
    path = SEEDS / SEED_OF[name]
    if not path.is_file():
        pytest.skip(f"the seed texts are not available at {SEEDS}")
    return path.read_text(encoding="utf-8")


def squeeze(text: str) -> str:
    """Lower-case text with all whitespace removed, to compare across line breaks."""
    return re.sub(r"\s+", "", text).lower()


# --- every example ------------------------------------------------------------------------------


def test_the_five_seed_examples_are_there() -> None:
    assert set(ALL_EXAMPLES) <= {path.name for path in EXAMPLES.iterdir()}


@pytest.mark.parametrize(
    "path",
    sorted([*EXAMPLES.glob("*.toml"), *EXAMPLES.glob("*.json")]),
    ids=lambda path: path.name,
)
def test_every_example_loads(path: Path) -> None:
    land = democratie.load(path)
    assert land.title
    assert land.sources
    assert land.municipalities
    assert land.initiatives


@pytest.mark.parametrize("name", ALL_EXAMPLES)
def test_example_opens_with_its_provenance(name: str) -> None:
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    header = text.split('format = "democratie/1"', 1)[0]
    assert text.startswith("# ")
    assert SEED_OF[name] in header
    assert "How this file was made" in header
    assert "Left out, and why" in header
    assert any(SEED_OF[name] in (source.note or "") for source in load(name).sources)


@pytest.mark.parametrize("name", ALL_EXAMPLES)
@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_example_survives_dump_and_load(name: str, fmt: Format) -> None:
    land = load(name)
    assert democratie.loads(democratie.dumps(land, format=fmt), format=fmt) == land


@pytest.mark.parametrize("name", ALL_EXAMPLES)
def test_people_ids_are_prefixed(name: str) -> None:
    for entry in load(name).entries("person"):
        assert entry.id.startswith("p-"), entry.id


#: How an example marks what it invents to show a process the text describes but does not
#: fill in (the intakes and the pool of Democratie in Actie): an intake's note, a name.
INVENTED_NOTE = "Verzonnen voorbeeld"
INVENTED_NAME = "(fictief)"


#: How an example marks an invented indicator (Stichtse Vecht's service goals): its note.
INVENTED_FIGURES = "Verzonnen: de brontekst noemt geen cijfers"
#: Municipalities whose areas an example names from outside its text, and why (the header
#: of the file says so too).
ADDED_AREAS = {"stichtse-vecht": "the twelve kernen, which the text counts but does not name"}


def _invented(note: str | None) -> bool:
    return (note or "").startswith((INVENTED_NOTE, INVENTED_FIGURES))


def text_alone(land: Landscape) -> Landscape:
    """The landscape without what it marks as invented or added: what the text itself says."""
    people = {p.id for p in land.people if INVENTED_NAME in p.name}
    return evolve(
        land,
        municipalities=tuple(
            evolve(
                mun,
                indicators=tuple(d for d in mun.indicators if not _invented(d.note)),
                areas=() if mun.id in ADDED_AREAS else mun.areas,
            )
            for mun in land.municipalities
        ),
        initiatives=tuple(
            evolve(
                ini,
                intakes=tuple(i for i in ini.intakes if not _invented(i.note)),
                indicators=tuple(d for d in ini.indicators if not _invented(d.note)),
            )
            for ini in land.initiatives
        ),
        people=tuple(p for p in land.people if p.id not in people),
        roles=tuple(r for r in land.roles if r.holder not in people),
        # A pool of invented officers is invented too.
        networks=tuple(
            n for n in land.networks if not (n.members and all(m in people for m in n.members))
        ),
    )


def test_everything_invented_is_marked() -> None:
    land = load(DIA)
    # Every intake is invented (the text is a call and names no municipality that signed
    # up), and says so; so is every person the text does not name.
    intakes = [i for ini in land.initiatives for i in ini.intakes]
    assert len(intakes) == 14
    assert all((i.note or "").startswith(INVENTED_NOTE) for i in intakes)
    seed = squeeze(seed_text(DIA))
    for person in land.people:
        assert (squeeze(person.name) in seed) != (INVENTED_NAME in person.name), person.name
    alone = text_alone(land)
    assert [p.name for p in alone.people] == ["Emma Klever", "Nicolien Waanders"]
    assert [n.id for n in alone.networks] == ["dia-regionaal-netwerk-noord-nederland"]


@pytest.mark.parametrize("name", ALL_EXAMPLES)
def test_no_date_the_text_does_not_state(name: str) -> None:
    text = democratie.dumps(text_alone(load(name)), format="json")
    dates = set(re.findall(r'"(\d{4}-\d{2}-\d{2})"', text))
    assert dates == STATED_DATES[name]


@pytest.mark.parametrize("name", ALL_EXAMPLES)
def test_people_and_contact_details_come_from_the_text(name: str) -> None:
    seed = squeeze(seed_text(name))
    land = text_alone(load(name))
    for person in land.people:
        assert squeeze(person.name) in seed, person.name
    details = [
        *(detail for person in land.people for detail in person.contact),
        *(detail for org in land.organisations for detail in org.contact),
    ]
    for detail in details:
        assert squeeze(detail.value) in seed, detail.value


@pytest.mark.parametrize("name", ALL_EXAMPLES)
def test_no_stakeholder_assessments(name: str) -> None:
    # None of the texts gives ground for a number on power, interest, legitimacy or urgency.
    land = load(name)
    for entry in land.entries():
        assert getattr(entry.entity, "assessment", None) is None, entry.id


# --- Delft: De zeven van Delft -------------------------------------------------------------------

DELFT = "delft-zeven-van-delft.toml"


def test_delft_municipality_has_eight_unnamed_wijken() -> None:
    land = load(DELFT)
    delft = get(land, "delft", Municipality)
    assert (delft.cbs_code, delft.name, delft.wijk_count) == ("GM0503", "Delft", 8)
    assert land.areas_of("delft") == ()


def test_delft_initiative_reaches_every_wijk_in_ten_domains() -> None:
    zeven = get(load(DELFT), "de-zeven-van-delft", Initiative)
    assert zeven.municipalities == ("delft",)
    assert zeven.covers_all == (AreaLevel.WIJK,)
    assert [d.value for d in zeven.domains] == [
        "zorg",
        "welzijn",
        "gezondheid",
        "veiligheid",
        "duurzaamheid",
        "milieu",
        "sociale_participatie",
        "onderwijs",
        "cultuur",
        "sport",
    ]
    assert PolicyDomain.BESTUUR not in zeven.domains


def test_delft_follows_the_six_phases_in_order() -> None:
    zeven = get(load(DELFT), "de-zeven-van-delft", Initiative)
    assert zeven.cycle is PhaseCycle.INTEGRAAL
    assert [stage.phase for stage in zeven.phases] == [
        Phase.VISIE,
        Phase.BELEIDSDOELEN,
        Phase.IMPLEMENTATIE,
        Phase.UITVOERING,
        Phase.DOORONTWIKKELING,
        Phase.ONDERSTEUNING,
    ]
    # "zowel bij de beleidsvorming als bij de uitvoering"; no one else is placed in a phase.
    arranged = [stage.phase for stage in zeven.phases if stage.arranged]
    assert arranged == [Phase.BELEIDSDOELEN, Phase.UITVOERING]


def test_delft_municipality_is_regisseur_with_full_backing() -> None:
    zeven = get(load(DELFT), "de-zeven-van-delft", Initiative)
    assert zeven.government_role is GovernmentRole.REGISSEREN
    assert {c.kind for c in zeven.commitments} == set(CommitmentKind)
    assert all(c.level is CommitmentLevel.VOLLEDIG for c in zeven.commitments)
    politiek = zeven.commitment(CommitmentKind.POLITIEK)
    bestuurlijk = zeven.commitment(CommitmentKind.BESTUURLIJK)
    assert politiek is not None
    assert politiek.by == "delft-raad"
    assert bestuurlijk is not None
    assert bestuurlijk.by == "delft-college"


def test_delft_brings_all_four_sectors_together() -> None:
    land = load(DELFT)
    zeven = get(land, "de-zeven-van-delft", Initiative)
    sectors = set()
    for participant in zeven.participants:
        entity = land.get(participant.actor)
        sectors.add(entity.sector if isinstance(entity, Organisation) else Sector.OVERHEID)
    assert sectors == set(Sector)


def test_delft_workshop_leaders_and_their_roles() -> None:
    land = load(DELFT)
    assert land.name_of("p-rob-van-den-berg") == "Rob van den Berg"
    assert land.name_of("p-jeroen-joon") == "Jeroen Joon"
    rob = {(r.kind, r.at, r.title) for r in land.roles_of("p-rob-van-den-berg")}
    assert (RoleKind.PROJECTLEIDER, "delft", "Senior projectleider gemeente Delft") in rob
    jeroen = {(r.kind, r.at, r.title) for r in land.roles_of("p-jeroen-joon")}
    assert (RoleKind.INITIATIEFNEMER, "mvv", "initiatiefnemer MVV") in jeroen
    assert (RoleKind.RAADSLID, "overbetuwe-raad", "gemeenteraadslid Overbetuwe") in jeroen
    leaders = {
        r.holder
        for r in land.roles_at("workshop-zeven-van-delft")
        if r.kind is RoleKind.WORKSHOPLEIDER
    }
    assert leaders == {"p-rob-van-den-berg", "p-jeroen-joon"}
    assert get(land, "overbetuwe", Municipality).cbs_code == "GM1734"


def test_delft_workshop_has_a_day_but_no_year() -> None:
    land = load(DELFT)
    workshop = get(land, "workshop-zeven-van-delft", Initiative)
    assert workshop.kind is InitiativeKind.WORKSHOP
    assert workshop.initiated_by == ("mvv",)
    (session,) = workshop.meetings
    assert session.date is None
    assert session.when is not None
    assert "22 september" in session.when
    assert session.location == "Bussum"
    assert session.held is False


# --- M50: the learning circle in Waalwijk --------------------------------------------------------

M50 = "m50-leerkring-waalwijk.toml"


def test_m50_learning_circle_has_the_twelve_municipalities() -> None:
    land = load(M50)
    circle = get(land, "m50-leerkring-democratische-vernieuwing", Network)
    assert circle.kind is NetworkKind.LEERKRING
    assert circle.parent == "m50"
    members = land.members_of(circle.id)
    assert len(members) == 12
    assert all(land.kind_of(m) == "municipality" for m in members)
    codes = {get(land, m, Municipality).cbs_code for m in members}
    assert codes == {reference.resolve(name).cbs_code for name in M50_MUNICIPALITIES}
    names = {land.name_of(m) for m in members}
    assert names == {reference.resolve(name).name for name in M50_MUNICIPALITIES}


def test_m50_spelling_of_meierijstad_is_resolved_to_the_cbs_name() -> None:
    land = load(M50)
    assert land.name_of("meierijstad") == "Meierijstad"
    with pytest.raises(reference.UnknownMunicipalityError):
        reference.resolve("Meijerijstad")


def test_m50_kick_off() -> None:
    land = load(M50)
    kick_off = get(land, "m50-kick-off-democratische-vernieuwing", Meeting)
    assert kick_off.kind is MeetingKind.STARTBIJEENKOMST
    assert kick_off.date == dt.date(2020, 2, 4)
    assert kick_off.attendance == 24
    assert kick_off.location == "Waalwijk"
    assert kick_off.held is True
    circle = get(land, "m50-leerkring-democratische-vernieuwing", Network)
    assert set(circle.members) < set(kick_off.attendees)
    assert "democratie-in-actie" in kick_off.attendees
    assert get(land, "democratie-in-actie", Organisation).parent == "vng"


def test_m50_two_follow_ups_without_host_or_date() -> None:
    land = load(M50)
    circle = get(land, "m50-leerkring-democratische-vernieuwing", Network)
    follow_ups = [m for m in circle.meetings if m.kind is MeetingKind.VERVOLGBIJEENKOMST]
    assert len(follow_ups) == 2
    assert all(m.host is None and m.date is None and m.held is False for m in follow_ups)
    whens = [m.when or "" for m in follow_ups]
    assert "eind juni" in whens[0]
    assert "december" in whens[1]
    assert any("raad" in theme for theme in follow_ups[1].themes)


def test_m50_thorbecke_experiments_and_vng_congress() -> None:
    land = load(M50)
    thorbecke = get(land, "thorbecke-experimenten", Initiative)
    assert thorbecke.kind is InitiativeKind.THORBECKE_EXPERIMENT
    assert thorbecke.municipalities == ()
    congress = get(land, "vng-congres", Meeting)
    assert congress.kind is MeetingKind.CONGRES
    assert congress.host == "vng"
    assert congress.date is None
    assert congress.when is not None
    assert "9 juni" in congress.when


def test_m50_observations_and_opportunities() -> None:
    circle = get(load(M50), "m50-leerkring-initiatief", Initiative)
    assert circle.network == "m50-leerkring-democratische-vernieuwing"
    insights = [lesson.text for lesson in circle.lessons if lesson.kind is LessonKind.INZICHT]
    chances = [lesson.text for lesson in circle.lessons if lesson.kind is LessonKind.KANS]
    assert len(insights) == 6
    assert len(chances) == 9
    assert any("raad aan de voorkant gemist" in text for text in insights)
    for phrase in ("energie", "krachtenveld", "Kartrekkers", "Netwerkend werken"):
        assert any(phrase in text for text in chances), phrase


# --- Leusden: Samenleving Voorop -----------------------------------------------------------------

LEUSDEN = "leusden-samenleving-voorop.toml"


def test_leusden_challenge_on_bestuur_with_the_council() -> None:
    land = load(LEUSDEN)
    challenge = get(land, "samenleving-voorop-bestuur", Initiative)
    assert challenge.kind is InitiativeKind.CHALLENGE
    assert challenge.domains == (PolicyDomain.BESTUUR,)
    assert challenge.initiator is Initiator.GEMEENTE
    assert challenge.duration_months == 12
    assert [(p.actor, p.role) for p in challenge.participants] == [
        ("leusden-raad", RoleKind.DEELNEMER)
    ]
    assert challenge in land.initiatives_in("leusden")


def test_leusden_milestones_within_one_and_three_years() -> None:
    challenge = get(load(LEUSDEN), "samenleving-voorop-bestuur", Initiative)
    assert [(m.title, m.due_within_months, m.due) for m in challenge.milestones] == [
        ("nieuwe werkwijze ontworpen", 12, None),
        ("nieuwe werkwijze in gebruik", 36, None),
    ]


def test_leusden_trajectory_and_its_activities() -> None:
    land = load(LEUSDEN)
    trajectory = get(land, "samenleving-voorop", Initiative)
    assert trajectory.kind is InitiativeKind.TRAJECT
    # Five domains at once, but only Bestuur is named as a policy domain.
    assert trajectory.domains == (PolicyDomain.BESTUUR,)
    assert trajectory.description is not None
    assert "5 domeinen" in trajectory.description
    assert "raadsvoorstellen" in trajectory.description.lower()
    meetings = [i.title for i in land.initiatives if i.kind is InitiativeKind.BIJEENKOMST]
    assert meetings == [
        "Bijeenkomst over de Raad van de Toekomst",
        "Bijeenkomst over overheidsparticipatie en de rol van de raad",
    ]


def test_leusden_lessons_are_dos_and_donts_that_transfer() -> None:
    trajectory = get(load(LEUSDEN), "samenleving-voorop", Initiative)
    kinds = {lesson.kind for lesson in trajectory.lessons}
    assert {LessonKind.DOEN, LessonKind.NIET_DOEN} <= kinds
    assert all(lesson.transferable is True for lesson in trajectory.lessons)


# --- Stichtse Vecht: gebiedsgericht werken 2022 --------------------------------------------------

STICHTSE_VECHT = "stichtse-vecht-gebiedsgericht-werken.toml"


def test_stichtse_vecht_names_its_twelve_kernen_from_outside_the_text() -> None:
    land = load(STICHTSE_VECHT)
    stichtse_vecht = get(land, "stichtse-vecht", Municipality)
    assert (stichtse_vecht.cbs_code, stichtse_vecht.kern_count) == ("GM1904", 12)
    kernen = land.areas_of("stichtse-vecht", "kern")
    assert len(kernen) == 12
    # The text counts them and names none ("Maarssenbroek" is only in an e-mail domain); the
    # header says where the names come from.
    seed = squeeze(seed_text(STICHTSE_VECHT))
    assert [k.name for k in kernen if squeeze(k.name) in seed] == ["Maarssenbroek"]
    assert "vrienden@wijkparkmaarssenbroek.nl" in seed
    header = (EXAMPLES / STICHTSE_VECHT).read_text("utf-8").split('format = "democratie/1"')[0]
    assert squeeze("the names are those of the twelve kernen of") in squeeze(header)
    assert text_alone(land).areas_of("stichtse-vecht") == ()


def test_stichtse_vecht_measures_some_goals_in_some_kernen_with_invented_figures() -> None:
    land = load(STICHTSE_VECHT)
    municipality = get(land, "stichtse-vecht", Municipality)
    programme = get(land, "gebiedsgericht-werken-2022", Initiative)
    indicators = (*municipality.indicators, *programme.indicators)
    assert all(_invented(d.note) for d in indicators)
    measured = {d.area for d in indicators if d.measurements and d.area is not None}
    kernen = {k.id for k in land.areas_of("stichtse-vecht", "kern")}
    assert measured < kernen  # some kernen, not all: the gaps show
    goals = {d.service_goal for d in indicators}
    assert None not in goals
    assert 1 < len(goals) < len(ServiceGoal)
    assert text_alone(land).get("stichtse-vecht") == evolve(municipality, areas=(), indicators=())


def test_stichtse_vecht_serves_the_seven_goals_in_every_kern() -> None:
    land = load(STICHTSE_VECHT)
    for entity_id in ("gebiedsgericht-werken-2022", "doorontwikkeling-organisatie"):
        found = get(land, entity_id, Initiative)
        assert found.service_goals == tuple(ServiceGoal), entity_id
    assert get(land, "gebiedsgericht-werken-2022", Initiative).covers_all == (AreaLevel.KERN,)


def test_stichtse_vecht_actors() -> None:
    land = load(STICHTSE_VECHT)
    kinds = {org.kind for org in land.organisations}
    assert {ActorKind.WIJKCOMMISSIE, ActorKind.BEWONERSGROEP, ActorKind.REKENKAMER} <= kinds
    assert get(land, "rekenkamer", Organisation).municipality == "stichtse-vecht"
    friends = get(land, "vrienden-van-het-wijkpark", Organisation)
    assert [(c.kind.value, c.value) for c in friends.contact] == [
        ("email", "vrienden@wijkparkmaarssenbroek.nl")
    ]
    work = get(land, "gebiedsgericht-werken-2022", Initiative)
    assert {p.actor for p in work.participants} == {
        "stichtse-vecht-wijkcommissies",
        "stichtse-vecht-bewonersgroepen",
        "vrienden-van-het-wijkpark",
    }
    assert any("Rekenkamer" in lesson.text for lesson in work.lessons)


def test_stichtse_vecht_internal_and_external_networks() -> None:
    land = load(STICHTSE_VECHT)
    assert sorted(net.kind.value for net in land.networks) == ["extern_netwerk", "intern_netwerk"]
    assert all(net.members == ("stichtse-vecht",) for net in land.networks)


# --- Democratie in Actie: Noord-Nederland --------------------------------------------------------

DIA = "democratie-in-actie-noord-nederland.toml"
DIA_TRAJECTORY = "dia-ontwikkeltraject-organisatieontwikkeling"


def test_dia_trajectory_shape() -> None:
    land = load(DIA)
    trajectory = get(land, DIA_TRAJECTORY, Initiative)
    assert trajectory.kind is InitiativeKind.TRAJECT
    assert trajectory.target_municipalities == 10
    assert trajectory.duration_months == 12
    assert trajectory.municipalities == ()
    assert set(trajectory.elements) == set(TrajectoryElement)
    assert set(trajectory.required_commitments) == set(CommitmentKind)
    assert set(trajectory.target_roles) == {
        RoleKind.GEMEENTESECRETARIS,
        RoleKind.PROJECTLEIDER,
        RoleKind.INTERNE_ORGANISATIEADVISEUR,
        RoleKind.AMBTENAAR_DEMOCRATISCHE_VERNIEUWING,
        RoleKind.BESTUURDER_MET_PORTEFEUILLE,
    }


def test_dia_regional_learning_group_has_no_invented_members() -> None:
    land = load(DIA)
    trajectory = get(land, DIA_TRAJECTORY, Initiative)
    assert trajectory.network is not None
    group = get(land, trajectory.network, Network)
    assert group.kind is NetworkKind.REGIONAAL_LEERNETWERK
    assert "Noord-Nederland" in group.name
    assert land.members_of(group.id) == ()


def test_dia_meetings_are_planned_without_dates() -> None:
    trajectory = get(load(DIA), DIA_TRAJECTORY, Initiative)
    kinds = [m.kind for m in trajectory.meetings]
    assert kinds.count(MeetingKind.REGIONALE_BIJEENKOMST) >= 3
    assert kinds.count(MeetingKind.SLOTBIJEENKOMST) == 1
    assert kinds.index(MeetingKind.SLOTBIJEENKOMST) == len(kinds) - 1
    start = [m for m in trajectory.meetings if m.kind is MeetingKind.STARTBIJEENKOMST]
    assert [m.when for m in start] == ["begin 2019"]
    assert all(m.date is None and m.held is False for m in trajectory.meetings)


def test_dia_contact_persons() -> None:
    land = text_alone(load(DIA))
    contacts = {
        r.holder: r.on_behalf_of
        for r in land.roles_at(DIA_TRAJECTORY)
        if r.kind is RoleKind.CONTACTPERSOON
    }
    assert contacts == {"p-emma-klever": "vng", "p-nicolien-waanders": "assen"}
    details = {
        person.name: sorted((c.kind.value, c.value) for c in person.contact)
        for person in land.people
    }
    assert details == {
        "Emma Klever": [("email", "Emma.Klever@VNG.nl"), ("telefoon", "06-45478963")],
        "Nicolien Waanders": [("email", "N.Waanders@assen.nl"), ("telefoon", "06-20394981")],
    }

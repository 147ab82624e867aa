"""Tests for democratie.vocab: slugs, labels, sources and the ordered scales."""

from __future__ import annotations

import ast
import copy
import doctest
import enum
import inspect
import itertools
import pickle
import re
from pathlib import Path

import pytest

from democratie import vocab
from democratie.vocab import (
    DEFAULT_SECTORS,
    VOCABULARIES,
    ActorKind,
    AreaLevel,
    ArnsteinGroup,
    ArnsteinRung,
    CommitmentKind,
    CommitmentLevel,
    ContactKind,
    Direction,
    GovernmentRole,
    Iap2Level,
    InitiativeKind,
    Initiator,
    LessonKind,
    MeetingKind,
    MendelowQuadrant,
    NetworkKind,
    ParticipationLevel,
    Phase,
    PhaseCycle,
    PolicyDomain,
    QuestionTheme,
    Raci,
    RoleKind,
    SalienceClass,
    SalienceGroup,
    Sector,
    ServiceGoal,
    Term,
    TrajectoryElement,
    sourced,
)

SLUG = re.compile(r"^[a-z0-9]+(_[a-z0-9]+)*$")

# Slugs are stored in landscape files: this table pins them, in order. Changing a slug breaks
# every file that uses it, so a failure here should lead to a migration, not to editing the table.
EXPECTED_SLUGS: dict[type[Term], tuple[str, ...]] = {
    ParticipationLevel: (
        "informeren",
        "raadplegen",
        "adviseren",
        "coproduceren",
        "meebeslissen",
        "zelfbeheer",
    ),
    GovernmentRole: ("reguleren", "regisseren", "stimuleren", "faciliteren", "loslaten"),
    Initiator: ("gemeente", "samenleving"),
    ArnsteinGroup: ("geen_participatie", "symbolisch", "burgermacht"),
    ArnsteinRung: (
        "manipulatie",
        "therapie",
        "informeren",
        "raadplegen",
        "sussen",
        "partnerschap",
        "gedelegeerde_macht",
        "burgercontrole",
    ),
    Iap2Level: ("informeren", "raadplegen", "betrekken", "samenwerken", "zeggenschap"),
    Sector: ("overheid", "maatschappij", "markt", "inwoners"),
    ActorKind: (
        "gemeente",
        "maatschappelijke_organisatie",
        "bedrijf",
        "inwoner",
        "bewonersgroep",
        "wijkcommissie",
        "wijkraad",
        "dorpsraad",
        "wijkplatform",
        "woningcorporatie",
        "welzijnsorganisatie",
        "vereniging",
        "stichting",
        "kennisinstelling",
        "netwerkorganisatie",
        "politie",
        "rekenkamer",
        "overheidsorganisatie",
        "politieke_partij",
    ),
    RoleKind: (
        "burgemeester",
        "waarnemend_burgemeester",
        "locoburgemeester",
        "wethouder",
        "raadslid",
        "burgerlid",
        "fractievoorzitter",
        "griffier",
        "gemeentesecretaris",
        "ambtenaar",
        "voorzitter",
        "secretaris",
        "portefeuillehouder",
        "projectleider",
        "interne_organisatieadviseur",
        "ambtenaar_democratische_vernieuwing",
        "veranderambtenaar",
        "bestuurder_met_portefeuille",
        "kartrekker",
        "wijkregisseur",
        "gebiedsregisseur",
        "initiatiefnemer",
        "deelnemer",
        "kandidaat_deelnemer",
        "partner",
        "gastgemeente",
        "workshopleider",
        "contactpersoon",
        "lid",
    ),
    AreaLevel: ("provincie", "gemeente", "kern", "dorp", "wijk", "buurt", "gebied", "regio"),
    PolicyDomain: (
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
        "bestuur",
    ),
    Phase: (
        "visie",
        "beleidsdoelen",
        "implementatie",
        "uitvoering",
        "doorontwikkeling",
        "ondersteuning",
        "voorbereiding",
        "evaluatie",
    ),
    PhaseCycle: ("integraal", "wettelijk"),
    ServiceGoal: (
        "snelle_en_eenvoudige_dienstverlening",
        "brede_verantwoordelijkheid",
        "duidelijk_en_onderbouwd_advies",
        "minder_regeldruk",
        "heldere_en_tijdige_communicatie",
        "meedenkend_en_meehelpend",
        "participatie",
    ),
    Direction: ("omhoog", "omlaag"),
    InitiativeKind: (
        "experiment",
        "traject",
        "challenge",
        "programma",
        "workshop",
        "bijeenkomst",
        "leerkring",
        "burgerberaad",
        "burgerforum",
        "g1000",
        "burgerbegroting",
        "wijkbudget",
        "uitdaagrecht",
        "thorbecke_experiment",
    ),
    NetworkKind: (
        "vereniging",
        "netwerk_van_gemeenten",
        "regionaal_leernetwerk",
        "leerkring",
        "wijknetwerk",
        "gemeenschappelijke_regeling",
        "intern_netwerk",
        "extern_netwerk",
        "pool_veranderambtenaren",
    ),
    CommitmentKind: ("politiek", "bestuurlijk", "ambtelijk"),
    CommitmentLevel: ("geen", "beperkt", "toegezegd", "volledig"),
    Raci: ("uitvoerend", "eindverantwoordelijk", "geraadpleegd", "geinformeerd"),
    LessonKind: ("doen", "niet_doen", "inzicht", "kans"),
    MeetingKind: (
        "startbijeenkomst",
        "intake",
        "regionale_bijeenkomst",
        "vervolgbijeenkomst",
        "slotbijeenkomst",
        "ledenbijeenkomst",
        "congres",
        "workshop",
        "excursie",
        "werksessie",
    ),
    TrajectoryElement: (
        "lokale_intake",
        "lokaal_maatwerk",
        "regionale_leergroep",
        "regionale_bijeenkomsten",
        "slotbijeenkomst",
        "pool_veranderambtenaren",
        "excursies",
        "kennisbundeling",
    ),
    QuestionTheme: (
        "hr_beleid",
        "organisatiemodellen",
        "rollen_en_functies",
        "rol_van_de_politiek",
        "houding_en_gedrag",
        "overheidsparticipatie",
        "dienstverlening",
        "lerende_organisatie",
        "netwerkend_werken",
    ),
    ContactKind: ("email", "telefoon", "website", "adres"),
    MendelowQuadrant: ("nauw_betrekken", "tevreden_houden", "informeren", "monitoren"),
    SalienceClass: (
        "slapend",
        "discretionair",
        "veeleisend",
        "dominant",
        "gevaarlijk",
        "afhankelijk",
        "definitief",
        "geen",
    ),
    SalienceGroup: ("latent", "verwachtend", "definitief"),
}

vocabularies = pytest.mark.parametrize("cls", VOCABULARIES, ids=lambda cls: cls.__name__)


def _squash(text: str) -> str:
    return " ".join(text.split())


# --- The registry -----------------------------------------------------------------------------


def test_vocabularies_lists_every_term_class_in_the_module_once_in_order() -> None:
    defined = [
        obj
        for obj in vars(vocab).values()
        if isinstance(obj, type) and issubclass(obj, Term) and obj is not Term
    ]
    assert list(VOCABULARIES) == defined
    assert list(VOCABULARIES) == list(EXPECTED_SLUGS)


def test_all_exports_every_vocabulary_and_the_helpers() -> None:
    exported = set(vocab.__all__)
    assert {cls.__name__ for cls in VOCABULARIES} <= exported
    assert {"Term", "sourced", "VOCABULARIES", "DEFAULT_SECTORS"} <= exported
    assert all(hasattr(vocab, name) for name in vocab.__all__)


def test_public_names_have_examples() -> None:
    for name in vocab.__all__:
        if name in {"VOCABULARIES", "DEFAULT_SECTORS"}:
            continue  # under their assignment, checked below
        assert "Examples\n" in (getattr(vocab, name).__doc__ or ""), name


def test_the_docstrings_have_examples() -> None:
    # tests/test_public_examples.py runs them, with every other example.
    tests = doctest.DocTestFinder().find(vocab)
    assert sum(len(test.examples) for test in tests) > 40


def test_the_constants_carry_an_example_under_their_assignment() -> None:
    source = Path(vocab.__file__).read_text(encoding="utf-8")
    body = ast.parse(source).body
    parser = doctest.DocTestParser()
    documented = set()
    for node, following in itertools.pairwise(body):
        if not (isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name)):
            continue
        if not (
            isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            continue
        name = node.target.id
        documented.add(name)
        assert parser.get_examples(following.value.value), f"{name} has no example"
    assert documented == {"DEFAULT_SECTORS", "VOCABULARIES"}


# --- Every vocabulary -------------------------------------------------------------------------


@vocabularies
def test_slugs_are_the_pinned_dutch_identifiers(cls: type[Term]) -> None:
    assert cls.slugs() == EXPECTED_SLUGS[cls]


@vocabularies
def test_members_are_lowercase_slugs_named_after_themselves(cls: type[Term]) -> None:
    for member in cls:
        assert SLUG.match(member.slug), member
        assert member.value == member.slug
        assert member.name == member.slug.upper()
        assert str(member) == member.slug
        assert f"{member}" == member.slug


@vocabularies
def test_slugs_are_unique_so_no_member_is_an_alias(cls: type[Term]) -> None:
    assert len(cls.__members__) == len(cls)
    assert len(set(cls.slugs())) == len(cls)


@vocabularies
def test_labels_are_non_empty_and_distinct(cls: type[Term]) -> None:
    english = [member.label_en for member in cls]
    dutch = [member.label_nl for member in cls]
    for label in english + dutch:
        assert label.strip() == label
        assert label
    assert len(set(english)) == len(english)
    assert len(set(dutch)) == len(dutch)


@vocabularies
def test_label_picks_the_language_and_defaults_to_dutch(cls: type[Term]) -> None:
    for member in cls:
        assert member.label() == member.label_nl
        assert member.label("nl") == member.label_nl
        assert member.label("en") == member.label_en


@vocabularies
def test_source_is_set_and_repeated_in_the_docstring(cls: type[Term]) -> None:
    source = cls.__source__
    assert source.strip()
    assert all(member.source == source for member in cls)
    doc = inspect.getdoc(cls)
    assert doc is not None
    assert _squash(source) in _squash(doc)


@vocabularies
def test_from_slug_finds_every_member(cls: type[Term]) -> None:
    for member in cls:
        assert cls.from_slug(member.slug) is member
        assert cls(member.slug) is member


@vocabularies
def test_members_behave_as_enum_members(cls: type[Term]) -> None:
    members = list(cls)
    assert all(isinstance(member, enum.Enum) for member in members)
    index = {member: position for position, member in enumerate(members)}
    assert [index[member] for member in members] == list(range(len(members)))
    for member in members:
        assert pickle.loads(pickle.dumps(member)) is member
        assert copy.deepcopy(member) is member


# --- Term behaviour -------------------------------------------------------------------------


def test_from_slug_suggests_the_nearest_slug_and_lists_the_allowed_ones() -> None:
    with pytest.raises(ValueError, match="did you mean") as info:
        ParticipationLevel.from_slug("raadpelgen")
    assert str(info.value) == (
        '"raadpelgen" is not a participation level; did you mean "raadplegen"? '
        "Allowed: informeren, raadplegen, adviseren, coproduceren, meebeslissen, zelfbeheer"
    )


def test_from_slug_without_a_close_match_only_lists_the_allowed_slugs() -> None:
    with pytest.raises(ValueError, match="Allowed") as info:
        Initiator.from_slug("xyz")
    assert str(info.value) == '"xyz" is not an initiator. Allowed: gemeente, samenleving'


def test_from_slug_is_exact_but_suggests_the_lowercase_slug() -> None:
    with pytest.raises(ValueError, match='did you mean "wethouder"'):
        RoleKind.from_slug("Wethouder")


def test_from_slug_names_proper_nouns_and_acronyms() -> None:
    with pytest.raises(ValueError, match='is not an Arnstein rung; did you mean "sussen"'):
        ArnsteinRung.from_slug("susen")
    with pytest.raises(ValueError, match='is not an IAP2 level; did you mean "betrekken"'):
        Iap2Level.from_slug("betreken")
    with pytest.raises(ValueError, match="is not a RACI role"):
        Raci.from_slug("responsible")


def test_from_slug_returns_the_subclass_member() -> None:
    level: ParticipationLevel = ParticipationLevel.from_slug("zelfbeheer")
    assert level is ParticipationLevel.ZELFBEHEER


def test_label_rejects_unknown_languages() -> None:
    with pytest.raises(ValueError, match='use "nl" or "en"'):
        Sector.MARKT.label("fr")  # type: ignore[arg-type]


def test_same_slug_in_different_vocabularies_gives_different_members() -> None:
    members: list[Term] = [
        ParticipationLevel.INFORMEREN,
        Iap2Level.INFORMEREN,
        ArnsteinRung.INFORMEREN,
        MendelowQuadrant.INFORMEREN,
    ]
    assert {member.slug for member in members} == {"informeren"}
    assert len(set(members)) == len(members)


def test_sourced_sets_source_and_noun_on_a_new_vocabulary() -> None:
    @sourced("Our own reading")
    class MeetingTone(Term):
        FORMEEL = ("formeel", "Formal", "Formeel")
        INFORMEEL = ("informeel", "Informal", "Informeel")

    assert MeetingTone.FORMEEL.source == "Our own reading"
    assert MeetingTone.INFORMEEL.value == "informeel"
    assert MeetingTone.INFORMEEL.label("en") == "Informal"
    with pytest.raises(ValueError, match=r'^"formel" is not a meeting tone; did you mean'):
        MeetingTone.from_slug("formel")


def test_sourced_rejects_a_blank_source() -> None:
    with pytest.raises(ValueError, match="non-empty source"):
        sourced("  ")


# --- Ordered scales ---------------------------------------------------------------------------


def test_participation_level_ranks() -> None:
    assert {level.slug: level.rank for level in ParticipationLevel} == {
        "informeren": 1,
        "raadplegen": 2,
        "adviseren": 3,
        "coproduceren": 4,
        "meebeslissen": 5,
        "zelfbeheer": 6,
    }


def test_government_role_steps_climb_from_loslaten_to_reguleren() -> None:
    assert {role.slug: role.step for role in GovernmentRole} == {
        "loslaten": 1,
        "faciliteren": 2,
        "stimuleren": 3,
        "regisseren": 4,
        "reguleren": 5,
    }


def test_initiator_says_which_scale_applies() -> None:
    assert Initiator.GEMEENTE.scale is ParticipationLevel
    assert Initiator.SAMENLEVING.scale is GovernmentRole


def test_arnstein_rungs_and_groups() -> None:
    assert [rung.rung for rung in ArnsteinRung] == list(range(1, 9))
    assert {rung.slug: rung.group for rung in ArnsteinRung} == {
        "manipulatie": ArnsteinGroup.GEEN_PARTICIPATIE,
        "therapie": ArnsteinGroup.GEEN_PARTICIPATIE,
        "informeren": ArnsteinGroup.SYMBOLISCH,
        "raadplegen": ArnsteinGroup.SYMBOLISCH,
        "sussen": ArnsteinGroup.SYMBOLISCH,
        "partnerschap": ArnsteinGroup.BURGERMACHT,
        "gedelegeerde_macht": ArnsteinGroup.BURGERMACHT,
        "burgercontrole": ArnsteinGroup.BURGERMACHT,
    }


def test_iap2_ranks() -> None:
    assert {level.slug: level.rank for level in Iap2Level} == {
        "informeren": 1,
        "raadplegen": 2,
        "betrekken": 3,
        "samenwerken": 4,
        "zeggenschap": 5,
    }


def test_commitment_level_ranks_start_at_zero() -> None:
    assert {level.slug: level.rank for level in CommitmentLevel} == {
        "geen": 0,
        "beperkt": 1,
        "toegezegd": 2,
        "volledig": 3,
    }


# --- Mappings -------------------------------------------------------------------------------


def test_default_sectors_cover_every_actor_kind() -> None:
    assert set(DEFAULT_SECTORS) == set(ActorKind)
    assert all(kind.default_sector is DEFAULT_SECTORS[kind] for kind in ActorKind)


def test_default_sectors_follow_the_documented_reading() -> None:
    by_sector = {
        sector: {kind.slug for kind in ActorKind if kind.default_sector is sector}
        for sector in Sector
    }
    assert by_sector[Sector.OVERHEID] == {
        "gemeente",
        "politie",
        "rekenkamer",
        "overheidsorganisatie",
    }
    assert by_sector[Sector.MARKT] == {"bedrijf"}
    assert by_sector[Sector.INWONERS] == {
        "inwoner",
        "bewonersgroep",
        "wijkcommissie",
        "wijkraad",
        "dorpsraad",
        "wijkplatform",
    }
    assert by_sector[Sector.MAATSCHAPPIJ] == {
        "maatschappelijke_organisatie",
        "woningcorporatie",
        "welzijnsorganisatie",
        "vereniging",
        "stichting",
        "kennisinstelling",
        "netwerkorganisatie",
        "politieke_partij",
    }


def test_default_sectors_are_read_only() -> None:
    with pytest.raises(TypeError):
        DEFAULT_SECTORS[ActorKind.BEDRIJF] = Sector.OVERHEID  # type: ignore[index]


def test_phase_cycles_list_their_phases_in_order() -> None:
    assert [phase.slug for phase in PhaseCycle.INTEGRAAL.phases] == [
        "visie",
        "beleidsdoelen",
        "implementatie",
        "uitvoering",
        "doorontwikkeling",
        "ondersteuning",
    ]
    assert [phase.slug for phase in PhaseCycle.WETTELIJK.phases] == [
        "voorbereiding",
        "uitvoering",
        "evaluatie",
    ]
    covered = {phase for cycle in PhaseCycle for phase in cycle.phases}
    assert covered == set(Phase)


@pytest.mark.parametrize(
    ("power", "legitimacy", "urgency", "salience", "group"),
    [
        (True, False, False, SalienceClass.SLAPEND, SalienceGroup.LATENT),
        (False, True, False, SalienceClass.DISCRETIONAIR, SalienceGroup.LATENT),
        (False, False, True, SalienceClass.VEELEISEND, SalienceGroup.LATENT),
        (True, True, False, SalienceClass.DOMINANT, SalienceGroup.VERWACHTEND),
        (True, False, True, SalienceClass.GEVAARLIJK, SalienceGroup.VERWACHTEND),
        (False, True, True, SalienceClass.AFHANKELIJK, SalienceGroup.VERWACHTEND),
        (True, True, True, SalienceClass.DEFINITIEF, SalienceGroup.DEFINITIEF),
        (False, False, False, SalienceClass.GEEN, None),
    ],
    ids=lambda value: value.slug if isinstance(value, Term) else None,
)
def test_salience_class_groups(
    power: bool,
    legitimacy: bool,
    urgency: bool,
    salience: SalienceClass,
    group: SalienceGroup | None,
) -> None:
    # The group is the number of attributes the class combines: one latent, two expectant.
    attributes = sum((power, legitimacy, urgency))
    assert salience.group is group
    assert (group is None) == (attributes == 0)
    if group is not None:
        assert list(SalienceGroup).index(group) + 1 == attributes


def test_every_salience_class_is_covered_by_the_group_table() -> None:
    assert [salience.group for salience in SalienceClass].count(None) == 1


def test_raci_letters() -> None:
    assert {role.slug: role.letter for role in Raci} == {
        "uitvoerend": "R",
        "eindverantwoordelijk": "A",
        "geraadpleegd": "C",
        "geinformeerd": "I",
    }
    assert [role.label_en[0] for role in Raci] == [role.letter for role in Raci]


def test_service_goals_use_the_wording_of_stichtse_vecht() -> None:
    assert len(ServiceGoal) == 7
    assert ServiceGoal.MEEDENKEND_EN_MEEHELPEND.label_nl == "Meedenkend en meehelpend in de vraag"
    assert ServiceGoal.PARTICIPATIE.label_nl == (
        "Meedenken, meedoen en ruimte krijgen (participatie)"
    )

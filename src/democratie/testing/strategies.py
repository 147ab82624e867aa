"""Hypothesis strategies that build valid ``democratie`` model objects and whole landscapes.

Use them to test code that consumes landscapes (an exporter, a scoring rule, an
analysis) against every landscape the model allows, not just the ones you
thought of. Every strategy builds objects the model accepts: text without
control characters, ids that are slugs, dates in order, CBS codes from the
shipped list, phases in the order of their cycle. A single line of text never holds the
invisible characters the model refuses there (bidi overrides, zero-width spaces); it now
and then holds the marks and joiners real names use (a right-to-left mark, a zero-width
joiner), so that what renders names meets them. :func:`landscapes` goes further
and draws the references between entities so that they resolve to entities of
the right kind, which makes ``Landscape(...)`` succeed for every example.

Sizes are small by default so that a test runs a hundred landscapes in a second
or two; raise the ``max_*`` arguments of :func:`landscapes` for bigger examples.

Strategies for single objects take the ids they may refer to as arguments
(``holders=``, ``actors=``, ``municipalities=``, ...) and an ``exclude=``
collection of ids they must not use for the ids they make, so that you can
compose them into landscapes of your own.

Notes
-----
This module needs Hypothesis, the extra ``testing`` of the package
(``pip install "democratie[testing]"``).

Examples
--------
A property of a scoring rule or an exporter, checked for every landscape:

>>> import democratie
>>> from hypothesis import given, settings
>>> from democratie.testing.strategies import landscapes
>>> @settings(max_examples=10, database=None, deadline=None)
... @given(landscapes())
... def test_dump_then_load_gives_the_same_landscape(landscape):
...     assert democratie.loads(democratie.dumps(landscape)) == landscape
>>> test_dump_then_load_gives_the_same_landscape()

Mutation tests start from :func:`documents`, the plain data a landscape is
written as:

>>> from democratie.testing.strategies import documents
>>> @settings(max_examples=10, database=None, deadline=None)
... @given(documents())
... def test_a_document_without_format_is_refused(document):
...     del document["format"]
...     try:
...         democratie.io.structure(document)
...     except democratie.LoadError as error:
...         assert error.problems[0].path == "format"
...     else:
...         raise AssertionError("a document without format was accepted")
>>> test_a_document_without_format_is_refused()
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from functools import cache
from types import MappingProxyType
from typing import Any, NamedTuple, TypeVar

from hypothesis import assume
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import DrawFn, SearchStrategy

from democratie import reference
from democratie.io import unstructure
from democratie.model import (
    Area,
    Assessment,
    Assignment,
    College,
    Commitment,
    ContactDetail,
    Council,
    Evaluation,
    Faction,
    Identifier,
    Indicator,
    Initiative,
    Intake,
    Landscape,
    Lesson,
    Measurement,
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
    Direction,
    GovernmentRole,
    InitiativeKind,
    Initiator,
    LessonKind,
    MeetingKind,
    NetworkKind,
    ParticipationLevel,
    Phase,
    PhaseCycle,
    PolicyDomain,
    QuestionTheme,
    Raci,
    RoleKind,
    Sector,
    ServiceGoal,
    TrajectoryElement,
)

__all__ = [
    "areas",
    "assessments",
    "contact_details",
    "dates",
    "documents",
    "identifiers",
    "ids",
    "initiatives",
    "landscapes",
    "meetings",
    "municipalities",
    "networks",
    "organisations",
    "people",
    "periods",
    "roles",
    "sources",
    "texts",
]

_T = TypeVar("_T")

#: The characters an id may start and end with, and the ones it may have in between.
_ID_EDGE = "abcdefghijklmnopqrstuvwxyz0123456789"
_ID_INNER = _ID_EDGE + "-._"
#: How many items the lists inside one object hold at most (goals, tasks, contact details).
_FEW = 2
_NO_AREAS: Mapping[str, str] = MappingProxyType({})

#: Text as the sources write it, mixed in with arbitrary Unicode so examples also read well.
_WORDS = (
    "Delft",
    "De zeven van Delft",
    "Samenleving Voorop",
    "Gebiedsgericht werken",
    "Wijkcommissie Maarssen",
    "Leerkring democratische vernieuwing",
    "Rob van den Berg",
    "Súdwest-Fryslân",
    "’s-Hertogenbosch",
    "Raad aan de voorkant",
    "Ons Dorp Café",
)
_PARAGRAPHS = (
    (
        "Organisaties, bedrijven en gemeente werken samen in alle acht wijken.\n"
        "De gemeente is regisseur."
    ),
    "Kartrekkers zijn nodig.\r\n\tZorg voor energie in het krachtenveld.",
)
#: Names with the marks and joiners the model allows: a right-to-left mark (Hebrew), an
#: Arabic letter mark, a left-to-right mark, a zero-width non-joiner (Persian) and a
#: zero-width joiner (an emoji sequence).
_MARKED = (
    "\u05d3\u05e0\u05d4 \u05db\u05d4\u05df\u200f",
    "\u0645\u062d\u0645\u062f\u061c 2",
    "Anna\u200e de Vries",
    "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",
    "Team \U0001f469\u200d\U0001f4bb",
)
#: The invisible characters that single-line text may not hold (see the model's checks).
_INVISIBLE = "".join(
    chr(code) for code in (0x200B, *range(0x202A, 0x202F), *range(0x2060, 0x2065))
) + "".join(chr(code) for code in (*range(0x2066, 0x2070), 0xFEFF))
_FOREIGN_PLACES = ("Antwerpen", "Gent", "Emmerich am Rhein", "Aachen", "Baarle-Hertog")
_FOREIGN_REGIONS = ("Vlaanderen", "Nordrhein-Westfalen", "Antwerpen")
_SCHEMES = ("ori", "popolo", "cbs", "tooi", "decidim")
_URLS = ("https://www.delft.nl", "https://vng.nl/democratie-in-actie", "https://m50.nl")
_AREA_CODES: Mapping[AreaLevel, tuple[str, int]] = MappingProxyType(
    {
        AreaLevel.WIJK: ("WK", 6),
        AreaLevel.BUURT: ("BU", 8),
        AreaLevel.GEMEENTE: ("GM", 4),
        AreaLevel.PROVINCIE: ("PV", 2),
    }
)


# --- Values -----------------------------------------------------------------------------------


def ids(*, exclude: Collection[str] = (), max_size: int = 24) -> SearchStrategy[str]:
    """Ids as the model accepts them: lowercase slugs of letters, digits, ``-``, ``_``, ``.``.

    Parameters
    ----------
    exclude
        Ids never to return (the ids already taken in a landscape).
    max_size
        The longest id to make, from 1 to 200 characters.

    Returns
    -------
    SearchStrategy[str]
        Ids that start and end with a letter or digit.

    Raises
    ------
    hypothesis.errors.InvalidArgument
        When `max_size` is outside 1 to 200.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> from democratie.model._checks import ID_PATTERN
    >>> @settings(max_examples=20, database=None)
    ... @given(ids(exclude={"delft"}))
    ... def test_ids_are_slugs(value):
    ...     assert ID_PATTERN.fullmatch(value) and value != "delft"
    >>> test_ids_are_slugs()
    """
    if not 1 <= max_size <= 200:
        message = f"max_size={max_size!r} must be from 1 to 200 (the longest id the model accepts)"
        raise InvalidArgument(message)
    edge = st.sampled_from(_ID_EDGE)
    strategy: SearchStrategy[str] = edge
    if max_size >= 2:
        longer = st.builds(_joined, edge, st.text(alphabet=_ID_INNER, max_size=max_size - 2), edge)
        strategy = st.one_of(edge, longer)
    if exclude:
        taken = frozenset(exclude)
        strategy = strategy.filter(lambda value: value not in taken)
    return strategy


def texts(*, multiline: bool = False, max_size: int = 24) -> SearchStrategy[str]:
    r"""Text for names, titles and descriptions: non-blank Unicode without control characters.

    Parameters
    ----------
    multiline
        Allow line breaks and tabs (``\n``, ``\r``, ``\t``), as descriptions, notes,
        goals and lessons do.
    max_size
        The longest text to make, in characters.

    Returns
    -------
    SearchStrategy[str]
        Sometimes a Dutch phrase from the sources or a name with a right-to-left mark or
        a zero-width joiner, mostly arbitrary Unicode; a single line never with the
        invisible characters the model refuses in it (a bidi override, a zero-width space).

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=20, database=None)
    ... @given(texts())
    ... def test_texts_are_not_blank(text):
    ...     assert text.strip() and "\n" not in text
    >>> test_texts_are_not_blank()
    """
    alphabet = st.characters(
        exclude_categories=("Cc", "Cs"),
        include_characters="\n\r\t" if multiline else None,
        exclude_characters=None if multiline else _INVISIBLE,
    )
    arbitrary = st.text(alphabet, min_size=1, max_size=max_size).filter(str.strip)
    samples = _WORDS + _MARKED + _PARAGRAPHS if multiline else _WORDS + _MARKED
    return st.one_of(st.sampled_from(samples), arbitrary)


def dates(
    *, min_value: dt.date = dt.date.min, max_value: dt.date = dt.date.max
) -> SearchStrategy[dt.date]:
    """Dates, by default over the whole range Python allows (years 1 to 9999).

    Parameters
    ----------
    min_value, max_value
        The first and the last date to make.

    Returns
    -------
    SearchStrategy[datetime.date]
        Dates, shrinking towards the year 2000.

    Examples
    --------
    >>> import datetime as dt
    >>> from hypothesis import find
    >>> find(dates(min_value=dt.date(2020, 2, 4)), lambda day: True)
    datetime.date(2020, 2, 4)
    """
    return st.dates(min_value=min_value, max_value=max_value)


@st.composite
def periods(draw: DrawFn) -> Period:
    """Periods with either end open or given, the end never before the start.

    Returns
    -------
    SearchStrategy[Period]
        Periods, the open one ``Period()`` included.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=20, database=None)
    ... @given(periods())
    ... def test_a_period_contains_its_end(period):
    ...     assert period.end is None or period.contains(period.end)
    >>> test_a_period_contains_its_end()
    """
    return _period(draw)


def assessments() -> SearchStrategy[Assessment]:
    """Krachtenveld assessments: each of power, interest, legitimacy, urgency in [0, 1] or absent.

    Returns
    -------
    SearchStrategy[Assessment]
        Assessments, the empty one included.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=20, database=None)
    ... @given(assessments())
    ... def test_power_is_a_share(assessment):
    ...     assert assessment.power is None or 0 <= assessment.power <= 1
    >>> test_power_is_a_share()
    """
    unit = _maybe(st.floats(min_value=0.0, max_value=1.0))
    return st.builds(Assessment, power=unit, interest=unit, legitimacy=unit, urgency=unit)


def identifiers() -> SearchStrategy[Identifier]:
    """Ids in other systems (Open Raadsinformatie, Popolo, CBS, ...).

    Returns
    -------
    SearchStrategy[Identifier]
        Identifiers with a known or an arbitrary scheme.

    Examples
    --------
    >>> from hypothesis import find
    >>> find(identifiers(), lambda found: found.scheme == "cbs").scheme
    'cbs'
    """
    return st.builds(
        Identifier, scheme=st.one_of(st.sampled_from(_SCHEMES), texts()), identifier=texts()
    )


def contact_details() -> SearchStrategy[ContactDetail]:
    """Contact details of every kind (e-mail, telephone, website, address).

    Returns
    -------
    SearchStrategy[ContactDetail]
        Contact details.

    Examples
    --------
    >>> from hypothesis import find
    >>> from democratie.vocab import ContactKind
    >>> find(contact_details(), lambda c: c.kind is ContactKind.ADRES).kind.label_en
    'Address'
    """
    return st.builds(ContactDetail, kind=st.sampled_from(ContactKind), value=texts())


def sources() -> SearchStrategy[Source]:
    r"""Sources of a landscape's facts, with and without a url and a note.

    Returns
    -------
    SearchStrategy[Source]
        Sources.

    Examples
    --------
    >>> from hypothesis import find
    >>> find(sources(), lambda s: s.note is not None and "\n" in s.note).title
    'Delft'
    """
    return st.builds(
        Source,
        title=texts(),
        url=_maybe(st.one_of(st.sampled_from(_URLS), texts())),
        note=_maybe(texts(multiline=True)),
    )


# --- Municipalities and their parts ------------------------------------------------------------


@st.composite
def areas(
    draw: DrawFn, *, exclude: Collection[str] = (), max_depth: int = 2, max_children: int = 2
) -> Area:
    """Areas (wijk, kern, buurt, ...) with areas nested inside them, all ids unique.

    Areas of a level with a CBS code format (wijk, buurt, gemeente, provincie)
    get a code of that format or none; other levels get free text or none.

    Parameters
    ----------
    exclude
        Ids the area and the areas inside it must not have.
    max_depth
        How many levels of areas may nest below the one returned.
    max_children
        How many areas each area holds at most.

    Returns
    -------
    SearchStrategy[Area]
        One area, possibly with nested areas.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=20, database=None)
    ... @given(areas(max_depth=1))
    ... def test_nested_ids_are_unique(area):
    ...     found = [a.id for a in area.walk()]
    ...     assert len(found) == len(set(found))
    >>> test_nested_ids_are_unique()
    """
    return _area(draw, set(exclude), max_depth, max_children)


@st.composite
def municipalities(
    draw: DrawFn,
    *,
    exclude: Collection[str] = (),
    parties: Sequence[str] = (),
    max_areas: int = 2,
    max_depth: int = 2,
    max_factions: int = 2,
) -> Municipality:
    """Municipalities: mostly Dutch ones from the CBS list, sometimes one from abroad.

    A Dutch municipality gets a real CBS code from
    :func:`democratie.reference.municipalities`, with its name and province
    either left out (taken from the list) or written out, in the list's spelling
    or in capitals (a province given as None is also taken from the list). A
    municipality from abroad has no code and a name.
    Each has areas (nested), a council with factions, a college, indicators of its own
    areas (or of the whole municipality) with their measurements, and counts of wijken
    and kernen that are never below the areas it names.

    Parameters
    ----------
    exclude
        Ids the municipality, its council and college (``<id>-raad``,
        ``<id>-college``), its areas and factions must not have.
    parties
        Ids of party organisations a faction may refer to.
    max_areas
        How many areas at most at the top, and inside each area.
    max_depth
        How many levels of areas may nest below the top-level ones.
    max_factions
        How many factions in the council at most.

    Returns
    -------
    SearchStrategy[Municipality]
        Municipalities.

    Examples
    --------
    >>> from hypothesis import find
    >>> find(municipalities(), lambda m: m.cbs_code is None).province is None
    True
    >>> from democratie.reference import by_code
    >>> dutch = find(municipalities(), lambda m: m.cbs_code is not None)
    >>> dutch.name == by_code(dutch.cbs_code).name
    True
    """
    return _municipality(draw, set(exclude), parties, max_areas, max_depth, max_factions)


# --- Actors and roles -------------------------------------------------------------------------


@st.composite
def people(draw: DrawFn, *, exclude: Collection[str] = (), id: str | None = None) -> Person:
    """People with contact details, an assessment, expertise and ids in other systems, or without.

    Parameters
    ----------
    exclude
        Ids the person must not have.
    id
        The id to give the person; drawn when None.

    Returns
    -------
    SearchStrategy[Person]
        People.

    Examples
    --------
    >>> from hypothesis import find
    >>> find(people(id="p-rob"), lambda person: True).id
    'p-rob'
    """
    return _person(draw, _own_id(draw, id, set(exclude)))


@st.composite
def organisations(
    draw: DrawFn,
    *,
    exclude: Collection[str] = (),
    id: str | None = None,
    municipalities: Sequence[str] = (),
    areas: Sequence[str] = (),
    parents: Sequence[str] = (),
) -> Organisation:
    """Organisations of every kind, with their sector left to default or set.

    Parameters
    ----------
    exclude
        Ids the organisation must not have.
    id
        The id to give the organisation; drawn when None.
    municipalities
        Ids of municipalities it may belong to.
    areas
        Ids of areas it may work in.
    parents
        Ids of organisations it may be part of (its own id is never used).

    Returns
    -------
    SearchStrategy[Organisation]
        Organisations whose references are drawn from the ids given.

    Examples
    --------
    >>> from hypothesis import find
    >>> found = find(organisations(municipalities=["delft"]), lambda o: o.municipality)
    >>> found.municipality
    'delft'
    """
    own = _own_id(draw, id, set(exclude))
    return _organisation(draw, own, municipalities, areas, [p for p in parents if p != own])


@st.composite
def roles(
    draw: DrawFn,
    *,
    holders: Sequence[str],
    places: Sequence[str] = (),
    on_behalf_of: Sequence[str] = (),
    exclude: Collection[str] = (),
    id: str | None = None,
) -> Role:
    """Roles held by a person or organisation at a body, initiative or network.

    Parameters
    ----------
    holders
        Ids of the people and organisations that may hold the role; at least one.
    places
        Ids of the municipalities, councils, colleges, factions, organisations,
        initiatives, networks, areas or meetings it may be held at.
    on_behalf_of
        Ids of the factions, organisations or municipalities it may be held for.
    exclude
        Ids the role must not have, when it gets one.
    id
        The id to give the role; when None, the role sometimes gets a new id
        and sometimes none.

    Returns
    -------
    SearchStrategy[Role]
        Roles, their start never after their end.

    Raises
    ------
    hypothesis.errors.InvalidArgument
        When `holders` is empty.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=20, database=None)
    ... @given(roles(holders=["p-rob"], places=["delft-raad"]))
    ... def test_roles_refer_to_the_ids_given(role):
    ...     assert role.holder == "p-rob" and role.at in (None, "delft-raad")
    >>> test_roles_refer_to_the_ids_given()
    """
    if not holders:
        message = "roles() needs at least one holder id (a person or organisation)"
        raise InvalidArgument(message)
    role_id = id
    if role_id is None and draw(_BOOLEAN):
        role_id = _fresh(draw, set(exclude))
    return _role(draw, role_id, holders, places, on_behalf_of)


# --- Initiatives and networks -----------------------------------------------------------------


@st.composite
def meetings(draw: DrawFn, *, exclude: Collection[str] = (), actors: Sequence[str] = ()) -> Meeting:
    """Meetings, held, planned or unknown, with a host and attendees drawn from `actors`.

    Parameters
    ----------
    exclude
        Ids the meeting must not have.
    actors
        Ids of the people, organisations, municipalities, councils, colleges and
        factions that may host or attend.

    Returns
    -------
    SearchStrategy[Meeting]
        Meetings.

    Examples
    --------
    >>> from hypothesis import find
    >>> find(meetings(actors=["waalwijk"]), lambda m: m.host is not None).host
    'waalwijk'
    """
    return _meeting(draw, set(exclude), actors)


@st.composite
def initiatives(
    draw: DrawFn,
    *,
    exclude: Collection[str] = (),
    id: str | None = None,
    municipalities: Sequence[str] = (),
    areas: Mapping[str, str] = _NO_AREAS,
    actors: Sequence[str] = (),
    roles: Sequence[str] = (),
    networks: Sequence[str] = (),
    shared_with: Sequence[str] = (),
    officers: Sequence[str] = (),
) -> Initiative:
    """Initiatives with every part: phases, milestones, participants, commitments, tasks, lessons.

    Phases follow the rules of the model: each phase at most once, and when the
    initiative follows a cycle, only phases of that cycle, in its order.
    Milestones are never reached, evaluations never held and lessons never passed on
    before the initiative starts; an evaluation closes one of its phases (any phase when
    it lists none) and one of its milestones; its indicators measure areas of its
    municipalities, with targets the better way of their baselines and measurements
    within their periods, one a day; a realised level comes only with a promised one.
    Intakes are drawn for some of `municipalities`, at most one each.

    Parameters
    ----------
    exclude
        Ids the initiative and its meetings must not have.
    id
        The id to give the initiative; drawn when None.
    municipalities
        Ids of municipalities it may involve.
    areas
        Ids of areas it may reach, each mapped to the id of its municipality: an
        initiative that lists municipalities lists those of its areas too.
    actors
        Ids of the people, organisations, municipalities, councils, colleges and
        factions that may take part, lead, commit or attend.
    roles
        Ids of roles a task may be assigned to.
    networks
        Ids of networks it may work through.
    shared_with
        Ids of the networks, municipalities, organisations or initiatives a lesson
        may be passed on to (each once: the ``to`` of its transfers).
    officers
        Ids of the people who may be assigned to an intake as its change officer.

    Returns
    -------
    SearchStrategy[Initiative]
        Initiatives whose references are drawn from the ids given.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=20, database=None)
    ... @given(initiatives(municipalities=["leusden"], actors=["leusden-raad"]))
    ... def test_phases_follow_their_cycle(initiative):
    ...     if initiative.cycle is not None:
    ...         order = [initiative.cycle.phases.index(s.phase) for s in initiative.phases]
    ...         assert order == sorted(order)
    >>> test_phases_follow_their_cycle()
    """
    taken = set(exclude)
    own = _own_id(draw, id, taken)
    taken.add(own)
    references = _References(
        municipalities=tuple(municipalities),
        areas=dict(areas),
        actors=tuple(actors),
        assignable=(*actors, *roles),
        networks=tuple(networks),
        shared_with=tuple(shared_with),
        officers=tuple(officers),
    )
    return _initiative(draw, own, taken, references)


@st.composite
def networks(
    draw: DrawFn,
    *,
    exclude: Collection[str] = (),
    id: str | None = None,
    actors: Sequence[str] = (),
    parents: Sequence[str] = (),
    initiatives: Sequence[str] = (),
) -> Network:
    """Networks of municipalities, organisations or people, with their meetings.

    Parameters
    ----------
    exclude
        Ids the network and its meetings must not have.
    id
        The id to give the network; drawn when None.
    actors
        Ids of who may be a member, a coordinator, a host or an attendee.
    parents
        Ids of networks it may be part of (its own id is never used).
    initiatives
        Ids of initiatives it may have been formed for.

    Returns
    -------
    SearchStrategy[Network]
        Networks.

    Examples
    --------
    >>> from hypothesis import find
    >>> find(networks(actors=["delft", "leusden"]), lambda n: len(n.members) == 2).members
    ('delft', 'leusden')
    """
    taken = set(exclude)
    own = _own_id(draw, id, taken)
    taken.add(own)
    return _network(draw, own, taken, actors, [p for p in parents if p != own], initiatives)


# --- Landscapes -------------------------------------------------------------------------------


@st.composite
def landscapes(
    draw: DrawFn,
    *,
    max_municipalities: int = 2,
    max_organisations: int = 2,
    max_people: int = 3,
    max_roles: int = 3,
    max_initiatives: int = 2,
    max_networks: int = 2,
) -> Landscape:
    """Whole landscapes whose ids are unique and whose references all resolve.

    The entities are drawn first, each with an id no other entity has (the
    derived council and college ids included); then the references among them
    are drawn from the ids of the kinds each place accepts: a role is held by a
    person or organisation, an initiative that lists municipalities lists those
    of its areas too, a task is assigned to an actor or a role, a lesson is
    shared with a network, municipality, organisation or initiative. Parents of
    organisations and networks are always declared before them, so part-of
    chains never loop.

    Parameters
    ----------
    max_municipalities, max_organisations, max_people, max_roles, max_initiatives, max_networks
        The most entities of each kind at the top of the landscape.

    Returns
    -------
    SearchStrategy[Landscape]
        Valid landscapes, the empty one included.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=20, database=None, deadline=None)
    ... @given(landscapes(max_municipalities=5, max_initiatives=3))
    ... def test_every_initiative_touches_its_municipalities(land):
    ...     for initiative in land.initiatives:
    ...         for mun in initiative.municipalities:
    ...             assert initiative in land.initiatives_in(mun)
    >>> test_every_initiative_touches_its_municipalities()
    """
    for name, value in (
        ("max_municipalities", max_municipalities),
        ("max_organisations", max_organisations),
        ("max_people", max_people),
        ("max_roles", max_roles),
        ("max_initiatives", max_initiatives),
        ("max_networks", max_networks),
    ):
        if value < 0:
            message = f"{name}={value!r} must not be negative"
            raise InvalidArgument(message)
    taken: set[str] = set()

    def fresh_ids(most: int) -> list[str]:
        return [_fresh(draw, taken) for _ in range(draw(_count(most)))]

    organisation_ids = fresh_ids(max_organisations)
    person_ids = fresh_ids(max_people)
    network_ids = fresh_ids(max_networks)
    initiative_ids = fresh_ids(max_initiatives)
    holders = [*person_ids, *organisation_ids]
    role_count = draw(_count(max_roles)) if holders else 0
    role_ids = [_fresh(draw, taken) if draw(_BOOLEAN) else None for _ in range(role_count)]

    municipality_list = [
        _municipality(draw, taken, organisation_ids, _FEW, _FEW, _FEW)
        for _ in range(draw(_count(max_municipalities)))
    ]
    municipality_ids = [m.id for m in municipality_list]
    area_owner = {a.id: m.id for m in municipality_list for a in m.walk_areas()}
    faction_ids = [f.id for m in municipality_list for f in m.council.factions]
    bodies = [body for m in municipality_list for body in (m.council_id, m.college_id)]

    organisation_list = [
        _organisation(draw, own, municipality_ids, list(area_owner), organisation_ids[:index])
        for index, own in enumerate(organisation_ids)
    ]
    person_list = [_person(draw, own) for own in person_ids]
    actors = (*municipality_ids, *bodies, *faction_ids, *organisation_ids, *person_ids)
    network_list = [
        _network(draw, own, taken, actors, network_ids[:index], initiative_ids)
        for index, own in enumerate(network_ids)
    ]
    references = _References(
        municipalities=tuple(municipality_ids),
        areas=area_owner,
        actors=actors,
        assignable=(*actors, *(r for r in role_ids if r is not None)),
        networks=tuple(network_ids),
        shared_with=(*network_ids, *municipality_ids, *organisation_ids, *initiative_ids),
        officers=tuple(person_ids),
    )
    initiative_list = [_initiative(draw, own, taken, references) for own in initiative_ids]
    meeting_ids = [m.id for net in network_list for m in net.meetings]
    meeting_ids += [m.id for ini in initiative_list for m in ini.meetings]
    places = (
        *municipality_ids,
        *bodies,
        *faction_ids,
        *organisation_ids,
        *initiative_ids,
        *network_ids,
        *area_owner,
        *meeting_ids,
    )
    on_behalf_of = (*faction_ids, *organisation_ids, *municipality_ids)
    role_list = [_role(draw, own, holders, places, on_behalf_of) for own in role_ids]
    return Landscape(
        title=draw(_MAYBE_TEXT),
        description=draw(_MAYBE_MULTILINE),
        sources=tuple(draw(_SOURCES)),
        municipalities=tuple(municipality_list),
        organisations=tuple(organisation_list),
        people=tuple(person_list),
        roles=tuple(role_list),
        initiatives=tuple(initiative_list),
        networks=tuple(network_list),
    )


def documents(
    *,
    max_municipalities: int = 2,
    max_organisations: int = 2,
    max_people: int = 3,
    max_roles: int = 3,
    max_initiatives: int = 2,
    max_networks: int = 2,
) -> SearchStrategy[dict[str, Any]]:
    """Valid landscape documents as plain, JSON-ready data: a fresh dict for every example.

    Each document is :func:`democratie.io.unstructure` of a landscape from
    :func:`landscapes`, so it can be changed in place to test how loading copes
    with a broken document.

    Parameters
    ----------
    max_municipalities, max_organisations, max_people, max_roles, max_initiatives, max_networks
        As for :func:`landscapes`.

    Returns
    -------
    SearchStrategy[dict[str, Any]]
        Documents that start with ``format = "democratie/1"``.

    Examples
    --------
    >>> import json
    >>> from hypothesis import find
    >>> document = find(documents(), lambda doc: "people" in doc)
    >>> list(document)
    ['format', 'people']
    >>> json.loads(json.dumps(document)) == document
    True
    """
    return landscapes(
        max_municipalities=max_municipalities,
        max_organisations=max_organisations,
        max_people=max_people,
        max_roles=max_roles,
        max_initiatives=max_initiatives,
        max_networks=max_networks,
    ).map(unstructure)


# --- Drawing the parts ------------------------------------------------------------------------
#
# The landscape strategy draws many small parts. Building a Hypothesis strategy costs far more
# than drawing from one, so the parts draw from strategies built once (the constants and the
# cached factories below) and turn indices into ids, rather than building a strategy per draw.


class _References(NamedTuple):
    """The ids an initiative may refer to, by the kind each of its fields accepts."""

    municipalities: tuple[str, ...]
    areas: Mapping[str, str]
    actors: tuple[str, ...]
    assignable: tuple[str, ...]
    networks: tuple[str, ...]
    shared_with: tuple[str, ...]
    officers: tuple[str, ...]


def _joined(first: str, middle: str, last: str) -> str:
    return first + middle + last


def _maybe(strategy: SearchStrategy[_T]) -> SearchStrategy[_T | None]:
    return st.one_of(st.none(), strategy)


@cache
def _count(most: int) -> SearchStrategy[int]:
    return st.integers(0, most)


@cache
def _index(size: int) -> SearchStrategy[int]:
    return st.integers(0, size - 1)


@cache
def _maybe_index(size: int) -> SearchStrategy[int | None]:
    return _maybe(st.integers(0, size - 1))


@cache
def _indices(size: int, most: int) -> SearchStrategy[list[int]]:
    return st.lists(st.integers(0, size - 1), unique=True, max_size=min(size, most))


@cache
def _member(vocabulary: Any) -> SearchStrategy[Any]:
    return st.sampled_from(vocabulary)


@cache
def _maybe_member(vocabulary: Any) -> SearchStrategy[Any]:
    return _maybe(st.sampled_from(vocabulary))


@cache
def _members(vocabulary: Any, most: int) -> SearchStrategy[list[Any]]:
    return st.lists(st.sampled_from(vocabulary), unique=True, max_size=most)


@cache
def _records() -> SearchStrategy[reference.MunicipalityRecord]:
    return st.sampled_from(reference.municipalities())


_ID = ids()
_TEXT = texts()
_MULTILINE = texts(multiline=True)
_MAYBE_TEXT = _maybe(_TEXT)
_MAYBE_MULTILINE = _maybe(_MULTILINE)
_TEXTS = st.lists(_TEXT, max_size=_FEW)
_MULTILINES = st.lists(_MULTILINE, max_size=_FEW)
_DATE = dates()
_MAYBE_DATE = _maybe(_DATE)
_DAYS_LATER = _maybe(st.integers(0, (dt.date.max - dt.date.min).days))
_BOOLEAN = st.booleans()
_MAYBE_BOOLEAN = _maybe(_BOOLEAN)
_MAYBE_ASSESSMENT = _maybe(assessments())
_IDENTIFIERS = st.lists(identifiers(), max_size=_FEW)
_CONTACTS = st.lists(contact_details(), max_size=_FEW)
_SOURCES = st.lists(sources(), max_size=_FEW)
_MAYBE_COUNT_45 = _maybe(st.integers(0, 45))
_MAYBE_COUNT_40 = _maybe(st.integers(0, 40))
_MAYBE_WETHOUDERS = _maybe(st.integers(0, 50))
_MAYBE_SEATS = _maybe(st.integers(0, 20))
_MAYBE_MONTHS = _maybe(st.integers(1, 600))
_MAYBE_ATTENDANCE = _maybe(st.integers(0, 1_000_000))
_MAYBE_TARGET = _maybe(st.integers(1, 10_000))
_MAYBE_FOREIGN_REGION = _maybe(st.one_of(st.sampled_from(_FOREIGN_REGIONS), _TEXT))
_FOREIGN_NAME = st.one_of(st.sampled_from(_FOREIGN_PLACES), _TEXT)
_DUTCH = st.integers(0, 3)
# Whole numbers (as a person writes a baseline or a percentage) and any finite float.
_NUMBER = st.one_of(
    st.integers(-1_000_000, 1_000_000).map(float), st.floats(allow_nan=False, allow_infinity=False)
)
_MAYBE_NUMBER = _maybe(_NUMBER)
_GOAL = st.one_of(st.sampled_from([goal.value for goal in ServiceGoal]), _TEXT)
_SHARES = 2**32
_SHARE = st.integers(0, _SHARES)


def _fresh(draw: DrawFn, taken: set[str], *, body: bool = False) -> str:
    """Draw an id nobody has (nor, for a municipality, its council or college), and take it.

    A drawn id that is taken gets a number appended until it is free, which keeps
    ids valid (they still end in a digit) and shrinks well.
    """
    base = new = draw(_ID)
    number = 1
    while _clashes(new, taken, body=body):
        number += 1
        new = f"{base}-{number}"
    taken.add(new)
    if body:
        taken.update((f"{new}-raad", f"{new}-college"))
    return new


def _clashes(value: str, taken: set[str], *, body: bool) -> bool:
    if value in taken:
        return True
    return body and (f"{value}-raad" in taken or f"{value}-college" in taken)


def _own_id(draw: DrawFn, given: str | None, taken: set[str]) -> str:
    if given is not None:
        return given
    return _fresh(draw, taken)


def _pick(draw: DrawFn, options: Sequence[str], most: int = _FEW) -> tuple[str, ...]:
    """Draw a few distinct ids from *options*, in the order drawn."""
    if not options:
        return ()
    return tuple(options[i] for i in draw(_indices(len(options), most)))


def _one(draw: DrawFn, options: Sequence[str]) -> str | None:
    """Draw one of *options*, or None."""
    if not options:
        return None
    index = draw(_maybe_index(len(options)))
    return None if index is None else options[index]


def _any(draw: DrawFn, options: Sequence[str]) -> str:
    """Draw one of *options*, which must not be empty."""
    return options[draw(_index(len(options)))]


def _terms(draw: DrawFn, vocabulary: Any, most: int = 3) -> tuple[Any, ...]:
    """Draw distinct members of a vocabulary (or of a tuple of members)."""
    return tuple(draw(_members(vocabulary, most)))


def _end(draw: DrawFn, start: dt.date | None) -> dt.date | None:
    """Draw an optional date that does not come before *start*."""
    if start is None:
        return draw(_MAYBE_DATE)
    days = draw(_DAYS_LATER)
    if days is None:
        return None
    return start + dt.timedelta(days=min(days, (dt.date.max - start).days))


def _period(draw: DrawFn) -> Period:
    start = draw(_MAYBE_DATE)
    return Period(start=start, end=_end(draw, start))


@cache
def _area_code(level: AreaLevel) -> SearchStrategy[str | None]:
    shape = _AREA_CODES.get(level)
    if shape is None:
        return _maybe(texts(max_size=12))
    prefix, digits = shape
    return _maybe(st.text("0123456789", min_size=digits, max_size=digits).map(prefix.__add__))


def _area(draw: DrawFn, taken: set[str], depth: int, max_children: int) -> Area:
    own = _fresh(draw, taken)
    level = draw(_member(AreaLevel))
    children: tuple[Area, ...] = ()
    if depth > 0:
        count = draw(_count(max_children))
        children = tuple(_area(draw, taken, depth - 1, max_children) for _ in range(count))
    return Area(
        id=own,
        name=draw(_TEXT),
        level=level,
        code=draw(_area_code(level)),
        areas=children,
        identifiers=tuple(draw(_IDENTIFIERS)),
    )


def _names_no_other(id: str, record: reference.MunicipalityRecord) -> bool:
    try:
        return reference.resolve(id).cbs_code == record.cbs_code
    except LookupError:
        return True


def _municipality(
    draw: DrawFn,
    taken: set[str],
    parties: Sequence[str],
    max_areas: int,
    max_depth: int,
    max_factions: int,
) -> Municipality:
    own = _fresh(draw, taken, body=True)
    details: dict[str, Any] = {}
    if draw(_DUTCH):
        record = draw(_records())
        # An id that names another municipality ("ede" with Oss's code) is refused.
        assume(_names_no_other(own, record))
        details["cbs_code"] = record.cbs_code
        name = draw(_member((None, record.name, record.name.upper())))
        if name is not None:
            details["name"] = name
        province = draw(_member(("", record.province, record.province.upper(), None)))
        if province != "":
            details["province"] = province
    else:
        details["name"] = draw(_FOREIGN_NAME)
        details["province"] = draw(_MAYBE_FOREIGN_REGION)
    area_list = tuple(
        _area(draw, taken, max_depth, max_areas) for _ in range(draw(_count(max_areas)))
    )
    every = [a for top in area_list for a in top.walk()]
    indicators = tuple(
        _indicator(draw, taken, [a.id for a in every]) for _ in range(draw(_count(_FEW)))
    )
    wijken = sum(1 for a in every if a.level is AreaLevel.WIJK)
    kernen = sum(1 for a in every if a.level is AreaLevel.KERN)
    factions = tuple(
        _faction(draw, _fresh(draw, taken), parties) for _ in range(draw(_count(max_factions)))
    )
    least = max(1, sum(f.seats for f in factions if f.seats is not None))
    council = Council(
        seats=_plus(least, draw(_MAYBE_COUNT_45)),
        factions=factions,
        assessment=draw(_MAYBE_ASSESSMENT),
    )
    college = College(wethouder_seats=draw(_MAYBE_WETHOUDERS), assessment=draw(_MAYBE_ASSESSMENT))
    return Municipality(
        id=own,
        areas=area_list,
        wijk_count=_plus(wijken, draw(_MAYBE_COUNT_40)),
        kern_count=_plus(kernen, draw(_MAYBE_COUNT_40)),
        council=council,
        college=college,
        assessment=draw(_MAYBE_ASSESSMENT),
        indicators=indicators,
        identifiers=tuple(draw(_IDENTIFIERS)),
        **details,
    )


def _plus(least: int, extra: int | None) -> int | None:
    return None if extra is None else least + extra


def _faction(draw: DrawFn, own: str, parties: Sequence[str]) -> Faction:
    return Faction(
        id=own,
        name=draw(_TEXT),
        seats=draw(_MAYBE_SEATS),
        party=_one(draw, parties),
        identifiers=tuple(draw(_IDENTIFIERS)),
    )


def _person(draw: DrawFn, own: str) -> Person:
    return Person(
        id=own,
        name=draw(_TEXT),
        contact=tuple(draw(_CONTACTS)),
        assessment=draw(_MAYBE_ASSESSMENT),
        expertise=_terms(draw, QuestionTheme),
        identifiers=tuple(draw(_IDENTIFIERS)),
    )


def _organisation(
    draw: DrawFn,
    own: str,
    municipality_ids: Sequence[str],
    area_ids: Sequence[str],
    parents: Sequence[str],
) -> Organisation:
    details: dict[str, Any] = {}
    sector = draw(_maybe_member(Sector))
    if sector is not None:
        details["sector"] = sector
    return Organisation(
        id=own,
        name=draw(_TEXT),
        kind=draw(_member(ActorKind)),
        municipality=_one(draw, municipality_ids),
        areas=_pick(draw, area_ids),
        parent=_one(draw, parents),
        description=draw(_MAYBE_MULTILINE),
        contact=tuple(draw(_CONTACTS)),
        assessment=draw(_MAYBE_ASSESSMENT),
        identifiers=tuple(draw(_IDENTIFIERS)),
        **details,
    )


def _role(
    draw: DrawFn,
    own: str | None,
    holders: Sequence[str],
    places: Sequence[str],
    on_behalf_of: Sequence[str],
) -> Role:
    start = draw(_MAYBE_DATE)
    return Role(
        holder=_any(draw, holders),
        kind=draw(_member(RoleKind)),
        at=_one(draw, places),
        on_behalf_of=_one(draw, on_behalf_of),
        title=draw(_MAYBE_TEXT),
        start=start,
        end=_end(draw, start),
        portfolio=tuple(draw(_TEXTS)),
        domains=_terms(draw, PolicyDomain),
        id=own,
        identifiers=tuple(draw(_IDENTIFIERS)),
    )


def _meeting(draw: DrawFn, taken: set[str], actors: Sequence[str]) -> Meeting:
    return Meeting(
        id=_fresh(draw, taken),
        title=draw(_TEXT),
        kind=draw(_member(MeetingKind)),
        date=draw(_MAYBE_DATE),
        when=draw(_MAYBE_TEXT),
        host=_one(draw, actors),
        location=draw(_MAYBE_TEXT),
        attendees=_pick(draw, actors, 3),
        attendance=draw(_MAYBE_ATTENDANCE),
        themes=tuple(draw(_TEXTS)),
        held=draw(_MAYBE_BOOLEAN),
    )


def _meetings(draw: DrawFn, taken: set[str], actors: Sequence[str]) -> tuple[Meeting, ...]:
    return tuple(_meeting(draw, taken, actors) for _ in range(draw(_count(_FEW))))


def _network(
    draw: DrawFn,
    own: str,
    taken: set[str],
    actors: Sequence[str],
    parents: Sequence[str],
    initiatives: Sequence[str],
) -> Network:
    return Network(
        id=own,
        name=draw(_TEXT),
        kind=draw(_member(NetworkKind)),
        members=_pick(draw, actors, 3),
        themes=tuple(draw(_TEXTS)),
        meetings=_meetings(draw, taken, actors),
        parent=_one(draw, parents),
        initiative=_one(draw, initiatives),
        coordinators=_pick(draw, actors),
        period=_period(draw),
        description=draw(_MAYBE_MULTILINE),
        identifiers=tuple(draw(_IDENTIFIERS)),
    )


def _milestone(draw: DrawFn, start: dt.date | None) -> Milestone:
    return Milestone(
        title=draw(_TEXT),
        due=draw(_MAYBE_DATE),
        due_within_months=draw(_MAYBE_MONTHS),
        done=draw(_MAYBE_DATE) if start is None else _end(draw, start),
    )


def _stages(draw: DrawFn, cycle: PhaseCycle | None, actors: Sequence[str]) -> tuple[Stage, ...]:
    if cycle is None:
        chosen = list(_terms(draw, Phase))
    else:
        order = cycle.phases
        chosen = sorted(_terms(draw, order), key=order.index)
    return tuple(
        Stage(
            phase=phase,
            participants=_pick(draw, actors),
            level=draw(_maybe_member(ParticipationLevel)),
            period=_period(draw),
        )
        for phase in chosen
    )


def _participant(draw: DrawFn, actors: Sequence[str]) -> Participant:
    details: dict[str, Any] = {}
    role = draw(_maybe_member(RoleKind))
    if role is not None:
        details["role"] = role
    return Participant(
        actor=_any(draw, actors), level=draw(_maybe_member(ParticipationLevel)), **details
    )


def _commitment(draw: DrawFn, kind: CommitmentKind, actors: Sequence[str]) -> Commitment:
    return Commitment(
        kind=kind,
        level=draw(_member(CommitmentLevel)),
        by=_one(draw, actors),
        date=draw(_MAYBE_DATE),
        note=draw(_MAYBE_MULTILINE),
    )


def _intake(draw: DrawFn, municipality: str, officers: Sequence[str]) -> Intake:
    return Intake(
        municipality=municipality,
        date=draw(_MAYBE_DATE),
        held=draw(_MAYBE_BOOLEAN),
        question=draw(_MAYBE_MULTILINE),
        themes=_terms(draw, QuestionTheme),
        commitments=_terms(draw, CommitmentKind),
        officer=_one(draw, officers),
        note=draw(_MAYBE_MULTILINE),
    )


def _task(draw: DrawFn, assignable: Sequence[str]) -> Task:
    assignments: tuple[Assignment, ...] = ()
    if assignable:
        assignments = tuple(
            Assignment(actor=_any(draw, assignable), raci=draw(_member(Raci)))
            for _ in range(draw(_count(3)))
        )
    return Task(title=draw(_TEXT), assignments=assignments)


def _lesson(draw: DrawFn, shared_with: Sequence[str], start: dt.date | None) -> Lesson:
    return Lesson(
        text=draw(_MULTILINE),
        kind=draw(_member(LessonKind)),
        transferable=draw(_MAYBE_BOOLEAN),
        transfers=tuple(
            Transfer(
                to=to,
                date=_on_or_after(draw, start),
                adopted=draw(_MAYBE_BOOLEAN),
                note=draw(_MAYBE_MULTILINE),
            )
            for to in _pick(draw, shared_with)
        ),
    )


def _on_or_after(draw: DrawFn, start: dt.date | None) -> dt.date | None:
    """Draw an optional date, not before *start* when there is one."""
    return draw(_MAYBE_DATE) if start is None else _end(draw, start)


def _evaluation(
    draw: DrawFn,
    start: dt.date | None,
    phases: Sequence[Phase],
    titles: Sequence[str],
    actors: Sequence[str],
) -> Evaluation:
    closes_phase = draw(_maybe_member(tuple(phases) or tuple(Phase)))
    return Evaluation(
        date=_on_or_after(draw, start),
        by=_one(draw, actors),
        method=draw(_MAYBE_TEXT),
        findings=draw(_MAYBE_MULTILINE),
        closes_phase=closes_phase,
        closes_milestone=_one(draw, titles),
        note=draw(_MAYBE_MULTILINE),
    )


def _day_within(draw: DrawFn, period: Period) -> dt.date:
    """Draw a day within *period* (open ends reach to the ends of the calendar)."""
    first = period.start or dt.date.min
    last = period.end or dt.date.max
    return first + dt.timedelta(days=(last - first).days * draw(_SHARE) // _SHARES)


def _indicator(draw: DrawFn, taken: set[str], areas: Sequence[str]) -> Indicator:
    direction = draw(_member(Direction))
    baseline, target = draw(_MAYBE_NUMBER), draw(_MAYBE_NUMBER)
    if baseline is not None and target is not None and direction.better(baseline, target):
        baseline, target = target, baseline  # the target lies the better way of the baseline
    period = _period(draw)
    days = dict.fromkeys(_day_within(draw, period) for _ in range(draw(_count(3))))
    return Indicator(
        id=_fresh(draw, taken),
        goal=draw(_GOAL),
        area=_one(draw, areas),
        unit=draw(_MAYBE_TEXT),
        baseline=baseline,
        target=target,
        direction=direction,
        period=period,
        measurements=tuple(
            Measurement(date=day, value=draw(_NUMBER), note=draw(_MAYBE_MULTILINE)) for day in days
        ),
        note=draw(_MAYBE_MULTILINE),
    )


def _initiative(draw: DrawFn, own: str, taken: set[str], refs: _References) -> Initiative:
    period = _period(draw)
    reached = _pick(draw, list(refs.areas))
    involved = _pick(draw, refs.municipalities)
    if involved:
        # An initiative that lists municipalities must list those of its areas too.
        involved = tuple(dict.fromkeys((*involved, *(refs.areas[a] for a in reached))))
    cycle = draw(_maybe_member(PhaseCycle))
    level = draw(_maybe_member(ParticipationLevel))
    participants: tuple[Participant, ...] = ()
    if refs.actors:
        participants = tuple(_participant(draw, refs.actors) for _ in range(draw(_count(3))))
    milestones = tuple(_milestone(draw, period.start) for _ in range(draw(_count(_FEW))))
    stages = _stages(draw, cycle, refs.actors)
    # An indicator measures an area of one of the municipalities listed, if any are.
    measurable = [a for a, owner in refs.areas.items() if not involved or owner in involved]
    return Initiative(
        id=own,
        title=draw(_TEXT),
        kind=draw(_member(InitiativeKind)),
        description=draw(_MAYBE_MULTILINE),
        municipalities=involved,
        areas=reached,
        covers_all=_terms(draw, AreaLevel, 2),
        domains=_terms(draw, PolicyDomain),
        required_domains=_terms(draw, PolicyDomain),
        period=period,
        duration_months=draw(_MAYBE_MONTHS),
        milestones=milestones,
        cycle=cycle,
        phases=stages,
        initiator=draw(_maybe_member(Initiator)),
        initiated_by=_pick(draw, refs.actors),
        led_by=_pick(draw, refs.actors),
        level=level,
        realised_level=None if level is None else draw(_maybe_member(ParticipationLevel)),
        feedback_given=draw(_MAYBE_BOOLEAN),
        government_role=draw(_maybe_member(GovernmentRole)),
        participants=participants,
        commitments=tuple(
            _commitment(draw, kind, refs.actors) for kind in _terms(draw, CommitmentKind)
        ),
        required_commitments=_terms(draw, CommitmentKind),
        intakes=tuple(
            _intake(draw, municipality, refs.officers)
            for municipality in _pick(draw, refs.municipalities)
        ),
        tasks=tuple(_task(draw, refs.assignable) for _ in range(draw(_count(_FEW)))),
        goals=tuple(draw(_MULTILINES)),
        service_goals=_terms(draw, ServiceGoal),
        lessons=tuple(
            _lesson(draw, refs.shared_with, period.start) for _ in range(draw(_count(_FEW)))
        ),
        evaluations=tuple(
            _evaluation(
                draw,
                period.start,
                [stage.phase for stage in stages],
                [milestone.title for milestone in milestones],
                refs.actors,
            )
            for _ in range(draw(_count(_FEW)))
        ),
        indicators=tuple(_indicator(draw, taken, measurable) for _ in range(draw(_count(_FEW)))),
        network=_one(draw, refs.networks),
        elements=_terms(draw, TrajectoryElement),
        target_roles=_terms(draw, RoleKind),
        target_municipalities=draw(_MAYBE_TARGET),
        meetings=_meetings(draw, taken, refs.actors),
        identifiers=tuple(draw(_IDENTIFIERS)),
    )

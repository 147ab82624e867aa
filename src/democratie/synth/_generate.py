"""Generate a synthetic landscape of the whole nation, seeded and scalable.

Examples
--------
The scale goes up to :data:`MAX_SCALE` times the nation:

>>> MAX_SCALE
4.0
>>> generate(MAX_SCALE + 1)
Traceback (most recent call last):
    ...
ValueError: the scale must be larger than 0 and at most 4, not 5.0
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import os
import random
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from fractions import Fraction
from typing import TypeVar

import attrs

from democratie import reference
from democratie.io import dump
from democratie.model import (
    Area,
    Assessment,
    Assignment,
    College,
    Commitment,
    Council,
    Evaluation,
    Faction,
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
from democratie.synth._tables import SIZE_CLASSES, council_seats, max_wethouders
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
    ParticipationLevel,
    PhaseCycle,
    PolicyDomain,
    Raci,
    RoleKind,
    Sector,
    ServiceGoal,
    TrajectoryElement,
)

__all__ = ["MAX_SCALE", "generate", "write"]

_T = TypeVar("_T")


#: The largest scale :func:`generate` accepts (four times the national size).
MAX_SCALE = 4.0

# -- the sizes, per municipality, at scale 1 ---------------------------------------------------
# Tuned so that the full nation has about 3,300 wijken and its stakeholder graph about
# 0.5 million nodes and 1.5 million edges. Rates are per 1,000 inhabitants.

_WIJKEN_BASE = 3  # every municipality has at least this many wijken ...
_INHABITANTS_PER_WIJK = 8_000  # ... and one more per this many inhabitants
_BUURTEN_PER_WIJK = (2, 6)
_MULTI_KERN_BELOW = 60_000  # smaller municipalities may consist of several kernen
_MULTI_KERN_SHARE = 0.55  # ... with this chance
_KERNEN = (3, 15)  # Stichtse Vecht: twelve kernen
_WIJKCOMMISSIE_SHARE = 0.6  # of wijken with a wijkcommissie, wijkraad or wijkplatform
_DORPSRAAD_SHARE = 0.8  # of kernen with a dorpsraad
_WIJKNETWERK_SHARE = 0.35  # of wijken with a wijkcommissie that also have a wijk network
_RESIDENTS = 18.0  # residents in roles, per 1,000 inhabitants
_CIVIL_SERVANTS = 0.6
_CIVIL_SOCIETY = 0.9  # stichtingen, verenigingen, maatschappelijke organisaties
_RESIDENT_GROUPS = 0.3
_BUSINESSES = 0.6
_INITIATIVES = 1.0
_SECOND_MEMBERSHIP = 0.3  # share of residents who are a member of a second organisation
#: Residents taking part in an initiative (the kartrekker among them), by kind.
_DEFAULT_PARTICIPANTS = (4, 18)
_PARTICIPANTS: dict[InitiativeKind, tuple[int, int]] = {
    InitiativeKind.BURGERBERAAD: (15, 30),
    InitiativeKind.BURGERFORUM: (10, 25),
    InitiativeKind.G1000: (20, 40),
}

# -- the national structure -------------------------------------------------------------------

_ASSOCIATION = "vereniging-van-gemeenten"  # every municipality is a member
_M50 = "netwerk-middelgrote-gemeenten"  # after the M50
_M50_RANGE = (30_000, 80_000)  # M50: municipalities of roughly 30,000 to 80,000 inhabitants
_M50_MEMBERS = 50
_M50_CIRCLES = 4
_CIRCLE_SIZE = (8, 12)  # municipalities per learning circle (Waalwijk 2020: 12)
_REGIONAL_MEMBERS = 10  # Democratie in Actie: about ten municipalities per region
_PARTIES = "ABCDEFGHIJ"

_AS_OF = dt.date(2025, 1, 1)  # the synthetic nation is described as of this day
_FIRST_MONTH = dt.date(2019, 1, 1)  # initiatives start in the six years from this month
_COUNCIL_INSTALLED = dt.date(2022, 3, 30)  # councils elected on 16 March 2022

_NOT_SLUG = re.compile(r"[^a-z0-9]+")

_KINDS: tuple[InitiativeKind, ...] = tuple(InitiativeKind)
#: How often each kind of initiative occurs locally (relative weights).
_KIND_WEIGHTS: dict[InitiativeKind, int] = {
    InitiativeKind.EXPERIMENT: 12,
    InitiativeKind.TRAJECT: 5,
    InitiativeKind.CHALLENGE: 5,
    InitiativeKind.PROGRAMMA: 6,
    InitiativeKind.WORKSHOP: 14,
    InitiativeKind.BIJEENKOMST: 16,
    InitiativeKind.LEERKRING: 5,
    InitiativeKind.BURGERBERAAD: 4,
    InitiativeKind.BURGERFORUM: 3,
    InitiativeKind.G1000: 2,
    InitiativeKind.BURGERBEGROTING: 4,
    InitiativeKind.WIJKBUDGET: 9,
    InitiativeKind.UITDAAGRECHT: 4,
    InitiativeKind.THORBECKE_EXPERIMENT: 2,
}
_KIND_CUMULATIVE: tuple[int, ...] = tuple(
    sum(_KIND_WEIGHTS[kind] for kind in _KINDS[: index + 1]) for index in range(len(_KINDS))
)
#: Kinds that society usually starts.
_SOCIETY_KINDS = frozenset(
    {InitiativeKind.UITDAAGRECHT, InitiativeKind.WIJKBUDGET, InitiativeKind.G1000}
)
#: Kinds that meet often (one to four meetings; other kinds meet at most once).
_MEETING_KINDS = frozenset(
    {
        InitiativeKind.WORKSHOP,
        InitiativeKind.BIJEENKOMST,
        InitiativeKind.LEERKRING,
        InitiativeKind.BURGERBERAAD,
        InitiativeKind.BURGERFORUM,
        InitiativeKind.G1000,
        InitiativeKind.TRAJECT,
        InitiativeKind.CHALLENGE,
    }
)
#: Kinds that always work in named wijken or kernen.
_AREA_KINDS = frozenset(
    {InitiativeKind.WIJKBUDGET, InitiativeKind.BURGERBEGROTING, InitiativeKind.UITDAAGRECHT}
)

_DOMAINS: tuple[PolicyDomain, ...] = tuple(PolicyDomain)
_DOMAINS_PER: dict[InitiativeKind, tuple[int, int]] = {InitiativeKind.PROGRAMMA: (5, 10)}
_CYCLES: tuple[PhaseCycle | None, ...] = (PhaseCycle.INTEGRAAL, PhaseCycle.WETTELIJK, None)
_LOCAL_ELEMENTS = (TrajectoryElement.LOKALE_INTAKE, TrajectoryElement.LOKAAL_MAATWERK)
_LEVELS: tuple[ParticipationLevel, ...] = tuple(ParticipationLevel)
_ROB: tuple[GovernmentRole, ...] = tuple(GovernmentRole)
_SERVICE_GOALS: tuple[ServiceGoal, ...] = tuple(ServiceGoal)
_COMMITMENT_LEVELS: tuple[CommitmentLevel, ...] = tuple(CommitmentLevel)
_LESSON_KINDS: tuple[LessonKind, ...] = tuple(LessonKind)

_CIVIL_SOCIETY_KINDS = (
    (ActorKind.STICHTING, "Stichting", ("Buurtkracht", "Samen Sterk", "Groen Dichtbij")),
    (ActorKind.VERENIGING, "Vereniging", ("Dorpsbelang", "Sport Verbindt", "Cultuurhuis")),
    (ActorKind.MAATSCHAPPELIJKE_ORGANISATIE, "Maatschappelijke organisatie", ("Zorg Nabij",)),
)
_BUSINESS_NAMES = ("Bouwbedrijf", "Adviesbureau", "Winkel", "Installatiebedrijf", "Horeca")
_AREA_COMMITTEES = (ActorKind.WIJKCOMMISSIE, ActorKind.WIJKRAAD, ActorKind.WIJKPLATFORM)
_MEMBER_KINDS = frozenset(
    {
        ActorKind.STICHTING,
        ActorKind.VERENIGING,
        ActorKind.MAATSCHAPPELIJKE_ORGANISATIE,
        ActorKind.BEWONERSGROEP,
        ActorKind.WIJKCOMMISSIE,
        ActorKind.WIJKRAAD,
        ActorKind.WIJKPLATFORM,
        ActorKind.DORPSRAAD,
    }
)
_TASKS = (
    "Plan van aanpak opstellen",
    "Deelnemers werven",
    "Bijeenkomsten organiseren",
    "Communicatie verzorgen",
    "Budget beheren",
    "Resultaten terugkoppelen",
    "Evaluatie uitvoeren",
)
_GOALS = (
    "Inwoners eerder en breder betrekken bij besluiten.",
    "De raad aan de voorkant betrekken.",
    "Samenwerking tussen gemeente, organisaties en inwoners versterken.",
    "Initiatieven uit de samenleving ruimte geven.",
    "Leren van elkaar en de lessen delen met andere gemeenten.",
)
_LESSONS = (
    "Betrek de raad aan de voorkant.",
    "Zorg voor kartrekkers in de wijk.",
    "Maak rollen en eigenaarschap vooraf duidelijk.",
    "Koppel terug wat er met de inbreng is gedaan.",
    "Begin klein en leer onderweg.",
    "Werk netwerkend, over de grenzen van de organisatie heen.",
)
_TARGET_ROLES = (
    RoleKind.VERANDERAMBTENAAR,
    RoleKind.AMBTENAAR_DEMOCRATISCHE_VERNIEUWING,
    RoleKind.BESTUURDER_MET_PORTEFEUILLE,
    RoleKind.RAADSLID,
)


def generate(
    scale: float = 1.0, *, seed: int = 0, provinces: Iterable[str] | None = None
) -> Landscape:
    """Generate a synthetic landscape of all 342 Dutch municipalities, or of some provinces.

    Every municipality of the shipped CBS list (:mod:`democratie.reference`) keeps its real
    code and name and gets a synthetic size, a council with the seats the Gemeentewet gives
    that size (:data:`~democratie.synth.SEAT_BANDS`) divided over 5 to 12 factions, a college,
    wijken with buurten (nested in kernen where a municipality consists of several),
    organisations, residents in roles, initiatives of every kind with their participants,
    phases, commitments, RACI tasks, milestones, lessons and meetings, and wijk networks;
    and the nation gets an M50-like network of mid-size municipalities with learning
    circles, a regional learning group and development trajectory per province, an
    association of all municipalities, and political parties. Every other name is
    obviously synthetic ("Wijk 3 (Almere)", "Inwoner 12 (Almere)").

    Parameters
    ----------
    scale
        The size relative to the full nation, larger than 0 and at most
        :data:`MAX_SCALE`. Every count within a municipality is multiplied by it (at least
        one where the structure needs one: a wijk, an organisation, an initiative); the 342
        municipalities and what the law fixes (council seats, factions, raadsleden, the
        college and its officers) stay whole, as does the national structure of networks.
    seed
        The seed of the random choices. The same scale and seed give an equal landscape,
        in every process.
    provinces
        Province names of the CBS list (:data:`democratie.reference.PROVINCES`), such as
        ``("Limburg",)``: only their municipalities are built, each exactly as in the
        nation of the same scale and seed. The national networks keep their members from
        these provinces and the meetings hosted there, a network or national initiative
        with no municipality left is left out, and the national organisations stay. By
        default, the whole nation.

    Returns
    -------
    Landscape
        A checked landscape. At scale 1 it holds about half a million entities and 1.5
        million references between them.

    Raises
    ------
    ValueError
        When *scale* is not larger than 0 and at most :data:`MAX_SCALE`, or a province is
        not one of the CBS list, or *provinces* is empty.

    Notes
    -----
    The sizes of municipalities are synthetic: each is drawn, by the seed, from the size
    classes of :data:`~democratie.synth.SIZE_CLASSES`; a real large city may come out as
    a village. Each municipality draws from a random stream of its own, seeded by the seed
    and its CBS code, so the nation is the same at every scale, only thinner.

    Time and memory are linear in the size of the result: at scale 1, well under a minute
    and about 1 GB. The cyclic garbage collector is paused while the landscape is built (the
    model's objects form no cycles) and restored afterwards.

    Examples
    --------
    >>> from democratie.synth import generate
    >>> nation = generate(1 / 64, seed=1)
    >>> len(nation.municipalities)
    342
    >>> nation.get("almere").name
    'Almere'
    >>> nation.get("almere-wijk-1").name
    'Wijk 1 (Almere)'

    One province is the nation's part of it, municipality for municipality:

    >>> limburg = generate(1 / 64, seed=1, provinces=["Limburg"])
    >>> len(limburg.municipalities), limburg.title
    (31, 'Synthetic province Limburg: 31 municipalities at scale 1/64, seed 1')
    >>> limburg.get("maastricht") == nation.get("maastricht")
    True
    """
    if isinstance(scale, bool) or not isinstance(scale, (int, float, Fraction)):
        message = f"the scale must be a number, not {type(scale).__name__}"
        raise TypeError(message)
    if not 0 < scale <= MAX_SCALE:
        message = f"the scale must be larger than 0 and at most {MAX_SCALE:g}, not {scale}"
        raise ValueError(message)
    if isinstance(seed, bool) or not isinstance(seed, int):
        message = f"the seed must be a whole number, not {type(seed).__name__}"
        raise TypeError(message)
    chosen = None if provinces is None else _provinces(provinces)
    with _no_cycle_collection():
        return _Nation(float(scale), seed, chosen).build()


def _provinces(provinces: Iterable[str]) -> tuple[str, ...]:
    """The province names asked for, checked against the CBS list, in the list's order."""
    if isinstance(provinces, str):
        provinces = (provinces,)
    asked = set(provinces)
    known = tuple(reference.PROVINCES.values())
    unknown = sorted(asked.difference(known))
    if unknown:
        message = (
            f"not a province of the CBS list: {', '.join(map(repr, unknown))}; "
            f"the provinces are {', '.join(known)}"
        )
        raise ValueError(message)
    if not asked:
        message = "provinces is empty: give at least one province, or None for the nation"
        raise ValueError(message)
    return tuple(name for name in known if name in asked)


def write(destination: str | os.PathLike[str], scale: float = 1.0, *, seed: int = 0) -> Landscape:
    """Generate a synthetic nation and write it as a JSON landscape document.

    The file is written atomically through :func:`democratie.dump`: a failure leaves any
    previous file in place. The same scale and seed give the same bytes.

    Parameters
    ----------
    destination
        The file to write.
    scale, seed
        As for :func:`generate`.

    Returns
    -------
    Landscape
        The landscape that was written.

    Raises
    ------
    ValueError
        When *scale* is out of range.
    WriteError
        When the file cannot be written.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> from democratie.synth import write
    >>> folder = tempfile.TemporaryDirectory()
    >>> path = Path(folder.name) / "nation.json"
    >>> nation = write(path, 1 / 64, seed=1)
    >>> '"format": "democratie/1"' in path.read_text("utf-8")
    True
    >>> folder.cleanup()

    ``democratie.load(path)`` reads it back as an equal landscape.
    """
    landscape = generate(scale, seed=seed)
    dump(landscape, destination, format="json")
    return landscape


# -- building blocks --------------------------------------------------------------------------


@contextlib.contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Pause the cyclic garbage collector while a nation is built, then restore it.

    The model's objects are immutable and form no reference cycles, so collecting cycles
    while hundreds of thousands of them are made only costs time: a third of the build.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _slug(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in folded if not unicodedata.combining(char))
    return _NOT_SLUG.sub("-", plain).strip("-")


def _count(rng: random.Random, expected: float, minimum: int = 0) -> int:
    """A whole count whose mean is *expected*: rounded down or up at random."""
    whole = int(expected)
    if rng.random() < expected - whole:
        whole += 1
    return max(minimum, whole)


def _some(rng: random.Random, items: Sequence[_T], low: int, high: int) -> tuple[_T, ...]:
    """Between *low* and *high* distinct items, in their original order."""
    size = min(len(items), rng.randint(low, high))
    return tuple(items[i] for i in sorted(rng.sample(range(len(items)), size)))


def _add_months(day: dt.date, months: int) -> dt.date:
    """The same day of the month, *months* later (days run to 28 only)."""
    total = day.month - 1 + months
    return day.replace(year=day.year + total // 12, month=total % 12 + 1)


def _unit(rng: random.Random) -> float:
    """A number on [0, 1] with two decimals: the same text on every platform."""
    return rng.randint(0, 100) / 100


def _split_seats(rng: random.Random, seats: int, factions: int) -> list[int]:
    """Divide the seats over the factions, each at least one, by largest remainder."""
    weights = [rng.randint(1, 10) ** 2 for _ in range(factions)]
    weights.sort(reverse=True)
    spare = seats - factions
    total = sum(weights)
    shares = [1 + spare * w // total for w in weights]
    remainders = sorted(range(factions), key=lambda i: (-(spare * weights[i] % total), i))
    for index in remainders[: seats - sum(shares)]:
        shares[index] += 1
    return shares


class _Nation:
    """Holds what the whole nation shares while the municipalities are built one by one."""

    def __init__(self, scale: float, seed: int, provinces: tuple[str, ...] | None = None) -> None:
        self.scale = scale
        self.seed = seed
        self.provinces = provinces
        self.rng = random.Random(f"democratie.synth:{seed}:nation")
        self.municipalities: list[Municipality] = []
        self.organisations: list[Organisation] = []
        self.people: list[Person] = []
        self.roles: list[Role] = []
        self.initiatives: list[Initiative] = []
        self.networks: list[Network] = []
        self.records = reference.municipalities()
        self.ids = tuple(_slug(record.name) for record in self.records)
        self.names = dict(zip(self.ids, (record.name for record in self.records), strict=True))
        self.populations = self._populations()
        # The national networks are planned before the municipalities are built, so that
        # each knows where it shares its lessons and who to send to regional meetings.
        self.m50_members = self._m50_members()
        self.circles = self._circles()
        self.regions = self._regions()
        self.memberships: dict[str, list[str]] = {mid: [_ASSOCIATION] for mid in self.ids}
        for network, members in (
            (_M50, self.m50_members),
            *self.circles,
            *((group, members) for group, _, members in self.regions),
        ):
            for mid in members:
                self.memberships[mid].append(network)
        self.regional_members = frozenset(mid for _, _, members in self.regions for mid in members)
        # Filled in while the municipalities are built; read by the national networks.
        self.officers: dict[str, str] = {}  # municipality -> ambtenaar democratische vernieuwing
        self.change_officers: dict[str, str] = {}  # municipality -> veranderambtenaar

    def _populations(self) -> tuple[int, ...]:
        slots = [size for size in SIZE_CLASSES for _ in range(size.municipalities)]
        self.rng.shuffle(slots)
        return tuple(self.rng.randint(size.low, size.high) for size in slots)

    def _m50_members(self) -> tuple[str, ...]:
        low, high = _M50_RANGE
        fitting = [
            mid
            for mid, population in zip(self.ids, self.populations, strict=True)
            if low <= population <= high
        ]
        return self.ordered(self.rng.sample(fitting, min(_M50_MEMBERS, len(fitting))))

    def _circles(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        return tuple(
            (
                f"{_M50}-leerkring-{number}",
                self.ordered(self.rng.sample(self.m50_members, self.rng.randint(*_CIRCLE_SIZE))),
            )
            for number in range(1, _M50_CIRCLES + 1)
        )

    def _regions(self) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
        regions = []
        for code, province in reference.PROVINCES.items():
            inside = [
                mid for mid, r in zip(self.ids, self.records, strict=True) if r.province == province
            ]
            chosen = self.rng.sample(inside, min(_REGIONAL_MEMBERS, len(inside)))
            regions.append((f"leergroep-{code.lower()}", province, self.ordered(chosen)))
        return tuple(regions)

    def ordered(self, chosen: Sequence[str]) -> tuple[str, ...]:
        """Municipality ids in the order of the CBS list."""
        wanted = set(chosen)
        return tuple(mid for mid in self.ids if mid in wanted)

    def rng_for(self, key: str) -> random.Random:
        """A random stream of its own for one part of the nation, the same at every scale."""
        return random.Random(f"democratie.synth:{self.seed}:{key}")

    def build(self) -> Landscape:
        self.national_organisations()
        for index, (mid, record, population) in enumerate(
            zip(self.ids, self.records, self.populations, strict=True)
        ):
            if self.provinces is None or record.province in self.provinces:
                _Local(self, index, mid, record, population).build()
        local_networks, local_initiatives = len(self.networks), len(self.initiatives)
        # Every national draw is made, so that what is kept is as in the nation.
        self.national_networks()
        # The national networks and their initiatives come first in the document.
        national_networks = self.networks[local_networks:]
        national_initiatives = self.initiatives[local_initiatives:]
        if self.provinces is not None:
            national_networks = self.within_networks(national_networks)
            national_initiatives = self.within_initiatives(national_initiatives)
        networks = national_networks + self.networks[:local_networks]
        initiatives = national_initiatives + self.initiatives[:local_initiatives]
        exact = Fraction(self.scale)
        shown = str(exact) if exact.denominator <= 1_024 else f"{self.scale:g}"
        title = f"Synthetic nation: 342 municipalities at scale {shown}, seed {self.seed}"
        note = f"generate(scale={self.scale!r}, seed={self.seed})"
        if self.provinces is not None:
            count = len(self.municipalities)
            title = (
                f"Synthetic province {', '.join(self.provinces)}: {count} municipalities "
                f"at scale {shown}, seed {self.seed}"
            )
            note = f"generate(scale={self.scale!r}, seed={self.seed}, provinces={self.provinces!r})"
        return Landscape(
            title=title,
            description=(
                "A synthetic landscape made by democratie.synth. The municipalities keep "
                "their CBS codes and names; their sizes and everything else in them "
                "(areas, organisations, people, initiatives, networks) are invented. "
                "No real person or organisation is described."
            ),
            sources=(Source(title="democratie.synth", note=note),),
            municipalities=tuple(self.municipalities),
            organisations=tuple(self.organisations),
            people=tuple(self.people),
            roles=tuple(self.roles),
            initiatives=tuple(initiatives),
            networks=tuple(networks),
        )

    # -- a part of the nation -------------------------------------------------------------

    def within_networks(self, networks: Sequence[Network]) -> list[Network]:
        """The national networks as seen from the provinces built: their members there."""
        built = set(self.officers)
        kept = []
        for network in networks:
            members = tuple(mid for mid in network.members if mid in built)
            if not members:
                continue
            meetings = tuple(meeting for meeting in network.meetings if meeting.host in built)
            kept.append(attrs.evolve(network, members=members, meetings=meetings))
        return kept

    def within_initiatives(self, initiatives: Sequence[Initiative]) -> list[Initiative]:
        """The national initiatives of the networks kept, with their municipalities there."""
        built = set(self.officers)
        kept = []
        for initiative in initiatives:
            municipalities = tuple(mid for mid in initiative.municipalities if mid in built)
            if municipalities:
                kept.append(attrs.evolve(initiative, municipalities=municipalities))
        return kept

    # -- national organisations and networks ----------------------------------------------

    def national_organisations(self) -> None:
        add = self.organisations.append
        add(
            Organisation(
                id="bureau-vereniging-van-gemeenten",
                name="Bureau Vereniging van Gemeenten (synthetisch)",
                kind=ActorKind.NETWERKORGANISATIE,
                sector=Sector.OVERHEID,
            )
        )
        add(
            Organisation(
                id="netwerkbureau-middelgrote-gemeenten",
                name="Netwerkbureau Middelgrote Gemeenten (synthetisch)",
                kind=ActorKind.NETWERKORGANISATIE,
                sector=Sector.OVERHEID,
            )
        )
        add(
            Organisation(
                id="programma-democratie-in-actie",
                name="Programma Democratie in Actie (synthetisch)",
                kind=ActorKind.NETWERKORGANISATIE,
                sector=Sector.OVERHEID,
                parent="bureau-vereniging-van-gemeenten",
            )
        )
        add(
            Organisation(
                id="kennisinstituut-lokale-democratie",
                name="Kennisinstituut Lokale Democratie (synthetisch)",
                kind=ActorKind.KENNISINSTELLING,
            )
        )
        for letter in _PARTIES:
            add(
                Organisation(
                    id=f"partij-{letter.lower()}",
                    name=f"Partij {letter} (synthetisch)",
                    kind=ActorKind.POLITIEKE_PARTIJ,
                )
            )
        for number in range(1, 4):
            pid = f"landelijk-p{number}"
            self.people.append(Person(id=pid, name=f"Medewerker {number} (landelijk)"))
            self.roles.append(
                Role(
                    holder=pid,
                    kind=RoleKind.VERANDERAMBTENAAR,
                    at="programma-democratie-in-actie",
                )
            )

    def national_networks(self) -> None:
        rng = self.rng
        self.networks.append(
            Network(
                id=_ASSOCIATION,
                name="Vereniging van Gemeenten (synthetisch): leden",
                kind=NetworkKind.VERENIGING,
                members=tuple(self.ids),
                coordinators=("bureau-vereniging-van-gemeenten",),
                themes=("democratische vernieuwing",),
            )
        )
        self.networks.append(
            Network(
                id=_M50,
                name="Netwerk Middelgrote Gemeenten (synthetisch, naar het M50)",
                kind=NetworkKind.NETWERK_VAN_GEMEENTEN,
                members=self.m50_members,
                coordinators=("netwerkbureau-middelgrote-gemeenten",),
                themes=("democratische vernieuwing", "netwerkend werken"),
                meetings=self.network_meetings(
                    _M50, "Ledenbijeenkomst", MeetingKind.LEDENBIJEENKOMST, self.m50_members, 4
                ),
            )
        )
        for number, (circle, members) in enumerate(self.circles, start=1):
            self.networks.append(
                Network(
                    id=circle,
                    name=f"Leerkring democratische vernieuwing {number} (synthetisch)",
                    kind=NetworkKind.LEERKRING,
                    members=members,
                    parent=_M50,
                    themes=("kartrekkers", "krachtenveld", "raad aan de voorkant"),
                    meetings=self.network_meetings(
                        circle, "Leerkringbijeenkomst", MeetingKind.VERVOLGBIJEENKOMST, members, 3
                    ),
                )
            )
            start = _add_months(_FIRST_MONTH, rng.randint(0, 48))
            self.initiatives.append(
                Initiative(
                    id=f"leerkring-{number}-democratische-vernieuwing",
                    title=f"Leerkring democratische vernieuwing {number} (synthetisch)",
                    kind=InitiativeKind.LEERKRING,
                    municipalities=members,
                    network=circle,
                    period=Period(start=start, end=_add_months(start, 12)),
                    initiated_by=("netwerkbureau-middelgrote-gemeenten",),
                    participants=tuple(
                        Participant(actor=self.officers[mid], role=RoleKind.DEELNEMER)
                        for mid in members
                        if mid in self.officers
                    ),
                    domains=(PolicyDomain.BESTUUR,),
                    duration_months=12,
                    lessons=(
                        Lesson(
                            text=rng.choice(_LESSONS),
                            kind=LessonKind.DOEN,
                            transferable=True,
                            transfers=(Transfer(to=_M50),),
                        ),
                    ),
                )
            )
        for group, province, members in self.regions:
            start = _add_months(_FIRST_MONTH, rng.randint(0, 48))
            self.networks.append(
                Network(
                    id=group,
                    name=f"Regionale leergroep {province} (synthetisch)",
                    kind=NetworkKind.REGIONAAL_LEERNETWERK,
                    members=members,
                    coordinators=("programma-democratie-in-actie",),
                    themes=("organisatieontwikkeling", "overheidsparticipatie"),
                    period=Period(start=start, end=_add_months(start, 12)),
                    meetings=self.regional_meetings(group, members, start),
                )
            )
            self.initiatives.append(self.trajectory(group, province, members, start))

    def network_meetings(
        self, network: str, title: str, kind: MeetingKind, members: Sequence[str], count: int
    ) -> tuple[Meeting, ...]:
        rng = self.rng
        meetings = []
        for number in range(1, count + 1):
            day = _add_months(_FIRST_MONTH, rng.randint(0, 71)).replace(day=rng.randint(1, 28))
            attending = _some(rng, members, min(6, len(members)), min(15, len(members)))
            attendees = tuple(self.officers[mid] for mid in attending if mid in self.officers)
            meetings.append(
                Meeting(
                    id=f"{network}-m{number}",
                    title=f"{title} {number}",
                    kind=kind,
                    date=day,
                    host=rng.choice(members),
                    attendees=attendees,
                    attendance=2 * len(attendees),
                    held=day <= _AS_OF,
                )
            )
        return tuple(meetings)

    def regional_meetings(
        self, group: str, members: Sequence[str], start: dt.date
    ) -> tuple[Meeting, ...]:
        rng = self.rng
        attendees = tuple(
            person
            for mid in members
            if mid in self.officers
            for person in (self.officers[mid], self.change_officers[mid])
        )
        meetings = []
        for number, (kind, title, months) in enumerate(
            (
                (MeetingKind.STARTBIJEENKOMST, "Startbijeenkomst", 0),
                (MeetingKind.REGIONALE_BIJEENKOMST, "Regionale bijeenkomst 1", 3),
                (MeetingKind.REGIONALE_BIJEENKOMST, "Regionale bijeenkomst 2", 6),
                (MeetingKind.REGIONALE_BIJEENKOMST, "Regionale bijeenkomst 3", 9),
                (MeetingKind.SLOTBIJEENKOMST, "Slotbijeenkomst", 12),
            ),
            start=1,
        ):
            day = _add_months(start, months).replace(day=rng.randint(1, 28))
            meetings.append(
                Meeting(
                    id=f"{group}-m{number}",
                    title=title,
                    kind=kind,
                    date=day,
                    host=rng.choice(members),
                    attendees=attendees,
                    attendance=len(attendees),
                    held=day <= _AS_OF,
                )
            )
        return tuple(meetings)

    def trajectory(
        self, group: str, province: str, members: Sequence[str], start: dt.date
    ) -> Initiative:
        rng = self.rng
        intakes = []
        for mid in members:
            day = start.replace(day=rng.randint(1, 28))
            if mid not in self.officers:  # outside the provinces asked for
                continue
            intakes.append(
                Meeting(
                    id=f"{group}-intake-{mid}",
                    title=f"Lokale intake ({self.names[mid]})",
                    kind=MeetingKind.INTAKE,
                    date=day,
                    host=mid,
                    attendees=(self.officers[mid], self.change_officers[mid]),
                    held=start <= _AS_OF,
                )
            )
        # Evaluated at the closing meeting (slotbijeenkomst), once the year is over.
        closing = Evaluation(
            date=_add_months(start, 12),
            by="programma-democratie-in-actie",
            method="slotbijeenkomst",
        )
        return Initiative(
            id=f"{group}-ontwikkeltraject",
            title=f"Ontwikkeltraject organisatieontwikkeling {province} (synthetisch)",
            kind=InitiativeKind.TRAJECT,
            municipalities=tuple(members),
            period=Period(start=start, end=_add_months(start, 12)),
            duration_months=12,
            initiator=Initiator.GEMEENTE,
            initiated_by=("programma-democratie-in-actie",),
            led_by=("landelijk-p1",),
            network=group,
            elements=tuple(TrajectoryElement),
            target_roles=_TARGET_ROLES,
            target_municipalities=_REGIONAL_MEMBERS,
            required_commitments=tuple(CommitmentKind),
            participants=tuple(
                Participant(actor=self.change_officers[mid], role=RoleKind.VERANDERAMBTENAAR)
                for mid in members
                if mid in self.change_officers
            ),
            domains=(PolicyDomain.BESTUUR,),
            meetings=tuple(intakes),
            evaluations=(closing,) if closing.date is not None and closing.date <= _AS_OF else (),
        )


class _Local:
    """Builds one municipality: its areas, council, college, organisations, people, initiatives."""

    def __init__(
        self,
        nation: _Nation,
        index: int,
        mid: str,
        record: reference.MunicipalityRecord,
        population: int,
    ) -> None:
        self.nation = nation
        self.index = index
        self.mid = mid
        self.record = record
        self.name = record.name
        self.population = population
        self.scale = nation.scale
        # What the law fixes draws from a stream of its own, so that it is the same at every
        # scale; the rest, whose size follows the scale, draws from the other.
        self.fixed = nation.rng_for(f"{record.cbs_code}:fixed")
        self.rng = nation.rng_for(record.cbs_code)
        self.thousands = population / 1_000
        self.next_person = 0
        self.wijken: list[str] = []
        self.kernen: list[str] = []
        self.areas_of_org: dict[str, tuple[str, ...]] = {}
        self.members: list[str] = []  # organisations with members
        self.organisations: list[str] = []
        self.committees: dict[str, str] = {}  # wijk -> its committee
        self.residents: list[str] = []
        self.civil_servants: list[str] = []
        self.factions: list[Faction] = []
        self.coalition: list[str] = []
        self.wethouder_count = 0
        self.wethouder_roles: list[str] = []
        self.regisseurs: dict[str, str] = {}  # area -> wijkregisseur or gebiedsregisseur
        self.roles = nation.roles

    # -- people -------------------------------------------------------------------------

    def person(self) -> str:
        self.next_person += 1
        pid = f"{self.mid}-p{self.next_person}"
        self.nation.people.append(Person(id=pid, name=f"Inwoner {self.next_person} ({self.name})"))
        return pid

    def role(self, holder: str, kind: RoleKind, at: str) -> None:
        self.roles.append(Role(holder=holder, kind=kind, at=at))

    # -- the whole municipality ---------------------------------------------------------

    def build(self) -> None:
        areas = self.build_areas()
        council = self.build_council()
        college = self.build_college()
        self.nation.municipalities.append(
            Municipality(
                id=self.mid,
                cbs_code=self.record.cbs_code,
                areas=areas,
                council=council,
                college=college,
                assessment=Assessment(power=_unit(self.fixed), interest=_unit(self.fixed)),
            )
        )
        self.build_officials()
        self.build_organisations()
        self.build_residents()
        self.build_wijknetwerken()
        self.build_initiatives()

    def build_areas(self) -> tuple[Area, ...]:
        rng, mid, name = self.rng, self.mid, self.name
        wijken = _WIJKEN_BASE + self.population // _INHABITANTS_PER_WIJK
        wijk_count = _count(rng, wijken * self.scale, minimum=1)
        multi = self.population < _MULTI_KERN_BELOW and self.fixed.random() < _MULTI_KERN_SHARE
        kernen_at_full_scale = self.fixed.randint(*_KERNEN)
        kern_count = _count(rng, kernen_at_full_scale * self.scale, minimum=1) if multi else 0
        wijk_areas: list[tuple[int, Area]] = []
        for number in range(1, wijk_count + 1):
            wid = f"{mid}-wijk-{number}"
            buurten = tuple(
                Area(
                    id=f"{mid}-buurt-{number}-{b}",
                    name=f"Buurt {number}.{b} ({name})",
                    level=AreaLevel.BUURT,
                )
                for b in range(1, rng.randint(*_BUURTEN_PER_WIJK) + 1)
            )
            self.wijken.append(wid)
            wijk_areas.append(
                (
                    number,
                    Area(
                        id=wid, name=f"Wijk {number} ({name})", level=AreaLevel.WIJK, areas=buurten
                    ),
                )
            )
        if not kern_count:
            return tuple(area for _, area in wijk_areas)
        kernen = []
        for number in range(1, kern_count + 1):
            kid = f"{mid}-kern-{number}"
            self.kernen.append(kid)
            inside = tuple(area for n, area in wijk_areas if (n - 1) % kern_count == number - 1)
            kernen.append(
                Area(id=kid, name=f"Kern {number} ({name})", level=AreaLevel.KERN, areas=inside)
            )
        return tuple(kernen)

    def build_council(self) -> Council:
        rng, mid = self.fixed, self.mid
        seats = council_seats(self.population)
        count = min(12, max(5, 5 + (seats - 9) // 6 + rng.randint(-1, 1)))
        shares = _split_seats(rng, seats, count)
        parties = list(_PARTIES)
        rng.shuffle(parties)
        national = rng.randint(3, min(count, len(parties)))
        for number, share in enumerate(shares, start=1):
            fid = f"{mid}-fractie-{number}"
            if number <= national:
                letter = parties[number - 1]
                faction = Faction(
                    id=fid, name=f"Partij {letter}", seats=share, party=f"partij-{letter.lower()}"
                )
            else:
                faction = Faction(id=fid, name=f"Lokale Partij {number} ({self.name})", seats=share)
            self.factions.append(faction)
        majority = seats // 2 + 1
        held = 0
        for faction in self.factions:  # the largest factions first, until a majority
            self.coalition.append(faction.id)
            held += faction.seats or 0
            if held >= majority:
                break
        return Council(
            seats=seats,
            factions=tuple(self.factions),
            assessment=Assessment(power=0.9, interest=_unit(rng)),
        )

    def build_college(self) -> College:
        seats = council_seats(self.population)
        most = max_wethouders(seats)
        # Every party of the coalition gets a wethouder, as far as the law allows.
        drawn = self.fixed.randint(max(2, most - 1), most)
        self.wethouder_count = max(drawn, min(len(self.coalition), most))
        return College(
            wethouder_seats=self.wethouder_count,
            assessment=Assessment(power=1.0, interest=_unit(self.fixed)),
        )

    def build_officials(self) -> None:
        fixed, rng, mid, roles = self.fixed, self.rng, self.mid, self.roles
        council, college = f"{mid}-raad", f"{mid}-college"
        for faction in self.factions:
            for seat in range(faction.seats or 0):
                pid = self.person()
                roles.append(
                    Role(
                        holder=pid,
                        kind=RoleKind.RAADSLID,
                        at=council,
                        on_behalf_of=faction.id,
                        start=_COUNCIL_INSTALLED,
                    )
                )
                if seat == 0:
                    roles.append(
                        Role(
                            holder=pid,
                            kind=RoleKind.FRACTIEVOORZITTER,
                            at=faction.id,
                            start=_COUNCIL_INSTALLED,
                        )
                    )
        domains = list(_DOMAINS)
        fixed.shuffle(domains)
        for number in range(1, self.wethouder_count + 1):
            portfolio = sorted(domains[number - 1 :: self.wethouder_count], key=_DOMAINS.index)
            rid = f"{mid}-wethouder-{number}"
            self.wethouder_roles.append(rid)
            roles.append(
                Role(
                    id=rid,
                    holder=self.person(),
                    kind=RoleKind.WETHOUDER,
                    at=college,
                    on_behalf_of=self.coalition[(number - 1) % len(self.coalition)],
                    start=_COUNCIL_INSTALLED.replace(month=fixed.randint(5, 7)),
                    portfolio=tuple(domain.label_nl for domain in portfolio),
                    domains=tuple(portfolio),
                )
            )
        self.role(self.person(), RoleKind.BURGEMEESTER, college)
        self.role(self.person(), RoleKind.GRIFFIER, council)
        self.role(self.person(), RoleKind.GEMEENTESECRETARIS, mid)
        officer = self.person()
        self.role(officer, RoleKind.AMBTENAAR_DEMOCRATISCHE_VERNIEUWING, mid)
        self.nation.officers[mid] = officer
        self.civil_servants.append(officer)
        if mid in self.nation.regional_members:
            change = self.person()
            self.role(change, RoleKind.VERANDERAMBTENAAR, mid)
            self.nation.change_officers[mid] = change
        for _ in range(_count(rng, self.thousands * _CIVIL_SERVANTS * self.scale, minimum=1)):
            pid = self.person()
            self.role(pid, RoleKind.AMBTENAAR, mid)
            self.civil_servants.append(pid)
        areas = [(k, RoleKind.GEBIEDSREGISSEUR) for k in self.kernen]
        areas += [(w, RoleKind.WIJKREGISSEUR) for w in self.wijken]
        for area, kind in areas:
            if rng.random() < 0.5:
                pid = rng.choice(self.civil_servants)
                self.role(pid, kind, area)
                self.regisseurs[area] = pid

    def organisation(
        self, kind: ActorKind, name: str, areas: tuple[str, ...] = (), *, rated: bool = False
    ) -> str:
        oid = f"{self.mid}-org-{len(self.organisations) + 1}"
        assessment = None
        if rated:
            assessment = Assessment(power=_unit(self.rng), interest=_unit(self.rng))
        self.nation.organisations.append(
            Organisation(
                id=oid,
                name=name,
                kind=kind,
                municipality=self.mid,
                areas=areas,
                assessment=assessment,
            )
        )
        self.organisations.append(oid)
        self.areas_of_org[oid] = areas
        if kind in _MEMBER_KINDS:
            self.members.append(oid)
        return oid

    def build_organisations(self) -> None:
        rng, name, scale = self.rng, self.name, self.scale
        self.organisation(ActorKind.REKENKAMER, f"Rekenkamer ({name})")
        for number, wid in enumerate(self.wijken, start=1):
            if rng.random() < _WIJKCOMMISSIE_SHARE:
                kind = rng.choice(_AREA_COMMITTEES)
                self.committees[wid] = self.organisation(
                    kind, f"{kind.label_nl} Wijk {number} ({name})", (wid,), rated=True
                )
        for number, kid in enumerate(self.kernen, start=1):
            if rng.random() < _DORPSRAAD_SHARE:
                self.organisation(
                    ActorKind.DORPSRAAD, f"Dorpsraad Kern {number} ({name})", (kid,), rated=True
                )
        places = self.kernen + self.wijken
        for number in range(1, _count(rng, self.thousands * _CIVIL_SOCIETY * scale, 1) + 1):
            kind, prefix, themes = rng.choice(_CIVIL_SOCIETY_KINDS)
            self.organisation(
                kind,
                f"{prefix} {rng.choice(themes)} {number} ({name})",
                _some(rng, places, 0, 2),
                rated=rng.random() < 0.5,
            )
        for number in range(1, _count(rng, self.thousands * _RESIDENT_GROUPS * scale) + 1):
            self.organisation(
                ActorKind.BEWONERSGROEP,
                f"Bewonersgroep {number} ({name})",
                _some(rng, self.wijken, 1, 1),
                rated=True,
            )
        for number in range(1, _count(rng, self.thousands * _BUSINESSES * scale) + 1):
            self.organisation(
                ActorKind.BEDRIJF,
                f"{rng.choice(_BUSINESS_NAMES)} {number} ({name})",
                _some(rng, places, 0, 1),
                rated=rng.random() < 0.3,
            )
        for number in range(1, _count(rng, (1 + self.population // 60_000) * scale, 1) + 1):
            self.organisation(ActorKind.WELZIJNSORGANISATIE, f"Welzijn {number} ({name})")
        for number in range(1, _count(rng, (1 + self.population // 100_000) * scale, 1) + 1):
            self.organisation(ActorKind.WONINGCORPORATIE, f"Woningcorporatie {number} ({name})")
        for number in range(1, _count(rng, (self.population // 60_000) * scale) + 1):
            self.organisation(ActorKind.KENNISINSTELLING, f"Hogeschool {number} ({name})")
        self.organisation(ActorKind.POLITIE, f"Politie basisteam ({name})")

    def build_residents(self) -> None:
        rng = self.rng
        count = _count(rng, self.thousands * _RESIDENTS * self.scale, minimum=3)
        members = self.members
        for number in range(count):
            pid = self.person()
            self.residents.append(pid)
            # Every resident is a member of one organisation, in turn; the first two members
            # of each organisation chair it and keep its records.
            org = members[number % len(members)]
            kind = RoleKind.LID
            if number < len(members):
                kind = RoleKind.VOORZITTER
            elif number < 2 * len(members):
                kind = RoleKind.SECRETARIS
            self.role(pid, kind, org)
            if rng.random() < _SECOND_MEMBERSHIP:
                other = rng.choice(members)
                if other != org:
                    self.role(pid, RoleKind.LID, other)
        with_members = set(members)
        for oid in self.organisations:
            if oid not in with_members and rng.random() < 0.5:
                self.role(rng.choice(self.residents), RoleKind.CONTACTPERSOON, oid)

    def build_wijknetwerken(self) -> None:
        rng, mid = self.rng, self.mid
        serving: dict[str, list[str]] = {}
        for oid in self.organisations:
            for area in self.areas_of_org[oid]:
                serving.setdefault(area, []).append(oid)
        for number, wid in enumerate(self.wijken, start=1):
            committee = self.committees.get(wid)
            if committee is None or rng.random() >= _WIJKNETWERK_SHARE:
                continue
            nid = f"{mid}-wijknetwerk-{number}"
            members = [committee, *(o for o in serving.get(wid, ()) if o != committee)]
            coordinator = self.regisseurs.get(wid)
            if coordinator is not None:
                members.append(coordinator)
            day = _add_months(_FIRST_MONTH, rng.randint(0, 71)).replace(day=rng.randint(1, 28))
            self.nation.networks.append(
                Network(
                    id=nid,
                    name=f"Wijknetwerk Wijk {number} ({self.name})",
                    kind=NetworkKind.WIJKNETWERK,
                    members=tuple(members),
                    coordinators=(coordinator,) if coordinator is not None else (committee,),
                    themes=("leefbaarheid", "samen werken in de wijk"),
                    meetings=(
                        Meeting(
                            id=f"{nid}-m1",
                            title=f"Wijkoverleg Wijk {number} ({self.name})",
                            kind=MeetingKind.WERKSESSIE,
                            date=day,
                            host=committee,
                            attendees=tuple(members),
                            held=day <= _AS_OF,
                        ),
                    ),
                )
            )

    # -- initiatives ----------------------------------------------------------------------

    def build_initiatives(self) -> None:
        rng = self.rng
        count = _count(rng, self.thousands * _INITIATIVES * self.scale, minimum=1)
        for number in range(1, count + 1):
            if number == 1:  # every kind occurs somewhere in the nation, at any scale
                kind = _KINDS[self.index % len(_KINDS)]
            else:
                kind = rng.choices(_KINDS, cum_weights=_KIND_CUMULATIVE)[0]
            self.nation.initiatives.append(self.initiative(number, kind))

    def initiative(self, number: int, kind: InitiativeKind) -> Initiative:
        rng, mid = self.rng, self.mid
        iid = f"{mid}-{kind.value.replace('_', '-')}-{number}"
        start = _add_months(_FIRST_MONTH, rng.randint(0, 71)).replace(day=rng.randint(1, 28))
        duration = 12 if kind is InitiativeKind.TRAJECT else rng.randint(1, 12) * 3
        finish = _add_months(start, duration)
        ended = finish <= _AS_OF
        open_ended = rng.random() < 0.1  # no end set
        society = kind in _SOCIETY_KINDS or (
            kind is not InitiativeKind.TRAJECT and rng.random() < 0.25
        )
        level = None if society else rng.choice(_LEVELS)
        participants = self.participants(kind, level)
        actors = [participant.actor for participant in participants]
        champion = actors[0]
        if society:
            leader = champion
            initiated_by = rng.choice(self.members) if rng.random() < 0.6 else champion
        else:
            leader = rng.choice(self.civil_servants)
            initiated_by = f"{mid}-college"
            self.role(leader, RoleKind.PROJECTLEIDER, iid)
        areas: tuple[str, ...] = ()
        covers_all: tuple[AreaLevel, ...] = ()
        if kind is InitiativeKind.PROGRAMMA:
            covers_all = (AreaLevel.WIJK,)  # "in alle wijken", as Delft's programme
        elif kind in _AREA_KINDS or rng.random() < 0.4:
            areas = _some(rng, self.kernen + self.wijken, 1, 3)
        domains = _some(rng, _DOMAINS, *_DOMAINS_PER.get(kind, (1, 3)))
        cycle, phases = self.phases(actors)
        realised = None
        if level is not None and ended:
            realised = _LEVELS[max(0, _LEVELS.index(level) - rng.randint(0, 1))]
        return Initiative(
            id=iid,
            title=f"{kind.label_nl} {number} ({self.name})",
            kind=kind,
            municipalities=(mid,),
            areas=areas,
            covers_all=covers_all,
            domains=domains,
            required_domains=domains if kind is InitiativeKind.PROGRAMMA else (),
            period=Period(start=start, end=None if open_ended else finish),
            duration_months=duration,
            milestones=self.milestones(start, duration),
            cycle=cycle,
            phases=phases,
            initiator=Initiator.SAMENLEVING if society else Initiator.GEMEENTE,
            initiated_by=(initiated_by,),
            led_by=(leader,),
            level=level,
            realised_level=realised,
            feedback_given=rng.random() < 0.6 if ended else None,
            government_role=rng.choice(_ROB) if society else None,
            participants=participants,
            commitments=self.commitments() if not society or rng.random() < 0.3 else (),
            required_commitments=tuple(CommitmentKind) if kind is InitiativeKind.TRAJECT else (),
            tasks=self.tasks(leader, actors),
            goals=_some(rng, _GOALS, 1, 2),
            service_goals=_some(rng, _SERVICE_GOALS, 0, 3),
            lessons=self.lessons() if ended else (),
            evaluations=(Evaluation(date=finish, by=mid),) if ended and rng.random() < 0.6 else (),
            elements=_LOCAL_ELEMENTS if kind is InitiativeKind.TRAJECT else (),
            meetings=self.meetings(iid, kind, start, duration, actors),
        )

    def participants(
        self, kind: InitiativeKind, level: ParticipationLevel | None
    ) -> tuple[Participant, ...]:
        """A kartrekker and other residents, partner organisations, sometimes the council."""
        rng = self.rng
        residents = _some(rng, self.residents, *_PARTICIPANTS.get(kind, _DEFAULT_PARTICIPANTS))
        found = [Participant(actor=residents[0], role=RoleKind.KARTREKKER)]
        found += [Participant(actor=pid, level=level) for pid in residents[1:]]
        found += [
            Participant(actor=oid, role=RoleKind.PARTNER)
            for oid in _some(rng, self.organisations, 1, 4)
        ]
        if kind is InitiativeKind.WORKSHOP:
            leader = rng.choice(self.civil_servants)
            found.append(Participant(actor=leader, role=RoleKind.WORKSHOPLEIDER))
        if kind is InitiativeKind.CHALLENGE or rng.random() < 0.3:
            found.append(Participant(actor=f"{self.mid}-raad"))
        return tuple(found)

    def phases(self, actors: Sequence[str]) -> tuple[PhaseCycle | None, tuple[Stage, ...]]:
        """A cycle (or none) and some of its phases in order, each with who takes part."""
        rng = self.rng
        cycle = rng.choice(_CYCLES)
        if cycle is None:
            return None, ()
        stages = tuple(
            Stage(
                phase=phase,
                participants=_some(rng, actors, 0, 4),
                level=rng.choice(_LEVELS) if rng.random() < 0.5 else None,
            )
            for phase in _some(rng, cycle.phases, 2, len(cycle.phases))
        )
        return cycle, stages

    def commitments(self) -> tuple[Commitment, ...]:
        """The commitment of the council, the college and the civil service."""
        rng = self.rng
        return tuple(
            Commitment(kind=kind, level=rng.choice(_COMMITMENT_LEVELS), by=by)
            for kind, by in (
                (CommitmentKind.POLITIEK, f"{self.mid}-raad"),
                (CommitmentKind.BESTUURLIJK, f"{self.mid}-college"),
                (CommitmentKind.AMBTELIJK, self.mid),
            )
        )

    def lessons(self) -> tuple[Lesson, ...]:
        """Lessons of a finished initiative, some passed on to the municipality's networks."""
        rng = self.rng
        return tuple(
            Lesson(
                text=text,
                kind=rng.choice(_LESSON_KINDS),
                transferable=rng.random() < 0.6,
                transfers=tuple(
                    Transfer(to=to) for to in _some(rng, self.nation.memberships[self.mid], 0, 2)
                ),
            )
            for text in _some(rng, _LESSONS, 0, 3)
        )

    def tasks(self, leader: str, actors: Sequence[str]) -> tuple[Task, ...]:
        rng = self.rng
        tasks = []
        for title in _some(rng, _TASKS, 1, 4):
            owner = rng.choice((leader, rng.choice(self.wethouder_roles)))
            assignments = [Assignment(actor=owner, raci=Raci.EINDVERANTWOORDELIJK)]
            roll = rng.random()
            if roll < 0.05:  # ownership left unclear: nobody answers for the task
                assignments = []
            elif roll < 0.1:  # or two do
                assignments.append(
                    Assignment(actor=rng.choice(actors), raci=Raci.EINDVERANTWOORDELIJK)
                )
            for actor in _some(rng, actors, 1, 2):
                assignments.append(Assignment(actor=actor, raci=Raci.UITVOEREND))
            if rng.random() < 0.4:
                assignments.append(Assignment(actor=rng.choice(actors), raci=Raci.GERAADPLEEGD))
            if rng.random() < 0.3:
                assignments.append(Assignment(actor=f"{self.mid}-raad", raci=Raci.GEINFORMEERD))
            tasks.append(Task(title=title, assignments=tuple(assignments)))
        return tuple(tasks)

    def milestones(self, start: dt.date, duration: int) -> tuple[Milestone, ...]:
        rng = self.rng
        result = []
        for number in range(1, rng.randint(1, 3) + 1):
            months = max(1, duration * number // 3)
            due = _add_months(start, months)
            done = None
            if due <= _AS_OF and rng.random() < 0.7:
                done = _add_months(start, max(0, months + rng.randint(-1, 2)))
                done = done if done <= _AS_OF else None
            result.append(
                Milestone(title=f"Mijlpaal {number}", due_within_months=months, done=done)
            )
        return tuple(result)

    def meetings(
        self,
        iid: str,
        kind: InitiativeKind,
        start: dt.date,
        duration: int,
        actors: Sequence[str],
    ) -> tuple[Meeting, ...]:
        rng = self.rng
        count = rng.randint(1, 4) if kind in _MEETING_KINDS else rng.randint(0, 1)
        meetings = []
        hosts = (self.mid, *self.organisations)
        for number in range(1, count + 1):
            if number == 1:
                meeting_kind = MeetingKind.STARTBIJEENKOMST
            elif number == count and count > 2:
                meeting_kind = MeetingKind.SLOTBIJEENKOMST
            else:
                meeting_kind = rng.choice((MeetingKind.WERKSESSIE, MeetingKind.WORKSHOP))
            day = _add_months(start, duration * (number - 1) // count)
            attendees = _some(rng, actors, 2, 8)
            meetings.append(
                Meeting(
                    id=f"{iid}-m{number}",
                    title=f"{meeting_kind.label_nl} {number}",
                    kind=meeting_kind,
                    date=day,
                    host=rng.choice(hosts),
                    attendees=attendees,
                    attendance=len(attendees) + rng.randint(0, 40),
                    held=day <= _AS_OF,
                )
            )
        return tuple(meetings)

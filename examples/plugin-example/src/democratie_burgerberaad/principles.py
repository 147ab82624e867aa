"""The OECD good practice principles for deliberative processes, and what a landscape shows of them.

The OECD's *Good Practice Principles for Deliberative Processes for Public
Decision Making* (2020) name eleven principles for a citizens' assembly
(burgerberaad), a citizens' forum or a G1000. A ``democratie`` landscape records
enough to judge five of them:

=====================  ==============================================================
principle              what the landscape records that the check reads
=====================  ==============================================================
1 purpose              the initiative's goals (its remit)
2 accountability       a pledge of the college or council, and ``feedback_given``
8 time                 the initiative's meetings (one meeting counts as one day)
9 integrity            who leads it (``led_by``): someone at arm's length from government
11 evaluation          ``evaluations``
=====================  ==============================================================

The other six (transparency, representativeness, inclusiveness, information,
group deliberation, privacy) need facts a landscape does not hold: how the
members were drawn by lot, what they were paid, which evidence they heard, how
the deliberation was facilitated. :func:`assess` reports them as *not visible*
rather than guessing.

:func:`assess` returns one :class:`PrincipleCheck` per principle, in the OECD's
order; the scoring rule :class:`~democratie_burgerberaad.OecdPrinciples` and the
Markdown report :class:`~democratie_burgerberaad.AssemblyReport` are both built on it.

Examples
--------
>>> import democratie
>>> from democratie_burgerberaad import assess
>>> land = democratie.loads('''
... format = "democratie/1"
... [[initiatives]]
... id = "burgerberaad-klimaat"
... kind = "burgerberaad"
... title = "Burgerberaad klimaat"
... goals = ["Advies over de warmtetransitie"]
... evaluations = [{ date = 2024-06-20, method = "enquête onder de leden" }]
... ''')
>>> checks = assess(land.get("burgerberaad-klimaat"), land)
>>> [(check.principle.slug, check.status) for check in checks if check.principle.visible]
[('purpose', 'met'), ('accountability', 'not recorded'), ('time', 'not recorded'), \
('integrity', 'not recorded'), ('evaluation', 'met')]
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final, Literal, TypeAlias

from attrs import frozen

from democratie.model import Initiative, Landscape, Organisation
from democratie.scoring import Bilingual, Evidence
from democratie.vocab import CommitmentKind, CommitmentLevel, RoleKind, Sector

__all__ = [
    "DEFAULT_COMMITTED_LEVELS",
    "DEFAULT_MIN_DAYS",
    "GOVERNMENT_OFFICES",
    "PRINCIPLES",
    "STATUSES",
    "Principle",
    "PrincipleCheck",
    "Status",
    "assess",
]

#: How a principle fares for one initiative.
Status: TypeAlias = Literal["met", "partly met", "not met", "not recorded", "not visible"]
#: The statuses, from best to "cannot be judged".
STATUSES: Final[tuple[Status, ...]] = (
    "met",
    "partly met",
    "not met",
    "not recorded",
    "not visible",
)

#: The OECD asks for "at least four full days in person, unless a shorter time frame can be
#: justified".
DEFAULT_MIN_DAYS: Final = 4
#: Commitment levels that count as the public authority's pledge to respond.
DEFAULT_COMMITTED_LEVELS: Final[frozenset[CommitmentLevel]] = frozenset(
    {CommitmentLevel.TOEGEZEGD, CommitmentLevel.VOLLEDIG}
)
#: Public offices: a person who holds one is part of the commissioning government, wherever
#: the role is held (our reading).
GOVERNMENT_OFFICES: Final[frozenset[RoleKind]] = frozenset(
    {
        RoleKind.BURGEMEESTER,
        RoleKind.WAARNEMEND_BURGEMEESTER,
        RoleKind.LOCOBURGEMEESTER,
        RoleKind.WETHOUDER,
        RoleKind.RAADSLID,
        RoleKind.BURGERLID,
        RoleKind.FRACTIEVOORZITTER,
        RoleKind.GRIFFIER,
        RoleKind.GEMEENTESECRETARIS,
        RoleKind.AMBTENAAR,
        RoleKind.AMBTENAAR_DEMOCRATISCHE_VERNIEUWING,
        RoleKind.VERANDERAMBTENAAR,
    }
)

_GOVERNMENT_KINDS: Final = frozenset({"municipality", "council", "college", "faction"})
_PLEDGING: Final = (CommitmentKind.BESTUURLIJK, CommitmentKind.POLITIEK)

Affiliation: TypeAlias = Literal["government", "independent", "unknown"]


@frozen(kw_only=True)
class Principle:
    """One of the OECD's eleven good practice principles.

    Parameters
    ----------
    number
        Its number in the OECD's list (1 to 11).
    slug
        A short English identifier (``"accountability"``).
    title
        Its name in Dutch and English.
    asks
        What the principle asks, in brief.
    visible
        Whether a landscape records enough to judge it.
    reads
        For a visible principle, what the check reads; for another, what it
        would need that a landscape does not hold, in Dutch and English.
    """

    number: int
    slug: str
    title: Bilingual
    asks: str
    visible: bool
    reads: Bilingual


#: The eleven principles, in the OECD's order.
PRINCIPLES: Final[tuple[Principle, ...]] = (
    Principle(
        number=1,
        slug="purpose",
        title=Bilingual(nl="Doel", en="Purpose"),
        asks="a clear task linked to a defined public problem, phrased neutrally as a question",
        visible=True,
        reads=Bilingual(
            nl="de doelen: een vastgelegde opdracht telt als voldaan; of de vraag neutraal is "
            "gesteld, is niet te zien",
            en="the goals: a recorded remit counts as met; whether the question is neutral "
            "cannot be seen",
        ),
    ),
    Principle(
        number=2,
        slug="accountability",
        title=Bilingual(nl="Verantwoording", en="Accountability"),
        asks="the commissioning authority publicly commits to respond, and responds in time",
        visible=True,
        reads=Bilingual(
            nl="een toezegging (toegezegd of volledig) van college of raad, en of er is "
            "teruggekoppeld (feedback_given)",
            en="a pledge (toegezegd or volledig) of the college or council, and whether the "
            "members were told what became of their advice (feedback_given)",
        ),
    ),
    Principle(
        number=3,
        slug="transparency",
        title=Bilingual(nl="Transparantie", en="Transparency"),
        asks="announced beforehand; design, materials, funding and response made public",
        visible=False,
        reads=Bilingual(nl="wat wanneer openbaar is gemaakt", en="what was published, and when"),
    ),
    Principle(
        number=4,
        slug="representativeness",
        title=Bilingual(nl="Representativiteit", en="Representativeness"),
        asks="a microcosm of the public, drawn by lot and stratified by demographics",
        visible=False,
        reads=Bilingual(
            nl="de loting en het profiel van de deelnemers",
            en="the lottery and the members' demographic profile",
        ),
    ),
    Principle(
        number=5,
        slug="inclusiveness",
        title=Bilingual(nl="Inclusiviteit", en="Inclusiveness"),
        asks="under-represented groups reached; members paid, their costs and care covered",
        visible=False,
        reads=Bilingual(
            nl="werving, vergoeding en ondersteuning", en="outreach, remuneration and support"
        ),
    ),
    Principle(
        number=6,
        slug="information",
        title=Bilingual(nl="Informatie", en="Information"),
        asks="accurate, relevant, accessible evidence and expertise, more on request",
        visible=False,
        reads=Bilingual(
            nl="de gehoorde informatie en deskundigen", en="the evidence and the experts heard"
        ),
    ),
    Principle(
        number=7,
        slug="group_deliberation",
        title=Bilingual(nl="Groepsberaadslaging", en="Group deliberation"),
        asks="common ground found through listening, skilled facilitation and varied formats",
        visible=False,
        reads=Bilingual(
            nl="hoe de gesprekken zijn begeleid", en="how the sessions were facilitated"
        ),
    ),
    Principle(
        number=8,
        slug="time",
        title=Bilingual(nl="Tijd", en="Time"),
        asks="at least four full days in person, unless a shorter time can be justified",
        visible=True,
        reads=Bilingual(
            nl="de bijeenkomsten: verschillende data (een bijeenkomst zonder datum telt "
            "één keer), elk als één dag",
            en="the meetings: distinct dates (a meeting without a date counts once), each "
            "taken as one day",
        ),
    ),
    Principle(
        number=9,
        slug="integrity",
        title=Bilingual(nl="Integriteit", en="Integrity"),
        asks="run by an arm's-length team other than the commissioning authority",
        visible=True,
        reads=Bilingual(
            nl="de leiding (led_by): een organisatie buiten de overheid, of een persoon die "
            "alleen aan zulke organisaties verbonden is",
            en="who runs it (led_by): an organisation outside government, or a person tied "
            "only to such organisations",
        ),
    ),
    Principle(
        number=10,
        slug="privacy",
        title=Bilingual(nl="Privacy", en="Privacy"),
        asks="members protected from unwanted attention; their data handled with care",
        visible=False,
        reads=Bilingual(
            nl="hoe met namen en gegevens van deelnemers is omgegaan",
            en="how the members' names and data were handled",
        ),
    ),
    Principle(
        number=11,
        slug="evaluation",
        title=Bilingual(nl="Evaluatie", en="Evaluation"),
        asks="evaluated by the members anonymously, by the organisers, and on its impact",
        visible=True,
        reads=Bilingual(
            nl="of (niet hoe) het beraad is geëvalueerd (evaluations)",
            en="whether (not how) the assembly was evaluated (evaluations)",
        ),
    ),
)

_BY_SLUG: Final = {principle.slug: principle for principle in PRINCIPLES}


@frozen(kw_only=True)
class PrincipleCheck:
    """How one initiative fares on one principle.

    Parameters
    ----------
    principle
        The principle checked.
    value
        On [0, 1], 1 when fully met; ``None`` when the principle cannot be
        judged (not visible in a landscape, or its facts not recorded).
    status
        ``"met"``, ``"partly met"``, ``"not met"``, ``"not recorded"`` or
        ``"not visible"``.
    finding
        What the landscape shows, in Dutch and English.
    evidence
        The facts the check read.
    """

    principle: Principle
    value: float | None
    status: Status
    finding: Bilingual
    evidence: tuple[Evidence, ...] = ()

    @property
    def judged(self) -> bool:
        """Whether the principle could be judged (the check has a value)."""
        return self.value is not None


def _status(value: float | None) -> Status:
    if value is None:
        return "not recorded"
    if value >= 1.0:
        return "met"
    return "not met" if value <= 0.0 else "partly met"


def _sentence(parts: list[str]) -> str:
    text = "; ".join(parts)
    return text[:1].upper() + text[1:] + "."


def _check(
    slug: str,
    value: float | None,
    *,
    nl: str,
    en: str,
    evidence: Iterable[Evidence] = (),
) -> PrincipleCheck:
    return PrincipleCheck(
        principle=_BY_SLUG[slug],
        value=value,
        status=_status(value),
        finding=Bilingual(nl=nl, en=en),
        evidence=tuple(evidence),
    )


def _purpose(initiative: Initiative) -> PrincipleCheck:
    count = len(initiative.goals)
    evidence = [Evidence(about=initiative.id, fact="goals", value=count)]
    if not count:
        return _check(
            "purpose",
            None,
            nl="Er is geen opdracht (doel) vastgelegd.",
            en="No remit (goal) is recorded.",
            evidence=evidence,
        )
    return _check(
        "purpose",
        1.0,
        nl=f"De opdracht is vastgelegd ({count} {'doel' if count == 1 else 'doelen'}).",
        en=f"The remit is recorded ({count} goal{'' if count == 1 else 's'}).",
        evidence=evidence,
    )


def _accountability(
    initiative: Initiative, committed_levels: frozenset[CommitmentLevel]
) -> PrincipleCheck:
    pledges = [c for kind in _PLEDGING if (c := initiative.commitment(kind)) is not None]
    evidence = [
        Evidence(about=initiative.id, fact=f"commitment.{c.kind.value}", value=c.level.value)
        for c in pledges
    ]
    evidence.append(
        Evidence(about=initiative.id, fact="feedback_given", value=initiative.feedback_given)
    )
    parts: list[float] = []
    nl: list[str] = []
    en: list[str] = []
    if pledges:
        pledged = any(c.level in committed_levels for c in pledges)
        parts.append(1.0 if pledged else 0.0)
        if pledged:
            nl.append("college of raad heeft toegezegd te reageren")
            en.append("the college or council pledged to respond")
        else:
            nl.append("college en raad hebben niet toegezegd te reageren")
            en.append("neither college nor council pledged to respond")
    if initiative.feedback_given is not None:
        parts.append(1.0 if initiative.feedback_given else 0.0)
        if initiative.feedback_given:
            nl.append("de deelnemers hoorden wat er met hun advies gebeurde")
            en.append("the members were told what became of their advice")
        else:
            nl.append("de deelnemers hoorden niet wat er met hun advies gebeurde")
            en.append("the members were not told what became of their advice")
    if not parts:
        return _check(
            "accountability",
            None,
            nl="Er is geen toezegging van college of raad en geen terugkoppeling vastgelegd.",
            en="No pledge of college or council and no feedback is recorded.",
            evidence=evidence,
        )
    return _check(
        "accountability",
        sum(parts) / len(parts),
        nl=_sentence(nl),
        en=_sentence(en),
        evidence=evidence,
    )


def _time(initiative: Initiative, min_days: int) -> PrincipleCheck:
    meetings = initiative.meetings
    dated = {m.date for m in meetings if m.date is not None}
    days = len(dated) + sum(1 for m in meetings if m.date is None)
    evidence = [
        Evidence(about=initiative.id, fact="meetings", value=len(meetings)),
        Evidence(about=initiative.id, fact="meeting_days", value=days),
    ]
    if not meetings:
        return _check(
            "time",
            None,
            nl="Er zijn geen bijeenkomsten vastgelegd.",
            en="No meetings are recorded.",
            evidence=evidence,
        )
    return _check(
        "time",
        min(days / min_days, 1.0),
        nl=f"{days} {'bijeenkomstdag' if days == 1 else 'bijeenkomstdagen'} van de "
        f"{min_days} die de OESO vraagt.",
        en=f"{days} meeting day{'' if days == 1 else 's'} of the {min_days} the OECD asks for.",
        evidence=evidence,
    )


def _affiliation(actor: str, landscape: Landscape) -> Affiliation:
    kind = landscape.kind_of(actor)
    if kind in _GOVERNMENT_KINDS:
        return "government"
    entity = landscape.get(actor)
    if isinstance(entity, Organisation):
        return "government" if entity.sector is Sector.OVERHEID else "independent"
    ties: set[Affiliation] = set()
    for role in landscape.roles_of(actor):
        if role.kind in GOVERNMENT_OFFICES:
            ties.add("government")
        for place in (role.at, role.on_behalf_of):
            if place is None:
                continue
            place_kind = landscape.kind_of(place)
            if place_kind in _GOVERNMENT_KINDS:
                ties.add("government")
            elif place_kind == "organisation":
                ties.add(_affiliation(place, landscape))
    if "government" in ties:
        return "government"
    return "independent" if "independent" in ties else "unknown"


def _integrity(initiative: Initiative, landscape: Landscape) -> PrincipleCheck:
    leaders = initiative.led_by
    affiliations = {leader: _affiliation(leader, landscape) for leader in leaders}
    evidence = [
        Evidence(about=leader, fact="affiliation", value=affiliation)
        for leader, affiliation in affiliations.items()
    ]
    if not leaders:
        return _check(
            "integrity",
            None,
            nl="Er is niet vastgelegd wie het beraad leidt.",
            en="Who runs the assembly is not recorded.",
            evidence=evidence,
        )
    independent = [leader for leader, a in affiliations.items() if a == "independent"]
    if independent:
        names = ", ".join(landscape.name_of(leader) for leader in independent)
        return _check(
            "integrity",
            1.0,
            nl=f"Geleid op afstand van de overheid: {names}.",
            en=f"Run at arm's length from government: {names}.",
            evidence=evidence,
        )
    if all(a == "government" for a in affiliations.values()):
        return _check(
            "integrity",
            0.0,
            nl="Alleen de overheid zelf leidt het beraad.",
            en="Only government itself runs the assembly.",
            evidence=evidence,
        )
    return _check(
        "integrity",
        None,
        nl="Van de leiding is niet bekend of die op afstand van de overheid staat.",
        en="Whether those who run it stand at arm's length from government is not recorded.",
        evidence=evidence,
    )


def _evaluation(initiative: Initiative) -> PrincipleCheck:
    evidence = [
        Evidence(about=initiative.id, fact="evaluations", value=len(initiative.evaluations))
    ]
    if not initiative.evaluations:
        return _check(
            "evaluation",
            None,
            nl="Er is geen evaluatie van het beraad vastgelegd.",
            en="No evaluation of the assembly is recorded.",
            evidence=evidence,
        )
    return _check(
        "evaluation",
        1.0,
        nl="Het beraad is geëvalueerd.",
        en="The assembly was evaluated.",
        evidence=evidence,
    )


def _not_visible(principle: Principle) -> PrincipleCheck:
    return PrincipleCheck(
        principle=principle,
        value=None,
        status="not visible",
        finding=Bilingual(
            nl=f"Niet in een landschap: {principle.reads.nl}.",
            en=f"Not in a landscape: {principle.reads.en}.",
        ),
    )


def assess(
    initiative: Initiative,
    landscape: Landscape,
    *,
    min_days: int = DEFAULT_MIN_DAYS,
    committed_levels: frozenset[CommitmentLevel] = DEFAULT_COMMITTED_LEVELS,
) -> tuple[PrincipleCheck, ...]:
    """Check one initiative against the eleven OECD principles, as far as the landscape shows.

    Parameters
    ----------
    initiative
        The initiative, of any kind (the caller decides which kinds are
        deliberative processes).
    landscape
        The landscape it belongs to; its leaders' organisations and roles are
        looked up there.
    min_days
        The number of meeting days that fully meets *time*.
    committed_levels
        The commitment levels of college or council that count as a pledge to
        respond.

    Returns
    -------
    tuple of PrincipleCheck
        One per principle, in the OECD's order; the six principles a landscape
        cannot show have status ``"not visible"``.

    Raises
    ------
    ValueError
        When *min_days* is less than 1.
    """
    if min_days < 1:
        message = f"min_days must be at least 1, got {min_days}"
        raise ValueError(message)
    visible = {
        "purpose": _purpose(initiative),
        "accountability": _accountability(initiative, committed_levels),
        "time": _time(initiative, min_days),
        "integrity": _integrity(initiative, landscape),
        "evaluation": _evaluation(initiative),
    }
    return tuple(
        visible[principle.slug] if principle.visible else _not_visible(principle)
        for principle in PRINCIPLES
    )

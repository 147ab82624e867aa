"""The scoring rule of the burgerberaad plugin: a citizens' assembly against the OECD principles.

Examples
--------
>>> import democratie
>>> from democratie.scoring import run
>>> from democratie_burgerberaad import OecdPrinciples
>>> land = democratie.loads('''
... format = "democratie/1"
... [[organisations]]
... id = "stichting-loting"
... name = "Stichting Loting"
... kind = "stichting"
...
... [[initiatives]]
... id = "burgerberaad-klimaat"
... kind = "burgerberaad"
... title = "Burgerberaad klimaat"
... goals = ["Advies over de warmtetransitie"]
... led_by = ["stichting-loting"]
... commitments = [{ kind = "bestuurlijk", level = "beperkt" }]
... evaluations = [{ date = 2024-06-20, method = "enquête onder de leden" }]
... ''')
>>> score = run(land, [OecdPrinciples()])["burgerberaad-klimaat"]["burgerberaad.oecd_principles"]
>>> round(score.value, 3)
0.75
>>> print(score.explanation.en)
4 of the 5 OECD principles a landscape shows are recorded, scoring 0.75 on average: \
purpose met, accountability not met, integrity met, evaluation met.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from attrs import field, frozen

from democratie.model import Initiative
from democratie.scoring import (
    BaseRule,
    Bilingual,
    Evidence,
    Score,
    ScoringContext,
    Subject,
    SubjectKind,
)
from democratie.vocab import CommitmentLevel, InitiativeKind

from .principles import (
    DEFAULT_COMMITTED_LEVELS,
    DEFAULT_MIN_DAYS,
    PRINCIPLES,
    PrincipleCheck,
    assess,
)

__all__ = ["DELIBERATIVE_KINDS", "OecdPrinciples"]

#: The initiative kinds that are deliberative processes of randomly selected residents.
DELIBERATIVE_KINDS: tuple[InitiativeKind, ...] = (
    InitiativeKind.BURGERBERAAD,
    InitiativeKind.BURGERFORUM,
    InitiativeKind.G1000,
)

_VISIBLE = tuple(p for p in PRINCIPLES if p.visible)
_HIDDEN = tuple(p for p in PRINCIPLES if not p.visible)

_ADVICE: dict[str, Bilingual] = {
    "purpose": Bilingual(
        nl="Leg de opdracht vast als een heldere, neutraal gestelde vraag.",
        en="Record the remit as a clear question, phrased neutrally.",
    ),
    "accountability": Bilingual(
        nl="Laat college of raad vooraf toezeggen te reageren, en koppel terug wat er met "
        "het advies gebeurt.",
        en="Have the college or council pledge beforehand to respond, and tell the members "
        "what becomes of their advice.",
    ),
    "time": Bilingual(
        nl="Geef het beraad ten minste vier volle dagen om te leren en te wegen.",
        en="Give the assembly at least four full days to learn and to weigh the evidence.",
    ),
    "integrity": Bilingual(
        nl="Laat het beraad leiden door een team op afstand van de opdrachtgever.",
        en="Have the assembly run by a team at arm's length from the commissioning authority.",
    ),
    "evaluation": Bilingual(
        nl="Evalueer het beraad: anoniem door de deelnemers, door de organisatie en op "
        "de gevolgen.",
        en="Evaluate the assembly: anonymously by its members, by its organisers, and on "
        "its impact.",
    ),
}


def _kinds(value: Iterable[InitiativeKind]) -> tuple[InitiativeKind, ...]:
    return tuple(value)


def _levels(value: Iterable[CommitmentLevel]) -> frozenset[CommitmentLevel]:
    return frozenset(value)


def _positive(instance: object, attribute: object, value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        message = f"{getattr(attribute, 'name', 'value')} must be a whole number of at least 1"
        raise ValueError(message)


def _listing(checks: Iterable[PrincipleCheck], lang: str) -> str:
    words = {
        "met": ("voldaan", "met"),
        "partly met": ("deels voldaan", "partly met"),
        "not met": ("niet voldaan", "not met"),
    }
    index = 0 if lang == "nl" else 1
    return ", ".join(
        f"{check.principle.title.get('nl' if lang == 'nl' else 'en').lower()} "
        f"{words[check.status][index]}"
        for check in checks
    )


@frozen(kw_only=True)
class OecdPrinciples(BaseRule):
    """OECD principles: how a citizens' assembly fares on the principles a landscape shows.

    Five of the OECD's eleven good practice principles for deliberative
    processes can be read from a landscape (see
    :mod:`democratie_burgerberaad.principles`): purpose, accountability,
    time, integrity and evaluation. Each is judged on [0, 1] when the
    landscape records its facts; the score is their mean. The other six
    principles (transparency, representativeness, inclusiveness, information,
    group deliberation, privacy) are listed in the evidence as not visible and
    do not count: a high score says the recorded facts are good, not that the
    assembly met all eleven.

    Parameters
    ----------
    name
        The rule's name.
    kinds
        The initiative kinds the rule judges; other initiatives get "not
        applicable".
    min_days
        Meeting days that fully meet *time* (the OECD: at least four full days).
    committed_levels
        Commitment levels of the college or council that count as a pledge to
        respond (toegezegd and volledig).

    Notes
    -----
    score = mean over the visible principles that are recorded of their value:
    purpose 1 when goals are recorded; accountability the mean of a pledge of
    college or council (0/1) and feedback given (0/1), of those recorded; time
    min(meeting days / *min_days*, 1); integrity 1 when a leader is at arm's
    length from government, 0 when all are government; evaluation 1 when one is recorded. Not
    applicable to other kinds of initiative, or when none of the five is
    recorded.

    References
    ----------
    OECD (2020), *Innovative Citizen Participation and New Democratic
    Institutions: Catching the Deliberative Wave*, chapter 5, "Good practice
    principles for deliberative processes for public decision making".
    """

    name: str = "burgerberaad.oecd_principles"
    title: ClassVar[Bilingual] = Bilingual(
        nl="OESO-principes voor een burgerberaad",
        en="OECD principles for a citizens' assembly",
    )
    applies_to: ClassVar[SubjectKind] = "initiative"
    source: ClassVar[str] = (
        "OECD (2020), Good Practice Principles for Deliberative Processes for Public "
        "Decision Making"
    )
    formula: ClassVar[str] = (
        "mean over the recorded visible principles (purpose, accountability, time, integrity, "
        "evaluation) of their value on [0, 1]"
    )
    kinds: tuple[InitiativeKind, ...] = field(default=DELIBERATIVE_KINDS, converter=_kinds)
    min_days: int = field(default=DEFAULT_MIN_DAYS, validator=_positive)
    committed_levels: frozenset[CommitmentLevel] = field(
        default=DEFAULT_COMMITTED_LEVELS, converter=_levels
    )

    def checks(self, initiative: Initiative, context: ScoringContext) -> tuple[PrincipleCheck, ...]:
        """Check *initiative* against the eleven principles with this rule's parameters."""
        return assess(
            initiative,
            context.landscape,
            min_days=self.min_days,
            committed_levels=self.committed_levels,
        )

    def evaluate(self, subject: Subject, context: ScoringContext) -> Score:
        """Score one initiative."""
        assert isinstance(subject, Initiative)
        if subject.kind not in self.kinds:
            kinds = ", ".join(kind.value for kind in self.kinds)
            return self.not_applicable(
                subject,
                nl=f"Geen burgerberaad: het initiatief is van de soort {subject.kind.value} "
                f"(de regel gaat over {kinds}).",
                en=f"Not a citizens' assembly: the initiative is of kind {subject.kind.value} "
                f"(the rule is about {kinds}).",
                evidence=[Evidence(about=subject.id, fact="kind", value=subject.kind.value)],
            )
        checks = self.checks(subject, context)
        evidence = [
            Evidence(about=subject.id, fact=f"oecd.{c.principle.slug}", value=c.status)
            for c in checks
        ]
        for check in checks:
            evidence.extend(check.evidence)
        judged = [c for c in checks if c.value is not None]
        if not judged:
            return self.not_applicable(
                subject,
                nl="Van de vijf OESO-principes die een landschap toont is niets vastgelegd: "
                "geen doelen, toezegging, terugkoppeling, bijeenkomsten, leiding of evaluatie.",
                en="Nothing is recorded for the five OECD principles a landscape shows: no "
                "goals, pledge, feedback, meetings, leaders or evaluation.",
                evidence=evidence,
                recommendations=[_ADVICE[p.slug] for p in _VISIBLE],
            )
        value = sum(c.value for c in judged if c.value is not None) / len(judged)
        recommendations = [
            _ADVICE[c.principle.slug]
            for c in checks
            if c.principle.visible and (c.value is None or c.value < 1.0)
        ]
        count, total = len(judged), len(_VISIBLE)
        return self.result(
            subject,
            value,
            nl=f"Van de {total} OESO-principes die een landschap toont "
            + (
                f"is er 1 vastgelegd, met {value:.2f}"
                if count == 1
                else f"zijn er {count} vastgelegd, gemiddeld {value:.2f}"
            )
            + f": {_listing(judged, 'nl')}.",
            en=(
                f"1 of the {total} OECD principles a landscape shows is recorded, scoring "
                f"{value:.2f}"
                if count == 1
                else f"{count} of the {total} OECD principles a landscape shows are recorded, "
                f"scoring {value:.2f} on average"
            )
            + f": {_listing(judged, 'en')}.",
            evidence=evidence,
            recommendations=recommendations,
        )

    @property
    def hidden_principles(self) -> tuple[str, ...]:
        """The slugs of the six principles a landscape cannot show, which the score leaves out.

        Examples
        --------
        >>> OecdPrinciples().hidden_principles[:2]
        ('transparency', 'representativeness')
        """
        return tuple(p.slug for p in _HIDDEN)

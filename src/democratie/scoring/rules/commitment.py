"""Commitment triad: the backing of council, college and civil service, as strong as the weakest.

Examples
--------
>>> from democratie import examples
>>> from democratie.scoring import run
>>> from democratie.scoring.rules import CommitmentTriad
>>> land = examples.load("delft-zeven-van-delft")
>>> run(land, [CommitmentTriad()])["de-zeven-van-delft"]["commitment_triad"].value
1.0

A variant that values the levels otherwise than :data:`DEFAULT_COMMITMENT_VALUES`:

>>> from democratie.vocab import CommitmentLevel
>>> DEFAULT_COMMITMENT_VALUES[CommitmentLevel.TOEGEZEGD]
0.6666666666666666
>>> lenient = CommitmentTriad(levels={**DEFAULT_COMMITMENT_VALUES, CommitmentLevel.BEPERKT: 0.5})
>>> lenient.levels[CommitmentLevel.BEPERKT]
0.5
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import ClassVar

from attrs import field, frozen

from democratie.model import Initiative
from democratie.scoring.context import ScoringContext
from democratie.scoring.rule import BaseRule
from democratie.scoring.rules._common import advice, listing, term_keys
from democratie.scoring.score import Bilingual, Evidence, Score, Subject, SubjectKind
from democratie.vocab import CommitmentKind, CommitmentLevel

__all__ = ["DEFAULT_COMMITMENT_VALUES", "CommitmentTriad"]

DEFAULT_COMMITMENT_VALUES: Mapping[CommitmentLevel, float] = MappingProxyType(
    {
        CommitmentLevel.GEEN: 0.0,
        CommitmentLevel.BEPERKT: 1 / 3,
        CommitmentLevel.TOEGEZEGD: 2 / 3,
        CommitmentLevel.VOLLEDIG: 1.0,
    }
)
"""Value of each commitment level on [0, 1]: evenly spaced by rank (our reading, replaceable)."""

_WHO_NL = {
    CommitmentKind.POLITIEK: "de raad (politiek)",
    CommitmentKind.BESTUURLIJK: "het college (bestuurlijk)",
    CommitmentKind.AMBTELIJK: "de ambtelijke organisatie",
}
_WHO_EN = {
    CommitmentKind.POLITIEK: "the council (political)",
    CommitmentKind.BESTUURLIJK: "the college (executive)",
    CommitmentKind.AMBTELIJK: "the civil service",
}


def _levels(value: Mapping[CommitmentLevel | str, float]) -> Mapping[CommitmentLevel, float]:
    return MappingProxyType(term_keys(CommitmentLevel, value, "levels"))


@frozen(kw_only=True)
class CommitmentTriad(BaseRule):
    """Commitment triad: the weakest backing of the council, the college and the civil service.

    Delft names "continue politieke, bestuurlijke en ambtelijke steun" as one of
    the two things that made its change last; Democratie in Actie asks
    "commitment binnen de gemeente (college, raad en ambtenaren)" before a
    municipality joins. A change backed by two of the three stalls on the third,
    so the score is the weakest link.

    Parameters
    ----------
    name
        The rule's name.
    levels
        The value of each :class:`~democratie.vocab.CommitmentLevel`
        (:data:`DEFAULT_COMMITMENT_VALUES` by default).

    Notes
    -----
    score = min(v(politiek), v(bestuurlijk), v(ambtelijk)), where v is the value of the
    recorded level.

    Not applicable unless the landscape records the commitment of all three:
    the weakest link of a chain with an unknown link is unknown.

    Changed: when all three stand at the same level, no one of them is named the
    weakest link. The rule used to blame the council (the first in its order) for
    a level the college and the civil service shared, and advised strengthening
    the council alone.

    References
    ----------
    Delft, "De zeven van Delft"; VNG Democratie in Actie, ontwikkeltraject
    organisatieontwikkeling ("commitment van college, raad en ambtenaren").

    Examples
    --------
    >>> import democratie
    >>> from democratie.scoring import run
    >>> land = democratie.loads('''
    ... format = "democratie/1"
    ... [[initiatives]]
    ... id = "traject"
    ... kind = "traject"
    ... title = "Ontwikkeltraject"
    ... commitments = [{ kind = "politiek", level = "volledig" },
    ...                { kind = "bestuurlijk", level = "toegezegd" },
    ...                { kind = "ambtelijk", level = "beperkt" }]
    ... ''')
    >>> print(run(land, [CommitmentTriad()])["traject"]["commitment_triad"])
    commitment_triad [traject]: 0.33 - The weakest link is the civil service: backing 'limited'.
    """

    name: str = "commitment_triad"
    title: ClassVar[Bilingual] = Bilingual(
        nl="Commitment van raad, college en ambtenaren", en="Commitment triad"
    )
    applies_to: ClassVar[SubjectKind] = "initiative"
    source: ClassVar[str] = "Delft (De zeven van Delft); VNG Democratie in Actie"
    formula: ClassVar[str] = (
        "min(v(politiek), v(bestuurlijk), v(ambtelijk)); v: geen 0, beperkt 1/3, toegezegd "
        "2/3, volledig 1"
    )
    levels: Mapping[CommitmentLevel, float] = field(
        default=DEFAULT_COMMITMENT_VALUES, converter=_levels, hash=False
    )

    def evaluate(self, subject: Subject, context: ScoringContext) -> Score:
        """Score one initiative."""
        assert isinstance(subject, Initiative)
        known = {kind: subject.commitment(kind) for kind in CommitmentKind}
        evidence = [
            Evidence(about=subject.id, fact=f"commitment.{kind.value}", value=c.level.value)
            for kind, c in known.items()
            if c is not None
        ]
        missing = [kind for kind, c in known.items() if c is None]
        if missing:
            return self.not_applicable(
                subject,
                nl="De steun van "
                + listing((_WHO_NL[k] for k in missing), lang="nl")
                + " is niet vastgelegd (commitments, van kind politiek, bestuurlijk en "
                "ambtelijk); de zwakste schakel is dan onbekend.",
                en="The backing of "
                + listing(_WHO_EN[k] for k in missing)
                + " is not recorded (commitments, of kind politiek, bestuurlijk and "
                "ambtelijk), so the weakest link is unknown.",
                evidence=evidence,
                recommendations=[
                    advice(
                        "Leg de steun van raad, college en ambtelijke organisatie alle drie vast.",
                        "Record the backing of the council, the college and the civil service.",
                    )
                ],
            )
        values = {kind: self.levels[c.level] for kind, c in known.items() if c is not None}
        weakest = min(
            CommitmentKind, key=lambda kind: (values[kind], list(CommitmentKind).index(kind))
        )
        level = known[weakest]
        assert level is not None
        value = values[weakest]
        if value >= max(self.levels.values()):
            nl = "Raad, college en ambtelijke organisatie steunen het alle drie volledig."
            en = "The council, the college and the civil service all back it fully."
            recommendations = []
        elif len(set(values.values())) == 1:
            # No one link is weaker: naming the first would blame it for the others' level.
            label_nl, label_en = level.level.label_nl.lower(), level.level.label_en.lower()
            nl = f"Raad, college en ambtelijke organisatie steunen het alle drie '{label_nl}'."
            en = f"The council, the college and the civil service all back it '{label_en}'."
            recommendations = [
                advice(
                    "Versterk de steun van raad, college en ambtelijke organisatie samen "
                    "voordat het initiatief verder gaat: geen van de drie loopt voorop.",
                    "Strengthen the backing of the council, the college and the civil service "
                    "together before going further: none of the three is ahead.",
                )
            ]
        else:
            nl = (
                f"De zwakste schakel is {_WHO_NL[weakest]}: steun '{level.level.label_nl.lower()}'."
            )
            en = (
                f"The weakest link is {_WHO_EN[weakest]}: backing '{level.level.label_en.lower()}'."
            )
            recommendations = [
                advice(
                    f"Versterk de steun van {_WHO_NL[weakest]} voordat het initiatief verder gaat.",
                    f"Strengthen the backing of {_WHO_EN[weakest]} before going further.",
                )
            ]
        return self.result(
            subject, value, nl=nl, en=en, evidence=evidence, recommendations=recommendations
        )

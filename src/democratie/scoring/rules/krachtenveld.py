"""Krachtenveld rules: whether the stakeholders who matter are engaged enough.

Both rules read the assessments of the initiative's participants (power,
interest, legitimacy, urgency on [0, 1]) from the stakeholder graph, through
:func:`democratie.graph.analysis.map_krachtenveld`, and compare them with the
rung of the participation ladder at which each participant is engaged.

Examples
--------
>>> import democratie
>>> from democratie.scoring import run
>>> from democratie.scoring.rules import EngagementFit, SalienceCoverage
>>> land = democratie.loads('''
... format = "democratie/1"
... [[organisations]]
... id = "woningcorporatie"
... name = "Woningcorporatie"
... kind = "woningcorporatie"
... assessment = { power = 0.8, interest = 0.9, legitimacy = 0.9, urgency = 0.7 }
... [[organisations]]
... id = "buurtvereniging"
... name = "Buurtvereniging"
... kind = "vereniging"
... assessment = { power = 0.2, interest = 0.8, legitimacy = 0.6, urgency = 0.9 }
... [[initiatives]]
... id = "wijkvisie"
... kind = "programma"
... title = "Wijkvisie"
... participants = [{ actor = "woningcorporatie", level = "raadplegen" },
...                 { actor = "buurtvereniging", level = "informeren" }]
... ''')
>>> card = run(land, [SalienceCoverage(), EngagementFit()])["wijkvisie"]
>>> card["salience_coverage"].value, card["engagement_fit"].value
(1.0, 0.5)

A key player (high power and interest) is to be engaged at least at the rung
:data:`DEFAULT_QUADRANT_MINIMUMS` names for the quadrant:

>>> from democratie.vocab import MendelowQuadrant
>>> {quadrant.slug: level and level.slug for quadrant, level in DEFAULT_QUADRANT_MINIMUMS.items()}
{'nauw_betrekken': 'coproduceren', 'tevreden_houden': 'raadplegen', 'informeren': 'informeren',
'monitoren': None}
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import ClassVar

from attrs import field, frozen

from democratie.graph.analysis import DEFAULT_THRESHOLDS, Position, Thresholds, map_krachtenveld
from democratie.model import Initiative
from democratie.scoring.context import ScoringContext
from democratie.scoring.rule import BaseRule
from democratie.scoring.rules._common import advice, listing, participant_levels, term_keys, terms
from democratie.scoring.score import Bilingual, Evidence, Score, Subject, SubjectKind
from democratie.vocab import MendelowQuadrant, ParticipationLevel, SalienceClass

__all__ = [
    "DEFAULT_QUADRANT_MINIMUMS",
    "EngagementFit",
    "SalienceCoverage",
]

DEFAULT_QUADRANT_MINIMUMS: Mapping[MendelowQuadrant, ParticipationLevel | None] = MappingProxyType(
    {
        MendelowQuadrant.NAUW_BETREKKEN: ParticipationLevel.COPRODUCEREN,
        MendelowQuadrant.TEVREDEN_HOUDEN: ParticipationLevel.RAADPLEGEN,
        MendelowQuadrant.INFORMEREN: ParticipationLevel.INFORMEREN,
        MendelowQuadrant.MONITOREN: None,
    }
)
"""The lowest rung at which a stakeholder of each Mendelow quadrant should be engaged.

Our reading, replaceable: key players are co-producers, those to keep satisfied are at least
consulted, those to keep informed are informed, and those to monitor need no rung.
"""


def _positions(
    subject: Initiative, context: ScoringContext, thresholds: Thresholds
) -> tuple[Position, ...]:
    actors = [a for a in participant_levels(subject) if a in context.graph]
    if not actors:
        return ()
    field_ = context.cached(
        ("krachtenveld", subject.id, thresholds),
        lambda: map_krachtenveld(context.graph, actors, thresholds=thresholds),
    )
    return field_.positions


def _at_least(level: ParticipationLevel | None, minimum: ParticipationLevel) -> bool:
    return level is not None and level.rank >= minimum.rank


def _classes(value: Iterable[SalienceClass | str]) -> frozenset[SalienceClass]:
    return frozenset(terms(SalienceClass, value, "classes"))


def _minimums(
    value: Mapping[MendelowQuadrant | str, ParticipationLevel | str | None],
) -> Mapping[MendelowQuadrant, ParticipationLevel | None]:
    keyed = term_keys(MendelowQuadrant, value, "minimums")
    levels = terms(
        ParticipationLevel, [level for level in keyed.values() if level is not None], "minimums"
    )
    rungs = iter(levels)
    return MappingProxyType(
        {quadrant: None if level is None else next(rungs) for quadrant, level in keyed.items()}
    )


@frozen(kw_only=True)
class SalienceCoverage(BaseRule):
    """Salience coverage: the share of the most salient stakeholders who are engaged at all.

    Mitchell, Agle and Wood sort stakeholders by power, legitimacy and urgency.
    Definitive stakeholders (all three) and dominant ones (power and
    legitimacy) are those a manager cannot ignore; this rule asks whether the
    initiative engages them at raadplegen or above.

    Parameters
    ----------
    name
        The rule's name.
    thresholds
        When an assessment counts as high (0.5 each by default).
    classes
        The salience classes that must be engaged (definitive and dominant).
    minimum
        The lowest rung that counts as engaged (raadplegen).

    Notes
    -----
    score = salient participants engaged at *minimum* or above / salient
    participants. Not applicable when no participant of the initiative has a
    salience class in *classes* (or none is assessed).

    Changed: the not-applicable explanation names what to record: the
    ``assessment`` table of each participant, with power, legitimacy and
    urgency on [0, 1].

    References
    ----------
    Mitchell, R. K., Agle, B. R., & Wood, D. J. (1997), "Toward a Theory of
    Stakeholder Identification and Salience", Academy of Management Review 22(4).

    Examples
    --------
    >>> import democratie
    >>> from democratie.scoring import run
    >>> land = democratie.loads('''
    ... format = "democratie/1"
    ... [[organisations]]
    ... id = "waterschap"
    ... name = "Waterschap"
    ... kind = "overheidsorganisatie"
    ... assessment = { power = 0.9, legitimacy = 0.8, urgency = 0.2 }
    ... [[initiatives]]
    ... id = "dijkversterking"
    ... kind = "programma"
    ... title = "Dijkversterking"
    ... participants = [{ actor = "waterschap", level = "informeren" }]
    ... ''')
    >>> print(run(land, [SalienceCoverage()])["dijkversterking"]["salience_coverage"])
    salience_coverage [dijkversterking]: 0.00 - The one definitive or dominant stakeholder is not
    yet consulted.
    """

    name: str = "salience_coverage"
    title: ClassVar[Bilingual] = Bilingual(
        nl="Belangrijkste belanghebbenden betrokken", en="Salience coverage"
    )
    applies_to: ClassVar[SubjectKind] = "initiative"
    source: ClassVar[str] = "Mitchell, Agle & Wood 1997 (stakeholder salience)"
    formula: ClassVar[str] = (
        "definitive and dominant participants at raadplegen or above / definitive and "
        "dominant participants"
    )
    thresholds: Thresholds = DEFAULT_THRESHOLDS
    classes: frozenset[SalienceClass] = field(
        default=frozenset({SalienceClass.DEFINITIEF, SalienceClass.DOMINANT}), converter=_classes
    )
    minimum: ParticipationLevel = ParticipationLevel.RAADPLEGEN

    def evaluate(self, subject: Subject, context: ScoringContext) -> Score:
        """Score one initiative."""
        assert isinstance(subject, Initiative)
        levels = participant_levels(subject)
        salient = [
            p for p in _positions(subject, context, self.thresholds) if p.salience in self.classes
        ]
        if not salient:
            return self.not_applicable(
                subject,
                nl=(
                    "Geen deelnemer is als definitieve of dominante belanghebbende beoordeeld: "
                    "leg van de deelnemers macht, legitimiteit en urgentie vast in hun tabel "
                    "assessment (power, legitimacy, urgency, elk van 0 tot 1)."
                ),
                en=(
                    "No participant is assessed as a definitive or dominant stakeholder: record "
                    "the participants' power, legitimacy and urgency in their assessment table "
                    "(power, legitimacy, urgency, each from 0 to 1)."
                ),
                recommendations=[
                    advice(
                        "Beoordeel macht, legitimiteit en urgentie van de belanghebbenden.",
                        "Assess the power, legitimacy and urgency of the stakeholders.",
                    )
                ],
            )
        engaged = [p for p in salient if _at_least(levels.get(p.id), self.minimum)]
        missing = [p for p in salient if p not in engaged]
        share = len(engaged) / len(salient)
        evidence = [
            Evidence(
                about=p.id,
                fact="salience, level",
                value=(
                    f"{p.salience.value if p.salience else '-'}, "
                    f"{getattr(levels.get(p.id), 'value', 'none')}"
                ),
            )
            for p in salient
        ]
        recommendations = []
        if missing:
            recommendations.append(
                advice(
                    f"Betrek ten minste op '{self.minimum.label_nl.lower()}': "
                    + listing((p.label for p in missing), lang="nl")
                    + ".",
                    f"Engage at '{self.minimum.label_en.lower()}' or above: "
                    + listing(p.label for p in missing)
                    + ".",
                )
            )
        return self.result(
            subject,
            share,
            nl=(
                f"{len(engaged)} van de {len(salient)} definitieve of dominante belanghebbenden "
                "zijn ten minste geraadpleegd."
                if len(salient) > 1
                else "De enige definitieve of dominante belanghebbende is "
                + ("ten minste geraadpleegd." if engaged else "nog niet geraadpleegd.")
            ),
            en=(
                f"{len(engaged)} of the {len(salient)} definitive or dominant stakeholders are at "
                "least consulted."
                if len(salient) > 1
                else "The one definitive or dominant stakeholder is "
                + ("at least consulted." if engaged else "not yet consulted.")
            ),
            evidence=evidence,
            recommendations=recommendations,
        )


@frozen(kw_only=True)
class EngagementFit(BaseRule):
    """Engagement fit: the share of stakeholders engaged at least as their Mendelow quadrant asks.

    Mendelow's power-interest grid asks to manage key players closely, keep the
    powerful satisfied, keep the interested informed and monitor the rest. The
    lowest rung per quadrant is a parameter (:data:`DEFAULT_QUADRANT_MINIMUMS`).

    Parameters
    ----------
    name
        The rule's name.
    thresholds
        When power and interest count as high (0.5 by default).
    minimums
        The lowest rung per quadrant; None means no rung is needed.

    Notes
    -----
    score = participants at or above their quadrant's minimum / participants
    with both power and interest assessed. Not applicable when no participant
    has both assessed.

    Changed: the not-applicable explanation names what to record: the
    ``assessment`` table of each participant, with power and interest on
    [0, 1].

    References
    ----------
    Mendelow, A. (1991), power-interest grid.

    Examples
    --------
    >>> import democratie
    >>> from democratie.scoring import run
    >>> land = democratie.loads('''
    ... format = "democratie/1"
    ... [[organisations]]
    ... id = "woningcorporatie"
    ... name = "Woningcorporatie"
    ... kind = "woningcorporatie"
    ... assessment = { power = 0.8, interest = 0.9 }
    ... [[initiatives]]
    ... id = "wijkvisie"
    ... kind = "programma"
    ... title = "Wijkvisie"
    ... participants = [{ actor = "woningcorporatie", level = "coproduceren" }]
    ... ''')
    >>> print(run(land, [EngagementFit()])["wijkvisie"]["engagement_fit"])
    engagement_fit [wijkvisie]: 1.00 - The one stakeholder is engaged as its place in the
    krachtenveld asks.
    """

    name: str = "engagement_fit"
    title: ClassVar[Bilingual] = Bilingual(
        nl="Betrokkenheid past bij macht en belang", en="Engagement fit"
    )
    applies_to: ClassVar[SubjectKind] = "initiative"
    source: ClassVar[str] = "Mendelow 1991 (power-interest grid)"
    formula: ClassVar[str] = (
        "participants at or above their quadrant's minimum rung / assessed participants"
    )
    thresholds: Thresholds = DEFAULT_THRESHOLDS
    minimums: Mapping[MendelowQuadrant, ParticipationLevel | None] = field(
        default=DEFAULT_QUADRANT_MINIMUMS, converter=_minimums, hash=False
    )

    def evaluate(self, subject: Subject, context: ScoringContext) -> Score:
        """Score one initiative."""
        assert isinstance(subject, Initiative)
        levels = participant_levels(subject)
        placed = [
            p for p in _positions(subject, context, self.thresholds) if p.quadrant is not None
        ]
        if not placed:
            return self.not_applicable(
                subject,
                nl=(
                    "Van geen deelnemer zijn macht en belang beoordeeld: leg ze vast in de tabel "
                    "assessment van elke deelnemer (power en interest, elk van 0 tot 1)."
                ),
                en=(
                    "No participant has both power and interest assessed: record them in each "
                    "participant's assessment table (power and interest, each from 0 to 1)."
                ),
                recommendations=[
                    advice(
                        "Breng het krachtenveld in kaart: macht en belang van elke belanghebbende.",
                        "Map the krachtenveld: the power and interest of every stakeholder.",
                    )
                ],
            )
        fitting: list[Position] = []
        short: list[Position] = []
        evidence = []
        for position in placed:
            assert position.quadrant is not None
            minimum = self.minimums.get(position.quadrant)
            level = levels.get(position.id)
            ok = minimum is None or _at_least(level, minimum)
            (fitting if ok else short).append(position)
            evidence.append(
                Evidence(
                    about=position.id,
                    fact="quadrant, level, minimum",
                    value=f"{position.quadrant.value}, {getattr(level, 'value', 'none')}, "
                    f"{getattr(minimum, 'value', 'none')}",
                )
            )
        share = len(fitting) / len(placed)
        recommendations = []
        if short:
            recommendations.append(
                advice(
                    "Betrek intensiever: " + listing((p.label for p in short), lang="nl") + ".",
                    "Engage more closely: " + listing(p.label for p in short) + ".",
                )
            )
        return self.result(
            subject,
            share,
            nl=(
                f"{len(fitting)} van de {len(placed)} belanghebbenden zijn betrokken zoals hun "
                "positie in het krachtenveld vraagt."
                if len(placed) > 1
                else "De enige belanghebbende is "
                + ("" if fitting else "niet ")
                + "betrokken zoals haar positie in het krachtenveld vraagt."
            ),
            en=(
                f"{len(fitting)} of the {len(placed)} stakeholders are engaged as their place in "
                "the krachtenveld asks."
                if len(placed) > 1
                else "The one stakeholder is "
                + ("" if fitting else "not ")
                + "engaged as its place in the krachtenveld asks."
            ),
            evidence=evidence,
            recommendations=recommendations,
        )

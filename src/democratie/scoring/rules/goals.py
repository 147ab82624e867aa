"""Service goal alignment: how many of Stichtse Vecht's seven shared ambitions an initiative serves.

Examples
--------
>>> from democratie import examples
>>> from democratie.scoring import run
>>> from democratie.scoring.rules import ServiceGoalAlignment
>>> land = examples.load("stichtse-vecht-gebiedsgericht-werken")
>>> cards = run(land, [ServiceGoalAlignment()])
>>> cards["gebiedsgericht-werken-2022"]["service_goal_alignment"].value
1.0
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from attrs import field, frozen

from democratie.model import Initiative, Landscape
from democratie.scoring.context import ScoringContext
from democratie.scoring.rule import BaseRule
from democratie.scoring.rules._common import advice, listing, terms
from democratie.scoring.score import Bilingual, Evidence, Score, Subject, SubjectKind
from democratie.vocab import ServiceGoal

__all__ = ["ServiceGoalAlignment"]


def _goals(value: Iterable[ServiceGoal | str]) -> tuple[ServiceGoal, ...]:
    return terms(ServiceGoal, value, "goals")


def _ambitions_in_use(initiative: Initiative, landscape: Landscape) -> bool:
    """Whether the service goals are in use where *initiative* works.

    They are when the initiative or one of its municipalities measures one with an
    indicator, or another initiative of one of its municipalities names one; without that,
    the seven ambitions are not the frame the initiative was made in.
    """
    if any(i.service_goal is not None for i in initiative.indicators):
        return True
    places = set(initiative.municipalities)
    for mun in landscape.municipalities:
        if mun.id in places and any(i.service_goal is not None for i in mun.indicators):
            return True
    return any(
        other.service_goals and places & set(other.municipalities)
        for other in landscape.initiatives
    )


@frozen(kw_only=True)
class ServiceGoalAlignment(BaseRule):
    """Service goal alignment: the share of the seven service goals an initiative addresses.

    Stichtse Vecht's new gebiedsgericht werken and the development of its
    organisation share seven ambitions, from "snelle en eenvoudige
    dienstverlening" to "meedenken, meedoen en ruimte krijgen (participatie)".

    Parameters
    ----------
    name
        The rule's name.
    goals
        The goals to address (all seven by default).

    Notes
    -----
    score = goals addressed / goals. Not applicable when the initiative names
    no service goal: for most initiatives they are not the frame.

    Changed: the not-applicable explanation says that these are Stichtse
    Vecht's seven shared ambitions, recorded under ``service_goals``: "names
    no service goals" left a reader elsewhere guessing what was missing.

    References
    ----------
    Stichtse Vecht, gebiedsgericht werken 2022.

    Examples
    --------
    Held to two of the seven goals only:

    >>> import democratie
    >>> from democratie.scoring import run
    >>> land = democratie.loads('''
    ... format = "democratie/1"
    ... [[initiatives]]
    ... id = "loket"
    ... kind = "programma"
    ... title = "Eén loket"
    ... service_goals = ["snelle_en_eenvoudige_dienstverlening"]
    ... ''')
    >>> from democratie.vocab import ServiceGoal
    >>> rule = ServiceGoalAlignment(
    ...     goals=[ServiceGoal.SNELLE_EN_EENVOUDIGE_DIENSTVERLENING, ServiceGoal.PARTICIPATIE])
    >>> print(run(land, [rule])["loket"]["service_goal_alignment"])
    service_goal_alignment [loket]: 0.50 - The initiative serves 1 of the 2 service goals.
    """

    name: str = "service_goal_alignment"
    title: ClassVar[Bilingual] = Bilingual(
        nl="Bijdrage aan de dienstverleningsambities", en="Service goal alignment"
    )
    applies_to: ClassVar[SubjectKind] = "initiative"
    source: ClassVar[str] = "Stichtse Vecht, gebiedsgericht werken 2022 (seven shared ambitions)"
    formula: ClassVar[str] = "service goals addressed / 7"
    goals: tuple[ServiceGoal, ...] = field(default=tuple(ServiceGoal), converter=_goals)

    def __attrs_post_init__(self) -> None:
        if not self.goals:
            message = "goals must name at least one service goal"
            raise ValueError(message)

    def evaluate(self, subject: Subject, context: ScoringContext) -> Score:
        """Score one initiative."""
        assert isinstance(subject, Initiative)
        if not subject.service_goals:
            if not _ambitions_in_use(subject, context.landscape):
                return self.not_applicable(
                    subject,
                    out_of_scope=True,
                    nl=(
                        "De zeven dienstverleningsambities zijn die van Stichtse Vecht, en "
                        "bij de gemeenten van dit initiatief noemt geen initiatief of indicator "
                        "ze: de regel gaat over initiatieven die aan die ambities werken."
                    ),
                    en=(
                        "The seven service goals are Stichtse Vecht's shared ambitions, and no "
                        "initiative or indicator of this initiative's municipalities names them: "
                        "the rule is about initiatives that work to those ambitions."
                    ),
                )
            return self.not_applicable(
                subject,
                nl=(
                    "Het initiatief noemt geen dienstverleningsambities: dat zijn de zeven "
                    "gedeelde ambities van Stichtse Vecht, vast te leggen onder service_goals "
                    "wanneer het initiatief eraan bijdraagt."
                ),
                en=(
                    "The initiative names no service goals: these are Stichtse Vecht's seven "
                    "shared ambitions, recorded under service_goals when the initiative serves "
                    "them."
                ),
            )
        addressed = [g for g in self.goals if g in subject.service_goals]
        missing = [g for g in self.goals if g not in subject.service_goals]
        share = len(addressed) / len(self.goals)
        recommendations = []
        if missing:
            recommendations.append(
                advice(
                    "Nog niet genoemd: "
                    + listing((g.label_nl.lower() for g in missing), lang="nl")
                    + ".",
                    "Not yet addressed: " + listing(g.label_en.lower() for g in missing) + ".",
                )
            )
        return self.result(
            subject,
            share,
            nl=f"Het initiatief draagt bij aan {len(addressed)} van de {len(self.goals)} ambities.",
            en=f"The initiative serves {len(addressed)} of the {len(self.goals)} service goals.",
            evidence=[
                Evidence(
                    about=subject.id,
                    fact="service_goals",
                    value=", ".join(g.value for g in addressed),
                )
            ],
            recommendations=recommendations,
        )

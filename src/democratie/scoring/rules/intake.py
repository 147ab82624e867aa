"""Intake gate: the municipalities that entered a trajectory met every required commitment.

Examples
--------
>>> from attrs import evolve
>>> from democratie import examples
>>> from democratie.scoring import run
>>> from democratie.scoring.rules import IntakeGate
>>> land = examples.load("democratie-in-actie-noord-nederland")
>>> traject = land.get("dia-ontwikkeltraject-organisatieontwikkeling")
>>> run(land, [IntakeGate()])[traject.id]["intake_gate"].value is None  # a call: none entered
True
>>> entered = evolve(traject, municipalities=("assen", "emmen", "midden-groningen"))
>>> run(land.replace(entered), [IntakeGate()])[traject.id]["intake_gate"].value
0.6666666666666666
"""

from __future__ import annotations

from typing import ClassVar

from attrs import frozen

from democratie.model import Initiative, Intake, Landscape
from democratie.plan import unmet_commitments
from democratie.scoring.context import ScoringContext
from democratie.scoring.rule import BaseRule
from democratie.scoring.rules._common import advice, is_trajectory, listing, pct, plural
from democratie.scoring.score import Bilingual, Evidence, Score, Subject, SubjectKind

__all__ = ["IntakeGate", "entered_municipalities"]


def entered_municipalities(initiative: Initiative, landscape: Landscape) -> tuple[str, ...]:
    """The municipalities that entered an initiative, in order, without repeats.

    Those it lists (``municipalities``: :meth:`democratie.plan.GroupPlan.apply` adds the
    ones it places), then the member municipalities of the network it works through
    and of the networks formed for it (its learning groups). A municipality that has
    only had an intake has not entered.

    Examples
    --------
    >>> from democratie import examples
    >>> land = examples.load("m50-leerkring-waalwijk")
    >>> entered_municipalities(land.get("m50-leerkring-initiatief"), land)[:3]
    ('meierijstad', 'lochem', 'coevorden')
    >>> land = examples.load("democratie-in-actie-noord-nederland")
    >>> entered_municipalities(land.get("dia-ontwikkeltraject-organisatieontwikkeling"), land)
    ()
    """
    found: dict[str, None] = dict.fromkeys(initiative.municipalities)
    for network in landscape.networks:
        if network.id == initiative.network or network.initiative == initiative.id:
            found.update(
                dict.fromkeys(
                    member
                    for member in network.members
                    if member in landscape and landscape.kind_of(member) == "municipality"
                )
            )
    return tuple(found)


@frozen(kw_only=True)
class IntakeGate(BaseRule):
    """Intake gate: the share of entered municipalities that met every required commitment.

    Democratie in Actie asks of a municipality, before it joins, "commitment binnen de
    gemeente (college, raad en ambtenaren) voor deelname aan het ontwikkeltraject", and
    admits it "na een lokale intake". The initiative records what it asks as
    ``required_commitments``, each municipality's intake the commitments it gave. A
    municipality that entered (listed by the initiative, or a member of its network or of
    a learning group formed for it) meets a commitment by the one definition of the
    planning's intake gate (:func:`democratie.plan.unmet_commitments`): its intake was
    held and lists it. A municipality that entered without an intake held meets none:
    a commitment not recorded is not given.

    Parameters
    ----------
    name
        The rule's name.

    Notes
    -----
    score = entered municipalities that met every required commitment / entered
    municipalities. Not applicable when the initiative asks for no commitments (it
    records no ``required_commitments``), or when no municipality has entered yet
    (intakes alone are not entry: admit and enrol them, with ``democratie plan groups``).

    References
    ----------
    VNG Democratie in Actie, ontwikkeltraject organisatieontwikkeling ("Wij vragen:
    commitment binnen de gemeente (college, raad en ambtenaren)"; "Na een lokale intake").

    Examples
    --------
    >>> from attrs import evolve
    >>> from democratie import examples
    >>> from democratie.scoring import run
    >>> land = examples.load("democratie-in-actie-noord-nederland")
    >>> traject = land.get("dia-ontwikkeltraject-organisatieontwikkeling")
    >>> entered = evolve(traject, municipalities=("assen", "midden-groningen", "noordenveld"))
    >>> print(run(land.replace(entered), [IntakeGate()])[traject.id]["intake_gate"].explanation.en)
    1 of the 3 municipalities that entered (33%) met every required commitment (Executive
    (college), Political (council) and Civil service): Midden-Groningen lacks Political
    (council); Noordenveld has no intake held.
    """

    name: str = "intake_gate"
    title: ClassVar[Bilingual] = Bilingual(nl="Intakepoort", en="Intake gate")
    applies_to: ClassVar[SubjectKind] = "initiative"
    source: ClassVar[str] = (
        "VNG Democratie in Actie, ontwikkeltraject organisatieontwikkeling (intake; "
        "commitment van college, raad en ambtenaren)"
    )
    formula: ClassVar[str] = (
        "entered municipalities whose held intake gave every required commitment / "
        "entered municipalities"
    )

    def evaluate(self, subject: Subject, context: ScoringContext) -> Score:
        """Score one initiative."""
        assert isinstance(subject, Initiative)
        landscape = context.landscape
        required = subject.required_commitments
        if not required:
            return self.not_applicable(
                subject,
                out_of_scope=not is_trajectory(subject, landscape),
                nl="Het initiatief vraagt geen commitments vóór deelname (required_commitments).",
                en="The initiative asks for no commitments before entry (required_commitments).",
                recommendations=[
                    advice(
                        "Leg vast welke commitments het initiatief vraagt (required_commitments), "
                        "als het die vraagt.",
                        "Record the commitments the initiative asks for (required_commitments), "
                        "if it asks for any.",
                    )
                ],
            )
        entered = entered_municipalities(subject, landscape)
        if not entered:
            recorded = len(subject.intakes)
            return self.not_applicable(
                subject,
                nl=(
                    f"Nog geen gemeente is ingestroomd ({plural(recorded, 'intake', 'intakes')} "
                    "vastgelegd, geen gemeente ingeschreven)."
                ),
                en=(
                    f"No municipality has entered yet ({plural(recorded, 'intake', 'intakes')} "
                    "recorded, none enrolled)."
                ),
                evidence=[Evidence(about=subject.id, fact="intakes", value=recorded)],
                recommendations=[
                    advice(
                        "Schrijf de toegelaten gemeenten in (democratie plan groups) of noem ze "
                        "onder municipalities.",
                        "Enrol the admitted municipalities (democratie plan groups), or list them "
                        "under municipalities.",
                    )
                ],
            )
        intakes: dict[str, Intake] = {intake.municipality: intake for intake in subject.intakes}
        evidence: list[Evidence] = []
        short_nl: list[str] = []
        short_en: list[str] = []
        met = 0
        for municipality in entered:
            intake = intakes.get(municipality)
            unmet = unmet_commitments(intake, required)
            name = landscape.name_of(municipality) if municipality in landscape else municipality
            if not unmet:
                met += 1
                evidence.append(Evidence(about=municipality, fact="commitments", value="met"))
            elif intake is None:
                evidence.append(Evidence(about=municipality, fact="commitments", value="no intake"))
                short_nl.append(f"{name} heeft geen intake")
                short_en.append(f"{name} has no intake")
            elif intake.held is not True:
                evidence.append(
                    Evidence(about=municipality, fact="commitments", value="intake not held")
                )
                short_nl.append(f"{name} heeft geen gehouden intake")
                short_en.append(f"{name} has no intake held")
            else:
                evidence.append(
                    Evidence(
                        about=municipality,
                        fact="commitments",
                        value="missing: " + ", ".join(kind.value for kind in unmet),
                    )
                )
                short_nl.append(f"{name} mist " + listing((k.label_nl for k in unmet), lang="nl"))
                short_en.append(f"{name} lacks " + listing(k.label_en for k in unmet))
        share = met / len(entered)
        asked_nl = listing((kind.label_nl for kind in required), lang="nl")
        asked_en = listing(kind.label_en for kind in required)
        nl = (
            f"{met} van de {len(entered)} ingestroomde gemeenten ({pct(share)}) gaven elk "
            f"gevraagd commitment ({asked_nl})"
        )
        en = (
            f"{met} of the {len(entered)} municipalities that entered ({pct(share)}) met every "
            f"required commitment ({asked_en})"
        )
        nl += (": " + "; ".join(short_nl) + ".") if short_nl else "."
        en += (": " + "; ".join(short_en) + ".") if short_en else "."
        recommendations = []
        if short_en:
            recommendations.append(
                advice(
                    "Vraag de ontbrekende commitments alsnog, en leg ze vast bij de intake: "
                    + "; ".join(short_nl)
                    + ".",
                    "Ask for the missing commitments, and record them at the intake: "
                    + "; ".join(short_en)
                    + ".",
                )
            )
        return self.result(
            subject, share, nl=nl, en=en, evidence=evidence, recommendations=recommendations
        )

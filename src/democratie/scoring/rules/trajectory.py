"""Trajectory rules: a development trajectory against the Democratie in Actie design.

Examples
--------
>>> from democratie import examples
>>> from democratie.scoring import run
>>> from democratie.scoring.rules import TargetRoleCoverage, TrajectoryConformance
>>> land = examples.load("democratie-in-actie-noord-nederland")
>>> card = run(land, [TrajectoryConformance(), TargetRoleCoverage()])[
...     "dia-ontwikkeltraject-organisatieontwikkeling"]
>>> card["trajectory_conformance"].value, card["target_role_coverage"].value
(1.0, 0.0)
"""

from __future__ import annotations

from typing import ClassVar

from attrs import frozen

from democratie.model import Initiative, Network
from democratie.scoring.context import ScoringContext
from democratie.scoring.rule import BaseRule
from democratie.scoring.rules._common import advice, listing, roles_in
from democratie.scoring.score import Bilingual, Evidence, Score, Subject, SubjectKind
from democratie.vocab import MeetingKind, NetworkKind, RoleKind, TrajectoryElement

__all__ = ["TargetRoleCoverage", "TrajectoryConformance"]


def _is_trajectory(initiative: Initiative, network: Network | None) -> bool:
    return bool(
        initiative.elements
        or initiative.target_roles
        or initiative.target_municipalities is not None
        or (network is not None and network.kind is NetworkKind.REGIONAAL_LEERNETWERK)
    )


@frozen(kw_only=True)
class TrajectoryConformance(BaseRule):
    """Trajectory conformance: the share of the Democratie in Actie checklist a trajectory meets.

    The VNG's Democratie in Actie development trajectory supports about ten
    municipalities per region for one year with a local intake, tailored local
    support, about three regional meetings and a closing one, and a pool of
    change officers. Each is one item of the checklist:

    1. a local intake (element ``lokale_intake`` or an ``intake`` meeting);
    2. tailored local support (element ``lokaal_maatwerk``);
    3. at least *min_regional_meetings* regional meetings (``regionale_bijeenkomst``,
       held or planned, of the trajectory or its network);
    4. a closing meeting (element or ``slotbijeenkomst`` meeting);
    5. change officers (element ``pool_veranderambtenaren`` or a ``veranderambtenaar``
       role at the trajectory);
    6. a duration of at most *max_months* (``duration_months``, else the period);
    7. a cohort of about *cohort_size* municipalities (the municipalities taking
       part, else the number aimed for), within *cohort_tolerance*.

    Parameters
    ----------
    name
        The rule's name.
    min_regional_meetings, max_months, cohort_size, cohort_tolerance
        The checklist's numbers: 3 meetings, 12 months, 10 municipalities, give
        or take 2.

    Notes
    -----
    score = items met / 7; an item that cannot be checked (no duration
    recorded) counts as not met and says so. Applies to initiatives that look
    like a development trajectory: they list trajectory elements or target
    roles, a number of municipalities aimed for, or work through a regional
    learning network. Not applicable to others.

    References
    ----------
    VNG Democratie in Actie, ontwikkeltraject "Organisatieontwikkeling en het
    nieuwe democratische samenspel".

    Examples
    --------
    >>> import democratie.examples
    >>> from democratie.scoring import run
    >>> land = democratie.examples.load("democratie-in-actie-noord-nederland")
    >>> traject = "dia-ontwikkeltraject-organisatieontwikkeling"
    >>> strict = TrajectoryConformance(name="strict", min_regional_meetings=5)
    >>> card = run(land, [TrajectoryConformance(), strict])[traject]
    >>> card["trajectory_conformance"].value, round(card["strict"].value, 3)
    (1.0, 0.857)
    """

    name: str = "trajectory_conformance"
    title: ClassVar[Bilingual] = Bilingual(
        nl="Opzet volgens het ontwikkeltraject", en="Trajectory conformance"
    )
    applies_to: ClassVar[SubjectKind] = "initiative"
    source: ClassVar[str] = "VNG Democratie in Actie, ontwikkeltraject organisatieontwikkeling"
    formula: ClassVar[str] = (
        "items met / 7: intake, maatwerk, >= 3 regional meetings, closing, change officers, "
        "<= 12 months, ~10 municipalities"
    )
    min_regional_meetings: int = 3
    max_months: int = 12
    cohort_size: int = 10
    cohort_tolerance: int = 2

    def evaluate(self, subject: Subject, context: ScoringContext) -> Score:
        """Score one initiative."""
        assert isinstance(subject, Initiative)
        land = context.landscape
        network = land.get(subject.network) if subject.network is not None else None
        assert network is None or isinstance(network, Network)
        if not _is_trajectory(subject, network):
            return self.not_applicable(
                subject,
                nl=(
                    "Dit is geen ontwikkeltraject: het noemt geen onderdelen, doelrollen of "
                    "regionale leergroep."
                ),
                en=(
                    "This is not a development trajectory: it names no elements, target roles or "
                    "regional learning group."
                ),
            )
        elements = set(subject.elements)
        meetings = list(subject.meetings) + (list(network.meetings) if network is not None else [])
        kinds = [m.kind for m in meetings]
        regional = kinds.count(MeetingKind.REGIONALE_BIJEENKOMST)
        officers = any(
            role.kind is RoleKind.VERANDERAMBTENAAR for role in land.roles_at(subject.id)
        ) or any(p.role is RoleKind.VERANDERAMBTENAAR for p in subject.participants)
        months = (
            subject.duration_months
            if subject.duration_months is not None
            else subject.period.months()
        )
        cohort = len(subject.municipalities) or subject.target_municipalities
        checks: list[tuple[str, str, str, bool, object]] = [
            (
                "intake",
                "lokale intake",
                "local intake",
                TrajectoryElement.LOKALE_INTAKE in elements or MeetingKind.INTAKE in kinds,
                TrajectoryElement.LOKALE_INTAKE in elements,
            ),
            (
                "maatwerk",
                "lokaal maatwerk",
                "tailored local support",
                TrajectoryElement.LOKAAL_MAATWERK in elements,
                TrajectoryElement.LOKAAL_MAATWERK in elements,
            ),
            (
                "regional_meetings",
                f"ten minste {self.min_regional_meetings} regionale bijeenkomsten",
                f"at least {self.min_regional_meetings} regional meetings",
                regional >= self.min_regional_meetings,
                regional,
            ),
            (
                "closing",
                "een slotbijeenkomst",
                "a closing meeting",
                TrajectoryElement.SLOTBIJEENKOMST in elements
                or MeetingKind.SLOTBIJEENKOMST in kinds,
                MeetingKind.SLOTBIJEENKOMST in kinds,
            ),
            (
                "change_officers",
                "veranderambtenaren",
                "change officers",
                TrajectoryElement.POOL_VERANDERAMBTENAREN in elements or officers,
                TrajectoryElement.POOL_VERANDERAMBTENAREN in elements,
            ),
            (
                "duration",
                f"een looptijd van hoogstens {self.max_months} maanden",
                f"a duration of at most {self.max_months} months",
                months is not None and months <= self.max_months,
                months,
            ),
            (
                "cohort",
                f"ongeveer {self.cohort_size} gemeenten",
                f"about {self.cohort_size} municipalities",
                cohort is not None and abs(cohort - self.cohort_size) <= self.cohort_tolerance,
                cohort,
            ),
        ]
        met = [c for c in checks if c[3]]
        unmet = [c for c in checks if not c[3]]
        value = len(met) / len(checks)
        evidence = [
            Evidence(about=subject.id, fact=key, value=_scalar(seen))
            for key, _, _, _, seen in checks
        ]
        if unmet:
            nl = (
                f"{len(met)} van de {len(checks)} punten van de opzet zijn er; ontbreekt: "
                + listing((c[1] for c in unmet), lang="nl")
                + "."
            )
            en = (
                f"{len(met)} of the {len(checks)} items of the design are in place; missing: "
                + listing(c[2] for c in unmet)
                + "."
            )
        else:
            nl = f"Alle {len(checks)} punten van de opzet van Democratie in Actie zijn er."
            en = f"All {len(checks)} items of the Democratie in Actie design are in place."
        if months is None:
            nl += " De looptijd is niet vastgelegd."
            en += " The duration is not recorded."
        recommendations = [advice(f"Voeg toe: {c[1]}.", f"Add {c[2]}.") for c in unmet]
        return self.result(
            subject, value, nl=nl, en=en, evidence=evidence, recommendations=recommendations
        )


def _scalar(value: object) -> str | int | float | bool | None:
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


@frozen(kw_only=True)
class TargetRoleCoverage(BaseRule):
    """Target role coverage: the share of a trajectory's target roles that someone fills.

    Democratie in Actie aims its trajectory at "de veranderaars binnen de
    gemeente": the gemeentesecretaris, the projectleider
    organisatieontwikkeling, the interne organisatieadviseur, the ambtenaar
    democratische vernieuwing, and the bestuurder with the portfolio. A role is
    filled when a participant is listed in it, someone holds it at the
    initiative, or a person taking part holds it anywhere in the landscape.

    Parameters
    ----------
    name
        The rule's name.

    Notes
    -----
    score = target roles filled / target roles. Not applicable when the
    initiative names no target roles.

    References
    ----------
    VNG Democratie in Actie, ontwikkeltraject "Organisatieontwikkeling en het
    nieuwe democratische samenspel" (doelgroep).

    Examples
    --------
    >>> import democratie.examples
    >>> from democratie.scoring import run
    >>> land = democratie.examples.load("democratie-in-actie-noord-nederland")
    >>> traject = "dia-ontwikkeltraject-organisatieontwikkeling"
    >>> print(run(land, [TargetRoleCoverage()])[traject]["target_role_coverage"])
    target_role_coverage [dia-ontwikkeltraject-organisatieontwikkeling]: 0.00 - 0 of the 5 target
    roles are filled. No municipality has joined yet.
    """

    name: str = "target_role_coverage"
    title: ClassVar[Bilingual] = Bilingual(nl="Doelrollen bezet", en="Target role coverage")
    applies_to: ClassVar[SubjectKind] = "initiative"
    source: ClassVar[str] = (
        "VNG Democratie in Actie, ontwikkeltraject organisatieontwikkeling (doelgroep)"
    )
    formula: ClassVar[str] = "target roles filled / target roles"

    def evaluate(self, subject: Subject, context: ScoringContext) -> Score:
        """Score one initiative."""
        assert isinstance(subject, Initiative)
        targets = subject.target_roles
        if not targets:
            return self.not_applicable(
                subject,
                nl="Het initiatief noemt geen doelrollen.",
                en="The initiative names no target roles.",
            )
        present = roles_in(subject, context.landscape)
        filled = [r for r in targets if r in present]
        empty = [r for r in targets if r not in present]
        share = len(filled) / len(targets)
        evidence = [
            Evidence(
                about=subject.id,
                fact=f"target_roles.{r.value}",
                value=", ".join(present.get(r, ())) or None,
            )
            for r in targets
        ]
        nl = f"{len(filled)} van de {len(targets)} doelrollen zijn bezet."
        en = f"{len(filled)} of the {len(targets)} target roles are filled."
        if not filled and not subject.municipalities:
            nl += " Er doen nog geen gemeenten mee."
            en += " No municipality has joined yet."
        recommendations = []
        if empty:
            recommendations.append(
                advice(
                    "Nog te bezetten: "
                    + listing((r.label_nl.lower() for r in empty), lang="nl")
                    + ".",
                    "Still to fill: " + listing(r.label_en.lower() for r in empty) + ".",
                )
            )
        return self.result(
            subject, share, nl=nl, en=en, evidence=evidence, recommendations=recommendations
        )

"""Trajectory rules: a development trajectory against the Democratie in Actie design.

Examples
--------
>>> from democratie import examples
>>> from democratie.scoring import run
>>> from democratie.scoring.rules import TargetRoleCoverage, TrajectoryConformance
>>> land = examples.load("democratie-in-actie-noord-nederland")
>>> card = run(land, [TrajectoryConformance(), TargetRoleCoverage()])[
...     "dia-ontwikkeltraject-organisatieontwikkeling"]
>>> round(card["trajectory_conformance"].value, 3), card["target_role_coverage"].value
(0.714, 0.0)
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from attrs import frozen

from democratie.model import Initiative, Meeting, Network
from democratie.scoring.context import ScoringContext
from democratie.scoring.rule import BaseRule
from democratie.scoring.rules._common import advice, is_trajectory, listing, roles_in
from democratie.scoring.score import Bilingual, Evidence, Score, Subject, SubjectKind
from democratie.vocab import MeetingKind, RoleKind, TrajectoryElement

__all__ = ["TargetRoleCoverage", "TrajectoryConformance"]


@frozen(kw_only=True)
class TrajectoryConformance(BaseRule):
    """Trajectory conformance: the share of the Democratie in Actie checklist a trajectory meets.

    The VNG's Democratie in Actie development trajectory supports about ten
    municipalities per region for one year with a local intake, tailored local
    support, about three regional meetings and a closing one, and a pool of
    change officers. Each is one item of the checklist:

    1. a local intake (element ``lokale_intake`` or an ``intake`` meeting held);
    2. tailored local support (element ``lokaal_maatwerk``);
    3. at least *min_regional_meetings* regional meetings held (``regionale_bijeenkomst``,
       of the trajectory or its network);
    4. a closing meeting (element or ``slotbijeenkomst`` meeting held);
    5. change officers (element ``pool_veranderambtenaren`` or a ``veranderambtenaar``
       role at the trajectory);
    6. a duration of at most *max_months* (``duration_months``, else the period);
    7. a cohort of about *cohort_size* municipalities enrolled (its
       ``municipalities``), within *cohort_tolerance*.

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
    learning network. Not applicable to others. A meeting is held when it is
    recorded as held (``held = true``) and, when the scoring run judges against
    a day (*as_of*), its date is not after that day.

    Changed: the cohort is the municipalities enrolled, never the number aimed
    for (``target_municipalities``), and only meetings held count. A call for
    ten municipalities that none has joined, with its meetings still to be
    planned, used to meet the whole checklist: the design promised what had
    not happened. The explanation now says how many meetings are planned and
    how many municipalities are aimed for.

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
    >>> round(card["trajectory_conformance"].value, 3), round(card["strict"].value, 3)
    (0.714, 0.714)
    >>> print(card["trajectory_conformance"].explanation.en)
    5 of the 7 items of the design are in place; missing: at least 3 regional meetings held (0 held,
    3 planned) and about 10 municipalities enrolled (0 enrolled, 10 aimed for).
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
        if not is_trajectory(subject, land):
            return self.not_applicable(
                subject,
                out_of_scope=True,
                nl=(
                    "Dit is geen ontwikkeltraject: het noemt geen onderdelen (elements), "
                    "doelrollen (target_roles), beoogd aantal gemeenten (target_municipalities) "
                    "of regionale leergroep (network)."
                ),
                en=(
                    "This is not a development trajectory: it names no elements (elements), "
                    "target roles (target_roles), number of municipalities aimed for "
                    "(target_municipalities) or regional learning group (network)."
                ),
            )
        elements = set(subject.elements)
        meetings = list(subject.meetings) + (list(network.meetings) if network is not None else [])
        held_kinds = [m.kind for m in meetings if _held(m, context.as_of)]
        planned_kinds = [m.kind for m in meetings if not _held(m, context.as_of)]
        regional = held_kinds.count(MeetingKind.REGIONALE_BIJEENKOMST)
        regional_planned = planned_kinds.count(MeetingKind.REGIONALE_BIJEENKOMST)
        officers = any(
            role.kind is RoleKind.VERANDERAMBTENAAR for role in land.roles_at(subject.id)
        ) or any(p.role is RoleKind.VERANDERAMBTENAAR for p in subject.participants)
        months = (
            subject.duration_months
            if subject.duration_months is not None
            else subject.period.months()
        )
        cohort = len(subject.municipalities)
        target = subject.target_municipalities
        checks: list[tuple[str, str, str, bool, object]] = [
            (
                "intake",
                "lokale intake",
                "local intake",
                TrajectoryElement.LOKALE_INTAKE in elements or MeetingKind.INTAKE in held_kinds,
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
                (
                    f"ten minste {self.min_regional_meetings} regionale bijeenkomsten gehouden "
                    f"({regional} gehouden, {regional_planned} gepland)"
                ),
                (
                    f"at least {self.min_regional_meetings} regional meetings held "
                    f"({regional} held, {regional_planned} planned)"
                ),
                regional >= self.min_regional_meetings,
                regional,
            ),
            (
                "closing",
                "een slotbijeenkomst",
                "a closing meeting",
                TrajectoryElement.SLOTBIJEENKOMST in elements
                or MeetingKind.SLOTBIJEENKOMST in held_kinds,
                TrajectoryElement.SLOTBIJEENKOMST in elements
                or MeetingKind.SLOTBIJEENKOMST in held_kinds,
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
                f"ongeveer {self.cohort_size} gemeenten ingeschreven ({cohort} ingeschreven"
                + (f", {target} beoogd)" if target is not None else ")"),
                f"about {self.cohort_size} municipalities enrolled ({cohort} enrolled"
                + (f", {target} aimed for)" if target is not None else ")"),
                abs(cohort - self.cohort_size) <= self.cohort_tolerance,
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
        recommendations = []
        for key, label_nl, label_en, _, _ in unmet:
            if key == "regional_meetings":
                recommendations.append(
                    advice(
                        f"Houd ten minste {self.min_regional_meetings} regionale bijeenkomsten "
                        "en leg vast dat ze gehouden zijn (held = true).",
                        f"Hold at least {self.min_regional_meetings} regional meetings, and "
                        "record them as held (held = true).",
                    )
                )
            elif key == "cohort":
                recommendations.append(
                    advice(
                        f"Schrijf ongeveer {self.cohort_size} gemeenten in (municipalities).",
                        f"Enrol about {self.cohort_size} municipalities (municipalities).",
                    )
                )
            else:
                recommendations.append(advice(f"Voeg toe: {label_nl}.", f"Add {label_en}."))
        return self.result(
            subject, value, nl=nl, en=en, evidence=evidence, recommendations=recommendations
        )


def _held(meeting: Meeting, as_of: dt.date | None) -> bool:
    """Whether a meeting took place: recorded as held, and not dated after *as_of*."""
    if meeting.held is not True:
        return False
    return as_of is None or meeting.date is None or meeting.date <= as_of


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
                out_of_scope=not is_trajectory(subject, context.landscape),
                nl="Het initiatief noemt geen doelrollen (target_roles).",
                en="The initiative names no target roles (target_roles).",
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

"""Council at the front: how early in its cycle an initiative brings in the council.

Examples
--------
>>> import attrs
>>> import democratie
>>> from democratie.model import Stage
>>> from democratie.scoring import run
>>> from democratie.scoring.rules import CouncilAtTheFront
>>> land = democratie.loads('''
... format = "democratie/1"
... [[municipalities]]
... id = "leusden"
... cbs_code = "GM0327"
... [[initiatives]]
... id = "challenge"
... kind = "challenge"
... title = "Samenleving Voorop"
... municipalities = ["leusden"]
... cycle = "wettelijk"
... phases = [{ phase = "voorbereiding", participants = ["leusden"] },
...           { phase = "uitvoering", participants = ["leusden-raad"] }]
... ''')
>>> run(land, [CouncilAtTheFront()])["challenge"]["council_at_the_front"].value
0.5

A phase that lists nobody says nothing about the council: it is not counted as one without
it, and the score waits for it to be recorded:

>>> land = land.replace(attrs.evolve(land.get("challenge"), phases=(
...     Stage(phase="voorbereiding"), Stage(phase="uitvoering", participants=("leusden-raad",)))))
>>> print(run(land, [CouncilAtTheFront()])["challenge"]["council_at_the_front"].explanation.en)
The council takes part in phase 2 of 3 (execution), but who takes part in preparation, before
it, is not recorded, so it cannot be seen whether the council comes in earlier. Record who takes
part in those phases (participants), with the council where it takes part.

The council takes part through the council itself, its factions, or a person holding one
of the :data:`DEFAULT_COUNCIL_ROLES`:

>>> [role.slug for role in DEFAULT_COUNCIL_ROLES]
['raadslid', 'fractievoorzitter', 'burgerlid']
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from attrs import field, frozen

from democratie.model import Council, Initiative, Landscape, Municipality
from democratie.scoring.context import ScoringContext
from democratie.scoring.rule import BaseRule
from democratie.scoring.rules._common import advice, listing, terms
from democratie.scoring.score import Bilingual, Evidence, Score, Subject, SubjectKind
from democratie.vocab import CommitmentKind, Phase, RoleKind

__all__ = ["DEFAULT_COUNCIL_ROLES", "CouncilAtTheFront"]

DEFAULT_COUNCIL_ROLES: tuple[RoleKind, ...] = (
    RoleKind.RAADSLID,
    RoleKind.FRACTIEVOORZITTER,
    RoleKind.BURGERLID,
)
"""Roles through which a person brings the council into a phase."""


def council_actors(
    landscape: Landscape, municipalities: tuple[str, ...], roles: tuple[RoleKind, ...]
) -> dict[str, str]:
    """Map every actor that stands for a council to the council's id.

    The councils of *municipalities* (every council when none is given), their
    factions, and the people who hold one of *roles* at them.
    """
    if municipalities:
        chosen = [landscape.get(m) for m in municipalities]
    else:
        chosen = list(landscape.municipalities)
    found: dict[str, str] = {}
    for municipality in chosen:
        assert isinstance(municipality, Municipality)
        council_id = municipality.council_id
        council = landscape.get(council_id)
        assert isinstance(council, Council)
        places = [council_id, *(f.id for f in council.factions)]
        for place in places:
            found[place] = council_id
            for role in landscape.roles_at(place):
                if role.kind in roles:
                    found.setdefault(role.holder, council_id)
    return found


def _roles(value: Iterable[RoleKind | str]) -> tuple[RoleKind, ...]:
    return terms(RoleKind, value, "council_roles")


@frozen(kw_only=True)
class CouncilAtTheFront(BaseRule):
    """Council at the front: 1 when the council takes part from the first phase, 0 when never.

    The M50 learning circle noted that the role of councils is a search:
    "soms wordt de raad aan de voorkant gemist" (sometimes the council is
    missed at the front). This rule finds the first phase of the initiative's
    cycle in which its council takes part (the council itself, one of its
    factions, or a person holding a council role there) and scores how early
    that is.

    Parameters
    ----------
    name
        The rule's name.
    council_roles
        The roles through which a person brings in the council
        (:data:`DEFAULT_COUNCIL_ROLES`: raadslid, fractievoorzitter, burgerlid).

    Notes
    -----
    score = 1 - i / (n - 1), where n is the number of phases of the cycle (of
    the phases listed when no cycle is set) and i the 0-based place of the first
    phase with the council in it; 0 when the council is in no phase; for a
    single phase, 1 with the council and 0 without. A phase counts as without
    the council only when it lists who takes part (``participants``) and the
    council is not among them; a phase that lists no one, or that is not
    recorded at all, says nothing about the council. So the rule is not
    applicable when such a phase comes before the first phase with the
    council, or when the council is in no phase and one of them lists no one;
    the explanation names those phases and what to record. Not applicable
    when no phases are recorded.

    Changed: a phase that lists no participants no longer counts as one the
    council is absent from. Delft's text names who takes part in two of its
    six phases and never says that the council is absent from any of them;
    the rule gave 0, "the council takes part in none of the 6 phases".

    References
    ----------
    M50 learning circle on democratic renewal, Waalwijk, 4 February 2020.

    Examples
    --------
    The M50 circle's worry, "soms wordt de raad aan de voorkant gemist":

    >>> import democratie
    >>> from democratie.scoring import run
    >>> land = democratie.loads('''
    ... format = "democratie/1"
    ... [[municipalities]]
    ... id = "waalwijk"
    ... cbs_code = "GM0867"
    ... [[initiatives]]
    ... id = "visie"
    ... kind = "programma"
    ... title = "Visie op participatie"
    ... municipalities = ["waalwijk"]
    ... cycle = "integraal"
    ... phases = [{ phase = "visie", participants = ["waalwijk-raad"] }]
    ... ''')
    >>> print(run(land, [CouncilAtTheFront()])["visie"]["council_at_the_front"])
    council_at_the_front [visie]: 1.00 - The council takes part from the first phase (vision).
    """

    name: str = "council_at_the_front"
    title: ClassVar[Bilingual] = Bilingual(nl="Raad aan de voorkant", en="Council at the front")
    applies_to: ClassVar[SubjectKind] = "initiative"
    source: ClassVar[str] = (
        'M50 learning circle, Waalwijk 2020 ("soms wordt de raad aan de voorkant gemist")'
    )
    formula: ClassVar[str] = (
        "1 - i / (n - 1), i = first phase with the council (0-based), n = phases; 0 if never"
    )
    council_roles: tuple[RoleKind, ...] = field(default=DEFAULT_COUNCIL_ROLES, converter=_roles)

    def evaluate(self, subject: Subject, context: ScoringContext) -> Score:
        """Score one initiative."""
        assert isinstance(subject, Initiative)
        if not subject.phases:
            return self.not_applicable(
                subject,
                nl=(
                    "Er zijn geen fasen vastgelegd, dus niet te zien wanneer de raad instapt. "
                    "Leg de fasen vast (phases), elk met wie meedoet (participants)."
                ),
                en=(
                    "No phases are recorded, so it cannot be seen when the council comes in. "
                    "Record the phases (phases), each with who takes part (participants)."
                ),
            )
        phases: tuple[Phase, ...] = (
            subject.cycle.phases
            if subject.cycle is not None
            else tuple(s.phase for s in subject.phases)
        )
        land = context.landscape
        council = council_actors(land, subject.municipalities, self.council_roles)
        by_phase = {stage.phase: stage for stage in subject.phases}
        evidence = [Evidence(about=subject.id, fact="phases", value=len(phases))]
        first: int | None = None
        unrecorded: list[Phase] = []  # phases before the first with the council, listing no one
        for index, phase in enumerate(phases):
            stage = by_phase.get(phase)
            if stage is None or not stage.participants:
                unrecorded.append(phase)
                continue
            present = [a for a in stage.participants if a in council]
            if present:
                evidence.append(
                    Evidence(
                        about=subject.id, fact=f"phases.{phase.value}", value=", ".join(present)
                    )
                )
                first = index
                break
        evidence.append(
            Evidence(
                about=subject.id,
                fact="phases.unrecorded",
                value=", ".join(p.value for p in unrecorded) or None,
            )
        )
        councils = sorted(set(council.values()))
        record = advice(
            "Leg per fase vast wie meedoet (participants), met de raad ("
            + listing(councils, lang="nl")
            + "), een fractie of een raadslid in de fasen waarin de raad meedoet.",
            "Record who takes part in each phase (participants), with the council ("
            + listing(councils)
            + "), a faction or a councillor in the phases the council takes part in.",
        )
        if unrecorded:
            names_nl = listing((p.label_nl.lower() for p in unrecorded), lang="nl")
            names_en = listing(p.label_en.lower() for p in unrecorded)
            if first is None:
                nl = (
                    "De raad staat in geen fase vermeld, en wie meedoet aan "
                    f"{names_nl} is niet vastgelegd: niet te zien wanneer de raad instapt."
                )
                en = (
                    "The council is listed in no phase, and who takes part in "
                    f"{names_en} is not recorded, so it cannot be seen when the council comes in."
                )
            else:
                nl = (
                    f"De raad doet mee in fase {first + 1} van {len(phases)} "
                    f"({phases[first].label_nl.lower()}), maar wie meedoet aan {names_nl}, "
                    "daarvoor, is niet vastgelegd: niet te zien of de raad eerder instapt."
                )
                en = (
                    f"The council takes part in phase {first + 1} of {len(phases)} "
                    f"({phases[first].label_en.lower()}), but who takes part in {names_en}, "
                    "before it, is not recorded, so it cannot be seen whether the council "
                    "comes in earlier."
                )
            nl += (
                " Leg vast wie aan die fasen meedoet (participants), met de raad erbij waar "
                "die meedoet."
            )
            en += (
                " Record who takes part in those phases (participants), with the council "
                "where it takes part."
            )
            nl_extra, en_extra = self._backing(subject)
            return self.not_applicable(
                subject,
                nl=nl + nl_extra,
                en=en + en_extra,
                evidence=evidence,
                recommendations=[record],
            )
        if first is None:
            nl_extra, en_extra = self._backing(subject)
            return self.result(
                subject,
                0.0,
                nl=(
                    f"De raad doet in geen van de {len(phases)} fasen mee: hij staat niet bij de "
                    f"deelnemers die voor elke fase zijn vastgelegd.{nl_extra}"
                ),
                en=(
                    f"The council takes part in none of the {len(phases)} phases: it is not "
                    f"among the participants recorded for each of them.{en_extra}"
                ),
                evidence=evidence,
                recommendations=[
                    advice(
                        f"Betrek de raad al in de eerste fase ({phases[0].label_nl.lower()}).",
                        "Bring the council in from the first phase "
                        f"({phases[0].label_en.lower()}).",
                    )
                ],
            )
        value = 1.0 if len(phases) == 1 else 1 - first / (len(phases) - 1)
        phase = phases[first]
        if first == 0:
            nl = f"De raad doet mee vanaf de eerste fase ({phase.label_nl.lower()})."
            en = f"The council takes part from the first phase ({phase.label_en.lower()})."
            recommendations = []
        else:
            nl = (
                f"De raad stapt pas in bij fase {first + 1} van {len(phases)} "
                f"({phase.label_nl.lower()})."
            )
            en = (
                f"The council comes in only at phase {first + 1} of {len(phases)} "
                f"({phase.label_en.lower()})."
            )
            recommendations = [
                advice(
                    f"Betrek de raad al in de fase {phases[0].label_nl.lower()}.",
                    f"Bring the council in at the {phases[0].label_en.lower()} phase.",
                )
            ]
        return self.result(
            subject, value, nl=nl, en=en, evidence=evidence, recommendations=recommendations
        )

    @staticmethod
    def _backing(subject: Initiative) -> tuple[str, str]:
        backing = subject.commitment(CommitmentKind.POLITIEK)
        if backing is None:
            return "", ""
        return (
            f" Wel is politieke steun vastgelegd ({backing.level.label_nl.lower()}).",
            f" Political backing is recorded ({backing.level.label_en.lower()}), though.",
        )

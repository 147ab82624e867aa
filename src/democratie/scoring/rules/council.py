"""Council at the front: how early in its cycle an initiative brings in the council.

Examples
--------
>>> import democratie
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
... phases = [{ phase = "voorbereiding" },
...           { phase = "uitvoering", participants = ["leusden-raad"] }]
... ''')
>>> run(land, [CouncilAtTheFront()])["challenge"]["council_at_the_front"].value
0.5

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
from democratie.scoring.rules._common import advice, terms
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
    single phase, 1 with the council and 0 without. Not applicable when no
    phases are recorded.

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
                nl="Er zijn geen fasen vastgelegd, dus niet te zien wanneer de raad instapt.",
                en="No phases are recorded, so it cannot be seen when the council comes in.",
            )
        phases: tuple[Phase, ...] = (
            subject.cycle.phases
            if subject.cycle is not None
            else tuple(s.phase for s in subject.phases)
        )
        council = council_actors(context.landscape, subject.municipalities, self.council_roles)
        by_phase = {stage.phase: stage for stage in subject.phases}
        evidence = [Evidence(about=subject.id, fact="phases", value=len(phases))]
        first: int | None = None
        for index, phase in enumerate(phases):
            stage = by_phase.get(phase)
            if stage is None:
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
        if first is None:
            backing = subject.commitment(CommitmentKind.POLITIEK)
            nl_extra = en_extra = ""
            if backing is not None:
                nl_extra = f" Wel is politieke steun vastgelegd ({backing.level.label_nl.lower()})."
                en_extra = (
                    f" Political backing is recorded ({backing.level.label_en.lower()}), though."
                )
            return self.result(
                subject,
                0.0,
                nl=f"De raad doet in geen van de {len(phases)} fasen mee.{nl_extra}",
                en=f"The council takes part in none of the {len(phases)} phases.{en_extra}",
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

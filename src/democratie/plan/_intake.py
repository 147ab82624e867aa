"""The intake gate: which municipalities may enter a trajectory, and why not."""

from __future__ import annotations

from collections.abc import Iterable

from attrs import frozen

from democratie.model import Initiative, Landscape
from democratie.model.initiative import Intake
from democratie.plan._common import Reason, find_initiative
from democratie.vocab import CommitmentKind, QuestionTheme

__all__ = ["Admission", "assess_intakes", "unmet_commitments"]


@frozen(kw_only=True)
class Admission:
    """Whether one municipality may enter a trajectory after its intake, and why not.

    Parameters
    ----------
    municipality
        The municipality's id.
    name
        Its name, for people.
    admitted
        True when it passed every condition of the gate.
    reasons
        Every condition it did not meet; empty when admitted.
    intake
        Its intake, or None when none is recorded.

    Examples
    --------
    >>> import democratie
    >>> from democratie.plan import assess_intakes
    >>> land = democratie.load("examples/democratie-in-actie-noord-nederland.toml")
    >>> gate = assess_intakes(land, "dia-ontwikkeltraject-organisatieontwikkeling")
    >>> gate["assen"].admitted
    True
    >>> [reason.text("nl") for reason in gate["midden-groningen"].reasons]
    ['commitment ontbreekt: Politiek (raad)']
    """

    municipality: str
    name: str
    admitted: bool
    reasons: tuple[Reason, ...] = ()
    intake: Intake | None = None

    @property
    def themes(self) -> tuple[QuestionTheme, ...]:
        """The themes of the municipality's question (none without an intake)."""
        return self.intake.themes if self.intake is not None else ()


def assess_intakes(landscape: Landscape, initiative: str | Initiative) -> dict[str, Admission]:
    """Judge every municipality that signed up for a trajectory against its intake gate.

    Democratie in Actie admits a municipality after a local intake ("Na een lokale intake
    worden de vraagstukken verzameld"), and asks of it "commitment binnen de gemeente
    (college, raad en ambtenaren)" and "een concreet vraagstuk". A municipality may enter
    when all of these hold:

    - its intake was held (``held = true``; not held, or not recorded, keeps it out, and
      is then the only reason given: what follows comes out of the intake);
    - it gave every commitment in the initiative's ``required_commitments``
      (:func:`unmet_commitments`, the one definition the ``intake_gate`` rule shares);
    - its question is recorded in its own words;
    - the question has at least one theme.

    Parameters
    ----------
    landscape
        The landscape that holds the initiative.
    initiative
        The initiative (or its id) whose ``intakes`` are judged.

    Returns
    -------
    dict
        For each municipality with an intake (in the order of the intakes), then each
        municipality the initiative lists without one, its :class:`Admission`.

    Raises
    ------
    PlanError
        When the landscape has no initiative with that id.

    Examples
    --------
    >>> import democratie
    >>> land = democratie.load("examples/democratie-in-actie-noord-nederland.toml")
    >>> gate = assess_intakes(land, "dia-ontwikkeltraject-organisatieontwikkeling")
    >>> sum(a.admitted for a in gate.values()), len(gate)
    (11, 14)
    """
    found = find_initiative(landscape, initiative)
    required = found.required_commitments
    result: dict[str, Admission] = {}
    for intake in found.intakes:
        reasons = list(_reasons(intake, required))
        result[intake.municipality] = Admission(
            municipality=intake.municipality,
            name=landscape.name_of(intake.municipality),
            admitted=not reasons,
            reasons=tuple(reasons),
            intake=intake,
        )
    for municipality in found.municipalities:
        if municipality not in result:
            result[municipality] = Admission(
                municipality=municipality,
                name=landscape.name_of(municipality),
                admitted=False,
                reasons=(
                    Reason(
                        code="no-intake",
                        en="no intake recorded",
                        nl="geen intake vastgelegd",
                    ),
                ),
            )
    return result


def unmet_commitments(
    intake: Intake | None, required: Iterable[CommitmentKind]
) -> tuple[CommitmentKind, ...]:
    """The required commitments a municipality has not met at its intake, in their order.

    The one definition of meeting a commitment, which the intake gate
    (:func:`assess_intakes`) and the ``intake_gate`` scoring rule share: a municipality
    meets a required commitment when its intake was held (``held = true``) and lists it
    among the commitments it gave. Without an intake, or while it has not been held (or
    it is not recorded whether it was), no commitment is met: a commitment not recorded
    is not given.

    Parameters
    ----------
    intake
        The municipality's intake, or None when none is recorded.
    required
        The commitments asked for (an initiative's ``required_commitments``).

    Examples
    --------
    >>> import democratie
    >>> land = democratie.load("examples/democratie-in-actie-noord-nederland.toml")
    >>> traject = land.get("dia-ontwikkeltraject-organisatieontwikkeling")
    >>> intakes = {intake.municipality: intake for intake in traject.intakes}
    >>> [kind.value for kind in unmet_commitments(intakes["midden-groningen"],
    ...                                           traject.required_commitments)]
    ['politiek']
    >>> unmet_commitments(intakes["assen"], traject.required_commitments)
    ()
    >>> len(unmet_commitments(None, traject.required_commitments))
    3
    """
    if intake is None or intake.held is not True:
        return tuple(required)
    given = set(intake.commitments)
    return tuple(kind for kind in required if kind not in given)


def _reasons(intake: Intake, required: tuple[CommitmentKind, ...]) -> list[Reason]:
    # The commitments and the question come out of the intake: while it has not been
    # held, their absence is no reason of its own.
    if intake.held is None:
        return [
            Reason(
                code="intake-not-held",
                en="whether the intake was held is not recorded",
                nl="niet vastgelegd of de intake is gehouden",
            )
        ]
    if not intake.held:
        return [
            Reason(
                code="intake-not-held",
                en="the intake has not been held",
                nl="de intake is niet gehouden",
            )
        ]
    reasons = [
        Reason(
            code="missing-commitment",
            en=f"commitment missing: {kind.label_en}",
            nl=f"commitment ontbreekt: {kind.label_nl}",
        )
        for kind in unmet_commitments(intake, required)
    ]
    if not intake.question:
        reasons.append(
            Reason(
                code="no-question",
                en="no question recorded in the municipality's own words",
                nl="geen concreet vraagstuk vastgelegd",
            )
        )
    if not intake.themes:
        reasons.append(
            Reason(
                code="no-theme", en="the question has no theme", nl="het vraagstuk heeft geen thema"
            )
        )
    return reasons

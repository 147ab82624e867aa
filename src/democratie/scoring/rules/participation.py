"""Participation rules: the ladder rung, the promise kept, the government's role on the ROB stair.

Examples
--------
>>> import democratie
>>> from democratie.scoring import run
>>> from democratie.scoring.rules import GovernmentRoleFit, ParticipationInfluence, PromiseKept
>>> land = democratie.loads('''
... format = "democratie/1"
... [[initiatives]]
... id = "burgerbegroting"
... kind = "burgerbegroting"
... title = "Burgerbegroting"
... initiator = "gemeente"
... level = "meebeslissen"
... realised_level = "adviseren"
... feedback_given = false
... ''')
>>> rules = [ParticipationInfluence(), PromiseKept(), GovernmentRoleFit()]
>>> card = run(land, rules)["burgerbegroting"]
>>> card["participation_level"].value, card["promise_kept"].value
(0.9, 0.35)
>>> card["government_role_fit"].applicable
False

A society-led initiative is judged on the ROB stair, by the fit of :data:`DEFAULT_ROLE_FIT`:

>>> from democratie.vocab import GovernmentRole
>>> [(role.slug, fit) for role, fit in DEFAULT_ROLE_FIT.items()]
[('loslaten', 1.0), ('faciliteren', 0.75), ('stimuleren', 0.5), ('regisseren', 0.25), ('reguleren',
0.0)]
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, ClassVar

from attrs import field, frozen

from democratie.model import Initiative
from democratie.scoring.context import ScoringContext
from democratie.scoring.rule import BaseRule
from democratie.scoring.rules._common import DEFAULT_INFLUENCE, advice
from democratie.scoring.score import Bilingual, Evidence, Score, Subject, SubjectKind
from democratie.vocab import GovernmentRole, Initiator, ParticipationLevel

__all__ = [
    "DEFAULT_INFLUENCE",
    "DEFAULT_ROLE_FIT",
    "GovernmentRoleFit",
    "ParticipationInfluence",
    "PromiseKept",
]

DEFAULT_ROLE_FIT: Mapping[GovernmentRole, float] = MappingProxyType(
    {
        GovernmentRole.LOSLATEN: 1.0,
        GovernmentRole.FACILITEREN: 0.75,
        GovernmentRole.STIMULEREN: 0.5,
        GovernmentRole.REGISSEREN: 0.25,
        GovernmentRole.REGULEREN: 0.0,
    }
)
"""Fit of each step of the ROB stair for a society-led initiative: the lower, the better.

Our reading, replaceable: evenly spaced by step, after the ROB's advice to climb the stair as
little as possible.
"""


def _check_unit_values(instance: object, attribute: object, value: Mapping[Any, float]) -> None:
    for key, number in value.items():
        if not 0.0 <= number <= 1.0:
            message = (
                f"{getattr(attribute, 'name', 'values')}[{key}] = {number} lies outside [0, 1]"
            )
            raise ValueError(message)


def _influence(value: Mapping[ParticipationLevel, float]) -> Mapping[ParticipationLevel, float]:
    return MappingProxyType(dict(value))


def _role_fit(value: Mapping[GovernmentRole, float]) -> Mapping[GovernmentRole, float]:
    return MappingProxyType(dict(value))


@frozen(kw_only=True)
class ParticipationInfluence(BaseRule):
    """Participation level: the influence the initiative's rung of the participation ladder gives.

    For an initiative the municipality started (inwonersparticipatie), the rung
    of the Dutch participatieladder it promises, translated into influence on
    [0, 1] by a crosswalk. A society-led initiative is judged on the ROB stair
    instead (:class:`GovernmentRoleFit`).

    Parameters
    ----------
    name
        The rule's name.
    influence
        The influence of each rung (:data:`DEFAULT_INFLUENCE`, our reading of
        the crosswalk to IAP2 and Arnstein).

    Notes
    -----
    score = influence(level). Not applicable when no level is recorded, or the
    initiative was started by society.

    References
    ----------
    Edelenbos & Monnikhof (1998), participatieladder; IAP2 Spectrum of Public
    Participation; Arnstein (1969).

    Examples
    --------
    >>> import democratie
    >>> from democratie.scoring import run
    >>> land = democratie.loads('''
    ... format = "democratie/1"
    ... [[initiatives]]
    ... id = "burgerberaad"
    ... kind = "burgerberaad"
    ... title = "Burgerberaad klimaat"
    ... initiator = "gemeente"
    ... level = "adviseren"
    ... ''')
    >>> print(run(land, [ParticipationInfluence()])["burgerberaad"]["participation_level"])
    participation_level [burgerberaad]: 0.60 - The rung 'advise' (rung 3 of 6) gives influence 0.60.
    """

    name: str = "participation_level"
    title: ClassVar[Bilingual] = Bilingual(
        nl="Invloed op de participatieladder", en="Participation level"
    )
    applies_to: ClassVar[SubjectKind] = "initiative"
    source: ClassVar[str] = "Participatieladder (Edelenbos & Monnikhof 1998); IAP2; Arnstein 1969"
    formula: ClassVar[str] = (
        "influence(level): informeren .2, raadplegen .4, adviseren .6, coproduceren .75, "
        "meebeslissen .9, zelfbeheer 1"
    )
    influence: Mapping[ParticipationLevel, float] = field(
        default=DEFAULT_INFLUENCE,
        converter=_influence,
        validator=_check_unit_values,
        hash=False,
    )

    def evaluate(self, subject: Subject, context: ScoringContext) -> Score:
        """Score one initiative."""
        assert isinstance(subject, Initiative)
        if subject.initiator is Initiator.SAMENLEVING:
            return self.not_applicable(
                subject,
                nl=(
                    "Dit initiatief komt uit de samenleving; daar geldt de "
                    "overheidsparticipatietrap."
                ),
                en="Society started this initiative; the ROB stair applies instead of the ladder.",
            )
        level = subject.level
        if level is None:
            return self.not_applicable(
                subject,
                nl="Er is geen trede van de participatieladder vastgelegd.",
                en="No rung of the participation ladder is recorded.",
            )
        value = self.influence[level]
        return self.result(
            subject,
            value,
            nl=(
                f"Trede '{level.label_nl.lower()}' (trede {level.rank} van 6) geeft invloed "
                f"{value:.2f}."
            ),
            en=(
                f"The rung '{level.label_en.lower()}' (rung {level.rank} of 6) gives influence "
                f"{value:.2f}."
            ),
            evidence=[Evidence(about=subject.id, fact="level", value=level.value)],
        )


@frozen(kw_only=True)
class PromiseKept(BaseRule):
    """Promise kept: whether participants got the influence they were promised, and were told.

    IAP2 puts the promise to the public at the heart of each level: what was
    promised must be delivered, and participants must hear what was done with
    their input. The shortfall is the influence promised but not realised.

    Parameters
    ----------
    name
        The rule's name.
    influence
        The influence of each rung (:data:`DEFAULT_INFLUENCE`).
    no_feedback_factor
        Factor applied when no feedback was given (0.5: "halved without feedback").

    Notes
    -----
    score = (1 - max(0, influence(promised) - influence(realised))), times
    *no_feedback_factor* when ``feedback_given`` is false. Not applicable unless
    both the promised and the realised level are recorded.

    References
    ----------
    IAP2 Spectrum of Public Participation ("promise to the public").

    Examples
    --------
    >>> import democratie
    >>> from democratie.scoring import run
    >>> land = democratie.loads('''
    ... format = "democratie/1"
    ... [[initiatives]]
    ... id = "wijkbudget"
    ... kind = "wijkbudget"
    ... title = "Wijkbudget"
    ... initiator = "gemeente"
    ... level = "meebeslissen"
    ... realised_level = "meebeslissen"
    ... feedback_given = true
    ... ''')
    >>> print(run(land, [PromiseKept()])["wijkbudget"]["promise_kept"])
    promise_kept [wijkbudget]: 1.00 - The promised rung 'co-decide' was delivered.
    """

    name: str = "promise_kept"
    title: ClassVar[Bilingual] = Bilingual(nl="Belofte waargemaakt", en="Promise kept")
    applies_to: ClassVar[SubjectKind] = "initiative"
    source: ClassVar[str] = "IAP2 Spectrum of Public Participation (promise to the public)"
    formula: ClassVar[str] = (
        "1 - max(0, influence(promised) - influence(realised)), halved without feedback"
    )
    influence: Mapping[ParticipationLevel, float] = field(
        default=DEFAULT_INFLUENCE,
        converter=_influence,
        validator=_check_unit_values,
        hash=False,
    )
    no_feedback_factor: float = 0.5

    def evaluate(self, subject: Subject, context: ScoringContext) -> Score:
        """Score one initiative."""
        assert isinstance(subject, Initiative)
        promised, realised = subject.level, subject.realised_level
        if promised is None or realised is None:
            return self.not_applicable(
                subject,
                nl="De beloofde en de gerealiseerde trede zijn niet allebei vastgelegd.",
                en="The promised and the realised rung are not both recorded.",
            )
        shortfall = max(0.0, self.influence[promised] - self.influence[realised])
        value = 1 - shortfall
        evidence = [
            Evidence(about=subject.id, fact="level", value=promised.value),
            Evidence(about=subject.id, fact="realised_level", value=realised.value),
            Evidence(about=subject.id, fact="feedback_given", value=subject.feedback_given),
        ]
        if shortfall > 0:
            nl = (
                f"Beloofd was '{promised.label_nl.lower()}', waargemaakt "
                f"'{realised.label_nl.lower()}': "
                f"een tekort aan invloed van {shortfall:.2f}."
            )
            en = (
                f"'{promised.label_en.lower()}' was promised, '{realised.label_en.lower()}' "
                "delivered: "
                f"a shortfall in influence of {shortfall:.2f}."
            )
        else:
            nl = f"De beloofde trede '{promised.label_nl.lower()}' is waargemaakt."
            en = f"The promised rung '{promised.label_en.lower()}' was delivered."
        recommendations = []
        if subject.feedback_given is False:
            value *= self.no_feedback_factor
            nl += " Deelnemers hoorden niet wat er met hun inbreng is gedaan."
            en += " Participants were not told what was done with their input."
            recommendations.append(
                advice(
                    "Laat deelnemers weten wat er met hun inbreng is gedaan.",
                    "Tell participants what was done with their input.",
                )
            )
        elif subject.feedback_given is None:
            nl += " Of er teruggekoppeld is, is niet vastgelegd."
            en += " Whether feedback was given is not recorded."
        if shortfall > 0:
            recommendations.append(
                advice(
                    "Beloof niet meer invloed dan waargemaakt kan worden, of maak de belofte waar.",
                    "Promise no more influence than can be delivered, or deliver it.",
                )
            )
        return self.result(
            subject, value, nl=nl, en=en, evidence=evidence, recommendations=recommendations
        )


@frozen(kw_only=True)
class GovernmentRoleFit(BaseRule):
    """Government role fit: in a society-led initiative, the lower on the ROB stair, the better.

    The ROB's "Loslaten in vertrouwen" describes the roles a government can
    take in an initiative of society: reguleren, regisseren, stimuleren,
    faciliteren, loslaten. No single role is ideal in every case, but the ROB
    advises climbing the stair as little as possible.

    Parameters
    ----------
    name
        The rule's name.
    fit
        The fit of each step (:data:`DEFAULT_ROLE_FIT`: loslaten 1 down to
        reguleren 0).

    Notes
    -----
    score = fit(government_role). Applies to initiatives started by society,
    and to those whose initiator is not recorded but whose government role is
    (a role on the stair implies a society initiative). Not applicable to
    initiatives the municipality started, or without a government role.

    References
    ----------
    Raad voor het Openbaar Bestuur (2012), "Loslaten in vertrouwen".

    Examples
    --------
    >>> import democratie
    >>> from democratie.scoring import run
    >>> land = democratie.loads('''
    ... format = "democratie/1"
    ... [[initiatives]]
    ... id = "buurttuin"
    ... kind = "experiment"
    ... title = "Buurttuin"
    ... initiator = "samenleving"
    ... government_role = "faciliteren"
    ... ''')
    >>> print(run(land, [GovernmentRoleFit()])["buurttuin"]["government_role_fit"])
    government_role_fit [buurttuin]: 0.75 - The municipality takes the role 'facilitate' (step 2 of
    5). No role is ideal in every case, but the ROB advises staying as low on the stair as possible.
    """

    name: str = "government_role_fit"
    title: ClassVar[Bilingual] = Bilingual(nl="Passende overheidsrol", en="Government role fit")
    applies_to: ClassVar[SubjectKind] = "initiative"
    source: ClassVar[str] = 'ROB 2012, "Loslaten in vertrouwen" (overheidsparticipatietrap)'
    formula: ClassVar[str] = (
        "fit(role): loslaten 1, faciliteren .75, stimuleren .5, regisseren .25, reguleren 0"
    )
    fit: Mapping[GovernmentRole, float] = field(
        default=DEFAULT_ROLE_FIT,
        converter=_role_fit,
        validator=_check_unit_values,
        hash=False,
    )

    def evaluate(self, subject: Subject, context: ScoringContext) -> Score:
        """Score one initiative."""
        assert isinstance(subject, Initiative)
        if subject.initiator is Initiator.GEMEENTE:
            return self.not_applicable(
                subject,
                nl=(
                    "De gemeente startte dit initiatief; de overheidsparticipatietrap geldt voor "
                    "initiatieven uit de samenleving."
                ),
                en=(
                    "The municipality started this initiative; the ROB stair is for initiatives "
                    "of society."
                ),
            )
        role = subject.government_role
        if role is None:
            return self.not_applicable(
                subject,
                nl="Er is geen rol van de overheid vastgelegd.",
                en="No role of the government is recorded.",
            )
        value = self.fit[role]
        nl = (
            f"De gemeente neemt de rol '{role.label_nl.lower()}' (trede {role.step} van 5). "
            "Er is geen ideale rol, maar de ROB raadt aan zo laag mogelijk op de trap te blijven."
        )
        en = (
            f"The municipality takes the role '{role.label_en.lower()}' (step {role.step} of 5). "
            "No role is ideal in every case, but the ROB advises staying as low on the stair "
            "as possible."
        )
        if subject.initiator is None:
            nl += " Wie het initiatief nam is niet vastgelegd."
            en += " Who started the initiative is not recorded."
        recommendations = []
        lower = [r for r in GovernmentRole if r.step < role.step]
        if lower:
            step_down = max(lower, key=lambda r: r.step)
            recommendations.append(
                advice(
                    f"Ga na of '{step_down.label_nl.lower()}' volstaat.",
                    f"Check whether '{step_down.label_en.lower()}' would do.",
                )
            )
        return self.result(
            subject,
            value,
            nl=nl,
            en=en,
            evidence=[
                Evidence(about=subject.id, fact="government_role", value=role.value),
                Evidence(
                    about=subject.id,
                    fact="initiator",
                    value=None if subject.initiator is None else subject.initiator.value,
                ),
            ],
            recommendations=recommendations,
        )

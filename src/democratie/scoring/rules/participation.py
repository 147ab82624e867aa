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
from functools import partial
from types import MappingProxyType
from typing import Any, ClassVar

from attrs import field, frozen

from democratie.model import (
    College,
    Council,
    Faction,
    Initiative,
    Landscape,
    Municipality,
    Role,
)
from democratie.scoring.context import ScoringContext
from democratie.scoring.rule import BaseRule
from democratie.scoring.rules._common import DEFAULT_INFLUENCE, advice, dutch, listing
from democratie.scoring.rules.network import internal_actors
from democratie.scoring.score import Bilingual, Evidence, Score, Subject, SubjectKind
from democratie.vocab import GovernmentRole, Initiator, ParticipationLevel, Raci, RoleKind

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
"""Fit of each step of the ROB stair when society carries the work alone: the lower, the better.

Our reading, replaceable: evenly spaced by step, after the ROB's advice to climb the stair as
little as possible. :class:`GovernmentRoleFit` gives a step above the one the work calls for
the fit of as many steps above loslaten.
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
                out_of_scope=True,
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
                nl="Er is geen trede van de participatieladder vastgelegd (level).",
                en="No rung of the participation ladder is recorded (level).",
            )
        value = self.influence[level]
        return self.result(
            subject,
            value,
            nl=(
                f"Trede '{level.label_nl.lower()}' (trede {level.rank} van 6) geeft invloed "
                f"{dutch(value)}."
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
                nl=(
                    "De beloofde en de gerealiseerde trede zijn niet allebei vastgelegd (level, "
                    "realised_level)."
                ),
                en=(
                    "The promised and the realised rung are not both recorded (level, "
                    "realised_level)."
                ),
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
                f"een tekort aan invloed van {dutch(shortfall)}."
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
    """Government role fit: the municipality's step on the ROB stair against who carries the work.

    The ROB's "Loslaten in vertrouwen" describes the roles a government can
    take in an initiative of society: reguleren, regisseren, stimuleren,
    faciliteren, loslaten. Its own guidance has two parts: there is no single
    ideal role ("voor de overheid bestaat niet één ideale of beste rol"; per
    situation politics and administration choose the role and say so), and
    society's vitality gets more room "als de overheid de
    overheidsparticipatietrap zo min mogelijk beklimt". So the role is judged
    against who started the initiative and who carries the work: when society
    carries it alone, every step above loslaten is a climb; when the
    municipality carries part of the work itself, with organisations,
    businesses or residents, connecting the parties is its part, and
    regisseren (Delft's "regisseur" in all eight wijken) is no climb.

    Parameters
    ----------
    name
        The rule's name.
    fit
        The fit of each step when society carries the work alone
        (:data:`DEFAULT_ROLE_FIT`: loslaten 1 down to reguleren 0); a step
        above the one the work calls for gets the fit of as many steps above
        loslaten.

    Notes
    -----
    The work is carried by the initiative's leaders (``led_by``), those
    responsible or accountable for its tasks, and its participants listed as
    partner, kartrekker, initiatiefnemer, projectleider, wijkregisseur or
    gebiedsregisseur; the municipality carries part of it when one of them is
    a municipality, council, college or faction, or is inside the organisation
    of one of the initiative's municipalities (a person with a role there).
    The step called for is loslaten when society carries the work alone,
    regisseren when the municipality carries part of it; score = fit(the step
    k above loslaten), k = max(0, step(role) - step(called for)).
    When nobody is recorded as carrying the work, the role is judged on the
    stair alone (as for society), and the explanation says what to record.
    Applies to initiatives started by society (``initiator = "samenleving"``)
    with a ``government_role``; not applicable to those the municipality
    started (the participation ladder applies), to those whose initiator is
    not recorded, or without a government role.

    Changed: an initiative whose initiator is not recorded is no longer judged
    (it was, as if society had started it), and the role is judged against
    who carries the work. Delft's text reports the municipality as
    "regisseur" among organisations and businesses in all eight wijken as an
    achievement, while it says nothing of who started the approach; the rule
    gave 0.25, marking down what the text counts as a result.

    References
    ----------
    Raad voor het Openbaar Bestuur (2012), "Loslaten in vertrouwen. Naar een
    nieuwe verhouding tussen overheid, markt én samenleving", Den Haag
    (samenvatting: "Voor de overheid bestaat niet één ideale of beste rol. Per
    situatie en per onderwerp zullen politiek en bestuur moeten bepalen én
    expliciteren welke rol zij voor de overheid zien weggelegd"; "Ruimte geven
    aan de vitaliteit van de samenleving krijgt meer kans als de overheid de
    overheidsparticipatietrap zo min mogelijk beklimt").

    Examples
    --------
    >>> import democratie
    >>> from democratie.scoring import run
    >>> land = democratie.loads('''
    ... format = "democratie/1"
    ... [[organisations]]
    ... id = "buurtvereniging"
    ... name = "Buurtvereniging"
    ... kind = "vereniging"
    ... [[initiatives]]
    ... id = "buurttuin"
    ... kind = "experiment"
    ... title = "Buurttuin"
    ... initiator = "samenleving"
    ... government_role = "faciliteren"
    ... led_by = ["buurtvereniging"]
    ... ''')
    >>> print(run(land, [GovernmentRoleFit()])["buurttuin"]["government_role_fit"])
    government_role_fit [buurttuin]: 0.75 - Society started it and carries the work; the
    municipality takes the role 'facilitate' (step 2 of 5). No role is ideal in every case, but the
    ROB advises climbing the stair as little as possible.
    """

    name: str = "government_role_fit"
    title: ClassVar[Bilingual] = Bilingual(nl="Passende overheidsrol", en="Government role fit")
    applies_to: ClassVar[SubjectKind] = "initiative"
    source: ClassVar[str] = 'ROB 2012, "Loslaten in vertrouwen" (overheidsparticipatietrap)'
    formula: ClassVar[str] = (
        "fit(steps above the step the work calls for): loslaten 1, faciliteren .75, "
        "stimuleren .5, regisseren .25, reguleren 0; regisseren is called for when the "
        "municipality carries part of the work"
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
        role = subject.government_role
        if subject.initiator is Initiator.GEMEENTE:
            return self.not_applicable(
                subject,
                out_of_scope=True,
                nl=(
                    "De gemeente startte dit initiatief; de overheidsparticipatietrap geldt voor "
                    "initiatieven uit de samenleving."
                ),
                en=(
                    "The municipality started this initiative; the ROB stair is for initiatives "
                    "of society."
                ),
            )
        if subject.initiator is None:
            land = context.landscape
            if role is not None:
                nl = f"De rol '{role.label_nl.lower()}' van de gemeente is vastgelegd, maar wie"
                en = f"The municipality's role '{role.label_en.lower()}' is recorded, but who"
            else:
                nl, en = "Wie", "Who"
            nl += (
                " het initiatief nam is niet vastgelegd; de overheidsparticipatietrap geldt alleen "
                "voor initiatieven uit de samenleving. Leg initiator vast (gemeente of samenleving)"
            )
            en += (
                " started the initiative is not recorded, and the ROB stair applies only to "
                "initiatives of society. Record initiator (gemeente or samenleving)"
            )
            if subject.initiated_by:
                names_nl = listing((land.name_of(a) for a in subject.initiated_by), lang="nl")
                names_en = listing(land.name_of(a) for a in subject.initiated_by)
                nl += f": initiated_by noemt {names_nl}, niet of dat gemeente of samenleving is."
                en += (
                    f": initiated_by names {names_en}, not whether that is municipality or society."
                )
            else:
                nl += ", en wie het startte onder initiated_by."
                en += ", and who started it under initiated_by."
            return self.not_applicable(
                subject,
                nl=nl,
                en=en,
                evidence=[
                    Evidence(
                        about=subject.id,
                        fact="government_role",
                        value=None if role is None else role.value,
                    ),
                    Evidence(about=subject.id, fact="initiator", value=None),
                ],
            )
        if role is None:
            return self.not_applicable(
                subject,
                nl=(
                    "Er is geen rol van de overheid vastgelegd; leg government_role vast (een "
                    "trede van de overheidsparticipatietrap)."
                ),
                en=(
                    "No role of the government is recorded; record government_role (a step of "
                    "the ROB stair)."
                ),
            )
        land = context.landscape
        carriers = _carriers(subject, land)
        inside: set[str] = set()
        for municipality in subject.municipalities:
            inside |= context.cached(
                ("internal-actors", municipality),
                partial(internal_actors, land, municipality),
            )
        municipal = [
            c
            for c in carriers
            if c in inside or isinstance(land.get(c), (Municipality, Council, College, Faction))
        ]
        called_for = GovernmentRole.REGISSEREN if municipal else GovernmentRole.LOSLATEN
        above = max(0, role.step - called_for.step)
        value = self.fit[_BY_STEP[1 + above]]
        step_nl = f"'{role.label_nl.lower()}' (trede {role.step} van 5)"
        step_en = f"'{role.label_en.lower()}' (step {role.step} of 5)"
        if municipal:
            who_nl = listing((land.name_of(c) for c in municipal), lang="nl")
            who_en = listing(land.name_of(c) for c in municipal)
            nl = (
                "De samenleving startte het; de gemeente draagt zelf een deel van het werk "
                f"({who_nl}) en neemt de rol {step_nl}. Partijen verbinden is dan haar deel: "
                "regisseren is geen stap te hoog. Er is geen ideale rol; de ROB vraagt de rol "
                "per situatie te kiezen en te benoemen."
            )
            en = (
                "Society started it; the municipality carries part of the work itself "
                f"({who_en}) and takes the role {step_en}. Connecting the parties is then its "
                "part: orchestrating is no step too high. No role is ideal in every case; the "
                "ROB asks for the role to be chosen and stated per situation."
            )
        else:
            if carriers:
                nl = "De samenleving startte het en draagt het werk; "
                en = "Society started it and carries the work; "
            else:
                nl = "De samenleving startte het; "
                en = "Society started it; "
            nl += (
                f"de gemeente neemt de rol {step_nl}. Er is geen ideale rol, maar de ROB raadt "
                "aan de trap zo min mogelijk te beklimmen."
            )
            en += (
                f"the municipality takes the role {step_en}. No role is ideal in every case, "
                "but the ROB advises climbing the stair as little as possible."
            )
            if not carriers:
                nl += (
                    " Wie het werk draagt is niet vastgelegd (led_by, taken, of deelnemers als "
                    "partner of kartrekker), dus de rol is alleen op de trap beoordeeld."
                )
                en += (
                    " Who carries the work is not recorded (led_by, tasks, or participants as "
                    "partner or kartrekker), so the role is judged on the stair alone."
                )
        recommendations = []
        if above > 0:
            step_down = _BY_STEP[role.step - 1]
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
                Evidence(about=subject.id, fact="initiator", value=subject.initiator.value),
                Evidence(about=subject.id, fact="carried_by", value=", ".join(carriers) or None),
                Evidence(about=subject.id, fact="called_for", value=called_for.value),
            ],
            recommendations=recommendations,
        )


_BY_STEP: Mapping[int, GovernmentRole] = MappingProxyType({r.step: r for r in GovernmentRole})

_CARRYING_ROLES = frozenset(
    {
        RoleKind.PARTNER,
        RoleKind.KARTREKKER,
        RoleKind.INITIATIEFNEMER,
        RoleKind.PROJECTLEIDER,
        RoleKind.WIJKREGISSEUR,
        RoleKind.GEBIEDSREGISSEUR,
    }
)
"""Participant roles in which an actor carries an initiative's work, not only takes part."""


def _carriers(initiative: Initiative, landscape: Landscape) -> list[str]:
    """Who carries the work: leaders, those responsible or accountable, carrying participants."""
    found: dict[str, None] = dict.fromkeys(initiative.led_by)
    for task in initiative.tasks:
        for assignment in task.assignments:
            if assignment.raci in (Raci.UITVOEREND, Raci.EINDVERANTWOORDELIJK):
                entity = landscape.get(assignment.actor)
                found[entity.holder if isinstance(entity, Role) else assignment.actor] = None
    for participant in initiative.participants:
        if participant.role in _CARRYING_ROLES:
            found[participant.actor] = None
    return list(found)

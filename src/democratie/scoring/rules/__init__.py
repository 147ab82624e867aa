"""The twenty-five built-in scoring rules, each with its source, and their defaults.

Every rule is a frozen attrs class whose interpretive numbers (crosswalks,
thresholds, recommended minimum levels) are parameters with defaults:
``CrossSectorCoverage(connection_weight=0.5)`` is a variant of the built-in
rule. :data:`BUILTIN_RULES` holds one instance of each with its defaults, in
the order of the domain reference, then the rules that read what planning and
follow-up record (intakes, hosts, evaluation moments, indicators, transfers); the built-in plugin
:mod:`democratie.plugins.builtin_rules` offers them to :func:`democratie.score`.

=========================  ============================  ==============  ======================
rule                       class                         subject         module
=========================  ============================  ==============  ======================
commitment_triad           :class:`CommitmentTriad`      initiative      ``commitment``
council_at_the_front       :class:`CouncilAtTheFront`    initiative      ``council``
area_coverage              :class:`AreaCoverage`         initiative      ``coverage``
domain_coverage            :class:`DomainCoverage`       initiative      ``coverage``
cross_sector_coverage      :class:`CrossSectorCoverage`  initiative      ``coverage``
lifecycle_completeness     :class:`LifecycleCompleteness` initiative     ``coverage``
ownership_clarity          :class:`OwnershipClarity`     initiative      ``ownership``
champion_presence          :class:`ChampionPresence`     initiative      ``network``
brokerage_capacity         :class:`BrokerageCapacity`    network         ``network``
bridging_vs_bonding        :class:`BridgingVsBonding`    municipality    ``network``
participation_level        :class:`ParticipationInfluence` initiative    ``participation``
promise_kept               :class:`PromiseKept`          initiative      ``participation``
government_role_fit        :class:`GovernmentRoleFit`    initiative      ``participation``
salience_coverage          :class:`SalienceCoverage`     initiative      ``krachtenveld``
engagement_fit             :class:`EngagementFit`        initiative      ``krachtenveld``
trajectory_conformance     :class:`TrajectoryConformance` initiative     ``trajectory``
timeline_feasibility       :class:`TimelineFeasibility`  initiative      ``timeline``
service_goal_alignment     :class:`ServiceGoalAlignment` initiative      ``goals``
learning_loop              :class:`LearningLoop`         initiative      ``learning``
target_role_coverage       :class:`TargetRoleCoverage`   initiative      ``trajectory``
intake_gate                :class:`IntakeGate`           initiative      ``intake``
host_rotation              :class:`HostRotation`         network         ``hosting``
evaluation_rhythm          :class:`EvaluationRhythm`     initiative      ``follow_up``
indicator_progress         :class:`IndicatorProgress`    municipality    ``follow_up``
lesson_uptake              :class:`LessonUptake`         initiative      ``learning``
=========================  ============================  ==============  ======================

Examples
--------
>>> from democratie.scoring.rules import BUILTIN_RULES, by_name
>>> len(BUILTIN_RULES)
25
>>> by_name("promise_kept").no_feedback_factor
0.5
"""

from __future__ import annotations

from democratie.scoring.rule import ScoringRule
from democratie.scoring.rules._common import DEFAULT_INFLUENCE
from democratie.scoring.rules.commitment import DEFAULT_COMMITMENT_VALUES, CommitmentTriad
from democratie.scoring.rules.council import DEFAULT_COUNCIL_ROLES, CouncilAtTheFront
from democratie.scoring.rules.coverage import (
    DELFT_DOMAINS,
    AreaCoverage,
    CrossSectorCoverage,
    DomainCoverage,
    LifecycleCompleteness,
)
from democratie.scoring.rules.follow_up import EvaluationRhythm, IndicatorProgress
from democratie.scoring.rules.goals import ServiceGoalAlignment
from democratie.scoring.rules.hosting import HostRotation
from democratie.scoring.rules.intake import IntakeGate
from democratie.scoring.rules.krachtenveld import (
    DEFAULT_QUADRANT_MINIMUMS,
    EngagementFit,
    SalienceCoverage,
)
from democratie.scoring.rules.learning import LearningLoop, LessonUptake
from democratie.scoring.rules.network import BridgingVsBonding, BrokerageCapacity, ChampionPresence
from democratie.scoring.rules.ownership import OwnershipClarity
from democratie.scoring.rules.participation import (
    DEFAULT_ROLE_FIT,
    GovernmentRoleFit,
    ParticipationInfluence,
    PromiseKept,
)
from democratie.scoring.rules.timeline import TimelineFeasibility
from democratie.scoring.rules.trajectory import TargetRoleCoverage, TrajectoryConformance

__all__ = [
    "BUILTIN_RULES",
    "DEFAULT_COMMITMENT_VALUES",
    "DEFAULT_COUNCIL_ROLES",
    "DEFAULT_INFLUENCE",
    "DEFAULT_QUADRANT_MINIMUMS",
    "DEFAULT_ROLE_FIT",
    "DELFT_DOMAINS",
    "AreaCoverage",
    "BridgingVsBonding",
    "BrokerageCapacity",
    "ChampionPresence",
    "CommitmentTriad",
    "CouncilAtTheFront",
    "CrossSectorCoverage",
    "DomainCoverage",
    "EngagementFit",
    "EvaluationRhythm",
    "GovernmentRoleFit",
    "HostRotation",
    "IndicatorProgress",
    "IntakeGate",
    "LearningLoop",
    "LessonUptake",
    "LifecycleCompleteness",
    "OwnershipClarity",
    "ParticipationInfluence",
    "PromiseKept",
    "SalienceCoverage",
    "ServiceGoalAlignment",
    "TargetRoleCoverage",
    "TimelineFeasibility",
    "TrajectoryConformance",
    "by_name",
]

BUILTIN_RULES: tuple[ScoringRule, ...] = (
    CommitmentTriad(),
    CouncilAtTheFront(),
    AreaCoverage(),
    DomainCoverage(),
    CrossSectorCoverage(),
    LifecycleCompleteness(),
    OwnershipClarity(),
    ChampionPresence(),
    BrokerageCapacity(),
    BridgingVsBonding(),
    ParticipationInfluence(),
    PromiseKept(),
    GovernmentRoleFit(),
    SalienceCoverage(),
    EngagementFit(),
    TrajectoryConformance(),
    TimelineFeasibility(),
    ServiceGoalAlignment(),
    LearningLoop(),
    TargetRoleCoverage(),
    IntakeGate(),
    HostRotation(),
    EvaluationRhythm(),
    IndicatorProgress(),
    LessonUptake(),
)
"""One instance of each built-in rule with its default parameters, in catalogue order."""


def by_name(name: str) -> ScoringRule:
    """Return the built-in rule called *name*.

    Raises
    ------
    KeyError
        When there is no built-in rule of that name; the message lists them.

    Examples
    --------
    >>> rule = by_name("learning_loop")
    >>> rule.name, rule.applies_to, rule.transferable_credit
    ('learning_loop', 'initiative', 0.5)
    >>> by_name("commitment-triad")
    Traceback (most recent call last):
        ...
    KeyError: "no built-in rule 'commitment-triad'; the rules are: commitment_triad, ..."
    """
    for rule in BUILTIN_RULES:
        if rule.name == name:
            return rule
    message = f"no built-in rule {name!r}; the rules are: " + ", ".join(
        r.name for r in BUILTIN_RULES
    )
    raise KeyError(message)

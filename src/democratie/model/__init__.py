"""The domain model: immutable, validated attrs classes with no I/O.

A :class:`Landscape` is the aggregate root: it holds municipalities (with their
areas, council and college), organisations, people, the roles they hold,
initiatives and networks, and checks every reference between them.

Every class is frozen, slotted and keyword-only. Constructors check what can be
checked locally (date order, ranges, code formats) and report all problems at
once in a :class:`~democratie.errors.ModelError`.
"""

from democratie.model._common import Assessment, ContactDetail, Identifier, Period, Source
from democratie.model.actors import Organisation, Person, Role
from democratie.model.initiative import (
    Assignment,
    Commitment,
    Initiative,
    Intake,
    Lesson,
    Milestone,
    Participant,
    Stage,
    Task,
)
from democratie.model.landscape import (
    ACTOR_KINDS,
    ENTITY_KINDS,
    Entity,
    EntityKind,
    Entry,
    Landscape,
    TopLevel,
)
from democratie.model.monitoring import Evaluation, Indicator, Measurement, Transfer
from democratie.model.municipality import Area, College, Council, Faction, Municipality
from democratie.model.network import Meeting, Network

__all__ = [
    "ACTOR_KINDS",
    "ENTITY_KINDS",
    "Area",
    "Assessment",
    "Assignment",
    "College",
    "Commitment",
    "ContactDetail",
    "Council",
    "Entity",
    "EntityKind",
    "Entry",
    "Evaluation",
    "Faction",
    "Identifier",
    "Indicator",
    "Initiative",
    "Intake",
    "Landscape",
    "Lesson",
    "Measurement",
    "Meeting",
    "Milestone",
    "Municipality",
    "Network",
    "Organisation",
    "Participant",
    "Period",
    "Person",
    "Role",
    "Source",
    "Stage",
    "Task",
    "TopLevel",
    "Transfer",
]

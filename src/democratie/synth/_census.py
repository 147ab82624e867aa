"""Count what a landscape holds: entities by kind, and the references between them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from attrs import frozen

from democratie.model import ENTITY_KINDS, EntityKind, Landscape, Meeting

__all__ = ["Census", "census"]


@frozen(kw_only=True)
class Census:
    """The size of a landscape: its entities by kind and the references between them.

    Parameters
    ----------
    entities
        How many entities of each kind have an id, for every kind of
        :data:`democratie.model.ENTITY_KINDS` in that order (zero when there are none).
    references
        How many references by id the landscape holds: every id given where another
        entity is meant (a role's holder, a participant's actor, a meeting's host),
        counted once per place, as :class:`~democratie.model.Landscape` checks them.

    Examples
    --------
    >>> from democratie.model import Landscape, Municipality, Person, Role
    >>> from democratie.vocab import RoleKind
    >>> land = Landscape(
    ...     municipalities=(Municipality(id="leusden", cbs_code="GM0327"),),
    ...     people=(Person(id="p-an", name="An de Vries"),),
    ...     roles=(Role(holder="p-an", kind=RoleKind.RAADSLID, at="leusden-raad"),),
    ... )
    >>> counted = census(land)
    >>> counted.entities["person"], counted.total, counted.references
    (1, 4, 2)
    """

    entities: Mapping[EntityKind, int]
    references: int

    @property
    def total(self) -> int:
        """The number of entities with an id, of every kind together."""
        return sum(self.entities.values())

    def as_dict(self) -> dict[str, int]:
        """The counts as plain data: one key per entity kind, then the totals.

        Examples
        --------
        >>> from democratie.model import Landscape
        >>> census(Landscape()).as_dict()["references"]
        0
        """
        counts: dict[str, int] = {str(kind): count for kind, count in self.entities.items()}
        counts["entities"] = self.total
        counts["references"] = self.references
        return counts


def census(landscape: Landscape) -> Census:
    """Count the entities of a landscape by kind, and the references between them.

    Parameters
    ----------
    landscape
        Any landscape.

    Returns
    -------
    Census
        The counts. The entities are the nodes of the landscape's stakeholder graph, but
        for roles with an id, which the graph draws as edges. The graph has about one edge
        per reference: a role gives one edge fewer than it has references (its holder is
        the start of each), an initiative that covers every wijk gives one edge per wijk,
        and every area, body and meeting gets an edge to where it belongs.

    Notes
    -----
    Linear in the size of the landscape.

    Examples
    --------
    >>> from democratie.model import Landscape, Municipality
    >>> from democratie.synth import census
    >>> counted = census(Landscape(municipalities=(Municipality(id="delft", cbs_code="GM0503"),)))
    >>> counted.entities["municipality"], counted.entities["council"], counted.references
    (1, 1, 0)
    """
    kinds = Counter(entry.kind for entry in landscape.entries())
    return Census(
        entities={kind: kinds.get(kind, 0) for kind in ENTITY_KINDS},
        references=_references(landscape),
    )


def _references(landscape: Landscape) -> int:
    count = 0
    for municipality in landscape.municipalities:
        count += sum(1 for faction in municipality.council.factions if faction.party is not None)
        count += sum(1 for indicator in municipality.indicators if indicator.area is not None)
    for org in landscape.organisations:
        count += (org.municipality is not None) + (org.parent is not None) + len(org.areas)
    for role in landscape.roles:
        count += 1 + (role.at is not None) + (role.on_behalf_of is not None)
    for ini in landscape.initiatives:
        count += len(ini.municipalities) + len(ini.areas) + len(ini.initiated_by)
        count += len(ini.led_by) + len(ini.participants) + (ini.network is not None)
        count += sum(len(stage.participants) for stage in ini.phases)
        count += sum(1 for commitment in ini.commitments if commitment.by is not None)
        count += sum(1 + (intake.officer is not None) for intake in ini.intakes)
        count += sum(len(task.assignments) for task in ini.tasks)
        count += sum(len(lesson.transfers) for lesson in ini.lessons)
        count += sum(1 for evaluation in ini.evaluations if evaluation.by is not None)
        count += sum(1 for indicator in ini.indicators if indicator.area is not None)
        count += _meeting_references(ini.meetings)
    for net in landscape.networks:
        count += len(net.members) + len(net.coordinators) + (net.parent is not None)
        count += net.initiative is not None
        count += _meeting_references(net.meetings)
    return count


def _meeting_references(meetings: Iterable[Meeting]) -> int:
    return sum((meeting.host is not None) + len(meeting.attendees) for meeting in meetings)

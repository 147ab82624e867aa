"""Parties become factions of the council, committees organisations of the municipality.

A Party organisation becomes the faction ``<municipality>-<party id>`` of the council; a
committee an organisation of kind ``overheidsorganisatie`` of the municipality; an
organisation of any other classification is reported, not imported.
"""

from __future__ import annotations

from democratie.importers._common import describe, unique
from democratie.importers.ori._state import State, count_of
from democratie.model import Faction, Municipality, Organisation
from democratie.vocab import ActorKind

__all__ = ["build_committees", "build_factions", "report_other_organisations"]


def build_factions(state: State, municipality: Municipality) -> tuple[Faction, ...]:
    """Make a faction of the council for every party, and remember each party's faction.

    Examples
    --------
    >>> from democratie.importers.ori._build import _EXAMPLE, read_pair
    >>> state, _ = read_pair(*_EXAMPLE)
    >>> heerde = Municipality(id="heerde", cbs_code="GM0246")
    >>> [(faction.id, faction.name) for faction in build_factions(state, heerde)]
    [('heerde-cda', 'CDA')]
    >>> state.factions
    {'cda': 'heerde-cda'}
    """
    factions: list[Faction] = []
    for org in state.orgs.values():
        if org.kind != "party":
            continue
        name = org.name or org.description or org.id
        faction_id = state.pool.take(f"{municipality.id}-{org.id}", fallback=municipality.id)
        if org.description and org.name and org.description != org.name:
            state.report.skip(
                "party.description",
                "the description of a party; a faction has no description",
                f"{org.where}.description = {describe(org.description)}",
            )
        faction = org.checker.build(
            org.path,
            Faction,
            id=faction_id,
            name=name,
            identifiers=tuple(unique([org.own, *org.identifiers])),
        )
        if faction is not None:
            state.factions[org.id] = faction_id
            factions.append(faction)
    return tuple(factions)


def build_committees(state: State, municipality: Municipality) -> list[Organisation]:
    """Make an organisation of the municipality for every committee, and note them.

    Examples
    --------
    >>> from democratie.importers.ori._build import _EXAMPLE, read_pair
    >>> state, _ = read_pair(*_EXAMPLE)
    >>> heerde = Municipality(id="heerde", cbs_code="GM0246")
    >>> [(o.id, o.kind.value) for o in build_committees(state, heerde)]
    [('heerde-ruimte', 'overheidsorganisatie')]
    """
    committees: list[Organisation] = []
    for org in state.orgs.values():
        if org.kind != "committee":
            continue
        name = org.name or org.description or org.id
        committee = org.checker.build(
            org.path,
            Organisation,
            id=state.pool.take(f"{municipality.id}-{org.id}", fallback=municipality.id),
            name=name,
            kind=ActorKind.OVERHEIDSORGANISATIE,
            municipality=municipality.id,
            description=org.description if org.description != name else None,
            identifiers=tuple(unique([org.own, *org.identifiers])),
        )
        if committee is not None:
            state.committees[org.id] = committee.id
            committees.append(committee)
    if committees:
        state.report.note(
            f"{count_of(len(committees), 'council committee')} "
            + (
                "was imported as an organisation"
                if len(committees) == 1
                else "were imported as organisations"
            )
            + f" of kind overheidsorganisatie (sector overheid) in {municipality.name}: "
            + ", ".join(committee.name for committee in committees[:5])
        )
    return committees


def report_other_organisations(state: State) -> None:
    """Report the organisations of a classification the model has no place for.

    Examples
    --------
    >>> from democratie.importers.ori._build import read_pair
    >>> state, _ = read_pair({"persons": []}, {"organisations": [
    ...     {"id": "club", "classification": "Club", "name": "Schaakclub"}]})
    >>> report_other_organisations(state)
    >>> state.report.build().category("organisation.classification").count
    1
    """
    for org in state.orgs.values():
        if org.kind == "other":
            state.report.skip(
                "organisation.classification",
                "organisations of a classification other than Municipality, Council, "
                "Party or committee; they were not imported",
                f"{org.where} ({describe(org.classification)}, {describe(org.name)})",
            )

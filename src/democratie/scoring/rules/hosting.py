"""Host rotation: the meetings a network held were hosted by its members in turn.

Examples
--------
>>> from attrs import evolve
>>> from democratie import examples
>>> from democratie.scoring import run
>>> from democratie.scoring.rules import HostRotation
>>> land = examples.load("m50-leerkring-waalwijk")
>>> circle = land.get("m50-leerkring-democratische-vernieuwing")
>>> run(land, [HostRotation()])[circle.id]["host_rotation"].value is None  # one meeting held
True
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from typing import ClassVar

from attrs import frozen

from democratie.model import Landscape, Meeting, Network
from democratie.scoring.context import ScoringContext
from democratie.scoring.rule import BaseRule
from democratie.scoring.rules._common import advice, dutch, listing, plural
from democratie.scoring.score import Bilingual, Evidence, Score, Subject, SubjectKind

__all__ = ["HostRotation", "moves_to_rotate"]


def moves_to_rotate(counts: Counter[str], candidates: int) -> int:
    """The fewest held meetings that would need another host for hosting to be in turn.

    In turn means what the meeting planner (:func:`democratie.plan.plan_meetings`) does:
    nobody hosts again while another candidate has hosted fewer times, so that every
    candidate hosts as often as any other, give or take one. With *h* meetings and *n*
    candidates, the ``h mod n`` most frequent hosts may host ``ceil(h / n)`` times and
    the others ``floor(h / n)``; the moves are the meetings above those shares.

    Examples
    --------
    >>> from collections import Counter
    >>> moves_to_rotate(Counter({"waalwijk": 1, "lochem": 1}), 12)
    0
    >>> moves_to_rotate(Counter({"waalwijk": 2}), 12)
    1
    >>> moves_to_rotate(Counter({"a": 2, "b": 2}), 3)  # c never hosted, a and b twice
    1
    """
    held = sum(counts.values())
    floor, extra = divmod(held, candidates)
    ordered = sorted(counts.values(), reverse=True)
    return sum(
        max(0, count - (floor + 1 if index < extra else floor))
        for index, count in enumerate(ordered)
    )


def _meetings_of(network: Network, landscape: Landscape, context: ScoringContext) -> list[Meeting]:
    """The network's meetings, then those of the initiatives that work through it."""
    through: dict[str, list[Meeting]] = context.cached(
        ("host_rotation", "initiative_meetings_by_network"),
        lambda: _by_network(landscape),
    )
    return [*network.meetings, *through.get(network.id, ())]


def _by_network(landscape: Landscape) -> dict[str, list[Meeting]]:
    found: dict[str, list[Meeting]] = {}
    for initiative in landscape.initiatives:
        if initiative.network is not None and initiative.meetings:
            found.setdefault(initiative.network, []).extend(initiative.meetings)
    return found


def _held(meeting: Meeting, as_of: dt.date | None) -> bool:
    """Held by the day, as :func:`democratie.monitor.status` counts it."""
    if meeting.held is not True:
        return False
    return as_of is None or meeting.date is None or meeting.date <= as_of


@frozen(kw_only=True)
class HostRotation(BaseRule):
    """Host rotation: how nearly the meetings a network held were hosted in turn.

    M50's learning circle asked of its follow-up meetings "Wie wil gastgemeente zijn voor
    één van deze bijeenkomsten?", and Democratie in Actie's regional meetings ("rond 3
    regionale uitwisselingsbijeenkomsten") are set "in overleg met de deelnemende
    gemeenten": hosting passes among the members, so that the work and the visit are
    shared. Fairness here is the planner's own rule (:func:`democratie.plan.plan_meetings`):
    nobody hosts again while another candidate has hosted fewer times. The score counts
    how far the held meetings are from that (:func:`moves_to_rotate`): 1 when every
    candidate hosted as often as any other, give or take one, and 0 when one candidate
    hosted every meeting. A share of distinct hosts would not see a second round going to
    the same member, and 1 minus the Gini coefficient of the counts would mark down a
    perfect rotation that has not yet reached every member (twelve members, two
    meetings).

    The meetings are the network's own and those of the initiatives that work through it
    (``network``), held by the day of the run (``held = true``, and not dated after
    *as_of*). The candidates are the network's members, and any other host of a held
    meeting (a coordinator, say). Held meetings with no host recorded are left out, and
    the explanation says how many.

    Parameters
    ----------
    name
        The rule's name.

    Notes
    -----
    score = 1 - moves / (h - ceil(h / n)), with h held meetings with a host, n
    candidates, and moves the fewest meetings that would need another host for hosting
    to be in turn; h - ceil(h / n) is the moves when one candidate hosted them all. Not
    applicable under two held meetings, under two with a host recorded, or with fewer
    than two candidates.

    References
    ----------
    M50 learning circle, Waalwijk 2020 ("Wie wil gastgemeente zijn?"); VNG Democratie in
    Actie, ontwikkeltraject organisatieontwikkeling (regional meetings "in overleg met de
    deelnemende gemeenten vast te stellen").

    Examples
    --------
    M50's kick-off was held in Waalwijk; say the follow-up on the Thorbecke experiments was
    held too. Hosted by another member, the two are in turn; by Waalwijk again, not:

    >>> from attrs import evolve
    >>> from democratie import examples
    >>> from democratie.scoring import run
    >>> land = examples.load("m50-leerkring-waalwijk")
    >>> circle = land.get("m50-leerkring-democratische-vernieuwing")
    >>> kick_off, thorbecke, next_step = circle.meetings
    >>> def held_by(second):
    ...     meetings = (evolve(kick_off, host="waalwijk"),
    ...                 evolve(thorbecke, held=True, host=second), next_step)
    ...     changed = land.replace(evolve(circle, meetings=meetings))
    ...     return run(changed, [HostRotation()])[circle.id]["host_rotation"]
    >>> held_by("lochem").value, held_by("waalwijk").value
    (1.0, 0.0)
    >>> print(held_by("waalwijk").explanation.en)
    Host rotation 0.00: 2 held meetings with a host among 12 candidates; 1 would need another
    host to be in turn (hosts: Waalwijk 2).
    """

    name: str = "host_rotation"
    title: ClassVar[Bilingual] = Bilingual(nl="Gastheerschap bij toerbeurt", en="Host rotation")
    applies_to: ClassVar[SubjectKind] = "network"
    source: ClassVar[str] = (
        'M50 learning circle, Waalwijk 2020 ("Wie wil gastgemeente zijn?"); VNG Democratie '
        "in Actie (regional meetings set with the participating municipalities)"
    )
    formula: ClassVar[str] = (
        "1 - moves / (h - ceil(h/n)); h held meetings with a host, n candidate hosts, moves the "
        "fewest hosts to change for everyone to host as often as any other, give or take one"
    )

    def evaluate(self, subject: Subject, context: ScoringContext) -> Score:
        """Score one network."""
        assert isinstance(subject, Network)
        landscape = context.landscape
        held = [m for m in _meetings_of(subject, landscape, context) if _held(m, context.as_of)]
        hosted = [m for m in held if m.host is not None]
        unhosted = len(held) - len(hosted)
        evidence = [
            Evidence(about=subject.id, fact="meetings.held", value=len(held)),
            Evidence(about=subject.id, fact="meetings.held_without_host", value=unhosted),
        ]
        if len(held) < 2:
            return self.not_applicable(
                subject,
                nl=(
                    f"Er {'is' if len(held) == 1 else 'zijn'} "
                    f"{plural(len(held), 'bijeenkomst', 'bijeenkomsten')} gehouden "
                    "(meetings, held); "
                    "toerbeurt blijkt pas vanaf twee."
                ),
                en=(
                    f"{plural(len(held), 'meeting has', 'meetings have')} been held "
                    "(meetings, held); "
                    "rotation shows from two on."
                ),
                evidence=evidence,
                recommendations=[
                    advice(
                        "Leg vast welke bijeenkomsten gehouden zijn (held) en wie gastheer was "
                        "(host).",
                        "Record which meetings were held (held) and who hosted them (host).",
                    )
                ],
            )
        if len(hosted) < 2:
            return self.not_applicable(
                subject,
                nl=(
                    f"Van de {len(held)} gehouden bijeenkomsten is bij {unhosted} niet "
                    "vastgelegd wie gastheer was."
                ),
                en=(
                    f"Of the {len(held)} meetings held, {unhosted} record no host, so "
                    "rotation cannot be told."
                ),
                evidence=evidence,
                recommendations=[
                    advice(
                        "Leg bij elke gehouden bijeenkomst de gastgemeente of gastheer vast.",
                        "Record the host (gastgemeente) of every meeting held.",
                    )
                ],
            )
        counts: Counter[str] = Counter(m.host for m in hosted if m.host is not None)
        candidates = len(set(subject.members) | set(counts))
        if candidates < 2:
            return self.not_applicable(
                subject,
                nl="Er is maar één mogelijke gastheer: het netwerk heeft geen andere leden.",
                en="There is only one possible host: the network has no other members.",
                evidence=evidence,
                recommendations=[
                    advice("Leg de leden van het netwerk vast.", "Record the network's members.")
                ],
            )
        moves = moves_to_rotate(counts, candidates)
        worst = len(hosted) - math.ceil(len(hosted) / candidates)
        value = 1.0 - moves / worst
        names = {host: landscape.name_of(host) if host in landscape else host for host in counts}
        tally = ", ".join(f"{names[host]} {count}" for host, count in counts.most_common())
        left_nl = left_en = ""
        if unhosted:
            left_nl = f"; {unhosted} zonder vastgelegde gastheer niet meegeteld"
            left_en = f"; {unhosted} without a recorded host not counted"
        nl = (
            f"Gastheerschap bij toerbeurt {dutch(value)}: {len(hosted)} gehouden bijeenkomsten met "
            f"een gastheer onder {candidates} mogelijke gastheren; bij {moves} had een ander "
            f"gastheer moeten zijn om bij toerbeurt te gaan (gastheren: {tally}){left_nl}."
        )
        en = (
            f"Host rotation {value:.2f}: {len(hosted)} held meetings with a host among "
            f"{candidates} candidates; {moves} would need another host to be in turn (hosts: "
            f"{tally}){left_en}."
        )
        evidence.extend(
            Evidence(about=host, fact="meetings.hosted", value=count)
            for host, count in counts.most_common()
        )
        recommendations = []
        if moves:
            waiting = [m for m in subject.members if m not in counts]
            if waiting:
                shown = [landscape.name_of(m) if m in landscape else m for m in waiting[:5]]
                more = len(waiting) - len(shown)
                tail_nl = f" en {more} andere" if more else ""
                tail_en = f" and {more} others" if more else ""
                recommendations.append(
                    advice(
                        "Laat de volgende bijeenkomsten hosten door leden die nog geen "
                        f"gastheer waren: {listing(shown, lang='nl')}{tail_nl}.",
                        "Have the next meetings hosted by members that have not hosted yet: "
                        f"{listing(shown)}{tail_en}.",
                    )
                )
            else:
                recommendations.append(
                    advice(
                        "Laat de volgende bijeenkomsten hosten door de leden die het minst vaak "
                        "gastheer waren (democratie plan meetings doet dat).",
                        "Have the next meetings hosted by the members that hosted least "
                        "(democratie plan meetings does so).",
                    )
                )
        return self.result(
            subject, value, nl=nl, en=en, evidence=evidence, recommendations=recommendations
        )

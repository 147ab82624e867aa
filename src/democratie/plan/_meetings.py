"""Meeting series with rotating hosts: dates spread over a window, hosts taken in turn."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from attrs import evolve, frozen

from democratie.errors import Problem
from democratie.model import Landscape, Network
from democratie.model.network import Meeting
from democratie.plan._common import Lang, Reason, check_problems, find_network, is_whole
from democratie.vocab import MeetingKind

__all__ = ["HostChoice", "MeetingPlan", "plan_meetings"]


@frozen(kw_only=True)
class HostChoice:
    """Who hosts a planned meeting, and why.

    Parameters
    ----------
    meeting
        The planned meeting's id.
    host
        The host's id, or None when no member can host on that day.
    reason
        Why this member hosts.
    """

    meeting: str
    host: str | None
    reason: Reason


@frozen(kw_only=True)
class MeetingPlan:
    """Planned meetings of a network, with their hosts.

    Parameters
    ----------
    network
        The network's id.
    meetings
        The planned meetings in date order (``held = false``).
    hosts
        For each meeting, who hosts it and why.
    hosted
        How often each member hosts, counting the network's earlier meetings and
        these, in member order.

    Examples
    --------
    >>> import datetime as dt
    >>> import democratie
    >>> from democratie.plan import plan_meetings
    >>> land = democratie.load("examples/m50-leerkring-waalwijk.toml")
    >>> plan = plan_meetings(land, "m50-leerkring-democratische-vernieuwing",
    ...                      start=dt.date(2020, 6, 22), end=dt.date(2020, 12, 18),
    ...                      count=2, closing=False, kind="vervolgbijeenkomst",
    ...                      volunteers=["lochem"])
    >>> for meeting in plan.meetings:
    ...     print(meeting.id, meeting.date, meeting.host)
    m50-vervolgbijeenkomst-thorbecke 2020-06-22 lochem
    m50-vervolgbijeenkomst-next-step 2020-12-18 meierijstad
    """

    network: str
    meetings: tuple[Meeting, ...]
    hosts: tuple[HostChoice, ...]
    hosted: tuple[tuple[str, int], ...]

    def apply(self, landscape: Landscape) -> Landscape:
        """A new landscape in which the network holds the planned meetings.

        A planned meeting that the network already holds (one foreseen without a date)
        is replaced by its dated, hosted version; the others are added after the rest.
        """
        network = find_network(landscape, self.network)
        planned = {m.id: m for m in self.meetings}
        kept = tuple(planned.pop(m.id, m) for m in network.meetings)
        return landscape.replace(evolve(network, meetings=(*kept, *planned.values())))

    def explain(self, lang: Lang = "en") -> list[str]:
        """The plan in sentences: each meeting with its date, host and why."""
        lines = []
        for meeting, choice in zip(self.meetings, self.hosts, strict=False):
            host = choice.host or ("geen gastheer" if lang == "nl" else "no host")
            lines.append(f"{meeting.date}: {meeting.title}: {host} ({choice.reason.text(lang)})")
        return lines

    def to_dict(self) -> dict[str, Any]:
        """The plan as plain data for JSON."""
        return {
            "network": self.network,
            "meetings": [
                {
                    "id": m.id,
                    "title": m.title,
                    "kind": m.kind.value,
                    "date": m.date.isoformat() if m.date else None,
                    "host": m.host,
                    "location": m.location,
                    "why": {"code": c.reason.code, "en": c.reason.en, "nl": c.reason.nl},
                }
                for m, c in zip(self.meetings, self.hosts, strict=False)
            ],
            "hosted": dict(self.hosted),
        }


def plan_meetings(
    landscape: Landscape,
    network: str | Network,
    *,
    start: dt.date,
    end: dt.date,
    count: int = 3,
    closing: bool = True,
    volunteers: Sequence[str] = (),
    unavailable: Iterable[str | tuple[str, dt.date]] = (),
    kind: MeetingKind | str = MeetingKind.REGIONALE_BIJEENKOMST,
    titles: Sequence[str] = (),
    reuse: bool = True,
) -> MeetingPlan:
    """Plan a network's meetings over a window, each hosted by a member in turn.

    Democratie in Actie: "rond 3 regionale uitwisselingsbijeenkomsten, en een
    slotbijeenkomst"; M50: "twee vervolgbijeenkomsten ... Wie wil gastgemeente zijn?"

    Dates: ``count`` meetings of *kind*, then a ``slotbijeenkomst`` when *closing*, on
    working days (Monday to Friday) in ``[start, end]`` that hold no meeting of the network
    yet, spread evenly over those days: the first on the first free day, the last on the
    last.

    Hosts, meeting by meeting in date order, from the network's members: a member who
    has hosted least so far (counting every meeting of the network, held ones too, and
    the ones planned before) hosts, so nobody hosts twice while another member has not
    hosted; among them, volunteers first (in the order given), then members in the
    network's order. A member that is unavailable (always, or on that date) is passed
    over.

    Parameters
    ----------
    landscape
        The landscape with the network.
    network
        The network (or its id).
    start, end
        The window, both days included.
    count
        How many meetings of *kind*, before the closing one.
    closing
        Whether a closing meeting (slotbijeenkomst) ends the series.
    volunteers
        Members who offered to host, in order.
    unavailable
        Members who cannot host: an id for never, or ``(id, date)`` for that day.
    kind
        The kind of the meetings (a :class:`~democratie.vocab.MeetingKind` or its slug).
    titles
        Titles for the meetings in order; the rest are numbered ("Regionale bijeenkomst 2").
    reuse
        Plan the network's meetings of these kinds that are foreseen without a date (M50's
        two follow-up meetings, say), in their order, before adding new ones; they keep
        their id, title and themes.

    Raises
    ------
    PlanError
        For an unknown network, a window that ends before it starts, no meeting asked
        for, more meetings than free working days, or a volunteer or unavailable member
        who is not a member of the network.

    Examples
    --------
    >>> import datetime as dt
    >>> import democratie
    >>> land = democratie.load("examples/m50-leerkring-waalwijk.toml")
    >>> plan = plan_meetings(land, "m50-leerkring-democratische-vernieuwing",
    ...                      start=dt.date(2021, 3, 1), end=dt.date(2021, 12, 17), count=3,
    ...                      reuse=False, unavailable=["meierijstad"])
    >>> for meeting, choice in zip(plan.meetings, plan.hosts):
    ...     print(meeting.date, meeting.kind.value, meeting.host, "-", choice.reason.en)
    2021-03-01 regionale_bijeenkomst lochem - has hosted least: 0 times before
    2021-06-07 regionale_bijeenkomst coevorden - has hosted least: 0 times before
    2021-09-10 regionale_bijeenkomst oosterhout - has hosted least: 0 times before
    2021-12-17 slotbijeenkomst barneveld - has hosted least: 0 times before
    """
    found = find_network(landscape, network)
    problems: list[Problem] = []
    kind_member = _kind(kind, problems)
    for name, value in (("start", start), ("end", end)):
        if not _is_day(value):
            problems.append(Problem(path=name, message=f"expected a date, got {value!r}"))
    if not is_whole(count, 0):
        problems.append(
            Problem(path="count", message=f"expected a whole number of 0 or more, got {count!r}")
        )
    members = found.members
    for index, member in enumerate(volunteers):
        if member not in members:
            problems.append(
                Problem(
                    path=f"volunteers[{index}]",
                    message=f"'{member}' is not a member of the network '{found.id}'",
                )
            )
    never: set[str] = set()
    on_day: set[tuple[str, dt.date]] = set()
    for index, item in enumerate(unavailable):
        member = item if isinstance(item, str) else item[0]
        if member not in members:
            problems.append(
                Problem(
                    path=f"unavailable[{index}]",
                    message=f"'{member}' is not a member of the network '{found.id}'",
                )
            )
        elif isinstance(item, str):
            never.add(item)
        else:
            on_day.add((item[0], item[1]))
    check_problems(problems)
    total = count + (1 if closing else 0)
    if end < start:
        check_problems(
            [Problem(path="end", message=f"the window ends ({end}) before it starts ({start})")]
        )
    if total == 0:
        check_problems(
            [Problem(path="count", message="no meeting to plan: count is 0 and closing is off")]
        )
    taken = {m.date for m in found.meetings if m.date is not None}
    free = [
        day
        for day in (start + dt.timedelta(days=d) for d in range((end - start).days + 1))
        if day.weekday() < 5 and day not in taken
    ]
    if len(free) < total:
        check_problems(
            [
                Problem(
                    path="count",
                    message=(
                        f"{total} meetings do not fit: the window {start} to {end} has "
                        f"{len(free)} free working days"
                    ),
                )
            ]
        )
    days = _spread(free, total)
    hosted: Counter[str] = Counter(m.host for m in found.meetings if m.host is not None)
    existing_ids = {e.id for e in landscape.entries()}
    numbered = Counter(m.kind for m in found.meetings)
    # Meetings the network already foresees without a date are planned, not repeated.
    undated: dict[MeetingKind, list[Meeting]] = {}
    if reuse:
        for meeting in found.meetings:
            if meeting.date is None and meeting.held is not True:
                undated.setdefault(meeting.kind, []).append(meeting)
    meetings: list[Meeting] = []
    choices: list[HostChoice] = []
    for index, day in enumerate(days):
        this_kind = MeetingKind.SLOTBIJEENKOMST if closing and index == total - 1 else kind_member
        host, reason = _host(members, volunteers, never, on_day, hosted, day)
        if host is not None:
            hosted[host] += 1
        location = landscape.name_of(host) if host is not None else None
        if host is not None and landscape.kind_of(host) != "municipality":
            location = None
        foreseen = undated.get(this_kind)
        if foreseen:
            earlier = foreseen.pop(0)
            meeting = evolve(
                earlier,
                title=titles[index] if index < len(titles) else earlier.title,
                date=day,
                host=host,
                location=earlier.location or location,
                held=False,
            )
        else:
            numbered[this_kind] += 1
            title = titles[index] if index < len(titles) else _title(this_kind, numbered[this_kind])
            meeting = Meeting(
                id=_fresh(f"{found.id}-{this_kind.value}-{day.isoformat()}", existing_ids),
                title=title,
                kind=this_kind,
                date=day,
                host=host,
                location=location,
                held=False,
            )
        meetings.append(meeting)
        choices.append(HostChoice(meeting=meeting.id, host=host, reason=reason))
    return MeetingPlan(
        network=found.id,
        meetings=tuple(meetings),
        hosts=tuple(choices),
        hosted=tuple((m, hosted[m]) for m in members),
    )


def _is_day(value: object) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def _kind(kind: MeetingKind | str, problems: list[Problem]) -> MeetingKind:
    if isinstance(kind, MeetingKind):
        return kind
    try:
        return MeetingKind.from_slug(kind)
    except (ValueError, TypeError) as error:
        problems.append(Problem(path="kind", message=str(error)))
        return MeetingKind.REGIONALE_BIJEENKOMST


def _spread(free: list[dt.date], total: int) -> list[dt.date]:
    """*total* of the free days, evenly spread: the first and the last included."""
    if total == 1:
        return [free[(len(free) - 1) // 2]]
    last = len(free) - 1
    return [free[(k * last * 2 + (total - 1)) // (2 * (total - 1))] for k in range(total)]


def _host(
    members: tuple[str, ...],
    volunteers: Sequence[str],
    never: set[str],
    on_day: set[tuple[str, dt.date]],
    hosted: Counter[str],
    day: dt.date,
) -> tuple[str | None, Reason]:
    candidates = [m for m in members if m not in never and (m, day) not in on_day]
    if not candidates:
        return None, Reason(
            code="no-host",
            en="no member can host on this day",
            nl="geen lid kan op deze dag gastheer zijn",
        )

    def key(member: str) -> tuple[int, int, int]:
        offered = volunteers.index(member) if member in volunteers else len(volunteers)
        return hosted[member], offered, members.index(member)

    host = min(candidates, key=key)
    times = hosted[host]
    if host in volunteers:
        return host, Reason(
            code="volunteer",
            en=f"volunteered, and hosted {times} time{'s' if times != 1 else ''} before",
            nl=f"bood zich aan, en was {times} keer eerder gastheer",
        )
    return host, Reason(
        code="hosted-least",
        en=f"has hosted least: {times} time{'s' if times != 1 else ''} before",
        nl=f"was het minst vaak gastheer: {times} keer eerder",
    )


def _title(kind: MeetingKind, number: int) -> str:
    if kind is MeetingKind.SLOTBIJEENKOMST:
        return kind.label_nl
    return f"{kind.label_nl} {number}"


def _fresh(stem: str, used: set[str]) -> str:
    candidate, number = stem, 2
    while candidate in used:
        candidate = f"{stem}-{number}"
        number += 1
    used.add(candidate)
    return candidate

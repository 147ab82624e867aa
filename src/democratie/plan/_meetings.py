"""Meeting series with rotating hosts: dates spread over a window, hosts taken in turn."""

from __future__ import annotations

import datetime as dt
import difflib
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from attrs import evolve, frozen

from democratie.errors import Problem
from democratie.model import Landscape, Network
from democratie.model.network import Meeting
from democratie.plan._common import Lang, Reason, check_problems, find_network, is_whole
from democratie.vocab import MeetingKind

__all__ = ["HostChoice", "MeetingPlan", "plan_meetings", "public_holidays"]


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

    Examples
    --------
    >>> import datetime as dt
    >>> import democratie
    >>> from democratie.plan import plan_meetings
    >>> land = democratie.load("examples/m50-leerkring-waalwijk.toml")
    >>> plan = plan_meetings(land, "m50-leerkring-democratische-vernieuwing",
    ...                      start=dt.date(2021, 3, 1), end=dt.date(2021, 12, 17), count=2)
    >>> choice = plan.hosts[0]
    >>> choice.meeting, choice.host, choice.reason.code
    ('m50-leerkring-democratische-vernieuwing-regionale-bijeenkomst-1', 'meierijstad',
    'hosted-least')
    >>> choice.reason.nl
    'was het minst vaak gastgemeente: 0 keer eerder'
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
    dropped
        Ids of meetings planned before that this plan no longer needs; applying it
        removes them.

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
    dropped: tuple[str, ...] = ()

    def apply(self, landscape: Landscape) -> Landscape:
        """A new landscape in which the network holds the planned meetings.

        A planned meeting that the network already holds (one foreseen without a date,
        or planned before) is replaced by its new version, in its place; the ones the plan
        dropped are removed; the others are added after the rest.
        """
        network = find_network(landscape, self.network)
        planned = {m.id: m for m in self.meetings}
        dropped = set(self.dropped)
        kept = tuple(planned.pop(m.id, m) for m in network.meetings if m.id not in dropped)
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
            "dropped": list(self.dropped),
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
    holidays: bool = True,
    avoid: Iterable[dt.date] = (),
    apart: bool = True,
) -> MeetingPlan:
    """Plan a network's meetings over a window, each hosted by a member in turn.

    Democratie in Actie: "rond 3 regionale uitwisselingsbijeenkomsten, en een
    slotbijeenkomst"; M50: "twee vervolgbijeenkomsten ... Wie wil gastgemeente zijn?"

    Dates: ``count`` meetings of *kind*, then a ``slotbijeenkomst`` when *closing*, on
    free working days in ``[start, end]``, spread evenly over them: the first on the first
    free day, the last on the last. A free working day is a Monday to Friday that is no
    public holiday, not in *avoid*, and holds no other meeting of the network nor, with
    *apart*, of a sibling learning group.

    Hosts, meeting by meeting in date order, from the network's members: a member who
    has hosted least so far (counting every meeting of the network, held ones too, and
    the ones planned before) hosts, so nobody hosts twice while another member has not
    hosted; among them, volunteers first (in the order given), then whoever hosted
    longest ago (never first), then the network's order. A member that is unavailable
    (always, or on that date) is passed over.

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
        Plan again the network's meetings of these kinds that have not been held and are
        dated in the window or not dated at all (M50's two follow-up meetings, or a series
        planned before), in date order, before adding new ones: they keep their id,
        title and themes. Dated ones the new plan does not need are in ``dropped``, and
        :meth:`MeetingPlan.apply` removes them. With False, every meeting stays.
    holidays
        Leave out the public holidays of the Algemene termijnenwet (:func:`public_holidays`).
    avoid
        Other days to leave out (school holidays, a council meeting).
    apart
        Leave out the days on which another network formed for the same initiative (a
        sibling learning group) meets, so one programme team can be at every meeting.

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
    2021-06-10 regionale_bijeenkomst coevorden - has hosted least: 0 times before
    2021-09-14 regionale_bijeenkomst oosterhout - has hosted least: 0 times before
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
            problems.append(_not_a_member(f"volunteers[{index}]", member, found))
    never: set[str] = set()
    on_day: set[tuple[str, dt.date]] = set()
    for index, item in enumerate(unavailable):
        member = item if isinstance(item, str) else item[0]
        if member not in members:
            problems.append(_not_a_member(f"unavailable[{index}]", member, found))
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
    kinds = {kind_member, MeetingKind.SLOTBIJEENKOMST} if closing else {kind_member}
    # Planning again replaces the series planned before: the meetings of these kinds that
    # have not been held and are dated in the window (or not dated at all, as M50's two
    # follow-up meetings) are planned anew, keeping their ids, in their order.
    again = [
        m
        for m in found.meetings
        if reuse
        and m.held is not True
        and m.kind in kinds
        and (m.date is None or start <= m.date <= end)
    ]
    again_ids = {m.id for m in again}
    staying = [m for m in found.meetings if m.id not in again_ids]
    taken = {m.date for m in staying if m.date is not None}
    if apart:
        # Sibling learning groups of the same initiative meet on other days, so that one
        # programme team can be at every meeting.
        taken.update(
            m.date
            for n in landscape.networks
            if n.id != found.id
            and found.initiative is not None
            and n.initiative == found.initiative
            for m in n.meetings
            if m.date is not None
        )
    closed = set(avoid)
    if holidays:
        for year in range(start.year, end.year + 1):
            closed.update(public_holidays(year))
    free = [
        day
        for day in (start + dt.timedelta(days=d) for d in range((end - start).days + 1))
        if day.weekday() < 5 and day not in taken and day not in closed
    ]
    if len(free) < total:
        meetings_word = "meeting does" if total == 1 else "meetings do"
        check_problems(
            [
                Problem(
                    path="count",
                    message=(
                        f"{total} {meetings_word} not fit: the window {start} to {end} has "
                        f"{len(free)} free working day{'s' if len(free) != 1 else ''}"
                    ),
                )
            ]
        )
    days = _spread(free, total)
    hosted: Counter[str] = Counter(m.host for m in staying if m.host is not None)
    last: dict[str, dt.date] = {}
    for m in staying:
        if m.host is not None and m.date is not None:
            last[m.host] = max(last.get(m.host, m.date), m.date)
    existing_ids = {e.id for e in landscape.entries()} - again_ids
    numbered = Counter(m.kind for m in staying)
    earlier_by_kind: dict[MeetingKind, list[Meeting]] = {}
    for m in sorted(again, key=lambda m: (m.date is None, m.date or dt.date.min)):
        earlier_by_kind.setdefault(m.kind, []).append(m)
    # M50: "Wie wil gastgemeente zijn?" A network of municipalities has host municipalities.
    towns = bool(members) and all(landscape.kind_of(m) == "municipality" for m in members)
    noun = "gastgemeente" if towns else "gastheer"
    meetings: list[Meeting] = []
    choices: list[HostChoice] = []
    for index, day in enumerate(days):
        this_kind = MeetingKind.SLOTBIJEENKOMST if closing and index == total - 1 else kind_member
        host, reason = _host(members, volunteers, never, on_day, hosted, last, day, noun)
        if host is not None:
            hosted[host] += 1
            last[host] = day
        location = landscape.name_of(host) if host is not None else None
        if host is not None and landscape.kind_of(host) != "municipality":
            location = None
        numbered[this_kind] += 1
        foreseen = earlier_by_kind.get(this_kind)
        if foreseen:
            earlier = foreseen.pop(0)
            # A location the planner took from the earlier host goes with that host.
            derived = earlier.host is not None and earlier.location == _name(
                landscape, earlier.host
            )
            meeting = evolve(
                earlier,
                title=titles[index] if index < len(titles) else earlier.title,
                date=day,
                host=host,
                location=location if derived or earlier.location is None else earlier.location,
                held=False,
            )
        else:
            title = titles[index] if index < len(titles) else _title(this_kind, numbered[this_kind])
            stem = f"{found.id}-{this_kind.value.replace('_', '-')}-{numbered[this_kind]}"
            meeting = Meeting(
                id=_fresh(stem, existing_ids),
                title=title,
                kind=this_kind,
                date=day,
                host=host,
                location=location,
                held=False,
            )
        meetings.append(meeting)
        choices.append(HostChoice(meeting=meeting.id, host=host, reason=reason))
    planned_ids = {m.id for m in meetings}
    dropped = tuple(m.id for m in again if m.id not in planned_ids and m.date is not None)
    return MeetingPlan(
        network=found.id,
        meetings=tuple(meetings),
        hosts=tuple(choices),
        hosted=tuple((m, hosted[m]) for m in members),
        dropped=dropped,
    )


def public_holidays(year: int) -> frozenset[dt.date]:
    """The public holidays of the Algemene termijnenwet in *year* (Sundays aside).

    Nieuwjaarsdag, Tweede Paasdag, Koningsdag (27 April, or the 26th when the 27th is a
    Sunday), Bevrijdingsdag (5 May), Hemelvaartsdag, Tweede Pinksterdag and both
    Kerstdagen: the days on which, by that law, no term ends, and no regional meeting
    is planned.

    Examples
    --------
    >>> sorted(day.isoformat() for day in public_holidays(2025))  # doctest: +NORMALIZE_WHITESPACE
    ['2025-01-01', '2025-04-21', '2025-04-26', '2025-05-05', '2025-05-29', '2025-06-09',
     '2025-12-25', '2025-12-26']
    """
    easter = _easter(year)
    kings_day = dt.date(year, 4, 27)
    if kings_day.weekday() == 6:
        kings_day = dt.date(year, 4, 26)
    return frozenset(
        {
            dt.date(year, 1, 1),
            easter + dt.timedelta(days=1),
            kings_day,
            dt.date(year, 5, 5),
            easter + dt.timedelta(days=39),
            easter + dt.timedelta(days=50),
            dt.date(year, 12, 25),
            dt.date(year, 12, 26),
        }
    )


def _easter(year: int) -> dt.date:
    """Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _name(landscape: Landscape, entity_id: str) -> str:
    return landscape.name_of(entity_id) if entity_id in landscape else entity_id


def _not_a_member(path: str, member: str, network: Network) -> Problem:
    hint = difflib.get_close_matches(member, network.members, n=1, cutoff=0.6)
    return Problem(
        path=path,
        message=f"'{member}' is not a member of the network '{network.id}'"
        + (f"; did you mean '{hint[0]}'?" if hint else ""),
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
    last: dict[str, dt.date],
    day: dt.date,
    noun: str = "gastheer",
) -> tuple[str | None, Reason]:
    if not members:
        return None, Reason(
            code="no-members",
            en="the network has no members to host",
            nl=f"het netwerk heeft geen leden die {noun} kunnen zijn",
        )
    candidates = [m for m in members if m not in never and (m, day) not in on_day]
    if not candidates:
        return None, Reason(
            code="no-host",
            en="no member can host on this day",
            nl=f"geen lid kan op deze dag {noun} zijn",
        )

    def key(member: str) -> tuple[int, int, dt.date, int]:
        offered = volunteers.index(member) if member in volunteers else len(volunteers)
        return hosted[member], offered, last.get(member, dt.date.min), members.index(member)

    host = min(candidates, key=key)
    times = hosted[host]
    if host in volunteers:
        return host, Reason(
            code="volunteer",
            en=f"volunteered, and hosted {times} time{'s' if times != 1 else ''} before",
            nl=f"bood zich aan, en was {times} keer eerder {noun}",
        )
    return host, Reason(
        code="hosted-least",
        en=f"has hosted least: {times} time{'s' if times != 1 else ''} before",
        nl=f"was het minst vaak {noun}: {times} keer eerder",
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

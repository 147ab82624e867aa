"""The status of an initiative on a day: its duration, milestones, meetings and horizon."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any, ClassVar, Literal, Protocol, TypeAlias

from attrs import evolve, field, frozen

from democratie.errors import MonitorError
from democratie.model import Evaluation, Initiative, Landscape, Meeting, Network
from democratie.monitor._common import (
    DUE_SOON_DAYS,
    AsOf,
    Lang,
    MilestoneState,
    find_initiative,
    milestone_state,
    months_between,
    resolve_as_of,
)
from democratie.monitor._evaluations import EvaluationMoment, MomentKind, schedule_evaluations
from democratie.vocab import MeetingKind

__all__ = [
    "Duration",
    "EvaluationCheck",
    "Evaluations",
    "Horizon",
    "MeetingCheck",
    "Meetings",
    "MilestoneCheck",
    "Milestones",
    "MomentCheck",
    "Status",
    "StatusSection",
    "status",
]

#: Where an initiative is in its planned duration on a day.
Stage: TypeAlias = Literal["not_started", "running", "past_planned_end", "unknown"]

#: Where a meeting stands on a day: held, still planned, or not recorded either way.
MeetingState: TypeAlias = Literal["held", "planned", "unknown"]

#: Where a proposed evaluation moment stands on a day: covered by an evaluation held by
#: then, passed without one, coming within the days of *soon_days*, or later.
MomentState: TypeAlias = Literal["held", "missed", "due_soon", "not_due"]

_WORDS: dict[str, dict[str, str]] = {
    "nl": {
        "duration": "Looptijd",
        "milestones": "Mijlpalen",
        "meetings": "Bijeenkomsten",
        "horizon": "Horizon",
        "no_start": "geen startdatum vastgelegd: de maanden zijn niet te tellen",
        "not_started": "nog niet begonnen (start {start})",
        "running": "maand {elapsed} van {planned} (gestart {start})",
        "running_open": "maand {elapsed}, geen looptijd vastgelegd (gestart {start})",
        "past_planned_end": "{elapsed} maanden na de start, voorbij het geplande einde ({end})",
        "planned_only": "{planned} maanden gepland",
        "milestones_summary": (
            "{done} bereikt, {due} nog te gaan (waarvan {soon} binnenkort), {overdue} over "
            "tijd, {unknown} zonder te bepalen termijn"
        ),
        "no_milestones": "geen mijlpalen vastgelegd",
        "meetings_summary": "{held} gehouden, {planned} gepland, {unknown} onbekend",
        "no_meetings": "geen bijeenkomsten vastgelegd",
        "horizon_summary": "{date} ({label}): {elapsed} van {total} maanden ({percent})",
        "horizon_no_start": "{date} ({label}): zonder startdatum niet te meten",
        "no_horizon": "geen termijn vastgelegd",
        "horizon_months": (
            "{total} maanden na de start ({label}); zonder startdatum is dat geen datum"
        ),
        "planned_end": "gepland einde",
        "done": "bereikt",
        "overdue": "over tijd",
        "due_soon": "binnenkort",
        "not_due": "nog niet aan de beurt",
        "unknown": "onbekend",
        "held": "gehouden",
        "planned": "gepland",
        "date_passed": "datum voorbij, niet als gehouden vastgelegd",
        "title": "titel",
        "due": "uiterlijk",
        "reached": "bereikt op",
        "state": "stand",
        "meeting": "bijeenkomst",
        "kind": "soort",
        "date": "datum",
        "host": "gastheer",
        "of": "van",
        "no_host": "nog geen",
        "not_recorded": "niet vastgelegd",
        "late": "te laat",
        "days_over": "{n} dagen over tijd",
        "days_left": "nog {n} dagen",
        "evaluations": "Evaluaties",
        "evaluations_held": "{held} gehouden",
        "evaluations_summary": "{held} gehouden; {missed} moment(en) voorbij zonder evaluatie",
        "evaluations_next": "volgende: {date} ({reason})",
        "evaluations_none_left": "geen moment meer te gaan",
        "no_evaluations": "geen evaluaties vastgelegd",
        "no_schedule": "geen schema: {why}",
        "undated": "zonder datum",
        "evaluation": "evaluatie",
        "missed": "voorbij zonder evaluatie",
        "by": "door",
        "closes_milestone": "sluit mijlpaal '{title}' af",
        "closes_phase": "sluit de fase {title} af",
        "every": "elke {n} maanden",
        "why_no_start": "er is geen startdatum vastgelegd",
        "why_no_horizon": "er is geen einde, looptijd of mijlpaal met termijn vastgelegd",
    },
    "en": {
        "duration": "Duration",
        "milestones": "Milestones",
        "meetings": "Meetings",
        "horizon": "Horizon",
        "no_start": "no start date recorded: the months cannot be counted",
        "not_started": "not started yet (starts {start})",
        "running": "month {elapsed} of {planned} (started {start})",
        "running_open": "month {elapsed}, no duration recorded (started {start})",
        "past_planned_end": "{elapsed} months after the start, past the planned end ({end})",
        "planned_only": "{planned} months planned",
        "milestones_summary": (
            "{done} done, {due} to come ({soon} due soon), {overdue} overdue, {unknown} "
            "without a due date that can be told"
        ),
        "no_milestones": "no milestones recorded",
        "meetings_summary": "{held} held, {planned} planned, {unknown} unknown",
        "no_meetings": "no meetings recorded",
        "horizon_summary": "{date} ({label}): {elapsed} of {total} months ({percent})",
        "horizon_no_start": "{date} ({label}): cannot be measured without a start date",
        "no_horizon": "no deadline recorded",
        "horizon_months": "{total} months after the start ({label}); without a start date, no date",
        "planned_end": "planned end",
        "done": "done",
        "overdue": "overdue",
        "due_soon": "due soon",
        "not_due": "not due yet",
        "unknown": "unknown",
        "held": "held",
        "planned": "planned",
        "date_passed": "date passed, not recorded as held",
        "title": "title",
        "due": "due",
        "reached": "reached on",
        "state": "state",
        "meeting": "meeting",
        "kind": "kind",
        "date": "date",
        "host": "host",
        "of": "of",
        "no_host": "none yet",
        "not_recorded": "not recorded",
        "late": "late",
        "days_over": "{n} days overdue",
        "days_left": "{n} days left",
        "evaluations": "Evaluations",
        "evaluations_held": "{held} held",
        "evaluations_summary": "{held} held; {missed} moment(s) passed without an evaluation",
        "evaluations_next": "next: {date} ({reason})",
        "evaluations_none_left": "no moment left to come",
        "no_evaluations": "no evaluations recorded",
        "no_schedule": "no schedule: {why}",
        "undated": "undated",
        "evaluation": "evaluation",
        "missed": "passed without an evaluation",
        "by": "by",
        "closes_milestone": "closes milestone '{title}'",
        "closes_phase": "closes the phase {title}",
        "every": "every {n} months",
        "why_no_start": "no start date is recorded",
        "why_no_horizon": "no end, duration or milestone with a due date is recorded",
    },
}


def _w(lang: Lang, key: str, /, **values: object) -> str:
    words = _WORDS["nl" if lang == "nl" else "en"]
    return words[key].format(**values) if values else words[key]


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


class StatusSection(Protocol):
    """What every part of a :class:`Status` offers, so that a new part needs nothing else.

    The text of :meth:`Status.explain`, the JSON of :meth:`Status.to_dict` and the tables of
    ``democratie status`` are made from the sections, one after the other; a section for
    evaluations (held and due) fits in by offering the same.

    Examples
    --------
    >>> import datetime as dt
    >>> import democratie
    >>> from democratie.monitor import status
    >>> land = democratie.load("examples/m50-leerkring-waalwijk.toml")
    >>> found = status(land, "m50-leerkring-initiatief", as_of=dt.date(2020, 3, 1))
    >>> [section.key for section in found.sections]
    ['duration', 'milestones', 'meetings', 'evaluations', 'horizon']
    >>> section: StatusSection = found.meetings
    >>> section.heading("en"), section.summary("en")
    ('Meetings', '1 held, 2 planned, 0 unknown')
    """

    key: ClassVar[str]

    def heading(self, lang: Lang = "en") -> str:
        """The section's name."""
        ...

    def summary(self, lang: Lang = "en") -> str:
        """The section in one line."""
        ...

    def table(self, lang: Lang = "en") -> tuple[list[str], list[list[str]]]:
        """The headers and rows of the section's table; no rows when there is nothing to list."""
        ...

    def to_dict(self) -> dict[str, Any]:
        """The section as plain data for JSON."""
        ...


@frozen(kw_only=True)
class Duration:
    """How far an initiative is in its planned duration.

    Parameters
    ----------
    start
        Its start (``period.start``), None when not recorded.
    planned_end
        When it is planned to end: ``duration_months`` after the start, else the period's end.
    planned_months
        Its planned length in months: ``duration_months``, else the length of its period.
    elapsed_months
        Whole months from the start to the day; 0 before the start; None without a start.
    stage
        not_started, running, past_planned_end, or unknown (no start).

    Examples
    --------
    >>> import datetime as dt
    >>> import democratie
    >>> from democratie.monitor import status
    >>> land = democratie.load("examples/m50-leerkring-waalwijk.toml")
    >>> duration = status(land, "m50-leerkring-initiatief", as_of=dt.date(2020, 6, 15)).duration
    >>> duration.elapsed_months, duration.planned_months, duration.stage
    (4, None, 'running')
    >>> duration.summary("en")
    'month 5, no duration recorded (started 2020-02-04)'
    """

    key: ClassVar[str] = "duration"
    start: dt.date | None
    planned_end: dt.date | None
    planned_months: int | None
    elapsed_months: int | None
    stage: Stage

    def heading(self, lang: Lang = "en") -> str:
        """The section's name."""
        return _w(lang, "duration")

    def summary(self, lang: Lang = "en") -> str:
        """The duration in one line: which month of how many, counting from one."""
        if self.start is None or self.elapsed_months is None:
            text = _w(lang, "no_start")
            if self.planned_months is not None:
                text += "; " + _w(lang, "planned_only", planned=self.planned_months)
            return text
        start = self.start.isoformat()
        if self.stage == "not_started":
            return _w(lang, "not_started", start=start)
        if self.stage == "past_planned_end":
            return _w(
                lang, "past_planned_end", elapsed=self.elapsed_months, end=_iso(self.planned_end)
            )
        if self.planned_months is None:
            return _w(lang, "running_open", elapsed=self.elapsed_months + 1, start=start)
        return _w(
            lang,
            "running",
            elapsed=min(self.elapsed_months + 1, self.planned_months),
            planned=self.planned_months,
            start=start,
        )

    def table(self, lang: Lang = "en") -> tuple[list[str], list[list[str]]]:
        """No table: the summary says it all."""
        return [], []

    def to_dict(self) -> dict[str, Any]:
        """The duration as plain data."""
        return {
            "start": _iso(self.start),
            "planned_end": _iso(self.planned_end),
            "planned_months": self.planned_months,
            "elapsed_months": self.elapsed_months,
            "stage": self.stage,
        }


@frozen(kw_only=True)
class MilestoneCheck:
    """One milestone on the day of a status.

    Parameters
    ----------
    title
        What is to be reached.
    due
        Its due date (its own, or ``due_within_months`` from the start); None when unknown.
    done
        When it was reached, if it was by the day of the status.
    state
        done, overdue, due_soon, not_due or unknown (:func:`milestone_state`).
    on_time
        For a milestone done with a known due date: whether it was reached by then.

    Examples
    --------
    >>> import datetime as dt
    >>> check = MilestoneCheck(title="Werkwijze ontworpen", due=dt.date(2020, 9, 1),
    ...                        state="overdue")
    >>> check.days_from(dt.date(2020, 10, 1)), check.state
    (-30, 'overdue')
    """

    title: str
    due: dt.date | None
    done: dt.date | None = None
    state: MilestoneState
    on_time: bool | None = None

    def days_from(self, day: dt.date) -> int | None:
        """Days from *day* to the due date: negative once it has passed; None without one."""
        return (self.due - day).days if self.due is not None else None

    def to_dict(self) -> dict[str, Any]:
        """The milestone as plain data.

        Examples
        --------
        >>> MilestoneCheck(title="x", due=None, state="unknown").to_dict()
        {'title': 'x', 'due': None, 'done': None, 'state': 'unknown', 'on_time': None}
        """
        return {
            "title": self.title,
            "due": _iso(self.due),
            "done": _iso(self.done),
            "state": self.state,
            "on_time": self.on_time,
        }


@frozen(kw_only=True)
class Milestones:
    """The milestones of an initiative on a day: done, to come, overdue.

    Parameters
    ----------
    day
        The day they are judged on.
    items
        Every milestone, in the order of the initiative.

    Examples
    --------
    >>> import datetime as dt
    >>> from attrs import evolve
    >>> import democratie
    >>> from democratie.model import Period
    >>> from democratie.monitor import status
    >>> land = democratie.load("examples/leusden-samenleving-voorop.toml")
    >>> challenge = land.get("samenleving-voorop-bestuur")
    >>> started = land.replace(evolve(challenge, period=Period(start=dt.date(2019, 9, 1))))
    >>> found = status(started, "samenleving-voorop-bestuur", as_of=dt.date(2020, 10, 1))
    >>> [(m.title, m.state) for m in found.milestones.items]
    [('nieuwe werkwijze ontworpen', 'overdue'), ('nieuwe werkwijze in gebruik', 'not_due')]
    >>> [m.title for m in found.milestones.overdue]
    ['nieuwe werkwijze ontworpen']
    """

    key: ClassVar[str] = "milestones"
    day: dt.date
    items: tuple[MilestoneCheck, ...] = ()

    def _in(self, *states: MilestoneState) -> tuple[MilestoneCheck, ...]:
        return tuple(m for m in self.items if m.state in states)

    @property
    def done(self) -> tuple[MilestoneCheck, ...]:
        """The milestones reached by the day."""
        return self._in("done")

    @property
    def due(self) -> tuple[MilestoneCheck, ...]:
        """The milestones still to come: due soon or later."""
        return self._in("due_soon", "not_due")

    @property
    def due_soon(self) -> tuple[MilestoneCheck, ...]:
        """The milestones due within :data:`~democratie.monitor.DUE_SOON_DAYS` days."""
        return self._in("due_soon")

    @property
    def overdue(self) -> tuple[MilestoneCheck, ...]:
        """The milestones past their due date and not reached."""
        return self._in("overdue")

    @property
    def unknown(self) -> tuple[MilestoneCheck, ...]:
        """The milestones not reached whose due date cannot be told."""
        return self._in("unknown")

    def heading(self, lang: Lang = "en") -> str:
        """The section's name."""
        return _w(lang, "milestones")

    def summary(self, lang: Lang = "en") -> str:
        """The counts in one line."""
        if not self.items:
            return _w(lang, "no_milestones")
        return _w(
            lang,
            "milestones_summary",
            done=len(self.done),
            due=len(self.due),
            soon=len(self.due_soon),
            overdue=len(self.overdue),
            unknown=len(self.unknown),
        )

    def table(self, lang: Lang = "en") -> tuple[list[str], list[list[str]]]:
        """One row per milestone: title, due date, when reached, where it stands."""
        headers = [_w(lang, "title"), _w(lang, "due"), _w(lang, "reached"), _w(lang, "state")]
        rows = []
        for item in self.items:
            state = _w(lang, item.state)
            days = item.days_from(self.day)
            if item.state == "overdue" and days is not None:
                state += f" ({_w(lang, 'days_over', n=-days)})"
            elif item.state == "due_soon" and days is not None:
                state += f" ({_w(lang, 'days_left', n=days)})"
            elif item.state == "done" and item.on_time is False:
                state += f" ({_w(lang, 'late')})"
            rows.append([item.title, _iso(item.due) or "", _iso(item.done) or "", state])
        return headers, rows

    def to_dict(self) -> dict[str, Any]:
        """The milestones as plain data, the overdue ones under ``overdue``."""
        return {
            "done": [m.to_dict() for m in self.done],
            "due": [m.to_dict() for m in self.due],
            "overdue": [m.to_dict() for m in self.overdue],
            "unknown": [m.to_dict() for m in self.unknown],
        }


@frozen(kw_only=True)
class MeetingCheck:
    """One meeting of an initiative (or of its network) on the day of a status.

    Parameters
    ----------
    id, title, kind, date, when
        The meeting's own facts.
    host
        The id of its host, None while nobody hosts it.
    host_name
        The host's name in the landscape.
    of
        The id of the initiative or network whose meeting it is.
    state
        held (recorded as held, on or before the day), planned (recorded as not held,
        or held after the day), or unknown (not recorded either way).
    date_passed
        For a planned meeting: its date has passed, and it is not recorded as held.

    Examples
    --------
    >>> import datetime as dt
    >>> import democratie
    >>> from democratie.monitor import status
    >>> land = democratie.load("examples/m50-leerkring-waalwijk.toml")
    >>> found = status(land, "m50-leerkring-initiatief", as_of=dt.date(2020, 3, 1))
    >>> kick_off = found.meetings.held[0]
    >>> kick_off.date, kick_off.of, kick_off.host_name
    (datetime.date(2020, 2, 4), 'm50-leerkring-democratische-vernieuwing', None)
    """

    id: str
    title: str
    kind: MeetingKind = field(converter=MeetingKind)
    date: dt.date | None = None
    when: str | None = None
    host: str | None = None
    host_name: str | None = None
    of: str
    state: MeetingState
    date_passed: bool = False

    def to_dict(self) -> dict[str, Any]:
        """The meeting as plain data.

        Examples
        --------
        >>> check = MeetingCheck(id="start", title="Start", kind="startbijeenkomst", of="i",
        ...                      state="planned")
        >>> check.to_dict()["kind"], check.to_dict()["state"]
        ('startbijeenkomst', 'planned')
        """
        return {
            "id": self.id,
            "title": self.title,
            "kind": self.kind.value,
            "date": _iso(self.date),
            "when": self.when,
            "host": self.host,
            "host_name": self.host_name,
            "of": self.of,
            "state": self.state,
            "date_passed": self.date_passed,
        }


@frozen(kw_only=True)
class Meetings:
    """The meetings of an initiative on a day: its own, its network's and its groups'.

    Parameters
    ----------
    items
        The initiative's own meetings, then those of the network it works through, then
        those of networks formed for it (learning groups), each in document order.

    Examples
    --------
    >>> import datetime as dt
    >>> import democratie
    >>> from democratie.monitor import status
    >>> land = democratie.load("examples/democratie-in-actie-noord-nederland.toml")
    >>> meetings = status(land, "dia-ontwikkeltraject-organisatieontwikkeling",
    ...                   as_of=dt.date(2019, 3, 1)).meetings
    >>> len(meetings.held), len(meetings.planned)
    (0, 5)
    """

    key: ClassVar[str] = "meetings"
    items: tuple[MeetingCheck, ...] = ()

    @property
    def held(self) -> tuple[MeetingCheck, ...]:
        """The meetings held by the day."""
        return tuple(m for m in self.items if m.state == "held")

    @property
    def planned(self) -> tuple[MeetingCheck, ...]:
        """The meetings still planned on the day."""
        return tuple(m for m in self.items if m.state == "planned")

    @property
    def unknown(self) -> tuple[MeetingCheck, ...]:
        """The meetings not recorded as held or as planned."""
        return tuple(m for m in self.items if m.state == "unknown")

    def heading(self, lang: Lang = "en") -> str:
        """The section's name."""
        return _w(lang, "meetings")

    def summary(self, lang: Lang = "en") -> str:
        """The counts in one line."""
        if not self.items:
            return _w(lang, "no_meetings")
        return _w(
            lang,
            "meetings_summary",
            held=len(self.held),
            planned=len(self.planned),
            unknown=len(self.unknown),
        )

    def table(self, lang: Lang = "en") -> tuple[list[str], list[list[str]]]:
        """One row per meeting: title, kind, date (or when), host, where it stands."""
        headers = [
            _w(lang, "meeting"),
            _w(lang, "kind"),
            _w(lang, "date"),
            _w(lang, "host"),
            _w(lang, "state"),
        ]
        rows = []
        for item in self.items:
            state = _w(lang, item.state)
            if item.date_passed:
                state += f" ({_w(lang, 'date_passed')})"
            rows.append(
                [
                    item.title,
                    item.kind.label(lang),
                    _iso(item.date) or item.when or "",
                    item.host_name
                    or _w(lang, "not_recorded" if item.state == "held" else "no_host"),
                    state,
                ]
            )
        return headers, rows

    def to_dict(self) -> dict[str, Any]:
        """The meetings as plain data, held and planned apart."""
        return {
            "held": [m.to_dict() for m in self.held],
            "planned": [m.to_dict() for m in self.planned],
            "unknown": [m.to_dict() for m in self.unknown],
        }


@frozen(kw_only=True)
class EvaluationCheck:
    """One evaluation held by the day of a status.

    Parameters
    ----------
    date
        When it was held; None for an evaluation recorded without a date (a file's
        ``evaluated = true`` loads as one).
    by, by_name
        Who evaluated, as an id and as a name; None when not recorded.
    method
        How (``reflectiebijeenkomst``, ``enquête``), in words.
    findings
        What it found.
    closes
        The milestone (its title) or phase (its label) it closes, if any.
    closes_kind
        ``milestone`` or ``phase``: what *closes* names.

    Examples
    --------
    >>> import datetime as dt
    >>> check = EvaluationCheck(date=dt.date(2019, 4, 1), by="lochem", by_name="Lochem",
    ...                         method="reflectiebijeenkomst")
    >>> check.to_dict()["date"], check.to_dict()["by"]
    ('2019-04-01', 'lochem')
    """

    date: dt.date | None
    by: str | None = None
    by_name: str | None = None
    method: str | None = None
    findings: str | None = None
    closes: str | None = None
    closes_kind: Literal["milestone", "phase"] | None = None

    def to_dict(self) -> dict[str, Any]:
        """The evaluation as plain data."""
        return {
            "date": _iso(self.date),
            "by": self.by,
            "by_name": self.by_name,
            "method": self.method,
            "findings": self.findings,
            "closes": self.closes,
            "closes_kind": self.closes_kind,
        }


@frozen(kw_only=True)
class MomentCheck:
    """One moment of the evaluation schedule on the day of a status.

    Parameters
    ----------
    date
        The day proposed (:func:`~democratie.monitor.schedule_evaluations`).
    kinds
        Why it is proposed (:data:`~democratie.monitor.MomentKind`), one or more.
    reason_en, reason_nl
        Why, in words, in English and in Dutch.
    state
        held (an evaluation held by the day covers it), missed (it has passed without
        one), due_soon or not_due.
    covered_by
        For a moment held, the index in :attr:`Evaluations.held` of the evaluation that
        covers it.

    Examples
    --------
    >>> import datetime as dt
    >>> moment = MomentCheck(date=dt.date(2020, 3, 1), kinds=("interval",),
    ...                      reason_en="6 months after the start",
    ...                      reason_nl="6 maanden na de start", state="missed")
    >>> moment.reason("nl")
    '6 maanden na de start'
    >>> moment.to_dict()
    {'date': '2020-03-01', 'kinds': ['interval'], 'reason': '6 months after the start',
    'state': 'missed', 'covered_by': None}
    """

    date: dt.date
    kinds: tuple[MomentKind, ...]
    reason_en: str
    reason_nl: str
    state: MomentState
    covered_by: int | None = None

    def reason(self, lang: Lang = "en") -> str:
        """Why the moment is proposed, in words."""
        return self.reason_nl if lang == "nl" else self.reason_en

    def to_dict(self) -> dict[str, Any]:
        """The moment as plain data (the reason in English)."""
        return {
            "date": self.date.isoformat(),
            "kinds": list(self.kinds),
            "reason": self.reason_en,
            "state": self.state,
            "covered_by": self.covered_by,
        }


@frozen(kw_only=True)
class Evaluations:
    """The evaluations of an initiative on a day: those held, and the schedule's moments.

    The moments are those of :func:`~democratie.monitor.schedule_evaluations` (one every
    *every_months* months from the start, its end, its milestones' due dates), each judged
    against the evaluations held by the day; a moment with no evaluation after the one
    before it is *missed*. Without a start or a horizon there is no schedule, and
    *unscheduled* says what to record.

    Parameters
    ----------
    held
        The evaluations held by the day, in document order (undated ones included).
    moments
        The schedule's moments, by date.
    every_months
        The months between regular moments.
    unscheduled
        Why there is no schedule, in words; None when there is one.

    Examples
    --------
    >>> import datetime as dt
    >>> from democratie.model import Evaluation, Initiative, Landscape, Period
    >>> pilot = Initiative(id="pilot", title="Wijkbudget", kind="wijkbudget",
    ...     period=Period(start=dt.date(2021, 1, 1), end=dt.date(2021, 12, 31)),
    ...     evaluations=(Evaluation(date=dt.date(2021, 6, 20), method="enquête"),))
    >>> from democratie.monitor import status
    >>> found = status(Landscape(initiatives=(pilot,)), "pilot", as_of=dt.date(2022, 1, 15))
    >>> found.evaluations.summary("en")
    '1 held; 1 moment(s) passed without an evaluation; no moment left to come'
    >>> [(m.date.isoformat(), m.state) for m in found.evaluations.moments]
    [('2021-07-01', 'held'), ('2021-12-31', 'missed')]
    """

    key: ClassVar[str] = "evaluations"
    day: dt.date
    held: tuple[EvaluationCheck, ...] = ()
    moments: tuple[MomentCheck, ...] = ()
    every_months: int = 6
    unscheduled: Literal["no_start", "no_horizon"] | None = None

    @property
    def missed(self) -> tuple[MomentCheck, ...]:
        """The moments passed without an evaluation."""
        return tuple(m for m in self.moments if m.state == "missed")

    @property
    def next(self) -> MomentCheck | None:
        """The first moment still to come, if any."""
        return next((m for m in self.moments if m.state in ("due_soon", "not_due")), None)

    def heading(self, lang: Lang = "en") -> str:
        """The section's name."""
        return _w(lang, "evaluations")

    def summary(self, lang: Lang = "en") -> str:
        """Held, missed and the next moment in one line; or why there is no schedule."""
        if self.unscheduled is not None:
            why = _w(lang, "why_" + self.unscheduled)
            held = (
                _w(lang, "evaluations_held", held=len(self.held))
                if self.held
                else _w(lang, "no_evaluations")
            )
            return f"{held}; {_w(lang, 'no_schedule', why=why)}"
        text = _w(lang, "evaluations_summary", held=len(self.held), missed=len(self.missed))
        upcoming = self.next
        if upcoming is None:
            return f"{text}; {_w(lang, 'evaluations_none_left')}"
        coming = _w(
            lang, "evaluations_next", date=upcoming.date.isoformat(), reason=upcoming.reason(lang)
        )
        return f"{text}; {coming}"

    def table(self, lang: Lang = "en") -> tuple[list[str], list[list[str]]]:
        """One row per moment and per evaluation held, by date: date, what, where it stands.

        A moment an evaluation covers names that evaluation; an evaluation that covers no
        moment has a row of its own.
        """
        headers = [_w(lang, "date"), _w(lang, "evaluation"), _w(lang, "state")]
        dated: list[tuple[dt.date, int, list[str]]] = []
        undated: list[list[str]] = []
        covering = {m.covered_by for m in self.moments if m.covered_by is not None}
        for moment in self.moments:
            state = _w(lang, moment.state)
            if moment.covered_by is not None and moment.covered_by < len(self.held):
                item = self.held[moment.covered_by]
                state += f": {_iso(item.date) or _w(lang, 'undated')}"
                what = self._what(item, lang)
                state += f" ({what})" if what else ""
            dated.append((moment.date, 0, [moment.date.isoformat(), moment.reason(lang), state]))
        for index, item in enumerate(self.held):
            if index in covering:
                continue
            row = [_iso(item.date) or _w(lang, "undated"), self._what(item, lang), _w(lang, "held")]
            if item.date is None:
                undated.append(row)
            else:
                dated.append((item.date, 1, row))
        rows = [row for _, _, row in sorted(dated, key=lambda entry: (entry[0], entry[1]))]
        return headers, rows + undated

    @staticmethod
    def _what(item: EvaluationCheck, lang: Lang) -> str:
        return ", ".join(
            part
            for part in (
                item.method,
                f"{_w(lang, 'by')} {item.by_name or item.by}" if item.by else None,
                _w(lang, f"closes_{item.closes_kind}", title=item.closes)
                if item.closes and item.closes_kind
                else None,
            )
            if part
        )

    def to_dict(self) -> dict[str, Any]:
        """The evaluations as plain data: held, the schedule, and what was missed."""
        return {
            "held": [e.to_dict() for e in self.held],
            "every_months": self.every_months,
            "unscheduled": self.unscheduled,
            "moments": [m.to_dict() for m in self.moments],
            "missed": [m.to_dict() for m in self.missed],
            "next": self.next.to_dict() if self.next is not None else None,
        }


@frozen(kw_only=True)
class Horizon:
    """The furthest deadline of an initiative, and how far along the way to it the day is.

    The horizon is the later of its planned end (the end of its period, else its start plus
    its planned duration) and the latest due date of its milestones (Leusden's "over 3 jaar
    moet die werkwijze staan"), as in :func:`~democratie.monitor.schedule_evaluations`.
    The model records no election dates, so the next elections ("vóór de volgende
    verkiezingen") are not part of it.

    Parameters
    ----------
    date
        The horizon; None when no date can be told (without a start, a deadline in months
        after it is still given in *total_months*).
    label
        What falls due then: the milestone's title, or "planned end".
    total_months
        Whole months from the start to the horizon.
    elapsed_months
        Whole months from the start to the day (0 before the start).
    fraction
        The share of the days from the start to the horizon that have passed, from 0 to 1.

    Examples
    --------
    >>> import datetime as dt
    >>> from attrs import evolve
    >>> import democratie
    >>> from democratie.model import Period
    >>> from democratie.monitor import status
    >>> land = democratie.load("examples/leusden-samenleving-voorop.toml")
    >>> challenge = land.get("samenleving-voorop-bestuur")
    >>> started = land.replace(evolve(challenge, period=Period(start=dt.date(2019, 9, 1))))
    >>> horizon = status(started, challenge.id, as_of=dt.date(2021, 3, 1)).horizon
    >>> horizon.date, horizon.elapsed_months, horizon.total_months, round(horizon.fraction, 2)
    (datetime.date(2022, 9, 1), 18, 36, 0.5)
    """

    key: ClassVar[str] = "horizon"
    date: dt.date | None
    label: str | None = None
    total_months: int | None = None
    elapsed_months: int | None = None
    fraction: float | None = None

    def heading(self, lang: Lang = "en") -> str:
        """The section's name."""
        return _w(lang, "horizon")

    def summary(self, lang: Lang = "en") -> str:
        """The horizon in one line."""
        if self.date is None:
            if self.total_months is not None:
                return _w(lang, "horizon_months", total=self.total_months, label=self.label)
            return _w(lang, "no_horizon")
        label = self.label if self.label is not None else _w(lang, "planned_end")
        if self.fraction is None or self.total_months is None or self.elapsed_months is None:
            return _w(lang, "horizon_no_start", date=self.date.isoformat(), label=label)
        return _w(
            lang,
            "horizon_summary",
            date=self.date.isoformat(),
            label=label,
            elapsed=min(self.elapsed_months, self.total_months),
            total=self.total_months,
            percent=f"{self.fraction:.0%}",
        )

    def table(self, lang: Lang = "en") -> tuple[list[str], list[list[str]]]:
        """No table: the summary says it all."""
        return [], []

    def to_dict(self) -> dict[str, Any]:
        """The horizon as plain data."""
        return {
            "date": _iso(self.date),
            "label": self.label,
            "total_months": self.total_months,
            "elapsed_months": self.elapsed_months,
            "fraction": self.fraction,
        }


@frozen(kw_only=True)
class Status:
    r"""Where an initiative stands on a day, section by section.

    Parameters
    ----------
    initiative
        The initiative's id.
    title
        Its title.
    as_of
        The day of the status, and whether it was today.
    duration, milestones, meetings, evaluations, horizon
        The sections, in the order :attr:`sections` gives them.

    Examples
    --------
    >>> import datetime as dt
    >>> import democratie
    >>> from democratie.monitor import status
    >>> land = democratie.load("examples/m50-leerkring-waalwijk.toml")
    >>> found = status(land, "m50-leerkring-initiatief", as_of=dt.date(2020, 3, 1))
    >>> print("\n".join(found.explain("en")))
    Leerkring democratische vernieuwing M50 (m50-leerkring-initiatief), as of 2020-03-01
      Duration: month 1, no duration recorded (started 2020-02-04)
      Milestones: no milestones recorded
      Meetings: 1 held, 2 planned, 0 unknown
        - held: Startbijeenkomst democratische vernieuwing (2020-02-04)
        - planned: Vervolgbijeenkomst: Thorbecke-experimenten (eind juni, het komend jaar (jaar
          niet vermeld)), host: none yet
        - planned: Vervolgbijeenkomst: the next step (december, het komend jaar (jaar niet
          vermeld)), host: none yet
      Evaluations: no evaluations recorded; no schedule: no end, duration or milestone with a
        due date is recorded
      Horizon: no deadline recorded
    >>> found.to_dict()["as_of"]
    {'date': '2020-03-01', 'today': False}
    """

    initiative: str
    title: str
    as_of: AsOf
    duration: Duration
    milestones: Milestones
    meetings: Meetings
    evaluations: Evaluations
    horizon: Horizon

    @property
    def sections(self) -> tuple[StatusSection, ...]:
        """The sections in order: duration, milestones, meetings, evaluations, horizon."""
        return (self.duration, self.milestones, self.meetings, self.evaluations, self.horizon)

    @property
    def overdue(self) -> tuple[MilestoneCheck, ...]:
        """The milestones past their due date and not reached by the day."""
        return self.milestones.overdue

    def headline(self, lang: Lang = "en") -> str:
        """The initiative and the day: ``Title (id), as of 2020-10-01``."""
        return f"{self.title} ({self.initiative}), {self.as_of.text(lang)}"

    def explain(self, lang: Lang = "en") -> list[str]:
        """The status in lines: the headline, then each section with what needs attention.

        Overdue and soon-due milestones, and every meeting, are listed under their section.
        """
        lines = [self.headline(lang)]
        for section in self.sections:
            lines.append(f"  {section.heading(lang)}: {section.summary(lang)}")
            lines.extend(f"    - {detail}" for detail in self._details(section, lang))
        return lines

    def _details(self, section: StatusSection, lang: Lang) -> Iterator[str]:
        if section is self.milestones:
            for item in (*self.milestones.overdue, *self.milestones.due_soon):
                yield f"{_w(lang, item.state)}: {item.title} ({_w(lang, 'due')} {_iso(item.due)})"
        elif section is self.meetings:
            for meeting in self.meetings.items:
                when = _iso(meeting.date) or meeting.when
                text = f"{_w(lang, meeting.state)}: {meeting.title}" + (
                    f" ({when})" if when else ""
                )
                if meeting.state != "held":
                    text += f", {_w(lang, 'host')}: {meeting.host_name or _w(lang, 'no_host')}"
                if meeting.date_passed:
                    text += f"; {_w(lang, 'date_passed')}"
                yield text
        elif section is self.evaluations:
            for moment in self.evaluations.missed:
                yield f"{_w(lang, 'missed')}: {moment.date.isoformat()} ({moment.reason(lang)})"

    def to_dict(self) -> dict[str, Any]:
        """The status as plain data for JSON: one key per section, after the initiative and day.

        Examples
        --------
        >>> import datetime as dt
        >>> import democratie
        >>> from democratie.monitor import status
        >>> land = democratie.load("examples/m50-leerkring-waalwijk.toml")
        >>> list(status(land, "m50-leerkring-initiatief", as_of=dt.date(2020, 3, 1)).to_dict())
        ['initiative', 'title', 'as_of', 'duration', 'milestones', 'meetings', 'evaluations',
        'horizon']
        """
        data: dict[str, Any] = {
            "initiative": self.initiative,
            "title": self.title,
            "as_of": self.as_of.to_dict(),
        }
        for section in self.sections:
            data[section.key] = section.to_dict()
        return data


def status(
    landscape: Landscape,
    initiative: str | Initiative,
    *,
    as_of: dt.date | None = None,
    soon_days: int = DUE_SOON_DAYS,
    every_months: int = 6,
    before: dt.date | None = None,
) -> Status:
    """Where an initiative stands on a day: months, milestones, meetings, evaluations, horizon.

    Leusden's challenge is "een intensief traject van één jaar", and "over 3 jaar moet die
    werkwijze staan"; Democratie in Actie's trajectory has "een doorlooptijd van in
    principe 1 jaar", with a start meeting, about three regional meetings and a closing
    one. The status says, on a given day, how many of the planned months have passed,
    which milestones are done, to come or overdue, which meetings were held and which are
    planned (with their hosts), which evaluations were held and which moments of the
    evaluation schedule (:func:`~democratie.monitor.schedule_evaluations`) passed without
    one, and how far along the way to the furthest deadline it is.

    A milestone past its due date and not reached by the day is overdue, by the one
    definition of :func:`~democratie.monitor.milestone_state` that the timeline rule of
    the scoring layer shares. Facts recorded for a later day (a milestone reached, a
    meeting held after *as_of*) do not count yet: the status is the one of that day.

    Parameters
    ----------
    landscape
        The landscape that holds the initiative.
    initiative
        The initiative, or its id.
    as_of
        The day; None means today, and the status says so (``status.as_of.today``).
    soon_days
        Milestones and evaluation moments due within this many days are due soon.
    every_months, before
        The evaluation schedule: a moment every so many months from the start, and one
        before a day such as the next election (see
        :func:`~democratie.monitor.schedule_evaluations`).

    Returns
    -------
    Status
        The status, section by section.

    Raises
    ------
    MonitorError
        When the landscape has no initiative with that id (at ``initiative``, with the
        nearest id), or *as_of* is not a date (at ``as_of``).

    Examples
    --------
    The Democratie in Actie trajectory lasts a year and its five meetings are all planned:

    >>> import datetime as dt
    >>> import democratie
    >>> from democratie.monitor import status
    >>> land = democratie.load("examples/democratie-in-actie-noord-nederland.toml")
    >>> found = status(land, "dia-ontwikkeltraject-organisatieontwikkeling",
    ...                as_of=dt.date(2019, 3, 1))
    >>> found.duration.planned_months, found.duration.stage
    (12, 'unknown')
    >>> [m.kind.value for m in found.meetings.planned][:2]
    ['startbijeenkomst', 'regionale_bijeenkomst']
    >>> status(land, "dia-traject")
    Traceback (most recent call last):
        ...
    democratie.errors.MonitorError: initiative: 'dia-traject' is not an initiative in the
    landscape
    """
    day = resolve_as_of(as_of)
    found = find_initiative(landscape, initiative)
    start = found.period.start
    planned_months = (
        found.duration_months if found.duration_months is not None else found.period.months()
    )
    planned_end = found.end_date()  # the recorded end first, else the start plus the duration
    return Status(
        initiative=found.id,
        title=found.title,
        as_of=day,
        duration=_duration(start, planned_end, planned_months, day.date),
        milestones=_milestones(found, day.date, soon_days),
        meetings=Meetings(items=tuple(_meetings(landscape, found, day.date))),
        evaluations=_evaluations(landscape, found, day.date, soon_days, every_months, before),
        horizon=_horizon(found, start, planned_end, day.date),
    )


def _duration(
    start: dt.date | None, planned_end: dt.date | None, planned_months: int | None, day: dt.date
) -> Duration:
    if start is None:
        return Duration(
            start=None,
            planned_end=planned_end,
            planned_months=planned_months,
            elapsed_months=None,
            stage="unknown",
        )
    stage: Stage = "running"
    if day < start:
        stage = "not_started"
    elif planned_end is not None and day > planned_end:
        stage = "past_planned_end"
    return Duration(
        start=start,
        planned_end=planned_end,
        planned_months=planned_months,
        elapsed_months=max(0, months_between(start, day)),
        stage=stage,
    )


def _milestones(initiative: Initiative, day: dt.date, soon_days: int) -> Milestones:
    start = initiative.period.start
    items = []
    for milestone in initiative.milestones:
        state = milestone_state(milestone, start, day, soon_days=soon_days)
        due = milestone.due_date(start)
        done = milestone.done if state == "done" else None
        on_time = done <= due if done is not None and due is not None else None
        items.append(
            MilestoneCheck(title=milestone.title, due=due, done=done, state=state, on_time=on_time)
        )
    return Milestones(day=day, items=tuple(items))


def _meeting_sources(
    landscape: Landscape, initiative: Initiative
) -> Iterator[tuple[str, tuple[Meeting, ...]]]:
    yield initiative.id, initiative.meetings
    seen = set()
    if initiative.network is not None and initiative.network in landscape:
        network = landscape.get(initiative.network)
        if isinstance(network, Network):
            seen.add(network.id)
            yield network.id, network.meetings
    for network in landscape.networks:
        if network.initiative == initiative.id and network.id not in seen:
            yield network.id, network.meetings


def _meetings(landscape: Landscape, initiative: Initiative, day: dt.date) -> Iterator[MeetingCheck]:
    for of, meetings in _meeting_sources(landscape, initiative):
        for meeting in meetings:
            later = meeting.date is not None and meeting.date > day
            state: MeetingState
            if meeting.held is True:
                state = "planned" if later else "held"
            elif meeting.held is False:
                state = "planned"
            else:
                state = "planned" if later else "unknown"
            passed = (
                state == "planned"
                and meeting.held is False
                and meeting.date is not None
                and meeting.date < day
            )
            host_name = None
            if meeting.host is not None and meeting.host in landscape:
                host_name = landscape.name_of(meeting.host)
            yield MeetingCheck(
                id=meeting.id,
                title=meeting.title,
                kind=meeting.kind,
                date=meeting.date,
                when=meeting.when,
                host=meeting.host,
                host_name=host_name,
                of=of,
                state=state,
                date_passed=passed,
            )


def _horizon(
    initiative: Initiative, start: dt.date | None, planned_end: dt.date | None, day: dt.date
) -> Horizon:
    dated = [
        (due, m.title) for m in initiative.milestones if (due := m.due_date(start)) is not None
    ]
    date: dt.date | None
    label: str | None
    latest = max(dated, key=lambda pair: pair[0]) if dated else None
    if latest is not None and (planned_end is None or latest[0] >= planned_end):
        date, label = latest
    elif planned_end is not None:
        date, label = planned_end, None
    else:
        counted = [
            (m.due_within_months, m.title)
            for m in initiative.milestones
            if m.due is None and m.due_within_months is not None
        ]
        if not counted:
            return Horizon(date=None)
        months, title = max(counted, key=lambda pair: pair[0])
        return Horizon(date=None, label=title, total_months=months)
    if start is None or date <= start:
        return Horizon(date=date, label=label)
    total_days = (date - start).days
    fraction = min(1.0, max(0.0, (day - start).days / total_days))
    return Horizon(
        date=date,
        label=label,
        total_months=months_between(start, date),
        elapsed_months=max(0, months_between(start, day)),
        fraction=fraction,
    )


def _closes(evaluation: Evaluation) -> tuple[str | None, Literal["milestone", "phase"] | None]:
    if evaluation.closes_milestone is not None:
        return evaluation.closes_milestone, "milestone"
    if evaluation.closes_phase is not None:
        return evaluation.closes_phase.label_en, "phase"
    return None, None


def _evaluations(
    landscape: Landscape,
    initiative: Initiative,
    day: dt.date,
    soon_days: int,
    every_months: int,
    before: dt.date | None,
) -> Evaluations:
    """The evaluations held by *day*, and the schedule judged against only those."""
    held = tuple(e for e in initiative.evaluations if e.date is None or e.date <= day)
    checks = tuple(
        EvaluationCheck(
            date=e.date,
            by=e.by,
            by_name=landscape.name_of(e.by) if e.by is not None and e.by in landscape else None,
            method=e.method,
            findings=e.findings,
            closes=_closes(e)[0],
            closes_kind=_closes(e)[1],
        )
        for e in held
    )
    try:
        moments = schedule_evaluations(
            # Evolving re-checks the initiative: only when an evaluation is not held yet.
            initiative if held == initiative.evaluations else evolve(initiative, evaluations=held),
            every_months=every_months,
            before=before,
        )
    except MonitorError as error:
        paths = {problem.path for problem in error.problems}
        if paths & {"every_months", "lead_months"}:
            raise
        why: Literal["no_start", "no_horizon"] = (
            "no_start" if "initiative.period.start" in paths else "no_horizon"
        )
        return Evaluations(day=day, held=checks, every_months=every_months, unscheduled=why)
    return Evaluations(
        day=day,
        held=checks,
        moments=tuple(_moment(m, day, soon_days, initiative, before) for m in moments),
        every_months=every_months,
    )


_REASONS: dict[str, dict[str, str]] = {
    "en": {
        "interval": "{months} months after the start",
        "end_period": "the end of its period",
        "end_planned": "the end of its planned {months} months",
        "milestone": "milestone '{title}' is due",
        "election": "{months} months before {day}",
    },
    "nl": {
        "interval": "{months} maanden na de start",
        "end_period": "het einde van de looptijd",
        "end_planned": "het einde van de geplande {months} maanden",
        "milestone": "mijlpaal '{title}' valt dan",
        "election": "{months} maanden vóór {day}",
    },
}


def _reason(
    lang: Lang, moment: EvaluationMoment, initiative: Initiative, before: dt.date | None
) -> str:
    """Why a moment is proposed, in *lang*: the words of the schedule, kind by kind."""
    words = _REASONS[lang]
    start = initiative.period.start
    assert start is not None  # a schedule exists only for an initiative with a start
    origins = moment.origins or (moment.date,) * len(moment.kinds)
    parts: list[str] = []
    titles_done: set[str] = set()
    for kind, origin in zip(moment.kinds, origins, strict=True):
        if kind == "interval":
            parts.append(words["interval"].format(months=months_between(start, origin)))
        elif kind == "end":
            if initiative.period.end is not None:
                parts.append(words["end_period"])
            else:
                parts.append(words["end_planned"].format(months=initiative.duration_months))
        elif kind == "milestone":
            for m in initiative.milestones:
                if m.due_date(start) == origin and m.title not in titles_done:
                    titles_done.add(m.title)
                    parts.append(words["milestone"].format(title=m.title))
                    break
        elif before is not None:
            months = months_between(origin, before)
            parts.append(words["election"].format(months=months, day=before.isoformat()))
    return "; ".join(parts)


def _moment(
    moment: EvaluationMoment,
    day: dt.date,
    soon_days: int,
    initiative: Initiative,
    before: dt.date | None,
) -> MomentCheck:
    state: MomentState
    if moment.covered:
        state = "held"
    elif moment.date < day:
        state = "missed"
    elif (moment.date - day).days <= soon_days:
        state = "due_soon"
    else:
        state = "not_due"
    return MomentCheck(
        date=moment.date,
        kinds=moment.kinds,
        reason_en=_reason("en", moment, initiative, before),
        reason_nl=_reason("nl", moment, initiative, before),
        state=state,
        covered_by=moment.covered_by,
    )

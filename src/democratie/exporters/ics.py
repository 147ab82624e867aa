r"""iCalendar (RFC 5545): the dated meetings of a landscape, as all-day events.

Every meeting of an initiative or a network that has a date becomes one ``VEVENT``:

=====================  =============================================================================
property               what it holds
=====================  =============================================================================
``UID``                ``<meeting id>@<owner id>.democratie``, the owner being the initiative or
                       network the meeting belongs to: the same meeting keeps its UID from one
                       export to the next, so a calendar program updates it instead of adding it
``DTSTAMP``            the meeting's date at 00:00:00 UTC; never the time of the export, so that the
                       same landscape gives the same bytes
``DTSTART``            the date (``VALUE=DATE``): an all-day event
``DTEND``              the next day (``VALUE=DATE``); left out for a meeting on 31 December 9999,
                       which RFC 5545 then takes as one day too
``SUMMARY``            the title
``LOCATION``           the location, when the landscape gives one
``DESCRIPTION``        in Dutch, one line each: the kind of meeting (``Soort``), the initiative or
                       network it belongs to (``Initiatief`` or ``Netwerk``), the host's name
                       (``Gastheer``), the timing in words (``Wanneer``), the number of people who
                       attended (``Aanwezigen``) and the themes (``Thema's``), one a line
``STATUS``             ``CONFIRMED`` for a meeting that was held, ``TENTATIVE`` for one still
                       planned (``held = false``); left out when the landscape does not say
``CATEGORIES``         the kind of meeting, as its slug (``startbijeenkomst``)
``X-DEMOCRATIE-HOST``  the id of the host, when there is one (``ORGANIZER`` takes only a calendar
                       address, so the host's name is in the description)
=====================  =============================================================================

The calendar has ``VERSION:2.0``, ``PRODID:-//democratie//democratie <version>//NL``,
``CALSCALE:GREGORIAN`` and a name, ``X-WR-CALNAME``: the landscape's title (or, without
one, the name of the only initiative or network with dated meetings, or else
``Bijeenkomsten``); a calendar of one initiative or network is named after it.

Meetings without a date are left out: a calendar has no place for "eind juni". When any
are, the calendar says how many in ``X-DEMOCRATIE-UNDATED`` (a count; absent when none
are), and :func:`undated_meetings` lists them. A landscape without dated meetings gives a
calendar without events.

The events come in the order of the landscape: the meetings of the initiatives, then
those of the networks, each in the order the document lists them. The text is written by
the `icalendar <https://icalendar.readthedocs.io>`_ library, which escapes commas,
semicolons, backslashes and line breaks and folds lines at 75 octets; lines end in
``\r\n``, as RFC 5545 asks, so the format is written as bytes. Meetings hold no contact
details, so ``include_private`` changes nothing; nor are the attendees written, only
their number.

:func:`democratie.exporters.export` writes one calendar with every dated meeting to a
destination that ends in ``.ics``, and otherwise a folder with one calendar per
initiative and per network that has dated meetings, ``<id>.ics``; :func:`ics_files` gives
those files. The folder replaces an earlier one only when it holds nothing but the files
of this export (see :class:`IcsExporter`).

Examples
--------
>>> import democratie
>>> land = democratie.loads('''
... format = "democratie/1"
... title = "Leerkring"
... [[municipalities]]
... id = "waalwijk"
... cbs_code = "GM0867"
... [[networks]]
... id = "leerkring"
... name = "M50"
... kind = "leerkring"
... members = ["waalwijk"]
... [[networks.meetings]]
... id = "kick-off"
... title = "Startbijeenkomst, met lunch"
... kind = "startbijeenkomst"
... date = 2020-02-04
... host = "waalwijk"
... location = "Waalwijk"
... held = true
... [[networks.meetings]]
... id = "vervolg"
... title = "Vervolgbijeenkomst"
... kind = "vervolgbijeenkomst"
... when = "eind juni"
... ''')
>>> print(ics_bytes(land).decode().replace("\r\n", "\n"), end="")
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//democratie//democratie ...//NL
CALSCALE:GREGORIAN
X-WR-CALNAME:Leerkring
X-DEMOCRATIE-UNDATED:1
BEGIN:VEVENT
UID:kick-off@leerkring.democratie
DTSTAMP:20200204T000000Z
DTSTART;VALUE=DATE:20200204
DTEND;VALUE=DATE:20200205
SUMMARY:Startbijeenkomst\, met lunch
LOCATION:Waalwijk
DESCRIPTION:Soort: Startbijeenkomst\nNetwerk: M50\nGastheer: Waalwijk
STATUS:CONFIRMED
CATEGORIES:startbijeenkomst
X-DEMOCRATIE-HOST:waalwijk
END:VEVENT
END:VCALENDAR
>>> list(ics_files(land)), [meeting.id for meeting in undated_meetings(land)]
(['leerkring.ics'], ['vervolg'])

The calendar says how many meetings were left out for want of a date
(:data:`UNDATED_PROPERTY`), the host of each event (:data:`HOST_PROPERTY`), and falls back
on :data:`DEFAULT_NAME` for a landscape without a title or a single owner:

>>> lines = ics_bytes(land).decode().splitlines()
>>> f"{UNDATED_PROPERTY}:1" in lines, f"{HOST_PROPERTY}:waalwijk" in lines
(True, True)
>>> untitled = democratie.loads('format = "democratie/1"')
>>> f"X-WR-CALNAME:{DEFAULT_NAME}" in ics_bytes(untitled).decode().splitlines()
True
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import IO, TYPE_CHECKING, Any, TypeAlias

from attrs import frozen

from democratie.exporters._common import ExportError, flag, package_version
from democratie.graph import StakeholderGraph
from democratie.model import Initiative, Landscape, Meeting, Network

if TYPE_CHECKING:
    from icalendar import Calendar, Event

__all__ = [
    "DEFAULT_NAME",
    "HOST_PROPERTY",
    "UNDATED_PROPERTY",
    "IcsExporter",
    "ics_bytes",
    "ics_calendar",
    "ics_files",
    "undated_meetings",
]

#: An initiative or a network: what a meeting belongs to.
Owner: TypeAlias = "Initiative | Network"

#: The event property that holds the id of the meeting's host.
HOST_PROPERTY = "X-DEMOCRATIE-HOST"
#: The calendar property that says how many meetings were left out for having no date.
UNDATED_PROPERTY = "X-DEMOCRATIE-UNDATED"
#: The name of a calendar of a landscape that has no title and more than one owner.
DEFAULT_NAME = "Bijeenkomsten"

_STATUS: Mapping[bool, str] = {True: "CONFIRMED", False: "TENTATIVE"}


def _owners(landscape: Landscape) -> tuple[Owner, ...]:
    return (*landscape.initiatives, *landscape.networks)


def _meetings(owners: tuple[Owner, ...]) -> Iterator[tuple[Owner, Meeting]]:
    for owner in owners:
        for meeting in owner.meetings:
            yield owner, meeting


def _owner_name(owner: Owner) -> str:
    return owner.title if isinstance(owner, Initiative) else owner.name


def undated_meetings(landscape: Landscape) -> tuple[Meeting, ...]:
    """The meetings a calendar of *landscape* leaves out because they have no date.

    Examples
    --------
    >>> from democratie.model import Landscape, Meeting, Network
    >>> from democratie.vocab import MeetingKind, NetworkKind
    >>> land = Landscape(networks=(Network(id="m50", name="M50", kind=NetworkKind.VERENIGING,
    ...     meetings=(Meeting(id="later", title="Later", kind=MeetingKind.WERKSESSIE),)),))
    >>> [meeting.id for meeting in undated_meetings(land)]
    ['later']
    """
    return tuple(m for _, m in _meetings(_owners(landscape)) if m.date is None)


def _name(landscape: Landscape, entity_id: str) -> str:
    try:
        return landscape.name_of(entity_id)
    except KeyError:  # pragma: no cover - a landscape's references always resolve
        return entity_id


def _description(landscape: Landscape, owner: Owner, meeting: Meeting) -> str:
    part_of = "Initiatief" if isinstance(owner, Initiative) else "Netwerk"
    lines = [f"Soort: {meeting.kind.label_nl}", f"{part_of}: {_owner_name(owner)}"]
    if meeting.host is not None:
        lines.append(f"Gastheer: {_name(landscape, meeting.host)}")
    if meeting.when is not None:
        lines.append(f"Wanneer: {meeting.when}")
    if meeting.attendance is not None:
        lines.append(f"Aanwezigen: {meeting.attendance}")
    if meeting.themes:
        lines.append("Thema's:")
        lines.extend(f"- {theme}" for theme in meeting.themes)
    return "\n".join(lines)


def _event(landscape: Landscape, owner: Owner, meeting: Meeting, day: dt.date) -> Event:
    # icalendar is imported when a calendar is written, not whenever a command starts.
    from icalendar import Event, vText

    event = Event()
    event.add("uid", vText(f"{meeting.id}@{owner.id}.democratie"))
    event.add("dtstamp", dt.datetime.combine(day, dt.time(0, 0), tzinfo=dt.timezone.utc))
    event.add("dtstart", day)
    if day < dt.date.max:
        event.add("dtend", day + dt.timedelta(days=1))
    event.add("summary", vText(meeting.title))
    if meeting.location is not None:
        event.add("location", vText(meeting.location))
    event.add("description", vText(_description(landscape, owner, meeting)))
    if meeting.held is not None:
        event.add("status", _STATUS[meeting.held])
    event.add("categories", [meeting.kind.value])
    if meeting.host is not None:
        event.add(HOST_PROPERTY, vText(meeting.host))
    return event


def _chosen(landscape: Landscape, owner: str | None) -> tuple[Owner, ...]:
    if owner is None:
        return _owners(landscape)
    try:
        found = landscape.get(owner)
    except KeyError:
        found = None
    if isinstance(found, (Initiative, Network)):
        return (found,)
    message = f"{owner!r} is not the id of an initiative or a network of the landscape"
    raise ExportError(message, format="ics")


def ics_calendar(landscape: Landscape, owner: str | None = None) -> Calendar:
    """Return the calendar of the dated meetings of *landscape*, as an icalendar object.

    Parameters
    ----------
    landscape
        Whose meetings.
    owner
        The id of an initiative or a network, for a calendar of its meetings only, named
        after it; by default every meeting of the landscape.

    Returns
    -------
    icalendar.Calendar
        To add to (alarms, say) before writing it with ``to_ical()``.

    Raises
    ------
    ExportError
        When *owner* is not the id of an initiative or a network.

    Examples
    --------
    >>> import datetime as dt
    >>> from democratie.model import Landscape, Meeting, Network
    >>> from democratie.vocab import MeetingKind, NetworkKind
    >>> land = Landscape(networks=(Network(id="m50", name="M50", kind=NetworkKind.VERENIGING,
    ...     meetings=(Meeting(id="kick-off", title="Kick-off", kind=MeetingKind.CONGRES,
    ...                       date=dt.date(2020, 2, 4)),)),))
    >>> calendar = ics_calendar(land, "m50")
    >>> [str(event["uid"]) for event in calendar.walk("VEVENT")]
    ['kick-off@m50.democratie']
    >>> str(calendar["x-wr-calname"])
    'M50'
    """
    owners = _chosen(landscape, owner)
    from icalendar import Calendar, vText

    calendar = Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", f"-//democratie//democratie {package_version()}//NL")
    calendar.add("calscale", "GREGORIAN")
    events: list[Event] = []
    undated = 0
    named: dict[str, str] = {}
    for who, meeting in _meetings(owners):
        if meeting.date is None:
            undated += 1
            continue
        named.setdefault(who.id, _owner_name(who))
        events.append(_event(landscape, who, meeting, meeting.date))
    if owner is not None:
        name = _owner_name(owners[0])
    elif landscape.title is not None:
        name = landscape.title
    else:
        name = next(iter(named.values())) if len(named) == 1 else DEFAULT_NAME
    calendar.add("x-wr-calname", vText(name))
    if undated:
        calendar.add(UNDATED_PROPERTY, vText(str(undated)))
    for event in events:
        calendar.add_component(event)
    return calendar


def ics_bytes(landscape: Landscape, owner: str | None = None) -> bytes:
    r"""Return the calendar of :func:`ics_calendar` as iCalendar text: UTF-8, ``\r\n`` line ends.

    Examples
    --------
    >>> from democratie.model import Landscape
    >>> ics_bytes(Landscape(title="Leeg")).splitlines()[:2]
    [b'BEGIN:VCALENDAR', b'VERSION:2.0']
    """
    data: bytes = ics_calendar(landscape, owner).to_ical(sorted=False)
    return data


def ics_files(landscape: Landscape) -> dict[str, bytes]:
    """Return one calendar per initiative and per network with dated meetings, by file name.

    Each is named after the id of its initiative or network (``m50.ics``), in the order of
    the landscape: the initiatives, then the networks. An initiative or network whose
    meetings all lack a date has no file.

    Examples
    --------
    >>> import datetime as dt
    >>> from democratie.model import Landscape, Meeting, Network
    >>> from democratie.vocab import MeetingKind, NetworkKind
    >>> land = Landscape(networks=(Network(id="m50", name="M50", kind=NetworkKind.VERENIGING,
    ...     meetings=(Meeting(id="kick-off", title="Kick-off", kind=MeetingKind.CONGRES,
    ...                       date=dt.date(2020, 2, 4)),)),))
    >>> list(ics_files(land))
    ['m50.ics']
    """
    return {
        f"{owner.id}.ics": ics_bytes(landscape, owner.id)
        for owner in _owners(landscape)
        if any(meeting.date is not None for meeting in owner.meetings)
    }


@frozen
class IcsExporter:
    """Writes the dated meetings as an iCalendar file (format ``"ics"``).

    :func:`democratie.exporters.export` writes one calendar with every dated meeting
    (see :func:`ics_bytes`) to a destination that ends in ``.ics``, and otherwise a
    folder with one calendar per initiative and network that has dated meetings (see
    :func:`ics_files`); through the exporter protocol, :meth:`export` writes the one
    calendar.

    The file names of a folder depend on the landscape, so :attr:`file_names` is empty:
    an existing folder is replaced only when it holds nothing but files this export
    writes. After an initiative or network is renamed, removed or left without dated
    meetings, write into a new or empty folder.

    Options: ``include_private`` (True or False; meetings hold no contact details, so it
    changes nothing). Other options are ignored.

    Examples
    --------
    >>> import democratie.examples
    >>> land = democratie.examples.load("m50-leerkring-waalwijk")
    >>> exporter = IcsExporter()
    >>> sorted(exporter.files(land, None, {}))
    ['m50-leerkring-democratische-vernieuwing.ics']
    >>> exporter.files(land, None, {})["m50-leerkring-democratische-vernieuwing.ics"][:15]
    b'BEGIN:VCALENDAR'
    """

    name = "ics"
    title = "iCalendar (RFC 5545): the dated meetings, as all-day events"
    suffixes = (".ics",)
    binary = True
    needs_graph = False
    #: No file name is certain before the landscape is known: see the class docstring.
    file_names = frozenset[str]()

    def files(
        self,
        landscape: Landscape,
        graph: StakeholderGraph | None,
        options: Mapping[str, Any],
    ) -> dict[str, bytes]:
        """Return one calendar per initiative and network by file name; see :func:`ics_files`."""
        flag(options, "include_private", format=self.name)
        return ics_files(landscape)

    def export(
        self,
        landscape: Landscape,
        graph: StakeholderGraph | None,
        destination: IO[Any],
        options: Mapping[str, Any],
    ) -> None:
        """Write the calendar of every dated meeting to a binary stream."""
        flag(options, "include_private", format=self.name)
        destination.write(ics_bytes(landscape))

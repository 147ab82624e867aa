"""The iCalendar export: the dated meetings as all-day events, read back with icalendar."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from attrs import evolve
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from icalendar import Calendar, Component, vText

import democratie
from democratie.exporters import (
    BUILTIN_EXPORTERS,
    ExportError,
    FolderExporter,
    IcsExporter,
    export,
    export_bytes,
    get_exporter,
)
from democratie.exporters.ics import (
    HOST_PROPERTY,
    UNDATED_PROPERTY,
    ics_bytes,
    ics_calendar,
    ics_files,
    undated_meetings,
)
from democratie.model import Landscape
from democratie.testing.contracts import check_exporter
from democratie.testing.strategies import landscapes

ROOT = Path(__file__).resolve().parents[1]
M50 = ROOT / "examples" / "m50-leerkring-waalwijk.toml"

NETWORK = """
format = "democratie/1"
title = "Leerkring Waalwijk en Zeist"

[[municipalities]]
id = "waalwijk"
cbs_code = "GM0867"

[[municipalities]]
id = "zeist"
cbs_code = "GM0355"

[[networks]]
id = "leerkring"
name = "Leerkring democratische vernieuwing"
kind = "leerkring"
members = ["waalwijk", "zeist"]

[[networks.meetings]]
id = "kick-off"
title = "Startbijeenkomst"
kind = "startbijeenkomst"
date = 2020-02-04
host = "waalwijk"
location = "Stadhuis Waalwijk"
attendance = 24
themes = ["experimenten delen", "is er behoefte aan een vervolg?"]
held = true

[[networks.meetings]]
id = "werksessie-zeist"
title = "Werksessie"
kind = "werksessie"
date = 2020-06-30
held = false

[[networks.meetings]]
id = "slot"
title = "Slotbijeenkomst"
kind = "slotbijeenkomst"
date = 2020-12-01

[[networks.meetings]]
id = "vervolg"
title = "Vervolgbijeenkomst"
kind = "vervolgbijeenkomst"
when = "eind juni, het komend jaar"
held = false
"""

INITIATIVE = """
[[initiatives]]
id = "experiment-zeist"
title = "Experiment wijkbudget Zeist"
kind = "experiment"
municipalities = ["zeist"]

[[initiatives.meetings]]
id = "wijkavond"
title = "Wijkavond"
kind = "werksessie"
date = 2021-03-15
host = "zeist"
"""

DAYS = {
    "kick-off": dt.date(2020, 2, 4),
    "werksessie-zeist": dt.date(2020, 6, 30),
    "slot": dt.date(2020, 12, 1),
}


@pytest.fixture(scope="module")
def land() -> Landscape:
    return democratie.loads(NETWORK)


@pytest.fixture(scope="module")
def both() -> Landscape:
    return democratie.loads(NETWORK + INITIATIVE)


def parse(data: bytes) -> Calendar:
    return Calendar.from_ical(data)


def events(calendar: Calendar) -> dict[str, Component]:
    """The events of a calendar by the meeting id that starts their UID."""
    found = {str(event["uid"]).split("@")[0]: event for event in calendar.walk("VEVENT")}
    assert len(found) == len(calendar.walk("VEVENT"))
    return found


def text(value: object) -> str:
    """The text of a property read back; icalendar leaves the escapes of X- properties in."""
    if isinstance(value, vText):
        return str(value)
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], str(value))


# --- one calendar ---------------------------------------------------------------------------


def test_the_calendar_parses_back_with_one_event_per_dated_meeting(land: Landscape) -> None:
    data = export_bytes(land, "ics")
    calendar = parse(data)
    found = events(calendar)
    assert list(found) == ["kick-off", "werksessie-zeist", "slot"]
    for meeting_id, day in DAYS.items():
        event = found[meeting_id]
        assert event.decoded("dtstart") == day
        assert event.decoded("dtend") == day + dt.timedelta(days=1)
        assert f"DTSTART;VALUE=DATE:{day:%Y%m%d}\r\n".encode() in data
        assert f"DTEND;VALUE=DATE:{day + dt.timedelta(days=1):%Y%m%d}\r\n".encode() in data
        assert event.decoded("dtstamp") == dt.datetime.combine(
            day, dt.time(0, 0), tzinfo=dt.timezone.utc
        )
    assert [str(e["summary"]) for e in found.values()] == [
        "Startbijeenkomst",
        "Werksessie",
        "Slotbijeenkomst",
    ]
    assert str(found["kick-off"]["location"]) == "Stadhuis Waalwijk"
    assert "location" not in found["werksessie-zeist"]
    assert "location" not in found["slot"]


def test_the_host_is_named_in_the_description_and_given_by_id(land: Landscape) -> None:
    found = events(parse(export_bytes(land, "ics")))
    kick_off = found["kick-off"]
    assert text(kick_off[HOST_PROPERTY]) == "waalwijk"
    assert "ORGANIZER" not in kick_off
    assert str(kick_off["description"]).split("\n") == [
        "Soort: Startbijeenkomst",
        "Netwerk: Leerkring democratische vernieuwing",
        "Gastheer: Waalwijk",
        "Aanwezigen: 24",
        "Thema's:",
        "- experimenten delen",
        "- is er behoefte aan een vervolg?",
    ]
    assert HOST_PROPERTY not in found["slot"]
    assert str(found["slot"]["description"]) == (
        "Soort: Slotbijeenkomst\nNetwerk: Leerkring democratische vernieuwing"
    )


def test_status_says_held_or_planned_and_the_kind_is_the_category(land: Landscape) -> None:
    found = events(parse(export_bytes(land, "ics")))
    assert str(found["kick-off"]["status"]) == "CONFIRMED"
    assert str(found["werksessie-zeist"]["status"]) == "TENTATIVE"
    assert "status" not in found["slot"]
    assert found["kick-off"]["categories"].to_ical() == b"startbijeenkomst"
    assert found["werksessie-zeist"]["categories"].to_ical() == b"werksessie"


def test_uids_are_unique_and_stable(land: Landscape) -> None:
    uids = [str(e["uid"]) for e in parse(export_bytes(land, "ics")).walk("VEVENT")]
    assert uids == [
        "kick-off@leerkring.democratie",
        "werksessie-zeist@leerkring.democratie",
        "slot@leerkring.democratie",
    ]
    # A meeting that is renamed and moved keeps its UID, so a calendar updates it.
    text_now = NETWORK.replace('title = "Slotbijeenkomst"', 'title = "Afsluiting"')
    changed = democratie.loads(text_now.replace("2020-12-01", "2020-12-08"))
    again = events(parse(export_bytes(changed, "ics")))
    assert str(again["slot"]["uid"]) == "slot@leerkring.democratie"
    assert str(again["slot"]["summary"]) == "Afsluiting"


def test_the_calendar_names_itself_and_counts_what_it_left_out(land: Landscape) -> None:
    data = export_bytes(land, "ics")
    calendar = parse(data)
    assert str(calendar["version"]) == "2.0"
    assert str(calendar["prodid"]) == f"-//democratie//democratie {democratie.__version__}//NL"
    assert str(calendar["calscale"]) == "GREGORIAN"
    assert text(calendar["x-wr-calname"]) == "Leerkring Waalwijk en Zeist"
    assert text(calendar[UNDATED_PROPERTY]) == "1"
    assert [m.id for m in undated_meetings(land)] == ["vervolg"]
    assert data.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:")


def test_without_a_title_the_calendar_is_named_after_its_only_network() -> None:
    untitled = democratie.loads(NETWORK.replace('title = "Leerkring Waalwijk en Zeist"\n', ""))
    calendar = parse(export_bytes(untitled, "ics"))
    assert text(calendar["x-wr-calname"]) == "Leerkring democratische vernieuwing"
    mixed = democratie.loads(
        NETWORK.replace('title = "Leerkring Waalwijk en Zeist"\n', "") + INITIATIVE
    )
    assert text(parse(export_bytes(mixed, "ics"))["x-wr-calname"]) == "Bijeenkomsten"


def test_the_same_landscape_gives_the_same_bytes(land: Landscape, tmp_path: Path) -> None:
    first = export_bytes(land, "ics")
    assert first == export_bytes(democratie.loads(NETWORK), "ics")
    one = export(land, "ics", tmp_path / "een.ics")
    two = export(democratie.loads(NETWORK), "ics", tmp_path / "twee.ics")
    assert one.read_bytes() == two.read_bytes() == first
    assert export_bytes(land, "ics", include_private=True) == first
    assert export_bytes(land, "ics", options={"generated": "2025-03-01"}) == first


def test_every_line_ends_in_crlf_and_is_at_most_75_octets(land: Landscape) -> None:
    data = export_bytes(land, "ics")
    assert data.endswith(b"END:VCALENDAR\r\n")
    lines = data.split(b"\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert max(len(line) for line in lines) <= 75


def test_text_with_commas_semicolons_line_breaks_and_non_ascii_comes_back_the_same(
    land: Landscape,
) -> None:
    title = 'Kick-off, deel 1; "samen" \\ verder: één café ☕ in Súdwest-Fryslân ' * 2
    location = "Raadzaal; Stadhuis, Markt 1, Waalwijk"
    theme = "wonen, zorg; welzijn"
    (network,) = land.networks
    kick_off = evolve(network.meetings[0], title=title.strip(), location=location, themes=(theme,))
    changed = land.replace(evolve(network, meetings=(kick_off, *network.meetings[1:])))
    data = export_bytes(changed, "ics")
    back = events(parse(data))["kick-off"]
    assert str(back["summary"]) == title.strip()
    assert str(back["location"]) == location
    assert str(back["description"]).endswith(f"Thema's:\n- {theme}")
    unfolded = data.replace(b"\r\n ", b"")
    assert 'SUMMARY:Kick-off\\, deel 1\\; "samen" \\\\ verder: één'.encode() in unfolded
    assert b"LOCATION:Raadzaal\\; Stadhuis\\, Markt 1\\, Waalwijk\r\n" in unfolded
    assert b"\\nGastheer: Waalwijk\\n" in unfolded
    # Folded at octets, never inside a character: every physical line is UTF-8 by itself.
    for line in data.split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")


def test_the_first_and_the_last_day_of_the_calendar_are_written() -> None:
    land = democratie.loads(
        NETWORK.replace("2020-02-04", "0001-01-01").replace("2020-12-01", "9999-12-31")
    )
    found = events(parse(export_bytes(land, "ics")))
    assert found["kick-off"].decoded("dtstart") == dt.date.min
    assert found["kick-off"].decoded("dtend") == dt.date(1, 1, 2)
    assert found["slot"].decoded("dtstart") == dt.date.max
    # RFC 5545: an all-day event without DTEND lasts one day.
    assert "dtend" not in found["slot"]


def test_a_landscape_without_dated_meetings_gives_a_calendar_without_events(
    tmp_path: Path,
) -> None:
    calendar = parse(export_bytes(Landscape(title="Leeg"), "ics"))
    assert calendar.walk("VEVENT") == []
    assert UNDATED_PROPERTY not in calendar
    assert text(calendar["x-wr-calname"]) == "Leeg"
    folder = export(Landscape(), "ics", tmp_path / "agenda")
    assert list(folder.iterdir()) == []


def test_include_private_must_be_true_or_false(land: Landscape) -> None:
    with pytest.raises(ExportError, match="'include_private' must be True or False"):
        export_bytes(land, "ics", include_private="yes")  # type: ignore[arg-type]


def test_a_calendar_of_one_network_and_an_unknown_owner(both: Landscape) -> None:
    calendar = ics_calendar(both, "experiment-zeist")
    assert list(events(calendar)) == ["wijkavond"]
    assert text(calendar["x-wr-calname"]) == "Experiment wijkbudget Zeist"
    assert str(events(calendar)["wijkavond"]["description"]).split("\n")[1] == (
        "Initiatief: Experiment wijkbudget Zeist"
    )
    with pytest.raises(ExportError, match="'zeist' is not the id of an initiative or a network"):
        ics_calendar(both, "zeist")


# --- a folder of calendars --------------------------------------------------------------------


def test_a_folder_gets_one_calendar_per_initiative_and_network(
    both: Landscape, tmp_path: Path
) -> None:
    folder = export(both, "ics", tmp_path / "agenda")
    assert sorted(p.name for p in folder.iterdir()) == ["experiment-zeist.ics", "leerkring.ics"]
    assert list(ics_files(both)) == ["experiment-zeist.ics", "leerkring.ics"]
    network = parse((folder / "leerkring.ics").read_bytes())
    assert list(events(network)) == ["kick-off", "werksessie-zeist", "slot"]
    assert text(network["x-wr-calname"]) == "Leerkring democratische vernieuwing"
    assert text(network[UNDATED_PROPERTY]) == "1"
    initiative = parse((folder / "experiment-zeist.ics").read_bytes())
    assert list(events(initiative)) == ["wijkavond"]
    assert UNDATED_PROPERTY not in initiative
    assert (folder / "leerkring.ics").read_bytes() == ics_bytes(both, "leerkring")
    # The .ics file holds them all, initiatives first, in the order of the landscape.
    single = export(both, "ics", tmp_path / "alles.ics")
    assert list(events(parse(single.read_bytes()))) == [
        "wijkavond",
        "kick-off",
        "werksessie-zeist",
        "slot",
    ]
    assert isinstance(get_exporter("ics"), FolderExporter)


def test_the_folder_is_replaced_as_a_whole_and_never_over_other_files(
    both: Landscape, land: Landscape, tmp_path: Path
) -> None:
    target = tmp_path / "agenda"
    export(land, "ics", target)
    export(both, "ics", target)
    assert sorted(p.name for p in target.iterdir()) == ["experiment-zeist.ics", "leerkring.ics"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["agenda"]
    # A calendar this export would not write again is not ours to remove.
    with pytest.raises(ExportError, match=r"holds files that this export did not write"):
        export(land, "ics", target)
    (tmp_path / "eigen").mkdir()
    (tmp_path / "eigen" / "verjaardagen.ics").write_bytes(b"BEGIN:VCALENDAR\r\n")
    with pytest.raises(ExportError, match=r"verjaardagen\.ics"):
        export(both, "ics", tmp_path / "eigen")
    assert sorted(p.name for p in (tmp_path / "eigen").iterdir()) == ["verjaardagen.ics"]


# --- the bundled example, the registry, the contract and the command line ---------------------


def test_the_m50_example_has_its_kick_off_in_the_calendar(tmp_path: Path) -> None:
    m50 = democratie.load(M50)
    calendar = parse(export_bytes(m50, "ics"))
    (kick_off,) = calendar.walk("VEVENT")
    assert kick_off.decoded("dtstart") == dt.date(2020, 2, 4)
    assert str(kick_off["summary"]) == "Startbijeenkomst democratische vernieuwing"
    assert str(kick_off["location"]) == "Waalwijk"
    assert str(kick_off["status"]) == "CONFIRMED"
    assert str(kick_off["uid"]) == (
        "m50-kick-off-democratische-vernieuwing@m50-leerkring-democratische-vernieuwing.democratie"
    )
    assert text(calendar["x-wr-calname"]) == m50.title
    assert text(calendar[UNDATED_PROPERTY]) == str(len(undated_meetings(m50))) == "4"
    folder = export(m50, "ics", tmp_path / "m50")
    assert [p.name for p in folder.iterdir()] == ["m50-leerkring-democratische-vernieuwing.ics"]


def test_the_exporter_is_built_in_and_offered_through_the_plugins() -> None:
    from democratie.plugins.builtin_exporters import democratie_exporters

    assert [e.name for e in BUILTIN_EXPORTERS][-1] == "ics"
    assert "ics" in [e.name for e in democratie_exporters()]
    offered = {e.name: e for e in democratie.plugins.exporters()}
    assert isinstance(offered["ics"], IcsExporter)
    assert get_exporter("ics").suffixes == (".ics",)
    assert get_exporter("ics").binary


def test_the_exporter_keeps_the_exporter_contract() -> None:
    check_exporter(IcsExporter(), options={"generated": "2025-03-01"}, max_examples=30)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)
@given(landscapes())
def test_every_dated_meeting_the_model_allows_is_one_event(land: Landscape) -> None:
    meetings = [m for i in land.initiatives for m in i.meetings]
    meetings += [m for n in land.networks for m in n.meetings]
    calendar = parse(export_bytes(land, "ics"))
    uids = [str(event["uid"]) for event in calendar.walk("VEVENT")]
    assert len(uids) == len(set(uids)) == sum(m.date is not None for m in meetings)
    assert len(undated_meetings(land)) == sum(m.date is None for m in meetings)
    folder = ics_files(land)
    assert sum(len(parse(data).walk("VEVENT")) for data in folder.values()) == len(uids)


def test_the_command_line_exports_a_calendar_and_a_folder(tmp_path: Path) -> None:
    # Importing _commands registers the subcommands on the group.
    from democratie.cli import _commands, cli  # noqa: F401

    runner = CliRunner()
    target = tmp_path / "m50.ics"
    result = runner.invoke(
        cli,
        ["export", str(M50), "--format", "ics", "--output", str(target)],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    assert "wrote" in result.output
    assert target.read_bytes() == export_bytes(democratie.load(M50), "ics")
    folder = tmp_path / "m50-agenda"
    result = runner.invoke(
        cli,
        ["export", str(M50), "--format", "ics", "--output", str(folder)],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    assert [p.name for p in folder.iterdir()] == ["m50-leerkring-democratische-vernieuwing.ics"]

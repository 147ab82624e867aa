"""``democratie status`` and ``democratie lessons``: following programmes over time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import click
from attrs import evolve

from democratie.cli._app import EXIT_OK, cli
from democratie.cli._common import (
    _as_of_line,
    _as_of_option,
    _day,
    _lang_option,
    _load,
    _settings,
    _strict_option,
)
from democratie.cli._output import echo_json, table
from democratie.errors import MonitorError

if TYPE_CHECKING:
    from democratie.monitor import Status

# The monitor layer is imported by the commands that use it, not here.

__all__: list[str] = []

#: The command-line option of each argument the monitor names in its problems.
_OPTIONS = {"initiative": "--initiative", "for_initiative": "--for", "top": "--top"}


@contextmanager
def _options() -> Iterator[None]:
    """Say the monitor's problems in the words of the command line (``--initiative``)."""
    try:
        yield
    except MonitorError as error:
        problems = [
            evolve(problem, path=_OPTIONS.get(problem.path, problem.path))
            for problem in error.problems
        ]
        raise MonitorError(problems) from None


def _indented(text: str, by: str = "  ") -> str:
    return "\n".join(by + line if line else line for line in text.splitlines())


def _status_text(found: Status, lang: str) -> str:
    language: Literal["nl", "en"] = "nl" if lang == "nl" else "en"
    lines = [f"{found.title} ({found.initiative})"]
    for section in found.sections:
        lines.append(f"  {section.heading(language)}: {section.summary(language)}")
        headers, rows = section.table(language)
        if rows:
            lines.append(_indented(table(rows, headers), "    "))
    return "\n".join(lines)


@cli.command("status")
@_lang_option
@_strict_option
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--initiative", default=None, help="The id of one initiative; every initiative by default."
)
@_as_of_option
@click.option("--json", "as_json", is_flag=True, help="Print the status as JSON.")
@click.pass_context
def status_command(
    ctx: click.Context,
    file: Path,
    initiative: str | None,
    as_of: dt.datetime | None,
    as_json: bool,
) -> int:
    """Where the initiatives of FILE stand on a day: months, milestones, meetings, horizon.

    For each initiative: how many months of its planned duration have passed, which
    milestones are done, still to come and overdue, which meetings were held and which
    are planned (with their hosts), and how far along the way to its furthest deadline
    it is. The day is --as-of, today by default; the output names it.
    """
    from democratie import monitor

    settings = _settings(ctx)
    day = _day(as_of)
    landscape = _load(file, settings)
    wanted = [initiative] if initiative is not None else [i.id for i in landscape.initiatives]
    with _options():
        found = [monitor.status(landscape, one, as_of=day.date) for one in wanted]
    # The day given stays the day shown: "today" when it was not given.
    found = [evolve(one, as_of=day) for one in found]
    if as_json:
        echo_json(
            {
                "as_of": day.to_dict(),
                "overdue": [
                    {"initiative": one.initiative, **milestone.to_dict()}
                    for one in found
                    for milestone in one.overdue
                ],
                "initiatives": [one.to_dict() for one in found],
            }
        )
        return EXIT_OK
    blocks = [_as_of_line(day, settings.lang)]
    blocks.extend(_status_text(one, settings.lang) for one in found)
    if not found:
        blocks.append("Geen initiatieven." if settings.lang == "nl" else "No initiatives.")
    click.echo("\n\n".join(blocks))
    return EXIT_OK

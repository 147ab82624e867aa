"""``democratie status`` and ``democratie lessons``: following programmes over time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import click
from attrs import evolve

from democratie.cli._app import EXIT_OK, EXIT_PROBLEMS, cli
from democratie.cli._common import (
    DAY,
    _as_of_line,
    _as_of_option,
    _day,
    _lang_option,
    _load,
    _settings,
    _strict_option,
)
from democratie.cli._output import echo, echo_json, shown, table
from democratie.errors import LoadError, MonitorError

if TYPE_CHECKING:
    from democratie.model import Landscape
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
@click.option(
    "--every-months",
    type=click.IntRange(min=1),
    default=6,
    show_default=True,
    help="Months between the regular moments of the evaluation schedule.",
)
@click.option(
    "--election",
    type=DAY,
    default=None,
    metavar="YYYY-MM-DD",
    help="The next election day: the schedule adds a moment three months before it, so "
    "that what is learned can still be acted on.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the status as JSON.")
@click.pass_context
def status_command(
    ctx: click.Context,
    file: Path,
    initiative: str | None,
    as_of: dt.datetime | None,
    every_months: int,
    election: dt.datetime | None,
    as_json: bool,
) -> int:
    """Where the initiatives of FILE stand on a day: months, milestones, meetings, evaluations.

    For each initiative: how many months of its planned duration have passed, which
    milestones are done, still to come and overdue, which meetings were held and which
    are planned (with their hosts), which evaluations were held and which moments of the
    evaluation schedule (every --every-months months, and before --election) passed
    without one, and how far along the way to its furthest deadline it is. The day is
    --as-of, today by default; the output names it.
    """
    from democratie import monitor

    settings = _settings(ctx)
    day = _day(as_of)
    landscape = _load(file, settings)
    wanted = [initiative] if initiative is not None else [i.id for i in landscape.initiatives]
    with _options():
        found = [
            monitor.status(
                landscape,
                one,
                as_of=day.date,
                every_months=every_months,
                before=election.date() if election is not None else None,
            )
            for one in wanted
        ]
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
    echo("\n\n".join(blocks))
    return EXIT_OK


#: How many files that fail to load ``democratie lessons`` lists, and problems of each.
_FAILED_FILES = 10
_PROBLEMS_PER_FILE = 3


def _landscape_files(folder: Path) -> list[Path]:
    return sorted(
        path
        for path in folder.iterdir()
        if path.is_file() and path.suffix.lower() in (".toml", ".json")
    )


@cli.command("lessons")
@_lang_option
@_strict_option
@click.argument(
    "folder", type=click.Path(exists=True, file_okay=False, dir_okay=True, path_type=Path)
)
@click.option(
    "--for",
    "for_",
    required=True,
    metavar="ID",
    help="The id of the initiative to find lessons for; FILE:ID when several files hold it.",
)
@click.option(
    "--top", type=click.IntRange(min=1), default=10, show_default=True, help="How many lessons."
)
@click.option("--json", "as_json", is_flag=True, help="Print the recommendations as JSON.")
@click.pass_context
def lessons_command(ctx: click.Context, folder: Path, for_: str, top: int, as_json: bool) -> int:
    """Lessons of other initiatives worth reading for one, from every landscape in FOLDER.

    Loads every .toml and .json file in FOLDER, ranks the lessons of the other
    initiatives by what they share with the one asked about (policy domains, intake
    themes, service goals, kind, the size of their municipalities) and prints the best,
    each with why. Lessons marked as not transferable are left out. A file that cannot be
    loaded is named with its problems, and the rest are still used; the exit code is then 1.
    """
    from democratie import monitor

    settings = _settings(ctx)
    files = _landscape_files(folder)
    loaded: list[tuple[Path, Landscape]] = []
    failed: list[tuple[Path, LoadError]] = []
    for path in files:
        try:
            loaded.append((path, _load(path, settings)))
        except LoadError as error:
            failed.append((path, error))
    if not loaded:
        message = (
            f"no landscape could be loaded from {shown(folder)}"
            if files
            else f"{shown(folder)} holds no .toml or .json file"
        )
        _report_failures(failed)
        raise click.ClickException(message)
    names = [path.name for path, _ in loaded]
    wanted: monitor.InitiativeRef = for_
    stem, colon, rest = for_.partition(":")
    if colon and stem in names:
        wanted = (names.index(stem), rest)
    with _options():
        index = monitor.LessonIndex.build(land for _, land in loaded)
        place, initiative = index.find(wanted)
        found = index.recommend((place, initiative.id), top=top)
    lang: Literal["nl", "en"] = "nl" if settings.lang == "nl" else "en"
    if as_json:
        echo_json(
            {
                "for": {
                    "file": names[place],
                    "initiative": initiative.id,
                    "title": initiative.title,
                },
                "files": names,
                "failed": [
                    {"file": path.name, "problems": [str(p) for p in error.problems]}
                    for path, error in failed
                ],
                "lessons": index.lessons,
                "recommendations": [{"file": names[r.landscape], **r.to_dict()} for r in found],
            }
        )
    else:
        _report_failures(failed)
        head = (
            f"Lessen voor {initiative.title} ({initiative.id}, {names[place]}): "
            f"{len(found)} van {index.lessons} lessen in {len(names)} bestanden"
            if lang == "nl"
            else f"Lessons for {initiative.title} ({initiative.id}, {names[place]}): "
            f"{len(found)} of {index.lessons} lessons in {len(names)} files"
        )
        lines = [head]
        for recommendation in found:
            lines.append("")
            lines.append(recommendation.explain(lang))
            source = "bestand" if lang == "nl" else "file"
            lines.append(f"   {source}: {names[recommendation.landscape]}")
        if not found:
            lines.append(
                "Geen lessen van initiatieven die er iets mee delen."
                if lang == "nl"
                else "No lessons of initiatives that share anything with it."
            )
        echo("\n".join(lines))
    return EXIT_PROBLEMS if failed else EXIT_OK


def _report_failures(failed: list[tuple[Path, LoadError]]) -> None:
    """Name each file that failed to load, with its first problems, on standard error."""
    for path, error in failed[:_FAILED_FILES]:
        problems = error.problems
        echo(f"democratie: {path.name}: not loaded, {len(problems)} problem(s):", err=True)
        for problem in problems[:_PROBLEMS_PER_FILE]:
            echo(f"  - {problem}", err=True)
        if len(problems) > _PROBLEMS_PER_FILE:
            echo(f"  ... and {len(problems) - _PROBLEMS_PER_FILE} more", err=True)
    if len(failed) > _FAILED_FILES:
        echo(f"democratie: ... and {len(failed) - _FAILED_FILES} more files not loaded", err=True)

"""What the subcommands share: the options after the command, settings, loading, the report."""

from __future__ import annotations

import datetime as dt
import math
import re
from pathlib import Path
from typing import TYPE_CHECKING, Final

import click

import democratie
from democratie.cli._app import Settings
from democratie.cli._output import shown, status

if TYPE_CHECKING:
    from democratie.model import Landscape
    from democratie.monitor import AsOf

__all__: list[str] = []


def _set_lang(ctx: click.Context, _: click.Parameter, value: str | None) -> None:
    if value is not None:
        _settings(ctx).lang = "en" if value == "en" else "nl"


def _set_strict(ctx: click.Context, _: click.Parameter, value: bool) -> None:
    if value:
        _settings(ctx).strict = True


#: ``--lang`` and ``--strict`` are also accepted after the subcommand.
_lang_option = click.option(
    "--lang",
    type=click.Choice(["nl", "en"]),
    default=None,
    expose_value=False,
    callback=_set_lang,
    help="Language of labels and explanations (default nl).",
)
_strict_option = click.option(
    "--strict",
    is_flag=True,
    expose_value=False,
    callback=_set_strict,
    help="Treat a plugin that fails as an error instead of skipping it.",
)


def _set_max_problems(ctx: click.Context, _: click.Parameter, value: int | None) -> None:
    if value is not None:
        _settings(ctx).max_problems = value or None


#: ``--max-problems`` is also accepted after the subcommand.
_max_problems_option = click.option(
    "--max-problems",
    type=click.IntRange(min=0),
    default=None,
    expose_value=False,
    callback=_set_max_problems,
    metavar="N",
    help="Report at most N problems of a file, and count the rest; 0 for no limit (default 1000).",
)

#: ``--workers``: how many processes score; all the CPUs by default (see democratie.score).
_workers_option = click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    show_default="all CPUs",
    metavar="N",
    help="Score in N processes at once; the scorecards are the same as in one. By default "
    "every CPU, where processes can be forked (Linux) and there are many subjects.",
)


def _seconds(_: click.Context, __: click.Parameter, value: float | None) -> float | None:
    if value is not None and not (math.isfinite(value) and value > 0):
        message = f"{value} is not a positive number of seconds"
        raise click.BadParameter(message)
    return value


def _limit(_: click.Context, __: click.Parameter, value: float) -> float | None:
    if not (math.isfinite(value) and value >= 0):
        message = f"{value} is not a number of seconds (0 for no limit)"
        raise click.BadParameter(message)
    return value or None


#: The time limit of a rule on one subject when the command line does not say.
DEFAULT_TIME_BUDGET: Final = 10.0

_time_budget_option = click.option(
    "--time-budget",
    type=float,
    default=DEFAULT_TIME_BUDGET,
    show_default=True,
    callback=_limit,
    metavar="SECONDS",
    help="The most seconds one rule may take on one subject: a rule still running then is "
    "stopped, reported by plugin and rule name, and its score left out, while the rest "
    "completes (exit status 3; an error with --strict). 0 for no limit.",
)


if TYPE_CHECKING:
    _DayBase = click.ParamType[dt.datetime, object]
else:  # click.ParamType is generic from click 8.2 on, and not subscriptable before
    _DayBase = click.ParamType


class _Day(_DayBase):
    """A day written YYYY-MM-DD, exactly: ``2026-3-1`` is refused, as is ``2026-02-30``.

    Converts to a :class:`datetime.datetime` at midnight, as ``click.DateTime`` does.
    """

    name = "date"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> dt.datetime:
        if isinstance(value, dt.datetime):
            return value
        text = str(value)
        if not _DAY.fullmatch(text):
            self.fail(f"{text!r} is not a date written YYYY-MM-DD (such as 2020-10-01)", param, ctx)
        try:
            return dt.datetime.strptime(text, "%Y-%m-%d")
        except ValueError:
            self.fail(f"{text!r} is not a day of the calendar (written YYYY-MM-DD)", param, ctx)


_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
#: The type of every option that takes a day.
DAY = _Day()

#: ``--as-of``: the one day every command that judges time judges on; today by default.
_as_of_option = click.option(
    "--as-of",
    type=DAY,
    default=None,
    metavar="YYYY-MM-DD",
    help="Judge deadlines (milestones overdue, meetings held) against this day; today by "
    "default. The output says which day it used.",
)


def _day(value: dt.datetime | None) -> AsOf:
    """The day of ``--as-of``, or today's, saying which."""
    from democratie.monitor import resolve_as_of

    return resolve_as_of(value.date() if value is not None else None)


def _as_of_line(day: AsOf, lang: str) -> str:
    """The day as a sentence: ``As of 2020-10-01.``, ``Stand van zaken op ... (vandaag).``."""
    text = day.text("nl" if lang == "nl" else "en")
    return text[:1].upper() + text[1:] + "."


def _settings(ctx: click.Context) -> Settings:
    settings = ctx.find_object(Settings)
    return settings if settings is not None else Settings()


def _load(path: Path, settings: Settings, format: str | None = None) -> Landscape:
    from democratie.plugins import get_plugin_manager

    get_plugin_manager(strict=settings.strict)
    with status(f"loading {shown(path)}"):
        return democratie.load(
            path, format=format, strict=settings.strict, max_problems=settings.max_problems
        )


def _report(
    landscape: Landscape,
    output: Path,
    settings: Settings,
    name: str | None = None,
    *,
    time_budget: float | None = DEFAULT_TIME_BUDGET,
    workers: int | None = None,
    as_of: AsOf | None = None,
) -> tuple[Path, int]:
    """Analyse, render and write the report; the landing page and the number of pages."""
    from democratie.report import is_paged, render_pages, report_name, write_pages

    # One file per language (report.nl.html, report.en.html): a report in one language
    # never overwrites the other.
    stem = f"{name or report_name(landscape)}.{settings.lang}"
    analysis = democratie.analyse(
        landscape,
        as_of=as_of.date if as_of is not None else None,
        strict=settings.strict,
        time_budget=time_budget,
        workers=workers,
    )
    with status("building the graph"):
        analysis.graph  # noqa: B018 - computed here, to say what takes the time
    subjects = len(landscape.municipalities) + len(landscape.initiatives) + len(landscape.networks)
    with status(f"scoring {subjects:,} subjects"):
        analysis.scorecards  # noqa: B018
    paged = is_paged(landscape)
    # How many pages there are is known once laid out: a municipality too large for one
    # page gets several. So rendering names the municipalities, and writing the pages.
    municipalities = len(landscape.municipalities)
    what = f"the pages of {municipalities:,} municipalities" if paged else "the report"
    with status(f"rendering {what}"):
        pages = render_pages(
            landscape,
            name=stem,
            paged=paged,
            lang=settings.lang,
            analysis=analysis,
            as_of=as_of,
            made=dt.date.today(),
        )
    with status(f"writing {len(pages):,} pages" if len(pages) > 1 else "writing"):
        return write_pages(pages, output), len(pages)

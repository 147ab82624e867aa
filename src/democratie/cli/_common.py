"""What the subcommands share: the options after the command, settings, loading, the report."""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING

import click

import democratie
from democratie.cli._app import Settings
from democratie.cli._output import shown, status

if TYPE_CHECKING:
    from democratie.model import Landscape

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


def _settings(ctx: click.Context) -> Settings:
    settings = ctx.find_object(Settings)
    return settings if settings is not None else Settings()


def _load(path: Path, settings: Settings, format: str | None = None) -> Landscape:
    from democratie.plugins import get_plugin_manager

    get_plugin_manager(strict=settings.strict)
    with status(f"loading {shown(path)}"):
        return democratie.load(path, format=format, strict=settings.strict)


def _report(
    landscape: Landscape,
    output: Path,
    settings: Settings,
    name: str | None = None,
    workers: int | None = None,
) -> Path:
    from democratie.report import write_report

    with status("building the graph"):
        graph = democratie.build_graph(landscape, strict=settings.strict)
    with status("scoring"):
        cards = democratie.score(landscape, graph=graph, strict=settings.strict, workers=workers)
    with status("writing the report"):
        return write_report(
            landscape, output, name=name, lang=settings.lang, scorecards=cards, graph=graph
        )

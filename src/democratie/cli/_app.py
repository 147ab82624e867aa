"""The command group, its global options, and how failures become exit codes.

Examples
--------
Programs that run the command line tell its outcomes apart by the exit code:

>>> from democratie.cli import main
>>> main(["validate", "examples/leusden-samenleving-voorop.toml"]) == EXIT_OK
examples/leusden-samenleving-voorop.toml (Samenleving Voorop (Leusden)): valid; 1 municipality, 0
organisations, 0 people, 0 roles, 4 initiatives, 0 networks
1 file checked: 1 valid, 0 invalid.
True
>>> main(["validate", "no-such-file.toml"]) == EXIT_PROBLEMS
1 file checked: 0 valid, 1 invalid.
True
>>> main(["validate", "--no-such-option"]) == EXIT_USAGE
True

A plugin that fails is skipped, and the work goes on; the exit code says so:

>>> from democratie.plugins import get_plugin_manager, hookimpl
>>> class Broken:
...     @hookimpl
...     def democratie_validate(self, landscape):
...         raise RuntimeError("on fire")
>>> manager = get_plugin_manager()
>>> _ = manager.register(Broken(), name="broken")
>>> main(["validate", "examples/leusden-samenleving-voorop.toml"]) == EXIT_PLUGIN_SKIPPED
examples/leusden-samenleving-voorop.toml (Samenleving Voorop (Leusden)): valid; 1 municipality, 0
organisations, 0 people, 0 roles, 4 initiatives, 0 networks
1 file checked: 1 valid, 0 invalid.
True
>>> _ = manager.unregister(name="broken")

``cli`` is the click group itself, for embedding it in another click application:

>>> sorted(cli.commands)[:4]
['demo', 'export', 'graph', 'import']
"""

from __future__ import annotations

import sys
import warnings
from collections.abc import Iterable, Sequence
from typing import Literal

import click
from attrs import define

from democratie.cli._output import echo
from democratie.errors import DemocratieError
from democratie.plugins.problems import RULE_PROBLEM_CODES, PluginWarning

__all__ = [
    "EXIT_OK",
    "EXIT_PLUGIN_SKIPPED",
    "EXIT_PROBLEMS",
    "EXIT_USAGE",
    "Settings",
    "cli",
    "main",
]

#: The most problems of a file reported when ``--max-problems`` is not given: that of
#: ``democratie.io.MAX_PROBLEMS``, written out so that starting does not import the loader.
DEFAULT_MAX_PROBLEMS = 1000

#: All went well.
EXIT_OK = 0
#: Invalid input, findings, or (with ``--strict``) a plugin that failed.
EXIT_PROBLEMS = 1
#: The command line itself was wrong.
EXIT_USAGE = 2
#: The work completed, but a plugin failed and was skipped, or a rule of a plugin failed or
#: was stopped at its time limit on some subjects (their scores are missing).
EXIT_PLUGIN_SKIPPED = 3


@define
class Settings:
    """The global options every subcommand sees.

    Examples
    --------
    >>> from click.testing import CliRunner
    >>> @cli.command("settings-shown")
    ... @click.pass_obj
    ... def shown(settings):
    ...     click.echo(settings)
    >>> print(CliRunner().invoke(cli, ["--lang", "en", "settings-shown"]).output, end="")
    Settings(debug=False, strict=False, lang='en', max_problems=1000)
    >>> del cli.commands["settings-shown"]
    """

    debug: bool = False
    strict: bool = False
    lang: Literal["nl", "en"] = "nl"
    #: The most problems of a file reported (``--max-problems``); None for no limit.
    max_problems: int | None = 1000


def _show_version(ctx: click.Context, _: click.Parameter, value: bool) -> None:
    # The version is read from the package metadata only when asked for.
    if not value or ctx.resilient_parsing:
        return
    import democratie

    echo(f"democratie, version {democratie.__version__}")
    ctx.exit()


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_show_version,
    help="Show the version and exit.",
)
@click.option("--debug", is_flag=True, help="Show a traceback when something fails.")
@click.option(
    "--strict", is_flag=True, help="Treat a plugin that fails as an error instead of skipping it."
)
@click.option(
    "--lang",
    type=click.Choice(["nl", "en"]),
    default="nl",
    show_default=True,
    help="Language of labels and explanations.",
)
@click.option(
    "--max-problems",
    type=click.IntRange(min=0),
    default=DEFAULT_MAX_PROBLEMS,
    show_default=True,
    metavar="N",
    help="Report at most N problems of a file, and count the rest; 0 for no limit.",
)
@click.pass_context
def cli(
    ctx: click.Context, debug: bool, strict: bool, lang: Literal["nl", "en"], max_problems: int
) -> None:
    """Model and analyse democratic renewal in Dutch municipalities.

    Start with `democratie demo`: it scores the bundled seed examples and writes
    their reports.
    """
    ctx.obj = Settings(debug=debug, strict=strict, lang=lang, max_problems=max_problems or None)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code (instead of raising ``SystemExit``).

    Examples
    --------
    >>> main(["validate", "examples/m50-leerkring-waalwijk.toml"])
    examples/m50-leerkring-waalwijk.toml (M50 leerkring democratische vernieuwing: kick-off
    Waalwijk, 4 februari 2020): valid; 12 municipalities, 3 organisations, 0 people, 0 roles, 2
    initiatives, 2 networks
    1 file checked: 1 valid, 0 invalid.
    0
    """
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", PluginWarning)
        code = _run(args, debug)
    skipped = [w for w in caught if issubclass(w.category, PluginWarning)]
    for warning in _unique(_plugin_warning(w.message) for w in skipped):
        echo(f"democratie: warning: {warning}", err=True)
    for other in caught:
        if not issubclass(other.category, PluginWarning):
            echo(f"democratie: warning: {other.message}", err=True)
    if code == EXIT_OK and skipped:
        return EXIT_PLUGIN_SKIPPED
    return code


def _plugin_warning(message: Warning | str) -> str:
    """A plugin's problem as the warning says it: a rule that failed was not skipped."""
    problem = message.problem if isinstance(message, PluginWarning) else None
    if problem is not None and problem.code in RULE_PROBLEM_CODES:
        return str(problem)
    return f"a plugin was skipped: {message}"


def _run(args: list[str], debug: bool) -> int:
    try:
        result = cli.main(args=args, prog_name="democratie", standalone_mode=False)
    except click.exceptions.Abort:
        echo("Aborted.", err=True)
        return EXIT_PROBLEMS
    except click.ClickException as error:
        error.show()
        return error.exit_code
    except SystemExit as error:
        return error.code if isinstance(error.code, int) else EXIT_PROBLEMS
    except DemocratieError as error:
        if debug:
            raise
        echo(f"democratie: {error}", err=True)
        return EXIT_PROBLEMS
    except Exception as error:
        if debug:
            raise
        echo(
            f"democratie: unexpected error: {type(error).__name__}: {error}\n"
            "Run again with --debug for the traceback, and please report it.",
            err=True,
        )
        return EXIT_PROBLEMS
    return result if isinstance(result, int) else EXIT_OK


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))

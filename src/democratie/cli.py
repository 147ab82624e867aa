"""The ``democratie`` command line.

``democratie validate`` checks landscape files (by default the bundled seed
examples) and prints a summary; ``democratie schema`` prints the JSON Schema of
the format. Exit codes: 0 all well, 1 invalid input or findings, 2 a usage error.
Errors go to standard error without a traceback unless ``--debug`` is given.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from democratie import __version__, examples
from democratie.errors import DemocratieError, LoadError
from democratie.io import json_schema, load
from democratie.model import Landscape

__all__ = ["main"]

_COUNTED = ("municipalities", "organisations", "people", "roles", "initiatives", "networks")


def _summary(landscape: Landscape) -> dict[str, int]:
    return {name: len(getattr(landscape, name)) for name in _COUNTED}


def _shown(path: Path) -> str:
    """The path relative to the working directory when it lies below it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _describe(counts: dict[str, int]) -> str:
    singular = {"people": "person", "municipalities": "municipality"}
    parts = []
    for name, count in counts.items():
        noun = name if count != 1 else singular.get(name, name[:-1])
        parts.append(f"{count} {noun}")
    return ", ".join(parts)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="democratie")
@click.option("--debug", is_flag=True, help="Show a traceback when something fails.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Model and analyse democratic renewal in Dutch municipalities."""
    ctx.obj = {"debug": debug}


@cli.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def validate(files: Sequence[Path], as_json: bool) -> None:
    """Check landscape FILES (JSON or TOML) and report every problem, located.

    Without FILES, checks the bundled seed examples.
    """
    bundled = not files
    targets = list(files) or list(examples.paths())
    results: list[dict[str, Any]] = []
    for target in targets:
        shown = target.name if bundled else _shown(target)
        try:
            landscape = load(target)
        except LoadError as error:
            results.append(
                {
                    "file": shown,
                    "valid": False,
                    "problems": [
                        {
                            "path": p.path,
                            "code": p.code,
                            "message": p.message,
                            "line": p.line,
                            "column": p.column,
                        }
                        for p in error.problems
                    ],
                }
            )
            if not as_json:
                click.echo(str(error), err=True)
            continue
        counts = _summary(landscape)
        results.append({"file": shown, "valid": True, "counts": counts})
        if not as_json:
            title = f" ({landscape.title})" if landscape.title else ""
            click.echo(f"{shown}{title}: valid; {_describe(counts)}")
    invalid = sum(1 for r in results if not r["valid"])
    if as_json:
        click.echo(json.dumps({"files": results, "invalid": invalid}, ensure_ascii=False, indent=2))
    else:
        click.echo(
            f"{len(results)} file{'s' if len(results) != 1 else ''} checked: "
            f"{len(results) - invalid} valid, {invalid} invalid."
        )
    if invalid:
        raise SystemExit(1)


@cli.command()
def schema() -> None:
    """Print the JSON Schema of the landscape format."""
    click.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2, sort_keys=True))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code instead of raising ``SystemExit``."""
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    try:
        cli.main(args=args, prog_name="democratie", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        return 1
    except click.ClickException as error:
        error.show()
        return error.exit_code
    except SystemExit as error:
        return error.code if isinstance(error.code, int) else 1
    except DemocratieError as error:
        if debug:
            raise
        click.echo(f"democratie: {error}", err=True)
        return 1
    except Exception as error:
        if debug:
            raise
        click.echo(
            f"democratie: unexpected error: {type(error).__name__}: {error}\n"
            "Run again with --debug for the traceback, and please report it.",
            err=True,
        )
        return 1
    return 0

"""The command-line reference: every command documented, its help current, its example run.

``docs/reference/cli.md`` is generated from the click commands of :mod:`democratie.cli`:
for each command, the help it prints and an example that is run here, in a folder holding
a copy of ``examples/`` and the Open Raadsinformatie files of ``tests/data/ori``, with its
output as printed. The tests fail when a command has no section or no example, when a
help text or an example's output has changed, or when an example exits with another code
than the page says. Regenerate the page with::

    PYTHONPATH=src python tests/test_cli_docs.py
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shlex
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import click
import pytest

from democratie import cli as cli_package
from democratie.cli import EXIT_OK, EXIT_PLUGIN_SKIPPED, EXIT_PROBLEMS, EXIT_USAGE, cli, main

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "reference" / "cli.md"
EXAMPLES = ROOT / "examples"
ORI_FILES = sorted((ROOT / "tests" / "data" / "ori").glob("heerde_*.json"))

#: The width the help texts are laid out in on the page (a terminal of WIDTH + 2 columns).
WIDTH = 88


# --------------------------------------------------------------------------------------------
# The commands and their help
# --------------------------------------------------------------------------------------------


def commands() -> dict[str, click.Command]:
    """Every subcommand of ``democratie``, by name, in the order ``democratie --help`` lists.

    A command group (``plan``) is followed by its own subcommands, named ``plan groups``.
    """
    # Importing the modules registers the subcommands on the group.
    from democratie.cli import _commands, _plan  # noqa: F401

    root = click.Context(cli, info_name="democratie")
    found: dict[str, click.Command] = {}
    for name in cli.list_commands(root):
        command = cli.get_command(root, name)
        if command is None:
            continue
        found[name] = command
        if isinstance(command, click.Group):
            context = click.Context(command, info_name=name, parent=root)
            for sub in command.list_commands(context):
                subcommand = command.get_command(context, sub)
                if subcommand is not None:
                    found[f"{name} {sub}"] = subcommand
    return found


def _context(command: click.Command, name: str, parent: click.Context | None) -> click.Context:
    settings = dict(command.context_settings)
    if parent is None:
        settings.update(terminal_width=WIDTH, max_content_width=WIDTH)
    return click.Context(command, info_name=name, parent=parent, **settings)


def help_text(name: str | None = None) -> str:
    """The help of ``democratie`` (*name* None) or of ``democratie NAME``, at :data:`WIDTH`."""
    context = _context(cli, "democratie", None)
    if name is None:
        return cli.get_help(context)
    command: click.Command = cli
    for part in name.split():
        assert isinstance(command, click.Group)
        found = command.get_command(context, part)
        assert found is not None
        command = found
        context = _context(command, part, context)
    return command.get_help(context)


# --------------------------------------------------------------------------------------------
# The examples
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Example:
    """One run of a command, as the page shows it.

    ``args`` follow ``democratie``; ``into`` sends standard output to that file (shown as
    ``> into``); ``show`` prints the output on the page (off where it depends on what is
    installed); ``code`` is the exit code the example must give; ``intro`` is the text
    before it; ``listing`` names a file of the working folder to show before the command.
    """

    args: tuple[str, ...]
    into: str | None = None
    show: bool = True
    code: int = EXIT_OK
    intro: str = ""
    listing: str | None = None

    @property
    def command_line(self) -> str:
        line = shlex.join(("democratie", *self.args))
        return f"{line} > {self.into}" if self.into else line


#: The examples, by command, run in this order in one folder (later ones may use the files
#: that earlier ones wrote). Every command must have at least one.
EXAMPLES_BY_COMMAND: dict[str, tuple[Example, ...]] = {
    "validate": (
        Example(
            (
                "validate",
                "examples/delft-zeven-van-delft.toml",
                "examples/m50-leerkring-waalwijk.toml",
            ),
            intro="Check two landscape files:",
        ),
        Example(
            ("validate", "broken.toml"),
            code=EXIT_PROBLEMS,
            intro=(
                "A file with mistakes: every problem is reported, located, on standard error, "
                "and the exit code is 1. This one leaves out a person's name and gives a role "
                "to someone who is not in it:"
            ),
            listing="broken.toml",
        ),
        Example(
            ("validate", "broken.toml", "--max-problems", "1"),
            code=EXIT_PROBLEMS,
            intro=(
                "At most 1,000 problems of a file are listed, and the last line says how many "
                "more there are; `--max-problems` sets another limit (0 for none):"
            ),
        ),
    ),
    "graph": (
        Example(
            ("graph", "examples/delft-zeven-van-delft.toml", "--top", "3"),
            intro="Summarise the stakeholder graph of the Delft example:",
        ),
    ),
    "score": (
        Example(
            (
                "score",
                "examples/delft-zeven-van-delft.toml",
                "--lang",
                "en",
                "--rule",
                "commitment_triad",
                "--rule",
                "council_at_the_front",
                "--as-of",
                "2025-01-01",
            ),
            intro=(
                "Score the Delft example with two rules, explained in English, judging "
                "deadlines against 1 January 2025 (without `--as-of`, against today, and the "
                "output says so):"
            ),
        ),
    ),
    "export": (
        Example(
            (
                "export",
                "examples/delft-zeven-van-delft.toml",
                "--format",
                "gexf",
                "--output",
                "delft.gexf",
            ),
            intro="Write the stakeholder graph of the Delft example for Gephi:",
        ),
        Example(
            (
                "export",
                "examples/delft-zeven-van-delft.toml",
                "--format",
                "csv",
                "--output",
                "delft-tabellen",
            ),
            intro="Write its tables, with a data card, into a folder:",
        ),
    ),
    "import": (
        Example(
            ("import", "heerde_persons.json", "--from", "ori", "--output", "heerde.toml"),
            intro=(
                "Read a council from Open Raadsinformatie (the two Heerde files of "
                "[the import guide](../how-to/import-council.md)) into a landscape file:"
            ),
        ),
    ),
    "report": (
        Example(
            (
                "report",
                "examples/leusden-samenleving-voorop.toml",
                "--output",
                "rapport",
                "--as-of",
                "2025-01-01",
            ),
            intro="Write the HTML report of the Leusden example as of 1 January 2025:",
        ),
    ),
    "demo": (
        Example(
            ("demo", "--lang", "en", "--as-of", "2025-01-01"),
            intro=(
                "Score the five bundled examples and write their reports, then plan what two "
                "of them describe, in English, as of 1 January 2025:"
            ),
        ),
    ),
    "plan intakes": (
        Example(
            (
                "plan",
                "intakes",
                "examples/democratie-in-actie-noord-nederland.toml",
                "--initiative",
                "dia-ontwikkeltraject-organisatieontwikkeling",
                "--lang",
                "en",
            ),
            intro=(
                "Which municipalities of the Democratie in Actie example may enter the "
                "trajectory after their intake, and why the others may not:"
            ),
        ),
    ),
    "plan groups": (
        Example(
            (
                "plan",
                "groups",
                "examples/democratie-in-actie-noord-nederland.toml",
                "--initiative",
                "dia-ontwikkeltraject-organisatieontwikkeling",
                "--by",
                "landsdeel",
                "--lang",
                "en",
                "--output",
                "dia-groepen.toml",
            ),
            intro=(
                "Compose the learning groups of the admitted municipalities, ten per region "
                "(the CBS landsdeel Noord-Nederland), and write the landscape with the groups "
                "as networks:"
            ),
        ),
    ),
    "plan meetings": (
        Example(
            (
                "plan",
                "meetings",
                "dia-groepen.toml",
                "--network",
                "dia-ontwikkeltraject-organisatieontwikkeling-leergroep-noord-nederland-1",
                "--start",
                "2019-03-01",
                "--end",
                "2019-12-13",
                "--volunteer",
                "groningen",
                "--lang",
                "en",
                "--output",
                "dia-bijeenkomsten.toml",
            ),
            intro=(
                "Plan the first group's three regional meetings and its closing one, with a "
                "host for each (Groningen volunteered):"
            ),
        ),
    ),
    "plan pool": (
        Example(
            (
                "plan",
                "pool",
                "dia-bijeenkomsten.toml",
                "--initiative",
                "dia-ontwikkeltraject-organisatieontwikkeling",
                "--lang",
                "en",
                "--output",
                "dia-gepland.toml",
            ),
            intro="Give each admitted municipality a change officer from the pool:",
        ),
    ),
    "status": (
        Example(
            (
                "status",
                "dia-gepland.toml",
                "--initiative",
                "dia-ontwikkeltraject-organisatieontwikkeling",
                "--as-of",
                "2019-06-01",
                "--lang",
                "en",
            ),
            intro=(
                "Where the planned trajectory stands on 1 June 2019: its year, and its "
                "meetings with their hosts (those of the learning groups formed for it "
                "included). The file gives the trajectory no start date, so its months "
                "cannot be counted; the first regional meeting's date has passed without it "
                "being recorded as held:"
            ),
        ),
    ),
    "lessons": (
        Example(
            (
                "lessons",
                "examples",
                "--for",
                "dia-ontwikkeltraject-organisatieontwikkeling",
                "--top",
                "4",
                "--lang",
                "en",
            ),
            intro=(
                "Which lessons of the other bundled examples are worth reading for the "
                "Democratie in Actie trajectory: those of other trajectories, the ones that "
                "carry over first:"
            ),
        ),
    ),
    "plugins": (
        Example(
            ("plugins",),
            show=False,
            intro=(
                "List the plugins. The output depends on what is installed: for each plugin "
                "its name, version, origin (`builtin`, `entry_point` or `runtime`) and where it "
                "came from, and the names of the scoring rules, export formats and importers it "
                "adds (the built-in plugins add the 25 rules, 8 export formats and 4 importers). "
                "`--json` gives the same as a list of objects."
            ),
        ),
    ),
    "schema": (
        Example(
            ("schema",),
            into="landscape.schema.json",
            intro="Save the JSON Schema of the landscape format, for an editor or a validator:",
        ),
    ),
}

#: A file with two mistakes, for the failing ``validate`` example.
BROKEN = """\
format = "democratie/1"

[[people]]
id = "p-wethouder"

[[roles]]
holder = "p-wethouder-leusden"
kind = "wethouder"
"""

#: Files the examples use besides the copied ones, by name; shown where an example lists one.
FILES = {"broken.toml": BROKEN}


@contextlib.contextmanager
def _working_folder() -> Iterator[Path]:
    """A temporary folder holding what the examples read, as the working directory."""
    previous = Path.cwd()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        shutil.copytree(EXAMPLES, folder / "examples")
        for path in ORI_FILES:
            shutil.copy(path, folder / path.name)
        for name, text in FILES.items():
            (folder / name).write_text(text, encoding="utf-8")
        os.chdir(folder)
        try:
            yield folder
        finally:
            os.chdir(previous)


def _run(example: Example, folder: Path) -> str:
    """Run *example*; return what it printed (standard output and error, as interleaved)."""
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
        code = main(list(example.args))
    output = printed.getvalue()
    if code != example.code:
        message = f"`{example.command_line}` exited with {code}, not {example.code}:\n{output}"
        raise AssertionError(message)
    if example.into is not None:
        (folder / example.into).write_text(output, encoding="utf-8")
        return ""
    return output.replace(os.sep, "/") if os.sep != "/" else output


def run_examples() -> dict[str, list[tuple[Example, str]]]:
    """Run every example in one working folder and return the outputs, by command."""
    os.environ.setdefault("DEMOCRATIE_DISABLE_ENTRYPOINTS", "1")
    results: dict[str, list[tuple[Example, str]]] = {}
    with _working_folder() as folder:
        for name, examples in EXAMPLES_BY_COMMAND.items():
            results[name] = [(example, _run(example, folder)) for example in examples]
    return results


# --------------------------------------------------------------------------------------------
# The page
# --------------------------------------------------------------------------------------------

#: What each exit code means, by the name of its constant in democratie.cli.
EXIT_CODES = {
    "EXIT_OK": "All went well.",
    "EXIT_PROBLEMS": (
        "Invalid input, an error found by a check, or (with `--strict`) a plugin that failed."
    ),
    "EXIT_USAGE": "The command line itself was wrong: an unknown command, option or format.",
    "EXIT_PLUGIN_SKIPPED": (
        "The work completed, but a plugin failed and was skipped, or a rule of a plugin failed "
        "or was stopped at its time limit on some subjects (their scores are missing); a "
        "warning on standard error says which."
    ),
}

_HEADER = """\
# Command line

<!-- Generated from the click commands of democratie.cli by tests/test_cli_docs.py; edit
     their help texts or the examples there, not this page, and regenerate with
     PYTHONPATH=src python tests/test_cli_docs.py -->

Installing `democratie` installs the command `democratie` (also available as
`python -m democratie`). It does the main job of the library from a shell or a script:
check landscape files, summarise their stakeholder graph, score them, export them, import a
council, and write HTML reports. Every command answers `-h` or `--help` with the text shown
below.

Global options go before the command: `democratie --lang en score FILE`. The options
`--lang` and `--strict` are also accepted after it: `democratie score FILE --lang en`.
Problems are printed on standard error without a traceback; `--debug` shows one.

The examples below were run in a folder holding a copy of the repository's `examples/`
folder, one after the other; the output is what they printed. The test suite runs them
again and checks that this page still matches.
"""


def _exit_codes() -> list[str]:
    lines = ["## Exit codes", "", "| code | meaning |", "| --- | --- |"]
    for name, meaning in EXIT_CODES.items():
        lines.append(f"| {getattr(cli_package, name)} | {meaning} |")
    return [*lines, ""]


def _summary(found: dict[str, click.Command]) -> list[str]:
    lines = ["| command | what it does |", "| --- | --- |"]
    for name, command in found.items():
        summary = command.get_short_help_str(limit=200)
        anchor = name.replace(" ", "-")
        lines.append(f"| [`{name}`](#democratie-{anchor}) | {summary} |")
    return [*lines, ""]


def _fence(language: str, text: str) -> list[str]:
    return [f"```{language}", text.rstrip("\n"), "```", ""]


def render_page(outputs: dict[str, list[tuple[Example, str]]] | None = None) -> str:
    """The whole of ``docs/reference/cli.md``, with the outputs of the examples."""
    found = commands()
    outputs = run_examples() if outputs is None else outputs
    lines = [_HEADER, *_summary(found), *_exit_codes()]
    lines += ["## `democratie`", "", "The command group and its global options.", ""]
    lines += _fence("text", help_text())
    for name in found:
        lines += [f"## `democratie {name}`", ""]
        lines += _fence("text", help_text(name))
        for example, output in outputs.get(name, []):
            if example.intro:
                lines += [example.intro, ""]
            if example.listing is not None:
                lines += _fence(f'toml title="{example.listing}"', FILES[example.listing])
            shown = f"$ {example.command_line}"
            if example.show and output:
                shown += "\n" + output
            lines += _fence("console", shown)
    return "\n".join(lines).rstrip("\n") + "\n"


def _sections(text: str) -> list[str]:
    return re.findall(r"^## `democratie ([^`]+)`$", text, flags=re.MULTILINE)


# --------------------------------------------------------------------------------------------
# Tests
# --------------------------------------------------------------------------------------------


def test_every_command_has_a_section_in_the_order_of_the_help() -> None:
    assert _sections(PAGE.read_text("utf-8")) == list(commands()), (
        "docs/reference/cli.md does not list every command: "
        "run `PYTHONPATH=src python tests/test_cli_docs.py`"
    )


def test_every_command_has_an_example() -> None:
    # A group's examples are those of its subcommands.
    found = [name for name, c in commands().items() if not isinstance(c, click.Group)]
    assert sorted(EXAMPLES_BY_COMMAND) == sorted(found)
    assert all(EXAMPLES_BY_COMMAND[name] for name in EXAMPLES_BY_COMMAND)


def test_every_exit_code_is_explained() -> None:
    constants = {name for name in cli_package.__all__ if name.startswith("EXIT_")}
    assert constants == set(EXIT_CODES)
    values = [EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_PLUGIN_SKIPPED]
    assert len(set(values)) == len(values)


def test_the_page_is_current() -> None:
    """Help texts and example outputs on the page are what the commands print now."""
    assert PAGE.read_text("utf-8") == render_page(), (
        "docs/reference/cli.md is out of date: run `PYTHONPATH=src python tests/test_cli_docs.py`"
    )


@pytest.mark.parametrize("name", [None, *commands()], ids=lambda name: name or "democratie")
def test_the_help_on_the_page_is_what_the_command_prints(
    name: str | None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The page's rendering of the help matches ``democratie [NAME] --help`` in a terminal."""
    monkeypatch.setenv("COLUMNS", str(WIDTH + 2))
    args: Sequence[str] = ["--help"] if name is None else [*name.split(), "--help"]
    assert main(list(args)) == EXIT_OK
    printed = capsys.readouterr().out
    assert printed.rstrip("\n") == help_text(name)
    assert f"```text\n{printed.rstrip()}\n```" in PAGE.read_text("utf-8")


def test_a_failing_example_names_the_command_and_its_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "broken.toml").write_text(BROKEN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(
        AssertionError,
        match=r"(?s)`democratie validate broken.toml` exited "
        r"with 1, not 0:.*refers to nothing",
    ):
        _run(Example(("validate", "broken.toml")), tmp_path)


def main_generate() -> None:
    """Rewrite ``docs/reference/cli.md`` from the commands and their examples."""
    PAGE.write_text(render_page(), encoding="utf-8")
    print(f"updated {PAGE.relative_to(ROOT).as_posix()}")


if __name__ == "__main__":
    main_generate()

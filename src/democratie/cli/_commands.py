"""The subcommands of ``democratie``."""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal

import click

import democratie
from democratie._numbers import decimal
from democratie.cli._app import EXIT_OK, EXIT_PLUGIN_SKIPPED, EXIT_PROBLEMS, cli
from democratie.cli._common import (
    _as_of_line,
    _as_of_option,
    _day,
    _lang_option,
    _load,
    _max_problems_option,
    _report,
    _settings,
    _strict_option,
    _time_budget_option,
    _workers_option,
)
from democratie.cli._output import echo, echo_json, progress_shown, shown, status, table
from democratie.errors import LoadError
from democratie.plugins import PluginError

if TYPE_CHECKING:
    from democratie.analysis import Analysis
    from democratie.model import Landscape
    from democratie.monitor import AsOf
    from democratie.scoring import Scorecards

# The layers below (networkx, the graph, the plugins) are imported by the commands that use
# them, not here: `democratie --help` and `democratie validate` should start at once.

__all__: list[str] = []

Language = Literal["nl", "en"]

_COUNTED = ("municipalities", "organisations", "people", "roles", "initiatives", "networks")
_SINGULAR = {"people": "person", "municipalities": "municipality"}


def _counts(landscape: Landscape) -> dict[str, int]:
    return {name: len(getattr(landscape, name)) for name in _COUNTED}


def _describe(counts: dict[str, int]) -> str:
    return ", ".join(
        f"{n} {name if n != 1 else _SINGULAR.get(name, name[:-1])}" for name, n in counts.items()
    )


def _problems(error: LoadError) -> list[dict[str, Any]]:
    return [
        {"path": p.path, "code": p.code, "message": p.message, "line": p.line, "column": p.column}
        for p in error.problems
    ]


# -- validate -------------------------------------------------------------------------------


@cli.command("validate")
@_strict_option
@_max_problems_option
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.pass_context
def validate_command(ctx: click.Context, files: Sequence[Path], as_json: bool) -> int:
    """Check landscape FILES and report every problem, located.

    At most --max-problems problems of a file are listed (1000 by default); the last
    line says how many more there are.

    Reads the canonical JSON and TOML documents and every format a plugin can
    import. Also runs the checks plugins add. Without FILES, checks the bundled
    seed examples. Exits 1 when a file is invalid or a check finds an error.
    """
    from democratie import examples
    from democratie.plugins import validate

    settings = _settings(ctx)
    bundled = not files
    targets = list(files) or list(examples.paths())
    results: list[dict[str, Any]] = []
    for target in targets:
        name = target.name if bundled else shown(target)
        try:
            landscape = _load(target, settings)
        except LoadError as error:
            results.append(
                {
                    "file": name,
                    "valid": False,
                    "problems": _problems(error),
                    "omitted": error.omitted,
                    "omitted_exact": error.omitted_exact,
                }
            )
            if not as_json:
                echo(str(error), err=True)
            continue
        findings = validate(landscape, strict=settings.strict)
        errors = [f for f in findings if f.severity == "error"]
        results.append(
            {
                "file": name,
                "valid": not errors,
                "counts": _counts(landscape),
                "findings": [
                    {
                        "severity": f.severity,
                        "path": f.path,
                        "code": f.code,
                        "message": f.message,
                        "plugin": f.plugin,
                    }
                    for f in findings
                ],
            }
        )
        if not as_json:
            title = f" ({landscape.title})" if landscape.title else ""
            verdict = "valid" if not errors else f"{len(errors)} error(s) found by plugins"
            echo(f"{name}{title}: {verdict}; {_describe(_counts(landscape))}")
            for finding in findings:
                where = f"{finding.path}: " if finding.path else ""
                echo(
                    f"  {finding.severity} [{finding.plugin}] {where}{finding.message}",
                    err=finding.severity == "error",
                )
    invalid = sum(1 for r in results if not r["valid"])
    if as_json:
        echo_json({"files": results, "invalid": invalid})
    else:
        plural = "s" if len(results) != 1 else ""
        valid = len(results) - invalid
        echo(f"{len(results)} file{plural} checked: {valid} valid, {invalid} invalid.")
    return EXIT_PROBLEMS if invalid else EXIT_OK


# -- graph ----------------------------------------------------------------------------------


@cli.command("graph")
@_strict_option
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=5,
    show_default=True,
    help="How many central contacts and brokers.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.pass_context
def graph_command(ctx: click.Context, file: Path, top: int, as_json: bool) -> int:
    """Summarise the stakeholder graph of FILE: nodes and edges by kind, central contacts, brokers.

    Central contacts are ranked by their place in the graph; they are not kartrekkers, a
    role that a landscape records (see the rule champion_presence).
    """
    settings = _settings(ctx)
    landscape = _load(file, settings)
    analysis = democratie.analyse(landscape, strict=settings.strict)
    with status("building the stakeholder graph"):
        summary = _graph_summary(analysis, top)
    if as_json:
        echo_json(summary)
        return EXIT_OK
    from democratie.graph.schema import NODE_KIND_LABELS, RELATION_LABELS

    nl = settings.lang == "nl"
    w = _GRAPH_WORDS["nl" if nl else "en"]
    kind_label = {k: labels[0 if nl else 1] for k, labels in NODE_KIND_LABELS.items()}
    relation_label = {r: labels[0 if nl else 1] for r, labels in RELATION_LABELS.items()}
    echo(f"{shown(file)}: {summary['nodes']} {w['nodes']}, {summary['edges']} {w['edges']}")
    echo(f"\n{w['nodes_by_kind']}:")
    echo(
        table(
            sorted([kind_label.get(k, k), str(n)] for k, n in summary["nodes_by_kind"].items()),
            [w["kind"], w["count"]],
        )
    )
    echo(f"\n{w['edges_by_relation']}:")
    echo(
        table(
            sorted(
                [relation_label.get(k, k), str(n)] for k, n in summary["edges_by_relation"].items()
            ),
            [w["relation"], w["count"]],
        )
    )
    cohesion = summary["cohesion"]
    echo(
        f"\n{w['actors']}: {cohesion['actors']}, {w['ties']}: {cohesion['ties']}, "
        f"{w['components']}: {cohesion['components']}, "
        f"{w['density']}: {decimal(cohesion['density'], '.3f', lang=settings.lang)}"
    )

    def number(value: float) -> str:
        return decimal(value, ".3f", lang=settings.lang)

    echo(f"\n{w['central']}:")
    echo(
        table(
            [
                [c["label"], number(c["score"]), w["yes"] if c["single_point_of_failure"] else ""]
                for c in summary["champions"]
            ],
            [w["actor"], w["score"], w["single_point"]],
        )
    )
    echo(f"\n{w['brokers']}:")
    echo(
        table(
            [
                [
                    b["label"],
                    number(b["betweenness"]),
                    w["isolated"] if b["isolated"] else number(b["constraint"]),
                ]
                for b in summary["brokers"]
            ],
            [w["actor"], "betweenness", "constraint"],
        )
    )
    return EXIT_OK


#: The words of ``democratie graph`` on the terminal, by language.
_GRAPH_WORDS: Final[Mapping[str, Mapping[str, str]]] = {
    "nl": {
        "nodes": "knopen",
        "edges": "verbindingen",
        "nodes_by_kind": "Knopen per soort",
        "edges_by_relation": "Verbindingen per relatie",
        "kind": "soort",
        "relation": "relatie",
        "count": "aantal",
        "actors": "Actoren",
        "ties": "banden",
        "components": "componenten",
        "density": "dichtheid",
        "central": "Centrale contacten (naar graad, eigenvectorcentraliteit en VoteRank)",
        "actor": "actor",
        "score": "score",
        "single_point": "enig verbindingspunt",
        "yes": "ja",
        "brokers": "Verbinders (brokers)",
        "isolated": "geïsoleerd",
    },
    "en": {
        "nodes": "nodes",
        "edges": "edges",
        "nodes_by_kind": "Nodes by kind",
        "edges_by_relation": "Edges by relation",
        "kind": "kind",
        "relation": "relation",
        "count": "count",
        "actors": "Actors",
        "ties": "ties",
        "components": "components",
        "density": "density",
        "central": "Central contacts (by degree, eigenvector centrality and VoteRank)",
        "actor": "actor",
        "score": "score",
        "single_point": "single point of failure",
        "yes": "yes",
        "brokers": "Brokers (verbinders)",
        "isolated": "isolated",
    },
}


def _graph_summary(analysis: Analysis, top: int) -> dict[str, Any]:
    """The graph's numbers, from the same analysis the report and the CSV export read."""
    nx_graph = analysis.graph.nx
    kinds = Counter(str(kind) for _, kind in nx_graph.nodes(data="kind"))
    relations = Counter(str(data.get("relation")) for _, _, data in nx_graph.edges(data=True))
    champions = analysis.top_champions(top)
    brokers = analysis.top_brokers(top)
    cohesion = analysis.cohesion
    return {
        "nodes": nx_graph.number_of_nodes(),
        "edges": nx_graph.number_of_edges(),
        "nodes_by_kind": dict(sorted(kinds.items())),
        "edges_by_relation": dict(sorted(relations.items())),
        "cohesion": {
            "actors": cohesion.actors,
            "ties": cohesion.ties,
            "components": cohesion.components,
            "density": cohesion.density,
            "articulation_points": list(cohesion.articulation_points),
        },
        "champions": [
            {
                "id": c.id,
                "label": c.label,
                "score": c.score,
                "single_point_of_failure": c.id in cohesion.articulation_points,
            }
            for c in champions
        ],
        "brokers": [
            {
                "id": b.id,
                "label": b.label,
                "betweenness": b.betweenness,
                "constraint": b.constraint,
                "isolated": b.isolated,
            }
            for b in brokers
        ],
    }


# -- score ----------------------------------------------------------------------------------


@cli.command("score")
@_lang_option
@_strict_option
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--rule", "rules", multiple=True, help="Run only this rule (repeatable).")
@_as_of_option
@_time_budget_option
@_workers_option
@click.option("--json", "as_json", is_flag=True, help="Print the scorecards as JSON.")
@click.pass_context
def score_command(
    ctx: click.Context,
    file: Path,
    rules: Sequence[str],
    as_of: dt.datetime | None,
    time_budget: float | None,
    workers: int | None,
    as_json: bool,
) -> int:
    """Score every initiative, municipality and network of FILE with every registered rule.

    Deadlines are judged against --as-of, today by default; the output names the day.
    """
    settings = _settings(ctx)
    day = _day(as_of)
    landscape = _load(file, settings)
    chosen = None
    if rules:
        available = {rule.name: rule for rule in democratie.plugins.scoring_rules()}
        unknown = [name for name in rules if name not in available]
        if unknown:
            names = ", ".join(sorted(available))
            message = f"no rule named {', '.join(unknown)}; the rules are: {names}"
            raise click.UsageError(message)
        chosen = [available[name] for name in rules]
    analysis = democratie.analyse(
        landscape,
        chosen,
        as_of=day.date,
        strict=settings.strict,
        time_budget=time_budget,
        workers=workers,
    )
    with status("scoring"):
        cards = analysis.scorecards
    if as_json:
        echo_json(_cards_json(cards, settings.lang, day))
        return EXIT_OK
    echo(_as_of_line(day, settings.lang) + "\n")
    echo(_cards_text(cards, settings.lang))
    return EXIT_OK


def _cards_json(cards: Scorecards, lang: Language, day: AsOf) -> dict[str, Any]:
    return {
        "as_of": day.to_dict(),
        "rules": list(cards.rules),
        "scorecards": [
            {
                "subject": card.subject,
                "kind": card.kind,
                "title": card.title,
                "scores": [
                    {
                        "rule": s.rule,
                        "value": s.value,
                        "range": list(s.value_range),
                        "out_of_scope": s.out_of_scope,
                        "explanation": s.explanation.get(lang),
                        "evidence": [
                            {"about": e.about, "fact": e.fact, "value": e.value} for e in s.evidence
                        ],
                        "recommendations": [r.get(lang) for r in s.recommendations],
                    }
                    for s in card.scores
                ],
            }
            for card in cards.cards
        ],
        "failures": [str(failure) for failure in cards.failures],
    }


def _cards_text(cards: Scorecards, lang: Language) -> str:
    blocks = []
    for card in cards.cards:
        rows = [
            [
                score.rule,
                "n.v.t."
                if score.value is None and lang == "nl"
                else "n/a"
                if score.value is None
                else f"{score.value:.2f}",
                score.explanation.get(lang),
            ]
            for score in card.scores
        ]
        head = f"{card.kind} {card.subject}: {card.title}"
        blocks.append(head + "\n" + table(rows, ["rule", "score", "explanation"]))
    return "\n\n".join(blocks)


# -- export and import ----------------------------------------------------------------------


@cli.command("export")
@_strict_option
@_max_problems_option
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "format_",
    required=True,
    help="json, toml, popolo, graphml, gexf, node-link, csv, ics, or one a plugin adds.",
)
@click.option(
    "--output", required=True, type=click.Path(path_type=Path), help="The file or folder."
)
@click.option("--include-private", is_flag=True, help="Also write contact details (e-mail, phone).")
@click.option(
    "--escape-formulas/--no-escape-formulas",
    default=True,
    show_default=True,
    help=(
        "csv: put a ' before a text cell that starts with =, +, -, @, a tab or a carriage "
        "return, so that a spreadsheet does not run it as a formula. Turn it off for "
        "programs that read the files as data."
    ),
)
@_time_budget_option
@click.pass_context
def export_command(
    ctx: click.Context,
    file: Path,
    format_: str,
    output: Path,
    include_private: bool,
    escape_formulas: bool,
    time_budget: float | None,
) -> int:
    """Write FILE in another format: json, toml, popolo, graphml, gexf, node-link, csv, ics, ..."""
    from democratie.plugins import exporters

    settings = _settings(ctx)
    names = [exporter.name for exporter in exporters(strict=settings.strict)]
    if format_ not in names:
        message = f"unknown format '{format_}'; the formats are: {', '.join(names)}"
        raise click.UsageError(message)
    if not escape_formulas and format_ != "csv":
        raise click.UsageError("--no-escape-formulas applies to the csv format only")
    options = {"escape_formulas": False} if not escape_formulas else None
    landscape = _load(file, settings)
    with status(f"writing {format_}"):
        try:
            written = democratie.export(
                landscape,
                format_,
                output,
                include_private=include_private,
                options=options,
                strict=settings.strict,
                time_budget=time_budget,
            )
        except PluginError as error:
            if settings.strict or any(p.code != "exporter-failed" for p in error.problems):
                raise
            for problem in error.problems:
                echo(f"democratie: a plugin failed: {problem}", err=True)
            return EXIT_PLUGIN_SKIPPED
    echo(f"wrote {shown(written)}")
    return EXIT_OK


@cli.command("import")
@_strict_option
@_max_problems_option
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--from", "from_", required=True, help="The format of FILE: ori, popolo, ...")
@click.option(
    "--output",
    required=True,
    type=click.Path(path_type=Path),
    help="The landscape file to write (.json or .toml).",
)
@click.option(
    "--skip-bad-records",
    is_flag=True,
    help=(
        "Import the rest of a file with bad records (ori, popolo), and list each record "
        "passed over with its place and why; by default a bad record refuses the file."
    ),
)
@click.pass_context
def import_command(
    ctx: click.Context, file: Path, from_: str, output: Path, skip_bad_records: bool
) -> int:
    """Read FILE in another format (Open Raadsinformatie, Popolo, ...) as a landscape file."""
    from democratie.io import dump
    from democratie.plugins import importers

    settings = _settings(ctx)
    names = [importer.name for importer in importers(strict=settings.strict)]
    if from_ not in names:
        message = f"unknown format '{from_}'; the formats are: {', '.join(names)}"
        raise click.UsageError(message)
    if skip_bad_records:
        landscape = _load_leniently(file, from_)
    else:
        landscape = _load(file, settings, format=from_)
    dump(landscape, output)
    echo(f"wrote {shown(output)}: {_describe(_counts(landscape))}")
    return EXIT_OK


def _load_leniently(file: Path, from_: str) -> Landscape:
    """Import FILE passing over its bad records, and say which were passed over and why."""
    from democratie.importers import load_ori, load_popolo

    if from_ not in {"ori", "popolo"}:
        message = f"--skip-bad-records is for --from ori and --from popolo, not '{from_}'"
        raise click.UsageError(message)
    loader = load_popolo if from_ == "popolo" else load_ori
    with status(f"loading {shown(file)}"):
        result = loader(file, skip_bad_records=True)
    skipped = result.report.skipped
    if skipped:
        echo(f"skipped {len(skipped)} bad records:", err=True)
        for item in skipped:
            echo(f"  - {item}", err=True)
    return result.landscape


# -- report and demo ------------------------------------------------------------------------


@cli.command("report")
@_lang_option
@_strict_option
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--output",
    default="democratie-report",
    show_default=True,
    type=click.Path(path_type=Path),
    help="The folder to write the report to.",
)
@_as_of_option
@_time_budget_option
@_workers_option
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Show each step (loading, building the graph, scoring, rendering, writing) and its "
    "time on standard error. By default when standard output and standard error are both "
    "terminals.",
)
@click.pass_context
def report_command(
    ctx: click.Context,
    file: Path,
    output: Path,
    as_of: dt.datetime | None,
    time_budget: float | None,
    workers: int | None,
    progress: bool | None,
) -> int:
    """Write the HTML report of FILE: overview, progress, scorecards, graph, krachtenveld.

    The report speaks of --as-of, today by default: deadlines are judged against that day,
    its header names it, and the timelines of the initiatives mark it.

    It writes OUTPUT/NAME.LANG.html, NAME being the landscape's title as a slug and LANG
    the language (--lang), so the two languages sit side by side. A large landscape (more
    than 100 municipalities, initiatives and networks) gets that file as a landing page
    and, in the folder OUTPUT/NAME.LANG-pages/ beside it, one page per municipality (or
    several, for one too large for a page) that the landing page links to.
    """
    from democratie.report import pages_folder

    settings = _settings(ctx)
    day = _day(as_of)
    with progress_shown(progress):
        landscape = _load(file, settings)
        written, pages = _report(
            landscape, output, settings, time_budget=time_budget, workers=workers, as_of=day
        )
    extra = ""
    if pages > 1:
        extra = (
            f" and {pages - 1:,} pages in {shown(written.with_name(pages_folder(written.stem)))}/"
        )
    day_text = _as_of_line(day, settings.lang)[:-1].lower()
    echo(f"wrote {shown(written)}{extra} ({day_text})")
    return EXIT_OK


@cli.command("demo")
@_lang_option
@_strict_option
@click.option(
    "--output",
    default="democratie-demo",
    show_default=True,
    type=click.Path(path_type=Path),
    help="The folder to write the reports to.",
)
@_as_of_option
@_time_budget_option
@click.pass_context
def demo_command(
    ctx: click.Context, output: Path, as_of: dt.datetime | None, time_budget: float | None
) -> int:
    """Run the whole main job on the bundled seed examples and write their reports.

    Loads and checks each example, builds its stakeholder graph, scores it with
    every registered rule and writes its HTML report to the output folder. Then plans
    what two of the texts describe (Democratie in Actie's intake, learning groups,
    meetings and pool; M50's follow-up meetings) and writes the planned landscapes,
    their calendars and their reports.
    """
    from democratie import examples
    from democratie.cli._plan import plan_examples

    settings = _settings(ctx)
    day = _day(as_of)
    echo(_as_of_line(day, settings.lang))
    written = []
    for path in examples.paths():
        landscape = _load(path, settings)
        report, _ = _report(
            landscape, output, settings, name=path.stem, time_budget=time_budget, as_of=day
        )
        written.append(report)
        echo(f"{path.stem}: {_describe(_counts(landscape))} -> {shown(report)}")
    planned = plan_examples(output, settings, time_budget=time_budget, as_of=day)
    reports = len(written) + sum(path.suffix == ".html" for path in planned)
    echo(f"\n{reports} reports written to {shown(output)}/")
    echo(f"Open {shown(written[0])} in a browser to start.")
    echo("\n" + "\n".join(_next_steps()))
    return EXIT_OK


#: The first tutorial, on the documentation site and in a checkout of the repository.
_TUTORIAL_URL = "https://democratie.readthedocs.io/en/latest/tutorials/first-landscape/"
_TUTORIAL = Path(__file__).resolve().parents[3] / "docs" / "tutorials" / "first-landscape.md"


def _program() -> str:
    """How to run this program again: ``democratie`` when that is it, else the path it ran by.

    Started as ``.venv/bin/democratie`` with that folder not on the ``PATH``, a bare
    ``democratie`` would not be found, so the path is what the user should type.
    """
    started = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if started is None or started.stem != "democratie" or not started.is_file():
        return "democratie"  # python -m democratie, or called from Python
    found = shutil.which("democratie")
    if found is not None and Path(found).resolve() == started.resolve():
        return "democratie"
    return shown(started)


def _next_steps() -> list[str]:
    """The demo's last lines: where to read on, and the command for a file of one's own."""
    # In a checkout, and run from it (as the quick start does), the page is at hand too.
    local = shown(_TUTORIAL)
    here = [f"  {local}"] if _TUTORIAL.is_file() and not Path(local).is_absolute() else []
    return [
        "Next, describe your own municipality in a file with the first tutorial:",
        *here,
        f"  {_TUTORIAL_URL}",
        "then write its report:",
        f"  {_program()} report my.toml",
    ]


# -- plugins and schema ---------------------------------------------------------------------


@cli.command("plugins")
@_strict_option
@click.option("--json", "as_json", is_flag=True, help="Print the list as JSON.")
@click.pass_context
def plugins_command(ctx: click.Context, as_json: bool) -> int:
    """List the plugins that are loaded, and the rules, formats and importers each adds.

    For each plugin: its name, version, where it comes from (built in, an installed
    entry point, or registered at run time), the hooks it implements, and the names of
    the scoring rules, export formats and importers it adds.
    """
    from democratie.plugins import get_plugin_manager, list_plugins

    strict = _settings(ctx).strict
    found = list_plugins(get_plugin_manager(strict=strict), strict=strict)
    if as_json:
        echo_json([info.as_dict() for info in found])
        return EXIT_OK
    blocks = []
    for info in found:
        source = info.entry_point or info.distribution or ""
        head = " ".join(part for part in (info.name, info.version) if part)
        lines = [f"{head} ({info.origin}{', from ' + source if source else ''})"]
        for label, names in (
            ("rules", info.rules),
            ("export formats", info.exporters),
            ("importers", info.importers),
        ):
            if names:
                lines.append(_wrapped(f"{label} ({len(names)}): ", names))
        others = [hook for hook in info.hooks if hook not in _LISTED_HOOKS]
        if others:  # what adds no named item: checks of landscapes, graph enrichment
            lines.append(_wrapped("hooks: ", others))
        if len(lines) == 1:
            lines.append(_wrapped("adds nothing; hooks: ", info.hooks or ["none"]))
        blocks.append("\n".join(lines))
    echo("\n\n".join(blocks))
    return EXIT_OK


#: The hooks whose items `democratie plugins` names; the others it lists by hook.
_LISTED_HOOKS = frozenset(
    {"democratie_scoring_rules", "democratie_exporters", "democratie_importers"}
)


def _wrapped(label: str, names: Sequence[str]) -> str:
    """``label`` and the names, comma-separated, wrapped at 100 columns under the label."""
    import textwrap

    return textwrap.fill(
        ", ".join(names),
        width=100,
        initial_indent="  " + label,
        subsequent_indent="  " + " " * len(label),
        break_on_hyphens=False,
        break_long_words=False,
    )


@cli.command("schema")
def schema_command() -> int:
    """Print the JSON Schema of the landscape format."""
    import json

    from democratie.io import json_schema

    echo(json.dumps(json_schema(), ensure_ascii=False, indent=2, sort_keys=True))
    return EXIT_OK

"""``democratie plan``: the intake gate, learning groups, meeting series and the pool."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click
from attrs import evolve

import democratie
from democratie.cli._app import EXIT_OK, Settings, cli
from democratie.cli._common import (
    DAY,
    DEFAULT_TIME_BUDGET,
    _lang_option,
    _load,
    _report,
    _settings,
    _strict_option,
)
from democratie.cli._output import echo, echo_json, shown, status, table
from democratie.errors import PlanError, SolverUnavailableError, WriteError

if TYPE_CHECKING:
    from democratie.model import Landscape
    from democratie.monitor import AsOf

# The planners, the model and io are imported by the commands that use them, not here.

__all__: list[str] = []


def _check_output(_: click.Context, __: click.Parameter, value: Path | None) -> Path | None:
    if value is not None and value.suffix.lower() not in (".toml", ".json"):
        message = f"'{value}' must end in .toml or .json: the landscape is written in that format"
        raise click.BadParameter(message)
    return value


_output_option = click.option(
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    callback=_check_output,
    help="Write the landscape with the plan applied to this file (.toml or .json).",
)
_json_option = click.option("--json", "as_json", is_flag=True, help="Print the plan as JSON.")
_time_option = click.option(
    "--time-limit",
    type=click.FloatRange(min=0.01),
    default=10.0,
    show_default=True,
    help="The solver's limit per region, in deterministic time (about seconds).",
)
_seed_option = click.option(
    "--seed", type=int, default=0, show_default=True, help="The solver's seed."
)


class _InOrder(click.Group):
    """A group that lists its commands in the order of the work: intakes, groups, ..."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)


@cli.group("plan", cls=_InOrder)
def plan_group() -> None:
    """Plan a learning programme: intake gate, learning groups, meetings, the pool.

    Each subcommand prints the plan with its explanation (or --json), and with
    --output writes the landscape with the plan applied, atomically.
    """


def _write(landscape: Landscape, output: Path | None) -> None:
    """Write the applied landscape before anything is printed, so a closed pipe loses nothing."""
    from democratie.io import dump

    if output is not None:
        dump(landscape, output)


def _wrote(output: Path | None) -> None:
    if output is not None:
        echo(f"wrote {shown(output)}")


#: The command-line option of each argument a planner names in its problems.
_OPTIONS = {
    "initiative": "--initiative",
    "network": "--network",
    "start": "--start",
    "end": "--end",
    "count": "--count",
    "kind": "--kind",
    "volunteers": "--volunteer",
    "unavailable": "--unavailable",
    "size": "--size",
    "by": "--by",
    "keep": "--keep",
    "time_limit": "--time-limit",
    "max_load": "--max-load",
    "pool": "--pool",
}


@contextmanager
def _options() -> Iterator[None]:
    """Say a planner's problems in the words of the command line (``--volunteer``)."""
    try:
        yield
    except PlanError as error:
        problems = []
        for problem in error.problems:
            head, _, rest = problem.path.partition("[")
            option = _OPTIONS.get(head.split(".")[0])
            path = problem.path
            if option is not None:
                path = option + (f" (number {int(rest.split(']')[0]) + 1})" if rest else "")
            problems.append(evolve(problem, path=path))
        raise PlanError(problems) from None


@plan_group.command("intakes")
@_lang_option
@_strict_option
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--initiative", required=True, help="The id of the trajectory.")
@_json_option
@click.pass_context
def intakes_command(ctx: click.Context, file: Path, initiative: str, as_json: bool) -> int:
    """Which municipalities may enter the trajectory after their intake, and why not."""
    from democratie import plan as planning

    settings = _settings(ctx)
    landscape = _load(file, settings)
    with _options():
        gate = planning.assess_intakes(landscape, initiative)
    if as_json:
        echo_json(
            {
                m: {
                    "admitted": a.admitted,
                    "themes": [t.value for t in a.themes],
                    "reasons": [{"code": r.code, "en": r.en, "nl": r.nl} for r in a.reasons],
                }
                for m, a in gate.items()
            }
        )
    else:
        lang = settings.lang
        yes, no = ("ja", "nee") if lang == "nl" else ("yes", "no")
        rows = [
            [
                a.municipality,
                yes if a.admitted else no,
                ", ".join(t.label(lang) for t in a.themes),
                "; ".join(r.text(lang) for r in a.reasons),
            ]
            for a in gate.values()
        ]
        headers = (
            ["gemeente", "toegelaten", "thema's", "redenen"]
            if lang == "nl"
            else ["municipality", "admitted", "themes", "reasons"]
        )
        echo(table(rows, headers))
        admitted = sum(a.admitted for a in gate.values())
        echo(f"\n{admitted} / {len(gate)} " + ("toegelaten" if lang == "nl" else "admitted"))
    return EXIT_OK


@plan_group.command("groups")
@_lang_option
@_strict_option
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--initiative", required=True, help="The id of the trajectory.")
@click.option(
    "--size", type=click.IntRange(min=2), default=10, show_default=True, help="Target group size."
)
@click.option(
    "--by",
    type=click.Choice(["province", "landsdeel", "none"]),
    default="province",
    show_default=True,
    help="Form groups per province, per CBS landsdeel, or in one pool.",
)
@click.option(
    "--keep/--no-keep",
    default=True,
    show_default=True,
    help="Keep the learning groups FILE already holds: move as few members as can be.",
)
@_time_option
@_seed_option
@_output_option
@_json_option
@click.pass_context
def groups_command(
    ctx: click.Context,
    file: Path,
    initiative: str,
    size: int,
    by: str,
    keep: bool,
    time_limit: float,
    seed: int,
    output: Path | None,
    as_json: bool,
) -> int:
    """Compose the learning groups of the admitted municipalities (OR-Tools CP-SAT).

    When FILE already holds learning groups for the initiative (an earlier plan, say,
    before a late sign-up), the new plan moves as few of their members as the
    objective allows, and says who moved; --no-keep plans afresh.
    """
    from democratie import plan as planning

    settings = _settings(ctx)
    landscape = _load(file, settings)
    regions = None if by == "none" else by
    with _options():
        earlier = (
            planning.GroupPlan.recorded(landscape, initiative, by=regions)  # type: ignore[arg-type]
            if keep
            else None
        )
        with status("composing the groups"):
            result = planning.compose_groups(
                landscape,
                initiative,
                size=size,
                by=regions,  # type: ignore[arg-type]
                time_limit=time_limit,
                seed=seed,
                keep=earlier,
            )
        departing = result.departing_hosts(landscape)
        applied = result.apply(landscape)
    _write(applied, output)
    if as_json:
        echo_json(result.to_dict())
    else:
        lang = settings.lang
        rows = [
            [
                g.id,
                g.region,
                str(len(g.members)),
                ", ".join(g.members),
                f"{_mean(g.similarity, len(g.members)):.2f}",
            ]
            for g in result.groups
        ]
        headers = (
            ["leergroep", "regio", "n", "leden", "overeenkomst per paar"]
            if lang == "nl"
            else ["group", "region", "n", "members", "similarity per pair"]
        )
        echo(table(rows, headers))
        _explain(result.explain(lang))
    _wrote(output)
    for meeting, host in departing:
        note = (
            f"{meeting} heeft geen gastheer meer: {host} zit niet meer in de groep; "
            "plan de bijeenkomsten opnieuw"
            if settings.lang == "nl"
            else f"{meeting} has no host any more: {host} left the group; plan its meetings again"
        )
        echo(f"democratie: note: {note}", err=True)
    return EXIT_OK


def _mean(total: float, members: int) -> float:
    pairs = members * (members - 1) // 2
    return total / pairs if pairs else 0.0


@plan_group.command("meetings")
@_lang_option
@_strict_option
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--network", required=True, help="The id of the network that meets.")
@click.option("--start", required=True, type=DAY, help="First day.")
@click.option("--end", required=True, type=DAY, help="Last day.")
@click.option(
    "--count", type=click.IntRange(min=0), default=3, show_default=True, help="Regular meetings."
)
@click.option(
    "--closing/--no-closing", default=True, show_default=True, help="End with a slotbijeenkomst."
)
@click.option(
    "--kind",
    default="regionale_bijeenkomst",
    show_default=True,
    help="The kind of the regular meetings (a meeting kind slug).",
)
@click.option(
    "--volunteer",
    "volunteers",
    multiple=True,
    help="A member who offers to host (repeat the option for more).",
)
@click.option(
    "--unavailable",
    multiple=True,
    help="A member who cannot host: ID for never, ID@YYYY-MM-DD for that day (repeatable).",
)
@_output_option
@_json_option
@click.pass_context
def meetings_command(
    ctx: click.Context,
    file: Path,
    network: str,
    start: dt.datetime,
    end: dt.datetime,
    count: int,
    closing: bool,
    kind: str,
    volunteers: Sequence[str],
    unavailable: Sequence[str],
    output: Path | None,
    as_json: bool,
) -> int:
    """Plan a network's meetings over a window, each hosted by a member in turn."""
    from democratie import plan as planning

    settings = _settings(ctx)
    landscape = _load(file, settings)
    with _options():
        result = planning.plan_meetings(
            landscape,
            network,
            start=start.date(),
            end=end.date(),
            count=count,
            closing=closing,
            kind=kind,
            volunteers=tuple(volunteers),
            unavailable=tuple(_unavailable(item) for item in unavailable),
        )
        applied = result.apply(landscape)
    _write(applied, output)
    if as_json:
        echo_json(result.to_dict())
    else:
        lang = settings.lang
        rows = [
            [str(m.date), m.title, m.host or "", c.reason.text(lang)]
            for m, c in zip(result.meetings, result.hosts, strict=False)
        ]
        headers = (
            ["datum", "bijeenkomst", "gastheer of gastgemeente", "waarom"]
            if lang == "nl"
            else ["date", "meeting", "host", "why"]
        )
        echo(table(rows, headers))
    _wrote(output)
    nl = settings.lang == "nl"
    hostless = [c for c in result.hosts if c.host is None]
    if hostless:
        reasons = "; ".join(dict.fromkeys(c.reason.text(settings.lang) for c in hostless))
        note = (
            f"{len(hostless)} van de {len(result.hosts)} bijeenkomsten hebben nog geen "
            f"gastheer: {reasons}"
            if nl
            else f"{len(hostless)} of the {len(result.hosts)} meetings have no host yet: {reasons}"
        )
        echo(f"democratie: note: {note}", err=True)
    if result.dropped:
        dropped = ", ".join(result.dropped)
        note = (
            f"niet meer nodig, en verwijderd: {dropped}"
            if nl
            else f"no longer needed, and removed: {dropped}"
        )
        echo(f"democratie: note: {note}", err=True)
    return EXIT_OK


def _unavailable(item: str) -> str | tuple[str, dt.date]:
    member, _, day = item.partition("@")
    if not day:
        return member
    try:
        return member, dt.date.fromisoformat(day)
    except ValueError:
        message = f"'{item}': expected ID or ID@YYYY-MM-DD, with a date in the calendar"
        raise click.BadParameter(message, param_hint="'--unavailable'") from None


@plan_group.command("pool")
@_lang_option
@_strict_option
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--initiative", required=True, help="The id of the trajectory.")
@click.option(
    "--max-load",
    type=click.IntRange(min=1),
    default=3,
    show_default=True,
    help="The most municipalities per officer.",
)
@click.option("--pool", default=None, help="The id of a network that forms the pool.")
@_time_option
@_seed_option
@_output_option
@_json_option
@click.pass_context
def pool_command(
    ctx: click.Context,
    file: Path,
    initiative: str,
    max_load: int,
    pool: str | None,
    time_limit: float,
    seed: int,
    output: Path | None,
    as_json: bool,
) -> int:
    """Assign a change officer from the pool to each admitted municipality (CP-SAT)."""
    from democratie import plan as planning

    settings = _settings(ctx)
    landscape = _load(file, settings)
    with _options():
        result = planning.allocate_pool(
            landscape, initiative, max_load=max_load, pool=pool, time_limit=time_limit, seed=seed
        )
        applied = result.apply(landscape)
    _write(applied, output)
    if as_json:
        echo_json(result.to_dict())
    else:
        lang = settings.lang
        rows: list[list[str]] = [
            [
                a.municipality,
                a.officer,
                ", ".join(t.label(lang) for t in a.covered),
                ", ".join(t.label(lang) for t in a.uncovered),
            ]
            for a in result.assignments
        ]
        rows.extend([u.municipality, "", "", u.reason.text(lang)] for u in result.unmet)
        headers = (
            ["gemeente", "veranderambtenaar", "gedekt", "niet gedekt"]
            if lang == "nl"
            else ["municipality", "officer", "covered", "not covered"]
        )
        echo(table(rows, headers))
        lines = result.explain(lang)
        _explain([lines[0], *lines[1 + len(result.assignments) + len(result.unmet) :]])
    _wrote(output)
    return EXIT_OK


def _explain(lines: list[str]) -> None:
    echo("")
    for line in lines:
        echo(line)


# -- the demo's planning --------------------------------------------------------------------

#: The trajectory of the Democratie in Actie example, and the window of its meetings: the
#: start is "begin 2019" and the trajectory lasts "in principe 1 jaar".
_DIA = ("democratie-in-actie-noord-nederland", "dia-ontwikkeltraject-organisatieontwikkeling")
_DIA_WINDOW = (dt.date(2019, 3, 1), dt.date(2019, 12, 13))
#: The M50 learning circle's two follow-up meetings: "eind juni" and "december" of the
#: year after the kick-off of 4 February 2020.
_M50 = ("m50-leerkring-waalwijk", "m50-leerkring-democratische-vernieuwing")
_M50_WINDOW = (dt.date(2020, 6, 22), dt.date(2020, 12, 18))


def plan_examples(
    output: Path,
    settings: Settings,
    *,
    time_budget: float | None = DEFAULT_TIME_BUDGET,
    as_of: AsOf | None = None,
) -> list[Path]:
    """Plan the processes two seed examples describe; write the planned landscapes.

    Democratie in Actie: the intake gate, learning groups for the landsdeel
    Noord-Nederland, three regional meetings and a closing one per group with hosts in
    turn, and the pool of change officers. M50: its two follow-up meetings, each with a
    host. For each: the planned landscape (``<name>-gepland.toml``), its calendar
    (``.ics``) and its report, in *output*.
    """
    from democratie import examples
    from democratie import plan as planning
    from democratie.plan._solver import load_cp_model

    try:
        load_cp_model()
    except SolverUnavailableError as error:
        echo(f"\nplanning skipped: {error}")
        return []
    echo("\nPlanning what the seed texts describe:")
    written: list[Path] = []
    name, initiative = _DIA
    landscape = examples.load(name)
    gate = planning.assess_intakes(landscape, initiative)
    out = [m for m, a in gate.items() if not a.admitted]
    echo(
        f"{name}: intake: {len(gate) - len(out)} of {len(gate)} admitted"
        + (f" (not: {', '.join(out)})" if out else "")
    )
    groups = planning.compose_groups(landscape, initiative, by="landsdeel")
    landscape = groups.apply(landscape)
    proof = "proven optimal" if groups.optimal else "not proven optimal"
    sizes = ", ".join(str(len(g.members)) for g in groups.groups)
    echo(f"{name}: {len(groups.groups)} learning groups of {sizes} ({proof})")
    start, end = _DIA_WINDOW
    for group in groups.groups:
        meetings = planning.plan_meetings(landscape, group.id, start=start, end=end, count=3)
        landscape = meetings.apply(landscape)
        hosts = ", ".join(f"{m.date} {m.host}" for m in meetings.meetings)
        echo(f"{name}: {group.id}: {hosts}")
    pool = planning.allocate_pool(landscape, initiative)
    landscape = pool.apply(landscape)
    echo(
        f"{name}: pool: {pool.served} of {pool.served + len(pool.unmet)} questions "
        f"with a change officer, {pool.covered} themes covered"
    )
    written.extend(_write_planned(landscape, output, name, settings, time_budget, as_of))
    name, network = _M50
    landscape = examples.load(name)
    start, end = _M50_WINDOW
    follow_up = planning.plan_meetings(
        landscape,
        network,
        start=start,
        end=end,
        count=2,
        closing=False,
        kind="vervolgbijeenkomst",
    )
    landscape = follow_up.apply(landscape)
    hosts = ", ".join(f"{m.date} {m.host}" for m in follow_up.meetings)
    echo(f"{name}: follow-up meetings: {hosts}")
    written.extend(_write_planned(landscape, output, name, settings, time_budget, as_of))
    return written


def _write_planned(
    landscape: Landscape,
    output: Path,
    name: str,
    settings: Settings,
    time_budget: float | None,
    as_of: AsOf | None,
) -> list[Path]:
    from democratie.io import dump

    stem = f"{name}-gepland"
    folder = output / "plans"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise WriteError(str(folder), error.strerror or str(error)) from None
    document = folder / f"{stem}.toml"
    dump(landscape, document)
    calendar = democratie.export(landscape, "ics", folder / f"{stem}.ics", strict=settings.strict)
    report, _ = _report(
        landscape, output, settings, name=stem, time_budget=time_budget, as_of=as_of
    )
    for path in (document, calendar, report):
        echo(f"  wrote {shown(path)}")
    return [document, calendar, report]

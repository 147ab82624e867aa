r"""CSV tables with a data card: the landscape as flat, tidy open data.

One export is a folder (or a zip of it) with:

- ``nodes.csv``: one row per node of the stakeholder graph (actors, bodies, areas,
  initiatives, networks, meetings), with the graph's attributes as columns;
- ``edges.csv``: one row per edge (who holds a role where, takes part in what, is
  located where), with its ``relation`` and the facts it came from;
- ``roles.csv``: one row per role (Popolo's membership): who holds which role where,
  from when to when, on behalf of whom;
- ``initiatives.csv``: one row per initiative, with its kind, places, domains, period,
  ladder rung, ROB role, the commitment of council, college and civil service, and how
  often it was evaluated and its lessons passed on;
- ``indicators.csv``: one row per indicator of a goal, of a municipality or an initiative,
  with its area, unit, direction, baseline and target;
- ``measurements.csv``: one row per value measured of an indicator;
- ``scores.csv``: one row per score of every registered scoring rule, plugin rules
  included, when written through :func:`democratie.export` (which passes the
  landscape's :class:`~democratie.analysis.Analysis`); of the scorecards given in the
  option ``scores``; or, called here directly with neither, of the built-in rules;
  with the explanation in English and Dutch, and a ``status``: ``scored``,
  ``not_applicable``, or ``failed`` for a rule that could not score a subject (it
  raised, or was stopped at its time limit: the row has no value, its ``failure``
  code and the reason, and the data card lists it);
- ``contacts.csv``: one row per contact detail, only when ``include_private`` is set;
- ``README.md``: the data card, with what every file and field means, the row counts,
  the generation date, the licence and the sources.

The files are UTF-8 without byte-order mark, comma-separated with a header row and
``\n`` line ends, quoted only where needed (RFC 4180). An empty cell means unknown or
not applicable; lists are joined by ``|``; yes and no are ``true`` and ``false``; dates
are ``YYYY-MM-DD``; numbers use a dot. Rows are in document order, so the same landscape
gives the same bytes; the only thing that changes is the generation date in the data
card, which the option ``generated`` (or the environment variable ``SOURCE_DATE_EPOCH``)
fixes.

Examples
--------
>>> import datetime as dt
>>> import democratie
>>> land = democratie.loads('''
... format = "democratie/1"
... title = "Leusden"
... [[municipalities]]
... id = "leusden"
... cbs_code = "GM0327"
... ''')
>>> files = csv_files(land, options={"generated": dt.date(2025, 3, 1)})
>>> list(files)
['nodes.csv', 'edges.csv', 'roles.csv', 'initiatives.csv', 'indicators.csv', 'measurements.csv',
'scores.csv', 'README.md']
>>> print(files["edges.csv"].decode())
id,source,target,relation
e0,leusden-raad,leusden,body_of
e1,leusden-college,leusden,body_of
<BLANKLINE>

The data card is :data:`DATA_CARD`, and it explains each type of :data:`FIELD_TYPES`:

>>> files[DATA_CARD].decode().splitlines()[0]
'# Leusden: open data'
>>> list(FIELD_TYPES)
['text', 'integer', 'number', 'true/false', 'date', 'list']
>>> FIELD_TYPES["list"]
'a list, its items joined by `|`'

A text cell that starts with one of :data:`FORMULA_STARTS` gets a single quote in front, so
that a spreadsheet does not run it as a formula (see :func:`csv_text`):

>>> FORMULA_STARTS
('=', '+', '-', '@', '\t', '\r')
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from typing import IO, Any, Literal, TypeAlias

from attrs import frozen

from democratie.analysis import Analysis
from democratie.exporters._common import (
    LIST_SEPARATOR,
    ExportError,
    Scalar,
    flag,
    generation_date,
    package_version,
    scalar,
    text,
    utf8,
)
from democratie.exporters._graphdata import ColumnType, typed_graph
from democratie.graph import StakeholderGraph, build_graph
from democratie.graph.schema import NODE_KINDS, RELATION_DESCRIPTIONS
from democratie.model import Indicator, Initiative, Landscape
from democratie.reference import REFERENCE_YEAR
from democratie.scoring import RuleFailure, Scorecards, run
from democratie.scoring.rules import BUILTIN_RULES
from democratie.vocab import CommitmentKind

__all__ = [
    "DATA_CARD",
    "FIELD_TYPES",
    "FORMULA_STARTS",
    "CsvExporter",
    "Field",
    "Table",
    "csv_files",
    "csv_text",
    "data_card",
    "tables",
    "zip_bytes",
]

#: The kinds of value a field holds, as the data card names them.
FieldType: TypeAlias = Literal["text", "integer", "number", "true/false", "date", "list"]
#: What each field type means, for the data card.
FIELD_TYPES: Mapping[FieldType, str] = {
    "text": "text",
    "integer": "a whole number",
    "number": "a number, with a dot as decimal separator",
    "true/false": "`true` or `false`",
    "date": "a date, `YYYY-MM-DD`",
    "list": f"a list, its items joined by `{LIST_SEPARATOR}`",
}
#: The name of the data card in the folder.
DATA_CARD = "README.md"

_GRAPH_TYPES: Mapping[ColumnType, FieldType] = {
    "boolean": "true/false",
    "int": "integer",
    "long": "integer",
    "double": "number",
    "string": "text",
}


@frozen
class Field:
    """One column of a table, with what it means.

    Parameters
    ----------
    name
        The column's header.
    type
        text, integer, number, true/false, date or list.
    meaning
        What a value in it says, in a sentence.

    Examples
    --------
    >>> import democratie.examples
    >>> nodes = tables(democratie.examples.load("leusden-samenleving-voorop"), with_scores=False)[0]
    >>> nodes.fields[0]
    Field(name='id', type='text', meaning="the node's id: the id of the entity in the landscape")
    >>> [field.name for field in nodes.fields][:5]
    ['id', 'kind', 'label', 'cbs_code', 'domains']
    """

    name: str
    type: FieldType
    meaning: str


@frozen
class Table:
    """One CSV file: its name, what a row is, its fields and its rows.

    Parameters
    ----------
    name
        The file name (``"roles.csv"``).
    row
        What one row stands for, in words.
    fields
        The columns, in order.
    rows
        The values, one tuple per row, in the order of the fields; None is an empty cell.

    Examples
    --------
    >>> import democratie.examples
    >>> roles = tables(democratie.examples.load("delft-zeven-van-delft"), with_scores=False)[2]
    >>> roles.name, roles.row, len(roles.rows)
    ('roles.csv', 'a role: who holds which role where (a Popolo membership)', 5)
    >>> [field.name for field in roles.fields][:3], roles.rows[0][:3]
    (['holder', 'holder_kind', 'holder_name'], ('p-rob-van-den-berg', 'person', 'Rob van den Berg'))
    """

    name: str
    row: str
    fields: tuple[Field, ...]
    rows: tuple[tuple[Scalar | None, ...], ...]


# -- what the graph's attributes mean -----------------------------------------------------

_ASSESSMENT = "on a scale of 0 to 1, as assessed in the landscape (krachtenveld)"
_NODE_FIELDS: Mapping[str, tuple[FieldType, str]] = {
    "id": ("text", "the node's id: the id of the entity in the landscape"),
    "kind": ("text", "what the node is: " + ", ".join(NODE_KINDS)),
    "label": ("text", "its name or title"),
    "actor_kind": ("text", "the kind of organisation (stichting, woningcorporatie, bedrijf, ...)"),
    "area": ("text", "the id of the area it works in, when it works in exactly one"),
    "area_level": ("text", "the level of the area: wijk, kern, buurt, dorp, gebied, ..."),
    "attendance": ("integer", "how many people attended the meeting"),
    "cbs_code": ("text", "the CBS code of the municipality (GM and four digits)"),
    "code": ("text", "the CBS code of the area (WK... for a wijk, BU... for a buurt)"),
    "covers_all": ("list", "area levels of which the initiative reaches every area"),
    "date": ("date", "the day of the meeting"),
    "domains": ("list", "the policy domains the initiative works in"),
    "end": ("date", "the last day of the initiative or network"),
    "government_role": ("text", "the municipality's role on the ROB stair (regisseren, ...)"),
    "held": ("true/false", "whether the meeting took place"),
    "initiative_kind": ("text", "the kind of initiative (traject, workshop, leerkring, ...)"),
    "initiator": ("text", "who started the initiative: gemeente or samenleving"),
    "interest": ("number", f"how much the outcome matters to it, {_ASSESSMENT}"),
    "kern_count": ("integer", "how many kernen the municipality has"),
    "legitimacy": ("number", f"how legitimate its claim is, {_ASSESSMENT}"),
    "level": ("text", "the rung of the participation ladder the initiative promises"),
    "meeting_kind": ("text", "the kind of meeting (startbijeenkomst, intake, ...)"),
    "municipality": ("text", "the id of the municipality it belongs to or is located in"),
    "network_kind": ("text", "the kind of network (netwerk_van_gemeenten, leerkring, ...)"),
    "power": ("number", f"its ability to influence the outcome, {_ASSESSMENT}"),
    "province": ("text", "the province of the municipality"),
    "required_domains": ("list", "the policy domains the initiative is meant to cover"),
    "seats": ("integer", "the seats of the council or faction"),
    "sector": ("text", "overheid, maatschappij, markt or inwoners"),
    "start": ("date", "the first day of the initiative or network"),
    "urgency": ("number", f"how pressing its claim is, {_ASSESSMENT}"),
    "wethouder_seats": ("integer", "the number of wethouder posts in the college"),
    "wijk_count": ("integer", "how many wijken the municipality has"),
}
_EDGE_FIELDS: Mapping[str, tuple[FieldType, str]] = {
    "id": ("text", "the edge's id (the same as in the GraphML and GEXF exports)"),
    "source": ("text", "the id of the node the edge starts from (nodes.csv)"),
    "target": ("text", "the id of the node the edge points to (nodes.csv)"),
    "relation": (
        "text",
        "what ties the two: "
        + "; ".join(f"`{name}` {meaning}" for name, meaning in RELATION_DESCRIPTIONS.items()),
    ),
    "commitment": ("text", "the kind of commitment given: politiek, bestuurlijk or ambtelijk"),
    "commitment_level": ("text", "how strong the commitment is: geen, beperkt, ..."),
    "end": ("date", "the last day of the role or phase"),
    "lesson": ("text", "the kind of lesson passed on: doen, niet_doen, inzicht or kans"),
    "level": ("text", "the rung of the participation ladder at which the actor takes part"),
    "phase": ("text", "the phase of the initiative the actor takes part in"),
    "raci": (
        "text",
        "the RACI letter of a task assignment (uitvoerend, eindverantwoordelijk, ...)",
    ),
    "role": ("text", "the role held (raadslid, ...) or the part played (deelnemer, partner, ...)"),
    "role_id": ("text", "the id of the role the edge comes from, when the role has one"),
    "start": ("date", "the first day of the role or phase"),
    "task": ("text", "the task of a RACI assignment"),
    "title": ("text", "the title of the role as the source gives it"),
    "via": ("text", "`covers_all` when the initiative reaches every area of this level"),
}
_UNDESCRIBED = "added to the graph by a plugin or a program; not described here"


def _graph_field(name: str, kind: ColumnType, known: Mapping[str, tuple[FieldType, str]]) -> Field:
    if name in known:
        field_type, meaning = known[name]
        if field_type in {"text", "date", "list"} and kind != "string":
            field_type = _GRAPH_TYPES[kind]
        return Field(name, field_type, meaning)
    return Field(name, _GRAPH_TYPES[kind], _UNDESCRIBED)


def _graph_tables(graph: StakeholderGraph, include_private: bool) -> tuple[Table, Table]:
    typed = typed_graph(graph, include_private=include_private)
    node_fields = (
        _graph_field("id", "string", _NODE_FIELDS),
        *(_graph_field(c.name, c.type, _NODE_FIELDS) for c in typed.node_columns),
    )
    nodes = Table(
        name="nodes.csv",
        row="a node of the stakeholder graph: a municipality, council, college, faction, area, "
        "organisation, person, initiative, network or meeting",
        fields=node_fields,
        rows=tuple(
            (node.id, *(node.values.get(c.name) for c in typed.node_columns))
            for node in typed.nodes
        ),
    )
    edge_fields = (
        *(_graph_field(name, "string", _EDGE_FIELDS) for name in ("id", "source", "target")),
        *(_graph_field(c.name, c.type, _EDGE_FIELDS) for c in typed.edge_columns),
    )
    edges = Table(
        name="edges.csv",
        row="an edge of the stakeholder graph: one tie between two nodes, with its relation",
        fields=edge_fields,
        rows=tuple(
            (
                f"e{edge.index}",
                edge.source,
                edge.target,
                *(edge.values.get(c.name) for c in typed.edge_columns),
            )
            for edge in typed.edges
        ),
    )
    return nodes, edges


# -- roles, initiatives, scores, contacts ----------------------------------------------------


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _list(values: Iterable[object]) -> Scalar | None:
    return scalar(tuple(values))


def _roles(land: Landscape) -> Table:
    fields = (
        Field("holder", "text", "the id of the person or organisation holding the role"),
        Field("holder_kind", "text", "person or organisation"),
        Field("holder_name", "text", "the name of the holder"),
        Field("kind", "text", "the role (raadslid, wethouder, projectleider, kartrekker, ...)"),
        Field("kind_nl", "text", "the role's Dutch name"),
        Field("kind_en", "text", "the role's English name"),
        Field("at", "text", "the id of the body, organisation, initiative or network"),
        Field("at_kind", "text", "what kind of entity `at` is"),
        Field("at_name", "text", "the name of `at`"),
        Field("on_behalf_of", "text", "the id of the faction or organisation represented"),
        Field("title", "text", "the title as the source gives it"),
        Field("start", "date", "when the role began"),
        Field("end", "date", "when the role ended"),
        Field("portfolio", "list", "the portfolios of a wethouder or portefeuillehouder"),
        Field("domains", "list", "the policy domains the role covers"),
        Field("id", "text", "the role's own id, when other entities refer to it"),
    )
    rows = tuple(
        (
            role.holder,
            land.kind_of(role.holder),
            land.name_of(role.holder),
            role.kind.value,
            role.kind.label_nl,
            role.kind.label_en,
            role.at,
            land.kind_of(role.at) if role.at is not None else None,
            land.name_of(role.at) if role.at is not None else None,
            role.on_behalf_of,
            role.title,
            _date(role.start),
            _date(role.end),
            _list(role.portfolio),
            _list(role.domains),
            role.id,
        )
        for role in land.roles
    )
    return Table(
        "roles.csv", "a role: who holds which role where (a Popolo membership)", fields, rows
    )


def _commitment(initiative: Initiative, kind: CommitmentKind) -> str | None:
    found = initiative.commitment(kind)
    return found.level.value if found is not None else None


def _initiatives(land: Landscape) -> Table:
    fields = (
        Field("id", "text", "the initiative's id"),
        Field("title", "text", "its name"),
        Field("kind", "text", "experiment, traject, challenge, workshop, leerkring, ..."),
        Field("initiator", "text", "who started it: gemeente or samenleving"),
        Field("municipalities", "list", "ids of the municipalities it involves"),
        Field("areas", "list", "ids of the wijken, kernen or other areas it reaches"),
        Field("covers_all", "list", "area levels of which it reaches every area"),
        Field("domains", "list", "the policy domains it works in"),
        Field("required_domains", "list", "the policy domains it is meant to cover"),
        Field("start", "date", "its first day"),
        Field("end", "date", "its last day"),
        Field("duration_months", "integer", "its planned length in months"),
        Field("cycle", "text", "the phase cycle it follows: integraal or wettelijk"),
        Field("phases", "list", "its phases, in order"),
        Field("level", "text", "the rung of the participation ladder promised"),
        Field("realised_level", "text", "the rung actually realised"),
        Field("feedback_given", "true/false", "whether participants heard what became of it"),
        Field("government_role", "text", "the municipality's role on the ROB stair"),
        Field("network", "text", "the id of the network it works through"),
        Field("initiated_by", "list", "ids of who started it"),
        Field("led_by", "list", "ids of who leads it"),
        Field("participant_count", "integer", "how many participants it lists"),
        Field("commitment_politiek", "text", "the commitment of the council"),
        Field("commitment_bestuurlijk", "text", "the commitment of the college"),
        Field("commitment_ambtelijk", "text", "the commitment of the civil service"),
        Field("service_goals", "list", "which of Stichtse Vecht's seven service goals it serves"),
        Field("milestone_count", "integer", "how many milestones it sets"),
        Field("task_count", "integer", "how many tasks with RACI owners it lists"),
        Field("lesson_count", "integer", "how many lessons it recorded"),
        Field("meeting_count", "integer", "how many meetings it lists"),
        Field("transfer_count", "integer", "how many times its lessons were passed on"),
        Field("evaluation_count", "integer", "how many evaluations it recorded"),
        Field("last_evaluation", "date", "the date of its latest dated evaluation"),
        Field("indicator_count", "integer", "how many indicators measure its goals"),
        Field("target_municipalities", "integer", "how many municipalities it means to take in"),
        Field("description", "text", "what it is about"),
    )
    rows = tuple(
        (
            ini.id,
            ini.title,
            ini.kind.value,
            scalar(ini.initiator),
            _list(ini.municipalities),
            _list(ini.areas),
            _list(ini.covers_all),
            _list(ini.domains),
            _list(ini.required_domains),
            _date(ini.period.start),
            _date(ini.period.end),
            ini.duration_months,
            scalar(ini.cycle),
            _list(stage.phase for stage in ini.phases),
            scalar(ini.level),
            scalar(ini.realised_level),
            ini.feedback_given,
            scalar(ini.government_role),
            ini.network,
            _list(ini.initiated_by),
            _list(ini.led_by),
            len(ini.participants),
            _commitment(ini, CommitmentKind.POLITIEK),
            _commitment(ini, CommitmentKind.BESTUURLIJK),
            _commitment(ini, CommitmentKind.AMBTELIJK),
            _list(ini.service_goals),
            len(ini.milestones),
            len(ini.tasks),
            len(ini.lessons),
            len(ini.meetings),
            sum(len(lesson.transfers) for lesson in ini.lessons),
            len(ini.evaluations),
            _date(max((e.date for e in ini.evaluations if e.date is not None), default=None)),
            len(ini.indicators),
            ini.target_municipalities,
            ini.description,
        )
        for ini in land.initiatives
    )
    return Table("initiatives.csv", "an initiative", fields, rows)


def _indicators(land: Landscape) -> Table:
    fields = (
        Field("owner", "text", "the id of the municipality or initiative it belongs to"),
        Field("id", "text", "the id of the indicator"),
        Field("goal", "text", "the service goal (its slug) or the goal in words it measures"),
        Field("area", "text", "the id of the area it measures; empty for the whole municipality"),
        Field("unit", "text", "what its values count"),
        Field("direction", "text", "which way is better: omhoog or omlaag"),
        Field("baseline", "number", "the value at the start"),
        Field("target", "number", "the value to reach"),
        Field("start", "date", "the first day of its period"),
        Field("end", "date", "the last day of its period"),
        Field("measurement_count", "integer", "how many values were measured"),
    )
    rows = tuple(
        (
            owner,
            d.id,
            d.goal,
            d.area,
            d.unit,
            d.direction.value,
            d.baseline,
            d.target,
            _date(d.period.start),
            _date(d.period.end),
            len(d.measurements),
        )
        for owner, d in _all_indicators(land)
    )
    return Table("indicators.csv", "an indicator of a goal", fields, rows)


def _measurements(land: Landscape) -> Table:
    fields = (
        Field("indicator", "text", "the id of the indicator (`indicators.csv` `id`)"),
        Field("date", "date", "the day of the measurement"),
        Field("value", "number", "the value measured"),
        Field("note", "text", "what a reader should know about it"),
    )
    rows = tuple(
        (d.id, _date(m.date), m.value, m.note)
        for _, d in _all_indicators(land)
        for m in d.measurements
    )
    return Table("measurements.csv", "one measured value of an indicator", fields, rows)


def _all_indicators(land: Landscape) -> Iterable[tuple[str, Indicator]]:
    """Every indicator with the id of its owner: the municipalities', then the initiatives'."""
    for mun in land.municipalities:
        for indicator in mun.indicators:
            yield mun.id, indicator
    for ini in land.initiatives:
        for indicator in ini.indicators:
            yield ini.id, indicator


#: What ``status`` in ``scores.csv`` says, by value.
_STATUSES: Mapping[str, str] = {
    "scored": "the rule gave a value",
    "not_applicable": "the rule does not apply; the explanation says why",
    "failed": (
        "the rule could not score the subject; its score is missing, not zero, and "
        "`failure` and the explanation say why"
    ),
}
#: What ``failure`` in ``scores.csv`` says, by the code of a rule failure.
_FAILURES: Mapping[str, str] = {
    "over-budget": "the rule took longer than its time limit and was stopped",
    "raised": "the rule raised an error",
    "wrong-type": "the rule returned something that is not a score",
    "wrong-score": "the rule returned a score of another rule, subject or range",
}


def _scores(cards: Scorecards) -> Table:
    statuses = ", ".join(f"`{name}` ({meaning})" for name, meaning in _STATUSES.items())
    failures = ", ".join(f"`{code}` ({meaning})" for code, meaning in _FAILURES.items())
    fields = (
        Field("subject", "text", "the id of the municipality, initiative or network scored"),
        Field("subject_kind", "text", "municipality, initiative or network"),
        Field("subject_title", "text", "its name or title"),
        Field("rule", "text", "the scoring rule (see the rule catalogue of democratie)"),
        Field("value", "number", "the score; empty when the rule does not apply or failed"),
        Field("value_min", "number", "the lowest value the rule can give; empty when it failed"),
        Field(
            "value_max",
            "number",
            "the highest value the rule can give (higher is better); empty when it failed",
        ),
        Field("normalised", "number", "the value rescaled to 0 to 1"),
        Field("applicable", "true/false", "whether the rule applied; empty when it failed"),
        Field(
            "out_of_scope",
            "true/false",
            "whether the rule does not apply because the subject is not the kind it judges "
            "(nothing to record), rather than because facts are missing; empty when it failed",
        ),
        Field(
            "explanation_en",
            "text",
            "what the value means, why the rule does not apply, or why it failed",
        ),
        Field("explanation_nl", "text", "the same in Dutch"),
        Field("status", "text", f"what became of the rule on this subject: {statuses}"),
        Field(
            "failure",
            "text",
            f"why the rule failed, when `status` is `failed` (empty otherwise): {failures}",
        ),
    )
    by_subject: dict[str, list[RuleFailure]] = {}
    for failure in cards.failures:
        by_subject.setdefault(failure.subject, []).append(failure)
    rows: list[tuple[Scalar | None, ...]] = []
    for card in cards.cards:
        failed = {failure.rule: failure for failure in by_subject.pop(card.subject, [])}
        scored = {score.rule: score for score in card.scores}
        for rule in dict.fromkeys([*cards.rules, *scored, *failed]):
            if rule in scored:
                score = scored[rule]
                rows.append(
                    (
                        card.subject,
                        card.kind,
                        card.title,
                        score.rule,
                        score.value,
                        float(score.value_range[0]),
                        float(score.value_range[1]),
                        score.normalised,
                        score.applicable,
                        score.out_of_scope,
                        score.explanation.en,
                        score.explanation.nl,
                        "scored" if score.applicable else "not_applicable",
                        None,
                    )
                )
            elif rule in failed:
                rows.append(_failed_row(failed[rule], card.kind, card.title))
    # Failures of subjects without a scorecard (scorecards put together by hand).
    rows.extend(_failed_row(f, None, None) for found in by_subject.values() for f in found)
    row = "one rule applied to one subject: its score, or why it has none"
    return Table("scores.csv", row, fields, tuple(rows))


def _failed_row(
    failure: RuleFailure, kind: str | None, title: str | None
) -> tuple[Scalar | None, ...]:
    return (
        failure.subject,
        kind,
        title,
        failure.rule,
        None,
        None,
        None,
        None,
        None,
        None,
        failure.message_in("en"),
        failure.message_in("nl"),
        "failed",
        failure.code,
    )


def _contacts(land: Landscape) -> Table:
    fields = (
        Field("holder", "text", "the id of the person or organisation"),
        Field("holder_kind", "text", "person or organisation"),
        Field("holder_name", "text", "their name"),
        Field("kind", "text", "email, telefoon, website or adres"),
        Field("value", "text", "the address or number"),
    )
    rows = tuple(
        (holder.id, kind, holder.name, detail.kind.value, detail.value)
        for kind, holders in (("person", land.people), ("organisation", land.organisations))
        for holder in holders
        for detail in holder.contact
    )
    return Table("contacts.csv", "a contact detail (private: handle with care)", fields, rows)


def tables(
    landscape: Landscape,
    graph: StakeholderGraph | None = None,
    *,
    include_private: bool = False,
    scores: Scorecards | None = None,
    with_scores: bool = True,
) -> tuple[Table, ...]:
    """Return the tables of the CSV export, in the order of the data card.

    Parameters
    ----------
    landscape
        The landscape to tabulate.
    graph
        Its stakeholder graph; built with :func:`democratie.graph.build_graph` when None.
    include_private
        Add ``contacts.csv`` and keep contact attributes of the graph.
    scores
        The scorecards for ``scores.csv``; by default the built-in rules are run
        (:data:`democratie.scoring.rules.BUILTIN_RULES`, seed 0) on *graph*, in as
        many processes as :func:`democratie.scoring.run` uses with ``workers=None``
        (the same scores as in one).
    with_scores
        Whether to include ``scores.csv`` at all.

    Returns
    -------
    tuple of Table
        nodes, edges, roles, initiatives, indicators, measurements, then scores and
        contacts when asked for.

    Examples
    --------
    >>> import democratie.examples
    >>> land = democratie.examples.load("delft-zeven-van-delft")
    >>> [(table.name, len(table.rows)) for table in tables(land)]
    [('nodes.csv', 15), ('edges.csv', 34), ('roles.csv', 5), ('initiatives.csv', 2),
    ('indicators.csv', 0), ('measurements.csv', 0), ('scores.csv', 46)]
    """
    chosen = graph if graph is not None else build_graph(landscape)
    found = [
        *_graph_tables(chosen, include_private),
        _roles(landscape),
        _initiatives(landscape),
        _indicators(landscape),
        _measurements(landscape),
    ]
    if with_scores:
        cards = (
            scores
            if scores is not None
            else run(landscape, BUILTIN_RULES, graph=chosen, workers=None)
        )
        found.append(_scores(cards))
    if include_private:
        found.append(_contacts(landscape))
    return tuple(found)


_QUOTE = re.compile('[,"\r\n]')
#: The first characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: The field types whose cells can hold free text, and so a formula.
_TEXTUAL: frozenset[FieldType] = frozenset({"text", "list"})


def _cell(value: Scalar | None, *, guard: bool = False) -> str:
    if value is None:
        return ""
    shown = value if isinstance(value, str) else text(value)
    if guard and shown.startswith(FORMULA_STARTS):
        return "\"'" + shown.replace('"', '""') + '"'
    if _QUOTE.search(shown) is not None:
        return '"' + shown.replace('"', '""') + '"'
    return shown


def csv_text(table: Table, *, escape_formulas: bool = True) -> str:
    r"""Return a table as CSV text: a header row, then the rows; ``\n`` line ends.

    A text or list cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
    return (:data:`FORMULA_STARTS`) would be run as a formula by a spreadsheet that opens
    the file (CSV injection). As OWASP recommends, such a cell is written with a single
    quote in front and in double quotes, so that a spreadsheet shows it as text. Cells of
    the other types (integer, number, true/false, date) are numbers and dates the export
    writes itself, never free text, and are written as they are: ``-3`` stays a number.
    ``escape_formulas=False`` writes every cell as it is, for programs that read the
    files as data.

    Examples
    --------
    >>> table = Table("t.csv", "a row", (Field("a", "text", "x"), Field("b", "list", "y")),
    ...               (('zeg "ja" nu', "zorg|sport"), (None, "x,y")))
    >>> print(csv_text(table), end="")
    a,b
    "zeg ""ja"" nu",zorg|sport
    ,"x,y"
    >>> table = Table("t.csv", "a row", (Field("label", "text", "x"), Field("n", "integer", "y")),
    ...               (('=HYPERLINK("http://evil.example/","click")', -3),))
    >>> print(csv_text(table), end="")
    label,n
    "'=HYPERLINK(""http://evil.example/"",""click"")",-3
    >>> print(csv_text(table, escape_formulas=False), end="")
    label,n
    "=HYPERLINK(""http://evil.example/"",""click"")",-3
    """
    guards = [escape_formulas and f.type in _TEXTUAL for f in table.fields]
    lines = [",".join(_cell(f.name) for f in table.fields)]
    for row in table.rows:
        lines.append(
            ",".join(_cell(value, guard=guard) for value, guard in zip(row, guards, strict=True))
        )
    return "\n".join(lines) + "\n"


def _inline(value: str) -> str:
    return " ".join(value.replace("|", "\\|").split())


def data_card(
    landscape: Landscape,
    files: Sequence[Table],
    *,
    generated: dt.date,
    licence: str | None = None,
    include_private: bool = False,
    escape_formulas: bool = True,
) -> str:
    """Return the data card (``README.md``) of a CSV export, in Markdown.

    It says what the data is, when and with what it was generated, the files with their
    row counts, the licence, the sources (those of the landscape, and the CBS list when
    municipalities carry CBS codes), the conventions of the files, and every field of
    every file with its type and meaning.

    Parameters
    ----------
    landscape
        The landscape the tables were made from (for its title, description and sources).
    files
        The tables, as :func:`tables` returns them.
    generated
        The generation date to state.
    licence
        The licence under which the files are published (``"CC BY 4.0"``); when None,
        the card says no licence was given.
    include_private
        Whether the export holds contact details (the card then warns about them).
    escape_formulas
        Whether text cells that start like a formula were written with a ``'`` in front
        (see :func:`csv_text`); the conventions say which.

    Examples
    --------
    >>> import datetime as dt
    >>> import democratie.examples
    >>> land = democratie.examples.load("leusden-samenleving-voorop")
    >>> card = data_card(land, tables(land, with_scores=False), generated=dt.date(2025, 3, 1),
    ...                  licence="CC BY 4.0")
    >>> card.splitlines()[0]
    '# Samenleving Voorop (Leusden): open data'
    >>> [line for line in card.splitlines() if line.startswith("## ")]
    ['## Files', '## Licence', '## Sources', '## Privacy', '## Conventions', '## Fields']
    >>> "CC BY 4.0" in card
    True
    """
    title = landscape.title or "Landscape"
    out = [f"# {title}: open data", ""]
    if landscape.description:
        out += [" ".join(landscape.description.split()), ""]
    out += [
        (
            f"Generated on {generated.isoformat()} with democratie {package_version()}, from the "
            f"landscape “{title}”. It holds {len(files)} CSV files and this data card."
        ),
        "",
        "## Files",
        "",
        "| file | rows | one row is |",
        "| --- | ---: | --- |",
    ]
    out += [f"| `{t.name}` | {len(t.rows)} | {_inline(t.row)} |" for t in files]
    out += _failed_rules(files)
    out += ["", "## Licence", ""]
    if licence:
        out += [f"These files are published under: {_inline(licence)}.", ""]
    else:
        out += [
            (
                "No licence was given when these files were made. Ask the publisher before "
                "reusing them; the sources below may set terms of their own."
            ),
            "",
        ]
    out += ["## Sources", ""]
    sources = []
    for source in landscape.sources:
        line = f"- {_inline(source.title)}"
        if source.url:
            line += f" <{source.url}>"
        if source.note:
            line += f": {_inline(source.note)}"
        sources.append(line)
    if any(m.cbs_code is not None for m in landscape.municipalities):
        sources.append(
            "- Names, CBS codes and provinces of municipalities: CBS municipal classification "
            f"{REFERENCE_YEAR} (Gemeentelijke indeling {REFERENCE_YEAR}, Statistics "
            "Netherlands), as shipped with democratie; facts (CBS open data)."
        )
    out += sources or ["The landscape names no sources."]
    out += ["", "## Privacy", ""]
    if include_private:
        out += [
            (
                "These files include contact details (`contacts.csv`): e-mail addresses and "
                "phone numbers. Handle them as personal data (AVG/GDPR) and do not publish "
                "them without a lawful basis."
            ),
            "",
        ]
    else:
        out += ["Contact details (e-mail addresses, phone numbers) are left out.", ""]
    out += [
        "## Conventions",
        "",
        (
            "- UTF-8 without byte-order mark, comma-separated, a header row, `\\n` line "
            "ends, quotes only where a value needs them (RFC 4180)."
        ),
        "- An empty cell means unknown or not applicable.",
        (
            "- A text or list cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage "
            "return has a single quote (`'`) in front, so that a spreadsheet shows it as text "
            "and does not run it as a formula (CSV injection); remove that quote when reading "
            "the files as data. Numbers are written as they are (`-3`)."
            if escape_formulas
            else "- Every cell is written as it is, also text that starts with `=`, `+`, `-` "
            "or `@`: do not open these files in a spreadsheet, which may run such text as a "
            "formula."
        ),
        *(
            f"- Type *{kind}*: {meaning}."
            for kind, meaning in FIELD_TYPES.items()
            if kind != "text"
        ),
        (
            "- Ids are the ids of the landscape; they join the tables (`edges.csv` `source` "
            "and `target` to `nodes.csv` `id`, `roles.csv` `holder` and `at` to `nodes.csv` "
            "`id`, `measurements.csv` `indicator` to `indicators.csv` `id`)."
        ),
        "",
        "## Fields",
    ]
    for table in files:
        out += ["", f"### `{table.name}`", "", "| field | type | meaning |", "| --- | --- | --- |"]
        out += [f"| `{f.name}` | {f.type} | {_inline(f.meaning)} |" for f in table.fields]
    return "\n".join(out) + "\n"


def _failed_rules(files: Sequence[Table]) -> list[str]:
    """The data card's list of the rules that failed, read from ``scores.csv``; none without it."""
    table = next((t for t in files if t.name == "scores.csv"), None)
    if table is None:
        return []
    column = {f.name: index for index, f in enumerate(table.fields)}
    failed = [row for row in table.rows if row[column["status"]] == "failed"]
    out = ["", "## Rules that failed", ""]
    if not failed:
        return [
            *out,
            (
                "None: every rule gave every subject it applies to a score, or the reason it "
                "does not apply."
            ),
        ]
    out += [
        (
            "These rules could not score a subject. `scores.csv` has a row for each, with "
            "`status` `failed`, the code in `failure`, the reason in the explanation and no "
            "value: the score is missing, not zero."
        ),
        "",
    ]
    for row in failed:
        subject, title = row[column["subject"]], row[column["subject_title"]]
        named = f"`{subject}` ({_inline(str(title))})" if title else f"`{subject}`"
        reason = _inline(str(row[column["explanation_en"]]))
        out.append(f"- `{row[column['rule']]}` on {named}: {reason} (`{row[column['failure']]}`)")
    return out


def _scores_option(options: Mapping[str, Any]) -> tuple[bool, Scorecards | None]:
    given = options.get("scores")
    if given is None:
        analysis = options.get("analysis")
        if analysis is None:
            return True, None
        if isinstance(analysis, Analysis):
            return True, analysis.scorecards
        message = f"the option 'analysis' must be an Analysis, got {type(analysis).__name__}"
        raise ExportError(message, format="csv")
    if given is False:
        return False, None
    if isinstance(given, Scorecards):
        return True, given
    message = f"the option 'scores' must be Scorecards or False, got {type(given).__name__}"
    raise ExportError(message, format="csv")


def csv_files(
    landscape: Landscape,
    graph: StakeholderGraph | None = None,
    options: Mapping[str, Any] | None = None,
) -> dict[str, bytes]:
    """Return the files of the CSV export by name: the tables, then ``README.md``.

    Parameters
    ----------
    landscape
        The landscape to export.
    graph
        Its stakeholder graph; built when None.
    options
        ``include_private`` (bool), ``scores`` (:class:`~democratie.scoring.Scorecards`
        to write, or False for no ``scores.csv``), ``analysis`` (an
        :class:`~democratie.analysis.Analysis` whose scorecards to write, when
        ``scores`` is not given: :func:`democratie.export` passes one, so every
        registered rule is in ``scores.csv``), ``licence`` (text for the data card),
        ``generated`` (the date the data card states; see :func:`generation_date`),
        ``escape_formulas`` (bool, True by default: a text cell that a spreadsheet would
        run as a formula gets a ``'`` in front, see :func:`csv_text`; False writes every
        cell as it is, for programs that read the files as data).

    Raises
    ------
    ExportError
        When an option has a wrong value.

    Examples
    --------
    >>> import democratie.examples
    >>> land = democratie.examples.load("leusden-samenleving-voorop")
    >>> files = csv_files(land, options={"scores": False, "generated": "2025-03-01"})
    >>> list(files)
    ['nodes.csv', 'edges.csv', 'roles.csv', 'initiatives.csv', 'indicators.csv', 'measurements.csv',
    'README.md']
    >>> print(files["initiatives.csv"].decode().splitlines()[0][:80])
    id,title,kind,initiator,municipalities,areas,covers_all,domains,required_domains
    """
    options = options or {}
    private = flag(options, "include_private", format="csv")
    licence = options.get("licence")
    if licence is not None and (not isinstance(licence, str) or not licence.strip()):
        message = f"the option 'licence' must be a text like 'CC BY 4.0', got {licence!r}"
        raise ExportError(message, format="csv")
    generated = generation_date(options, format="csv")
    escape = options.get("escape_formulas", True)
    if not isinstance(escape, bool):
        message = f"the option 'escape_formulas' must be True or False, got {escape!r}"
        raise ExportError(message, format="csv")
    with_scores, scores = _scores_option(options)
    found = tables(
        landscape, graph, include_private=private, scores=scores, with_scores=with_scores
    )
    files = {table.name: utf8(csv_text(table, escape_formulas=escape)) for table in found}
    card = data_card(
        landscape,
        found,
        generated=generated,
        licence=licence,
        include_private=private,
        escape_formulas=escape,
    )
    files[DATA_CARD] = utf8(card)
    return files


def zip_bytes(files: Mapping[str, bytes]) -> bytes:
    """Pack files into a zip archive, the same bytes for the same files.

    Every entry gets the same fixed time stamp (1980-01-01) and permissions, in the
    order given, compressed with deflate.

    Examples
    --------
    >>> import io
    >>> import zipfile
    >>> files = {"nodes.csv": b"id,label", "README.md": b"# Leusden"}
    >>> data = zip_bytes(files)
    >>> data == zip_bytes(files)
    True
    >>> [(info.filename, info.date_time) for info in zipfile.ZipFile(io.BytesIO(data)).infolist()]
    [('nodes.csv', (1980, 1, 1, 0, 0, 0)), ('README.md', (1980, 1, 1, 0, 0, 0))]
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            archive.writestr(info, data, compresslevel=9)
    return buffer.getvalue()


@frozen
class CsvExporter:
    """Writes tidy CSV tables with a data card (format ``"csv"``).

    :func:`democratie.exporters.export` writes a folder of files (see :func:`csv_files`),
    or a zip of them when the destination ends in ``.zip``; through the exporter
    protocol, :meth:`export` writes the zip.

    Options: ``include_private``, ``scores``, ``analysis``, ``licence``, ``generated``,
    ``escape_formulas`` (see :func:`csv_files`).

    Examples
    --------
    Through the exporter protocol it writes one zip archive:

    >>> import io
    >>> import zipfile
    >>> import democratie.examples
    >>> out = io.BytesIO()
    >>> land = democratie.examples.load("leusden-samenleving-voorop")
    >>> CsvExporter().export(land, None, out, {"scores": False, "generated": "2025-03-01"})
    >>> zipfile.ZipFile(out).namelist()
    ['nodes.csv', 'edges.csv', 'roles.csv', 'initiatives.csv', 'indicators.csv', 'measurements.csv',
    'README.md']
    """

    name = "csv"
    title = "CSV tables (nodes, edges, roles, initiatives, scores) with a data card"
    suffixes = (".zip",)
    binary = True
    needs_graph = True
    #: :func:`democratie.export` passes the landscape's analysis, as the option ``analysis``.
    needs_analysis = True
    file_names = frozenset(
        {
            "nodes.csv",
            "edges.csv",
            "roles.csv",
            "initiatives.csv",
            "scores.csv",
            "contacts.csv",
            DATA_CARD,
        }
    )

    def files(
        self,
        landscape: Landscape,
        graph: StakeholderGraph | None,
        options: Mapping[str, Any],
    ) -> dict[str, bytes]:
        """Return the files of the export by name; see :func:`csv_files`."""
        return csv_files(landscape, graph, options)

    def export(
        self,
        landscape: Landscape,
        graph: StakeholderGraph | None,
        destination: IO[Any],
        options: Mapping[str, Any],
    ) -> None:
        """Write the files as one zip archive to a binary stream."""
        destination.write(zip_bytes(csv_files(landscape, graph, options)))

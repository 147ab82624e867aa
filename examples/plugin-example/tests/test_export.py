"""The exporter burgerberaad-md: the contract, the layout of the report, escaping."""

from __future__ import annotations

import io
import re

import pytest
from attrs import evolve
from democratie_burgerberaad import AssemblyReport, OecdPrinciples
from hypothesis import given, settings

import democratie
from democratie.exporters import ExportError
from democratie.model import Landscape
from democratie.scoring import run
from democratie.testing import strategies
from democratie.testing.contracts import check_exporter
from democratie.vocab import InitiativeKind


def report(land: Landscape, **options: object) -> str:
    out = io.StringIO()
    AssemblyReport().export(land, None, out, options)
    return out.getvalue()


def cells(row: str) -> list[str]:
    """Split a Markdown table row at the pipes that are not escaped."""
    found: list[str] = []
    current = ""
    escaped = False
    for char in row.strip()[1:-1]:
        if escaped:
            current += char
            escaped = False
        elif char == "\\":
            current += char
            escaped = True
        elif char == "|":
            found.append(current.strip())
            current = ""
        else:
            current += char
    found.append(current.strip())
    return found


LEUSDEN = democratie.loads(
    """
format = "democratie/1"
title = "Burgerberaden in *Leusden*"

[[municipalities]]
id = "leusden"
cbs_code = "GM0327"

[[organisations]]
id = "g1000-nl"
name = "Stichting G1000 | NL"
kind = "stichting"

[[initiatives]]
id = "beraad"
kind = "burgerberaad"
title = "# Burgerberaad <klimaat>"
municipalities = ["leusden"]
led_by = ["g1000-nl"]
goals = ["Hoe worden we\\nin 2040 *aardgasvrij*?"]
period = { start = 2024-03-01, end = 2024-06-30 }
evaluations = [{ date = 2024-06-27, method = "enquête onder de leden" }]

[[initiatives]]
id = "experiment"
kind = "experiment"
title = "Geen beraad"
"""
)


# --- The contract ----------------------------------------------------------------------------


def test_the_exporter_keeps_the_contract() -> None:
    check_exporter(AssemblyReport())


def test_the_exporter_keeps_the_contract_in_dutch() -> None:
    check_exporter(AssemblyReport(), options={"lang": "nl"}, max_examples=25)


# --- The report ------------------------------------------------------------------------------


def test_a_section_per_assembly_with_facts_score_and_the_eleven_principles() -> None:
    text = report(LEUSDEN)
    assert text.startswith("# Citizens' assemblies and the OECD good practice principles\n")
    assert "\n*Burgerberaden in \\*Leusden\\**\n" in text
    sections = text.split("\n## ")[1:]
    assert len(sections) == 1  # the experiment is no assembly
    section = sections[0]
    assert section.startswith("\\# Burgerberaad \\<klimaat\\> (`beraad`)\n")
    assert "- Municipalities: Leusden\n" in section
    assert "- Period: 2024-03-01 – 2024-06-30\n" in section
    assert "- Run by: Stichting G1000 \\| NL\n" in section
    assert "- Hoe worden we in 2040 \\*aardgasvrij\\*?\n" in section
    rows = [line for line in section.splitlines() if line.startswith("| ")]
    table = [cells(row) for row in rows]
    assert table[0] == ["#", "Principle", "Status", "What the landscape shows"]
    assert table.pop(1) == ["---:", "---", "---", "---"]
    assert [row[0] for row in table[1:]] == [str(n) for n in range(1, 12)]
    assert all(len(row) == 4 for row in table)
    status = {row[1]: row[2] for row in table[1:]}
    assert status["Purpose"] == "met"
    assert status["Integrity"] == "met"
    assert status["Evaluation"] == "met"
    assert status["Time"] == "not recorded"
    assert status["Privacy"] == "not visible"


def test_the_score_in_the_report_is_the_rules() -> None:
    score = run(LEUSDEN, [OecdPrinciples()])["beraad"]["burgerberaad.oecd_principles"]
    assert score.value is not None
    assert f"- Score: {score.value:.2f} (0–1) · " in report(LEUSDEN)


def test_the_report_in_dutch() -> None:
    text = report(LEUSDEN, lang="nl")
    assert text.startswith("# Burgerberaden en de goede-praktijkprincipes van de OESO\n")
    assert "| 11 | Evaluatie | voldaan | Het beraad is geëvalueerd. |" in text


def test_a_landscape_without_assemblies_says_so() -> None:
    text = report(LEUSDEN.remove("beraad"))
    assert "This landscape has no citizens' assemblies (burgerberaad, burgerforum, g1000)." in text
    assert "\n## " not in text


def test_an_unknown_language_is_refused_with_an_export_error() -> None:
    with pytest.raises(ExportError, match="lang"):
        report(LEUSDEN, lang="fr")


def test_the_report_follows_the_rule_it_is_given() -> None:
    only_g1000 = AssemblyReport(rule=OecdPrinciples(kinds=[InitiativeKind.G1000]))
    out = io.StringIO()
    only_g1000.export(LEUSDEN, None, out, {})
    assert "(g1000)" in out.getvalue()
    assert "\n## " not in out.getvalue()


# --- Properties ------------------------------------------------------------------------------


def as_assemblies(land: Landscape) -> Landscape:
    return land.replace(*(evolve(i, kind=InitiativeKind.G1000) for i in land.initiatives))


@settings(max_examples=40, deadline=None)
@given(strategies.landscapes(max_initiatives=3).map(as_assemblies))
def test_every_assembly_gets_one_section_with_a_well_formed_table(land: Landscape) -> None:
    text = report(land)
    sections = text.split("\n## ")[1:]
    assert len(sections) == len(land.initiatives)
    for initiative, section in zip(land.initiatives, sections, strict=True):
        heading = section.splitlines()[0]
        assert heading.endswith(f" (`{initiative.id}`)")
        rows = [cells(line) for line in section.splitlines() if line.startswith("| ")]
        assert len(rows) == 13  # the header, the rule and the eleven principles
        assert all(len(row) == 4 for row in rows)
    # Text from the landscape never starts a line of its own: it is escaped and on one line.
    for line in text.splitlines():
        assert re.match(r"(#{1,2} |- |\| |\*|[A-Z]|$)", line), line

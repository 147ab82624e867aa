"""The whole main job on real council data: import, graph, score, report.

Reads the Open Raadsinformatie councils (Amstelveen, Heerde, Utrecht; Open State
Foundation, MIT) and the Queensland Popolo file (OpenAustralia Foundation, CC BY-SA
4.0) from ../shared/real-data, and skips when that folder is absent.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

import democratie
from democratie.importers import load_ori, load_popolo
from democratie.report import render

REAL = Path(__file__).resolve().parents[2] / "shared" / "real-data"

pytestmark = [
    pytest.mark.realdata,
    pytest.mark.skipif(not REAL.is_dir(), reason="../shared/real-data is not present"),
]

COUNCILS = ("amstelveen", "heerde", "utrecht")


@pytest.mark.parametrize("council", COUNCILS)
def test_an_ori_council_imports_builds_a_graph_and_scores(council: str) -> None:
    persons = REAL / "open-raadsinformatie" / f"{council}_persons.json"
    result = load_ori(persons)
    land = result.landscape
    # democratie.load recognises the format by its content and gives the same landscape.
    assert democratie.load(persons) == land
    (municipality,) = land.municipalities
    graph = democratie.build_graph(land)
    # Every person of the landscape is a node, tied to the council or college by a role.
    assert set(graph.nodes(kind="person")) == {p.id for p in land.people}
    for person in land.people:
        assert graph.nx.out_degree(person.id) >= 1
    cards = democratie.score(land)
    assert municipality.id in cards
    assert not cards.failures
    # What could not be mapped is reported, not dropped.
    assert result.report.unmapped_count > 0
    assert "person.gender" in result.report.categories()
    assert render(land, scorecards=cards, graph=graph).startswith("<!DOCTYPE html>")


def test_the_raw_raadsleden_match_the_imported_roles() -> None:
    # Counted straight from the raw file, independently of the importer.
    raw = json.loads((REAL / "open-raadsinformatie" / "heerde_persons.json").read_text("utf-8"))
    records = raw["persons"] if isinstance(raw, dict) and "persons" in raw else raw
    # A position is listed once at the council and once at the party: count the council's.
    texts = Counter(
        str(membership.get("role", "")).strip().lower()
        for person in records
        for membership in person.get("memberships", [])
        if membership.get("organisation", {}).get("classification") != "Party"
    )
    land = load_ori(REAL / "open-raadsinformatie" / "heerde_persons.json").landscape
    kinds = Counter(role.kind.value for role in land.roles)
    assert kinds["raadslid"] == texts["raadslid"]
    assert kinds["wethouder"] == texts["wethouder"]


def test_the_popolo_councils_import_build_a_graph_and_score() -> None:
    path = REAL / "popolo-examples" / "qld_local_councillor_popolo.json"
    land = load_popolo(path).landscape
    graph = democratie.build_graph(land)
    cards = democratie.score(land)
    assert len(graph.nodes(kind="council")) == len(land.municipalities) == 77
    assert len(cards) == 77
    assert not cards.failures

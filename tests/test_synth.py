"""The synthetic nation: seeded, deterministic, valid, lawful in its councils, and scalable.

Generation at scale 1/64 takes about a second, so the landscapes are made once per module.
"""

from __future__ import annotations

import doctest
import gc
import importlib
import itertools
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import democratie
from democratie import reference
from democratie.model import Landscape, Municipality, Person, Role
from democratie.synth import (
    MAX_SCALE,
    SEAT_BANDS,
    SIZE_CLASSES,
    _generate,
    census,
    council_seats,
    generate,
    max_wethouders,
    write,
)
from democratie.synth import __main__ as cli
from democratie.synth.__main__ import main
from democratie.vocab import InitiativeKind, NetworkKind, RoleKind

# The repository's sources, found from this file, whether or not the package is installed
# editable.
SRC = Path(__file__).resolve().parents[1] / "src"
DOCS_PAGE = SRC.parent / "docs" / "how-to" / "national-scale.md"
SMALL = 1 / 64


@pytest.fixture(scope="module")
def nation() -> Landscape:
    return generate(SMALL, seed=0)


@pytest.fixture(scope="module")
def nation_json(nation: Landscape) -> str:
    return democratie.dumps(nation)


@pytest.fixture(scope="module")
def other(nation: Landscape) -> Landscape:
    """The nation of another seed."""
    return generate(SMALL, seed=1)


@pytest.fixture(scope="module")
def scaled(nation: Landscape) -> list[Landscape]:
    """The same nation at three scales, each twice the one before."""
    return [nation, generate(SMALL * 2, seed=0), generate(SMALL * 4, seed=0)]


# --- determinism ------------------------------------------------------------------------------


def test_the_same_scale_and_seed_give_an_equal_landscape_and_the_same_bytes(
    nation: Landscape, nation_json: str
) -> None:
    again = generate(SMALL, seed=0)
    assert again == nation
    assert democratie.dumps(again) == nation_json


def test_another_seed_gives_another_nation(nation: Landscape, other: Landscape) -> None:
    assert other != nation
    seats = [m.council.seats for m in nation.municipalities]
    assert [m.council.seats for m in other.municipalities] != seats


def test_the_json_is_byte_identical_under_another_hash_seed(
    nation_json: str, tmp_path: Path
) -> None:
    ours = os.environ.get("PYTHONHASHSEED", "random")
    hash_seed = "1" if ours == "0" else "0"
    output = tmp_path / "nation.json"
    subprocess.run(
        [sys.executable, "-m", "democratie.synth", "--scale", "1/64", "--seed", "0", "-o", output],
        env={**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": str(SRC)},
        check=True,
        capture_output=True,
    )
    assert output.read_text("utf-8") == nation_json, f"PYTHONHASHSEED={hash_seed} changed it"


def test_the_nation_is_the_same_at_every_scale(scaled: list[Landscape]) -> None:
    small, _, large = scaled
    assert [m.council for m in small.municipalities] == [m.council for m in large.municipalities]
    assert [m.college for m in small.municipalities] == [m.college for m in large.municipalities]
    national = [n for n in small.networks if n.kind is not NetworkKind.WIJKNETWERK]
    assert large.networks[: len(national)] == tuple(national)


def test_generating_pauses_the_garbage_collector_and_restores_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[bool] = []

    def build(self: object) -> Landscape:
        seen.append(gc.isenabled())
        raise RuntimeError("stop here")

    monkeypatch.setattr(_generate._Nation, "build", build)
    with pytest.raises(RuntimeError, match="stop here"):
        generate(SMALL)
    assert seen == [False]
    assert gc.isenabled()
    gc.disable()
    try:
        with pytest.raises(RuntimeError, match="stop here"):
            generate(SMALL)
        assert not gc.isenabled(), "a collector that was off stays off"
    finally:
        gc.enable()


# --- writing and loading -----------------------------------------------------------------------


def test_write_gives_a_file_that_loads_to_an_equal_landscape(
    nation: Landscape, nation_json: str, tmp_path: Path
) -> None:
    path = tmp_path / "nation.json"
    assert write(path, SMALL, seed=0) == nation
    assert path.read_text("utf-8") == nation_json
    assert democratie.load(path) == nation


# --- the municipalities and their councils -----------------------------------------------------


def test_every_municipality_of_the_reference_list_keeps_its_code_and_name(
    nation: Landscape,
) -> None:
    records = reference.municipalities()
    assert len(nation.municipalities) == len(records) == 342
    assert [(m.cbs_code, m.name, m.province) for m in nation.municipalities] == [
        (r.cbs_code, r.name, r.province) for r in records
    ]


def test_councils_have_lawful_seats_divided_over_five_to_twelve_factions(
    nation: Landscape, other: Landscape
) -> None:
    lawful = {band.seats for band in SEAT_BANDS}
    for mun in nation.municipalities + other.municipalities:
        council = mun.council
        assert council.seats in lawful, mun.id
        assert 9 <= (council.seats or 0) <= 45
        assert 5 <= len(council.factions) <= 12, mun.id
        assert all((f.seats or 0) >= 1 for f in council.factions)
        assert sum(f.seats or 0 for f in council.factions) == council.seats, mun.id


def test_seats_follow_from_a_realistic_spread_of_sizes(nation: Landscape) -> None:
    seats = Counter(m.council.seats for m in nation.municipalities)
    assert seats[45] == sum(s.municipalities for s in SIZE_CLASSES if s.low > 200_000)
    assert seats[9] == 3
    # Most municipalities are of middle size, as in the Netherlands.
    assert sum(seats[n] for n in range(17, 30)) > 342 // 2


def test_each_council_seat_is_held_by_a_raadslid_on_behalf_of_a_faction(
    nation: Landscape,
) -> None:
    for mun in nation.municipalities:
        factions = {f.id: f.seats for f in mun.council.factions}
        members = [r for r in nation.roles_at(mun.council_id) if r.kind is RoleKind.RAADSLID]
        assert len(members) == mun.council.seats
        assert Counter(r.on_behalf_of for r in members) == factions
        leaders = [
            r
            for fid in factions
            for r in nation.roles_at(fid)
            if r.kind is RoleKind.FRACTIEVOORZITTER
        ]
        assert len(leaders) == len(factions)


def test_colleges_have_a_burgemeester_and_a_lawful_number_of_wethouders(
    nation: Landscape,
) -> None:
    for mun in nation.municipalities:
        roles = Counter(r.kind for r in nation.roles_at(mun.college_id))
        wethouders = roles[RoleKind.WETHOUDER]
        assert wethouders == mun.college.wethouder_seats
        assert 2 <= wethouders <= max_wethouders(mun.council.seats or 0)
        assert roles[RoleKind.BURGEMEESTER] == 1
        assert [r.kind for r in nation.roles_at(mun.id)].count(RoleKind.GEMEENTESECRETARIS) == 1
        griffiers = [r for r in nation.roles_at(mun.council_id) if r.kind is RoleKind.GRIFFIER]
        assert len(griffiers) == 1
        # The largest factions form the college: a majority, unless the law allows too few
        # wethouders to give each party of that majority one.
        parties = {
            r.on_behalf_of for r in nation.roles_at(mun.college_id) if r.kind is RoleKind.WETHOUDER
        }
        factions = mun.council.factions
        assert {f.id for f in factions[: len(parties)]} == parties
        held = sum(f.seats or 0 for f in factions[: len(parties)])
        assert held > (mun.council.seats or 0) / 2 or wethouders == max_wethouders(
            mun.council.seats or 0
        )


def test_multi_kern_municipalities_nest_their_wijken_in_kernen(nation: Landscape) -> None:
    levels = Counter(tuple(sorted({a.level.value for a in m.areas})) for m in nation.municipalities)
    assert set(levels) == {("kern",), ("wijk",)}
    for mun in nation.municipalities:
        assert nation.areas_of(mun.id, "wijk"), f"{mun.id} has no wijk"
        for wijk in nation.areas_of(mun.id, "wijk"):
            assert {a.level.value for a in wijk.areas} == {"buurt"}


# --- initiatives and networks -------------------------------------------------------------------


def test_every_kind_of_initiative_occurs(nation: Landscape, other: Landscape) -> None:
    for land in (nation, other):
        assert {i.kind for i in land.initiatives} == set(InitiativeKind)


def test_initiatives_are_filled_in(nation: Landscape) -> None:
    local = [i for i in nation.initiatives if len(i.municipalities) == 1]
    assert all(i.participants and i.milestones and i.tasks for i in local)
    assert all(i.led_by and i.initiated_by and i.period.start for i in local)
    share = {
        name: sum(1 for i in local if getattr(i, name)) / len(local)
        for name in ("phases", "commitments", "lessons", "meetings", "areas")
    }
    assert all(0.2 < value < 1 for value in share.values()), share
    kartrekkers = [p for i in local for p in i.participants if p.role is RoleKind.KARTREKKER]
    assert len(kartrekkers) == len(local)
    accountable = Counter(
        sum(1 for a in t.assignments if a.raci.value == "eindverantwoordelijk")
        for i in local
        for t in i.tasks
    )
    assert accountable[1] > 0.8 * accountable.total()
    assert accountable[0] > 0, "some tasks have nobody accountable, for the rules to find"
    assert accountable[2] > 0, "and some have two"


def test_the_national_networks(nation: Landscape) -> None:
    kinds = Counter(n.kind for n in nation.networks)
    assert kinds[NetworkKind.REGIONAAL_LEERNETWERK] == 12
    assert kinds[NetworkKind.NETWERK_VAN_GEMEENTEN] == 1
    assert kinds[NetworkKind.VERENIGING] == 1
    assert kinds[NetworkKind.LEERKRING] >= 1
    assert kinds[NetworkKind.WIJKNETWERK] >= 1
    municipalities = {m.id: m for m in nation.municipalities}
    m50 = next(n for n in nation.networks if n.kind is NetworkKind.NETWERK_VAN_GEMEENTEN)
    assert len(m50.members) == 50
    for mid in m50.members:  # 30,000 to 80,000 inhabitants: 21 to 35 seats
        assert 21 <= (municipalities[mid].council.seats or 0) <= 35
    for group in (n for n in nation.networks if n.kind is NetworkKind.REGIONAAL_LEERNETWERK):
        assert len({municipalities[mid].province for mid in group.members}) == 1
        assert 6 <= len(group.members) <= 10
        assert [m.kind.value for m in group.meetings].count("regionale_bijeenkomst") == 3
    for net in nation.networks:
        assert all(m.host is not None and m.attendees for m in net.meetings), net.id


# --- names ------------------------------------------------------------------------------------


def test_every_invented_name_is_obviously_synthetic(nation: Landscape) -> None:
    municipal = {m.name for m in nation.municipalities}
    person = re.compile(r"(Inwoner \d+ \((?P<m>.+)\)|Medewerker \d+ \(landelijk\))")
    for someone in nation.people:
        match = person.fullmatch(someone.name)
        assert match is not None, someone.name
        assert match["m"] is None or match["m"] in municipal
    for org in nation.organisations:
        assert org.name.endswith(("(synthetisch)", *(f"({name})" for name in municipal))), org.name
    for mun in nation.municipalities:
        for area in mun.walk_areas():
            assert re.fullmatch(rf"(Kern|Wijk|Buurt) [\d.]+ \({re.escape(mun.name)}\)", area.name)


# --- scale --------------------------------------------------------------------------------------


def test_counts_grow_in_proportion_to_the_scale(scaled: list[Landscape]) -> None:
    """Beyond what stays whole (councils, colleges, one wijk each), counts are linear in scale.

    Doubling the scale twice, the second doubling adds about twice what the first added.
    """
    small, middle, large = (census(land).as_dict() for land in scaled)
    for land in scaled:
        assert len(land.municipalities) == 342
    for kind in ("person", "organisation", "initiative", "references"):
        first = middle[kind] - small[kind]
        second = large[kind] - middle[kind]
        assert first > 0
        assert 1.6 < second / first < 2.8, (kind, first, second)
    assert large["faction"] == small["faction"]


@pytest.mark.parametrize("scale", [0, -1, MAX_SCALE * 2, float("nan"), float("inf")])
def test_a_scale_out_of_range_is_refused(scale: float) -> None:
    with pytest.raises(ValueError, match="the scale must be larger than 0"):
        generate(scale)


@pytest.mark.parametrize(("scale", "seed"), [("1/4", 0), (True, 0), (0.5, 1.5), (0.5, "1")])
def test_a_scale_or_seed_of_the_wrong_type_is_refused(scale: object, seed: object) -> None:
    with pytest.raises(TypeError, match="must be a"):
        generate(scale, seed=seed)  # type: ignore[arg-type]


# --- the tables ---------------------------------------------------------------------------------


def test_the_seat_bands_are_contiguous_and_rise_from_9_to_45() -> None:
    assert SEAT_BANDS[0].low == 0
    assert SEAT_BANDS[-1].high is None
    for before, after in itertools.pairwise(SEAT_BANDS):
        assert before.high is not None
        assert after.low == before.high + 1
        assert after.seats > before.seats
    assert [band.seats for band in SEAT_BANDS] == [
        *(9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31, 33, 35, 37, 39, 45)
    ]


@pytest.mark.parametrize(
    ("population", "seats"),
    [
        (0, 9),
        (3_000, 9),
        (3_001, 11),
        (30_000, 21),
        (30_001, 23),
        (50_000, 29),
        (50_001, 31),
        (80_001, 37),
        (100_000, 37),
        (100_001, 39),
        (200_000, 39),
        (200_001, 45),
        (931_298, 45),
    ],
)
def test_council_seats_follow_the_gemeentewet(population: int, seats: int) -> None:
    assert council_seats(population) == seats


def test_a_negative_population_is_refused() -> None:
    with pytest.raises(ValueError, match="cannot have -1 inhabitants"):
        council_seats(-1)


def test_max_wethouders_matches_the_vng_table() -> None:
    # VNG, "Aantal wethouders voltijd en deeltijd": 20 percent of the seats, rounded, at least 2.
    table = {9: 2, 11: 2, 13: 3, 15: 3, 17: 3, 19: 4, 21: 4, 23: 5, 25: 5, 27: 5, 29: 6}
    table |= {31: 6, 33: 7, 35: 7, 37: 7, 39: 8, 45: 9}
    assert {seats: max_wethouders(seats) for seats in table} == table


def test_the_size_classes_cover_342_municipalities_without_gaps() -> None:
    assert sum(size.municipalities for size in SIZE_CLASSES) == 342
    for before, after in itertools.pairwise(SIZE_CLASSES):
        assert after.low == before.high + 1


# --- census -------------------------------------------------------------------------------------


def test_census_counts_every_reference_the_landscape_checks(nation: Landscape) -> None:
    # The landscape collects the references it checks while it indexes itself; census must
    # count the same ones (this guards census against new reference fields in the model).
    references: list[Any] = []
    for _ in nation._walk(references):
        pass
    counted = census(nation)
    assert counted.references == len(references)
    assert counted.total == len(nation)
    assert counted.entities["municipality"] == 342


def test_census_of_a_small_landscape() -> None:
    land = Landscape(
        municipalities=(Municipality(id="leusden", cbs_code="GM0327"),),
        people=(Person(id="p-an", name="An"),),
        roles=(
            Role(
                holder="p-an", kind=RoleKind.WETHOUDER, at="leusden-college", on_behalf_of="leusden"
            ),
        ),
    )
    counted = census(land)
    assert counted.as_dict() == {
        "municipality": 1,
        "area": 0,
        "council": 1,
        "college": 1,
        "faction": 0,
        "organisation": 0,
        "person": 1,
        "role": 0,
        "initiative": 0,
        "network": 0,
        "meeting": 0,
        "entities": 4,
        "references": 3,
    }


# --- the command line ---------------------------------------------------------------------------


@pytest.fixture
def generated(nation: Landscape, monkeypatch: pytest.MonkeyPatch) -> list[tuple[float, int]]:
    """Let the command line 'generate' the module's nation at once, and note what it asked.

    The real generation behind the command line runs in the hash-seed test above.
    """
    calls: list[tuple[float, int]] = []

    def fake(scale: float = 1.0, *, seed: int = 0) -> Landscape:
        calls.append((scale, seed))
        return nation

    monkeypatch.setattr(cli, "generate", fake)
    return calls


def test_the_command_line_prints_counts_and_writes_the_file(
    nation: Landscape,
    nation_json: str,
    generated: list[tuple[float, int]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    output = tmp_path / "nation.json"
    assert main(["--scale", "0.015625", "--seed", "0", "--output", str(output)]) == 0
    assert generated == [(SMALL, 0)]
    printed = capsys.readouterr().out
    assert printed.startswith("synthetic nation at scale 1/64, seed 0, generated in ")
    for name, count in census(nation).as_dict().items():
        assert f"\n  {name:<13}{count:>10,}\n" in printed
    assert f"wrote {output} (" in printed
    assert output.read_text("utf-8") == nation_json


def test_the_command_line_defaults_to_the_full_nation_with_seed_0(
    generated: list[tuple[float, int]], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--seed", "12"]) == 0
    assert main(["--scale", " 1/4 "]) == 0
    assert generated == [(1.0, 12), (0.25, 0)]
    assert "at scale 1/4, seed 0" in capsys.readouterr().out


@pytest.mark.parametrize("scale", ["0", "a quarter", "1/0", "5"])
def test_the_command_line_refuses_a_bad_scale(
    scale: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--scale", scale])
    assert exited.value.code == 2
    assert "argument --scale" in capsys.readouterr().err


def test_the_command_line_reports_a_write_error_without_a_traceback(
    generated: list[tuple[float, int]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", "utf-8")
    assert main(["--scale", "1/64", "--output", str(blocker / "nation.json")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ")
    assert "Traceback" not in err


# --- documentation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "democratie.synth",
        "democratie.synth._census",
        "democratie.synth._generate",
        "democratie.synth._tables",
    ],
)
def test_every_module_has_examples(name: str) -> None:
    # tests/test_public_examples.py runs them, with every other example.
    module = importlib.import_module(name)
    assert any(test.examples for test in doctest.DocTestFinder().find(module)), name


def test_the_how_to_page_lists_the_seat_table() -> None:
    text = DOCS_PAGE.read_text("utf-8")
    for band in SEAT_BANDS:
        low = f"{band.low:,}" if band.low else "0"
        high = f"{band.high:,}" if band.high is not None else "or more"
        row = re.compile(rf"\| {re.escape(low)} \| {re.escape(high)} \| {band.seats} \|")
        assert row.search(text), f"the seat table lacks the band {band}"


def test_the_how_to_page_gives_the_counts_of_this_version(nation: Landscape) -> None:
    counted = census(nation).as_dict()
    row = next(
        line for line in DOCS_PAGE.read_text("utf-8").splitlines() if line.startswith("| 1/64 |")
    )
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    shown = [int(cell.replace(",", "")) for cell in cells[1:5]]
    expected = [counted[k] for k in ("entities", "person", "initiative", "references")]
    assert shown == expected, "measure again and update the table in docs/how-to/national-scale.md"

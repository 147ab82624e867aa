"""The export layer: the registry, the contract every exporter keeps, privacy, atomic writes.

The format-specific behaviour is tested in ``test_export_popolo.py`` (Popolo JSON and its
round trip), ``test_export_graph.py`` (GraphML, GEXF, node-link JSON, read back with
networkx and igraph), ``test_export_csv.py`` (the tables and the data card) and
``test_export_ics.py`` (the meetings as an iCalendar file).
"""

from __future__ import annotations

import datetime as dt
import doctest
import hashlib
import importlib
import io
import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

import pytest
from attrs import frozen
from hypothesis import HealthCheck, given, settings

import democratie
from democratie import WriteError
from democratie.exporters import (
    BUILTIN_EXPORTERS,
    CsvExporter,
    Exporter,
    ExportError,
    FolderExporter,
    IcsExporter,
    _write,
    export,
    export_bytes,
    get_exporter,
)
from democratie.graph import StakeholderGraph, build_graph
from democratie.model import ContactDetail, Landscape, Organisation, Person
from democratie.plugins import (
    DEFAULT_PLUGINS,
    check_exporter_attributes,
    exporters,
    hookimpl,
    make_plugin_manager,
)
from democratie.plugins import Exporter as PluginExporter
from democratie.testing.contracts import check_exporter
from democratie.testing.strategies import landscapes
from democratie.vocab import ActorKind, ContactKind

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
EXAMPLES = sorted((ROOT / "examples").glob("*.toml"))
NAMES = ("json", "toml", "popolo", "graphml", "gexf", "node-link", "csv", "ics")
FIXED = {"generated": dt.date(2025, 3, 1)}

EMAIL = "an.de.vries@example.org"
PHONE = "+31 15 260 2600"
ORG_EMAIL = "info@wijkraad.example.org"


def example(path: Path) -> Landscape:
    return democratie.load(path)


@pytest.fixture(scope="module")
def delft() -> Landscape:
    return democratie.load(ROOT / "examples" / "delft-zeven-van-delft.toml")


def with_contacts() -> Landscape:
    return Landscape(
        people=(
            Person(
                id="p-an",
                name="An de Vries",
                contact=(
                    ContactDetail(kind=ContactKind.EMAIL, value=EMAIL),
                    ContactDetail(kind=ContactKind.TELEFOON, value=PHONE),
                ),
            ),
        ),
        organisations=(
            Organisation(
                id="wijkraad",
                name="Wijkraad Noord",
                kind=ActorKind.WIJKRAAD,
                contact=(ContactDetail(kind=ContactKind.EMAIL, value=ORG_EMAIL),),
            ),
        ),
    )


# --- the registry -----------------------------------------------------------------------------


def test_the_built_in_exporters_are_the_eight_formats_in_order() -> None:
    assert tuple(exporter.name for exporter in BUILTIN_EXPORTERS) == NAMES


@pytest.mark.parametrize("exporter", BUILTIN_EXPORTERS, ids=lambda e: e.name)
def test_every_built_in_exporter_fits_both_protocols(exporter: Exporter) -> None:
    assert check_exporter_attributes(exporter) == []
    assert isinstance(exporter, Exporter)
    assert isinstance(exporter, PluginExporter)
    assert exporter.suffixes[0].startswith(".")


def test_only_the_csv_and_ics_exporters_write_a_folder() -> None:
    folders = [e.name for e in BUILTIN_EXPORTERS if isinstance(e, FolderExporter)]
    assert folders == ["csv", "ics"]
    assert "README.md" in CsvExporter().file_names
    # One calendar per initiative and network: no name is known before the landscape.
    assert IcsExporter().file_names == frozenset()


def test_an_unknown_format_is_refused_with_the_nearest_name() -> None:
    with pytest.raises(ExportError, match=r"unknown format 'grafml'; did you mean 'graphml'\?"):
        get_exporter("grafml")
    with pytest.raises(ExportError, match="The formats are: json, toml, popolo") as caught:
        export_bytes(Landscape(), "xlsx")
    assert caught.value.format == "xlsx"


def test_an_export_error_is_a_democratie_error_and_pickles() -> None:
    import pickle

    error = ExportError("no such format", format="x")
    again = pickle.loads(pickle.dumps(error))
    assert isinstance(again, ExportError)
    assert isinstance(again, democratie.DemocratieError)
    assert (str(again), again.format) == ("no such format", "x")


def test_the_plugin_module_offers_the_built_in_exporters_through_the_hook() -> None:
    import democratie.plugins.builtin_exporters as plugin

    manager = make_plugin_manager(builtins=False, entry_points=False)
    manager.register(plugin, name="democratie.plugins.builtin_exporters")
    found = exporters(plugin_manager=manager, strict=True)
    assert tuple(e.name for e in found) == NAMES
    # What the plugin system gathers is what export() takes.
    assert export_bytes(Landscape(), "toml", exporters=found) == b'format = "democratie/1"\n'


def test_they_are_built_in() -> None:
    assert "democratie.plugins.builtin_exporters" in DEFAULT_PLUGINS
    found = exporters(plugin_manager=make_plugin_manager(entry_points=False), strict=True)
    assert tuple(e.name for e in found)[: len(NAMES)] == NAMES


@frozen
class Shouting:
    """An exporter of a plugin: the names of the people, in capitals."""

    name = "shouting"
    title = "Names in capitals"
    suffixes = (".txt",)
    binary = False
    needs_graph = False

    def export(
        self,
        landscape: Landscape,
        graph: StakeholderGraph | None,
        destination: IO[Any],
        options: Mapping[str, Any],
    ) -> None:
        assert graph is None
        destination.write("".join(f"{p.name.upper()}\n" for p in landscape.people))


def test_export_takes_a_plugin_exporter_by_name_or_as_an_object(tmp_path: Path) -> None:
    land = with_contacts()
    assert export_bytes(land, Shouting()) == b"AN DE VRIES\n"
    written = export(land, "shouting", tmp_path / "names.txt", exporters=[Shouting()])
    assert written.read_text("utf-8") == "AN DE VRIES\n"
    with pytest.raises(ExportError, match="unknown format 'json'"):
        export_bytes(land, "json", exporters=[Shouting()])


# --- the contract -----------------------------------------------------------------------------


@pytest.mark.parametrize("exporter", BUILTIN_EXPORTERS, ids=lambda e: e.name)
def test_every_built_in_exporter_keeps_the_exporter_contract(exporter: Exporter) -> None:
    """democratie.testing.contracts.check_exporter: well formed, deterministic, stream left open."""
    check_exporter(exporter, options={**FIXED}, max_examples=15)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("name", NAMES)
def test_every_format_of_every_example_is_the_same_twice_and_matches_the_file(
    name: str, path: Path, tmp_path: Path
) -> None:
    land = example(path)
    first = export_bytes(land, name, options=FIXED)
    assert first == export_bytes(example(path), name, options=FIXED)
    exporter = get_exporter(name)
    target = export(land, name, tmp_path / f"out{exporter.suffixes[0]}", options=FIXED)
    assert target.read_bytes() == first
    if not exporter.binary:
        text = first.decode("utf-8")
        assert text.endswith("\n")
        assert "\r" not in text.replace("&#13;", "")


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)
@given(landscapes())
def test_every_format_writes_every_landscape_the_model_allows(land: Landscape) -> None:
    for name in NAMES:
        data = export_bytes(land, name, options=FIXED)
        assert data
        if name in {"json", "popolo", "node-link"}:
            json.loads(data)


def test_the_given_graph_is_used_and_built_only_when_needed(delft: Landscape) -> None:
    graph = build_graph(delft)
    graph.nx.nodes["delft"]["inwoners"] = 104_000
    assert b'attr.name="inwoners" attr.type="int"' in export_bytes(delft, "graphml", graph=graph)

    built: list[Landscape] = []

    def builder(land: Landscape) -> StakeholderGraph:
        built.append(land)
        return build_graph(land)

    export_bytes(delft, "popolo", graph_builder=builder)
    assert built == []
    export_bytes(delft, "gexf", graph_builder=builder)
    assert built == [delft]


# --- privacy ----------------------------------------------------------------------------------

PRIVATE_VALUES = (EMAIL, PHONE, ORG_EMAIL)


def _everything(data: bytes, name: str) -> str:
    """The text of an export, the files inside a zip included."""
    if name != "csv":
        return data.decode("utf-8")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return "".join(archive.read(member).decode("utf-8") for member in archive.namelist())


@pytest.mark.parametrize("name", NAMES)
def test_contact_details_are_left_out_unless_asked_for(name: str) -> None:
    land = with_contacts()
    default = _everything(export_bytes(land, name, options=FIXED), name)
    for value in PRIVATE_VALUES:
        assert value not in default
    private = _everything(export_bytes(land, name, include_private=True, options=FIXED), name)
    if name in {"json", "toml", "popolo", "csv"}:
        for value in PRIVATE_VALUES:
            assert value in private


@pytest.mark.parametrize("name", ["graphml", "gexf", "node-link", "csv"])
def test_contact_attributes_of_the_graph_are_left_out_unless_asked_for(name: str) -> None:
    land = with_contacts()
    graph = build_graph(land)
    graph.nx.nodes["p-an"]["email"] = EMAIL
    graph.nx.nodes["p-an"]["Phone"] = PHONE
    default = _everything(export_bytes(land, name, graph=graph, options=FIXED), name)
    assert EMAIL not in default
    assert PHONE not in default
    private = _everything(
        export_bytes(land, name, graph=graph, include_private=True, options=FIXED), name
    )
    assert EMAIL in private
    assert PHONE in private


def test_the_canonical_exports_keep_everything_else_and_load_back(tmp_path: Path) -> None:
    land = with_contacts()
    path = export(land, "json", tmp_path / "land.json")
    back = democratie.load(path)
    assert [p.contact for p in back.people] == [()]
    assert [o.contact for o in back.organisations] == [()]
    assert (
        democratie.load(export(land, "toml", tmp_path / "all.toml", include_private=True)) == land
    )


def test_include_private_must_be_true_or_false() -> None:
    with pytest.raises(ExportError, match="'include_private' must be True or False"):
        export_bytes(with_contacts(), "json", include_private="yes")  # type: ignore[arg-type]


# --- atomic writes ----------------------------------------------------------------------------


@frozen
class Failing:
    """An exporter that writes half its output, then fails."""

    name = "failing"
    title = "Fails half way"
    suffixes = (".txt",)
    binary = False
    needs_graph = False

    def export(
        self,
        landscape: Landscape,
        graph: StakeholderGraph | None,
        destination: IO[Any],
        options: Mapping[str, Any],
    ) -> None:
        destination.write("half of it")
        raise ExportError("this landscape cannot be written", format=self.name)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_a_failing_exporter_leaves_the_previous_file_alone(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("the good file", "utf-8")
    with pytest.raises(ExportError, match="cannot be written"):
        export(Landscape(), Failing(), target)
    assert target.read_text("utf-8") == "the good file"
    assert _leftovers(tmp_path) == []


def test_a_failing_move_leaves_the_previous_file_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, delft: Landscape
) -> None:
    target = tmp_path / "delft.graphml"
    target.write_text("the good file", "utf-8")

    def refuse(self: Path, other: Any) -> Path:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "replace", refuse)
    with pytest.raises(WriteError, match="Permission denied"):
        export(delft, "graphml", target)
    monkeypatch.undo()
    assert target.read_text("utf-8") == "the good file"
    assert _leftovers(tmp_path) == []


def test_a_file_format_refuses_a_folder_as_destination(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="is a folder; give a file name"):
        export(Landscape(), "json", tmp_path)


def test_a_folder_export_replaces_an_earlier_one_as_a_whole(
    tmp_path: Path, delft: Landscape
) -> None:
    target = tmp_path / "delft-csv"
    export(delft, "csv", target, include_private=True, options=FIXED)
    assert (target / "contacts.csv").is_file()
    export(delft, "csv", target, options=FIXED)
    assert sorted(p.name for p in target.iterdir()) == [
        "README.md",
        "edges.csv",
        "indicators.csv",
        "initiatives.csv",
        "measurements.csv",
        "nodes.csv",
        "roles.csv",
        "scores.csv",
    ]
    assert _leftovers(tmp_path) == []


def test_a_folder_with_other_files_is_never_replaced(tmp_path: Path, delft: Landscape) -> None:
    target = tmp_path / "mijn-map"
    target.mkdir()
    (target / "notities.docx").write_bytes(b"not ours")
    with pytest.raises(ExportError, match=r"holds files that this export did not write"):
        export(delft, "csv", target, options=FIXED)
    assert sorted(p.name for p in target.iterdir()) == ["notities.docx"]
    (tmp_path / "a-file").write_text("x", "utf-8")
    with pytest.raises(ExportError, match="is a file; this format writes a folder"):
        export(delft, "csv", tmp_path / "a-file", options=FIXED)


def test_a_failing_folder_swap_keeps_the_earlier_export(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, delft: Landscape
) -> None:
    target = tmp_path / "delft-csv"
    export(delft, "csv", target, options={"generated": "2024-01-01"})
    before = {p.name: p.read_bytes() for p in target.iterdir()}
    real = Path.replace

    def refuse_the_new_folder(self: Path, other: Any) -> Path:
        if self.name.endswith(".tmp"):
            raise OSError(28, "No space left on device")
        return real(self, other)

    monkeypatch.setattr(Path, "replace", refuse_the_new_folder)
    monkeypatch.setattr(_write, "_exchange", lambda first, second: False)
    with pytest.raises(WriteError, match="No space left on device"):
        export(delft, "csv", target, options=FIXED)
    monkeypatch.undo()
    assert {p.name: p.read_bytes() for p in target.iterdir()} == before
    assert _leftovers(tmp_path) == []


_KILLED_MID_SWAP = """
import os, sys
from pathlib import Path
import democratie
from democratie import examples
from democratie.exporters import _write
target, how = Path(sys.argv[1]), sys.argv[2]
land = examples.load("delft-zeven-van-delft")
opts = {"generated": "2024-01-02"}
if how == "two-moves":
    _write._exchange = lambda first, second: False
    real = Path.replace
    def killed_after_the_first_move(self, other):
        moved = real(self, other)
        if Path(other).name == target.name and Path(other).parent != target.parent:
            os._exit(9)  # as kill -9 between the two moves
        return moved
    Path.replace = killed_after_the_first_move
else:
    def killed_after_the_exchange(*args, **kwargs):
        os._exit(9)
    _write.shutil.rmtree = killed_after_the_exchange
democratie.export(land, "csv", target, options=opts)
"""


def _run_killed(target: Path, how: str) -> int:
    done = subprocess.run(
        [sys.executable, "-c", _KILLED_MID_SWAP, str(target), how],
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
        check=False,
        capture_output=True,
    )
    return done.returncode


def test_a_kill_between_the_two_moves_is_undone_by_the_next_export(
    tmp_path: Path, delft: Landscape
) -> None:
    target = tmp_path / "delft-csv"
    export(delft, "csv", target, options={"generated": "2024-01-01"})
    before = {p.name: p.read_bytes() for p in target.iterdir()}
    assert _run_killed(target, "two-moves") == 9
    assert not target.exists()  # the old export waits in its hidden folder
    assert _write.recover(target)
    assert {p.name: p.read_bytes() for p in target.iterdir()} == before
    # and an export started after the kill puts it back first, then replaces it
    assert _run_killed(target, "two-moves") == 9
    export(delft, "csv", target, options={"generated": "2024-01-03"})
    assert "2024-01-03" in (target / "README.md").read_text("utf-8")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".old")] == []


def test_where_folders_trade_places_a_kill_never_leaves_the_destination_missing(
    tmp_path: Path, delft: Landscape
) -> None:
    probe_a, probe_b = tmp_path / "a", tmp_path / "b"
    probe_a.mkdir()
    probe_b.mkdir()
    if not _write._exchange(probe_a, probe_b):
        pytest.skip("this system cannot exchange two folders in one step")
    target = tmp_path / "delft-csv"
    export(delft, "csv", target, options={"generated": "2024-01-01"})
    assert _run_killed(target, "exchange") == 9
    assert "2024-01-02" in (target / "README.md").read_text("utf-8")


def test_a_failure_while_writing_the_folder_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, delft: Landscape
) -> None:
    def no_fsync(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", no_fsync)
    with pytest.raises(WriteError, match="Input/output error"):
        export(delft, "csv", tmp_path / "delft-csv", options=FIXED)
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []


def test_a_zip_destination_gets_the_files_of_the_folder(tmp_path: Path, delft: Landscape) -> None:
    folder = export(delft, "csv", tmp_path / "delft", options=FIXED)
    archive = export(delft, "csv", tmp_path / "delft.zip", options=FIXED)
    with zipfile.ZipFile(archive) as opened:
        assert opened.testzip() is None
        packed = {name: opened.read(name) for name in opened.namelist()}
        assert {i.date_time for i in opened.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert packed == {p.name: p.read_bytes() for p in folder.iterdir()}


# --- determinism ------------------------------------------------------------------------------

_DIGESTS = """
import datetime as dt, hashlib, json, sys
from pathlib import Path
import democratie
from democratie.exporters import BUILTIN_EXPORTERS, export_bytes
out = {}
for path in sorted(Path(sys.argv[1]).glob("*.toml")):
    land = democratie.load(path)
    for exporter in BUILTIN_EXPORTERS:
        data = export_bytes(land, exporter.name, options={"generated": dt.date(2025, 3, 1)})
        out[f"{path.stem}.{exporter.name}"] = hashlib.sha256(data).hexdigest()
print(json.dumps(out, sort_keys=True))
"""


def _digests_in_process() -> dict[str, str]:
    return {
        f"{path.stem}.{e.name}": hashlib.sha256(
            export_bytes(example(path), e.name, options=FIXED)
        ).hexdigest()
        for path in EXAMPLES
        for e in BUILTIN_EXPORTERS
    }


def test_the_output_does_not_depend_on_the_hash_seed() -> None:
    """Byte for byte the same in fresh interpreters with different PYTHONHASHSEED values."""
    results = []
    for seed in ("0", "1", "4242"):
        env = {
            **os.environ,
            "PYTHONHASHSEED": seed,
            "PYTHONPATH": str(SRC),
            "DEMOCRATIE_DISABLE_ENTRYPOINTS": "1",
        }
        env.pop("SOURCE_DATE_EPOCH", None)
        done = subprocess.run(
            [sys.executable, "-c", _DIGESTS, str(ROOT / "examples")],
            capture_output=True,
            text=True,
            env=env,
            check=True,
            timeout=300,
        )
        results.append(json.loads(done.stdout))
    assert results[0] == results[1] == results[2]
    assert results[0] == _digests_in_process()
    assert len(results[0]) == len(EXAMPLES) * len(NAMES)


def test_the_generation_date_comes_from_the_option_or_source_date_epoch(
    monkeypatch: pytest.MonkeyPatch, delft: Landscape
) -> None:
    def card(**options: Any) -> str:
        data = export_bytes(delft, "csv", options=options)
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return archive.read("README.md").decode("utf-8")

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert "Generated on 2023-11-14 " in card()
    assert "Generated on 2025-03-01 " in card(generated="2025-03-01")
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    before = dt.datetime.now(tz=dt.timezone.utc).date()
    text = card()
    after = dt.datetime.now(tz=dt.timezone.utc).date()
    assert any(f"Generated on {day.isoformat()} " in text for day in (before, after))
    with pytest.raises(ExportError, match="'generated' must be a date"):
        card(generated="1 maart")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "gisteren")
    with pytest.raises(ExportError, match="SOURCE_DATE_EPOCH must be a whole number"):
        card()


# --- examples --------------------------------------------------------------------------------


def _export_modules() -> list[str]:
    package = SRC / "democratie" / "exporters"
    return sorted(
        "democratie.exporters" + ("" if p.stem == "__init__" else f".{p.stem}")
        for p in package.glob("*.py")
    )


def _has_examples(name: str) -> bool:
    # tests/test_public_examples.py runs them, with the examples of every other module.
    module = importlib.import_module(name)
    return any(test.examples for test in doctest.DocTestFinder().find(module))


def test_the_public_modules_have_examples() -> None:
    with_examples = {name for name in _export_modules() if _has_examples(name)}
    public = {name for name in _export_modules() if not name.rsplit(".", 1)[-1].startswith("_")}
    assert public <= with_examples


class _HalfACharacter:
    """A graph plugin that puts a lone surrogate in a node's attribute."""

    @hookimpl
    def democratie_enrich_graph(self, graph: StakeholderGraph) -> None:
        first = sorted(graph.nx.nodes)[0]
        graph.nx.nodes[first]["note"] = "voor\ud800na"


@pytest.mark.parametrize("fmt", ["node-link", "csv", "graphml", "gexf"])
def test_half_a_character_from_a_graph_plugin_is_written_as_the_replacement_character(
    tmp_path: Path, delft: Landscape, fmt: str
) -> None:
    manager = make_plugin_manager(entry_points=False)
    manager.register(_HalfACharacter(), name="half-a-character")
    out = democratie.export(
        delft, fmt, tmp_path / f"out-{fmt}", options=FIXED, plugin_manager=manager
    )
    files = sorted(out.iterdir()) if out.is_dir() else [out]
    written = "".join(path.read_bytes().decode("utf-8") for path in files)
    assert "voor\ufffdna" in written


@pytest.mark.parametrize(
    ("fmt", "name", "wanted"),
    [("toml", "land.json", ".toml"), ("json", "land.toml", ".json"), ("graphml", "g.gexf", "")],
)
def test_a_file_name_of_another_format_is_refused(
    tmp_path: Path, delft: Landscape, fmt: str, name: str, wanted: str
) -> None:
    with pytest.raises(ExportError, match=f"but the format is {fmt}") as caught:
        export(delft, fmt, tmp_path / name)
    assert f"name the file with {wanted}" in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_a_suffix_the_format_shares_or_no_exporter_uses_is_written(
    tmp_path: Path, delft: Landscape
) -> None:
    assert export(delft, "node-link", tmp_path / "graph.json").is_file()
    assert export(delft, "popolo", tmp_path / "popolo.json").is_file()
    assert export(delft, "toml", tmp_path / "land.txt").is_file()

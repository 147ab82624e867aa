"""The importers as a plugin: the Importer protocol, detection from a head, loading streams."""

from __future__ import annotations

import io
import json
import logging
from pathlib import Path

import pytest

import democratie
from democratie import LoadError, examples
from democratie.importers import load_ori
from democratie.importers.formats import OriImporter, PopoloImporter
from democratie.plugins import (
    DEFAULT_PLUGINS,
    HEAD_BYTES,
    DemocratiePluginManager,
    Importer,
    PluginError,
    PluginWarning,
    check_importer_attributes,
    hookimpl,
    importers,
    make_plugin_manager,
)
from democratie.plugins import builtin_importers as importer_plugin
from democratie.plugins.builtin_importers import democratie_importers

SAMPLE = Path(__file__).resolve().parent / "data" / "ori"
POPOLO = {
    "persons": [{"id": "p1", "name": "A. de Vries"}],
    "organizations": [{"id": "c", "name": "Gemeenteraad", "classification": "council"}],
    "memberships": [{"person_id": "p1", "organization_id": "c", "role": "councillor"}],
}


def test_the_hook_offers_both_importers_and_they_satisfy_the_protocol() -> None:
    offered = democratie_importers()
    assert [importer.name for importer in offered] == ["ori", "popolo"]
    for importer in offered:
        assert isinstance(importer, Importer)
        assert check_importer_attributes(importer) == []
        assert importer.binary is True
        assert importer.suffixes == (".json",)


def test_a_plugin_manager_gathers_them() -> None:
    manager = make_plugin_manager(builtins=False, entry_points=False)
    manager.register(importer_plugin, name="democratie.plugins.builtin_importers")
    assert [i.name for i in importers(plugin_manager=manager, strict=True)] == ["ori", "popolo"]


def test_they_are_built_in() -> None:
    assert "democratie.plugins.builtin_importers" in DEFAULT_PLUGINS
    names = [i.name for i in importers(plugin_manager=make_plugin_manager(entry_points=False))]
    assert names[:2] == ["ori", "popolo"]


@pytest.mark.parametrize(
    ("head", "ori", "popolo"),
    [
        ((SAMPLE / "heerde_persons.json").read_bytes(), True, False),
        ((SAMPLE / "heerde_organisations.json").read_bytes(), True, False),
        ((SAMPLE / "heerde_persons.json").read_bytes()[:2000], True, False),
        ((SAMPLE / "heerde_organisations.json").read_bytes()[:300], True, False),
        (json.dumps(POPOLO).encode(), False, True),
        (json.dumps(POPOLO).encode()[:60], False, True),
        (b'\xef\xbb\xbf{"memberships": [{"person_id": "p1", "organization_id": "c"', False, True),
        (b'{"format": "democratie/1", "people": []}', False, False),
        (b"cbs_code,name,province\nGM0014,Groningen,Groningen\n", False, False),
        (b"", False, False),
        (b"\xff\xfe\x00garbage", False, False),
        (b'{"persons": [{"id": "p1", "na', False, True),
        (b'{"persons": [', False, False),
    ],
    ids=[
        "ori-persons",
        "ori-organisations",
        "ori-persons-truncated",
        "ori-organisations-truncated",
        "popolo",
        "popolo-truncated",
        "popolo-bom-truncated",
        "landscape",
        "csv",
        "empty",
        "binary",
        "persons-only-start",
        "too-short-to-tell",
    ],
)
def test_detection_from_the_head(head: bytes, ori: bool, popolo: bool) -> None:
    head = head[:HEAD_BYTES]
    assert (OriImporter().detect(head), PopoloImporter().detect(head)) == (ori, popolo)


def test_loading_a_file_finds_its_partner() -> None:
    with (SAMPLE / "heerde_persons.json").open("rb") as stream:
        land = OriImporter().load(stream, {})
    assert land == load_ori(SAMPLE / "heerde_persons.json").landscape


def test_loading_a_stream_without_a_name_reads_the_persons_alone() -> None:
    stream = io.BytesIO((SAMPLE / "heerde_persons.json").read_bytes())
    land = OriImporter().load(stream, {"merge_people": False})
    assert len(land.people) == 8
    assert land.organisations == ()  # the committee is only in the organisations file
    assert [s.title for s in land.sources] == ["<stream>"]


def test_the_organisations_file_can_be_named_in_the_options() -> None:
    stream = io.BytesIO((SAMPLE / "heerde_persons.json").read_bytes())
    options = {"organisations_path": SAMPLE / "heerde_organisations.json"}
    land = OriImporter().load(stream, options)
    assert [o.name for o in land.organisations] == ["Commissie Ruimte"]


def test_an_organisations_stream_alone_is_refused() -> None:
    stream = io.BytesIO((SAMPLE / "heerde_organisations.json").read_bytes())
    with pytest.raises(LoadError, match="the persons file that belongs with"):
        OriImporter().load(stream, {})


def test_popolo_from_a_stream_logs_its_report(caplog: pytest.LogCaptureFixture) -> None:
    stream = io.BytesIO(json.dumps({**POPOLO, "events": [{"id": "e"}]}).encode())
    with caplog.at_level(logging.INFO, logger="democratie.importers"):
        land = PopoloImporter().load(stream, {})
    assert [p.name for p in land.people] == ["A. de Vries"]
    assert isinstance(land.get("c-raad"), democratie.Council)
    assert "document.events (1)" in caplog.text


@pytest.mark.parametrize("importer", [OriImporter(), PopoloImporter()], ids=["ori", "popolo"])
@pytest.mark.parametrize(
    "data",
    [b"{not json", b"\xff\xfe", b"[]", b'{"persons": 5}'],
    ids=["syntax", "bytes", "list", "type"],
)
def test_bad_streams_raise_load_error(importer: Importer, data: bytes) -> None:
    with pytest.raises(LoadError) as caught:
        importer.load(io.BytesIO(data), {})
    assert all(p.file == "<stream>" for p in caught.value.problems)


# -- a plugin whose importers hook fails ---------------------------------------------------


class _BrokenImporters:
    """A plugin whose importers hook raises."""

    @hookimpl
    def democratie_importers(self) -> list[object]:
        message = "importers on fire"
        raise RuntimeError(message)


@pytest.fixture
def broken_manager() -> DemocratiePluginManager:
    manager = make_plugin_manager(entry_points=False)
    manager.register(_BrokenImporters(), name="broken-importers")
    return manager


@pytest.fixture
def popolo_file(tmp_path: Path) -> Path:
    path = tmp_path / "council.json"
    path.write_text(json.dumps(POPOLO), encoding="utf-8")
    return path


def test_a_failing_importers_hook_is_skipped_with_a_warning(
    broken_manager: DemocratiePluginManager, popolo_file: Path
) -> None:
    with pytest.warns(PluginWarning, match="plugin 'broken-importers'.*importers on fire"):
        land = democratie.load(popolo_file, plugin_manager=broken_manager)
    assert [person.name for person in land.people] == ["A. de Vries"]


def test_strict_makes_a_failing_importers_hook_an_error(
    broken_manager: DemocratiePluginManager, popolo_file: Path
) -> None:
    canonical = examples.path("leusden-samenleving-voorop")
    for path in (popolo_file, canonical):
        with pytest.raises(PluginError) as raised:
            democratie.load(path, plugin_manager=broken_manager, strict=True)
        assert [(p.plugin, p.code, p.hook) for p in raised.value.problems] == [
            ("broken-importers", "hook-failed", "democratie_importers")
        ]
    # A document given as text is read by no importer, so the hook is not asked.
    text = canonical.read_text(encoding="utf-8")
    assert democratie.load(text, format="toml", plugin_manager=broken_manager, strict=True) == (
        examples.load("leusden-samenleving-voorop")
    )


def test_strict_loads_as_usual_when_every_plugin_works(popolo_file: Path) -> None:
    manager = make_plugin_manager(entry_points=False)
    assert democratie.load(popolo_file, plugin_manager=manager, strict=True) == democratie.load(
        popolo_file, plugin_manager=manager
    )

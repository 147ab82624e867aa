"""The importers as a plugin: the Importer protocol, detection from a head, loading streams.

The built-in plugin offers four importers: the landscape document in JSON and in TOML,
Open Raadsinformatie and Popolo; ``democratie.load`` picks among them as among any.
"""

from __future__ import annotations

import io
import json
import logging
from pathlib import Path
from typing import Any

import pytest

import democratie
from democratie import LoadError, examples
from democratie.exporters import JsonExporter, TomlExporter
from democratie.importers import load_ori
from democratie.importers.formats import JsonImporter, OriImporter, PopoloImporter, TomlImporter
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
from democratie.testing.contracts import check_importer

SAMPLE = Path(__file__).resolve().parent / "data" / "ori"
POPOLO = {
    "persons": [{"id": "p1", "name": "A. de Vries"}],
    "organizations": [{"id": "c", "name": "Gemeenteraad", "classification": "council"}],
    "memberships": [{"person_id": "p1", "organization_id": "c", "role": "councillor"}],
}


BUILTIN = ["json", "toml", "ori", "popolo"]


def test_the_hook_offers_every_built_in_importer_and_they_satisfy_the_protocol() -> None:
    offered = democratie_importers()
    assert [importer.name for importer in offered] == BUILTIN
    for importer in offered:
        assert isinstance(importer, Importer)
        assert check_importer_attributes(importer) == []
        assert importer.binary is True
    assert [importer.suffixes for importer in offered] == [
        (".json",),
        (".toml",),
        (".json",),
        (".json",),
    ]


def test_a_plugin_manager_gathers_them() -> None:
    manager = make_plugin_manager(builtins=False, entry_points=False)
    manager.register(importer_plugin, name="democratie.plugins.builtin_importers")
    assert [i.name for i in importers(plugin_manager=manager, strict=True)] == BUILTIN


def test_they_are_built_in() -> None:
    assert "democratie.plugins.builtin_importers" in DEFAULT_PLUGINS
    names = [i.name for i in importers(plugin_manager=make_plugin_manager(entry_points=False))]
    assert names[:4] == BUILTIN


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


# -- the landscape document, read by importers like any other format --------------------

_DELFT_JSON = democratie.dumps(examples.load("delft-zeven-van-delft"))
_FOUR = (JsonImporter(), TomlImporter(), OriImporter(), PopoloImporter())


@pytest.mark.parametrize(
    ("head", "recognised"),
    [
        (_DELFT_JSON.encode(), "json"),
        # Cut after the organisations list opens: Open Raadsinformatie's mark, in a
        # landscape document; only the JSON importer may take it.
        (_DELFT_JSON[: _DELFT_JSON.index('"organisations": [') + 40].encode(), "json"),
        (b'\xef\xbb\xbf {"people": [], "format": "democratie/1"}', "json"),
        (examples.path("leusden-samenleving-voorop").read_bytes(), "toml"),
        (b'\xef\xbb\xbf# Leusden\n\nformat = "democratie/1"\n[[people]]\n', "toml"),
        (b'[meta]\nformat = "democratie/1"\n', None),
        (b'{"title": "democratie/1"}', None),
        (b'{"format": 1}', None),
        (b"cbs_code,name\nGM0014,Groningen\n", None),
        (b"", None),
        ((SAMPLE / "heerde_persons.json").read_bytes(), "ori"),
        (json.dumps(POPOLO).encode(), "popolo"),
    ],
    ids=[
        "json",
        "json-truncated-at-organisations",
        "json-bom-format-later",
        "toml",
        "toml-bom-comment-first",
        "toml-format-in-a-table",
        "json-mentioning-the-format",
        "json-format-a-number",
        "csv",
        "empty",
        "ori",
        "popolo",
    ],
)
def test_at_most_one_built_in_importer_recognises_a_head(
    head: bytes, recognised: str | None
) -> None:
    found = [importer.name for importer in _FOUR if importer.detect(head[:HEAD_BYTES])]
    assert found == ([] if recognised is None else [recognised])


@pytest.mark.parametrize(
    ("importer", "exporter"),
    [(JsonImporter(), JsonExporter()), (TomlImporter(), TomlExporter())],
    ids=["json", "toml"],
)
def test_the_landscape_importers_keep_the_contract(importer: Importer, exporter: Any) -> None:
    land = examples.load("leusden-samenleving-voorop")
    sample = democratie.dumps(land, format=importer.name)  # type: ignore[arg-type]
    # Written with the private contact details, the landscape comes back whole.
    check_importer(
        importer,
        samples=[sample],
        exporter=exporter,
        options={"include_private": True},
        max_examples=20,
    )


def test_the_landscape_importers_read_as_io_does(tmp_path: Path) -> None:
    path = tmp_path / "leusden.json"
    path.write_text(_DELFT_JSON, encoding="utf-8")
    with path.open("rb") as stream:
        assert JsonImporter().load(stream, {}) == democratie.io.load(path)
    size = path.stat().st_size
    with path.open("rb") as stream, pytest.raises(LoadError) as caught:
        JsonImporter().load(stream, {"max_bytes": size - 1})
    (problem,) = caught.value.problems
    assert (problem.code, problem.file) == ("too-large", str(path))
    assert f"the document is {size:,} bytes" in problem.message
    with pytest.raises(LoadError) as caught:
        TomlImporter().load(io.BytesIO(b'format = "democratie/1"\ntitle = \n'), {})
    (problem,) = caught.value.problems
    assert (problem.code, problem.file, problem.line) == ("syntax", "<stream>", 2)


def test_load_reads_the_landscape_document_through_the_hook(tmp_path: Path) -> None:
    seen: list[str] = []

    class Counting(JsonImporter):
        def load(self, source: Any, options: Any) -> democratie.Landscape:
            seen.append(source.name)
            return super().load(source, options)

    class Plugin:
        @hookimpl
        def democratie_importers(self) -> list[object]:
            return [Counting()]

    manager = make_plugin_manager(builtins=False, entry_points=False)
    manager.register(Plugin(), name="counting")
    path = tmp_path / "delft.txt"
    path.write_text(_DELFT_JSON, encoding="utf-8")
    assert democratie.load(path, plugin_manager=manager) == examples.load("delft-zeven-van-delft")
    assert democratie.load(path, format="json", plugin_manager=manager).title
    assert seen == [str(path), str(path)]


def test_max_bytes_is_given_to_the_importer_and_options_win(tmp_path: Path) -> None:
    path = tmp_path / "leusden.toml"
    path.write_bytes(examples.path("leusden-samenleving-voorop").read_bytes())
    size = path.stat().st_size
    limited: list[dict[str, Any]] = [
        {"max_bytes": size - 1},
        {"format": "toml", "max_bytes": size - 1},
        {"options": {"max_bytes": size - 1}},
    ]
    for arguments in limited:
        with pytest.raises(LoadError) as caught:
            democratie.load(path, **arguments)
        assert [p.code for p in caught.value.problems] == ["too-large"]
    assert democratie.load(path, max_bytes=size - 1, options={"max_bytes": size}).title


def test_several_importers_recognising_a_landscape_document_is_a_clear_error(
    tmp_path: Path,
) -> None:
    class Greedy:
        name = "greedy"
        title = "Anything that starts with a brace"
        suffixes = (".json",)
        binary = True

        def detect(self, head: bytes) -> bool:
            return head.startswith(b"{")

        def load(self, source: Any, options: Any) -> democratie.Landscape:
            raise NotImplementedError

    class Plugin:
        @hookimpl
        def democratie_importers(self) -> list[object]:
            return [Greedy()]

    manager = make_plugin_manager(entry_points=False)
    manager.register(Plugin(), name="greedy")
    path = tmp_path / "delft.json"
    path.write_text(_DELFT_JSON, encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        democratie.load(path, plugin_manager=manager)
    (problem,) = caught.value.problems
    assert problem.code == "unknown-format"
    assert "several importers recognise this file (json, greedy); pass format=" in problem.message
    assert democratie.load(path, format="json", plugin_manager=manager).title


def test_without_the_built_in_importers_a_file_gets_a_clear_error(tmp_path: Path) -> None:
    manager = DemocratiePluginManager()
    manager.set_blocked("democratie.plugins.builtin_importers")
    manager.load_builtins()
    assert importers(plugin_manager=manager) == ()
    leusden = examples.path("leusden-samenleving-voorop")
    delft = tmp_path / "delft.json"
    delft.write_text(_DELFT_JSON, encoding="utf-8")
    cases = [
        (leusden, None, "there is no 'toml' importer to read this file as a landscape document"),
        (delft, None, "there is no 'json' importer to read this file as a landscape document"),
        (leusden, "toml", "there is no format 'toml' to read; known: none"),
    ]
    for path, format_, message in cases:
        with pytest.raises(LoadError) as caught:
            democratie.load(path, format=format_, plugin_manager=manager)
        (problem,) = caught.value.problems
        assert (problem.code, problem.file) == ("unknown-format", str(path))
        assert problem.message.startswith(message)
    # A document given as text is read by no importer.
    text = leusden.read_text(encoding="utf-8")
    assert democratie.load(text, plugin_manager=manager) == examples.load(
        "leusden-samenleving-voorop"
    )


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


@pytest.mark.parametrize("importer", _FOUR, ids=BUILTIN)
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

"""The exporter and importer contract checks of the plugin author kit."""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from typing import IO, Any

import pytest
from attrs import evolve, frozen

import democratie
from democratie import examples
from democratie.errors import DemocratieError, LoadError, Problem
from democratie.model import Landscape
from democratie.testing.contracts import ContractError, check_exporter, check_importer

_COUNTER = itertools.count()


@frozen
class JsonExporter:
    """The canonical JSON document, as an exporter plugin would write it."""

    name: str = "test-json"
    title: str = "democratie JSON"
    suffixes: tuple[str, ...] = (".json",)
    binary: bool = False
    needs_graph: bool = False
    fault: str = ""

    def export(
        self, landscape: Landscape, graph: object, destination: IO[Any], options: Mapping[str, Any]
    ) -> None:
        if self.fault == "drops-people":
            landscape = evolve(landscape, people=(), roles=())
        if self.fault == "raises" and landscape.people:
            message = "people are not supported"
            raise TypeError(message)
        if self.fault == "refuses" and landscape.people:
            message = "this format has no place for people"
            raise DemocratieError(message)
        text = democratie.dumps(landscape)
        if self.fault == "random":
            text = text.replace("{", "{" + " " * (next(_COUNTER) % 2), 1)
        destination.write(text)
        if self.fault == "closes":
            destination.close()


@frozen
class JsonImporter:
    """Reads the canonical JSON document."""

    name: str = "test-json"
    title: str = "democratie JSON"
    suffixes: tuple[str, ...] = (".json",)
    binary: bool = True
    fault: str = ""

    def detect(self, head: bytes) -> bool:
        if self.fault == "detect-raises":
            return head.decode("utf-8").startswith("{")
        return head.lstrip().startswith(b"{") and b'"format"' in head

    def load(self, source: IO[Any], options: Mapping[str, Any]) -> Landscape:
        data = source.read()
        if self.fault == "value-error" and not data.lstrip().startswith(b"{"):
            message = "not JSON"
            raise ValueError(message)
        if self.fault == "wrong-type":
            return data  # type: ignore[no-any-return]
        try:
            return democratie.loads(data)
        except LoadError:
            raise
        except Exception as error:  # pragma: no cover - loads raises LoadError only
            raise LoadError([Problem(path="", message=str(error))]) from error


def test_a_faithful_exporter_and_importer_keep_the_contract() -> None:
    check_exporter(JsonExporter(), importer=JsonImporter(), max_examples=20)
    sample = democratie.dumps(examples.load("leusden-samenleving-voorop"))
    check_importer(JsonImporter(), samples=[sample], exporter=JsonExporter(), max_examples=20)


def test_a_refusal_with_a_democratie_error_is_allowed() -> None:
    check_exporter(JsonExporter(fault="refuses"), max_examples=20)


@pytest.mark.parametrize(
    ("fault", "message"),
    [
        ("raises", "raised TypeError"),
        ("random", "not deterministic"),
        ("closes", "closed the stream"),
    ],
)
def test_a_broken_exporter_fails_the_contract(fault: str, message: str) -> None:
    with pytest.raises(ContractError, match=message):
        check_exporter(JsonExporter(fault=fault), max_examples=50)


def test_a_lossy_round_trip_fails_unless_the_format_says_what_it_keeps() -> None:
    lossy = JsonExporter(fault="drops-people")
    with pytest.raises(ContractError, match="lost data"):
        check_exporter(lossy, importer=JsonImporter(), max_examples=50)

    def same_without_people(written: Landscape, read: Landscape) -> bool:
        return evolve(written, people=(), roles=()) == read

    check_exporter(lossy, importer=JsonImporter(), equivalent=same_without_people, max_examples=20)


@pytest.mark.parametrize(
    ("fault", "message"),
    [
        ("value-error", "raised ValueError"),
        ("detect-raises", "detect\\(\\) raised UnicodeDecodeError"),
        ("wrong-type", "not a Landscape"),
    ],
)
def test_a_broken_importer_fails_the_contract(fault: str, message: str) -> None:
    with pytest.raises(ContractError, match=message):
        check_importer(JsonImporter(fault=fault), max_examples=100)


def test_a_sample_the_importer_does_not_recognise_fails() -> None:
    with pytest.raises(ContractError, match="does not recognise sample 0"):
        check_importer(JsonImporter(), samples=[b"format = 'democratie/1'"])


def test_malformed_exporters_and_importers_are_refused() -> None:
    with pytest.raises(ContractError, match="is not an exporter"):
        check_exporter(object())  # type: ignore[arg-type]
    with pytest.raises(ContractError, match="is not an importer"):
        check_importer(JsonExporter())  # type: ignore[arg-type]

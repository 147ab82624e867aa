"""Reading and writing landscape documents: sources, formats, atomic writes, round trips."""

from __future__ import annotations

import datetime as dt
import doctest
import importlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any, cast

import attrs
import pytest

import democratie
import democratie.model
from democratie import Landscape, LoadError, WriteError
from democratie.io import FORMAT_VERSION, Format, detect_format, dump, dumps, load, loads
from democratie.model import (
    Area,
    Assessment,
    Assignment,
    College,
    Commitment,
    ContactDetail,
    Council,
    Evaluation,
    Faction,
    Identifier,
    Indicator,
    Initiative,
    Intake,
    Lesson,
    Measurement,
    Meeting,
    Milestone,
    Municipality,
    Network,
    Organisation,
    Participant,
    Period,
    Person,
    Role,
    Source,
    Stage,
    Task,
    Transfer,
)
from democratie.vocab import (
    ActorKind,
    AreaLevel,
    CommitmentKind,
    CommitmentLevel,
    ContactKind,
    Direction,
    GovernmentRole,
    InitiativeKind,
    Initiator,
    LessonKind,
    MeetingKind,
    NetworkKind,
    ParticipationLevel,
    Phase,
    PhaseCycle,
    PolicyDomain,
    QuestionTheme,
    Raci,
    RoleKind,
    Sector,
    ServiceGoal,
    TrajectoryElement,
)

# The repository's sources, found from this file, whether or not the package is installed
# editable.
SRC = Path(__file__).resolve().parents[1] / "src"
D = dt.date


def every_class_landscape() -> Landscape:
    """A hand-built landscape that uses every model class and sets every field."""
    ids = (Identifier(scheme="ori", identifier="gm0603/1"),)
    assessment = Assessment(power=0.8, interest=0.6, legitimacy=1.0, urgency=0.0)
    rijswijk = Municipality(
        id="rijswijk",
        cbs_code="GM0603",
        name="Rijswijk",
        province="Zuid-Holland",
        areas=(
            Area(
                id="wk-oud-rijswijk",
                name="Oud Rijswijk",
                level=AreaLevel.WIJK,
                code="WK060301",
                areas=(
                    Area(
                        id="bu-rembrandtkwartier",
                        name="Rembrandtkwartier",
                        level=AreaLevel.BUURT,
                        code="BU06030101",
                    ),
                ),
                identifiers=ids,
            ),
            Area(id="k-centrum", name="Centrum", level=AreaLevel.KERN),
        ),
        wijk_count=8,
        kern_count=2,
        council=Council(
            seats=29,
            factions=(
                Faction(
                    id="rijswijk-groenlinks",
                    name="GroenLinks",
                    seats=4,
                    party="groenlinks",
                    identifiers=ids,
                ),
                Faction(id="rijswijk-vvd", name="VVD", seats=5),
            ),
            assessment=Assessment(power=1.0),
        ),
        college=College(wethouder_seats=5, assessment=Assessment(interest=0.4)),
        assessment=assessment,
        indicators=(
            Indicator(
                id="wachttijd",
                goal="snelle_en_eenvoudige_dienstverlening",
                unit="dagen",
                baseline=14,
                target=5.5,
                direction=Direction.OMLAAG,
                measurements=(Measurement(date=D(2020, 3, 1), value=12),),
            ),
        ),
        identifiers=(Identifier(scheme="cbs", identifier="GM0603"),),
    )
    oud = Municipality(id="oud-gemeente", name="Oud-Gemeente", province="Utrecht")
    organisations = (
        Organisation(
            id="groenlinks",
            name="GroenLinks Rijswijk",
            kind=ActorKind.POLITIEKE_PARTIJ,
            municipality="rijswijk",
            areas=("wk-oud-rijswijk",),
            description="De lokale afdeling.\nMet twee regels.",
            contact=(ContactDetail(kind=ContactKind.WEBSITE, value="https://example.org"),),
            assessment=assessment,
            identifiers=ids,
        ),
        Organisation(
            id="wijkraad-oud",
            name="Wijkraad Oud Rijswijk",
            kind=ActorKind.WIJKRAAD,
            parent="groenlinks",
        ),
        Organisation(
            id="m50-bureau",
            name="Bureau M50",
            kind=ActorKind.NETWERKORGANISATIE,
            sector=Sector.OVERHEID,  # a network of municipalities, not the default
        ),
    )
    people = (
        Person(
            id="p-anna",
            name="Anna de Vries",
            contact=(ContactDetail(kind=ContactKind.EMAIL, value="anna@example.org"),),
            assessment=Assessment(power=0.2, interest=0.9),
            expertise=(QuestionTheme.ROL_VAN_DE_POLITIEK, QuestionTheme.HR_BELEID),
            identifiers=ids,
        ),
        Person(id="p-bram", name="Bram Ödegaard"),
    )
    roles = (
        Role(
            holder="p-anna",
            kind=RoleKind.WETHOUDER,
            at="rijswijk-college",
            on_behalf_of="rijswijk-groenlinks",
            title="Wethouder participatie",
            start=D(2022, 6, 1),
            end=D(2026, 3, 31),
            portfolio=("Participatie", "Wijkgericht werken"),
            domains=(PolicyDomain.BESTUUR, PolicyDomain.WELZIJN),
            id="r-anna-wethouder",
            identifiers=ids,
        ),
        Role(holder="p-bram", kind=RoleKind.RAADSLID, at="rijswijk-vvd"),
        Role(holder="wijkraad-oud", kind=RoleKind.PARTNER, at="samen-rijswijk"),
    )
    meeting = Meeting(
        id="m-kickoff",
        title="Kick-off",
        kind=MeetingKind.STARTBIJEENKOMST,
        date=D(2020, 2, 4),
        when="begin februari 2020",
        host="rijswijk",
        location="Raadhuis",
        attendees=("rijswijk", "p-bram"),
        attendance=24,
        themes=("kartrekkers", "krachtenveld"),
        held=True,
    )
    initiative = Initiative(
        id="samen-rijswijk",
        title="Samen Rijswijk",
        kind=InitiativeKind.TRAJECT,
        description="Een ontwikkeltraject.",
        municipalities=("rijswijk",),
        areas=("wk-oud-rijswijk",),
        covers_all=(AreaLevel.KERN,),
        domains=(PolicyDomain.ZORG, PolicyDomain.BESTUUR),
        required_domains=(PolicyDomain.ZORG,),
        period=Period(start=D(2020, 1, 1), end=D(2020, 12, 31)),
        duration_months=12,
        milestones=(
            Milestone(
                title="Werkwijze ontworpen",
                due=D(2020, 6, 30),
                due_within_months=6,
                done=D(2020, 6, 1),
            ),
        ),
        cycle=PhaseCycle.WETTELIJK,
        phases=(
            Stage(
                phase=Phase.VOORBEREIDING,
                participants=("rijswijk-raad", "p-anna"),
                level=ParticipationLevel.ADVISEREN,
                period=Period(start=D(2020, 1, 1)),
            ),
            Stage(phase=Phase.EVALUATIE),
        ),
        initiator=Initiator.SAMENLEVING,
        initiated_by=("wijkraad-oud",),
        led_by=("p-anna",),
        level=ParticipationLevel.COPRODUCEREN,
        realised_level=ParticipationLevel.RAADPLEGEN,
        feedback_given=False,
        government_role=GovernmentRole.FACILITEREN,
        participants=(
            Participant(
                actor="groenlinks", role=RoleKind.KARTREKKER, level=ParticipationLevel.MEEBESLISSEN
            ),
            Participant(actor="rijswijk-college"),
        ),
        commitments=(
            Commitment(
                kind=CommitmentKind.POLITIEK,
                level=CommitmentLevel.TOEGEZEGD,
                by="rijswijk-raad",
                date=D(2019, 11, 7),
                note="Motie aangenomen.",
            ),
        ),
        required_commitments=(CommitmentKind.AMBTELIJK,),
        intakes=(
            Intake(
                municipality="rijswijk",
                date=D(2019, 12, 2),
                held=True,
                question="Hoe geven we inwoners ruimte?\nEn de raad een rol?",
                themes=(QuestionTheme.HOUDING_EN_GEDRAG, QuestionTheme.ROL_VAN_DE_POLITIEK),
                commitments=(CommitmentKind.BESTUURLIJK, CommitmentKind.AMBTELIJK),
                officer="p-anna",
                note="Verzonnen: de bron noemt geen vraag.",
            ),
        ),
        tasks=(
            Task(
                title="Intake",
                assignments=(
                    Assignment(actor="p-anna", raci=Raci.EINDVERANTWOORDELIJK),
                    Assignment(actor="r-anna-wethouder", raci=Raci.UITVOEREND),
                ),
            ),
        ),
        goals=("Meer inwoners betrekken",),
        service_goals=(ServiceGoal.PARTICIPATIE,),
        lessons=(
            Lesson(
                text="Betrek de raad aan de voorkant.",
                kind=LessonKind.DOEN,
                transferable=True,
                transfers=(
                    Transfer(
                        to="m50-leerkring",
                        date=D(2020, 11, 5),
                        adopted=True,
                        note="Besproken in de leerkring.",
                    ),
                ),
            ),
        ),
        evaluations=(
            Evaluation(
                date=D(2020, 12, 10),
                by="rijswijk-raad",
                method="reflectiebijeenkomst",
                findings="De raad wil eerder betrokken worden.\nEn vaker.",
                closes_phase=Phase.EVALUATIE,
                closes_milestone="Werkwijze ontworpen",
                note="Verzonnen: de bron noemt geen evaluatie.",
            ),
        ),
        indicators=(
            Indicator(
                id="tevredenheid",
                goal="Tevreden inwoners",
                area="wk-oud-rijswijk",
                unit="procent",
                baseline=60,
                target=75,
                direction=Direction.OMHOOG,
                period=Period(start=D(2020, 1, 1), end=D(2020, 12, 31)),
                measurements=(
                    Measurement(date=D(2020, 9, 1), value=70.5, note="Enquête."),
                    Measurement(date=D(2020, 3, 1), value=62),
                ),
                note="Verzonnen cijfers.",
            ),
        ),
        network="m50-leerkring",
        elements=(TrajectoryElement.LOKALE_INTAKE,),
        target_roles=(RoleKind.VERANDERAMBTENAAR,),
        target_municipalities=10,
        meetings=(
            Meeting(id="m-slot", title="Slot", kind=MeetingKind.SLOTBIJEENKOMST, held=False),
        ),
        identifiers=ids,
    )
    networks = (
        Network(
            id="m50",
            name="M50",
            kind=NetworkKind.NETWERK_VAN_GEMEENTEN,
            members=("rijswijk", "oud-gemeente"),
            themes=("democratische vernieuwing",),
            period=Period(start=D(2015, 1, 1)),
            coordinators=("m50-bureau",),
            description="Middelgrote gemeenten.",
            identifiers=ids,
        ),
        Network(
            id="m50-leerkring",
            name="Leerkring M50",
            kind=NetworkKind.LEERKRING,
            parent="m50",
            initiative="samen-rijswijk",
            meetings=(meeting,),
        ),
    )
    return Landscape(
        title="Rijswijk en omstreken",
        description="Een landschap met elke klasse.",
        sources=(Source(title="Notulen", url="https://example.org/n", note="CC BY 4.0"),),
        municipalities=(rijswijk, oud),
        organisations=organisations,
        people=people,
        roles=roles,
        initiatives=(initiative,),
        networks=networks,
    )


LAND = every_class_landscape()


def _instances(value: object) -> Iterator[object]:
    yield value
    if attrs.has(type(value)):
        for attribute in attrs.fields(cast(Any, type(value))):
            if attribute.init:
                yield from _instances(getattr(value, attribute.name))
    elif isinstance(value, tuple):
        for item in value:
            yield from _instances(item)


def _model_classes() -> set[type]:
    found = set()
    for name in democratie.model.__all__:
        obj = getattr(democratie.model, name)
        if isinstance(obj, type) and attrs.has(obj):
            found.add(obj)
    return found - {democratie.model.Entry}  # an index record, not part of a document


def _default(attribute: attrs.Attribute[Any], instance: object) -> object:
    default: Any = attribute.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        return default.factory(instance) if default.takes_self else default.factory()
    return default


def test_the_round_trip_landscape_uses_every_class_and_sets_every_field() -> None:
    instances = list(_instances(LAND))
    assert {type(i) for i in instances} >= _model_classes()
    unset = []
    for cls in _model_classes():
        objects = [i for i in instances if type(i) is cls]
        for attribute in attrs.fields(cls):
            if attribute.init and not any(
                getattr(o, attribute.name) != _default(attribute, o) for o in objects
            ):
                unset.append(f"{cls.__name__}.{attribute.name}")
    assert unset == []


# --- round trips ------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_dump_then_load_gives_an_equal_landscape(fmt: Format) -> None:
    text = dumps(LAND, format=fmt)
    again = loads(text, format=fmt)
    assert again == LAND
    assert dumps(again, format=fmt) == text


@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_round_trip_through_a_file(fmt: Format, tmp_path: Path) -> None:
    path = tmp_path / f"rijswijk.{fmt}"
    text = dump(LAND, path)
    assert path.read_text(encoding="utf-8") == text
    assert text == dumps(LAND, format=fmt)
    assert load(path) == LAND


def test_empty_landscape_round_trips() -> None:
    for fmt in ("json", "toml"):
        text = dumps(Landscape(), format=fmt)
        assert loads(text) == Landscape()
    assert json.loads(dumps(Landscape())) == {"format": FORMAT_VERSION}


def test_a_municipality_without_province_dumps_to_toml() -> None:
    land = Landscape(municipalities=(Municipality(id="delft", cbs_code="GM0503", province=None),))
    assert loads(dumps(land, format="toml")) == land


def test_the_json_document_is_canonical() -> None:
    text = dumps(LAND)
    assert text.endswith("}\n")
    assert not text.endswith("\n\n")
    doc = json.loads(text)
    assert next(iter(doc)) == "format"
    assert doc["format"] == FORMAT_VERSION
    assert "Bram Ödegaard" in text  # written as UTF-8, not escaped
    municipality = doc["municipalities"][1]
    assert municipality == {"id": "oud-gemeente", "name": "Oud-Gemeente", "province": "Utrecht"}
    # defaults are left out, dates are ISO, vocabulary values are slugs
    assert doc["roles"][1] == {"holder": "p-bram", "kind": "raadslid", "at": "rijswijk-vvd"}
    assert doc["roles"][0]["start"] == "2022-06-01"


# --- deterministic output ---------------------------------------------------------------------


def test_dumps_is_deterministic() -> None:
    assert dumps(LAND) == dumps(every_class_landscape())
    assert dumps(LAND, format="toml") == dumps(every_class_landscape(), format="toml")


@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_output_does_not_depend_on_hash_seed(fmt: str, tmp_path: Path) -> None:
    source = tmp_path / "land.json"
    dump(LAND, source)
    script = (
        "import sys, democratie; "
        f"sys.stdout.write(democratie.dumps(democratie.load(sys.argv[1]), format={fmt!r}))"
    )
    outputs = set()
    for seed in ("0", "1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(SRC)}
        result = subprocess.run(
            [sys.executable, "-c", script, str(source)],
            env=env,
            capture_output=True,
            check=True,
        )
        outputs.add(result.stdout)
    assert outputs == {dumps(LAND, format=fmt).encode()}  # type: ignore[arg-type]


# --- sources: path, text, bytes ----------------------------------------------------------------


@pytest.fixture
def json_file(tmp_path: Path) -> Path:
    path = tmp_path / "land.json"
    path.write_text(dumps(LAND), encoding="utf-8")
    return path


def test_load_by_path_and_by_str(json_file: Path) -> None:
    assert load(json_file) == LAND
    assert load(str(json_file)) == LAND


def test_load_by_text_and_bytes() -> None:
    for fmt in ("json", "toml"):
        text = dumps(LAND, format=fmt)
        assert load(text) == LAND  # multi-line text is a document, not a path
        assert loads(text) == LAND
        assert load(text.encode()) == LAND
        assert loads(text.encode()) == LAND


def test_one_line_json_text_is_a_document() -> None:
    text = '{"format": "democratie/1", "people": [{"id": "p", "name": "A"}]}'
    assert load(text).get("p") == Person(id="p", name="A")


def test_loads_names_the_source_in_problems() -> None:
    with pytest.raises(LoadError) as caught:
        loads('{"format": "democratie/1", "people": [{"id": "p"}]}', source="mijn.json")
    assert caught.value.source == "mijn.json"
    assert caught.value.problems[0].file == "mijn.json"
    assert str(caught.value).startswith("mijn.json: people[0].name")


# --- format detection -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("land.json", None, "json"),
        ("LAND.JSON", None, "json"),
        ("land.toml", None, "toml"),
        ("land.Toml", None, "toml"),
        ("land.toml", '{"format": "democratie/1"}', "toml"),  # the suffix wins
        ("land.txt", '  {"format": "democratie/1"}', "json"),
        ("land.txt", "\n[1]", "json"),
        ("land.txt", 'format = "democratie/1"', "toml"),
        (None, '{"a": 1}', "json"),
        (None, '[[municipalities]]\nid = "x"', "toml"),  # a TOML table header, not a JSON list
        (None, "[municipalities.council]", "toml"),
        (None, 'format = "democratie/1"', "toml"),
        (None, None, "toml"),
    ],
)
def test_detect_format(name: str | None, text: str | None, expected: Format) -> None:
    assert detect_format(name, text) == expected


def test_format_by_suffix_and_by_content(tmp_path: Path) -> None:
    toml_text = dumps(LAND, format="toml")
    json_text = dumps(LAND)
    for name, text in [("a.toml", toml_text), ("b.json", json_text), ("c.txt", json_text)]:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        assert load(path) == LAND
    misnamed = tmp_path / "d.json"
    misnamed.write_text(toml_text, encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load(misnamed)
    assert "not valid JSON" in caught.value.problems[0].message
    assert load(misnamed, format="toml") == LAND


def test_a_toml_file_is_read_as_toml_whatever_it_starts_with(tmp_path: Path) -> None:
    path = tmp_path / "x.toml"
    path.write_text('[[people]]\nid = "p"\nname = "A"\n', encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load(path)
    assert [p.code for p in caught.value.problems] == ["format-version"]


def test_dump_takes_the_format_from_the_suffix(tmp_path: Path) -> None:
    toml_path = tmp_path / "x.toml"
    assert dump(LAND, toml_path).startswith(f'format = "{FORMAT_VERSION}"\n')
    no_suffix = tmp_path / "x"
    assert dump(LAND, no_suffix).startswith("{\n")
    forced = tmp_path / "y.json"
    assert dump(LAND, forced, format="toml") == dumps(LAND, format="toml")
    assert dump(LAND) == dumps(LAND)


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown format 'yaml'"):
        dumps(LAND, format="yaml")  # type: ignore[arg-type]


# --- atomic writes ----------------------------------------------------------------------------


@pytest.fixture
def good_file(tmp_path: Path) -> Path:
    path = tmp_path / "land.json"
    dump(Landscape(title="Het goede bestand"), path)
    return path


def test_a_write_into_a_missing_folder_raises_write_error(tmp_path: Path) -> None:
    target = tmp_path / "bestaat-niet" / "land.json"
    with pytest.raises(WriteError) as caught:
        dump(LAND, target)
    assert caught.value.path == str(target)
    assert str(target) in str(caught.value)
    assert isinstance(caught.value, OSError)
    assert isinstance(caught.value, democratie.DemocratieError)
    assert not target.parent.exists()


def test_a_write_over_a_folder_leaves_it(tmp_path: Path) -> None:
    target = tmp_path / "map.json"
    target.mkdir()
    (target / "inhoud.txt").write_text("blijft", encoding="utf-8")
    with pytest.raises(WriteError):
        dump(LAND, target)
    assert (target / "inhoud.txt").read_text(encoding="utf-8") == "blijft"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.json"]


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0,
    reason="the permission bits of a folder do not stop this user from writing",
)
def test_a_write_into_a_read_only_folder_keeps_the_good_file(good_file: Path) -> None:
    before = good_file.read_bytes()
    folder = good_file.parent
    folder.chmod(0o555)
    try:
        with pytest.raises(WriteError):
            dump(LAND, good_file)
    finally:
        folder.chmod(0o755)
    assert good_file.read_bytes() == before
    assert [p.name for p in folder.iterdir()] == [good_file.name]


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_a_crash_during_the_write_keeps_the_good_file(
    good_file: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    before = good_file.read_bytes()

    def crash(*args: Any, **kwargs: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, failing, crash)
    with pytest.raises(WriteError) as caught:
        dump(LAND, good_file)
    monkeypatch.undo()
    assert "No space left on device" in str(caught.value)
    assert good_file.read_bytes() == before
    assert [p.name for p in good_file.parent.iterdir()] == [good_file.name]
    assert load(good_file) == Landscape(title="Het goede bestand")


def test_a_successful_write_replaces_the_file_and_leaves_no_temporary(good_file: Path) -> None:
    mode = good_file.stat().st_mode
    dump(LAND, good_file)
    assert load(good_file) == LAND
    assert [p.name for p in good_file.parent.iterdir()] == [good_file.name]
    assert good_file.stat().st_mode == mode


def test_write_error_pickles() -> None:
    import pickle

    error = WriteError("/tmp/x.json", "Permission denied")
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is WriteError
    assert (again.path, again.reason, str(again)) == (error.path, error.reason, str(error))


# --- examples --------------------------------------------------------------------------------


def _has_examples(name: str) -> bool:
    # tests/test_public_examples.py runs them, with the examples of every other module.
    module: ModuleType = importlib.import_module(name)
    return any(test.examples for test in doctest.DocTestFinder().find(module))


def test_the_modules_with_public_examples_have_doctests() -> None:
    for name in [
        "democratie.errors",
        "democratie.io._dump",
        "democratie.io._load",
        "democratie.io._schema",
        "democratie.model.landscape",
        "democratie.model.municipality",
    ]:
        assert _has_examples(name), name

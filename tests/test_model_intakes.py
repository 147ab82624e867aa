"""Intakes, change officers and learning groups formed for an initiative.

An initiative's ``intakes`` (one per municipality, with its question, themes, commitments and
the change officer assigned), a person's ``expertise`` and a network's ``initiative``: what the
constructors refuse, what the landscape checks, how loading locates a mistake, that TOML and
JSON carry them unchanged and that the JSON Schema accepts them.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import Any

import attrs
import pytest
from jsonschema import Draft202012Validator

import democratie
from democratie import LoadError, ModelError
from democratie.graph import build_graph
from democratie.io import Format, json_schema
from democratie.model import Initiative, Intake, Landscape, Municipality, Network, Person
from democratie.vocab import (
    VOCABULARIES,
    CommitmentKind,
    InitiativeKind,
    NetworkKind,
    QuestionTheme,
    TrajectoryElement,
)

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

FORMATS: tuple[Format, ...] = ("toml", "json")

#: The document of an intake as the brief of the format gives it.
INTAKE_TOML = """\
format = "democratie/1"
[[municipalities]]
id = "assen"
cbs_code = "GM0106"
[[initiatives]]
id = "traject"
title = "T"
kind = "traject"
required_commitments = ["bestuurlijk", "politiek", "ambtelijk"]
[[initiatives.intakes]]
municipality = "assen"
date = 2019-01-15
held = true
question = "Hoe krijgen onze teams ruimte om initiatieven van inwoners te volgen?"
themes = ["houding_en_gedrag", "organisatiemodellen"]
commitments = ["bestuurlijk", "politiek", "ambtelijk"]
"""


def document(
    *, intakes: list[dict[str, Any]], people: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """A JSON-ready document with two municipalities and one trajectory holding `intakes`."""
    return {
        "format": "democratie/1",
        "municipalities": [
            {"id": "assen", "cbs_code": "GM0106"},
            {"id": "emmen", "cbs_code": "GM0114"},
        ],
        "people": people if people is not None else [{"id": "p-ilse", "name": "Ilse"}],
        "initiatives": [{"id": "traject", "title": "T", "kind": "traject", "intakes": intakes}],
    }


def problems_of(data: dict[str, Any]) -> dict[str, tuple[str, str]]:
    """Load `data` as JSON; return each problem as path -> (code, message)."""
    with pytest.raises(LoadError) as caught:
        democratie.loads(json.dumps(data), format="json")
    return {p.path: (p.code, p.message) for p in caught.value.problems}


def model_problems(build: Any) -> dict[str, str]:
    with pytest.raises(ModelError) as caught:
        build()
    return {p.path: p.message for p in caught.value.problems}


# --- the vocabulary -------------------------------------------------------------------------------


def test_question_theme_is_a_sourced_vocabulary_with_the_themes_of_the_sources() -> None:
    assert QuestionTheme in VOCABULARIES
    assert VOCABULARIES.index(QuestionTheme) == VOCABULARIES.index(TrajectoryElement) + 1
    assert [(t.slug, t.label_en, t.label_nl) for t in QuestionTheme] == [
        ("hr_beleid", "HR policy", "HR-beleid"),
        ("organisatiemodellen", "Organisational models", "Organisatiemodellen"),
        ("rollen_en_functies", "Roles and positions", "Rollen en functies"),
        ("rol_van_de_politiek", "Role of politics", "Rol van de politiek"),
        ("houding_en_gedrag", "Attitude and behaviour", "Houding en gedrag"),
        ("overheidsparticipatie", "Government participation", "Overheidsparticipatie"),
        ("dienstverlening", "Service delivery", "Dienstverlening"),
        ("lerende_organisatie", "Learning organisation", "Lerende organisatie"),
        ("netwerkend_werken", "Networked working", "Netwerkend werken"),
    ]
    assert "Democratie in Actie" in QuestionTheme.HR_BELEID.source
    assert "Waalwijk 2020" in QuestionTheme.NETWERKEND_WERKEN.source
    with pytest.raises(ValueError, match='is not a question theme; did you mean "hr_beleid"'):
        QuestionTheme.from_slug("hr-beleid")


def test_a_pool_of_change_officers_is_a_kind_of_network() -> None:
    pool = NetworkKind.from_slug("pool_veranderambtenaren")
    assert (pool.label_en, pool.label_nl) == (
        "Pool of change officers",
        "Pool met veranderambtenaren",
    )


# --- the model ------------------------------------------------------------------------------------


def test_an_intake_holds_its_fields_in_order_and_takes_slugs() -> None:
    intake = Intake(
        municipality="assen",
        date=dt.date(2019, 1, 15),
        held=False,
        question="Hoe?\nEn waarom?",
        themes=("hr_beleid",),  # type: ignore[arg-type]
        commitments=("ambtelijk",),  # type: ignore[arg-type]
        officer="p-ilse",
        note="Verzonnen:\tde bron zegt het niet.",
    )
    assert [a.name for a in attrs.fields(Intake)] == [
        "municipality",
        "date",
        "held",
        "question",
        "themes",
        "commitments",
        "officer",
        "note",
    ]
    assert intake.themes == (QuestionTheme.HR_BELEID,)
    assert intake.commitments == (CommitmentKind.AMBTELIJK,)
    bare = Intake(municipality="assen")
    assert (bare.date, bare.held, bare.question, bare.officer, bare.note) == (None,) * 5
    assert (bare.themes, bare.commitments) == ((), ())
    with pytest.raises(TypeError):
        Intake("assen")  # type: ignore[call-arg]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        bare.held = True  # type: ignore[misc]


def test_an_intake_reports_every_local_problem_at_once() -> None:
    found = model_problems(
        lambda: Intake(
            municipality="Assen",
            question="",
            themes=(
                QuestionTheme.HR_BELEID,
                QuestionTheme.DIENSTVERLENING,
                QuestionTheme.HR_BELEID,
            ),
            commitments=(CommitmentKind.POLITIEK, CommitmentKind.POLITIEK),
            officer="P Ilse",
            note="a\x00b",
        )
    )
    assert set(found) == {"municipality", "officer", "themes[2]", "commitments[1]", "note"}
    assert found["themes[2]"] == "'hr_beleid' is listed twice"
    assert found["commitments[1]"] == "'politiek' is listed twice"
    # Optional text may be empty, as a description may.
    assert Intake(municipality="assen", question="").question == ""


def test_an_intake_refuses_a_word_that_is_not_a_theme() -> None:
    found = model_problems(lambda: Intake(municipality="assen", themes=("cultuur",)))  # type: ignore[arg-type]
    assert "themes[0]" in found
    assert "not one of the slugs of QuestionTheme" in found["themes[0]"]


def test_an_initiative_has_one_intake_per_municipality() -> None:
    def build() -> Initiative:
        return Initiative(
            id="traject",
            title="T",
            kind=InitiativeKind.TRAJECT,
            intakes=(
                Intake(municipality="assen"),
                Intake(municipality="emmen"),
                Intake(municipality="assen", held=True),
            ),
        )

    assert model_problems(build) == {
        "intakes[2].municipality": (
            "'assen' already has an intake at intakes[0]; one intake per municipality"
        )
    }
    fields = [a.name for a in attrs.fields(Initiative)]
    assert fields.index("intakes") == fields.index("required_commitments") + 1


def test_person_expertise_and_network_initiative_are_checked() -> None:
    person = Person(id="p-ilse", name="Ilse", expertise=("hr_beleid", "dienstverlening"))  # type: ignore[arg-type]
    assert person.expertise == (QuestionTheme.HR_BELEID, QuestionTheme.DIENSTVERLENING)
    fields = [a.name for a in attrs.fields(Person)]
    assert fields[-2:] == ["expertise", "identifiers"]
    assert model_problems(
        lambda: Person(id="p", name="P", expertise=(QuestionTheme.HR_BELEID,) * 2)
    ) == {"expertise[1]": "'hr_beleid' is listed twice"}

    group = Network(
        id="leergroep", name="L", kind=NetworkKind.REGIONAAL_LEERNETWERK, initiative="t"
    )
    assert group.initiative == "t"
    fields = [a.name for a in attrs.fields(Network)]
    assert fields.index("initiative") == fields.index("parent") + 1
    found = model_problems(
        lambda: Network(id="n", name="N", kind=NetworkKind.LEERKRING, initiative="Het traject")
    )
    assert set(found) == {"initiative"}


# --- the landscape's references -------------------------------------------------------------------


def test_the_references_of_an_intake_and_of_a_network_resolve() -> None:
    land = Landscape(
        municipalities=(Municipality(id="assen", cbs_code="GM0106"),),
        people=(Person(id="p-ilse", name="Ilse", expertise=(QuestionTheme.HR_BELEID,)),),
        initiatives=(
            Initiative(
                id="traject",
                title="T",
                kind=InitiativeKind.TRAJECT,
                intakes=(Intake(municipality="assen", officer="p-ilse"),),
            ),
        ),
        networks=(
            Network(
                id="leergroep",
                name="Leergroep",
                kind=NetworkKind.REGIONAAL_LEERNETWERK,
                initiative="traject",
            ),
        ),
    )
    trajectory = land.get("traject")
    assert isinstance(trajectory, Initiative)
    officer = land.get(trajectory.intakes[0].officer or "")
    assert isinstance(officer, Person)
    assert officer.expertise == (QuestionTheme.HR_BELEID,)


def test_an_intake_of_an_unknown_municipality_is_located() -> None:
    found = problems_of(document(intakes=[{"municipality": "emmen"}, {"municipality": "asen"}]))
    assert found == {
        "initiatives[0].intakes[1].municipality": (
            "dangling-reference",
            (
                "'asen' refers to nothing in the landscape; expected the id of a municipality; "
                "did you mean 'assen'?"
            ),
        )
    }


def test_an_intake_of_something_that_is_not_a_municipality_is_refused() -> None:
    found = problems_of(document(intakes=[{"municipality": "assen-raad"}]))
    assert found == {
        "initiatives[0].intakes[0].municipality": (
            "wrong-reference",
            (
                "'assen-raad' is a council (municipalities[0].council); "
                "expected the id of a municipality"
            ),
        )
    }


def test_an_officer_must_be_a_person() -> None:
    found = problems_of(
        document(
            intakes=[
                {"municipality": "assen", "officer": "emmen"},
                {"municipality": "emmen", "officer": "p-ilze"},
            ]
        )
    )
    assert found == {
        "initiatives[0].intakes[0].officer": (
            "wrong-reference",
            "'emmen' is a municipality (municipalities[1]); expected the id of a person",
        ),
        "initiatives[0].intakes[1].officer": (
            "dangling-reference",
            (
                "'p-ilze' refers to nothing in the landscape; expected the id of a person; "
                "did you mean 'p-ilse'?"
            ),
        ),
    }


def test_a_network_formed_for_something_that_is_not_an_initiative_is_refused() -> None:
    data = document(intakes=[])
    data["networks"] = [
        {"id": "leergroep", "name": "L", "kind": "regionaal_leernetwerk", "initiative": "assen"},
        {"id": "pool", "name": "P", "kind": "pool_veranderambtenaren", "initiative": "trajekt"},
    ]
    found = problems_of(data)
    assert found["networks[0].initiative"] == (
        "wrong-reference",
        "'assen' is a municipality (municipalities[0]); expected the id of an initiative",
    )
    assert found["networks[1].initiative"][0] == "dangling-reference"
    assert set(found) == {"networks[0].initiative", "networks[1].initiative"}


# --- loading: located errors ----------------------------------------------------------------------


def test_the_intake_document_loads() -> None:
    land = democratie.loads(INTAKE_TOML)
    trajectory = land.get("traject")
    assert isinstance(trajectory, Initiative)
    assert trajectory.intakes == (
        Intake(
            municipality="assen",
            date=dt.date(2019, 1, 15),
            held=True,
            question="Hoe krijgen onze teams ruimte om initiatieven van inwoners te volgen?",
            themes=(QuestionTheme.HOUDING_EN_GEDRAG, QuestionTheme.ORGANISATIEMODELLEN),
            commitments=(
                CommitmentKind.BESTUURLIJK,
                CommitmentKind.POLITIEK,
                CommitmentKind.AMBTELIJK,
            ),
        ),
    )


def test_a_wrong_theme_is_located_and_named() -> None:
    text = INTAKE_TOML.replace('"organisatiemodellen"]', '"organisatiemodelen"]')
    with pytest.raises(LoadError) as caught:
        democratie.loads(text)
    [problem] = caught.value.problems
    assert problem.path == "initiatives[0].intakes[0].themes[1]"
    assert problem.code == "invalid-value"
    assert problem.message.startswith(
        "'organisatiemodelen' is not a question theme (did you mean 'organisatiemodellen'?); "
        "expected one of: hr_beleid, organisatiemodellen, "
    )
    assert str(caught.value).startswith(
        "<text>: initiatives[0].intakes[0].themes[1]: 'organisatiemodelen' is not a question theme"
    )


def test_a_wrong_commitment_is_located_and_named() -> None:
    text = INTAKE_TOML.replace(
        '\ncommitments = ["bestuurlijk", "politiek", "ambtelijk"]\n',
        '\ncommitments = ["bestuurlijk", "politiek", "ambtelijke"]\n',
    )
    assert text.count("ambtelijke") == 1
    with pytest.raises(LoadError) as caught:
        democratie.loads(text)
    [problem] = caught.value.problems
    assert problem.path == "initiatives[0].intakes[0].commitments[2]"
    assert problem.message.startswith(
        "'ambtelijke' is not a commitment kind (did you mean 'ambtelijk'?)"
    )


def test_a_duplicate_intake_municipality_is_located_by_load() -> None:
    found = problems_of(
        document(intakes=[{"municipality": "assen"}, {"municipality": "assen", "held": False}])
    )
    assert found == {
        "initiatives[0].intakes[1].municipality": (
            "invalid-value",
            "'assen' already has an intake at intakes[0]; one intake per municipality",
        )
    }


def test_bad_values_inside_an_intake_are_all_reported() -> None:
    found = problems_of(
        document(
            intakes=[
                {
                    "municipality": "assen",
                    "date": "15-01-2019",
                    "held": "ja",
                    "themes": "hr_beleid",
                    "officer": "p-ilse",
                    "extra": 1,
                }
            ],
            people=[{"id": "p-ilse", "name": "Ilse", "expertise": ["hr_beleid", "kunst"]}],
        )
    )
    here = "initiatives[0].intakes[0]"
    assert set(found) == {
        f"{here}.date",
        f"{here}.held",
        f"{here}.themes",
        f"{here}.extra",
        "people[0].expertise[1]",
    }
    assert "expected a date written YYYY-MM-DD" in found[f"{here}.date"][1]
    assert "expected true or false" in found[f"{here}.held"][1]
    assert "expected a list" in found[f"{here}.themes"][1]
    assert found[f"{here}.extra"][0] == "unknown-key"
    assert "is not a question theme" in found["people[0].expertise[1]"][1]


# --- round trips and the schema -------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_intake_document_survives_a_round_trip(fmt: Format) -> None:
    land = democratie.loads(INTAKE_TOML)
    text = democratie.dumps(land, format=fmt)
    again = democratie.loads(text, format=fmt)
    assert again == land
    assert democratie.dumps(again, format=fmt) == text


def test_toml_and_json_write_the_same_intake() -> None:
    land = democratie.loads(INTAKE_TOML)
    as_json = json.loads(democratie.dumps(land, format="json"))
    as_toml = tomllib.loads(democratie.dumps(land, format="toml"))
    assert as_json == as_toml
    assert as_json["initiatives"][0]["intakes"] == [
        {
            "municipality": "assen",
            "date": "2019-01-15",
            "held": True,
            "question": "Hoe krijgen onze teams ruimte om initiatieven van inwoners te volgen?",
            "themes": ["houding_en_gedrag", "organisatiemodellen"],
            "commitments": ["bestuurlijk", "politiek", "ambtelijk"],
        }
    ]


def test_the_json_schema_validates_documents_with_intakes() -> None:
    validator = Draft202012Validator(
        json_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    data = document(
        intakes=[
            {
                "municipality": "assen",
                "date": "2019-01-15",
                "held": None,
                "question": "Hoe?\nZo.",
                "themes": ["houding_en_gedrag"],
                "commitments": ["politiek"],
                "officer": "p-ilse",
                "note": "Verzonnen.",
            }
        ],
        people=[{"id": "p-ilse", "name": "Ilse", "expertise": ["hr_beleid"]}],
    )
    data["networks"] = [
        {"id": "pool", "name": "Pool", "kind": "pool_veranderambtenaren", "initiative": "traject"}
    ]
    assert list(validator.iter_errors(data)) == []
    assert democratie.loads(json.dumps(data), format="json").get("pool").initiative == "traject"  # type: ignore[union-attr]

    intake = json.loads(democratie.dumps(democratie.loads(INTAKE_TOML), format="json"))
    assert list(validator.iter_errors(intake)) == []

    wrong = json.loads(json.dumps(data))
    wrong["initiatives"][0]["intakes"][0]["themes"] = ["kunst"]
    wrong["initiatives"][0]["intakes"][0]["officers"] = ["p-ilse"]
    del wrong["initiatives"][0]["intakes"][0]["municipality"]
    messages = sorted(e.message for e in validator.iter_errors(wrong))
    assert len(messages) == 3
    assert any("'municipality' is a required property" in m for m in messages)
    assert any("'kunst' is not one of" in m for m in messages)
    assert any("'officers' was unexpected" in m for m in messages)


def test_the_schema_describes_the_new_keys() -> None:
    defs = json_schema()["$defs"]
    assert list(defs["Intake"]["properties"]) == [
        "municipality",
        "date",
        "held",
        "question",
        "themes",
        "commitments",
        "officer",
        "note",
    ]
    assert defs["Intake"]["required"] == ["municipality"]
    assert defs["Intake"]["properties"]["themes"]["items"] == {"$ref": "#/$defs/QuestionTheme"}
    assert defs["QuestionTheme"]["enum"] == list(QuestionTheme.slugs())
    assert defs["Person"]["properties"]["expertise"]["items"] == {"$ref": "#/$defs/QuestionTheme"}
    assert "initiative" in defs["Network"]["properties"]
    assert "pool_veranderambtenaren" in defs["NetworkKind"]["enum"]


# --- the graph ------------------------------------------------------------------------------------


def test_intakes_and_a_network_formed_for_an_initiative_are_edges() -> None:
    data = document(
        intakes=[{"municipality": "assen", "officer": "p-ilse"}, {"municipality": "emmen"}]
    )
    data["networks"] = [
        {"id": "leergroep", "name": "L", "kind": "regionaal_leernetwerk", "initiative": "traject"}
    ]
    graph = build_graph(democratie.loads(json.dumps(data), format="json"))
    into = sorted((u, sorted(d.items())) for u, _, d in graph.nx.in_edges("traject", data=True))
    assert into == [
        ("assen", [("relation", "participates_in"), ("role", "kandidaat_deelnemer")]),
        ("emmen", [("relation", "participates_in"), ("role", "kandidaat_deelnemer")]),
        ("leergroep", [("relation", "part_of")]),
        ("p-ilse", [("relation", "participates_in"), ("role", "veranderambtenaar")]),
    ]
    assert "p-ilse" in graph.initiative_view("traject")

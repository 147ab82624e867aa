"""Bad documents: every one is refused with a LoadError that says where, what and why.

The table below is the contract of :func:`democratie.load` towards a person who made a
mistake in a landscape file: for each bad document, the problems it must report (path in the
document, problem code, a fragment of the message and, for syntax errors, the line), and no
others.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import democratie
from democratie import LoadError, Problem
from democratie.io import MAX_BYTES, Format

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "bad_documents"
FORMAT = "democratie/1"


def doc(**body: Any) -> str:
    """A JSON landscape document with the format key and the given top-level lists."""
    return json.dumps({"format": FORMAT, **body}, ensure_ascii=False, indent=1)


def person(pid: str, name: str = "Anna de Vries", **extra: Any) -> dict[str, Any]:
    return {"id": pid, "name": name, **extra}


def initiative(iid: str, **extra: Any) -> dict[str, Any]:
    return {"id": iid, "title": f"Initiatief {iid}", "kind": "experiment", **extra}


DELFT = {"id": "delft", "cbs_code": "GM0503"}


#: The invisible characters that no name, title or label may hold: the bidi embeddings,
#: overrides and isolates of "Trojan Source" (CVE-2021-42574) and the zero-width ones.
INVISIBLE_CHARACTERS = [
    ("\u202a", "LEFT-TO-RIGHT EMBEDDING"),
    ("\u202b", "RIGHT-TO-LEFT EMBEDDING"),
    ("\u202c", "POP DIRECTIONAL FORMATTING"),
    ("\u202d", "LEFT-TO-RIGHT OVERRIDE"),
    ("\u202e", "RIGHT-TO-LEFT OVERRIDE"),
    ("\u2066", "LEFT-TO-RIGHT ISOLATE"),
    ("\u2067", "RIGHT-TO-LEFT ISOLATE"),
    ("\u2068", "FIRST STRONG ISOLATE"),
    ("\u2069", "POP DIRECTIONAL ISOLATE"),
    ("\u200b", "ZERO WIDTH SPACE"),
    ("\u2060", "WORD JOINER"),
    ("\ufeff", "ZERO WIDTH NO-BREAK SPACE"),
]


@dataclass(frozen=True)
class Expect:
    """One problem a bad document must report."""

    path: str
    code: str
    fragment: str
    line: int | None = None


@dataclass(frozen=True)
class Case:
    """A bad document and everything it must report (and nothing more)."""

    id: str
    source: str | bytes
    expected: tuple[Expect, ...]
    format: Format | None = None
    max_bytes: int = MAX_BYTES

    def load(self) -> democratie.Landscape:
        if isinstance(self.source, bytes):
            return democratie.load(self.source, format=self.format, max_bytes=self.max_bytes)
        return democratie.loads(self.source, format=self.format, max_bytes=self.max_bytes)


def case(
    case_id: str,
    source: str | bytes,
    *expected: Expect,
    format: Format | None = None,
    max_bytes: int = MAX_BYTES,
) -> Any:
    return pytest.param(
        Case(case_id, source, expected, format=format, max_bytes=max_bytes), id=case_id
    )


DEEP_ARRAYS = "[" * 100_000 + "]" * 100_000

CASES = [
    # --- syntax ------------------------------------------------------------------------------
    case(
        "json-syntax-missing-comma",
        '{"format": "democratie/1",\n "people": [\n  {"id": "p" "name": "Anna"}\n ]\n}',
        Expect("", "syntax", "not valid JSON: Expecting ',' delimiter", line=3),
    ),
    case(
        "json-syntax-trailing-comma",
        '{"format": "democratie/1",\n "people": [\n  {"id": "p",}\n ]\n}',
        Expect("", "syntax", "not valid JSON", line=3),
    ),
    case(
        "json-syntax-unclosed",
        '{"format": "democratie/1",\n"people": [{"id": "p", "name": "A"}],\n"title": "x"',
        Expect("", "syntax", "not valid JSON", line=3),
    ),
    case(
        "toml-syntax-unterminated-string",
        'format = "democratie/1"\n[[people]]\nid = "p"\nname = "Anna\n',
        Expect("", "syntax", "not valid TOML", line=4),
    ),
    case(
        "toml-syntax-unclosed-array-of-tables",
        'format = "democratie/1"\n[[people]]\nid = "p"\nname = "A"\n[[people]\n',
        Expect("", "syntax", "not valid TOML: Expected ']]'", line=5),
    ),
    case(
        "toml-duplicate-key",
        'format = "democratie/1"\ntitle = "a"\ntitle = "b"\n',
        Expect("", "syntax", "not valid TOML", line=3),
    ),
    case(
        "json-nan",
        '{"format": "democratie/1", "people": [{"id": "p", "name": "A",'
        ' "assessment": {"power": NaN}}]}',
        Expect("", "syntax", "NaN is not a number JSON allows", line=1),
    ),
    case(
        "json-infinity",
        '{"format": "democratie/1", "people": [{"id": "p", "name": "A",'
        ' "assessment": {"power": -Infinity}}]}',
        Expect("", "syntax", "-Infinity is not a number JSON allows", line=1),
    ),
    case(
        "json-number-overflowing-to-infinity",
        doc(people=[person("p")]).replace('"Anna de Vries"', '"A", "assessment": {"power": 1e999}'),
        Expect("people[0].assessment.power", "invalid-value", "expected a finite number"),
    ),
    case(
        "toml-nan",
        'format = "democratie/1"\n[[people]]\nid = "p"\nname = "A"\n'
        "[people.assessment]\npower = nan\n",
        Expect("people[0].assessment.power", "invalid-value", "expected a finite number, got nan"),
    ),
    case(
        "json-duplicate-key",
        '{"format": "democratie/1", "people": [{"id": "p", "id": "q", "name": "A"}]}',
        Expect("", "syntax", "the key 'id' appears twice", line=1),
    ),
    case(
        "parent-cycles-of-organisations-and-networks",
        doc(
            organisations=[
                {"id": "a", "name": "A", "kind": "stichting", "parent": "b"},
                {"id": "b", "name": "B", "kind": "stichting", "parent": "c"},
                {"id": "c", "name": "C", "kind": "stichting", "parent": "a"},
                {"id": "d", "name": "D", "kind": "stichting", "parent": "a"},
            ],
            networks=[
                {"id": "n1", "name": "N1", "kind": "netwerk_van_gemeenten", "parent": "n2"},
                {"id": "n2", "name": "N2", "kind": "netwerk_van_gemeenten", "parent": "n1"},
            ],
        ),
        Expect("organisations[0].parent", "parent-cycle", "a -> b -> c -> a"),
        Expect("networks[0].parent", "parent-cycle", "n1 -> n2 -> n1"),
    ),
    case(
        "json-every-duplicate-key-and-nan-at-its-line",
        '{"format": "democratie/1",\n"title": "a",\n"people": [{"id": "p", "name": "A",\n'
        '"assessment": {"power": NaN, "power": 0.5}}],\n"title": "b"}',
        Expect("", "syntax", "NaN is not a number JSON allows", line=4),
        Expect("", "syntax", "the key 'power' appears twice", line=4),
        Expect("", "syntax", "the key 'title' appears twice", line=5),
    ),
    case(
        "json-a-number-of-5000-digits",
        '{"format": "democratie/1",\n"municipalities": [{"id": "delft", "seats": '
        + "9" * 5000
        + "}]}",
        Expect("", "too-large", "a number of 5,000 digits is more than the 4,300", line=2),
    ),
    case(
        "toml-a-number-of-5000-digits",
        'format = "democratie/1"\n[[municipalities]]\nid = "delft"\nseats = ' + "9" * 5000,
        Expect("", "too-large", "a number of 5,000 digits is more than the 4,300", line=4),
    ),
    case(
        "invalid-utf8",
        b'{"format": "democratie/1",\n"people": [{"id": "p", "name": "caf\xe9"}]}',
        Expect("", "encoding", "not valid UTF-8: byte 0xE9", line=2),
    ),
    case(
        "deep-nesting-100000-json-arrays",
        DEEP_ARRAYS,
        Expect("", "too-deep", "nested too deeply"),
    ),
    case(
        "deep-nesting-inside-a-landscape",
        '{"format": "democratie/1", "title": ' + DEEP_ARRAYS + "}",
        Expect("", "too-deep", "nested too deeply"),
    ),
    case(
        "deep-nesting-toml-inline-tables",
        'format = "democratie/1"\ntitle = ' + "{a=" * 50_000 + "1" + "}" * 50_000 + "\n",
        Expect("", "too-deep", "nested too deeply"),
    ),
    case(
        "too-large",
        doc(people=[person("p")]),
        Expect("", "too-large", "more than the limit of 40"),
        max_bytes=40,
    ),
    case(
        "too-large-bytes",
        doc(people=[person("p")]).encode(),
        Expect("", "too-large", "more than the limit of 40; pass a larger max_bytes"),
        max_bytes=40,
    ),
    case("empty-document", "", Expect("format", "format-version", 'format = "democratie/1"')),
    # --- the envelope -----------------------------------------------------------------------
    case(
        "missing-format",
        json.dumps({"people": []}),
        Expect("format", "format-version", 'must start with format = "democratie/1"'),
    ),
    case(
        "wrong-format-version",
        json.dumps({"format": "democratie/2"}),
        Expect("format", "format-version", "reads format \"democratie/1\", not 'democratie/2'"),
    ),
    case(
        "format-is-a-number",
        json.dumps({"format": 1}),
        Expect("format", "format-version", "not 1"),
    ),
    case(
        "top-level-list",
        json.dumps([{"format": FORMAT}]),
        Expect("", "wrong-type", "a table of keys and values at the top"),
    ),
    # --- types at several depths ------------------------------------------------------------
    case(
        "wrong-type-list-is-a-table",
        doc(people={"id": "p", "name": "A"}),
        Expect("people", "wrong-type", "expected a list, got a table"),
    ),
    case(
        "wrong-type-string-for-list",
        doc(initiatives=[initiative("i", goals="meer inwoners betrekken")]),
        Expect("initiatives[0].goals", "wrong-type", "expected a list, got the text"),
    ),
    case(
        "wrong-type-number-as-id",
        doc(people=[{"id": 5, "name": "Anna"}]),
        Expect("people[0].id", "wrong-type", "expected text, got the number 5"),
    ),
    case(
        "wrong-type-null-for-required-text",
        doc(people=[{"id": "p", "name": None}]),
        Expect("people[0].name", "wrong-type", "expected text, got nothing (null)"),
    ),
    case(
        "wrong-type-false-as-text-for-boolean",
        doc(initiatives=[initiative("i", evaluated="false")]),
        Expect("initiatives[0].evaluated", "wrong-type", "expected true or false, got the text"),
    ),
    case(
        "wrong-type-at-depth-3-and-5",
        doc(
            municipalities=[
                {
                    **DELFT,
                    "council": {
                        "seats": "25",
                        "factions": [{"id": "f-groen", "name": "Groen", "seats": True}],
                    },
                }
            ]
        ),
        Expect("municipalities[0].council.seats", "wrong-type", "expected a whole number"),
        Expect(
            "municipalities[0].council.factions[0].seats",
            "wrong-type",
            "expected a whole number, got the boolean true",
        ),
    ),
    case(
        "wrong-type-nested-area-level",
        doc(
            municipalities=[
                {
                    **DELFT,
                    "areas": [
                        {
                            "id": "wk-centrum",
                            "name": "Centrum",
                            "level": "wijk",
                            "areas": [{"id": "bu-oude-delft", "name": "Oude Delft", "level": 3}],
                        }
                    ],
                }
            ]
        ),
        Expect("municipalities[0].areas[0].areas[0].level", "wrong-type", "expected one of"),
    ),
    case(
        "wrong-type-period-start",
        doc(initiatives=[initiative("i", period={"start": 2020})]),
        Expect("initiatives[0].period.start", "wrong-type", "expected a date written YYYY-MM-DD"),
    ),
    case(
        "datetime-for-date-toml",
        'format = "democratie/1"\n[[people]]\nid = "p"\nname = "A"\n'
        '[[roles]]\nholder = "p"\nkind = "deelnemer"\nstart = 2020-01-01T10:00:00\n',
        Expect("roles[0].start", "wrong-type", "a date (YYYY-MM-DD) without a time"),
    ),
    case(
        "datetime-for-date-json",
        doc(
            people=[person("p")],
            roles=[{"holder": "p", "kind": "deelnemer", "start": "2020-01-01T10:00:00"}],
        ),
        Expect("roles[0].start", "wrong-type", "expected a date written YYYY-MM-DD"),
    ),
    case(
        "date-not-in-calendar",
        doc(
            people=[person("p")], roles=[{"holder": "p", "kind": "deelnemer", "end": "2023-02-30"}]
        ),
        Expect(
            "roles[0].end",
            "invalid-value",
            "2023-02-30 is not a date in the calendar; expected a real day",
        ),
    ),
    case(
        "vocabulary-typo",
        doc(initiatives=[{**initiative("i"), "kind": "experimnt"}]),
        Expect("initiatives[0].kind", "invalid-value", "did you mean 'experiment'?"),
    ),
    case(
        "control-character-in-name",
        doc(people=[person("p", name="Anna\u0007de Vries")]),
        Expect("people[0].name", "invalid-value", "control character U+0007 at position 5"),
    ),
    *(
        case(
            f"invisible-U+{ord(char):04X}-in-a-{where}",
            document,
            Expect(path, "invalid-value", f"invisible character U+{ord(char):04X} {name} at"),
        )
        for char, name in INVISIBLE_CHARACTERS
        for where, path, document in [
            (
                "municipality-name",
                "municipalities[0].name",
                doc(municipalities=[{**DELFT, "name": f"Del{char}ft"}]),
            ),
            ("person-name", "people[0].name", doc(people=[person("p", name=f"Anna{char} Vries")])),
            (
                "initiative-title",
                "initiatives[0].title",
                doc(initiatives=[{**initiative("i"), "title": f"{char}Leerkring"}]),
            ),
        ]
    ),
    case(
        "invalid-id",
        doc(people=[person("Anna de Vries")]),
        Expect("people[0].id", "invalid-value", "is not a valid id; an id is a lowercase slug"),
    ),
    # --- keys ---------------------------------------------------------------------------------
    case(
        "unknown-key-with-did-you-mean",
        doc(people=[{"id": "p", "name": "Anna", "contcat": []}]),
        Expect("people[0].contcat", "unknown-key", "did you mean 'contact'?"),
    ),
    case(
        "unknown-key-replacing-a-required-one",
        doc(people=[{"id": "p", "naam": "Anna"}]),
        Expect("people[0].naam", "unknown-key", "did you mean 'name'?"),
        Expect("people[0].name", "missing-key", "required but missing"),
    ),
    case(
        "unknown-top-level-key",
        doc(municipality=[DELFT]),
        Expect("municipality", "unknown-key", "did you mean 'municipalities'?"),
    ),
    case(
        "unknown-key-deep",
        doc(initiatives=[initiative("i", period={"strat": "2020-01-01"})]),
        Expect("initiatives[0].period.strat", "unknown-key", "did you mean 'start'?"),
    ),
    case(
        "missing-required-key",
        doc(initiatives=[{"id": "i", "kind": "workshop"}]),
        Expect("initiatives[0].title", "missing-key", "this key is required but missing"),
    ),
    case(
        "missing-required-key-deep",
        doc(initiatives=[initiative("i", tasks=[{"title": "t", "assignments": [{"actor": "x"}]}])]),
        Expect("initiatives[0].tasks[0].assignments[0].raci", "missing-key", "required"),
        # The assignment that fails is still checked for its references, in the same pass.
        Expect(
            "initiatives[0].tasks[0].assignments[0].actor",
            "dangling-reference",
            "'x' refers to nothing",
        ),
    ),
    # --- references and ids -----------------------------------------------------------------
    case(
        "dangling-reference-with-suggestion",
        doc(people=[person("p-anna")], roles=[{"holder": "p-ana", "kind": "deelnemer"}]),
        Expect("roles[0].holder", "dangling-reference", "'p-ana' refers to nothing"),
        Expect("roles[0].holder", "dangling-reference", "did you mean 'p-anna'?"),
    ),
    case(
        "dangling-reference-deep",
        doc(
            people=[person("p-anna")],
            initiatives=[initiative("i", phases=[{"phase": "visie", "participants": ["p-bob"]}])],
        ),
        Expect(
            "initiatives[0].phases[0].participants[0]",
            "dangling-reference",
            "expected the id of a municipality, council, college, faction, organisation or person",
        ),
    ),
    case(
        "wrong-kind-reference",
        doc(people=[person("p-anna")], initiatives=[initiative("i", municipalities=["p-anna"])]),
        Expect(
            "initiatives[0].municipalities[0]",
            "wrong-reference",
            "'p-anna' is a person (people[0]); expected the id of a municipality",
        ),
    ),
    case(
        "area-outside-the-listed-municipalities",
        doc(
            municipalities=[
                {**DELFT, "areas": [{"id": "wk-centrum", "name": "Centrum", "level": "wijk"}]},
                {"id": "leusden", "cbs_code": "GM0327"},
            ],
            initiatives=[initiative("i", municipalities=["leusden"], areas=["wk-centrum"])],
        ),
        Expect("initiatives[0].areas[0]", "wrong-reference", "lies in 'delft'"),
    ),
    case(
        "duplicate-id",
        doc(people=[person("p-anna"), person("p-anna", name="Anna Jansen")]),
        Expect("people[1].id", "duplicate-id", "already used at people[0] (a person)"),
    ),
    case(
        "duplicate-id-of-a-derived-council-id",
        doc(municipalities=[DELFT], people=[person("delft-raad")]),
        Expect(
            "people[0].id",
            "duplicate-id",
            "'delft-raad' is already used at municipalities[0].council (a council)",
        ),
    ),
    case(
        "duplicate-id-area-and-municipality",
        doc(municipalities=[{**DELFT, "areas": [{"id": "delft", "name": "D", "level": "wijk"}]}]),
        Expect("municipalities[0].areas[0].id", "duplicate-id", "(a municipality)"),
    ),
    # --- values that do not fit together ----------------------------------------------------
    case(
        "reversed-period",
        doc(
            initiatives=[
                initiative("i0"),
                initiative("i1"),
                initiative("i2", period={"start": "2021-03-01", "end": "2020-03-01"}),
            ]
        ),
        Expect(
            "initiatives[2].period.end",
            "invalid-value",
            "the end (2020-03-01) comes before the start (2021-03-01)",
        ),
    ),
    case(
        "phase-outside-its-cycle",
        doc(initiatives=[initiative("i", cycle="wettelijk", phases=[{"phase": "visie"}])]),
        Expect(
            "initiatives[0].phases[0].phase",
            "invalid-value",
            "'visie' is not a phase of the wettelijk cycle",
        ),
    ),
    case(
        "phases-out-of-order",
        doc(
            initiatives=[
                initiative(
                    "i",
                    cycle="wettelijk",
                    phases=[{"phase": "evaluatie"}, {"phase": "voorbereiding"}],
                )
            ]
        ),
        Expect("initiatives[0].phases", "invalid-value", "not in the order of the wettelijk cycle"),
    ),
    case(
        "faction-seats-exceed-council-seats",
        doc(
            municipalities=[
                {
                    **DELFT,
                    "council": {
                        "seats": 5,
                        "factions": [
                            {"id": "f-a", "name": "A", "seats": 4},
                            {"id": "f-b", "name": "B", "seats": 3},
                        ],
                    },
                }
            ]
        ),
        Expect(
            "municipalities[0].council.factions",
            "invalid-value",
            "the factions hold 7 seats, more than the council's 5",
        ),
    ),
    case(
        "malformed-area-code",
        doc(
            municipalities=[
                {**DELFT, "areas": [{"id": "w", "name": "W", "level": "wijk", "code": "WK12"}]}
            ]
        ),
        Expect("municipalities[0].areas[0].code", "invalid-value", "expected WK followed by six"),
    ),
    # --- municipalities and the CBS list ----------------------------------------------------
    case(
        "unknown-cbs-code-suggests-by-name",
        doc(municipalities=[{"id": "delft", "cbs_code": "GM9999", "name": "Delft"}]),
        Expect(
            "municipalities[0].cbs_code",
            "unknown-municipality",
            "GM9999 is not in the CBS list of 2025 municipalities; did you mean Delft (GM0503)?",
        ),
    ),
    case(
        "unknown-cbs-code-suggests-near-codes",
        doc(municipalities=[{"id": "x", "cbs_code": "GM0504"}]),
        Expect("municipalities[0].cbs_code", "unknown-municipality", "Delft (GM0503)"),
    ),
    case(
        "malformed-cbs-code",
        doc(municipalities=[{"id": "delft", "cbs_code": "0503"}]),
        Expect(
            "municipalities[0].cbs_code",
            "invalid-value",
            "'0503' is not a CBS municipality code; expected GM followed by four digits",
        ),
    ),
    case(
        "name-does-not-match-cbs-code",
        doc(municipalities=[{"id": "delft", "cbs_code": "GM0503", "name": "Leusden"}]),
        Expect(
            "municipalities[0].name",
            "invalid-value",
            "'Leusden' is not the name of GM0503 in the CBS list of 2025, which is 'Delft'",
        ),
    ),
    case(
        "province-does-not-match-cbs-code",
        doc(municipalities=[{**DELFT, "province": "Utrecht"}]),
        Expect("municipalities[0].province", "invalid-value", "Delft lies in Zuid-Holland"),
    ),
    case(
        "municipality-without-code-or-name",
        doc(municipalities=[{"id": "ergens"}]),
        Expect("municipalities[0].name", "missing-key", "needs a CBS code (cbs_code) or a name"),
    ),
]


@pytest.mark.parametrize("bad", CASES)
def test_bad_document_is_refused_with_located_problems(bad: Case) -> None:
    with pytest.raises(LoadError) as caught:
        bad.load()
    problems = caught.value.problems
    for expected in bad.expected:
        matching = [
            p
            for p in problems
            if p.path == expected.path
            and p.code == expected.code
            and expected.fragment in p.message
        ]
        assert matching, f"no problem like {expected} among:\n{caught.value}"
        if expected.line is not None:
            assert matching[0].line == expected.line, matching[0]
    reported = {(p.path, p.code) for p in problems}
    wanted = {(e.path, e.code) for e in bad.expected}
    assert reported == wanted, f"unexpected problems reported:\n{caught.value}"
    for problem in problems:
        assert problem.file == "<text>"
        assert problem.message.strip() == problem.message
        assert str(problem).startswith("<text>")


def test_the_table_is_large_and_ids_are_unique() -> None:
    ids = [param.id for param in CASES]
    assert len(ids) >= 30
    assert len(set(ids)) == len(ids)


# --- accepted oddities -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"\xef\xbb\xbf" + doc(municipalities=[DELFT]).encode(), id="json"),
        pytest.param(
            b'\xef\xbb\xbfformat = "democratie/1"\n[[municipalities]]\nid = "delft"\n'
            b'cbs_code = "GM0503"\n',
            id="toml",
        ),
    ],
)
def test_a_byte_order_mark_is_accepted(data: bytes, tmp_path: Path) -> None:
    assert democratie.load(data).get("delft").name == "Delft"  # type: ignore[union-attr]
    path = tmp_path / "landscape.txt"
    path.write_bytes(data)
    assert democratie.load(path).get("delft").name == "Delft"  # type: ignore[union-attr]


@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_a_byte_order_mark_in_text_is_accepted(fmt: Format) -> None:
    land = democratie.Landscape(
        municipalities=(democratie.Municipality(id="delft", cbs_code="GM0503"),)
    )
    text = "\ufeff" + democratie.dumps(land, format=fmt)
    assert democratie.loads(text) == land


#: Names with the format characters real names need: right-to-left, left-to-right and Arabic
#: letter marks in Arabic and Hebrew data, the joiners of Persian, Indic scripts and emoji.
MARKED_NAMES = [
    "\u05d3\u05e0\u05d4 \u05db\u05d4\u05df\u200f (D66)",  # Hebrew, a right-to-left mark
    "\u0645\u062d\u0645\u062f\u061c 2",  # Arabic, an Arabic letter mark
    "Anna\u200e de Vries",  # a left-to-right mark
    "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",  # Persian, a zero-width non-joiner
    "Team \U0001f469\u200d\U0001f4bb",  # an emoji sequence, a zero-width joiner
]


@pytest.mark.parametrize("fmt", ["json", "toml"])
@pytest.mark.parametrize("name", MARKED_NAMES)
def test_a_name_with_the_marks_and_joiners_of_real_names_loads_and_round_trips(
    name: str, fmt: Format
) -> None:
    land = democratie.loads(
        doc(
            municipalities=[{"id": "ergens", "name": name}],
            people=[person("p", name=name)],
            initiatives=[{**initiative("i"), "title": name}],
        )
    )
    assert land.get("ergens").name == name  # type: ignore[union-attr]
    assert land.get("p").name == name  # type: ignore[union-attr]
    assert land.get("i").title == name  # type: ignore[union-attr]
    assert democratie.loads(democratie.dumps(land, format=fmt), format=fmt) == land


def test_an_invisible_character_in_a_description_is_kept() -> None:
    """Only single-line text refuses them: a description is a paragraph of its own."""
    text = "Zie \u202eboven\u202c en \u200bonder."
    land = democratie.loads(doc(people=[person("p")], title="T", description=text))
    assert land.description == text


# --- files --------------------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nergens.toml"
    with pytest.raises(LoadError) as caught:
        democratie.load(path)
    (problem,) = caught.value.problems
    assert (problem.code, problem.file) == ("io-error", str(path))
    assert "no such file" in problem.message
    assert str(path) in str(caught.value)


def test_folder_instead_of_file(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as caught:
        democratie.load(str(tmp_path))
    (problem,) = caught.value.problems
    assert (problem.code, problem.file) == ("io-error", str(tmp_path))
    assert "folder, not a file" in problem.message


@pytest.mark.parametrize("as_path", [True, False], ids=["Path", "str"])
def test_real_file_over_the_limit(tmp_path: Path, as_path: bool) -> None:
    path = tmp_path / "groot.json"
    path.write_text(doc(people=[person(f"p-{i}") for i in range(100)]), encoding="utf-8")
    size = path.stat().st_size
    with pytest.raises(LoadError) as caught:
        democratie.load(path if as_path else str(path), max_bytes=size - 1)
    (problem,) = caught.value.problems
    assert problem.code == "too-large"
    assert problem.file == str(path)
    assert f"{size:,} bytes" in problem.message
    assert len(democratie.load(path, max_bytes=size)) == 100


def test_a_deep_document_from_a_file_is_too_deep_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "diep.json"
    path.write_text(DEEP_ARRAYS, encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        democratie.load(path)
    assert [(p.code, p.file) for p in caught.value.problems] == [("too-deep", str(path))]


def test_fixture_files_report_their_line() -> None:
    path = FIXTURES / "syntax-error.toml"
    with pytest.raises(LoadError) as caught:
        democratie.load(path)
    (problem,) = caught.value.problems
    assert (problem.code, problem.file, problem.line) == ("syntax", str(path), 9)
    assert str(problem).startswith(f"{path}:9:")


# --- every problem at once ----------------------------------------------------------------------

MANY_PROBLEMS = """\
format = "democratie/1"

[[municipalities]]
id = "delft"
cbs_code = "GM0503"
name = "Leusden"

[[people]]
id = "p-anna"
naam = "Anna de Vries"

[[people]]
id = "p-bob"
name = "Bob"
assessment = { power = 1.5 }

[[roles]]
holder = "p-bob"
kind = "wethouder"
at = "delft-college"
start = 2022-06-01
end = 2018-06-01

[[initiatives]]
id = "zeven-van-delft"
title = "De zeven van Delft"
kind = "programma"
evaluated = "ja"
domains = ["zorg", "welzijn", "zorg"]
"""


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    path = tmp_path / "delft.toml"
    path.write_text(MANY_PROBLEMS, encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        democratie.load(path)
    error = caught.value
    found = {(p.path, p.code) for p in error.problems}
    assert found == {
        ("municipalities[0].name", "invalid-value"),
        ("people[0].naam", "unknown-key"),
        ("people[0].name", "missing-key"),
        ("people[1].assessment.power", "invalid-value"),
        ("roles[0].end", "invalid-value"),
        ("initiatives[0].evaluated", "wrong-type"),
        ("initiatives[0].domains[2]", "invalid-value"),
    }, str(error)
    assert error.source == str(path)
    text = str(error)
    assert text.splitlines()[0] == f"{path}: {len(error.problems)} problems:"
    for problem in error.problems:
        assert problem.file == str(path)
        assert f"  - {path}: {problem.path}: {problem.message}" in text.splitlines()


def test_every_problem_in_a_valid_structure_is_reported_at_once() -> None:
    text = doc(
        municipalities=[DELFT],
        people=[person("p-anna"), person("p-anna"), person("delft-college")],
        roles=[
            {"holder": "p-ana", "kind": "raadslid", "at": "delft-raad"},
            {"holder": "p-anna", "kind": "raadslid", "at": "p-anna"},
        ],
    )
    with pytest.raises(LoadError) as caught:
        democratie.loads(text, source="delft.json")
    assert [(p.path, p.code) for p in caught.value.problems] == [
        ("people[1].id", "duplicate-id"),
        ("people[2].id", "duplicate-id"),
        ("roles[0].holder", "dangling-reference"),
        ("roles[1].at", "wrong-reference"),
    ]
    assert {p.file for p in caught.value.problems} == {"delft.json"}


def test_a_broken_entity_does_not_make_references_to_its_siblings_dangle() -> None:
    text = doc(
        people=[person("p-anna"), {"id": "p-bob", "naam": "Bob"}],
        roles=[{"holder": "p-anna", "kind": "deelnemer"}],
    )
    with pytest.raises(LoadError) as caught:
        democratie.loads(text)
    assert {(p.path, p.code) for p in caught.value.problems} == {
        ("people[1].naam", "unknown-key"),
        ("people[1].name", "missing-key"),
    }, str(caught.value)


def test_problems_are_plain_data(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text(doc(people=[{"id": "p"}]), encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        democratie.load(path)
    assert caught.value.problems == (
        Problem(
            path="people[0].name",
            message="this key is required but missing",
            code="missing-key",
            file=str(path),
        ),
    )
    assert isinstance(caught.value, democratie.DemocratieError)
    assert not isinstance(caught.value, (ValueError, OSError))


def test_load_raises_nothing_but_load_error_for_garbage() -> None:
    garbage = [b"\x00\x01\x02", b"\xff" * 10, b"{" * 5000, b'"just a string"', b"42", b"null"]
    for data in garbage:
        with pytest.raises(LoadError):
            democratie.load(data)


def test_vocabulary_messages_read_as_sentences() -> None:
    with pytest.raises(LoadError) as caught:
        democratie.loads(
            doc(
                people=[person("p")],
                roles=[{"holder": "p", "kind": "zzz"}],
                initiatives=[{**initiative("i"), "kind": "zzz"}],
            )
        )
    messages = [p.message for p in caught.value.problems]
    assert len(messages) == 2
    for message in messages:
        assert re.search(r"[a-z] Expected", message) is None, message
        assert " a initiative" not in message, message

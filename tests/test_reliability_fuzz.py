"""Fuzzing the loaders: every mutated document gives a located LoadError, or loads correctly.

A Hypothesis campaign over :func:`democratie.loads` (JSON, TOML, text and bytes), over the
importers (:func:`~democratie.importers.import_popolo`, :func:`~democratie.importers.import_ori`)
and over files read by :func:`democratie.load`, :func:`~democratie.importers.load_popolo` and
:func:`~democratie.importers.load_ori`. Each example takes a valid document (a bundled
example, a landscape from :func:`democratie.testing.strategies.documents`, a Popolo export
of an example, the Open Raadsinformatie sample) and breaks it once, in one of the ways
below; what must follow is said with each.

=====================  ===============================================================
mutation               what must happen
=====================  ===============================================================
drop a key             a required key: ``missing-key`` at its place
change a value's type  a problem at its place
rename an id           to one in use: ``duplicate-id``; to a new one: only broken references
break a reference      ``dangling-reference`` at its place
reverse a period       a problem at its end
number out of range    a problem at its place
control character      a problem at its place
invisible character    a bidi override or isolate, a zero-width space: a problem at its
                       place; in a description, a note or a lesson, accepted
lone surrogate         ``encoding`` at its place
long text              a problem at its place
deep nesting           a problem at or below its place, or ``too-deep``
duplicate key          ``syntax``
invalid UTF-8          ``encoding``, at the line and column of the first bad byte
=====================  ===============================================================

Whatever the mutation, nothing but :class:`~democratie.errors.LoadError` is raised; every
problem has a message and a path that leads into the document; the error prints as UTF-8.
A landscape document that is accepted must be one of the mutations that may be accepted;
whatever an importer accepts must survive ``dump`` and ``load`` unchanged.

How many documents each profile tries is set in :data:`DOCUMENTS`; once the module has run,
it prints the count. Failures the campaign found are kept in ``tests/fuzz/corpus`` and replayed by
:func:`test_the_corpus_of_failures_found_stays_fixed`.
"""

from __future__ import annotations

import copy
import csv
import importlib.util
import io
import json
import re
import sys
import time
import types
import typing
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Union

import attrs
import pytest
import tomli_w
from hypothesis import HealthCheck, event, given, note, settings
from hypothesis import strategies as st

import democratie
from democratie import LoadError, examples
from democratie.errors import Problem
from democratie.exporters import export_bytes
from democratie.exporters.tables import csv_text, tables
from democratie.importers import import_ori, import_popolo, load_ori, load_popolo
from democratie.io import MAX_DEPTH, Format, dumps, loads, parse, unstructure
from democratie.model import Landscape
from democratie.model._checks import MAX_TEXT
from democratie.testing.strategies import documents

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "fuzz" / "corpus"
ORI_SAMPLE = HERE / "data" / "ori"

# --------------------------------------------------------------------------------------------
# How many documents, per profile
# --------------------------------------------------------------------------------------------

PROFILE = settings.get_current_profile_name()
#: Documents each fuzz test tries, by Hypothesis profile. ``thorough`` (run on request:
#: ``HYPOTHESIS_PROFILE=thorough pytest tests/test_reliability_fuzz.py``) tries 100,000.
DOCUMENTS: dict[str, dict[str, int]] = {
    "ci": {"landscape": 1_500, "popolo": 500, "ori": 500, "files": 300},
    "thorough": {"landscape": 50_000, "popolo": 20_000, "ori": 20_000, "files": 10_000},
}
_PLAN = DOCUMENTS.get(PROFILE, {"landscape": 150, "popolo": 60, "ori": 60, "files": 40})

#: Documents tried, by target; printed once the module has run.
FUZZED: Counter[str] = Counter()


def _fuzz(target: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """The settings of a fuzz test: its share of the documents, no deadline, no database."""
    return settings(
        max_examples=_PLAN[target],
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# --------------------------------------------------------------------------------------------
# Where things are in a document
# --------------------------------------------------------------------------------------------

Key = str | int
Path_ = tuple[Key, ...]


def show(path: Path_) -> str:
    """A path in the notation of problems: ``initiatives[2].period.end``."""
    text = ""
    for step in path:
        if isinstance(step, int):
            text += f"[{step}]"
        else:
            text += f".{step}" if text else step
    return text


def walk(node: Any, path: Path_ = ()) -> Iterator[tuple[Path_, Any]]:
    """Every value below *node*, with its path, parents before children."""
    items = node.items() if isinstance(node, dict) else enumerate(node)
    for key, value in items:
        yield (*path, key), value
        if isinstance(value, (dict, list)):
            yield from walk(value, (*path, key))


def at(doc: Any, path: Path_) -> Any:
    for step in path:
        doc = doc[step]
    return doc


def put(doc: Any, path: Path_, value: Any) -> None:
    at(doc, path[:-1])[path[-1]] = value


_SEGMENT = re.compile(r"\.?([^.\[\]]+)|\[(\d+)\]")


def resolves(doc: Any, path: str) -> bool:
    """Whether a problem's *path* leads into *doc* (its last step may be missing)."""
    if path == "":
        return True
    steps: list[Key] = []
    position = 0
    while position < len(path):
        match = _SEGMENT.match(path, position)
        if match is None or match.end() == position:
            return False
        steps.append(match.group(1) if match.group(1) is not None else int(match.group(2)))
        position = match.end()
    node = doc
    for step in steps[:-1]:
        if isinstance(step, int):
            if not (isinstance(node, list) and 0 <= step < len(node)):
                return False
        elif not (isinstance(node, dict) and step in node):
            return False
        node = node[step]
    return True


def _without_none(kind: Any) -> Any:
    if typing.get_origin(kind) in (Union, types.UnionType):
        options = [a for a in typing.get_args(kind) if a is not type(None)]
        if len(options) == 1:
            return options[0]
    return kind


def required_keys(doc: dict[str, Any]) -> set[Path_]:
    """The places in a landscape document whose key the model requires."""
    found: set[Path_] = {("format",)}

    def table(node: dict[str, Any], cls: type, path: Path_) -> None:
        hints = typing.get_type_hints(cls)
        fields = {f.name: f for f in attrs.fields(cls) if f.init}
        for key, value in node.items():
            if key not in fields:
                continue
            if fields[key].default is attrs.NOTHING:
                found.add((*path, key))
            value_of(value, hints[key], (*path, key))

    def value_of(value: Any, kind: Any, path: Path_) -> None:
        kind = _without_none(kind)
        if typing.get_origin(kind) is tuple and isinstance(value, list):
            for index, item in enumerate(value):
                value_of(item, typing.get_args(kind)[0], (*path, index))
        elif attrs.has(kind) and isinstance(value, dict):
            table(value, kind, path)

    table(doc, Landscape, ())
    return found


#: Keys whose text is the id of another entity (checked against the model in a test below).
REFERENCE_KEYS = frozenset(
    {
        "actor",
        "areas",
        "at",
        "attendees",
        "by",
        "coordinators",
        "holder",
        "host",
        "initiated_by",
        "led_by",
        "members",
        "municipalities",
        "municipality",
        "network",
        "on_behalf_of",
        "parent",
        "participants",
        "party",
        "shared_with",
        "to",
        "area",
    }
)


def references(doc: dict[str, Any]) -> list[Path_]:
    """The places in a landscape document that hold a reference to an id."""
    found = []
    for path, value in walk(doc):
        if not isinstance(value, str):
            continue
        key = path[-1] if isinstance(path[-1], str) else path[-2]
        if key in REFERENCE_KEYS and path[-1] != "id":
            found.append(path)
    return found


def ids(doc: Any) -> set[str]:
    taken = {value for path, value in walk(doc) if path[-1] == "id" and isinstance(value, str)}
    for path, value in walk(doc):
        if path[-1] == "id" and len(path) == 3 and path[0] == "municipalities":
            taken |= {f"{value}-raad", f"{value}-college"}
    return taken


# --------------------------------------------------------------------------------------------
# Mutations
# --------------------------------------------------------------------------------------------

CONTROL = [chr(c) for c in [*range(9), 11, 12, *range(14, 32), *range(0x7F, 0xA0)]]
#: The invisible characters no single line of text may hold ("Trojan Source" and zero-width).
INVISIBLE = [
    chr(c) for c in [0x200B, *range(0x202A, 0x202F), 0x2060, *range(0x2066, 0x206A), 0xFEFF]
]
#: The keys whose text may run over several lines, and so may hold invisible characters.
MULTILINE_KEYS = frozenset({"description", "note", "findings", "question", "goals", "text"})
INVALID_UTF8 = [b"\xff", b"\xfe", b"\xc0\xaf", b"\x80", b"\xed\xa0\x80", b"\xe2\x82(", b"\xf8"]
SENTINEL = "zzsentinelzz"


@attrs.define
class Case:
    """One mutated document, how to read it, and what must come of it."""

    mutation: str
    doc: Any  # the document as data, after the mutation (what problem paths point into)
    text: str | bytes | None = None  # the document, when the mutation was made in the text
    format: str = "json"
    must_fail: bool = True
    at: str | None = None  # a problem must be reported at this path (or below, for nesting)
    codes: frozenset[str] | None = None  # a problem must have one of these codes
    only: frozenset[str] | None = None  # every problem must have one of these codes
    line: int | None = None
    column: int | None = None
    below: bool = False  # a problem at a path below ``at`` will do

    def serialised(self) -> str | bytes:
        if self.text is not None:
            return self.text
        if self.format == "json":
            return json.dumps(self.doc, ensure_ascii=False)
        return tomli_w.dumps(self.doc)


def _strings(doc: Any) -> list[Path_]:
    return [p for p, v in walk(doc) if isinstance(v, str)]


def _tables(doc: Any) -> list[Path_]:
    return [(), *(p for p, v in walk(doc) if isinstance(v, dict))]


def _in_text(doc: Any, fmt: str, path: Path_, raw: str) -> str:
    """The document as text, with *raw* text written as the value at *path*."""
    changed = copy.deepcopy(doc)
    put(changed, path, SENTINEL)
    text = json.dumps(changed, ensure_ascii=False) if fmt == "json" else tomli_w.dumps(changed)
    assert text.count(f'"{SENTINEL}"') == 1
    return text.replace(f'"{SENTINEL}"', raw)


#: The ways :func:`landscape_cases` breaks a landscape document (the table above).
LANDSCAPE_MUTATIONS = (
    "drop-key",
    "wrong-type",
    "control-character",
    "invisible-character",
    "lone-surrogate",
    "long-text",
    "deep-nesting",
    "duplicate-key",
    "invalid-utf8",
    "number-out-of-range",
    "rename-id",
    "break-reference",
    "reverse-period",
)


@st.composite
def landscape_cases(
    draw: st.DrawFn, base: dict[str, Any], kinds: tuple[str, ...] = LANDSCAPE_MUTATIONS
) -> Case:
    """A landscape document broken once, in one of *kinds*, with what loading it must report."""
    doc = copy.deepcopy(base)
    fmt = draw(st.sampled_from(["json", "toml"]), label="format")
    places = [(p, v) for p, v in walk(doc)]
    kind = draw(st.sampled_from(kinds), label="mutation")
    strings = _strings(doc)
    if kind == "drop-key":
        keys = [p for p, _ in places if isinstance(p[-1], str)] + [("format",)]
        path = draw(st.sampled_from(keys), label="path")
        required = path in required_keys(doc)
        del at(doc, path[:-1])[path[-1]]
        if not required:
            return Case(kind, doc, format=fmt, must_fail=False)
        code = "format-version" if path == ("format",) else "missing-key"
        return Case(kind, doc, format=fmt, at=show(path), codes=frozenset({code}))
    if kind == "wrong-type":
        path, value = draw(st.sampled_from(places), label="place")
        new = draw(_other_type(value), label="new value")
        put(doc, path, new)
        return Case(kind, doc, format=fmt, at=show(path))
    if kind == "control-character" and strings:
        path = draw(st.sampled_from(strings), label="path")
        text = at(doc, path)
        cut = draw(st.integers(0, len(text)), label="position")
        char = draw(st.sampled_from(CONTROL), label="character")
        put(doc, path, text[:cut] + char + text[cut:])
        return Case(kind, doc, format=fmt, at=show(path))
    if kind == "invisible-character" and strings:
        path = draw(st.sampled_from(strings), label="path")
        text = at(doc, path)
        cut = draw(st.integers(0, len(text)), label="position")
        char = draw(st.sampled_from(INVISIBLE), label="character")
        put(doc, path, text[:cut] + char + text[cut:])
        key = path[-1] if isinstance(path[-1], str) else path[-2]
        if key in MULTILINE_KEYS:
            return Case(kind, doc, format=fmt, must_fail=False)
        return Case(kind, doc, format=fmt, at=show(path))
    if kind == "lone-surrogate" and strings:
        path = draw(st.sampled_from(strings), label="path")
        char = chr(draw(st.integers(0xD800, 0xDFFF), label="surrogate"))
        if draw(st.booleans(), label="in a key"):
            table = at(doc, path[:-1])
            if isinstance(table, dict):
                table[str(path[-1]) + char] = table.pop(path[-1])
                return Case(kind, doc, format=fmt, at=show(path[:-1]), codes=_ENCODING)
        put(doc, path, at(doc, path) + char)
        return Case(kind, doc, format=fmt, at=show(path), codes=_ENCODING)
    if kind == "long-text" and strings:
        path = draw(st.sampled_from(strings), label="path")
        extra = draw(st.integers(MAX_TEXT + 1 - len(at(doc, path)), MAX_TEXT + 64), label="size")
        put(doc, path, at(doc, path) + "x" * max(extra, 1))
        return Case(kind, doc, format=fmt, at=show(path))
    if kind == "deep-nesting" and places:
        path, _ = draw(st.sampled_from(places), label="path")
        depth = draw(
            st.one_of(st.integers(2, 12), st.sampled_from([MAX_DEPTH, MAX_DEPTH + 1, 5_000])),
            label="depth",
        )
        raw = "[" * depth + '"x"' + "]" * depth
        text = _in_text(doc, fmt, path, raw)
        nested: Any = "x"
        for _ in range(depth):
            nested = [nested]
        put(doc, path, nested)
        return Case(kind, doc, text=text, format=fmt, at=show(path), below=True)
    if kind == "duplicate-key":
        table_path = draw(st.sampled_from(_tables(doc)), label="table")
        table = at(doc, table_path)
        # In TOML a repeated [[array of tables]] header adds to the array: not a duplicate.
        names = sorted(
            name
            for name, value in table.items()
            if fmt == "json"
            or not (isinstance(value, list) and any(isinstance(v, dict) for v in value))
        )
        if names:
            name = draw(st.sampled_from(names), label="key")
            table[SENTINEL] = copy.deepcopy(table[name])
            text = json.dumps(doc, ensure_ascii=False) if fmt == "json" else tomli_w.dumps(doc)
            quoted = f'"{SENTINEL}"' if fmt == "json" else SENTINEL
            text = text.replace(quoted, f'"{name}"' if fmt == "json" else name)
            del table[SENTINEL]
            return Case(kind, doc, text=text, format=fmt, at="", codes=_SYNTAX)
    if kind == "invalid-utf8":
        text = json.dumps(doc, ensure_ascii=False) if fmt == "json" else tomli_w.dumps(doc)
        cut = draw(st.integers(0, len(text)), label="position")
        bad = draw(st.sampled_from(INVALID_UTF8), label="bytes")
        head = text[:cut].encode("utf-8")
        line = head.count(b"\n") + 1
        column = len(head) - (head.rfind(b"\n") + 1) + 1
        data = head + bad + text[cut:].encode("utf-8")
        return Case(
            kind, doc, text=data, format=fmt, at="", codes=_ENCODING, line=line, column=column
        )
    if kind == "number-out-of-range":
        numbers = [p for p, v in places if type(v) in (int, float)]
        if numbers:
            path = draw(st.sampled_from(numbers), label="path")
            # An indicator's baseline, target and measured values may be any finite number
            # (a count, a share, a temperature): only a number that is none is out of range.
            unbounded = "indicators" in path and path[-1] in ("baseline", "target", "value")
            value = draw(
                st.sampled_from(
                    ["1e999", "nan"]
                    if unbounded
                    else [-1, -0.5, 1.5, 10**12, 2**70, "1e999", "nan"]
                )
            )
            if value == "1e999" or value == "nan":
                fmt = "json" if value == "1e999" else "toml"
                put(doc, path, 0)
                return Case(
                    kind, doc, text=_in_text(doc, fmt, path, value), format=fmt, at=show(path)
                )
            put(doc, path, value)
            return Case(kind, doc, format="json" if value == 2**70 else fmt, at=show(path))
    if kind == "rename-id":
        id_paths = [p for p, v in places if p[-1] == "id" and isinstance(v, str)]
        if id_paths:
            path = draw(st.sampled_from(id_paths), label="path")
            own = at(doc, path)
            mine = {own, f"{own}-raad", f"{own}-college"}
            others = sorted(ids(doc) - mine - {at(doc, path[:-1]).get("parent")})
            to_one_in_use = draw(st.booleans(), label="to one in use")
            if others and to_one_in_use:
                put(doc, path, draw(st.sampled_from(others), label="new id"))
                return Case(kind, doc, format=fmt, codes=frozenset({"duplicate-id"}))
            fresh = "hernoemd"
            while {fresh, f"{fresh}-raad", f"{fresh}-college"} & ids(doc):
                fresh += "-x"
            put(doc, path, fresh)
            return Case(kind, doc, format=fmt, must_fail=False, only=_REFERENCES)
    if kind == "break-reference":
        refs = references(doc)
        if refs:
            path = draw(st.sampled_from(refs), label="path")
            fresh = "ontbreekt"
            while fresh in ids(doc):
                fresh += "-x"
            put(doc, path, fresh)
            return Case(kind, doc, format=fmt, at=show(path), codes=_REFERENCES)
    if kind == "reverse-period":
        periods = [
            p
            for p, v in places
            if isinstance(v, dict)
            and isinstance(v.get("start"), str)
            and isinstance(v.get("end"), str)
            and v["start"] < v["end"]
        ]
        if periods:
            path = draw(st.sampled_from(periods), label="path")
            period = at(doc, path)
            period["start"], period["end"] = period["end"], period["start"]
            return Case(kind, doc, format=fmt, at=show((*path, "end")))
    # The mutation found nothing to change in this document: then the document is valid.
    return Case("none", doc, format=fmt, must_fail=False)


_ENCODING = frozenset({"encoding"})
_SYNTAX = frozenset({"syntax"})
_REFERENCES = frozenset({"dangling-reference", "wrong-reference"})


def _other_type(value: Any) -> st.SearchStrategy[Any]:
    """Values of another JSON type (a whole number is a fine float, so not another type)."""
    kinds: dict[str, st.SearchStrategy[Any]] = {
        "text": st.text(max_size=5),
        "int": st.integers(-5, 5),
        "float": st.integers(-(2**20), 2**20).map(lambda n: n + 0.5),
        "bool": st.booleans(),
        "list": st.lists(st.integers(0, 3), max_size=2),
        "table": st.dictionaries(st.sampled_from(["id", "x"]), st.integers(0, 3), max_size=2),
    }
    same: set[str] = {
        str: {"text"},
        int: {"int", "float"},
        float: {"int", "float"},
        bool: {"bool"},
        list: {"list"},
        dict: {"table"},
    }[type(value)]
    return st.one_of(*(strategy for name, strategy in kinds.items() if name not in same))


# --------------------------------------------------------------------------------------------
# The checks every outcome must pass
# --------------------------------------------------------------------------------------------


def check_error(error: LoadError, doc: Any, *, source: str | None = None) -> None:
    """A LoadError that a person can act on: problems, messages, places in the document."""
    assert error.problems, "a LoadError without problems"
    str(error).encode("utf-8")  # prints anywhere (no lone surrogates)
    for problem in error.problems:
        assert isinstance(problem, Problem)
        assert problem.message.strip(), problem
        assert problem.code, problem
        if source is not None:
            assert problem.file == source, problem
        if doc is not None:
            assert resolves(doc, problem.path), f"{problem} does not point into the document"


def check_case(case: Case, outcome: Landscape | LoadError) -> None:
    note(f"mutation {case.mutation}; expected at {case.at!r}, codes {case.codes}")
    if isinstance(outcome, Landscape):
        assert not case.must_fail, f"{case.mutation}: an invalid document was accepted"
        return
    note(str(outcome))
    check_error(outcome, case.doc if case.text is None or case.mutation != "invalid-utf8" else None)
    found = {(p.path, p.code) for p in outcome.problems}
    if case.only is not None:
        assert {code for _, code in found} <= case.only, outcome
    if not case.must_fail:
        return
    if case.at is not None:
        if case.below:
            assert any(
                path == case.at
                or path.startswith((f"{case.at}[", f"{case.at}."))
                or code == "too-deep"
                for path, code in found
            ), outcome
        else:
            assert case.at in {path for path, _ in found}, outcome
    if case.codes is not None:
        matching = [p for p in outcome.problems if p.code in case.codes]
        assert matching, outcome
        if case.at is not None and not case.below:
            assert any(p.path == case.at for p in matching), outcome
        if case.line is not None:
            assert (matching[0].line, matching[0].column) == (case.line, case.column), outcome


def _load(case: Case) -> Landscape | LoadError:
    try:
        data = case.serialised()
        if isinstance(data, bytes):
            return democratie.load(data, format=case.format)
        return loads(data, format=case.format)  # type: ignore[arg-type]
    except LoadError as error:
        return error


# --------------------------------------------------------------------------------------------
# Base documents
# --------------------------------------------------------------------------------------------


def _popolo_bases() -> list[Any]:
    return [json.loads(export_bytes(examples.load(name), "popolo")) for name in examples.NAMES]


def _ori_bases() -> tuple[Any, Any]:
    persons = json.loads((ORI_SAMPLE / "heerde_persons.json").read_text("utf-8"))
    organisations = json.loads((ORI_SAMPLE / "heerde_organisations.json").read_text("utf-8"))
    return persons, organisations


POPOLO_BASES = _popolo_bases()
ORI_PERSONS, ORI_ORGANISATIONS = _ori_bases()
EXAMPLE_DOCUMENTS = [unstructure(examples.load(name)) for name in examples.NAMES]

#: One base document in five is a new landscape from the strategies (they cover every class,
#: field and vocabulary member); the others are the bundled examples, which cost nothing to
#: make, so that the documents tried go to the mutations.
_BASES = st.integers(0, 4).flatmap(
    lambda pick: (
        documents(max_municipalities=3, max_people=4, max_roles=4, max_initiatives=3)
        if pick == 0
        else st.sampled_from(EXAMPLE_DOCUMENTS)
    )
)


# --------------------------------------------------------------------------------------------
# The campaign
# --------------------------------------------------------------------------------------------


@_fuzz("landscape")
@given(data=st.data())
def test_a_broken_landscape_document_gives_a_located_load_error(data: st.DataObject) -> None:
    base = data.draw(_BASES, label="base")
    case = data.draw(landscape_cases(base), label="case")
    FUZZED["landscape"] += 1
    event(case.mutation)
    outcome = _load(case)
    check_case(case, outcome)


def _generic_cases(doc: Any) -> st.SearchStrategy[tuple[str, Any, str]]:
    """A JSON document broken once, without knowledge of its format: (mutation, data, text)."""

    @st.composite
    def cases(draw: st.DrawFn) -> tuple[str, Any, str]:
        changed = copy.deepcopy(doc)
        places = list(walk(changed))
        kind = draw(
            st.sampled_from(
                [
                    "drop-key",
                    "wrong-type",
                    "control-character",
                    "invisible-character",
                    "lone-surrogate",
                    "long-text",
                    "deep-nesting",
                    "duplicate-key",
                    "rename-id",
                ]
            ),
            label="mutation",
        )
        strings = _strings(changed)
        if kind == "drop-key":
            keys = [p for p, _ in places if isinstance(p[-1], str)]
            path = draw(st.sampled_from(keys), label="path")
            del at(changed, path[:-1])[path[-1]]
        elif kind == "wrong-type":
            path, value = draw(st.sampled_from(places), label="place")
            put(changed, path, draw(_other_type(value), label="new value"))
        elif kind in (
            "control-character",
            "invisible-character",
            "lone-surrogate",
            "long-text",
            "rename-id",
        ):
            if kind == "rename-id":
                strings = [p for p in strings if p[-1] == "id"] or strings
            path = draw(st.sampled_from(strings), label="path")
            text = at(changed, path)
            addition = {
                "control-character": draw(st.sampled_from(CONTROL), label="character"),
                "invisible-character": draw(st.sampled_from(INVISIBLE), label="character"),
                "lone-surrogate": chr(draw(st.integers(0xD800, 0xDFFF), label="surrogate")),
                "long-text": "x" * (MAX_TEXT + 1),
                "rename-id": "-hernoemd",
            }[kind]
            put(changed, path, text + addition)
        elif kind == "deep-nesting":
            path, _ = draw(st.sampled_from(places), label="path")
            depth = draw(st.sampled_from([2, 3, 10, MAX_DEPTH, MAX_DEPTH + 1, 5_000]))
            put(changed, path, SENTINEL)
            text = json.dumps(changed, ensure_ascii=False)
            raw = "[" * depth + "1" + "]" * depth
            return kind, None, text.replace(f'"{SENTINEL}"', raw)
        elif kind == "duplicate-key":
            tables = [p for p in _tables(changed) if at(changed, p)]
            path = draw(st.sampled_from(tables), label="table")
            table = at(changed, path)
            key = draw(st.sampled_from(sorted(table)), label="key")
            table[SENTINEL] = table[key]
            text = json.dumps(changed, ensure_ascii=False)
            del table[SENTINEL]
            return kind, changed, text.replace(f'"{SENTINEL}"', json.dumps(key))
        return kind, changed, json.dumps(changed, ensure_ascii=False)

    return cases()


_MUST_FAIL_AS = {
    "lone-surrogate": "encoding",
    "duplicate-key": "syntax",
}


def _import_outcome(run: Callable[[], Any]) -> Landscape | LoadError:
    try:
        return run().landscape  # type: ignore[no-any-return]
    except LoadError as error:
        return error


def _check_import(kind: str, changed: Any, outcome: Landscape | LoadError, source: str) -> None:
    if isinstance(outcome, LoadError):
        note(str(outcome))
        check_error(outcome, changed, source=source)
        code = _MUST_FAIL_AS.get(kind)
        if code is not None:
            assert code in {p.code for p in outcome.problems}, outcome
        return
    assert kind not in _MUST_FAIL_AS, f"{kind}: an invalid document was accepted"
    # Whatever an importer accepts is a landscape with nothing lost on the way to a file.
    assert loads(dumps(outcome)) == outcome


@_fuzz("popolo")
@given(data=st.data())
def test_a_broken_popolo_document_gives_a_load_error_or_a_faithful_landscape(
    data: st.DataObject,
) -> None:
    base = data.draw(st.sampled_from(POPOLO_BASES), label="base")
    kind, changed, text = data.draw(_generic_cases(base), label="case")
    FUZZED["popolo"] += 1
    event(kind)

    def run() -> Any:
        return import_popolo(
            parse(text, format="json", source="council.json"), source="council.json"
        )

    _check_import(kind, changed, _import_outcome(run), "council.json")


@_fuzz("ori")
@given(data=st.data())
def test_a_broken_open_raadsinformatie_pair_gives_a_load_error_or_a_faithful_landscape(
    data: st.DataObject,
) -> None:
    which = data.draw(st.sampled_from(["persons", "organisations"]), label="file")
    base = ORI_PERSONS if which == "persons" else ORI_ORGANISATIONS
    kind, changed, text = data.draw(_generic_cases(base), label="case")
    FUZZED["ori"] += 1
    event(kind)
    source = f"heerde_{which}.json"

    def run() -> Any:
        doc = parse(text, format="json", source=source)
        if which == "persons":
            return import_ori(doc, ORI_ORGANISATIONS, persons_source=source)
        return import_ori(ORI_PERSONS, doc, organisations_source=source)

    _check_import(kind, changed, _import_outcome(run), source)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder for the files of the file fuzz test (module-scoped: Hypothesis reuses it)."""
    return tmp_path_factory.mktemp("fuzz-files")


@_fuzz("files")
@given(data=st.data())
def test_a_broken_file_of_any_format_gives_a_load_error(data: st.DataObject, scratch: Path) -> None:
    """The same, from files, through ``democratie.load`` and the importers' own loaders."""
    target = data.draw(st.sampled_from(["landscape", "popolo", "ori"]), label="target")
    if target == "landscape":
        case = data.draw(landscape_cases(data.draw(st.sampled_from(EXAMPLE_DOCUMENTS))))
        payload = case.serialised()
        name = f"land.{case.format}"
        kind = case.mutation
    else:
        base = POPOLO_BASES[0] if target == "popolo" else ORI_PERSONS
        kind, _, payload = data.draw(_generic_cases(base), label="case")
        name = "council.json" if target == "popolo" else "heerde_persons.json"
    FUZZED["files"] += 1
    event(kind)
    path = scratch / name
    path.write_bytes(
        payload if isinstance(payload, bytes) else payload.encode("utf-8", "surrogatepass")
    )
    if target == "ori":
        (scratch / "heerde_organisations.json").write_text(json.dumps(ORI_ORGANISATIONS), "utf-8")
    readers: list[Callable[[], Any]] = [lambda: democratie.load(path)]
    if target == "popolo":
        readers.append(lambda: load_popolo(path).landscape)
    elif target == "ori":
        readers.append(lambda: load_ori(path).landscape)
    for read in readers:
        try:
            read()
        except LoadError as error:
            check_error(error, None, source=str(path))


# --------------------------------------------------------------------------------------------
# The oracle itself
# --------------------------------------------------------------------------------------------


def test_every_reference_key_is_a_reference_of_the_model() -> None:
    """Breaking each reference of the examples gives a dangling reference, at its place."""
    seen: set[str] = set()
    for doc in EXAMPLE_DOCUMENTS:
        for path in references(doc):
            broken = copy.deepcopy(doc)
            put(broken, path, "ontbreekt")
            with pytest.raises(LoadError) as caught:
                loads(json.dumps(broken))
            assert (show(path), "dangling-reference") in {
                (p.path, p.code) for p in caught.value.problems
            }, caught.value
            seen.add(str(path[-1] if isinstance(path[-1], str) else path[-2]))
    assert len(seen) >= 8, sorted(seen)


def test_the_mutations_are_those_of_the_table() -> None:
    assert set(LANDSCAPE_MUTATIONS) == {
        "drop-key",
        "wrong-type",
        "control-character",
        "invisible-character",
        "lone-surrogate",
        "long-text",
        "deep-nesting",
        "duplicate-key",
        "invalid-utf8",
        "number-out-of-range",
        "rename-id",
        "break-reference",
        "reverse-period",
    }


def _with_a_period(doc: dict[str, Any]) -> dict[str, Any]:
    """The document with a whole period on its first initiative (no example has one)."""
    changed = copy.deepcopy(doc)
    changed["initiatives"][0]["period"] = {"start": "2019-01-01", "end": "2020-12-31"}
    return changed


#: A bundled example in which every mutation finds a place to break.
EVERY_MUTATION_BASE = _with_a_period(EXAMPLE_DOCUMENTS[0])


@pytest.mark.parametrize("kind", LANDSCAPE_MUTATIONS)
def test_every_kind_of_mutation_is_tried(kind: str) -> None:
    """Each mutation breaks a document, and what loading it gives passes the checks.

    The test draws its own cases, derandomized, from one document that has a place for
    every mutation, so it does not depend on which fuzz tests ran before it, or on what
    Hypothesis generates after the other tests of the run (its choices also draw on the
    constants of the modules imported so far).
    """
    assert isinstance(loads(json.dumps(EVERY_MUTATION_BASE)), Landscape)
    tried: Counter[str] = Counter()

    @settings(
        max_examples=30,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(case=landscape_cases(EVERY_MUTATION_BASE, kinds=(kind,)))
    def mutate(case: Case) -> None:
        tried[case.mutation] += 1
        check_case(case, _load(case))

    mutate()
    assert tried[kind] > 0, tried


# --------------------------------------------------------------------------------------------
# The corpus of failures found
# --------------------------------------------------------------------------------------------


def _corpus() -> list[Any]:
    index = tomllib.loads((CORPUS / "index.toml").read_text("utf-8"))
    return [
        pytest.param(
            case,
            id=case["file"],
            marks=[pytest.mark.xfail(reason=case["open"], strict=True)] if "open" in case else [],
        )
        for case in index["case"]
    ]


def _replay(target: str, path: Path) -> Any:
    if target == "load":
        return democratie.load(path.read_bytes(), format="json")
    if target == "load-file":
        return democratie.load(path)
    if target == "popolo":
        return import_popolo(parse(path.read_text("utf-8"), format="json"), source=path.name)
    if target == "ori":
        return import_ori(parse(path.read_text("utf-8"), format="json"), persons_source=path.name)
    message = f"unknown target {target!r} in the corpus index"
    raise AssertionError(message)


@pytest.mark.parametrize("case", _corpus())
def test_the_corpus_of_failures_found_stays_fixed(case: dict[str, Any]) -> None:
    """Each document once made a loader fail; now it gives what it should, quickly.

    That is the LoadError it should (with exactly its problems, when the case lists them),
    or, for a document that must be accepted, a landscape that survives ``dump`` and
    ``load`` and exports safely.
    """
    path = CORPUS / case["file"]
    start = time.perf_counter()
    if case.get("accepted", False):
        outcome = _replay(case["target"], path)
        took = time.perf_counter() - start
        land = outcome if isinstance(outcome, Landscape) else outcome.landscape
        assert loads(dumps(land)) == land
        if "csv" in case:
            (table,) = [t for t in tables(land, with_scores=False) if t.name == case["csv"]["file"]]
            text = csv_text(table)
            cells = [cell for row in list(csv.reader(io.StringIO(text)))[1:] for cell in row]
            assert case["csv"]["cell"] in cells, text
        assert took < case["seconds"], f"took {took:.2f} s"
        return
    with pytest.raises(LoadError) as caught:
        _replay(case["target"], path)
    took = time.perf_counter() - start
    check_error(caught.value, None)
    problems = caught.value.problems
    found = {(p.path, p.code) for p in problems}
    if "problems" in case:
        # Every real problem, and only those: no follow-on problem, none left out.
        expected = sorted((where, code) for where, code in case["problems"])
        assert sorted((p.path, p.code) for p in problems) == expected, caught.value
        if "line" in case:
            assert (problems[0].line, problems[0].column) == (case["line"], case["column"])
    elif "path" in case:
        assert (case["path"], case["code"]) in found, caught.value
    else:
        assert case["code"] in {code for _, code in found}, caught.value
    assert took < case["seconds"], f"took {took:.2f} s"


def test_the_corpus_index_names_every_file() -> None:
    index = tomllib.loads((CORPUS / "index.toml").read_text("utf-8"))
    listed = {case["file"] for case in index["case"]}
    assert listed == {p.name for p in CORPUS.iterdir() if p.name != "index.toml"}
    for case in index["case"]:
        assert case["found"].strip()
        assert case["target"] in {"load", "load-file", "popolo", "ori"}
        # Each case says what must come of it: a problem, the problems, or acceptance.
        assert {"code", "problems", "accepted"} & set(case), case["file"]


def _fuzz_target() -> types.ModuleType:
    spec = importlib.util.spec_from_file_location("fuzz_load", HERE / "fuzz" / "fuzz_load.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_atheris_target_replays_the_corpus(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = _fuzz_target()
    assert target.main(["fuzz_load.py", str(CORPUS)]) == 0
    files = [p for p in CORPUS.iterdir() if p.name != "index.toml"]
    assert f"{len(files)} files read, 0 failed" in capsys.readouterr().out
    monkeypatch.setattr(target, "loads", lambda data: 1 / 0)
    with pytest.raises(AssertionError, match="loads raised ZeroDivisionError"):
        target.check(b"{}")


# --------------------------------------------------------------------------------------------
# Strings and names no document should smuggle through
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_a_lone_surrogate_in_text_is_an_encoding_problem(fmt: Format) -> None:
    land = examples.load("leusden-samenleving-voorop")
    text = dumps(land, format=fmt).replace("Samenleving Voorop", "Samenleving \udc80Voorop", 1)
    with pytest.raises(LoadError) as caught:
        loads(text, format=fmt)
    (problem,) = caught.value.problems
    assert problem.code == "encoding"
    assert resolves(unstructure(land), problem.path)
    str(caught.value).encode("utf-8")


def test_an_escaped_surrogate_pair_is_a_character_and_loads() -> None:
    land = loads('{"format": "democratie/1", "title": "Samen \\ud83d\\ude00"}')
    assert land.title == "Samen \N{GRINNING FACE}"
    literal = loads('{"format": "democratie/1", "title": "uitleg: \\\\ud800 is een escape"}')
    assert literal.title == "uitleg: \\ud800 is een escape"


def test_validate_json_prints_a_document_with_lone_surrogates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from democratie.cli import main

    path = tmp_path / "land.json"
    path.write_text(
        '{"format": "democratie/1", "people": [{"id": "p", "name": "A", "x\\udfff": 1}]}', "utf-8"
    )
    assert main(["validate", "--json", str(path)]) == 1
    result = json.loads(capsys.readouterr().out)
    assert [p["code"] for p in result["files"][0]["problems"]] == ["encoding"]


@pytest.mark.parametrize(
    "read",
    [
        pytest.param(democratie.io.load, id="io.load"),
        pytest.param(democratie.load, id="democratie.load"),
        pytest.param(lambda name: democratie.load(name, format="popolo"), id="load-as-popolo"),
        pytest.param(load_popolo, id="load_popolo"),
        pytest.param(load_ori, id="load_ori"),
    ],
)
def test_a_file_name_with_a_nul_is_a_load_error(read: Callable[[str], Any]) -> None:
    with pytest.raises(LoadError) as caught:
        read("land\x00.json")
    assert caught.value.problems[0].code == "io-error"


# --------------------------------------------------------------------------------------------
# The count
# --------------------------------------------------------------------------------------------


@pytest.fixture(autouse=True, scope="module")
def _count_the_documents(pytestconfig: pytest.Config) -> Iterator[None]:
    """After the module, say how many documents the campaign tried, whichever tests ran."""
    yield
    if FUZZED:
        total = sum(FUZZED.values())
        tried = ", ".join(f"{k} {v:,}" for k, v in sorted(FUZZED.items()))
        _say(pytestconfig, f"\nfuzzing ({PROFILE} profile): {total:,} documents ({tried})")


def _say(config: pytest.Config, line: str) -> None:
    """Write a line on the terminal, past pytest's capture."""
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    capture = config.pluginmanager.get_plugin("capturemanager")
    if reporter is None or capture is None:
        return
    with capture.global_and_fixture_disabled():
        reporter.write_line(line)

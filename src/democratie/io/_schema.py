"""The JSON Schema of the landscape format, generated from the model so it cannot drift."""

from __future__ import annotations

import datetime as dt
import inspect
import re
import types
import typing
from functools import cache
from typing import Any, Union, get_args, get_origin

import attrs

from democratie.io._legacy import LEGACY_SCHEMA
from democratie.io._load import FORMAT_VERSION
from democratie.model import Landscape
from democratie.model._checks import ID_PATTERN
from democratie.vocab import Term

__all__ = ["json_schema"]

_SCHEMA_ID = "https://democratie.readthedocs.io/schema/democratie-1.json"
_DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


def json_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of a landscape document.

    The schema is generated from the attrs classes of :mod:`democratie.model`
    and the vocabularies, so it always describes what :func:`democratie.load`
    accepts as to structure, types and vocabulary values. What the schema
    cannot express (unique ids, references that resolve, date order, CBS codes
    in the list of 2025) is checked by :func:`~democratie.load` itself.

    Dates are written ``YYYY-MM-DD``; in TOML, native dates are accepted too.

    Returns
    -------
    dict
        A fresh copy, safe to modify.

    Examples
    --------
    >>> schema = json_schema()
    >>> schema["properties"]["format"]["const"]
    'democratie/1'
    >>> sorted(schema["$defs"]["Period"]["properties"])
    ['end', 'start']
    """
    import copy

    return copy.deepcopy(_build())


@cache
def _build() -> dict[str, Any]:
    defs: dict[str, Any] = {}
    root = _class_schema(Landscape, defs)
    root["properties"] = {
        "format": {
            "const": FORMAT_VERSION,
            "description": "The version of the document format.",
        },
        **root["properties"],
    }
    root["required"] = ["format", *root.get("required", [])]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": _SCHEMA_ID,
        "title": "democratie landscape",
        **root,
        "$defs": dict(sorted(defs.items())),
    }


def _class_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    described = _parameters(inspect.getdoc(cls) or "")
    properties: dict[str, Any] = {}
    required: list[str] = []
    for attribute in attrs.fields(cls):
        if not attribute.init or attribute.name.startswith("_"):
            continue
        schema = _type_schema(hints[attribute.name], defs)
        if attribute.name == "id" or attribute.name.endswith("_id"):
            schema = (
                {**schema, "pattern": f"^{ID_PATTERN.pattern}$"} if "type" in schema else schema
            )
        text = described.get(attribute.name)
        if text:
            schema = {**schema, "description": text}
        properties[attribute.name] = schema
        if attribute.default is attrs.NOTHING:
            required.append(attribute.name)
    properties.update(LEGACY_SCHEMA.get(cls.__name__, {}))
    doc = (inspect.getdoc(cls) or "").split("\n\n")[0].replace("\n", " ")
    result: dict[str, Any] = {
        "type": "object",
        "description": doc,
        "properties": properties,
        "additionalProperties": False,
    }
    if required:
        result["required"] = required
    return result


def _type_schema(kind: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = get_origin(kind)
    if origin in (Union, types.UnionType):
        options = [a for a in get_args(kind) if a is not type(None)]
        inner = (
            _type_schema(options[0], defs)
            if len(options) == 1
            else {"anyOf": [_type_schema(a, defs) for a in options]}
        )
        return {"anyOf": [inner, {"type": "null"}]}
    if origin is tuple:
        return {"type": "array", "items": _type_schema(get_args(kind)[0], defs)}
    if kind is str:
        return {"type": "string"}
    if kind is bool:
        return {"type": "boolean"}
    if kind is int:
        return {"type": "integer"}
    if kind is float:
        return {"type": "number"}
    if kind is dt.date:
        return {"type": "string", "format": "date", "pattern": _DATE_PATTERN}
    if isinstance(kind, type) and issubclass(kind, Term):
        name = kind.__name__
        if name not in defs:
            defs[name] = {
                "type": "string",
                "title": name,
                "description": (inspect.getdoc(kind) or "").split("\n\n")[0].replace("\n", " "),
                "enum": [member.value for member in kind],
                "x-labels": {m.value: {"en": m.label_en, "nl": m.label_nl} for m in kind},
            }
        return {"$ref": f"#/$defs/{name}"}
    if attrs.has(kind):
        name = kind.__name__
        if name not in defs:
            defs[name] = {}  # reserve the name first: classes may nest themselves (Area)
            defs[name] = {"title": name, **_class_schema(kind, defs)}
        return {"$ref": f"#/$defs/{name}"}
    message = f"no JSON Schema for {kind!r}"  # pragma: no cover - guarded by the tests
    raise TypeError(message)  # pragma: no cover


_PARAM = re.compile(r"^(\w+(?:, \w+)*)\s*$")


def _parameters(doc: str) -> dict[str, str]:
    """Read the numpy-style Parameters section of a docstring."""
    lines = doc.splitlines()
    try:
        start = lines.index("Parameters") + 2
    except ValueError:
        return {}
    found: dict[str, str] = {}
    names: list[str] = []
    for number in range(start, len(lines)):
        line = lines[number]
        if line and not line.startswith(" "):
            underline = lines[number + 1] if number + 1 < len(lines) else ""
            match = _PARAM.match(line)
            if match is None or (underline and set(underline) == {"-"}):
                break
            names = match.group(1).split(", ")
            for name in names:
                found[name] = ""
        elif line.strip() and names:
            for name in names:
                found[name] = (found[name] + " " + line.strip()).strip()
    return found

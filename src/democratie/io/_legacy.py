"""Keys of older documents that still load: ``evaluated`` and ``shared_with``.

``democratie/1`` documents written before evaluations and transfers existed say
``evaluated = true`` (or ``false``) on an initiative and ``shared_with = [...]`` on a
lesson. They load as the newer keys say them, and are never written:

- ``evaluated = true`` loads as one evaluation with no details (``evaluations = [{}]``);
  with evaluations given as well, the evaluations say more and are kept as they are; with
  an empty list of evaluations it contradicts them, which is an error.
- ``evaluated = false`` loads as no evaluations: no recorded evaluation is what "not
  evaluated" means. Given together with evaluations it contradicts them, which is an error.
- ``shared_with = ["m50"]`` loads as ``transfers = [{ to = "m50" }]``. Given together with
  transfers, every id it lists must also be the ``to`` of a transfer (the transfers say
  more); an id that is not is an error at its place in ``shared_with``.

Problems found in a converted ``shared_with`` (an id that refers to nothing, say) are
reported at their place in ``shared_with``, where the document has them (:func:`placed`).

Examples
--------
>>> upgrade_initiative({"id": "i", "evaluated": True})
({'id': 'i', 'evaluations': [{}]}, [])
>>> document, problems = upgrade_initiative({"evaluated": False, "evaluations": [{"by": "a"}]})
>>> print(*problems)
evaluated: evaluated = false, yet evaluations are recorded; leave evaluated out (no recorded
evaluation is what "not evaluated" means)
>>> upgrade_lesson({"text": "t", "shared_with": ["m50", "delft"]})
({'text': 't', 'transfers': [{'to': 'm50'}, {'to': 'delft'}]}, [])
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from attrs import evolve

from democratie.errors import Problem
from democratie.model._checks import ID_PATTERN
from democratie.model._describe import describe as _show

__all__ = ["LEGACY_KEYS", "LEGACY_SCHEMA", "placed", "upgrade_initiative", "upgrade_lesson"]

_ABSENT = object()


def upgrade_initiative(value: dict[str, Any]) -> tuple[dict[str, Any], list[Problem]]:
    """Turn ``evaluated`` into ``evaluations``; return the new table and the problems found.

    Examples
    --------
    >>> upgrade_initiative({"evaluated": False})
    ({}, [])
    >>> print(*upgrade_initiative({"evaluated": "ja"})[1])
    evaluated: expected true or false, got the text 'ja'
    """
    table = dict(value)
    old = table.pop("evaluated")
    if not isinstance(old, bool):
        return table, [
            Problem(
                path="evaluated",
                code="wrong-type",
                message=f"expected true or false, got {_show(old)}",
            )
        ]
    given = table.get("evaluations", _ABSENT)
    if old:
        if given is _ABSENT:
            table["evaluations"] = [{}]
        elif isinstance(given, list) and not given:
            return table, [
                Problem(
                    path="evaluated",
                    code="invalid-value",
                    message=(
                        "evaluated = true, yet the list of evaluations is empty; record the "
                        "evaluation under evaluations and leave evaluated out"
                    ),
                )
            ]
    elif isinstance(given, list) and given:
        return table, [
            Problem(
                path="evaluated",
                code="invalid-value",
                message=(
                    "evaluated = false, yet evaluations are recorded; leave evaluated out "
                    '(no recorded evaluation is what "not evaluated" means)'
                ),
            )
        ]
    return table, []


def upgrade_lesson(value: dict[str, Any]) -> tuple[dict[str, Any], list[Problem]]:
    """Turn ``shared_with`` into ``transfers``; return the new table and the problems found.

    Examples
    --------
    >>> print(*upgrade_lesson({"shared_with": ["m50", "m50"]})[1])
    shared_with[1]: 'm50' is listed twice
    >>> table, problems = upgrade_lesson({"shared_with": ["m50"], "transfers": [{"to": "zeist"}]})
    >>> print(*problems)
    shared_with[0]: 'm50' is listed under shared_with, but no transfer goes to it; list it under
    transfers only
    """
    table = dict(value)
    old = table.pop("shared_with")
    if not isinstance(old, list):
        return table, [
            Problem(
                path="shared_with", code="wrong-type", message=f"expected a list, got {_show(old)}"
            )
        ]
    problems: list[Problem] = []
    kept: list[str] = []
    for index, item in enumerate(old):
        if not isinstance(item, str):
            problems.append(
                Problem(
                    path=f"shared_with[{index}]",
                    code="wrong-type",
                    message=f"expected text, got {_show(item)}",
                )
            )
        elif item in kept:
            problems.append(
                Problem(
                    path=f"shared_with[{index}]",
                    code="invalid-value",
                    message=f"'{item}' is listed twice",
                )
            )
        else:
            kept.append(item)
    given = table.get("transfers", _ABSENT)
    if given is _ABSENT:
        table["transfers"] = [{"to": item} for item in kept]
    elif isinstance(given, list):
        targets = {t.get("to") for t in given if isinstance(t, dict)}
        problems.extend(
            Problem(
                path=f"shared_with[{index}]",
                code="invalid-value",
                message=(
                    f"'{item}' is listed under shared_with, but no transfer goes to it; "
                    "list it under transfers only"
                ),
            )
            for index, item in enumerate(old)
            if isinstance(item, str) and item not in targets
        )
    return table, problems


#: The older keys each class still reads, with what turns them into the newer ones.
LEGACY_KEYS: Mapping[str, tuple[frozenset[str], Callable[..., Any]]] = {
    "Initiative": (frozenset({"evaluated"}), upgrade_initiative),
    "Lesson": (frozenset({"shared_with"}), upgrade_lesson),
}

#: The older keys in the JSON Schema, marked deprecated: documents that use them are valid.
LEGACY_SCHEMA: Mapping[str, Mapping[str, Any]] = {
    "Initiative": {
        "evaluated": {
            "type": "boolean",
            "deprecated": True,
            "description": (
                "Older documents: true loads as one evaluation with no details, false as "
                "none; use evaluations instead. Never written."
            ),
        }
    },
    "Lesson": {
        "shared_with": {
            "type": "array",
            "items": {"type": "string", "pattern": f"^{ID_PATTERN.pattern}$"},
            "deprecated": True,
            "description": (
                "Older documents: each id loads as a transfer to it; use transfers instead. "
                "Never written."
            ),
        }
    },
}

_TRANSFER_TO = re.compile(r"(initiatives\[(\d+)\]\.lessons\[(\d+)\])\.transfers\[(\d+)\]\.to")


def placed(problem: Problem, body: Any) -> Problem:
    """The problem at its place in the document, for one about a transfer from ``shared_with``.

    Examples
    --------
    >>> body = {"initiatives": [{"lessons": [{"shared_with": ["m50", "m50", "nergens"]}]}]}
    >>> where = "initiatives[0].lessons[0].transfers[1].to"
    >>> placed(Problem(path=where, message="'nergens' refers to nothing"), body).path
    'initiatives[0].lessons[0].shared_with[2]'
    """
    match = _TRANSFER_TO.fullmatch(problem.path)
    if match is None:
        return problem
    try:
        lesson = body["initiatives"][int(match.group(2))]["lessons"][int(match.group(3))]
    except (KeyError, IndexError, TypeError):
        return problem
    if not isinstance(lesson, dict) or "transfers" in lesson:
        return problem
    old = lesson.get("shared_with")
    if not isinstance(old, list):
        return problem
    positions: list[int] = []
    seen: list[str] = []
    for index, item in enumerate(old):
        if isinstance(item, str) and item not in seen:
            seen.append(item)
            positions.append(index)
    number = int(match.group(4))
    if number >= len(positions):
        return problem
    return evolve(problem, path=f"{match.group(1)}.shared_with[{positions[number]}]")

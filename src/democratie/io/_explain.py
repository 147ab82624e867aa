"""Turn a failed structuring into located problems a person can act on."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

import attrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)

from democratie.errors import ModelError, Problem, join_path
from democratie.io._failures import Invalid, Omitted

__all__ = ["explain", "left_out"]


def explain(error: BaseException, path: str = "") -> Iterator[Problem]:
    """Yield one problem for every failure inside a (possibly nested) structuring error.

    Examples
    --------
    >>> from democratie.io._converter import detailed_converter
    >>> from democratie.model import Period
    >>> try:
    ...     detailed_converter.structure({"start": "4 februari", "end": 2020}, Period)
    ... except Exception as error:
    ...     for problem in explain(error, "initiatives[0].period"):
    ...         print(problem.code, problem.path, "-", problem.message)
    wrong-type initiatives[0].period.start - expected a date written YYYY-MM-DD, got the text '4
    februari'
    wrong-type initiatives[0].period.end - expected a date written YYYY-MM-DD, got the number 2020
    """
    if isinstance(error, ClassValidationError):
        attribute_errors, without = error.group_exceptions()
        for sub, attribute in attribute_errors:
            name = attribute.name
            yield from _explain_field(sub, join_path(path, name) if path else name)
        for sub in without:
            yield from explain(sub, path)
    elif isinstance(error, IterableValidationError):
        item_errors, loose = error.group_exceptions()
        for sub, item in item_errors:
            yield from explain(sub, f"{path}[{item.index}]")
        for sub in loose:
            yield from explain(sub, path)
    elif isinstance(error, ForbiddenExtraKeysError):
        known = [a.name for a in attrs.fields(error.cl) if a.init and not a.name.startswith("_")]
        for key in sorted(error.extra_fields):
            close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'? " if close else ""
            yield Problem(
                path=join_path(path, key) if path else key,
                code="unknown-key",
                message=f"unknown key '{key}'; {hint}Known keys here: {', '.join(known)}",
            )
    elif isinstance(error, ModelError):
        for problem in error.problems:
            yield problem.under(path) if path else problem
    elif isinstance(error, Omitted):
        return  # counted when it was left out
    elif isinstance(error, Invalid):
        yield Problem(path=path, code=error.code, message=error.message)
    elif isinstance(error, RecursionError):
        yield Problem(path=path, code="too-deep", message="the document is nested too deeply")
    else:
        yield Problem(path=path, code="invalid-value", message=f"invalid value: {error}")


def left_out(error: BaseException, path: str = "") -> Iterator[str]:
    """Yield the place of every item left out beyond the limit of problems inside an error.

    Examples
    --------
    >>> from democratie.io._converter import detailed_converter
    >>> from democratie.io._failures import BUDGET, Budget
    >>> from democratie.model import Person
    >>> token = BUDGET.set(Budget(limit=1))
    >>> try:
    ...     detailed_converter.structure([{"id": "a"}, {"id": "b"}], tuple[Person, ...])
    ... except Exception as error:
    ...     print(list(left_out(error, "people")))
    ['people[1]']
    >>> BUDGET.reset(token)
    """
    if isinstance(error, ClassValidationError):
        attribute_errors, without = error.group_exceptions()
        for sub, attribute in attribute_errors:
            yield from left_out(sub, join_path(path, attribute.name) if path else attribute.name)
        for sub in without:
            yield from left_out(sub, path)
    elif isinstance(error, IterableValidationError):
        item_errors, loose = error.group_exceptions()
        for sub, item in item_errors:
            yield from left_out(sub, f"{path}[{item.index}]")
        for sub in loose:
            yield from left_out(sub, path)
    elif isinstance(error, Omitted):
        yield from (f"{path}[{index}]" for index in error.stand_ins)


def _explain_field(error: BaseException, path: str) -> Iterator[Problem]:
    if isinstance(error, KeyError):
        yield Problem(path=path, code="missing-key", message="this key is required but missing")
    else:
        yield from explain(error, path)

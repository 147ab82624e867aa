"""What the detailed pass of loading raises and counts: wrong values, and what it leaves out.

:class:`Invalid` is a value of the wrong type or form; :class:`Budget` (set for a pass with
:data:`BUDGET`) bounds the problems kept, and :class:`Omitted` marks the items of a list left
out beyond it.
"""

from __future__ import annotations

import contextvars
from typing import Any

import attrs

__all__ = ["BUDGET", "Budget", "Invalid", "Omitted"]


class Invalid(ValueError):
    """A value of the wrong type or form, with a message for people and a problem code.

    Examples
    --------
    The structuring hooks raise it; :func:`~democratie.io._explain.explain` turns it into a
    located problem with its code:

    >>> from democratie.io._explain import explain
    >>> error = Invalid("expected a date like 2020-02-04, got '4 februari'", code="invalid-value")
    >>> error.code
    'invalid-value'
    >>> print(*explain(error, "initiatives[0].period.start"))
    initiatives[0].period.start: expected a date like 2020-02-04, got '4 februari'
    """

    def __init__(self, message: str, code: str = "wrong-type") -> None:
        super().__init__(message)
        self.message = message
        self.code = code


@attrs.define
class Budget:
    """How many problems the explanation of a failure keeps, and how many it found beyond.

    Set for one detailed pass with :data:`BUDGET`. Once *used* reaches *limit*, an item of
    a list that fails is no longer kept with its error (nor the error's traceback): its
    problems are counted in *omitted* and only its stand-in is kept, so that memory stays
    bounded however many problems a document has.

    Examples
    --------
    >>> from democratie.io._converter import detailed_converter
    >>> budget = Budget(limit=2)
    >>> token = BUDGET.set(budget)
    >>> try:
    ...     detailed_converter.structure(["a", "b", "c"], tuple[int, ...])
    ... except Exception:
    ...     pass
    >>> BUDGET.reset(token)
    >>> budget.used, budget.omitted
    (2, 1)
    """

    limit: int | None
    used: int = 0
    omitted: int = 0
    #: False when problems under items beyond the limit were dropped without being counted.
    exact: bool = True


#: The budget of the detailed pass under way; None outside one, or for no limit.
BUDGET: contextvars.ContextVar[Budget | None] = contextvars.ContextVar("BUDGET", default=None)


class Omitted(Exception):
    """The items of a list that failed beyond the limit of problems: counted, not kept.

    Of each, only its index and its stand-in are kept (none of its errors), so that a
    list of a great many failures takes little more memory than the list itself.

    Examples
    --------
    >>> left_out = Omitted()
    >>> left_out.stand_ins[7] = None
    >>> sorted(left_out.stand_ins)
    [7]
    """

    def __init__(self) -> None:
        super().__init__("left out beyond the limit of problems")
        self.stand_ins: dict[int, Any] = {}

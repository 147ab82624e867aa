"""How a value found in a document is named in messages, by the model and the loader alike."""

from __future__ import annotations

import datetime as dt

__all__ = ["describe"]


def describe(value: object) -> str:
    """Name a value for a message: its type in words, and the value when it is short.

    Examples
    --------
    >>> describe("false"), describe([1]), describe(None), describe(True)
    ("the text 'false'", 'a list', 'nothing (null)', 'the boolean true')

    Dates and times are written as a document writes them, never as Python would:

    >>> import datetime as dt
    >>> describe(dt.time(7, 32)), describe(dt.date(2026, 3, 1))
    ('the time of day 07:32:00', 'the date 2026-03-01')
    >>> describe(dt.datetime(2026, 3, 1, 7, 32))
    'the date and time 2026-03-01T07:32:00'
    """
    if isinstance(value, dict):
        return "a table of keys and values"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, dt.datetime):
        return f"the date and time {value.isoformat()}"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, dt.time):
        return f"the time of day {value.isoformat()}"
    text = repr(value)
    if len(text) > 40:
        text = text[:37] + "..."
    if isinstance(value, str):
        return f"the text {text}"
    if isinstance(value, (int, float)):
        return f"the number {text}"
    return text

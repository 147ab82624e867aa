"""How a value found in a document is named in messages."""

from __future__ import annotations

__all__ = ["describe"]


def describe(value: object) -> str:
    """Name a value for a message: its type in words, and the value when it is short.

    Examples
    --------
    >>> describe("false"), describe([1]), describe(None), describe(True)
    ("the text 'false'", 'a list', 'nothing (null)', 'the boolean true')
    """
    if isinstance(value, dict):
        return "a table of keys and values"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    text = repr(value)
    if len(text) > 40:
        text = text[:37] + "..."
    if isinstance(value, str):
        return f"the text {text}"
    if isinstance(value, (int, float)):
        return f"the number {text}"
    return text

"""Numbers as each language writes them: Dutch with a decimal comma and a thousands point."""

from __future__ import annotations

__all__ = ["decimal"]


def decimal(value: float, spec: str = ".2f", *, lang: str = "nl") -> str:
    """*value* formatted by *spec*, with Dutch separators when *lang* is ``"nl"``.

    Examples
    --------
    >>> decimal(0.4), decimal(-0.2, "+.2f"), decimal(1234.5, ",.1f")
    ('0,40', '-0,20', '1.234,5')
    >>> decimal(1234.5, ",.1f", lang="en")
    '1,234.5'
    """
    text = format(value, spec)
    if lang != "nl":
        return text
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")

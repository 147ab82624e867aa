"""Escaping text for the XML exports (GraphML and GEXF), the same way every time."""

from __future__ import annotations

import re

__all__ = ["attribute", "content"]

# Characters XML 1.0 does not allow at all; they are written as U+FFFD.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_CONTENT = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"}
_ATTRIBUTE = {**_CONTENT, '"': "&quot;", "\n": "&#10;", "\t": "&#9;"}
_CONTENT_CHARS = re.compile("[&<>\r]")
_ATTRIBUTE_CHARS = re.compile('[&<>\r"\n\t]')


def content(value: str) -> str:
    r"""Escape text for the content of an element; line ends are kept as they are.

    Examples
    --------
    >>> content("B&W <Delft>\r\n")
    'B&amp;W &lt;Delft&gt;&#13;\n'
    """
    value = _FORBIDDEN.sub("\ufffd", value)
    return _CONTENT_CHARS.sub(lambda m: _CONTENT[m.group()], value)


def attribute(value: str) -> str:
    r"""Escape text for a double-quoted attribute, keeping tabs and line ends.

    Examples
    --------
    >>> attribute('zeg "ja"\nof nee')
    'zeg &quot;ja&quot;&#10;of nee'
    """
    value = _FORBIDDEN.sub("\ufffd", value)
    return _ATTRIBUTE_CHARS.sub(lambda m: _ATTRIBUTE[m.group()], value)

"""Small functions that write HTML and SVG, escaping every piece of text they are given.

Text from a landscape is never trusted: :func:`esc` escapes it for element content and for
attribute values alike (``&``, ``<``, ``>``, ``"`` and ``'``). :func:`tag` escapes attribute
values itself; element content passed to it must already be HTML, which is why the
functions of the report build content with :func:`esc` or with other calls of :func:`tag`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Mapping

__all__ = ["WEB_ADDRESS", "attributes", "dl", "esc", "linked", "listing", "tag", "ul"]

#: A web address in running text: up to a space, a quote or an angle bracket.
WEB_ADDRESS = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)

_Attribute = str | int | float | bool | None


def esc(text: object) -> str:
    """Escape *text* for HTML content or a quoted attribute value.

    Examples
    --------
    >>> esc('<script>alert("x")</script>')
    '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
    """
    return html.escape(str(text), quote=True)


def linked(text: object, rest: Callable[[str], str] = esc) -> str:
    """Escape *text*, with every ``http`` or ``https`` address in it written as a link.

    The address ends before a space, a quote or an angle bracket, without the punctuation
    that closes a sentence after it (and a closing parenthesis it does not open). *rest*
    writes the text between the addresses (by default :func:`esc`).

    Examples
    --------
    >>> print(linked("Zie https://example.org/?b=1&c=2. En <meer>."))
    Zie <a class="url" href="https://example.org/?b=1&amp;c=2">https://example.org/?b=1&amp;c=2</a>.
    En &lt;meer&gt;.
    >>> linked("(bron: https://example.org/x)")
    '(bron: <a class="url" href="https://example.org/x">https://example.org/x</a>)'
    """
    source = str(text)
    out = []
    at = 0
    for match in WEB_ADDRESS.finditer(source):
        url = match.group()
        while url and (url[-1] in ".,;:!?" or (url[-1] == ")" and url.count("(") < url.count(")"))):
            url = url[:-1]
        if len(url) <= len("https://"):
            continue
        start = match.start()
        out.append(rest(source[at:start]))
        out.append(tag("a", esc(url), class_="url", href=url))
        at = start + len(url)
    out.append(rest(source[at:]))
    return "".join(out)


def attributes(values: Mapping[str, _Attribute]) -> str:
    """Write attributes in the given order: ``None`` and ``False`` are left out.

    A trailing underscore is dropped from a name (``class_`` gives ``class``) and other
    underscores become hyphens (``aria_label`` gives ``aria-label``); ``True`` writes the
    bare attribute.

    Examples
    --------
    >>> attributes({"class_": "card", "aria_label": 'a "b"', "hidden": True, "id": None})
    ' class="card" aria-label="a &quot;b&quot;" hidden'
    """
    parts = []
    for name, value in values.items():
        if value is None or value is False:
            continue
        key = name.rstrip("_").replace("_", "-")
        if value is True:
            parts.append(f" {key}")
        else:
            parts.append(f' {key}="{esc(value)}"')
    return "".join(parts)


def tag(name: str, content: str | None = "", /, **attrs: _Attribute) -> str:
    """Write one element; *content* is HTML, or None for a void element.

    Examples
    --------
    >>> tag("p", esc("a < b"), class_="note")
    '<p class="note">a &lt; b</p>'
    >>> tag("meta", None, charset="utf-8")
    '<meta charset="utf-8">'
    """
    opening = f"<{name}{attributes(attrs)}>"
    if content is None:
        return opening
    return f"{opening}{content}</{name}>"


def ul(items: Iterable[str], **attrs: _Attribute) -> str:
    """Write a list of HTML items; an empty string when there are none.

    Examples
    --------
    >>> ul(["<a href='#leusden'>Leusden</a>", "Baarn"])
    "<ul><li><a href='#leusden'>Leusden</a></li><li>Baarn</li></ul>"
    >>> ul([])
    ''
    """
    rows = "".join(f"<li>{item}</li>" for item in items)
    return tag("ul", rows, **attrs) if rows else ""


def listing(items: Iterable[str]) -> str:
    """Write HTML items as a list, a single item as it is, and no items as an empty string.

    Examples
    --------
    >>> listing(["one"]), listing(["one", "two"])
    ('one', '<ul><li>one</li><li>two</li></ul>')
    """
    shown = list(items)
    if len(shown) == 1:
        return shown[0]
    return ul(shown)


def dl(rows: Iterable[tuple[str, str]], **attrs: _Attribute) -> str:
    """Write a description list of ``(term, HTML description)`` pairs, skipping empty ones.

    Examples
    --------
    >>> dl([("Seats", "21"), ("Province", ""), ("Party", "<em>CDA</em>")], class_="facts")
    '<dl class="facts"><dt>Seats</dt><dd>21</dd><dt>Party</dt><dd><em>CDA</em></dd></dl>'
    """
    body = "".join(f"<dt>{esc(term)}</dt><dd>{value}</dd>" for term, value in rows if value)
    return tag("dl", body, **attrs) if body else ""

"""Small functions that write HTML and SVG, escaping every piece of text they are given.

Text from a landscape is never trusted: :func:`esc` escapes it for element content and for
attribute values alike (``&``, ``<``, ``>``, ``"`` and ``'``). :func:`tag` escapes attribute
values itself; element content passed to it must already be HTML, which is why the
functions of the report build content with :func:`esc` or with other calls of :func:`tag`.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping

__all__ = [
    "WEB_ADDRESS",
    "attributes",
    "dl",
    "esc",
    "isolate",
    "isolating",
    "linked",
    "listing",
    "reorders",
    "tag",
    "ul",
]

#: A web address in running text: up to a space, a quote or an angle bracket.
WEB_ADDRESS = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)

_Attribute = str | int | float | bool | None


def esc(text: object, names: re.Pattern[str] | None = None) -> str:
    """Escape *text* for HTML content or a quoted attribute value.

    With a pattern of :func:`isolating`, for element content only, the names it finds
    are put in ``<bdi>``.

    Examples
    --------
    >>> esc('<script>alert("x")</script>')
    '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
    """
    escaped = html.escape(str(text), quote=True)
    if names is None:
        return escaped
    return names.sub(lambda found: f"<bdi>{found.group()}</bdi>", escaped)


# The bidi classes of characters that can move the text around them: right-to-left letters
# and marks, Arabic numbers, and the explicit embeddings, overrides and isolates.
_REORDERING = frozenset(
    {"R", "AL", "AN", "LRE", "LRO", "RLE", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"}
)


def reorders(text: str) -> bool:
    """Whether *text* holds a character that can move the text around it (see :func:`isolate`).

    Examples
    --------
    >>> reorders("Delft"), reorders("Sara" + chr(0x200F)), reorders(chr(0x5E9) + "alom")
    (False, True, True)
    """
    return not text.isascii() and any(
        unicodedata.bidirectional(char) in _REORDERING for char in text
    )


def isolating(names: Iterable[str]) -> re.Pattern[str] | None:
    """A pattern of the escaped *names* that could reorder their neighbours, longest first.

    For :func:`esc` with it: the names inside a sentence made of plain text are then
    isolated as :func:`isolate` isolates a name on its own. None when no name needs it.

    Examples
    --------
    >>> pattern = isolating(["Delft", "Sara" + chr(0x200F)])
    >>> esc("Sara" + chr(0x200F) + " (3) & Delft", pattern)
    '<bdi>Sara\u200f</bdi> (3) &amp; Delft'
    >>> isolating(["Delft"]) is None
    True
    """
    found = sorted({esc(name) for name in names if name and reorders(name)}, key=len, reverse=True)
    if not found:
        return None
    return re.compile("|".join(re.escape(name) for name in found))


def isolate(text: object) -> str:
    """Escape a name for HTML content, in ``<bdi>`` when it could reorder its neighbours.

    A name in a right-to-left script, or with a right-to-left mark (which the model
    allows: real Arabic and Hebrew data hold them), would otherwise take the
    punctuation and numbers next to it into its own direction; ``<bdi>`` keeps it to
    itself. A name of left-to-right text only is written as :func:`esc` writes it.

    Examples
    --------
    >>> isolate("Delft"), isolate("A & B")
    ('Delft', 'A &amp; B')
    >>> isolate("Sara" + chr(0x200F))
    '<bdi>Sara\u200f</bdi>'
    """
    shown = str(text)
    return f"<bdi>{esc(shown)}</bdi>" if reorders(shown) else esc(shown)


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

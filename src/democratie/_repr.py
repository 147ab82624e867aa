"""Short text and HTML representations of the big objects, for prompts and notebooks.

A landscape of a whole nation holds hundreds of thousands of entities; its ``repr`` and
its notebook view must stay a few lines long however big it is. These helpers cut text
to a length and build small, escaped HTML tables with at most :data:`MAX_ROWS` rows.

Examples
--------
>>> short("Samenleving Voorop", 11)
'Samenleving…'
>>> print(html_table(["kind", "count"], [["initiative", 2], ["<network>", 0]], caption="x & y"))
<table class="democratie"><caption>x &amp; y</caption><thead><tr><th>kind</th><th>count</th>\
</tr></thead><tbody><tr><td>initiative</td><td>2</td></tr><tr><td>&lt;network&gt;</td>\
<td>0</td></tr></tbody></table>
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

__all__ = ["MAX_IDS", "MAX_ROWS", "counted", "html_table", "listed", "short"]

#: The most rows an HTML table shows; the rest are counted in its last row.
MAX_ROWS = 50


def short(text: str, length: int = 60) -> str:
    """*text* cut to *length* characters, with an ellipsis when it was longer.

    Examples
    --------
    >>> short("abc", 5), short("abcdef", 5)
    ('abc', 'abcde…')
    """
    return text if len(text) <= length else text[:length] + "…"


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """``"1 initiative"``, ``"2 initiatives"``: a count with its noun.

    Examples
    --------
    >>> counted(1, "person", "people"), counted(3, "person", "people"), counted(0, "rule")
    ('1 person', '3 people', '0 rules')
    """
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


def listed(ids: Sequence[str], total: int | None = None) -> str:
    """Some ids, comma-separated, and how many more of *total* there are.

    Examples
    --------
    >>> listed(["a", "b"], total=3), listed(["a", "b"]), listed([])
    ('a, b and 1 more', 'a, b', '')
    """
    shown = ", ".join(ids)
    more = 0 if total is None else total - len(ids)
    return f"{shown} and {more} more" if more > 0 else shown


#: How many ids of each kind an HTML view names.
MAX_IDS = 5


def html_table(
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    caption: str | None = None,
    total: int | None = None,
) -> str:
    """An HTML table of *rows* under *headers*, every cell escaped, at most :data:`MAX_ROWS` rows.

    *total*, the number of rows there are when *rows* holds only some, is said in a last
    row when it is more than the rows shown.

    Examples
    --------
    >>> table = html_table(["n"], ([i] for i in range(100)))
    >>> table.count("<tr>"), "… and 50 more" in table
    (52, True)
    """
    parts = ['<table class="democratie">']
    if caption is not None:
        parts.append(f"<caption>{html.escape(caption)}</caption>")
    parts.append("<thead><tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in headers))
    parts.append("</tr></thead><tbody>")
    shown = 0
    more = 0
    for row in rows:
        if shown == MAX_ROWS:
            more += 1
            continue
        cells = "".join(f"<td>{html.escape(str(cell))}</td>" for cell in row)
        parts.append(f"<tr>{cells}</tr>")
        shown += 1
    if total is not None:
        more = max(more, total - shown)
    if more:
        parts.append(f'<tr><td colspan="{len(headers)}">… and {more} more</td></tr>')
    parts.append("</tbody></table>")
    return "".join(parts)

"""The HTML report: one self-contained page per landscape, in Dutch or English.

:func:`render` returns the page as text; :func:`write_report` writes it to
``<directory>/<name>.html`` atomically. The page holds:

- an overview of every municipality, initiative and network;
- progress: a timeline per initiative (its duration, milestones due against reached,
  meetings planned against held with their hosts, evaluations held and proposed, the
  horizon and the report's day), and per municipality a table of its indicators area by
  goal (latest value, target, trend, on track) with the areas where a goal goes unmeasured;
- the scorecards, with each score's explanation and the evidence it used;
- a picture of the stakeholder graph: nodes coloured by kind or by sector, the central
  contacts and brokers (verbinders) ringed and named, zoom, pan and hover details, with
  tables of the central contacts and brokers (a central contact is ranked by the graph; a
  kartrekker is a role the landscape records, shown in its own column);
- the krachtenveld: Mendelow's power-interest grid with every assessed stakeholder placed,
  and a table of all of them;
- coverage of wijken and kernen, of policy domains and of sectors;
- the lessons learned.

It needs no network to view: the stylesheet and its one small script are inline, and its
Content Security Policy forbids every request. It has one ``<h1>``, nested headings, a
``lang`` attribute, text alternatives for every picture, colours with enough contrast and a
print stylesheet. The same input gives the same page, byte for byte: the report carries no
date unless you pass ``as_of``.

A large landscape (more than :data:`PAGED_ABOVE` municipalities, initiatives and networks,
:func:`is_paged`) is written in pages, so that it opens fast: :func:`render_pages` gives a
landing page ``<name>.html`` (the overview with a list of the municipalities, the progress,
the graph, the krachtenveld, the coverage of the areas, and what several municipalities
share) and one page per municipality in ``<name>-pages/`` (:func:`pages_folder`; a
municipality whose page would be over :data:`PAGE_BYTES` gets several), which
:func:`write_pages` and :func:`write_report` write atomically. Each page is as
self-contained as the one page, and they link to one another. :func:`render` still gives
the whole report as one page, whatever its size.

Examples
--------
>>> import democratie.examples
>>> from democratie.report import render
>>> land = democratie.examples.load("delft-zeven-van-delft")
>>> page = render(land, lang="nl")
>>> page.count("<h1>"), '<html lang="nl">' in page
(1, True)
>>> page == render(land, lang="nl")
True
>>> PAGED_ABOVE, PAGE_BYTES
(100, 3000000)
"""

from democratie.report._pages import (
    PAGE_BYTES,
    PAGED_ABOVE,
    is_paged,
    pages_folder,
    render_pages,
    write_pages,
    write_report,
)
from democratie.report._render import (
    MAX_GRAPH_NODES,
    SECTIONS,
    render,
    report_name,
)
from democratie.report._text import LANGUAGES, Language

__all__ = [
    "LANGUAGES",
    "MAX_GRAPH_NODES",
    "PAGED_ABOVE",
    "PAGE_BYTES",
    "SECTIONS",
    "Language",
    "is_paged",
    "pages_folder",
    "render",
    "render_pages",
    "report_name",
    "write_pages",
    "write_report",
]

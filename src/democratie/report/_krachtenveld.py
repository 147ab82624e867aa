"""The krachtenveld of the report: Mendelow's power-interest grid as an SVG, and its table.

Every stakeholder with both power and interest assessed is a numbered point on the grid;
the table below it lists every assessed stakeholder with its numbers, quadrant and salience
class, so the grid never carries information the table lacks.
"""

from __future__ import annotations

import math
from typing import Final

from democratie.graph.analysis import Krachtenveld, Position
from democratie.report._assets import QUADRANT_COLOURS
from democratie.report._glossary import explain
from democratie.report._html import esc, isolate, tag
from democratie.report._text import Text
from democratie.vocab import MendelowQuadrant

__all__ = ["krachtenveld_body"]

_LEFT: Final = 78
_TOP: Final = 16
_SIZE: Final = 460
_WIDTH: Final = _LEFT + _SIZE + 24
_HEIGHT: Final = _TOP + _SIZE + 64
_POINT: Final = 10


def _x(interest: float) -> float:
    return _LEFT + interest * _SIZE


def _y(power: float) -> float:
    return _TOP + (1.0 - power) * _SIZE


def _value(value: float | None, text: Text) -> str:
    return "—" if value is None else text.number(value)


def krachtenveld_body(field: Krachtenveld, text: Text) -> str:
    """Write the krachtenveld: a plain statement when nothing is assessed, else grid and table.

    Parameters
    ----------
    field : Krachtenveld
        The positions of the stakeholders (from
        :func:`~democratie.graph.analysis.map_krachtenveld`).
    text : Text
        The words of the report.

    Returns
    -------
    str
        HTML.

    Examples
    --------
    >>> import re
    >>> from democratie.graph import build_graph
    >>> from democratie.graph.analysis import map_krachtenveld
    >>> from democratie.model import Assessment, Landscape, Person
    >>> from democratie.report._text import Text
    >>> graph = build_graph(Landscape(people=(
    ...     Person(id="p-wethouder", name="W", assessment=Assessment(power=0.9, interest=0.8)),
    ...     Person(id="p-bewoner", name="B", assessment=Assessment(power=0.2, interest=0.9)),
    ... )))
    >>> html = krachtenveld_body(map_krachtenveld(graph), Text("en"))
    >>> "<svg" in html, re.findall(r"<caption[^>]*>(.*?)</caption>", html)
    (True, ['Stakeholders'])
    >>> krachtenveld_body(map_krachtenveld(build_graph(Landscape())), Text("en"))
    '<p class="note" id="krachtenveld-none">This landscape holds no assessments of power and
    interest, so there is no krachtenveld to draw. Give organisations, people, municipalities,
    councils or colleges an assessment (power, interest, legitimacy, urgency) to place them
    here.</p>'
    """
    if not field.positions:
        return tag("p", esc(text("krachtenveld_none")), class_="note", id="krachtenveld-none")
    placed = [p for p in field.positions if p.quadrant is not None]
    number = {p.id: i + 1 for i, p in enumerate(placed)}
    parts = []
    if placed:
        parts.append(_grid(placed, field, text))
    unplaced = [p.label for p in field.positions if p.quadrant is None]
    if unplaced:
        names = text.join(unplaced)
        parts.append(tag("p", esc(text("krachtenveld_partial", names=names)), class_="note"))
    parts.append(_table(field.positions, number, text))
    return "".join(parts)


def _grid(placed: list[Position], field: Krachtenveld, text: Text) -> str:
    ti, tp = field.thresholds.interest, field.thresholds.power
    right, bottom = _LEFT + _SIZE, _TOP + _SIZE
    quadrants = (
        # (quadrant, x0, y0, x1, y1, label x, label y, anchor)
        (
            MendelowQuadrant.TEVREDEN_HOUDEN,
            _LEFT,
            _TOP,
            _x(ti),
            _y(tp),
            _LEFT + 8,
            _TOP + 22,
            "start",
        ),
        (MendelowQuadrant.NAUW_BETREKKEN, _x(ti), _TOP, right, _y(tp), right - 8, _TOP + 22, "end"),
        (
            MendelowQuadrant.MONITOREN,
            _LEFT,
            _y(tp),
            _x(ti),
            bottom,
            _LEFT + 8,
            bottom - 10,
            "start",
        ),
        (MendelowQuadrant.INFORMEREN, _x(ti), _y(tp), right, bottom, right - 8, bottom - 10, "end"),
    )
    shapes = []
    for quadrant, x0, y0, x1, y1, lx, ly, anchor in quadrants:
        if x1 - x0 > 0 and y1 - y0 > 0:
            shapes.append(
                tag(
                    "rect",
                    "",
                    x=f"{x0:.1f}",
                    y=f"{y0:.1f}",
                    width=f"{x1 - x0:.1f}",
                    height=f"{y1 - y0:.1f}",
                    fill=QUADRANT_COLOURS[quadrant.slug],
                )
            )
        shapes.append(
            tag(
                "text",
                esc(quadrant.label(text.lang)),
                class_="kv-quadrant-label",
                x=f"{lx:.1f}",
                y=f"{ly:.1f}",
                text_anchor=anchor,
            )
        )
    axes = [
        tag(
            "line",
            "",
            class_="kv-threshold",
            x1=f"{_x(ti):.1f}",
            y1=str(_TOP),
            x2=f"{_x(ti):.1f}",
            y2=str(bottom),
        ),
        tag(
            "line",
            "",
            class_="kv-threshold",
            x1=str(_LEFT),
            y1=f"{_y(tp):.1f}",
            x2=str(right),
            y2=f"{_y(tp):.1f}",
        ),
        tag(
            "line",
            "",
            class_="kv-axis",
            x1=str(_LEFT),
            y1=str(bottom),
            x2=str(right),
            y2=str(bottom),
        ),
        tag(
            "line", "", class_="kv-axis", x1=str(_LEFT), y1=str(_TOP), x2=str(_LEFT), y2=str(bottom)
        ),
    ]
    for tick in (0.0, 0.5, 1.0):
        shown = esc(text.number(tick, digits=1))
        axes.append(
            tag(
                "text",
                shown,
                class_="kv-tick",
                x=f"{_x(tick):.1f}",
                y=str(bottom + 18),
                text_anchor="middle",
            )
        )
        axes.append(
            tag(
                "text",
                shown,
                class_="kv-tick",
                x=str(_LEFT - 8),
                y=f"{_y(tick) + 4:.1f}",
                text_anchor="end",
            )
        )
    axes.append(
        tag(
            "text",
            esc(f"{text('interest')} →"),
            class_="kv-axis-label",
            x=f"{_LEFT + _SIZE / 2:.1f}",
            y=str(bottom + 44),
            text_anchor="middle",
        )
    )
    middle = _TOP + _SIZE / 2
    axes.append(
        tag(
            "text",
            esc(f"{text('power')} →"),
            class_="kv-axis-label",
            x=str(_LEFT - 44),
            y=f"{middle:.1f}",
            text_anchor="middle",
            transform=f"rotate(-90 {_LEFT - 44} {middle:.1f})",
        )
    )
    points = []
    seen: dict[tuple[int, int], int] = {}
    for index, position in enumerate(placed, start=1):
        assert position.power is not None
        assert position.interest is not None
        assert position.quadrant is not None
        x, y = _x(position.interest), _y(position.power)
        spot = (round(x), round(y))
        stacked = seen.get(spot, 0)
        seen[spot] = stacked + 1
        if stacked:
            angle = stacked * 2.4
            distance = 2.2 * _POINT * math.sqrt(stacked) / 1.4
            x += distance * math.cos(angle)
            y += distance * math.sin(angle)
        hint = (
            f"{index}. {position.label}: {text('power').lower()} "
            f"{text.number(position.power)}, {text('interest').lower()} "
            f"{text.number(position.interest)} ({position.quadrant.label(text.lang)})"
        )
        points.append(
            tag(
                "g",
                tag("title", esc(hint))
                + tag("circle", "", class_="kv-point", cx=f"{x:.1f}", cy=f"{y:.1f}", r=str(_POINT))
                + tag("text", str(index), class_="kv-number", x=f"{x:.1f}", y=f"{y:.1f}"),
                class_="kv-mark",
            )
        )
    svg = tag(
        "svg",
        tag("title", esc(text("krachtenveld_grid")), id="kv-svg-title")
        + tag("desc", esc(text("krachtenveld_desc", n=text.integer(len(placed)))), id="kv-svg-desc")
        + "".join(shapes)
        + "".join(axes)
        + tag("g", "".join(points), class_="kv-points"),
        class_="kv-svg",
        id="krachtenveld-svg",
        viewBox=f"0 0 {_WIDTH} {_HEIGHT}",
        role="img",
        aria_labelledby="kv-svg-title kv-svg-desc",
        xmlns="http://www.w3.org/2000/svg",
    )
    thresholds = text(
        "thresholds",
        power=text.number(field.thresholds.power),
        interest=text.number(field.thresholds.interest),
    )
    return tag(
        "figure",
        tag("div", svg, class_="picture") + tag("figcaption", esc(thresholds), class_="note"),
        id="krachtenveld-figure",
    )


def _table(positions: tuple[Position, ...], number: dict[str, int], text: Text) -> str:
    measures = {"quadrant": "mendelow", "salience": "salience"}
    head = "".join(
        tag(
            "th",
            esc(text(key)) + (explain(measures[key], text.lang) if key in measures else ""),
            scope="col",
            class_="num" if numeric else None,
        )
        for key, numeric in (
            ("number", True),
            ("name", False),
            ("kind", False),
            ("power", True),
            ("interest", True),
            ("legitimacy", True),
            ("urgency", True),
            ("quadrant", False),
            ("salience", False),
        )
    )
    rows = []
    for position in positions:
        cells = [
            tag("td", esc(number.get(position.id, "")), class_="num"),
            tag("th", isolate(position.label), scope="row"),
            tag("td", esc(text.kind(position.kind))),
            tag("td", esc(_value(position.power, text)), class_="num"),
            tag("td", esc(_value(position.interest, text)), class_="num"),
            tag("td", esc(_value(position.legitimacy, text)), class_="num"),
            tag("td", esc(_value(position.urgency, text)), class_="num"),
            tag("td", esc(position.quadrant.label(text.lang) if position.quadrant else "—")),
            tag("td", esc(position.salience.label(text.lang) if position.salience else "—")),
        ]
        rows.append(tag("tr", "".join(cells)))
    table = tag(
        "table",
        tag("caption", esc(text("stakeholders")))
        + tag("thead", tag("tr", head))
        + tag("tbody", "".join(rows)),
        id="krachtenveld-table",
    )
    return tag("div", table, class_="table-wrap")

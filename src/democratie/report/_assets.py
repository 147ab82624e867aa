"""The report's stylesheet, its small script, and the colours of the pictures.

Everything the page needs is inline: the stylesheet (screen and print), and one script of a
few dozen lines that adds zoom, pan and the colour switch to the stakeholder graph and opens
folded details before printing. The page's Content Security Policy allows exactly these two
by their SHA-256 hashes (:func:`csp`) and nothing else: no request leaves the page.

The colours follow Okabe and Ito's palette for colour-blind readers; every node also has a
dark outline (at least 3:1 against the white page, as WCAG 2.2 asks of graphics) and a shape
by group (actors are circles, venues squares, areas diamonds), so colour is never the only
cue.

Examples
--------
The page carries :data:`CSS` and :data:`SCRIPT` inline, and the Content Security Policy
allows exactly those two:

>>> import base64
>>> import hashlib
>>> digest = base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode()
>>> f"script-src 'sha256-{digest}'" in csp(), CSS.startswith(":root{")
(True, True)

The pictures are drawn on :data:`PAGE` in :data:`INK`, every node outlined in
:data:`OUTLINE`; nodes are coloured by kind (:data:`KIND_COLOURS`) or by sector
(:data:`SECTOR_COLOURS`, :data:`UNKNOWN_SECTOR_COLOUR` for none), the quadrants of the
krachtenveld by :data:`QUADRANT_COLOURS`, and the text by :data:`TEXT_COLOURS`:

>>> PAGE, INK, OUTLINE
('#ffffff', '#1b1b1b', '#1b1b1b')
>>> KIND_COLOURS["municipality"], SECTOR_COLOURS["inwoners"], UNKNOWN_SECTOR_COLOUR
('#0072b2', '#d55e00', '#e4e4e4')
>>> QUADRANT_COLOURS["nauw_betrekken"], TEXT_COLOURS["accent"]
('#fde0d2', '#1a4f9c')
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

__all__ = [
    "CSS",
    "INK",
    "KIND_COLOURS",
    "OUTLINE",
    "PAGE",
    "QUADRANT_COLOURS",
    "SCRIPT",
    "SECTOR_COLOURS",
    "TEXT_COLOURS",
    "UNKNOWN_SECTOR_COLOUR",
    "csp",
]

PAGE: Final = "#ffffff"
INK: Final = "#1b1b1b"
OUTLINE: Final = "#1b1b1b"

#: Colours of text on the white page, by role; each reaches 4.5:1 against it.
TEXT_COLOURS: Final[Mapping[str, str]] = MappingProxyType(
    {"ink": INK, "muted": "#4a4a4a", "accent": "#1a4f9c", "focus": "#a34700"}
)

#: Fill colours of the node kinds of the stakeholder graph.
KIND_COLOURS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "municipality": "#0072b2",
        "council": "#56b4e9",
        "college": "#cc79a7",
        "faction": "#f0e442",
        "organisation": "#009e73",
        "person": "#e69f00",
        "initiative": "#d55e00",
        "network": "#7b5ea7",
        "meeting": "#999999",
        "area": "#a6761d",
    }
)

#: Fill colours of the sectors.
SECTOR_COLOURS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "overheid": "#0072b2",
        "maatschappij": "#009e73",
        "markt": "#e69f00",
        "inwoners": "#d55e00",
    }
)

#: The fill of a node without a sector, when coloured by sector.
UNKNOWN_SECTOR_COLOUR: Final = "#e4e4e4"

#: Background tints of the quadrants of the krachtenveld grid, by quadrant slug.
QUADRANT_COLOURS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "nauw_betrekken": "#fde0d2",
        "tevreden_houden": "#fff3c4",
        "informeren": "#d8ecf7",
        "monitoren": "#eeeeee",
    }
)


def _colour_rules() -> str:
    rules = []
    for kind, colour in KIND_COLOURS.items():
        rules.append(f".by-kind .k-{kind} .shape,.sw.k-{kind} .shape{{fill:{colour}}}")
    rules.append(f".by-sector .node .shape{{fill:{UNKNOWN_SECTOR_COLOUR}}}")
    for sector, colour in SECTOR_COLOURS.items():
        rules.append(f".by-sector .s-{sector} .shape,.sw.s-{sector} .shape{{fill:{colour}}}")
    rules.append(f".sw.s-none .shape{{fill:{UNKNOWN_SECTOR_COLOUR}}}")
    return "\n".join(rules)


_BASE_CSS = """\
:root{color-scheme:light;--ink:%(ink)s;--muted:%(muted)s;--accent:%(accent)s;\
--focus:%(focus)s;--line:#c9c9c9;--soft:#f3f5f8}
*{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Liberation Sans",\
Arial,sans-serif;line-height:1.5;color:var(--ink);background:#fff}
body{margin:0 auto;max-width:72rem;padding:0 1.25rem 3rem}
.skip{position:absolute;left:-9999px;top:0}
.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem 1rem;z-index:1}
header{border-bottom:4px solid var(--accent);padding:2rem 0 1rem;margin-bottom:1rem}
h1{font-size:2rem;line-height:1.2;margin:0 0 .25rem}
h2{font-size:1.5rem;line-height:1.25;margin:2.5rem 0 .75rem;padding-bottom:.25rem;\
border-bottom:1px solid var(--line)}
h3{font-size:1.2rem;margin:1.75rem 0 .5rem}
h4{font-size:1.05rem;margin:0 0 .4rem}
a{color:var(--accent)}
a:focus-visible,button:focus-visible,input:focus-visible,summary:focus-visible,\
svg:focus-visible,.skip:focus{outline:3px solid var(--focus);outline-offset:2px}
.subtitle,.note,.rule-name,.na{color:var(--muted)}
.na{font-style:italic}
nav.toc h2{font-size:1.1rem;border:0;margin:1rem 0 .25rem}
nav.toc ol{margin:0;padding-left:1.5rem;columns:2 14rem}
article.entity{border:1px solid var(--line);border-radius:6px;padding:.75rem 1rem;\
margin:.75rem 0}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%%,26rem),1fr));\
gap:.75rem;margin:.75rem 0}
.cards article.entity{margin:0}
dl.facts{display:grid;grid-template-columns:minmax(8rem,max-content) 1fr;gap:.2rem 1rem;\
margin:.5rem 0}
dl.facts dt{font-weight:600}
dl.facts dd{margin:0}
dl.facts ul,td ul{margin:0;padding-left:1.1rem}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%%;margin:.5rem 0 1rem;font-size:.95rem}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid var(--line)}
thead th{border-bottom:2px solid var(--ink);background:var(--soft)}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.scorecard table{table-layout:fixed}
.scorecard .rule-col{width:30%%}
.scorecard .score-col{width:8.5rem}
td>p:first-child{margin-top:0}
meter{display:block;width:6rem;height:.8rem;margin:.2rem 0 0 auto}
.rule-name{display:block;font-size:.8rem}
code{font-size:.85em;background:var(--soft);padding:0 .2em;border-radius:3px}
details summary{cursor:pointer;color:var(--accent)}
code.key{color:var(--muted);background:none;font-size:.75em;padding:0}
.terms{margin:.25rem 0;font-size:.9rem}
.terms details.explain{display:inline-block;margin-right:.75rem;vertical-align:top}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);\
clip-path:inset(50%%);white-space:nowrap}
figure{margin:1rem 0}
.picture{border:1px solid var(--line);border-radius:6px;padding:.5rem}
.graph-svg,.kv-svg{display:block;width:100%%;height:auto;background:#fff}
.kv-svg{max-width:40rem}
.graph-svg{touch-action:none;cursor:grab}
.graph-svg.dragging{cursor:grabbing}
.controls{display:flex;flex-wrap:wrap;gap:.5rem 1.25rem;align-items:center;margin:0 0 .5rem}
html:not(.js) .controls{display:none}
.controls button{font:inherit;font-size:.9rem;padding:.15rem .7rem;border:1px solid \
var(--accent);background:#fff;color:var(--accent);border-radius:4px;cursor:pointer}
.controls fieldset{border:0;padding:0;margin:0;display:flex;gap:.75rem;align-items:center}
.controls legend{float:left;margin-right:.25rem;font-weight:600}
.legend{display:flex;flex-wrap:wrap;gap:.25rem 1.1rem;list-style:none;padding:0;margin:.5rem 0;\
font-size:.9rem}
.legend svg{vertical-align:middle;margin-right:.3rem}
.by-kind .legend-sector,.by-sector .legend-kind{display:none}
svg text{font-family:inherit}
.edge{stroke:#8c8c8c;stroke-opacity:.75}
.shape{fill:#cccccc;stroke:%(outline)s;stroke-width:1.2}
.node:hover .shape{stroke-width:3}
.ring-champion{fill:none;stroke:%(outline)s;stroke-width:2.5}
.ring-broker{fill:none;stroke:%(outline)s;stroke-width:2;stroke-dasharray:4 3}
.labels text{font-size:12px;fill:var(--ink);paint-order:stroke;stroke:#fff;stroke-width:3px;\
stroke-linejoin:round;pointer-events:none}
.labels text.key{font-weight:700;font-size:13px}
.kv-axis{stroke:var(--ink);stroke-width:1.5}
.kv-threshold{stroke:var(--ink);stroke-width:1;stroke-dasharray:6 4}
.kv-quadrant-label{font-size:15px;font-weight:700;fill:var(--ink)}
.kv-axis-label{font-size:14px;fill:var(--ink)}
.kv-tick{font-size:12px;fill:var(--muted)}
.kv-point{fill:%(ink)s;stroke:#fff;stroke-width:1.5}
.kv-number{font-size:11px;font-weight:700;fill:#fff;text-anchor:middle;\
dominant-baseline:central;pointer-events:none}
.tl-svg{display:block;width:100%%;height:auto;background:#fff}
.tl-stripe{fill:var(--soft)}
.tl-grid{stroke:#dcdcdc;stroke-width:1}
.tl-axis{stroke:var(--ink);stroke-width:1.2}
.tl-tick{font-size:12px;fill:var(--muted)}
.tl-label{font-size:12px;fill:var(--ink)}
.tl-mark-label{font-size:12px;font-weight:700;fill:var(--ink);paint-order:stroke;stroke:#fff;\
stroke-width:3px;stroke-linejoin:round}
.tl-day{stroke:%(focus)s;stroke-width:2.5}
.tl-horizon{stroke:var(--ink);stroke-width:1.5;stroke-dasharray:2 3}
.tl-bar{fill:#fff;stroke:%(outline)s;stroke-width:1.2}
.tl-open-end{stroke-dasharray:5 3}
.tl-elapsed{fill:%(accent)s}
.tl-end{stroke:%(outline)s;stroke-width:3}
.tl-open,.tl-unknown{fill:#fff;stroke:%(outline)s;stroke-width:1.6}
.tl-unknown{stroke-dasharray:2 2}
.tl-filled{fill:%(ink)s;stroke:%(outline)s;stroke-width:1.6}
.tl-overdue{fill:%(focus)s;stroke:%(outline)s;stroke-width:1.6}
.tl-link{stroke:%(outline)s;stroke-width:1.5}
.tl-late{stroke:%(focus)s;stroke-width:2;stroke-dasharray:4 3}
.tl-flag{font-size:12px;font-weight:700;fill:%(focus)s}
.tl-item:hover polygon,.tl-item:hover circle,.tl-item:hover rect{stroke-width:3}
.tl-overdue-cell,.off-track{color:%(focus)s;font-weight:600}
.gaps-heading{margin:.75rem 0 .25rem}
footer{margin-top:3rem;padding-top:.75rem;border-top:1px solid var(--line);color:var(--muted);\
font-size:.9rem}
%(colours)s
@media print{
body{max-width:none;padding:0;font-size:10pt}
.skip,.controls,nav.toc{display:none!important}
a{color:inherit;text-decoration:none}
header{padding-top:0}
h2,h3,h4{break-after:avoid}
tr,article.entity,figure,li{break-inside:avoid}
thead{display:table-header-group}
.table-wrap{overflow:visible}
.picture{border:0;padding:0}
.graph-svg{cursor:auto}
details>summary{list-style:none;color:inherit;font-weight:600}
}
"""

#: The stylesheet, screen and print.
CSS: Final[str] = _BASE_CSS % {
    **TEXT_COLOURS,
    "outline": OUTLINE,
    "colours": _colour_rules(),
}

#: The script: zoom, pan and colour switch of the graph; details opened for printing.
SCRIPT: Final[str] = """\
(function () {
  "use strict";
  var MIN = 0.5, MAX = 8;
  function setup(figure) {
    var svg = figure.querySelector("svg.graph-svg");
    var view = svg ? svg.querySelector("g.viewport") : null;
    if (!view) { return; }
    var box = svg.viewBox.baseVal;
    var state = {x: 0, y: 0, k: 1};
    var drag = null;
    function apply() {
      view.setAttribute("transform",
        "translate(" + state.x + " " + state.y + ") scale(" + state.k + ")");
    }
    function zoomAt(factor, px, py) {
      var k = Math.min(MAX, Math.max(MIN, state.k * factor));
      var f = k / state.k;
      state.x = px - (px - state.x) * f;
      state.y = py - (py - state.y) * f;
      state.k = k;
      apply();
    }
    function centre() { return [box.x + box.width / 2, box.y + box.height / 2]; }
    function toSvg(evt) {
      var m = svg.getScreenCTM();
      if (!m) { return centre(); }
      var p = svg.createSVGPoint();
      p.x = evt.clientX;
      p.y = evt.clientY;
      p = p.matrixTransform(m.inverse());
      return [p.x, p.y];
    }
    function reset() { state.x = 0; state.y = 0; state.k = 1; apply(); }
    figure.querySelectorAll("button[data-zoom]").forEach(function (button) {
      button.addEventListener("click", function () {
        var c = centre(), how = button.getAttribute("data-zoom");
        if (how === "in") { zoomAt(1.25, c[0], c[1]); }
        else if (how === "out") { zoomAt(0.8, c[0], c[1]); }
        else { reset(); }
      });
    });
    svg.addEventListener("wheel", function (evt) {
      evt.preventDefault();
      var p = toSvg(evt);
      zoomAt(evt.deltaY < 0 ? 1.15 : 1 / 1.15, p[0], p[1]);
    }, {passive: false});
    svg.addEventListener("pointerdown", function (evt) {
      if (evt.button !== 0) { return; }
      var p = toSvg(evt);
      drag = {x: p[0] - state.x, y: p[1] - state.y, id: evt.pointerId};
      svg.setPointerCapture(evt.pointerId);
      svg.classList.add("dragging");
    });
    svg.addEventListener("pointermove", function (evt) {
      if (!drag || evt.pointerId !== drag.id) { return; }
      var p = toSvg(evt);
      state.x = p[0] - drag.x;
      state.y = p[1] - drag.y;
      apply();
    });
    function release(evt) {
      if (drag && evt.pointerId === drag.id) {
        drag = null;
        svg.classList.remove("dragging");
      }
    }
    svg.addEventListener("pointerup", release);
    svg.addEventListener("pointercancel", release);
    svg.addEventListener("keydown", function (evt) {
      var c = centre(), step = 40;
      switch (evt.key) {
        case "+": case "=": zoomAt(1.25, c[0], c[1]); break;
        case "-": case "_": zoomAt(0.8, c[0], c[1]); break;
        case "0": reset(); break;
        case "ArrowLeft": state.x += step; apply(); break;
        case "ArrowRight": state.x -= step; apply(); break;
        case "ArrowUp": state.y += step; apply(); break;
        case "ArrowDown": state.y -= step; apply(); break;
        default: return;
      }
      evt.preventDefault();
    });
    figure.querySelectorAll("input[data-colour]").forEach(function (input) {
      input.addEventListener("change", function () {
        if (!input.checked) { return; }
        var by = input.getAttribute("data-colour");
        figure.classList.toggle("by-kind", by === "kind");
        figure.classList.toggle("by-sector", by === "sector");
      });
    });
    window.addEventListener("beforeprint", reset);
  }
  document.documentElement.classList.add("js");
  document.querySelectorAll(".graph-figure").forEach(setup);
  var opened = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (d) {
      d.open = true;
      opened.push(d);
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
}());
"""


def _sha256(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def csp() -> str:
    """Return the Content Security Policy: only this stylesheet and this script may run.

    Examples
    --------
    >>> policy = csp()
    >>> policy.startswith("default-src 'none'; ")
    True
    """
    return (
        f"default-src 'none'; style-src '{_sha256(CSS)}'; script-src '{_sha256(SCRIPT)}'; "
        "base-uri 'none'; form-action 'none'"
    )

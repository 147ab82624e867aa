"""The measures the report names, each explained in one sentence in Dutch and English.

:data:`GLOSSARY` holds them by key; :func:`explain` gives the short line shown where a
measure is used (a ``<details>`` next to a column heading, linked to the glossary);
:func:`glossary_body` writes the glossary section at the end of the page, one anchor
(``#term-KEY``) per measure.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from democratie.report._html import esc, tag

__all__ = ["GLOSSARY", "explain", "glossary_body"]

#: Per measure: its name and its explanation, in Dutch and in English.
GLOSSARY: Final[Mapping[str, Mapping[str, tuple[str, str]]]] = MappingProxyType(
    {
        "ei_index": {
            "nl": (
                "E-I-index",
                (
                    "Verschil tussen banden naar buiten en banden naar binnen, gedeeld door alle "
                    "banden: van −1 (alleen binnen de eigen kring) tot +1 (alleen naar buiten)."
                ),
            ),
            "en": (
                "E-I index",
                (
                    "External ties minus internal ties, divided by all ties: from −1 (only "
                    "within one's own circle) to +1 (only outward)."
                ),
            ),
        },
        "degree": {
            "nl": ("Graad", "Het aantal directe verbindingen van een belanghebbende."),
            "en": ("Degree", "The number of direct ties a stakeholder has."),
        },
        "eigenvector": {
            "nl": (
                "Eigenvectorcentraliteit",
                (
                    "Hoe centraal iemand is doordat hij of zij verbonden is met anderen die zelf "
                    "goed verbonden zijn."
                ),
            ),
            "en": (
                "Eigenvector centrality",
                "How central someone is through ties to others who are well connected themselves.",
            ),
        },
        "voterank": {
            "nl": (
                "VoteRank",
                (
                    "Kiest na elkaar de belanghebbenden die samen het meeste van het netwerk "
                    "bereiken, zonder twee uit dezelfde hoek."
                ),
            ),
            "en": (
                "VoteRank",
                (
                    "Picks one after another the stakeholders who together reach most of the "
                    "network, without two from the same corner."
                ),
            ),
        },
        "articulation": {
            "nl": (
                "Kwetsbaar punt",
                (
                    "Een belanghebbende zonder wie het netwerk in losse delen uiteenvalt "
                    "(articulatiepunt)."
                ),
            ),
            "en": (
                "Single point of failure (kwetsbaar punt)",
                (
                    "A stakeholder without whom the network falls apart into separate pieces "
                    "(an articulation point)."
                ),
            ),
        },
        "betweenness": {
            "nl": (
                "Tussenpositie",
                (
                    "Hoe vaak iemand op de kortste weg tussen twee anderen ligt: een verbinder "
                    "tussen groepen (betweenness)."
                ),
            ),
            "en": (
                "Betweenness",
                (
                    "How often someone lies on the shortest path between two others: a broker "
                    "between groups."
                ),
            ),
        },
        "constraint": {
            "nl": (
                "Beperking (Burt)",
                (
                    "Hoe sterk iemands contacten ook elkaar kennen: laag betekent toegang tot "
                    "groepen die elkaar anders niet bereiken."
                ),
            ),
            "en": (
                "Constraint (Burt)",
                (
                    "How much someone's contacts also know each other: low means access to "
                    "groups that would not reach each other otherwise."
                ),
            ),
        },
        "effective_size": {
            "nl": (
                "Effectieve omvang",
                (
                    "Het aantal contacten van iemand dat niet al met zijn of haar andere "
                    "contacten verbonden is."
                ),
            ),
            "en": (
                "Effective size",
                "How many of someone's contacts are not already tied to their other contacts.",
            ),
        },
        "mendelow": {
            "nl": (
                "Macht-belangraster (Mendelow)",
                (
                    "Plaatst elke belanghebbende naar macht en belang: nauw betrekken, tevreden "
                    "houden, informeren of volgen."
                ),
            ),
            "en": (
                "Power-interest grid (Mendelow)",
                (
                    "Places each stakeholder by power and interest: manage closely, keep "
                    "satisfied, keep informed or monitor."
                ),
            ),
        },
        "salience": {
            "nl": (
                "Saillantie (Mitchell)",
                (
                    "Hoeveel van macht, legitimiteit en urgentie een belanghebbende heeft; wie "
                    "ze alle drie heeft, is beslissend."
                ),
            ),
            "en": (
                "Salience (Mitchell)",
                (
                    "How many of power, legitimacy and urgency a stakeholder holds; one who "
                    "holds all three is definitive."
                ),
            ),
        },
        "score": {
            "nl": (
                "Score",
                (
                    "De uitkomst van een scoringsregel, waarbij hoger beter is; n.v.t. als de "
                    "gegevens ervoor ontbreken."
                ),
            ),
            "en": (
                "Score",
                (
                    "The outcome of a scoring rule, where higher is better; n/a when the facts "
                    "it needs are missing."
                ),
            ),
        },
    }
)

_WORDS: Final = {
    "nl": ("Begrippen", "Wat de maten in dit rapport betekenen.", "Uitleg"),
    "en": ("Glossary", "What the measures in this report mean.", "Explanation"),
}


def heading(lang: str) -> str:
    """The glossary's heading in *lang*.

    Examples
    --------
    >>> heading("nl"), heading("en")
    ('Begrippen', 'Glossary')
    """
    return _WORDS[lang][0]


def explain(key: str, lang: str, *, named: bool = False, href: str | None = None) -> str:
    """The one-line explanation of measure *key*, as HTML to show beside where it is used.

    A ``<details>`` element: readable without script, folded to a small "?" until opened
    (after the measure's name, when *named*: beside a sentence rather than a heading that
    names it), with a link to the measure in the glossary (*href*, by default
    ``#term-KEY``), and the sentence as the title of the "?".

    Examples
    --------
    >>> html = explain("constraint", "en")
    >>> 'href="#term-constraint"' in html, "contacts also know" in html
    (True, True)
    >>> "Constraint (Burt) ?" in explain("constraint", "en", named=True)
    True
    """
    return _explain(key, lang, named, href)


@functools.lru_cache(maxsize=1024)
def _explain(key: str, lang: str, named: bool, href: str | None) -> str:
    name, sentence = GLOSSARY[key][lang]
    shown = f"{esc(name)} ?" if named else "?"
    return tag(
        "details",
        tag("summary", shown, aria_label=f"{_WORDS[lang][2]}: {name}", title=sentence)
        + tag("span", esc(sentence) + " " + tag("a", "→", href=href or f"#term-{key}")),
        class_="explain",
    )


def glossary_body(lang: str) -> str:
    """Write the glossary: every measure, its name as the term and one sentence.

    Examples
    --------
    >>> body = glossary_body("nl")
    >>> body.count("<dt"), 'id="term-voterank"' in body
    (11, True)
    """
    items = "".join(
        tag("dt", esc(GLOSSARY[key][lang][0]), id=f"term-{key}")
        + tag("dd", esc(GLOSSARY[key][lang][1]))
        for key in GLOSSARY
    )
    return tag("p", esc(_WORDS[lang][1])) + tag("dl", items, class_="glossary")

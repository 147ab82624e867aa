"""The exporter of the burgerberaad plugin: a Markdown report on citizens' assemblies.

The report has a section per citizens' assembly (burgerberaad, burgerforum,
G1000) with its municipalities, period, leaders, meetings and remit, its score
on :class:`~democratie_burgerberaad.OecdPrinciples`, and a table of all eleven
OECD principles: met, partly met, not met, not recorded, or not visible in a
landscape. It is written for people (a council committee, a policy adviser),
in English or, with the option ``lang="nl"``, in Dutch.

Text from the landscape is escaped, so names with ``*``, ``|`` or ``<`` come
out as written; the same landscape gives the same bytes.

Examples
--------
>>> import io
>>> import democratie
>>> from democratie_burgerberaad import AssemblyReport
>>> land = democratie.loads('''
... format = "democratie/1"
... [[initiatives]]
... id = "g1000-amersfoort"
... kind = "g1000"
... title = "G1000 Amersfoort"
... evaluated = true
... ''')
>>> out = io.StringIO()
>>> AssemblyReport().export(land, None, out, {"lang": "nl"})
>>> print(out.getvalue().split("## ")[1])
G1000 Amersfoort (`g1000-amersfoort`)
<BLANKLINE>
- Soort: G1000
- Gemeenten: niet vastgelegd
- Periode: niet vastgelegd
- Geleid door: niet vastgelegd
- Bijeenkomsten: 0
- Score: 1.00 (0–1) · Van de 5 OESO-principes die een landschap toont is er 1 vastgelegd, \
met 1.00: evaluatie voldaan.
<BLANKLINE>
| # | Principe | Oordeel | Wat het landschap toont |
| ---: | --- | --- | --- |
| 1 | Doel | niet vastgelegd | Er is geen opdracht (doel) vastgelegd. |
| 2 | Verantwoording | niet vastgelegd | Er is geen toezegging van college of raad en geen \
terugkoppeling vastgelegd. |
| 3 | Transparantie | niet zichtbaar | Niet in een landschap: wat wanneer openbaar is gemaakt. |
| 4 | Representativiteit | niet zichtbaar | Niet in een landschap: de loting en het profiel van \
de deelnemers. |
| 5 | Inclusiviteit | niet zichtbaar | Niet in een landschap: werving, vergoeding en \
ondersteuning. |
| 6 | Informatie | niet zichtbaar | Niet in een landschap: de gehoorde informatie en \
deskundigen. |
| 7 | Groepsberaadslaging | niet zichtbaar | Niet in een landschap: hoe de gesprekken zijn \
begeleid. |
| 8 | Tijd | niet vastgelegd | Er zijn geen bijeenkomsten vastgelegd. |
| 9 | Integriteit | niet vastgelegd | Er is niet vastgelegd wie het beraad leidt. |
| 10 | Privacy | niet zichtbaar | Niet in een landschap: hoe met namen en gegevens van \
deelnemers is omgegaan. |
| 11 | Evaluatie | voldaan | Het beraad is geëvalueerd. |
<BLANKLINE>
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import IO, Any, ClassVar, Literal

from attrs import field, frozen

from democratie.exporters import ExportError
from democratie.graph import StakeholderGraph
from democratie.model import Initiative, Landscape
from democratie.scoring import ScoringContext

from .principles import PRINCIPLES, PrincipleCheck, Status
from .rules import OecdPrinciples

__all__ = ["AssemblyReport"]

Lang = Literal["nl", "en"]

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
_LEADING = re.compile(r"^(?:([#>+-])|(\d+)([.)]))")
_SPACE = re.compile(r"\s+")

_TEXT: dict[str, tuple[str, str]] = {
    "heading": (
        "Burgerberaden en de goede-praktijkprincipes van de OESO",
        "Citizens' assemblies and the OECD good practice principles",
    ),
    "intro": (
        (
            "Elk burgerberaad is getoetst aan de elf goede-praktijkprincipes van de OESO voor "
            "deliberatieve processen (2020). Een landschap toont er vijf: {visible}; de andere "
            "zes zijn eruit niet te beoordelen."
        ),
        (
            "Each citizens' assembly is checked against the eleven OECD Good Practice "
            "Principles for Deliberative Processes for Public Decision Making (2020). A "
            "landscape shows five of them: {visible}; the other six cannot be judged from it."
        ),
    ),
    "none": (
        "Dit landschap heeft geen burgerberaden ({kinds}).",
        "This landscape has no citizens' assemblies ({kinds}).",
    ),
    "kind": ("Soort", "Kind"),
    "municipalities": ("Gemeenten", "Municipalities"),
    "period": ("Periode", "Period"),
    "led_by": ("Geleid door", "Run by"),
    "meetings": ("Bijeenkomsten", "Meetings"),
    "remit": ("Opdracht", "Remit"),
    "score": ("Score", "Score"),
    "not_recorded": ("niet vastgelegd", "not recorded"),
    "not_applicable": ("niet te bepalen", "cannot be computed"),
    "principle": ("Principe", "Principle"),
    "status": ("Oordeel", "Status"),
    "shows": ("Wat het landschap toont", "What the landscape shows"),
}

_STATUS: dict[Status, tuple[str, str]] = {
    "met": ("voldaan", "met"),
    "partly met": ("deels voldaan", "partly met"),
    "not met": ("niet voldaan", "not met"),
    "not recorded": ("niet vastgelegd", "not recorded"),
    "not visible": ("niet zichtbaar", "not visible"),
}


def _escape(text: str) -> str:
    r"""Escape text from a landscape for Markdown: one line, special characters escaped.

    Characters that mark up inline text are escaped everywhere; those that start
    a block (a heading, a quote, a list item) only at the start.

    Examples
    --------
    >>> print(_escape("1. Wonen | *zorg*\n  & welzijn"))
    1\. Wonen \| \*zorg\* \& welzijn
    >>> print(_escape("# geen kop"))
    \# geen kop
    """
    inline = _SPECIAL.sub(r"\\\1", _SPACE.sub(" ", text).strip())
    return _LEADING.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", inline)


def _lang(options: Mapping[str, Any]) -> Lang:
    value = options.get("lang", "en")
    if value == "nl":
        return "nl"
    if value == "en":
        return "en"
    message = f'the option lang must be "nl" or "en", got {value!r}'
    raise ExportError(message)


@frozen(kw_only=True)
class AssemblyReport:
    """Markdown report: each citizens' assembly against the eleven OECD principles.

    Parameters
    ----------
    rule
        The rule whose parameters (kinds, minimum days, pledge levels) the
        report uses; :class:`~democratie_burgerberaad.OecdPrinciples` with its
        defaults unless given.

    Notes
    -----
    Options: ``lang``, ``"en"`` (the default) or ``"nl"``. Other options are
    ignored. An unknown ``lang`` raises :class:`democratie.exporters.ExportError`.
    """

    name: ClassVar[str] = "burgerberaad-md"
    title: ClassVar[str] = "Citizens' assemblies against the OECD principles (Markdown)"
    suffixes: ClassVar[tuple[str, ...]] = (".md",)
    binary: ClassVar[bool] = False
    needs_graph: ClassVar[bool] = False

    rule: OecdPrinciples = field(factory=OecdPrinciples)

    def export(
        self,
        landscape: Landscape,
        graph: StakeholderGraph | None,
        destination: IO[Any],
        options: Mapping[str, Any],
    ) -> None:
        """Write the report on *landscape* to the text stream *destination*.

        Raises
        ------
        democratie.exporters.ExportError
            When the option ``lang`` is neither ``"nl"`` nor ``"en"``.
        """
        lang = _lang(options)
        i = 0 if lang == "nl" else 1
        visible = ", ".join(p.title.get(lang).lower() for p in PRINCIPLES if p.visible)
        lines = [f"# {_TEXT['heading'][i]}", ""]
        if landscape.title:
            lines += [f"*{_escape(landscape.title)}*", ""]
        lines += [_TEXT["intro"][i].format(visible=visible), ""]
        assemblies = [a for a in landscape.initiatives if a.kind in self.rule.kinds]
        if not assemblies:
            kinds = ", ".join(kind.value for kind in self.rule.kinds)
            lines += [_TEXT["none"][i].format(kinds=kinds), ""]
        context = ScoringContext(landscape)
        for assembly in assemblies:
            lines += self._section(assembly, landscape, context, lang)
        destination.write("\n".join(lines).rstrip("\n") + "\n")

    def _section(
        self, assembly: Initiative, landscape: Landscape, context: ScoringContext, lang: Lang
    ) -> list[str]:
        i = 0 if lang == "nl" else 1
        missing = _TEXT["not_recorded"][i]

        def names(ids: tuple[str, ...]) -> str:
            return ", ".join(_escape(landscape.name_of(x)) for x in ids) or missing

        start, end = assembly.period.start, assembly.period.end
        period = (
            f"{start.isoformat() if start else '…'} – {end.isoformat() if end else '…'}"
            if start or end
            else missing
        )
        score = self.rule.score(assembly, context)
        shown = (
            f"{score.value:.2f} (0–1) · {_escape(score.explanation.get(lang))}"
            if score.value is not None
            else f"{_TEXT['not_applicable'][i]} · {_escape(score.explanation.get(lang))}"
        )
        lines = [
            f"## {_escape(assembly.title)} (`{assembly.id}`)",
            "",
            f"- {_TEXT['kind'][i]}: {assembly.kind.label(lang)}",
            f"- {_TEXT['municipalities'][i]}: {names(assembly.municipalities)}",
            f"- {_TEXT['period'][i]}: {period}",
            f"- {_TEXT['led_by'][i]}: {names(assembly.led_by)}",
            f"- {_TEXT['meetings'][i]}: {len(assembly.meetings)}",
            f"- {_TEXT['score'][i]}: {shown}",
            "",
        ]
        if assembly.goals:
            lines += [f"{_TEXT['remit'][i]}:", ""]
            lines += [f"- {_escape(goal)}" for goal in assembly.goals]
            lines.append("")
        lines += [
            f"| # | {_TEXT['principle'][i]} | {_TEXT['status'][i]} | {_TEXT['shows'][i]} |",
            "| ---: | --- | --- | --- |",
        ]
        lines += [self._row(check, lang) for check in self.rule.checks(assembly, context)]
        lines.append("")
        return lines

    @staticmethod
    def _row(check: PrincipleCheck, lang: Lang) -> str:
        i = 0 if lang == "nl" else 1
        principle = check.principle
        return (
            f"| {principle.number} | {principle.title.get(lang)} | {_STATUS[check.status][i]} "
            f"| {_escape(check.finding.get(lang))} |"
        )

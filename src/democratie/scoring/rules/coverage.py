"""Coverage rules: areas, policy domains, sectors and phases an initiative reaches.

Examples
--------
>>> from democratie import examples
>>> from democratie.scoring import run
>>> from democratie.scoring.rules import AreaCoverage, CrossSectorCoverage, LifecycleCompleteness
>>> land = examples.load("delft-zeven-van-delft")
>>> rules = [AreaCoverage(), CrossSectorCoverage(), LifecycleCompleteness()]
>>> card = run(land, rules)["de-zeven-van-delft"]
>>> card["area_coverage"].value, round(card["cross_sector_coverage"].value, 3)
(1.0, 0.917)
>>> round(card["lifecycle_completeness"].value, 3)
0.333

The ten domains Delft works in are :data:`DELFT_DOMAINS`:

>>> from democratie.scoring.rules import DELFT_DOMAINS, DomainCoverage
>>> [domain.slug for domain in DELFT_DOMAINS][:4]
['zorg', 'welzijn', 'gezondheid', 'veiligheid']
>>> card = run(land, [DomainCoverage(required=DELFT_DOMAINS)])["de-zeven-van-delft"]
>>> card["domain_coverage"].value
1.0
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from functools import partial
from typing import ClassVar

from attrs import field, frozen

from democratie.graph.analysis import area_coverage, municipality_areas, sector_coverage
from democratie.model import Area, Initiative, Landscape, Municipality, Network
from democratie.scoring.context import ScoringContext
from democratie.scoring.rule import BaseRule
from democratie.scoring.rules._common import advice, dutch, listing, pct, plural, terms
from democratie.scoring.score import Bilingual, Evidence, Score, Subject, SubjectKind
from democratie.vocab import AreaLevel, NetworkKind, PhaseCycle, PolicyDomain, Sector

__all__ = [
    "DELFT_DOMAINS",
    "AreaCoverage",
    "CrossSectorCoverage",
    "DomainCoverage",
    "LifecycleCompleteness",
]

DELFT_DOMAINS: tuple[PolicyDomain, ...] = tuple(
    d for d in PolicyDomain if d is not PolicyDomain.BESTUUR
)
"""Delft's ten policy domains ("het brede maatschappelijke kader").

For ``DomainCoverage(required=DELFT_DOMAINS)``.
"""

_LEVEL_NL = {AreaLevel.WIJK: "wijken", AreaLevel.KERN: "kernen", AreaLevel.BUURT: "buurten"}


def _plural_nl(level: AreaLevel) -> str:
    return _LEVEL_NL.get(level, f"gebieden ({level.label_nl.lower()})")


def _plural_en(level: AreaLevel) -> str:
    return {AreaLevel.WIJK: "wijken (districts)", AreaLevel.KERN: "kernen (settlements)"}.get(
        level, f"areas of level {level.value}"
    )


def _area_levels(value: Iterable[AreaLevel | str]) -> tuple[AreaLevel, ...]:
    return terms(AreaLevel, value, "levels")


def _sectors(value: Iterable[Sector | str]) -> tuple[Sector, ...]:
    return terms(Sector, value, "sectors")


def _network_kinds(value: Iterable[NetworkKind | str]) -> tuple[NetworkKind, ...]:
    return terms(NetworkKind, value, "municipal_networks")


@frozen(kw_only=True)
class AreaCoverage(BaseRule):
    """Area coverage: the share of its municipality's wijken or kernen an initiative reaches.

    Delft works "in alle acht Delftse wijken"; in Stichtse Vecht "de eigenheid,
    leefbaarheid en sociale samenhang van de twaalf kernen blijft leidend".
    For each municipality of the initiative, the first level of *levels* whose
    number of areas is known (named areas, or ``wijk_count`` / ``kern_count``)
    is counted; an area is reached when the initiative serves it, an area
    within it or an area it lies in (serving a kern serves its wijken), or
    reaches every area of the level (``covers_all``).

    Parameters
    ----------
    name
        The rule's name.
    levels
        The area levels to count, in order of preference.
    evenness
        Also weigh how evenly the initiative's participating organisations are
        spread over the areas (Pielou's evenness of their count per area).

    Notes
    -----
    score = reached / total, summed over the initiative's municipalities; with
    *evenness*, multiplied by Pielou's J = H / ln(k) over the k areas, where H
    is the Shannon entropy of the participants' spread (left out when no
    participant is placed in an area). Not applicable when the initiative names
    no area and covers no level, or the number of areas is not known.

    Changed: serving an area counts for the areas inside it. An initiative
    that listed ``areas = ["kern-uden"]`` in a municipality whose wijken lie
    inside that kern scored 0.00: the wijken were counted, and only serving a
    wijk itself (or a buurt in it) reached one.

    References
    ----------
    Delft, "De zeven van Delft" (eight wijken); Stichtse Vecht, gebiedsgericht
    werken 2022 (twelve kernen); Pielou, E. C. (1966), "The measurement of
    diversity in different types of biological collections", J. Theor. Biol. 13.

    Examples
    --------
    >>> import democratie.examples
    >>> from democratie.scoring import run
    >>> land = democratie.examples.load("stichtse-vecht-gebiedsgericht-werken")
    >>> print(run(land, [AreaCoverage()])["gebiedsgericht-werken-2022"]["area_coverage"])
    area_coverage [gebiedsgericht-werken-2022]: 1.00 - The initiative reaches 12 of the 12 kernen
    (settlements) (100%).
    """

    name: str = "area_coverage"
    title: ClassVar[Bilingual] = Bilingual(nl="Bereik van wijken en kernen", en="Area coverage")
    applies_to: ClassVar[SubjectKind] = "initiative"
    source: ClassVar[str] = "Delft (8 wijken); Stichtse Vecht (12 kernen)"
    formula: ClassVar[str] = (
        "areas reached / areas of the level (wijk, else kern); optionally x Pielou evenness"
    )
    levels: tuple[AreaLevel, ...] = field(
        default=(AreaLevel.WIJK, AreaLevel.KERN), converter=_area_levels
    )
    evenness: bool = False

    def evaluate(self, subject: Subject, context: ScoringContext) -> Score:
        """Score one initiative."""
        assert isinstance(subject, Initiative)
        land = context.landscape
        if not subject.areas and not subject.covers_all:
            return self.not_applicable(
                subject,
                nl=(
                    "Het initiatief noemt geen wijken of kernen die het bereikt: leg ze vast "
                    "onder areas, of onder covers_all wanneer het elk gebied van een niveau "
                    "bereikt."
                ),
                en=(
                    "The initiative names no wijken or kernen that it reaches: record them under "
                    "areas, or under covers_all when it reaches every area of a level."
                ),
            )
        if not subject.municipalities:
            return self.not_applicable(
                subject,
                nl=(
                    "Het initiatief noemt geen gemeente (municipalities), dus is het aantal "
                    "wijken onbekend."
                ),
                en=(
                    "The initiative names no municipality (municipalities), so the number of "
                    "areas is unknown."
                ),
            )
        reached = total = 0
        evidence: list[Evidence] = []
        spreads: list[float] = []
        counted: list[AreaLevel] = []
        missing: list[str] = []
        graph = context.graph
        for municipality in subject.municipalities:
            for level in self.levels:
                areas = context.cached(
                    ("municipality-areas", municipality, level),
                    partial(municipality_areas, graph, municipality, level=level),
                )
                coverage = area_coverage(
                    graph, municipality, level=level, by=subject.id, areas=areas
                )
                if coverage.total:
                    break
            else:
                continue
            counted.append(level)
            reached += min(coverage.reached_count, coverage.total)
            total += coverage.total
            missing.extend(land.name_of(a) for a in coverage.missing)
            evidence.append(
                Evidence(
                    about=municipality,
                    fact=f"{level.value}.reached",
                    value=f"{coverage.reached_count} of {coverage.total}",
                )
            )
            if self.evenness:
                spread = _evenness(subject, land, municipality, level)
                if spread is not None:
                    spreads.append(spread)
                    evidence.append(
                        Evidence(about=municipality, fact="evenness", value=round(spread, 3))
                    )
        if not total:
            return self.not_applicable(
                subject,
                nl="Het aantal wijken of kernen van de gemeente is niet bekend.",
                en="The number of wijken or kernen of the municipality is not known.",
                recommendations=[
                    advice(
                        "Noem de wijken of kernen, of geef hun aantal (wijk_count, kern_count).",
                        "Name the wijken or kernen, or give their number (wijk_count, kern_count).",
                    )
                ],
            )
        share = reached / total
        level_nl = _plural_nl(counted[0]) if len(set(counted)) == 1 else "gebieden"
        level_en = _plural_en(counted[0]) if len(set(counted)) == 1 else "areas"
        nl = f"Het initiatief bereikt {reached} van de {total} {level_nl} ({pct(share)})."
        en = f"The initiative reaches {reached} of the {total} {level_en} ({pct(share)})."
        value = share
        if self.evenness and spreads:
            even = sum(spreads) / len(spreads)
            value = share * even
            nl += f" De deelnemers zijn verspreid met gelijkmatigheid {dutch(even)}."
            en += f" Its participants are spread with evenness {even:.2f}."
        recommendations = []
        if share < 1:
            shown = listing(missing[:5], lang="nl") if missing else ""
            recommendations.append(
                advice(
                    "Zoek partners in de wijken die nog niet bereikt worden"
                    + (f": {shown}." if shown else "."),
                    "Find partners in the areas not yet reached"
                    + (f": {listing(missing[:5])}." if missing else "."),
                )
            )
        return self.result(
            subject, value, nl=nl, en=en, evidence=evidence, recommendations=recommendations
        )


def _evenness(
    initiative: Initiative, land: Landscape, municipality: str, level: AreaLevel
) -> float | None:
    """Pielou's evenness of the initiative's organisations over the areas of a level."""
    mun = land.get(municipality)
    assert isinstance(mun, Municipality)
    top: dict[str, str] = {}

    def walk(area: Area, owner: str | None) -> None:
        here = area.id if area.level is level else owner
        if here is not None:
            top[area.id] = here
        for child in area.areas:
            walk(child, here)

    for area in mun.areas:
        walk(area, None)
    slots = [a.id for a in mun.walk_areas() if a.level is level]
    if len(slots) < 2:
        return None
    counts: Counter[str] = Counter()
    for participant in initiative.participants:
        organisation = land.get(participant.actor)
        for area in getattr(organisation, "areas", ()):
            if area in top:
                counts[top[area]] += 1
    n = sum(counts.values())
    if n == 0:
        return None
    entropy = -sum((c / n) * math.log(c / n) for c in counts.values() if c)
    return entropy / math.log(len(slots))


def _optional_tuple(
    value: Iterable[PolicyDomain | str] | None,
) -> tuple[PolicyDomain, ...] | None:
    return None if value is None else terms(PolicyDomain, value, "required")


@frozen(kw_only=True)
class DomainCoverage(BaseRule):
    """Domain coverage: the share of the required policy domains an initiative works in.

    Delft works across ten domains, from zorg to sport; Leusden's Samenleving
    Voorop works on five at once. The required domains are the initiative's own
    ``required_domains`` or, when given, the rule's *required*.

    Parameters
    ----------
    name
        The rule's name.
    required
        Domains every initiative is held to (for example :data:`DELFT_DOMAINS`);
        by default each initiative's own ``required_domains``.

    Notes
    -----
    score = |declared and required| / |required|. Not applicable when no
    domains are required: then there is nothing to cover.

    Changed: the not-applicable explanation names the key to record,
    ``required_domains``, next to the ``domains`` the initiative works in; it
    said only that no required domains are recorded.

    References
    ----------
    Delft, "De zeven van Delft" (ten domains); Leusden, "Samenleving Voorop" (five domains).

    Examples
    --------
    >>> import democratie
    >>> from democratie.scoring import run
    >>> land = democratie.loads('''
    ... format = "democratie/1"
    ... [[initiatives]]
    ... id = "samenleving-voorop"
    ... kind = "challenge"
    ... title = "Samenleving Voorop"
    ... domains = ["bestuur", "zorg"]
    ... required_domains = ["bestuur", "zorg", "welzijn", "sport"]
    ... ''')
    >>> print(run(land, [DomainCoverage()])["samenleving-voorop"]["domain_coverage"])
    domain_coverage [samenleving-voorop]: 0.50 - The initiative works in 2 of the 4 required
    domains.
    """

    name: str = "domain_coverage"
    title: ClassVar[Bilingual] = Bilingual(nl="Bereik van beleidsdomeinen", en="Domain coverage")
    applies_to: ClassVar[SubjectKind] = "initiative"
    source: ClassVar[str] = "Delft (10 domains); Leusden (5 domains)"
    formula: ClassVar[str] = "|declared domains that are required| / |required domains|"
    required: tuple[PolicyDomain, ...] | None = field(default=None, converter=_optional_tuple)

    def evaluate(self, subject: Subject, context: ScoringContext) -> Score:
        """Score one initiative."""
        assert isinstance(subject, Initiative)
        required = self.required if self.required is not None else subject.required_domains
        declared = set(subject.domains)
        evidence = [
            Evidence(
                about=subject.id, fact="domains", value=", ".join(d.value for d in subject.domains)
            ),
        ]
        if not required:
            return self.not_applicable(
                subject,
                nl="Er zijn geen vereiste domeinen vastgelegd (required_domains); het "
                f"initiatief werkt in {plural(len(declared), 'domein', 'domeinen')} (domains). "
                "Leg required_domains vast waar de bron een vereiste set noemt.",
                en="No required domains are recorded (required_domains); the initiative works in "
                f"{plural(len(declared), 'domain', 'domains')} (domains). Record "
                "required_domains where the source sets out the domains it is meant to cover.",
                evidence=evidence,
            )
        covered = [d for d in required if d in declared]
        missing = [d for d in required if d not in declared]
        share = len(covered) / len(required)
        evidence.append(
            Evidence(
                about=subject.id,
                fact="required_domains",
                value=", ".join(d.value for d in required),
            )
        )
        recommendations = []
        if missing:
            recommendations.append(
                advice(
                    "Nog niet bereikt: "
                    + listing((d.label_nl.lower() for d in missing), lang="nl")
                    + ".",
                    "Not yet reached: " + listing(d.label_en.lower() for d in missing) + ".",
                )
            )
        return self.result(
            subject,
            share,
            nl=f"Het initiatief werkt in {len(covered)} van de {len(required)} vereiste domeinen.",
            en=f"The initiative works in {len(covered)} of the {len(required)} required domains.",
            evidence=evidence,
            recommendations=recommendations,
        )


@frozen(kw_only=True)
class CrossSectorCoverage(BaseRule):
    """Cross-sector coverage: which sectors take part, and whether they are tied together.

    Delft's approach brings "maatschappelijke organisaties, het bedrijfsleven
    en de gemeente zelf" together, with residents. The sectors of the
    initiative's actors come from :func:`democratie.graph.analysis.sector_coverage`;
    two sectors are tied when their actors are tied other than by merely being
    listed in the same initiative (a shared phase, another initiative, a
    network, a role).

    Parameters
    ----------
    name
        The rule's name.
    sectors
        The sectors looked for (all four by default).
    connection_weight
        How much of the score depends on the sectors being tied together, in
        [0, 1] (0.25 by default: presence matters most).
    municipal_networks
        Kinds of network that are networks of municipalities while they list
        no members yet (netwerk_van_gemeenten, regionaal_leernetwerk).

    Notes
    -----
    score = p * (1 - w * (1 - c)), where p is the share of the sectors present,
    w the connection weight and c = 1 - (g - 1) / (s - 1) for s present sectors
    in g tied groups (c = 1 with fewer than two sectors). Not applicable when
    no actor of the initiative has a known sector, and when the initiative
    works through a network of municipalities (its ``network`` lists only
    municipalities as members, or none yet and is of a kind in
    *municipal_networks*).

    Changed: an initiative of a network of municipalities is no longer scored.
    Its actors are municipalities by design, all of sector overheid, so the
    M50 learning circle could never score above 0.25, a verdict on a
    municipalities' peer network for not being a cross-sector coalition.

    References
    ----------
    Delft, "De zeven van Delft".

    Examples
    --------
    >>> import democratie.examples
    >>> from democratie.scoring import run
    >>> land = democratie.examples.load("delft-zeven-van-delft")
    >>> rules = [CrossSectorCoverage(), CrossSectorCoverage(name="presence", connection_weight=0)]
    >>> card = run(land, rules)["workshop-zeven-van-delft"]
    >>> card["cross_sector_coverage"].value, card["presence"].value
    (0.375, 0.5)
    """

    name: str = "cross_sector_coverage"
    title: ClassVar[Bilingual] = Bilingual(
        nl="Sectoren betrokken en verbonden", en="Cross-sector coverage"
    )
    applies_to: ClassVar[SubjectKind] = "initiative"
    source: ClassVar[str] = "Delft (De zeven van Delft)"
    formula: ClassVar[str] = "present share x (1 - w x (1 - connectedness)), w = 0.25"
    sectors: tuple[Sector, ...] = field(default=tuple(Sector), converter=_sectors)
    connection_weight: float = 0.25
    municipal_networks: tuple[NetworkKind, ...] = field(
        default=(NetworkKind.NETWERK_VAN_GEMEENTEN, NetworkKind.REGIONAAL_LEERNETWERK),
        converter=_network_kinds,
    )

    def _network_of_municipalities(
        self, initiative: Initiative, landscape: Landscape
    ) -> Network | None:
        """The initiative's network when its members are municipalities; else None."""
        if initiative.network is None or initiative.network not in landscape:
            return None
        network = landscape.get(initiative.network)
        if not isinstance(network, Network):
            return None
        members = landscape.members_of(network.id)
        if members:
            if all(isinstance(landscape.get(m), Municipality) for m in members):
                return network
            return None
        return network if network.kind in self.municipal_networks else None

    def __attrs_post_init__(self) -> None:
        if not 0.0 <= self.connection_weight <= 1.0:
            message = f"connection_weight must lie in [0, 1], got {self.connection_weight}"
            raise ValueError(message)
        if not self.sectors:
            message = "sectors must name at least one sector"
            raise ValueError(message)

    def evaluate(self, subject: Subject, context: ScoringContext) -> Score:
        """Score one initiative."""
        assert isinstance(subject, Initiative)
        peers = self._network_of_municipalities(subject, context.landscape)
        if peers is not None:
            return self.not_applicable(
                subject,
                out_of_scope=True,
                nl=(
                    f"Het initiatief werkt via {peers.name}, een netwerk van gemeenten: daar "
                    "leren gemeenten van elkaar, en sectoren samenbrengen is niet het doel. Meet "
                    "de sectoren bij de initiatieven van de gemeenten zelf."
                ),
                en=(
                    f"The initiative works through {peers.name}, a network of municipalities: "
                    "municipalities learn from each other there, and bringing sectors together "
                    "is not its aim. Measure the sectors in the municipalities' own initiatives."
                ),
                evidence=[Evidence(about=subject.id, fact="network", value=peers.id)],
            )
        coverage = context.cached(
            ("sector_coverage", subject.id, self.sectors),
            lambda: sector_coverage(context.graph, subject.id, sectors=self.sectors),
        )
        if not coverage.present:
            return self.not_applicable(
                subject,
                nl=(
                    "Van geen van de betrokkenen is de sector bekend: geef de organisaties een "
                    "sector (sector), of hun mensen een rol bij een organisatie met een sector."
                ),
                en=(
                    "The sector of none of those involved is known: give the organisations a "
                    "sector (sector), or their people a role at an organisation with one."
                ),
            )
        share = len(coverage.present) / len(coverage.sectors)
        groups = len(coverage.groups)
        present = len(coverage.present)
        connected = 1.0 if present < 2 else 1 - (groups - 1) / (present - 1)
        value = share * (1 - self.connection_weight * (1 - connected))
        names_nl = listing((s.label_nl.lower() for s in coverage.present), lang="nl")
        names_en = listing(s.label_en.lower() for s in coverage.present)
        nl = (
            f"{present} van de {len(coverage.sectors)} sectoren "
            f"{'doet' if present == 1 else 'doen'} mee ({names_nl})"
        )
        en = (
            f"{present} of the {len(coverage.sectors)} sectors "
            f"{'takes' if present == 1 else 'take'} part ({names_en})"
        )
        if present >= 2:
            if groups == 1:
                nl += ", en ze zijn met elkaar verbonden."
                en += ", and they are tied together."
            else:
                split_nl = " | ".join(
                    listing((s.label_nl.lower() for s in group), lang="nl")
                    for group in coverage.groups
                )
                split_en = " | ".join(
                    listing(s.label_en.lower() for s in group) for group in coverage.groups
                )
                nl += (
                    f", maar buiten dit initiatief is geen band vastgelegd tussen {groups} "
                    f"groepen: {split_nl}."
                )
                en += (
                    f", but apart from this initiative no tie is recorded between {groups} "
                    f"groups: {split_en}."
                )
        else:
            nl += "."
            en += "."
        evidence = [
            Evidence(
                about=subject.id,
                fact="sectors.present",
                value=", ".join(s.value for s in coverage.present),
            ),
            Evidence(about=subject.id, fact="sectors.groups", value=groups),
        ]
        recommendations = []
        if coverage.missing:
            recommendations.append(
                advice(
                    "Betrek ook "
                    + listing((s.label_nl.lower() for s in coverage.missing), lang="nl")
                    + ".",
                    "Involve " + listing(s.label_en.lower() for s in coverage.missing) + " too.",
                )
            )
        if present >= 2 and groups > 1:
            recommendations.append(
                advice(
                    "Verbind de sectoren met elkaar, bijvoorbeeld in een gezamenlijke fase "
                    "of netwerk.",
                    "Tie the sectors together, for instance in a shared phase or network.",
                )
            )
        return self.result(
            subject, value, nl=nl, en=en, evidence=evidence, recommendations=recommendations
        )


@frozen(kw_only=True)
class LifecycleCompleteness(BaseRule):
    """Lifecycle completeness: the share of the phases of its cycle with participation arranged.

    Delft works with an integrated approach "van visie, beleidsdoelstellingen,
    implementatie, uitvoering, doorontwikkeling en ondersteuning"; the Wet
    versterking participatie op decentraal niveau asks for participation in
    the preparation, execution and evaluation of policy. A phase has
    participation arranged when someone is listed in it or a level is set.

    Parameters
    ----------
    name
        The rule's name.

    Notes
    -----
    score = arranged phases / phases of the cycle. The cycle is the
    initiative's own; without one, the legal cycle when all listed phases
    belong to it, else the integrated cycle. Not applicable when neither a
    cycle nor phases are recorded.

    References
    ----------
    Delft, "De zeven van Delft"; Wet versterking participatie op decentraal niveau.

    Examples
    --------
    >>> import democratie
    >>> from democratie.scoring import run
    >>> land = democratie.loads('''
    ... format = "democratie/1"
    ... [[initiatives]]
    ... id = "verordening"
    ... kind = "programma"
    ... title = "Participatieverordening"
    ... cycle = "wettelijk"
    ... phases = [{ phase = "voorbereiding", level = "adviseren" }, { phase = "uitvoering" }]
    ... ''')
    >>> print(run(land, [LifecycleCompleteness()])["verordening"]["lifecycle_completeness"])
    lifecycle_completeness [verordening]: 0.33 - Participation is arranged in 1 of the 3 phases of
    the statutory cycle.
    """

    name: str = "lifecycle_completeness"
    title: ClassVar[Bilingual] = Bilingual(
        nl="Participatie in elke fase", en="Lifecycle completeness"
    )
    applies_to: ClassVar[SubjectKind] = "initiative"
    source: ClassVar[str] = (
        "Delft (integrated cycle); Wet versterking participatie op decentraal niveau"
    )
    formula: ClassVar[str] = "phases with participation arranged / phases of the cycle"

    def evaluate(self, subject: Subject, context: ScoringContext) -> Score:
        """Score one initiative."""
        assert isinstance(subject, Initiative)
        if subject.cycle is None and not subject.phases:
            return self.not_applicable(
                subject,
                nl="Er is geen cyclus en er zijn geen fasen vastgelegd (cycle, phases).",
                en="No cycle and no phases are recorded (cycle, phases).",
            )
        cycle = subject.cycle
        if cycle is None:
            listed = {s.phase for s in subject.phases}
            cycle = (
                PhaseCycle.WETTELIJK
                if listed <= set(PhaseCycle.WETTELIJK.phases)
                else PhaseCycle.INTEGRAAL
            )
        arranged = {s.phase for s in subject.phases if s.arranged}
        phases = cycle.phases
        done = [p for p in phases if p in arranged]
        missing = [p for p in phases if p not in arranged]
        share = len(done) / len(phases)
        evidence = [
            Evidence(about=subject.id, fact="cycle", value=cycle.value),
            Evidence(
                about=subject.id, fact="phases.arranged", value=", ".join(p.value for p in done)
            ),
        ]
        recommendations = []
        if missing:
            recommendations.append(
                advice(
                    "Regel participatie ook in: "
                    + listing((p.label_nl.lower() for p in missing), lang="nl")
                    + ".",
                    "Arrange participation in "
                    + listing(p.label_en.lower() for p in missing)
                    + " too.",
                )
            )
        return self.result(
            subject,
            share,
            nl=(
                f"In {len(done)} van de {len(phases)} fasen van de {cycle.label_nl.lower()} is "
                "participatie geregeld."
            ),
            en=(
                f"Participation is arranged in {len(done)} of the {len(phases)} phases of the "
                f"{cycle.label_en.lower()}."
            ),
            evidence=evidence,
            recommendations=recommendations,
        )

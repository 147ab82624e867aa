"""Network rules: champions (kartrekkers), brokers (verbinders), bridging and bonding.

These rules read the stakeholder graph that the scoring context builds once and
shares, but each measures a subject within its own neighbourhood, never over the
whole graph: an initiative among the actors of its municipality, a network among
its actors and theirs, a municipal organisation by the ties of its own actors. So
scoring one subject costs what its surroundings cost, in a landscape of one
municipality or of the nation, and the analyses are computed once per
neighbourhood and shared through the scoring context.

Examples
--------
>>> from democratie import examples
>>> from democratie.scoring import run
>>> from democratie.scoring.rules import ChampionPresence
>>> land = examples.load("m50-leerkring-waalwijk")
>>> score = run(land, [ChampionPresence()])["m50-leerkring-initiatief"]["champion_presence"]
>>> score.value, score.recommendations[0].nl
(0.0, 'Kartrekkers zijn nodig: wijs er minstens twee aan, zodat het niet op één persoon rust.')
"""

from __future__ import annotations

from functools import partial
from typing import ClassVar

from attrs import frozen

from democratie.graph import ACTOR_KINDS, TIE_RELATIONS, StakeholderGraph
from democratie.graph.analysis import Broker, rank_brokers
from democratie.graph.analysis._centrality import (
    Ties,
    articulation_points,
    degree_centrality,
    eigenvector,
    elect,
)
from democratie.model import Initiative, Landscape, Municipality, Network, Person
from democratie.scoring.context import ScoringContext
from democratie.scoring.rule import BaseRule
from democratie.scoring.rules._common import actors_of, advice, dutch, listing, plural
from democratie.scoring.rules._neighbourhood import neighbourhood, projected_ties
from democratie.scoring.score import Bilingual, Evidence, Score, Subject, SubjectKind
from democratie.vocab import RoleKind

__all__ = ["BridgingVsBonding", "BrokerageCapacity", "ChampionPresence", "internal_actors"]


def _declared_champions(initiative: Initiative, landscape: Landscape) -> list[str]:
    found: dict[str, None] = {}
    for participant in initiative.participants:
        if participant.role is RoleKind.KARTREKKER:
            found[participant.actor] = None
    for role in landscape.roles_at(initiative.id):
        if role.kind is RoleKind.KARTREKKER:
            found[role.holder] = None
    return list(found)


def _leaders(initiative: Initiative, landscape: Landscape) -> list[str]:
    """The people who lead or started the initiative: who may stand in for a kartrekker."""
    return [
        actor
        for actor in dict.fromkeys([*initiative.led_by, *initiative.initiated_by])
        if isinstance(landscape.get(actor), Person)
    ]


def _bodies_leading(initiative: Initiative, landscape: Landscape) -> list[str]:
    """The municipalities, bodies and organisations that lead or started the initiative."""
    return [
        actor
        for actor in dict.fromkeys([*initiative.led_by, *initiative.initiated_by])
        if not isinstance(landscape.get(actor), Person)
    ]


@frozen(kw_only=True)
class _Standing:
    id: str
    label: str
    score: float
    articulation_point: bool


def champion_standings(
    graph: StakeholderGraph,
    ties: Ties[str],
    among: list[str],
    voterank_top: int = 10,
) -> dict[str, _Standing]:
    """Score actors as champions, as :func:`~democratie.graph.analysis.rank_champions` does.

    The same formula (the mean of degree centrality, eigenvector centrality and
    the VoteRank place, each relative to the best actor), over the actor
    projection read once (*ties*, in the order of
    :meth:`~democratie.graph.StakeholderGraph.actor_projection`, without building it
    as a networkx graph), with VoteRank electing *voterank_top* spreaders however
    many actors are scored: ``rank_champions`` ties the two together, which makes
    scoring many initiatives at once quadratic.
    """
    if not ties.nodes:
        return {}
    index = {node: position for position, node in enumerate(ties.nodes)}
    degree = degree_centrality(ties)
    central = eigenvector(ties, max_iter=1000, tol=1e-06)
    spreaders = elect(ties, voterank_top)
    cut = articulation_points(ties)
    d_max = max(degree, default=0.0) or 1.0
    c_max = max(central, default=0.0) or 1.0
    place = {position: rank for rank, position in enumerate(spreaders)}
    elected = len(spreaders)
    standings = {}
    for node in among:
        at = index[node]
        rank = place.get(at)
        vote = (elected - rank) / elected if rank is not None else 0.0
        standings[node] = _Standing(
            id=node,
            label=graph.label(node),
            score=(degree[at] / d_max + central[at] / c_max + vote) / 3,
            articulation_point=at in cut,
        )
    return standings


@frozen(kw_only=True)
class ChampionPresence(BaseRule):
    """Champion presence: the strength of the strongest kartrekker, and whether all rests on one.

    "Kartrekkers zijn nodig", the M50 learning circle concluded. The
    kartrekkers of an initiative are the actors it names as such (participant
    role or role ``kartrekker``); when it names none, the people among its
    leaders and initiators stand in for them (see *fallback_to_leaders*): a
    municipality, council, college or organisation that leads does not. Each is
    scored as
    :func:`democratie.graph.analysis.rank_champions` scores actors (degree,
    eigenvector centrality and VoteRank, each relative to the strongest actor),
    within the initiative's surroundings: for an initiative of one municipality,
    the actor network of that municipality
    (:meth:`~democratie.graph.StakeholderGraph.municipality_view`), computed once
    for all of its initiatives; for an initiative of several municipalities, its
    own actors and their ties
    (:meth:`~democratie.graph.StakeholderGraph.initiative_view`); for an
    initiative of no municipality, its own actors, the other initiatives, networks
    and meetings its people and organisations take part in, and the actors there.

    Parameters
    ----------
    name
        The rule's name.
    fallback_to_leaders
        Count the people among the leaders and initiators as kartrekkers when
        none is named.
    fallback_factor
        Factor applied when leaders or initiators stand in for kartrekkers that
        are not named (0.5 by default; our reading: someone must still take up
        the role).
    fragile_factor
        Factor applied when every kartrekker is an articulation point, a single
        point of failure (0.5 by default; our reading).
    voterank_top
        How many spreaders VoteRank elects (10, as
        :func:`~democratie.graph.analysis.rank_champions` does by default).

    Notes
    -----
    score = max over the kartrekkers of their champion score, times
    *fragile_factor* when all of them are articulation points of the actor
    network, and times *fallback_factor* when they are leaders or initiators
    standing in; 0 when the initiative has actors but no kartrekker, and the
    explanation then says what to record. Not applicable when the initiative
    records no actors at all.

    Changed: only a person who leads or started the initiative stands in for a
    kartrekker. A municipality, council or organisation used to stand in, at
    half weight, for the best-connected node of the landscape: Leusden,
    Stichtse Vecht and Democratie in Actie each "stood in" at 0.50 with a
    champion score near 1, which said how central the municipality or
    organisation is, not that anyone pulls the work along.

    The cost of one initiative is bounded by its municipality (or its own
    surroundings), not by the landscape: eigenvector centrality and VoteRank run
    on the actor projection of that municipality, shared by its initiatives.

    References
    ----------
    M50 learning circle, Waalwijk 2020 ("Kartrekkers zijn nodig"); Bonacich
    (1987); Zhang et al. (2016), VoteRank.

    Examples
    --------
    Without a declared kartrekker, the best-connected person among the leaders counts
    for half (Rob van den Berg, who leads the workshop; MVV, which started it, is an
    organisation and does not stand in):

    >>> import democratie.examples
    >>> from democratie.scoring import run
    >>> land = democratie.examples.load("delft-zeven-van-delft")
    >>> declared_only = ChampionPresence(name="declared_only", fallback_to_leaders=False)
    >>> rules = [ChampionPresence(), declared_only]
    >>> card = run(land, rules)["workshop-zeven-van-delft"]
    >>> round(card["champion_presence"].value, 3), card["declared_only"].value
    (0.186, 0.0)
    """

    name: str = "champion_presence"
    title: ClassVar[Bilingual] = Bilingual(nl="Kartrekkers aanwezig", en="Champion presence")
    applies_to: ClassVar[SubjectKind] = "initiative"
    source: ClassVar[str] = 'M50 learning circle, Waalwijk 2020 ("Kartrekkers zijn nodig")'
    formula: ClassVar[str] = (
        "max champion score of the kartrekkers, x 0.5 when all are single points of failure, "
        "x 0.5 when leaders or initiators stand in"
    )
    fallback_to_leaders: bool = True
    fallback_factor: float = 0.5
    fragile_factor: float = 0.5
    voterank_top: int = 10

    def __attrs_post_init__(self) -> None:
        for name in ("fallback_factor", "fragile_factor"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                message = f"{name} must lie in [0, 1], got {value}"
                raise ValueError(message)

    def _candidates(self, initiative: Initiative, landscape: Landscape) -> tuple[list[str], bool]:
        named = _declared_champions(initiative, landscape)
        if named or not self.fallback_to_leaders:
            return named, True
        return _leaders(initiative, landscape), False

    def _by_municipality(self, context: ScoringContext) -> dict[str, list[str]]:
        """The candidates of the initiatives of each single municipality, indexed once."""

        def compute() -> dict[str, list[str]]:
            land = context.landscape
            found: dict[str, dict[str, None]] = {}
            for initiative in land.initiatives:
                if len(initiative.municipalities) == 1:
                    candidates = self._candidates(initiative, land)[0]
                    found.setdefault(initiative.municipalities[0], {}).update(
                        dict.fromkeys(candidates)
                    )
            return {municipality: list(c) for municipality, c in found.items()}

        return context.cached(("champion-candidates", self.fallback_to_leaders), compute)

    def _ranking(self, initiative: Initiative, context: ScoringContext) -> dict[str, _Standing]:
        """The standings of the candidates in the initiative's surroundings, shared per scope."""
        own = len(initiative.municipalities) == 1
        scope = initiative.municipalities[0] if own else initiative.id

        def compute() -> dict[str, _Standing]:
            graph = context.graph
            if own:
                wanted = self._by_municipality(context).get(scope, [])
                view = graph.municipality_view(scope) if wanted else graph
            else:
                wanted = self._candidates(initiative, context.landscape)[0]
                view = graph.initiative_view(scope)
                if wanted and not initiative.municipalities:
                    view = neighbourhood(graph, view)
            if not wanted:
                return {}
            ties = Ties.from_counts(*view._actor_ties())
            actors = set(ties.nodes)
            among = [node for node in wanted if node in actors]
            return champion_standings(view, ties, among, self.voterank_top)

        key = ("champions", self.fallback_to_leaders, self.voterank_top, own, scope)
        return context.cached(key, compute)

    def evaluate(self, subject: Subject, context: ScoringContext) -> Score:
        """Score one initiative."""
        assert isinstance(subject, Initiative)
        land = context.landscape
        if not actors_of(subject, land):
            return self.not_applicable(
                subject,
                nl="Het initiatief noemt niemand die meedoet.",
                en="The initiative names nobody who takes part.",
            )
        candidates, named = self._candidates(subject, land)
        needed = advice(
            "Kartrekkers zijn nodig: wijs er minstens twee aan, zodat het niet op één "
            "persoon rust.",
            "Champions are needed: name at least two, so that it does not rest on one person.",
        )
        if not candidates:
            record = advice(
                "Leg vast wie de kartrekkers zijn: personen, als deelnemer met de rol "
                "kartrekker (participants) of met een rol kartrekker bij het initiatief (roles).",
                "Record who the kartrekkers are: people, as participants in the role kartrekker "
                "(participants) or holding a role kartrekker at the initiative (roles).",
            )
            bodies = _bodies_leading(subject, land) if self.fallback_to_leaders else []
            if bodies:
                names_nl = listing((land.name_of(b) for b in bodies), lang="nl")
                names_en = listing(land.name_of(b) for b in bodies)
                nl = (
                    f"Er is geen kartrekker vastgelegd. {names_nl} "
                    f"{'leidt of startte' if len(bodies) == 1 else 'leiden of startten'} het, "
                    "maar een gemeente, orgaan of organisatie is geen kartrekker: dat zijn de "
                    "mensen die het werk trekken."
                )
                en = (
                    f"No kartrekker is recorded. {names_en} "
                    f"{'leads or started' if len(bodies) == 1 else 'lead or started'} it, but a "
                    "municipality, body or organisation does not stand in for a kartrekker: "
                    "kartrekkers are the people who pull the work along."
                )
            else:
                nl = "Er is geen kartrekker, leider of initiatiefnemer vastgelegd."
                en = "No kartrekker, leader or initiator is recorded."
            return self.result(
                subject,
                0.0,
                nl=nl,
                en=en,
                recommendations=[needed, record],
            )
        ranking = self._ranking(subject, context)
        champions = [ranking[c] for c in candidates if c in ranking]
        best = max(champions, key=lambda c: (c.score, c.id))
        fragile = all(c.articulation_point for c in champions)
        value = best.score * (self.fragile_factor if fragile else 1.0)
        if named:
            nl = (
                f"De sterkste kartrekker is {best.label}, met kartrekkersscore {dutch(best.score)}."
            )
            en = f"The strongest kartrekker is {best.label}, with champion score {best.score:.2f}."
        else:
            value *= self.fallback_factor
            nl = (
                f"Er is geen kartrekker genoemd; {best.label} (leider of initiatiefnemer) staat "
                f"ervoor in, met kartrekkersscore {dutch(best.score)}, voor de helft meegeteld."
                if self.fallback_factor == 0.5
                else f"Er is geen kartrekker genoemd; {best.label} (leider of initiatiefnemer) "
                f"staat ervoor in, met kartrekkersscore {best.score:.2f}."
            )
            en = (
                f"No kartrekker is named; {best.label} (leader or initiator) stands in, with "
                f"champion score {best.score:.2f}, counted at half weight."
                if self.fallback_factor == 0.5
                else f"No kartrekker is named; {best.label} (leader or initiator) stands in, "
                f"with champion score {best.score:.2f}."
            )
        recommendations = []
        if fragile:
            nl += (
                " Alle kartrekkers zijn een enkel punt van falen: zonder hen valt het netwerk "
                "uiteen."
            )
            en += (
                " Every kartrekker is a single point of failure: without them the network falls "
                "apart."
            )
            recommendations.append(needed)
        if not named:
            recommendations.append(
                advice(
                    "Leg vast wie de kartrekkers zijn.",
                    "Record who the kartrekkers are.",
                )
            )
        evidence = [
            Evidence(about=c.id, fact="champion_score", value=round(c.score, 4)) for c in champions
        ] + [
            Evidence(about=c.id, fact="articulation_point", value=c.articulation_point)
            for c in champions
        ]
        return self.result(
            subject, value, nl=nl, en=en, evidence=evidence, recommendations=recommendations
        )


def _network_actors(network: Network, landscape: Landscape) -> list[str]:
    found: dict[str, None] = dict.fromkeys(landscape.members_of(network.id))
    found.update(dict.fromkeys(network.coordinators))
    for meeting in network.meetings:
        if meeting.host is not None:
            found[meeting.host] = None
        found.update(dict.fromkeys(meeting.attendees))
    return list(found)


@frozen(kw_only=True)
class BrokerageCapacity(BaseRule):
    """Brokerage capacity: how well a network's best verbinders bridge otherwise separate groups.

    "Netwerkend werken" is one of the opportunities the M50 learning circle saw.
    A verbinder (broker) links parties that would not otherwise meet: Burt's
    constraint is low for them, and many shortest paths run through them
    (betweenness). The network's actors are its members, coordinators, and the
    hosts and attendees of its meetings; each is measured by
    :func:`democratie.graph.analysis.rank_brokers` within the network's
    neighbourhood: the network and its meetings
    (:meth:`~democratie.graph.StakeholderGraph.network_view`), the other
    initiatives, networks and meetings its people and organisations take part
    in, the actors there, and the actors they are tied to directly. Betweenness
    there is exact (computed by python-igraph when it is installed, with the
    same values).

    Parameters
    ----------
    name
        The rule's name.
    top
        How many of the best brokers to average (1: the best one).
    sample_above
        Betweenness is exact up to this many actors in the network's
        neighbourhood; above it, it is estimated from *sample_size* sampled
        sources (seeded by the scoring context, so the score is reproducible).
    sample_size
        How many sources to sample for the estimate (Brandes and Pich).

    Notes
    -----
    For an actor, brokerage = (b / b_max + (1 - min(c, 1))) / 2, where b is its
    betweenness, b_max the highest betweenness among the actors of the network
    and c its constraint, both within the network's neighbourhood. score = the
    mean brokerage of the *top* best actors of the network. Not applicable when
    the network has no actors, or none with a tie.

    References
    ----------
    M50 learning circle, Waalwijk 2020 ("netwerkend werken"); Burt, R. S. (1992),
    *Structural Holes*; Brandes, U. (2001), "A faster algorithm for betweenness
    centrality".

    Examples
    --------
    >>> import democratie.examples
    >>> from democratie.scoring import run
    >>> land = democratie.examples.load("m50-leerkring-waalwijk")
    >>> card = run(land, [BrokerageCapacity()])["m50-leerkring-democratische-vernieuwing"]
    >>> round(card["brokerage_capacity"].value, 3), card["brokerage_capacity"].evidence[0].about
    (0.867, 'democratie-in-actie')
    """

    name: str = "brokerage_capacity"
    title: ClassVar[Bilingual] = Bilingual(nl="Verbindend vermogen", en="Brokerage capacity")
    applies_to: ClassVar[SubjectKind] = "network"
    source: ClassVar[str] = 'M50 learning circle, Waalwijk 2020 ("netwerkend werken"); Burt 1992'
    formula: ClassVar[str] = (
        "mean over the top-k actors of (betweenness / max betweenness + 1 - min(constraint, 1)) / 2"
    )
    top: int = 1
    sample_above: int = 500
    sample_size: int = 100

    def __attrs_post_init__(self) -> None:
        if self.top < 1:
            message = f"top must be at least 1, got {self.top}"
            raise ValueError(message)
        for name in ("sample_above", "sample_size"):
            if getattr(self, name) < 1:
                message = f"{name} must be at least 1, got {getattr(self, name)}"
                raise ValueError(message)

    def _ranking(
        self, network: Network, actors: list[str], context: ScoringContext
    ) -> tuple[dict[str, Broker], float]:
        """The network's actors as brokers in its neighbourhood, and the highest betweenness."""

        def compute() -> tuple[dict[str, Broker], float]:
            graph = context.graph
            scope = neighbourhood(graph, graph.network_view(network.id))
            size = len(scope.nodes(ACTOR_KINDS))
            k = self.sample_size if size > self.sample_above else None
            ranking = rank_brokers(scope, among=actors, k=k, seed=context.seed)
            highest = max((broker.betweenness for broker in ranking), default=0.0)
            return {broker.id: broker for broker in ranking}, highest

        key = ("brokers", network.id, self.sample_above, self.sample_size, context.seed)
        return context.cached(key, compute)

    def evaluate(self, subject: Subject, context: ScoringContext) -> Score:
        """Score one network."""
        assert isinstance(subject, Network)
        actors = _network_actors(subject, context.landscape)
        if not actors:
            return self.not_applicable(
                subject,
                nl="Het netwerk heeft geen leden, coördinatoren of deelnemers aan bijeenkomsten.",
                en="The network has no members, coordinators or meeting attendees.",
            )
        ranking, highest = self._ranking(subject, actors, context)
        scored = []
        for actor in actors:
            broker = ranking[actor]
            if broker.isolated:
                continue
            between = broker.betweenness / highest if highest > 0 else 0.0
            constraint = 1.0 if broker.constraint is None else min(broker.constraint, 1.0)
            scored.append(((between + (1 - constraint)) / 2, broker))
        if not scored:
            return self.not_applicable(
                subject,
                nl="Geen van de actoren van het netwerk heeft een band met iemand anders.",
                en="None of the network's actors has a tie to anyone else.",
            )
        scored.sort(key=lambda pair: (-pair[0], pair[1].id))
        chosen = scored[: self.top]
        value = sum(score for score, _ in chosen) / len(chosen)
        best = chosen[0][1]
        evidence = [
            Evidence(about=b.id, fact="brokerage", value=round(s, 4)) for s, b in chosen
        ] + [
            Evidence(about=best.id, fact="betweenness", value=round(best.betweenness, 4)),
            Evidence(
                about=best.id,
                fact="constraint",
                value=None if best.constraint is None else round(best.constraint, 4),
            ),
        ]
        recommendations = []
        if value < 0.5:
            recommendations.append(
                advice(
                    "Zoek verbinders die partijen samenbrengen die elkaar anders niet treffen.",
                    "Look for brokers who bring together parties that would not otherwise meet.",
                )
            )
        score = chosen[0][0]
        if best.betweenness == 0:
            why_nl = "er loopt geen kortste pad door; zijn contacten kennen elkaar al"
            why_en = "no shortest path runs through it; its contacts already know each other"
        else:
            why_nl = f"betweenness {dutch(best.betweenness)}"
            why_en = f"betweenness {best.betweenness:.2f}"
        shown = "-" if best.constraint is None else f"{best.constraint:.2f}"
        shown_nl = "-" if best.constraint is None else dutch(best.constraint)
        return self.result(
            subject,
            value,
            nl=f"De sterkste verbinder is {best.label} (verbindend vermogen {dutch(score)}: "
            f"{why_nl}; constraint {shown_nl}).",
            en=f"The strongest broker is {best.label} (brokerage {score:.2f}: {why_en}; "
            f"constraint {shown}).",
            evidence=evidence,
            recommendations=recommendations,
        )


def _bodies(landscape: Landscape, mun: Municipality) -> set[str]:
    """The municipality, its council, college and factions, and its organisations of government."""
    bodies = {mun.id, mun.council_id, mun.college_id, *(f.id for f in mun.council.factions)}
    bodies.update(
        org.id
        for org in landscape._organisations_by_municipality().get(mun.id, ())
        if org.sector.value == "overheid"
    )
    return bodies


def internal_actors(landscape: Landscape, municipality: str) -> set[str]:
    """The actors inside a municipal organisation: the municipality, its bodies and their people.

    The municipality, its council, college and factions; the organisations of
    sector ``overheid`` that belong to it (a rekenkamer); and the people who hold
    a role at, or act on behalf of, any of these.

    Examples
    --------
    >>> from democratie import examples
    >>> land = examples.load("delft-zeven-van-delft")
    >>> sorted(internal_actors(land, "delft"))
    ['delft', 'delft-college', 'delft-raad', 'p-rob-van-den-berg']
    """
    mun = landscape.get(municipality)
    assert isinstance(mun, Municipality)
    bodies = _bodies(landscape, mun)
    at, behalf = landscape._grouped("at"), landscape._grouped("on_behalf_of")
    people = {role.holder for body in bodies for role in (*at.get(body, ()), *behalf.get(body, ()))}
    return bodies | people


@frozen(kw_only=True)
class BridgingVsBonding(BaseRule):
    """Bridging vs bonding: how much of a municipal organisation's ties reach outside it.

    Stichtse Vecht describes "de interne en externe netwerken" of its
    gebiedsgericht werken: it works "niet alleen, maar juist door samen te werken
    met anderen". The actors inside the municipal organisation are found by
    :func:`internal_actors`; their ties to outsiders bridge, their ties to each
    other bond: Krackhardt and Stern's E-I index of the internal group, over the
    actor projection of the stakeholder graph (as
    :func:`democratie.graph.analysis.bridging_bonding` computes it per group).
    The ties are counted from the internal actors' own edges and venues, so one
    municipality costs what its organisation's ties cost, without projecting the
    whole graph.

    Parameters
    ----------
    name
        The rule's name.
    ignore_relations
        Relations that do not count as ties here: by default ``body_of``, the
        formal link of a council and a college to their municipality, which
        every municipality has.

    Notes
    -----
    EI = (E - I) / (E + I) over the ties of the internal actors; score =
    (EI + 1) / 2, so 1 is all bridging and 0 all bonding. Not applicable when no
    person or role inside the organisation is recorded (no role held at, or on
    behalf of, the municipality, its council, college, factions or its
    organisations of government), and when the internal actors have no ties.

    Changed: a municipality with no people or roles recorded inside it is no
    longer scored. Its only internal actor is then the municipality itself,
    whose ties (membership of a network, taking part in an initiative) reach
    outside by definition: a municipality that is only a member of one
    network scored 1.00 from its two ties, and every M50 municipality 1.00.

    References
    ----------
    Stichtse Vecht, gebiedsgericht werken 2022 (internal and external networks);
    Krackhardt, D., & Stern, R. N. (1988).

    Examples
    --------
    >>> import democratie.examples
    >>> from democratie.scoring import run
    >>> land = democratie.examples.load("delft-zeven-van-delft")
    >>> print(run(land, [BridgingVsBonding()])["delft"]["bridging_vs_bonding"])
    bridging_vs_bonding [delft]: 0.78 - Of 18 ties of the municipal organisation, 14 reach outside
    and 4 stay inside (E-I index +0.56).
    """

    name: str = "bridging_vs_bonding"
    title: ClassVar[Bilingual] = Bilingual(nl="Overbruggen en binden", en="Bridging vs bonding")
    applies_to: ClassVar[SubjectKind] = "municipality"
    source: ClassVar[str] = (
        "Stichtse Vecht (internal and external networks); Krackhardt & Stern 1988"
    )
    formula: ClassVar[str] = (
        "(EI + 1) / 2, EI = (E - I) / (E + I) over the ties of the municipal organisation"
    )
    ignore_relations: frozenset[str] = frozenset({"body_of"})

    def evaluate(self, subject: Subject, context: ScoringContext) -> Score:
        """Score one municipality."""
        assert isinstance(subject, Municipality)
        land = context.landscape
        inside = context.cached(
            ("internal-actors", subject.id), partial(internal_actors, land, subject.id)
        )
        bodies = _bodies(land, subject)
        if not inside - bodies:
            return self.not_applicable(
                subject,
                nl=(
                    "Er zijn geen mensen of rollen binnen de gemeentelijke organisatie "
                    "vastgelegd, dus geen netwerk van de organisatie om te meten: alleen de "
                    "gemeente zelf, en al haar banden gaan vanzelf naar buiten. Leg de rollen "
                    f"van haar mensen vast (roles, met at of on_behalf_of {subject.id}, "
                    f"{subject.council_id} of {subject.college_id})."
                ),
                en=(
                    "No people or roles inside the municipal organisation are recorded, so it "
                    "has no network of its own to measure: only the municipality itself, whose "
                    "ties all reach outside by definition. Record the roles of its people "
                    f"(roles, with at or on_behalf_of {subject.id}, {subject.council_id} or "
                    f"{subject.college_id})."
                ),
                evidence=[Evidence(about=subject.id, fact="internal_actors", value=len(inside))],
            )
        relations = TIE_RELATIONS - self.ignore_relations
        ties = projected_ties(context.graph, sorted(inside), relations)
        internal = external = 0
        for actor, others in ties.items():
            for other in others:
                if other not in inside:
                    external += 1
                elif actor < other:  # a tie inside is seen from both ends: count it once
                    internal += 1
        if internal + external == 0:
            return self.not_applicable(
                subject,
                nl="Er zijn geen banden van de gemeentelijke organisatie vastgelegd.",
                en="No ties of the municipal organisation are recorded.",
            )
        ei = (external - internal) / (external + internal)
        value = (ei + 1) / 2
        total = external + internal
        nl = (
            f"Van {plural(total, 'band', 'banden')} van de gemeentelijke organisatie gaan er "
            f"{external} naar buiten en blijven er {internal} binnen "
            f"(E-I-index {dutch(ei, '+.2f')})."
        )
        en = (
            f"Of {plural(total, 'tie', 'ties')} of the municipal organisation, {external} "
            f"{'reaches' if external == 1 else 'reach'} outside and {internal} "
            f"{'stays' if internal == 1 else 'stay'} inside (E-I index {ei:+.2f})."
        )
        recommendations = []
        if value < 0.5:
            recommendations.append(
                advice(
                    "Werk meer samen met partners buiten de gemeentelijke organisatie.",
                    "Work more with partners outside the municipal organisation.",
                )
            )
        elif internal == 0:
            recommendations.append(
                advice(
                    "Leg ook het interne netwerk vast: wie binnen de organisatie samenwerkt.",
                    "Record the internal network too: who works together inside the organisation.",
                )
            )
        return self.result(
            subject,
            value,
            nl=nl,
            en=en,
            evidence=[
                Evidence(about=subject.id, fact="ties.external", value=external),
                Evidence(about=subject.id, fact="ties.internal", value=internal),
                Evidence(about=subject.id, fact="internal_actors", value=len(inside)),
            ],
            recommendations=recommendations,
        )

"""Learning groups: the admitted municipalities of a trajectory in groups per region."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from typing import Any, Literal

from attrs import evolve, frozen

from democratie.errors import Problem
from democratie.model import Initiative, Landscape, Meeting, Municipality, Network
from democratie.plan._common import (
    Lang,
    budget_problems,
    check_problems,
    find_initiative,
    is_whole,
)
from democratie.plan._intake import Admission, assess_intakes
from democratie.plan._partition import jaccard, partition
from democratie.plan._solver import Certificate
from democratie.vocab import NetworkKind, QuestionTheme

__all__ = ["Group", "GroupPlan", "Match", "Move", "compose_groups"]

#: The region of a municipality whose province is not known.
NO_REGION = "onbekend"

#: The CBS landsdelen (NUTS 1), by province: Democratie in Actie's "regio Noord Nederland".
LANDSDELEN: dict[str, str] = {
    "Groningen": "Noord-Nederland",
    "Fryslân": "Noord-Nederland",
    "Drenthe": "Noord-Nederland",
    "Overijssel": "Oost-Nederland",
    "Flevoland": "Oost-Nederland",
    "Gelderland": "Oost-Nederland",
    "Utrecht": "West-Nederland",
    "Noord-Holland": "West-Nederland",
    "Zuid-Holland": "West-Nederland",
    "Zeeland": "West-Nederland",
    "Noord-Brabant": "Zuid-Nederland",
    "Limburg": "Zuid-Nederland",
}


@frozen(kw_only=True)
class Match:
    """A member's most similar fellow member of its group.

    Parameters
    ----------
    member
        The municipality.
    best
        Its closest fellow member (None in a group of one, or when it shares no theme
        with anyone in the group).
    similarity
        The Jaccard similarity of their theme sets.
    shared
        The themes they share.

    Examples
    --------
    >>> import democratie
    >>> from democratie.plan import compose_groups
    >>> land = democratie.load("examples/democratie-in-actie-noord-nederland.toml")
    >>> group = compose_groups(land, "dia-ontwikkeltraject-organisatieontwikkeling").groups[0]
    >>> match = group.matches[0]
    >>> match.member, match.best, round(match.similarity, 2), [theme.slug for theme in match.shared]
    ('assen', 'emmen', 0.33, ['houding_en_gedrag'])
    """

    member: str
    best: str | None
    similarity: float
    shared: tuple[QuestionTheme, ...] = ()


@frozen(kw_only=True)
class Group:
    """One learning group, and why it holds together.

    Parameters
    ----------
    id
        The id the group's network gets when the plan is applied.
    region
        The region it was formed in (a province, or ``"alle"`` for one pool).
    members
        The municipality ids, in id order.
    themes
        How many members named each theme, most named first.
    shared_themes
        The themes at least two members named, most named first.
    matches
        Each member's best match in the group.
    similarity
        The group's share of the objective: the sum of the similarities of its pairs.

    Examples
    --------
    >>> import democratie
    >>> from democratie.plan import compose_groups
    >>> land = democratie.load("examples/democratie-in-actie-noord-nederland.toml")
    >>> group = compose_groups(land, "dia-ontwikkeltraject-organisatieontwikkeling").groups[0]
    >>> group.id, group.region, group.members
    ('dia-ontwikkeltraject-organisatieontwikkeling-leergroep-drenthe-1', 'Drenthe', ('assen',
    'emmen', 'hoogeveen', 'meppel', 'midden-drenthe'))
    >>> [(theme.slug, count) for theme, count in group.themes][:2]
    [('rollen_en_functies', 2), ('houding_en_gedrag', 2)]
    >>> round(group.similarity, 3)
    1.0
    """

    id: str
    region: str
    members: tuple[str, ...]
    themes: tuple[tuple[QuestionTheme, int], ...]
    shared_themes: tuple[QuestionTheme, ...]
    matches: tuple[Match, ...]
    similarity: float


@frozen(kw_only=True)
class Move:
    """A member that a new plan puts in another group than the plan it was kept from.

    Examples
    --------
    After a late sign-up, the plan kept moves as few members as the objective allows:

    >>> import democratie
    >>> from attrs import evolve
    >>> from democratie.plan import compose_groups
    >>> land = democratie.load("examples/democratie-in-actie-noord-nederland.toml")
    >>> traject = land.get("dia-ontwikkeltraject-organisatieontwikkeling")
    >>> first = compose_groups(land, traject.id, size=5, by=None)
    >>> late = land.replace(evolve(traject, intakes=tuple(
    ...     evolve(intake, question="Hoe?", themes=("hr_beleid",))
    ...     if intake.municipality == "tynaarlo" else intake
    ...     for intake in traject.intakes)))
    >>> again = compose_groups(late, traject.id, size=5, by=None, keep=first)
    >>> for move in again.moved:
    ...     print(move.member, move.before[len(traject.id):], move.after[len(traject.id):])
    hoogeveen -leergroep-3 -leergroep-1
    """

    member: str
    before: str
    after: str


@frozen(kw_only=True)
class GroupPlan:
    """Learning groups for a trajectory, with the solver's certificate.

    The objective, stated: maximise, over the groups, the sum of the Jaccard similarity
    of the question themes of every pair of members of the same group. Within each
    region there are ``ceil(n / size)`` groups whose sizes differ by at most one.

    Parameters
    ----------
    initiative
        The trajectory's id.
    size, by
        The target group size, and how regions are formed (``"province"``,
        ``"landsdeel"`` or None).
    groups
        The groups, by region then first member.
    unplaced
        The municipalities that did not pass the intake gate, each with its reasons.
    objective, bound, optimal
        The objective of the plan, the best bound proved, and whether the plan is
        proven optimal (in every region).
    certificates
        The solver's certificate for each region.
    moved
        When re-planned with ``keep``: the members now in another group.

    Examples
    --------
    >>> import democratie
    >>> from democratie.plan import compose_groups
    >>> land = democratie.load("examples/democratie-in-actie-noord-nederland.toml")
    >>> plan = compose_groups(
    ...     land, "dia-ontwikkeltraject-organisatieontwikkeling", size=4, by="landsdeel"
    ... )
    >>> plan.optimal, [len(g.members) for g in plan.groups]
    (True, [3, 4, 4])
    >>> plan.groups[0].members
    ('assen', 'leeuwarden', 'smallingerland')
    >>> land = plan.apply(land)
    >>> land.get(plan.groups[0].id).kind.value
    'regionaal_leernetwerk'
    """

    initiative: str
    size: int
    by: str | None
    groups: tuple[Group, ...]
    unplaced: tuple[Admission, ...]
    objective: float
    bound: float
    optimal: bool
    certificates: tuple[tuple[str, Certificate], ...] = ()
    moved: tuple[Move, ...] = ()

    @classmethod
    def recorded(
        cls,
        landscape: Landscape,
        initiative: str | Initiative,
        *,
        by: Literal["province", "landsdeel"] | None = "province",
    ) -> GroupPlan | None:
        """The learning groups a landscape already holds for an initiative, as a plan to keep.

        The networks of kind ``regionaal_leernetwerk`` formed for the initiative (an
        applied plan, or groups recorded by hand) whose members lie in one region under
        *by*: a group formed by another grouping (a landsdeel, when *by* is now the
        province) is not kept. Pass it as ``keep=`` to re-plan after a late sign-up;
        None when the landscape holds no such groups.

        Examples
        --------
        >>> import democratie
        >>> from democratie.plan import compose_groups
        >>> land = democratie.load("examples/democratie-in-actie-noord-nederland.toml")
        >>> traject = "dia-ontwikkeltraject-organisatieontwikkeling"
        >>> GroupPlan.recorded(land, traject) is None
        True
        >>> planned = compose_groups(land, traject, by="landsdeel").apply(land)
        >>> [len(g.members) for g in GroupPlan.recorded(planned, traject, by="landsdeel").groups]
        [6, 5]
        """
        found = find_initiative(landscape, initiative)
        themes = {i.municipality: frozenset(i.themes) for i in found.intakes}
        groups = []
        for network in landscape.networks:
            if network.initiative != found.id:
                continue
            if network.kind is not NetworkKind.REGIONAAL_LEERNETWERK:
                continue
            members = sorted(m for m in network.members if landscape.kind_of(m) == "municipality")
            if not members:
                continue
            regions = Counter(_region(landscape, m, by) for m in members)
            if len(regions) > 1:
                continue  # formed by another grouping (by landsdeel, now by province)
            (region,) = regions
            sets = [themes.get(m, frozenset()) for m in members]
            groups.append(_group(network.id, region, members, sets, members))
        if not groups:
            return None
        return cls(
            initiative=found.id,
            size=max(len(g.members) for g in groups),
            by=by,
            groups=tuple(groups),
            unplaced=(),
            objective=sum(g.similarity for g in groups),
            bound=sum(g.similarity for g in groups),
            optimal=False,
        )

    def group_of(self, municipality: str) -> Group | None:
        """The group a municipality is placed in, or None."""
        for group in self.groups:
            if municipality in group.members:
                return group
        return None

    def apply(self, landscape: Landscape) -> Landscape:
        """A new landscape with one regional learning network per group.

        Each group becomes a :class:`~democratie.model.Network` of kind
        ``regionaal_leernetwerk`` with its members, formed for the initiative
        (``initiative``) and part of the initiative's own network when it has one; the
        placed municipalities are added to the initiative's ``municipalities``.

        A group the landscape already holds (same id: a kept group, or one of an earlier
        plan) gets its new members and nothing else changes: its name, description,
        coordinators and meetings stay as they were, except that a meeting not yet held
        whose host has left the group has no host any more (plan its meetings again to
        choose one; :meth:`departing_hosts` lists them). A group of an earlier plan that this
        plan no longer has is removed, unless it holds meetings.

        Raises
        ------
        PlanError
            When a group of an earlier plan that this plan dissolves holds meetings:
            move or remove them first, so that no meeting is lost.
        """
        initiative = find_initiative(landscape, self.initiative)
        parent = initiative.network
        coordinators: tuple[str, ...] = ()
        if parent is not None:
            own = landscape.get(parent)
            assert isinstance(own, Network)
            coordinators = own.coordinators
        planned = {group.id for group in self.groups}
        dissolved = [
            n
            for n in landscape.networks
            if n.initiative == initiative.id
            and n.kind is NetworkKind.REGIONAAL_LEERNETWERK
            and n.id not in planned
        ]
        check_problems(
            Problem(
                path=f"groups.{n.id}",
                message=(
                    f"this plan dissolves the learning group '{n.id}', which holds "
                    f"{len(n.meetings)} meeting{'s' if len(n.meetings) != 1 else ''}; move "
                    "or remove them first, so that no meeting is lost"
                ),
            )
            for n in dissolved
            if n.meetings
        )
        updated: list[Network] = []
        new: list[Network] = []
        for group in self.groups:
            themes = tuple(theme.label_nl for theme in group.shared_themes)
            if group.id in landscape:
                earlier = landscape.get(group.id)
                if not isinstance(earlier, Network):
                    message = f"'{group.id}' is {landscape.kind_of(group.id)}, not a network"
                    check_problems([Problem(path=f"groups.{group.id}", message=message)])
                assert isinstance(earlier, Network)
                updated.append(
                    evolve(
                        earlier,
                        members=group.members,
                        themes=themes,
                        meetings=_without_departed_hosts(landscape, earlier, group.members),
                    )
                )
            else:
                new.append(
                    Network(
                        id=group.id,
                        name=_group_name(group),
                        kind=NetworkKind.REGIONAAL_LEERNETWERK,
                        members=group.members,
                        themes=themes,
                        parent=parent,
                        initiative=initiative.id,
                        coordinators=coordinators,
                    )
                )
        placed = tuple(m for group in self.groups for m in group.members)
        enrolled = tuple(dict.fromkeys((*initiative.municipalities, *placed)))
        result = landscape
        if dissolved:
            result = result.remove(*(n.id for n in dissolved))
        result = result.replace(*updated, evolve(initiative, municipalities=enrolled))
        if new:
            result = result.add(*new)
        return result

    def departing_hosts(self, landscape: Landscape) -> tuple[tuple[str, str], ...]:
        """The planned meetings of kept groups whose host this plan moves out: (meeting, host).

        Examples
        --------
        >>> import democratie
        >>> from democratie.plan import compose_groups
        >>> land = democratie.load("examples/democratie-in-actie-noord-nederland.toml")
        >>> plan = compose_groups(land, "dia-ontwikkeltraject-organisatieontwikkeling")
        >>> plan.departing_hosts(land)
        ()
        """
        found: list[tuple[str, str]] = []
        for group in self.groups:
            if group.id not in landscape:
                continue
            earlier = landscape.get(group.id)
            if isinstance(earlier, Network):
                found.extend(
                    (m.id, m.host)
                    for m in earlier.meetings
                    if m.held is not True and m.host is not None and m.host not in group.members
                )
        return tuple(found)

    def explain(self, lang: Lang = "en") -> list[str]:
        """The plan in sentences: the objective, the certificate, each group and who is out."""
        nl = lang == "nl"
        lines = []
        if nl:
            lines.append(
                "Doel: de som, over de groepen, van de Jaccard-overeenkomst van de thema's "
                "van elk paar leden zo groot mogelijk maken."
            )
            proof = "bewezen optimaal" if self.optimal else "niet bewezen optimaal"
            lines.append(f"Uitkomst {self.objective:.3f}, bovengrens {self.bound:.3f} ({proof}).")
        else:
            lines.append(
                "Objective: maximise the sum, over groups, of the Jaccard similarity of the "
                "themes of every pair of members."
            )
            proof = "proven optimal" if self.optimal else "not proven optimal"
            lines.append(f"Objective {self.objective:.3f}, bound {self.bound:.3f} ({proof}).")
        for group in self.groups:
            shared = ", ".join(t.label(lang) for t in group.shared_themes) or "-"
            head = "Gedeelde thema's" if nl else "Shared themes"
            lines.append(f"{group.id} ({group.region}, {len(group.members)}): {head}: {shared}.")
            for match in group.matches:
                if match.best is None:
                    alone = (
                        "deelt met geen ander lid een thema"
                        if nl
                        else "shares no theme with another member"
                    )
                    lines.append(f"  {match.member} {alone}")
                    continue
                with_ = "past het best bij" if nl else "best matches"
                lines.append(f"  {match.member} {with_} {match.best} ({match.similarity:.2f})")
        for admission in self.unplaced:
            why = "; ".join(r.text(lang) for r in admission.reasons)
            out = "niet geplaatst" if nl else "not placed"
            lines.append(f"{admission.municipality}: {out}: {why}")
        for move in self.moved:
            moved = "verhuisd van" if nl else "moved from"
            to = "naar" if nl else "to"
            lines.append(f"{move.member}: {moved} {move.before} {to} {move.after}")
        return lines

    def to_dict(self) -> dict[str, Any]:
        """The plan as plain data for JSON (deterministic: no timings)."""
        return {
            "initiative": self.initiative,
            "size": self.size,
            "by": self.by,
            "objective": round(self.objective, 6),
            "bound": round(self.bound, 6),
            "optimal": self.optimal,
            "regions": {
                region: {
                    "objective": round(c.objective, 6),
                    "bound": round(c.bound, 6),
                    "optimal": c.optimal,
                    "status": c.status,
                }
                for region, c in self.certificates
            },
            "groups": [
                {
                    "id": g.id,
                    "region": g.region,
                    "members": list(g.members),
                    "shared_themes": [t.value for t in g.shared_themes],
                    "similarity": round(g.similarity, 6),
                    "best_matches": {
                        m.member: {
                            "best": m.best,
                            "similarity": round(m.similarity, 6),
                            "shared": [t.value for t in m.shared],
                        }
                        for m in g.matches
                    },
                }
                for g in self.groups
            ],
            "unplaced": {
                a.municipality: [{"code": r.code, "en": r.en, "nl": r.nl} for r in a.reasons]
                for a in self.unplaced
            },
            "moved": [{"member": m.member, "from": m.before, "to": m.after} for m in self.moved],
        }


def compose_groups(
    landscape: Landscape,
    initiative: str | Initiative,
    *,
    size: int = 10,
    by: Literal["province", "landsdeel"] | None = "province",
    time_limit: float = 10.0,
    seed: int = 0,
    keep: GroupPlan | None = None,
) -> GroupPlan:
    """Compose the learning groups of a trajectory from the municipalities it admitted.

    Democratie in Actie: "Na een lokale intake worden de vraagstukken verzameld en wordt
    de regionale leergroep samengesteld", "10 gemeenten per regio". Only municipalities
    that pass :func:`assess_intakes` are placed. Within each region there are
    ``ceil(n / size)`` groups, whose sizes differ by at most one, chosen to maximise the
    sum over groups of the Jaccard similarity of the question themes of every pair of
    members. OR-Tools CP-SAT solves it exactly, with one worker and a fixed seed, so the
    same landscape gives the same plan.

    Parameters
    ----------
    landscape
        The landscape with the initiative and its intakes.
    initiative
        The trajectory (or its id).
    size
        The target group size, at least 2.
    by
        ``"province"`` forms groups within each province (from the CBS list);
        ``"landsdeel"`` within each CBS landsdeel (Noord-, Oost-, West-, Zuid-Nederland:
        the seed's "regio Noord Nederland"); None puts every admitted municipality in
        one pool.
    time_limit
        The search budget for the whole plan, in CP-SAT's deterministic time (the
        solver's own reproducible measure of work, about a second a unit), shared out
        over the regions by their number of pairs. A region cut short gets the best plan
        found, marked ``optimal=False``, with the best bound proved, so a plan cut short
        is still the same on every run. Before the search, each region of up to 64
        members gets a fixed number of rounds of triangle cuts from its linear
        relaxation (GLOP), which tighten the bound: about 0.4 s for 40 members, 0.9 s
        for 56, not counted in the budget.
    seed
        The solver's random seed.
    keep
        An earlier plan for the same initiative (after a late sign-up, say): among the
        best plans, one that moves the fewest of its members, keeping its group ids.

    Raises
    ------
    PlanError
        When the initiative is unknown, ``size`` is below 2, ``by`` is not a known
        grouping, or ``keep`` is a plan for another initiative.
    SolverUnavailableError
        When OR-Tools is not installed.

    Examples
    --------
    >>> import democratie
    >>> land = democratie.load("examples/democratie-in-actie-noord-nederland.toml")
    >>> plan = compose_groups(land, "dia-ontwikkeltraject-organisatieontwikkeling")
    >>> [(g.region, len(g.members)) for g in plan.groups]
    [('Drenthe', 5), ('Fryslân', 3), ('Groningen', 3)]
    >>> sorted(a.municipality for a in plan.unplaced)
    ['midden-groningen', 'noordenveld', 'tynaarlo']
    """
    found = find_initiative(landscape, initiative)
    problems = []
    if not is_whole(size, 2):
        problems.append(
            Problem(
                path="size",
                message=f"the group size must be a whole number of at least 2, got {size!r}",
            )
        )
    problems.extend(budget_problems(time_limit))
    if by not in ("province", "landsdeel", None):
        problems.append(
            Problem(path="by", message=f"expected 'province', 'landsdeel' or None, got {by!r}")
        )
    if keep is not None and keep.initiative != found.id:
        problems.append(
            Problem(
                path="keep",
                message=f"the plan to keep is for '{keep.initiative}', not for '{found.id}'",
            )
        )
    check_problems(problems)
    gate = assess_intakes(landscape, found)
    admitted = [a for a in gate.values() if a.admitted]
    regions: dict[str, list[Admission]] = {}
    for admission in sorted(admitted, key=lambda a: a.municipality):
        regions.setdefault(_region(landscape, admission.municipality, by), []).append(admission)
    earlier = _earlier(keep)
    groups: list[Group] = []
    certificates: list[tuple[str, Certificate]] = []
    moved: list[Move] = []
    # One budget for the whole plan, shared out over the regions by their number of
    # pairs, and what a region leaves unused goes to the next (all in deterministic time).
    budget = time_limit
    pairs_left = sum(len(m) * (len(m) - 1) for m in regions.values())
    for region in sorted(regions):
        members = regions[region]
        pairs = len(members) * (len(members) - 1)
        share = budget * pairs / pairs_left if pairs_left else budget
        pairs_left -= pairs
        sets = [frozenset(a.themes) for a in members]
        ids = [a.municipality for a in members]
        labels = earlier.get(region, [])
        previous = None
        if labels:
            previous = [
                labels.index(keep_group)
                if (keep_group := _group_id_of(keep, m)) in labels
                else None
                for m in ids
            ]
        result = partition(
            sets,
            size,
            universe=len(QuestionTheme),
            time_limit=max(share, 0.01),
            seed=seed,
            previous=previous,
        )
        budget = max(budget - result.work, 0.0)
        certificates.append((region, result.certificate))
        names = _name_groups(found.id, region, by, result.assignment, labels)
        by_group: dict[int, list[int]] = {}
        for index, g in enumerate(result.assignment):
            by_group.setdefault(g, []).append(index)
        for g in sorted(by_group, key=lambda g: ids[by_group[g][0]]):
            groups.append(_group(names[g], region, [ids[i] for i in by_group[g]], sets, ids))
        for index in result.moved:
            before = labels[previous[index]]  # type: ignore[index]
            moved.append(
                Move(member=ids[index], before=before, after=names[result.assignment[index]])
            )
    return GroupPlan(
        initiative=found.id,
        size=size,
        by=by,
        groups=tuple(groups),
        unplaced=tuple(a for a in gate.values() if not a.admitted),
        objective=sum(c.objective for _, c in certificates),
        bound=sum(c.bound for _, c in certificates),
        optimal=all(c.optimal for _, c in certificates),
        certificates=tuple(certificates),
        moved=tuple(moved),
    )


def _region(landscape: Landscape, municipality: str, by: str | None) -> str:
    if by is None:
        return "alle"
    found = landscape.get(municipality)
    assert isinstance(found, Municipality)
    if found.province is None:
        return NO_REGION
    return LANDSDELEN.get(found.province, NO_REGION) if by == "landsdeel" else found.province


def _earlier(keep: GroupPlan | None) -> dict[str, list[str]]:
    """The group ids of an earlier plan, per region, in its order."""
    result: dict[str, list[str]] = {}
    if keep is not None:
        for group in keep.groups:
            result.setdefault(group.region, []).append(group.id)
    return result


def _group_id_of(plan: GroupPlan | None, municipality: str) -> str | None:
    if plan is None:
        return None
    group = plan.group_of(municipality)
    return group.id if group is not None else None


def _name_groups(
    initiative: str,
    region: str,
    by: str | None,
    assignment: tuple[int, ...],
    labels: list[str],
) -> dict[int, str]:
    """Group ids: kept ones keep theirs; new ones are numbered after them."""
    stem = f"{initiative}-leergroep" + (f"-{_slug(region)}" if by is not None else "")
    names: dict[int, str] = {}
    used = set(labels)
    number = 1
    order = sorted(set(assignment), key=lambda g: (g >= len(labels), assignment.index(g)))
    for g in order:
        if g < len(labels):
            names[g] = labels[g]
            continue
        while f"{stem}-{number}" in used:
            number += 1
        names[g] = f"{stem}-{number}"
        used.add(names[g])
    return names


def _group(
    group_id: str,
    region: str,
    members: list[str],
    sets: list[frozenset[QuestionTheme]],
    ids: list[str],
) -> Group:
    position = {m: ids.index(m) for m in members}
    counts = Counter(t for m in members for t in sets[position[m]])
    order = list(QuestionTheme)
    themes = tuple(sorted(counts.items(), key=lambda item: (-item[1], order.index(item[0]))))
    matches = []
    total = 0.0
    for m in members:
        best: str | None = None
        best_value = -1.0
        for other in members:
            if other == m:
                continue
            value = float(jaccard(sets[position[m]], sets[position[other]]))
            if value > best_value:
                best, best_value = other, value
            if other > m:
                total += value
        if best_value <= 0:
            best = None  # no theme in common with anyone in the group
        shared = (
            tuple(t for t in order if t in sets[position[m]] & sets[position[best]])
            if best is not None
            else ()
        )
        matches.append(Match(member=m, best=best, similarity=max(best_value, 0.0), shared=shared))
    return Group(
        id=group_id,
        region=region,
        members=tuple(members),
        themes=themes,
        shared_themes=tuple(t for t, c in themes if c >= 2),
        matches=tuple(matches),
        similarity=total,
    )


def _without_departed_hosts(
    landscape: Landscape, network: Network, members: tuple[str, ...]
) -> tuple[Meeting, ...]:
    """The network's meetings, those not yet held losing a host who is no longer a member."""
    kept = []
    for meeting in network.meetings:
        if meeting.held is not True and meeting.host is not None and meeting.host not in members:
            derived = meeting.location == landscape.name_of(meeting.host)
            meeting = evolve(meeting, host=None, location=None if derived else meeting.location)
        kept.append(meeting)
    return tuple(kept)


def _group_name(group: Group) -> str:
    """``Leergroep Noord-Nederland 1``: the network says which initiative it serves."""
    number = group.id.rsplit("-", 1)[-1]
    where = f" {group.region}" if group.region != "alle" else ""
    return f"Leergroep{where} {number}"


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "regio"

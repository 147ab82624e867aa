"""Lessons of other initiatives, ranked by what they share with an initiative, from an index.

Leusden wants to pass on its "do's en dont's"; Democratie in Actie bundles what was learned
"en verspreid naar andere regio's". Which of the lessons recorded across a corpus of
landscapes (one file per municipality, region or network) are worth reading for one
initiative? Those of initiatives like it: in the same policy domains, on the same intake
themes, serving the same service goals, of the same kind, in municipalities of a similar
size. :class:`LessonIndex` reads the corpus once; each question is then answered from the
index, without looking at every lesson again.

Examples
--------
The weights of the formula of :func:`recommend_lessons`; an initiative is named by its id
(an :data:`InitiativeRef`), or by ``(landscape, id)`` where several landscapes hold it:

>>> DOMAIN_WEIGHT, THEME_WEIGHT, SERVICE_GOAL_WEIGHT, KIND_WEIGHT, SIZE_WEIGHT
(3.0, 2.0, 1.0, 1.5, 1.0)
>>> import democratie
>>> land = democratie.load("examples/leusden-samenleving-voorop.toml")
>>> named: InitiativeRef = (0, "samenleving-voorop-bestuur")
>>> recommend_lessons([land], named, top=1)[0].score == DOMAIN_WEIGHT
True
"""

from __future__ import annotations

import difflib
import heapq
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any, Final, TypeAlias

from attrs import frozen

from democratie.errors import MonitorError, Problem
from democratie.model import Initiative, Landscape, Lesson, Municipality
from democratie.monitor._common import Lang
from democratie.vocab import InitiativeKind, PolicyDomain, QuestionTheme, ServiceGoal, Term

__all__ = [
    "DOMAIN_WEIGHT",
    "KIND_WEIGHT",
    "SERVICE_GOAL_WEIGHT",
    "SIZE_SPAN",
    "SIZE_WEIGHT",
    "THEME_WEIGHT",
    "InitiativeRef",
    "LessonIndex",
    "Match",
    "Recommendation",
    "recommend_lessons",
]

#: Points for sharing every policy domain (times the Jaccard similarity of the two sets).
DOMAIN_WEIGHT: Final = 3.0
#: Points for sharing every intake question theme (times their Jaccard similarity).
THEME_WEIGHT: Final = 2.0
#: Points for serving the same service goals (times their Jaccard similarity).
SERVICE_GOAL_WEIGHT: Final = 1.0
#: Points for being the same kind of initiative.
KIND_WEIGHT: Final = 1.5
#: Points for municipalities of the same size, falling to none at :data:`SIZE_SPAN` seats apart.
SIZE_WEIGHT: Final = 1.0
SIZE_SPAN: Final = 18
"""Council seats apart at which municipalities no longer count as of a similar size.

The model records no number of inhabitants; the size of a council follows it by law
(Gemeentewet, article 8: 9 seats up to 3,000 inhabitants, 45 above 200,000), so the seats
stand for the size. Eighteen seats is about the step from a town of 20,000 (19 seats) to a
city of 150,000 (39 seats) and more.

Examples
--------
>>> from democratie.monitor import SIZE_WEIGHT
>>> round(SIZE_WEIGHT * (1 - abs(19 - 23) / SIZE_SPAN), 3)
0.778
"""

#: An initiative named in a corpus of landscapes: its id, or (landscape index or title, id).
InitiativeRef: TypeAlias = str | tuple[int | str, str]

_DOMAINS: Final = {term: 1 << bit for bit, term in enumerate(PolicyDomain)}
_THEMES: Final = {term: 1 << bit for bit, term in enumerate(QuestionTheme)}
_GOALS: Final = {term: 1 << bit for bit, term in enumerate(ServiceGoal)}
_KINDS: Final = {term: index for index, term in enumerate(InitiativeKind)}


@frozen(kw_only=True)
class Match:
    """One fact a recommended lesson's initiative shares with the one asked about.

    Parameters
    ----------
    code
        What is shared: ``domains``, ``themes``, ``service_goals``, ``kind``, ``size``; or a
        note worth no points: ``transferable_unknown``, ``other_landscape``.
    points
        What it adds to the score.
    en, nl
        The fact in words.

    Examples
    --------
    >>> Match(code="kind", points=1.5, en="also a challenge", nl="ook een challenge").text("nl")
    'ook een challenge'
    """

    code: str
    points: float
    en: str
    nl: str

    def text(self, lang: Lang = "en") -> str:
        """The fact in the given language."""
        return self.nl if lang == "nl" else self.en


@frozen(kw_only=True)
class Recommendation:
    """A lesson of another initiative, with its score and why it is recommended.

    Parameters
    ----------
    rank
        Its place, from 1.
    score
        The sum of the points of :attr:`why` (see :func:`recommend_lessons`).
    lesson
        The lesson itself.
    initiative
        The id of the initiative that learned it.
    initiative_title
        That initiative's title.
    landscape
        The index of its landscape in the corpus, from 0.
    landscape_title
        That landscape's title, if it has one.
    municipalities
        The names of the initiative's municipalities.
    lesson_index
        Where the lesson is in ``initiative.lessons``.
    why
        The facts it shares with the initiative asked about, and the notes.

    Examples
    --------
    >>> import democratie
    >>> from democratie.monitor import recommend_lessons
    >>> land = democratie.load("examples/leusden-samenleving-voorop.toml")
    >>> best = recommend_lessons([land], "samenleving-voorop-bestuur", top=1)[0]
    >>> best.rank, best.initiative, best.score
    (1, 'samenleving-voorop', 3.0)
    >>> print(best.explain("en"))
    1. [3.00] Do: Wat werkt wel om tot een cultuurverandering in de organisatie te komen, en om
    de samenleving in beweging te krijgen. (Samenleving Voorop, Leusden)
       why: shares the policy domain Governance
    """

    rank: int
    score: float
    lesson: Lesson
    initiative: str
    initiative_title: str
    landscape: int
    landscape_title: str | None = None
    municipalities: tuple[str, ...] = ()
    lesson_index: int
    why: tuple[Match, ...] = ()

    def explain(self, lang: Lang = "en") -> str:
        """The recommendation in two lines: the lesson and where it comes from, then why."""
        where = ", ".join((self.initiative_title, *self.municipalities))
        head = f"{self.rank}. [{self.score:.2f}] {self.lesson.kind.label(lang)}: {self.lesson.text}"
        reasons = "; ".join(match.text(lang) for match in self.why)
        label = "waarom" if lang == "nl" else "why"
        return f"{head} ({where})\n   {label}: {reasons}"

    def to_dict(self) -> dict[str, Any]:
        """The recommendation as plain data for JSON.

        Examples
        --------
        >>> import democratie
        >>> from democratie.monitor import recommend_lessons
        >>> land = democratie.load("examples/leusden-samenleving-voorop.toml")
        >>> data = recommend_lessons([land], "samenleving-voorop-bestuur", top=1)[0].to_dict()
        >>> data["initiative"], data["lesson"]["kind"], data["why"][0]["code"]
        ('samenleving-voorop', 'doen', 'domains')
        """
        return {
            "rank": self.rank,
            "score": self.score,
            "lesson": {
                "text": self.lesson.text,
                "kind": self.lesson.kind.value,
                "transferable": self.lesson.transferable,
                "index": self.lesson_index,
            },
            "initiative": self.initiative,
            "initiative_title": self.initiative_title,
            "landscape": self.landscape,
            "landscape_title": self.landscape_title,
            "municipalities": list(self.municipalities),
            "why": [{"code": m.code, "points": m.points, "en": m.en, "nl": m.nl} for m in self.why],
        }


@frozen(kw_only=True)
class _Profile:
    """What an initiative is compared by, as bit sets: built once per initiative."""

    landscape: int
    position: int
    initiative: Initiative
    domains: int
    themes: int
    goals: int
    kind: int
    seats: float | None
    municipalities: tuple[str, ...]


def _bits(terms: Iterable[Term], table: dict[Any, int]) -> int:
    found = 0
    for term in terms:
        found |= table[term]
    return found


def _profile(landscape: Landscape, index: int, position: int, initiative: Initiative) -> _Profile:
    seats = []
    names = []
    for mid in initiative.municipalities:
        if mid not in landscape:
            continue
        municipality = landscape.get(mid)
        if isinstance(municipality, Municipality):
            names.append(municipality.name)
            if municipality.council.seats is not None:
                seats.append(municipality.council.seats)
    themes = (theme for intake in initiative.intakes for theme in intake.themes)
    return _Profile(
        landscape=index,
        position=position,
        initiative=initiative,
        domains=_bits(initiative.domains, _DOMAINS),
        themes=_bits(themes, _THEMES),
        goals=_bits(initiative.service_goals, _GOALS),
        kind=_KINDS[initiative.kind],
        seats=sum(seats) / len(seats) if seats else None,
        municipalities=tuple(names),
    )


def _jaccard(a: int, b: int) -> float:
    union = a | b
    return (a & b).bit_count() / union.bit_count() if union else 0.0


def _terms(bits: int, table: dict[Any, int]) -> list[Term]:
    return [term for term, bit in table.items() if bits & bit]


def _named(terms: list[Term], lang: Lang) -> str:
    return ", ".join(term.label(lang) for term in terms)


#: The sets compared, with their weight, their bits and their name in English and Dutch.
_SETS: Final = (
    ("domains", DOMAIN_WEIGHT, _DOMAINS, "policy domain", "beleidsdomein"),
    ("themes", THEME_WEIGHT, _THEMES, "intake theme", "intakethema"),
    ("goals", SERVICE_GOAL_WEIGHT, _GOALS, "service goal", "servicedoel"),
)


def _matches(asked: _Profile, other: _Profile) -> list[Match]:
    """The facts *other* shares with *asked*, with their points, in the order of the formula."""
    found: list[Match] = []
    for code, weight, table, en, nl in _SETS:
        mine, theirs = getattr(asked, code), getattr(other, code)
        shared = mine & theirs
        if not shared:
            continue
        terms = _terms(shared, table)
        plural_en, plural_nl = ("s", "en") if len(terms) > 1 else ("", "")
        found.append(
            Match(
                code="service_goals" if code == "goals" else code,
                points=weight * _jaccard(mine, theirs),
                en=f"shares the {en}{plural_en} {_named(terms, 'en')}",
                nl=f"deelt het {nl}{plural_nl} {_named(terms, 'nl')}"
                if not plural_nl
                else f"deelt de {nl}{plural_nl} {_named(terms, 'nl')}",
            )
        )
    if asked.kind == other.kind:
        kind = other.initiative.kind
        found.append(
            Match(
                code="kind",
                points=KIND_WEIGHT,
                en=f"also a {kind.label_en.lower()}",
                nl=f"ook een {kind.label_nl.lower()}",
            )
        )
    return found


def _size(asked: _Profile, other: _Profile) -> Match | None:
    if asked.seats is None or other.seats is None:
        return None
    closeness = 1 - abs(asked.seats - other.seats) / SIZE_SPAN
    if closeness <= 0:
        return None
    return Match(
        code="size",
        points=SIZE_WEIGHT * closeness,
        en=f"municipalities of a similar size ({asked.seats:g} and {other.seats:g} council seats)",
        nl=f"gemeenten van vergelijkbare omvang ({asked.seats:g} en {other.seats:g} raadszetels)",
    )


class LessonIndex:
    """An index of the lessons of a corpus of landscapes, to recommend from quickly.

    Built once from the landscapes (:meth:`build`): every initiative with a lesson that may
    carry over gets a profile (its policy domains, intake themes and service goals as bit
    sets, its kind, the mean council seats of its municipalities), and each domain, theme,
    service goal and kind lists the initiatives that have it. A question
    (:meth:`recommend`) scores only the initiatives that share at least one of these with
    the initiative asked about, by :func:`recommend_lessons`'s formula.

    Parameters
    ----------
    landscapes
        The corpus, in order; recommendations name a landscape by its place in it.

    Notes
    -----
    Building is linear in the size of the corpus. A question costs a look-up per domain,
    theme, service goal and kind of the initiative asked about, and a few integer
    operations per initiative that shares one of them; it never looks at a lesson whose
    initiative shares nothing.

    Examples
    --------
    >>> import democratie
    >>> from democratie import examples
    >>> index = LessonIndex.build(examples.load(name) for name in examples.NAMES)
    >>> len(index.landscapes), index.lessons
    (5, 24)
    >>> [r.initiative for r in index.recommend("thorbecke-experimenten", top=2)]
    ['samenleving-voorop', 'samenleving-voorop']
    """

    __slots__ = ("_by_feature", "_ids", "_profiles", "landscapes", "lessons")

    def __init__(self, landscapes: Iterable[Landscape]) -> None:
        self.landscapes: tuple[Landscape, ...] = tuple(landscapes)
        self._profiles: list[_Profile] = []
        self._by_feature: defaultdict[tuple[str, int], list[int]] = defaultdict(list)
        self._ids: defaultdict[str, list[tuple[int, int]]] = defaultdict(list)
        lessons = 0
        for index, landscape in enumerate(self.landscapes):
            for position, initiative in enumerate(landscape.initiatives):
                self._ids[initiative.id].append((index, position))
                if not any(lesson.transferable is not False for lesson in initiative.lessons):
                    continue
                lessons += sum(lesson.transferable is not False for lesson in initiative.lessons)
                profile = _profile(landscape, index, position, initiative)
                number = len(self._profiles)
                self._profiles.append(profile)
                for feature in _features(profile):
                    self._by_feature[feature].append(number)
        #: How many lessons the index can recommend (those not marked as not transferable).
        self.lessons = lessons

    @classmethod
    def build(cls, landscapes: Iterable[Landscape]) -> LessonIndex:
        """Index the lessons of *landscapes* (any iterable; it is read once).

        Examples
        --------
        >>> import democratie
        >>> land = democratie.load("examples/m50-leerkring-waalwijk.toml")
        >>> LessonIndex.build([land]).lessons
        15
        """
        return cls(landscapes)

    def find(self, initiative: InitiativeRef) -> tuple[int, Initiative]:
        """The landscape index and the initiative that *initiative* names in the corpus.

        Parameters
        ----------
        initiative
            An id that exactly one landscape holds, or ``(landscape, id)`` with the
            landscape's index in the corpus or its title.

        Raises
        ------
        MonitorError
            When no landscape holds the id (with the nearest id), more than one does (naming
            them), or the landscape named is not in the corpus.

        Examples
        --------
        >>> import democratie
        >>> land = democratie.load("examples/leusden-samenleving-voorop.toml")
        >>> index = LessonIndex.build([land, land])
        >>> index.find((1, "samenleving-voorop"))[0]
        1
        >>> index.find("samenleving-voorop")
        Traceback (most recent call last):
            ...
        democratie.errors.MonitorError: for_initiative: 'samenleving-voorop' is in 2 landscapes:
        0 (Samenleving Voorop (Leusden)), 1 (Samenleving Voorop (Leusden)); name one as
        (landscape, id)
        """
        if isinstance(initiative, tuple):
            which, wanted = initiative
            place = self._landscape(which)
            found = [(i, p) for i, p in self._ids.get(wanted, ()) if i == place]
            if not found:
                self._fail(f"'{wanted}' is not an initiative of landscape {place}", wanted, place)
        else:
            wanted = initiative
            found = list(self._ids.get(wanted, ()))
            if not found:
                self._fail(f"'{wanted}' is not an initiative in any landscape", wanted, None)
            if len(found) > 1:
                named = ", ".join(
                    f"{i} ({self.landscapes[i].title or 'untitled'})" for i, _ in found[:5]
                )
                more = f" and {len(found) - 5} more" if len(found) > 5 else ""
                message = (
                    f"'{wanted}' is in {len(found)} landscapes: {named}{more}; name one as "
                    "(landscape, id)"
                )
                raise MonitorError([Problem(path="for_initiative", message=message)])
        index, position = found[0]
        return index, self.landscapes[index].initiatives[position]

    def _landscape(self, which: int | str) -> int:
        if isinstance(which, int) and not isinstance(which, bool):
            if 0 <= which < len(self.landscapes):
                return which
            message = f"there is no landscape {which}: the corpus has {len(self.landscapes)}"
            raise MonitorError([Problem(path="for_initiative", message=message)])
        titled = [i for i, land in enumerate(self.landscapes) if land.title == which]
        if len(titled) == 1:
            return titled[0]
        message = (
            f"{len(titled)} landscapes have the title {which!r}; name the landscape by its place"
            if titled
            else f"no landscape has the title {which!r}"
        )
        raise MonitorError([Problem(path="for_initiative", message=message)])

    def _fail(self, message: str, wanted: str, place: int | None) -> None:
        known = [
            key
            for key, places in self._ids.items()
            if place is None or any(i == place for i, _ in places)
        ]
        # A suggestion compares the id with every other: not worth it in a huge corpus.
        hint = (
            difflib.get_close_matches(wanted, known, n=1, cutoff=0.6) if len(known) < 50_000 else []
        )
        message += f"; did you mean '{hint[0]}'?" if hint else ""
        raise MonitorError(
            [Problem(path="for_initiative", message=message, code="dangling-reference")]
        )

    def recommend(
        self, for_initiative: InitiativeRef, *, top: int = 10
    ) -> tuple[Recommendation, ...]:
        """The *top* lessons of other initiatives for *for_initiative*, best first.

        See :func:`recommend_lessons` for the formula and the order.

        Raises
        ------
        MonitorError
            As :meth:`find` does, and when *top* is not a whole number of at least 1.

        Examples
        --------
        >>> import democratie
        >>> from democratie import examples
        >>> index = LessonIndex.build(examples.load(name) for name in examples.NAMES)
        >>> found = index.recommend("dia-ontwikkeltraject-organisatieontwikkeling", top=4)
        >>> [(r.initiative, r.lesson.transferable) for r in found]
        [('samenleving-voorop', True), ('samenleving-voorop', True), ('samenleving-voorop', True),
        ('de-zeven-van-delft', None)]
        """
        checked: object = top  # callers without types may pass anything
        if isinstance(checked, bool) or not isinstance(checked, int) or checked < 1:
            message = f"expected a whole number of at least 1, got {top!r}"
            raise MonitorError([Problem(path="top", message=message)])
        place, initiative = self.find(for_initiative)
        asked = _profile(self.landscapes[place], place, 0, initiative)
        candidates: set[int] = set()
        for feature in _features(asked):
            candidates.update(self._by_feature.get(feature, ()))
        # Score every candidate initiative with integer operations only; the words of why
        # are written for the few that make the list.
        domains, themes, goals, kind, seats = (
            asked.domains,
            asked.themes,
            asked.goals,
            asked.kind,
            asked.seats,
        )
        profiles = self._profiles
        by_score: list[tuple[float, int]] = []
        for number in candidates:
            other = profiles[number]
            if other.landscape == place and other.initiative.id == initiative.id:
                continue  # its own lessons
            score = 0.0
            shared = domains & other.domains
            if shared:
                score += DOMAIN_WEIGHT * (
                    shared.bit_count() / (domains | other.domains).bit_count()
                )
            shared = themes & other.themes
            if shared:
                score += THEME_WEIGHT * (shared.bit_count() / (themes | other.themes).bit_count())
            shared = goals & other.goals
            if shared:
                score += SERVICE_GOAL_WEIGHT * (
                    shared.bit_count() / (goals | other.goals).bit_count()
                )
            if kind == other.kind:
                score += KIND_WEIGHT
            if seats is not None and other.seats is not None:
                closeness = 1 - abs(seats - other.seats) / SIZE_SPAN
                if closeness > 0:
                    score += SIZE_WEIGHT * closeness
            by_score.append((-round(score, 9), number))
        # The best *top* initiatives hold the best *top* lessons, but for ties at the last
        # score, whose lessons the tie-breaks order: take every initiative up to that score.
        if len(by_score) > top:
            last = heapq.nsmallest(top, by_score)[-1][0]
            by_score = [item for item in by_score if item[0] <= last]
        ranked = heapq.nsmallest(
            top,
            (
                (key, lesson_index, number)
                for key, number in by_score
                for lesson_index, lesson in enumerate(profiles[number].initiative.lessons)
                if lesson.transferable is not False
            ),
            key=lambda item: (
                item[0],
                profiles[item[2]].initiative.lessons[item[1]].transferable is not True,
                profiles[item[2]].landscape,
                profiles[item[2]].position,
                item[1],
            ),
        )
        found = []
        for rank, (_, lesson_index, number) in enumerate(ranked, start=1):
            other = profiles[number]
            matches = _matches(asked, other)
            size = _size(asked, other)
            if size is not None:
                matches.append(size)
            found.append(
                _recommendation(
                    rank,
                    sum(m.points for m in matches),
                    matches,
                    other,
                    lesson_index,
                    other.initiative.lessons[lesson_index],
                    place,
                    self.landscapes,
                )
            )
        return tuple(found)


def _features(profile: _Profile) -> list[tuple[str, int]]:
    found = [("k", profile.kind)]
    for code, bits in (("d", profile.domains), ("t", profile.themes), ("g", profile.goals)):
        while bits:
            low = bits & -bits
            found.append((code, low))
            bits ^= low
    return found


def _recommendation(
    rank: int,
    score: float,
    matches: list[Match],
    other: _Profile,
    index: int,
    lesson: Lesson,
    place: int,
    landscapes: Sequence[Landscape],
) -> Recommendation:
    notes = list(matches)
    if lesson.transferable is None:
        notes.append(
            Match(
                code="transferable_unknown",
                points=0.0,
                en="whether it carries over is not recorded",
                nl="niet vastgelegd of de les overdraagbaar is",
            )
        )
    title = landscapes[other.landscape].title
    if other.landscape != place:
        shown = title or f"landscape {other.landscape}"
        notes.append(
            Match(
                code="other_landscape",
                points=0.0,
                en=f"from another landscape: {shown}",
                nl=f"uit een ander landschap: {shown}",
            )
        )
    return Recommendation(
        rank=rank,
        score=round(score, 6),
        lesson=lesson,
        initiative=other.initiative.id,
        initiative_title=other.initiative.title,
        landscape=other.landscape,
        landscape_title=title,
        municipalities=other.municipalities,
        lesson_index=index,
        why=tuple(notes),
    )


def recommend_lessons(
    landscapes: Iterable[Landscape], for_initiative: InitiativeRef, *, top: int = 10
) -> tuple[Recommendation, ...]:
    """Rank the lessons of other initiatives, in these landscapes, for one initiative.

    Every lesson (``Initiative.lessons``) of every initiative but the one asked about is a
    candidate, in the same landscape and in the others. A lesson marked
    ``transferable = false`` is left out: its source says it does not carry over. A lesson
    whose initiative shares nothing with the one asked about is left out too.

    The score of a lesson is that of its initiative, compared with the one asked about:

    .. code-block:: text

        score = 3   * J(policy domains)
              + 2   * J(intake question themes)
              + 1   * J(service goals)
              + 1.5 * [same kind of initiative]
              + 1   * max(0, 1 - |seats - seats'| / 18)   (only when something else is shared)

    where J is the Jaccard similarity of the two sets (shared / together; 0 when both are
    empty) and *seats* the mean council seats of an initiative's municipalities, which
    stands for their size (the model records no inhabitants; the Gemeentewet sets the
    seats by them). Free-text goals are not compared: shared words say little. The weights
    are :data:`DOMAIN_WEIGHT`, :data:`THEME_WEIGHT`, :data:`SERVICE_GOAL_WEIGHT`,
    :data:`KIND_WEIGHT`, :data:`SIZE_WEIGHT` and :data:`SIZE_SPAN`.

    Ties are broken, in order, by a lesson marked transferable before one of which it is
    not recorded, then by the order of the corpus: landscape, initiative, lesson. The same
    corpus always gives the same ranking.

    Parameters
    ----------
    landscapes
        The corpus (read once); a recommendation names its landscape by its place in it.
    for_initiative
        The id of the initiative, when exactly one landscape holds it, or
        ``(landscape, id)`` with the landscape's place in the corpus (from 0) or its title.
    top
        How many to return at most.

    Returns
    -------
    tuple of Recommendation
        Best first, each with its :attr:`~Recommendation.why`.

    Raises
    ------
    MonitorError
        When no landscape holds the initiative, more than one does, or *top* is not a
        whole number of at least 1.

    Notes
    -----
    This builds a :class:`LessonIndex` and asks it once; to ask many questions of one
    corpus, build the index yourself and call :meth:`LessonIndex.recommend`.

    Examples
    --------
    The Thorbecke experiments work in the domain Bestuur, as Leusden does:

    >>> import democratie
    >>> from democratie import examples
    >>> corpus = [examples.load(name) for name in examples.NAMES]
    >>> for found in recommend_lessons(corpus, "thorbecke-experimenten", top=2):
    ...     print(found.explain("nl"))
    1. [3.00] Doen: Wat werkt wel om tot een cultuurverandering in de organisatie te komen, en
    om de samenleving in beweging te krijgen. (Samenleving Voorop, Leusden)
       waarom: deelt het beleidsdomein Bestuur; uit een ander landschap: Samenleving Voorop
       (Leusden)
    2. [3.00] Niet doen: Wat werkt niet om tot een cultuurverandering in de organisatie te
    komen, en om de samenleving in beweging te krijgen. (Samenleving Voorop, Leusden)
       waarom: deelt het beleidsdomein Bestuur; uit een ander landschap: Samenleving Voorop
       (Leusden)
    """
    return LessonIndex.build(landscapes).recommend(for_initiative, top=top)

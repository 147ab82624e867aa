"""The pool of change officers: one officer for each admitted municipality's question."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from attrs import evolve, frozen

from democratie.errors import Problem
from democratie.model import Initiative, Landscape, Network, Person
from democratie.plan._common import (
    Lang,
    Reason,
    budget_problems,
    check_problems,
    find_initiative,
    is_whole,
)
from democratie.plan._intake import assess_intakes
from democratie.plan._solver import Certificate, load_cp_model, solve, status_name
from democratie.vocab import QuestionTheme, RoleKind

__all__ = [
    "Officer",
    "OfficerChange",
    "PoolAssignment",
    "PoolPlan",
    "UnmetQuestion",
    "allocate_pool",
    "pool_of",
]


@frozen(kw_only=True)
class Officer:
    """A change officer (veranderambtenaar) in the pool.

    Parameters
    ----------
    id
        The person's id.
    expertise
        The themes they can advise on.
    own
        The municipalities they work for, whom they never support from the pool.

    Examples
    --------
    >>> import democratie
    >>> from democratie.plan import allocate_pool
    >>> land = democratie.load("examples/democratie-in-actie-noord-nederland.toml")
    >>> plan = allocate_pool(land, "dia-ontwikkeltraject-organisatieontwikkeling")
    >>> officer = plan.officers[0]
    >>> officer.id, officer.own, [theme.slug for theme in officer.expertise]
    ('p-veranderambtenaar-emmen', ('emmen',), ['houding_en_gedrag', 'overheidsparticipatie',
    'organisatiemodellen'])
    """

    id: str
    expertise: tuple[QuestionTheme, ...]
    own: tuple[str, ...] = ()


@frozen(kw_only=True)
class PoolAssignment:
    """An officer assigned to a municipality, and which of its themes they cover.

    Examples
    --------
    >>> import democratie
    >>> from democratie.plan import allocate_pool
    >>> land = democratie.load("examples/democratie-in-actie-noord-nederland.toml")
    >>> plan = allocate_pool(land, "dia-ontwikkeltraject-organisatieontwikkeling")
    >>> assignment = plan.assignments[0]
    >>> assignment.municipality, assignment.officer, assignment.kept
    ('assen', 'p-veranderambtenaar-emmen', False)
    >>> [theme.slug for theme in assignment.covered], [theme.slug for theme in assignment.uncovered]
    (['houding_en_gedrag', 'organisatiemodellen'], [])
    """

    municipality: str
    officer: str
    covered: tuple[QuestionTheme, ...]
    uncovered: tuple[QuestionTheme, ...] = ()
    kept: bool = False


@frozen(kw_only=True)
class UnmetQuestion:
    """A question no officer could take on, and why.

    Examples
    --------
    >>> import democratie
    >>> from democratie.plan import allocate_pool
    >>> land = democratie.load("examples/democratie-in-actie-noord-nederland.toml")
    >>> plan = allocate_pool(land, "dia-ontwikkeltraject-organisatieontwikkeling", max_load=2)
    >>> unmet = plan.unmet[0]
    >>> unmet.municipality, [theme.slug for theme in unmet.themes]
    ('emmen', ['houding_en_gedrag', 'overheidsparticipatie'])
    >>> unmet.reason.en
    'every officer who covers its themes already supports 2 municipalities'
    """

    municipality: str
    themes: tuple[QuestionTheme, ...]
    reason: Reason


@frozen(kw_only=True)
class OfficerChange:
    """A municipality whose intake named an officer that the new plan changes.

    Parameters
    ----------
    municipality
        The municipality.
    before
        The officer its intake named.
    after
        The officer the plan gives it, or None when it now has none.

    Examples
    --------
    Re-planned with a smaller load, some intakes get another officer than they named:

    >>> import democratie
    >>> from democratie.plan import allocate_pool
    >>> land = democratie.load("examples/democratie-in-actie-noord-nederland.toml")
    >>> traject = "dia-ontwikkeltraject-organisatieontwikkeling"
    >>> land = allocate_pool(land, traject, max_load=3).apply(land)
    >>> tight = allocate_pool(land, traject, max_load=2)
    >>> tight.changed[0]
    OfficerChange(municipality='emmen', before='p-veranderambtenaar-vng', after=None)
    """

    municipality: str
    before: str
    after: str | None


@frozen(kw_only=True)
class PoolPlan:
    """Officers from the pool assigned to the admitted municipalities of a trajectory.

    The objective, stated: first serve as many municipalities as possible with an
    officer who covers at least one theme of their question, then cover as many of
    their themes as possible; no officer takes more than ``max_load`` municipalities,
    and no officer supports a municipality they work for.

    Parameters
    ----------
    initiative
        The trajectory's id.
    max_load
        The most municipalities one officer supports.
    officers
        The pool.
    assignments
        One per served municipality, in intake order.
    unmet
        The admitted municipalities without an officer, each with why.
    served, covered
        How many municipalities are served, and how many question themes covered.
    changed
        The municipalities whose intake named another officer than the plan gives them
        (re-planning after a late sign-up moves as few as the objective allows).
    certificate
        The solver's certificate of the combined objective
        ``(served * (themes + 1) + covered) * (kept + 1) + kept``, where *themes* is the
        number of themes of all questions together and *kept* the number of officers an
        intake already names: serving one more municipality always counts for more than
        covering more themes, and covering one more theme for more than keeping every
        earlier assignment.

    Examples
    --------
    >>> import democratie
    >>> from democratie.plan import allocate_pool
    >>> land = democratie.load("examples/democratie-in-actie-noord-nederland.toml")
    >>> plan = allocate_pool(land, "dia-ontwikkeltraject-organisatieontwikkeling")
    >>> plan.certificate.optimal, plan.served
    (True, 11)
    """

    initiative: str
    max_load: int
    officers: tuple[Officer, ...]
    assignments: tuple[PoolAssignment, ...]
    unmet: tuple[UnmetQuestion, ...]
    served: int
    covered: int
    certificate: Certificate
    changed: tuple[OfficerChange, ...] = ()

    @property
    def loads(self) -> dict[str, int]:
        """How many municipalities each officer supports, in pool order."""
        counts = {o.id: 0 for o in self.officers}
        for item in self.assignments:
            counts[item.officer] += 1
        return counts

    def apply(self, landscape: Landscape) -> Landscape:
        """A new landscape in which each served municipality's intake names its officer."""
        initiative = find_initiative(landscape, self.initiative)
        chosen = {a.municipality: a.officer for a in self.assignments}
        intakes = tuple(
            evolve(intake, officer=chosen[intake.municipality])
            if intake.municipality in chosen
            else intake
            for intake in initiative.intakes
        )
        return landscape.replace(evolve(initiative, intakes=intakes))

    def explain(self, lang: Lang = "en") -> list[str]:
        """The plan in sentences."""
        nl = lang == "nl"
        proof = (
            ("bewezen optimaal" if nl else "proven optimal")
            if self.certificate.optimal
            else ("niet bewezen optimaal" if nl else "not proven optimal")
        )
        if nl:
            lines = [
                (
                    f"{self.served} gemeenten geholpen, {self.covered} thema's gedekt ({proof}); "
                    f"hoogstens {self.max_load} gemeenten per veranderambtenaar."
                )
            ]
        else:
            lines = [
                (
                    f"{self.served} municipalities served, {self.covered} themes covered "
                    f"({proof}); at most {self.max_load} municipalities per officer."
                )
            ]
        for item in self.assignments:
            covered = ", ".join(t.label(lang) for t in item.covered)
            line = f"{item.municipality}: {item.officer} ({covered})"
            if item.uncovered:
                rest = ", ".join(t.label(lang) for t in item.uncovered)
                line += f"; {'niet gedekt' if nl else 'not covered'}: {rest}"
            lines.append(line)
        for unmet in self.unmet:
            lines.append(f"{unmet.municipality}: {unmet.reason.text(lang)}")
        for change in self.changed:
            after = change.after or ("geen" if nl else "none")
            word = "veranderambtenaar van" if nl else "officer changed from"
            to = "naar" if nl else "to"
            lines.append(f"{change.municipality}: {word} {change.before} {to} {after}")
        return lines

    def to_dict(self) -> dict[str, Any]:
        """The plan as plain data for JSON."""
        return {
            "initiative": self.initiative,
            "max_load": self.max_load,
            "served": self.served,
            "covered": self.covered,
            "objective": self.certificate.objective,
            "bound": self.certificate.bound,
            "optimal": self.certificate.optimal,
            "status": self.certificate.status,
            "assignments": [
                {
                    "municipality": a.municipality,
                    "officer": a.officer,
                    "covered": [t.value for t in a.covered],
                    "uncovered": [t.value for t in a.uncovered],
                    "kept": a.kept,
                }
                for a in self.assignments
            ],
            "unmet": [
                {
                    "municipality": u.municipality,
                    "themes": [t.value for t in u.themes],
                    "code": u.reason.code,
                    "en": u.reason.en,
                    "nl": u.reason.nl,
                }
                for u in self.unmet
            ],
            "loads": self.loads,
            "changed": [
                {"municipality": c.municipality, "from": c.before, "to": c.after}
                for c in self.changed
            ],
        }


def pool_of(landscape: Landscape, pool: str | None = None) -> tuple[Officer, ...]:
    """The change officers: the people of a pool network, or everyone holding the role.

    Parameters
    ----------
    landscape
        Where to look.
    pool
        The id of a network whose person members form the pool; None takes every
        person with a ``veranderambtenaar`` role. Officers come in id order.

    Examples
    --------
    >>> import democratie
    >>> land = democratie.load("examples/democratie-in-actie-noord-nederland.toml")
    >>> officer = pool_of(land)[0]
    >>> officer.id, officer.own
    ('p-veranderambtenaar-emmen', ('emmen',))
    >>> [theme.value for theme in officer.expertise]
    ['houding_en_gedrag', 'overheidsparticipatie', 'organisatiemodellen']
    """
    if pool is not None:
        found = landscape.get(pool) if pool in landscape else None
        if not isinstance(found, Network):
            message = f"'{pool}' is not a network in the landscape"
            check_problems([Problem(path="pool", message=message, code="dangling-reference")])
        assert isinstance(found, Network)
        people = [m for m in landscape.members_of(found.id) if landscape.kind_of(m) == "person"]
    else:
        people = [
            r.holder
            for r in landscape.roles
            if r.kind is RoleKind.VERANDERAMBTENAAR and landscape.kind_of(r.holder) == "person"
        ]
    officers = []
    for person_id in sorted(set(people)):
        person = landscape.get(person_id)
        assert isinstance(person, Person)
        officers.append(
            Officer(
                id=person_id,
                expertise=person.expertise,
                own=tuple(sorted(set(_own_municipalities(landscape, person_id)))),
            )
        )
    return tuple(officers)


def _own_municipalities(landscape: Landscape, person: str) -> Iterator[str]:
    for role in landscape.roles_of(person):
        for place in (role.at, role.on_behalf_of):
            if place is None:
                continue
            municipality = landscape.municipality_of(place)
            if municipality is not None:
                yield municipality


def allocate_pool(
    landscape: Landscape,
    initiative: str | Initiative,
    *,
    max_load: int = 3,
    pool: str | None = None,
    time_limit: float = 10.0,
    seed: int = 0,
) -> PoolPlan:
    """Assign a change officer from the pool to each admitted municipality's question.

    Democratie in Actie: "er wordt een pool met veranderambtenaren samengesteld". Each
    municipality admitted by :func:`assess_intakes` gets at most one officer: one whose
    expertise covers its question's themes best, never one who works for it (a role at,
    or on behalf of, the municipality or one of its bodies), and no officer takes more
    than *max_load* municipalities. An officer an intake already names stays there unless
    a plan that serves more municipalities or covers more themes needs the change
    (re-planning moves as few officers as the objective allows).
    Solved exactly with OR-Tools CP-SAT (one worker, fixed seed).

    Parameters
    ----------
    landscape
        The landscape with the initiative, its intakes and the officers.
    initiative
        The trajectory (or its id).
    max_load
        The most municipalities one officer supports (at least 1).
    pool
        The id of a network whose people form the pool; by default every person
        holding a ``veranderambtenaar`` role.
    time_limit, seed
        The solver's limit (deterministic time, about seconds) and seed.

    Raises
    ------
    PlanError
        For an unknown initiative or pool, or a ``max_load`` below 1.
    SolverUnavailableError
        When OR-Tools is not installed.

    Examples
    --------
    >>> import democratie
    >>> land = democratie.load("examples/democratie-in-actie-noord-nederland.toml")
    >>> plan = allocate_pool(land, "dia-ontwikkeltraject-organisatieontwikkeling", max_load=2)
    >>> plan.served, [(u.municipality, u.reason.code) for u in plan.unmet]
    (8, [('emmen', 'pool-full'), ('midden-drenthe', 'pool-full'), ('smallingerland', 'pool-full')])
    """
    found = find_initiative(landscape, initiative)
    if not is_whole(max_load, 1):
        check_problems(
            [
                Problem(
                    path="max_load",
                    message=f"expected a whole number of at least 1, got {max_load!r}",
                )
            ]
        )
    check_problems(budget_problems(time_limit))
    officers = pool_of(landscape, pool)
    gate = assess_intakes(landscape, found)
    entered = [a for a in gate.values() if a.admitted and a.intake is not None]
    weight = 1 + sum(len(a.themes) for a in entered)
    cp_model = load_cp_model()
    model = cp_model.CpModel()
    pairs: dict[tuple[int, int], Any] = {}
    gains: dict[tuple[int, int], int] = {}
    kept: set[tuple[int, int]] = set()
    # The objective, lexicographic in one sum: serving a municipality counts for more
    # than all the themes together, a theme for more than keeping every earlier choice.
    for m, admission in enumerate(entered):
        wanted = set(admission.themes)
        named = admission.intake.officer if admission.intake is not None else None
        for o, officer in enumerate(officers):
            if admission.municipality in officer.own:
                continue
            covered = len(wanted.intersection(officer.expertise))
            if covered == 0:
                continue
            pairs[(m, o)] = model.NewBoolVar(f"y{m}_{o}")
            gains[(m, o)] = weight + covered
            if named == officer.id:
                kept.add((m, o))
    keep_weight = len(kept) + 1
    gains = {p: g * keep_weight + (p in kept) for p, g in gains.items()}
    for m in range(len(entered)):
        mine = [v for (a, _), v in pairs.items() if a == m]
        if len(mine) > 1:
            model.AddAtMostOne(mine)
    for o in range(len(officers)):
        theirs = [v for (_, b), v in pairs.items() if b == o]
        if len(theirs) > max_load:
            model.Add(sum(theirs) <= max_load)
    model.Maximize(sum(gains[p] * v for p, v in pairs.items()))
    chosen: set[tuple[int, int]] = set()
    if pairs:
        solver, status = solve(model, time_limit=time_limit, seed=seed)
        name = status_name(status)
        if name in ("OPTIMAL", "FEASIBLE"):
            chosen = {p for p, v in pairs.items() if solver.Value(v)}
            value = round(solver.ObjectiveValue())
            certificate = Certificate(
                objective=float(value),
                bound=float(round(solver.BestObjectiveBound())),
                optimal=name == "OPTIMAL",
                status=name,
            )
        else:  # pragma: no cover - every model here has a solution: assign no one
            certificate = Certificate(
                objective=0.0,
                bound=float(round(solver.BestObjectiveBound())),
                optimal=False,
                status=name,
            )
    else:
        certificate = Certificate(objective=0.0, bound=0.0, optimal=True, status="TRIVIAL")
    assignments = []
    unmet = []
    loads = {o.id: 0 for o in officers}
    for _, o in chosen:
        loads[officers[o].id] += 1
    for m, admission in enumerate(entered):
        pick = next((o for (a, o) in sorted(chosen) if a == m), None)
        themes = admission.themes
        if pick is None:
            unmet.append(
                UnmetQuestion(
                    municipality=admission.municipality,
                    themes=themes,
                    reason=_why_unmet(
                        admission.municipality, set(admission.themes), officers, loads, max_load
                    ),
                )
            )
            continue
        officer = officers[pick]
        assignments.append(
            PoolAssignment(
                municipality=admission.municipality,
                officer=officer.id,
                covered=tuple(t for t in themes if t in officer.expertise),
                uncovered=tuple(t for t in themes if t not in officer.expertise),
                kept=(m, pick) in kept,
            )
        )
    now = {a.municipality: a.officer for a in assignments}
    changed = tuple(
        OfficerChange(municipality=a.municipality, before=named, after=now.get(a.municipality))
        for a in entered
        if a.intake is not None
        and (named := a.intake.officer) is not None
        and now.get(a.municipality) != named
    )
    return PoolPlan(
        initiative=found.id,
        max_load=max_load,
        officers=officers,
        assignments=tuple(assignments),
        unmet=tuple(unmet),
        served=sum(1 for a in assignments if a.covered),
        covered=sum(len(a.covered) for a in assignments),
        certificate=certificate,
        changed=changed,
    )


def _why_unmet(
    municipality: str,
    themes: set[QuestionTheme],
    officers: tuple[Officer, ...],
    loads: dict[str, int],
    max_load: int,
) -> Reason:
    if not officers:
        return Reason(
            code="no-pool",
            en="the pool has no change officers",
            nl="de pool heeft geen veranderambtenaren",
        )
    able = [o for o in officers if themes.intersection(o.expertise)]
    if not able:
        return Reason(
            code="no-expertise",
            en="no officer in the pool covers any theme of its question",
            nl="geen veranderambtenaar in de pool dekt een thema van het vraagstuk",
        )
    if all(municipality in o.own for o in able):
        return Reason(
            code="own-municipality",
            en="every officer who covers its themes works for this municipality",
            nl="elke veranderambtenaar die de thema's dekt, werkt voor deze gemeente",
        )
    return Reason(
        code="pool-full",
        en=f"every officer who covers its themes already supports {max_load} municipalities",
        nl=f"elke veranderambtenaar die de thema's dekt, helpt al {max_load} gemeenten",
    )

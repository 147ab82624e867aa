"""Ownership clarity: tasks whose RACI assignment passes the checks.

Examples
--------
>>> import democratie
>>> from democratie.scoring import run
>>> from democratie.scoring.rules import OwnershipClarity
>>> land = democratie.loads('''
... format = "democratie/1"
... [[people]]
... id = "p-an"
... name = "An"
... [[initiatives]]
... id = "gebiedsgericht"
... kind = "programma"
... title = "Gebiedsgericht werken"
... [[initiatives.tasks]]
... title = "Wijkschouw"
... assignments = [{ actor = "p-an", raci = "eindverantwoordelijk" }]
... [[initiatives.tasks]]
... title = "Bewonersavond"
... assignments = [{ actor = "p-an", raci = "uitvoerend" }]
... ''')
>>> score = run(land, [OwnershipClarity()])["gebiedsgericht"]["ownership_clarity"]
>>> score.value, score.evidence[1].value
(0.5, 'no accountable')
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from attrs import field, frozen

from democratie.model import Initiative, Landscape, Task
from democratie.scoring.context import ScoringContext
from democratie.scoring.rule import BaseRule
from democratie.scoring.rules._common import advice, pct
from democratie.scoring.score import Bilingual, Evidence, Score, Subject, SubjectKind
from democratie.vocab import Raci

__all__ = ["OwnershipClarity", "raci_defects"]

_NAMED = ("person", "role")


def raci_defects(
    task: Task,
    landscape: Landscape,
    *,
    max_consulted: int = 3,
    accountable_kinds: tuple[str, ...] = _NAMED,
) -> list[str]:
    """Return what is wrong with the RACI assignment of one task (an empty list when nothing is).

    The checks: exactly one accountable; at least one responsible, or the
    accountable does the work; at most *max_consulted* consulted; the accountable
    is a named person or role (an entity of one of *accountable_kinds*), not a
    collective such as a council or an organisation.

    Examples
    --------
    >>> from democratie.model import Assignment, Landscape, Person, Task
    >>> from democratie.vocab import Raci
    >>> land = Landscape(people=(Person(id="p-an", name="An"),))
    >>> raci_defects(Task(title="t"), land)
    ['no accountable']
    >>> raci_defects(Task(title="t", assignments=(Assignment(actor="p-an",
    ...     raci=Raci.EINDVERANTWOORDELIJK),)), land)
    []
    """
    defects: list[str] = []
    accountable = task.holders(Raci.EINDVERANTWOORDELIJK)
    if not accountable:
        defects.append("no accountable")
    elif len(accountable) > 1:
        defects.append(f"{len(accountable)} accountable")
    collective = [a for a in accountable if landscape.kind_of(a) not in accountable_kinds]
    if collective:
        defects.append("accountable is a collective: " + ", ".join(collective))
    consulted = task.holders(Raci.GERAADPLEEGD)
    if len(consulted) > max_consulted:
        defects.append(f"{len(consulted)} consulted (at most {max_consulted})")
    return defects


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@frozen(kw_only=True)
class OwnershipClarity(BaseRule):
    """Ownership clarity: the share of an initiative's tasks whose RACI assignment is clear.

    Stichtse Vecht's Rekenkamer asked for "helderheid over verantwoordelijkheden,
    taken, rollen en eigenaarschap". Per task, the RACI checks of
    :func:`raci_defects`: exactly one accountable, someone responsible (or the
    accountable does the work), few consulted, and an accountable who is a named
    person or role rather than a collective.

    Parameters
    ----------
    name
        The rule's name.
    max_consulted
        The most consulted parties a task may have (3 by default; our reading of
        "Consulted kept small").
    accountable_kinds
        The kinds of entity that can be accountable (a person or a role).

    Notes
    -----
    score = tasks without defects / tasks. The defects of each task are listed
    in the evidence. Not applicable when no tasks are recorded.

    References
    ----------
    Stichtse Vecht, gebiedsgericht werken 2022 (advice of the Rekenkamer); the
    RACI responsibility assignment matrix.

    Examples
    --------
    >>> import democratie
    >>> from democratie.scoring import run
    >>> land = democratie.loads('''
    ... format = "democratie/1"
    ... [[people]]
    ... id = "p-an"
    ... name = "An"
    ... [[initiatives]]
    ... id = "wijkplan"
    ... kind = "programma"
    ... title = "Wijkplan"
    ... [[initiatives.tasks]]
    ... title = "Wijkbudget verdelen"
    ... assignments = [{ actor = "p-an", raci = "eindverantwoordelijk" }]
    ... [[initiatives.tasks]]
    ... title = "Bewoners uitnodigen"
    ... ''')
    >>> print(run(land, [OwnershipClarity()])["wijkplan"]["ownership_clarity"])
    ownership_clarity [wijkplan]: 0.50 - 1 of the 2 tasks have clear ownership (50%).
    """

    name: str = "ownership_clarity"
    title: ClassVar[Bilingual] = Bilingual(nl="Helder eigenaarschap", en="Ownership clarity")
    applies_to: ClassVar[SubjectKind] = "initiative"
    source: ClassVar[str] = (
        "Stichtse Vecht (Rekenkamer: helderheid in rollen en eigenaarschap); RACI"
    )
    formula: ClassVar[str] = "tasks passing the RACI checks / tasks"
    max_consulted: int = 3
    accountable_kinds: tuple[str, ...] = field(default=_NAMED, converter=_strings)

    def evaluate(self, subject: Subject, context: ScoringContext) -> Score:
        """Score one initiative."""
        assert isinstance(subject, Initiative)
        if not subject.tasks:
            return self.not_applicable(
                subject,
                nl="Er zijn geen taken met eigenaren vastgelegd (tasks, elk met assignments).",
                en="No tasks with owners are recorded (tasks, each with assignments).",
                recommendations=[
                    advice(
                        "Leg per taak vast wie uitvoert en wie eindverantwoordelijk is (RACI).",
                        "Record for each task who does it and who is accountable (RACI).",
                    )
                ],
            )
        evidence = []
        clear = 0
        unclear: list[str] = []
        for index, task in enumerate(subject.tasks):
            defects = raci_defects(
                task,
                context.landscape,
                max_consulted=self.max_consulted,
                accountable_kinds=self.accountable_kinds,
            )
            evidence.append(
                Evidence(
                    about=subject.id,
                    fact=f"tasks[{index}]",
                    value="; ".join(defects) if defects else "clear",
                )
            )
            if defects:
                unclear.append(task.title)
            else:
                clear += 1
        total = len(subject.tasks)
        share = clear / total
        recommendations = []
        if unclear:
            recommendations.append(
                advice(
                    "Maak het eigenaarschap helder van: " + ", ".join(unclear[:5]) + ".",
                    "Make the ownership clear of: " + ", ".join(unclear[:5]) + ".",
                )
            )
        return self.result(
            subject,
            share,
            nl=f"{clear} van de {total} taken hebben een heldere eigenaar ({pct(share)}).",
            en=f"{clear} of the {total} tasks have clear ownership ({pct(share)}).",
            evidence=evidence,
            recommendations=recommendations,
        )

"""Following programmes over time: evaluations, indicators with measurements, lessons passed on.

An :class:`Evaluation` records that an initiative was evaluated: when, by whom, how and what
was found. An :class:`Indicator` puts a number on a goal (one of Stichtse Vecht's service
goals, or any goal in words), for a whole municipality or for one of its areas, with the
:class:`Measurement` values taken over time. A :class:`Transfer` says that a lesson was passed
on to another municipality, network, organisation or initiative, when, and whether it was
taken up there.

Examples
--------
>>> import datetime as dt
>>> indicator = Indicator(
...     id="tevredenheid", goal="snelle_en_eenvoudige_dienstverlening", unit="procent",
...     baseline=60, target=75, direction="omhoog",
...     measurements=(Measurement(date=dt.date(2019, 3, 1), value=62),
...                   Measurement(date=dt.date(2019, 9, 1), value=70)),
... )
>>> indicator.baseline, indicator.service_goal.label_en, indicator.latest().value
(60.0, 'Fast and simple service', 70.0)
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator

from attrs import Factory, frozen

from democratie.errors import Problem
from democratie.model._checks import (
    check_id,
    check_number,
    check_text,
    coerce_terms,
    raise_problems,
)
from democratie.model._common import Period
from democratie.vocab import Direction, Phase, ServiceGoal

__all__ = ["Evaluation", "Indicator", "Measurement", "Transfer"]


def _as_float(obj: object, name: str) -> None:
    """Store a whole number given for a float field as a float, so equal values look equal."""
    value = getattr(obj, name)
    if type(value) is int:
        with contextlib.suppress(OverflowError):  # too large: left as it is, and reported
            object.__setattr__(obj, name, float(value))


@frozen(kw_only=True)
class Evaluation:
    """One evaluation of an initiative: when, by whom, how, and what it found.

    An evaluation with no details at all (``Evaluation()``) says only that the initiative
    was evaluated; that is what ``evaluated = true`` in older documents means.

    Parameters
    ----------
    date
        When it was held. Not before the initiative started.
    by
        The id of who evaluated: a person, organisation, municipality, council, college or
        faction.
    method
        How, in words ("reflectiebijeenkomst", "enquête onder deelnemers").
    findings
        What it found (several lines allowed).
    closes_phase
        The phase of the initiative it closes, if it closes one; one of the initiative's
        phases when it lists any.
    closes_milestone
        The title of the milestone of the same initiative it closes, if it closes one.
    note
        What a reader should know, such as "invented: the source gives no date".

    Examples
    --------
    >>> import datetime as dt
    >>> evaluation = Evaluation(date=dt.date(2019, 4, 1), by="lochem",
    ...                         method="reflectiebijeenkomst", closes_phase="uitvoering")
    >>> evaluation.closes_phase.label_en
    'Execution'
    >>> Evaluation(by="Lochem")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    democratie.errors.ModelError: by: 'Lochem' is not a valid id; ...
    """

    date: dt.date | None = None
    by: str | None = None
    method: str | None = None
    findings: str | None = None
    closes_phase: Phase | None = None
    closes_milestone: str | None = None
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        coerce_terms(self)
        raise_problems(
            [
                *(check_id(self.by, "by") if self.by is not None else ()),
                *check_text(self.method, "method", required=False),
                *check_text(self.findings, "findings", multiline=True, required=False),
                *check_text(self.closes_milestone, "closes_milestone", required=False),
                *check_text(self.note, "note", multiline=True, required=False),
            ]
        )


@frozen(kw_only=True)
class Measurement:
    """One value of an indicator, measured on a day.

    Parameters
    ----------
    date
        The day of the measurement.
    value
        What was measured, a finite number (a whole number is kept as a float).
    note
        What a reader should know, such as "invented: the source gives no figures".

    Examples
    --------
    >>> import datetime as dt
    >>> Measurement(date=dt.date(2019, 3, 1), value=62)
    Measurement(date=datetime.date(2019, 3, 1), value=62.0, note=None)
    """

    date: dt.date
    value: float
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        _as_float(self, "value")
        raise_problems(
            [
                *check_number(self.value, "value", required=True),
                *check_text(self.note, "note", multiline=True, required=False),
            ]
        )


@frozen(kw_only=True)
class Indicator:
    """A measure of a goal, for a whole municipality or for one of its areas, over time.

    Parameters
    ----------
    id
        Unique in the landscape, like every id (an indicator is not an entity, so
        :meth:`~democratie.model.Landscape.get` does not find it).
    goal
        The goal it measures: the slug of one of the seven service goals
        (:class:`~democratie.vocab.ServiceGoal`) or a goal in words.
    area
        The id of the area it measures, an area of the municipality it belongs to (for an
        indicator of an initiative: of one of the initiative's municipalities); absent for
        the whole municipality.
    unit
        What the values count ("procent", "dagen").
    baseline
        The value at the start, to measure progress from.
    target
        The value to reach; not below the baseline when up is better, not above it when
        down is better.
    direction
        Which way is better: omhoog (higher) or omlaag (lower).
    period
        When it is measured; every measurement falls within it.
    measurements
        The values measured, at most one a day, in the order given.
    note
        What a reader should know, such as "invented: the source gives no figures".

    Examples
    --------
    >>> import datetime as dt
    >>> wait = Indicator(id="wachttijd", goal="Snel antwoord op een vraag", unit="dagen",
    ...                  baseline=14, target=5, direction="omlaag")
    >>> wait.service_goal is None, wait.direction.label_en
    (True, 'Down (lower is better)')
    >>> Indicator(id="wachttijd", goal="Snel antwoord", baseline=14, target=20,
    ...           direction="omlaag")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    democratie.errors.ModelError: target: the target (20.0) is above the baseline (14.0), but ...
    """

    id: str
    goal: str
    area: str | None = None
    unit: str | None = None
    baseline: float | None = None
    target: float | None = None
    direction: Direction
    period: Period = Factory(Period)
    measurements: tuple[Measurement, ...] = ()
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        coerce_terms(self)
        _as_float(self, "baseline")
        _as_float(self, "target")
        raise_problems(self._check())

    @property
    def service_goal(self) -> ServiceGoal | None:
        """The service goal the indicator measures, or None when its goal is in words.

        Examples
        --------
        >>> Indicator(id="p", goal="participatie", direction="omhoog").service_goal
        <ServiceGoal.PARTICIPATIE: 'participatie'>
        """
        try:
            return ServiceGoal(self.goal)
        except ValueError:
            return None

    def measured(self, as_of: dt.date | None = None) -> tuple[Measurement, ...]:
        """The measurements taken on or before *as_of* (all when None), oldest first.

        Examples
        --------
        >>> import datetime as dt
        >>> indicator = Indicator(id="p", goal="participatie", direction="omhoog",
        ...     measurements=(Measurement(date=dt.date(2020, 1, 1), value=3),
        ...                   Measurement(date=dt.date(2019, 1, 1), value=2)))
        >>> [m.value for m in indicator.measured()]
        [2.0, 3.0]
        >>> [m.value for m in indicator.measured(dt.date(2019, 6, 1))]
        [2.0]
        """
        return tuple(
            sorted(
                (m for m in self.measurements if as_of is None or m.date <= as_of),
                key=lambda m: m.date,
            )
        )

    def latest(self, as_of: dt.date | None = None) -> Measurement | None:
        """The last measurement taken on or before *as_of* (the last of all when None).

        Examples
        --------
        >>> Indicator(id="p", goal="participatie", direction="omhoog").latest() is None
        True
        """
        found = self.measured(as_of)
        return found[-1] if found else None

    def _check(self) -> Iterator[Problem]:
        yield from check_id(self.id, "id")
        yield from check_text(self.goal, "goal")
        if self.area is not None:
            yield from check_id(self.area, "area")
        yield from check_text(self.unit, "unit", required=False)
        yield from check_text(self.note, "note", multiline=True, required=False)
        baseline_problems = list(check_number(self.baseline, "baseline"))
        target_problems = list(check_number(self.target, "target"))
        yield from baseline_problems
        yield from target_problems
        if (
            self.baseline is not None
            and self.target is not None
            and not baseline_problems
            and not target_problems
            and self.direction.better(self.baseline, self.target)
        ):
            side = "below" if self.direction is Direction.OMHOOG else "above"
            yield Problem(
                path="target",
                code="invalid-value",
                message=(
                    f"the target ({self.target}) is {side} the baseline ({self.baseline}), but "
                    f"the direction is {self.direction.value} ({self.direction.label_en.lower()})"
                    "; correct the target, the baseline or the direction"
                ),
            )
        first: dict[dt.date, int] = {}
        for index, measurement in enumerate(self.measurements):
            earlier = first.setdefault(measurement.date, index)
            if earlier != index:
                yield Problem(
                    path=f"measurements[{index}].date",
                    code="invalid-value",
                    message=(
                        f"{measurement.date} is already measured at measurements[{earlier}]; "
                        "one measurement a day"
                    ),
                )
            if not self.period.contains(measurement.date):
                yield Problem(
                    path=f"measurements[{index}].date",
                    code="invalid-value",
                    message=(
                        f"{measurement.date} lies outside the indicator's period "
                        f"({_period_text(self.period)})"
                    ),
                )


def _period_text(period: Period) -> str:
    start = period.start.isoformat() if period.start is not None else "open"
    end = period.end.isoformat() if period.end is not None else "open"
    return f"{start} to {end}"


@frozen(kw_only=True)
class Transfer:
    """A lesson passed on from the initiative that learned it to somewhere else.

    Parameters
    ----------
    to
        The id of the municipality, network, organisation or initiative it was passed on to.
    date
        When; not before the initiative that learned it started.
    adopted
        Whether it was taken up there: true, false, or absent when unknown.
    note
        What a reader should know.

    Examples
    --------
    >>> import datetime as dt
    >>> Transfer(to="zeist", date=dt.date(2020, 2, 4), adopted=True).adopted
    True
    """

    to: str
    date: dt.date | None = None
    adopted: bool | None = None
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        raise_problems(
            [
                *check_id(self.to, "to"),
                *check_text(self.note, "note", multiline=True, required=False),
            ]
        )

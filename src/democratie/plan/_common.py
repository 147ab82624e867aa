"""What the planners share: bilingual reasons, looking up what a plan is about.

Examples
--------
Every reason speaks both languages of :data:`Lang`:

>>> import typing
>>> typing.get_args(Lang)
('nl', 'en')
>>> reason = Reason(code="no-intake", en="no intake held", nl="geen intake gehouden")
>>> [reason.text(lang) for lang in typing.get_args(Lang)]
['geen intake gehouden', 'no intake held']
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterable
from typing import Literal

from attrs import frozen

from democratie.errors import PlanError, Problem
from democratie.model import Initiative, Landscape, Network

__all__ = [
    "Lang",
    "Reason",
    "check_problems",
    "find_initiative",
    "find_network",
    "is_budget",
    "is_whole",
]

Lang = Literal["nl", "en"]


@frozen(kw_only=True)
class Reason:
    """One reason, in Dutch and in English, with a stable code a program can act on.

    Parameters
    ----------
    code
        What kind of reason it is (``no-intake``, ``missing-commitment``, ...).
    en, nl
        The reason in English and in Dutch.

    Examples
    --------
    >>> reason = Reason(code="no-question", en="no question recorded", nl="geen vraagstuk")
    >>> reason.text("nl")
    'geen vraagstuk'
    """

    code: str
    en: str
    nl: str

    def text(self, lang: Lang = "en") -> str:
        """The reason in the given language."""
        return self.nl if lang == "nl" else self.en

    def __str__(self) -> str:
        return self.en


def find_initiative(landscape: Landscape, initiative: str | Initiative) -> Initiative:
    """The initiative with this id (or the one given), or a located :class:`PlanError`.

    Examples
    --------
    >>> import democratie
    >>> land = democratie.load("examples/leusden-samenleving-voorop.toml")
    >>> find_initiative(land, "samenleving-voorop").title
    'Samenleving Voorop'
    >>> find_initiative(land, "leusden")
    Traceback (most recent call last):
        ...
    democratie.errors.PlanError: initiative: 'leusden' is a municipality, not an initiative
    """
    if isinstance(initiative, Initiative):
        initiative = initiative.id
    return _find(landscape, initiative, "initiative", Initiative)  # type: ignore[return-value]


def find_network(landscape: Landscape, network: str | Network) -> Network:
    """The network with this id (or the one given), or a located :class:`PlanError`.

    Examples
    --------
    >>> import democratie
    >>> land = democratie.load("examples/m50-leerkring-waalwijk.toml")
    >>> find_network(land, "m50").name
    'M50'
    >>> find_network(land, "m5O")
    Traceback (most recent call last):
        ...
    democratie.errors.PlanError: network: 'm5O' is not a network in the landscape; did you mean
    'm50'?
    """
    if isinstance(network, Network):
        network = network.id
    return _find(landscape, network, "network", Network)  # type: ignore[return-value]


def _find(
    landscape: Landscape, wanted: str, noun: str, cls: type[Initiative] | type[Network]
) -> Initiative | Network:
    if wanted in landscape:
        found = landscape.get(wanted)
        if isinstance(found, cls):
            return found
        kind = landscape.kind_of(wanted)
        message = f"'{wanted}' is {_a(kind)}, not {_a(noun)}"
    else:
        known = [e.id for e in landscape.entries(noun)]  # type: ignore[arg-type]
        hint = difflib.get_close_matches(wanted, known, n=1, cutoff=0.6)
        message = f"'{wanted}' is not {_a(noun)} in the landscape" + (
            f"; did you mean '{hint[0]}'?" if hint else ""
        )
    raise PlanError([Problem(path=noun, message=message, code="dangling-reference")])


def is_whole(value: object, minimum: int) -> bool:
    """Tell whether *value* is a whole number (not a boolean) of at least *minimum*.

    Examples
    --------
    >>> [is_whole(value, 2) for value in (2, 10, 1, 2.0, True)]
    [True, True, False, False, False]
    """
    return isinstance(value, int) and not isinstance(value, bool) and value >= minimum


def is_budget(value: object) -> bool:
    """Tell whether *value* is a positive, finite number of seconds (not a boolean).

    Examples
    --------
    >>> [is_budget(value) for value in (10, 0.5, 0, -1, float("inf"), True, "10")]
    [True, True, False, False, False, False, False]
    """
    return (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and math.isfinite(value)
        and value > 0
    )


def budget_problems(value: object) -> list[Problem]:
    """A problem at ``time_limit`` unless *value* is a positive, finite number of seconds."""
    if is_budget(value):
        return []
    message = f"expected a positive number of seconds, got {value!r}"
    return [Problem(path="time_limit", message=message)]


def check_problems(problems: Iterable[Problem]) -> None:
    """Raise one :class:`PlanError` with every problem, if there are any.

    Examples
    --------
    >>> from democratie.errors import Problem
    >>> check_problems([])
    >>> check_problems([Problem(path="count", message="must be at least 1, got 0")])
    Traceback (most recent call last):
        ...
    democratie.errors.PlanError: count: must be at least 1, got 0
    """
    found = tuple(problems)
    if found:
        raise PlanError(found)


def _a(noun: str) -> str:
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}"

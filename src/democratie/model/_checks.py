"""Local checks shared by the model classes.

Every model class validates in ``__attrs_post_init__`` by collecting *all* of
its problems first and raising one :class:`~democratie.errors.ModelError`, so a
person fixing a file sees everything wrong with an object at once (attrs'
own validators stop at the first failure).

Examples
--------
Ids match :data:`ID_PATTERN`, and no text may be longer than :data:`MAX_TEXT` characters:

>>> [bool(ID_PATTERN.fullmatch(value)) for value in ("leusden", "m50.leerkring-2020", "Leusden")]
[True, True, False]
>>> [problem.code for problem in check_text("x" * (MAX_TEXT + 1), "title")]
['invalid-value']
"""

from __future__ import annotations

import contextvars
import datetime as dt
import enum
import math
import re
import types
import typing
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Union

import attrs

from democratie.errors import ModelError, Problem
from democratie.model._describe import describe

__all__ = [
    "COLLECTOR",
    "ID_PATTERN",
    "INVISIBLE",
    "MAX_TEXT",
    "Collector",
    "check_count",
    "check_id",
    "check_ids",
    "check_number",
    "check_text",
    "check_unique",
    "check_unit",
    "coerce_terms",
    "raise_problems",
    "term_member",
]

#: What an id looks like: a lowercase slug of letters, digits, ``-``, ``_``, ``.``.
ID_PATTERN = re.compile(r"[a-z0-9](?:[a-z0-9._-]{0,198}[a-z0-9])?")

#: The longest text field accepted, in characters.
MAX_TEXT = 100_000

# Unicode categories Cc (controls) and Cs (surrogates); multiline text may hold \t, \n, \r.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_CONTROL_MULTILINE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")

#: Invisible characters refused in single-line text (names, titles, labels): the bidi
#: embeddings and overrides U+202A-U+202E and isolates U+2066-U+2069 that reorder what a
#: reader sees ("Trojan Source", CVE-2021-42574), the zero-width space U+200B, the word
#: joiner U+2060, the invisible operators U+2061-U+2064, the deprecated format characters
#: U+206A-U+206F and the byte order mark U+FEFF inside text. Allowed, because real names
#: need them: U+200C and U+200D (zero-width non-joiner and joiner: Persian, Indic scripts,
#: emoji sequences) and the marks U+200E, U+200F and U+061C (left-to-right, right-to-left
#: and Arabic letter mark) of Arabic and Hebrew data.
INVISIBLE = re.compile("[\u200b\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")


@attrs.define
class Collector:
    """Where a landscape's checks put their problems: the first *limit* kept, the rest counted.

    A landscape with a great many problems (every one of 300,000 references dangling)
    would otherwise hold them all, and their message, at once. The loader sets one for
    the landscape it builds with :data:`COLLECTOR`; each landscape built without one
    keeps every problem. One collector serves one landscape.

    Parameters
    ----------
    limit
        How many problems to keep (at least 1); None to keep all.
    select
        What a problem becomes before it is kept or counted, or None to leave it out
        altogether (neither kept nor counted): the loader places problems and drops
        follow-on ones with it.
    stop
        Stop at the limit rather than count on: for a caller that only needs to know
        that there is a problem.

    Examples
    --------
    >>> from democratie.model import Landscape, Role
    >>> roles = tuple(Role(holder=f"p{i}", kind="deelnemer") for i in range(5))
    >>> collector = Collector(limit=2)
    >>> token = COLLECTOR.set(collector)
    >>> try:
    ...     Landscape(roles=roles)
    ... except ModelError as error:
    ...     print(len(error.problems), collector.omitted)
    2 3
    >>> COLLECTOR.reset(token)
    """

    limit: int | None = attrs.field()
    select: Callable[[Problem], Problem | None] | None = None
    stop: bool = False
    #: The problems kept, in the order found.
    kept: list[Problem] = attrs.field(factory=list)
    #: How many more were found beyond the limit (none are counted when stopping).
    omitted: int = 0

    @limit.validator
    def _check_limit(self, _: object, value: int | None) -> None:
        if value is not None and value < 1:
            raise ValueError(f"a collector keeps at least 1 problem, not {value}")

    def add(self, problem: Problem) -> bool:
        """Keep or count *problem*; False once checking may stop."""
        if self.select is not None:
            chosen = self.select(problem)
            if chosen is None:
                return True
            problem = chosen
        if self.limit is None or len(self.kept) < self.limit:
            self.kept.append(problem)
            return not (self.stop and self.limit is not None and len(self.kept) >= self.limit)
        if self.stop:
            return False
        self.omitted += 1
        return True

    def add_all(self, problems: Iterable[Problem]) -> bool:
        """Keep or count each of *problems*, taken one at a time; False once checking may stop."""
        return all(self.add(problem) for problem in problems)


#: The collector of the landscape being built, when its builder bounds the problems kept.
COLLECTOR: contextvars.ContextVar[Collector | None] = contextvars.ContextVar(
    "COLLECTOR", default=None
)


def raise_problems(problems: Iterable[Problem]) -> None:
    """Raise a :class:`ModelError` when there is any problem.

    Examples
    --------
    >>> raise_problems(check_count(21, "seats"))
    >>> raise_problems([*check_count(-1, "seats"), *check_id("Leusden", "id")])
    Traceback (most recent call last):
        ...
    democratie.errors.ModelError: 2 problems:
      - seats: -1 is outside the range 0 to 10000000
      - id: 'Leusden' is not a valid id; an id is a lowercase slug of letters, digits, '-', '_' and
    '.', starting and ending with a letter or digit (at most 200 characters), for example 'delft' or
    'p-rob-van-den-berg'
    """
    found = tuple(problems)
    if found:
        raise ModelError(found)


def check_id(value: object, path: str) -> Iterator[Problem]:
    """Check that *value* is an id: a lowercase slug of at most 200 characters.

    Examples
    --------
    >>> list(check_id("leusden-raad", "at"))
    []
    >>> print(*check_id("Leusden Raad", "at"))
    at: 'Leusden Raad' is not a valid id; an id is a lowercase slug of letters, digits, '-', '_' and
    '.', starting and ending with a letter or digit (at most 200 characters), for example 'delft' or
    'p-rob-van-den-berg'
    """
    if not isinstance(value, str) or ID_PATTERN.fullmatch(value) is None:
        yield Problem(
            path=path,
            code="invalid-value",
            message=(
                f"{_show(value)} is not a valid id; an id is a lowercase slug of letters, "
                "digits, '-', '_' and '.', starting and ending with a letter or digit "
                "(at most 200 characters), for example 'delft' or 'p-rob-van-den-berg'"
            ),
        )


def check_ids(values: Iterable[object], path: str) -> Iterator[Problem]:
    """Check a list of references: each an id, none repeated.

    Examples
    --------
    >>> for problem in check_ids(["leusden", "baarn", "leusden"], "municipalities"):
    ...     print(problem)
    municipalities[2]: 'leusden' is listed twice
    """
    seen: set[object] = set()
    for index, value in enumerate(values):
        yield from check_id(value, f"{path}[{index}]")
        if isinstance(value, str):
            if value in seen:
                yield Problem(
                    path=f"{path}[{index}]",
                    code="invalid-value",
                    message=f"'{value}' is listed twice",
                )
            seen.add(value)


def check_unique(
    values: list[object] | tuple[object, ...], path: str, suffix: str = ""
) -> Iterator[Problem]:
    """Check that no value is listed twice (vocabulary members, or a key of each item).

    A repeat is reported at its own place, ``path[index]``, followed by ``.suffix`` when
    the values are a key of each item (the ``kind`` of each commitment).

    Examples
    --------
    >>> from democratie.vocab import PolicyDomain
    >>> domains = [PolicyDomain.ZORG, PolicyDomain.BESTUUR, PolicyDomain.ZORG]
    >>> print(*check_unique(domains, "domains"))
    domains[2]: 'zorg' is listed twice
    >>> print(*check_unique(["politiek", "politiek"], "commitments", "kind"))
    commitments[1].kind: 'politiek' is listed twice
    """
    seen: set[object] = set()
    for index, value in enumerate(values):
        if value in seen:
            where = f"{path}[{index}]" + (f".{suffix}" if suffix else "")
            shown = getattr(value, "value", value)
            yield Problem(path=where, message=f"'{shown}' is listed twice")
        seen.add(value)


def check_text(
    value: object, path: str, *, multiline: bool = False, required: bool = True
) -> Iterator[Problem]:
    """Check a text field: not blank (when required), no control characters, not too long.

    Examples
    --------
    >>> print(*check_text("  ", "title"))
    title: must not be empty
    >>> list(check_text(None, "description", required=False))
    []
    >>> two_lines = "eerste regel" + chr(10) + "tweede regel"
    >>> list(check_text(two_lines, "description", multiline=True))
    []
    >>> print(*check_text(two_lines, "title"))
    title: contains the control character U+000A at position 13; remove it

    A single line of text refuses the invisible characters of :data:`INVISIBLE`, which
    can make a name read differently from what it holds:

    >>> print(*check_text("Vi" + chr(0x202E) + "sser", "name"))
    name: contains the invisible character U+202E RIGHT-TO-LEFT OVERRIDE at position 3, which
    can hide text or show it in another order than it is stored; remove it (the marks U+200E,
    U+200F and U+061C and the joiners U+200C and U+200D are allowed)
    >>> list(check_text("Sara" + chr(0x200F), "name"))
    []
    """
    if value is None and not required:
        return
    if not isinstance(value, str):
        yield Problem(path=path, code="wrong-type", message=f"expected text, got {_show(value)}")
        return
    if required and not value.strip():
        yield Problem(path=path, code="invalid-value", message="must not be empty")
        return
    if len(value) > MAX_TEXT:
        yield Problem(
            path=path,
            code="invalid-value",
            message=f"is {len(value):,} characters long; at most {MAX_TEXT:,} are accepted",
        )
        return
    found = (_CONTROL_MULTILINE if multiline else _CONTROL).search(value)
    if found is not None:
        yield Problem(
            path=path,
            code="invalid-value",
            message=(
                f"contains the control character U+{ord(found.group()):04X} at position "
                f"{found.start() + 1}; remove it"
            ),
        )
        return
    hidden = None if multiline else INVISIBLE.search(value)
    if hidden is not None:
        char = hidden.group()
        yield Problem(
            path=path,
            code="invalid-value",
            message=(
                f"contains the invisible character U+{ord(char):04X} "
                f"{unicodedata.name(char, 'FORMAT CHARACTER')} at position {hidden.start() + 1}, "
                "which can hide text or show it in another order than it is stored; remove it "
                "(the marks U+200E, U+200F and U+061C and the joiners U+200C and U+200D are "
                "allowed)"
            ),
        )


def check_unit(value: float | None, path: str) -> Iterator[Problem]:
    """Check that an optional number lies in the closed interval [0, 1].

    Examples
    --------
    >>> list(check_unit(0.8, "assessment.power"))
    []
    >>> print(*check_unit(1.5, "assessment.power"))
    assessment.power: 1.5 is outside the range 0 to 1
    """
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        yield Problem(
            path=path,
            code="wrong-type",
            message=f"expected a number from 0 to 1, got {_show(value)}",
        )
    elif math.isnan(value) or not 0.0 <= value <= 1.0:
        yield Problem(
            path=path,
            code="invalid-value",
            message=f"{value} is outside the range 0 to 1",
        )


def check_number(value: object, path: str, *, required: bool = False) -> Iterator[Problem]:
    """Check that a number is a finite int or float (not a boolean); None when not required.

    Examples
    --------
    >>> list(check_number(62.5, "value")), list(check_number(None, "baseline"))
    ([], [])
    >>> print(*check_number(float("nan"), "value"))
    value: nan is not a finite number
    >>> print(*check_number(True, "target"))
    target: expected a number, got True
    """
    if value is None and not required:
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        yield Problem(
            path=path, code="wrong-type", message=f"expected a number, got {_show(value)}"
        )
        return
    try:
        finite = math.isfinite(value)
    except OverflowError:
        finite = False
    if not finite:
        yield Problem(
            path=path, code="invalid-value", message=f"{_show(value)} is not a finite number"
        )


def check_count(
    value: int | None, path: str, *, minimum: int = 0, maximum: int = 10_000_000
) -> Iterator[Problem]:
    """Check that an optional whole number lies within ``[minimum, maximum]``.

    Examples
    --------
    >>> list(check_count(21, "seats", maximum=200))
    []
    >>> print(*check_count(250, "seats", maximum=200))
    seats: 250 is outside the range 0 to 200
    >>> list(check_count(None, "seats"))
    []
    """
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        yield Problem(
            path=path, code="wrong-type", message=f"expected a whole number, got {_show(value)}"
        )
    elif not minimum <= value <= maximum:
        yield Problem(
            path=path,
            code="invalid-value",
            message=f"{value} is outside the range {minimum} to {maximum}",
        )


def _show(value: object) -> str:
    if isinstance(value, (dt.date, dt.time)):
        return describe(value)  # as a document writes it, not as Python would
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def coerce_terms(obj: Any) -> None:
    """Turn vocabulary slugs given as text into their members, in place; refuse anything else.

    ``Initiative(kind="experiment")`` then holds ``InitiativeKind.EXPERIMENT``, as
    a loaded document would, and ``kind="experimnet"`` fails at once with the
    slugs allowed instead of somewhere later. Members pass untouched, so objects
    built by the loader pay only an ``isinstance`` per field.

    Raises
    ------
    ModelError
        Listing every value that is not a member or a slug of its vocabulary.

    Examples
    --------
    The model classes call it in ``__attrs_post_init__``; a slug becomes its member:

    >>> from democratie.model import Initiative
    >>> Initiative(id="challenge", title="Challenge", kind="challenge").kind
    <InitiativeKind.CHALLENGE: 'challenge'>
    >>> Initiative(id="challenge", title="Challenge", kind="chalenge")
    Traceback (most recent call last):
        ...
    democratie.errors.ModelError: kind: 'chalenge' is not one of the slugs of InitiativeKind:
    experiment, traject, challenge, programma, workshop, bijeenkomst, leerkring, burgerberaad,
    burgerforum, g1000, burgerbegroting, wijkbudget, uitdaagrecht, thorbecke_experiment
    """
    problems = []
    for name, vocabulary, many in _term_fields(type(obj)):
        value = getattr(obj, name)
        if value is None or isinstance(value, vocabulary):
            continue
        if many and isinstance(value, tuple):
            if all(isinstance(item, vocabulary) for item in value):
                continue
            items = []
            for index, item in enumerate(value):
                member, problem = term_member(vocabulary, item, f"{name}[{index}]")
                items.append(member)
                if problem is not None:
                    problems.append(problem)
            object.__setattr__(obj, name, tuple(items))
        elif many:
            problems.append(
                Problem(
                    path=name, code="wrong-type", message=f"expected a tuple, got {_show(value)}"
                )
            )
        else:
            member, problem = term_member(vocabulary, value, name)
            if problem is not None:
                problems.append(problem)
            else:
                object.__setattr__(obj, name, member)
    if problems:
        raise ModelError(problems)


def term_member(
    vocabulary: type[enum.Enum], value: object, path: str
) -> tuple[Any, Problem | None]:
    """The member of *vocabulary* that *value* is or names, or the problem at *path*.

    Examples
    --------
    >>> from democratie.vocab import ContactKind
    >>> term_member(ContactKind, "email", "kind")
    (<ContactKind.EMAIL: 'email'>, None)
    >>> term_member(ContactKind, "fax", "kind")[1].message
    "'fax' is not one of the slugs of ContactKind: email, telefoon, website, adres"
    """
    if isinstance(value, vocabulary):
        return value, None
    if isinstance(value, str):
        try:
            return vocabulary(value), None
        except ValueError:
            pass
    allowed = ", ".join(str(member.value) for member in vocabulary)
    return value, Problem(
        path=path,
        code="invalid-value",
        message=f"{_show(value)} is not one of the slugs of {vocabulary.__name__}: {allowed}",
    )


_TermField = tuple[str, type[enum.Enum], bool]
_TERM_FIELDS: dict[type, tuple[_TermField, ...]] = {}


def _term_fields(cls: type) -> tuple[_TermField, ...]:
    """List the fields of an attrs class that hold vocabulary members.

    Each as (name, vocabulary, whether it is a tuple of them); worked out once per class.
    """
    cached = _TERM_FIELDS.get(cls)
    if cached is not None:
        return cached
    found = []
    for name, hint in typing.get_type_hints(cls).items():
        if name.startswith("_"):
            continue
        many = typing.get_origin(hint) is tuple
        if many:
            hint = typing.get_args(hint)[0]
        if typing.get_origin(hint) in (Union, types.UnionType):
            options = [a for a in typing.get_args(hint) if a is not type(None)]
            hint = options[0] if len(options) == 1 else None
        if isinstance(hint, type) and issubclass(hint, enum.Enum):
            found.append((name, hint, many))
    _TERM_FIELDS[cls] = result = tuple(found)
    return result

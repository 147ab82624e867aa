"""Municipalities (gemeenten), their areas, council and college."""

from __future__ import annotations

import re
from collections.abc import Iterator

from attrs import Factory, field, frozen

from democratie import reference
from democratie.errors import Problem
from democratie.model._checks import check_count, check_id, check_text, coerce_terms, raise_problems
from democratie.model._common import Assessment, Identifier
from democratie.model.monitoring import Indicator
from democratie.vocab import AreaLevel

__all__ = ["Area", "College", "Council", "Faction", "Municipality"]

#: How deep areas may nest in a municipality: a wijk with its buurten is two levels.
MAX_AREA_DEPTH = 32

_CBS_CODE = re.compile(r"GM[0-9]{4}")
_AREA_CODES = {
    AreaLevel.WIJK: (re.compile(r"WK[0-9]{6}"), "WK followed by six digits, like WK050300"),
    AreaLevel.BUURT: (re.compile(r"BU[0-9]{8}"), "BU followed by eight digits, like BU05030000"),
    AreaLevel.GEMEENTE: (re.compile(r"GM[0-9]{4}"), "GM followed by four digits, like GM0503"),
    AreaLevel.PROVINCIE: (re.compile(r"PV[0-9]{2}"), "PV followed by two digits, like PV28"),
}


@frozen(kw_only=True)
class Area:
    """A part of a municipality: a wijk, kern, buurt, dorp or gebied; areas nest.

    A municipality accepts areas nested at most :data:`MAX_AREA_DEPTH` (32)
    levels deep: deep enough for any real division, and shallow enough that
    every landscape can be written and read back.

    Parameters
    ----------
    id
        Unique in the landscape.
    name
        The name people use.
    level
        wijk, kern, buurt, ...
    code
        The CBS code where there is one (``WK050300`` for a wijk, ``BU05030000`` for a buurt).
    areas
        The areas within this one (the buurten of a wijk, say).
    identifiers
        Ids of this area in other systems.

    Examples
    --------
    >>> from democratie.vocab import AreaLevel
    >>> kern = Area(id="breukelen", name="Breukelen", level=AreaLevel.KERN)
    >>> kern.level.label_nl
    'Kern'
    """

    id: str
    name: str
    level: AreaLevel
    code: str | None = None
    areas: tuple[Area, ...] = ()
    identifiers: tuple[Identifier, ...] = ()

    def __attrs_post_init__(self) -> None:
        coerce_terms(self)
        raise_problems(self._check())

    def _check(self) -> Iterator[Problem]:
        yield from check_id(self.id, "id")
        yield from check_text(self.name, "name")
        if self.code is not None:
            expected = _AREA_CODES.get(self.level)
            if expected is not None and expected[0].fullmatch(self.code) is None:
                yield Problem(
                    path="code",
                    code="invalid-value",
                    message=(
                        f"'{self.code}' is not a CBS code for a {self.level.label_en.lower()}; "
                        f"expected {expected[1]}"
                    ),
                )
            else:
                yield from check_text(self.code, "code")

    def walk(self) -> Iterator[Area]:
        """Yield this area and every area within it, depth first."""
        yield self
        for child in self.areas:
            yield from child.walk()


@frozen(kw_only=True)
class Faction:
    """A group in the council (fractie), usually of one party.

    Parameters
    ----------
    id
        Unique in the landscape.
    name
        The faction's name as used in the council.
    seats
        Seats it holds.
    party
        The id of the party organisation, when the landscape has one.
    identifiers
        Ids in other systems.

    Examples
    --------
    >>> from democratie.model import Landscape, Municipality
    >>> cda = Faction(id="leusden-cda", name="CDA", seats=5)
    >>> land = Landscape(municipalities=(Municipality(id="leusden", cbs_code="GM0327",
    ...                                               council=Council(seats=21, factions=(cda,))),))
    >>> land.get("leusden-cda").name, land.entry("leusden-cda").municipality
    ('CDA', 'leusden')
    """

    id: str
    name: str
    seats: int | None = None
    party: str | None = None
    identifiers: tuple[Identifier, ...] = ()

    def __attrs_post_init__(self) -> None:
        coerce_terms(self)
        raise_problems(
            [
                *check_id(self.id, "id"),
                *check_text(self.name, "name"),
                *check_count(self.seats, "seats", maximum=200),
                *(check_id(self.party, "party") if self.party is not None else ()),
            ]
        )


@frozen(kw_only=True)
class Council:
    """The municipal council (gemeenteraad).

    Its id in the landscape is ``<municipality id>-raad``; who sits on it is said
    by :class:`~democratie.model.Role` objects at that id, as Popolo memberships do.

    Parameters
    ----------
    seats
        The number of seats (9 to 45 in Dutch municipalities).
    factions
        The factions (fracties) in the council.
    assessment
        How the council stands in the krachtenveld.

    Examples
    --------
    >>> council = Council(seats=21, factions=(
    ...     Faction(id="leusden-cda", name="CDA", seats=5),
    ...     Faction(id="leusden-vvd", name="VVD", seats=4),
    ... ))
    >>> sum(faction.seats for faction in council.factions)
    9
    >>> Council(seats=3, factions=(Faction(id="leusden-cda", name="CDA", seats=5),))
    Traceback (most recent call last):
        ...
    democratie.errors.ModelError: factions: the factions hold 5 seats, more than the council's 3
    """

    seats: int | None = None
    factions: tuple[Faction, ...] = ()
    assessment: Assessment | None = None

    def __attrs_post_init__(self) -> None:
        coerce_terms(self)
        raise_problems(self._check())

    def _check(self) -> Iterator[Problem]:
        yield from check_count(self.seats, "seats", minimum=1, maximum=200)
        taken = sum(f.seats for f in self.factions if f.seats is not None)
        if self.seats is not None and taken > self.seats:
            yield Problem(
                path="factions",
                code="invalid-value",
                message=f"the factions hold {taken} seats, more than the council's {self.seats}",
            )


@frozen(kw_only=True)
class College:
    """The college of burgemeester and wethouders.

    Its id in the landscape is ``<municipality id>-college``; the burgemeester and
    the wethouders (with their portfolios) are :class:`~democratie.model.Role`
    objects at that id.

    Parameters
    ----------
    wethouder_seats
        The number of wethouder posts.
    assessment
        How the college stands in the krachtenveld.

    Examples
    --------
    It comes with its municipality, at the id ``<municipality>-college``:

    >>> from democratie.model import Landscape, Municipality
    >>> leusden = Municipality(id="leusden", cbs_code="GM0327", college=College(wethouder_seats=4))
    >>> land = Landscape(municipalities=(leusden,))
    >>> land.get("leusden-college").wethouder_seats, land.kind_of("leusden-college")
    (4, 'college')
    """

    wethouder_seats: int | None = None
    assessment: Assessment | None = None

    def __attrs_post_init__(self) -> None:
        coerce_terms(self)
        raise_problems(check_count(self.wethouder_seats, "wethouder_seats", maximum=50))


def _cbs_name(self: Municipality) -> str:
    record = _record(self.cbs_code)
    return record.name if record is not None else ""


def _cbs_province(self: Municipality) -> str | None:
    record = _record(self.cbs_code)
    return record.province if record is not None else None


def _record(code: str | None) -> reference.MunicipalityRecord | None:
    if code is None or _CBS_CODE.fullmatch(code) is None or not reference.is_known_code(code):
        return None
    return reference.by_code(code)


def _named_by_id(
    id: str, record: reference.MunicipalityRecord
) -> reference.MunicipalityRecord | None:
    """The other municipality an id names exactly (``zeist`` with Nieuwegein's code), or None.

    A code one digit off is another real municipality; an id that is the name of a
    municipality catches it. Ids that name none, or several, say nothing.
    """
    try:
        named = reference.resolve(id)
    except LookupError:  # unknown, ambiguous or former: no one municipality named
        return None
    return None if named.cbs_code == record.cbs_code else named


@frozen(kw_only=True)
class Municipality:
    """A Dutch municipality (gemeente), or another local government.

    Give the CBS code and the name and province come from the shipped list of
    2025 (:mod:`democratie.reference`). A local government outside that list
    (a former municipality, a council abroad in imported data) has no code and
    needs a name.

    Parameters
    ----------
    id
        Unique in the landscape; also the stem of the ids of its council
        (``<id>-raad``) and college (``<id>-college``).
    cbs_code
        ``GM`` and four digits, checked against the CBS list of 2025. The code
        of a municipality dissolved since 2015 is refused with what it became
        (``GM0457``: Weesp, part of Amsterdam since 2022-03-24); give such a
        municipality by name, without a code, for the time before the change.
        A code one digit off is often another municipality's: an id that names
        a municipality (``zeist``) must name the one of the code.
    name
        Defaults to the CBS name of the code. With a code, a common short name
        (``Nuenen``, ``Den Haag``) or the name without its CBS suffix (``Bergen``
        for ``GM0373``) is accepted too.
    province
        Defaults to the CBS province of the code.
    areas
        Its wijken, kernen and other areas (nested).
    wijk_count
        How many wijken (districts) it has, when a source says so without
        naming them all (Delft's eight wijken); not below the number of wijken
        listed in ``areas``.
    kern_count
        How many kernen (its towns and villages) it has, when a source says so
        without naming them all; not below the number of kernen listed in
        ``areas``.
    council
        Its gemeenteraad (municipal council): the seats and the factions; who
        sits on it are roles at ``<id>-raad``.
    college
        Its college van burgemeester en wethouders (the executive): the
        wethouder posts; the burgemeester and wethouders are roles at
        ``<id>-college``.
    assessment
        How the municipality as a whole stands in the krachtenveld.
    indicators
        Measures of its goals (the service goals, say), for the whole municipality or for
        one of its areas, with the values measured over time.
    identifiers
        Ids in other systems.

    Examples
    --------
    >>> delft = Municipality(id="delft", cbs_code="GM0503")
    >>> delft.name, delft.province, delft.council_id
    ('Delft', 'Zuid-Holland', 'delft-raad')
    """

    id: str
    cbs_code: str | None = None
    name: str = field(default=Factory(_cbs_name, takes_self=True))
    province: str | None = field(default=Factory(_cbs_province, takes_self=True))
    areas: tuple[Area, ...] = ()
    wijk_count: int | None = None
    kern_count: int | None = None
    council: Council = Factory(Council)
    college: College = Factory(College)
    assessment: Assessment | None = None
    indicators: tuple[Indicator, ...] = ()
    identifiers: tuple[Identifier, ...] = ()

    def __attrs_post_init__(self) -> None:
        coerce_terms(self)
        if self.province is None and self.cbs_code is not None:
            # Leaving the province out means "as in the CBS list"; None cannot be stored
            # in every format, so the CBS fact is filled in here too.
            record = _record(self.cbs_code)
            if record is not None:
                object.__setattr__(self, "province", record.province)
        raise_problems(self._check())

    @property
    def council_id(self) -> str:
        """The id of the council in the landscape: ``<id>-raad``."""
        return f"{self.id}-raad"

    @property
    def college_id(self) -> str:
        """The id of the college in the landscape: ``<id>-college``."""
        return f"{self.id}-college"

    @property
    def record(self) -> reference.MunicipalityRecord | None:
        """The CBS record of the code, or None for a municipality without one."""
        return _record(self.cbs_code)

    def walk_areas(self) -> Iterator[Area]:
        """Yield every area of the municipality, nested ones included, depth first."""
        for area in self.areas:
            yield from area.walk()

    def _check(self) -> Iterator[Problem]:
        yield from check_id(self.id, "id")
        record = None
        if self.cbs_code is not None:
            if _CBS_CODE.fullmatch(self.cbs_code) is None:
                yield Problem(
                    path="cbs_code",
                    code="invalid-value",
                    message=(
                        f"{self.cbs_code!r} is not a CBS municipality code; expected GM "
                        "followed by four digits, like GM0503"
                    ),
                )
            else:
                record = _record(self.cbs_code)
                if record is None:
                    yield _unknown_code(self.cbs_code, self.name)
        name_problems: list[Problem] = []
        if self.cbs_code is None and not self.name:
            yield Problem(
                path="name",
                code="missing-key",
                message="a municipality needs a CBS code (cbs_code) or a name",
            )
        elif self.name != "" or self.cbs_code is None:
            name_problems = list(check_text(self.name, "name"))
            yield from name_problems
        if record is not None:
            # A name the text check refuses is reported once, not again as a name CBS lacks.
            if self.name and not name_problems and not _same_municipality(self.name, record):
                former = reference.find_former(self.name)
                became = ""
                if former is not None and record in former.successors:
                    became = f" ({former})"
                yield Problem(
                    path="name",
                    code="invalid-value",
                    message=(
                        f"'{self.name}' is not the name of {record.cbs_code} in the CBS list "
                        f"of {reference.REFERENCE_YEAR}, which is '{record.name}'{became}; "
                        "correct the code or leave the name out"
                    ),
                )
            elif (other := _named_by_id(self.id, record)) is not None:
                yield Problem(
                    path="cbs_code",
                    code="invalid-value",
                    message=(
                        f"{record.cbs_code} is the code of {record.name}, but the id "
                        f"'{self.id}' names {other.name} ({other.cbs_code}); correct the code, "
                        "or choose an id that does not name another municipality"
                    ),
                )
            province_problems = list(check_text(self.province, "province", required=False))
            yield from province_problems
            if (
                self.province is not None
                and not province_problems
                and not _same_text(self.province, record.province)
            ):
                yield Problem(
                    path="province",
                    code="invalid-value",
                    message=(
                        f"{record.name} lies in {record.province}, not '{self.province}'; "
                        "leave the province out to take it from the CBS list"
                    ),
                )
        elif self.province is not None:
            yield from check_text(self.province, "province")
        yield from check_count(self.wijk_count, "wijk_count", maximum=10_000)
        yield from check_count(self.kern_count, "kern_count", maximum=10_000)
        too_deep = _too_deep(self.areas)
        if too_deep is not None:
            yield Problem(
                path=too_deep,
                code="too-deep",
                message=(
                    f"areas nest more than {MAX_AREA_DEPTH} levels deep here; "
                    f"at most {MAX_AREA_DEPTH} levels are accepted"
                ),
            )
            return  # counting the areas below would recurse as deep
        for level, count, name in (
            (AreaLevel.WIJK, self.wijk_count, "wijk_count"),
            (AreaLevel.KERN, self.kern_count, "kern_count"),
        ):
            named = sum(1 for area in self.walk_areas() if area.level is level)
            if count is not None and 0 <= count < named:
                yield Problem(
                    path=name,
                    code="invalid-value",
                    message=f"{named} areas of level '{level.value}' are listed, more than {count}",
                )


def _too_deep(areas: tuple[Area, ...]) -> str | None:
    """The path of the first area nested deeper than :data:`MAX_AREA_DEPTH`, or None."""
    stack = [(area, 1, f"areas[{index}]") for index, area in reversed(list(enumerate(areas)))]
    while stack:
        area, depth, path = stack.pop()
        if depth > MAX_AREA_DEPTH:
            return path
        stack.extend(
            (child, depth + 1, f"{path}.areas[{index}]")
            for index, child in reversed(list(enumerate(area.areas)))
        )
    return None


def _unknown_code(code: str, name: str) -> Problem:
    former = reference.find_former(code)
    if former is None and name:
        former = reference.find_former(name)
    if former is not None:
        return _former_code(code, former)
    hints: tuple[str, ...] = ()
    if name:
        hints = reference.suggest(name)
    if not hints:
        number = int(code[2:])
        near = sorted(reference.municipalities(), key=lambda r: abs(int(r.cbs_code[2:]) - number))
        hints = tuple(f"{r.name} ({r.cbs_code})" for r in near[:3])
    elif hints:
        hints = tuple(f"{h} ({reference.resolve(h).cbs_code})" for h in hints)
    return Problem(
        path="cbs_code",
        code="unknown-municipality",
        message=(
            f"{code} is not in the CBS list of {reference.REFERENCE_YEAR} municipalities; "
            f"did you mean {', '.join(hints)}?"
        ),
    )


def _former_code(code: str, former: reference.FormerMunicipality) -> Problem:
    """The problem of a code (or a name) of a municipality dissolved since 2015."""
    if former.cbs_code == code:
        what = f"{code} was the code of {former.name}, which {former.fate()}"
    else:
        what = f"{code} is not in the CBS list of {reference.REFERENCE_YEAR}; {former}"
    codes = [record.cbs_code for record in former.successors]
    today = codes[0] if len(codes) == 1 else f"one of {', '.join(codes[:-1])} or {codes[-1]}"
    return Problem(
        path="cbs_code",
        code="unknown-municipality",
        message=(
            f"{what}. Give the cbs_code {today} for the municipality of today, or leave "
            f"the code out and give the name '{former.name}' (and province "
            f"'{former.province}') for the municipality as it was before "
            f"{former.dissolved.isoformat()}"
        ),
    )


def _same_text(a: str, b: str) -> bool:
    return reference.normalise(a) == reference.normalise(b)


def _same_municipality(name: str, record: reference.MunicipalityRecord) -> bool:
    if _same_text(name, record.name):
        return True
    try:
        return reference.resolve(name).cbs_code == record.cbs_code
    except reference.AmbiguousMunicipalityError as error:
        # "Bergen" for GM0373: the code says which of the two it is.
        return record in error.candidates
    except LookupError:
        return False

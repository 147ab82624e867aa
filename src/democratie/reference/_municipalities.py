"""The Dutch municipalities of 2025 and tolerant look-ups by code or name.

The list is the CBS municipal classification of 2025 shipped as package data
(``democratie/reference/data/gemeenten-2025.csv``; its source and licence are
in the ``README.md`` next to it). It is read once, on first use, and cached.

Examples
--------
>>> len(municipalities())
342
>>> REFERENCE_YEAR
2025
>>> PROVINCES["PV21"]
'Fryslân'
>>> resolve("Den Haag").cbs_code
'GM0518'
"""

from __future__ import annotations

import csv
import difflib
import functools
import io
import re
import unicodedata
from collections.abc import Iterable, Mapping
from importlib.resources import files
from types import MappingProxyType
from typing import Literal

import attrs

__all__ = [
    "PROVINCES",
    "REFERENCE_YEAR",
    "AmbiguousMunicipalityError",
    "MunicipalityRecord",
    "UnknownMunicipalityError",
    "by_code",
    "is_known_code",
    "municipalities",
    "resolve",
    "suggest",
]

REFERENCE_YEAR = 2025
"""The year of the CBS municipal classification shipped with the library.

Examples
--------
>>> REFERENCE_YEAR
2025
"""

PROVINCES: Mapping[str, str] = MappingProxyType(
    {
        "PV20": "Groningen",
        "PV21": "Fryslân",
        "PV22": "Drenthe",
        "PV23": "Overijssel",
        "PV24": "Flevoland",
        "PV25": "Gelderland",
        "PV26": "Utrecht",
        "PV27": "Noord-Holland",
        "PV28": "Zuid-Holland",
        "PV29": "Zeeland",
        "PV30": "Noord-Brabant",
        "PV31": "Limburg",
    }
)
"""The twelve provinces: CBS province code (``PV20`` to ``PV31``) to official name.

The mapping is read-only. The names are the official ones, so Friesland is
``Fryslân``.

Examples
--------
>>> len(PROVINCES)
12
>>> PROVINCES["PV30"]
'Noord-Brabant'
"""

_PROVINCE_CODES: Mapping[str, str] = MappingProxyType({v: k for k, v in PROVINCES.items()})

_DATA_FILE = "gemeenten-2025.csv"
_FIELDS = ("cbs_code", "name", "province")
_TOOI_PREFIX = "https://identifier.overheid.nl/tooi/id/gemeente/"
_CODE_RE = re.compile(r"(?:gm)?([0-9]{1,4})", re.IGNORECASE)
_SUFFIX_RE = re.compile(r"\s*\([^()]*\)\s*$")
_SUGGESTION_CUTOFF = 0.6
_SUGGESTION_MARGIN = 0.1

# Well-established official alternative names. 's-Gravenhage and 's-Hertogenbosch
# are the statutory names CBS uses; both cities call themselves by the short form.
_ALIASES: Mapping[str, str] = MappingProxyType(
    {
        "Den Haag": "GM0518",
        "Den Bosch": "GM0796",
    }
)


def normalise(text: str) -> str:
    """Reduce a name to lower-case letters and digits without accents.

    Two spellings of a name match when their normal forms are equal.

    Examples
    --------
    >>> normalise("Súdwest-Fryslân")
    'sudwestfryslan'
    >>> normalise("Hendrik-Ido Ambacht") == normalise("Hendrik-Ido-Ambacht")
    True
    """
    folded = unicodedata.normalize("NFKD", text).casefold()
    return "".join(ch for ch in unicodedata.normalize("NFKD", folded) if ch.isalnum())


def _parse_code(code: str) -> str | None:
    """Return ``GMdddd`` for a well-formed code, or ``None`` if it is malformed."""
    text = code.strip()
    if text[: len(_TOOI_PREFIX)].lower() == _TOOI_PREFIX:
        text = text[len(_TOOI_PREFIX) :]
        if not text.lower().startswith("gm"):
            return None
    match = _CODE_RE.fullmatch(text)
    if match is None:
        return None
    return f"GM{int(match.group(1)):04d}"


def _require_str(value: object, what: str) -> str:
    """Return `value` if it is a string, else raise a :class:`TypeError` naming `what`."""
    if not isinstance(value, str):
        msg = f"{what} must be a string, not {type(value).__name__}"
        raise TypeError(msg)
    return value


def _quoted_list(items: Iterable[str]) -> str:
    """Join items as ``"a"``, ``"a" or "b"``, ``"a", "b" or "c"``."""
    quoted = [f'"{item}"' for item in items]
    if len(quoted) <= 1:
        return "".join(quoted)
    return f"{', '.join(quoted[:-1])} or {quoted[-1]}"


class UnknownMunicipalityError(LookupError):
    """No municipality in the shipped CBS list matches a code or name.

    Parameters
    ----------
    query : str
        The code or name that was looked up, as given.
    suggestions : tuple of str, optional
        Nearby CBS names, best first (empty for codes).
    kind : {"name", "code"}, optional
        Whether `query` was looked up as a name or as a code.

    Attributes
    ----------
    query : str
        The code or name that was looked up, as given.
    suggestions : tuple of str
        Nearby CBS names, best first; at most three when raised by `resolve`.
    kind : {"name", "code"}
        Whether `query` was looked up as a name or as a code.

    Examples
    --------
    >>> try:
    ...     resolve("Waalwyk")
    ... except UnknownMunicipalityError as error:
    ...     print(error)
    ...     print(error.suggestions)
    no municipality named "Waalwyk" in the CBS list of 2025; did you mean "Waalwijk"?
    ('Waalwijk',)
    """

    def __init__(
        self,
        query: str,
        suggestions: tuple[str, ...] = (),
        kind: Literal["name", "code"] = "name",
    ) -> None:
        super().__init__(query, suggestions, kind)
        self.query = query
        self.suggestions = tuple(suggestions)
        self.kind = kind

    def __str__(self) -> str:
        if self.kind == "code":
            if _parse_code(self.query) is None:
                return (
                    f'"{self.query}" is not a municipality code; expected a CBS code such as '
                    f'"GM0503", its BRP form "0503" or a TOOI id "{_TOOI_PREFIX}gm0503"'
                )
            return f'no municipality with code "{self.query}" in the CBS list of {REFERENCE_YEAR}'
        message = f'no municipality named "{self.query}" in the CBS list of {REFERENCE_YEAR}'
        if self.suggestions:
            message += f"; did you mean {_quoted_list(self.suggestions)}?"
        return message


class AmbiguousMunicipalityError(LookupError):
    """A name matches more than one municipality in the shipped CBS list.

    This happens for names that CBS disambiguates with a suffix, such as
    ``Bergen (L.)`` and ``Bergen (NH.)``. Look up the full CBS name or a code instead.

    Parameters
    ----------
    query : str
        The name that was looked up, as given.
    candidates : tuple of MunicipalityRecord
        The matching municipalities, sorted by CBS code.

    Attributes
    ----------
    query : str
        The name that was looked up, as given.
    candidates : tuple of MunicipalityRecord
        The matching municipalities, sorted by CBS code.

    Examples
    --------
    >>> try:
    ...     resolve("Bergen")
    ... except AmbiguousMunicipalityError as error:
    ...     print(error)
    ...     print([c.name for c in error.candidates])
    "Bergen" matches 2 municipalities in the CBS list of 2025: "Bergen (NH.)" (GM0373, Noord-Holland) or "Bergen (L.)" (GM0893, Limburg)
    ['Bergen (NH.)', 'Bergen (L.)']
    """  # noqa: E501

    def __init__(self, query: str, candidates: tuple[MunicipalityRecord, ...]) -> None:
        super().__init__(query, candidates)
        self.query = query
        self.candidates = tuple(candidates)

    def __str__(self) -> str:
        described = [f'"{c.name}" ({c.cbs_code}, {c.province})' for c in self.candidates]
        listing = f"{', '.join(described[:-1])} or {described[-1]}" if described else ""
        return (
            f'"{self.query}" matches {len(self.candidates)} municipalities '
            f"in the CBS list of {REFERENCE_YEAR}: {listing}"
        )


@attrs.frozen(kw_only=True, slots=True)
class MunicipalityRecord:
    """One municipality of the CBS classification of 2025.

    Parameters
    ----------
    cbs_code : str
        CBS municipality code, ``GM`` and four digits, e.g. ``"GM0503"``.
    name : str
        Name as CBS spells it, including disambiguation suffixes such as
        ``"Rijswijk (ZH.)"``.
    province : str
        Official name of the province, one of the values of `PROVINCES`.

    Raises
    ------
    ValueError
        If `cbs_code` is not ``GM`` and four digits, `name` is empty or
        `province` is not one of the twelve provinces.

    Examples
    --------
    >>> delft = by_code("GM0503")
    >>> delft.name, delft.province
    ('Delft', 'Zuid-Holland')
    >>> delft.brp_code, delft.province_code
    ('0503', 'PV28')
    """

    cbs_code: str = attrs.field(validator=attrs.validators.matches_re(r"GM\d{4}"))
    name: str = attrs.field(validator=attrs.validators.min_len(1))
    province: str = attrs.field(validator=attrs.validators.in_(frozenset(PROVINCES.values())))

    @property
    def brp_code(self) -> str:
        """The four-digit municipality code used in the BRP (the CBS code without ``GM``).

        Examples
        --------
        >>> by_code("GM0503").brp_code
        '0503'
        """
        return self.cbs_code[2:]

    @property
    def tooi_id(self) -> str:
        """The TOOI identifier (Thesauri en Ontologieën voor Overheidsinformatie).

        Examples
        --------
        >>> by_code("GM0503").tooi_id
        'https://identifier.overheid.nl/tooi/id/gemeente/gm0503'
        """
        return f"{_TOOI_PREFIX}{self.cbs_code.lower()}"

    @property
    def province_code(self) -> str:
        """The CBS code of the province (``PV20`` to ``PV31``), see `PROVINCES`.

        Examples
        --------
        >>> resolve("Leeuwarden").province_code
        'PV21'
        """
        return _PROVINCE_CODES[self.province]


@attrs.frozen(slots=True)
class _Index:
    """Look-up tables built once from the shipped list."""

    records: tuple[MunicipalityRecord, ...]
    by_code: Mapping[str, MunicipalityRecord]
    by_name: Mapping[str, MunicipalityRecord]
    by_base: Mapping[str, tuple[MunicipalityRecord, ...]]
    names_by_key: Mapping[str, tuple[str, ...]]


def _read_records() -> tuple[MunicipalityRecord, ...]:
    """Read and validate the package data file."""
    resource = files("democratie.reference") / "data" / _DATA_FILE
    reader = csv.DictReader(io.StringIO(resource.read_text(encoding="utf-8"), newline=""))
    if tuple(reader.fieldnames or ()) != _FIELDS:
        msg = f"{_DATA_FILE}: expected columns {_FIELDS}, found {reader.fieldnames}"
        raise ValueError(msg)
    records = [
        MunicipalityRecord(cbs_code=row["cbs_code"], name=row["name"], province=row["province"])
        for row in reader
    ]
    return tuple(sorted(records, key=lambda record: record.cbs_code))


@functools.cache
def _index() -> _Index:
    """Build the code and normalised-name tables once."""
    records = _read_records()
    codes: dict[str, MunicipalityRecord] = {}
    names: dict[str, MunicipalityRecord] = {}
    bases: dict[str, list[MunicipalityRecord]] = {}
    for record in records:
        key = normalise(record.name)
        if record.cbs_code in codes or key in names:
            msg = f"{_DATA_FILE}: duplicate code or name in {record!r}"
            raise ValueError(msg)
        codes[record.cbs_code] = record
        names[key] = record
        base = _SUFFIX_RE.sub("", record.name)
        if base != record.name:
            bases.setdefault(normalise(base), []).append(record)
    for alias, code in _ALIASES.items():
        names.setdefault(normalise(alias), codes[code])
    names_by_key: dict[str, list[str]] = {}
    for key, record in names.items():
        names_by_key.setdefault(key, []).append(record.name)
    for key, group in bases.items():
        names_by_key.setdefault(key, []).extend(record.name for record in group)
    return _Index(
        records=records,
        by_code=MappingProxyType(codes),
        by_name=MappingProxyType(names),
        by_base=MappingProxyType({key: tuple(group) for key, group in bases.items()}),
        names_by_key=MappingProxyType({key: tuple(group) for key, group in names_by_key.items()}),
    )


def municipalities() -> tuple[MunicipalityRecord, ...]:
    """Return all municipalities of the CBS classification of 2025.

    The package data file is read on the first call only.

    Returns
    -------
    tuple of MunicipalityRecord
        All 342 municipalities, sorted by CBS code.

    Examples
    --------
    >>> everything = municipalities()
    >>> len(everything)
    342
    >>> everything[0].cbs_code, everything[0].name
    ('GM0014', 'Groningen')
    """
    return _index().records


def by_code(code: str) -> MunicipalityRecord:
    """Look up a municipality by code.

    Parameters
    ----------
    code : str
        A CBS code (``"GM0503"``, any case), a BRP code with or without leading
        zeros (``"0503"``, ``"503"``) or a TOOI id
        (``"https://identifier.overheid.nl/tooi/id/gemeente/gm0503"``).
        Surrounding whitespace is ignored.

    Returns
    -------
    MunicipalityRecord
        The municipality with that code.

    Raises
    ------
    UnknownMunicipalityError
        If `code` is malformed or no municipality of 2025 has that code.
    TypeError
        If `code` is not a string.

    Examples
    --------
    >>> by_code("GM0503").name
    'Delft'
    >>> by_code("503") == by_code("gm0503") == by_code("0503")
    True
    >>> by_code("https://identifier.overheid.nl/tooi/id/gemeente/gm0503").name
    'Delft'
    >>> by_code("GM0503").tooi_id
    'https://identifier.overheid.nl/tooi/id/gemeente/gm0503'
    """
    cbs_code = _parse_code(_require_str(code, "a municipality code"))
    record = None if cbs_code is None else _index().by_code.get(cbs_code)
    if record is None:
        raise UnknownMunicipalityError(code, kind="code")
    return record


def is_known_code(code: str) -> bool:
    """Tell whether a code belongs to a municipality of 2025.

    Parameters
    ----------
    code : str
        A code in any form `by_code` accepts.

    Returns
    -------
    bool
        ``True`` if `by_code` would find a municipality, ``False`` otherwise
        (including for malformed codes and non-strings).

    Examples
    --------
    >>> is_known_code("GM0503"), is_known_code("503"), is_known_code("GM9999")
    (True, True, False)
    >>> is_known_code("Delft")
    False
    """
    try:
        by_code(code)
    except (UnknownMunicipalityError, TypeError):
        return False
    return True


def suggest(text: str, n: int = 3) -> tuple[str, ...]:
    """Return the CBS names nearest to a (misspelt) name.

    Names are compared after normalisation (accents, case, punctuation and
    spaces removed) with :class:`difflib.SequenceMatcher`. A name is suggested
    when its similarity ratio is at least 0.6 and at most 0.1 below that of the
    best match, so a clear favourite is not followed by weak alternatives.
    The short names ``Den Haag`` and ``Den Bosch`` are compared too, and
    suggest the CBS names ``'s-Gravenhage`` and ``'s-Hertogenbosch``.

    Parameters
    ----------
    text : str
        A municipality name, possibly misspelt.
    n : int, optional
        The maximum number of names to return; must be positive.

    Returns
    -------
    tuple of str
        Up to `n` CBS names, nearest first; empty if nothing is close.

    Raises
    ------
    ValueError
        If `n` is not positive.

    Examples
    --------
    >>> suggest("Waalwyk")
    ('Waalwijk',)
    >>> suggest("Bergen op Zom", n=1)
    ('Bergen op Zoom',)
    >>> suggest("Fryslan")
    ('Súdwest-Fryslân', 'Noardeast-Fryslân')
    >>> suggest("xyzzy")
    ()
    """
    if n <= 0:
        msg = f"n must be positive, not {n}"
        raise ValueError(msg)
    index = _index()
    found: dict[str, None] = {}
    for key in _close_keys(normalise(text), index.names_by_key):
        found.update(dict.fromkeys(index.names_by_key[key]))
    return tuple(found)[:n]


def _close_keys(key: str, keys: Iterable[str]) -> list[str]:
    """Return the keys similar to `key`, best first, as `difflib` rates them.

    Keys below the cutoff are dropped, and so are keys clearly worse than the
    best one, so that a near-exact match is not diluted by weak alternatives.
    """
    if not key:
        return []
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(key)
    scored: list[tuple[float, str]] = []
    for candidate in keys:
        matcher.set_seq1(candidate)
        if (
            matcher.real_quick_ratio() >= _SUGGESTION_CUTOFF
            and matcher.quick_ratio() >= _SUGGESTION_CUTOFF
        ):
            ratio = matcher.ratio()
            if ratio >= _SUGGESTION_CUTOFF:
                scored.append((ratio, candidate))
    if not scored:
        return []
    scored.sort(key=lambda item: (-item[0], item[1]))
    best = scored[0][0]
    return [candidate for ratio, candidate in scored if ratio >= best - _SUGGESTION_MARGIN]


def resolve(name_or_code: str) -> MunicipalityRecord:
    """Find a municipality by code or by a loosely written name.

    Codes are everything `by_code` accepts. Names are compared after
    normalisation: Unicode NFKD, case folding, and dropping everything that is
    not a letter or digit. So accents (``Fryslan`` for ``Fryslân``), case,
    apostrophes, hyphens and spaces do not matter. A name may omit the CBS
    disambiguation suffix (``Rijswijk`` for ``Rijswijk (ZH.)``) when only one
    municipality carries that name. Two common official names are also
    accepted: ``Den Haag`` for ``'s-Gravenhage`` and ``Den Bosch`` for
    ``'s-Hertogenbosch``.

    Parameters
    ----------
    name_or_code : str
        A municipality name or code.

    Returns
    -------
    MunicipalityRecord
        The matching municipality.

    Raises
    ------
    UnknownMunicipalityError
        If nothing matches; `suggestions` holds up to three nearby CBS names.
    AmbiguousMunicipalityError
        If the name matches several municipalities, such as ``Bergen``.
    TypeError
        If `name_or_code` is not a string.

    Examples
    --------
    >>> resolve("Oost-Gelre").name
    'Oost Gelre'
    >>> resolve("Hendrik-Ido Ambacht").name
    'Hendrik-Ido-Ambacht'
    >>> resolve("rijswijk zh").name
    'Rijswijk (ZH.)'
    >>> resolve("Sudwest Fryslan").cbs_code
    'GM1900'
    >>> resolve("Den Bosch").name
    "'s-Hertogenbosch"
    >>> resolve("GM0503").name
    'Delft'
    """
    if _parse_code(_require_str(name_or_code, "a municipality name or code")) is not None:
        return by_code(name_or_code)
    index = _index()
    key = normalise(name_or_code)
    record = index.by_name.get(key)
    if record is not None:
        return record
    group = index.by_base.get(key, ())
    if len(group) == 1:
        return group[0]
    if group:
        raise AmbiguousMunicipalityError(name_or_code, group)
    suggestions = suggest(name_or_code) if key else ()
    raise UnknownMunicipalityError(name_or_code, suggestions, kind="name")

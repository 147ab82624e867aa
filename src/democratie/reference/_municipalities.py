"""The Dutch municipalities of 2025 and tolerant look-ups by code or name.

The list is the CBS municipal classification of 2025 shipped as package data
(``democratie/reference/data/gemeenten-2025.csv``; its source and licence are
in the ``README.md`` next to it). Next to it are the common short names
(``gemeenten-aliassen.csv``) and the municipalities dissolved since 2015 with
the date and the municipalities they became (``gemeenten-historisch.csv``).
The files are read once, on first use, and cached.

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
>>> print(find_former("Weesp"))
Weesp is since 2022-03-24 part of Amsterdam (GM0363)
"""

from __future__ import annotations

import csv
import datetime as dt
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
    "FormerMunicipality",
    "FormerMunicipalityError",
    "MunicipalityRecord",
    "UnknownMunicipalityError",
    "by_code",
    "find_former",
    "former_municipalities",
    "is_known_code",
    "municipalities",
    "normalise",
    "province_named",
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
_ALIAS_FILE = "gemeenten-aliassen.csv"
_FORMER_FILE = "gemeenten-historisch.csv"
_FIELDS = ("cbs_code", "name", "province")
_ALIAS_FIELDS = ("alias", "cbs_code", "source")
_FORMER_FIELDS = ("name", "cbs_code", "province", "dissolved", "change", "successors", "source")
_TOOI_PREFIX = "https://identifier.overheid.nl/tooi/id/gemeente/"
_CODE_RE = re.compile(r"(?:gm)?([0-9]{1,4})", re.IGNORECASE)
_SUFFIX_RE = re.compile(r"\s*\([^()]*\)\s*$")
# How Open Raadsinformatie and other registers mark a municipality: "Utrecht (gemeente)",
# "Gemeente Utrecht".
_ORI_SUFFIX_RE = re.compile(r"\s*\(\s*gemeente\s*\)\s*$", re.IGNORECASE)
_ORI_PREFIX_RE = re.compile(r"^\s*gemeente\s+(?=\S)", re.IGNORECASE)
_SUGGESTION_CUTOFF = 0.6
_SUGGESTION_MARGIN = 0.1
_MIN_PREFIX = 3
_MIN_SUBSTRING = 4

# The ways a province is written after a municipality name or in a province field, besides
# its official name: the CBS suffixes ("(NH.)", "(L.)", "(O.)"), the Open Raadsinformatie
# ones ("(NH)", "(GLD)", "(UT)") and the usual abbreviations, compared normalised.
_PROVINCE_SPELLINGS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "Groningen": ("gr", "gn", "grn", "gron"),
        "Fryslân": ("fr", "fri", "frl", "fryslan", "friesland"),
        "Drenthe": ("dr", "dre", "drn"),
        "Overijssel": ("o", "ov", "ovl", "ovr"),
        "Flevoland": ("fl", "flv", "fle"),
        "Gelderland": ("g", "ge", "gld", "gel", "gdl"),
        "Utrecht": ("u", "ut", "utr"),
        "Noord-Holland": ("nh", "nho"),
        "Zuid-Holland": ("zh", "zho"),
        "Zeeland": ("z", "ze", "zl", "zld", "zee"),
        "Noord-Brabant": ("nb", "nbr", "brabant"),
        "Limburg": ("l", "li", "lb", "lim", "limb"),
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


def province_named(text: str) -> str | None:
    """Return the official name of the province that `text` names, or ``None``.

    `text` may be the official name, a common Dutch name (``Friesland``), a CBS code
    (``PV27``) or an abbreviation as CBS and Open Raadsinformatie write it after a
    municipality name (``NH.``, ``NH``, ``GLD``, ``L.``, ``O.``). Case, accents,
    points, hyphens and spaces do not matter.

    Parameters
    ----------
    text : str
        What a data file says about the province.

    Returns
    -------
    str or None
        One of the values of `PROVINCES`, or ``None`` if `text` names no province.

    Examples
    --------
    >>> province_named("NH."), province_named("(GLD)"), province_named("friesland")
    ('Noord-Holland', 'Gelderland', 'Fryslân')
    >>> province_named("PV31"), province_named("Vlaanderen")
    ('Limburg', None)
    """
    key = normalise(text)
    return _province_keys().get(key)


@functools.cache
def _province_keys() -> Mapping[str, str]:
    keys: dict[str, str] = {}
    for code, name in PROVINCES.items():
        keys[normalise(code)] = name
        keys[normalise(name)] = name
        for spelling in _PROVINCE_SPELLINGS[name]:
            keys[spelling] = name
    return MappingProxyType(keys)


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
    province : str, optional
        The province the name was looked up in, when one was given.

    Attributes
    ----------
    query : str
        The code or name that was looked up, as given.
    suggestions : tuple of str
        Nearby CBS names, best first; at most three when raised by `resolve`.
    kind : {"name", "code"}
        Whether `query` was looked up as a name or as a code.
    province : str or None
        The province the name was looked up in, when one was given.

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
        province: str | None = None,
    ) -> None:
        super().__init__(query, suggestions, kind, province)
        self.query = query
        self.suggestions = tuple(suggestions)
        self.kind = kind
        self.province = province

    def __str__(self) -> str:
        if self.kind == "code":
            if _parse_code(self.query) is None:
                return (
                    f'"{self.query}" is not a municipality code; expected a CBS code such as '
                    f'"GM0503", its BRP form "0503" or a TOOI id "{_TOOI_PREFIX}gm0503"'
                )
            return f'no municipality with code "{self.query}" in the CBS list of {REFERENCE_YEAR}'
        where = f" in {self.province}" if self.province else ""
        message = f'no municipality named "{self.query}"{where} in the CBS list of {REFERENCE_YEAR}'
        if self.suggestions:
            message += f"; did you mean {_quoted_list(self.suggestions)}?"
            if self.province:
                by_name = _index().by_name
                elsewhere = [
                    f"{name} lies in {by_name[normalise(name)].province}"
                    for name in self.suggestions
                    if normalise(name) in by_name
                ]
                if elsewhere:
                    message = message[:-1] + f" ({'; '.join(elsewhere)})?"
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


Change = Literal["merged", "split", "renamed"]
_CHANGES: Mapping[str, Change] = MappingProxyType(
    {"merged": "merged", "split": "split", "renamed": "renamed"}
)


@attrs.frozen(kw_only=True, slots=True)
class FormerMunicipality:
    """A municipality dissolved since 2015, with the date and what it became.

    The records are read from the shipped list of municipal mergers
    (``data/gemeenten-historisch.csv``), which names its sources row by row.

    Parameters
    ----------
    name : str
        Its name as CBS spelt it in its last year.
    cbs_code : str or None
        Its CBS code in its last year, where the list records it.
    province : str
        The province it lay in, one of the values of `PROVINCES`.
    dissolved : datetime.date
        The day the change took effect: the first day it no longer existed.
    change : {"merged", "split", "renamed"}
        Whether it became part of one municipality, was divided over several,
        or continued under another name and code.
    successors : tuple of MunicipalityRecord
        The municipalities of the CBS list of 2025 that its territory belongs to.
    source : str
        The CBS classification in which the change is first recorded.

    Examples
    --------
    >>> haaren = find_former("Haaren")
    >>> haaren.dissolved, haaren.change, [s.name for s in haaren.successors]
    (datetime.date(2021, 1, 1), 'split', ['Oisterwijk', 'Vught', 'Tilburg', 'Boxtel'])
    >>> print(haaren)
    Haaren is since 2021-01-01 divided over Oisterwijk (GM0824), Vught (GM0865), Tilburg (GM0855) and Boxtel (GM0757)
    """  # noqa: E501

    name: str = attrs.field(validator=attrs.validators.min_len(1))
    cbs_code: str | None = attrs.field(
        validator=attrs.validators.optional(attrs.validators.matches_re(r"GM\d{4}"))
    )
    province: str = attrs.field(validator=attrs.validators.in_(frozenset(PROVINCES.values())))
    dissolved: dt.date
    change: Change = attrs.field(validator=attrs.validators.in_(tuple(_CHANGES)))
    successors: tuple[MunicipalityRecord, ...] = attrs.field(validator=attrs.validators.min_len(1))
    source: str = attrs.field(validator=attrs.validators.min_len(1))

    def __str__(self) -> str:
        return self.describe()

    def describe(self) -> str:
        """Say in one sentence what the municipality became and when.

        Examples
        --------
        >>> find_former("GM0457").describe()
        'Weesp is since 2022-03-24 part of Amsterdam (GM0363)'
        >>> find_former("Groesbeek").describe()
        'Groesbeek is since 2016-01-01 named Berg en Dal (GM1945)'
        """
        return f"{self.name} {self.fate()}"

    def fate(self) -> str:
        """Say what became of it, as the predicate of a sentence about it.

        Examples
        --------
        >>> f"GM0457, the code of Weesp until 2022, {find_former('Weesp').fate()}"
        'GM0457, the code of Weesp until 2022, is since 2022-03-24 part of Amsterdam (GM0363)'
        """
        places = [f"{record.name} ({record.cbs_code})" for record in self.successors]
        listing = places[0] if len(places) == 1 else f"{', '.join(places[:-1])} and {places[-1]}"
        verb = {"merged": "part of", "split": "divided over", "renamed": "named"}[self.change]
        return f"is since {self.dissolved.isoformat()} {verb} {listing}"


class FormerMunicipalityError(UnknownMunicipalityError):
    """A name or code belongs to a municipality that no longer exists.

    It is an :class:`UnknownMunicipalityError` (the municipality is not in the CBS
    list of 2025) that also says what the municipality became and when; its
    `suggestions` are the names of the successors.

    Parameters
    ----------
    query : str
        The code or name that was looked up, as given.
    former : FormerMunicipality
        The dissolved municipality it names.
    kind : {"name", "code"}, optional
        Whether `query` was looked up as a name or as a code.

    Attributes
    ----------
    former : FormerMunicipality
        The dissolved municipality.

    Examples
    --------
    >>> try:
    ...     resolve("Weesp")
    ... except FormerMunicipalityError as error:
    ...     print(error)
    ...     print(error.suggestions)
    Weesp is since 2022-03-24 part of Amsterdam (GM0363); it is not in the CBS list of 2025
    ('Amsterdam',)
    """

    def __init__(
        self,
        query: str,
        former: FormerMunicipality,
        kind: Literal["name", "code"] = "name",
    ) -> None:
        names = tuple(record.name for record in former.successors)
        super().__init__(query, names, kind)
        self.args = (query, former, kind)
        self.former = former

    def __str__(self) -> str:
        if self.kind == "code":
            return (
                f"{self.query} was the code of {self.former.name}, which "
                f"{self.former.fate()}; it is not in the CBS list of {REFERENCE_YEAR}"
            )
        return f"{self.former.describe()}; it is not in the CBS list of {REFERENCE_YEAR}"


@attrs.frozen(slots=True)
class _Index:
    """Look-up tables built once from the shipped lists."""

    records: tuple[MunicipalityRecord, ...]
    by_code: Mapping[str, MunicipalityRecord]
    by_name: Mapping[str, MunicipalityRecord]
    by_base: Mapping[str, tuple[MunicipalityRecord, ...]]
    names_by_key: Mapping[str, tuple[str, ...]]
    formers: tuple[FormerMunicipality, ...]
    former_by_key: Mapping[str, tuple[FormerMunicipality, ...]]
    former_by_code: Mapping[str, FormerMunicipality]


def _read_table(name: str, fields: tuple[str, ...]) -> list[dict[str, str]]:
    """Read one package data file, checking its columns."""
    resource = files("democratie.reference") / "data" / name
    reader = csv.DictReader(io.StringIO(resource.read_text(encoding="utf-8"), newline=""))
    if tuple(reader.fieldnames or ()) != fields:
        msg = f"{name}: expected columns {fields}, found {reader.fieldnames}"
        raise ValueError(msg)
    return list(reader)


def _read_records() -> tuple[MunicipalityRecord, ...]:
    """Read and validate the package data file."""
    records = [
        MunicipalityRecord(cbs_code=row["cbs_code"], name=row["name"], province=row["province"])
        for row in _read_table(_DATA_FILE, _FIELDS)
    ]
    return tuple(sorted(records, key=lambda record: record.cbs_code))


def _read_formers(codes: Mapping[str, MunicipalityRecord]) -> tuple[FormerMunicipality, ...]:
    """Read the dissolved municipalities; every successor must be in the list of 2025."""
    formers = []
    for line, row in enumerate(_read_table(_FORMER_FILE, _FORMER_FIELDS), start=2):
        try:
            successors = tuple(codes[code] for code in row["successors"].split(";"))
            change = _CHANGES[row["change"]]
            formers.append(
                FormerMunicipality(
                    name=row["name"],
                    cbs_code=row["cbs_code"] or None,
                    province=row["province"],
                    dissolved=dt.date.fromisoformat(row["dissolved"]),
                    change=change,
                    successors=successors,
                    source=row["source"],
                )
            )
        except (KeyError, ValueError) as error:
            msg = f"{_FORMER_FILE}, line {line}: {error!r} in {row!r}"
            raise ValueError(msg) from error
    return tuple(sorted(formers, key=lambda former: (former.dissolved, former.name)))


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
    for row in _read_table(_ALIAS_FILE, _ALIAS_FIELDS):
        key = normalise(row["alias"])
        if key in names or key in bases or row["cbs_code"] not in codes or not row["source"]:
            msg = f"{_ALIAS_FILE}: the alias {row['alias']!r} is a CBS name or names no code"
            raise ValueError(msg)
        names[key] = codes[row["cbs_code"]]
    names_by_key: dict[str, list[str]] = {}
    for key, record in names.items():
        names_by_key.setdefault(key, []).append(record.name)
    for key, group in bases.items():
        names_by_key.setdefault(key, []).extend(record.name for record in group)
    formers = _read_formers(codes)
    former_by_key: dict[str, list[FormerMunicipality]] = {}
    former_by_code: dict[str, FormerMunicipality] = {}
    for former in formers:
        former_by_key.setdefault(normalise(former.name), []).append(former)
        if former.cbs_code is not None:
            if former.cbs_code in codes or former.cbs_code in former_by_code:
                msg = f"{_FORMER_FILE}: the code of {former.name} is in use"
                raise ValueError(msg)
            former_by_code[former.cbs_code] = former
    return _Index(
        records=records,
        by_code=MappingProxyType(codes),
        by_name=MappingProxyType(names),
        by_base=MappingProxyType({key: tuple(group) for key, group in bases.items()}),
        names_by_key=MappingProxyType({key: tuple(group) for key, group in names_by_key.items()}),
        formers=formers,
        former_by_key=MappingProxyType({k: tuple(group) for k, group in former_by_key.items()}),
        former_by_code=MappingProxyType(former_by_code),
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


def former_municipalities() -> tuple[FormerMunicipality, ...]:
    """Return the municipalities dissolved by mergers, splits and renamings since 2015.

    Returns
    -------
    tuple of FormerMunicipality
        Sorted by the date of the change, then by name.

    Examples
    --------
    >>> formers = former_municipalities()
    >>> formers[0].dissolved.year, formers[-1].name
    (2015, 'Westvoorne')
    >>> sorted({f.dissolved.isoformat() for f in formers})[-2:]
    ['2022-03-24', '2023-01-01']
    """
    return _index().formers


def find_former(name_or_code: str, province: str | None = None) -> FormerMunicipality | None:
    """Find a dissolved municipality by its former name or CBS code.

    Names are compared as `resolve` compares them (case, accents, punctuation and
    spaces do not matter, ``(gemeente)`` is dropped); a province chooses when
    several former municipalities had the name.

    Parameters
    ----------
    name_or_code : str
        A former name (``"Weesp"``) or code (``"GM0457"``, ``"0457"``).
    province : str, optional
        The province, in any form `province_named` reads.

    Returns
    -------
    FormerMunicipality or None
        The former municipality, or ``None`` if there is none (or several) by that
        name or code.

    Examples
    --------
    >>> find_former("weesp (gemeente)").successors[0].cbs_code
    'GM0363'
    >>> find_former("0788").name
    'Haaren'
    >>> find_former("Amsterdam") is None
    True
    """
    text = _require_str(name_or_code, "a municipality name or code")
    index = _index()
    code = _parse_code(text)
    if code is not None:
        return index.former_by_code.get(code)
    key, hint = _name_key(text)
    wanted = hint if province is None else province_named(province)
    group = [
        former
        for former in index.former_by_key.get(key, ())
        if wanted is None or former.province == wanted
    ]
    return group[0] if len(group) == 1 else None


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
    FormerMunicipalityError
        If the code is that of a municipality dissolved since 2015.
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
    >>> try:
    ...     by_code("GM0457")
    ... except FormerMunicipalityError as error:
    ...     print(error)
    GM0457 was the code of Weesp, which is since 2022-03-24 part of Amsterdam (GM0363); it is not in the CBS list of 2025
    """  # noqa: E501
    cbs_code = _parse_code(_require_str(code, "a municipality code"))
    index = _index()
    record = None if cbs_code is None else index.by_code.get(cbs_code)
    if record is None:
        former = None if cbs_code is None else index.former_by_code.get(cbs_code)
        if former is not None:
            raise FormerMunicipalityError(code, former, kind="code")
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
        (including for malformed codes, codes of former municipalities and
        non-strings).

    Examples
    --------
    >>> is_known_code("GM0503"), is_known_code("503"), is_known_code("GM9999")
    (True, True, False)
    >>> is_known_code("Delft"), is_known_code("GM0457")
    (False, False)
    """
    try:
        by_code(code)
    except (UnknownMunicipalityError, TypeError):
        return False
    return True


def suggest(text: str, n: int = 3) -> tuple[str, ...]:
    """Return the CBS names nearest to a (misspelt or shortened) name.

    Names are compared after normalisation (accents, case, punctuation and
    spaces removed, ``(gemeente)`` dropped), and the common short names of
    ``gemeenten-aliassen.csv`` (``Den Haag``, ``Nuenen``) are compared too. The
    nearest names are found in three steps, and the first step that finds any
    gives the answer:

    1. names that begin with the text (``Nuenen`` gives ``Nuenen, Gerwen en
       Nederwetten``), shortest first;
    2. names that contain the text, if it has at least four letters
       (``Fryslan`` gives ``Súdwest-Fryslân``), shortest first;
    3. names that begin with the same letter and are similar by
       :class:`difflib.SequenceMatcher`: a similarity ratio of at least 0.6 and
       at most 0.1 below the best, so a clear favourite is not followed by weak
       alternatives.

    No suggestion is better than a bad one: a name that shares only some
    letters with the text (``Rhenen`` for ``Nuenen``) is not suggested.

    Parameters
    ----------
    text : str
        A municipality name, possibly misspelt or shortened.
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
    >>> suggest("Nuenen Gerwen")
    ('Nuenen, Gerwen en Nederwetten',)
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
    for key in _close_keys(_name_key(text)[0], index.names_by_key):
        found.update(dict.fromkeys(index.names_by_key[key]))
    return tuple(found)[:n]


def _close_keys(key: str, keys: Iterable[str]) -> list[str]:
    """Return the keys near `key`, best first: by prefix, by substring, then by `difflib`.

    In the last step, keys below the cutoff are dropped, and so are keys clearly
    worse than the best one, so that a near-exact match is not diluted by weak
    alternatives.
    """
    if not key:
        return []
    candidates = sorted(keys, key=lambda candidate: (len(candidate), candidate))
    if len(key) >= _MIN_PREFIX:
        prefixed = [candidate for candidate in candidates if candidate.startswith(key)]
        if prefixed:
            return prefixed
    if len(key) >= _MIN_SUBSTRING:
        containing = [candidate for candidate in candidates if key in candidate]
        if containing:
            return containing
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(key)
    scored: list[tuple[float, str]] = []
    for candidate in candidates:
        if candidate[0] != key[0]:
            continue
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


def _name_key(text: str) -> tuple[str, str | None]:
    """The normalised key of a name without ``(gemeente)``, and a province named in a suffix.

    ``Utrecht (gemeente)`` and ``Gemeente Utrecht`` give ``utrecht``; a trailing
    suffix that names a province (``Bergen (Noord-Holland)``) is split off
    when the rest is a name, and the province returned; otherwise the whole text
    is the key (CBS names such as ``Bergen (NH.)`` are keys themselves).
    """
    stripped = _ORI_PREFIX_RE.sub("", _ORI_SUFFIX_RE.sub("", text))
    match = _SUFFIX_RE.search(stripped)
    if match is not None:
        hint = province_named(match.group(0).strip().strip("()"))
        base = stripped[: match.start()]
        if hint is not None and normalise(base):
            return normalise(base), hint
    return normalise(stripped), None


def resolve(name_or_code: str, province: str | None = None) -> MunicipalityRecord:
    """Find a municipality by code or by a loosely written name.

    Codes are everything `by_code` accepts. Names are compared after
    normalisation: Unicode NFKD, case folding, and dropping everything that is
    not a letter or digit. So accents (``Fryslan`` for ``Fryslân``), case,
    apostrophes, hyphens and spaces do not matter. The marks registers put
    around a name (``Utrecht (gemeente)``, ``Gemeente Utrecht``) are dropped.
    A name may omit the CBS disambiguation suffix (``Rijswijk`` for
    ``Rijswijk (ZH.)``) when only one municipality carries that name, and may
    write it another way (``Bergen (NH)``, ``Bergen (Noord-Holland)``). The
    common short names of ``gemeenten-aliassen.csv`` are accepted too:
    ``Den Haag`` for ``'s-Gravenhage``, ``Den Bosch`` for ``'s-Hertogenbosch``,
    ``Nuenen`` and ``Nuenen c.a.`` for ``Nuenen, Gerwen en Nederwetten``.

    Parameters
    ----------
    name_or_code : str
        A municipality name or code.
    province : str, optional
        The province the municipality lies in, in any form `province_named`
        reads (``"Noord-Holland"``, ``"NH"``). It chooses between municipalities
        of the same name, and a name found in another province does not match.

    Returns
    -------
    MunicipalityRecord
        The matching municipality.

    Raises
    ------
    FormerMunicipalityError
        If the name or code is that of a municipality dissolved since 2015; the
        message says what it became and when.
    UnknownMunicipalityError
        If nothing matches; `suggestions` holds up to three nearby CBS names.
    AmbiguousMunicipalityError
        If the name matches several municipalities, such as ``Bergen``, and no
        province chooses between them.
    ValueError
        If `province` names no province.
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
    >>> resolve("Nuenen c.a.").name
    'Nuenen, Gerwen en Nederwetten'
    >>> resolve("Utrecht (gemeente)").cbs_code
    'GM0344'
    >>> resolve("Bergen", province="NH").name
    'Bergen (NH.)'
    >>> resolve("GM0503").name
    'Delft'
    """
    text = _require_str(name_or_code, "a municipality name or code")
    wanted: str | None = None
    if province is not None:
        wanted = province_named(_require_str(province, "a province"))
        if wanted is None:
            msg = f"{province!r} names no province; expected one of {', '.join(PROVINCES.values())}"
            raise ValueError(msg)
    if _parse_code(text) is not None:
        return by_code(text)
    index = _index()
    key, hint = _name_key(text)
    if hint is not None and wanted is not None and hint != wanted:
        # "Bergen (NH)" looked up in Limburg.
        raise UnknownMunicipalityError(text, (), kind="name", province=wanted)
    wanted = wanted or hint
    exact = index.by_name.get(key)
    group = tuple(
        dict.fromkeys([*([exact] if exact is not None else []), *index.by_base.get(key, ())])
    )
    candidates = tuple(record for record in group if wanted is None or record.province == wanted)
    if len(candidates) == 1:
        return candidates[0]
    if candidates:
        raise AmbiguousMunicipalityError(text, candidates)
    former = find_former(text, province=wanted)
    if former is not None:
        raise FormerMunicipalityError(text, former)
    if group:
        # The name exists, but in another province than the one given.
        names = tuple(record.name for record in group)
        raise UnknownMunicipalityError(text, names, kind="name", province=wanted)
    suggestions = suggest(text) if key else ()
    raise UnknownMunicipalityError(text, suggestions, kind="name", province=wanted)

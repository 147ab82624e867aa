"""The municipality of an Open Raadsinformatie pair: found by name in the CBS list.

An Open Raadsinformatie pair describes one municipality. Its names come from the
organisation classified Municipality and from the council's name (``Gemeente Heerde
(Heerde) (GLD)``); the first that the CBS list knows gives the municipality its CBS code
and name, else a CBS code in the data does, else it is imported under its own name.
"""

from __future__ import annotations

import re

from democratie import reference
from democratie.importers._common import describe, raise_problems, unique
from democratie.importers.ori._read import OrgRecord
from democratie.importers.ori._state import State
from democratie.importers.ori._tables import COUNCIL_NAME, SUFFIX
from democratie.model import Municipality

__all__ = ["build_municipality"]

_GROUP = re.compile(r"\(([^()]*)\)")


def build_municipality(state: State) -> Municipality:
    """Make the municipality the pair describes, with its council and college ids reserved.

    Raises
    ------
    LoadError
        When several organisations are classified Municipality, or none says which
        municipality this is.

    Examples
    --------
    >>> from democratie.importers.ori._build import _EXAMPLE, read_pair
    >>> state, _ = read_pair(*_EXAMPLE)
    >>> heerde = build_municipality(state)
    >>> heerde.id, heerde.cbs_code, state.report.build().notes[0]
    ('heerde', 'GM0246', "'Heerde' was matched by name to Heerde (GM0246) in the CBS list of 2025")
    """
    own = [org for org in state.orgs.values() if org.kind == "municipality"]
    councils = [org for org in state.orgs.values() if org.kind == "council"]
    if len(own) > 1:
        state.organisations.fail(
            "organisations",
            f"{len(own)} organisations are classified Municipality "
            f"({', '.join(org.where for org in own)}); an Open Raadsinformatie pair "
            "describes one municipality",
            code="invalid-value",
        )
    # Each name the municipality may have, with the organisation field it comes from.
    origins: dict[str, tuple[OrgRecord, str]] = {}
    for org in own:
        for key, text in (("name", org.name), ("description", org.description)):
            if text:
                for name in (text, SUFFIX.sub("", text)):
                    origins.setdefault(name, (org, key))
                break
    provinces: dict[str, None] = {}
    for org in councils:
        for key, text in (("name", org.name), ("description", org.description)):
            council_names, province = _council_names(text or "")
            for name in council_names:
                origins.setdefault(name, (org, key))
            if province is not None:
                provinces.setdefault(province)
    names = [name for name in origins if name.strip()]
    # The province in the council's name ("(NH)") chooses between namesakes such as
    # Bergen (NH.) and Bergen (L.); two different provinces choose nothing.
    province = next(iter(provinces)) if len(provinces) == 1 else None
    if not names:
        state.organisations.fail(
            "organisations",
            "no organisation classified Municipality or Council (named like 'Gemeente "
            "Heerde (Heerde) (GLD)') says which municipality this is",
            code="missing-key",
        )
    raise_problems([state.persons, state.organisations])
    codes = unique(
        identifier.identifier.upper()
        for org in own
        for identifier in org.identifiers
        if identifier.scheme == "cbs"
    )
    identifiers = unique(
        identifier for org in [*own, *councils] for identifier in (org.own, *org.identifiers)
    )
    place = next(iter([*councils, *own]), None)
    if place is not None:
        state.council_place = (place.checker, place.path)
    for org in councils:
        if org.name and not COUNCIL_NAME.fullmatch(org.name.strip()):
            continue
        state.report.skip(
            "council.name",
            "the name of the council organisation; the model names a council after "
            "its municipality (its id is kept as an identifier of the municipality)",
            f"{org.where}.name = {describe(org.name)}",
        )
    for org in own:
        if org.description and org.description != org.name:
            state.report.skip(
                "municipality.description",
                "the description of the municipality (such as its founding date); the "
                "model has no field for it",
                f"{org.where}.description = {describe(org.description)}",
            )
    record = _match(state, names, codes, province)
    if record is None:
        name = names[0]
        mun_id = state.pool.take(name, fallback="gemeente")
        note, province = _unmatched(names, province)
        state.report.note(note)
        org, key = origins[name]
        made = org.checker.value(
            f"{org.path}.{key}",
            Municipality,
            id=mun_id,
            name=name,
            province=province,
            identifiers=tuple(identifiers),
        )
    else:
        mun_id = state.pool.take(record.name, fallback=record.cbs_code)
        made = state.organisations.build(
            "organisations",
            Municipality,
            id=mun_id,
            cbs_code=record.cbs_code,
            identifiers=tuple(identifiers),
        )
    raise_problems([state.persons, state.organisations])
    assert made is not None
    state.pool.reserve(made.council_id, made.college_id)
    return made


def _council_names(text: str) -> tuple[list[str], str | None]:
    """The names in a council's name, and the province it ends with.

    ``Gemeente Bergen (Bergen) (NH)`` gives ``(["Bergen", "Bergen"], "Noord-Holland")``;
    a text not named like a council gives no names.

    Examples
    --------
    >>> _council_names("Gemeente Heerde (Heerde) (GLD)")
    (['Heerde', 'Heerde'], 'Gelderland')
    >>> _council_names("Gemeente Utrecht (Utrecht)")
    (['Utrecht', 'Utrecht'], None)
    >>> _council_names("Gemeenteraad")
    ([], None)
    """
    if COUNCIL_NAME.match(text) is None:
        return [], None
    rest = text.strip()[len("gemeente") :].strip()
    groups = [group.strip() for group in _GROUP.findall(rest)]
    base = rest.split("(", 1)[0].strip()
    province = None
    if len(groups) >= 2:  # the name, the seat, then the province
        province = reference.province_named(groups[-1])
        if province is not None:
            groups = groups[:-1]
    return [name for name in (base, *groups) if name], province


def _match(
    state: State, names: list[str], codes: list[str], province: str | None
) -> reference.MunicipalityRecord | None:
    ambiguous: list[reference.MunicipalityRecord] = []
    for name in names:
        try:
            record = reference.resolve(name, province=province)
        except reference.AmbiguousMunicipalityError as error:
            ambiguous.extend(c for c in error.candidates if c not in ambiguous)
            continue
        except LookupError:
            continue
        chosen = f", in {province}," if province is not None and _namesakes(name) else ""
        state.report.note(
            f"'{names[0]}' was matched by name{chosen} to {record.name} ({record.cbs_code}) "
            f"in the CBS list of {reference.REFERENCE_YEAR}"
        )
        for code in codes:
            if code != record.cbs_code:
                state.report.note(
                    f"the data gives the CBS code {code}; the name matches "
                    f"{record.cbs_code}, which is used"
                )
        return record
    for code in codes:
        if reference.is_known_code(code):
            record = reference.by_code(code)
            if record in ambiguous:
                state.report.note(
                    f"'{names[0]}' matches {len(ambiguous)} municipalities in the CBS list of "
                    f"{reference.REFERENCE_YEAR}; the CBS code {code} in the data gives "
                    f"{record.name}"
                )
            else:
                state.report.note(
                    f"no name in the data matches the CBS list of {reference.REFERENCE_YEAR}; "
                    f"the CBS code {code} in the data gives {record.name}"
                )
            return record
    return None


def _namesakes(name: str) -> bool:
    """Tell whether several municipalities of 2025 answer to `name`."""
    try:
        reference.resolve(name)
    except reference.AmbiguousMunicipalityError:
        return True
    except LookupError:
        return False
    return False


def _unmatched(names: list[str], province: str | None) -> tuple[str, str | None]:
    """Why no name matched, for the report, and the province of the municipality if known.

    A former municipality lay in the province the list of mergers gives; otherwise the
    province is the one the council's name ends with, if any.
    """
    name = names[0]
    imported = "the municipality is imported without a CBS code"
    for candidate in names:
        try:
            reference.resolve(candidate, province=province)
        except reference.AmbiguousMunicipalityError as error:
            return (
                f"'{name}' is ambiguous: {error}; the data names no province to choose by "
                f"(such as '(NH)' at the end of the council's name), so {imported}"
            ), province
        except reference.FormerMunicipalityError as error:
            return (
                f"'{name}' is not in the CBS list of {reference.REFERENCE_YEAR}: "
                f"{error.former}; {imported} under its own name"
            ), error.former.province
        except LookupError:
            continue
    return f"'{name}' is not in the CBS list of {reference.REFERENCE_YEAR}; {imported}", province

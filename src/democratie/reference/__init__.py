"""Reference lists shipped with the library: the Dutch municipalities of 2025.

The municipality list is the CBS municipal classification of 2025, with the common
short names of some municipalities and the municipalities dissolved since 2015; their
sources and licences are recorded in ``data/README.md`` inside this package.

Examples
--------
>>> from democratie.reference import by_code, resolve
>>> resolve("Sudwest Fryslan").name
'Súdwest-Fryslân'
>>> by_code("0503").province_code
'PV28'
>>> print(find_former("Weesp"))
Weesp is since 2022-03-24 part of Amsterdam (GM0363)
"""

from democratie.reference._municipalities import (
    PROVINCES,
    REFERENCE_YEAR,
    AmbiguousMunicipalityError,
    FormerMunicipality,
    FormerMunicipalityError,
    MunicipalityRecord,
    UnknownMunicipalityError,
    by_code,
    find_former,
    former_municipalities,
    is_known_code,
    municipalities,
    normalise,
    province_named,
    resolve,
    suggest,
)

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

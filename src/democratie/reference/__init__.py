"""Reference lists shipped with the library: the Dutch municipalities of 2025.

The municipality list is the CBS municipal classification of 2025; its source and
licence are recorded in ``data/README.md`` inside this package.

Examples
--------
>>> from democratie.reference import by_code, resolve
>>> resolve("Sudwest Fryslan").name
'Súdwest-Fryslân'
>>> by_code("0503").province_code
'PV28'
"""

from democratie.reference._municipalities import (
    PROVINCES,
    REFERENCE_YEAR,
    AmbiguousMunicipalityError,
    MunicipalityRecord,
    UnknownMunicipalityError,
    by_code,
    is_known_code,
    municipalities,
    normalise,
    resolve,
    suggest,
)

__all__ = [
    "PROVINCES",
    "REFERENCE_YEAR",
    "AmbiguousMunicipalityError",
    "MunicipalityRecord",
    "UnknownMunicipalityError",
    "by_code",
    "is_known_code",
    "municipalities",
    "normalise",
    "resolve",
    "suggest",
]

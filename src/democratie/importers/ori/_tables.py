"""The vocabulary of the Open Raadsinformatie importer: role texts, classifications, keys.

Examples
--------
>>> FORMAT
'ori'
>>> ROLE_TEXTS["burgemeester"]
<RoleKind.BURGEMEESTER: 'burgemeester'>
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Literal

from democratie.vocab import RoleKind

__all__ = [
    "CLASSIFICATIONS",
    "COUNCIL_NAME",
    "FORMAT",
    "MEMBERSHIP_KEYS",
    "ORGANISATION_KEYS",
    "PERSON_KEYS",
    "ROLE_TEXTS",
    "SUFFIX",
    "WHY",
    "Kind",
]


#: The format name, as used in reports and by the plugin system.
FORMAT = "ori"

#: How the Dutch role texts of Open Raadsinformatie map onto role kinds (keys normalised:
#: lower case, hyphens as spaces). Texts not listed here are also matched against the slug
#: and the labels of every :class:`~democratie.vocab.RoleKind`.
ROLE_TEXTS: Mapping[str, RoleKind] = {
    "burgemeester": RoleKind.BURGEMEESTER,
    "burgemeester waarnemend": RoleKind.WAARNEMEND_BURGEMEESTER,
    "waarnemend burgemeester": RoleKind.WAARNEMEND_BURGEMEESTER,
    "locoburgemeester": RoleKind.LOCOBURGEMEESTER,
    "loco burgemeester": RoleKind.LOCOBURGEMEESTER,
    "wethouder": RoleKind.WETHOUDER,
    "raadslid": RoleKind.RAADSLID,
    "lid van de raad": RoleKind.RAADSLID,
    "lid gemeenteraad": RoleKind.RAADSLID,
    "fractievoorzitter": RoleKind.FRACTIEVOORZITTER,
    "raadsgriffier": RoleKind.GRIFFIER,
    "griffier": RoleKind.GRIFFIER,
    # In the Almanak that Open Raadsinformatie draws on, the "Secretaris" of a
    # municipality is its gemeentesecretaris.
    "secretaris": RoleKind.GEMEENTESECRETARIS,
    "gemeentesecretaris": RoleKind.GEMEENTESECRETARIS,
    "burgerlid": RoleKind.BURGERLID,
    "burgercommissielid": RoleKind.BURGERLID,
    "commissielid": RoleKind.LID,
}

#: What an organisation of the data is: the municipality, its council, a party (a faction
#: of the council), a committee, or nothing the model holds.
Kind = Literal["municipality", "council", "party", "committee", "other"]
#: Organisation classifications (lower case) and what they are.
CLASSIFICATIONS: Mapping[str, Kind] = {
    "municipality": "municipality",
    "gemeente": "municipality",
    "council": "council",
    "gemeenteraad": "council",
    "party": "party",
    "partij": "party",
    "fractie": "party",
    "committee": "committee",
    "commissie": "committee",
    "raadscommissie": "committee",
}
#: How a council is named: ``Gemeente Heerde (Heerde) (GLD)``, the municipality twice.
COUNCIL_NAME = re.compile(r"gemeente\s+(.+?)\s*\((.+?)\)", re.IGNORECASE)
#: The ``(gemeente)`` some municipality names end with.
SUFFIX = re.compile(r"\s*\(gemeente\)\s*$", re.IGNORECASE)

#: The keys of each record that the importer reads; every other key is reported.
PERSON_KEYS = frozenset({"id", "name", "email", "identifiers", "memberships"})
MEMBERSHIP_KEYS = frozenset(
    {"organisation_id", "organisation", "person_id", "role", "label", "start_date", "end_date"}
)
ORGANISATION_KEYS = frozenset({"id", "name", "classification", "description", "identifiers"})

#: What the report says about the data of some keys the model has no place for.
WHY = {
    "meta": "search-index metadata of Open Raadsinformatie (query time, urls, processing times)",
    "gender": "the gender of a person; the model has no field for it",
}

"""The vocabulary of the Popolo importer: role texts, area levels, classifications and keys.

Examples
--------
>>> FORMAT
'popolo'
>>> ROLE_TEXTS["councillor"], AREA_LEVELS["ward"]
(<RoleKind.RAADSLID: 'raadslid'>, <AreaLevel.WIJK: 'wijk'>)
>>> ORGANISATION_KINDS["gemeente"]
<ActorKind.GEMEENTE: 'gemeente'>
>>> "unaligned" in NO_PARTY, "legislative period" in TERM_CLASSIFICATIONS
(True, True)
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Literal

from democratie.importers._common import normalise
from democratie.vocab import ActorKind, AreaLevel, RoleKind

__all__ = [
    "AREA_KEYS",
    "AREA_LEVELS",
    "CBS_CODE",
    "CLASSIFICATIONS",
    "FORMAT",
    "LISTS",
    "MEMBERSHIP_KEYS",
    "NOT_ORGANISATIONS",
    "NO_PARTY",
    "ORGANISATION_KINDS",
    "ORGANIZATION_KEYS",
    "PERSON_KEYS",
    "PLACEHOLDER_PARTIES",
    "ROLE_TEXTS",
    "TERM_CLASSIFICATIONS",
    "Kind",
    "classify",
    "is_no_party",
]


#: The format name, as used in reports and by the plugin system.
FORMAT = "popolo"

#: How Popolo role texts map onto role kinds (keys normalised: lower case, hyphens and
#: underscores as spaces). Texts not listed are also matched against the slug and the
#: English and Dutch labels of every :class:`~democratie.vocab.RoleKind`.
ROLE_TEXTS: Mapping[str, RoleKind] = {
    "councillor": RoleKind.RAADSLID,
    "councilor": RoleKind.RAADSLID,
    "council member": RoleKind.RAADSLID,
    "councilmember": RoleKind.RAADSLID,
    "member of council": RoleKind.RAADSLID,
    "member of the council": RoleKind.RAADSLID,
    "ward councillor": RoleKind.RAADSLID,
    "city councillor": RoleKind.RAADSLID,
    "lid van de raad": RoleKind.RAADSLID,
    "mayor": RoleKind.BURGEMEESTER,
    "lord mayor": RoleKind.BURGEMEESTER,
    "acting mayor": RoleKind.WAARNEMEND_BURGEMEESTER,
    "burgemeester waarnemend": RoleKind.WAARNEMEND_BURGEMEESTER,
    "deputy mayor": RoleKind.LOCOBURGEMEESTER,
    "deputy lord mayor": RoleKind.LOCOBURGEMEESTER,
    "loco burgemeester": RoleKind.LOCOBURGEMEESTER,
    "alderman": RoleKind.WETHOUDER,
    "alderwoman": RoleKind.WETHOUDER,
    "alderperson": RoleKind.WETHOUDER,
    "council clerk": RoleKind.GRIFFIER,
    "clerk of the council": RoleKind.GRIFFIER,
    "raadsgriffier": RoleKind.GRIFFIER,
    "chair": RoleKind.VOORZITTER,
    "chairperson": RoleKind.VOORZITTER,
    "chairman": RoleKind.VOORZITTER,
    "chairwoman": RoleKind.VOORZITTER,
    "group leader": RoleKind.FRACTIEVOORZITTER,
    "party group leader": RoleKind.FRACTIEVOORZITTER,
    "leader of the group": RoleKind.FRACTIEVOORZITTER,
}

#: How Popolo area classifications map onto area levels (lower case). Any other
#: classification is read as ``gebied`` and reported.
AREA_LEVELS: Mapping[str, AreaLevel] = {
    "ward": AreaLevel.WIJK,
    "wijk": AreaLevel.WIJK,
    "district": AreaLevel.WIJK,
    "neighbourhood": AreaLevel.BUURT,
    "neighborhood": AreaLevel.BUURT,
    "buurt": AreaLevel.BUURT,
    "kern": AreaLevel.KERN,
    "village": AreaLevel.DORP,
    "dorp": AreaLevel.DORP,
    "area": AreaLevel.GEBIED,
    "gebied": AreaLevel.GEBIED,
    "region": AreaLevel.REGIO,
    "regio": AreaLevel.REGIO,
    "municipality": AreaLevel.GEMEENTE,
    "gemeente": AreaLevel.GEMEENTE,
    "province": AreaLevel.PROVINCIE,
    "provincie": AreaLevel.PROVINCIE,
}

#: Organization classifications that name an organisation kind: the slug of every
#: :class:`~democratie.vocab.ActorKind`, normalised (lower case, hyphens and underscores as
#: spaces), so ``woningcorporatie`` and ``Maatschappelijke-Organisatie`` both match.
ORGANISATION_KINDS: Mapping[str, ActorKind] = {normalise(kind.value): kind for kind in ActorKind}

#: What an organization of the document becomes: a council (a municipality), a party, a
#: faction of a council, an organisation, or nothing the model holds.
Kind = Literal["council", "party", "faction", "organisation", "other"]
#: Organization classifications (normalised) that name a council, a party, a government
#: body (an organisation of kind ``overheidsorganisatie``) or a faction.
CLASSIFICATIONS: Mapping[str, Literal["council", "party", "government", "faction"]] = {
    "legislature": "council",
    "council": "council",
    "local council": "council",
    "municipal council": "council",
    "city council": "council",
    "gemeenteraad": "council",
    "party": "party",
    "political party": "party",
    "partij": "party",
    "politieke partij": "party",
    "committee": "government",
    "subcommittee": "government",
    "commission": "government",
    "commissie": "government",
    "raadscommissie": "government",
    "executive": "government",
    "cabinet": "government",
    "government": "government",
    "department": "government",
    "faction": "faction",
    "fractie": "faction",
    "raadsfractie": "faction",
    "council group": "faction",
    "parliamentary group": "faction",
}
#: Classifications the Popolo export writes for entities the model cannot rebuild from
#: Popolo (an initiative or a network needs its kind, which Popolo does not carry).
NOT_ORGANISATIONS: Mapping[str, str] = {
    "initiative": "initiatives",
    "network": "networks",
}
#: Party names that stand for "no party known".
PLACEHOLDER_PARTIES = frozenset({"unknown", "onbekend"})
#: Party names (normalised) that stand for "sits for no party": the groups EveryPolitician
#: and the parliaments it republishes list for members elected without a party. They are
#: not parties; a membership on behalf of one is a role for no faction, and the report
#: counts them under ``membership.independent``. The list holds the English and Dutch
#: words these sources use; a name without any letter or digit (``-``, ``–``, the dashes
#: some use for an empty party cell) is read the same way (see :func:`is_no_party`).
NO_PARTY = frozenset(
    {
        "independent",
        "independents",
        "independent politician",
        "non partisan",
        "nonpartisan",
        "non affiliated",
        "unaffiliated",
        "unaligned",
        "non aligned",
        "no party",
        "none",
        "onafhankelijk",
        "partijloos",
    }
)
#: Event classifications (normalised) that are a legislature's terms: EveryPolitician's
#: ``legislative period``; a membership names its term by ``legislative_period_id``.
TERM_CLASSIFICATIONS = frozenset(
    {"legislative period", "legislative term", "parliamentary term", "term"}
)
#: What a CBS municipality code looks like.
CBS_CODE = re.compile(r"GM\d{4}")
#: The lists of a Popolo document.
LISTS = ("persons", "organizations", "memberships", "posts", "areas", "events")

#: The keys of each record that the importer reads; every other key is reported.
PERSON_KEYS = frozenset({"id", "name", "email", "contact_details", "identifiers", "memberships"})
ORGANIZATION_KEYS = frozenset({"id", "name", "classification", "identifiers", "parent_id"})
MEMBERSHIP_KEYS = frozenset(
    {
        "id",
        "person_id",
        "organization_id",
        "post_id",
        "on_behalf_of_id",
        "role",
        "label",
        "start_date",
        "end_date",
        "legislative_period_id",
    }
)
AREA_KEYS = frozenset({"id", "name", "classification", "identifier", "parent_id"})


def classify(classification: str | None) -> tuple[Kind, ActorKind | None]:
    """What an organization of this classification becomes, and its organisation kind.

    Examples
    --------
    >>> classify("Legislature"), classify("political party")
    (('council', None), ('party', <ActorKind.POLITIEKE_PARTIJ: 'politieke_partij'>))
    >>> classify("Woningcorporatie"), classify("club")
    (('organisation', <ActorKind.WONINGCORPORATIE: 'woningcorporatie'>), ('other', None))
    """
    key = normalise(classification or "")
    found = CLASSIFICATIONS.get(key)
    if found == "party":
        return "party", ActorKind.POLITIEKE_PARTIJ
    if found == "government":
        return "organisation", ActorKind.OVERHEIDSORGANISATIE
    if found is not None:
        return found, None
    actor = ORGANISATION_KINDS.get(key)
    if actor is ActorKind.POLITIEKE_PARTIJ:
        return "party", actor
    if actor is not None:
        return "organisation", actor
    return "other", None


def is_no_party(name: str) -> bool:
    """Tell whether a party's name says "sits for no party" (:data:`NO_PARTY`).

    Examples
    --------
    >>> is_no_party("Independent"), is_no_party("Non-partisan"), is_no_party("-")
    (True, True, True)
    >>> is_no_party("Labor"), is_no_party("Independent Liberal")
    (False, False)
    """
    return normalise(name) in NO_PARTY or not any(char.isalnum() for char in name)

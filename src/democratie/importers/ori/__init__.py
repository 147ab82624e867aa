"""Import the composition of a council from Open Raadsinformatie.

Open Raadsinformatie (Open State Foundation, VNG) publishes council data as a
Dutch dialect of Popolo, in pairs of files: ``<place>_persons.json`` and
``<place>_organisations.json``. Persons carry their memberships inline; roles
are Dutch free text (Raadslid, Fractievoorzitter, Wethouder, Burgemeester,
Locoburgemeester, Raadsgriffier, Secretaris); organisations are classified
Municipality, Council, Party or committee; both files carry a ``meta`` block
from the search index that produced them.

A pair becomes a :class:`~democratie.model.Landscape` with

- one :class:`~democratie.model.Municipality`, matched to the CBS list of 2025
  by name (:func:`democratie.reference.resolve`, with the province the council's
  name ends with, such as ``(NH)``), with its council and college; a former
  municipality keeps its name and province, and the report says what it became;
- a :class:`~democratie.model.Faction` for every Party organisation, with the
  id ``<municipality>-<party id>``;
- an :class:`~democratie.model.Organisation` of kind ``overheidsorganisatie``
  (sector overheid) for every committee, as a body of the municipality;
- a :class:`~democratie.model.Person` for every person, with the source ids as
  identifiers of scheme ``ori`` (and the other schemes the file gives, such as
  ``almanak``) and the e-mail address as a private contact detail;
- a :class:`~democratie.model.Role` for every position, placed where the office
  sits: burgemeester, waarnemend burgemeester, locoburgemeester, wethouder and
  gemeentesecretaris in the college; raadslid, griffier and the rest in the
  council, on behalf of their faction; a fractievoorzitter at the faction.

The council's seats are counted from the data (distinct current raadsleden),
because Open Raadsinformatie gives no seat count; the report says so. Whatever
has no place in the model (gender, the search-index ``meta`` blocks, records
without an id) is counted in the report, never dropped silently.

Examples
--------
>>> persons = {"persons": [{
...     "id": "p1", "name": "Dhr. J. Tuinman",
...     "memberships": [
...         {"organisation_id": "gemeente-heerde-heerde-gld", "role": "Raadslid",
...          "organisation": {"id": "gemeente-heerde-heerde-gld", "classification": "Council",
...                           "name": "Gemeente Heerde (Heerde) (GLD)"}},
...         {"organisation_id": "cda", "role": "Raadslid",
...          "organisation": {"id": "cda", "classification": "Party", "name": "CDA"}}]}]}
>>> result = import_ori(persons)
>>> land = result.landscape
>>> land.get("heerde").cbs_code, land.get("heerde-raad").seats
('GM0246', 1)
>>> role = land.roles[0]
>>> role.kind.value, role.at, role.on_behalf_of
('raadslid', 'heerde-raad', 'heerde-cda')
"""

from democratie.importers.ori._build import import_ori
from democratie.importers.ori._files import detect, load_ori, partner_paths
from democratie.importers.ori._tables import FORMAT, ROLE_TEXTS

__all__ = ["FORMAT", "ROLE_TEXTS", "detect", "import_ori", "load_ori", "partner_paths"]

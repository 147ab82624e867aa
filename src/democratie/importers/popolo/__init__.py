"""Import councils and organisations from a standard Popolo document.

Popolo (popoloproject.com) is the international standard for data about
legislatures. It defines no file container; the de facto one is a JSON object
with ``persons``, ``organizations``, ``memberships``, ``posts``, ``areas`` and
``events`` lists, as the OpenAustralia and EveryPolitician data use.

A document becomes a :class:`~democratie.model.Landscape`:

- every organization classified ``legislature`` or ``council`` becomes a
  :class:`~democratie.model.Municipality` with its council. It gets a CBS code
  only when the organization carries one among its identifiers (scheme ``cbs``,
  or an identifier like ``GM0503``); names are not matched against the Dutch
  list, since a council abroad may share a Dutch name. Without a code the
  municipality keeps the organization's name;
- every ``party`` becomes an :class:`~democratie.model.Organisation` of kind
  ``politieke_partij``, and every council-party pair that memberships name
  (``on_behalf_of_id``) a :class:`~democratie.model.Faction` of that council,
  with the id ``<council>-<party>``. A party called ``unknown`` is the
  placeholder some publishers use for "no party known": it is not imported, and
  the report counts the memberships that named it. A party that stands for sitting for
  no party (``Independent``, ``Unaligned``, ``-``; see :data:`NO_PARTY`) is not imported
  either: a membership on behalf of it is a role for no faction, as an independent holds
  it, counted in the report under ``membership.independent``. Parties whose names differ
  only in capitals stay apart, each with its id, and the report names them;
- a legislature's ``seats`` (as EveryPolitician gives them) are its council's seats;
  without them, the seats are counted from the current raadsleden;
- an organization classified ``faction`` (or ``fractie``, ``council group``,
  ``parliamentary group``) whose ``parent_id`` is a council becomes a faction of
  that council under its own id, without a party; one outside a council is read
  as a party;
- committees, commissions and executives become organisations of kind
  ``overheidsorganisatie``;
- an organization classified by the slug of an :class:`~democratie.vocab.ActorKind`
  (``stichting``, ``woningcorporatie``, ``maatschappelijke_organisatie``, ...; case,
  hyphens and underscores do not matter, see :data:`ORGANISATION_KINDS`) becomes an
  organisation of that kind;
- an organisation keeps its name, description, identifiers and contact details;
  its ``parent_id`` places it in a council's municipality or in another
  organisation, and its ``area_id``, when that is an imported area, is an area it
  works in;
- organizations classified ``initiative`` or ``network`` (how
  :mod:`democratie.exporters.popolo` writes initiatives and networks) and those of
  any other classification are reported, not imported, and so are the
  memberships of them;
- every person becomes a :class:`~democratie.model.Person` (with the Popolo id
  as an identifier of scheme ``popolo``, and e-mail and contact details as
  private contact details);
- every membership becomes a :class:`~democratie.model.Role` of its person, or of
  the organisation its ``member`` names: the role text is read onto a role kind
  where the meaning is clear (councillor -> raadslid, mayor -> burgemeester,
  deputy mayor -> locoburgemeester, alderman -> wethouder, ...), else the role is
  ``lid`` with the text kept as its title. Roles in a council are placed where
  the office sits (burgemeester, wethouders and locoburgemeester in the college,
  a fractievoorzitter at the faction, the rest in the council), except that a
  role which is none of the council's or college's :data:`OFFICES` is held at
  the area its ``area_id`` names, or at the municipality when that is the
  council's own area (a councillor's area is the ward they represent, which a
  role has no place for). A membership of no organization is a role held
  nowhere in particular, and one on behalf of a council is on behalf of its
  municipality;
- the terms of a legislature (events classified ``legislative period``, as
  EveryPolitician writes them) give their dates to the memberships that name them by
  ``legislative_period_id`` and have none of their own: each term is a role of its
  own, and one that ended is not current;
- areas become :class:`~democratie.model.Area` objects of the municipality
  they belong to (through the council's ``area_id``, their parents, or the posts
  and memberships that link them to one council).

An area without a name (the Popolo schema allows it) is named after its id. Ids that
are valid model ids are kept as they are; others become slugs (and get a numbered
suffix when taken), and the source id is kept as an identifier of scheme ``popolo``,
unless the record carries one already (a document a Popolo export wrote: it is the
id of the first source). A role text recognised in English (``member``,
``councillor``) is kept as the role's title, so that the export writes it back as it
came. Posts, other events and every field without a place in the model are counted
in the report, never dropped silently.

By default a bad record refuses the document, with every problem located;
``skip_bad_records=True`` imports the rest and lists each record passed over, with its
place and why, in the report's ``skipped``.

Notes
-----
The round trip. What :mod:`democratie.exporters.popolo` writes comes back with the same people,
organisations (id, name, kind, and parent, municipality and area as far as one
Popolo organization holds them) and municipalities, and with the roles Popolo
can carry. What it cannot carry:

- initiatives, networks and meetings: they are written as organizations and
  events, but the model needs what Popolo has no field for (an initiative's kind,
  phases and participants; a network's kind and themes), so they are reported,
  and with them the roles held there and the network members;
- where in a municipality a role sits, beyond what the role tells: a
  municipality is one organization, so an office held at the municipality, an
  area or the "wrong" body comes back where the office sits, and any other role
  at a council, college or faction comes back in the council;
- the faction of a party: written as memberships on behalf of the party, it
  comes back as the faction ``<municipality>-<party>`` (a faction without a party
  comes back under its own id);
- an organisation's sector and assessment, more than one area, and a
  municipality beside a parent.

Examples
--------
>>> doc = {
...     "persons": [{"id": "p1", "name": "Graham Quirk"}],
...     "organizations": [
...         {"id": "legislature/brisbane", "name": "Brisbane City Council",
...          "classification": "legislature"},
...         {"id": "party/lnp", "name": "LNP", "classification": "party"}],
...     "memberships": [
...         {"person_id": "p1", "organization_id": "legislature/brisbane",
...          "role": "councillor", "on_behalf_of_id": "party/lnp"},
...         {"person_id": "p1", "organization_id": "legislature/brisbane", "role": "mayor"}]}
>>> land = import_popolo(doc).landscape
>>> land.get("legislature-brisbane").name, land.get("legislature-brisbane-raad").seats
('Brisbane City Council', 1)
>>> [(r.kind.value, r.at, r.on_behalf_of) for r in land.roles]
[('raadslid', 'legislature-brisbane-raad', 'legislature-brisbane-party-lnp'), ('burgemeester', 'legislature-brisbane-college', None)]
"""  # noqa: E501

from democratie.importers._placement import OFFICES
from democratie.importers.popolo._build import import_popolo
from democratie.importers.popolo._files import detect, load_popolo
from democratie.importers.popolo._tables import (
    AREA_LEVELS,
    FORMAT,
    NO_PARTY,
    ORGANISATION_KINDS,
    ROLE_TEXTS,
)

__all__ = [
    "AREA_LEVELS",
    "FORMAT",
    "NO_PARTY",
    "OFFICES",
    "ORGANISATION_KINDS",
    "ROLE_TEXTS",
    "detect",
    "import_popolo",
    "load_popolo",
]

"""Synthetic landscapes of the whole nation, seeded and scalable, for benchmarks and demos.

:func:`generate` makes a landscape of all 342 municipalities of the shipped CBS list, each
with a council, a college, wijken and kernen, organisations, residents in roles,
initiatives of every kind and networks; :func:`write` writes one as a JSON landscape
document; :func:`census` counts what a landscape holds. At scale 1 the stakeholder graph of
the nation has about half a million nodes and 1.5 million edges; scale 1/16 or 1/4 gives
the same nation, thinner. The same scale and seed always give the same landscape and the
same bytes.

The municipalities keep their real CBS codes and names. Everything else is invented and
named as such ("Wijk 3 (Almere)", "Stichting Buurtkracht 12 (Almere)", "Inwoner 1234
(Almere)"); the size of each municipality is drawn from :data:`SIZE_CLASSES`, and its
council seats follow from that size by the Gemeentewet (:data:`SEAT_BANDS`).

Run ``python -m democratie.synth --scale 1/4 --seed 1 --output nation.json`` to write one
from the command line.

Examples
--------
>>> from democratie.synth import census, generate
>>> nation = generate(1 / 64, seed=0)
>>> council = nation.get("leusden-raad")
>>> sum(faction.seats for faction in council.factions) == council.seats
True
>>> census(nation).entities["municipality"]
342
"""

from democratie.synth._census import Census, census
from democratie.synth._generate import MAX_SCALE, generate, write
from democratie.synth._tables import (
    SEAT_BANDS,
    SIZE_CLASSES,
    SeatBand,
    SizeClass,
    council_seats,
    max_wethouders,
)

__all__ = [
    "MAX_SCALE",
    "SEAT_BANDS",
    "SIZE_CLASSES",
    "Census",
    "SeatBand",
    "SizeClass",
    "census",
    "council_seats",
    "generate",
    "max_wethouders",
    "write",
]

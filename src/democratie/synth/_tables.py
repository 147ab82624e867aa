"""The tables the synthetic nation is sized by: council seats, wethouders, municipality sizes.

The seat and wethouder rules are Dutch law (Gemeentewet, articles 8 and 36); the size
distribution is our own approximation and only shapes synthetic data.

Examples
--------
A council's seats follow the Gemeentewet's bands (:data:`SEAT_BANDS`); the synthetic
municipalities are drawn from :data:`SIZE_CLASSES`:

>>> band = next(band for band in SEAT_BANDS if band.contains(33_000))
>>> band.seats, council_seats(33_000)
(23, 23)
>>> SIZE_CLASSES[0], sum(size.municipalities for size in SIZE_CLASSES)
(SizeClass(low=900, high=3000, municipalities=3), 342)
"""

from __future__ import annotations

from attrs import frozen

__all__ = [
    "SEAT_BANDS",
    "SIZE_CLASSES",
    "SeatBand",
    "SizeClass",
    "council_seats",
    "max_wethouders",
]


@frozen(kw_only=True)
class SeatBand:
    """One row of the table of council seats by number of inhabitants.

    Parameters
    ----------
    low, high
        The smallest and the largest number of inhabitants of the band; ``high`` is
        None for the open top band (more than 200,000 inhabitants).
    seats
        The number of council seats for a municipality in the band.

    Examples
    --------
    >>> SEAT_BANDS[0]
    SeatBand(low=0, high=3000, seats=9)
    >>> SEAT_BANDS[-1].contains(930_000)
    True
    """

    low: int
    high: int | None
    seats: int

    def contains(self, population: int) -> bool:
        """Tell whether a municipality of *population* inhabitants falls in this band."""
        return self.low <= population and (self.high is None or population <= self.high)


#: Council seats by number of inhabitants: Gemeentewet, article 8, first paragraph (the
#: population counts as CBS publishes it on 1 January of the year before the election,
#: article 1, second paragraph). From 9 seats up to 3,000 inhabitants to 45 above 200,000.
SEAT_BANDS: tuple[SeatBand, ...] = (
    SeatBand(low=0, high=3_000, seats=9),
    SeatBand(low=3_001, high=6_000, seats=11),
    SeatBand(low=6_001, high=10_000, seats=13),
    SeatBand(low=10_001, high=15_000, seats=15),
    SeatBand(low=15_001, high=20_000, seats=17),
    SeatBand(low=20_001, high=25_000, seats=19),
    SeatBand(low=25_001, high=30_000, seats=21),
    SeatBand(low=30_001, high=35_000, seats=23),
    SeatBand(low=35_001, high=40_000, seats=25),
    SeatBand(low=40_001, high=45_000, seats=27),
    SeatBand(low=45_001, high=50_000, seats=29),
    SeatBand(low=50_001, high=60_000, seats=31),
    SeatBand(low=60_001, high=70_000, seats=33),
    SeatBand(low=70_001, high=80_000, seats=35),
    SeatBand(low=80_001, high=100_000, seats=37),
    SeatBand(low=100_001, high=200_000, seats=39),
    SeatBand(low=200_001, high=None, seats=45),
)


def council_seats(population: int) -> int:
    """The number of council seats of a municipality with *population* inhabitants.

    Parameters
    ----------
    population
        The number of inhabitants (zero or more).

    Returns
    -------
    int
        From 9 to 45, as :data:`SEAT_BANDS` sets out.

    Raises
    ------
    ValueError
        When *population* is negative.

    References
    ----------
    Gemeentewet, article 8, first paragraph.

    Examples
    --------
    >>> council_seats(2_500), council_seats(30_000), council_seats(30_001)
    (9, 21, 23)
    >>> council_seats(100_000), council_seats(150_000), council_seats(650_000)
    (37, 39, 45)
    """
    for band in SEAT_BANDS:
        if band.contains(population):
            return band.seats
    message = f"a municipality cannot have {population} inhabitants"
    raise ValueError(message)


def max_wethouders(seats: int) -> int:
    """The largest number of full-time wethouders a council of *seats* seats may appoint.

    At most twenty percent of the number of council seats, rounded to the nearest whole
    number, and never fewer than two.

    Parameters
    ----------
    seats
        The number of council seats.

    Returns
    -------
    int
        From 2 (9 or 11 seats) to 9 (45 seats).

    References
    ----------
    Gemeentewet, article 36, first and fifth paragraphs; the VNG table of wethouders per
    municipality size.

    Examples
    --------
    >>> [max_wethouders(seats) for seats in (9, 13, 19, 23, 33, 39, 45)]
    [2, 3, 4, 5, 7, 8, 9]
    """
    return max(2, (seats * 20 + 50) // 100)


@frozen(kw_only=True)
class SizeClass:
    """A class of municipality sizes and how many of the 342 municipalities fall in it.

    Parameters
    ----------
    low, high
        The smallest and the largest number of inhabitants of the class.
    municipalities
        How many municipalities the synthetic nation puts in the class.

    Examples
    --------
    >>> sum(size.municipalities for size in SIZE_CLASSES)
    342
    """

    low: int
    high: int
    municipalities: int


#: The synthetic distribution of municipality sizes: a skewed one, many municipalities of
#: 20,000 to 50,000 inhabitants and a few large cities, shaped after the CBS figures of
#: municipalities by number of inhabitants around 2024 (about 18 million inhabitants in 342
#: municipalities). The counts are our own rounded approximation, not a statistic: the
#: shipped reference list has no population figures, so the synthetic nation draws each
#: municipality's size from these classes.
SIZE_CLASSES: tuple[SizeClass, ...] = (
    SizeClass(low=900, high=3_000, municipalities=3),
    SizeClass(low=3_001, high=6_000, municipalities=3),
    SizeClass(low=6_001, high=10_000, municipalities=8),
    SizeClass(low=10_001, high=15_000, municipalities=16),
    SizeClass(low=15_001, high=20_000, municipalities=30),
    SizeClass(low=20_001, high=25_000, municipalities=40),
    SizeClass(low=25_001, high=30_000, municipalities=38),
    SizeClass(low=30_001, high=40_000, municipalities=55),
    SizeClass(low=40_001, high=50_000, municipalities=40),
    SizeClass(low=50_001, high=70_000, municipalities=45),
    SizeClass(low=70_001, high=100_000, municipalities=28),
    SizeClass(low=100_001, high=150_000, municipalities=18),
    SizeClass(low=150_001, high=200_000, municipalities=9),
    SizeClass(low=200_001, high=300_000, municipalities=5),
    SizeClass(low=300_001, high=950_000, municipalities=4),
)

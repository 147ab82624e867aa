"""Small value objects used throughout the model."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from attrs import frozen

from democratie.errors import Problem
from democratie.model._checks import check_text, check_unit, coerce_terms, raise_problems
from democratie.vocab import ContactKind

__all__ = ["Assessment", "ContactDetail", "Identifier", "Period", "Source"]


@frozen(kw_only=True)
class Period:
    """A stretch of time; either end may be open.

    Parameters
    ----------
    start, end
        The first and the last day. ``end`` may not come before ``start``.

    Examples
    --------
    >>> import datetime as dt
    >>> Period(start=dt.date(2019, 1, 15), end=dt.date(2019, 12, 31)).months()
    12
    """

    start: dt.date | None = None
    end: dt.date | None = None

    def __attrs_post_init__(self) -> None:
        coerce_terms(self)
        raise_problems(self._check())

    def _check(self) -> Iterator[Problem]:
        if self.start is not None and self.end is not None and self.end < self.start:
            yield Problem(
                path="end",
                code="invalid-value",
                message=f"the end ({self.end}) comes before the start ({self.start})",
            )

    def contains(self, day: dt.date) -> bool:
        """Tell whether *day* falls within the period (open ends reach forever)."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def months(self) -> int | None:
        """Return the length in calendar months, counting started months; None if open."""
        if self.start is None or self.end is None:
            return None
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1


@frozen(kw_only=True)
class Identifier:
    """An identifier of an entity in another system (provenance of imported data).

    Parameters
    ----------
    scheme
        The system, for example ``"ori"`` (Open Raadsinformatie), ``"popolo"``, ``"cbs"``.
    identifier
        The id in that system.

    Examples
    --------
    >>> Identifier(scheme="cbs", identifier="GM0327")
    Identifier(scheme='cbs', identifier='GM0327')
    """

    scheme: str
    identifier: str

    def __attrs_post_init__(self) -> None:
        coerce_terms(self)
        raise_problems(
            [*check_text(self.scheme, "scheme"), *check_text(self.identifier, "identifier")]
        )


@frozen(kw_only=True)
class ContactDetail:
    """A way to reach a person or organisation.

    Contact details are private by default: exporters leave them out unless the
    user asks to include them.

    Parameters
    ----------
    kind
        e-mail, phone, website or address.
    value
        The address or number as written.

    Examples
    --------
    >>> ContactDetail(kind="email", value="griffie@leusden.nl")
    ContactDetail(kind=<ContactKind.EMAIL: 'email'>, value='griffie@leusden.nl')
    >>> ContactDetail(kind="fax", value="033 123 45 67")
    Traceback (most recent call last):
        ...
    democratie.errors.ModelError: kind: 'fax' is not one of the slugs of ContactKind: email,
    telefoon, website, adres
    """

    kind: ContactKind
    value: str

    def __attrs_post_init__(self) -> None:
        coerce_terms(self)
        raise_problems(check_text(self.value, "value"))


@frozen(kw_only=True)
class Source:
    """Where the facts in a landscape come from.

    Parameters
    ----------
    title
        What the source is called.
    url
        Where to find it, if it is online.
    note
        Anything a reader should know, such as the licence.

    Examples
    --------
    >>> from democratie.model import Landscape
    >>> source = Source(title="Samenleving Voorop", url="https://www.leusden.nl", note="2019")
    >>> Landscape(title="Leusden", sources=(source,)).sources[0].title
    'Samenleving Voorop'
    """

    title: str
    url: str | None = None
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        coerce_terms(self)
        raise_problems(
            [
                *check_text(self.title, "title"),
                *check_text(self.url, "url", required=False),
                *check_text(self.note, "note", multiline=True, required=False),
            ]
        )


@frozen(kw_only=True)
class Assessment:
    """How a stakeholder stands in the krachtenveld, each aspect on [0, 1].

    ``power`` and ``interest`` place a stakeholder on Mendelow's power-interest
    grid; ``power``, ``legitimacy`` and ``urgency`` give its salience class
    (Mitchell, Agle & Wood 1997). Leave out what the sources do not say.

    Parameters
    ----------
    power
        Ability to influence the outcome.
    interest
        How much the outcome matters to them.
    legitimacy
        How appropriate their claim is in the eyes of others.
    urgency
        How pressing their claim is.

    Examples
    --------
    >>> from democratie.graph.analysis import mendelow_quadrant
    >>> wethouder = Assessment(power=0.9, interest=0.7)
    >>> mendelow_quadrant(wethouder.power, wethouder.interest).label_en
    'Manage closely'
    >>> Assessment(power=1.2)
    Traceback (most recent call last):
        ...
    democratie.errors.ModelError: power: 1.2 is outside the range 0 to 1
    """

    power: float | None = None
    interest: float | None = None
    legitimacy: float | None = None
    urgency: float | None = None

    def __attrs_post_init__(self) -> None:
        coerce_terms(self)
        raise_problems(
            [
                *check_unit(self.power, "power"),
                *check_unit(self.interest, "interest"),
                *check_unit(self.legitimacy, "legitimacy"),
                *check_unit(self.urgency, "urgency"),
            ]
        )

"""Krachtenveld: where each stakeholder stands by power, interest, legitimacy and urgency.

The *krachtenveld* (field of forces) is how Dutch practitioners speak of the stakeholders
around an initiative: who can make or break it, who cares, who has a rightful claim, who
presses for attention. Two published frameworks give it a structure:

- Mendelow's power-interest grid sorts stakeholders into four quadrants, each with its own way
  of engaging them (:func:`mendelow_quadrant`).
- Mitchell, Agle & Wood's salience model combines power, legitimacy and urgency into eight
  classes (:func:`salience_class`).

Both functions are pure and cheap: O(1) per stakeholder. :func:`map_krachtenveld` applies
them to every assessed actor of a stakeholder graph.

References
----------
.. [1] Mendelow, A. (1991). "Environmental scanning: the impact of the stakeholder concept".
   Proceedings of the Second International Conference on Information Systems, Cambridge, MA.
.. [2] Mitchell, R. K., Agle, B. R., & Wood, D. J. (1997). "Toward a Theory of Stakeholder
   Identification and Salience: Defining the Principle of Who and What Really Counts".
   Academy of Management Review, 22(4), 853-886.

Examples
--------
>>> from democratie.graph.analysis.krachtenveld import mendelow_quadrant, salience_class
>>> mendelow_quadrant(0.8, 0.3).slug
'tevreden_houden'
>>> salience_class(power=True, legitimacy=True, urgency=False).slug
'dominant'

Unless told otherwise, an aspect of 0.5 or more counts as high (:data:`DEFAULT_THRESHOLDS`):

>>> from democratie.graph.analysis.krachtenveld import DEFAULT_THRESHOLDS
>>> DEFAULT_THRESHOLDS
Thresholds(power=0.5, interest=0.5, legitimacy=0.5, urgency=0.5)
>>> mendelow_quadrant(0.5, 0.5).slug, mendelow_quadrant(0.5, 0.5, power_threshold=0.6).slug
('nauw_betrekken', 'informeren')
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from typing import Final

from attrs import field, frozen

from democratie.graph._graph import StakeholderGraph
from democratie.graph.analysis._common import node_info, resolve_actors
from democratie.vocab import MendelowQuadrant, SalienceClass

__all__ = [
    "DEFAULT_THRESHOLDS",
    "Krachtenveld",
    "Position",
    "Thresholds",
    "map_krachtenveld",
    "mendelow_quadrant",
    "salience_class",
]

_ASPECTS: Final = ("power", "interest", "legitimacy", "urgency")


def _check_threshold(instance: object, attribute: object, value: float) -> None:
    """Reject a threshold outside [0, 1] (attrs validator)."""
    name = getattr(attribute, "name", "threshold")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        msg = f"{name} must be a number in [0, 1], got {value!r}"
        raise TypeError(msg)
    if math.isnan(value) or not 0.0 <= value <= 1.0:
        msg = f"{name} must be in [0, 1], got {value!r}"
        raise ValueError(msg)


@frozen(kw_only=True)
class Thresholds:
    """The cut-off above which an attribute of a stakeholder counts as *high*.

    A value counts as high when it is greater than or equal to its threshold. The defaults
    (0.5 everywhere) split the unit interval in the middle, as Mendelow's grid does.

    Parameters
    ----------
    power : float, default 0.5
        Threshold for power (Mendelow and salience).
    interest : float, default 0.5
        Threshold for interest (Mendelow).
    legitimacy : float, default 0.5
        Threshold for legitimacy (salience).
    urgency : float, default 0.5
        Threshold for urgency (salience).

    Raises
    ------
    ValueError
        If a threshold lies outside [0, 1].

    Examples
    --------
    >>> strict = Thresholds(power=0.7)
    >>> strict.power, strict.interest
    (0.7, 0.5)
    >>> strict.is_high(0.7, strict.power), strict.is_high(0.69, strict.power)
    (True, False)
    """

    power: float = field(default=0.5, validator=_check_threshold)
    interest: float = field(default=0.5, validator=_check_threshold)
    legitimacy: float = field(default=0.5, validator=_check_threshold)
    urgency: float = field(default=0.5, validator=_check_threshold)

    @staticmethod
    def is_high(value: float, threshold: float) -> bool:
        """Return whether `value` reaches `threshold` (``value >= threshold``).

        Parameters
        ----------
        value : float
            The stakeholder's score on one attribute, in [0, 1].
        threshold : float
            The cut-off.

        Returns
        -------
        bool
            ``True`` when the value counts as high.

        Examples
        --------
        >>> Thresholds.is_high(0.5, 0.5)
        True
        """
        return value >= threshold


DEFAULT_THRESHOLDS: Final[Thresholds] = Thresholds()
"""The default thresholds: 0.5 for power, interest, legitimacy and urgency."""

_QUADRANTS: Final[dict[tuple[bool, bool], MendelowQuadrant]] = {
    (True, True): MendelowQuadrant.NAUW_BETREKKEN,
    (True, False): MendelowQuadrant.TEVREDEN_HOUDEN,
    (False, True): MendelowQuadrant.INFORMEREN,
    (False, False): MendelowQuadrant.MONITOREN,
}

_SALIENCE: Final[dict[tuple[bool, bool, bool], SalienceClass]] = {
    (True, False, False): SalienceClass.SLAPEND,
    (False, True, False): SalienceClass.DISCRETIONAIR,
    (False, False, True): SalienceClass.VEELEISEND,
    (True, True, False): SalienceClass.DOMINANT,
    (True, False, True): SalienceClass.GEVAARLIJK,
    (False, True, True): SalienceClass.AFHANKELIJK,
    (True, True, True): SalienceClass.DEFINITIEF,
    (False, False, False): SalienceClass.GEEN,
}


def mendelow_quadrant(
    power: float,
    interest: float,
    *,
    power_threshold: float = 0.5,
    interest_threshold: float = 0.5,
) -> MendelowQuadrant:
    """Place a stakeholder on Mendelow's power-interest grid.

    Power and interest are high when they reach their threshold (``>=``).

    Parameters
    ----------
    power : float
        The stakeholder's power over the initiative, in [0, 1].
    interest : float
        The stakeholder's interest in it, in [0, 1].
    power_threshold : float, default 0.5
        Power at or above this is high.
    interest_threshold : float, default 0.5
        Interest at or above this is high.

    Returns
    -------
    MendelowQuadrant
        ``nauw_betrekken`` (high power, high interest: manage closely),
        ``tevreden_houden`` (high power, low interest: keep satisfied),
        ``informeren`` (low power, high interest: keep informed) or
        ``monitoren`` (low power, low interest: monitor).

    Raises
    ------
    ValueError
        If `power` or `interest` is NaN.

    Notes
    -----
    O(1).

    References
    ----------
    .. [1] Mendelow, A. (1991). "Environmental scanning: the impact of the stakeholder
       concept". Proceedings of the Second International Conference on Information Systems.

    Examples
    --------
    >>> mendelow_quadrant(0.9, 0.9).slug
    'nauw_betrekken'
    >>> mendelow_quadrant(0.5, 0.49).slug
    'tevreden_houden'
    >>> mendelow_quadrant(0.2, 0.8).label_en
    'Keep informed'
    >>> mendelow_quadrant(0.6, 0.6, power_threshold=0.7).slug
    'informeren'
    """
    if math.isnan(power) or math.isnan(interest):
        msg = f"power and interest must be numbers, got power={power!r}, interest={interest!r}"
        raise ValueError(msg)
    return _QUADRANTS[power >= power_threshold, interest >= interest_threshold]


def salience_class(power: bool, legitimacy: bool, urgency: bool) -> SalienceClass:
    """Classify a stakeholder by the salience attributes it has.

    Parameters
    ----------
    power : bool
        Whether the stakeholder can impose its will on the initiative.
    legitimacy : bool
        Whether its claim is seen as proper and appropriate.
    urgency : bool
        Whether its claim calls for immediate attention.

    Returns
    -------
    SalienceClass
        One of the eight classes: ``slapend`` (dormant: power only), ``discretionair``
        (discretionary: legitimacy only), ``veeleisend`` (demanding: urgency only),
        ``dominant`` (power and legitimacy), ``gevaarlijk`` (dangerous: power and urgency),
        ``afhankelijk`` (dependent: legitimacy and urgency), ``definitief`` (definitive: all
        three) or ``geen`` (none: not a stakeholder). ``SalienceClass.group`` gives the group
        (latent, expectant, definitive).

    Notes
    -----
    O(1). To classify scores in [0, 1], compare them with :class:`Thresholds` first.

    References
    ----------
    .. [1] Mitchell, R. K., Agle, B. R., & Wood, D. J. (1997). "Toward a Theory of
       Stakeholder Identification and Salience". Academy of Management Review, 22(4), 853-886.

    Examples
    --------
    >>> salience_class(True, False, False).slug
    'slapend'
    >>> salience_class(False, True, True).label_en
    'Dependent'
    >>> salience_class(True, True, True).group.slug
    'definitief'
    >>> salience_class(False, False, False).group is None
    True
    """
    return _SALIENCE[bool(power), bool(legitimacy), bool(urgency)]


@frozen(kw_only=True)
class Position:
    """Where one stakeholder stands in the krachtenveld.

    Attributes
    ----------
    id : str
        The node id.
    label : str
        Its readable name.
    kind : str
        Its node kind.
    power, interest, legitimacy, urgency : float or None
        The assessment in [0, 1], None where the landscape gives none.
    quadrant : MendelowQuadrant or None
        Its Mendelow quadrant; None unless both power and interest are assessed.
    salience : SalienceClass or None
        Its salience class; None unless power, legitimacy and urgency are all assessed.

    Examples
    --------
    >>> from democratie.graph import build_graph
    >>> from democratie.model import Assessment, Landscape, Person
    >>> graph = build_graph(Landscape(people=(Person(id="p-raadslid", name="Raadslid",
    ...     assessment=Assessment(power=0.7, interest=0.3, legitimacy=0.8, urgency=0.9)),)))
    >>> (position,) = map_krachtenveld(graph)
    >>> position.label, position.power, position.quadrant.label_en, position.salience.label_en
    ('Raadslid', 0.7, 'Keep satisfied', 'Definitive')
    """

    id: str
    label: str
    kind: str
    power: float | None
    interest: float | None
    legitimacy: float | None
    urgency: float | None
    quadrant: MendelowQuadrant | None
    salience: SalienceClass | None


@frozen(kw_only=True)
class Krachtenveld:
    """The krachtenveld of a stakeholder graph: every assessed stakeholder's position.

    Attributes
    ----------
    positions : tuple of Position
        One per stakeholder, in graph order.
    thresholds : Thresholds
        The thresholds used.

    Examples
    --------
    >>> from democratie.graph import build_graph
    >>> from democratie.model import Assessment, Landscape, Person
    >>> from democratie.vocab import MendelowQuadrant
    >>> graph = build_graph(Landscape(people=(
    ...     Person(id="p-wethouder", name="W", assessment=Assessment(power=0.9, interest=0.8)),
    ...     Person(id="p-bewoner", name="B", assessment=Assessment(power=0.2, interest=0.9)),
    ... )))
    >>> field_ = map_krachtenveld(graph)
    >>> len(field_), field_.thresholds.power
    (2, 0.5)
    >>> [position.id for position in field_.in_quadrant(MendelowQuadrant.INFORMEREN)]
    ['p-bewoner']
    """

    positions: tuple[Position, ...]
    thresholds: Thresholds

    def __iter__(self) -> Iterator[Position]:
        return iter(self.positions)

    def __len__(self) -> int:
        return len(self.positions)

    def in_quadrant(self, quadrant: MendelowQuadrant) -> tuple[Position, ...]:
        """Return the stakeholders in one Mendelow quadrant, in graph order."""
        return tuple(p for p in self.positions if p.quadrant is quadrant)

    def with_salience(self, salience: SalienceClass) -> tuple[Position, ...]:
        """Return the stakeholders of one salience class, in graph order."""
        return tuple(p for p in self.positions if p.salience is salience)


def map_krachtenveld(
    graph: StakeholderGraph,
    among: str | Iterable[str] | None = None,
    *,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
) -> Krachtenveld:
    """Place the stakeholders of a graph on Mendelow's grid and in a salience class.

    Reads the ``power``, ``interest``, ``legitimacy`` and ``urgency`` node attributes (from
    the assessments in the landscape). A stakeholder gets a quadrant only when both power
    and interest are assessed, and a salience class only when power, legitimacy and urgency
    all are: a missing assessment is unknown, not low.

    Parameters
    ----------
    graph : StakeholderGraph
        The graph, or a view of it.
    among : str or iterable of str, optional
        The actors to place; by default every actor with at least one assessment.
    thresholds : Thresholds, optional
        When an aspect counts as high (``>=``); 0.5 for each by default.

    Returns
    -------
    Krachtenveld
        The positions, in graph order.

    Raises
    ------
    KeyError
        If an id in `among` is not in the graph.
    ValueError
        If an id in `among` is not an actor.

    Notes
    -----
    O(n) for n actors.

    Examples
    --------
    >>> from democratie.graph import build_graph
    >>> from democratie.model import Assessment, Landscape, Person
    >>> graph = build_graph(Landscape(people=(
    ...     Person(id="p-wethouder", name="W", assessment=Assessment(
    ...         power=0.9, interest=0.8, legitimacy=0.9, urgency=0.3)),
    ...     Person(id="p-bewoner", name="B", assessment=Assessment(power=0.2, interest=0.9)),
    ... )))
    >>> field_ = map_krachtenveld(graph)
    >>> [(p.id, p.quadrant.slug) for p in field_]
    [('p-wethouder', 'nauw_betrekken'), ('p-bewoner', 'informeren')]
    >>> [p.salience and p.salience.slug for p in field_]
    ['dominant', None]
    """
    nodes = graph.nx.nodes
    if among is None:
        wanted = [
            n for n in resolve_actors(graph, None) if any(aspect in nodes[n] for aspect in _ASPECTS)
        ]
    else:
        wanted = resolve_actors(graph, among)
    positions = []
    for node in wanted:
        data = nodes[node]
        power = data.get("power")
        interest = data.get("interest")
        legitimacy = data.get("legitimacy")
        urgency = data.get("urgency")
        quadrant = None
        if power is not None and interest is not None:
            quadrant = mendelow_quadrant(
                power,
                interest,
                power_threshold=thresholds.power,
                interest_threshold=thresholds.interest,
            )
        salience = None
        if power is not None and legitimacy is not None and urgency is not None:
            salience = salience_class(
                power >= thresholds.power,
                legitimacy >= thresholds.legitimacy,
                urgency >= thresholds.urgency,
            )
        label, kind = node_info(graph, node)
        positions.append(
            Position(
                id=node,
                label=label,
                kind=kind,
                power=power,
                interest=interest,
                legitimacy=legitimacy,
                urgency=urgency,
                quadrant=quadrant,
                salience=salience,
            )
        )
    return Krachtenveld(positions=tuple(positions), thresholds=thresholds)

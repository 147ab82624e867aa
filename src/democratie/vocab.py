"""Controlled vocabularies of democratic renewal, with Dutch slugs, labels and sources.

Every enumeration in this module is a :class:`Term`. A member is declared as a triple
``NAME = ("slug", "English label", "Dutch label")``:

- its value is the *slug*: a stable Dutch identifier in lowercase with underscores
  (``"raadplegen"``). Slugs are what landscape files store, so they never change; the member
  name is the slug in upper case.
- ``label_en`` and ``label_nl`` are for people: reports, charts and forms. Labels may be
  reworded; slugs may not.
- ``source`` says where the vocabulary comes from (a framework, a law or one of the Dutch
  texts the library is built from). It is set on the class with :func:`sourced` and repeated
  in the class docstring under *References*.

Scales that are ordered carry an integer (``rank``, ``step`` or ``rung``); members themselves
compare by identity only, as in any :class:`enum.Enum`. Where a mapping between vocabularies is
our own reading rather than a published table, such as :data:`DEFAULT_SECTORS`, it is kept as
read-only module data that callers can replace with their own.

:data:`VOCABULARIES` lists every enumeration, for tools that document or validate them all.

Examples
--------
>>> from democratie.vocab import ParticipationLevel
>>> level = ParticipationLevel.from_slug("raadplegen")
>>> level.label_en
'Consult'
>>> level.label("nl"), level.rank
('Raadplegen', 2)
>>> str(level)
'raadplegen'
>>> level.source
'Edelenbos & Monnikhof 1998; Movisie; e.g. Bodegraven-Reeuwijk participatieverordening 2021'
"""

from __future__ import annotations

import difflib
import enum
import re
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, ClassVar, Final, Literal, TypeVar

__all__ = [
    "DEFAULT_SECTORS",
    "VOCABULARIES",
    "ActorKind",
    "AreaLevel",
    "ArnsteinGroup",
    "ArnsteinRung",
    "CommitmentKind",
    "CommitmentLevel",
    "ContactKind",
    "Direction",
    "GovernmentRole",
    "Iap2Level",
    "InitiativeKind",
    "Initiator",
    "LessonKind",
    "MeetingKind",
    "MendelowQuadrant",
    "NetworkKind",
    "ParticipationLevel",
    "Phase",
    "PhaseCycle",
    "PolicyDomain",
    "QuestionTheme",
    "Raci",
    "RoleKind",
    "SalienceClass",
    "SalienceGroup",
    "Sector",
    "ServiceGoal",
    "Term",
    "TrajectoryElement",
    "sourced",
]

_TermT = TypeVar("_TermT", bound="Term")
_TermClassT = TypeVar("_TermClassT", bound="type[Term]")


class Term(enum.Enum):
    """Base class of every vocabulary: a slug with an English and a Dutch label.

    Subclasses declare each member as ``NAME = ("slug", "English label", "Dutch label")`` and
    are decorated with :func:`sourced`. The member's value is the slug.

    Attributes
    ----------
    __source__ : str
        Where the vocabulary comes from; set per class by :func:`sourced`.
    __noun__ : str
        What one member is called in messages ("participation level"); set by :func:`sourced`.

    Examples
    --------
    >>> from democratie.vocab import GovernmentRole
    >>> role = GovernmentRole.FACILITEREN
    >>> role.value, role.label_en, role.label_nl
    ('faciliteren', 'Facilitate', 'Faciliteren')
    >>> GovernmentRole("faciliteren") is role
    True
    >>> {role: "gemeente Delft"}[GovernmentRole.from_slug("faciliteren")]
    'gemeente Delft'
    """

    __source__: ClassVar[str]
    __noun__: ClassVar[str]

    _value_: str
    _label_en: str
    _label_nl: str

    if TYPE_CHECKING:

        def __new__(cls: type[_TermT], value: object) -> _TermT:
            """Look a member up by its slug, as calling any Enum class does."""

    else:

        def __new__(cls, slug: str, label_en: str, label_nl: str) -> Term:
            """Build a member from its declaration; Enum replaces this once the class exists."""
            member = object.__new__(cls)
            member._value_ = slug
            member._label_en = label_en
            member._label_nl = label_nl
            return member

    def __str__(self) -> str:
        return self._value_

    @property
    def value(self) -> str:
        """The slug, typed as ``str``; the same as :attr:`slug`."""
        return self._value_

    @property
    def slug(self) -> str:
        """The stable Dutch identifier stored in files, e.g. ``"raadplegen"``."""
        return self._value_

    @property
    def label_en(self) -> str:
        """The English label, e.g. ``"Consult"``."""
        return self._label_en

    @property
    def label_nl(self) -> str:
        """The Dutch label, e.g. ``"Raadplegen"``."""
        return self._label_nl

    @property
    def source(self) -> str:
        """Where the vocabulary comes from: the framework, law or text it follows."""
        return type(self).__source__

    def label(self, lang: Literal["nl", "en"] = "nl") -> str:
        """Return the label in the given language.

        Parameters
        ----------
        lang : {"nl", "en"}, default "nl"
            Language of the label.

        Returns
        -------
        str
            The Dutch or the English label.

        Raises
        ------
        ValueError
            If `lang` is neither ``"nl"`` nor ``"en"``.

        Examples
        --------
        >>> from democratie.vocab import Sector
        >>> Sector.MAATSCHAPPIJ.label(), Sector.MAATSCHAPPIJ.label("en")
        ('Maatschappelijk middenveld', 'Civil society')
        """
        labels = {"nl": self._label_nl, "en": self._label_en}
        try:
            return labels[lang]
        except KeyError:
            msg = f'unknown label language "{lang}"; use "nl" or "en"'
            raise ValueError(msg) from None

    @classmethod
    def slugs(cls) -> tuple[str, ...]:
        """Return the slugs of this vocabulary in declaration order.

        Returns
        -------
        tuple of str
            One slug per member.

        Examples
        --------
        >>> from democratie.vocab import Initiator
        >>> Initiator.slugs()
        ('gemeente', 'samenleving')
        """
        return tuple(member.slug for member in cls)

    @classmethod
    def from_slug(cls: type[_TermT], text: str) -> _TermT:
        """Return the member whose slug is `text`.

        Matching is exact: slugs are identifiers, not free text.

        Parameters
        ----------
        text : str
            A slug, e.g. ``"raadplegen"``.

        Returns
        -------
        Term
            The member of this vocabulary with that slug.

        Raises
        ------
        ValueError
            If no member has that slug. The message lists the allowed slugs and, when one is
            close, suggests it.

        Examples
        --------
        >>> from democratie.vocab import ParticipationLevel
        >>> ParticipationLevel.from_slug("meebeslissen").rank
        5
        >>> ParticipationLevel.from_slug("raadpelgen")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        ValueError: "raadpelgen" is not a participation level; did you mean "raadplegen"? ...
        """
        try:
            return cls(text)
        except ValueError:
            pass
        slugs = cls.slugs()
        noun = cls.__noun__
        article = "an" if noun[:1].lower() in "aeiou" else "a"
        problem = f'"{text}" is not {article} {noun}'
        close = difflib.get_close_matches(str(text), slugs, n=1)
        hint = f'; did you mean "{close[0]}"?' if close else "."
        msg = f"{problem}{hint} Allowed: {', '.join(slugs)}"
        raise ValueError(msg) from None


def _noun_from_class_name(name: str) -> str:
    """Turn a class name into a lowercase noun phrase: ``AreaLevel`` -> ``"area level"``."""
    return re.sub(r"(?<!^)(?=[A-Z])", " ", name).lower()


def sourced(source: str, *, noun: str | None = None) -> Callable[[_TermClassT], _TermClassT]:
    """Record where a vocabulary comes from (class decorator).

    Sets ``__source__`` on the decorated :class:`Term` subclass, read back through each
    member's :attr:`Term.source`. Repeat the same text in the class docstring.

    Parameters
    ----------
    source : str
        The source: authors and year, a law, or a seed text.
    noun : str, optional
        What one member is called in error messages. By default derived from the class name
        (``PolicyDomain`` gives "policy domain"); give it for names with proper nouns or
        acronyms ("Arnstein rung", "IAP2 level").

    Returns
    -------
    callable
        A decorator that returns the class itself.

    Raises
    ------
    ValueError
        If `source` is blank.

    Examples
    --------
    >>> @sourced("Our own reading", noun="tone")
    ... class MeetingTone(Term):
    ...     FORMEEL = ("formeel", "Formal", "Formeel")
    ...     INFORMEEL = ("informeel", "Informal", "Informeel")
    >>> MeetingTone.INFORMEEL.source
    'Our own reading'
    >>> MeetingTone.from_slug("informel")
    Traceback (most recent call last):
    ...
    ValueError: "informel" is not a tone; did you mean "informeel"? Allowed: formeel, informeel
    """
    if not source.strip():
        msg = "a vocabulary needs a non-empty source"
        raise ValueError(msg)

    def decorate(cls: _TermClassT) -> _TermClassT:
        cls.__source__ = source
        cls.__noun__ = noun if noun is not None else _noun_from_class_name(cls.__name__)
        return cls

    return decorate


def _ordinal(member: Term) -> int:
    """Return the 1-based position of `member` in its class's declaration order."""
    return list(type(member)).index(member) + 1


# --- Participation scales ------------------------------------------------------------------


@sourced(
    "Edelenbos & Monnikhof 1998; Movisie; e.g. Bodegraven-Reeuwijk participatieverordening 2021"
)
class ParticipationLevel(Term):
    """Rung of the Dutch participation ladder (participatieladder).

    How much influence the municipality gives residents and others in an initiative the
    municipality started (inwonersparticipatie). For an initiative started by society, the
    municipality's role is a :class:`GovernmentRole` instead; :class:`Initiator` says which
    applies.

    - ``informeren``: the municipality informs.
    - ``raadplegen``: it asks for views; it is not bound by them.
    - ``adviseren``: participants advise; the municipality gives reasons when it deviates.
    - ``coproduceren``: municipality and participants agree on a solution that binds.
    - ``meebeslissen``: participants decide together with the municipality.
    - ``zelfbeheer``: participants manage it themselves (Movisie's sixth rung; most
      municipal ladders stop at five).

    References
    ----------
    Edelenbos & Monnikhof 1998; Movisie; e.g. Bodegraven-Reeuwijk participatieverordening 2021

    Examples
    --------
    >>> ParticipationLevel.ADVISEREN.rank
    3
    >>> [level.slug for level in ParticipationLevel if level.rank >= 4]
    ['coproduceren', 'meebeslissen', 'zelfbeheer']
    """

    INFORMEREN = ("informeren", "Inform", "Informeren")
    RAADPLEGEN = ("raadplegen", "Consult", "Raadplegen")
    ADVISEREN = ("adviseren", "Advise", "Adviseren")
    COPRODUCEREN = ("coproduceren", "Co-produce", "Coproduceren")
    MEEBESLISSEN = ("meebeslissen", "Co-decide", "Meebeslissen")
    ZELFBEHEER = ("zelfbeheer", "Self-management", "Zelfbeheer")

    @property
    def rank(self) -> int:
        """Height on the ladder, from 1 (``informeren``) to 6 (``zelfbeheer``).

        Examples
        --------
        >>> ParticipationLevel.COPRODUCEREN.rank
        4
        """
        return _ordinal(self)


@sourced('Raad voor het Openbaar Bestuur 2012, "Loslaten in vertrouwen"')
class GovernmentRole(Term):
    """Step of the ROB overheidsparticipatietrap: the government's role in a society initiative.

    When residents or organisations start something (overheidsparticipatie), the government
    chooses how to take part, from ``reguleren`` at the top of the stair down to ``loslaten``.
    There is no single ideal role, but the ROB advises climbing the stair as little as
    possible: take the lowest step that does the job. Delft's "regisseur" is ``regisseren``.

    References
    ----------
    Raad voor het Openbaar Bestuur 2012, "Loslaten in vertrouwen"

    Examples
    --------
    >>> min(GovernmentRole, key=lambda role: role.step).label_en
    'Let go'
    >>> GovernmentRole.from_slug("regisseren").step
    4
    """

    REGULEREN = ("reguleren", "Regulate", "Reguleren")
    REGISSEREN = ("regisseren", "Orchestrate", "Regisseren")
    STIMULEREN = ("stimuleren", "Stimulate", "Stimuleren")
    FACILITEREN = ("faciliteren", "Facilitate", "Faciliteren")
    LOSLATEN = ("loslaten", "Let go", "Loslaten")

    @property
    def step(self) -> int:
        """Height on the stair, from 1 (``loslaten``) to 5 (``reguleren``).

        Lower is what the ROB recommends where it suffices.

        Examples
        --------
        >>> GovernmentRole.LOSLATEN.step, GovernmentRole.REGULEREN.step
        (1, 5)
        """
        return len(type(self)) - _ordinal(self) + 1


@sourced(
    'Raad voor het Openbaar Bestuur 2012, "Loslaten in vertrouwen"; Wet versterking participatie'
    " op decentraal niveau (inwonersparticipatie and overheidsparticipatie)"
)
class Initiator(Term):
    """Who started an initiative, and so which participation scale applies.

    - ``gemeente``: the municipality involves others (inwonersparticipatie); measure it on
      the :class:`ParticipationLevel` ladder.
    - ``samenleving``: residents or organisations started it and the government joins in
      (overheidsparticipatie); measure it on the :class:`GovernmentRole` stair.

    References
    ----------
    Raad voor het Openbaar Bestuur 2012, "Loslaten in vertrouwen"; Wet versterking participatie
    op decentraal niveau (inwonersparticipatie and overheidsparticipatie)

    Examples
    --------
    >>> Initiator.GEMEENTE.scale.from_slug("raadplegen")
    <ParticipationLevel.RAADPLEGEN: 'raadplegen'>
    """

    GEMEENTE = ("gemeente", "Municipality", "Gemeente")
    SAMENLEVING = ("samenleving", "Society", "Samenleving")

    @property
    def scale(self) -> type[ParticipationLevel] | type[GovernmentRole]:
        """The vocabulary that measures participation for this initiator.

        Examples
        --------
        >>> Initiator.SAMENLEVING.scale.__name__
        'GovernmentRole'
        """
        if self is Initiator.GEMEENTE:
            return ParticipationLevel
        return GovernmentRole


@sourced('Arnstein 1969, "A Ladder of Citizen Participation"', noun="Arnstein group")
class ArnsteinGroup(Term):
    """Group of rungs on Arnstein's ladder: non-participation, tokenism, citizen power.

    References
    ----------
    Arnstein 1969, "A Ladder of Citizen Participation"

    Examples
    --------
    >>> [rung.slug for rung in ArnsteinRung if rung.group is ArnsteinGroup.SYMBOLISCH]
    ['informeren', 'raadplegen', 'sussen']
    """

    GEEN_PARTICIPATIE = ("geen_participatie", "Non-participation", "Geen participatie")
    SYMBOLISCH = ("symbolisch", "Tokenism", "Symbolische participatie")
    BURGERMACHT = ("burgermacht", "Citizen power", "Burgermacht")


@sourced('Arnstein 1969, "A Ladder of Citizen Participation"', noun="Arnstein rung")
class ArnsteinRung(Term):
    """Rung of Arnstein's ladder of citizen participation, from manipulation to control.

    Rungs 1-2 are non-participation, 3-5 tokenism and 6-8 citizen power (see :attr:`group`).

    References
    ----------
    Arnstein 1969, "A Ladder of Citizen Participation"

    Examples
    --------
    >>> ArnsteinRung.GEDELEGEERDE_MACHT.rung, ArnsteinRung.GEDELEGEERDE_MACHT.label_en
    (7, 'Delegated power')
    """

    MANIPULATIE = ("manipulatie", "Manipulation", "Manipulatie")
    THERAPIE = ("therapie", "Therapy", "Therapie")
    INFORMEREN = ("informeren", "Informing", "Informeren")
    RAADPLEGEN = ("raadplegen", "Consultation", "Raadplegen")
    SUSSEN = ("sussen", "Placation", "Sussen")
    PARTNERSCHAP = ("partnerschap", "Partnership", "Partnerschap")
    GEDELEGEERDE_MACHT = ("gedelegeerde_macht", "Delegated power", "Gedelegeerde macht")
    BURGERCONTROLE = ("burgercontrole", "Citizen control", "Burgercontrole")

    @property
    def rung(self) -> int:
        """Height on the ladder, from 1 (``manipulatie``) to 8 (``burgercontrole``).

        Examples
        --------
        >>> ArnsteinRung.SUSSEN.rung
        5
        """
        return _ordinal(self)

    @property
    def group(self) -> ArnsteinGroup:
        """The group this rung belongs to.

        Examples
        --------
        >>> ArnsteinRung.SUSSEN.group
        <ArnsteinGroup.SYMBOLISCH: 'symbolisch'>
        """
        if self.rung <= 2:
            return ArnsteinGroup.GEEN_PARTICIPATIE
        if self.rung <= 5:
            return ArnsteinGroup.SYMBOLISCH
        return ArnsteinGroup.BURGERMACHT


@sourced("IAP2 Spectrum of Public Participation", noun="IAP2 level")
class Iap2Level(Term):
    """Level of the IAP2 Spectrum of Public Participation.

    IAP2 presents the levels as each right in its own situation, not as steps to climb:
    :attr:`rank` orders them by the public's influence on the decision, not by merit.

    References
    ----------
    IAP2 Spectrum of Public Participation

    Examples
    --------
    >>> Iap2Level.ZEGGENSCHAP.label_en, Iap2Level.ZEGGENSCHAP.rank
    ('Empower', 5)
    """

    INFORMEREN = ("informeren", "Inform", "Informeren")
    RAADPLEGEN = ("raadplegen", "Consult", "Raadplegen")
    BETREKKEN = ("betrekken", "Involve", "Betrekken")
    SAMENWERKEN = ("samenwerken", "Collaborate", "Samenwerken")
    ZEGGENSCHAP = ("zeggenschap", "Empower", "Zeggenschap")

    @property
    def rank(self) -> int:
        """Position on the spectrum, from 1 (``informeren``) to 5 (``zeggenschap``).

        Examples
        --------
        >>> Iap2Level.SAMENWERKEN.rank
        4
        """
        return _ordinal(self)


# --- Actors, roles and places ---------------------------------------------------------------


@sourced('Delft cross-sector approach ("De zeven van Delft")')
class Sector(Term):
    """Societal sector of an actor, for cross-sector analysis.

    References
    ----------
    Delft cross-sector approach ("De zeven van Delft")

    Examples
    --------
    >>> [sector.label("en") for sector in Sector]
    ['Government', 'Civil society', 'Business', 'Residents']
    """

    OVERHEID = ("overheid", "Government", "Overheid")
    MAATSCHAPPIJ = ("maatschappij", "Civil society", "Maatschappelijk middenveld")
    MARKT = ("markt", "Business", "Markt")
    INWONERS = ("inwoners", "Residents", "Inwoners")


@sourced(
    "democratie vocabulary, after the Delft, M50, Stichtse Vecht and Democratie in Actie texts"
)
class ActorKind(Term):
    """Kind of organisation or person taking part.

    Each kind has a :attr:`default_sector`, taken from :data:`DEFAULT_SECTORS`.

    References
    ----------
    democratie vocabulary, after the Delft, M50, Stichtse Vecht and Democratie in Actie texts

    Examples
    --------
    >>> ActorKind.WONINGCORPORATIE.label_en, ActorKind.WONINGCORPORATIE.default_sector.slug
    ('Housing association', 'maatschappij')
    """

    GEMEENTE = ("gemeente", "Municipality", "Gemeente")
    MAATSCHAPPELIJKE_ORGANISATIE = (
        "maatschappelijke_organisatie",
        "Civil-society organisation",
        "Maatschappelijke organisatie",
    )
    BEDRIJF = ("bedrijf", "Business", "Bedrijf")
    INWONER = ("inwoner", "Resident", "Inwoner")
    BEWONERSGROEP = ("bewonersgroep", "Residents' group", "Bewonersgroep")
    WIJKCOMMISSIE = ("wijkcommissie", "District committee", "Wijkcommissie")
    WIJKRAAD = ("wijkraad", "District council", "Wijkraad")
    DORPSRAAD = ("dorpsraad", "Village council", "Dorpsraad")
    WIJKPLATFORM = ("wijkplatform", "District platform", "Wijkplatform")
    WONINGCORPORATIE = ("woningcorporatie", "Housing association", "Woningcorporatie")
    WELZIJNSORGANISATIE = (
        "welzijnsorganisatie",
        "Social welfare organisation",
        "Welzijnsorganisatie",
    )
    VERENIGING = ("vereniging", "Association", "Vereniging")
    STICHTING = ("stichting", "Foundation", "Stichting")
    KENNISINSTELLING = ("kennisinstelling", "Knowledge institution", "Kennisinstelling")
    NETWERKORGANISATIE = ("netwerkorganisatie", "Network organisation", "Netwerkorganisatie")
    POLITIE = ("politie", "Police", "Politie")
    REKENKAMER = ("rekenkamer", "Audit office", "Rekenkamer")
    OVERHEIDSORGANISATIE = ("overheidsorganisatie", "Government body", "Overheidsorganisatie")
    POLITIEKE_PARTIJ = ("politieke_partij", "Political party", "Politieke partij")

    @property
    def default_sector(self) -> Sector:
        """The sector an actor of this kind belongs to unless stated otherwise.

        Read from :data:`DEFAULT_SECTORS`, which is our reading, not a published table.

        Examples
        --------
        >>> ActorKind.WIJKCOMMISSIE.default_sector
        <Sector.INWONERS: 'inwoners'>
        """
        return DEFAULT_SECTORS[self]


@sourced(
    "VNG ODS Open Raadsinformatie (Functie, RolNaam), extended with roles from the Delft, M50,"
    " Stichtse Vecht and Democratie in Actie texts"
)
class RoleKind(Term):
    """Office or role a person or organisation holds.

    The offices follow the ``Functie`` and ``RolNaam`` values of Open Raadsinformatie; the
    rest come from practice: the target roles of a change trajectory (projectleider,
    interne organisatieadviseur, ambtenaar democratische vernieuwing, veranderambtenaar,
    bestuurder met portefeuille) and roles in initiatives and networks.

    References
    ----------
    VNG ODS Open Raadsinformatie (Functie, RolNaam), extended with roles from the Delft, M50,
    Stichtse Vecht and Democratie in Actie texts

    Examples
    --------
    >>> RoleKind.from_slug("wethouder").label_en
    'Alderman'
    """

    BURGEMEESTER = ("burgemeester", "Mayor", "Burgemeester")
    WAARNEMEND_BURGEMEESTER = ("waarnemend_burgemeester", "Acting mayor", "Waarnemend burgemeester")
    LOCOBURGEMEESTER = ("locoburgemeester", "Deputy mayor", "Locoburgemeester")
    WETHOUDER = ("wethouder", "Alderman", "Wethouder")
    RAADSLID = ("raadslid", "Councillor", "Raadslid")
    BURGERLID = ("burgerlid", "Citizen committee member", "Burgerlid")
    FRACTIEVOORZITTER = ("fractievoorzitter", "Council group leader", "Fractievoorzitter")
    GRIFFIER = ("griffier", "Council clerk", "Griffier")
    GEMEENTESECRETARIS = ("gemeentesecretaris", "Municipal secretary", "Gemeentesecretaris")
    AMBTENAAR = ("ambtenaar", "Civil servant", "Ambtenaar")
    VOORZITTER = ("voorzitter", "Chair", "Voorzitter")
    SECRETARIS = ("secretaris", "Secretary", "Secretaris")
    PORTEFEUILLEHOUDER = ("portefeuillehouder", "Portfolio holder", "Portefeuillehouder")
    PROJECTLEIDER = ("projectleider", "Project leader", "Projectleider")
    INTERNE_ORGANISATIEADVISEUR = (
        "interne_organisatieadviseur",
        "Internal organisational adviser",
        "Interne organisatieadviseur",
    )
    AMBTENAAR_DEMOCRATISCHE_VERNIEUWING = (
        "ambtenaar_democratische_vernieuwing",
        "Democratic renewal officer",
        "Ambtenaar democratische vernieuwing",
    )
    VERANDERAMBTENAAR = ("veranderambtenaar", "Change officer", "Veranderambtenaar")
    BESTUURDER_MET_PORTEFEUILLE = (
        "bestuurder_met_portefeuille",
        "Executive holding the portfolio",
        "Bestuurder met portefeuille",
    )
    KARTREKKER = ("kartrekker", "Champion", "Kartrekker")
    WIJKREGISSEUR = ("wijkregisseur", "District coordinator", "Wijkregisseur")
    GEBIEDSREGISSEUR = ("gebiedsregisseur", "Area coordinator", "Gebiedsregisseur")
    INITIATIEFNEMER = ("initiatiefnemer", "Initiator", "Initiatiefnemer")
    DEELNEMER = ("deelnemer", "Participant", "Deelnemer")
    KANDIDAAT_DEELNEMER = ("kandidaat_deelnemer", "Candidate participant", "Kandidaat-deelnemer")
    PARTNER = ("partner", "Partner", "Partner")
    GASTGEMEENTE = ("gastgemeente", "Host municipality", "Gastgemeente")
    WORKSHOPLEIDER = ("workshopleider", "Workshop leader", "Workshopleider")
    CONTACTPERSOON = ("contactpersoon", "Contact person", "Contactpersoon")
    LID = ("lid", "Member", "Lid")


@sourced("CBS regional classification (provincie, gemeente, wijk, buurt) and the seed texts")
class AreaLevel(Term):
    """Level of a geographical area.

    ``provincie``, ``gemeente``, ``wijk`` and ``buurt`` are the CBS levels (codes ``PVxx``,
    ``GMxxxx``, ``WKxxxxxx``, ``BUxxxxxxxx``); ``kern`` and ``dorp`` are the villages and towns
    a municipality is made of (Stichtse Vecht has twelve kernen); ``gebied`` is an area a
    municipality defines for its own work; ``regio`` spans municipalities.

    References
    ----------
    CBS regional classification (provincie, gemeente, wijk, buurt) and the seed texts

    Examples
    --------
    >>> AreaLevel.WIJK.label_en, AreaLevel.BUURT.label_en
    ('District', 'Neighbourhood')
    """

    PROVINCIE = ("provincie", "Province", "Provincie")
    GEMEENTE = ("gemeente", "Municipality", "Gemeente")
    KERN = ("kern", "Settlement", "Kern")
    DORP = ("dorp", "Village", "Dorp")
    WIJK = ("wijk", "District", "Wijk")
    BUURT = ("buurt", "Neighbourhood", "Buurt")
    GEBIED = ("gebied", "Area", "Gebied")
    REGIO = ("regio", "Region", "Regio")


# --- Policy, phases and goals ---------------------------------------------------------------


@sourced('Delft ("De zeven van Delft", ten domains); Leusden ("Samenleving Voorop", bestuur)')
class PolicyDomain(Term):
    """Policy domain an initiative works in.

    Delft's ten domains, plus ``bestuur`` (governance), the domain Leusden chose for its
    council challenge.

    References
    ----------
    Delft ("De zeven van Delft", ten domains); Leusden ("Samenleving Voorop", bestuur)

    Examples
    --------
    >>> len(PolicyDomain), PolicyDomain.BESTUUR.label_en
    (11, 'Governance')
    """

    ZORG = ("zorg", "Care", "Zorg")
    WELZIJN = ("welzijn", "Welfare", "Welzijn")
    GEZONDHEID = ("gezondheid", "Health", "Gezondheid")
    VEILIGHEID = ("veiligheid", "Safety", "Veiligheid")
    DUURZAAMHEID = ("duurzaamheid", "Sustainability", "Duurzaamheid")
    MILIEU = ("milieu", "Environment", "Milieu")
    SOCIALE_PARTICIPATIE = ("sociale_participatie", "Social participation", "Sociale participatie")
    ONDERWIJS = ("onderwijs", "Education", "Onderwijs")
    CULTUUR = ("cultuur", "Culture", "Cultuur")
    SPORT = ("sport", "Sport", "Sport")
    BESTUUR = ("bestuur", "Governance", "Bestuur")


@sourced(
    'Delft integrated approach ("De zeven van Delft"); Wet versterking participatie op'
    " decentraal niveau (voorbereiding, uitvoering, evaluatie)"
)
class Phase(Term):
    """Phase of a policy cycle in which participation can be arranged.

    The phases of both cycles in :class:`PhaseCycle`; ``uitvoering`` belongs to both.

    References
    ----------
    Delft integrated approach ("De zeven van Delft"); Wet versterking participatie op
    decentraal niveau (voorbereiding, uitvoering, evaluatie)

    Examples
    --------
    >>> [cycle.slug for cycle in PhaseCycle if Phase.UITVOERING in cycle.phases]
    ['integraal', 'wettelijk']
    """

    VISIE = ("visie", "Vision", "Visie")
    BELEIDSDOELEN = ("beleidsdoelen", "Policy goals", "Beleidsdoelen")
    IMPLEMENTATIE = ("implementatie", "Implementation", "Implementatie")
    UITVOERING = ("uitvoering", "Execution", "Uitvoering")
    DOORONTWIKKELING = ("doorontwikkeling", "Further development", "Doorontwikkeling")
    ONDERSTEUNING = ("ondersteuning", "Support", "Ondersteuning")
    VOORBEREIDING = ("voorbereiding", "Preparation", "Voorbereiding")
    EVALUATIE = ("evaluatie", "Evaluation", "Evaluatie")


@sourced(
    'Delft integrated approach ("De zeven van Delft"); Wet versterking participatie op'
    " decentraal niveau (voorbereiding, uitvoering, evaluatie)"
)
class PhaseCycle(Term):
    """A policy cycle: an ordered sequence of :class:`Phase` members.

    - ``integraal``: Delft's integrated approach, from vision to support.
    - ``wettelijk``: the cycle the Wet versterking participatie op decentraal niveau asks the
      participation ordinance to cover: preparation, execution and evaluation of policy.

    References
    ----------
    Delft integrated approach ("De zeven van Delft"); Wet versterking participatie op
    decentraal niveau (voorbereiding, uitvoering, evaluatie)

    Examples
    --------
    >>> PhaseCycle.INTEGRAAL.phases[0].label_en
    'Vision'
    """

    INTEGRAAL = ("integraal", "Integrated cycle", "Integrale cyclus")
    WETTELIJK = ("wettelijk", "Statutory cycle", "Wettelijke cyclus")

    @property
    def phases(self) -> tuple[Phase, ...]:
        """The phases of this cycle, in order.

        Examples
        --------
        >>> [phase.slug for phase in PhaseCycle.WETTELIJK.phases]
        ['voorbereiding', 'uitvoering', 'evaluatie']
        """
        return _CYCLE_PHASES[self]


@sourced("Stichtse Vecht, gebiedsgericht werken 2022")
class ServiceGoal(Term):
    """One of the seven shared ambitions of Stichtse Vecht's area-based working.

    The Dutch labels are the wording of the source.

    References
    ----------
    Stichtse Vecht, gebiedsgericht werken 2022

    Examples
    --------
    >>> ServiceGoal.MINDER_REGELDRUK.label("en")
    'Less red tape'
    """

    SNELLE_EN_EENVOUDIGE_DIENSTVERLENING = (
        "snelle_en_eenvoudige_dienstverlening",
        "Fast and simple service",
        "Snelle en eenvoudige dienstverlening",
    )
    BREDE_VERANTWOORDELIJKHEID = (
        "brede_verantwoordelijkheid",
        "Broad responsibility",
        "Brede verantwoordelijkheid",
    )
    DUIDELIJK_EN_ONDERBOUWD_ADVIES = (
        "duidelijk_en_onderbouwd_advies",
        "Clear and well-founded advice",
        "Duidelijk en onderbouwd advies",
    )
    MINDER_REGELDRUK = ("minder_regeldruk", "Less red tape", "Minder regeldruk")
    HELDERE_EN_TIJDIGE_COMMUNICATIE = (
        "heldere_en_tijdige_communicatie",
        "Clear and timely communication",
        "Heldere en tijdige communicatie",
    )
    MEEDENKEND_EN_MEEHELPEND = (
        "meedenkend_en_meehelpend",
        "Thinking along and helping with the request",
        "Meedenkend en meehelpend in de vraag",
    )
    PARTICIPATIE = (
        "participatie",
        "Thinking along, taking part and getting room (participation)",
        "Meedenken, meedoen en ruimte krijgen (participatie)",
    )


@sourced(
    "democratie vocabulary, after Stichtse Vecht's service goals (gebiedsgericht werken 2022),"
    " which name ambitions but no measures"
)
class Direction(Term):
    """Which way an indicator should move: up when more is better, down when less is.

    - ``omhoog``: higher is better (the share of satisfied residents).
    - ``omlaag``: lower is better (the days a request waits for an answer).

    References
    ----------
    democratie vocabulary, after Stichtse Vecht's service goals (gebiedsgericht werken 2022),
    which name ambitions but no measures

    Examples
    --------
    >>> Direction.OMLAAG.label_en, Direction.from_slug("omhoog").better(70.0, 62.0)
    ('Down (lower is better)', True)
    """

    OMHOOG = ("omhoog", "Up (higher is better)", "Omhoog (hoger is beter)")
    OMLAAG = ("omlaag", "Down (lower is better)", "Omlaag (lager is beter)")

    def better(self, value: float, than: float) -> bool:
        """Whether *value* is strictly better than *than* in this direction.

        Examples
        --------
        >>> Direction.OMLAAG.better(12.0, 14.0), Direction.OMLAAG.better(14.0, 14.0)
        (True, False)
        """
        return value > than if self is Direction.OMHOOG else value < than

    def reached(self, value: float, target: float) -> bool:
        """Whether *value* has reached *target*: at or beyond it in this direction.

        Examples
        --------
        >>> Direction.OMHOOG.reached(75.0, 75.0), Direction.OMHOOG.reached(74.0, 75.0)
        (True, False)
        """
        return value >= target if self is Direction.OMHOOG else value <= target


# --- Initiatives, networks and their organisation ------------------------------------------


@sourced(
    "democratie vocabulary, after the Delft, M50, Leusden and Democratie in Actie texts and"
    " Dutch practice"
)
class InitiativeKind(Term):
    """Kind of initiative in democratic renewal.

    From the seed texts (experiments, development trajectories, challenges, workshops,
    learning circles, VNG Thorbecke experiments) and Dutch practice: citizens' assemblies,
    the G1000 citizens' summit, participatory budgeting, district budgets and the right to
    challenge (uitdaagrecht).

    References
    ----------
    democratie vocabulary, after the Delft, M50, Leusden and Democratie in Actie texts and
    Dutch practice

    Examples
    --------
    >>> InitiativeKind.UITDAAGRECHT.label_en
    'Right to challenge'
    """

    EXPERIMENT = ("experiment", "Experiment", "Experiment")
    TRAJECT = ("traject", "Development trajectory", "Traject")
    CHALLENGE = ("challenge", "Challenge", "Challenge")
    PROGRAMMA = ("programma", "Programme", "Programma")
    WORKSHOP = ("workshop", "Workshop", "Workshop")
    BIJEENKOMST = ("bijeenkomst", "Meeting", "Bijeenkomst")
    LEERKRING = ("leerkring", "Learning circle", "Leerkring")
    BURGERBERAAD = ("burgerberaad", "Citizens' assembly", "Burgerberaad")
    BURGERFORUM = ("burgerforum", "Citizens' forum", "Burgerforum")
    G1000 = ("g1000", "G1000 citizens' summit", "G1000")
    BURGERBEGROTING = ("burgerbegroting", "Participatory budget", "Burgerbegroting")
    WIJKBUDGET = ("wijkbudget", "District budget", "Wijkbudget")
    UITDAAGRECHT = ("uitdaagrecht", "Right to challenge", "Uitdaagrecht")
    THORBECKE_EXPERIMENT = ("thorbecke_experiment", "Thorbecke experiment", "Thorbecke-experiment")


@sourced(
    "democratie vocabulary, after the M50, Democratie in Actie and Stichtse Vecht texts and the"
    " Wet gemeenschappelijke regelingen"
)
class NetworkKind(Term):
    """Kind of network of municipalities, organisations or people.

    For example: ``vereniging`` for the VNG, ``netwerk_van_gemeenten`` for the M50 (mid-size
    municipalities, roughly 30,000 to 80,000 inhabitants), ``regionaal_leernetwerk`` for a
    Democratie in Actie region, ``pool_veranderambtenaren`` for the pool of change officers
    that Democratie in Actie forms to support municipalities ("een pool met
    veranderambtenaren"), ``intern_netwerk`` and ``extern_netwerk`` for the internal and
    external networks of Stichtse Vecht's area-based working.

    References
    ----------
    democratie vocabulary, after the M50, Democratie in Actie and Stichtse Vecht texts and the
    Wet gemeenschappelijke regelingen

    Examples
    --------
    >>> NetworkKind.from_slug("netwerk_van_gemeenten").label_nl
    'Netwerk van gemeenten'
    """

    VERENIGING = ("vereniging", "Association", "Vereniging")
    NETWERK_VAN_GEMEENTEN = (
        "netwerk_van_gemeenten",
        "Network of municipalities",
        "Netwerk van gemeenten",
    )
    REGIONAAL_LEERNETWERK = (
        "regionaal_leernetwerk",
        "Regional learning network",
        "Regionaal leernetwerk",
    )
    LEERKRING = ("leerkring", "Learning circle", "Leerkring")
    WIJKNETWERK = ("wijknetwerk", "District network", "Wijknetwerk")
    GEMEENSCHAPPELIJKE_REGELING = (
        "gemeenschappelijke_regeling",
        "Joint arrangement",
        "Gemeenschappelijke regeling",
    )
    INTERN_NETWERK = ("intern_netwerk", "Internal network", "Intern netwerk")
    EXTERN_NETWERK = ("extern_netwerk", "External network", "Extern netwerk")
    POOL_VERANDERAMBTENAREN = (
        "pool_veranderambtenaren",
        "Pool of change officers",
        "Pool met veranderambtenaren",
    )


@sourced(
    'Delft ("politieke, bestuurlijke en ambtelijke steun"); Democratie in Actie ("commitment'
    ' van college, raad en ambtenaren")'
)
class CommitmentKind(Term):
    """Whose backing an initiative has: council, college or civil service.

    - ``politiek``: the council (gemeenteraad).
    - ``bestuurlijk``: the college of burgemeester and wethouders.
    - ``ambtelijk``: the civil service.

    References
    ----------
    Delft ("politieke, bestuurlijke en ambtelijke steun"); Democratie in Actie ("commitment
    van college, raad en ambtenaren")

    Examples
    --------
    >>> [kind.label_en for kind in CommitmentKind]
    ['Political (council)', 'Executive (college)', 'Civil service']
    """

    POLITIEK = ("politiek", "Political (council)", "Politiek (raad)")
    BESTUURLIJK = ("bestuurlijk", "Executive (college)", "Bestuurlijk (college)")
    AMBTELIJK = ("ambtelijk", "Civil service", "Ambtelijk (ambtelijke organisatie)")


@sourced("democratie vocabulary (our own scale)")
class CommitmentLevel(Term):
    """How strong the backing of one :class:`CommitmentKind` is.

    References
    ----------
    democratie vocabulary (our own scale)

    Examples
    --------
    >>> min([CommitmentLevel.VOLLEDIG, CommitmentLevel.BEPERKT], key=lambda level: level.rank)
    <CommitmentLevel.BEPERKT: 'beperkt'>
    """

    GEEN = ("geen", "None", "Geen")
    BEPERKT = ("beperkt", "Limited", "Beperkt")
    TOEGEZEGD = ("toegezegd", "Pledged", "Toegezegd")
    VOLLEDIG = ("volledig", "Full", "Volledig")

    @property
    def rank(self) -> int:
        """Strength of the backing, from 0 (``geen``) to 3 (``volledig``).

        Examples
        --------
        >>> CommitmentLevel.TOEGEZEGD.rank
        2
        """
        return _ordinal(self) - 1


@sourced(
    "RACI responsibility assignment matrix; Stichtse Vecht Rekenkamer advice on roles and"
    " ownership",
    noun="RACI role",
)
class Raci(Term):
    """Role in a RACI responsibility assignment for a task.

    Per task: exactly one ``eindverantwoordelijk`` (a named person or role, not a
    collective), at least one ``uitvoerend`` (or the accountable one does the work), few
    ``geraadpleegd``.

    References
    ----------
    RACI responsibility assignment matrix; Stichtse Vecht Rekenkamer advice on roles and
    ownership

    Examples
    --------
    >>> "".join(role.letter for role in Raci)
    'RACI'
    """

    UITVOEREND = ("uitvoerend", "Responsible", "Uitvoerend")
    EINDVERANTWOORDELIJK = ("eindverantwoordelijk", "Accountable", "Eindverantwoordelijk")
    GERAADPLEEGD = ("geraadpleegd", "Consulted", "Geraadpleegd")
    GEINFORMEERD = ("geinformeerd", "Informed", "Geïnformeerd")

    @property
    def letter(self) -> str:
        """The RACI letter: ``"R"``, ``"A"``, ``"C"`` or ``"I"``.

        Examples
        --------
        >>> Raci.EINDVERANTWOORDELIJK.letter
        'A'
        """
        return _RACI_LETTERS[self]


@sourced("Leusden (\"do's en dont's\"); M50 learning circle (observations and opportunities)")
class LessonKind(Term):
    """Kind of lesson learned: what to do, what not to do, an insight or an opportunity.

    References
    ----------
    Leusden ("do's en dont's"); M50 learning circle (observations and opportunities)

    Examples
    --------
    >>> LessonKind.NIET_DOEN.label("en"), LessonKind.NIET_DOEN.label("nl")
    ("Don't", 'Niet doen')
    """

    DOEN = ("doen", "Do", "Doen")
    NIET_DOEN = ("niet_doen", "Don't", "Niet doen")
    INZICHT = ("inzicht", "Insight", "Inzicht")
    KANS = ("kans", "Opportunity", "Kans")


@sourced("democratie vocabulary, after the Delft, M50 and Democratie in Actie texts")
class MeetingKind(Term):
    """Kind of meeting in an initiative or network.

    References
    ----------
    democratie vocabulary, after the Delft, M50 and Democratie in Actie texts

    Examples
    --------
    >>> MeetingKind.from_slug("slotbijeenkomst").label_en
    'Closing meeting'
    """

    STARTBIJEENKOMST = ("startbijeenkomst", "Kick-off meeting", "Startbijeenkomst")
    INTAKE = ("intake", "Intake", "Intake")
    REGIONALE_BIJEENKOMST = ("regionale_bijeenkomst", "Regional meeting", "Regionale bijeenkomst")
    VERVOLGBIJEENKOMST = ("vervolgbijeenkomst", "Follow-up meeting", "Vervolgbijeenkomst")
    SLOTBIJEENKOMST = ("slotbijeenkomst", "Closing meeting", "Slotbijeenkomst")
    LEDENBIJEENKOMST = ("ledenbijeenkomst", "Members' meeting", "Ledenbijeenkomst")
    CONGRES = ("congres", "Conference", "Congres")
    WORKSHOP = ("workshop", "Workshop", "Workshop")
    EXCURSIE = ("excursie", "Field visit", "Excursie")
    WERKSESSIE = ("werksessie", "Working session", "Werksessie")


@sourced(
    'VNG Democratie in Actie, ontwikkeltraject "Organisatieontwikkeling en het nieuwe'
    ' democratische samenspel"'
)
class TrajectoryElement(Term):
    """Element of a Democratie in Actie development trajectory.

    The trajectory supports about ten municipalities per region for one year: a local intake,
    tailored local support, a regional learning group meeting about three times and once more
    to close, a pool of change officers, field visits, and knowledge gathered and shared with
    other regions.

    References
    ----------
    VNG Democratie in Actie, ontwikkeltraject "Organisatieontwikkeling en het nieuwe
    democratische samenspel"

    Examples
    --------
    >>> TrajectoryElement.POOL_VERANDERAMBTENAREN.label_en
    'Pool of change officers'
    """

    LOKALE_INTAKE = ("lokale_intake", "Local intake", "Lokale intake")
    LOKAAL_MAATWERK = ("lokaal_maatwerk", "Tailored local support", "Lokaal maatwerk")
    REGIONALE_LEERGROEP = ("regionale_leergroep", "Regional learning group", "Regionale leergroep")
    REGIONALE_BIJEENKOMSTEN = (
        "regionale_bijeenkomsten",
        "Regional meetings",
        "Regionale bijeenkomsten",
    )
    SLOTBIJEENKOMST = ("slotbijeenkomst", "Closing meeting", "Slotbijeenkomst")
    POOL_VERANDERAMBTENAREN = (
        "pool_veranderambtenaren",
        "Pool of change officers",
        "Pool van veranderambtenaren",
    )
    EXCURSIES = ("excursies", "Field visits", "Excursies")
    KENNISBUNDELING = ("kennisbundeling", "Knowledge sharing", "Kennisbundeling")


@sourced(
    'VNG Democratie in Actie, ontwikkeltraject "Organisatieontwikkeling en het nieuwe'
    ' democratische samenspel"; M50, verslag kick-off leerkring Waalwijk 2020'
)
class QuestionTheme(Term):
    """Theme of a municipality's question at intake, and of a change officer's expertise.

    At the local intake of a development trajectory a municipality puts its question; the
    themes say what the question is about. The same themes say on what a change officer
    (veranderambtenaar) in a pool can advise, so that a question can be matched to an
    officer.

    - ``hr_beleid``, ``organisatiemodellen``, ``rollen_en_functies``, ``rol_van_de_politiek``
      and ``houding_en_gedrag``: the call of Democratie in Actie ("HR-beleid,
      organisatiemodellen, rollen en functies, de rol van de politiek en vooral houding en
      gedrag").
    - ``overheidsparticipatie``: the same call ("organisatieontwikkeling en
      overheidsparticipatie").
    - ``dienstverlening``, ``lerende_organisatie`` and ``netwerkend_werken``: the kick-off of
      the M50 learning circle in Waalwijk ("excellente dienstverlening", "lerende
      organisatie", "Netwerkend werken").

    References
    ----------
    VNG Democratie in Actie, ontwikkeltraject "Organisatieontwikkeling en het nieuwe
    democratische samenspel"; M50, verslag kick-off leerkring Waalwijk 2020

    Examples
    --------
    >>> QuestionTheme.from_slug("houding_en_gedrag").label_en
    'Attitude and behaviour'
    >>> [theme.label_nl for theme in QuestionTheme][-3:]
    ['Dienstverlening', 'Lerende organisatie', 'Netwerkend werken']
    """

    HR_BELEID = ("hr_beleid", "HR policy", "HR-beleid")
    ORGANISATIEMODELLEN = ("organisatiemodellen", "Organisational models", "Organisatiemodellen")
    ROLLEN_EN_FUNCTIES = ("rollen_en_functies", "Roles and positions", "Rollen en functies")
    ROL_VAN_DE_POLITIEK = ("rol_van_de_politiek", "Role of politics", "Rol van de politiek")
    HOUDING_EN_GEDRAG = ("houding_en_gedrag", "Attitude and behaviour", "Houding en gedrag")
    OVERHEIDSPARTICIPATIE = (
        "overheidsparticipatie",
        "Government participation",
        "Overheidsparticipatie",
    )
    DIENSTVERLENING = ("dienstverlening", "Service delivery", "Dienstverlening")
    LERENDE_ORGANISATIE = ("lerende_organisatie", "Learning organisation", "Lerende organisatie")
    NETWERKEND_WERKEN = ("netwerkend_werken", "Networked working", "Netwerkend werken")


@sourced("Popolo ContactDetail types (email, voice, url, address), in Dutch")
class ContactKind(Term):
    """Kind of contact detail.

    References
    ----------
    Popolo ContactDetail types (email, voice, url, address), in Dutch

    Examples
    --------
    >>> ContactKind.TELEFOON.label_en
    'Telephone'
    """

    EMAIL = ("email", "Email", "E-mail")
    TELEFOON = ("telefoon", "Telephone", "Telefoon")
    WEBSITE = ("website", "Website", "Website")
    ADRES = ("adres", "Address", "Adres")


# --- Stakeholder analysis -------------------------------------------------------------------


@sourced("Mendelow 1991, power-interest grid", noun="Mendelow quadrant")
class MendelowQuadrant(Term):
    """Quadrant of Mendelow's power-interest grid.

    - ``nauw_betrekken``: high power, high interest (key players).
    - ``tevreden_houden``: high power, low interest.
    - ``informeren``: low power, high interest.
    - ``monitoren``: low power, low interest.

    References
    ----------
    Mendelow 1991, power-interest grid

    Examples
    --------
    >>> MendelowQuadrant.NAUW_BETREKKEN.label_en
    'Manage closely'
    """

    NAUW_BETREKKEN = ("nauw_betrekken", "Manage closely", "Nauw betrekken")
    TEVREDEN_HOUDEN = ("tevreden_houden", "Keep satisfied", "Tevreden houden")
    INFORMEREN = ("informeren", "Keep informed", "Informeren")
    MONITOREN = ("monitoren", "Monitor", "Monitoren")


@sourced('Mitchell, Agle & Wood 1997, "Toward a Theory of Stakeholder Identification and Salience"')
class SalienceClass(Term):
    """Stakeholder class by the attributes power, legitimacy and urgency.

    - ``slapend`` (dormant): power only.
    - ``discretionair`` (discretionary): legitimacy only.
    - ``veeleisend`` (demanding): urgency only.
    - ``dominant``: power and legitimacy.
    - ``gevaarlijk`` (dangerous): power and urgency.
    - ``afhankelijk`` (dependent): legitimacy and urgency.
    - ``definitief`` (definitive): all three.
    - ``geen``: none of them; not a stakeholder.

    References
    ----------
    Mitchell, Agle & Wood 1997, "Toward a Theory of Stakeholder Identification and Salience"

    Examples
    --------
    >>> SalienceClass.DOMINANT.group
    <SalienceGroup.VERWACHTEND: 'verwachtend'>
    """

    SLAPEND = ("slapend", "Dormant", "Slapend")
    DISCRETIONAIR = ("discretionair", "Discretionary", "Discretionair")
    VEELEISEND = ("veeleisend", "Demanding", "Veeleisend")
    DOMINANT = ("dominant", "Dominant", "Dominant")
    GEVAARLIJK = ("gevaarlijk", "Dangerous", "Gevaarlijk")
    AFHANKELIJK = ("afhankelijk", "Dependent", "Afhankelijk")
    DEFINITIEF = ("definitief", "Definitive", "Definitief")
    GEEN = ("geen", "Not a stakeholder", "Geen belanghebbende")

    @property
    def group(self) -> SalienceGroup | None:
        """The salience group, or ``None`` for ``geen`` (not a stakeholder).

        Examples
        --------
        >>> SalienceClass.GEVAARLIJK.group
        <SalienceGroup.VERWACHTEND: 'verwachtend'>
        >>> SalienceClass.GEEN.group is None
        True
        """
        return _SALIENCE_GROUPS.get(self)


@sourced('Mitchell, Agle & Wood 1997, "Toward a Theory of Stakeholder Identification and Salience"')
class SalienceGroup(Term):
    """Group of salience classes by how many attributes a stakeholder has (one, two, three).

    References
    ----------
    Mitchell, Agle & Wood 1997, "Toward a Theory of Stakeholder Identification and Salience"

    Examples
    --------
    >>> [salience.slug for salience in SalienceClass if salience.group is SalienceGroup.LATENT]
    ['slapend', 'discretionair', 'veeleisend']
    """

    LATENT = ("latent", "Latent", "Latent")
    VERWACHTEND = ("verwachtend", "Expectant", "Verwachtend")
    DEFINITIEF = ("definitief", "Definitive", "Definitief")


# --- Mappings -------------------------------------------------------------------------------

DEFAULT_SECTORS: Final[Mapping[ActorKind, Sector]] = MappingProxyType(
    {
        ActorKind.GEMEENTE: Sector.OVERHEID,
        ActorKind.MAATSCHAPPELIJKE_ORGANISATIE: Sector.MAATSCHAPPIJ,
        ActorKind.BEDRIJF: Sector.MARKT,
        ActorKind.INWONER: Sector.INWONERS,
        ActorKind.BEWONERSGROEP: Sector.INWONERS,
        ActorKind.WIJKCOMMISSIE: Sector.INWONERS,
        ActorKind.WIJKRAAD: Sector.INWONERS,
        ActorKind.DORPSRAAD: Sector.INWONERS,
        ActorKind.WIJKPLATFORM: Sector.INWONERS,
        ActorKind.WONINGCORPORATIE: Sector.MAATSCHAPPIJ,
        ActorKind.WELZIJNSORGANISATIE: Sector.MAATSCHAPPIJ,
        ActorKind.VERENIGING: Sector.MAATSCHAPPIJ,
        ActorKind.STICHTING: Sector.MAATSCHAPPIJ,
        ActorKind.KENNISINSTELLING: Sector.MAATSCHAPPIJ,
        ActorKind.NETWERKORGANISATIE: Sector.MAATSCHAPPIJ,
        ActorKind.POLITIE: Sector.OVERHEID,
        ActorKind.REKENKAMER: Sector.OVERHEID,
        ActorKind.OVERHEIDSORGANISATIE: Sector.OVERHEID,
        ActorKind.POLITIEKE_PARTIJ: Sector.MAATSCHAPPIJ,
    }
)
"""Default sector of each :class:`ActorKind` (read-only).

Our reading, replaceable: no published table assigns actor kinds to Delft's four sectors. An
actor's own sector, where given, takes precedence; analyses that group by sector should accept
another mapping in place of this one.

Examples
--------
>>> DEFAULT_SECTORS[ActorKind.REKENKAMER]
<Sector.OVERHEID: 'overheid'>
>>> mine = {**DEFAULT_SECTORS, ActorKind.POLITIEKE_PARTIJ: Sector.OVERHEID}
>>> mine[ActorKind.POLITIEKE_PARTIJ].slug
'overheid'
"""

_CYCLE_PHASES: Final[Mapping[PhaseCycle, tuple[Phase, ...]]] = MappingProxyType(
    {
        PhaseCycle.INTEGRAAL: (
            Phase.VISIE,
            Phase.BELEIDSDOELEN,
            Phase.IMPLEMENTATIE,
            Phase.UITVOERING,
            Phase.DOORONTWIKKELING,
            Phase.ONDERSTEUNING,
        ),
        PhaseCycle.WETTELIJK: (Phase.VOORBEREIDING, Phase.UITVOERING, Phase.EVALUATIE),
    }
)

_RACI_LETTERS: Final[Mapping[Raci, str]] = MappingProxyType(
    {
        Raci.UITVOEREND: "R",
        Raci.EINDVERANTWOORDELIJK: "A",
        Raci.GERAADPLEEGD: "C",
        Raci.GEINFORMEERD: "I",
    }
)

_SALIENCE_GROUPS: Final[Mapping[SalienceClass, SalienceGroup]] = MappingProxyType(
    {
        SalienceClass.SLAPEND: SalienceGroup.LATENT,
        SalienceClass.DISCRETIONAIR: SalienceGroup.LATENT,
        SalienceClass.VEELEISEND: SalienceGroup.LATENT,
        SalienceClass.DOMINANT: SalienceGroup.VERWACHTEND,
        SalienceClass.GEVAARLIJK: SalienceGroup.VERWACHTEND,
        SalienceClass.AFHANKELIJK: SalienceGroup.VERWACHTEND,
        SalienceClass.DEFINITIEF: SalienceGroup.DEFINITIEF,
    }
)

VOCABULARIES: Final[tuple[type[Term], ...]] = (
    ParticipationLevel,
    GovernmentRole,
    Initiator,
    ArnsteinGroup,
    ArnsteinRung,
    Iap2Level,
    Sector,
    ActorKind,
    RoleKind,
    AreaLevel,
    PolicyDomain,
    Phase,
    PhaseCycle,
    ServiceGoal,
    Direction,
    InitiativeKind,
    NetworkKind,
    CommitmentKind,
    CommitmentLevel,
    Raci,
    LessonKind,
    MeetingKind,
    TrajectoryElement,
    QuestionTheme,
    ContactKind,
    MendelowQuadrant,
    SalienceClass,
    SalienceGroup,
)
"""Every vocabulary in this module, in the order they are documented.

Examples
--------
>>> [cls.__name__ for cls in VOCABULARIES[:3]]
['ParticipationLevel', 'GovernmentRole', 'Initiator']
>>> sum(len(cls) for cls in VOCABULARIES) > 100
True
"""

"""What a scoring rule returns: a :class:`Score` with its explanation and evidence.

A score is either a number in the range its rule declares, or *not applicable*
(``value is None``) when the landscape lacks what the rule needs; it is never a
silent zero. Every score explains itself in plain Dutch and English
(:class:`Bilingual`), lists the facts it used (:class:`Evidence`) and may carry
recommendations.

Examples
--------
>>> from democratie.scoring import Bilingual, Evidence, Score
>>> score = Score(
...     rule="commitment_triad",
...     subject="delft-zeven",
...     value=2 / 3,
...     explanation=Bilingual(nl="De zwakste steun is toegezegd.",
...                           en="The weakest backing is pledged."),
...     evidence=(Evidence(about="delft-zeven", fact="commitment.ambtelijk", value="toegezegd"),),
... )
>>> score.applicable, round(score.normalised or 0, 3)
(True, 0.667)
>>> print(score)
commitment_triad [delft-zeven]: 0.67 - The weakest backing is pledged.
>>> unknown = Score.not_applicable("commitment_triad", "delft-zeven", nl="Niets bekend.",
...                                 en="Nothing known.")
>>> unknown.applicable
False

A rule scores one of the :data:`SUBJECT_KINDS` (the literal type :data:`SubjectKind`); a
:data:`Subject` is the model object, and evidence values are :data:`Scalar`:

>>> import typing
>>> import democratie.examples
>>> from democratie.model import Initiative
>>> SUBJECT_KINDS, set(typing.get_args(SubjectKind)) == set(SUBJECT_KINDS)
(('municipality', 'initiative', 'network'), True)
>>> subject: Subject = democratie.examples.load("leusden-samenleving-voorop").initiatives[0]
>>> isinstance(subject, Initiative), isinstance(subject, Subject)
(True, True)
>>> value: Scalar = "toegezegd"
>>> Evidence(about=subject.id, fact="commitment.politiek", value=value).value
'toegezegd'
"""

from __future__ import annotations

import math
from typing import Any, Literal, TypeAlias

from attrs import field, frozen

from democratie.model import Initiative, Municipality, Network

__all__ = [
    "SUBJECT_KINDS",
    "Bilingual",
    "Evidence",
    "Scalar",
    "Score",
    "Subject",
    "SubjectKind",
    "subject_kind",
]

#: What a scoring rule can be about.
SubjectKind: TypeAlias = Literal["initiative", "municipality", "network"]
#: The subject kinds, in the order scorecards list them.
SUBJECT_KINDS: tuple[SubjectKind, ...] = ("municipality", "initiative", "network")
#: The model objects a rule scores.
Subject: TypeAlias = Initiative | Municipality | Network
#: A value that prints and serialises as itself.
Scalar: TypeAlias = str | int | float | bool | None

_KINDS: dict[type, SubjectKind] = {
    Initiative: "initiative",
    Municipality: "municipality",
    Network: "network",
}


def subject_kind(subject: Subject) -> SubjectKind:
    """Return the kind of a subject: ``"initiative"``, ``"municipality"`` or ``"network"``.

    Raises
    ------
    TypeError
        When *subject* is not an initiative, municipality or network.

    Examples
    --------
    >>> from democratie.model import Municipality
    >>> subject_kind(Municipality(id="delft", cbs_code="GM0503"))
    'municipality'
    """
    try:
        return _KINDS[type(subject)]
    except KeyError:
        message = (
            f"a {type(subject).__name__} cannot be scored; expected an initiative, "
            "a municipality or a network"
        )
        raise TypeError(message) from None


def _non_blank(instance: object, attribute: object, value: Any) -> None:
    if not isinstance(value, str) or not value.strip():
        name = getattr(attribute, "name", "text")
        message = f"{name} must be non-empty text, got {value!r}"
        raise ValueError(message)


@frozen(kw_only=True)
class Bilingual:
    """A short text in Dutch and in English.

    Parameters
    ----------
    nl
        The Dutch text.
    en
        The English text.

    Examples
    --------
    >>> text = Bilingual(nl="De raad doet mee.", en="The council takes part.")
    >>> text.get("en")
    'The council takes part.'
    >>> str(text)
    'De raad doet mee.'
    """

    nl: str = field(validator=_non_blank)
    en: str = field(validator=_non_blank)

    def get(self, lang: Literal["nl", "en"] = "nl") -> str:
        """Return the text in *lang* (``"nl"`` or ``"en"``).

        Raises
        ------
        ValueError
            For another language code.
        """
        texts = {"nl": self.nl, "en": self.en}
        if lang not in texts:
            message = f'unknown language "{lang}"; use "nl" or "en"'
            raise ValueError(message)
        return texts[lang]

    def __str__(self) -> str:
        return self.nl


@frozen(kw_only=True)
class Evidence:
    """One fact a score was based on.

    Parameters
    ----------
    about
        The id of the entity the fact is about (an initiative, a person, a wijk).
    fact
        What the fact is, as a short dotted name (``"commitment.politiek"``,
        ``"betweenness"``, ``"phases[2].participants"``).
    value
        Its value: a slug, a number, a flag or a short text.

    Examples
    --------
    >>> str(Evidence(about="p-rob", fact="betweenness", value=0.42))
    'p-rob: betweenness = 0.42'
    """

    about: str
    fact: str
    value: Scalar = None

    def __str__(self) -> str:
        return f"{self.about}: {self.fact} = {self.value}"


def _check_range(instance: object, attribute: object, value: Any) -> None:
    if (
        not isinstance(value, tuple)
        or len(value) != 2
        or not all(isinstance(v, (int, float)) and math.isfinite(v) for v in value)
        or not value[0] < value[1]
    ):
        message = (
            "value_range must be a pair of finite numbers (low, high) with low < high, got "
            f"{value!r}"
        )
        raise ValueError(message)


@frozen(kw_only=True)
class Score:
    """The outcome of one scoring rule for one subject.

    Parameters
    ----------
    rule
        The name of the rule that produced it.
    subject
        The id of the initiative, municipality or network scored.
    value
        A number within *value_range*, or ``None`` when the rule does not apply
        (the explanation then says why).
    explanation
        What the value means for this subject, in plain Dutch and English; for a
        score that does not apply, the reason.
    value_range
        The lowest and highest value the rule can give; higher is better.
    evidence
        The facts the rule used.
    recommendations
        What could raise the score, in Dutch and English.
    out_of_scope
        For a score that does not apply: whether that is because this kind of subject is
        not what the rule judges (an initiative that is no development trajectory, a
        network of municipalities for a rule about sectors), so that there is nothing to
        record, rather than because facts are missing. Only a score without a value can be
        out of scope.

    Raises
    ------
    ValueError
        When *value* is not a finite number within *value_range*, or a score with a value
        is marked out of scope.

    Examples
    --------
    >>> score = Score(rule="promise_kept", subject="leusden-g1000", value=3.0,
    ...               value_range=(0.0, 4.0),
    ...               explanation=Bilingual(nl="Beloofd en waargemaakt.", en="Promised and kept."))
    >>> score.normalised, score.applicable
    (0.75, True)
    >>> print(score)
    promise_kept [leusden-g1000]: 3.00 - Promised and kept.
    >>> score
    <Score promise_kept [leusden-g1000]: 3.0 in [0.0, 4.0]>
    >>> Score(rule="promise_kept", subject="leusden-g1000", value=5.0, value_range=(0.0, 4.0),
    ...       explanation=Bilingual(nl="-", en="-"))
    Traceback (most recent call last):
        ...
    ValueError: the value of promise_kept for leusden-g1000 is 5.0, outside its range [0.0, 4.0]
    """

    rule: str
    subject: str
    value: float | None
    explanation: Bilingual
    value_range: tuple[float, float] = field(default=(0.0, 1.0), validator=_check_range)
    evidence: tuple[Evidence, ...] = ()
    recommendations: tuple[Bilingual, ...] = ()
    out_of_scope: bool = False

    def __attrs_post_init__(self) -> None:
        value: Any = self.value
        flag: Any = self.out_of_scope
        if not isinstance(flag, bool):
            message = f"out_of_scope of {self.rule} must be True or False, got {flag!r}"
            raise TypeError(message)
        if value is None:
            return
        if self.out_of_scope:
            message = (
                f"the score of {self.rule} for {self.subject} has a value, so it cannot be "
                "out of scope"
            )
            raise ValueError(message)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            message = f"the value of {self.rule} must be a number or None, got {value!r}"
            raise TypeError(message)
        low, high = self.value_range
        if not math.isfinite(value) or not low <= value <= high:
            message = (
                f"the value of {self.rule} for {self.subject} is {value!r}, "
                f"outside its range [{low}, {high}]"
            )
            raise ValueError(message)

    @classmethod
    def not_applicable(
        cls,
        rule: str,
        subject: str,
        *,
        nl: str,
        en: str,
        value_range: tuple[float, float] = (0.0, 1.0),
        evidence: tuple[Evidence, ...] = (),
        recommendations: tuple[Bilingual, ...] = (),
        out_of_scope: bool = False,
    ) -> Score:
        """Return a score saying the rule does not apply, with the reason in Dutch and English.

        Pass ``out_of_scope=True`` when the subject is not the kind the rule judges, so that
        no fact could make it apply; leave it ``False`` when facts are missing.

        Examples
        --------
        >>> s = Score.not_applicable("learning_loop", "x", nl="Niets vastgelegd.",
        ...                          en="Nothing recorded.")
        >>> s.applicable, s.explanation.en, s.out_of_scope
        (False, 'Nothing recorded.', False)
        >>> Score.not_applicable("intake_gate", "x", nl="Geen traject.", en="No trajectory.",
        ...                      out_of_scope=True).out_of_scope
        True
        """
        return cls(
            rule=rule,
            subject=subject,
            value=None,
            explanation=Bilingual(nl=nl, en=en),
            value_range=value_range,
            evidence=evidence,
            recommendations=recommendations,
            out_of_scope=out_of_scope,
        )

    @property
    def applicable(self) -> bool:
        """Whether the rule applied: the score has a value."""
        return self.value is not None

    @property
    def normalised(self) -> float | None:
        """The value rescaled to [0, 1] by the declared range; None when not applicable.

        Examples
        --------
        >>> Score(rule="r", subject="s", value=0.0, value_range=(-1.0, 1.0),
        ...       explanation=Bilingual(nl="x", en="x")).normalised
        0.5
        """
        if self.value is None:
            return None
        low, high = self.value_range
        return (float(self.value) - low) / (high - low)

    def __str__(self) -> str:
        shown = "not applicable" if self.value is None else f"{self.value:.2f}"
        if self.out_of_scope:
            shown = "not applicable (out of scope)"
        return f"{self.rule} [{self.subject}]: {shown} - {self.explanation.en}"

    def __repr__(self) -> str:
        low, high = self.value_range
        shown = "not applicable" if self.value is None else f"{self.value!r} in [{low}, {high}]"
        if self.out_of_scope:
            shown = "not applicable, out of scope"
        return f"<Score {self.rule} [{self.subject}]: {shown}>"

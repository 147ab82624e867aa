"""Scorecards: the scores of one subject, and the scorecards of a whole landscape.

A :class:`Scorecard` maps rule names to the :class:`~democratie.scoring.Score`
each rule gave one subject; :class:`Scorecards` maps subject ids to their
scorecard, in document order, and records the rules that failed.

Examples
--------
>>> from democratie.scoring import Bilingual, Score, Scorecard
>>> card = Scorecard(subject="leusden-challenge", kind="initiative", title="Samenleving Voorop",
...     scores=(Score(rule="domain_coverage", subject="leusden-challenge", value=1.0,
...                   explanation=Bilingual(nl="Alle domeinen.", en="Every domain.")),))
>>> card["domain_coverage"].value
1.0
>>> list(card), card.values_by_rule()
(['domain_coverage'], {'domain_coverage': 1.0})

Their ``repr`` is one short line; in a notebook they show as a table (``_repr_html_``):
rule, value and explanation for a scorecard, one row per subject for the scorecards.

>>> card
<Scorecard 'leusden-challenge' (initiative 'Samenleving Voorop'): 1 score, 1 applicable>
>>> "<td>domain_coverage</td><td>1.00</td><td>Every domain.</td>" in card._repr_html_()
True
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Literal

from attrs import field, frozen

from democratie._repr import MAX_ROWS, counted, html_table, short
from democratie.scoring.score import Scalar, Score, SubjectKind

__all__ = ["RuleFailure", "Scorecard", "Scorecards"]


def _index_scores(instance: Scorecard) -> dict[str, Score]:
    index: dict[str, Score] = {}
    for score in instance.scores:
        if score.subject != instance.subject:
            message = (
                f"the scorecard of {instance.subject!r} holds a score of {score.subject!r} "
                f"({score.rule})"
            )
            raise ValueError(message)
        if score.rule in index:
            message = f"the scorecard of {instance.subject!r} holds two scores of {score.rule!r}"
            raise ValueError(message)
        index[score.rule] = score
    return index


@frozen(kw_only=True)
class Scorecard(Mapping[str, Score]):
    """The scores of one initiative, municipality or network, by rule name.

    Parameters
    ----------
    subject
        The subject's id.
    kind
        ``"initiative"``, ``"municipality"`` or ``"network"``.
    title
        The subject's name or title, for people.
    scores
        One score per rule that applies to this kind of subject, in the order
        the rules ran; a rule that does not apply gives a score without value.

    Examples
    --------
    >>> import democratie.examples
    >>> from democratie.plugins import score
    >>> card = score(democratie.examples.load("delft-zeven-van-delft"))["delft"]
    >>> card.kind, card.title, len(card), len(card.applicable)
    ('municipality', 'Delft', 2, 1)
    >>> card.values_by_rule()["indicator_progress"] is None  # no indicator recorded
    True
    >>> round(card["bridging_vs_bonding"].value, 2)
    0.78
    """

    subject: str
    kind: SubjectKind
    title: str
    scores: tuple[Score, ...] = ()
    _index: dict[str, Score] = field(init=False, eq=False, repr=False, hash=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        self._index.update(_index_scores(self))

    def __getitem__(self, rule: str) -> Score:
        try:
            return self._index[rule]
        except KeyError:
            known = ", ".join(self._index) or "none"
            message = f"no score of rule {rule!r} for {self.subject!r}; scored rules: {known}"
            raise KeyError(message) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self.scores)

    @property
    def applicable(self) -> tuple[Score, ...]:
        """The scores with a value (the rules that applied)."""
        return tuple(score for score in self.scores if score.value is not None)

    @property
    def out_of_scope(self) -> tuple[Score, ...]:
        """The scores of rules that do not judge this kind of subject (nothing to record)."""
        return tuple(score for score in self.scores if score.out_of_scope)

    def values_by_rule(self) -> dict[str, float | None]:
        """Return ``{rule name: value}``, ``None`` for rules that did not apply."""
        return {score.rule: score.value for score in self.scores}

    def __repr__(self) -> str:
        return (
            f"<Scorecard {self.subject!r} ({self.kind} {short(self.title)!r}): "
            f"{counted(len(self.scores), 'score')}, {len(self.applicable)} applicable>"
        )

    def _repr_html_(self) -> str:
        rows = (
            [score.rule, _value(score), short(score.explanation.en, 120)]
            for score in self.scores[:MAX_ROWS]
        )
        caption = f"{short(self.title)} ({self.kind} {self.subject})"
        return html_table(
            ["rule", "value", "explanation"], rows, caption=caption, total=len(self.scores)
        )


def _value(score: Score) -> str:
    """A score's value as a table shows it: two decimals, or n/a when the rule did not apply."""
    if score.value is None:
        return "n/a (out of scope)" if score.out_of_scope else "n/a"
    low, high = score.value_range
    shown = f"{score.value:.2f}"
    return shown if (low, high) == (0.0, 1.0) else f"{shown} of {low:g}–{high:g}"


@frozen(kw_only=True)
class RuleFailure:
    """A rule that could not score a subject: it raised, returned no valid score, or took too long.

    Parameters
    ----------
    rule
        The rule's name.
    subject
        The id of the subject it was scoring.
    code
        ``"raised"`` (the rule raised an exception), ``"wrong-type"`` (it did
        not return a :class:`~democratie.scoring.Score`), ``"wrong-score"``
        (the score names another rule, subject or range) or ``"over-budget"``
        (it took longer than the ``time_budget`` of
        :func:`~democratie.scoring.run`; its score is left out).
    message
        What went wrong, in English.
    message_nl
        The same in Dutch, when there is a Dutch text: the library writes one
        for every failure it records (the text of an exception stays as the
        exception says it). None falls back to *message*; see :meth:`message_in`.
    exception
        The exception the rule raised, for debugging (not compared).

    Examples
    --------
    >>> import democratie.examples
    >>> from democratie.scoring import run
    >>> from democratie.scoring.rules import DomainCoverage
    >>> class Broken(DomainCoverage):
    ...     def evaluate(self, subject, context):
    ...         raise LookupError(subject.id)
    >>> cards = run(democratie.examples.load("leusden-samenleving-voorop"), [Broken(name="broken")])
    >>> failure = cards.failures[0]
    >>> failure.rule, failure.subject, failure.code
    ('broken', 'samenleving-voorop', 'raised')
    >>> print(failure)
    rule 'broken' failed on 'samenleving-voorop': LookupError: samenleving-voorop
    >>> failure.message_in("nl")
    'de regel gaf een fout: LookupError: samenleving-voorop'
    """

    rule: str
    subject: str
    code: str
    message: str
    message_nl: str | None = None
    exception: BaseException | None = field(default=None, eq=False, repr=False)

    def message_in(self, lang: Literal["nl", "en"] = "en") -> str:
        """Return what went wrong in *lang*: :attr:`message_nl` in Dutch when there is one.

        Examples
        --------
        >>> failure = RuleFailure(rule="r", subject="s", code="raised", message="it fell over")
        >>> failure.message_in("nl"), failure.message_in("en")
        ('it fell over', 'it fell over')
        """
        if lang == "nl" and self.message_nl is not None:
            return self.message_nl
        return self.message

    def __str__(self) -> str:
        return f"rule {self.rule!r} failed on {self.subject!r}: {self.message}"


@frozen(kw_only=True)
class Scorecards(Mapping[str, Scorecard]):
    """The scorecards of every scored subject of a landscape, by subject id.

    Parameters
    ----------
    cards
        The scorecards, municipalities first, then initiatives, then networks,
        each in document order.
    rules
        The names of the rules that ran, in order.
    failures
        The rules that failed on a subject; their scores are missing from the
        scorecards.

    Examples
    --------
    >>> import democratie.examples
    >>> from democratie.plugins import score
    >>> cards = score(democratie.examples.load("delft-zeven-van-delft"))
    >>> list(cards), [card.subject for card in cards.of_kind("municipality")]
    (['delft', 'overbetuwe', 'de-zeven-van-delft', 'workshop-zeven-van-delft'], ['delft',
    'overbetuwe'])
    >>> cards.rows()[0]
    {'subject': 'delft', 'kind': 'municipality', 'title': 'Delft', 'rule': 'bridging_vs_bonding',
    'value': 0.7777777777777778, 'applicable': True, 'out_of_scope': False, 'explanation': 'Of 18
    ties of the municipal organisation, 14 reach outside and 4 stay inside (E-I index +0.56).'}
    >>> cards
    <Scorecards: 4 subjects, 25 rules, 0 failures>
    >>> cards._repr_html_().count("<tr>")  # in a notebook: a header and a row per subject
    5
    """

    cards: tuple[Scorecard, ...] = ()
    rules: tuple[str, ...] = ()
    failures: tuple[RuleFailure, ...] = ()
    _index: dict[str, Scorecard] = field(init=False, eq=False, repr=False, hash=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        for card in self.cards:
            if card.subject in self._index:
                message = f"two scorecards for {card.subject!r}"
                raise ValueError(message)
            self._index[card.subject] = card

    def __getitem__(self, subject: str) -> Scorecard:
        try:
            return self._index[subject]
        except KeyError:
            message = f"no scorecard for {subject!r}"
            raise KeyError(message) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self.cards)

    def of_kind(self, kind: SubjectKind) -> tuple[Scorecard, ...]:
        """The scorecards of one kind of subject."""
        return tuple(card for card in self.cards if card.kind == kind)

    def rows(self, lang: str = "en") -> list[dict[str, Scalar]]:
        """Return one flat row per score, ready for a table or a data frame.

        Each row has ``subject``, ``kind``, ``title``, ``rule``, ``value``,
        ``applicable``, ``out_of_scope`` (a rule that does not apply because the subject is
        not the kind it judges) and ``explanation`` (in *lang*, ``"en"`` or ``"nl"``).
        """
        rows: list[dict[str, Scalar]] = []
        for card in self.cards:
            for score in card.scores:
                rows.append(
                    {
                        "subject": card.subject,
                        "kind": card.kind,
                        "title": card.title,
                        "rule": score.rule,
                        "value": score.value,
                        "applicable": score.value is not None,
                        "out_of_scope": score.out_of_scope,
                        "explanation": score.explanation.get("nl" if lang == "nl" else "en"),
                    }
                )
        return rows

    def summary(self) -> dict[str, dict[str, float | None]]:
        """Return ``{subject id: {rule name: value}}`` for every scorecard."""
        return {card.subject: card.values_by_rule() for card in self.cards}

    def __repr__(self) -> str:
        return (
            f"<Scorecards: {len(self.cards)} subjects, {len(self.rules)} rules, "
            f"{len(self.failures)} failures>"
        )

    def _repr_html_(self) -> str:
        rows = (
            [card.subject, card.kind, short(card.title), len(card.applicable), len(card.scores)]
            for card in self.cards[:MAX_ROWS]
        )
        caption = (
            f"{counted(len(self.cards), 'subject')}, {counted(len(self.rules), 'rule')}, "
            f"{counted(len(self.failures), 'failure')}"
        )
        table = html_table(
            ["subject", "kind", "title", "applicable", "scores"],
            rows,
            caption=caption,
            total=len(self.cards),
        )
        if not self.failures:
            return table
        failures = (
            [failure.rule, failure.subject, failure.code, short(failure.message, 120)]
            for failure in self.failures[:MAX_ROWS]
        )
        return table + html_table(
            ["rule", "subject", "code", "what went wrong"],
            failures,
            caption="Rules that failed",
            total=len(self.failures),
        )

"""Composers: one overall score from several, for those who want one.

``democratie`` gives no overall "democracy score" by default: the sources insist
on fit for purpose, so every rule stands on its own. When a report needs one
number, a composer makes it from a subject's scores, says how, and lists its
inputs as evidence. Composers use only the scores that apply, each rescaled to
[0, 1] by its rule's range (:attr:`~democratie.scoring.Score.normalised`).

- :func:`weighted_mean`: the (weighted) mean.
- :func:`weakest_link`: the lowest score; a chain is as strong as its weakest link.
- :func:`hard_fail_first`: zero when any rule falls below its hard minimum,
  otherwise another composer's result.

Examples
--------
>>> from democratie.scoring import Bilingual, Score
>>> from democratie.scoring.compose import hard_fail_first, weakest_link, weighted_mean
>>> def s(rule, value):
...     return Score(rule=rule, subject="x", value=value, explanation=Bilingual(nl="-", en="-"))
>>> scores = [s("commitment_triad", 1.0), s("promise_kept", 0.5), s("learning_loop", None)]
>>> weighted_mean(scores).value
0.75
>>> weighted_mean(scores, weights={"commitment_triad": 3}).value
0.875
>>> weakest_link(scores).value, weakest_link(scores).evidence[0].fact
(0.5, 'promise_kept')
>>> hard_fail_first(scores, minimums={"promise_kept": 0.6}).value
0.0

Any function from scores to one score is a :data:`Composer`; ``functools.partial`` makes
one of a composer with parameters:

>>> import functools
>>> strict: Composer = functools.partial(hard_fail_first, minimums={"commitment_triad": 0.9},
...                                      then=weakest_link)
>>> strict(scores).value, strict(scores).rule
(0.5, 'hard_fail_first')
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from democratie.scoring.score import Bilingual, Evidence, Score

__all__ = ["Composer", "hard_fail_first", "weakest_link", "weighted_mean"]

#: A composer: a function from scores to one score.
Composer = Callable[[Iterable[Score]], Score]


def _subject(scores: list[Score]) -> str:
    subjects = sorted({score.subject for score in scores})
    if len(subjects) > 1:
        message = f"a composer combines the scores of one subject, got {', '.join(subjects)}"
        raise ValueError(message)
    return subjects[0] if subjects else ""


def _inputs(scores: list[Score]) -> tuple[Evidence, ...]:
    return tuple(
        Evidence(about=score.subject, fact=score.rule, value=score.normalised) for score in scores
    )


def _none_applies(rule: str, subject: str, scores: list[Score]) -> Score:
    return Score.not_applicable(
        rule,
        subject or "-",
        nl="Geen van de regels is van toepassing; er valt niets samen te vatten.",
        en="None of the rules applies; there is nothing to combine.",
        evidence=_inputs(scores),
        # Out of scope only when every rule combined is: then nothing recorded could help.
        out_of_scope=bool(scores) and all(score.out_of_scope for score in scores),
    )


def weighted_mean(scores: Iterable[Score], weights: Mapping[str, float] | None = None) -> Score:
    """Combine scores into their weighted mean.

    Parameters
    ----------
    scores
        Scores of one subject. Those that do not apply are left out.
    weights
        Weight per rule name; rules not named weigh 1. A weight of 0 leaves a rule out.

    Returns
    -------
    Score
        Rule ``"weighted_mean"``, range [0, 1]; not applicable when no weighted
        score applies.

    Raises
    ------
    ValueError
        When the scores are about more than one subject, or a weight is negative.

    Examples
    --------
    >>> from democratie.scoring import Bilingual, Score
    >>> scores = [Score(rule=rule, subject="leusden", value=value, value_range=(0.0, 4.0),
    ...                 explanation=Bilingual(nl="-", en="-"))
    ...           for rule, value in [("a", 4.0), ("b", 2.0), ("c", None)]]
    >>> mean = weighted_mean(scores, weights={"b": 3})
    >>> mean.value, mean.subject
    (0.625, 'leusden')
    >>> print(mean.explanation.en)
    The weighted mean of 2 applicable scores.
    """
    given = list(scores)
    subject = _subject(given)
    weights = dict(weights or {})
    if any(weight < 0 for weight in weights.values()):
        message = "weights must not be negative"
        raise ValueError(message)
    used = [
        (score, weights.get(score.rule, 1.0))
        for score in given
        if score.normalised is not None and weights.get(score.rule, 1.0) > 0
    ]
    total = sum(weight for _, weight in used)
    if not used or total == 0:
        return _none_applies("weighted_mean", subject, given)
    value = sum((score.normalised or 0.0) * weight for score, weight in used) / total
    weighted = any(weight != 1.0 for _, weight in used)
    how_nl = "gewogen gemiddelde" if weighted else "gemiddelde"
    how_en = "weighted mean" if weighted else "mean"
    return Score(
        rule="weighted_mean",
        subject=subject,
        value=min(max(value, 0.0), 1.0),
        explanation=Bilingual(
            nl=f"Het {how_nl} van {len(used)} scores die van toepassing zijn.",
            en=f"The {how_en} of {len(used)} applicable scores.",
        ),
        evidence=_inputs([score for score, _ in used]),
    )


def weakest_link(scores: Iterable[Score]) -> Score:
    """Combine scores into the lowest of them: the weakest link.

    Returns
    -------
    Score
        Rule ``"weakest_link"``, range [0, 1]; its first evidence names the
        weakest rule. Not applicable when no score applies.

    Examples
    --------
    >>> import democratie.examples
    >>> from democratie.plugins import score
    >>> card = score(democratie.examples.load("delft-zeven-van-delft"))["de-zeven-van-delft"]
    >>> weakest = weakest_link(card.values())
    >>> round(weakest.value, 2), weakest.evidence[0].fact
    (0.0, 'champion_presence')
    """
    given = list(scores)
    subject = _subject(given)
    used = [score for score in given if score.normalised is not None]
    if not used:
        return _none_applies("weakest_link", subject, given)
    weakest = min(used, key=lambda score: (score.normalised or 0.0, score.rule))
    others = [score for score in used if score is not weakest]
    return Score(
        rule="weakest_link",
        subject=subject,
        value=weakest.normalised,
        explanation=Bilingual(
            nl=(
                f"De zwakste schakel is {weakest.rule}; een keten is zo sterk als de zwakste "
                "schakel."
            ),
            en=f"The weakest link is {weakest.rule}; a chain is as strong as its weakest link.",
        ),
        evidence=_inputs([weakest, *others]),
    )


def hard_fail_first(
    scores: Iterable[Score],
    minimums: Mapping[str, float],
    *,
    then: Composer = weighted_mean,
) -> Score:
    """Return 0 when a rule falls below its hard minimum; otherwise compose with *then*.

    Parameters
    ----------
    scores
        Scores of one subject.
    minimums
        The hard minimum per rule name, on the normalised [0, 1] scale. A rule
        with a minimum that does not apply does not fail.
    then
        The composer to use when nothing fails (:func:`weighted_mean` by default).

    Returns
    -------
    Score
        Rule ``"hard_fail_first"``; its evidence lists the failing rules first.

    Examples
    --------
    >>> import democratie.examples
    >>> from democratie.plugins import score
    >>> card = score(democratie.examples.load("delft-zeven-van-delft"))["de-zeven-van-delft"]
    >>> hard_fail_first(card.values(), minimums={"champion_presence": 0.5}).value
    0.0
    >>> round(hard_fail_first(card.values(), minimums={"ownership_clarity": 0.5}).value, 2)
    0.52
    """
    given = list(scores)
    subject = _subject(given)
    failing = [
        score
        for score in given
        if score.rule in minimums
        and score.normalised is not None
        and score.normalised < minimums[score.rule]
    ]
    if failing:
        names = ", ".join(score.rule for score in failing)
        return Score(
            rule="hard_fail_first",
            subject=subject,
            value=0.0,
            explanation=Bilingual(
                nl=f"Onder het harde minimum: {names}; daarom 0.",
                en=f"Below the hard minimum: {names}; hence 0.",
            ),
            evidence=_inputs(failing),
        )
    composed = then(given)
    return Score(
        rule="hard_fail_first",
        subject=composed.subject,
        value=composed.normalised,
        explanation=Bilingual(
            nl=f"Geen regel onder zijn harde minimum. {composed.explanation.nl}",
            en=f"No rule below its hard minimum. {composed.explanation.en}",
        ),
        evidence=composed.evidence,
    )

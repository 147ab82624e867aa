"""Contract checks for plugin authors: call them from your plugin's own tests.

Each check runs your rule, exporter or importer over landscapes that
Hypothesis generates from the model (:func:`democratie.testing.strategies.landscapes`)
and raises :class:`ContractError`, an :class:`AssertionError`, naming what broke
the contract; Hypothesis then shrinks the landscape to a small one that shows it.

- :func:`check_scoring_rule`: the rule is well formed; every score names the
  rule and the subject, lies in the declared range or is "not applicable"
  with a reason; scoring is deterministic; a subject that records nothing is
  not applicable rather than a silent zero; the rule never raises.
- :func:`check_exporter`: the exporter is well formed; it raises nothing but a
  :class:`~democratie.errors.DemocratieError`; the same landscape gives the same
  output byte for byte; it leaves the stream open; with an importer, what it
  writes reads back as an equivalent landscape.
- :func:`check_importer`: the importer is well formed; ``detect`` never raises;
  ``load`` raises nothing but a :class:`~democratie.errors.LoadError`, even on
  garbage; samples you give are detected and read; with an exporter, the round
  trip holds.

The checks need Hypothesis, the extra ``testing`` of the package
(``pip install "democratie[testing]"``).

Examples
--------
>>> from democratie.scoring.rules import DomainCoverage
>>> from democratie.testing.contracts import check_scoring_rule
>>> check_scoring_rule(DomainCoverage(), max_examples=10)
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from typing import IO, Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from democratie.errors import DemocratieError, LoadError
from democratie.formats import (
    HEAD_BYTES,
    Exporter,
    Importer,
    check_exporter_attributes,
    check_importer_attributes,
)
from democratie.graph import build_graph
from democratie.model import Initiative, Landscape, Municipality, Network
from democratie.scoring import Score, ScoringRule, check_rule, run, subjects
from democratie.testing.strategies import landscapes
from democratie.vocab import InitiativeKind, NetworkKind

__all__ = ["ContractError", "check_exporter", "check_importer", "check_scoring_rule"]

#: Compares the landscape written with the one read back.
Equivalence = Callable[[Landscape, Landscape], bool]


class ContractError(AssertionError):
    """A rule, exporter or importer does not keep the contract of :mod:`democratie.plugins`.

    Examples
    --------
    A rule that scores a subject it does not apply to with a silent zero breaks the contract:

    >>> from democratie.scoring.rules import DomainCoverage
    >>> class SilentZero(DomainCoverage):
    ...     def evaluate(self, subject, context):
    ...         return self.result(subject, 0.0, nl="Niets.", en="Nothing.")
    >>> try:
    ...     check_scoring_rule(SilentZero(name="silent_zero"), max_examples=5)
    ... except ContractError as error:
    ...     print(str(error).splitlines()[0])
    rule 'silent_zero' gave 0.0 to an initiative that records nothing; a rule whose inputs
    are missing must say 'not applicable', with the reason, never a silent value
    """


def _settings(max_examples: int) -> settings:
    return settings(
        max_examples=max_examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


def _bare_subject(kind: str) -> tuple[Landscape, str]:
    if kind == "initiative":
        return Landscape(
            initiatives=(
                Initiative(id="bare", title="Records nothing", kind=InitiativeKind.EXPERIMENT),
            )
        ), "bare"
    if kind == "municipality":
        return Landscape(municipalities=(Municipality(id="bare", name="Nergenshuizen"),)), "bare"
    return Landscape(
        networks=(Network(id="bare", name="Records nothing", kind=NetworkKind.WIJKNETWERK),)
    ), "bare"


def _check_score(rule: ScoringRule, subject: str, result: Score) -> None:
    if result.rule != rule.name:
        message = f"rule {rule.name!r} gave a score naming the rule {result.rule!r}"
        raise ContractError(message)
    if result.subject != subject:
        message = f"rule {rule.name!r} scored {subject!r} but named {result.subject!r}"
        raise ContractError(message)
    if tuple(result.value_range) != tuple(rule.value_range):
        message = (
            f"rule {rule.name!r} declares the range {rule.value_range} but its score "
            f"has {result.value_range}"
        )
        raise ContractError(message)


def check_scoring_rule(
    rule: ScoringRule, *, max_examples: int = 50, bare_not_applicable: bool = True
) -> None:
    """Check that *rule* keeps the scoring-rule contract over generated landscapes.

    Parameters
    ----------
    rule
        The rule, configured as your plugin offers it.
    max_examples
        How many landscapes Hypothesis generates (on top of its settings profile).
    bare_not_applicable
        Also require that a subject recording nothing but its name gets a
        not-applicable score, not a value. Turn this off only for a rule that
        truly needs no input.

    Raises
    ------
    ContractError
        Naming the rule and what it did wrong, for the smallest landscape
        Hypothesis finds.

    Examples
    --------
    >>> from democratie.scoring.rules import LearningLoop
    >>> check_scoring_rule(LearningLoop(), max_examples=5)
    """
    problems = check_rule(rule)
    if problems:
        message = f"{rule!r} is not a scoring rule: " + "; ".join(problems)
        raise ContractError(message)

    if bare_not_applicable:
        land, subject = _bare_subject(rule.applies_to)
        try:
            card = run(land, [rule], strict=True)[subject]
        except Exception as error:
            message = f"rule {rule.name!r} raised on a subject that records nothing: {error!r}"
            raise ContractError(message) from error
        bare = card[rule.name]
        if bare.value is not None:
            message = (
                f"rule {rule.name!r} gave {bare.value!r} to {_article(rule.applies_to)} that "
                "records nothing; a rule whose inputs are missing must say 'not applicable', "
                "with the reason, never a silent value"
            )
            raise ContractError(message)

    @_settings(max_examples)
    @given(landscapes())
    def scores_every_landscape(land: Landscape) -> None:
        try:
            first = run(land, [rule], strict=True)
            second = run(land, [rule], strict=True)
        except Exception as error:
            message = f"rule {rule.name!r} raised {type(error).__name__}: {error}"
            raise ContractError(message) from error
        expected = [s.id for s in subjects(land, rule.applies_to)]
        if list(first) != expected:
            message = f"rule {rule.name!r} did not score every {rule.applies_to} once"
            raise ContractError(message)
        for subject_id, card in first.items():
            _check_score(rule, subject_id, card[rule.name])
        if first != second:
            message = f"rule {rule.name!r} is not deterministic: two runs gave different scores"
            raise ContractError(message)

    scores_every_landscape()


def _article(noun: str) -> str:
    return f"an {noun}" if noun[:1] in "aeiou" else f"a {noun}"


def _stream(binary: bool) -> IO[Any]:
    return io.BytesIO() if binary else io.StringIO()


def _written(stream: IO[Any], binary: bool) -> bytes:
    value = stream.getvalue()  # type: ignore[attr-defined]
    return value if binary else str(value).encode("utf-8")


def _export(exporter: Exporter, land: Landscape, options: dict[str, Any]) -> bytes | None:
    """Export once; None when the exporter refused with a documented error."""
    graph = build_graph(land) if exporter.needs_graph else None
    stream = _stream(exporter.binary)
    try:
        exporter.export(land, graph, stream, options)
    except DemocratieError:
        return None
    except Exception as error:
        message = (
            f"exporter {exporter.name!r} raised {type(error).__name__}: {error}; an exporter "
            "may raise only a DemocratieError (ExportError) for a landscape it cannot write"
        )
        raise ContractError(message) from error
    if stream.closed:
        message = f"exporter {exporter.name!r} closed the stream it was given"
        raise ContractError(message)
    return _written(stream, exporter.binary)


def _load(importer: Importer, data: bytes, options: dict[str, Any]) -> Landscape | None:
    """Load once; None when the importer refused with a LoadError."""
    stream: IO[Any] = (
        io.BytesIO(data) if importer.binary else io.StringIO(data.decode("utf-8", errors="replace"))
    )
    try:
        land: object = importer.load(stream, options)
    except LoadError:
        return None
    except Exception as error:
        message = (
            f"importer {importer.name!r} raised {type(error).__name__}: {error}; an importer "
            "may raise only a LoadError for input it cannot read"
        )
        raise ContractError(message) from error
    if not isinstance(land, Landscape):
        message = f"importer {importer.name!r} returned {type(land).__name__}, not a Landscape"
        raise ContractError(message)
    return land


def _roundtrip(
    exporter: Exporter,
    importer: Importer,
    land: Landscape,
    options: dict[str, Any],
    equivalent: Equivalence,
) -> None:
    data = _export(exporter, land, options)
    if data is None:
        return
    if not importer.detect(data[:HEAD_BYTES]):
        message = (
            f"importer {importer.name!r} does not recognise what exporter {exporter.name!r} wrote"
        )
        raise ContractError(message)
    back = _load(importer, data, options)
    if back is None:
        message = (
            f"importer {importer.name!r} refused what exporter {exporter.name!r} wrote "
            "(it raised a LoadError)"
        )
        raise ContractError(message)
    if not equivalent(land, back):
        message = (
            f"the round trip through {exporter.name!r} and {importer.name!r} lost data: the "
            "landscape read back is not equivalent to the one written"
        )
        raise ContractError(message)


def check_exporter(
    exporter: Exporter,
    *,
    importer: Importer | None = None,
    equivalent: Equivalence | None = None,
    options: dict[str, Any] | None = None,
    max_examples: int = 50,
) -> None:
    """Check that *exporter* keeps the exporter contract over generated landscapes.

    Parameters
    ----------
    exporter
        The exporter, as your plugin offers it.
    importer
        An importer of the same format, to check the round trip with; leave it
        out for a format that cannot be read back.
    equivalent
        How to compare the landscape written with the one read back, for a
        format that keeps only part of a landscape (say, one that compares
        the people and roles); ``==`` by default.
    options
        The options to export with.
    max_examples
        How many landscapes Hypothesis generates.

    Raises
    ------
    ContractError
        Naming the exporter and what it did wrong.

    Examples
    --------
    >>> from democratie.exporters import TomlExporter
    >>> check_exporter(TomlExporter(), max_examples=5)
    >>> class Misnamed(TomlExporter):
    ...     name = "TOML"
    >>> try:
    ...     check_exporter(Misnamed(), max_examples=5)
    ... except ContractError as error:
    ...     print(str(error).splitlines()[0])
    Misnamed() is not an exporter: its name 'TOML' is not a format name (lowercase letters, digits,
    '-', '_', '.', starting with a letter)
    """
    problems = check_exporter_attributes(exporter)
    if problems:
        message = f"{exporter!r} is not an exporter: " + "; ".join(problems)
        raise ContractError(message)
    if importer is not None:
        _check_importer_attributes(importer)
    same = equivalent or (lambda a, b: a == b)
    given_options = dict(options or {})

    @_settings(max_examples)
    @given(landscapes())
    def exports_every_landscape(land: Landscape) -> None:
        first = _export(exporter, land, given_options)
        second = _export(exporter, land, given_options)
        if first != second:
            message = (
                f"exporter {exporter.name!r} is not deterministic: the same landscape gave "
                "different output"
            )
            raise ContractError(message)
        if importer is not None:
            _roundtrip(exporter, importer, land, given_options, same)

    exports_every_landscape()


def _check_importer_attributes(importer: Importer) -> None:
    problems = check_importer_attributes(importer)
    if problems:
        message = f"{importer!r} is not an importer: " + "; ".join(problems)
        raise ContractError(message)


def check_importer(
    importer: Importer,
    *,
    samples: Iterable[bytes | str] = (),
    exporter: Exporter | None = None,
    equivalent: Equivalence | None = None,
    options: dict[str, Any] | None = None,
    max_examples: int = 50,
) -> None:
    """Check that *importer* keeps the importer contract, on garbage and on real samples.

    Parameters
    ----------
    importer
        The importer, as your plugin offers it.
    samples
        Files in the format (their bytes or text): each must be detected and
        read. Ship a few small real ones with your tests.
    exporter
        An exporter of the same format, to check the round trip with.
    equivalent
        How to compare the landscape written with the one read back; ``==``
        by default.
    options
        The options to load (and export) with.
    max_examples
        How many inputs Hypothesis generates.

    Raises
    ------
    ContractError
        Naming the importer and what it did wrong.

    Examples
    --------
    >>> from democratie.exporters.popolo import popolo_text
    >>> from democratie.importers.formats import PopoloImporter
    >>> import democratie.examples
    >>> sample = popolo_text(democratie.examples.load("delft-zeven-van-delft"))
    >>> check_importer(PopoloImporter(), samples=[sample], max_examples=5)
    """
    _check_importer_attributes(importer)
    given_options = dict(options or {})
    for index, sample in enumerate(samples):
        data = sample.encode("utf-8") if isinstance(sample, str) else sample
        if not importer.detect(data[:HEAD_BYTES]):
            message = f"importer {importer.name!r} does not recognise sample {index}"
            raise ContractError(message)
        if _load(importer, data, given_options) is None:
            message = f"importer {importer.name!r} refused sample {index} (it raised a LoadError)"
            raise ContractError(message)

    @_settings(max_examples)
    @given(st.one_of(st.binary(max_size=512), st.text(max_size=256).map(str.encode)))
    def survives_garbage(data: bytes) -> None:
        try:
            recognised: object = importer.detect(data[:HEAD_BYTES])
        except Exception as error:
            message = f"importer {importer.name!r}: detect() raised {type(error).__name__}: {error}"
            raise ContractError(message) from error
        if not isinstance(recognised, bool):
            message = f"importer {importer.name!r}: detect() returned {recognised!r}, not a bool"
            raise ContractError(message)
        _load(importer, data, given_options)

    survives_garbage()

    if exporter is not None:
        problems = check_exporter_attributes(exporter)
        if problems:
            message = f"{exporter!r} is not an exporter: " + "; ".join(problems)
            raise ContractError(message)
        same = equivalent or (lambda a, b: a == b)

        @_settings(max_examples)
        @given(landscapes())
        def round_trips(land: Landscape) -> None:
            _roundtrip(exporter, importer, land, given_options, same)

        round_trips()

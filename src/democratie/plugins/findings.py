"""Findings: what the :func:`~democratie.plugins.hookspecs.democratie_validate` hook reports.

A finding is one observation about a valid landscape that a plugin thinks a
person should see: a council without seats recorded, an initiative without a
period, a role that ended before the initiative it is at began. Findings do not
stop anything; the model has already rejected what is invalid.

Examples
--------
>>> from democratie.plugins import Finding
>>> finding = Finding(severity="warning", path="initiatives[0].period",
...                   message="the initiative has no period", code="no-period")
>>> print(finding)
warning: initiatives[0].period: the initiative has no period [no-period]
>>> print(finding.by("dutch-checks"))
warning: initiatives[0].period: the initiative has no period [no-period] (dutch-checks)

Each finding has one of the :data:`SEVERITIES`, the values of the literal type
:data:`Severity`:

>>> import typing
>>> from democratie.plugins.findings import SEVERITIES, Severity
>>> SEVERITIES, typing.get_args(Severity) == SEVERITIES
(('error', 'warning', 'info'), True)
>>> Finding(severity="fatal", path="", message="x", code="x")
Traceback (most recent call last):
    ...
ValueError: severity must be one of error, warning, info, got 'fatal'
"""

from __future__ import annotations

from typing import Any, Literal, TypeAlias

from attrs import evolve, field, frozen

__all__ = ["SEVERITIES", "Finding", "Severity"]

#: How much a finding matters.
Severity: TypeAlias = Literal["error", "warning", "info"]
#: The severities, from most to least serious.
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


def _check_severity(instance: object, attribute: object, value: Any) -> None:
    if value not in SEVERITIES:
        message = f"severity must be one of {', '.join(SEVERITIES)}, got {value!r}"
        raise ValueError(message)


def _check_text(instance: object, attribute: object, value: Any) -> None:
    if not isinstance(value, str) or not value.strip():
        name = getattr(attribute, "name", "text")
        message = f"{name} must be non-empty text, got {value!r}"
        raise ValueError(message)


def _check_path(instance: object, attribute: object, value: Any) -> None:
    if not isinstance(value, str):
        message = f"path must be text, got {value!r}"
        raise TypeError(message)


@frozen(kw_only=True)
class Finding:
    """One observation about a landscape from a validation plugin.

    Parameters
    ----------
    severity
        ``"error"`` (the landscape will mislead its readers), ``"warning"``
        (probably wrong or missing) or ``"info"``.
    path
        Where in the document, as in :class:`~democratie.errors.Problem`
        (``initiatives[2].period.end``); ``""`` for the landscape as a whole.
    message
        What was found and what to do about it, in words a policy adviser
        understands.
    code
        A stable, machine-readable name for this kind of finding, unique within
        the plugin (``"no-period"``).
    plugin
        The plugin that reported it; filled in by the plugin manager.

    Examples
    --------
    >>> finding = Finding(severity="info", path="", message="no sources are named",
    ...                   code="no-sources")
    >>> print(finding)
    info: no sources are named [no-sources]
    >>> finding.plugin is None
    True
    >>> finding.by("checks").plugin
    'checks'
    """

    severity: Severity = field(validator=_check_severity)
    path: str = field(validator=_check_path)
    message: str = field(validator=_check_text)
    code: str = field(validator=_check_text)
    plugin: str | None = None

    def by(self, plugin: str) -> Finding:
        """Return this finding attributed to *plugin*."""
        return evolve(self, plugin=plugin)

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        who = f" ({self.plugin})" if self.plugin else ""
        return f"{self.severity}: {where}{self.message} [{self.code}]{who}"

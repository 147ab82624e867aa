"""The burgerberaad plugin: the hooks ``democratie`` calls.

Installed, the package declares this module under the entry-point group
``democratie`` (``burgerberaad = democratie_burgerberaad.plugin``), and
``democratie`` registers it as the plugin ``burgerberaad``. A program can also
register it at run time.

Examples
--------
>>> from democratie.plugins import make_plugin_manager, scoring_rules
>>> from democratie_burgerberaad import plugin
>>> manager = make_plugin_manager(entry_points=False)
>>> manager.register(plugin, name="burgerberaad")
'burgerberaad'
>>> [rule.name for rule in scoring_rules(plugin_manager=manager)][-1]
'burgerberaad.oecd_principles'
"""

from __future__ import annotations

from democratie.plugins import Exporter, hookimpl
from democratie.scoring import ScoringRule

from .export import AssemblyReport
from .rules import OecdPrinciples

__all__ = ["democratie_exporters", "democratie_scoring_rules"]


@hookimpl
def democratie_scoring_rules() -> list[ScoringRule]:
    """Offer the rule :class:`~democratie_burgerberaad.OecdPrinciples`."""
    return [OecdPrinciples()]


@hookimpl
def democratie_exporters() -> list[Exporter]:
    """Offer the Markdown report :class:`~democratie_burgerberaad.AssemblyReport`."""
    return [AssemblyReport()]

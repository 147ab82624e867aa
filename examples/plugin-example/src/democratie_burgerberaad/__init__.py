"""Citizens' assemblies (burgerberaden) against the OECD good practice principles.

A plugin for ``democratie`` that adds

- a scoring rule, :class:`OecdPrinciples` (``burgerberaad.oecd_principles``): how a
  citizens' assembly, citizens' forum or G1000 fares on the five of the OECD's eleven
  good practice principles for deliberative processes that a landscape shows;
- an exporter, :class:`AssemblyReport` (``burgerberaad-md``): a Markdown report with,
  for each assembly, all eleven principles, met, not met, not recorded or not
  visible in a landscape.

Installed, it is found through the entry-point group ``democratie``; see
:mod:`democratie_burgerberaad.plugin`.

Examples
--------
>>> import democratie
>>> land = democratie.loads('''
... format = "democratie/1"
... [[initiatives]]
... id = "burgerforum"
... kind = "burgerforum"
... title = "Burgerforum"
... feedback_given = true
... ''')
>>> from democratie.scoring import run
>>> run(land, [OecdPrinciples()])["burgerforum"]["burgerberaad.oecd_principles"].value
1.0
"""

from importlib.metadata import PackageNotFoundError, version

from .export import AssemblyReport
from .principles import (
    DEFAULT_COMMITTED_LEVELS,
    DEFAULT_MIN_DAYS,
    GOVERNMENT_OFFICES,
    PRINCIPLES,
    STATUSES,
    Principle,
    PrincipleCheck,
    Status,
    assess,
)
from .rules import DELIBERATIVE_KINDS, OecdPrinciples

try:
    __version__ = version("democratie-burgerberaad")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"

__all__ = [
    "DEFAULT_COMMITTED_LEVELS",
    "DEFAULT_MIN_DAYS",
    "DELIBERATIVE_KINDS",
    "GOVERNMENT_OFFICES",
    "PRINCIPLES",
    "STATUSES",
    "AssemblyReport",
    "OecdPrinciples",
    "Principle",
    "PrincipleCheck",
    "Status",
    "__version__",
    "assess",
]

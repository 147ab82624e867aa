"""Model and analyse democratic renewal in Dutch municipalities.

``democratie`` gives you an importable domain model of municipalities, their
councils and colleges, organisations, residents, initiatives and networks; a
networkx stakeholder graph built from it; analyses and scoring rules drawn from
the field's own frameworks; and pluggy hooks through which anyone adds
exporters, importers and scoring rules.

Examples
--------
>>> import democratie
>>> land = democratie.loads('''
... format = "democratie/1"
... [[municipalities]]
... id = "leusden"
... cbs_code = "GM0327"
... ''')
>>> land.get("leusden").name
'Leusden'

The version installed, as ``pip show democratie`` reports it:

>>> from importlib.metadata import version
>>> democratie.__version__ == version("democratie")
True
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from democratie.errors import DemocratieError, LoadError, ModelError, Problem, WriteError

if TYPE_CHECKING:
    from democratie.io import dump, dumps, loads
    from democratie.model import (
        Area,
        College,
        Council,
        Initiative,
        Landscape,
        Municipality,
        Network,
        Organisation,
        Person,
        Role,
    )
    from democratie.plugins import (
        PluginError,
        analyse,
        build_graph,
        export,
        get_plugin_manager,
        list_plugins,
        load,
        score,
        validate,
    )

    __version__: str

#: Where each name that is imported on first use comes from: one line per name.
_LAZY: dict[str, str] = {
    "Area": "democratie.model",
    "College": "democratie.model",
    "Council": "democratie.model",
    "Initiative": "democratie.model",
    "Landscape": "democratie.model",
    "Municipality": "democratie.model",
    "Network": "democratie.model",
    "Organisation": "democratie.model",
    "Person": "democratie.model",
    "Role": "democratie.model",
    "PluginError": "democratie.plugins",
    "analyse": "democratie.plugins",
    "build_graph": "democratie.plugins",
    "dump": "democratie.io",
    "dumps": "democratie.io",
    "export": "democratie.plugins",
    "get_plugin_manager": "democratie.plugins",
    "list_plugins": "democratie.plugins",
    "load": "democratie.plugins",
    "loads": "democratie.io",
    "score": "democratie.plugins",
    "validate": "democratie.plugins",
}

#: The subpackages and modules ``democratie.<name>`` reaches after a plain ``import democratie``.
_SUBMODULES = frozenset(
    {
        "analysis",
        "cli",
        "errors",
        "examples",
        "exporters",
        "formats",
        "graph",
        "importers",
        "io",
        "model",
        "plan",
        "plugins",
        "reference",
        "report",
        "scoring",
        "synth",
        "testing",
        "vocab",
    }
)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("democratie")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0+unknown"


if not TYPE_CHECKING:  # type checkers see the imports above, so typos stay errors

    def __getattr__(name: str) -> object:
        """Import a name of the package, or a subpackage, the first time it is used."""
        if name == "__version__":
            value: object = _version()
        elif name in _LAZY:
            value = getattr(importlib.import_module(_LAZY[name]), name)
        elif name in _SUBMODULES:
            value = importlib.import_module(f"{__name__}.{name}")
        else:
            message = f"module {__name__!r} has no attribute {name!r}"
            raise AttributeError(message)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__, *_SUBMODULES})


__all__ = [
    "Area",
    "College",
    "Council",
    "DemocratieError",
    "Initiative",
    "Landscape",
    "LoadError",
    "ModelError",
    "Municipality",
    "Network",
    "Organisation",
    "Person",
    "PluginError",
    "Problem",
    "Role",
    "WriteError",
    "__version__",
    "analyse",
    "build_graph",
    "dump",
    "dumps",
    "export",
    "get_plugin_manager",
    "list_plugins",
    "load",
    "loads",
    "score",
    "validate",
]

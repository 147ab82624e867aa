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

from importlib.metadata import PackageNotFoundError, version

from democratie.errors import DemocratieError, LoadError, ModelError, Problem, WriteError
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

try:
    __version__ = version("democratie")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"

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

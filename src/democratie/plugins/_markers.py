"""The pluggy markers of the ``democratie`` project.

Examples
--------
An installed package offers its plugin under the entry-point group
:data:`ENTRY_POINT_GROUP` (in its ``pyproject.toml``:
``[project.entry-points.democratie] mine = "mine.plugin"``); the markers belong to the
pluggy project :data:`PROJECT_NAME`, and :data:`hookimpl` marks the implementations:

>>> ENTRY_POINT_GROUP, PROJECT_NAME
('democratie', 'democratie')
>>> class Plugin:
...     @hookimpl
...     def democratie_exporters(self):
...         return []
>>> hasattr(Plugin.democratie_exporters, f"{PROJECT_NAME}_impl")
True
>>> hookspec.project_name, hookimpl.project_name
('democratie', 'democratie')
"""

from __future__ import annotations

from typing import Final

import pluggy

__all__ = ["ENTRY_POINT_GROUP", "PROJECT_NAME", "hookimpl", "hookspec"]

#: The pluggy project name.
PROJECT_NAME: Final = "democratie"
#: The entry-point group under which installed packages offer plugins.
ENTRY_POINT_GROUP: Final = "democratie"

#: Marks a function as the specification of a hook (used in :mod:`democratie.plugins.hookspecs`).
hookspec: Final = pluggy.HookspecMarker(PROJECT_NAME)
#: Marks a function in a plugin as the implementation of a hook.
hookimpl: Final = pluggy.HookimplMarker(PROJECT_NAME)

"""The pluggy markers of the ``democratie`` project."""

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

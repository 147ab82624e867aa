"""The ``democratie`` command line.

Subcommands: ``validate``, ``graph``, ``score``, ``export``, ``import``,
``report``, ``plan``, ``status``, ``lessons``, ``plugins``, ``schema`` and ``demo``
(the whole main job on the bundled seed examples).

Exit codes: 0 all well; 1 invalid input or findings (and, with ``--strict``, a
plugin that failed); 2 a usage error; 3 the work completed but a plugin failed
and was skipped, or a plugin's rule failed or was stopped at its time limit on
some subjects (a warning says which). Errors go to standard error without a traceback unless
``--debug`` is given.
"""

from democratie.cli import _commands, _monitor, _plan  # noqa: F401  (they register the subcommands)
from democratie.cli._app import EXIT_OK, EXIT_PLUGIN_SKIPPED, EXIT_PROBLEMS, EXIT_USAGE, cli, main

__all__ = ["EXIT_OK", "EXIT_PLUGIN_SKIPPED", "EXIT_PROBLEMS", "EXIT_USAGE", "cli", "main"]

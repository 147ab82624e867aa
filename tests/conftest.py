"""Shared test configuration: the Hypothesis profiles.

Choose a profile with the environment variable ``HYPOTHESIS_PROFILE``:

- ``dev`` (the default on a developer's machine): quick, random, remembers failures in the
  local example database so that a failing example is tried first on the next run;
- ``ci`` (the default when Hypothesis detects a CI service, and what ``nox -s tests`` uses):
  Hypothesis's own CI profile made deterministic (``derandomize``), without deadlines, and
  printing a reproduction blob for every failure;
- ``thorough``: many more examples, for a run before a release or after changing the model
  or the converter (``HYPOTHESIS_PROFILE=thorough pytest tests/test_roundtrip.py``).
"""

from __future__ import annotations

import os
from datetime import timedelta

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    settings.get_profile("ci"),
    derandomize=True,
    deadline=None,
    max_examples=100,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=50, deadline=timedelta(seconds=1))
settings.register_profile(
    "thorough",
    max_examples=2_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

_DEFAULT = "ci" if settings.get_current_profile_name() == "ci" else "dev"
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", _DEFAULT))

"""Shared test configuration: the Hypothesis profiles, and whether real data is required.

The tests that read the real files of ``../shared/real-data`` (the CBS list, Open
Raadsinformatie councils, Popolo schemas and examples) skip, saying why, when that folder
is absent. Continuous integration sets ``DEMOCRATIE_REAL_DATA_REQUIRED=1``: then a missing
folder stops the run at once, as a usage error naming the folder, instead of skipping.

Choose a profile with the environment variable ``HYPOTHESIS_PROFILE``:

- ``dev`` (the default on a developer's machine): quick and random; it remembers failures in
  the local example database, so a failing example is tried first on the next run;
- ``ci`` (the default when Hypothesis detects a CI service, and what ``nox -s tests`` uses):
  Hypothesis's own CI profile made deterministic (``derandomize``), without deadlines, and
  printing a reproduction blob for every failure;
- ``thorough``: twenty times the examples of ``ci``, for a run before a release or after
  changing the model or the converter; it takes tens of minutes
  (``HYPOTHESIS_PROFILE=thorough pytest tests/test_roundtrip.py tests/test_load_robustness.py``).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

#: Where the real data lies: beside the project (``DEMOCRATIE_REAL_DATA`` to look elsewhere).
REAL_DATA = Path(
    os.environ.get(
        "DEMOCRATIE_REAL_DATA",
        Path(__file__).resolve().parents[2] / "shared" / "real-data",
    )
)


def pytest_configure(config: pytest.Config) -> None:
    """With ``DEMOCRATIE_REAL_DATA_REQUIRED=1``, refuse to run without the real data."""
    if os.environ.get("DEMOCRATIE_REAL_DATA_REQUIRED") == "1" and not REAL_DATA.is_dir():
        message = (
            f"the real data folder {REAL_DATA} is absent, and DEMOCRATIE_REAL_DATA_REQUIRED=1 "
            "says the tests that read it must run, not skip"
        )
        raise pytest.UsageError(message)


# The suite tests the built-in plugins and the plugins its own tests install; a plugin that
# happens to be installed in the environment running the tests must not change the results.
os.environ.setdefault("DEMOCRATIE_DISABLE_ENTRYPOINTS", "1")

settings.register_profile(
    "ci",
    settings.get_profile("ci"),
    derandomize=True,
    deadline=None,
    max_examples=100,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
# No deadlines: a property test checks behaviour; timing is what the benchmarks measure,
# and a deadline turns a busy machine into a flaky failure.
settings.register_profile(
    "dev", max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "thorough",
    max_examples=2_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

_DEFAULT = "ci" if settings.get_current_profile_name() == "ci" else "dev"
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", _DEFAULT))

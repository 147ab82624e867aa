"""Development sessions: `nox` runs lint, typecheck, tests and docs; `nox -s NAME` one."""

from __future__ import annotations

import nox

nox.options.sessions = ["lint", "typecheck", "tests", "docs"]
nox.options.default_venv_backend = "venv"
nox.options.reuse_existing_virtualenvs = False

PYTHON = None  # the interpreter that runs nox


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """Ruff: the linter and the formatter check."""
    session.install("ruff>=0.6")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session(python=PYTHON)
def typecheck(session: nox.Session) -> None:
    """mypy --strict over the package and the tests."""
    session.install("-e", ".[test,typecheck]")
    session.run("mypy")
    # The example plugin is a package of its own, checked against this one.
    session.run(
        "mypy",
        "examples/plugin-example/src",
        "examples/plugin-example/tests",
        env={"MYPYPATH": "src:examples/plugin-example/src"},
    )


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """The test suite, with the deterministic Hypothesis profile for CI."""
    session.install("-e", ".[test]")
    session.run("pytest", *session.posargs, env={"HYPOTHESIS_PROFILE": "ci"})


@nox.session(python=PYTHON)
def docs(session: nox.Session) -> None:
    """Build the documentation site strictly: a broken link or reference fails the build."""
    session.install("-e", ".[docs]")
    session.run(
        "mkdocs", "build", "--strict", "--site-dir", "site", env={"NO_MKDOCS_2_WARNING": "1"}
    )


@nox.session(python=PYTHON)
def browser(session: nox.Session) -> None:
    """The HTML reports in headless Chromium (Debian's chromium, driven by Playwright).

    Not in the default sessions: it needs a system browser (``apt-get install chromium``).
    """
    session.install("-e", ".[test,browser]")
    session.run(
        "pytest",
        "-m",
        "browser",
        "tests/browser",
        *session.posargs,
        env={"DEMOCRATIE_BROWSER_REQUIRED": "1", "HYPOTHESIS_PROFILE": "ci"},
    )


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """National-scale benchmarks (not part of the test run): scales 1/64 and 1/16 by default.

    ``nox -s bench -- --scale 1/16 --scale 1 --memory`` measures the whole nation.
    """
    session.install("-e", ".[bench]")
    args = session.posargs or ["--scale", "1/64", "--scale", "1/16", "--output", "bench.json"]
    session.run("python", "benchmarks/bench.py", *args, env={"PYTHONPATH": "src"})


@nox.session(python=PYTHON)
def fuzz(session: nox.Session) -> None:
    """The long fuzzing campaign (not part of the test run): 100,000 documents, about 25 min.

    ``nox -s fuzz -- -x`` stops at the first failure; add what it finds to
    ``tests/fuzz/corpus`` as a regression case.
    """
    session.install("-e", ".[test]")
    session.run(
        "pytest",
        "tests/test_reliability_fuzz.py",
        *session.posargs,
        env={"HYPOTHESIS_PROFILE": "thorough"},
    )

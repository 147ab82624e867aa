"""A coverage-guided fuzzing target for the loaders, for runs longer than the test suite's.

Every input is read by each loader in turn: :func:`democratie.io.loads` (a landscape
document, JSON or TOML as its first character says), and the Popolo and Open
Raadsinformatie importers on the input parsed as JSON. A loader may accept the input or
raise :class:`~democratie.LoadError` with located problems that print as UTF-8; anything
else is a failure. Failures already reported and not yet fixed (see
``corpus/index.toml``, the cases marked ``open``) are let through, so that a run looks for
new ones.

Run it with `atheris <https://github.com/google/atheris>`_, seeded with the corpus of
failures found so far::

    pip install atheris
    PYTHONPATH=src python tests/fuzz/fuzz_load.py tests/fuzz/corpus -max_total_time=3600

Without atheris, it reads the files it is given once each and says which fail::

    PYTHONPATH=src python tests/fuzz/fuzz_load.py tests/fuzz/corpus/*.json

Keep what a long run finds: minimise it (``-minimize_crash=1``), add the file to
``corpus/`` with an entry in ``corpus/index.toml``, and fix the loader.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from democratie import LoadError, ModelError
from democratie.importers import import_ori, import_popolo
from democratie.io import loads, parse


def _known(error: BaseException) -> bool:
    """Whether *error* is one of the failures reported and not fixed yet (see the corpus)."""
    if isinstance(error, ModelError):
        # An importer builds an Identifier or ContactDetail from an id or e-mail address
        # with a control character, or a council with more than 200 seats, outside its
        # own checks.
        return {problem.path for problem in error.problems} <= {"identifier", "value", "seats"}
    # import_popolo builds nested areas recursively.
    return isinstance(error, RecursionError)


def _readers(data: bytes) -> list[tuple[str, Callable[[], Any]]]:
    def document() -> Any:
        return parse(data.decode("utf-8", "surrogatepass"), format="json")

    return [
        ("loads", lambda: loads(data)),
        ("import_popolo", lambda: import_popolo(document())),
        ("import_ori", lambda: import_ori(document())),
    ]


def check(data: bytes) -> None:
    """Read *data* with every loader; raise AssertionError for anything but a proper outcome."""
    for name, read in _readers(data):
        try:
            read()
        except LoadError as error:
            if (
                name != "loads"
                and error.problems
                and error.problems[0].code
                in {
                    "syntax",
                    "encoding",
                }
            ):
                return  # not JSON: the importers would all say the same
            _require(bool(error.problems), f"{name}: a LoadError without problems")
            for problem in error.problems:
                _require(bool(problem.message.strip()), f"{name}: a problem without a message")
            str(error).encode("utf-8")
        except UnicodeDecodeError:
            return  # not UTF-8: loads has said so above, as a LoadError
        except Exception as error:
            if not _known(error):
                message = f"{name} raised {type(error).__name__}: {error}"
                raise AssertionError(message) from error


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise AssertionError(message)


def replay(paths: Sequence[str]) -> int:
    """Check each file once; return the number that fail."""
    files = [p for name in paths for p in _files(Path(name))]
    failed = 0
    for path in files:
        try:
            check(path.read_bytes())
        except AssertionError as error:
            failed += 1
            print(f"{path}: {error}")
    print(f"{len(files)} files read, {failed} failed")
    return failed


def _files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.is_file() and p.name != "index.toml")
    return [path]


def main(argv: Sequence[str]) -> int:
    """Fuzz with atheris when it is installed; otherwise replay the files given."""
    try:
        atheris = importlib.import_module("atheris")
    except ImportError:
        return 1 if replay([a for a in argv[1:] if not a.startswith("-")]) else 0
    atheris.instrument_all()
    atheris.Setup(list(argv), check)
    atheris.Fuzz()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

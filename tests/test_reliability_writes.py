"""Failed writes never leave half a file and never destroy the previous good one.

Every way the library writes a file (``dump`` as JSON and TOML, every built-in
exporter, the CSV tables as a folder and as a zip, the HTML report) is run with a fault
injected at each step it takes on the file system, one step at a time: creating the
temporary file or folder, each write, ``fsync``, ``close``, ``chmod`` and the final
rename (or the exchange of two folders). Each step fails with a full disk (``ENOSPC``), a
refused permission (``EACCES``) and an I/O error (``EIO``), and is interrupted
(``KeyboardInterrupt``). After every fault the folder holds exactly what it held before,
or exactly what a successful write gives: no half-written file, no temporary file left
behind, and the previous file intact.

A real crash is tested too, in a child process that kills itself between writing the
temporary file and renaming it; and a real full disk, with a file-size limit
(``RLIMIT_FSIZE``) on a child process.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import pathlib
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from attrs import frozen

import democratie
from democratie import WriteError, examples
from democratie.exporters import BUILTIN_EXPORTERS, _write, export
from democratie.graph import StakeholderGraph
from democratie.model import Landscape
from democratie.report import write_report
from democratie.scoring import Scorecards

# The repository's sources, found from this file, whether or not the package is installed
# editable.
SRC = Path(__file__).resolve().parents[1] / "src"
FIXED = {"generated": "2025-03-01"}

# --------------------------------------------------------------------------------------------
# Fault injection at the file-system calls the writers make
# --------------------------------------------------------------------------------------------

_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT


@frozen
class Fault:
    """A kind of failure: what a failing step raises, and whether the file stays broken.

    A full disk stays full and a failing device keeps failing: once a write to a file
    failed with such a fault, flushing or closing that file fails the same way.
    """

    name: str
    make: Callable[[str], BaseException]
    sticky: bool = False


FAULTS = (
    Fault("disk-full", lambda step: OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)), True),
    Fault("io-error", lambda step: OSError(errno.EIO, os.strerror(errno.EIO)), True),
    Fault(
        "permission-denied", lambda step: PermissionError(errno.EACCES, os.strerror(errno.EACCES))
    ),
    Fault("interrupted", lambda step: KeyboardInterrupt(f"interrupted at {step}")),
)


class Injector:
    """Counts the file-system steps of a write and makes one of them fail.

    Parameters
    ----------
    fail_at
        The step (1-based) that fails; None to let every step succeed and count them.
    fault
        What the failing step raises.
    """

    def __init__(self, fail_at: int | None = None, fault: Fault | None = None) -> None:
        self.fail_at = fail_at
        self.fault = fault
        self.steps: list[str] = []
        self.fired = False

    def step(self, name: str) -> None:
        self.steps.append(name)
        if len(self.steps) == self.fail_at and self.fault is not None:
            self.fired = True
            raise self.fault.make(name)


class FaultyFile:
    """A writable file whose writes, flushes and close pass through the injector.

    A failing write writes half its data first, as a disk that fills up does; after a
    sticky fault, flushing and closing the file fail too (the data is still unwritten).
    """

    def __init__(self, handle: Any, injector: Injector) -> None:
        self._handle = handle
        self._injector = injector
        self._broken = False

    def _check(self) -> None:
        if self._broken and self._injector.fault is not None:
            raise self._injector.fault.make("again")

    def write(self, data: bytes) -> int:
        self._check()
        try:
            self._injector.step("write")
        except BaseException:
            self._handle.write(data[: len(data) // 2])
            self._handle.flush()
            self._broken = self._injector.fault is not None and self._injector.fault.sticky
            raise
        return int(self._handle.write(data))

    def flush(self) -> None:
        self._check()
        try:
            self._injector.step("flush")
        except BaseException:
            self._broken = self._injector.fault is not None and self._injector.fault.sticky
            raise
        self._handle.flush()

    def fileno(self) -> int:
        return int(self._handle.fileno())

    def close(self) -> None:
        self._handle.close()
        self._check()
        self._injector.step("close")

    def __enter__(self) -> FaultyFile:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._handle, name)


@contextlib.contextmanager
def injected(injector: Injector) -> Iterator[Injector]:
    """Route the file-system calls of a write through *injector* while the block runs."""
    real_open, real_mkdir, real_fdopen = os.open, os.mkdir, os.fdopen
    real_fsync, real_chmod, real_replace, real_rename = os.fsync, os.chmod, os.replace, os.rename
    real_path_open = pathlib.Path.open

    def fake_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & _WRITE_FLAGS:
            injector.step("open")
        return real_open(path, flags, *args, **kwargs)

    def fake_mkdir(path: Any, *args: Any, **kwargs: Any) -> None:
        injector.step("mkdir")
        real_mkdir(path, *args, **kwargs)

    def fake_fdopen(fd: int, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        handle = real_fdopen(fd, mode, *args, **kwargs)
        return FaultyFile(handle, injector) if "w" in mode else handle

    def fake_path_open(self: Path, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if "w" not in mode:
            return real_path_open(self, mode, *args, **kwargs)
        injector.step("open")
        return FaultyFile(real_path_open(self, mode, *args, **kwargs), injector)

    def fake_fsync(fd: int) -> None:
        injector.step("fsync")
        real_fsync(fd)

    def fake_chmod(path: Any, *args: Any, **kwargs: Any) -> None:
        injector.step("chmod")
        real_chmod(path, *args, **kwargs)

    def fake_replace(source: Any, target: Any, *args: Any, **kwargs: Any) -> None:
        injector.step("replace")
        real_replace(source, target, *args, **kwargs)

    def fake_rename(source: Any, target: Any, *args: Any, **kwargs: Any) -> None:
        injector.step("replace")
        real_rename(source, target, *args, **kwargs)

    real_exchange = _write._exchange

    def fake_exchange(first: Path, second: Path) -> bool:
        # Two folders trading places in one system call is a replace too.
        injector.step("replace")
        return real_exchange(first, second)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "open", fake_open)
        patch.setattr(os, "mkdir", fake_mkdir)
        patch.setattr(os, "fdopen", fake_fdopen)
        patch.setattr(os, "fsync", fake_fsync)
        patch.setattr(os, "chmod", fake_chmod)
        patch.setattr(os, "replace", fake_replace)
        patch.setattr(os, "rename", fake_rename)
        patch.setattr(_write, "_exchange", fake_exchange)
        patch.setattr(pathlib.Path, "open", fake_path_open)
        yield injector


# --------------------------------------------------------------------------------------------
# The writers
# --------------------------------------------------------------------------------------------


class Subject:
    """A landscape with its graph and scorecards made once, so that writing is all a run does."""

    def __init__(self, landscape: Landscape) -> None:
        self.landscape = landscape
        self.graph: StakeholderGraph = democratie.build_graph(landscape)
        self.cards: Scorecards = democratie.score(landscape, graph=self.graph)


Writer = Callable[[Subject, Path], Path]


def _exporter(name: str, target: str) -> Writer:
    def write(subject: Subject, folder: Path) -> Path:
        return export(subject.landscape, name, folder / target, graph=subject.graph, options=FIXED)

    return write


def _suffix(name: str) -> str:
    exporter = next(e for e in BUILTIN_EXPORTERS if e.name == name)
    return exporter.suffixes[0] if exporter.suffixes else ".out"


def _dump(target: str) -> Writer:
    def write(subject: Subject, folder: Path) -> Path:
        democratie.dump(subject.landscape, folder / target)
        return folder / target

    return write


WRITERS: dict[str, Writer] = {
    "dump-json": _dump("land.json"),
    "dump-toml": _dump("land.toml"),
    **{
        f"export-{e.name}": _exporter(e.name, f"land{_suffix(e.name)}")
        for e in BUILTIN_EXPORTERS
        if e.name != "csv"
    },
    "export-csv-folder": _exporter("csv", "land-csv"),
    "export-csv-zip": _exporter("csv", "land.zip"),
    "report": lambda s, folder: write_report(
        s.landscape, folder, name="land", lang="en", scorecards=s.cards, graph=s.graph
    ),
    # In pages: a landing page, and a folder of pages put in place as the CSV folder is.
    "report-pages": lambda s, folder: write_report(
        s.landscape, folder, name="land", lang="en", scorecards=s.cards, graph=s.graph, paged=True
    ),
}


def test_every_built_in_exporter_is_covered() -> None:
    covered = {name.removeprefix("export-").removesuffix("-folder") for name in WRITERS}
    assert {e.name for e in BUILTIN_EXPORTERS} <= covered


@pytest.fixture(scope="module")
def subjects() -> tuple[Subject, Subject]:
    """The previous good landscape and the new one, which differ in every file written."""
    new = examples.load("leusden-samenleving-voorop")
    old = examples.load("m50-leerkring-waalwijk")
    return Subject(old), Subject(new)


# --------------------------------------------------------------------------------------------
# What a folder holds
# --------------------------------------------------------------------------------------------

Snapshot = dict[str, bytes | None]


def snapshot(folder: Path) -> Snapshot:
    """Every file and folder below *folder* (hidden ones too), by relative path."""
    found: Snapshot = {}
    for path in sorted(folder.rglob("*")):
        found[path.relative_to(folder).as_posix()] = path.read_bytes() if path.is_file() else None
    return found


def restore(folder: Path, state: Snapshot) -> None:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir()
    for name, data in state.items():
        path = folder / name
        if data is None:
            path.mkdir(parents=True, exist_ok=True)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)


def _show(state: Snapshot) -> list[str]:
    return sorted(state)


# --------------------------------------------------------------------------------------------
# One fault at every step
# --------------------------------------------------------------------------------------------

#: Faults injected, by kind; said once the module has run.
INJECTED: Counter[str] = Counter()


def _outcome(writer: Writer, subject: Subject, folder: Path, injector: Injector) -> str:
    with injected(injector):
        try:
            writer(subject, folder)
        except WriteError:
            return "write-error"
        except KeyboardInterrupt:
            return "interrupted"
        except Exception as error:
            return f"{type(error).__name__}: {error}"
    return "written"


@pytest.mark.parametrize("previous", [True, False], ids=["over-a-good-file", "fresh"])
@pytest.mark.parametrize("name", list(WRITERS))
def test_a_fault_at_any_step_leaves_the_old_state_or_the_new_one(
    name: str, previous: bool, subjects: tuple[Subject, Subject], tmp_path: Path
) -> None:
    writer = WRITERS[name]
    old_subject, new_subject = subjects
    folder = tmp_path / "out"
    folder.mkdir()
    if previous:
        writer(old_subject, folder)
    before = snapshot(folder)

    counting = Injector()
    with injected(counting):
        writer(new_subject, folder)
    after = snapshot(folder)
    assert after != before
    assert not [p for p in after if p.startswith(".")], "a temporary file was left behind"
    steps = counting.steps
    assert {"open", "write", "fsync", "close", "replace"} <= set(steps), steps

    broken: dict[str, str] = {}
    for fault in FAULTS:
        for fail_at in range(1, len(steps) + 1):
            restore(folder, before)
            injector = Injector(fail_at, fault)
            outcome = _outcome(writer, new_subject, folder, injector)
            assert injector.fired
            INJECTED[fault.name] += 1
            state = snapshot(folder)
            where = f"{fault.name} at step {fail_at} ({steps[fail_at - 1]})"
            expected = "interrupted" if fault.name == "interrupted" else "write-error"
            if outcome == "written" and state == after:
                wrong = None
            elif outcome != expected:
                wrong = f"{outcome}, not {expected}"
            elif state != before:
                wrong = f"the folder changed: {sorted(before)} became {sorted(state)}"
            else:
                wrong = None
            if wrong is not None:
                broken[where] = wrong
    assert broken == {}, f"steps of {steps}"


@pytest.mark.parametrize("name", list(WRITERS))
def test_a_name_the_system_refuses_is_a_write_error(
    name: str, subjects: tuple[Subject, Subject], tmp_path: Path
) -> None:
    with pytest.raises(WriteError) as raised:
        WRITERS[name](subjects[1], tmp_path / "land\x00s")
    assert "not a usable" in raised.value.reason
    assert raised.value.path.startswith(str(tmp_path))
    assert snapshot(tmp_path) == {}


# --------------------------------------------------------------------------------------------
# Real crashes and a real full disk, in a child process
# --------------------------------------------------------------------------------------------

_CHILD = """
import os, resource, signal, sys
from pathlib import Path
import democratie
from democratie import examples
from democratie.exporters import export

folder = Path(sys.argv[1])
how = sys.argv[2]
land = examples.load("leusden-samenleving-voorop")
if how == "crash-before-rename":
    real = os.replace
    def crash(source, target, *args, **kwargs):
        os.kill(os.getpid(), signal.SIGKILL)
    os.replace = crash
elif how == "crash-after-write":
    def crash(fd):
        os.kill(os.getpid(), signal.SIGKILL)
    os.fsync = crash
elif how == "disk-full":
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (2000, 2000))
outcomes = []
for name, write in (
    ("dump", lambda: democratie.dump(land, folder / "land.json")),
    ("csv", lambda: export(land, "csv", folder / "land-csv", options={"generated": "2025-03-01"})),
    ("graphml", lambda: export(land, "graphml", folder / "land.graphml")),
):
    try:
        write()
    except democratie.WriteError as error:
        outcomes.append([name, "write-error", error.reason])
    except Exception as error:
        outcomes.append([name, type(error).__name__, str(error)])
    else:
        outcomes.append([name, "written", ""])
print(__import__("json").dumps(outcomes))
"""


def _child(folder: Path, how: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(SRC), "DEMOCRATIE_DISABLE_ENTRYPOINTS": "1"}
    return subprocess.run(
        [sys.executable, "-c", _CHILD, str(folder), how],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _temporary_of(name: str) -> str:
    """The file a hidden temporary file (``.land.json.k2j4h1.tmp``) was to become."""
    assert name.startswith("."), name
    assert name.endswith(".tmp"), name
    return name[1 : name.rindex(".", 0, len(name) - len(".tmp"))]


def _good_files(folder: Path) -> Snapshot:
    land = Landscape(title="Het goede bestand")
    democratie.dump(land, folder / "land.json")
    export(land, "csv", folder / "land-csv", options=FIXED)
    export(land, "graphml", folder / "land.graphml")
    return snapshot(folder)


@pytest.mark.skipif(sys.platform == "win32", reason="uses POSIX signals")
@pytest.mark.parametrize("how", ["crash-before-rename", "crash-after-write"])
def test_a_process_killed_mid_write_leaves_the_good_file(how: str, tmp_path: Path) -> None:
    before = _good_files(tmp_path)
    done = _child(tmp_path, how)
    assert done.returncode == -9, done.stderr
    state = snapshot(tmp_path)
    # The good files are all there, unchanged; only a hidden temporary file may remain,
    # which nothing reads and the next write does not trip over.
    assert {k: v for k, v in state.items() if not k.startswith(".")} == before
    leftovers = [_temporary_of(k) for k in state if k.startswith(".")]
    assert leftovers == ["land.json"], leftovers
    land = examples.load("leusden-samenleving-voorop")
    democratie.dump(land, tmp_path / "land.json")
    assert democratie.load(tmp_path / "land.json") == land


@pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="needs RLIMIT_FSIZE and SIGXFSZ as on Linux"
)
def test_a_full_disk_leaves_the_good_files(tmp_path: Path) -> None:
    before = _good_files(tmp_path)
    done = _child(tmp_path, "disk-full")
    assert done.returncode == 0, done.stderr
    outcomes = json.loads(done.stdout)
    assert [(name, outcome) for name, outcome, _ in outcomes] == [
        ("dump", "write-error"),
        ("csv", "write-error"),
        ("graphml", "write-error"),
    ]
    assert all("too large" in reason.lower() for _, _, reason in outcomes), outcomes
    # The good files are unchanged, and no temporary file or folder is left behind.
    assert snapshot(tmp_path) == before


# --------------------------------------------------------------------------------------------
# The count
# --------------------------------------------------------------------------------------------


@pytest.fixture(autouse=True, scope="module")
def _count_the_faults(pytestconfig: pytest.Config) -> Iterator[None]:
    """After the module, say how many faults were injected, whichever tests ran."""
    yield
    if INJECTED:
        total = sum(INJECTED.values())
        message = f"\nfailed writes: {total:,} faults injected ({dict(INJECTED)})"
        _say(pytestconfig, message)


def _say(config: pytest.Config, line: str) -> None:
    """Write a line on the terminal, past pytest's capture."""
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    capture = config.pluginmanager.get_plugin("capturemanager")
    if reporter is None or capture is None:
        return
    with capture.global_and_fixture_disabled():
        reporter.write_line(line)

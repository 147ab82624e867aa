"""Put a finished export in place: a file atomically, a folder as a whole.

A folder of files is written complete into a hidden folder beside the destination,
then put in place. Where the system can exchange two folders in one step (Linux's
``renameat2`` with ``RENAME_EXCHANGE``), the new export and the old one trade places
at once, so the destination is never missing, whenever the program is stopped.
Elsewhere an older export is moved aside first, into a hidden folder named
``.<name>.<random>.old``, and removed only once the new one is in place, and moved
back if that fails. A program killed between those two moves leaves the old export
in that hidden folder; the next export to the same destination puts it back first.
A destination folder that holds anything an export did not write is never replaced.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import shutil
import sys
import tempfile
from collections.abc import Collection, Iterator, Mapping
from pathlib import Path

from democratie._atomic import new_folder, write_atomic
from democratie.errors import WriteError
from democratie.exporters._common import ExportError

__all__ = ["recover", "staged", "swapped", "write_file", "write_folder"]


def write_file(destination: Path, data: bytes) -> Path:
    """Write *data* to a temporary file beside *destination* and move it into place.

    Raises
    ------
    ExportError
        When the destination is a folder.
    WriteError
        When the file cannot be written; a previous file is left as it was.

    Examples
    --------
    >>> import tempfile
    >>> folder = tempfile.TemporaryDirectory()
    >>> written = write_file(Path(folder.name) / "land.json", b'{"format": "democratie/1"}')
    >>> written.name, written.read_bytes()
    ('land.json', b'{"format": "democratie/1"}')
    >>> [p.name for p in Path(folder.name).iterdir()]
    ['land.json']
    >>> folder.cleanup()
    """
    if destination.is_dir():
        message = f"{destination} is a folder; give a file name for this format"
        raise ExportError(message)
    return write_atomic(destination, data)


def write_folder(
    destination: Path, files: Mapping[str, bytes], *, replaceable: Collection[str]
) -> Path:
    """Write *files* into the folder *destination*, replacing an earlier export there.

    Parameters
    ----------
    destination
        The folder to create or replace; its parent must exist.
    files
        The files by name (plain names, no folders).
    replaceable
        The names an export of this format may write: an existing folder is replaced
        only when it holds nothing else (an empty folder, or an earlier export).

    Raises
    ------
    ExportError
        When the destination is a file, or a folder holding other files.
    WriteError
        When the files cannot be written or moved into place; whatever was at the
        destination is left as it was.

    Examples
    --------
    >>> import tempfile
    >>> folder = tempfile.TemporaryDirectory()
    >>> files = {"nodes.csv": b"id,label", "README.md": b"# The data"}
    >>> out = write_folder(Path(folder.name) / "tables", files, replaceable=files)
    >>> sorted(p.name for p in out.iterdir())
    ['README.md', 'nodes.csv']
    >>> _ = (out / "notes.txt").write_text("mine")
    >>> write_folder(out, files, replaceable=files)
    Traceback (most recent call last):
        ...
    democratie.exporters._common.ExportError: .../tables holds files that this export did not
    write (notes.txt); choose a new or empty folder
    >>> folder.cleanup()
    """
    if destination.exists() and not destination.is_dir():
        message = f"{destination} is a file; this format writes a folder of files"
        raise ExportError(message)
    if destination.is_dir():
        foreign = sorted(
            entry.name for entry in destination.iterdir() if entry.name not in replaceable
        )
        if foreign:
            shown = ", ".join(foreign[:5]) + (", ..." if len(foreign) > 5 else "")
            message = (
                f"{destination} holds files that this export did not write ({shown}); "
                "choose a new or empty folder"
            )
            raise ExportError(message)
    recover(destination)
    try:
        staging = staged(destination, files)
        try:
            with swapped(staging, destination):
                pass
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    except OSError as error:
        raise WriteError(str(destination), error.strerror or str(error)) from error
    except ValueError as error:
        # A name the operating system refuses outright, such as one with a NUL in it.
        raise WriteError(str(destination), f"this is not a usable file name: {error}") from error
    return destination


def staged(destination: Path, files: Mapping[str, bytes]) -> Path:
    """*files* written and flushed into a new hidden folder beside *destination*: that folder.

    The folder and its files have the modes a new folder and file get (``0o777`` and
    ``0o666`` less the umask). On any failure the folder is removed and the error raised.

    Examples
    --------
    >>> import tempfile
    >>> parent = Path(tempfile.mkdtemp())
    >>> staging = staged(parent / "tables", {"nodes.csv": b"id"})
    >>> staging.name.startswith(".tables."), [p.name for p in staging.iterdir()]
    (True, ['nodes.csv'])
    >>> shutil.rmtree(parent)
    """
    staging = new_folder(destination.parent, f".{destination.name}.", ".tmp")
    try:
        for name, data in files.items():
            fd = os.open(staging / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return staging


def recover(destination: Path) -> bool:
    """Put back an earlier export that a killed swap left aside; whether one was.

    When *destination* is missing and a hidden ``.<name>.<random>.old`` folder beside
    it holds a folder of that name, the newest such is moved back into place.

    Examples
    --------
    >>> import tempfile
    >>> parent = Path(tempfile.mkdtemp())
    >>> aside = parent / ".tables.x1.old" / "tables"
    >>> aside.mkdir(parents=True)
    >>> _ = (aside / "nodes.csv").write_text("id")
    >>> recover(parent / "tables"), sorted(p.name for p in parent.iterdir())
    (True, ['tables'])
    >>> recover(parent / "tables")
    False
    >>> shutil.rmtree(parent)
    """
    if destination.exists() or destination.is_symlink():
        return False
    try:
        holders = [
            holder
            for holder in destination.parent.glob(f".{destination.name}.*.old")
            if (holder / destination.name).is_dir()
        ]
    except OSError:
        return False
    if not holders:
        return False
    newest = max(holders, key=lambda holder: (holder.stat().st_mtime_ns, holder.name))
    try:
        (newest / destination.name).replace(destination)
    except OSError:
        return False
    shutil.rmtree(newest, ignore_errors=True)
    return True


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(first: Path, second: Path) -> bool:
    """Trade the places of two folders in one step; False where the system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_uint,
    ]
    renameat2.restype = ctypes.c_int
    done = renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    if done == 0:
        return True
    errno = ctypes.get_errno()
    if errno in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: not on this file system
        return False
    raise OSError(errno, os.strerror(errno), str(second))


@contextlib.contextmanager
def swapped(staging: Path, destination: Path) -> Iterator[None]:
    """Put the finished folder *staging* in place of *destination* while the block runs.

    When the block completes, the earlier folder is removed; when it raises, the earlier
    folder is put back in place (and the new one is left at *staging*, or removed) before
    the error goes on. Where two folders can trade places in one step they do. Otherwise
    the earlier folder is moved aside into a hidden ``.<name>.<random>.old`` folder first,
    and whatever stops the swap half-way, an error or an interruption such as
    ``KeyboardInterrupt``, it is moved back; a kill between the two moves is undone by
    :func:`recover` on the next write.

    Examples
    --------
    >>> import tempfile
    >>> parent = Path(tempfile.mkdtemp())
    >>> (parent / "tables").mkdir()
    >>> _ = (parent / "tables" / "old.csv").write_text("old")
    >>> staging = staged(parent / "tables", {"new.csv": b"new"})
    >>> with swapped(staging, parent / "tables"):
    ...     print([p.name for p in (parent / "tables").iterdir()])
    ['new.csv']
    >>> sorted(p.name for p in parent.iterdir())
    ['tables']
    >>> shutil.rmtree(parent)
    """
    if not destination.exists() and not destination.is_symlink():
        staging.replace(destination)
        try:
            yield
        except BaseException:
            with contextlib.suppress(OSError):
                destination.replace(staging)
            raise
        return
    # A symlink would trade places itself, not the folder it names: moved aside instead.
    if not destination.is_symlink() and _exchange(staging, destination):
        try:
            yield
        except BaseException:
            # The earlier folder is at *staging* now: it trades places back.
            _exchange(staging, destination)
            raise
        shutil.rmtree(staging, ignore_errors=True)
        return
    holder = Path(
        tempfile.mkdtemp(prefix=f".{destination.name}.", suffix=".old", dir=destination.parent)
    )
    backup = holder / destination.name
    try:
        destination.replace(backup)
        staging.replace(destination)
        yield
    except BaseException:
        if backup.exists() and destination.exists() and not staging.exists():
            with contextlib.suppress(OSError):
                destination.replace(staging)
        _put_back(backup, destination, holder)
        raise
    shutil.rmtree(holder, ignore_errors=True)


def _put_back(backup: Path, destination: Path, holder: Path) -> None:
    """Undo a swap that stopped half-way: the earlier export back in place, no hidden folder.

    Decided by what is on disk rather than by how far the swap got, so that an
    interruption between a move and the next statement is undone too.
    """
    if backup.exists() and not destination.exists():
        try:
            backup.replace(destination)
        except OSError:
            return  # the earlier export stays in the hidden folder rather than being lost
    shutil.rmtree(holder, ignore_errors=True)

"""Put a finished export in place: a file atomically, a folder as a whole.

A folder of files cannot be replaced in one atomic step. It is written complete into
a hidden folder beside the destination, then moved into place; an older export at
the destination is moved aside first and removed only once the new one is in place,
and moved back if that fails. A destination folder that holds anything an export
did not write is never replaced.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Collection, Mapping
from pathlib import Path

from democratie._atomic import write_atomic
from democratie.errors import WriteError
from democratie.exporters._common import ExportError

__all__ = ["write_file", "write_folder"]


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


def _mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


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
    parent = destination.parent
    umask = _mode()
    staging: Path | None = None
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{destination.name}.", suffix=".tmp", dir=parent))
        for name, data in files.items():
            path = staging / name
            with path.open("wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            path.chmod(0o666 & ~umask)
        staging.chmod(0o777 & ~umask)
        _swap(staging, destination)
        staging = None
    except OSError as error:
        raise WriteError(str(destination), error.strerror or str(error)) from error
    except ValueError as error:
        # A name the operating system refuses outright, such as one with a NUL in it.
        raise WriteError(str(destination), f"this is not a usable file name: {error}") from error
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
    return destination


def _swap(staging: Path, destination: Path) -> None:
    """Move the finished folder into place, keeping the old one until that has worked.

    Whatever stops the swap half-way, an error or an interruption such as
    ``KeyboardInterrupt``, the earlier export is moved back before it is raised.
    """
    if not destination.exists():
        staging.replace(destination)
        return
    holder = Path(
        tempfile.mkdtemp(prefix=f".{destination.name}.", suffix=".old", dir=destination.parent)
    )
    backup = holder / destination.name
    try:
        destination.replace(backup)
        staging.replace(destination)
    except BaseException:
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

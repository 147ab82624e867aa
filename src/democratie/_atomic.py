"""Write files atomically: a failed write never leaves a half-written or clobbered file.

New files and folders are made with the modes ``0o666`` and ``0o777``, which the system
reduces by the process's umask as it makes them: the umask is never read, since reading
it means setting it, for a moment, for every thread of the process.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from democratie.errors import WriteError

__all__ = ["new_file", "new_folder", "write_atomic"]

_TRIES = 100
_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def new_file(folder: Path, prefix: str, suffix: str) -> tuple[int, Path]:
    """A new file ``<prefix><random><suffix>`` in *folder*, open for writing: its descriptor.

    Its mode is ``0o666`` less the umask, as for any file a program makes.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     fd, path = new_file(Path(folder), ".land.", ".tmp")
    ...     os.close(fd)
    ...     print(path.name.startswith(".land."), path.suffix, path.stat().st_size)
    True .tmp 0
    """
    for _ in range(_TRIES):
        path = folder / f"{prefix}{secrets.token_hex(4)}{suffix}"
        try:
            return os.open(path, _FLAGS, 0o666), path
        except FileExistsError:
            continue
    raise FileExistsError(f"no free name for a temporary file in {folder}")  # pragma: no cover


def new_folder(folder: Path, prefix: str, suffix: str) -> Path:
    """A new empty folder ``<prefix><random><suffix>`` in *folder*, mode ``0o777`` less the umask.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     made = new_folder(Path(folder), ".tables.", ".tmp")
    ...     print(made.is_dir(), made.name.endswith(".tmp"))
    True True
    """
    for _ in range(_TRIES):
        path = folder / f"{prefix}{secrets.token_hex(4)}{suffix}"
        try:
            path.mkdir(0o777)
        except FileExistsError:
            continue
        return path
    raise FileExistsError(f"no free name for a temporary folder in {folder}")  # pragma: no cover


def write_atomic(destination: str | os.PathLike[str], data: bytes) -> Path:
    r"""Write *data* to a temporary file beside *destination*, then move it into place.

    The previous file, if any, stays intact until the new one is complete and
    flushed to disk; on any failure the temporary file is removed and
    :class:`~democratie.errors.WriteError` is raised. An interruption (such as
    ``KeyboardInterrupt``) is raised as it is, after the same clean-up.

    Returns
    -------
    Path
        The destination.

    Raises
    ------
    WriteError
        When the file cannot be written, with the reason the operating system
        gives, or when *destination* is not a usable file name.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     written = write_atomic(Path(folder, "land.json"), b"{}")
    ...     print(written.read_bytes(), sorted(p.name for p in Path(folder).iterdir()))
    b'{}' ['land.json']
    >>> try:
    ...     write_atomic("land\x00.json", b"{}")
    ... except WriteError as error:
    ...     print(error.reason)
    this is not a usable file name: embedded null byte
    """
    target = Path(destination)
    directory = target.parent if str(target.parent) else Path()
    handle = None
    temporary: str | None = None
    try:
        fd, made = new_file(directory, f".{target.name}.", ".tmp")
        temporary = str(made)
        handle = os.fdopen(fd, "wb")
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
        handle.close()
        handle = None
        if target.exists():
            # A file written again keeps its mode; a new one has the umask's.
            with contextlib.suppress(OSError):
                Path(temporary).chmod(target.stat().st_mode & 0o7777)
        Path(temporary).replace(target)
        temporary = None
    except OSError as error:
        raise WriteError(str(target), error.strerror or str(error)) from error
    except ValueError as error:
        # A name the operating system refuses outright, such as one with a NUL in it.
        raise WriteError(str(target), f"this is not a usable file name: {error}") from error
    finally:
        if handle is not None:
            # After a failed write, closing flushes the rest again and fails the same way
            # (a full disk stays full): that must not hide the first error, nor stop the
            # temporary file from being removed.
            with contextlib.suppress(OSError):
                handle.close()
        if temporary is not None:
            with contextlib.suppress(OSError):
                Path(temporary).unlink()
    return target

"""Write files atomically: a failed write never leaves a half-written or clobbered file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from democratie.errors import WriteError

__all__ = ["write_atomic"]


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
        fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
        handle = os.fdopen(fd, "wb")
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
        handle.close()
        handle = None
        if target.exists():
            with contextlib.suppress(OSError):
                Path(temporary).chmod(target.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            Path(temporary).chmod(0o666 & ~umask)
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

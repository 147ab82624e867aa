"""Write files atomically: a failed write never leaves a half-written or clobbered file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from democratie.errors import WriteError

__all__ = ["write_atomic"]


def write_atomic(destination: str | os.PathLike[str], data: bytes) -> Path:
    """Write *data* to a temporary file beside *destination*, then move it into place.

    The previous file, if any, stays intact until the new one is complete and
    flushed to disk; on any failure the temporary file is removed and
    :class:`~democratie.errors.WriteError` is raised.

    Returns
    -------
    Path
        The destination.
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
    finally:
        if handle is not None:
            handle.close()
        if temporary is not None:
            with contextlib.suppress(OSError):
                Path(temporary).unlink()
    return target

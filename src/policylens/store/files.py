"""Writing files (report, exports): whole or not at all, with errors people can act on.

``OPEN`` is the one place our code opens a file for writing. It is a documented
fault-injection hook: tests replace it with a function raising ``OSError(ENOSPC)``
or ``OSError(EROFS)`` to check that a full disk or a read-only folder gives a
clear error and leaves no half-written file (docs/reliability.md).
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path
from typing import Callable, TextIO

from ..errors import PolicylensError

OPEN: Callable[..., TextIO] = open

_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}


def write_text_atomic(path: Path, text: str) -> Path:
    """Write ``text`` to ``path`` through a temporary file, so a failure leaves the old file."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with OPEN(tmp, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        _remove_quietly(tmp)
        raise storage_error(path, exc) from exc
    return path


def _remove_quietly(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass  # the folder itself is unwritable: there is nothing to clean


def storage_error(path: Path, exc: OSError) -> PolicylensError:
    """A message for a failed write that says what to do about it."""
    if exc.errno in _FULL:
        return PolicylensError(
            f"The disk holding {path} is full ({exc.strerror}): free some space or choose "
            "another location, then run the command again. Nothing was half-written.")
    if exc.errno in _READ_ONLY:
        return PolicylensError(
            f"Cannot write {path}: the location is read-only ({exc.strerror}). Make the "
            "folder writable or choose another one (--project / -o).")
    return PolicylensError(f"Cannot write {path}: {exc.strerror or exc}. Check the folder "
                           "and free disk space, then run the command again.")


def database_error(path: str, exc: sqlite3.Error) -> PolicylensError | None:
    """The storage failure behind an SQLite error, or None when it is something else."""
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary == sqlite3.SQLITE_FULL:
        reason = "the disk is full: free some space"
    elif primary == sqlite3.SQLITE_READONLY:
        reason = "the database or its folder is read-only: make it writable"
    elif primary in (sqlite3.SQLITE_IOERR, sqlite3.SQLITE_CANTOPEN):
        reason = "the disk could not be written: check the disk and free space"
    else:
        return None
    return PolicylensError(
        f"Cannot write to the project database {path} ({exc}): {reason}, then run the "
        "command again. The batch being written was rolled back; nothing was half-written.")

"""One writer per project: an advisory lock that dies with its process."""

from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from ..errors import PolicylensError
from .files import storage_error

LOCK_NAME = ".policylens.lock"


@contextmanager
def project_lock(project: Path) -> Iterator[None]:
    """Hold the project's write lock; a second writer fails with a clear message."""
    path = Path(project) / LOCK_NAME
    try:
        fh = open(path, "a+")
    except OSError as exc:
        raise storage_error(path, exc) from exc
    with fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            fh.seek(0)
            owner = fh.read().strip() or "another process"
            raise PolicylensError(
                f"Another policylens run (pid {owner}) is writing to {project}. "
                "Wait for it to finish, then run the command again."
            ) from exc
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))
        fh.flush()
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)

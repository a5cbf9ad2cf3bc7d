"""Progress bars on long work (rich), silent when turned off."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn,
                           TextColumn, TimeElapsedColumn)


@contextmanager
def progress_bar(enabled: bool) -> Iterator[Progress]:
    progress = Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
        MofNCompleteColumn(), TimeElapsedColumn(),
        console=Console(stderr=True), disable=not enabled, transient=False,
    )
    with progress:
        yield progress

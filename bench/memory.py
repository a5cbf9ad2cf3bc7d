"""Peak memory of this process and every process it started (pool, Dask workers)."""

from __future__ import annotations

import threading
import time

import psutil


def tree_rss_mb(proc: psutil.Process) -> float:
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue  # a worker that exited between listing and reading
    return total / 2**20


class PeakMemory(threading.Thread):
    """Samples the RSS of the process tree every ``interval`` seconds."""

    def __init__(self, interval: float = 0.2) -> None:
        super().__init__(daemon=True)
        self.interval = interval
        self.peak_mb = 0.0
        self.samples: list[tuple[float, float]] = []
        self._stop_event = threading.Event()
        self._proc = psutil.Process()

    def run(self) -> None:
        began = time.perf_counter()
        while not self._stop_event.is_set():
            rss = tree_rss_mb(self._proc)
            self.peak_mb = max(self.peak_mb, rss)
            self.samples.append((time.perf_counter() - began, rss))
            time.sleep(self.interval)

    def __enter__(self) -> "PeakMemory":
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop_event.set()
        self.join()

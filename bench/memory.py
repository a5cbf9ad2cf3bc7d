"""Peak memory and CPU time of this process and every process it started (pool, Dask workers)."""

from __future__ import annotations

import threading
import time

import psutil


def tree_sample(proc: psutil.Process, cpu: dict[int, float]) -> float:
    """RSS of the tree in MB; records each process's CPU seconds so far in ``cpu``."""
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
            times = p.cpu_times()
            cpu[p.pid] = times.user + times.system
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
        self._cpu_start: dict[int, float] = {}
        self._cpu: dict[int, float] = {}

    @property
    def cpu_seconds(self) -> float:
        """CPU time spent by the tree while sampling (processes seen at least once)."""
        return sum(t - self._cpu_start.get(pid, 0.0) for pid, t in self._cpu.items())

    def run(self) -> None:
        began = time.perf_counter()
        tree_sample(self._proc, self._cpu_start)  # already running: count from here
        while not self._stop_event.is_set():
            rss = tree_sample(self._proc, self._cpu)
            self.peak_mb = max(self.peak_mb, rss)
            self.samples.append((time.perf_counter() - began, rss))
            time.sleep(self.interval)

    def __enter__(self) -> "PeakMemory":
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop_event.set()
        self.join()
        tree_sample(self._proc, self._cpu)

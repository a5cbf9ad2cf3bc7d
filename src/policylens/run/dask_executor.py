"""The Dask executor: partitions as tasks on a ``dask.distributed`` cluster.

Workers run ``tasks.process_partition`` (an importable function, so they keep
their loaded model between tasks) and write each partition's rows as Parquet
into the run folder; the driver reads them back and merges one partition per
transaction. A worker that dies is replaced and its tasks rerun elsewhere.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from ..errors import PolicylensError, UsageError
from ..settings import Settings
from ..stages import Rows, Stage
from .executors import Partition, in_order
from .partitions import read_partition, remove_partition, run_folder
from .tasks import process_partition

CONNECT_TIMEOUT = "20s"
# Dask's default MALLOC_TRIM_THRESHOLD_ for workers cost 15-20% of spaCy's
# throughput here (DESIGN.md, stack notes); the thread limits are kept.
WORKER_ENV = {"OMP_NUM_THREADS": 1, "MKL_NUM_THREADS": 1, "OPENBLAS_NUM_THREADS": 1}


def _distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise UsageError(
            "The dask executor needs dask.distributed: pip install 'policylens[dask]' "
            "(or use --executor local)."
        ) from exc
    return distributed


def _died(work: str, exc: BaseException) -> PolicylensError:
    return PolicylensError(
        f"Dask workers kept dying while running {work} ({exc}). The partitions finished "
        "before are saved: check the workers' memory and logs, then run the command "
        "again to resume."
    )


@dataclass
class DaskExecutor:
    settings: Settings
    db_file: str
    project: Path
    run_id: int
    client: Any = None
    cluster: Any = None

    def start(self) -> Any:
        if self.client is None:
            self.client = self._connect()
        return self.client

    def _connect(self) -> Any:
        import dask

        distributed = _distributed()
        if self.settings.scheduler:
            try:
                return distributed.Client(self.settings.scheduler, timeout=CONNECT_TIMEOUT)
            except (OSError, TimeoutError) as exc:
                raise PolicylensError(
                    f"Cannot reach the Dask scheduler at {self.settings.scheduler} ({exc}). "
                    "Check the address (tcp://HOST:8786), or leave out --scheduler to "
                    "start a local cluster."
                ) from exc
        workers = self.settings.workers or os.cpu_count() or 1
        with dask.config.set({"distributed.nanny.pre-spawn-environ": WORKER_ENV}):
            self.cluster = distributed.LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True,
                dashboard_address=None, silence_logs=logging.ERROR)
        return distributed.Client(self.cluster)

    def workers(self) -> int:
        return max(1, sum(self.start().nthreads().values()))

    def map_function(self, fn: Callable[[Any, Settings], Any],
                     items: Iterable[Any]) -> Iterator[Any]:
        client = self.start()

        def submit(item: Any) -> Any:
            return client.submit(fn, item, self.settings, pure=False)

        try:
            yield from in_order(submit, items, 2 * self.workers())
        except _distributed().KilledWorker as exc:
            raise _died(fn.__name__, exc) from exc

    def map(self, stage: Stage, partitions: Iterable[Partition]) -> Iterator[Rows]:
        client = self.start()
        folder = run_folder(self.project, self.run_id)
        folder.mkdir(parents=True, exist_ok=True)

        def submit(part: Partition) -> Any:
            spill = folder / f"{stage.name}-{part.index:06d}"
            return client.submit(process_partition, stage, part.docs, self.settings,
                                 self.db_file, str(spill), pure=False)

        try:
            for path in in_order(submit, partitions, 2 * self.workers()):
                yield read_partition(Path(path))
                remove_partition(Path(path))  # merged by the driver meanwhile
        except _distributed().KilledWorker as exc:
            raise _died(stage.name, exc) from exc

    def close(self) -> None:
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()
        self.client = self.cluster = None
        folder = run_folder(self.project, self.run_id)
        remove_partition(folder)
        if folder.parent.is_dir() and not any(folder.parent.iterdir()):
            folder.parent.rmdir()

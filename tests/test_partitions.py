"""Partition files and the bounded, ordered submission window of the executors."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from policylens.run.executors import Partition, in_order
from policylens.run.partitions import read_partition, write_partition


def test_partition_rows_survive_parquet_unchanged(tmp_path: Path) -> None:
    rows = {"sentences": [{"id": "d:0", "idx": 0, "text": "Ein Satz — ½", "score": None},
                          {"id": "d:1", "idx": 1, "text": "", "score": None}],
            "parses": [{"doc_id": "d", "data": b"\x00\xffbytes"}],
            "mentions": []}
    folder = write_partition(tmp_path / "nlp-000001", rows)
    assert read_partition(folder) == {"sentences": rows["sentences"], "parses": rows["parses"]}


def test_a_half_written_partition_is_replaced_not_read(tmp_path: Path) -> None:
    leftover = tmp_path / "nlp-000001.tmp"
    leftover.mkdir()
    (leftover / "junk.parquet").write_bytes(b"not parquet")
    folder = write_partition(tmp_path / "nlp-000001", {"t": [{"a": 1}]})
    assert read_partition(folder) == {"t": [{"a": 1}]}
    assert not leftover.exists()


def test_in_order_keeps_order_and_bounds_work_in_flight() -> None:
    in_flight, peak, lock = 0, 0, threading.Lock()

    def work(part: Partition) -> int:
        nonlocal in_flight, peak
        with lock:
            in_flight += 1
            peak = max(peak, in_flight)
        time.sleep(0.02 * (part.index % 3))  # later partitions often finish first
        with lock:
            in_flight -= 1
        return part.index

    parts = (Partition(i, [str(i)], []) for i in range(20))
    with ThreadPoolExecutor(8) as pool:
        results = list(in_order(lambda p: pool.submit(work, p), parts, window=3))
    assert results == list(range(20))
    assert peak <= 3

"""Partition results as Parquet files: written by workers, merged by the driver.

A partition's folder appears under its final name only when every table file is
written (write to ``NAME.tmp``, then rename), so a worker killed mid-write
leaves nothing the driver could mistake for a result.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ..stages import Rows

FOLDER = "partitions"


def run_folder(project: Path, run_id: int) -> Path:
    """Where the partitions of one run are written, inside the project."""
    return Path(project) / FOLDER / f"run-{run_id}"


def write_partition(folder: Path, rows: Rows) -> Path:
    """Write one Parquet file per table into ``folder`` atomically; return it."""
    tmp = folder.with_name(folder.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)  # left by a worker killed on an earlier try
    tmp.mkdir(parents=True)
    for table, table_rows in rows.items():
        if table_rows:
            pq.write_table(pa.Table.from_pylist(table_rows), tmp / f"{table}.parquet")
    shutil.rmtree(folder, ignore_errors=True)
    os.replace(tmp, folder)
    return folder


def read_partition(folder: Path) -> Rows:
    """The rows of a partition written by ``write_partition``."""
    return {path.stem: pq.read_table(path).to_pylist()
            for path in sorted(Path(folder).glob("*.parquet"))}


def remove_partition(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)

"""Model results of the key-point stage kept across runs, keyed by the texts they are of.

The key-point stage reruns over every claim on each run; with this cache an incremental
run embeds and scores only the claims and pairs it has not seen with the same model.
The rows live in ``keypoint_cache``, which the stage adds to and never clears.
"""

from __future__ import annotations

import hashlib
import sqlite3
from typing import Any, Callable, Sequence

import numpy as np

from ..settings import Settings
from ..stages import StageContext
from .keypoint_work import run_chunked
from .model import model_fingerprint

LOOKUP = 500  # keys per query


def cache_key(kind: str, item: str | tuple[str, str]) -> str:
    texts = (item,) if isinstance(item, str) else item
    raw = "\x1f".join((model_fingerprint(), kind, *texts))
    return hashlib.blake2b(raw.encode("utf-8"), digest_size=16).hexdigest()


def cached_values(db: sqlite3.Connection, keys: Sequence[str]) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    for start in range(0, len(keys), LOOKUP):
        chunk = list(keys[start:start + LOOKUP])
        marks = ",".join("?" for _ in chunk)
        found.update(db.execute(f"SELECT key, value FROM keypoint_cache WHERE key IN ({marks})",
                                chunk).fetchall())
    return found


def run_cached(ctx: StageContext, kind: str, fn: Callable[[list[Any], Settings], np.ndarray],
               items: Sequence[Any], chunk: int, width: int,
               new_rows: list[dict[str, Any]], stamp: dict[str, str]) -> np.ndarray:
    """``fn`` over the items the cache lacks (on the executor); all results, in order.

    ``width`` is the number of values per item (1 for a score, 384 for a vector).
    Rows for the newly computed results are appended to ``new_rows``.
    """
    keys = [cache_key(kind, item) for item in items]
    known = cached_values(ctx.db, list(dict.fromkeys(keys)))
    first: dict[str, int] = {}
    for i, key in enumerate(keys):
        if key not in known:
            first.setdefault(key, i)
    todo = list(first.values())
    computed = run_chunked(ctx, fn, [items[i] for i in todo], chunk)
    fresh = np.concatenate(computed).reshape(len(todo), width) if computed else None
    for row, i in enumerate(todo):
        value = fresh[row].astype(np.float32).tobytes()  # type: ignore[index]
        known[keys[i]] = value
        new_rows.append({"key": keys[i], "kind": kind, "value": value, **stamp})
    out = np.zeros((len(items), width), dtype=np.float32)
    for i, key in enumerate(keys):
        out[i] = np.frombuffer(known[key], dtype=np.float32)
    return out

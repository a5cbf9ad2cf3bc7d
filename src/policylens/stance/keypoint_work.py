"""The model work of key points, in chunks an executor can spread over its workers.

The functions are importable (never closures) so that pool and Dask workers run
them with the stance model they already hold; results come back in order.
"""

from __future__ import annotations

from typing import Any, Callable, Sequence, TypeVar

import numpy as np

from ..settings import Settings
from ..stages import StageContext
from .model import load_model

EMBED_CHUNK = 64  # texts per task
MATCH_CHUNK = 256  # pairs per task

T = TypeVar("T")


def embed_texts(texts: list[str], settings: Settings) -> np.ndarray:
    return load_model().embed(texts)


def match_pairs(pairs: list[tuple[str, str]], settings: Settings) -> np.ndarray:
    return load_model().match(pairs)


def run_chunked(ctx: StageContext, fn: Callable[[list[T], Settings], np.ndarray],
                items: Sequence[T], size: int) -> list[np.ndarray]:
    """``fn`` over ``items`` in chunks, on the context's executor when it has one."""
    chunks = [list(items[i:i + size]) for i in range(0, len(items), size)]
    executor: Any = ctx.executor
    if executor is None:
        return [fn(chunk, ctx.settings) for chunk in chunks]
    return list(executor.map_function(fn, chunks))

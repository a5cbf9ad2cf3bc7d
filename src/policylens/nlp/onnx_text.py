"""A transformer exported to ONNX, run over texts or text pairs with onnxruntime + tokenizers.

Shared by the trained cross-encoders (stance, event type): no torch at run time.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence

import numpy as np

from ..errors import PolicylensError, UsageError

if TYPE_CHECKING:
    import onnxruntime as ort

THREADS_ENV = "POLICYLENS_MODEL_THREADS"
MAX_THREADS = 4  # texts run at once; more buys little on a laptop's cores


def session_options() -> "ort.SessionOptions":
    """onnxruntime options for every model of policylens."""
    import onnxruntime as ort

    opts = ort.SessionOptions()
    # Stages may run in several processes at once: one thread each keeps the cores shared.
    opts.intra_op_num_threads = 1
    opts.inter_op_num_threads = 1
    # Exact int8 products on every x86 CPU: without VNNI, onnxruntime adds u8 x s8 products in
    # pairs into 16 bits, which saturate, so results (and every score) would depend on the CPU.
    opts.add_session_config_entry("session.x64quantprecision", "1")
    return opts


class OnnxTextModel:
    def __init__(self, model: Path, tokenizer: Path, max_tokens: int, what: str) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        if not model.exists() or not tokenizer.exists():
            raise PolicylensError(f"The {what} is missing at {model}: reinstall policylens "
                                  "(pip install --force-reinstall policylens).")
        self.session = ort.InferenceSession(str(model), session_options(),
                                            providers=["CPUExecutionProvider"])
        self.tokenizer = Tokenizer.from_file(str(tokenizer))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=max_tokens)

    def run(self, inputs: Sequence[str] | Sequence[tuple[str, str]], output: str) -> np.ndarray:
        """The named output for each text (or pair), in input order. Texts run one per call,
        several calls at once on ``model_threads()`` threads; each result is the same either way."""
        encodings = self.tokenizer.encode_batch(list(inputs))
        one = partial(self._one, output=output)
        threads = model_threads()
        rows = list(_pool(threads).map(one, encodings) if threads > 1 else map(one, encodings))
        return np.stack(rows) if rows else np.zeros((0,), dtype=np.float32)

    def _one(self, encoding, output: str) -> np.ndarray:  # type: ignore[no-untyped-def]
        """One text per run: dynamic int8 quantization scales activations over the whole input
        tensor, so a text's result would depend on which texts share its batch -- and batches
        differ between executors and partitions, whose results must be identical."""
        (out,) = self.session.run([output], feeds(encoding))
        return out[0]


def model_threads() -> int:
    """How many texts a model runs at once: the usable cores (at most ``MAX_THREADS``) in the
    process the user started, one in a worker process, whose pool or cluster already runs one
    process per core. ``POLICYLENS_MODEL_THREADS`` sets it."""
    value = os.environ.get(THREADS_ENV, "").strip()
    if value:
        if not value.isdigit() or int(value) < 1:
            raise UsageError(f"{THREADS_ENV} must be a whole number of 1 or more, got {value!r}: "
                             f"set it to 1 to run one text at a time, or unset it.")
        return int(value)
    if multiprocessing.parent_process() is not None:
        return 1
    return min(_usable_cores(), MAX_THREADS)


def _usable_cores() -> int:
    """Cores this process may run on (at least one)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


@lru_cache(maxsize=None)
def _pool(threads: int) -> ThreadPoolExecutor:
    """onnxruntime releases the GIL and lets threads run one session at once."""
    return ThreadPoolExecutor(threads, thread_name_prefix="policylens-model")


def feeds(encoding: Any) -> dict[str, np.ndarray]:
    """The model inputs for one tokenized text (or pair)."""
    n = len(encoding.ids)
    return {"input_ids": np.array([encoding.ids], dtype=np.int64),
            "attention_mask": np.ones((1, n), dtype=np.int64),
            "token_type_ids": np.array([encoding.type_ids], dtype=np.int64)}


def softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)

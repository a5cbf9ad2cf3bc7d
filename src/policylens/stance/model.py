"""The stance cross-encoder at run time: onnxruntime + tokenizers, no torch.

One int8 MiniLM-L6 with two heads, trained by ``train/train_stance.py``:
``stance`` gives pro/con/neutral probabilities for a (target, sentence) pair,
``match`` how strongly an argument makes a key point, ``embed`` a mean-pooled
vector of one text (used only to shortlist pairs before the cross-encoder scores them).
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Sequence

import numpy as np

from ..errors import PolicylensError

STANCES = ("pro", "con", "neutral")
MODEL_DIR = Path(str(files("policylens") / "data" / "models" / "stance"))
MAX_TOKENS = 128
BATCH = 32


class CrossEncoder:
    def __init__(self, model_dir: Path = MODEL_DIR) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        path = model_dir / "model.int8.onnx"
        if not path.exists():
            raise PolicylensError(f"The stance model is missing at {path}: reinstall policylens "
                                  "(pip install --force-reinstall policylens).")
        opts = ort.SessionOptions()
        # Stages may run in several processes at once: one thread each keeps the cores shared.
        opts.intra_op_num_threads = 1
        self.session = ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])
        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=MAX_TOKENS)

    def _run(self, encodings: list, output: str) -> np.ndarray:
        """Run in batches of similar length (less padding), results in input order."""
        order = sorted(range(len(encodings)), key=lambda i: len(encodings[i].ids))
        chunks: dict[int, np.ndarray] = {}
        for start in range(0, len(order), BATCH):
            idx = order[start:start + BATCH]
            width = max(len(encodings[i].ids) for i in idx)
            feeds = {n: np.zeros((len(idx), width), dtype=np.int64)
                     for n in ("input_ids", "attention_mask", "token_type_ids")}
            for row, i in enumerate(idx):
                e = encodings[i]
                feeds["input_ids"][row, :len(e.ids)] = e.ids
                feeds["token_type_ids"][row, :len(e.ids)] = e.type_ids
                feeds["attention_mask"][row, :len(e.ids)] = 1
            (out,) = self.session.run([output], feeds)
            chunks.update({i: out[row] for row, i in enumerate(idx)})
        return np.stack([chunks[i] for i in range(len(encodings))]) if encodings else np.zeros((0,))

    def stance(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """Probabilities [N, 3] in the order of STANCES for (target, sentence) pairs."""
        if not pairs:
            return np.zeros((0, 3), dtype=np.float32)
        logits = self._run(self.tokenizer.encode_batch(list(pairs)), "stance_logits")
        return _softmax(logits)

    def match(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """Probability [N] that the argument makes the key point, for (key_point, argument) pairs."""
        if not pairs:
            return np.zeros((0,), dtype=np.float32)
        logits = self._run(self.tokenizer.encode_batch(list(pairs)), "match_logit")
        return 1.0 / (1.0 + np.exp(-logits))

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length mean-pooled vectors [N, 384] of single texts."""
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        vecs = self._run(self.tokenizer.encode_batch(list(texts)), "pooled")
        return vecs / np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-9)


def _softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


@lru_cache(maxsize=1)
def load_model() -> CrossEncoder:
    """The shipped model, loaded once per process."""
    return CrossEncoder()

"""The stance cross-encoder at run time: onnxruntime + tokenizers, no torch.

One int8 MiniLM-L6 with two heads, trained by ``train/train_stance.py``:
``stance`` gives pro/con/neutral probabilities for a (target, sentence) pair,
``match`` how strongly an argument makes a key point, ``embed`` a mean-pooled
vector of one text (used only to shortlist pairs before the cross-encoder scores them).
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Sequence

import numpy as np

from ..nlp.onnx_text import OnnxTextModel, softmax

STANCES = ("pro", "con", "neutral")
MODEL_DIR = Path(str(files("policylens") / "data" / "models" / "stance"))
MAX_TOKENS = 128


class CrossEncoder:
    def __init__(self, model_dir: Path = MODEL_DIR) -> None:
        self.model = OnnxTextModel(model_dir / "model.int8.onnx", model_dir / "tokenizer.json",
                                   MAX_TOKENS, "stance model")

    def stance(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """Probabilities [N, 3] in the order of STANCES for (target, sentence) pairs."""
        if not pairs:
            return np.zeros((0, 3), dtype=np.float32)
        return softmax(self.model.run(pairs, "stance_logits"))

    def match(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """Probability [N] that the argument makes the key point, for (key_point, argument) pairs."""
        if not pairs:
            return np.zeros((0,), dtype=np.float32)
        return 1.0 / (1.0 + np.exp(-self.model.run(pairs, "match_logit")))

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length mean-pooled vectors [N, 384] of single texts."""
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        vecs = self.model.run(texts, "pooled")
        return vecs / np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-9)


@lru_cache(maxsize=1)
def load_model() -> CrossEncoder:
    """The shipped model, loaded once per process."""
    return CrossEncoder()


@lru_cache(maxsize=1)
def model_fingerprint(model_dir: Path = MODEL_DIR) -> str:
    """A digest of the shipped weights: results cached under it die with the model."""
    digest = hashlib.sha256((model_dir / "model.int8.onnx").read_bytes()).hexdigest()
    return digest[:16]

"""Sentence embeddings: all-MiniLM-L6-v2 as int8 ONNX, run with onnxruntime.

Mean pooling over real tokens, then L2 normalisation, as sentence-transformers
does. Only the shipped int8 model is used at run time: int8 and fp32 vectors
drift apart (mean cosine about 0.96), so vectors of the two are never mixed.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Sequence

import numpy as np

from ..errors import PolicylensError

MODEL_DIR = Path(str(files("policylens") / "data" / "models" / "minilm"))
MODEL_NAME = "minilm-l6-v2-int8"
DIMS = 384
MAX_TOKENS = 256  # the model's trained maximum sequence length
BATCH = 32


class Encoder:
    """One onnxruntime session and tokenizer; ``encode`` maps texts to unit vectors."""

    def __init__(self, model: Path, tokenizer: Path, threads: int = 1) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        if not Path(model).exists() or not Path(tokenizer).exists():
            raise PolicylensError(
                f"The sentence encoder is missing ({model}). Reinstall policylens, or "
                "rebuild it with: python train/export_encoder.py")
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        self.session = ort.InferenceSession(str(model), opts,
                                            providers=["CPUExecutionProvider"])
        self.inputs = {i.name for i in self.session.get_inputs()}
        self.tokenizer = Tokenizer.from_file(str(tokenizer))
        # The saved tokenizer pads every input to 128 tokens: pad to the batch's longest.
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        self.tokenizer.enable_truncation(max_length=MAX_TOKENS)

    def encode(self, texts: Sequence[str], batch_size: int = BATCH) -> np.ndarray:
        """Unit-length float32 vectors, one row per text."""
        out = np.zeros((len(texts), DIMS), dtype=np.float32)
        # Similar lengths together waste less padding.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), batch_size):
            idx = order[start:start + batch_size]
            out[idx] = self._batch([texts[i] or " " for i in idx])
        return out

    def _batch(self, texts: list[str]) -> np.ndarray:
        encs = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encs], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encs], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask,
                 "token_type_ids": np.zeros_like(ids)}
        hidden = self.session.run(None, {k: v for k, v in feeds.items() if k in self.inputs})[0]
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        return pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)


@lru_cache(maxsize=1)
def default_encoder(threads: int = 1) -> Encoder:
    """The shipped int8 encoder, loaded once per process."""
    return Encoder(MODEL_DIR / "model.int8.onnx", MODEL_DIR / "tokenizer.json", threads)


def encode(texts: Sequence[str]) -> np.ndarray:
    """Embed texts with the shipped encoder: (len(texts), 384) unit float32 vectors."""
    return default_encoder().encode(list(texts))

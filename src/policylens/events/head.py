"""The event-type classifier: MiniLM-L6 fine-tuned on sentences with the pair marked.

It reads the sentence with its source and target marked in words (``mark``) and gives
probabilities over the 16 PLOVER types and NONE (no event between the two).
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Sequence

import numpy as np

from ..nlp.onnx_text import OnnxTextModel, softmax

TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
NONE = "NONE"  # a sentence that states no event between the actors
LABELS = TYPES + (NONE,)
# The quad classes of PLOVER (0 is the neutral statement of the ConfliBERT data).
QUAD = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 2, "RETREAT": 2, "AID": 2,
        "COOPERATE": 2, "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
        "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4, NONE: 0}
MODEL_DIR = Path(str(files("policylens") / "data" / "models" / "events"))
MAX_TOKENS = 96


def mark(sentence: str, source: str | None, target: str | None) -> str:
    """The sentence with its source and target spans marked in words MiniLM knows."""
    out = sentence
    for span, tag in ((source, "source"), (target, "target")):
        if span and span in out:
            out = out.replace(span, f"[{tag}: {span}]", 1)
    return out


class TypeModel:
    """The fine-tuned MiniLM type classifier (``train/train_event_types.py``), int8 ONNX."""

    def __init__(self, model_dir: Path = MODEL_DIR) -> None:
        self.model = OnnxTextModel(model_dir / "type_model.int8.onnx", model_dir / "tokenizer.json",
                                   MAX_TOKENS, "event-type model")

    def probs(self, marked: Sequence[str]) -> np.ndarray:
        """Probabilities [N, 17] in the order of LABELS for sentences with their pair marked."""
        if not marked:
            return np.zeros((0, len(LABELS)), dtype=np.float32)
        return softmax(self.model.run(marked, "type_logits"))


@lru_cache(maxsize=1)
def load_model() -> TypeModel:
    """The shipped model, loaded once per process."""
    return TypeModel()

"""The event-type head: softmax regression on sentence-embedding features.

Features are the embedding of the sentence and of the same sentence with the
source and target marked; the weights are a plain ``.npz`` loaded with allow_pickle=False.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Sequence

import numpy as np

TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
NONE = "NONE"  # a sentence that states no event between the actors
LABELS = TYPES + (NONE,)
# The quad classes of PLOVER (0 is the neutral statement of the ConfliBERT data).
QUAD = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 2, "RETREAT": 2, "AID": 2,
        "COOPERATE": 2, "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
        "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4, NONE: 0}
WEIGHTS = Path(str(files("policylens") / "data" / "models" / "events" / "type_head.npz"))


def mark(sentence: str, source: str | None, target: str | None) -> str:
    """The sentence with its source and target spans marked in words MiniLM knows."""
    out = sentence
    for span, tag in ((source, "source"), (target, "target")):
        if span and span in out:
            out = out.replace(span, f"[{tag}: {span}]", 1)
    return out


def clause(sentence: str, source: str | None, target: str | None) -> str:
    """The stretch of the sentence from the first of the two spans to the end of the last."""
    found = [(sentence.find(x), len(x)) for x in (source, target) if x and x in sentence]
    if len(found) < 2:
        return sentence
    start = min(f[0] for f in found)
    end = max(f[0] + f[1] for f in found)
    return sentence[start:end]


SECOND_TEXT = {"marked": mark, "clause": clause}


@dataclass
class TypeHead:
    weights: np.ndarray  # (hidden or features, labels)
    bias: np.ndarray  # (labels,)
    hidden_w: np.ndarray | None = None  # (features, hidden): a one-hidden-layer MLP when set
    hidden_b: np.ndarray | None = None
    second: str = "marked"  # the second text embedded: a key of SECOND_TEXT

    def hidden(self, features: np.ndarray) -> np.ndarray:
        if self.hidden_w is None:
            return features
        return np.maximum(features @ self.hidden_w + self.hidden_b, 0.0)

    def probs(self, features: np.ndarray) -> np.ndarray:
        logits = self.hidden(features) @ self.weights + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return exp / exp.sum(axis=1, keepdims=True)

    def save(self, path: Path, **meta: str) -> None:
        layers = {} if self.hidden_w is None else {
            "hidden_w": self.hidden_w.astype(np.float16), "hidden_b": self.hidden_b}
        np.savez_compressed(path, weights=self.weights.astype(np.float32),
                            bias=self.bias.astype(np.float32), labels=np.array(LABELS),
                            second=np.array(self.second), **layers,
                            **{k: np.array(v) for k, v in meta.items()})


def features(encode, sentences: Sequence[str], marked: Sequence[str]) -> np.ndarray:  # type: ignore[no-untyped-def]
    """Both embeddings side by side: (n, 768); each distinct text is embedded once."""
    texts = list(sentences) + list(marked)
    unique = list(dict.fromkeys(texts))
    vecs = encode(unique)
    index = {t: i for i, t in enumerate(unique)}
    rows = vecs[[index[t] for t in texts]]
    return np.hstack([rows[:len(sentences)], rows[len(sentences):]])


@lru_cache(maxsize=1)
def load_head(path: Path = WEIGHTS) -> TypeHead:
    from ..errors import PolicylensError

    if not path.exists():
        raise PolicylensError(f"The event-type weights are missing ({path}). Reinstall "
                              "policylens, or retrain them: python train/train_events.py")
    with np.load(path, allow_pickle=False) as data:
        if tuple(str(x) for x in data["labels"]) != LABELS:
            raise PolicylensError(f"{path} was trained for other labels: retrain it.")
        hidden = ({"hidden_w": data["hidden_w"].astype(np.float32),
                   "hidden_b": data["hidden_b"].astype(np.float32)}
                  if "hidden_w" in data.files else {})
        second = str(data["second"]) if "second" in data.files else "marked"
        return TypeHead(weights=data["weights"], bias=data["bias"], second=second, **hidden)

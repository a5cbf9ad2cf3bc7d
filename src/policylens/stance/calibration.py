"""Contextual calibration of the stance head (Zhao et al., 2021, "Calibrate Before Use").

The head leans toward one side for some questions whatever the sentence says: it reads most
sentences that name South Korea's engagement with NATO as pro, costs and risks included. The
lean is measured by asking the question about content-free sentences ("N/A", "", "[MASK]",
the paper's three) and divided out: p(stance | q, s) / p(stance | q, content-free),
renormalised. No parameter is fitted; the bias is computed once per question text.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Sequence

import numpy as np

from .model import CrossEncoder

CONTENT_FREE = ("N/A", "", "[MASK]")


@lru_cache(maxsize=4096)
def question_bias(model: CrossEncoder, question: str) -> np.ndarray:
    """The head's stance probabilities for ``question`` on content-free sentences, averaged."""
    return model.stance([(question, text) for text in CONTENT_FREE]).mean(axis=0)


def calibrated_stance(model: CrossEncoder, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
    """Stance probabilities [N, 3] for (question, sentence) pairs with each question's lean
    divided out."""
    probs = model.stance(pairs)
    if not len(probs):
        return probs
    bias = np.stack([question_bias(model, question) for question, _ in pairs])
    scaled = probs / np.maximum(bias, 1e-6)
    return scaled / scaled.sum(axis=1, keepdims=True)

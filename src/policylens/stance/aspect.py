"""The aspect of a claim, by how well it matches short descriptions of each aspect.

The key-point match head scores (description, claim) pairs; the best-scoring aspect wins,
and "other" when no description fits. Written once from the aspect names, not tuned.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from .model import CrossEncoder

ASPECTS = ("security", "economy", "diplomacy", "domestic politics", "values/law", "other")
DESCRIPTIONS: dict[str, str] = {
    "security": "It matters for military security, defence, deterrence, threats and weapons.",
    "economy": "It matters for the economy, trade, exports, industry, jobs and costs.",
    "diplomacy": "It matters for diplomatic relations, alliances, partnerships and standing abroad.",
    "domestic politics": "It matters for domestic politics, voters, public opinion and priorities at home.",
    "values/law": "It matters for values, human rights, democracy and international law.",
}
MIN_SCORE = 0.05  # below this no description fits at all


def classify_aspects(model: CrossEncoder, sentences: Sequence[str]) -> list[tuple[str, float]]:
    """(aspect, score) for each sentence."""
    if not sentences:
        return []
    names = list(DESCRIPTIONS)
    pairs = [(DESCRIPTIONS[n], s) for s in sentences for n in names]
    scores = model.match(pairs).reshape(len(sentences), len(names))
    out = []
    for row in scores:
        best = int(np.argmax(row))
        out.append((names[best], float(row[best])) if row[best] >= MIN_SCORE else ("other", float(1 - row[best])))
    return out

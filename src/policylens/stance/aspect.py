"""The aspect of a claim, by how well it matches short descriptions of each aspect.

The key-point match head scores (description, claim) pairs; the best-scoring aspect wins,
and "other" when no description fits. Written once from the aspect names, not tuned.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from .model import CrossEncoder

ASPECTS = ("security", "economy", "diplomacy", "domestic politics", "values/law", "other")
DESCRIPTIONS: dict[str, tuple[str, ...]] = {
    "security": (
        "It matters for military security, defence and deterrence.",
        "It deals with threats, weapons, war and military cooperation.",
    ),
    "economy": (
        "It matters for the economy, trade and exports.",
        "It deals with money, costs, markets, industry and jobs.",
    ),
    "diplomacy": (
        "It matters for diplomatic relations and alliances between countries.",
        "It deals with partnerships, summits and a country's standing abroad.",
    ),
    "domestic politics": (
        "It matters for domestic politics, voters and public opinion.",
        "It deals with the government's priorities at home, elections and parties.",
    ),
    "values/law": (
        "It matters for values, human rights and democracy.",
        "It deals with international law, legitimacy and principles.",
    ),
}
MIN_SCORE = 0.05  # below this no description fits at all


def classify_aspects(model: CrossEncoder, sentences: Sequence[str]) -> list[tuple[str, float]]:
    """(aspect, score) for each sentence."""
    if not sentences:
        return []
    names = [name for name, descs in DESCRIPTIONS.items() for _ in descs]
    pairs = [(d, s) for s in sentences for descs in DESCRIPTIONS.values() for d in descs]
    scores = model.match(pairs).reshape(len(sentences), len(names))
    out = []
    for row in scores:
        per_aspect = {n: max(float(v) for n2, v in zip(names, row) if n2 == n) for n in DESCRIPTIONS}
        best = max(per_aspect, key=per_aspect.get)
        out.append((best, per_aspect[best]) if per_aspect[best] >= MIN_SCORE else ("other", 1 - per_aspect[best]))
    return out

"""Grouping claims that make the same point: cross-encoder similarity + average linkage."""

from __future__ import annotations

from typing import Sequence

import numpy as np

from .model import CrossEncoder

SAME_POINT = 0.5  # mean match probability at which two groups of claims make one point
SHORTLIST = 15  # above this many claims, score only each claim's nearest neighbours


def similarity(model: CrossEncoder, texts: Sequence[str]) -> np.ndarray:
    """Symmetric [N, N] match probabilities (0 for pairs not shortlisted)."""
    n = len(texts)
    pairs = _candidate_pairs(model, texts)
    sim = np.zeros((n, n), dtype=np.float32)
    if not pairs:
        return sim
    scores = model.match([(texts[i], texts[j]) for i, j in pairs])
    for (i, j), s in zip(pairs, scores):
        sim[i, j] += s / 2
        sim[j, i] += s / 2
    return sim


def _candidate_pairs(model: CrossEncoder, texts: Sequence[str]) -> list[tuple[int, int]]:
    """Both directions of every pair, or of each claim's nearest neighbours by embedding."""
    n = len(texts)
    if n <= SHORTLIST + 1:
        return [(i, j) for i in range(n) for j in range(n) if i != j]
    vecs = model.embed(texts)
    cos = vecs @ vecs.T
    keep: set[tuple[int, int]] = set()
    for i in range(n):
        for j in np.argsort(-cos[i])[1:SHORTLIST + 1]:
            keep.update({(i, int(j)), (int(j), i)})
    return sorted(keep)


def average_linkage(sim: np.ndarray, threshold: float = SAME_POINT) -> list[list[int]]:
    """Merge the most similar groups while their mean similarity reaches the threshold."""
    groups = [[i] for i in range(sim.shape[0])]
    while len(groups) > 1:
        best, pair = threshold, None
        for a in range(len(groups)):
            for b in range(a + 1, len(groups)):
                s = float(sim[np.ix_(groups[a], groups[b])].mean())
                if s >= best:
                    best, pair = s, (a, b)
        if pair is None:
            break
        a, b = pair
        groups[a] = groups[a] + groups.pop(b)
    return groups

"""Grouping claims that make the same point: cross-encoder similarity + average linkage."""

from __future__ import annotations

from typing import Sequence

import numpy as np

from .model import CrossEncoder

SAME_POINT = 0.5  # mean match probability at which two groups of claims make one point
SHORTLIST = 15  # above this many claims, score only each claim's nearest neighbours


def similarity(model: CrossEncoder, texts: Sequence[str]) -> np.ndarray:
    """Symmetric [N, N] match probabilities (0 for pairs not shortlisted). A text repeated
    word for word (syndicated copy) is scored once and counts as the same point (1.0)."""
    index: dict[str, int] = {}
    node = np.array([index.setdefault(t, len(index)) for t in texts], dtype=np.int64)
    unique = list(index)
    sim_u = _unique_similarity(model, unique)
    sim = sim_u[np.ix_(node, node)]
    same = node[:, None] == node[None, :]
    sim[same] = 1.0
    np.fill_diagonal(sim, 0.0)
    return sim


def _unique_similarity(model: CrossEncoder, texts: list[str]) -> np.ndarray:
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
    """Groups merged by average linkage while their mean similarity reaches the threshold
    (scipy's nearest-neighbour chain: quadratic, not cubic, in the number of claims)."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    n = sim.shape[0]
    if n < 2:
        return [[i] for i in range(n)]
    dist = np.clip(1.0 - sim.astype(np.float64), 0.0, 1.0)
    np.fill_diagonal(dist, 0.0)
    labels = fcluster(linkage(squareform(dist, checks=False), method="average"),
                      t=1.0 - threshold, criterion="distance")
    groups: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        groups.setdefault(int(label), []).append(i)
    return sorted(groups.values(), key=lambda g: g[0])

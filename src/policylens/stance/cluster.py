"""Grouping claims that make the same point: average linkage over a sparse similarity graph.

Claims repeated word for word (syndicated copies) become one node that counts
each copy, so the graph grows with the distinct claims, not the copies. Only each
claim's nearest neighbours by embedding are scored by the cross-encoder; pairs
never scored count as similarity 0. Memory grows with claims x SHORTLIST, never
with claims squared: a corpus of any size clusters in bounded steps.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from typing import Sequence

import numpy as np

SAME_POINT = 0.5  # mean match probability at which two groups of claims make one point
SHORTLIST = 15  # above this many distinct claims, score only each one's nearest neighbours
BLOCK = 512  # rows of the cosine matrix computed at once

Pair = tuple[int, int]


@dataclass
class ClaimGraph:
    """Distinct claim texts, how many copies of each, and the scored pairs between them."""

    texts: list[str]
    copies: list[int]
    node_of: list[int]  # the node of each input claim
    edges: dict[Pair, float] = field(default_factory=dict)  # (i < j) -> mean match probability

    def adjacency(self) -> list[dict[int, float]]:
        """Each node's scored neighbours and their similarity."""
        adjacent: list[dict[int, float]] = [{} for _ in self.texts]
        for (i, j), s in self.edges.items():
            adjacent[i][j] = adjacent[j][i] = s
        return adjacent


def claim_graph(texts: Sequence[str]) -> ClaimGraph:
    """The graph's nodes: one per distinct text, with its number of copies."""
    index: dict[str, int] = {}
    node_of = [index.setdefault(t, len(index)) for t in texts]
    copies = [0] * len(index)
    for node in node_of:
        copies[node] += 1
    return ClaimGraph(list(index), copies, node_of)


def needs_shortlist(n: int) -> bool:
    return n > SHORTLIST + 1


def candidate_pairs(n: int, vecs: np.ndarray | None = None) -> list[Pair]:
    """Both directions of every pair, or of each node's nearest neighbours by embedding."""
    if not needs_shortlist(n):
        return [(i, j) for i in range(n) for j in range(n) if i != j]
    assert vecs is not None, "more than SHORTLIST claims need their embeddings"
    keep: set[Pair] = set()
    for i, j in nearest_neighbours(vecs, SHORTLIST):
        keep.update({(i, j), (j, i)})
    return sorted(keep)


def nearest_neighbours(vecs: np.ndarray, k: int) -> list[Pair]:
    """(i, j) for each row's k most similar other rows, BLOCK rows of cosines at a time."""
    out: list[Pair] = []
    for start in range(0, len(vecs), BLOCK):
        cos = vecs[start:start + BLOCK] @ vecs.T
        for offset, row in enumerate(cos):
            i = start + offset
            row[i] = -np.inf
            top = np.argpartition(-row, k)[:k]
            top = top[np.lexsort((top, -row[top]))]  # best first, ties by index
            out += [(i, int(j)) for j in top]
    return out


def add_scores(graph: ClaimGraph, pairs: Sequence[Pair], scores: Sequence[float]) -> None:
    """Each direction's match probability counts half towards the pair's similarity."""
    for (i, j), s in zip(pairs, scores):
        key = (min(i, j), max(i, j))
        graph.edges[key] = graph.edges.get(key, 0.0) + float(s) / 2


def average_linkage(graph: ClaimGraph, threshold: float = SAME_POINT) -> list[list[int]]:
    """Groups of input claims merged by average linkage while their mean similarity
    reaches the threshold. Copies of one text are the same point (similarity 1)."""
    merging = _Linkage(graph, threshold)
    merging.run()
    nodes = [n for group in merging.members.values() for n in group]
    claims: dict[int, list[int]] = {n: [] for n in nodes}
    for claim, node in enumerate(graph.node_of):
        claims[node].append(claim)
    groups = [sorted(c for n in group for c in claims[n]) for group in merging.members.values()]
    return sorted(groups, key=lambda g: g[0])


class _Linkage:
    """Greedy merging of the most similar pair of groups. Average linkage never raises a
    merged group's similarity above its parts', so merging the best pair first gives the
    same groups as a full dendrogram cut at the threshold."""

    def __init__(self, graph: ClaimGraph, threshold: float) -> None:
        self.threshold = threshold
        self.size = dict(enumerate(graph.copies))
        self.members = {n: [n] for n in self.size}
        self.links: dict[int, dict[int, float]] = {n: {} for n in self.size}  # summed similarity
        for (i, j), s in graph.edges.items():
            self.links[i][j] = self.links[j][i] = s * self.size[i] * self.size[j]
        self.heap = [(-s, i, j) for (i, j), s in graph.edges.items() if s >= threshold]
        heapq.heapify(self.heap)
        self.next_id = len(self.size)

    def run(self) -> None:
        while self.heap:
            _, a, b = heapq.heappop(self.heap)
            if a in self.size and b in self.size:  # else one side was merged already
                self._merge(a, b)

    def _merge(self, a: int, b: int) -> None:
        new, self.next_id = self.next_id, self.next_id + 1
        self.size[new] = self.size.pop(a) + self.size.pop(b)
        self.members[new] = self.members.pop(a) + self.members.pop(b)
        linked = self.links.pop(a)
        for other, s in self.links.pop(b).items():
            linked[other] = linked.get(other, 0.0) + s
        linked.pop(a, None)
        linked.pop(b, None)
        self.links[new] = linked
        for other, s in linked.items():
            back = self.links[other]
            back.pop(a, None)
            back.pop(b, None)
            back[new] = s
            mean = s / (self.size[new] * self.size[other])
            if mean >= self.threshold:
                heapq.heappush(self.heap, (-mean, other, new))


def centrality(adjacent: list[dict[int, float]], node_of: Sequence[int],
               group: Sequence[int]) -> list[float]:
    """Each claim's mean similarity to the other claims of its group (1.0 when alone)."""
    if len(group) < 2:
        return [1.0] * len(group)
    nodes = [node_of[c] for c in group]
    copies: dict[int, int] = {}
    for node in nodes:
        copies[node] = copies.get(node, 0) + 1
    totals = {n: copies[n] - 1 + sum(copies.get(m, 0) * s for m, s in adjacent[n].items())
              for n in copies}
    return [totals[n] / (len(group) - 1) for n in nodes]

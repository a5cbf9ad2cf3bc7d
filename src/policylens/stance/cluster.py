"""Grouping claims that make the same point, by greedy cover over a sparse match graph.

Every distinct claim is a candidate key point. Each claim is matched, as an argument,
against its nearest candidates by embedding (all of them when there are few), which is
how the match head was trained: (key point, argument), one direction. The candidate that
the most claims make is taken first, with those claims; then the next, over what is
left. Claims repeated word for word (syndicated copies) are one node counting each copy,
so memory and model work grow with the distinct claims x SHORTLIST, never with claims².
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from typing import Sequence

import numpy as np

MAKES_POINT = 0.5  # match probability at which a claim makes a candidate's point
SHORTLIST = 15  # above this many distinct claims, match each only with its nearest candidates
BLOCK = 512  # rows of the cosine matrix computed at once

Pair = tuple[int, int]


@dataclass
class ClaimGraph:
    """Distinct claim texts, how many copies of each, and the scored (candidate, argument) pairs."""

    texts: list[str]
    copies: list[int]
    node_of: list[int]  # the node of each input claim
    scores: dict[Pair, float] = field(default_factory=dict)


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
    """(candidate, argument): every ordered pair, or each node as the argument of its
    nearest neighbours by embedding."""
    if not needs_shortlist(n):
        return [(i, j) for i in range(n) for j in range(n) if i != j]
    assert vecs is not None, "more than SHORTLIST claims need their embeddings"
    return sorted({(j, i) for i, j in nearest_neighbours(vecs, SHORTLIST)})


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


def greedy_cover(graph: ClaimGraph, threshold: float = MAKES_POINT,
                 can_lead: Sequence[bool] | None = None) -> list[tuple[int, list[int]]]:
    """(candidate, its nodes): the candidate whose point the most claims make first, each
    claim in one group; a claim no candidate takes ends alone, as its own candidate. Only
    nodes that ``can_lead`` (all by default) gather other claims."""
    covers: list[set[int]] = [{c} for c in range(len(graph.texts))]
    for (candidate, argument), s in graph.scores.items():
        if s >= threshold and (can_lead is None or can_lead[candidate]):
            covers[candidate].add(argument)
    taken: set[int] = set()
    heap = [(-_copies(cover, graph), c) for c, cover in enumerate(covers)]
    heapq.heapify(heap)
    groups: list[tuple[int, list[int]]] = []
    while heap:
        stored, c = heapq.heappop(heap)
        if c in taken:
            continue
        left = covers[c] - taken
        if -_copies(left, graph) != stored:  # some of its claims went to a larger group
            heapq.heappush(heap, (-_copies(left, graph), c))
            continue
        groups.append((c, sorted(left)))
        taken |= left
    return groups


def _copies(nodes: set[int], graph: ClaimGraph) -> int:
    return sum(graph.copies[n] for n in nodes)

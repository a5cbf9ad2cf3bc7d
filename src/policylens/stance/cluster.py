"""Grouping claims that make the same point, by greedy cover over a sparse match graph.

Every distinct claim is a candidate key point. Each claim is matched, as an argument,
against every candidate (against its nearest by embedding when there are many), which is
how the match head was trained: (key point, argument), one direction. Some candidates seem
to be made by nearly every claim of a debate (a generic or topical one: "Why is Seoul
interested in NATO?"); a claim makes a candidate's point when it scores well above that
candidate's typical score, so such hubs no longer swallow the debate. The candidate that
the most claims make is taken first, with those claims; then the next, over what is
left. Claims repeated word for word (syndicated copies) are one node counting each copy,
so memory and model work grow with the distinct claims x (SHORTLIST + REFERENCE), never
with claims², once a side has more than FULL_PAIRS distinct claims.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from typing import Callable, Sequence

import numpy as np

MAKES_POINT = 0.65  # match probability, re-centred on the candidate's typical score, at which a
#                    claim makes a candidate's point (chosen on ArgKP-2021 train topics)
FULL_PAIRS = 120  # up to this many distinct claims a side, every claim meets every candidate
SHORTLIST = 60  # above it, each claim meets only its nearest candidates by embedding ...
REFERENCE = 40  # ... and every candidate meets the same spread sample of claims (its typical score)
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
    return n > FULL_PAIRS


def reference_nodes(n: int) -> list[int]:
    """The claims every candidate meets when the side is shortlisted: REFERENCE of them, evenly
    spread over the side (its claims are ordered by source, so over its sources too)."""
    return sorted({i * n // REFERENCE for i in range(REFERENCE)}) if needs_shortlist(n) else []


def candidate_pairs(n: int, vecs: np.ndarray | None = None) -> list[Pair]:
    """(candidate, argument): every ordered pair; or, for a large side, each node as the argument
    of its nearest neighbours by embedding, and every node as the candidate of the reference."""
    if not needs_shortlist(n):
        return [(i, j) for i in range(n) for j in range(n) if i != j]
    assert vecs is not None, "more than FULL_PAIRS claims need their embeddings"
    near = {(j, i) for i, j in nearest_neighbours(vecs, SHORTLIST)}
    reference = reference_nodes(n)
    return sorted(near | {(c, r) for c in range(n) for r in reference if c != r})


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


def typical_scores(graph: ClaimGraph) -> dict[int, float]:
    """Each candidate's mean match score over the reference claims (all claims for a small side)."""
    reference = set(reference_nodes(len(graph.texts)))
    sums: dict[int, list[float]] = {}
    for (candidate, argument), s in graph.scores.items():
        if not reference or argument in reference:
            sums.setdefault(candidate, []).append(s)
    return {c: float(np.mean(v)) for c, v in sums.items()}


def hub_offsets(graph: ClaimGraph) -> dict[int, float]:
    """How far each candidate's typical score lies above the side's mean typical score: taken off
    its scores, a hub that every claim seems to make is brought back to the level of the others."""
    typical = typical_scores(graph)
    level = float(np.mean(list(typical.values()))) if typical else 0.0
    return {c: t - level for c, t in typical.items()}


def group_claims(graph: ClaimGraph, threshold: float = MAKES_POINT,
                 can_lead: Sequence[bool] | None = None) -> list[tuple[int, list[int]]]:
    """The grouping: greedy cover over the scores centred on each candidate's typical one."""
    return greedy_cover(graph, threshold, can_lead, hub_offsets(graph))


def key_point_groups(graph: ClaimGraph, is_key_point: Callable[[int, list[int]], bool],
                     can_lead: Sequence[bool] | None = None,
                     threshold: float = MAKES_POINT) -> list[tuple[int, list[int]]]:
    """The stage's grouping: the groups of ``group_claims`` that pass ``is_key_point``. The
    claims of a group that does not (all but its candidate) join the first key point whose
    point they make, or are grouped again among themselves, until none is left: a claim that
    joined a candidate too weak to stand still makes a point. Scores stay centred on the whole
    side's typical scores."""
    full = covers(graph, threshold, can_lead, hub_offsets(graph))
    kept: list[tuple[int, list[int]]] = []
    left = set(full)
    while left:
        released: set[int] = set()
        for candidate, nodes in cover_greedily({c: full[c] & left for c in left}, graph):
            if is_key_point(candidate, nodes):
                kept.append((candidate, nodes))
            else:
                released |= set(nodes) - {candidate}
        left = _join_kept(kept, released, full)
    return kept


def _join_kept(kept: list[tuple[int, list[int]]], released: set[int],
               full: dict[int, set[int]]) -> set[int]:
    """Add each released node to the first kept group whose candidate it makes; the rest."""
    for candidate, nodes in kept:
        joining = released & full[candidate]
        nodes[:] = sorted(set(nodes) | joining)
        released -= joining
    return released


def greedy_cover(graph: ClaimGraph, threshold: float = MAKES_POINT,
                 can_lead: Sequence[bool] | None = None,
                 offsets: dict[int, float] | None = None) -> list[tuple[int, list[int]]]:
    """(candidate, its nodes): the candidate whose point the most claims make (score minus the
    candidate's offset, if any, at least ``threshold``) first, each claim in one group; a claim
    no candidate takes ends alone, as its own candidate. Only nodes that ``can_lead`` (all by
    default) gather other claims."""
    return cover_greedily(covers(graph, threshold, can_lead, offsets), graph)


def covers(graph: ClaimGraph, threshold: float, can_lead: Sequence[bool] | None = None,
           offsets: dict[int, float] | None = None) -> dict[int, set[int]]:
    """Each candidate with the claims that make its point (itself included)."""
    offsets = offsets or {}
    out: dict[int, set[int]] = {c: {c} for c in range(len(graph.texts))}
    for (candidate, argument), s in graph.scores.items():
        if s - offsets.get(candidate, 0.0) >= threshold and (can_lead is None or can_lead[candidate]):
            out[candidate].add(argument)
    return out


def cover_greedily(cover_of: dict[int, set[int]], graph: ClaimGraph) -> list[tuple[int, list[int]]]:
    """Greedy set cover: the largest cover (in copies; ties to the lower candidate) first, then
    the next largest over what is left."""
    taken: set[int] = set()
    heap = [(-_copies(cover, graph), c) for c, cover in cover_of.items()]
    heapq.heapify(heap)
    groups: list[tuple[int, list[int]]] = []
    while heap:
        stored, c = heapq.heappop(heap)
        if c in taken:
            continue
        left = cover_of[c] - taken
        if -_copies(left, graph) != stored:  # some of its claims went to a larger group
            heapq.heappush(heap, (-_copies(left, graph), c))
            continue
        groups.append((c, sorted(left)))
        taken |= left
    return groups


def _copies(nodes: set[int], graph: ClaimGraph) -> int:
    return sum(graph.copies[n] for n in nodes)

"""Stage ``stance.keypoints`` (corpus level): claims clustered across documents into key points."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import Counter
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..stages import Rows, StageContext
from .cluster import ClaimGraph, candidate_pairs, claim_graph, key_point_groups, needs_shortlist
from .keypoint_cache import run_cached
from .keypoint_work import EMBED_CHUNK, MATCH_CHUNK, embed_texts, match_pairs
from .labels import MAX_WORDS, MIN_WORDS, clean_sentence, condense, match_form, stands_alone

MIN_SINGLE_CONFIDENCE = 0.7  # a point made by one source only must be made firmly (its heaviest claim)
MAX_QUOTES = 5
OPPOSITE = {"pro": "con", "con": "pro"}
DIM = 384  # the stance model's pooled vectors


@dataclass
class Member:
    claim_id: str
    source: str
    sentence: str
    confidence: float
    aspect: str
    weight: float = 0.0  # centrality x confidence, set once the cluster is known
    alone: bool = True  # reads on its own (labels.stands_alone), set with the weight


class KeypointsStage:
    name = "stance.keypoints"
    # v12: a label cut at a clause boundary keeps the main verb, else it is cut at a phrase;
    # v11: a long label with no clause boundary ends on a whole phrase (parsed; candidates are
    # matched in the unparsed form, as before); v10: the claims of a group too weak to stand are
    # grouped again; v9: labels drop a leading domain setting ("In the security dimension, ...");
    # v8: scores centred on each candidate's typical score; v7: claims standing alone lead
    version = "v12"
    level = "corpus"
    requires: tuple[str, ...] = ("stance.claims",)
    writes = ("keypoints", "keypoint_claims", "keypoint_cache")
    keeps = ("keypoint_cache",)  # added to across runs, never cleared

    def process(self, batch: list[dict[str, Any]], ctx: StageContext) -> Rows:
        rows: Rows = {"keypoints": [], "keypoint_claims": [], "keypoint_cache": []}
        stamp = {"stage": self.name, "stage_version": self.version}
        for (qid,) in ctx.db.execute("SELECT id FROM questions ORDER BY id").fetchall():
            against = _sources_by_stance(ctx.db, qid)
            sides = {side: _claims(ctx.db, qid, side) for side in ("pro", "con")}
            graphs = {side: claim_graph([m.sentence for m in members])
                      for side, members in sides.items()}
            _score(graphs, ctx, rows["keypoint_cache"], stamp)
            for side, members in sides.items():
                _side_rows(qid, side, members, graphs[side], against.get(OPPOSITE[side], []),
                           rows, stamp)
        return rows


def _side_rows(qid: str, side: str, members: list[Member], graph: ClaimGraph,
               against: list[str], rows: Rows, stamp: dict[str, str]) -> None:
    """The key points of one side of a question, and their claims."""
    if not members:
        return
    claims_of: dict[int, list[Member]] = {}
    for m, node in zip(members, graph.node_of):
        claims_of.setdefault(node, []).append(m)
    can_lead = [stands_alone(t) for t in graph.texts]

    def cluster(candidate: int, nodes: list[int]) -> list[Member]:
        return _weighted(graph, candidate, nodes, claims_of, can_lead)

    def is_key_point(candidate: int, nodes: list[int]) -> bool:
        # a claim pointing back, left alone, cannot name a point of its own
        return can_lead[candidate] and _is_key_point(cluster(candidate, nodes))

    for candidate, nodes in key_point_groups(graph, is_key_point, can_lead):
        _add_key_point(qid, side, cluster(candidate, nodes), against, rows, stamp)


def _is_key_point(cluster: list[Member]) -> bool:
    """Made by two sources, or firmly by one."""
    sources = {m.source for m in cluster}
    return len(sources) >= 2 or cluster[0].confidence >= MIN_SINGLE_CONFIDENCE


def _add_key_point(qid: str, side: str, cluster: list[Member], against: list[str], rows: Rows,
                   stamp: dict[str, str]) -> None:
    sources = list(dict.fromkeys(m.source for m in cluster))
    kid = "kp-" + hashlib.sha256(f"{qid}|{cluster[0].claim_id}".encode()).hexdigest()[:10]
    quotes = [{"source": m.source, "sentence": m.sentence} for m in cluster[:MAX_QUOTES]]
    rows["keypoints"].append({
        "id": kid, "question_id": qid, "label": _label(cluster), "side": side,
        "aspect": _aspect(cluster), "sources": json.dumps(sources, ensure_ascii=False),
        "against": json.dumps([s for s in against if s not in sources], ensure_ascii=False),
        "quotes": json.dumps(quotes, ensure_ascii=False), "support": len(sources),
        "score": round(sum(m.weight for m in cluster), 4), **stamp})
    rows["keypoint_claims"] += [{"keypoint_id": kid, "claim_id": m.claim_id, "question_id": qid,
                                 "source": m.source, "sentence": m.sentence,
                                 "weight": round(m.weight, 4), **stamp} for m in cluster]


def _score(graphs: dict[str, ClaimGraph], ctx: StageContext, cache_rows: list[dict[str, Any]],
           stamp: dict[str, str]) -> None:
    """Match each side's claims against their nearest candidates, in chunks on the executor;
    what an earlier run computed with the same model comes from the cache."""
    big = [side for side, g in graphs.items() if needs_shortlist(len(g.texts))]
    vecs = _pieces(run_cached(ctx, "embed", embed_texts, [t for s in big for t in graphs[s].texts],
                              EMBED_CHUNK, DIM, cache_rows, stamp), [len(graphs[s].texts) for s in big])
    vecs_of = dict(zip(big, vecs))
    pairs = [candidate_pairs(len(g.texts), vecs_of.get(side)) for side, g in graphs.items()]
    as_points = [[as_key_point(t) for t in g.texts] for g in graphs.values()]
    text_pairs = [(points[c], g.texts[a])
                  for g, points, ps in zip(graphs.values(), as_points, pairs) for c, a in ps]
    scores = run_cached(ctx, "match", match_pairs, text_pairs, MATCH_CHUNK, 1, cache_rows, stamp)
    for graph, ps, got in zip(graphs.values(), pairs, _pieces(scores, [len(ps) for ps in pairs])):
        graph.scores = dict(zip(ps, got.ravel().tolist()))


def as_key_point(claim: str) -> str:
    """A candidate claim as the match head reads a key point: in its 10–20 word label form
    (the head was trained on ArgKP key points of about ten words, not on 40-word sentences)."""
    return match_form(claim)


def _pieces(whole: np.ndarray, lengths: list[int]) -> list[np.ndarray]:
    """Consecutive rows of ``whole``, cut into the given lengths."""
    return np.split(whole, np.cumsum(lengths)[:-1]) if lengths else []


def _claims(db: sqlite3.Connection, qid: str, side: str) -> list[Member]:
    rows = db.execute(
        """SELECT c.id, d.source, c.sentence, c.confidence, c.aspect FROM claims c
           JOIN documents d ON d.id = c.doc_id
           WHERE c.question_id = ? AND c.is_claim = 1 AND c.stance = ?
           ORDER BY d.source, c.id""", (qid, side)).fetchall()
    return [Member(r["id"], r["source"], r["sentence"], r["confidence"], r["aspect"]) for r in rows]


def _sources_by_stance(db: sqlite3.Connection, qid: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for r in db.execute("""SELECT s.stance, d.source FROM stances s JOIN documents d ON d.id = s.doc_id
                           WHERE s.question_id = ? ORDER BY d.source""", (qid,)):
        out.setdefault(r["stance"], []).append(r["source"])
    return out


def _weighted(graph: ClaimGraph, candidate: int, nodes: list[int],
              claims_of: dict[int, list[Member]], can_lead: list[bool]) -> list[Member]:
    """The group's claims ranked by how surely they make the candidate's point, times their
    confidence (the candidate and its copies make it surely)."""
    cluster = []
    for node in nodes:
        sureness = 1.0 if node == candidate else graph.scores[(candidate, node)]
        for m in claims_of[node]:
            m.weight, m.alone = sureness * m.confidence, can_lead[node]
            cluster.append(m)
    return sorted(cluster, key=lambda m: (-m.weight, m.claim_id))


def _label(cluster: list[Member]) -> str:
    """The best claim that stands alone and already reads as a 10–20 word label, else the best
    one that stands alone condensed (the candidate always does)."""
    readable = [m for m in cluster if m.alone] or cluster
    for m in readable[:3]:
        cleaned = clean_sentence(m.sentence)
        if MIN_WORDS <= len(cleaned.split()) <= MAX_WORDS:
            return cleaned.rstrip(".")
    return condense(readable[0].sentence)


def _aspect(cluster: list[Member]) -> str:
    votes: Counter[str] = Counter()
    for m in cluster:
        votes[m.aspect] += m.weight
    return votes.most_common(1)[0][0]

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
from .cluster import average_linkage, similarity
from .labels import MAX_WORDS, MIN_WORDS, clean_sentence, condense
from .model import load_model

MIN_SINGLE_CONFIDENCE = 0.7  # a point made by one claim only must be made firmly
MAX_QUOTES = 5
OPPOSITE = {"pro": "con", "con": "pro"}


@dataclass
class Member:
    claim_id: str
    source: str
    sentence: str
    confidence: float
    aspect: str
    weight: float = 0.0  # centrality x confidence, set once the cluster is known


class KeypointsStage:
    name = "stance.keypoints"
    version = "v2"
    level = "corpus"
    requires: tuple[str, ...] = ("stance.claims",)
    writes = ("keypoints", "keypoint_claims")

    def process(self, batch: list[dict[str, Any]], ctx: StageContext) -> Rows:
        rows: Rows = {"keypoints": [], "keypoint_claims": []}
        for (qid,) in ctx.db.execute("SELECT id FROM questions ORDER BY id").fetchall():
            against = _sources_by_stance(ctx.db, qid)
            for side in ("pro", "con"):
                members = _claims(ctx.db, qid, side)
                self._side_rows(qid, side, members, against.get(OPPOSITE[side], []), rows)
        return rows

    def _side_rows(self, qid: str, side: str, members: list[Member], against: list[str],
                   rows: Rows) -> None:
        if not members:
            return
        sim = similarity(load_model(), [m.sentence for m in members])
        stamp = {"stage": self.name, "stage_version": self.version}
        for group in average_linkage(sim):
            cluster = _weighted([members[i] for i in group], sim[np.ix_(group, group)])
            sources = list(dict.fromkeys(m.source for m in cluster))
            if len(sources) < 2 and cluster[0].confidence < MIN_SINGLE_CONFIDENCE:
                continue
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


def _weighted(cluster: list[Member], sim: np.ndarray) -> list[Member]:
    """Members ranked by how central and how confident they are."""
    n = len(cluster)
    for i, m in enumerate(cluster):
        centrality = float(sim[i].sum() / (n - 1)) if n > 1 else 1.0
        m.weight = centrality * m.confidence
    return sorted(cluster, key=lambda m: (-m.weight, m.claim_id))


def _label(cluster: list[Member]) -> str:
    """The best claim that already reads as a 10–20 word label, else the best one condensed."""
    for m in cluster[:3]:
        if MIN_WORDS <= len(clean_sentence(m.sentence).split()) <= MAX_WORDS:
            return clean_sentence(m.sentence).rstrip(".")
    return condense(cluster[0].sentence)


def _aspect(cluster: list[Member]) -> str:
    votes: Counter[str] = Counter()
    for m in cluster:
        votes[m.aspect] += m.weight
    return votes.most_common(1)[0][0]

"""Stage ``stance.claims``: per question, the sentences that bear on it, the claims among
them with stance and aspect, and each document's stance."""

from __future__ import annotations

import json
import re
import sqlite3
from typing import Any

from ..stages import Rows, StageContext
from .coding import Coded, code_sentences, is_argued
from .docstance import ClaimVote, document_stance
from .model import load_model

MIN_SENTENCE_WORDS = 4


class ClaimsStage:
    name = "stance.claims"
    # v7: a document takes a side at a balance of 0.25 (was 1/3); v6: a month or a temporal
    # "since" is no argument cue; wider aspect words, the question's own
    # words not counted; v5: a sentence that asks is not a claim; v4: readings calibrated
    version = "v7"
    level = "document"
    requires: tuple[str, ...] = ("nlp.spacy",)
    writes = ("claims", "stances")

    def process(self, batch: list[dict[str, Any]], ctx: StageContext) -> Rows:
        rows: Rows = {"claims": [], "stances": []}
        questions = ctx.db.execute("SELECT id, text, target FROM questions ORDER BY id").fetchall()
        if not questions:
            return rows
        for doc in batch:
            sentences = _sentences(ctx.db, doc["id"])
            for q in questions:
                self._code_document(doc["id"], sentences, q, rows)
        return rows

    def _code_document(self, doc_id: str, sentences: list[dict[str, Any]], q: sqlite3.Row, rows: Rows) -> None:
        stamp = {"stage": self.name, "stage_version": self.version}
        names = _target_names(q["target"] or q["text"])
        usable = [s for s in sentences if _can_bear_on(s["text"], names)]
        coded = code_sentences(load_model(), [(s["text"], q["text"]) for s in usable],
                               aspect_for=lambda c: c.is_claim)
        votes = []
        total = max(len(sentences), 1)
        for s, c in zip(usable, coded):
            if not _bears_on(s["text"], c, names):
                continue
            rows["claims"].append(_claim_row(doc_id, q["id"], s, c, s["idx"] / total, stamp))
            if c.is_claim:
                votes.append(ClaimVote(s["text"], s["idx"] / total, c.p_pro, c.p_con))
        bears = any(r["doc_id"] == doc_id and r["question_id"] == q["id"] for r in rows["claims"])
        ds = document_stance(votes, bears)
        rows["stances"].append({"doc_id": doc_id, "question_id": q["id"], "stance": ds.stance,
                                "confidence": round(ds.confidence, 4),
                                "evidence": json.dumps(ds.evidence, ensure_ascii=False), **stamp})


def _sentences(db: sqlite3.Connection, doc_id: str) -> list[dict[str, Any]]:
    rows = db.execute("SELECT id, idx, text FROM sentences WHERE doc_id = ? ORDER BY idx", (doc_id,))
    return [{"id": r["id"], "idx": r["idx"], "text": r["text"].strip()} for r in rows]


def _target_names(target: str) -> set[str]:
    """Capitalised words of the target (NATO, Korea): a sentence naming one bears on it."""
    return {w.lower() for w in re.findall(r"\b[A-Z][\w-]+", target)} - {"should", "is", "are", "does", "do"}


def _can_bear_on(text: str, names: set[str]) -> bool:
    """Worth a model pass: an argued sentence (it may be a claim) or one naming the target.
    Any other sentence could at most be listed as a non-claim that bears on the question."""
    if len(text.split()) < MIN_SENTENCE_WORDS:
        return False
    return is_argued(text) or _names_target(text, names)


def _names_target(text: str, names: set[str]) -> bool:
    return bool({w.lower() for w in re.findall(r"[\w-]+", text)} & names)


def _bears_on(text: str, coded: Coded, names: set[str]) -> bool:
    return coded.p_pro + coded.p_con >= 0.5 or _names_target(text, names)


def _claim_row(doc_id: str, qid: str, s: dict[str, Any], c: Coded, position: float,
               stamp: dict[str, str]) -> dict[str, Any]:
    return {"id": f"{s['id']}:{qid}", "doc_id": doc_id, "question_id": qid, "sentence_id": s["id"],
            "sentence": s["text"], "position": round(position, 4), "stance": c.stance,
            "confidence": round(c.confidence, 4), "p_pro": round(c.p_pro, 4),
            "p_con": round(c.p_con, 4), "p_neutral": round(c.p_neutral, 4), "aspect": c.aspect,
            "is_claim": int(c.is_claim), **stamp}

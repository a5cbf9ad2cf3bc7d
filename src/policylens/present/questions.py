"""The questions and the balance of sources: each document's stance per question."""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .base import as_list, fetch, has_rows
from .refs import Corpus, Quote

STANCES = ("pro", "con", "neutral", "none")


@dataclass
class DocStance:
    doc: dict[str, Any]
    stance: str
    confidence: float | None
    evidence: list[Quote]


@dataclass
class QuestionView:
    id: str
    text: str
    target: str | None
    stances: list[DocStance] | None  # None: the stance stage has not run
    counts: dict[str, int] = field(default_factory=dict)


def question_views(db: sqlite3.Connection, corpus: Corpus) -> list[QuestionView]:
    questions = fetch(db, "SELECT id, text, target FROM questions ORDER BY created, id")
    computed = has_rows(db, "stances")
    views = []
    for q in questions:
        stances = _stances(db, corpus, q["id"]) if computed else None
        counts = dict(Counter(s.stance for s in stances or []))
        views.append(QuestionView(q["id"], q["text"], q["target"], stances, counts))
    return views


def _stances(db: sqlite3.Connection, corpus: Corpus, question_id: str) -> list[DocStance]:
    rows = fetch(db, "SELECT * FROM stances WHERE question_id = ? "
                     "ORDER BY coalesce(confidence, 0) DESC", (question_id,))
    best: dict[str, DocStance] = {}
    for row in rows:
        doc_id = corpus.doc_id(row.get("doc_id"))
        if doc_id is None or doc_id in best:
            continue
        evidence = [q for q in (corpus.quote(e, doc_id) for e in as_list(row.get("evidence")))
                    if q is not None]
        best[doc_id] = DocStance(corpus.docs[doc_id], str(row.get("stance") or "none"),
                                 row.get("confidence"), evidence)
    # Documents the stage did not score are shown as not addressing the question.
    return [best.get(d) or DocStance(doc, "none", None, []) for d, doc in corpus.docs.items()]

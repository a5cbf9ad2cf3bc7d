"""The key-point matrix: key points (grouped by aspect and side) × sources, cells = quotes."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any

from .base import as_list, fetch, has_rows
from .refs import Corpus, Quote

MAX_COLUMNS = 8  # more sources than this share one "other sources" column


@dataclass
class KeyPoint:
    id: str
    label: str
    side: str
    aspect: str
    support: int
    doc_ids: list[str]
    quotes: dict[str, Quote] = field(default_factory=dict)  # doc_id -> best quote
    against: list[str] = field(default_factory=list)  # documents arguing the other side


@dataclass
class Matrix:
    question_id: str
    columns: list[dict[str, Any]]  # documents, most-citing first
    groups: list[tuple[str, str, list[KeyPoint]]]  # (aspect, side, key points)
    other_docs: list[str]  # documents beyond MAX_COLUMNS


def keypoint_matrix(db: sqlite3.Connection, corpus: Corpus, question_id: str) -> Matrix | None:
    """None when the key-point stage has not run."""
    if not has_rows(db, "keypoints"):
        return None
    points = [_keypoint(corpus, r) for r in fetch(
        db, "SELECT * FROM keypoints WHERE question_id = ?", (question_id,))]
    cited: dict[str, int] = {}
    for p in points:
        for d in p.doc_ids + p.against:
            cited[d] = cited.get(d, 0) + 1
    order = sorted(cited, key=lambda d: (-cited[d], corpus.docs[d]["label"] or ""))
    groups: dict[tuple[str, str], list[KeyPoint]] = {}
    for p in sorted(points, key=lambda p: (p.aspect, p.side, -p.support, p.label)):
        groups.setdefault((p.aspect, p.side), []).append(p)
    return Matrix(question_id, [corpus.docs[d] for d in order[:MAX_COLUMNS]],
                  [(a, s, ps) for (a, s), ps in groups.items()], order[MAX_COLUMNS:])


def _doc_ids(corpus: Corpus, refs: Any) -> list[str]:
    out: list[str] = []
    for ref in as_list(refs):
        ref = ref.get("doc_id") or ref.get("source") if isinstance(ref, dict) else ref
        doc_id = corpus.doc_id(ref)
        if doc_id and doc_id not in out:
            out.append(doc_id)
    return out


def _keypoint(corpus: Corpus, row: dict[str, Any]) -> KeyPoint:
    doc_ids = _doc_ids(corpus, row.get("sources"))
    quotes: dict[str, Quote] = {}
    for item in as_list(row.get("quotes")):
        quote = corpus.quote(item)
        if quote is None or quote.doc_id is None:
            continue
        quotes.setdefault(quote.doc_id, quote)
        if quote.doc_id not in doc_ids:
            doc_ids.append(quote.doc_id)
    support = row.get("support")
    return KeyPoint(str(row.get("id")), str(row.get("label") or ""),
                    str(row.get("side") or "?"), str(row.get("aspect") or "other"),
                    int(support) if support is not None else len(doc_ids), doc_ids, quotes,
                    [d for d in _doc_ids(corpus, row.get("against")) if d not in doc_ids])

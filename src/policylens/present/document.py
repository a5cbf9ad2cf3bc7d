"""A document's clean text as paragraphs of sentences, with the cited ones marked."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any

from .base import columns, fetch, has_rows
from .events import Event
from .refs import Corpus, Quote


@dataclass
class Marked:
    """One sentence and why it is highlighted (event types, stances)."""

    idx: int | None
    text: str
    events: list[str] = field(default_factory=list)
    stances: list[str] = field(default_factory=list)


def paragraphs(db: sqlite3.Connection, corpus: Corpus, doc_id: str, events: list[Event] | None,
               stance_quotes: list[tuple[Quote, str]]) -> list[list[Marked]]:
    """``stance_quotes``: (quote, label) of stance evidence and key-point quotes."""
    text = fetch(db, "SELECT text FROM documents WHERE id = ?", (doc_id,))[0]["text"]
    sentences = corpus.sentences(doc_id)
    if not sentences:
        return [[Marked(None, p)] for p in text.split("\n\n") if p.strip()]
    marks = {s["idx"]: Marked(s["idx"], s["text"]) for s in sentences}
    for e in events or []:
        for q in e.quotes:
            if q.doc_id == doc_id and q.idx in marks:
                marks[q.idx].events.append(f"{e.type} ({e.modality}): {e.dyad}")
    for q, label in stance_quotes:
        if q.doc_id == doc_id and q.idx in marks and label not in marks[q.idx].stances:
            marks[q.idx].stances.append(label)
    return _split(text, sentences, marks)


def _split(text: str, sentences: list[dict[str, Any]], marks: dict[int, Marked]) -> list[list[Marked]]:
    """Group sentences into paragraphs where a line break separates them (in the gap
    between them, or in the whitespace a sentence span ends with)."""
    paras: list[list[Marked]] = [[]]
    last_end = 0
    for s in sentences:
        if "\n" in text[last_end:s["start"]] and paras[-1]:
            paras.append([])
        mark = marks[s["idx"]]
        mark.text = mark.text.strip()
        paras[-1].append(mark)
        last_end = s["start"] + len(s["text"].rstrip())
    return [p for p in paras if p]


def claim_marks(db: sqlite3.Connection, corpus: Corpus, doc_id: str) -> list[tuple[Quote, str]]:
    """The document's claims that take a side (argued positions only, where marked)."""
    if not has_rows(db, "claims"):
        return []
    argued = " AND is_claim = 1" if "is_claim" in columns(db, "claims") else ""
    rows = fetch(db, "SELECT sentence_id, stance FROM claims WHERE doc_id = ? "
                     f"AND stance IN ('pro', 'con'){argued}", (doc_id,))
    return [(q, f"{r['stance']} claim") for r in rows
            if (q := corpus.sentence_by_id(r["sentence_id"])) is not None]

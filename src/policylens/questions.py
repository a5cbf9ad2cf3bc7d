"""The questions a user asks of a corpus; each gets a stable id."""

from __future__ import annotations

import hashlib
import sqlite3
from typing import Iterable

from .ingest.identity import normalize_text
from .store.db import transaction
from .store.writes import now


def question_id(text: str) -> str:
    return "q-" + hashlib.sha256(normalize_text(text).casefold().encode()).hexdigest()[:10]


def add_questions(db: sqlite3.Connection, texts: Iterable[str]) -> list[str]:
    """Store the questions (once each) and return their ids."""
    ids = []
    with transaction(db):
        for text in texts:
            text = normalize_text(text)
            qid = question_id(text)
            db.execute("INSERT OR IGNORE INTO questions (id, text, created) VALUES (?, ?, ?)",
                       (qid, text, now()))
            ids.append(qid)
    return ids

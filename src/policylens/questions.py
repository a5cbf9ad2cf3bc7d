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
    """Store the questions (once each) with their target phrases and return their ids.

    A new question makes the stance stages run again over every document.
    """
    ids = []
    with transaction(db):
        for text in texts:
            text = normalize_text(text)
            qid = question_id(text)
            added = db.execute(
                "INSERT OR IGNORE INTO questions (id, text, target, created) VALUES (?, ?, ?, ?)",
                (qid, text, question_target(text), now())).rowcount
            if added:
                db.execute("DELETE FROM stage_done WHERE stage LIKE 'stance.%'")
            ids.append(qid)
    return ids


def question_target(text: str) -> str:
    from .nlp.model import load_nlp
    from .settings import Settings
    from .stance.target import derive_target

    return derive_target(text, load_nlp(Settings().spacy_model))

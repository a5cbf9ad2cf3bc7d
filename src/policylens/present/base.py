"""Small helpers for reading tables whose exact shape other stages own."""

from __future__ import annotations

import json
import sqlite3
from typing import Any, Iterable


def fetch(db: sqlite3.Connection, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
    """Rows as dicts, whatever the connection's row factory."""
    cur = db.cursor()
    cur.row_factory = sqlite3.Row
    return [dict(r) for r in cur.execute(sql, tuple(params)).fetchall()]


def table_exists(db: sqlite3.Connection, table: str) -> bool:
    row = db.execute("SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?",
                     (table,)).fetchone()
    return row is not None


def has_rows(db: sqlite3.Connection, table: str) -> bool:
    """True when the table exists and holds at least one row."""
    if not table_exists(db, table):
        return False
    return db.execute(f'SELECT 1 FROM "{table}" LIMIT 1').fetchone() is not None


def columns(db: sqlite3.Connection, table: str) -> set[str]:
    return {r[1] for r in db.execute(f'PRAGMA table_info("{table}")')}


def pick(cols: set[str], *names: str) -> str | None:
    """The first of ``names`` that is a column: tables of parallel stages may name them so."""
    return next((n for n in names if n in cols), None)


def as_list(value: Any) -> list[Any]:
    """A JSON list, a JSON scalar, a ';'/'|'-separated string or None, as a list."""
    if value is None or value == "":
        return []
    if isinstance(value, (list, tuple)):
        return list(value)
    if isinstance(value, str):
        text = value.strip()
        if text[:1] in "[{\"":
            try:
                parsed = json.loads(text)
            except ValueError:
                return [value]
            return parsed if isinstance(parsed, list) else [parsed]
        for sep in ("|", ";"):
            if sep in text:
                return [p.strip() for p in text.split(sep) if p.strip()]
    return [value]


def short_id(doc_id: str) -> str:
    return str(doc_id)[:12]

"""The policylens Datasette plugin: pages, metadata, a read-only guard, menu links.

Registered programmatically by :func:`register` (no entry point to install).
"""

from __future__ import annotations

import sqlite3
import time
from typing import Any

from datasette import hookimpl

from .metadata import DATABASE, metadata
from .pages import BASE, ROUTES

_SCHEMA_TTL_S = 5.0
_schema_cache: dict[str, tuple[float, dict[str, set[str]]]] = {}


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    return ROUTES


@hookimpl
def prepare_connection(conn: sqlite3.Connection, database: str) -> None:
    # Belt and braces: Datasette opens the project database with mode=ro already.
    if database == DATABASE:
        conn.execute("PRAGMA query_only = 1")


@hookimpl
def menu_links() -> list[dict[str, str]]:
    return [{"href": BASE, "label": "policylens dashboard"},
            {"href": f"{BASE}/timeline", "label": "policylens timeline"}]


@hookimpl
def get_metadata(datasette: Any) -> dict[str, Any]:
    """Descriptions and facets; facets only on columns the database has, since the
    tables of later stages appear (and change) while the server runs."""
    data = metadata()
    db = datasette.databases.get(DATABASE)
    if db is None or not db.path:
        return data
    schema = _schema(db.path)
    for name, table in data["databases"][DATABASE]["tables"].items():
        if "facets" in table:
            table["facets"] = [c for c in table["facets"] if c in schema.get(name, set())]
    return data


def _schema(path: str) -> dict[str, set[str]]:
    cached = _schema_cache.get(path)
    if cached and time.monotonic() - cached[0] < _SCHEMA_TTL_S:
        return cached[1]
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        schema = {t: {r[1] for r in conn.execute(f'PRAGMA table_info("{t}")')} for t in tables}
    finally:
        conn.close()
    _schema_cache[path] = (time.monotonic(), schema)
    return schema

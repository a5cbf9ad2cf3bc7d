"""Export any table as JSON lines, CSV or Parquet."""

from __future__ import annotations

import csv
import json
import sqlite3
import sys
from pathlib import Path
from typing import Any, Callable, Iterator, TextIO

from ..errors import UsageError
from .files import storage_error

FORMATS = ("jsonl", "csv", "parquet")
# Per-table column choices; other tables export every non-binary column.
VIEWS = {
    "documents": """SELECT id, source, url, title, author, outlet, published,
        published_earliest, published_latest, date_how, date_evidence, kind, language,
        text, stage, stage_version FROM documents ORDER BY source, id""",
    "sources": """SELECT source, key, status, reason, doc_id, stage, stage_version, run_id
        FROM sources ORDER BY key""",
    "sentences": """SELECT id, doc_id, idx, start, end, text, stage, stage_version
        FROM sentences ORDER BY doc_id, idx""",
    "parses": "SELECT doc_id, model, stage, stage_version FROM parses ORDER BY doc_id",
    # `mentions` exports the resolved actor mentions, each with the label of the spaCy
    # entity it overlaps (if any); the raw spaCy entities export as `entities`.
    "mentions": """SELECT a.id, a.doc_id, a.sentence_id, a.start, a.end, a.text, a.actor_id,
        a.name, a.code, a.role, a.sector, a.kind, a.how,
        (SELECT m.label FROM mentions m WHERE m.doc_id = a.doc_id AND m.start < a.end
           AND a.start < m.end ORDER BY m.start LIMIT 1) AS entity_label,
        a.stage, a.stage_version FROM actor_mentions a ORDER BY a.doc_id, a.start, a.end""",
    "entities": """SELECT id, doc_id, sentence_id, start, end, text, label, stage,
        stage_version FROM entities ORDER BY doc_id, start""",
    "actors": """SELECT id, kind, name, code, aliases, stage, stage_version FROM actors
        ORDER BY kind, id""",
    "actor_roles": """SELECT actor_id, office, code, role, start, end, acting, note, stage,
        stage_version FROM actor_roles ORDER BY office, start""",
    # One object per event mention; event_id comes from the dedup stage.
    "events": """SELECT m.id, COALESCE(l.event_id, m.id) AS event_id, m.doc_id,
        COALESCE(d.url, d.source) AS source, m.sentence, m.evidence, m.actor, m.target,
        m.type, m.mode, m.context, m.modality, COALESCE(o.date, m.date) AS date,
        COALESCE(o.date_precision, m.date_precision) AS date_precision,
        COALESCE(o.date_how, m.date_how) AS date_how,
        m.cameo, m.goldstein, m.confidence, m.stage, m.stage_version
        FROM event_mentions m JOIN documents d ON d.id = m.doc_id
        LEFT JOIN event_links l ON l.mention_id = m.id
        LEFT JOIN event_dates o ON o.mention_id = m.id
        ORDER BY d.source, m.doc_id, m.id""",
    "corpus_events": """SELECT id, place, date, date_precision, doc_id, evidence, stage,
        stage_version FROM corpus_events ORDER BY place, date""",
    "dyads": """SELECT source_code, target_code, month, goldstein_sum, count, stage,
        stage_version FROM dyads ORDER BY source_code, target_code, month""",
    "stances": """SELECT s.doc_id, d.source, s.question_id, q.text AS question, s.stance,
        s.confidence, s.evidence FROM stances s JOIN documents d ON d.id = s.doc_id
        JOIN questions q ON q.id = s.question_id ORDER BY q.created, s.question_id, d.source""",
    "keypoints": """SELECT id, question_id, label, side, aspect, sources, quotes, support
        FROM keypoints ORDER BY question_id, side DESC, support DESC, score DESC, id""",
    "claims": """SELECT c.id, c.doc_id, d.source, c.question_id, c.sentence_id, c.sentence,
        c.stance, c.confidence, c.aspect, c.is_claim, c.p_pro, c.p_con, c.p_neutral,
        c.stage, c.stage_version FROM claims c JOIN documents d ON d.id = c.doc_id
        ORDER BY c.question_id, d.source, c.position""",
}


def _json_fields(*names: str) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """A row fixer decoding the JSON text columns ``names`` into lists and objects."""
    def fix(row: dict[str, Any]) -> dict[str, Any]:
        return {k: json.loads(v) if k in names and isinstance(v, str) else v for k, v in row.items()}
    return fix


def _claim_row(row: dict[str, Any]) -> dict[str, Any]:
    return {**row, "is_claim": bool(row["is_claim"])}


# Per-table functions turning stored columns into their exported form.
ROW_FIXERS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "events": _json_fields("actor", "target"),
    "stances": _json_fields("evidence"),
    "keypoints": _json_fields("sources", "quotes"),
    "claims": _claim_row,
}
HIDDEN = {"_migrations", "stage_done", "sqlite_sequence"}


def exportable_tables(db: sqlite3.Connection) -> list[str]:
    rows = db.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
                      "AND name NOT LIKE 'sentences_fts%' ORDER BY name")
    return [r[0] for r in rows if r[0] not in HIDDEN]


def table_rows(db: sqlite3.Connection, table: str) -> Iterator[dict[str, Any]]:
    tables = exportable_tables(db)
    if table not in tables:
        raise UsageError(f"No table '{table}'. Choose one of: {', '.join(tables)}.")
    sql = VIEWS.get(table, f"SELECT * FROM {table}")
    fix = ROW_FIXERS.get(table, lambda r: r)
    for row in db.execute(sql):
        yield fix({k: row[k] for k in row.keys() if not isinstance(row[k], bytes)})


def export_table(db: sqlite3.Connection, table: str, fmt: str, output: Path | None) -> int:
    if fmt not in FORMATS:
        raise UsageError(f"Unknown format '{fmt}'. Choose one of: {', '.join(FORMATS)}.")
    rows = table_rows(db, table)
    if fmt == "parquet":
        if output is None:
            raise UsageError("Parquet is binary: give an output file with -o FILE.parquet.")
        return _write_parquet(list(rows), output)
    if output is None:
        return _write_text(rows, fmt, sys.stdout)
    try:
        with open(output, "w", encoding="utf-8", newline="") as fh:
            return _write_text(rows, fmt, fh)
    except OSError as exc:
        raise storage_error(output, exc) from exc


def _write_text(rows: Iterator[dict[str, Any]], fmt: str, out: TextIO) -> int:
    count = 0
    writer = None
    for row in rows:
        if fmt == "jsonl":
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        else:
            if writer is None:
                writer = csv.DictWriter(out, fieldnames=list(row))
                writer.writeheader()
            writer.writerow({k: _csv_value(v) for k, v in row.items()})
        count += 1
    return count


def _csv_value(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else value


def _write_parquet(rows: list[dict[str, Any]], output: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist(rows), output)
    return len(rows)

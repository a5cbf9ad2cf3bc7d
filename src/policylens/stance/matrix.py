"""The pro/con matrix: key points (rows) × sources (columns)."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

MAKES, AGAINST = "makes", "against"


@dataclass
class Matrix:
    sources: list[str]
    rows: list[dict]  # {"id", "label", "side", "cells": {source: "makes" | "against"}}


def keypoint_matrix(db: sqlite3.Connection, question_id: str | None = None) -> Matrix:
    """Which source makes each key point, and which takes the other side of the question."""
    sql = "SELECT id, question_id, label, side, sources, against FROM keypoints"
    args: tuple = ()
    if question_id:
        sql, args = sql + " WHERE question_id = ?", (question_id,)
    rows, sources = [], set()
    for r in db.execute(sql + " ORDER BY question_id, side DESC, support DESC, score DESC, id", args):
        cells = {s: MAKES for s in json.loads(r["sources"])}
        cells.update({s: AGAINST for s in json.loads(r["against"]) if s not in cells})
        sources.update(cells)
        rows.append({"id": r["id"], "question_id": r["question_id"], "label": r["label"],
                     "side": r["side"], "cells": cells})
    return Matrix(sources=sorted(sources), rows=rows)

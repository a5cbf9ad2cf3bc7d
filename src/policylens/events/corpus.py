"""Corpus stages: one event per real-world event (dedup), and monthly dyad scores."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from typing import Any

from ..stages import Rows, StageContext

PRECISION_RANK = {"day": 0, "month": 1, "year": 2, None: 3}


def compatible(a: str | None, b: str | None) -> bool:
    """Two dates can name one event when one is a prefix of the other, or either is unknown."""
    if not a or not b:
        return True
    return a.startswith(b) or b.startswith(a)


def group_mentions(mentions: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Mentions with the same type and codes, in groups of compatible dates (precise first)."""
    by_key: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
    for m in mentions:
        by_key[(m["type"], m["actor_codes"], m["target_codes"])].append(m)
    groups: list[list[dict[str, Any]]] = []
    for key in sorted(by_key):
        ordered = sorted(by_key[key], key=lambda m: (PRECISION_RANK.get(m["date_precision"], 3),
                                                     m["id"]))
        local: list[list[dict[str, Any]]] = []
        for m in ordered:
            home = next((g for g in local if compatible(g[0]["date"], m["date"])), None)
            if home is None:
                local.append([m])
            else:
                home.append(m)
        groups.extend(local)
    return groups


def event_id(group: list[dict[str, Any]]) -> str:
    first = group[0]
    key = "|".join([first["type"], first["actor_codes"], first["target_codes"],
                    first["date"] or ""])
    return "ev-" + hashlib.sha1(key.encode()).hexdigest()[:12]


class DedupStage:
    name = "events.dedup"
    version = "v2"
    level = "corpus"
    requires: tuple[str, ...] = ("events.plover", "events.anchors")
    writes = ("event_links", "events")

    def process(self, batch: list[dict[str, Any]], ctx: StageContext) -> Rows:
        mentions = [dict(r) for r in ctx.db.execute(
            "SELECT m.id, m.doc_id, m.type, m.actor_codes, m.target_codes, "
            "COALESCE(o.date, m.date) AS date, COALESCE(o.date_precision, m.date_precision) "
            "AS date_precision, m.modality, m.goldstein FROM event_mentions m "
            "LEFT JOIN event_dates o ON o.mention_id = m.id ORDER BY m.id")]
        stamp = {"stage": self.name, "stage_version": self.version}
        links, events = [], []
        for group in group_mentions(mentions):
            eid = event_id(group)
            links += [{"mention_id": m["id"], "event_id": eid, **stamp} for m in group]
            first = group[0]
            asserted = [m for m in group if m["modality"] == "asserted"]
            events.append({"event_id": eid, "type": first["type"],
                           "actor_codes": first["actor_codes"],
                           "target_codes": first["target_codes"], "date": first["date"],
                           "date_precision": first["date_precision"],
                           "modality": "asserted" if asserted else first["modality"],
                           "goldstein": first["goldstein"], "mentions": len(group),
                           "documents": len({m["doc_id"] for m in group}), **stamp})
        return {"event_links": links, "events": events}


class DyadStage:
    name = "events.dyads"
    version = "v1"
    level = "corpus"
    requires: tuple[str, ...] = ("events.dedup",)
    writes = ("dyads",)

    def process(self, batch: list[dict[str, Any]], ctx: StageContext) -> Rows:
        """Sum and count of Goldstein scores of asserted events per pair and month.

        Each real event counts once (not once per mention); an undated event
        counts in the month its first document was published.
        """
        rows = ctx.db.execute(
            """SELECT e.event_id, e.actor_codes, e.target_codes, e.goldstein,
                      COALESCE(e.date, MIN(d.published)) AS day
               FROM events e JOIN event_links l ON l.event_id = e.event_id
               JOIN event_mentions m ON m.id = l.mention_id
               JOIN documents d ON d.id = m.doc_id
               WHERE e.modality = 'asserted' GROUP BY e.event_id""")
        cells: dict[tuple[str, str, str], list[float]] = defaultdict(list)
        for r in rows:
            if not r["day"] or len(r["day"]) < 7 or r["goldstein"] is None:
                continue
            for src in r["actor_codes"].split(";"):
                for tgt in r["target_codes"].split(";"):
                    if src and tgt and src != tgt:
                        cells[(src, tgt, r["day"][:7])].append(r["goldstein"])
        stamp = {"stage": self.name, "stage_version": self.version}
        return {"dyads": [{"source_code": s, "target_code": t, "month": m,
                           "goldstein_sum": round(sum(v), 3), "count": len(v), **stamp}
                          for (s, t, m), v in sorted(cells.items())]}

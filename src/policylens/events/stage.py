"""The events stages: PLOVER coding per document, then dedup and dyads over the corpus."""

from __future__ import annotations

import bisect
import json
from datetime import date
from typing import Any

from ..nlp.spacy_stage import restore_doc
from ..stages import Rows, StageContext
from .actors_bridge import Actor, resolve_actors, stored_actors
from .coder import CodedEvent, finish, type_candidates
from .frames import candidates


def parse_day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def actor_json(actors: list[Actor]) -> str:
    return json.dumps([{"name": a.display_name, "code": a.code} for a in actors], ensure_ascii=False)


def codes(actors: list[Actor]) -> str:
    return ";".join(sorted({a.code for a in actors if a.code}))


class PloverStage:
    name = "events.plover"
    version = "v33"
    level = "document"
    requires: tuple[str, ...] = ("nlp.spacy", "actors.gazetteer")
    writes = ("event_mentions",)

    def process(self, batch: list[dict[str, Any]], ctx: StageContext) -> Rows:
        found = []  # (doc row, sentence index, candidate)
        for row in batch:
            parse = ctx.db.execute("SELECT data FROM parses WHERE doc_id = ?",
                                   (row["id"],)).fetchone()
            if parse is None:
                continue
            doc = restore_doc(parse["data"], ctx)
            published = parse_day(row.get("published") or row.get("published_earliest"))
            actors = stored_actors(ctx.db, row["id"])
            if actors is None:
                actors = resolve_actors(doc, published)
            starts = [s.start_char for s in doc.sents]
            for sent in doc.sents:
                for cand in candidates(doc, actors, sent):
                    if cand.targets:
                        idx = bisect.bisect_right(starts, sent.start_char) - 1
                        found.append((row, published, idx, cand))
        probs = type_candidates([f[3] for f in found])
        rows: list[dict[str, Any]] = []
        counters: dict[str, int] = {}
        for (row, published, idx, cand), p in zip(found, probs):
            event = finish(cand, p, published)
            if event is None:
                continue
            key = f"{row['id']}:{idx}"
            counters[key] = counters.get(key, 0) + 1
            rows.append(self._row(f"{key}:{counters[key] - 1}", row["id"], key, event))
        return {"event_mentions": rows}

    def _row(self, id_: str, doc_id: str, sentence_id: str, e: CodedEvent) -> dict[str, Any]:
        return {"id": id_, "doc_id": doc_id, "sentence_id": sentence_id,
                "sentence": e.sentence, "evidence": e.evidence,
                "actor": actor_json(e.sources), "target": actor_json(e.targets),
                "actor_codes": codes(e.sources), "target_codes": codes(e.targets),
                "type": e.type, "mode": e.mode, "context": e.context, "modality": e.modality,
                "date": e.date, "date_precision": e.date_precision, "date_how": e.date_how,
                "cameo": e.cameo, "goldstein": e.goldstein, "confidence": e.confidence,
                "stage": self.name, "stage_version": self.version}

"""The actor stages: resolve mentions per document, and store the gazetteer's actors."""

from __future__ import annotations

import json
from datetime import date
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc

from ..nlp.spacy_stage import restore_doc
from ..stages import Rows, StageContext
from .gazetteer import OPEN_END, load_gazetteer
from .mention import ActorMention
from .resolver import ActorResolver


@lru_cache(maxsize=1)
def shared_resolver() -> ActorResolver:
    """One resolver per process: the gazetteer and its matchers are built once."""
    return ActorResolver()


def parse_day(value: str | None) -> date | None:
    """An ISO date or datetime string as a date; partial dates take their middle."""
    if not value:
        return None
    text = value.strip()[:10]
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        if len(text) == 7:
            return date.fromisoformat(text + "-15")
        if len(text) == 4 and text.isdigit():
            return date(int(text), 7, 1)
    except ValueError:
        return None
    return None


def document_day(row: dict[str, Any]) -> date | None:
    """The date roles are resolved at: the publication date, else the middle of its window."""
    published = parse_day(row.get("published"))
    if published:
        return published
    early, late = parse_day(row.get("published_earliest")), parse_day(row.get("published_latest"))
    if early and late:
        return date.fromordinal((early.toordinal() + late.toordinal()) // 2)
    return early or late


class ActorStage:
    name = "actors.gazetteer"
    version = "v14"  # v14: "he" after an undated titled person keeps the title's office
    level = "document"
    requires: tuple[str, ...] = ("nlp.spacy",)
    writes = ("actor_mentions",)

    def process(self, batch: list[dict[str, Any]], ctx: StageContext) -> Rows:
        resolver = shared_resolver()
        ids = [row["id"] for row in batch]
        marks = ",".join("?" for _ in ids)
        parses = dict(ctx.db.execute(
            f"SELECT doc_id, data FROM parses WHERE doc_id IN ({marks})", ids).fetchall())
        rows: Rows = {"actor_mentions": []}
        for row in batch:
            if row["id"] not in parses:
                continue  # no parse: the NLP stage recorded why
            doc = restore_doc(parses[row["id"]], ctx)
            mentions = resolver.resolve(doc, document_day(row))
            rows["actor_mentions"] += self.mention_rows(row["id"], doc, mentions)
        return rows

    def mention_rows(self, doc_id: str, doc: Doc,
                     mentions: list[ActorMention]) -> list[dict[str, Any]]:
        bounds = [(s.start_char, s.end_char) for s in doc.sents]
        out, ids = [], set()
        for m in mentions:
            idx = next((n for n, (a, b) in enumerate(bounds) if a <= m.start < b), 0)
            mid = f"{doc_id}:{m.start}:{m.end}"
            mid = mid if mid not in ids else f"{mid}:{m.actor_id}"  # "the two countries": two actors
            ids.add(mid)
            out.append({"id": mid, "doc_id": doc_id,
                        "sentence_id": f"{doc_id}:{idx}", "start": m.start, "end": m.end,
                        "text": m.text, "actor_id": m.actor_id, "name": m.name,
                        "code": m.code, "role": m.role, "sector": m.sector, "kind": m.kind,
                        "how": m.how, "stage": self.name, "stage_version": self.version})
        return out


class ActorCatalogStage:
    """The gazetteer's states, organisations, people and dated roles, as tables."""

    name = "actors.catalog"
    version = "v1"
    level = "corpus"
    requires: tuple[str, ...] = ()
    writes = ("actors", "actor_roles")

    def process(self, batch: list[dict[str, Any]], ctx: StageContext) -> Rows:
        gaz = load_gazetteer()
        stamp = {"stage": self.name, "stage_version": self.version}
        actors = [{"id": s.code, "kind": "state", "name": s.name, "code": s.code,
                   "aliases": json.dumps([*s.aliases, *s.demonyms, *s.capitals],
                                         ensure_ascii=False), **stamp}
                  for s in gaz.states.values()]
        actors += [{"id": o.code, "kind": "org", "name": o.name, "code": o.code,
                    "aliases": json.dumps(list(o.aliases), ensure_ascii=False), **stamp}
                   for o in gaz.orgs.values()]
        actors += [{"id": p.actor_id, "kind": "person", "name": p.name, "code": p.nationality,
                    "aliases": json.dumps([*p.variants, *p.short], ensure_ascii=False),
                    **stamp} for p in gaz.people.values()]
        roles = [{"actor_id": f"person:{t.person}", "office": t.office,
                  "code": gaz.offices[t.office].code, "role": gaz.offices[t.office].role,
                  "start": t.start.isoformat(),
                  "end": None if t.end == OPEN_END else t.end.isoformat(),
                  "acting": int(t.acting), "note": t.note or None, **stamp}
                 for t in gaz.terms]
        return {"actors": actors, "actor_roles": roles}

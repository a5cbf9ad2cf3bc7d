"""Events (grouped from their mentions) with filters, and the dyad series."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any

from .base import as_list, columns, fetch, has_rows, pick
from .refs import Corpus, Quote

FACTUAL = "asserted"


@dataclass
class Party:
    name: str
    code: str

    @property
    def label(self) -> str:
        return self.name if not self.code or self.code == self.name else f"{self.name} ({self.code})"


@dataclass
class Event:
    id: str
    date: str | None
    date_precision: str | None
    date_how: str | None
    type: str
    mode: str | None
    modality: str
    actors: list[Party]
    targets: list[Party]
    goldstein: float | None
    cameo: str | None
    confidence: float | None
    quotes: list[Quote] = field(default_factory=list)

    @property
    def dyad(self) -> str:
        src = "+".join(p.code or p.name for p in self.actors) or "?"
        tgt = "+".join(p.code or p.name for p in self.targets) or "?"
        return f"{src} → {tgt}"

    def involves(self, actor: str, side: str = "") -> bool:
        """True when ``actor`` (a code or name) is a party: as "source", "target" or either."""
        needle = actor.casefold()
        parties = {"source": self.actors, "target": self.targets}.get(side,
                                                                    self.actors + self.targets)
        return any(needle in (p.code.casefold(), p.name.casefold()) for p in parties)


@dataclass
class EventFilter:
    actor: str = ""
    type: str = ""
    modality: str = ""
    start: str = ""
    end: str = ""
    aliases: tuple[str, ...] = ()  # other names of the actor: a person's name beside its id
    side: str = ""  # "source" or "target": the actor's side in the event; "" for either

    def keeps(self, e: Event) -> bool:
        names = (self.actor, *self.aliases)
        if self.actor and not any(e.involves(a, self.side) for a in names):
            return False
        if self.type and e.type != self.type or self.modality and e.modality != self.modality:
            return False
        # A month- or year-precision date ("2023-07") spans its period: kept if it overlaps.
        if self.start and (e.date is None or e.date + "\uffff" < self.start):
            return False
        return not (self.end and (e.date is None or e.date > self.end))


def parties(row: dict[str, Any], *prefixes: str) -> list[Party]:
    """Actor or target parties, stored as a JSON list of {name, code} or as names/codes."""
    for prefix in prefixes:
        value = row.get(prefix)
        if value not in (None, ""):
            items = as_list(value)
            if items and isinstance(items[0], dict):
                return [Party(str(i.get("name") or i.get("code") or ""), str(i.get("code") or ""))
                        for i in items]
        names = as_list(row.get(f"{prefix}_names", row.get(f"{prefix}_name")))
        codes = as_list(row.get(f"{prefix}_codes", row.get(f"{prefix}_code")))
        if names or codes:
            n = max(len(names), len(codes))
            return [Party(str(names[i] if i < len(names) else codes[i]),
                          str(codes[i] if i < len(codes) else "")) for i in range(n)]
        if value not in (None, ""):
            return [Party(str(v), str(v)) for v in as_list(value)]
    return []


# The events stage links mentions of one real-world event in a table of their own.
_MENTIONS_SQL = """SELECT m.*, l.event_id AS event_id FROM event_mentions m
    LEFT JOIN event_links l ON l.mention_id = m.id
    ORDER BY coalesce(m.confidence, 0) DESC, m.id"""


def load_events(db: sqlite3.Connection, corpus: Corpus) -> list[Event] | None:
    """Events, one per real-world event with the quotes of all its mentions; None if not computed."""
    if not has_rows(db, "event_mentions"):
        return None
    rows = fetch(db, _MENTIONS_SQL if has_rows(db, "event_links") else
                 "SELECT * FROM event_mentions ORDER BY coalesce(confidence, 0) DESC, id")
    events: dict[str, Event] = {}
    for row in rows:
        key = str(row.get("event_id") or row.get("id"))
        quote = _mention_quote(corpus, row)
        if key in events:
            if quote and all(q.doc_id != quote.doc_id for q in events[key].quotes):
                events[key].quotes.append(quote)
            continue
        events[key] = _event(key, row, quote)
    return sorted(events.values(), key=lambda e: (e.date or "9999", e.dyad, e.id))


def _event(key: str, row: dict[str, Any], quote: Quote | None) -> Event:
    return Event(
        id=key, date=row.get("date"), date_precision=row.get("date_precision"),
        date_how=row.get("date_how"), type=str(row.get("type") or "?"), mode=row.get("mode"),
        modality=str(row.get("modality") or FACTUAL),
        actors=parties(row, "actor", "source_actor", "actors"),
        targets=parties(row, "target", "target_actor", "targets"),
        goldstein=row.get("goldstein"), cameo=row.get("cameo"),
        confidence=row.get("confidence"), quotes=[quote] if quote else [])


def _mention_quote(corpus: Corpus, row: dict[str, Any]) -> Quote | None:
    doc_id = corpus.doc_id(row.get("doc_id"))
    sid = row.get("sentence_id")
    found = corpus.sentence_by_id(sid) if sid else None
    if found:
        return found
    text = row.get("sentence") or row.get("evidence")
    return corpus.locate(doc_id, str(text)) if text else None


@dataclass
class DyadPoint:
    source: str
    target: str
    month: str
    goldstein_sum: float
    count: int


def load_dyads(db: sqlite3.Connection) -> list[DyadPoint] | None:
    if not has_rows(db, "dyads"):
        return None
    cols = columns(db, "dyads")
    src = pick(cols, "source_code", "source", "actor_code", "actor", "source_actor")
    tgt = pick(cols, "target_code", "target", "target_actor")
    month = pick(cols, "month", "period", "date")
    total = pick(cols, "goldstein_sum", "goldstein", "score")
    count = pick(cols, "count", "n", "events")
    if not all((src, tgt, month, total)):
        return None
    count_sql = f'"{count}"' if count else "1"
    rows = fetch(db, f'SELECT "{src}" AS s, "{tgt}" AS t, "{month}" AS m, "{total}" AS g, '
                     f"{count_sql} AS c FROM dyads ORDER BY m")
    return [DyadPoint(str(r["s"]), str(r["t"]), str(r["m"]), float(r["g"] or 0), int(r["c"] or 0))
            for r in rows]


def top_dyads(points: list[DyadPoint], n: int = 6) -> list[tuple[str, str]]:
    """The pairs with the most events, most active first."""
    totals: dict[tuple[str, str], int] = {}
    for p in points:
        totals[(p.source, p.target)] = totals.get((p.source, p.target), 0) + p.count
    return sorted(totals, key=lambda k: (-totals[k], k))[:n]

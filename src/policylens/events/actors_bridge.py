"""Actor mentions for the coder: the actors stage's resolver, or spaCy entities without it.

The resolver (``policylens.actors``) links mentions to coded actors. Where it
is not installed the coder still runs on spaCy's entities, uncoded (the code
is the mention text), so that ``events code`` works with spans given.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import Any

from spacy.tokens import Doc

ENTITY_LABELS = {"GPE", "NORP", "ORG", "PERSON"}


@dataclass
class Actor:
    start: int  # character offsets in the document
    end: int
    text: str
    name: str
    code: str | None
    kind: str = "state"
    role: str | None = None  # a person's office at the document's date; None when out of office
    sector: str | None = None  # GOV, MIL, REB, OPP, JUD… for agents and office holders

    @property
    def display_name(self) -> str:
        """The actor's name, with the sector for an agent ("Sudan (REB)", "Japan (MIL)")."""
        return f"{self.name} ({self.sector})" if self.kind == "agent" and self.sector else self.name

    @property
    def side(self) -> tuple[str | None, str]:
        """Who acts within a state: its government unless a sector says otherwise ("Fijian
        rebels" and "the Fijian government" are two sides of one country)."""
        return self.code, self.sector or "GOV"

    @property
    def out_of_office(self) -> bool:
        """A person who held none of their offices at the document's date ("Yoon" in 2025)."""
        return self.kind == "person" and self.role is None


def resolve_actors(doc: Doc, when: date | None) -> list[Actor]:
    try:
        from ..actors import ActorResolver  # type: ignore[attr-defined]
    except ImportError:
        return [Actor(e.start_char, e.end_char, e.text, e.text, e.text, e.label_.lower())
                for e in doc.ents if e.label_ in ENTITY_LABELS]
    return [_from_mention(m) for m in _resolver(ActorResolver).resolve(doc, when)]


_RESOLVERS: dict[Any, Any] = {}


def _resolver(cls: Any) -> Any:
    if cls not in _RESOLVERS:
        _RESOLVERS[cls] = cls()
    return _RESOLVERS[cls]


def _from_mention(m: Any) -> Actor:
    return Actor(int(m.start), int(m.end), m.text, m.name or m.text, m.code,
                 getattr(m, "kind", "state"), getattr(m, "role", None), getattr(m, "sector", None))


def stored_actors(db: sqlite3.Connection, doc_id: str) -> list[Actor] | None:
    """The actors stage's rows for a document, or None when that table does not exist."""
    exists = db.execute("SELECT 1 FROM sqlite_master WHERE name = 'actor_mentions'").fetchone()
    if not exists:
        return None
    rows = db.execute("SELECT * FROM actor_mentions WHERE doc_id = ? ORDER BY start", (doc_id,))
    return [Actor(r["start"], r["end"], r["text"], r["name"] or r["text"], r["code"],
                  r["kind"] if "kind" in r.keys() else "state", r["role"], r["sector"]) for r in rows]

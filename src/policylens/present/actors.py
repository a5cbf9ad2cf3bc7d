"""Actors with the roles they held during the period the corpus covers."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from .base import columns, fetch, has_rows, pick


@dataclass
class Role:
    role: str
    start: str | None
    end: str | None
    detail: str = ""


@dataclass
class Actor:
    code: str
    name: str
    kind: str
    mentions: int = 0
    roles: list[Role] = field(default_factory=list)


def corpus_period(db: sqlite3.Connection) -> tuple[str | None, str | None]:
    row = db.execute("SELECT min(coalesce(published, published_earliest)), "
                     "max(coalesce(published, published_latest)) FROM documents").fetchone()
    return (row[0], row[1]) if row else (None, None)


def load_actors(db: sqlite3.Connection, all_roles: bool = False,
                mentioned_only: bool = True) -> list[Actor] | None:
    """Actors ordered by mentions (only those mentioned, when mentions are computed), with
    the roles they held during the corpus period (every role with ``all_roles``); None
    when the actor stage has not run."""
    if not has_rows(db, "actors"):
        return None
    cols = columns(db, "actors")
    code = pick(cols, "id", "code", "actor_code")  # id: a person's code is their country
    name = pick(cols, "name", "canonical", "label") or code
    kind = pick(cols, "kind", "type", "category", "sector")
    actors = {}
    for r in fetch(db, "SELECT * FROM actors"):
        key = str(r[code])
        actors[key] = Actor(key, str(r.get(name) or key), str(r.get(kind) or "") if kind else "")
    # The catalogue holds the whole gazetteer: keep the actors the sources mention.
    if _count_mentions(db, actors) and mentioned_only:
        actors = {k: a for k, a in actors.items() if a.mentions}
    _attach_roles(db, actors, (None, None) if all_roles else corpus_period(db))
    return sorted(actors.values(), key=lambda a: (-a.mentions, a.name))


def _count_mentions(db: sqlite3.Connection, actors: dict[str, Actor]) -> bool:
    """Set each actor's mention count; False when mentions are not computed."""
    if not has_rows(db, "actor_mentions"):
        return False
    col = pick(columns(db, "actor_mentions"), "actor_id", "actor_code", "code", "actor")
    if col is None:
        return False
    for r in fetch(db, f'SELECT "{col}" AS a, count(*) AS n FROM actor_mentions GROUP BY 1'):
        if str(r["a"]) in actors:
            actors[str(r["a"])].mentions = r["n"]
    return True


def _attach_roles(db: sqlite3.Connection, actors: dict[str, Actor],
                  period: tuple[str | None, str | None]) -> None:
    """Roles overlapping the corpus period: the roles actors held 'at the time'."""
    if not has_rows(db, "actor_roles"):
        return
    cols = columns(db, "actor_roles")
    who = pick(cols, "actor_code", "actor_id", "code", "actor", "holder")
    role = pick(cols, "role", "office", "title", "position")
    start = pick(cols, "start", "start_date", "valid_from", "from_date", "since")
    end = pick(cols, "end", "end_date", "valid_to", "to_date", "until")
    detail = pick(cols, "country", "organisation", "organization", "office_code", "code")
    if who is None or role is None:
        return
    first, last = period
    for r in fetch(db, "SELECT * FROM actor_roles"):
        actor = actors.get(str(r[who]))
        s, e = (r.get(start) if start else None), (r.get(end) if end else None)
        if actor is None or (last and s and s > last) or (first and e and e < first):
            continue
        actor.roles.append(Role(str(r[role]), s, e, str(r.get(detail) or "") if detail else ""))

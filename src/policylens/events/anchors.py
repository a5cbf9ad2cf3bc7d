"""Stage ``events.anchors``: dated events the corpus itself names, used to date other mentions.

The bundled table (``data/known_events.csv``) knows the big summits. The corpus knows more:
a sentence that names a meeting by its place and gives its date ("the summit in Gyeongju on
October 31", "the Ankara summit on July 7") teaches the corpus that event. A mention dated
only by its publication month whose sentence names the same meeting ("at the Gyeongju
summit") then takes that date, with ``date_how`` = ``corpus_event:<id>``. The learned events
are kept in ``corpus_events``, the new dates in ``event_dates`` (the mention rows stay as
``events.plover`` wrote them; ``export events`` shows the corpus date).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any, Iterator

from ..ingest.dates import find_dates
from ..ingest.known_events import find_event_refs
from ..stages import Rows, StageContext
from .stage import parse_day
from .when import date_of_mention

_NOUN = r"(?:summit|talks|conference|meeting|forum)"
_PLACE = r"(?:The )?[A-Z][a-z]+(?:[- ][A-Z][a-z]+)?"
_MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"}
_NOT_PLACES = {"The", "A", "An", "This", "That", "Last", "Next", "Its", "Their", "His", "Her",
               "Our", "Each", "Every", "Any", "No", "Annual", "First", "Second", "Final", "Emergency"}
BEFORE = re.compile(rf"\b(?P<place>{_PLACE}) {_NOUN}\b")  # "the Bergen summit"
AFTER = re.compile(rf"\b{_NOUN} (?:in|at) (?P<place>{_PLACE})\b")  # "talks in Bergen"


@dataclass(frozen=True)
class Anchor:
    key: str  # the place, lower case: "gyeongju"
    day: str  # YYYY-MM-DD or YYYY-MM
    precision: str
    doc_id: str
    sentence: str


def places(sentence: str) -> list[str]:
    """Places of the meetings a sentence names ("the Gyeongju summit", "talks in Geneva")."""
    found = []
    for pattern in (BEFORE, AFTER):
        for m in pattern.finditer(sentence):
            place = m.group("place").removeprefix("The ")
            first = place.split()[0]
            if first not in _MONTHS and first not in _NOT_PLACES and place.lower() not in found:
                found.append(place.lower())
    return found


def learn(sentence: str, doc_text: str, published: date | None, doc_id: str) -> Iterator[Anchor]:
    """Anchors a sentence teaches: a named meeting, not in the bundled table, with a written date."""
    named = places(sentence)
    if not named or find_event_refs(sentence, doc_text):
        return
    for mention in find_dates(sentence):
        found = date_of_mention(mention, published, planned=False) if mention.month else None
        if found is None:
            continue
        for key in named:
            yield Anchor(key, found.value, found.precision, doc_id, sentence)
        return


def agreed(anchors: list[Anchor]) -> dict[str, Anchor]:
    """One date per place: the one most sentences give (the earliest on a tie)."""
    by_key: dict[str, list[Anchor]] = defaultdict(list)
    for a in anchors:
        by_key[a.key].append(a)
    out = {}
    for key, group in sorted(by_key.items()):
        votes = Counter(a.day for a in group)
        best = min(votes, key=lambda d: (-votes[d], d))
        out[key] = min((a for a in group if a.day == best), key=lambda a: (a.doc_id, a.sentence))
    return out


def anchor_id(a: Anchor) -> str:
    return "ce-" + hashlib.sha1(f"{a.key}|{a.day}".encode()).hexdigest()[:10]


class AnchorStage:
    name = "events.anchors"
    version = "v1"
    level = "corpus"
    requires: tuple[str, ...] = ("events.plover",)
    writes = ("corpus_events", "event_dates")

    def process(self, batch: list[dict[str, Any]], ctx: StageContext) -> Rows:
        stamp = {"stage": self.name, "stage_version": self.version}
        known = agreed(list(self._learned(ctx)))
        events = [{"id": anchor_id(a), "place": a.key, "date": a.day, "date_precision": a.precision,
                   "doc_id": a.doc_id, "evidence": a.sentence, **stamp} for a in known.values()]
        dates = []
        for m in ctx.db.execute("SELECT id, sentence FROM event_mentions "
                                "WHERE date_how = 'publication' ORDER BY id"):
            hit = next((known[k] for k in places(m["sentence"]) if k in known), None)
            if hit is not None:
                dates.append({"mention_id": m["id"], "date": hit.day, "date_precision": hit.precision,
                              "date_how": f"corpus_event:{anchor_id(hit)}", **stamp})
        return {"corpus_events": events, "event_dates": dates}

    def _learned(self, ctx: StageContext) -> Iterator[Anchor]:
        docs = ctx.db.execute("SELECT id, text, COALESCE(published, published_earliest) AS day "
                              "FROM documents ORDER BY id")
        for doc in docs:
            if not AFTER.search(doc["text"] or "") and not BEFORE.search(doc["text"] or ""):
                continue
            published = parse_day(doc["day"])
            for s in ctx.db.execute("SELECT text FROM sentences WHERE doc_id = ? ORDER BY idx",
                                    (doc["id"],)):
                yield from learn(s["text"], doc["text"], published, doc["id"])

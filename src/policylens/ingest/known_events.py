"""A small table of dated events, and the places in a text that refer to them.

Texts rarely state their own date but often anchor themselves to events
everyone knows: "this week's NATO summit", "last year's Vilnius summit",
"the upcoming November APEC summit in South Korea". This module finds such
references and lists the known events each one can mean; choosing among
them needs the rest of the document (see ``pubdate``).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

from policylens.ingest.dates import MONTH_NAMES, find_dates, month_number, safe_date

__all__ = ["KnownEvent", "EventRef", "load_known_events", "find_event_refs", "STATUS_KINDS"]

# Events whose mention means "after this date" rather than "this happened":
# "President Yoon" is written only after Yoon took office.
STATUS_KINDS = frozenset({"inauguration"})

_SERIES = {
    "nato_summit": r"NATO|North Atlantic Treaty Organi[sz]ation|Atlantic [Aa]lliance",
    "apec_summit": r"APEC|Asia[- ]Pacific Economic Cooperation",
    "g7_summit": r"G7|G-7|Group of Seven",
}
_SERIES_RE = {k: re.compile(rf"(?<![\w-])(?:{v})(?![\w-])") for k, v in _SERIES.items()}
_NOUN_RE = re.compile(r"\b(?:[Ss]ummit|[Ss]ummits|[Ll]eaders['\u2019]? [Mm]eeting)\b")
# Words that end the pre-modifiers of "summit" when reading leftwards.
_LEFT_STOP = re.compile(
    r".*(?:\b(?:the|a|an|in|at|to|of|for|with|on|from|during|after|before|by|and|or|but|that"
    r"|which|who|its|their|his|her|our|your)\b|[,;:\"\u201c\u201d])",
    re.IGNORECASE | re.DOTALL,
)
_RELATION_RE = re.compile(
    r"\b(?P<which>this|last|next|yesterday|today|tomorrow)(?:\s+(?P<unit>week|month|year))?"
    r"(?:['\u2019]s)?(?=\s|$)|\b(?P<future>upcoming|forthcoming|coming|impending|planned|scheduled|next)\b"
    r"|\b(?P<past>recent|recently[- ]concluded|just[- ]concluded|previous|past)\b",
    re.IGNORECASE,
)
_RIGHT_PLACE_RE = re.compile(
    r"^\s*(?:(?:that was |which was |to be )?(?:held|hosted|convened|taking place|scheduled))?"
    r"\s*(?:in|at)\s+(?P<place>(?:the\s+)?[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3})"
)
_RIGHT_RELATION_RE = re.compile(
    r"^[^.;]{0,40}?\b(?P<which>this|last|next)\s+(?P<unit>week|month|year)\b", re.IGNORECASE
)
_AHEAD_RE = re.compile(
    r"\b(?:ahead of|in the run-up to|in advance of|in preparation for|before)\s+(?:the\s+|this\s+)?$",
    re.IGNORECASE,
)
_MONTH_WORD_RE = re.compile(rf"\b({MONTH_NAMES})\b")
# "summit held in Madrid on June 29th-30th", "summit of July 2024": a date that
# belongs to the summit itself, not to the rest of the clause ("since 2022").
_RIGHT_DATE_RE = re.compile(
    r"^\s*,?\s*(?:(?:which|that) (?:was|is|will be) )?(?:held |hosted |convened )?"
    r"(?:(?:in|at) (?:the )?[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3},? )?(?:on|in|of) (?=\S)"
)
_BARE_WORDS = re.compile(r"^(?:(?:this|last|next|the|upcoming|forthcoming|coming|recent|previous|"
                         r"year|week|month|annual)(?:['\u2019]s)?\s*)*$", re.IGNORECASE)
_METONYM_CITIES = frozenset({"Washington", "Brussels", "London", "Paris", "Berlin", "Seoul", "Tokyo",
                             "Beijing", "Moscow", "Canberra", "Ottawa", "Rome", "Madrid", "Warsaw"})
_OTHER_PARTIES = re.compile(r"^\s*(?:between|with|of|among)\b")
# Where a sentence ends in plain text: end punctuation before a capital or quote, or a line break.
SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+(?=[A-Z\"\u201c])|\n")
_WORD_RE = re.compile(r"(?<![\w-])[^\W\d_][\w'\u2019]*")


@dataclass(frozen=True)
class KnownEvent:
    id: str
    name: str
    aliases: tuple[str, ...]
    start: date
    end: date
    kind: str
    places: tuple[str, ...]


@dataclass
class EventRef:
    """One place in a text that points at a known event.

    ``relation`` is how the text places the event relative to its own date:
    ("week"|"month"|"year"|"day", offset), "future", "past", or None.
    """

    text: str
    pos: int
    candidates: list[KnownEvent]
    relation: tuple[str, int] | str | None = None
    status: bool = False
    by_context: bool = False  # narrowed by a host city named elsewhere in the text


def _places(cell: str) -> tuple[str, ...]:
    parts = re.split(r"[;,]", cell)
    return tuple(p.strip() for p in parts if p.strip() and p.strip() not in {"D.C."})


@lru_cache(maxsize=1)
def load_known_events() -> tuple[KnownEvent, ...]:
    """The bundled table ``data/known_events.csv``, parsed once per process."""
    path = resources.files("policylens").joinpath("data", "known_events.csv")
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return tuple(
        KnownEvent(
            id=row["id"],
            name=row["name"],
            aliases=tuple(a.strip() for a in row["aliases"].split(";") if a.strip()),
            start=date.fromisoformat(row["start"]),
            end=date.fromisoformat(row["end"]),
            kind=row["kind"],
            places=_places(row["place"]),
        )
        for row in rows
    )


def _phrase_pattern(phrase: str) -> str:
    """Regex for a phrase that tolerates hyphen/space and apostrophe variants."""
    words = re.split(r"[\s\-\u2010\u2011\u2013]+", phrase.strip())
    parts = [re.escape(w).replace("'", "['\u2019]") for w in words if w]
    return r"(?<![\w-])" + r"[\s\-\u2010\u2011\u2013]+".join(parts) + r"(?![\w-])"


def _alias_key(text: str) -> str:
    return re.sub(r"[\s\-\u2010\u2011\u2013]+", " ", text.replace("\u2019", "'")).casefold().strip()


@lru_cache(maxsize=1)
def _alias_index() -> dict[str, list[tuple[re.Pattern[str], KnownEvent]]]:
    """Alias patterns by their first word, so a text is scanned word by word once."""
    index: dict[str, list[tuple[re.Pattern[str], KnownEvent]]] = {}
    for event in load_known_events():
        for alias in event.aliases:
            first = _alias_key(alias).split(" ")[0]
            index.setdefault(first, []).append((re.compile(_phrase_pattern(alias), re.IGNORECASE), event))
    return index


@lru_cache(maxsize=256)
def _place_pattern(place: str) -> re.Pattern[str]:
    return re.compile(_phrase_pattern(place.removeprefix("The ").removeprefix("the ")), re.IGNORECASE)


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    start = max(0, pos - 600)
    for m in SENTENCE_END.finditer(text, start, pos):
        start = m.end()
    m = SENTENCE_END.search(text, pos, pos + 600)
    return start, (m.start() + 1 if m else min(len(text), pos + 600))


def _relation(phrase: str) -> tuple[str, int] | str | None:
    offsets = {"this": 0, "last": -1, "next": 1, "today": 0, "yesterday": -1, "tomorrow": 1}
    for m in _RELATION_RE.finditer(phrase):
        if m.group("which") and (m.group("unit") or m.group("which").lower() != "this"):
            which = m.group("which").lower()
            unit = (m.group("unit") or "day").lower()
            if unit == "day" and which in {"last", "next"}:
                return "future" if which == "next" else "past"
            return unit, offsets[which]
        if m.group("future"):
            return "future"
        if m.group("past"):
            return "past"
    return None


def _match_place(text: str, events: list[KnownEvent]) -> list[KnownEvent]:
    return [e for e in events if any(_place_pattern(p).search(text) for p in e.places)]


def _of_series(series: str) -> list[KnownEvent]:
    return [e for e in load_known_events() if e.kind == series]


def _series_in(phrase: str) -> str | None:
    for series, pattern in _SERIES_RE.items():
        if pattern.search(phrase):
            return series
    return None


def dominant_series(text: str) -> str | None:
    """The summit series a document talks about most, if one leads."""
    counts = sorted(((len(p.findall(text)), k) for k, p in _SERIES_RE.items()), reverse=True)
    (top, best), (second, _) = counts[0], counts[1]
    return best if top > second else None


def _filter_by_dates(events: list[KnownEvent], phrase: str, right: str) -> list[KnownEvent]:
    """Keep events matching a year, month or day written beside the summit noun."""
    months = [month_number(w) for w in _MONTH_WORD_RE.findall(phrase)]
    mentions = find_dates(phrase)
    held = _RIGHT_DATE_RE.match(right)
    if held:
        mentions += find_dates(right[held.end() : held.end() + 30])[:1]
    for mention in mentions:
        if mention.year is not None:
            events = [e for e in events if e.start.year <= mention.year <= e.end.year]
        if mention.month is not None:
            months.append(mention.month)
        if mention.day is not None and mention.month is not None:
            events = [e for e in events if _covers_day(e, mention.month, mention.day)]
    for month in months:
        events = [e for e in events if month in (e.start.month, e.end.month)]
    return events


def _covers_day(event: KnownEvent, month: int, day: int) -> bool:
    """Whether month/day falls in the event, in any of its years."""
    for year in range(event.start.year, event.end.year + 1):
        when = safe_date(year, month, day)
        if when is not None and event.start <= when <= event.end:
            return True
    return False


def _summit_ref(text: str, m: re.Match[str], default_series: str | None) -> EventRef | None:
    s_start, s_end = _sentence_bounds(text, m.start())
    left = text[max(s_start, m.start() - 100) : m.start()]
    cut = _LEFT_STOP.match(left)
    phrase = left[cut.end() :] if cut else left
    right = text[m.end() : min(s_end, m.end() + 80)]
    series = _series_in(phrase) or _series_in(right[:12])
    place_m = _RIGHT_PLACE_RE.match(right)
    place_text = phrase + " " + (place_m.group("place") if place_m else "")
    if series is None:
        # "this year's summit", "the Vilnius summit" in a text about NATO summits
        series = default_series
        bare = _BARE_WORDS.match(phrase.strip()) is not None and not _OTHER_PARTIES.match(right)
        if series is None or not (bare or _match_place(place_text, _of_series(series))):
            return None
    events = _of_series(series)
    placed = _match_place(place_text, events)
    if place_m and not placed:
        return None  # a summit somewhere the table does not know
    events = _filter_by_dates(placed or events, phrase, right)
    relation = _relation(phrase)
    if relation is None:
        rm = _RIGHT_RELATION_RE.match(right)
        relation = _relation(rm.group(0)) if rm else None
    before = text[max(s_start, m.start() - len(phrase) - 40) : m.start() - len(phrase)]
    if relation is None and _AHEAD_RE.search(before):
        relation = "future"
    if not events:
        return None
    start = m.start() - len(phrase) + (len(phrase) - len(phrase.lstrip()))
    end = m.end() + (place_m.end() if place_m else 0)
    return EventRef(text[start:end], start, events, relation)


def find_event_refs(text: str, context: str | None = None) -> list[EventRef]:
    """Every reference to a known event in ``text``: summits and named events.

    ``context`` (the whole document, when ``text`` is one sentence of it) tells which
    summit series the text is about: "the Madrid summit" is NATO's in a text about NATO.
    """
    about = context if context is not None else text
    default_series = dominant_series(about)
    refs: list[EventRef] = []
    for m in _NOUN_RE.finditer(text):
        ref = _summit_ref(text, m, default_series)
        if ref is not None:
            refs.append(ref)
    taken = [(r.pos, r.pos + len(r.text)) for r in refs]
    named = {k for k, p in _SERIES_RE.items() if p.search(text) or p.search(about)}
    index = _alias_index()
    for word in _WORD_RE.finditer(text):
        for pattern, event in index.get(word.group(0).replace("\u2019", "'").casefold(), ()):
            m = pattern.match(text, word.start())
            if m is None or any(a < m.end() and m.start() < b for a, b in taken):
                continue
            if event.kind in _SERIES and event.kind not in named:
                continue  # "the Washington summit" is NATO's only in a text about NATO
            left = text[max(0, m.start() - 40) : m.start()]
            cut = _LEFT_STOP.match(left)
            relation = _relation(left[cut.end() :] if cut else left)
            refs.append(EventRef(m.group(0), m.start(), [event], relation, event.kind in STATUS_KINDS))
    refs.sort(key=lambda r: r.pos)
    _narrow_by_host_city(text, refs)
    return refs


def _narrow_by_host_city(text: str, refs: list[EventRef]) -> None:
    """Read a plain "the NATO summit" as the one whose host city the text names.

    Capitals are left out: "Washington" or "Brussels" usually means a
    government or NATO headquarters, not a summit venue.
    """
    for ref in refs:
        if len(ref.candidates) < 2 or ref.relation is not None:
            continue
        named = [e for e in ref.candidates if e.places and e.places[0] not in _METONYM_CITIES
                 and _place_pattern(e.places[0]).search(text)]
        if len(named) == 1:
            ref.candidates, ref.by_context = named, True

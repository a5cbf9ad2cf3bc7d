"""Dates of event mentions, resolved from the text.

In order: an explicit date in the evidence or sentence ("June 29th-30th",
"On May 27", "in 2012"); an anchor to a known dated event ("the Madrid
summit"); a date relative to publication ("last month", "this week",
"earlier this year"). Each result has a precision (day, month, year) and says
how it was found. No cue: no date (the text gives none).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..ingest.dates import DateMention, find_dates
from ..ingest.known_events import EventRef, KnownEvent, find_event_refs

RELATIVE = [  # pattern, (unit, offset), precision
    (re.compile(r"\b(today|this morning|tonight)\b", re.I), ("day", 0), "day"),
    (re.compile(r"\byesterday\b", re.I), ("day", -1), "day"),
    (re.compile(r"\b(this|earlier this|later this) week\b", re.I), ("week", 0), "month"),
    (re.compile(r"\blast week\b", re.I), ("week", -1), "month"),
    (re.compile(r"\bnext week\b", re.I), ("week", 1), "month"),
    (re.compile(r"\b(this|earlier this|later this) month\b", re.I), ("month", 0), "month"),
    (re.compile(r"\blast month\b", re.I), ("month", -1), "month"),
    (re.compile(r"\bnext month\b", re.I), ("month", 1), "month"),
    (re.compile(r"\b(this|earlier this|later this) year\b", re.I), ("year", 0), "year"),
    (re.compile(r"\blast year\b", re.I), ("year", -1), "year"),
    (re.compile(r"\bnext year\b", re.I), ("year", 1), "year"),
]
# A bare year dates an event only after a preposition ("in 2012"); "the 2025 budget" does not,
# and neither does a deadline ("by 2035").
YEAR_LEAD = re.compile(r"\b(?:in|since|from|during|of|early|late|mid-?|around)\s+$", re.I)


@dataclass(frozen=True)
class EventDate:
    value: str  # YYYY-MM-DD, YYYY-MM or YYYY
    precision: str  # day | month | year
    how: str  # explicit | relative | known_event:<id> | publication


def resolve_date(texts: list[str], published: date | None, planned: bool = False,
                 context: str | None = None, news: bool = True) -> EventDate | None:
    """The first date found in ``texts`` (most specific text first); ``context`` is the
    whole document, which says which summit series "the Madrid summit" belongs to.

    A sentence with no date cue reports news of its publication month, as
    the gold convention has it ("as precise as the text allows"), unless ``news`` is
    False (an act of someone out of office at publication): then it has no date.
    """
    # An explicit date anywhere in the sentence wins; otherwise cues nearest the event first.
    searches = [(_explicit, t) for t in texts] + [(f, t) for t in texts for f in (_known, _relative)]
    for finder, text in searches:
        found = finder(text, published, planned, context)
        if found:
            return found
    if published is not None and news:
        return EventDate(published.isoformat()[:7], "month", "publication")
    return None


def _explicit(text: str, published: date | None, planned: bool, context: str | None) -> EventDate | None:
    """The earliest usable date written in the text (the one nearest the event's subject)."""
    for mention in find_dates(text, bare_months=True):
        if mention.precision == "year" and not YEAR_LEAD.search(text[:mention.pos]):
            continue
        found = date_of_mention(mention, published, planned)
        if found:
            return found
    return None


def date_of_mention(m: DateMention, published: date | None, planned: bool) -> EventDate | None:
    """A written date as an event date; a missing year comes from the publication date."""
    year = m.year
    if year is None:
        if published is None or m.month is None:
            return None
        year = _year_for(m.month, published, planned)
    span = m.span(year)
    if span is None:
        return None
    value = {"day": span[0].isoformat(), "month": span[0].isoformat()[:7], "year": str(year)}
    return EventDate(value[m.precision], m.precision, "explicit")


def _year_for(month: int, published: date, planned: bool) -> int:
    """A month without a year: the latest one not after publication (the next one if planned)."""
    if planned:
        return published.year if month >= published.month else published.year + 1
    return published.year if month <= published.month else published.year - 1


def _known(text: str, published: date | None, planned: bool, context: str | None) -> EventDate | None:
    """An anchor to a known dated event ("at the Madrid summit", "this week's NATO summit")."""
    for ref in find_event_refs(text, context):
        if ref.status:  # "President Yoon" dates the text after an inauguration, not the event
            continue
        event = _pick(ref, published, planned)
        if event is not None:
            return EventDate(event.start.isoformat(), "day", f"known_event:{event.id}")
    return None


def _pick(ref: EventRef, published: date | None, planned: bool) -> KnownEvent | None:
    """The one event a reference means: the only candidate, or the one its relation to the
    publication date ("this week's", "last year's", "upcoming") or the tense points to."""
    if len(ref.candidates) == 1:
        return ref.candidates[0]
    if published is None:
        return None
    rel = ref.relation
    if isinstance(rel, tuple):
        lo, hi = _period(published, *rel)
        inside = [e for e in ref.candidates if lo <= e.start <= hi or lo <= e.end <= hi]
        return inside[0] if len(inside) == 1 else None
    ahead = rel == "future" or (rel is None and planned)
    if ahead:
        later = [e for e in ref.candidates if e.end >= published]
        return min(later, key=lambda e: e.start) if later else None
    earlier = [e for e in ref.candidates if e.start <= published]
    return max(earlier, key=lambda e: e.start) if earlier else None


def _period(published: date, unit: str, offset: int) -> tuple[date, date]:
    """The days of the week, month, year or day ``offset`` units from publication."""
    if unit == "week":
        monday = published - timedelta(days=published.weekday()) + timedelta(weeks=offset)
        return monday, monday + timedelta(days=6)
    if unit == "month":
        index = published.year * 12 + published.month - 1 + offset
        year, month = index // 12, index % 12 + 1
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    if unit == "year":
        return date(published.year + offset, 1, 1), date(published.year + offset, 12, 31)
    day = published + timedelta(days=offset)
    return day, day


def _relative(text: str, published: date | None, planned: bool, context: str | None) -> EventDate | None:
    if published is None:
        return None
    for pattern, (unit, offset), precision in RELATIVE:
        if pattern.search(text):
            return _shift(published, unit, offset, precision)
    return None


def _shift(pub: date, unit: str, offset: int, precision: str) -> EventDate:
    if unit == "day":
        d = pub + timedelta(days=offset)
    elif unit == "week":
        d = pub + timedelta(weeks=offset)
    elif unit == "month":
        m = pub.year * 12 + pub.month - 1 + offset
        d = date(m // 12, m % 12 + 1, 1)
    else:
        d = date(pub.year + offset, 1, 1)
    value = {"day": d.isoformat(), "month": d.isoformat()[:7], "year": str(d.year)}[precision]
    return EventDate(value, precision, "relative")

"""Dates of event mentions, resolved from the text.

In order: an explicit date in the evidence or sentence ("June 29th-30th",
"On May 27", "in 2012"); an anchor to a known dated event ("the Madrid
summit"); a date relative to publication ("last month", "this week",
"earlier this year"). Each result has a precision (day, month, year) and says
how it was found. No cue: no date (the text gives none).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from importlib.resources import files

MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"])}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
_MON = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
MONTH_DAY = re.compile(rf"\b{_MON}\s+{_DAY}(?:\s*[-–]\s*\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+(\d{{4}}))?\b")
DAY_MONTH = re.compile(rf"\b{_DAY}(?:\s*[-–]\s*\d{{1,2}})?\s+{_MON}(?:,?\s+(\d{{4}}))?\b")
MONTH_YEAR = re.compile(rf"\b{_MON}\s+(\d{{4}})\b")
MONTH_ONLY = re.compile(rf"\b(?:in|early|late|mid-?|since|by|during|this|last|next|upcoming|"
                        rf"until)\s+(?:early\s+|late\s+|mid-?)?{_MON}(?!\s*\d)")
YEAR = re.compile(r"\b(?:in|since|from|during|of|early|late|mid-?|around)\s+((?:19[5-9]|20[0-4])\d)\b")
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


@dataclass(frozen=True)
class EventDate:
    value: str  # YYYY-MM-DD, YYYY-MM or YYYY
    precision: str  # day | month | year
    how: str  # explicit | relative | known_event:<id>


@dataclass(frozen=True)
class KnownEvent:
    id: str
    names: tuple[str, ...]
    start: date


@lru_cache(maxsize=1)
def known_events() -> tuple[KnownEvent, ...]:
    path = files("policylens") / "data" / "known_events.csv"
    out = []
    with path.open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            names = [r["name"]] + [a for a in (r.get("aliases") or "").split(";") if a]
            out.append(KnownEvent(r["id"], tuple(n.strip().lower() for n in names),
                                  date.fromisoformat(r["start"])))
    return tuple(out)


def resolve_date(texts: list[str], published: date | None, planned: bool = False) -> EventDate | None:
    """The first date found in ``texts`` (most specific text first).

    A sentence with no date cue reports news of its publication month, as
    the gold convention has it ("as precise as the text allows").
    """
    # An explicit date anywhere in the sentence wins; otherwise cues nearest the event first.
    searches = [(_explicit, t) for t in texts] + [(f, t) for t in texts for f in (_known, _relative)]
    for finder, text in searches:
        found = finder(text, published, planned)
        if found:
            return found
    if published is not None:
        return EventDate(published.isoformat()[:7], "month", "publication")
    return None


def _explicit(text: str, published: date | None, planned: bool) -> EventDate | None:
    """The earliest explicit date in the text (the one nearest the event's subject)."""
    found = []
    for rank, (pattern, build) in enumerate(_EXPLICIT):
        for m in pattern.finditer(text):
            found.append((m.start(), rank, m, build))
    for _, _, m, build in sorted(found, key=lambda f: (f[0], f[1])):
        date_ = build(m, published, planned)
        if date_:
            return date_
    return None


def _month_day(m: re.Match, published: date | None, planned: bool) -> EventDate | None:
    return _day(_month(m.group(1)), int(m.group(2)), m.group(3), published, planned)


def _day_month(m: re.Match, published: date | None, planned: bool) -> EventDate | None:
    return _day(_month(m.group(2)), int(m.group(1)), m.group(3), published, planned)


def _month_year(m: re.Match, published: date | None, planned: bool) -> EventDate | None:
    return EventDate(f"{m.group(2)}-{_month(m.group(1)):02d}", "month", "explicit")


def _month_only(m: re.Match, published: date | None, planned: bool) -> EventDate | None:
    if published is None:
        return None
    month = _month(m.group(1))
    return EventDate(f"{_year_for(month, published, planned)}-{month:02d}", "month", "explicit")


def _year(m: re.Match, published: date | None, planned: bool) -> EventDate | None:
    return EventDate(m.group(1), "year", "explicit")


_EXPLICIT = [(MONTH_DAY, _month_day), (DAY_MONTH, _day_month), (MONTH_YEAR, _month_year),
             (MONTH_ONLY, _month_only), (YEAR, _year)]


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")[:3]]


def _day(month: int, day: int, year: str | None, published: date | None,
         planned: bool) -> EventDate | None:
    if year is None and published is None:
        return None
    y = int(year) if year else _year_for(month, published, planned)  # type: ignore[arg-type]
    try:
        return EventDate(date(y, month, day).isoformat(), "day", "explicit")
    except ValueError:
        return None


def _year_for(month: int, published: date, planned: bool) -> int:
    """A month without a year: the latest one not after publication (the next one if planned)."""
    if planned:
        return published.year if month >= published.month else published.year + 1
    return published.year if month <= published.month else published.year - 1


def _known(text: str, published: date | None, planned: bool) -> EventDate | None:
    low = text.lower()
    for ev in known_events():
        if any(name in low for name in ev.names if len(name) > 6):
            return EventDate(ev.start.isoformat(), "day", f"known_event:{ev.id}")
    return None


def _relative(text: str, published: date | None, planned: bool) -> EventDate | None:
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

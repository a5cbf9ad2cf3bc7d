"""Infer a window for when a text was written from the dated things it mentions.

Every dated reference bounds the publication date: an event reported as past
happened before it ("held in Madrid on June 29th-30th"), one called upcoming
after it, and "this week's summit" pins it to a week. The bounds are
intersected strongest first; a bound that contradicts the stronger ones is
dropped rather than allowed to empty the window. Texts are written soon after
the latest thing they report, so when nothing closes the window it is closed
``MAX_LAG_DAYS`` after the end of the latest past reference. A text that only
says "after" (its titles name a president in office since some date) gets no
window at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from policylens.ingest.dates import find_dates, week_bounds
from policylens.ingest.known_events import SENTENCE_END, EventRef, KnownEvent, find_event_refs

__all__ = ["PubWindow", "infer_publication_window", "MAX_LAG_DAYS"]

# Commentary on an event is mostly written within a month or so of it; six
# weeks keeps the window honest without claiming more than the text says.
MAX_LAG_DAYS = 42
# Longer texts are read only this far: dates that matter come early, and the
# scan must stay cheap on pathological inputs.
MAX_CHARS = 200_000

_FUTURE_NEAR = re.compile(
    r"\b(?:will|won['\u2019]t|shall|going to|set to|scheduled|slated|expected to|due|plans? to|"
    r"planning to|upcoming|forthcoming|ahead of|until|till|before|next)\b[^.;]{0,30}$",
    re.IGNORECASE,
)
# "by 2035", "through 2027": a deadline, which only a date can be.
_DEADLINE = re.compile(r"\b(?:by|until|till|through|before)\s+(?:the end of\s+|early\s+|late\s+)?$",
                       re.IGNORECASE)
_FUTURE_ANY = re.compile(
    r"\b(?:will|won['\u2019]t|shall|going to|set to|scheduled|slated|expected to|plans? to|"
    r"planning to|intends? to|aims? to|if|upcoming|forthcoming|target|goal)\b",
    re.IGNORECASE,
)
_PAST_CUE = re.compile(
    r"\b(?:was|were|had|did|didn['\u2019]t|has been|have been|since|ago|earlier|former(?:ly)?|"
    r"previously|last|then|[a-z]{2,}ed|said|told|met|held|took|made|went|came|gave|saw|sent|won|led|"
    r"left|began|spoke|wrote|brought|sought|found|became|kept|chose|drew|rose|fell|grew|paid|struck)\b",
    re.IGNORECASE,
)

# Strongest first; see _combine.
_RANK = {"anchor": 0, "day": 1, "week": 1, "month": 2, "year": 3, "past_day": 4,
         "future_event": 5, "past_period": 6, "status": 7, "future_date": 8}


@dataclass
class PubWindow:
    """The days a text was probably written in, and the references that say so."""

    earliest: date
    latest: date
    evidence: list[str] = field(default_factory=list)


@dataclass
class _Bound:
    lo: date | None
    hi: date | None
    kind: str
    evidence: str
    past_end: date | None = None  # end of a reference reported as past


def _sentence(text: str, start: int, end: int) -> tuple[str, str]:
    """The text of the sentence before and after a span."""
    s_start = max(0, start - 400)
    for m in SENTENCE_END.finditer(text, s_start, start):
        s_start = m.end()
    m = SENTENCE_END.search(text, end, end + 400)
    return text[s_start:start], text[end : m.start() + 1 if m else end + 400]


def _tense(text: str, start: int, end: int) -> str | None:
    """"future", "past" or None (unclear) for a reference at text[start:end]."""
    before, after = _sentence(text, start, end)
    if _FUTURE_NEAR.search(before[-60:]):
        return "future"
    if _FUTURE_ANY.search(before + " " + after):
        return None
    return "past" if _PAST_CUE.search(before + " " + after) else None


def _date_bounds(text: str, skip: list[tuple[int, int]]) -> list[_Bound]:
    """Bounds from explicit dates, except those inside the ``skip`` spans."""
    bounds = []
    for mention in find_dates(text):
        span = mention.span()
        if span is None or any(a <= mention.pos < b for a, b in skip):
            continue
        before = text[max(0, mention.pos - 40) : mention.pos]
        if _DEADLINE.search(before) or _FUTURE_NEAR.search(before):
            bounds.append(_Bound(None, span[1], "future_date", mention.text))
        elif _tense(text, mention.pos, mention.pos + len(mention.text)) == "past":
            kind = "past_day" if mention.precision == "day" else "past_period"
            lo = span[1] if mention.precision == "day" else span[0]
            bounds.append(_Bound(lo, None, kind, mention.text, span[1]))
    return bounds


def _implied(ref: EventRef, event: KnownEvent, tense: str | None) -> _Bound | None:
    """The bound a reference puts on the publication date if it means ``event``."""
    rel = ref.relation
    label = f"{ref.text.strip()} = {event.name} ({event.start.isoformat()}/{event.end.isoformat()})"
    if isinstance(rel, tuple):
        unit, offset = rel
        lo, hi = _relative_span(event, unit, -offset)
        return _Bound(lo, hi, unit, label, event.end if offset <= 0 else None)
    if rel == "future" or (rel is None and tense == "future" and not ref.by_context):
        return _Bound(event.start - timedelta(days=366), event.start, "future_event", label)
    if rel == "past" or tense == "past":
        # Named only through its host city elsewhere, the summit may still be under way.
        lo = event.start if ref.by_context else event.end
        return _Bound(lo, None, "past_day", label, event.end)
    return None


def _relative_span(event: KnownEvent, unit: str, shift: int) -> tuple[date, date]:
    """Days when "this/last/next <unit>'s" event is said, shifted by ``shift`` units."""
    if unit == "day":
        return event.start + timedelta(days=shift), event.end + timedelta(days=shift)
    if unit == "week":
        lo, _ = week_bounds(event.start)
        _, hi = week_bounds(event.end)
        return lo + timedelta(weeks=shift), hi + timedelta(weeks=shift)
    if unit == "month":
        return _month_start(event.start, shift), _month_start(event.end, shift + 1) - timedelta(days=1)
    return date(event.start.year + shift, 1, 1), date(event.end.year + shift, 12, 31)


def _month_start(day: date, shift: int) -> date:
    index = day.year * 12 + day.month - 1 + shift
    return date(index // 12, index % 12 + 1, 1)


def _distance(bound: _Bound, day: date) -> int:
    """Days between ``day`` and the nearer end of a bound."""
    ends = [d for d in (bound.lo, bound.hi) if d is not None]
    return min(abs((d - day).days) for d in ends)


def _choose(bounds: list[_Bound], floor: date | None, anchor: date | None) -> _Bound | None:
    """The candidate reading that fits the rest of the document best."""
    if anchor is not None:
        fits = [b for b in bounds if (b.lo or date.min) <= anchor <= (b.hi or date.max)]
        if fits:
            return fits[0]
        return min(bounds, key=lambda b: _distance(b, anchor))
    if floor is not None:
        later = [b for b in bounds if (b.hi or date.max) >= floor]
        return min(later, key=lambda b: b.hi or date.max) if later else None
    return bounds[0] if len(bounds) == 1 else None


def _event_bounds(
    text: str, refs: list[EventRef], anchor: date | None, floor_from: list[_Bound]
) -> list[_Bound]:
    """Bounds from known events; ambiguous ones resolved against the other bounds."""
    bounds = [_Bound(r.candidates[0].start, None, "status", r.text) for r in refs if r.status]
    pending: list[list[_Bound]] = []
    for ref in refs:
        if ref.status:
            continue
        tense = _tense(text, ref.pos, ref.pos + len(ref.text))
        options = [b for b in (_implied(ref, e, tense) for e in ref.candidates) if b is not None]
        if len(options) == 1:
            bounds.append(options[0])
        elif options and (isinstance(ref.relation, tuple) or ref.relation == "future"):
            pending.append(options)
    lows = [b.lo for b in bounds + floor_from if b.lo is not None and b.hi is None]
    floor = max(lows) if lows else None
    for options in pending:
        chosen = _choose(options, floor, anchor)
        if chosen is not None:
            bounds.append(chosen)
    return bounds


def _combine(bounds: list[_Bound], max_lag: int) -> PubWindow | None:
    """Intersect the bounds, strongest first, skipping any that would empty the window."""
    lo, hi = date.min, date.max
    evidence: list[str] = []
    past_ends: list[date] = []
    for bound in sorted(bounds, key=lambda b: _RANK[b.kind]):
        new_lo, new_hi = max(lo, bound.lo or date.min), min(hi, bound.hi or date.max)
        if new_lo > new_hi:
            continue  # contradicts stronger evidence
        if (new_lo, new_hi) != (lo, hi) and bound.evidence not in evidence:
            evidence.append(bound.evidence)
        lo, hi = new_lo, new_hi
        if bound.past_end is not None:
            past_ends.append(bound.past_end)
    if lo == date.min:
        return None
    if past_ends:
        soft = max(past_ends) + timedelta(days=max_lag)
        if lo <= soft < hi:
            hi = soft
            evidence.append(f"written within {max_lag} days of the latest event it reports")
    if hi == date.max:
        return None  # only "after ...": no event the text reports closes the window
    return PubWindow(lo, hi, evidence)


def infer_publication_window(
    text: str, anchor: date | None = None, max_lag_days: int = MAX_LAG_DAYS
) -> PubWindow | None:
    """When ``text`` was probably written, or None when nothing in it says.

    ``anchor`` is a date the text cannot be later than (the date a web page
    showed when it was saved); it also picks which yearly summit "this week's
    summit" means.
    """
    text = text[:MAX_CHARS]
    refs = find_event_refs(text)
    # "the July 2024 NATO summit" is dated by the summit, not by "July 2024".
    known = [(r.pos, r.pos + len(r.text)) for r in refs if len(r.candidates) == 1]
    dated = _date_bounds(text, known)
    bounds = dated + _event_bounds(text, refs, anchor, dated)
    if anchor is not None:
        bounds.append(_Bound(None, anchor, "anchor", f"page date {anchor.isoformat()}"))
    return _combine(bounds, max_lag_days)


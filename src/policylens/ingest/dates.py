"""Find and parse calendar dates written in English prose.

Handles "June 22, 2025", "29 October 2025", "Wednesday, 29 October, 2025",
"June 29th-30th" (year left open), "July 2024", "2024-07-11" and bare years.
Everything is regular expressions: this runs on every document, so no NLP.
Month names must be capitalised, which keeps the modal verb "may" out.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = [
    "MONTH_NAMES",
    "DateMention",
    "find_dates",
    "parse_date_line",
    "month_number",
    "safe_date",
    "week_bounds",
]

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
# The twelve month names, capitalised, as a regular-expression alternation.
MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH = (
    rf"(?:{MONTH_NAMES}"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|urday|sday)?\.?"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_DASH = r"\s*(?:[-\u2010-\u2015]|to|and|through)\s*"
_YEAR = r"(?:19[4-9]\d|20\d\d|2100)"

# The order of alternatives matters: the longest, most specific forms first.
_DATE_RE = re.compile(
    rf"(?<![\w/.-])(?:(?:{_WEEKDAY}),?\s+)?(?:"
    rf"(?P<iso>(?P<iy>{_YEAR})-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01]))"
    rf"|(?P<mdy>(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})(?:{_DASH}(?P<d1e>{_DAY})(?![\d,]*\s*{_MONTH}))?"
    rf"(?:,?\s+(?P<y1>{_YEAR}))?)"
    rf"|(?P<dmy>(?P<d2>{_DAY})(?:{_DASH}(?P<d2e>{_DAY}))?\s+(?:of\s+)?(?P<m2>{_MONTH}),?"
    rf"(?:\s+(?P<y2>{_YEAR}))?)"
    rf"|(?P<my>(?P<m3>{_MONTH}),?\s+(?P<y3>{_YEAR}))"
    rf"|(?P<year>(?<![$\u20ac\u00a3#])(?P<y4>{_YEAR})(?![\d%]|['\u2019]?s\b|-\d|\.\d)))"
    rf"(?![\w])"
)
_BARE_MONTH_RE = re.compile(
    rf"\b(?:in|since|until|by|from|early|late|mid-?|last|next|this|of|during|before|after|the|upcoming|coming)"
    rf"\s+(?P<m>(?:January|February|March|April|June|July|August|September|October|November|December|May))\b"
    rf"(?!\s+(?:\d|{_YEAR}))"
)
_TIME = r"(?:\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)"
_LINE_LABEL = (
    r"(?:(?:first\s+|originally\s+|last\s+)?(?:published|posted|updated|modified|date|dated|"
    r"released|issued)(?:\s+(?:on|at))?\s*:?\s*)"
)
_LINE_TAIL = rf"(?:\s*(?:,|at|@|\||-|\u2013|\u2014)?\s*{_TIME}(?:\s*[A-Z]{{2,5}}|\s*(?:UTC|GMT)[+-]?\d*)?)?"


@dataclass(frozen=True)
class DateMention:
    """A date as written; ``year`` is None when the text leaves it open."""

    text: str
    pos: int
    year: int | None
    month: int | None = None
    day: int | None = None
    day_end: int | None = None

    @property
    def precision(self) -> str:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def span(self, year: int | None = None) -> tuple[date, date] | None:
        """First and last calendar day covered, with ``year`` filling a missing year."""
        y = self.year if self.year is not None else year
        if y is None:
            return None
        if self.month is None:
            return date(y, 1, 1), date(y, 12, 31)
        if self.day is None:
            last = calendar.monthrange(y, self.month)[1]
            return date(y, self.month, 1), date(y, self.month, last)
        start = safe_date(y, self.month, self.day)
        end = safe_date(y, self.month, self.day_end or self.day)
        if start is None or end is None or end < start:
            return None
        return start, end


def month_number(name: str) -> int | None:
    """Month number of an English month name or abbreviation."""
    return _MONTHS.get(name.strip(". ").lower()[:3])


def safe_date(year: int, month: int, day: int) -> date | None:
    """A date, or None when the parts do not make one (February 30)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _day(text: str | None) -> int | None:
    return int(re.sub(r"\D", "", text)) if text else None


def _mention(m: re.Match[str]) -> DateMention | None:
    g = m.groupdict()
    text, pos = m.group(0), m.start()
    if g["iso"]:
        return DateMention(text, pos, int(g["iy"]), int(g["im"]), int(g["id"]))
    if g["mdy"]:
        year = int(g["y1"]) if g["y1"] else None
        return DateMention(text, pos, year, month_number(g["m1"]), _day(g["d1"]), _day(g["d1e"]))
    if g["dmy"]:
        year = int(g["y2"]) if g["y2"] else None
        return DateMention(text, pos, year, month_number(g["m2"]), _day(g["d2"]), _day(g["d2e"]))
    if g["my"]:
        return DateMention(text, pos, int(g["y3"]), month_number(g["m3"]))
    if g["year"]:
        return DateMention(text, pos, int(g["y4"]))
    return None


def find_dates(text: str, bare_months: bool = False) -> list[DateMention]:
    """Every date written in ``text``, in order; impossible dates are dropped.

    With ``bare_months``, month names without day or year ("since May") are
    included too, with ``year`` None.
    """
    found: list[DateMention] = []
    for m in _DATE_RE.finditer(text):
        mention = _mention(m)
        if mention is None:
            continue
        if mention.day is not None and mention.span(mention.year or 2000) is None:
            continue
        found.append(mention)
    if bare_months:
        for m in _BARE_MONTH_RE.finditer(text):
            found.append(DateMention(m.group("m"), m.start("m"), None, month_number(m.group("m"))))
        found.sort(key=lambda d: d.pos)
    return found


_LINE_RE = re.compile(
    rf"^\s*{_LINE_LABEL}?(?:{_WEEKDAY},?\s+)?(?P<date>.+?){_LINE_TAIL}\s*$", re.IGNORECASE
)


def parse_date_line(line: str) -> DateMention | None:
    """The date when ``line`` holds nothing but a date (with weekday, time, label).

    "Wednesday, October 29, 2025 5:44 PM" and "Published: 22 June 2025" parse;
    a sentence that merely contains a date does not.
    """
    if len(line) > 80:
        return None
    m = _LINE_RE.match(line)
    if m is None:
        return None
    core = m.group("date").strip(" ,.|")
    mentions = find_dates(core)
    if len(mentions) != 1:
        return None
    only = mentions[0]
    if only.text.strip(" ,.") != core:
        return None
    if only.precision == "year" and not re.fullmatch(r"\d{4}", core):
        return None
    return DateMention(line.strip(), 0, only.year, only.month, only.day, only.day_end)


def week_bounds(day: date) -> tuple[date, date]:
    """Monday and Sunday of the week holding ``day``."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)

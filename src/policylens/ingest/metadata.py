"""Title, author, outlet, kind and publication date of a plain-text page.

Read from the lines around the article that ``clean_plain_text`` took out:
the headline sits above the body, often repeated; bylines and bios name the
author; promotions name the outlet ("Try The Diplomat's jobs board."); a date
line under the headline is the stated date, one among weather and clock
widgets is the page's date. When no date is given, ``pubdate`` infers a
window from what the text reports. Metadata from HTML or JSON (``hints``)
wins; this only fills what the hints lack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from datetime import date, timedelta

from policylens.ingest.dates import DateMention, find_dates, parse_date_line
from policylens.ingest.furniture import bio_name, byline_name, furniture_label, is_bare_name, word_count
from policylens.ingest.kind import classify_kind
from policylens.ingest.pubdate import PubWindow, infer_publication_window
from policylens.model import CleanText, DocMeta

__all__ = ["extract_metadata"]

_DATE_FIELDS = ("published", "published_earliest", "published_latest", "date_how", "date_evidence")
_NOT_A_PERSON = {
    "staff", "writers", "writer", "editors", "editor", "team", "desk", "news", "press", "agency",
    "reuters", "office", "ministry", "newsroom", "contributors", "correspondent", "the",
}
_WIDGET_LABELS = {"weather", "location"}
_LATER_LABEL = re.compile(r"^\s*(?:last\s+)?(?:updated|modified)\b", re.IGNORECASE)
_STATED_LABEL = re.compile(
    r"\b(?:first\s+|originally\s+)?(?:published|posted|released)\b\s*(?:on\s*)?:?", re.IGNORECASE
)
_ONLY_WEEKDAY = re.compile(r"^\W*(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\w*\W+)?$")
_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?")
_NAME = r"(?:The\s+)?[A-Z][\w&'\u2019.-]*(?:\s+(?:[A-Z][\w&'\u2019.-]*|of|on|and|for)){0,4}"
_OUTLET_PATTERNS = (
    re.compile(rf"(?P<name>{_NAME})['\u2019]s\s+(?:jobs?\s+board|newsletters?|podcasts?|app|editors?|"
               r"newsroom|archives?|website|homepage|subscribers?)\b"),
    re.compile(rf"\b(?:stories|articles|content|coverage|journalism|reporting)\s+(?:from|by)\s+"
               rf"(?P<name>{_NAME})"),
    re.compile(rf"\b(?:[Ww]riters|[Ee]ditors|[Jj]ournalists|[Cc]ontributors|[Rr]eporters)\s+(?:at|for)\s+"
               rf"(?P<name>{_NAME})"),
    re.compile(r"(?:\u00a9|\([Cc]\)|[Cc]opyright)\s*(?:\u00a9\s*)?(?:\d{4}(?:\s*[-\u2013]\s*\d{4})?\s*,?\s*)?"
               rf"(?:by\s+)?(?:the\s+)?(?P<name>{_NAME})"),
    re.compile(rf"\b(?:originally|first)\s+(?:published|appeared)\s+(?:in|on|by|at)\s+(?P<name>{_NAME})"),
    # Only "The ..." names: "Subscribe to Newsletters" names no outlet.
    re.compile(r"\b(?:[Ss]ubscribe to|[Ff]ollow|[Ss]upport)\s+(?P<name>The\s+[A-Z][\w&'\u2019.-]*"
               r"(?:\s+[A-Z][\w&'\u2019.-]*){0,3})"),
)
_WIRE = re.compile(
    r"^[^\n]{0,80}?\((?P<name>Reuters|AP|AFP|Yonhap|Xinhua|Bloomberg|Kyodo|UPI|dpa|Anadolu|TASS|"
    r"Bernama|Antara|PTI|ANI)\)\s*[-\u2013\u2014]"
)
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Za-z.'\u2019 -]{1,30},\s*){1,2}(?P<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
    r"[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?)\s*(?:\([A-Za-z ]{2,20}\)\s*)?[-\u2013\u2014]{1,2}"
)
# A page date this long after the inferred window is when the page was saved, not written.
_PAGE_SLACK = timedelta(days=7)
_LEADING_VERB = re.compile(
    r"^(?:(?:Try|Visit|Read|Follow|Subscribe|Support|Join|Download|Get|See|Check|Sign|From|At|By|In|On|"
    r"All|Rights|Reserved|Copyright)\s+)+"
)
_TRAILING_WORD = re.compile(r"(?:\s+(?:of|on|and|for|All|Rights|Reserved|Inc\.?|Ltd\.?|LLC))+$")


@dataclass
class _Page:
    lines: list[str]
    labels: list[str | None]
    body_start: int
    body_end: int  # index after the last kept line


def _layout(raw: str, cleaned: CleanText) -> _Page:
    lines = [line.strip() for line in raw.splitlines() if line.strip()]
    kept = {line.strip() for line in cleaned.text.splitlines() if line.strip()}
    kept_at = [i for i, line in enumerate(lines) if line in kept]
    long_kept = [i for i in kept_at if word_count(lines[i]) >= 25]  # past any standfirst
    start = long_kept[0] if long_kept else (kept_at[0] if kept_at else len(lines))
    end = kept_at[-1] + 1 if kept_at else len(lines)
    # Labels matter only around the article; body lines are skipped for speed.
    labels = [
        furniture_label(line) if (i < start + 3 or i >= end - 1) and len(line) < 2000 else None
        for i, line in enumerate(lines)
    ]
    return _Page(lines, labels, start, end)


def _headline_score(page: _Page, i: int) -> float | None:
    line, words = page.lines[i], word_count(page.lines[i])
    if page.labels[i] or not 2 <= words <= 25 or len(line) > 220:
        return None
    if line[-1] in ".,;:" or not (line[0].isupper() or line[0].isdigit() or line[0] in "\"'\u201c\u2018"):
        return None
    if re.match(r"^[-*\u2022]\s", line):
        return None
    score = min(words, 12) / 2.0
    if page.lines.count(line) > 1:
        score += 3.0
    after = page.labels[i + 1 : i + 4]
    if any(label in {"byline", "date", "bio"} for label in after):
        score += 2.0
    if "byline" in page.labels[max(0, i - 2) : i]:
        score -= 4.0  # the line under a byline is the author's affiliation
    if words <= 2:
        score -= 2.0
    return score - max(0, line.count(",") - 1)


def _title(page: _Page) -> str | None:
    scored = [(s, i) for i in range(page.body_start) if (s := _headline_score(page, i)) is not None]
    if not scored:
        return None
    best, index = max(scored, key=lambda pair: (pair[0], -pair[1]))
    return page.lines[index] if best >= 3.0 else None


def _person_like(name: str | None) -> str | None:
    if not name:
        return None
    tokens = name.replace(" and ", " ").split()
    if not 2 <= len(tokens) <= 9 or any(t.casefold().strip(".,") in _NOT_A_PERSON for t in tokens):
        return None
    return name.strip()


def _author(page: _Page) -> str | None:
    order = list(range(page.body_start)) + list(range(page.body_end, len(page.lines)))
    for i in order:
        name = byline_name(page.lines[i])
        if name is None and page.lines[i].casefold().rstrip(":") in {"by", "written by", "author"}:
            following = page.lines[i + 1] if i + 1 < len(page.lines) else ""
            name = following if word_count(following) <= 5 else None
        if _person_like(name):
            return _person_like(name)
    for i in order:
        name = _person_like(bio_name(page.lines[i]))
        if name:
            return name
    return _name_by_date(page)


def _name_by_date(page: _Page) -> str | None:
    """A bare "Firstname Lastname" line right beside the date line in the header."""
    for i in range(page.body_start):
        line = page.lines[i]
        if page.labels[i] or not is_bare_name(line) or not _person_like(line):
            continue
        beside = [j for j in (i - 1, i + 1) if 0 <= j < len(page.lines)]
        if any(_line_date(page.lines[j], page.labels[j]) for j in beside):
            return line
    return None


def _outlet(lines: list[str], text: str) -> str | None:
    """The publication named by the page's own promotions, copyright or wire credit."""
    votes: dict[str, int] = {}
    wire = _WIRE.match(text[:200])
    if wire:
        votes[wire.group("name")] = 1
    for line in lines:
        for pattern in _OUTLET_PATTERNS:
            for m in pattern.finditer(line[:1000]):
                name = _TRAILING_WORD.sub("", _LEADING_VERB.sub("", m.group("name"))).strip(" .,;:")
                if name[:1].isupper() and name.casefold() not in {"us", "our", "we", "the"}:
                    votes[name] = votes.get(name, 0) + 1
    return max(votes, key=lambda k: votes[k]) if votes else None


def _line_date(line: str, label: str | None) -> DateMention | None:
    """The date a short line gives: the whole line, its start, after "Published", or in a byline."""
    mention = parse_date_line(line)
    if mention is not None or word_count(line) > 16:
        return mention
    inline = find_dates(line)
    if not inline:
        return None
    published = _STATED_LABEL.search(line)
    if published:
        after = [m for m in inline if m.pos >= published.end()]
        return after[0] if after else None
    if label == "byline" or _ONLY_WEEKDAY.match(line[: inline[0].pos]):
        return inline[0]
    return None


def _date_lines(page: _Page) -> list[tuple[int, DateMention]]:
    """Date lines around the article, in page order."""
    found = []
    for i in list(range(page.body_start)) + list(range(page.body_end, len(page.lines))):
        mention = _line_date(page.lines[i], page.labels[i])
        if mention is not None and mention.year is not None and mention.precision != "year":
            found.append((i, mention))
    return found


def _is_page_date(page: _Page, i: int, title_at: int | None) -> bool:
    """A date shown by the page (clock, weather widget) rather than for the article."""
    line = page.lines[i]
    if _STATED_LABEL.search(line):
        return False
    near = page.labels[max(0, i - 2) : i] + page.labels[i + 1 : i + 3]
    if any(label in _WIDGET_LABELS for label in near):
        return True
    if title_at is not None:
        return i < title_at  # dates above the headline belong to the page header
    return bool(_CLOCK.search(line))


def _window_fields(window: PubWindow, how: str) -> dict[str, str | None]:
    one = window.earliest == window.latest
    return {
        "published": window.earliest.isoformat() if one else None,
        "published_earliest": window.earliest.isoformat(),
        "published_latest": window.latest.isoformat(),
        "date_how": how,
        "date_evidence": "; ".join(window.evidence) or None,
    }


def _dates(page: _Page, cleaned: CleanText, title_at: int | None) -> dict[str, str | None]:
    """Stated date, else the page's date, else a window inferred from the text."""
    shown: tuple[str, date] | None = None
    for i, mention in _date_lines(page):
        span = mention.span()
        if span is None or _LATER_LABEL.match(page.lines[i]):
            continue
        if not _is_page_date(page, i, title_at):
            return _window_fields(PubWindow(span[0], span[1], [page.lines[i]]), "stated")
        shown = shown or (page.lines[i], span[1])
    anchor = shown[1] if shown else None
    inferred = infer_publication_window(cleaned.text, anchor=anchor)
    dateline = _dateline(cleaned.text, inferred, anchor)
    if dateline is not None:
        return _window_fields(dateline, "stated")
    if shown is not None and (inferred is None or inferred.latest >= shown[1] - _PAGE_SLACK):
        return _page_fields(shown, inferred)
    return _window_fields(inferred, "inferred") if inferred else {}


def _page_fields(shown: tuple[str, date], inferred: PubWindow | None) -> dict[str, str | None]:
    """The page's date as the date, with the text's own window, if any, for the earliest."""
    line, day = shown
    earliest = inferred.earliest if inferred else day
    evidence = [line] + [e for e in (inferred.evidence if inferred else []) if not e.startswith("page date")]
    return {**_window_fields(PubWindow(earliest, day, evidence), "page"), "published": day.isoformat()}


def _dateline(text: str, inferred: PubWindow | None, anchor: date | None) -> PubWindow | None:
    """The date of a news dateline ("SEOUL, June 22 (Reuters) -"), its year from context if missing."""
    m = _DATELINE.match(text[:160])
    mentions = find_dates(m.group("date")) if m else []
    if not mentions or mentions[0].day is None:
        return None
    mention = mentions[0]
    if mention.year is None:
        if inferred is None and anchor is None:
            return None
        lo = inferred.earliest - _PAGE_SLACK if inferred else anchor - timedelta(days=366)
        hi = inferred.latest + _PAGE_SLACK if inferred else anchor
        years = range(lo.year, hi.year + 1)
        fits = [span for y in years if (span := mention.span(y)) and lo <= span[0] <= hi]
        if not fits:
            return None
        span = fits[-1]
    else:
        span = mention.span()
    return PubWindow(span[0], span[1], [m.group(0).strip()]) if span else None


def _merge(found: DocMeta, hints: DocMeta | None) -> DocMeta:
    """Hints win; a hint with any date keeps its whole date group."""
    if hints is None:
        return found
    merged = replace(hints)
    hinted_date = any(getattr(hints, name) for name in _DATE_FIELDS[:3])
    for f in fields(DocMeta):
        if f.name in _DATE_FIELDS and hinted_date:
            continue
        mine, theirs = getattr(found, f.name), getattr(hints, f.name)
        if theirs is None or (f.name == "kind" and theirs == "unknown"):
            setattr(merged, f.name, mine)
    return merged


def _label_lines(page: _Page, title_at: int | None) -> list[str]:
    """Where a section label ("Opinion", "Analysis") may sit: bylines and beside the headline."""
    lines = [page.lines[i] for i in range(page.body_start) if page.labels[i] == "byline"]
    if title_at is not None:
        lines += [page.lines[j] for j in (title_at - 1, title_at + 1) if 0 <= j < len(page.lines)]
    return lines


def extract_metadata(raw: str, cleaned: CleanText, hints: DocMeta | None = None) -> DocMeta:
    """Metadata of a plain-text page from its raw text and its cleaned article."""
    raw = raw if isinstance(raw, str) else ""
    page = _layout(raw, cleaned)
    title = _title(page)
    title_at = page.lines.index(title) if title else None
    furniture = [line for i, line in enumerate(page.lines) if i < page.body_start or i >= page.body_end]
    found = DocMeta(
        title=title,
        author=_author(page),
        outlet=_outlet(furniture + list(cleaned.removed), cleaned.text),
        kind=classify_kind(cleaned.text, title, _label_lines(page, title_at)),
        **_dates(page, cleaned, title_at),
    )
    return _merge(found, hints)


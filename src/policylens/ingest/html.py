"""HTML pages: main text and metadata with trafilatura, the date with htmldate."""

from __future__ import annotations

import htmldate
import trafilatura
from lxml.etree import ParserError

from ..errors import InputError
from ..model import DocMeta
from .nesting import flatten_deep_nesting


def extract_html(html: str, hints: DocMeta) -> tuple[str, DocMeta]:
    """Article text and metadata of a page; ``hints`` (e.g. from JSON) win."""
    html = flatten_deep_nesting(html)
    try:
        result = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False,
            favor_precision=True, deduplicate=False,
        )
    except (ParserError, ValueError, RecursionError) as exc:
        raise InputError(f"the HTML could not be parsed ({exc.__class__.__name__}): "
                         "save the page again or give its text as .txt") from exc
    if result is None or not (result.text or "").strip():
        raise InputError("no article text found in the HTML page (only scripts, menus "
                         "or markup): save the article page itself, or its text as .txt")
    page = DocMeta(title=result.title, author=result.author, outlet=result.sitename,
                   url=result.url)
    page_date = _page_date(html)
    if page_date:
        page.published = page.published_earliest = page.published_latest = page_date
        page.date_how = "page"
        page.date_evidence = "HTML page metadata"
    return result.text, merge_meta(hints, page)


def _page_date(html: str) -> str | None:
    """A date only from the page's own markup: htmldate guesses otherwise."""
    try:
        return htmldate.find_date(html, extensive_search=False, original_date=True)
    except (ValueError, RecursionError):
        return None


def merge_meta(first: DocMeta, second: DocMeta) -> DocMeta:
    """Fields of ``first`` where set, else those of ``second``."""
    merged = DocMeta()
    for name in vars(merged):
        value = getattr(first, name)
        if value in (None, "unknown"):
            value = getattr(second, name)
        setattr(merged, name, value)
    if first.published and not first.published_earliest:
        merged.published_earliest = merged.published_latest = first.published
    return merged

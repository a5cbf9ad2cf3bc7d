"""From a raw input to a clean, identified document, or to the reason it is not one."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import InputError
from . import STAGE, VERSION  # noqa: F401  (re-exported for callers)
from ..model import DocMeta, Document, RawInput
from ..settings import Settings
from .clean import clean_plain_text
from .html import extract_html, merge_meta
from .identity import detect_language, document_id
from .markdown import markdown_title, markdown_to_text
from .metadata import extract_metadata

@dataclass
class Outcome:
    """What became of one input: ``ok`` with a document, or ``error``/``skipped``."""

    status: str
    reason: str | None = None
    document: Document | None = None


def build_document(raw: RawInput, settings: Settings) -> Outcome:
    if raw.error:
        return Outcome("error", raw.error)
    try:
        return _build(raw, settings)
    except InputError as exc:
        return Outcome("error", exc.message)


def _build(raw: RawInput, settings: Settings) -> Outcome:
    text, hints = raw.content, raw.meta
    if not text.strip():
        raise InputError("the input is empty: nothing to analyse")
    if raw.format == "html":
        text, hints = extract_html(text, hints)
    elif raw.format == "markdown":
        hints = merge_meta(hints, DocMeta(title=markdown_title(text)))
        text = markdown_to_text(text)
    text, note = _cut_long_lines(text, settings.max_line_chars)
    cleaned = clean_plain_text(text)
    words = len(cleaned.text.split())
    if words < settings.min_words:
        raise InputError(f"only {words} words of article text after cleaning (at least "
                         f"{settings.min_words} needed): is this an article?")
    meta = extract_metadata(text, cleaned, hints)
    language = detect_language(cleaned.text)
    if language != "en":
        return Outcome("skipped", f"language is '{language}', not English: "
                                  "policylens analyses English text only")
    doc = Document(id=document_id(cleaned.text), text=cleaned.text, meta=meta,
                   language=language, removed=cleaned.removed)
    return Outcome("ok", note, document=doc)


def _cut_long_lines(text: str, limit: int) -> tuple[str, str | None]:
    """Giant lines (minified pages, dumps) are cut so that no stage stalls on them."""
    lines = text.split("\n")
    long = sum(1 for line in lines if len(line) > limit)
    if not long:
        return text, None
    note = (f"{long} line(s) longer than {limit:,} characters were cut to that length; "
            "raise max_line_chars in policylens.toml to keep them whole")
    return "\n".join(line[:limit] for line in lines), note

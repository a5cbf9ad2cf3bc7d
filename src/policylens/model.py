"""Typed records that flow between the stages."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["RawInput", "DocMeta", "CleanText", "Document", "DATE_HOWS", "KINDS"]

DATE_HOWS = ("stated", "page", "inferred")
KINDS = ("news", "opinion", "analysis", "unknown")


@dataclass
class DocMeta:
    """Document metadata; any field may be unknown (None)."""

    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date, set when one date is known
    published_earliest: str | None = None
    published_latest: str | None = None
    date_how: str | None = None  # one of DATE_HOWS
    date_evidence: str | None = None  # the text the date was read from
    kind: str = "unknown"  # one of KINDS


@dataclass
class RawInput:
    """What a reader yields: one input item before cleaning.

    ``source`` is what users see (file name or URL); ``key`` identifies the
    input item uniquely across runs (path, or path plus line number).
    """

    source: str
    key: str
    content: str = ""
    format: str = "text"  # "html", "markdown" or "text"
    meta: DocMeta = field(default_factory=DocMeta)
    error: str | None = None  # set when the reader could not read the item


@dataclass
class CleanText:
    """Article text after page furniture is removed."""

    text: str
    removed: list[str] = field(default_factory=list)


@dataclass
class Document:
    """A cleaned, identified article ready for the NLP stages."""

    id: str
    text: str
    meta: DocMeta
    language: str
    removed: list[str] = field(default_factory=list)

"""Document metadata (minimal version kept until the foundation's extractor is merged).

It keeps the hints the reader found (HTML metadata, JSON fields) and takes the
first line of a plain-text document as its title when none is known.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import CleanText, DocMeta


def extract_metadata(text: str, cleaned: CleanText, hints: DocMeta) -> DocMeta:
    meta = replace(hints)
    if not meta.title:
        first = cleaned.text.split("\n", 1)[0].strip().lstrip("# ")
        meta.title = first[:200] or None
    return meta

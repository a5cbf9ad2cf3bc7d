"""Plain-text cleaning (minimal version kept until the foundation's cleaner is merged).

The foundation issue replaces this module with a real boilerplate remover; this
version only normalises blank lines so that the pipeline runs end to end.
"""

from __future__ import annotations

from ..model import CleanText


def clean_plain_text(text: str) -> CleanText:
    """The text with trailing spaces and runs of blank lines removed."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    paragraphs, current = [], []
    for line in lines:
        if line:
            current.append(line)
        elif current:
            paragraphs.append("\n".join(current))
            current = []
    if current:
        paragraphs.append("\n".join(current))
    return CleanText(text="\n\n".join(paragraphs), removed=[])

"""Build a benchmark corpus by replicating the bundled sample corpus.

Each copy gets one extra sentence so that its text, and so its document id,
is unique (exact copies would be stored once as duplicates).
"""

from __future__ import annotations

import re
from pathlib import Path

from policylens.cli.ingest import SAMPLE


def _marked(text: str, suffix: str, n: int) -> str:
    """The text with a sentence added inside its first article paragraph."""
    line = f" Analysts reviewing this report noted it as benchmark copy number {n} of the series."
    if suffix in (".html", ".htm"):
        para = next(m for m in re.finditer(r"<p[^>]*>(.*?)</p>", text, re.S)
                    if len(m.group(1).split()) > 40)
        return text[:para.end(1)] + line + text[para.end(1):]
    lines = text.split("\n")
    first = next(i for i, ln in enumerate(lines) if len(ln.split()) > 40)
    lines[first] += line
    return "\n".join(lines)


def replicate(out: Path, n_docs: int) -> list[Path]:
    """Write ``n_docs`` files into ``out``, cycling through the sample corpus."""
    sources = sorted(p for p in Path(str(SAMPLE)).iterdir()
                     if p.suffix in (".html", ".txt", ".md"))
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for i in range(n_docs):
        src = sources[i % len(sources)]
        dest = out / f"{i:06d}_{src.name}"
        dest.write_text(_marked(src.read_text(encoding="utf-8"), src.suffix, i), encoding="utf-8")
        written.append(dest)
    return written

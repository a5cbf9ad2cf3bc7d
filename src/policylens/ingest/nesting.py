"""Pages nested deeper than the HTML parser goes (libxml2 stops at 256 levels) lose their
text without an error; flattening the excess keeps every word."""

from __future__ import annotations

import re

MAX_DEPTH = 200
_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*)[^<>]*?(/?)>")
# Tags the parser closes by itself, and tags that never hold content, do not nest.
_FLAT = {"p", "li", "td", "th", "tr", "dt", "dd", "option", "optgroup", "thead", "tbody",
         "tfoot", "colgroup", "rp", "rt", "area", "base", "br", "col", "embed", "hr", "img",
         "input", "link", "meta", "param", "source", "track", "wbr"}


def flatten_deep_nesting(html: str, limit: int = MAX_DEPTH) -> str:
    """``html`` with the tags nested deeper than ``limit`` (and their end tags) removed.

    Text is never removed; a page within the limit is returned unchanged.
    """
    if html.count("<") <= limit:
        return html
    parts: list[str] = []
    last = depth = excess = 0
    for m in _TAG.finditer(html):
        closing, name, empty = m.group(1), m.group(2).lower(), m.group(3)
        if name in _FLAT or empty:
            continue
        if not closing:
            if depth < limit:
                depth += 1
                continue
            excess += 1
        elif excess:
            excess -= 1
        else:
            depth = max(depth - 1, 0)
            continue
        parts.append(html[last:m.start()])
        last = m.end()
    if not parts:
        return html
    parts.append(html[last:])
    return "".join(parts)

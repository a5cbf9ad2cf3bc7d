"""Markdown to plain text, line by line, so the plain-text cleaner sees what a reader sees."""

from __future__ import annotations

import re

_RULES = (
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # images: keep the alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links: keep the link text
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])"), r"\1"),  # italics
    (re.compile(r"(?<!\w)_(?!\s)(.+?)(?<!\s)_(?!\w)"), r"\1"),
    (re.compile(r"`([^`]*)`"), r"\1"),  # inline code
)
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_QUOTE = re.compile(r"^\s{0,3}>\s?")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")


def markdown_line(line: str) -> str:
    if _RULE.match(line):
        return ""
    heading = _HEADING.match(line)
    if heading:
        line = heading.group(1)
    line = _QUOTE.sub("", line)
    for pattern, repl in _RULES:
        line = pattern.sub(repl, line)
    return line


def markdown_to_text(text: str) -> str:
    """Drop Markdown syntax (headings, emphasis, links, rules); keep every line's words."""
    return "\n".join(markdown_line(line) for line in text.split("\n"))


def markdown_title(text: str) -> str | None:
    """The first level-1 heading: in Markdown the author marked the title."""
    for line in text.split("\n"):
        if line.startswith("# "):
            return markdown_line(line).strip() or None
    return None

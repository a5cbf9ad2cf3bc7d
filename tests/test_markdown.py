"""Markdown inputs are read as the text a reader sees."""

from __future__ import annotations

from policylens.ingest.markdown import markdown_line, markdown_title, markdown_to_text


def test_headings_emphasis_links_and_rules_become_plain_text() -> None:
    assert markdown_line("# Seoul should stay the course") == "Seoul should stay the course"
    assert markdown_line("*By Ana Park*") == "By Ana Park"
    assert markdown_line("**Security first.** The rest.") == "Security first. The rest."
    assert markdown_line("[Home](/) › [Opinion](/opinion)") == "Home › Opinion"
    assert markdown_line("> a quoted line") == "a quoted line"
    assert markdown_line("---") == ""


def test_words_inside_ordinary_text_are_untouched() -> None:
    line = "NATO's 2*3 rule and snake_case names stay as they are, 5 * 4 too."
    assert markdown_line(line) == line


def test_line_count_is_kept() -> None:
    text = "# T\n\nBody *one*.\n\n---\nEnd"
    assert len(markdown_to_text(text).split("\n")) == len(text.split("\n"))


def test_first_level_one_heading_is_the_title() -> None:
    assert markdown_title("**SITE**\n\n## Section\n# The *real* title\nBody") == "The real title"
    assert markdown_title("No heading here") is None

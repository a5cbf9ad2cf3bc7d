"""Property-based tests of date finding: what is found points into the text, and a date
written in a common form is found with its year, month and day."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

dates_module = pytest.importorskip("policylens.ingest.dates")
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def _abbreviated(month: int) -> str:
    """"Oct." as newspapers write it; May has no abbreviation."""
    name = MONTHS[month - 1]
    return name if name == "May" else name[:3] + "."


DAYS = st.dates(min_value=date(1940, 1, 1), max_value=date(2100, 12, 31))
FORMATS = [lambda d: f"{d.day} {MONTHS[d.month - 1]} {d.year}",
           lambda d: f"{MONTHS[d.month - 1]} {d.day}, {d.year}",
           lambda d: f"{d.isoformat()}",
           lambda d: f"{_abbreviated(d.month)} {d.day}, {d.year}"]


@given(st.text(max_size=400))
def test_found_dates_point_into_the_text(text: str) -> None:
    for m in dates_module.find_dates(text, bare_months=True):
        assert 0 <= m.pos and text[m.pos:m.pos + len(m.text)] == m.text
        if m.day is not None:
            assert m.span(m.year or 2000) is not None


@given(DAYS, st.sampled_from(FORMATS), st.sampled_from(["The summit opened on ", "On ", "("]),
       st.sampled_from([".", " in Madrid.", ")", ", officials said."]))
def test_a_written_date_is_found_with_its_parts(day: date, fmt, before: str, after: str) -> None:  # type: ignore[no-untyped-def]
    written = fmt(day)
    text = before + written + after
    found = [(m.year, m.month, m.day) for m in dates_module.find_dates(text)]
    assert (day.year, day.month, day.day) in found, (text, found)


@given(DAYS, st.sampled_from(FORMATS), st.sampled_from(["", "Published: ", "Updated ",
                                                         "Posted on "]))
def test_a_date_line_parses_to_its_day(day: date, fmt, label: str) -> None:  # type: ignore[no-untyped-def]
    m = dates_module.parse_date_line(label + fmt(day))
    assert m is not None and (m.year, m.month, m.day) == (day.year, day.month, day.day)


@given(st.text(max_size=120))
def test_parse_date_line_never_raises(line: str) -> None:
    m = dates_module.parse_date_line(line)
    assert m is None or m.year is None or 1940 <= m.year <= 2100

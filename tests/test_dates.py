"""Date parsing, the known-events table, and publication windows inferred from text."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policylens.ingest.dates import find_dates, parse_date_line
from policylens.ingest.known_events import find_event_refs, load_known_events
from policylens.ingest.pubdate import MAX_LAG_DAYS, infer_publication_window

# --- explicit dates -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It was signed on June 22, 2025 in Seoul.", (2025, 6, 22)),
        ("It was signed on 29 October 2025.", (2025, 10, 29)),
        ("Wednesday, 29 October, 2025", (2025, 10, 29)),
        ("Wednesday, October 29, 2025 5:44 PM", (2025, 10, 29)),
        ("the declaration of 2024-07-11", (2024, 7, 11)),
        ("Jul. 9, 2024", (2024, 7, 9)),
    ],
)
def test_full_dates(text, expected):
    (mention,) = find_dates(text)
    assert (mention.year, mention.month, mention.day) == expected
    assert mention.precision == "day"


def test_day_range_without_year():
    (mention,) = find_dates("the summit held in Madrid on June 29th-30th, with")
    assert (mention.year, mention.month, mention.day, mention.day_end) == (None, 6, 29, 30)
    assert mention.span(2022) == (date(2022, 6, 29), date(2022, 6, 30))
    assert mention.span() is None


def test_month_and_year_precision():
    month, year = find_dates("At the July 2024 summit, which recalled 2023, members agreed.")
    assert (month.precision, month.span()) == ("month", (date(2024, 7, 1), date(2024, 7, 31)))
    assert (year.precision, year.span()) == ("year", (date(2023, 1, 1), date(2023, 12, 31)))


@pytest.mark.parametrize(
    "text",
    [
        "Seoul may decide later.",  # the modal verb, not the month
        "It cost $2025 and 90% of 2,000 troops.",
        "February 30, 2024",  # no such day
        "the 1990s and the 2020s",
        "call 555-2024-11",
    ],
)
def test_not_dates(text):
    assert [m for m in find_dates(text) if m.precision != "year" or m.year in (2024, 2025)] == []


def test_bare_months_only_on_request():
    assert find_dates("since taking office in May") == []
    (mention,) = find_dates("since taking office in May", bare_months=True)
    assert (mention.year, mention.month) == (None, 5)


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("June 22, 2025", "2025-06-22"),
        ("Published: 22 June 2025", "2025-06-22"),
        ("Updated 3 July 2024, 10:15 GMT", "2024-07-03"),
        ("Thursday 5 June 2025 13:00 BST", "2025-06-05"),
    ],
)
def test_date_lines(line, iso):
    mention = parse_date_line(line)
    assert mention is not None and mention.span()[0].isoformat() == iso


@pytest.mark.parametrize("line", ["The summit opened on June 22, 2025.", "Humidity: 91%", "London, UK", ""])
def test_lines_that_are_not_date_lines(line):
    assert parse_date_line(line) is None


# --- the known-events table -----------------------------------------------------------


def test_known_events_table_is_consistent():
    events = load_known_events()
    ids = [e.id for e in events]
    assert len(ids) == len(set(ids))
    assert all(e.start <= e.end <= e.start + timedelta(days=14) for e in events)
    assert all(e.name and e.kind and e.places for e in events)
    for kind in {e.kind for e in events if e.kind.endswith("_summit")}:
        series = sorted((e for e in events if e.kind == kind), key=lambda e: e.start)
        assert all(a.end < b.start for a, b in zip(series, series[1:])), kind


@pytest.mark.parametrize(
    ("place", "start", "end"),
    [
        ("Madrid", "2022-06-29", "2022-06-30"),
        ("Vilnius", "2023-07-11", "2023-07-12"),
        ("Washington", "2024-07-09", "2024-07-11"),
        ("The Hague", "2025-06-24", "2025-06-25"),
    ],
)
def test_recent_nato_summits(place, start, end):
    (event,) = [e for e in load_known_events() if e.kind == "nato_summit" and place in e.places]
    assert (event.start.isoformat(), event.end.isoformat()) == (start, end)


def test_known_event_coverage():
    events = load_known_events()
    nato_years = {e.start.year for e in events if e.kind == "nato_summit"}
    assert {2002, 2004, 2006, 2008, 2010, 2012, 2014, 2016, 2018, 2021, 2023, 2024, 2025} <= nato_years
    apec_years = {e.start.year for e in events if e.kind == "apec_summit"}
    assert {2018, 2020, 2021, 2022, 2023, 2024, 2025} <= apec_years
    assert set(range(2021, 2026)) <= {e.start.year for e in events if e.kind == "g7_summit"}
    fixed = {e.id: e.start.isoformat() for e in events}
    assert fixed["rus-ukraine-invasion"] == "2022-02-24"
    assert fixed["kor-martial-law-2024"] == "2024-12-03"


# --- references to known events -------------------------------------------------------


def _refs(text):
    return [(r.relation, [e.id for e in r.candidates]) for r in find_event_refs(text)]


def test_relative_reference_with_place():
    text = "NATO leaders met. Unlike last year's Vilnius summit, this one was calm."
    assert ((("year", -1), ["nato-2023-vilnius"])) in _refs(text)


def test_upcoming_summit_with_month_and_host():
    text = "He will host Xi at the upcoming November APEC summit in South Korea."
    assert ("future", ["apec-2025-gyeongju"]) in _refs(text)


def test_summit_dated_beside_it():
    text = "President Yoon attended the NATO Summit held in Madrid on June 29th-30th, with allies."
    assert (None, ["nato-2022-madrid"]) in _refs(text)


def test_summit_elsewhere_is_not_a_nato_summit():
    text = "NATO allies watched. On May 27, Seoul hosted a trilateral summit in Seoul with China."
    assert all(ids != [] and "nato" not in ids[0] for _rel, ids in _refs(text) if len(ids) == 1)


# --- publication windows --------------------------------------------------------------


def _window(text, anchor=None):
    window = infer_publication_window(text, anchor)
    assert window is not None
    return window.earliest, window.latest


def test_this_weeks_summit_pins_the_week():
    earliest, latest = _window("President Lee decided to skip this week's NATO summit in The Hague.")
    assert date(2025, 6, 23) <= earliest <= latest <= date(2025, 6, 29)


def test_this_weeks_summit_resolved_by_other_references():
    text = ("South Korea's new president Lee Jae Myung was sworn in. "
            "His decision to skip this week's NATO summit surprised allies.")
    earliest, latest = _window(text)
    assert date(2025, 6, 23) <= earliest <= latest <= date(2025, 6, 29)


def test_past_summit_bounds_the_window_from_below():
    text = "President Yoon has participated in the NATO Summit held in Madrid on June 29th-30th."
    earliest, latest = _window(text)
    assert earliest == date(2022, 6, 30)
    assert latest == earliest + timedelta(days=MAX_LAG_DAYS)


def test_last_and_this_years_summits_fix_the_year():
    text = ("At the July 2024 NATO summit, members issued a declaration. Unlike last year's "
            "Vilnius summit, this year's summit centered on Russia.")
    earliest, latest = _window(text)
    assert date(2024, 7, 11) <= earliest <= latest <= date(2024, 8, 31)


def test_upcoming_summit_bounds_the_window_from_above():
    text = "Lee signed the deal in 2025. He will attend the upcoming NATO summit in The Hague."
    earliest, latest = _window(text)
    assert date(2025, 1, 1) <= earliest <= latest <= date(2025, 6, 24)


def test_page_date_caps_the_window():
    text = "South Korea invited Xi for this week's Asia-Pacific Economic Cooperation (APEC) summit."
    earliest, latest = _window(text, anchor=date(2025, 10, 29))
    assert (earliest, latest) == (date(2025, 10, 27), date(2025, 10, 29))


def test_future_target_years_are_not_past_references():
    text = "The alliance agreed in 2025 to raise spending to 5% of GDP by 2035."
    earliest, latest = _window(text)
    assert earliest.year == 2025 and latest < date(2035, 1, 1)


def test_plain_summit_read_through_the_host_city_named_elsewhere():
    text = ("Yoon arrived in Vilnius on Monday. He told reporters that the NATO summit had "
            "strengthened the partnership.")
    earliest, latest = _window(text)
    assert date(2023, 7, 11) <= earliest <= latest <= date(2023, 8, 31)


def test_status_alone_gives_no_window():
    assert infer_publication_window("President Lee Jae-myung spoke to reporters.") is None


def test_nothing_dated_gives_no_window():
    assert infer_publication_window("Seoul weighs its options carefully.") is None


# --- properties -------------------------------------------------------------------

_PIECES = st.sampled_from([
    " ", ". ", "this week's", "last year's", "next year's", "upcoming", "NATO", "APEC", "G7",
    "summit", "Summit", "in Madrid", "in The Hague", "June 29th-30th", "July 2024", "2024",
    "by 2035", "President Yoon", "2024-02-30", "May 27", "\n", "held in", "yesterday's",
])
_TEXT = st.one_of(st.text(max_size=200), st.lists(_PIECES, max_size=30).map(" ".join))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT, st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2030, 12, 31))))
def test_inference_never_raises_and_is_ordered(text, anchor):
    for mention in find_dates(text, bare_months=True):
        span = mention.span(2024)
        assert span is None or span[0] <= span[1]
    window = infer_publication_window(text, anchor)
    if window is not None:
        assert window.earliest <= window.latest

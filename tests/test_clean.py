"""Plain-text cleaning: furniture goes, article text stays, nothing is rewritten."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policylens.ingest.clean import clean_plain_text

PARA_1 = (
    "South Korea's president decided on Sunday not to travel to the alliance's summit, "
    "sending his national security adviser instead. Officials in Seoul said domestic "
    "priorities and the crisis in the Middle East weighed on the decision, which drew "
    "criticism from the opposition and from several European diplomats."
)
PARA_2 = (
    "The decision marks a break with his predecessor, who attended three summits in a row "
    "and made partnership with the alliance a pillar of his foreign policy. Analysts said "
    "the shift reflects a more transactional reading of what the partnership brings."
)
PARA_3 = (
    "Whether the absence has lasting costs will depend on how Seoul handles arms contracts "
    "with Poland and Romania, and on whether it keeps sharing intelligence with European "
    "capitals about North Korean soldiers fighting alongside Russian forces."
)


def fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def body_lines(text: str) -> list[str]:
    return [fold(line) for line in text.splitlines() if line.strip()]


def page(*lines: str) -> str:
    return "\n\n".join(lines)


# --- the reference articles -------------------------------------------------


def _seed_docs(seeds_dir, seeds_gold):
    for doc in seeds_gold["documents"]:
        raw = (seeds_dir / doc["file"]).read_text(encoding="utf-8")
        yield doc, raw, clean_plain_text(raw)


def test_seed_boilerplate_is_removed(seeds_dir, seeds_gold):
    for doc, _raw, cleaned in _seed_docs(seeds_dir, seeds_gold):
        lines = body_lines(cleaned.text)
        for furniture in doc["boilerplate"]:
            left = [line for line in lines if line.startswith(fold(furniture))]
            assert not left, f"{doc['file']}: furniture kept: {furniture!r}"


def test_seed_evidence_is_kept(seeds_dir, seeds_gold):
    for doc, _raw, cleaned in _seed_docs(seeds_dir, seeds_gold):
        quotes = [e["evidence"] for e in doc["events"]] + [doc["stance_evidence"]]
        for point in seeds_gold["key_points"]:
            quotes += [e["quote"] for e in point["evidence"] if e["source"] == doc["file"]]
        text = fold(cleaned.text)
        for quote in quotes:
            assert fold(quote) in text, f"{doc['file']}: evidence lost: {quote!r}"


def test_seed_title_stays_out_of_the_body(seeds_dir, seeds_gold):
    for doc, _raw, cleaned in _seed_docs(seeds_dir, seeds_gold):
        if doc["title"]:
            assert fold(doc["title"]) not in body_lines(cleaned.text), doc["file"]


# --- one rule at a time -------------------------------------------------------


def test_weather_and_date_widgets_are_removed():
    raw = page(
        "Wednesday, 29 October, 2025", "London, UK", "Wednesday, October 29, 2025 5:44 PM",
        "broken clouds 10.2°C", "Condition: Broken clouds", "Humidity: 91%",
        "Wind Speed: 5.5 km/h", PARA_1, PARA_2,
    )
    cleaned = clean_plain_text(raw)
    assert body_lines(cleaned.text) == [PARA_1, PARA_2]
    assert "Humidity: 91%" in cleaned.removed


def test_long_paragraph_ending_with_a_period_is_kept():
    cleaned = clean_plain_text(PARA_1)
    assert body_lines(cleaned.text) == [PARA_1]
    assert cleaned.removed == []


def test_two_line_byline_and_affiliation_are_removed():
    raw = page(
        "Seoul should go to the summit", "By", "Jane Q. Doe",
        "Senior Fellow, Korea Programme at the Example Institute", PARA_1, PARA_2,
    )
    cleaned = clean_plain_text(raw)
    assert body_lines(cleaned.text) == [PARA_1, PARA_2]


def test_bio_line_at_the_end_is_removed():
    bio = "Jane Q. Doe is a senior fellow at the Example Institute in Canberra."
    cleaned = clean_plain_text(page(PARA_1, PARA_2, bio))
    assert body_lines(cleaned.text) == [PARA_1, PARA_2]
    assert bio in cleaned.removed


def test_cookie_and_newsletter_blocks_are_removed():
    raw = page(
        PARA_1, PARA_2, "Newsletter",
        "Subscribe to receive our free newsletter and unlock access to every story.",
        "Privacy & Cookie Notice",
        "This website uses cookies to improve your experience. You can change your cookie "
        "preferences at any time in the settings linked from the footer of every page.",
    )
    assert body_lines(clean_plain_text(raw).text) == [PARA_1, PARA_2]


def test_job_ads_and_navigation_are_removed():
    raw = page(
        "Asia Defense | Security | East Asia", "Recent Features", PARA_1, PARA_2,
        "Dreaming of a career in the Pacific?", "Try The Example Review's jobs board.",
        "Find your Pacific job",
    )
    assert body_lines(clean_plain_text(raw).text) == [PARA_1, PARA_2]


def test_photo_caption_and_credit_go_but_the_lead_stays():
    caption = "The president speaks at a forum in Washington, July 11, 2024."
    raw = page("A headline about the summit", caption, "Credit: Example Photo Agency", PARA_1, PARA_2)
    cleaned = clean_plain_text(raw)
    assert body_lines(cleaned.text) == [PARA_1, PARA_2]
    assert caption in cleaned.removed


def test_caption_with_inline_credit_is_removed():
    caption = "The president arrives in The Hague. | Pool photo by A. Photographer/EPA"
    cleaned = clean_plain_text(page(PARA_1, caption, PARA_2))
    assert body_lines(cleaned.text) == [PARA_1, PARA_2]


def test_summary_bullets_that_repeat_the_body_are_removed():
    first_sentence = PARA_1.split(". ")[0] + "."
    raw = page("A headline about the summit", "- " + first_sentence, PARA_1, PARA_2)
    cleaned = clean_plain_text(raw)
    assert body_lines(cleaned.text) == [PARA_1, PARA_2]
    assert "- " + first_sentence in cleaned.removed


def test_teaser_repeating_the_first_paragraph_leaves_one_copy():
    raw = page("Home", PARA_1, "Share", "A headline about the summit", PARA_1, PARA_2, PARA_3)
    assert body_lines(clean_plain_text(raw).text) == [PARA_1, PARA_2, PARA_3]


def test_repeated_title_is_kept_out_of_the_body():
    title = "Navigating an Uneasy Partnership"
    raw = page(title, "Section Name", title, PARA_1, title, PARA_2)
    assert body_lines(clean_plain_text(raw).text) == [PARA_1, PARA_2]


def test_share_and_related_lines_are_removed():
    raw = page(PARA_1, "Related: Seoul weighs its options", "Share this", PARA_2, "Share")
    assert body_lines(clean_plain_text(raw).text) == [PARA_1, PARA_2]


def test_advertisement_does_not_cut_the_article():
    short = "Japan's prime minister also decided to stay at home, local media reported."
    raw = page(PARA_1, PARA_2, "Advertisement", short)
    assert body_lines(clean_plain_text(raw).text) == [PARA_1, PARA_2, short]


def test_related_links_inside_the_body_are_removed():
    ending = "In sum, Seoul has more to gain than to lose by showing up, and it should say so."
    raw = page(PARA_1, PARA_2, "Related Content", "The Partners After The Hague",
               "A Pacific Crossroads", ending)
    assert body_lines(clean_plain_text(raw).text) == [PARA_1, PARA_2, ending]


def test_author_box_after_the_article_is_removed():
    box = (
        "Writers at the Example Gazette come from many professional backgrounds, including "
        "diplomacy and public administration, and many of them publish under initials only."
    )
    raw = page(PARA_1, PARA_2, PARA_3, "EG Staff Writers", box, "Categories")
    assert body_lines(clean_plain_text(raw).text) == [PARA_1, PARA_2, PARA_3]


def test_short_paragraph_opening_with_by_is_prose():
    raw = page(PARA_1, "By contrast, Japan went.", PARA_2)
    assert body_lines(clean_plain_text(raw).text) == [PARA_1, "By contrast, Japan went.", PARA_2]


def test_expert_introduced_inside_the_body_is_kept():
    intro = "Kim Min-seok is a professor at Korea University."
    quote = '"The summit was never going to deliver much for Seoul," Kim said of the decision.'
    raw = page(PARA_1, PARA_2, intro, quote, PARA_3)
    assert body_lines(clean_plain_text(raw).text) == [PARA_1, PARA_2, intro, quote, PARA_3]


def test_author_line_beside_the_date_and_comments_are_removed():
    comment = "Great piece. I think Lee made the right call, given what he faces at home with the economy."
    raw = page("Seoul's NATO gamble", "Jane Doe", "26 June 2025 09:00", PARA_1, PARA_2, PARA_3,
               "Comments", "John Smith", "26 June 2025", comment, "Reply")
    cleaned = clean_plain_text(raw)
    assert body_lines(cleaned.text) == [PARA_1, PARA_2, PARA_3]
    assert "Jane Doe" in cleaned.removed and comment in cleaned.removed


def test_standfirst_under_the_headline_is_kept():
    dek = "Seoul has a chance to raise its standing with the alliance, but it may cost it in Beijing."
    raw = page("A headline about the summit", dek, "By Jane Doe", PARA_1, PARA_2)
    assert body_lines(clean_plain_text(raw).text) == [dek, PARA_1, PARA_2]


def test_hard_wrapped_paragraphs_are_kept_whole():
    wrapped = "\n".join(re.findall(r".{1,68}(?:\s|$)", PARA_1 + " " + PARA_2))
    cleaned = clean_plain_text("Share this\n\n" + wrapped + "\n\nAdvertisement")
    assert fold(cleaned.text) == fold(PARA_1 + " " + PARA_2)
    assert cleaned.removed == ["Share this", "Advertisement"]


def test_paragraphs_are_joined_by_blank_lines():
    cleaned = clean_plain_text(PARA_1 + "\n" + PARA_2)
    assert cleaned.text == PARA_1 + "\n\n" + PARA_2


@pytest.mark.parametrize("raw", ["", "   ", "\n\n\n", "\x00\x01\x1f", "\u00a0\u2028\u2029", "°" * 100_000])
def test_degenerate_inputs(raw):
    cleaned = clean_plain_text(raw)
    assert isinstance(cleaned.text, str)
    assert cleaned.text.strip() == "" or cleaned.text.strip() in raw


def test_page_of_furniture_only_leaves_no_text():
    raw = page("Home", "Menu", "Share", "Humidity: 91%", "Privacy Overview")
    cleaned = clean_plain_text(raw)
    assert cleaned.text == ""
    assert len(cleaned.removed) == 5


# --- properties -------------------------------------------------------------------

_PIECES = st.sampled_from([
    "\n", "\n\n", " ", "\u00a0", "\r\n", "\t", "By Jane Doe", "June 22, 2025", "Humidity: 91%",
    "Credit: Someone", "- ", "Share", PARA_1, PARA_2, "Advertisement", "\x00", "\u2028", "°C",
    "Jane Doe is a Brussels-based commentator.", "Asia | Security", "Related:",
])
_TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(_PIECES, st.text(max_size=15)), max_size=30).map("".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_cleaning_only_removes_lines(raw):
    cleaned = clean_plain_text(raw)
    source = [line.strip() for line in raw.splitlines() if line.strip()]
    kept = [line for line in cleaned.text.splitlines() if line.strip()]
    assert all(line in source for line in kept)
    assert sorted(kept + cleaned.removed) == sorted(source)


def test_a_short_hard_wrapped_paragraph_keeps_its_first_line() -> None:
    raw = ("Ministers meet\n\nNorway hosted the ministers of Sweden and Finland this week. The summit in Bergen on\n"
           "March 10 brought the three governments together for the first time in a decade.\n")
    cleaned = clean_plain_text(raw)
    assert "The summit in Bergen on" in cleaned.text
    assert cleaned.removed == ["Ministers meet"]

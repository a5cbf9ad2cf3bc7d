"""Metadata of plain-text pages: title, author, outlet, kind and publication date."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policylens.ingest.clean import clean_plain_text
from policylens.ingest.metadata import extract_metadata
from policylens.model import DATE_HOWS, KINDS, DocMeta

BODY = "\n\n".join([
    "South Korea's president decided not to travel to the alliance's summit, sending his "
    "national security adviser instead. Officials said domestic priorities and the crisis in "
    "the Middle East weighed on the decision, which drew criticism from the opposition.",
    "The decision marks a break with his predecessor, who attended three summits in a row and "
    "made partnership with the alliance a pillar of his foreign policy. Analysts said the shift "
    "reflects a more transactional reading of what the partnership brings to Seoul.",
    "Whether the absence has lasting costs will depend on how Seoul handles arms contracts with "
    "Poland and Romania, and on whether it keeps sharing intelligence with European capitals "
    "about North Korean soldiers fighting alongside Russian forces in Ukraine.",
])


def fold(text: str | None) -> str | None:
    return None if text is None else re.sub(r"\s+", " ", text).strip().casefold()


def meta_of(raw: str, hints: DocMeta | None = None) -> DocMeta:
    return extract_metadata(raw, clean_plain_text(raw), hints)


def inside(meta: DocMeta, earliest: str, latest: str) -> bool:
    lo, hi = date.fromisoformat(earliest), date.fromisoformat(latest)
    if meta.published:
        return lo <= date.fromisoformat(meta.published) <= hi
    if not (meta.published_earliest and meta.published_latest):
        return False
    earliest, latest = date.fromisoformat(meta.published_earliest), date.fromisoformat(meta.published_latest)
    return lo <= earliest <= latest <= hi


# --- the reference articles -------------------------------------------------


def _seed_metas(seeds_dir, seeds_gold):
    for doc in seeds_gold["documents"]:
        yield doc, meta_of((seeds_dir / doc["file"]).read_text(encoding="utf-8"))


def test_seed_titles(seeds_dir, seeds_gold):
    for doc, meta in _seed_metas(seeds_dir, seeds_gold):
        assert fold(meta.title) == fold(doc["title"]), doc["file"]


def test_seed_authors(seeds_dir, seeds_gold):
    for doc, meta in _seed_metas(seeds_dir, seeds_gold):
        assert fold(meta.author) == fold(doc["author"]), doc["file"]


def test_seed_outlets_where_gold_names_one(seeds_dir, seeds_gold):
    named = [(doc, meta) for doc, meta in _seed_metas(seeds_dir, seeds_gold) if doc.get("outlet")]
    assert named
    for doc, meta in named:
        assert fold(meta.outlet) == fold(doc["outlet"]), doc["file"]


def test_seed_dates_lie_in_the_gold_window(seeds_dir, seeds_gold):
    for doc, meta in _seed_metas(seeds_dir, seeds_gold):
        window = doc["published"]
        assert inside(meta, window["earliest"], window["latest"]), (doc["file"], meta)
        assert meta.date_how in DATE_HOWS and meta.date_evidence


def test_seed_kinds(seeds_dir, seeds_gold):
    for doc, meta in _seed_metas(seeds_dir, seeds_gold):
        assert meta.kind == doc["kind"], doc["file"]


# --- title ----------------------------------------------------------------------


def test_no_headline_means_no_title():
    assert meta_of(BODY).title is None


def test_headline_beats_section_label():
    raw = "Alliances\n\nWhy Seoul stayed away from The Hague\n\nBy Jane Doe\n\n" + BODY
    assert meta_of(raw).title == "Why Seoul stayed away from The Hague"


def test_repeated_headline_is_the_title():
    title = "Navigating an Uneasy Partnership"
    raw = f"Asia Defense\n\n{title}\n\nRecent Features\n\n{title}\n\n" + BODY
    assert meta_of(raw).title == title


# --- author -----------------------------------------------------------------------


def test_byline_names_the_author():
    assert meta_of("A headline for the piece\n\nBy Jane Q. Doe\n\n" + BODY).author == "Jane Q. Doe"


def test_two_line_byline_names_the_author():
    raw = "A headline for the piece\n\nBy\n\nJane Doe\n\nSenior Fellow, Example Institute\n\n" + BODY
    assert meta_of(raw).author == "Jane Doe"


def test_bio_line_at_the_end_names_the_author():
    raw = BODY + "\n\nJane Doe is a Brussels-based international affairs commentator."
    assert meta_of(raw).author == "Jane Doe"


def test_signature_names_the_author():
    assert meta_of(BODY + "\n\n\u2014 Jane Doe").author == "Jane Doe"


def test_staff_byline_is_not_an_author():
    assert meta_of("A headline for the piece\n\nEG Staff Writers\n\n" + BODY).author is None


# --- outlet and kind ----------------------------------------------------------------


def test_outlet_from_a_jobs_board_promotion():
    raw = BODY + "\n\nDreaming of a career in Asia?\n\nTry The Example Review's jobs board."
    assert meta_of(raw).outlet == "The Example Review"


def test_outlet_from_a_subscription_line():
    assert meta_of(BODY + "\n\nSubscribe to The Example Review").outlet == "The Example Review"


def test_bare_author_line_beside_the_date():
    raw = "A headline for the piece\n\nJane Doe\n\n26 June 2025 09:00\n\n" + BODY
    meta = meta_of(raw)
    assert (meta.author, meta.published, meta.date_how) == ("Jane Doe", "2025-06-26", "stated")


def test_outlet_from_a_wire_dateline():
    raw = "SEOUL, June 22 (Reuters) - " + BODY
    meta = meta_of(raw)
    assert meta.outlet == "Reuters"
    assert meta.kind == "news"


def test_opinion_label_beside_the_headline():
    raw = "Opinion\n\nSeoul is wrong to stay away\n\nBy Jane Doe\n\n" + BODY
    assert meta_of(raw).kind == "opinion"


def test_first_person_argument_is_opinion():
    argued = BODY + "\n\nI believe this is a mistake. In my view Seoul must go, and I say so plainly."
    assert meta_of(argued).kind == "opinion"


# --- dates --------------------------------------------------------------------------


def test_date_under_the_byline_is_stated():
    meta = meta_of("A headline for the piece\n\nBy Jane Doe\n\nJune 22, 2025\n\n" + BODY)
    assert (meta.published, meta.date_how, meta.date_evidence) == ("2025-06-22", "stated", "June 22, 2025")


def test_published_label_with_update_is_stated():
    raw = "A headline for the piece\n\nPublished : 2025-06-23 17:01 Updated : 2025-06-24 09:00\n\n" + BODY
    meta = meta_of(raw)
    assert (meta.published, meta.date_how) == ("2025-06-23", "stated")


def test_date_among_widgets_is_the_page_date():
    raw = (
        "Wednesday, 29 October, 2025\n\nLondon, UK\n\nbroken clouds 10.2°C\n\nHumidity: 91%\n\n"
        "A headline for the piece\n\n" + BODY
    )
    meta = meta_of(raw)
    assert (meta.published, meta.date_how) == ("2025-10-29", "page")
    assert meta.published_latest == "2025-10-29"


def test_window_inferred_from_this_weeks_summit():
    raw = BODY + "\n\nHis decision to skip this week's NATO summit in The Hague surprised allies."
    meta = meta_of(raw)
    assert meta.date_how == "inferred"
    assert inside(meta, "2025-06-23", "2025-06-29")


def test_wire_dateline_is_stated_with_its_year_from_the_text():
    raw = ("SEOUL, July 12 (Yonhap) -- President Yoon Suk Yeol said at the NATO summit in Vilnius "
           "that the alliance and its partners must stand together. " + BODY)
    meta = meta_of(raw)
    assert (meta.published, meta.date_how, meta.outlet) == ("2023-07-12", "stated", "Yonhap")


def test_page_date_long_after_the_article_is_not_its_date():
    raw = ("Friday, 3 October, 2025\n\nbroken clouds 10.2°C\n\nA headline for the piece\n\n" + BODY
           + "\n\nHis decision to skip this week's NATO summit in The Hague surprised allies.")
    meta = meta_of(raw)
    assert meta.date_how == "inferred"
    assert inside(meta, "2025-06-23", "2025-06-29")


def test_no_dated_reference_means_no_date():
    meta = meta_of(BODY)
    assert (meta.published, meta.published_earliest, meta.date_how) == (None, None, None)


def test_hints_win_and_only_gaps_are_filled():
    raw = "A headline for the piece\n\nBy Jane Doe\n\nJune 22, 2025\n\n" + BODY
    hints = DocMeta(title="Headline from the HTML", published="2025-06-21", date_how="stated",
                    url="https://example.org/a")
    meta = meta_of(raw, hints)
    assert (meta.title, meta.published) == ("Headline from the HTML", "2025-06-21")
    assert meta.url == "https://example.org/a"
    assert meta.author == "Jane Doe"
    assert meta.published_earliest is None  # the hinted date group is not mixed with ours


# --- properties -------------------------------------------------------------------

_PIECES = st.sampled_from([
    "\n", "\n\n", " ", "By Jane Doe", "June 22, 2025", "Wednesday, 29 October, 2025", "Humidity: 91%",
    "this week's NATO summit", "last year's Vilnius summit", "the upcoming APEC summit", BODY,
    "Jane Doe is a researcher.", "Try The X's jobs board.", "(Reuters) - ", "\x00", "2024-02-30",
])
_TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(_PIECES, st.text(max_size=15)), max_size=25).map("".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_metadata_never_raises_and_is_well_formed(raw):
    meta = meta_of(raw)
    assert meta.kind in KINDS
    assert meta.date_how is None or meta.date_how in DATE_HOWS
    if meta.published_earliest and meta.published_latest:
        assert date.fromisoformat(meta.published_earliest) <= date.fromisoformat(meta.published_latest)
    if meta.published:
        date.fromisoformat(meta.published)

"""The readers behind the report and the web pages, on the shapes other stages store."""

from __future__ import annotations

import pytest

from policylens.present.base import as_list
from policylens.present.events import EventFilter, Party, parties
from policylens.report.context import safe_url


@pytest.mark.parametrize("value, expected", [
    (None, []), ("", []), ('["a", "b"]', ["a", "b"]), ('{"k": 1}', [{"k": 1}]),
    ("KOR|NATO", ["KOR", "NATO"]), ("KOR; NATO", ["KOR", "NATO"]), ("plain text", ["plain text"]),
    ("[not json", ["[not json"]), (["x"], ["x"]),
])
def test_as_list(value: object, expected: list) -> None:
    assert as_list(value) == expected


@pytest.mark.parametrize("row", [
    {"actor": '[{"name": "Seoul", "code": "KOR"}, {"name": "Tokyo", "code": "JPN"}]'},
    {"actor_names": '["Seoul", "Tokyo"]', "actor_codes": '["KOR", "JPN"]'},
    {"actor_name": "Seoul|Tokyo", "actor_code": "KOR|JPN"},
])
def test_parties_from_json_or_name_and_code_columns(row: dict) -> None:
    assert parties(row, "actor") == [Party("Seoul", "KOR"), Party("Tokyo", "JPN")]


def test_parties_from_bare_codes() -> None:
    assert parties({"target": "NATO"}, "target") == [Party("NATO", "NATO")]
    assert parties({}, "target") == []


@pytest.mark.parametrize("url, link", [
    ("https://example.org/a", "https://example.org/a"), ("http://x.test", "http://x.test"),
    ("javascript:alert(1)", None), (" JavaScript:alert(1)", None), ("data:text/html,x", None),
    ("//evil.test/x", None), ("", None), (None, None),
])
def test_only_http_urls_become_links(url: object, link: str | None) -> None:
    assert safe_url(url) == link


def test_event_filter_date_range_includes_the_end_day() -> None:
    flt = EventFilter(start="2023-07-01", end="2023-07-11")
    from policylens.present.events import Event

    def event(date: str | None) -> Event:
        return Event("e", date, None, None, "AGREE", None, "asserted", [], [], None, None, None)

    assert [flt.keeps(event(d)) for d in ("2023-06-30", "2023-07-01", "2023-07-11", "2023-07",
                                          "2023-07-12", None)] == \
        [False, True, True, True, False, False]


def test_paragraphs_break_where_the_text_does() -> None:
    from policylens.present.document import Marked, _split

    text = "One two.\n\nThree four. Five six.\nSeven."
    spans = [(0, 10), (10, 21), (22, 32), (32, 38)]  # spans may end with the line break
    sentences = [{"idx": i, "start": a, "end": b, "text": text[a:b]}
                 for i, (a, b) in enumerate(spans)]
    marks = {s["idx"]: Marked(s["idx"], s["text"]) for s in sentences}
    paras = _split(text, sentences, marks)
    assert [[m.text for m in p] for p in paras] == [["One two."], ["Three four.", "Five six."],
                                                    ["Seven."]]


def test_events_group_mentions_by_an_event_id_column_too() -> None:
    """Without an event_links table, mentions carrying event_id group the same way."""
    import sqlite3

    from policylens.present.events import load_events
    from policylens.present.refs import Corpus

    db = sqlite3.connect(":memory:")
    db.executescript("""
        CREATE TABLE documents (id, source, url, title, author, outlet, published,
            published_earliest, published_latest, date_how, date_evidence, kind);
        CREATE TABLE sentences (id, doc_id, idx, start, end, text);
        CREATE TABLE event_mentions (id, event_id, doc_id, sentence_id, actor_codes,
            target_codes, type, modality, date, confidence);
        INSERT INTO documents (id, source, kind) VALUES ('d1', 'a.txt', 'news'),
            ('d2', 'b.txt', 'news');
        INSERT INTO sentences VALUES ('d1:0', 'd1', 0, 0, 9, 'Seoul met.'),
            ('d2:0', 'd2', 0, 0, 9, 'They met.');
        INSERT INTO event_mentions VALUES
            ('m1', 'e1', 'd1', 'd1:0', 'KOR', 'NATO', 'CONSULT', 'asserted', '2022-06', 0.9),
            ('m2', 'e1', 'd2', 'd2:0', 'KOR', 'NATO', 'CONSULT', 'asserted', '2022-06', 0.8);
    """)
    (event,) = load_events(db, Corpus.load(db))
    assert event.id == "e1" and event.dyad == "KOR → NATO"
    assert [(q.doc_id, q.idx) for q in event.quotes] == [("d1", 0), ("d2", 0)]


def test_dates_of_any_precision_are_placed_on_the_timeline_axis() -> None:
    from policylens.report.charts import _plot_date

    assert [_plot_date(d) for d in ("2023", "2023-07", "2023-07-11")] == \
        ["2023-01-01", "2023-07-01", "2023-07-11"]


def test_event_filter_by_the_actor_s_side() -> None:
    from policylens.present.events import Event

    e = Event("e", "2023-07-11", "day", None, "AGREE", None, "asserted",
              [Party("Seoul", "KOR")], [Party("NATO", "NATO")], None, None, None)
    assert EventFilter(actor="KOR", side="source").keeps(e)
    assert not EventFilter(actor="KOR", side="target").keeps(e)
    assert EventFilter(actor="nato", side="target").keeps(e)  # codes and names, any case
    assert EventFilter(actor="person:x", aliases=("Seoul",)).keeps(e)

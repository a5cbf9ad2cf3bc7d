"""The corpus extends the known-events table: a meeting one article dates, dates another's."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from conftest import export_jsonl, invoke
from policylens.events.anchors import Anchor, agreed, learn, places

FIRST = """Ministers meet in Bergen

Published: 12 March 2025

Norway hosted the foreign ministers of Sweden and Finland this week. The summit in Bergen on March 10 brought the three governments together for the first time in a decade.

Officials said the talks covered energy, fisheries and the security of undersea cables.
"""

SECOND = """After Bergen

Published: 20 March 2025

Sweden criticised Norway at the Bergen summit over its plans for new oil licences.

Norwegian officials rejected the criticism and said the licences met every European rule.
"""


def test_a_named_meeting_with_a_written_date_is_learned() -> None:
    sentence = "The summit in Bergen on March 10 brought the three governments together."
    (anchor,) = learn(sentence, sentence, date(2025, 3, 12), "doc-1")
    assert (anchor.key, anchor.day, anchor.precision) == ("bergen", "2025-03-10", "day")


def test_known_summits_months_and_undated_meetings_teach_nothing() -> None:
    assert places("Leaders met at a June summit.") == []
    assert not list(learn("NATO leaders met at the Madrid summit on June 29.", "NATO", None, "d"))
    assert not list(learn("The Bergen summit was a success.", "", date(2025, 3, 12), "d"))


def test_the_date_most_sentences_give_wins() -> None:
    votes = [Anchor("bergen", "2025-03-10", "day", "b", "s"), Anchor("bergen", "2025-03-11", "day", "a", "s"),
             Anchor("bergen", "2025-03-10", "day", "c", "s")]
    assert agreed(votes)["bergen"].day == "2025-03-10"


def test_another_document_takes_the_corpus_date(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "first.txt").write_text(FIRST, encoding="utf-8")
    (corpus / "second.txt").write_text(SECOND, encoding="utf-8")
    project = tmp_path / "project"
    result = invoke("analyze", str(corpus), "--project", str(project))
    assert result.exit_code == 0, result.output
    learned = export_jsonl(project, "corpus_events")
    assert [(e["place"], e["date"]) for e in learned] == [("bergen", "2025-03-10")]
    later = [e for e in export_jsonl(project, "events") if e["source"].endswith("second.txt")
             and "Bergen summit" in e["sentence"]]
    assert later, "the event in the second article was not coded"
    assert {(e["date"], e["date_how"]) for e in later} == {("2025-03-10", f"corpus_event:{learned[0]['id']}")}

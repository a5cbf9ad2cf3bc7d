"""The spaCy pipeline as policylens loads it."""

from __future__ import annotations

from policylens.nlp.model import load_nlp
from policylens.settings import Settings


def test_a_sentence_never_runs_across_a_blank_line() -> None:
    nlp = load_nlp(Settings().spacy_model)
    doc = nlp("Seoul sent aid to Ukraine\n\nFollowing the summit, Seoul faces pressure.\nIt said so.")
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0] == "Seoul sent aid to Ukraine"
    assert sents[1].startswith("Following the summit")

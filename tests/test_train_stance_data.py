"""The training pairs of the stance model (train/data.py): rewritten motions and claim targets."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from conftest import require_shared
from policylens.eval.stance_prose import PROSE_TEST

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "train"))
import data as D  # noqa: E402


@pytest.mark.parametrize("motion, negated", [
    ("We should ban boxing", "We should not ban boxing"),
    ("Should we subsidize space exploration?", "Should we not subsidize space exploration?"),
    ("Advertising is harmful", "Advertising is not harmful"),
    ("Should South Korea deepen its ties with NATO?", None),  # no pronoun subject to negate after
    ("Boxing harms people", None),  # no modal or copula
])
def test_a_motion_is_negated_at_its_first_modal_or_copula(motion: str, negated: str | None) -> None:
    assert D.negated_motion(motion) == negated


def test_claim_targets_come_from_training_topics_with_their_sentiment() -> None:
    root = require_shared("stance")
    targets = D.ibm_claim_targets(root)
    _, held_out = D.ibm_split(root)
    held_topics = {p.group for p in held_out}
    assert targets and not any(p.group in held_topics for p in targets)
    assert all(p.task == "stance" and p.label in (0, 1) for p in targets)
    assert all(p.text_a and p.text_a.lower() in p.text_b.lower() for p in targets[:50])
    assert {p.label for p in targets} == {0, 1}  # both sentiments occur


def test_synthetic_pairs_take_the_side_of_course_times_judgement() -> None:
    import random

    from synthetic_stance import DEBATES, FAVOURABLE, UNFAVOURABLE, synthetic_stance_pairs

    pairs = synthetic_stance_pairs(random.Random(5))
    germany = DEBATES[0]
    by_text = {p.text_b: p.label for p in pairs if p.group == "synthetic:" + germany.question}
    assert by_text["Berlin has little to lose from sending the missiles to Kyiv."] == 0
    assert by_text["Berlin has little to lose from holding the missiles back."] == 1
    assert by_text["Berlin has much to lose from holding the missiles back."] == 0
    assert {p.label for p in pairs} == {0, 1, 2}
    holding_back = [p.text_b for p in pairs for d in DEBATES for s in d.holding_back if s in p.text_b]
    assert holding_back and not any(d.gain in t or d.cost in t for t in holding_back for d in DEBATES)
    judgements = FAVOURABLE + UNFAVOURABLE
    plain = [t for t in judgements if "{gain}" not in t and "{cost}" not in t]
    per_subject_doing, per_subject_holding = len(judgements) + 3, len(plain) + 3  # + 3 reports
    assert len(pairs) == len(DEBATES) * 2 * (per_subject_doing + per_subject_holding)
    assert not any("Korea" in p.text_a + p.text_b or "NATO" in p.text_a + p.text_b for p in pairs)


TRAIN_DATA = Path(__file__).resolve().parents[1] / "train" / "data"
PROSE_FILES = sorted(TRAIN_DATA.glob("policy_prose_*.jsonl"))
ARTICLE_FILES = sorted(TRAIN_DATA.glob("policy_articles_*.jsonl"))
ARTICLE_KEYS = {"debate", "question", "article", "form", "paragraph", "sentence", "text", "stance"}


def test_written_prose_keeps_its_labels_and_debates() -> None:
    pairs = D.written_prose(PROSE_FILES)
    assert PROSE_FILES and len(pairs) >= 200 * len(PROSE_FILES)
    assert all(p.task == "stance" and p.group.startswith("prose:") for p in pairs)
    for debate in {p.group for p in pairs}:  # every debate argues both sides and reports
        assert {p.label for p in pairs if p.group == debate} == {0, 1, 2}, debate


def test_written_prose_test_debates_are_not_trained_on_nor_about_the_evaluated_debate() -> None:
    train = D.written_prose(PROSE_FILES + ARTICLE_FILES)
    test = D.written_prose([PROSE_TEST])
    assert len(test) >= 300
    assert not {p.text_a for p in train} & {p.text_a for p in test}
    assert not {p.text_b for p in train} & {p.text_b for p in test}
    texts = [p.text_a + " " + p.text_b for p in train + test]
    assert not any(re.search(r"(?<!North )Korea", t) or "NATO summit" in t for t in texts)  # North Korea may be named


def test_written_prose_asks_nothing_the_development_sets_ask() -> None:
    questions = {p.text_a for p in D.written_prose(PROSE_FILES + ARTICLE_FILES + [PROSE_TEST])}
    assert not [q for q in questions if "OPEC" in q]
    assert not [q for q in questions if "Ukraine" in q and any(
        w in q for w in ("member", "admit", "accession", "join"))]


def test_articles_are_whole_in_reading_order_and_argue_both_sides() -> None:
    from policylens.eval.stance_prose import read_prose

    rows = [row for path in ARTICLE_FILES for row in read_prose(path)]
    assert ARTICLE_FILES and all(set(row) == ARTICLE_KEYS for row in rows)
    articles = {row["article"] for row in rows}
    assert len(articles) >= 8 * len(ARTICLE_FILES)
    for article in articles:
        mine = [row for row in rows if row["article"] == article]
        assert [row["sentence"] for row in mine] == list(range(len(mine))), article
        steps = {b["paragraph"] - a["paragraph"] for a, b in zip(mine, mine[1:])}
        assert mine[0]["paragraph"] == 0 and steps <= {0, 1}, article
    for debate in {row["debate"] for row in rows}:
        assert {row["stance"] for row in rows if row["debate"] == debate} == {"pro", "con", "neutral"}
    assert not {row["debate"] for row in rows} & {p.group[len("prose:"):] for p in D.written_prose(PROSE_FILES)}


def test_an_article_sentence_is_read_with_the_sentence_before_it_in_its_paragraph(tmp_path) -> None:
    import json

    rows = [(0, "Costs rose."), (0, "That is the problem."), (1, "Allies disagree.")]
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps({"debate": "d", "question": "Should we?", "article": "d-for", "form": "for",
                                        "paragraph": par, "sentence": i, "text": text, "stance": "con"}) + "\n"
                            for i, (par, text) in enumerate(rows)))
    alone, read_after = D.written_prose([path]), D.written_prose([path], context=True)
    assert [p.text_b for p in alone] == [text for _, text in rows]
    assert [p.text_b for p in read_after] == [
        "Costs rose.", "That is the problem. (Before it: Costs rose.)", "Allies disagree."]
    assert [p.text_b for p in D.written_prose(PROSE_FILES[:1], context=True)] == [
        p.text_b for p in D.written_prose(PROSE_FILES[:1])]  # stand-alone prose has no context

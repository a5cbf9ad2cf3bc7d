"""The training sentences written from a CAMEO verb-pattern dictionary (train/cameo_synthetic.py)."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "train"))
import cameo_synthetic as CS  # noqa: E402

DICTIONARY = """\
# a small dictionary in the PETRARCH verb-pattern format
####### SYNONYM SETS #######
&TREATY
+PACT
+ACCORD

####### VERB PATTERNS #######
--- MEET [040] ---
MEET
CONFER [043]
- * WITH + ON &TREATY [046]  # MEET <note>
- $ AND + * [---]  # MEET
- SAID + MUST * SOON [040]  # MEET

--- ATTACK [190] ---
SHELL
- * + POSITIONS [195]  # SHELL
- * ( WITH + ) [190]  # SHELL
"""

MAPPING = """\
04: CONSULT
040: CONSULT, , # Consult
043: CONSULT, visit, # Make a visit
046: CONSULT, mediate, # Negotiate
19: ASSAULT
190: ASSAULT, , # Use conventional military force
"""


@pytest.fixture()
def shared(tmp_path: Path) -> Path:
    (tmp_path / CS.DICTIONARY).parent.mkdir(parents=True)
    (tmp_path / CS.DICTIONARY).write_text(DICTIONARY, encoding="utf-8")
    (tmp_path / CS.MAPPING).parent.mkdir(parents=True)
    (tmp_path / CS.MAPPING).write_text(MAPPING, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("verb", "expected"), [
    ("MEET", "met"), ("OPEN", "opened"), ("STOP", "stopped"), ("DENY", "denied"),
    ("RAISE", "raised"), ("CALL_ON", "called on"), ("PLAY", "played")])
def test_past_tense(verb: str, expected: str) -> None:
    assert CS.past(verb, {}) == expected


def test_irregular_forms_from_the_dictionary_win() -> None:
    assert CS.past("SAY", {"SAY": "sayed"}) == "sayed"


def test_a_code_falls_back_to_its_parent(shared: Path) -> None:
    mapping = CS.read_mapping(shared / CS.MAPPING)
    assert CS.plover_type("0461", mapping) == "CONSULT"
    assert CS.plover_type("195:190", mapping) == "ASSAULT"
    assert CS.plover_type("120", mapping) is None


def test_dictionary_patterns_and_verb_defaults(shared: Path) -> None:
    sets, patterns, _ = CS.read_dictionary(shared / CS.DICTIONARY)
    assert sets["&TREATY"] == ["PACT", "ACCORD"]
    by_words = {p.words: p for p in patterns}
    assert by_words[("*", "WITH", "+", "ON", "&TREATY")].code == "046"
    assert by_words[("$", "AND", "+", "*")].code == "---"  # the dictionary's "no event"
    defaults = {(p.verb, p.code) for p in patterns if p.words == ("$", "*", "+")}
    assert defaults == {("MEET", "040"), ("CONFER", "043"), ("SHELL", "190")}


def test_sentences_name_source_and_target(shared: Path) -> None:
    sets, patterns, pasts = CS.read_dictionary(shared / CS.DICTIONARY)
    pattern = next(p for p in patterns if p.words[-1] == "&TREATY")
    text, source, target = CS.write_sentence(pattern, sets, pasts, ["Chile", "Peru"], random.Random(1))
    assert source and target and {source, target} == {"Chile", "Peru"}
    assert text.startswith(f"{source} met with {target} on ")
    assert text.endswith((" pact.", " accord."))


def test_a_modal_keeps_the_verb_plain(shared: Path) -> None:
    sets, patterns, pasts = CS.read_dictionary(shared / CS.DICTIONARY)
    pattern = next(p for p in patterns if "MUST" in p.words)
    text, source, target = CS.write_sentence(pattern, sets, pasts, ["Chile", "Peru"], random.Random(1))
    assert text == f"{source} said {target} must meet soon."


def test_no_event_rows_only_when_asked(shared: Path) -> None:
    plain = {label for _, _, label in CS.cameo_rows(shared)}
    with_none = [text for text, _, label in CS.cameo_rows(shared, none=True) if label == "NONE"]
    assert "NONE" not in plain
    assert len(with_none) == 1 and " and " in with_none[0]  # "$ AND + * [---]"


def test_rows_are_labelled_and_capped(shared: Path) -> None:
    rows = CS.cameo_rows(shared, per_type=2)
    labels = [label for _, _, label in rows]
    assert set(labels) == {"CONSULT", "ASSAULT"}
    assert all(labels.count(label) <= 2 for label in labels)
    assert not any("(" in text for text, _, _ in rows)  # grouped patterns are skipped

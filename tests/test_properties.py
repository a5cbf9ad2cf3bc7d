"""Property-based tests: readers never let an exception escape, offsets stay inside the text,
cleaning keeps what the gold keeps, dates parse back to what was written."""

from __future__ import annotations

import json
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import REPO
from policylens.errors import InputError
from policylens.ingest.build import build_document
from policylens.ingest.clean import clean_plain_text
from policylens.ingest.decode import decode_bytes
from policylens.ingest.identity import normalize_text
from policylens.ingest.read_files import jsonl_record
from policylens.ingest.readers import read_inputs
from policylens.model import RawInput
from policylens.settings import Settings

SETTINGS = Settings(fetch_delay_s=0.0, min_words=1)
STATUSES = {"ok", "skipped", "error"}
GOLD = json.loads((REPO / "tests" / "fixtures" / "sample_gold.json").read_text(encoding="utf-8"))
SAMPLE = REPO / "src" / "policylens" / "data" / "sample"
WORDS = ["Seoul", "NATO", "summit", "said", "the", "president", "on", "Tuesday", "talks",
         "Mr.", "U.S.", "Dr.", "allies", "agreed", "défense", "서울", "—", "“quoted”", "e.g.",
         "3.5%", "2024", "Brussels", "minister", "war", "and", "in", "(", ")", "...", ";"]

TAGS = ["div", "p", "span", "article", "script", "style", "table", "td", "tr", "a", "b",
        "h1", "noscript", "iframe", "svg", "template", "title", "head", "body", "br", "li"]


def _tag(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    def wrap(tag: str, inner: list[str], closed: bool, attr: str) -> str:
        return f"<{tag}{attr}>{''.join(inner)}" + (f"</{tag}>" if closed else "")
    attrs = st.sampled_from(["", " class='x'", " onclick=\"alert(1)\"", " href='javascript:x'",
                             " style='display:none'", " id=\"a\"b", " =broken"])
    return st.builds(wrap, st.sampled_from(TAGS), st.lists(children, max_size=4),
                     st.booleans(), attrs)


HTML = st.recursive(
    st.one_of(st.text(max_size=40), st.lists(st.sampled_from(WORDS), max_size=30).map(" ".join),
              st.sampled_from(["&amp;", "&#0;", "&#x110000;", "<!--", "-->", "<![CDATA[", "<",
                               ">", "</", "<!doctype html>", "\x00", "\ufeff"])),
    _tag, max_leaves=40,
).map(lambda body: f"<html><body>{body}</body></html>")


@given(st.binary(max_size=3000))
def test_decode_gives_text_or_an_input_error(data: bytes) -> None:
    try:
        text = decode_bytes(data, max_bytes=2000)
    except InputError as exc:
        assert exc.message
        return
    assert isinstance(text, str) and "\r" not in text


@given(st.text(max_size=300), st.integers(min_value=1, max_value=10**6))
def test_jsonl_line_never_raises(line: str, number: int) -> None:
    item = jsonl_record(Path("feed.jsonl"), number, line)
    assert isinstance(item, RawInput)
    assert item.error is None or item.error.startswith(f"line {number} ")


@settings(max_examples=150)
@given(HTML)
def test_build_never_raises_on_hostile_html(html: str) -> None:
    outcome = build_document(RawInput(source="x.html", key="k", content=html, format="html"),
                             SETTINGS)
    assert outcome.status in STATUSES
    assert (outcome.document is not None) == (outcome.status == "ok")
    if outcome.status != "ok":
        assert outcome.reason


@given(st.text(max_size=2000), st.sampled_from(["html", "text"]))
def test_build_never_raises_on_any_text(text: str, fmt: str) -> None:
    outcome = build_document(RawInput(source="x", key="k", content=text, format=fmt), SETTINGS)
    assert outcome.status in STATUSES


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000), st.sampled_from([".txt", ".md", ".html", ".jsonl", ".urls",
                                                  ".htm", ".ndjson", ".docx", ""]))
def test_no_exception_escapes_a_reader(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(data)
        # POLICYLENS_RAISE=1 (conftest): a guarded unexpected error would raise here.
        items = list(read_inputs([str(path)], Settings(fetch_delay_s=0.0)))
    assert items or suffix in (".jsonl", ".ndjson", ".urls")  # blank line lists hold no inputs
    assert all(isinstance(i, RawInput) and (i.error or isinstance(i.content, str)) for i in items)


SENTENCE = st.lists(st.sampled_from(WORDS), min_size=1, max_size=25).map(
    lambda ws: " ".join(ws) + ".")
DOC_TEXT = st.lists(st.one_of(SENTENCE, st.text(max_size=30)), min_size=1, max_size=12).map(
    lambda parts: " ".join(parts)).filter(lambda t: t.strip() != "")


@settings(max_examples=40)
@given(DOC_TEXT)
def test_sentence_and_mention_offsets_stay_inside_the_text(text: str) -> None:
    from policylens.nlp.spacy_stage import SpacyStage
    from policylens.stages import StageContext

    rows = SpacyStage().process([{"id": "d", "text": text}], StageContext(db=None, settings=Settings()))  # type: ignore[arg-type]
    sentences = {s["id"]: s for s in rows["sentences"]}
    for s in sentences.values():
        assert 0 <= s["start"] <= s["end"] <= len(text)
        assert text[s["start"]:s["end"]] == s["text"]
    for m in rows["mentions"]:
        sent = sentences[m["sentence_id"]]
        assert sent["start"] <= m["start"] < m["end"] <= sent["end"]
        assert text[m["start"]:m["end"]] == m["text"]


TEXT_FILES = sorted(p for p in SAMPLE.iterdir() if p.suffix in (".txt", ".md"))
FURNITURE = sorted({b for d in GOLD["documents"] for b in d["boilerplate"] if "\n" not in b})


def _kept(path: Path) -> list[str]:
    (doc,) = [d for d in GOLD["documents"] if d["file"] == path.name]
    return doc["keep"]


@pytest.mark.parametrize("path", TEXT_FILES, ids=lambda p: p.name)
@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_cleaning_never_drops_a_sentence_the_gold_keeps(path: Path, data: st.DataObject) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    top = data.draw(st.lists(st.sampled_from(FURNITURE), max_size=4), label="furniture above")
    bottom = data.draw(st.lists(st.sampled_from(FURNITURE), max_size=4), label="furniture below")
    pad = data.draw(st.sampled_from(["", " ", "\t", "  "]), label="trailing space")
    blank = data.draw(st.sampled_from(["", "\n"]), label="extra blank lines")
    body = [line + pad if line.strip() else line + blank for line in lines]
    page = "\n".join(top + [""] + body + [""] + bottom)
    cleaned = normalize_text(clean_plain_text(page).text)
    for sentence in _kept(path):
        assert normalize_text(sentence) in cleaned


@pytest.mark.parametrize("path", TEXT_FILES, ids=lambda p: p.name)
def test_cleaning_keeps_the_gold_sentences_of_the_page_as_written(path: Path) -> None:
    cleaned = normalize_text(clean_plain_text(path.read_text(encoding="utf-8")).text)
    assert all(normalize_text(s) in cleaned for s in _kept(path))

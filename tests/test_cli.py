"""The real CLI end to end: exit codes, messages, idempotent re-runs, exports."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pyarrow.parquet as pq

from conftest import SAMPLE_QUESTION, export_jsonl, invoke

DOCUMENT_FIELDS = {"id", "source", "title", "author", "outlet", "published",
                   "published_earliest", "published_latest", "date_how", "kind", "text"}
ARTICLE = ("South Korea and NATO agreed on Wednesday to expand cooperation on cyber defence, "
           "arms production and intelligence sharing, officials in Seoul and Brussels said. "
           "The deal follows two years of closer ties since the Madrid summit.")


def table_counts(project: Path) -> dict[str, int]:
    db = sqlite3.connect(project / "policylens.db")
    names = [r[0] for r in db.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sentences_fts%'")]
    counts = {n: db.execute(f"SELECT count(*) FROM {n}").fetchone()[0] for n in names}
    db.close()
    counts.pop("runs")
    return counts


def test_analyze_sample_makes_a_document_of_every_input(sample_project: Path,
                                                        sample_dir: Path) -> None:
    articles = sorted(p.name for p in sample_dir.iterdir() if p.suffix in (".html", ".txt", ".md"))
    sources = export_jsonl(sample_project, "sources")
    assert sorted(s["source"] for s in sources) == articles
    assert {s["status"] for s in sources} == {"ok"}
    docs = export_jsonl(sample_project, "documents")
    assert len(docs) == len(articles)
    for doc in docs:
        assert DOCUMENT_FIELDS <= set(doc)
        assert doc["kind"] in {"news", "opinion", "analysis", "unknown"}
        assert doc["date_how"] in {"stated", "page", "inferred", None}
    assert (sample_project / "report.html").exists()


def test_rerun_changes_nothing(sample_project: Path, sample_dir: Path) -> None:
    before = table_counts(sample_project)
    result = invoke("analyze", str(sample_dir), "--project", str(sample_project))
    assert result.exit_code == 0
    assert "Inputs: 10 unchanged" in result.output
    assert table_counts(sample_project) == before


def test_every_row_records_its_stage_and_version(sample_project: Path) -> None:
    db = sqlite3.connect(sample_project / "policylens.db")
    for table in ("documents", "sources", "sentences", "mentions", "parses"):
        missing = db.execute(f"SELECT count(*) FROM {table} WHERE stage IS NULL OR "
                             "stage_version IS NULL OR stage = '' ").fetchone()[0]
        total = db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        assert total > 0 and missing == 0, table


def test_sentence_offsets_point_into_the_clean_text(sample_project: Path) -> None:
    db = sqlite3.connect(sample_project / "policylens.db")
    rows = db.execute("SELECT d.text, s.start, s.end, s.text FROM sentences s "
                      "JOIN documents d ON d.id = s.doc_id").fetchall()
    assert rows and all(text[a:b] == sent for text, a, b, sent in rows)


def test_search_prints_sentence_and_document_ids(sample_project: Path) -> None:
    result = invoke("search", "Madrid", "--project", str(sample_project), "--json")
    hits = [json.loads(line) for line in result.output.splitlines()]
    assert hits and all("madrid" in h["text"].lower() for h in hits)
    assert all(h["text"] == h["text"].strip() for h in hits)
    assert all(h["sentence_id"].startswith(h["doc_id"] + ":") for h in hits)


def test_bad_search_syntax_is_a_usage_error(sample_project: Path) -> None:
    result = invoke("search", 'NATO"', "--project", str(sample_project))
    assert result.exit_code == 2
    assert "Error: Cannot search for 'NATO\"'" in result.output


def test_failed_inputs_give_exit_code_1_and_are_recorded(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (inputs / "empty.txt").write_text("   \n\n", encoding="utf-8")
    (inputs / "scan.txt").write_bytes(b"%PDF-1.4 binary")
    project = tmp_path / "p"
    result = invoke("analyze", str(inputs), "--project", str(project))
    assert result.exit_code == 1
    assert "Inputs: 1 ok, 2 error" in result.output
    sources = {s["source"]: s for s in export_jsonl(project, "sources")}
    assert sources["empty.txt"]["reason"] == "the input is empty: nothing to analyse"
    assert sources["scan.txt"]["reason"].startswith("this is a PDF file, not text")
    assert sources["good.txt"]["status"] == "ok" and sources["good.txt"]["doc_id"]
    status = invoke("status", "--project", str(project))
    assert "error: empty.txt: the input is empty" in status.output


def test_duplicates_are_stored_once_with_every_source(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (inputs / "copy of a.txt").write_text(ARTICLE + "\n", encoding="utf-8")
    project = tmp_path / "p"
    assert invoke("analyze", str(inputs), "--project", str(project)).exit_code == 0
    sources = {s["source"]: s for s in export_jsonl(project, "sources")}
    assert sources["a.txt"]["status"] == "ok"
    assert sources["copy of a.txt"]["status"] == "duplicate"
    assert sources["copy of a.txt"]["doc_id"] == sources["a.txt"]["doc_id"]
    assert len(export_jsonl(project, "documents")) == 1


def test_non_english_text_is_skipped_with_a_reason(tmp_path: Path) -> None:
    german = ("Südkorea und die NATO haben am Mittwoch vereinbart, ihre Zusammenarbeit bei "
              "der Cyberabwehr und der Rüstungsproduktion auszubauen, sagten Beamte in Seoul "
              "und Brüssel. Die Vereinbarung folgt auf zwei Jahre engerer Beziehungen.")
    (tmp_path / "de.txt").write_text(german, encoding="utf-8")
    project = tmp_path / "p"
    result = invoke("analyze", str(tmp_path / "de.txt"), "--project", str(project))
    assert result.exit_code == 0
    (source,) = export_jsonl(project, "sources")
    assert source["status"] == "skipped"
    assert source["reason"].startswith("language is 'de', not English")


def test_usage_errors_exit_2(sample_project: Path) -> None:
    assert invoke("analyze").exit_code == 2
    result = invoke("export", "nope", "--project", str(sample_project))
    assert result.exit_code == 2 and "Choose one of:" in result.output
    assert invoke("export", "documents", "--project", str(sample_project),
                  "--format", "xml").exit_code == 2
    result = invoke("export", "documents", "--project", str(sample_project), "--format", "parquet")
    assert result.exit_code == 2 and "-o FILE.parquet" in result.output


def test_export_csv_and_parquet_files(sample_project: Path, tmp_path: Path) -> None:
    invoke("export", "documents", "--project", str(sample_project), "--format", "parquet",
           "-o", str(tmp_path / "d.parquet"))
    table = pq.read_table(tmp_path / "d.parquet")
    assert table.num_rows == 10 and DOCUMENT_FIELDS <= set(table.column_names)
    invoke("export", "sentences", "--project", str(sample_project), "--format", "csv",
           "-o", str(tmp_path / "s.csv"))
    assert (tmp_path / "s.csv").read_text(encoding="utf-8").startswith("id,doc_id,idx,start,end,text")


def test_demo_analyses_the_bundled_corpus(tmp_path: Path) -> None:
    result = invoke("demo", "--project", str(tmp_path / "demo"))
    assert result.exit_code == 0, result.output
    assert f"Database: {tmp_path / 'demo' / 'policylens.db'}" in result.output
    assert f"Report: {tmp_path / 'demo' / 'report.html'}" in result.output
    stances = export_jsonl(tmp_path / "demo", "stances")
    assert len(stances) == 10 and {s["question"] for s in stances} == {SAMPLE_QUESTION}

"""Bad input: every input ends as one row of `export sources`, with a reason a user can act on."""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path
from typing import Iterator

import httpx
import pytest

from conftest import export_jsonl, invoke
from policylens.hookspecs import hookimpl
from policylens.ingest.read_urls import UrlListReader
from policylens.model import RawInput
from policylens.plugins import load_plugins
from policylens.settings import Settings

ARTICLE = ("South Korea and NATO agreed on Wednesday to expand cooperation on cyber defence, "
           "arms production and intelligence sharing, officials in Seoul and Brussels said. "
           "The deal follows two years of closer ties since the Madrid summit.")
ACCENTED = ARTICLE + " Café talks with the naïve envoy went on — “for hours”."
GERMAN = ("Südkorea und die NATO haben am Mittwoch vereinbart, ihre Zusammenarbeit bei der "
          "Cyberabwehr und der Rüstungsproduktion auszubauen, sagten Beamte in Seoul und "
          "Brüssel. Die Vereinbarung folgt auf zwei Jahre engerer Beziehungen.")
KOREAN = ("한국과 나토는 수요일 사이버 방위와 무기 생산, 정보 공유 분야의 협력을 확대하기로 합의했다고 "
          "서울과 브뤼셀의 관리들이 밝혔다. 이번 합의는 마드리드 정상회의 이후 2년간 가까워진 관계에 "
          "따른 것이다. 양측은 내년에도 회의를 이어가기로 했다. 전문가들은 이 합의가 중요하다고 말했다.")
STATUSES = {"ok", "duplicate", "skipped", "error"}


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("article.txt", ARTICLE)
    return buffer.getvalue()


def _page(body: str) -> str:
    return f"<html><head><title>T</title></head><body>{body}</body></html>"


# file name -> (bytes, expected status, text expected in the reason or None)
CASES: dict[str, tuple[bytes, str, str | None]] = {
    "empty.txt": (b"", "error", "the input is empty"),
    "blank.txt": (b"  \n\t \r\n  ", "error", "the input is empty"),
    "scan.txt": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "error", "this is a PDF file, not text"),
    "photo.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "error", "this is a PNG image"),
    "bundle.txt": (_zip_bytes(), "error", "this is a zip archive"),
    "noise.txt": (bytes(range(256)) * 40, "error", "looks like binary data"),
    "latin1.txt": (ACCENTED.replace("—", "-").replace("“", '"').replace("”", '"')
                   .replace("Seoul", "Suwon").encode("latin-1"), "ok", None),
    "windows.txt": (ACCENTED.replace("Seoul", "Jeju").encode("cp1252"), "ok", None),
    "utf16.txt": (ACCENTED.replace("Seoul", "Sejong").encode("utf-16"), "ok", None),
    "mostly-utf8.txt": (ACCENTED.replace("Seoul", "Pohang").encode("utf-8")
                        + b" \xff broken byte.", "ok", None),
    "scripts.html": (_page("<script>var a = 1;</script>" * 50 + "<style>p{}</style>")
                     .encode(), "error", "no article text found in the HTML page"),
    "deep.html": (_page("<div>" * 100_000 + f"<p>{ARTICLE} Deep.</p>" + "</div>" * 100_000)
                  .encode(), "ok", None),
    "deep-mixed.html": (_page("<div><span class='x'>" * 5_000 + f"<p>{ARTICLE} Mixed.</p>"
                              + "</span></div>" * 5_000).encode(), "ok", None),
    "unclosed.html": (_page("<b>" * 50_000 + f"{ARTICLE} Unclosed.").encode(), "ok", None),
    "broken.html": (f"<html><body><p>{ARTICLE} {ARTICLE}<div><span></p></div></td>".encode(),
                    "ok", None),
    "german.txt": (GERMAN.encode(), "skipped", "language is 'de', not English"),
    "korean.txt": (KOREAN.encode(), "skipped", "not English"),
    "original.txt": (ARTICLE.encode(), "ok", None),
    "renamed copy.md": ((ARTICLE + "\n\n").encode(), "duplicate", "same text as"),
    "with space.txt": (ACCENTED.replace("Seoul", "Busan").encode(), "ok", None),
    "ünïcödé 서울.txt": (ACCENTED.replace("Seoul", "Incheon").encode(), "ok", None),
    "new\nline.txt": (ACCENTED.replace("Seoul", "Daegu").encode(), "ok", None),
    "slides.pptx": (b"PK\x03\x04", "error", "no reader for '.pptx' files"),
}


@pytest.fixture(scope="module")
def bad_project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, dict]]:
    """One project fed every bad case at once through the real CLI (`add`, no NLP)."""
    inputs = tmp_path_factory.mktemp("bad") / "inputs"
    (inputs / "nested").mkdir(parents=True)
    for name, (data, _, _) in CASES.items():
        (inputs / name).write_bytes(data)
    os.symlink(inputs, inputs / "nested" / "loop")  # a folder loop: walked once
    os.symlink("self.txt", inputs / "self.txt")  # a file link to itself
    (inputs / "feed.jsonl").write_text(
        json.dumps({"text": ACCENTED.replace("Seoul", "Ulsan"), "title": "Good"}) + "\n"
        "{not json\n\n"
        '{"title": "no text field"}\n'
        '["a", "list"]\n'
        + json.dumps({"text": ACCENTED.replace("Seoul", "Gwangju")}) + "\n", encoding="utf-8")
    project = inputs.parent / "project"
    result = invoke("add", str(inputs), "--project", str(project))
    assert result.exit_code == 1, result.output
    rows = export_jsonl(project, "sources")
    return project, {row["source"]: row for row in rows}


def test_every_input_is_one_row_of_export_sources(bad_project) -> None:  # type: ignore[no-untyped-def]
    project, rows = bad_project
    given = len(CASES) + 1 + 5  # files, the looping link, five JSON-lines records
    assert len(rows) == given
    assert all(set(row) >= {"source", "status", "reason", "doc_id"} for row in rows.values())
    assert {row["status"] for row in rows.values()} <= STATUSES
    assert all((row["doc_id"] is not None) == (row["status"] in ("ok", "duplicate"))
               for row in rows.values())
    status = json.loads(invoke("status", "--project", str(project), "--json").output)
    assert sum(status["sources"].values()) == given


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_file_gets_its_status_and_reason(bad_project, name: str) -> None:  # type: ignore[no-untyped-def]
    _, rows = bad_project
    _, status, reason = CASES[name]
    assert rows[name]["status"] == status, rows[name]
    if reason is not None:
        assert reason in rows[name]["reason"]


def test_encodings_keep_their_accents(bad_project) -> None:  # type: ignore[no-untyped-def]
    project, rows = bad_project
    texts = {d["source"]: d["text"] for d in export_jsonl(project, "documents")}
    for name in ("latin1.txt", "windows.txt", "utf16.txt", "mostly-utf8.txt"):
        assert "Café talks with the naïve envoy" in texts[name], name
    assert "“for hours”" in texts["windows.txt"]
    assert texts["mostly-utf8.txt"].count("\ufffd") == 1  # the one bad byte, nothing else


def test_duplicate_points_at_the_stored_document(bad_project) -> None:  # type: ignore[no-untyped-def]
    _, rows = bad_project
    dup = rows["renamed copy.md"]
    assert dup["doc_id"] == rows["original.txt"]["doc_id"]
    assert dup["reason"] == f"same text as document {dup['doc_id']}"


def test_jsonl_bad_lines_are_reported_by_line_number(bad_project) -> None:  # type: ignore[no-untyped-def]
    _, rows = bad_project
    assert rows["feed.jsonl:1"]["status"] == "ok"
    assert rows["feed.jsonl:2"]["reason"].startswith("line 2 is not valid JSON")
    assert rows["feed.jsonl:4"]["reason"].startswith('line 4 has no "text" string')
    assert rows["feed.jsonl:5"]["reason"].startswith('line 5 has no "text" string')
    assert rows["feed.jsonl:6"]["status"] == "ok"
    assert "feed.jsonl:3" not in rows  # a blank line is not an input


def test_symlink_to_itself_is_an_error_not_a_crash(bad_project) -> None:  # type: ignore[no-untyped-def]
    _, rows = bad_project
    assert rows["self.txt"]["status"] == "error"
    assert "symbolic link to a missing file or to itself" in rows["self.txt"]["reason"]


def test_size_limit_is_configurable_and_says_how(tmp_path: Path) -> None:
    project = tmp_path / "p"
    project.mkdir()
    (project / "policylens.toml").write_text("max_input_bytes = 2000\n", encoding="utf-8")
    (tmp_path / "big.txt").write_text(ARTICLE * 20, encoding="utf-8")
    result = invoke("add", str(tmp_path / "big.txt"), "--project", str(project))
    assert result.exit_code == 1
    (row,) = export_jsonl(project, "sources")
    assert row["reason"] == (
        f"file is {len(ARTICLE) * 20:,} bytes, over the limit of 2,000: split it, or raise "
        "max_input_bytes in policylens.toml (or POLICYLENS_MAX_INPUT_BYTES)")


def test_gigantic_line_is_cut_with_a_recorded_note(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICYLENS_MAX_LINE_CHARS", "1000")
    (tmp_path / "minified.txt").write_text(ARTICLE * 2000 + "\n" + ARTICLE, encoding="utf-8")
    project = tmp_path / "p"
    assert invoke("add", str(tmp_path / "minified.txt"), "--project", str(project)).exit_code == 0
    (row,) = export_jsonl(project, "sources")
    assert row["status"] == "ok"
    assert row["reason"].startswith("1 line(s) longer than 1,000 characters were cut")
    (doc,) = export_jsonl(project, "documents")
    assert max(len(line) for line in doc["text"].split("\n")) <= 1000


def _url_client() -> httpx.Client:
    def handler(request: httpx.Request) -> httpx.Response:
        url = str(request.url)
        if url.endswith("/article"):
            return httpx.Response(200, html=_page(f"<article><p>{ARTICLE}</p></article>"))
        if url.endswith("/report.pdf"):
            return httpx.Response(200, content=b"%PDF-1.4",
                                  headers={"content-type": "application/pdf"})
        if url.endswith("/slow"):
            raise httpx.ReadTimeout("timed out", request=request)
        if "unreachable" in url:
            raise httpx.ConnectError("Name or service not known", request=request)
        return httpx.Response(404)
    return httpx.Client(transport=httpx.MockTransport(handler))


@pytest.fixture
def mock_url_reader() -> Iterator[None]:
    """The URL-list reader with the network replaced at the transport, via the registry."""
    class Plugin:
        @hookimpl(tryfirst=True)
        def register_readers(self, register):  # type: ignore[no-untyped-def]
            register(UrlListReader(client=_url_client()))

    plugin = Plugin()
    load_plugins().register(plugin, name="test-mock-urls")
    yield
    load_plugins().unregister(plugin)


def test_url_list_with_unreachable_and_non_html_urls(tmp_path: Path, mock_url_reader: None,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICYLENS_FETCH_DELAY_S", "0")
    urls = ["https://news.example/article", "https://news.example/report.pdf",
            "https://unreachable.example/x", "https://news.example/slow",
            "https://news.example/missing", "ftp://news.example/file", "http://10.0.0.7/admin"]
    (tmp_path / "list.urls").write_text("# saved links\n" + "\n".join(urls) + "\n")
    monkeypatch.setattr("policylens.ingest.read_urls._addresses", _fake_dns)
    project = tmp_path / "p"
    result = invoke("add", str(tmp_path / "list.urls"), "--project", str(project))
    assert result.exit_code == 1
    rows = {r["source"]: r for r in export_jsonl(project, "sources")}
    assert sorted(rows) == sorted(urls)
    assert rows[urls[0]]["status"] == "ok"
    assert "is application/pdf, not an HTML or text page" in rows[urls[1]]["reason"]
    assert "could not fetch https://unreachable.example/x: ConnectError" in rows[urls[2]]["reason"]
    assert "ReadTimeout" in rows[urls[3]]["reason"]
    assert "answered HTTP 404" in rows[urls[4]]["reason"]
    assert "only http and https URLs are fetched" in rows[urls[5]]["reason"]
    assert "private or local address (10.0.0.7)" in rows[urls[6]]["reason"]


def _fake_dns(host: str) -> list:  # type: ignore[type-arg]
    """DNS is the network edge: public names resolve to a documentation address."""
    import ipaddress

    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        return [ipaddress.ip_address("93.184.215.14")]


class ExplodingReader:
    """A buggy third-party reader: fails on one file, hands over bytes for another."""

    name = "exploding"

    def accepts(self, path: Path) -> bool:
        return path.suffix == ".boom"

    def read(self, path: Path, settings: Settings) -> Iterator[RawInput]:
        if path.stem == "raises":
            raise RuntimeError("reader bug")
        yield RawInput(source=path.name, key=str(path), content=b"bytes, not text")  # type: ignore[arg-type]


@pytest.fixture
def exploding_reader() -> Iterator[None]:
    class Plugin:
        @hookimpl(tryfirst=True)
        def register_readers(self, register):  # type: ignore[no-untyped-def]
            register(ExplodingReader())

    plugin = Plugin()
    load_plugins().register(plugin, name="test-exploding")
    yield
    load_plugins().unregister(plugin)


def test_batch_boundary_guard_records_unexpected_failures(
        tmp_path: Path, exploding_reader: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("POLICYLENS_RAISE")  # this test checks what users get
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("raises.boom", "bytes.boom"):
        (inputs / name).write_text("x")
    (inputs / "good.txt").write_text(ARTICLE, encoding="utf-8")
    project = tmp_path / "p"
    result = invoke("add", str(inputs), "--project", str(project), "--batch-size", "1")
    assert result.exit_code == 1
    assert "Inputs: 1 ok, 2 error" in result.output
    assert "2 of the errors were unexpected failures" in result.output
    rows = {r["source"]: r for r in export_jsonl(project, "sources")}
    assert rows["raises.boom"]["reason"].startswith(
        "unexpected failure (RuntimeError: reader bug): this input was skipped")
    assert rows["bytes.boom"]["reason"].startswith("unexpected failure (AttributeError: ")
    assert rows["good.txt"]["status"] == "ok"


def test_unexpected_failures_raise_under_tests(tmp_path: Path, exploding_reader: None) -> None:
    (tmp_path / "raises.boom").write_text("x")
    with pytest.raises(RuntimeError, match="reader bug"):
        invoke("add", str(tmp_path), "--project", str(tmp_path / "p"))


def test_jsonl_over_the_size_limit_is_read_record_by_record(tmp_path: Path) -> None:
    """The size limit is for one article: a large JSON-lines dump applies it per record."""
    lines = [json.dumps({"text": ACCENTED.replace("Seoul", f"district {i}")}) for i in range(30)]
    lines[3] = json.dumps({"text": ARTICLE * 40})  # one record over the limit
    lines[7] = "{broken"
    (tmp_path / "dump.jsonl").write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    project = tmp_path / "p"
    (project).mkdir()
    (project / "policylens.toml").write_text("max_input_bytes = 2000\n", encoding="utf-8")
    assert invoke("add", str(tmp_path / "dump.jsonl"), "--project", str(project)).exit_code == 1
    rows = {r["source"]: r for r in export_jsonl(project, "sources")}
    assert len(rows) == 30
    assert rows["dump.jsonl:4"]["reason"].startswith("line 4: input is 2,001 bytes, over the "
                                                     "limit of 2,000")
    assert rows["dump.jsonl:8"]["reason"].startswith("line 8 is not valid JSON")
    assert sum(r["status"] == "ok" for r in rows.values()) == 28


def test_deeply_nested_pages_keep_their_text(bad_project) -> None:  # type: ignore[no-untyped-def]
    project, _ = bad_project
    texts = {d["source"]: d["text"] for d in export_jsonl(project, "documents")}
    assert texts["deep.html"].endswith(f"{ARTICLE} Deep.")
    assert texts["deep-mixed.html"].endswith(f"{ARTICLE} Mixed.")


def test_flattening_leaves_ordinary_pages_alone(sample_dir: Path) -> None:
    from policylens.ingest.nesting import flatten_deep_nesting

    pages = sorted(sample_dir.glob("*.html"))
    assert pages
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert flatten_deep_nesting(html) == html
    deep = "<div>" * 300 + "text" + "</div>" * 300
    assert flatten_deep_nesting(deep) == "<div>" * 200 + "text" + "</div>" * 200


def test_a_project_inside_the_input_folder_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    project = tmp_path / "project"
    assert invoke("add", str(tmp_path), "--project", str(project)).exit_code == 0
    assert invoke("report", "--project", str(project)).exit_code == 0
    result = invoke("add", str(tmp_path), "--project", str(project))
    assert result.exit_code == 0 and "Inputs: 1 unchanged" in result.output
    assert [r["source"] for r in export_jsonl(project, "sources")] == ["article.txt"]

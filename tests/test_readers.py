"""Readers: encodings, binary files, JSON lines, URL lists, odd file names, folders."""

from __future__ import annotations

import os
from pathlib import Path

import httpx
import pytest

from policylens.errors import InputError
from policylens.ingest.decode import decode_bytes
from policylens.ingest.read_urls import UrlListReader, check_url_allowed, fetch_url
from policylens.ingest.readers import read_inputs, walk_inputs
from policylens.settings import Settings

SETTINGS = Settings(fetch_delay_s=0.0)
TEXT = "Seoul and Brussels agreed to deepen their cooperation on cyber defence this week."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"])
def test_decodes_common_encodings(encoding: str) -> None:
    text = "Café diplomacy — “quoted” words in Seoul"
    if encoding in ("latin-1",):
        text = "Café diplomacy in Seoul, naïve"
    assert decode_bytes(text.encode(encoding), max_bytes=10_000) == text


@pytest.mark.parametrize("head, what", [
    (b"%PDF-1.7\n", "a PDF file"), (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"PK\x03\x04rest", "a zip archive"), (b"\x00\x01\x02\x03" * 50, "binary data"),
])
def test_binary_input_is_refused_with_what_it_is(head: bytes, what: str) -> None:
    with pytest.raises(InputError, match=what):
        decode_bytes(head + b"\x00" * 100, max_bytes=10_000)


def test_size_limit_names_the_setting() -> None:
    with pytest.raises(InputError, match="max_input_bytes"):
        decode_bytes(b"a" * 101, max_bytes=100)


def test_jsonl_keeps_good_lines_and_reports_bad_ones_by_number(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(
        f'{{"text": "{TEXT}", "url": "https://example.org/a", "title": "A"}}\n'
        "not json\n\n"
        '{"title": "no text"}\n'
        f'{{"text": "{TEXT} Again.", "published": "2024-07-11"}}\n', encoding="utf-8")
    items = list(read_inputs([str(path)], SETTINGS))
    assert [i.error is None for i in items] == [True, False, False, True]
    assert items[0].source == "https://example.org/a"
    assert "line 2 is not valid JSON" in items[1].error
    assert 'line 4 has no "text"' in items[2].error
    assert items[3].source == "feed.jsonl:5" and items[3].meta.published == "2024-07-11"


def test_unknown_file_type_gets_a_reason(tmp_path: Path) -> None:
    path = tmp_path / "slides.pptx"
    path.write_bytes(b"x")
    (item,) = read_inputs([str(path)], SETTINGS)
    assert "no reader for '.pptx' files" in item.error


def test_odd_file_names_and_symlink_loops(tmp_path: Path) -> None:
    names = ["with space.txt", "ünïcödé 서울.txt", "new\nline.txt"]
    for name in names:
        (tmp_path / name).write_text(TEXT, encoding="utf-8")
    os.symlink(tmp_path, tmp_path / "loop")
    found = sorted(p.name for p in walk_inputs([str(tmp_path)]))
    assert found == sorted(names)


def _transport(pages: dict[str, httpx.Response]) -> httpx.Client:
    def handler(request: httpx.Request) -> httpx.Response:
        return pages.get(str(request.url), httpx.Response(404))
    return httpx.Client(transport=httpx.MockTransport(handler))


def test_url_list_fetches_pages_and_records_failures(tmp_path: Path) -> None:
    html = f"<html><body><article><p>{TEXT}</p></article></body></html>"
    client = _transport({
        "https://news.example/a": httpx.Response(200, html=html),
        "https://news.example/pdf": httpx.Response(200, content=b"%PDF",
                                                   headers={"content-type": "application/pdf"}),
        "https://news.example/moved": httpx.Response(302, headers={"location": "/a"}),
    })
    listing = tmp_path / "list.urls"
    listing.write_text("https://news.example/a\nhttps://news.example/gone\n"
                       "https://news.example/pdf\nhttps://news.example/moved\n# comment\n")
    reader = UrlListReader(client=client)
    items = list(reader.read(listing, Settings(fetch_delay_s=0.0, allow_private_urls=True)))
    assert [i.source for i in items] == ["https://news.example/a", "https://news.example/gone",
                                         "https://news.example/pdf", "https://news.example/moved"]
    assert items[0].error is None and TEXT in items[0].content
    assert "HTTP 404" in items[1].error
    assert "application/pdf" in items[2].error
    assert items[3].error is None and TEXT in items[3].content


def test_offline_url_gives_a_clear_error() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("no network", request=request)
    client = httpx.Client(transport=httpx.MockTransport(refuse))
    item = fetch_url("https://news.example/x", "k", Settings(allow_private_urls=True), client)
    assert item.error.startswith("could not fetch https://news.example/x: ConnectError")


@pytest.mark.parametrize("url, message", [
    ("file:///etc/passwd", "only http and https"),
    ("http://127.0.0.1/admin", "private or local address"),
    ("http://192.168.1.10/", "private or local address"),
    ("http://[::1]/", "private or local address"),
])
def test_refused_urls(url: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        check_url_allowed(url, SETTINGS)


def test_redirect_to_private_address_is_refused() -> None:
    client = _transport({"https://93.184.215.14/": httpx.Response(
        301, headers={"location": "http://10.0.0.5/secret"})})
    item = fetch_url("https://93.184.215.14/", "k", SETTINGS, client)
    assert "private or local address" in item.error


def test_text_file_of_urls_is_a_url_list(tmp_path: Path) -> None:
    path = tmp_path / "urls.txt"
    path.write_text("https://a.example/1\nhttps://b.example/2\n")
    assert UrlListReader().accepts(path)
    (tmp_path / "article.txt").write_text(TEXT + "\nhttps://a.example/1\n")
    assert not UrlListReader().accepts(tmp_path / "article.txt")

"""Security: hostile articles stay text in the report; URL fetching stays on the public web;
no unsafe deserialisation; pinned dependencies."""

from __future__ import annotations

import ipaddress
import json
import re
import socket
import tomllib
from html.parser import HTMLParser
from pathlib import Path

import httpx
import pytest

from conftest import REPO, invoke
from policylens.errors import InputError
from policylens.ingest.read_urls import check_url_allowed, fetch_url
from policylens.settings import Settings

MARK = "PWNED"
ARTICLE = ("South Korea and NATO agreed on Wednesday to expand cooperation on cyber defence, "
           "arms production and intelligence sharing, officials in Seoul and Brussels said.")
HOSTILE = [
    f"<script>alert('{MARK}-1')</script>",
    f"\"><img src=x onerror=alert('{MARK}-2')>",
    f"<svg/onload=alert('{MARK}-3')>",
    f"' onmouseover='alert(`{MARK}-4`)",
    f"<a href=\"javascript:alert('{MARK}-5')\">click</a>",
    f"<iframe src=\"javascript:alert('{MARK}-6')\"></iframe>",
    f"</title></style></textarea><script>alert('{MARK}-7')</script>",
]
JS_URLS = [f"javascript:alert('{MARK}-8')", f" JaVaScRiPt:alert('{MARK}-9')",
           f"java\tscript:alert('{MARK}-10')", f"data:text/html,<script>alert('{MARK}-11')</script>"]
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcdoc"}


class ReportAudit(HTMLParser):
    """Everything in a page that a browser would run, and the visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.handlers: list[str] = []
        self.urls: list[str] = []
        self.tags: list[str] = []
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._in_script = tag == "script"
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(value or "")
            if name in URL_ATTRS:
                self.urls.append(value or "")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        (self.scripts if self._in_script else self.text).append(data)


def _runnable_url(url: str) -> bool:
    squeezed = re.sub(r"[\x00-\x20]", "", url).lower()  # browsers drop tabs, newlines, spaces
    return squeezed.startswith(("javascript:", "vbscript:", "data:text/html"))


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory: pytest.TempPathFactory) -> ReportAudit:
    """Hostile pages and JSON lines through the real ingest and `policylens report`."""
    base = tmp_path_factory.mktemp("hostile")
    inputs = base / "in"
    inputs.mkdir()
    records = []
    for i, payload in enumerate(HOSTILE + JS_URLS):
        records.append({"text": f"{ARTICLE} Quote {i}: “{payload}” said {payload}.",
                        "title": f"Title {payload}", "author": f"Author {payload}",
                        "outlet": f"Outlet {payload}", "url": JS_URLS[i % len(JS_URLS)]
                        if i >= len(HOSTILE) else f"https://news.example/{i}?q={payload}"})
    (inputs / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    for i, payload in enumerate(HOSTILE):
        (inputs / f"page{i}.html").write_text(
            f"<html><head><title>Page {i} {payload.replace('<', '&lt;')}</title>"
            f"<meta name='author' content=\"{payload.replace(chr(34), '&quot;')}\">"
            f"<script>alert('{MARK}-page')</script></head><body onload=\"alert('{MARK}')\">"
            f"<article><h1>Page {i}</h1><p>{ARTICLE} Paragraph {i}. {payload}</p>"
            f"<p>{ARTICLE} More text {i}.</p></article></body></html>", encoding="utf-8")
    project = base / "project"
    invoke("add", str(inputs), "--project", str(project))
    assert invoke("report", "--project", str(project)).exit_code == 0
    audit = ReportAudit()
    audit.feed((project / "report.html").read_text(encoding="utf-8"))
    return audit


def test_hostile_text_reaches_the_report_as_text(hostile_report: ReportAudit) -> None:
    visible = "".join(hostile_report.text)
    assert f"Title <script>alert('{MARK}-1')</script>" in visible  # shown, escaped
    assert f"Author \"><img src=x onerror=alert('{MARK}-2')>" in visible


def test_no_hostile_script_handler_or_url_survives(hostile_report: ReportAudit) -> None:
    assert not [s for s in hostile_report.scripts if MARK in s]
    assert not [h for h in hostile_report.handlers if MARK in h]
    assert not [u for u in hostile_report.urls if _runnable_url(u)]
    assert not {"iframe", "object", "embed", "svg", "img"} & set(hostile_report.tags)


@pytest.mark.parametrize("url", JS_URLS)
def test_runnable_url_detector_catches_browser_tricks(url: str) -> None:
    assert _runnable_url(url)


def _resolver(mapping: dict[str, list[str]]):  # type: ignore[no-untyped-def]
    """DNS is the network edge: answer from a table."""
    def getaddrinfo(host: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        if host not in mapping:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, 0)) for a in mapping[host]]
    return getaddrinfo


@pytest.mark.parametrize("host, addresses", [
    ("intranet.example", ["10.1.2.3"]),
    ("router.example", ["192.168.0.1"]),
    ("metadata.example", ["169.254.169.254"]),
    ("mixed.example", ["93.184.215.14", "127.0.0.1"]),
    ("carrier.example", ["100.64.0.9"]),
])
def test_dns_names_resolving_to_private_addresses_are_refused(
        monkeypatch: pytest.MonkeyPatch, host: str, addresses: list[str]) -> None:
    monkeypatch.setattr(socket, "getaddrinfo", _resolver({host: addresses}))
    with pytest.raises(InputError, match="points to a private or local address"):
        check_url_allowed(f"https://{host}/page", Settings())
    check_url_allowed(f"https://{host}/page", Settings(allow_private_urls=True))


@pytest.mark.parametrize("url", [
    "http://localhost:8001/", "http://[::ffff:127.0.0.1]/", "http://2130706433/",
    "http://0x7f.1/", "http://0.0.0.0/", "HTTP://127.1/",
])
def test_loopback_spellings_are_refused(url: str) -> None:
    with pytest.raises(InputError, match="private or local address"):
        check_url_allowed(url, Settings())


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://news.example/a", "gopher://x/",
                                 "javascript:alert(1)", "data:text/html,hi"])
def test_only_http_and_https_are_fetched(url: str) -> None:
    with pytest.raises(InputError, match="only http and https URLs are fetched"):
        check_url_allowed(url, Settings())


def _client(handler) -> httpx.Client:  # type: ignore[no-untyped-def]
    return httpx.Client(transport=httpx.MockTransport(handler))


PUBLIC = "https://93.184.215.14/start"


def test_redirect_to_file_url_is_refused() -> None:
    client = _client(lambda r: httpx.Response(302, headers={"location": "file:///etc/passwd"}))
    assert "only http and https" in fetch_url(PUBLIC, "k", Settings(), client).error


def test_redirect_to_a_name_resolving_privately_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket, "getaddrinfo", _resolver({"intranet.example": ["10.9.8.7"]}))
    client = _client(lambda r: httpx.Response(301, headers={"location": "http://intranet.example/"}))
    item = fetch_url(PUBLIC, "k", Settings(), client)
    assert "http://intranet.example/ points to a private or local address (10.9.8.7)" in item.error


def test_private_redirect_is_followed_when_the_flag_allows_it() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.host == "10.0.0.5":
            return httpx.Response(200, html=f"<p>{ARTICLE}</p>")
        return httpx.Response(302, headers={"location": "http://10.0.0.5/"})
    item = fetch_url(PUBLIC, "k", Settings(allow_private_urls=True), _client(handler))
    assert item.error is None and ARTICLE in item.content


def test_endless_redirects_stop() -> None:
    client = _client(lambda r: httpx.Response(302, headers={"location": PUBLIC}))
    assert "redirects more than 5 times" in fetch_url(PUBLIC, "k", Settings(), client).error


def test_fetch_size_limit_stops_the_download() -> None:
    client = _client(lambda r: httpx.Response(200, content=b"a" * 5000,
                                              headers={"content-type": "text/html"}))
    item = fetch_url(PUBLIC, "k", Settings(fetch_max_bytes=1000), client)
    assert item.error == f"{PUBLIC} is larger than fetch_max_bytes (1,000 bytes)"


def test_fetch_time_limit_is_passed_and_reported() -> None:
    seen: list[dict] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.extensions["timeout"])
        raise httpx.ReadTimeout("timed out", request=request)
    item = fetch_url(PUBLIC, "k", Settings(fetch_timeout_s=2.5), _client(handler))
    assert seen == [{"connect": 2.5, "read": 2.5, "write": 2.5, "pool": 2.5}]
    assert item.error.startswith(f"could not fetch {PUBLIC}: ReadTimeout")


UNSAFE = re.compile(r"\bpickle\b|\bcPickle\b|\bdill\b|\bshelve\b|\bmarshal\.loads?\b|"
                    r"yaml\.load\(|yaml\.unsafe_load|yaml\.full_load|\beval\(|\bexec\(")


def test_no_unsafe_deserialisation_or_eval_in_the_source() -> None:
    hits = []
    for path in sorted((REPO / "src").rglob("*.py")) + sorted((REPO / "bench").rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if UNSAFE.search(line):
                hits.append(f"{path.relative_to(REPO)}:{number}: {line.strip()}")
    assert hits == []


def test_the_unsafe_pattern_catches_what_it_should() -> None:
    for line in ("import pickle", "data = yaml.load(fh)", "yaml.unsafe_load(x)", "eval(s)"):
        assert UNSAFE.search(line), line
    assert not UNSAFE.search("yaml.safe_load(fh)")


def _requirements() -> list[str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    reqs = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        reqs += extra
    # An extra may include another of ours ("policylens[dask]"): its pins are checked there.
    return [r for r in reqs if not r.startswith(project["name"] + "[")]


def test_every_dependency_is_pinned_exactly() -> None:
    reqs = _requirements()
    assert len(reqs) > 10
    loose = [r for r in reqs if not re.fullmatch(r"[A-Za-z0-9_.\-\[\],]+==[0-9][\w.+!-]*"
                                                 r"(\s*;.*)?", r.strip())]
    assert loose == []


def test_ip_rules_follow_the_standard_library() -> None:
    """The refusal rule is `not is_global`: shared, link-local and reserved ranges count."""
    for address in ("100.64.0.1", "169.254.1.1", "fc00::1", "::1", "0.0.0.0"):
        assert not ipaddress.ip_address(address).is_global

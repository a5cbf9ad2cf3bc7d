"""End to end in headless Debian chromium: the served dashboard and the report file.

`make test` installs Debian's chromium when it is missing; Playwright drives that
binary (never a browser build of its own). Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import httpx
import pytest

from conftest import REPO
from policylens.project import Project
from policylens.report.build import write_report
from project_fixture import build_project

CHROMIUM = Path(os.environ.get("POLICYLENS_CHROMIUM", "/usr/bin/chromium"))
# Written by `make chromium` when apt-get cannot install the browser on this machine.
UNAVAILABLE = REPO / ".venv" / ".chromium-unavailable"
ARTIFACTS = REPO / "test-artifacts"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
WIDTH = 1280


def require_chromium() -> None:
    if CHROMIUM.exists():
        return
    why = UNAVAILABLE.read_text().strip() if UNAVAILABLE.exists() else None
    if os.environ.get("CI") == "true" and why is None:
        pytest.fail(f"Debian chromium is missing at {CHROMIUM}: run the tests with `make test`, "
                    "which installs it (apt-get install chromium)")
    pytest.skip(f"browser tests need Debian chromium at {CHROMIUM}: "
                f"{why or 'run `make test` (it installs it) or apt-get install chromium'}")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_project(tmp_path_factory.mktemp("browser") / "p", populated=True)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    require_chromium()
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(project: Path) -> Iterator[str]:
    """`policylens serve` as a subprocess on a free port; yields its base URL."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    proc = subprocess.Popen([sys.executable, "-m", "policylens", "serve", "--project",
                             str(project), "--port", str(port)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(proc, base)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def server(project: Path) -> Iterator[str]:
    with serving(project) as base:
        yield base


def _wait_until_up(proc: subprocess.Popen, base: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"policylens serve exited {proc.returncode}: {proc.stderr.read()}")
        try:
            if httpx.get(f"{base}/-/policylens", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.3)
    pytest.fail("policylens serve did not answer within a minute")


def new_page(browser: object):  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": WIDTH, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.errors = errors
    return page


def chart_sizes(page) -> list[tuple[float, float]]:  # type: ignore[no-untyped-def]
    page.wait_for_selector(".chart svg.main-svg", timeout=15_000)
    return page.eval_on_selector_all(
        ".chart", "els => els.map(e => { const s = e.querySelector('svg.main-svg');"
                  " const r = s ? s.getBoundingClientRect() : {width: 0, height: 0};"
                  " return [r.width, r.height]; })")


def scroll_width(page) -> int:  # type: ignore[no-untyped-def]
    return page.evaluate("document.documentElement.scrollWidth")


def test_dashboard_quote_opens_its_sentence(browser: object, server: str) -> None:
    page = new_page(browser)
    page.goto(f"{server}/-/policylens")
    assert page.locator("h1").first.inner_text() == "Question dashboard"
    assert all(w > 0 and h > 0 for w, h in chart_sizes(page))
    assert scroll_width(page) <= WIDTH
    page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)
    link = page.locator("table.kp a.quote").first
    quote = link.inner_text().strip("“”")
    link.click()
    page.wait_for_url("**/-/policylens/doc/**#s*")
    target = page.locator("span.sent:target")
    assert target.count() == 1 and target.inner_text() == quote
    assert page.evaluate("getComputedStyle(document.querySelector('span.sent:target'))"
                         ".backgroundColor") == "rgb(255, 243, 168)"  # highlighted
    page.screenshot(path=str(ARTIFACTS / "document.png"), full_page=True)
    assert page.errors == []


def test_timeline_filter_form(browser: object, server: str) -> None:
    page = new_page(browser)
    page.goto(f"{server}/-/policylens/timeline")
    page.select_option("select[name=modality]", "hypothetical")
    page.click("form.filters button")
    page.wait_for_url("**modality=hypothetical**")
    assert "0 dated asserted events" in page.content()
    page.goto(f"{server}/-/policylens/timeline")
    assert all(w > 0 and h > 0 for w, h in chart_sizes(page))
    page.screenshot(path=str(ARTIFACTS / "timeline.png"), full_page=True)
    assert page.errors == []


def test_report_file_renders_its_charts_offline(browser: object, project: Path,
                                                tmp_path: Path) -> None:
    report = write_report(Project(project), tmp_path / "report.html")
    page = new_page(browser)
    page.route("http*://**", lambda route: route.abort())  # offline: nothing may load
    page.goto(report.as_uri())
    sizes = chart_sizes(page)
    assert len(sizes) == 3 and all(w > 0 and h > 0 for w, h in sizes)
    assert scroll_width(page) <= WIDTH
    assert page.locator("text=<script>alert(1)</script>").count() >= 1  # shown as text
    page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)
    page.emulate_media(media="print")
    assert not page.locator("nav.toc").is_visible()  # print CSS drops the navigation
    assert page.errors == []


@pytest.mark.slow
def test_demo_report_and_dashboard_of_the_sample_corpus(browser: object,
                                                        sample_project: Path) -> None:
    """What `make demo` makes: its report file and `policylens serve` on it."""
    page = new_page(browser)
    page.route("http*://**", lambda route: route.abort())
    page.goto((sample_project / "report.html").as_uri())
    assert page.locator("h1").inner_text() == "policylens report"
    assert page.locator("#sources tbody tr").count() == 10
    if page.locator(".chart").count():
        assert all(w > 0 and h > 0 for w, h in chart_sizes(page))
    assert scroll_width(page) <= WIDTH and page.errors == []
    page.screenshot(path=str(ARTIFACTS / "demo-report.png"))
    with serving(sample_project) as base:
        web = new_page(browser)
        web.goto(f"{base}/-/policylens")
        web.locator("table.sources a").first.click()
        web.wait_for_url("**/-/policylens/doc/**")
        assert web.locator(".doc-text span.sent").count() > 3
        assert scroll_width(web) <= WIDTH and web.errors == []
        web.screenshot(path=str(ARTIFACTS / "demo-document.png"))


def test_hostile_articles_run_nothing_in_the_report_or_the_web_ui(
        browser: object, tmp_path: Path) -> None:
    """Hostile HTML and JSON lines through the real ingest, then report and dashboard."""
    from conftest import export_jsonl, invoke
    from test_security import ARTICLE, HOSTILE, JS_URLS, MARK

    inputs = tmp_path / "in"
    inputs.mkdir()
    records = [{"text": f"{ARTICLE} Quote {i}: {p}", "title": f"Title {p}", "author": p,
                "url": JS_URLS[i % len(JS_URLS)]} for i, p in enumerate(HOSTILE)]
    (inputs / "feed.jsonl").write_text("\n".join(__import__("json").dumps(r) for r in records))
    for i, payload in enumerate(HOSTILE):
        (inputs / f"page{i}.html").write_text(
            f"<html><head><title>{payload}</title><script>alert('{MARK}')</script></head>"
            f"<body onload=\"alert('{MARK}')\"><article><p>{ARTICLE} {payload}</p>"
            f"<p>{ARTICLE} More.</p></article></body></html>", encoding="utf-8")
    project = tmp_path / "p"
    invoke("add", str(inputs), "--project", str(project))
    report = write_report(Project(project), tmp_path / "report.html")
    docs = [r["doc_id"] for r in export_jsonl(project, "sources") if r["doc_id"]]
    assert len(docs) >= len(HOSTILE)
    with serving(project) as base:
        pages = [f"{base}/-/policylens/doc/{d}" for d in docs[:3]]
        for url in [report.as_uri(), f"{base}/-/policylens", *pages]:
            page = new_page(browser)
            dialogs: list[str] = []
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.goto(url)
            page.wait_for_timeout(300)
            assert dialogs == [] and page.errors == [], url
            assert MARK in page.content()  # the hostile text is there, shown as text

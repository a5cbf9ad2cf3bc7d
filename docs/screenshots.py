"""Retake the README screenshots: python docs/screenshots.py PROJECT_DIR

Writes docs/img/report.png and docs/img/dashboard.png (1200 px wide, top of page)
with headless Debian chromium, from a project analysed with `policylens analyze`.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from playwright.sync_api import sync_playwright

from policylens.project import Project
from policylens.report.build import write_report

IMG = Path(__file__).parent / "img"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]


def main(project: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "policylens", "serve", "--project",
                               str(project), "--port", str(port)])
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                httpx.get(base, timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.3)
        report = write_report(Project(project), Path(tempfile.mkdtemp()) / "report.html")
        shoot({"report.png": report.as_uri(), "dashboard.png": f"{base}/-/policylens"})
    finally:
        server.terminate()


def shoot(pages: dict[str, str]) -> None:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1200, "height": 1000})
        for name, url in pages.items():
            page.goto(url)
            page.wait_for_timeout(1500)  # let plotly draw
            page.screenshot(path=str(IMG / name))
        browser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))

"""The web UI through Datasette's test client: plugin pages, Datasette's own views,
read-only access, friendly errors."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from conftest import invoke
from policylens.project import Project
from policylens.store.db import transaction
from policylens.web.app import is_loopback, make_datasette
from project_fixture import HOSTILE_TITLE, build_project

PAGES = ["/-/policylens", "/-/policylens/timeline", "/-/policylens/actors",
         "/-/policylens/doc/doc-aaa", "/-/policylens/doc/doc-bbb"]


@pytest.fixture(scope="module")
def bare(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_project(tmp_path_factory.mktemp("bare") / "p", populated=False)


@pytest.fixture(scope="module")
def full(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_project(tmp_path_factory.mktemp("full") / "p", populated=True)


def get(project: Path, *paths: str) -> list[Any]:
    """GET each path from a fresh Datasette on the project (one event loop)."""
    async def run() -> list[Any]:
        ds = make_datasette(project)
        return [await ds.client.get(p) for p in paths]

    return asyncio.run(run())


def page(project: Path, path: str) -> str:
    response = get(project, path)[0]
    assert response.status_code == 200, (path, response.text[:500])
    return response.text


@pytest.mark.parametrize("path", PAGES)
def test_pages_render_without_stage_tables(bare: Path, path: str) -> None:
    html = page(bare, path)
    assert HOSTILE_TITLE not in html


def test_dashboard_says_what_is_not_computed_yet(bare: Path) -> None:
    html = page(bare, "/-/policylens")
    assert "Should South Korea deepen its engagement with NATO?" in html
    assert html.count("Not computed yet") == 2  # stances and key points
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'href="javascript:' not in html and "<img src=x" not in html
    assert "Not computed yet" in page(bare, "/-/policylens/timeline")
    assert "Not computed yet" in page(bare, "/-/policylens/actors")


def test_dashboard_links_each_quote_to_its_sentence(full: Path) -> None:
    html = page(full, "/-/policylens")
    assert 'class="stance stance-con">con</span>' in html and 'data-chart="' in html
    assert 'href="/-/policylens/doc/doc-aaa#s1"' in html
    assert 'href="/-/policylens/doc/doc-bbb#s0"' in html
    assert "&lt;em&gt;there&lt;/em&gt;" in html
    assert '<script src="/-/policylens/plotly.js">' in html


def test_document_page_highlights_event_and_stance_sentences(full: Path) -> None:
    html = page(full, "/-/policylens/doc/doc-aaa")
    assert '<span class="sent ev st" id="s0"' in html  # CONSULT, asserted; a pro claim
    assert '<span class="sent st" id="s1"' in html  # stance evidence and key-point quote
    assert '<span class="sent ev" id="s2"' in html  # the planned event
    assert "CONSULT (asserted): KOR → NATO" in html
    ccc = page(full, "/-/policylens/doc/doc-ccc")  # its claim is neutral: no "claim" mark
    assert 'title="CONSULT (hypothetical): KOR → NATO; neutral; pro"' in ccc
    hostile = page(full, "/-/policylens/doc/doc-bbb")
    assert "&lt;img src=x onerror=alert(3)&gt;" in hostile and "<img src=x" not in hostile
    assert '<span class="sent st" id="s0" title="con; con claim"' in hostile


def test_timeline_filters(full: Path) -> None:
    every = page(full, "/-/policylens/timeline")
    assert "2 dated asserted events" in every and "<select name=\"modality\">" in every
    hypo = page(full, "/-/policylens/timeline?modality=hypothetical")
    assert "0 dated asserted events" in hypo and "2025-06-24" in hypo
    assert "<strong>AGREE</strong>" not in hypo
    later = page(full, "/-/policylens/timeline?start=2023-01-01&end=2023-12-31")
    assert "1 dated asserted event;" in later and "AGREE" in later
    assert "1 dated asserted event;" in page(full, "/-/policylens/timeline?type=AGREE&actor=NATO")
    assert "0 dated asserted events" in page(full, "/-/policylens/timeline?actor=RUS")


def test_actor_pages(full: Path) -> None:
    html = page(full, "/-/policylens/actor/KOR")
    assert "South Korea" in html
    as_source, as_target = html.split("Events it was the target of")
    assert "2 dated asserted events" in as_source and "0 dated asserted events" in as_target
    nato = page(full, "/-/policylens/actor/NATO").split("Events it was the target of")
    assert "0 dated asserted events" in nato[0] and "2 dated asserted events" in nato[1]
    assert "<strong>NATO</strong>" in nato[0]  # described, though never mentioned
    assert "+14.0" in html  # its dyad with NATO
    yoon = page(full, "/-/policylens/actor/person%3Ayoon-suk-yeol")
    assert "President (KOR)" in yoon and "Prosecutor General" in yoon
    lee = page(full, "/-/policylens/actor/person%3Alee-jae-myung")  # events name him only
    assert "1 hypothetical, planned or negated" in lee and "2025-06-24" in lee
    missing, unknown_doc = get(full, "/-/policylens/actor/XYZ", "/-/policylens/doc/nope")
    assert missing.status_code == 404 and unknown_doc.status_code == 404
    assert "No document &#39;nope&#39; in this project" in unknown_doc.text


def test_datasette_browsing_sql_json_csv_and_metadata(full: Path) -> None:
    index, table, js, csv, sql, facets = get(
        full, "/", "/policylens/documents", "/policylens/documents.json?_shape=array",
        "/policylens/documents.csv", "/policylens.json?sql=select+count(*)+as+n+from+sentences",
        "/policylens/event_mentions.json")
    assert '<a href="/-/policylens">question dashboard</a>' in index.text
    assert table.status_code == 200 and "hashes the text" in table.text
    assert HOSTILE_TITLE in [r["title"] for r in js.json()]  # raw in JSON, as data
    assert csv.status_code == 200 and csv.text.startswith("id,source,url")
    assert sql.json()["rows"] == [[7]]
    assert {"type", "modality"} <= set(facets.json()["facet_results"]), facets.json()


def test_the_connection_is_read_only(full: Path) -> None:
    (result,) = get(full, "/policylens.json?sql=delete+from+documents")
    assert result.status_code == 400
    assert len(get(full, "/policylens/documents.json?_shape=array")[0].json()) == 3


def test_pages_keep_working_while_a_run_writes(full: Path) -> None:
    with Project(full).writer() as db, transaction(db):
        db.execute("UPDATE documents SET title = 'Rewritten' WHERE id = 'doc-aaa'")
        html = page(full, "/-/policylens")  # the writer holds its transaction open
        assert "Yoon attends Madrid summit" in html and "Rewritten" not in html
        db.execute("UPDATE documents SET title = 'Yoon attends Madrid summit' "
                   "WHERE id = 'doc-aaa'")


def test_serve_errors_say_what_to_run_first(tmp_path: Path) -> None:
    result = invoke("serve", "--project", str(tmp_path / "nowhere"))
    assert result.exit_code == 2
    assert result.output == (
        f"Error: No project folder at {tmp_path / 'nowhere'}. Create one first: 'policylens "
        f"analyze PATH... --project {tmp_path / 'nowhere'}' (or 'policylens demo' for the "
        "bundled sample).\n")
    result = invoke("serve", "--project", str(tmp_path))
    assert result.exit_code == 2
    assert result.output == (f"Error: No policylens database in {tmp_path}. Run 'policylens "
                             f"analyze PATH... --project {tmp_path}' first.\n")


@pytest.mark.parametrize("host, local", [("127.0.0.1", True), ("localhost", True),
                                         ("::1", True), ("0.0.0.0", False),
                                         ("192.168.1.5", False), ("example.org", False)])
def test_only_loopback_hosts_count_as_local(host: str, local: bool) -> None:
    assert is_loopback(host) is local

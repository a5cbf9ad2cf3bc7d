"""The HTML report: sections grow as stages land; every article text is escaped."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import invoke
from policylens.hookspecs import hookimpl
from policylens.plugins import load_plugins
from policylens.project import Project
from policylens.report.build import render_report
from policylens.report.registry import ReportSection
from project_fixture import HOSTILE_TITLE, build_project


@pytest.fixture(scope="module")
def bare(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_project(tmp_path_factory.mktemp("bare") / "p", populated=False)


@pytest.fixture(scope="module")
def full(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_project(tmp_path_factory.mktemp("full") / "p", populated=True)


def report_of(project: Path) -> str:
    db = Project(project).reader()
    try:
        return render_report(db)
    finally:
        db.close()


def section(html: str, sid: str) -> str:
    match = re.search(rf'<section id="{sid}">(.*?)</section>', html, re.S)
    assert match, f"no section {sid}"
    return match.group(1)


def test_report_command_writes_one_offline_file(bare: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    result = invoke("report", "--project", str(bare), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.output == f"Report: {out}\n"
    html = out.read_text(encoding="utf-8")
    assert "Plotly" in html and len(html) > 1_000_000  # the plotly.js bundle is inlined
    assert not re.search(r'<(script|link)[^>]+(src|href)="(https?:)?//', html)


@pytest.mark.parametrize("sid", ["question", "keypoints", "timeline", "dyads", "actors"])
def test_sections_say_not_computed_yet_without_stage_tables(bare: Path, sid: str) -> None:
    assert "Not computed yet" in section(report_of(bare), sid)


def test_article_text_is_escaped(bare: Path, full: Path) -> None:
    for html in (report_of(bare), report_of(full)):
        assert HOSTILE_TITLE not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "<img src=x" not in html and "<b>Times</b>" not in html
        assert 'href="javascript:' not in html
        assert "javascript:alert(2)" in html  # shown as text, not as a link


def test_sources_and_provenance(bare: Path) -> None:
    html = report_of(bare)
    sources = section(html, "sources")
    assert "Harbor Ledger" in sources and "2023-07-10 – 2023-07-16" in sources
    assert "this week&#39;s NATO summit" in sources and "inferred" in sources
    prov = section(html, "provenance")
    assert "broken.html" in prov and "Not UTF-8 &lt;b&gt;nor&lt;/b&gt; Latin-1" in prov
    assert "version of policylens" in prov and "seconds in ingest" in prov


def test_balance_of_sources(full: Path) -> None:
    html = section(report_of(full), "question")
    assert "Should South Korea deepen its engagement with NATO?" in html
    assert re.search(r'stance-pro">pro</span> <strong>1</strong>', html)
    assert re.search(r'stance-con">con</span> <strong>1</strong>', html)
    assert 'data-chart="chart-' in html
    assert "cost-benefit perspective" in html


def test_keypoint_quotes_link_to_their_cited_sentence(full: Path) -> None:
    html = report_of(full)
    matrix = section(html, "keypoints")
    assert "The cost of attending outweighs what Seoul gains &lt;em&gt;there&lt;/em&gt;" in matrix
    assert "domestic politics" in matrix and "diplomacy" in matrix
    assert matrix.count("✗ against") == 1  # the hostile source argues against kp1
    anchors = set(re.findall(r'href="#(doc-[^"]+-s\d+)"', matrix))
    assert "doc-doc-aaa-s1" in anchors and "doc-doc-bbb-s0" in anchors
    evidence = section(html, "evidence")
    for anchor in anchors:
        assert f'id="{anchor}"' in evidence
    assert "NATO leaders welcomed South Korea&#39;s participation." in evidence


def test_timeline_keeps_hypothetical_and_planned_apart(full: Path) -> None:
    html = section(report_of(full), "timeline")
    asserted, rest = html.split("Hypothetical, planned and negated events")
    assert "2 dated asserted events" in html and "AGREE" in asserted
    assert "2022-06-29" in asserted and "2 sources" in asserted  # e1 has two mentions
    assert "hypothetical" in rest and "planned" in rest and "2025-06-24" not in asserted


def test_dyads_and_actor_roles_at_the_time(full: Path) -> None:
    html = report_of(full)
    dyads = section(html, "dyads")
    assert "KOR</a> → <a" in dyads and "+14.0" in dyads and 'data-chart="' in dyads
    actors = section(html, "actors")
    assert "Yoon Suk-yeol" in actors and "President (KOR)" in actors
    assert "North Atlantic" not in actors and ">NATO</a>" not in actors  # never mentioned
    assert "Prosecutor General" not in actors  # a role that ended before the sources


def test_plugins_can_add_report_sections(bare: Path) -> None:
    class Extra:
        @hookimpl
        def register_report_sections(self, register):  # type: ignore[no-untyped-def]
            register(ReportSection("extra", "Extra <section>", 65,
                                   lambda ctx: ctx.render("sections/evidence.html", cited=[])))

    pm = load_plugins()
    plugin = Extra()
    pm.register(plugin, "extra-test")
    try:
        html = report_of(bare)
    finally:
        pm.unregister(plugin)
    assert '<section id="extra">' in html and "Extra &lt;section&gt;" in html
    assert html.index('id="sources"') < html.index('id="extra"') < html.index('id="provenance"')


def test_header_sums_up_what_was_found(bare: Path, full: Path) -> None:
    lead = re.search(r'<p class="lead">(.*?)</p>', report_of(full), re.S).group(1)
    assert "3 sources" in lead and "2022-06-30 – 2025-06-20" in lead
    assert "2 asserted events, 2 hypothetical, planned or negated" in lead
    assert "1 actor mentioned" in lead and "2 key points" in lead
    bare_lead = re.search(r'<p class="lead">(.*?)</p>', report_of(bare), re.S).group(1)
    assert "events" not in bare_lead and "actors" not in bare_lead

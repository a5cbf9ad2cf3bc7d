"""A small project built through the real migrations, with or without rows in the
tables of the events, actors and stance stages (the tables are created here only if
no migration has made them, in the shape of those stages' migrations).

Rows are plausible and hand-made so the pages can be checked exactly; the real
stages' outputs are tested where those stages live.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from policylens.project import Project
from policylens.store.db import transaction

QUESTION_ID = "q-fixture01"
QUESTION = "Should South Korea deepen its engagement with NATO?"
HOSTILE_TITLE = "<script>alert(1)</script>"

DOCS = [
    ("doc-aaa", "01_madrid.html", "Yoon attends Madrid summit", "Harbor Ledger", "news",
     "2022-06-30", "page", "https://example.org/madrid",
     "President Yoon attended the NATO summit in Madrid on 29 June 2022. NATO leaders "
     "welcomed South Korea's participation.\n\nSeoul may send observers to NATO drills next year."),
    ("doc-bbb", "02_hostile.txt", HOSTILE_TITLE, "Eastgate <b>Times</b>", "opinion",
     "2025-06-20", "stated", "javascript:alert(2)",
     "Skipping the summit makes sense from a cost-benefit perspective. Seoul should focus on "
     "North Korea <img src=x onerror=alert(3)> first."),
    ("doc-ccc", "03_analysis.md", "After Vilnius", "Meridian Commons", "analysis",
     None, "inferred", None,
     "If Lee attends the summit, it could bolster ties with Europe. South Korea signed a "
     "partnership with NATO in July 2023."),
]

STAGE_TABLES = {
    # The shape of the events stage: mentions, and event_links grouping them into events.
    "event_mentions": """CREATE TABLE event_mentions (id TEXT PRIMARY KEY, doc_id TEXT,
        sentence_id TEXT, sentence TEXT, evidence TEXT, actor TEXT, target TEXT,
        actor_codes TEXT, target_codes TEXT, type TEXT, mode TEXT, context TEXT, modality TEXT,
        date TEXT, date_precision TEXT, date_how TEXT, cameo TEXT, goldstein REAL,
        confidence REAL, stage TEXT, stage_version TEXT)""",
    "event_links": """CREATE TABLE event_links (mention_id TEXT PRIMARY KEY, event_id TEXT,
        stage TEXT, stage_version TEXT)""",
    "events": """CREATE TABLE events (event_id TEXT PRIMARY KEY, type TEXT, actor_codes TEXT,
        target_codes TEXT, date TEXT, modality TEXT, goldstein REAL, mentions INTEGER,
        documents INTEGER, stage TEXT, stage_version TEXT)""",
    "dyads": """CREATE TABLE dyads (source_code TEXT, target_code TEXT, month TEXT,
        goldstein_sum REAL, count INTEGER, stage TEXT, stage_version TEXT)""",
    "actors": """CREATE TABLE actors (id TEXT PRIMARY KEY, kind TEXT, name TEXT, code TEXT,
        stage TEXT, stage_version TEXT)""",
    "actor_roles": """CREATE TABLE actor_roles (actor_id TEXT, office TEXT, code TEXT,
        role TEXT, start TEXT, end TEXT, stage TEXT, stage_version TEXT)""",
    "actor_mentions": """CREATE TABLE actor_mentions (id TEXT PRIMARY KEY, doc_id TEXT,
        sentence_id TEXT, actor_id TEXT, stage TEXT, stage_version TEXT)""",
    "claims": """CREATE TABLE claims (id TEXT PRIMARY KEY, doc_id TEXT, sentence_id TEXT,
        question_id TEXT, stance TEXT, aspect TEXT, confidence REAL, stage TEXT,
        stage_version TEXT)""",
    "stances": """CREATE TABLE stances (doc_id TEXT, question_id TEXT, stance TEXT,
        confidence REAL, evidence TEXT, stage TEXT, stage_version TEXT)""",
    "keypoints": """CREATE TABLE keypoints (id TEXT PRIMARY KEY, question_id TEXT, label TEXT,
        side TEXT, aspect TEXT, sources TEXT, quotes TEXT, support INTEGER, stage TEXT,
        stage_version TEXT)""",
}


def _sentences(doc_id: str, text: str) -> list[tuple]:
    """Split on '. ' keeping character offsets, as the NLP stage stores them."""
    out, start = [], 0
    while start < len(text):
        while start < len(text) and text[start].isspace():
            start += 1
        end = text.find(". ", start)
        end = len(text) if end < 0 else end + 1
        if "\n\n" in text[start:end]:
            end = text.index("\n\n", start)
        out.append((f"{doc_id}:{len(out)}", doc_id, len(out), start, end, text[start:end]))
        start = end
    return [s for s in out if s[5].strip()]


def insert(db: sqlite3.Connection, table: str, row: dict, verb: str = "INSERT") -> None:
    """Insert only the columns the table has: real migrations may differ in detail."""
    cols = {r[1] for r in db.execute(f'PRAGMA table_info("{table}")')}
    row = {k: v for k, v in row.items() if k in cols}
    for k in cols & {"stage", "stage_version"}:
        row.setdefault(k, "fixture" if k == "stage" else "v1")
    db.execute(f'{verb} INTO "{table}" ({", ".join(row)}) VALUES ({", ".join("?" * len(row))})',
               list(row.values()))


def build_project(path: Path, populated: bool) -> Path:
    """A project of three documents; ``populated`` adds the later stages' rows."""
    with Project(path).writer() as db, transaction(db):
        _base_rows(db)
        if populated:
            for table, sql in STAGE_TABLES.items():
                exists = db.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (table,))
                if exists.fetchone() is None:
                    db.execute(sql)
            _stage_rows(db)
    return path


def _base_rows(db: sqlite3.Connection) -> None:
    db.execute("INSERT INTO runs (started, finished, status, command, versions, timings) "
               "VALUES ('2026-01-01T00:00:00', '2026-01-01T00:01:00', 'done', 'analyze', "
               "'{\"policylens\": \"0.1.0\"}', '{\"ingest\": 0.5}')")
    for i, (doc_id, source, title, outlet, kind, published, how, url, text) in enumerate(DOCS):
        insert(db, "documents", dict(
            id=doc_id, source=source, url=url, title=title, outlet=outlet, kind=kind,
            published=published, published_earliest=None if published else "2023-07-10",
            published_latest=None if published else "2023-07-16", date_how=how,
            date_evidence="this week's NATO summit" if how == "inferred" else None,
            language="en", text=text, run_id=1))
        insert(db, "sources", dict(key=f"/in/{source}", source=source, status="ok",
                                   doc_id=doc_id, updated="2026-01-01"))
        db.executemany("INSERT INTO sentences (id, doc_id, idx, start, end, text, stage, "
                       "stage_version) VALUES (?, ?, ?, ?, ?, ?, 'nlp.spacy', 'v1')",
                       _sentences(doc_id, text))
    insert(db, "sources", dict(key="/in/broken.html", source="broken.html", status="error",
                               reason="Not UTF-8 <b>nor</b> Latin-1", updated="2026-01-01"))
    db.execute("INSERT INTO questions (id, text, created) VALUES (?, ?, '2026-01-01')",
               (QUESTION_ID, QUESTION))


def _party(name: str, code: str) -> str:
    return json.dumps([{"name": name, "code": code}])


def _stage_rows(db: sqlite3.Connection) -> None:
    events = [
        ("m1", "e1", "doc-aaa", "doc-aaa:0", "KOR", "South Korea", "NATO", "NATO", "CONSULT",
         "asserted", "2022-06-29", 4.0),
        ("m2", "e1", "doc-ccc", "doc-ccc:1", "KOR", "South Korea", "NATO", "NATO", "CONSULT",
         "asserted", "2022-06-29", 4.0),
        ("m3", "e2", "doc-ccc", "doc-ccc:1", "KOR", "South Korea", "NATO", "NATO", "AGREE",
         "asserted", "2023-07-11", 6.0),
        ("m4", "e3", "doc-ccc", "doc-ccc:0", "KOR", "Lee Jae-myung", "NATO", "NATO", "CONSULT",
         "hypothetical", "2025-06-24", 4.0),
        ("m5", "e4", "doc-aaa", "doc-aaa:2", "KOR", "Seoul", "NATO", "NATO", "COOPERATE",
         "planned", None, 3.0),
    ]
    for mid, eid, doc, sid, acode, aname, tcode, tname, etype, modality, date, g in events:
        insert(db, "event_mentions", dict(
            id=mid, doc_id=doc, sentence_id=sid, sentence="…", evidence=aname,
            actor=_party(aname, acode), target=_party(tname, tcode), actor_codes=acode,
            target_codes=tcode, type=etype, mode="", modality=modality, date=date,
            date_precision="day" if date else None, date_how="explicit" if date else None,
            cameo="040", goldstein=g, confidence=0.9))
        insert(db, "event_links", dict(mention_id=mid, event_id=eid))
        insert(db, "events", dict(event_id=eid, type=etype, actor_codes=acode,
                                  target_codes=tcode, date=date, modality=modality,
                                  goldstein=g, mentions=1, documents=1), "INSERT OR IGNORE")
    for month, g, n in (("2022-06", 8.0, 2), ("2023-07", 6.0, 1)):
        insert(db, "dyads", dict(source_code="KOR", target_code="NATO", month=month,
                                 goldstein_sum=g, count=n))
    for aid, name, kind, code in (("KOR", "South Korea", "state", "KOR"),
                                  ("NATO", "NATO", "org", "NATO"),
                                  ("person:yoon-suk-yeol", "Yoon Suk-yeol", "person", "KOR"),
                                  ("person:lee-jae-myung", "Lee Jae-myung", "person", "KOR")):
        insert(db, "actors", dict(id=aid, name=name, kind=kind, code=code, aliases="[]"))
    for role, office, start, end in (("President", "KOR.president", "2022-05-10", "2025-04-04"),
                                     ("Prosecutor General", "KOR.prosecutor_general",
                                      "2019-07-25", "2021-03-04")):
        insert(db, "actor_roles", dict(actor_id="person:yoon-suk-yeol", office=office, code="KOR", role=role,
                                       start=start, end=end, acting=0))
    insert(db, "actor_mentions", dict(
        id="am1", doc_id="doc-aaa", sentence_id="doc-aaa:0", start=10, end=14, text="Yoon",
        actor_id="person:yoon-suk-yeol", name="Yoon Suk-yeol", code="KOR", role="President", sector="GOV",
        kind="person", how="name"))
    _stance_rows(db)


def _stance_rows(db: sqlite3.Connection) -> None:
    stances = [("doc-aaa", "pro", 0.8, json.dumps(["doc-aaa:1"])),
               ("doc-bbb", "con", 0.9, json.dumps(
                   ["Skipping the summit makes sense from a cost-benefit perspective."])),
               ("doc-ccc", "neutral", 0.6, json.dumps(["doc-ccc:0"]))]
    for doc, stance, conf, evidence in stances:
        insert(db, "stances", dict(doc_id=doc, question_id=QUESTION_ID, stance=stance,
                                   confidence=conf, evidence=evidence))
        insert(db, "claims", dict(
            id=f"{doc}:0:{QUESTION_ID}", doc_id=doc, sentence_id=f"{doc}:0", sentence="…",
            position=0.0, question_id=QUESTION_ID, stance=stance, confidence=conf,
            p_pro=conf if stance == "pro" else 0.1, p_con=conf if stance == "con" else 0.1,
            p_neutral=0.1, aspect="diplomacy", is_claim=1))
    keypoints = [
        ("kp1", "Attending signals that Seoul is a reliable partner of Europe", "pro",
         "diplomacy", ["01_madrid.html", "03_analysis.md"],
         [{"source": "01_madrid.html",
           "sentence": "NATO leaders welcomed South Korea's participation."},
          {"source": "03_analysis.md",
           "sentence": "If Lee attends the summit, it could bolster ties with Europe."}]),
        ("kp2", "The cost of attending outweighs what Seoul gains <em>there</em>", "con",
         "domestic politics", ["02_hostile.txt"],
         [{"source": "02_hostile.txt",
           "sentence": "Skipping the summit makes sense from a cost-benefit perspective."}]),
    ]
    for kid, label, side, aspect, sources, quotes in keypoints:
        against = ["02_hostile.txt"] if side == "pro" else []
        insert(db, "keypoints", dict(id=kid, question_id=QUESTION_ID, label=label, side=side,
                                     aspect=aspect, sources=json.dumps(sources),
                                     against=json.dumps(against), quotes=json.dumps(quotes),
                                     support=len(sources), score=1.0))

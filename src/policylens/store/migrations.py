"""The schema, as a list of small named migrations run on every open.

A migration is applied once and recorded in ``_migrations``; never edit one
that has shipped: append a new one instead.
"""

from __future__ import annotations

from typing import Callable

MIGRATIONS: list[tuple[str, str]] = []


def migration(fn: Callable[[], str]) -> Callable[[], str]:
    """Register a function returning the migration's SQL, named by the function."""
    MIGRATIONS.append((fn.__name__, fn()))
    return fn


@migration
def m001_runs() -> str:
    return """
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            started TEXT NOT NULL,
            finished TEXT,
            status TEXT NOT NULL DEFAULT 'running',
            command TEXT,
            config TEXT,        -- JSON: the settings of the run
            versions TEXT,      -- JSON: stage name -> version, package versions
            counts TEXT,        -- JSON: what the run did
            timings TEXT        -- JSON: seconds per stage
        );
        """


@migration
def m002_sources_documents() -> str:
    return """
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,            -- hash of the normalized clean text
            source TEXT NOT NULL,           -- first input it came from
            url TEXT,
            title TEXT,
            author TEXT,
            outlet TEXT,
            published TEXT,
            published_earliest TEXT,
            published_latest TEXT,
            date_how TEXT,
            date_evidence TEXT,
            kind TEXT NOT NULL DEFAULT 'unknown',
            language TEXT,
            text TEXT NOT NULL,
            removed TEXT,                   -- JSON list of furniture lines removed
            stage TEXT NOT NULL,
            stage_version TEXT NOT NULL,
            run_id INTEGER REFERENCES runs(id)
        );
        CREATE TABLE sources (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,       -- path, path#line, or URL
            source TEXT NOT NULL,           -- what users see: file name or URL
            content_hash TEXT,              -- hash of the raw input, to skip unchanged inputs
            status TEXT NOT NULL,           -- ok | duplicate | skipped | error
            reason TEXT,
            doc_id TEXT REFERENCES documents(id),
            stage TEXT NOT NULL,
            stage_version TEXT NOT NULL,
            run_id INTEGER REFERENCES runs(id),
            updated TEXT NOT NULL
        );
        CREATE INDEX sources_doc ON sources(doc_id);
        CREATE INDEX sources_status ON sources(status);
        """


@migration
def m003_sentences_mentions() -> str:
    return """
        CREATE TABLE sentences (
            id TEXT PRIMARY KEY,            -- doc_id:index
            doc_id TEXT NOT NULL REFERENCES documents(id),
            idx INTEGER NOT NULL,
            start INTEGER NOT NULL,         -- character offsets into documents.text
            end INTEGER NOT NULL,
            text TEXT NOT NULL,
            stage TEXT NOT NULL,
            stage_version TEXT NOT NULL
        );
        CREATE INDEX sentences_doc ON sentences(doc_id, idx);
        CREATE TABLE mentions (
            id TEXT PRIMARY KEY,            -- doc_id:start:end
            doc_id TEXT NOT NULL REFERENCES documents(id),
            sentence_id TEXT NOT NULL REFERENCES sentences(id),
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            text TEXT NOT NULL,
            label TEXT NOT NULL,            -- spaCy entity label
            stage TEXT NOT NULL,
            stage_version TEXT NOT NULL
        );
        CREATE INDEX mentions_doc ON mentions(doc_id);
        CREATE TABLE parses (
            doc_id TEXT PRIMARY KEY REFERENCES documents(id),
            model TEXT NOT NULL,            -- spaCy model name and version
            data BLOB NOT NULL,             -- spaCy DocBin: tokens, tags, parse, entities
            stage TEXT NOT NULL,
            stage_version TEXT NOT NULL
        );
        CREATE VIRTUAL TABLE sentences_fts USING fts5(
            text, content='sentences', content_rowid='rowid'
        );
        CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
            INSERT INTO sentences_fts(rowid, text) VALUES (new.rowid, new.text);
        END;
        CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
            INSERT INTO sentences_fts(sentences_fts, rowid, text)
            VALUES ('delete', old.rowid, old.text);
        END;
        """


@migration
def m004_stage_runs() -> str:
    return """
        CREATE TABLE stage_done (
            doc_id TEXT NOT NULL REFERENCES documents(id),
            stage TEXT NOT NULL,
            stage_version TEXT NOT NULL,
            run_id INTEGER REFERENCES runs(id),
            PRIMARY KEY (doc_id, stage)
        );
        """


@migration
def m005_questions() -> str:
    return """
        CREATE TABLE questions (
            id TEXT PRIMARY KEY,            -- q- + hash of the normalized question
            text TEXT NOT NULL,
            target TEXT,                    -- the target phrase stances are taken toward
            created TEXT NOT NULL
        );
        """


@migration
def m006_actors() -> str:
    return """
        CREATE TABLE actors (
            id TEXT PRIMARY KEY,            -- ISO3, organisation code, or person:slug
            kind TEXT NOT NULL,             -- state | org | person
            name TEXT NOT NULL,
            code TEXT NOT NULL,             -- ISO3 or organisation code (nationality of people)
            aliases TEXT,                   -- JSON list of other names
            stage TEXT NOT NULL,
            stage_version TEXT NOT NULL
        );
        CREATE TABLE actor_roles (
            id INTEGER PRIMARY KEY,
            actor_id TEXT NOT NULL,         -- person:slug
            office TEXT NOT NULL,           -- e.g. KOR.president
            code TEXT NOT NULL,             -- the state or organisation of the office
            role TEXT NOT NULL,
            start TEXT NOT NULL,            -- first day in office
            end TEXT,                       -- first day out of office; NULL while in office
            acting INTEGER NOT NULL,
            note TEXT,
            stage TEXT NOT NULL,
            stage_version TEXT NOT NULL
        );
        CREATE INDEX actor_roles_actor ON actor_roles(actor_id);
        CREATE TABLE actor_mentions (
            id TEXT PRIMARY KEY,            -- doc_id:start:end
            doc_id TEXT NOT NULL REFERENCES documents(id),
            sentence_id TEXT NOT NULL,
            start INTEGER NOT NULL,         -- character offsets into documents.text
            end INTEGER NOT NULL,
            text TEXT NOT NULL,
            actor_id TEXT NOT NULL,
            name TEXT NOT NULL,
            code TEXT NOT NULL,
            role TEXT,
            sector TEXT,
            kind TEXT NOT NULL,             -- state | org | person | agent
            how TEXT NOT NULL,              -- name | alias | capital | demonym | role | pronoun | coref
            stage TEXT NOT NULL,
            stage_version TEXT NOT NULL
        );
        CREATE INDEX actor_mentions_doc ON actor_mentions(doc_id);
        CREATE INDEX actor_mentions_actor ON actor_mentions(actor_id);
        CREATE INDEX actor_mentions_sentence ON actor_mentions(sentence_id);
        CREATE VIEW entities AS
            SELECT id, doc_id, sentence_id, start, end, text, label, stage, stage_version
            FROM mentions;
        """


@migration
def m010_events() -> str:
    return """
        CREATE TABLE event_mentions (
            id TEXT PRIMARY KEY,            -- doc_id:sentence index:event index
            doc_id TEXT NOT NULL REFERENCES documents(id),
            sentence_id TEXT,
            sentence TEXT NOT NULL,
            evidence TEXT NOT NULL,
            actor TEXT NOT NULL,            -- JSON list of {"name", "code"}
            target TEXT NOT NULL,           -- JSON list of {"name", "code"}
            actor_codes TEXT NOT NULL,      -- ;-joined sorted codes, for grouping
            target_codes TEXT NOT NULL,
            type TEXT NOT NULL,             -- PLOVER event type
            mode TEXT,
            context TEXT,
            modality TEXT NOT NULL,         -- asserted | hypothetical | planned | negated
            date TEXT,                      -- YYYY-MM-DD, YYYY-MM or YYYY
            date_precision TEXT,            -- day | month | year
            date_how TEXT,                  -- explicit | relative | known_event:<id>
            cameo TEXT,
            goldstein REAL,
            confidence REAL NOT NULL,
            stage TEXT NOT NULL,
            stage_version TEXT NOT NULL
        );
        CREATE INDEX event_mentions_doc ON event_mentions(doc_id);
        CREATE TABLE event_links (
            mention_id TEXT PRIMARY KEY,    -- event_mentions.id
            event_id TEXT NOT NULL,
            stage TEXT NOT NULL,
            stage_version TEXT NOT NULL
        );
        CREATE INDEX event_links_event ON event_links(event_id);
        CREATE TABLE events (
            event_id TEXT PRIMARY KEY,      -- shared by the mentions of one real event
            type TEXT NOT NULL,
            actor_codes TEXT NOT NULL,
            target_codes TEXT NOT NULL,
            date TEXT,
            date_precision TEXT,
            modality TEXT NOT NULL,
            goldstein REAL,
            mentions INTEGER NOT NULL,
            documents INTEGER NOT NULL,
            stage TEXT NOT NULL,
            stage_version TEXT NOT NULL
        );
        CREATE TABLE dyads (
            source_code TEXT NOT NULL,
            target_code TEXT NOT NULL,
            month TEXT NOT NULL,            -- YYYY-MM
            goldstein_sum REAL NOT NULL,
            count INTEGER NOT NULL,
            stage TEXT NOT NULL,
            stage_version TEXT NOT NULL,
            PRIMARY KEY (source_code, target_code, month)
        );
        """


@migration
def m006_stance() -> str:
    return """
        CREATE TABLE claims (
            id TEXT PRIMARY KEY,            -- sentence_id:question_id
            doc_id TEXT NOT NULL REFERENCES documents(id),
            question_id TEXT NOT NULL REFERENCES questions(id),
            sentence_id TEXT NOT NULL REFERENCES sentences(id),
            sentence TEXT NOT NULL,
            position REAL NOT NULL,         -- sentence index / sentences in the document
            stance TEXT NOT NULL,           -- pro | con | neutral
            confidence REAL NOT NULL,
            p_pro REAL NOT NULL,
            p_con REAL NOT NULL,
            p_neutral REAL NOT NULL,
            aspect TEXT NOT NULL,
            is_claim INTEGER NOT NULL,      -- 1: an argued position; 0: bears on it, reported
            stage TEXT NOT NULL,
            stage_version TEXT NOT NULL
        );
        CREATE INDEX claims_doc ON claims(doc_id);
        CREATE INDEX claims_question ON claims(question_id, is_claim, stance);
        CREATE TABLE stances (
            doc_id TEXT NOT NULL REFERENCES documents(id),
            question_id TEXT NOT NULL REFERENCES questions(id),
            stance TEXT NOT NULL,           -- pro | con | neutral | none
            confidence REAL NOT NULL,
            evidence TEXT NOT NULL,         -- JSON list of sentences
            stage TEXT NOT NULL,
            stage_version TEXT NOT NULL,
            PRIMARY KEY (doc_id, question_id)
        );
        CREATE TABLE keypoints (
            id TEXT PRIMARY KEY,
            question_id TEXT NOT NULL REFERENCES questions(id),
            label TEXT NOT NULL,
            side TEXT NOT NULL,             -- pro | con
            aspect TEXT NOT NULL,
            sources TEXT NOT NULL,          -- JSON list of sources making the point
            against TEXT NOT NULL,          -- JSON list of sources taking the other side
            quotes TEXT NOT NULL,           -- JSON list of {"source", "sentence"}, best first
            support INTEGER NOT NULL,       -- number of sources
            score REAL NOT NULL,
            stage TEXT NOT NULL,
            stage_version TEXT NOT NULL
        );
        CREATE TABLE keypoint_claims (
            keypoint_id TEXT NOT NULL REFERENCES keypoints(id),
            claim_id TEXT NOT NULL REFERENCES claims(id),
            question_id TEXT NOT NULL,
            source TEXT NOT NULL,
            sentence TEXT NOT NULL,
            weight REAL NOT NULL,
            stage TEXT NOT NULL,
            stage_version TEXT NOT NULL,
            PRIMARY KEY (keypoint_id, claim_id)
        );
        """


@migration
def m011_event_anchors() -> str:
    return """
        CREATE TABLE corpus_events (
            id TEXT PRIMARY KEY,            -- ce-<hash of place and date>
            place TEXT NOT NULL,            -- lower case: "gyeongju"
            date TEXT NOT NULL,             -- YYYY-MM-DD or YYYY-MM
            date_precision TEXT NOT NULL,
            doc_id TEXT NOT NULL,           -- the document that dates it
            evidence TEXT NOT NULL,
            stage TEXT NOT NULL,
            stage_version TEXT NOT NULL
        );
        CREATE TABLE event_dates (
            mention_id TEXT PRIMARY KEY,    -- event_mentions.id dated by a corpus event
            date TEXT NOT NULL,
            date_precision TEXT NOT NULL,
            date_how TEXT NOT NULL,         -- corpus_event:<id>
            stage TEXT NOT NULL,
            stage_version TEXT NOT NULL
        );
        """


@migration
def m012_keypoint_cache() -> str:
    return """
        CREATE TABLE keypoint_cache (
            key TEXT PRIMARY KEY,           -- hash of the stance model, the kind and the texts
            kind TEXT NOT NULL,             -- embed | match
            value BLOB NOT NULL,            -- float32 values
            stage TEXT NOT NULL,
            stage_version TEXT NOT NULL
        );
        """

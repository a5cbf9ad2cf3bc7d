"""Datasette metadata shipped by the plugin: table and column descriptions, facets."""

from __future__ import annotations

import copy
from typing import Any

DATABASE = "policylens"

TABLES: dict[str, dict[str, Any]] = {
    "documents": {
        "description": "One row per article: clean text and metadata; the id hashes the text.",
        "facets": ["kind", "outlet", "date_how"],
        "columns": {
            "published": "ISO date when known; otherwise see published_earliest/latest",
            "date_how": "How the date was obtained: stated, page or inferred",
            "date_evidence": "The text the date was read or inferred from",
            "kind": "news, opinion, analysis or unknown",
            "text": "The clean text: page furniture removed",
        },
    },
    "sources": {
        "description": "Every input and what became of it (ok, duplicate, skipped, error).",
        "facets": ["status"],
        "columns": {"reason": "Why an input was not analysed, and how to fix it"},
    },
    "sentences": {
        "description": "Sentences of each document with character offsets into its text.",
        "columns": {"id": "doc_id:index", "start": "Offset of the first character",
                    "end": "Offset after the last character"},
    },
    "mentions": {"description": "Named entities found by spaCy.", "facets": ["label"]},
    "questions": {"description": "The questions stances are taken toward."},
    "runs": {"description": "Every run: command, settings, versions, counts and timings.",
             "facets": ["command", "status"]},
    "event_mentions": {
        "description": "PLOVER events, one row per mention in a sentence.",
        "facets": ["type", "modality", "date_precision", "date_how"],
        "columns": {"modality": "asserted, hypothetical, planned or negated",
                    "goldstein": "Goldstein score of the nearest CAMEO code (-10 conflict "
                                 "to +10 cooperation)",
                    "event_id": "Shared by the mentions of one real-world event"},
    },
    "event_links": {"description": "Which real-world event each event mention reports."},
    "events": {"description": "Real-world events, each reported by one or more mentions.",
               "facets": ["type", "modality"]},
    "dyads": {"description": "Monthly sum and count of Goldstein scores per actor pair "
                             "(asserted events only)."},
    "actors": {"description": "Canonical actors: states (ISO3), organisations, people.",
               "facets": ["kind"]},
    "actor_roles": {"description": "Dated roles of people (office, start, end)."},
    "actor_mentions": {"description": "Where each actor is mentioned, with span and role."},
    "claims": {"description": "Sentences that argue a position on a question.",
               "facets": ["stance", "aspect"]},
    "stances": {"description": "Stance of each document toward each question.",
                "facets": ["stance", "question_id"]},
    "keypoints": {"description": "Claims clustered across sources into key points.",
                  "facets": ["side", "aspect"]},
}


def metadata(database: str = DATABASE) -> dict[str, Any]:
    return {
        "title": "policylens",
        "description_html": "Cited, structured knowledge from foreign-policy news and "
                            'commentary. Start at the <a href="/-/policylens">question '
                            "dashboard</a>.",
        "databases": {database: {"tables": copy.deepcopy(TABLES)}},
    }

"""Resolving what other stages cite (doc ids, file names, sentence ids, quote text)
to a document and, where possible, the sentence it came from."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any

from .base import fetch, table_exists

DOC_FIELDS = ("id, source, url, title, author, outlet, published, published_earliest, "
              "published_latest, date_how, date_evidence, kind")


@dataclass
class Quote:
    """A sentence cited as evidence; ``idx`` is None when it cannot be located."""

    doc_id: str | None
    text: str
    idx: int | None = None


@dataclass
class Corpus:
    """The documents of a project, findable by id, input name or URL."""

    db: sqlite3.Connection
    docs: dict[str, dict[str, Any]] = field(default_factory=dict)
    _alias: dict[str, str] = field(default_factory=dict)
    _sentences: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    @classmethod
    def load(cls, db: sqlite3.Connection) -> "Corpus":
        corpus = cls(db)
        rows = fetch(db, f"SELECT {DOC_FIELDS} FROM documents "
                         "ORDER BY coalesce(published, published_earliest), source, id")
        for row in rows:
            row["label"] = row["title"] or row["source"]
            corpus.docs[row["id"]] = row
            for key in (row["id"], row["source"], row["url"]):
                if key:
                    corpus._alias.setdefault(str(key), row["id"])
        if table_exists(db, "sources"):  # every input of a duplicate names its document
            for r in fetch(db, "SELECT key, source, doc_id FROM sources WHERE doc_id IS NOT NULL"):
                for key in (r["key"], r["source"]):
                    corpus._alias.setdefault(str(key), r["doc_id"])
        return corpus

    def doc_id(self, ref: Any) -> str | None:
        return self._alias.get(str(ref)) if ref is not None else None

    def sentences(self, doc_id: str) -> list[dict[str, Any]]:
        if doc_id not in self._sentences:
            self._sentences[doc_id] = fetch(
                self.db, "SELECT id, idx, start, end, text FROM sentences "
                         "WHERE doc_id = ? ORDER BY idx", (doc_id,))
        return self._sentences[doc_id]

    def sentence_by_id(self, sentence_id: str) -> Quote | None:
        doc_ref, _, idx = str(sentence_id).rpartition(":")
        doc_id = self.doc_id(doc_ref)
        if doc_id is None or not idx.isdigit():
            return None
        for s in self.sentences(doc_id):
            if s["idx"] == int(idx):
                return Quote(doc_id, s["text"], s["idx"])
        return None

    def locate(self, doc_id: str | None, text: str) -> Quote:
        """The sentence of ``doc_id`` that is, or contains, ``text``."""
        needle = " ".join(text.split())
        if doc_id and needle:
            for s in self.sentences(doc_id):
                hay = " ".join(s["text"].split())
                if hay == needle or needle in hay or (len(hay) > 20 and hay in needle):
                    return Quote(doc_id, text, s["idx"])
        return Quote(doc_id, text)

    def quote(self, item: Any, doc_id: str | None = None) -> Quote | None:
        """A quote from a dict ({source|doc_id, sentence|text|quote, sentence_id}),
        a sentence id, or bare text."""
        if isinstance(item, dict):
            doc_id = self.doc_id(item.get("doc_id") or item.get("source") or item.get("doc")) \
                or doc_id
            sid = item.get("sentence_id")
            found = self.sentence_by_id(sid) if sid else None
            if found:
                return found
            text = item.get("sentence") or item.get("text") or item.get("quote") or ""
            return self.locate(doc_id, str(text)) if text else None
        if item is None or item == "":
            return None
        return self.sentence_by_id(str(item)) or self.locate(doc_id, str(item))

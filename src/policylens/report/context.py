"""What every report section (and web page) renders from: the store, links, templates."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any
from urllib.parse import quote as urlquote, urlencode, urlsplit

from jinja2 import ChoiceLoader, Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from ..present.actors import Actor, load_actors
from ..present.base import short_id
from ..present.events import DyadPoint, Event, load_dyads, load_events
from ..present.questions import QuestionView, question_views
from ..present.refs import Corpus, Quote


class ReportLinks:
    """Links inside the one report file: anchors; remembers each quote cited."""

    web = False

    def __init__(self) -> None:
        self.cited: dict[str, set[int]] = {}

    def doc(self, doc_id: str) -> str:
        return f"#doc-{short_id(doc_id)}"

    def quote(self, q: Quote) -> str:
        if q.doc_id is None:
            return "#evidence"
        if q.idx is None:
            return self.doc(q.doc_id)
        self.cited.setdefault(q.doc_id, set()).add(q.idx)
        return f"#doc-{short_id(q.doc_id)}-s{q.idx}"

    def actor(self, code: str) -> str:
        return f"#actor-{urlquote(str(code), safe='')}"

    def timeline(self, **filters: str) -> str:
        return "#timeline"


class WebLinks(ReportLinks):
    """Links between the pages of the policylens Datasette plugin."""

    web = True

    def __init__(self, base: str = "/-/policylens") -> None:
        super().__init__()
        self.base = base

    def doc(self, doc_id: str) -> str:
        return f"{self.base}/doc/{urlquote(doc_id, safe='')}"

    def quote(self, q: Quote) -> str:
        if q.doc_id is None:
            return self.base
        return self.doc(q.doc_id) + (f"#s{q.idx}" if q.idx is not None else "")

    def actor(self, code: str) -> str:
        return f"{self.base}/actor/{urlquote(str(code), safe='')}"

    def timeline(self, **filters: str) -> str:
        query = urlencode({k: v for k, v in filters.items() if v})
        return f"{self.base}/timeline" + (f"?{query}" if query else "")


def safe_url(url: Any) -> str | None:
    """Only http(s) URLs become links: never javascript:, data: or the like."""
    text = str(url or "").strip()
    return text if urlsplit(text).scheme.lower() in ("http", "https") else None


def make_env() -> Environment:
    # The web pages reuse the report's templates and add their own.
    loader = ChoiceLoader([PackageLoader("policylens.report", "templates"),
                           PackageLoader("policylens.web", "templates")])
    env = Environment(loader=loader,
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["safe_url"] = safe_url
    env.filters["short_id"] = short_id
    env.filters["urlq"] = lambda v: urlquote(str(v), safe="")
    env.filters["pct"] = lambda v: "" if v is None else f"{float(v):.0%}"
    return env


@dataclass
class ReportContext:
    db: sqlite3.Connection
    links: ReportLinks = field(default_factory=ReportLinks)
    env: Environment = field(default_factory=make_env)

    @cached_property
    def corpus(self) -> Corpus:
        return Corpus.load(self.db)

    @cached_property
    def questions(self) -> list[QuestionView]:
        return question_views(self.db, self.corpus)

    @cached_property
    def events(self) -> list[Event] | None:
        return load_events(self.db, self.corpus)

    @cached_property
    def dyads(self) -> list[DyadPoint] | None:
        return load_dyads(self.db)

    @cached_property
    def actors(self) -> list[Actor] | None:
        return load_actors(self.db)

    def render(self, template: str, **values: Any) -> Markup:
        page = self.env.get_template(template)
        return Markup(page.render(links=self.links, ctx=self, **values))

"""The plugin's pages: dashboard, timeline, actors, actor, document.

Each page builds its body with the report's sections and templates (one source of
truth, autoescaped) inside one of Datasette's read-only connections.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable
from urllib.parse import unquote

from datasette.utils.asgi import NotFound, Response
from jinja2 import Environment
from markupsafe import Markup

from ..present.actors import load_actors
from ..present.document import claim_marks, paragraphs
from ..present.events import EventFilter
from ..present.keypoints import keypoint_matrix
from ..present.refs import Quote
from ..report.charts import DRAW_SCRIPT, plotly_js
from ..report.context import ReportContext, WebLinks, make_env
from ..report.build import stylesheet
from ..report.sections import actors, dyads, keypoints, questions, sources, timeline
from .metadata import DATABASE

BASE = "/-/policylens"


@lru_cache(maxsize=1)
def env() -> Environment:
    return make_env()


@dataclass
class Page:
    title: str
    body: Markup
    charts: bool = False


def context(conn: sqlite3.Connection) -> ReportContext:
    return ReportContext(conn, links=WebLinks(BASE), env=env())


async def _respond(datasette: Any, request: Any, build: Callable[[sqlite3.Connection], Page]) -> Response:
    page = await datasette.get_database(DATABASE).execute_fn(build)
    html = await datasette.render_template(
        "policylens_page.html",
        {"title": page.title, "body": page.body, "charts": page.charts, "base": BASE,
         "database": DATABASE, "draw_script": Markup(DRAW_SCRIPT)},
        request=request)
    return Response.html(html)


def _dashboard(conn: sqlite3.Connection) -> Page:
    ctx = context(conn)
    body = (questions.render(ctx) + Markup("<h2>Key points across sources</h2>")
            + keypoints.render(ctx) + Markup("<h2>Sources</h2>") + sources.render(ctx))
    return Page("Question dashboard", body, charts=True)


async def dashboard(datasette: Any, request: Any) -> Response:
    return await _respond(datasette, request, _dashboard)


async def timeline_page(datasette: Any, request: Any) -> Response:
    args = request.args
    flt = EventFilter(*(args.get(k, "").strip() for k in ("actor", "type", "modality",
                                                           "start", "end")))

    def build(conn: sqlite3.Connection) -> Page:
        ctx = context(conn)
        body = timeline.render(ctx, flt, form=True)
        body += Markup("<h2>Cooperation and conflict between actors</h2>") + dyads.render(
            ctx, actor=flt.actor or None)
        return Page("Timeline of events", body, charts=True)

    return await _respond(datasette, request, build)


async def actors_page(datasette: Any, request: Any) -> Response:
    return await _respond(datasette, request,
                          lambda conn: Page("Actors", actors.render(context(conn))))


async def actor_page(datasette: Any, request: Any) -> Response:
    code = unquote(request.url_vars["code"])

    def build(conn: sqlite3.Connection) -> Page:
        ctx = context(conn)
        actor = next((a for a in load_actors(conn, all_roles=True, mentioned_only=False) or [] if a.code == code),
                     None)
        if actor is None and not any(e.involves(code) for e in ctx.events or []):
            raise NotFound(f"No actor {code!r} in this project")
        body = ctx.render("policylens_actor.html", actor=actor, code=code)
        aliases = (actor.name,) if actor else ()
        for side, title in (("source", "Events it took part in as source"),
                            ("target", "Events it was the target of")):
            body += Markup("<h2>{}</h2>").format(title) + timeline.render(
                ctx, EventFilter(actor=code, aliases=aliases, side=side))
        body += Markup("<h2>Dyads</h2>") + dyads.render(ctx, actor=code)
        return Page(actor.name if actor else code, body, charts=True)

    return await _respond(datasette, request, build)


async def document_page(datasette: Any, request: Any) -> Response:
    doc_id = unquote(request.url_vars["doc_id"])

    def build(conn: sqlite3.Connection) -> Page:
        ctx = context(conn)
        doc = ctx.corpus.docs.get(doc_id)
        if doc is None:
            raise NotFound(f"No document {doc_id!r} in this project")
        stances = [(v, next((s for s in v.stances or [] if s.doc["id"] == doc_id), None))
                   for v in ctx.questions]
        body = ctx.render("policylens_document.html", doc=doc, stances=stances,
                          paragraphs=paragraphs(conn, ctx.corpus, doc_id, ctx.events,
                                                _stance_marks(ctx, doc_id)))
        return Page(doc["label"], body)

    return await _respond(datasette, request, build)


def _stance_marks(ctx: ReportContext, doc_id: str) -> list[tuple[Quote, str]]:
    """Sentences carrying a stance: claims, document-stance evidence, key-point quotes."""
    marks = [(q, s.stance) for v in ctx.questions for s in v.stances or [] for q in s.evidence]
    marks += claim_marks(ctx.db, ctx.corpus, doc_id)
    for v in ctx.questions:
        matrix = keypoint_matrix(ctx.db, ctx.corpus, v.id)
        for _, side, points in matrix.groups if matrix else []:
            marks += [(q, side) for p in points for q in p.quotes.values()]
    return marks


async def plotly_bundle(request: Any) -> Response:
    return Response(plotly_js(), content_type="application/javascript; charset=utf-8",
                    headers={"cache-control": "max-age=86400"})


async def style(request: Any) -> Response:
    return Response(stylesheet(), content_type="text/css; charset=utf-8")


ROUTES = [
    (rf"^{BASE}$", dashboard),
    (rf"^{BASE}/timeline$", timeline_page),
    (rf"^{BASE}/actors$", actors_page),
    (rf"^{BASE}/actor/(?P<code>[^/]+)$", actor_page),
    (rf"^{BASE}/doc/(?P<doc_id>[^/]+)$", document_page),
    (rf"^{BASE}/plotly\.js$", plotly_bundle),
    (rf"^{BASE}/style\.css$", style),
]

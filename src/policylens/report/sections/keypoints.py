"""The key-point matrix: key points by aspect and side × sources, cells = quotes."""

from __future__ import annotations

from markupsafe import Markup

from ...present.keypoints import keypoint_matrix
from ..context import ReportContext
from ..registry import ReportSection


def render(ctx: ReportContext) -> Markup:
    matrices = [(v, keypoint_matrix(ctx.db, ctx.corpus, v.id)) for v in ctx.questions]
    return ctx.render("sections/keypoints.html", matrices=matrices)


SECTION = ReportSection("keypoints", "Key points across sources", 20, render)

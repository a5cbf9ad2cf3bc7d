"""Plotly charts as inert JSON islands; one small script draws them all.

Figures travel as ``<script type="application/json">`` (with <, > and & escaped),
never as code built from article text, so nothing from an article can run.
"""

from __future__ import annotations

import html
from functools import lru_cache
from itertools import count

import plotly.graph_objects as go
from markupsafe import Markup

from ..present.events import DyadPoint, Event, FACTUAL
from ..present.questions import STANCES, QuestionView

COLORS = {"pro": "#2b7bba", "con": "#d95f02", "neutral": "#9e9e9e", "none": "#e0e0e0"}
LAYOUT = dict(template="plotly_white", margin=dict(l=10, r=10, t=30, b=10), height=320,
              legend=dict(orientation="h", y=-0.2), font=dict(size=12))
_ids = count(1)

DRAW_SCRIPT = """
document.querySelectorAll('script[type="application/json"][data-chart]').forEach(function (s) {
  var el = document.getElementById(s.dataset.chart), fig = JSON.parse(s.textContent);
  if (window.Plotly && el) Plotly.newPlot(el, fig.data, fig.layout,
    {displaylogo: false, responsive: true});
});
"""


@lru_cache(maxsize=1)
def plotly_js() -> str:
    """The plotly.js bundle shipped inside the plotly package: no CDN, works offline."""
    from plotly.offline import get_plotlyjs

    return get_plotlyjs()


def _label(text: object, limit: int = 120) -> str:
    """Article text for hover labels: shortened and escaped (plotly reads a little HTML)."""
    s = " ".join(str(text or "").split())
    return html.escape(s if len(s) <= limit else s[: limit - 1] + "…")


def embed(fig: go.Figure, label: str) -> Markup:
    """A chart placeholder and its figure (made with ``layout=LAYOUT``) as escaped JSON."""
    chart_id = f"chart-{next(_ids)}"
    data = fig.to_json().replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup('<div class="chart" id="{0}" role="img" aria-label="{1}"></div>'
                  '<script type="application/json" data-chart="{0}">').format(chart_id, label) \
        + Markup(data) + Markup("</script>")


def stance_balance(view: QuestionView) -> Markup:
    """Documents per kind of source, stacked by stance."""
    kinds = sorted({s.doc["kind"] or "unknown" for s in view.stances or []})
    fig = go.Figure(layout=LAYOUT)
    for stance in STANCES:
        counts = [sum(1 for s in view.stances or [] if s.stance == stance
                      and (s.doc["kind"] or "unknown") == k) for k in kinds]
        fig.add_trace(go.Bar(y=kinds, x=counts, name=stance, orientation="h",
                             marker_color=COLORS[stance]))
    fig.update_layout(barmode="stack", height=120 + 40 * len(kinds),
                      xaxis_title="documents", title="Stance by kind of source")
    return embed(fig, "Stance of the sources by kind")


def _plot_date(date: str) -> str:
    """A date of any precision as a day plotly can place: '2023' -> '2023-01-01'."""
    return (date + "-01-01"[len(date) - 4:]) if len(date) < 10 else date[:10]


def timeline(events: list[Event]) -> Markup:
    """Dated asserted events: x = date, y = dyad, colour = event type; open markers for
    dates known only to the month or year (placed at its start)."""
    fig = go.Figure(layout=LAYOUT)
    dated = [e for e in events if e.date and e.modality == FACTUAL]
    for etype in sorted({e.type for e in dated}):
        mine = [e for e in dated if e.type == etype]
        fig.add_trace(go.Scatter(
            x=[_plot_date(e.date or "") for e in mine], y=[e.dyad for e in mine],
            mode="markers", name=etype,
            marker=dict(size=11, symbol=["circle" if len(e.date or "") >= 10 else "circle-open"
                                         for e in mine], line=dict(width=2)),
            hovertext=[_label(f"{e.date} {e.type}: " + (e.quotes[0].text if e.quotes else ""))
                       for e in mine], hoverinfo="text"))
    rows = len({e.dyad for e in dated})
    fig.update_layout(height=max(260, 90 + 24 * rows), title="Asserted events by dyad",
                      xaxis=dict(type="date"), yaxis=dict(automargin=True, type="category"))
    return embed(fig, "Timeline of asserted events by dyad")


def dyad_lines(points: list[DyadPoint], pairs: list[tuple[str, str]]) -> Markup:
    """Monthly sum of Goldstein scores per pair: above 0 cooperation, below conflict."""
    fig = go.Figure(layout=LAYOUT)
    for src, tgt in pairs:
        mine = [p for p in points if (p.source, p.target) == (src, tgt)]
        fig.add_trace(go.Scatter(
            x=[p.month for p in mine], y=[p.goldstein_sum for p in mine], mode="lines+markers",
            name=_label(f"{src} → {tgt}", 40),
            hovertext=[f"{p.month}: {p.goldstein_sum:+.1f} over {p.count} events" for p in mine],
            hoverinfo="text"))
    fig.add_hline(y=0, line_color="#888", line_width=1)
    fig.update_layout(title="Cooperation (+) and conflict (−) per month",
                      yaxis_title="sum of Goldstein scores", xaxis=dict(type="date"))
    return embed(fig, "Dyad cooperation and conflict over time")

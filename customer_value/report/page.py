"""HTML assembly: number formats, figures with captions, tables, key-figure cards and the page shell.

Everything is inline (CSS, the Plotly library once per page, each chart's data); the page loads nothing
from anywhere.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

import pandas as pd
import plotly.graph_objects as go
from plotly.offline import get_plotlyjs

from customer_value.report.charts import chart_html

CSS = """
:root { --ink:#1f2933; --muted:#616e7c; --line:#e4e7eb; --accent:#0072B2; --soft:#f5f7fa; }
* { box-sizing: border-box; }
body { margin:0; color:var(--ink); background:#fff; line-height:1.5;
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; }
header { background:linear-gradient(135deg,#0b3d66,#0072B2); color:#fff; padding:28px 0 22px; }
header p { margin:4px 0 0; opacity:.9; }
.wrap { max-width:1120px; margin:0 auto; padding:0 24px; }
h1 { margin:0; font-size:28px; }
h2 { margin:40px 0 6px; font-size:22px; border-bottom:2px solid var(--line); padding-bottom:6px; }
h3 { margin:26px 0 6px; font-size:17px; }
nav { background:var(--soft); border-bottom:1px solid var(--line); padding:10px 0; font-size:14px; }
nav .wrap { display:flex; flex-wrap:wrap; gap:4px 18px; }
nav a { color:var(--accent); text-decoration:none; white-space:nowrap; }
.lead { font-size:16px; max-width:860px; }
.cards { display:grid; grid-template-columns:repeat(auto-fit,minmax(150px,1fr)); gap:12px; margin:18px 0; }
.card { background:var(--soft); border:1px solid var(--line); border-radius:8px; padding:12px 14px; }
.card b { display:block; font-size:24px; color:var(--accent); }
.card span { font-size:13px; color:var(--muted); }
figure { margin:14px 0 22px; }
figure .js-plotly-plot, figure .plotly-graph-div { width:100%; }
figcaption { font-size:14px; color:var(--muted); max-width:760px; margin-top:4px; }
.grid { display:grid; grid-template-columns:repeat(auto-fit,minmax(330px,1fr)); gap:8px 22px; }
.grid figure { margin:8px 0 14px; min-width:0; }
.grid.two { grid-template-columns:repeat(auto-fit,minmax(420px,1fr)); }
table { border-collapse:collapse; font-size:14px; margin:10px 0 18px; width:100%; }
th, td { padding:6px 8px; border-bottom:1px solid var(--line); text-align:left; vertical-align:top; }
th { background:var(--soft); font-weight:600; }
td.n, th.n { text-align:right; font-variant-numeric:tabular-nums; }
td.n { white-space:nowrap; }
.table-wrap { overflow-x:auto; }
tr.best td { font-weight:600; background:#eef6fc; }
.swatch { display:inline-block; width:10px; height:10px; border-radius:2px; margin-right:6px; }
.notice { background:#fff8e6; border-left:4px solid #E69F00; padding:10px 14px; margin:12px 0; }
.caveat { background:var(--soft); border-left:4px solid var(--muted); padding:10px 14px; margin:12px 0; }
details { margin:6px 0 18px; } summary { cursor:pointer; color:var(--accent); }
code { font-size:13px; background:var(--soft); padding:1px 4px; border-radius:3px; }
footer { margin:48px 0 30px; padding-top:12px; border-top:1px solid var(--line); font-size:13px; color:var(--muted); }
"""


# Each chart is drawn while the page is parsed, when a grid cell may still span the whole row: once the
# page is laid out, fit every chart to its cell.
# body[data-charts=ready] says when every chart has its final size (the browser test waits for it).
RESIZE_WHEN_LAID_OUT = (
    "window.addEventListener('load', function () {"
    " var charts = Array.prototype.slice.call(document.querySelectorAll('.js-plotly-plot'));"
    " Promise.all(charts.map(function (el) { return Plotly.Plots.resize(el); }))"
    ".then(function () { document.body.dataset.charts = 'ready'; }); });"
)


@dataclass(frozen=True)
class Section:
    """One titled part of a report; `intro` and `body` are HTML."""

    anchor: str
    title: str
    intro: str
    body: str


def fmt_int(value: float) -> str:
    return "–" if _missing(value) else f"{value:,.0f}"


def fmt_pct(value: float, digits: int = 1) -> str:
    return "–" if _missing(value) else f"{value * 100:.{digits}f}%"


def fmt_num(value: float, digits: int = 2) -> str:
    return "–" if _missing(value) else f"{value:,.{digits}f}"


def fmt_money(value: float) -> str:
    return "–" if _missing(value) else f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.2f}"


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA


def para(content: str, class_: str | None = None) -> str:
    """A paragraph of already-safe HTML."""
    return f'<p class="{class_}">{content}</p>' if class_ else f"<p>{content}</p>"


def figure(chart: go.Figure, caption: str) -> str:
    """A chart with its one-sentence caption (plain text)."""
    return f"<figure>{chart_html(chart, caption)}<figcaption>{escape(caption)}</figcaption></figure>"


def grid(items: Sequence[str], columns: int = 3) -> str:
    """Figures side by side (up to 3, or 2 wider ones), wrapping on narrow screens."""
    return f'<div class="grid{" two" if columns == 2 else ""}">{"".join(items)}</div>'


def cards(items: Sequence[tuple[str, str]]) -> str:
    """Key figures: (big value, short explanation)."""
    body = "".join(f'<div class="card"><b>{escape(v)}</b><span>{escape(label)}</span></div>' for v, label in items)
    return f'<div class="cards">{body}</div>'


def table(frame: pd.DataFrame, headers: dict[str, str], formats: dict[str, Callable[[object], str]] | None = None,
          highlight: Sequence[bool] | None = None, swatches: dict[str, str] | None = None) -> str:
    """An HTML table of the `headers` columns (renamed); numbers right-aligned, chosen rows highlighted.

    `swatches` maps a value of the first column to a colour shown before it (matching the charts).
    """
    formats, swatches = formats or {}, swatches or {}
    numeric = {c for c in headers if c in formats or pd.api.types.is_numeric_dtype(frame[c])}
    head = "".join(f'<th class="n">{escape(h)}</th>' if c in numeric else f"<th>{escape(h)}</th>"
                   for c, h in headers.items())
    rows = []
    first = next(iter(headers))
    for index, (_, record) in enumerate(frame.iterrows()):
        cells = []
        for column in headers:
            value = record[column]
            shown = escape(formats[column](value) if column in formats else ("–" if _missing(value) else str(value)))
            if column == first and str(value) in swatches:
                shown = f'<span class="swatch" style="background:{swatches[str(value)]}"></span>{shown}'
            cells.append(f'<td class="n">{shown}</td>' if column in numeric else f"<td>{shown}</td>")
        marked = ' class="best"' if highlight is not None and highlight[index] else ""
        rows.append(f"<tr{marked}>{''.join(cells)}</tr>")
    return (f'<div class="table-wrap"><table><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></div>")


def section_html(section: Section) -> str:
    return (f'<section id="{escape(section.anchor)}"><h2>{escape(section.title)}</h2>'
            f"{section.intro}{section.body}</section>")


def page(title: str, subtitle: str, summary: str, sections: Sequence[Section], footer: str) -> str:
    """The whole self-contained document."""
    nav = "".join(f'<a href="#{escape(s.anchor)}">{escape(s.title)}</a>' for s in sections)
    body = "".join(section_html(s) for s in sections)
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<link rel="icon" href="data:,">'
        f"<title>{escape(title)}</title><style>{CSS}</style>"
        f'<script type="text/javascript">{get_plotlyjs()}</script></head><body>'
        f'<header><div class="wrap"><h1>{escape(title)}</h1><p>{escape(subtitle)}</p></div></header>'
        f'<nav><div class="wrap">{nav}</div></nav>'
        f'<main class="wrap">{summary}{body}<footer>{footer}</footer></main>'
        f"<script>{RESIZE_WHEN_LAID_OUT}</script></body></html>\n"
    )

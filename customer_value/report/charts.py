"""The report's chart types as Plotly figures: bars, lines, heat maps, box plots, histograms, scatters.

Charts take the width of the figure they sit in (Plotly autosize); callers choose heights only.

Every function returns a `plotly.graph_objects.Figure`; `chart_html` renders one into the page (the
Plotly library itself is embedded once per page by `page.page`, so the file stays offline).
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go

from customer_value.report.colors import DIVERGING, FONT, GRID, INK, MUTED, SEQUENTIAL
from customer_value.report.stats import BoxStats
from customer_value.report.ticks import fmt_tick, nice_domain, nice_ticks

Formatter = Callable[[float], str]
CONFIG = {"displaylogo": False, "responsive": True, "modeBarButtonsToRemove": ["select2d", "lasso2d"]}
DASHES = {"2 4": "dot", "4 4": "dash"}


@dataclass(frozen=True)
class Bars:
    """One series of a bar chart: a value per category, one colour or one per bar, optional value labels."""

    name: str
    values: Sequence[float]
    color: str | Sequence[str]
    labels: Sequence[str] | None = None


@dataclass(frozen=True)
class Line:
    """One series of a line chart; `dash` "2 4" is dotted, any other dash dashed."""

    name: str
    x: Sequence[float]
    y: Sequence[float]
    color: str
    dash: str | None = None
    markers: bool = False


@dataclass(frozen=True)
class Mark:
    """A highlighted point with a label (e.g. the chosen k)."""

    x: float
    y: float
    label: str
    color: str = "#D55E00"


@dataclass(frozen=True)
class Grid:
    """Heat-map input: values[row][col] colour the cells, cell_text[row][col] is written in them."""

    rows: Sequence[str]
    cols: Sequence[str]
    values: np.ndarray
    cell_text: Sequence[Sequence[str]]
    diverging: bool = False


def chart_html(chart: go.Figure, caption: str = "") -> str:
    """The figure as a <div> and the script that draws it; the id is derived from the content (stable)."""
    digest = hashlib.md5((chart.to_json() + caption).encode("utf-8")).hexdigest()[:12]
    return chart.to_html(full_html=False, include_plotlyjs=False, div_id=f"chart-{digest}", config=CONFIG)


def _layout(chart: go.Figure, title: str, height: float, x_label: str = "", y_label: str = "",
            legend: bool = False) -> go.Figure:
    chart.update_layout(
        title={"text": title, "font": {"size": 14}, "x": 0, "xanchor": "left"},
        height=int(height), autosize=True, template="plotly_white", font={"family": FONT, "color": INK, "size": 12},
        margin={"l": 10, "r": 20, "t": 70 if legend else 40, "b": 10}, showlegend=legend,
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0, "font": {"size": 11}},
        hoverlabel={"font": {"family": FONT}},
    )
    chart.update_xaxes(title_text=x_label, gridcolor=GRID, zeroline=False, automargin=True)
    chart.update_yaxes(title_text=y_label, gridcolor=GRID, zeroline=False, automargin=True)
    return chart


def _finite(value: float | None) -> bool:
    return value is not None and math.isfinite(value)


def _formatted_axis(values: Sequence[float], fmt: Formatter) -> dict:
    """Tick values and labels written by `fmt` over a round domain that holds every value and zero."""
    finite = [v for v in values if _finite(v)]
    lo, hi = nice_domain(min(0.0, *finite), max(0.0, *finite)) if finite else (0.0, 1.0)
    ticks = nice_ticks(lo, hi)
    return {"range": [lo, hi + (hi - lo) * 0.12], "tickvals": ticks, "ticktext": [fmt(v) for v in ticks]}


def hbar_chart(categories: Sequence[str], series: Sequence[Bars], axis_label: str, title: str,
               fmt: Formatter = fmt_tick) -> go.Figure:
    """Horizontal bars, one group per category (first on top), one bar per series, value labels at the ends."""
    chart = go.Figure()
    for item in series:
        values = [v if _finite(v) else None for v in item.values]
        labels = list(item.labels) if item.labels else [fmt(v) if v is not None else "" for v in values]
        chart.add_trace(go.Bar(
            y=list(categories), x=values, name=item.name, orientation="h", marker_color=item.color,
            text=labels, textposition="outside", cliponaxis=False, textfont={"size": 11, "color": MUTED},
            hovertemplate=f"{item.name}<br>%{{y}}: %{{text}}<extra></extra>"))
    height = 90 + len(categories) * (18 * len(series) + 14) + (30 if len(series) > 1 else 0)
    _layout(chart, title, height, axis_label, legend=len(series) > 1)
    chart.update_layout(barmode="group", bargap=0.25)
    chart.update_xaxes(**_formatted_axis([v for s in series for v in s.values], fmt))
    chart.update_yaxes(autorange="reversed", type="category")
    chart.add_vline(x=0, line_color=INK, line_width=1)
    return chart


def line_chart(lines: Sequence[Line], x_label: str, y_label: str, title: str,
               x_domain: tuple[float, float] | None = None, y_domain: tuple[float, float] | None = None,
               marks: Sequence[Mark] = (), diagonal: bool = False, height: float = 320) -> go.Figure:
    """Lines over a shared x axis (missing points dropped), an optional y = x line and highlighted points."""
    chart = go.Figure()
    for line in lines:
        kept = [(x, y) for x, y in zip(line.x, line.y) if _finite(x) and _finite(y)]
        chart.add_trace(go.Scatter(
            x=[x for x, _ in kept], y=[y for _, y in kept], name=line.name,
            mode="lines+markers" if line.markers else "lines",
            line={"color": line.color, "width": 2, "dash": DASHES.get(line.dash, "dash") if line.dash else "solid"}))
    if diagonal:
        lo, hi = x_domain or (0.0, 1.0)
        chart.add_shape(type="line", x0=lo, y0=lo, x1=hi, y1=hi, line={"color": MUTED, "dash": "dash", "width": 1})
    for mark in marks:
        chart.add_vline(x=mark.x, line_color=mark.color, line_dash="dot", line_width=1)
        chart.add_trace(go.Scatter(x=[mark.x], y=[mark.y], mode="markers+text", text=[mark.label],
                                   textposition="top right", showlegend=False, hoverinfo="skip",
                                   textfont={"color": mark.color, "size": 11},
                                   marker={"size": 14, "color": "rgba(0,0,0,0)",
                                           "line": {"color": mark.color, "width": 2}}))
    _layout(chart, title, height + 40, x_label, y_label, legend=True)
    if x_domain:
        chart.update_xaxes(range=list(x_domain))
    if y_domain:
        chart.update_yaxes(range=list(y_domain))
    return chart


def _colorscale(stops: Sequence[str]) -> list[list]:
    return [[index / (len(stops) - 1), color] for index, color in enumerate(stops)]


def heatmap(grid: Grid, x_label: str, y_label: str, title: str, cell_height: float = 46) -> go.Figure:
    """Coloured cells with their values written inside (first row on top); labels may hold a second line
    after '\\n'. Diverging grids are centred on zero."""
    values = np.where(np.isfinite(grid.values), grid.values, np.nan)
    rows, cols = [str(r) for r in grid.rows], [c.replace("\n", "<br>") for c in grid.cols]
    text = [[cell.replace("\n", "<br>") for cell in row] for row in grid.cell_text]
    finite = values[np.isfinite(values)]
    bound = float(np.abs(finite).max()) if finite.size else 1.0
    scale = {"colorscale": _colorscale(DIVERGING), "zmid": 0.0, "zmin": -bound, "zmax": bound} if grid.diverging \
        else {"colorscale": _colorscale(SEQUENTIAL)}
    chart = go.Figure(go.Heatmap(
        z=values.tolist(), x=cols, y=rows, text=text, texttemplate="%{text}", showscale=False, xgap=2, ygap=2,
        hovertemplate=f"{y_label}: %{{y}}<br>{x_label}: %{{x}}<br>%{{text}}<extra></extra>", **scale))
    _layout(chart, title, 110 + cell_height * len(rows), x_label, y_label)
    chart.update_yaxes(autorange="reversed", type="category", showgrid=False)
    chart.update_xaxes(type="category", showgrid=False, side="bottom")
    return chart


def box_chart(categories: Sequence[str], boxes: Sequence[BoxStats], colors: Sequence[str], axis_label: str,
              title: str, log: bool = False) -> go.Figure:
    """Horizontal box plots from precomputed statistics: whiskers 5th-95th percentile, box 25th-75th,
    line = median, dashed line = mean. Categories without customers are left empty."""
    chart = go.Figure()
    for category, box, color in zip(categories, boxes, colors):
        if not box.count:
            continue
        chart.add_trace(go.Box(
            y=[category], q1=[box.q1], median=[box.median], q3=[box.q3], lowerfence=[box.low],
            upperfence=[box.high], mean=[box.mean], orientation="h", name=category, marker_color=color,
            line={"width": 1.5}, boxmean=True, hoverinfo="x"))
    _layout(chart, title, 100 + 40 * len(categories), axis_label)
    chart.update_yaxes(autorange="reversed", type="category", categoryorder="array",
                       categoryarray=list(categories))
    if log:
        chart.update_xaxes(type="log")
    return chart


def histogram_chart(edges: np.ndarray, counts: np.ndarray, colors: Sequence[str], x_label: str, title: str,
                    markers: Sequence[tuple[float, str]] = (), legend_items: Sequence[tuple[str, str]] = (),
                    height: float = 300, edge_format: str = ",.0f") -> go.Figure:
    """Adjacent bars over bin edges, optional labelled vertical markers (e.g. thresholds)."""
    edges = np.asarray(edges, dtype=float)
    chart = go.Figure(go.Bar(
        x=((edges[:-1] + edges[1:]) / 2).tolist(), y=np.asarray(counts).tolist(), width=np.diff(edges).tolist(),
        marker={"color": list(colors), "line": {"width": 0.5, "color": "#ffffff"}}, showlegend=False,
        customdata=np.column_stack([edges[:-1], edges[1:]]).tolist(),
        hovertemplate=f"%{{customdata[0]:{edge_format}}} to %{{customdata[1]:{edge_format}}}: %{{y:,}} customers<extra></extra>"))
    _add_legend_items(chart, legend_items)
    for value, label in markers:
        chart.add_vline(x=value, line_color=INK, line_dash="dash", line_width=1, annotation_text=label,
                        annotation_position="top right", annotation_font={"size": 11, "color": INK})
    _layout(chart, title, height + 40, x_label, "customers", legend=bool(legend_items))
    chart.update_layout(bargap=0)
    return chart


def scatter_chart(x: Sequence[float], y: Sequence[float], colors: Sequence[str], x_label: str, y_label: str,
                  title: str, legend_items: Sequence[tuple[str, str]] = (), y_log: bool = False,
                  height: float = 360) -> go.Figure:
    """One dot per row (callers sample large frames first)."""
    chart = go.Figure(go.Scatter(
        x=list(x), y=list(y), mode="markers", showlegend=False,
        marker={"color": list(colors), "size": 5, "opacity": 0.55},
        hovertemplate=f"{x_label}: %{{x:,}}<br>{y_label}: %{{y:,.2f}}<extra></extra>"))
    _add_legend_items(chart, legend_items)
    _layout(chart, title, height + 40, x_label, y_label, legend=bool(legend_items))
    if y_log:
        chart.update_yaxes(type="log")
    return chart


def _add_legend_items(chart: go.Figure, items: Sequence[tuple[str, str]]) -> None:
    """Legend entries for colours used inside one trace (bars or dots coloured per row)."""
    for name, color in items:
        chart.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=name,
                                   marker={"color": color, "size": 10, "symbol": "square"}))

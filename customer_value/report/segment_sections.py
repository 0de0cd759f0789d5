"""Sections every source shares: segment sizes and actions, R/F/M distributions, the R x F grid, KMeans k."""

from __future__ import annotations

from html import escape

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from customer_value.report.charts import (
    Bars, Grid, Line, Mark, box_chart, hbar_chart, heatmap, line_chart, scatter_chart,
)
from customer_value.report.page import (
    Section, figure, fmt_int, fmt_money, fmt_num, fmt_pct, grid, para, table,
)
from customer_value.report.stats import SCORES, box_stats, rf_grid, rf_scores, sample_rows, score_ranges
from customer_value.report.colors import PALETTE

SCATTER_SAMPLE = 1500
SCATTER_SEED = 42


def segment_colors(profiles: pd.DataFrame) -> dict[str, str]:
    """One colour per segment name, by segment_id (segment 1 = first palette colour)."""
    return {str(name): PALETTE[(int(sid) - 1) % len(PALETTE)]
            for sid, name in zip(profiles["segment_id"], profiles["segment_name"])}


def _pct_axis(value: float) -> str:
    return f"{value * 100:.0f}%"


def segment_size_figures(profiles: pd.DataFrame, colors: dict[str, str]) -> tuple[go.Figure, go.Figure]:
    """Customers per segment, and each segment's share of customers against its share of revenue."""
    names = profiles["segment_name"].astype(str).tolist()
    palette = [colors[n] for n in names]
    counts = hbar_chart(names, [Bars("customers", profiles["customers"].astype(float).tolist(), palette,
                                     [f"{fmt_int(c)} ({fmt_pct(s)})" for c, s in
                                      zip(profiles["customers"], profiles["customer_share"])])],
                        "customers", "Customers per segment")
    shares = hbar_chart(names, [Bars("share of customers", profiles["customer_share"].tolist(), "#9aa5b1",
                                     [fmt_pct(v) for v in profiles["customer_share"]]),
                                Bars("share of revenue", profiles["revenue_share"].tolist(), "#0072B2",
                                     [fmt_pct(v) for v in profiles["revenue_share"]])],
                        "share of all customers / of all revenue", "Share of customers and of revenue per segment",
                        fmt=_pct_axis)
    return counts, shares


def _size_charts(profiles: pd.DataFrame, colors: dict[str, str]) -> str:
    counts, shares = segment_size_figures(profiles, colors)
    top = profiles.iloc[0]
    return grid([
        figure(counts, "How many customers fall in each segment; the label gives the count and the share of all "
                       "customers."),
        figure(shares, f"For each segment, the grey bar is its share of customers and the blue bar its share of "
                       f"revenue: a longer blue bar means the segment spends more than its size suggests (the "
                       f"{top['segment_name']} segment is {fmt_pct(top['customer_share'])} of customers but brings "
                       f"{fmt_pct(top['revenue_share'])} of revenue)."),
    ], columns=2)


def _profile_table(profiles: pd.DataFrame, colors: dict[str, str], order_word: str) -> str:
    headers = {
        "segment_name": "Segment", "customers": "Customers", "customer_share": "Share of customers",
        "revenue_share": "Share of revenue", "mean_recency_days": f"Avg. days since last {order_word}",
        "mean_frequency": f"Avg. {order_word}s", "mean_monetary": "Avg. spend per customer",
    }
    formats = {"customers": fmt_int, "customer_share": fmt_pct, "revenue_share": fmt_pct,
               "mean_recency_days": lambda v: fmt_num(v, 0), "mean_frequency": lambda v: fmt_num(v, 2),
               "mean_monetary": fmt_money}
    return table(profiles, headers, formats, swatches=colors)


def _action_table(profiles: pd.DataFrame, colors: dict[str, str]) -> str:
    headers = {"segment_name": "Segment", "action": "What to do", "action_detail": "How"}
    return table(profiles, headers, swatches=colors)


def segment_overview(profiles: pd.DataFrame, order_word: str = "order") -> Section:
    """Sizes, revenue shares and the recommended action per segment."""
    colors = segment_colors(profiles)
    total = int(profiles["customers"].sum())
    intro = para(
        f"The {fmt_int(total)} customers were grouped into {len(profiles)} segments by how recently they bought, "
        f"how often and how much they spent (KMeans on standardized values). Segment 1 is always the one with the "
        f"highest average spend; names come from a fixed rule on the averages, and each segment gets one "
        f"recommended action.", "lead")
    body = (_size_charts(profiles, colors) + "<h3>Segment profiles</h3>" + _profile_table(profiles, colors, order_word)
            + "<h3>What to do for each segment</h3>" + _action_table(profiles, colors))
    return Section("segments", "Segments: how big they are and what to do", intro, body)


def _boxes(segments: pd.DataFrame, profiles: pd.DataFrame, column: str) -> list:
    return [box_stats(segments.loc[segments["segment_id"] == sid, column]) for sid in profiles["segment_id"]]


def segment_distributions(segments: pd.DataFrame, profiles: pd.DataFrame, order_word: str = "order") -> Section:
    """Box plots of recency, frequency and spend per segment, and a sampled recency x spend scatter."""
    colors = segment_colors(profiles)
    names = profiles["segment_name"].astype(str).tolist()
    palette = [colors[n] for n in names]
    how = ("the box holds the middle half of the segment's customers, the dark line is the median, the diamond "
           "the average and the whiskers reach the 5th and 95th percentiles")
    figures = [
        figure(box_chart(names, _boxes(segments, profiles, "recency_days"), palette,
                         f"days since last {order_word}", "Days since last order per segment"),
               f"Days since each customer's last {order_word}, per segment ({how}); further left = bought more "
               f"recently."),
        figure(box_chart(names, _boxes(segments, profiles, "frequency"), palette, f"{order_word}s per customer",
                         "Orders per customer per segment"),
               f"Number of {order_word}s per customer, per segment (same box reading); a box squeezed into a "
               f"single line means almost everyone in that segment has the same count."),
        figure(box_chart(names, _boxes(segments, profiles, "monetary"), palette, "total spend per customer (log scale)",
                         "Total spend per customer per segment", log=True),
               "Total spend per customer, per segment, on a logarithmic axis (each labelled step multiplies the "
               "amount); further right = spends more."),
        _scatter(segments, colors, order_word),
    ]
    intro = para("The averages in the table hide the spread; these charts show how customers in each segment are "
                 "distributed on the three measures the segments were built from.", "lead")
    return Section("distributions", "What customers in each segment look like", intro, "".join(figures))


def _scatter(segments: pd.DataFrame, colors: dict[str, str], order_word: str) -> str:
    sample = sample_rows(segments, SCATTER_SAMPLE, SCATTER_SEED)
    chart = scatter_chart(sample["recency_days"].tolist(), sample["monetary"].tolist(),
                        [colors[str(n)] for n in sample["segment_name"]], f"days since last {order_word}",
                        "total spend (log scale)", "Customers by recency and spend",
                        legend_items=list(colors.items()), y_log=True)
    shown = (f"a random sample of {fmt_int(len(sample))} of {fmt_int(len(segments))} customers, seed {SCATTER_SEED}"
             if len(sample) < len(segments) else f"all {fmt_int(len(segments))} customers")
    return figure(chart, f"Each dot is one customer ({shown}), placed by days since last {order_word} and total "
                       f"spend and coloured by segment; the top left holds recent big spenders.")


def _range_label(low: float, high: float, unit: str) -> str:
    """'1 order', '2 orders', '1–6 orders' (unit given in the plural)."""
    if low == high:
        return f"{low:,.0f} {unit[:-1] if low == 1 else unit}"
    return f"{low:,.0f}–{high:,.0f} {unit}"


def rf_grid_section(segments: pd.DataFrame, order_word: str = "order") -> Section:
    """Heat maps of customer counts and mean spend on the recency score x frequency score grid."""
    scored = rf_scores(segments)
    cells = rf_grid(scored)
    r_ranges = score_ranges(scored["recency_days"], scored["r_score"])
    f_ranges = score_ranges(scored["frequency"], scored["f_score"])
    cols = [f"R{s}\n{_range_label(*r_ranges[s], 'days')}" if s in r_ranges else f"R{s}" for s in SCORES]
    rows = [f"F{s} · {_range_label(*f_ranges[s], order_word + 's')}" if s in f_ranges else f"F{s}"
            for s in reversed(SCORES)]
    counts = _grid_matrix(cells, "customers")
    spend = _grid_matrix(cells, "mean_monetary")
    count_grid = Grid(rows, cols, counts, [[fmt_int(v) for v in row] for row in counts])
    spend_grid = Grid(rows, cols, spend, [[fmt_money(v) if np.isfinite(v) else "–" for v in row] for row in spend])
    x_label, y_label = "recency score (5 = bought most recently)", "frequency score"
    intro = para(
        f"Each customer gets a recency score from 1 to 5 (5 = the fifth of customers who bought most recently) and a "
        f"frequency score from 1 to 5 (5 = the fifth with the most {order_word}s). Customers with equal values are "
        f"split between neighbouring scores by customer id so that every score holds a fifth of the customers; the "
        f"labels show the real range behind each score.", "lead")
    body = (
        figure(heatmap(count_grid, x_label, y_label, "Customers per recency and frequency score"),
               "Number of customers in each recency (columns) and frequency (rows) cell; darker = more customers. "
               "The top right holds recent, frequent buyers, the bottom left long-gone one-time buyers.")
        + figure(heatmap(spend_grid, x_label, y_label, "Average spend per recency and frequency score"),
                 "Average total spend of the customers in each cell; darker = higher spend. Dark cells on the left "
                 "are valuable customers who have not bought for a long time: the first candidates for win-back.")
    )
    return Section("rf-grid", "Recency x frequency grid", intro, body)


def _grid_matrix(cells: pd.DataFrame, column: str) -> np.ndarray:
    """Rows F5..F1 (top to bottom), columns R1..R5."""
    wide = cells.pivot(index="f_score", columns="r_score", values=column).reindex(index=SCORES[::-1], columns=SCORES)
    return wide.to_numpy(dtype=float)


def kmeans_section(diagnostics: pd.DataFrame) -> Section:
    """Inertia and silhouette for k = 2..10 with the chosen k marked."""
    chosen = diagnostics[diagnostics["is_chosen"].astype(bool)]
    k = diagnostics["k"].astype(float).tolist()

    def chart(column: str, label: str, color: str) -> str:
        marks = [Mark(float(row["k"]), float(row[column]), f"chosen k = {int(row['k'])}")
                 for _, row in chosen.iterrows() if pd.notna(row[column])]
        values = diagnostics[column].astype(float).tolist()
        y_domain = (min(0.0, min(values)), max(values) * 1.08) if column == "inertia" else None
        return line_chart([Line(label, k, values, color, markers=True)], "number of segments k", label,
                          f"{label} by number of segments", x_domain=(min(k), max(k)), y_domain=y_domain, marks=marks)

    chosen_text = f"k = {int(chosen['k'].iloc[0])}" if len(chosen) else "no k"
    used = fmt_int(diagnostics["customers_used"].max())
    intro = para(f"How many segments should there be? KMeans was run for k = {int(min(k))} to {int(max(k))} on the "
                 f"same standardized features ({used} customers); the build used {escape(chosen_text)}, marked with a "
                 f"ring.", "lead")
    body = grid([
        figure(chart("inertia", "inertia", "#0072B2"),
               "Inertia (how spread out customers are within their segment) for each k: it always falls as k grows, "
               "so look for the bend (elbow) after which extra segments add little."),
        figure(chart("silhouette", "silhouette", "#009E73"),
               "Silhouette score for each k, from -1 to 1: higher means customers sit clearly closer to their own "
               "segment than to the next one."),
    ], columns=2)
    return Section("kmeans", "How many segments? (KMeans diagnostics)", intro, body)

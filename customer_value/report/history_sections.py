"""Segment history, every source: who moved where between the two latest as-of dates, segment sizes over
time, and the high-ticket customers who moved from an active RFM segment to an at-risk or lapsed one."""

from __future__ import annotations

from html import escape

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from customer_value.report.charts import Grid, heatmap
from customer_value.report.data import SourceData
from customer_value.report.page import Section, figure, fmt_int, fmt_money, para, table

NEW = "(new customer)"
GONE = "(no longer present)"
LIST_ROWS = 50
HIGH_TICKET = "high-ticket"
LIFECYCLES = ["active", "at risk", "lapsed"]


def recorded_dates(history: pd.DataFrame, transitions: pd.DataFrame) -> list[pd.Timestamp]:
    """Every as-of date the history shows: where a period starts or ends, and the ends of each transition."""
    dates = pd.concat([history["valid_from"], history["valid_to"], transitions["from_as_of_date"],
                       transitions["to_as_of_date"]]).dropna()
    return sorted(pd.to_datetime(dates).unique())


def states_on(history: pd.DataFrame, day: pd.Timestamp) -> pd.DataFrame:
    """The history rows valid on `day`: one per customer present then."""
    valid_from, valid_to = pd.to_datetime(history["valid_from"]), pd.to_datetime(history["valid_to"])
    return history[(valid_from <= day) & (valid_to.isna() | (valid_to > day))]


def moved_to_risk(history: pd.DataFrame, before: pd.Timestamp, after: pd.Timestamp) -> pd.DataFrame:
    """High-ticket customers on `before` in an active RFM segment who are in an at-risk or lapsed one on
    `after`, largest moves first (lapsed before at risk), then by customer."""
    then = states_on(history, before)
    now = states_on(history, after)
    moved = then.merge(now, on="customer_id", suffixes=("_before", "_after"))
    moved = moved[(moved["segment_role_before"] == HIGH_TICKET) & (moved["rfm_lifecycle_before"] == "active")
                  & (moved["rfm_lifecycle_after"] != "active")]
    return moved.sort_values(["rfm_lifecycle_after", "customer_id"], ascending=[False, True])


def segment_order(history: pd.DataFrame) -> list[str]:
    """RFM segments active first, then at risk, then lapsed; by name within each."""
    lifecycles = history.drop_duplicates("rfm_segment").set_index("rfm_segment")["rfm_lifecycle"]
    return sorted(lifecycles.index, key=lambda name: (LIFECYCLES.index(lifecycles[name]), name))


def _matrix(latest: pd.DataFrame, order: list[str]) -> Grid:
    rfm = latest[latest["segmentation"] == "rfm_segment"].copy()
    rfm["from"] = rfm["from_segment"].fillna(NEW)
    rfm["to"] = rfm["to_segment"].fillna(GONE)
    counts = rfm.pivot_table(index="from", columns="to", values="customers", aggfunc="sum", fill_value=0)
    rows = [r for r in order if r in counts.index] + [NEW] * (NEW in counts.index)
    columns = [c for c in order if c in counts.columns] + [GONE] * (GONE in counts.columns)
    counts = counts.loc[rows, columns]
    values = counts.to_numpy(dtype=float)
    text = [[fmt_int(v) if v else "" for v in row] for row in values]
    return Grid([str(r) for r in counts.index], [str(c) for c in counts.columns], np.where(values > 0, values, np.nan),
                text)


def _sizes(history: pd.DataFrame, dates: list[pd.Timestamp], order: list[str]) -> Grid:
    sizes = pd.DataFrame({day.date().isoformat(): states_on(history, day)["rfm_segment"].value_counts()
                          for day in dates}).reindex(order).fillna(0)
    values = sizes.to_numpy(dtype=float)
    return Grid([str(r) for r in sizes.index], list(sizes.columns), values,
                [[fmt_int(v) for v in row] for row in values])


def transition_figures(history: pd.DataFrame, pair: pd.DataFrame,
                       dates: list[pd.Timestamp]) -> tuple[go.Figure, go.Figure]:
    """The RFM transition matrix of one pair of as-of dates (`pair`: its transition rows), and the RFM
    segment sizes on every recorded date."""
    before, after = pd.Timestamp(pair["from_as_of_date"].max()), pd.Timestamp(pair["to_as_of_date"].max())
    order = segment_order(history)
    matrix = heatmap(_matrix(pair, order), f"RFM segment on {after.date()}", f"RFM segment on {before.date()}",
                     "Customers by RFM segment before and after", cell_height=30)
    sizes = heatmap(_sizes(history, dates, order), "as-of date", "RFM segment", "Customers per RFM segment over time",
                    cell_height=30)
    return matrix, sizes


def _movers_table(moved: pd.DataFrame) -> str:
    shown = moved.head(LIST_ROWS)
    return table(shown, {"customer_id": "Customer", "rfm_segment_before": "RFM segment before",
                         "rfm_segment_after": "RFM segment now", "segment_role_after": "KMeans role now"})


def history_sections(data: SourceData) -> list[Section]:
    """The history section when the warehouse has a segment history (none otherwise)."""
    if not data.has("history"):
        return []
    return [history_section(data["history"], data["transitions"])]


def history_section(history: pd.DataFrame, transitions: pd.DataFrame) -> Section:
    """The segment-history section; a notice while fewer than two as-of dates are recorded."""
    title = "Who moved where?"
    dates = recorded_dates(history, transitions)
    if transitions.empty or len(dates) < 2:
        only = f" ({dates[0].date()})" if dates else ""
        return Section("history", title, para(
            f"The segment history records one as-of date{only}. Build earlier dates with "
            "<code>make history FROM=... TO=... EVERY=month</code> to see who moved between segments.", "notice"), "")
    before, after = pd.Timestamp(transitions["from_as_of_date"].max()), pd.Timestamp(transitions["to_as_of_date"].max())
    latest = transitions[pd.to_datetime(transitions["to_as_of_date"]) == after]
    rfm = latest[latest["segmentation"] == "rfm_segment"]
    arrivals = int(rfm.loc[rfm["movement"] == "arrival", "customers"].sum())
    stayed = int(rfm.loc[rfm["movement"] == "stayed", "customers"].sum())
    present = int(rfm.loc[rfm["from_segment"].notna(), "customers"].sum())
    moved = moved_to_risk(history, before, after)
    intro = para(
        f"Between {before.date()} and {after.date()} (the two latest of {len(dates)} recorded as-of dates), "
        f"{fmt_int(present - stayed)} of the {fmt_int(present)} customers present on both dates changed RFM segment, "
        f"{fmt_int(arrivals)} new customers arrived, and they spent {fmt_money(float(rfm['revenue'].sum()))} in the "
        f"period. {fmt_int(len(moved))} high-ticket customers moved from an active segment to an at-risk or lapsed one.")
    matrix, sizes = transition_figures(history, latest, dates)
    body = (figure(matrix, "Each row is where customers stood on the earlier date, each column where they stand now: "
                           "the diagonal stayed, the last row arrived since.")
            + figure(sizes, "Customers in each RFM named segment on every recorded as-of date.")
            + para(f"High-ticket customers (KMeans role on {before.date()}) who moved from an active RFM segment to an "
                   f"at-risk or lapsed one by {after.date()}"
                   + (f" (the first {LIST_ROWS} of {fmt_int(len(moved))})" if len(moved) > LIST_ROWS else "") + ":")
            + (_movers_table(moved) if len(moved) else para(escape("None."))))
    return Section("history", title, intro, body)

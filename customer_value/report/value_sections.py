"""The report's forward-looking part, the same for every source: RFM named segments, and "who will be
valuable next" (BG/NBD and Gamma-Gamma forecasts, every method judged on the time holdout)."""

from __future__ import annotations

from html import escape

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from customer_value.report.charts import Bars, hbar_chart, histogram_chart
from customer_value.report.colors import PALETTE
from customer_value.report.data import SourceData
from customer_value.report.page import Section, figure, fmt_int, fmt_money, fmt_num, fmt_pct, grid, para, table

METHODS = {"bg_nbd": "BG/NBD forecast", "classifier": "Classifier trained before the calibration end",
           "notebook_model": "The notebook's own model", "kmeans_segment": "KMeans segment",
           "rfm_score": "RFM score", "past_monetary": "Past spend", "recency": "Recency", "random": "Random order"}
BASELINES = {"past_monetary", "recency", "random"}
FREQUENCIES = ["0", "1", "2", "3", "4", "5", "6", "7+"]
TOP_CUSTOMERS = 15


def _overall(evaluation: pd.DataFrame, target: str, metric: str) -> pd.Series:
    rows = evaluation[(evaluation["target"] == target) & (evaluation["metric"] == metric)
                      & (evaluation["calibration_frequency"] == "all")]
    return rows.set_index("method")["value"].reindex([m for m in METHODS if m in set(rows["method"])])


def rfm_segment_section(scores: pd.DataFrame) -> Section:
    """Customers and spend per RFM named segment, with the segment's action."""
    per = (scores.assign(monetary=scores["monetary"].astype(float))
           .groupby(["rfm_segment", "action"], as_index=False)
           .agg(customers=("customer_id", "size"), revenue=("monetary", "sum")))
    per = per.assign(customer_share=per["customers"] / per["customers"].sum(),
                     revenue_share=per["revenue"] / per["revenue"].sum()).sort_values("revenue", ascending=False)
    chart = hbar_chart(per["rfm_segment"].tolist(),
                       [Bars("customers", per["customer_share"].tolist(), PALETTE[0]),
                        Bars("revenue", per["revenue_share"].tolist(), PALETTE[1])],
                       "share of all customers / of all revenue", "RFM named segments",
                       fmt=lambda v: f"{v * 100:.0f}%")
    body = grid([figure(chart, "Share of customers and of past revenue per RFM named segment."),
                 table(per, {"rfm_segment": "segment", "customers": "customers", "action": "action"},
                       {"customers": fmt_int})], columns=2)
    intro = para("Recency, frequency and spend scored 1-5 by quintiles (recent = 5; equal values share a score), "
                 "and the classic named segments read off the recency score and the mean of the other two.")
    return Section("rfm-segments", "RFM named segments", intro, body)


def _frequency_chart(evaluation: pd.DataFrame) -> str:
    rows = evaluation[(evaluation["target"] == "holdout_purchase_days") & evaluation["value"].notna()]
    buckets = [b for b in FREQUENCIES if b in set(rows["calibration_frequency"])]
    if not buckets:
        return para("No holdout to compare with (see the evaluation status).", "notice")
    values = rows.pivot_table(index="calibration_frequency", columns="metric", values="value").reindex(buckets)
    chart = hbar_chart([f"{b} repeat purchase days" for b in buckets],
                       [Bars("predicted by BG/NBD", values["predicted"].tolist(), PALETTE[0]),
                        Bars("actual", values["actual"].tolist(), PALETTE[1])],
                       "purchase days in the holdout", "Predicted vs actual, by calibration frequency")
    return figure(chart, "Holdout purchase days of the customers with each number of repeat purchase days in the "
                         "calibration period: the BG/NBD calibration fit against what they did.")


def comparison_figures(evaluation: pd.DataFrame) -> tuple[go.Figure, go.Figure]:
    """Top-decile lift (who buys again) and revenue captured by the top decile (who spends), per method."""
    lift = _overall(evaluation, "buys_again", "top_decile_lift")
    capture = _overall(evaluation, "is_top_spender", "top_decile_revenue_share")
    colors = [PALETTE[6] if method in BASELINES else PALETTE[2] for method in lift.index]
    names = [METHODS[m] for m in lift.index]
    left = hbar_chart(names, [Bars("lift", lift.tolist(), colors)], "lift (1 = no better than chance)",
                      "Who buys again: top-decile lift")
    right = hbar_chart(names, [Bars("revenue", capture.tolist(), colors)], "share of all holdout spend",
                       "Who spends: revenue captured by the top decile", fmt=lambda v: f"{v * 100:.0f}%")
    return left, right


def _comparison_charts(evaluation: pd.DataFrame) -> str:
    left, right = comparison_figures(evaluation)
    return grid([figure(left, "How many times more buyers than average among each method's 10% highest scores "
                              "(grey: naive baselines)."),
                 figure(right, "Share of all holdout spend made by each method's 10% highest scores.")], columns=2)


def _metrics_table(evaluation: pd.DataFrame) -> str:
    frame = pd.DataFrame({
        "method": [METHODS[m] for m in _overall(evaluation, "buys_again", "roc_auc").index],
        "buy_auc": _overall(evaluation, "buys_again", "roc_auc").to_numpy(),
        "buy_pr": _overall(evaluation, "buys_again", "pr_auc").to_numpy(),
        "spend_auc": _overall(evaluation, "is_top_spender", "roc_auc").to_numpy(),
        "spend_pr": _overall(evaluation, "is_top_spender", "pr_auc").to_numpy(),
    })
    three = {c: (lambda v: fmt_num(v, 3)) for c in ["buy_auc", "buy_pr", "spend_auc", "spend_pr"]}
    return table(frame, {"method": "method", "buy_auc": "buys again: ROC-AUC", "buy_pr": "PR-AUC",
                         "spend_auc": "top 10% spender: ROC-AUC", "spend_pr": "PR-AUC"}, three)


def alive_figure(forecast: pd.DataFrame) -> go.Figure:
    """Histogram of the BG/NBD probability alive, in twentieths."""
    alive = forecast["probability_alive"].dropna().to_numpy(float)
    edges = np.linspace(0, 1, 21)
    counts, _ = np.histogram(alive, bins=edges)
    chart = histogram_chart(edges, counts, [PALETTE[0]] * len(counts), "probability alive",
                            "Probability alive (BG/NBD, all data)", edge_format=".2f")
    return chart


def _alive_chart(forecast: pd.DataFrame) -> str:
    return figure(alive_figure(forecast), "How likely each customer is to still be active; a one-time buyer is 1 by the model's "
                         "definition, so read it together with the expected purchases.")


def top_customers(forecast: pd.DataFrame, rows: int = TOP_CUSTOMERS) -> pd.DataFrame:
    """The customers with the highest discounted lifetime value (ties by customer)."""
    return forecast.sort_values(["discounted_lifetime_value", "customer_id"], ascending=[False, True],
                                na_position="last").head(rows)


def _top_customers(forecast: pd.DataFrame) -> str:
    return table(top_customers(forecast), {"customer_id": "customer", "frequency": "repeat purchase days",
                       "probability_alive": "probability alive", "expected_purchases": "expected purchases",
                       "expected_spend": "expected spend", "discounted_lifetime_value": "discounted value"},
                 {"frequency": fmt_int, "probability_alive": fmt_pct, "expected_purchases": lambda v: fmt_num(v, 2),
                  "expected_spend": fmt_money, "discounted_lifetime_value": fmt_money})


def faithful_auc_sentence(notebook_auc: float, holdout_auc: float) -> str:
    """What the notebook model's ROC-AUC of 1.000 does and does not mean, in one plain paragraph."""
    return para(
        f"The notebook's high-value model scores a test ROC-AUC of {fmt_num(notebook_auc, 3)} because its label is "
        f"membership of the highest-spend segment and it sees spend: it faithfully re-learns the rule that made the "
        f"label. That says nothing about the future. Applied to what was known at the calibration end, the same model "
        f"ranks next period's buyers with a ROC-AUC of {fmt_num(holdout_auc, 3)} (0.5 = a random order).", "notice")


def value_next_section(data: SourceData, notebook_auc: float | None = None) -> Section:
    """Who will be valuable next: forecasts and their honest judgement on the holdout."""
    evaluation = data["evaluation"]
    split = evaluation.loc[evaluation["method"] == "random", "status_reason"].iloc[0]
    parts = []
    if notebook_auc is not None:
        holdout = _overall(evaluation, "buys_again", "roc_auc").get("notebook_model", float("nan"))
        parts.append(faithful_auc_sentence(notebook_auc, holdout))
    parts += [_comparison_charts(evaluation), _metrics_table(evaluation), grid([_frequency_chart(evaluation),
              _alive_chart(data["forecast"])], columns=2) if data.has("forecast") else _frequency_chart(evaluation)]
    if data.has("forecast"):
        parts += [para(f"The {TOP_CUSTOMERS} customers with the highest discounted lifetime value over the forecast "
                       "horizon (BG/NBD and Gamma-Gamma fitted on all data):"), _top_customers(data["forecast"])]
    intro = para(
        "Every method scores the customers of the calibration period with what it knew at the calibration end and is "
        "judged on what they did afterwards (the holdout): the BG/NBD forecast, a classifier trained on an earlier "
        f"window, segments and scores, and naive baselines. Split: {escape(str(split))}.")
    return Section("valuable-next", "Who will be valuable next", intro, "".join(parts))


def value_sections(data: SourceData, notebook_auc: float | None = None) -> list[Section]:
    """The forward-looking sections the warehouse has tables for."""
    parts = []
    if data.has("rfm_scores"):
        parts.append(rfm_segment_section(data["rfm_scores"]))
    if data.has("evaluation"):
        parts.append(value_next_section(data, notebook_auc))
    return parts

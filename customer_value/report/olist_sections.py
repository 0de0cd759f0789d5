"""The Olist report: high-value customers, segments, and the high-value model's quality and drivers."""

from __future__ import annotations

from html import escape

import pandas as pd
import plotly.graph_objects as go

from customer_value.report.charts import Bars, hbar_chart
from customer_value.report.data import SourceData
from customer_value.report.evaluation import confusion_chart, pr_chart, roc_chart
from customer_value.report.history_sections import history_sections
from customer_value.report.page import (
    Section, cards, figure, fmt_int, fmt_money, fmt_num, fmt_pct, grid, para, table,
)
from customer_value.report.segment_sections import (
    kmeans_section, rf_grid_section, segment_distributions, segment_overview,
)
from customer_value.report.stats import compare_group, confusion_counts, pr_points, roc_points
from customer_value.report.value_sections import value_sections

CLASS_NAMES = ["not high value", "high value"]
CAVEAT = (
    "Read with care: a customer is labelled high value when they belong to the highest-spend segment, and that "
    "segment was computed from the very recency, frequency and spend figures the model sees. The model therefore "
    "re-learns the segment rule; its near-perfect scores and these drivers describe the segment, they do not "
    "forecast future value and are not causes."
)


def customers_frame(data: SourceData) -> pd.DataFrame:
    """One row per customer: segment, R/F/M and, when scored, the label, probability and split."""
    customers = data["segments"]
    if data.has("scores"):
        customers = customers.merge(data["scores"], on="customer_id", how="left")
    else:
        customers = customers.assign(is_high_value=(customers["segment_id"] == 1).astype(int))
    return customers


def high_value_profile(customers: pd.DataFrame) -> pd.DataFrame:
    """High-value customers against everyone else: size, shares of customers and revenue, mean R/F/M."""
    mask = customers["is_high_value"].fillna(0).astype(int) == 1
    profile = compare_group(customers, mask, ["recency_days", "frequency", "monetary"], total="monetary")
    return profile.rename(index={"in group": "high-value customers"}).rename_axis("group").reset_index()


def summary(data: SourceData, customers: pd.DataFrame) -> str:
    """Key figures and a two-sentence reading at the top of the page."""
    profile = high_value_profile(customers).set_index("group")
    high, rest = profile.loc["high-value customers"], profile.loc["everyone else"]
    items = [(fmt_int(len(customers)), "customers with a delivered order"),
             (fmt_int(high["customers"]), f"high-value customers ({fmt_pct(high['share'])})"),
             (fmt_pct(high["monetary_share"]), "of all revenue comes from them"),
             (fmt_money(high["monetary"]),
              f"average spend of a high-value customer (others: {fmt_money(rest['monetary'])})")]
    if data.has("metrics") and (data["metrics"]["model_status"] == "fit").any():
        auc = data["metrics"].loc[data["metrics"]["split"] == "test", "roc_auc"].iloc[0]
        items.append((fmt_num(auc, 3), "test ROC-AUC of the high-value model (1 = perfect)"))
    ratio = high["monetary"] / rest["monetary"] if rest["monetary"] else float("nan")
    text = (f"Olist has {fmt_int(len(customers))} customers with a delivered order. The {fmt_int(high['customers'])} "
            f"high-value customers ({fmt_pct(high['share'])}) bring {fmt_pct(high['monetary_share'])} of revenue and "
            f"spend on average {fmt_num(ratio, 1)} times as much as everyone else.")
    return cards(items) + para(escape(text), "lead")


def high_value_section(customers: pd.DataFrame) -> Section:
    """Profile of the high-value group against everyone else, and the ten customers most likely high value."""
    profile = high_value_profile(customers)
    headers = {"group": "Group", "customers": "Customers", "share": "Share of customers",
               "monetary_share": "Share of revenue", "recency_days": "Avg. days since last order",
               "frequency": "Avg. orders", "monetary": "Avg. spend"}
    formats = {"customers": fmt_int, "share": fmt_pct, "monetary_share": fmt_pct,
               "recency_days": lambda v: fmt_num(v, 0), "frequency": lambda v: fmt_num(v, 2), "monetary": fmt_money}
    intro = para("High value means belonging to the segment with the highest average spend (segment 1, "
                 "<i>high-ticket</i>): customers with few orders but large baskets.", "lead")
    body = table(profile, headers, formats, highlight=[True, False]) + _profile_chart(profile) + _top_ten(customers)
    return Section("high-value", "Who are the high-value customers?", intro, body)


def high_value_figures(profile: pd.DataFrame) -> tuple[go.Figure, go.Figure]:
    """The high-value group's shares of customers and revenue, and the average spend of each group."""
    groups = profile["group"].tolist()
    shares = [Bars("share of customers", profile["share"].tolist(), "#9aa5b1", [fmt_pct(v) for v in profile["share"]]),
              Bars("share of revenue", profile["monetary_share"].tolist(), "#0072B2",
                   [fmt_pct(v) for v in profile["monetary_share"]])]
    spend = [Bars("average spend", profile["monetary"].tolist(), ["#0072B2", "#9aa5b1"],
                  [fmt_money(v) for v in profile["monetary"]])]
    return (hbar_chart(groups, shares, "share of all customers / of all revenue",
                       "High-value customers: share of customers and of revenue", fmt=lambda v: f"{v * 100:.0f}%"),
            hbar_chart(groups, spend, "average total spend per customer", "Average spend per customer"))


def _profile_chart(profile: pd.DataFrame) -> str:
    shares, spend = high_value_figures(profile)
    return grid([
        figure(shares,
               "Grey: the group's share of all customers; blue: its share of all revenue. A small group with a long "
               "blue bar is worth protecting."),
        figure(spend,
               "Average total spend per customer in each group: how much more a high-value customer is worth."),
    ], columns=2)


def _top_ten(customers: pd.DataFrame) -> str:
    if "p_high_value" not in customers or customers["p_high_value"].isna().all():
        return para("No model probabilities are available, so there is no ranking of customers.", "notice")
    top = customers.sort_values(["p_high_value", "monetary", "customer_id"], ascending=[False, False, True]).head(10)
    top = top.assign(rank=range(1, len(top) + 1),
                     label=top["is_high_value"].map({1: "yes", 0: "no"}))
    headers = {"rank": "#", "customer_id": "Customer (customer_unique_id)", "p_high_value": "Model's probability",
               "label": "High value?", "segment_name": "Segment", "recency_days": "Days since last order",
               "frequency": "Orders", "monetary": "Spend", "split": "Split"}
    formats = {"rank": fmt_int, "p_high_value": lambda v: fmt_num(v, 4), "recency_days": fmt_int,
               "frequency": fmt_int, "monetary": fmt_money}
    return ("<h3>The 10 customers the model rates most likely to be high value</h3>"
            + table(top, headers, formats)
            + para("Ties in probability are ordered by spend. These are the first customers for VIP treatment; "
                   "the split column says whether the model saw them during training."))


def model_section(data: SourceData, customers: pd.DataFrame) -> Section:
    """Metrics table, ROC / precision-recall curves, confusion matrix and drivers; or why there is no model."""
    metrics = data["metrics"]
    title = "How good is the high-value model?"
    if not (metrics["model_status"] == "fit").any():
        reason = metrics["status_reason"].dropna().iloc[0] if metrics["status_reason"].notna().any() else "unknown"
        notice = para(f"The model was not fitted on this data: {escape(str(reason).rstrip('.'))}.", "notice")
        return Section("model", title, notice, para("Too few customers in the high-value segment to train and test a "
                                                    "model; the segments above remain valid."))
    test = customers[customers["split"] == "test"]
    intro = para(escape(_reading(metrics)), "lead")
    body = _metrics_table(metrics) + _curves(test) + _drivers(data)
    return Section("model", title, intro, body)


def _reading(metrics: pd.DataFrame) -> str:
    row = metrics[(metrics["split"] == "test") & (metrics["class_label"] == "1")].iloc[0]
    tested = fmt_int(metrics.loc[metrics["split"] == "test", "support"].max())
    return (f"A logistic regression scores every customer's chance of being high value. On the "
            f"{tested} test customers (kept out of training) "
            f"it finds {fmt_pct(row['recall'])} of the real high-value customers (recall), "
            f"{fmt_pct(row['precision'])} of the customers it flags really are high value (precision), and it ranks "
            f"customers with a ROC-AUC of {fmt_num(row['roc_auc'], 3)} (1 = perfect, 0.5 = a coin toss).")


def _metrics_table(metrics: pd.DataFrame) -> str:
    headers = {"split": "Split", "class_name": "Class", "precision": "Precision", "recall": "Recall", "f1": "F1",
               "support": "Customers", "accuracy": "Accuracy", "roc_auc": "ROC-AUC"}
    formats = {c: (lambda v: fmt_num(v, 3)) for c in ("precision", "recall", "f1", "accuracy", "roc_auc")}
    formats["support"] = fmt_int
    ordered = metrics.assign(order=metrics["split"].map({"test": 0, "train": 1})).sort_values(["order", "class_label"])
    return ("<h3>Classification report</h3>" + table(ordered, headers, formats,
                                                    highlight=(ordered["split"] == "test").tolist())
            + para("Precision: of the customers flagged high value, the share that are. Recall: of the real "
                   "high-value customers, the share found. F1 balances the two. Test rows (highlighted) are the "
                   "honest ones; train rows show what the model saw while learning."))


def _curves(test: pd.DataFrame) -> str:
    if test["is_high_value"].nunique() < 2 or test["p_high_value"].isna().all():
        return para("The test split holds a single class, so no ROC or precision-recall curve can be drawn.", "notice")
    actual, score = test["is_high_value"].astype(int).to_numpy(), test["p_high_value"].to_numpy(dtype=float)
    color = {"high value": "#0072B2"}
    counts = confusion_counts(test["is_high_value"].astype(int), test["predicted_high_value"].astype(int), [0, 1])
    prevalence = float(actual.mean())
    return "<h3>Test split: curves and confusion matrix</h3>" + grid([
        figure(roc_chart({"high value": roc_points(actual, score)}, color, "ROC curve, test split"),
               "How many real high-value customers the model catches (up) for each share of other customers it "
               "wrongly flags (right), over all probability cut-offs; the closer to the top-left corner, the better, "
               "the dashed diagonal is guessing."),
        figure(pr_chart({"high value": pr_points(actual, score)}, color, {"high value": prevalence},
                        "Precision-recall curve, test split"),
               f"Precision against recall over all cut-offs; the dotted line is the share of high-value customers "
               f"({fmt_pct(prevalence)}), what flagging at random would give. Higher and further right is better."),
        figure(confusion_chart(CLASS_NAMES, counts, "Confusion matrix, test split"),
               "Rows are the real class, columns the model's decision at the 0.5 cut-off; the diagonal holds the "
               "correct decisions, the percentage is the share of the row."),
    ])


def _drivers(data: SourceData) -> str:
    if not data.has("drivers") or data["drivers"]["coefficient"].isna().all():
        return ""
    drivers = data["drivers"].dropna(subset=["coefficient"])
    labels = [f"{c:+.2f}  (odds ×{fmt_num(o, 3 if o < 0.1 else 2)})" for c, o in
              zip(drivers["coefficient"], drivers["odds_ratio"])]
    colors = ["#0072B2" if c > 0 else "#D55E00" for c in drivers["coefficient"]]
    chart = hbar_chart(drivers["feature"].str.replace("_", " ").tolist(),
                     [Bars("coefficient", drivers["coefficient"].tolist(), colors, labels)],
                     "coefficient on standardized features", "High-value model drivers")
    return ("<h3>What drives the score</h3>"
            + figure(chart, "Each bar is a feature's weight in the model for a one-standard-deviation increase: blue "
                          "bars to the right raise the odds of being high value, orange bars to the left lower them; "
                          "the label gives the factor on the odds.")
            + para(escape(CAVEAT), "caveat"))


def sections(data: SourceData) -> tuple[str, list[Section]]:
    """The summary block and the sections, skipping what the warehouse does not have."""
    if not data.has("segments") or not data.has("profiles"):
        return para("The warehouse has no Olist segments yet: run <code>make build</code>.", "notice"), []
    customers = customers_frame(data)
    parts = [high_value_section(customers), segment_overview(data["profiles"]),
             segment_distributions(data["segments"], data["profiles"]), rf_grid_section(data["segments"])]
    if data.has("kmeans"):
        parts.append(kmeans_section(data["kmeans"]))
    if data.has("metrics"):
        parts.append(model_section(data, customers))
    return summary(data, customers), parts + value_sections(data, _test_roc_auc(data)) + history_sections(data)


def _test_roc_auc(data: SourceData) -> float | None:
    """The faithful high-value model's test ROC-AUC, when it was fit."""
    if not data.has("metrics") or not (data["metrics"]["model_status"] == "fit").any():
        return None
    return float(data["metrics"].loc[data["metrics"]["split"] == "test", "roc_auc"].iloc[0])

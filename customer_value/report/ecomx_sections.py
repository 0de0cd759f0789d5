"""The EcomX report: CLV classes, segments, and the eight CLV-class classifiers compared and explained."""

from __future__ import annotations

from html import escape

import numpy as np
import pandas as pd

from customer_value.report.charts import Bars, Grid, hbar_chart, heatmap, histogram_chart
from customer_value.report.data import SourceData
from customer_value.report.evaluation import confusion_chart, pr_chart, roc_chart
from customer_value.report.history_sections import history_sections
from customer_value.report.page import (
    Section, cards, figure, fmt_int, fmt_money, fmt_num, fmt_pct, grid, para, table,
)
from customer_value.report.segment_sections import kmeans_section, rf_grid_section, segment_distributions, segment_overview
from customer_value.report.stats import compare_group, confusion_counts, histogram, pr_points, roc_points
from customer_value.report.colors import CLASS_COLORS
from customer_value.report.value_sections import value_sections

CLASSES = ["Low", "Medium", "High"]
FEATURE_SETS = {
    "published": "Published features (include total spend)",
    "no_leakage": "Leakage-free features (no spend or tenure)",
}
MODELS = {"logistic_regression": "Logistic regression", "random_forest": "Random forest",
          "naive_bayes": "Naive Bayes", "knn": "k-nearest neighbours"}
SET_COLORS = {"published": "#E69F00", "no_leakage": "#0072B2"}
LEAKAGE = (
    "Two feature sets are compared. <b>Published</b> reproduces the original analysis and feeds the models "
    "<code>total_spend</code>; since CLV is total spend divided by tenure, part of its score is the model reading the "
    "answer back. <b>No leakage</b> drops every spend and tenure column and keeps only what a marketer knows besides "
    "the money (purchases, site visits, e-mails opened, clicks, campaign responses, age, gender): its scores are the "
    "honest measure of how well behaviour predicts a customer's value class, and the gap between the two is how much "
    "of the published accuracy came from the label's own ingredient."
)


def _pretty(name: str, names: dict[str, str]) -> str:
    return names.get(name, name.replace("_", " "))


def _customers(data: SourceData) -> pd.DataFrame:
    clv = data["clv"].assign(total_spend=lambda f: f["total_spend"].astype(float))
    if data.has("segments"):
        clv = clv.merge(data["segments"][["customer_id", "segment_name", "frequency", "recency_days"]],
                        on="customer_id", how="left")
    return clv


def _best_f1(metrics: pd.DataFrame, feature_set: str) -> float:
    rows = metrics[(metrics["split"] == "test") & (metrics["feature_set"] == feature_set)]
    return float(rows["macro_f1"].max()) if len(rows) else float("nan")


def summary(data: SourceData, customers: pd.DataFrame) -> str:
    """Key figures and the one-paragraph reading at the top of the page."""
    high = customers["clv_class"] == "High"
    items = [(fmt_int(len(customers)), "customers"),
             (fmt_int(high.sum()), f"High-CLV customers ({fmt_pct(high.mean())})"),
             (fmt_pct(customers.loc[high, "total_spend"].sum() / customers["total_spend"].sum()),
              "of all spend comes from them")]
    if data.has("thresholds"):
        row = data["thresholds"].iloc[0]
        items.append((fmt_money(row["q3"]), "yearly CLV from which a customer is High"))
    if data.has("metrics"):
        items += [(fmt_num(_best_f1(data["metrics"], s), 3), f"best macro F1, {s.replace('_', '-')} features")
                  for s in FEATURE_SETS if (data["metrics"]["feature_set"] == s).any()]
    text = (f"EcomX has {fmt_int(len(customers))} customers. CLV is yearly spend (total spend over tenure in years); "
            f"the top quarter by CLV is High, the bottom quarter Low. Models predict the class from customer data; the "
            f"leakage-free scores show how much engagement alone reveals about value.")
    return cards(items) + para(escape(text), "lead")


def high_value_section(customers: pd.DataFrame) -> Section:
    """The High-CLV class against everyone else, and the ten customers with the highest CLV."""
    mask = customers["clv_class"] == "High"
    columns = [c for c in ("clv", "total_spend", "tenure_days", "frequency", "recency_days") if c in customers]
    profile = compare_group(customers, mask, columns, total="total_spend")
    profile = profile.rename(index={"in group": "High-CLV customers"}).rename_axis("group").reset_index()
    headers = {"group": "Group", "customers": "Customers", "share": "Share of customers",
               "total_spend_share": "Share of spend", "clv": "Avg. yearly CLV", "total_spend": "Avg. total spend",
               "tenure_days": "Avg. tenure (days)", "frequency": "Avg. purchases",
               "recency_days": "Avg. days since last purchase"}
    headers = {k: v for k, v in headers.items() if k in profile}
    formats = {"customers": fmt_int, "share": fmt_pct, "total_spend_share": fmt_pct, "clv": fmt_money,
               "total_spend": fmt_money, "tenure_days": fmt_int, "frequency": lambda v: fmt_num(v, 1),
               "recency_days": fmt_int}
    top = customers.sort_values(["clv", "customer_id"], ascending=[False, True]).head(10)
    top = top.assign(rank=range(1, len(top) + 1), customer_id=top["customer_id"].astype(str))
    top_headers = {k: v for k, v in {"rank": "#", "customer_id": "Customer", "clv": "Yearly CLV",
                                     "total_spend": "Total spend", "tenure_days": "Tenure (days)",
                                     "frequency": "Purchases", "segment_name": "Segment"}.items() if k in top}
    intro = para("High value here means the High CLV class: the quarter of customers with the highest yearly spend.",
                 "lead")
    body = (table(profile, headers, formats, highlight=[True, False])
            + "<h3>The 10 customers with the highest CLV</h3>"
            + table(top, top_headers, {"rank": fmt_int, "clv": fmt_money, "total_spend": fmt_money,
                                       "tenure_days": fmt_int, "frequency": fmt_int})
            + _short_tenure_note(top))
    return Section("high-value", "Who are the high-value customers?", intro, body)


def _short_tenure_note(top: pd.DataFrame) -> str:
    short = int((top["tenure_days"] < 30).sum())
    if not short:
        return ""
    return para(escape(f"{short} of these 10 joined less than 30 days before their last purchase: CLV annualises "
                       f"spend, so a short tenure inflates it far above what the customer actually spent. Check "
                       f"total spend and tenure before treating them as VIPs."), "caveat")


def clv_section(data: SourceData) -> Section:
    """Class sizes with their thresholds, and the CLV histogram coloured by class."""
    clv = data["clv"]
    counts = [int((clv["clv_class"] == c).sum()) for c in CLASSES]
    bars = hbar_chart(CLASSES, [Bars("customers", [float(c) for c in counts], [CLASS_COLORS[c] for c in CLASSES],
                                     [f"{fmt_int(c)} ({fmt_pct(c / len(clv))})" for c in counts])],
                      "customers", "Customers per CLV class")
    thresholds = data["thresholds"].iloc[0] if data.has("thresholds") else None
    edges, binned = histogram(clv["clv"])
    centers = (edges[:-1] + edges[1:]) / 2
    q1 = float(thresholds["q1"]) if thresholds is not None else float(clv["clv"].quantile(0.25))
    q3 = float(thresholds["q3"]) if thresholds is not None else float(clv["clv"].quantile(0.75))
    colors = [CLASS_COLORS["Low" if c < q1 else "High" if c >= q3 else "Medium"] for c in centers]
    hist = histogram_chart(edges, binned, colors, "yearly CLV", "Distribution of yearly CLV",
                           markers=[(q1, f"Q1 {fmt_money(q1)}"), (q3, f"Q3 {fmt_money(q3)}")],
                           legend_items=[(c, CLASS_COLORS[c]) for c in CLASSES])
    reference = f" as of {pd.Timestamp(thresholds['reference_date']):%Y-%m-%d}" if thresholds is not None else ""
    intro = para(escape(
        f"CLV = total spend / (tenure in days / 365), i.e. spend per year as a customer{reference}. Low means CLV "
        f"below Q1 = {fmt_money(q1)}, High means CLV from Q3 = {fmt_money(q3)} up, Medium is in between."), "lead")
    body = (
        figure(bars, "Customers in each CLV class; by construction about a quarter are Low, half Medium and a "
                     "quarter High.")
        + figure(hist, f"How many customers have each yearly CLV (bars coloured by class, dashed lines at the class "
                       f"thresholds); the last bar also holds the top 1% above {fmt_money(float(edges[-1]))}.")
    )
    return Section("clv", "Customer lifetime value (CLV) classes", intro, body)


def comparison_section(metrics: pd.DataFrame) -> Section:
    """Macro F1 bars, the test-split comparison table and per-class / train details."""
    test = metrics[metrics["split"] == "test"]
    models = (test.groupby("model")["macro_f1"].max().sort_values(ascending=False).index.tolist())
    series = []
    for feature_set in FEATURE_SETS:
        rows = test[test["feature_set"] == feature_set].set_index("model")
        if len(rows):
            values = [float(rows["macro_f1"].get(m, np.nan)) for m in models]
            series.append(Bars(feature_set.replace("_", " "), values, SET_COLORS[feature_set],
                               [fmt_num(v, 3) for v in values]))
    chart = hbar_chart([_pretty(m, MODELS) for m in models], series, "macro F1 on the test split",
                       "Macro F1 per model and feature set")
    body = (figure(chart, "Macro F1 (the average of the Low, Medium and High F1 scores; 1 = perfect, about 0.33 = "
                          "guessing in proportion to class sizes) for each model, orange with spend, blue without.")
            + _comparison_table(test) + _details(metrics))
    return Section("models", "How well can the CLV class be predicted?", para(LEAKAGE, "lead"), body)


def _ordered(frame: pd.DataFrame) -> pd.DataFrame:
    order = {name: i for i, name in enumerate(FEATURE_SETS)}
    frame = frame.assign(set_order=frame["feature_set"].map(order).fillna(len(order)))
    frame = frame.sort_values(["set_order", "macro_f1", "model"], ascending=[True, False, True])
    best = np.where(frame["is_best_model"].astype(bool), " (best)", "")
    return frame.assign(model_name=frame["model"].map(lambda m: _pretty(m, MODELS)) + best)


def _comparison_table(test: pd.DataFrame) -> str:
    rows = _ordered(test)
    headers = {"feature_set": "Feature set", "model_name": "Model", "accuracy": "Accuracy",
               "macro_precision": "Macro precision", "macro_recall": "Macro recall", "macro_f1": "Macro F1",
               "weighted_f1": "Weighted F1", "f1_low": "F1 Low", "f1_medium": "F1 Medium", "f1_high": "F1 High"}
    formats = {c: (lambda v: fmt_num(v, 3)) for c in headers if c not in ("feature_set", "model_name")}
    customers = fmt_int(rows["customers"].max())
    return (f"<h3>Model comparison (test split, {customers} customers)</h3>"
            + table(rows, headers, formats, highlight=rows["is_best_model"].astype(bool).tolist())
            + para("The highlighted row is the best model (highest macro F1) within each feature set. Accuracy is the "
                   "share of customers put in the right class; macro scores weigh the three classes equally, "
                   "weighted ones by class size."))


def _details(metrics: pd.DataFrame) -> str:
    per_class = {f"{m}_{c}": f"{m.capitalize()} {c.capitalize()}" for c in ("low", "medium", "high")
                 for m in ("precision", "recall")}
    headers = {"feature_set": "Feature set", "model_name": "Model", "split": "Split", **per_class,
               "accuracy": "Accuracy", "macro_f1": "Macro F1"}
    formats = {c: (lambda v: fmt_num(v, 3)) for c in [*per_class, "accuracy", "macro_f1"]}
    rows = _ordered(metrics).sort_values(["set_order", "model", "split"])
    return ("<details><summary>Per-class precision and recall, train and test</summary>"
            + table(rows, headers, formats, highlight=(rows["split"] == "test").tolist())
            + para("A model much better on train than on test (random forest reaches 1.0 on train) has memorised "
                   "its training customers; trust the test rows.") + "</details>")


def classifier_section(predictions: pd.DataFrame, metrics: pd.DataFrame | None) -> Section:
    """For every model and feature set: one-vs-rest ROC and precision-recall curves and the confusion matrix."""
    parts = []
    for feature_set in [s for s in FEATURE_SETS if (predictions["feature_set"] == s).any()]:
        parts.append(f"<h3>{escape(FEATURE_SETS[feature_set])}</h3>")
        for model in _model_order(predictions, metrics, feature_set):
            rows = predictions[(predictions["feature_set"] == feature_set) & (predictions["model"] == model)]
            parts.append(f"<h4>{escape(_model_title(model, feature_set, metrics))}</h4>")
            parts.append(grid(_classifier_figures(rows, f"{_pretty(model, MODELS)}, {feature_set.replace('_', ' ')}")))
    intro = para("Every classifier on the test split (customers the models never saw). Each class is scored against "
                 "the other two (one-vs-rest): a curve per class, the area in the legend (AUC for ROC, AP for "
                 "precision-recall; 1 = perfect). The confusion matrix shows where customers land.", "lead")
    return Section("classifiers", "Every classifier up close", intro, "".join(parts))


def _model_order(predictions: pd.DataFrame, metrics: pd.DataFrame | None, feature_set: str) -> list[str]:
    present = sorted(predictions.loc[predictions["feature_set"] == feature_set, "model"].unique())
    if metrics is None:
        return present
    f1 = metrics[(metrics["split"] == "test") & (metrics["feature_set"] == feature_set)].set_index("model")["macro_f1"]
    return sorted(present, key=lambda m: (-float(f1.get(m, -1.0)), m))


def _model_title(model: str, feature_set: str, metrics: pd.DataFrame | None) -> str:
    title = _pretty(model, MODELS)
    if metrics is None:
        return title
    row = metrics[(metrics["split"] == "test") & (metrics["feature_set"] == feature_set) & (metrics["model"] == model)]
    if not len(row):
        return title
    best = " (best for this feature set)" if bool(row["is_best_model"].iloc[0]) else ""
    accuracy, macro_f1 = fmt_num(row["accuracy"].iloc[0], 3), fmt_num(row["macro_f1"].iloc[0], 3)
    return f"{title}: accuracy {accuracy}, macro F1 {macro_f1}{best}"


def _classifier_figures(rows: pd.DataFrame, name: str) -> list[str]:
    actual = rows["actual_class"]
    present = [c for c in CLASSES if (actual == c).any() and (actual != c).any()]
    roc = {c: roc_points((actual == c).astype(int).to_numpy(), rows[f"p_{c.lower()}"].to_numpy(float)) for c in present}
    pr = {c: pr_points((actual == c).astype(int).to_numpy(), rows[f"p_{c.lower()}"].to_numpy(float)) for c in present}
    counts = confusion_counts(actual, rows["predicted_class"], CLASSES)
    return [
        figure(roc_chart(roc, CLASS_COLORS, f"ROC curves, {name}"),
               "For each class, the share of its customers caught (up) against the share of other customers wrongly "
               "put in it (right); top-left is better, the diagonal is guessing."),
        figure(pr_chart(pr, CLASS_COLORS, {}, f"Precision-recall curves, {name}"),
               "For each class, how pure the predicted group stays (up) as more of the class is found (right); "
               "higher is better, guessing gives the class's share (25% / 50% / 25%)."),
        figure(confusion_chart(CLASSES, counts, f"Confusion matrix, {name}"),
               "Rows are the real class, columns the predicted one; the diagonal holds correct predictions and the "
               "percentage is the share of the row."),
    ]


def drivers_section(drivers: pd.DataFrame) -> Section:
    """Random-forest importances and logistic-regression coefficients per feature set."""
    parts = []
    for feature_set in [s for s in FEATURE_SETS if (drivers["feature_set"] == s).any()]:
        rows = drivers[drivers["feature_set"] == feature_set]
        figures = [_importance_figure(rows, kind) for kind in ("permutation_importance", "impurity_importance")]
        parts.append(f"<h3>{escape(FEATURE_SETS[feature_set])}</h3>" + grid([f for f in figures if f], columns=2)
                     + _coefficient_figure(rows))
    intro = para("Which customer facts the models lean on. Random forest: permutation importance (how much test "
                 "accuracy drops when a feature is shuffled) and impurity importance (how much the trees' splits use "
                 "it). Logistic regression: one coefficient per class on standardized features. k-nearest neighbours "
                 "and naive Bayes have no built-in importance. These describe the models, not causes.", "lead")
    return Section("drivers", "What drives the predictions", intro, "".join(parts))


def _importance_figure(rows: pd.DataFrame, kind: str) -> str:
    part = rows[(rows["model"] == "random_forest") & (rows["importance_type"] == kind)].sort_values("driver_rank")
    if part.empty:
        return ""
    label = kind.replace("_", " ")
    colors = ["#0072B2" if v >= 0 else "#D55E00" for v in part["value"]]
    chart = hbar_chart(part["feature"].str.replace("_", " ").tolist(),
                     [Bars(label, part["value"].tolist(), colors, [fmt_num(v, 3) for v in part["value"]])],
                     label, f"Random forest {label}")
    reading = ("drop in test accuracy when the feature is shuffled; near zero or negative = the model does not need it"
               if kind == "permutation_importance" else "share of the trees' split quality owed to each feature")
    return figure(chart, f"Random forest {label}: {reading}; longer bar = more important.")


def _coefficient_figure(rows: pd.DataFrame) -> str:
    part = rows[(rows["model"] == "logistic_regression") & (rows["importance_type"] == "coefficient")]
    if part.empty:
        return ""
    wide = part.pivot_table(index="feature", columns="class_label", values="value").reindex(columns=CLASSES)
    wide = wide.loc[wide.abs().max(axis=1).sort_values(ascending=False).index]
    values = wide.to_numpy(dtype=float)
    text = [[f"{v:+.2f}" if np.isfinite(v) else "–" for v in row] for row in values]
    chart = heatmap(Grid([f.replace("_", " ") for f in wide.index], CLASSES, values, text, diverging=True),
                  "CLV class", "feature", "Logistic regression coefficients per class", cell_height=28)
    return figure(chart, "Logistic-regression coefficient of each feature for each class on standardized values: blue "
                       "raises the odds of that class, red lowers them, white is no effect.")


def sections(data: SourceData) -> tuple[str, list[Section]]:
    """The summary block and the sections, skipping what the warehouse does not have."""
    if not data.has("clv"):
        return para("The warehouse has no EcomX CLV table yet: run <code>make build</code>.", "notice"), []
    customers = _customers(data)
    metrics = data["metrics"] if data.has("metrics") else None
    parts = [high_value_section(customers)]
    if data.has("profiles") and data.has("segments"):
        parts += [segment_overview(data["profiles"], "purchase"),
                  segment_distributions(data["segments"], data["profiles"], "purchase"),
                  rf_grid_section(data["segments"], "purchase")]
    if data.has("kmeans"):
        parts.append(kmeans_section(data["kmeans"]))
    parts.append(clv_section(data))
    if metrics is not None:
        parts.append(comparison_section(metrics))
    if data.has("predictions"):
        parts.append(classifier_section(data["predictions"], metrics))
    if data.has("drivers"):
        parts.append(drivers_section(data["drivers"]))
    return summary(data, customers), parts + value_sections(data) + history_sections(data)

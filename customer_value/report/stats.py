"""The numbers behind the charts: RFM scores, box statistics, curves, confusion counts, samples.

Pure pandas / numpy / scikit-learn on frames already read from the warehouse; nothing here draws.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.metrics import average_precision_score, precision_recall_curve, roc_auc_score, roc_curve

SCORES = [1, 2, 3, 4, 5]


@dataclass(frozen=True)
class BoxStats:
    """A box plot's five numbers (whiskers at the 5th and 95th percentiles) plus mean and count."""

    low: float
    q1: float
    median: float
    q3: float
    high: float
    mean: float
    count: int


@dataclass(frozen=True)
class Curve:
    """A curve's points and its area summary (ROC-AUC or average precision)."""

    x: np.ndarray
    y: np.ndarray
    area: float


def box_stats(values: pd.Series) -> BoxStats:
    """Percentiles 5 / 25 / 50 / 75 / 95, mean and count of the non-null values."""
    clean = values.dropna().to_numpy(dtype=float)
    if clean.size == 0:
        return BoxStats(*(np.nan,) * 6, count=0)
    low, q1, median, q3, high = np.percentile(clean, [5, 25, 50, 75, 95])
    return BoxStats(float(low), float(q1), float(median), float(q3), float(high), float(clean.mean()), clean.size)


def quintile_scores(values: pd.Series, higher_is_better: bool = True) -> pd.Series:
    """Scores 1-5 holding a fifth of the rows each (5 = best); ties are split by row order.

    Ranking with method="first" keeps the fifths equal even when most values tie (most customers
    order once), so callers sort rows by a stable key first to make the result reproducible.
    """
    ranks = values.rank(method="first", ascending=higher_is_better).to_numpy()
    scores = np.ceil(ranks * 5 / len(values)).astype(int) if len(values) else np.array([], dtype=int)
    return pd.Series(scores, index=values.index, name=values.name)


def rf_scores(customers: pd.DataFrame) -> pd.DataFrame:
    """Add r_score (5 = most recent) and f_score (5 = most orders) to a frame with recency_days, frequency."""
    return customers.assign(
        r_score=quintile_scores(customers["recency_days"], higher_is_better=False),
        f_score=quintile_scores(customers["frequency"], higher_is_better=True),
    )


def rf_grid(scored: pd.DataFrame) -> pd.DataFrame:
    """Customers and mean monetary for every (r_score, f_score) pair, all 25 present (empty = 0 / NaN)."""
    grid = scored.groupby(["r_score", "f_score"]).agg(
        customers=("monetary", "size"), mean_monetary=("monetary", "mean")
    )
    full = pd.MultiIndex.from_product([SCORES, SCORES], names=["r_score", "f_score"])
    grid = grid.reindex(full)
    grid["customers"] = grid["customers"].fillna(0).astype(int)
    return grid.reset_index()


def score_ranges(values: pd.Series, scores: pd.Series) -> dict[int, tuple[float, float]]:
    """The smallest and largest raw value behind each score."""
    grouped = values.groupby(scores).agg(["min", "max"])
    return {int(score): (float(row["min"]), float(row["max"])) for score, row in grouped.iterrows()}


def roc_points(actual: np.ndarray, score: np.ndarray) -> Curve:
    """ROC curve (x = false-positive rate, y = true-positive rate) and ROC-AUC."""
    fpr, tpr, _ = roc_curve(actual, score)
    return Curve(fpr, tpr, float(roc_auc_score(actual, score)))


def pr_points(actual: np.ndarray, score: np.ndarray) -> Curve:
    """Precision-recall curve (x = recall, y = precision) and average precision."""
    precision, recall, _ = precision_recall_curve(actual, score)
    return Curve(recall[::-1], precision[::-1], float(average_precision_score(actual, score)))


def thin_curve(curve: Curve, max_points: int = 300) -> Curve:
    """At most `max_points` points, evenly spaced by index, always keeping both ends."""
    if len(curve.x) <= max_points:
        return curve
    keep = np.unique(np.linspace(0, len(curve.x) - 1, max_points).round().astype(int))
    return Curve(curve.x[keep], curve.y[keep], curve.area)


def confusion_counts(actual: pd.Series, predicted: pd.Series, labels: list) -> np.ndarray:
    """Counts with rows = actual label and columns = predicted label, in `labels` order."""
    table = pd.crosstab(pd.Categorical(actual, labels), pd.Categorical(predicted, labels), dropna=False)
    return table.reindex(index=labels, columns=labels, fill_value=0).to_numpy(dtype=int)


def histogram(values: pd.Series, bins: int = 40, upper_quantile: float = 0.99) -> tuple[np.ndarray, np.ndarray]:
    """Bin edges and counts from 0 (or the minimum) to a high quantile; larger values land in the last bin."""
    clean = values.dropna().to_numpy(dtype=float)
    low = min(0.0, float(clean.min()))
    high = float(np.quantile(clean, upper_quantile))
    if high <= low:
        high = low + 1.0
    edges = np.linspace(low, high, bins + 1)
    counts, _ = np.histogram(np.clip(clean, low, high), bins=edges)
    return edges, counts


def sample_rows(frame: pd.DataFrame, max_rows: int, seed: int = 42) -> pd.DataFrame:
    """Up to `max_rows` rows drawn with a fixed seed (all rows when there are fewer), order kept."""
    if len(frame) <= max_rows:
        return frame
    return frame.sample(n=max_rows, random_state=seed).sort_index()


def compare_group(frame: pd.DataFrame, mask: pd.Series, columns: list[str], total: str | None = None) -> pd.DataFrame:
    """Customers, share of customers and column means for the rows in `mask` ("in group") and the rest
    ("everyone else"); with `total`, also each part's share of that column's sum (e.g. of revenue)."""
    rows = {}
    grand = float(frame[total].sum()) if total else 0.0
    for name, part in (("in group", frame[mask]), ("everyone else", frame[~mask])):
        row = {"customers": len(part), "share": len(part) / len(frame) if len(frame) else np.nan}
        row.update({column: part[column].mean() for column in columns})
        if total:
            row[f"{total}_share"] = float(part[total].sum()) / grand if grand else np.nan
        rows[name] = row
    return pd.DataFrame.from_dict(rows, orient="index")

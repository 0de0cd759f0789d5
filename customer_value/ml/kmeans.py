"""KMeans customer segments, fitted once: a parameter table that SQL applies to every customer.

The table holds the scaler (mean and scale per feature), the centroids on the standardized scale with
the stable segment id, name and role of each, and the diagnostics per k (inertia, silhouette). The
chosen k's diagnostics come from the same fit; only the other k are fitted for the diagnostics.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.preprocessing import StandardScaler

from customer_value.ml.fit_status import FIT, NOT_FIT
from customer_value.ml.settings import KMeansSettings

HIGH_TICKET = "high-ticket"
REPEAT_BUYERS = "repeat buyers"
RECENT_LOW_VALUE = "recent low-value"
DORMANT_LOW_VALUE = "dormant low-value"
DIAGNOSTIC_K = range(2, 11)
DIAGNOSTIC_SAMPLE = 5_000  # pairwise distances of the sample: 200 MB, computed once for every k
PARAMETER_COLUMNS = [
    "parameter", "k", "cluster", "feature", "value", "segment_id", "segment_name", "segment_role",
    "model_status", "status_reason", "customers_used", "settings",
]


@dataclass(frozen=True)
class RfmColumns:
    """The columns that order segments (monetary) and name them (recency, frequency)."""

    recency: str = "recency_days"
    frequency: str = "frequency"
    monetary: str = "monetary"


def stable_segment_ids(labels: np.ndarray, monetary: pd.Series) -> dict[int, int]:
    """KMeans label -> segment id 1..k ordered by the segment's mean monetary, highest = 1.

    Ties (equal means) are broken by the smaller original label, so the mapping is deterministic.
    """
    means = pd.Series(monetary.to_numpy(dtype=float)).groupby(labels).mean()
    order = sorted(means.index, key=lambda label: (-means[label], label))
    return {int(label): rank for rank, label in enumerate(order, start=1)}


def segment_roles(profile: pd.DataFrame, overall: pd.Series) -> pd.Series:
    """Name segments from their profile (index segment_id, columns recency, frequency, monetary);
    `overall` holds the all-customer means of the same columns.

    Rule, applied in this order:
      1. segment 1 (the highest mean monetary) is "high-ticket";
      2. with three or more segments, the remaining segment with the highest mean frequency is
         "repeat buyers" (ties: the lower segment_id), provided that mean exceeds the mean frequency
         of all customers (a data set without repeat purchases has no repeat-buyer segment);
      3. every other segment is "recent low-value" when its mean recency is at most the mean recency
         of all customers, else "dormant low-value".
    With k = 4 on Olist this yields the notebook's four groups; for other k the names stay truthful.
    """
    roles = pd.Series(index=profile.index, dtype=object)
    rest = profile.sort_index()
    roles[rest.index[0]] = HIGH_TICKET
    rest = rest.iloc[1:]
    if len(profile) >= 3:
        repeat_id = rest.sort_values(["frequency"], ascending=False, kind="stable").index[0]
        if rest.loc[repeat_id, "frequency"] > overall["frequency"]:
            roles[repeat_id] = REPEAT_BUYERS
            rest = rest.drop(index=repeat_id)
    for segment_id, row in rest.iterrows():
        roles[segment_id] = RECENT_LOW_VALUE if row["recency"] <= overall["recency"] else DORMANT_LOW_VALUE
    return roles


def unique_segment_names(roles: pd.Series) -> pd.Series:
    """The role as name; a role held by several segments gets " 1", " 2", ... in segment_id order."""
    counts = roles.value_counts()
    ordinal = roles.groupby(roles).cumcount() + 1
    return pd.Series(
        [role if counts[role] == 1 else f"{role} {n}" for role, n in zip(roles, ordinal)],
        index=roles.index,
    )


def fit_kmeans(
    customers: pd.DataFrame, key: str, features: list[str], settings: KMeansSettings,
    rfm: RfmColumns = RfmColumns(),
) -> pd.DataFrame:
    """Fit the segments on `customers` (key, features and the rfm columns) and return the parameter table.

    Features are z-scored over all rows (population std) and clustered with
    KMeans(k, random_state, n_init), rows fed in key order as the notebook does (k-means++ seeding
    depends on row order). A k above the number of distinct customers is lowered to it and the
    reason recorded; a k below 2 is refused.
    """
    if settings.k < 2:
        raise ValueError(f"segments_k must be at least 2, got {settings.k}: set the var segments_k to 2 or more")
    frame = customers.sort_values(key, kind="stable").reset_index(drop=True)
    meta = {"customers_used": len(frame), "settings": json.dumps(asdict(settings), sort_keys=True)}
    if frame.empty:
        return _table([_row("scaler_mean", feature=f) for f in features]
                      + [_row("scaler_scale", feature=f) for f in features],
                      meta, NOT_FIT, "no customers to segment")

    x = frame[features].to_numpy(dtype=float)
    scaler = StandardScaler().fit(x)
    scaled = scaler.transform(x)
    distinct = len(np.unique(scaled, axis=0))
    n_clusters = min(settings.k, distinct)
    kmeans = _kmeans(n_clusters, settings).fit(scaled) if n_clusters >= 2 else None
    labels = kmeans.labels_ if kmeans is not None else np.zeros(len(frame), dtype=int)
    centers = kmeans.cluster_centers_ if kmeans is not None else scaled.mean(axis=0, keepdims=True)

    rows = [_row("scaler_mean", k=settings.k, feature=f, value=v) for f, v in zip(features, scaler.mean_)]
    rows += [_row("scaler_scale", k=settings.k, feature=f, value=v) for f, v in zip(features, scaler.scale_)]
    rows += _centroid_rows(frame, labels, centers, features, settings.k, rfm)
    rows += _diagnostic_rows(frame, key, scaled, kmeans, settings)
    reason = f"k = {settings.k} on {len(frame)} customers"
    if n_clusters < settings.k:
        reason = (f"only {distinct} distinct customer(s): {n_clusters if n_clusters >= 2 else 1} segment(s) "
                  f"instead of segments_k = {settings.k}")
    return _table(rows, meta, FIT, reason)


def _kmeans(k: int, settings: KMeansSettings) -> KMeans:
    return KMeans(n_clusters=k, random_state=settings.random_state, n_init=settings.n_init)


def _centroid_rows(
    frame: pd.DataFrame, labels: np.ndarray, centers: np.ndarray, features: list[str], k: int, rfm: RfmColumns
) -> list[dict]:
    segment_ids = stable_segment_ids(labels, frame[rfm.monetary])
    members = frame.assign(segment_id=[segment_ids[int(label)] for label in labels])
    profile = members.groupby("segment_id").agg(
        recency=(rfm.recency, "mean"), frequency=(rfm.frequency, "mean"), monetary=(rfm.monetary, "mean"))
    overall = pd.Series({"recency": frame[rfm.recency].mean(), "frequency": frame[rfm.frequency].mean(),
                         "monetary": frame[rfm.monetary].mean()})
    roles = segment_roles(profile, overall)
    names = unique_segment_names(roles)
    rows = []
    for label, segment_id in sorted(segment_ids.items()):
        for feature, value in zip(features, centers[label]):
            rows.append(_row("centroid", k=k, cluster=label, feature=feature, value=value, segment_id=segment_id,
                             segment_name=names[segment_id], segment_role=roles[segment_id]))
    return rows


def _diagnostic_rows(
    frame: pd.DataFrame, key: str, scaled: np.ndarray, chosen: KMeans | None, settings: KMeansSettings
) -> list[dict]:
    """Inertia and silhouette for k = 2..10 and the chosen k, on at most DIAGNOSTIC_SAMPLE customers.

    The sample is a fixed random one (random_state from the settings), fed in key order; the chosen k
    is not refitted: its fit is evaluated on the sample (on every customer, its own inertia).
    """
    positions = np.arange(len(frame))
    if len(frame) > DIAGNOSTIC_SAMPLE:
        sampled = frame[[key]].sample(n=DIAGNOSTIC_SAMPLE, random_state=settings.random_state)
        positions = sampled.sort_values(key, kind="stable").index.to_numpy()
    sample = scaled[positions]
    distinct = len(np.unique(sample, axis=0))
    distances = euclidean_distances(sample) if distinct > 2 else None
    rows = []
    for k in sorted({*DIAGNOSTIC_K, settings.k}):
        if k >= distinct:
            continue
        if k == settings.k:
            if chosen is None or chosen.n_clusters != k:
                continue
            fitted, labels = chosen, chosen.labels_[positions]
            inertia = chosen.inertia_ if len(positions) == len(frame) else -chosen.score(sample)
        else:
            fitted = _kmeans(k, settings).fit(sample)
            labels, inertia = fitted.labels_, fitted.inertia_
        rows.append(_row("inertia", k=k, value=inertia, customers=len(sample)))
        rows.append(_row("silhouette", k=k, value=mean_silhouette(distances, labels), customers=len(sample)))
    return rows


def euclidean_distances(points: np.ndarray, rows_per_block: int = 500) -> np.ndarray:
    """All pairwise Euclidean distances, summed feature by feature in plain numpy.

    Not scikit-learn's: its multi-threaded BLAS product changes the last digit of a silhouette from
    one build to the next. This one is also faster for a few features.
    """
    distances = np.empty((len(points), len(points)))
    for start in range(0, len(points), rows_per_block):
        block = distances[start:start + rows_per_block]
        block[:] = 0.0
        for feature in range(points.shape[1]):
            difference = np.subtract.outer(points[start:start + rows_per_block, feature], points[:, feature])
            difference *= difference
            block += difference
    return np.sqrt(distances, out=distances)


def mean_silhouette(distances: np.ndarray, labels: np.ndarray) -> float:
    """scikit-learn's silhouette_score from a precomputed distance matrix, for any number of labellings
    of the same rows: one matrix product per labelling instead of all pairwise distances again.

    s(i) = (b - a) / max(a, b), a = mean distance to the own cluster's other members, b = the lowest
    mean distance to another cluster; 0 for a member of a one-member cluster.
    """
    codes, labels = np.unique(labels, return_inverse=True)
    members = np.bincount(labels, minlength=len(codes)).astype(float)
    sums = distances @ np.eye(len(codes))[labels]  # one BLAS thread (customer_value/ml): the same sums every run
    own = sums[np.arange(len(labels)), labels]
    a = own / np.maximum(members[labels] - 1, 1)
    others = sums / members
    others[np.arange(len(labels)), labels] = np.inf
    b = others.min(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):  # a = b = 0 among duplicates: 0, as scikit-learn
        scores = np.where(members[labels] > 1, (b - a) / np.maximum(a, b), 0.0)
    return float(np.nan_to_num(scores).mean())


def _row(parameter: str, *, k: int | None = None, cluster: int | None = None, feature: str | None = None,
         value: float | None = None, segment_id: int | None = None, segment_name: str | None = None,
         segment_role: str | None = None, customers: int | None = None) -> dict:
    return {"parameter": parameter, "k": k, "cluster": cluster, "feature": feature,
            "value": None if value is None else float(value), "segment_id": segment_id,
            "segment_name": segment_name, "segment_role": segment_role, "diagnostic_customers": customers}


def _table(rows: list[dict], meta: dict, status: str, reason: str) -> pd.DataFrame:
    table = pd.DataFrame(rows, columns=[*_row("x").keys()])
    diagnosed = pd.to_numeric(table["diagnostic_customers"], errors="coerce")
    table["customers_used"] = diagnosed.fillna(meta["customers_used"])
    table = table.drop(columns="diagnostic_customers").assign(
        model_status=status, status_reason=reason, settings=meta["settings"])
    for column in ["k", "cluster", "segment_id", "customers_used"]:
        table[column] = table[column].astype("Int64")
    table["value"] = table["value"].astype("float64")
    for column in ["parameter", "feature", "segment_name", "segment_role", "model_status", "status_reason", "settings"]:
        table[column] = table[column].astype("string")
    return table[PARAMETER_COLUMNS]

"""KMeans customer segments with stable ids and rule-based names, for any per-customer feature frame."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import StandardScaler

HIGH_TICKET = "high-ticket"
REPEAT_BUYERS = "repeat buyers"
RECENT_LOW_VALUE = "recent low-value"
DORMANT_LOW_VALUE = "dormant low-value"


@dataclass(frozen=True)
class SegmentSettings:
    """KMeans settings; the defaults are the Olist notebook's."""

    k: int = 4
    random_state: int = 42
    n_init: int = 10


def standardized_kmeans_labels(features: pd.DataFrame, settings: SegmentSettings) -> np.ndarray:
    """Z-score every column over all rows (population std) and return KMeans labels, row for row.

    Row order matters: k-means++ seeding depends on it, so callers sort first.
    """
    scaled = StandardScaler().fit_transform(features.to_numpy(dtype=float))
    n_clusters = min(settings.k, len(np.unique(scaled, axis=0)))
    if n_clusters < 2:
        return np.zeros(len(features), dtype=int)
    kmeans = KMeans(n_clusters=n_clusters, random_state=settings.random_state, n_init=settings.n_init)
    return kmeans.fit_predict(scaled)


def stable_segment_ids(labels: np.ndarray, monetary: pd.Series) -> np.ndarray:
    """Map KMeans' arbitrary labels to 1..k ordered by segment mean monetary, highest = 1.

    Ties (equal means) are broken by the smaller original label, so the mapping is deterministic.
    """
    means = pd.Series(monetary.to_numpy(dtype=float)).groupby(labels).mean()
    order = sorted(means.index, key=lambda label: (-means[label], label))
    mapping = {label: rank for rank, label in enumerate(order, start=1)}
    return np.array([mapping[label] for label in labels], dtype=int)


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


def fit_segments(
    customers: pd.DataFrame,
    key: str,
    features: list[str],
    settings: SegmentSettings,
    recency: str = "recency_days",
    frequency: str = "frequency",
    monetary: str = "monetary",
) -> pd.DataFrame:
    """Segment customers: one row per key with segment_id, segment_name, segment_role and the features.

    `features` are the columns standardized and clustered; recency/frequency/monetary name the columns
    used to order and name the segments (they must be present, not necessarily among `features`).
    """
    if settings.k < 2:
        raise ValueError(f"segments_k must be at least 2, got {settings.k}")
    columns = list(dict.fromkeys([key, *features, recency, frequency, monetary]))
    frame = customers[columns].sort_values(key, kind="stable").reset_index(drop=True)
    output_columns = [key, "segment_id", "segment_name", "segment_role", *columns[1:]]
    if frame.empty:
        return pd.DataFrame(columns=output_columns)

    labels = standardized_kmeans_labels(frame[features], settings)
    frame["segment_id"] = stable_segment_ids(labels, frame[monetary])
    profile = frame.groupby("segment_id").agg(
        recency=(recency, "mean"), frequency=(frequency, "mean"), monetary=(monetary, "mean")
    )
    overall = pd.Series(
        {"recency": frame[recency].mean(), "frequency": frame[frequency].mean(), "monetary": frame[monetary].mean()}
    )
    roles = segment_roles(profile, overall)
    names = unique_segment_names(roles)
    frame["segment_role"] = frame["segment_id"].map(roles)
    frame["segment_name"] = frame["segment_id"].map(names)
    return frame[output_columns]


def kmeans_diagnostics(
    customers: pd.DataFrame,
    key: str,
    features: list[str],
    settings: SegmentSettings,
    k_values: range = range(2, 11),
    sample_size: int = 10_000,
) -> pd.DataFrame:
    """Inertia and silhouette for each k, to judge the chosen k (marked is_chosen).

    Computed on the same standardized features; on more than `sample_size` customers a fixed random
    sample (random_state from the settings) keeps the silhouette affordable. Rows: k, inertia,
    silhouette, customers_used, is_chosen.
    """
    frame = customers[[key, *features]].sort_values(key, kind="stable").reset_index(drop=True)
    if len(frame) > sample_size:
        frame = frame.sample(n=sample_size, random_state=settings.random_state).sort_values(key, kind="stable")
    scaled = StandardScaler().fit_transform(frame[features].to_numpy(dtype=float)) if len(frame) else np.empty((0, 0))
    distinct = len(np.unique(scaled, axis=0)) if len(frame) else 0
    rows = []
    for k in k_values:
        if k >= distinct:
            continue
        kmeans = KMeans(n_clusters=k, random_state=settings.random_state, n_init=settings.n_init).fit(scaled)
        rows.append({
            "k": k,
            "inertia": float(kmeans.inertia_),
            "silhouette": float(silhouette_score(scaled, kmeans.labels_)),
            "customers_used": len(frame),
            "is_chosen": k == settings.k,
        })
    return pd.DataFrame(rows, columns=["k", "inertia", "silhouette", "customers_used", "is_chosen"])

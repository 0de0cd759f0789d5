"""Known-answer tests of the KMeans fit and its parameter table."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.cluster import KMeans
from sklearn.metrics import pairwise_distances, silhouette_score
from sklearn.preprocessing import StandardScaler

from customer_value.ml.kmeans import euclidean_distances, fit_kmeans, mean_silhouette, segment_roles, unique_segment_names
from customer_value.ml.settings import KMeansSettings

FEATURES = ["recency_days", "frequency", "monetary"]
NOTEBOOK = KMeansSettings(k=4, random_state=42, n_init=10)


def customers() -> pd.DataFrame:
    """Four obvious groups of three people: big spenders, repeaters, recent and dormant one-timers."""
    rows = []
    groups = {"big": (100, 1, 5000.0), "rep": (90, 5, 400.0), "new": (10, 1, 50.0), "old": (400, 1, 40.0)}
    for prefix, (recency, frequency, monetary) in groups.items():
        for i in range(3):
            rows.append((f"{prefix}{i}", recency + i, frequency, monetary + i))
    return pd.DataFrame(rows, columns=["customer", *FEATURES])


def nearest_segments(fit: pd.DataFrame, frame: pd.DataFrame) -> pd.Series:
    """What the SQL scoring does, in numpy: standardize with the fit's scaler, nearest centroid's segment."""
    scaler = fit[fit["parameter"].isin(["scaler_mean", "scaler_scale"])].pivot(index="feature", columns="parameter",
                                                                               values="value").loc[FEATURES]
    centroids = fit[fit["parameter"] == "centroid"].pivot(index="cluster", columns="feature", values="value")[FEATURES]
    z = (frame[FEATURES].to_numpy(float) - scaler["scaler_mean"].to_numpy()) / scaler["scaler_scale"].to_numpy()
    nearest = ((z[:, None, :] - centroids.to_numpy()[None]) ** 2).sum(axis=2).argmin(axis=1)
    ids = fit[fit["parameter"] == "centroid"].drop_duplicates("cluster").set_index("cluster")
    return pd.Series(ids.loc[centroids.index[nearest], "segment_name"].to_numpy(), index=frame["customer"])


def test_four_obvious_groups_get_stable_ids_and_names() -> None:
    fit = fit_kmeans(customers(), "customer", FEATURES, NOTEBOOK)
    centroids = fit[fit["parameter"] == "centroid"].drop_duplicates("cluster")
    assert sorted(zip(centroids["segment_id"], centroids["segment_name"])) == [
        (1, "high-ticket"), (2, "repeat buyers"), (3, "recent low-value"), (4, "dormant low-value")]
    names = nearest_segments(fit, customers())
    for prefix, name in {"big": "high-ticket", "rep": "repeat buyers", "new": "recent low-value",
                         "old": "dormant low-value"}.items():
        assert (names.filter(like=prefix) == name).all()
    assert set(fit["model_status"]) == {"fit"} and set(fit["customers_used"].dropna()) == {12}


def test_the_fit_equals_scikit_learn_on_the_notebook_settings() -> None:
    frame = customers().sort_values("customer")  # the notebook's row order: by key
    fit = fit_kmeans(frame, "customer", FEATURES, NOTEBOOK)
    scaled = StandardScaler().fit_transform(frame[FEATURES].to_numpy(float))
    reference = KMeans(n_clusters=4, random_state=42, n_init=10).fit(scaled)
    centroids = fit[fit["parameter"] == "centroid"].pivot(index="cluster", columns="feature", values="value")
    np.testing.assert_allclose(centroids[FEATURES].to_numpy(), reference.cluster_centers_, rtol=0, atol=1e-12)
    inertia = fit[(fit["parameter"] == "inertia") & (fit["k"] == 4)]["value"].item()
    assert inertia == reference.inertia_


def test_row_order_of_the_input_does_not_change_the_fit() -> None:
    first = fit_kmeans(customers(), "customer", FEATURES, NOTEBOOK)
    second = fit_kmeans(customers().sample(frac=1, random_state=7), "customer", FEATURES, NOTEBOOK)
    pd.testing.assert_frame_equal(first, second)


def test_more_segments_than_roles_get_numbered_names() -> None:
    roles = pd.Series(["high-ticket", "repeat buyers", "dormant low-value", "dormant low-value"], index=[1, 2, 3, 4])
    assert unique_segment_names(roles).tolist() == [
        "high-ticket", "repeat buyers", "dormant low-value 1", "dormant low-value 2"
    ]


def test_no_repeat_segment_without_repeat_purchases() -> None:
    profile = pd.DataFrame(
        {"recency": [50.0, 20.0, 300.0], "frequency": [1.0, 1.0, 1.0], "monetary": [900.0, 60.0, 50.0]},
        index=[1, 2, 3],
    )
    overall = pd.Series({"recency": 120.0, "frequency": 1.0, "monetary": 100.0})
    assert segment_roles(profile, overall).tolist() == ["high-ticket", "recent low-value", "dormant low-value"]


def test_fewer_distinct_customers_than_k_is_said_and_empty_input_is_not_fit() -> None:
    frame = customers().head(2)
    fit = fit_kmeans(frame, "customer", FEATURES, NOTEBOOK)
    assert fit["status_reason"].iloc[0] == "only 2 distinct customer(s): 2 segment(s) instead of segments_k = 4"
    assert nearest_segments(fit, frame).tolist() == ["recent low-value", "high-ticket"]  # big1 spends one real more
    ids = fit[fit["parameter"] == "centroid"].drop_duplicates("cluster")
    assert sorted(ids["segment_id"]) == [1, 2]
    empty = fit_kmeans(frame.iloc[0:0], "customer", FEATURES, NOTEBOOK)
    assert set(empty["model_status"]) == {"not_fit"} and (empty["parameter"] != "centroid").all()


def test_k_below_two_is_refused_with_the_setting_name() -> None:
    with pytest.raises(ValueError, match="segments_k"):
        fit_kmeans(customers(), "customer", FEATURES, KMeansSettings(k=1, random_state=42, n_init=10))


@pytest.mark.parametrize("k", [2, 3, 6, 12])
def test_any_k_gives_distinct_names_and_its_own_diagnostics(k: int) -> None:
    rng = np.random.default_rng(5)
    frame = pd.DataFrame({"customer": [f"c{i:03d}" for i in range(300)], "recency_days": rng.integers(0, 700, 300),
                          "frequency": rng.integers(1, 6, 300), "monetary": rng.gamma(2.0, 150.0, 300)})
    fit = fit_kmeans(frame, "customer", FEATURES, KMeansSettings(k=k, random_state=42, n_init=10))
    names = fit[fit["parameter"] == "centroid"].drop_duplicates("cluster")["segment_name"]
    assert len(names) == k and names.is_unique
    diagnosed = sorted(fit.loc[fit["parameter"] == "inertia", "k"])
    assert diagnosed == sorted({*range(2, 11), k})


def test_silhouette_from_one_distance_matrix_equals_scikit_learn() -> None:
    rng = np.random.default_rng(1)
    points = rng.normal(size=(400, 3))
    points[:20] = points[0]  # duplicates, as many one-order customers are
    distances = euclidean_distances(points, rows_per_block=64)
    np.testing.assert_allclose(distances, pairwise_distances(points), rtol=0, atol=1e-12)
    for k in (2, 5):
        labels = KMeans(k, random_state=0, n_init=1).fit_predict(points)
        assert mean_silhouette(distances, labels) == pytest.approx(silhouette_score(points, labels), abs=1e-12)
    singleton = np.array([0] * 10 + [1] + [2] * 389)
    assert mean_silhouette(distances, singleton) == pytest.approx(silhouette_score(points, singleton), abs=1e-12)

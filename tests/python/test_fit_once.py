"""Each estimator is fitted exactly once per model per build: counted while building the bundled samples."""

from __future__ import annotations

import json

from conftest import SAMPLE_FITS, Build

DIAGNOSTIC_K = [2, 3, 5, 6, 7, 8, 9, 10]  # the chosen k = 4 is the segments' own fit, not fitted again


def expected_fits() -> dict[str, int]:
    expected = {}
    for source in ("olist", "ecomx", "transactions"):
        expected[f"{source}_kmeans_fit: StandardScaler"] = 1
        expected[f"{source}_kmeans_fit: KMeans k=4"] = 1
        expected.update({f"{source}_kmeans_fit: KMeans k={k}": 1 for k in DIAGNOSTIC_K})
        # the holdout evaluation's classifiers: one scaler and one regression per target
        expected[f"{source}_value_classifier_fit: StandardScaler"] = 2
        expected[f"{source}_value_classifier_fit: LogisticRegression"] = 2
    expected["olist_high_value_coefficients: StandardScaler"] = 1
    expected["olist_high_value_coefficients: LogisticRegression"] = 1
    # two feature sets: the preprocessing and each of the four models once per feature set
    for name in ["ColumnTransformer", "StandardScaler", "LogisticRegression", "KNeighborsClassifier",
                 "RandomForestClassifier", "GaussianNB"]:
        expected[f"ecomx_clv_classifier_fit: {name}"] = 2
    return expected


def test_every_estimator_is_fitted_once_per_model(sample_build: Build) -> None:
    """The session's sample build ran through count_fits.py (conftest.sample_build)."""
    fits = json.loads((sample_build.warehouse.parent / SAMPLE_FITS).read_text())
    assert fits == expected_fits()

"""Each estimator is fitted exactly once per model per build: counted while building the bundled samples."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import REPO, SAMPLE_ECOMX, SAMPLE_OLIST, SAMPLE_TRANSACTIONS

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


def test_every_estimator_is_fitted_once_per_model(tmp_path: Path) -> None:
    out = tmp_path / "fits.json"
    env = {**os.environ, "OLIST_DATA_DIR": str(SAMPLE_OLIST), "ECOMX_DATA_DIR": str(SAMPLE_ECOMX),
           "TRANSACTIONS_DATA_DIR": str(SAMPLE_TRANSACTIONS),
           "DBT_DUCKDB_PATH": str(tmp_path / "warehouse.duckdb"), "DBT_PROFILES_DIR": str(REPO),
           "DBT_SEND_ANONYMOUS_USAGE_STATS": "False"}
    args = ["--project-dir", str(REPO), "--target-path", str(tmp_path / "target"), "--log-path", str(tmp_path / "logs")]
    result = subprocess.run([sys.executable, str(Path(__file__).with_name("count_fits.py")), str(out), *args],
                            cwd=REPO, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert json.loads(out.read_text()) == expected_fits()

"""The Olist high-value model, fitted once: label = member of the top-monetary segment, logistic
regression on standardized RFM. Returns the parameter table that SQL scores every customer with."""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

from customer_value.ml.fit_status import FIT, NOT_FIT
from customer_value.ml.settings import SplitSettings
from customer_value.ml.splits import why_not_splittable

MAX_ITER = 1000
PARAMETER_COLUMNS = ["term", "coefficient", "model_status", "status_reason", "feature_mean", "feature_scale",
                     "customers_used"]


def fit_high_value_model(
    customers: pd.DataFrame, split: pd.DataFrame, key: str, features: list[str], settings: SplitSettings
) -> pd.DataFrame:
    """Fit on the training rows of `split` (key, split) among `customers` (key, features, is_high_value).

    As the notebook: StandardScaler fit on the training rows only, then
    LogisticRegression(class_weight="balanced", max_iter=1000). One row per term (intercept first):
    coefficient on the standardized scale, the scaler's mean and scale of the feature. An empty split
    (the labels cannot support one) gives null coefficients, status not_fit and the reason.
    """
    frame = customers.merge(split, on=key, how="inner", validate="one_to_one").sort_values(key, kind="stable")
    train = frame[frame["split"] == "train"]
    if frame.empty:
        reason = why_not_splittable(customers["is_high_value"].astype(str), settings.test_size)
        return _table(features, [np.nan] * (len(features) + 1), [np.nan] * len(features),
                      [np.nan] * len(features), NOT_FIT, reason, 0)
    x_train = train[features].astype(float)
    scaler = StandardScaler().fit(x_train)
    model = LogisticRegression(class_weight="balanced", random_state=settings.random_state, max_iter=MAX_ITER)
    model.fit(scaler.transform(x_train), train["is_high_value"].astype(int))
    tested = int((frame["split"] == "test").sum())
    return _table(features, [float(model.intercept_[0]), *model.coef_[0].astype(float)], list(scaler.mean_),
                  list(scaler.scale_), FIT, f"trained on {len(train)} customers, evaluated on {tested}", len(train))


def _table(features: list[str], coefficients: list[float], means: list[float], scales: list[float],
           status: str, reason: str, used: int) -> pd.DataFrame:
    return pd.DataFrame({
        "term": ["intercept", *features],
        "coefficient": pd.array(coefficients, dtype="float64"),
        "feature_mean": pd.array([np.nan, *means], dtype="float64"),
        "feature_scale": pd.array([np.nan, *scales], dtype="float64"),
        "model_status": status,
        "status_reason": reason,
        "customers_used": used,
    })[PARAMETER_COLUMNS]

"""The forward-looking classifiers of the holdout evaluation: one logistic regression per target
("buys again", "top 10% of spend"), trained on a window that ends at the calibration end (features up to
an earlier cutoff, outcomes between the cutoff and the calibration end), so the holdout outcomes they are
judged on are never seen. The same recipe as the high-value model: StandardScaler, then
LogisticRegression(class_weight="balanced", max_iter=1000). SQL scores every customer from the table."""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

from customer_value.ml.fit_status import FIT, NOT_FIT

MAX_ITER = 1000
PARAMETER_COLUMNS = ["target", "term", "coefficient", "feature_mean", "feature_scale", "model_status",
                     "status_reason", "customers_used"]


def fit_value_classifiers(training: pd.DataFrame, key: str, features: list[str], targets: list[str],
                          random_state: int) -> pd.DataFrame:
    """One block of rows per target (intercept first, then each feature); null coefficients with status
    not_fit and the reason when a target has a single class in the training window."""
    training = training.sort_values(key, kind="stable")
    x = training[features].astype(float)
    return pd.concat([_fit_one(x, training[target].astype(int), target, features, random_state) for target in targets],
                     ignore_index=True)[PARAMETER_COLUMNS]


def _fit_one(x: pd.DataFrame, y: pd.Series, target: str, features: list[str], random_state: int) -> pd.DataFrame:
    classes = y.value_counts()
    if len(classes) < 2:
        reason = ("the training window has no customers at all" if y.empty else
                  f"every one of the {len(y)} training customers has {target} = {int(classes.index[0])}: nothing to learn")
        return _table(target, features, [np.nan] * (len(features) + 1), [np.nan] * len(features),
                      [np.nan] * len(features), NOT_FIT, reason, 0)
    scaler = StandardScaler().fit(x)
    model = LogisticRegression(class_weight="balanced", random_state=random_state, max_iter=MAX_ITER)
    model.fit(scaler.transform(x), y)
    reason = f"trained on {len(y)} customers, {int(classes.get(1, 0))} with {target}"
    return _table(target, features, [float(model.intercept_[0]), *model.coef_[0].astype(float)],
                  list(scaler.mean_), list(scaler.scale_), FIT, reason, len(y))


def _table(target: str, features: list[str], coefficients: list[float], means: list[float], scales: list[float],
           status: str, reason: str, used: int) -> pd.DataFrame:
    return pd.DataFrame({
        "target": target,
        "term": ["intercept", *features],
        "coefficient": pd.array(coefficients, dtype="float64"),
        "feature_mean": pd.array([np.nan, *means], dtype="float64"),
        "feature_scale": pd.array([np.nan, *scales], dtype="float64"),
        "model_status": status,
        "status_reason": reason,
        "customers_used": used,
    })

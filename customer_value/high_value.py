"""The Olist high-value model: label = member of the top-monetary segment; logistic regression on RFM."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

from customer_value.splits import why_not_splittable

FEATURES = ["recency_days", "frequency", "monetary"]
FIT = "fit"
NOT_FIT = "not_fit"


@dataclass(frozen=True)
class ModelSettings:
    """Split and model settings; the defaults are the notebook's."""

    test_size: float = 0.3
    random_state: int = 42
    max_iter: int = 1000


@dataclass(frozen=True)
class HighValueFit:
    """Per-customer scores and the model's coefficients on standardized features."""

    scores: pd.DataFrame
    coefficients: pd.DataFrame


def high_value_labels(segment_ids: pd.Series) -> pd.Series:
    """1 for the segment with the highest mean monetary (stable segment_id 1), else 0."""
    return (segment_ids == 1).astype(int)


def fit_high_value_model(
    customers: pd.DataFrame, key: str, settings: ModelSettings, features: list[str] = FEATURES
) -> HighValueFit:
    """Fit the notebook's model on customers (key, features, is_high_value), sorted by key.

    70/30 stratified split with the given random_state; StandardScaler fit on the training rows only;
    LogisticRegression(class_weight="balanced"). Every customer is scored (train and test rows).
    When the data cannot support the split, scores carry nulls and coefficients say why.
    """
    frame = customers.sort_values(key, kind="stable").reset_index(drop=True)
    labels = frame["is_high_value"].astype(int)
    reason = why_not_splittable(labels, settings.test_size)
    if reason is not None:
        return _not_fit(frame, key, features, reason)

    x = frame[features].astype(float)
    x_train, x_test, y_train, _ = train_test_split(
        x, labels, test_size=settings.test_size, stratify=labels, random_state=settings.random_state
    )
    scaler = StandardScaler().fit(x_train)
    model = LogisticRegression(
        class_weight="balanced", random_state=settings.random_state, max_iter=settings.max_iter
    ).fit(scaler.transform(x_train), y_train)

    scaled = scaler.transform(x)
    scores = pd.DataFrame(
        {
            key: frame[key],
            "is_high_value": labels,
            "p_high_value": model.predict_proba(scaled)[:, 1],
            "predicted_high_value": model.predict(scaled).astype(int),
            "split": np.where(frame.index.isin(x_test.index), "test", "train"),
        }
    )
    coefficients = _coefficients(
        terms=["intercept", *features],
        values=[float(model.intercept_[0]), *model.coef_[0].astype(float)],
        status=FIT,
        reason=f"trained on {len(x_train)} customers, evaluated on {len(x_test)}",
    )
    return HighValueFit(scores=scores, coefficients=coefficients)


def _not_fit(frame: pd.DataFrame, key: str, features: list[str], reason: str) -> HighValueFit:
    scores = pd.DataFrame(
        {
            key: frame[key],
            "is_high_value": frame["is_high_value"].astype(int),
            "p_high_value": np.full(len(frame), np.nan),
            "predicted_high_value": pd.array([None] * len(frame), dtype="Int64"),
            "split": pd.array([None] * len(frame), dtype="string"),
        }
    )
    terms = ["intercept", *features]
    return HighValueFit(scores, _coefficients(terms, [np.nan] * len(terms), NOT_FIT, reason))


def _coefficients(terms: list[str], values: list[float], status: str, reason: str) -> pd.DataFrame:
    return pd.DataFrame(
        {"term": terms, "coefficient": values, "model_status": status, "status_reason": reason}
    )

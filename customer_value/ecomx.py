"""EcomX feature sets for the CLV-class models and the columns used to segment EcomX customers."""

from __future__ import annotations

import pandas as pd

from customer_value.classifiers import FeatureSet

CLV_CLASSES = ["Low", "Medium", "High"]
ENGAGEMENT = ["site_visits", "emails_opened", "clicks"]
RESPONSES = ["responded_discount", "responded_buy_one_get_one", "responded_free_shipping"]

FEATURE_SETS = {
    # The notebook's features: spend and transactions, engagement, campaign responses, demographics.
    # total_spend is the numerator of clv, so this set leaks the label; kept because users compare with it.
    "published": FeatureSet(numeric=["total_spend", "n_transactions", *ENGAGEMENT, *RESPONSES, "age"],
                            categorical=["gender"]),
    # Nothing clv is computed from: no spend (total or per category, average amount) and no tenure.
    "no_leakage": FeatureSet(numeric=["n_transactions", *ENGAGEMENT, *RESPONSES, "age"], categorical=["gender"]),
}

SEGMENT_FEATURES = ["recency_days", "frequency", "monetary", *ENGAGEMENT]


def with_fixed_class_columns(predictions: pd.DataFrame) -> pd.DataFrame:
    """Always p_low, p_medium, p_high (0 for a class absent from the data), so the table shape never drifts."""
    for cls in CLV_CLASSES:
        column = f"p_{cls.lower()}"
        if column not in predictions:
            predictions[column] = 0.0
    fixed = [c for c in predictions.columns if not c.startswith("p_")]
    return predictions[[*fixed, *[f"p_{cls.lower()}" for cls in CLV_CLASSES]]]


def classifier_inputs(features: pd.DataFrame, clv: pd.DataFrame) -> pd.DataFrame:
    """One row per customer: the feature table with its clv_class label."""
    return features.merge(clv[["customer_id", "clv_class"]], on="customer_id", validate="one_to_one")

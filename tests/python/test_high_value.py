"""Known-answer tests of the notebook's logistic regression as a parameter table, and its split."""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

from customer_value.ml.high_value import fit_high_value_model
from customer_value.ml.settings import SplitSettings
from customer_value.ml.splits import split_customers

FEATURES = ["recency_days", "frequency", "monetary"]
NOTEBOOK = SplitSettings(test_size=0.3, random_state=42)


def customers(n: int = 100) -> pd.DataFrame:
    rng = np.random.default_rng(0)
    monetary = np.r_[rng.uniform(1000, 3000, n // 5), rng.uniform(10, 300, n - n // 5)]
    frame = pd.DataFrame({"customer": [f"c{i:03d}" for i in range(n)], "recency_days": rng.integers(0, 600, n),
                          "frequency": rng.integers(1, 3, n), "monetary": monetary})
    frame["is_high_value"] = (frame["monetary"] >= 1000).astype(int)
    return frame


def sql_like_scores(coefficients: pd.DataFrame, frame: pd.DataFrame) -> np.ndarray:
    """What olist_high_value_scores computes from the table: sigmoid(intercept + coef x standardized)."""
    terms = coefficients.set_index("term")
    z = terms.loc["intercept", "coefficient"] + sum(
        terms.loc[f, "coefficient"] * (frame[f] - terms.loc[f, "feature_mean"]) / terms.loc[f, "feature_scale"]
        for f in FEATURES)
    return 1 / (1 + np.exp(-z.to_numpy()))


def test_stratified_70_30_split_and_monetary_driver() -> None:
    frame = customers()
    split = split_customers(frame, "customer", "is_high_value", NOTEBOOK)
    test = frame.merge(split[split["split"] == "test"], on="customer")
    assert len(test) == 30 and test["is_high_value"].sum() == 6  # 20 % positives kept in the test part
    fit = fit_high_value_model(frame, split, "customer", FEATURES, NOTEBOOK).set_index("term")
    assert fit.loc["monetary", "coefficient"] > 0
    assert abs(fit.loc["monetary", "coefficient"]) == fit["coefficient"].drop("intercept").abs().max()
    assert set(fit["model_status"]) == {"fit"} and set(fit["customers_used"]) == {70}
    assert fit["status_reason"].iloc[0] == "trained on 70 customers, evaluated on 30"


def test_parameters_score_exactly_as_scikit_learn() -> None:
    frame = customers()
    split = split_customers(frame, "customer", "is_high_value", NOTEBOOK)
    fit = fit_high_value_model(frame, split, "customer", FEATURES, NOTEBOOK)
    train = frame.merge(split, on="customer").query("split == 'train'")
    scaler = StandardScaler().fit(train[FEATURES].astype(float))
    model = LogisticRegression(class_weight="balanced", random_state=42, max_iter=1000)
    model.fit(scaler.transform(train[FEATURES].astype(float)), train["is_high_value"])
    expected = model.predict_proba(scaler.transform(frame[FEATURES].astype(float)))[:, 1]
    np.testing.assert_allclose(sql_like_scores(fit, frame), expected, rtol=0, atol=1e-12)


def test_same_input_gives_identical_split_and_fit() -> None:
    first = split_customers(customers(), "customer", "is_high_value", NOTEBOOK)
    second = split_customers(customers().iloc[::-1], "customer", "is_high_value", NOTEBOOK)
    pd.testing.assert_frame_equal(first, second)
    fits = [fit_high_value_model(frame, first, "customer", FEATURES, NOTEBOOK) for frame in (customers(), customers().iloc[::-1])]
    pd.testing.assert_frame_equal(*fits)


def test_single_member_class_is_reported_not_raised() -> None:
    frame = customers(10)
    frame["is_high_value"] = [1] + [0] * 9
    split = split_customers(frame, "customer", "is_high_value", NOTEBOOK)
    assert split.empty
    fit = fit_high_value_model(frame, split, "customer", FEATURES, NOTEBOOK)
    assert fit["coefficient"].isna().all() and set(fit["model_status"]) == {"not_fit"}
    assert "smallest class has 1 customer(s) out of 10" in fit["status_reason"].iloc[0]

"""Known-answer tests of the high-value label and the notebook's logistic regression."""

from __future__ import annotations

import numpy as np
import pandas as pd

from customer_value.high_value import ModelSettings, fit_high_value_model, high_value_labels


def customers(n: int = 100) -> pd.DataFrame:
    rng = np.random.default_rng(0)
    monetary = np.r_[rng.uniform(1000, 3000, n // 5), rng.uniform(10, 300, n - n // 5)]
    frame = pd.DataFrame(
        {
            "customer": [f"c{i:03d}" for i in range(n)],
            "recency_days": rng.integers(0, 600, n),
            "frequency": rng.integers(1, 3, n),
            "monetary": monetary,
        }
    )
    frame["is_high_value"] = (frame["monetary"] >= 1000).astype(int)
    return frame


def test_label_is_membership_of_segment_one() -> None:
    assert high_value_labels(pd.Series([1, 2, 1, 4])).tolist() == [1, 0, 1, 0]


def test_stratified_70_30_split_and_monetary_driver() -> None:
    fit = fit_high_value_model(customers(), "customer", ModelSettings())
    scores = fit.scores
    test = scores[scores["split"] == "test"]
    assert len(test) == 30 and test["is_high_value"].sum() == 6  # 20 % positives kept in the test part
    assert scores["p_high_value"].between(0, 1).all()
    assert (scores["predicted_high_value"] == (scores["p_high_value"] > 0.5)).all()
    coefficients = fit.coefficients.set_index("term")["coefficient"]
    assert coefficients["monetary"] > 0 and abs(coefficients["monetary"]) == coefficients.drop("intercept").abs().max()
    assert set(fit.coefficients["model_status"]) == {"fit"}
    assert fit.coefficients["status_reason"].iloc[0] == "trained on 70 customers, evaluated on 30"


def test_same_input_gives_identical_scores() -> None:
    first = fit_high_value_model(customers(), "customer", ModelSettings()).scores
    second = fit_high_value_model(customers().iloc[::-1], "customer", ModelSettings()).scores
    pd.testing.assert_frame_equal(first, second)


def test_single_member_class_is_reported_not_raised() -> None:
    frame = customers(10)
    frame["is_high_value"] = [1] + [0] * 9
    fit = fit_high_value_model(frame, "customer", ModelSettings())
    assert fit.scores["p_high_value"].isna().all() and fit.scores["split"].isna().all()
    assert set(fit.coefficients["model_status"]) == {"not_fit"}
    assert "smallest class has 1 customer(s) out of 10" in fit.coefficients["status_reason"].iloc[0]

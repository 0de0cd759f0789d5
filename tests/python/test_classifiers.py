"""Known-answer tests of the shared classifier comparison on a tiny fixed frame."""

from __future__ import annotations

import numpy as np
import pandas as pd

from customer_value.classifiers import FeatureSet, SplitSettings, compare_classifiers, make_model, make_pipeline, prepare_inputs
from customer_value.ecomx import FEATURE_SETS, with_fixed_class_columns
from customer_value.splits import stratified_split


def frame(n_per_class: int = 10) -> pd.DataFrame:
    """Three perfectly separated classes on `visits`; `noise` carries nothing; gender and age partly missing."""
    rng = np.random.default_rng(3)
    classes = np.repeat(["Low", "Medium", "High"], n_per_class)
    visits = np.repeat([10.0, 50.0, 90.0], n_per_class) + rng.uniform(-2, 2, 3 * n_per_class)
    return pd.DataFrame({
        "customer_id": np.arange(1, 3 * n_per_class + 1),
        "visits": visits,
        "noise": rng.normal(size=3 * n_per_class),
        "age": np.where(np.arange(3 * n_per_class) % 5 == 0, np.nan, 30.0),
        "gender": np.where(np.arange(3 * n_per_class) % 4 == 0, None, "Female"),
        "clv_class": classes,
    })


SETS = {"all": FeatureSet(numeric=["visits", "noise", "age"], categorical=["gender"]),
        "noise_only": FeatureSet(numeric=["noise"])}


def test_every_customer_predicted_once_per_model_and_feature_set_on_one_shared_split() -> None:
    predictions = compare_classifiers(frame(), "customer_id", "clv_class", SETS, SplitSettings())
    assert len(predictions) == 30 * 4 * 2
    assert not predictions.duplicated(["customer_id", "model", "feature_set"]).any()
    splits = predictions.pivot_table(index="customer_id", columns=["model", "feature_set"], values="split", aggfunc="first")
    assert (splits.nunique(axis=1) == 1).all()  # the same split for every model and feature set
    test = predictions[(predictions["model"] == "knn") & (predictions["feature_set"] == "all") & (predictions["split"] == "test")]
    assert len(test) == 9 and (test["actual_class"].value_counts() == 3).all()  # 30 %, stratified
    np.testing.assert_allclose(predictions[["p_high", "p_low", "p_medium"]].sum(axis=1), 1.0)


def test_separable_classes_are_learnt_and_noise_is_not() -> None:
    predictions = compare_classifiers(frame(), "customer_id", "clv_class", SETS, SplitSettings())
    test = predictions[predictions["split"] == "test"]
    accuracy = test.assign(ok=test["actual_class"] == test["predicted_class"]).groupby(["feature_set", "model"])["ok"].mean()
    assert accuracy["all"].drop("knn").eq(1.0).all()
    assert accuracy["all"]["knn"] >= 8 / 9  # 5 neighbours among 21 rows, two of three dimensions noise
    assert accuracy["noise_only"].max() < 1.0


def test_preprocessing_is_fit_on_the_training_rows_only() -> None:
    data = frame()
    data.loc[data["customer_id"] > 20, "age"] = 90.0  # the High class is older
    features = FeatureSet(numeric=["age"])
    split = stratified_split(data["clv_class"], 0.3, 42)
    pipeline = make_pipeline(features, make_model("logistic_regression", 42))
    inputs = prepare_inputs(data, features)
    pipeline.fit(inputs[split == "train"], data.loc[split == "train", "clv_class"])
    numeric = pipeline.named_steps["prepare"].named_transformers_["numeric"]
    train_ages = data.loc[split == "train", "age"]
    assert numeric.named_steps["impute"].statistics_[0] == train_ages.median()
    assert numeric.named_steps["scale"].mean_[0] == train_ages.fillna(train_ages.median()).mean()


def test_the_leakage_free_set_has_no_spend_and_no_tenure() -> None:
    columns = FEATURE_SETS["no_leakage"].columns
    assert not [c for c in columns if "spend" in c or "tenure" in c or "amount" in c or c == "clv"]
    assert "total_spend" in FEATURE_SETS["published"].columns


def test_probability_columns_never_drift() -> None:
    frame_two_classes = pd.DataFrame({"customer_id": [1], "p_high": [0.2], "p_low": [0.8]})
    fixed = with_fixed_class_columns(frame_two_classes)
    assert list(fixed.columns) == ["customer_id", "p_low", "p_medium", "p_high"]
    assert fixed["p_medium"].tolist() == [0.0]

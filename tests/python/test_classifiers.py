"""Known-answer tests of the classifier fit: its parameters reproduce scikit-learn, its estimators score."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import yaml
from sklearn.naive_bayes import GaussianNB
from sklearn.pipeline import Pipeline

from customer_value.ml.classifiers import fit_classifiers, make_model, make_preprocessing, predict_with_estimators, prepare_inputs
from customer_value.ml.settings import FeatureSet, SplitSettings
from customer_value.ml.splits import split_customers

REPO = Path(__file__).resolve().parents[2]
MODELS = ["logistic_regression", "knn", "random_forest", "naive_bayes"]
CLASSES = ["Low", "Medium", "High"]
SETS = {"all": FeatureSet(numeric=["visits", "noise", "age"], categorical=["gender"]),
        "noise_only": FeatureSet(numeric=["noise"])}
NOTEBOOK = SplitSettings(test_size=0.3, random_state=42)


def frame(n_per_class: int = 10) -> pd.DataFrame:
    """Three perfectly separated classes on `visits`; `noise` carries nothing; gender and age partly missing."""
    rng = np.random.default_rng(3)
    n = 3 * n_per_class
    return pd.DataFrame({
        "customer_id": np.arange(1, n + 1),
        "visits": np.repeat([10.0, 50.0, 90.0], n_per_class) + rng.uniform(-2, 2, n),
        "noise": rng.normal(size=n),
        "age": np.where(np.arange(n) % 5 == 0, np.nan, 30.0 + np.arange(n) % 7),
        "gender": np.where(np.arange(n) % 4 == 0, None, np.where(np.arange(n) % 3 == 0, "Male", "Female")),
        "clv_class": np.repeat(CLASSES, n_per_class),
    })


def fitted(data: pd.DataFrame | None = None) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    data = frame() if data is None else data
    split = split_customers(data, "customer_id", "clv_class", NOTEBOOK)
    return data, split, fit_classifiers(data, split, "customer_id", "clv_class", SETS, MODELS, NOTEBOOK)


def reference_pipeline(data: pd.DataFrame, split: pd.DataFrame, features: FeatureSet, model: str) -> Pipeline:
    train = data.merge(split, on="customer_id").query("split == 'train'")
    pipeline = Pipeline([("prepare", make_preprocessing(features)), ("model", make_model(model, 42))])
    return pipeline.fit(prepare_inputs(train, features), train["clv_class"])


def linear_scores(fit: pd.DataFrame, data: pd.DataFrame, feature_set: str, model: str) -> pd.DataFrame:
    """What the macro classifier_linear_scores computes, in numpy: softmax of the per-class scores."""
    rows = fit[(fit["feature_set"] == feature_set)]
    prep = rows[rows["model"] == "preprocessing"].pivot_table(index="feature", columns="parameter", values="value")
    features = SETS[feature_set]
    z = {c: (data[c].fillna(prep.loc[c, "imputer_median"]) - prep.loc[c, "scaler_mean"]) / prep.loc[c, "scaler_scale"]
         for c in features.numeric}
    own = rows[rows["model"] == model]
    scores = {}
    for cls in sorted(own["class_label"].dropna().unique()):
        p = own[own["class_label"] == cls]
        value = p.loc[p["parameter"].isin(["intercept", "log_norm"]), "value"].item()
        weights = p[p["parameter"].isin(["coefficient", "theta"]) & p["category"].isna()].set_index("feature")["value"]
        variances = p[p["parameter"] == "var"].set_index("feature")["value"]
        for c in features.numeric:
            value = value + (weights[c] * z[c] if model == "logistic_regression"
                             else -0.5 * (z[c] - weights[c]) ** 2 / variances[c])
        for c in features.categorical:
            lookup = p[p["parameter"].isin(["coefficient", "category_adjust"]) & (p["source_column"] == c)]
            value = value + data[c].fillna("missing").map(lookup.set_index("category")["value"]).fillna(0.0)
        scores[cls] = value
    scores = pd.DataFrame(scores)
    exp = np.exp(scores.sub(scores.max(axis=1), axis=0))
    return exp.div(exp.sum(axis=1), axis=0)


def test_one_status_row_per_model_and_feature_set_and_a_shared_stratified_split() -> None:
    data, split, fit = fitted()
    status = fit[fit["parameter"] == "status"]
    assert sorted(zip(status["feature_set"], status["model"])) == sorted((s, m) for s in SETS for m in MODELS)
    assert set(fit["model_status"]) == {"fit"} and set(fit["customers_used"]) == {21}
    test = data.merge(split[split["split"] == "test"], on="customer_id")
    assert len(test) == 9 and (test["clv_class"].value_counts() == 3).all()  # 30 %, stratified


def test_linear_parameters_reproduce_scikit_learn_probabilities() -> None:
    data, split, fit = fitted()
    for feature_set, features in SETS.items():
        for model in ["logistic_regression", "naive_bayes"]:
            expected = reference_pipeline(data, split, features, model).predict_proba(prepare_inputs(data, features))
            np.testing.assert_allclose(linear_scores(fit, data, feature_set, model).to_numpy(), expected,
                                       rtol=0, atol=1e-12)


def test_estimators_score_without_refitting_and_learn_separable_classes() -> None:
    data, split, fit = fitted()
    predictions = predict_with_estimators(fit, data, "customer_id", SETS, CLASSES)
    assert len(predictions) == 30 * 2 * 2 and set(predictions["model"]) == {"knn", "random_forest"}
    np.testing.assert_allclose(predictions[["p_low", "p_medium", "p_high"]].sum(axis=1), 1.0)
    for feature_set, features in SETS.items():
        expected = reference_pipeline(data, split, features, "random_forest").predict_proba(prepare_inputs(data, features))
        got = predictions[(predictions["feature_set"] == feature_set) & (predictions["model"] == "random_forest")]
        np.testing.assert_allclose(got[["p_high", "p_low", "p_medium"]].to_numpy(), expected, rtol=0, atol=1e-12)
    test = predictions.merge(split, on="customer_id").merge(data[["customer_id", "clv_class"]], on="customer_id")
    test = test[test["split"] == "test"]
    accuracy = (test["predicted_class"] == test["clv_class"]).groupby([test["feature_set"], test["model"]]).mean()
    assert accuracy["all"]["random_forest"] == 1.0 and accuracy["noise_only"].max() < 1.0


def test_preprocessing_is_fit_on_the_training_rows_only() -> None:
    data, split, fit = fitted()
    train = data.merge(split, on="customer_id").query("split == 'train'")
    prep = fit[(fit["feature_set"] == "all") & (fit["model"] == "preprocessing")]
    by = prep.pivot_table(index="feature", columns="parameter", values="value").loc["age"]
    assert by["imputer_median"] == train["age"].median()
    assert by["scaler_mean"] == train["age"].fillna(train["age"].median()).mean()
    categories = prep[prep["parameter"] == "category"]["category"].tolist()
    assert categories == sorted(train["gender"].fillna("missing").unique())


def test_naive_bayes_terms_add_up_to_its_joint_log_likelihood() -> None:
    data, split, fit = fitted()
    pipeline = reference_pipeline(data, split, SETS["all"], "naive_bayes")
    model: GaussianNB = pipeline.named_steps["model"]
    encoded = pipeline.named_steps["prepare"].transform(prepare_inputs(data, SETS["all"]))
    jll = model.predict_joint_log_proba(encoded)
    exp = np.exp(jll - jll.max(axis=1, keepdims=True))
    np.testing.assert_allclose(linear_scores(fit, data, "all", "naive_bayes").to_numpy(),
                               exp / exp.sum(axis=1, keepdims=True), rtol=0, atol=1e-12)


def test_one_class_only_is_reported_not_raised() -> None:
    data = frame().assign(clv_class="Low")
    _, split, fit = fitted(data)
    assert split.empty and set(fit["model_status"]) == {"not_fit"} and (fit["parameter"] == "status").all()
    assert "only one class present" in fit["status_reason"].iloc[0]


def test_the_leakage_free_set_has_no_spend_and_no_tenure() -> None:
    sets = yaml.safe_load((REPO / "dbt_project.yml").read_text())["vars"]["clv_feature_sets"]
    columns = sets["no_leakage"]["numeric"] + sets["no_leakage"]["categorical"]
    assert not [c for c in columns if "spend" in c or "tenure" in c or "amount" in c or c == "clv"]
    assert "total_spend" in sets["published"]["numeric"]

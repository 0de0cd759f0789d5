"""Four classifiers compared on one split: the EcomX CLV-class workflow, usable for any label."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from sklearn.base import ClassifierMixin
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.inspection import permutation_importance
from sklearn.linear_model import LogisticRegression
from sklearn.naive_bayes import GaussianNB
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from customer_value.splits import stratified_split, why_not_splittable

MODELS = ["logistic_regression", "knn", "random_forest", "naive_bayes"]


@dataclass(frozen=True)
class FeatureSet:
    """Columns a model sees: numeric ones are imputed (median) and scaled, categorical ones one-hot encoded."""

    numeric: list[str]
    categorical: list[str] = field(default_factory=list)

    @property
    def columns(self) -> list[str]:
        return [*self.numeric, *self.categorical]


@dataclass(frozen=True)
class SplitSettings:
    test_size: float = 0.3
    random_state: int = 42


def make_model(name: str, random_state: int) -> ClassifierMixin:
    """The four compared classifiers with the reference notebook's (library default) settings."""
    if name == "logistic_regression":
        return LogisticRegression(max_iter=1000, random_state=random_state)
    if name == "knn":
        return KNeighborsClassifier()
    if name == "random_forest":
        return RandomForestClassifier(random_state=random_state, n_jobs=1)
    if name == "naive_bayes":
        return GaussianNB()
    raise ValueError(f"unknown model {name!r}; expected one of {MODELS}")


def make_pipeline(features: FeatureSet, model: ClassifierMixin) -> Pipeline:
    """Preprocessing inside the pipeline, so imputation and scaling are fit on the training rows only."""
    transformers = [("numeric", Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())]),
                     features.numeric)]
    if features.categorical:
        categorical = Pipeline([
            ("impute", SimpleImputer(strategy="constant", fill_value="missing")),
            ("encode", OneHotEncoder(handle_unknown="ignore", sparse_output=False)),
        ])
        transformers.append(("categorical", categorical, features.categorical))
    return Pipeline([("prepare", ColumnTransformer(transformers)), ("model", model)])


def prepare_inputs(frame: pd.DataFrame, features: FeatureSet) -> pd.DataFrame:
    """Features as the pipeline expects them: numbers as float (booleans to 0/1), categoricals as text."""
    inputs = frame[features.columns].copy()
    for column in features.numeric:
        inputs[column] = pd.to_numeric(inputs[column].astype("float64"), errors="raise")
    for column in features.categorical:
        inputs[column] = inputs[column].astype(object).where(inputs[column].notna(), np.nan)
    return inputs


def compare_classifiers(
    frame: pd.DataFrame,
    key: str,
    label: str,
    feature_sets: dict[str, FeatureSet],
    settings: SplitSettings,
    models: list[str] = MODELS,
) -> pd.DataFrame:
    """Train every model on every feature set and predict every row.

    Returns one row per key, model and feature set: split, actual and predicted class, and one
    probability column `p_<class>` per class (lower-cased). Rows are sorted by key first, so the split
    does not depend on the order the warehouse returns them in.
    """
    frame, labels, split = _sorted_and_split(frame, key, label, settings)
    classes = sorted(labels.unique())
    if split is None:
        return _unfit_predictions(frame[key], labels, classes, feature_sets, models)
    outputs = []
    for feature_set_name, features in feature_sets.items():
        inputs = prepare_inputs(frame, features)
        train = split == "train"
        for model_name in models:
            pipeline = make_pipeline(features, make_model(model_name, settings.random_state))
            pipeline.fit(inputs[train], labels[train])
            probabilities = pd.DataFrame(pipeline.predict_proba(inputs), columns=pipeline.classes_)
            output = pd.DataFrame({
                key: frame[key], "model": model_name, "feature_set": feature_set_name, "split": split,
                "actual_class": labels, "predicted_class": pipeline.predict(inputs),
            })
            for cls in classes:
                output[f"p_{cls.lower()}"] = probabilities[cls] if cls in probabilities else 0.0
            outputs.append(output)
    return pd.concat(outputs, ignore_index=True)


def model_importances(
    frame: pd.DataFrame,
    key: str,
    label: str,
    feature_sets: dict[str, FeatureSet],
    settings: SplitSettings,
    n_repeats: int = 5,
) -> pd.DataFrame:
    """Drivers per feature set: random-forest impurity importance, permutation importance of the random
    forest on the test split (macro F1 drop), and logistic-regression coefficients per class.

    Long format: feature_set, model, importance_type, feature, class_label (coefficients only), value.
    Features are the model inputs after one-hot encoding (e.g. gender_Female).
    """
    frame, labels, split = _sorted_and_split(frame, key, label, settings)
    if split is None:
        text = pd.Series(dtype="string")
        return pd.DataFrame({"feature_set": text, "model": text, "importance_type": text, "feature": text,
                             "class_label": text, "value": pd.Series(dtype=float)})
    train, test = split == "train", split == "test"
    rows: list[dict] = []
    for feature_set_name, features in feature_sets.items():
        inputs = prepare_inputs(frame, features)
        forest = make_pipeline(features, make_model("random_forest", settings.random_state))
        forest.fit(inputs[train], labels[train])
        encoded = list(forest.named_steps["prepare"].get_feature_names_out())
        names = [name.split("__", 1)[1] for name in encoded]
        for name, value in zip(names, forest.named_steps["model"].feature_importances_):
            rows.append(_importance(feature_set_name, "random_forest", "impurity_importance", name, None, value))
        permuted = permutation_importance(
            forest, inputs[test], labels[test], scoring="f1_macro", n_repeats=n_repeats,
            random_state=settings.random_state, n_jobs=1,
        )
        for name, value in zip(features.columns, permuted.importances_mean):
            rows.append(_importance(feature_set_name, "random_forest", "permutation_importance", name, None, value))
        logistic = make_pipeline(features, make_model("logistic_regression", settings.random_state))
        logistic.fit(inputs[train], labels[train])
        coefficients = logistic.named_steps["model"].coef_
        for cls, class_coefficients in zip(logistic.classes_, coefficients):
            for name, value in zip(names, class_coefficients):
                rows.append(_importance(feature_set_name, "logistic_regression", "coefficient", name, cls, value))
    return pd.DataFrame(rows)


def _sorted_and_split(
    frame: pd.DataFrame, key: str, label: str, settings: SplitSettings
) -> tuple[pd.DataFrame, pd.Series, pd.Series | None]:
    """Rows sorted by key (so the split never depends on warehouse row order), labels as text, and the
    shared stratified split, or None when the labels cannot support one."""
    frame = frame.sort_values(key, kind="stable").reset_index(drop=True)
    labels = frame[label].astype(str)
    if why_not_splittable(labels, settings.test_size) is not None:
        return frame, labels, None
    return frame, labels, stratified_split(labels, settings.test_size, settings.random_state)


def _unfit_predictions(
    keys: pd.Series, labels: pd.Series, classes: list[str], feature_sets: dict[str, FeatureSet], models: list[str]
) -> pd.DataFrame:
    """Every row still present once per model and feature set, with null split, prediction and probabilities."""
    outputs = []
    for feature_set_name in feature_sets:
        for model_name in models:
            output = pd.DataFrame({
                keys.name: keys, "model": model_name, "feature_set": feature_set_name,
                "split": pd.array([None] * len(keys), dtype="string"), "actual_class": labels,
                "predicted_class": pd.array([None] * len(keys), dtype="string"),
            })
            for cls in classes:
                output[f"p_{cls.lower()}"] = np.nan
            outputs.append(output)
    return pd.concat(outputs, ignore_index=True)


def _importance(feature_set: str, model: str, kind: str, feature: str, cls: str | None, value: float) -> dict:
    return {"feature_set": feature_set, "model": model, "importance_type": kind, "feature": feature,
            "class_label": cls, "value": float(value)}

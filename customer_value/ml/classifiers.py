"""Four classifiers compared on one split (the EcomX CLV-class workflow, usable for any label), fitted once.

Per feature set, the preprocessing (median imputation and scaling of numbers, one-hot encoding of
categories) is fitted once on the training rows and every model is fitted once on its output. The fit
returns a long parameter table:
  - the preprocessing: imputer medians, scaler means and scales, the categories of each categorical;
  - logistic regression: intercept and coefficient per class; Gaussian naive Bayes: class prior, mean
    (theta) and variance per class and model input. SQL scores every customer with these;
  - random forest and KNN, which SQL cannot express: the fitted pipeline, pickled (`estimator`), scored
    in Python by `predict_with_estimators`; plus the forest's impurity and permutation importances.
"""

from __future__ import annotations

import pickle

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

from customer_value.ml.fit_status import FIT, NOT_FIT
from customer_value.ml.settings import FeatureSet, SplitSettings
from customer_value.ml.splits import why_not_splittable

ESTIMATORS = {
    "logistic_regression": lambda seed: LogisticRegression(max_iter=1000, random_state=seed),
    "knn": lambda seed: KNeighborsClassifier(),
    "random_forest": lambda seed: RandomForestClassifier(random_state=seed, n_jobs=1),
    "naive_bayes": lambda seed: GaussianNB(),
}
SCORED_IN_PYTHON = {"knn", "random_forest"}
PERMUTATION_REPEATS = 5
PARAMETER_COLUMNS = ["feature_set", "model", "parameter", "class_label", "feature", "source_column", "category",
                     "value", "estimator", "model_status", "status_reason", "customers_used"]


def make_model(name: str, random_state: int) -> ClassifierMixin:
    """One of the compared classifiers with the reference notebook's (library default) settings."""
    if name not in ESTIMATORS:
        raise ValueError(f"unknown model {name!r} in var clv_models; expected some of {list(ESTIMATORS)}")
    return ESTIMATORS[name](random_state)


def make_preprocessing(features: FeatureSet) -> ColumnTransformer:
    """Median imputation and scaling of numbers, one-hot encoding of categories (unknown ones: all zero)."""
    numeric = Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())])
    transformers = [("numeric", numeric, features.numeric)]
    if features.categorical:
        categorical = Pipeline([
            ("impute", SimpleImputer(strategy="constant", fill_value="missing")),
            ("encode", OneHotEncoder(handle_unknown="ignore", sparse_output=False)),
        ])
        transformers.append(("categorical", categorical, features.categorical))
    return ColumnTransformer(transformers)


def prepare_inputs(frame: pd.DataFrame, features: FeatureSet) -> pd.DataFrame:
    """Features as the preprocessing expects them: numbers as float (booleans to 0/1), categoricals as text."""
    inputs = frame[features.columns].copy()
    for column in features.numeric:
        inputs[column] = pd.to_numeric(inputs[column].astype("float64"), errors="raise")
    for column in features.categorical:
        inputs[column] = inputs[column].astype(object).where(inputs[column].notna(), np.nan)
    return inputs


def fit_classifiers(
    customers: pd.DataFrame, split: pd.DataFrame, key: str, label: str,
    feature_sets: dict[str, FeatureSet], models: list[str], settings: SplitSettings,
) -> pd.DataFrame:
    """Fit every model once per feature set on the training rows of `split` (key, split).

    Returns the parameter table (module docstring); a 'status' row per feature set and model always,
    with not_fit and the reason when the labels cannot support a stratified split.
    """
    frame = customers.merge(split, on=key, how="inner", validate="one_to_one").sort_values(key, kind="stable")
    frame = frame.reset_index(drop=True)
    if frame.empty:
        reason = why_not_splittable(customers[label].astype(str), settings.test_size) or "no customers to fit on"
        rows = [_row(name, model, "status") for name in feature_sets for model in models]
        return _table(rows, NOT_FIT, reason, 0)
    train, test = frame["split"] == "train", frame["split"] == "test"
    labels = frame[label].astype(str)
    rows: list[dict] = []
    for name, features in feature_sets.items():
        inputs = prepare_inputs(frame, features)
        preprocessing = make_preprocessing(features).fit(inputs[train])
        encoded = preprocessing.transform(inputs)
        inputs_after = _model_inputs(features, preprocessing)
        rows += _preprocessing_rows(name, features, preprocessing, inputs_after)
        for model_name in models:
            model = make_model(model_name, settings.random_state).fit(encoded[train.to_numpy()], labels[train])
            pipeline = Pipeline([("prepare", preprocessing), ("model", model)])
            rows.append(_row(name, model_name, "status"))
            rows += _model_rows(name, model_name, pipeline, inputs_after, inputs[test], labels[test], settings)
    reason = f"trained on {int(train.sum())} customers, evaluated on {int(test.sum())}"
    return _table(rows, FIT, reason, int(train.sum()))


def predict_with_estimators(parameters: pd.DataFrame, customers: pd.DataFrame, key: str,
                            feature_sets: dict[str, FeatureSet], classes: list[str]) -> pd.DataFrame:
    """Score every customer with the pickled estimators (random forest, KNN) of a fit_classifiers table.

    One row per key, feature set and model: predicted_class and p_<class> (lower-cased) for `classes`,
    0 for a class the model never saw.
    """
    columns = [key, "feature_set", "model", "predicted_class", *[f"p_{c.lower()}" for c in classes]]
    outputs = []
    frame = customers.sort_values(key, kind="stable").reset_index(drop=True)
    for row in parameters[parameters["parameter"] == "estimator"].itertuples(index=False):
        pipeline = pickle.loads(row.estimator)
        inputs = prepare_inputs(frame, feature_sets[row.feature_set])
        probabilities = pd.DataFrame(pipeline.predict_proba(inputs), columns=pipeline.classes_)
        output = pd.DataFrame({key: frame[key], "feature_set": row.feature_set, "model": row.model,
                               "predicted_class": pipeline.predict(inputs)})
        for cls in classes:
            output[f"p_{cls.lower()}"] = probabilities[cls] if cls in probabilities else 0.0
        outputs.append(output)
    result = pd.concat(outputs, ignore_index=True) if outputs else pd.DataFrame(columns=columns)
    return result.astype({"feature_set": "string", "model": "string", "predicted_class": "string",
                          **{c: "float64" for c in columns[4:]}})


def _model_inputs(features: FeatureSet, preprocessing: ColumnTransformer) -> list[tuple[str, str, str | None]]:
    """Model inputs after encoding, in order: (name, source column, category), e.g. ('age', 'age', None),
    ('gender_Female', 'gender', 'Female')."""
    inputs = [(column, column, None) for column in features.numeric]
    if features.categorical:
        encoder = preprocessing.named_transformers_["categorical"].named_steps["encode"]
        for column, categories in zip(features.categorical, encoder.categories_):
            inputs += [(f"{column}_{category}", column, str(category)) for category in categories]
    return inputs


def _preprocessing_rows(feature_set: str, features: FeatureSet, preprocessing: ColumnTransformer,
                        inputs: list[tuple[str, str, str | None]]) -> list[dict]:
    numeric = preprocessing.named_transformers_["numeric"]
    rows = []
    for column, median, mean, scale in zip(features.numeric, numeric.named_steps["impute"].statistics_,
                                           numeric.named_steps["scale"].mean_, numeric.named_steps["scale"].scale_):
        for parameter, value in [("imputer_median", median), ("scaler_mean", mean), ("scaler_scale", scale)]:
            rows.append(_row(feature_set, "preprocessing", parameter, feature=column, source_column=column, value=value))
    rows += [_row(feature_set, "preprocessing", "category", feature=name, source_column=column, category=category)
             for name, column, category in inputs if category is not None]
    return rows


def _model_rows(feature_set: str, model_name: str, pipeline: Pipeline, inputs: list[tuple[str, str, str | None]],
                test_inputs: pd.DataFrame, test_labels: pd.Series, settings: SplitSettings) -> list[dict]:
    model = pipeline.named_steps["model"]
    if isinstance(model, LogisticRegression):
        return _logistic_rows(feature_set, model_name, model, inputs)
    if isinstance(model, GaussianNB):
        return _naive_bayes_rows(feature_set, model_name, model, inputs)
    rows = [_row(feature_set, model_name, "estimator", estimator=pickle.dumps(pipeline))]
    if isinstance(model, RandomForestClassifier):
        rows += [_row(feature_set, model_name, "impurity_importance", feature=name, value=value)
                 for (name, _, _), value in zip(inputs, model.feature_importances_)]
        permuted = permutation_importance(pipeline, test_inputs, test_labels, scoring="f1_macro",
                                          n_repeats=PERMUTATION_REPEATS, random_state=settings.random_state, n_jobs=1)
        rows += [_row(feature_set, model_name, "permutation_importance", feature=name, value=value)
                 for name, value in zip(test_inputs.columns, permuted.importances_mean)]
    return rows


def _logistic_rows(feature_set: str, model_name: str, model: LogisticRegression,
                   inputs: list[tuple[str, str, str | None]]) -> list[dict]:
    """Per class: intercept and coefficients. A two-class fit has one decision function for classes_[1];
    classes_[0] gets zeros, so softmax over the classes gives the same probabilities."""
    intercepts, coefficients = model.intercept_, model.coef_
    if len(model.classes_) == 2:
        intercepts = np.r_[0.0, intercepts]
        coefficients = np.vstack([np.zeros_like(coefficients[0]), coefficients[0]])
    rows = []
    for cls, intercept, weights in zip(model.classes_, intercepts, coefficients):
        rows.append(_row(feature_set, model_name, "intercept", class_label=cls, value=intercept))
        rows += [_row(feature_set, model_name, "coefficient", class_label=cls, feature=name, source_column=column,
                      category=category, value=value) for (name, column, category), value in zip(inputs, weights)]
    return rows


def _naive_bayes_rows(feature_set: str, model_name: str, model: GaussianNB,
                      inputs: list[tuple[str, str, str | None]]) -> list[dict]:
    """Per class: prior, and theta and var per model input. For SQL two derived terms make the
    log-likelihood a sum over the original columns: `log_norm` (log prior, the normalising terms of
    every input and every one-hot input at 0) and per category `category_adjust`, added when the
    customer has that category: -0.5 * ((1 - theta)^2 - theta^2) / var."""
    one_hot = np.array([category is not None for _, _, category in inputs])
    rows = []
    for cls, prior, means, variances in zip(model.classes_, model.class_prior_, model.theta_, model.var_):
        log_norm = (np.log(prior) - 0.5 * np.sum(np.log(2.0 * np.pi * variances))
                    - 0.5 * np.sum(means[one_hot] ** 2 / variances[one_hot]))
        rows.append(_row(feature_set, model_name, "class_prior", class_label=cls, value=prior))
        rows.append(_row(feature_set, model_name, "log_norm", class_label=cls, value=log_norm))
        for (name, column, category), mean, variance in zip(inputs, means, variances):
            input_row = {"class_label": cls, "feature": name, "source_column": column, "category": category}
            rows.append(_row(feature_set, model_name, "theta", **input_row, value=mean))
            rows.append(_row(feature_set, model_name, "var", **input_row, value=variance))
            if category is not None:
                adjust = -0.5 * ((1.0 - mean) ** 2 - mean ** 2) / variance
                rows.append(_row(feature_set, model_name, "category_adjust", **input_row, value=adjust))
    return rows


def _row(feature_set: str, model: str, parameter: str, *, class_label: str | None = None, feature: str | None = None,
         source_column: str | None = None, category: str | None = None, value: float | None = None,
         estimator: bytes | None = None) -> dict:
    return {"feature_set": feature_set, "model": model, "parameter": parameter, "class_label": class_label,
            "feature": feature, "source_column": source_column, "category": category,
            "value": None if value is None else float(value), "estimator": estimator}


def _table(rows: list[dict], status: str, reason: str, used: int) -> pd.DataFrame:
    table = pd.DataFrame(rows, columns=PARAMETER_COLUMNS[:9]).assign(
        model_status=status, status_reason=reason, customers_used=used)
    text = [c for c in PARAMETER_COLUMNS if c not in ("value", "estimator", "customers_used")]
    table = table.astype({**{c: "string" for c in text}, "value": "float64", "customers_used": "int64"})
    return table[PARAMETER_COLUMNS]

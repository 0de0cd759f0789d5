"""The one bridge from dbt vars to the fit functions.

The SQL model int_ml_settings renders the vars the fits need into one JSON text; a Python model reads
it with `MlSettings.from_table(dbt.ref("int_ml_settings").df())` and passes its parts to the package
functions. Defaults live in dbt_project.yml only: nothing here has a default of its own.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import pandas as pd


@dataclass(frozen=True)
class KMeansSettings:
    """From vars segments_k, segments_random_state and segments_n_init."""

    k: int
    random_state: int
    n_init: int


@dataclass(frozen=True)
class SplitSettings:
    """From vars model_test_size and model_random_state: the stratified split of every classifier."""

    test_size: float
    random_state: int


@dataclass(frozen=True)
class FeatureSet:
    """Columns a model sees: numeric ones are imputed (median) and scaled, categorical ones one-hot encoded."""

    numeric: list[str]
    categorical: list[str] = field(default_factory=list)

    @property
    def columns(self) -> list[str]:
        return [*self.numeric, *self.categorical]


@dataclass(frozen=True)
class MlSettings:
    kmeans: KMeansSettings
    split: SplitSettings
    segment_features: dict[str, list[str]]
    high_value_features: list[str]
    clv_classes: list[str]
    clv_models: list[str]
    clv_feature_sets: dict[str, FeatureSet]
    fit_max_customers: int
    value_classifier_features: dict[str, list[str]]

    @classmethod
    def from_table(cls, table: pd.DataFrame) -> MlSettings:
        """Parse int_ml_settings (one row, column settings)."""
        return cls.from_json(str(table["settings"].iloc[0]))

    @classmethod
    def from_json(cls, text: str) -> MlSettings:
        values = json.loads(text)
        return cls(
            kmeans=KMeansSettings(k=int(values["segments_k"]), random_state=int(values["segments_random_state"]),
                                  n_init=int(values["segments_n_init"])),
            split=SplitSettings(test_size=float(values["model_test_size"]),
                                random_state=int(values["model_random_state"])),
            segment_features={source: list(columns) for source, columns in values["segment_features"].items()},
            high_value_features=list(values["high_value_features"]),
            clv_classes=list(values["clv_classes"]),
            clv_models=list(values["clv_models"]),
            clv_feature_sets={name: FeatureSet(numeric=list(spec["numeric"]), categorical=list(spec.get("categorical", [])))
                              for name, spec in values["clv_feature_sets"].items()},
            fit_max_customers=int(values["ml_fit_max_customers"]),
            value_classifier_features={source: list(columns)
                                       for source, columns in values["value_classifier_features"].items()},
        )

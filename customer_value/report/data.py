"""Read the report's inputs from the warehouse (read-only): only the needed columns of the tables its
exposure (customer_value_report in models/exposures/_exposures.yml) declares, and no other table."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from customer_value.warehouse.bi_tables import REPORT_EXPOSURE, bi_tables

SEGMENT_PROFILE_COLUMNS = [
    "segment_id", "segment_name", "customers", "customer_share", "mean_recency_days", "mean_frequency",
    "mean_monetary", "revenue_share", "action", "action_detail",
]
SEGMENT_COLUMNS = ["segment_id", "segment_name", "recency_days", "frequency", "monetary"]
KMEANS_COLUMNS = ["k", "inertia", "silhouette", "customers_used", "is_chosen"]


class ReportInputError(RuntimeError):
    """A table the report reads lacks a column it needs."""


@dataclass(frozen=True)
class TableSpec:
    """One warehouse table: its columns (`key` is read as customer_id), sort order and row filter."""

    table: str
    columns: list[str]
    order_by: str
    key: str | None = None
    where: str | None = None


EVALUATION_COLUMNS = ["method", "target", "metric", "calibration_frequency", "value", "customers", "status",
                      "status_reason"]
HISTORY_COLUMNS = ["rfm_segment", "rfm_lifecycle", "segment_role", "valid_from", "valid_to"]
TRANSITION_COLUMNS = ["from_as_of_date", "to_as_of_date", "segmentation", "from_segment", "to_segment", "movement",
                      "customers", "revenue"]
FORECAST_COLUMNS = ["frequency", "probability_alive", "expected_purchases", "expected_order_value", "expected_spend",
                    "discounted_lifetime_value"]


def _shared(prefix: str, key: str) -> dict[str, TableSpec]:
    return {
        "profiles": TableSpec(f"{prefix}_segment_profiles", SEGMENT_PROFILE_COLUMNS, "segment_id"),
        "segments": TableSpec(f"{prefix}_customer_segments", SEGMENT_COLUMNS, key, key=key),
        "kmeans": TableSpec(f"{prefix}_kmeans_diagnostics", KMEANS_COLUMNS, "k"),
        "rfm_scores": TableSpec(f"{prefix}_customer_rfm_scores", ["monetary", "rfm_segment", "action"], key, key=key),
        "forecast": TableSpec(f"{prefix}_customer_value_forecast", FORECAST_COLUMNS, key, key=key),
        "evaluation": TableSpec(f"{prefix}_value_model_evaluation", EVALUATION_COLUMNS,
                                "method, target, metric, calibration_frequency"),
        "history": TableSpec(f"{prefix}_customer_segment_history", HISTORY_COLUMNS, f"{key}, valid_from", key=key),
        "transitions": TableSpec(f"{prefix}_segment_transitions", TRANSITION_COLUMNS,
                                 "to_as_of_date, segmentation, from_segment nulls first, to_segment nulls last"),
    }


SOURCES: dict[str, dict[str, TableSpec]] = {
    "olist": {
        **_shared("olist", "customer_unique_id"),
        "scores": TableSpec("olist_high_value_scores",
                            ["is_high_value", "p_high_value", "predicted_high_value", "split"],
                            "customer_unique_id", key="customer_unique_id"),
        "metrics": TableSpec("olist_model_metrics",
                             ["split", "class_label", "class_name", "precision", "recall", "f1", "support",
                              "accuracy", "roc_auc", "model_status", "status_reason"], "split, class_label"),
        "drivers": TableSpec("olist_model_drivers",
                             ["feature", "coefficient", "odds_ratio", "driver_rank", "direction"], "driver_rank"),
    },
    "ecomx": {
        **_shared("ecomx", "customer_id"),
        "thresholds": TableSpec("ecomx_clv_thresholds",
                                ["reference_date", "q1", "q3", "low_customers", "medium_customers",
                                 "high_customers", "customers"], "reference_date"),
        "clv": TableSpec("ecomx_customer_clv", ["total_spend", "tenure_days", "clv", "clv_class"],
                         "customer_id", key="customer_id"),
        "predictions": TableSpec("ecomx_clv_class_predictions",
                                 ["model", "feature_set", "actual_class", "predicted_class", "p_low", "p_medium",
                                  "p_high"], "feature_set, model, customer_id", key="customer_id",
                                 where="split = 'test'"),
        "metrics": TableSpec("ecomx_model_metrics",
                             ["model", "feature_set", "split", "accuracy", "macro_precision", "macro_recall",
                              "macro_f1", "weighted_precision", "weighted_recall", "weighted_f1",
                              *[f"{m}_{c}" for c in ("low", "medium", "high") for m in ("precision", "recall", "f1")],
                              "customers", "is_best_model"], "split, feature_set, model"),
        "drivers": TableSpec("ecomx_model_drivers",
                             ["feature_set", "model", "importance_type", "feature", "class_label", "value",
                              "driver_rank"], "feature_set, model, importance_type, class_label, driver_rank"),
    },
    "transactions": _shared("transactions", "customer_id"),
}


@dataclass(frozen=True)
class SourceData:
    """The frames of one source, by short name; a table missing from the warehouse is simply absent."""

    source: str
    warehouse: Path
    frames: dict[str, pd.DataFrame]

    def has(self, name: str) -> bool:
        return name in self.frames and not self.frames[name].empty

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.frames[name]


def _columns(connection: duckdb.DuckDBPyConnection) -> dict[str, set[str]]:
    rows = connection.sql(
        "select table_name, column_name from information_schema.columns where table_schema = 'main'"
    ).fetchall()
    found: dict[str, set[str]] = {}
    for table, column in rows:
        found.setdefault(table, set()).add(column)
    return found


def _query(spec: TableSpec) -> str:
    key = [f"{spec.key} as customer_id" if spec.key != "customer_id" else "customer_id"] if spec.key else []
    where = f" where {spec.where}" if spec.where else ""
    return f"select {', '.join(key + spec.columns)} from main.{spec.table}{where} order by {spec.order_by}"


def _read(connection: duckdb.DuckDBPyConnection, spec: TableSpec, present: set[str]) -> pd.DataFrame:
    missing = [c for c in ([spec.key] if spec.key else []) + spec.columns if c not in present]
    if missing:
        raise ReportInputError(
            f"table main.{spec.table} lacks column(s) {', '.join(missing)} needed by the report; "
            "rebuild the warehouse with `make build`"
        )
    return connection.sql(_query(spec)).df()


def _readable_columns(connection: duckdb.DuckDBPyConnection) -> dict[str, set[str]]:
    """Columns of the report's tables present in the warehouse; every table the report reads must be
    declared by its exposure, so that lineage and publishing know the report depends on it."""
    declared = {table for _, table in bi_tables(connection, REPORT_EXPOSURE)}
    undeclared = sorted({spec.table for specs in SOURCES.values() for spec in specs.values()} - declared)
    if undeclared:
        raise ReportInputError(
            f"the report reads {', '.join(undeclared)}, which exposure {REPORT_EXPOSURE} does not list: add "
            "them to its depends_on in models/exposures/_exposures.yml and rebuild with `make build`")
    return {table: columns for table, columns in _columns(connection).items() if table in declared}


def sources_in(warehouse: Path) -> list[str]:
    """The sources with at least one of their report tables in the warehouse."""
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        tables = _readable_columns(connection)
    return [name for name, specs in SOURCES.items() if any(s.table in tables for s in specs.values())]


def load_source(warehouse: Path, source: str) -> SourceData:
    """Every report table of `source` present in the warehouse, read-only."""
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        tables = _readable_columns(connection)
        frames = {name: _read(connection, spec, tables[spec.table])
                  for name, spec in SOURCES[source].items() if spec.table in tables}
    return SourceData(source, warehouse, frames)

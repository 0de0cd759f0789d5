"""The BI-facing tables are declared once, by the exposures; publishing, the report and the summary follow."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest

from conftest import Build
from customer_value.report.data import SOURCES, ReportInputError, load_source
from customer_value.warehouse.bi_tables import REPORT_EXPOSURE, MissingCatalogError
from customer_value.warehouse.publish import publish
from customer_value.warehouse.summary import profile_tables

# Tables published before the exposures became the declaration (five of them were in no exposure), and the
# forward-looking layer and the activation view of every source.
VALUE_LAYER = {"customer_rfm_scores", "btyd_parameters", "customer_value_forecast", "value_model_evaluation",
               "customer_segment_history", "segment_transitions", "customer_actions"}
PUBLISHED = {
    "olist": {"fct_olist_orders", "olist_customer_rfm", "olist_customer_segments", "olist_segment_profiles",
              "olist_high_value_scores", "olist_model_metrics", "olist_model_drivers", "olist_kmeans_diagnostics",
              *(f"olist_{table}" for table in VALUE_LAYER)},
    "ecomx": {"ecomx_customer_features", "ecomx_customer_rfm", "ecomx_customer_clv", "ecomx_clv_thresholds",
              "ecomx_customer_segments", "ecomx_segment_profiles", "ecomx_clv_class_predictions",
              "ecomx_model_metrics", "ecomx_model_drivers", "ecomx_kmeans_diagnostics",
              *(f"ecomx_{table}" for table in VALUE_LAYER)},
    "transactions": {"transactions_customer_rfm", "transactions_customer_segments", "transactions_segment_profiles",
                     "transactions_kmeans_diagnostics",
                     *(f"transactions_{table}" for table in VALUE_LAYER)},
    "dq": {"dq_quarantine", "dq_reconciliation"},
}


def exposure_tables(build: Build) -> dict[str, set[str]]:
    manifest = json.loads((build.warehouse.parent / "target" / "manifest.json").read_text())
    return {exposure["name"]: {manifest["nodes"][node]["name"] for node in exposure["depends_on"]["nodes"]}
            for exposure in manifest["exposures"].values()}


def test_bi_tables_holds_exactly_what_the_exposures_read(sample_build: Build) -> None:
    rows = sample_build.table("select exposure_name, table_name, source_name from bi_tables")
    listed = {name: set(group["table_name"]) for name, group in rows.groupby("exposure_name")}
    assert listed == exposure_tables(sample_build)
    by_source = {source: set(group["table_name"]) for source, group in rows.groupby("source_name")}
    assert by_source == PUBLISHED


def test_the_report_exposure_lists_every_table_the_report_reads(sample_build: Build) -> None:
    read = {spec.table for specs in SOURCES.values() for spec in specs.values()}
    assert exposure_tables(sample_build)[REPORT_EXPOSURE] == read


def test_publish_exports_exactly_the_bi_tables(tmp_path: Path, sample_build: Build) -> None:
    warehouse = tmp_path / "warehouse.duckdb"
    shutil.copyfile(sample_build.warehouse, warehouse)
    publish(warehouse, tmp_path / "published.duckdb", tmp_path / "exports")
    exported = {(path.parent.name, path.stem) for path in (tmp_path / "exports").glob("*/*.parquet")}
    assert exported == {(source, table) for source, tables in PUBLISHED.items() for table in tables}
    assert set(profile_tables(warehouse)) == {"olist_segment_profiles", "ecomx_segment_profiles",
                                              "transactions_segment_profiles"}


def test_report_refuses_a_table_its_exposure_does_not_declare(tmp_path: Path, sample_build: Build) -> None:
    warehouse = tmp_path / "warehouse.duckdb"
    shutil.copyfile(sample_build.warehouse, warehouse)
    with duckdb.connect(str(warehouse)) as connection:
        connection.execute(f"delete from bi_tables where exposure_name = '{REPORT_EXPOSURE}' "
                           "and table_name = 'ecomx_model_drivers'")
    with pytest.raises(ReportInputError, match=r"ecomx_model_drivers.*customer_value_report.*_exposures.yml"):
        load_source(warehouse, "olist")


def test_publishing_a_warehouse_without_the_catalogue_says_how_to_build_it(tmp_path: Path) -> None:
    warehouse = tmp_path / "foreign.duckdb"
    with duckdb.connect(str(warehouse)) as connection:
        connection.execute("create table olist_customer_segments as select 1 as segment_id")
    with pytest.raises(MissingCatalogError, match="main.bi_tables.*make build"):
        publish(warehouse, tmp_path / "published.duckdb", tmp_path / "exports")

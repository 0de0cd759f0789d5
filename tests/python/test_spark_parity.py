"""The project on Spark gives the same tables as on DuckDB (issue: "The same project on Apache Spark").

`make test-spark` runs these (pytest -m spark); CI runs them after `make test`. Each builds with
`python -m customer_value.spark` (what `make build-spark` runs) and compares the Spark build's Parquet
exports with the DuckDB build's tables, row for row (tests/python/spark_parity.py says what is cast away).
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from conftest import WITHOUT_ML, Build
from customer_value.warehouse.bi_tables import bi_tables
from spark_parity import SparkBuild, differences, run_spark_build
from test_bad_inputs import OLIST_DEFECTS, clean_olist, corpus_build, olist_targets

pytestmark = pytest.mark.spark


def assert_spark_built(build: SparkBuild) -> SparkBuild:
    assert build.returncode == 0, build.output[-6000:]
    return build


def exported_tables(build: Build) -> list[tuple[str, str]]:
    with duckdb.connect(str(build.warehouse), read_only=True) as connection:
        return bi_tables(connection)


def table_differences(duckdb_build: Build, spark_build: SparkBuild, tables: list[tuple[str, str]]) -> dict:
    found = {}
    for source, table in tables:
        spark_folder = spark_build.exports / source / f"{table}.parquet"
        if not spark_folder.exists():
            found[table] = ["not exported on Spark"]
            continue
        problems = differences(duckdb_build.table(f"select * from main.{table}"), spark_build.table(source, table))
        if problems:
            found[table] = problems
    return found


@pytest.fixture(scope="module")
def spark_samples(tmp_path_factory: pytest.TempPathFactory) -> SparkBuild:
    return assert_spark_built(run_spark_build(tmp_path_factory.mktemp("spark_samples")))


def test_every_exported_table_equals_duckdb_on_the_samples(sample_build: Build, spark_samples: SparkBuild) -> None:
    tables = exported_tables(sample_build)
    assert len(tables) >= 27
    assert table_differences(sample_build, spark_samples, tables) == {}


def test_injected_defects_give_the_same_quarantine_and_reconciliation(tmp_path: Path) -> None:
    """The Olist bad-input corpus (every defect of tests/python/test_bad_inputs.py in one folder), without
    the ML models: the same quarantined rows with the same reasons and lines, the same reconciliation, the
    same marts."""
    corpus = corpus_build(tmp_path / "duckdb", "olist", OLIST_DEFECTS, olist_targets, clean_olist)
    spark = assert_spark_built(run_spark_build(tmp_path / "spark", olist_dir=tmp_path / "duckdb" / "defective",
                                               extra_args=WITHOUT_ML))
    built = [row for row in exported_tables(corpus.build)
             if corpus.build.scalar(f"select count(*) from information_schema.tables where table_name = '{row[1]}'")]
    assert ("dq", "dq_quarantine") in built and ("dq", "dq_reconciliation") in built
    assert table_differences(corpus.build, spark, built) == {}

"""BI-facing tables cannot change shape silently: SQL marts carry enforced contracts, Python outputs a
column-type guard. Each test builds a copy of the project with one model changed."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest

from conftest import DBT, REPO, SAMPLE_ECOMX, SAMPLE_OLIST, SAMPLE_TRANSACTIONS

PROJECT_PARTS = ["dbt_project.yml", "profiles.yml", "models", "python_models", "macros", "tests/generic",
                 "tests/singular", "seeds"]


def project_copy(root: Path) -> Path:
    project = root / "project"
    for part in PROJECT_PARTS:
        source, target = REPO / part, project / part
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    return project


def build(project: Path, select: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "OLIST_DATA_DIR": str(SAMPLE_OLIST), "ECOMX_DATA_DIR": str(SAMPLE_ECOMX),
           "TRANSACTIONS_DATA_DIR": str(SAMPLE_TRANSACTIONS),
           "DBT_DUCKDB_PATH": str(project / "warehouse.duckdb"), "DBT_PROFILES_DIR": str(project)}
    return subprocess.run([str(DBT), "build", "--project-dir", str(project), "--select", select],
                          cwd=project, env=env, capture_output=True, text=True)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new))


FCT_OLIST_ORDERS_VALUES = {"payment_rows": "coalesce(payments.payment_rows, 0)",
                           "payment_total": "coalesce(payments.payment_total, 0)"}


def build_with_fct_column(tmp_path: Path, column: str, expression: str) -> tuple[Path, subprocess.CompletedProcess]:
    """A copy of the project whose `fct_olist_orders.<column>` is `expression` (of the original value, `value`),
    built up to that mart."""
    project = project_copy(tmp_path)
    value = FCT_OLIST_ORDERS_VALUES[column]
    edit(project / "models/marts/olist/fct_olist_orders.sql", f"{value} as {column}",
         f"{expression.format(value=value)} as {column}")
    return project, build(project, "+fct_olist_orders")


def assert_mart_not_written_but_its_parents(project: Path) -> None:
    with duckdb.connect(str(project / "warehouse.duckdb"), read_only=True) as connection:
        tables = {name for (name,) in connection.sql("select table_name from duckdb_tables()").fetchall()}
    assert "fct_olist_orders" not in tables and "int_olist__orders_rejected" in tables


def test_changing_a_column_type_of_a_sql_mart_fails_with_the_contract_error(tmp_path: Path) -> None:
    _, result = build_with_fct_column(tmp_path, "payment_rows", "cast({value} as varchar)")
    assert result.returncode != 0
    assert "This model has an enforced contract that failed" in result.stdout
    assert "payment_rows" in result.stdout


def test_changing_the_shape_of_a_python_output_fails_the_build(tmp_path: Path) -> None:
    project = project_copy(tmp_path)
    edit(project / "python_models/olist/olist_high_value_coefficients.py",
         "settings.high_value_features, settings.split)",
         "settings.high_value_features, settings.split).rename(columns={\"coefficient\": \"coef\"})")
    result = build(project, "+olist_high_value_coefficients")
    assert result.returncode != 0
    assert "column_types_are_olist_high_value_coefficients" in result.stdout


def test_a_null_in_a_not_null_column_fails_the_model_naming_the_column(tmp_path: Path) -> None:
    """Marts' not_null columns are contract constraints, checked by DuckDB while the table is written."""
    project, result = build_with_fct_column(tmp_path, "payment_rows", "nullif({value}, 1)")
    assert result.returncode != 0
    assert "NOT NULL constraint failed: fct_olist_orders__dbt_tmp.payment_rows" in result.stdout, result.stdout[-3000:]
    assert_mart_not_written_but_its_parents(project)


def test_a_value_outside_its_check_fails_the_model_naming_the_rule(tmp_path: Path) -> None:
    """Marts' accepted ranges and values are `check` constraints, checked by DuckDB while the table is written."""
    project, result = build_with_fct_column(tmp_path, "payment_total", "-1 - {value}")
    assert result.returncode != 0
    assert "CHECK constraint failed" in result.stdout and "payment_total >= 0" in result.stdout, result.stdout[-3000:]
    assert_mart_not_written_but_its_parents(project)


@pytest.mark.spark
def test_on_spark_a_broken_constraint_fails_the_model_naming_the_rules(tmp_path: Path) -> None:
    """dbt-spark checks constraints only on Delta tables; the project's macro counts, once a Parquet table is
    written, the nulls of not_null columns and the rows where a check is false (a null check passes). A
    one-model project with the project's macros and profile."""
    project = tmp_path / "project"
    shutil.copytree(REPO / "macros", project / "macros")
    shutil.copyfile(REPO / "profiles.yml", project / "profiles.yml")
    (project / "models").mkdir()
    (project / "dbt_project.yml").write_text(
        "name: probe\nversion: '1.0'\nprofile: customer_value\n"
        "models:\n  probe:\n    +materialized: table\n    +file_format: parquet\n")
    (project / "models" / "nulls.sql").write_text(
        "select 'a' as k, 1 as v, cast(null as int) as w union all select cast(null as string), 2, cast(null as int)")
    (project / "models" / "nulls.yml").write_text(
        "version: 2\nmodels:\n  - name: nulls\n    config: {contract: {enforced: true}}\n    columns:\n"
        "      - {name: k, data_type: string, constraints: [{type: not_null}]}\n"
        "      - {name: v, data_type: int, constraints: [{type: not_null}, {type: check, expression: \"v >= 2\"}]}\n"
        "      - {name: w, data_type: int, constraints: [{type: check, expression: \"w > 0\"}]}\n")
    env = {**os.environ, "DBT_PROFILES_DIR": str(project), "SPARK_WAREHOUSE_DIR": str(project / "spark"),
           "DBT_SEND_ANONYMOUS_USAGE_STATS": "False"}
    result = subprocess.run([str(DBT), "run", "--target", "spark", "--project-dir", str(project)],
                            cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode != 0
    assert "Constraint failed in main.nulls: k: 1 rows null; v check (v >= 2): 1 rows false. These are the" \
        " constraints in the YAML of nulls." in result.stdout, result.stdout[-3000:]

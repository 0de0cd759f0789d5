"""BI-facing tables cannot change shape silently: SQL marts carry enforced contracts, Python outputs a
column-type guard. Each test builds a copy of the project with one model changed."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

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


def test_changing_a_column_type_of_a_sql_mart_fails_with_the_contract_error(tmp_path: Path) -> None:
    project = project_copy(tmp_path)
    edit(project / "models/marts/olist/fct_olist_orders.sql",
         "        coalesce(payments.payment_rows, 0) as payment_rows\n",
         "        cast(coalesce(payments.payment_rows, 0) as varchar) as payment_rows\n")
    result = build(project, "+fct_olist_orders")
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

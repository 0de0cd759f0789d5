"""Running `dbt build` twice on the same warehouse gives identical tables."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import duckdb
import pandas as pd

from conftest import SAMPLE_ECOMX, SAMPLE_OLIST, SAMPLE_TRANSACTIONS, Build, assert_built, run_dbt_build


def snapshot(build: Build) -> dict[str, pd.DataFrame]:
    """Every table and view of every schema, rows sorted, so that only content is compared. One connection
    for all of them: about 600 tables (most of them stored test failures), each connection costs 0.1 s."""
    result = {}
    with duckdb.connect(str(build.warehouse), read_only=True) as connection:
        tables = connection.sql(
            "select table_schema, table_name from information_schema.tables order by table_schema, table_name"
        ).fetchall()
        for schema, name in tables:
            frame = connection.sql(f'select * from "{schema}"."{name}" order by all').df()
            for column in frame.columns[frame.dtypes == object]:
                # BLOB cells (the pickled estimators) arrive as unhashable bytearrays; bytes compare by content.
                frame[column] = frame[column].map(lambda cell: bytes(cell) if isinstance(cell, bytearray) else cell)
            result[f"{schema}.{name}"] = frame
    return result


def test_second_build_changes_no_table(tmp_path: Path, sample_build: Build) -> None:
    """dbt build again on a copy of the session's built warehouse: every table comes out the same."""
    first = snapshot(sample_build)
    (tmp_path / "build").mkdir()
    shutil.copyfile(sample_build.warehouse, tmp_path / "build" / "warehouse.duckdb")
    second = snapshot(assert_built(run_dbt_build(tmp_path / "build")))
    assert first.keys() == second.keys()
    assert {"main.olist_customer_segments", "main.ecomx_clv_class_predictions"} <= first.keys()
    for name in first:
        pd.testing.assert_frame_equal(first[name], second[name], check_exact=True, obj=name)


def test_reordered_input_rows_change_no_table(tmp_path: Path, sample_build: Build) -> None:
    """Shuffle the data rows of every input file: every table of the warehouse stays the same."""
    folders = {}
    for name, sample in [("olist", SAMPLE_OLIST), ("ecomx", SAMPLE_ECOMX), ("transactions", SAMPLE_TRANSACTIONS)]:
        folder = tmp_path / name
        folder.mkdir()
        for path in sample.glob("*.csv"):
            header, *rows = path.read_text().splitlines()
            random.Random(7).shuffle(rows)
            (folder / path.name).write_text("\n".join([header, *rows]) + "\n")
        folders[name] = folder
    shuffled = snapshot(assert_built(run_dbt_build(tmp_path / "build", olist_dir=folders["olist"], ecomx_dir=folders["ecomx"],
                                                    transactions_dir=folders["transactions"])))
    original = snapshot(sample_build)
    assert shuffled.keys() == original.keys()
    for name in original:
        if name.startswith("dbt_test__audit."):
            continue
        pd.testing.assert_frame_equal(shuffled[name], original[name], check_exact=True, obj=name)

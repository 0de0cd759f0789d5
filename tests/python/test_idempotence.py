"""Running `dbt build` twice on the same warehouse gives identical tables."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pandas as pd

from conftest import SAMPLE_ECOMX, SAMPLE_OLIST, SAMPLE_TRANSACTIONS, Build, assert_built, run_dbt_build, snapshot


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

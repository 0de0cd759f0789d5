"""A Parquet file in place of the CSV: columns matched by name, the same strict numbers and quarantine reasons,
the same reconciliation, and the same marts as the CSV when the accepted rows are the same."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest

from conftest import SAMPLE_TRANSACTIONS, Build, assert_built, run_dbt_build

TABLES = ["transactions_customer_rfm", "transactions_customer_rfm_scores", "transactions_btyd_parameters",
          "transactions_customer_value_forecast", "transactions_value_model_evaluation"]
# Appended to the CDNOW rows; the amount column is a double, so 12.345 is no amount in cents.
DEFECTS = [("00004", "1997-02-01", 12.345, "invalid_number"), ("00004", "1997-02-02", -5.0, "negative_amount"),
           (None, "1997-02-03", 10.0, "missing_required_value")]


@pytest.fixture(scope="module")
def parquet_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = tmp_path_factory.mktemp("parquet")
    folder = root / "shop"
    folder.mkdir()
    rows = pd.read_csv(SAMPLE_TRANSACTIONS / "transactions.csv", dtype={"customer_id": str})
    defects = pd.DataFrame([d[:3] for d in DEFECTS], columns=["customer_id", "transaction_at", "amount"])
    frame = pd.concat([rows, defects], ignore_index=True)
    frame["transaction_at"] = pd.to_datetime(frame["transaction_at"])
    frame = frame[["amount", "transaction_at", "customer_id"]]  # another column order: matched by name
    with duckdb.connect() as connection:
        connection.register("frame", frame)
        connection.execute(f"copy frame to '{folder / 'transactions.parquet'}' (format parquet)")
    selected = [f"+{table}" for table in TABLES] + ["+dq_reconciliation", "+dq_quarantine"]
    return assert_built(run_dbt_build(root / "build", transactions_dir=folder, select=selected,
                                      extra_args=["--indirect-selection", "cautious"]))


def test_parquet_defects_are_quarantined_and_reconciled(parquet_build: Build) -> None:
    quarantine = parquet_build.table("select file_name, reason from dq_quarantine where source_name = 'transactions'")
    assert sorted(quarantine["reason"]) == sorted(reason for *_, reason in DEFECTS)
    assert set(quarantine["file_name"]) == {"transactions.parquet"}
    row = parquet_build.table("select * from dq_reconciliation where source_name = 'transactions'").iloc[0]
    assert row["is_balanced"]
    assert (row["lines_in_file"], row["rows_read"], row["rows_accepted"], row["rows_quarantined"]) == (6922, 6922, 6919, 3)
    assert float(row["money_quarantined"]) == pytest.approx(-5.0 + 10.0)  # 12.345 cannot be read as money


@pytest.mark.parametrize("table", TABLES)
def test_parquet_gives_the_same_marts_as_the_csv(parquet_build: Build, sample_build: Build, table: str) -> None:
    from_parquet = parquet_build.table(f"select * from {table} order by all")
    from_csv = sample_build.table(f"select * from {table} order by all")
    pd.testing.assert_frame_equal(from_parquet, from_csv, check_exact=True)


def test_a_folder_with_both_formats_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "shop"
    folder.mkdir()
    (folder / "transactions.csv").write_text((SAMPLE_TRANSACTIONS / "transactions.csv").read_text())
    with duckdb.connect() as connection:
        connection.execute(f"copy (select * from read_csv('{folder / 'transactions.csv'}')) to "
                           f"'{folder / 'transactions.parquet'}' (format parquet)")
    build = run_dbt_build(tmp_path / "build", transactions_dir=folder, select=["stg_transactions__transactions"])
    assert build.returncode != 0
    assert "holds both transactions.csv and transactions.parquet" in build.output
    assert "TRANSACTIONS_DATA_DIR" in build.output

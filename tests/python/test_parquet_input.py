"""A Parquet file in place of the CSV: columns matched by name, the same strict numbers and quarantine reasons,
the same reconciliation, and the same marts as the CSV when the accepted rows are the same."""

from __future__ import annotations

import shutil
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
    # a data folder relative to where dbt runs: the staging view must still find the file from anywhere else
    return assert_built(run_dbt_build(root / "build", transactions_dir=Path("..") / folder.name, select=selected,
                                      extra_args=["--indirect-selection", "cautious"]))


def test_a_parquet_file_is_read_in_place_by_its_staging_view(parquet_build: Build, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # neither the build's folder nor the data folder's parent
    view = parquet_build.table("select sql from duckdb_views() where view_name = 'stg_transactions__transactions'")
    assert len(view) == 1, "staging of a Parquet file is a view, not a copy of the file"
    data_file = parquet_build.warehouse.parent.parent / "shop" / "transactions.parquet"
    assert f"read_parquet('{data_file}'" in view["sql"][0]
    assert parquet_build.scalar("select count(*) from staging.stg_transactions__transactions") == 6922
    rows = parquet_build.table("select file_row_number, customer_id from staging.stg_transactions__transactions "
                               "where file_row_number >= 6919 order by file_row_number")
    assert rows["customer_id"].tolist() == [d[0] for d in DEFECTS]  # the appended rows, at the file's end


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


# Olist and EcomX as the generators' `--format parquet` writes them (customer_value/samples/parquet_folder.py),
# with defect rows appended before the conversion; every defect is held back, so the accepted rows, and so
# every mart, are those of the bundled CSV samples.
FIRST_PAYMENT = "bf719f4a35865cc9b6ba2d98048e90f6,1,debit_card,1,406.03"
SOURCE_DEFECTS = {
    ("olist", "olist_order_payments_dataset"): [
        ("bf719f4a35865cc9b6ba2d98048e90f6,9,voucher,1,-5.00", "negative_amount"),
        ("bf719f4a35865cc9b6ba2d98048e90f6,8,voucher,1,12.345", "invalid_number"),
        ("ffffffffffffffffffffffffffffffff,1,voucher,1,10.00", "unknown_order"),
        (FIRST_PAYMENT, "duplicate_row"),
    ],
    ("olist", "olist_orders_dataset"): [
        ("eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee,dddddddddddddddddddddddddddddddd,delivered,2018-04-26 10:20:19,,,,",
         "unknown_customer"),
    ],
    ("ecomx", "transactions_final"): [
        ("900001,1,2023-04-08,-12.50,Electronics", "negative_amount"),
        ("900002,1,2023-04-09,12.50,Garden", "unknown_category"),
        ("900003,999999,2023-04-10,12.50,Clothing", "unknown_customer"),
    ],
}


@pytest.fixture(scope="module")
def parquet_sources_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    from conftest import SAMPLE_ECOMX, SAMPLE_OLIST
    from customer_value.samples.parquet_folder import convert_folder_to_parquet

    root = tmp_path_factory.mktemp("parquet_sources")
    folders = {}
    for source, sample in [("olist", SAMPLE_OLIST), ("ecomx", SAMPLE_ECOMX)]:
        folder = root / source
        shutil.copytree(sample, folder)
        for (defect_source, name), defects in SOURCE_DEFECTS.items():
            if defect_source == source:
                with (folder / f"{name}.csv").open("a") as handle:
                    handle.writelines(line + "\n" for line, _ in defects)
        convert_folder_to_parquet(folder)
        folders[source] = folder
    return assert_built(run_dbt_build(root / "build", olist_dir=folders["olist"], ecomx_dir=folders["ecomx"]))


def test_generated_parquet_folders_hold_only_parquet(parquet_sources_build: Build) -> None:
    files = parquet_sources_build.table("select source_name, file_name from dq_reconciliation where source_name <> 'transactions'")
    assert all(name.endswith(".parquet") for name in files["file_name"]) and len(files) == 7


def test_parquet_files_are_staged_as_views_and_csv_files_as_tables(parquet_sources_build: Build,
                                                                   sample_build: Build) -> None:
    query = ("select table_name, table_type from information_schema.tables where table_schema = 'staging' "
             "and starts_with(table_name, 'stg_') and not ends_with(table_name, '__csv_rejects') order by 1")
    from_parquet, from_csv = parquet_sources_build.table(query), sample_build.table(query)
    assert len(from_csv) == 8 and set(from_csv["table_type"]) == {"BASE TABLE"}
    views = from_parquet[from_parquet["table_name"] != "stg_transactions__transactions"]  # the bundled CSV
    assert len(views) == 7 and set(views["table_type"]) == {"VIEW"}


def test_parquet_source_defects_get_the_csv_reasons_and_reconcile(parquet_sources_build: Build, sample_build: Build) -> None:
    quarantine = parquet_sources_build.table("select source_name, file_name, reason from dq_quarantine order by all")
    expected = sorted((source, f"{name}.parquet", reason) for (source, name), defects in SOURCE_DEFECTS.items()
                      for _, reason in defects)
    assert sorted(quarantine.itertuples(index=False, name=None)) == expected
    found = parquet_sources_build.table("select * from dq_reconciliation where source_name <> 'transactions'")
    assert found["is_balanced"].all(), found.loc[~found["is_balanced"], "imbalance"].tolist()
    csv = sample_build.table("select * from dq_reconciliation where source_name <> 'transactions'")
    csv["file_name"] = csv["file_name"].str.replace(".csv", ".parquet")
    merged = found.merge(csv, on=["source_name", "file_name"], suffixes=("", "_csv"))
    assert len(merged) == 7
    added = merged["file_name"].map({f"{name}.parquet": len(d) for (_, name), d in SOURCE_DEFECTS.items()}).fillna(0)
    assert (merged["rows_read"] == merged["rows_read_csv"] + added).all()
    assert (merged["rows_accepted"] == merged["rows_accepted_csv"]).all()
    pd.testing.assert_series_equal(merged["money_accepted"], merged["money_accepted_csv"], check_names=False)


def test_parquet_sources_give_the_same_marts_as_the_csv_samples(parquet_sources_build: Build, sample_build: Build) -> None:
    tables = sample_build.table(
        "select table_name from information_schema.tables where table_schema = 'main' "
        "and (table_name like 'olist%' or table_name like 'ecomx%' or table_name like 'fct%') order by 1")["table_name"]
    assert len(tables) > 30
    for table in tables:
        pd.testing.assert_frame_equal(parquet_sources_build.table(f"select * from {table} order by all"),
                                      sample_build.table(f"select * from {table} order by all"), check_exact=True,
                                      obj=table)

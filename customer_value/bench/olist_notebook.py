"""The Olist reference notebook (DATA_OLIST.md, steps 1-9) as a plain pandas + scikit-learn pipeline.

Two jobs: the tests use it as an independent re-implementation to check the warehouse tables against, and
`make bench` times it beside `dbt build` on the same files. It reads the input folder the way the notebook
does (pandas read_csv; a folder of Parquet files is read through DuckDB, since pandas alone cannot) and
keeps every customer in memory, as the notebook does.

Command line: ``python -m customer_value.bench.olist_notebook FOLDER`` runs it and prints what it found.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from sklearn.cluster import KMeans
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

FEATURES = ["recency", "frequency", "monetary"]


@dataclass
class NotebookResult:
    delivered_orders: int
    reference_date: pd.Timestamp
    rfm: pd.DataFrame  # customer_unique_id, recency, frequency, monetary, cluster, is_high_value
    test_customers: set[str]
    coefficients: dict[str, float]


def read_table(folder: Path, name: str) -> pd.DataFrame:
    """One whole input file, as the notebook reads it: <name>.csv, or <name>.parquet."""
    parquet = folder / f"{name}.parquet"
    if parquet.exists():
        import duckdb

        frame = duckdb.sql(f"select * from read_parquet('{parquet}')").df()
    else:
        frame = pd.read_csv(folder / f"{name}.csv")
    if "order_purchase_timestamp" in frame:
        frame["order_purchase_timestamp"] = pd.to_datetime(frame["order_purchase_timestamp"])
    return frame


def notebook_rfm(folder: Path) -> tuple[pd.DataFrame, pd.Timestamp, int]:
    orders = read_table(folder, "olist_orders_dataset")
    payments = read_table(folder, "olist_order_payments_dataset")
    customers = read_table(folder, "olist_customers_dataset")
    delivered = orders[orders["order_status"] == "delivered"]
    totals = payments.groupby("order_id", as_index=False)["payment_value"].sum()
    frame = delivered.merge(totals, on="order_id", how="left").merge(
        customers[["customer_id", "customer_unique_id"]], on="customer_id", how="left"
    )
    frame["payment_value"] = frame["payment_value"].fillna(0)
    reference = frame["order_purchase_timestamp"].max().normalize() + pd.Timedelta(days=1)
    rfm = (
        frame.groupby("customer_unique_id")
        .agg(
            last_purchase=("order_purchase_timestamp", "max"),
            frequency=("order_id", "nunique"),
            monetary=("payment_value", "sum"),
        )
        .reset_index()
    )
    rfm.insert(1, "recency", (reference - rfm.pop("last_purchase")).dt.days)
    return rfm, reference, len(delivered)


def run_notebook(folder: Path) -> NotebookResult:
    rfm, reference, delivered = notebook_rfm(folder)
    scaled = StandardScaler().fit_transform(rfm[FEATURES])
    rfm["cluster"] = KMeans(n_clusters=4, random_state=42, n_init=10).fit_predict(scaled)
    high_cluster = rfm.groupby("cluster")["monetary"].mean().idxmax()
    rfm["is_high_value"] = (rfm["cluster"] == high_cluster).astype(int)

    x, y = rfm[FEATURES], rfm["is_high_value"]
    x_train, x_test, y_train, _ = train_test_split(x, y, test_size=0.3, stratify=y, random_state=42)
    scaler = StandardScaler().fit(x_train)
    model = LogisticRegression(class_weight="balanced", random_state=42, max_iter=1000)
    model.fit(scaler.transform(x_train), y_train)
    return NotebookResult(
        delivered_orders=delivered,
        reference_date=reference,
        rfm=rfm,
        test_customers=set(rfm.loc[x_test.index, "customer_unique_id"]),
        coefficients=dict(zip(FEATURES, model.coef_[0])),
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m customer_value.bench.olist_notebook")
    parser.add_argument("folder", type=Path, help="an Olist folder (CSV or Parquet files)")
    result = run_notebook(parser.parse_args(argv).folder)
    print(f"{result.delivered_orders} delivered orders, {len(result.rfm)} customers, "
          f"{int(result.rfm['is_high_value'].sum())} high value; coefficients "
          + ", ".join(f"{name} {value:.4f}" for name, value in result.coefficients.items()))


if __name__ == "__main__":
    main()

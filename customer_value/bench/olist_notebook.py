"""An independent pandas re-implementation of the Olist reference notebook (DATA_OLIST.md, steps 1-9).

It reads the CSV files the way the notebook does and is used to check the warehouse tables against it.
"""

from __future__ import annotations

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


def notebook_rfm(folder: Path) -> tuple[pd.DataFrame, pd.Timestamp, int]:
    orders = pd.read_csv(folder / "olist_orders_dataset.csv", parse_dates=["order_purchase_timestamp"])
    payments = pd.read_csv(folder / "olist_order_payments_dataset.csv")
    customers = pd.read_csv(folder / "olist_customers_dataset.csv")
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
            recency=("order_purchase_timestamp", lambda x: (reference - x.max()).days),
            frequency=("order_id", "nunique"),
            monetary=("payment_value", "sum"),
        )
        .reset_index()
    )
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

"""A tiny Olist folder computed by hand, and the real 500-order Kaggle slice, through `dbt build`."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from sklearn.cluster import KMeans
from sklearn.preprocessing import StandardScaler

from conftest import REAL_OLIST_500, assert_built, run_dbt_build
from customer_value.bench.olist_notebook import FEATURES, notebook_rfm

ORDERS_HEADER = (
    "order_id,customer_id,order_status,order_purchase_timestamp,order_approved_at,"
    "order_delivered_carrier_date,order_delivered_customer_date,order_estimated_delivery_date"
)
ORDERS = [
    # order, customer_id, status, purchased  (customer_id -> person below)
    ("o1", "c1", "delivered", "2018-01-10 10:00:00"),
    ("o2", "c2", "delivered", "2018-03-05 23:59:59"),  # no payment row at all
    ("o3", "c3", "delivered", "2018-03-06 08:00:00"),  # latest delivered purchase -> reference 2018-03-07
    ("o4", "c4", "canceled", "2018-03-06 12:00:00"),
    ("o5", "c5", "shipped", "2018-03-10 09:00:00"),  # later, but not delivered: does not move the reference
    ("o6", "c6", "delivered", "2017-03-07 00:00:00"),  # paid 0.00, exactly 365 days old
]
PEOPLE = {"c1": "p1", "c2": "p1", "c3": "p2", "c4": "p2", "c5": "p3", "c6": "p4"}
PAYMENTS = [
    ("o1", 1, "credit_card", 3, "50.00"),
    ("o1", 2, "voucher", 1, "25.50"),  # split payment: o1 totals 75.50
    ("o3", 1, "boleto", 1, "100.00"),
    ("o4", 1, "credit_card", 1, "30.00"),
    ("o5", 1, "debit_card", 1, "10.00"),
    ("o6", 1, "voucher", 1, "0.00"),
]


def write_hand_case(folder: Path) -> None:
    folder.mkdir(parents=True)
    with open(folder / "olist_orders_dataset.csv", "w", newline="") as handle:
        handle.write(ORDERS_HEADER + "\n")
        for order_id, customer_id, status, purchased in ORDERS:
            handle.write(f"{order_id},{customer_id},{status},{purchased},,,,2018-04-01 00:00:00\n")
    with open(folder / "olist_order_payments_dataset.csv", "w", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["order_id", "payment_sequential", "payment_type", "payment_installments", "payment_value"])
        writer.writerows(PAYMENTS)
    with open(folder / "olist_customers_dataset.csv", "w", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(
            ["customer_id", "customer_unique_id", "customer_zip_code_prefix", "customer_city", "customer_state"]
        )
        writer.writerows([(c, p, "01013", "sao paulo", "SP") for c, p in PEOPLE.items()])


@pytest.fixture(scope="module")
def hand_build(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("olist_hand")
    write_hand_case(root / "data")
    return assert_built(run_dbt_build(root / "build", olist_dir=root / "data"))


def test_hand_computed_rfm(hand_build) -> None:
    rfm = hand_build.table("select * from olist_customer_rfm order by customer_unique_id")
    assert rfm["customer_unique_id"].tolist() == ["p1", "p2", "p4"]
    assert set(rfm["reference_date"]) == {pd.Timestamp("2018-03-07")}
    assert rfm["recency_days"].tolist() == [1, 0, 365]
    assert rfm["frequency"].tolist() == [2, 1, 1]
    assert [float(v) for v in rfm["monetary"]] == [75.50, 100.00, 0.00]


def test_hand_computed_orders_and_payments(hand_build) -> None:
    fct = hand_build.table("select * from fct_olist_orders order by order_id").set_index("order_id")
    assert len(fct) == 6
    assert fct.loc["o2", "has_payment"] == False  # noqa: E712
    assert float(fct.loc["o2", "payment_total"]) == 0.0
    assert float(fct.loc["o1", "payment_total"]) == 75.50 and fct.loc["o1", "payment_rows"] == 2
    assert fct.loc["o1", "customer_unique_id"] == fct.loc["o2", "customer_unique_id"] == "p1"
    per_order = hand_build.table("select * from intermediate.int_olist__payments_per_order").set_index("order_id")
    assert float(per_order["payment_total"].sum()) == 215.50
    assert float(per_order.loc["o1", "voucher_amount"]) == 25.50
    assert float(per_order.loc["o1", "credit_card_amount"]) == 50.00
    assert per_order.loc["o1", "max_installments"] == 3


def test_tiny_data_reports_unfit_model_instead_of_failing(hand_build) -> None:
    metrics = hand_build.table("select * from olist_model_metrics")
    assert metrics[["split", "model_status"]].values.tolist() == [["none", "not_fit"]]
    assert "stratified" in metrics.loc[0, "status_reason"]
    scores = hand_build.table("select * from olist_high_value_scores")
    assert len(scores) == 3 and scores["p_high_value"].isna().all()


@pytest.mark.skipif(not REAL_OLIST_500.is_dir(), reason=f"real-format Olist slice not found at {REAL_OLIST_500}")
def test_real_kaggle_format_slice(tmp_path: Path) -> None:
    build = assert_built(run_dbt_build(tmp_path, olist_dir=REAL_OLIST_500))
    with open(REAL_OLIST_500 / "olist_orders_dataset.csv", newline="") as handle:
        orders = list(csv.DictReader(handle))
    with open(REAL_OLIST_500 / "olist_customers_dataset.csv", newline="") as handle:
        person = {row["customer_id"]: row["customer_unique_id"] for row in csv.DictReader(handle)}
    delivered = [row for row in orders if row["order_status"] == "delivered"]
    latest = max(dt.datetime.strptime(row["order_purchase_timestamp"], "%Y-%m-%d %H:%M:%S") for row in delivered)

    assert build.scalar("select count(*) from fct_olist_orders") == len(orders) == 500
    assert build.scalar("select count(*) from fct_olist_orders where is_delivered") == len(delivered) == 487
    assert build.scalar("select count(*) from olist_customer_rfm") == len({person[r["customer_id"]] for r in delivered})
    assert build.scalar("select max(reference_date) from olist_customer_rfm") == latest.date() + dt.timedelta(days=1)
    zips = build.table("select customer_zip_code_prefix from staging.stg_olist__customers")["customer_zip_code_prefix"]
    assert (zips.str.len() == 5).all() and zips.str.startswith("0").any()

    # the notebook's KMeans on the real rows: the same partition, only relabelled (its high-value cluster
    # holds one person here, so the notebook's stratified split fails and the product reports not_fit)
    rfm, _, _ = notebook_rfm(REAL_OLIST_500)
    rfm["cluster"] = KMeans(n_clusters=4, random_state=42, n_init=10).fit_predict(StandardScaler().fit_transform(rfm[FEATURES]))
    segments = build.table("select customer_unique_id, segment_id from olist_customer_segments")
    pairs = segments.merge(rfm, on="customer_unique_id", validate="one_to_one").groupby(["segment_id", "cluster"]).size()
    assert len(pairs) == 4 and pairs.index.get_level_values("cluster").is_unique
    assert pairs.droplevel("cluster").to_dict() == {1: 1, 2: 188, 3: 187, 4: 111}
    assert build.table("select split, model_status from olist_model_metrics").values.tolist() == [["none", "not_fit"]]

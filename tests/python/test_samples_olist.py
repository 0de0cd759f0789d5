"""Tests for the synthetic Olist generator (Kaggle file format and realism guarantees)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import pytest

from customer_value.samples.olist_folder import (
    CUSTOMERS_FILE,
    HEADERS,
    ITEMS_FILE,
    ORDERS_FILE,
    PAYMENTS_FILE,
    _write_olist,
    write_olist,
)

N_ORDERS = 3000
REAL_SAMPLE = Path("/work/shared/data/olist_real_sample_500")
FILES = (ORDERS_FILE, PAYMENTS_FILE, CUSTOMERS_FILE, ITEMS_FILE)
EXPECTED_HEADERS = {
    ORDERS_FILE: "order_id,customer_id,order_status,order_purchase_timestamp,order_approved_at,"
    "order_delivered_carrier_date,order_delivered_customer_date,order_estimated_delivery_date",
    PAYMENTS_FILE: "order_id,payment_sequential,payment_type,payment_installments,payment_value",
    CUSTOMERS_FILE: "customer_id,customer_unique_id,customer_zip_code_prefix,customer_city,"
    "customer_state",
    ITEMS_FILE: "order_id,order_item_id,product_id,seller_id,shipping_limit_date,price,"
    "freight_value",
}
TS_COLUMNS = (
    "order_purchase_timestamp",
    "order_approved_at",
    "order_delivered_carrier_date",
    "order_delivered_customer_date",
    "order_estimated_delivery_date",
)
HEX_ID = r"[0-9a-f]{32}"
MONEY = r"\d+\.\d{2}"
TS_FORMAT = "%Y-%m-%d %H:%M:%S"
TS = r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}"


def _digest(folder: Path) -> dict[str, str]:
    return {name: hashlib.sha256((folder / name).read_bytes()).hexdigest() for name in FILES}


def _read(folder: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(folder / name, dtype=str, keep_default_na=False)


def _all_match(values: pd.Series, pattern: str) -> bool:
    return bool(values.str.fullmatch(pattern).all())


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("olist") / "nested" / "out"  # parents created by the writer
    write_olist(out, orders=N_ORDERS, seed=42)
    return out


@pytest.fixture(scope="module")
def tables(folder: Path) -> dict[str, pd.DataFrame]:
    return {name: _read(folder, name) for name in FILES}


def test_same_seed_is_byte_identical_and_other_seed_differs(folder: Path, tmp_path: Path) -> None:
    write_olist(tmp_path / "again", orders=N_ORDERS, seed=42)
    write_olist(tmp_path / "other", orders=N_ORDERS, seed=43)
    assert _digest(tmp_path / "again") == _digest(folder)
    other = _digest(tmp_path / "other")
    assert all(other[name] != digest for name, digest in _digest(folder).items())


def test_header_lines_match_kaggle(folder: Path) -> None:
    for name in FILES:
        first = (folder / name).read_bytes().split(b"\n", 1)[0].decode()
        assert first == EXPECTED_HEADERS[name] == ",".join(HEADERS[name])
        if REAL_SAMPLE.is_dir():
            real = (REAL_SAMPLE / name).read_bytes().split(b"\n", 1)[0].decode()
            assert first == real


def test_plain_lf_unquoted_text(folder: Path) -> None:
    for name in FILES:
        raw = (folder / name).read_bytes()
        assert raw.endswith(b"\n")
        assert b"\r" not in raw and b'"' not in raw
        raw.decode("ascii")


def test_row_count_and_one_customer_row_per_order(tables: dict[str, pd.DataFrame]) -> None:
    orders, customers = tables[ORDERS_FILE], tables[CUSTOMERS_FILE]
    assert len(orders) == N_ORDERS
    assert orders.order_id.is_unique and customers.customer_id.is_unique
    assert set(orders.customer_id) == set(customers.customer_id)
    assert len(customers) == N_ORDERS


def test_ids_zip_city_state_formats(tables: dict[str, pd.DataFrame]) -> None:
    orders, customers = tables[ORDERS_FILE], tables[CUSTOMERS_FILE]
    items = tables[ITEMS_FILE]
    for column in (orders.order_id, orders.customer_id, customers.customer_unique_id):
        assert _all_match(column, HEX_ID)
    for column in (items.order_id, items.product_id, items.seller_id):
        assert _all_match(column, HEX_ID)
    assert _all_match(customers.customer_zip_code_prefix, r"\d{5}")
    assert customers.customer_zip_code_prefix.str.startswith("0").any()
    assert _all_match(customers.customer_city, r"[a-z][a-z \-]*[a-z]")
    assert _all_match(customers.customer_state, r"[A-Z]{2}")


def test_timestamps_exact_format(tables: dict[str, pd.DataFrame]) -> None:
    orders, items = tables[ORDERS_FILE], tables[ITEMS_FILE]
    for column in TS_COLUMNS:
        present = orders[column][orders[column] != ""]
        assert _all_match(present, TS)
        pd.to_datetime(present, format=TS_FORMAT)
    assert (orders.order_purchase_timestamp != "").all()
    assert orders.order_estimated_delivery_date.str.endswith(" 00:00:00").all()
    assert _all_match(items.shipping_limit_date, TS)


def test_timeline_is_status_consistent(tables: dict[str, pd.DataFrame]) -> None:
    orders = tables[ORDERS_FILE]
    ts = {c: pd.to_datetime(orders[c].replace("", None), format=TS_FORMAT) for c in TS_COLUMNS}
    delivered = orders.order_status == "delivered"
    assert (orders.order_delivered_customer_date[~delivered] == "").all()
    assert (orders.order_delivered_customer_date[delivered] != "").all()
    customer = ts["order_delivered_customer_date"][delivered]
    assert (customer > ts["order_purchase_timestamp"][delivered]).all()
    assert (customer > ts["order_delivered_carrier_date"][delivered]).all()
    purchase = ts["order_purchase_timestamp"]
    assert purchase.min() >= pd.Timestamp("2016-09-04")
    assert purchase.max() < pd.Timestamp("2018-08-30")
    assert purchase.max() - purchase.min() > pd.Timedelta(days=600)


def test_status_mix(tables: dict[str, pd.DataFrame]) -> None:
    status = tables[ORDERS_FILE].order_status
    assert 0.95 <= (status == "delivered").mean() <= 0.99
    allowed = {"delivered", "shipped", "canceled", "unavailable", "invoiced", "processing"}
    assert set(status) <= allowed | {"created", "approved"}
    assert len(set(status)) >= 4


def test_payments_reference_orders_and_formats(tables: dict[str, pd.DataFrame]) -> None:
    orders, payments = tables[ORDERS_FILE], tables[PAYMENTS_FILE]
    assert payments.order_id.isin(orders.order_id).all()
    assert _all_match(payments.payment_value, MONEY)
    types = {"credit_card", "boleto", "voucher", "debit_card", "not_defined"}
    assert set(payments.payment_type) <= types
    installments = payments.payment_installments.astype(int)
    card = payments.payment_type == "credit_card"
    assert installments[card].between(1, 10).all() and (installments[~card] == 1).all()
    seq = payments.assign(s=payments.payment_sequential.astype(int)).groupby("order_id").s
    assert (seq.min() == 1).all() and (seq.max() == seq.count()).all()


def test_payment_edge_cases(tables: dict[str, pd.DataFrame]) -> None:
    orders, payments = tables[ORDERS_FILE], tables[PAYMENTS_FILE]
    unpaid = orders[~orders.order_id.isin(payments.order_id)]
    assert (unpaid.order_status == "delivered").any()
    assert (payments.payment_value.astype(float) == 0).any()
    rows = payments.groupby("order_id").size()
    multi = payments[payments.order_id.isin(rows[rows >= 2].index)]
    assert multi.order_id.nunique() >= 0.01 * N_ORDERS
    assert (multi.payment_type == "voucher").any()


def test_payments_sum_to_item_totals(tables: dict[str, pd.DataFrame]) -> None:
    payments, items = tables[PAYMENTS_FILE], tables[ITEMS_FILE]
    assert _all_match(items.price, MONEY) and _all_match(items.freight_value, MONEY)
    cents = lambda s: (s.astype(float) * 100).round().astype(int)  # noqa: E731
    paid = cents(payments.payment_value).groupby(payments.order_id).sum()
    billed = (cents(items.price) + cents(items.freight_value)).groupby(items.order_id).sum()
    both = paid.index.intersection(billed.index)
    assert len(both) > 0.95 * N_ORDERS
    assert (paid[both] == billed[both]).all()
    values = paid[both] / 100
    assert 70 <= values.median() <= 140 and values.max() > 1000


def test_repeat_people(tables: dict[str, pd.DataFrame]) -> None:
    per_person = tables[CUSTOMERS_FILE].customer_unique_id.value_counts()
    assert per_person.max() >= 2
    assert 0.015 <= (per_person >= 2).mean() <= 0.05


def test_more_orders_than_chunk_and_tiny_runs(tmp_path: Path) -> None:
    _write_olist(tmp_path / "chunked", orders=2500, seed=5, chunk_orders=700)
    orders = _read(tmp_path / "chunked", ORDERS_FILE)
    customers = _read(tmp_path / "chunked", CUSTOMERS_FILE)
    payments = _read(tmp_path / "chunked", PAYMENTS_FILE)
    assert len(orders) == 2500 and orders.order_id.is_unique
    assert len(customers) == 2500 and customers.customer_id.is_unique
    assert payments.order_id.isin(orders.order_id).all()
    assert (~orders.order_id.isin(payments.order_id)).sum() == 4  # one per chunk of >= 100
    for n in (0, 1, 7):
        write_olist(tmp_path / f"n{n}", orders=n, seed=1)
        assert len(_read(tmp_path / f"n{n}", ORDERS_FILE)) == n


def test_guarantees_hold_at_100_orders(tmp_path: Path) -> None:
    for seed in range(3):
        write_olist(tmp_path / str(seed), orders=100, seed=seed)
        orders = _read(tmp_path / str(seed), ORDERS_FILE)
        payments = _read(tmp_path / str(seed), PAYMENTS_FILE)
        unpaid = orders[~orders.order_id.isin(payments.order_id)]
        assert (unpaid.order_status == "delivered").any()
        assert (payments.payment_value == "0.00").any()

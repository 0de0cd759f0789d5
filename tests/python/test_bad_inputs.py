"""The bad-input corpus: one defect per case, each on its own rows of a copy of the bundled samples.

Three kinds of outcome are asserted exactly:
- fail fast: the build stops before any model runs, with one line naming the file, the column and the
  setting to change;
- quarantine: the build succeeds, dq_quarantine holds exactly the expected rows with their reasons,
  dq_reconciliation balances, and the marts equal a reference computed in pandas on the clean data
  (the sample minus the defective rows): nothing else changed;
- harmless variation (BOM, Windows line endings, extra column, re-sent rows or file): the marts are
  identical to the clean build.
Row-level defects of one source share one build (each on different rows) to keep the suite fast.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np
import pandas as pd
import pytest

from app_driver import count, metrics, open_app
from badinput import Expected, Folder, Quarantined
from conftest import SAMPLE_ECOMX, SAMPLE_OLIST, WITHOUT_ML, Build, assert_built, run_dbt_build
from customer_value.bench.olist_notebook import notebook_rfm
from test_ecomx_build import notebook_clv

ORDERS, PAYMENTS, CUSTOMERS = "olist_orders_dataset.csv", "olist_order_payments_dataset.csv", "olist_customers_dataset.csv"
E_CUSTOMERS, E_TRANSACTIONS, E_ENGAGEMENTS, E_MARKETING = (
    "customers_final.csv", "transactions_final.csv", "engagements_final.csv", "marketing_final.csv"
)
UNKNOWN_ID = b"ffffffffffffffffffffffffffffffff"


# --------------------------------------------------------------------------- choosing target rows


@dataclass(frozen=True)
class OlistTarget:
    """A delivered single-payment order of a one-order person, and where its rows are."""

    order_id: str
    order_line: int
    payment_line: int
    customer_line: int


def olist_targets(folder: Folder) -> list[OlistTarget]:
    orders, payments, customers = folder[ORDERS], folder[PAYMENTS], folder[CUSTOMERS]
    payment_lines: dict[str, list[int]] = {}
    for number in range(2, len(payments.lines) + 1):
        payment_lines.setdefault(payments.value(number, "order_id"), []).append(number)
    customer_lines = {customers.value(n, "customer_id"): n for n in range(2, len(customers.lines) + 1)}
    people: dict[str, int] = {}
    for number in range(2, len(customers.lines) + 1):
        person = customers.value(number, "customer_unique_id")
        people[person] = people.get(person, 0) + 1
    targets = []
    for number in range(2, len(orders.lines) + 1):
        order_id, customer_id = orders.value(number, "order_id"), orders.value(number, "customer_id")
        customer_line = customer_lines[customer_id]
        if (
            orders.value(number, "order_status") == "delivered"
            and len(payment_lines.get(order_id, [])) == 1
            and people[customers.value(customer_line, "customer_unique_id")] == 1
        ):
            targets.append(OlistTarget(order_id, number, payment_lines[order_id][0], customer_line))
    return targets[::97]  # spread over the file


def ecomx_targets(folder: Folder) -> list[int]:
    """Customer ids with at least 2 transactions and 1 campaign, spread over the file."""
    counts = pd.Series([folder[E_TRANSACTIONS].value(n, "customer_id") for n in range(2, len(folder[E_TRANSACTIONS].lines) + 1)]).value_counts()
    campaigns = {folder[E_MARKETING].value(n, "customer_id") for n in range(2, len(folder[E_MARKETING].lines) + 1)}
    eligible = sorted(int(c) for c, k in counts.items() if k >= 2 and c in campaigns)
    return eligible[::53]


def lines_of(lines, column: str, value: str) -> list[int]:
    return [n for n in range(2, len(lines.lines) + 1) if lines.value(n, column) == value]


# --------------------------------------------------------------------------- Olist row-level defects

OlistDefect = Callable[[Folder, OlistTarget, Expected], None]


def drop_order(expected: Expected, target: OlistTarget, payment_reason: str | None) -> None:
    """The order is gone; its payment is quarantined with `payment_reason` (unknown_order / order_quarantined)."""
    expected.drop("orders", target.order_id)
    expected.drop("payments", target.order_id + "#1")
    if payment_reason:
        expected.quarantine.append(Quarantined(PAYMENTS, payment_reason, record_key=target.order_id + "#1"))


def o_unparsable_date(folder: Folder, t: OlistTarget, expected: Expected) -> None:
    folder[ORDERS].set_field(t.order_line, "order_purchase_timestamp", b"2018-02-30 10:00:00")
    expected.quarantine.append(Quarantined(ORDERS, "unparsable_cast", line_number=t.order_line))
    drop_order(expected, t, "unknown_order")


def o_extra_field(folder: Folder, t: OlistTarget, expected: Expected) -> None:
    folder[ORDERS].lines[t.order_line - 1] += b",surplus"
    expected.quarantine.append(Quarantined(ORDERS, "unparsable_too_many_columns", line_number=t.order_line))
    drop_order(expected, t, "unknown_order")


def o_missing_field(folder: Folder, t: OlistTarget, expected: Expected) -> None:
    folder[ORDERS].lines[t.order_line - 1] = folder[ORDERS].lines[t.order_line - 1].rsplit(b",", 1)[0]
    expected.quarantine.append(Quarantined(ORDERS, "unparsable_missing_columns", line_number=t.order_line))
    drop_order(expected, t, "unknown_order")


def o_future_date(folder: Folder, t: OlistTarget, expected: Expected) -> None:
    folder[ORDERS].set_field(t.order_line, "order_purchase_timestamp", b"2031-01-01 10:00:00")
    expected.quarantine.append(Quarantined(ORDERS, "date_out_of_range", record_key=t.order_id))
    drop_order(expected, t, "order_quarantined")


def o_recent_outlier_date(folder: Folder, t: OlistTarget, expected: Expected) -> None:
    # in the past, yet years after the rest of the export: would move the reference date
    folder[ORDERS].set_field(t.order_line, "order_purchase_timestamp", b"2025-06-01 10:00:00")
    expected.quarantine.append(Quarantined(ORDERS, "date_out_of_range", record_key=t.order_id))
    drop_order(expected, t, "order_quarantined")


def o_ancient_date(folder: Folder, t: OlistTarget, expected: Expected) -> None:
    folder[ORDERS].set_field(t.order_line, "order_purchase_timestamp", b"1970-01-01 00:00:00")
    expected.quarantine.append(Quarantined(ORDERS, "date_out_of_range", record_key=t.order_id))
    drop_order(expected, t, "order_quarantined")


def o_unknown_status(folder: Folder, t: OlistTarget, expected: Expected) -> None:
    folder[ORDERS].set_field(t.order_line, "order_status", b"lost_in_transit")
    expected.quarantine.append(Quarantined(ORDERS, "unknown_status", record_key=t.order_id))
    drop_order(expected, t, "order_quarantined")


def o_order_without_customer(folder: Folder, t: OlistTarget, expected: Expected) -> None:
    folder[ORDERS].set_field(t.order_line, "customer_id", UNKNOWN_ID)
    expected.quarantine.append(Quarantined(ORDERS, "unknown_customer", record_key=t.order_id))
    drop_order(expected, t, "order_quarantined")


def o_duplicated_order_row(folder: Folder, t: OlistTarget, expected: Expected) -> None:
    folder[ORDERS].append(folder[ORDERS].lines[t.order_line - 1])
    expected.quarantine.append(Quarantined(ORDERS, "duplicate_row", record_key=t.order_id))


def o_conflicting_order_rows(folder: Folder, t: OlistTarget, expected: Expected) -> None:
    orders = folder[ORDERS]
    fields = orders.fields(t.order_line)
    fields[orders.column_index("order_status")] = b"canceled"
    orders.append(b",".join(fields))
    expected.quarantine += [Quarantined(ORDERS, "duplicate_key", record_key=t.order_id)] * 2
    drop_order(expected, t, "order_quarantined")


def o_negative_payment(folder: Folder, t: OlistTarget, expected: Expected) -> None:
    folder[PAYMENTS].set_field(t.payment_line, "payment_value", b"-50.00")
    expected.quarantine.append(Quarantined(PAYMENTS, "negative_amount", record_key=t.order_id + "#1"))
    expected.drop("payments", t.order_id + "#1")


def o_zero_payment(folder: Folder, t: OlistTarget, expected: Expected) -> None:
    # legitimate (vouchers): accepted, the order counts 0
    folder[PAYMENTS].set_field(t.payment_line, "payment_value", b"0.00")
    expected.drop("payment_value_zero", t.order_id)


def o_negative_instalments(folder: Folder, t: OlistTarget, expected: Expected) -> None:
    folder[PAYMENTS].set_field(t.payment_line, "payment_installments", b"-3")
    expected.quarantine.append(Quarantined(PAYMENTS, "negative_count", record_key=t.order_id + "#1"))
    expected.drop("payments", t.order_id + "#1")


def o_absurd_payment(folder: Folder, t: OlistTarget, expected: Expected) -> None:
    folder[PAYMENTS].set_field(t.payment_line, "payment_value", b"98765432.10")
    expected.quarantine.append(Quarantined(PAYMENTS, "amount_too_large", record_key=t.order_id + "#1"))
    expected.drop("payments", t.order_id + "#1")


def o_text_in_amount(folder: Folder, t: OlistTarget, expected: Expected) -> None:
    folder[PAYMENTS].set_field(t.payment_line, "payment_value", b"12,50")  # decimal comma: one field too many
    expected.quarantine.append(Quarantined(PAYMENTS, "unparsable_too_many_columns", line_number=t.payment_line))
    expected.drop("payments", t.order_id + "#1")


def o_wrong_number_type(folder: Folder, t: OlistTarget, expected: Expected) -> None:
    folder[PAYMENTS].set_field(t.payment_line, "payment_installments", b"three")
    expected.quarantine.append(Quarantined(PAYMENTS, "invalid_number", record_key=t.order_id + "#1"))
    expected.drop("payments", t.order_id + "#1")


def o_too_many_decimals(folder: Folder, t: OlistTarget, expected: Expected) -> None:
    # DuckDB's cast would round 56.355 to 56.36 and change the total without a word
    folder[PAYMENTS].set_field(t.payment_line, "payment_value", b"56.355")
    expected.quarantine.append(Quarantined(PAYMENTS, "invalid_number", record_key=t.order_id + "#1"))
    expected.drop("payments", t.order_id + "#1")


def o_padded_person_id(folder: Folder, t: OlistTarget, expected: Expected) -> None:
    customers = folder[CUSTOMERS]
    person = customers.value(t.customer_line, "customer_unique_id")
    customers.set_field(t.customer_line, "customer_unique_id", person.upper().encode() + b" ")
    expected.quarantine.append(Quarantined(CUSTOMERS, "malformed_key", record_key=customers.value(t.customer_line, "customer_id")))
    expected.quarantine.append(Quarantined(ORDERS, "customer_quarantined", record_key=t.order_id))
    drop_order(expected, t, "order_quarantined")


def o_blank_line(folder: Folder, t: OlistTarget, expected: Expected) -> None:
    number = folder[CUSTOMERS].append(b"   ")
    expected.quarantine.append(Quarantined(CUSTOMERS, "unparsable_missing_columns", line_number=number))


def o_duplicated_payment_row(folder: Folder, t: OlistTarget, expected: Expected) -> None:
    folder[PAYMENTS].append(folder[PAYMENTS].lines[t.payment_line - 1])
    expected.quarantine.append(Quarantined(PAYMENTS, "duplicate_row", record_key=t.order_id + "#1"))


def o_conflicting_payment_rows(folder: Folder, t: OlistTarget, expected: Expected) -> None:
    payments = folder[PAYMENTS]
    fields = payments.fields(t.payment_line)
    fields[payments.column_index("payment_value")] = b"1.00"
    payments.append(b",".join(fields))
    expected.quarantine += [Quarantined(PAYMENTS, "duplicate_key", record_key=t.order_id + "#1")] * 2
    expected.drop("payments", t.order_id + "#1")


def o_orphan_payment(folder: Folder, t: OlistTarget, expected: Expected) -> None:
    orphan = UNKNOWN_ID.decode()
    folder[PAYMENTS].append(f"{orphan},1,credit_card,1,77.70".encode())
    expected.quarantine.append(Quarantined(PAYMENTS, "unknown_order", record_key=orphan + "#1"))


def o_duplicated_customer_row(folder: Folder, t: OlistTarget, expected: Expected) -> None:
    customers = folder[CUSTOMERS]
    customers.append(customers.lines[t.customer_line - 1])
    expected.quarantine.append(Quarantined(CUSTOMERS, "duplicate_row", record_key=customers.value(t.customer_line, "customer_id")))


def o_customer_missing_field(folder: Folder, t: OlistTarget, expected: Expected) -> None:
    customers = folder[CUSTOMERS]
    customers.lines[t.customer_line - 1] = customers.lines[t.customer_line - 1].rsplit(b",", 1)[0]
    expected.quarantine.append(Quarantined(CUSTOMERS, "unparsable_missing_columns", line_number=t.customer_line))
    expected.quarantine.append(Quarantined(ORDERS, "unknown_customer", record_key=t.order_id))
    drop_order(expected, t, "order_quarantined")


def o_invalid_encoding(folder: Folder, t: OlistTarget, expected: Expected) -> None:
    folder[CUSTOMERS].set_field(t.customer_line, "customer_city", b"s\xe3o paulo")  # latin-1, not UTF-8
    expected.quarantine.append(Quarantined(CUSTOMERS, "unparsable_invalid_encoding", line_number=t.customer_line))
    expected.quarantine.append(Quarantined(ORDERS, "unknown_customer", record_key=t.order_id))
    drop_order(expected, t, "order_quarantined")


def o_non_ascii_text(folder: Folder, t: OlistTarget, expected: Expected) -> None:
    folder[CUSTOMERS].set_field(t.customer_line, "customer_city", "são joão d'aliança".encode())
    expected.drop("city", (t.order_id, "são joão d'aliança"))


def o_quotes_in_text(folder: Folder, t: OlistTarget, expected: Expected) -> None:
    folder[CUSTOMERS].set_field(t.customer_line, "customer_city", b'"rio ""velho"", centro"')
    expected.drop("city", (t.order_id, 'rio "velho", centro'))


def o_stray_quote_in_text(folder: Folder, t: OlistTarget, expected: Expected) -> None:
    folder[CUSTOMERS].set_field(t.customer_line, "customer_city", b'sao "paulo')
    expected.drop("city", (t.order_id, 'sao "paulo'))


OLIST_DEFECTS: dict[str, OlistDefect] = {
    "unparsable date": o_unparsable_date,
    "extra field": o_extra_field,
    "missing field": o_missing_field,
    "future date": o_future_date,
    "recent outlier date": o_recent_outlier_date,
    "ancient date": o_ancient_date,
    "unknown status": o_unknown_status,
    "order without customer": o_order_without_customer,
    "duplicated order row": o_duplicated_order_row,
    "conflicting order rows": o_conflicting_order_rows,
    "negative amount": o_negative_payment,
    "zero amount": o_zero_payment,
    "negative instalments": o_negative_instalments,
    "absurdly large amount": o_absurd_payment,
    "decimal comma in amount": o_text_in_amount,
    "text in numeric column": o_wrong_number_type,
    "more decimals than money has": o_too_many_decimals,
    "upper-case, padded person id": o_padded_person_id,
    "line of spaces": o_blank_line,
    "duplicated payment row": o_duplicated_payment_row,
    "conflicting payment rows": o_conflicting_payment_rows,
    "orphan payment": o_orphan_payment,
    "duplicated customer row": o_duplicated_customer_row,
    "customer line missing a field": o_customer_missing_field,
    "invalid encoding": o_invalid_encoding,
    "non-ascii text": o_non_ascii_text,
    "quotes and comma inside quoted text": o_quotes_in_text,
    "stray quote inside text": o_stray_quote_in_text,
}


@dataclass
class CorpusBuild:
    build: Build
    expected: Expected
    per_defect: dict[str, Expected]
    clean_dir: Path


def clean_olist(folder: Path, out: Path, expected: Expected) -> None:
    """The sample as it should have arrived: defective orders and payments removed, zeros applied."""
    out.mkdir()
    orders = pd.read_csv(folder / ORDERS, dtype=str)
    payments = pd.read_csv(folder / PAYMENTS, dtype=str)
    customers = pd.read_csv(folder / CUSTOMERS, dtype=str)
    orders = orders[~orders["order_id"].isin(expected.dropped.get("orders", set()))]
    keys = payments["order_id"] + "#" + payments["payment_sequential"]
    payments = payments[~keys.isin(expected.dropped.get("payments", set()))].copy()
    payments.loc[payments["order_id"].isin(expected.dropped.get("payment_value_zero", set())), "payment_value"] = "0.00"
    orders.to_csv(out / ORDERS, index=False)
    payments.to_csv(out / PAYMENTS, index=False)
    customers.to_csv(out / CUSTOMERS, index=False)


def corpus_build(root: Path, source: str, defects: dict, choose_targets, write_clean) -> CorpusBuild:
    """Apply every defect to its own target rows of one copy of the sample, build it once, and write the
    clean data (the sample minus the defective rows) the marts must equal."""
    sample = SAMPLE_OLIST if source == "olist" else SAMPLE_ECOMX
    clean = Folder.copy_of(sample, root / "clean")
    folder = Folder.copy_of(sample, root / "defective")
    targets = choose_targets(folder)
    assert len(targets) >= len(defects)
    expected, per_defect = Expected(), {}
    for (name, defect), target in zip(defects.items(), targets):
        own = Expected()
        defect(folder, target, own)
        per_defect[name] = own
        expected.quarantine += own.quarantine
        for what, keys in own.dropped.items():
            expected.drop(what, *keys)
    folder.save()
    write_clean(clean.path, root / "expected", expected)
    build = run_dbt_build(root / "build", extra_args=WITHOUT_ML, **{f"{source}_dir": folder.path})
    return CorpusBuild(assert_built(build), expected, per_defect, root / "expected")


@pytest.fixture(scope="module")
def olist_corpus(tmp_path_factory: pytest.TempPathFactory) -> CorpusBuild:
    return corpus_build(tmp_path_factory.mktemp("olist_corpus"), "olist", OLIST_DEFECTS, olist_targets, clean_olist)


def quarantine_rows(build: Build, source: str) -> list[Quarantined]:
    rows = build.table(f"select * from dq_quarantine where source_name = '{source}'")
    return [
        Quarantined(r.file_name, r.reason, None if pd.isna(r.line_number) else int(r.line_number),
                    None if r.record_key is None or pd.isna(r.record_key) else r.record_key)
        for r in rows.itertuples()
    ]


def sort_key(q: Quarantined) -> tuple:
    return (q.file_name, q.reason, q.line_number or 0, q.record_key or "")


@pytest.mark.parametrize("defect", list(OLIST_DEFECTS))
def test_olist_defect_is_reported_exactly(olist_corpus: CorpusBuild, defect: str) -> None:
    actual = quarantine_rows(olist_corpus.build, "olist")
    for row in olist_corpus.per_defect[defect].quarantine:
        assert actual.count(row) >= olist_corpus.per_defect[defect].quarantine.count(row), (defect, row)


def test_olist_quarantine_holds_exactly_the_defects(olist_corpus: CorpusBuild) -> None:
    actual = sorted(quarantine_rows(olist_corpus.build, "olist"), key=sort_key)
    assert actual == sorted(olist_corpus.expected.quarantine, key=sort_key)


def test_olist_reconciliation_balances(olist_corpus: CorpusBuild) -> None:
    reconciliation = olist_corpus.build.table("select * from dq_reconciliation where source_name = 'olist'")
    assert reconciliation["is_balanced"].all()
    assert (reconciliation["rows_read"] == reconciliation["rows_accepted"] + reconciliation["rows_quarantined"]).all()
    assert (reconciliation["lines_in_file"] == reconciliation["rows_read"]).all()
    payments = reconciliation.set_index("file_name").loc[PAYMENTS]
    assert float(payments["money_read"]) == pytest.approx(float(payments["money_accepted"]) + float(payments["money_quarantined"]))
    quarantined_money = olist_corpus.build.scalar(
        "select sum(payment_value) from intermediate.int_olist__order_payments_validated where dq_reason is not null"
    )
    assert float(payments["money_quarantined"]) == pytest.approx(float(quarantined_money))


def test_olist_marts_equal_the_clean_data(olist_corpus: CorpusBuild) -> None:
    build = olist_corpus.build
    expected_rfm, reference, delivered = notebook_rfm(olist_corpus.clean_dir)
    rfm = build.table("select * from olist_customer_rfm order by customer_unique_id")
    expected_rfm = expected_rfm.sort_values("customer_unique_id").reset_index(drop=True)
    assert rfm["customer_unique_id"].tolist() == expected_rfm["customer_unique_id"].tolist()
    assert rfm["recency_days"].tolist() == expected_rfm["recency"].tolist()
    assert rfm["frequency"].tolist() == expected_rfm["frequency"].tolist()
    np.testing.assert_allclose(rfm["monetary"].astype(float), expected_rfm["monetary"], atol=1e-6)
    assert set(rfm["reference_date"]) == {reference}
    assert build.scalar("select count(*) from fct_olist_orders where is_delivered") == delivered
    dropped = olist_corpus.expected.dropped.get("orders", set())
    fct_ids = set(build.table("select order_id from fct_olist_orders")["order_id"])
    assert not dropped & fct_ids


def test_olist_text_is_kept_exactly(olist_corpus: CorpusBuild) -> None:
    cities = olist_corpus.build.table(
        "select o.order_id, c.customer_city from intermediate.int_olist__orders_validated o "
        "join intermediate.int_olist__customers_validated c using (customer_id) where c.dq_reason is null"
    ).drop_duplicates().set_index("order_id")["customer_city"]
    for order_id, city in olist_corpus.expected.dropped["city"]:
        assert cities[order_id] == city


# --------------------------------------------------------------------------- EcomX row-level defects

EcomxDefect = Callable[[Folder, int, Expected], None]


def drop_customer(folder: Folder, customer_id: int, expected: Expected, reason: str) -> None:
    """The customer is gone, and every row of theirs in the other files is quarantined with `reason`."""
    expected.drop("customers", customer_id)
    for name in [E_TRANSACTIONS, E_ENGAGEMENTS, E_MARKETING]:
        for number in lines_of(folder[name], "customer_id", str(customer_id)):
            expected.quarantine.append(Quarantined(name, reason, record_key=ecomx_record_key(folder, name, number)))


def ecomx_record_key(folder: Folder, name: str, number: int) -> str:
    lines = folder[name]
    if name == E_MARKETING:
        return f'{lines.value(number, "campaign_id")}#{lines.value(number, "customer_id")}'
    return lines.value(number, {E_TRANSACTIONS: "transaction_id", E_ENGAGEMENTS: "customer_id"}[name])


def bad_first_row(folder: Folder, c: int, expected: Expected, name: str, column: str, value: bytes, reason: str) -> None:
    """Put `value` in `column` of the customer's first row of a transactions or marketing file: that row is
    quarantined with `reason` and is missing from the clean data."""
    line = lines_of(folder[name], "customer_id", str(c))[0]
    folder[name].set_field(line, column, value)
    key = ecomx_record_key(folder, name, line)
    expected.quarantine.append(Quarantined(name, reason, record_key=key))
    expected.drop({E_TRANSACTIONS: "transactions", E_MARKETING: "campaigns"}[name], key)


def customer_line(folder: Folder, customer_id: int) -> int:
    return lines_of(folder[E_CUSTOMERS], "customer_id", str(customer_id))[0]


def transaction_line(folder: Folder, customer_id: int) -> int:
    return lines_of(folder[E_TRANSACTIONS], "customer_id", str(customer_id))[0]


def e_future_join(folder: Folder, c: int, expected: Expected) -> None:
    folder[E_CUSTOMERS].set_field(customer_line(folder, c), "join_date", b"2031-01-01")
    expected.quarantine.append(Quarantined(E_CUSTOMERS, "date_out_of_range", record_key=str(c)))
    drop_customer(folder, c, expected, "customer_quarantined")


def e_absurd_age(folder: Folder, c: int, expected: Expected) -> None:
    folder[E_CUSTOMERS].set_field(customer_line(folder, c), "age", b"250.0")
    expected.quarantine.append(Quarantined(E_CUSTOMERS, "age_out_of_range", record_key=str(c)))
    drop_customer(folder, c, expected, "customer_quarantined")


def e_unparsable_join(folder: Folder, c: int, expected: Expected) -> None:
    line = customer_line(folder, c)
    folder[E_CUSTOMERS].set_field(line, "join_date", b"31/05/2021")
    expected.quarantine.append(Quarantined(E_CUSTOMERS, "unparsable_cast", line_number=line))
    drop_customer(folder, c, expected, "unknown_customer")


def e_duplicated_customer(folder: Folder, c: int, expected: Expected) -> None:
    folder[E_CUSTOMERS].append(folder[E_CUSTOMERS].lines[customer_line(folder, c) - 1])
    expected.quarantine.append(Quarantined(E_CUSTOMERS, "duplicate_row", record_key=str(c)))


def e_negative_amount(folder: Folder, c: int, expected: Expected) -> None:
    bad_first_row(folder, c, expected, E_TRANSACTIONS, "transaction_amount", b"-25.00", "negative_amount")


def e_absurd_amount(folder: Folder, c: int, expected: Expected) -> None:
    bad_first_row(folder, c, expected, E_TRANSACTIONS, "transaction_amount", b"5000000.00", "amount_too_large")


def e_ancient_transaction(folder: Folder, c: int, expected: Expected) -> None:
    bad_first_row(folder, c, expected, E_TRANSACTIONS, "transaction_date", b"1999-12-31", "date_out_of_range")


def e_unparsable_amount(folder: Folder, c: int, expected: Expected) -> None:
    bad_first_row(folder, c, expected, E_TRANSACTIONS, "transaction_amount", b"12.5.3", "invalid_number")


def e_fractional_customer_id(folder: Folder, c: int, expected: Expected) -> None:
    # an integer cast would round 101.6 to 102 and give the purchase to another customer
    bad_first_row(folder, c, expected, E_TRANSACTIONS, "customer_id", f"{c}.6".encode(), "invalid_number")


def e_unknown_category(folder: Folder, c: int, expected: Expected) -> None:
    bad_first_row(folder, c, expected, E_TRANSACTIONS, "product_category", b"electronics", "unknown_category")


def e_unknown_gender(folder: Folder, c: int, expected: Expected) -> None:
    folder[E_CUSTOMERS].set_field(customer_line(folder, c), "gender", b"M")
    expected.quarantine.append(Quarantined(E_CUSTOMERS, "unknown_gender", record_key=str(c)))
    drop_customer(folder, c, expected, "customer_quarantined")


def e_empty_response(folder: Folder, c: int, expected: Expected) -> None:
    bad_first_row(folder, c, expected, E_MARKETING, "response", b"", "unknown_response")


def e_duplicated_transaction(folder: Folder, c: int, expected: Expected) -> None:
    line = transaction_line(folder, c)
    folder[E_TRANSACTIONS].append(folder[E_TRANSACTIONS].lines[line - 1])
    key = folder[E_TRANSACTIONS].value(line, "transaction_id")
    expected.quarantine.append(Quarantined(E_TRANSACTIONS, "duplicate_row", record_key=key))


def e_conflicting_transaction(folder: Folder, c: int, expected: Expected) -> None:
    transactions = folder[E_TRANSACTIONS]
    line = transaction_line(folder, c)
    fields = transactions.fields(line)
    fields[transactions.column_index("transaction_amount")] = b"11.11"
    transactions.append(b",".join(fields))
    key = transactions.value(line, "transaction_id")
    expected.quarantine += [Quarantined(E_TRANSACTIONS, "duplicate_key", record_key=key)] * 2
    expected.drop("transactions", key)


def e_unknown_customer(folder: Folder, c: int, expected: Expected) -> None:
    transactions = folder[E_TRANSACTIONS]
    new_id = str(len(transactions.lines) + 1000)
    transactions.append(f"{new_id},999999,2024-01-02,50.00,Clothing".encode())
    expected.quarantine.append(Quarantined(E_TRANSACTIONS, "unknown_customer", record_key=new_id))


def e_unknown_response(folder: Folder, c: int, expected: Expected) -> None:
    bad_first_row(folder, c, expected, E_MARKETING, "response", b"Maybe", "unknown_response")


def e_unknown_promotion(folder: Folder, c: int, expected: Expected) -> None:
    bad_first_row(folder, c, expected, E_MARKETING, "promotion_type", b"Cashback", "unknown_promotion_type")


def e_negative_clicks(folder: Folder, c: int, expected: Expected) -> None:
    line = lines_of(folder[E_ENGAGEMENTS], "customer_id", str(c))[0]
    folder[E_ENGAGEMENTS].set_field(line, "number_of_clicks", b"-3")
    expected.quarantine.append(Quarantined(E_ENGAGEMENTS, "negative_count", record_key=str(c)))
    expected.drop("engagements", c)


ECOMX_DEFECTS: dict[str, EcomxDefect] = {
    "future join date": e_future_join,
    "absurd age": e_absurd_age,
    "unparsable join date": e_unparsable_join,
    "duplicated customer row": e_duplicated_customer,
    "negative amount": e_negative_amount,
    "absurdly large amount": e_absurd_amount,
    "ancient transaction date": e_ancient_transaction,
    "unparsable amount": e_unparsable_amount,
    "fractional customer id": e_fractional_customer_id,
    "unknown product category": e_unknown_category,
    "unknown gender": e_unknown_gender,
    "empty response": e_empty_response,
    "duplicated transaction row": e_duplicated_transaction,
    "conflicting transaction rows": e_conflicting_transaction,
    "transaction of unknown customer": e_unknown_customer,
    "unknown response": e_unknown_response,
    "unknown promotion type": e_unknown_promotion,
    "negative engagement count": e_negative_clicks,
}


def clean_ecomx(folder: Path, out: Path, expected: Expected) -> None:
    out.mkdir()
    customers = pd.read_csv(folder / E_CUSTOMERS, dtype=str)
    transactions = pd.read_csv(folder / E_TRANSACTIONS, dtype=str)
    dropped_customers = {str(c) for c in expected.dropped.get("customers", set())}
    customers = customers[~customers["customer_id"].isin(dropped_customers)]
    transactions = transactions[
        ~transactions["transaction_id"].isin(expected.dropped.get("transactions", set()))
        & ~transactions["customer_id"].isin(dropped_customers)
    ]
    customers.to_csv(out / E_CUSTOMERS, index=False)
    transactions.to_csv(out / E_TRANSACTIONS, index=False)


def test_the_app_shows_the_corpus_quarantine_and_reconciliation(monkeypatch, olist_corpus: CorpusBuild) -> None:
    """The app's data-quality page on the defective build (models left out): its figures and rows are the
    warehouse's."""
    build = olist_corpus.build
    app = open_app(monkeypatch, build.warehouse, "olist", "views/data_quality.py")
    files = build.table("select sum(rows_read) as read, sum(rows_accepted) as accepted, sum(rows_quarantined) as "
                        "quarantined, sum(rows_after_as_of) as after, count(*) filter (is_balanced) as balanced, "
                        "count(*) as files from dq_reconciliation where source_name = 'olist'").iloc[0]
    assert files["quarantined"] > 0
    assert metrics(app) == {"Rows read": count(files["read"]), "Rows accepted": count(files["accepted"]),
                            "Rows quarantined": count(files["quarantined"]), "Rows after the as-of date": "0",
                            "Files balanced": f"{count(files['balanced'])} of {count(files['files'])}"}
    reasons = build.table("select reason, count(*) as n from dq_quarantine where source_name = 'olist' group by all")
    assert app.selectbox(key="reason").options == sorted(reasons["reason"])
    for reason in sorted(reasons["reason"])[:3]:
        app.selectbox(key="reason").set_value(reason).run()
        expected = build.table(f"select file_name, line_number, record_key, detail from dq_quarantine where source_name"
                               f" = 'olist' and reason = '{reason}' order by file_name, line_number, record_key")
        shown = app.dataframe[1].value
        assert (shown["reason"] == reason).all()
        assert shown[["file_name", "record_key", "detail"]].astype(str).values.tolist() == \
            expected[["file_name", "record_key", "detail"]].astype(str).values.tolist()


@pytest.fixture(scope="module")
def ecomx_corpus(tmp_path_factory: pytest.TempPathFactory) -> CorpusBuild:
    return corpus_build(tmp_path_factory.mktemp("ecomx_corpus"), "ecomx", ECOMX_DEFECTS, ecomx_targets, clean_ecomx)


@pytest.mark.parametrize("defect", list(ECOMX_DEFECTS))
def test_ecomx_defect_is_reported_exactly(ecomx_corpus: CorpusBuild, defect: str) -> None:
    actual = quarantine_rows(ecomx_corpus.build, "ecomx")
    for row in ecomx_corpus.per_defect[defect].quarantine:
        assert row in actual, (defect, row)


def test_ecomx_quarantine_holds_exactly_the_defects(ecomx_corpus: CorpusBuild) -> None:
    actual = sorted(quarantine_rows(ecomx_corpus.build, "ecomx"), key=sort_key)
    assert actual == sorted(ecomx_corpus.expected.quarantine, key=sort_key)


def test_ecomx_reconciliation_balances(ecomx_corpus: CorpusBuild) -> None:
    reconciliation = ecomx_corpus.build.table("select * from dq_reconciliation where source_name = 'ecomx'")
    assert reconciliation["is_balanced"].all()
    assert (reconciliation["lines_in_file"] == reconciliation["rows_read"]).all()


def test_ecomx_marts_equal_the_clean_data(ecomx_corpus: CorpusBuild) -> None:
    expected = notebook_clv(ecomx_corpus.clean_dir)
    clv = ecomx_corpus.build.table("select * from ecomx_customer_clv order by customer_id")
    assert clv["customer_id"].tolist() == expected["customer_id"].astype(int).tolist()
    np.testing.assert_allclose(clv["clv"], expected["clv"], rtol=1e-9)
    assert clv["clv_class"].tolist() == expected["clv_class"].tolist()
    features = ecomx_corpus.build.table("select * from ecomx_customer_features").set_index("customer_id")
    for customer_id in ecomx_corpus.expected.dropped["engagements"]:
        assert pd.isna(features.loc[customer_id, "site_visits"])


# --------------------------------------------------------------------------- harmless variations


def harmless_olist(folder: Folder) -> None:
    folder[ORDERS].bom = True
    folder[PAYMENTS].crlf = True
    customers = folder[CUSTOMERS]
    customers.lines = [line + (b",source_system" if i == 0 else b",crm") for i, line in enumerate(customers.lines)]
    customers.set_field(2, "customer_city", b'"sao\npaulo"')  # a line break inside a quoted value is valid CSV
    orders = folder[ORDERS]
    orders.lines += orders.lines[1:4]  # a re-sent batch of three orders
    payments = folder[PAYMENTS]
    payments.lines += payments.lines[:]  # the whole file sent twice, header included


def harmless_ecomx(folder: Folder) -> None:
    folder[E_CUSTOMERS].bom = True
    folder[E_TRANSACTIONS].crlf = True
    transactions = folder[E_TRANSACTIONS]
    transactions.lines = [line + b"," for line in transactions.lines]  # a trailing comma on every line: an unnamed column
    engagements = folder[E_ENGAGEMENTS]
    engagements.lines = [(b"north," if i else b"region,") + line for i, line in enumerate(engagements.lines)]
    marketing = folder[E_MARKETING]
    marketing.lines += marketing.lines[:]


MART_TABLES = ["fct_olist_orders", "olist_customer_rfm", "int_olist__payments_per_order",
               "ecomx_customer_features", "ecomx_customer_clv", "ecomx_clv_thresholds", "ecomx_customer_rfm"]


@pytest.fixture(scope="module")
def harmless_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, Folder, Folder]:
    root = tmp_path_factory.mktemp("harmless")
    olist = Folder.copy_of(SAMPLE_OLIST, root / "olist")
    ecomx = Folder.copy_of(SAMPLE_ECOMX, root / "ecomx")
    harmless_olist(olist)
    harmless_ecomx(ecomx)
    olist.save()
    ecomx.save()
    build = run_dbt_build(root / "build", olist_dir=olist.path, ecomx_dir=ecomx.path, extra_args=WITHOUT_ML)
    return assert_built(build), olist, ecomx


def comparable(build: Build, table: str) -> pd.DataFrame:
    schema = "intermediate." if table.startswith("int_") else ""
    frame = build.table(f"select * from {schema}{table}")
    return frame.sort_values(list(frame.columns)).reset_index(drop=True)


@pytest.mark.parametrize("table", MART_TABLES)
def test_bom_crlf_extra_column_and_resent_rows_change_no_mart(harmless_build, sample_build: Build, table: str) -> None:
    build, _, _ = harmless_build
    pd.testing.assert_frame_equal(comparable(build, table), comparable(sample_build, table), check_exact=True)


def test_resent_rows_are_quarantined_as_duplicates(harmless_build) -> None:
    build, olist, ecomx = harmless_build
    reasons = build.table("select file_name, reason, count(*) as n from dq_quarantine group by all")
    counts = {(r.file_name, r.reason): r.n for r in reasons.itertuples()}
    payment_rows = (len(olist[PAYMENTS].lines) - 2) // 2
    assert counts == {
        (ORDERS, "duplicate_row"): 3,
        (PAYMENTS, "duplicate_row"): payment_rows,
        (PAYMENTS, "invalid_number"): 1,  # the repeated header line: payment_sequential=payment_sequential
        (E_MARKETING, "duplicate_row"): (len(ecomx[E_MARKETING].lines) - 2) // 2,
        (E_MARKETING, "unparsable_cast"): 1,  # the repeated header: campaign_date=campaign_date
    }
    reconciliation = build.table("select * from dq_reconciliation").set_index("file_name")
    assert reconciliation["is_balanced"].all() and reconciliation["imbalance"].isna().all()
    assert reconciliation["line_breaks_in_values"].to_dict() == {name: int(name == CUSTOMERS) for name in reconciliation.index}


def test_the_first_copy_of_a_resent_row_is_kept_and_the_later_ones_are_named_by_their_place_in_the_file(harmless_build) -> None:
    """The rejected models name a row by its position among the file's parsed rows (macro source_row), the
    same in every build of the same file: the three re-sent orders are the file's last three rows."""
    build, olist, _ = harmless_build
    data_rows = len(olist[ORDERS].lines) - 1
    rejected = build.table("select source_row, dq_reason from intermediate.int_olist__orders_rejected order by source_row")
    assert rejected.to_dict("records") == [{"source_row": data_rows - 3 + i, "dq_reason": "duplicate_row"} for i in range(3)]


def test_companion_files_cut_at_a_line_break_fail_the_build(tmp_path: Path) -> None:
    """A file cut short exactly at a line break parses cleanly; what gives it away is the other files: many
    delivered orders without payment, many customers without engagement."""
    olist = Folder.copy_of(SAMPLE_OLIST, tmp_path / "olist")
    olist[PAYMENTS].lines = olist[PAYMENTS].lines[: len(olist[PAYMENTS].lines) * 9 // 10]
    ecomx = Folder.copy_of(SAMPLE_ECOMX, tmp_path / "ecomx")
    ecomx[E_ENGAGEMENTS].lines = ecomx[E_ENGAGEMENTS].lines[: len(ecomx[E_ENGAGEMENTS].lines) * 9 // 10]
    olist.save()
    ecomx.save()
    build = run_dbt_build(tmp_path / "build", olist_dir=olist.path, ecomx_dir=ecomx.path, extra_args=WITHOUT_ML)
    assert build.returncode != 0
    failed = {line.split(" FAIL 1 ")[1].split()[0] for line in build.output.splitlines() if " FAIL 1 " in line}
    assert failed == {"assert_olist_delivered_orders_have_payments",
                      "assert_ecomx_customers_have_transactions_engagement_and_campaigns"}, build.output[-3000:]
    unpaid = build.scalar("select unpaid_orders from dbt_test__audit.assert_olist_delivered_orders_have_payments")
    assert unpaid == build.scalar("select count(*) from fct_olist_orders where is_delivered and not has_payment") > 400
    without = build.scalar("select without_engagement from dbt_test__audit.assert_ecomx_customers_have_transactions_engagement_and_campaigns")
    assert without == 2000 - (len(ecomx[E_ENGAGEMENTS].lines) - 1)


def test_a_quote_never_closed_fails_the_build_naming_file_and_line(tmp_path: Path) -> None:
    """An opening quote without its closing one makes the reader take every following line as one value:
    the lines are in no row, the reconciliation cannot balance, and the output says where to look."""
    folder = Folder.copy_of(SAMPLE_OLIST, tmp_path / "olist")
    customers = folder[CUSTOMERS]
    line = len(customers.lines) - 20
    customers.set_field(line, "customer_city", b'"sao paulo')
    folder.save()
    build = run_dbt_build(tmp_path / "build", olist_dir=folder.path, extra_args=WITHOUT_ML)
    assert build.returncode != 0
    assert (
        f"Input file not balanced: {CUSTOMERS}: 20 line(s) of the file ended up in no row: a quote opened on line "
        f"{line} is never closed"
    ) in build.output, build.output[-3000:]
    assert "FAIL 1 expression_is_true_dq_reconciliation_is_balanced" in build.output
    reconciliation = build.table(f"select * from dq_reconciliation where file_name = '{CUSTOMERS}'").iloc[0]
    assert (reconciliation["lines_in_file"], reconciliation["rows_read"]) == (len(customers.lines) - 1, line - 1)


# --------------------------------------------------------------------------- fail fast


def remove_file(name: str):
    def apply(folder: Path) -> None:
        (folder / name).unlink()
    return apply


def rewrite(name: str, edit: Callable[[bytes], bytes]):
    def apply(folder: Path) -> None:
        path = folder / name
        path.write_bytes(edit(path.read_bytes()))
    return apply


def drop_column(column: bytes):
    def edit(content: bytes) -> bytes:
        lines = content.split(b"\n")
        index = lines[0].split(b",").index(column)
        return b"\n".join(b",".join(f for i, f in enumerate(line.split(b",")) if i != index) if line else line for line in lines)
    return edit


def rename_column(old: bytes, new: bytes):
    return lambda content: content.replace(old, new, 1)


FAIL_FAST = {
    "missing file": ("olist", remove_file(PAYMENTS),
                     [f"required file '{PAYMENTS}' (or olist_order_payments_dataset.parquet) is missing", "OLIST_DATA_DIR"]),
    "empty file": ("olist", rewrite(CUSTOMERS, lambda c: b""),
                   [f"{CUSTOMERS}' is empty (0 bytes)", "OLIST_DATA_DIR"]),
    "header only": ("olist", rewrite(ORDERS, lambda c: c.split(b"\n")[0] + b"\n"),
                    [f"{ORDERS}' has a header but no data rows", "OLIST_DATA_DIR"]),
    "missing column": ("olist", rewrite(PAYMENTS, drop_column(b"payment_value")),
                       [f"{PAYMENTS}' lacks required column(s) payment_value.", "OLIST_DATA_DIR"]),
    "renamed column": ("olist", rewrite(CUSTOMERS, rename_column(b"customer_unique_id", b"customer_uid")),
                       ["lacks required column(s) customer_unique_id (found instead: customer_uid - renamed?)"]),
    "truncated last line": ("olist", rewrite(PAYMENTS, lambda c: c[:-4]),
                            [f"{PAYMENTS}' does not end with a line break, so its last line may be cut short"]),
    "folder does not exist": ("olist", lambda folder: shutil.rmtree(folder),
                              ["does not exist or is empty. Set OLIST_DATA_DIR"]),
    "ecomx missing file": ("ecomx", remove_file(E_MARKETING),
                           [f"required file '{E_MARKETING}' (or marketing_final.parquet) is missing", "ECOMX_DATA_DIR"]),
    "ecomx renamed column": ("ecomx", rewrite(E_TRANSACTIONS, rename_column(b"transaction_amount", b"amount")),
                             ["lacks required column(s) transaction_amount (found instead: amount - renamed?)", "ECOMX_DATA_DIR"]),
    "ecomx header only": ("ecomx", rewrite(E_ENGAGEMENTS, lambda c: c.split(b"\n")[0] + b"\n"),
                          [f"{E_ENGAGEMENTS}' has a header but no data rows"]),
    "column twice in the header": ("olist", rewrite(PAYMENTS, rename_column(b"payment_type", b"payment_value")),
                                   [f"{PAYMENTS}' has column(s) payment_value more than once in its header", "OLIST_DATA_DIR"]),
    "utf-16 file": ("olist", rewrite(ORDERS, lambda c: c.decode().encode("utf-16")),
                    [f"{ORDERS}' is encoded as UTF-16, not UTF-8. Export it again as UTF-8", "OLIST_DATA_DIR"]),
    "carriage returns alone": ("ecomx", rewrite(E_CUSTOMERS, lambda c: c.replace(b"\n", b"\r")),
                               [f"{E_CUSTOMERS}' separates its lines with carriage returns alone", "ECOMX_DATA_DIR"]),
}


# Unusable inputs checked together: each build damages one file per case (never the same file twice), and
# the fail-fast hook reports every problem at once, so 5 builds cover the 13 cases.
FAIL_FAST_GROUPS = [
    ["missing file", "empty file", "header only"],
    ["missing column", "renamed column", "utf-16 file"],
    ["truncated last line"],
    ["column twice in the header"],
    ["folder does not exist", "ecomx missing file", "ecomx renamed column", "ecomx header only", "carriage returns alone"],
]


@pytest.fixture(scope="module")
def fail_fast_builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Build, int]]:
    """Per case: the build of its group and the number of cases in that group."""
    assert sorted(case for group in FAIL_FAST_GROUPS for case in group) == sorted(FAIL_FAST)
    target = tmp_path_factory.mktemp("fail_fast_target")
    builds = {}
    for group in FAIL_FAST_GROUPS:
        root = tmp_path_factory.mktemp("fail_fast")
        folders = {"olist": root / "olist", "ecomx": root / "ecomx"}
        shutil.copytree(SAMPLE_OLIST, folders["olist"])
        shutil.copytree(SAMPLE_ECOMX, folders["ecomx"])
        for case in group:
            source, damage, _ = FAIL_FAST[case]
            damage(folders[source])
        build = run_dbt_build(root / "build", olist_dir=folders["olist"], ecomx_dir=folders["ecomx"],
                              select=["fct_olist_orders"], target_dir=target)
        builds.update({case: (build, len(group)) for case in group})
    return builds


@pytest.mark.parametrize("case", list(FAIL_FAST))
def test_unusable_input_fails_fast_with_a_clear_message(fail_fast_builds, case: str) -> None:
    build, cases_in_build = fail_fast_builds[case]
    assert build.returncode != 0
    for message in FAIL_FAST[case][2]:
        assert message in build.output, build.output[-3000:]
    # one line per damaged file, before any model ran, and not inside a Python stack trace
    report = build.output.split("Input files cannot be used:")[1].split("\n\n")[0]
    assert len([line for line in report.splitlines() if line.strip().startswith("- ")]) == cases_in_build, report
    assert "START sql" not in build.output.split("Input files cannot be used")[0]
    assert "Traceback" not in build.output


def test_a_systematic_defect_fails_the_build_instead_of_shrinking_the_marts(tmp_path: Path) -> None:
    """Every purchase date re-exported as DD/MM/YYYY: all orders unparsable. Quarantining them all and
    building empty marts would be a silent disaster, so the share limit stops the build."""
    folder = Folder.copy_of(SAMPLE_OLIST, tmp_path / "olist")
    orders = folder[ORDERS]
    for number in range(2, len(orders.lines) + 1):
        stamp = orders.value(number, "order_purchase_timestamp")
        orders.set_field(number, "order_purchase_timestamp", f"{stamp[8:10]}/{stamp[5:7]}/{stamp[:4]}{stamp[10:]}".encode())
    folder.save()
    build = run_dbt_build(tmp_path / "build", olist_dir=folder.path, extra_args=WITHOUT_ML)
    assert build.returncode != 0
    failed = [line for line in build.output.splitlines() if "dq_quarantine_share_below_limit" in line and "FAIL" in line]
    assert failed, build.output[-3000:]
    reconciliation = build.table(f"select * from dq_reconciliation where file_name = '{ORDERS}'").iloc[0]
    assert reconciliation["rows_unparsable"] == len(orders.lines) - 1 and reconciliation["is_balanced"]

"""Tests for the synthetic EcomX generator (customer_value.samples.ecomx_folder)."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from customer_value.samples.ecomx_folder import write_ecomx

FILES = {
    "customers_final.csv": "customer_id,join_date,last_purchase_date,age,gender,location",
    "transactions_final.csv": (
        "transaction_id,customer_id,transaction_date,transaction_amount,product_category"
    ),
    "engagements_final.csv": (
        "customer_id,number_of_site_visits,number_of_emails_opened,number_of_clicks"
    ),
    "marketing_final.csv": "campaign_id,customer_id,response,promotion_type,campaign_date",
}
END = "2024-05-31"
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
N = 2000


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 2000-customer folder shared by the read-only checks."""
    out = tmp_path_factory.mktemp("ecomx") / "nested" / "out"
    write_ecomx(out, customers=N, seed=42)
    return out


def _read(folder: Path, name: str) -> pd.DataFrame:
    """Read one file keeping every column as text (empty cells as NaN)."""
    return pd.read_csv(folder / name, dtype=str)


def _clv(folder: Path) -> pd.Series:
    """Annualised CLV per customer: spend / (max(tenure_days, 1) / 365)."""
    cust = _read(folder, "customers_final.csv").set_index("customer_id")
    tx = _read(folder, "transactions_final.csv")
    spend = tx["transaction_amount"].astype(float).groupby(tx["customer_id"]).sum()
    tenure = (pd.Timestamp(END) - pd.to_datetime(cust["join_date"])).dt.days.clip(lower=1)
    return (spend / (tenure / 365)).reindex(cust.index)


def _bytes(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in FILES}


def test_deterministic_for_seed(tmp_path: Path) -> None:
    write_ecomx(tmp_path / "a", customers=300, seed=7)
    write_ecomx(tmp_path / "b", customers=300, seed=7)
    write_ecomx(tmp_path / "c", customers=300, seed=8)
    assert _bytes(tmp_path / "a") == _bytes(tmp_path / "b")
    differ = [_bytes(tmp_path / "a")[f] != _bytes(tmp_path / "c")[f] for f in FILES]
    assert all(differ)


def test_headers_and_line_endings(sample: Path) -> None:
    for name, header in FILES.items():
        raw = (sample / name).read_bytes()
        assert raw.split(b"\n", 1)[0].decode() == header
        assert b"\r" not in raw and b'"' not in raw
        assert raw.endswith(b"\n")


def test_row_counts(sample: Path) -> None:
    cust = _read(sample, "customers_final.csv")
    eng = _read(sample, "engagements_final.csv")
    assert len(cust) == N and len(eng) == N
    assert cust["customer_id"].tolist() == [str(i) for i in range(1, N + 1)]
    assert eng["customer_id"].tolist() == cust["customer_id"].tolist()
    camp = _read(sample, "marketing_final.csv")["customer_id"].value_counts()
    assert len(camp) == N and camp.between(1, 4).all()
    tx = _read(sample, "transactions_final.csv")["customer_id"].value_counts()
    assert len(tx) == N and tx.between(1, 25).all()
    assert 10 <= tx.median() <= 16


def test_ids_sequential(sample: Path) -> None:
    tx = _read(sample, "transactions_final.csv")
    mk = _read(sample, "marketing_final.csv")
    assert tx["transaction_id"].astype(int).tolist() == list(range(1, len(tx) + 1))
    assert mk["campaign_id"].astype(int).tolist() == list(range(1, len(mk) + 1))


def test_date_formats_and_ranges(sample: Path) -> None:
    cust = _read(sample, "customers_final.csv")
    tx = _read(sample, "transactions_final.csv")
    mk = _read(sample, "marketing_final.csv")
    columns = [
        cust["join_date"],
        cust["last_purchase_date"],
        tx["transaction_date"],
        mk["campaign_date"],
    ]
    for col in columns:
        assert col.str.match(DATE).all()
        assert col.min() >= "2020-01-01" and col.max() <= END
    assert tx["transaction_date"].max() == END
    assert (cust["join_date"] == END).sum() >= 1


def test_transactions_not_before_join(sample: Path) -> None:
    cust = _read(sample, "customers_final.csv").set_index("customer_id")
    tx = _read(sample, "transactions_final.csv")
    assert (tx["transaction_date"] >= tx["customer_id"].map(cust["join_date"])).all()


@pytest.mark.parametrize("customers", [50, 100])
def test_small_folder_ends_on_last_day(tmp_path: Path, customers: int) -> None:
    write_ecomx(tmp_path, customers=customers, seed=3)
    tx = _read(tmp_path, "transactions_final.csv")
    cust = _read(tmp_path, "customers_final.csv")
    assert tx["transaction_date"].max() == END
    assert (cust["join_date"] == END).sum() >= 1


def test_demographics(sample: Path) -> None:
    cust = _read(sample, "customers_final.csv")
    age = cust["age"]
    assert 0.05 <= age.isna().mean() <= 0.15
    assert age.dropna().str.match(r"^\d{2}\.0$").all()
    assert age.dropna().astype(float).between(18, 69).all()
    gender = cust["gender"]
    assert 0.02 <= gender.isna().mean() <= 0.08
    assert set(gender.dropna()) == {"Male", "Female"}
    assert cust["location"].notna().all()
    assert cust["location"].nunique() > 0.5 * N


def test_transaction_values(sample: Path) -> None:
    tx = _read(sample, "transactions_final.csv")
    amount = tx["transaction_amount"]
    assert amount.str.match(r"^\d+\.\d{2}$").all()
    assert amount.astype(float).between(10, 2000).all()
    assert set(tx["product_category"]) == {"Electronics", "Clothing", "Home Goods"}


def test_marketing_and_engagement_values(sample: Path) -> None:
    mk = _read(sample, "marketing_final.csv")
    assert set(mk["response"]) == {"Yes", "No"}
    assert set(mk["promotion_type"]) == {"Discount", "Buy One Get One", "Free Shipping"}
    eng = _read(sample, "engagements_final.csv").astype(int)
    caps = {"number_of_site_visits": 700, "number_of_emails_opened": 300, "number_of_clicks": 140}
    for col, cap in caps.items():
        assert eng[col].between(1, cap).all()


def test_last_purchase_date_is_not_last_transaction(sample: Path) -> None:
    cust = _read(sample, "customers_final.csv").set_index("customer_id")
    tx = _read(sample, "transactions_final.csv")
    last_tx = tx.groupby("customer_id")["transaction_date"].max()
    disagree = (cust["last_purchase_date"] != last_tx.reindex(cust.index)).mean()
    assert disagree > 0.95


def test_engagement_predicts_clv(sample: Path) -> None:
    clv = _clv(sample)
    eng = _read(sample, "engagements_final.csv").set_index("customer_id").astype(int)
    for col in eng.columns:
        rho = eng[col].rank().corr(clv.rank())
        assert rho > 0.3, (col, rho)
    mk = _read(sample, "marketing_final.csv")
    yes = mk["response"].eq("Yes").groupby(mk["customer_id"]).mean()
    assert yes.reindex(clv.index).rank().corr(clv.rank()) > 0.15
    q1, q3 = np.quantile(clv, [0.25, 0.75])
    assert 500 < q1 < q3 < 20_000

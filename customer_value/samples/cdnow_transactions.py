"""The bundled `transactions` sample: the real CDNOW sample converted to the plain transaction format.

Input: `CDNOW_sample.txt` (whitespace-separated, no header: customer id in the sample, customer id in the
master file, purchase date YYYYMMDD, number of CDs, amount in dollars). Output: `transactions.csv` with
the three columns any shop can export (customer_id, transaction_at, amount), one row per input record in
input order: the sample's customer id kept as text with its leading zeros, the date as YYYY-MM-DD and the
amount with two decimals. Nothing is dropped or merged; the CD count and the master id are not part of
the format.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

CDNOW_COLUMNS = ["customer_id", "master_id", "purchase_date", "cds", "amount"]
TRANSACTION_COLUMNS = ["customer_id", "transaction_at", "amount"]


def read_cdnow(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, sep=r"\s+", header=None, names=CDNOW_COLUMNS,
                       dtype={"customer_id": str, "master_id": str, "purchase_date": str, "amount": str})


def to_transactions(cdnow: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        "customer_id": cdnow["customer_id"],
        "transaction_at": pd.to_datetime(cdnow["purchase_date"], format="%Y%m%d").dt.strftime("%Y-%m-%d"),
        "amount": cdnow["amount"].astype(float).map("{:.2f}".format),
    })[TRANSACTION_COLUMNS]


def write_transactions_from_cdnow(cdnow_path: Path, out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    target = out / "transactions.csv"
    to_transactions(read_cdnow(cdnow_path)).to_csv(target, index=False, lineterminator="\n")
    return target

"""Bad input in a plain transaction file: each defect goes to quarantine with its reason and the counts and
money reconcile; a file that cannot be used at all stops the build with the file, the column and the fix."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from conftest import SAMPLE_TRANSACTIONS, WITHOUT_ML, Build, assert_built, run_dbt_build

# Line in the file (header = 1) -> (new line, expected quarantine reason or None when accepted).
# Columns are reordered and an undocumented one is added: the reader matches them by header name.
HEADER = "amount,note,customer_id,transaction_at"
DEFECTS = {
    2: ("12.345,a,00004,1997-01-01", "invalid_number"),
    3: ("abc,b,00004,1997-01-18", "invalid_number"),
    4: ("-5.00,c,00004,1997-08-02", "negative_amount"),
    5: ("26.48,d,,1997-12-12", "missing_required_value"),
    6: ("500000.00,e,00021,1997-01-01", "amount_too_large"),
    7: ("10.00,f,00021,2099-01-01", "date_out_of_range"),
    8: ("10.00,g,00021", "unparsable_missing_columns"),
    9: ("63.34,h,00050,1997-03-01 10:11:12", None),
}


@pytest.fixture(scope="module")
def defective_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, list[str]]:
    root = tmp_path_factory.mktemp("transactions_defects")
    folder = root / "transactions"
    folder.mkdir()
    original = (SAMPLE_TRANSACTIONS / "transactions.csv").read_text().splitlines()[1:]
    lines = [HEADER] + [f"{amount},x,{customer},{day}" for customer, day, amount in (l.split(",") for l in original)]
    for number, (line, _) in DEFECTS.items():
        lines[number - 1] = line
    (folder / "transactions.csv").write_text("\n".join(lines) + "\n")
    build = run_dbt_build(root / "build", transactions_dir=folder, extra_args=WITHOUT_ML)
    return assert_built(build), lines


def test_every_defect_is_quarantined_with_its_reason(defective_build) -> None:
    build, _ = defective_build
    quarantine = build.table("select reason, raw_values, line_number from dq_quarantine where source_name = 'transactions'")
    expected = sorted(reason for _, reason in DEFECTS.values() if reason)
    assert sorted(quarantine["reason"]) == expected
    unparsable = quarantine[quarantine["reason"].str.startswith("unparsable")]
    assert unparsable["line_number"].tolist() == [8]


def test_counts_and_money_reconcile(defective_build) -> None:
    build, lines = defective_build
    row = build.table("select * from dq_reconciliation where source_name = 'transactions'").iloc[0]
    quarantined = sum(1 for _, reason in DEFECTS.values() if reason)
    assert row["is_balanced"]
    assert (row["rows_read"], row["rows_quarantined"], row["rows_unparsable"]) == (len(lines) - 1, quarantined, 1)
    assert row["rows_accepted"] == row["rows_used"] == len(lines) - 1 - quarantined
    parsed_amounts = [line.split(",")[0] for line in lines[1:] if len(line.split(",")) == 4]
    readable = sum(Decimal(a) for a in parsed_amounts if _is_decimal(a) and len(a.split(".")[-1]) <= 2)
    assert Decimal(str(row["money_read"])) == readable
    assert Decimal(str(row["money_used"])) == Decimal(str(row["money_accepted"]))
    rfm = build.table("select count(*) as customers, sum(frequency) as purchases from transactions_customer_rfm").iloc[0]
    assert rfm["purchases"] == row["rows_accepted"]


def test_a_timestamp_is_read_as_a_purchase_time(defective_build) -> None:
    build, _ = defective_build
    found = build.scalar("select count(*) from intermediate.int_transactions__purchases "
                         "where customer_id = '00050' and purchased_at = timestamp '1997-03-01 10:11:12'")
    assert found == 1


def _is_decimal(text: str) -> bool:
    try:
        Decimal(text)
    except ArithmeticError:
        return False
    return True


@pytest.mark.parametrize("content, message", [
    ("customer_id,transaction_at,price\n1,1997-01-01,2.00\n",
     ["transactions.csv' lacks required column(s) amount", "(found instead: price - renamed?)", "TRANSACTIONS_DATA_DIR"]),
    (None, ["folder", "does not exist or is empty. Set TRANSACTIONS_DATA_DIR"]),
])
def test_an_unusable_file_stops_the_build_with_the_fix(tmp_path: Path, content: str | None, message: list[str]) -> None:
    folder = tmp_path / "shop"
    folder.mkdir()
    if content is not None:
        (folder / "transactions.csv").write_text(content)
    build = run_dbt_build(tmp_path / "build", transactions_dir=folder, select=["stg_transactions__transactions"])
    assert build.returncode != 0
    for part in message:
        assert part in build.output

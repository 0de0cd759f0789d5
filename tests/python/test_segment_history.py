"""Segment history on hand-made transactions: `make history` over three month ends, a customer who goes
Champions -> At risk -> Lost, transitions that add up, a rebuild that changes nothing, an earlier day
refused, and purchases after the as-of date left out but counted."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from app_driver import count, metrics, open_app
from conftest import REPO, Build, run_dbt_build, snapshot
from customer_value.warehouse.history import as_of_dates

DAYS = [date(1998, 1, 31), date(1998, 2, 28), date(1998, 3, 31)]
SELECT = ["+transactions_segment_transitions"]  # the rebuilds below skip the tests the backfill ran
HISTORY_TABLES = ("main.transactions_customer_segment_history", "main.transactions_segment_transitions",
                  "intermediate.int_transactions__segment_history_dates")


def transactions_file() -> list[tuple[str, str, float]]:
    """T buys ten times for 100 up to Jan 31 and never again before April; B01-B20 buy once in January;
    in February B01-B10 buy big (10 x 200), B11-B20 small; in March B11-B20 buy big, B01-B10 small; N first
    buys in February. So T is the best customer on Jan 31 (Champions), the least recent with a middling
    frequency and spend on Feb 28 (At risk), the least recent and lowest but N on Mar 31 (Lost)."""
    rows = [("T", f"1998-01-{day:02d}", 100.0) for day in range(22, 32)]
    background = [f"B{n:02d}" for n in range(1, 21)]
    rows += [(b, "1998-01-05", 10.0) for b in background]
    for month, last_day, big in (("02", 28, background[:10]), ("03", 31, background[10:])):
        for b in background:
            rows += [(b, f"1998-{month}-{last_day}", 200.0)] * 10 if b in big else [(b, f"1998-{month}-{last_day}", 10.0)]
    rows += [("N", "1998-02-15", 10.0), ("T", "1998-04-15", 500.0), ("B01", "1998-04-20", 30.0)]
    return rows


@pytest.fixture(scope="module")
def history_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, str]]:
    workdir = tmp_path_factory.mktemp("history")
    folder = workdir / "transactions"
    folder.mkdir()
    pd.DataFrame(transactions_file(), columns=["customer_id", "transaction_at", "amount"]).to_csv(
        folder / "transactions.csv", index=False)
    env = {**os.environ, "TRANSACTIONS_DATA_DIR": str(folder), "DBT_DUCKDB_PATH": str(workdir / "warehouse.duckdb"),
           "DBT_PROFILES_DIR": str(REPO), "DBT_TARGET_PATH": str(workdir / "target"),
           "DBT_LOG_PATH": str(workdir / "logs"), "DBT_SEND_ANONYMOUS_USAGE_STATS": "False"}
    result = subprocess.run(
        [sys.executable, "-m", "customer_value.warehouse.history", "--source", "transactions",
         "--from", "1998-01-31", "--to", "1998-03-31", "--every", "month"],
        cwd=REPO, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    return workdir, folder, env


def read(workdir: Path, sql: str) -> pd.DataFrame:
    return Build(workdir / "warehouse.duckdb", 0, "").table(sql)


def test_month_ends_from_a_month_end_stay_month_ends() -> None:
    assert as_of_dates(date(2017, 11, 30), date(2018, 3, 31), "month") == [
        date(2017, 11, 30), date(2017, 12, 31), date(2018, 1, 31), date(2018, 2, 28), date(2018, 3, 31)]
    assert as_of_dates(date(2018, 1, 15), date(2018, 3, 14), "month") == [date(2018, 1, 15), date(2018, 2, 15)]
    with pytest.raises(ValueError, match="before FROM"):
        as_of_dates(date(2018, 2, 1), date(2018, 1, 1), "week")


def test_a_customer_moving_champions_at_risk_lost_gets_three_rows(history_run) -> None:
    workdir, _, _ = history_run
    rows = read(workdir, "select rfm_segment, valid_from, valid_to, is_current from main.transactions_customer_segment_history"
                         " where customer_id = 'T' order by valid_from")
    assert rows["rfm_segment"].tolist() == ["Champions", "At risk", "Lost"]
    assert [d.date() for d in pd.to_datetime(rows["valid_from"])] == DAYS
    assert [None if pd.isna(d) else d.date() for d in pd.to_datetime(rows["valid_to"])] == [DAYS[1], DAYS[2], None]
    assert rows["is_current"].tolist() == [False, False, True]
    recorded = read(workdir, "select as_of_date, customers from intermediate.int_transactions__segment_history_dates order by 1")
    assert [d.date() for d in pd.to_datetime(recorded["as_of_date"])] == DAYS
    assert recorded["customers"].tolist() == [21, 22, 22]


def test_history_has_one_row_per_customer_and_day_it_is_valid(history_run) -> None:
    workdir, _, _ = history_run
    for day, present in zip(DAYS, [21, 22, 22]):
        valid = read(workdir, f"select customer_id from main.transactions_customer_segment_history"
                              f" where valid_from <= date '{day}' and (valid_to is null or valid_to > date '{day}')")
        assert len(valid) == valid["customer_id"].nunique() == present
    first_seen = read(workdir, "select min(valid_from) as first_day from main.transactions_customer_segment_history"
                               " where customer_id = 'N'")
    assert first_seen["first_day"].iloc[0].date() == DAYS[1]


def test_transitions_add_up_to_the_customers_present_on_both_days(history_run) -> None:
    workdir, _, _ = history_run
    totals = read(workdir, """
        select to_as_of_date, segmentation,
            sum(case when from_segment is not null then customers end) as present_on_both,
            sum(case when movement = 'arrival' then customers end) as arrivals,
            sum(revenue) as revenue
        from main.transactions_segment_transitions group by all order by all""")
    assert len(totals) == 4  # two pairs x two segmentations; the first day has no pair
    first = totals[pd.to_datetime(totals["to_as_of_date"]).dt.date == DAYS[1]]
    second = totals[pd.to_datetime(totals["to_as_of_date"]).dt.date == DAYS[2]]
    assert first["present_on_both"].tolist() == [21, 21] and first["arrivals"].tolist() == [1, 1]
    assert second["present_on_both"].tolist() == [22, 22] and second["arrivals"].isna().all()
    # February: B01-B10 10 x 200, B11-B20 10, N 10; March: B11-B20 10 x 200, B01-B10 10.
    assert [float(v) for v in first["revenue"]] == [20110.0, 20110.0]
    assert [float(v) for v in second["revenue"]] == [20100.0, 20100.0]
    moves = read(workdir, "select from_segment, to_segment, movement from main.transactions_segment_transitions"
                          " where segmentation = 'rfm_segment' and to_as_of_date = date '1998-03-31'"
                          " and from_segment = 'At risk' and to_segment = 'Lost'")
    assert moves["movement"].tolist() == ["left active base"]


def test_purchases_after_the_as_of_date_are_left_out_not_quarantined(history_run) -> None:
    # Before the rebuild test: its refused build leaves the tables before the history as of its own day.
    workdir, _, _ = history_run
    reasons = read(workdir, "select dq_reason, count(*) as n, sum(amount) as amount"
                            " from intermediate.int_transactions__transactions_validated group by all order by all")
    after = reasons[reasons["dq_reason"] == "after_as_of_date"]
    assert after["n"].tolist() == [2] and [float(v) for v in after["amount"]] == [530.0]
    assert reasons["dq_reason"].isna().sum() == 1 and len(reasons) == 2
    rfm = read(workdir, "select recency_days, frequency, monetary from main.transactions_customer_rfm where customer_id = 'T'")
    assert (rfm["frequency"].iloc[0], float(rfm["monetary"].iloc[0])) == (10, 1000.0)


def test_the_app_history_page_shows_each_pair_of_days(monkeypatch, history_run) -> None:
    workdir, _, _ = history_run
    app = open_app(monkeypatch, workdir / "warehouse.duckdb", "transactions", "views/history.py")
    assert app.selectbox(key="as_of").options == ["1998-03-31 with the one before", "1998-02-28 with the one before"]
    for day, revenue in [("1998-03-31", "20,100.00"), ("1998-02-28", "20,110.00")]:
        app.selectbox(key="as_of").set_value(pd.Timestamp(day)).run()
        expected = read(workdir, f"""
            select sum(customers) filter (from_segment <> to_segment) as changed,
                coalesce(sum(customers) filter (from_segment is null), 0) as arrivals
            from main.transactions_segment_transitions
            where segmentation = 'rfm_segment' and to_as_of_date = date '{day}'""").iloc[0]
        assert metrics(app) == {"Changed RFM segment": count(expected["changed"]),
                                "New customers": count(expected["arrivals"]), "Revenue in the period": revenue,
                                "High-ticket customers at risk": count(len(app.dataframe[0].value))}
    # T, the best customer on Jan 31, is At risk on Feb 28
    movers = app.dataframe[0].value.set_index("customer_id")
    assert movers.loc["T", ["rfm_segment_before", "rfm_segment_after"]].tolist() == ["Champions", "At risk"]


def test_rebuilding_the_latest_day_changes_nothing_and_an_earlier_day_is_refused(history_run) -> None:
    workdir, folder, _ = history_run
    before = snapshot(workdir / "warehouse.duckdb")
    rebuild = run_dbt_build(workdir, transactions_dir=folder, select=SELECT, target_dir=workdir / "target",
                            extra_args=["--resource-type", "model", "--vars", "{as_of_date: '1998-03-31'}"])
    assert rebuild.returncode == 0, rebuild.output[-4000:]
    after = snapshot(workdir / "warehouse.duckdb")
    for table in HISTORY_TABLES:
        pd.testing.assert_frame_equal(before[table], after[table])
    earlier = run_dbt_build(workdir, transactions_dir=folder, select=SELECT, target_dir=workdir / "target",
                            extra_args=["--resource-type", "model", "--vars", "{as_of_date: '1998-02-28'}"])
    assert earlier.returncode != 0
    assert "this build is as of 1998-02-28, but the history already records 1998-03-31" in earlier.output
    assert "History is recorded forward in time only" in earlier.output
    unchanged = snapshot(workdir / "warehouse.duckdb")
    for table in HISTORY_TABLES:
        pd.testing.assert_frame_equal(before[table], unchanged[table])

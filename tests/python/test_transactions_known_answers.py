"""The `transactions` source on the real CDNOW sample, built by dbt: the published BG/NBD and Gamma-Gamma
estimates (calibration to 1997-09-30, weekly periods) and the published holdout count, with the same
calibration date leaving Olist and EcomX without calibration purchases: status rows, not a failed build."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from conftest import SAMPLE_TRANSACTIONS, Build, assert_built, run_dbt_build

PUBLISHED = {("bg_nbd", "r"): 0.243, ("bg_nbd", "alpha"): 4.414, ("bg_nbd", "a"): 0.793, ("bg_nbd", "b"): 2.426,
             ("gamma_gamma", "p"): 6.25, ("gamma_gamma", "q"): 3.74, ("gamma_gamma", "v"): 15.44}
WEEKLY_FROM_1997_09_30 = {"value_calibration_end": "1997-09-30", "value_time_unit_days": 7}


@pytest.fixture(scope="module")
def cdnow_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return assert_built(run_dbt_build(tmp_path_factory.mktemp("cdnow"),
                                      extra_args=["--vars", json.dumps(WEEKLY_FROM_1997_09_30)]))


def test_calibration_fit_reproduces_the_published_estimates(cdnow_build: Build) -> None:
    fit = cdnow_build.table("select model, parameter, value, status, customers_used from transactions_btyd_parameters "
                            "where fit = 'calibration'")
    fit = fit.set_index(["model", "parameter"])
    for key, published in PUBLISHED.items():
        digits = len(str(published).split(".")[1])
        assert round(fit.loc[key, "value"], digits) == published, key
    assert set(fit["status"]) == {"converged"}
    assert fit.loc[("bg_nbd", "r"), "customers_used"] == 2357
    assert fit.loc[("gamma_gamma", "p"), "customers_used"] == 946


def test_holdout_holds_the_published_1882_repeat_purchase_days(cdnow_build: Build) -> None:
    summary = cdnow_build.table("select count(*) as customers, count(case when is_in_calibration then 1 end) as calibrated, "
                                "sum(holdout_purchase_days) as holdout from intermediate.int_transactions__customer_value_summary")
    assert summary.iloc[0].tolist() == [2357, 2357, 1882]
    split = cdnow_build.table("select * from intermediate.int_transactions__value_calibration").iloc[0]
    assert (str(split["calibration_end"])[:10], str(split["observation_end"])[:10], split["holdout_days"]) == \
        ("1997-09-30", "1998-06-30", 273)
    assert split["calibration_status"] == "ok"


def test_a_calibration_end_before_a_sources_data_gives_status_rows(cdnow_build: Build) -> None:
    for source in ("olist", "ecomx"):
        split = cdnow_build.table(f"select * from intermediate.int_{source}__value_calibration").iloc[0]
        assert split["calibration_status"] == "no_calibration_purchases"
        assert "set var value_calibration_end later" in split["status_reason"]
        fits = cdnow_build.table(f"select fit, status, count(*) as n from {source}_btyd_parameters group by all")
        statuses = dict(zip(fits["fit"], fits["status"]))
        assert statuses["calibration"] == "no_data"
        assert statuses["full"] in ("converged", "at_bound")
        forecast = cdnow_build.scalar(f"select count(expected_spend) from {source}_customer_value_forecast")
        assert forecast > 0


def test_every_cdnow_line_is_read_accepted_and_used(cdnow_build: Build) -> None:
    lines = (SAMPLE_TRANSACTIONS / "transactions.csv").read_text().splitlines()[1:]
    money = sum(Decimal(line.split(",")[2]) for line in lines)
    row = cdnow_build.table("select * from dq_reconciliation where source_name = 'transactions'").iloc[0]
    assert (row["rows_read"], row["rows_accepted"], row["rows_quarantined"], row["rows_used"]) == (6919, 6919, 0, 6919)
    assert Decimal(str(row["money_read"])) == Decimal(str(row["money_used"])) == money
    assert row["is_balanced"]
    rfm = cdnow_build.table("select count(*) as customers, sum(frequency) as lines from transactions_customer_rfm")
    assert rfm.iloc[0].tolist() == [2357, 6919]

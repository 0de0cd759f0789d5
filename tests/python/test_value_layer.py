"""The forward-looking layer on the bundled samples, checked against independent computations: the
evaluation's metrics against scikit-learn, the forecast against the package's BG/NBD formulas, the
classifier's training window against the holdout, and an explicit calibration date on Olist."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import average_precision_score, roc_auc_score

from conftest import Build, assert_built, run_dbt_build
from customer_value.ml.btyd import bg_nbd_probability_alive

SOURCES = {"olist": "customer_unique_id", "ecomx": "customer_id", "transactions": "customer_id"}


@pytest.mark.parametrize("source", list(SOURCES))
def test_evaluation_metrics_equal_scikit_learn_and_a_plain_decile_count(sample_build: Build, source: str) -> None:
    key = SOURCES[source]
    scores = sample_build.table(f"select * from intermediate.int_{source}__value_model_scores where score is not null")
    evaluation = sample_build.table(f"select * from {source}_value_model_evaluation where calibration_frequency = 'all'")
    found = evaluation.set_index(["method", "target", "metric"])["value"]
    assert len(scores.groupby(["method", "target"])) >= 14
    for (method, target), group in scores.groupby(["method", "target"]):
        assert found[(method, target, "roc_auc")] == pytest.approx(roc_auc_score(group["actual"], group["score"]), abs=1e-12)
        assert found[(method, target, "pr_auc")] == pytest.approx(
            average_precision_score(group["actual"], group["score"]), abs=1e-9)
        ordered = group.assign(tiebreak=group[key].astype(str).map(_md5)).sort_values(
            ["score", "tiebreak", key], ascending=[False, True, True])
        top = ordered.head(int(np.ceil(0.1 * len(group))))
        assert found[(method, target, "top_decile_lift")] == pytest.approx(top["actual"].mean() / group["actual"].mean())
        revenue = group["next_value"].astype(float)
        assert found[(method, target, "top_decile_revenue_share")] == pytest.approx(
            top["next_value"].astype(float).sum() / revenue.sum())


def _md5(text: str) -> str:
    import hashlib

    return hashlib.md5(text.encode()).hexdigest()


@pytest.mark.parametrize("source", list(SOURCES))
def test_bg_nbd_frequency_table_adds_up_to_the_holdout(sample_build: Build, source: str) -> None:
    table = sample_build.table(f"select * from {source}_value_model_evaluation where target = 'holdout_purchase_days'")
    actual = table[table["metric"] == "actual"].set_index("calibration_frequency")
    summary = sample_build.table(f"select calibration_frequency, holdout_purchase_days from "
                                 f"intermediate.int_{source}__customer_value_summary where is_in_calibration")
    assert actual.loc["all", "value"] == summary["holdout_purchase_days"].sum()
    assert actual.drop(index="all")["value"].sum() == summary["holdout_purchase_days"].sum()
    assert actual.loc["7+", "customers"] == (summary["calibration_frequency"] >= 7).sum()


@pytest.mark.parametrize("source", list(SOURCES))
def test_forecast_equals_the_package_formulas(sample_build: Build, source: str) -> None:
    forecast = sample_build.table(f"select * from {source}_customer_value_forecast")
    fit = sample_build.table(f"select parameter, value from {source}_btyd_parameters where fit = 'full'")
    values = dict(zip(fit["parameter"], fit["value"]))
    unit = sample_build.scalar(f"select time_unit_days from intermediate.int_{source}__value_calibration")
    alive = bg_nbd_probability_alive(values, forecast["frequency"].to_numpy(float),
                                     forecast["recency_days"].to_numpy(float) / unit, forecast["t_days"].to_numpy(float) / unit)
    np.testing.assert_allclose(forecast["probability_alive"], alive, rtol=1e-9)
    np.testing.assert_allclose(forecast["expected_spend"], forecast["expected_purchases"] * forecast["expected_order_value"],
                               rtol=1e-12)
    population_mean = values["p"] * values["v"] / (values["q"] - 1)
    one_timers = forecast[forecast["frequency"] == 0]
    np.testing.assert_allclose(one_timers["expected_order_value"], population_mean, rtol=1e-12)
    assert (forecast["discounted_lifetime_value"] < forecast["expected_spend"]).all()


@pytest.mark.parametrize("source", list(SOURCES))
def test_the_classifier_learns_only_from_before_the_calibration_end(sample_build: Build, source: str) -> None:
    key = SOURCES[source]
    split = sample_build.table(f"select * from intermediate.int_{source}__value_calibration").iloc[0]
    training = sample_build.table(f"select * from intermediate.int_{source}__value_training_features")
    cutoff = pd.Timestamp(split["calibration_end"]) - pd.Timedelta(days=int(split["holdout_days"]))
    assert (pd.to_datetime(training["cutoff"]) == cutoff).all()
    purchases = sample_build.table(f"select {key} as customer, purchased_at from intermediate.int_{source}__purchases")
    days = purchases.assign(day=pd.to_datetime(purchases["purchased_at"]).dt.normalize()).drop_duplicates(["customer", "day"])
    window = days[(days["day"] > cutoff) & (days["day"] <= pd.Timestamp(split["calibration_end"]))]
    expected = window.groupby("customer").size()
    found = training.set_index(key)["next_purchase_days"]
    assert found.sum() == expected.reindex(found.index).fillna(0).sum()
    assert (found[found > 0].index.isin(expected.index)).all()
    assert days.groupby("customer")["day"].min().loc[found.index].le(cutoff).all()


def test_an_explicit_calibration_end_on_olist(tmp_path) -> None:
    variables = {"value_calibration_end": "2018-02-28", "value_time_unit_days": 1}
    build = assert_built(run_dbt_build(tmp_path, select=["+olist_value_model_evaluation", "+olist_customer_value_forecast"],
                                       extra_args=["--vars", json.dumps(variables), "--indirect-selection", "cautious"]))
    split = build.table("select * from intermediate.int_olist__value_calibration").iloc[0]
    assert str(split["calibration_end"])[:10] == "2018-02-28"
    assert split["calibration_status"] == "ok"
    evaluation = build.table("select * from olist_value_model_evaluation where calibration_frequency = 'all' "
                             "and metric = 'roc_auc' and target = 'buys_again'").set_index("method")
    assert evaluation["value"].notna().all()
    assert evaluation.loc["random", "value"] == pytest.approx(0.5, abs=0.1)
    customers = build.scalar("select count(*) from intermediate.int_olist__value_calibration_features")
    first_seen = build.scalar("select count(*) from intermediate.int_olist__customer_value_summary "
                              "where first_purchase_date <= date '2018-02-28'")
    assert customers == first_seen == evaluation.loc["random", "customers"]

"""The EcomX workflow built by dbt: the bundled sample against an independent pandas run, and a hand case."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import classification_report

from conftest import SAMPLE_ECOMX, Build, assert_built, run_dbt_build


@pytest.fixture(scope="module")
def ecomx_build(sample_build: Build) -> Build:
    return sample_build


def notebook_clv(folder: Path) -> pd.DataFrame:
    """Annualised CLV as the EcomX notebook computes it, with pandas on the raw files."""
    customers = pd.read_csv(folder / "customers_final.csv", parse_dates=["join_date"])
    transactions = pd.read_csv(folder / "transactions_final.csv", parse_dates=["transaction_date"])
    reference = transactions["transaction_date"].max()
    spend = transactions.groupby("customer_id")["transaction_amount"].sum().rename("total_spend")
    frame = customers.merge(spend, on="customer_id", how="left").fillna({"total_spend": 0})
    frame["tenure_days"] = (reference - frame["join_date"]).dt.days
    frame["clv"] = frame["total_spend"] / (frame["tenure_days"].clip(lower=1) / 365)
    q1, q3 = frame["clv"].quantile(0.25), frame["clv"].quantile(0.75)
    frame["clv_class"] = np.where(frame["clv"] < q1, "Low", np.where(frame["clv"] < q3, "Medium", "High"))
    return frame.sort_values("customer_id").reset_index(drop=True)


def test_features_one_row_per_customer_and_spend_reconciles(ecomx_build: Build) -> None:
    customers = pd.read_csv(SAMPLE_ECOMX / "customers_final.csv")
    transactions = pd.read_csv(SAMPLE_ECOMX / "transactions_final.csv")
    features = ecomx_build.table("select * from ecomx_customer_features")
    assert len(features) == len(customers)
    assert float(features["total_spend"].sum()) == pytest.approx(transactions["transaction_amount"].sum(), abs=0.005)
    assert int(features["n_transactions"].sum()) == len(transactions)  # no campaign fan-out
    last = transactions.groupby("customer_id")["transaction_date"].max()
    merged = features.set_index("customer_id").join(last)
    assert (pd.to_datetime(merged["last_transaction_date"]) == pd.to_datetime(merged["transaction_date"])).all()


def test_clv_and_thresholds_match_pandas(ecomx_build: Build) -> None:
    expected = notebook_clv(SAMPLE_ECOMX)
    clv = ecomx_build.table("select * from ecomx_customer_clv order by customer_id")
    np.testing.assert_allclose(clv["clv"], expected["clv"], rtol=1e-9)
    assert clv["clv_class"].tolist() == expected["clv_class"].tolist()
    thresholds = ecomx_build.table("select * from ecomx_clv_thresholds").iloc[0]
    assert thresholds["q1"] == pytest.approx(expected["clv"].quantile(0.25), rel=1e-12)
    assert thresholds["q3"] == pytest.approx(expected["clv"].quantile(0.75), rel=1e-12)
    assert (thresholds["low_customers"], thresholds["medium_customers"], thresholds["high_customers"]) == (500, 1000, 500)
    assert thresholds["reference_date"] == pd.Timestamp("2024-05-31")


def test_metrics_hold_four_models_for_two_feature_sets_and_match_scikit_learn(ecomx_build: Build) -> None:
    metrics = ecomx_build.table("select * from ecomx_model_metrics")
    assert sorted(set(zip(metrics["model"], metrics["feature_set"]))) == sorted(
        (m, f) for m in ["knn", "logistic_regression", "naive_bayes", "random_forest"] for f in ["no_leakage", "published"]
    )
    predictions = ecomx_build.table("select * from ecomx_clv_class_predictions")
    indexed = metrics.set_index(["model", "feature_set", "split"])
    for (model, feature_set, split), rows in predictions.groupby(["model", "feature_set", "split"]):
        report = classification_report(rows["actual_class"], rows["predicted_class"], output_dict=True)
        row = indexed.loc[(model, feature_set, split)]
        assert row["accuracy"] == pytest.approx(report["accuracy"])
        assert row["macro_f1"] == pytest.approx(report["macro avg"]["f1-score"])
        assert row["weighted_precision"] == pytest.approx(report["weighted avg"]["precision"])
        assert row["recall_high"] == pytest.approx(report["High"]["recall"])
    best = metrics[metrics["is_best_model"] & (metrics["split"] == "test")]
    assert sorted(best["feature_set"]) == ["no_leakage", "published"]
    for _, row in best.iterrows():
        same_set = metrics[(metrics["feature_set"] == row["feature_set"]) & (metrics["split"] == "test")]
        assert row["macro_f1"] == same_set["macro_f1"].max()


def test_every_customer_predicted_once_per_model_and_feature_set(ecomx_build: Build) -> None:
    predictions = ecomx_build.table("select * from ecomx_clv_class_predictions")
    assert len(predictions) == 2000 * 8
    assert not predictions.duplicated(["customer_id", "model", "feature_set"]).any()
    assert (predictions.groupby(["model", "feature_set"])["split"].apply(lambda s: (s == "test").sum()) == 600).all()
    totals = predictions[["p_low", "p_medium", "p_high"]].sum(axis=1)
    np.testing.assert_allclose(totals, 1.0, atol=1e-9)


def write_tiny_ecomx(folder: Path) -> None:
    """Four customers; customer 4 joined on the last day of the data (0-day tenure)."""
    folder.mkdir(parents=True)
    (folder / "customers_final.csv").write_text(
        "customer_id,join_date,last_purchase_date,age,gender,location\n"
        "1,2023-05-31,2024-01-01,30.0,Male,Lake Anna\n"
        "2,2024-03-02,2024-01-01,,Female,Port Ben\n"
        "3,2022-05-31,2024-01-01,45.0,,North Cara\n"
        "4,2024-05-31,2024-05-31,22.0,Male,East Dan\n"
    )
    (folder / "transactions_final.csv").write_text(
        "transaction_id,customer_id,transaction_date,transaction_amount,product_category\n"
        "1,1,2023-06-01,100.00,Electronics\n"
        "2,1,2024-05-30,265.00,Clothing\n"
        "3,2,2024-05-31,91.00,Home Goods\n"
        "4,3,2023-01-01,730.00,Electronics\n"
        "5,4,2024-05-31,10.00,Clothing\n"
    )
    (folder / "engagements_final.csv").write_text(
        "customer_id,number_of_site_visits,number_of_emails_opened,number_of_clicks\n"
        "1,10,5,2\n2,20,6,3\n3,30,7,4\n4,1,1,1\n"
    )
    (folder / "marketing_final.csv").write_text(
        "campaign_id,customer_id,response,promotion_type,campaign_date\n"
        "1,1,Yes,Discount,2024-01-01\n2,1,No,Free Shipping,2024-02-01\n3,1,Yes,Buy One Get One,2024-03-01\n"
        "4,2,No,Discount,2024-04-01\n5,3,Yes,Free Shipping,2024-04-02\n"
    )


def test_hand_computed_clv_including_zero_day_tenure(tmp_path: Path) -> None:
    write_tiny_ecomx(tmp_path / "data")
    build = assert_built(run_dbt_build(tmp_path / "build", ecomx_dir=tmp_path / "data"))
    clv = build.table("select * from ecomx_customer_clv order by customer_id")
    # tenure to 2024-05-31: 366 days (leap year), 90, 731, 0 -> counted as 1
    assert clv["tenure_days"].tolist() == [366, 90, 731, 0]
    expected = [365.0 / (366 / 365), 91.0 / (90 / 365), 730.0 / (731 / 365), 10.0 * 365]
    np.testing.assert_allclose(clv["clv"], expected, rtol=1e-12)
    # clv 364.00, 364.50, 369.06, 3650 -> q1 = 364.38, q3 = 1189.29 (linear interpolation)
    assert clv["clv_class"].tolist() == ["Low", "Medium", "Medium", "High"]
    features = build.table("select * from ecomx_customer_features order by customer_id").set_index("customer_id")
    assert features.loc[1, "campaigns_received"] == 3 and features.loc[1, "campaigns_responded"] == 2
    assert features.loc[1, "response_rate"] == pytest.approx(2 / 3)
    assert bool(features.loc[1, "responded_buy_one_get_one"]) and not bool(features.loc[1, "responded_free_shipping"])
    assert np.isnan(features.loc[4, "response_rate"]) and features.loc[4, "campaigns_received"] == 0
    assert features.loc[1, "n_transactions"] == 2 and float(features.loc[1, "total_spend"]) == 365.0
    assert features.loc[1, "recency_days"] == 1 and features.loc[2, "recency_days"] == 0
    assert features.loc[1, "last_transaction_date"] == pd.Timestamp(dt.date(2024, 5, 30))
    predictions = build.table("select * from ecomx_clv_class_predictions")
    assert len(predictions) == 4 * 8 and predictions["split"].isna().all()  # too small to split: reported, not raised

"""The Olist workflow built by dbt on the bundled sample, checked against an independent notebook run."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import classification_report, roc_auc_score

from conftest import SAMPLE_OLIST, Build
from customer_value.bench.olist_notebook import NotebookResult, run_notebook


@pytest.fixture(scope="module")
def notebook() -> NotebookResult:
    return run_notebook(SAMPLE_OLIST)


def test_order_table_has_every_order_and_reconciles_payments(sample_build: Build) -> None:
    orders = pd.read_csv(SAMPLE_OLIST / "olist_orders_dataset.csv")
    payments = pd.read_csv(SAMPLE_OLIST / "olist_order_payments_dataset.csv")
    fct = sample_build.table("select * from fct_olist_orders")
    assert len(fct) == len(orders)
    assert int(fct["is_delivered"].sum()) == int((orders["order_status"] == "delivered").sum())
    unpaid = set(orders["order_id"]) - set(payments["order_id"])
    assert set(fct.loc[~fct["has_payment"], "order_id"]) == unpaid
    assert (fct.loc[~fct["has_payment"], "payment_total"] == 0).all()
    assert float(fct["payment_total"].sum()) == pytest.approx(payments["payment_value"].sum(), abs=0.005)


def test_rfm_matches_notebook_customer_for_customer(sample_build: Build, notebook: NotebookResult) -> None:
    rfm = sample_build.table("select * from olist_customer_rfm order by customer_unique_id")
    expected = notebook.rfm.sort_values("customer_unique_id").reset_index(drop=True)
    assert len(rfm) == len(expected)
    assert rfm["customer_unique_id"].tolist() == expected["customer_unique_id"].tolist()
    assert rfm["recency_days"].tolist() == expected["recency"].tolist()
    assert rfm["frequency"].tolist() == expected["frequency"].tolist()
    np.testing.assert_allclose(rfm["monetary"].astype(float), expected["monetary"], atol=1e-6)
    assert set(rfm["reference_date"]) == {notebook.reference_date}


def test_segments_match_notebook_clusters(sample_build: Build, notebook: NotebookResult) -> None:
    segments = sample_build.table("select * from olist_customer_segments")
    merged = segments.merge(notebook.rfm, on="customer_unique_id", validate="one_to_one")
    pairs = merged.groupby(["segment_id", "cluster"]).size()
    # one notebook cluster per segment and vice versa: the same partition, only relabelled
    assert pairs.index.get_level_values("segment_id").is_unique
    assert pairs.index.get_level_values("cluster").is_unique
    assert len(pairs) == 4
    high = merged.loc[merged["segment_id"] == 1, "is_high_value"]
    assert (high == 1).all() and merged["is_high_value"].sum() == len(high)


def test_segment_ids_ordered_by_mean_monetary_and_named(sample_build: Build) -> None:
    profiles = sample_build.table("select * from olist_segment_profiles order by segment_id")
    assert profiles["mean_monetary"].is_monotonic_decreasing
    assert profiles.loc[0, "segment_role"] == "high-ticket"
    assert set(profiles["segment_role"]) == {"high-ticket", "repeat buyers", "recent low-value", "dormant low-value"}
    repeat = profiles.set_index("segment_role").loc["repeat buyers"]
    assert repeat["mean_frequency"] == profiles["mean_frequency"].max()
    low = profiles.set_index("segment_role").loc[["recent low-value", "dormant low-value"]]
    assert low.loc["recent low-value", "mean_recency_days"] < low.loc["dormant low-value", "mean_recency_days"]
    assert profiles["customers"].sum() == sample_build.scalar("select count(*) from olist_customer_rfm")
    assert profiles["customer_share"].sum() == pytest.approx(1.0)
    assert profiles["revenue_share"].sum() == pytest.approx(1.0)
    assert profiles["action"].notna().all()


def test_scores_reproduce_notebook_split_and_coefficients(sample_build: Build, notebook: NotebookResult) -> None:
    scores = sample_build.table("select * from olist_high_value_scores")
    assert set(scores.loc[scores["split"] == "test", "customer_unique_id"]) == notebook.test_customers
    assert (scores["split"] == "test").sum() == int(np.ceil(0.3 * len(scores)))
    drivers = sample_build.table("select * from olist_model_drivers").set_index("feature")
    expected = {"recency_days": "recency", "frequency": "frequency", "monetary": "monetary"}
    for feature, notebook_name in expected.items():
        assert drivers.loc[feature, "coefficient"] == pytest.approx(notebook.coefficients[notebook_name], rel=1e-6)
        assert drivers.loc[feature, "odds_ratio"] == pytest.approx(np.exp(notebook.coefficients[notebook_name]))
    assert drivers["coefficient"].abs().sort_values(ascending=False).index.tolist() == (
        drivers.sort_values("driver_rank").index.tolist()
    )


def test_metrics_equal_scikit_learn(sample_build: Build) -> None:
    scores = sample_build.table("select * from olist_high_value_scores")
    metrics = sample_build.table("select * from olist_model_metrics").set_index(["split", "class_label"])
    assert set(metrics["model_status"]) == {"fit"}
    for split, rows in scores.groupby("split"):
        report = classification_report(rows["is_high_value"], rows["predicted_high_value"], output_dict=True)
        for label in ["0", "1", "macro avg", "weighted avg"]:
            row = metrics.loc[(split, label)]
            assert row["precision"] == pytest.approx(report[label]["precision"])
            assert row["recall"] == pytest.approx(report[label]["recall"])
            assert row["f1"] == pytest.approx(report[label]["f1-score"])
            assert row["support"] == report[label]["support"]
            assert row["accuracy"] == pytest.approx(report["accuracy"])
            assert row["roc_auc"] == pytest.approx(roc_auc_score(rows["is_high_value"], rows["p_high_value"]))

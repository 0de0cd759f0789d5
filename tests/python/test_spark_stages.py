"""The Spark build's order (customer_value/spark/stages.py): no node runs before a parent, and a Python model
runs at the end of the stage that built its last SQL parent. Pure Python: no Spark needed."""

from __future__ import annotations

from customer_value.spark.stages import plan_stages


def test_sql_after_python_waits_for_the_next_stage() -> None:
    parents = {
        "features": {"source.orders"},
        "fit_input": {"features"},
        "kmeans_fit": {"fit_input"},           # Python
        "segments": {"features", "kmeans_fit"},
        "test_segments": {"segments"},
        "split": {"segments"},                 # Python
        "coefficients": {"split", "fit_input"},  # Python, right after another Python model
        "scores": {"coefficients"},
        "report_table": {"features"},
    }
    stages = plan_stages(parents, {"kmeans_fit", "split", "coefficients"})
    assert [(s.sql_nodes, s.python_models) for s in stages] == [
        (["features", "fit_input", "report_table"], ["kmeans_fit"]),
        (["segments", "test_segments"], ["split"]),
        ([], ["coefficients"]),
        (["scores"], []),
    ]


def test_no_python_model_is_one_stage() -> None:
    stages = plan_stages({"a": set(), "b": {"a"}}, set())
    assert [(s.sql_nodes, s.python_models) for s in stages] == [(["a", "b"], [])]

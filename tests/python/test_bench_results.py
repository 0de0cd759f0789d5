"""The benchmark's record and table (customer_value/bench/results.py) and the like-for-like selection it
times beside the full build."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import DBT, PARTIAL_PARSE, REPO, SAMPLE_ECOMX, SAMPLE_OLIST, SAMPLE_TRANSACTIONS, dbt_env, parsed_project
from customer_value.bench.__main__ import NOTEBOOK_SELECTOR
from customer_value.bench.results import Result, Side, _duration, load, render, save


@pytest.mark.parametrize("seconds, shown", [(3.14, "3.1 s"), (59.94, "59.9 s"), (59.96, "1 min 0 s"),
                                            (239.7, "4 min 0 s"), (385.7, "6 min 26 s")])
def test_duration_never_shows_60_seconds(seconds: float, shown: str) -> None:
    assert _duration(seconds) == shown


def test_table_shows_the_notebook_selection_beside_the_full_build_and_older_results_without_it(
        tmp_path: Path) -> None:
    measured = dict(input_bytes=10**9, warehouse_bytes=9 * 10**8, slowest_nodes=[("fct_olist_orders", 3.0)],
                    measured_on="2026-12-07", machine="test machine")
    results = {
        "new": Result(orders=10_000_000, file_format="csv", pandas=Side(400.0, 10 * 10**9),
                      dbt=Side(500.0, 4 * 10**9), notebook_selection=Side(220.0, 3 * 10**9), **measured),
        "old": Result(orders=1_000_000, file_format="csv", pandas=Side(40.0, 10**9),
                      dbt=Side(30.0, 5 * 10**8), **measured),
    }
    store = tmp_path / "benchmarks.json"
    save(store, results)
    loaded = load(store)
    assert loaded["10000000-csv"].notebook_selection == Side(220.0, 3 * 10**9)
    assert loaded["1000000-csv"].notebook_selection is None
    rows = {line.split(" | ")[0]: line for line in render(loaded).splitlines() if line.startswith("| 1")}
    assert rows["| 10,000,000"].endswith(
        "| 1.25x | 0.40x | 3 min 40 s, 3.00 GB | 0.55x | 2026-12-07 |")
    assert rows["| 1,000,000"].endswith("| 0.75x | 0.50x | not measured | n/a | 2026-12-07 |")


def test_notebook_selector_holds_the_notebooks_work_and_its_data_quality_not_the_other_layers(
        tmp_path: Path) -> None:
    target = tmp_path / "target"
    target.mkdir()
    shutil.copyfile(parsed_project() / PARTIAL_PARSE, target / PARTIAL_PARSE)
    command = [str(DBT), "ls", "--selector", NOTEBOOK_SELECTOR, "--resource-type", "model", "--output", "name",
               "--quiet", "--project-dir", str(REPO), "--target-path", str(target)]
    env = dbt_env(SAMPLE_OLIST, SAMPLE_ECOMX, SAMPLE_TRANSACTIONS)  # the session parse's settings: no new parse
    listed = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, check=True).stdout.split()
    notebook = {"stg_olist__orders", "int_olist__orders_rejected", "fct_olist_orders", "olist_customer_rfm",
                "olist_kmeans_fit", "olist_customer_segments", "olist_segment_profiles", "olist_high_value_split",
                "olist_high_value_coefficients", "olist_high_value_scores", "dq_quarantine", "dq_reconciliation"}
    other_layers = {"olist_customer_rfm_scores", "olist_btyd_fit", "olist_customer_value_forecast",
                    "olist_customer_segment_history", "olist_customer_actions", "ecomx_clv_classifier_fit"}
    assert notebook <= set(listed)
    assert not other_layers & set(listed)

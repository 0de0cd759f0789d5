"""Above var ml_fit_max_customers the fits see a deterministic, stratified sample; SQL still scores everyone."""

from __future__ import annotations

import hashlib
import math
import pytest

from conftest import Build, assert_built, run_dbt_build

LIMIT = 600
# What the checks read, with everything upstream: the sampled fits and the scores of every customer.
SAMPLED_MODELS = ["+olist_high_value_scores", "+ecomx_customer_features", "+ecomx_customer_segments",
                  "+ecomx_clv_class_predictions"]


@pytest.fixture(scope="module")
def sampled(tmp_path_factory: pytest.TempPathFactory) -> Build:
    variables = ["--vars", f"{{ml_fit_max_customers: {LIMIT}}}"]
    return assert_built(run_dbt_build(tmp_path_factory.mktemp("sampled"), select=SAMPLED_MODELS,
                                      extra_args=[*variables, "--indirect-selection", "cautious"]))


def test_fits_record_the_sample_size_and_every_customer_is_still_scored(sampled: Build) -> None:
    persons = sampled.scalar("select count(*) from olist_customer_rfm")
    assert persons > LIMIT
    assert sampled.scalar("select distinct customers_used from olist_kmeans_fit where parameter = 'centroid'") == LIMIT
    assert sampled.scalar("select count(*) from olist_customer_segments") == persons
    assert sampled.scalar("select count(*) from olist_high_value_scores") == persons
    fitted = sampled.scalar("select count(*) from olist_high_value_split")
    assert abs(fitted - LIMIT) <= 1  # each class keeps its share, rounded
    assert sampled.scalar("select count(*) from olist_high_value_scores where split is null") == persons - fitted
    customers = sampled.scalar("select count(*) from ecomx_customer_features")
    assert sampled.scalar("select count(*) from ecomx_customer_segments") == customers
    assert sampled.scalar("select count(distinct customer_id) from ecomx_clv_class_predictions") == customers


def test_the_sample_is_the_first_customers_in_md5_order_per_class(sampled: Build) -> None:
    population = sampled.table(
        "select customer_unique_id, case when segment_id = 1 then 1 else 0 end as label "
        "from olist_customer_segments")
    drawn = set(sampled.table("select customer_unique_id from olist_high_value_split")["customer_unique_id"])
    expected = set()
    for label, group in population.groupby("label"):
        share = math.floor(len(group) * LIMIT / len(population) + 0.5)  # SQL round: half away from zero
        order = sorted(group["customer_unique_id"], key=lambda key: (hashlib.md5(key.encode()).hexdigest(), key))
        expected |= set(order[:share])
    assert drawn == expected

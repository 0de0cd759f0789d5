"""Activation lists: one CSV per recommended action, exactly the customers the warehouse gives that action."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from conftest import Build, Release
from customer_value.warehouse.activation import ActivationError, action_file_name, write_activation_lists

KEYS = {"olist": "customer_unique_id", "ecomx": "customer_id", "transactions": "customer_id"}
COLUMNS = ["segmentation", "segment", "action", "region", "probability_alive", "expected_spend",
           "discounted_lifetime_value", "as_of_date", "generated_at"]


@pytest.fixture(scope="module")
def published(sample_release: Release) -> Path:
    return sample_release.exports


def _lists(exports: Path, source: str) -> dict[str, pd.DataFrame]:
    return {path.name: pd.read_csv(path, dtype={KEYS[source]: str}, keep_default_na=False, na_values=[""])
            for path in sorted((exports / source / "activation").glob("*.csv"))}


@pytest.mark.parametrize("source", sorted(KEYS))
def test_every_customer_is_in_the_list_of_each_of_their_two_actions(published: Path, sample_build: Build,
                                                                   source: str) -> None:
    key = KEYS[source]
    actions = sample_build.table(f"select cast({key} as varchar) as {key}, segment_name, segment_action, rfm_segment, "
                                 f"rfm_action, region, discounted_lifetime_value from {source}_customer_actions")
    lists = _lists(published, source)
    expected_files = {action_file_name(a) for a in {*actions["segment_action"], *actions["rfm_action"]}}
    assert set(lists) == expected_files
    rows = pd.concat(lists.values(), ignore_index=True)
    assert list(rows.columns) == [key, *COLUMNS]
    # each customer once per segmentation: the KMeans role's list and the RFM segment's list
    assert rows.groupby("segmentation")[key].apply(lambda keys: keys.is_unique and set(keys) == set(actions[key])).all()
    assert len(rows) == 2 * len(actions)
    for column, segmentation, segment in [("segment_action", "kmeans_role", "segment_name"),
                                          ("rfm_action", "rfm_segment", "rfm_segment")]:
        for action, group in actions.groupby(column):
            listed = lists[action_file_name(action)]
            assert (listed["action"] == action).all() and (listed["segmentation"] == segmentation).all()
            merged = group.merge(listed, on=key, suffixes=("", "_listed"), validate="one_to_one")
            assert len(merged) == len(group) == len(listed)
            assert (merged[segment] == merged["segment"]).all()
            assert (merged["region"].fillna("-") == merged["region_listed"].astype(object).fillna("-")).all()
            assert merged["discounted_lifetime_value"].round(9).equals(merged["discounted_lifetime_value_listed"].round(9))
            # the most valuable customers first, so a capped campaign takes the top of the file
            assert listed["discounted_lifetime_value"].is_monotonic_decreasing


def test_lists_carry_the_as_of_date_and_the_day_they_were_written(published: Path, sample_build: Build) -> None:
    rows = pd.concat(_lists(published, "olist").values())
    as_of = sample_build.scalar("select max(as_of_date) from intermediate.int_olist__segment_state")
    assert set(rows["as_of_date"]) == {as_of.isoformat()}
    assert set(rows["generated_at"]) == {datetime.now(timezone.utc).date().isoformat()}
    assert rows["region"].str.fullmatch(r"[A-Z]{2}").all()


def test_action_file_names() -> None:
    assert action_file_name("VIP protection and cross-sell") == "vip-protection-and-cross-sell.csv"
    assert action_file_name("Suppress or last try") == "suppress-or-last-try.csv"


def test_two_actions_with_one_file_name_are_refused(tmp_path: Path) -> None:
    with duckdb.connect(str(tmp_path / "w.duckdb")) as connection:
        connection.execute("create table bi_tables as select 'campaign_activation' as exposure_name, "
                           "'x_customer_actions' as table_name, 'x' as source_name")
        connection.execute("create table x_customer_actions as select 'c1' as customer_id, 'Win back' as segment_action,"
                           " 'Win-back' as rfm_action")
        with pytest.raises(ActivationError, match="'Win back' .* 'Win-back' .* win-back.csv"):
            write_activation_lists(connection, tmp_path / "exports", datetime(2026, 1, 1).date())

"""Known-answer tests of the shared KMeans segmentation function."""

from __future__ import annotations

import pandas as pd
import pytest

from customer_value.segments import SegmentSettings, fit_segments, segment_roles, unique_segment_names

FEATURES = ["recency_days", "frequency", "monetary"]


def customers() -> pd.DataFrame:
    """Four obvious groups of three people: big spenders, repeaters, recent and dormant one-timers."""
    rows = []
    groups = {
        "big": (100, 1, 5000.0),
        "rep": (90, 5, 400.0),
        "new": (10, 1, 50.0),
        "old": (400, 1, 40.0),
    }
    for prefix, (recency, frequency, monetary) in groups.items():
        for i in range(3):
            rows.append((f"{prefix}{i}", recency + i, frequency, monetary + i))
    return pd.DataFrame(rows, columns=["customer", *FEATURES])


def test_four_obvious_groups_get_stable_ids_and_names() -> None:
    segments = fit_segments(customers(), "customer", FEATURES, SegmentSettings())
    by_customer = segments.set_index("customer")
    expected = {"big": (1, "high-ticket"), "rep": (2, "repeat buyers"), "new": (3, "recent low-value"),
                "old": (4, "dormant low-value")}
    for prefix, (segment_id, name) in expected.items():
        for i in range(3):
            assert tuple(by_customer.loc[f"{prefix}{i}", ["segment_id", "segment_name"]]) == (segment_id, name)
    assert segments["customer"].is_monotonic_increasing


def test_row_order_of_the_input_does_not_change_the_result() -> None:
    frame = customers()
    first = fit_segments(frame, "customer", FEATURES, SegmentSettings())
    second = fit_segments(frame.sample(frac=1, random_state=7), "customer", FEATURES, SegmentSettings())
    pd.testing.assert_frame_equal(first, second)


def test_more_segments_than_roles_get_numbered_names() -> None:
    roles = pd.Series(["high-ticket", "repeat buyers", "dormant low-value", "dormant low-value"], index=[1, 2, 3, 4])
    assert unique_segment_names(roles).tolist() == [
        "high-ticket", "repeat buyers", "dormant low-value 1", "dormant low-value 2"
    ]


def test_no_repeat_segment_without_repeat_purchases() -> None:
    profile = pd.DataFrame(
        {"recency": [50.0, 20.0, 300.0], "frequency": [1.0, 1.0, 1.0], "monetary": [900.0, 60.0, 50.0]},
        index=[1, 2, 3],
    )
    overall = pd.Series({"recency": 120.0, "frequency": 1.0, "monetary": 100.0})
    assert segment_roles(profile, overall).tolist() == ["high-ticket", "recent low-value", "dormant low-value"]


def test_fewer_distinct_customers_than_k_and_empty_input() -> None:
    frame = customers().head(2)
    segments = fit_segments(frame, "customer", FEATURES, SegmentSettings(k=4))
    assert segments["segment_id"].tolist() == [2, 1]  # big1 spends one real more than big0
    assert len(segments) == 2
    empty = fit_segments(frame.iloc[0:0], "customer", FEATURES, SegmentSettings())
    assert empty.empty and list(empty.columns)[:4] == ["customer", "segment_id", "segment_name", "segment_role"]


def test_k_below_two_is_refused_with_the_setting_name() -> None:
    with pytest.raises(ValueError, match="segments_k"):
        fit_segments(customers(), "customer", FEATURES, SegmentSettings(k=1))

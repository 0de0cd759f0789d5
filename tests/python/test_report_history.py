"""The report's segment-history section on hand-made history and transitions (no build)."""

from __future__ import annotations

import pandas as pd

from customer_value.report.history_sections import history_section, moved_to_risk, segment_order, states_on

D1, D2 = pd.Timestamp("2018-01-31"), pd.Timestamp("2018-02-28")


def history() -> pd.DataFrame:
    rows = [
        ("a", "Champions", "active", "high-ticket", D1, D2),  # high-ticket, active -> at risk: listed
        ("a", "At risk", "at risk", "high-ticket", D2, None),
        ("b", "Loyal", "active", "repeat buyers", D1, D2),  # not high-ticket: not listed
        ("b", "Lost", "lapsed", "dormant low-value", D2, None),
        ("c", "Champions", "active", "high-ticket", D1, None),  # stays
        ("d", "New", "active", "recent low-value", D2, None),  # arrives
    ]
    return pd.DataFrame(rows, columns=["customer_id", "rfm_segment", "rfm_lifecycle", "segment_role", "valid_from",
                                       "valid_to"])


def transitions() -> pd.DataFrame:
    rows = [
        (D1, D2, "rfm_segment", "Champions", "At risk", "moved", 1, 0.0),
        (D1, D2, "rfm_segment", "Loyal", "Lost", "left active base", 1, 0.0),
        (D1, D2, "rfm_segment", "Champions", "Champions", "stayed", 1, 50.0),
        (D1, D2, "rfm_segment", None, "New", "arrival", 1, 20.0),
    ]
    return pd.DataFrame(rows, columns=["from_as_of_date", "to_as_of_date", "segmentation", "from_segment", "to_segment",
                                       "movement", "customers", "revenue"])


def test_states_on_a_day_are_the_rows_valid_then() -> None:
    assert sorted(states_on(history(), D1)["customer_id"]) == ["a", "b", "c"]
    assert states_on(history(), D2).set_index("customer_id")["rfm_segment"].to_dict() == {
        "a": "At risk", "b": "Lost", "c": "Champions", "d": "New"}


def test_only_high_ticket_customers_leaving_an_active_segment_are_listed() -> None:
    assert moved_to_risk(history(), D1, D2)["customer_id"].tolist() == ["a"]


def test_segments_are_ordered_active_at_risk_lapsed() -> None:
    assert segment_order(history()) == ["Champions", "Loyal", "New", "At risk", "Lost"]


def test_the_section_states_the_moves_of_the_latest_pair() -> None:
    section = history_section(history(), transitions())
    assert "Between 2018-01-31 and 2018-02-28 (the two latest of 2 recorded as-of dates), 2 of the 3 customers" in section.intro
    assert "1 new customers arrived" in section.intro and "1 high-ticket customers moved" in section.intro
    assert "<td>a</td>" in section.body and "<td>b</td>" not in section.body


def test_one_recorded_day_gives_a_notice() -> None:
    one = history()[history()["valid_from"] == D1].assign(valid_to=None)
    section = history_section(one, transitions().iloc[0:0])
    assert "records one as-of date (2018-01-31)" in section.intro and section.body == ""

"""Segment history: who moved between RFM segments from one recorded as-of date to the next."""

import pandas as pd
import streamlit as st

from customer_value.app.context import chart, count, money, require, source, warehouse
from customer_value.app.warehouse import KEYS
from customer_value.report.history_sections import moved_to_risk, recorded_dates, transition_figures

data, name = warehouse(), source()
require(data, f"{name}_customer_segment_history")
key = KEYS[name]
st.title("Segment history")
history = data.query(f"select {key} as customer_id, rfm_segment, rfm_lifecycle, segment_role, valid_from, valid_to "
                     f"from main.{name}_customer_segment_history")
transitions = data.query(f"select * from main.{name}_segment_transitions")
dates = recorded_dates(history, transitions)
if transitions.empty or len(dates) < 2:
    st.info(f"The history records {len(dates)} as-of date{'s' * (len(dates) != 1)}"
            + (f" ({dates[0].date()})" if dates else "") + ". Build earlier days with "
            "`make history FROM=2017-06-30 TO=2018-08-31 EVERY=month` to see who moved between segments.")
    st.stop()

ends = sorted(pd.to_datetime(transitions["to_as_of_date"]).unique(), reverse=True)
after = pd.Timestamp(st.selectbox("Compare the as-of date", ends, format_func=lambda day: f"{pd.Timestamp(day).date()} "
                                  "with the one before", key="as_of"))
pair = transitions[pd.to_datetime(transitions["to_as_of_date"]) == after]
before = pd.Timestamp(pair["from_as_of_date"].iloc[0])
rfm = pair[pair["segmentation"] == "rfm_segment"]
present = int(rfm.loc[rfm["from_segment"].notna() & rfm["to_segment"].notna(), "customers"].sum())
stayed = int(rfm.loc[rfm["movement"] == "stayed", "customers"].sum())
moved = moved_to_risk(history, before, after)
columns = st.columns(4)
columns[0].metric("Changed RFM segment", count(present - stayed))
columns[1].metric("New customers", count(rfm.loc[rfm["movement"] == "arrival", "customers"].sum()))
columns[2].metric("Revenue in the period", money(float(rfm["revenue"].sum())))
columns[3].metric("High-ticket customers at risk", count(len(moved)))
st.caption(f"From {before.date()} to {after.date()}; {len(dates)} as-of dates are recorded.")
matrix, sizes = transition_figures(history, pair, dates)
chart(matrix)
chart(sizes)
st.subheader("High-ticket customers who moved from an active RFM segment to an at-risk or lapsed one")
st.dataframe(moved[["customer_id", "rfm_segment_before", "rfm_segment_after", "segment_role_after"]]
             .rename(columns={"customer_id": key}), hide_index=True, width="stretch")

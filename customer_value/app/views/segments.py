"""Segments and customer lists: filter by segment, RFM segment, lifecycle, region and forecast value; see
the customers behind the selection and download them."""

import streamlit as st

from customer_value.app.context import chart, count, money, require, source, warehouse
from customer_value.app.selection import LIST_ROWS, Selection, customers, options, per_rfm_segment, totals
from customer_value.report.charts import Bars, hbar_chart
from customer_value.report.colors import PALETTE

data, name = warehouse(), source()
require(data, f"{name}_customer_actions")
st.title("Segments and customer lists")
filters = st.columns(5)
selection = Selection(
    segments=tuple(filters[0].multiselect("KMeans segment", options(data, name, "segment_name"), key="segments")),
    rfm_segments=tuple(filters[1].multiselect("RFM segment", options(data, name, "rfm_segment"), key="rfm_segments")),
    lifecycles=tuple(filters[2].multiselect("Lifecycle", options(data, name, "rfm_lifecycle"), key="lifecycles")),
    regions=tuple(filters[3].multiselect("Region", options(data, name, "region"), key="regions")),
    min_value=filters[4].number_input("Min. forecast value", min_value=0.0, value=None, step=10.0, key="min_value",
                                      help="Discounted lifetime value over the forecast horizon"),
)

selected = totals(data, name, selection)
columns = st.columns(4)
columns[0].metric("Customers selected", count(selected["customers"]))
columns[1].metric("Their revenue", money(selected["revenue"]))
columns[2].metric("Their expected spend", money(selected["expected_spend"]))
columns[3].metric("Their forecast value", money(selected["value"]))

if selected["customers"]:
    per = per_rfm_segment(data, name, selection)
    bars = Bars("customers", per["customers"].astype(float).tolist(), PALETTE[0])
    chart(hbar_chart(per["rfm_segment"].tolist(), [bars], "customers", "Selected customers per RFM segment"))
    shown = customers(data, name, selection)
    st.caption(f"The {count(len(shown))} most valuable of the {count(selected['customers'])} selected customers"
               if selected["customers"] > LIST_ROWS else "The selected customers, the most valuable first")
    st.dataframe(shown, hide_index=True, width="stretch")
    st.download_button(
        f"Download all {count(selected['customers'])} customers (CSV)",
        data=lambda: customers(data, name, selection, limit=None).to_csv(index=False).encode("utf-8"),
        file_name=f"{name}_customers.csv", mime="text/csv", on_click="ignore", key="download")
else:
    st.info("No customer matches these filters.")

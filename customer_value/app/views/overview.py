"""Overview: the source's customers, revenue, segments and their actions, and whether the input reconciled."""

import streamlit as st

from customer_value.app.context import SOURCE_LABELS, chart, count, money, require, source, warehouse
from customer_value.report.segment_sections import segment_colors, segment_size_figures

PROFILE_COLUMNS = {  # column: (header, number format or None)
    "segment_name": ("Segment", None), "customers": ("Customers", "localized"),
    "customer_share": ("Share of customers", "percent"), "revenue_share": ("Share of revenue", "percent"),
    "mean_recency_days": ("Avg. days since last purchase", "%.0f"), "mean_frequency": ("Avg. purchases", "%.2f"),
    "mean_monetary": ("Avg. spend", "%.2f"), "action": ("What to do", None), "action_detail": ("How", None),
}

data, name = warehouse(), source()
require(data, f"{name}_customer_actions")
st.title(f"{SOURCE_LABELS[name]}: customer value")
totals = data.query(
    f"select count(*) as customers, sum(monetary) as revenue, count(*) filter (segment_role = 'high-ticket') as "
    f"high_ticket, coalesce(sum(expected_spend), 0) as expected_spend, max(as_of_date) as as_of_date "
    f"from main.{name}_customer_actions").iloc[0]
st.caption(f"Data as of {totals['as_of_date']:%Y-%m-%d} (the last purchase day the build saw).")
columns = st.columns(4)
columns[0].metric("Customers", count(totals["customers"]))
columns[1].metric("Revenue", money(totals["revenue"]))
columns[2].metric("High-ticket customers", count(totals["high_ticket"]))
columns[3].metric("Expected spend (forecast horizon)", money(totals["expected_spend"]))

profiles = data.query(f"select * from main.{name}_segment_profiles order by segment_id")
st.subheader("Segments: how big they are and what to do")
left, right = st.columns(2)
counts, shares = segment_size_figures(profiles, segment_colors(profiles))
with left:
    chart(counts)
with right:
    chart(shares)
st.dataframe(
    profiles[list(PROFILE_COLUMNS)], hide_index=True, width="stretch",
    column_config={column: st.column_config.NumberColumn(label, format=number) if number
                   else st.column_config.Column(label) for column, (label, number) in PROFILE_COLUMNS.items()})

files = data.query("select count(*) as files, count(*) filter (is_balanced) as balanced, sum(rows_quarantined) as "
                   "quarantined from main.dq_reconciliation where source_name = $source", {"source": name}).iloc[0]
if files["files"] and files["balanced"] == files["files"]:
    st.success(f"All {count(files['files'])} input files reconcile; {count(files['quarantined'])} rows were "
               "quarantined (see Data quality).")
else:
    st.warning(f"{count(files['files'] - files['balanced'])} of {count(files['files'])} input files do not "
               "reconcile: see Data quality.")

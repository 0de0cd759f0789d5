"""Data quality: every input file reconciled (read = accepted + quarantined + after the as-of date), and the
quarantined rows with their reasons."""

import streamlit as st

from customer_value.app.context import chart, count, require, source, warehouse
from customer_value.report.charts import Bars, hbar_chart
from customer_value.report.colors import PALETTE

QUARANTINE_ROWS = 500

data, name = warehouse(), source()
require(data, "dq_reconciliation")
st.title("Data quality")
files = data.query("select * from main.dq_reconciliation where source_name = $source order by file_name",
                   {"source": name})
columns = st.columns(5)
columns[0].metric("Rows read", count(files["rows_read"].sum()))
columns[1].metric("Rows accepted", count(files["rows_accepted"].sum()))
columns[2].metric("Rows quarantined", count(files["rows_quarantined"].sum()))
columns[3].metric("Rows after the as-of date", count(files["rows_after_as_of"].sum()))
columns[4].metric("Files balanced", f"{count(files['is_balanced'].sum())} of {count(len(files))}")
st.subheader("Reconciliation per file")
st.dataframe(files.drop(columns=["source_name"]), hide_index=True, width="stretch")

reasons = data.query("select file_name, reason, count(*) as rows from main.dq_quarantine where source_name = $source "
                     "group by all order by rows desc, file_name, reason", {"source": name})
st.subheader("Quarantined rows")
if reasons.empty:
    st.success("No row of this source was quarantined.")
else:
    labels = (reasons["file_name"] + ": " + reasons["reason"]).tolist()
    chart(hbar_chart(labels, [Bars("rows", reasons["rows"].astype(float).tolist(), PALETTE[5])], "rows",
                     "Quarantined rows per file and reason"))
    reason = st.selectbox("Reason", sorted(reasons["reason"].unique()), key="reason")
    rows = data.query("select file_name, line_number, record_key, reason, detail, raw_values from main.dq_quarantine "
                      "where source_name = $source and reason = $reason order by file_name, line_number, record_key "
                      f"limit {QUARANTINE_ROWS}", {"source": name, "reason": reason})
    st.dataframe(rows, hide_index=True, width="stretch")

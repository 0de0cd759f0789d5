"""The customer-value app: `make app` (or `streamlit run customer_value/app/main.py`).

Reads the published warehouse copy or a folder of Parquet exports (CUSTOMER_VALUE_WAREHOUSE), read-only.
"""

from __future__ import annotations

import streamlit as st

from customer_value.app.context import SOURCE_LABELS, warehouse
from customer_value.app.warehouse import WarehouseUnavailableError

PAGES = [
    ("views/overview.py", "Overview", "overview"),
    ("views/segments.py", "Segments and customer lists", "segments"),
    ("views/value.py", "High value and forecast", "value"),
    ("views/data_quality.py", "Data quality", "data-quality"),
    ("views/history.py", "Segment history", "history"),
]

st.set_page_config(page_title="Customer value", layout="wide")
try:
    current = warehouse()
except WarehouseUnavailableError as error:
    st.error(str(error))
    st.stop()
sources = current.sources()
if not sources:
    st.error(f"{current.location} holds no customer tables of this project: run `make build` first.")
    st.stop()
with st.sidebar:
    st.selectbox("Source", sources, format_func=SOURCE_LABELS.get, key="source")
    st.caption(f"Reading {current.location} (read-only)")
pages = [st.Page(path, title=title, url_path=url) for path, title, url in PAGES]
st.navigation(pages).run()

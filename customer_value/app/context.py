"""Streamlit glue shared by the pages: the warehouse (one per release, cached) and the chosen source."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from customer_value.app.warehouse import Warehouse, configured_location, release_of

SOURCE_LABELS = {"olist": "Olist", "ecomx": "EcomX Retailers", "transactions": "Transactions file"}
CHART_CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["select2d", "lasso2d"]}


# The previous release stays open for sessions still reading it; an older one is closed.
@st.cache_resource(max_entries=2, show_spinner=False, on_release=Warehouse.close)
def _open(location: str, release: str) -> Warehouse:
    return Warehouse.open(Path(location))


def warehouse() -> Warehouse:
    """The current release: a build that publishes a new one is picked up on the next interaction."""
    location = configured_location()
    return _open(str(location), release_of(location))


def source() -> str:
    return st.session_state["source"]


def require(data: Warehouse, table: str) -> None:
    """Stop the page with a notice when the build left out a table it shows (e.g. `--exclude tag:ml+`)."""
    if not data.has(table):
        st.warning(f"This warehouse has no table {table}: it was built without the models that make it. "
                   "Run `make build` for the full build; the Data quality page works without them.")
        st.stop()


def chart(figure) -> None:
    """A report figure as it looks in the report (its own layout, not Streamlit's theme)."""
    st.plotly_chart(figure, width="stretch", config=CHART_CONFIG, theme=None)


def money(value: float) -> str:
    return f"{value:,.2f}"


def count(value: float) -> str:
    return f"{int(value):,}"

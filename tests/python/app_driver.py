"""Drive the Streamlit app in-process with Streamlit's AppTest, on a given warehouse file or exports folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from customer_value.app import MAIN
from customer_value.app.warehouse import WAREHOUSE_ENV


def open_app(monkeypatch: pytest.MonkeyPatch, location: Path, source: str = "olist", page: str | None = None) -> AppTest:
    """The app on `location`, with `source` chosen in the sidebar and `page` (e.g. "views/segments.py") open."""
    monkeypatch.setenv(WAREHOUSE_ENV, str(location))
    app = AppTest.from_file(str(MAIN), default_timeout=120).run()
    if app.selectbox(key="source").value != source:
        app.selectbox(key="source").set_value(source).run()
    if page:
        app.switch_page(page).run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def metrics(app: AppTest) -> dict[str, str]:
    return {metric.label: metric.value for metric in app.metric}


def money(value: float) -> str:
    return f"{float(value):,.2f}"


def count(value: float) -> str:
    return f"{int(value):,}"

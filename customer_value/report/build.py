"""Render one HTML page per source present in the warehouse and write it to the output folder."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path

from customer_value.report import ecomx_sections, olist_sections, transactions_sections
from customer_value.report.data import SOURCES, SourceData, load_source, sources_in
from customer_value.report.page import Section, page

RENDERERS: dict[str, tuple[str, str, Callable[[SourceData], tuple[str, list[Section]]]]] = {
    "olist": ("Olist customer value report",
              "Brazilian e-commerce (Olist): who the high-value customers are, segments and what to do, model quality",
              olist_sections.sections),
    "ecomx": ("EcomX customer value report",
              "EcomX Retailers: customer lifetime value classes, segments and what to do, model comparison",
              ecomx_sections.sections),
    "transactions": ("Transactions customer value report",
                     "A shop's plain transaction file: segments, RFM named segments and who will be valuable next",
                     transactions_sections.sections),
}


def _footer(data: SourceData) -> str:
    tables = ", ".join(f"<code>{escape(SOURCES[data.source][name].table)}</code>" for name in data.frames)
    return (f"Built by <code>python -m customer_value.report</code> from the warehouse "
            f"<code>{escape(data.warehouse.name)}</code>, tables {tables}. The page is self-contained: it loads "
            f"nothing from the network.")


def render_source(data: SourceData) -> str:
    """The full HTML page of one source."""
    title, subtitle, build_sections = RENDERERS[data.source]
    summary, sections = build_sections(data)
    return page(title, subtitle, summary, sections, _footer(data))


def build_reports(warehouse: Path, out: Path) -> list[Path]:
    """Write `<out>/<source>.html` for every source in the warehouse; returns the written paths."""
    if not warehouse.is_file():
        raise FileNotFoundError(f"warehouse {warehouse} not found: run `make build` first (or set DBT_DUCKDB_PATH)")
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for source in sources_in(warehouse):
        path = out / f"{source}.html"
        path.write_text(render_source(load_source(warehouse, source)), encoding="utf-8")
        written.append(path)
    return written

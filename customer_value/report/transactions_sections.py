"""The report of a plain transaction file: segments, RFM named segments and who will be valuable next."""

from __future__ import annotations

from customer_value.report.data import SourceData
from customer_value.report.history_sections import history_sections
from customer_value.report.page import Section, cards, fmt_int, fmt_money, fmt_pct, para
from customer_value.report.segment_sections import kmeans_section, rf_grid_section, segment_distributions, segment_overview
from customer_value.report.value_sections import value_sections


def summary(data: SourceData) -> str:
    """Key figures: customers, repeat buyers, and the forecast's expected spend."""
    segments = data["segments"]
    repeat = (segments["frequency"] > 1).mean()
    items = [(fmt_int(len(segments)), "customers with a purchase"),
             (fmt_pct(repeat), "bought more than once"),
             (fmt_money(float(segments["monetary"].sum())), "total spend in the file")]
    if data.has("forecast"):
        items.append((fmt_money(float(data["forecast"]["expected_spend"].sum())),
                      "expected spend over the forecast horizon (BG/NBD x Gamma-Gamma)"))
    return cards(items)


def sections(data: SourceData) -> tuple[str, list[Section]]:
    """The summary block and the sections, skipping what the warehouse does not have."""
    if not data.has("segments") or not data.has("profiles"):
        return para("The warehouse has no transaction segments yet: run <code>make build</code>.", "notice"), []
    parts = [segment_overview(data["profiles"], "purchase"),
             segment_distributions(data["segments"], data["profiles"], "purchase"),
             rf_grid_section(data["segments"], "purchase")]
    if data.has("kmeans"):
        parts.append(kmeans_section(data["kmeans"]))
    return summary(data), parts + value_sections(data) + history_sections(data)

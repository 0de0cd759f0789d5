"""A self-contained HTML report per source, built from the warehouse tables only.

`python -m customer_value.report --warehouse PATH --out DIR` writes DIR/olist.html and DIR/ecomx.html (for the
sources present in the warehouse). Each file inlines its CSS and SVG charts and loads nothing from the network.
"""

from customer_value.report.build import build_reports, render_source

__all__ = ["build_reports", "render_source"]

"""The BI-facing tables, as the warehouse's bi_tables model lists them (derived from the dbt exposures).

Publishing, the report and the build summary all ask here, so a table is BI-facing in exactly one place:
models/exposures/_exposures.yml.
"""

from __future__ import annotations

import duckdb

REPORT_EXPOSURE = "customer_value_report"


class MissingCatalogError(RuntimeError):
    """The warehouse has no bi_tables model: it was not built by this project's `dbt build`."""


def bi_tables(connection: duckdb.DuckDBPyConnection, exposure: str | None = None) -> list[tuple[str, str]]:
    """(source_name, table_name) of the tables every exposure (or one exposure) reads, sorted."""
    present = connection.sql(
        "select count(*) from information_schema.tables where table_schema = 'main' and table_name = 'bi_tables'"
    ).fetchone()[0]
    if not present:
        raise MissingCatalogError(
            "the warehouse has no table main.bi_tables (the list of BI-facing tables); "
            "run `make build` (or `dbt build`) to build it")
    where = "where exposure_name = $exposure" if exposure else ""
    return connection.execute(
        f"select distinct source_name, table_name from main.bi_tables {where} order by all",
        {"exposure": exposure} if exposure else {},
    ).fetchall()

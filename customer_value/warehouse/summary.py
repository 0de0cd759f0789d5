"""Print where the warehouse is and the segment profiles, after `make build`."""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb
import pandas as pd

from customer_value.warehouse.bi_tables import bi_tables

PROFILE_COLUMNS = [
    "segment_id", "segment_name", "customers", "customer_share",
    "mean_recency_days", "mean_frequency", "mean_monetary", "revenue_share", "action",
]


def profile_tables(warehouse: Path) -> dict[str, pd.DataFrame]:
    """The BI-facing segment profile tables present in the warehouse, by table name."""
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        present = {row[0] for row in connection.sql("select table_name from information_schema.tables").fetchall()}
        return {
            table: connection.sql(f"select {', '.join(PROFILE_COLUMNS)} from {table} order by segment_id").df()
            for _, table in bi_tables(connection)
            if table.endswith("_segment_profiles") and table in present
        }


def main(argv: list[str]) -> None:
    warehouse = Path(argv[1] if len(argv) > 1 else "warehouse/customer_value.duckdb")
    print(f"\nWarehouse: {warehouse.resolve()}")
    # fixed-point floats: a share of 0.0004 reads better than 4.243e-04 next to 0.257
    with pd.option_context("display.width", 200, "display.max_columns", 20, "display.float_format", "{:,.3f}".format):
        for table, frame in profile_tables(warehouse).items():
            print(f"\n{table}\n{frame.to_string(index=False)}")


if __name__ == "__main__":
    main(sys.argv)

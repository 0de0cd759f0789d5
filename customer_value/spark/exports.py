"""Parquet exports of the Spark build: exports/spark/<source>/<table>.parquet, as `make build` writes them.

Each export is a folder of part files (Spark's layout), readable as one table by DuckDB's
`read_parquet('<table>.parquet/*.parquet')`, pandas, Spark or a BI tool. Rows are written in the order of
all their columns, so the same build gives the same files.
"""

from __future__ import annotations

from pathlib import Path

from pyspark.sql import SparkSession


def export_tables(spark: SparkSession, exports: Path) -> list[Path]:
    present = {row.tableName for row in spark.sql("show tables in main").collect()}
    written = []
    for row in spark.sql("select distinct source_name, table_name from main.bi_tables order by 1, 2").collect():
        if row.table_name not in present:
            continue
        target = exports / row.source_name / f"{row.table_name}.parquet"
        table = spark.table(f"main.{row.table_name}")
        table.orderBy(*table.columns).coalesce(1).write.mode("overwrite").parquet(str(target.resolve()))
        written.append(target)
    return written

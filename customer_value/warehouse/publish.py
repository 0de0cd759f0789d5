"""Publish the last good build for readers: a read-only copy of the warehouse and Parquet exports.

DuckDB lets one process write a database file or many read it, never both. A BI tool that keeps the
warehouse open would make `dbt build` fail, and a build would lock the tool out. So after each successful
build this module writes
  - warehouse/published/customer_value.duckdb: a copy of the warehouse, for DuckDB clients;
  - exports/<source>/<table>.parquet: every BI-facing table (every table a dbt exposure reads, listed in
    the bi_tables model), readable by any DuckDB version, pandas, Spark or a BI tool.
Each file is written under a temporary name and renamed into place (an atomic replace on the same
file system), so a reader sees either the previous complete file or the new complete file, and a reader
that still holds the previous file open keeps reading it undisturbed.
"""

from __future__ import annotations

import argparse
import os
import shutil
from pathlib import Path

import duckdb

from customer_value.warehouse.bi_tables import bi_tables

def replace_atomically(write, target: Path) -> None:
    """Call write(temporary_path), then move the result onto target in one rename."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        write(temporary)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def export_tables(connection: duckdb.DuckDBPyConnection, exports: Path) -> list[Path]:
    present = {row[0] for row in connection.sql(
        "select table_name from information_schema.tables where table_schema = 'main'").fetchall()}
    written = []
    for source, table in bi_tables(connection):
        if table not in present:
            continue
        target = exports / source / f"{table}.parquet"
        replace_atomically(
            lambda path, table=table: connection.execute(
                f"copy (select * from main.{table}) to '{path}' (format parquet)"), target)
        written.append(target)
    return written


def publish(warehouse: Path, published: Path, exports: Path) -> list[Path]:
    """Checkpoint the warehouse, then publish its copy and the Parquet exports."""
    with duckdb.connect(str(warehouse)) as connection:
        connection.execute("checkpoint")
        written = export_tables(connection, exports)
    replace_atomically(lambda path: shutil.copyfile(warehouse, path), published)
    return [published, *written]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m customer_value.warehouse.publish")
    parser.add_argument("warehouse", type=Path)
    parser.add_argument("--published", type=Path, default=None,
                        help="copy for readers (default: <warehouse folder>/published/<warehouse name>)")
    parser.add_argument("--exports", type=Path, default=Path("exports"))
    args = parser.parse_args(argv)
    published = args.published or args.warehouse.parent / "published" / args.warehouse.name
    written = publish(args.warehouse, published, args.exports)
    print(f"Published {published} and {len(written) - 1} Parquet exports under {args.exports}/")


if __name__ == "__main__":
    main()

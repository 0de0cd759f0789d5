"""BI access as the README describes it, tried: SQLAlchemy with duckdb-engine read-only (as Superset and
Metabase-style clients connect) and the DuckDB CLI installed with the project."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy
from sqlalchemy.exc import DBAPIError

from conftest import Build, Release
from test_bi_tables import PUBLISHED

DUCKDB_CLI = Path(sys.executable).with_name("duckdb")


def test_sqlalchemy_reads_every_bi_table_read_only_and_refuses_writes(sample_release: Release,
                                                                     sample_build: Build) -> None:
    engine = sqlalchemy.create_engine(f"duckdb:///{sample_release.published.resolve()}?access_mode=read_only")
    try:
        with engine.connect() as connection:
            tables = connection.execute(sqlalchemy.text("select distinct table_name from bi_tables order by 1")).all()
            assert {table for (table,) in tables} == set().union(*PUBLISHED.values())
            for (table,) in tables:
                rows = connection.execute(sqlalchemy.text(f"select count(*) from {table}")).scalar_one()
                assert rows == sample_build.scalar(f"select count(*) from {table}"), table
            for write in ["create table scratch as select 1 as x", "delete from olist_customer_segments",
                          "insert into dq_quarantine (source_name) values ('x')"]:
                with pytest.raises(DBAPIError, match="read-only"):
                    connection.execute(sqlalchemy.text(write))
                connection.rollback()
    finally:
        engine.dispose()


def test_the_readmes_duckdb_cli_examples_run(sample_release: Release, sample_build: Build) -> None:
    published, exports = sample_release.published, sample_release.exports
    profiles = sample_build.table("select segment_name, customers from olist_segment_profiles order by segment_id")
    from_copy = subprocess.run(
        [str(DUCKDB_CLI), "-readonly", "-csv", str(published),
         "select segment_name, customers, revenue_share, action from olist_segment_profiles order by segment_id"],
        capture_output=True, text=True, check=True).stdout.splitlines()
    assert [line.split(",")[:2] for line in from_copy[1:]] == [[n, str(c)] for n, c in profiles.values.tolist()]
    from_export = subprocess.run(
        [str(DUCKDB_CLI), "-csv", "-c", f"select count(*) from '{exports}/olist/olist_segment_profiles.parquet'"],
        capture_output=True, text=True, check=True).stdout.splitlines()
    assert from_export == ["count_star()", str(len(profiles))]
    refused = subprocess.run([str(DUCKDB_CLI), "-readonly", str(published), "drop table olist_segment_profiles"],
                             capture_output=True, text=True)
    assert refused.returncode != 0 and "read-only" in refused.stderr

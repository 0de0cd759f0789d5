"""Building blocks of the Spark parity tests: a Spark build of the project, and a comparison of its Parquet
exports with the DuckDB build's tables, row for row.

Type differences between the engines are cast away here, never in the product: Spark writes timestamps
as UTC instants (DuckDB reads them back with a time zone), integers as int where DuckDB has bigint for
some counts, and text as string. Floats are compared to 1e-9. Pickled estimators (random forest, KNN) are
compared by their predictions elsewhere, not by their bytes. A quarantined line with invalid UTF-8 keeps
its raw text (raw_values) in each engine's own way (DuckDB '?', Spark U+FFFD) and DuckDB's detail names the column:
those two values are left out for that reason only.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from conftest import REPO, SAMPLE_ECOMX, SAMPLE_OLIST, SAMPLE_TRANSACTIONS

TOLERANCE = 1e-9
NOT_COMPARED = {"estimator"}


@dataclass
class SparkBuild:
    exports: Path
    returncode: int
    output: str

    def table(self, source: str, name: str) -> pd.DataFrame:
        folder = self.exports / source / f"{name}.parquet"
        with duckdb.connect() as connection:
            return connection.sql(f"select * from read_parquet('{folder}/*.parquet')").df()


def run_spark_build(workdir: Path, olist_dir: Path = SAMPLE_OLIST, ecomx_dir: Path = SAMPLE_ECOMX,
                    transactions_dir: Path = SAMPLE_TRANSACTIONS, extra_args: list[str] | None = None) -> SparkBuild:
    """`make build-spark` on the given folders, into `workdir` (warehouse, metastore, exports, dbt target)."""
    workdir.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "OLIST_DATA_DIR": str(olist_dir), "ECOMX_DATA_DIR": str(ecomx_dir),
           "TRANSACTIONS_DATA_DIR": str(transactions_dir), "SPARK_WAREHOUSE_DIR": str(workdir / "spark"),
           "DBT_PROFILES_DIR": str(REPO), "DBT_SEND_ANONYMOUS_USAGE_STATS": "False"}
    command = [sys.executable, "-m", "customer_value.spark", "--exports", str(workdir / "exports"), "--",
               "--target-path", str(workdir / "target"), "--log-path", str(workdir / "logs"), *(extra_args or [])]
    result = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True)
    return SparkBuild(workdir / "exports", result.returncode, result.stdout + result.stderr)


def comparable(frame: pd.DataFrame) -> pd.DataFrame:
    """Engine-neutral values: naive UTC timestamps, floats for decimals, rows in one order."""
    frame = frame.drop(columns=[c for c in frame.columns if c in NOT_COMPARED]).copy()
    if "reason" in frame.columns:
        invalid = frame["reason"] == "unparsable_invalid_encoding"
        for column in ("raw_values", "detail"):
            if column in frame.columns:
                frame.loc[invalid, column] = None
    for column in frame.columns:
        values = frame[column]
        if isinstance(values.dtype, pd.DatetimeTZDtype):
            frame[column] = values.dt.tz_convert("UTC").dt.tz_localize(None)
        if pd.api.types.is_datetime64_any_dtype(frame[column]):
            frame[column] = frame[column].astype("datetime64[us]")
        elif values.dtype == object and values.map(lambda v: v.__class__.__name__ == "Decimal").any():
            frame[column] = values.astype(float)
        elif pd.api.types.is_integer_dtype(values) or pd.api.types.is_bool_dtype(values):
            frame[column] = values.astype("Int64") if not pd.api.types.is_bool_dtype(values) else values
    exact = [c for c in frame.columns if not pd.api.types.is_float_dtype(frame[c])]
    floats = [c for c in frame.columns if c not in exact]
    return frame.sort_values(exact + floats, kind="stable", na_position="last").reset_index(drop=True)


def differences(duckdb_table: pd.DataFrame, spark_table: pd.DataFrame) -> list[str]:
    """What differs between the two tables (empty when they are equal)."""
    if list(duckdb_table.columns) != list(spark_table.columns):
        return [f"columns {list(duckdb_table.columns)} != {list(spark_table.columns)}"]
    if len(duckdb_table) != len(spark_table):
        return [f"{len(duckdb_table)} rows on DuckDB, {len(spark_table)} on Spark"]
    left, right = comparable(duckdb_table), comparable(spark_table)
    found = []
    for column in left.columns:
        a, b = left[column], right[column]
        if pd.api.types.is_float_dtype(a) or pd.api.types.is_float_dtype(b):
            a, b = a.astype(float).to_numpy(), b.astype(float).to_numpy()
            same = np.isclose(a, b, rtol=TOLERANCE, atol=TOLERANCE, equal_nan=True)
        else:
            same = (a.astype(object).where(a.notna(), None) == b.astype(object).where(b.notna(), None)).to_numpy()
            same |= (a.isna() & b.isna()).to_numpy()
        if not same.all():
            row = int(np.argmin(same))
            found.append(f"{column}: {int((~same).sum())} rows differ, first {a[row]!r} != {b[row]!r}")
    return found

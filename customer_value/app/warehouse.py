"""What the app reads: the published warehouse copy or a folder of Parquet exports, always read-only.

The location comes from `CUSTOMER_VALUE_WAREHOUSE` (default `warehouse/published/customer_value.duckdb`,
what `make build` publishes). A `.duckdb` file is opened read-only; a folder is read as Parquet exports
(`<folder>/<source>/<table>.parquet`, what `make build` writes under `exports/`), each file a view of the
same name, so every query is the same in both cases. Neither can be a half-built table: both belong to a
release that publishing switched to whole (customer_value/warehouse/publish.py).
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from customer_value.report.data import SOURCES as REPORT_TABLES

WAREHOUSE_ENV = "CUSTOMER_VALUE_WAREHOUSE"
DEFAULT_WAREHOUSE = Path("warehouse/published/customer_value.duckdb")
SOURCES = tuple(REPORT_TABLES)
KEYS = {source: tables["segments"].key for source, tables in REPORT_TABLES.items()}  # the customer key per source


class WarehouseUnavailableError(RuntimeError):
    """Nothing readable at the configured location."""


def configured_location() -> Path:
    return Path(os.environ.get(WAREHOUSE_ENV) or DEFAULT_WAREHOUSE)


def release_of(location: Path) -> str:
    """The file or folder the location resolves to now: a new build publishes under a new name."""
    if not location.exists():
        raise WarehouseUnavailableError(
            f"No warehouse at {location}: run `make build` (it publishes warehouse/published/customer_value.duckdb "
            f"and exports/), or set {WAREHOUSE_ENV} to a warehouse file or a folder of Parquet exports.")
    return os.path.realpath(location)


def _connect_read_only(location: Path, release: str) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(release, read_only=True)
    except duckdb.Error as error:
        raise WarehouseUnavailableError(
            f"Cannot open {location} read-only: {error}. A running build locks the warehouse it writes; point the "
            f"app at the published copy (warehouse/published/customer_value.duckdb, the default), which no build "
            f"locks.") from None


@dataclass
class Warehouse:
    """A read-only connection to one release; `query` is safe from the app's threads (a cursor each)."""

    location: Path
    release: str
    connection: duckdb.DuckDBPyConnection
    tables: frozenset[str]
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def open(cls, location: Path) -> Warehouse:
        release = release_of(location)
        if Path(release).is_dir():
            connection = duckdb.connect(":memory:")
            for path in sorted(Path(release).glob("*/*.parquet")):
                connection.execute(f"create view main.{path.stem} as select * from read_parquet('{path}')")
        else:
            connection = _connect_read_only(location, release)
        tables = frozenset(row[0] for row in connection.sql(
            "select table_name from information_schema.tables where table_schema = 'main'").fetchall())
        return cls(location, release, connection, tables)

    def query(self, sql: str, parameters: dict | None = None) -> pd.DataFrame:
        with self._lock:
            cursor = self.connection.cursor()
        try:
            return cursor.execute(sql, parameters or {}).df()
        finally:
            cursor.close()

    def has(self, table: str) -> bool:
        return table in self.tables

    def sources(self) -> list[str]:
        """The sources with tables of their own or reconciled input files (a partial build shows what it has)."""
        checked = set(self.query("select distinct source_name from main.dq_reconciliation")["source_name"]) \
            if self.has("dq_reconciliation") else set()
        return [source for source in SOURCES
                if source in checked or any(table.startswith(f"{source}_") for table in self.tables)]

    def close(self) -> None:
        self.connection.close()

"""Run a dbt Python model's own `model(dbt, session)` on Spark and store what it returns as its table.

The model files are the DuckDB build's, unchanged: `dbt.ref(name).df()` reads the table of that node into
pandas with DuckDB's conversions (decimals as floats), and the returned pandas or Arrow table is written
to the node's schema and name, typed by the node's `column_types_are` test where it has one.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pandas as pd
import pyarrow as pa
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql.types import DateType, DecimalType

# DuckDB type names of the column_types_are tests -> Spark SQL types
SPARK_TYPES = {"varchar": "string", "blob": "binary", "integer": "int", "bigint": "bigint", "double": "double",
               "boolean": "boolean", "date": "date", "timestamp": "timestamp"}


@dataclass(frozen=True)
class ModelNode:
    """What running one Python model needs from dbt's manifest."""

    name: str
    path: Path
    relation: str
    refs: Mapping[str, str]
    column_types: Mapping[str, str]


class Relation:
    def __init__(self, spark: SparkSession, table: str) -> None:
        self._spark = spark
        self._table = table

    def df(self) -> pd.DataFrame:
        return _as_duckdb_pandas(self._spark.table(self._table)).toPandas()


class SparkDbt:
    """The part of dbt's `dbt` object the project's Python models use: `ref`."""

    def __init__(self, spark: SparkSession, refs: Mapping[str, str]) -> None:
        self._spark = spark
        self._refs = refs

    def ref(self, name: str) -> Relation:
        return Relation(self._spark, self._refs[name])


def _as_duckdb_pandas(frame: DataFrame) -> DataFrame:
    """Decimals as doubles and dates as timestamps, as DuckDB's `.df()` hands them to pandas."""
    columns = []
    for field in frame.schema.fields:
        column = F.col(f"`{field.name}`")
        if isinstance(field.dataType, DecimalType):
            column = column.cast("double")
        elif isinstance(field.dataType, DateType):
            column = column.cast("timestamp")
        columns.append(column.alias(field.name))
    return frame.select(*columns)


def _load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"customer_value_python_model_{path.stem}", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _to_spark(spark: SparkSession, result: Any, column_types: Mapping[str, str]) -> DataFrame:
    table = result if isinstance(result, pa.Table) else pa.Table.from_pandas(result, preserve_index=False)
    frame = spark.createDataFrame(table)
    return frame.select(*[
        (F.col(f"`{name}`").cast(SPARK_TYPES[column_types[name].lower()]) if name in column_types else F.col(f"`{name}`"))
        .alias(name)
        for name in frame.columns
    ])


def run_python_model(spark: SparkSession, node: ModelNode) -> int:
    """Run the model and replace its table; returns the number of rows written."""
    result = _load(node.path).model(SparkDbt(spark, node.refs), spark)
    frame = _to_spark(spark, result, node.column_types)
    frame.write.mode("overwrite").format("parquet").saveAsTable(node.relation)
    return spark.table(node.relation).count()

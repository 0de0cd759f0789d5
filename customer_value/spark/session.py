"""The SparkSession of a build: started here with the `spark` target's settings (profiles.yml), before dbt's
first query, so that dbt-spark's session method finds and reuses it, and with the input-check functions
registered (customer_value/warehouse/input_files.py, disk_room.py; DuckDB gets them from dbt_plugin.py)."""

from __future__ import annotations

import glob
import logging
import os
import sys
from pathlib import Path

from dbt.config.profile import Profile
from dbt.config.renderer import ProfileRenderer
from pyspark.sql import SparkSession

from customer_value.warehouse.disk_room import room_problem
from customer_value.warehouse.input_files import first_line, last_line, layout_problem

PROFILE = "customer_value"


def file_count(pattern: str) -> int:
    return len(glob.glob(pattern))


def file_size(path: str) -> int:
    return os.path.getsize(path)


FUNCTIONS = {"cv_file_count": (file_count, "bigint"), "cv_file_size": (file_size, "bigint"),
             "cv_first_line": (first_line, "string"),
             "cv_last_line": (last_line, "string"), "cv_layout_problem": (layout_problem, "string"),
             "cv_room_problem": (room_problem, "string")}


def target_settings(target: str, cli_vars: dict) -> dict[str, str]:
    """The target's Spark settings as dbt renders them (environment variables applied). Needs dbt's flags,
    which any dbtRunner invocation sets (the build parses first)."""
    profile = Profile.render(ProfileRenderer(cli_vars), PROFILE, None, target, None)
    return dict(profile.credentials.server_side_parameters)


def start_session(settings: dict[str, str]) -> SparkSession:
    # Python functions run in worker processes: the same interpreter, so they import this package.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    Path(settings.get("spark.sql.warehouse.dir", "spark-warehouse")).mkdir(parents=True, exist_ok=True)
    builder = SparkSession.builder.enableHiveSupport()
    for key, value in settings.items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    # dbt reports a failed query itself; pyspark would also log each one with its Java stack trace
    logging.getLogger("SQLQueryContextLogger").disabled = True
    for name, (function, return_type) in FUNCTIONS.items():
        spark.udf.register(name, function, return_type)
    return spark

"""dbt-duckdb plugin, loaded once per `dbt build` before any model runs (see profiles.yml).

1. dbt runs Python models in threads of one process. Two models importing scikit-learn for the first time
   at the same moment can see a half-initialised module ("cannot import name 'clone' from partially
   initialized module 'sklearn.base'"). Importing everything the models need here, under dbt-duckdb's
   environment lock, removes that race.
2. It registers `cv_absolute_path(path)`, `cv_first_line(path)`, `cv_last_line(path)` and
   `cv_layout_problem(path)` (customer_value/warehouse/input_files.py) and `cv_room_problem(warehouse, inputs,
   spill_directory)` (customer_value/warehouse/disk_room.py) for the staging views of Parquet files, the header
   read and the input checks (macros/dq/read_csv_source.sql, macros/dq/check_input_files.sql).
"""

from __future__ import annotations

from duckdb import DuckDBPyConnection
from dbt.adapters.duckdb.plugins import BasePlugin

import customer_value.ml.classifiers  # noqa: F401
import customer_value.ml.high_value  # noqa: F401
import customer_value.ml.kmeans  # noqa: F401
import customer_value.ml.splits  # noqa: F401
from customer_value.warehouse.disk_room import room_problem
from customer_value.warehouse.input_files import absolute_path, first_line, last_line, layout_problem


def register_functions(connection: DuckDBPyConnection) -> None:
    functions = [("cv_absolute_path", absolute_path, ["VARCHAR"]), ("cv_first_line", first_line, ["VARCHAR"]),
                 ("cv_last_line", last_line, ["VARCHAR"]), ("cv_layout_problem", layout_problem, ["VARCHAR"]),
                 ("cv_room_problem", room_problem, ["VARCHAR"] * 3)]
    for name, function, arguments in functions:
        try:
            connection.create_function(name, function, arguments, "VARCHAR", side_effects=True)
        except Exception as error:  # already registered on the parent connection
            if "already" not in str(error).lower():
                raise


class Plugin(BasePlugin):
    def configure_connection(self, conn: DuckDBPyConnection) -> None:
        register_functions(conn)

    def configure_cursor(self, cursor: DuckDBPyConnection) -> None:
        register_functions(cursor)

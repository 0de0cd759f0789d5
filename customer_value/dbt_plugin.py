"""dbt-duckdb plugin, loaded once per `dbt build` before any model runs (see profiles.yml).

1. dbt runs Python models in threads of one process. Two models importing scikit-learn for the first time
   at the same moment can see a half-initialised module ("cannot import name 'clone' from partially
   initialized module 'sklearn.base'"). Importing everything the models need here, under dbt-duckdb's
   environment lock, removes that race.
2. It registers `cv_last_line(path)`: the file's final line and whether a line break ends it, read from
   the end of the file without scanning it, for the input checks (macros/dq/check_input_files.sql).
"""

from __future__ import annotations

import os

from duckdb import DuckDBPyConnection
from dbt.adapters.duckdb.plugins import BasePlugin

import customer_value.classifiers  # noqa: F401
import customer_value.ecomx  # noqa: F401
import customer_value.high_value  # noqa: F401
import customer_value.segments  # noqa: F401

TAIL_BYTES = 65536


def last_line(path: str) -> str:
    """The text after the last line break ('' when the file ends with one), at most 64 KiB of it."""
    with open(path, "rb") as handle:
        handle.seek(0, os.SEEK_END)
        size = handle.tell()
        handle.seek(max(0, size - TAIL_BYTES))
        tail = handle.read()
    return tail.rsplit(b"\n", 1)[-1].decode("utf-8", errors="replace")


def register_functions(connection: DuckDBPyConnection) -> None:
    try:
        connection.create_function("cv_last_line", last_line, ["VARCHAR"], "VARCHAR", side_effects=True)
    except Exception as error:  # already registered on the parent connection
        if "already" not in str(error).lower():
            raise


class Plugin(BasePlugin):
    def configure_connection(self, conn: DuckDBPyConnection) -> None:
        register_functions(conn)

    def configure_cursor(self, cursor: DuckDBPyConnection) -> None:
        register_functions(cursor)

"""Activation lists: one CSV per recommended action, the files a campaign tool (e-mail, ads, CRM) imports.

Every table of the exposure `campaign_activation` (the `<source>_customer_actions` tables: one row per
customer) is split by each of its action columns into `<exports>/<source>/activation/<action>.csv`, e.g.
`exports/olist/activation/vip-protection-and-cross-sell.csv`. Columns: the customer key, `segmentation`
(kmeans_role or rfm_segment), `segment`, `action`, `region`, the forecast value (probability alive,
expected spend, discounted lifetime value), `as_of_date` (the day the data is as of) and `generated_at`
(the day the file was written). Rows run from the highest discounted lifetime value down, then by key.
Publishing writes them into the release beside the Parquet exports, so they switch with it.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import duckdb

from customer_value.warehouse.bi_tables import bi_tables

ACTIVATION_EXPOSURE = "campaign_activation"
ACTIVATION_FOLDER = "activation"
# action column -> (segmentation written in the file, the column naming the segment it belongs to)
ACTION_COLUMNS = {"segment_action": ("kmeans_role", "segment_name"), "rfm_action": ("rfm_segment", "rfm_segment")}
FORECAST_COLUMNS = ["probability_alive", "expected_spend", "discounted_lifetime_value"]


class ActivationError(RuntimeError):
    """Two recommended actions would share one file name."""


def action_file_name(action: str) -> str:
    """The file name of an action: lowercase words joined by hyphens ("VIP protection" -> vip-protection.csv)."""
    return "-".join(re.findall(r"[a-z0-9]+", action.lower())) + ".csv"


def _sql_text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _actions(connection: duckdb.DuckDBPyConnection, relation: str) -> list[tuple[str, str]]:
    """(action column, action) pairs in the table, each action once, with a check on the file names."""
    pairs = [(column, action) for column in ACTION_COLUMNS for (action,) in connection.sql(
        f"select distinct {column} from {relation} where {column} is not null order by 1").fetchall()]
    names: dict[str, tuple[str, str]] = {}
    for column, action in pairs:
        name = action_file_name(action)
        if name in names:
            raise ActivationError(
                f"the actions {names[name][1]!r} ({names[name][0]}) and {action!r} ({column}) would both be written "
                f"to {name}: give them distinct names in seeds/segment_actions.csv or seeds/rfm_segments.csv")
        names[name] = (column, action)
    return pairs


def write_activation_lists(connection: duckdb.DuckDBPyConnection, exports: Path, generated_at: date) -> list[Path]:
    """Write every activation CSV of every source under `exports`; returns the written paths."""
    present = {row[0] for row in connection.sql(
        "select table_name from information_schema.tables where table_schema = 'main'").fetchall()}
    written = []
    for source, table in bi_tables(connection, ACTIVATION_EXPOSURE):
        if table not in present:
            continue
        key = connection.sql(f"select * from main.{table} limit 0").columns[0]
        folder = exports / source / ACTIVATION_FOLDER
        folder.mkdir(parents=True, exist_ok=True)
        for column, action in _actions(connection, f"main.{table}"):
            segmentation, segment = ACTION_COLUMNS[column]
            path = folder / action_file_name(action)
            connection.execute(f"""
                copy (
                    select {key}, '{segmentation}' as segmentation, {segment} as segment, {column} as action,
                        region, {', '.join(FORECAST_COLUMNS)}, as_of_date,
                        cast('{generated_at.isoformat()}' as date) as generated_at
                    from main.{table}
                    where {column} = {_sql_text(action)}
                    order by discounted_lifetime_value desc nulls last, {key}
                ) to '{path}' (format csv, header true)""")
            written.append(path)
    return written

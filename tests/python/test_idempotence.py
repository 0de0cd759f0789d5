"""Running `dbt build` twice on the same warehouse gives identical tables."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from conftest import Build, assert_built, run_dbt_build


def snapshot(build: Build) -> dict[str, pd.DataFrame]:
    """Every table and view of every schema, rows sorted, so that only content is compared."""
    tables = build.table(
        "select table_schema, table_name from information_schema.tables order by table_schema, table_name"
    )
    result = {}
    for schema, name in tables.itertuples(index=False):
        frame = build.table(f'select * from "{schema}"."{name}"')
        result[f"{schema}.{name}"] = frame.sort_values(list(frame.columns)).reset_index(drop=True)
    return result


def test_second_build_changes_no_table(tmp_path: Path) -> None:
    first = snapshot(assert_built(run_dbt_build(tmp_path)))
    second = snapshot(assert_built(run_dbt_build(tmp_path)))
    assert first.keys() == second.keys()
    assert {"main.olist_customer_segments", "main.ecomx_clv_class_predictions"} <= first.keys()
    for name in first:
        pd.testing.assert_frame_equal(first[name], second[name], check_exact=True, obj=name)

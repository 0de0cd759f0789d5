"""A warehouse held open by another process, and readers of the published results during a build."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from conftest import WITHOUT_ML, Build, assert_built, run_dbt_build
from customer_value.warehouse.publish import publish

HOLD = """
import duckdb, sys, time
connection = duckdb.connect(sys.argv[1], read_only=sys.argv[2] == "read_only")
print("holding", flush=True)
time.sleep(120)
"""


def hold_open(warehouse: Path, mode: str) -> subprocess.Popen:
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(warehouse), mode], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "holding"
    return holder


def test_build_on_a_warehouse_held_by_a_bi_reader_fails_at_once_naming_the_lock(tmp_path: Path, sample_build: Build) -> None:
    workdir = tmp_path / "build"
    workdir.mkdir()
    shutil.copyfile(sample_build.warehouse, workdir / "warehouse.duckdb")
    holder = hold_open(workdir / "warehouse.duckdb", "read_only")
    try:
        started = time.monotonic()
        build = run_dbt_build(workdir)
        elapsed = time.monotonic() - started
    finally:
        holder.kill()
    assert build.returncode != 0
    assert "Could not set lock on file" in build.output and "Conflicting lock is held" in build.output
    assert elapsed < 60, f"took {elapsed:.0f} s: a lock must fail, not wait"


READER = """
import duckdb, json, sys, time
exports, published, stop = sys.argv[1], sys.argv[2], sys.argv[3]
import pathlib
seen, errors, reads = {}, [], 0
while not pathlib.Path(stop).exists():
    try:
        with duckdb.connect() as connection:
            for path in sorted(pathlib.Path(exports).glob("*/*.parquet")):
                n = connection.sql(f"select count(*) from read_parquet('{path}')").fetchone()[0]
                seen.setdefault(path.name, set()).add(n)
        with duckdb.connect(published, read_only=True) as connection:
            n = connection.sql("select count(*) from olist_customer_segments").fetchone()[0]
            seen.setdefault("published", set()).add(n)
        reads += 1
    except Exception as error:
        errors.append(repr(error))
print(json.dumps({"reads": reads, "errors": errors[:5], "seen": {k: sorted(v) for k, v in seen.items()}}))
"""


def test_readers_of_exports_and_published_copy_never_fail_nor_see_partial_tables(tmp_path: Path, sample_build: Build) -> None:
    import json

    workdir = tmp_path / "build"
    workdir.mkdir()
    warehouse = workdir / "warehouse.duckdb"
    shutil.copyfile(sample_build.warehouse, warehouse)
    exports, published, stop = tmp_path / "exports", tmp_path / "published.duckdb", tmp_path / "stop"
    publish(warehouse, published, exports)
    tables = sample_build.table("select distinct table_name from bi_tables")["table_name"]
    expected = {f"{t}.parquet": [sample_build.scalar(f"select count(*) from {t}")] for t in tables}
    expected["published"] = [sample_build.scalar("select count(*) from olist_customer_segments")]

    reader = subprocess.Popen([sys.executable, "-c", textwrap.dedent(READER), str(exports), str(published), str(stop)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert_built(run_dbt_build(workdir, extra_args=WITHOUT_ML))  # a refresh, while the reader reads
        publish(warehouse, published, exports)
        publish(warehouse, published, exports)
    finally:
        stop.touch()
    result = json.loads(reader.communicate(timeout=120)[0])
    assert result["errors"] == []
    assert result["reads"] > 10
    assert result["seen"] == expected

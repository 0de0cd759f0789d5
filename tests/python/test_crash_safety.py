"""`make build` killed with SIGKILL at 20 moments spread over its timeline (17 spread over dbt's nodes, 3
over the publishing that follows): after each kill, readers still see one complete earlier release (the
published warehouse copy and every Parquet export, equal to an uninterrupted build's), and the next
`make build` finishes with the same tables. A disk without room for the warehouse stops the build at once
with a sentence that says so."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections import namedtuple
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from conftest import REPO, SAMPLE_ECOMX, SAMPLE_OLIST, SAMPLE_TRANSACTIONS, Build, snapshot
from customer_value.warehouse import disk_room
from customer_value.warehouse.bi_tables import bi_tables

NODE_START = re.compile(r"\b(\d+) of (\d+) START\b")
KILLS_DURING_DBT = 17
KILLS_DURING_PUBLISHING = 3
# Stored test failures are not compared: about 480 tables whose content the other tables already decide.
AUDIT = ("dbt_test__audit",)
Layout = namedtuple("Layout", "warehouse published exports")


def layout(workdir: Path) -> Layout:
    warehouse = workdir / "warehouse" / "warehouse.duckdb"  # the name of the session build: views name it
    return Layout(warehouse, warehouse.parent / "published" / warehouse.name, workdir / "exports")


def start_make_build(workdir: Path, state: Path | None = None) -> subprocess.Popen:
    """`make build` into `workdir`, dbt's target and logs under `state` (default: `workdir`)."""
    paths, state = layout(workdir), state or workdir
    env = {**os.environ, "DBT_DUCKDB_PATH": str(paths.warehouse), "EXPORTS": str(paths.exports),
           "DBT_TARGET_PATH": str(state / "target"), "DBT_LOG_PATH": str(state / "logs"),
           "OLIST_DATA_DIR": str(SAMPLE_OLIST), "ECOMX_DATA_DIR": str(SAMPLE_ECOMX),
           "TRANSACTIONS_DATA_DIR": str(SAMPLE_TRANSACTIONS)}
    return subprocess.Popen(["make", "--no-print-directory", "build"], cwd=REPO, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)


def run_make_build(workdir: Path) -> str:
    process = start_make_build(workdir)
    output = process.communicate()[0]
    assert process.returncode == 0, output[-6000:]
    return output


def kill_make_build(workdir: Path, at_node: int) -> None:
    """Start `make build` and SIGKILL it (make, dbt and their children: the whole process group) when dbt
    starts node `at_node`."""
    process = start_make_build(workdir)
    for line in process.stdout:
        started = NODE_START.search(line)
        if started and int(started.group(1)) >= at_node:
            break
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def start_publishing(workdir: Path) -> subprocess.Popen:
    """The publishing step of `make build`, alone: the last part of its timeline."""
    paths = layout(workdir)
    command = [sys.executable, "-m", "customer_value.warehouse.publish", str(paths.warehouse), "--exports", str(paths.exports)]
    return subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, start_new_session=True)


def kill_publishing(workdir: Path, after: float) -> None:
    process = start_publishing(workdir)
    time.sleep(after)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def assert_same_tables(found: dict[str, pd.DataFrame], expected: dict[str, pd.DataFrame], what: str) -> None:
    assert found.keys() == expected.keys(), what
    for name in expected:
        pd.testing.assert_frame_equal(found[name], expected[name], check_exact=True, obj=f"{what}: {name}")


def assert_complete_release(paths: Layout, reference: dict[str, pd.DataFrame], what: str) -> None:
    """The published copy is a complete, reconciled build, and every export holds its table's rows."""
    assert_same_tables(snapshot(paths.published, AUDIT), reference, f"published copy {what}")
    with duckdb.connect(str(paths.published), read_only=True) as connection:
        assert connection.sql("select count(*) from dq_reconciliation where not is_balanced").fetchone()[0] == 0
        tables = bi_tables(connection)
        assert len(tables) > 30
        for source, table in tables:
            export = paths.exports / source / f"{table}.parquet"
            difference = connection.sql(
                f"select count(*) from ((select * from read_parquet('{export}') except all select * from main.{table})"
                f" union all (select * from main.{table} except all select * from read_parquet('{export}')))"
            ).fetchone()[0]
            assert difference == 0, f"{export} {what} differs from the published copy's {table}"


def release_digest(paths: Layout) -> str:
    """The bytes readers see: the published copy and every export. Equal to the digest of a release that
    passed assert_complete_release, they are that release, so the full check need not be repeated."""
    digest = hashlib.sha256()
    files = [paths.published.resolve(), *sorted(path.resolve() for path in paths.exports.glob("*/*.parquet"))]
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def assert_release_unchanged_or_complete(paths: Layout, verified: set[str], reference: dict[str, pd.DataFrame],
                                         what: str) -> None:
    if release_digest(paths) not in verified:
        assert_complete_release(paths, reference, what)
        verified.add(release_digest(paths))


def test_make_build_killed_at_20_moments_leaves_a_complete_release_and_the_next_build_recovers(
        tmp_path: Path, sample_build: Build) -> None:
    """The session's uninterrupted build of the bundled samples is the reference and the first release."""
    paths = layout(tmp_path)
    paths.warehouse.parent.mkdir(parents=True)
    shutil.copyfile(sample_build.warehouse, paths.warehouse)
    started = time.monotonic()
    assert start_publishing(tmp_path).wait() == 0
    publishing_seconds = time.monotonic() - started
    nodes = max(int(total) for _, total in NODE_START.findall(sample_build.output))
    reference = snapshot(sample_build, AUDIT)
    assert_complete_release(paths, reference, "after the first build")
    verified = {release_digest(paths)}

    # Publishing first, while the warehouse is complete (make build publishes only after dbt succeeded).
    for k in range(KILLS_DURING_PUBLISHING):
        after = publishing_seconds * (k + 0.5) / KILLS_DURING_PUBLISHING
        kill_publishing(tmp_path, after)
        assert_release_unchanged_or_complete(paths, verified, reference, f"after a kill {after:.2f} s into publishing")
    for k in range(KILLS_DURING_DBT):
        at_node = round(nodes * (k + 0.5) / KILLS_DURING_DBT)
        kill_make_build(tmp_path, at_node)
        assert_release_unchanged_or_complete(paths, verified, reference, f"after a kill at node {at_node} of {nodes}")

    run_make_build(tmp_path)
    assert_same_tables(snapshot(paths.warehouse, AUDIT), reference, "warehouse after the recovering build")
    assert_complete_release(paths, reference, "after the recovering build")
    releases = list((paths.published.parent / ".releases").iterdir())
    assert len(releases) <= 2, "unfinished releases of killed runs are removed"


def test_room_problem_names_the_free_and_needed_space(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "orders.csv"
    source.write_bytes(b"x" * 10_000_000)
    warehouse = str(tmp_path / "warehouse.duckdb")
    usage = shutil.disk_usage(tmp_path)
    monkeypatch.setattr(disk_room.shutil, "disk_usage", lambda _: usage._replace(free=50_000_000))
    problem = disk_room.room_problem(warehouse, str(source))
    assert "its disk has 50 MB free" in problem and "needs about 142 MB" in problem and "DBT_DUCKDB_PATH" in problem
    monkeypatch.setattr(disk_room.shutil, "disk_usage", lambda _: usage._replace(free=142_500_000))
    assert disk_room.room_problem(warehouse, str(source)) == ""


def test_room_counts_duckdbs_spill_on_the_warehouse_disk_and_checks_a_spill_disk_of_its_own(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """10 MB of CSV: 142.5 MB of warehouse and 12 MB of spill (SPILL_PER_INPUT_BYTE)."""
    source = tmp_path / "orders.csv"
    source.write_bytes(b"x" * 10_000_000)
    warehouse, spill = str(tmp_path / "warehouse.duckdb"), str(tmp_path / "warehouse.duckdb.spill")
    usage = shutil.disk_usage(tmp_path)
    free = {"warehouse": 150_000_000, "spill": 150_000_000}
    monkeypatch.setattr(disk_room.shutil, "disk_usage", lambda path: usage._replace(
        free=free["spill" if str(path).endswith(".spill") else "warehouse"]))
    problem = disk_room.room_problem(warehouse, str(source), spill)
    assert "needs about 142 MB, and 12 MB more for DuckDB's spill folder" in problem
    free["warehouse"] = 154_500_000
    assert disk_room.room_problem(warehouse, str(source), spill) == ""

    # The spill folder on a disk of its own: each disk needs room for its part only.
    Path(spill).mkdir()
    monkeypatch.setattr(disk_room, "_device", lambda path: 2 if str(path).endswith(".spill") else 1)
    free.update(warehouse=142_500_000, spill=11_000_000)
    problem = disk_room.room_problem(warehouse, str(source), spill)
    assert problem.startswith(f"no room for DuckDB's spill folder {spill}: its disk has 11 MB free")
    assert "may spill about 12 MB" in problem and "DUCKDB_TEMP_DIRECTORY" in problem
    free["spill"] = 12_000_000
    assert disk_room.room_problem(warehouse, str(source), spill) == ""


def test_build_on_a_disk_without_room_fails_at_once_saying_so(tmp_path: Path) -> None:
    disk = tmp_path / "small_disk"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=20m", "tmpfs", str(disk)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small file system here: {mounted.stderr.decode().strip()}")
    try:
        started = time.monotonic()
        process = start_make_build(disk, state=tmp_path)
        output = process.communicate()[0]
        elapsed = time.monotonic() - started
    finally:
        subprocess.run(["umount", "--lazy", str(disk)], check=False)
    assert process.returncode != 0
    assert "Not enough disk space: no room for the warehouse" in output and "MB free" in output, output[-3000:]
    assert elapsed < 60

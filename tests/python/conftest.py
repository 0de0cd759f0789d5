"""Shared fixtures: run `dbt build` into a throw-away warehouse and read its tables."""

from __future__ import annotations

import atexit
import contextlib
import fcntl
import functools
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
import pytest

REPO = Path(__file__).resolve().parents[2]
SAMPLE_OLIST = REPO / "data" / "sample" / "olist"
SAMPLE_ECOMX = REPO / "data" / "sample" / "ecomx"
SAMPLE_TRANSACTIONS = REPO / "data" / "sample" / "transactions"
REAL_OLIST_500 = REPO.parent / "shared" / "data" / "olist_real_sample_500"
DBT = Path(sys.executable).with_name("dbt")
COUNT_FITS = Path(__file__).with_name("count_fits.py")
WAREHOUSE = "warehouse.duckdb"
PARTIAL_PARSE = "partial_parse.msgpack"
SAMPLE_FITS = "fits.json"  # beside the session's sample build: its scikit-learn fits, counted (count_fits.py)


@dataclass
class Build:
    """The outcome of one `dbt build`: its warehouse, exit code and console output."""

    warehouse: Path
    returncode: int
    output: str

    def table(self, sql: str) -> pd.DataFrame:
        with duckdb.connect(str(self.warehouse), read_only=True) as connection:
            return connection.sql(sql).df()

    def scalar(self, sql: str):
        with duckdb.connect(str(self.warehouse), read_only=True) as connection:
            return connection.sql(sql).fetchone()[0]


def run_dbt_build(
    workdir: Path,
    olist_dir: Path = SAMPLE_OLIST,
    ecomx_dir: Path = SAMPLE_ECOMX,
    transactions_dir: Path = SAMPLE_TRANSACTIONS,
    select: list[str] | None = None,
    extra_args: list[str] | None = None,
    target_dir: Path | None = None,
    count_fits_to: Path | None = None,
) -> Build:
    """Build the project on the given folders into `workdir/warehouse.duckdb`; never raises on failure.

    `target_dir` lets consecutive builds share dbt's target folder. Every build starts from the session's
    parse of the project (dbt's partial parsing), which a full parse would otherwise cost each build.
    `count_fits_to` runs the build through count_fits.py, which writes there how often each model fitted
    each scikit-learn estimator.
    """
    workdir.mkdir(parents=True, exist_ok=True)
    target = target_dir or workdir / "target"
    target.mkdir(parents=True, exist_ok=True)
    if not (target / PARTIAL_PARSE).exists():
        shutil.copyfile(parsed_project() / PARTIAL_PARSE, target / PARTIAL_PARSE)
    env = dbt_env(olist_dir, ecomx_dir, transactions_dir)
    runner = [sys.executable, str(COUNT_FITS), str(count_fits_to)] if count_fits_to else [str(DBT)]
    command = [*runner, "build", "--project-dir", str(REPO), "--target-path", str(target),
               "--log-path", str(workdir / "logs")]
    if select:
        command += ["--select", *select]
    command += extra_args or []
    result = subprocess.run(command, cwd=workdir, env=env, capture_output=True, text=True)
    return Build(workdir / WAREHOUSE, result.returncode, result.stdout + result.stderr)


def dbt_env(olist_dir: Path, ecomx_dir: Path, transactions_dir: Path) -> dict[str, str]:
    """The warehouse path is relative to the build's folder: the profile, whose connection settings dbt
    hashes to decide whether a parse still holds, is then the same for every build."""
    return {**os.environ, "OLIST_DATA_DIR": str(olist_dir), "ECOMX_DATA_DIR": str(ecomx_dir),
            "TRANSACTIONS_DATA_DIR": str(transactions_dir), "DBT_DUCKDB_PATH": WAREHOUSE,
            "DBT_PROFILES_DIR": str(REPO), "DBT_SEND_ANONYMOUS_USAGE_STATS": "False"}


@functools.cache
def parsed_project() -> Path:
    """A target folder holding dbt's parse of the project, made once per test session."""
    home = Path(tempfile.mkdtemp(prefix="dbt_parse_"))
    atexit.register(shutil.rmtree, home, True)
    command = [str(DBT), "parse", "--project-dir", str(REPO), "--target-path", str(home / "target"),
               "--log-path", str(home / "logs")]
    result = subprocess.run(command, cwd=home, env=dbt_env(SAMPLE_OLIST, SAMPLE_ECOMX, SAMPLE_TRANSACTIONS),
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return home / "target"


def snapshot(build: Build | Path, without_schemas: tuple[str, ...] = ()) -> dict[str, pd.DataFrame]:
    """Every table and view of every schema, rows sorted, so that only content is compared. One connection
    for all of them: about 600 tables (most of them stored test failures), each connection costs 0.1 s."""
    result = {}
    warehouse = build.warehouse if isinstance(build, Build) else build
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        tables = connection.sql(
            "select table_schema, table_name from information_schema.tables order by table_schema, table_name"
        ).fetchall()
        tables = [(schema, name) for schema, name in tables if schema not in without_schemas]
        for schema, name in tables:
            frame = connection.sql(f'select * from "{schema}"."{name}" order by all').df()
            for column in frame.columns[frame.dtypes == object]:
                # BLOB cells (the pickled estimators) arrive as unhashable bytearrays; bytes compare by content.
                frame[column] = frame[column].map(lambda cell: bytes(cell) if isinstance(cell, bytearray) else cell)
            result[f"{schema}.{name}"] = frame
    return result


WITHOUT_ML = ["--exclude", "tag:ml+"]
# The files that start the session, in this order: the longest (about a third of the suite's time: 20 builds
# killed midway), then the longest whose builds do not need the session's sample build, which the first worker
# makes meanwhile.
FIRST_FILES = ("test_crash_safety.py", "test_bad_inputs.py")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """FIRST_FILES first. `make test` runs two pytest-xdist workers, each taking whole files in this order:
    the long file then runs beside all the others instead of after them, and the second worker builds
    while the first makes the sample build both use."""
    rank = {name: position for position, name in enumerate(FIRST_FILES)}
    items.sort(key=lambda item: rank.get(item.path.name, len(FIRST_FILES)))


@pytest.fixture(autouse=True)
def _close_app_connections():
    """The app (tests driving it with AppTest) keeps its read-only connections in Streamlit's resource cache;
    close them after each test, or the next build of the same warehouse would find it locked."""
    yield
    if "streamlit" in sys.modules:
        import streamlit

        streamlit.cache_resource.clear()


def assert_built(build: Build) -> Build:
    assert build.returncode == 0, build.output[-6000:]
    return build


@dataclass
class Release:
    """A build published as `make build` publishes it: the read-only warehouse copy and the exports folder."""

    published: Path
    exports: Path


@pytest.fixture(scope="session")
def sample_release(tmp_path_factory: pytest.TempPathFactory, sample_build: Build) -> Release:
    """The session's sample build, published once (a copy: the build itself stays untouched)."""
    from customer_value.warehouse.publish import publish

    home = tmp_path_factory.mktemp("sample_release")
    warehouse = home / "warehouse" / sample_build.warehouse.name
    warehouse.parent.mkdir()
    shutil.copyfile(sample_build.warehouse, warehouse)
    release = Release(warehouse.parent / "published" / warehouse.name, home / "exports")
    publish(warehouse, release.published, release.exports)
    return release


@contextlib.contextmanager
def one_worker_at_a_time(lock: Path) -> Iterator[None]:
    """An exclusive lock on the file `lock`: another pytest-xdist worker arriving here waits."""
    with open(lock, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def session_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test session's temporary folder, which every pytest-xdist worker sees (each worker's own
    folder is a subfolder of it)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The bundled samples (Olist, EcomX and the CDNOW transactions), built once per test session: the first
    worker to need them builds, the other reads the same warehouse (every test reads it read-only or copies
    it). The build counts its scikit-learn fits into SAMPLE_FITS beside the warehouse (test_fit_once.py),
    so that check needs no build of its own."""
    shared = session_folder(tmp_path_factory)
    workdir = shared / "samples"
    outcome = workdir / "build.json"
    with one_worker_at_a_time(shared / "samples.lock"):
        if not outcome.exists():
            build = run_dbt_build(workdir, count_fits_to=workdir / SAMPLE_FITS)
            outcome.write_text(json.dumps({"returncode": build.returncode, "output": build.output}))
    finished = json.loads(outcome.read_text())
    return assert_built(Build(workdir / WAREHOUSE, finished["returncode"], finished["output"]))

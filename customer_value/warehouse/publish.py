"""Publish the last good build for readers: a read-only copy of the warehouse and Parquet exports.

DuckDB lets one process write a database file or many read it, never both. A BI tool that keeps the
warehouse open would make `dbt build` fail, and a build would lock the tool out. So after each successful
build this module publishes a *release*:
  - warehouse/published/customer_value.duckdb: a copy of the warehouse, for DuckDB clients;
  - exports/<source>/<table>.parquet: every BI-facing table (every table a dbt exposure reads, listed in
    the bi_tables model), readable by any DuckDB version, pandas, Spark or a BI tool;
  - exports/<source>/activation/<action>.csv: one list of customers per recommended action, for campaign
    tools (customer_value/warehouse/activation.py).

Both belong to one release: a folder `<published folder>/.releases/<id>/` holding the copy and `exports/`.
The symbolic link `<published folder>/.current` names the release readers see, and the paths readers
open are fixed links through it (`customer_value.duckdb -> .current/customer_value.duckdb`,
`exports -> <published folder>/.current/exports`). A release is written completely first, then `.current`
is switched in one rename, so a reader, or a build killed at any moment, leaves the warehouse copy and
every export of one complete release, never a mix of two. The previous release is kept for readers that
still hold its files open; older and unfinished ones are removed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import time
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from customer_value.warehouse.activation import ActivationError, write_activation_lists
from customer_value.warehouse.bi_tables import bi_tables

RELEASES = ".releases"
CURRENT = ".current"
# Parquet exports are a fraction of the warehouse; what publishing needs free on top of the copy itself.
EXPORT_ROOM_SHARE = 0.5


class NoRoomError(RuntimeError):
    """The disk has no room for a new release; the previous one stays published."""


def export_tables(connection: duckdb.DuckDBPyConnection, exports: Path) -> list[Path]:
    present = {row[0] for row in connection.sql(
        "select table_name from information_schema.tables where table_schema = 'main'").fetchall()}
    written = []
    for source, table in bi_tables(connection):
        if table not in present:
            continue
        target = exports / source / f"{table}.parquet"
        target.parent.mkdir(parents=True, exist_ok=True)
        connection.execute(f"copy (select * from main.{table}) to '{target}' (format parquet)")
        written.append(target)
    return written


def publish(warehouse: Path, published: Path, exports: Path) -> list[Path]:
    """Checkpoint the warehouse, write a new release (copy and exports), then make it the current one."""
    home = published.parent
    release = home / RELEASES / f"{time.time_ns():020d}-{os.getpid()}"
    release.mkdir(parents=True)
    with duckdb.connect(str(warehouse)) as connection:
        connection.execute("checkpoint")
        check_room(warehouse, release)
        written = export_tables(connection, release / "exports")
        written += write_activation_lists(connection, release / "exports", datetime.now(timezone.utc).date())
    shutil.copyfile(warehouse, release / published.name)
    _link(published, Path(CURRENT) / published.name)
    _link(exports, Path(os.path.relpath(home.absolute() / CURRENT / "exports", exports.absolute().parent)))
    previous = _current_release(home)
    _switch(home / CURRENT, Path(RELEASES) / release.name)
    _remove_releases(home, keep={release.name, previous})
    return [published, *(exports / path.relative_to(release / "exports") for path in written)]


def check_room(warehouse: Path, folder: Path) -> None:
    needed = int(warehouse.stat().st_size * (1 + EXPORT_ROOM_SHARE))
    free = shutil.disk_usage(folder).free
    if free < needed:
        raise NoRoomError(
            f"No room to publish {warehouse}: a release needs about {needed / 1e6:,.0f} MB (the warehouse copy "
            f"and its Parquet exports) and {folder} has {free / 1e6:,.0f} MB free. The previous release stays "
            "published; free some disk space and run `make build` again.")


def _link(path: Path, target: Path) -> None:
    """Make `path` a symbolic link to `target` (replacing a file or folder of an older layout)."""
    if path.is_symlink() and Path(os.readlink(path)) == target:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    _switch(path, target)


def _switch(link: Path, target: Path) -> None:
    """Point `link` at `target` in one rename: a reader sees the old target or the new one."""
    temporary = link.with_name(f".{link.name}.{os.getpid()}.tmp")
    temporary.unlink(missing_ok=True)
    os.symlink(target, temporary)
    os.replace(temporary, link)


def _current_release(home: Path) -> str | None:
    link = home / CURRENT
    return Path(os.readlink(link)).name if link.is_symlink() else None


def _remove_releases(home: Path, keep: set[str | None]) -> None:
    """Remove every release but `keep` (the new one and the one readers saw until now), unfinished ones
    of killed runs included."""
    for path in (home / RELEASES).iterdir():
        if path.name not in keep:
            shutil.rmtree(path, ignore_errors=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m customer_value.warehouse.publish")
    parser.add_argument("warehouse", type=Path)
    parser.add_argument("--published", type=Path, default=None,
                        help="copy for readers (default: <warehouse folder>/published/<warehouse name>)")
    parser.add_argument("--exports", type=Path, default=Path("exports"))
    args = parser.parse_args(argv)
    published = args.published or args.warehouse.parent / "published" / args.warehouse.name
    try:
        written = publish(args.warehouse, published, args.exports)
    except (NoRoomError, ActivationError) as error:
        raise SystemExit(str(error)) from None
    lists = sum(path.suffix == ".csv" for path in written)
    print(f"Published {published}, {len(written) - 1 - lists} Parquet exports and {lists} activation lists "
          f"under {args.exports}/")


if __name__ == "__main__":
    main()

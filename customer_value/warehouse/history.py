"""`make history`: backfill a source's segment history by building it as of a series of days.

Each day is one `dbt build` of the source's history lineage (staging to segment transitions, with their
tests) with var `as_of_date`, in date order, into the warehouse of `DBT_DUCKDB_PATH`. History is recorded
forward in time only, so when the warehouse already records days, they are replayed with the requested
ones: the source's history is reset, then every day of both lists is built in order. A replayed day gives
what it gave before as long as the input files still hold its purchases (an export that only grows).
"""

from __future__ import annotations

import argparse
import calendar
import os
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import duckdb

STEPS = ("day", "week", "month", "quarter")


def add_months(day: date, months: int, month_end: bool) -> date:
    """The same day `months` later (the month's last day when `month_end`, or when the month is shorter)."""
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    last = calendar.monthrange(year, month)[1]
    return date(year, month, last if month_end else min(day.day, last))


def as_of_dates(start: date, end: date, every: str) -> list[date]:
    """The days from `start` to `end` (both included when on the step), one `every` apart. A month or
    quarter step from a month's last day keeps to months' last days (2017-06-30, 2017-07-31, ...)."""
    if end < start:
        raise ValueError(f"TO ({end}) is before FROM ({start})")
    if every not in STEPS:
        raise ValueError(f"EVERY must be one of {', '.join(STEPS)}, not {every!r}")
    month_end = start.day == calendar.monthrange(start.year, start.month)[1]
    days = []
    for n in range(100_000):
        if every == "day":
            day = start + timedelta(days=n)
        elif every == "week":
            day = start + timedelta(weeks=n)
        else:
            day = add_months(start, n * (1 if every == "month" else 3), month_end)
        if day > end:
            return days
        days.append(day)
    raise ValueError("more than 100,000 as-of dates: choose a longer EVERY")


def recorded_dates(warehouse: Path, source: str) -> list[date]:
    """The as-of dates the warehouse's segment history of `source` records (none when it has none)."""
    if not warehouse.exists():
        return []
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        found = connection.execute(
            "select table_schema from information_schema.tables where table_name = $name",
            {"name": f"int_{source}__segment_history_dates"},
        ).fetchall()
        if not found:
            return []
        rows = connection.sql(
            f'select as_of_date from "{found[0][0]}"."int_{source}__segment_history_dates" order by 1').fetchall()
    return [row[0] for row in rows]


def history_sources(project: Path) -> list[str]:
    """The sources whose segment transitions the dbt project in `project` builds (one model per source)."""
    return sorted(path.stem.removesuffix("_segment_transitions")
                  for path in project.glob("models/marts/*/*_segment_transitions.sql"))


def dbt_command(*arguments: str) -> list[str]:
    return [str(Path(sys.executable).with_name("dbt")), *arguments]


def build_as_of(source: str, day: date) -> None:
    """One dbt build of the source's history lineage as of `day`; tests that also read other models are
    left out (cautious), since those models are not rebuilt as of the day."""
    command = dbt_command(
        "build", "--select", f"+{source}_segment_transitions", "--indirect-selection", "cautious",
        "--vars", f"{{as_of_date: '{day.isoformat()}'}}")
    started = time.monotonic()
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if result.returncode != 0:
        print(result.stdout[-6000:])
        raise SystemExit(f"make history: the build as of {day} failed (output above); the history records the days before it")
    print(f"  {source} as of {day}: built in {time.monotonic() - started:.1f} s", flush=True)


def backfill(source: str, days: list[date], warehouse: Path) -> list[date]:
    """Build `days` in order, replaying the days already recorded; return the days built."""
    recorded = recorded_dates(warehouse, source)
    to_build = sorted(days)
    if recorded and min(days) <= max(recorded):
        print(f"The warehouse records {len(recorded)} as-of date(s) of {source} ({recorded[0]} to {recorded[-1]}):"
              " history is recorded forward in time, so they are rebuilt in order with the requested ones.")
        subprocess.run(dbt_command("run-operation", "reset_segment_history", "--args", f"{{source: {source}}}"),
                       check=True, stdout=subprocess.DEVNULL)
        to_build = sorted(set(days) | set(recorded))
    for day in to_build:
        build_as_of(source, day)
    return to_build


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m customer_value.warehouse.history", description=__doc__)
    parser.add_argument("--source", choices=history_sources(Path.cwd()), default="olist")
    parser.add_argument("--from", dest="start", type=date.fromisoformat, required=True, help="first as-of date, YYYY-MM-DD")
    parser.add_argument("--to", dest="end", type=date.fromisoformat, required=True, help="last as-of date, YYYY-MM-DD")
    parser.add_argument("--every", choices=STEPS, default="month")
    arguments = parser.parse_args(argv)
    warehouse = Path(os.environ.get("DBT_DUCKDB_PATH", "warehouse/customer_value.duckdb"))
    days = as_of_dates(arguments.start, arguments.end, arguments.every)
    started = time.monotonic()
    built = backfill(arguments.source, days, warehouse)
    print(f"Segment history of {arguments.source}: {len(built)} as-of date(s) built in {time.monotonic() - started:.0f} s;"
          f" recorded: {', '.join(str(day) for day in recorded_dates(warehouse, arguments.source))}.")
    print(f"The {arguments.source} tables are now as of {built[-1]}; `make build` brings the whole warehouse to all"
          " data (recording the data's last day too) and publishes it.")


if __name__ == "__main__":
    main()

"""Command line: `python -m customer_value.report --warehouse PATH --out DIR`; prints the written files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import duckdb

from customer_value.report.build import build_reports
from customer_value.report.data import ReportInputError


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m customer_value.report", description=__doc__)
    parser.add_argument("--warehouse", type=Path, default=Path("warehouse/customer_value.duckdb"),
                        help="DuckDB warehouse built by `dbt build` (opened read-only)")
    parser.add_argument("--out", type=Path, default=Path("reports"), help="folder for the HTML files")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    try:
        written = build_reports(args.warehouse, args.out)
    except (FileNotFoundError, ReportInputError, duckdb.Error) as error:
        print(f"report: {error}", file=sys.stderr)
        return 1
    if not written:
        print(f"report: no report tables in {args.warehouse}: run `make build` first.", file=sys.stderr)
        return 1
    for path in written:
        print(f"Report: {path.resolve()} ({path.stat().st_size / 1024:,.0f} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

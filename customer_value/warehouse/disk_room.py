"""Is there room on the warehouse's disk for a build? Checked before any model runs (check_input_files),
so that a build that would fill the disk fails at once with a sentence that says so, instead of after
minutes with an I/O error in the middle of a table.

The estimate, per byte of the files the build reads (the sources; Olist's order items file is not one):
about 1.45 bytes of warehouse per byte of CSV and 3.7 per byte of Parquet, which compresses the text
several times better, plus a fixed 128 MB (the small tables of tests and settings, the bundled samples of
the other sources). Measured on generated Olist folders (docs/benchmarks.md, 2026-12-07): the 10M-order
warehouse is 4.52 GB for 3.17 GB of source CSV (1.42) and would be 3.56 times the same orders' 1.27 GB of
Parquet (100M orders: 12.7 GB); the 1M-order one is 0.55 GB for 0.32 GB. A warehouse already on the disk
counts as room, since the build rewrites its tables in place."""

from __future__ import annotations

import shutil
from pathlib import Path

BASE_BYTES = 128_000_000
BYTES_PER_INPUT_BYTE = {".csv": 1.45, ".parquet": 3.7}


def needed_bytes(inputs: list[Path]) -> int:
    return BASE_BYTES + int(sum(path.stat().st_size * BYTES_PER_INPUT_BYTE.get(path.suffix, 1.0)
                                for path in inputs if path.exists()))


def room_problem(warehouse: str, inputs: str) -> str:
    """'' when the disk of `warehouse` has room for a build of the files listed in `inputs` (one path per
    line); otherwise the sentence for the user."""
    files = [Path(line) for line in inputs.splitlines() if line]
    path = Path(warehouse)
    needed = needed_bytes(files)
    existing = path.stat().st_size if path.exists() else 0
    free = shutil.disk_usage(path.parent if path.parent.exists() else Path.cwd()).free
    if free + existing >= needed:
        return ""
    input_bytes = sum(file.stat().st_size for file in files if file.exists())
    return (f"no room for the warehouse {warehouse}: its disk has {free / 1e6:,.0f} MB free, and a build of "
            f"these inputs ({input_bytes / 1e6:,.0f} MB in {len(files)} files) needs about {needed / 1e6:,.0f} MB. "
            "Free some disk space, or set DBT_DUCKDB_PATH (and DUCKDB_TEMP_DIRECTORY, where DuckDB spills) to a "
            "disk with more room")

"""Is there room on the warehouse's disk for a build? Checked before any model runs (check_input_files),
so that a build that would fill the disk fails at once with a sentence that says so, instead of after
minutes with an I/O error in the middle of a table.

The estimate: the warehouse holds about one byte per byte of CSV input (measured: 4.5 GB for 4.4 GB of
Olist CSV) and about three per byte of Parquet (which compresses several times better), plus a fixed
64 MB for the ~600 small tables of tests and settings. A warehouse already on the disk counts as room,
since the build rewrites its tables in place."""

from __future__ import annotations

import shutil
from pathlib import Path

BASE_BYTES = 64_000_000
BYTES_PER_INPUT_BYTE = {".csv": 1.0, ".parquet": 3.0}


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

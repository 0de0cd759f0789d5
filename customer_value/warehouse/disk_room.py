"""Is there room on the warehouse's disk for a build? Checked before any model runs (check_input_files),
so that a build that would fill the disk fails at once with a sentence that says so, instead of after
minutes with an I/O error in the middle of a table.

The estimate, per byte of the files the build reads (the sources; Olist's order items file is not one):
about 1.45 bytes of warehouse per byte of CSV and 2.6 per byte of Parquet, which compresses the text
several times better and is read in place, not copied (staging views), plus a fixed 128 MB (the small tables of
tests and settings, the bundled samples of the other sources). Measured on generated Olist folders
(docs/benchmarks.md, 2026-12-07): the 10M-order warehouse is 4.52 GB for 3.17 GB of source CSV (1.42) and
3.23 GB for the same orders' 1.27 GB of Parquet (2.54; 100M orders: 12.7 GB); the 1M-order one is 0.55 GB for
0.32 GB of CSV. A warehouse already on the disk counts as room, since the build rewrites its tables in place.

DuckDB spills what does not fit in its memory limit to its temporary folder, by default beside the warehouse:
1.2 bytes per byte of CSV and 3.0 per byte of Parquet at the peak. Measured with the 3GB limit: 2.72 GB of spill at
10M orders (0.86 per byte of CSV), 2.38 GB from the same orders as Parquet (1.9 per byte); at 100M orders (12.7 GB of
Parquet, staged as tables then) one validation model alone spilled 35 GB before the disk was full (2.8 per byte,
and it needed more). The full build of those 100M orders read in place (2026-12-07, 8GB limit) spilled up to 39.2 GB
(3.1 per byte) and ran out of disk with 65.1 GB in use at once (27.5 GB of warehouse, 37.6 GB of spill; 5.1 per
byte, and it needed more; 5.6 per byte are asked here). On the warehouse's disk both must fit; a spill folder on
another disk needs room for the spill there."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

BASE_BYTES = 128_000_000
BYTES_PER_INPUT_BYTE = {".csv": 1.45, ".parquet": 2.6}
SPILL_PER_INPUT_BYTE = {".csv": 1.2, ".parquet": 3.0}


def needed_bytes(inputs: list[Path]) -> int:
    return BASE_BYTES + _per_input_byte(inputs, BYTES_PER_INPUT_BYTE)


def spill_bytes(inputs: list[Path]) -> int:
    return _per_input_byte(inputs, SPILL_PER_INPUT_BYTE)


def room_problem(warehouse: str, inputs: str, spill_directory: str = "") -> str:
    """'' when the disk of `warehouse` has room for a build of the files listed in `inputs` (one path per
    line), and the disk of `spill_directory` (DuckDB's temporary folder; '' = none) for its spill;
    otherwise the sentence for the user."""
    files = [Path(line) for line in inputs.splitlines() if line]
    path = Path(warehouse)
    existing = path.stat().st_size if path.exists() else 0
    needed, spill = needed_bytes(files), spill_bytes(files) if spill_directory else 0
    same_disk = bool(spill_directory) and _device(Path(spill_directory)) == _device(path)
    free = _free(path)
    if free + existing < needed + (spill if same_disk else 0):
        what = f"{needed / 1e6:,.0f} MB" + (f", and {spill / 1e6:,.0f} MB more for DuckDB's spill folder "
                                            f"{spill_directory}" if same_disk else "")
        return (f"no room for the warehouse {warehouse}: its disk has {free / 1e6:,.0f} MB free, and a build of "
                f"{_described(files)} needs about {what}. Free some disk space, or set DBT_DUCKDB_PATH (and "
                "DUCKDB_TEMP_DIRECTORY, where DuckDB spills) to a disk with more room")
    spill_free = _free(Path(spill_directory)) if spill and not same_disk else spill
    if spill_free < spill:
        return (f"no room for DuckDB's spill folder {spill_directory}: its disk has "
                f"{spill_free / 1e6:,.0f} MB free, and a build of {_described(files)} may spill "
                f"about {spill / 1e6:,.0f} MB. Free some disk space, or set DUCKDB_TEMP_DIRECTORY to a disk with "
                "more room")
    return ""


def _per_input_byte(inputs: list[Path], factors: dict[str, float]) -> int:
    return int(sum(path.stat().st_size * factors.get(path.suffix, factors[".csv"])
                   for path in inputs if path.exists()))


def _described(files: list[Path]) -> str:
    input_bytes = sum(file.stat().st_size for file in files if file.exists())
    return f"these inputs ({input_bytes / 1e6:,.0f} MB in {len(files)} files)"


def _existing(path: Path) -> Path:
    """The path, or its nearest folder that exists (a warehouse or spill folder not made yet)."""
    path = path.absolute()
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def _device(path: Path) -> int:
    return os.stat(_existing(path)).st_dev


def _free(path: Path) -> int:
    return shutil.disk_usage(_existing(path)).free

"""Generated Olist folders for the benchmark, made once and reused: `<data dir>/olist_<orders>_<format>/`.

A folder counts as made only when its marker file names the same generator settings, so a generation that
was interrupted (or made with other settings) is made again rather than measured half-written."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

SEED = 7
MARKER = ".generated"


def generated_folder(data_dir: Path, orders: int, file_format: str) -> Path:
    folder = data_dir / f"olist_{orders}_{file_format}"
    settings = f"olist orders={orders} seed={SEED} format={file_format}\n"
    marker = folder / MARKER
    if marker.exists() and marker.read_text() == settings:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    print(f"Generating {orders:,} Olist orders ({file_format}) into {folder} (once; reused afterwards)", flush=True)
    subprocess.run([sys.executable, "-m", "customer_value.samples", "olist", "--orders", str(orders),
                    "--seed", str(SEED), "--out", str(folder), "--format", file_format], check=True)
    marker.write_text(settings)
    return folder


def folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.iterdir() if path.is_file() and path.name != MARKER)

"""Turn a generated folder of CSV files into the same files as Parquet (`--format parquet`).

Each `<name>.csv` becomes `<name>.parquet` with the same column names and typed columns (DuckDB's type
detection: whole numbers, decimals, dates, timestamps, text), then the CSV is removed: a folder holding both
is refused by the build. Zip prefixes stay text ("01013" is not the number 1013). One file is converted at a
time, so the extra disk needed is one file's Parquet copy.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

TEXT_COLUMN_ENDINGS = ("_zip_code_prefix",)
# No BOOLEAN: DuckDB would read EcomX's Yes/No responses as true/false, which the files never hold.
TYPE_CANDIDATES = ("BIGINT", "DOUBLE", "DATE", "TIMESTAMP", "VARCHAR")


def convert_folder_to_parquet(folder: Path) -> list[Path]:
    written = []
    with duckdb.connect() as connection:
        for csv in sorted(Path(folder).glob("*.csv")):
            written.append(_convert(connection, csv))
            csv.unlink()
    return written


def _convert(connection: duckdb.DuckDBPyConnection, csv: Path) -> Path:
    header = connection.execute(
        "select * from read_csv(?, header = true, all_varchar = true) limit 0", [str(csv)]).description
    text = {name: "VARCHAR" for name, *_ in header if name.endswith(TEXT_COLUMN_ENDINGS)}
    target = csv.with_suffix(".parquet")
    temporary = target.with_name(f".{target.name}.tmp")
    connection.execute(
        f"copy (select * from read_csv(?, header = true, {_types(text)}"
        f"auto_type_candidates = {list(TYPE_CANDIDATES)})) to '{temporary}' (format parquet, compression zstd)",
        [str(csv)])
    temporary.rename(target)
    return target


def _types(types: dict[str, str]) -> str:
    if not types:
        return ""
    return "types = {" + ", ".join(f"'{name}': '{kind}'" for name, kind in types.items()) + "}, "

"""`make bench`: `dbt build` against the notebook's pandas pipeline on the same generated Olist folders.

    python -m customer_value.bench [--orders 1000000 10000000] [--format csv|parquet] [--repeat N]

For each size it generates the folder once (cached under --data-dir), then runs, alternating, the pandas
pipeline (customer_value/bench/olist_notebook.py), `dbt build` into a fresh warehouse, and `dbt build
--selector olist_notebook` (the notebook's work with the data-quality steps on its inputs, selectors.yml) into
another, each as a child process measured for wall time and peak RSS. EcomX and transactions are the bundled
samples in every build.
A pipeline that fails (the pandas one may run out of memory at large sizes) is recorded as such. Results go
to docs/benchmarks.json and the generated section of docs/benchmarks.md; with --repeat the median of the
runs is kept.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import sys
from pathlib import Path

from customer_value.bench.folders import folder_bytes, generated_folder
from customer_value.bench.measure import Measurement, measure
from customer_value.bench.results import Result, Side, load, machine_description, save, write_section

REPO = Path(__file__).resolve().parents[2]
SLOWEST_NODES = 6
# The like-for-like build: what the pandas pipeline computes, as selectors.yml defines it.
NOTEBOOK_SELECTOR = "olist_notebook"


def main(argv: list[str] | None = None) -> None:
    args = _parser().parse_args(argv)
    store, document = args.docs / "benchmarks.json", args.docs / "benchmarks.md"
    results = load(store)
    for orders in args.orders:
        result = bench_size(orders, args.format, args.data_dir, args.work_dir, args.repeat)
        results[result.key] = result
        save(store, results)
        write_section(document, results)
        print(_summary(result), flush=True)
    print(f"Written to {document} and {store}")


def bench_size(orders: int, file_format: str, data_dir: Path, work_dir: Path, repeat: int) -> Result:
    folder = generated_folder(data_dir, orders, file_format)
    pandas_runs, dbt_runs, selection_runs, warehouse_sizes, nodes = [], [], [], [], []
    for run in range(repeat):
        label = work_dir / f"olist_{orders}_{file_format}_{run}"
        pandas_runs.append(_run_pandas(folder, label))
        dbt_run, warehouse_bytes, slowest = _run_dbt(folder, label)
        dbt_runs.append(dbt_run)
        warehouse_sizes.append(warehouse_bytes)
        nodes = slowest
        selection_runs.append(_run_dbt(folder, label.with_name(f"{label.name}_{NOTEBOOK_SELECTOR}"),
                                       ["--selector", NOTEBOOK_SELECTOR])[0])
    return Result(orders=orders, file_format=file_format, input_bytes=folder_bytes(folder),
                  pandas=_median(pandas_runs), dbt=_median(dbt_runs),
                  warehouse_bytes=int(statistics.median(warehouse_sizes)), slowest_nodes=nodes,
                  measured_on=dt.date.today().isoformat(), machine=machine_description(),
                  notebook_selection=_median(selection_runs))


def _run_pandas(folder: Path, label: Path) -> Measurement:
    print(f"pandas pipeline on {folder}", flush=True)
    command = [sys.executable, "-m", "customer_value.bench.olist_notebook", str(folder)]
    return measure(command, dict(os.environ), label.with_suffix(".pandas.log"), REPO)


def _run_dbt(folder: Path, label: Path, selection: list[str] | None = None
             ) -> tuple[Measurement, int, list[tuple[str, float]]]:
    """`dbt build` (of `selection`, default everything) into a fresh warehouse. The project is parsed first,
    untimed, into the target folder the build then uses, so the build pays what every build after a
    project's first one pays (partial parsing), not the one-off full parse."""
    selection = selection or []
    print(" ".join(["dbt build", *selection, "on", str(folder)]), flush=True)
    warehouse, target = label.with_suffix(".duckdb"), label.parent / "target"
    _remove(warehouse)
    env = {**os.environ, "OLIST_DATA_DIR": str(folder), "DBT_DUCKDB_PATH": str(warehouse),
           "DBT_PROFILES_DIR": str(REPO), "DBT_SEND_ANONYMOUS_USAGE_STATS": "False"}
    dbt = Path(sys.executable).with_name("dbt")
    measure([str(dbt), "parse", "--target-path", str(target)], env, label.with_suffix(".parse.log"), REPO)
    (target / "run_results.json").unlink(missing_ok=True)
    run = measure([str(dbt), "build", *selection, "--target-path", str(target)], env, label.with_suffix(".dbt.log"),
                  REPO)
    size = sum(path.stat().st_size for path in warehouse.parent.glob(warehouse.name + "*") if path.is_file())
    slowest = _slowest_nodes(target / "run_results.json")
    if (target / "run_results.json").exists():  # every node's timing, kept beside the log
        shutil.copyfile(target / "run_results.json", label.with_suffix(".run_results.json"))
    _remove(warehouse)
    return run, size, slowest


def _slowest_nodes(run_results: Path) -> list[tuple[str, float]]:
    if not run_results.exists():
        return []
    nodes = json.loads(run_results.read_text())["results"]
    ranked = sorted(nodes, key=lambda node: -node["execution_time"])[:SLOWEST_NODES]
    return [(node["unique_id"].split(".")[-1], round(node["execution_time"], 1)) for node in ranked]


def _median(runs: list[Measurement]) -> Side:
    failed = [run for run in runs if not run.ok]
    if failed:
        return Side(failed[0].wall_seconds, failed[0].peak_rss_bytes, failed[0].failure)
    return Side(statistics.median(run.wall_seconds for run in runs),
                int(statistics.median(run.peak_rss_bytes for run in runs)))


def _remove(warehouse: Path) -> None:
    """The warehouse file with its write-ahead log and spill folder."""
    for path in warehouse.parent.glob(warehouse.name + "*"):
        shutil.rmtree(path) if path.is_dir() else path.unlink()


def _summary(result: Result) -> str:
    sides = [("pandas", result.pandas), ("dbt", result.dbt), (NOTEBOOK_SELECTOR, result.notebook_selection)]
    figures = [f"{name} {side.wall_seconds:.1f} s {side.peak_rss_bytes / 1e9:.2f} GB {side.failure}"
               for name, side in sides if side is not None]
    return (f"{result.orders:,} orders ({result.file_format}): " + "| ".join(figures)
            + f"| warehouse {result.warehouse_bytes / 1e9:.2f} GB")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m customer_value.bench", description=__doc__.split("\n")[0])
    parser.add_argument("--orders", type=int, nargs="+", default=[1_000_000, 10_000_000])
    parser.add_argument("--format", choices=["csv", "parquet"], default="csv")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--data-dir", type=Path, default=Path(os.environ.get("BENCH_DATA_DIR", REPO / "bench_data")),
                        help="where generated folders are cached (env BENCH_DATA_DIR)")
    parser.add_argument("--work-dir", type=Path, default=REPO / "warehouse" / "bench",
                        help="warehouses and logs of the runs")
    parser.add_argument("--docs", type=Path, default=REPO / "docs")
    return parser


if __name__ == "__main__":
    main()

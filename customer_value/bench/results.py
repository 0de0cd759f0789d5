"""The benchmark's record: docs/benchmarks.json keeps the latest result per (orders, format), and the
section of docs/benchmarks.md between the two markers below is rewritten from it after every run."""

from __future__ import annotations

import json
import os
import platform
from dataclasses import asdict, dataclass
from importlib.metadata import version
from pathlib import Path

START = "<!-- make bench: start (written by python -m customer_value.bench; do not edit by hand) -->"
END = "<!-- make bench: end -->"


@dataclass
class Side:
    """One pipeline's run on one folder."""

    wall_seconds: float
    peak_rss_bytes: int
    failure: str = ""


@dataclass
class Result:
    orders: int
    file_format: str
    input_bytes: int
    pandas: Side
    dbt: Side
    warehouse_bytes: int
    slowest_nodes: list[tuple[str, float]]
    measured_on: str
    machine: str
    # `dbt build --selector olist_notebook`: the pandas pipeline's work only (none in results of before 2026-12-07)
    notebook_selection: Side | None = None

    @property
    def key(self) -> str:
        return f"{self.orders}-{self.file_format}"


def machine_description() -> str:
    memory = _meminfo_gb()
    packages = ", ".join(f"{name} {version(name)}" for name in ("duckdb", "dbt-core", "dbt-duckdb", "pandas",
                                                                 "scikit-learn"))
    return (f"{os.cpu_count()} cores ({_cpu_model()}), {memory:.0f} GB RAM, {platform.system()} "
            f"{platform.release()}, Python {platform.python_version()}; {packages}")


def load(store: Path) -> dict[str, Result]:
    if not store.exists():
        return {}
    results = {}
    for raw in json.loads(store.read_text()):
        raw["pandas"], raw["dbt"] = Side(**raw["pandas"]), Side(**raw["dbt"])
        if raw.get("notebook_selection"):
            raw["notebook_selection"] = Side(**raw["notebook_selection"])
        raw["slowest_nodes"] = [tuple(node) for node in raw["slowest_nodes"]]
        result = Result(**raw)
        results[result.key] = result
    return results


def save(store: Path, results: dict[str, Result]) -> None:
    ordered = sorted(results.values(), key=lambda result: (result.file_format, result.orders))
    store.write_text(json.dumps([asdict(result) for result in ordered], indent=2) + "\n")


def write_section(document: Path, results: dict[str, Result]) -> None:
    """Replace the marked section of the Markdown file (appended at the end the first time)."""
    text = document.read_text() if document.exists() else "# Benchmarks\n"
    section = f"{START}\n{render(results)}{END}"
    if START in text and END in text:
        before, rest = text.split(START, 1)
        text = before + section + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    document.write_text(text)


def render(results: dict[str, Result]) -> str:
    ordered = sorted(results.values(), key=lambda result: (result.file_format, result.orders))
    lines = ["| orders | input | pandas pipeline: wall, peak RSS | `dbt build`: wall, peak RSS | warehouse file "
             "| dbt / pandas wall | dbt / pandas RSS | `dbt build --selector olist_notebook`: wall, peak RSS "
             "| selection / pandas wall | measured |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for result in ordered:
        selection = result.notebook_selection
        lines.append(
            f"| {result.orders:,} | {result.file_format}, {_size(result.input_bytes)} | {_side(result.pandas)} "
            f"| {_side(result.dbt)} | {_size(result.warehouse_bytes)} "
            f"| {_ratio(result.dbt, result.pandas, 'wall_seconds')} "
            f"| {_ratio(result.dbt, result.pandas, 'peak_rss_bytes')} "
            f"| {_side(selection) if selection else 'not measured'} "
            f"| {_ratio(selection, result.pandas, 'wall_seconds') if selection else 'n/a'} | {result.measured_on} |")
    lines.append("")
    for result in ordered:
        nodes = ", ".join(f"`{name}` {seconds:.1f} s" for name, seconds in result.slowest_nodes)
        lines.append(f"- {result.orders:,} orders ({result.file_format}), slowest dbt nodes: {nodes}.")
    machines = sorted({result.machine for result in ordered})
    lines += ["", *(f"Machine: {machine}." for machine in machines), ""]
    return "\n".join(lines)


def _side(side: Side) -> str:
    figures = f"{_duration(side.wall_seconds)}, {_size(side.peak_rss_bytes)}"
    return f"{side.failure} after {figures}" if side.failure else figures


def _ratio(side: Side, pandas: Side, field: str) -> str:
    if pandas.failure or side.failure:
        return "n/a"
    return f"{getattr(side, field) / getattr(pandas, field):.2f}x"


def _duration(seconds: float) -> str:
    if seconds < 59.95:
        return f"{seconds:.1f} s"
    minutes, rest = divmod(round(seconds), 60)  # whole seconds first: 239.7 s is 4 min 0 s, not 3 min 60 s
    return f"{minutes} min {rest} s"


def _size(count: int) -> str:
    return f"{count / 1e9:.2f} GB" if count >= 1e9 else f"{count / 1e6:.0f} MB"


def _meminfo_gb() -> float:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) * 1024 / 1e9
    except OSError:
        pass
    return float("nan")


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"

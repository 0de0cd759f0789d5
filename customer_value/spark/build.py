"""`make build-spark`: the whole project on the `spark` target, Python models included.

dbt parses the project once; the nodes are split into stages (customer_value.spark.stages). dbt builds each
stage's SQL nodes (models, seeds, data and unit tests, listed explicitly), then this process runs the
Python models the stage unblocks on dbt's SparkSession. Last, the BI tables are exported to Parquet.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import yaml
from dbt.cli.main import dbtRunner
from dbt.contracts.graph.manifest import Manifest

from customer_value.spark.exports import export_tables
from customer_value.spark.python_models import ModelNode, run_python_model
from customer_value.spark.session import start_session, target_settings
from customer_value.spark.stages import Stage, plan_stages

TARGET = "spark"
RUNNABLE = ("model", "seed", "test", "unit_test")


class BuildFailed(SystemExit):
    pass


SELECTION = ("--select", "-s", "--exclude")


def _without_selection(dbt_args: list[str]) -> list[str]:
    """The arguments `dbt parse` takes: all but --select / --exclude and their values."""
    kept, skipping = [], False
    for argument in dbt_args:
        if argument in SELECTION:
            skipping = True
        elif skipping and not argument.startswith("-"):
            continue
        else:
            skipping = False
            kept.append(argument)
    return kept


def _parse(runner: dbtRunner, dbt_args: list[str]) -> Manifest:
    result = runner.invoke(["parse", "--target", TARGET, *_without_selection(dbt_args)])
    if not result.success:
        raise BuildFailed(f"dbt parse failed on target {TARGET}: {result.exception or 'see the log above'}")
    return result.result


def _selected(runner: dbtRunner, dbt_args: list[str]) -> set[str]:
    """The nodes `dbt build` would run with these arguments (all, or those of a --select / --exclude)."""
    result = runner.invoke(["ls", "--target", TARGET, "--quiet", "--output", "json", "--output-keys", "unique_id",
                            "--resource-types", *RUNNABLE, *dbt_args])
    if not result.success:
        raise BuildFailed(f"dbt ls failed on target {TARGET}: {result.exception or 'see the log above'}")
    return {json.loads(line)["unique_id"] for line in result.result}


def _runnable(manifest: Manifest, selected: set[str]) -> dict[str, object]:
    nodes = {uid: node for uid, node in [*manifest.nodes.items(), *manifest.unit_tests.items()] if uid in selected}
    return dict(sorted(nodes.items()))


def _model_node(manifest: Manifest, node) -> ModelNode:
    refs = {}
    for uid in node.depends_on.nodes:
        parent = manifest.nodes[uid]
        refs[parent.name] = f"{parent.schema}.{parent.alias}"
    column_types: dict[str, str] = {}
    for test in manifest.nodes.values():
        metadata = getattr(test, "test_metadata", None)
        if metadata and metadata.name == "column_types_are" and test.attached_node == node.unique_id:
            column_types.update(metadata.kwargs["column_types"])
    return ModelNode(node.name, Path(node.original_file_path), f"{node.schema}.{node.alias}", refs, column_types)


def _build_sql(runner: dbtRunner, nodes: dict[str, object], stage: Stage, dbt_args: list[str]) -> None:
    selected = [".".join(nodes[uid].fqn) for uid in stage.sql_nodes]
    result = runner.invoke(["build", "--target", TARGET, "--indirect-selection", "empty",
                            *_without_selection(dbt_args), "--select", *selected])
    if not result.success:
        raise BuildFailed("dbt build on Spark failed (see the log above)")


def _cli_vars(dbt_args: list[str]) -> dict:
    if "--vars" not in dbt_args:
        return {}
    return yaml.safe_load(dbt_args[dbt_args.index("--vars") + 1]) or {}


def build(exports: Path, dbt_args: list[str]) -> None:
    manifest = _parse(dbtRunner(), dbt_args)
    runner = dbtRunner(manifest=manifest)
    nodes = _runnable(manifest, _selected(runner, dbt_args))
    python_models = {uid for uid, node in nodes.items() if getattr(node, "language", "sql") == "python"}
    stages = plan_stages({uid: set(getattr(node.depends_on, "nodes", [])) for uid, node in nodes.items()}, python_models)
    spark = start_session(target_settings(TARGET, _cli_vars(dbt_args)))
    for number, stage in enumerate(stages, start=1):
        if stage.sql_nodes:
            _build_sql(runner, nodes, stage, dbt_args)
        for uid in stage.python_models:
            started = time.monotonic()
            rows = run_python_model(spark, _model_node(manifest, nodes[uid]))
            print(f"stage {number}/{len(stages)}: Python model {nodes[uid].name}: {rows} rows "
                  f"in {time.monotonic() - started:.1f} s", flush=True)
    written = export_tables(spark, exports)
    print(f"Exported {len(written)} tables to {exports}", flush=True)
    spark.stop()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m customer_value.spark", description=__doc__.splitlines()[0])
    parser.add_argument("--exports", type=Path, default=Path("exports/spark"),
                        help="folder of the Parquet exports (default exports/spark)")
    parser.add_argument("dbt_args", nargs="*", help="more dbt arguments, such as --vars '{...}'")
    args = parser.parse_args(argv)
    build(args.exports, args.dbt_args)


if __name__ == "__main__":
    main(sys.argv[1:])

"""dbt-project-evaluator's standing rules: every model, seed, source, exposure and column is described,
every column that exists in the warehouse is documented, every BI-facing mart has an enforced contract,
and only staging reads sources."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

from conftest import DBT, REPO, Build


@pytest.fixture(scope="module")
def docs(sample_build: Build, tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, dict]:
    target = tmp_path_factory.mktemp("docs")
    # a copy: dbt opens its warehouse for writing, which would lock out the other worker's readers
    warehouse = shutil.copyfile(sample_build.warehouse, target / sample_build.warehouse.name)
    env = {**os.environ, "DBT_DUCKDB_PATH": str(warehouse), "DBT_PROFILES_DIR": str(REPO)}
    result = subprocess.run([str(DBT), "docs", "generate", "--static", "--project-dir", str(REPO),
                             "--target-path", str(target)], cwd=REPO, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:]
    assert (target / "static_index.html").stat().st_size > 100_000
    return json.loads((target / "manifest.json").read_text()), json.loads((target / "catalog.json").read_text())


def own_nodes(manifest: dict, *kinds: str) -> dict:
    return {uid: node for uid, node in manifest["nodes"].items()
            if node["resource_type"] in kinds and node["package_name"] == "customer_value"}


def test_everything_is_described(docs) -> None:
    manifest, _ = docs
    undescribed = [uid for uid, node in own_nodes(manifest, "model", "seed").items() if not node["description"]]
    undescribed += [f"{uid}.{name}" for uid, node in own_nodes(manifest, "model", "seed").items()
                    for name, column in node["columns"].items() if not column["description"]]
    undescribed += [uid for uid, node in manifest["sources"].items() if not node["description"]]
    undescribed += [f"{uid}.{name}" for uid, node in manifest["sources"].items()
                    for name, column in node["columns"].items() if not column["description"]]
    undescribed += [uid for uid, node in manifest["exposures"].items() if not node["description"]]
    assert undescribed == []
    assert len(manifest["exposures"]) >= 2


def test_every_warehouse_column_is_documented(docs) -> None:
    manifest, catalog = docs
    undocumented = [f"{uid}.{column}" for uid, node in catalog["nodes"].items()
                    if uid in manifest["nodes"] and not uid.startswith("test.")
                    for column in node["columns"] if column.lower() not in manifest["nodes"][uid]["columns"]]
    assert undocumented == []
    assert len(catalog["nodes"]) > 30


def test_marts_have_contracts_and_only_staging_reads_sources(docs) -> None:
    manifest, _ = docs
    models = own_nodes(manifest, "model")
    sql_marts = [uid for uid, node in models.items()
                 if node["original_file_path"].startswith("models/marts/") and node["language"] == "sql"]
    assert len(sql_marts) >= 14
    assert [uid for uid in sql_marts if not models[uid]["config"]["contract"]["enforced"]] == []
    readers = [uid for uid, node in models.items() if node["depends_on"]["nodes"]
               and any(dep.startswith("source.") for dep in node["depends_on"]["nodes"])]
    assert readers and all(models[uid]["original_file_path"].startswith("models/staging/") for uid in readers)

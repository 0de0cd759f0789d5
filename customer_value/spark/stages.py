"""The build order on Spark: SQL stages that dbt runs, each followed by the Python models it unblocks."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from graphlib import TopologicalSorter


@dataclass
class Stage:
    sql_nodes: list[str] = field(default_factory=list)
    python_models: list[str] = field(default_factory=list)


def plan_stages(parents: Mapping[str, set[str]], python_models: set[str]) -> list[Stage]:
    """Group the nodes so that every node runs after its parents: a SQL node in the first stage after all
    the Python models it depends on, a Python model at the end of the stage that builds its last SQL parent.

    `parents` maps every node to be run to its parents (parents outside the mapping, such as sources, are
    ignored). Nodes keep the mapping's order within a stage, so the plan is the same for the same graph.
    """
    level: dict[str, int] = {}
    for node in TopologicalSorter({n: {p for p in ps if p in parents} for n, ps in parents.items()}).static_order():
        level[node] = max((level[p] + (1 if p in python_models else 0) for p in parents[node] if p in parents),
                          default=0)
    stages = [Stage() for _ in range(max(level.values(), default=-1) + 1)]
    for node in parents:
        stage = stages[level[node]]
        (stage.python_models if node in python_models else stage.sql_nodes).append(node)
    return stages

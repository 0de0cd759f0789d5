"""Run dbt in this process with scikit-learn's fit methods counted per dbt model.

Usage: python count_fits.py OUT.json build [dbt arguments...]. dbt-duckdb runs Python models in-process
and names each model's module after the model, so the stack tells which model called fit.
"""

from __future__ import annotations

import functools
import inspect
import json
import sys
from collections import Counter

from sklearn.cluster import KMeans
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.naive_bayes import GaussianNB
from sklearn.neighbors import KNeighborsClassifier
from sklearn.preprocessing import StandardScaler

COUNTED = {KMeans: "fit", LogisticRegression: "fit", GaussianNB: "fit", RandomForestClassifier: "fit",
           KNeighborsClassifier: "fit", StandardScaler: "fit", ColumnTransformer: "fit_transform"}
calls: Counter[str] = Counter()


def dbt_model() -> str:
    for frame in inspect.stack():
        name = frame.frame.f_globals.get("__name__", "")
        if name.startswith(("olist_", "ecomx_", "transactions_")):
            return name
    return "outside a dbt model"


def counting(cls: type, method: str) -> None:
    original = getattr(cls, method)

    @functools.wraps(original)
    def wrapper(self, *args, **kwargs):
        detail = f" k={self.n_clusters}" if isinstance(self, KMeans) else ""
        calls[f"{dbt_model()}: {cls.__name__}{detail}"] += 1
        return original(self, *args, **kwargs)

    setattr(cls, method, wrapper)


def main(out: str, args: list[str]) -> int:
    for cls, method in COUNTED.items():
        counting(cls, method)
    from dbt.cli.main import dbtRunner

    result = dbtRunner().invoke(args)
    with open(out, "w") as handle:
        json.dump(dict(calls), handle, indent=1, sort_keys=True)
    return 0 if result.success else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))

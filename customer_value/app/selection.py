"""The segment page's filters as one SQL condition over `<source>_customer_actions`, and the queries on it."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from customer_value.app.warehouse import KEYS, Warehouse

LIST_ROWS = 1000
FILTERS = {"segments": "segment_name", "rfm_segments": "rfm_segment", "lifecycles": "rfm_lifecycle",
           "regions": "region"}


@dataclass(frozen=True)
class Selection:
    """Customers in any of the chosen values of each filter (an empty filter keeps everyone), with a
    discounted lifetime value of at least `min_value` when it is set."""

    segments: tuple[str, ...] = ()
    rfm_segments: tuple[str, ...] = ()
    lifecycles: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    min_value: float | None = None

    def where(self) -> tuple[str, dict]:
        clauses, parameters = [], {}
        for name, column in FILTERS.items():
            if values := getattr(self, name):
                clauses.append(f"list_contains(${name}, {column})")
                parameters[name] = list(values)
        if self.min_value is not None:
            clauses.append("discounted_lifetime_value >= $min_value")
            parameters["min_value"] = self.min_value
        return (" where " + " and ".join(clauses) if clauses else ""), parameters


def options(warehouse: Warehouse, source: str, column: str) -> list[str]:
    """The values a filter offers: every non-null value of the column, sorted."""
    frame = warehouse.query(f"select distinct {column} as value from main.{source}_customer_actions "
                            f"where {column} is not null order by 1")
    return frame["value"].astype(str).tolist()


def totals(warehouse: Warehouse, source: str, selection: Selection) -> pd.Series:
    """customers, revenue (past spend), expected_spend and value (discounted lifetime value) of the selection."""
    where, parameters = selection.where()
    return warehouse.query(
        "select count(*) as customers, coalesce(sum(monetary), 0) as revenue, "
        "coalesce(sum(expected_spend), 0) as expected_spend, coalesce(sum(discounted_lifetime_value), 0) as value "
        f"from main.{source}_customer_actions{where}", parameters).iloc[0]


def per_rfm_segment(warehouse: Warehouse, source: str, selection: Selection) -> pd.DataFrame:
    where, parameters = selection.where()
    return warehouse.query(
        f"select rfm_segment, count(*) as customers from main.{source}_customer_actions{where} "
        "group by rfm_segment order by customers desc, rfm_segment", parameters)


def customers(warehouse: Warehouse, source: str, selection: Selection, limit: int | None = LIST_ROWS) -> pd.DataFrame:
    """The selected customers, the most valuable first (the order of the activation lists)."""
    where, parameters = selection.where()
    key = KEYS[source]
    cap = f" limit {int(limit)}" if limit is not None else ""
    return warehouse.query(
        f"select * from main.{source}_customer_actions{where} "
        f"order by discounted_lifetime_value desc nulls last, {key}{cap}", parameters)

"""The stratified train/test split shared by every supervised model, and when it cannot be made."""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split

from customer_value.ml.settings import SplitSettings


def why_not_splittable(labels: pd.Series, test_size: float) -> str | None:
    """The reason a stratified split (and a classifier) cannot run on these labels, or None when it can."""
    counts = labels.value_counts()
    if len(counts) < 2:
        return f"only one class present ({len(labels)} customers): nothing to discriminate"
    smallest = int(counts.min())
    n_test = int(np.ceil(test_size * len(labels)))
    if smallest < 2 or n_test < len(counts) or len(labels) - n_test < len(counts):
        return (
            f"the smallest class has {smallest} customer(s) out of {len(labels)}: "
            f"a stratified {1 - test_size:.0%}/{test_size:.0%} split needs at least 2 per class"
        )
    return None


def stratified_split(labels: pd.Series, test_size: float, random_state: int) -> pd.Series:
    """'train'/'test' per row, stratified on the labels; the same rows for every model that uses it."""
    _, test = train_test_split(labels.index, test_size=test_size, stratify=labels, random_state=random_state)
    split = pd.Series("train", index=labels.index)
    split[test] = "test"
    return split


def split_customers(customers: pd.DataFrame, key: str, label: str, settings: SplitSettings) -> pd.DataFrame:
    """One row per customer the models are fitted on: key and 'train' / 'test'.

    Rows are sorted by key first, so the split never depends on the order the warehouse returns them
    in. When the labels cannot support a stratified split the table is empty (the fits then report
    why_not_splittable as their status).
    """
    frame = customers.sort_values(key, kind="stable").reset_index(drop=True)
    labels = frame[label].astype(str)
    keys = frame[key].astype("string") if frame[key].dtype == object else frame[key]
    if why_not_splittable(labels, settings.test_size) is not None:
        return pd.DataFrame({key: keys.iloc[0:0], "split": pd.Series(dtype="string")})
    split = stratified_split(labels, settings.test_size, settings.random_state)
    return pd.DataFrame({key: keys, "split": split.astype("string")})

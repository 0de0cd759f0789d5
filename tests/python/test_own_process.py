"""customer_value.ml.own_process: a fit computed by a child process gives exactly the in-process result, and
a failure in the child surfaces with its traceback."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from customer_value.ml.btyd_tables import fit_btyd_parameters
from customer_value.ml.own_process import in_own_process

# Grouped rows of a small BG/NBD and Gamma-Gamma fit input (frequency, recency and T in days).
FIT_INPUT = pd.DataFrame({
    "fit": ["full"] * 6,
    "model": ["bg_nbd"] * 4 + ["gamma_gamma"] * 2,
    "frequency": [0, 1, 2, 5, 1, 2],
    "recency": [0.0, 30.0, 200.0, 300.0, None, None],
    "t": [100.0, 250.0, 300.0, 310.0, None, None],
    "recency_days": [0, 30, 200, 300, None, None],
    "t_days": [100, 250, 300, 310, None, None],
    "mean_value": [None, None, None, None, 20.0, 35.5],
    "customers": [50, 20, 10, 3, 20, 10],
})


def test_the_child_returns_exactly_the_in_process_result() -> None:
    here = fit_btyd_parameters(FIT_INPUT)
    there = in_own_process(fit_btyd_parameters, FIT_INPUT)
    pd.testing.assert_frame_equal(there, here, check_exact=True)
    assert set(there["status"]) <= {"converged", "at_bound", "no_data"}


def test_a_failure_in_the_child_names_the_function_and_shows_its_error() -> None:
    with pytest.raises(RuntimeError, match=r"math\.sqrt failed in its own process:(.|\n)*ValueError"):
        in_own_process(math.sqrt, -1.0)

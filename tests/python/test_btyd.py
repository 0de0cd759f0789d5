"""BG/NBD and Gamma-Gamma by maximum likelihood (customer_value.ml.btyd), without dbt: the published CDNOW
estimates, grouped rows equal to one row per customer, and the statuses of fits without a finite optimum."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy.optimize import OptimizeResult, minimize, rosen

from customer_value.ml.btyd import (AT_BOUND, CONVERGED, NO_DATA, STALL_ITERATIONS, _StopWhenStalled,
                                    bg_nbd_expected_purchases, bg_nbd_probability_alive, fit_bg_nbd,
                                    fit_gamma_gamma)
from customer_value.ml.btyd_tables import bg_nbd_expected_purchase_table, fit_btyd_parameters, forecast_steps

CDNOW = Path(__file__).resolve().parents[3] / "shared" / "data" / "cdnow" / "CDNOW_sample.txt"
CALIBRATION_END = pd.Timestamp("1997-09-30")
# Fader, Hardie & Lee (2005) and Fader & Hardie (2013), as quoted in ../shared/data/cdnow/README.md.
PUBLISHED_BG_NBD = {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}
PUBLISHED_GAMMA_GAMMA = {"p": 6.25, "q": 3.74, "v": 15.44}


@pytest.fixture(scope="module")
def cdnow_days() -> pd.DataFrame:
    """Purchase days per customer (same-day records merged), read straight from the published file."""
    raw = pd.read_csv(CDNOW, sep=r"\s+", header=None, names=["id", "master", "date", "cds", "amount"],
                      dtype={"date": str})
    raw["day"] = pd.to_datetime(raw["date"], format="%Y%m%d")
    return raw.groupby(["id", "day"], as_index=False)["amount"].sum()


@pytest.fixture(scope="module")
def calibration(cdnow_days: pd.DataFrame) -> pd.DataFrame:
    """One row per customer: x, t_x and T in weeks, and the mean of the repeat purchase days."""
    days = cdnow_days[cdnow_days["day"] <= CALIBRATION_END].sort_values(["id", "day"])
    days["repeat"] = days.groupby("id").cumcount() > 0
    per = days.groupby("id").agg(first=("day", "min"), last=("day", "max"), n=("day", "size"))
    repeat_mean = days[days["repeat"]].groupby("id")["amount"].mean()
    return pd.DataFrame({
        "frequency": per["n"] - 1,
        "recency": (per["last"] - per["first"]).dt.days / 7,
        "T": (CALIBRATION_END - per["first"]).dt.days / 7,
        "mean_value": repeat_mean.reindex(per.index),
        "customers": 1,
    })


def test_bg_nbd_reproduces_the_published_cdnow_estimates(calibration: pd.DataFrame) -> None:
    fit = fit_bg_nbd(calibration)
    assert fit.status == CONVERGED
    assert fit.customers_used == 2357
    for name, published in PUBLISHED_BG_NBD.items():
        assert fit.parameters[name] == pytest.approx(published, abs=0.0005), name
    assert fit.log_likelihood == pytest.approx(-9582.4, abs=0.05)


def test_gamma_gamma_reproduces_the_published_cdnow_estimates(calibration: pd.DataFrame) -> None:
    fit = fit_gamma_gamma(calibration.dropna(subset=["mean_value"]))
    assert fit.status == CONVERGED
    assert fit.customers_used == 946
    for name, published in PUBLISHED_GAMMA_GAMMA.items():
        assert fit.parameters[name] == pytest.approx(published, abs=0.005), name


def test_the_papers_worked_example_of_conditional_expectation() -> None:
    """Fader, Hardie & Lee (2005): a customer with x = 2, t_x = 30.43, T = 38.86 weeks is expected to make
    1.226 purchases in the next 39 weeks."""
    parameters = {"r": 0.242594, "alpha": 4.413589, "a": 0.792919, "b": 2.425895}
    expected = bg_nbd_expected_purchases(parameters, np.array([2.0]), np.array([30.43]), np.array([38.86]), 39)
    assert expected[0] == pytest.approx(1.226, abs=0.0005)
    one_timer = bg_nbd_probability_alive(parameters, np.array([0.0]), np.array([0.0]), np.array([38.86]))
    assert one_timer[0] == 1.0


def test_grouped_rows_give_the_same_fit_as_one_row_per_customer(calibration: pd.DataFrame) -> None:
    grouped = calibration.groupby(["frequency", "recency", "T"], as_index=False)["customers"].sum()
    assert len(grouped) < len(calibration) / 2
    one_per_customer, by_group = fit_bg_nbd(calibration), fit_bg_nbd(grouped)
    assert by_group.customers_used == one_per_customer.customers_used
    for name in PUBLISHED_BG_NBD:
        assert by_group.parameters[name] == pytest.approx(one_per_customer.parameters[name], rel=1e-6)


def test_a_population_without_heterogeneity_in_dropout_stops_at_the_bound() -> None:
    """Every customer drops out after a purchase with the same probability 0.3: the Beta of BG/NBD wants
    a, b -> infinity at a / (a + b) = 0.3. The fit stops at the bound, says so and states the ratio."""
    rng = np.random.default_rng(11)
    rows = []
    for _ in range(4000):
        rate, t_end, t, purchases, last = rng.gamma(2.0, 1 / 20.0), 100.0, 0.0, 0, 0.0
        while True:
            t += rng.exponential(1 / rate)
            if t > t_end:
                break
            purchases, last = purchases + 1, t
            if rng.random() < 0.3:
                break
        rows.append((purchases, last, t_end))
    frame = pd.DataFrame(rows, columns=["frequency", "recency", "T"]).assign(customers=1)
    fit = fit_bg_nbd(frame)
    assert fit.status == AT_BOUND
    assert "no finite maximum" in fit.status_reason
    ratio = fit.parameters["a"] / (fit.parameters["a"] + fit.parameters["b"])
    assert ratio == pytest.approx(0.3, abs=0.03)
    assert f"a/(a+b) = {ratio:.6g}" in fit.status_reason


def test_nothing_to_fit_gives_status_no_data() -> None:
    one_timers = pd.DataFrame({"frequency": [0, 0], "recency": [0.0, 0.0], "T": [5.0, 9.0], "customers": [3, 4]})
    assert fit_bg_nbd(one_timers).status == NO_DATA
    assert fit_bg_nbd(one_timers.iloc[:0]).status == NO_DATA
    no_repeat_spend = pd.DataFrame({"frequency": [1], "mean_value": [0.0], "customers": [5]})
    assert fit_gamma_gamma(no_repeat_spend).status == NO_DATA


def test_parameter_table_has_every_fit_model_and_parameter_whatever_the_data() -> None:
    empty = pd.DataFrame(columns=["fit", "model", "frequency", "recency_days", "t_days", "recency", "t",
                                  "mean_value", "customers"])
    table = fit_btyd_parameters(empty)
    assert len(table) == 14
    assert set(table["status"]) == {NO_DATA}
    assert table["value"].isna().all()


def test_discounted_purchases_sum_the_discounted_steps() -> None:
    parameters = pd.DataFrame({"fit": "full", "model": "bg_nbd", "parameter": ["r", "alpha", "a", "b"],
                               "value": [0.25, 4.0, 0.8, 2.4], "status": CONVERGED})
    fit_input = pd.DataFrame({"fit": ["full"], "model": ["bg_nbd"], "frequency": [3], "recency_days": [140],
                              "t_days": [200], "recency": [20.0], "t": [200 / 7], "mean_value": [np.nan],
                              "customers": [1]})
    settings = pd.DataFrame({"time_unit_days": [7.0], "holdout_days": [0], "forecast_days": [365],
                             "annual_discount_rate": [0.1]})
    row = bg_nbd_expected_purchase_table(fit_input, parameters, settings).iloc[0]
    values = dict(zip(parameters["parameter"], parameters["value"]))
    cumulative = [bg_nbd_expected_purchases(values, np.array([3.0]), np.array([20.0]), np.array([200 / 7]), d / 7)[0]
                  for d in forecast_steps(365)]
    steps = np.diff([0.0, *cumulative])
    assert forecast_steps(365)[-2:] == [360, 365]
    assert row["expected_purchases"] == pytest.approx(cumulative[-1], rel=1e-12)
    assert row["discounted_purchases"] == pytest.approx(
        sum(s / 1.1 ** (d / 365) for s, d in zip(steps, forecast_steps(365))), rel=1e-12)
    assert row["discounted_purchases"] < row["expected_purchases"]


def test_the_polish_stops_once_its_best_point_stalls_and_returns_that_point() -> None:
    """On a ridge flat to rounding (10M generated Olist orders) Nelder-Mead slid along for 20,000
    evaluations while its best point had stopped changing. The stall rule ends it; scipy then returns
    the best point, the one a full run would have returned."""
    stop = _StopWhenStalled()
    stop(OptimizeResult(fun=1.0))
    for _ in range(STALL_ITERATIONS - 2):
        stop(OptimizeResult(fun=1.0))
    stop(OptimizeResult(fun=0.5))  # a new best starts the count again
    for _ in range(STALL_ITERATIONS - 1):
        stop(OptimizeResult(fun=0.5))
    with pytest.raises(StopIteration):
        stop(OptimizeResult(fun=0.5))

    seen: list[tuple[float, np.ndarray]] = []

    def stop_after_five(intermediate_result: OptimizeResult) -> None:
        seen.append((intermediate_result.fun, intermediate_result.x.copy()))
        if len(seen) == 5:
            raise StopIteration

    result = minimize(rosen, np.array([-1.2, 1.0]), method="Nelder-Mead", callback=stop_after_five)
    best_fun, best_x = min(seen, key=lambda pair: pair[0])
    assert len(seen) == 5 and result.fun == best_fun
    np.testing.assert_array_equal(result.x, best_x)

"""The BG/NBD and Gamma-Gamma tables of a build: parameters of the two fits (calibration, full) and the
expected purchases SQL cannot compute (they need the Gauss hypergeometric function), once per distinct
(frequency, recency, T) row of the fit input."""

from __future__ import annotations

import numpy as np
import pandas as pd

from customer_value.ml.btyd import (BG_NBD_PARAMETERS, GAMMA_GAMMA_PARAMETERS, NO_DATA, Fit,
                                    bg_nbd_expected_purchases, fit_bg_nbd, fit_gamma_gamma)

FITS = ("calibration", "full")
PARAMETER_COLUMNS = ["fit", "model", "parameter", "value", "log_likelihood", "customers_used", "status",
                     "status_reason"]
EXPECTATION_COLUMNS = ["fit", "frequency", "recency_days", "t_days", "horizon_days", "expected_purchases",
                       "discounted_purchases"]
FIT_INPUT_ORDER = ["fit", "model", "frequency", "recency_days", "t_days", "mean_value"]
FORECAST_STEP_DAYS = 30  # the lifetime value is discounted per 30-day step (the last step may be shorter)


def fit_btyd_parameters(fit_input: pd.DataFrame) -> pd.DataFrame:
    """Both models on both fits of an int_<source>__btyd_fit_input table, as one long parameter table."""
    fit_input = _in_order(fit_input)
    rows = []
    for fit in FITS:
        part = fit_input[fit_input["fit"] == fit]
        rows += _rows(fit, "bg_nbd", fit_bg_nbd(part[part["model"] == "bg_nbd"].rename(columns={"t": "T"})))
        rows += _rows(fit, "gamma_gamma", fit_gamma_gamma(part[part["model"] == "gamma_gamma"]))
    return pd.DataFrame(rows, columns=PARAMETER_COLUMNS).astype(
        {"value": "float64", "log_likelihood": "float64", "customers_used": "int64"})


def forecast_steps(forecast_days: int) -> list[int]:
    """The cumulative horizons, in days, at which the lifetime value discounts the expected purchases."""
    return [*range(FORECAST_STEP_DAYS, forecast_days, FORECAST_STEP_DAYS), forecast_days]


def bg_nbd_expected_purchase_table(fit_input: pd.DataFrame, parameters: pd.DataFrame,
                                   calibration: pd.DataFrame) -> pd.DataFrame:
    """Per fitted BG/NBD and distinct (frequency, recency_days, t_days): expected purchase days over the
    horizon (calibration fit: the holdout; full fit: forecast_days) and, for the full fit, the same
    purchases with each 30-day step discounted at annual_discount_rate to the step's end."""
    settings = calibration.iloc[0]
    unit = float(settings["time_unit_days"])
    horizons = {"calibration": int(settings["holdout_days"]), "full": int(settings["forecast_days"])}
    rate = float(settings["annual_discount_rate"])
    fit_input = _in_order(fit_input)
    frames = []
    for fit in FITS:
        fitted = _bg_nbd_parameters(parameters, fit)
        rows = fit_input[(fit_input["fit"] == fit) & (fit_input["model"] == "bg_nbd")]
        if fitted is None or rows.empty or horizons[fit] <= 0:
            continue
        history = tuple(rows[c].to_numpy(float) for c in ("frequency", "recency", "t"))
        expected = bg_nbd_expected_purchases(fitted, *history, horizons[fit] / unit)
        discounted = _discounted_purchases(fitted, history, horizons[fit], unit, rate) if fit == "full" else np.nan
        frames.append(pd.DataFrame({"fit": fit, "frequency": rows["frequency"].to_numpy(),
                                    "recency_days": rows["recency_days"].to_numpy(), "t_days": rows["t_days"].to_numpy(),
                                    "horizon_days": horizons[fit], "expected_purchases": expected,
                                    "discounted_purchases": discounted}))
    table = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=EXPECTATION_COLUMNS)
    return table.astype({"frequency": "int64", "recency_days": "int64", "t_days": "int64", "horizon_days": "int64",
                         "expected_purchases": "float64", "discounted_purchases": "float64"})[EXPECTATION_COLUMNS]


def _discounted_purchases(parameters: dict[str, float], history: tuple[np.ndarray, ...], horizon_days: int,
                          unit: float, rate: float) -> np.ndarray:
    total, before = np.zeros(len(history[0])), np.zeros(len(history[0]))
    for step in forecast_steps(horizon_days):
        cumulative = bg_nbd_expected_purchases(parameters, *history, step / unit)
        total += (cumulative - before) / (1.0 + rate) ** (step / 365.0)
        before = cumulative
    return total


def _in_order(fit_input: pd.DataFrame) -> pd.DataFrame:
    """The grouped rows in one fixed order, so that the sums of the likelihood, and so the estimates, are the
    same to the last digit whatever order the warehouse returned them in."""
    return fit_input.sort_values(FIT_INPUT_ORDER, kind="stable", na_position="first").reset_index(drop=True)


def _bg_nbd_parameters(parameters: pd.DataFrame, fit: str) -> dict[str, float] | None:
    rows = parameters[(parameters["fit"] == fit) & (parameters["model"] == "bg_nbd")]
    if rows.empty or (rows["status"] == NO_DATA).any():
        return None
    values = dict(zip(rows["parameter"], rows["value"].astype(float)))
    return {name: values[name] for name in BG_NBD_PARAMETERS}


def _rows(fit: str, model: str, result: Fit) -> list[dict]:
    names = BG_NBD_PARAMETERS if model == "bg_nbd" else GAMMA_GAMMA_PARAMETERS
    return [{"fit": fit, "model": model, "parameter": name, "value": float(result.parameters[name]),
             "log_likelihood": float(result.log_likelihood), "customers_used": result.customers_used,
             "status": result.status, "status_reason": result.status_reason} for name in names]

"""BG/NBD and Gamma-Gamma ("buy till you die") fitted by maximum likelihood on grouped rows.

BG/NBD (Fader, Hardie & Lee 2005): per customer, frequency x = repeat purchase periods, recency t_x =
time from the first to the last purchase, T = time from the first purchase to the end of the period.
Gamma-Gamma (Fader & Hardie 2013): per repeat customer, x and the mean value m of the repeat purchases.

Both fits take *grouped* rows: one row per distinct combination with the number of customers that share
it (column `customers`), so a fit costs the same at 100M customers as at 100k. The optimizer works on
log parameters between LOG_BOUNDS; where the likelihood has no finite optimum (BG/NBD's a and b can grow
without bound at a fixed ratio) the fit stops at the bound and says so in its status.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.optimize import minimize
from scipy.special import betaln, gammaln, hyp2f1

BG_NBD_PARAMETERS = ("r", "alpha", "a", "b")
GAMMA_GAMMA_PARAMETERS = ("p", "q", "v")
LOG_BOUNDS = (np.log(1e-6), np.log(1e6))
CONVERGED = "converged"
AT_BOUND = "at_bound"
NO_DATA = "no_data"
# Mean log-likelihood per customer a ray to the bound may lose and still count as flat: the rounding of
# betaln at parameters near 1e6 is about 1e-9 per row.
FLAT_TOLERANCE = 1e-8
# Nelder-Mead iterations without a new best point after which the polish stops (see _StopWhenStalled).
STALL_ITERATIONS = 200


@dataclass(frozen=True)
class Fit:
    """One model's maximum-likelihood estimate."""

    parameters: dict[str, float]
    log_likelihood: float
    customers_used: int
    status: str
    status_reason: str


class _Distinct:
    """A column's distinct values and where each row's value sits among them: the special functions are
    evaluated once per distinct value and gathered back, the same numbers as per row at a fraction of the
    cost (grouped fit inputs have a handful of frequencies and a few hundred ages for ~30,000 rows)."""

    def __init__(self, values: np.ndarray) -> None:
        self.values, self.rows = np.unique(values, return_inverse=True)


class BgNbdRows:
    """Grouped (x, t_x, T) rows, ready for repeated likelihood evaluations by the optimizer; log_likelihood
    gives each row's (Fader, Hardie & Lee 2005, eq. 6)."""

    def __init__(self, x: np.ndarray, t_x: np.ndarray, big_t: np.ndarray) -> None:
        self.repeat = x > 0
        self.x, self.big_t = _Distinct(x), _Distinct(big_t)
        self.repeat_x, self.repeat_t_x = _Distinct(x[self.repeat]), _Distinct(t_x[self.repeat])

    def log_likelihood(self, log_params: np.ndarray) -> np.ndarray:
        r, alpha, a, b = np.exp(log_params)
        x, repeat_x = self.x, self.repeat_x
        common = (gammaln(r + x.values) - gammaln(r) + r * np.log(alpha) + betaln(a, b + x.values)
                  - betaln(a, b))[x.rows]
        alive = (-(r + x.values))[x.rows] * np.log(alpha + self.big_t.values)[self.big_t.rows]
        died = np.full_like(alive, -np.inf)
        died[self.repeat] = ((betaln(a + 1, b + repeat_x.values - 1) - betaln(a, b + repeat_x.values))[repeat_x.rows]
                             - (r + repeat_x.values)[repeat_x.rows]
                             * np.log(alpha + self.repeat_t_x.values)[self.repeat_t_x.rows])
        return common + np.logaddexp(alive, died)


class GammaGammaRows:
    """Grouped (x, m) rows of repeat customers, ready for repeated likelihood evaluations; log_likelihood gives
    each customer's mean spend m over x purchases its log-likelihood (Fader & Hardie 2013)."""

    def __init__(self, x: np.ndarray, m: np.ndarray) -> None:
        self.x, self.log_m, self.spend = _Distinct(x), np.log(m), x * m

    def log_likelihood(self, log_params: np.ndarray) -> np.ndarray:
        p, q, v = np.exp(log_params)
        x = self.x
        px = p * x.values
        per_x = gammaln(px + q) - gammaln(px) - gammaln(q) + q * np.log(v)
        return (per_x[x.rows] + (px - 1)[x.rows] * self.log_m + (px * np.log(x.values))[x.rows]
                - (px + q)[x.rows] * np.log(self.spend + v))


def fit_bg_nbd(rows: pd.DataFrame) -> Fit:
    """Fit on grouped rows with columns frequency, recency, T (in periods) and customers."""
    rows = rows[rows["customers"] > 0]
    if rows.empty:
        return _no_data(BG_NBD_PARAMETERS, "no customer with a purchase in the period")
    x, t_x, big_t = (rows[c].to_numpy(float) for c in ("frequency", "recency", "T"))
    weights = rows["customers"].to_numpy(float)
    if (x == 0).all():
        return _no_data(BG_NBD_PARAMETERS, "no customer bought twice in the period: repeat behaviour cannot be estimated")
    start = np.log([1.0, max(float(np.average(big_t, weights=weights)), 1e-3), 1.0, 1.0])
    return _maximize(BgNbdRows(x, t_x, big_t).log_likelihood, weights, start, BG_NBD_PARAMETERS,
                     _bg_nbd_identifiable)


def fit_gamma_gamma(rows: pd.DataFrame) -> Fit:
    """Fit on grouped rows with columns frequency (repeat purchases, > 0), mean_value (> 0) and customers."""
    rows = rows[(rows["customers"] > 0) & (rows["frequency"] > 0) & (rows["mean_value"] > 0)]
    if rows.empty:
        return _no_data(GAMMA_GAMMA_PARAMETERS, "no repeat customer with a positive mean repeat spend")
    x, m = rows["frequency"].to_numpy(float), rows["mean_value"].to_numpy(float)
    weights = rows["customers"].to_numpy(float)
    start = np.log([1.0, 2.0, float(np.average(m, weights=weights))])
    return _maximize(GammaGammaRows(x, m).log_likelihood, weights, start, GAMMA_GAMMA_PARAMETERS,
                     _gamma_gamma_identifiable)


def bg_nbd_expected_purchases(parameters: dict[str, float], x: np.ndarray, t_x: np.ndarray, big_t: np.ndarray,
                              horizon: float) -> np.ndarray:
    """E[purchases in the next `horizon` periods | x, t_x, T] (Fader, Hardie & Lee 2005, eq. 10)."""
    r, alpha, a, b = (parameters[name] for name in BG_NBD_PARAMETERS)
    x, t_x, big_t = (np.asarray(v, dtype=float) for v in (x, t_x, big_t))
    z = horizon / (alpha + big_t + horizon)
    tail = 1.0 - ((alpha + big_t) / (alpha + big_t + horizon)) ** (r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z)
    return (a + b + x - 1) / (a - 1) * tail / _alive_odds_denominator(parameters, x, t_x, big_t)


def bg_nbd_probability_alive(parameters: dict[str, float], x: np.ndarray, t_x: np.ndarray,
                             big_t: np.ndarray) -> np.ndarray:
    """P(alive | x, t_x, T); the SQL forecast computes the same closed form."""
    return 1.0 / _alive_odds_denominator(parameters, np.asarray(x, float), np.asarray(t_x, float),
                                         np.asarray(big_t, float))


def _alive_odds_denominator(parameters: dict[str, float], x: np.ndarray, t_x: np.ndarray,
                            big_t: np.ndarray) -> np.ndarray:
    r, alpha, a, b = (parameters[name] for name in BG_NBD_PARAMETERS)
    ratio = np.where(x > 0, a / np.maximum(b + x - 1, 1e-300) * ((alpha + big_t) / (alpha + t_x)) ** (r + x), 0.0)
    return 1.0 + ratio


def _maximize(log_likelihood, weights: np.ndarray, start: np.ndarray, names: tuple[str, ...], identifiable) -> Fit:
    total = weights.sum()

    def objective(log_params: np.ndarray) -> float:
        value = -float(np.sum(weights * log_likelihood(log_params))) / total
        return value if np.isfinite(value) else 1e300

    best = _optimize(objective, start, np.zeros(len(start), dtype=bool))
    fixed = np.zeros(len(start), dtype=bool)
    while (pushed := _push_along_flat_ray(objective, best, fixed)) is not None:
        best, moved = pushed
        fixed |= moved
        best = _optimize(objective, best, fixed)
    parameters = {name: float(value) for name, value in zip(names, np.exp(best))}
    at_bound = [name for name, value in zip(names, best) if min(abs(value - LOG_BOUNDS[0]), abs(value - LOG_BOUNDS[1])) < 1e-3]
    customers = int(total)
    log_lik = -objective(best) * total
    if at_bound:
        reason = (f"no finite maximum: the likelihood keeps rising as {', '.join(at_bound)} approach(es) 0 or "
                  f"infinity, stopped at the bound ({np.exp(LOG_BOUNDS[0]):g} or {np.exp(LOG_BOUNDS[1]):g}); "
                  f"identifiable: {identifiable(parameters)}")
        return Fit(parameters, log_lik, customers, AT_BOUND, reason)
    return Fit(parameters, log_lik, customers, CONVERGED, f"converged on {customers} customers; {identifiable(parameters)}")


def _optimize(objective, start: np.ndarray, fixed: np.ndarray) -> np.ndarray:
    """Minimize over the parameters not `fixed`: L-BFGS-B, then a Nelder-Mead polish."""
    free = ~fixed

    def over_free(values: np.ndarray) -> float:
        point = start.copy()
        point[free] = values
        return objective(point)

    bounds = [LOG_BOUNDS] * int(free.sum())
    first = minimize(over_free, start[free], method="L-BFGS-B", bounds=bounds,
                     options={"ftol": 1e-15, "gtol": 1e-10, "maxiter": 10_000})
    # L-BFGS-B stops early on the flat ridges these likelihoods have (EcomX's Gamma-Gamma moves q by 1% for a
    # log-likelihood change of 1e-4); Nelder-Mead from there finds the higher point in a few hundred steps.
    polished = minimize(over_free, first.x, method="Nelder-Mead", bounds=bounds, callback=_StopWhenStalled(),
                        options={"xatol": 1e-10, "fatol": 1e-14, "maxiter": 20_000, "maxfev": 20_000})
    result = start.copy()
    result[free] = polished.x if polished.fun <= first.fun else first.x
    return result


class _StopWhenStalled:
    """A Nelder-Mead callback that ends the polish once the best point has stayed the same for
    STALL_ITERATIONS iterations. On a ridge that is flat to rounding the simplex keeps sliding along it
    without ever meeting xatol, up to maxfev (20,000 evaluations, 53 s on 10M Olist orders); the point it
    returns is the best one, which stopped changing long before, so stopping early returns the same point."""

    def __init__(self) -> None:
        self.best, self.unchanged = np.inf, 0

    def __call__(self, intermediate_result) -> None:
        if intermediate_result.fun < self.best:
            self.best, self.unchanged = intermediate_result.fun, 0
            return
        self.unchanged += 1
        if self.unchanged >= STALL_ITERATIONS:
            raise StopIteration


def _push_along_flat_ray(objective, point: np.ndarray, fixed: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """The point at the bounds along a ray from `point` where the likelihood is no lower (to rounding), and
    the parameters the ray moves; None when every ray loses likelihood.

    The optimizer stops early on a likelihood that keeps rising ever more slowly towards infinity (BG/NBD's
    a and b growing at a fixed ratio, say) or is flat there to rounding; following each free parameter, and
    each pair together, to the bound tells such a ridge from a true interior maximum."""
    size = len(point)
    free = [i for i in range(size) if not fixed[i]]
    rays = [np.eye(size)[i] for i in free]
    rays += [np.eye(size)[i] + np.eye(size)[j] for i in free for j in free if i < j]
    current = objective(point)
    for ray in rays:
        for direction in (ray, -ray):
            candidate = _to_bound(point, direction)
            if candidate is not None and objective(candidate) <= current + FLAT_TOLERANCE:
                return candidate, direction != 0
    return None


def _to_bound(point: np.ndarray, direction: np.ndarray) -> np.ndarray | None:
    moving = direction != 0
    room = np.where(direction[moving] > 0, LOG_BOUNDS[1] - point[moving], point[moving] - LOG_BOUNDS[0])
    step = float(room.min())
    return point + step * direction if step > 1e-6 else None


def _bg_nbd_identifiable(parameters: dict[str, float]) -> str:
    rate = parameters["r"] / parameters["alpha"]
    dropout = parameters["a"] / (parameters["a"] + parameters["b"])
    return f"mean purchase rate r/alpha = {rate:.6g} per period, mean dropout probability a/(a+b) = {dropout:.6g}"


def _gamma_gamma_identifiable(parameters: dict[str, float]) -> str:
    p, q, v = (parameters[name] for name in GAMMA_GAMMA_PARAMETERS)
    mean = f"{p * v / (q - 1):.6g}" if q > 1 else "undefined (q <= 1)"
    return f"population mean purchase value p*v/(q-1) = {mean}"


def _no_data(names: tuple[str, ...], reason: str) -> Fit:
    return Fit({name: float("nan") for name in names}, float("nan"), 0, NO_DATA, reason)

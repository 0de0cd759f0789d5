"""Round axis ticks and compact tick labels, for axes whose labels the report formats itself."""

from __future__ import annotations

import math


def nice_step(raw: float) -> float:
    """The 1-2-5 x 10^n step closest above a raw step."""
    if raw <= 0 or not math.isfinite(raw):
        return 1.0
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude * 1.0000001:
            return factor * magnitude
    return 10 * magnitude


def nice_domain(lo: float, hi: float, count: int = 5) -> tuple[float, float]:
    """Widen [lo, hi] to whole tick steps; a zero-width range becomes one step wide."""
    if hi <= lo:
        hi = lo + (abs(lo) or 1.0)
    step = nice_step((hi - lo) / count)
    return math.floor(lo / step + 1e-9) * step, math.ceil(hi / step - 1e-9) * step


def nice_ticks(lo: float, hi: float, count: int = 5) -> list[float]:
    """Round tick values inside [lo, hi]."""
    step = nice_step((hi - lo) / count) if hi > lo else 1.0
    first = math.ceil(lo / step - 1e-9)
    last = math.floor(hi / step + 1e-9)
    return [round(i * step, 10) for i in range(first, last + 1)]


def fmt_tick(value: float) -> str:
    """Compact tick label: 1,500 -> 1.5k, 2,000,000 -> 2M, 0.25 -> 0.25."""
    size = abs(value)
    if size >= 1e6:
        return f"{value / 1e6:g}M"
    if size >= 1e4:
        return f"{value / 1e3:g}k"
    if size >= 100 or value == int(value):
        return f"{value:,.0f}"
    return f"{value:.3g}"

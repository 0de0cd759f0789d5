"""Low-level SVG building blocks: elements, scales, ticks, axes, legends and colours. No chart logic."""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
INK = "#1f2933"
MUTED = "#616e7c"
GRID = "#e4e7eb"
# Colour-blind-safe (Okabe-Ito based), in the order segments and series use them.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#7F7F7F", "#000000",
           "#B8860B", "#882255"]
CLASS_COLORS = {"Low": "#8a8f98", "Medium": "#E69F00", "High": "#0072B2"}
SEQUENTIAL = ["#f7fbff", "#c6dbef", "#6baed6", "#2171b5", "#08306b"]
DIVERGING = ["#b2182b", "#ef8a62", "#f7f7f7", "#67a9cf", "#2166ac"]


def num(value: float) -> str:
    """A coordinate with at most one decimal, no trailing zeros (keeps the SVG small)."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def attrs(**values: object) -> str:
    """Attribute string; `class_` -> class, `font_size` -> font-size; None values are left out."""
    parts = []
    for key, value in values.items():
        if value is None:
            continue
        name = key.rstrip("_").replace("_", "-")
        shown = num(value) if isinstance(value, float) else str(value)
        parts.append(f'{name}="{escape(shown, quote=True)}"')
    return " ".join(parts)


def tag(name: str, content: str = "", **values: object) -> str:
    """One SVG element; self-closing when it has no content."""
    opening = f"{name} {attrs(**values)}".strip()
    return f"<{opening}>{content}</{name}>" if content else f"<{opening}/>"


def text(x: float, y: float, label: str, size: int = 12, anchor: str = "start",
         fill: str = INK, weight: str | None = None, baseline: str | None = "middle",
         rotate: float | None = None) -> str:
    """A text label; `rotate` turns it around its anchor point."""
    transform = f"rotate({num(rotate)} {num(x)} {num(y)})" if rotate is not None else None
    return tag("text", escape(label), x=float(x), y=float(y), font_size=size, text_anchor=anchor,
               fill=fill, font_weight=weight, dominant_baseline=baseline, transform=transform)


def text_width(label: str, size: int = 12) -> float:
    """A rough rendered width of a label, for layout (average glyph = 0.58 em)."""
    return len(label) * size * 0.58


def svg_root(width: float, height: float, label: str, body: str) -> str:
    """The <svg> element: fixed viewBox, scales down with CSS, labelled for screen readers."""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" {attrs(viewBox=f"0 0 {num(width)} {num(height)}")} '
        f'{attrs(width=float(width), height=float(height), role="img", aria_label=label)} '
        f'font-family="{escape(FONT, quote=True)}"><title>{escape(label)}</title>{body}</svg>'
    )


@dataclass(frozen=True)
class Frame:
    """A chart's canvas and the plot area inside its margins."""

    width: float
    height: float
    left: float
    right: float
    top: float
    bottom: float

    @property
    def x0(self) -> float:
        return self.left

    @property
    def x1(self) -> float:
        return self.width - self.right

    @property
    def y0(self) -> float:
        return self.height - self.bottom

    @property
    def y1(self) -> float:
        return self.top


@dataclass(frozen=True)
class Scale:
    """Maps data values in [lo, hi] to pixels in [start, end], linearly or on a log10 axis."""

    lo: float
    hi: float
    start: float
    end: float
    log: bool = False

    def __call__(self, value: float) -> float:
        lo, hi, value = self.lo, self.hi, float(value)
        if self.log:
            lo, hi, value = math.log10(lo), math.log10(hi), math.log10(max(value, self.lo))
        share = (value - lo) / (hi - lo) if hi > lo else 0.5
        return self.start + share * (self.end - self.start)

    def ticks(self, count: int = 5) -> list[float]:
        return log_ticks(self.lo, self.hi) if self.log else nice_ticks(self.lo, self.hi, count)


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


def log_ticks(lo: float, hi: float) -> list[float]:
    """Powers of ten inside [lo, hi], with 2x and 5x steps when the range spans few decades."""
    decades = range(math.floor(math.log10(lo)), math.ceil(math.log10(hi)) + 1)
    factors = (1, 2, 5) if len(decades) <= 4 else (1,)
    values = [f * 10.0 ** d for d in decades for f in factors]
    return [v for v in values if lo * 0.999 <= v <= hi * 1.001]


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


def x_axis(scale: Scale, frame: Frame, label: str, fmt=fmt_tick, ticks: list[float] | None = None) -> str:
    """Vertical grid lines, tick labels under the plot and the axis title."""
    parts = []
    for value in scale.ticks() if ticks is None else ticks:
        x = scale(value)
        parts.append(tag("line", x1=x, x2=x, y1=float(frame.y1), y2=float(frame.y0), stroke=GRID))
        parts.append(text(x, frame.y0 + 14, fmt(value), size=11, anchor="middle", fill=MUTED))
    parts.append(tag("line", x1=float(frame.x0), x2=float(frame.x1), y1=float(frame.y0),
                     y2=float(frame.y0), stroke=MUTED))
    parts.append(text((frame.x0 + frame.x1) / 2, frame.y0 + 34, label, size=12, anchor="middle", fill=INK))
    return "".join(parts)


def y_axis(scale: Scale, frame: Frame, label: str, fmt=fmt_tick, ticks: list[float] | None = None) -> str:
    """Horizontal grid lines, tick labels left of the plot and the rotated axis title."""
    parts = []
    for value in scale.ticks() if ticks is None else ticks:
        y = scale(value)
        parts.append(tag("line", x1=float(frame.x0), x2=float(frame.x1), y1=y, y2=y, stroke=GRID))
        parts.append(text(frame.x0 - 6, y, fmt(value), size=11, anchor="end", fill=MUTED))
    parts.append(tag("line", x1=float(frame.x0), x2=float(frame.x0), y1=float(frame.y1),
                     y2=float(frame.y0), stroke=MUTED))
    middle = (frame.y0 + frame.y1) / 2
    parts.append(text(14, middle, label, size=12, anchor="middle", fill=INK, rotate=-90))
    return "".join(parts)


def legend(items: list[tuple[str, str]], x: float, y: float, max_width: float) -> tuple[str, float]:
    """A wrapping row of colour swatches and labels starting at (x, y); returns (svg, height used)."""
    parts, cursor, row = [], x, 0
    for label, color in items:
        width = 18 + text_width(label, 11) + 14
        if cursor + width > x + max_width and cursor > x:
            cursor, row = x, row + 1
        top = y + row * 18
        parts.append(tag("rect", x=float(cursor), y=float(top - 5), width=10, height=10, rx=2, fill=color))
        parts.append(text(cursor + 15, top, label, size=11, fill=INK))
        cursor += width
    return "".join(parts), (row + 1) * 18 if items else 0.0


def _hex_to_rgb(color: str) -> tuple[int, int, int]:
    return int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16)


def ramp(stops: list[str], share: float) -> str:
    """The colour at `share` (0..1) along evenly spaced colour stops."""
    share = min(max(share, 0.0), 1.0) * (len(stops) - 1)
    index = min(int(share), len(stops) - 2)
    low, high = _hex_to_rgb(stops[index]), _hex_to_rgb(stops[index + 1])
    local = share - index
    mixed = [round(a + (b - a) * local) for a, b in zip(low, high)]
    return "#" + "".join(f"{channel:02x}" for channel in mixed)


def readable_on(color: str) -> str:
    """Dark or white text, whichever reads better on the background colour."""
    r, g, b = _hex_to_rgb(color)
    return INK if (0.299 * r + 0.587 * g + 0.114 * b) / 255 > 0.55 else "#ffffff"

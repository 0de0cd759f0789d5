"""Chart types drawn as inline SVG strings: bars, lines, heat maps, box plots, histograms, scatters."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from customer_value.report.stats import BoxStats
from customer_value.report.svg import (
    DIVERGING, INK, MUTED, SEQUENTIAL, Frame, Scale, fmt_tick, legend, nice_domain, num, ramp,
    readable_on, svg_root, tag, text, text_width, x_axis, y_axis,
)

Formatter = Callable[[float], str]


@dataclass(frozen=True)
class Bars:
    """One series of a bar chart: a value per category, one colour or one per bar, optional value labels."""

    name: str
    values: Sequence[float]
    color: str | Sequence[str]
    labels: Sequence[str] | None = None

    def color_at(self, index: int) -> str:
        return self.color if isinstance(self.color, str) else self.color[index]


@dataclass(frozen=True)
class Line:
    """One series of a line chart."""

    name: str
    x: Sequence[float]
    y: Sequence[float]
    color: str
    dash: str | None = None
    markers: bool = False


@dataclass(frozen=True)
class Mark:
    """A highlighted point with a label (e.g. the chosen k)."""

    x: float
    y: float
    label: str
    color: str = "#D55E00"


@dataclass(frozen=True)
class Grid:
    """Heat-map input: values[row][col] colour the cells, cell_text[row][col] is written in them."""

    rows: Sequence[str]
    cols: Sequence[str]
    values: np.ndarray
    cell_text: Sequence[Sequence[str]]
    diverging: bool = False


def _left_margin(labels: Sequence[str], size: int = 12, cap: float = 260) -> float:
    return min(max((text_width(label, size) for label in labels), default=0) + 16, cap)


def _clip(label: str, max_width: float, size: int = 12) -> str:
    limit = max(int(max_width / (size * 0.58)), 4)
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _finite(value: float | None) -> bool:
    return value is not None and math.isfinite(value)


def _value_label(series: Bars, index: int, fmt: Formatter) -> str:
    return series.labels[index] if series.labels else fmt(series.values[index])


def hbar_chart(categories: Sequence[str], series: Sequence[Bars], axis_label: str, title: str,
               width: float = 720, fmt: Formatter = fmt_tick) -> str:
    """Horizontal bars, one group per category, one bar per series, value labels at the bar ends."""
    bar, gap = 18, 12
    left = _left_margin(categories)
    legend_svg, legend_height = legend([(s.name, s.color_at(0)) for s in series], left, 12, width - left - 20) \
        if len(series) > 1 else ("", 0.0)
    group = bar * len(series)
    height = legend_height + 12 + len(categories) * (group + gap) + 44
    right = max([text_width(_value_label(s, i, fmt), 11) + 12 for s in series for i, v in enumerate(s.values)
                 if _finite(v) and v >= 0] + [30.0])
    frame = Frame(width, height, left, right, legend_height + 10, 44)
    values = [v for s in series for v in s.values if _finite(v)]
    lo, hi = nice_domain(min(0.0, *values), max(0.0, *values)) if values else (0.0, 1.0)
    scale = Scale(lo, hi, frame.x0, frame.x1)
    parts = [legend_svg, x_axis(scale, frame, axis_label, fmt)]
    for index, category in enumerate(categories):
        top = frame.y1 + gap / 2 + index * (group + gap)
        parts.append(text(left - 8, top + group / 2, _clip(category, left - 12), anchor="end"))
        for position, item in enumerate(series):
            value = item.values[index]
            if not _finite(value):
                continue
            y, x_zero, x_value = top + position * bar, scale(0), scale(value)
            parts.append(tag("rect", x=min(x_zero, x_value), y=y + 1, width=max(abs(x_value - x_zero), 0.5),
                             height=float(bar - 2), fill=item.color_at(index)))
            # Labels of negative bars go right of the zero line, clear of the category labels.
            label_x = (x_value if value >= 0 else x_zero) + 4
            parts.append(text(label_x, y + bar / 2, _value_label(item, index, fmt), size=11, fill=MUTED))
    parts.append(tag("line", x1=scale(0), x2=scale(0), y1=float(frame.y1), y2=float(frame.y0), stroke=INK))
    return svg_root(width, height, title, "".join(parts))


def _drop_missing(line: Line) -> Line:
    """The line without points whose x or y is missing (e.g. no silhouette for some k)."""
    kept = [(x, y) for x, y in zip(line.x, line.y) if _finite(x) and _finite(y)]
    return Line(line.name, [x for x, _ in kept], [y for _, y in kept], line.color, line.dash, line.markers)


def line_chart(lines: Sequence[Line], x_label: str, y_label: str, title: str,
               x_domain: tuple[float, float] | None = None, y_domain: tuple[float, float] | None = None,
               marks: Sequence[Mark] = (), diagonal: bool = False, width: float = 420, height: float = 320,
               x_fmt: Formatter = fmt_tick, y_fmt: Formatter = fmt_tick) -> str:
    """Lines over a shared x axis, with an optional y = x reference line and highlighted points."""
    lines = [_drop_missing(line) for line in lines]
    legend_svg, legend_height = legend([(line.name, line.color) for line in lines], 62, 12, width - 80)
    frame = Frame(width, height + legend_height, 62, 18, legend_height + 12, 46)
    xs = [v for line in lines for v in line.x]
    ys = [v for line in lines for v in line.y]
    x_lo, x_hi = x_domain or (nice_domain(min(xs), max(xs)) if xs else (0.0, 1.0))
    y_lo, y_hi = y_domain or (nice_domain(min(ys), max(ys)) if ys else (0.0, 1.0))
    sx, sy = Scale(x_lo, x_hi, frame.x0, frame.x1), Scale(y_lo, y_hi, frame.y0, frame.y1)
    parts = [legend_svg, x_axis(sx, frame, x_label, x_fmt), y_axis(sy, frame, y_label, y_fmt)]
    if diagonal:
        parts.append(tag("line", x1=sx(x_lo), y1=sy(y_lo), x2=sx(x_hi), y2=sy(y_hi), stroke=MUTED,
                         stroke_dasharray="4 4"))
    for line in lines:
        points = " ".join(f"{num(sx(x))},{num(sy(y))}" for x, y in zip(line.x, line.y))
        parts.append(tag("polyline", points=points, fill="none", stroke=line.color, stroke_width=2,
                         stroke_dasharray=line.dash, stroke_linejoin="round"))
        if line.markers:
            parts += [tag("circle", cx=sx(x), cy=sy(y), r=3, fill=line.color) for x, y in zip(line.x, line.y)]
    for mark in marks:
        parts.append(tag("line", x1=sx(mark.x), x2=sx(mark.x), y1=float(frame.y1), y2=float(frame.y0),
                         stroke=mark.color, stroke_dasharray="3 3"))
        parts.append(tag("circle", cx=sx(mark.x), cy=sy(mark.y), r=7, fill="none", stroke=mark.color, stroke_width=2))
        anchor = "start" if sx(mark.x) < (frame.x0 + frame.x1) / 2 else "end"
        offset = 10 if anchor == "start" else -10
        parts.append(text(sx(mark.x) + offset, frame.y1 + 10, mark.label, size=11, anchor=anchor,
                          fill=mark.color, weight="600"))
    return svg_root(width, frame.height, title, "".join(parts))


def _cell_color(value: float, low: float, high: float, diverging: bool) -> str:
    if value is None or not math.isfinite(value):
        return "#f0f0f0"
    if diverging:
        bound = max(abs(low), abs(high)) or 1.0
        return ramp(DIVERGING, (value / bound + 1) / 2)
    return ramp(SEQUENTIAL, (value - low) / (high - low) if high > low else 0.5)


def heatmap(grid: Grid, x_label: str, y_label: str, title: str, cell_width: float = 86,
            cell_height: float = 46) -> str:
    """Coloured cells with their values written inside; column labels may hold a second line after '\\n'."""
    left = _left_margin(grid.rows) + 22
    frame = Frame(left + cell_width * len(grid.cols) + 16, 0, left, 16, 12, 62)
    height = frame.top + cell_height * len(grid.rows) + frame.bottom
    finite = grid.values[np.isfinite(grid.values)]
    low, high = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
    parts = []
    for r, row_label in enumerate(grid.rows):
        y = frame.top + r * cell_height
        parts.append(text(left - 8, y + cell_height / 2, row_label, anchor="end"))
        for c in range(len(grid.cols)):
            x, value = left + c * cell_width, float(grid.values[r][c])
            fill = _cell_color(value, low, high, grid.diverging)
            parts.append(tag("rect", x=float(x), y=float(y), width=cell_width - 2, height=cell_height - 2,
                             fill=fill, rx=3))
            lines = grid.cell_text[r][c].split("\n")
            for i, line in enumerate(lines):
                dy = (i - (len(lines) - 1) / 2) * 14
                parts.append(text(x + cell_width / 2 - 1, y + cell_height / 2 - 1 + dy, line, size=12 - i,
                                  anchor="middle", fill=readable_on(fill)))
    bottom = frame.top + cell_height * len(grid.rows)
    for c, col_label in enumerate(grid.cols):
        for i, line in enumerate(col_label.split("\n")):
            parts.append(text(left + c * cell_width + cell_width / 2, bottom + 12 + i * 13, line,
                              size=11 if i == 0 else 10, anchor="middle", fill=INK if i == 0 else MUTED))
    width = frame.width
    parts.append(text(left + cell_width * len(grid.cols) / 2, height - 12, x_label, anchor="middle"))
    parts.append(text(12, frame.top + cell_height * len(grid.rows) / 2, y_label, anchor="middle", rotate=-90))
    return svg_root(width, height, title, "".join(parts))


def box_chart(categories: Sequence[str], boxes: Sequence[BoxStats], colors: Sequence[str], axis_label: str,
              title: str, log: bool = False, width: float = 720, fmt: Formatter = fmt_tick) -> str:
    """Horizontal box plots: whiskers 5th-95th percentile, box 25th-75th, line = median, diamond = mean."""
    row = 34
    left = _left_margin(categories)
    frame = Frame(width, 16 + row * len(categories) + 46, left, 24, 10, 46)
    shown = [b for b in boxes if b.count]
    low = min([b.low for b in shown] + [b.mean for b in shown]) if shown else 0.0
    high = max([b.high for b in shown] + [b.mean for b in shown]) if shown else 1.0
    if log:
        floor = max(min(low, high / 10), 1e-2) if low > 0 else max(high / 1e4, 1e-2)
        lo, hi = 10 ** math.floor(math.log10(floor)), 10 ** math.ceil(math.log10(max(high, floor * 10)))
    else:
        lo, hi = nice_domain(min(0.0, low), high)
    scale = Scale(lo, hi, frame.x0, frame.x1, log=log)
    parts = [x_axis(scale, frame, axis_label, fmt)]
    for index, (category, box, color) in enumerate(zip(categories, boxes, colors)):
        middle = frame.y1 + 8 + index * row + row / 2
        parts.append(text(left - 8, middle, _clip(category, left - 12), anchor="end"))
        if not box.count:
            continue
        parts.append(tag("line", x1=scale(box.low), x2=scale(box.high), y1=middle, y2=middle, stroke=color,
                         stroke_width=1.5))
        for end in (box.low, box.high):
            parts.append(tag("line", x1=scale(end), x2=scale(end), y1=middle - 6, y2=middle + 6, stroke=color,
                             stroke_width=1.5))
        parts.append(tag("rect", x=scale(box.q1), y=middle - 10, width=max(scale(box.q3) - scale(box.q1), 1.5),
                         height=20, fill=color, fill_opacity=0.25, stroke=color, stroke_width=1.5))
        parts.append(tag("line", x1=scale(box.median), x2=scale(box.median), y1=middle - 10, y2=middle + 10,
                         stroke=INK, stroke_width=2))
        mx = scale(box.mean)
        parts.append(tag("path", d=f"M{num(mx)} {num(middle - 6)}l6 6l-6 6l-6 -6z", fill="#ffffff", stroke=INK,
                         stroke_width=1.2))
    return svg_root(width, frame.height, title, "".join(parts))


def histogram_chart(edges: np.ndarray, counts: np.ndarray, colors: Sequence[str], x_label: str, title: str,
                    markers: Sequence[tuple[float, str]] = (), legend_items: Sequence[tuple[str, str]] = (),
                    width: float = 720, height: float = 300) -> str:
    """Adjacent bars over bin edges, optional labelled vertical markers (e.g. thresholds)."""
    legend_svg, legend_height = legend(list(legend_items), 62, 12, width - 80)
    frame = Frame(width, height + legend_height, 62, 20, legend_height + 26, 46)
    sx = Scale(float(edges[0]), float(edges[-1]), frame.x0, frame.x1)
    sy = Scale(*nice_domain(0.0, float(max(counts.max(), 1))), frame.y0, frame.y1)
    parts = [legend_svg, x_axis(sx, frame, x_label), y_axis(sy, frame, "customers")]
    for left_edge, right_edge, count, color in zip(edges[:-1], edges[1:], counts, colors):
        if count:
            parts.append(tag("rect", x=sx(left_edge), y=sy(count), width=max(sx(right_edge) - sx(left_edge) - 1, 0.5),
                             height=sy(0) - sy(count), fill=color))
    for value, label in markers:
        parts.append(tag("line", x1=sx(value), x2=sx(value), y1=float(frame.y1 - 8), y2=float(frame.y0), stroke=INK,
                         stroke_dasharray="4 3"))
        parts.append(text(sx(value) + 4, frame.y1 - 10, label, size=11, fill=INK, weight="600"))
    return svg_root(width, frame.height, title, "".join(parts))


def scatter_chart(x: Sequence[float], y: Sequence[float], colors: Sequence[str], x_label: str, y_label: str,
                  title: str, legend_items: Sequence[tuple[str, str]] = (), y_log: bool = False,
                  width: float = 720, height: float = 360) -> str:
    """One dot per row (callers sample large frames first)."""
    legend_svg, legend_height = legend(list(legend_items), 62, 12, width - 80)
    frame = Frame(width, height + legend_height, 62, 20, legend_height + 12, 46)
    sx = Scale(*nice_domain(min(0.0, min(x)), max(x)), frame.x0, frame.x1)
    if y_log:
        positive = [v for v in y if v > 0] or [1.0]
        sy = Scale(10 ** math.floor(math.log10(min(positive))), 10 ** math.ceil(math.log10(max(positive) * 1.0001)),
                   frame.y0, frame.y1, log=True)
    else:
        sy = Scale(*nice_domain(min(0.0, min(y)), max(y)), frame.y0, frame.y1)
    parts = [legend_svg, x_axis(sx, frame, x_label), y_axis(sy, frame, y_label)]
    parts += [tag("circle", cx=sx(a), cy=sy(b), r=2.5, fill=c, fill_opacity=0.55) for a, b, c in zip(x, y, colors)]
    return svg_root(width, frame.height, title, "".join(parts))

"""Model-evaluation charts shared by the sources: ROC and precision-recall curves, confusion matrices."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from customer_value.report.charts import Grid, Line, heatmap, line_chart
from customer_value.report.stats import Curve, thin_curve

MAX_CURVE_POINTS = 300


def roc_chart(curves: dict[str, Curve], colors: dict[str, str], title: str) -> str:
    """ROC curves, one per class or model, with the area (AUC) in the legend and the chance diagonal."""
    lines = [Line(f"{name} (AUC {curve.area:.3f})", *_points(curve), colors[name]) for name, curve in curves.items()]
    return line_chart(lines, "false-positive rate", "true-positive rate (recall)", title,
                      x_domain=(0.0, 1.0), y_domain=(0.0, 1.0), diagonal=True, height=300)


def pr_chart(curves: dict[str, Curve], colors: dict[str, str], baselines: dict[str, float], title: str) -> str:
    """Precision-recall curves with average precision (AP) in the legend; dashed = the class's share (chance)."""
    lines = [Line(f"{name} (AP {curve.area:.3f})", *_points(curve), colors[name]) for name, curve in curves.items()]
    lines += [Line(f"{name} chance", [0.0, 1.0], [base, base], colors[name], dash="2 4")
              for name, base in baselines.items()]
    return line_chart(lines, "recall", "precision", title, x_domain=(0.0, 1.0), y_domain=(0.0, 1.0), height=300)


def confusion_chart(labels: Sequence[str], counts: np.ndarray, title: str) -> str:
    """Rows = real class, columns = predicted class; colour and percentage = share of the real class."""
    totals = counts.sum(axis=1, keepdims=True)
    shares = np.divide(counts, totals, out=np.zeros_like(counts, dtype=float), where=totals > 0)
    text = [[f"{counts[r, c]:,}\n{shares[r, c] * 100:.0f}%" for c in range(len(labels))] for r in range(len(labels))]
    grid = Grid([f"real {label}" for label in labels], [f"predicted\n{label}" for label in labels], shares, text)
    return heatmap(grid, "predicted class", "real class", title, cell_height=50)


def _points(curve: Curve) -> tuple[list[float], list[float]]:
    thin = thin_curve(curve, MAX_CURVE_POINTS)
    return thin.x.tolist(), thin.y.tolist()

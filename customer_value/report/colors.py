"""The report's colours and font, shared by the charts and the HTML tables."""

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

"""The HTML report: helpers on tiny frames with known answers, then the real pages in headless Chromium."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from customer_value.bench.chromium import CHROMIUM, CHROMIUM_ARGS
from customer_value.report import olist_sections
from customer_value.report.charts import Bars, Grid, Line, Mark, chart_html, hbar_chart, heatmap, line_chart
from customer_value.report.data import SourceData
from customer_value.report.stats import (
    box_stats, compare_group, confusion_counts, pr_points, quintile_scores, rf_grid, rf_scores, roc_points,
    sample_rows, score_ranges, thin_curve,
)
from customer_value.report.ticks import nice_domain, nice_ticks



# ---------------------------------------------------------------- scores and grids


def test_quintile_scores_give_each_fifth_one_score():
    values = pd.Series([10, 20, 30, 40, 50, 60, 70, 80, 90, 100])
    assert quintile_scores(values).tolist() == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
    # recency: fewer days = better = higher score
    assert quintile_scores(values, higher_is_better=False).tolist() == [5, 5, 4, 4, 3, 3, 2, 2, 1, 1]


def test_quintile_scores_split_ties_by_row_order():
    frequency = pd.Series([1, 1, 1, 1, 1, 1, 1, 1, 3, 2])
    # eight customers tie at 1 order: they fill scores 1-4 in row order; the two repeat buyers get score 5
    assert quintile_scores(frequency).tolist() == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]


def test_rf_grid_has_all_25_cells_with_counts_and_mean_spend():
    customers = pd.DataFrame({
        "recency_days": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
        "frequency": [10, 9, 8, 7, 6, 5, 4, 3, 2, 1],
        "monetary": [100.0, 200.0, 10, 10, 10, 10, 10, 10, 10, 30.0],
    })
    scored = rf_scores(customers)
    assert scored["r_score"].tolist() == [5, 5, 4, 4, 3, 3, 2, 2, 1, 1]
    assert scored["f_score"].tolist() == [5, 5, 4, 4, 3, 3, 2, 2, 1, 1]
    grid = rf_grid(scored).set_index(["r_score", "f_score"])
    assert len(grid) == 25 and grid["customers"].sum() == 10
    assert grid.loc[(5, 5), "customers"] == 2 and grid.loc[(5, 5), "mean_monetary"] == 150.0
    assert grid.loc[(1, 1), "mean_monetary"] == 20.0
    assert grid.loc[(1, 5), "customers"] == 0 and np.isnan(grid.loc[(1, 5), "mean_monetary"])
    assert score_ranges(scored["recency_days"], scored["r_score"])[5] == (1.0, 2.0)


# ---------------------------------------------------------------- curves, matrices, summaries


def test_roc_points_and_auc_known_answer():
    curve = roc_points(np.array([0, 0, 1, 1]), np.array([0.1, 0.4, 0.35, 0.8]))
    assert curve.area == pytest.approx(0.75)
    assert curve.x.tolist() == [0.0, 0.0, 0.5, 0.5, 1.0]
    assert curve.y.tolist() == [0.0, 0.5, 0.5, 1.0, 1.0]


def test_pr_points_run_from_low_to_high_recall_with_average_precision():
    curve = pr_points(np.array([0, 0, 1, 1]), np.array([0.1, 0.4, 0.35, 0.8]))
    assert curve.area == pytest.approx((1.0 + 2 / 3) / 2)  # precision 1 at recall 0.5, 2/3 at recall 1
    assert curve.x[0] == 0.0 and curve.x[-1] == 1.0
    assert np.all(np.diff(curve.x) >= 0)


def test_thin_curve_keeps_both_ends_and_caps_points():
    curve = roc_points(np.tile([0, 1], 500), np.linspace(0, 1, 1000) + np.tile([0, 0.01], 500))
    thin = thin_curve(curve, 50)
    assert len(thin.x) <= 50
    assert (thin.x[0], thin.y[0], thin.x[-1], thin.y[-1]) == (curve.x[0], curve.y[0], curve.x[-1], curve.y[-1])


def test_confusion_counts_rows_are_actual_columns_predicted():
    actual = pd.Series(["Low", "Low", "High", "Medium", "High"])
    predicted = pd.Series(["Low", "High", "High", "Low", "High"])
    counts = confusion_counts(actual, predicted, ["Low", "Medium", "High"])
    assert counts.tolist() == [[1, 0, 1], [1, 0, 0], [0, 0, 2]]


def test_box_stats_percentiles_and_mean():
    stats = box_stats(pd.Series(np.arange(0, 101, dtype=float)))
    assert (stats.low, stats.q1, stats.median, stats.q3, stats.high, stats.mean, stats.count) == (
        5.0, 25.0, 50.0, 75.0, 95.0, 50.0, 101)


def test_compare_group_shares_and_means():
    frame = pd.DataFrame({"monetary": [100.0, 300.0, 50.0, 50.0]})
    result = compare_group(frame, frame["monetary"] > 60, ["monetary"], total="monetary")
    assert result.loc["in group", "customers"] == 2 and result.loc["in group", "share"] == 0.5
    assert result.loc["in group", "monetary"] == 200.0 and result.loc["everyone else", "monetary"] == 50.0
    assert result.loc["in group", "monetary_share"] == pytest.approx(0.8)


def test_sample_rows_is_bounded_and_reproducible():
    frame = pd.DataFrame({"x": range(10_000)})
    first, second = sample_rows(frame, 500, seed=42), sample_rows(frame, 500, seed=42)
    assert len(first) == 500 and first.equals(second) and first.index.is_monotonic_increasing
    assert sample_rows(frame.head(20), 500).equals(frame.head(20))


# ---------------------------------------------------------------- charts


def test_nice_ticks_and_domains():
    assert nice_ticks(0, 1) == [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]
    assert nice_domain(0, 7.3) == (0.0, 8.0)
    assert nice_domain(-4.26, 7.31) == (-5.0, 7.5)


def test_hbar_chart_has_one_bar_per_value_formatted_labels_and_first_category_on_top():
    chart = hbar_chart(["a <b>", "c & d"], [Bars("s", [0.25, -0.1], "#000000")], "share", "Title <x>",
                       fmt=lambda v: f"{v * 100:.0f}%")
    (bars,) = chart.data
    assert list(bars.y) == ["a <b>", "c & d"] and list(bars.x) == [0.25, -0.1]
    assert list(bars.text) == ["25%", "-10%"]
    assert chart.layout.yaxis.autorange == "reversed" and chart.layout.title.text == "Title <x>"
    assert "30%" in chart.layout.xaxis.ticktext  # the axis is labelled with the same formatter


def test_chart_html_is_stable_and_keeps_labels_out_of_the_markup():
    chart = hbar_chart(["a <b>"], [Bars("s", [3.0], "#000000")], "value", "Title")
    html = chart_html(chart, "caption")
    assert html == chart_html(hbar_chart(["a <b>"], [Bars("s", [3.0], "#000000")], "value", "Title"), "caption")
    assert "a <b>" not in html and html != chart_html(chart, "another caption")


def test_heatmap_writes_every_cell_and_leaves_missing_values_blank():
    grid = Grid(["r1", "r2"], ["c1", "c2\nsecond line"], np.array([[1.0, np.nan], [3.0, 4.0]]),
                [["1", "–"], ["3", "4"]])
    (cells,) = heatmap(grid, "x", "y", "Heat").data
    assert cells.z[0][0] == 1.0 and (cells.z[0][1] is None or np.isnan(cells.z[0][1]))
    assert list(cells.x) == ["c1", "c2<br>second line"] and [list(row) for row in cells.text] == [["1", "–"], ["3", "4"]]


def test_line_chart_drops_missing_points_and_marks_the_chosen_k():
    chart = line_chart([Line("k", [2, 3, 4], [1.0, float("nan"), 0.2], "#000000", markers=True)], "k", "inertia",
                       "Lines", marks=[Mark(3, 0.5, "chosen k = 3")])
    line, mark = chart.data
    assert list(line.x) == [2, 4] and list(line.y) == [1.0, 0.2]
    assert list(mark.text) == ["chosen k = 3"] and list(mark.x) == [3]


def test_olist_model_section_shows_the_reason_when_the_model_was_not_fit():
    metrics = pd.DataFrame([{"split": "none", "class_label": None, "class_name": None, "precision": None,
                             "recall": None, "f1": None, "support": None, "accuracy": None, "roc_auc": None,
                             "model_status": "not_fit", "status_reason": "only 1 high-value customer"}])
    data = SourceData("olist", Path("w.duckdb"), {"metrics": metrics})
    section = olist_sections.model_section(data, pd.DataFrame())
    html = section.intro + section.body
    assert "only 1 high-value customer" in html and "<figure" not in html and "plotly" not in html


# ---------------------------------------------------------------- the real pages in a browser


@pytest.fixture(scope="module")
def reports(sample_build, tmp_path_factory) -> dict[str, Path]:
    """`python -m customer_value.report` run on the sample warehouse; the written files by source."""
    out = tmp_path_factory.mktemp("reports")
    result = subprocess.run(
        [sys.executable, "-m", "customer_value.report", "--warehouse", str(sample_build.warehouse), "--out", str(out)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    paths = {p.stem: p for p in out.glob("*.html")}
    assert set(paths) == {"olist", "ecomx", "transactions"}
    assert all(str(p.resolve()) in result.stdout for p in paths.values())
    return paths


def test_report_html_has_no_external_references_and_stays_small(reports):
    for path in reports.values():
        html = path.read_text(encoding="utf-8")
        assert path.stat().st_size < 8_000_000  # Plotly's library, embedded once, is about 4.7 MB of it
        scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.DOTALL)
        assert all("src" not in attributes for attributes, _ in scripts)
        assert sum("Plotly.newPlot" in code for _, code in scripts) >= MIN_FIGURES[path.stem]
        markup = re.sub(r"<script[^>]*>.*?</script>", "", html, flags=re.DOTALL)
        assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", markup, re.IGNORECASE)
        assert "@import" not in markup and "url(" not in markup


VALUE_SECTIONS = ["RFM named segments", "Who will be valuable next"]
EXPECTED = {
    "olist": ["Who are the high-value customers?", "Segments: how big they are and what to do",
              "Recency x frequency grid", "How many segments? (KMeans diagnostics)",
              "How good is the high-value model?", *VALUE_SECTIONS],
    "ecomx": ["Who are the high-value customers?", "Customer lifetime value (CLV) classes",
              "How well can the CLV class be predicted?", "Every classifier up close", "What drives the predictions",
              *VALUE_SECTIONS],
    "transactions": ["Segments: how big they are and what to do", "Recency x frequency grid",
                     "How many segments? (KMeans diagnostics)", *VALUE_SECTIONS],
}
# ecomx: 8 classifiers x (ROC, PR, confusion) alone are 24; the value sections add 5 per source
MIN_FIGURES = {"olist": 19, "ecomx": 41, "transactions": 12}


@pytest.mark.parametrize("source", list(EXPECTED))
def test_report_renders_every_chart_offline_in_chromium(reports, source, tmp_path):
    if not CHROMIUM.exists():
        pytest.fail("the browser test needs Debian's chromium at /usr/bin/chromium: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    url = reports[source].resolve().as_uri()
    errors, outside = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("request", lambda r: None if r.url == url or r.url.startswith("data:") else outside.append(r.url))
            page.route("**/*", lambda route: route.continue_() if route.request.url == url else route.abort())
            page.goto(url, wait_until="load")
            page.wait_for_selector("body[data-charts=ready]", state="attached", timeout=60_000)
            figures = page.evaluate("""() => [...document.querySelectorAll('figure')].map(f => {
                const svg = f.querySelector('.js-plotly-plot svg.main-svg');
                const box = svg ? svg.getBoundingClientRect() : null;
                return {svg: !!svg, width: box ? box.width : 0, height: box ? box.height : 0,
                        room: f.getBoundingClientRect().width,
                        caption: (f.querySelector('figcaption') || {}).textContent || ''};
            })""")
            headings = page.eval_on_selector_all("h2", "els => els.map(e => e.textContent)")
            page.screenshot(path=str(tmp_path / f"{source}.png"), full_page=True)
        finally:
            browser.close()
    assert errors == [] and outside == []
    assert len(figures) >= MIN_FIGURES[source]
    for figure in figures:
        assert figure["svg"] and 0 < figure["width"] <= figure["room"] + 1 and figure["height"] > 0, figure
        assert figure["caption"].strip(), figure
    assert all(title in headings for title in EXPECTED[source]), headings
    assert (tmp_path / f"{source}.png").stat().st_size > 10_000

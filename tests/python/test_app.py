"""The Streamlit app: every page's numbers equal the warehouse's, filters select the right customers, it
reads the Parquet exports as well as the warehouse file, only declared tables, and it serves in Chromium."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from app_driver import count, metrics, money, open_app
from conftest import REPO, Build, Release
from customer_value.app import MAIN
from customer_value.app.selection import Selection, customers
from customer_value.app.warehouse import WAREHOUSE_ENV, Warehouse
from customer_value.bench.app_startup import serve_and_render
from customer_value.bench.chromium import CHROMIUM
from customer_value.warehouse.publish import publish

SOURCES = ["olist", "ecomx", "transactions"]
APP_EXPOSURE = "customer_value_app"


@pytest.mark.parametrize("source", SOURCES)
def test_overview_shows_the_warehouse_figures(monkeypatch, sample_release: Release,
                                              sample_build: Build, source: str) -> None:
    app = open_app(monkeypatch, sample_release.published, source)
    expected = sample_build.table(f"""
        select count(*) as customers, sum(monetary) as revenue,
            count(*) filter (segment_role = 'high-ticket') as high_ticket
        from {source}_customer_segments""").iloc[0]
    spend = sample_build.scalar(f"select sum(expected_spend) from {source}_customer_value_forecast")
    assert metrics(app) == {"Customers": count(expected["customers"]), "Revenue": money(expected["revenue"]),
                            "High-ticket customers": count(expected["high_ticket"]),
                            "Expected spend (forecast horizon)": money(spend)}
    profiles = sample_build.table(f"select segment_name, customers from {source}_segment_profiles order by segment_id")
    shown = app.dataframe[0].value
    assert shown["segment_name"].tolist() == profiles["segment_name"].tolist()
    assert shown["customers"].tolist() == profiles["customers"].tolist()
    files = sample_build.scalar(f"select count(*) from dq_reconciliation where source_name = '{source}'")
    assert app.success[0].value.startswith(f"All {files} input files reconcile; 0 rows were quarantined")


def _olist_regions(build: Build) -> pd.DataFrame:
    """Each person's state, recomputed here: the customer record of their latest delivered order."""
    orders = build.table("select customer_unique_id, customer_id, order_id, purchased_at from fct_olist_orders "
                         "where is_delivered")
    states = build.table("select customer_id, customer_state from intermediate.int_olist__customers_validated")
    latest = orders.sort_values(["purchased_at", "order_id"]).groupby("customer_unique_id").tail(1)
    return latest.merge(states, on="customer_id")[["customer_unique_id", "customer_state"]]


def test_segment_filters_select_exactly_the_matching_customers(monkeypatch, sample_release: Release,
                                                               sample_build: Build) -> None:
    app = open_app(monkeypatch, sample_release.published, "olist", "views/segments.py")
    assert metrics(app)["Customers selected"] == count(sample_build.scalar("select count(*) from olist_customer_rfm"))
    app.multiselect(key="rfm_segments").set_value(["At risk", "Lost", "Hibernating"]).run()
    app.multiselect(key="regions").set_value(["SP", "RJ"]).run()
    app.number_input(key="min_value").set_value(5.0).run()
    assert not app.exception
    people = (sample_build.table("select r.customer_unique_id, r.rfm_segment, r.monetary, f.expected_spend, "
                                 "f.discounted_lifetime_value from olist_customer_rfm_scores r "
                                 "join olist_customer_value_forecast f using (customer_unique_id)")
              .merge(_olist_regions(sample_build), on="customer_unique_id"))
    chosen = people[people["rfm_segment"].isin(["At risk", "Lost", "Hibernating"])
                    & people["customer_state"].isin(["SP", "RJ"]) & (people["discounted_lifetime_value"] >= 5.0)]
    assert 0 < len(chosen) < len(people)
    assert metrics(app) == {
        "Customers selected": count(len(chosen)), "Their revenue": money(chosen["monetary"].astype(float).sum()),
        "Their expected spend": money(chosen["expected_spend"].sum()),
        "Their forecast value": money(chosen["discounted_lifetime_value"].sum())}
    listed = app.dataframe[0].value
    order = chosen.sort_values(["discounted_lifetime_value", "customer_unique_id"], ascending=[False, True])
    assert listed["customer_unique_id"].tolist() == order["customer_unique_id"].head(1000).tolist()
    assert app.get("download_button")[0].label == f"Download all {count(len(chosen))} customers (CSV)"
    app.multiselect(key="lifecycles").set_value(["active"]).run()  # At risk, Lost and Hibernating are not active
    assert metrics(app)["Customers selected"] == "0" and app.info[0].value == "No customer matches these filters."


def test_the_download_holds_every_selected_customer(sample_release: Release, sample_build: Build) -> None:
    warehouse = Warehouse.open(sample_release.published)
    try:
        everyone = customers(warehouse, "ecomx", Selection(), limit=None)
        lapsed = customers(warehouse, "ecomx", Selection(lifecycles=("lapsed",)), limit=None)
    finally:
        warehouse.close()
    assert len(everyone) == sample_build.scalar("select count(*) from ecomx_customer_segments") > 1000
    expected = sample_build.scalar("select count(*) from ecomx_customer_rfm_scores r join reference.rfm_segments s "
                                   "on r.rfm_segment = s.segment_name where s.lifecycle = 'lapsed'")
    assert len(lapsed) == expected > 0 and set(lapsed["rfm_lifecycle"]) == {"lapsed"}


def test_value_page_olist_high_value_and_forecast(monkeypatch, sample_release: Release, sample_build: Build) -> None:
    app = open_app(monkeypatch, sample_release.published, "olist", "views/value.py")
    high = sample_build.table("""
        select count(*) filter (s.is_high_value = 1) as customers,
            sum(c.monetary) filter (s.is_high_value = 1) / sum(c.monetary) as revenue_share,
            avg(c.monetary) filter (s.is_high_value = 1) as mean_spend
        from olist_high_value_scores s join olist_customer_segments c using (customer_unique_id)""").iloc[0]
    forecast = sample_build.table("""select count(discounted_lifetime_value) as customers, sum(expected_purchases) as
        purchases, sum(expected_spend) as spend, sum(discounted_lifetime_value) as value
        from olist_customer_value_forecast""").iloc[0]
    assert metrics(app) == {
        "High-value customers": count(high["customers"]), "Their share of revenue": f"{high['revenue_share']:.1%}",
        "Their average spend": money(high["mean_spend"]), "Customers with a forecast": count(forecast["customers"]),
        "Expected purchase days": f"{forecast['purchases']:,.1f}", "Expected spend": money(forecast["spend"]),
        "Discounted lifetime value": money(forecast["value"])}
    assert len(app.dataframe[0].value) == sample_build.scalar(
        "select count(*) from olist_model_metrics where split = 'test'")
    top = sample_build.table("select customer_unique_id from olist_customer_value_forecast "
                             "order by discounted_lifetime_value desc, customer_unique_id limit 15")
    assert app.dataframe[1].value["customer_unique_id"].tolist() == top["customer_unique_id"].tolist()


def test_value_page_ecomx_clv_classes(monkeypatch, sample_release: Release, sample_build: Build) -> None:
    app = open_app(monkeypatch, sample_release.published, "ecomx", "views/value.py")
    classes = sample_build.table("select clv_class, count(*) as n from ecomx_customer_clv group by all")
    shown = metrics(app)
    for label, n in zip(classes["clv_class"], classes["n"]):
        assert shown[f"{label} CLV customers"] == count(n)
    best = sample_build.table("select model, feature_set from ecomx_model_metrics where split = 'test' and is_best_model")
    table = app.dataframe[0].value
    assert len(table) == 8 and table.loc[table["is_best_model"], ["model", "feature_set"]].values.tolist() == \
        best.values.tolist()


def test_history_page_without_history_says_how_to_record_it(monkeypatch, sample_release: Release) -> None:
    app = open_app(monkeypatch, sample_release.published, "olist", "views/history.py")
    assert "records 1 as-of date (2018-08-29)" in app.info[0].value and "make history" in app.info[0].value


def test_the_app_reads_the_parquet_exports_like_the_warehouse(monkeypatch, sample_release: Release) -> None:
    for page in ["views/overview.py", "views/segments.py", "views/value.py", "views/data_quality.py"]:
        from_file = metrics(open_app(monkeypatch, sample_release.published, "ecomx", page))
        from_exports = metrics(open_app(monkeypatch, sample_release.exports, "ecomx", page))
        assert from_exports == from_file and from_file


def test_publishing_while_the_app_reads_is_not_blocked_and_the_next_run_shows_the_new_release(
        monkeypatch, tmp_path: Path, sample_build: Build) -> None:
    warehouse = tmp_path / "warehouse" / sample_build.warehouse.name
    warehouse.parent.mkdir()
    shutil.copyfile(sample_build.warehouse, warehouse)
    published = warehouse.parent / "published" / warehouse.name
    publish(warehouse, published, tmp_path / "exports")
    app = open_app(monkeypatch, published, "olist")
    customers_before = sample_build.scalar("select count(*) from olist_customer_actions")
    assert metrics(app)["Customers"] == count(customers_before)
    with duckdb.connect(str(warehouse)) as connection:  # the next build: one customer fewer
        connection.execute("delete from olist_customer_actions where customer_unique_id = "
                           "(select min(customer_unique_id) from olist_customer_actions)")
    publish(warehouse, published, tmp_path / "exports")  # the app still holds the first release open
    app.run()
    assert not app.exception and metrics(app)["Customers"] == count(customers_before - 1)


def test_a_missing_warehouse_says_how_to_make_one(monkeypatch, tmp_path: Path) -> None:
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv(WAREHOUSE_ENV, str(tmp_path / "nowhere.duckdb"))
    app = AppTest.from_file(str(MAIN), default_timeout=60).run()
    assert "No warehouse at" in app.error[0].value and "make build" in app.error[0].value
    assert WAREHOUSE_ENV in app.error[0].value


def test_a_warehouse_locked_by_a_build_points_to_the_published_copy(monkeypatch, tmp_path: Path,
                                                                   sample_build: Build) -> None:
    from streamlit.testing.v1 import AppTest

    live = tmp_path / "customer_value.duckdb"
    shutil.copyfile(sample_build.warehouse, live)
    writer = subprocess.Popen([sys.executable, "-c", f"import duckdb, time; c = duckdb.connect({str(live)!r}); "
                               "print('writing', flush=True); time.sleep(120)"], stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "writing"
        monkeypatch.setenv(WAREHOUSE_ENV, str(live))
        app = AppTest.from_file(str(MAIN), default_timeout=60).run()
    finally:
        writer.kill()
        writer.wait()
    assert not app.exception
    assert f"Cannot open {live} read-only" in app.error[0].value and "published copy" in app.error[0].value


def test_the_app_reads_only_tables_its_exposure_declares(sample_build: Build) -> None:
    manifest = json.loads((sample_build.warehouse.parent / "target" / "manifest.json").read_text())
    exposure = next(e for e in manifest["exposures"].values() if e["name"] == APP_EXPOSURE)
    declared = {manifest["nodes"][node]["name"] for node in exposure["depends_on"]["nodes"]}
    code = "\n".join(path.read_text() for path in (REPO / "customer_value" / "app").rglob("*.py"))
    present = set(sample_build.table("select table_name from information_schema.tables where table_schema = 'main'")
                  ["table_name"])
    read = set(re.findall(r"main\.(dq_\w+)", code))
    for table in set(re.findall(r"main\.\{(?:name|source)\}_(\w+)", code)):
        read |= {f"{source}_{table}" for source in SOURCES if f"{source}_{table}" in present}
    assert len(read) == 27 and read <= declared, read - declared


def test_the_served_app_renders_in_chromium(sample_release: Release, tmp_path: Path) -> None:
    if not CHROMIUM.exists():
        pytest.fail("the browser test needs Debian's chromium at /usr/bin/chromium: apt-get install -y chromium")
    rendered = serve_and_render(sample_release.published, screenshot=tmp_path / "overview.png")
    print(f"app served and drawn in {rendered.seconds:.1f} s")
    assert "Olist: customer value" in rendered.text and "4,687" in rendered.text
    assert "Segments: how big they are and what to do" in rendered.text
    assert rendered.errors == [] and rendered.outside == []
    assert (tmp_path / "overview.png").stat().st_size > 50_000

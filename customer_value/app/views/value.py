"""High value and forecast: who the high-value customers are (Olist) or the CLV classes (EcomX), and who
will be valuable next (BG/NBD and Gamma-Gamma, judged on the time holdout)."""

import streamlit as st

from customer_value.app.context import chart, count, money, require, source, warehouse
from customer_value.app.warehouse import KEYS
from customer_value.report.olist_sections import high_value_figures, high_value_profile
from customer_value.report.value_sections import alive_figure, comparison_figures, top_customers

data, name = warehouse(), source()
require(data, f"{name}_customer_value_forecast")
key = KEYS[name]
st.title("High value and forecast")

if data.has(f"{name}_high_value_scores"):
    st.header("Who are the high-value customers?")
    customers = data.query(
        f"select segments.{key} as customer_id, segments.recency_days, segments.frequency, segments.monetary, "
        f"scores.is_high_value from main.{name}_customer_segments as segments "
        f"inner join main.{name}_high_value_scores as scores using ({key})")
    profile = high_value_profile(customers)
    high = profile.iloc[0]
    columns = st.columns(3)
    columns[0].metric("High-value customers", count(high["customers"]))
    columns[1].metric("Their share of revenue", f"{high['monetary_share']:.1%}")
    columns[2].metric("Their average spend", money(high["monetary"]))
    left, right = st.columns(2)
    shares, spend = high_value_figures(profile)
    with left:
        chart(shares)
    with right:
        chart(spend)
    st.subheader("The high-value model on the test split")
    st.dataframe(data.query(f"select * from main.{name}_model_metrics where split = 'test' order by class_label"),
                 hide_index=True, width="stretch")

if data.has(f"{name}_clv_thresholds"):
    st.header("Customer lifetime value classes")
    classes = data.query(f"select * from main.{name}_clv_thresholds").iloc[0]
    columns = st.columns(3)
    for column, label in zip(columns, ["low", "medium", "high"]):
        column.metric(f"{label.capitalize()} CLV customers", count(classes[f"{label}_customers"]))
    st.caption(f"Low below the first quartile ({money(classes['q1'])}), high above the third ({money(classes['q3'])}).")
    st.subheader("Four classifiers compared on the test split")
    st.dataframe(data.query(f"select model, feature_set, accuracy, macro_f1, weighted_f1, is_best_model "
                            f"from main.{name}_model_metrics where split = 'test' order by feature_set, macro_f1 desc"),
                 hide_index=True, width="stretch")

st.header("Who will be valuable next")
forecast = data.query(f"select {key} as customer_id, frequency, probability_alive, expected_purchases, expected_spend, "
                      f"discounted_lifetime_value from main.{name}_customer_value_forecast")
columns = st.columns(4)
columns[0].metric("Customers with a forecast", count(forecast["discounted_lifetime_value"].notna().sum()))
columns[1].metric("Expected purchase days", f"{forecast['expected_purchases'].sum():,.1f}")
columns[2].metric("Expected spend", money(forecast["expected_spend"].sum()))
columns[3].metric("Discounted lifetime value", money(forecast["discounted_lifetime_value"].sum()))
evaluation = data.query(f"select * from main.{name}_value_model_evaluation")
left, right = st.columns(2)
with left:
    chart(alive_figure(forecast))
if evaluation["value"].notna().any():
    lift, capture = comparison_figures(evaluation)
    with right:
        chart(lift)
    chart(capture)
else:
    reasons = evaluation["status_reason"].dropna()
    with right:
        st.info("No holdout to judge the forecasts on" + (f": {reasons.iloc[0]}" if len(reasons) else "."))
st.subheader("The customers with the highest forecast value")
st.dataframe(top_customers(forecast).rename(columns={"customer_id": key}), hide_index=True, width="stretch")

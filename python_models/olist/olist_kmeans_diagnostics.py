from customer_value.segments import SegmentSettings, kmeans_diagnostics


def model(dbt, session):
    dbt.config(materialized="table")
    settings = SegmentSettings.from_config(dbt.config.get)
    rfm = dbt.ref("olist_customer_rfm").df()
    return kmeans_diagnostics(rfm, "customer_unique_id", ["recency_days", "frequency", "monetary"], settings)

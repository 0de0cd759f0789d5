from customer_value.segments import SegmentSettings, fit_segments


def model(dbt, session):
    dbt.config(materialized="table")
    settings = SegmentSettings.from_config(dbt.config.get)
    rfm = dbt.ref("olist_customer_rfm").df()
    features = ["recency_days", "frequency", "monetary"]
    return fit_segments(rfm, key="customer_unique_id", features=features, settings=settings)

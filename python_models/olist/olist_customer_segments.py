from customer_value.segments import SegmentSettings, fit_segments


def model(dbt, session):
    dbt.config(materialized="table")
    settings = SegmentSettings(
        k=int(dbt.config.get("segments_k")),
        random_state=int(dbt.config.get("segments_random_state")),
        n_init=int(dbt.config.get("segments_n_init")),
    )
    rfm = dbt.ref("olist_customer_rfm").df()
    features = ["recency_days", "frequency", "monetary"]
    return fit_segments(rfm, key="customer_unique_id", features=features, settings=settings)

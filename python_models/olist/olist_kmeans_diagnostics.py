from customer_value.segments import SegmentSettings, kmeans_diagnostics


def model(dbt, session):
    dbt.config(materialized="table")
    settings = SegmentSettings(
        k=int(dbt.config.get("segments_k")),
        random_state=int(dbt.config.get("segments_random_state")),
        n_init=int(dbt.config.get("segments_n_init")),
    )
    rfm = dbt.ref("olist_customer_rfm").df()
    return kmeans_diagnostics(rfm, "customer_unique_id", ["recency_days", "frequency", "monetary"], settings)

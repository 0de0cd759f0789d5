from customer_value.ecomx import SEGMENT_FEATURES
from customer_value.segments import SegmentSettings, fit_segments


def model(dbt, session):
    dbt.config(materialized="table")
    settings = SegmentSettings(
        k=int(dbt.config.get("segments_k")),
        random_state=int(dbt.config.get("segments_random_state")),
        n_init=int(dbt.config.get("segments_n_init")),
    )
    rfm = dbt.ref("ecomx_customer_rfm").df()
    engagement = dbt.ref("ecomx_customer_features").df()[["customer_id", "site_visits", "emails_opened", "clicks"]]
    customers = rfm.merge(engagement, on="customer_id", validate="one_to_one").fillna({"site_visits": 0, "emails_opened": 0, "clicks": 0})
    return fit_segments(customers, key="customer_id", features=SEGMENT_FEATURES, settings=settings)

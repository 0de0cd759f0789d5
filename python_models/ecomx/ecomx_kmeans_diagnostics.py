from customer_value.ecomx import SEGMENT_FEATURES
from customer_value.segments import SegmentSettings, kmeans_diagnostics


def model(dbt, session):
    dbt.config(materialized="table")
    settings = SegmentSettings(
        k=int(dbt.config.get("segments_k")),
        random_state=int(dbt.config.get("segments_random_state")),
        n_init=int(dbt.config.get("segments_n_init")),
    )
    segments = dbt.ref("ecomx_customer_segments").df()
    return kmeans_diagnostics(segments, "customer_id", SEGMENT_FEATURES, settings)

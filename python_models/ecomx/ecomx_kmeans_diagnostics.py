from customer_value.ecomx import SEGMENT_FEATURES
from customer_value.segments import SegmentSettings, kmeans_diagnostics


def model(dbt, session):
    dbt.config(materialized="table")
    settings = SegmentSettings.from_config(dbt.config.get)
    segments = dbt.ref("ecomx_customer_segments").df()
    return kmeans_diagnostics(segments, "customer_id", SEGMENT_FEATURES, settings)

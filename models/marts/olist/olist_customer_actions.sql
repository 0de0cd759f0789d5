{{ config(materialized='view') }}

{{
    customer_actions(
        segments=ref('olist_customer_segments'),
        profiles=ref('olist_segment_profiles'),
        rfm_scores=ref('olist_customer_rfm_scores'),
        state=ref('int_olist__segment_state'),
        forecast=ref('olist_customer_value_forecast'),
        key='customer_unique_id',
        regions=ref('int_olist__customer_regions')
    )
}}

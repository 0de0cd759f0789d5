{{ config(materialized='view') }}

{{
    customer_actions(
        segments=ref('ecomx_customer_segments'),
        profiles=ref('ecomx_segment_profiles'),
        rfm_scores=ref('ecomx_customer_rfm_scores'),
        state=ref('int_ecomx__segment_state'),
        forecast=ref('ecomx_customer_value_forecast'),
        key='customer_id',
        regions=ref('int_ecomx__customer_regions')
    )
}}

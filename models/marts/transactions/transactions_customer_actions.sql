{{ config(materialized='view') }}

{{
    customer_actions(
        segments=ref('transactions_customer_segments'),
        profiles=ref('transactions_segment_profiles'),
        rfm_scores=ref('transactions_customer_rfm_scores'),
        state=ref('int_transactions__segment_state'),
        forecast=ref('transactions_customer_value_forecast'),
        key='customer_id',
        regions=none
    )
}}

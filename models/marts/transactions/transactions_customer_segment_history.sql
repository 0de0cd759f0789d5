{{ config(materialized='table') }}

{{
    segment_history(
        state=ref('int_transactions__segment_state'),
        dates=ref('int_transactions__segment_history_dates'),
        customer_key='customer_id'
    )
}}

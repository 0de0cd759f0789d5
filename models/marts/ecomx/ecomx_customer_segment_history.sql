{{ config(materialized='table') }}

{{
    segment_history(
        state=ref('int_ecomx__segment_state'),
        dates=ref('int_ecomx__segment_history_dates'),
        customer_key='customer_id'
    )
}}

{{ config(materialized='table') }}

{{
    segment_history(
        state=ref('int_olist__segment_state'),
        dates=ref('int_olist__segment_history_dates'),
        customer_key='customer_unique_id'
    )
}}

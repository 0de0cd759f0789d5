{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key='customer_unique_id',
        full_refresh=false,
        on_schema_change='fail'
    )
}}

{{
    segment_history(
        state=ref('int_olist__segment_state'),
        dates=ref('int_olist__segment_history_dates'),
        customer_key='customer_unique_id'
    )
}}

{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key='customer_id',
        full_refresh=false,
        on_schema_change='fail'
    )
}}

{{
    segment_history(
        state=ref('int_transactions__segment_state'),
        dates=ref('int_transactions__segment_history_dates'),
        customer_key='customer_id'
    )
}}

{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key='to_as_of_date',
        full_refresh=false,
        on_schema_change='fail'
    )
}}

{{
    segment_transitions(
        history=ref('olist_customer_segment_history'),
        dates=ref('int_olist__segment_history_dates'),
        purchases=ref('int_olist__purchases'),
        customer_key='customer_unique_id'
    )
}}

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
        history=ref('ecomx_customer_segment_history'),
        dates=ref('int_ecomx__segment_history_dates'),
        purchases=ref('int_ecomx__purchases'),
        customer_key='customer_id'
    )
}}

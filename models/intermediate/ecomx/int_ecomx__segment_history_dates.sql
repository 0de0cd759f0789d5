{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key='as_of_date',
        full_refresh=false,
        on_schema_change='fail'
    )
}}

{{ segment_history_dates(ref('int_ecomx__segment_state'), 'ecomx') }}

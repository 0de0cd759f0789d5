{{ config(materialized='table') }}

{{ segment_history_dates(ref('int_ecomx__segment_state'), 'ecomx') }}

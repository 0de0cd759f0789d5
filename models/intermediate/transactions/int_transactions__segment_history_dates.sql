{{ config(materialized='table') }}

{{ segment_history_dates(ref('int_transactions__segment_state'), 'transactions') }}

{{ config(materialized='table') }}

{{ segment_history_dates(ref('int_olist__segment_state'), 'olist') }}

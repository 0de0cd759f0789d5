{{ config(materialized='table') }}

{{ value_calibration(ref('int_transactions__purchases'), 'transactions') }}

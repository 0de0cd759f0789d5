{{ config(materialized='table') }}

{{ customer_value_summary(ref('int_transactions__purchases'), ref('int_transactions__value_calibration'), 'customer_id') }}

{{ config(materialized='table') }}

{{ customer_value_summary(ref('int_olist__purchases'), ref('int_olist__value_calibration'), 'customer_unique_id') }}
